// What the survey pages share: the period's label and badges, the sample progress, and the result
// blocks (SKM per unsur, IPAK/IPKP per aspect, respondent profile) —
// inline SVG charts with the numbers in tables. Functions of the view and their data; no database.
import { Badge, Csrf, ScrollRegion } from '../../kernel/ui/components.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { BarChart } from './surveys.charts.tsx';
import type { Instrument } from './instruments.ts';
import type { GroupResult, PeriodResults, PeriodRow } from './surveys.queries.ts';
import { roundTo, sampleProgress } from './surveys.rules.ts';
import { indexThresholds } from './surveys.thresholds.ts';

/** The staff pages. */
export const BASE = '/survei';

const ROMAN = ['', 'I', 'II', 'III', 'IV'];
export function periodLabel(t: View['t'], p: Pick<PeriodRow, 'periodType' | 'n' | 'year'>): string {
  if (p.periodType === 'quarter') return t('surveys.period.quarter', { n: ROMAN[p.n] ?? String(p.n), year: p.year });
  if (p.periodType === 'semester') return t('surveys.period.semester', { n: ROMAN[p.n] ?? String(p.n), year: p.year });
  return t('surveys.period.year', { year: p.year });
}
export const fmt = (v: View, x: number | null, d = 2) => (x === null ? '—' : v.num(roundTo(x, d), d));
export const mutuTone = (m: string | null) => (m === 'A' ? 'success' : m === 'B' ? 'info' : m === 'C' ? 'warning' : m === 'D' ? 'danger' : 'neutral') as 'success' | 'info' | 'warning' | 'danger' | 'neutral';

export function StatusBadges({ v, p }: { v: View; p: PeriodRow }) {
  return <span class="badge-row">
    <Badge tone={p.status === 'open' ? 'success' : 'neutral'}>{v.t(`surveys.status.${p.status}`)}</Badge>
    {p.publishedAt ? <Badge tone="info">{v.t('surveys.published')}</Badge> : null}
    {p.requireCode ? <Badge tone="neutral">{v.t('surveys.code_required')}</Badge> : null}
  </span>;
}

export function SampleProgress({ v, achieved, required, kind }: { v: View; achieved: number; required: number; kind: string }) {
  if (kind !== 'skm') {
    const min = 30;
    const pr = sampleProgress(achieved, min);
    return <div class="progress-block">
      <div class="progress-block__label"><span>{v.t('surveys.sample.minimum', { min })}</span><strong>{v.t('surveys.sample.count', { n: v.num(achieved), req: v.num(min) })}</strong></div>
      <progress class="progress" max={100} value={pr.percent} aria-label={v.t('surveys.sample.minimum', { min })}>{pr.percent}%</progress>
      {pr.met ? null : <p><Badge tone="warning">{v.t('surveys.sample.below_minimum', { min })}</Badge></p>}
    </div>;
  }
  if (!required) return <p class="muted">{v.t('surveys.sample.no_population')}</p>;
  const pr = sampleProgress(achieved, required);
  return <div class="progress-block">
    <div class="progress-block__label"><span>{v.t('surveys.sample.required')}</span><strong>{v.t('surveys.sample.count', { n: v.num(achieved), req: v.num(required) })}</strong></div>
    <progress class="progress" max={100} value={pr.percent} aria-label={v.t('surveys.sample.required')}>{pr.percent}%</progress>
    {pr.met ? <p><Badge tone="success">{v.t('surveys.sample.met')}</Badge></p> : <p><Badge tone="warning">{v.t('surveys.sample.short', { n: v.num(required - achieved) })}</Badge></p>}
  </div>;
}

/** The results of one group (the unit or a service): chart + table. */
export function SkmBlock({ v, ins, g, id, title }: { v: View; ins: Instrument; g: GroupResult; id: string; title: string }) {
  const r = g.skm!;
  const low = new Set(r.lowest.map((l) => l.code));
  const name = (code: string) => ins.items.find((i) => i.code === code)!.name[v.locale];
  return <div class="survey-results">
    <dl class="figures">
      <div><dt>{v.t('surveys.result.respondents')}</dt><dd>{v.num(r.respondents)}</dd></div>
      <div><dt>{v.t('surveys.result.ikm')}</dt><dd>{fmt(v, r.ikm, 4)}</dd></div>
      <div><dt>{v.t('surveys.result.nik')}</dt><dd>{fmt(v, r.nik, 2)}</dd></div>
      <div><dt>{v.t('surveys.result.mutu')}</dt><dd>{r.mutu ? <Badge tone={mutuTone(r.mutu)}>{`${r.mutu} · ${r.kinerja![v.locale]}`}</Badge> : '—'}</dd></div>
    </dl>
    {r.respondents ? <BarChart id={id} title={title} desc={v.t('surveys.chart.desc', { lowest: r.lowest.map((l) => l.code).join(', ') })} max={4} min={1}
      bars={r.unsur.map((u) => ({ label: `${u.code} ${name(u.code)}`, value: u.nrr, text: fmt(v, u.nrr, 2), flag: low.has(u.code) }))} /> : null}
    <ScrollRegion label={title}><table class="table">
      <caption>{title}</caption>
      <thead><tr><th scope="col">{v.t('surveys.col.unsur')}</th><th scope="col" class="num">{v.t('surveys.col.nrr')}</th><th scope="col" class="num">{v.t('surveys.col.nik')}</th><th scope="col">{v.t('surveys.col.mutu')}</th></tr></thead>
      <tbody>{r.unsur.map((u) => (
        <tr class={low.has(u.code) ? 'row--flag' : undefined}>
          <th scope="row" data-label={v.t('surveys.col.unsur')}>{u.code} {name(u.code)}{low.has(u.code) ? <> <Badge tone="warning">{v.t('surveys.result.lowest')}</Badge></> : null}</th>
          <td class="num" data-label={v.t('surveys.col.nrr')}>{fmt(v, u.nrr, 2)}</td>
          <td class="num" data-label={v.t('surveys.col.nik')}>{fmt(v, u.nik, 2)}</td>
          <td data-label={v.t('surveys.col.mutu')}>{u.mutu ?? '—'}</td>
        </tr>))}</tbody>
    </table></ScrollRegion>
  </div>;
}

