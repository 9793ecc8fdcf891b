// The gratification-control facts offered to the LKE as suggested answers on A.I.5.i.a (public
// campaign: periodic = a, not periodic = b, none = c) and A.I.5.i.b (UPG with control in the
// procedures = a, efforts started = b, UPG without procedure = c, no UPG = d) — decisions 0006, 0012.
// The mapping is a pure function (`gratificationSuggestions`) over the year's facts; the campaign
// evidence files and the year's UPG report PDF are offered as evidence. No report content or name
// leaves the module.
import type { LkeSuggestion, LkeSuggestionSource, SuggestionEvidence, SuggestionFact } from '../assessment/index.ts';
import { dayIn } from '../../kernel/workdays.ts';
import { periodicReportPdf } from './gratification.pdf.ts';
import { GRATIFICATION_RULES } from './gratification.rules.ts';
import { lkeFacts, listCampaigns, type LkeFacts } from './gratification.queries.ts';

const f = (key: string, params?: Record<string, string | number>): SuggestionFact => ({ key: `gratification.fact.${key}`, ...(params ? { params } : {}) });

/** Facts → suggestions (pure). */
export function gratificationSuggestions(x: LkeFacts, unitId: string, evidence: { campaigns: SuggestionEvidence[]; report: SuggestionEvidence | null } = { campaigns: [], report: null }, rules = GRATIFICATION_RULES): LkeSuggestion[] {
  const source = { key: 'gratification.suggest.source', href: `/gratifikasi/statistik?unit=${unitId}&year=${x.year}` };
  const report = evidence.report ? [evidence.report] : [];
  return [
    {
      item: 'A.I.5.i.a', answer: x.campaignAnswer, source,
      facts: x.campaigns
        ? [f('campaigns', { n: x.campaigns, year: x.year, quarters: x.quarters }), f('periodic_rule', { min: rules.campaign.periodicAtLeastPerYear, quarters: rules.campaign.periodicQuarters })]
        : [f('no_campaigns', { year: x.year })],
      evidence: [...evidence.campaigns, ...report],
    },
    {
      item: 'A.I.5.i.b', answer: x.upgAnswer, source,
      facts: [
        x.decree ? f('decree', { decree: x.decree }) : f('no_decree'),
        x.procedures ? f('procedures', { procedures: x.procedures }) : f('no_procedures'),
        f('reports', { n: x.reports, handled: x.reportsHandled, year: x.year }),
      ],
      evidence: report,
    },
  ];
}

export const gratificationLkeSuggestions: LkeSuggestionSource = async (ctx) => {
  const today = dayIn(ctx.now);
  const x = await lkeFacts(ctx.db, ctx.unitId, ctx.year);
  const campaigns: SuggestionEvidence[] = [];
  for (const c of await listCampaigns(ctx.db, ctx.unitId, ctx.year)) {
    for (const e of c.evidence) {
      if (e.kind === 'file' && e.fileId) campaigns.push({ kind: 'file', fileId: e.fileId, title: e.title });
      else if (e.url) campaigns.push({ kind: 'url', url: e.url, title: e.title });
    }
    if (c.url && !c.evidence.some((e) => e.url === c.url)) campaigns.push({ kind: 'url', url: c.url, title: c.title });
  }
  const empty = !x.campaigns && !x.reports && !x.decree;
  const report: SuggestionEvidence | null = empty ? null : {
    kind: 'document',
    title: ctx.t('gratification.evidence.report', { year: ctx.year, date: today }),
    fileName: `Laporan-UPG-${ctx.year}.pdf`,
    render: async () => (await periodicReportPdf(ctx.db, ctx.unitId, String(ctx.year), ctx.t, new Date(`${today}T00:00:00Z`))).bytes,
  };
  return gratificationSuggestions(x, ctx.unitId, { campaigns, report });
};
