// Test harness: a fresh, migrated database per test file (PGlite in memory, or a new database on
// the PostgreSQL server named by TEST_DATABASE_URL), the app built on it, and a cookie-keeping client.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { testConfig, type Config } from '../src/kernel/config.ts';
import { openDatabase, type Database } from '../src/kernel/db.ts';
import type { Mailer } from '../src/kernel/mail.ts';
import { buildApp, seedDemo, type App } from '../src/main.ts';
import { seedOrgDemo } from '../src/modules/org/index.ts';

export const DEMO_PASSWORD = 'DemoZI-2026!';
export const engine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

export interface TestDb { database: Database; url?: string; drop(): Promise<void> }

/** A new empty database, migrated. */
export async function createTestDb(): Promise<TestDb> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
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
  const tdb = await createTestDb();
  // uploaded files go to a fresh folder per app, removed with the database
  const ownFilesDir = opts.config?.filesDir ? null : await mkdtemp(path.join(tmpdir(), 'itg-files-'));
  const config = testConfig({ ...(ownFilesDir ? { filesDir: ownFilesDir } : {}), ...opts.config });
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
