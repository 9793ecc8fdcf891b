// The reporter's two use cases on the public pages: filing a report and replying with the receipt.
// Each use is counted against the client's day first (wbs.service.ts countPublicUse), so a refused
// or malformed submission counts too, as it always has. What the reporter wrote is only handed on to
// be sealed: it is never logged, and a refusal carries field errors (i18n keys), never the text.
import { parseReport } from './wbs.rules.ts';
import { addMessage, countPublicUse, submitReport, type ReceiptAccess, type SubmitDeps, type Upload } from './wbs.service.ts';

/** Files a report from the posted form; returns the receipt (shown once, never stored). */
export async function fileReport(d: SubmitDeps, form: Record<string, string>, uploads: Upload[]): Promise<{ id: string; receipt: string }> {
  await countPublicUse(d, 'submit');
  return submitReport(d, parseReport(form), uploads);
}

/** The reporter's message on the report their receipt opened. */
export async function replyAsReporter(d: SubmitDeps, opened: ReceiptAccess, body: string, uploads: Upload[]): Promise<void> {
  await countPublicUse(d, 'reply');
  await addMessage(d, opened.reportId, opened.dataKey, { kind: 'reporter' }, body, uploads);
}
