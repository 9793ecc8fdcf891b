// The staff pages of the survey core: the unit's periods with the form for a new one, and one period
// with its sample progress, results, follow-up plan with evidence, settings, open/close, publication
// and receipt codes. Each page is a function of the view and its model; none reads the database.
import { Badge, CheckboxField, Csrf, DateField, ErrorSummary, FileField, PageHeader, ScrollRegion, SelectField, TextAreaField, TextField, UnitPicker, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import { EvidenceFields, EvidenceList } from '../evidence/index.ts';
import type { View } from '../../kernel/ui/view.ts';
import { BarChart } from './surveys.charts.tsx';
import { INSTRUMENT_KINDS } from './instruments.ts';
import { MAX_CODES_PER_BATCH } from './surveys.codes.ts';
import type { PeriodModel, PeriodsModel } from './surveys.queries.ts';
import { krejcieMorgan, roundTo, sampleProgress, weakestItems } from './surveys.rules.ts';
import { BASE, PerceptionBlock, ProfileBlock, SampleProgress, SkmBlock, StatusBadges, fmt, mutuTone, periodLabel } from './surveys.view.tsx';

// ---- the unit's periods ------------------------------------------------------------------------------

export interface PeriodsPageModel extends PeriodsModel {
  /** the new period's form as sent, and its errors */
  form: Record<string, string>;
  errors: FieldErrors;
  year: number;
}

export function periodsPage(v: View, { reach, unit, rows, form, errors, year }: PeriodsPageModel) {
  const canManage = !!unit && v.can('surveys.manage', unit.id);
  const many = reach.length > 1;
  return (
    <Layout v={v} title={v.t('surveys.title')} crumbs={[{ href: '/', label: v.t('nav.home') }, { label: v.t('surveys.title') }]}>
      <PageHeader title={v.t('surveys.title')} lead={unit ? v.t('surveys.lead', { unit: unit.name }) : v.t('surveys.no_unit')}
        actions={unit && (v.can('surveys.poster', unit.id) || canManage) ? <>
          {v.can('surveys.poster', unit.id) ? <a class="button button--secondary" href={`/survei/poster?unit=${unit.id}`}>{v.t('survey.poster.title')}</a> : null}
          {canManage ? <> <a class="button button--secondary" href={`/survei/perangkat?unit=${unit.id}`}>{v.t('survey.device.title')}</a></> : null}
        </> : undefined} />
      {many ? (
        <form method="get" action={BASE} class="card plan-unit-picker" aria-label={v.t('surveys.unit.picker')} novalidate>
          <UnitPicker v={v} name="unit" label={v.t('surveys.unit.label')} required value={unit?.id ?? ''} units={reach.map((u) => ({ id: u.id, shortName: u.name }))} />
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
    </Layout>
  );
}

// ---- one period ----------------------------------------------------------------------------------------

/** A refused form of the period's page: which one (a follow-up's by its id), what was sent, the errors. */
export interface Failed { section: 'settings' | 'followup' | 'codes' | 'status'; id?: string; form: Record<string, string>; errors: FieldErrors }

export function periodPage(v: View, { p, res, fus, evidence, codesN, unitName, failed }: PeriodModel & { failed: Failed | null }) {
  const ins = res.instrument;
  const canManage = v.can('surveys.manage', p.unitId);
  const title = `${v.t(`surveys.kind.${p.kind}`)} — ${periodLabel(v.t, p)}`;
  const weakest = weakestItems(res.unit.nrr, 3);
  const ff = (s: Failed['section'], id?: string) => (failed && failed.section === s && failed.id === id ? failed : null);
  const fSet = ff('settings');
  const sf = fSet?.form ?? {};
  const fNew = ff('followup');
  const itemOptions = ins.items.map((i) => ({ value: i.code, label: `${i.code} ${i.name[v.locale]}` }));
  const kind = p.kind as 'skm' | 'spak' | 'spkp';
  return (
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
              <EvidenceList v={v} items={ev} detail empty={v.t('surveys.followup.evidence.empty')} removeLabel={v.t('surveys.followup.evidence.remove')} remove={canManage ? (l) => `${BASE}/${p.id}/tindak-lanjut/${f.id}/bukti/${l}/hapus` : null} />
              {canManage ? <details open={!!fe}>
                <summary>{v.t('surveys.followup.edit')}</summary>
                {fe ? <ErrorSummary v={v} errors={fe.errors} /> : null}
                <form method="post" action={`${BASE}/${p.id}/tindak-lanjut/${f.id}`} novalidate>
                  <Csrf v={v} />
                  <SelectField v={v} name="item" label={v.t('surveys.followup.item')} placeholder={v.t('surveys.followup.item_none')} value={vals.item ?? f.item ?? ''} options={itemOptions} errors={fe?.errors} />
                  <TextField v={v} name="action" label={v.t('surveys.followup.action')} required value={vals.action ?? f.action} errors={fe?.errors} maxlength={2000} />
                  <DateField v={v} name="targetDate" label={v.t('surveys.followup.target')} value={vals.targetDate ?? f.targetDate ?? ''} errors={fe?.errors} />
                  <TextField v={v} name="responsible" label={v.t('surveys.followup.responsible')} value={vals.responsible ?? f.responsible ?? ''} errors={fe?.errors} maxlength={300} />
                  <TextField v={v} name="realisation" label={v.t('surveys.followup.realisation')} value={vals.realisation ?? f.realisation ?? ''} errors={fe?.errors} maxlength={2000} />
                  <CheckboxField v={v} name="done" label={v.t('surveys.followup.done')} checked={fe ? vals.done === 'on' : f.done} />
                  <DateField v={v} name="doneOn" label={v.t('surveys.followup.done_date')} value={vals.doneOn ?? f.doneOn ?? ''} errors={fe?.errors} />
                  <button class="button button--primary" type="submit">{v.t('ui.save')}</button>
                </form>
                <form method="post" action={`${BASE}/${p.id}/tindak-lanjut/${f.id}/bukti`} enctype="multipart/form-data" class="form" novalidate>
                  <Csrf v={v} />
                  <EvidenceFields v={v} idStem={`ev-${f.id}`} errors={fe?.errors} />
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
              <DateField v={v} name="targetDate" label={v.t('surveys.followup.target')} value={fNew?.form.targetDate ?? ''} errors={fNew?.errors} />
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
          <DateField v={v} name="startsOn" label={v.t('surveys.field.starts')} required value={sf.startsOn ?? p.startsOn} errors={fSet?.errors} />
          <DateField v={v} name="endsOn" label={v.t('surveys.field.ends')} required value={sf.endsOn ?? p.endsOn} errors={fSet?.errors} />
          <CheckboxField v={v} name="requireCode" label={v.t('surveys.field.require_code')} checked={fSet ? sf.requireCode === 'on' : p.requireCode} />
          <TextAreaField v={v} name="analysis" label={v.t('surveys.field.analysis')} rows={5} maxlength={8000} value={sf.analysis ?? p.analysis ?? ''} errors={fSet?.errors} />
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
    </Layout>
  );
}
