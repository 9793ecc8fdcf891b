// Complaints through the web: the public form (anonymous, with a checked attachment), the tracking
// page that shows only that complaint and no internal note or handler name, handling (assign,
// reply, note, forward, close) with SLA highlighting and reminders, the complainant's satisfaction,
// staff entry from SP4N-LAPOR!, the LAPOR! import (all or nothing, duplicates skipped), statistics
// with the A.II.5.ii counts and the PDF, authorization (other unit 404, employees 403, regency
// viewer statistics only) and bad input that changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hashPassword } from '../src/kernel/auth.ts';
import { sendComplaintReminders } from '../src/modules/complaints/index.ts';
import { suggestFromFacts, gatherFacts } from '../src/modules/complaints/complaints.suggest.ts';
import { complaintsLkeSuggestions, complaintsMessages } from '../src/modules/complaints/index.ts';
import { getRuleSet } from '../src/modules/assessment/index.ts';
import { collectSuggestions } from '../src/modules/assessment/lke.suggest.ts';
import { I18n } from '../src/kernel/i18n.ts';
import { addDays, currentYear, dayIn } from '../src/kernel/workdays.ts';
import { Client, countRows, createTestApp, DEMO_PASSWORD, loggedIn, type TestApp } from './helpers.ts';

const enc = new TextEncoder();
const pdfBytes = (text: string) => enc.encode(`%PDF-1.7\n% ${text}\n1 0 obj << >> endobj\n%%EOF\n`);
const codeOf = (html: string) => /data-tracking-code[^>]*>([0-9A-Z-]{29})</.exec(html)?.[1] ?? null;

