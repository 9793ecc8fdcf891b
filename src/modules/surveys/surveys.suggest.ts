// The surveys' facts offered to the LKE as suggested answers: B.I.a (IPAK) and B.II.a (IPKP) from the
// year's latest closed SPAK/SPKP period (else the latest with responses) as {index}; A.I.6.iv.a
// (SKM frequency), A.I.6.iv.b (publication), A.I.6.iv.c (follow-up done) from the year's SKM periods,
// with the SKM report PDF as generated evidence. The mapping is data (lke-suggestions.json) and a
// pure function (suggestFromFacts); gatherSurveyFacts does the reads.
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../kernel/db.ts';
import type { LkeSuggestion, LkeSuggestionSource, SuggestionContext } from '../assessment/index.ts';
import { renderSkmReportPdf } from './surveys.pdf.ts';
import { followupsOf, periodResults, type PeriodRow } from './surveys.queries.ts';
import { skmReportOf, periodText } from './surveys.report.ts';
import { roundTo } from './surveys.rules.ts';
import { periods } from './surveys.schema.ts';
import { sql } from 'drizzle-orm';

export interface SurveySuggestionRules {
  index: { ipak: string; ipkp: string; decimals: number };
  frequency: { item: string; letters: [number, string][] };
  published: { item: string; none: string; online: string | null };
  followup: { item: string; all: string; most: { above: number; letter: string }; some: string; none: string };
}
export const SURVEY_SUGGESTION_RULES: SurveySuggestionRules = JSON.parse(readFileSync(new URL('./lke-suggestions.json', import.meta.url), 'utf8'));

export interface PerceptionFact { periodId: string; label: string; respondents: number; index: number | null; meetsMinimum: boolean }
export interface SurveyFacts {
  year: number;
  ipak: PerceptionFact | null;
  ipkp: PerceptionFact | null;
  /** SKM periods of the year with at least one response */
  skmConducted: { id: string; label: string; published: boolean; closed: boolean }[];
  /** follow-up over the year's closed SKM periods */
  followup: { planned: number; done: number; periodsWithoutPlan: number };
  /** the latest closed SKM period with responses (its report is the evidence) */
  reportPeriodId: string | null;
}

/** Pure: facts → suggestions (without evidence and sources, added by the caller). */
export function suggestFromFacts(f: SurveyFacts, rules: SurveySuggestionRules = SURVEY_SUGGESTION_RULES): { item: string; answer: unknown; facts: { key: string; params?: Record<string, string | number> }[] }[] {
  const out: ReturnType<typeof suggestFromFacts> = [];
  for (const [which, item] of [['ipak', rules.index.ipak], ['ipkp', rules.index.ipkp]] as const) {
    const p = f[which];
    if (!p || p.index === null) continue;
    const facts: { key: string; params?: Record<string, string | number> }[] = [{ key: `surveys.lke.${which}`, params: { period: p.label, n: p.respondents, index: roundTo(p.index, rules.index.decimals).toFixed(rules.index.decimals).replace('.', ',') } }];
    if (!p.meetsMinimum) facts.push({ key: 'surveys.lke.below_minimum', params: { n: p.respondents } });
    out.push({ item, answer: { index: roundTo(p.index, rules.index.decimals) }, facts });
  }
  const n = f.skmConducted.length;
  const letter = rules.frequency.letters.find(([min]) => n >= min)?.[1] ?? 'E';
  out.push({ item: rules.frequency.item, answer: letter, facts: [{ key: 'surveys.lke.frequency', params: { n, year: f.year, periods: f.skmConducted.map((p) => p.label).join(', ') || '—' } }] });
  const published = f.skmConducted.filter((p) => p.published).length;
  if (n) out.push({ item: rules.published.item, answer: published ? rules.published.online : rules.published.none, facts: [{ key: published ? 'surveys.lke.published' : 'surveys.lke.not_published', params: { published, n } }] });
  const closed = f.skmConducted.filter((p) => p.closed).length;
  if (closed) {
    const planned = f.followup.planned + f.followup.periodsWithoutPlan;
    const share = planned ? f.followup.done / planned : 0;
    const r = rules.followup;
    const ans = planned && f.followup.done === planned ? r.all : share > r.most.above ? r.most.letter : f.followup.done > 0 ? r.some : r.none;
    out.push({ item: r.item, answer: ans, facts: [{ key: 'surveys.lke.followup', params: { done: f.followup.done, planned, without: f.followup.periodsWithoutPlan } }] });
  }
  return out;
}

const byLatest = (a: PeriodRow, b: PeriodRow) => (a.status === b.status ? b.endsOn.localeCompare(a.endsOn) : a.status === 'closed' ? -1 : 1);

export async function gatherSurveyFacts(db: Db, unitId: string, year: number): Promise<SurveyFacts> {
  const rows = await db.select({ p: periods, n: sql<number>`(select count(*)::int from surveys_responses r where r.period_id = surveys_periods.id)` })
    .from(periods).where(and(eq(periods.unitId, unitId), eq(periods.year, year)));
  const withN = rows.map((r) => ({ ...r.p, respondents: Number(r.n) })).filter((p) => p.respondents > 0);
  const perception = async (kind: string): Promise<PerceptionFact | null> => {
    const p = withN.filter((x) => x.kind === kind).sort(byLatest)[0];
    if (!p) return null;
    const res = await periodResults(db, p.id);
    const pr = res?.unit.perception;
    return pr ? { periodId: p.id, label: periodText(p), respondents: pr.respondents, index: pr.index, meetsMinimum: pr.meetsMinimum } : null;
  };
  const skm = withN.filter((p) => p.kind === 'skm').sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const closed = skm.filter((p) => p.status === 'closed');
  const fus = await followupsOf(db, closed.map((p) => p.id));
  return {
    year,
    ipak: await perception('spak'),
    ipkp: await perception('spkp'),
    skmConducted: skm.map((p) => ({ id: p.id, label: periodText(p), published: !!p.publishedAt, closed: p.status === 'closed' })),
    followup: { planned: fus.length, done: fus.filter((f) => f.done).length, periodsWithoutPlan: closed.filter((p) => !fus.some((f) => f.periodId === p.id)).length },
    reportPeriodId: closed.length ? closed[closed.length - 1].id : null,
  };
}

export const surveysLkeSuggestions: LkeSuggestionSource = async (ctx: SuggestionContext): Promise<LkeSuggestion[]> => {
  const facts = await gatherSurveyFacts(ctx.db, ctx.unitId, ctx.year);
  const report = facts.reportPeriodId ? (await ctx.db.select().from(periods).where(eq(periods.id, facts.reportPeriodId)).limit(1))[0] : null;
  const skmEvidence = report ? [{
    kind: 'document' as const, title: `Laporan SKM ${periodText(report)}`, fileName: `Laporan-SKM-${report.year}-Q${report.n}.pdf`,
    render: async () => renderSkmReportPdf(await skmReportOf(ctx.db, report, ctx.t, ctx.now), ctx.now),
  }] : [];
  return suggestFromFacts(facts).map((s) => ({
    ...s,
    evidence: s.item.startsWith('A.I.6.iv') ? skmEvidence : [],
    source: { key: 'surveys.lke.source', href: `/survei` },
  }));
};
