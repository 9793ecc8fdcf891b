// What the WBS routes take from a request for the service: its dependencies (the client address
// only as an HMAC input of the day's throttle keys, never stored or logged), the signed-in actor as
// the audit names it, and the chosen attachments as bytes.
import { clientAddress, type Ctx } from '../../kernel/http.tsx';
import type { AuditActor } from '../../kernel/audit.ts';
import type { SubmitDeps, Upload } from './wbs.service.ts';

export const serviceDeps = (c: Ctx): SubmitDeps => ({
  db: c.var.deps.db, files: c.var.deps.files, secretKey: c.var.deps.config.secretKey, timeZone: c.var.deps.config.timeZone, client: clientAddress(c),
});

export const actorOf = (c: Ctx): AuditActor => ({ accountId: c.var.actor!.accountId, label: c.var.actor!.username });

/** The chosen attachments as uploads (an empty file is left out, as before the shared helper). */
export async function uploadsOf(files: readonly File[] = []): Promise<Upload[]> {
  return Promise.all(files.filter((f) => f.size > 0).map(async (f) => ({ bytes: new Uint8Array(await f.arrayBuffer()), name: f.name })));
}