describe('complaints', () => {
  let t: TestApp;
  const units: Record<string, string> = {};
  const one = async <T,>(q: string, p: unknown[] = []) => (await t.database.query<T>(q, p))[0]!;
  const snapshot = async () => ({
    complaints: await countRows(t.database, 'complaints_complaints'), entries: await countRows(t.database, 'complaints_entries'),
    audit: (await one<{ n: number }>(`select count(*)::int as n from kernel_audit_log where action like 'complaints.%'`)).n,
    notifications: await countRows(t.database, 'kernel_notifications'),
  });
  const publicForm = (fields: Record<string, string>, file?: { bytes: Uint8Array; name: string }) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.set(k, v);
    if (file) fd.set('attachment', new File([file.bytes as BlobPart], file.name, { type: 'application/pdf' }));
    return fd;
  };
  const good = () => ({ unitId: units.DPMPTSPKUKM, category: 'perizinan', subject: 'Izin usaha tidak kunjung terbit', description: 'Permohonan NIB saya sudah tiga minggu belum diproses.', eventDate: '2026-11-02', anonymous: '1', name: 'Tidak dipakai' });

  before(async () => {
    t = await createTestApp({ seed: 'org' });
    for (const r of await t.database.query<{ id: string; code: string }>('select id, code from org_units')) units[r.code] = r.id;
    // a complaint handler of Disdukcapil, for the cross-unit checks
    const hash = await hashPassword(DEMO_PASSWORD);
    const acc = await one<{ id: string }>(`insert into kernel_accounts (username, password_hash, display_name) values ('pengaduan.dukcapil', $1, 'Petugas Dukcapil') returning id`, [hash]);
    await t.database.query(`insert into org_role_assignments (account_id, role, unit_id) values ($1, 'complaint_handler', $2)`, [acc.id, units.DISDUKCAPIL]);
  });
  after(async () => { await t.close(); });

  let code = '';
  let id = '';

  test('public form without login: anonymous complaint with a PDF attachment gets a long tracking code; only its hash is stored', async () => {
    const anon = new Client(t.app);
    const page = await anon.get('/pengaduan');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /name="website"/);
    const res = await anon.postMultipart('/pengaduan', publicForm(good(), { bytes: pdfBytes('bukti'), name: 'bukti.pdf' }));
    assert.equal(res.status, 200);
    code = codeOf(await res.text())!;
    assert.ok(code, 'tracking code shown');
    const row = await one<{ id: string; tracking_hash: string; complainant_name: string | null; attachment_mime: string; channel: string; sla_days: number; state: string }>('select * from complaints_complaints');
    id = row.id;
    assert.equal(row.complainant_name, null, 'anonymous: the name is dropped');
    assert.equal(row.attachment_mime, 'application/pdf');
    assert.equal(row.channel, 'web');
    assert.equal(row.sla_days, 5);
    assert.equal(row.state, 'received');
    assert.match(row.tracking_hash, /^[0-9a-f]{64}$/);
    const dump = JSON.stringify(await t.database.query('select * from complaints_complaints')) + JSON.stringify(await t.database.query('select * from kernel_audit_log'));
    assert.ok(!dump.includes(code.replace(/-/g, '')) && !dump.includes(code), 'the code itself is stored nowhere');
    // the unit's handler is notified
    const n = await one<{ n: number }>(`select count(*)::int as n from kernel_notifications where kind = 'complaints.new'`);
    assert.equal(n.n, 1);
  });

  test('the unit-preselected form', async () => {
    const res = await new Client(t.app).get('/publik/unit/DPMPTSPKUKM/pengaduan');
    assert.equal(res.status, 200);
    assert.match(await res.text(), new RegExp(`name="unitId" value="${units.DPMPTSPKUKM}"`));
    assert.equal((await new Client(t.app).get('/publik/unit/NOPE/pengaduan')).status, 404);
  });

  test('bad input refused and nothing changes: future date, disguised or oversized attachment, honeypot, unknown unit', async () => {
    const before = await snapshot();
    const anon = new Client(t.app);
    const cases: [Record<string, string>, { bytes: Uint8Array; name: string } | undefined, RegExp][] = [
      [{ ...good(), eventDate: '2099-01-01' }, undefined, /Tanggal tidak boleh setelah hari ini/],
      [good(), { bytes: enc.encode('MZ\x90\x00 this is an exe'), name: 'bukti.pdf' }, /isinya tidak sesuai/],
      [good(), { bytes: new Uint8Array(10 * 1024 * 1024 + 1).fill(0x25), name: 'besar.pdf' }, /terlalu besar/],
      [{ ...good(), website: 'http://spam' }, undefined, /tidak dapat dikirim/],
      [{ ...good(), unitId: '00000000-0000-0000-0000-000000000000' }, undefined, /Pilih unit/],
      [{ ...good(), category: 'x', description: 'pendek' }, undefined, /Pilih kategori/],
    ];
    for (const [fields, file, msg] of cases) {
      const res = await anon.postMultipart('/pengaduan', publicForm(fields, file));
      assert.equal(res.status, 400, String(msg));
      assert.match(await res.text(), msg);
    }
    assert.deepEqual(await snapshot(), before);
  });

  test('handler: list shows it, assign, internal note, reply; the tracking page shows status and reply only', async () => {
    const h = await loggedIn(t.app, 'pengaduan');
    const list = await (await h.get('/pengaduan/kelola')).text();
    assert.match(list, /Izin usaha tidak kunjung terbit/);
    const detail = await (await h.get(`/pengaduan/kelola/${id}`)).text();
    assert.match(detail, /Anonim/);
    const me = await one<{ id: string }>(`select id from kernel_accounts where username = 'pengaduan'`);
    assert.equal((await h.post(`/pengaduan/kelola/${id}/tugaskan`, { assignee: me.id })).status, 303);
    assert.equal((await h.post(`/pengaduan/kelola/${id}/catatan`, { note: 'RAHASIA: cek berkas di loket 3' })).status, 303);
    assert.equal((await h.post(`/pengaduan/kelola/${id}/balas`, { reply: 'Berkas Anda sedang diverifikasi, mohon menunggu.' })).status, 303);
    const row = await one<{ state: string; first_response_on: string | null }>('select state, first_response_on::text from complaints_complaints where id = $1', [id]);
    assert.equal(row.state, 'in_process');
    assert.ok(row.first_response_on);

    const anon = new Client(t.app);
    await anon.get('/pengaduan/lacak');
    const tr = await anon.post('/pengaduan/lacak', { code: code.toLowerCase() });
    assert.equal(tr.status, 200);
    const html = await tr.text();
    assert.match(html, /Izin usaha tidak kunjung terbit/);
    assert.match(html, /sedang diverifikasi/);
    assert.match(html, /Diproses/);
    assert.ok(!html.includes('RAHASIA'), 'internal note hidden');
    assert.ok(!html.includes('Dewi Lestari'), 'handler name hidden');
    // a wrong code shows nothing
    const wrong = await anon.post('/pengaduan/lacak', { code: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA' });
    assert.equal(wrong.status, 404);
    assert.ok(!(await wrong.text()).includes('Izin usaha'));
  });

  test('the complainant adds information; satisfaction refused before closure', async () => {
    const anon = new Client(t.app);
    await anon.get('/pengaduan/lacak');
    assert.equal((await anon.post('/pengaduan/lacak/info', { code, info: 'Nomor permohonan saya 12345.' })).status, 200);
    const before = await snapshot();
    const r = await anon.post('/pengaduan/lacak/kepuasan', { code, satisfaction: '5' });
    assert.equal(r.status, 409);
    assert.deepEqual(await snapshot(), before);
  });

  test('authorization: other unit\'s handler 404; employee 403; regency viewer statistics only; unit head reads but cannot handle', async () => {
    const other = await loggedIn(t.app, 'pengaduan.dukcapil');
    assert.equal((await other.get(`/pengaduan/kelola/${id}`)).status, 404);
    const before = await snapshot();
    assert.equal((await other.post(`/pengaduan/kelola/${id}/balas`, { reply: 'x' })).status, 404);
    assert.ok(!(await (await other.get('/pengaduan/kelola')).text()).includes('Izin usaha'));
    const emp = await loggedIn(t.app, 'pegawai');
    assert.equal((await emp.get(`/pengaduan/kelola/${id}`)).status, 403);
    assert.equal((await emp.get('/pengaduan/statistik')).status, 403);
    const viewer = await loggedIn(t.app, 'bupati');
    assert.equal((await viewer.get(`/pengaduan/kelola/${id}`)).status, 403);
    assert.equal((await viewer.get('/pengaduan/kelola')).status, 303);
    assert.equal((await viewer.get('/pengaduan/statistik')).status, 200);
    const head = await loggedIn(t.app, 'kadis');
    assert.equal((await head.get(`/pengaduan/kelola/${id}`)).status, 200);
    assert.equal((await head.post(`/pengaduan/kelola/${id}/balas`, { reply: 'x' })).status, 403);
    // forged ids
    const h = await loggedIn(t.app, 'pengaduan');
    assert.equal((await h.post('/pengaduan/kelola/00000000-0000-0000-0000-000000000000/balas', { reply: 'x' })).status, 404);
    assert.equal((await h.post(`/pengaduan/kelola/${id}/tugaskan`, { assignee: '00000000-0000-0000-0000-000000000000' })).status, 400);
    assert.deepEqual(await snapshot(), before);
  });

  test('a sub-unit without its own handler is served by its parent unit\'s handlers (assignable, notified)', async () => {
    // Puskesmas Sungailiat (UPT) sits under Dinas Kesehatan; a handler on the Dinas covers it
    const acc = await one<{ id: string }>(`insert into kernel_accounts (username, password_hash, display_name) values ('pengaduan.dinkes', $1, 'Petugas Dinkes') returning id`, [await hashPassword(DEMO_PASSWORD)]);
    await t.database.query(`insert into org_role_assignments (account_id, role, unit_id) values ($1, 'complaint_handler', $2)`, [acc.id, units.DINKES]);
    const anon = new Client(t.app);
    await anon.get('/pengaduan');
    const res = await anon.postMultipart('/pengaduan', publicForm({ ...good(), unitId: units['PKM-SGL'], subject: 'Antrean puskesmas terlalu lama' }));
    assert.equal(res.status, 200);
    const [c] = await t.database.query<{ id: string }>("select id from complaints_complaints where subject = 'Antrean puskesmas terlalu lama'");
    const [n] = await t.database.query<{ n: number }>('select count(*)::int as n from kernel_notifications where account_id = $1', [acc.id]);
    assert.equal(Number(n.n), 1, 'the parent unit\'s handler is notified');
    const h = await loggedIn(t.app, 'pengaduan.dinkes');
    const page = await (await h.get(`/pengaduan/kelola/${c.id}`)).text();
    assert.match(page, new RegExp(`<option value="${acc.id}"`), 'and can be assigned');
    assert.equal((await h.post(`/pengaduan/kelola/${c.id}/tugaskan`, { assignee: acc.id })).status, 303);
    // Disdukcapil's handler is neither
    const [dk] = await t.database.query<{ id: string }>("select id from kernel_accounts where username = 'pengaduan.dukcapil'");
    assert.ok(!page.includes(`<option value="${dk.id}"`));
  });

  test('SLA: an old complaint is highlighted overdue and reminded once', async () => {
    const h = await loggedIn(t.app, 'pengaduan');
    const res = await h.postMultipart('/pengaduan/kelola/baru', publicForm({
      unitId: units.DPMPTSPKUKM, channel: 'lapor', laporRef: 'LPR-2026-0001', receivedOn: '2026-01-05', classification: 'pengaduan',
      category: 'informasi', subject: 'Informasi tarif retribusi', description: 'Mohon informasi tarif retribusi izin bangunan.',
    }));
    assert.equal(res.status, 200);
    const list = await (await h.get('/pengaduan/kelola?overdue=1')).text();
    assert.match(list, /Informasi tarif retribusi/);
    assert.match(list, /Melewati batas/);
    assert.ok(!list.includes('Izin usaha tidak kunjung'), 'the filter keeps only overdue ones');
    const sent = await sendComplaintReminders(t.database.db, false);
    assert.ok(sent >= 1);
    assert.equal(await sendComplaintReminders(t.database.db, false), 0, 'reminded once');
    // the same LAPOR! number again is refused
    const before = await snapshot();
    const dup = await h.postMultipart('/pengaduan/kelola/baru', publicForm({
      unitId: units.DPMPTSPKUKM, channel: 'lapor', laporRef: 'lpr-2026-0001', receivedOn: '2026-01-05', category: 'informasi', subject: 'Lagi', description: 'Mohon informasi tarif retribusi.',
    }));
    assert.equal(dup.status, 400);
    const future = await h.postMultipart('/pengaduan/kelola/baru', publicForm({
      unitId: units.DPMPTSPKUKM, channel: 'phone', receivedOn: '2099-01-01', category: 'informasi', subject: 'X', description: 'Tanggal di masa depan.',
    }));
    assert.equal(future.status, 400);
    const otherUnit = await h.postMultipart('/pengaduan/kelola/baru', publicForm({
      unitId: units.DISDUKCAPIL, channel: 'phone', category: 'informasi', subject: 'X', description: 'Unit lain tidak boleh.',
    }));
    assert.equal(otherUnit.status, 400);
    assert.deepEqual(await snapshot(), before);
  });

  test('close with outcome; the complainant gives satisfaction once', async () => {
    const h = await loggedIn(t.app, 'pengaduan');
    assert.equal((await h.post(`/pengaduan/kelola/${id}/selesai`, { kind: 'close', text: '' })).status, 400);
    assert.equal((await h.post(`/pengaduan/kelola/${id}/selesai`, { kind: 'close', text: 'NIB telah terbit pada hari ini.' })).status, 303);
    assert.equal((await h.post(`/pengaduan/kelola/${id}/balas`, { reply: 'setelah selesai' })).status, 409);
    const anon = new Client(t.app);
    await anon.get('/pengaduan/lacak');
    assert.equal((await anon.post('/pengaduan/lacak/kepuasan', { code, satisfaction: '9' })).status, 400);
    const ok = await anon.post('/pengaduan/lacak/kepuasan', { code, satisfaction: '4', note: 'Cepat.' });
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /Penilaian Anda: Puas/);
    assert.equal((await anon.post('/pengaduan/lacak/kepuasan', { code, satisfaction: '5' })).status, 409);
    const row = await one<{ state: string; satisfaction: number }>('select state, satisfaction from complaints_complaints where id = $1', [id]);
    assert.deepEqual(row, { state: 'closed', satisfaction: 4 });
  });

  test('forward moves the complaint to the other unit (audited); reject and not-our-authority need their texts', async () => {
    const anon = new Client(t.app);
    const res = await anon.postMultipart('/pengaduan', publicForm({ ...good(), subject: 'KTP belum jadi', category: 'pelayanan' }));
    const fwdCode = codeOf(await res.text())!;
    const c2 = await one<{ id: string }>(`select id from complaints_complaints where subject = 'KTP belum jadi'`);
    const h = await loggedIn(t.app, 'pengaduan');
    assert.equal((await h.post(`/pengaduan/kelola/${c2.id}/teruskan`, { toUnitId: units.DISDUKCAPIL, reason: 'Urusan kependudukan' })).status, 303);
    assert.equal((await h.get(`/pengaduan/kelola/${c2.id}`)).status, 404, 'gone from the sender');
    const other = await loggedIn(t.app, 'pengaduan.dukcapil');
    assert.equal((await other.get(`/pengaduan/kelola/${c2.id}`)).status, 200);
    const audit = await one<{ n: number }>(`select count(*)::int as n from kernel_audit_log where action = 'complaints.forward'`);
    assert.equal(audit.n, 1);
    await anon.get('/pengaduan/lacak');
    const tr = await (await anon.post('/pengaduan/lacak', { code: fwdCode })).text();
    assert.match(tr, /diteruskan kepada Dinas Kependudukan/);
    assert.ok(!tr.includes('Urusan kependudukan'), 'the internal reason stays internal');
    assert.equal((await other.post(`/pengaduan/kelola/${c2.id}/selesai`, { kind: 'not_authority', text: 'Bukan urusan kami', referTo: '' })).status, 400);
    assert.equal((await other.post(`/pengaduan/kelola/${c2.id}/selesai`, { kind: 'not_authority', text: 'Kewenangan pemerintah provinsi.', referTo: 'Ombudsman RI Perwakilan Babel' })).status, 303);
    assert.equal((await one<{ state: string }>('select state from complaints_complaints where id = $1', [c2.id])).state, 'not_authority');
  });

  test('LAPOR! import: mapping, all or nothing, duplicates skipped, disguised refused', async () => {
    const h = await loggedIn(t.app, 'pengaduan');
    const page = await (await h.get('/pengaduan/impor')).text();
    assert.match(page, /No. Tracking/);
    const up = (text: string | Uint8Array, name: string) => {
      const fd = new FormData();
      fd.set('unitId', units.DPMPTSPKUKM);
      fd.set('file', new File([(typeof text === 'string' ? enc.encode(text) : text) as BlobPart], name));
      return h.postMultipart('/pengaduan/impor', fd);
    };
    const header = 'No. Tracking;Tanggal Laporan;Judul Laporan;Isi Laporan;Kategori;Nama Pelapor\n';
    const before = await snapshot();
    const bad = await up(`${header}LPR-1;05/02/2026;Judul;Isi laporan satu;Perizinan;Anonim\nLPR-2;2099-01-01;Judul;Isi;Pelayanan;Budi\n`, 'lapor.csv');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /Tidak ada yang diimpor/);
    assert.deepEqual(await snapshot(), before, 'nothing half-imported');
    assert.equal((await up(pdfBytes('x'), 'lapor.csv')).status, 400, 'a PDF named .csv');
    assert.equal((await up('MZ\x90\x00binary', 'lapor.xlsx')).status, 400);
    const ok = await up(`${header}LPR-1;05/02/2026;Judul satu;Isi laporan satu;Perizinan;Anonim\nLPR-2026-0001;2026-02-06;Dup;Isi;Pelayanan;Budi\nLPR-1;05/02/2026;Judul satu;Isi;Perizinan;\n"LPR-3";2026-02-09;"Judul; dengan titik koma";"Isi ""kutip""";Pungutan liar;Sari\n`, 'lapor.csv');
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /4 baris: 2 diimpor, 2 duplikat dilewati, 0 baris salah/);
    const r = await one<{ category: string; subject: string; complainant_name: string | null }>(`select category, subject, complainant_name from complaints_complaints where lapor_ref = 'LPR-3'`);
    assert.deepEqual(r, { category: 'pungli', subject: 'Judul; dengan titik koma', complainant_name: 'Sari' });
    // XLSX
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Laporan');
    ws.addRow(['No. Tracking', 'Tanggal Laporan', 'Judul Laporan', 'Isi Laporan', 'Kategori']);
    ws.addRow(['LPR-10', new Date(Date.UTC(2026, 2, 2)), 'Dari XLSX', 'Isi dari berkas xlsx', 'Sarana']);
    ws.addRow(['LPR-3', '2026-02-09', 'Dup', 'Isi', 'Sarana']);
    const x = await up(new Uint8Array(await wb.xlsx.writeBuffer()), 'lapor.xlsx');
    assert.equal(x.status, 200);
    assert.match(await x.text(), /2 baris: 1 diimpor, 1 duplikat dilewati/);
  });

  test('statistics, A.II.5.ii counts, the PDF and the LKE suggestions', async () => {
    // the complaints of this file were received today: this year's figures
    const YEAR = Number(dayIn(new Date()).slice(0, 4));
    const h = await loggedIn(t.app, 'pengaduan');
    const s = await h.get(`/pengaduan/statistik?unit=${units.DPMPTSPKUKM}&period=${YEAR}`);
    assert.equal(s.status, 200);
    const html = await s.text();
    assert.match(html, /A.II.5.ii/);
    assert.equal((await h.get('/pengaduan/statistik?period=2026-Q9')).status, 400);
    assert.equal((await h.get(`/pengaduan/statistik?unit=${units.DISDUKCAPIL}&period=${YEAR}`)).status, 404);
    const pdf = await h.get(`/pengaduan/statistik/laporan.pdf?unit=${units.DPMPTSPKUKM}&period=${YEAR}`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5)), '%PDF-');
    const facts = await gatherFacts(t.database.db, units.DPMPTSPKUKM, YEAR, new Date());
    const sug = suggestFromFacts(facts);
    const a = sug.find((x) => x.item === 'A.II.5.ii.a')!;
    assert.deepEqual(a.answer, { inputs: facts.stats.lke });
    assert.equal(facts.stats.lke.completed, 1);
    // through the LKE: every offered answer parses against the rule set; the report renders
    const t2 = new I18n().register('complaints', complaintsMessages).translator('id');
    const got = await collectSuggestions([complaintsLkeSuggestions], getRuleSet('permenpanrb-90-2021'), { db: t.database.db, unitId: units.DPMPTSPKUKM, year: YEAR, now: new Date(), t: t2 });
    for (const [item, s] of got) if (s.answer !== null) assert.ok(s.parsed, `${item} parses`);
    assert.ok(got.get('A.II.5.ii.a')?.parsed);
    const doc = got.get('A.II.5.ii.a')!.evidence[0];
    assert.equal(doc.kind, 'document');
    const bytes = await (doc as { render(): Promise<Uint8Array> }).render();
    assert.equal(new TextDecoder().decode(bytes.slice(0, 5)), '%PDF-');
  });

  test('the tracking look-up is rate-limited per client and day', async () => {
    const anon = new Client(t.app);
    await anon.get('/pengaduan/lacak');
    let last = 200;
    for (let i = 0; i < 70 && last !== 429; i++) last = (await anon.post('/pengaduan/lacak', { code: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA' })).status;
    assert.equal(last, 429);
    const keys = await t.database.query<{ key: string }>("select key from kernel_throttle where kind like 'complaints.%'");
    assert.ok(keys.length >= 1, 'counted');
    assert.ok(keys.every((k) => !k.key.includes('local')), 'no address stored');
  });
});

describe('LKE suggestions from complaint facts (table)', () => {
  const stats = (o: Partial<Record<string, unknown>>) => ({
    total: 10, byCategory: {}, byChannel: { web: 5, counter: 3, lapor: 2 }, byState: {}, medianFirstResponse: 1, medianClosure: 3,
    finished: 8, slaMet: 7, slaMetPct: 87.5, overdue: 0, satisfaction: { n: 0, mean: null }, lke: { toFollowUp: 9, inProcess: 2, completed: 7 }, ...o,
  }) as never;
  const cases: [string, Parameters<typeof suggestFromFacts>[0], Record<string, unknown>][] = [
    ['fast, many channels, LAPOR!, handlers', { year: 2026, stats: stats({}), unanswered: 0, handlers: 1 }, { 'A.II.6.ii.a': 'a', 'A.I.6.iii.a': 'a', 'A.I.5.iii.b': 'Ya' }],
    ['slow, few channels, no handler', { year: 2026, stats: stats({ byChannel: { web: 4, counter: 6 }, slaMetPct: 50 }), unanswered: 2, handlers: 0 }, { 'A.II.6.ii.a': 'd', 'A.I.6.iii.a': 'c', 'A.I.5.iii.b': null }],
    ['offline only', { year: 2026, stats: stats({ byChannel: { counter: 10 } }), unanswered: 0, handlers: 1 }, { 'A.I.6.iii.a': 'd', 'A.II.6.ii.a': 'b' }],
    ['online without LAPOR!', { year: 2026, stats: stats({ byChannel: { web: 9, letter: 1 } }), unanswered: 0, handlers: 2 }, { 'A.I.6.iii.a': 'b' }],
  ];
  for (const [name, facts, want] of cases) {
    test(name, () => {
      const got = Object.fromEntries(suggestFromFacts(facts).map((s) => [s.item, s.answer]));
      for (const [k, v] of Object.entries(want)) assert.deepEqual(got[k], v, k);
      assert.deepEqual(got['A.II.5.ii.a'], { inputs: (facts.stats as { lke: unknown }).lke });
    });
  }
  test('no complaints: A.II.5.ii.a zero counts only', () => {
    const got = suggestFromFacts({ year: 2026, stats: stats({ total: 0, byChannel: {}, finished: 0, lke: { toFollowUp: 0, inProcess: 0, completed: 0 } }), unanswered: 0, handlers: 0 });
    assert.deepEqual(got.map((s) => s.item), ['A.II.5.ii.a']);
  });
});

describe('complaints demo seed', () => {
  let t: TestApp;
  before(async () => { t = await createTestApp({ seed: 'org' }); });
  after(async () => { await t.close(); });
  test('a realistic stretch for DPMPTSP-KUKM and a few for Disdukcapil; seeding again adds nothing', async () => {
    const { seedComplaintsDemo } = await import('../src/modules/complaints/index.ts');
    assert.equal(await seedComplaintsDemo(t.database.db), true);
    assert.equal(await seedComplaintsDemo(t.database.db), false);
    const rows = await t.database.query<{ code: string; n: number; lapor: number; closed: number; sat: number; open: number; years: number }>(`
      select u.code, count(*)::int as n, count(c.lapor_ref)::int as lapor, count(*) filter (where c.state = 'closed')::int as closed,
        count(c.satisfaction)::int as sat, count(*) filter (where c.state in ('received','in_process'))::int as open,
        count(distinct extract(year from c.received_on))::int as years
      from complaints_complaints c join org_units u on u.id = c.unit_id group by u.code order by u.code`);
    const d = rows.find((r) => r.code === 'DPMPTSPKUKM')!;
    assert.equal(d.n, 60);
    assert.ok(d.lapor >= 5 && d.closed >= 35 && d.sat >= 15 && d.open >= 1, JSON.stringify(d));
    // January of last year to the last working days before today (the 60 are spread evenly, so the
    // latest is at most some nine working days back: within 30 days even across Lebaran or year's end)
    const lastYear = currentYear() - 1;
    const today = dayIn(new Date());
    const [span] = await t.database.query<{ first: string; last: string }>(`select min(received_on)::text as first, max(received_on)::text as last from complaints_complaints c join org_units u on u.id = c.unit_id where u.code = 'DPMPTSPKUKM'`);
    assert.ok(span.first.startsWith(`${lastYear}-01`) && span.last < today && span.last >= addDays(today, -30), JSON.stringify(span));
    // both years once this year has had its first complaint (not yet on 1 January)
    assert.equal(d.years, Number(span.last.slice(0, 4)) - lastYear + 1, `${d.years} years`);
    if (today >= `${lastYear + 1}-02-01`) assert.equal(d.years, 2);
    assert.equal(rows.find((r) => r.code === 'DISDUKCAPIL')!.n, 8);
    const weekend = await t.database.query(`select 1 from complaints_complaints where extract(isodow from received_on) > 5`);
    assert.equal(weekend.length, 0, 'received on working days');
    const bad = await t.database.query(`select 1 from complaints_complaints where closed_on < received_on or first_response_on < received_on or received_on > current_date`);
    assert.equal(bad.length, 0);
    const h = await loggedIn(t.app, 'pengaduan');
    assert.equal((await h.get('/pengaduan/kelola')).status, 200);
    assert.equal((await h.get(`/pengaduan/statistik?period=${lastYear}`)).status, 200);
  });
});

describe('the handler\'s list is read a page at a time', () => {
  let t: TestApp;
  before(async () => { t = await createTestApp({ seed: 'org' }); });
  after(async () => { await t.close(); });

  test('45 complaints: counts over all, 20 per page, the overdue filter counts and pages the overdue ones', async () => {
    const [{ id: unitId }] = await t.database.query<{ id: string }>(`select id from org_units where code = 'DPMPTSPKUKM'`);
    // 30 old open complaints (overdue), 10 closed old ones, 5 received today (open, not overdue)
    await t.database.query(`
      insert into complaints_complaints (unit_id, tracking_hash, channel, category, subject, description, received_on, received_at, sla_days, state, closed_on)
      select $1, md5(g::text), 'web', 'pelayanan', 'Keluhan-' || lpad(g::text, 2, '0'), 'Uraian', d::date, d, 5,
        case when g <= 30 then 'received' when g <= 40 then 'closed' else 'received' end, case when g > 30 and g <= 40 then d::date + 2 end
      from generate_series(1, 45) g, lateral (select case when g <= 40 then timestamp '2026-01-05 09:00' + g * interval '1 day' else now() end as d) x`, [unitId]);
    const h = await loggedIn(t.app, 'pengaduan');
    const subjects = (html: string) => [...html.matchAll(/>(Keluhan-\d\d)</g)].map((m) => m[1]);
    let html = await (await h.get(`/pengaduan/kelola?unit=${unitId}`)).text();
    assert.match(html, /45 pengaduan, 30 melewati batas waktu/);
    assert.equal(subjects(html).length, 20);
    assert.deepEqual(subjects(html).slice(0, 5).sort(), ['Keluhan-41', 'Keluhan-42', 'Keluhan-43', 'Keluhan-44', 'Keluhan-45'], 'newest first');
    html = await (await h.get(`/pengaduan/kelola?unit=${unitId}&page=3`)).text();
    assert.equal(subjects(html).length, 5);
    html = await (await h.get(`/pengaduan/kelola?unit=${unitId}&overdue=1&page=2`)).text();
    assert.match(html, /30 pengaduan, 30 melewati batas waktu/);
    assert.deepEqual(subjects(html), Array.from({ length: 10 }, (_, i) => `Keluhan-${String(10 - i).padStart(2, '0')}`), 'the 10 oldest overdue, newest first');
    html = await (await h.get(`/pengaduan/kelola?unit=${unitId}&state=closed`)).text();
    assert.match(html, /10 pengaduan, 0 melewati batas waktu/);
  });
});
