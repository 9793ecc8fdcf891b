// What waits on the LKE, for the home page: the TPI evaluator's worksheets submitted for review and
// under review; a unit's worksheets returned by the TPI, for those who resubmit them.
import { sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../../kernel/access.ts';
import type { Task, TaskSource } from '../../kernel/tasks.ts';
import { EVALUATORS, UNIT_SUBMITTERS } from './lke.workflow.ts';

const unitsOf = (scope: Scope): SQL => (scope.all ? sql`true` : scope.unitIds.length ? sql`w.unit_id in (${sql.join(scope.unitIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`);

/** Grants of these roles, as a scope (null when the actor holds none). */
function scopeOfRoles(grants: { role: string; unitId: string | null; unitIds: string[] }[], roles: readonly string[]): Scope | null {
  const gs = grants.filter((g) => roles.includes(g.role));
  if (!gs.length) return null;
  if (gs.some((g) => g.unitId === null)) return { all: true };
  return { all: false, unitIds: [...new Set(gs.flatMap((g) => g.unitIds))] };
}

export const assessmentTasks: TaskSource = async ({ db, actor }) => {
  const tasks: Task[] = [];
  const count = async (scope: Scope, state: string) => {
    const res = await db.execute(sql`select count(*)::int as n from assessment_worksheets w where w.state = ${state} and ${unitsOf(scope)}`);
    return Number(((res as unknown as { rows?: { n: number }[] }).rows ?? [])[0]?.n ?? 0);
  };
  const tpi = scopeOfRoles(actor.grants, EVALUATORS);
  if (tpi) {
    const submitted = await count(tpi, 'submitted');
    const reviewing = await count(tpi, 'under_review');
    if (submitted) tasks.push({ href: '/lke', key: 'lke.task.submitted', params: { n: submitted }, tone: 'warning' });
    if (reviewing) tasks.push({ href: '/lke', key: 'lke.task.under_review', params: { n: reviewing }, tone: 'info' });
  }
  const unit = scopeOfRoles(actor.grants, UNIT_SUBMITTERS);
  if (unit) {
    const returned = await count(unit, 'returned');
    if (returned) tasks.push({ href: '/lke', key: 'lke.task.returned', params: { n: returned }, tone: 'warning' });
  }
  return tasks;
};
