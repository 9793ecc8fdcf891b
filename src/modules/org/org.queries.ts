// The only code touching org_* tables. Every list and lookup takes the actor's scope.
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../../kernel/access.ts';
import { inUnits, type Db } from '../../kernel/db.ts';
import { accounts, auditLog } from '../../kernel/schema.ts';
import { people, regencies, roleAssignments, units } from './org.schema.ts';

export type UnitRow = typeof units.$inferSelect;
export type PersonRow = typeof people.$inferSelect;

export async function findRegency(db: Db) {
  const [r] = await db.select().from(regencies).orderBy(asc(regencies.createdAt)).limit(1);
  return r ?? null;
}

export async function listUnits(db: Db, scope: Scope, opts: { includeInactive?: boolean } = {}) {
  const rows = await db.select({
    unit: units,
    // qualified by hand: drizzle leaves the column unqualified in a single-table select
    peopleCount: sql<number>`(select count(*)::int from org_people p where p.unit_id = org_units.id and p.is_active)`,
  }).from(units)
    .where(and(inUnits(scope, units.id), opts.includeInactive ? sql`true` : eq(units.isActive, true)))
    .orderBy(asc(units.name));
  return rows.map((r) => ({ ...r.unit, peopleCount: Number(r.peopleCount) }));
}

export async function findUnit(db: Db, scope: Scope, id: string): Promise<UnitRow | null> {
  const [u] = await db.select().from(units).where(and(eq(units.id, id), inUnits(scope, units.id))).limit(1);
  return u ?? null;
}

/** Each unit with all its descendants (sub-units, UPT), for scope expansion. */
export async function unitDescendants(db: Db): Promise<Map<string, string[]>> {
  const all = await db.select({ id: units.id, parentId: units.parentId }).from(units);
  const children = new Map<string, string[]>();
  for (const u of all) {
    if (!u.parentId) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u.id);
    children.set(u.parentId, list);
  }
  const out = new Map<string, string[]>();
  for (const u of all) {
    const seen = new Set<string>([u.id]);
    const stack = [u.id];
    while (stack.length) for (const c of children.get(stack.pop()!) ?? []) if (!seen.has(c)) { seen.add(c); stack.push(c); }
    out.set(u.id, [...seen]);
  }
  return out;
}

export interface PeopleFilter {
  q?: string;
  unitId?: string;
  positionClass?: string;
  status?: 'active' | 'inactive' | 'all';
  sort?: 'name' | 'nip' | 'unit' | 'position';
  dir?: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** A row of a people list: the person, their unit's short name and their account's username. */
export type PersonListRow = PersonRow & { unitName: string; username: string | null };

export async function listPeople(db: Db, scope: Scope, f: PeopleFilter): Promise<{ rows: PersonListRow[]; total: number }> {
  const conds: SQL[] = [inUnits(scope, people.unitId)];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(or(ilike(people.name, like), ilike(people.nip, like), ilike(people.position, like))!);
  }
  if (f.unitId) conds.push(eq(people.unitId, f.unitId));
  if (f.positionClass) conds.push(eq(people.positionClass, f.positionClass));
  if (f.status !== 'all') conds.push(eq(people.isActive, f.status !== 'inactive'));
  const where = and(...conds);
  const sortCol = { name: people.name, nip: people.nip, unit: units.shortName, position: people.position }[f.sort ?? 'name'];
  const rows = await db.select({ person: people, unitName: units.shortName, username: accounts.username })
    .from(people).innerJoin(units, eq(units.id, people.unitId)).leftJoin(accounts, eq(accounts.id, people.accountId))
    .where(where)
    .orderBy(f.dir === 'desc' ? desc(sortCol) : asc(sortCol), asc(people.id))
    .limit(f.limit).offset(f.offset);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(people).where(where);
  return { rows: rows.map((r) => ({ ...r.person, unitName: r.unitName, username: r.username })), total: Number(n) };
}

