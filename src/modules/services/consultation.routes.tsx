// Forum konsultasi publik: the unit's consultations (date, place, topic, the service discussed,
// participants by group, inputs with the response and whether they were adopted) and, per
// consultation, its attendance list and photos as evidence files (subject 'services_consultation').
import { flash, formOf, pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { Badge, Csrf, ErrorSummary, PageHeader, SelectField, SummaryList, TextField, type FieldErrors, ScrollRegion } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import { listEvidenceFor, listEvidenceOfSubjects } from '../evidence/index.ts';
import { canManage } from './services.policy.ts';
import { evidenceInput, manageUnit, nothingPosted, pageUnit, recordUnitOr404, refused, svc } from './services.http.ts';
import { SUBJECT, consultationsOf, findConsultation, listAllServices } from './services.queries.ts';
import { GROUPS, groupName, type ConsultationInputRow, type Participant } from './services.rules.ts';
import { addConsultation, addEvidence } from './services.service.ts';
import { BASE, CellInput, EvidenceBlock, Multi, SubNav, TextArea, UUID_P, UnitChooser, errorTexts } from './services.view.tsx';

const PATH = `${BASE}/konsultasi`;
const CID = `:cid{${UUID_P}}`;
const INPUT_ROWS = 4;

const total = (p: Participant[]) => p.reduce((n, x) => n + x.count, 0);

export function registerConsultationRoutes(r: Router) {
  async function listPage(c: Ctx, opts: { unitId?: string; form?: Record<string, string>; errors?: FieldErrors; params?: Record<string, string | number>; status?: 200 | 400 | 409 } = {}) {
    const { reach, unit } = await pageUnit(c, opts.unitId);
    const v = await pageView(c);
    const title = v.t('services.consultation.title');
    const crumbs = [{ href: '/', label: v.t('nav.home') }, { href: BASE, label: v.t('services.title') }, { label: title }];
    if (!unit) return c.html(<Layout v={v} title={title} crumbs={crumbs}><PageHeader title={title} lead={v.t('services.no_unit')} /></Layout>);
    const db = c.var.deps.db;
    const list = await consultationsOf(db, unit.id);
    const services = await listAllServices(db, unit.id);
    const evidence = await listEvidenceOfSubjects(db, SUBJECT.consultation, list.map((x) => x.id));
    const manage = canManage(c.var.actor, unit.id);
    const f = opts.form ?? {};
    const errors = opts.errors;
    const serviceName = new Map(services.map((s) => [s.id, s.name]));
    return c.html(
      <Layout v={v} title={title} crumbs={crumbs}>
        <PageHeader title={title} lead={v.t('services.consultation.lead', { unit: unit.name })} />
        <UnitChooser v={v} action={PATH} units={reach} unitId={unit.id} />
        <SubNav v={v} unitId={unit.id} current={PATH} />
        <ErrorSummary v={v} texts={errorTexts(v, errors, opts.params)} />
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
                <td class="num" data-label={v.t('services.consultation.files')}>{v.num(evidence.get(x.id)?.length ?? 0)}</td>
              </tr>
            );
          })}</tbody>
        </table></ScrollRegion>
        {manage ? (
          <details class="card services-fold" open={!!errors || list.length === 0}>
            <summary>{v.t('services.consultation.new')}</summary>
            <form method="post" action={PATH} class="form" novalidate>
              <Csrf v={v} /><input type="hidden" name="unit" value={unit.id} />
              <TextField v={v} name="heldOn" type="date" label={v.t('services.consultation.date')} required width="short" value={f.heldOn} errors={errors} />
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
              <TextArea v={v} name="notes" label={v.t('services.consultation.notes')} value={f.notes} errors={errors} maxlength={2000} />
              <div class="form__actions"><button class="button button--primary" type="submit">{v.t('services.consultation.save')}</button></div>
            </form>
          </details>
        ) : null}
      </Layout>,
      opts.status ?? 200,
    );
  }

  r.get(PATH, 'services.view', (c) => listPage(c));

  r.post(PATH, 'services.manage', async (c) => {
    const form = await formOf(c);
    const unitId = manageUnit(c, form.unit);
    try {
      const x = await addConsultation(svc(c), unitId, form);
      flash(c, 'success', 'services.consultation.saved');
      return c.redirect(`${PATH}/${x.id}`, 303);
    } catch (err) {
      const e = refused(err);
      return listPage(c, { unitId, form, errors: e.errors, params: e.params, status: e.status });
    }
  });

  async function detail(c: Ctx, unitId: string, opts: { errors?: FieldErrors; params?: Record<string, string | number>; status?: 200 | 400 | 409 } = {}) {
    const db = c.var.deps.db;
    const x = (await findConsultation(db, unitId, c.req.param('cid') ?? ''))!;
    const v = await pageView(c);
    const services = await listAllServices(db, unitId);
    const evidence = (await listEvidenceFor(db, SUBJECT.consultation, x.id)).get('') ?? [];
    const participants = x.participants as Participant[];
    const inputs = x.inputs as ConsultationInputRow[];
    const title = x.topic;
    return c.html(
      <Layout v={v} title={title} crumbs={[{ href: '/', label: v.t('nav.home') }, { href: `${BASE}?unit=${unitId}`, label: v.t('services.title') }, { href: `${PATH}?unit=${unitId}`, label: v.t('services.consultation.title') }, { label: v.date(x.heldOn) }]}>
        <PageHeader title={title} lead={v.t('services.consultation.held', { date: v.date(x.heldOn), place: x.place ?? '—' })} />
        <ErrorSummary v={v} texts={errorTexts(v, opts.errors, opts.params)} />
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
          action={canManage(c.var.actor, unitId) ? `${PATH}/${x.id}/bukti` : null} errors={opts.errors} params={opts.params} />
      </Layout>,
      opts.status ?? 200,
    );
  }

  r.get(`${PATH}/${CID}`, 'services.view', async (c) => detail(c, await recordUnitOr404(c, 'consultation', 'cid')));

  r.post(`${PATH}/${CID}/bukti`, 'services.manage', { files: 1 }, async (c) => {
    const unitId = manageUnit(c, await recordUnitOr404(c, 'consultation', 'cid'));
    const input = await evidenceInput(c);
    try {
      if (!input) throw nothingPosted();
      await addEvidence(svc(c), c.var.deps.files, unitId, 'consultation', c.req.param('cid') ?? '', input);
      flash(c, 'success', 'services.evidence.added');
      return c.redirect(`${PATH}/${c.req.param('cid')}#bukti`, 303);
    } catch (err) {
      const e = refused(err);
      return detail(c, unitId, { errors: e.errors, params: e.params, status: e.status });
    }
  });
}
