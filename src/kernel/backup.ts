// Portable backup and restore: one gzip-compressed JSON document holding every application table
// (every base table in the public schema, discovered from the catalogue), readable by either
// engine. A PGlite backup restores into PostgreSQL and the other way round.
//
// Format (version 1):
//   { format: 'integritas-backup', version: 1, createdAt, engine, migrations: [sha256 …],
//     auditCheckpoint?: { v, chain, seq, hash, at, sig }, tables: [{ name, rows: [row_to_json …] }] }
// auditCheckpoint (kernel/audit.ts) is the audit log's end in the backup's snapshot, signed with
// SECRET_KEY: `verify-audit FILE` checks a live log against it, and a restore keeps it in DATA_DIR.
// Tables are written parents first (foreign keys); a restore inserts them in the target's own
// foreign-key order, in one transaction, into an empty database only. bigint and numeric columns
// are written as strings so that no value loses precision through JavaScript numbers (values
// inside json/jsonb columns go through JavaScript numbers: 1.50 comes back as 1.5).
// A restore reads the whole file into memory; a backup streams table by table through a cursor.
import { createWriteStream, readFileSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzipSync } from 'node:zlib';
import { sql, type SQL } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { z } from 'zod';
import { parseCheckpoint, takeCheckpoint, writeCheckpointFile, type AuditCheckpoint } from './audit.ts';
import { MIGRATIONS_DIR, type Database, type Db } from './db.ts';

export const BACKUP_FORMAT = 'integritas-backup';
export const BACKUP_VERSION = 1;

export interface BackupStats {
  tables: number;
  rows: number;
  /** backup: the audit checkpoint written into the file; restore: the one kept in DATA_DIR */
  checkpoint?: AuditCheckpoint | null;
  /** restore: where that checkpoint came from (the backup's own, or the restored log's end when the backup's is absent or signed with another key) */
  checkpointSource?: 'backup' | 'restored_log' | 'none';
}

/** Tables `migrate` fills with shipped reference data: a fresh database has rows there, and a restore replaces them. */
const LOADED_BY_MIGRATE = ['kernel_calendar_days'];
const byNameOf = (doc: { tables: { name: string }[] }) => new Set(doc.tables.map((t) => t.name));

/** A refusal with a message meant for the operator (bad file, non-empty target, schema mismatch). */
export class BackupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
  }
}

// ---------------------------------------------------------------------------------------------
// Raw SQL inside a drizzle transaction (one connection on both engines; database.query would use
// any pooled connection on PostgreSQL, and would wait forever on PGlite's transaction mutex).

type Run = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

function runner(tx: Db): Run {
  return async <T,>(text: string, params: unknown[] = []) => {
    // $n outside "quoted identifiers" (names may contain $) becomes a bound parameter
    const chunks: SQL[] = [];
    let last = 0;
    for (const m of text.matchAll(/"(?:[^"]|"")*"|\$(\d+)/g)) {
      if (m[1] === undefined) continue;
      chunks.push(sql.raw(text.slice(last, m.index)), sql`${params[Number(m[1]) - 1]}`);
      last = m.index! + m[0].length;
    }
    chunks.push(sql.raw(text.slice(last)));
    try {
      const res = await tx.execute(sql.join(chunks));
      return (res as unknown as { rows: T[] }).rows;
    } catch (err) {
      // drizzle wraps driver errors in "Failed query: … params: …" (the params can be megabytes)
      const cause = (err as { cause?: unknown }).cause;
      throw cause instanceof Error ? cause : err;
    }
  };
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

// ---------------------------------------------------------------------------------------------
// Catalogue

interface Column { name: string; type: string; generated: boolean; identityAlways: boolean }
interface SelfReference { columns: string[]; refColumns: string[] }
interface Schema {
  /** Application tables, foreign-key parents before children. */
  tables: string[];
  columns: Map<string, Column[]>;
  primaryKeys: Map<string, string[]>;
  selfReferences: Map<string, SelfReference[]>;
}

