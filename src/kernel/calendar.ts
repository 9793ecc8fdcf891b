// The working-day calendar kept in kernel_calendar_days: shipped years come from
// src/kernel/calendar/id-YYYY.json (loaded at start when the year has no rows yet), administrators
// add, change and remove days (audited). `offDays(db)` gives every module the set of non-working
// weekdays for the pure functions of workdays.ts, cached briefly and dropped on every edit.
import { readdirSync, readFileSync } from 'node:fs';
import { and, asc, gte, lte, sql } from 'drizzle-orm';
import { appendAudit, type AuditActor } from './audit.ts';
import type { Db } from './db.ts';
import { invalid, notFound } from './errors.ts';
import { calendarDays } from './schema.ts';
import { isIsoDate, type IsoDate, type OffDays } from './workdays.ts';

export const CALENDAR_KINDS = ['holiday', 'cuti_bersama'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

export interface ShippedYear {
  year: number;
  status: 'final' | 'provisional';
  /** ref: the record of where the dates come from (stored with each day); note: the same said to users, in each language */
  source: { tag: string; ref: string; note?: { id: string; en: string } };
  days: { day: IsoDate; kind: CalendarKind; name: { id: string; en: string }; provisional?: boolean }[];
}

const DIR = new URL('./calendar/', import.meta.url);

/** The years shipped with the product, checked (dates valid and inside their year, kinds known). */
export function shippedYears(): ShippedYear[] {
  return readdirSync(DIR).filter((f) => /^id-\d{4}\.json$/.test(f)).sort().map((f) => {
    const y = JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as ShippedYear;
    for (const d of y.days) {
      if (!isIsoDate(d.day) || !d.day.startsWith(`${y.year}-`)) throw new Error(`calendar ${f}: bad day ${d.day}`);
      if (!(CALENDAR_KINDS as readonly string[]).includes(d.kind)) throw new Error(`calendar ${f}: bad kind ${d.kind} on ${d.day}`);
      if (!d.name?.id || !d.name?.en) throw new Error(`calendar ${f}: ${d.day} needs an Indonesian and an English name`);
    }
    return y;
  });
}

/**
 * Loads each shipped year that has no day in the table yet (a year an administrator has edited is
 * left as it is). Returns the years loaded.
 */
export async function ensureShippedCalendar(db: Db): Promise<number[]> {
  const loaded: number[] = [];
  for (const y of shippedYears()) {
    const [has] = await db.select({ n: sql<number>`count(*)::int` }).from(calendarDays)
      .where(and(gte(calendarDays.day, `${y.year}-01-01`), lte(calendarDays.day, `${y.year}-12-31`)));
    if (Number(has?.n ?? 0) > 0) continue;
    const source = shippedSource(y);
    await db.insert(calendarDays).values(y.days.map((d) => ({
      day: d.day, kind: d.kind, nameId: d.name.id, nameEn: d.name.en, source, provisional: d.provisional ?? y.status === 'provisional',
    }))).onConflictDoNothing();
    loaded.push(y.year);
  }
  if (loaded.length) dropCache();
  return loaded;
}

const shippedSource = (y: ShippedYear) => `[${y.source.tag}] ${y.source.ref}`;

let notes: Map<string, { id: string; en: string }> | null = null;

/**
 * A day's basis as users read it: a shipped year's basis in the user's language (the file's note);
 * anything an administrator typed, as typed.
 */
export function sourceLabel(source: string, locale: string): string {
  notes ??= new Map(shippedYears().filter((y) => y.source.note).map((y) => [shippedSource(y), y.source.note!]));
  const note = notes.get(source);
  return note ? (locale === 'en' ? note.en : note.id) : source;
}

// ---- reading ----------------------------------------------------------------------------------

const TTL_MS = 60_000;
let cache: { at: number; off: Set<IsoDate>; years: Set<number> } | null = null;
function dropCache() { cache = null; }

/** Every listed non-working day (all years), cached for a minute and dropped on edits. */
export async function offDays(db: Db): Promise<OffDays> {
  if (cache && Date.now() - cache.at < TTL_MS) return cache.off;
  const rows = await db.select({ day: calendarDays.day }).from(calendarDays);
  const off = new Set(rows.map((r) => r.day));
  cache = { at: Date.now(), off, years: new Set(rows.map((r) => Number(r.day.slice(0, 4)))) };
  return off;
}

/** Years that have at least one listed day (a deadline in another year counts weekends only). */
export async function coveredYears(db: Db): Promise<ReadonlySet<number>> {
  await offDays(db);
  return cache!.years;
}

export async function listDays(db: Db, year: number) {
  return db.select().from(calendarDays)
    .where(and(gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`))).orderBy(asc(calendarDays.day));
}

// ---- editing (regency administrators) ---------------------------------------------------------

export interface DayInput { day?: string; kind?: string; nameId?: string; nameEn?: string; source?: string; provisional?: string }

export function parseDay(input: DayInput) {
  const errors: Record<string, string> = {};
  const day = (input.day ?? '').trim();
  if (!isIsoDate(day)) errors.day = 'calendar.day.invalid';
  else if (Number(day.slice(0, 4)) < 2000 || Number(day.slice(0, 4)) > 2100) errors.day = 'calendar.day.range';
  const kind = (input.kind ?? '').trim();
  if (!(CALENDAR_KINDS as readonly string[]).includes(kind)) errors.kind = 'calendar.kind.invalid';
  const nameId = (input.nameId ?? '').trim();
  if (!nameId) errors.nameId = 'calendar.name.required';
  else if (nameId.length > 200) errors.nameId = 'calendar.text.long';
  const nameEn = (input.nameEn ?? '').trim() || nameId;
  if (nameEn.length > 200) errors.nameEn = 'calendar.text.long';
  const source = (input.source ?? '').trim();
  if (!source) errors.source = 'calendar.source.required';
  else if (source.length > 500) errors.source = 'calendar.text.long';
  if (Object.keys(errors).length) throw invalid(errors);
  return { day, kind: kind as CalendarKind, nameId, nameEn, source, provisional: input.provisional === '1' };
}

/** Adds a day or replaces the one on that date. */
export async function saveDay(db: Db, actor: AuditActor, input: DayInput): Promise<void> {
  const v = parseDay(input);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(calendarDays).where(sql`${calendarDays.day} = ${v.day}`).for('update');
    await tx.insert(calendarDays).values({ ...v, updatedBy: actor.accountId, updatedAt: new Date() })
      .onConflictDoUpdate({ target: calendarDays.day, set: { kind: v.kind, nameId: v.nameId, nameEn: v.nameEn, source: v.source, provisional: v.provisional, updatedBy: actor.accountId, updatedAt: new Date() } });
    await appendAudit(tx, actor, {
      action: before ? 'calendar.day.update' : 'calendar.day.add', entityType: 'calendar_day', entityId: v.day,
      data: { day: v.day, kind: v.kind, name: v.nameId, provisional: v.provisional, previous: before ? { kind: before.kind, name: before.nameId } : null },
    });
  });
  dropCache();
}

/** Marks a provisional day as decreed (its date and name confirmed against the SKB); audited. */
export async function confirmDay(db: Db, actor: AuditActor, day: string): Promise<void> {
  if (!isIsoDate(day)) throw notFound();
  await db.transaction(async (tx) => {
    const [row] = await tx.update(calendarDays).set({ provisional: false, updatedBy: actor.accountId, updatedAt: new Date() })
      .where(and(sql`${calendarDays.day} = ${day}`, sql`${calendarDays.provisional}`)).returning();
    if (!row) throw notFound();
    await appendAudit(tx, actor, { action: 'calendar.day.confirm', entityType: 'calendar_day', entityId: day, data: { day, kind: row.kind, name: row.nameId } });
  });
  dropCache();
}

export async function removeDay(db: Db, actor: AuditActor, day: string): Promise<void> {
  if (!isIsoDate(day)) throw notFound();
  await db.transaction(async (tx) => {
    const [gone] = await tx.delete(calendarDays).where(sql`${calendarDays.day} = ${day}`).returning();
    if (!gone) throw notFound();
    await appendAudit(tx, actor, { action: 'calendar.day.remove', entityType: 'calendar_day', entityId: day, data: { day, kind: gone.kind, name: gone.nameId } });
  });
  dropCache();
}