export async function findPerson(db: Db, scope: Scope, id: string) {
  const [r] = await db.select({ person: people, unitName: units.name, unitShort: units.shortName })
    .from(people).innerJoin(units, eq(units.id, people.unitId))
    .where(and(eq(people.id, id), inUnits(scope, people.unitId))).limit(1);
  return r ? { ...r.person, unitName: r.unitName, unitShort: r.unitShort } : null;
}

export async function findPersonByNip(db: Db, nip: string) {
  const [p] = await db.select({ id: people.id }).from(people).where(eq(people.nip, nip)).limit(1);
  return p ?? null;
}

export async function findPersonByAccount(db: Db, accountId: string) {
  const [p] = await db.select().from(people).where(eq(people.accountId, accountId)).limit(1);
  return p ?? null;
}

export async function listGrantsOf(db: Db, accountId: string) {
  return db.select({ a: roleAssignments, unitName: units.shortName })
    .from(roleAssignments).leftJoin(units, eq(units.id, roleAssignments.unitId))
    .where(eq(roleAssignments.accountId, accountId))
    .orderBy(asc(roleAssignments.role), asc(units.shortName));
}

/** Role holders of one unit (for the unit page: pimpinan, Tim Kerja ZI, handlers). */
export async function listUnitRoleHolders(db: Db, unitId: string) {
  return db.select({ role: roleAssignments.role, area: roleAssignments.area, displayName: accounts.displayName, accountId: accounts.id })
    .from(roleAssignments).innerJoin(accounts, eq(accounts.id, roleAssignments.accountId))
    .where(eq(roleAssignments.unitId, unitId))
    .orderBy(asc(roleAssignments.role), asc(accounts.displayName));
}

export async function listAccounts(db: Db, f: { q?: string; limit: number; offset: number }) {
  const conds: SQL[] = [];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(or(ilike(accounts.username, like), ilike(accounts.displayName, like))!);
  }
  const where = conds.length ? and(...conds) : undefined;
  const rows = await db.select({
    account: accounts, unitName: units.shortName, personId: people.id,
    roles: sql<string[]>`coalesce((select array_agg(distinct ra.role order by ra.role) from org_role_assignments ra where ra.account_id = ${accounts.id}), '{}')`,
  }).from(accounts).leftJoin(people, eq(people.accountId, accounts.id)).leftJoin(units, eq(units.id, people.unitId))
    .where(where).orderBy(asc(accounts.username)).limit(f.limit).offset(f.offset);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(accounts).where(where);
  return { rows, total: Number(n) };
}

export async function findAccount(db: Db, id: string) {
  const [a] = await db.select().from(accounts).where(eq(accounts.id, id)).limit(1);
  return a ?? null;
}

export async function findAccountByUsername(db: Db, username: string) {
  const [a] = await db.select({ id: accounts.id }).from(accounts).where(sql`lower(${accounts.username}) = lower(${username})`).limit(1);
  return a ?? null;
}

/**
 * The accounts holding a role on a unit, and with `nearest`, on the closest unit above it that has
 * holders (a grant on a unit covers its sub-units: a UPT without its own handler is served by its
 * parent's). The unit itself comes first.
 */
