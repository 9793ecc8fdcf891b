// The WBS facts offered to the LKE as suggested answers on A.I.5.iv (decision 0006), without any
// report content: whether handlers are designated (applied), how many evaluations of the WBS the
// unit recorded in the year (evaluated: periodic = at least the rule's number), and how many of
// them were followed up. Innovation (answer A on A.I.5.iv.a) is for the unit to judge: B at most.
import { sql } from 'drizzle-orm';
import type { LkeSuggestion, LkeSuggestionSource } from '../assessment/index.ts';
import { WBS_RULES } from './wbs.rules.ts';
import { designatedHandlers, wbsStatistics } from './wbs.service.ts';

const SOURCE = { key: 'wbs.suggest.source', href: '/wbs/statistik' };

/** The pure mapping from counts to answers (table-tested). */
export function wbsAnswers(f: { handlers: number; evaluations: number; followedUp: number }, rules = WBS_RULES) {
  return {
    applied: f.handlers > 0 ? 'b' : 'c',
    evaluated: f.evaluations >= rules.evaluation.periodicAtLeastPerYear ? 'a' : f.evaluations > 0 ? 'b' : 'c',
    followedUp: f.evaluations === 0 ? null : f.followedUp === f.evaluations ? 'a' : f.followedUp > 0 ? 'b' : 'c',
  };
}

export const wbsLkeSuggestions: LkeSuggestionSource = async ({ db, unitId, year }) => {
  const handlers = (await designatedHandlers(db, unitId)).length;
  const res = await db.execute(sql`select count(*)::int as n, count(*) filter (where followed_up)::int as done
    from wbs_evaluations where unit_id = ${unitId} and extract(year from held_on) = ${year}`);
  const row = ((res as unknown as { rows?: { n: number; done: number }[] }).rows ?? [])[0] ?? { n: 0, done: 0 };
  const recovery = await db.execute(sql`select 1 from wbs_settings where id = 'regency'`);
  const hasRecovery = (((recovery as unknown as { rows?: unknown[] }).rows) ?? []).length > 0;
  const stats = await wbsStatistics(db, [unitId], year);
  const closed = stats.byMonth.reduce((s, m) => s + m.closed, 0);
  const a = wbsAnswers({ handlers, evaluations: Number(row.n), followedUp: Number(row.done) });
  const reports = { key: 'wbs.suggest.reports', params: { year, received: stats.total, closed } };
  const out: LkeSuggestion[] = [
    {
      item: 'A.I.5.iv.a', answer: a.applied,
      facts: [
        handlers ? { key: 'wbs.suggest.handlers', params: { n: handlers } } : { key: 'wbs.suggest.no_handlers' },
        { key: hasRecovery ? 'wbs.suggest.recovery_set' : 'wbs.suggest.recovery_missing' },
        reports,
        ...(handlers ? [{ key: 'wbs.suggest.innovation' }] : []),
      ],
      evidence: [], source: SOURCE,
    },
    { item: 'A.I.5.iv.b', answer: a.evaluated, facts: [{ key: 'wbs.suggest.evaluations', params: { n: Number(row.n), year } }], evidence: [], source: SOURCE },
  ];
  if (a.followedUp) out.push({ item: 'A.I.5.iv.c', answer: a.followedUp, facts: [{ key: 'wbs.suggest.followed_up', params: { n: Number(row.n), done: Number(row.done) } }], evidence: [], source: SOURCE });
  return out;
};
