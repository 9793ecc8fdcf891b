// The UPG's routes on reports (gratification.handle, the unit and its sub-units): the list, one
// report with its workflow steps and files, and the KPK export (page, CSV, XLSX, PDF).
import ExcelJS from 'exceljs';
import { pdfResponse } from '../../kernel/documents.ts';
import { notFound } from '../../kernel/errors.ts';
import { formAction } from '../../kernel/forms.ts';
import { pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { regencyToday } from '../../kernel/workdays.ts';
import { ID, download, fileResponse, svc, uploadOf, whereOf, type Status } from './gratification.http.ts';
import { kpkFields, kpkSheetPdf } from './gratification.pdf.ts';
import { kpkOf, listForUpg, reportInScope, upgReportOf } from './gratification.queries.ts';
import type { Step } from './gratification.rules.ts';
import { takeStep } from './gratification.service.ts';
import { BASE, STEP_SLUGS, blank, type Entry } from './gratification.ui.tsx';
import { LIST_STATES, kpkPage, upgListPage, upgReportPage } from './upg.pages.tsx';

const SLUG_STEPS = new Map(Object.entries(STEP_SLUGS).map(([step, slug]) => [slug, step as Exclude<Step, 'complete'>]));

async function showUpgReport(c: Ctx, entry: Entry, status: Status = 200) {
  const v = await pageView(c);
  const m = await upgReportOf(c.var.deps.db, c.var.scope!, c.req.param('id') ?? '', entry.form.category, regencyToday());
  return c.html(upgReportPage(v, { ...m, entry }), status);
}

/** The KPK fields of the report in the path (labels in Indonesian, as KPK's form has them). */
async function kpkData(c: Ctx) {
  const { rep, reporter, unit } = await kpkOf(c.var.deps.db, c.var.scope!, c.req.param('id') ?? '');
  return { rep, reporter, fields: kpkFields(c.var.deps.i18n.translator('id'), rep, reporter, unit) };
}

export function registerUpgRoutes(r: Router): void {
  r.get(`${BASE}/kelola`, 'gratification.handle', async (c) => {
    const v = await pageView(c);
    const w = await whereOf(c, c.var.scope!);
    const stateQ = c.req.query('state') ?? 'open';
    const state = stateQ === 'all' ? undefined : stateQ;
    if (state && state !== 'open' && !(LIST_STATES as readonly string[]).includes(state)) throw notFound();
    const rows = await listForUpg(c.var.deps.db, c.var.scope!, w.unitId, { state, year: w.year, today: w.today });
    return c.html(upgListPage(v, { w, stateQ, rows }));
  });

  r.get(`${BASE}/kelola/${ID}`, 'gratification.handle', (c) => showUpgReport(c, blank()));

  // one route per step (/verifikasi, /analisis …); an unknown step is not found. Only the follow-up takes a file (the proof).
  r.post(`${BASE}/kelola/${ID}/:step{[a-z-]+}`, 'gratification.handle', { files: 1 }, formAction({
    files: ['proof'],
    run: async (c, input, posted) => {
      const step = SLUG_STEPS.get(c.req.param('step') ?? '');
      if (!step) throw notFound();
      await takeStep(svc(c), c.var.deps.files, c.var.scope!, c.req.param('id') ?? '', step, { input, proof: step === 'follow_up' ? await uploadOf(posted.files.proof) : null });
      return { to: `${BASE}/kelola/${c.req.param('id')}`, flash: `gratification.flash.${step}` };
    },
    page: (c, refused) => showUpgReport(c, refused, refused.status),
  }));

  r.get(`${BASE}/kelola/${ID}/lampiran`, 'gratification.handle', async (c) => {
    const rep = await reportInScope(c.var.deps.db, c.var.scope!, c.req.param('id') ?? '');
    return fileResponse(c, rep.fileSha, rep.fileName, rep.fileMime);
  });
  r.get(`${BASE}/kelola/${ID}/bukti`, 'gratification.handle', async (c) => {
    const rep = await reportInScope(c.var.deps.db, c.var.scope!, c.req.param('id') ?? '');
    return fileResponse(c, rep.proofSha, rep.proofName, rep.proofMime);
  });

  // ---- KPK export -----------------------------------------------------------------------------------
  r.get(`${BASE}/kelola/${ID}/kpk`, 'gratification.handle', async (c) => {
    const v = await pageView(c);
    const { rep, fields } = await kpkData(c);
    return c.html(kpkPage(v, { rep, fields }));
  });
  r.get(`${BASE}/kelola/${ID}/kpk.csv`, 'gratification.handle', async (c) => {
    const { rep, fields } = await kpkData(c);
    // one header row and one value row; formula-looking cells are prefixed so spreadsheets show them as text
    const cell = (s: string) => { const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s; return `"${safe.replace(/"/g, '""')}"`; };
    const csv = `\ufeff${fields.map(([, l]) => cell(l)).join(';')}\r\n${fields.map(([, , val]) => cell(val)).join(';')}\r\n`;
    return download(new TextEncoder().encode(csv), 'text/csv; charset=utf-8', `KPK-${rep.number}.csv`);
  });
  r.get(`${BASE}/kelola/${ID}/kpk.xlsx`, 'gratification.handle', async (c) => {
    const { rep, fields } = await kpkData(c);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Integritas';
    const ws = wb.addWorksheet('Laporan KPK');
    ws.columns = [{ header: 'Isian', key: 'label', width: 34 }, { header: 'Nilai', key: 'value', width: 80 }];
    ws.getRow(1).font = { bold: true };
    // every value as text: no cell is read as a formula
    for (const [, label, value] of fields) ws.addRow({ label, value: { richText: [{ text: value }] } });
    ws.getColumn('value').alignment = { wrapText: true, vertical: 'top' };
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
    return download(bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `KPK-${rep.number}.xlsx`);
  });
  r.get(`${BASE}/kelola/${ID}/kpk.pdf`, 'gratification.handle', async (c) => {
    const { rep, reporter } = await kpkData(c);
    const bytes = await kpkSheetPdf(c.var.deps.db, rep, reporter, c.var.deps.i18n.translator('id'), new Date());
    return pdfResponse(bytes, `KPK-${rep.number}.pdf`, { inline: true });
  });
}
