// The one throttle of the application (sign-in, the WBS unlock page, the public forms of complaints,
// WBS and surveys): counters per bucket in kernel_throttle. A bucket is a purpose ("kind", e.g.
// 'wbs.submit', 'login.pair') and a key, counted either
//   - per day (Bucket: a row per day), for the public forms' daily limits and budgets, or
//   - in a window (WindowBucket: one row whose window begins with its first count and, once
//     `windowMs` has passed, begins anew — count and block cleared — with the next), for bursts and
//     failures; a windowed bucket may also be blocked until a time (the sign-in's block and delay).
// Keys never hold what they count for: for a client, an HMAC of the purpose, the day and the client
// address under the server secret (no address is stored, a key changes every day so rows of one day
// cannot be linked to the next, and it differs per purpose so a WBS reporter's key cannot be matched
// with the same client's complaint key); other users hash their own keys the same way (kernel/auth.ts,
// the surveys' public.rules.ts); for an overall budget, a fixed name (OVERALL). Counting is one
// upsert that returns the new total, so concurrent requests cannot both slip under a limit;
// refusals are DomainError('throttled', code).
import { createHmac } from 'node:crypto';
import { and, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import { DomainError } from './errors.ts';
import { throttleCounters as t } from './schema.ts';
import { addDays, type IsoDate } from './workdays.ts';

/** The key of an overall (not per-client) budget. */
export const OVERALL = 'overall';

/** Days kept before pruning (yesterday's rows may still be read around midnight). */
const KEEP_DAYS = 2;
/** Windowed rows are kept this long after their window began; no window or block may last longer. */
const KEEP_WINDOW_MS = KEEP_DAYS * 24 * 3_600_000;

/**
 * A client's key for one purpose and day: HMAC-SHA256(secret, purpose | day | address), base64url.
 * Salted by the server secret and rotated daily; the address itself is never stored.
 */
export function clientKey(secret: string, purpose: string, day: IsoDate, address: string): string {
  return createHmac('sha256', secret).update(`throttle\0${purpose}\0${day}\0${address}`).digest('base64url').slice(0, 32);
}

/** A daily bucket: what `key` did for `kind` on `day`. */
export interface Bucket { key: string; kind: string; day: IsoDate }

/** A windowed bucket: what `key` did for `kind` since its window began, the window lasting `windowMs`. */
export interface WindowBucket { key: string; kind: string; windowMs: number }

// ---- daily buckets ---------------------------------------------------------------------------------

/** Adds `amount` (default 1) to a bucket and returns the new total. Old rows are pruned now and then. */
export async function count(db: Db, b: Bucket, amount = 1): Promise<number> {
  const [row] = await db.insert(t).values({ key: b.key, kind: b.kind, day: b.day, count: amount })
    .onConflictDoUpdate({ target: [t.key, t.kind, t.day], set: { count: sql`${t.count} + ${amount}` } })
    .returning({ count: t.count });
  if (Math.random() < 0.05) await pruneDays(db, b.day);
  return Number(row?.count ?? amount);
}

/**
 * Takes back `amount` (default 1) of a bucket's day: an attempt counted before it was checked that
 * turned out not to count (e.g. the right receipt), so checking and counting stay one upsert.
 */
export async function uncount(db: Db, b: Bucket, amount = 1): Promise<void> {
  await db.update(t).set({ count: sql`greatest(${t.count} - ${amount}, 0)` })
    .where(and(eq(t.key, b.key), eq(t.kind, b.kind), eq(t.day, b.day)));
}

/**
 * Counts one attempt (or `amount` units) and refuses when the day's total passes `limit`. The
 * attempt stays counted when refused (a client hammering the form keeps being refused); run it in
 * the caller's transaction when the count must be undone with a failure (e.g. bytes of a report
 * that is not stored).
 */
export async function spend(db: Db, b: Bucket, limit: number, code: string, params: Record<string, string | number> = {}, amount = 1): Promise<number> {
  const total = await count(db, b, amount);
  if (total > limit) throw new DomainError('throttled', code, params);
  return total;
}

// ---- windowed buckets ------------------------------------------------------------------------------

const sameWindowBucket = (w: Pick<WindowBucket, 'key' | 'kind'>) => and(eq(t.key, w.key), eq(t.kind, w.kind), isNull(t.day));

/**
 * Adds `amount` (default 1) to a windowed bucket and returns the count of its window: the current
 * one, or a new one beginning now when the last began `windowMs` or longer ago (its block is then
 * cleared too). One statement, so concurrent counts each see their own total.
 */
export async function countInWindow(db: Db, w: WindowBucket, now: Date, amount = 1): Promise<number> {
  if (w.windowMs > KEEP_WINDOW_MS) throw new Error(`throttle window of ${w.windowMs} ms is longer than its rows are kept`);
  const passed = sql`${t.windowStart} < ${new Date(now.getTime() - w.windowMs)}`;
  const [row] = await db.insert(t).values({ key: w.key, kind: w.kind, day: null, windowStart: now, count: amount })
    .onConflictDoUpdate({
      target: [t.key, t.kind, t.day],
      set: {
        count: sql`case when ${passed} then ${amount} else ${t.count} + ${amount} end`,
        windowStart: sql`case when ${passed} then ${now} else ${t.windowStart} end`,
        blockedUntil: sql`case when ${passed} then null else ${t.blockedUntil} end`,
      },
    })
    .returning({ count: t.count });
  if (Math.random() < 0.05) await pruneWindows(db, now);
  return Number(row?.count ?? amount);
}

/**
 * Counts one attempt in the window and refuses when the window's total passes `limit` (the attempt
 * stays counted, as with `spend`).
 */
export async function spendInWindow(db: Db, w: WindowBucket, now: Date, limit: number, code: string, params: Record<string, string | number> = {}): Promise<number> {
  const total = await countInWindow(db, w, now);
  if (total > limit) throw new DomainError('throttled', code, params);
  return total;
}

/**
 * Takes back one count of a windowed bucket (an attempt counted before it was checked that turned
 * out not to count, e.g. a successful sign-in): the row goes when that was its only count, so the
 * next count begins a window of its own, as if this attempt had never been counted.
 */
export async function uncountInWindow(db: Db, w: Pick<WindowBucket, 'key' | 'kind'>): Promise<void> {
  await db.delete(t).where(and(sameWindowBucket(w), lte(t.count, 1)));
  await db.update(t).set({ count: sql`${t.count} - 1` }).where(and(sameWindowBucket(w), gt(t.count, 1)));
}

/** Blocks a windowed bucket until `until` (kept until its next window begins). */
export async function blockUntil(db: Db, w: Pick<WindowBucket, 'key' | 'kind'>, until: Date): Promise<void> {
  await db.update(t).set({ blockedUntil: until }).where(sameWindowBucket(w));
}

/** Until when a windowed bucket is blocked, when that is after `now`; else null. */
export async function blockedUntil(db: Db, w: Pick<WindowBucket, 'key' | 'kind'>, now: Date): Promise<Date | null> {
  const [row] = await db.select({ blockedUntil: t.blockedUntil }).from(t).where(sameWindowBucket(w)).limit(1);
  return row?.blockedUntil && row.blockedUntil > now ? row.blockedUntil : null;
}

/** Forgets windowed buckets (e.g. an account's failures after it signed in). */
export async function forgetWindows(db: Db, buckets: Pick<WindowBucket, 'key' | 'kind'>[]): Promise<void> {
  for (const kind of new Set(buckets.map((b) => b.kind))) {
    await db.delete(t).where(and(eq(t.kind, kind), isNull(t.day), inArray(t.key, buckets.filter((b) => b.kind === kind).map((b) => b.key))));
  }
}

// ---- pruning ----------------------------------------------------------------------------------------

/** Deletes the daily counters of days before yesterday and the windows begun more than two days ago. */
export async function prune(db: Db, today: IsoDate, now = new Date()): Promise<void> {
  await pruneDays(db, today);
  await pruneWindows(db, now);
}

async function pruneDays(db: Db, today: IsoDate): Promise<void> {
  await db.delete(t).where(lt(t.day, addDays(today, -KEEP_DAYS)));
}

async function pruneWindows(db: Db, now: Date): Promise<void> {
  await db.delete(t).where(and(isNotNull(t.windowStart), lt(t.windowStart, new Date(now.getTime() - KEEP_WINDOW_MS)),
    or(isNull(t.blockedUntil), lt(t.blockedUntil, now))));
}
