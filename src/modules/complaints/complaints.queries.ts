// Reads of the complaints module: the tracking page's look-up (public entries only), the handler's
// list a page at a time, one complaint with its timeline, the units and handlers its forms offer, the
// statistics of a period and the home page's tasks. Every staff read takes the actor's scope (inUnits).
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../../kernel/access.ts';
import { offDays } from '../../kernel/calendar.ts';
import { inUnits, type Db } from '../../kernel/db.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import type { FileStore } from '../../kernel/files.ts';
import { accounts } from '../../kernel/schema.ts';
import type { Task, TaskSource } from '../../kernel/tasks.ts';
import { isUuid } from '../../kernel/validate.ts';
import { dayIn, type IsoDate, type OffDays } from '../../kernel/workdays.ts';
import { accountsHoldingRoleOver, findRegency, findUnit, listUnits, orgUnits } from '../org/index.ts';
import { CATEGORIES, CHANNELS, OPEN_STATES, STATES, deadlineOf, hashCode, normaliseCode, parsePeriod, slaStatus, statsOf, type Period, type SlaStatus } from './complaints.rules.ts';
import { complaintEntries, complaints } from './complaints.schema.ts';

export type ComplaintRow = typeof complaints.$inferSelect;
export type EntryRow = typeof complaintEntries.$inferSelect;
export type NewComplaint = typeof complaints.$inferInsert;

/** Which of these SP4N-LAPOR! references are already recorded (looked up 500 at a time). */
export async function knownLaporRefs(db: Db, refs: readonly string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let i = 0; i < refs.length; i += 500) {
    const chunk = refs.slice(i, i + 500);
    for (const r of await db.select({ ref: complaints.laporRef }).from(complaints).where(inArray(complaints.laporRef, chunk))) known.add(r.ref!);
  }
  return known;
}

/** Open complaints of a unit received in a period that have had no reply yet. */
export async function unansweredCount(db: Db, unitId: string, period: Period): Promise<number> {
  const [u] = await db.select({ n: sql<number>`count(*)::int` }).from(complaints).where(and(eq(complaints.unitId, unitId), gte(complaints.receivedOn, period.from), lte(complaints.receivedOn, period.to),
    inArray(complaints.state, ['received', 'in_process']), sql`${complaints.firstResponseOn} is null`));
  return Number(u?.n ?? 0);
}

const inScope = (scope: Scope): SQL => inUnits(scope, complaints.unitId);

// ---- units the forms offer ----------------------------------------------------------------------

/** The regency's active units (the public form, forwarding). */
export async function activeUnits(db: Db) {
  return (await listUnits(db, { all: true })).filter((u) => u.isActive);
}

/** An active unit by its code (the unit's own public form), or null. */
export async function activeUnitByCode(db: Db, rawCode: string) {
  const code = rawCode.toLowerCase();
  return (await activeUnits(db)).find((u) => u.code.toLowerCase() === code) ?? null;
}

/** The units in the actor's scope (staff entry, import, list and statistics filters). */
export async function scopedUnits(db: Db, scope: Scope) {
  return listUnits(db, scope);
}

// ---- the tracking page ---------------------------------------------------------------------------

export interface Tracked {
  complaint: ComplaintRow;
  unitName: string;
  entries: { kind: string; body: string | null; at: Date; data: Record<string, unknown> }[];
  deadline: IsoDate;
}

/** The complaint of a tracking code, with its public entries only; null for an unknown code. */
export async function track(db: Db, rawCode: string): Promise<Tracked | null> {
  const n = normaliseCode(rawCode);
  if (!n) return null;
  const [row] = await db.select({ c: complaints, unitName: orgUnits.name }).from(complaints).innerJoin(orgUnits, eq(orgUnits.id, complaints.unitId))
    .where(eq(complaints.trackingHash, hashCode(n))).limit(1);
  if (!row) return null;
  const entries = await db.select({ kind: complaintEntries.kind, body: complaintEntries.body, at: complaintEntries.at, data: complaintEntries.data })
    .from(complaintEntries).where(and(eq(complaintEntries.complaintId, row.c.id), eq(complaintEntries.isPublic, true))).orderBy(asc(complaintEntries.at));
  return { complaint: row.c, unitName: row.unitName, entries: entries.map((e) => ({ ...e, data: e.data as Record<string, unknown> })), deadline: deadlineOf(row.c.receivedOn, row.c.slaDays, await offDays(db)) };
}

