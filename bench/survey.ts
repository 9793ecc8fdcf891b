// The public survey side on PostgreSQL (bench/run.ts calls it; skipped without a PostgreSQL URL):
//
// 1. submissions per second over HTTP: POST of the public SKM form (/s/DPMPTSPKUKM/<service>) to the
//    real app — CSRF, the address burst guard, the phone's duplicate check, the single-use signed
//    timestamp, validation against the questionnaire, the insert, the 303 — side by side with the
//    bare node:http server's POST /survey doing one INSERT into surveys_responses. Every request is a
//    new citizen: its own form (phone cookie, CSRF token, timestamp; fetched before the run, not
//    timed) and its own loopback address (127.x.y.z, a new connection each), so the real checks run on
//    every request and never refuse one (no bench-only switch).
// 2. a unit-year's IKM over one million stored responses: 1,000,000 rows inserted with
//    generate_series into one period, then the period's results computed the ways the app does,
//    next to the plainest SQL aggregate over the same rows.
// Prints nothing; bench/run.ts formats the results.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Database } from '../src/kernel/db.ts';
import { percentile } from './stats.ts';
import type { LoadResult } from './load.ts';

export const SURVEY_UNIT = 'DPMPTSPKUKM';
export const MILLION = 1_000_000;
/** The nine SKM answers every submission carries (both servers). */
const ANSWERS: Record<string, string> = { u1: '4', u2: '3', u3: '3', u4: '4', u5: '3', u6: '4', u7: '4', u8: '2', u9: '3' };

export interface SurveyIds { unitId: string; serviceId: string; serviceCode: string; periodId: string; instrument: string }

/**
 * In the bench database (demo seeded by the servers): the unit's first active service and an open
 * SKM period covering today (the demo's, or one made for the bench).
 */
export async function prepareSurvey(url: string): Promise<SurveyIds> {
  const database = await openDatabase({ databaseUrl: url });
  try {
    const [unit] = await database.query<{ id: string }>(`select id from org_units where code = $1`, [SURVEY_UNIT]);
    if (!unit) throw new Error(`bench survey: unit ${SURVEY_UNIT} not in the demo data`);
    let [svc] = await database.query<{ id: string; code: string }>(`select id, code from services_services where unit_id = $1 and is_active order by sort_order, code limit 1`, [unit.id]);
    if (!svc) [svc] = await database.query<{ id: string; code: string }>(`insert into services_services (unit_id, code, name) values ($1, 'BENCH', 'Layanan bench') returning id, code`, [unit.id]);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    const open = async () => (await database.query<{ id: string; instrument: string }>(
      `select id, instrument from surveys_periods where unit_id = $1 and kind = 'skm' and status = 'open' and starts_on <= $2 and ends_on >= $2 order by starts_on desc limit 1`, [unit.id, today]))[0];
    let period = await open();
    if (!period) {
      const [known] = await database.query<{ instrument: string }>(`select instrument from surveys_periods where kind = 'skm' limit 1`);
      const year = Number(today.slice(0, 4));
      await database.query(
        `insert into surveys_periods (unit_id, kind, instrument, year, period_type, n, starts_on, ends_on, status)
         values ($1, 'skm', $2, $3, 'year', 0, $4, $5, 'open')
         on conflict (unit_id, kind, year, period_type, n) do update set status = 'open', starts_on = excluded.starts_on, ends_on = excluded.ends_on`,
        [unit.id, known?.instrument ?? 'skm-permenpanrb-14-2017', year, `${year}-01-01`, `${year}-12-31`]);
      period = await open();
    }
    if (!period) throw new Error('bench survey: could not open an SKM period');
    return { unitId: unit.id, serviceId: svc.id, serviceCode: svc.code, periodId: period.id, instrument: period.instrument };
  } finally {
    await database.close();
  }
}

// ---- HTTP --------------------------------------------------------------------------------------

interface Reply { status: number; body: string; setCookies: string[]; location: string }