async function readSchema(run: Run): Promise<Schema> {
  const tableRows = await run<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const names = tableRows.map((r) => r.name);
  const columns = new Map<string, Column[]>(names.map((n) => [n, []]));
  const colRows = await run<{ table: string; name: string; type: string; generated: string; identity: string }>(
    `select c.relname as "table", a.attname as name, t.typname as type,
            a.attgenerated::text as generated, a.attidentity::text as identity
       from pg_attribute a
       join pg_class c on c.oid = a.attrelid
       join pg_namespace n on n.oid = c.relnamespace
       join pg_type t on t.oid = a.atttypid
      where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      order by c.relname, a.attnum`,
  );
  for (const r of colRows) {
    columns.get(r.table)?.push({ name: r.name, type: r.type, generated: r.generated !== '', identityAlways: r.identity === 'a' });
  }
  const pkRows = await run<{ table: string; name: string }>(
    `select c.relname as "table", a.attname as name
       from pg_index i
       join pg_class c on c.oid = i.indrelid
       join pg_namespace n on n.oid = c.relnamespace
       join lateral unnest(i.indkey) with ordinality as k(attnum, ord) on true
       join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
      where n.nspname = 'public' and i.indisprimary
      order by c.relname, k.ord`,
  );
  const primaryKeys = new Map<string, string[]>();
  for (const r of pkRows) primaryKeys.set(r.table, [...(primaryKeys.get(r.table) ?? []), r.name]);

  // One row per column pair of each foreign key between two public tables.
  const fkRows = await run<{ oid: string; child: string; parent: string; col: string; refcol: string }>(
    `select con.oid::text as oid, child.relname as child, parent.relname as parent,
            ca.attname as col, pa.attname as refcol
       from pg_constraint con
       join pg_class child on child.oid = con.conrelid
       join pg_namespace cn on cn.oid = child.relnamespace
       join pg_class parent on parent.oid = con.confrelid
       join pg_namespace pn on pn.oid = parent.relnamespace
       join lateral unnest(con.conkey, con.confkey) with ordinality as k(col, refcol, ord) on true
       join pg_attribute ca on ca.attrelid = con.conrelid and ca.attnum = k.col
       join pg_attribute pa on pa.attrelid = con.confrelid and pa.attnum = k.refcol
      where con.contype = 'f' and cn.nspname = 'public' and pn.nspname = 'public'
      order by con.oid, k.ord`,
  );
  const parents = new Map<string, Set<string>>(names.map((n) => [n, new Set()]));
  const selfRefs = new Map<string, { table: string; ref: SelfReference }>();
  for (const r of fkRows) {
    if (r.child === r.parent) {
      const entry = selfRefs.get(r.oid) ?? { table: r.child, ref: { columns: [], refColumns: [] } };
      entry.ref.columns.push(r.col);
      entry.ref.refColumns.push(r.refcol);
      selfRefs.set(r.oid, entry);
    } else {
      parents.get(r.child)?.add(r.parent);
    }
  }
  const selfReferences = new Map<string, SelfReference[]>();
  for (const { table, ref } of selfRefs.values()) selfReferences.set(table, [...(selfReferences.get(table) ?? []), ref]);
  return { tables: topologicalOrder(names, parents), columns, primaryKeys, selfReferences };
}

/** Kahn's algorithm, alphabetical among ready tables; tables in a cycle go last, by name. */
function topologicalOrder(names: string[], parents: Map<string, Set<string>>): string[] {
  const pending = new Map(names.map((n) => [n, new Set([...(parents.get(n) ?? [])].filter((p) => parents.has(p)))]));
  const out: string[] = [];
  for (;;) {
    const ready = [...pending].filter(([, ps]) => ps.size === 0).map(([n]) => n).sort();
    if (ready.length === 0) break;
    for (const n of ready) {
      out.push(n);
      pending.delete(n);
      for (const ps of pending.values()) ps.delete(n);
    }
  }
  return [...out, ...[...pending.keys()].sort()];
}

