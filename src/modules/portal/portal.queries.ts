// Reads for the portal: the regency and its active units (org tables, read only, through what org
// exports).
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db.ts';
import { dayIn } from '../../kernel/workdays.ts';
import { findRegency, orgUnits as units } from '../org/index.ts';
import { collectLinks, groupLinks, type GroupedLinks } from './portal.links.ts';
import type { PublicLinkSource } from './portal.types.ts';

export interface PortalUnitRow { id: string; code: string; name: string; shortName: string; kind: string; parentId: string | null; address: string | null }

const columns = { id: units.id, code: units.code, name: units.name, shortName: units.shortName, kind: units.kind, parentId: units.parentId, address: units.address };

/** The regency's active units, by name. */
export async function activeUnits(db: Db): Promise<PortalUnitRow[]> {
  return db.select(columns).from(units).where(eq(units.isActive, true)).orderBy(asc(units.name));
}

/** An active unit by its code (case-insensitive). */
export async function activeUnitByCode(db: Db, code: string): Promise<PortalUnitRow | null> {
  const [u] = await db.select(columns).from(units).where(and(sql`lower(${units.code}) = lower(${code})`, eq(units.isActive, true))).limit(1);
  return u ?? null;
}

export async function regencyName(db: Db): Promise<string | null> {
  return (await findRegency(db))?.name ?? null;
}

/**
 * The units for the portal's list: top-level units by name, each followed by its active sub-units
 * (UPT, at any depth) by name. A sub-unit whose parent is inactive stands at the top level.
 */
export function unitTree(rows: readonly PortalUnitRow[]): { unit: PortalUnitRow; children: PortalUnitRow[] }[] {
  const byId = new Map(rows.map((u) => [u.id, u]));
  const topOf = (u: PortalUnitRow): PortalUnitRow => {
    let cur = u;
    for (let i = 0; i < 20 && cur.parentId && byId.has(cur.parentId); i++) cur = byId.get(cur.parentId)!;
    return cur;
  };
  const tree = new Map<string, { unit: PortalUnitRow; children: PortalUnitRow[] }>();
  for (const u of rows) if (topOf(u) === u) tree.set(u.id, { unit: u, children: [] });
  for (const u of rows) {
    if (tree.has(u.id)) continue;
    const entry = tree.get(topOf(u).id);
    if (entry) entry.children.push(u);
    else tree.set(u.id, { unit: u, children: [] }); // a parent cycle: shown on its own
  }
  return [...tree.values()];
}

/** What the portal's models are loaded with. */
export interface PortalContext { db: Db; timeZone: string; sources: readonly PublicLinkSource[]; onError: (err: unknown) => void }

export interface HomeModel { regency: string | null; tree: ReturnType<typeof unitTree>; links: GroupedLinks }
export interface UnitModel { unit: PortalUnitRow; links: GroupedLinks }

/** The links every source offers today, for the regency (unit null) or one unit. */
async function linksFor(ctx: PortalContext, unit: PortalUnitRow | null): Promise<GroupedLinks> {
  const today = dayIn(new Date(), ctx.timeZone);
  return groupLinks(await collectLinks(ctx.sources, { db: ctx.db, unit, today }, ctx.onError));
}

/** The model of /publik. */
export async function homeModel(ctx: PortalContext): Promise<HomeModel> {
  const [regency, rows, links] = await Promise.all([regencyName(ctx.db), activeUnits(ctx.db), linksFor(ctx, null)]);
  return { regency, tree: unitTree(rows), links };
}

/** The model of a unit's page, or null for no active unit of that code. */
export async function unitModel(ctx: PortalContext, code: string): Promise<UnitModel | null> {
  const unit = await activeUnitByCode(ctx.db, code);
  if (!unit) return null;
  return { unit, links: await linksFor(ctx, unit) };
}
