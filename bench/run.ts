// `npm run bench`: cold start of the CLI on a new and an existing embedded data dir; LKE scoring
// of 1,000 generated worksheets, whatWouldItTake and the LHE PDF in this process; then
// throughput/latency of an authenticated page (GET /people as `pegawai`) next to a bare
// node:http server doing the same database read, and on the same servers the 113-item worksheet
// page (GET /lke/:id/items?section=all as `ketua.zi`) and the XLSX export (alternating with
// exportWorkbook in this process), on PGlite and (when DATABASE_URL_BENCH or TEST_DATABASE_URL is
// set) on PostgreSQL; on PostgreSQL also public survey submissions per second (POST of the SKM form)
// next to a bare node:http INSERT, and a unit-year's IKM over one million stored responses
// (bench/survey.ts). Prints figures and ratios; asserts nothing about timings. See bench/README.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import {
  benchLhe, benchPlan, benchScoring, exportWorkbookOnce, ITEM_COUNT, RULESET_ID, workedExampleForms, type DocResult, type PlanResult, type ScoringResult,
} from './lke.ts';
import { benchSuggestions, summarise, type SuggestResult } from './workplan.ts';
import { benchSupervision, type SupervisionResult } from './supervision.ts';
import { runInterleaved, Target, type LoadResult } from './load.ts';
import { bareSqlAggregator, benchMillion, benchSubmissions, prepareSurvey, MILLION, type IkmRun, type SubmissionRun } from './survey.ts';
import { periodResults } from '../src/modules/surveys/index.ts';
import { fmt, median, percentile, ratio, table } from './stats.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEMO_PASSWORD = 'DemoZI-2026!';
const REPEATS = 3;
const CONCURRENCY = intEnv('BENCH_CONCURRENCY', 10, 1, 64);
const WARMUP_MS = 1000;
const DURATION_MS = intEnv('BENCH_SECONDS', 5, 1, 20) * 1000;
/** Measured time per server is cut into this many alternating slices (about 1 s each). */
const SLICES = DURATION_MS / 1000;
const PG_BASE = process.env.DATABASE_URL_BENCH || process.env.TEST_DATABASE_URL || '';
/** Sequential GET /lke/:id/export.xlsx requests timed per engine, after 2 untimed ones. */
const EXPORT_REQUESTS = 30;
/** exportWorkbook calls in this process, alternated with the first of those requests. */
const EXPORT_ALONE = 20;
/** BENCH_ONLY=survey runs only the survey section (PostgreSQL), BENCH_ONLY=supervision only the supervision one. */
const ONLY = process.env.BENCH_ONLY ?? '';

function intEnv(name: string, def: number, min: number, max: number): number {
  const v = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isInteger(v) ? Math.min(max, Math.max(min, v)) : def;
}

const T0 = performance.now();
const progress = (msg: string) => process.stderr.write(`· ${((performance.now() - T0) / 1000).toFixed(1).padStart(5)} s  ${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- child processes ---------------------------------------------------------------------

const children = new Set<ChildProcess>();
const tempDirs: string[] = [];

function killAll() {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}
process.once('SIGINT', () => { killAll(); cleanupTemp(); process.exit(130); });
process.once('exit', killAll);

function cleanupTemp() {
  for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'integritas-bench-'));
  tempDirs.push(d);
  return d;
}

/** Environment for a child: embedded database unless DATABASE_URL is given explicitly. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: '0', DEMO: 'auto' };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  delete env.LOG_LEVEL;
  return { ...env, ...extra };
}

interface Child {
  proc: ChildProcess;
  exited: Promise<number | null>;
  waitFor(re: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  output(): string;
}

function spawnNode(args: string[], env: NodeJS.ProcessEnv): Child {
  const proc = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(proc);
  let out = '';
  const waiters: { re: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  const onData = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const w of [...waiters]) {
      const m = out.match(w.re);
      if (m) { waiters.splice(waiters.indexOf(w), 1); w.resolve(m); }
    }
  };
  proc.stdout!.on('data', onData);
  proc.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => { children.delete(proc); resolve(code); }));
  return {
    proc,
    exited,
    output: () => out,
    waitFor: (re, timeoutMs) => new Promise((resolve, reject) => {
      const m = out.match(re);
      if (m) return resolve(m);
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re}; output:\n${out}`)), timeoutMs);
      waiters.push({ re, resolve: (x) => { clearTimeout(timer); resolve(x); } });
      exited.then((code) => { clearTimeout(timer); reject(new Error(`child exited (${code}) before ${re}; output:\n${out}`)); });
    }),
  };
}

