// `npm run bench`: cold start of the CLI on a new and an existing embedded data dir, then
// throughput/latency of an authenticated page (GET /people as `pegawai`) next to a bare
// node:http server doing the same database read, on PGlite and (when DATABASE_URL_BENCH or
// TEST_DATABASE_URL is set) on PostgreSQL. Prints figures and ratios; asserts nothing about
// timings. See bench/README.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runInterleaved, Target, type LoadResult } from './load.ts';
import { fmt, median, ratio, table } from './stats.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEMO_PASSWORD = 'DemoZI-2026!';
const REPEATS = 3;
const CONCURRENCY = intEnv('BENCH_CONCURRENCY', 10, 1, 64);
const WARMUP_MS = 1000;
const DURATION_MS = intEnv('BENCH_SECONDS', 5, 1, 20) * 1000;
/** Measured time per server is cut into this many alternating slices (about 1 s each). */
const SLICES = DURATION_MS / 1000;
const PG_BASE = process.env.DATABASE_URL_BENCH || process.env.TEST_DATABASE_URL || '';

function intEnv(name: string, def: number, min: number, max: number): number {
  const v = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isInteger(v) ? Math.min(max, Math.max(min, v)) : def;
}

const progress = (msg: string) => process.stderr.write(`· ${msg}\n`);
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

interface Reply { status: number; body: string; setCookies: string[] }

function request(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', agent: false, headers: { connection: 'close', ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({
        status: res.statusCode ?? 0,
        body: Buffer.concat(chunks).toString('utf8'),
        setCookies: res.headers['set-cookie'] ?? [],
      }));
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

/** Signs in through the real login form; returns the Cookie header a browser would send. */
async function login(base: string, username: string): Promise<string> {
  const jar = new Map<string, string>();
  const absorb = (r: Reply) => {
    for (const line of r.setCookies) {
      const [pair] = line.split(';');
      const i = pair.indexOf('=');
      const value = pair.slice(i + 1).trim();
      if (value) jar.set(pair.slice(0, i).trim(), value);
      else jar.delete(pair.slice(0, i).trim());
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const page = await request(`${base}/login`, { headers: { accept: 'text/html' } });
  absorb(page);
  const csrf = page.body.match(/name="_csrf" value="([^"]+)"/)?.[1];
  if (!csrf) throw new Error('login page has no CSRF token');
  const res = await request(`${base}/login`, {
    method: 'POST',
    headers: { accept: 'text/html', cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password: DEMO_PASSWORD, _csrf: csrf }).toString(),
  });
  absorb(res);
  if (res.status !== 303 || !jar.has('itg_session')) throw new Error(`login as ${username} failed: HTTP ${res.status}`);
  return cookie();
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

async function throughputPair(engine: string, integritasEnv: Record<string, string>, bareEnv: Record<string, string>): Promise<Pair> {
  progress(`${engine}: Integritas and bare node:http, GET /people, interleaved (${CONCURRENCY} connections, ${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s each)`);
  const started: Child[] = [];
  const targets: Target[] = [];
  try {
    const app = await startBenchServer('integritas', integritasEnv);
    started.push(app.child);
    const bare = await startBenchServer('bare', bareEnv);
    started.push(bare.child);

    const cookie = await login(app.url, 'pegawai');
    const appHeaders = { cookie, accept: 'text/html' };
    const check = await request(`${app.url}/people`, { headers: appHeaders });
    if (check.status !== 200 || !check.body.includes('<table')) throw new Error(`GET /people as pegawai: HTTP ${check.status}`);
    const bareCheck = await request(`${bare.url}/people`);
    if (bareCheck.status !== 200 || !bareCheck.body.includes('<li>')) throw new Error(`bare GET /people: HTTP ${bareCheck.status}`);

    targets.push(new Target({ url: app.url, path: '/people', headers: appHeaders, concurrency: CONCURRENCY }));
    targets.push(new Target({ url: bare.url, path: '/people', headers: { accept: 'text/html' }, concurrency: CONCURRENCY }));
    const [integritas, bareResult] = await runInterleaved(targets, { warmupMs: WARMUP_MS, durationMs: DURATION_MS, slices: SLICES });
    return { engine, integritas, bare: bareResult };
  } finally {
    for (const t of targets) t.close();
    for (const c of started) await stopChild(c);
  }
}

/** PGlite: one seeded data dir, copied, so each server has its own (one process per dir). */
async function pglitePair(): Promise<Pair> {
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

async function main() {
  const began = performance.now();
  const cpus = os.cpus();
  console.log('Integritas bench');
  console.log(`  node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB`);
  console.log(`  load: ${CONCURRENCY} keep-alive connections per server, ${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s measured in ${SLICES} alternating slices, GET /people as pegawai`);
  console.log(`  load average at start: ${loadavg()}; other processes on the machine skew every figure`);
  console.log(`  PostgreSQL: ${PG_BASE ? 'yes (throwaway database on DATABASE_URL_BENCH / TEST_DATABASE_URL)' : 'skipped (set DATABASE_URL_BENCH or TEST_DATABASE_URL)'}`);

  try {
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

    // 2/3/4. throughput
    const pairs: Pair[] = [];
    pairs.push(await pglitePair());
    if (PG_BASE) pairs.push(await withPostgres(PG_BASE, (url) => throughputPair('PostgreSQL', { DATABASE_URL: url }, { DATABASE_URL: url })));

    console.log(`\nThroughput: GET /people (25 rows of pegawai's scope), ${CONCURRENCY} connections, ${DURATION_MS / 1000} s measured per server, interleaved`);
    console.log(table(['engine', 'server', '>req/s', '>p50 ms', '>p99 ms', '>max ms', '>requests', '>errors', '>KiB/resp'], pairs.flatMap(loadRows)));
    for (const p of pairs) {
      const bad = [p.integritas, p.bare].flatMap((r) => Object.entries(r.statuses).filter(([s]) => s !== '200'));
      if (bad.length) console.log(`  ${p.engine}: non-200 answers: ${bad.map(([s, n]) => `${s}×${n}`).join(', ')}`);
    }
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