function send(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', agent: false, localAddress: opts.localAddress, headers: { connection: 'close', ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), setCookies: res.headers['set-cookie'] ?? [], location: String(res.headers.location ?? '') }));
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** A loopback address per request: 127.1.0.1, 127.1.0.2, … (every one a new client for the salted keys). */
let nextClient = 0;
function loopback(): string {
  const i = nextClient++ % (250 * 250 * 250);
  return `127.${1 + Math.floor(i / 62_500)}.${Math.floor(i / 250) % 250}.${(i % 250) + 1}`;
}

/** A closed-loop POST load: N workers, each sending its next submission when the previous answer is in. */
export class PostTarget {
  private readonly latencies: number[] = [];
  private readonly statuses: Record<string, number> = {};
  private errors = 0;
  private measuredMs = 0;
  constructor(private readonly o: { url: string; next: () => { headers: Record<string, string>; body: string }; concurrency: number; ok: number }) {
    if (new URL(o.url).hostname !== '127.0.0.1') throw new Error('the survey load only targets 127.0.0.1');
  }

  async run(ms: number, record: boolean): Promise<void> {
    const start = performance.now();
    const deadline = start + ms;
    const worker = async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        let status = 'error';
        try {
          const { headers, body } = this.o.next();
          status = String((await send(this.o.url, { method: 'POST', headers, body, localAddress: loopback() })).status);
        } catch {
          await new Promise((r) => setTimeout(r, 5));
        }
        if (!record) continue;
        this.latencies.push(performance.now() - t0);
        this.statuses[status] = (this.statuses[status] ?? 0) + 1;
        if (status !== String(this.o.ok)) this.errors++;
      }
    };
    await Promise.all(Array.from({ length: this.o.concurrency }, worker));
    if (record) this.measuredMs += performance.now() - start;
  }

  result(): LoadResult {
    const xs = this.latencies;
    return {
      requests: xs.length, errors: this.errors,
      rps: this.measuredMs ? xs.length / (this.measuredMs / 1000) : 0,
      p50: percentile(xs, 50), p99: percentile(xs, 99), max: xs.length ? Math.max(...xs) : Number.NaN,
      bytes: 0, statuses: { ...this.statuses }, measuredMs: this.measuredMs,
    };
  }
}

export interface SubmissionRun { integritas: LoadResult; bare: LoadResult; stored: number; formPath: string }

/** One citizen's fetched form: its cookies (CSRF, the phone's token) and its url-encoded answers (CSRF token, signed timestamp). */
interface FetchedForm { cookie: string; fields: string }

async function fetchForm(appUrl: string, formPath: string): Promise<FetchedForm> {
  const page = await send(`${appUrl}${formPath}`, { headers: { accept: 'text/html' }, localAddress: loopback() });
  const csrf = page.body.match(/name="_csrf" value="([^"]+)"/)?.[1];
  const stamp = page.body.match(/name="_t" value="([^"]+)"/)?.[1];
  if (page.status !== 200 || !csrf || !stamp) throw new Error(`GET ${formPath}: HTTP ${page.status}, ${csrf ? '' : 'no CSRF token, '}${stamp ? '' : 'no form timestamp (is the SKM period open?)'}`);
  const cookie = page.setCookies.map((c) => c.split(';')[0]).join('; ');
  const fields = new URLSearchParams({ _csrf: csrf, _t: stamp, website: '', ...ANSWERS, sex: 'p', age: '30_39', suggestion: 'Antrean sudah tertib.' }).toString();
  return { cookie, fields };
}

/** Forms every submission of the run will post, fetched beforehand, 10 at a time (not timed). */
async function fetchForms(appUrl: string, formPath: string, n: number): Promise<FetchedForm[]> {
  const out: FetchedForm[] = [];
  const worker = async () => { while (out.length < n) out.push(await fetchForm(appUrl, formPath)); };
  await Promise.all(Array.from({ length: 10 }, worker));
  return out;
}

/**
 * Every submission is a different citizen, as on the real form: its own phone (a fresh form with its
 * own phone-token cookie, CSRF token and single-use signed timestamp, all fetched before the run and
 * older than the minimum fill time) and its own address. Both servers are loaded in alternating slices.
 */
export async function benchSubmissions(appUrl: string, bareUrl: string, dbUrl: string, ids: SurveyIds, o: { concurrency: number; warmupMs: number; durationMs: number; slices: number }): Promise<SubmissionRun> {
  const formPath = `/s/${SURVEY_UNIT}/${encodeURIComponent(ids.serviceCode)}`;
  // more forms than the run can post (the app answers a few hundred a second on two cores)
  const forms = await fetchForms(appUrl, formPath, Math.ceil(((o.warmupMs + o.durationMs) / 1000) * 1_000));
  const bareFields = new URLSearchParams({ ...ANSWERS, sex: 'p', age: '30_39', suggestion: 'Antrean sudah tertib.' }).toString();
  const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
  await new Promise((r) => setTimeout(r, 3_500)); // the form's minimum fill time
  let used = 0;
  const nextForm = () => {
    const f = forms[used++];
    if (!f) throw new Error(`the ${forms.length} fetched survey forms ran out: fetch more`);
    return { headers: { ...headers, cookie: f.cookie }, body: f.fields };
  };
  const first = nextForm();
  const check = await send(`${appUrl}${formPath}`, { method: 'POST', headers: first.headers, body: first.body, localAddress: loopback() });
  if (check.status !== 303 || !check.location.endsWith('/terima-kasih')) throw new Error(`POST ${formPath}: HTTP ${check.status} ${check.body.slice(0, 300)}`);
  const bareUrlFull = `${bareUrl}/survey?period=${ids.periodId}&unit=${ids.unitId}&service=${ids.serviceId}`;
  const bareCheck = await send(bareUrlFull, { method: 'POST', headers, body: bareFields });
  if (bareCheck.status !== 303) throw new Error(`bare POST /survey: HTTP ${bareCheck.status}`);

  const app = new PostTarget({ url: `${appUrl}${formPath}`, next: nextForm, concurrency: o.concurrency, ok: 303 });
  const bare = new PostTarget({ url: bareUrlFull, next: () => ({ headers, body: bareFields }), concurrency: o.concurrency, ok: 303 });
  await app.run(o.warmupMs, false);
  await bare.run(o.warmupMs, false);
  for (let i = 0; i < o.slices; i++) {
    await app.run(o.durationMs / o.slices, true);
    await bare.run(o.durationMs / o.slices, true);
  }
  const database = await openDatabase({ databaseUrl: dbUrl });
  try {
    const [{ n }] = await database.query<{ n: number }>(`select count(*)::int as n from surveys_responses where period_id = $1`, [ids.periodId]);
    return { integritas: app.result(), bare: bare.result(), stored: Number(n), formPath };
  } finally {
    await database.close();
  }
}

