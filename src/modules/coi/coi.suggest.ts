// The conflict-of-interest facts offered to the LKE as suggested answers on A.I.5.v.a–e (decision
// 0006, 0013): coverage of the unit's main functions by the risk map (a), by socialisation (b) and by
// declarations (c), the number of evaluations in the year (d) and the share of their recommendations
// followed up (e). The mapping is a pure function (`coiSuggestions`) over the year's summary; the
// year's report is offered as generated evidence. No declaration content leaves the module.
import type { LkeSuggestion, LkeSuggestionSource, SuggestionEvidence, SuggestionFact } from '../assessment/index.ts';
import { dayIn } from '../../kernel/workdays.ts';
import { COI_RULES } from './coi.rules.ts';
import { yearReportPdf } from './coi.report.ts';
import { summaryOf, type Summary } from './coi.queries.ts';

const f = (key: string, params?: Record<string, string | number>): SuggestionFact => ({ key: `coi.fact.${key}`, ...(params ? { params } : {}) });

/** Summary → suggestions (pure). */
export function coiSuggestions(s: Summary, unitId: string, report: SuggestionEvidence | null = null, rules = COI_RULES): LkeSuggestion[] {
  const source = { key: 'coi.suggest.source', href: `/konflik-kepentingan/ringkasan?unit=${unitId}&year=${s.year}` };
  const ev = report ? [report] : [];
  const total = s.functions;
  const none = f('no_functions', { year: s.year });
  const out: LkeSuggestion[] = [
    { item: 'A.I.5.v.a', answer: s.answers.a, facts: total ? [f('mapped', { n: s.mapped, total, year: s.year, risks: s.risks }), f('threshold')] : [none], evidence: ev, source },
    { item: 'A.I.5.v.b', answer: s.answers.b, facts: total ? [f('socialised', { n: s.socialised, total, count: s.socialisations, participants: s.participants }), f('threshold')] : [none], evidence: ev, source },
    { item: 'A.I.5.v.c', answer: s.answers.c, facts: [
      ...(total ? [f('implemented', { n: s.implemented, total }), f('threshold')] : [none]),
      f('declarations', { period: s.periodic.period, declared: s.periodic.declared, active: s.periodic.active, adhoc: s.declarations.adhoc, conflicts: s.declarations.withConflict }),
    ], evidence: ev, source },
    { item: 'A.I.5.v.d', answer: s.answers.d, facts: [f('evaluations', { n: s.evaluations, year: s.year, min: rules.evaluation.periodicAtLeastPerYear })], evidence: ev, source },
  ];
  if (s.answers.e) out.push({ item: 'A.I.5.v.e', answer: s.answers.e, facts: [f('followed_up', { done: s.recommendationsDone, total: s.recommendations })], evidence: ev, source });
  return out;
}

export const coiLkeSuggestions: LkeSuggestionSource = async (ctx) => {
  const today = dayIn(ctx.now);
  const s = await summaryOf(ctx.db, ctx.unitId, ctx.year, today);
  const empty = s.functions === 0 && s.socialisations === 0 && s.evaluations === 0 && s.declarations.periodic + s.declarations.adhoc === 0;
  const report: SuggestionEvidence | null = empty ? null : {
    kind: 'document',
    title: ctx.t('coi.evidence.report', { year: ctx.year, date: today }),
    fileName: `Laporan-Konflik-Kepentingan-${ctx.year}.pdf`,
    render: async () => (await yearReportPdf(ctx.db, ctx.unitId, ctx.year, ctx.t, new Date(`${today}T00:00:00Z`))).bytes,
  };
  return coiSuggestions(s, ctx.unitId, report);
};