async function stopChild(c: Child): Promise<number> {
  const t0 = performance.now();
  c.proc.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([c.exited, new Promise<'timeout'>((r) => { timer = setTimeout(() => r('timeout'), 30_000); })]);
  clearTimeout(timer);
  if (code === 'timeout') {
    c.proc.kill('SIGKILL');
    throw new Error(`child did not stop within 30 s after SIGTERM; output:\n${c.output()}`);
  }
  if (code !== 0) throw new Error(`child exited with ${code} after SIGTERM; output:\n${c.output()}`);
  return performance.now() - t0;
}

// ---- plain HTTP (one connection per request, so no socket outlives a child) ----------------

interface Reply { status: number; body: string; size: number; contentType: string; location: string; setCookies: string[] }

function request(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', agent: false, headers: { connection: 'close', ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          body: bytes.toString('utf8'),
          size: bytes.length,
          contentType: String(res.headers['content-type'] ?? ''),
          location: String(res.headers.location ?? ''),
          setCookies: res.headers['set-cookie'] ?? [],
        });
      });
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
    req.end(opts.body);
  });
}

async function untilHealthy(base: string, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      if ((await request(`${base}/healthz`)).status === 200) return;
    } catch { /* not listening yet */ }
    if (performance.now() > deadline) throw new Error(`${base}/healthz did not answer 200 within ${timeoutMs} ms`);
    await sleep(5);
  }
}

/** A browser-like client of one server: keeps cookies and the CSRF token of the last HTML page. */
class Session {
  private readonly jar = new Map<string, string>();
  csrf = '';
  constructor(readonly base: string) {}

  /** The Cookie header a browser would send. */
  cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  has(name: string): boolean {
    return this.jar.has(name);
  }

  private absorb(r: Reply): Reply {
    for (const line of r.setCookies) {
      const [pair] = line.split(';');
      const i = pair.indexOf('=');
      const value = pair.slice(i + 1).trim();
      if (value) this.jar.set(pair.slice(0, i).trim(), value);
      else this.jar.delete(pair.slice(0, i).trim());
    }
    const token = r.contentType.includes('text/html') ? r.body.match(/name="_csrf" value="([^"]+)"/)?.[1] : undefined;
    if (token) this.csrf = token;
    return r;
  }

  private headers(extra: Record<string, string>): Record<string, string> {
    const cookie = this.cookie();
    return { accept: 'text/html', ...(cookie ? { cookie } : {}), ...extra };
  }

  async get(p: string, headers: Record<string, string> = {}): Promise<Reply> {
    return this.absorb(await request(`${this.base}${p}`, { headers: this.headers(headers) }));
  }

  /** POSTs a url-encoded form with the CSRF token. */
  async post(p: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Reply> {
    if (!this.csrf) throw new Error(`no CSRF token yet for POST ${p}`);
    return this.absorb(await request(`${this.base}${p}`, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded', ...headers }),
      body: new URLSearchParams({ ...form, _csrf: this.csrf }).toString(),
    }));
  }
}

/** Signs in through the real login form (CSRF token, argon2 check, session cookie). */
async function login(base: string, username: string): Promise<Session> {
  const s = new Session(base);
  await s.get('/login');
  if (!s.csrf) throw new Error('login page has no CSRF token');
  const res = await s.post('/login', { username, password: DEMO_PASSWORD });
  if (res.status !== 303 || !s.has('itg_session')) throw new Error(`login as ${username} failed: HTTP ${res.status}`);
  return s;
}

// ---- 1. cold start -------------------------------------------------------------------------

interface StartRun { startMs: number; stopMs: number }

async function coldStart(dataDir: string): Promise<StartRun> {
  const t0 = performance.now();
  const child = spawnNode(['bin/integritas.mjs', 'start'], childEnv({ DATA_DIR: dataDir }));
  try {
    const m = await child.waitFor(/berjalan di (http:\/\/\S+)/, 120_000);
    await untilHealthy(m[1]);
  } catch (err) {
    child.proc.kill('SIGKILL');
    throw err;
  }
  const startMs = performance.now() - t0;
  const stopMs = await stopChild(child);
  return { startMs, stopMs };
}

async function moduleLoad(): Promise<number> {
  const t0 = performance.now();
  const child = spawnNode(['bin/integritas.mjs', 'help'], childEnv({}));
  const code = await child.exited;
  if (code !== 0) throw new Error(`integritas help exited with ${code}:\n${child.output()}`);
  return performance.now() - t0;
}

// ---- 2/3. throughput -----------------------------------------------------------------------

