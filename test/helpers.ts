// Test harness: a fresh, migrated database per test file (PGlite in memory, or a new database on
// the PostgreSQL server named by TEST_DATABASE_URL), the app built on it, and a cookie-keeping client.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { testConfig, type Config } from '../src/kernel/config.ts';
import { openDatabase, type Database } from '../src/kernel/db.ts';
import { currentYear, dayIn, regencyToday } from '../src/kernel/workdays.ts';
import type { Mailer } from '../src/kernel/mail.ts';
import { buildApp, seedDemo, type App } from '../src/main.ts';
import { seedOrgDemo } from '../src/modules/org/index.ts';

export const DEMO_PASSWORD = 'DemoZI-2026!';
export const engine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/** Whether a day of this year ('MM-DD', in the regency) has come: what the demo, dated from today, has recorded by now. */
export const hasComeThisYear = (monthDay: string): boolean => `${currentYear()}-${monthDay}` <= regencyToday();

export interface TestDb { database: Database; url?: string; drop(): Promise<void> }

// ---- embedded snapshots ------------------------------------------------------------------------------
// Migrating and seeding an embedded database costs seconds of WebAssembly per test file. The first
// file that needs one builds it and leaves its data folder as a tarball (and the demo's evidence
// files) in node_modules/.cache; the others load that copy. The key covers every source file, the
// migrations, the PGlite version, the test configuration and the day (the demo is dated from today),
// so a changed seed or schema never reuses an old copy. INTEGRITAS_TEST_SNAPSHOTS=off builds afresh.

type SnapshotKind = 'migrated' | 'org' | 'demo';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'integritas-tests');
const snapshotsOn = process.env.INTEGRITAS_TEST_SNAPSHOTS !== 'off';
let treeHash: Promise<string> | undefined;

async function hashTree(h: ReturnType<typeof createHash>, dir: string): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await hashTree(h, full);
    else if (e.isFile()) h.update(path.relative(ROOT, full)).update('\0').update(await readFile(full)).update('\0');
  }
}