// ---- a unit-year over one million responses ----------------------------------------------------

export interface IkmCase { label: string; ms: number[]; ikm: number | null; respondents: number }
export interface IkmRun { insertMs: number; rows: number; cases: IkmCase[]; tableMiB: number }

type Aggregator = { label: string; run: (database: Database, periodId: string) => Promise<{ ikm: number | null; respondents: number }> };

/**
 * Inserts 1,000,000 responses into a new year period of the unit (answers drawn per row with
 * random(), services cycling over the unit's services), then times each aggregator `runs` times
 * after one untimed run.
 */
export async function benchMillion(dbUrl: string, ids: SurveyIds, aggregators: Aggregator[], runs = 5): Promise<IkmRun> {
  const database = await openDatabase({ databaseUrl: dbUrl });
  try {
    const year = new Date().getFullYear() - 1;
    const [period] = await database.query<{ id: string }>(
      `insert into surveys_periods (unit_id, kind, instrument, year, period_type, n, starts_on, ends_on, status, published_at)
       values ($1, 'skm', $2, $3, 'year', 0, $4, $5, 'closed', now())
       on conflict (unit_id, kind, year, period_type, n) do update set status = 'closed' returning id`,
      [ids.unitId, ids.instrument, year, `${year}-01-01`, `${year}-12-31`]);
    const services = (await database.query<{ id: string }>(`select id from services_services where unit_id = $1`, [ids.unitId])).map((s) => s.id);
    const t0 = performance.now();
    await database.query(
      `insert into surveys_responses (period_id, unit_id, service_id, answers, channel, submitted_at)
       select $1, $2, ($3::uuid[])[1 + g % cardinality($3::uuid[])],
              array[1 + (random() * 3)::int, 1 + (random() * 3)::int, 1 + (random() * 3)::int, 1 + (random() * 3)::int, 1 + (random() * 3)::int,
                    1 + (random() * 3)::int, 1 + (random() * 3)::int, 1 + (random() * 3)::int, 1 + (random() * 3)::int]::smallint[],
              'import', $4::timestamptz + (g % 365) * interval '1 day'
       from generate_series(1, ${MILLION}) g`,
      [period.id, ids.unitId, services, `${year}-01-01T02:00:00Z`]);
    const insertMs = performance.now() - t0;
    await database.query('analyze surveys_responses');
    const [{ bytes }] = await database.query<{ bytes: number }>(`select pg_total_relation_size('surveys_responses')::bigint as bytes`);
    const cases: IkmCase[] = [];
    for (const a of aggregators) {
      const first = await a.run(database, period.id);
      const ms: number[] = [];
      let last = first;
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        last = await a.run(database, period.id);
        ms.push(performance.now() - t);
      }
      cases.push({ label: a.label, ms, ikm: last.ikm, respondents: last.respondents });
    }
    return { insertMs, rows: MILLION, cases, tableMiB: Number(bytes) / 2 ** 20 };
  } finally {
    await database.close();
  }
}

/** The plainest aggregate: one pass, nine averages by position, their mean. */
export const bareSqlAggregator: Aggregator = {
  label: 'bare SQL: count(*) and avg(answers[1..9]) in one statement',
  run: async (database, periodId) => {
    const cols = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `avg(answers[${i}])::float8 as a${i}`).join(', ');
    const [r] = await database.query<Record<string, number>>(`select count(*)::int as n, ${cols} from surveys_responses where period_id = $1`, [periodId]);
    const nrr = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => Number(r[`a${i}`]));
    return { ikm: nrr.reduce((a, b) => a + b, 0) / 9, respondents: Number(r.n) };
  },
};
