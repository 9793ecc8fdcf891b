// What the module's routes take from a request: the service context of the signed-in person, an
// uploaded file, the unit and year of the manager pages (from the
// query, checked against the reader's scope), and where a manager's action goes back to.
import type { Scope } from '../../kernel/access.ts';
import { notFound } from '../../kernel/errors.ts';
import type { Posted } from '../../kernel/forms.ts';
import { currentUnitOf, type Ctx } from '../../kernel/http.tsx';
import { withQuery } from '../../kernel/ui/components.tsx';
import { currentYear, regencyToday } from '../../kernel/workdays.ts';
import { listUnits } from '../org/index.ts';
import { parseYear } from './coi.rules.ts';
import type { Ctx as SvcCtx, Upload } from './coi.service.ts';
import { BASE, type Where } from './coi.ui.tsx';

/** A record id in a path. */
export const ID = ':id{[0-9a-f-]{36}}';

export function svc(c: Ctx): SvcCtx {
  const a = c.var.actor!;
  return { db: c.var.deps.db, actor: { accountId: a.accountId, label: a.username }, emailEnabled: c.var.deps.emailEnabled };
}

/** The file chosen in a posted form's field (none chosen: null). */
export async function uploadOf(posted: Posted, name = 'file'): Promise<Upload | null> {
  const file = posted.files[name]?.[0];
  if (!file) return null;
  return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
}

/**
 * The unit and year of a manager page: `?unit=` (one of the reader's active units in scope, else not
 * found), or the unit the reader works in, or their first; `?year=` (else this year).
 */
export async function whereOf(c: Ctx, scope: Scope): Promise<Where> {
  const all = (await listUnits(c.var.deps.db, scope)).filter((u) => u.isActive);
  const today = regencyToday();
  const asked = c.req.query('unit');
  let unit = asked ? all.find((u) => u.id === asked) : undefined;
  if (asked && !unit) throw notFound();
  if (!unit) {
    const cur = currentUnitOf(c);
    unit = all.find((u) => u.id === cur) ?? all[0];
  }
  if (!unit) throw notFound();
  const rawYear = c.req.query('year');
  const year = rawYear ? parseYear(rawYear, today) : Number(today.slice(0, 4));
  if (!year) throw notFound();
  return { unitId: unit.id, unitName: unit.name, year, units: all.map((u) => ({ id: u.id, shortName: u.shortName ?? u.name })), today };
}

/** The scope of the route's own action (coi.manage on the manager's writes). */
export const manageScope = (c: Ctx) => c.var.scope!;
/** The scope the records pages are read in (coi.records), whichever action the route declares. */
export const recordsScope = (c: Ctx) => c.var.deps.access.scopeOf(c.var.actor, 'coi.records')!;

/** Back to a manager page with the unit and year the action was posted with. */
export const back = (c: Ctx, path: string) => withQuery(`${BASE}/${path}`, { unit: c.req.query('unit'), year: c.req.query('year') });

/** The year an action was posted with (else this year). */
export const yearOf = (c: Ctx) => parseYear(c.req.query('year'), regencyToday()) ?? currentYear();

/** The unit an action was posted for. */
export const unitOf = (c: Ctx) => c.req.query('unit') ?? '';

/** The record id in the path. */
export const idOf = (c: Ctx) => c.req.param('id') ?? '';
