// Append-only, hash-chained audit log. Each entry's hash covers its own fields and the previous
// entry's hash, so editing, deleting or reordering any row breaks every link after it.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { desc, sql } from 'drizzle-orm';
import { z } from 'zod';
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
  appended++;
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

// ---- checkpoint: the tail ------------------------------------------------------------------------
// The chain shows an edited or deleted entry by the entries after it; deleting the newest entries
// leaves nothing after them. So the latest sequence number and hash are also kept outside the
// table, signed with SECRET_KEY: in a file in DATA_DIR (advanced after requests that appended, and
// by the server's timer) and in every backup. `verify-audit` compares the table with them and with
// the sequence's last value: a log that ends before its checkpoint has lost its tail.

export const CHECKPOINT_FILE = 'audit-checkpoint.json';

export interface AuditCheckpoint {
  v: 1;
  /** hash of the log's first entry: which log this is (a new database starts another) */
  chain: string;
  seq: number;
  hash: string;
  /** when the checkpoint was taken */
  at: string;
  /** HMAC-SHA256 with SECRET_KEY over the fields above */
  sig: string;
}

const checkpointSchema = z.object({
  v: z.literal(1), chain: z.string().regex(/^[0-9a-f]{64}$/), seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/), at: z.string().min(1).max(40), sig: z.string().min(1).max(100),
});

function checkpointMac(secret: string, cp: Omit<AuditCheckpoint, 'sig'>): string {
  return createHmac('sha256', secret).update(`audit-checkpoint\n${canonicalJson({ v: cp.v, chain: cp.chain, seq: cp.seq, hash: cp.hash, at: cp.at })}`).digest('base64url');
}

/** A checkpoint read from elsewhere (file, backup): well-formed and signed with this key? */
export function parseCheckpoint(value: unknown, secret: string): { ok: true; checkpoint: AuditCheckpoint } | { ok: false } {
  const parsed = checkpointSchema.safeParse(value);
  if (!parsed.success) return { ok: false };
  const expected = Buffer.from(checkpointMac(secret, parsed.data));
  const given = Buffer.from(parsed.data.sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false };
  return { ok: true, checkpoint: parsed.data };
}

interface Head { chain: string; seq: number; hash: string }

/** The first entry's hash and the last entry of the log (as this connection or snapshot sees it). */
export async function auditHead(db: Db): Promise<Head | null> {
  const [first] = await db.select({ hash: auditLog.hash }).from(auditLog).orderBy(auditLog.seq).limit(1);
  const [last] = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return first && last ? { chain: first.hash, seq: Number(last.seq), hash: last.hash } : null;
}

/** A signed checkpoint of the log's current end, or null for an empty log. */
export async function takeCheckpoint(db: Db, secret: string, now = new Date()): Promise<AuditCheckpoint | null> {
  const head = await auditHead(db);
  if (!head) return null;
  const body = { v: 1 as const, ...head, at: now.toISOString() };
  return { ...body, sig: checkpointMac(secret, body) };
}

export type CheckpointFile = { state: 'missing' } | { state: 'invalid' } | { state: 'ok'; checkpoint: AuditCheckpoint };

export async function readCheckpointFile(dataDir: string, secret: string): Promise<CheckpointFile> {
  let text: string;
  try {
    text = await readFile(path.join(dataDir, CHECKPOINT_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw err;
  }
  let value: unknown;
  try { value = JSON.parse(text); } catch { return { state: 'invalid' }; }
  const p = parseCheckpoint(value, secret);
  return p.ok ? { state: 'ok', checkpoint: p.checkpoint } : { state: 'invalid' };
}

/** Writes a checkpoint file atomically (a crash leaves the old one or the new one, never half). */
export async function writeCheckpointFile(dataDir: string, cp: AuditCheckpoint): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, CHECKPOINT_FILE);
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, `${JSON.stringify(cp)}\n`, { mode: 0o600 });
  await rename(tmp, file);
}

