// The unit's routes under /konflik-kepentingan for a year: the summary of the five LKE steps and the
// year's report (stats roles: counts only), the reminder list, paper statements and the register
// (managers, coi.manage: no conflict content), the risk map, socialisation and evaluation records
// (read by the records roles, kept by managers). A unit outside the reader's scope is not found.
import { pdfResponse } from '../../kernel/documents.ts';
import { formAction, type FormAction, type Refusal } from '../../kernel/forms.ts';
import { pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { withQuery } from '../../kernel/ui/components.tsx';
import { evidenceChoiceOf } from '../evidence/index.ts';
import {
  evaluationForm, functionForm, paperForm, recommendationForm, riskEditForm, riskForm, socialisationForm,
} from './coi.forms.ts';
import { evaluationModel, findRisk, riskMap, socialisationModel, summaryModel, summaryOf } from './coi.queries.ts';
import { yearReportPdf } from './coi.report.ts';
import {
  addEvaluation, addFunction, addRisk, addSocialisation, functionsFromServices, recordPaperDeclaration, removeEvaluation, removeFunction,
  removeRisk, removeSocialisation, sendReminders, updateRecommendation, updateRisk,
} from './coi.service.ts';
import { BASE, FRESH, q, type Shown } from './coi.ui.tsx';
import { back, ID, idOf, manageScope, recordsScope, svc, unitOf, uploadOf, whereOf, yearOf } from './coi.web.ts';
import { MapPage, RiskPage } from './map.pages.tsx';
import { EvaluationPage, SocialisationPage } from './records.pages.tsx';
import { SummaryPage } from './summary.pages.tsx';

type Status = 200 | Refusal['status'];

// ---- the pages (each shown again, with the refusal, by the forms on it) ----------------------------------

async function summaryPage(c: Ctx, shown: Shown = FRESH, status: Status = 200) {
  const w = await whereOf(c, c.var.scope!);
  const v = await pageView(c);
  const manager = v.can('coi.manage', w.unitId);
  const m = await summaryModel(c.var.deps.db, w.unitId, w.year, w.today, manager);
  return c.html(SummaryPage(v, { ...m, w, manager, shown }), status);
}

async function mapPage(c: Ctx, shown: Shown = FRESH, status: Status = 200) {
  const w = await whereOf(c, recordsScope(c));
  const v = await pageView(c);
  const map = await riskMap(c.var.deps.db, w.unitId, w.year);
  return c.html(MapPage(v, { w, map, manage: v.can('coi.manage', w.unitId), shown }), status);
}

/** One risk's edit form: its current values, or the refused edit's (`values`). */
async function riskPage(c: Ctx, errors: Shown['errors'] = {}, values: Record<string, string> | null = null, status: Status = 200) {
  const risk = await findRisk(c.var.deps.db, manageScope(c), idOf(c));
  const v = await pageView(c);
  const current = {
    source: risk.source, form: risk.form, positions: risk.positions, likelihood: String(risk.likelihood), impact: String(risk.impact),
    controls: risk.controls, mitigation: risk.mitigation, revision: risk.revision,
  };
  return c.html(RiskPage(v, { risk, values: values ?? current, errors }), status);
}

async function socPage(c: Ctx, shown: Shown = FRESH, checked: string[] = [], status: Status = 200) {
  const w = await whereOf(c, recordsScope(c));
  const v = await pageView(c);
  const manage = v.can('coi.manage', w.unitId);
  const m = await socialisationModel(c.var.deps.db, w.unitId, w.year, manage);
  return c.html(SocialisationPage(v, { ...m, w, manage, shown, checked }), status);
}

async function evalPage(c: Ctx, shown: Shown = FRESH, failedRec = '', status: Status = 200) {
  const w = await whereOf(c, recordsScope(c));
  const v = await pageView(c);
  const manage = v.can('coi.manage', w.unitId);
  const m = await evaluationModel(c.var.deps.db, w.unitId, w.year, manage);
  return c.html(EvaluationPage(v, { ...m, w, manage, shown, failedRec }), status);
}

/**
 * A button that adds or removes records and has no form of its own to show again: every refusal (a
 * record outside the scope, …) is the error page, as it always was.
 */
function button(run: FormAction<Record<string, string>>['run']) {
  return formAction({ run, shows: [], page: (_c, refused) => { throw refused.error; } });
}

export function registerManagerRoutes(r: Router): void {
  // ---- summary (five LKE steps) -------------------------------------------------------------------------
  r.get(`${BASE}/ringkasan`, 'coi.stats', (c) => summaryPage(c));

  r.post(`${BASE}/ringkasan/kertas`, 'coi.manage', { files: 1 }, formAction({
    input: paperForm,
    files: ['file'],
    run: async (c, input, posted) => {
      await recordPaperDeclaration(svc(c), c.var.deps.files, c.var.scope!, unitOf(c), input, await uploadOf(posted));
      return { to: back(c, 'ringkasan'), flash: 'coi.flash.declared' };
    },
    page: (c, refused) => summaryPage(c, refused, refused.status),
  }));

  r.post(`${BASE}/ringkasan/pengingat`, 'coi.manage', formAction({
    run: async (c) => {
      const w = await whereOf(c, c.var.scope!);
      const s = await summaryOf(c.var.deps.db, w.unitId, w.year, w.today);
      await sendReminders(svc(c), c.var.scope!, w.unitId, s.periodic.period);
      return { to: withQuery(`${BASE}/ringkasan`, q(w)), flash: 'coi.flash.reminded' };
    },
    // the reminder's button posts nothing to show again
    page: (c, refused) => summaryPage(c, { ...refused, form: {} }, refused.status),
  }));

  r.get(`${BASE}/ringkasan/laporan.pdf`, 'coi.stats', async (c) => {
    const w = await whereOf(c, c.var.scope!);
    const pdf = await yearReportPdf(c.var.deps.db, w.unitId, w.year, c.var.deps.i18n.translator('id'), new Date());
    return pdfResponse(pdf.bytes, `Laporan-Konflik-Kepentingan-${pdf.code}-${w.year}.pdf`);
  });

  // ---- risk map --------------------------------------------------------------------------------------------
  r.get(`${BASE}/peta`, 'coi.records', (c) => mapPage(c));

  r.post(`${BASE}/peta/fungsi`, 'coi.manage', formAction({
    input: functionForm,
    run: async (c, input) => {
      await addFunction(svc(c), manageScope(c), unitOf(c), yearOf(c), input);
      return { to: back(c, 'peta'), flash: 'coi.flash.saved' };
    },
    page: (c, refused) => mapPage(c, refused, refused.status),
  }));

  r.post(`${BASE}/peta/layanan`, 'coi.manage', button(async (c) => {
    await functionsFromServices(svc(c), manageScope(c), unitOf(c), yearOf(c));
    return { to: back(c, 'peta'), flash: 'coi.flash.saved' };
  }));

  r.post(`${BASE}/peta/fungsi/${ID}/hapus`, 'coi.manage', button(async (c) => {
    await removeFunction(svc(c), manageScope(c), idOf(c));
    return { to: back(c, 'peta'), flash: 'coi.flash.removed' };
  }));

  r.post(`${BASE}/peta/fungsi/${ID}/risiko`, 'coi.manage', formAction({
    input: riskForm,
    run: async (c, input) => {
      await addRisk(svc(c), manageScope(c), idOf(c), input);
      return { to: back(c, 'peta'), flash: 'coi.flash.saved' };
    },
    // the function's own form opens again with what was sent
    page: (c, refused) => mapPage(c, { ...refused, form: { ...refused.form, functionId: idOf(c) } }, refused.status),
  }));

  r.get(`${BASE}/peta/risiko/${ID}`, 'coi.manage', (c) => riskPage(c));

  r.post(`${BASE}/peta/risiko/${ID}`, 'coi.manage', formAction({
    input: riskEditForm,
    run: async (c, input) => {
      const risk = await updateRisk(svc(c), manageScope(c), idOf(c), input);
      return { to: withQuery(`${BASE}/peta`, { unit: risk.unitId, year: c.req.query('year') }), flash: 'coi.flash.saved' };
    },
    // a risk changed meanwhile: show the current content to edit again
    page: (c, refused) => riskPage(c, refused.errors, refused.status === 409 ? null : refused.form, refused.status),
  }));

  r.post(`${BASE}/peta/risiko/${ID}/hapus`, 'coi.manage', button(async (c) => {
    await removeRisk(svc(c), manageScope(c), idOf(c));
    return { to: back(c, 'peta'), flash: 'coi.flash.removed' };
  }));

  // ---- socialisation -----------------------------------------------------------------------------------
  r.get(`${BASE}/sosialisasi`, 'coi.records', (c) => socPage(c));

  // a refused socialisation or evaluation form always answered 400 (its evidence's refusals are validation too)
  r.post(`${BASE}/sosialisasi`, 'coi.manage', { files: 1 }, formAction({
    input: socialisationForm,
    files: ['file'],
    run: async (c, input, posted) => {
      await addSocialisation(svc(c), c.var.deps.files, manageScope(c), unitOf(c), input, posted.all.functionIds ?? [], await evidenceChoiceOf(posted));
      return { to: back(c, 'sosialisasi'), flash: 'coi.flash.saved' };
    },
    page: (c, refused) => socPage(c, refused, refused.all.functionIds ?? [], 400),
  }));

  r.post(`${BASE}/sosialisasi/${ID}/hapus`, 'coi.manage', button(async (c) => {
    await removeSocialisation(svc(c), manageScope(c), idOf(c));
    return { to: back(c, 'sosialisasi'), flash: 'coi.flash.removed' };
  }));

  // ---- evaluation --------------------------------------------------------------------------------------
  r.get(`${BASE}/evaluasi`, 'coi.records', (c) => evalPage(c));

  r.post(`${BASE}/evaluasi/${ID}/hapus`, 'coi.manage', button(async (c) => {
    await removeEvaluation(svc(c), manageScope(c), idOf(c));
    return { to: back(c, 'evaluasi'), flash: 'coi.flash.removed' };
  }));

  r.post(`${BASE}/evaluasi`, 'coi.manage', formAction({
    input: evaluationForm,
    run: async (c, input) => {
      await addEvaluation(svc(c), manageScope(c), unitOf(c), input);
      return { to: back(c, 'evaluasi'), flash: 'coi.flash.saved' };
    },
    page: (c, refused) => evalPage(c, refused, '', 400),
  }));

  r.post(`${BASE}/rekomendasi/${ID}`, 'coi.manage', { files: 1 }, formAction({
    input: recommendationForm,
    files: ['file'],
    run: async (c, input, posted) => {
      await updateRecommendation(svc(c), c.var.deps.files, manageScope(c), idOf(c), input, await evidenceChoiceOf(posted));
      return { to: back(c, 'evaluasi'), flash: 'coi.flash.saved' };
    },
    page: (c, refused) => evalPage(c, refused, idOf(c), 400),
  }));
}
