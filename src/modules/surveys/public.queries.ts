// Reads and writes of the public survey side: the public unit by its code, the open period of a
// kind for a day, published periods, response inserts with their duplicate check, spent form
// timestamps, one-time receipt codes and counter devices (the burst guard is the kernel's throttle,
// kernel/throttle.ts). No address, agent or account of a respondent ever reaches these tables.
import { and, asc, desc, eq, gte, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db.ts';
import { orgUnits as units } from '../org/index.ts';
import { codes, devices, periods, responses, spentStamps } from './surveys.schema.ts';

export type PeriodRow = typeof periods.$inferSelect;

export interface PublicUnit { id: string; code: string; name: string; shortName: string; address: string | null }

export async function findPublicUnit(db: Db, code: string): Promise<PublicUnit | null> {
  const [u] = await db.select({ id: units.id, code: units.code, name: units.name, shortName: units.shortName, address: units.address })
    .from(units).where(and(sql`lower(${units.code}) = lower(${code})`, eq(units.isActive, true))).limit(1);
  return u ?? null;
}

/** The unit's open period of a kind whose dates include the day (the latest starting, if several). */
export async function findOpenPeriod(db: Db, unitId: string, kind: string, day: string): Promise<PeriodRow | null> {
  const [p] = await db.select().from(periods)
    .where(and(eq(periods.unitId, unitId), eq(periods.kind, kind), eq(periods.status, 'open'), lte(periods.startsOn, day), gte(periods.endsOn, day)))
    .orderBy(desc(periods.startsOn)).limit(1);
  return p ?? null;
}

export async function findPeriod(db: Db, unitId: string, periodId: string): Promise<PeriodRow | null> {
  const [p] = await db.select().from(periods).where(and(eq(periods.id, periodId), eq(periods.unitId, unitId))).limit(1);
  return p ?? null;
}

/** Published periods of a unit, newest first (the public results page). */
export async function publishedPeriods(db: Db, unitId: string): Promise<PeriodRow[]> {
  return db.select().from(periods).where(and(eq(periods.unitId, unitId), isNotNull(periods.publishedAt)))
    .orderBy(desc(periods.year), desc(periods.startsOn), asc(periods.kind));
}

export interface NewResponse {
  periodId: string;
  unitId: string;
  serviceId: string | null;
  answers: number[];
  profile: Record<string, string>;
  suggestion: string | null;
  dedupKey: string | null;
  codeId: string | null;
  submittedAt: Date;
}

/** Serialises submissions of one duplicate key (transaction-scoped; no table lock). */
export async function lockKey(tx: Db, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

export async function insertResponse(tx: Db, r: NewResponse): Promise<number> {
  const [row] = await tx.insert(responses).values({ ...r, channel: 'online' }).returning({ id: responses.id });
  return row.id;
}

/**
 * Inserts the response only while its duplicate key has fewer than `allowance` responses in the
 * period (count and insert in one statement; the caller holds the key's lock). Null when refused.
 */
export async function insertResponseUnder(tx: Db, r: NewResponse & { dedupKey: string }, allowance: number): Promise<number | null> {
  const res = await tx.execute(sql`
    insert into surveys_responses (period_id, unit_id, service_id, answers, profile, suggestion, channel, dedup_key, code_id, submitted_at)
    select ${r.periodId}, ${r.unitId}, ${r.serviceId}, array[${sql.join(r.answers.map((a) => sql`${a}`), sql`, `)}]::smallint[],
      ${JSON.stringify(r.profile)}::jsonb, ${r.suggestion}, 'online', ${r.dedupKey}, ${r.codeId}, ${r.submittedAt}
    where (select count(*) from surveys_responses where period_id = ${r.periodId} and dedup_key = ${r.dedupKey}) < ${allowance}
    returning id`);
  const rows = (res as unknown as { rows: { id: number | string }[] }).rows;
  return rows.length ? Number(rows[0].id) : null;
}

/** Spends a form's timestamp (by its signature); false when it was spent before (a replay). */
export async function spendStamp(tx: Db, signature: string, now: Date): Promise<boolean> {
  const rows = await tx.insert(spentStamps).values({ signature, spentAt: now }).onConflictDoNothing().returning({ signature: spentStamps.signature });
  return rows.length === 1;
}

export type DeviceRow = typeof devices.$inferSelect;

/** A registered, not revoked counter device of the unit; null otherwise (then the browser is an ordinary phone). */
export async function findActiveDevice(db: Db, deviceId: string, unitId: string): Promise<DeviceRow | null> {
  const [d] = await db.select().from(devices).where(and(eq(devices.id, deviceId), eq(devices.unitId, unitId), isNull(devices.revokedAt))).limit(1);
  return d ?? null;
}

/** Marks an unused code of the period used, atomically; null when there is no such unused code. */
export async function useCode(tx: Db, periodId: string, codeHash: string, now: Date): Promise<string | null> {
  const [row] = await tx.update(codes).set({ usedAt: now })
    .where(and(eq(codes.periodId, periodId), eq(codes.codeHash, codeHash), isNull(codes.usedAt)))
    .returning({ id: codes.id });
  return row?.id ?? null;
}

/**
 * Whether anything is due to be forgotten: a spent form timestamp from before `before`. Every
 * response with a duplicate key is stored with its spent timestamp (same transaction, same time),
 * and both are forgotten together, so this one indexed probe answers for the keys too.
 */
export async function hasKeysBefore(db: Db, before: Date): Promise<boolean> {
  const [row] = await db.select({ signature: spentStamps.signature }).from(spentStamps).where(lt(spentStamps.spentAt, before)).limit(1);
  return !!row;
}

/**
 * Forgets what is no longer needed: spent form timestamps, and the duplicate keys of responses
 * from before yesterday (after that no check needs them, so nothing links a response to a client
 * key any more). The burst guard's rows are pruned by the kernel's throttle.
 */
export async function forgetOldKeys(db: Db, before: Date): Promise<void> {
  // a timestamp older than the maximum form age is refused anyway: its spent record can go
  await db.delete(spentStamps).where(sql`${spentStamps.spentAt} < ${before}`);
  await db.update(responses).set({ dedupKey: null }).where(and(isNotNull(responses.dedupKey), sql`${responses.submittedAt} < ${before}`));
}