export type AdvanceResult = 'written' | 'unchanged' | 'empty' | 'behind' | 'other_chain' | 'mismatch';

// appends seen by this process (also uncommitted ones): the checkpoint is looked at only when this moved
let appended = 0;
const advancing = new Map<string, Promise<unknown>>();
const lastSeen = new Map<string, number>();

/**
 * Moves the DATA_DIR checkpoint forward to the log's end. Never backwards, nor onto another log or
 * a rewritten one: a log now shorter than its checkpoint ('behind'), with another first entry
 * ('other_chain') or another hash at the checkpoint's entry ('mismatch') keeps the evidence.
 * A checkpoint file that is unreadable or signed with another key is replaced.
 */
export function advanceCheckpoint(db: Db, dataDir: string, secret: string, opts: { force?: boolean } = {}): Promise<AdvanceResult> {
  const key = path.resolve(dataDir);
  const seen = appended;
  if (!opts.force && lastSeen.get(key) === seen) return Promise.resolve('unchanged');
  const run = async (): Promise<AdvanceResult> => {
    const head = await auditHead(db);
    if (!head) return 'empty';
    const file = await readCheckpointFile(dataDir, secret);
    if (file.state === 'ok') {
      const cp = file.checkpoint;
      if (cp.chain !== head.chain) return 'other_chain';
      if (cp.seq > head.seq) return 'behind';
      const [row] = await db.select({ hash: auditLog.hash }).from(auditLog).where(sql`${auditLog.seq} = ${cp.seq}`).limit(1);
      if (!row || row.hash !== cp.hash) return 'mismatch';
      if (cp.seq === head.seq) { lastSeen.set(key, seen); return 'unchanged'; }
    }
    const body = { v: 1 as const, ...head, at: new Date().toISOString() };
    await writeCheckpointFile(dataDir, { ...body, sig: checkpointMac(secret, body) });
    lastSeen.set(key, seen);
    return 'written';
  };
  // one at a time per data directory: an older head never lands after a newer one
  const next = (advancing.get(key) ?? Promise.resolve()).catch(() => {}).then(run);
  advancing.set(key, next);
  return next;
}

export type TailProblem = 'tail_missing' | 'checkpoint_mismatch' | 'other_chain' | 'sequence_behind';

export interface TailResult {
  ok: boolean;
  problem?: TailProblem;
  checkpoint: { seq: number; at: string };
  /** the log's last entry (null: empty) */
  lastSeq: number | null;
  /** the sequence's last value: numbers handed out, also to transactions that rolled back */
  sequence: number | null;
}

/** Compares the log with a (valid) checkpoint: is every entry up to it still there, unchanged? */
export async function verifyAuditTail(db: Db, cp: AuditCheckpoint): Promise<TailResult> {
  const head = await auditHead(db);
  const res = await db.execute(sql`select pg_sequence_last_value(pg_get_serial_sequence('kernel_audit_log', 'seq')::regclass)::text as v`);
  const raw = (res as unknown as { rows: { v: string | null }[] }).rows[0]?.v;
  const sequence = raw === null || raw === undefined ? null : Number(raw);
  const base = { checkpoint: { seq: cp.seq, at: cp.at }, lastSeq: head?.seq ?? null, sequence };
  if (!head || head.seq < cp.seq) {
    // the newest entries are gone (if the first one is gone too, the whole log is)
    return { ok: false, problem: 'tail_missing', ...base };
  }
  if (head.chain !== cp.chain) return { ok: false, problem: 'other_chain', ...base };
  const [row] = await db.select({ hash: auditLog.hash }).from(auditLog).where(sql`${auditLog.seq} = ${cp.seq}`).limit(1);
  if (!row || row.hash !== cp.hash) return { ok: false, problem: 'checkpoint_mismatch', ...base };
  // a sequence set back below numbers already used would hand them out again
  if (sequence === null || sequence < head.seq) return { ok: false, problem: 'sequence_behind', ...base };
  return { ok: true, ...base };
}