export function PerceptionBlock({ v, ins, g, kind, id }: { v: View; ins: Instrument; g: GroupResult; kind: 'spak' | 'spkp'; id: string }) {
  const r = g.perception!;
  const th = indexThresholds(kind);
  const name = kind === 'spak' ? 'IPAK' : 'IPKP';
  const idx = r.index === null ? null : roundTo(r.index, 2);
  return <div class="survey-results">
    <dl class="figures">
      <div><dt>{v.t('surveys.result.respondents')}</dt><dd>{v.num(r.respondents)}</dd></div>
      <div><dt>{v.t('surveys.result.index', { name })}</dt><dd>{fmt(v, r.index, 2)}</dd></div>
      <div><dt>{v.t('surveys.result.wbk')}</dt><dd>{idx === null ? '—' : <Badge tone={idx >= th.WBK ? 'success' : 'danger'}>{v.t(idx >= th.WBK ? 'surveys.result.meets' : 'surveys.result.below', { min: v.num(th.WBK, 2) })}</Badge>}</dd></div>
      <div><dt>{v.t('surveys.result.wbbm')}</dt><dd>{idx === null ? '—' : <Badge tone={idx >= th.WBBM ? 'success' : 'danger'}>{v.t(idx >= th.WBBM ? 'surveys.result.meets' : 'surveys.result.below', { min: v.num(th.WBBM, 2) })}</Badge>}</dd></div>
    </dl>
    {r.meetsMinimum ? null : <p><Badge tone="warning">{v.t('surveys.sample.below_minimum', { min: r.minRespondents })}</Badge></p>}
    <p class="muted">{v.t('surveys.result.lke', { item: th.lkeItem, name, score: idx === null ? '—' : v.num(roundTo((idx / 4) * 17.5, 2), 2) })}</p>
    {r.respondents ? <BarChart id={id} title={v.t('surveys.chart.aspects', { name })} desc={v.t('surveys.chart.aspects_desc')} max={4} min={1}
      bars={r.aspects.map((a) => ({ label: `${a.code} ${a.name[v.locale]}`, value: a.value, text: fmt(v, a.value, 2) }))} /> : null}
    <ScrollRegion label={v.t('surveys.chart.aspects', { name })}><table class="table">
      <caption>{v.t('surveys.chart.aspects', { name })}</caption>
      <thead><tr><th scope="col">{v.t('surveys.col.aspect')}</th><th scope="col" class="num">{v.t('surveys.col.mean')}</th><th scope="col" class="num">{v.t('surveys.col.index')}</th></tr></thead>
      <tbody>{r.aspects.map((a) => (
        <tr><th scope="row" data-label={v.t('surveys.col.aspect')}>{a.code} {a.name[v.locale]}</th>
          <td class="num" data-label={v.t('surveys.col.mean')}>{fmt(v, a.value, 2)}</td>
          <td class="num" data-label={v.t('surveys.col.index')}>{a.value === null ? '—' : fmt(v, ((a.value - ins.scale.min) / (ins.scale.max - ins.scale.min)) * 4, 2)}</td></tr>))}</tbody>
    </table></ScrollRegion>
  </div>;
}

export function ProfileBlock({ v, ins, res }: { v: View; ins: Instrument; res: PeriodResults }) {
  return <div class="profile-grid">{ins.profile.map((f) => {
    const counts = res.profile[f.field] ?? {};
    const answered = Object.values(counts).reduce((s, n) => s + n, 0);
    return <ScrollRegion label={f.label[v.locale]}><table class="table table--compact">
      <caption>{f.label[v.locale]}</caption>
      <thead><tr><th scope="col">{v.t('surveys.col.category')}</th><th scope="col" class="num">{v.t('surveys.col.count')}</th><th scope="col" class="num">%</th></tr></thead>
      <tbody>
        {f.options.map((o) => <tr><th scope="row">{o.label[v.locale]}</th><td class="num">{v.num(counts[o.code] ?? 0)}</td><td class="num">{res.respondents ? v.num(((counts[o.code] ?? 0) / res.respondents) * 100, 1) : '—'}</td></tr>)}
        <tr><th scope="row" class="muted">{v.t('surveys.profile.unanswered')}</th><td class="num">{v.num(res.respondents - answered)}</td><td class="num">{res.respondents ? v.num(((res.respondents - answered) / res.respondents) * 100, 1) : '—'}</td></tr>
      </tbody>
    </table></ScrollRegion>;
  })}</div>;
}
