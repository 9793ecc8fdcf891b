// Public service pages of a unit: only active services of active units, only the six published
// service-delivery components of the version in force (never a draft, never the internal ones), the
// maklumat in force with its PDF, the active SOPs; English through the language switch; links from
// the unit's public page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { findServiceByCode } from '../src/modules/services/index.ts';
import { demoHasCome } from '../src/kernel/demo-dates.ts';
import { currentYear, regencyToday } from '../src/kernel/workdays.ts';
import { Client, createTestApp, loggedIn, type TestApp } from './helpers.ts';

// the demo's decrees and SOP numbers carry the years of its story, moved to the current year (last year's SOPs, this year's PBG v2);
// the story is written with 2026 as this year, and this year's events are in the demo only once their day has come
const Y = currentYear();
const STORY = 2026;
/** PBG standard version 2 (21 working days) decreed on 11 May of this year; before it, version 1 (28 days) is the one published. */
const PBG_V2 = demoHasCome('2026-05-11', STORY);
/** Version 2 of SOP/DPMPTSP-KUKM/01 on 2 June of this year, superseding version 1. */
const SOP_V2 = demoHasCome('2026-06-02', STORY);

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
    // version 2 once decreed (version 1 superseded), version 1 before it
    assert.match(html, PBG_V2 ? /21 \(dua puluh satu\) hari kerja/ : /28 \(dua puluh delapan\) hari kerja/);
    assert.doesNotMatch(html, PBG_V2 ? /28 \(dua puluh delapan\)/ : /21 \(dua puluh satu\)/);
    for (const c of ['Persyaratan', 'Sistem, mekanisme, dan prosedur', 'Jangka waktu pelayanan', 'Biaya/tarif', 'Produk pelayanan', 'Penanganan pengaduan']) assert.match(html, new RegExp(c));
    for (const c of ['Dasar hukum', 'Kompetensi pelaksana', 'Jumlah pelaksana', 'Evaluasi kinerja pelaksana']) assert.doesNotMatch(html, new RegExp(c));
    const [v1, v2] = [`500.16/022/DPMPTSP-KUKM/${Y - 1}`, `500.16/044/DPMPTSP-KUKM/${Y}`];
    if (PBG_V2) assert.ok(html.includes(v2) && !html.includes(v1), 'the decree of version 2');
    else assert.ok(html.includes(v1) && !html.includes(v2), 'the decree of version 1');
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
    const number = `SOP/DPMPTSP-KUKM/01/${Y - 1}`;
    if (!SOP_V2) {
      // before 2 June the demo has no version 2 yet: the unit issues it through the SOP form
      const [v1] = await t.database.query<{ id: string; title: string; owner: string; ms: string }>(
        `select id, title, owner_person_id as owner, floor(extract(epoch from updated_at) * 1000)::bigint::text as ms from services_sops where unit_id = $1 and number = $2 and status = 'active'`, [units.DPMPTSPKUKM, number]);
      const ketua = await loggedIn(t.app, 'ketua.zi');
      const res = await ketua.post(`/layanan/sop/${v1.id}/versi-baru`, {
        unit: units.DPMPTSPKUKM, rev: v1.ms, number, title: v1.title, effectiveOn: regencyToday(), ownerPersonId: v1.owner,
        st_0_step: 'Menerima berkas permohonan', st_1_step: 'Mengarahkan pemohon lansia, disabilitas dan ibu hamil ke loket prioritas',
      });
      assert.equal(res.status, 303);
    }
    const versions = await t.database.query<{ version: number; status: string }>('select version, status from services_sops where unit_id = $1 and number = $2 order by version', [units.DPMPTSPKUKM, number]);
    assert.deepEqual(versions.map((v) => [v.version, v.status]), [[1, 'superseded'], [2, 'active']]);
    const { status, html } = await page('/publik/unit/DPMPTSPKUKM/sop');
    assert.equal(status, 200);
    const rows = html.match(new RegExp(number, 'g')) ?? [];
    assert.equal(rows.length, 1);
    assert.match(html, new RegExp(`${number}</td>\\s*<th[^>]*>[\\s\\S]*?</th>\\s*<td class="num"[^>]*>2</td>`), 'the row is version 2');
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
