// Services module: the catalogue (create, edit, duplicate code, deactivate), versioned standards
// (draft, stale revision, publish supersedes, diff), reviews, consultations with evidence files
// (oversized and disguised files refused, nothing stored), maklumat (signer of the unit, PDF), SOPs
// (owner of the unit, new version supersedes, evaluations), authorization and scoping (employee
// refused, another unit 404, regency viewer reads, coordinator of another area refused), CSRF, audit,
// and the LKE facts of the demo.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Actor, Grant } from '../src/kernel/access.ts';
import { canManageServices, findServiceByCode, listServices } from '../src/modules/services/index.ts';
import { gatherFacts, suggestFromFacts } from '../src/modules/services/services.suggest.ts';
import { demoHasCome } from '../src/kernel/demo-dates.ts';
import { addDays, currentYear, regencyToday } from '../src/kernel/workdays.ts';
import { Client, countRows, createTestApp, loggedIn, type TestApp } from './helpers.ts';

// the demo is dated from the regency's current year: its catalogue and SOPs of last year, PBG's review and version 2 this year
// (its story is written with 2026 as this year; this year's events are in the demo only once their day has come)
const Y = currentYear();
const STORY = 2026;
/** PBG reviewed on 15 April of this year (SKM, complaints, the March consultation). */
const PBG_REVIEWED = demoHasCome('2026-04-15', STORY);
/** PBG standard version 2 decreed on 11 May of this year, superseding version 1. */
const PBG_V2 = demoHasCome('2026-05-11', STORY);
const TODAY = regencyToday();
/** A day `n` days before today: what the tests record happened recently. */
const ago = (n: number) => addDays(TODAY, -n);

let t: TestApp;
const units: Record<string, string> = {};
let ketua: Client;
let koordinator: Client;
let pegawai: Client;

before(async () => {
  t = await createTestApp();
  for (const r of await t.database.query<{ id: string; code: string }>('select id, code from org_units')) units[r.code] = r.id;
  ketua = await loggedIn(t.app, 'ketua.zi');
  koordinator = await loggedIn(t.app, 'koordinator');
  pegawai = await loggedIn(t.app, 'pegawai');
});
after(async () => { await t.close(); });

const TABLES = ['services_services', 'services_standards', 'services_reviews', 'services_consultations', 'services_maklumat', 'services_sops', 'services_sop_evaluations', 'evidence_files', 'evidence_links', 'kernel_audit_log'];
async function snapshot() {
  const out: Record<string, number> = {};
  for (const tb of TABLES) out[tb] = await countRows(t.database, tb);
  return out;
}
async function serviceId(unit: string, code: string) {
  return (await findServiceByCode(t.database.db, units[unit], code))!.id;
}
async function personId(prefix: string) {
  const [r] = await t.database.query<{ id: string }>('select id from org_people where name like $1', [`${prefix}%`]);
  return r.id;
}
async function revOfStandard(id: string) {
  const [r] = await t.database.query<{ ms: string }>('select floor(extract(epoch from updated_at) * 1000)::bigint::text as ms from services_standards where id = $1', [id]);
  return r.ms;
}
const enc = new TextEncoder();
const pdf = (text: string) => enc.encode(`%PDF-1.7\n% ${text}\n1 0 obj << >> endobj\n%%EOF\n`);
function fileForm(bytes: Uint8Array, name: string, extra: Record<string, string> = {}) {
  const fd = new FormData();
  fd.set('file', new File([bytes as BlobPart], name, { type: 'application/pdf' }));
  for (const [k, v] of Object.entries(extra)) fd.set(k, v);
  return fd;
}

