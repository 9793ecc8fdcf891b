// The complaint-handling report of a unit and period as a PDF through Typst (complaints.typ). The
// model carries every text final and every number formatted; Typst only lays it out.
import { renderPdf, unitLetterhead, type Letterhead, type LetterheadUnit } from '../../kernel/documents.ts';
import type { T } from '../../kernel/i18n.ts';
import { formatDate, formatNumber } from '../../kernel/i18n.ts';
import { CATEGORIES, CHANNELS, STATES, type Period, type Stats } from './complaints.rules.ts';

export interface ReportModel {
  kop: Letterhead;
  title: string; unit: string; period: string; intro: string;
  labels: Record<string, string>;
  summary: [string, string][];
  lke: [string, string][];
  byCategory: [string, string][];
  byChannel: [string, string][];
  byState: [string, string][];
  footer: string;
}

export function reportModel(src: { t: T; regency: string; unit: LetterheadUnit; period: Period; stats: Stats; today: string }): ReportModel {
  const { t, stats: s } = src;
  const n = (x: number, d = 0) => formatNumber(x, 'id', d);
  const days = (x: number | null) => (x === null ? '—' : t('complaints.stats.days', { n: n(x, 1) }));
  const rows = (keys: readonly string[], counts: Record<string, number>, prefix: string): [string, string][] => keys.map((k) => [t(`complaints.${prefix}.${k}`), n(counts[k] ?? 0)]);
  return {
    kop: unitLetterhead(src.regency, src.unit),
    title: t('complaints.report.title'),
    unit: src.unit.name,
    period: t(`complaints.period.${src.period.kind}`, { code: src.period.code }),
    intro: t('complaints.report.intro', { from: formatDate(src.period.from, 'id'), to: formatDate(src.period.to, 'id'), today: formatDate(src.today, 'id') }),
    labels: {
      s1: t('complaints.report.s1'), s2: t('complaints.report.s2'), s3: t('complaints.stats.by_category'), s4: t('complaints.stats.by_channel'), s5: t('complaints.stats.by_state'),
      count: t('complaints.stats.count'), col_category: t('complaints.field.category'), col_channel: t('complaints.field.channel'), col_state: t('complaints.field.status'), page: t('complaints.report.page'), of: t('complaints.report.of'),
    },
    summary: [
      [t('complaints.stats.total'), n(s.total)],
      [t('complaints.stats.finished'), n(s.finished)],
      [t('complaints.stats.sla'), s.slaMetPct === null ? '—' : `${n(s.slaMetPct, 1)} % (${n(s.slaMet)}/${n(s.finished)})`],
      [t('complaints.stats.overdue'), n(s.overdue)],
      [t('complaints.stats.first_response'), days(s.medianFirstResponse)],
      [t('complaints.stats.closure'), days(s.medianClosure)],
      [t('complaints.stats.satisfaction'), s.satisfaction.mean === null ? '—' : `${n(s.satisfaction.mean, 1)} / 5 (${n(s.satisfaction.n)})`],
    ],
    lke: [
      [t('complaints.stats.lke.to_follow_up'), n(s.lke.toFollowUp)],
      [t('complaints.stats.lke.in_process'), n(s.lke.inProcess)],
      [t('complaints.stats.lke.completed'), n(s.lke.completed)],
    ],
    byCategory: rows(CATEGORIES, s.byCategory, 'category'),
    byChannel: rows(CHANNELS, s.byChannel, 'channel'),
    byState: rows(STATES, s.byState, 'state'),
    footer: t('complaints.report.footer'),
  };
}

const TEMPLATE_URL = new URL('./complaints.typ', import.meta.url);

export function renderComplaintReportPdf(model: ReportModel, at: Date = new Date()): Uint8Array {
  return renderPdf(TEMPLATE_URL, model, { at });
}
