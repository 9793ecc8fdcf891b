// The survey core through the web: the demo seed (idempotent, realistic figures), periods CRUD and
// bad input (dates, negative population, duplicate, stale version), results equal to computeSkm on
// the same rows, paper entry and CSV import (per-row errors, nothing stored; the explicit valid-rows
// choice; binary and oversized files), receipt codes stored as hashes, follow-up, the SKM report PDF,
// authorization (another unit's employee 404, employee read-only, regency viewer reads), CSRF, and
// the LKE suggestions. The demo is dated from the current year (last year complete, this year up to
// its open quarter), so every year below is computed from today in the regency.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { computeSkm, hashCode, periodResults, seedSurveysDemo } from '../src/modules/surveys/index.ts';
import { gatherSurveyFacts, suggestFromFacts } from '../src/modules/surveys/surveys.suggest.ts';
import { currentMonth, currentYear, dayIn } from '../src/kernel/workdays.ts';
import { countRows, createTestApp, loggedIn, type TestApp } from './helpers.ts';

/** this year, last year, next year and this year's quarter, in the regency */
const Y = currentYear();
const LAST = Y - 1;
const NEXT = Y + 1;
const CQ = Math.ceil(currentMonth() / 3);
const ROMAN = ['I', 'II', 'III', 'IV'];
/** the year of the demo's SPAK and SPKP: this year once 30 September has come, else last year */
const PERCEPTION_YEAR = dayIn(new Date()) >= `${Y}-09-30` ? Y : LAST;

