// Conflict-of-interest management through the web: an employee declares and sees only their own;
// the named superior and the unit head review (nobody else, not the declarant); mitigation and
// follow-up with checked evidence; a manager of one unit cannot touch another unit's records
// (forged ids change nothing); the regency viewer sees counts only; bad input (future dates, risk
// scale, negative participants, missing fields, oversized and disguised uploads, missing CSRF,
// replays) is refused with an Indonesian message and changes nothing; the PDFs render; the LKE
// suggestions appear for the demo unit.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { coiSuggestions } from '../src/modules/coi/coi.suggest.ts';
import { functionsInForce, listFunctions, type Summary } from '../src/modules/coi/coi.queries.ts';
import { hashPassword } from '../src/kernel/auth.ts';
import { currentYear, dayIn, regencyToday } from '../src/kernel/workdays.ts';
import { assertAnonymousRefused, countRows, createTestApp, DEMO_PASSWORD, hasComeThisYear, loggedIn, type TestApp } from './helpers.ts';

const enc = new TextEncoder();
const pdfBytes = (text: string) => enc.encode(`%PDF-1.7\n% ${text}\n1 0 obj << >> endobj\n%%EOF\n`);
const exeBytes = () => { const b = new Uint8Array(4096); b.set([0x4d, 0x5a, 0x90, 0x00]); return b; };
const BASE = '/konflik-kepentingan';
// the demo is dated from the regency's current year (kernel/demo-dates.ts): this year in progress, last year complete
const Y = currentYear();
const TODAY = regencyToday();
// the days of the year of the demo's periodic declarations in DPMPTSP-KUKM (coi.seed.ts PERIODIC), each
// seeded this year once it has come; by account: 'pegawai' and 'ppid' (Maya Sari) declare none
const PERIODIC_DAYS = ['01-12', '01-12', '01-13', '01-13', '01-14', '01-14', '01-15', '01-15', '01-16', '01-19', '01-19', '01-20', '01-20', '01-21', '01-22', '02-02'];
const PERIODIC_OF: Record<string, string> = { kadis: '01-12', 'ketua.zi': '01-12', koordinator: '01-13', 'sekretaris.zi': '01-15', pengaduan: '01-15', upg: '01-16', 'anggota.zi': '01-19', wbs: '02-02' };
const come = hasComeThisYear;
const REF_NO = `${Y}-11-001234`;
const REF = `Permohonan izin usaha ${REF_NO}`;

