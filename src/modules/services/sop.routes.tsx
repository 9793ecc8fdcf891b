// Routes of the SOP register of a unit: active SOPs (and, on request, every superseded version), a
// new SOP, one SOP with its flow steps, its document (evidence subject 'services_sop'), its periodic
// evaluations with their follow-up, and its versions; correcting the active version in place or
// issuing a new version that supersedes it. Models from services.queries.ts, use cases through the
// form-action pipeline, pages in sop.pages.tsx.
import { formAction } from '../../kernel/forms.ts';
import { pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { evidenceForm, newSopForm, sopEvaluationForm, sopForm } from './services.forms.ts';
import { evidenceOr400, manageUnit, pageUnit, recordUnitOr404, svc } from './services.http.ts';
import { canManage } from './services.policy.ts';
import { sopListModel, sopModel } from './services.queries.ts';
import { addEvidence, addSopEvaluation, createSop, newSopVersion, updateSop } from './services.service.ts';
import { FRESH, NoUnitPage, UUID_P, errorsOnly, listCrumbs, type Shown } from './services.view.tsx';
import { PATH, sopListPage, sopPage } from './sop.pages.tsx';

const SID = `:sid{${UUID_P}}`;

type Status = 200 | 400 | 401 | 403 | 404 | 409 | 429;

async function showList(c: Ctx, shown: Shown = FRESH, status: Status = 200, unitId?: string) {
  const { reach, unit } = await pageUnit(c, unitId);
  const v = await pageView(c);
  const title = v.t('services.sop.list_title');
  if (!unit) return c.html(NoUnitPage(v, title, listCrumbs(v, title)));
  const manage = canManage(c.var.actor, unit.id);
  const m = await sopListModel(c.var.deps.db, unit.id, c.req.query('riwayat') === '1', manage);
  return c.html(sopListPage(v, { ...m, reach, unit, manage }, shown), status);
}

async function showSop(c: Ctx, unitId: string, shown: Shown = FRESH, status: Status = 200, evalForm = false) {
  const manage = canManage(c.var.actor, unitId);
  const m = await sopModel(c.var.deps.db, unitId, sopIdOf(c), manage);
  return c.html(sopPage(await pageView(c), { ...m, unitId, manage }, shown, evalForm), status);
}

const sopIdOf = (c: Ctx) => c.req.param('sid') ?? '';
/** The unit of the SOP in the path, managed by the actor (else 404 / 403). */
const managedUnit = async (c: Ctx) => manageUnit(c, await recordUnitOr404(c, 'sop', 'sid'));

export function registerSopRoutes(r: Router) {
  r.get(PATH, 'services.view', (c) => showList(c));

  r.post(PATH, 'services.manage', formAction({
    input: newSopForm,
    run: async (c, input) => {
      const s = await createSop(svc(c), manageUnit(c, input.unit), input);
      return { to: `${PATH}/${s.id}`, flash: 'services.sop.created' };
    },
    page: (c, refused) => showList(c, refused, refused.status, manageUnit(c, refused.form.unit)),
  }));

  r.get(`${PATH}/${SID}`, 'services.view', async (c) => showSop(c, await recordUnitOr404(c, 'sop', 'sid')));

  r.post(`${PATH}/${SID}`, 'services.manage', formAction({
    input: sopForm,
    run: async (c, input) => {
      await updateSop(svc(c), await managedUnit(c), sopIdOf(c), input);
      return { to: `${PATH}/${sopIdOf(c)}`, flash: 'services.sop.saved' };
    },
    page: async (c, refused) => showSop(c, await managedUnit(c), refused, refused.status),
  }));

  r.post(`${PATH}/${SID}/versi-baru`, 'services.manage', formAction({
    input: sopForm,
    run: async (c, input) => {
      const s = await newSopVersion(svc(c), await managedUnit(c), sopIdOf(c), input);
      return { to: `${PATH}/${s.id}`, flash: 'services.sop.versioned' };
    },
    page: async (c, refused) => showSop(c, await managedUnit(c), refused, refused.status),
  }));

  r.post(`${PATH}/${SID}/evaluasi`, 'services.manage', formAction({
    input: sopEvaluationForm,
    run: async (c, input) => {
      await addSopEvaluation(svc(c), await managedUnit(c), sopIdOf(c), input);
      return { to: `${PATH}/${sopIdOf(c)}#evaluasi`, flash: 'services.sop.evaluated' };
    },
    page: async (c, refused) => showSop(c, await managedUnit(c), refused, refused.status, true),
  }));

  r.post(`${PATH}/${SID}/bukti`, 'services.manage', { files: 1 }, formAction({
    input: evidenceForm,
    files: ['file'],
    run: async (c, input, posted) => {
      const unitId = await managedUnit(c);
      await addEvidence(svc(c), c.var.deps.files, unitId, 'sop', sopIdOf(c), await evidenceOr400(posted, input));
      return { to: `${PATH}/${sopIdOf(c)}#bukti`, flash: 'services.evidence.added' };
    },
    page: async (c, refused) => showSop(c, await managedUnit(c), errorsOnly(refused), refused.status),
  }));
}
