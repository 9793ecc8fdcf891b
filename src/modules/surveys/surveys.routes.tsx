// Staff routes of the survey core under /survei: the unit's periods (unit picker for accounts reaching
// several units), a new period, one period with its sample progress, results, follow-up plan with
// evidence, settings, open/close, publication, receipt codes (printable sheet, shown once), paper
// entry grid, CSV import with a per-row error report, and the SKM report PDF. Handlers load their
// model through surveys.queries.ts, run the use cases of surveys.service.ts through the form-action
// pipeline (kernel/forms.ts), and render surveys.pages.tsx / surveys.entry.pages.tsx.
import { pdfResponse } from '../../kernel/documents.ts';
import { notFound } from '../../kernel/errors.ts';
import { formAction, type Posted, type Refusal } from '../../kernel/forms.ts';
import { currentUnitOf, flash, pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { evidenceChoiceOf } from '../evidence/index.ts';
import type { FieldErrors } from '../../kernel/ui/components.tsx';
import { isUuid } from '../../kernel/validate.ts';
import { currentYear } from '../../kernel/workdays.ts';
import { entryPage, importPage, type ImportReport } from './surveys.entry.pages.tsx';
import { periodPage, periodsPage, type Failed } from './surveys.pages.tsx';
import { renderCodesPdf, renderSkmReportPdf } from './surveys.pdf.ts';
import { entryServices, findPeriod, periodModel, periodsModel, unitNameIn, type PeriodRow } from './surveys.queries.ts';
import { skmReportOf } from './surveys.report.ts';
import {
  addFollowup, addFollowupEvidence, auditActorOf, changeStatus, createCodes, createPeriod, deleteFollowup, enterOnPaper, FOLLOWUP_SUBJECT, gridRows,
  importCsv, removeFollowupEvidence, updateFollowup, updateSettings, type Ctx as SvcCtx,
} from './surveys.service.ts';
import { BASE, periodLabel } from './surveys.view.tsx';

export { BASE, periodLabel } from './surveys.view.tsx';

const ID = ':id{[0-9a-f-]{36}}';
const FID = ':fid{[0-9a-f-]{36}}';
const svc = (c: Ctx): SvcCtx => ({ db: c.var.deps.db, actor: auditActorOf(c.var.actor!) });

type Status = Refusal['status'] | 200;

/** The period of the path in the route's scope (for manage actions: the scope of 'surveys.manage'); else 404. */
async function periodOr404(c: Ctx): Promise<PeriodRow> {
  const p = await findPeriod(c.var.deps.db, c.var.scope!, c.req.param('id') ?? '');
  if (!p) throw notFound();
  return p;
}

export function registerSurveysRoutes(r: Router): void {
  // ---- the unit's periods ------------------------------------------------------------------------------
  async function showPeriods(c: Ctx, form: Record<string, string> = {}, errors: FieldErrors = {}, status: Status = 200) {
    const m = await periodsModel(c.var.deps.db, c.var.scope!, form.unit ?? c.req.query('unit'), currentUnitOf(c));
    return c.html(periodsPage(await pageView(c), { ...m, form, errors, year: currentYear() }), status);
  }

  r.get(BASE, 'surveys.view', (c) => showPeriods(c));
  r.post(BASE, 'surveys.manage', formAction({
    run: async (c, form) => {
      const unitId = form.unit || currentUnitOf(c);
      // a unit the person does not manage is not found, as a period outside the scope would be
      if (!unitId || !isUuid(unitId) || !c.var.deps.access.can(c.var.actor, 'surveys.manage', unitId)) throw notFound();
      return { to: `${BASE}/${await createPeriod(svc(c), unitId, form)}`, flash: 'surveys.period.created' };
    },
    page: (c, refused) => showPeriods(c, refused.form, refused.errors, refused.status),
  }));

  // ---- one period ----------------------------------------------------------------------------------------
  async function showPeriod(c: Ctx, p: PeriodRow, failed: Failed | null = null, status: Status = 200) {
    const m = await periodModel(c.var.deps.db, c.var.scope!, p, FOLLOWUP_SUBJECT);
    return c.html(periodPage(await pageView(c), { ...m, failed }), status);
  }

  r.get(`${BASE}/${ID}`, 'surveys.view', async (c) => showPeriod(c, await periodOr404(c)));

  /**
   * A form of the period's page: the period is looked up first (outside the scope: 404), the use
   * case runs, and a refusal shows the page again with that form's values and errors.
   */
  const periodAction = (path: string, section: Failed['section'], use: (c: Ctx, p: PeriodRow, form: Record<string, string>, posted: Posted) => Promise<{ to: string; flash: string } | Response>, opts: { files?: boolean } = {}) => {
    const action = formAction({
      files: opts.files ? ['file'] : undefined,
      run: async (c, form, posted) => use(c, await periodOr404(c), form, posted),
      // the evidence form's values are not put back (a file cannot be); a follow-up's form is found by its id
      page: async (c, refused) => showPeriod(c, await periodOr404(c), { section, id: c.req.param('fid'), form: opts.files ? {} : refused.form, errors: refused.errors }, refused.status),
    });
    if (opts.files) r.post(`${BASE}/${ID}${path}`, 'surveys.manage', { files: 1 }, action);
    else r.post(`${BASE}/${ID}${path}`, 'surveys.manage', action);
  };

  periodAction('', 'settings', async (c, p, form) => {
    await updateSettings(svc(c), p, form);
    return { to: `${BASE}/${p.id}#pengaturan`, flash: 'surveys.period.saved' };
  });
  periodAction('/status', 'status', async (c, p, form) => {
    await changeStatus(svc(c), p, form.change ?? '', form.version ?? '');
    return { to: `${BASE}/${p.id}`, flash: `surveys.status.done.${form.change}` };
  });
  // the receipt codes in plain exist only in this PDF sheet
  periodAction('/kode', 'codes', async (c, p, form) => {
    const plain = await createCodes(svc(c), p, form.count);
    const t = c.var.deps.i18n.translator('id');
    const pdf = renderCodesPdf({
      title: t('surveys.codes.sheet_title'), unit: await unitNameIn(c.var.deps.db, c.var.scope!, p.unitId), period: `${t(`surveys.kind.${p.kind}`)} — ${periodLabel(t, p)}`,
      note: t('surveys.codes.sheet_note'), codes: plain,
    });
    return pdfResponse(pdf, `kode-survei-${p.year}-${p.periodType}${p.n}.pdf`);
  });

  // ---- follow-up ---------------------------------------------------------------------------------------------
  periodAction('/tindak-lanjut', 'followup', async (c, p, form) => {
    const id = await addFollowup(svc(c), p, form);
    return { to: `${BASE}/${p.id}#tl-${id}`, flash: 'surveys.followup.saved' };
  });
  periodAction(`/tindak-lanjut/${FID}`, 'followup', async (c, p, form) => {
    const fid = c.req.param('fid') ?? '';
    await updateFollowup(svc(c), p, fid, form);
    return { to: `${BASE}/${p.id}#tl-${fid}`, flash: 'surveys.followup.saved' };
  });
  periodAction(`/tindak-lanjut/${FID}/bukti`, 'followup', async (c, p, form, posted) => {
    const fid = c.req.param('fid') ?? '';
    await addFollowupEvidence(svc(c), c.var.deps.files, p, fid, await evidenceChoiceOf(posted));
    return { to: `${BASE}/${p.id}#tl-${fid}`, flash: 'surveys.followup.evidence.added' };
  }, { files: true });
  // buttons without fields: a refusal (not found) is the error page
  r.post(`${BASE}/${ID}/tindak-lanjut/${FID}/hapus`, 'surveys.manage', async (c) => {
    const p = await periodOr404(c);
    await deleteFollowup(svc(c), p, c.req.param('fid') ?? '');
    flash(c, 'success', 'surveys.followup.deleted');
    return c.redirect(`${BASE}/${p.id}#tindak-lanjut`, 303);
  });
  r.post(`${BASE}/${ID}/tindak-lanjut/${FID}/bukti/:link{[0-9a-f-]{36}}/hapus`, 'surveys.manage', async (c) => {
    const p = await periodOr404(c);
    const fid = c.req.param('fid') ?? '';
    await removeFollowupEvidence(svc(c), p, fid, c.req.param('link') ?? '');
    flash(c, 'success', 'surveys.followup.evidence.removed');
    return c.redirect(`${BASE}/${p.id}#tl-${fid}`, 303);
  });

  // ---- paper entry (grid) ------------------------------------------------------------------------------------
  async function showEntry(c: Ctx, p: PeriodRow, form: Record<string, string> = {}, rowErrors: Parameters<typeof entryPage>[1]['rowErrors'] = [], status: Status = 200) {
    const services = await entryServices(c.var.deps.db, p.unitId);
    const rowsN = gridRows(form.rows ?? c.req.query('baris'));
    return c.html(entryPage(await pageView(c), { p, services, rowsN, form, rowErrors }), status);
  }

  r.get(`${BASE}/${ID}/entri`, 'surveys.manage', async (c) => showEntry(c, await periodOr404(c)));
  r.post(`${BASE}/${ID}/entri`, 'surveys.manage', formAction({
    run: async (c, form) => {
      const p = await periodOr404(c);
      const out = await enterOnPaper(svc(c), p, form);
      // all or nothing: any bad row stores nothing, and the grid comes back with every bad row named
      if (out.errors.length) return showEntry(c, p, form, out.errors, 400);
      return { to: `${BASE}/${p.id}`, flash: 'surveys.entry.saved' };
    },
    page: async (c, refused) => showEntry(c, await periodOr404(c), refused.form, [{ line: 0, errors: refused.errors }], refused.status),
  }));

  // ---- CSV import ----------------------------------------------------------------------------------------------
  async function showImport(c: Ctx, p: PeriodRow, report: ImportReport | null = null, status: Status = 200) {
    return c.html(importPage(await pageView(c), { p, report }), status);
  }

  r.get(`${BASE}/${ID}/impor`, 'surveys.manage', async (c) => showImport(c, await periodOr404(c)));
  r.post(`${BASE}/${ID}/impor`, 'surveys.manage', { files: 1 }, formAction({
    files: ['file'],
    shows: ['validation'],
    field: 'file',
    run: async (c, form, posted) => {
      const p = await periodOr404(c);
      const partial = form.partial === 'on';
      const f = posted.files.file?.[0];
      const out = await importCsv(svc(c), p, f ? { bytes: new Uint8Array(await f.arrayBuffer()), name: f.name } : null, partial);
      // the per-row report: with `partial` the valid rows were stored (200), else nothing was (400)
      if (out.errors.length) return showImport(c, p, { errors: out.errors, inserted: out.inserted, partial }, out.inserted ? 200 : 400);
      return { to: `${BASE}/${p.id}`, flash: 'surveys.import.done' };
    },
    page: async (c, refused) => showImport(c, await periodOr404(c), { fileError: refused.errors.file, params: refused.params, partial: refused.form.partial === 'on' }, 400),
  }));

  // ---- the SKM report ---------------------------------------------------------------------------------------------
  r.get(`${BASE}/${ID}/laporan.pdf`, 'surveys.view', async (c) => {
    const p = await periodOr404(c);
    if (p.kind !== 'skm') throw notFound();
    const t = c.var.deps.i18n.translator('id');
    const model = await skmReportOf(c.var.deps.db, p, t);
    const pdf = renderSkmReportPdf(model);
    return pdfResponse(pdf, `Laporan-SKM-${p.year}-${p.periodType}${p.n}.pdf`);
  });
}