function pdfText(bytes: Uint8Array): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'coi-pdf-'));
  try {
    writeFileSync(path.join(dir, 'a.pdf'), bytes);
    const r = spawnSync('pdftotext', [path.join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
    if (r.error) return null;
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.replace(/\s+/g, ' ');
  } finally { rmSync(dir, { recursive: true, force: true }); }
}

describe('conflict of interest', () => {
  let t: TestApp;
  const units: Record<string, string> = {};
  const one = async <T,>(q: string, p: unknown[] = []) => (await t.database.query<T>(q, p))[0]!;
  const snapshot = async () => ({
    fns: await countRows(t.database, 'coi_functions'), risks: await countRows(t.database, 'coi_risks'), socs: await countRows(t.database, 'coi_socialisations'),
    decls: await countRows(t.database, 'coi_declarations'), evals: await countRows(t.database, 'coi_evaluations'), recs: await countRows(t.database, 'coi_recommendations'),
    files: await countRows(t.database, 'evidence_files'), links: await countRows(t.database, 'evidence_links'),
    audit: (await one<{ n: number }>(`select count(*)::int as n from kernel_audit_log where action like 'coi.%'`)).n,
    declState: JSON.stringify(await t.database.query('select id, state, assessment, mitigation, follow_up_on, follow_up_sha from coi_declarations order by id')),
    recState: JSON.stringify(await t.database.query('select id, status, done_on from coi_recommendations order by id')),
  });
  const personOf = async (username: string) => (await one<{ id: string }>(`select p.id from org_people p join kernel_accounts a on a.id = p.account_id where a.username = $1`, [username])).id;
  const adhoc = (superior: string, extra: Record<string, string> = {}) => ({
    kind: 'adhoc', declaredOn: TODAY, decisionKind: 'licensing', reference: REF, roleInDecision: 'Verifikator berkas',
    hasConflict: 'yes', c0source: 'family', c0description: 'Pemohon adalah adik ipar saya.', c0relatedParty: 'CV Maju Jaya', superiorPersonId: superior, agree: '1', ...extra,
  });
  const multipart = (fields: Record<string, string>, file?: { bytes: Uint8Array; name: string }) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.set(k, v);
    if (file) fd.set('file', new File([file.bytes as BlobPart], file.name, { type: 'application/pdf' }));
    return fd;
  };

  before(async () => {
    t = await createTestApp();
    for (const r of await t.database.query<{ id: string; code: string }>('select id, code from org_units')) units[r.code] = r.id;
    // a recommendation of Disdukcapil, for the forged-id checks
    const ev = await one<{ id: string }>(`insert into coi_evaluations (unit_id, held_on, period_from, period_to, findings) values ($1, $2::date, $3::date, $2::date, 'Temuan Dukcapil') returning id`, [units.DISDUKCAPIL, `${Y - 1}-06-30`, `${Y - 1}-01-01`]);
    await t.database.query(`insert into coi_recommendations (evaluation_id, unit_id, text) values ($1, $2, 'Rekomendasi Dukcapil')`, [ev.id, units.DISDUKCAPIL]);
  });
  after(async () => { await t.close(); });

  let declId = '';
  // a mitigation's due date may not lie in the past: a month from the day the tests run
  const DUE = dayIn(new Date(Date.now() + 30 * 86_400_000));

  test('the demo year is seeded once: DPMPTSP-KUKM with a risk map, declarations, evaluations; Disdukcapil small', async () => {
    const { seedCoiDemo } = await import('../src/modules/coi/index.ts');
    assert.equal(await seedCoiDemo(t.database.db, t.deps.files), false, 'second seed does nothing');
    const n = await one<{ fns: number; periodic: number; pending: number }>(`select
      (select count(*)::int from coi_functions where unit_id = $1 and year = $2) as fns,
      (select count(*)::int from coi_declarations where unit_id = $1 and year = $2 and kind = 'periodic') as periodic,
      (select count(*)::int from coi_declarations where unit_id = $1 and year = $2 and state = 'submitted') as pending,
      (select count(*)::int from coi_functions where unit_id = $1 and year = $2 - 1) as prevFns,
      (select count(*)::int from coi_declarations where unit_id = $1 and year = $2 - 1 and kind = 'periodic') as prevPeriodic`, [units.DPMPTSPKUKM, Y]);
    // this year in progress (the map from the first days, periodic declarations as far as they have come) and a complete previous year
    assert.deepEqual(n, { fns: 6, periodic: PERIODIC_DAYS.filter(come).length, pending: 1, prevfns: 6, prevperiodic: 16 });
    assert.ok((await one<{ n: number }>(`select count(*)::int as n from coi_functions where unit_id = $1`, [units.DISDUKCAPIL])).n > 0);
  });

  test('an employee declares a conflict for a decision, naming a superior; sees only their own', async () => {
    const pegawai = await loggedIn(t.app, 'pegawai');
    const home = await pegawai.get(BASE);
    assert.equal(home.status, 200);
    const form = await (await pegawai.get(`${BASE}/deklarasi/baru?jenis=adhoc`)).text();
    const rina = await personOf('koordinator');
    assert.match(form, new RegExp(`value="${rina}"`), 'the unit’s people with an account are offered as superior');
    const res = await pegawai.post(`${BASE}/deklarasi`, adhoc(rina));
    assert.equal(res.status, 303);
    declId = res.headers.get('location')!.split('/').pop()!;
    const row = await one<{ state: string; superior_person_id: string; has_conflict: boolean; rules_version: string }>('select * from coi_declarations where id = $1', [declId]);
    assert.deepEqual([row.state, row.superior_person_id, row.has_conflict, row.rules_version], ['submitted', rina, true, 'permenpanrb-17-2024']);
    // the superior is notified
    assert.equal((await one<{ n: number }>(`select count(*)::int as n from kernel_notifications n join kernel_accounts a on a.id = n.account_id where a.username = 'koordinator' and n.kind = 'coi.review'`)).n, 1);
    const list = await (await pegawai.get(BASE)).text();
    assert.ok(list.includes(REF));
    for (const other of ['Paket pengadaan komputer', 'PT Sinar Timah Lestari', 'KSP Maju Bersama', 'Kakak ipar']) assert.ok(!list.includes(other), `no one else’s declaration: ${other}`);
    // another employee of the same unit: not found, and their list does not show it
    const other = await loggedIn(t.app, 'pengaduan');
    assert.equal((await other.get(`${BASE}/deklarasi/${declId}`)).status, 404);
    assert.equal((await other.get(`${BASE}/deklarasi/${declId}/surat.pdf`)).status, 404);
    assert.ok(!(await (await other.get(BASE)).text()).includes(REF_NO));
    // a demo declaration of someone else (the one always awaiting review), by id: not found for the employee
    const foreign = await one<{ id: string }>(`select id from coi_declarations where reference like 'Permohonan NIB dan izin lokasi PT Sinar Timah Lestari%'`);
    assert.equal((await pegawai.get(`${BASE}/deklarasi/${foreign.id}`)).status, 404);
  });

  test('only the named superior and the unit head review; not another employee, not the declarant; replays refused', async () => {
    const before = await snapshot();
    const other = await loggedIn(t.app, 'pengaduan');
    const review = { assessment: 'real', mitigation: 'recusal', dueOn: DUE, note: 'Tidak ikut memverifikasi berkas ini.' };
    assert.equal((await other.post(`${BASE}/deklarasi/${declId}/telaah`, review)).status, 404);
    const pegawai = await loggedIn(t.app, 'pegawai');
    const own = await pegawai.post(`${BASE}/deklarasi/${declId}/telaah`, review);
    assert.equal(own.status, 403);
    assert.deepEqual(await snapshot(), before, 'nothing changed');
    // the unit head can open it; the named superior reviews
    const kadis = await loggedIn(t.app, 'kadis');
    const seen = await (await kadis.get(`${BASE}/deklarasi/${declId}`)).text();
    assert.match(seen, /data-review-form/);
    const rina = await loggedIn(t.app, 'koordinator');
    assert.match(await (await rina.get(BASE)).text(), /data-to-review/);
    // bad review input: mitigation without a due date
    const bad = await rina.post(`${BASE}/deklarasi/${declId}/telaah`, { assessment: 'real', mitigation: 'recusal' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /Wajib diisi\./);
    assert.deepEqual(await snapshot(), before);
    assert.equal((await rina.post(`${BASE}/deklarasi/${declId}/telaah`, review)).status, 303);
    const row = await one<{ state: string; mitigation: string }>('select * from coi_declarations where id = $1', [declId]);
    assert.deepEqual([row.state, row.mitigation], ['mitigating', 'recusal']);
    const after1 = await snapshot();
    const again = await kadis.post(`${BASE}/deklarasi/${declId}/telaah`, { ...review, mitigation: 'reassignment' });
    assert.equal(again.status, 409);
    assert.match(await again.text(), /sudah ditelaah/);
    assert.deepEqual(await snapshot(), after1, 'the replay changed nothing');
  });

  test('a UPT head answers to the head of the dinas above: offered first and by default, notified, and reviews', async () => {
    // Puskesmas Sungailiat (UPT) sits under Dinas Kesehatan; give both heads an account
    const hash = await hashPassword(DEMO_PASSWORD);
    const account = async (username: string, person: string, unit: string) => {
      const a = await one<{ id: string }>(`insert into kernel_accounts (username, password_hash, display_name) values ($1, $2, $3) returning id`, [username, hash, person]);
      await t.database.query(`update org_people set account_id = $1 where name = $2`, [a.id, person]);
      await t.database.query(`insert into org_role_assignments (account_id, role, unit_id) values ($1, 'unit_head', $2), ($1, 'employee', $2)`, [a.id, unit]);
      return (await one<{ id: string }>(`select id from org_people where account_id = $1`, [a.id])).id;
    };
    const hasan = await account('kadis.dinkes', 'dr. Hasan Basri, M.Kes.', units.DINKES);
    await account('kapus.sungailiat', 'dr. Melati Kusuma', units['PKM-SGL']);
    const melati = await loggedIn(t.app, 'kapus.sungailiat');
    const form = await (await melati.get(`${BASE}/deklarasi/baru?jenis=adhoc`)).text();
    const options = [...form.matchAll(/<option value="([0-9a-f-]{36})"( selected)?/g)].map((m) => [m[1], !!m[2]]);
    assert.deepEqual(options[0], [hasan, true], 'the dinas head first and chosen');
    const res = await melati.post(`${BASE}/deklarasi`, adhoc('', { reference: `Pengadaan alat kesehatan puskesmas ${Y}` }));
    assert.equal(res.status, 303, 'declared without picking: the default superior');
    const id = res.headers.get('location')!.split('/').pop()!;
    assert.equal((await one<{ superior_person_id: string }>('select superior_person_id from coi_declarations where id = $1', [id])).superior_person_id, hasan);
    assert.equal((await one<{ n: number }>(`select count(*)::int as n from kernel_notifications n join kernel_accounts a on a.id = n.account_id where a.username = 'kadis.dinkes' and n.kind = 'coi.review'`)).n, 1);
    const head = await loggedIn(t.app, 'kadis.dinkes');
    assert.ok((await (await head.get(BASE)).text()).includes(`href="/konflik-kepentingan/deklarasi/${id}">dr. Melati Kusuma</a>`), 'in the head’s list to review');
    assert.ok((await (await head.get(`${BASE}/deklarasi/${id}`)).text()).includes(`Pengadaan alat kesehatan puskesmas ${Y}`));
    assert.equal((await head.post(`${BASE}/deklarasi/${id}/telaah`, { assessment: 'real', mitigation: 'recusal', dueOn: DUE, note: 'Pengadaan diserahkan ke pejabat lain.' })).status, 303);
    // DPMPTSP-KUKM's head is not above the puskesmas
    const kadis = await loggedIn(t.app, 'kadis');
    assert.equal((await kadis.get(`${BASE}/deklarasi/${id}`)).status, 404);
  });

  test('follow-up with evidence: disguised and oversized files refused; then recorded; the employee sees the outcome', async () => {
    const kadis = await loggedIn(t.app, 'kadis');
    const before = await snapshot();
    const disguised = await kadis.postMultipart(`${BASE}/deklarasi/${declId}/tindak-lanjut`, multipart({ note: 'Diganti verifikator lain.', doneOn: TODAY }, { bytes: exeBytes(), name: 'surat.pdf' }));
    assert.equal(disguised.status, 400);
    const big = new Uint8Array(10 * 1024 * 1024 + 10); big.set(pdfBytes('x'));
    const oversized = await kadis.postMultipart(`${BASE}/deklarasi/${declId}/tindak-lanjut`, multipart({ note: 'Diganti verifikator lain.', doneOn: TODAY }, { bytes: big, name: 'besar.pdf' }));
    assert.equal(oversized.status, 400);
    const future = await kadis.postMultipart(`${BASE}/deklarasi/${declId}/tindak-lanjut`, multipart({ note: 'x', doneOn: '2099-01-01' }));
    assert.equal(future.status, 400);
    assert.match(await future.text(), /Tanggal tidak boleh di masa depan\./);
    assert.deepEqual(await snapshot(), before, 'nothing stored');
    const other = await loggedIn(t.app, 'pengaduan');
    assert.equal((await other.postMultipart(`${BASE}/deklarasi/${declId}/tindak-lanjut`, multipart({ note: 'x', doneOn: TODAY }))).status, 404);
    const ok = await kadis.postMultipart(`${BASE}/deklarasi/${declId}/tindak-lanjut`, multipart({ note: 'Berkas dialihkan ke verifikator lain.', doneOn: TODAY }, { bytes: pdfBytes('nota dinas'), name: 'nota-dinas.pdf' }));
    assert.equal(ok.status, 303);
    const row = await one<{ state: string; follow_up_mime: string }>('select * from coi_declarations where id = $1', [declId]);
    assert.deepEqual([row.state, row.follow_up_mime], ['closed', 'application/pdf']);
    const pegawai = await loggedIn(t.app, 'pegawai');
    const page = await (await pegawai.get(`${BASE}/deklarasi/${declId}`)).text();
    assert.match(page, /Pengunduran diri dari proses keputusan/);
    assert.match(page, /Berkas dialihkan ke verifikator lain\./);
    assert.ok(!page.includes('data-review-form') && !page.includes('data-follow-up-form'), 'the declarant gets no review forms');
    const file = await pegawai.get(`${BASE}/deklarasi/${declId}/bukti`);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.equal((await other.get(`${BASE}/deklarasi/${declId}/bukti`)).status, 404);
  });

  test('declaration input: future date, missing fields, no consent, missing CSRF, a second periodic declaration', async () => {
    const pegawai = await loggedIn(t.app, 'pegawai');
    const rina = await personOf('koordinator');
    const before = await snapshot();
    const future = await pegawai.post(`${BASE}/deklarasi`, adhoc(rina, { declaredOn: '2099-01-01' }));
    assert.equal(future.status, 400);
    assert.match(await future.text(), /Tanggal tidak boleh di masa depan\./);
    const missing = await pegawai.post(`${BASE}/deklarasi`, { kind: 'adhoc', declaredOn: TODAY, agree: '1' });
    assert.equal(missing.status, 400);
    const html = await missing.text();
    assert.match(html, /Wajib diisi\./);
    assert.match(html, /Nyatakan apakah Anda memiliki konflik kepentingan\./);
    assert.match((await (await pegawai.post(`${BASE}/deklarasi`, adhoc(rina, { agree: '' }))).text()), /Centang pernyataan untuk menandatangani\./);
    assert.match((await (await pegawai.post(`${BASE}/deklarasi`, adhoc(rina, { c0description: '', c0source: '', c0relatedParty: '' }))).text()), /Uraikan paling sedikit satu konflik kepentingan\./);
    // a superior from another unit is refused
    const dukcapilHead = (await one<{ id: string }>(`select id from org_people where unit_id = $1 and account_id is not null limit 1`, [units.DISDUKCAPIL])).id;
    assert.equal((await pegawai.post(`${BASE}/deklarasi`, adhoc(dukcapilHead))).status, 400);
    assert.equal((await pegawai.post(`${BASE}/deklarasi`, adhoc(rina), { csrf: false })).status, 403);
    assert.deepEqual(await snapshot(), before, 'nothing stored');
    const periodic = { kind: 'periodic', declaredOn: TODAY, hasConflict: 'no', agree: '1' };
    assert.equal((await pegawai.post(`${BASE}/deklarasi`, periodic)).status, 303);
    const again = await pegawai.post(`${BASE}/deklarasi`, periodic);
    assert.equal(again.status, 409);
    assert.match(await again.text(), /sudah menyampaikan deklarasi berkala/);
    assert.equal((await one<{ n: number }>(`select count(*)::int as n from coi_declarations where person_id = $1 and kind = 'periodic'`, [await personOf('pegawai')])).n, 1);
  });

  test('risk map, socialisation and evaluation: bad input refused, nothing stored; good input saved with an audit entry', async () => {
    const kadis = await loggedIn(t.app, 'kadis');
    const q = `?unit=${units.DPMPTSPKUKM}&year=${Y}`;
    const fn = await one<{ id: string }>(`select id from coi_functions where unit_id = $1 and year = $2 and name like 'Pemberdayaan%'`, [units.DPMPTSPKUKM, Y]);
    const before = await snapshot();
    const risk = { source: 'business_interest', form: 'Pendamping UKM memiliki usaha sejenis', positions: 'Pendamping UKM', likelihood: '3', impact: '3' };
    for (const [k, v] of [['likelihood', '0'], ['impact', '6'], ['likelihood', '']] as const) {
      const res = await kadis.post(`${BASE}/peta/fungsi/${fn.id}/risiko${q}`, { ...risk, [k]: v });
      assert.equal(res.status, 400, `${k}=${v}`);
      assert.match(await res.text(), /Pilih nilai 1 sampai 5\./);
    }
    assert.match(await (await kadis.post(`${BASE}/peta/fungsi/${fn.id}/risiko${q}`, { ...risk, form: '' })).text(), /Wajib diisi\./);
    assert.equal((await kadis.post(`${BASE}/peta/fungsi${q}`, { name: 'Pengadaan barang/jasa' })).status, 400, 'duplicate function');
    const soc = { heldOn: TODAY, title: 'Sosialisasi pendamping UKM', kind: 'meeting', participants: '12', functionIds: fn.id };
    const neg = await kadis.postMultipart(`${BASE}/sosialisasi${q}`, multipart({ ...soc, participants: '-5' }));
    assert.equal(neg.status, 400);
    assert.match(await neg.text(), /Jumlah peserta tidak boleh negatif\./);
    const fut = await kadis.postMultipart(`${BASE}/sosialisasi${q}`, multipart({ ...soc, heldOn: '2099-01-01' }));
    assert.match(await fut.text(), /Tanggal tidak boleh di masa depan\./);
    assert.equal((await kadis.postMultipart(`${BASE}/sosialisasi${q}`, multipart({ ...soc, title: '' }))).status, 400);
    const disguised = await kadis.postMultipart(`${BASE}/sosialisasi${q}`, multipart(soc, { bytes: exeBytes(), name: 'daftar-hadir.pdf' }));
    assert.equal(disguised.status, 400);
    const big = new Uint8Array(10 * 1024 * 1024 + 10); big.set(pdfBytes('x'));
    const oversized = await kadis.postMultipart(`${BASE}/sosialisasi${q}`, multipart(soc, { bytes: big, name: 'besar.pdf' }));
    assert.equal(oversized.status, 400);
    assert.match(await oversized.text(), /10/);
    assert.equal((await kadis.post(`${BASE}/evaluasi${q}`, { heldOn: '2099-01-01', periodFrom: `${Y}-01-01`, periodTo: `${Y}-06-30`, findings: 'x' })).status, 400);
    assert.equal((await kadis.post(`${BASE}/evaluasi${q}`, { heldOn: TODAY, periodFrom: `${Y - 1}-06-30`, periodTo: `${Y - 1}-01-01`, findings: 'x' })).status, 400);
    assert.equal((await kadis.post(`${BASE}/peta/fungsi${q}`, { name: 'Fungsi baru' }, { csrf: false })).status, 403);
    assert.deepEqual(await snapshot(), before, 'nothing stored');

    assert.equal((await kadis.post(`${BASE}/peta/fungsi/${fn.id}/risiko${q}`, risk)).status, 303);
    assert.equal((await kadis.postMultipart(`${BASE}/sosialisasi${q}`, multipart(soc, { bytes: pdfBytes('daftar hadir'), name: 'daftar-hadir.pdf' }))).status, 303);
    const after1 = await snapshot();
    assert.equal(after1.risks, before.risks + 1);
    assert.equal(after1.socs, before.socs + 1);
    assert.equal(after1.links, before.links + 1, 'the evidence is attached');
    assert.equal(after1.audit, before.audit + 2 + 0);
    // an evaluation held today with its recommendation (the demo has an open one only from late in the year)
    const recText = 'Petakan risiko konflik kepentingan pada pemberdayaan UKM.';
    assert.equal((await kadis.post(`${BASE}/evaluasi${q}`, { heldOn: TODAY, periodFrom: `${Y - 1}-07-01`, periodTo: `${Y - 1}-12-31`, findings: 'Pemberdayaan UKM belum dipetakan.', recommendations: recText })).status, 303);
    const after2 = await snapshot();
    assert.deepEqual([after2.evals, after2.recs, after2.audit], [after1.evals + 1, after1.recs + 1, after1.audit + 1]);
    // a recommendation marked done needs its date
    const rec = await one<{ id: string }>(`select id from coi_recommendations where unit_id = $1 and status = 'open' and text = $2`, [units.DPMPTSPKUKM, recText]);
    const noDate = await kadis.postMultipart(`${BASE}/rekomendasi/${rec.id}${q}`, multipart({ status: 'done', doneOn: '' }));
    assert.equal(noDate.status, 400);
    assert.equal((await kadis.postMultipart(`${BASE}/rekomendasi/${rec.id}${q}`, multipart({ status: 'done', doneOn: TODAY, url: 'https://bangka.go.id/berita/sosialisasi-ukm', evidenceTitle: 'Berita sosialisasi' }))).status, 303);
    assert.equal((await one<{ status: string }>('select status from coi_recommendations where id = $1', [rec.id])).status, 'done');
    // main functions taken from the services catalogue: those not there yet, audited
    const fnsBefore = await countRows(t.database, 'coi_functions');
    assert.equal((await kadis.post(`${BASE}/peta/layanan${q}`)).status, 303);
    const added = await countRows(t.database, 'coi_functions') - fnsBefore;
    assert.ok(added > 0, 'services added as main functions');
    assert.equal((await kadis.post(`${BASE}/peta/layanan${q}`)).status, 303);
    assert.equal(await countRows(t.database, 'coi_functions') - fnsBefore, added, 'no duplicates the second time');
    // pages render with the records
    const map = await (await kadis.get(`${BASE}/peta${q}`)).text();
    assert.match(map, /Pendamping UKM memiliki usaha sejenis/);
    assert.match(await (await kadis.get(`${BASE}/sosialisasi${q}`)).text(), /Sosialisasi pendamping UKM/);
    assert.match(await (await kadis.get(`${BASE}/evaluasi${q}`)).text(), /Berita sosialisasi/);
    // a record entered by mistake is removed, its evidence detached, audited
    const mistaken = await one<{ id: string }>(`select id from coi_socialisations where title = 'Sosialisasi pendamping UKM'`);
    const b2 = await snapshot();
    assert.equal((await kadis.post(`${BASE}/sosialisasi/${mistaken.id}/hapus${q}`)).status, 303);
    const a2 = await snapshot();
    assert.deepEqual([a2.socs, a2.links, a2.files], [b2.socs - 1, b2.links - 1, b2.files], 'the file stays in the library');
    assert.equal(a2.audit, b2.audit + 1);
  });

  test('the map in force: a year without its own map uses the latest earlier one; none before the first', async () => {
    const latest = (await one<{ y: number }>('select max(year)::int as y from coi_functions where unit_id = $1', [units.DPMPTSPKUKM])).y;
    const own = await listFunctions(t.database.db, units.DPMPTSPKUKM, latest);
    assert.ok(own.length > 0);
    assert.deepEqual((await functionsInForce(t.database.db, units.DPMPTSPKUKM, latest + 3)).map((f) => f.id), own.map((f) => f.id));
    assert.deepEqual(await functionsInForce(t.database.db, units.DPMPTSPKUKM, 2000), []);
    assert.deepEqual(await functionsInForce(t.database.db, units.DINKES, latest), [], 'another unit’s map is not in force here');
  });

  test('a risk of the map is edited: current values in the form, bad input and an older copy refused, the change audited', async () => {
    const kadis = await loggedIn(t.app, 'kadis');
    const risk = await one<{ id: string; likelihood: number; impact: number; form: string }>(`select r.id, r.likelihood, r.impact, r.form from coi_risks r join coi_functions f on f.id = r.function_id where r.unit_id = $1 and f.year = $2 order by r.created_at limit 1`, [units.DPMPTSPKUKM, Y]);
    const page = await kadis.get(`${BASE}/peta/risiko/${risk.id}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.ok(/^[\w\s,;.()/-]+$/.test(risk.form), 'a demo risk in plain words');
    assert.ok(html.includes(`>${risk.form}</textarea>`), 'the form holds the current text');
    const revision = /name="revision" value="([0-9a-f]{16})"/.exec(html)?.[1];
    assert.ok(revision, 'the form carries the revision');
    const form = { revision, source: 'family', form: 'Petugas verifikasi memproses izin kerabatnya', positions: 'Verifikator perizinan', likelihood: '4', impact: '4', controls: '', mitigation: 'Rotasi berkas antarverifikator' };
    const before = await snapshot();
    const bad = await kadis.post(`${BASE}/peta/risiko/${risk.id}`, { ...form, impact: '9' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /Pilih nilai 1 sampai 5\./);
    assert.equal((await kadis.post(`${BASE}/peta/risiko/${risk.id}`, form, { csrf: false })).status, 403);
    assert.equal((await kadis.post(`${BASE}/peta/risiko/${risk.id}`, { ...form, revision: '0000000000000000' })).status, 409, 'an older copy');
    assert.deepEqual(await snapshot(), before, 'nothing changed');
    const ok = await kadis.post(`${BASE}/peta/risiko/${risk.id}?year=${Y}`, form);
    assert.equal(ok.status, 303);
    assert.match(ok.headers.get('location') ?? '', /\/peta\?unit=/);
    const row = await one<{ source: string; likelihood: number; impact: number; mitigation: string }>('select source, likelihood, impact, mitigation from coi_risks where id = $1', [risk.id]);
    assert.deepEqual(row, { source: 'family', likelihood: 4, impact: 4, mitigation: 'Rotasi berkas antarverifikator' });
    const audit = await one<{ data: { before: { likelihood: number }; after: { likelihood: number } } }>(`select data from kernel_audit_log where action = 'coi.risk.update' and entity_id = $1`, [risk.id]);
    assert.deepEqual([audit.data.before.likelihood, audit.data.after.likelihood], [risk.likelihood, 4]);
    // the same form sent again (a replay) is now an older copy
    const replay = await kadis.post(`${BASE}/peta/risiko/${risk.id}`, form);
    assert.equal(replay.status, 409);
    assert.match(await replay.text(), /baru saja diubah orang lain/);
    assert.match(await (await kadis.get(`${BASE}/peta?unit=${units.DPMPTSPKUKM}&year=${Y}`)).text(), /Petugas verifikasi memproses izin kerabatnya/);
    // another unit's risk, a forged id, an employee
    const other = await one<{ id: string }>(`select id from coi_risks where unit_id = $1 limit 1`, [units.DISDUKCAPIL]);
    assert.equal((await kadis.get(`${BASE}/peta/risiko/${other.id}`)).status, 404);
    assert.equal((await kadis.post(`${BASE}/peta/risiko/${other.id}`, form)).status, 404);
    assert.equal((await kadis.get(`${BASE}/peta/risiko/00000000-0000-4000-8000-000000000000`)).status, 404);
    const pegawai = await loggedIn(t.app, 'pegawai');
    assert.equal((await pegawai.post(`${BASE}/peta/risiko/${risk.id}`, form)).status, 403);
  });

  test('a manager of DPMPTSP-KUKM cannot read or change Disdukcapil’s records (forged ids refused, nothing changes)', async () => {
    const kadis = await loggedIn(t.app, 'kadis');
    const dq = `?unit=${units.DISDUKCAPIL}&year=${Y}`;
    const fn = await one<{ id: string }>(`select id from coi_functions where unit_id = $1 limit 1`, [units.DISDUKCAPIL]);
    const risk = await one<{ id: string }>(`select id from coi_risks where unit_id = $1 limit 1`, [units.DISDUKCAPIL]);
    const rec = await one<{ id: string }>(`select id from coi_recommendations where unit_id = $1 limit 1`, [units.DISDUKCAPIL]);
    const decl = await one<{ id: string }>(`select id from coi_declarations where unit_id = $1 limit 1`, [units.DISDUKCAPIL]);
    const before = await snapshot();
    for (const p of ['peta', 'sosialisasi', 'evaluasi', 'ringkasan', 'ringkasan/laporan.pdf']) assert.equal((await kadis.get(`${BASE}/${p}${dq}`)).status, 404, p);
    assert.equal((await kadis.get(`${BASE}/deklarasi/${decl.id}`)).status, 404);
    assert.equal((await kadis.post(`${BASE}/peta/fungsi${dq}`, { name: 'Fungsi palsu' })).status, 404);
    assert.equal((await kadis.post(`${BASE}/peta/fungsi/${fn.id}/risiko`, { source: 'family', form: 'x', positions: 'x', likelihood: '2', impact: '2' })).status, 404);
    assert.equal((await kadis.post(`${BASE}/peta/fungsi/${fn.id}/hapus`)).status, 404);
    assert.equal((await kadis.post(`${BASE}/peta/risiko/${risk.id}/hapus`)).status, 404);
    assert.equal((await kadis.post(`${BASE}/peta/layanan${dq}`)).status, 404);
    assert.equal((await kadis.postMultipart(`${BASE}/rekomendasi/${rec.id}`, multipart({ status: 'done', doneOn: TODAY }))).status, 404);
    assert.equal((await kadis.post(`${BASE}/evaluasi${dq}`, { heldOn: TODAY, periodFrom: `${Y}-01-01`, periodTo: `${Y}-06-30`, findings: 'palsu' })).status, 404);
    assert.equal((await kadis.postMultipart(`${BASE}/sosialisasi${dq}`, multipart({ heldOn: TODAY, title: 'x', kind: 'meeting', participants: '1', functionIds: fn.id }))).status, 404);
    // a function of another unit smuggled into this unit's socialisation is refused too
    const own = await kadis.postMultipart(`${BASE}/sosialisasi?unit=${units.DPMPTSPKUKM}&year=${Y}`, multipart({ heldOn: TODAY, title: 'x', kind: 'meeting', participants: '1', functionIds: fn.id }));
    assert.equal(own.status, 400);
    assert.equal((await kadis.post(`${BASE}/deklarasi/${decl.id}/telaah`, { assessment: 'none' })).status, 404);
    const dEval = await one<{ id: string }>(`select id from coi_evaluations where unit_id = $1 limit 1`, [units.DISDUKCAPIL]);
    assert.equal((await kadis.post(`${BASE}/evaluasi/${dEval.id}/hapus`)).status, 404);
    const dSoc = await one<{ id: string }>(`insert into coi_socialisations (unit_id, held_on, title, kind, participants) values ($1, $2, 'Sosialisasi Dukcapil', 'meeting', 5) returning id`, [units.DISDUKCAPIL, TODAY]);
    const before2 = await snapshot();
    assert.equal((await kadis.post(`${BASE}/sosialisasi/${dSoc.id}/hapus`)).status, 404);
    assert.deepEqual(await snapshot(), before2, 'nothing changed');
    void before;
    // an employee has no manager pages
    const pegawai = await loggedIn(t.app, 'pegawai');
    for (const p of ['peta', 'ringkasan', 'evaluasi']) assert.equal((await pegawai.get(`${BASE}/${p}`)).status, 403, p);
    assert.equal((await pegawai.post(`${BASE}/peta/fungsi?unit=${units.DPMPTSPKUKM}&year=${Y}`, { name: 'x' })).status, 403);
  });

  test('the regency viewer and the TPI see counts; no declaration content, no register', async () => {
    const bupati = await loggedIn(t.app, 'bupati');
    const res = await bupati.get(`${BASE}/ringkasan?unit=${units.DPMPTSPKUKM}&year=${Y}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /data-steps/);
    assert.match(html, /data-stat="periodic"/);
    for (const secret of ['data-register', 'data-pending', 'Bambang Irawan', 'PT Sinar Timah', 'Siti Aminah']) assert.ok(!html.includes(secret), secret);
    assert.equal((await bupati.get(`${BASE}/peta?unit=${units.DPMPTSPKUKM}`)).status, 403);
    assert.equal((await bupati.get(`${BASE}/deklarasi/${declId}`)).status, 404);
    const tpi = await loggedIn(t.app, 'tpi');
    const map = await tpi.get(`${BASE}/peta?unit=${units.DPMPTSPKUKM}&year=${Y}`);
    assert.equal(map.status, 200);
    assert.ok(!(await map.text()).includes('action="/konflik-kepentingan/peta/fungsi'), 'read only');
    assert.ok(!(await (await tpi.get(`${BASE}/ringkasan?unit=${units.DPMPTSPKUKM}&year=${Y}`)).text()).includes('data-register'));
    assert.equal((await tpi.post(`${BASE}/peta/fungsi?unit=${units.DPMPTSPKUKM}&year=${Y}`, { name: 'x' })).status, 403);
    // the manager sees the register and the reminder list, without conflict content
    const ketua = await loggedIn(t.app, 'ketua.zi');
    const m = await (await ketua.get(`${BASE}/ringkasan?unit=${units.DPMPTSPKUKM}&year=${Y}`)).text();
    assert.match(m, /data-register/);
    assert.match(m, /data-pending/);
    assert.match(m, /Dedi Kurniawan/, 'a missing periodic declaration is listed');
    assert.ok(!m.includes('sepupu saya') && !m.includes('adik ipar'), 'no conflict content');
    assert.equal((await ketua.get(`${BASE}/deklarasi/${declId}`)).status, 404, 'the ZI chair does not read declarations');
    // reminders go to the people with an account who have not declared ('ppid' = Maya Sari); viewers cannot send them
    assert.equal((await bupati.post(`${BASE}/ringkasan/pengingat?unit=${units.DPMPTSPKUKM}&year=${Y}`)).status, 403);
    assert.equal((await ketua.post(`${BASE}/ringkasan/pengingat?unit=${units.DISDUKCAPIL}&year=${Y}`)).status, 404);
    assert.equal((await ketua.post(`${BASE}/ringkasan/pengingat?unit=${units.DPMPTSPKUKM}&year=${Y}`)).status, 303);
    const reminded = await t.database.query<{ username: string }>(`select a.username from kernel_notifications n join kernel_accounts a on a.id = n.account_id where n.kind = 'coi.remind'`);
    const notYet = Object.keys(PERIODIC_OF).filter((u) => !come(PERIODIC_OF[u]!));
    assert.deepEqual(reminded.map((r) => r.username).sort(), ['ppid', ...notYet].sort(), 'the account holders without a declaration this year, not pegawai (declared above)');
    // once a day per unit and period: a second click (or a replay) sends nothing and says so
    const again = await ketua.post(`${BASE}/ringkasan/pengingat?unit=${units.DPMPTSPKUKM}&year=${Y}`);
    assert.equal(again.status, 409);
    assert.match(await again.text(), /Pengingat untuk periode ini sudah dikirim hari ini\./);
    assert.equal((await t.database.query(`select 1 from kernel_notifications where kind = 'coi.remind'`)).length, reminded.length, 'no second notification');
    assert.equal((await t.database.query(`select 1 from kernel_audit_log where action = 'coi.declaration.remind'`)).length, 1);
    assert.match(await (await ketua.get(`${BASE}/ringkasan?unit=${units.DPMPTSPKUKM}&year=${Y}`)).text(), /Pengingat terakhir: /);
  });

  test('a manager records a paper statement with its scan for an employee without an account', async () => {
    const ketua = await loggedIn(t.app, 'ketua.zi');
    const q = `?unit=${units.DPMPTSPKUKM}&year=${Y}`;
    const dedi = (await one<{ id: string }>(`select id from org_people where name = 'Dedi Kurniawan'`)).id;
    const dukcapil = (await one<{ id: string }>(`select id from org_people where unit_id = $1 limit 1`, [units.DISDUKCAPIL])).id;
    const before = await snapshot();
    const good = { personId: dedi, declaredOn: TODAY, hasConflict: 'no' };
    const noScan = await ketua.postMultipart(`${BASE}/ringkasan/kertas${q}`, multipart(good));
    assert.equal(noScan.status, 400);
    assert.match(await noScan.text(), /Unggah pindaian surat pernyataan/);
    assert.equal((await ketua.postMultipart(`${BASE}/ringkasan/kertas${q}`, multipart({ ...good, personId: dukcapil }, { bytes: pdfBytes('scan'), name: 'scan.pdf' }))).status, 400, 'a person of another unit');
    assert.equal((await ketua.postMultipart(`${BASE}/ringkasan/kertas${q}`, multipart(good, { bytes: exeBytes(), name: 'scan.pdf' }))).status, 400);
    assert.equal((await ketua.postMultipart(`${BASE}/ringkasan/kertas${q}`, multipart({ ...good, declaredOn: '2099-01-01' }, { bytes: pdfBytes('scan'), name: 'scan.pdf' }))).status, 400);
    assert.equal((await ketua.postMultipart(`${BASE}/ringkasan/kertas?unit=${units.DISDUKCAPIL}&year=${Y}`, multipart(good, { bytes: pdfBytes('scan'), name: 'scan.pdf' }))).status, 404);
    const pegawai = await loggedIn(t.app, 'pegawai');
    assert.equal((await pegawai.postMultipart(`${BASE}/ringkasan/kertas${q}`, multipart(good, { bytes: pdfBytes('scan'), name: 'scan.pdf' }))).status, 403);
    assert.deepEqual(await snapshot(), before, 'nothing stored');
    assert.equal((await ketua.postMultipart(`${BASE}/ringkasan/kertas${q}`, multipart(good, { bytes: pdfBytes('scan'), name: 'scan.pdf' }))).status, 303);
    const row = await one<{ channel: string; state: string; scan_mime: string; account_id: string | null }>(`select * from coi_declarations where person_id = $1`, [dedi]);
    assert.deepEqual([row.channel, row.state, row.scan_mime, row.account_id], ['paper', 'acknowledged', 'application/pdf', null]);
    assert.equal((await ketua.postMultipart(`${BASE}/ringkasan/kertas${q}`, multipart(good, { bytes: pdfBytes('scan 2'), name: 'scan.pdf' }))).status, 409, 'once per period');
    assert.ok(!(await (await ketua.get(`${BASE}/ringkasan${q}`)).text()).includes('Dedi Kurniawan · Pengemudi'), 'no longer missing');
  });

  test('PDFs: the year report and the surat pernyataan', async () => {
    const kadis = await loggedIn(t.app, 'kadis');
    const rep = await kadis.get(`${BASE}/ringkasan/laporan.pdf?unit=${units.DPMPTSPKUKM}&year=${Y}`);
    assert.equal(rep.status, 200);
    assert.equal(rep.headers.get('content-type'), 'application/pdf');
    const repText = pdfText(new Uint8Array(await rep.arrayBuffer()));
    if (repText !== null) {
      assert.match(repText, /LAPORAN PENGELOLAAN KONFLIK KEPENTINGAN/);
      assert.match(repText, /PEMERINTAH KABUPATEN BANGKA/);
      assert.match(repText, /Pengadaan barang\/ ?jasa/, 'a function of the map (a table cell may wrap after the slash)');
      assert.ok(!repText.includes('sepupu'), 'no declaration content in the report');
    }
    const pegawai = await loggedIn(t.app, 'pegawai');
    const letter = await pegawai.get(`${BASE}/deklarasi/${declId}/surat.pdf`);
    assert.equal(letter.status, 200);
    const text = pdfText(new Uint8Array(await letter.arrayBuffer()));
    if (text !== null) {
      assert.match(text, /SURAT PERNYATAAN KONFLIK KEPENTINGAN/);
      assert.match(text, /Siti Aminah/);
      assert.match(text, /adik ipar/);
      assert.match(text, /Mengetahui, Atasan Langsung/);
    }
  });

  test('LKE suggestions A.I.5.v.a–e on /lke/<id>/saran for the demo unit; the mapping is pure', async () => {
    const ws = await one<{ id: string }>(`select id from assessment_worksheets where unit_id = $1 and year = $2`, [units.DPMPTSPKUKM, Y]);
    const ketua = await loggedIn(t.app, 'ketua.zi');
    const res = await ketua.get(`/lke/${ws.id}/saran`);
    assert.equal(res.status, 200);
    const html = await res.text();
    for (const item of ['A.I.5.v.a', 'A.I.5.v.b', 'A.I.5.v.c', 'A.I.5.v.d', 'A.I.5.v.e']) assert.ok(html.includes(item), item);
    assert.match(html, /tugas fungsi utama/);
    const base: Summary = {
      year: 2026, functions: 4, mapped: 4, risks: 6, highRisks: 1, socialisations: 1, socialised: 2, participants: 10,
      declarations: { periodic: 3, adhoc: 1, withConflict: 1, pendingReview: 0, mitigating: 0, closed: 1, acknowledged: 3 },
      periodic: { period: '2026', declared: 3, active: 5 }, implemented: 1, evaluations: 1, recommendations: 0, recommendationsDone: 0,
      answers: { a: 'a', b: 'c', c: 'c', d: 'b', e: null },
    };
    const cases: [Partial<Summary>, Record<string, unknown>][] = [
      [{}, { 'A.I.5.v.a': 'a', 'A.I.5.v.b': 'c', 'A.I.5.v.c': 'c', 'A.I.5.v.d': 'b' }],
      [{ answers: { a: 'd', b: 'd', c: 'd', d: 'c', e: 'b' }, functions: 0 }, { 'A.I.5.v.a': 'd', 'A.I.5.v.e': 'b' }],
    ];
    for (const [over, expected] of cases) {
      const out = coiSuggestions({ ...base, ...over }, units.DPMPTSPKUKM);
      for (const [item, answer] of Object.entries(expected)) assert.equal(out.find((s) => s.item === item)?.answer, answer, item);
      if (!over.answers?.e) assert.ok(!out.some((s) => s.item === 'A.I.5.v.e'), 'no verdict without recommendations');
    }
  });

  test('home-page tasks: declarations to review, one’s own periodic declaration (counts only)', async () => {
    const { coiTasks } = await import('../src/modules/coi/index.ts');
    const ctxOf = async (username: string) => {
      const id = (await one<{ id: string }>(`select id from kernel_accounts where username = $1`, [username])).id;
      const actor = (await t.deps.loadActor(id))!;
      return { db: t.database.db, actor, access: t.deps.access, unitId: null, today: regencyToday(), now: new Date() };
    };
    const rina = await coiTasks(await ctxOf('koordinator'));
    assert.deepEqual(rina.map((x) => [x.key, x.params?.n ?? x.params?.period]), [['coi.task.review', 1], ...(come(PERIODIC_OF.koordinator!) ? [] : [['coi.task.periodic', String(Y)]])], 'the seeded licensing declaration awaits Rina (and her own periodic one before 13 January)');
    const ppid = await coiTasks(await ctxOf('ppid'));
    assert.deepEqual(ppid.map((x) => x.key), ['coi.task.periodic'], `Maya Sari has not declared for ${Y}`);
    assert.deepEqual(await coiTasks(await ctxOf('bupati')), [], 'no person, no review: nothing');
  });

  test('every route of the module sends an anonymous visitor to the login page and changes nothing', async () => {
    const anyId = (await one<{ id: string }>('select id from coi_risks limit 1')).id;
    const before = await snapshot();
    const tried = await assertAnonymousRefused(t, BASE, anyId);
    assert.ok(tried.length >= 20, `the module's routes: ${tried.length}`);
    assert.deepEqual(await snapshot(), before);
  });
});
