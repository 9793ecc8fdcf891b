// Public WBS routes (no account): /wbs, /wbs/lapor, /wbs/tanda-terima, /wbs/cek, /wbs/cek/balas.
// Nothing of a reporter's connection is stored or logged here; the client address reaches the
// service only as an HMAC input of the day's throttle keys (wbs.http.ts serviceDeps).
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { formAction, type Refusal } from '../../kernel/forms.ts';
import { pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { CheckPage, ReceiptPage, ReportFormPage, ReportStatusPage, WbsHomePage } from './public.pages.tsx';
import { fileReport, replyAsReporter } from './public.service.ts';
import { serviceDeps, uploadsOf } from './wbs.http.ts';
import { activeUnits } from './wbs.queries.ts';
import { WBS_RULES } from './wbs.rules.ts';
import { openPendingReceipt, openWithReceipt, PENDING_RECEIPT_MS, readReport, sealPendingReceipt, type ReceiptAccess } from './wbs.service.ts';

// The receipt travels from the POST to the one page that shows it sealed in a short-lived, httpOnly
// cookie scoped to that page (wbs.service.ts sealPendingReceipt); it is deleted when shown.
const RECEIPT_COOKIE = 'itg_wbs_receipt';

const reportForm = async (c: Ctx, refused?: Refusal) => {
  const v = await pageView(c);
  const units = await activeUnits(c.var.deps.db);
  return c.html(<ReportFormPage v={v} units={units} form={refused?.form} errors={refused?.errors} />, refused?.status ?? 200);
};

const checkForm = async (c: Ctx, refused?: Refusal) =>
  c.html(<CheckPage v={await pageView(c)} errors={refused?.errors} />, refused?.status ?? 200);

const statusPage = async (c: Ctx, receipt: string, opened: ReceiptAccess, opts: { sent?: boolean; refused?: Refusal } = {}) => {
  const rep = await readReport(c.var.deps.db, opened.reportId, opened.dataKey);
  const v = await pageView(c);
  return c.html(<ReportStatusPage v={v} receipt={receipt} rep={rep} sent={opts.sent} errors={opts.refused?.errors} />, opts.refused?.status ?? 200);
};

/**
 * A POST that carries the receipt: the report it opens is handed on; a receipt that opens none (or
 * any receipt past the day's wrong ones) gets the check form again, the same page for every refusal.
 */
const withReceipt = (then: (c: Ctx, receipt: string, opened: ReceiptAccess) => Response | Promise<Response>) => formAction({
  shows: ['validation'],
  run: async (c, form) => then(c, form.receipt ?? '', await openWithReceipt(serviceDeps(c), form.receipt ?? '')),
  page: checkForm,
});

export function registerPublicRoutes(r: Router): void {
  r.get('/wbs', 'wbs.public', async (c) => c.html(<WbsHomePage v={await pageView(c)} />));

  r.get('/wbs/lapor', 'wbs.public', (c) => reportForm(c));

  // a refusal (the form, a file, or the day's number of reports or attachment bytes) shows the form
  // again with what was typed, 400 or 429, and keeps nothing
  r.post('/wbs/lapor', 'wbs.public', { files: WBS_RULES.attachments.maxFiles }, formAction({
    files: ['files'],
    shows: ['validation', 'throttled'],
    run: async (c, form, posted) => {
      const { receipt } = await fileReport(serviceDeps(c), form, await uploadsOf(posted.files.files));
      const { secretKey, isProduction } = c.var.deps.config;
      setCookie(c, RECEIPT_COOKIE, sealPendingReceipt(secretKey, receipt), { path: '/wbs/tanda-terima', httpOnly: true, sameSite: 'Strict', secure: isProduction, maxAge: PENDING_RECEIPT_MS / 1000 });
      return { to: '/wbs/tanda-terima', flash: null };
    },
    page: reportForm,
  }));

  r.get('/wbs/tanda-terima', 'wbs.public', async (c) => {
    const receipt = openPendingReceipt(c.var.deps.config.secretKey, getCookie(c, RECEIPT_COOKIE));
    deleteCookie(c, RECEIPT_COOKIE, { path: '/wbs/tanda-terima' });
    return c.html(<ReceiptPage v={await pageView(c)} receipt={receipt} />);
  });

  r.get('/wbs/cek', 'wbs.public', (c) => checkForm(c));
  r.post('/wbs/cek', 'wbs.public', withReceipt((c, receipt, opened) => statusPage(c, receipt, opened)));

  // the reply: refused (empty, too long, a file, the report closed, the day's number) → the status
  // page again with the errors (nothing typed is echoed), 400, 409 or 429
  r.post('/wbs/cek/balas', 'wbs.public', { files: WBS_RULES.attachments.maxFiles }, withReceipt((c, receipt, opened) => formAction({
    files: ['files'],
    shows: ['validation', 'conflict', 'throttled'],
    run: async (c, form, posted) => {
      await replyAsReporter(serviceDeps(c), opened, form.body ?? '', await uploadsOf(posted.files.files));
      return statusPage(c, receipt, opened, { sent: true });
    },
    page: (c, refused) => statusPage(c, receipt, opened, { refused }),
  })(c)));
}
