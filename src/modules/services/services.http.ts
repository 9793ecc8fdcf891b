// Helpers of the services routes: the unit a page works on (`?unit=` within the scope, else 404),
// the unit a change is made in (the manage action's scope, else 404; a coordinator of another area
// 403), the service context, the records in the path, and the evidence posted.
import { inScope } from '../../kernel/access.ts';
import { DomainError, forbidden, notFound } from '../../kernel/errors.ts';
import type { Posted } from '../../kernel/forms.ts';
import { currentUnitOf, type Ctx } from '../../kernel/http.tsx';
import { listUnits } from '../org/index.ts';
import { canManage } from './services.policy.ts';
import { findServiceIn, unitOfRecord } from './services.queries.ts';
import { isUuid } from './services.rules.ts';
import { auditActor, type Ctx as SvcCtx, type EvidenceInput } from './services.service.ts';
import type { PageUnit } from './services.view.tsx';

export function svc(c: Ctx): SvcCtx {
  return { db: c.var.deps.db, actor: auditActor(c.var.actor!) };
}

/** The units in reach of the route's action and the unit the page shows. */
export async function pageUnit(c: Ctx, asked?: string): Promise<PageUnit> {
  const reach = await listUnits(c.var.deps.db, c.var.scope!);
  const want = asked ?? c.req.query('unit');
  let unit;
  if (want) {
    unit = isUuid(want) ? reach.find((u) => u.id === want.toLowerCase()) : undefined;
    if (!unit) throw notFound();
  } else {
    const cur = currentUnitOf(c);
    unit = reach.find((u) => u.id === cur) ?? reach[0];
  }
  return { reach: reach.map((u) => ({ id: u.id, name: u.name })), unit: unit ?? null };
}

/** A unit the actor changes something in: in the action's scope (else 404) and managed (else 403). */
export function manageUnit(c: Ctx, raw: unknown): string {
  const unitId = typeof raw === 'string' ? raw.toLowerCase() : '';
  if (!isUuid(unitId) || !inScope(c.var.scope!, unitId)) throw notFound();
  if (!canManage(c.var.actor, unitId)) throw forbidden();
  return unitId;
}

const scopeUnits = (c: Ctx) => (c.var.scope!.all ? null : c.var.scope!.unitIds);

/** The service in the path, within the action's scope (else 404). */
export async function serviceOr404(c: Ctx) {
  const s = await findServiceIn(c.var.deps.db, scopeUnits(c), c.req.param('id') ?? '');
  if (!s) throw notFound();
  return s;
}

/** The unit of a consultation, SOP or maklumat in the path, within the action's scope (else 404). */
export async function recordUnitOr404(c: Ctx, kind: 'consultation' | 'sop' | 'maklumat', param: string): Promise<string> {
  const unitId = await unitOfRecord(c.var.deps.db, kind, c.req.param(param) ?? '');
  if (!unitId || !inScope(c.var.scope!, unitId)) throw notFound();
  return unitId;
}

/** What an evidence form posted: a file (its title), or a link (its title); null when nothing. */
export async function evidenceOf(posted: Posted, form: { title?: string; url?: string; linkTitle?: string }): Promise<EvidenceInput | null> {
  const file = posted.files.file?.[0];
  if (file) return { kind: 'file', bytes: new Uint8Array(await file.arrayBuffer()), name: file.name, title: (form.title ?? '').trim() || null };
  if ((form.url ?? '').trim()) return { kind: 'url', url: form.url!.trim(), title: form.linkTitle ?? '' };
  return null;
}

/** The evidence posted, or the refusal of an evidence form with nothing in it. */
export async function evidenceOr400(posted: Posted, form: { title?: string; url?: string; linkTitle?: string }): Promise<EvidenceInput> {
  const input = await evidenceOf(posted, form);
  if (!input) throw nothingPosted();
  return input;
}

export const nothingPosted = () => new DomainError('validation', 'services.evidence.nothing', {}, { file: 'services.evidence.nothing' });

