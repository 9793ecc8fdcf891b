import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { ensureShippedCalendar } from './calendar.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = PgDatabase<PgQueryResultHKT, any>;

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
    const client = await PGlite.create(dir ? { dataDir: dir } : { loadDataDir });
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
        try { await client.close(); } finally { release(); }
      },
      snapshot: () => client.dumpDataDir('none'),
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
