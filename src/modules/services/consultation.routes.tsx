// Routes of the forum konsultasi publik: the unit's consultations (date, place, topic, the service
// discussed, participants by group, inputs with the response and whether they were adopted) and, per
// consultation, its attendance list and photos as evidence files (subject 'services_consultation').
// Models from services.queries.ts, use cases through the form-action pipeline, pages in
// consultation.pages.tsx.
import { formAction } from '../../kernel/forms.ts';
import { pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { PATH, consultationPage, consultationsPage } from './consultation.pages.tsx';
import { consultationForm, evidenceForm } from './services.forms.ts';
import { evidenceOr400, manageUnit, pageUnit, recordUnitOr404, svc } from './services.http.ts';
import { canManage } from './services.policy.ts';
import { consultationModel, consultationsModel } from './services.queries.ts';
import { addConsultation, addEvidence } from './services.service.ts';
import { FRESH, NoUnitPage, UUID_P, errorsOnly, listCrumbs, type Shown } from './services.view.tsx';

const CID = `:cid{${UUID_P}}`;

type Status = 200 | 400 | 401 | 403 | 404 | 409 | 429;

async function showList(c: Ctx, shown: Shown = FRESH, status: Status = 200, unitId?: string) {
  const { reach, unit } = await pageUnit(c, unitId);
  const v = await pageView(c);
  const title = v.t('services.consultation.title');
  if (!unit) return c.html(NoUnitPage(v, title, listCrumbs(v, title)));
  const m = await consultationsModel(c.var.deps.db, unit.id);
  return c.html(consultationsPage(v, { ...m, reach, unit, manage: canManage(c.var.actor, unit.id) }, shown), status);
}

const cidOf = (c: Ctx) => c.req.param('cid') ?? '';

async function showConsultation(c: Ctx, unitId: string, shown: Shown = FRESH, status: Status = 200) {
  const m = await consultationModel(c.var.deps.db, unitId, cidOf(c));
  return c.html(consultationPage(await pageView(c), { ...m, unitId, manage: canManage(c.var.actor, unitId) }, shown), status);
}

/** The unit of the consultation in the path, managed by the actor (else 404 / 403). */
const managedUnit = async (c: Ctx) => manageUnit(c, await recordUnitOr404(c, 'consultation', 'cid'));

export function registerConsultationRoutes(r: Router) {
  r.get(PATH, 'services.view', (c) => showList(c));

  r.post(PATH, 'services.manage', formAction({
    input: consultationForm,
    run: async (c, input) => {
      const x = await addConsultation(svc(c), manageUnit(c, input.unit), input);
      return { to: `${PATH}/${x.id}`, flash: 'services.consultation.saved' };
    },
    page: (c, refused) => showList(c, refused, refused.status, manageUnit(c, refused.form.unit)),
  }));

  r.get(`${PATH}/${CID}`, 'services.view', async (c) => showConsultation(c, await recordUnitOr404(c, 'consultation', 'cid')));

  r.post(`${PATH}/${CID}/bukti`, 'services.manage', { files: 1 }, formAction({
    input: evidenceForm,
    files: ['file'],
    run: async (c, input, posted) => {
      await addEvidence(svc(c), c.var.deps.files, await managedUnit(c), 'consultation', cidOf(c), await evidenceOr400(posted, input));
      return { to: `${PATH}/${cidOf(c)}#bukti`, flash: 'services.evidence.added' };
    },
    page: async (c, refused) => showConsultation(c, await managedUnit(c), errorsOnly(refused), refused.status),
  }));
}