interface Pair { engine: string; integritas: LoadResult; bare: LoadResult }

/** The LKE runs on one engine's servers, after GET /people. */
interface LkeRun {
  /** the 113-item page (Integritas) next to the bare GET /people, interleaved */
  page: Pair;
  /** time to post the worked example's 113 answers one by one, and per POST */
  fillMs: number;
  /** sequential GET /lke/:id/export.xlsx: the first (untimed) request and the timed ones */
  exportFirstMs: number;
  exportMs: number[];
  exportBytes: number;
  /** exportWorkbook in this process, alternated with the requests: the first call and the timed ones */
  aloneFirstMs: number;
  aloneMs: number[];
  aloneBytes: number;
}

interface EngineRun { people: Pair; lke: LkeRun }

async function startBenchServer(mode: 'integritas' | 'bare', dbEnv: Record<string, string>) {
  const child = spawnNode(['--import', 'tsx', 'bench/server.ts', mode], childEnv(dbEnv));
  try {
    const m = await child.waitFor(/READY (http:\/\/\S+)/, 120_000);
    return { child, url: m[1] };
  } catch (err) {
    child.proc.kill('SIGKILL');
    throw err;
  }
}

async function throughputPair(engine: string, integritasEnv: Record<string, string>, bareEnv: Record<string, string>): Promise<EngineRun> {
  progress(`${engine}: Integritas and bare node:http, GET /people, interleaved (${CONCURRENCY} connections, ${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s each)`);
  const started: Child[] = [];
  const targets: Target[] = [];
  try {
    const app = await startBenchServer('integritas', integritasEnv);
    started.push(app.child);
    const bare = await startBenchServer('bare', bareEnv);
    started.push(bare.child);

    const cookie = (await login(app.url, 'pegawai')).cookie();
    const appHeaders = { cookie, accept: 'text/html' };
    const check = await request(`${app.url}/people`, { headers: appHeaders });
    if (check.status !== 200 || !check.body.includes('<table')) throw new Error(`GET /people as pegawai: HTTP ${check.status}`);
    const bareCheck = await request(`${bare.url}/people`);
    if (bareCheck.status !== 200 || !bareCheck.body.includes('<li>')) throw new Error(`bare GET /people: HTTP ${bareCheck.status}`);

    targets.push(new Target({ url: app.url, path: '/people', headers: appHeaders, concurrency: CONCURRENCY }));
    targets.push(new Target({ url: bare.url, path: '/people', headers: { accept: 'text/html' }, concurrency: CONCURRENCY }));
    const [integritas, bareResult] = await runInterleaved(targets, { warmupMs: WARMUP_MS, durationMs: DURATION_MS, slices: SLICES });
    for (const t of targets.splice(0)) t.close();
    const lke = await lkeRun(engine, app.url, bare.url, targets);
    return { people: { engine, integritas, bare: bareResult }, lke };
  } finally {
    for (const t of targets) t.close();
    for (const c of started) await stopChild(c);
  }
}

/**
 * Creates a worksheet for DPMPTSP-KUKM as `ketua.zi` through the create form. The year is the
 * latest the form accepts (next year) that has no worksheet yet for the unit, so demo data for
 * earlier years does not get in the way.
 */
async function createWorksheet(s: Session): Promise<string> {
  const form = await s.get('/lke/new');
  if (form.status !== 200) throw new Error(`GET /lke/new as ketua.zi: HTTP ${form.status}`);
  const unit = form.body.match(/<option value="([0-9a-f-]{36})"[^>]*>Dinas Penanaman Modal, Pelayanan/)?.[1];
  if (!unit) throw new Error('GET /lke/new: DPMPTSP-KUKM is not among the units ketua.zi may create worksheets for');
  const next = new Date().getFullYear() + 1;
  let last = 0;
  for (let year = next; year > next - 10; year--) {
    const res = await s.post('/lke', { unit, year: String(year), ruleset: RULESET_ID, clone: '' });
    const id = res.status === 303 ? /^\/lke\/([0-9a-f-]{36})$/.exec(res.location)?.[1] : undefined;
    if (id) return id;
    last = res.status;
  }
  throw new Error(`POST /lke as ketua.zi created no worksheet (last answer HTTP ${last})`);
}

/**
 * On the servers of one engine, after GET /people: `ketua.zi` creates a worksheet and posts the
 * worked example item by item (as the autosave does), then the 113-item page is loaded next to the
 * bare GET /people, and the XLSX export is requested one at a time.
 */
