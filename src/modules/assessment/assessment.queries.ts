// The only code that touches assessment_* tables.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Scope } from '../../kernel/access.ts';
import { inUnits, type Db } from '../../kernel/db.ts';
import { accounts } from '../../kernel/schema.ts';
import { orgUnits as units } from '../org/index.ts';
import { answers, worksheetEvents, worksheets } from './assessment.schema.ts';
import type { Answer, Answers } from './lke.types.ts';
import type { Layer } from './lke.workflow.ts';

export type WorksheetRow = typeof worksheets.$inferSelect;
export type AnswerRow = typeof answers.$inferSelect;

const scoped = (scope: Scope) => inUnits(scope, worksheets.unitId);

export interface WorksheetFilter { year?: number; state?: string; unitId?: string; sort?: string; dir?: 'asc' | 'desc'; limit: number; offset: number }

export async function listWorksheets(db: Db, scope: Scope, f: WorksheetFilter) {
  const where = and(
    scoped(scope),
    f.year ? eq(worksheets.year, f.year) : undefined,
    f.state ? eq(worksheets.state, f.state) : undefined,
    f.unitId ? eq(worksheets.unitId, f.unitId) : undefined,
  );
  const dir = f.dir === 'asc' ? asc : desc;
  const order = f.sort === 'unit' ? [dir(units.name), desc(worksheets.year)]
    : f.sort === 'state' ? [dir(worksheets.state), asc(units.name)]
      : f.sort === 'updated' ? [dir(worksheets.updatedAt)]
        : [dir(worksheets.year), asc(units.name)];
  const rows = await db.select({ w: worksheets, unitName: units.name, unitCode: units.code })
    .from(worksheets).innerJoin(units, eq(units.id, worksheets.unitId))
    .where(where).orderBy(...order).limit(f.limit).offset(f.offset);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(worksheets).where(where);
  return { rows, total: n };
}

export async function findWorksheet(db: Db, scope: Scope, id: string) {
  const [row] = await db.select({ w: worksheets, unitName: units.name, unitCode: units.code, unitShort: units.shortName })
    .from(worksheets).innerJoin(units, eq(units.id, worksheets.unitId))
    .where(and(eq(worksheets.id, id), scoped(scope))).limit(1);
  return row ?? null;
}

export async function findWorksheetByUnitYear(db: Db, unitId: string, year: number) {
  const [row] = await db.select().from(worksheets).where(and(eq(worksheets.unitId, unitId), eq(worksheets.year, year))).limit(1);
  return row ?? null;
}

/** The latest earlier worksheet of a unit (to clone from). */
export async function findPreviousWorksheet(db: Db, unitId: string, year: number) {
  const [row] = await db.select().from(worksheets)
    .where(and(eq(worksheets.unitId, unitId), sql`${worksheets.year} < ${year}`))
    .orderBy(desc(worksheets.year)).limit(1);
  return row ?? null;
}

export interface LayerData {
  answers: Answers;
  notes: Record<string, string>;
  /** rows present (reviewed items for tpi/tpn), with their revision stamps */
  rows: Map<string, { answer: Answer | null; note: string | null; rev: string; updatedBy: string | null; by: string | null }>;
}

export type Layers = Record<Layer, LayerData>;

function emptyLayer(): LayerData {
  return { answers: {}, notes: {}, rows: new Map() };
}

/** Every answer row of the worksheets given, by worksheet and layer, in one query. */
export async function loadLayersMany(db: Db, worksheetIds: string[]): Promise<Map<string, Layers>> {
  const out = new Map<string, Layers>();
  for (const id of worksheetIds) out.set(id, { unit: emptyLayer(), tpi: emptyLayer(), tpn: emptyLayer() });
  if (worksheetIds.length === 0) return out;
  const rows = await db.select({ a: answers, by: accounts.displayName }).from(answers)
    .leftJoin(accounts, eq(accounts.id, answers.updatedBy))
    .where(inArray(answers.worksheetId, worksheetIds));
  for (const { a, by } of rows) {
    const layers = out.get(a.worksheetId);
    const layer = layers?.[a.layer as Layer];
    if (!layer) continue;
    const ans = (a.answer ?? null) as Answer | null;
    if (ans) layer.answers[a.itemCode] = ans;
    if (a.note) layer.notes[a.itemCode] = a.note;
    layer.rows.set(a.itemCode, { answer: ans, note: a.note, rev: a.updatedAt.toISOString(), updatedBy: a.updatedBy, by });
  }
  return out;
}

export async function loadLayers(db: Db, worksheetId: string): Promise<Layers> {
  return (await loadLayersMany(db, [worksheetId])).get(worksheetId)!;
}

export async function findAnswerRow(db: Db, worksheetId: string, itemCode: string, layer: Layer) {
  const [row] = await db.select().from(answers)
    .where(and(eq(answers.worksheetId, worksheetId), eq(answers.itemCode, itemCode), eq(answers.layer, layer))).limit(1);
  return row ?? null;
}

export async function listEvents(db: Db, worksheetId: string) {
  return db.select({ e: worksheetEvents, by: accounts.displayName }).from(worksheetEvents)
    .leftJoin(accounts, eq(accounts.id, worksheetEvents.actorId))
    .where(eq(worksheetEvents.worksheetId, worksheetId)).orderBy(desc(worksheetEvents.at));
}

/** Distinct years that have worksheets in scope, newest first (for filters). */
export async function listYears(db: Db, scope: Scope): Promise<number[]> {
  const rows = await db.selectDistinct({ y: worksheets.year }).from(worksheets).where(scoped(scope)).orderBy(desc(worksheets.year));
  return rows.map((r) => r.y);
}

export { worksheets, answers, worksheetEvents };