async function appliedMigrations(run: Run): Promise<string[]> {
  const [{ present }] = await run<{ present: boolean }>(`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!present) return [];
  const rows = await run<{ hash: string }>(`select hash from drizzle.__drizzle_migrations order by created_at, id`);
  return rows.map((r) => r.hash);
}

/** "0001_audit_append_only" for a migration hash this code base knows, else the hash's start. */
function migrationLabel(hash: string): string {
  try {
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const files = readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR });
    const i = files.findIndex((f) => f.hash === hash);
    if (i >= 0 && journal.entries[i]) return journal.entries[i].tag;
  } catch { /* labels are a courtesy */ }
  return hash.slice(0, 12);
}

// ---------------------------------------------------------------------------------------------
// Backup

// Types whose JSON numbers could lose precision in JavaScript: written as strings.
const EXACT_AS_TEXT = new Set(['int8', 'numeric']);
const FETCH_ROWS = 500;

export async function backupToFile(database: Database, file: string, opts: { secretKey?: string } = {}): Promise<BackupStats> {
  const tmp = `${file}.${process.pid}.partial`;
  let stats: BackupStats = { tables: 0, rows: 0 };
  try {
    // One read-only snapshot: the backup is consistent even while the application writes.
    await database.db.transaction(async (tx) => {
      const run = runner(tx);
      const schema = await readSchema(run);
      const migrations = await appliedMigrations(run);
      // the audit log's end in this very snapshot, signed: the backup vouches for the log's tail
      const auditCheckpoint = opts.secretKey ? await takeCheckpoint(tx, opts.secretKey) : null;
      let rows = 0;
      async function* document(): AsyncGenerator<string> {
        const header = {
          format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), engine: database.engine, migrations,
          ...(auditCheckpoint ? { auditCheckpoint } : {}),
        };
        yield `${JSON.stringify(header).slice(0, -1)},"tables":[`;
        for (const [t, table] of schema.tables.entries()) {
          yield `${t ? ',' : ''}\n{"name":${JSON.stringify(table)},"rows":[`;
          const cols = (schema.columns.get(table) ?? []).filter((c) => !c.generated);
          const select = cols.map((c) => (EXACT_AS_TEXT.has(c.type) ? `${ident(c.name)}::text as ${ident(c.name)}` : ident(c.name))).join(', ');
          const pk = schema.primaryKeys.get(table) ?? [];
          const order = pk.length ? ` order by ${pk.map(ident).join(', ')}` : '';
          await run(`declare integritas_backup no scroll cursor for
                       select row_to_json(r)::text as j from (select ${select} from ${ident(table)}${order}) r`);
          let first = true;
          for (;;) {
            const batch = await run<{ j: string }>(`fetch forward ${FETCH_ROWS} from integritas_backup`);
            if (batch.length === 0) break;
            rows += batch.length;
            yield `${first ? '' : ','}\n${batch.map((b) => b.j).join(',\n')}`;
            first = false;
            if (batch.length < FETCH_ROWS) break;
          }
          await run('close integritas_backup');
          yield ']}';
        }
        yield '\n]}\n';
      }
      await pipeline(document, createGzip(), createWriteStream(tmp, { mode: 0o600 }));
      stats = { tables: schema.tables.length, rows, checkpoint: auditCheckpoint };
    }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
    await rename(tmp, file);
    return stats;
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading and validating a backup file

const rowSchema = z.record(z.string(), z.unknown());
const documentSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string().min(1),
  engine: z.string().min(1),
  migrations: z.array(z.string().min(1)),
  // checked with the key by whoever uses it (parseCheckpoint)
  auditCheckpoint: z.unknown().optional(),
  tables: z.array(z.object({
    name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_$]{0,62}$/, 'not a table name'),
    rows: z.array(rowSchema),
  })),
});
export type BackupDocument = z.infer<typeof documentSchema>;

/** Reads and validates a backup file; throws a BackupError saying what is wrong with it. */
export async function readBackupFile(file: string): Promise<BackupDocument> {
  let compressed: Buffer;
  try {
    compressed = await readFile(file);
  } catch (err) {
    throw new BackupError(`Cannot read the backup file ${file}: ${(err as Error).message}`);
  }
  let text: string;
  try {
    text = gunzipSync(compressed).toString('utf8');
  } catch (err) {
    throw new BackupError(`${file} is not a readable Integritas backup: it is not gzip-compressed, or it is truncated or corrupted (${(err as Error).message}).`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new BackupError(`${file} is not a readable Integritas backup: its content is not valid JSON (${(err as Error).message}).`);
  }
  const head = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
  if (head.format !== BACKUP_FORMAT) {
    throw new BackupError(`${file} is not an Integritas backup (its "format" field is not "${BACKUP_FORMAT}").`);
  }
  if (head.version !== BACKUP_VERSION) {
    throw new BackupError(`${file} is an Integritas backup of format version ${JSON.stringify(head.version)}; this version of Integritas reads version ${BACKUP_VERSION}.`);
  }
  const parsed = documentSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(document)'}: ${i.message}`);
    throw new BackupError(`${file} is a malformed Integritas backup: ${issues.join('; ')}.`);
  }
  const seen = new Set<string>();
  for (const t of parsed.data.tables) {
    if (seen.has(t.name)) throw new BackupError(`${file} is a malformed Integritas backup: table ${t.name} appears twice.`);
    seen.add(t.name);
  }
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------
// Restore

const INSERT_MAX_ROWS = 1000;
const INSERT_MAX_CHARS = 4_000_000;

/**
 * Restores a backup into an empty database. With `dataDir` and `secretKey`, the audit checkpoint
 * in DATA_DIR is replaced afterwards: by the backup's own when it is signed with this key (so a
 * backup whose audit tail was cut shows in verify-audit), else by the restored log's end.
 */
export async function restoreFromFile(database: Database, file: string, opts: { secretKey?: string; dataDir?: string } = {}): Promise<BackupStats> {
  const doc = await readBackupFile(file);
  const stats = await restoreDocument(database, doc);
  if (!opts.secretKey || !opts.dataDir) return stats;
  const own = doc.auditCheckpoint === undefined ? null : parseCheckpoint(doc.auditCheckpoint, opts.secretKey);
  if (own?.ok) {
    await writeCheckpointFile(opts.dataDir, own.checkpoint);
    return { ...stats, checkpoint: own.checkpoint, checkpointSource: 'backup' };
  }
  const fresh = await takeCheckpoint(database.db, opts.secretKey);
  if (fresh) await writeCheckpointFile(opts.dataDir, fresh);
  return { ...stats, checkpoint: fresh, checkpointSource: fresh ? 'restored_log' : 'none' };
}

async function restoreDocument(database: Database, doc: BackupDocument): Promise<BackupStats> {
  return database.db.transaction(async (tx) => {
    const run = runner(tx);
    const schema = await readSchema(run);
    const known = new Set(schema.tables);

    const missingTables = doc.tables.map((t) => t.name).filter((n) => !known.has(n));
    if (missingTables.length) {
      throw new BackupError(`Restore refused: this database has no table ${missingTables.join(', ')} (the backup comes from a different version of Integritas). Nothing was changed.`);
    }

    const applied = new Set(await appliedMigrations(run));
    const missing = doc.migrations.filter((h) => !applied.has(h));
    if (missing.length) {
      throw new BackupError(`Restore refused: the backup was made by a database with migrations this database has not applied (${missing.map(migrationLabel).join(', ')}). Upgrade Integritas and run "integritas migrate" first. Nothing was changed.`);
    }

    // Keep writers out until we commit; then make sure there is nothing to overwrite.
    if (schema.tables.length) await run(`lock table ${schema.tables.map(ident).join(', ')} in exclusive mode`);
    const nonEmpty: string[] = [];
    for (const table of schema.tables) {
      // reference data loaded by migrate (the shipped holiday calendars) is not the operator's data
      if (LOADED_BY_MIGRATE.includes(table)) continue;
      const [r] = await run<{ any: boolean }>(`select exists (select 1 from ${ident(table)}) as any`);
      if (r.any) nonEmpty.push(table);
    }
    // the backup's copy of such a table (with the administrators' edits) replaces the shipped one
    for (const table of LOADED_BY_MIGRATE) {
      if (known.has(table) && byNameOf(doc).has(table)) await run(`delete from ${ident(table)}`);
    }
    if (nonEmpty.length) {
      throw new BackupError(`Restore refused: the database already holds data (in ${nonEmpty.join(', ')}). Restore only into a new, empty database. Nothing was changed.`);
    }

    const byName = new Map(doc.tables.map((t) => [t.name, t]));
    let rows = 0;
    for (const table of schema.tables) {
      const entry = byName.get(table);
      if (!entry || entry.rows.length === 0) continue;
      const cols = schema.columns.get(table) ?? [];
      const colByName = new Map(cols.map((c) => [c.name, c]));
      const present = new Set<string>();
      for (const row of entry.rows) for (const k of Object.keys(row)) present.add(k);
      const unknown = [...present].filter((k) => !colByName.has(k));
      if (unknown.length) {
        throw new BackupError(`Restore refused: the backup's table ${table} has column(s) ${unknown.join(', ')} that this database lacks. Nothing was changed.`);
      }
      // columns absent from the backup keep their defaults; generated columns compute themselves
      const insertCols = cols.filter((c) => present.has(c.name) && !c.generated).map((c) => ident(c.name));
      const overriding = cols.some((c) => c.identityAlways && present.has(c.name)) ? ' overriding system value' : '';
      const statement = `insert into ${ident(table)} (${insertCols.join(', ')})${overriding}
                           select ${insertCols.join(', ')} from json_populate_recordset(null::${ident(table)}, $1::json)`;
      const ordered = parentsFirst(entry.rows, schema.selfReferences.get(table) ?? []);
      for (const chunk of chunks(ordered)) {
        try {
          await run(statement, [chunk]);
        } catch (err) {
          const e = err as Error & { detail?: string };
          throw new BackupError(`Restore failed while loading table ${table}: ${e.message}${e.detail ? ` (${e.detail.replace(/\.$/, '')})` : ''}. Nothing was changed.`, { cause: err });
        }
      }
      rows += entry.rows.length;
    }

    // Serial and identity columns continue after the restored values (kernel_audit_log.seq …).
    const seqs = await run<{ table: string; column: string; seq: string }>(
      `select c.relname as "table", a.attname as column,
              pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as seq
         from pg_attribute a
         join pg_class c on c.oid = a.attrelid
         join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
          and pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) is not null`,
    );
    for (const s of seqs) {
      const col = ident(s.column);
      await run(`select setval($1::regclass, coalesce(max(${col}), 1), max(${col}) is not null) from ${ident(s.table)}`, [s.seq]);
    }
    return { tables: doc.tables.length, rows };
  });
}

/** JSON texts of at most INSERT_MAX_ROWS rows / about INSERT_MAX_CHARS characters each. */
function* chunks(rows: Record<string, unknown>[]): Generator<string> {
  let parts: string[] = [];
  let size = 0;
  for (const row of rows) {
    const text = JSON.stringify(row);
    if (parts.length && (parts.length >= INSERT_MAX_ROWS || size + text.length > INSERT_MAX_CHARS)) {
      yield `[${parts.join(',')}]`;
      parts = [];
      size = 0;
    }
    parts.push(text);
    size += text.length + 1;
  }
  if (parts.length) yield `[${parts.join(',')}]`;
}

/**
 * Orders the rows of a self-referencing table (org_units.parent_id) so that every row comes after
 * the row it points at. Depth-first, iterative (deep trees do not overflow the stack); rows in a
 * reference cycle keep their relative order.
 */
export function parentsFirst<R extends Record<string, unknown>>(rows: R[], refs: SelfReference[]): R[] {
  if (refs.length === 0 || rows.length < 2) return rows;
  const keyOf = (row: R, cols: string[]) => {
    const vals = cols.map((c) => row[c]);
    return vals.some((v) => v === null || v === undefined) ? null : JSON.stringify(vals);
  };
  const indexes = refs.map((ref) => {
    const m = new Map<string, number>();
    rows.forEach((row, i) => { const k = keyOf(row, ref.refColumns); if (k !== null) m.set(k, i); });
    return m;
  });
  const parentsOf = (i: number): number[] => {
    const out: number[] = [];
    refs.forEach((ref, f) => {
      const k = keyOf(rows[i], ref.columns);
      const p = k === null ? undefined : indexes[f].get(k);
      if (p !== undefined && p !== i) out.push(p);
    });
    return out;
  };
  const state = new Uint8Array(rows.length); // 0 new, 1 on the stack, 2 placed
  const out: R[] = [];
  for (let start = 0; start < rows.length; start++) {
    if (state[start]) continue;
    const stack: { i: number; ps: number[]; next: number }[] = [{ i: start, ps: parentsOf(start), next: 0 }];
    state[start] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.next < top.ps.length) {
        const p = top.ps[top.next++];
        if (state[p] === 0) { state[p] = 1; stack.push({ i: p, ps: parentsOf(p), next: 0 }); }
        continue;
      }
      stack.pop();
      state[top.i] = 2;
      out.push(rows[top.i]);
    }
  }
  return out;
}
