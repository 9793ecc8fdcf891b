// The employee's routes (gratification.report, every signed-in employee): their reports, the report
// form, their own report with its attachment, and the completion the UPG asked for.
import { notFound } from '../../kernel/errors.ts';
import { formAction } from '../../kernel/forms.ts';
import { pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { regencyToday } from '../../kernel/workdays.ts';
import { ID, fileResponse, svc, uploadOf, type Status } from './gratification.http.ts';
import { homeOf, ownReport, ownReportOf, reportFormOf } from './gratification.queries.ts';
import { completeReport, createReport } from './gratification.service.ts';
import { BASE, blank, type Entry } from './gratification.ui.tsx';
import { homePage, ownReportPage, reportFormPage } from './report.pages.tsx';

async function showReportForm(c: Ctx, entry: Entry, status: Status = 200) {
  const v = await pageView(c);
  const m = await reportFormOf(c.var.deps.db, c.var.actor!.accountId, entry.form.receivedOn, regencyToday());
  return c.html(reportFormPage(v, { ...m, entry }), status);
}

async function showOwnReport(c: Ctx, entry: Entry, status: Status = 200) {
  const v = await pageView(c);
  const m = await ownReportOf(c.var.deps.db, c.var.actor!, c.req.param('id') ?? '');
  return c.html(ownReportPage(v, { ...m, entry }), status);
}

export function registerReportRoutes(r: Router): void {
  r.get(BASE, 'gratification.report', async (c) => {
    const v = await pageView(c);
    const m = await homeOf(c.var.deps.db, c.var.actor!.accountId);
    return c.html(homePage(v, { ...m, today: regencyToday() }));
  });

  // "check the date" submits the form by GET: the values come back in the query, the rules of that date shown
  r.get(`${BASE}/lapor`, 'gratification.report', (c) =>
    showReportForm(c, blank({ receivedOn: c.req.query('receivedOn') ?? '', ...Object.fromEntries(Object.entries(c.req.query()).filter(([k]) => k !== '_csrf')) })));

  // a person without an employee record is refused (forbidden, the error page), not shown the form again
  r.post(`${BASE}/lapor`, 'gratification.report', { files: 1 }, formAction({
    files: ['file'],
    run: async (c, input, posted) => {
      const row = await createReport(svc(c), c.var.deps.files, c.var.actor!, input, await uploadOf(posted.files.file));
      return { to: `${BASE}/laporan/${row.id}`, flash: 'gratification.flash.reported' };
    },
    page: (c, refused) => showReportForm(c, refused, refused.status),
  }));

  r.get(`${BASE}/laporan/${ID}`, 'gratification.report', (c) => showOwnReport(c, blank()));

  r.post(`${BASE}/laporan/${ID}/lengkapi`, 'gratification.report', formAction({
    run: async (c, input) => {
      await completeReport(svc(c), c.var.actor!, c.req.param('id') ?? '', input);
      return { to: `${BASE}/laporan/${c.req.param('id')}`, flash: 'gratification.flash.completed' };
    },
    page: (c, refused) => showOwnReport(c, refused, refused.status),
  }));

  r.get(`${BASE}/laporan/${ID}/lampiran`, 'gratification.report', async (c) => {
    const rep = await ownReport(c.var.deps.db, c.var.actor!, c.req.param('id') ?? '');
    if (!rep) throw notFound();
    return fileResponse(c, rep.fileSha, rep.fileName, rep.fileMime);
  });
}
