// Reads of the WBS pages that carry no report content: the units a reporter may name, the handler
// designations and live reports the regency administrator sees, and the unit's evaluations of the
// WBS. Reading a report (which needs its key) stays in wbs.service.ts.
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Scope } from '../../kernel/access.ts';
import { inUnits, type Db } from '../../kernel/db.ts';
import { listUnits, roleGrantsNamed, unitNames } from '../org/index.ts';
import { wbsEvaluations, wbsHandlerKeys, wbsReports } from './wbs.schema.ts';

/** The active units, by name: the report form's choice of the unit concerned. */
export async function activeUnits(db: Db): Promise<{ id: string; name: string }[]> {
  return (await listUnits(db, { all: true })).map((u) => ({ id: u.id, name: u.name }));
}

export interface HandlerDesignation { name: string; unit_name: string | null; has_key: boolean }

/** Every wbs_handler grant, with whether the account has its key pair yet (names only). */
export async function handlerDesignations(db: Db): Promise<HandlerDesignation[]> {
  const grants = await roleGrantsNamed(db, 'wbs_handler');
  const keyed = new Set((await db.select({ id: wbsHandlerKeys.accountId }).from(wbsHandlerKeys)).map((k) => k.id));
  return grants.map((g) => ({ name: g.name, unit_name: g.unitName, has_key: keyed.has(g.accountId) }));
}

export interface LiveReport { id: string; unit_name: string | null; state: string }

/** Reports whose content is not purged yet, newest first (no content): the administrator's exclusion list. */
export async function liveReports(db: Db, limit = 200): Promise<LiveReport[]> {
  const rows = await db.select({ id: wbsReports.id, unitId: wbsReports.unitId, state: wbsReports.state }).from(wbsReports)
    .where(isNull(wbsReports.purgedOn)).orderBy(desc(wbsReports.submittedOn), asc(wbsReports.id)).limit(limit);
  const names = await unitNames(db, rows.map((r) => r.unitId));
  return rows.map((r) => ({ id: r.id, unit_name: r.unitId ? names.get(r.unitId) ?? null : null, state: r.state }));
}

/** The evaluations of the WBS held in a year by the units in scope, latest first. */
export async function evaluationsIn(db: Db, scope: Scope, year: number) {
  return db.select().from(wbsEvaluations)
    .where(and(sql`extract(year from ${wbsEvaluations.heldOn}) = ${year}`, inUnits(scope, wbsEvaluations.unitId)))
    .orderBy(desc(wbsEvaluations.heldOn));
}
