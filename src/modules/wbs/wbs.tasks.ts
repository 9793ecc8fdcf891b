// What waits for a WBS handler on the home page: counts of open reports whose key they hold (new
// ones first), never content. A report a handler was excluded from has no key for them, so it is
// not counted.
import { sql } from 'drizzle-orm';
import type { Task, TaskSource } from '../../kernel/tasks.ts';

export const wbsTasks: TaskSource = async ({ db, actor, access }) => {
  if (!access.scopeOf(actor, 'wbs.handle')) return [];
  const res = await db.execute(sql`
    select count(*) filter (where r.state = 'received')::int as fresh, count(*) filter (where r.state not in ('received', 'rejected', 'closed'))::int as open
    from wbs_reports r join wbs_report_keys k on k.report_id = r.id and k.account_id = ${actor.accountId}
    where r.purged_on is null`);
  const row = ((res as unknown as { rows?: { fresh: number; open: number }[] }).rows ?? [])[0] ?? { fresh: 0, open: 0 };
  const tasks: Task[] = [];
  if (Number(row.fresh) > 0) tasks.push({ href: '/wbs/kelola', key: 'wbs.task.new', params: { n: Number(row.fresh) }, tone: 'warning' });
  if (Number(row.open) > 0) tasks.push({ href: '/wbs/kelola', key: 'wbs.task.open', params: { n: Number(row.open) }, tone: 'info' });
  return tasks;
};
