import { AsyncLocalStorage } from 'node:async_hooks';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { inArray, sql, SQL } from 'drizzle-orm';
import type { PgColumn, PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Scope } from './access.ts';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { ensureShippedCalendar } from './calendar.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = PgDatabase<PgQueryResultHKT, any>;

/**
 * The actor's scope as a condition on a unit column: every unit (true), the scope's units, or none
 * (false) — the one way a query narrows rows to what the actor may see. For raw SQL, pass the column
 * as sql`alias.unit_id`.
 */
export function inUnits(scope: Scope, column: PgColumn | SQL): SQL {
  if (scope.all) return sql`true`;
  if (scope.unitIds.length === 0) return sql`false`;
  if (column instanceof SQL) return sql`${column} in (${sql.join(scope.unitIds.map((id) => sql`${id}::uuid`), sql`, `)})`;
  return inArray(column, scope.unitIds);
}

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Raw SQL for tooling (backup/restore, tests). Returns rows as plain objects. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Applies pending migrations (one linear history in migrations/). */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Embedded only: the whole data folder as an uncompressed tarball (tests reuse a migrated, seeded copy). */
  snapshot?(): Promise<Blob>;
}

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');
// Arbitrary constant shared by every process that migrates the same database.
const MIGRATION_LOCK_KEY = 7_311_964_001;

export class DataDirLockedError extends Error {
  constructor(public readonly dataDir: string, public readonly pid: number) {
    super(`The data directory ${dataDir} is in use by another Integritas process (pid ${pid}). Stop it first, or set DATA_DIR to another folder.`);
  }
}

/**
 * PGlite does not lock its data directory, and two processes writing it corrupt it. We take an
 * exclusive lock file holding our pid; a lock left by a dead process is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'integritas.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try { rmSync(lockFile, { force: true }); } catch { /* already gone */ }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) throw new DataDirLockedError(dataDir, pid);
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// ---- bounded waits for the embedded engine's one connection ------------------------------------

/** A bounded wait (boundedDbWait) for the database ran out: refuse the request (503) rather than queue it. */
export class DatabaseBusyError extends Error {
  constructor(readonly maxWaitMs: number) {
    super(`the database was busy for more than ${maxWaitMs} ms`);
    this.name = 'DatabaseBusyError';
  }
}

const waitBound = new AsyncLocalStorage<{ deadline: number; maxWaitMs: number }>();

/**
 * Runs fn with a bound on how long its database operations may queue for the embedded engine's
 * connection: an operation that has not got the connection `maxWaitMs` after fn started throws
 * DatabaseBusyError instead of waiting, so a request under overload is refused before its
 * transaction starts — never committed after the client gave up. Without a bound, operations wait
 * as long as it takes. On PostgreSQL (a pool, concurrent server) it changes nothing.
 */
export async function boundedDbWait<T>(maxWaitMs: number, fn: () => Promise<T>): Promise<T> {
  try {
    return await waitBound.run({ deadline: Date.now() + maxWaitMs, maxWaitMs }, fn);
  } catch (err) {
    // the query builder wraps a failed statement's error (with its parameters): surface the cause
    throw busyCauseOf(err) ?? err;
  }
}

/** The DatabaseBusyError an error is, or was caused by; else null. */
export function busyCauseOf(err: unknown): DatabaseBusyError | null {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DatabaseBusyError) return e;
  }
  return null;
}

interface Waiter { resolve: () => void; timer?: ReturnType<typeof setTimeout> }

/**
 * A first-in-first-out turnstile in front of PGlite's single connection: every statement and every
 * transaction passes it (a transaction holds it until it ends; its own statements run on the
 * transaction). PGlite queues the same way internally; the turnstile makes the queue visible so a
 * bounded waiter can leave it.
 */
export class ConnectionGate {
  private busy = false;
  private readonly queue: Waiter[] = [];

  /** Operations waiting for the connection. */
  get waiting(): number { return this.queue.length; }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (!this.busy) {
      this.busy = true;
      return Promise.resolve();
    }
    const bound = waitBound.getStore();
    return new Promise<void>((resolve, reject) => {
      const w: Waiter = { resolve };
      if (bound) {
        const left = bound.deadline - Date.now();
        if (left <= 0) { reject(new DatabaseBusyError(bound.maxWaitMs)); return; }
        w.timer = setTimeout(() => {
          const i = this.queue.indexOf(w);
          if (i >= 0) this.queue.splice(i, 1);
          reject(new DatabaseBusyError(bound.maxWaitMs));
        }, left);
      }
      this.queue.push(w);
    });
  }

  private release(): void {
    const next = this.queue.shift();
    if (!next) { this.busy = false; return; }
    clearTimeout(next.timer);
    next.resolve();
  }
}

/** The PGlite client with its statements and transactions passing the gate (everything else as is). */
function gated(client: PGlite, gate: ConnectionGate): PGlite {
  const through = new Set<PropertyKey>(['query', 'exec', 'transaction']);
  return new Proxy(client, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (!through.has(prop)) return value.bind(target);
      return (...args: unknown[]) => gate.run(() => value.apply(target, args));
    },
  });
}

export interface OpenOptions {
  databaseUrl?: string;
  /** Folder of the embedded database; undefined = in memory (tests). */
  dataDir?: string;
  /** Restore an embedded database from a tarball (tests use a migrated template). */
  loadDataDir?: Blob | File;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(opts.dataDir, opts.loadDataDir);
}

async function openPglite(dataDir?: string, loadDataDir?: Blob | File): Promise<Database> {
  let release = () => {};
  let dir: string | undefined;
  if (dataDir) {
    release = acquireDataDirLock(dataDir);
    dir = path.join(dataDir, 'pgdata');
  }
  try {
    const raw = await PGlite.create(dir ? { dataDir: dir } : { loadDataDir });
    const client = gated(raw, new ConnectionGate());
    const db = drizzlePglite({ client }) as unknown as Db;
    return {
      db,
      engine: 'pglite',
      query: async (text, params) => (await client.query(text, params as unknown[])).rows as never,
      // one connection, one process (guarded by the lock file): no race to guard against
      migrate: async () => {
        await migratePglite(db as never, { migrationsFolder: migrationsDir() });
        await ensureShippedCalendar(db as unknown as Db);
      },
      close: async () => {
        try { await raw.close(); } finally { release(); }
      },
      snapshot: () => raw.dumpDataDir('none'),
    };
  } catch (err) {
    release();
    throw err;
  }
}

async function openPostgres(url: string): Promise<Database> {
  // Dates as ISO-compatible strings are handled by drizzle; keep bigint counts as numbers.
  pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => { /* a broken idle client is dropped by the pool */ });
  const db = drizzlePg({ client: pool }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    query: async (text, params) => (await pool.query(text, params as unknown[])).rows as never,
    migrate: async () => {
      // Drizzle's migrator takes no lock: hold a session advisory lock on one dedicated
      // connection so that two instances starting together migrate one after the other.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        try {
          await migratePg(drizzlePg({ client }) as never, { migrationsFolder: migrationsDir() });
          // shipped holiday calendars, under the same lock (two instances must not load a year twice)
          await ensureShippedCalendar(drizzlePg({ client }) as unknown as Db);
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        }
      } finally {
        client.release();
      }
    },
    close: async () => { await pool.end(); },
  };
}

function migrationsDir(): string {
  if (!existsSync(MIGRATIONS_DIR)) throw new Error(`Migrations folder missing: ${MIGRATIONS_DIR}`);
  return MIGRATIONS_DIR;
}
