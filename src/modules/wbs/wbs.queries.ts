// Reads of the WBS pages that carry no report content: the units a reporter may name, the handler
// designations and live reports the regency administrator sees, and the unit's evaluations of the
// WBS. Reading a report (which needs its key) stays in wbs.service.ts.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Scope } from '../../kernel/access.ts';
import { inUnits, type Db } from '../../kernel/db.ts';
import { orgUnits } from '../org/index.ts';
import { wbsEvaluations } from './wbs.schema.ts';

async function rowsOf<T>(db: Db, q: ReturnType<typeof sql>): Promise<T[]> {
  const res = await db.execute(q);
  return ((res as unknown as { rows?: T[] }).rows ?? (res as unknown as T[]));
}

/** The active units, by name: the report form's choice of the unit concerned. */
export async function activeUnits(db: Db): Promise<{ id: string; name: string }[]> {
  return db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.isActive, true)).orderBy(asc(orgUnits.name));
}

export interface HandlerDesignation { name: string; unit_name: string | null; has_key: boolean }

/** Every wbs_handler grant, with whether the account has its key pair yet (names only). */
export async function handlerDesignations(db: Db): Promise<HandlerDesignation[]> {
  return rowsOf<HandlerDesignation>(db, sql`
    select a.display_name as name, u.name as unit_name, exists(select 1 from wbs_handler_keys k where k.account_id = a.id) as has_key
    from org_role_assignments ra join kernel_accounts a on a.id = ra.account_id left join org_units u on u.id = ra.unit_id
    where ra.role = 'wbs_handler' order by u.name, a.display_name`);
}

export interface LiveReport { id: string; unit_name: string | null; state: string }

/** Reports whose content is not purged yet, newest first (no content): the administrator's exclusion list. */
export async function liveReports(db: Db, limit = 200): Promise<LiveReport[]> {
  return rowsOf<LiveReport>(db, sql`select r.id, u.name as unit_name, r.state from wbs_reports r left join org_units u on u.id = r.unit_id where r.purged_on is null order by r.submitted_on desc, r.id limit ${limit}`);
}

/** The evaluations of the WBS held in a year by the units in scope, latest first. */
export async function evaluationsIn(db: Db, scope: Scope, year: number) {
  return db.select().from(wbsEvaluations)
    .where(and(sql`extract(year from ${wbsEvaluations.heldOn}) = ${year}`, inUnits(scope, wbsEvaluations.unitId)))
    .orderBy(desc(wbsEvaluations.heldOn));
}