describe('demo and exports', () => {
  test('the demo catalogue with stable codes; listServices active and ordered', async () => {
    const list = await listServices(t.database.db, units.DPMPTSPKUKM);
    assert.deepEqual(list.map((s) => s.code), ['IUMK', 'PBG', 'SIP-NAKES', 'REKLAME', 'KOPERASI', 'NIB']);
    assert.deepEqual((await listServices(t.database.db, units.DISDUKCAPIL)).map((s) => s.code), ['KTP-EL', 'KK', 'AKTA-LAHIR']);
    assert.equal((await findServiceByCode(t.database.db, units.DPMPTSPKUKM, 'sip-nakes'))?.code, 'SIP-NAKES');
    assert.equal(await findServiceByCode(t.database.db, units.DISDUKCAPIL, 'IUMK'), null);
    const pbg = await t.database.query<{ version: number; status: string }>("select s.version, s.status from services_standards s join services_services v on v.id = s.service_id where v.code = 'PBG' and v.unit_id = $1 order by s.version", [units.DPMPTSPKUKM]);
    assert.deepEqual(pbg.map((r) => [r.version, r.status]), PBG_V2 ? [[1, 'superseded'], [2, 'published']] : [[1, 'published']]);
  });

  test('the demo facts suggest A.I.6.i.a = a, A.I.6.i.b = a, A.I.6.i.c = a (d before this year’s review), A.I.6.i.d = Ya for this year', async () => {
    const facts = await gatherFacts(t.database.db, units.DPMPTSPKUKM, Y);
    const s = Object.fromEntries(suggestFromFacts(facts).map((x) => [x.item, x.answer]));
    assert.equal(s['A.I.6.i.a'], 'a');
    assert.equal(s['A.I.6.i.b'], 'a');
    // this year's only review is PBG's (with SKM, complaint and consultation findings); it changed the standard once version 2 is decreed
    assert.deepEqual(facts.reviews.map((r) => r.changed), PBG_REVIEWED ? [PBG_V2] : []);
    assert.equal(s['A.I.6.i.c'], PBG_REVIEWED ? 'a' : 'd');
    assert.equal(s['A.I.6.i.d'], 'Ya');
    assert.ok(s['A.I.2.i.c']);
    assert.equal(facts.sops.length, 12);
  });

  test('the LKE lists the services suggestions on its suggestions page', async () => {
    const [w] = await t.database.query<{ id: string }>("select id from assessment_worksheets where unit_id = $1 order by year desc limit 1", [units.DPMPTSPKUKM]);
    const res = await ketua.get(`/lke/${w.id}/saran`);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /A\.I\.6\.i\.a/);
  });
});

