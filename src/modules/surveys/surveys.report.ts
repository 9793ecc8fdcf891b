// The SKM report of a unit and period (PermenPANRB 14/2017 report content as implementations lay it
// out, domain spec §6.6): method, sample, respondent profile, NRR per unsur, IKM and category,
// analysis (the period's text + the lowest unsur automatically), a sample of suggestions received,
// the follow-up plan and the previous period's realisation. Every text final, numbers formatted in
// Indonesian; Typst only lays it out (skm.typ).
import type { Db } from '../../kernel/db.ts';
import { formatDate, formatNumber, type T } from '../../kernel/i18n.ts';
import { findRegency, findUnit } from '../org/index.ts';
import { followupsOf, periodResults, previousPeriod, suggestionsOf, type PeriodRow } from './surveys.queries.ts';
import { krejcieMorgan, roundTo, weakestItems } from './surveys.rules.ts';

export interface SkmReportModel {
  kop: { government: string; unit: string; address: string };
  title: string; unit: string; period: string; intro: string;
  labels: Record<string, string>;
  method: [string, string][];
  sample: [string, string][];
  profile: { field: string; rows: [string, string, string][] }[];
  nrr: [string, string, string, string, string][];
  summary: [string, string][];
  analysis: string[];
  suggestions: string[];
  followups: [string, string, string, string, string][];
  previous: { period: string; rows: [string, string, string][] } | null;
  place: string; date: string;
}

const n2 = (x: number | null, d = 2) => (x === null ? '—' : formatNumber(roundTo(x, d), 'id', d));
const ROMAN = ['', 'I', 'II', 'III', 'IV'];
export const periodText = (p: Pick<PeriodRow, 'periodType' | 'n' | 'year'>) => p.periodType === 'quarter' ? `Triwulan ${ROMAN[p.n]} Tahun ${p.year}` : p.periodType === 'semester' ? `Semester ${ROMAN[p.n]} Tahun ${p.year}` : `Tahun ${p.year}`;

