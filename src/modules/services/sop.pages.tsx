// The pages of the SOP register: the unit's SOPs (active, or every version) with the form of a new
// one, and one SOP with its flow steps, evaluations (and the evaluation form), document, versions and
// the correction / new-version form. Functions of the view and the model loaded by
// services.queries.ts; a refused form comes back as `shown` (`evalForm`: the evaluation form's).
import { Badge, DateField, ErrorSummary, Form, PageHeader, ScrollRegion, SelectField, SummaryList, TextAreaField, TextField, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import type { ServiceRow, SopRow, sopListModel, sopModel } from './services.queries.ts';
import { SOP_FOLLOW_UPS, STEP_FIELDS, type SopStep } from './services.rules.ts';
import { revOf } from './services.service.ts';
import { BASE, CellInput, EvidenceBlock, Multi, SubNav, UnitChooser, errorTexts, listCrumbs, type PageUnit, type Shown } from './services.view.tsx';

export const PATH = `${BASE}/sop`;
const BLANK_STEPS = 3;

/** The SOP form (new, correction, or new version): metadata and flow steps as rows. */
function SopForm(props: { v: View; action: string; unitId: string; sop: SopRow | null; f: Record<string, string>; errors?: FieldErrors; people: { id: string; name: string; position: string }[]; services: ServiceRow[]; newVersionAction?: string }) {
  const { v, sop, f, errors } = props;
  const steps = (sop?.steps as SopStep[] | undefined) ?? [];
  const rows = Math.max(steps.length + BLANK_STEPS, 5);
  const val = (k: string, fallback: string | null | undefined) => f[k] ?? fallback ?? '';
  return (
    <Form v={v} action={props.action} class="form">
      <input type="hidden" name="unit" value={props.unitId} />
      {sop ? <input type="hidden" name="rev" value={revOf(sop.updatedAt)} /> : null}
      <TextField v={v} name="number" label={v.t('services.sop.number')} hint={sop ? v.t('services.sop.number_fixed_hint') : v.t('services.sop.number_hint')} required maxlength={100} value={val('number', sop?.number)} errors={errors} />
      <TextField v={v} name="title" label={v.t('services.sop.title_field')} required maxlength={300} value={val('title', sop?.title)} errors={errors} />
      <DateField v={v} name="effectiveOn" label={v.t('services.sop.effective')} value={val('effectiveOn', sop?.effectiveOn)} errors={errors} />
      <SelectField v={v} name="ownerPersonId" label={v.t('services.sop.owner')} hint={v.t('services.sop.owner_hint')} required value={val('ownerPersonId', sop?.ownerPersonId)} errors={errors} placeholder={v.t('services.choose')}
        options={props.people.map((p) => ({ value: p.id, label: `${p.name} — ${p.position}` }))} />
      <TextAreaField v={v} name="activity" label={v.t('services.sop.activity')} value={val('activity', sop?.activity)} errors={errors} maxlength={500} rows={2} />
      <SelectField v={v} name="serviceId" label={v.t('services.sop.service')} value={val('serviceId', sop?.serviceId)} errors={errors} placeholder={v.t('services.sop.no_service')}
        options={props.services.filter((s) => s.isActive || s.id === sop?.serviceId).map((s) => ({ value: s.id, label: s.name }))} />
      <fieldset class="fieldset"><legend>{v.t('services.sop.steps')}</legend>
        <p class="field__hint">{v.t('services.sop.steps_hint')}</p>
        <ScrollRegion label={v.t('services.sop.steps')}><table class="table services-steps-table">
          <caption class="visually-hidden">{v.t('services.sop.steps')}</caption>
          <thead><tr><th scope="col">#</th>{STEP_FIELDS.map((k) => <th scope="col">{v.t(`services.sop.step.${k}`)}</th>)}</tr></thead>
          <tbody>{Array.from({ length: rows }, (_, i) => (
            <tr><td data-label="#">{i + 1}</td>{STEP_FIELDS.map((k) => (
              <td data-label={v.t(`services.sop.step.${k}`)}><CellInput v={v} name={`st_${i}_${k}`} label={`${v.t(`services.sop.step.${k}`)} ${i + 1}`} value={f[`st_${i}_${k}`] ?? (steps[i]?.[k] ?? '')} errors={errors} multiline={k === 'step' || k === 'requirements'} maxlength={500} /></td>
            ))}</tr>
          ))}</tbody>
        </table></ScrollRegion>
      </fieldset>
      <div class="form__actions button-row">
        <button class="button button--primary" type="submit">{sop ? v.t('services.sop.save_correction') : v.t('services.sop.create')}</button>
        {props.newVersionAction ? <button class="button" type="submit" formaction={props.newVersionAction}>{v.t('services.sop.save_new_version')}</button> : null}
      </div>
    </Form>
  );
}

export type SopListModel = Awaited<ReturnType<typeof sopListModel>> & { reach: PageUnit['reach']; unit: { id: string; name: string }; manage: boolean };

export function sopListPage(v: View, m: SopListModel, shown: Shown) {
  const { reach, unit, list, services, evals, owners, people, history, manage } = m;
  const errors = shown.errors;
  const title = v.t('services.sop.list_title');
  const crumbs = listCrumbs(v, title);
  const serviceName = new Map(services.map((s) => [s.id, s.name]));
  return (
    <Layout v={v} title={title} crumbs={crumbs}>
      <PageHeader title={title} lead={v.t('services.sop.lead', { unit: unit.name })} />
      <UnitChooser v={v} action={PATH} units={reach} unitId={unit.id} />
      <SubNav v={v} unitId={unit.id} current={PATH} />
      <ErrorSummary v={v} texts={errorTexts(v, errors, shown.params)} />
      <p><a href={`${PATH}?unit=${unit.id}${history ? '' : '&riwayat=1'}`}>{history ? v.t('services.sop.show_active') : v.t('services.sop.show_history')}</a></p>
      <ScrollRegion label={title}><table class="table">
        <caption class="visually-hidden">{title}</caption>
        <thead><tr>
          <th scope="col">{v.t('services.sop.number')}</th><th scope="col">{v.t('services.sop.title_field')}</th><th scope="col" class="num">{v.t('services.sop.version')}</th>
          <th scope="col">{v.t('services.sop.effective')}</th><th scope="col">{v.t('services.sop.owner')}</th><th scope="col">{v.t('services.sop.last_evaluation')}</th>
        </tr></thead>
        <tbody>{list.length === 0 ? <tr><td colspan={6} class="table__empty">{v.t('services.sop.none')}</td></tr> : list.map((s) => {
          const last = evals.find((e) => e.sopId === s.id);
          return (
            <tr>
              <td data-label={v.t('services.sop.number')}>{s.number}</td>
              <th scope="row" data-label={v.t('services.sop.title_field')}><a href={`${PATH}/${s.id}`}>{s.title}</a>
                {s.serviceId && serviceName.get(s.serviceId) ? <><br /><span class="muted">{serviceName.get(s.serviceId)}</span></> : null}
                {s.status === 'superseded' ? <> <Badge tone="neutral">{v.t('services.standard.status.superseded')}</Badge></> : null}</th>
              <td class="num" data-label={v.t('services.sop.version')}>{s.version}</td>
              <td data-label={v.t('services.sop.effective')}>{s.effectiveOn ? v.date(s.effectiveOn) : '—'}</td>
              <td data-label={v.t('services.sop.owner')}>{owners.get(s.ownerPersonId ?? '')?.name ?? '—'}</td>
              <td data-label={v.t('services.sop.last_evaluation')}>{last ? <>{v.date(last.evaluatedOn)} · {v.t(`services.sop.follow_up.${last.followUp}`)}</> : <span class="muted">{v.t('services.sop.not_evaluated')}</span>}</td>
            </tr>
          );
        })}</tbody>
      </table></ScrollRegion>
      {manage ? (
        <details class="card services-fold" open={!!errors}>
          <summary>{v.t('services.sop.new')}</summary>
          <SopForm v={v} action={PATH} unitId={unit.id} sop={null} f={shown.form} errors={errors} people={people} services={services} />
        </details>
      ) : null}
    </Layout>
  );
}

export type SopModel = Awaited<ReturnType<typeof sopModel>> & { unitId: string; manage: boolean };

export function sopPage(v: View, m: SopModel, shown: Shown, evalForm = false) {
  const { s, versions, evals, services, owner, evidence, people, unitId, manage } = m;
  const steps = s.steps as SopStep[];
  const f = shown.form;
  const errors = shown.errors;
  const title = `${s.number} — ${s.title}`;
  return (
    <Layout v={v} title={title} crumbs={[{ href: '/', label: v.t('nav.home') }, { href: `${BASE}?unit=${unitId}`, label: v.t('services.title') }, { href: `${PATH}?unit=${unitId}`, label: v.t('services.sop.list_title') }, { label: s.number }]}>
      <PageHeader title={s.title} lead={v.t('services.sop.number_version', { number: s.number, n: s.version })} />
      {s.status === 'superseded' ? <div class="alert alert--warning" role="status">{v.t('services.sop.superseded_note')} {s.supersededBy ? <a href={`${PATH}/${s.supersededBy}`}>{v.t('services.sop.go_newer')}</a> : null}</div> : null}
      <ErrorSummary v={v} texts={errorTexts(v, errors, shown.params)} />
      <section class="card">
        <SummaryList rows={[
          [v.t('services.col.status'), s.status === 'active' ? <Badge tone="success">{v.t('services.sop.active')}</Badge> : <Badge tone="neutral">{v.t('services.standard.status.superseded')}</Badge>],
          [v.t('services.sop.effective'), s.effectiveOn ? v.date(s.effectiveOn) : '—'],
          [v.t('services.sop.owner'), owner ? `${owner.name} — ${owner.position}` : '—'],
          [v.t('services.sop.activity'), <Multi text={s.activity} />],
          [v.t('services.sop.service'), services.find((x) => x.id === s.serviceId)?.name ?? v.t('services.sop.no_service')],
        ]} />
      </section>
      <section class="card">
        <h2>{v.t('services.sop.steps')}</h2>
        <ScrollRegion label={v.t('services.sop.steps')}><table class="table">
          <caption class="visually-hidden">{v.t('services.sop.steps')}</caption>
          <thead><tr><th scope="col" class="num">#</th>{STEP_FIELDS.map((k) => <th scope="col">{v.t(`services.sop.step.${k}`)}</th>)}</tr></thead>
          <tbody>{steps.length === 0 ? <tr><td colspan={6} class="table__empty">{v.t('services.sop.no_steps')}</td></tr> : steps.map((st, i) => (
            <tr><td class="num" data-label="#">{i + 1}</td>{STEP_FIELDS.map((k) => <td data-label={v.t(`services.sop.step.${k}`)}><Multi text={st[k]} /></td>)}</tr>
          ))}</tbody>
        </table></ScrollRegion>
      </section>
      <section class="card" id="evaluasi">
        <h2>{v.t('services.sop.evaluations')}</h2>
        <ScrollRegion label={v.t('services.sop.evaluations')}><table class="table">
          <caption class="visually-hidden">{v.t('services.sop.evaluations')}</caption>
          <thead><tr><th scope="col">{v.t('services.sop.eval.date')}</th><th scope="col">{v.t('services.sop.eval.result')}</th><th scope="col">{v.t('services.sop.eval.follow_up')}</th></tr></thead>
          <tbody>{evals.length === 0 ? <tr><td colspan={3} class="table__empty">{v.t('services.sop.not_evaluated')}</td></tr> : evals.map((e) => (
            <tr><td data-label={v.t('services.sop.eval.date')}>{v.date(e.evaluatedOn)}</td><td data-label={v.t('services.sop.eval.result')}><Multi text={e.result} /></td>
              <td data-label={v.t('services.sop.eval.follow_up')}>{v.t(`services.sop.follow_up.${e.followUp}`)}{e.followUpNote ? <><br /><span class="muted">{e.followUpNote}</span></> : null}</td></tr>
          ))}</tbody>
        </table></ScrollRegion>
        {manage ? (
          <Form v={v} action={`${PATH}/${s.id}/evaluasi`} class="form">
            <h3>{v.t('services.sop.eval.add')}</h3>
            <DateField v={v} name="evaluatedOn" label={v.t('services.sop.eval.date')} required value={evalForm ? f.evaluatedOn : ''} errors={evalForm ? errors : undefined} />
            <TextAreaField v={v} name="result" label={v.t('services.sop.eval.result')} required maxlength={2000} value={evalForm ? f.result : ''} errors={evalForm ? errors : undefined} rows={3} />
            <SelectField v={v} name="followUp" label={v.t('services.sop.eval.follow_up')} required value={evalForm ? f.followUp : 'none'} errors={evalForm ? errors : undefined}
              options={SOP_FOLLOW_UPS.map((k) => ({ value: k, label: v.t(`services.sop.follow_up.${k}`) }))} />
            <TextAreaField v={v} name="followUpNote" label={v.t('services.sop.eval.note')} maxlength={2000} value={evalForm ? f.followUpNote : ''} errors={evalForm ? errors : undefined} rows={2} />
            <div class="form__actions"><button class="button button--primary" type="submit">{v.t('services.sop.eval.save')}</button></div>
          </Form>
        ) : null}
      </section>
      <EvidenceBlock v={v} title={v.t('services.sop.document')} items={evidence} hint={v.t('services.sop.document_hint')}
        action={manage ? `${PATH}/${s.id}/bukti` : null} errors={evalForm ? undefined : errors} params={shown.params} />
      <section class="card">
        <h2>{v.t('services.sop.versions')}</h2>
        <ul class="plain-list">{versions.map((x) => (
          <li>{x.id === s.id ? <strong>{v.t('services.sop.version_n', { n: x.version })}</strong> : <a href={`${PATH}/${x.id}`}>{v.t('services.sop.version_n', { n: x.version })}</a>}
            {' · '}{x.effectiveOn ? v.date(x.effectiveOn) : '—'}{' · '}{x.status === 'active' ? v.t('services.sop.active') : v.t('services.standard.status.superseded')}</li>
        ))}</ul>
      </section>
      {manage && s.status === 'active' ? (
        <details class="card services-fold" open={!!errors && !evalForm}>
          <summary>{v.t('services.sop.edit')}</summary>
          <p class="muted">{v.t('services.sop.edit_hint')}</p>
          <SopForm v={v} action={`${PATH}/${s.id}`} newVersionAction={`${PATH}/${s.id}/versi-baru`} unitId={unitId} sop={s} f={evalForm ? {} : f} errors={evalForm ? undefined : errors} people={people} services={services} />
        </details>
      ) : null}
    </Layout>
  );
}