async function lkeRun(engine: string, appUrl: string, bareUrl: string, targets: Target[]): Promise<LkeRun> {
  progress(`${engine}: ketua.zi creates a worksheet and posts the worked example (${ITEM_COUNT} answers, one request each)`);
  const s = await login(appUrl, 'ketua.zi');
  const id = await createWorksheet(s);
  const forms = workedExampleForms();
  const t0 = performance.now();
  for (const { code, fields } of forms) {
    const res = await s.post(`/lke/${id}/items/${code}`, { ...fields, rev: '', back: 'section=all' }, { accept: 'application/json' });
    if (res.status !== 200) throw new Error(`POST /lke/${id}/items/${code} as ketua.zi: HTTP ${res.status} ${res.body.slice(0, 300)}`);
  }
  const fillMs = performance.now() - t0;
  const overview = await s.get(`/lke/${id}`);
  if (overview.status !== 200 || !overview.body.includes('84,34')) throw new Error(`GET /lke/${id}: HTTP ${overview.status}, the worked example's 84,34 points not shown`);

  const pagePath = `/lke/${id}/items?section=all`;
  const headers = { cookie: s.cookie(), accept: 'text/html' };
  const page = await request(`${appUrl}${pagePath}`, { headers });
  const cards = new Set([...page.body.matchAll(new RegExp(`action="/lke/${id}/items/([A-Za-z0-9.]+)"`, 'g'))].map((m) => m[1])).size;
  if (page.status !== 200 || cards !== ITEM_COUNT) throw new Error(`GET ${pagePath} as ketua.zi: HTTP ${page.status}, ${cards} item forms (expected ${ITEM_COUNT})`);

  progress(`${engine}: Integritas GET /lke/:id/items?section=all and bare node:http GET /people, interleaved (${CONCURRENCY} connections, ${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s each)`);
  targets.push(new Target({ url: appUrl, path: pagePath, headers, concurrency: CONCURRENCY }));
  targets.push(new Target({ url: bareUrl, path: '/people', headers: { accept: 'text/html' }, concurrency: CONCURRENCY }));
  const [integritas, bare] = await runInterleaved(targets, { warmupMs: WARMUP_MS, durationMs: DURATION_MS, slices: SLICES });

  progress(`${engine}: GET /lke/:id/export.xlsx ×${EXPORT_REQUESTS + 2}, one at a time, alternating with exportWorkbook alone ×${EXPORT_ALONE + 1}`);
  const exportPath = `${appUrl}/lke/${id}/export.xlsx`;
  const exportOnce = async (): Promise<{ ms: number; size: number }> => {
    const t = performance.now();
    const res = await request(exportPath, { headers });
    const ms = performance.now() - t;
    if (res.status !== 200 || !res.contentType.includes('spreadsheetml')) throw new Error(`GET /lke/${id}/export.xlsx: HTTP ${res.status} ${res.contentType}`);
    return { ms, size: res.size };
  };
  const first = await exportOnce();
  const aloneFirst = await exportWorkbookOnce();
  await exportOnce();
  const exportMs: number[] = [];
  const aloneMs: number[] = [];
  let exportBytes = 0;
  let aloneBytes = aloneFirst.bytes;
  for (let i = 0; i < EXPORT_REQUESTS; i++) {
    const r = await exportOnce();
    exportMs.push(r.ms);
    exportBytes = r.size;
    if (i < EXPORT_ALONE) {
      const a = await exportWorkbookOnce();
      aloneMs.push(a.ms);
      aloneBytes = a.bytes;
    }
  }
  return { page: { engine, integritas, bare }, fillMs, exportFirstMs: first.ms, exportMs, exportBytes, aloneFirstMs: aloneFirst.ms, aloneMs, aloneBytes };
}

/** PGlite: one seeded data dir, copied, so each server has its own (one process per dir). */
async function pglitePair(): Promise<EngineRun> {
  const a = tempDir();
  progress('PGlite: seeding a data dir for the throughput runs');
  const seeder = await startBenchServer('bare', { DATA_DIR: a });
  await stopChild(seeder.child);
  const b = tempDir();
  cpSync(a, b, { recursive: true });
  return throughputPair('PGlite', { DATA_DIR: a }, { DATA_DIR: b });
}