export async function skmReportOf(db: Db, p: PeriodRow, t: T, today = new Date()): Promise<SkmReportModel> {
  const res = (await periodResults(db, p.id))!;
  const ins = res.instrument;
  const skm = res.unit.skm!;
  const reg = await findRegency(db);
  const regency = (reg?.name ?? '').replace(/^Pemerintah\s+/i, '');
  const capital = (reg as { capital?: string | null } | null)?.capital ?? null;
  const unitRow = await findUnit(db, { all: true }, p.unitId);
  const address = [unitRow?.address, unitRow?.phone ? `Telp. ${unitRow.phone}` : null, unitRow?.email ? `E-Mail: ${unitRow.email}` : null].filter(Boolean).join(' · ');
  const name = (code: string) => ins.items.find((i) => i.code === code)!.name.id;
  const prev = await previousPeriod(db, p);
  const fus = await followupsOf(db, prev ? [p.id, prev.id] : [p.id]);
  const mine = fus.filter((f) => f.periodId === p.id);
  const prevFus = prev ? fus.filter((f) => f.periodId === prev.id) : [];
  const sugg = await suggestionsOf(db, p.id, 10);
  const required = krejcieMorgan(p.population ?? 0);
  const date = (d: string) => formatDate(d, 'id', 'Asia/Jakarta');
  const weakest = weakestItems(skm.nrr, 3);
  const analysis: string[] = [];
  if (p.analysis) analysis.push(...p.analysis.split(/\n\s*\n/).map((s) => s.trim()).filter(Boolean));
  if (skm.ikm !== null) {
    analysis.push(t('surveys.report.auto_result', { ikm: n2(skm.ikm, 4), nik: n2(skm.nik), mutu: skm.mutu!, kinerja: skm.kinerja!.id }));
    if (weakest.length) analysis.push(t('surveys.report.auto_lowest', { items: weakest.map((w) => `${w.code} ${name(w.code)} (${n2(w.nrr)})`).join('; '), first: `${weakest[0].code} ${name(weakest[0].code)}` }));
  }
  const labels = Object.fromEntries(['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 'unsur', 'nrr', 'nik', 'mutu', 'category', 'count', 'share', 'no', 'action', 'target', 'responsible', 'status', 'realisation', 'page', 'of', 'none', 'head']
    .map((k) => [k, t(`surveys.report.l.${k}`)]));
  return {
    kop: { government: `PEMERINTAH ${regency.toUpperCase()}`, unit: (unitRow?.name ?? '').toUpperCase(), address },
    title: 'LAPORAN SURVEI KEPUASAN MASYARAKAT', unit: unitRow?.name ?? '', period: periodText(p).toUpperCase(),
    intro: t('surveys.report.intro', { unit: unitRow?.name ?? '', period: periodText(p), regency }),
    labels,
    method: [
      [t('surveys.report.m.basis'), ins.regulation],
      [t('surveys.report.m.period'), `${date(p.startsOn)} – ${date(p.endsOn)}`],
      [t('surveys.report.m.instrument'), t('surveys.report.m.instrument_v', { n: ins.items.length })],
      [t('surveys.report.m.channels'), t('surveys.report.m.channels_v', { online: formatNumber(res.channels.online ?? 0, 'id'), paper: formatNumber((res.channels.paper ?? 0) + (res.channels.import ?? 0), 'id') })],
      [t('surveys.report.m.formula'), t('surveys.report.m.formula_v')],
    ],
    sample: [
      [t('surveys.report.s.population'), p.population === null ? '—' : formatNumber(p.population, 'id')],
      [t('surveys.report.s.required'), p.population === null ? '—' : formatNumber(required, 'id')],
      [t('surveys.report.s.achieved'), formatNumber(res.respondents, 'id')],
      [t('surveys.report.s.met'), p.population === null ? '—' : res.respondents >= required ? t('surveys.report.yes') : t('surveys.report.no_short', { n: formatNumber(required - res.respondents, 'id') })],
    ],
    profile: ins.profile.map((f) => {
      const counts = res.profile[f.field] ?? {};
      const answered = Object.values(counts).reduce((s, x) => s + x, 0);
      const pct = (x: number) => (res.respondents ? `${formatNumber((x / res.respondents) * 100, 'id', 1)}%` : '—');
      return { field: f.label.id, rows: [...f.options.map((o) => [o.label.id, formatNumber(counts[o.code] ?? 0, 'id'), pct(counts[o.code] ?? 0)] as [string, string, string]), [t('surveys.profile.unanswered'), formatNumber(res.respondents - answered, 'id'), pct(res.respondents - answered)]] };
    }),
    nrr: skm.unsur.map((u) => [u.code, name(u.code), n2(u.nrr), n2(u.nik), u.mutu ?? '—']),
    summary: [
      [t('surveys.result.respondents'), formatNumber(res.respondents, 'id')],
      [t('surveys.report.sum.ikm'), n2(skm.ikm, 4)],
      [t('surveys.report.sum.nik'), n2(skm.nik)],
      [t('surveys.report.sum.mutu'), skm.mutu ?? '—'],
      [t('surveys.report.sum.kinerja'), skm.kinerja?.id ?? '—'],
    ],
    analysis,
    suggestions: [...new Set(sugg.map((s) => s.text.trim()))].slice(0, 8).map((text) => ({ text })).map((s) => s.text.length > 300 ? `${s.text.slice(0, 299)}…` : s.text),
    followups: mine.map((f, i) => [String(i + 1), `${f.item ? `${f.item} ${name(f.item)}: ` : ''}${f.action}`, f.targetDate ? date(f.targetDate) : '—', f.responsible ?? '—', f.done ? t('surveys.followup.done') : t('surveys.followup.open')]),
    previous: prev ? { period: periodText(prev), rows: prevFus.map((f) => [`${f.item ? `${f.item}: ` : ''}${f.action}`, f.realisation ?? '—', f.done ? `${t('surveys.followup.done')}${f.doneOn ? ` (${date(f.doneOn)})` : ''}` : t('surveys.followup.open')]) } : null,
    place: capital ?? regency.replace(/^(Kabupaten|Kota)\s+/i, ''),
    date: formatDate(today, 'id', 'Asia/Jakarta'),
  };
}
