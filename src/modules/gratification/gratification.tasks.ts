// What waits on the home page (kernel TaskSource; wired in the composition root): for the UPG, the
// counts of new reports and of reports past their step deadline in its units; for a reporter, their
// own reports the UPG asked them to complete. Counts only, never content or names.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { inUnits } from '../../kernel/db.ts';
import { offDays } from '../../kernel/calendar.ts';
import type { Task, TaskSource } from '../../kernel/tasks.ts';
import { OPEN_STATES, isOverdue, stepDeadline } from './gratification.rules.ts';
import { gratificationReports as reports } from './gratification.schema.ts';
import { personOfAccount } from './gratification.queries.ts';

export const gratificationTasks: TaskSource = async ({ db, actor, access, today }) => {
  const tasks: Task[] = [];
  const scope = access.scopeOf(actor, 'gratification.handle');
  if (scope && (scope.all || scope.unitIds.length)) {
    const rows = await db.select({ state: reports.state, receivedOn: reports.receivedOn, reportedOn: reports.reportedOn, completionDueOn: reports.completionDueOn, forwardedOn: reports.forwardedOn, rulesVersion: reports.rulesVersion })
      .from(reports).where(and(inArray(reports.state, [...OPEN_STATES]), inUnits(scope, reports.unitId)));
    const off = await offDays(db);
    const overdue = rows.filter((r) => r.state !== 'completion_requested' && isOverdue(stepDeadline(r, off), today)).length;
    const fresh = rows.filter((r) => r.state === 'received').length;
    if (overdue) tasks.push({ href: '/gratifikasi/kelola', key: 'gratification.task.overdue', params: { n: overdue }, tone: 'danger' });
    if (fresh) tasks.push({ href: '/gratifikasi/kelola?state=received', key: 'gratification.task.new', params: { n: fresh }, tone: 'warning' });
  }
  const person = await personOfAccount(db, actor.accountId);
  if (person) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(reports).where(and(eq(reports.personId, person.id), eq(reports.state, 'completion_requested')));
    if (Number(row?.n ?? 0)) tasks.push({ href: '/gratifikasi', key: 'gratification.task.complete', params: { n: Number(row!.n) }, tone: 'warning' });
  }
  return tasks;
};
