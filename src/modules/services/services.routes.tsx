// Routes of the service catalogue: the unit's services (unit picker for accounts reaching several
// units), one service (edit, deactivate, its standard versions and reviews), a standard version
// (edit a draft, publish it, its decree file) and what changed between two versions. The
// consultation, maklumat, SOP and public pages register from their own files. Handlers load their
// model through services.queries.ts, run the use cases of services.service.ts through the
// form-action pipeline (kernel/forms.ts) and render catalogue.pages.tsx.
import type { z } from 'zod';
import { notFound } from '../../kernel/errors.ts';
import { formAction, type Done } from '../../kernel/forms.ts';
import { pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { cataloguePage, diffPage, servicePage, standardPage } from './catalogue.pages.tsx';
import { registerConsultationRoutes } from './consultation.routes.tsx';
import { registerMaklumatRoutes } from './maklumat.routes.tsx';
import { registerServicesPublicRoutes } from './public.routes.tsx';
import { registerSopRoutes } from './sop.routes.tsx';
import { draftForm, emptyForm, evidenceForm, newServiceForm, publishForm, reviewForm, revisionForm, serviceForm, serviceStatusForm, type Posted } from './services.forms.ts';
import { evidenceOr400, manageUnit, pageUnit, serviceOr404, svc } from './services.http.ts';
import { canManage } from './services.policy.ts';
import { catalogueModel, findStandard, serviceModel, standardModel, standardsOf, type ServiceRow, type StandardRow } from './services.queries.ts';
import { addEvidence, addReview, createDraft, createService, discardDraft, publishStandard, saveDraft, setServiceActive, updateService } from './services.service.ts';
import { BASE, FRESH, NoUnitPage, UUID_P, errorsOnly, type Shown } from './services.view.tsx';

const ID = `:id{${UUID_P}}`;
const SID = `:sid{${UUID_P}}`;

type Status = 200 | 400 | 401 | 403 | 404 | 409 | 429;

async function showCatalogue(c: Ctx, shown: Shown = FRESH, status: Status = 200, unitId?: string) {
  const { reach, unit } = await pageUnit(c, unitId);
  const v = await pageView(c);
  if (!unit) return c.html(NoUnitPage(v, v.t('services.title'), [{ href: '/', label: v.t('nav.home') }, { label: v.t('services.title') }]));
  const m = await catalogueModel(c.var.deps.db, unit.id);
  return c.html(cataloguePage(v, { ...m, reach, unit, manage: canManage(c.var.actor, unit.id) }, shown), status);
}

async function showService(c: Ctx, s: ServiceRow, shown: Shown = FRESH, status: Status = 200) {
  const m = await serviceModel(c.var.deps.db, s);
  return c.html(servicePage(await pageView(c), { ...m, manage: canManage(c.var.actor, s.unitId) }, shown), status);
}

async function showStandard(c: Ctx, s: ServiceRow, st: StandardRow, shown: Shown = FRESH, status: Status = 200) {
  const m = await standardModel(c.var.deps.db, s, st);
  return c.html(standardPage(await pageView(c), { ...m, manage: canManage(c.var.actor, s.unitId) }, shown), status);
}

async function standardOr404(c: Ctx, s: ServiceRow): Promise<StandardRow> {
  const st = await findStandard(c.var.deps.db, s.id, c.req.param('sid') ?? '');
  if (!st) throw notFound();
  return st;
}

/** The service in the path, in a unit the actor manages (else 404 / 403). */
async function managedService(c: Ctx): Promise<ServiceRow> {
  const s = await serviceOr404(c);
  manageUnit(c, s.unitId);
  return s;
}

/** A refused change of a standard: its page again, or the service's once the version is gone. */
async function showStandardAgain(c: Ctx, shown: Shown, status: Status) {
  const s = await serviceOr404(c);
  const st = await findStandard(c.var.deps.db, s.id, c.req.param('sid') ?? '');
  return st ? showStandard(c, s, st, shown, status) : showService(c, s, shown, status);
}

/** A change of the standard in the path, refused on its page. */
const onStandard = (input: z.ZodType<Posted>, run: (c: Ctx, s: ServiceRow, st: StandardRow, input: Posted) => Promise<Done>) => formAction({
  input,
  run: async (c, input) => {
    const s = await managedService(c);
    return run(c, s, await standardOr404(c, s), input);
  },
  page: (c, refused) => showStandardAgain(c, refused, refused.status),
});

export function registerServicesRoutes(r: Router) {
  // ---- catalogue ----------------------------------------------------------------------------------
  r.get(BASE, 'services.view', (c) => showCatalogue(c));

  r.post(BASE, 'services.manage', formAction({
    input: newServiceForm,
    run: async (c, input) => {
      const s = await createService(svc(c), manageUnit(c, input.unit), input);
      return { to: `${BASE}/${s.id}`, flash: 'services.service.created' };
    },
    page: (c, refused) => showCatalogue(c, refused, refused.status, manageUnit(c, refused.form.unit)),
  }));

  // ---- one service --------------------------------------------------------------------------------
  r.get(`${BASE}/${ID}`, 'services.view', async (c) => showService(c, await serviceOr404(c)));

  const serviceAgain = async (c: Ctx, shown: Shown, status: Status) => showService(c, await serviceOr404(c), shown, status);

  r.post(`${BASE}/${ID}`, 'services.manage', formAction({
    input: serviceForm,
    run: async (c, input) => {
      const s = await managedService(c);
      await updateService(svc(c), s.unitId, s.id, input);
      return { to: `${BASE}/${s.id}`, flash: 'services.service.saved' };
    },
    page: (c, refused) => serviceAgain(c, refused, refused.status),
  }));

  r.post(`${BASE}/${ID}/status`, 'services.manage', formAction({
    input: serviceStatusForm,
    run: async (c, input) => {
      const s = await managedService(c);
      const active = input.active === '1';
      await setServiceActive(svc(c), s.unitId, s.id, active, input);
      return { to: `${BASE}/${s.id}`, flash: active ? 'services.service.reactivated' : 'services.service.deactivated' };
    },
    page: (c, refused) => serviceAgain(c, refused, refused.status),
  }));

  r.post(`${BASE}/${ID}/reviu`, 'services.manage', formAction({
    input: reviewForm,
    run: async (c, input) => {
      const s = await managedService(c);
      await addReview(svc(c), s.unitId, s.id, input);
      return { to: `${BASE}/${s.id}#reviu`, flash: 'services.review.saved' };
    },
    page: (c, refused) => serviceAgain(c, refused, refused.status),
  }));

  r.post(`${BASE}/${ID}/standar`, 'services.manage', formAction({
    input: emptyForm,
    run: async (c) => {
      const s = await managedService(c);
      const d = await createDraft(svc(c), s.unitId, s.id);
      return { to: `${BASE}/${s.id}/standar/${d.id}`, flash: 'services.standard.draft_created' };
    },
    page: (c, refused) => serviceAgain(c, refused, refused.status),
  }));

  // ---- one standard version -----------------------------------------------------------------------
  r.get(`${BASE}/${ID}/standar/${SID}`, 'services.view', async (c) => {
    const s = await serviceOr404(c);
    return showStandard(c, s, await standardOr404(c, s));
  });

  r.post(`${BASE}/${ID}/standar/${SID}`, 'services.manage', onStandard(draftForm, async (c, s, st, input) => {
    await saveDraft(svc(c), s.unitId, s.id, st.id, input);
    return { to: `${BASE}/${s.id}/standar/${st.id}`, flash: 'services.standard.draft_saved' };
  }));
  r.post(`${BASE}/${ID}/standar/${SID}/terbitkan`, 'services.manage', onStandard(publishForm, async (c, s, st, input) => {
    await publishStandard(svc(c), s.unitId, s.id, st.id, input);
    return { to: `${BASE}/${s.id}/standar/${st.id}`, flash: 'services.standard.published' };
  }));
  r.post(`${BASE}/${ID}/standar/${SID}/hapus`, 'services.manage', onStandard(revisionForm, async (c, s, st, input) => {
    await discardDraft(svc(c), s.unitId, s.id, st.id, input);
    return { to: `${BASE}/${s.id}`, flash: 'services.standard.discarded' };
  }));

  r.post(`${BASE}/${ID}/standar/${SID}/bukti`, 'services.manage', { files: 1 }, formAction({
    input: evidenceForm,
    files: ['file'],
    run: async (c, input, posted) => {
      const s = await managedService(c);
      const st = await standardOr404(c, s);
      await addEvidence(svc(c), c.var.deps.files, s.unitId, 'standard', st.id, await evidenceOr400(posted, input));
      return { to: `${BASE}/${s.id}/standar/${st.id}#bukti`, flash: 'services.evidence.added' };
    },
    page: async (c, refused) => {
      const s = await serviceOr404(c);
      return showStandard(c, s, await standardOr404(c, s), errorsOnly(refused), refused.status);
    },
  }));

  // ---- what changed between two versions ---------------------------------------------------------
  r.get(`${BASE}/${ID}/standar/${SID}/perubahan`, 'services.view', async (c) => {
    const s = await serviceOr404(c);
    const st = await standardOr404(c, s);
    const versions = await standardsOf(c.var.deps.db, s.id);
    const asked = c.req.query('dari');
    const from = asked ? versions.find((x) => x.id === asked) : versions.filter((x) => x.version < st.version).sort((a, b) => b.version - a.version)[0];
    if (asked && !from) throw notFound();
    return c.html(diffPage(await pageView(c), { s, st, versions, from }));
  });

  registerConsultationRoutes(r);
  registerMaklumatRoutes(r);
  registerSopRoutes(r);
  registerServicesPublicRoutes(r);
}
