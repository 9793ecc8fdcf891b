// The UPG's registers and counts: custody with receipts (gratification.handle), campaigns
// (gratification.campaign), the UPG settings (gratification.handle), statistics and the periodic
// report (gratification.stats, counts only).
import { pdfResponse } from '../../kernel/documents.ts';
import { notFound } from '../../kernel/errors.ts';
import { formAction } from '../../kernel/forms.ts';
import { pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { withQuery } from '../../kernel/ui/components.tsx';
import { svc, uploadOf, whereOf, ID, type Status } from './gratification.http.ts';
import { periodicReportPdf, receiptPdf } from './gratification.pdf.ts';
import { custodyInScope, custodyOf, listCampaigns, receiptOf, settingsPageOf, statsOf } from './gratification.queries.ts';
import { periodRange } from './gratification.rules.ts';
import { addCampaign, addCustody, releaseCustody, saveSettings } from './gratification.service.ts';
import { BASE, blank, q, type Entry } from './gratification.ui.tsx';
import { campaignsPage, custodyPage, settingsPage, statsPage } from './staff.pages.tsx';

async function showCustody(c: Ctx, entry: Entry, status: Status = 200) {
  const v = await pageView(c);
  const w = await whereOf(c, c.var.scope!);
  const m = await custodyOf(c.var.deps.db, c.var.scope!, w.unitId, w.today);
  return c.html(custodyPage(v, { w, ...m, entry }), status);
}

async function showCampaigns(c: Ctx, entry: Entry, status: Status = 200) {
  const v = await pageView(c);
  const w = await whereOf(c, c.var.scope!);
  const rows = await listCampaigns(c.var.deps.db, w.unitId, w.year);
  return c.html(campaignsPage(v, { w, rows, entry }), status);
}

async function showSettings(c: Ctx, entry?: Entry, status: Status = 200) {
  const v = await pageView(c);
  const w = await whereOf(c, c.var.scope!);
  const m = await settingsPageOf(c.var.deps.db, w.unitId);
  return c.html(settingsPage(v, { w, ...m, entry }), status);
}

export function registerStaffRoutes(r: Router): void {
  // ---- custody ------------------------------------------------------------------------------------------
  r.get(`${BASE}/titipan`, 'gratification.handle', (c) => showCustody(c, blank()));
  r.post(`${BASE}/titipan`, 'gratification.handle', formAction({
    run: async (c, input) => {
      const w = await whereOf(c, c.var.scope!);
      await addCustody(svc(c), c.var.scope!, w.unitId, input);
      return { to: withQuery(`${BASE}/titipan`, { unit: w.unitId }), flash: 'gratification.flash.custody' };
    },
    page: (c, refused) => showCustody(c, refused, refused.status),
  }));
  r.post(`${BASE}/titipan/${ID}/serahkan`, 'gratification.handle', formAction({
    run: async (c, input) => {
      const item = await custodyInScope(c.var.deps.db, c.var.scope!, c.req.param('id') ?? '');
      await releaseCustody(svc(c), c.var.scope!, item.id, input);
      return { to: withQuery(`${BASE}/titipan`, { unit: item.unitId }), flash: 'gratification.flash.released' };
    },
    page: (c, refused) => showCustody(c, refused, refused.status),
  }));
  r.get(`${BASE}/titipan/${ID}/tanda-terima.pdf`, 'gratification.handle', async (c) => {
    const { item, reportNumber } = await receiptOf(c.var.deps.db, c.var.scope!, c.req.param('id') ?? '');
    const bytes = await receiptPdf(c.var.deps.db, item, reportNumber, c.var.deps.i18n.translator('id'), new Date());
    return pdfResponse(bytes, `Tanda-Terima-${item.receiptNumber.replace(/\//g, '-')}.pdf`, { inline: true });
  });

  // ---- campaigns ----------------------------------------------------------------------------------------
  r.get(`${BASE}/kampanye`, 'gratification.campaign', (c) => showCampaigns(c, blank()));
  r.post(`${BASE}/kampanye`, 'gratification.campaign', { files: 1 }, formAction({
    files: ['file'],
    run: async (c, input, posted) => {
      const w = await whereOf(c, c.var.scope!);
      await addCampaign(svc(c), c.var.deps.files, c.var.scope!, w.unitId, input, await uploadOf(posted.files.file));
      return { to: withQuery(`${BASE}/kampanye`, q(w)), flash: 'gratification.flash.campaign' };
    },
    page: (c, refused) => showCampaigns(c, refused, refused.status),
  }));

  // ---- settings -----------------------------------------------------------------------------------------
  r.get(`${BASE}/pengaturan`, 'gratification.handle', (c) => showSettings(c));
  r.post(`${BASE}/pengaturan`, 'gratification.handle', formAction({
    run: async (c, input) => {
      const w = await whereOf(c, c.var.scope!);
      await saveSettings(svc(c), c.var.scope!, w.unitId, input);
      return { to: withQuery(`${BASE}/pengaturan`, { unit: w.unitId }), flash: 'gratification.flash.settings' };
    },
    page: (c, refused) => showSettings(c, refused, refused.status),
  }));

  // ---- statistics and the periodic report (counts only) --------------------------------------------------
  r.get(`${BASE}/statistik`, 'gratification.stats', async (c) => {
    const v = await pageView(c);
    const w = await whereOf(c, c.var.scope!);
    const stats = await statsOf(c.var.deps.db, w.unitId, `${w.year}-01-01`, `${w.year}-12-31`, w.today);
    return c.html(statsPage(v, { w, stats }));
  });
  r.get(`${BASE}/statistik/laporan.pdf`, 'gratification.stats', async (c) => {
    const w = await whereOf(c, c.var.scope!);
    const period = c.req.query('period') ?? String(w.year);
    if (!periodRange(period)) throw notFound();
    const { bytes, code } = await periodicReportPdf(c.var.deps.db, w.unitId, period, c.var.deps.i18n.translator('id'), new Date());
    return pdfResponse(bytes, `Laporan-UPG-${code}-${period}.pdf`, { inline: true });
  });
}
