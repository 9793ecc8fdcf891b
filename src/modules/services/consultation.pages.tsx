// The pages of the forum konsultasi publik: the unit's consultations with the form of a new one
// (participants by group, inputs with the response and whether adopted), and one consultation with
// its attendance list and photos as evidence. Functions of the view and the model loaded by
// services.queries.ts; a refused form comes back as `shown`.
import { Badge, DateField, ErrorSummary, Form, PageHeader, ScrollRegion, SelectField, SummaryList, TextAreaField, TextField } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import type { consultationModel, consultationsModel } from './services.queries.ts';
import { GROUPS, groupName, type ConsultationInputRow, type Participant } from './services.rules.ts';
import { BASE, CellInput, EvidenceBlock, Multi, SubNav, UnitChooser, errorTexts, listCrumbs, type PageUnit, type Shown } from './services.view.tsx';

export const PATH = `${BASE}/konsultasi`;
const INPUT_ROWS = 4;

const total = (p: Participant[]) => p.reduce((n, x) => n + x.count, 0);

export type ConsultationsModel = Awaited<ReturnType<typeof consultationsModel>> & { reach: PageUnit['reach']; unit: { id: string; name: string }; manage: boolean };

export function consultationsPage(v: View, m: ConsultationsModel, shown: Shown) {
  const { reach, unit, list, services, fileCounts, manage } = m;
  const title = v.t('services.consultation.title');
  const crumbs = listCrumbs(v, title);
  const f = shown.form;
  const errors = shown.errors;
  const serviceName = new Map(services.map((s) => [s.id, s.name]));
  return (
    <Layout v={v} title={title} crumbs={crumbs}>
      <PageHeader title={title} lead={v.t('services.consultation.lead', { unit: unit.name })} />
      <UnitChooser v={v} action={PATH} units={reach} unitId={unit.id} />
      <SubNav v={v} unitId={unit.id} current={PATH} />
      <ErrorSummary v={v} texts={errorTexts(v, errors, shown.params)} />
      <ScrollRegion label={title}><table class="table">
        <caption class="visually-hidden">{title}</caption>
        <thead><tr>
          <th scope="col">{v.t('services.consultation.date')}</th><th scope="col">{v.t('services.consultation.topic')}</th>
          <th scope="col" class="num">{v.t('services.consultation.participants')}</th><th scope="col">{v.t('services.consultation.inputs')}</th><th scope="col" class="num">{v.t('services.consultation.files')}</th>
        </tr></thead>
        <tbody>{list.length === 0 ? <tr><td colspan={5} class="table__empty">{v.t('services.consultation.none')}</td></tr> : list.map((x) => {
          const inputs = x.inputs as ConsultationInputRow[];
          return (
            <tr>
              <td data-label={v.t('services.consultation.date')}>{v.date(x.heldOn)}</td>
              <th scope="row" data-label={v.t('services.consultation.topic')}><a href={`${PATH}/${x.id}`}>{x.topic}</a>{x.serviceId && serviceName.get(x.serviceId) ? <><br /><span class="muted">{serviceName.get(x.serviceId)}</span></> : null}</th>
              <td class="num" data-label={v.t('services.consultation.participants')}>{v.num(total(x.participants as Participant[]))}</td>
              <td data-label={v.t('services.consultation.inputs')}>{v.t('services.consultation.adopted_of', { adopted: v.num(inputs.filter((i) => i.adopted).length), n: v.num(inputs.length) })}</td>
              <td class="num" data-label={v.t('services.consultation.files')}>{v.num(fileCounts.get(x.id) ?? 0)}</td>
            </tr>
          );
        })}</tbody>
      </table></ScrollRegion>
      {manage ? (
        <details class="card services-fold" open={!!errors || list.length === 0}>
          <summary>{v.t('services.consultation.new')}</summary>
          <Form v={v} action={PATH} class="form">
            <input type="hidden" name="unit" value={unit.id} />
            <DateField v={v} name="heldOn" label={v.t('services.consultation.date')} required value={f.heldOn} errors={errors} />
            <TextField v={v} name="place" label={v.t('services.consultation.place')} maxlength={200} value={f.place} errors={errors} />
            <TextField v={v} name="topic" label={v.t('services.consultation.topic')} required maxlength={300} value={f.topic} errors={errors} />
            <SelectField v={v} name="serviceId" label={v.t('services.consultation.service')} hint={v.t('services.consultation.service_hint')} value={f.serviceId} errors={errors} placeholder={v.t('services.consultation.all_services')}
              options={services.filter((s) => s.isActive).map((s) => ({ value: s.id, label: s.name }))} />
            <fieldset class="fieldset"><legend>{v.t('services.consultation.participants_by_group')}</legend>
              <p class="field__hint">{v.t('services.consultation.participants_hint')}</p>
              <div class="services-counts">{GROUPS.map((g) => (
                <TextField v={v} name={`p_${g.key}`} label={groupName(g.key, v.locale)} width="short" inputmode="numeric" value={f[`p_${g.key}`]} errors={errors} />
              ))}</div>
            </fieldset>
            <fieldset class="fieldset"><legend>{v.t('services.consultation.inputs')}</legend>
              <p class="field__hint">{v.t('services.consultation.inputs_hint')}</p>
              <ScrollRegion label={v.t('services.consultation.inputs')}><table class="table services-input-table">
                <caption class="visually-hidden">{v.t('services.consultation.inputs')}</caption>
                <thead><tr><th scope="col">{v.t('services.consultation.input')}</th><th scope="col">{v.t('services.consultation.response')}</th><th scope="col">{v.t('services.consultation.adopted')}</th></tr></thead>
                <tbody>{Array.from({ length: INPUT_ROWS }, (_, i) => (
                  <tr>
                    <td data-label={v.t('services.consultation.input')}><CellInput v={v} name={`in_${i}_input`} label={v.t('services.consultation.input_n', { n: i + 1 })} value={f[`in_${i}_input`]} errors={errors} multiline maxlength={1000} /></td>
                    <td data-label={v.t('services.consultation.response')}><CellInput v={v} name={`in_${i}_response`} label={v.t('services.consultation.response_n', { n: i + 1 })} value={f[`in_${i}_response`]} errors={errors} multiline maxlength={1000} /></td>
                    <td data-label={v.t('services.consultation.adopted')}><input type="checkbox" id={`f-in_${i}_adopted`} name={`in_${i}_adopted`} value="1" checked={f[`in_${i}_adopted`] === '1'} /><label for={`f-in_${i}_adopted`} class="visually-hidden">{v.t('services.consultation.adopted_n', { n: i + 1 })}</label></td>
                  </tr>
                ))}</tbody>
              </table></ScrollRegion>
            </fieldset>
            <TextAreaField v={v} name="notes" label={v.t('services.consultation.notes')} value={f.notes} errors={errors} maxlength={2000} rows={3} />
            <div class="form__actions"><button class="button button--primary" type="submit">{v.t('services.consultation.save')}</button></div>
          </Form>
        </details>
      ) : null}
    </Layout>
  );
}

