// Append-only, hash-chained audit log. Each entry's hash covers its own fields and the previous
// entry's hash, so editing, deleting or reordering any row breaks every link after it.
import { createHash } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import { auditLog } from './schema.ts';

export const GENESIS_HASH = '0'.repeat(64);
// Serializes appenders across connections so two transactions cannot chain to the same parent.
const AUDIT_LOCK_KEY = 7_311_964_002;

export interface AuditActor { accountId: string | null; label: string }
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  unitId?: string | null;
  data?: Record<string, unknown>;
}

export const SYSTEM_ACTOR: AuditActor = { accountId: null, label: 'system' };

/** JSON with object keys sorted at every level: the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export interface HashedFields {
  seq: number;
  at: Date;
  actorAccountId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  unitId: string | null;
  data: unknown;
  prevHash: string;
}

export function hashEntry(f: HashedFields): string {
  const body = canonicalJson({
    seq: f.seq,
    at: f.at.toISOString(),
    actor: f.actorAccountId,
    actorLabel: f.actorLabel,
    action: f.action,
    entityType: f.entityType,
    entityId: f.entityId,
    unitId: f.unitId,
    data: f.data,
  });
  return createHash('sha256').update(f.prevHash).update('\n').update(body).digest('hex');
}

/**
 * Appends an entry. Call it with the transaction that makes the change, so the change and its
 * record commit or roll back together.
 */
export async function appendAudit(tx: Db, actor: AuditActor, entry: AuditEntry, now = new Date()): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const res = await tx.execute(sql`select nextval(pg_get_serial_sequence('kernel_audit_log', 'seq'))::int as seq`);
  const seq = (res as unknown as { rows: { seq: number }[] }).rows[0].seq;
  // timestamps are stored with microseconds; keep milliseconds so the hash survives a round trip
  const at = new Date(Math.floor(now.getTime()));
  const fields: HashedFields = {
    seq: Number(seq),
    at,
    actorAccountId: actor.accountId,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    unitId: entry.unitId ?? null,
    data: JSON.parse(canonicalJson(entry.data ?? {})),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditLog).values({ ...fields, data: fields.data as object, hash: hashEntry(fields) });
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken?: { seq: number; reason: 'hash_mismatch' | 'chain_break' };
}

/** Walks the chain in order, in pages, and reports the first broken link. */
export async function verifyAudit(db: Db, pageSize = 2000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let prevSeq: number | null = null;
  let checked = 0;
  for (;;) {
    const rows: (typeof auditLog.$inferSelect)[] = await db.select().from(auditLog)
      .where(prevSeq === null ? sql`true` : sql`${auditLog.seq} > ${prevSeq}`)
      .orderBy(auditLog.seq).limit(pageSize);
    for (const r of rows) {
      const seq = Number(r.seq);
      if (r.prevHash !== prevHash) return { ok: false, checked, firstBroken: { seq, reason: 'chain_break' } };
      const expected = hashEntry({
        seq, at: r.at, actorAccountId: r.actorAccountId, actorLabel: r.actorLabel, action: r.action,
        entityType: r.entityType, entityId: r.entityId, unitId: r.unitId, data: r.data, prevHash: r.prevHash,
      });
      if (expected !== r.hash) return { ok: false, checked, firstBroken: { seq, reason: 'hash_mismatch' } };
      prevHash = r.hash;
      prevSeq = seq;
      checked++;
    }
    if (rows.length < pageSize) return { ok: true, checked };
  }
}
