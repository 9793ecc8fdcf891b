// Pages of the service catalogue: the unit's services (unit picker for accounts reaching several
// units), one service (edit, deactivate, its standard versions and reviews), a standard version
// (edit a draft, publish it, its decree file) and what changed between two versions. The
// consultation, maklumat, SOP and public pages register from their own files.
import { notFound } from '../../kernel/errors.ts';
import { flash, formOf, pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { Badge, Csrf, ErrorSummary, PageHeader, SelectField, SummaryList, TextField, type FieldErrors, ScrollRegion } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { listEvidenceFor } from '../evidence/index.ts';
import { registerConsultationRoutes } from './consultation.routes.tsx';
import { registerMaklumatRoutes } from './maklumat.routes.tsx';
import { registerServicesPublicRoutes } from './public.routes.tsx';
import { registerSopRoutes } from './sop.routes.tsx';
import { canManage } from './services.policy.ts';
import { evidenceInput, manageUnit, nothingPosted, pageUnit, refused, serviceOr404, svc } from './services.http.ts';
import { SUBJECT, unitOf, listAllServices, reviewsOf, sopsOf, standardsOf, standardsOfServices, findStandard, type ServiceRow, type StandardRow } from './services.queries.ts';
import { COMPONENTS, FINDING_SOURCES, componentName, componentsOf, diffComponents, findingSourceName, missingComponents, type Finding } from './services.rules.ts';
import {
  addEvidence, addReview, createDraft, createService, discardDraft, publishStandard, revOf, saveDraft, setServiceActive, updateService,
} from './services.service.ts';
import { BASE, ComponentList, EvidenceBlock, Multi, SubNav, TextArea, UUID_P, UnitPicker, errorTexts, statusBadge } from './services.view.tsx';

const ID = `:id{${UUID_P}}`;
const SID = `:sid{${UUID_P}}`;
const FINDING_ROWS = 4;

export function registerServicesRoutes(r: Router) {
  // ---- catalogue ----------------------------------------------------------------------------------
  async function catalogue(c: Ctx, opts: { unitId?: string; form?: Record<string, string>; errors?: FieldErrors; params?: Record<string, string | number>; status?: 200 | 400 | 409 } = {}) {
    const { reach, unit } = await pageUnit(c, opts.unitId);
    const v = await pageView(c);
    const title = v.t('services.title');
    const crumbs = [{ href: '/', label: v.t('nav.home') }, { label: title }];
    if (!unit) return c.html(<Layout v={v} title={title} crumbs={crumbs}><PageHeader title={title} lead={v.t('services.no_unit')} /></Layout>);
    const db = c.var.deps.db;
    const list = await listAllServices(db, unit.id);
    const versions = await standardsOfServices(db, list.map((s) => s.id));
    const sops = await sopsOf(db, unit.id);
    const manage = canManage(c.var.actor, unit.id);
    const f = opts.form ?? {};
    const errors = opts.errors;
    const stateOf = (s: ServiceRow) => {
      const mine = versions.filter((x) => x.serviceId === s.id);
      return { published: mine.find((x) => x.status === 'published') ?? null, draft: mine.find((x) => x.status === 'draft') ?? null };
    };
    const withStandard = list.filter((s) => s.isActive && stateOf(s).published).length;
    const active = list.filter((s) => s.isActive).length;
    return c.html(
      <Layout v={v} title={title} crumbs={crumbs}>
        <PageHeader title={title} lead={v.t('services.lead', { unit: unit.name })}
          actions={<a class="button button--secondary" href={`/publik/unit/${encodeURIComponent((await unitCode(c, unit.id)) ?? '')}/layanan`}>{v.t('services.public_page')}</a>} />
        <UnitPicker v={v} action={BASE} units={reach} unitId={unit.id} />
        <SubNav v={v} unitId={unit.id} current={BASE} />
        <ErrorSummary v={v} texts={errorTexts(v, errors, opts.params)} />
        <p>{v.t('services.summary', { with: v.num(withStandard), all: v.num(active), sops: v.num(sops.length) })}</p>
        <ScrollRegion label={title}><table class="table services-catalogue">
          <caption class="visually-hidden">{title}</caption>
          <thead><tr>
            <th scope="col">{v.t('services.col.code')}</th><th scope="col">{v.t('services.col.name')}</th>
            <th scope="col">{v.t('services.col.standard')}</th><th scope="col">{v.t('services.col.status')}</th>
          </tr></thead>
          <tbody>{list.length === 0 ? <tr><td colspan={4} class="table__empty">{v.t('services.empty')}</td></tr> : list.map((s) => {
            const st = stateOf(s);
            return (
              <tr>
                <td data-label={v.t('services.col.code')}><code>{s.code}</code></td>
                <td data-label={v.t('services.col.name')}><a href={`${BASE}/${s.id}`}><strong>{s.name}</strong></a></td>
                <td data-label={v.t('services.col.standard')}>
                  {st.published ? <>{v.t('services.standard.version_short', { n: st.published.version })} · {v.t('services.standard.effective_short', { date: st.published.effectiveFrom ? v.date(st.published.effectiveFrom) : '—' })}</> : <span class="muted">{v.t('services.standard.none')}</span>}
                  {st.draft ? <> <Badge tone="warning">{v.t('services.standard.has_draft')}</Badge></> : null}
                </td>
                <td data-label={v.t('services.col.status')}>{s.isActive ? <Badge tone="success">{v.t('services.service.active')}</Badge> : <Badge tone="neutral">{v.t('services.service.inactive')}</Badge>}</td>
              </tr>
            );
          })}</tbody>
        </table></ScrollRegion>
        {manage ? (
          <section class="card">
            <h2>{v.t('services.service.new')}</h2>
            <form method="post" action={BASE} class="form" novalidate>
              <Csrf v={v} /><input type="hidden" name="unit" value={unit.id} />
              <TextField v={v} name="code" label={v.t('services.service.code')} hint={v.t('services.service.code_hint')} required width="short" maxlength={20} value={f.code} errors={errors} />
              <TextField v={v} name="name" label={v.t('services.service.name')} required maxlength={200} value={f.name} errors={errors} />
              <TextArea v={v} name="description" label={v.t('services.service.description')} value={f.description} errors={errors} maxlength={2000} />
              <TextField v={v} name="sortOrder" label={v.t('services.service.order')} hint={v.t('services.service.order_hint')} width="short" inputmode="numeric" value={f.sortOrder ?? String((list.length + 1) * 10)} errors={errors} />
              <div class="form__actions"><button class="button button--primary" type="submit">{v.t('services.service.create')}</button></div>
            </form>
          </section>
        ) : null}
      </Layout>,
      opts.status ?? 200,
    );
  }

  async function unitCode(c: Ctx, unitId: string): Promise<string | null> {
    return (await unitOf(c.var.deps.db, unitId))?.code ?? null;
  }

  r.get(BASE, 'services.view', (c) => catalogue(c));

  r.post(BASE, 'services.manage', async (c) => {
    const form = await formOf(c);
    const unitId = manageUnit(c, form.unit);
    try {
      const s = await createService(svc(c), unitId, form);
      flash(c, 'success', 'services.service.created');
      return c.redirect(`${BASE}/${s.id}`, 303);
    } catch (err) {
      const e = refused(err);
      return catalogue(c, { unitId, form, errors: e.errors, params: e.params, status: e.status });
    }
  });

  // ---- one service --------------------------------------------------------------------------------
  async function servicePage(c: Ctx, s: ServiceRow, opts: { form?: Record<string, string>; errors?: FieldErrors; params?: Record<string, string | number>; status?: 200 | 400 | 409 } = {}) {
    const v = await pageView(c);
    const db = c.var.deps.db;
    const versions = await standardsOf(db, s.id);
    const reviews = await reviewsOf(db, s.id);
    const manage = canManage(c.var.actor, s.unitId);
    const code = await unitCode(c, s.unitId);
    const published = versions.find((x) => x.status === 'published');
    const draft = versions.find((x) => x.status === 'draft');
    const f = opts.form ?? {};
    const errors = opts.errors;
    const title = s.name;
    const byId = new Map(versions.map((x) => [x.id, x]));
    return c.html(
      <Layout v={v} title={title} crumbs={[{ href: '/', label: v.t('nav.home') }, { href: `${BASE}?unit=${s.unitId}`, label: v.t('services.title') }, { label: title }]}>
        <PageHeader title={title} lead={`${v.t('services.service.code')}: ${s.code}`}
          actions={s.isActive && code ? <a class="button button--secondary" href={`/publik/unit/${encodeURIComponent(code)}/layanan/${encodeURIComponent(s.code)}`}>{v.t('services.public_page')}</a> : undefined} />
        {s.isActive ? null : <div class="alert alert--warning" role="status">{v.t('services.service.inactive_note')}</div>}
        <ErrorSummary v={v} texts={errorTexts(v, errors, opts.params)} />
        {s.description ? <Multi text={s.description} /> : null}

        <section class="card">
          <h2>{v.t('services.standard.title')}</h2>
          {published ? (
            <p>{v.t('services.standard.current', { n: published.version, number: published.decreeNumber ?? '—', date: published.effectiveFrom ? v.date(published.effectiveFrom) : '—' })}
              {' '}<a href={`${BASE}/${s.id}/standar/${published.id}`}>{v.t('services.standard.open')}</a></p>
          ) : <p class="muted">{v.t('services.standard.none_yet')}</p>}
          <ScrollRegion label={v.t('services.standard.versions')}><table class="table">
            <caption>{v.t('services.standard.versions')}</caption>
            <thead><tr><th scope="col">{v.t('services.standard.col.version')}</th><th scope="col">{v.t('services.col.status')}</th><th scope="col">{v.t('services.standard.decree')}</th><th scope="col">{v.t('services.standard.effective')}</th><th scope="col">{v.t('services.standard.col.changes')}</th></tr></thead>
            <tbody>{versions.length === 0 ? <tr><td colspan={5} class="table__empty">{v.t('services.standard.none')}</td></tr> : versions.map((x) => (
              <tr>
                <td data-label={v.t('services.standard.col.version')}><a href={`${BASE}/${s.id}/standar/${x.id}`}>{v.t('services.standard.version_short', { n: x.version })}</a></td>
                <td data-label={v.t('services.col.status')}>{statusBadge(v, x.status)}</td>
                <td data-label={v.t('services.standard.decree')}>{x.decreeNumber ? `${x.decreeNumber}${x.decreeDate ? `, ${v.date(x.decreeDate)}` : ''}` : '—'}</td>
                <td data-label={v.t('services.standard.effective')}>{x.effectiveFrom ? v.date(x.effectiveFrom) : '—'}</td>
                <td data-label={v.t('services.standard.col.changes')}>{x.version > 1 ? <a href={`${BASE}/${s.id}/standar/${x.id}/perubahan`}>{v.t('services.standard.diff_link')}</a> : <span class="muted">{v.t('services.standard.first')}</span>}</td>
              </tr>
            ))}</tbody>
          </table></ScrollRegion>
          {manage && !draft ? (
            <form method="post" action={`${BASE}/${s.id}/standar`} class="form" novalidate>
              <Csrf v={v} />
              <p class="field__hint">{published ? v.t('services.standard.new_hint') : v.t('services.standard.first_hint')}</p>
              <button class="button button--primary" type="submit">{v.t('services.standard.new_draft')}</button>
            </form>
          ) : draft ? <p><a class="button" href={`${BASE}/${s.id}/standar/${draft.id}`}>{v.t('services.standard.open_draft', { n: draft.version })}</a></p> : null}
        </section>

        <section class="card" id="reviu">
          <h2>{v.t('services.review.title')}</h2>
          <p class="muted">{v.t('services.review.lead')}</p>
          {reviews.length === 0 ? <p class="muted">{v.t('services.review.none')}</p> : reviews.map((rv) => (
            <article class="services-review">
              <h3>{v.t('services.review.on', { date: v.date(rv.reviewedOn) })}</h3>
              <ScrollRegion label={v.t('services.review.findings')}><table class="table">
                <caption class="visually-hidden">{v.t('services.review.findings')}</caption>
                <thead><tr><th scope="col">{v.t('services.review.source')}</th><th scope="col">{v.t('services.review.finding')}</th><th scope="col">{v.t('services.review.change')}</th></tr></thead>
                <tbody>{(rv.findings as Finding[]).map((fd) => (
                  <tr><td data-label={v.t('services.review.source')}>{findingSourceName(fd.source, v.locale)}</td><td data-label={v.t('services.review.finding')}><Multi text={fd.finding} /></td><td data-label={v.t('services.review.change')}><Multi text={fd.change} /></td></tr>
                ))}</tbody>
              </table></ScrollRegion>
              <SummaryList rows={[
                [v.t('services.review.resulting'), rv.resultingStandardId && byId.get(rv.resultingStandardId) ? <a href={`${BASE}/${s.id}/standar/${rv.resultingStandardId}`}>{v.t('services.standard.version_short', { n: byId.get(rv.resultingStandardId)!.version })}</a> : v.t('services.review.no_change')],
                [v.t('services.review.conclusion'), <Multi text={rv.conclusion} />],
              ]} />
            </article>
          ))}
          {manage ? (
            <details class="services-fold" open={!!errors && f.fd_0_source !== undefined}>
            <summary>{v.t('services.review.add')}</summary>
            <form method="post" action={`${BASE}/${s.id}/reviu`} class="form services-review-form" novalidate>
              <Csrf v={v} />
              <TextField v={v} name="reviewedOn" type="date" label={v.t('services.review.date')} required width="short" value={f.reviewedOn} errors={errors} />
              <fieldset class="fieldset"><legend>{v.t('services.review.findings')}</legend>
                <p class="field__hint">{v.t('services.review.findings_hint')}</p>
                {Array.from({ length: FINDING_ROWS }, (_, i) => (
                  <div class="services-row">
                    <SelectField v={v} name={`fd_${i}_source`} label={v.t('services.review.source_n', { n: i + 1 })} value={f[`fd_${i}_source`] ?? (i === 0 ? 'skm' : i === 1 ? 'complaint' : '')} errors={errors} placeholder="—"
                      options={FINDING_SOURCES.map((k) => ({ value: k, label: findingSourceName(k, v.locale) }))} />
                    <TextArea v={v} name={`fd_${i}_finding`} label={v.t('services.review.finding_n', { n: i + 1 })} value={f[`fd_${i}_finding`]} errors={errors} rows={2} maxlength={1000} />
                    <TextArea v={v} name={`fd_${i}_change`} label={v.t('services.review.change_n', { n: i + 1 })} value={f[`fd_${i}_change`]} errors={errors} rows={2} maxlength={1000} />
                  </div>
                ))}
              </fieldset>
              <SelectField v={v} name="resultingStandardId" label={v.t('services.review.resulting')} hint={v.t('services.review.resulting_hint')} value={f.resultingStandardId} errors={errors} placeholder={v.t('services.review.no_change')}
                options={versions.map((x) => ({ value: x.id, label: `${v.t('services.standard.version_short', { n: x.version })} (${v.t(`services.standard.status.${x.status}`)})` }))} />
              <TextArea v={v} name="conclusion" label={v.t('services.review.conclusion')} value={f.conclusion} errors={errors} maxlength={2000} />
              <div class="form__actions"><button class="button button--primary" type="submit">{v.t('services.review.save')}</button></div>
            </form>
            </details>
          ) : null}
        </section>

        {manage ? (
          <details class="card services-fold" open={!!errors && f.code !== undefined}>
            <summary>{v.t('services.service.edit')}</summary>
            <form method="post" action={`${BASE}/${s.id}`} class="form" novalidate>
              <Csrf v={v} /><input type="hidden" name="version" value={String(s.version)} />
              <TextField v={v} name="code" label={v.t('services.service.code')} hint={v.t('services.service.code_hint')} required width="short" maxlength={20} value={f.code ?? s.code} errors={errors} />
              <TextField v={v} name="name" label={v.t('services.service.name')} required maxlength={200} value={f.name ?? s.name} errors={errors} />
              <TextArea v={v} name="description" label={v.t('services.service.description')} value={f.description ?? s.description} errors={errors} maxlength={2000} />
              <TextField v={v} name="sortOrder" label={v.t('services.service.order')} width="short" inputmode="numeric" value={f.sortOrder ?? String(s.sortOrder)} errors={errors} />
              <div class="form__actions"><button class="button button--primary" type="submit">{v.t('ui.save')}</button></div>
            </form>
            <form method="post" action={`${BASE}/${s.id}/status`} class="form" novalidate>
              <Csrf v={v} /><input type="hidden" name="version" value={String(s.version)} /><input type="hidden" name="active" value={s.isActive ? '0' : '1'} />
              <p class="field__hint">{s.isActive ? v.t('services.service.deactivate_hint') : v.t('services.service.reactivate_hint')}</p>
              <button class={s.isActive ? 'button button--danger' : 'button'} type="submit">{s.isActive ? v.t('services.service.deactivate') : v.t('services.service.reactivate')}</button>
            </form>
          </details>
        ) : null}
      </Layout>,
      opts.status ?? 200,
    );
  }

  r.get(`${BASE}/${ID}`, 'services.view', async (c) => servicePage(c, await serviceOr404(c)));

  /** Runs a change on the service in the path; a refused change re-renders `render` with its errors. */
  const onService = (path: string, run: (c: Ctx, s: ServiceRow, form: Record<string, string>) => Promise<{ to: string; flash: string }>,
    render: (c: Ctx, s: ServiceRow, o: { form: Record<string, string>; errors: FieldErrors; params: Record<string, string | number>; status: 400 | 409 }) => Promise<Response> = (c, s, o) => servicePage(c, s, o)) => {
    r.post(path, 'services.manage', async (c) => {
      const s = await serviceOr404(c);
      manageUnit(c, s.unitId);
      const form = await formOf(c);
      try {
        const out = await run(c, s, form);
        flash(c, 'success', out.flash);
        return c.redirect(out.to, 303);
      } catch (err) {
        const e = refused(err);
        return render(c, s, { form, errors: e.errors, params: e.params, status: e.status });
      }
    });
  };

  onService(`${BASE}/${ID}`, async (c, s, form) => {
    await updateService(svc(c), s.unitId, s.id, form);
    return { to: `${BASE}/${s.id}`, flash: 'services.service.saved' };
  });
  onService(`${BASE}/${ID}/status`, async (c, s, form) => {
    const active = form.active === '1';
    await setServiceActive(svc(c), s.unitId, s.id, active, form);
    return { to: `${BASE}/${s.id}`, flash: active ? 'services.service.reactivated' : 'services.service.deactivated' };
  });
  onService(`${BASE}/${ID}/reviu`, async (c, s, form) => {
    await addReview(svc(c), s.unitId, s.id, form);
    return { to: `${BASE}/${s.id}#reviu`, flash: 'services.review.saved' };
  });
  onService(`${BASE}/${ID}/standar`, async (c, s) => {
    const d = await createDraft(svc(c), s.unitId, s.id);
    return { to: `${BASE}/${s.id}/standar/${d.id}`, flash: 'services.standard.draft_created' };
  });

  // ---- one standard version -----------------------------------------------------------------------
  async function standardOr404(c: Ctx, s: ServiceRow): Promise<StandardRow> {
    const st = await findStandard(c.var.deps.db, s.id, c.req.param('sid') ?? '');
    if (!st) throw notFound();
    return st;
  }

  async function standardPage(c: Ctx, s: ServiceRow, st: StandardRow, opts: { form?: Record<string, string>; errors?: FieldErrors; params?: Record<string, string | number>; status?: 200 | 400 | 409 } = {}) {
    const v = await pageView(c);
    const manage = canManage(c.var.actor, s.unitId);
    const comps = componentsOf(st.components);
    const f = opts.form ?? {};
    const errors = opts.errors;
    const missing = missingComponents(comps);
    const evidence = (await listEvidenceFor(c.var.deps.db, SUBJECT.standard, st.id)).get('') ?? [];
    const title = v.t('services.standard.page_title', { service: s.name, n: st.version });
    const editing = manage && st.status === 'draft';
    const rev = revOf(st.updatedAt);
    return c.html(
      <Layout v={v} title={title} crumbs={[{ href: '/', label: v.t('nav.home') }, { href: `${BASE}?unit=${s.unitId}`, label: v.t('services.title') }, { href: `${BASE}/${s.id}`, label: s.name }, { label: v.t('services.standard.version_short', { n: st.version }) }]}>
        <PageHeader title={title} lead={v.t('services.standard.lead')} actions={st.version > 1 ? <a class="button button--secondary" href={`${BASE}/${s.id}/standar/${st.id}/perubahan`}>{v.t('services.standard.diff_link')}</a> : undefined} />
        <ErrorSummary v={v} texts={errorTexts(v, errors, opts.params)} />
        <SummaryList rows={[
          [v.t('services.col.status'), statusBadge(v, st.status)],
          [v.t('services.standard.decree'), st.decreeNumber ? `${st.decreeNumber}${st.decreeDate ? `, ${v.date(st.decreeDate)}` : ''}` : '—'],
          [v.t('services.standard.effective'), st.effectiveFrom ? v.date(st.effectiveFrom) : '—'],
          [v.t('services.standard.published_at'), st.publishedAt ? v.dateTime(st.publishedAt) : '—'],
          [v.t('services.standard.change_note'), <Multi text={st.changeNote} />],
          [v.t('services.standard.completeness'), missing.length === 0 ? <Badge tone="success">{v.t('services.standard.complete')}</Badge> : <>{v.t('services.standard.missing', { n: missing.length })} {missing.map((k) => componentName(k, v.locale)).join(', ')}</>],
        ]} />
        {editing ? (<>
          <form method="post" action={`${BASE}/${s.id}/standar/${st.id}`} class="form services-standard-form" novalidate>
            <Csrf v={v} /><input type="hidden" name="rev" value={rev} />
            {(['delivery', 'internal'] as const).map((side) => (
              <fieldset class="fieldset"><legend>{v.t(`services.side.${side}`)}</legend>
                {COMPONENTS.filter((x) => x.side === side).map((x) => (
                  <TextArea v={v} name={`c_${x.key}`} label={`${x.order}. ${componentName(x.key, v.locale)}`} value={f[`c_${x.key}`] ?? comps[x.key]} errors={errors} rows={4} maxlength={4000} required />
                ))}
              </fieldset>
            ))}
            <div class="form__actions"><button class="button button--primary" type="submit">{v.t('services.standard.save_draft')}</button></div>
          </form>
          <section class="card">
            <h2>{v.t('services.standard.publish')}</h2>
            <p class="muted">{v.t('services.standard.publish_hint')}</p>
            <form method="post" action={`${BASE}/${s.id}/standar/${st.id}/terbitkan`} class="form" novalidate>
              <Csrf v={v} /><input type="hidden" name="rev" value={rev} />
              <TextField v={v} name="decreeNumber" label={v.t('services.standard.decree_number')} required maxlength={100} value={f.decreeNumber} errors={errors} />
              <TextField v={v} name="decreeDate" type="date" label={v.t('services.standard.decree_date')} required width="short" value={f.decreeDate} errors={errors} />
              <TextField v={v} name="effectiveFrom" type="date" label={v.t('services.standard.effective')} required width="short" value={f.effectiveFrom} errors={errors} />
              <TextArea v={v} name="changeNote" label={v.t('services.standard.change_note')} hint={v.t('services.standard.change_note_hint')} value={f.changeNote} errors={errors} maxlength={2000} />
              <div class="form__actions"><button class="button button--primary" type="submit">{v.t('services.standard.publish_button')}</button></div>
            </form>
            <form method="post" action={`${BASE}/${s.id}/standar/${st.id}/hapus`} class="form" novalidate>
              <Csrf v={v} /><input type="hidden" name="rev" value={rev} />
              <button class="button button--danger" type="submit">{v.t('services.standard.discard')}</button>
            </form>
          </section>
        </>) : <section class="card"><ComponentList v={v} components={comps} /></section>}
        <EvidenceBlock v={v} title={v.t('services.standard.evidence')} items={evidence} hint={v.t('services.standard.evidence_hint')}
          action={manage ? `${BASE}/${s.id}/standar/${st.id}/bukti` : null} errors={opts.errors} params={opts.params} />
      </Layout>,
      opts.status ?? 200,
    );
  }

  r.get(`${BASE}/${ID}/standar/${SID}`, 'services.view', async (c) => {
    const s = await serviceOr404(c);
    return standardPage(c, s, await standardOr404(c, s));
  });

  const onStandard = (suffix: string, run: (c: Ctx, s: ServiceRow, st: StandardRow, form: Record<string, string>) => Promise<{ to: string; flash: string }>) => {
    onService(`${BASE}/${ID}/standar/${SID}${suffix}`, async (c, s, form) => run(c, s, await standardOr404(c, s), form),
      async (c, s, o) => {
        const st = await findStandard(c.var.deps.db, s.id, c.req.param('sid') ?? '');
        return st ? standardPage(c, s, st, o) : servicePage(c, s, o);
      });
  };
  onStandard('', async (c, s, st, form) => {
    await saveDraft(svc(c), s.unitId, s.id, st.id, form);
    return { to: `${BASE}/${s.id}/standar/${st.id}`, flash: 'services.standard.draft_saved' };
  });
  onStandard('/terbitkan', async (c, s, st, form) => {
    await publishStandard(svc(c), s.unitId, s.id, st.id, form);
    return { to: `${BASE}/${s.id}/standar/${st.id}`, flash: 'services.standard.published' };
  });
  onStandard('/hapus', async (c, s, st, form) => {
    await discardDraft(svc(c), s.unitId, s.id, st.id, form);
    return { to: `${BASE}/${s.id}`, flash: 'services.standard.discarded' };
  });

  r.post(`${BASE}/${ID}/standar/${SID}/bukti`, 'services.manage', { files: 1 }, async (c) => {
    const s = await serviceOr404(c);
    manageUnit(c, s.unitId);
    const st = await standardOr404(c, s);
    const input = await evidenceInput(c);
    try {
      if (!input) throw nothingPosted();
      await addEvidence(svc(c), c.var.deps.files, s.unitId, 'standard', st.id, input);
      flash(c, 'success', 'services.evidence.added');
      return c.redirect(`${BASE}/${s.id}/standar/${st.id}#bukti`, 303);
    } catch (err) {
      const e = refused(err);
      return standardPage(c, s, st, { errors: e.errors, params: e.params, status: e.status });
    }
  });

  // ---- what changed between two versions ---------------------------------------------------------
  r.get(`${BASE}/${ID}/standar/${SID}/perubahan`, 'services.view', async (c) => {
    const s = await serviceOr404(c);
    const st = await standardOr404(c, s);
    const versions = await standardsOf(c.var.deps.db, s.id);
    const asked = c.req.query('dari');
    const from = asked ? versions.find((x) => x.id === asked) : versions.filter((x) => x.version < st.version).sort((a, b) => b.version - a.version)[0];
    if (asked && !from) throw notFound();
    const v = await pageView(c);
    const title = v.t('services.diff.title', { service: s.name, n: st.version });
    const diffs = from ? diffComponents(componentsOf(from.components), componentsOf(st.components)) : [];
    const changed = diffs.filter((d) => d.kind !== 'same');
    return c.html(
      <Layout v={v} title={title} crumbs={[{ href: '/', label: v.t('nav.home') }, { href: `${BASE}?unit=${s.unitId}`, label: v.t('services.title') }, { href: `${BASE}/${s.id}`, label: s.name }, { label: v.t('services.diff.crumb') }]}>
        <PageHeader title={title} lead={from ? v.t('services.diff.lead', { from: from.version, to: st.version, n: changed.length }) : v.t('services.diff.no_previous')} />
        {versions.length > 2 ? (
          <form method="get" action={`${BASE}/${s.id}/standar/${st.id}/perubahan`} class="filters" novalidate>
            <SelectField v={v} name="dari" label={v.t('services.diff.compare_with')} value={from?.id} options={versions.filter((x) => x.id !== st.id).map((x) => ({ value: x.id, label: v.t('services.standard.version_short', { n: x.version }) }))} />
            <div class="filters__actions"><button class="button button--secondary" type="submit">{v.t('services.diff.show')}</button></div>
          </form>
        ) : null}
        {from && st.changeNote ? <section class="card"><h2>{v.t('services.standard.change_note')}</h2><Multi text={st.changeNote} /></section> : null}
        {from ? (
          <section class="card">
            <ol class="services-diff">{diffs.map((d) => (
              <li class={`services-diff__item services-diff__item--${d.kind}`}>
                <h3>{componentName(d.key, v.locale)} <Badge tone={d.kind === 'same' ? 'neutral' : d.kind === 'removed' ? 'danger' : 'info'}>{v.t(`services.diff.kind.${d.kind}`)}</Badge></h3>
                {d.kind === 'same' ? null : (
                  <div class="services-diff__lines">{d.lines.map((l) => (
                    l.kind === 'same' ? <div class="services-diff__line">{l.text || ' '}</div>
                      : l.kind === 'added' ? <ins class="services-diff__line services-diff__line--added"><span class="visually-hidden">{v.t('services.diff.added_line')}</span>{l.text || ' '}</ins>
                        : <del class="services-diff__line services-diff__line--removed"><span class="visually-hidden">{v.t('services.diff.removed_line')}</span>{l.text || ' '}</del>
                  ))}</div>
                )}
              </li>
            ))}</ol>
          </section>
        ) : null}
      </Layout>,
    );
  });

  registerConsultationRoutes(r);
  registerMaklumatRoutes(r);
  registerSopRoutes(r);
  registerServicesPublicRoutes(r);
}
