// Pencanangan through the web: who may declare, validation that changes nothing, publication links
// and photos through the evidence module, and the unit's public page showing nothing private.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { countRows, createTestApp, loggedIn, Client, type TestApp } from './helpers.ts';

let t: TestApp;
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const valid = { declaredOn: '2025-01-02', place: 'Sungailiat', declaredByName: 'Kepala Dinas Uji', declaredByPosition: 'Kepala Dinas', description: 'Pencanangan ZI bersama seluruh pegawai.' };

async function unitId(code: string): Promise<string> {
  const [r] = await t.database.query<{ id: string }>(`select id from org_units where code = $1`, [code]);
  return r!.id;
}
async function snapshot() {
  return [await countRows(t.database, 'workplan_declarations'), await countRows(t.database, 'evidence_links'), await countRows(t.database, 'evidence_files'), await countRows(t.database, 'kernel_audit_log')];
}
async function photo(c: Client, unit: string, bytes: Uint8Array, name: string) {
  await c.get(`/pencanangan?unit=${unit}`);
  const fd = new FormData();
  fd.set('unit', unit);
  fd.set('file', new File([new Uint8Array(bytes)], name));
  return c.postMultipart('/pencanangan/photos', fd);
}

describe('Pencanangan', () => {
  before(async () => { t = await createTestApp({ seed: 'org' }); });
  after(async () => { await t.close(); });

  test('only the unit head, ZI ketua/sekretaris and the regency admin may declare', async () => {
    assert.equal((await (await loggedIn(t.app, 'pegawai')).get('/pencanangan')).status, 403);
    assert.equal((await (await loggedIn(t.app, 'ketua.zi')).get('/pencanangan')).status, 200);
    const other = await unitId('DISDUKCAPIL');
    assert.equal((await (await loggedIn(t.app, 'kadis')).get(`/pencanangan?unit=${other}`)).status, 404);
  });

  test('bad input gets clear errors and changes nothing', async () => {
    const c = await loggedIn(t.app, 'kadis');
    const unit = await unitId('DPMPTSPKUKM');
    const before = await snapshot();
    const cases: [Record<string, string>, RegExp][] = [
      [{ ...valid, declaredOn: '2099-01-01' }, /tidak boleh di masa depan/],
      [{ ...valid, declaredOn: '2010-05-01' }, /sebelum tahun 2014/],
      [{ ...valid, declaredOn: '2025-02-30' }, /Tanggal tidak valid/],
      [{ ...valid, declaredByName: '' }, /Wajib diisi/],
    ];
    for (const [form, msg] of cases) {
      await c.get(`/pencanangan?unit=${unit}`);
      const res = await c.post('/pencanangan', { unit, ...form });
      assert.equal(res.status, 400);
      assert.match(await res.text(), msg);
    }
    // links and photos need a saved declaration first
    await c.get(`/pencanangan?unit=${unit}`);
    const link = await c.post('/pencanangan/links', { unit, url: 'https://berita.example/zi', title: 'Berita' });
    assert.equal(link.status, 400);
    assert.match(await link.text(), /Simpan data pencanangan terlebih dahulu/);
    assert.deepEqual(await snapshot(), before);
  });

  test('saving creates one declaration per unit; saving again updates it; both audited', async () => {
    const c = await loggedIn(t.app, 'kadis');
    const unit = await unitId('DPMPTSPKUKM');
    await c.get(`/pencanangan?unit=${unit}`);
    assert.equal((await c.post('/pencanangan', { unit, ...valid })).status, 303);
    await c.get(`/pencanangan?unit=${unit}`);
    assert.equal((await c.post('/pencanangan', { unit, ...valid, place: 'Pendopo Sungailiat' })).status, 303);
    const rows = await t.database.query<{ place: string }>(`select place from workplan_declarations where unit_id = $1`, [unit]);
    assert.deepEqual(rows.map((r) => r.place), ['Pendopo Sungailiat']);
    const audit = await t.database.query<{ action: string }>(`select action from kernel_audit_log where entity_type = 'workplan_declaration' order by seq`);
    assert.deepEqual(audit.map((a) => a.action), ['declaration.created', 'declaration.updated']);
  });

  test('publication links: a bad URL changes nothing; a good one is attached', async () => {
    const c = await loggedIn(t.app, 'sekretaris.zi');
    const unit = await unitId('DPMPTSPKUKM');
    const before = await snapshot();
    await c.get(`/pencanangan?unit=${unit}`);
    const bad = await c.post('/pencanangan/links', { unit, url: 'javascript:alert(1)', title: 'x' });
    assert.equal(bad.status, 400);
    assert.deepEqual(await snapshot(), before);
    await c.get(`/pencanangan?unit=${unit}`);
    assert.equal((await c.post('/pencanangan/links', { unit, url: 'https://berita.example/pencanangan-zi', title: 'Berita pencanangan' })).status, 303);
    const html = await (await c.get(`/pencanangan?unit=${unit}`)).text();
    assert.match(html, /Berita pencanangan/);
  });

  test('photos: disguised or non-image files are refused and nothing is stored; a PNG is kept', async () => {
    const c = await loggedIn(t.app, 'kadis');
    const unit = await unitId('DPMPTSPKUKM');
    const before = await snapshot();
    const pdf = await photo(c, unit, PDF, 'foto.jpg');
    assert.equal(pdf.status, 400);
    assert.match(await pdf.text(), /Foto harus berupa berkas gambar/);
    const svg = await photo(c, unit, new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'foto.png');
    assert.equal(svg.status, 400);
    assert.deepEqual(await snapshot(), before);
    assert.equal((await photo(c, unit, PNG, 'pencanangan.png')).status, 303);
    const [n] = await t.database.query<{ n: number }>(`select count(*)::int as n from evidence_links where subject_type = 'workplan_declaration' and file_id is not null`);
    assert.equal(n!.n, 1);
  });

  test('the public page shows the declaration and nothing private', async () => {
    const anon = new Client(t.app);
    // the unit's portal page links to its declaration
    const portal = await (await anon.get('/publik/unit/DPMPTSPKUKM')).text();
    assert.match(portal, /href="\/publik\/unit\/DPMPTSPKUKM\/pencanangan"/);
    const res = await anon.get('/publik/unit/DPMPTSPKUKM/pencanangan');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Pendopo Sungailiat/);
    assert.match(html, /Kepala Dinas Uji/);
    assert.match(html, /https:\/\/berita\.example\/pencanangan-zi/);
    assert.match(html, /Jalan Pemuda/);
    // nothing else of the unit: no staff NIPs, no evidence library links, no phone or e-mail
    assert.doesNotMatch(html, /\b\d{18}\b/);
    assert.doesNotMatch(html, /\/evidence\//);
    assert.doesNotMatch(html, /dinpmp2kukm@gmail\.com/);
    const img = /src="(\/publik\/unit\/DPMPTSPKUKM\/foto\/[0-9a-f-]{36})"/.exec(html);
    assert.ok(img, 'the photo is shown');
    const pic = await anon.get(img[1]!);
    assert.equal(pic.status, 200);
    assert.equal(pic.headers.get('content-type'), 'image/png');
    // only the declaration's photos: any other id is not found
    assert.equal((await anon.get('/publik/unit/DPMPTSPKUKM/foto/00000000-0000-4000-8000-000000000000')).status, 404);
    // a unit without a declaration says so; an unknown unit is not found
    assert.match(await (await anon.get('/publik/unit/DISDUKCAPIL/pencanangan')).text(), /belum mempublikasikan/);
    assert.doesNotMatch(await (await anon.get('/publik/unit/DISDUKCAPIL')).text(), /\/publik\/unit\/DISDUKCAPIL\/pencanangan/, 'no link to a declaration not published');
    assert.equal((await anon.get('/publik/unit/NOPE')).status, 404);
    assert.equal((await anon.get('/publik/unit/NOPE/pencanangan')).status, 404);
  });
});
