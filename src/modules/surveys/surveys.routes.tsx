// Staff pages of the survey core under /survei: the unit's periods (unit picker for accounts reaching
// several units), a new period, one period with its sample progress, results (unit, services,
// respondent profile; inline SVG charts with the numbers in tables), follow-up plan with evidence,
// settings, open/close, publication, receipt codes (printable sheet, shown once), paper entry grid,
// CSV import with a per-row error report, and the SKM report PDF.
import { pdfResponse } from '../../kernel/documents.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import { currentYear } from '../../kernel/workdays.ts';
import { chosenFiles, currentUnitOf, flash, formOf, pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { isUuid } from '../../kernel/kernel.routes.tsx';
import { Badge, CheckboxField, Csrf, ErrorSummary, PageHeader, ScrollRegion, SelectField, TextField, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { formatFileSize, listEvidenceFor, type EvidenceLinkView } from '../evidence/index.ts';
import { listServices } from '../services/index.ts';
import { listUnits } from '../org/index.ts';
import { BarChart } from './surveys.charts.tsx';
import { findInstrument, INSTRUMENT_KINDS, type Instrument } from './instruments.ts';
import { MAX_CODES_PER_BATCH } from './surveys.codes.ts';
import { MAX_IMPORT_BYTES, PROFILE_FIELDS, readCsv, toEntry, type RowError } from './surveys.import.ts';
import { renderCodesPdf, renderSkmReportPdf } from './surveys.pdf.ts';
import { codeCounts, findPeriod, followupsOf, listPeriods, periodResults, type GroupResult, type PeriodResults, type PeriodRow } from './surveys.queries.ts';
import { skmReportOf } from './surveys.report.ts';
import { krejcieMorgan, roundTo, sampleProgress, weakestItems } from './surveys.rules.ts';
import {
  addFollowup, addFollowupEvidence, addResponses, auditActorOf, changeStatus, createCodes, createPeriod, deleteFollowup, FOLLOWUP_SUBJECT,
  removeFollowupEvidence, updateFollowup, updateSettings, type Ctx as SvcCtx, type EvidenceInput,
} from './surveys.service.ts';
import { indexThresholds } from './surveys.thresholds.ts';

export const BASE = '/survei';
const ID = ':id{[0-9a-f-]{36}}';
const FID = ':fid{[0-9a-f-]{36}}';
const svc = (c: Ctx): SvcCtx => ({ db: c.var.deps.db, actor: auditActorOf(c.var.actor!) });

async function periodOr404(c: Ctx): Promise<PeriodRow> {
  const p = await findPeriod(c.var.deps.db, c.var.scope!, c.req.param('id') ?? '');
  if (!p) throw notFound();
  return p;
}
/** Manage actions: the period must lie in the scope of 'surveys.manage' (else 404). */
async function managedOr404(c: Ctx): Promise<PeriodRow> {
  return periodOr404(c);
}

function errorsOf(err: unknown): { errors: FieldErrors; status: 400 | 409 } {
  if (err instanceof DomainError && (err.kind === 'validation' || err.kind === 'conflict')) {
    return { errors: Object.keys(err.fieldErrors).length ? err.fieldErrors : { _: err.code }, status: err.kind === 'conflict' ? 409 : 400 };
  }
  throw err;
}

const ROMAN = ['', 'I', 'II', 'III', 'IV'];
export function periodLabel(t: View['t'], p: Pick<PeriodRow, 'periodType' | 'n' | 'year'>): string {
  if (p.periodType === 'quarter') return t('surveys.period.quarter', { n: ROMAN[p.n] ?? String(p.n), year: p.year });
  if (p.periodType === 'semester') return t('surveys.period.semester', { n: ROMAN[p.n] ?? String(p.n), year: p.year });
  return t('surveys.period.year', { year: p.year });
}
const fmt = (v: View, x: number | null, d = 2) => (x === null ? '—' : v.num(roundTo(x, d), d));
const mutuTone = (m: string | null) => (m === 'A' ? 'success' : m === 'B' ? 'info' : m === 'C' ? 'warning' : m === 'D' ? 'danger' : 'neutral') as 'success' | 'info' | 'warning' | 'danger' | 'neutral';

function StatusBadges({ v, p }: { v: View; p: PeriodRow }) {
  return <span class="badge-row">
    <Badge tone={p.status === 'open' ? 'success' : 'neutral'}>{v.t(`surveys.status.${p.status}`)}</Badge>
    {p.publishedAt ? <Badge tone="info">{v.t('surveys.published')}</Badge> : null}
    {p.requireCode ? <Badge tone="neutral">{v.t('surveys.code_required')}</Badge> : null}
  </span>;
}

function SampleProgress({ v, achieved, required, kind }: { v: View; achieved: number; required: number; kind: string }) {
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

function EvidenceList({ v, items, remove }: { v: View; items: EvidenceLinkView[]; remove: ((linkId: string) => string) | null }) {
  if (!items.length) return <p class="muted">{v.t('surveys.followup.evidence.empty')}</p>;
  return <ul class="evidence-list">{items.map((e) => (
    <li>
      {e.kind === 'file' ? <a href={`/evidence/files/${e.fileId}`}>{e.title}</a> : <a href={e.url!} rel="noopener noreferrer nofollow" target="_blank">{e.title}</a>}
      <span class="muted"> · {e.kind === 'file' ? `${e.name} · ${formatFileSize(v, e.size ?? 0)}` : v.t('surveys.followup.evidence.link')} · {v.date(e.attachedAt)}</span>
      {remove ? <form method="post" action={remove(e.linkId)} class="inline-form" novalidate><Csrf v={v} /><button class="linkbutton" type="submit" aria-label={v.t('evidence.remove_named', { title: e.title })}>{v.t('surveys.followup.evidence.remove')}</button></form> : null}
    </li>))}</ul>;
}

/** The results of one group (the unit or a service): chart + table. */
function SkmBlock({ v, ins, g, id, title }: { v: View; ins: Instrument; g: GroupResult; id: string; title: string }) {
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

function PerceptionBlock({ v, ins, g, kind, id }: { v: View; ins: Instrument; g: GroupResult; kind: 'spak' | 'spkp'; id: string }) {
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

function ProfileBlock({ v, ins, res }: { v: View; ins: Instrument; res: PeriodResults }) {
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

export function registerSurveysRoutes(r: Router): void {
  // ---- the unit's periods ------------------------------------------------------------------------------
  async function listPage(c: Ctx, form: Record<string, string> = {}, errors: FieldErrors = {}, status: 200 | 400 | 409 = 200) {
    const v = await pageView(c);
    const db = c.var.deps.db;
    const reach = await listUnits(db, c.var.scope!);
    const asked = form.unit ?? c.req.query('unit');
    let unitId: string | null;
    if (asked) {
      if (!isUuid(asked) || !reach.some((u) => u.id === asked)) throw notFound();
      unitId = asked;
    } else {
      const cur = currentUnitOf(c);
      unitId = cur && reach.some((u) => u.id === cur) ? cur : reach[0]?.id ?? null;
    }
    const unit = reach.find((u) => u.id === unitId) ?? null;
    const rows = unit ? await listPeriods(db, unit.id) : [];
    const canManage = !!unit && v.can('surveys.manage', unit.id);
    const many = reach.length > 1;
    const year = currentYear();
    return c.html(
      <Layout v={v} title={v.t('surveys.title')} crumbs={[{ href: '/', label: v.t('nav.home') }, { label: v.t('surveys.title') }]}>
        <PageHeader title={v.t('surveys.title')} lead={unit ? v.t('surveys.lead', { unit: unit.name }) : v.t('surveys.no_unit')}
          actions={unit && (v.can('surveys.poster', unit.id) || canManage) ? <>
            {v.can('surveys.poster', unit.id) ? <a class="button button--secondary" href={`/survei/poster?unit=${unit.id}`}>{v.t('survey.poster.title')}</a> : null}
            {canManage ? <> <a class="button button--secondary" href={`/survei/perangkat?unit=${unit.id}`}>{v.t('survey.device.title')}</a></> : null}
          </> : undefined} />
        {many ? (
          <form method="get" action={BASE} class="card plan-unit-picker" aria-label={v.t('surveys.unit.picker')} novalidate>
            <SelectField v={v} name="unit" label={v.t('surveys.unit.label')} required value={unit?.id ?? ''} options={reach.map((u) => ({ value: u.id, label: u.name }))} />
            <button class="button button--secondary" type="submit">{v.t('surveys.unit.show')}</button>
          </form>
        ) : null}
        {unit ? <section class="card">
          {many ? <h2>{unit.name}</h2> : null}
          {rows.length === 0 ? <p class="muted">{v.t('surveys.empty')}</p> : (
            <ScrollRegion label={v.t('surveys.title')}><table class="table survey-periods">
              <caption class="visually-hidden">{v.t('surveys.title')}</caption>
              <thead><tr><th scope="col">{v.t('surveys.col.period')}</th><th scope="col">{v.t('surveys.col.kind')}</th><th scope="col">{v.t('surveys.col.dates')}</th><th scope="col">{v.t('surveys.col.status')}</th><th scope="col">{v.t('surveys.col.sample')}</th></tr></thead>
              <tbody>{rows.map((p) => {
                const req = p.kind === 'skm' ? p.required : 30;
                const pr = sampleProgress(p.respondents, req);
                return <tr>
                  <th scope="row" data-label={v.t('surveys.col.period')}><a href={`${BASE}/${p.id}`}>{periodLabel(v.t, p)}</a></th>
                  <td data-label={v.t('surveys.col.kind')}>{v.t(`surveys.kind.${p.kind}`)}</td>
                  <td data-label={v.t('surveys.col.dates')}>{v.date(p.startsOn)} – {v.date(p.endsOn)}</td>
                  <td data-label={v.t('surveys.col.status')}><StatusBadges v={v} p={p} /></td>
                  <td data-label={v.t('surveys.col.sample')} class="sample-cell">
                    {req ? <><progress class="progress" max={100} value={pr.percent} aria-label={v.t('surveys.sample.required')}>{pr.percent}%</progress>
                      <span class={pr.met ? '' : 'text-warning'}>{v.t('surveys.sample.count', { n: v.num(p.respondents), req: v.num(req) })}</span></> : <span>{v.num(p.respondents)} · {v.t('surveys.sample.no_population_short')}</span>}
                  </td>
                </tr>;
              })}</tbody>
            </table></ScrollRegion>
          )}
        </section> : null}
        {canManage ? <section class="card" id="baru">
          <h2>{v.t('surveys.new')}</h2>
          <ErrorSummary v={v} errors={errors} />
          <form method="post" action={BASE} class="form-grid" novalidate>
            <Csrf v={v} />
            <input type="hidden" name="unit" value={unit!.id} />
            <SelectField v={v} name="kind" label={v.t('surveys.field.kind')} required value={form.kind ?? 'skm'} errors={errors} options={INSTRUMENT_KINDS.map((k) => ({ value: k, label: v.t(`surveys.kind.${k}`) }))} />
            <TextField v={v} name="year" label={v.t('surveys.field.year')} required width="short" inputmode="numeric" value={form.year ?? String(year)} errors={errors} />
            <SelectField v={v} name="periodType" label={v.t('surveys.field.period_type')} required value={form.periodType ?? 'quarter'} errors={errors}
              options={['quarter', 'semester', 'year'].map((k) => ({ value: k, label: v.t(`surveys.period_type.${k}`) }))} />
            <TextField v={v} name="n" label={v.t('surveys.field.n')} hint={v.t('surveys.field.n_hint')} width="short" inputmode="numeric" value={form.n ?? '1'} errors={errors} />
            <TextField v={v} name="population" label={v.t('surveys.field.population')} hint={v.t('surveys.field.population_hint')} width="short" inputmode="numeric" value={form.population ?? ''} errors={errors} />
            <CheckboxField v={v} name="requireCode" label={v.t('surveys.field.require_code')} checked={form.requireCode === 'on'} />
            <button class="button button--primary" type="submit">{v.t('surveys.new.submit')}</button>
          </form>
        </section> : null}
      </Layout>, status);
  }

  r.get(BASE, 'surveys.view', (c) => listPage(c));
  r.post(BASE, 'surveys.manage', async (c) => {
    const form = await formOf(c);
    const unitId = form.unit || currentUnitOf(c);
    if (!unitId || !isUuid(unitId) || !c.var.deps.access.can(c.var.actor, 'surveys.manage', unitId)) throw notFound();
    try {
      const id = await createPeriod(svc(c), unitId, form);
      flash(c, 'success', 'surveys.period.created');
      return c.redirect(`${BASE}/${id}`, 303);
    } catch (err) {
      const e = errorsOf(err);
      return listPage(c, form, e.errors, e.status);
    }
  });

  // ---- one period ----------------------------------------------------------------------------------------
  interface Failed { section: 'settings' | 'followup' | 'codes' | 'status'; id?: string; form: Record<string, string>; errors: FieldErrors }
  async function periodPage(c: Ctx, p: PeriodRow, failed: Failed | null = null, status: 200 | 400 | 409 = 200) {
    const v = await pageView(c);
    const db = c.var.deps.db;
    const res = (await periodResults(db, p.id))!;
    const ins = res.instrument;
    const canManage = v.can('surveys.manage', p.unitId);
    const fus = await followupsOf(db, [p.id]);
    const evidence = await listEvidenceFor(db, FOLLOWUP_SUBJECT, p.id);
    const codesN = await codeCounts(db, p.id);
    const title = `${v.t(`surveys.kind.${p.kind}`)} — ${periodLabel(v.t, p)}`;
    const units = await listUnits(db, c.var.scope!);
    const unitName = units.find((u) => u.id === p.unitId)?.name ?? '';
    const weakest = weakestItems(res.unit.nrr, 3);
    const ff = (s: Failed['section'], id?: string) => (failed && failed.section === s && failed.id === id ? failed : null);
    const fSet = ff('settings');
    const sf = fSet?.form ?? {};
    const fNew = ff('followup');
    const itemOptions = ins.items.map((i) => ({ value: i.code, label: `${i.code} ${i.name[v.locale]}` }));
    const kind = p.kind as 'skm' | 'spak' | 'spkp';
    return c.html(
      <Layout v={v} title={title} crumbs={[{ href: '/', label: v.t('nav.home') }, { href: `${BASE}?unit=${p.unitId}`, label: v.t('surveys.title') }, { label: periodLabel(v.t, p) }]}>
        <PageHeader title={title} lead={`${unitName} · ${v.date(p.startsOn)} – ${v.date(p.endsOn)}`} actions={<div class="button-row">
          {kind === 'skm' ? <a class="button button--secondary" href={`${BASE}/${p.id}/laporan.pdf`}>{v.t('surveys.report.pdf')}</a> : null}
          {canManage ? <a class="button button--secondary" href={`${BASE}/${p.id}/entri`}>{v.t('surveys.entry.title')}</a> : null}
          {canManage ? <a class="button button--secondary" href={`${BASE}/${p.id}/impor`}>{v.t('surveys.import.title')}</a> : null}
        </div>} />
        {failed && (failed.section === 'status' || failed.section === 'codes') ? <ErrorSummary v={v} errors={failed.errors} /> : null}
        <section class="card">
          <h2>{v.t('surveys.sample.title')}</h2>
          <p><StatusBadges v={v} p={p} /></p>
          <SampleProgress v={v} achieved={res.respondents} required={res.required} kind={kind} />
          {kind === 'skm' && p.population ? <p class="muted">{v.t('surveys.sample.explain', { population: v.num(p.population), required: v.num(krejcieMorgan(p.population)) })}</p> : null}
          <p class="muted">{v.t('surveys.channels', { online: v.num(res.channels.online ?? 0), paper: v.num(res.channels.paper ?? 0), import: v.num(res.channels.import ?? 0) })}</p>
        </section>

        <div class="survey-layout">
          <section class="card" id="hasil">
            <h2>{v.t('surveys.results.title')}</h2>
            {res.respondents === 0 ? <p class="muted">{v.t('surveys.results.none')}</p> : kind === 'skm'
              ? <SkmBlock v={v} ins={ins} g={res.unit} id="chart-unit" title={v.t('surveys.chart.unit')} />
              : <PerceptionBlock v={v} ins={ins} g={res.unit} kind={kind} id="chart-unit" />}
            {res.respondents && res.services.length ? <>
              <h3>{v.t('surveys.results.services')}</h3>
              <ScrollRegion label={v.t('surveys.results.services')}><table class="table">
                <caption class="visually-hidden">{v.t('surveys.results.services')}</caption>
                <thead><tr><th scope="col">{v.t('surveys.col.service')}</th><th scope="col" class="num">{v.t('surveys.result.respondents')}</th>
                  {kind === 'skm' ? <><th scope="col" class="num">{v.t('surveys.result.ikm')}</th><th scope="col" class="num">{v.t('surveys.result.nik')}</th><th scope="col">{v.t('surveys.result.mutu')}</th><th scope="col">{v.t('surveys.result.lowest')}</th></>
                    : <th scope="col" class="num">{v.t('surveys.col.index')}</th>}</tr></thead>
                <tbody>{res.services.map((s) => <tr>
                  <th scope="row" data-label={v.t('surveys.col.service')}>{s.serviceId ? s.serviceName ?? v.t('surveys.service.unknown') : v.t('surveys.service.none')}</th>
                  <td class="num" data-label={v.t('surveys.result.respondents')}>{v.num(s.respondents)}</td>
                  {s.skm ? <><td class="num" data-label={v.t('surveys.result.ikm')}>{fmt(v, s.skm.ikm, 4)}</td><td class="num" data-label={v.t('surveys.result.nik')}>{fmt(v, s.skm.nik, 2)}</td>
                    <td data-label={v.t('surveys.result.mutu')}>{s.skm.mutu ? <Badge tone={mutuTone(s.skm.mutu)}>{s.skm.mutu}</Badge> : '—'}</td>
                    <td data-label={v.t('surveys.result.lowest')}>{s.skm.lowest.map((l) => l.code).join(', ') || '—'}</td></>
                    : <td class="num" data-label={v.t('surveys.col.index')}>{fmt(v, s.perception?.index ?? null, 2)}</td>}
                </tr>)}</tbody>
              </table></ScrollRegion>
              {kind === 'skm' ? <BarChart id="chart-services" title={v.t('surveys.chart.services')} desc={v.t('surveys.chart.services_desc')} max={100} min={25}
                marker={{ value: 76.61, label: v.t('surveys.chart.marker_b') }}
                bars={res.services.map((s) => ({ label: s.serviceId ? s.serviceName ?? '?' : v.t('surveys.service.none'), value: s.skm?.nik ?? null, text: fmt(v, s.skm?.nik ?? null, 2) }))} /> : null}
            </> : null}
            {res.respondents ? <><h3>{v.t('surveys.profile.title')}</h3><ProfileBlock v={v} ins={ins} res={res} /></> : null}
          </section>

          <section class="card" id="tindak-lanjut">
            <h2>{v.t('surveys.followup.title')}</h2>
            {weakest.length ? <p>{v.t('surveys.followup.suggest', { items: weakest.map((w) => `${w.code} ${ins.items.find((i) => i.code === w.code)!.name[v.locale]} (${v.num(roundTo(w.nrr, 2), 2)})`).join('; ') })}</p> : null}
            {fus.length === 0 ? <p class="muted">{v.t('surveys.followup.empty')}</p> : <ol class="followups">{fus.map((f) => {
              const fe = ff('followup', f.id);
              const vals = fe?.form ?? {};
              const ev = evidence.get(f.id) ?? [];
              return <li class="followup" id={`tl-${f.id}`}>
                <p><strong>{f.item ? `${f.item} · ` : ''}{f.action}</strong> {f.done ? <Badge tone="success">{v.t('surveys.followup.done')}</Badge> : <Badge tone="warning">{v.t('surveys.followup.open')}</Badge>}</p>
                <p class="muted">{v.t('surveys.followup.meta', { target: f.targetDate ? v.date(f.targetDate) : '—', who: f.responsible ?? '—' })}{f.doneOn ? ` · ${v.t('surveys.followup.done_on', { date: v.date(f.doneOn) })}` : ''}</p>
                {f.realisation ? <p>{f.realisation}</p> : null}
                <EvidenceList v={v} items={ev} remove={canManage ? (l) => `${BASE}/${p.id}/tindak-lanjut/${f.id}/bukti/${l}/hapus` : null} />
                {canManage ? <details open={!!fe}>
                  <summary>{v.t('surveys.followup.edit')}</summary>
                  {fe ? <ErrorSummary v={v} errors={fe.errors} /> : null}
                  <form method="post" action={`${BASE}/${p.id}/tindak-lanjut/${f.id}`} novalidate>
                    <Csrf v={v} />
                    <SelectField v={v} name="item" label={v.t('surveys.followup.item')} placeholder={v.t('surveys.followup.item_none')} value={vals.item ?? f.item ?? ''} options={itemOptions} errors={fe?.errors} />
                    <TextField v={v} name="action" label={v.t('surveys.followup.action')} required value={vals.action ?? f.action} errors={fe?.errors} maxlength={2000} />
                    <TextField v={v} name="targetDate" type="date" width="short" label={v.t('surveys.followup.target')} value={vals.targetDate ?? f.targetDate ?? ''} errors={fe?.errors} />
                    <TextField v={v} name="responsible" label={v.t('surveys.followup.responsible')} value={vals.responsible ?? f.responsible ?? ''} errors={fe?.errors} maxlength={300} />
                    <TextField v={v} name="realisation" label={v.t('surveys.followup.realisation')} value={vals.realisation ?? f.realisation ?? ''} errors={fe?.errors} maxlength={2000} />
                    <CheckboxField v={v} name="done" label={v.t('surveys.followup.done')} checked={fe ? vals.done === 'on' : f.done} />
                    <TextField v={v} name="doneOn" type="date" width="short" label={v.t('surveys.followup.done_date')} value={vals.doneOn ?? f.doneOn ?? ''} errors={fe?.errors} />
                    <button class="button button--primary" type="submit">{v.t('ui.save')}</button>
                  </form>
                  <form method="post" action={`${BASE}/${p.id}/tindak-lanjut/${f.id}/bukti`} enctype="multipart/form-data" class="form" novalidate>
                    <Csrf v={v} />
                    <div class="field"><label class="field__label" for={`f-file-${f.id}`}>{v.t('surveys.followup.evidence.file')}</label><input class="input" type="file" id={`f-file-${f.id}`} name="file" /></div>
                    <TextField v={v} name="url" label={v.t('surveys.followup.evidence.url')} value="" />
                    <TextField v={v} name="title" label={v.t('surveys.followup.evidence.title')} value="" maxlength={200} />
                    <button class="button button--secondary" type="submit">{v.t('surveys.followup.evidence.add')}</button>
                  </form>
                  <form method="post" action={`${BASE}/${p.id}/tindak-lanjut/${f.id}/hapus`} class="inline-form" novalidate><Csrf v={v} /><button class="linkbutton" type="submit">{v.t('surveys.followup.delete')}</button></form>
                </details> : null}
              </li>;
            })}</ol>}
            {canManage ? <details class="followup-new" open={!!fNew}>
              <summary>{v.t('surveys.followup.new')}</summary>
              {fNew ? <ErrorSummary v={v} errors={fNew.errors} /> : null}
              <form method="post" action={`${BASE}/${p.id}/tindak-lanjut`} novalidate>
                <Csrf v={v} />
                <SelectField v={v} name="item" label={v.t('surveys.followup.item')} placeholder={v.t('surveys.followup.item_none')} value={fNew?.form.item ?? weakest[0]?.code ?? ''} options={itemOptions} errors={fNew?.errors} />
                <TextField v={v} name="action" label={v.t('surveys.followup.action')} required value={fNew?.form.action ?? ''} errors={fNew?.errors} maxlength={2000} />
                <TextField v={v} name="targetDate" type="date" width="short" label={v.t('surveys.followup.target')} value={fNew?.form.targetDate ?? ''} errors={fNew?.errors} />
                <TextField v={v} name="responsible" label={v.t('surveys.followup.responsible')} value={fNew?.form.responsible ?? ''} errors={fNew?.errors} maxlength={300} />
                <button class="button button--primary" type="submit">{v.t('surveys.followup.add')}</button>
              </form>
            </details> : null}
          </section>
        </div>

        {canManage ? <section class="card" id="pengaturan">
          <h2>{v.t('surveys.settings')}</h2>
          <div class="button-row">
            {(p.status === 'open' ? ['close'] : ['open']).concat(p.publishedAt ? ['unpublish'] : ['publish']).map((ch) => (
              <form method="post" action={`${BASE}/${p.id}/status`} class="inline-form" novalidate><Csrf v={v} /><input type="hidden" name="version" value={String(p.version)} /><input type="hidden" name="change" value={ch} />
                <button class="button button--secondary" type="submit">{v.t(`surveys.status.do.${ch}`)}</button></form>))}
          </div>
          {fSet ? <ErrorSummary v={v} errors={fSet.errors} /> : null}
          <form method="post" action={`${BASE}/${p.id}`} novalidate>
            <Csrf v={v} />
            <input type="hidden" name="version" value={sf.version ?? String(p.version)} />
            <TextField v={v} name="population" label={v.t('surveys.field.population')} hint={v.t('surveys.field.population_hint')} width="short" inputmode="numeric" value={sf.population ?? (p.population === null ? '' : String(p.population))} errors={fSet?.errors} />
            <TextField v={v} name="startsOn" type="date" width="short" label={v.t('surveys.field.starts')} required value={sf.startsOn ?? p.startsOn} errors={fSet?.errors} />
            <TextField v={v} name="endsOn" type="date" width="short" label={v.t('surveys.field.ends')} required value={sf.endsOn ?? p.endsOn} errors={fSet?.errors} />
            <CheckboxField v={v} name="requireCode" label={v.t('surveys.field.require_code')} checked={fSet ? sf.requireCode === 'on' : p.requireCode} />
            <div class="field"><label class="field__label" for="f-analysis">{v.t('surveys.field.analysis')}</label>
              <textarea class="input" id="f-analysis" name="analysis" rows={5} maxlength={8000}>{sf.analysis ?? p.analysis ?? ''}</textarea></div>
            <button class="button button--primary" type="submit">{v.t('ui.save')}</button>
          </form>
          <h3>{v.t('surveys.codes.title')}</h3>
          <p class="muted">{v.t('surveys.codes.lead', { total: v.num(codesN.total), used: v.num(codesN.used) })}</p>
          <form method="post" action={`${BASE}/${p.id}/kode`} class="form-inline" novalidate>
            <Csrf v={v} />
            <TextField v={v} name="count" label={v.t('surveys.codes.count', { max: MAX_CODES_PER_BATCH })} width="short" inputmode="numeric" value={ff('codes')?.form.count ?? '50'} errors={ff('codes')?.errors} />
            <button class="button button--secondary" type="submit">{v.t('surveys.codes.generate')}</button>
          </form>
        </section> : null}
      </Layout>, status);
  }

  r.get(`${BASE}/${ID}`, 'surveys.view', async (c) => periodPage(c, await periodOr404(c)));

  r.post(`${BASE}/${ID}`, 'surveys.manage', async (c) => {
    const p = await managedOr404(c);
    const form = await formOf(c);
    try {
      await updateSettings(svc(c), p, form);
      flash(c, 'success', 'surveys.period.saved');
      return c.redirect(`${BASE}/${p.id}#pengaturan`, 303);
    } catch (err) {
      const e = errorsOf(err);
      return periodPage(c, p, { section: 'settings', form, errors: e.errors }, e.status);
    }
  });

  r.post(`${BASE}/${ID}/status`, 'surveys.manage', async (c) => {
    const p = await managedOr404(c);
    const form = await formOf(c);
    try {
      await changeStatus(svc(c), p, form.change ?? '', form.version ?? '');
      flash(c, 'success', `surveys.status.done.${form.change}`);
      return c.redirect(`${BASE}/${p.id}`, 303);
    } catch (err) {
      const e = errorsOf(err);
      return periodPage(c, p, { section: 'status', form, errors: e.errors }, e.status);
    }
  });

  r.post(`${BASE}/${ID}/kode`, 'surveys.manage', async (c) => {
    const p = await managedOr404(c);
    const form = await formOf(c);
    let plain: string[];
    try {
      plain = await createCodes(svc(c), p, form.count);
    } catch (err) {
      const e = errorsOf(err);
      return periodPage(c, p, { section: 'codes', form, errors: e.errors }, e.status);
    }
    const units = await listUnits(c.var.deps.db, c.var.scope!);
    const unit = units.find((u) => u.id === p.unitId);
    const t = c.var.deps.i18n.translator('id');
    const pdf = renderCodesPdf({
      title: t('surveys.codes.sheet_title'), unit: unit?.name ?? '', period: `${t(`surveys.kind.${p.kind}`)} — ${periodLabel(t, p)}`,
      note: t('surveys.codes.sheet_note'), codes: plain,
    });
    return pdfResponse(pdf, `kode-survei-${p.year}-${p.periodType}${p.n}.pdf`);
  });

  // ---- follow-up ---------------------------------------------------------------------------------------------
  r.post(`${BASE}/${ID}/tindak-lanjut`, 'surveys.manage', async (c) => {
    const p = await managedOr404(c);
    const form = await formOf(c);
    try {
      const id = await addFollowup(svc(c), p, form);
      flash(c, 'success', 'surveys.followup.saved');
      return c.redirect(`${BASE}/${p.id}#tl-${id}`, 303);
    } catch (err) {
      const e = errorsOf(err);
      return periodPage(c, p, { section: 'followup', form, errors: e.errors }, e.status);
    }
  });
  r.post(`${BASE}/${ID}/tindak-lanjut/${FID}`, 'surveys.manage', async (c) => {
    const p = await managedOr404(c);
    const form = await formOf(c);
    const fid = c.req.param('fid') ?? '';
    try {
      await updateFollowup(svc(c), p, fid, form);
      flash(c, 'success', 'surveys.followup.saved');
      return c.redirect(`${BASE}/${p.id}#tl-${fid}`, 303);
    } catch (err) {
      const e = errorsOf(err);
      return periodPage(c, p, { section: 'followup', id: fid, form, errors: e.errors }, e.status);
    }
  });
  r.post(`${BASE}/${ID}/tindak-lanjut/${FID}/hapus`, 'surveys.manage', async (c) => {
    const p = await managedOr404(c);
    await deleteFollowup(svc(c), p, c.req.param('fid') ?? '');
    flash(c, 'success', 'surveys.followup.deleted');
    return c.redirect(`${BASE}/${p.id}#tindak-lanjut`, 303);
  });
  r.post(`${BASE}/${ID}/tindak-lanjut/${FID}/bukti`, 'surveys.manage', { files: 1 }, async (c) => {
    const p = await managedOr404(c);
    const fid = c.req.param('fid') ?? '';
    const body = await c.req.parseBody();
    const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    const file = body.file;
    let input: EvidenceInput | null = null;
    if (file && typeof file !== 'string' && (file as File).size > 0) input = { kind: 'file', bytes: new Uint8Array(await (file as File).arrayBuffer()), name: (file as File).name, title: str('title') || null };
    else if (str('fileId')) input = { kind: 'library', fileId: str('fileId') };
    else if (str('url')) input = { kind: 'url', url: str('url'), title: str('title') };
    try {
      if (!input) throw new DomainError('validation', 'surveys.followup.evidence.nothing', {}, { file: 'surveys.followup.evidence.nothing' });
      await addFollowupEvidence(svc(c), c.var.deps.files, p, fid, input);
      flash(c, 'success', 'surveys.followup.evidence.added');
      return c.redirect(`${BASE}/${p.id}#tl-${fid}`, 303);
    } catch (err) {
      const e = errorsOf(err);
      return periodPage(c, p, { section: 'followup', id: fid, form: {}, errors: e.errors }, e.status);
    }
  });
  r.post(`${BASE}/${ID}/tindak-lanjut/${FID}/bukti/:link{[0-9a-f-]{36}}/hapus`, 'surveys.manage', async (c) => {
    const p = await managedOr404(c);
    const fid = c.req.param('fid') ?? '';
    await removeFollowupEvidence(svc(c), p, fid, c.req.param('link') ?? '');
    flash(c, 'success', 'surveys.followup.evidence.removed');
    return c.redirect(`${BASE}/${p.id}#tl-${fid}`, 303);
  });

  // ---- paper entry (grid) ------------------------------------------------------------------------------------
  async function entryPage(c: Ctx, p: PeriodRow, form: Record<string, string> = {}, rowErrors: RowError[] = [], status: 200 | 400 = 200) {
    const v = await pageView(c);
    const ins = findInstrument(p.instrument)!;
    const services = await listServices(c.var.deps.db, p.unitId).catch(() => []);
    const rowsN = Math.min(Math.max(Number(form.rows ?? c.req.query('baris') ?? 10) || 10, 1), 50);
    const errs = new Map(rowErrors.map((e) => [e.line, e.errors]));
    const title = v.t('surveys.entry.title');
    const summary: Record<string, string> = {};
    for (const e of rowErrors) summary[`r${e.line}-${Object.keys(e.errors)[0]}`] = v.t('surveys.entry.row_error', { row: e.line, fields: Object.entries(e.errors).map(([f, k]) => `${f}: ${v.t(k)}`).join('; ') });
    return c.html(
      <Layout v={v} title={title} crumbs={[{ href: '/', label: v.t('nav.home') }, { href: `${BASE}?unit=${p.unitId}`, label: v.t('surveys.title') }, { href: `${BASE}/${p.id}`, label: periodLabel(v.t, p) }, { label: title }]}>
        <PageHeader title={title} lead={`${v.t(`surveys.kind.${p.kind}`)} — ${periodLabel(v.t, p)}`} />
        <section class="card">
          <p>{v.t('surveys.entry.lead', { min: ins.scale.min, max: ins.scale.max })}</p>
          <p class="muted">{v.t('surveys.entry.all_or_nothing')}</p>
          <ErrorSummary v={v} texts={summary} />
          <form method="post" action={`${BASE}/${p.id}/entri`} novalidate>
            <Csrf v={v} />
            <input type="hidden" name="rows" value={String(rowsN)} />
            <ScrollRegion label={title}><table class="table entry-grid">
              <caption class="visually-hidden">{title}</caption>
              <thead><tr><th scope="col">#</th>{services.length ? <th scope="col">{v.t('surveys.col.service')}</th> : null}
                {ins.items.map((i) => <th scope="col" title={i.name[v.locale]}>{i.code}</th>)}
                {ins.profile.map((f) => <th scope="col">{f.label[v.locale]}</th>)}<th scope="col">{v.t('surveys.col.suggestion')}</th></tr></thead>
              <tbody>{Array.from({ length: rowsN }, (_, k) => {
                const row = k + 1;
                const e = errs.get(row) ?? {};
                const val = (f: string) => form[`r${row}_${f}`] ?? '';
                return <tr class={Object.keys(e).length ? 'row--error' : undefined}>
                  <th scope="row">{row}</th>
                  {services.length ? <td data-label={v.t('surveys.col.service')}><select class="input input--grid" name={`r${row}_service`} aria-label={v.t('surveys.entry.cell', { row, field: v.t('surveys.col.service') })}>
                    <option value="">—</option>{services.map((s) => <option value={s.code} selected={val('service') === s.code}>{s.name}</option>)}</select></td> : null}
                  {ins.items.map((i) => <td data-label={i.code}><input class={e[i.code] ? 'input input--grid input--error' : 'input input--grid'} name={`r${row}_${i.code}`} id={`f-r${row}-${i.code}`} value={val(i.code)} inputmode="numeric" maxlength={1} size={1}
                    aria-label={v.t('surveys.entry.cell', { row, field: `${i.code} ${i.name[v.locale]}` })} aria-invalid={e[i.code] ? 'true' : undefined} /></td>)}
                  {ins.profile.map((f) => <td data-label={f.label[v.locale]}><select class={e[f.field] ? 'input input--grid input--error' : 'input input--grid'} name={`r${row}_${f.field}`} aria-label={v.t('surveys.entry.cell', { row, field: f.label[v.locale] })}>
                    <option value="">—</option>{f.options.map((o) => <option value={o.code} selected={val(f.field) === o.code}>{o.label[v.locale]}</option>)}</select></td>)}
                  <td data-label={v.t('surveys.col.suggestion')}><input class="input input--grid input--wide" name={`r${row}_suggestion`} value={val('suggestion')} maxlength={2000} aria-label={v.t('surveys.entry.cell', { row, field: v.t('surveys.col.suggestion') })} /></td>
                </tr>;
              })}</tbody>
            </table></ScrollRegion>
            <div class="button-row">
              <button class="button button--primary" type="submit">{v.t('surveys.entry.save')}</button>
              <a class="button button--secondary" href={`${BASE}/${p.id}/entri?baris=${Math.min(rowsN + 10, 50)}`}>{v.t('surveys.entry.more_rows')}</a>
            </div>
          </form>
        </section>
      </Layout>, status);
  }

  r.get(`${BASE}/${ID}/entri`, 'surveys.manage', async (c) => entryPage(c, await managedOr404(c)));
  r.post(`${BASE}/${ID}/entri`, 'surveys.manage', async (c) => {
    const p = await managedOr404(c);
    const form = await formOf(c);
    const ins = findInstrument(p.instrument)!;
    const rowsN = Math.min(Math.max(Number(form.rows) || 10, 1), 50);
    const good: Parameters<typeof addResponses>[2] = [];
    const bad: RowError[] = [];
    for (let row = 1; row <= rowsN; row++) {
      const cell = (f: string) => (form[`r${row}_${f}`] ?? '').trim();
      const fields = [...ins.items.map((i) => i.code), ...PROFILE_FIELDS, 'service', 'suggestion'];
      if (fields.every((f) => cell(f) === '')) continue;
      const e = toEntry(ins, ins.items.map((i) => cell(i.code)), Object.fromEntries(PROFILE_FIELDS.map((f) => [f, cell(f)])), cell('service'), cell('suggestion'));
      if (e.ok) good.push({ ...e.row, line: row });
      else bad.push({ line: row, errors: e.errors });
    }
    if (!good.length && !bad.length) return entryPage(c, p, form, [{ line: 0, errors: { _: 'surveys.entry.nothing' } }], 400);
    const out = await addResponses(svc(c), p, good, bad, { channel: 'paper', partial: false });
    if (out.errors.length) return entryPage(c, p, form, out.errors, 400);
    flash(c, 'success', 'surveys.entry.saved');
    return c.redirect(`${BASE}/${p.id}`, 303);
  });

  // ---- CSV import ----------------------------------------------------------------------------------------------
  async function importPage(c: Ctx, p: PeriodRow, report: { fileError?: string; params?: Record<string, string | number>; errors?: RowError[]; inserted?: number; partial?: boolean } | null = null, status: 200 | 400 = 200) {
    const v = await pageView(c);
    const ins = findInstrument(p.instrument)!;
    const title = v.t('surveys.import.title');
    const cols = [...ins.items.map((i) => i.code), 'sex', 'age', 'education', 'occupation', 'service', 'suggestion'];
    return c.html(
      <Layout v={v} title={title} crumbs={[{ href: '/', label: v.t('nav.home') }, { href: `${BASE}?unit=${p.unitId}`, label: v.t('surveys.title') }, { href: `${BASE}/${p.id}`, label: periodLabel(v.t, p) }, { label: title }]}>
        <PageHeader title={title} lead={`${v.t(`surveys.kind.${p.kind}`)} — ${periodLabel(v.t, p)}`} />
        {report?.fileError ? <ErrorSummary v={v} texts={{ file: v.t(report.fileError, report.params) }} /> : null}
        {report?.errors?.length ? <section class="card" id="laporan-impor">
          <div class="error-summary" role="alert" tabindex={-1} data-focus>
            <h2 class="error-summary__title">{report.inserted ? v.t('surveys.import.partial_done', { n: v.num(report.inserted), bad: v.num(report.errors.length) }) : v.t('surveys.import.rejected', { bad: v.num(report.errors.length) })}</h2>
          </div>
          <ScrollRegion label={v.t('surveys.import.report')}><table class="table">
            <caption>{v.t('surveys.import.report')}</caption>
            <thead><tr><th scope="col" class="num">{v.t('surveys.import.line')}</th><th scope="col">{v.t('surveys.import.column')}</th><th scope="col">{v.t('surveys.import.problem')}</th></tr></thead>
            <tbody>{report.errors.slice(0, 500).flatMap((e) => Object.entries(e.errors).map(([f, k]) => <tr>
              <td class="num" data-label={v.t('surveys.import.line')}>{e.line}</td><td data-label={v.t('surveys.import.column')}>{f === '_answers' ? v.t('surveys.import.all_items') : f}</td><td data-label={v.t('surveys.import.problem')}>{v.t(k)}</td></tr>))}</tbody>
          </table></ScrollRegion>
          {report.errors.length > 500 ? <p class="muted">{v.t('surveys.import.more', { n: v.num(report.errors.length - 500) })}</p> : null}
        </section> : null}
        <section class="card">
          <p>{v.t('surveys.import.lead')}</p>
          <pre class="code-sample">{cols.join(';')}{'\n'}{'4;3;2;4;3;3;4;3;3;p;30_39;s1;wirausaha;IUMK;Prosesnya cepat'}</pre>
          <ul>
            <li>{v.t('surveys.import.rule.items', { items: ins.items.map((i) => i.code).join(', '), min: ins.scale.min, max: ins.scale.max })}</li>
            <li>{v.t('surveys.import.rule.profile')}</li>
            <li>{v.t('surveys.import.rule.size', { max: `${MAX_IMPORT_BYTES / 1024 / 1024} MB` })}</li>
            <li>{v.t('surveys.import.rule.all_or_nothing')}</li>
          </ul>
          <form method="post" action={`${BASE}/${p.id}/impor`} enctype="multipart/form-data" novalidate>
            <Csrf v={v} />
            <div class="field"><label class="field__label" for="f-file">{v.t('surveys.import.file')}</label><input class="input" type="file" id="f-file" name="file" accept=".csv,text/csv" required /></div>
            <CheckboxField v={v} name="partial" label={v.t('surveys.import.partial')} checked={!!report?.partial} />
            <button class="button button--primary" type="submit">{v.t('surveys.import.submit')}</button>
          </form>
        </section>
      </Layout>, status);
  }

  r.get(`${BASE}/${ID}/impor`, 'surveys.manage', async (c) => importPage(c, await managedOr404(c)));
  r.post(`${BASE}/${ID}/impor`, 'surveys.manage', { files: 1 }, async (c) => {
    const p = await managedOr404(c);
    const body = await c.req.parseBody();
    const partial = body.partial === 'on';
    const f = chosenFiles(body, 'file')[0];
    if (!f) return importPage(c, p, { fileError: 'surveys.import.no_file', partial }, 400);
    if (f.size > MAX_IMPORT_BYTES) return importPage(c, p, { fileError: 'surveys.import.too_large', params: { max: `${MAX_IMPORT_BYTES / 1024 / 1024} MB` }, partial }, 400);
    const read = readCsv(findInstrument(p.instrument)!, new Uint8Array(await f.arrayBuffer()), f.name);
    if (!read.ok) return importPage(c, p, { fileError: read.fileError, params: read.params, partial }, 400);
    const out = await addResponses(svc(c), p, read.rows, read.errors, { channel: 'import', partial });
    if (out.errors.length) return importPage(c, p, { errors: out.errors, inserted: out.inserted, partial }, out.inserted ? 200 : 400);
    flash(c, 'success', 'surveys.import.done');
    return c.redirect(`${BASE}/${p.id}`, 303);
  });

  // ---- the SKM report ---------------------------------------------------------------------------------------------
  r.get(`${BASE}/${ID}/laporan.pdf`, 'surveys.view', async (c) => {
    const p = await periodOr404(c);
    if (p.kind !== 'skm') throw notFound();
    const t = c.var.deps.i18n.translator('id');
    const model = await skmReportOf(c.var.deps.db, p, t);
    const pdf = renderSkmReportPdf(model);
    return pdfResponse(pdf, `Laporan-SKM-${p.year}-${p.periodType}${p.n}.pdf`);
  });
}