// ---- staff: one complaint ---------------------------------------------------------------------------

export async function findComplaint(db: Db, scope: Scope, id: string): Promise<ComplaintRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(complaints).where(and(eq(complaints.id, id), inScope(scope))).limit(1);
  return row ?? null;
}

export async function entriesOf(db: Db, complaintId: string) {
  return db.select({ e: complaintEntries, author: accounts.displayName }).from(complaintEntries)
    .leftJoin(accounts, eq(accounts.id, complaintEntries.authorId))
    .where(eq(complaintEntries.complaintId, complaintId)).orderBy(asc(complaintEntries.at));
}

/** Accounts that may be assigned: the complaint handlers of the unit and of the units above it (their grants cover it). */
export async function handlersOf(db: Db, unitId: string) {
  const ids = [...new Set((await accountsHoldingRoleOver(db, 'complaint_handler', unitId)).map((h) => h.accountId))];
  if (!ids.length) return [];
  return db.select({ id: accounts.id, name: accounts.displayName }).from(accounts).where(and(inArray(accounts.id, ids), eq(accounts.isActive, true))).orderBy(asc(accounts.displayName));
}

export interface ListedComplaint { c: ComplaintRow; unitName: string; assignee: string | null; deadline: IsoDate; sla: SlaStatus }

const withSla = <R extends { c: ComplaintRow }>(r: R, today: IsoDate, off: OffDays) => ({ ...r, deadline: deadlineOf(r.c.receivedOn, r.c.slaDays, off), sla: slaStatus(r.c, today, off) });

/** One complaint as the list shows it (deadline, SLA status, assignee's name), for its own page. */
export async function listedComplaint(db: Db, c: ComplaintRow, now = new Date()): Promise<ListedComplaint> {
  const [row] = await db.select({ unitName: orgUnits.shortName, assignee: accounts.displayName }).from(complaints)
    .innerJoin(orgUnits, eq(orgUnits.id, complaints.unitId)).leftJoin(accounts, eq(accounts.id, complaints.assigneeId)).where(eq(complaints.id, c.id));
  return withSla({ c, unitName: row?.unitName ?? '', assignee: row?.assignee ?? null }, dayIn(now), await offDays(db));
}

/** Everything the complaint's page shows (the timeline with authors, who may be assigned, where it may go); null outside the scope. */
export async function complaintModel(db: Db, scope: Scope, id: string) {
  const cpl = await findComplaint(db, scope, id);
  if (!cpl) return null;
  const [entries, handlers, unit, allUnits, listed] = await Promise.all([
    entriesOf(db, cpl.id), handlersOf(db, cpl.unitId), findUnit(db, { all: true }, cpl.unitId), activeUnits(db), listedComplaint(db, cpl),
  ]);
  return { cpl, entries, handlers, unit, allUnits, listed };
}
export type ComplaintPageModel = NonNullable<Awaited<ReturnType<typeof complaintModel>>>;

/** The attachment of a complaint in scope, to download; not found when there is none or its bytes are gone. */
export async function complaintAttachment(db: Db, files: FileStore, scope: Scope, id: string) {
  const cpl = await findComplaint(db, scope, id);
  if (!cpl || !cpl.attachmentSha) throw notFound();
  // a file missing from the store (restored database without its files) is not found, not a server error
  const bytes = await files.read(cpl.attachmentSha).catch(() => { throw notFound(); });
  return { bytes, name: cpl.attachmentName, mime: cpl.attachmentMime };
}

// ---- staff: the list --------------------------------------------------------------------------------

export interface ListFilter { unitId?: string | null; state?: string; category?: string; channel?: string; overdue?: boolean; q?: string }
export interface ComplaintPage { rows: ListedComplaint[]; total: number; overdue: number }

