// The daily throttle of the public forms (complaints, WBS): counters per bucket and day in
// kernel_throttle. A bucket is a purpose ("kind", e.g. 'wbs.submit', 'wbs.bytes') and a key: for a
// client, an HMAC of the purpose, the day and the client address under the server secret — no
// address is stored, a key changes every day (rows of one day cannot be linked to the next) and
// differs per purpose (a WBS reporter's key cannot be matched with the same client's complaint key);
// for an overall budget, a fixed name (OVERALL). Counting is one upsert, so concurrent requests
// cannot both slip under a limit; refusals are DomainError('throttled', code).
import { createHmac } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import { DomainError } from './errors.ts';
import { throttleCounters } from './schema.ts';
import { addDays, type IsoDate } from './workdays.ts';

/** The key of an overall (not per-client) budget. */
export const OVERALL = 'overall';

/** Days kept before pruning (yesterday's rows may still be read around midnight). */
const KEEP_DAYS = 2;

/**
 * A client's key for one purpose and day: HMAC-SHA256(secret, purpose | day | address), base64url.
 * Salted by the server secret and rotated daily; the address itself is never stored.
 */
export function clientKey(secret: string, purpose: string, day: IsoDate, address: string): string {
  return createHmac('sha256', secret).update(`throttle\0${purpose}\0${day}\0${address}`).digest('base64url').slice(0, 32);
}

export interface Bucket { key: string; kind: string; day: IsoDate }

/** What a bucket has counted so far today (0 when nothing). */
export async function counted(db: Db, b: Bucket): Promise<number> {
  const [row] = await db.select({ count: throttleCounters.count }).from(throttleCounters)
    .where(and(eq(throttleCounters.key, b.key), eq(throttleCounters.kind, b.kind), eq(throttleCounters.day, b.day)));
  return Number(row?.count ?? 0);
}

/** Adds `amount` (default 1) to a bucket and returns the new total. Old days are pruned now and then. */
export async function count(db: Db, b: Bucket, amount = 1): Promise<number> {
  const [row] = await db.insert(throttleCounters).values({ key: b.key, kind: b.kind, day: b.day, count: amount })
    .onConflictDoUpdate({ target: [throttleCounters.key, throttleCounters.kind, throttleCounters.day], set: { count: sql`${throttleCounters.count} + ${amount}` } })
    .returning({ count: throttleCounters.count });
  if (Math.random() < 0.05) await prune(db, b.day);
  return Number(row?.count ?? amount);
}

/** Deletes the counters of days before yesterday. */
export async function prune(db: Db, today: IsoDate): Promise<void> {
  await db.delete(throttleCounters).where(lt(throttleCounters.day, addDays(today, -KEEP_DAYS)));
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
