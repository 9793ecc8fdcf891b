// Public service pages of a unit: only active services of active units, only the six published
// service-delivery components of the version in force (never a draft, never the internal ones), the
// maklumat in force with its PDF, the active SOPs; English through the language switch; links from
// the unit's public page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { findServiceByCode } from '../src/modules/services/index.ts';
import { currentYear } from '../src/kernel/workdays.ts';
import { Client, createTestApp, loggedIn, type TestApp } from './helpers.ts';

// the demo's decrees and SOP numbers carry the years of its story, moved to the current year (last year's SOPs, this year's PBG v2)
const Y = currentYear();

let t: TestApp;
const units: Record<string, string> = {};
let anon: Client;

before(async () => {
  t = await createTestApp();
  for (const r of await t.database.query<{ id: string; code: string }>('select id, code from org_units')) units[r.code] = r.id;
  anon = new Client(t.app);
});
after(async () => { await t.close(); });

const page = async (path: string, c = anon) => {
  const res = await c.get(path);
  return { status: res.status, html: await res.text() };
};

describe('public service pages', () => {
  test('the service list shows active services with time and fee, and links to each', async () => {
    const { status, html } = await page('/publik/unit/DPMPTSPKUKM/layanan');
    assert.equal(status, 200);
    for (const name of ['Izin Usaha Mikro dan Kecil', 'Persetujuan Bangunan Gedung', 'Surat Izin Praktik', 'Reklame', 'Koperasi', 'Nomor Induk Berusaha']) assert.match(html, new RegExp(name));
    assert.match(html, /href="\/publik\/unit\/DPMPTSPKUKM\/layanan\/SIP-NAKES"/);
    assert.match(html, /Tidak dipungut biaya/);
    assert.doesNotMatch(html, /Pengawasan melekat/);
  });

  test('one service: the six delivery components of the version in force, no internal component', async () => {
    const { status, html } = await page('/publik/unit/dpmptspkukm/layanan/pbg');
    assert.equal(status, 200);
    assert.match(html, /21 \(dua puluh satu\) hari kerja/);
    assert.doesNotMatch(html, /28 \(dua puluh delapan\)/);
    for (const c of ['Persyaratan', 'Sistem, mekanisme, dan prosedur', 'Jangka waktu pelayanan', 'Biaya/tarif', 'Produk pelayanan', 'Penanganan pengaduan']) assert.match(html, new RegExp(c));
    for (const c of ['Dasar hukum', 'Kompetensi pelaksana', 'Jumlah pelaksana', 'Evaluasi kinerja pelaksana']) assert.doesNotMatch(html, new RegExp(c));
    assert.ok(html.includes(`500.16/044/DPMPTSP-KUKM/${Y}`), 'the decree of version 2');
  });

  test('a draft never shows; a deactivated service disappears (404)', async () => {
    const ketua = await loggedIn(t.app, 'ketua.zi');
    const iumk = (await findServiceByCode(t.database.db, units.DPMPTSPKUKM, 'IUMK'))!;
    const d = await ketua.post(`/layanan/${iumk.id}/standar`);
    assert.equal(d.status, 303);
    const std = d.headers.get('location')!.split('/').pop()!;
    await t.database.query("update services_standards set components = jsonb_set(components, '{waktu}', '\"DRAF RAHASIA\"') where id = $1", [std]);
    assert.doesNotMatch((await page('/publik/unit/DPMPTSPKUKM/layanan/IUMK')).html, /DRAF RAHASIA/);
    assert.doesNotMatch((await page('/publik/unit/DPMPTSPKUKM/layanan')).html, /DRAF RAHASIA/);
    const reklame = (await findServiceByCode(t.database.db, units.DPMPTSPKUKM, 'REKLAME'))!;
    assert.equal((await ketua.post(`/layanan/${reklame.id}/status`, { version: String(reklame.version), active: '0' })).status, 303);
    assert.doesNotMatch((await page('/publik/unit/DPMPTSPKUKM/layanan')).html, /Izin Penyelenggaraan Reklame/);
    assert.equal((await page('/publik/unit/DPMPTSPKUKM/layanan/REKLAME')).status, 404);
    assert.equal((await page('/publik/unit/DPMPTSPKUKM/layanan/NOPE')).status, 404);
    assert.equal((await page('/publik/unit/NOPE/layanan')).status, 404);
  });

  test('the maklumat in force with its signer and a printable PDF', async () => {
    const { status, html } = await page('/publik/unit/DPMPTSPKUKM/maklumat');
    assert.equal(status, 200);
    assert.match(html, /sanggup menyelenggarakan pelayanan sesuai standar pelayanan/);
    assert.match(html, /Elius Gani/);
    const pdf = await anon.get('/publik/unit/DPMPTSPKUKM/maklumat.pdf');
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal((await page('/publik/unit/INSPEKTORAT/maklumat')).status, 200);
    assert.equal((await anon.get('/publik/unit/INSPEKTORAT/maklumat.pdf')).status, 404);
  });

  test('the SOP list shows active SOPs only (the superseded version is not listed)', async () => {
    const { status, html } = await page('/publik/unit/DPMPTSPKUKM/sop');
    assert.equal(status, 200);
    const rows = html.match(new RegExp(`SOP/DPMPTSP-KUKM/01/${Y - 1}`, 'g')) ?? [];
    assert.equal(rows.length, 1);
    assert.match(html, /Pengelolaan Pengaduan Masyarakat/);
  });

  test('an inactive unit has no public pages', async () => {
    await t.database.query('update org_units set is_active = false where id = $1', [units.DISDUKCAPIL]);
    try {
      for (const p of ['/layanan', '/layanan/KTP-EL', '/maklumat', '/sop']) assert.equal((await page(`/publik/unit/DISDUKCAPIL${p}`)).status, 404, p);
    } finally {
      await t.database.query('update org_units set is_active = true where id = $1', [units.DISDUKCAPIL]);
    }
    assert.equal((await page('/publik/unit/DISDUKCAPIL/layanan/KTP-EL')).status, 200);
  });

  test('English through the language switch; the unit page links to the service pages', async () => {
    const en = new Client(t.app);
    await en.get('/publik/unit/DPMPTSPKUKM/layanan');
    assert.equal((await en.post('/lang', { locale: 'en', back: '/publik/unit/DPMPTSPKUKM/layanan' })).status, 303);
    const { html } = await page('/publik/unit/DPMPTSPKUKM/layanan/NIB', en);
    assert.match(html, /<html lang="en"/);
    assert.match(html, /Service time/);
    assert.match(html, /Requirements/);
    const unit = await page('/publik/unit/DPMPTSPKUKM');
    assert.match(unit.html, /href="\/publik\/unit\/DPMPTSPKUKM\/layanan"/);
    assert.match(unit.html, /href="\/publik\/unit\/DPMPTSPKUKM\/maklumat"/);
    assert.match(unit.html, /href="\/publik\/unit\/DPMPTSPKUKM\/sop"/);
  });
});