/**
 * One page of the handler's list (newest first) with the number matching the filter and how many of
 * those are overdue. Only the page's rows are read whole; overdue needs the working-day calendar, so
 * it is decided in code for open complaints whose calendar-day deadline has passed (a working-day
 * deadline is never earlier), which keeps a unit with tens of thousands of complaints fast.
 */
export async function listComplaints(db: Db, scope: Scope, f: ListFilter, page: { limit: number; offset: number }, now = new Date()): Promise<ComplaintPage> {
  const conds: SQL[] = [inScope(scope)];
  if (f.unitId) conds.push(eq(complaints.unitId, f.unitId));
  if (f.state) conds.push(eq(complaints.state, f.state));
  if (f.category) conds.push(eq(complaints.category, f.category));
  if (f.channel) conds.push(eq(complaints.channel, f.channel));
  const off = await offDays(db);
  const today = dayIn(now);
  const candidates = await db.select({ id: complaints.id, receivedOn: complaints.receivedOn, slaDays: complaints.slaDays }).from(complaints)
    .where(and(...conds, inArray(complaints.state, [...OPEN_STATES]), sql`${complaints.receivedOn} + ${complaints.slaDays} < ${today}::date`))
    .orderBy(desc(complaints.receivedAt), desc(complaints.id));
  const overdueIds = candidates.filter((x) => today > deadlineOf(x.receivedOn, x.slaDays, off)).map((x) => x.id);
  const select = () => db.select({ c: complaints, unitName: orgUnits.shortName, assignee: accounts.displayName }).from(complaints)
    .innerJoin(orgUnits, eq(orgUnits.id, complaints.unitId)).leftJoin(accounts, eq(accounts.id, complaints.assigneeId));
  let rows: { c: ComplaintRow; unitName: string; assignee: string | null }[];
  let total: number;
  if (f.overdue) {
    total = overdueIds.length;
    const ids = overdueIds.slice(page.offset, page.offset + page.limit);
    rows = ids.length ? await select().where(inArray(complaints.id, ids)).orderBy(desc(complaints.receivedAt), desc(complaints.id)) : [];
  } else {
    const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(complaints).where(and(...conds));
    total = Number(n?.n ?? 0);
    rows = await select().where(and(...conds)).orderBy(desc(complaints.receivedAt), desc(complaints.id)).limit(page.limit).offset(page.offset);
  }
  return { rows: rows.map((r) => withSla(r, today, off)), total, overdue: overdueIds.length };
}

export const LIST_PAGE_SIZE = 20;

/**
 * The list page from its query: the unit asked for if in scope, else every unit (a regency-wide
 * scope with several units) or the unit the person works in; unknown filter values are ignored.
 */
export async function listModel(db: Db, scope: Scope, q: (k: string) => string, currentUnitId: string | null) {
  const units = await scopedUnits(db, scope);
  const unitId = units.some((u) => u.id === q('unit')) ? q('unit') : units.length > 1 && scope.all ? '' : units.find((u) => u.id === currentUnitId)?.id ?? units[0]?.id ?? '';
  const filter = {
    unitId: unitId || null,
    state: (STATES as readonly string[]).includes(q('state')) ? q('state') : undefined,
    category: CATEGORIES.includes(q('category')) ? q('category') : undefined,
    channel: CHANNELS.includes(q('channel')) ? q('channel') : undefined,
    overdue: q('overdue') === '1',
  };
  const page = Math.max(1, Math.min(100_000, Number(q('page')) || 1));
  const found = await listComplaints(db, scope, filter, { limit: LIST_PAGE_SIZE, offset: (page - 1) * LIST_PAGE_SIZE });
  const query = { unit: unitId, state: filter.state, category: filter.category, channel: filter.channel, overdue: filter.overdue ? '1' : undefined };
  return { units, unitId, filter, page, query, all: scope.all, ...found };
}
export type ListPageModel = Awaited<ReturnType<typeof listModel>>;

// ---- statistics -----------------------------------------------------------------------------------

