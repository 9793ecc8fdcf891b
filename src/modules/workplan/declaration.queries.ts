// Reads of workplan_declarations, and the unit lookup by code for the public page (org tables are
// read only, through what org exports).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db.ts';
import { orgUnits as units } from '../org/index.ts';
import { declarations } from './workplan.schema.ts';

export type DeclarationRow = typeof declarations.$inferSelect;

export async function findDeclaration(db: Db, unitId: string): Promise<DeclarationRow | null> {
  const [d] = await db.select().from(declarations).where(eq(declarations.unitId, unitId)).limit(1);
  return d ?? null;
}

/** An active unit by its code (case-insensitive), with only what the public page shows. */
export async function findPublicUnit(db: Db, code: string) {
  const [u] = await db.select({ id: units.id, code: units.code, name: units.name, shortName: units.shortName, address: units.address })
    .from(units).where(and(sql`lower(${units.code}) = lower(${code})`, eq(units.isActive, true))).limit(1);
  return u ?? null;
}

/** The declarations of the given units, by unit id (a unit without one is absent). */
export async function declarationsOf(db: Db, unitIds: readonly string[]): Promise<Map<string, DeclarationRow>> {
  if (!unitIds.length) return new Map();
  const rows = await db.select().from(declarations).where(inArray(declarations.unitId, [...unitIds]));
  return new Map(rows.map((d) => [d.unitId, d]));
}
