// Gratification control through the web: an employee reports and sees only their own; the UPG of
// DPMPTSP-KUKM handles its unit's reports and not Disdukcapil's (forged ids change nothing); the
// regency viewer and the unit head see counts only; workflow steps out of order are refused; bad input
// (future date, negative or non-numeric value, missing fields, oversized and disguised attachments,
// missing CSRF) is refused with an Indonesian message and stores nothing; deadlines and late flags;
// the KPK export; the campaign register; the periodic report PDF; LKE suggestions for the demo unit.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { versionById } from '../src/modules/gratification/gratification.rules.ts';
import { gratificationSuggestions } from '../src/modules/gratification/gratification.suggest.ts';
import type { LkeFacts } from '../src/modules/gratification/gratification.queries.ts';
import { addDays, currentYear, regencyToday } from '../src/kernel/workdays.ts';
import { assertAnonymousRefused, countRows, createTestApp, hasComeThisYear, loggedIn, type TestApp } from './helpers.ts';

const enc = new TextEncoder();
const pdfBytes = (text: string) => enc.encode(`%PDF-1.7\n% ${text}\n1 0 obj << >> endobj\n%%EOF\n`);
const exeBytes = () => { const b = new Uint8Array(4096); b.set([0x4d, 0x5a, 0x90, 0x00]); return b; };
const BASE = '/gratifikasi';
// the demo is dated from the regency's current year (kernel/demo-dates.ts): this year as far as today has
// come, last year complete
const Y = currentYear();
const TODAY = regencyToday();
const come = hasComeThisYear;
/** Perkom KPK 1/2026 applies to gifts received from this day (the rule set's data); before it, 2/2019. */
const PERKOM_1_2026_FROM = versionById('perkom-kpk-1-2026')!.effectiveFrom;
// this year's story of DPMPTSP-KUKM (gratification.seed.ts DPM): [received, reported, [state, on][]] by day
// of the year; a report is seeded once reported, in the state of its last step that has come
const STORY: [string, string, [string, string][]][] = [
  ['01-20', '01-22', [['verified', '01-23'], ['analysed', '01-26'], ['forwarded', '01-28'], ['decided', '03-02'], ['followed_up', '03-10'], ['closed', '03-11']]],
  ['02-09', '02-10', [['verified', '02-11'], ['analysed', '02-12'], ['forwarded', '02-13']]], // refused
  ['03-02', '03-04', [['dismissed', '03-05']]],
  ['04-06', '05-04', [['verified', '05-05'], ['analysed', '05-08']]],
  ['06-15', '06-16', [['verified', '06-17'], ['analysed', '06-19'], ['forwarded', '06-22'], ['decided', '08-03']]],
  ['08-10', '08-12', [['completion_requested', '08-13']]],
  ['09-14', '09-15', [['verified', '09-16']]],
  ['10-20', '11-20', []],
  ['11-23', '11-24', []],
  ['05-11', '05-12', [['verified', '05-13'], ['analysed', '05-15'], ['forwarded', '05-18'], ['decided', '07-06'], ['followed_up', '07-08']]],
];
const storyStates = STORY.filter(([, reported]) => come(reported)).map(([, , steps]) => steps.filter(([, on]) => come(on)).at(-1)?.[0] ?? 'received');