async function withPostgres<T>(base: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `itg_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    const a = new pg.Client({ connectionString: base });
    await a.connect();
    try { await a.query(`drop database if exists ${name} with (force)`); } finally { await a.end(); }
  }
}

// ---- 5. the public survey side (PostgreSQL only) ------------------------------------------

interface SurveyRun { sub: SubmissionRun; million: IkmRun }

async function surveyRun(url: string): Promise<SurveyRun> {
  progress(`PostgreSQL: survey submissions, Integritas POST /s/… and bare node:http INSERT, interleaved (${CONCURRENCY} connections, a new loopback address per request, ${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s each)`);
  const app = await startBenchServer('integritas', { DATABASE_URL: url });
  let bare: Awaited<ReturnType<typeof startBenchServer>> | null = null;
  let sub: SubmissionRun;
  let ids: Awaited<ReturnType<typeof prepareSurvey>>;
  try {
    bare = await startBenchServer('bare', { DATABASE_URL: url });
    ids = await prepareSurvey(url);
    sub = await benchSubmissions(app.url, bare.url, url, ids, { concurrency: CONCURRENCY, warmupMs: WARMUP_MS, durationMs: DURATION_MS, slices: SLICES });
  } finally {
    await stopChild(app.child);
    if (bare) await stopChild(bare.child);
  }
  progress(`PostgreSQL: ${fmt(MILLION, 0)} responses inserted with generate_series, then the unit-year's IKM`);
  const million = await benchMillion(url, ids, [
    {
      label: 'periodResults (results pages: avg by position with rollup per service, profile, channels; skmFromNrr)',
      run: async (database, periodId) => {
        const r = (await periodResults(database.db, periodId))!;
        return { ikm: r.unit.skm?.ikm ?? null, respondents: r.respondents };
      },
    },
    bareSqlAggregator,
  ]);
  return { sub, million };
}

function printSurvey(r: SurveyRun) {
  const p: Pair = { engine: 'PostgreSQL', integritas: r.sub.integritas, bare: r.sub.bare };
  console.log(`\nSurvey submissions: Integritas POST ${r.sub.formPath} (public SKM form: CSRF, salted burst guard, phone duplicate check, single-use signed timestamp, validation, INSERT, 303) next to bare node:http POST /survey (one INSERT, 303), ${CONCURRENCY} connections, ${DURATION_MS / 1000} s measured per server, interleaved; every request a new citizen: its own form fetched beforehand and a new loopback address on a new connection`);
  console.log(table(['engine', 'server', '>submissions/s', '>p50 ms', '>p99 ms', '>max ms', '>requests', '>errors'], loadRows(p).map((row) => row.slice(0, 8))));
  for (const [server, res] of [['Integritas', p.integritas], ['bare node:http', p.bare]] as const) {
    const bad = Object.entries(res.statuses).filter(([st]) => st !== '303');
    if (bad.length) console.log(`  ${server}: answers other than 303: ${bad.map(([st, n]) => `${st}×${n}`).join(', ')}`);
  }
  console.log(`  rows in the period after the run: ${fmt(r.sub.stored, 0)} (both servers insert into it: warm-up, checks and measured submissions)`);
  const m = r.million;
  console.log(`\nUnit-year IKM over ${fmt(m.rows, 0)} stored responses (PostgreSQL, one period, 9 answers each; table ${fmt(m.tableMiB, 0)} MiB): insert with generate_series ${sec(m.insertMs)}; median of ${m.cases[0]?.ms.length ?? 0} runs after one untimed run`);
  console.log(table(['case', '>median ms', '>min ms', '>max ms', '>respondents', '>IKM'], m.cases.map((c) => [
    c.label, fmt(median(c.ms), 0), fmt(Math.min(...c.ms), 0), fmt(Math.max(...c.ms), 0), fmt(c.respondents, 0), c.ikm === null ? '–' : fmt(c.ikm, 4),
  ])));
  if (m.cases.length >= 2) console.log(`  ratio ${m.cases[0].label.split(' (')[0]} / bare SQL: ${ratio(median(m.cases[0].ms), median(m.cases[m.cases.length - 1].ms))}`);
}

// ---- report --------------------------------------------------------------------------------

const loadavg = () => `${os.loadavg().map((x) => x.toFixed(2)).join(' / ')} (1/5/15 min, ${os.cpus().length} CPUs)`;
const sec = (x: number) => `${fmt(x / 1000, 2)} s`;

function startRow(label: string, xs: number[]): string[] {
  return [label, sec(median(xs)), sec(Math.min(...xs)), sec(Math.max(...xs)), xs.map((x) => fmt(x / 1000, 2)).join(' / ')];
}

function loadRows(p: Pair): string[][] {
  const row = (server: string, r: LoadResult) => [
    p.engine, server, fmt(r.rps, 0), fmt(r.p50, 2), fmt(r.p99, 2), fmt(r.max, 1), String(r.requests), String(r.errors), fmt(r.bytes / 1024, 1),
  ];
  return [
    row('Integritas', p.integritas),
    row('bare node:http', p.bare),
    [p.engine, 'ratio Integritas/bare', ratio(p.integritas.rps, p.bare.rps), ratio(p.integritas.p50, p.bare.p50), ratio(p.integritas.p99, p.bare.p99), '', '', '', ratio(p.integritas.bytes, p.bare.bytes)],
  ];
}

function printNon200(pairs: Pair[]) {
  for (const p of pairs) {
    const bad = [p.integritas, p.bare].flatMap((r) => Object.entries(r.statuses).filter(([s]) => s !== '200'));
    if (bad.length) console.log(`  ${p.engine}: non-200 answers: ${bad.map(([s, n]) => `${s}×${n}`).join(', ')}`);
  }
}

const ms = (x: number, digits = 2) => fmt(x, digits);

function printScoring(r: ScoringResult) {
  const n = r.worksheets;
  const row = (label: string, med: number, min: number) => [label, ms(med, 1), fmt((med * 1000) / n, 1), fmt(n / (med / 1000), 0), ms(min, 1)];
  console.log(`\nLKE scoring: ${fmt(n, 0)} generated worksheets (${RULESET_ID}, seeded), one pass = every worksheet once; median of ${r.rounds} passes per side, alternating, after one warm-up pass each`);
  console.log(table(['case', '>ms/pass', '>µs/worksheet', '>worksheets/s', '>min ms/pass'], [
    row('Integritas: scoreAnswers + judge (WBK and WBBM)', r.integritasMs, r.integritasMinMs),
    row('bare loop: Σ value × weight only', r.bareMs, r.bareMinMs),
    ['ratio Integritas/bare', ratio(r.integritasMs, r.bareMs), ratio(r.integritasMs, r.bareMs), ratio(r.bareMs, r.integritasMs), ratio(r.integritasMinMs, r.bareMinMs)],
  ]));
  const kinds = Object.entries(r.kinds).map(([k, v]) => `${k} ${fmt(v, 0)}`).join(', ');
  console.log(`  data: ${fmt(r.answered, 0)} of ${fmt(n * ITEM_COUNT, 0)} items answered (${kinds}); totals ${fmt(r.minTotal, 2)}–${fmt(r.maxTotal, 2)}, mean ${fmt(r.meanTotal, 2)}; eligible WBK ${r.wbk}, WBBM ${r.wbbm}`);
  const agree = r.maxDelta < 1e-6 ? 'match scoreAnswers' : 'DIFFER from scoreAnswers (the baseline misreads some answers)';
  console.log(`  the bare loop's totals ${agree}: largest difference ${r.maxDelta.toExponential(1)} points`);
}

function printSuggestions(r: SuggestResult) {
  const a = summarise(r.ms);
  const f = summarise(r.floorMs);
  console.log(`\nWork plan → LKE suggestions: facts of DPMPTSP-KUKM 2026 read and mapped (${r.suggestions} suggestions), in-memory PGlite, ${r.runs} runs alternating with \`select 1\``);
  console.log(table(['case', '>median ms', '>p95 ms'], [
    ['workplanLkeSuggestions (every item page and /lke/:id/saran)', fmt(a.median, 2), fmt(a.p95, 2)],
    ['select 1 on the same database (one round trip)', fmt(f.median, 3), fmt(f.p95, 3)],
  ]));
  console.log(`  suggestions / one round trip: ${ratio(a.median, f.median)}`);
}

function printSupervision(r: SupervisionResult) {
  const row = (label: string, x: { median: number; p95: number; runs: number }) => [label, String(x.runs), fmt(x.median, 2), fmt(x.p95, 2)];
  console.log(`\nSupervision (${r.engine}, in this process, demo organisation)`);
  console.log(`  deadlines: ${fmt(r.deadlines.n, 0)} × addWorkingDays(start, 30) on the shipped calendar ${fmt(r.deadlines.workMs, 1)} ms (${fmt((r.deadlines.workMs * 1000) / r.deadlines.n, 2)} µs each) vs adding 42 calendar days ${fmt(r.deadlines.plainMs, 1)} ms: ${ratio(r.deadlines.workMs, r.deadlines.plainMs)}`);
  console.log(table(['case', '>runs', '>median ms', '>p95 ms'], [
    row('WBS report through the public form (argon2id ×2, AES-GCM, X25519 wraps)', r.wbs.report),
    row('a plain complaint INSERT of the same text', r.wbs.plainInsert),
    row(`complaint handler's list, first page, ${fmt(r.complaints.n, 0)} complaints in the unit`, r.complaints.listPage),
    row('one complaint\'s page among them', r.complaints.detailPage),
    row('bare SELECT of the unit\'s 20 newest rows', r.complaints.bareSelect),
  ]));
  console.log(`  WBS report / plain insert: ${ratio(r.wbs.report.median, r.wbs.plainInsert.median)}; list page / bare select: ${ratio(r.complaints.listPage.median, r.complaints.bareSelect.median)}; complaint page / bare select: ${ratio(r.complaints.detailPage.median, r.complaints.bareSelect.median)}`);
}

function printPlan(r: PlanResult) {
  console.log(`\nLKE whatWouldItTake: worked example (${fmt(r.before, 2)} points), WBBM, median of ${r.runs.length} after one warm-up run`);
  console.log(`  median ${ms(median(r.runs))} ms, min ${ms(Math.min(...r.runs))} ms, max ${ms(Math.max(...r.runs))} ms (runs: ${r.runs.map((x) => fmt(x, 1)).join(' / ')} ms); plan: ${r.changes} changes, ${r.closesAll ? 'closes every gap' : 'leaves gaps open'}`);
}

function printDocuments(docs: { lheChanged: DocResult; lheSame: DocResult }, runs: EngineRun[]) {
  const kib = (b: number) => fmt(b / 1024, 1);
  const row = (label: string, xs: number[], first: number, bytes: number) => [label, String(xs.length), ms(median(xs), 1), ms(percentile(xs, 99), 1), ms(first, 1), kib(bytes)];
  console.log('\nLKE documents: worked example; "first" is the first call (not in the median); with 20 or 30 runs p99 is the slowest run');
  console.log(table(['case', '>runs', '>median ms', '>p99 ms', '>first ms', '>KiB'], [
    ...runs.flatMap((r) => [
      row(`GET /lke/:id/export.xlsx through the app, ${r.people.engine}, one at a time`, r.lke.exportMs, r.lke.exportFirstMs, r.lke.exportBytes),
      row(`exportWorkbook alone, alternating with the ${r.people.engine} requests`, r.lke.aloneMs, r.lke.aloneFirstMs, r.lke.aloneBytes),
      [`${r.people.engine}: ratio through the app/alone`, '', ratio(median(r.lke.exportMs), median(r.lke.aloneMs)), ratio(percentile(r.lke.exportMs, 99), percentile(r.lke.aloneMs, 99)), '', ratio(r.lke.exportBytes, r.lke.aloneBytes)],
    ]),
    row('renderLhePdf alone, input changed on every call (Typst lays out again)', docs.lheChanged.runs, docs.lheChanged.first, docs.lheChanged.bytes),
    row('renderLhePdf alone, same input every call (Typst memo)', docs.lheSame.runs, docs.lheSame.first, docs.lheSame.bytes),
  ]));
  console.log(`  "first" for renderLhePdf (input changed) includes starting the Typst compiler and loading its fonts; for exportWorkbook on ${runs[0]?.people.engine ?? 'the first engine'}, its first call in this process`);
}

async function main() {
  const began = performance.now();
  const cpus = os.cpus();
  console.log('Integritas bench');
  console.log(`  node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB`);
  console.log(`  load: ${CONCURRENCY} keep-alive connections per server, ${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s measured in ${SLICES} alternating slices, GET /people as pegawai, then GET /lke/:id/items?section=all as ketua.zi`);
  console.log(`  load average at start: ${loadavg()}; other processes on the machine skew every figure`);
  console.log(`  PostgreSQL: ${PG_BASE ? 'yes (throwaway database on DATABASE_URL_BENCH / TEST_DATABASE_URL)' : 'skipped (set DATABASE_URL_BENCH or TEST_DATABASE_URL)'}`);

  try {
    if (ONLY === 'supervision') {
      printSupervision(await benchSupervision());
      console.log(`\nTotal bench time: ${sec(performance.now() - began)}; load average at end: ${loadavg()}`);
      return;
    }
    if (ONLY === 'survey') {
      if (!PG_BASE) console.log('\nSurvey section skipped: it runs on PostgreSQL only (set DATABASE_URL_BENCH or TEST_DATABASE_URL)');
      else printSurvey(await withPostgres(PG_BASE, surveyRun));
      console.log(`\nTotal bench time: ${sec(performance.now() - began)}; load average at end: ${loadavg()}`);
      return;
    }
    // 1. cold start
    progress(`cold start: integritas help ×${REPEATS}`);
    const load0: number[] = [];
    for (let i = 0; i < REPEATS; i++) load0.push(await moduleLoad());
    progress(`cold start: new data dir ×${REPEATS}`);
    const fresh: StartRun[] = [];
    let existingDir = '';
    for (let i = 0; i < REPEATS; i++) {
      existingDir = tempDir();
      fresh.push(await coldStart(existingDir));
    }
    progress(`cold start: existing data dir ×${REPEATS}`);
    const again: StartRun[] = [];
    for (let i = 0; i < REPEATS; i++) again.push(await coldStart(existingDir));

    console.log(`\nCold start: \`node bin/integritas.mjs start\`, PGlite, spawn → /healthz 200 (median of ${REPEATS})`);
    console.log(table(['case', '>median', '>min', '>max', '>runs (s)'], [
      startRow('process + module load only (`integritas help`)', load0),
      startRow('new data dir (create + migrate + seed demo + listen)', fresh.map((r) => r.startMs)),
      startRow('existing data dir (open + migrate check + listen)', again.map((r) => r.startMs)),
      startRow('clean stop (SIGTERM → exit 0), all runs', [...fresh, ...again].map((r) => r.stopMs)),
    ]));
    const freshMed = median(fresh.map((r) => r.startMs));
    const againMed = median(again.map((r) => r.startMs));
    console.log(`  new / existing: ${ratio(freshMed, againMed)}`);

    // 2. LKE in this process: scoring, what would it take, the LHE PDF (no server runs meanwhile)
    progress('LKE: scoring 1,000 generated worksheets, Integritas and a bare loop, alternating passes');
    const scoring = benchScoring();
    printScoring(scoring);
    progress('LKE: whatWouldItTake on the worked example (WBBM)');
    printPlan(benchPlan());
    progress('LKE: renderLhePdf without HTTP');
    const docs = await benchLhe();
    progress('Work plan: suggested LKE answers for DPMPTSP-KUKM 2026 (in-memory PGlite, demo data)');
    printSuggestions(await benchSuggestions());
    progress('Supervision: working-day deadlines, a WBS report, the complaint list with 20,000 complaints');
    printSupervision(await benchSupervision());

    // 3/4. throughput, GET /people, then the LKE page and the export on the same servers
    const runs: EngineRun[] = [];
    runs.push(await pglitePair());
    if (PG_BASE) runs.push(await withPostgres(PG_BASE, (url) => throughputPair('PostgreSQL', { DATABASE_URL: url }, { DATABASE_URL: url })));
    const pairs = runs.map((r) => r.people);
    const lkePairs = runs.map((r) => r.lke.page);

    console.log(`\nThroughput: GET /people (25 rows of pegawai's scope), ${CONCURRENCY} connections, ${DURATION_MS / 1000} s measured per server, interleaved`);
    console.log(table(['engine', 'server', '>req/s', '>p50 ms', '>p99 ms', '>max ms', '>requests', '>errors', '>KiB/resp'], pairs.flatMap(loadRows)));
    printNon200(pairs);

    console.log(`\nLKE worksheet page: Integritas GET /lke/:id/items?section=all (all ${ITEM_COUNT} items with their forms, worked example, as ketua.zi) next to bare node:http GET /people, ${CONCURRENCY} connections, ${DURATION_MS / 1000} s measured per server, interleaved`);
    console.log(table(['engine', 'server', '>req/s', '>p50 ms', '>p99 ms', '>max ms', '>requests', '>errors', '>KiB/resp'], lkePairs.flatMap(loadRows)));
    printNon200(lkePairs);
    for (const r of runs) {
      console.log(`  ${r.people.engine}: filling the worksheet, ${ITEM_COUNT} answer POSTs one at a time (autosave JSON): ${sec(r.lke.fillMs)}, ${fmt(r.lke.fillMs / ITEM_COUNT, 1)} ms per POST`);
    }
    console.log(`  the bare server is the GET /people floor of the table above: the ratio compares the ${ITEM_COUNT}-item page with that floor, not with a bare ${ITEM_COUNT}-item page`);

    printDocuments(docs, runs);

    // 5. the public survey side, on PostgreSQL
    if (PG_BASE) printSurvey(await withPostgres(PG_BASE, surveyRun));
    else console.log('\nSurvey submissions and the unit-year IKM over 1,000,000 responses: skipped (PostgreSQL only; set DATABASE_URL_BENCH or TEST_DATABASE_URL)');
    console.log(`\nTotal bench time: ${sec(performance.now() - began)}; load average at end: ${loadavg()}`);
  } finally {
    killAll();
    cleanupTemp();
  }
}

await main().catch((err) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  process.exitCode = 1;
});