/** Statistics of the complaints received in a period by one unit (or every unit in scope when null). */
export async function statsFor(db: Db, scope: Scope, unitId: string | null, period: Period, now = new Date()) {
  const rows = await db.select({
    state: complaints.state, category: complaints.category, channel: complaints.channel, receivedOn: complaints.receivedOn, slaDays: complaints.slaDays,
    firstResponseOn: complaints.firstResponseOn, closedOn: complaints.closedOn, satisfaction: complaints.satisfaction,
  }).from(complaints).where(and(inScope(scope), unitId ? eq(complaints.unitId, unitId) : sql`true`, gte(complaints.receivedOn, period.from), lte(complaints.receivedOn, period.to)));
  return statsOf(rows, dayIn(now), await offDays(db));
}

/**
 * What the statistics are asked for: the period (this year by default; a bad one is refused) and
 * the unit — one in scope (another is not found), every unit when a regency-wide scope asks for
 * none, else the unit the person works in.
 */
export async function statsSelection(db: Db, scope: Scope, query: { unit?: string; period?: string }, sessionUnitId: string | null | undefined, now = new Date()) {
  const units = await scopedUnits(db, scope);
  const year = Number(dayIn(now).slice(0, 4));
  const period = query.period ? parsePeriod(query.period) : parsePeriod(String(year));
  if (!period) throw new DomainError('validation', 'complaints.err.period');
  const q = query.unit ?? '';
  let unitId: string | null;
  if (q === '' && scope.all && query.unit !== undefined) unitId = null;
  else if (q) {
    if (!units.some((u) => u.id === q)) throw notFound();
    unitId = q;
  } else unitId = scope.all ? null : units.find((u) => u.id === sessionUnitId)?.id ?? units[0]?.id ?? null;
  if (!scope.all && !unitId) throw notFound();
  return { units, period, unitId, year, now };
}

/** The statistics page: the selection and its figures. */
export async function statsModel(db: Db, scope: Scope, query: { unit?: string; period?: string }, sessionUnitId: string | null | undefined, now = new Date()) {
  const sel = await statsSelection(db, scope, query, sessionUnitId, now);
  return { ...sel, all: scope.all, stats: await statsFor(db, scope, sel.unitId, sel.period, now) };
}
export type StatsPageModel = Awaited<ReturnType<typeof statsModel>>;

/** What the report PDF of one unit and period needs; the report is of one unit, so one must be chosen. */
export async function reportData(db: Db, scope: Scope, query: { unit?: string; period?: string }, sessionUnitId: string | null | undefined, now = new Date()) {
  const { period, unitId } = await statsSelection(db, scope, query, sessionUnitId, now);
  if (!unitId) throw new DomainError('validation', 'complaints.stats.pdf_pick_unit');
  const unit = await findUnit(db, scope, unitId);
  if (!unit) throw notFound();
  const regency = await findRegency(db);
  return { unit, regency, period, stats: await statsFor(db, scope, unitId, period, now) };
}

// ---- home page tasks --------------------------------------------------------------------------------

/** What waits for a complaint handler: overdue complaints, new ones nobody was assigned, their own open ones. */
export const complaintsTasks: TaskSource = async ({ db, actor, access, now }) => {
  const scope = access.scopeOf(actor, 'complaints.handle');
  if (!scope) return [];
  const { overdue } = await listComplaints(db, scope, {}, { limit: 0, offset: 0 }, now);
  const [row] = await db.select({
    unassigned: sql<number>`count(*) filter (where ${complaints.state} = 'received' and ${complaints.assigneeId} is null)::int`,
    mine: sql<number>`count(*) filter (where ${complaints.assigneeId} = ${actor.accountId} and ${inArray(complaints.state, [...OPEN_STATES])})::int`,
  }).from(complaints).where(inScope(scope));
  const tasks: Task[] = [];
  if (overdue > 0) tasks.push({ href: '/pengaduan/kelola?overdue=1', key: 'complaints.task.overdue', params: { n: overdue }, tone: 'danger' });
  if (Number(row?.unassigned) > 0) tasks.push({ href: '/pengaduan/kelola?state=received', key: 'complaints.task.unassigned', params: { n: Number(row.unassigned) }, tone: 'warning' });
  if (Number(row?.mine) > 0) tasks.push({ href: '/pengaduan/kelola', key: 'complaints.task.mine', params: { n: Number(row.mine) }, tone: 'info' });
  return tasks;
};
