// Reads of workplan_pacts, and of org people/units (read only, through the tables and queries org
// exports) for coverage. Writes to pacts happen only in pakta.service.ts.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db.ts';
import { findRegency, orgPeople as people, orgUnits as units } from '../org/index.ts';
import { pacts } from './workplan.schema.ts';

export type PactRow = typeof pacts.$inferSelect;
export interface PactSnapshot { name: string; nip: string; position: string; unitName: string; unitCode: string }

/** The year of a moment in the configured time zone (a pact signed on 31 Dec 23:30 WIB is that year's). */
export function yearIn(timeZone: string, now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(now));
}

export async function findPact(db: Db, id: string): Promise<PactRow | null> {
  const [p] = await db.select().from(pacts).where(eq(pacts.id, id)).limit(1);
  return p ?? null;
}

export async function findPactOf(db: Db, personId: string, year: number): Promise<PactRow | null> {
  const [p] = await db.select().from(pacts).where(and(eq(pacts.personId, personId), eq(pacts.year, year))).limit(1);
  return p ?? null;
}

export async function hasSigned(db: Db, personId: string, year: number): Promise<boolean> {
  return !!(await findPactOf(db, personId, year));
}

/** The signer as org knows them now (with their unit), for the signing page and the snapshot. */
export async function personForPakta(db: Db, personId: string) {
  const [r] = await db.select({
    id: people.id, name: people.name, nip: people.nip, position: people.position, isActive: people.isActive,
    unitId: units.id, unitName: units.name, unitCode: units.code, unitShort: units.shortName,
  }).from(people).innerJoin(units, eq(units.id, people.unitId)).where(eq(people.id, personId)).limit(1);
  return r ?? null;
}

export interface CoveragePerson { personId: string; name: string; nip: string; position: string; pactId: string | null; signedAt: Date | null; signedUnitId: string | null }
export interface Coverage { unitId: string; year: number; signed: number; total: number; missing: CoveragePerson[]; signers: CoveragePerson[] }

/**
 * Pakta coverage of a unit for a year. Counted over the people who are active and belong to the
 * unit NOW (org_people.unit_id, is_active): someone added today raises the total at once; someone
 * made inactive drops out of both counts; someone transferred counts in their new unit, and a
 * signature made in the old unit that year still counts for them (a pact binds the person for the
 * year, wherever they work). The signature row keeps the unit at signing time, for the record.
 */
export async function pactCoverage(db: Db, unitId: string, year: number): Promise<Coverage> {
  const rows = await db.select({
    personId: people.id, name: people.name, nip: people.nip, position: people.position,
    pactId: pacts.id, signedAt: pacts.signedAt, signedUnitId: pacts.unitId,
  }).from(people)
    .leftJoin(pacts, and(eq(pacts.personId, people.id), eq(pacts.year, year)))
    .where(and(eq(people.unitId, unitId), eq(people.isActive, true)))
    .orderBy(asc(people.name), asc(people.id));
  const signers = rows.filter((r) => r.pactId !== null);
  const missing = rows.filter((r) => r.pactId === null);
  return { unitId, year, signed: signers.length, total: rows.length, missing, signers };
}

/** Years that have any signature, for the year selector (always including `current`). */
export async function pactYears(db: Db, current: number): Promise<number[]> {
  const rows = await db.selectDistinct({ year: pacts.year }).from(pacts);
  return [...new Set([current, ...rows.map((r) => r.year)])].sort((a, b) => b - a);
}

export async function unitOfPerson(db: Db, personId: string): Promise<string | null> {
  const [r] = await db.select({ unitId: people.unitId }).from(people).where(eq(people.id, personId)).limit(1);
  return r?.unitId ?? null;
}

/** The regency's name and the place a pact is signed at (its capital, else its name), through org. */
export async function pactPlace(db: Db): Promise<{ regency: string; place: string }> {
  const r = await findRegency(db);
  const regency = r?.name ?? '';
  return { regency, place: r?.capital ?? regency };
}

export interface UnitCoverage { unitId: string; signed: number; total: number }

/**
 * Pakta coverage of many units for a year, counted as in pactCoverage (active people by their unit
 * now; a signature of that year wherever it was made): one row per unit that has active people.
 */
export async function pactCoverageByUnit(db: Db, unitIds: readonly string[], year: number): Promise<Map<string, UnitCoverage>> {
  if (!unitIds.length) return new Map();
  const rows = await db.select({
    unitId: people.unitId,
    total: sql<number>`count(*)::int`,
    signed: sql<number>`count(${pacts.id})::int`,
  }).from(people)
    .leftJoin(pacts, and(eq(pacts.personId, people.id), eq(pacts.year, year)))
    .where(and(inArray(people.unitId, [...unitIds]), eq(people.isActive, true)))
    .groupBy(people.unitId);
  return new Map(rows.map((r) => [r.unitId, { unitId: r.unitId, signed: Number(r.signed), total: Number(r.total) }]));
}

/** The signing page's model: the signer as org knows them now, and this year's pact if signed. */
export async function signModel(db: Db, personId: string | null, year: number, first: boolean) {
  const person = personId ? await personForPakta(db, personId) : null;
  const pact = person ? await findPactOf(db, person.id, year) : null;
  return { person, pact, first, year };
}
