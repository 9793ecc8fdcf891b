// Monev of the Rencana Kerja through the web: evidence on monev records (upload checked by content,
// a file of the unit's library, a link; detach), refusals that store nothing, forged ids of another
// unit's plan, the monev report PDF per period, the unit picker and overview for accounts reaching
// several units, and the demo monev history.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { seedWorkplanPlanDemo } from '../src/modules/workplan/index.ts';
import { defaultPeriod } from '../src/modules/workplan/monev.rules.ts';
import { currentYear } from '../src/kernel/workdays.ts';
import { countRows, createTestApp, loggedIn, type Client, type TestApp } from './helpers.ts';

const TEMPLATE = 'rencana-kerja-zi-dpmptsp-bangka-2022';
// The demo's monev story runs January–October of its year (the monev of a month is entered on the 26th):
// seeded as it stood on 28 November of last year (10:00 WIB), the plan of last year holds all of it, in
// the past whatever today is. Its texts name that year.
const PLAN_YEAR = currentYear() - 1;
const STORY_NOW = new Date(Date.UTC(PLAN_YEAR, 10, 28, 3));
const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p));
const enc = new TextEncoder();
const pdf = (text: string) => enc.encode(`%PDF-1.7\n% ${text}\n1 0 obj << >> endobj\n%%EOF\n`);