export type ConsultationModel = Awaited<ReturnType<typeof consultationModel>> & { unitId: string; manage: boolean };

export function consultationPage(v: View, m: ConsultationModel, shown: Shown) {
  const { x, services, evidence, unitId, manage } = m;
  const participants = x.participants as Participant[];
  const inputs = x.inputs as ConsultationInputRow[];
  const title = x.topic;
  return (
    <Layout v={v} title={title} crumbs={[{ href: '/', label: v.t('nav.home') }, { href: `${BASE}?unit=${unitId}`, label: v.t('services.title') }, { href: `${PATH}?unit=${unitId}`, label: v.t('services.consultation.title') }, { label: v.date(x.heldOn) }]}>
      <PageHeader title={title} lead={v.t('services.consultation.held', { date: v.date(x.heldOn), place: x.place ?? '—' })} />
      <ErrorSummary v={v} texts={errorTexts(v, shown.errors, shown.params)} />
      <section class="card">
        <SummaryList rows={[
          [v.t('services.consultation.service'), services.find((s) => s.id === x.serviceId)?.name ?? v.t('services.consultation.all_services')],
          [v.t('services.consultation.participants'), <ul class="plain-list">{participants.map((p) => <li>{groupName(p.group, v.locale)}: {v.num(p.count)}</li>)}<li><strong>{v.t('services.consultation.total', { n: v.num(total(participants)) })}</strong></li></ul>],
          [v.t('services.consultation.notes'), <Multi text={x.notes} />],
        ]} />
      </section>
      <section class="card">
        <h2>{v.t('services.consultation.inputs')}</h2>
        <ScrollRegion label={v.t('services.consultation.inputs')}><table class="table">
          <caption class="visually-hidden">{v.t('services.consultation.inputs')}</caption>
          <thead><tr><th scope="col">{v.t('services.consultation.input')}</th><th scope="col">{v.t('services.consultation.response')}</th><th scope="col">{v.t('services.consultation.adopted')}</th></tr></thead>
          <tbody>{inputs.length === 0 ? <tr><td colspan={3} class="table__empty">{v.t('services.consultation.no_inputs')}</td></tr> : inputs.map((i) => (
            <tr><td data-label={v.t('services.consultation.input')}><Multi text={i.input} /></td><td data-label={v.t('services.consultation.response')}><Multi text={i.response} /></td>
              <td data-label={v.t('services.consultation.adopted')}>{i.adopted ? <Badge tone="success">{v.t('services.yes')}</Badge> : <Badge tone="neutral">{v.t('services.no')}</Badge>}</td></tr>
          ))}</tbody>
        </table></ScrollRegion>
      </section>
      <EvidenceBlock v={v} title={v.t('services.consultation.evidence')} items={evidence} hint={v.t('services.consultation.evidence_hint')}
        action={manage ? `${PATH}/${x.id}/bukti` : null} errors={shown.errors} params={shown.params} />
    </Layout>
  );
}
