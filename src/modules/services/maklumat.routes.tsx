// Routes of the maklumat pelayanan of a unit: the page (maklumat.pages.tsx), saving the draft or a
// new version, publishing it, the printable PDF, and the evidence of its display at the counter and
// other media (subject 'services_maklumat'). Models from services.queries.ts, use cases through the
// form-action pipeline.
import { pdfResponse } from '../../kernel/documents.ts';
import { formAction } from '../../kernel/forms.ts';
import { pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { PATH, maklumatPage } from './maklumat.pages.tsx';
import { renderMaklumatPdf } from './maklumat.pdf.ts';
import { evidenceForm, maklumatForm, revisionForm } from './services.forms.ts';
import { evidenceOr400, manageUnit, pageUnit, recordUnitOr404, svc } from './services.http.ts';
import { canManage } from './services.policy.ts';
import { findMaklumat, maklumatModel, maklumatPdfSource, type MaklumatRow } from './services.queries.ts';
import { addEvidence, publishMaklumat, saveMaklumat } from './services.service.ts';
import { FRESH, NoUnitPage, UUID_P, errorsOnly, listCrumbs, type Shown } from './services.view.tsx';

export { MaklumatText, defaultSigner } from './maklumat.pages.tsx';

const MID = `:mid{${UUID_P}}`;

type Status = 200 | 400 | 401 | 403 | 404 | 409 | 429;

/** The maklumat as an inline A4 PDF with the unit's letterhead. */
export async function maklumatPdfResponse(c: Ctx, m: MaklumatRow, unitId: string): Promise<Response> {
  const { unit, regency } = await maklumatPdfSource(c.var.deps.db, unitId);
  const pdf = renderMaklumatPdf({ m, regency, unit });
  return pdfResponse(pdf, `Maklumat-Pelayanan-${unit.code}-v${m.version}.pdf`, { inline: true });
}

async function showPage(c: Ctx, shown: Shown = FRESH, status: Status = 200, unitId?: string) {
  const { reach, unit } = await pageUnit(c, unitId);
  const v = await pageView(c);
  const title = v.t('services.maklumat.title');
  if (!unit) return c.html(NoUnitPage(v, title, listCrumbs(v, title)));
  const manage = canManage(c.var.actor, unit.id);
  const m = await maklumatModel(c.var.deps.db, unit.id, manage);
  return c.html(maklumatPage(v, { ...m, reach, unit, manage }, shown), status);
}

const midOf = (c: Ctx) => c.req.param('mid') ?? '';
/** The unit of the maklumat in the path, managed by the actor (else 404 / 403). */
const managedUnit = async (c: Ctx) => manageUnit(c, await recordUnitOr404(c, 'maklumat', 'mid'));

export function registerMaklumatRoutes(r: Router) {
  r.get(PATH, 'services.view', (c) => showPage(c));

  r.post(PATH, 'services.manage', formAction({
    input: maklumatForm,
    run: async (c, input) => {
      const unitId = manageUnit(c, input.unit);
      await saveMaklumat(svc(c), unitId, input);
      return { to: `${PATH}?unit=${unitId}`, flash: 'services.maklumat.saved' };
    },
    page: (c, refused) => showPage(c, refused, refused.status, manageUnit(c, refused.form.unit)),
  }));

  r.post(`${PATH}/${MID}/terbitkan`, 'services.manage', formAction({
    input: revisionForm,
    run: async (c, input) => {
      const unitId = await managedUnit(c);
      await publishMaklumat(svc(c), unitId, midOf(c), input);
      return { to: `${PATH}?unit=${unitId}`, flash: 'services.maklumat.published' };
    },
    page: async (c, refused) => showPage(c, errorsOnly(refused), refused.status, await managedUnit(c)),
  }));

  r.get(`${PATH}/${MID}/maklumat.pdf`, 'services.view', async (c) => {
    const unitId = await recordUnitOr404(c, 'maklumat', 'mid');
    const m = (await findMaklumat(c.var.deps.db, unitId, midOf(c)))!;
    return maklumatPdfResponse(c, m, unitId);
  });

  r.post(`${PATH}/${MID}/bukti`, 'services.manage', { files: 1 }, formAction({
    input: evidenceForm,
    files: ['file'],
    run: async (c, input, posted) => {
      const unitId = await managedUnit(c);
      await addEvidence(svc(c), c.var.deps.files, unitId, 'maklumat', midOf(c), await evidenceOr400(posted, input));
      return { to: `${PATH}?unit=${unitId}#bukti`, flash: 'services.evidence.added' };
    },
    page: async (c, refused) => showPage(c, errorsOnly(refused), refused.status, await managedUnit(c)),
  }));
}
