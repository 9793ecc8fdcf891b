// The Rencana Kerja through the web: adopting the 2022 seed document as a template, the decree PDF,
// bad input (months, persons of another unit, a second plan for a year, unknown LKE codes, stale
// forms) changing nothing, scoping and roles, CSRF, and the demo seed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { listRuleSets } from '../src/modules/assessment/index.ts';
import { seedWorkplanPlanDemo } from '../src/modules/workplan/index.ts';
import { currentYear } from '../src/kernel/workdays.ts';
import { countRows, createTestApp, loggedIn, type TestApp } from './helpers.ts';

const TEMPLATE = 'rencana-kerja-zi-dpmptsp-bangka-2022';
// the demo adopts the plan for last year and this year (the regency's); a plan years ahead is nobody's yet
const Y = currentYear();
const AHEAD = String(Y + 4);
const template = JSON.parse(readFileSync(new URL(`../src/modules/workplan/templates/${TEMPLATE}.json`, import.meta.url), 'utf8')) as {
  areas: { area: number }[]; activities: { area: number; title: string; months: number[] }[];
};
const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p));

function unescape(html: string): string {
  return html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('Rencana Kerja', () => {
  let t: TestApp;
  let planId = '';
  const one = async <T,>(q: string, p: unknown[] = []) => (await t.database.query<T>(q, p))[0]!;

  before(async () => { t = await createTestApp({ seed: 'org' }); });
  after(async () => { await t.close(); });

  test('adopting the template gives the six areas and every matrix activity with its months', async () => {
    const c = await loggedIn(t.app, 'ketua.zi');
    const list = await c.get('/rencana-kerja');
    assert.equal(list.status, 200);
    const auditBefore = await countRows(t.database, 'kernel_audit_log');
    const res = await c.post('/rencana-kerja', { year: '2024', template: TEMPLATE });
    assert.equal(res.status, 303, await res.text());
    planId = /\/rencana-kerja\/([0-9a-f-]{36})/.exec(res.headers.get('location') ?? '')![1]!;
    const areas = await t.database.query<{ area: number; targets: string[]; indicators: string[] }>('select area, targets, indicators from workplan_plan_areas where plan_id = $1 order by area', [planId]);
    assert.deepEqual(areas.map((a) => a.area), [1, 2, 3, 4, 5, 6]);
    assert.equal(areas[0]!.targets.length, 3);
    assert.equal(areas[3]!.indicators.length, 6);
    const acts = await t.database.query<{ area: number; title: string; months: number[] }>('select area, title, months from workplan_activities where plan_id = $1 order by area, seq', [planId]);
    assert.deepEqual(acts.map((a) => ({ area: a.area, title: a.title, months: a.months })), template.activities.map((a) => ({ area: a.area, title: a.title, months: a.months })));
    // areas 1–3, which the seed's matrix leaves out, get activities derived from its indicators, marked as added
    const added = await t.database.query<{ area: number; template_added: boolean }>('select area, template_added from workplan_activities where plan_id = $1 order by area, seq', [planId]);
    assert.ok(added.filter((a) => a.area <= 3).length > 0 && added.filter((a) => a.area <= 3).every((a) => a.template_added));
    assert.ok(added.filter((a) => a.area >= 4).every((a) => !a.template_added));
    assert.deepEqual(acts.find((a) => a.title === 'Pengelolaan Akuntabilitasi Kinerja')!.months, [3, 6, 9, 12]);
    assert.ok((await countRows(t.database, 'kernel_audit_log')) > auditBefore);
    const page = unescape(await (await c.get(`/rencana-kerja/${planId}`)).text());
    assert.match(page, /Pengelolaan Akuntabilitasi Kinerja/);
    assert.match(page, /plan-matrix/);
  });

  test('a second plan for the same year is refused and nothing changes', async () => {
    const c = await loggedIn(t.app, 'ketua.zi');
    const before = [await countRows(t.database, 'workplan_plans'), await countRows(t.database, 'workplan_activities')];
    const res = await c.post('/rencana-kerja', { year: '2024', template: 'empty' });
    assert.equal(res.status, 409);
    assert.match(unescape(await res.text()), /sudah memiliki rencana kerja untuk tahun 2024/);
    assert.deepEqual([await countRows(t.database, 'workplan_plans'), await countRows(t.database, 'workplan_activities')], before);
  });

  test('activities: bad months, a person of another unit and unknown LKE codes are refused; a good one is saved', async () => {
    const c = await loggedIn(t.app, 'sekretaris.zi');
    await c.get(`/rencana-kerja/${planId}/kegiatan/baru`);
    const other = await one<{ id: string }>(`select p.id from org_people p join org_units u on u.id = p.unit_id where u.code = 'DISDUKCAPIL' limit 1`);
    const own = await one<{ id: string }>(`select p.id from org_people p join org_units u on u.id = p.unit_id where u.code = 'DPMPTSPKUKM' order by p.name limit 1`);
    const before = await countRows(t.database, 'workplan_activities');
    const audit = await countRows(t.database, 'kernel_audit_log');
    const post = (fields: Record<string, string>, months: string[]) => {
      const body = new URLSearchParams({ _csrf: c.csrf, area: '1', title: 'Sosialisasi rencana kerja', ...fields });
      for (const m of months) body.append('months', m);
      return c.request('POST', `/rencana-kerja/${planId}/kegiatan`, { body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    };
    for (const m of ['0', '13', 'x']) {
      const res = await post({}, ['1', m]);
      assert.equal(res.status, 400, m);
      assert.match(unescape(await res.text()), /Bulan harus angka 1 sampai 12/);
    }
    const none = await post({}, []);
    assert.equal(none.status, 400);
    assert.match(unescape(await none.text()), /paling sedikit satu bulan/);
    const pic = await post({ pic: other.id }, ['1']);
    assert.equal(pic.status, 400);
    assert.match(unescape(await pic.text()), /Pilih pegawai dari unit kerja rencana ini/);
    const lke = await post({ lke: 'Z.IX.9.x' }, ['1']);
    assert.equal(lke.status, 400);
    assert.match(unescape(await lke.text()), /Kode butir LKE tidak ada pada LKE yang berlaku: Z\.IX\.9\.x/);
    const area = await post({ area: '7' }, ['1']);
    assert.equal(area.status, 400);
    assert.equal(await countRows(t.database, 'workplan_activities'), before);
    assert.equal(await countRows(t.database, 'kernel_audit_log'), audit);

    const code = listRuleSets().find((r) => r.status === 'current')!.items[0]!.code;
    const ok = await post({ pic: own.id, lke: code, outputs: 'Notulen' }, ['2', '1']);
    assert.equal(ok.status, 303, await ok.text());
    const row = await one<{ id: string; months: number[]; pic_person_id: string; lke_items: string[]; seq: number }>(`select id, months, pic_person_id, lke_items, seq from workplan_activities where plan_id = $1 and title = 'Sosialisasi rencana kerja'`, [planId]);
    assert.deepEqual(row.months, [1, 2]);
    assert.equal(row.pic_person_id, own.id);
    assert.deepEqual(row.lke_items, [code]);
    assert.equal(await countRows(t.database, 'kernel_audit_log'), audit + 1);

    // edit, then delete
    const edit = new URLSearchParams({ _csrf: c.csrf, area: '1', title: 'Sosialisasi rencana kerja (revisi)', months: '6' });
    const e = await c.request('POST', `/rencana-kerja/${planId}/kegiatan/${row.id}`, { body: edit.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(e.status, 303);
    assert.deepEqual((await one<{ months: number[] }>('select months from workplan_activities where id = $1', [row.id])).months, [6]);
    const del = await c.post(`/rencana-kerja/${planId}/kegiatan/${row.id}/hapus`);
    assert.equal(del.status, 303);
    assert.equal(await countRows(t.database, 'workplan_activities'), before);
  });

  test('decree header: a signer of the unit, an Indonesian date; a stale form is refused', async () => {
    const c = await loggedIn(t.app, 'kadis');
    await c.get(`/rencana-kerja/${planId}`);
    const head = await one<{ id: string }>(`select p.id from org_people p join org_units u on u.id = p.unit_id where u.code = 'DPMPTSPKUKM' and p.position = 'Kepala Dinas'`);
    const other = await one<{ id: string }>(`select p.id from org_people p join org_units u on u.id = p.unit_id where u.code = 'DISDUKCAPIL' limit 1`);
    const { version } = await one<{ version: number }>('select version from workplan_plans where id = $1', [planId]);
    const base = { title: 'Rencana Kerja Pembangunan Zona Integritas', number: '188.4/001/DINPMP2KUKM/2024', date: '2024-02-03', place: 'Sungailiat' };
    const bad = await c.post(`/rencana-kerja/${planId}`, { ...base, signer: other.id, version: String(version) });
    assert.equal(bad.status, 400);
    assert.match(unescape(await bad.text()), /Pilih pegawai dari unit kerja rencana ini/);
    const ok = await c.post(`/rencana-kerja/${planId}`, { ...base, signer: head.id, version: String(version) });
    assert.equal(ok.status, 303);
    const stale = await c.post(`/rencana-kerja/${planId}`, { ...base, number: 'lain', signer: head.id, version: String(version) });
    assert.equal(stale.status, 409);
    assert.match(unescape(await stale.text()), /sudah diubah orang lain/);
    const row = await one<{ decree_number: string; version: number }>('select decree_number, version from workplan_plans where id = $1', [planId]);
    assert.equal(row.decree_number, base.number);
    assert.equal(row.version, version + 1);
  });

  test('the decree PDF has the headings, the unit, and the matrix with the right months', async (tc) => {
    const c = await loggedIn(t.app, 'pegawai');
    const res = await c.get(`/rencana-kerja/${planId}/keputusan.pdf`);
    assert.equal(res.status, 200);
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.equal(bytes.subarray(0, 4).toString(), '%PDF');
    if (!pdftotext) return tc.skip('pdftotext not installed (apt-get install -y poppler-utils)');
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-pdf-'));
    writeFileSync(path.join(dir, 'k.pdf'), bytes);
    const text = execFileSync(pdftotext, ['-layout', path.join(dir, 'k.pdf'), '-'], { encoding: 'utf8' });
    for (const s of ['MENIMBANG', 'MENGINGAT', 'MEMUTUSKAN', 'KESATU', 'BAB I', 'PENDAHULUAN', 'BAB IV', 'PENUTUP', '3 Februari 2024', '19680412', 'PEMERINTAH KABUPATEN BANGKA']) assert.ok(text.includes(s), s);
    assert.match(text.replace(/\s+/g, ' '), /DINAS PENANAMAN MODAL, PELAYANAN PERIZINAN TERPADU SATU PINTU/);
    const line = text.split('\n').find((l) => l.includes('Pengelolaan Akuntabilitasi Kinerja') && /\bX\b/.test(l));
    assert.ok(line, 'matrix row');
    assert.equal(line!.match(/\bX\b/g)!.length, 4);
    const full = text.split('\n').find((l) => l.includes('Pengendalian Gratifikasi') && /\bX\b/.test(l));
    assert.equal(full!.match(/\bX\b/g)!.length, 12);
  });

  test('the schedule workbook lists every activity with its month marks', async () => {
    const c = await loggedIn(t.app, 'tpi');
    const res = await c.get(`/rencana-kerja/${planId}/jadwal.xlsx`);
    assert.equal(res.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer() as never);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((x) => (x == null ? '' : String(x)))));
    const row = rows.find((r) => r[1] === 'Pengelolaan Akuntabilitasi Kinerja')!;
    assert.ok(row);
    assert.deepEqual(row.slice(3, 15).map((x) => (x ? 'X' : '')), ['', '', 'X', '', '', 'X', '', '', 'X', '', '', 'X']);
    assert.equal(rows.filter((r) => /^\d\. /.test(r[0] ?? '')).length, template.activities.length);
  });

  test('monev: saved per activity and month, bad input changes nothing, overdue months are flagged', async () => {
    const c = await loggedIn(t.app, 'koordinator');
    const act = await one<{ id: string }>(`select id from workplan_activities where plan_id = $1 and title = 'Pengelolaan Akuntabilitasi Kinerja'`, [planId]);
    const page = await c.get(`/rencana-kerja/${planId}/monev?bulan=3`);
    assert.equal(page.status, 200);
    assert.match(unescape(await page.text()), /Pengelolaan Akuntabilitasi Kinerja/);
    // the plan is for 2024: every scheduled month has ended, so all are overdue until done
    assert.match(unescape(await (await c.get(`/rencana-kerja/${planId}`)).text()), /jadwal terlambat/);
    const before = [await countRows(t.database, 'workplan_monev'), await countRows(t.database, 'kernel_audit_log')];
    const bad = await c.post(`/rencana-kerja/${planId}/monev/${act.id}/3`, { status: 'partial', realisation: '150' });
    assert.equal(bad.status, 400);
    assert.match(unescape(await bad.text()), /Realisasi harus bilangan bulat 0 sampai 100/);
    const off = await c.post(`/rencana-kerja/${planId}/monev/${act.id}/4`, { status: 'done' });
    assert.equal(off.status, 400);
    assert.match(unescape(await off.text()), /tidak dijadwalkan pada bulan tersebut/);
    assert.deepEqual([await countRows(t.database, 'workplan_monev'), await countRows(t.database, 'kernel_audit_log')], before);
    const ok = await c.post(`/rencana-kerja/${planId}/monev/${act.id}/3`, { status: 'done', notes: 'Laporan triwulan I', followUp: 'Reviu IKU', followUpDone: '1' });
    assert.equal(ok.status, 303, await ok.text());
    const row = await one<{ status: string; realisation: number; follow_up_done: boolean }>('select status, realisation, follow_up_done from workplan_monev where activity_id = $1 and month = 3', [act.id]);
    assert.deepEqual(row, { status: 'done', realisation: 100, follow_up_done: true });
    const again = await c.post(`/rencana-kerja/${planId}/monev/${act.id}/3`, { status: 'partial', realisation: '60' });
    assert.equal(again.status, 303);
    assert.equal(await countRows(t.database, 'workplan_monev'), before[0]! + 1);
    const emp = await loggedIn(t.app, 'pegawai');
    assert.equal((await emp.post(`/rencana-kerja/${planId}/monev/${act.id}/3`, { status: 'done' })).status, 403);
  });

  test('scoping and roles: another unit sees 404, an employee views but may not edit, TPI views', async () => {
    const outsider = await loggedIn(t.app, 'pegawai.dukcapil');
    assert.equal((await outsider.get(`/rencana-kerja/${planId}`)).status, 404);
    assert.equal((await outsider.get(`/rencana-kerja/${planId}/keputusan.pdf`)).status, 404);
    const emp = await loggedIn(t.app, 'pegawai');
    const page = await emp.get(`/rencana-kerja/${planId}`);
    assert.equal(page.status, 200);
    const before = await countRows(t.database, 'workplan_activities');
    assert.equal((await emp.post(`/rencana-kerja/${planId}/kegiatan`, { area: '1', title: 'Coba', months: '1' })).status, 403);
    assert.equal((await emp.post('/rencana-kerja', { year: AHEAD, template: 'empty' })).status, 403);
    assert.equal(await countRows(t.database, 'workplan_activities'), before);
    const tpi = await loggedIn(t.app, 'tpi');
    assert.equal((await tpi.get(`/rencana-kerja/${planId}`)).status, 200);
  });

  test('an empty plan has six empty areas and still renders its decree and workbook', async () => {
    const c = await loggedIn(t.app, 'kadis');
    const res = await c.post('/rencana-kerja', { year: AHEAD, template: 'empty' });
    assert.equal(res.status, 303);
    const id = /\/rencana-kerja\/([0-9a-f-]{36})/.exec(res.headers.get('location') ?? '')![1]!;
    assert.equal(await countRows(t.database, 'workplan_plan_areas') >= 12, true);
    const pdf = await c.get(`/rencana-kerja/${id}/keputusan.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 4).toString(), '%PDF');
    assert.equal((await c.get(`/rencana-kerja/${id}/jadwal.xlsx`)).status, 200);
    assert.equal((await c.get(`/rencana-kerja/${id}/monev?bulan=13`)).status, 200);
  });

  test('CSRF: a post without the token changes nothing', async () => {
    const c = await loggedIn(t.app, 'ketua.zi');
    const before = await countRows(t.database, 'workplan_plans');
    const res = await c.post('/rencana-kerja', { year: String(Y + 5), template: 'empty' }, { csrf: false });
    assert.equal(res.status, 403);
    assert.equal(await countRows(t.database, 'workplan_plans'), before);
  });

  test('demo seed: DPMPTSP-KUKM adopts the template for last year and this year, once', async () => {
    assert.equal(await seedWorkplanPlanDemo(t.database.db), true);
    assert.equal(await seedWorkplanPlanDemo(t.database.db), false);
    const rows = await t.database.query<{ year: number; decree_number: string; n: number; pics: number }>(`select p.year, p.decree_number,
      (select count(*)::int from workplan_activities a where a.plan_id = p.id) as n,
      (select count(*)::int from workplan_activities a where a.plan_id = p.id and a.pic_person_id is not null) as pics
      from workplan_plans p join org_units u on u.id = p.unit_id where u.code = 'DPMPTSPKUKM' and p.year in ($1, $2) order by p.year`, [Y - 1, Y]);
    assert.deepEqual(rows.map((r) => r.year), [Y - 1, Y]);
    // the template's matrix (areas 4–6) and the unit's own three change-management activities (area 1)
    for (const r of rows) { assert.ok(r.decree_number); assert.equal(r.n, template.activities.length + 3); assert.equal(r.pics, r.n); }
    const tagged = await t.database.query<{ lke: string[] }>(`select a.lke_items as lke from workplan_activities a join workplan_plans p on p.id = a.plan_id
      join org_units u on u.id = p.unit_id where u.code = 'DPMPTSPKUKM' and p.year = $1 and a.area = 1 and not a.template_added order by a.seq`, [Y]);
    assert.deepEqual(tagged.map((x) => x.lke), [['A.I.1.ii.c'], ['A.I.1.iv.a'], ['A.I.1.iv.c', 'A.II.1.iii.a']]);
  });
});