describe('surveys (core)', () => {
  let t: TestApp;
  let unit = '';
  let dukcapil = '';
  const one = async <T,>(q: string, p: unknown[] = []) => (await t.database.query<T>(q, p))[0]!;
  const snapshot = async () => ({ r: await countRows(t.database, 'surveys_responses'), p: await countRows(t.database, 'surveys_periods'), a: await countRows(t.database, 'kernel_audit_log'), f: await countRows(t.database, 'surveys_followups') });

  before(async () => {
    t = await createTestApp();
    unit = (await one<{ id: string }>("select id from org_units where code = 'DPMPTSPKUKM'")).id;
    dukcapil = (await one<{ id: string }>("select id from org_units where code = 'DISDUKCAPIL'")).id;
  });
  after(async () => { await t.close(); });

  test('demo seed: last year\'s 4 SKM quarters and this year\'s up to the open one, SPAK and SPKP, IKM in the 80s with U3 weakest; nothing after today; seeding again adds nothing', async () => {
    const rows = await t.database.query<{ id: string; kind: string; year: number; n: number; status: string; published: boolean; analysis: string | null; population: number | null }>(
      "select id, kind, year, n, status, published_at is not null as published, analysis, population from surveys_periods where unit_id = $1 order by kind, year, n", [unit]);
    // last year Q1–Q4 closed and published; this year's ended quarters closed (the latest not yet
    // published), today's quarter open, none after it
    const expected = [
      ...[1, 2, 3, 4].map((n) => `${LAST}-${n} closed published`),
      ...Array.from({ length: CQ - 1 }, (_, i) => `${Y}-${i + 1} closed ${i + 1 < CQ - 1 ? 'published' : 'unpublished'}`),
      `${Y}-${CQ} open unpublished`,
    ];
    assert.deepEqual(rows.filter((r) => r.kind === 'skm').map((r) => `${r.year}-${r.n} ${r.status} ${r.published ? 'published' : 'unpublished'}`), expected);
    // the story's figures stay with their positions: populations, last year's short Q3 with its analysis
    assert.deepEqual(rows.filter((r) => r.kind === 'skm' && r.year === LAST).map((r) => r.population), [210, 190, 260, 230]);
    assert.deepEqual(rows.filter((r) => r.kind === 'skm' && r.year === Y).map((r) => r.population), [180, 220, 200, 240].slice(0, CQ));
    assert.deepEqual(rows.filter((r) => r.analysis).map((r) => `${r.year}-${r.n}`), [`${LAST}-3`]);
    const short = rows.find((r) => r.kind === 'skm' && r.year === LAST && r.n === 3)!;
    assert.equal((await periodResults(t.database.db, short.id))!.respondents, 118);
    // nothing dated after now: answers, publication, follow-up done dates
    const late = await one<{ r: number; p: number; f: number }>(
      `select (select count(*)::int from surveys_responses where unit_id = $1 and submitted_at > now()) as r,
              (select count(*)::int from surveys_periods where unit_id = $1 and (published_at > now() or starts_on > $2::date)) as p,
              (select count(*)::int from surveys_followups f join surveys_periods p on p.id = f.period_id where p.unit_id = $1 and f.done_on > $2::date) as f`, [unit, dayIn(new Date())]);
    assert.deepEqual(late, { r: 0, p: 0, f: 0 });
    assert.deepEqual(rows.filter((r) => r.kind !== 'skm').map((r) => `${r.kind} ${r.year}`), [`spak ${PERCEPTION_YEAR}`, `spkp ${PERCEPTION_YEAR}`]);
    for (const r of rows.filter((r) => r.kind === 'skm')) {
      const res = (await periodResults(t.database.db, r.id))!;
      const s = res.unit.skm!;
      assert.ok(s.nik! > 78 && s.nik! < 88.3, `NIK ${s.nik}`);
      assert.equal(s.mutu, 'B');
      if (r.status === 'closed') assert.ok(res.respondents >= 90 && res.respondents <= 160, String(res.respondents));
      assert.equal(s.lowest[0].code, 'U3', `${r.year} Q${r.n}`);
    }
    const spak = rows.find((r) => r.kind === 'spak')!;
    const ip = (await periodResults(t.database.db, spak.id))!.unit.perception!;
    assert.ok(Math.abs(ip.index! - 3.7) < 0.12, String(ip.index));
    assert.equal(ip.respondents, 40);
    const spkp = rows.find((r) => r.kind === 'spkp')!;
    const kp = (await periodResults(t.database.db, spkp.id))!.unit.perception!;
    assert.ok(Math.abs(kp.index! - 3.5) < 0.12, String(kp.index));
    const before = await snapshot();
    assert.equal(await seedSurveysDemo(t.database.db), false);
    assert.deepEqual(await snapshot(), before);
  });

  test('periodResults (SQL) equals computeSkm on the same rows, for the unit and a service', async () => {
    const p = await one<{ id: string }>("select id from surveys_periods where unit_id = $1 and kind = 'skm' and year = $2 and n = 2", [unit, LAST]);
    const rows = await t.database.query<{ answers: number[]; service_id: string | null }>('select answers, service_id from surveys_responses where period_id = $1', [p.id]);
    const res = (await periodResults(t.database.db, p.id))!;
    const direct = computeSkm(rows.map((r) => r.answers.map(Number)));
    assert.equal(res.respondents, direct.respondents);
    for (const k of Object.keys(direct.nrr)) assert.ok(Math.abs(res.unit.nrr[k]! - direct.nrr[k]!) < 1e-9, k);
    assert.equal(res.unit.skm!.nik, direct.nik);
    assert.equal(res.unit.skm!.mutu, direct.mutu);
    const svc = res.services[0];
    const sub = computeSkm(rows.filter((r) => r.service_id === svc.serviceId).map((r) => r.answers.map(Number)));
    assert.equal(svc.skm!.nik, sub.nik);
    assert.ok(svc.serviceName);
    const profileTotal = Object.values(res.profile.sex ?? {}).reduce((s, n) => s + n, 0);
    assert.ok(profileTotal > 0 && profileTotal <= res.respondents);
  });

  test('pages: list with unit picker for the regency viewer, results with charts and tables, report PDF', async () => {
    const c = await loggedIn(t.app, 'ketua.zi');
    const list = await c.get('/survei');
    assert.equal(list.status, 200);
    const listed = await list.text();
    assert.match(listed, new RegExp(`Triwulan III ${LAST}`));
    assert.match(listed, new RegExp(`Triwulan ${ROMAN[CQ - 1]} ${Y}`));
    const p = await one<{ id: string }>("select id from surveys_periods where unit_id = $1 and kind = 'skm' and year = $2 and n = 1", [unit, Y]);
    const page = await c.get(`/survei/${p.id}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<svg class="bar-chart"[^>]*role="img"/);
    assert.match(html, /<title id="chart-unit-t">/);
    assert.match(html, /Terendah/);
    const pdf = await c.get(`/survei/${p.id}/laporan.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const v = await loggedIn(t.app, 'bupati');
    const vl = await v.get(`/survei?unit=${unit}`);
    assert.equal(vl.status, 200);
    assert.match(await vl.text(), /name="unit"/);
    assert.equal((await v.get(`/survei/${p.id}`)).status, 200);
    const spak = await one<{ id: string }>("select id from surveys_periods where unit_id = $1 and kind = 'spak'", [unit]);
    const sp = await (await c.get(`/survei/${spak.id}`)).text();
    assert.match(sp, /IPAK/);
    assert.match(sp, /3,60/);
  });

  test('authorization: another unit\'s employee gets 404; an employee reads but cannot manage; CSRF refused', async () => {
    const p = await one<{ id: string }>("select id from surveys_periods where unit_id = $1 and kind = 'skm' and year = $2 and n = $3 and status = 'open'", [unit, Y, CQ]);
    const other = await loggedIn(t.app, 'pegawai.dukcapil');
    assert.equal((await other.get(`/survei/${p.id}`)).status, 404);
    assert.equal((await other.get(`/survei?unit=${unit}`)).status, 404);
    const emp = await loggedIn(t.app, 'pegawai');
    assert.equal((await emp.get(`/survei/${p.id}`)).status, 200);
    const k = await loggedIn(t.app, 'ketua.zi');
    const before = await snapshot();
    assert.equal((await emp.post(`/survei/${p.id}/status`, { change: 'close', version: '0' })).status, 403);
    assert.equal((await emp.post('/survei', { unit, kind: 'skm', year: String(NEXT), periodType: 'quarter', n: '1' })).status, 403);
    assert.equal((await k.post(`/survei/${p.id}/status`, { change: 'close', version: '0' }, { csrf: 'forged' })).status, 403);
    assert.deepEqual(await snapshot(), before);
    if (dukcapil) {
      const ok = await k.post('/survei', { unit: dukcapil, kind: 'skm', year: String(NEXT), periodType: 'quarter', n: '1' });
      assert.equal(ok.status, 404);
    }
  });

  test('periods: create, bad input changes nothing (dates, population, duplicate, stale version)', async () => {
    const k = await loggedIn(t.app, 'ketua.zi');
    const before = await snapshot();
    const bad: [Record<string, string>, RegExp, number][] = [
      [{ kind: 'skm', year: String(NEXT), periodType: 'quarter', n: '5' }, /Triwulan ke-1 sampai 4/, 400],
      [{ kind: 'skm', year: String(NEXT), periodType: 'quarter', n: '1', population: '-5' }, /tidak boleh negatif/, 400],
      [{ kind: 'xyz', year: String(NEXT), periodType: 'quarter', n: '1' }, /Pilih jenis survei/, 400],
      [{ kind: 'skm', year: String(Y), periodType: 'quarter', n: '1' }, /sudah ada/, 409],
    ];
    for (const [form, msg, status] of bad) {
      const res = await k.post('/survei', { unit, ...form });
      assert.equal(res.status, status, JSON.stringify(form));
      assert.match(await res.text(), msg);
    }
    assert.deepEqual(await snapshot(), before);
    const created = await k.post('/survei', { unit, kind: 'skm', year: String(NEXT), periodType: 'semester', n: '1', population: '1.000' });
    assert.equal(created.status, 303);
    const id = created.headers.get('location')!.split('/').pop()!;
    const row = await one<{ starts_on: string; ends_on: string; population: number; version: number }>('select starts_on::text, ends_on::text, population, version from surveys_periods where id = $1', [id]);
    assert.deepEqual([row.starts_on, row.ends_on, row.population], [`${NEXT}-01-01`, `${NEXT}-06-30`, 1000]);
    const mid = await snapshot();
    const badDates = await k.post(`/survei/${id}`, { version: '0', population: '1000', startsOn: `${NEXT}-06-30`, endsOn: `${NEXT}-01-01` });
    assert.equal(badDates.status, 400);
    assert.match(await badDates.text(), /tidak boleh sebelum/);
    const badDate = await k.post(`/survei/${id}`, { version: '0', population: '1000', startsOn: `${NEXT}-02-30`, endsOn: `${NEXT}-06-30` });
    assert.equal(badDate.status, 400);
    assert.deepEqual(await snapshot(), mid);
    assert.equal((await k.post(`/survei/${id}`, { version: '0', population: '1200', startsOn: `${NEXT}-01-01`, endsOn: `${NEXT}-06-30`, analysis: 'Uji' })).status, 303);
    const stale = await k.post(`/survei/${id}`, { version: '0', population: '1300', startsOn: `${NEXT}-01-01`, endsOn: `${NEXT}-06-30` });
    assert.equal(stale.status, 409);
    assert.equal((await one<{ population: number }>('select population from surveys_periods where id = $1', [id])).population, 1200);
  });

  test('paper entry grid and CSV import: per-row errors and nothing stored; valid-rows choice; refused files', async () => {
    const k = await loggedIn(t.app, 'ketua.zi');
    const p = await one<{ id: string }>("select id from surveys_periods where unit_id = $1 and kind = 'skm' and year = $2 and n = $3 and status = 'open'", [unit, Y, CQ]);
    const row = (r: number, vals: (number | string)[], extra: Record<string, string> = {}) => Object.fromEntries([...vals.map((x, i) => [`r${r}_U${i + 1}`, String(x)]), ...Object.entries(extra).map(([f, x]) => [`r${r}_${f}`, x])]);
    const before = await snapshot();
    const bad = await k.post(`/survei/${p.id}/entri`, { rows: '3', ...row(1, [4, 4, 3, 4, 4, 4, 4, 3, 3]), ...row(2, [4, 5, 3, 4, 4, 4, 4, 3, 3]) });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /Baris 2: U2: Di luar skala jawaban/);
    assert.deepEqual(await snapshot(), before);
    const ok = await k.post(`/survei/${p.id}/entri`, { rows: '3', ...row(1, [4, 4, 3, 4, 4, 4, 4, 3, 3], { sex: 'p', service: 'IUMK' }), ...row(3, [3, 3, 3, 3, 3, 3, 3, 3, 3]) });
    assert.equal(ok.status, 303);
    assert.equal(await countRows(t.database, 'surveys_responses'), before.r + 2);

    const csv = (s: string, name = 'kuesioner.csv') => { const fd = new FormData(); fd.set('file', new File([s], name, { type: 'text/csv' })); return fd; };
    const text = 'U1;U2;U3;U4;U5;U6;U7;U8;U9;sex;service;saran\n4;4;3;4;4;4;4;3;3;l;NIB;Bagus\n4;4;0;4;4;4;4;3;3;;;\n4;4;3;4;4;4;4;3;3;x;NOPE;\n3;3;3;3;3;3;3;3;3;;;\n';
    const s1 = await snapshot();
    const rej = await k.postMultipart(`/survei/${p.id}/impor`, csv(text));
    assert.equal(rej.status, 400);
    const rejText = await rej.text();
    assert.match(rejText, /Tidak ada yang diimpor: 2 baris salah/);
    assert.match(rejText, />3<\/td><td[^>]*>U3<\/td><td[^>]*>Di luar skala jawaban/);
    assert.match(rejText, /Bukan pilihan yang dikenal/);
    assert.deepEqual(await snapshot(), s1);
    const partial = csv(text);
    partial.set('partial', 'on');
    const part = await k.postMultipart(`/survei/${p.id}/impor`, partial);
    assert.equal(part.status, 200);
    assert.match(await part.text(), /2 baris diimpor/);
    assert.equal(await countRows(t.database, 'surveys_responses'), s1.r + 2);
    const s2 = await snapshot();
    const pdfBytes = '%PDF-1.7\n1 0 obj << >> endobj\n';
    for (const [body, name, msg] of [[pdfBytes, 'x.csv', /bukan CSV/], ['U1,U2\n1,2\n', 'x.csv', /Kolom wajib tidak ada: U3/], ['a\u0000b', 'x.csv', /bukan CSV/], ['x'.repeat(2 * 1024 * 1024 + 10), 'big.csv', /lebih besar dari 2 MB/]] as const) {
      const res = await k.postMultipart(`/survei/${p.id}/impor`, csv(body, name));
      assert.equal(res.status, 400, name);
      assert.match(await res.text(), msg);
    }
    assert.deepEqual(await snapshot(), s2);
  });

  test('receipt codes: plain only in the PDF sheet, hashes stored; follow-up with the weakest unsur pre-selected', async () => {
    const k = await loggedIn(t.app, 'ketua.zi');
    const p = await one<{ id: string }>("select id from surveys_periods where unit_id = $1 and kind = 'skm' and year = $2 and n = $3 and status = 'open'", [unit, Y, CQ]);
    const res = await k.post(`/survei/${p.id}/kode`, { count: '12' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const stored = await t.database.query<{ code_hash: string }>('select code_hash from surveys_codes where period_id = $1', [p.id]);
    assert.equal(stored.length, 12);
    for (const s of stored) assert.match(s.code_hash, /^[0-9a-f]{64}$/);
    assert.notEqual(hashCode('ABCD-EFGH'), stored[0].code_hash);
    assert.equal((await k.post(`/survei/${p.id}/kode`, { count: '0' })).status, 400);
    const page = await k.get(`/survei/${p.id}`);
    assert.match(await page.text(), /<option value="U3" selected/);
    const before = await snapshot();
    assert.equal((await k.post(`/survei/${p.id}/tindak-lanjut`, { item: 'U3', action: '' })).status, 400);
    assert.equal((await k.post(`/survei/${p.id}/tindak-lanjut`, { item: 'U3', action: 'Percepat', targetDate: `${Y}-13-01` })).status, 400);
    assert.deepEqual(await snapshot(), before);
    const ok = await k.post(`/survei/${p.id}/tindak-lanjut`, { item: 'U3', action: 'Percepat verifikasi berkas', targetDate: `${NEXT}-01-31`, responsible: 'Kabid' });
    assert.equal(ok.status, 303);
    const fid = ok.headers.get('location')!.split('#tl-')[1];
    assert.equal((await k.post(`/survei/${p.id}/tindak-lanjut/${fid}`, { item: 'U3', action: 'Percepat verifikasi berkas', realisation: 'Selesai', done: 'on', doneOn: `${NEXT}-01-20` })).status, 303);
    const f = await one<{ done: boolean; done_on: string }>('select done, done_on::text from surveys_followups where id = $1', [fid]);
    assert.deepEqual([f.done, f.done_on], [true, `${NEXT}-01-20`]);
  });

  test('LKE facts: IPAK/IPKP as {index}, SKM frequency, publication and follow-up', async () => {
    // last year: four quarters, published, every follow-up done
    const by = Object.fromEntries(suggestFromFacts(await gatherSurveyFacts(t.database.db, unit, LAST)).map((x) => [x.item, x.answer]));
    assert.equal(by['A.I.6.iv.a'], 'A');
    assert.equal(by['A.I.6.iv.b'], null);
    assert.equal(by['A.I.6.iv.c'], 'A');
    // this year: a survey per quarter begun; follow-up over the ended ones (Q1 both actions done,
    // from Q2 on the second one still open): Q1 ended → all, Q1–Q2 → 3 of 4, Q1–Q3 → 4 of 6
    const now = Object.fromEntries(suggestFromFacts(await gatherSurveyFacts(t.database.db, unit, Y)).map((x) => [x.item, x.answer]));
    assert.equal(now['A.I.6.iv.a'], ['D', 'C', 'B', 'A'][CQ - 1]);
    assert.equal(now['A.I.6.iv.c'], [undefined, 'A', 'B', 'B'][CQ - 1]);
    // IPAK and IPKP in the year of the perception surveys, none in the other
    const [withP, without] = PERCEPTION_YEAR === Y ? [now, by] : [by, now];
    assert.ok(Math.abs((withP['B.I.a'] as { index: number }).index - 3.7) < 0.12);
    assert.ok(Math.abs((withP['B.II.a'] as { index: number }).index - 3.5) < 0.12);
    assert.equal(without['B.I.a'], undefined);
    assert.equal(without['B.II.a'], undefined);
  });
});