function pdfText(bytes: Uint8Array): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'grat-pdf-'));
  try {
    writeFileSync(path.join(dir, 'a.pdf'), bytes);
    const r = spawnSync('pdftotext', [path.join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
    if (r.error) return null;
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.replace(/\s+/g, ' ');
  } finally { rmSync(dir, { recursive: true, force: true }); }
}

describe('gratification control', () => {
  let t: TestApp;
  const units: Record<string, string> = {};
  const one = async <T,>(q: string, p: unknown[] = []) => (await t.database.query<T>(q, p))[0]!;
  const snapshot = async () => ({
    reports: await countRows(t.database, 'gratification_reports'), events: await countRows(t.database, 'gratification_events'),
    custody: await countRows(t.database, 'gratification_custody'), campaigns: await countRows(t.database, 'gratification_campaigns'),
    settings: await countRows(t.database, 'gratification_settings'), files: await countRows(t.database, 'evidence_files'),
    audit: (await one<{ n: number }>(`select count(*)::int as n from kernel_audit_log where action like 'gratification.%'`)).n,
    states: JSON.stringify(await t.database.query('select id, state, verified_on, gol_number, decision from gratification_reports order by id')),
  });
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
  const report = (extra: Record<string, string> = {}) => ({
    kind: 'received', giverName: 'CV Maju Jaya', giverInstitution: 'CV Maju Jaya', relationship: 'service_user', occasion: 'Ucapan terima kasih izin terbit',
    itemKind: 'goods', description: 'Parsel buah', valueRp: '1.200.000', receivedOn: today(), place: 'Loket MPP', chronology: 'Diantar kurir ke meja saya.', whereNow: 'deposited', ...extra,
  });
  const multipart = (fields: Record<string, string>, file?: { bytes: Uint8Array; name: string }) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.set(k, v);
    if (file) fd.set('file', new File([file.bytes as BlobPart], file.name, { type: 'application/pdf' }));
    return fd;
  };
  const idOf = (res: Response) => /\/gratifikasi\/laporan\/([0-9a-f-]{36})/.exec(res.headers.get('location') ?? '')?.[1] ?? '';

  before(async () => {
    t = await createTestApp();
    for (const r of await t.database.query<{ id: string; code: string }>('select id, code from org_units')) units[r.code] = r.id;
  });
  after(async () => { await t.close(); });

  let mineId = '';
  /** The demo employee's latest report the KPK decided to be state property (the demo has one each year). */
  const decidedOfPegawai = () => one<{ id: string; giver_name: string; sk_number: string; note: string }>(`select r.id, r.giver_name, r.sk_number, r.analysis->>'note' as note from gratification_reports r
    join kernel_accounts a on a.id = r.account_id where a.username = 'pegawai' and r.decision = 'state' order by r.received_on desc limit 1`);

  test('the demo year is seeded once, in every state, one under 2/2019; Disdukcapil has its own', async () => {
    const { seedGratificationDemo } = await import('../src/modules/gratification/index.ts');
    assert.equal(await seedGratificationDemo(t.database.db, t.deps.files), false, 'second seed does nothing');
    const rows = await t.database.query<{ state: string; rules_version: string; kind: string }>(`select state, rules_version, kind from gratification_reports where unit_id = $1 and received_on >= $2`, [units.DPMPTSPKUKM, `${Y}-01-01`]);
    // this year: the story's reports as far as it has come (all ten, in every state, from 24 November)
    assert.equal(rows.length, storyStates.length);
    assert.deepEqual(rows.map((r) => r.state).sort(), [...storyStates].sort());
    // and a complete previous year: every report settled
    const prev = await t.database.query<{ state: string }>(`select state from gratification_reports where unit_id = $1 and received_on between $2 and $3`, [units.DPMPTSPKUKM, `${Y - 1}-01-01`, `${Y - 1}-12-31`]);
    assert.ok(prev.length >= 3, `previous year: ${prev.length}`);
    assert.ok(prev.every((r) => r.state === 'closed' || r.state === 'dismissed'), JSON.stringify(prev));
    if (come('11-24')) for (const s of ['received', 'completion_requested', 'verified', 'analysed', 'forwarded', 'decided', 'followed_up', 'closed', 'dismissed']) assert.ok(rows.some((r) => r.state === s), s);
    // the January gift falls under 2/2019 only in a year when it was received before Perkom 1/2026 took effect
    const under2019 = come('01-22') && `${Y}-01-20` < PERKOM_1_2026_FROM ? 1 : 0;
    assert.equal(rows.filter((r) => r.rules_version === 'perkom-kpk-2-2019').length, under2019);
    assert.equal(rows.filter((r) => r.rules_version === 'perkom-kpk-1-2026').length, rows.length - under2019);
    assert.equal(rows.some((r) => r.kind === 'refused'), come('02-10'), 'the refused bribe, reported on 10 February');
    // Disdukcapil: reports of 7 July and 19 November
    assert.equal((await one<{ n: number }>(`select count(*)::int as n from gratification_reports where unit_id = $1 and received_on >= $2`, [units.DISDUKCAPIL, `${Y}-01-01`])).n, ['07-07', '11-19'].filter(come).length);
  });

  test('an employee reports a gift with a PDF and sees only their own reports', async () => {
    const pegawai = await loggedIn(t.app, 'pegawai');
    const form = await pegawai.get(`${BASE}/lapor`);
    assert.equal(form.status, 200);
    const html = await form.text();
    assert.match(html, /Perkom|Peraturan KPK Nomor 1 Tahun 2026/);
    assert.match(html, /data-category="n"[^>]*>[\s\S]*?dihapus/);
    const before = await snapshot();
    const res = await pegawai.postMultipart(`${BASE}/lapor`, multipart(report(), { bytes: pdfBytes('foto parsel'), name: 'foto.pdf' }));
    assert.equal(res.status, 303);
    mineId = idOf(res);
    assert.ok(mineId);
    const after = await snapshot();
    assert.equal(after.reports, before.reports + 1);
    assert.equal(after.audit, before.audit + 1);
    const row = await one<{ rules_version: string; state: string; file_mime: string; reported_on: string }>(`select rules_version, state, file_mime, reported_on::text from gratification_reports where id = $1`, [mineId]);
    assert.deepEqual([row.rules_version, row.state, row.file_mime], ['perkom-kpk-1-2026', 'received', 'application/pdf']);
    const own = await pegawai.get(`${BASE}/laporan/${mineId}`);
    assert.equal(own.status, 200);
    assert.match(await own.text(), /CV Maju Jaya/);
    assert.equal((await pegawai.get(`${BASE}/laporan/${mineId}/lampiran`)).status, 200);
    // the list shows the employee's own: the new one and the demo one with the KPK decision (this year's
    // from 3 August, else last year's), nobody else's
    const list = await (await pegawai.get(BASE)).text();
    assert.match(list, /CV Maju Jaya/);
    assert.ok(list.includes((await decidedOfPegawai()).giver_name), 'the demo report with the KPK decision');
    assert.doesNotMatch(list, /H\. Sulaiman|Hotel Parai|PT Bangka Digital Solusi/);
    // another employee (same unit, and another unit) gets a 404 on the id and its attachment
    for (const who of ['pegawai.dukcapil', 'kadis']) {
      const other = await loggedIn(t.app, who);
      assert.equal((await other.get(`${BASE}/laporan/${mineId}`)).status, 404, who);
      assert.equal((await other.get(`${BASE}/laporan/${mineId}/lampiran`)).status, 404, who);
      assert.doesNotMatch(await (await other.get(BASE)).text(), /CV Maju Jaya/, who);
    }
  });

  test('the employee sees the KPK decision on their report', async () => {
    const pegawai = await loggedIn(t.app, 'pegawai');
    const { id, sk_number: sk, note } = await decidedOfPegawai();
    assert.ok(sk && note, 'a decree number and an analysis');
    const html = await (await pegawai.get(`${BASE}/laporan/${id}`)).text();
    assert.match(html, /data-decision/);
    assert.match(html, /Milik negara/);
    assert.ok(html.includes(sk), sk);
    // the UPG's analysis stays internal; the UPG sees it
    assert.ok(!html.includes(note), note);
    const upg = await loggedIn(t.app, 'upg');
    assert.ok((await (await upg.get(`${BASE}/kelola/${id}`)).text()).includes(note));
  });

  test('bad input is refused with an Indonesian message and nothing is stored', async () => {
    const pegawai = await loggedIn(t.app, 'pegawai');
    const before = await snapshot();
    const future = new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10);
    const cases: [Record<string, string>, { bytes: Uint8Array; name: string } | undefined, RegExp][] = [
      [report({ receivedOn: future }), undefined, /Tanggal tidak boleh di masa depan/],
      [report({ valueRp: '-150000' }), undefined, /Nilai tidak boleh negatif/],
      [report({ valueRp: 'satu juta' }), undefined, /Isi dengan angka rupiah/],
      [report({ giverName: '', occasion: '' }), undefined, /Nama pemberi: Wajib diisi/],
      [report(), { bytes: new Uint8Array(10 * 1024 * 1024 + 1).fill(0x25), name: 'besar.pdf' }, /10 MB|terlalu besar/i],
      [report(), { bytes: exeBytes(), name: 'nota.pdf' }, /jenis|tidak dikenali|diterima/i],
    ];
    for (const [fields, file, msg] of cases) {
      const res = await pegawai.postMultipart(`${BASE}/lapor`, multipart(fields, file));
      assert.equal(res.status, 400, String(msg));
      assert.match(await res.text(), msg);
    }
    // no CSRF token
    const res = await pegawai.postMultipart(`${BASE}/lapor`, multipart(report()), { csrf: false });
    assert.equal(res.status, 403);
    assert.deepEqual(await snapshot(), before);
  });

  test('the UPG of DPMPTSP-KUKM sees its unit only; forged ids of Disdukcapil are refused and change nothing', async () => {
    // a gift received two months ago, reported a month later (late) and left lying at the UPG since (past its
    // 10 working days): the demo has such reports from May on, so the test makes its own for every date
    const dewi = await loggedIn(t.app, 'pengaduan');
    const lying = idOf(await dewi.postMultipart(`${BASE}/lapor`, multipart(report({ receivedOn: addDays(TODAY, -61), giverName: 'PT Lama Menunggu', giverInstitution: 'PT Lama Menunggu' }))));
    assert.ok(lying);
    const reportedOn = addDays(TODAY, -30);
    await t.database.query(`update gratification_reports set reported_on = $2 where id = $1`, [lying, reportedOn]);
    await t.database.query(`update gratification_events set "on" = $2 where report_id = $1`, [lying, reportedOn]);
    // a new report in Disdukcapil, by its employee (the demo's open one comes on 19 November)
    const foreign = idOf(await (await loggedIn(t.app, 'pegawai.dukcapil')).postMultipart(`${BASE}/lapor`, multipart(report({ giverName: 'Warga pemohon akta' }))));
    assert.ok(foreign);
    const upg = await loggedIn(t.app, 'upg');
    const year = reportedOn.slice(0, 4); // this year, or last year in early January
    const list = await upg.get(`${BASE}/kelola?state=all&year=${year}`);
    assert.equal(list.status, 200);
    const html = await list.text();
    const reporters = await t.database.query<{ name: string }>(`select distinct p.name from gratification_reports r join org_people p on p.id = r.person_id where r.unit_id = $1 and extract(year from r.reported_on) = $2`, [units.DPMPTSPKUKM, Number(year)]);
    assert.ok(reporters.length > 1, 'the demo reports of the year and the one lying');
    for (const { name } of reporters) assert.ok(html.includes(name), name);
    assert.match(html, /Terlambat/);
    assert.match(html, /Lewat batas/);
    assert.equal((await upg.get(`${BASE}/kelola?unit=${units.DISDUKCAPIL}`)).status, 404);
    assert.equal((await upg.get(`${BASE}/kelola/${foreign}`)).status, 404);
    assert.equal((await upg.get(`${BASE}/kelola/${foreign}/kpk.csv`)).status, 404);
    const before = await snapshot();
    assert.equal((await upg.post(`${BASE}/kelola/${foreign}/verifikasi`, {})).status, 404);
    assert.equal((await upg.post(`${BASE}/kelola/${foreign}/bukan-gratifikasi`, { reason: 'x' })).status, 404);
    assert.equal((await upg.post(`${BASE}/titipan?unit=${units.DISDUKCAPIL}`, { receivedOn: TODAY, depositorName: 'x', description: 'x', storageLocation: 'x' })).status, 404);
    assert.equal((await upg.post(`${BASE}/titipan?unit=${units.DPMPTSPKUKM}`, { reportId: foreign, receivedOn: TODAY, depositorName: 'x', description: 'x', storageLocation: 'x' })).status, 404);
    assert.equal((await upg.post(`${BASE}/pengaturan?unit=${units.DISDUKCAPIL}`, { decreeNumber: 'palsu' })).status, 404);
    const dukItem = await one<{ id: string }>(`insert into gratification_custody (unit_id, receipt_number, received_on, description, storage_location, depositor_name) values ($1, 'TT-X/1', $2, 'Uang', 'Brankas', 'Pegawai') returning id`, [units.DISDUKCAPIL, TODAY]);
    const before2 = await snapshot();
    assert.equal((await upg.post(`${BASE}/titipan/${dukItem.id}/serahkan`, { releasedOn: TODAY, releasedTo: 'x' })).status, 404);
    assert.equal((await upg.get(`${BASE}/titipan/${dukItem.id}/tanda-terima.pdf`)).status, 404);
    assert.deepEqual(await snapshot(), before2);
    await t.database.query('delete from gratification_custody where id = $1', [dukItem.id]);
    assert.deepEqual(await snapshot(), before);
    // an employee without the UPG role cannot open the staff pages
    const pegawai = await loggedIn(t.app, 'pegawai');
    assert.equal((await pegawai.get(`${BASE}/kelola`)).status, 403);
    assert.equal((await pegawai.post(`${BASE}/kelola/${mineId}/verifikasi`, {})).status, 403);
  });

  test('the workflow: steps in order, out-of-order steps and replays refused without change; the reporter completes', async () => {
    const upg = await loggedIn(t.app, 'upg');
    const pegawai = await loggedIn(t.app, 'pegawai');
    const post = (slug: string, form: Record<string, string> = {}) => upg.post(`${BASE}/kelola/${mineId}/${slug}`, form);
    // out of order from received
    for (const [slug, form] of [['analisis', { relatedToPosition: 'yes', contraryToDuty: 'yes', note: 'x' }], ['teruskan', { forwardedOn: today(), golNumber: 'GOL-1' }], ['tutup', {}], ['tindak-lanjut', { followUpKind: 'other', followUpOn: today(), followUpNote: 'x' }]] as const) {
      const before = await snapshot();
      const res = await post(slug, form);
      assert.equal(res.status, 409, slug);
      assert.match(await res.text(), /tidak dapat dilakukan pada status/);
      assert.deepEqual(await snapshot(), before, slug);
    }
    assert.equal((await post('langkah-palsu')).status, 404);
    // completion requested → the reporter completes → received again
    assert.equal((await post('minta-lengkapi', { note: 'Lampirkan foto isi parsel.' })).status, 303);
    const due = await one<{ completion_due_on: string; reported_on: string }>(`select completion_due_on::text, reported_on::text from gratification_reports where id = $1`, [mineId]);
    assert.ok(due.completion_due_on > due.reported_on);
    const detail = await (await pegawai.get(`${BASE}/laporan/${mineId}`)).text();
    assert.match(detail, /data-completion/);
    assert.equal((await pegawai.post(`${BASE}/laporan/${mineId}/lengkapi`, { completionNote: '' })).status, 400);
    assert.equal((await pegawai.post(`${BASE}/laporan/${mineId}/lengkapi`, { completionNote: 'Isi parsel: buah impor 3 kg.' })).status, 303);
    const replay = await snapshot();
    assert.equal((await pegawai.post(`${BASE}/laporan/${mineId}/lengkapi`, { completionNote: 'lagi' })).status, 409);
    assert.deepEqual(await snapshot(), replay);
    // verify, analyse, forward, decide, follow up, close
    assert.equal((await post('verifikasi')).status, 303);
    const before = await snapshot();
    assert.equal((await post('verifikasi')).status, 409, 'replay');
    assert.deepEqual(await snapshot(), before);
    assert.equal((await post('analisis', { relatedToPosition: 'yes', note: 'x' })).status, 400, 'missing answer');
    assert.equal((await post('analisis', { relatedToPosition: 'yes', contraryToDuty: 'yes', category: '', note: 'Terkait pelayanan izin.' })).status, 303);
    assert.equal((await post('teruskan', { forwardedOn: '2099-01-01', golNumber: `GOL-${Y}-1` })).status, 400);
    assert.equal((await post('teruskan', { forwardedOn: today(), golNumber: `GOL-${Y}-0099999` })).status, 303);
    assert.equal((await post('putusan', { decision: 'other', decisionOn: today(), skNumber: `9/GRA/${Y}` })).status, 400, 'other needs a note');
    assert.equal((await post('putusan', { decision: 'state', decisionOn: today(), skNumber: `2001/GRA.01/${Y}` })).status, 303);
    assert.equal((await post('tindak-lanjut', { followUpKind: 'handed_to_state', followUpOn: today(), followUpNote: 'Disetor ke kas negara.' })).status, 303);
    assert.equal((await post('tutup')).status, 303);
    const row = await one<{ state: string; gol_number: string; decision: string }>(`select state, gol_number, decision from gratification_reports where id = $1`, [mineId]);
    assert.deepEqual(row, { state: 'closed', gol_number: `GOL-${Y}-0099999`, decision: 'state' });
    const audit = await t.database.query<{ action: string }>(`select action from kernel_audit_log where entity_id = $1 order by seq`, [mineId]);
    assert.deepEqual(audit.map((a) => a.action), ['gratification.report.create', 'gratification.report.request_completion', 'gratification.report.complete', 'gratification.report.verify',
      'gratification.report.analyse', 'gratification.report.forward', 'gratification.report.decide', 'gratification.report.follow_up', 'gratification.report.close']);
    const seen = await (await pegawai.get(`${BASE}/laporan/${mineId}`)).text();
    assert.ok(seen.includes(`2001/GRA.01/${Y}`));
    assert.match(seen, /Disetor ke kas negara|Diserahkan\/disetor kepada negara/);
  });

  test('deadlines and late flags: a gift received long ago is flagged late and beyond 30 working days', async () => {
    const pegawai = await loggedIn(t.app, 'pegawai');
    const old = new Date(Date.now() - 70 * 86400_000).toISOString().slice(0, 10);
    const form = await (await pegawai.get(`${BASE}/lapor?receivedOn=${old}`)).text();
    assert.match(form, /data-late="beyond"/);
    assert.match(form, /milik negara/);
    const res = await pegawai.postMultipart(`${BASE}/lapor`, multipart(report({ receivedOn: old, giverName: 'PT Terlambat' })));
    assert.equal(res.status, 303);
    const html = await (await pegawai.get(`${BASE}/laporan/${idOf(res)}`)).text();
    assert.match(html, /data-late="beyond"/);
    const upg = await loggedIn(t.app, 'upg');
    const page = await (await upg.get(`${BASE}/kelola/${idOf(res)}`)).text();
    assert.match(page, /&gt; 30|lebih dari 30 hari kerja/);
    // the category check on the UPG page: a wedding gift of Rp 1.200.000 received the day before Perkom 1/2026
    // took effect is judged under 2/2019 (the demo's January gift is only in 2026)
    const old2019 = await pegawai.postMultipart(`${BASE}/lapor`, multipart(report({ receivedOn: addDays(PERKOM_1_2026_FROM, -1), giverName: 'Bapak Hamdan', relationship: 'family', occasion: 'Pernikahan adik', itemKind: 'money', description: 'Amplop kondangan', valueRp: '1.200.000' })));
    assert.equal(old2019.status, 303);
    const jan = idOf(old2019);
    assert.equal((await one<{ rules_version: string }>('select rules_version from gratification_reports where id = $1', [jan])).rules_version, 'perkom-kpk-2-2019');
    assert.match(await (await upg.get(`${BASE}/kelola/${jan}`)).text(), /Peraturan KPK Nomor 2 Tahun 2019/);
  });

  test('KPK export: CSV, XLSX, page and PDF carry the GOL fields', async () => {
    const upg = await loggedIn(t.app, 'upg');
    const csv = await upg.get(`${BASE}/kelola/${mineId}/kpk.csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    const text = await csv.text();
    for (const label of ['Nama pelapor', 'NIP', 'Jabatan', 'Unit kerja', 'Nomor telepon', 'Nama pemberi', 'Hubungan dengan pemberi', 'Peristiwa pemberian', 'Tempat penerimaan', 'Tanggal penerimaan', 'Jenis/bentuk penerimaan', 'Uraian objek', 'Nilai', 'Kronologi', 'Keberadaan objek']) assert.ok(text.includes(label), label);
    assert.ok(text.includes('CV Maju Jaya') && text.includes('Rp 1.200.000'));
    const xlsx = await upg.get(`${BASE}/kelola/${mineId}/kpk.xlsx`);
    assert.equal(xlsx.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const cells = wb.worksheets[0]!.getSheetValues().flat().map((x) => (x && typeof x === 'object' && 'richText' in x ? (x as { richText: { text: string }[] }).richText.map((r) => r.text).join('') : String(x ?? '')));
    for (const want of ['Nama pelapor', 'Kronologi penerimaan', 'CV Maju Jaya', 'Rp 1.200.000']) assert.ok(cells.includes(want), want);
    const page = await upg.get(`${BASE}/kelola/${mineId}/kpk`);
    assert.equal(page.status, 200);
    const pdf = await upg.get(`${BASE}/kelola/${mineId}/kpk.pdf`);
    assert.equal(pdf.status, 200);
    const words = pdfText(new Uint8Array(await pdf.arrayBuffer()));
    if (words !== null) assert.match(words, /CV Maju Jaya/);
  });

  test('custody register: add with a receipt PDF, release once', async () => {
    const upg = await loggedIn(t.app, 'upg');
    const before = await countRows(t.database, 'gratification_custody');
    const bad = await upg.post(`${BASE}/titipan?unit=${units.DPMPTSPKUKM}`, { receivedOn: today(), depositorName: '', description: 'x', storageLocation: 'Brankas' });
    assert.equal(bad.status, 400);
    assert.equal(await countRows(t.database, 'gratification_custody'), before);
    const res = await upg.post(`${BASE}/titipan?unit=${units.DPMPTSPKUKM}`, { reportId: mineId, receivedOn: today(), depositorName: 'Pegawai Demo', description: 'Parsel buah', valueRp: '1.200.000', storageLocation: 'Lemari UPG' });
    assert.equal(res.status, 303);
    const item = await one<{ id: string; receipt_number: string }>(`select id, receipt_number from gratification_custody where report_id = $1 and released_on is null`, [mineId]);
    assert.match(item.receipt_number, /^TT-UPG\/\d{4}\/\d{4}$/);
    const pdf = await upg.get(`${BASE}/titipan/${item.id}/tanda-terima.pdf`);
    assert.equal(pdf.status, 200);
    const words = pdfText(new Uint8Array(await pdf.arrayBuffer()));
    if (words !== null) { assert.match(words, /TANDA TERIMA TITIPAN/i); assert.ok(words.includes(item.receipt_number)); }
    assert.equal((await upg.post(`${BASE}/titipan/${item.id}/serahkan`, { releasedOn: today(), releasedTo: 'Kas negara' })).status, 303);
    assert.equal((await upg.post(`${BASE}/titipan/${item.id}/serahkan`, { releasedOn: today(), releasedTo: 'Lagi' })).status, 409);
    const page = await (await upg.get(`${BASE}/titipan`)).text();
    const numbers = await t.database.query<{ receipt_number: string }>('select receipt_number from gratification_custody where unit_id = $1', [units.DPMPTSPKUKM]);
    assert.ok(numbers.length > 1, 'the demo items and the new one');
    for (const { receipt_number: n } of numbers) assert.ok(page.includes(n), n);
  });

  test('campaign register with evidence; bad input refused', async () => {
    const upg = await loggedIn(t.app, 'upg');
    const before = await snapshot();
    const bad = await upg.postMultipart(`${BASE}/kampanye?unit=${units.DPMPTSPKUKM}&year=${Y}`, multipart({ kind: 'poster', title: 'Poster', heldOn: today(), channel: 'Lobi', reach: '-5' }));
    assert.equal(bad.status, 400);
    const disguised = await upg.postMultipart(`${BASE}/kampanye?unit=${units.DPMPTSPKUKM}&year=${Y}`, multipart({ kind: 'poster', title: 'Poster', heldOn: today(), channel: 'Lobi' }, { bytes: exeBytes(), name: 'poster.pdf' }));
    assert.equal(disguised.status, 400);
    assert.deepEqual(await snapshot(), before);
    const ok = await upg.postMultipart(`${BASE}/kampanye?unit=${units.DPMPTSPKUKM}&year=${Y}`, multipart({ kind: 'poster', title: 'Poster tolak gratifikasi akhir tahun', heldOn: today(), channel: 'Lobi MPP', reach: '1.250' }, { bytes: pdfBytes('poster'), name: 'poster.pdf' }));
    assert.equal(ok.status, 303);
    const after = await snapshot();
    assert.equal(after.campaigns, before.campaigns + 1);
    assert.equal(after.files, before.files + 1);
    assert.match(await (await upg.get(`${BASE}/kampanye?unit=${units.DPMPTSPKUKM}&year=${today().slice(0, 4)}`)).text(), /Poster tolak gratifikasi akhir tahun/);
    // the ZI secretary may keep campaigns; an employee may not
    assert.equal((await (await loggedIn(t.app, 'pegawai')).get(`${BASE}/kampanye`)).status, 403);
  });

  test('statistics: counts without names for the regency viewer and the unit head; the periodic report PDF renders', async () => {
    for (const who of ['bupati', 'kadis']) {
      const c = await loggedIn(t.app, who);
      const res = await c.get(`${BASE}/statistik?unit=${units.DPMPTSPKUKM}&year=${Y}`);
      assert.equal(res.status, 200, who);
      const html = await res.text();
      assert.match(html, /data-stats/);
      for (const name of ['Rina Marlina', 'H. Sulaiman', 'CV Maju Jaya', 'Rudi Hartono']) assert.ok(!html.includes(name), `${who} sees ${name}`);
      assert.equal((await c.get(`${BASE}/kelola`)).status, 403, who);
      assert.equal((await c.get(`${BASE}/kelola/${mineId}`)).status, 403, who);
    }
    const kadis = await loggedIn(t.app, 'kadis');
    assert.equal((await kadis.get(`${BASE}/statistik?unit=${units.DISDUKCAPIL}`)).status, 404, 'another unit');
    const pdf = await kadis.get(`${BASE}/statistik/laporan.pdf?unit=${units.DPMPTSPKUKM}&period=${Y}-S1`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const words = pdfText(new Uint8Array(await pdf.arrayBuffer()));
    if (words !== null) {
      assert.match(words, /LAPORAN BERKALA UPG/i);
      assert.ok(words.includes(`800/045/DPMPTSPKUKM/${Y}`), 'the UPG decree');
      assert.match(words, /Nurhayati/);
      assert.ok(!words.includes('Rina Marlina'));
    }
    assert.equal((await kadis.get(`${BASE}/statistik/laporan.pdf?unit=${units.DPMPTSPKUKM}&period=${Y}-Q9`)).status, 404);
  });

  test('LKE suggestions A.I.5.i.a/b on /lke/<id>/saran for the demo unit; the mapping is pure', async () => {
    const ws = await one<{ id: string }>(`select id from assessment_worksheets where unit_id = $1 and year = $2`, [units.DPMPTSPKUKM, Y]);
    const ketua = await loggedIn(t.app, 'ketua.zi');
    const res = await ketua.get(`/lke/${ws.id}/saran`);
    assert.equal(res.status, 200);
    const html = await res.text();
    for (const item of ['A.I.5.i.a', 'A.I.5.i.b']) assert.ok(html.includes(item), item);
    assert.ok(html.includes(`800/045/DPMPTSPKUKM/${Y}`), 'the UPG decree');
    assert.ok(html.includes(`kampanye pada tahun ${Y}`));
    const base: LkeFacts = { year: 2026, campaigns: 5, quarters: 4, campaignAnswer: 'a', decree: 'SK 1', procedures: 'SOP', reports: 3, reportsHandled: 2, upgAnswer: 'a' };
    const cases: [Partial<LkeFacts>, Record<string, string>][] = [
      [{}, { 'A.I.5.i.a': 'a', 'A.I.5.i.b': 'a' }],
      [{ campaigns: 0, quarters: 0, campaignAnswer: 'c', decree: null, procedures: null, upgAnswer: 'd' }, { 'A.I.5.i.a': 'c', 'A.I.5.i.b': 'd' }],
    ];
    for (const [over, expected] of cases) {
      const out = gratificationSuggestions({ ...base, ...over }, units.DPMPTSPKUKM);
      for (const [item, answer] of Object.entries(expected)) assert.equal(out.find((s) => s.item === item)?.answer, answer, item);
      assert.ok(!JSON.stringify(out).includes('Rina'), 'no names');
    }
  });

  test('home-page tasks: new and overdue reports for the UPG, completion for the reporter (counts only)', async () => {
    const { gratificationTasks } = await import('../src/modules/gratification/index.ts');
    const ctxOf = async (username: string) => {
      const id = (await one<{ id: string }>(`select id from kernel_accounts where username = $1`, [username])).id;
      const actor = (await t.deps.loadActor(id))!;
      return { db: t.database.db, actor, access: t.deps.access, unitId: null, today: regencyToday(), now: new Date() };
    };
    const upg = await gratificationTasks(await ctxOf('upg'));
    assert.deepEqual(upg.map((x) => x.key), ['gratification.task.overdue', 'gratification.task.new']);
    assert.ok(upg.every((x) => Number(x.params?.n) > 0));
    const fajar = (await one<{ username: string }>(`select a.username from gratification_reports r join kernel_accounts a on a.id = r.account_id where r.state = 'completion_requested' limit 1`).catch(() => null));
    if (fajar) assert.ok((await gratificationTasks(await ctxOf(fajar.username))).some((x) => x.key === 'gratification.task.complete'));
    assert.deepEqual(await gratificationTasks(await ctxOf('bupati')), [], 'no person, no UPG role: nothing');
    assert.ok(!JSON.stringify(upg).includes('Sulaiman'));
  });

  test('UPG settings: saved with audit; a head from another unit is refused', async () => {
    const upg = await loggedIn(t.app, 'upg');
    const foreign = (await one<{ id: string }>(`select id from org_people where unit_id = $1 limit 1`, [units.DISDUKCAPIL])).id;
    const before = await snapshot();
    assert.equal((await upg.post(`${BASE}/pengaturan?unit=${units.DPMPTSPKUKM}`, { decreeNumber: 'SK baru', headPersonId: foreign })).status, 400);
    assert.equal((await upg.post(`${BASE}/pengaturan?unit=${units.DPMPTSPKUKM}`, { decreeDate: TODAY })).status, 400, 'a date without a number');
    assert.deepEqual(await snapshot(), before);
    assert.equal((await upg.post(`${BASE}/pengaturan?unit=${units.DPMPTSPKUKM}`, { decreeNumber: `800/045/DPMPTSPKUKM/${Y}`, decreeDate: TODAY, proceduresTitle: 'SOP Pengendalian Gratifikasi (revisi)' })).status, 303);
    assert.equal((await snapshot()).audit, before.audit + 1);
  });

  test('every route of the module sends an anonymous visitor to the login page and changes nothing', async () => {
    const anyId = (await one<{ id: string }>('select id from gratification_reports limit 1')).id;
    const before = await snapshot();
    const tried = await assertAnonymousRefused(t, BASE, anyId);
    assert.ok(tried.length >= 20, `the module's routes: ${tried.length}`);
    assert.deepEqual(await snapshot(), before);
  });
});
