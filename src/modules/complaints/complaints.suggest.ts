// The complaint records offered to the LKE as suggested answers (decision 0006): the counts of
// A.II.5.ii.a with the statistics report as generated evidence, and A.I.5.iii.b, A.I.6.iii.a,
// A.II.6.ii.a read from the year's records. The mapping is data (lke-suggestions.json) and a pure
// function (`suggestFromFacts`); `gatherFacts` reads the database.
import { z } from 'zod';
import type { Db } from '../../kernel/db.ts';
import { loadRules } from '../../kernel/rules.ts';
import { dayIn } from '../../kernel/workdays.ts';
import type { LkeSuggestion, LkeSuggestionSource, SuggestionContext, SuggestionEvidence, SuggestionFact } from '../assessment/index.ts';
import { accountsHoldingRole, findRegency, findUnit } from '../org/index.ts';
import { renderComplaintReportPdf, reportModel } from './complaints.pdf.ts';
import { RULES, parsePeriod, type Stats } from './complaints.rules.ts';
import { statsFor, unansweredCount } from './complaints.queries.ts';

export interface SuggestRules {
  counts: { item: string }; followedUp: { item: string };
  responsive: { item: string; fastSlaMetPct: number; manyChannels: number };
  media: { item: string };
}
const source = z.object({ tag: z.enum(['V', 'S', 'U', 'I']), ref: z.string().min(1) }).strict();
const item = z.string().regex(/^[A-C]\.[IVX]+\.\d+\.[ivx]+\.[a-z]$/);
const pct = z.number().min(0).max(100);
/** The shape of lke-suggestions.json, checked when the module loads (kernel/rules.ts). */
const suggestRules = z.object({
  id: z.string().min(1), ruleset: z.string().min(1), about: z.string(),
  counts: z.object({ item, source }).strict(),
  followedUp: z.object({ item, source }).strict(),
  responsive: z.object({ item, fastSlaMetPct: pct, manyChannels: z.number().int().positive(), source }).strict(),
  media: z.object({ item, source }).strict(),
}).strict();
export const SUGGEST_RULES: SuggestRules = loadRules(new URL('./lke-suggestions.json', import.meta.url), suggestRules);

export interface ComplaintFacts {
  year: number;
  stats: Stats;
  /** open complaints that have had no reply yet */
  unanswered: number;
  handlers: number;
}

const f = (key: string, params?: Record<string, string | number>): SuggestionFact => ({ key: `complaints.fact.${key}`, ...(params ? { params } : {}) });
const SOURCE = { key: 'complaints.source', href: '/pengaduan/statistik' };

/** Facts → suggestions (pure). */
export function suggestFromFacts(facts: ComplaintFacts, report: SuggestionEvidence | null = null, rules = SUGGEST_RULES): LkeSuggestion[] {
  const s = facts.stats;
  const ev = report ? [report] : [];
  const out: LkeSuggestion[] = [];
  const counts = f('counts', { total: s.total, toFollowUp: s.lke.toFollowUp, inProcess: s.lke.inProcess, completed: s.lke.completed, year: facts.year });
  out.push({ item: rules.counts.item, answer: { inputs: { ...s.lke } }, facts: [counts], evidence: ev, source: SOURCE });
  if (s.lke.toFollowUp > 0) {
    out.push({ item: rules.followedUp.item, answer: facts.unanswered === 0 ? 'Ya' : null, facts: [counts, f(facts.unanswered ? 'unanswered' : 'all_answered', { n: facts.unanswered })], evidence: ev, source: SOURCE });
  }
  const channels = Object.keys(s.byChannel);
  if (s.total > 0) {
    const online = channels.some((c) => RULES.onlineChannels.includes(c));
    const offline = channels.some((c) => !RULES.onlineChannels.includes(c));
    const lapor = channels.includes('lapor');
    const media = !online && offline ? 'd' : online && offline ? (facts.handlers === 0 ? 'c' : lapor ? 'a' : 'b') : null;
    out.push({ item: rules.media.item, answer: media, facts: [f('channels', { n: channels.length }), f(facts.handlers ? 'handlers' : 'no_handlers', { n: facts.handlers }), f(lapor ? 'lapor' : 'no_lapor')], evidence: ev, source: SOURCE });
  }
  if (s.finished > 0) {
    const fast = (s.slaMetPct ?? 0) >= rules.responsive.fastSlaMetPct;
    const many = channels.length >= rules.responsive.manyChannels;
    out.push({
      item: rules.responsive.item, answer: fast ? (many ? 'a' : 'b') : (many ? 'c' : 'd'),
      facts: [f('sla', { pct: s.slaMetPct ?? 0, met: s.slaMet, finished: s.finished, min: rules.responsive.fastSlaMetPct }), f('channels', { n: channels.length })], evidence: ev, source: SOURCE,
    });
  }
  return out;
}

export async function gatherFacts(db: Db, unitId: string, year: number, now: Date): Promise<ComplaintFacts> {
  const period = parsePeriod(String(year))!;
  const scope = { all: false as const, unitIds: [unitId] };
  const stats = await statsFor(db, scope, unitId, period, now);
  return { year, stats, unanswered: await unansweredCount(db, unitId, period), handlers: (await accountsHoldingRole(db, 'complaint_handler', unitId)).length };
}

export const complaintsLkeSuggestions: LkeSuggestionSource = async (ctx: SuggestionContext) => {
  const facts = await gatherFacts(ctx.db, ctx.unitId, ctx.year, ctx.now);
  if (facts.stats.total === 0) return suggestFromFacts(facts);
  const today = dayIn(ctx.now);
  const report: SuggestionEvidence = {
    kind: 'document',
    title: ctx.t('complaints.evidence.report', { year: ctx.year, date: today }),
    fileName: `Laporan-Pengaduan-${ctx.year}.pdf`,
    render: async () => {
      const unit = (await findUnit(ctx.db, { all: true }, ctx.unitId))!;
      const regency = await findRegency(ctx.db);
      return renderComplaintReportPdf(reportModel({ t: ctx.t, regency: regency?.name ?? '', unit, period: parsePeriod(String(ctx.year))!, stats: facts.stats, today }), new Date(`${today}T00:00:00Z`));
    },
  };
  return suggestFromFacts(facts, report);
};
