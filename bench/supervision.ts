// Supervision (issue 6), in this process on an in-memory PGlite (or TEST_DATABASE_URL) with the demo
// regency: working-day deadlines against plain calendar-day arithmetic; a WBS report (two argon2id
// derivations, AES-GCM, X25519 wraps) against a plain complaint INSERT; and the complaint handler's
// list page and one complaint's page with 20,000 complaints in the unit against a bare indexed
// SELECT of one page. Prints nothing; bench/run.ts formats the results.
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { addDays, addWorkingDays, type IsoDate } from '../src/kernel/workdays.ts';
import { offDays } from '../src/kernel/calendar.ts';
import { Client, createTestApp, loggedIn } from '../test/helpers.ts';
import { median, percentile } from './stats.ts';

export const COMPLAINTS = 20_000;
const DEADLINES = 20_000;
const WBS_RUNS = 12;
const PAGE_RUNS = 25;

export interface Timing { median: number; p95: number; runs: number }
export interface SupervisionResult {
  engine: string;
  deadlines: { n: number; workMs: number; plainMs: number };
  wbs: { report: Timing; plainInsert: Timing };
  complaints: { n: number; listPage: Timing; detailPage: Timing; bareSelect: Timing };
}

const timing = (xs: number[]): Timing => ({ median: median(xs), p95: percentile(xs, 95), runs: xs.length });

async function timeIt(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export async function benchSupervision(): Promise<SupervisionResult> {
  // every citizen has an address of their own (behind a trusted proxy), as in real use: the WBS
  // form's per-client daily throttle would otherwise refuse the 11th report of the run
  const t = await createTestApp({ seed: 'org', config: { trustedProxies: ['local'] } });
  try {
    const db = t.database.db;
    const [{ id: unitId }] = await t.database.query<{ id: string }>(`select id from org_units where code = 'DPMPTSPKUKM'`);

    // 1. deadlines: 30 working days from 20,000 start days across 2025–2027, vs adding 42 calendar days
    const off = await offDays(db);
    const starts: IsoDate[] = Array.from({ length: DEADLINES }, (_, i) => addDays('2025-01-01', i % 1000));
    let t0 = performance.now();
    let sink = 0;
    for (const s of starts) sink += addWorkingDays(s, 30, off).length;
    const workMs = performance.now() - t0;
    t0 = performance.now();
    for (const s of starts) sink += addDays(s, 42).length;
    const plainMs = performance.now() - t0;
    if (sink === 0) throw new Error('unreachable');

    // 2. a WBS report through the public form vs a plain complaint row INSERT
    const form = () => {
      const fd = new FormData();
      for (const [k, v] of Object.entries({ what: 'Pungutan di loket perizinan di luar tarif resmi sebesar Rp500.000.', who: 'Petugas loket', when: 'Oktober 2026', where: 'MPP lantai 1', unit: unitId })) fd.set(k, v);
      return fd;
    };
    // the public form is anonymous: a fresh cookie jar with its CSRF token per run
    let citizen = 0;
    const report = await timeIt(WBS_RUNS, async () => {
      const c = new Client(t.app);
      const address = { 'x-forwarded-for': `10.${(++citizen >> 16) & 255}.${(citizen >> 8) & 255}.${citizen & 255}` };
      await c.get('/wbs/lapor', address);
      const fd = form();
      fd.set('_csrf', c.csrf);
      const res = await c.request('POST', '/wbs/lapor', { body: fd, headers: address });
      if (res.status !== 303) throw new Error(`WBS submit: ${res.status}`);
    });
    const plainInsert = await timeIt(WBS_RUNS, () => t.database.query(
      `insert into complaints_complaints (unit_id, tracking_hash, channel, category, subject, description, received_on, sla_days)
       values ($1, $2, 'web', 'perizinan', 'x', 'Pungutan di loket perizinan di luar tarif resmi sebesar Rp500.000.', '2026-11-02', 5)`, [unitId, randomUUID()]));

    // 3. 20,000 complaints in the unit: the handler's list (first page) and one complaint's page
    await t.database.query(`
      insert into complaints_complaints (unit_id, tracking_hash, channel, category, subject, description, received_on, received_at, sla_days, state)
      select $1, md5(g::text || 'bench'), (array['web','counter','phone','lapor'])[1 + g % 4], (array['perizinan','pelayanan','petugas','informasi'])[1 + g % 4],
        'Keluhan nomor ' || g, 'Uraian keluhan nomor ' || g, date '2024-01-01' + (g % 1060), timestamp '2024-01-01' + (g % 1060) * interval '1 day', 5,
        (array['received','in_process','closed','closed','closed'])[1 + g % 5]
      from generate_series(1, ${COMPLAINTS}) g`, [unitId]);
    const [{ id: oneId }] = await t.database.query<{ id: string }>(`select id from complaints_complaints where subject = 'Keluhan nomor 777'`);
    const handler = await loggedIn(t.app, 'pengaduan');
    const listPage = await timeIt(PAGE_RUNS, async () => {
      const res = await handler.get(`/pengaduan/kelola?unit=${unitId}`);
      if (res.status !== 200) throw new Error(`list: ${res.status}`);
      await res.text();
    });
    const detailPage = await timeIt(PAGE_RUNS, async () => {
      const res = await handler.get(`/pengaduan/kelola/${oneId}`);
      if (res.status !== 200) throw new Error(`detail: ${res.status}`);
      await res.text();
    });
    const bareSelect = await timeIt(PAGE_RUNS, () => t.database.query(
      `select * from complaints_complaints where unit_id = $1 order by received_at desc limit 20`, [unitId]));
    return {
      engine: process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite',
      deadlines: { n: DEADLINES, workMs, plainMs },
      wbs: { report: timing(report), plainInsert: timing(plainInsert) },
      complaints: { n: COMPLAINTS, listPage: timing(listPage), detailPage: timing(detailPage), bareSelect: timing(bareSelect) },
    };
  } finally {
    await t.close();
  }
}
