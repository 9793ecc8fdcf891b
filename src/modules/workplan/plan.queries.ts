// Reads of the Rencana Kerja: plans of a unit, one plan in scope, its areas and activities, and the
// people of the plan's unit (the only ones who may sign it or be in charge of an activity).
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { inScope, type Scope } from '../../kernel/access.ts';
import type { Db } from '../../kernel/db.ts';
import { orgPeople as people, orgUnits as units } from '../org/index.ts';
import { activities, monev, planAreas, plans, teams } from './workplan.schema.ts';

export type PlanRow = typeof plans.$inferSelect;
export type ActivityRow = typeof activities.$inferSelect;
export type AreaRow = typeof planAreas.$inferSelect;

export async function listPlans(db: Db, unitId: string) {
  return db.select().from(plans).where(eq(plans.unitId, unitId)).orderBy(desc(plans.year));
}

/** A plan the scope reaches, or null (outside the scope looks the same as missing). */
export async function findPlan(db: Db, scope: Scope, id: string): Promise<PlanRow | null> {
  const [p] = await db.select().from(plans).where(eq(plans.id, id)).limit(1);
  return p && inScope(scope, p.unitId) ? p : null;
}

export async function planAreasOf(db: Db, planId: string): Promise<AreaRow[]> {
  return db.select().from(planAreas).where(eq(planAreas.planId, planId)).orderBy(asc(planAreas.area));
}

export async function activitiesOf(db: Db, planId: string) {
  return db.select({ a: activities, picName: people.name }).from(activities)
    .leftJoin(people, eq(people.id, activities.picPersonId))
    .where(eq(activities.planId, planId)).orderBy(asc(activities.area), asc(activities.seq));
}

/** The Tim Kerja ZI decrees of a unit (every year's team: number and date as recorded at /tim-zi). */
export async function teamDecreesOf(db: Db, unitId: string) {
  return db.select({ year: teams.year, decreeNumber: teams.decreeNumber, decreeDate: teams.decreeDate }).from(teams).where(eq(teams.unitId, unitId));
}

export async function unitOf(db: Db, unitId: string) {
  const [u] = await db.select().from(units).where(eq(units.id, unitId)).limit(1);
  return u ?? null;
}

export async function peopleOfUnit(db: Db, unitId: string) {
  return db.select({ id: people.id, name: people.name, nip: people.nip, position: people.position }).from(people)
    .where(and(eq(people.unitId, unitId), eq(people.isActive, true))).orderBy(asc(people.name));
}

export async function personOfUnit(db: Db, unitId: string, personId: string) {
  const [p] = await db.select({ id: people.id, name: people.name, nip: people.nip, position: people.position }).from(people)
    .where(and(eq(people.id, personId), eq(people.unitId, unitId))).limit(1);
  return p ?? null;
}

export async function monevOf(db: Db, planId: string) {
  return db.select({ m: monev }).from(monev).innerJoin(activities, eq(activities.id, monev.activityId))
    .where(eq(activities.planId, planId)).then((rows) => rows.map((r) => r.m));
}

/** Plans of a year for some units (null: every unit). */
export async function plansOfYear(db: Db, unitIds: string[] | null, year: number): Promise<PlanRow[]> {
  if (unitIds && unitIds.length === 0) return [];
  return db.select().from(plans).where(and(eq(plans.year, year), unitIds ? inArray(plans.unitId, unitIds) : undefined));
}

/** The years that have a plan, for some units (null: every unit), newest first. */
export async function planYears(db: Db, unitIds: string[] | null): Promise<number[]> {
  if (unitIds && unitIds.length === 0) return [];
  const rows = await db.selectDistinct({ year: plans.year }).from(plans).where(unitIds ? inArray(plans.unitId, unitIds) : undefined).orderBy(desc(plans.year));
  return rows.map((r) => r.year);
}

/** Activities and monev records of several plans at once (what planProgress needs), in two queries. */
export async function progressInputs(db: Db, planIds: string[]) {
  if (planIds.length === 0) return { acts: [], records: [] };
  const acts = await db.select({ id: activities.id, planId: activities.planId, area: activities.area, months: activities.months }).from(activities)
    .where(inArray(activities.planId, planIds));
  const records = await db.select({ activityId: monev.activityId, month: monev.month, status: monev.status, planId: activities.planId }).from(monev)
    .innerJoin(activities, eq(activities.id, monev.activityId)).where(inArray(activities.planId, planIds));
  return { acts: acts.map((a) => ({ ...a, months: a.months as number[] })), records };
}