export async function accountsHoldingRoleOver(db: Db, role: string, unitId: string): Promise<{ accountId: string; unitId: string; depth: number }[]> {
  const res = await db.execute(sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from org_units where id = ${unitId}
      union all select u.id, u.parent_id, up.depth + 1 from org_units u join up on u.id = up.parent_id where up.depth < 10
    )
    select ra.account_id, ra.unit_id, up.depth from org_role_assignments ra join up on up.id = ra.unit_id
    where ra.role = ${role} order by up.depth, ra.account_id`);
  const rows = (res as unknown as { rows?: { account_id: string; unit_id: string; depth: number }[] }).rows ?? [];
  return rows.map((r) => ({ accountId: r.account_id, unitId: r.unit_id, depth: Number(r.depth) }));
}

export async function accountsHoldingRole(db: Db, role: string, unitId: string | null) {
  const rows = await db.select({ accountId: roleAssignments.accountId }).from(roleAssignments)
    .where(and(eq(roleAssignments.role, role), unitId ? eq(roleAssignments.unitId, unitId) : isNull(roleAssignments.unitId)));
  return rows.map((r) => r.accountId);
}

/** The regency-wide figures of the home page: active units, people and accounts. */
export async function regencyStats(db: Db): Promise<{ units: number; people: number; accounts: number }> {
  const [u] = await db.select({ n: sql<number>`count(*)::int` }).from(units).where(eq(units.isActive, true));
  const [p] = await db.select({ n: sql<number>`count(*)::int` }).from(people).where(eq(people.isActive, true));
  const [a] = await db.select({ n: sql<number>`count(*)::int` }).from(accounts).where(eq(accounts.isActive, true));
  return { units: Number(u.n), people: Number(p.n), accounts: Number(a.n) };
}

/** A page of the audit log, newest first, optionally narrowed to actions starting with `action`. */
export async function listAuditLog(db: Db, f: { action?: string; limit: number; offset: number }) {
  const where = f.action ? sql`${auditLog.action} like ${`${f.action.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}` : sql`true`;
  const rows = await db.select().from(auditLog).where(where).orderBy(sql`${auditLog.seq} desc`).limit(f.limit).offset(f.offset);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
  return { rows, total: Number(n) };
}

// ---- lookups other modules ask for (they never read org's tables themselves) --------------------

/** The names of these units (unknown ids are left out): for lists of another module's records. */
export async function unitNames(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  const out = new Map<string, string>();
  for (let i = 0; i < wanted.length; i += 500) {
    for (const u of await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, wanted.slice(i, i + 500)))) out.set(u.id, u.name);
  }
  return out;
}

/** The unit with this code (any state), or null. */
export async function findUnitByCode(db: Db, code: string): Promise<UnitRow | null> {
  const [u] = await db.select().from(units).where(eq(units.code, code)).limit(1);
  return u ?? null;
}

/** Whether the account holds the role on any unit (or regency-wide). */
export async function holdsRole(db: Db, accountId: string, role: string): Promise<boolean> {
  const [r] = await db.select({ id: roleAssignments.accountId }).from(roleAssignments)
    .where(and(eq(roleAssignments.accountId, accountId), eq(roleAssignments.role, role))).limit(1);
  return !!r;
}

/** Every grant of a role with the holder's display name and the unit's name, by unit name then holder. */
export async function roleGrantsNamed(db: Db, role: string): Promise<{ accountId: string; name: string; unitName: string | null }[]> {
  return db.select({ accountId: accounts.id, name: accounts.displayName, unitName: units.name })
    .from(roleAssignments).innerJoin(accounts, eq(accounts.id, roleAssignments.accountId)).leftJoin(units, eq(units.id, roleAssignments.unitId))
    .where(eq(roleAssignments.role, role)).orderBy(asc(units.name), asc(accounts.displayName));
}

/**
 * The active accounts holding a role on a unit or on any unit above it, and those holding it on a
 * unit of one of `regencyWideKinds` (e.g. the Inspektorat, whose grant covers the whole regency).
 */
export async function activeRoleHoldersAbove(db: Db, role: string, unitId: string | null, regencyWideKinds: readonly string[] = []): Promise<string[]> {
  const kinds = regencyWideKinds.length ? sql`or ra.unit_id in (select id from org_units where kind in (${sql.join(regencyWideKinds.map((k) => sql`${k}`), sql`, `)}))` : sql``;
  const res = await db.execute(sql`
    with recursive anc(id, parent_id) as (
      select id, parent_id from org_units where id = ${unitId}
      union select u.id, u.parent_id from org_units u join anc on u.id = anc.parent_id)
    select distinct ra.account_id from org_role_assignments ra
    join ${accounts} a on a.id = ra.account_id and a.is_active
    where ra.role = ${role} and (ra.unit_id in (select id from anc) ${kinds})`);
  return ((res as unknown as { rows?: { account_id: string }[] }).rows ?? []).map((r) => r.account_id);
}

export { units, people, roleAssignments, regencies };
