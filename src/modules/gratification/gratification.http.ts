// What the gratification routes share: the use cases' context from the request, the unit and year a
// staff page shows (from its query, within the actor's scope), an uploaded file as the service takes
// it, and the download responses (attachments, the KPK exports; the PDFs go through kernel/documents).
import type { Scope } from '../../kernel/access.ts';
import { notFound } from '../../kernel/errors.ts';
import type { Refusal } from '../../kernel/forms.ts';
import { currentUnitOf, type Ctx } from '../../kernel/http.tsx';
import { regencyToday } from '../../kernel/workdays.ts';
import { listUnits } from '../org/index.ts';
import { attachmentOf } from './gratification.queries.ts';
import type { Ctx as SvcCtx, Upload } from './gratification.service.ts';
import type { Where } from './gratification.ui.tsx';

/** A record id in a route path. */
export const ID = ':id{[0-9a-f-]{36}}';

/** The status a page is sent with: 200, or the refusal's. */
export type Status = 200 | Refusal['status'];

export function svc(c: Ctx): SvcCtx {
  const a = c.var.actor!;
  return { db: c.var.deps.db, actor: { accountId: a.accountId, label: a.username }, emailEnabled: c.var.deps.emailEnabled };
}

/** The unit (?unit=, else the one worked in, else the first in scope) and year (?year=) of a staff page; a unit or year out of reach is not found. */
export async function whereOf(c: Ctx, scope: Scope): Promise<Where> {
  const all = (await listUnits(c.var.deps.db, scope)).filter((u) => u.isActive);
  const today = regencyToday();
  const q = c.req.query('unit');
  let unit = q ? all.find((u) => u.id === q) : undefined;
  if (q && !unit) throw notFound();
  if (!unit) {
    const cur = currentUnitOf(c);
    unit = all.find((u) => u.id === cur) ?? all[0];
  }
  if (!unit) throw notFound();
  const rawYear = c.req.query('year');
  const year = rawYear && /^\d{4}$/.test(rawYear) && Number(rawYear) >= 2000 && Number(rawYear) <= Number(today.slice(0, 4)) + 1 ? Number(rawYear) : rawYear ? 0 : Number(today.slice(0, 4));
  if (!year) throw notFound();
  return { unitId: unit.id, unitName: unit.name, year, units: all.map((u) => ({ id: u.id, shortName: u.shortName ?? u.name })), today };
}

/** The file chosen in a file field (the pipeline's `posted.files[name]`), as the service takes it. */
export async function uploadOf(chosen: readonly File[] | undefined): Promise<Upload | null> {
  const file = chosen?.[0];
  if (!file) return null;
  return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
}

export function download(bytes: Uint8Array, mime: string, name: string, inline = false): Response {
  return new Response(new Uint8Array(bytes), { headers: {
    'Content-Type': mime,
    'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"`,
    'Cache-Control': 'private, no-store',
  } });
}

/** A report's stored attachment or proof as a download; none stored (or gone from the store) is not found. */
export async function fileResponse(c: Ctx, sha: string | null, name: string | null, mime: string | null): Promise<Response> {
  const file = await attachmentOf(c.var.deps.files, sha, name, mime);
  return download(file.bytes, file.mime, file.name);
}