function sourcesHash(): Promise<string> {
  treeHash ??= (async () => {
    const h = createHash('sha256');
    for (const dir of ['src', 'migrations']) await hashTree(h, path.join(ROOT, dir));
    h.update(await readFile(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json')));
    return h.digest('hex');
  })();
  return treeHash;
}

/**
 * Copies left from other sources or days go after a few hours (each is some 45 MB). Ages are read
 * against the file system's clock (a marker written now), not the process's: under a faked clock a
 * copy published a moment ago must not look old to another test file.
 */
async function pruneSnapshots(maxAgeMs = 6 * 3600_000): Promise<void> {
  const marker = path.join(CACHE, `.now-${process.pid}`);
  await writeFile(marker, '');
  const now = (await stat(marker)).mtimeMs;
  await rm(marker, { force: true });
  for (const name of await readdir(CACHE)) {
    if (name.startsWith('.now-')) continue;
    const full = path.join(CACHE, name);
    const info = await stat(full).catch(() => null); // another process may have just removed it
    if (info && now - info.mtimeMs > maxAgeMs) await rm(full, { recursive: true, force: true });
  }
}

async function embeddedSnapshot(kind: SnapshotKind, config: Config): Promise<{ data: Blob; filesDir: string | null }> {
  const { filesDir: _ignored, ...rest } = config;
  const key = createHash('sha256').update(JSON.stringify([await sourcesHash(), kind, dayIn(new Date()), rest])).digest('hex').slice(0, 24);
  // one folder per copy, renamed into place whole: the tarball and the files it refers to always match
  const dir = path.join(CACHE, key);
  const published = async () => ({ data: new Blob([await readFile(path.join(dir, 'data.tar'))]), filesDir: kind === 'demo' ? path.join(dir, 'files') : null });
  try { return await published(); } catch { /* not built yet */ }
  await mkdir(CACHE, { recursive: true });
  await pruneSnapshots();
  const database = await openDatabase({});
  const building = await mkdtemp(path.join(CACHE, 'build-'));
  try {
    await database.migrate();
    if (kind === 'org') await seedOrgDemo(database.db);
    if (kind === 'demo') {
      const app = buildApp(testConfig({ ...rest, filesDir: path.join(building, 'files') }), database, { log: () => {} });
      await seedDemo(database, app.deps.files);
    }
    await writeFile(path.join(building, 'data.tar'), new Uint8Array(await (await database.snapshot!()).arrayBuffer()));
    await database.close();
    // another test file may have published the same copy meanwhile: then that one is used
    await rename(building, dir).catch(() => {});
    return await published();
  } finally {
    await database.close().catch(() => {});
    await rm(building, { recursive: true, force: true });
  }
}

/** A new empty database, migrated. */
export async function createTestDb(): Promise<TestDb> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    if (snapshotsOn) {
      const { data } = await embeddedSnapshot('migrated', testConfig());
      const database = await openDatabase({ loadDataDir: data });
      return { database, drop: () => database.close() };
    }
    const database = await openDatabase({});
    await database.migrate();
    return { database, drop: () => database.close() };
  }
  const name = `itg_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  await database.migrate();
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export interface TestApp extends App { database: Database; config: Config; close(): Promise<void> }

/**
 * A migrated database with the app on it. `seed`: true (default) = the whole demo, the LKE year and
 * its evidence files included; 'org' = the demo organisation only (empty LKE and evidence); false = nothing.
 */
export async function createTestApp(opts: { seed?: boolean | 'org'; config?: Partial<Config>; mailer?: Mailer } = {}): Promise<TestApp> {
  // uploaded files go to a fresh folder per app, removed with the database
  const ownFilesDir = opts.config?.filesDir ? null : await mkdtemp(path.join(tmpdir(), 'itg-files-'));
  const config = testConfig({ ...(ownFilesDir ? { filesDir: ownFilesDir } : {}), ...opts.config });
  if (!process.env.TEST_DATABASE_URL && snapshotsOn && opts.seed !== false && ownFilesDir) {
    // embedded: a copy of the migrated and seeded database (and the demo's files) built once per run
    const snap = await embeddedSnapshot(opts.seed === 'org' ? 'org' : 'demo', config);
    if (snap.filesDir && existsSync(snap.filesDir)) await cp(snap.filesDir, ownFilesDir, { recursive: true });
    const database = await openDatabase({ loadDataDir: snap.data });
    const app = buildApp(config, database, { mailer: opts.mailer, log: () => {} });
    const close = async () => {
      try { await database.close(); } finally { await rm(ownFilesDir, { recursive: true, force: true }); }
    };
    return { ...app, database, config, close };
  }
  const tdb = await createTestDb();
  const app = buildApp(config, tdb.database, { mailer: opts.mailer, log: () => {} });
  const close = async () => {
    try { await tdb.drop(); } finally { if (ownFilesDir) await rm(ownFilesDir, { recursive: true, force: true }); }
  };
  // the demo's evidence files go to the app's own store, so downloads work
  if (opts.seed !== false) {
    try {
      if (opts.seed === 'org') await seedOrgDemo(tdb.database.db);
      else await seedDemo(tdb.database, app.deps.files);
    } catch (err) { await close(); throw err; }
  }
  return { ...app, database: tdb.database, config, close };
}

/** A browser-like client for in-process requests: keeps cookies, finds the CSRF token. */
export class Client {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly app: App['app']) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private absorb(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}) {
    const res = await this.app.request(path, {
      method,
      body: init.body,
      headers: { accept: 'text/html', cookie: this.cookieHeader(), ...init.headers },
    });
    this.absorb(res);
    return res;
  }

  async get(path: string, headers: Record<string, string> = {}) {
    const res = await this.request('GET', path, { headers });
    const ct = res.headers.get('content-type') ?? '';
    if (ct.includes('text/html')) {
      const text = await res.clone().text();
      const m = text.match(/name="_csrf" value="([^"]+)"/);
      if (m) this.csrf = m[1];
    }
    return res;
  }

  /** POSTs a url-encoded form; adds the CSRF token unless csrf: false. */
  async post(path: string, form: Record<string, string> = {}, opts: { csrf?: boolean | string; headers?: Record<string, string> } = {}) {
    if (!this.csrf && opts.csrf !== false) await this.get('/login');
    const body = new URLSearchParams(form);
    if (opts.csrf !== false) body.set('_csrf', typeof opts.csrf === 'string' ? opts.csrf : this.csrf);
    return this.request('POST', path, { body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...opts.headers } });
  }

  async postMultipart(path: string, form: FormData, opts: { csrf?: boolean } = {}) {
    if (!this.csrf) await this.get('/login');
    if (opts.csrf !== false) form.set('_csrf', this.csrf);
    return this.request('POST', path, { body: form });
  }

  async login(username: string, password = DEMO_PASSWORD) {
    await this.get('/login');
    const res = await this.post('/login', { username, password });
    if (res.status !== 303) throw new Error(`login as ${username} failed: ${res.status}`);
    await this.get('/');
    return res;
  }
}

export async function loggedIn(app: App['app'], username: string, password = DEMO_PASSWORD) {
  const c = new Client(app);
  await c.login(username, password);
  return c;
}

/** Row count of a table, for "nothing changed" assertions. */
export async function countRows(db: Database, table: string): Promise<number> {
  const [r] = await db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return Number(r.n);
}

/**
 * Every route the Router declared under a path prefix, requested by an anonymous visitor with `id`
 * in each path parameter: a page sends them to the login page, a change is refused (303 to login,
 * or 403 for the missing CSRF token). Returns the routes tried.
 */
export async function assertAnonymousRefused(t: TestApp, prefix: string, id: string): Promise<string[]> {
  const routes = t.router.declared.filter((d) => d.path.startsWith(prefix));
  const anon = new Client(t.app);
  const tried: string[] = [];
  for (const r of routes) {
    const url = r.path.replace(/:\w+(\{[^/]*\})?/g, id);
    const res = r.method === 'GET' ? await anon.get(url) : await anon.post(url, {}, { csrf: false });
    if (r.method === 'GET') {
      assert.equal(res.status, 303, `${r.method} ${url}`);
      assert.match(res.headers.get('location') ?? '', /^\/login/, `${r.method} ${url}`);
    } else assert.ok([303, 403].includes(res.status), `${r.method} ${url}: ${res.status}`);
    tried.push(`${r.method} ${url}`);
  }
  return tried;
}