describe('catalogue', () => {
  test('pages render for viewers; the employee sees no forms', async () => {
    for (const p of ['/layanan', '/layanan/konsultasi', '/layanan/maklumat', '/layanan/sop']) {
      const res = await pegawai.get(p);
      assert.equal(res.status, 200, p);
      assert.doesNotMatch(await res.text(), /method="post" action="\/layanan/, p);
    }
    const html = await (await ketua.get('/layanan')).text();
    assert.match(html, /Persetujuan Bangunan Gedung/);
    assert.match(html, /Tambah layanan/);
  });

  test('the coordinator of area 6 adds a service, audited; bad input and a duplicate code change nothing', async () => {
    let before = await snapshot();
    const bad = await koordinator.post('/layanan', { unit: units.DPMPTSPKUKM, code: 'x y', name: '', description: 'x'.repeat(2001) });
    assert.equal(bad.status, 400);
    const html = await bad.text();
    assert.match(html, /Kode hanya boleh berisi huruf/);
    assert.match(html, /Wajib diisi/);
    assert.match(html, /Isian terlalu panjang/);
    const dup = await koordinator.post('/layanan', { unit: units.DPMPTSPKUKM, code: 'iumk', name: 'Lagi' });
    assert.equal(dup.status, 409);
    assert.match(await dup.text(), /Kode IUMK sudah dipakai/);
    assert.deepEqual(await snapshot(), before);
    const ok = await koordinator.post('/layanan', { unit: units.DPMPTSPKUKM, code: 'tdup', name: 'Tanda Daftar Usaha Pariwisata', sortOrder: '70' });
    assert.equal(ok.status, 303);
    const after = await snapshot();
    assert.equal(after.services_services, before.services_services + 1);
    assert.equal(after.kernel_audit_log, before.kernel_audit_log + 1);
    before = after;
    assert.equal((await findServiceByCode(t.database.db, units.DPMPTSPKUKM, 'TDUP'))?.code, 'TDUP');
  });

  test('editing with a stale version is 409; deactivating hides it from listServices', async () => {
    const id = await serviceId('DPMPTSPKUKM', 'TDUP');
    const ok = await ketua.post(`/layanan/${id}`, { version: '0', code: 'TDUP', name: 'Tanda Daftar Usaha Pariwisata (TDUP)', sortOrder: '70' });
    assert.equal(ok.status, 303);
    const before = await snapshot();
    const stale = await ketua.post(`/layanan/${id}`, { version: '0', code: 'TDUP', name: 'Lama' });
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /telah diubah orang lain/);
    assert.deepEqual(await snapshot(), before);
    assert.equal((await ketua.post(`/layanan/${id}/status`, { version: '1', active: '0' })).status, 303);
    assert.ok(!(await listServices(t.database.db, units.DPMPTSPKUKM)).some((s) => s.code === 'TDUP'));
  });

  test('authorization: employee 403, another unit 404, regency viewer and TPI read, unit picker', async () => {
    const before = await snapshot();
    assert.equal((await pegawai.post('/layanan', { unit: units.DPMPTSPKUKM, code: 'NEW', name: 'x' })).status, 403);
    const dukcapil = await serviceId('DISDUKCAPIL', 'KTP-EL');
    assert.equal((await ketua.get(`/layanan/${dukcapil}`)).status, 404);
    assert.equal((await ketua.get(`/layanan?unit=${units.DISDUKCAPIL}`)).status, 404);
    assert.equal((await ketua.post(`/layanan/${dukcapil}`, { version: '0', code: 'HACK', name: 'x' })).status, 404);
    assert.equal((await ketua.post('/layanan', { unit: units.DISDUKCAPIL, code: 'HACK', name: 'x' })).status, 404);
    assert.deepEqual(await snapshot(), before);
    const bupati = await loggedIn(t.app, 'bupati');
    const res = await bupati.get(`/layanan?unit=${units.DISDUKCAPIL}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Penerbitan KTP Elektronik/);
    assert.match(html, /name="unit"/);
    assert.doesNotMatch(html, /Tambah layanan/);
    assert.equal((await bupati.post('/layanan', { unit: units.DISDUKCAPIL, code: 'X1', name: 'x' })).status, 403);
    const tpi = await loggedIn(t.app, 'tpi');
    assert.equal((await tpi.get(`/layanan/${dukcapil}`)).status, 200);
    assert.equal((await tpi.get(`/layanan?unit=${units.BPKPD}`)).status, 404);
  });

  test('a ZI coordinator of another area may not manage; area 6 may', () => {
    const grant = (area: number): Grant => ({ role: 'zi_coordinator', unitId: units.DPMPTSPKUKM, unitIds: [units.DPMPTSPKUKM], area });
    const actor = (g: Grant[]): Actor => ({ accountId: 'a', username: 'a', displayName: 'a', personId: null, homeUnitId: null, locale: 'id', mustChangePassword: false, grants: g });
    assert.equal(canManageServices(actor([grant(6)]), units.DPMPTSPKUKM), true);
    assert.equal(canManageServices(actor([grant(2)]), units.DPMPTSPKUKM), false);
    assert.equal(canManageServices(actor([{ role: 'regency_admin', unitId: null, unitIds: [], area: null }]), units.DISDUKCAPIL), true);
  });

  test('CSRF: a post without the token is refused and changes nothing', async () => {
    const before = await snapshot();
    const res = await ketua.post('/layanan', { unit: units.DPMPTSPKUKM, code: 'CSRF', name: 'x' }, { csrf: false });
    assert.equal(res.status, 403);
    const forged = await ketua.post('/layanan', { unit: units.DPMPTSPKUKM, code: 'CSRF', name: 'x' }, { csrf: 'forged' });
    assert.equal(forged.status, 403);
    assert.deepEqual(await snapshot(), before);
  });
});

describe('standards', () => {
  let sid: string;
  let std: string;
  const comps = (over: Record<string, string> = {}) => ({
    c_persyaratan: 'KTP-el\nNIB', c_prosedur: 'Daftar\nVerifikasi', c_waktu: '3 hari kerja', c_biaya: 'Gratis', c_produk: 'TDUP', c_pengaduan: 'Kotak pengaduan',
    c_dasar_hukum: 'UU 25/2009', c_sarana: 'Loket', c_kompetensi: 'SMA', c_pengawasan: 'Atasan', c_jumlah_pelaksana: '2 orang', c_jaminan_pelayanan: 'Sesuai standar',
    c_jaminan_keamanan: 'CCTV', c_evaluasi_kinerja: 'Bulanan', ...over,
  });

  test('a draft is saved; a stale revision is 409; publishing an incomplete draft is refused', async () => {
    const created = await koordinator.post('/layanan', { unit: units.DPMPTSPKUKM, code: 'TDUP2', name: 'Izin Usaha Pariwisata' });
    assert.equal(created.status, 303);
    sid = await serviceId('DPMPTSPKUKM', 'TDUP2');
    const d = await ketua.post(`/layanan/${sid}/standar`);
    assert.equal(d.status, 303);
    std = d.headers.get('location')!.split('/').pop()!;
    assert.equal((await ketua.post(`/layanan/${sid}/standar`)).status, 409);
    const rev = await revOfStandard(std);
    assert.equal((await ketua.post(`/layanan/${sid}/standar/${std}`, { rev, ...comps({ c_biaya: '' }) })).status, 303);
    const before = await snapshot();
    const stale = await ketua.post(`/layanan/${sid}/standar/${std}`, { rev, ...comps() });
    assert.equal(stale.status, 409);
    const inc = await ketua.post(`/layanan/${sid}/standar/${std}/terbitkan`, { rev: await revOfStandard(std), decreeNumber: `1/${Y}`, decreeDate: ago(20), effectiveFrom: ago(19) });
    assert.equal(inc.status, 400);
    assert.match(await inc.text(), /Semua 14 komponen/);
    const long = await ketua.post(`/layanan/${sid}/standar/${std}`, { rev: await revOfStandard(std), ...comps({ c_waktu: 'x'.repeat(4001) }) });
    assert.equal(long.status, 400);
    assert.deepEqual(await snapshot(), before);
  });

  test('publishing supersedes the version in force; the diff shows what changed', async () => {
    assert.equal((await ketua.post(`/layanan/${sid}/standar/${std}`, { rev: await revOfStandard(std), ...comps() })).status, 303);
    assert.equal((await ketua.post(`/layanan/${sid}/standar/${std}/terbitkan`, { rev: await revOfStandard(std), decreeNumber: `1/${Y}`, decreeDate: ago(20), effectiveFrom: ago(19) })).status, 303);
    const d2 = await ketua.post(`/layanan/${sid}/standar`);
    const std2 = d2.headers.get('location')!.split('/').pop()!;
    assert.equal((await ketua.post(`/layanan/${sid}/standar/${std2}`, { rev: await revOfStandard(std2), ...comps({ c_waktu: '2 hari kerja' }) })).status, 303);
    const pub = await ketua.post(`/layanan/${sid}/standar/${std2}/terbitkan`, { rev: await revOfStandard(std2), decreeNumber: `2/${Y}`, decreeDate: ago(5), effectiveFrom: ago(4), changeNote: 'Lebih cepat' });
    assert.equal(pub.status, 303);
    const rows = await t.database.query<{ version: number; status: string }>('select version, status from services_standards where service_id = $1 order by version', [sid]);
    assert.deepEqual(rows.map((r) => [r.version, r.status]), [[1, 'superseded'], [2, 'published']]);
    const diff = await (await pegawai.get(`/layanan/${sid}/standar/${std2}/perubahan`)).text();
    assert.match(diff, /1 komponen berubah/);
    assert.match(diff, /<del[^>]*>.*3 hari kerja/s);
    assert.match(diff, /<ins[^>]*>.*2 hari kerja/s);
    // a published version cannot be edited
    assert.equal((await ketua.post(`/layanan/${sid}/standar/${std2}`, { rev: await revOfStandard(std2), ...comps() })).status, 409);
  });

  test('a review links a version of the same service only; the decree file upload works', async () => {
    const other = (await t.database.query<{ id: string }>("select s.id from services_standards s join services_services v on v.id = s.service_id where v.code = 'KTP-EL'"))[0].id;
    const before = await snapshot();
    const bad = await ketua.post(`/layanan/${sid}/reviu`, { reviewedOn: TODAY, fd_0_source: 'skm', fd_0_finding: 'Lama', resultingStandardId: other });
    assert.equal(bad.status, 400);
    assert.deepEqual(await snapshot(), before);
    assert.equal((await ketua.post(`/layanan/${sid}/reviu`, { reviewedOn: TODAY, fd_0_source: 'skm', fd_0_finding: 'Lama', fd_0_change: 'Dipercepat', fd_1_source: 'complaint' })).status, 303);
    const res = await ketua.postMultipart(`/layanan/${sid}/standar/${std}/bukti`, fileForm(pdf('SK standar'), 'sk.pdf'));
    assert.equal(res.status, 303);
  });
});

describe('consultations and evidence files', () => {
  let cid: string;
  test('a consultation is recorded; participants are required', async () => {
    const before = await snapshot();
    const bad = await ketua.post('/layanan/konsultasi', { unit: units.DPMPTSPKUKM, heldOn: ago(10), topic: 'Forum' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /sekurang-kurangnya satu unsur/);
    const otherService = await serviceId('DISDUKCAPIL', 'KK');
    assert.equal((await ketua.post('/layanan/konsultasi', { unit: units.DPMPTSPKUKM, heldOn: ago(10), topic: 'Forum', p_lsm: '2', serviceId: otherService })).status, 400);
    assert.deepEqual(await snapshot(), before);
    const ok = await ketua.post('/layanan/konsultasi', { unit: units.DPMPTSPKUKM, heldOn: ago(10), topic: `Forum ${Y}`, p_lsm: '2', p_akademisi: '1', in_0_input: 'Loket sore', in_0_adopted: '1' });
    assert.equal(ok.status, 303);
    cid = ok.headers.get('location')!.split('/').pop()!;
    assert.match(await (await pegawai.get(`/layanan/konsultasi/${cid}`)).text(), /Loket sore/);
  });

  test('attendance list uploaded; oversized and disguised files refused and nothing stored; forged id 404', async () => {
    assert.equal((await ketua.postMultipart(`/layanan/konsultasi/${cid}/bukti`, fileForm(pdf('daftar hadir'), 'daftar-hadir.pdf'))).status, 303);
    const before = await snapshot();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdf('big'));
    const tooBig = await ketua.postMultipart(`/layanan/konsultasi/${cid}/bukti`, fileForm(big, 'besar.pdf'));
    assert.equal(tooBig.status, 400);
    assert.match(await tooBig.text(), /Ukuran maksimal 10 MB/);
    const html = await ketua.postMultipart(`/layanan/konsultasi/${cid}/bukti`, fileForm(enc.encode('<html><script>alert(1)</script></html>'), 'foto.pdf'));
    assert.equal(html.status, 400);
    assert.match(await html.text(), /Jenis berkas tidak diterima/);
    const none = await ketua.postMultipart(`/layanan/konsultasi/${cid}/bukti`, new FormData());
    assert.equal(none.status, 400);
    const [other] = await t.database.query<{ id: string }>('select id from services_consultations where unit_id = $1 limit 1', [units.DPMPTSPKUKM]);
    await t.database.query('update services_consultations set unit_id = $1 where id = $2', [units.DISDUKCAPIL, other.id]);
    try {
      assert.equal((await ketua.postMultipart(`/layanan/konsultasi/${other.id}/bukti`, fileForm(pdf('x'), 'x.pdf'))).status, 404);
      assert.equal((await ketua.get(`/layanan/konsultasi/${other.id}`)).status, 404);
    } finally {
      await t.database.query('update services_consultations set unit_id = $1 where id = $2', [units.DPMPTSPKUKM, other.id]);
    }
    assert.deepEqual(await snapshot(), before);
    assert.equal((await pegawai.postMultipart(`/layanan/konsultasi/${cid}/bukti`, fileForm(pdf('p'), 'p.pdf'))).status, 403);
  });
});

describe('maklumat', () => {
  test('the signer must be a person of the unit; a new version is a draft until published; PDF', async () => {
    const [latest] = await t.database.query<{ ms: string }>('select floor(extract(epoch from updated_at) * 1000)::bigint::text as ms from services_maklumat where unit_id = $1 order by version desc limit 1', [units.DPMPTSPKUKM]);
    const before = await snapshot();
    const other = await ketua.post('/layanan/maklumat', { unit: units.DPMPTSPKUKM, rev: latest.ms, text: 'Kami sanggup.', signerPersonId: await personId('Ir. Syahrial'), signedOn: ago(1) });
    assert.equal(other.status, 400);
    assert.match(await other.text(), /Pilih pegawai aktif dari unit ini/);
    assert.equal((await ketua.post('/layanan/maklumat', { unit: units.DPMPTSPKUKM, rev: '1', text: 'Kami sanggup.', signerPersonId: await personId('Elius Gani'), signedOn: ago(1) })).status, 409);
    assert.deepEqual(await snapshot(), before);
    const ok = await ketua.post('/layanan/maklumat', { unit: units.DPMPTSPKUKM, rev: latest.ms, text: 'Kami sanggup melayani.\n\nTanpa pungutan liar.', signerPersonId: await personId('Elius Gani'), signedOn: ago(1) });
    assert.equal(ok.status, 303);
    const [draft] = await t.database.query<{ id: string; version: number; published_at: string | null; signer_snapshot: { position: string }; ms: string }>('select id, version, published_at, signer_snapshot, floor(extract(epoch from updated_at) * 1000)::bigint::text as ms from services_maklumat where unit_id = $1 order by version desc limit 1', [units.DPMPTSPKUKM]);
    assert.equal(draft.version, 2);
    assert.equal(draft.published_at, null);
    assert.equal(draft.signer_snapshot.position, 'Kepala Dinas');
    let pub = await new Client(t.app).get('/publik/unit/DPMPTSPKUKM/maklumat');
    assert.doesNotMatch(await pub.text(), /Tanpa pungutan liar/);
    assert.equal((await ketua.post(`/layanan/maklumat/${draft.id}/terbitkan`, { rev: draft.ms })).status, 303);
    pub = await new Client(t.app).get('/publik/unit/DPMPTSPKUKM/maklumat');
    assert.match(await pub.text(), /Tanpa pungutan liar/);
    const file = await pegawai.get(`/layanan/maklumat/${draft.id}/maklumat.pdf`);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.equal(new TextDecoder().decode(new Uint8Array(await file.arrayBuffer()).slice(0, 5)), '%PDF-');
    const dukcapil = await loggedIn(t.app, 'pegawai.dukcapil');
    assert.equal((await dukcapil.get(`/layanan/maklumat/${draft.id}/maklumat.pdf`)).status, 404);
  });
});

describe('SOPs', () => {
  test('owner of another unit refused; a duplicate number 409; a new version supersedes; evaluations', async () => {
    const base = { unit: units.DPMPTSPKUKM, number: `SOP/DPMPTSP-KUKM/20/${Y}`, title: 'Layanan Keliling', effectiveOn: ago(20), st_0_step: 'Menyiapkan loket keliling', st_0_actor: 'Petugas' };
    const before = await snapshot();
    const other = await ketua.post('/layanan/sop', { ...base, ownerPersonId: await personId('Andi Setiawan') });
    assert.equal(other.status, 400);
    assert.match(await other.text(), /Pilih pegawai aktif dari unit ini/);
    const dup = await ketua.post('/layanan/sop', { ...base, number: `sop/dpmptsp-kukm/02/${Y - 1}`, ownerPersonId: await personId('Agus Salim') });
    assert.equal(dup.status, 409);
    assert.deepEqual(await snapshot(), before);
    const ok = await ketua.post('/layanan/sop', { ...base, ownerPersonId: await personId('Agus Salim') });
    assert.equal(ok.status, 303);
    const id = ok.headers.get('location')!.split('/').pop()!;
    const [row] = await t.database.query<{ ms: string }>('select floor(extract(epoch from updated_at) * 1000)::bigint::text as ms from services_sops where id = $1', [id]);
    const nv = await ketua.post(`/layanan/sop/${id}/versi-baru`, { ...base, rev: row.ms, ownerPersonId: await personId('Agus Salim'), effectiveOn: ago(3), st_1_step: 'Melaporkan hasil' });
    assert.equal(nv.status, 303);
    const newId = nv.headers.get('location')!.split('/').pop()!;
    const versions = await t.database.query<{ id: string; version: number; status: string; superseded_by: string | null }>('select id, version, status, superseded_by from services_sops where number = $1 order by version', [base.number]);
    assert.deepEqual(versions.map((v) => [v.version, v.status]), [[1, 'superseded'], [2, 'active']]);
    assert.equal(versions[0].superseded_by, newId);
    assert.equal((await ketua.post(`/layanan/sop/${id}`, { ...base, rev: row.ms, ownerPersonId: await personId('Agus Salim') })).status, 409);
    const history = await (await pegawai.get(`/layanan/sop/${id}`)).text();
    assert.match(history, /telah digantikan/);
    assert.equal((await ketua.post(`/layanan/sop/${newId}/evaluasi`, { evaluatedOn: TODAY, result: 'Berjalan', followUp: 'proposal' })).status, 303);
    assert.equal((await ketua.post(`/layanan/sop/${newId}/evaluasi`, { evaluatedOn: '', result: '' })).status, 400);
    const dukcapilSop = (await t.database.query<{ id: string }>('select id from services_sops where unit_id = $1 limit 1', [units.DISDUKCAPIL]))[0].id;
    const b2 = await snapshot();
    assert.equal((await ketua.post(`/layanan/sop/${dukcapilSop}/evaluasi`, { evaluatedOn: TODAY, result: 'x', followUp: 'none' })).status, 404);
    assert.equal((await ketua.get(`/layanan/sop/${dukcapilSop}`)).status, 404);
    assert.deepEqual(await snapshot(), b2);
    const sopFile = await ketua.postMultipart(`/layanan/sop/${newId}/bukti`, fileForm(pdf('SOP'), 'sop.pdf'));
    assert.equal(sopFile.status, 303);
  });
});