function unescape(html: string): string {
  return html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('Rencana Kerja monev', () => {
  let t: TestApp;
  const units: Record<string, string> = {};
  let plan = '';
  let dukcapilPlan = '';
  const one = async <T,>(q: string, p: unknown[] = []) => (await t.database.query<T>(q, p))[0]!;
  const act = async (title: string, planId = plan) => (await one<{ id: string }>('select id from workplan_activities where plan_id = $1 and title = $2', [planId, title])).id;

  function storedFiles(): number {
    const dir = t.config.filesDir;
    if (!existsSync(dir)) return 0;
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;
  }
  async function snapshot() {
    return {
      files: await countRows(t.database, 'evidence_files'), links: await countRows(t.database, 'evidence_links'),
      monev: await countRows(t.database, 'workplan_monev'), audit: await countRows(t.database, 'kernel_audit_log'), stored: storedFiles(),
    };
  }
  const fileForm = (bytes: Uint8Array, name: string, fields: Record<string, string> = {}, type = 'application/octet-stream') => {
    const fd = new FormData();
    fd.set('file', new File([bytes as BlobPart], name, { type }));
    for (const [k, v] of Object.entries(fields)) fd.set(k, v);
    return fd;
  };
  const evidenceUrl = (planId: string, activityId: string, month: number) => `/rencana-kerja/${planId}/monev/${activityId}/${month}/bukti`;

  before(async () => {
    t = await createTestApp({ seed: 'org' });
    await seedWorkplanPlanDemo(t.database.db, t.deps.files, STORY_NOW);
    for (const r of await t.database.query<{ id: string; code: string }>('select id, code from org_units')) units[r.code] = r.id;
    plan = (await one<{ id: string }>('select id from workplan_plans where unit_id = $1 and year = $2', [units.DPMPTSPKUKM, PLAN_YEAR])).id;
  });
  after(async () => { await t.close(); });

  test('demo: the plan year has monev January–October with a realistic mix and evidence; seeding again adds nothing', async () => {
    const rows = await t.database.query<{ status: string; n: number; max: number }>(`select m.status, count(*)::int as n, max(m.month)::int as max from workplan_monev m
      join workplan_activities a on a.id = m.activity_id where a.plan_id = $1 group by m.status order by m.status`, [plan]);
    const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    assert.ok(by.done! > 70, JSON.stringify(by));
    assert.ok(by.partial! >= 3 && by.not_started! >= 1, JSON.stringify(by));
    assert.equal(Math.max(...rows.map((r) => r.max)), 10);
    const followUps = await one<{ n: number }>(`select count(*)::int as n from workplan_monev m join workplan_activities a on a.id = m.activity_id where a.plan_id = $1 and m.follow_up is not null and not m.follow_up_done`, [plan]);
    assert.ok(followUps.n >= 2);
    const ev = await one<{ files: number; urls: number }>(`select count(file_id)::int as files, count(url)::int as urls from evidence_links where subject_type = 'workplan_monev' and subject_id = $1`, [plan]);
    assert.ok(ev.files >= 3 && ev.urls >= 2, JSON.stringify(ev));
    const before = await snapshot();
    assert.equal(await seedWorkplanPlanDemo(t.database.db, t.deps.files, STORY_NOW), false);
    assert.deepEqual(await snapshot(), before);
    // the monev page lists the evidence of a record
    const c = await loggedIn(t.app, 'ketua.zi');
    const page = unescape(await (await c.get(`/rencana-kerja/${plan}/monev?bulan=3`)).text());
    assert.ok(page.includes(`Laporan Capaian Kinerja Triwulan I ${PLAN_YEAR}`));
    assert.ok(page.includes(`Notulen Rapat Pimpinan Triwulan I ${PLAN_YEAR}`));
  });

  test('upload: a PDF is stored in the unit library and attached to the month record, with audit entries', async () => {
    const c = await loggedIn(t.app, 'koordinator');
    const a = await act('Pengendalian Gratifikasi');
    await c.get(`/rencana-kerja/${plan}/monev?bulan=2`);
    const before = await snapshot();
    const res = await c.postMultipart(evidenceUrl(plan, a, 2), fileForm(pdf('rekap gratifikasi februari'), 'rekap-gratifikasi.pdf', { title: `Rekap laporan gratifikasi Februari ${PLAN_YEAR}` }));
    assert.equal(res.status, 303, await res.text());
    assert.match(res.headers.get('location') ?? '', /monev\?bulan=2#f-evidence-/);
    const after = await snapshot();
    assert.deepEqual([after.files, after.links, after.stored, after.monev], [before.files + 1, before.links + 1, before.stored + 1, before.monev]);
    // evidence.file.uploaded, evidence.link.added and workplan.monev.evidence.add, in one transaction
    assert.equal(after.audit, before.audit + 3);
    const rec = await one<{ id: string }>('select id from workplan_monev where activity_id = $1 and month = 2', [a]);
    const link = await one<{ subject_key: string; unit_id: string; file_id: string }>(`select subject_key, unit_id, file_id from evidence_links where subject_type = 'workplan_monev' and subject_id = $1 order by created_at desc limit 1`, [plan]);
    assert.deepEqual([link.subject_key, link.unit_id], [rec.id, units.DPMPTSPKUKM]);
    const page = unescape(await (await c.get(`/rencana-kerja/${plan}/monev?bulan=2`)).text());
    assert.ok(page.includes(`Rekap laporan gratifikasi Februari ${PLAN_YEAR}`));
    assert.equal((await c.get(`/evidence/files/${link.file_id}`)).status, 200);
    const actions = await t.database.query<{ action: string }>('select action from kernel_audit_log order by seq desc limit 3');
    assert.deepEqual(actions.map((x) => x.action).sort(), ['evidence.file.uploaded', 'evidence.link.added', 'workplan.monev.evidence.add']);
  });

  test('library file and link: attached to another month; a bad address is refused', async () => {
    const c = await loggedIn(t.app, 'ketua.zi');
    const a = await act('Pengendalian Gratifikasi');
    await c.get(`/rencana-kerja/${plan}/monev?bulan=3`);
    const file = await one<{ id: string }>('select id from evidence_files where title = $1', [`Rekap laporan gratifikasi Februari ${PLAN_YEAR}`]);
    const before = await snapshot();
    const lib = await c.post(evidenceUrl(plan, a, 3), { fileId: file.id });
    assert.equal(lib.status, 303, await lib.text());
    const url = await c.post(evidenceUrl(plan, a, 3), { url: `https://dpmptsp.bangka.example/gratifikasi/${PLAN_YEAR}-03`, linkTitle: 'Publikasi rekap gratifikasi Maret' });
    assert.equal(url.status, 303);
    const after = await snapshot();
    assert.deepEqual([after.files, after.links, after.stored], [before.files, before.links + 2, before.stored]);
    const again = await c.post(evidenceUrl(plan, a, 3), { fileId: file.id });
    assert.equal(again.status, 409);
    assert.match(unescape(await again.text()), /sudah terlampir/);
    const bad = await c.post(evidenceUrl(plan, a, 3), { url: 'javascript:alert(1)', linkTitle: 'x' });
    assert.equal(bad.status, 400);
    assert.match(unescape(await bad.text()), /Tautan harus alamat web lengkap/);
    const nothing = await c.post(evidenceUrl(plan, a, 3), {});
    assert.equal(nothing.status, 400);
    assert.match(unescape(await nothing.text()), /Pilih berkas untuk diunggah, berkas dari pustaka, atau isi tautan/);
    assert.deepEqual(await snapshot(), after);
  });

  test('refused uploads store nothing: oversized, HTML named .pdf, no monev record yet, unscheduled month', async () => {
    const c = await loggedIn(t.app, 'ketua.zi');
    const a = await act('Pengendalian Gratifikasi');
    const kinerja = await act('Pengelolaan Akuntabilitasi Kinerja');
    await c.get(`/rencana-kerja/${plan}/monev?bulan=4`);
    const en = await loggedIn(t.app, 'sekretaris.zi');
    await en.post('/lang', { locale: 'en', back: '/' });
    await en.get(`/rencana-kerja/${plan}/monev?bulan=4`);
    const before = await snapshot();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(enc.encode('%PDF-1.7\n'));
    const res = await c.postMultipart(evidenceUrl(plan, a, 4), fileForm(big, 'besar.pdf'));
    assert.equal(res.status, 400);
    const html = unescape(await res.text());
    assert.match(html, /Berkas terlalu besar\. Ukuran maksimal 10 MB per berkas\./);
    assert.match(html, /class="error-summary"/);
    const disguised = await c.postMultipart(evidenceUrl(plan, a, 4), fileForm(enc.encode('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'), 'laporan.pdf', {}, 'application/pdf'));
    assert.equal(disguised.status, 400);
    const text = await disguised.text();
    assert.match(unescape(text), /Jenis berkas tidak diterima\. Yang diterima: PDF/);
    assert.doesNotMatch(text, /<script>alert\(1\)/);
    // November of the plan year of "Pengendalian Gratifikasi" has no monev record yet
    const first = await c.postMultipart(evidenceUrl(plan, a, 11), fileForm(pdf('nov'), 'nov.pdf'));
    assert.equal(first.status, 409);
    assert.match(unescape(await first.text()), /Simpan monev bulan ini terlebih dahulu/);
    const off = await c.post(evidenceUrl(plan, kinerja, 4), { url: 'https://example.org/x', linkTitle: 'x' });
    assert.equal(off.status, 400);
    assert.match(unescape(await off.text()), /tidak dijadwalkan pada bulan tersebut/);
    assert.deepEqual(await snapshot(), before);
    // the English UI refuses in English
    const r2 = await en.postMultipart(evidenceUrl(plan, a, 4), fileForm(big, 'big.pdf'));
    assert.equal(r2.status, 400);
    assert.match(await r2.text(), /The file is too large\. Each file may be at most 10 MB\./);
    assert.deepEqual(await snapshot(), before);
  });

  test('forged ids of another unit\'s plan are 404 and change nothing; employees may not attach', async () => {
    // the regency administrator adopts a plan for DISDUKCAPIL through the unit picker and records January with a file
    const admin = await loggedIn(t.app, 'admin');
    await admin.get(`/rencana-kerja?unit=${units.DISDUKCAPIL}`);
    const created = await admin.post('/rencana-kerja', { unit: units.DISDUKCAPIL, year: String(PLAN_YEAR), template: TEMPLATE });
    assert.equal(created.status, 303, await created.text());
    dukcapilPlan = /\/rencana-kerja\/([0-9a-f-]{36})/.exec(created.headers.get('location') ?? '')![1]!;
    assert.equal((await one<{ unit_id: string }>('select unit_id from workplan_plans where id = $1', [dukcapilPlan])).unit_id, units.DISDUKCAPIL);
    const theirAct = await act('Pengendalian Gratifikasi', dukcapilPlan);
    assert.equal((await admin.post(`/rencana-kerja/${dukcapilPlan}/monev/${theirAct}/1`, { status: 'done' })).status, 303);
    assert.equal((await admin.postMultipart(evidenceUrl(dukcapilPlan, theirAct, 1), fileForm(pdf('dukcapil'), 'dukcapil.pdf', { title: 'Bukti Dukcapil' }))).status, 303);
    const theirFile = (await one<{ id: string }>(`select id from evidence_files where title = 'Bukti Dukcapil'`)).id;
    const theirLink = (await one<{ id: string }>('select id from evidence_links where file_id = $1', [theirFile])).id;

    const c = await loggedIn(t.app, 'ketua.zi');
    const ours = await act('Pengendalian Gratifikasi');
    await c.get(`/rencana-kerja/${plan}/monev?bulan=1`);
    const emp = await loggedIn(t.app, 'pegawai');
    const before = await snapshot();
    // their plan in the path
    assert.equal((await c.postMultipart(evidenceUrl(dukcapilPlan, theirAct, 1), fileForm(pdf('x'), 'x.pdf'))).status, 404);
    assert.equal((await c.get(`/rencana-kerja/${dukcapilPlan}/monev?bulan=1`)).status, 404);
    assert.equal((await c.get(`/rencana-kerja/${dukcapilPlan}/monev/laporan.pdf`)).status, 404);
    // our plan with their activity
    assert.equal((await c.postMultipart(evidenceUrl(plan, theirAct, 1), fileForm(pdf('y'), 'y.pdf'))).status, 404);
    // their library file attached to our record
    assert.equal((await c.post(evidenceUrl(plan, ours, 1), { fileId: theirFile })).status, 404);
    // their link detached through our record
    assert.equal((await c.post(`${evidenceUrl(plan, ours, 1)}/${theirLink}/hapus`)).status, 404);
    assert.deepEqual(await snapshot(), before);
    // an employee views the evidence but may not attach or detach
    assert.equal((await emp.get(`/rencana-kerja/${plan}/monev?bulan=1`)).status, 200);
    assert.equal((await emp.post(evidenceUrl(plan, ours, 1), { url: 'https://example.org', linkTitle: 'x' })).status, 403);
    assert.deepEqual(await snapshot(), before);
  });

  test('detach removes the link only; the file stays in the library', async () => {
    const c = await loggedIn(t.app, 'ketua.zi');
    const a = await act('Pengendalian Gratifikasi');
    const rec = await one<{ id: string }>('select id from workplan_monev where activity_id = $1 and month = 3', [a]);
    const link = await one<{ id: string; file_id: string }>(`select id, file_id from evidence_links where subject_type = 'workplan_monev' and subject_key = $1 and file_id is not null`, [rec.id]);
    await c.get(`/rencana-kerja/${plan}/monev?bulan=3`);
    const before = await snapshot();
    const res = await c.post(`${evidenceUrl(plan, a, 3)}/${link.id}/hapus`);
    assert.equal(res.status, 303);
    const after = await snapshot();
    assert.deepEqual([after.links, after.files, after.stored, after.audit], [before.links - 1, before.files, before.stored, before.audit + 2]);
    assert.equal((await countRows(t.database, 'evidence_files')), before.files);
    // the same link again, or through another month, is not found
    assert.equal((await c.post(`${evidenceUrl(plan, a, 3)}/${link.id}/hapus`)).status, 404);
    const other = await one<{ id: string }>(`select l.id from evidence_links l where l.subject_type = 'workplan_monev' and l.subject_key = $1`, [rec.id]);
    assert.equal((await c.post(`${evidenceUrl(plan, a, 4)}/${other.id}/hapus`)).status, 404);
  });

  test('the report PDF: title, unit, period, activities with their status; default period; bad periods are 400', async (tc) => {
    const c = await loggedIn(t.app, 'pegawai');
    const res = await c.get(`/rencana-kerja/${plan}/monev/laporan.pdf?period=${PLAN_YEAR}-Q3`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.match(res.headers.get('content-disposition') ?? '', new RegExp(`Laporan-Monev-Rencana-Kerja-ZI-${PLAN_YEAR}-Q3\\.pdf`));
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.equal(bytes.subarray(0, 4).toString(), '%PDF');
    const dflt = await c.get(`/rencana-kerja/${plan}/monev/laporan.pdf`);
    assert.equal(dflt.status, 200);
    assert.match(dflt.headers.get('content-disposition') ?? '', new RegExp(`ZI-${defaultPeriod(PLAN_YEAR, new Date()).code}\\.pdf`));
    for (const p of [`${PLAN_YEAR}-M10`, `${PLAN_YEAR}-S1`, String(PLAN_YEAR)]) assert.equal((await c.get(`/rencana-kerja/${plan}/monev/laporan.pdf?period=${p}`)).status, 200, p);

    const bad = await c.get(`/rencana-kerja/${plan}/monev/laporan.pdf?period=${PLAN_YEAR}-Q5`);
    assert.equal(bad.status, 400);
    assert.match(unescape(await bad.text()), /Periode laporan tidak dikenal/);
    const year = await c.get(`/rencana-kerja/${plan}/monev/laporan.pdf?period=${PLAN_YEAR - 1}-Q1`);
    assert.equal(year.status, 400);
    assert.ok(unescape(await year.text()).includes(`harus berada dalam tahun rencana kerja (${PLAN_YEAR})`));
    assert.equal((await c.get(`/rencana-kerja/${plan}/monev/laporan.pdf?period=${encodeURIComponent('<script>')}`)).status, 400);

    if (!pdftotext) return tc.skip('pdftotext not installed (apt-get install -y poppler-utils)');
    const dir = mkdtempSync(path.join(tmpdir(), 'monev-pdf-'));
    writeFileSync(path.join(dir, 'r.pdf'), bytes);
    const text = execFileSync(pdftotext, ['-layout', path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    assert.match(flat, /LAPORAN MONITORING DAN EVALUASI PELAKSANAAN RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS/);
    assert.match(flat, /DINAS PENANAMAN MODAL, PELAYANAN PERIZINAN TERPADU SATU PINTU/);
    assert.ok(flat.includes(`TRIWULAN III TAHUN ${PLAN_YEAR}`));
    assert.match(flat, /PEMERINTAH KABUPATEN BANGKA/);
    const line = (activity: string, month: string) => text.split('\n').find((l) => l.includes(activity) && l.includes(month));
    assert.match(line('Keterlibatan Pimpinan', 'Juli') ?? '', /Juli\s+Selesai\s+100%/);
    // SPIP in July: partly done, overdue, with its problem
    assert.ok(/Penerapan Sistem Pengawasan[\s\S]{0,400}Juli\s+Sebagian/.test(text), 'SPIP July partly done');
    assert.match(flat, /Penilaian risiko tertunda/);
    assert.match(flat, /JADWAL TERLAMBAT/);
    assert.match(flat, /TINDAK LANJUT YANG BELUM SELESAI/);
    assert.match(flat, /Ketua Tim Kerja Pembangunan Zona Integritas|Kepala Dinas Penanaman Modal/);
    assert.match(flat, /NIP\. 19680412 199303 1 001/);
  });

  test('unit picker: the regency administrator chooses a unit and sees its plans and an overview; others cannot reach beyond their units', async () => {
    const admin = await loggedIn(t.app, 'admin');
    const list = unescape(await (await admin.get('/rencana-kerja')).text());
    assert.match(list, /<select[^>]*name="unit"/);
    const chosen = await admin.get(`/rencana-kerja?unit=${units.DISDUKCAPIL}&tahun=${PLAN_YEAR}`);
    assert.equal(chosen.status, 200);
    const page = unescape(await chosen.text());
    assert.ok(page.includes(`/rencana-kerja/${dukcapilPlan}`), 'the chosen unit\'s plan is listed');
    assert.match(page, new RegExp(`<option value="${units.DISDUKCAPIL}" selected`));
    // the overview: every unit, its plan of the year (or none), progress and overdue months
    assert.ok(page.includes(`Ringkasan unit kerja tahun ${PLAN_YEAR}`));
    assert.ok(page.includes(`/rencana-kerja/${plan}`), 'DPMPTSP-KUKM\'s plan in the overview');
    assert.match(page, /Belum ada/);
    assert.match(page, /\d+\/\d+ \(\d+%\)/);
    assert.equal((await admin.get('/rencana-kerja?unit=not-a-unit')).status, 404);

    // an employee of DPMPTSP-KUKM: no picker, and another unit is not found
    const emp = await loggedIn(t.app, 'pegawai');
    const own = unescape(await (await emp.get('/rencana-kerja')).text());
    assert.doesNotMatch(own, /name="unit"/);
    assert.doesNotMatch(own, /Ringkasan unit kerja/);
    const forged = await emp.get(`/rencana-kerja?unit=${units.DISDUKCAPIL}`);
    assert.equal(forged.status, 404);
    assert.ok(!unescape(await forged.text()).includes(dukcapilPlan));
    // creating a plan for another unit through the hidden field is refused
    const before = await countRows(t.database, 'workplan_plans');
    const kadis = await loggedIn(t.app, 'kadis');
    assert.equal((await kadis.post('/rencana-kerja', { unit: units.DISDUKCAPIL, year: String(PLAN_YEAR + 2), template: 'empty' })).status, 404);
    assert.equal(await countRows(t.database, 'workplan_plans'), before);

    // the TPI evaluator reaches the two units evaluated and the Inspektorat (employee there): those, nothing else
    const tpi = await loggedIn(t.app, 'tpi');
    const tp = unescape(await (await tpi.get(`/rencana-kerja?unit=${units.DISDUKCAPIL}`)).text());
    const options = [...tp.matchAll(/<select[^>]*name="unit"[^>]*>([\s\S]*?)<\/select>/g)][0]![1]!.match(/<option value="[^"]+"/g)!;
    assert.deepEqual(options.map((o) => o.slice(15, -1)).sort(), [units.DISDUKCAPIL, units.DPMPTSPKUKM, units.INSPEKTORAT].sort());
    assert.ok(tp.includes(`/rencana-kerja/${dukcapilPlan}`));
    assert.equal((await tpi.get(`/rencana-kerja?unit=${units.BPKPD}`)).status, 404);
  });

  test('deleting an activity detaches the evidence of its monev; the file stays in the library', async () => {
    const admin = await loggedIn(t.app, 'admin');
    const a = await act('Pengendalian Gratifikasi', dukcapilPlan);
    await admin.get(`/rencana-kerja/${dukcapilPlan}/kegiatan/${a}`);
    const file = await one<{ id: string }>(`select id from evidence_files where title = 'Bukti Dukcapil'`);
    const before = await snapshot();
    const res = await admin.post(`/rencana-kerja/${dukcapilPlan}/kegiatan/${a}/hapus`);
    assert.equal(res.status, 303);
    const after = await snapshot();
    assert.deepEqual([after.links, after.files, after.stored], [before.links - 1, before.files, before.stored]);
    assert.equal((await one<{ n: number }>('select count(*)::int as n from evidence_links where file_id = $1', [file.id])).n, 0);
  });
});
