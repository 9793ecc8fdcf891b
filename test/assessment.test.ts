// The LKE through the web: the worked example filled item by item reproduces §3.11; the review
// states with the right roles only; authorization and scoping; bad input changes nothing;
// XLSX round trip and the LHE PDF.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { currentYear } from '../src/kernel/workdays.ts';
import { getRuleSet } from '../src/modules/assessment/lke.ruleset.ts';
import { parseAnswers } from '../src/modules/assessment/lke.rules.ts';
import type { Answer, RuleItem } from '../src/modules/assessment/lke.types.ts';
import { Client, countRows, createTestApp, loggedIn, type TestApp } from './helpers.ts';

const rs = getRuleSet('permenpanrb-90-2021');
const fixture = JSON.parse(readFileSync(new URL('../src/modules/assessment/fixtures/worked-example.json', import.meta.url), 'utf8'));
const answers = parseAnswers(rs, fixture.answers);

/** The form fields a browser posts for one answer. */
function fieldsOf(item: RuleItem, a: Answer): Record<string, string> {
  if ('option' in a) return { answer: a.option };
  if ('index' in a) return { index: String(a.index).replace('.', ',') };
  if ('inputs' in a) {
    const out: Record<string, string> = {};
    for (const inp of item.inputs ?? []) if (!inp.sumOf && a.inputs[inp.key] !== undefined) out[`in_${inp.key}`] = String(a.inputs[inp.key]);
    return out;
  }
  return {};
}

function unescape(html: string): string {
  return html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

async function worksheetId(c: Client, location: string | null): Promise<string> {
  const m = /\/lke\/([0-9a-f-]{36})/.exec(location ?? '');
  assert.ok(m, `no worksheet in ${location}`);
  return m[1]!;
}

async function unitId(t: TestApp, code: string): Promise<string> {
  const [r] = await t.database.query<{ id: string }>(`select id from org_units where code = $1`, [code]);
  return r!.id;
}

async function createWorksheet(c: Client, unit: string, year: number): Promise<string> {
  await c.get('/lke/new');
  const res = await c.post('/lke', { unit, year: String(year), ruleset: rs.id, clone: '' });
  assert.equal(res.status, 303, await res.text());
  return worksheetId(c, res.headers.get('location'));
}

async function revOf(c: Client, id: string, code: string, layer: 'unit' | 'tpi' = 'unit'): Promise<string> {
  const html = await (await c.get(`/lke/${id}/items/${code}`)).text();
  const form = layer === 'unit' ? html.split(`action="/lke/${id}/items/${code}"`)[1] : html.split(`action="/lke/${id}/items/${code}/review"`)[1];
  const m = /name="rev" value="([^"]*)"/.exec(form ?? '');
  return m ? m[1]! : '';
}

async function fill(c: Client, id: string, subset?: string[]) {
  for (const item of rs.items) {
    if (subset && !subset.includes(item.code)) continue;
    const a = answers[item.code]!;
    const res = await c.post(`/lke/${id}/items/${item.code}`, { ...fieldsOf(item, a), rev: '', back: 'section=B' }, { headers: { accept: 'application/json' } });
    assert.equal(res.status, 200, `${item.code}: ${await res.text()}`);
  }
}

async function versionOf(c: Client, id: string): Promise<string> {
  const html = await (await c.get(`/lke/${id}`)).text();
  return /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';
}

async function transition(c: Client, id: string, t: string, extra: Record<string, string> = {}) {
  const version = await versionOf(c, id);
  return c.post(`/lke/${id}/transition`, { transition: t, version, ...extra });
}

async function stateOf(app: TestApp, id: string): Promise<string> {
  const [r] = await app.database.query<{ state: string }>(`select state from assessment_worksheets where id = $1`, [id]);
  return r!.state;
}

describe('LKE through the web', () => {
  let app: TestApp;
  let ketua: Client;
  let dpm: string;
  let id: string;
  before(async () => {
    app = await createTestApp();
    ketua = await loggedIn(app.app, 'ketua.zi');
    dpm = await unitId(app, 'DPMPTSPKUKM');
    // next year: the demo holds this year's and last year's worksheets of the unit
    id = await createWorksheet(ketua, dpm, currentYear() + 1);
  });
  after(() => app.close());

  test('the worked example filled item by item gives 84,34 and the §3.11 verdict', async () => {
    await fill(ketua, id);
    const html = await (await ketua.get(`/lke/${id}`)).text();
    assert.match(html, /84,34/);
    assert.match(html, /48,78/, 'pengungkit');
    assert.match(html, /69,24 %/, 'area 2');
    const verdict = await (await ketua.get(`/lke/${id}/verdict?layer=unit`)).text();
    const at = verdict.indexOf('<h2>Menuju WBBM');
    assert.ok(at > 0);
    const wbbm = verdict.slice(at);
    assert.match(verdict.slice(0, at), /Menuju WBK: <span class="badge badge--success">memenuhi syarat nilai/);
    assert.match(wbbm, /belum memenuhi syarat nilai/);
    assert.match(wbbm, /Penataan Tatalaksana 69,24 % &lt; 75 %/);
    assert.match(wbbm, /84,34 &lt; 85/);
    assert.match(wbbm, /15,53 &lt; 15,75/);
  });

  test('autosave answers with JSON carrying the refreshed scores and the new revision', async () => {
    const res = await ketua.post(`/lke/${id}/items/A.I.1.i.b`, { answer: 'B', rev: await revOf(ketua, id, 'A.I.1.i.b') }, { headers: { accept: 'application/json' } });
    assert.equal(res.status, 200);
    const body = await res.json() as { ok: boolean; rev: string; updates: Record<string, string> };
    assert.equal(body.ok, true);
    assert.ok(body.rev);
    assert.equal(body.updates['unit:node:A.I.1.i'], '0,38');
    // put it back for the rest of the suite
    const back = await ketua.post(`/lke/${id}/items/A.I.1.i.b`, { answer: 'A', rev: body.rev }, { headers: { accept: 'application/json' } });
    assert.equal(back.status, 200);
  });

  test('a replayed or stale post is refused and changes nothing', async () => {
    const stale = await ketua.post(`/lke/${id}/items/A.I.1.i.b`, { answer: 'C', rev: '' }, { headers: { accept: 'application/json' } });
    assert.equal(stale.status, 409);
    const body = await stale.json() as { message: string };
    assert.match(body.message, /A\.I\.1\.i\.b: butir ini telah diubah orang lain/);
    // the same without JavaScript: the item page again, saying what happened
    const page = await ketua.post(`/lke/${id}/items/A.I.1.i.b`, { answer: 'C', rev: '' });
    assert.equal(page.status, 409);
    assert.match(unescape(await page.text()), /A\.I\.1\.i\.b: butir ini telah diubah orang lain/);
    const [r] = await app.database.query<{ answer: { option: string } }>(`select answer from assessment_answers where worksheet_id = $1 and item_code = 'A.I.1.i.b' and layer = 'unit'`, [id]);
    assert.deepEqual(r!.answer, { option: 'A' });
  });

  test('bad answers get a clear Indonesian message naming the item and change nothing', async () => {
    const before = await app.database.query(`select item_code, answer from assessment_answers where worksheet_id = $1 order by item_code`, [id]);
    const cases: [string, Record<string, string>, RegExp][] = [
      ['A.I.1.i.a', { answer: 'B' }, /A\.I\.1\.i\.a: "B" bukan pilihan yang sah; pilih Ya\/Tidak/],
      ['A.II.1.i.a', { in_agents: '-3', in_changes: '2' }, /A\.II\.1\.i\.a: "agents" tidak boleh negatif/],
      ['A.II.1.i.a', { in_agents: 'sepuluh', in_changes: '2' }, /harus bilangan bulat/],
      ['B.I.a', { index: '7' }, /B\.I\.a: nilai indeks harus antara 0 dan 4/],
    ];
    for (const [code, form, msg] of cases) {
      const res = await ketua.post(`/lke/${id}/items/${code}`, { ...form, rev: await revOf(ketua, id, code) });
      assert.equal(res.status, 400, code);
      assert.match(unescape(await res.text()), msg);
    }
    const unknown = await ketua.post(`/lke/${id}/items/Z.9.z`, { answer: 'A', rev: '' });
    assert.equal(unknown.status, 404);
    const after = await app.database.query(`select item_code, answer from assessment_answers where worksheet_id = $1 order by item_code`, [id]);
    assert.deepEqual(after, before);
  });

  test('authorization: employees cannot edit, other units cannot see, TPI sees only assigned units', async () => {
    const pegawai = await loggedIn(app.app, 'pegawai');
    assert.equal((await pegawai.get(`/lke/${id}`)).status, 200, 'employees may read their unit');
    const res = await pegawai.post(`/lke/${id}/items/A.I.1.i.a`, { answer: 'Tidak', rev: '' });
    assert.equal(res.status, 403);
    const other = await loggedIn(app.app, 'pegawai.dukcapil');
    assert.equal((await other.get(`/lke/${id}`)).status, 404);
    assert.doesNotMatch(await (await other.get('/lke')).text(), new RegExp(id));
    const tpi = await loggedIn(app.app, 'tpi');
    assert.equal((await tpi.get(`/lke/${id}`)).status, 200);
    const dinkesId = (await app.database.query<{ id: string }>(`select w.id from assessment_worksheets w join org_units u on u.id = w.unit_id where u.code = 'DINKES' limit 1`))[0]?.id;
    if (dinkesId) assert.equal((await tpi.get(`/lke/${dinkesId}`)).status, 404, 'TPI sees only assigned units');
    // the TPI never writes the unit's own layer
    assert.equal((await tpi.post(`/lke/${id}/items/A.I.1.i.a`, { answer: 'Tidak', rev: '' })).status, 403);
    // an area coordinator writes only items of the area (6)
    const koor = await loggedIn(app.app, 'koordinator');
    const own = await koor.post(`/lke/${id}/items/A.I.6.iii.a`, { answer: 'A', rev: await revOf(koor, id, 'A.I.6.iii.a') }, { headers: { accept: 'application/json' } });
    assert.equal(own.status, 200);
    const foreign = await koor.post(`/lke/${id}/items/A.I.1.i.a`, { answer: 'Tidak', rev: await revOf(koor, id, 'A.I.1.i.a') }, { headers: { accept: 'application/json' } });
    assert.equal(foreign.status, 409);
  });

  test('review states: submit → review → TPI changes two answers → return → revise → evaluate → recommend', async () => {
    const tpi = await loggedIn(app.app, 'tpi');
    // the TPI cannot start before submission; the unit cannot evaluate
    assert.equal((await transition(ketua, id, 'evaluate', { conclusion: 'memenuhi' })).status, 403);
    assert.equal(await stateOf(app, id), 'draft');
    assert.equal((await transition(ketua, id, 'submit')).status, 303);
    assert.equal(await stateOf(app, id), 'submitted');
    // locked for the unit now
    const locked = await ketua.post(`/lke/${id}/items/A.I.1.i.a`, { answer: 'Tidak', rev: await revOf(ketua, id, 'A.I.1.i.a') }, { headers: { accept: 'application/json' } });
    assert.equal(locked.status, 409);
    // a replayed submit (old version) changes nothing
    await transition(tpi, id, 'start_review');
    assert.equal(await stateOf(app, id), 'under_review');
    const replay = await tpi.post(`/lke/${id}/transition`, { transition: 'start_review', version: '0' });
    assert.equal(replay.status, 303);
    assert.equal(await stateOf(app, id), 'under_review');
    // TPI: two own values with notes, one accepted
    for (const [code, answer] of [['A.I.1.i.b', 'B'], ['A.II.2.i.a', 'A']] as const) {
      const r = await tpi.post(`/lke/${id}/items/${code}/review`, { answer, note: `Catatan TPI ${code}`, rev: await revOf(tpi, id, code, 'tpi') });
      assert.equal(r.status, 303, await r.text());
    }
    assert.equal((await tpi.post(`/lke/${id}/items/A.I.1.i.a/review`, { accept: '1', rev: '' })).status, 303);
    const side = await (await tpi.get(`/lke/${id}/review`)).text();
    assert.match(side, /2 butir berbeda/);
    assert.match(side, /−0,13/);
    // return needs a note
    await transition(tpi, id, 'return');
    assert.equal(await stateOf(app, id), 'under_review');
    await transition(tpi, id, 'return', { note: 'Lengkapi data dukung area 2.' });
    assert.equal(await stateOf(app, id), 'returned');
    const overview = await (await ketua.get(`/lke/${id}`)).text();
    assert.match(overview, /Lengkapi data dukung area 2\./);
    // the unit revises and resubmits
    const rev = await ketua.post(`/lke/${id}/items/A.II.2.i.a`, { answer: 'B', rev: await revOf(ketua, id, 'A.II.2.i.a') }, { headers: { accept: 'application/json' } });
    assert.equal(rev.status, 200);
    await transition(ketua, id, 'submit');
    await transition(tpi, id, 'start_review');
    // not every item carries a TPI decision: the conclusion is refused and nothing changes
    await transition(tpi, id, 'evaluate', { conclusion: 'memenuhi', note: 'Memenuhi kriteria Menuju WBK.' });
    assert.equal(await stateOf(app, id), 'under_review');
    // the TPI accepts the unit's value for the remaining items, the confirmation naming how many
    const page = await (await tpi.get(`/lke/${id}/review/remaining`)).text();
    const n = Number(/name="n" value="(\d+)"/.exec(page)?.[1]);
    const version = /name="version" value="(\d+)"/.exec(page)?.[1];
    assert.ok(n > 100 && n < 113, `remaining ${n}`);
    assert.match(page, new RegExp(`${n} butir`));
    // a count that is not the one confirmed (the page is older than the worksheet) changes nothing
    assert.equal((await tpi.post(`/lke/${id}/review/remaining`, { version: version!, n: String(n - 1) })).status, 303);
    assert.equal(await countRows(app.database, `assessment_answers where worksheet_id = '${id}' and layer = 'tpi'`), 113 - n);
    assert.equal((await tpi.post(`/lke/${id}/review/remaining`, { version: version!, n: String(n) })).status, 303);
    assert.equal(await countRows(app.database, `assessment_answers where worksheet_id = '${id}' and layer = 'tpi'`), 113);
    const [acc] = await app.database.query<{ data: { n: number } }>(`select data from kernel_audit_log where entity_id = $1 and action = 'lke.review.accept_remaining'`, [id]);
    assert.equal(acc?.data.n, n);
    await transition(tpi, id, 'evaluate', { conclusion: 'memenuhi', note: 'Memenuhi kriteria Menuju WBK.' });
    assert.equal(await stateOf(app, id), 'evaluated');
    await transition(tpi, id, 'recommend');
    assert.equal(await stateOf(app, id), 'recommended');
    const audit = await app.database.query<{ action: string }>(`select action from kernel_audit_log where entity_id = $1 and action like 'lke.worksheet.%' order by seq`, [id]);
    assert.deepEqual(audit.map((a) => a.action), [
      'lke.worksheet.create', 'lke.worksheet.submit', 'lke.worksheet.start_review', 'lke.worksheet.return',
      'lke.worksheet.submit', 'lke.worksheet.start_review', 'lke.worksheet.evaluate', 'lke.worksheet.recommend',
    ]);
    // the unit was told
    assert.ok(await countRows(app.database, 'kernel_notifications') > 0);
  });

  test('LHE PDF and XLSX download; the XLSX re-imported into a new worksheet scores the same', async () => {
    const pdf = await ketua.get(`/lke/${id}/lhe.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
    const xlsx = await ketua.get(`/lke/${id}/export.xlsx`);
    assert.equal(xlsx.status, 200);
    const bytes = Buffer.from(await xlsx.arrayBuffer());
    assert.equal(bytes.subarray(0, 2).toString(), 'PK');
    const other = await createWorksheet(ketua, dpm, 2014);
    const form = new FormData();
    form.set('version', await versionOf(ketua, other));
    form.set('file', new File([bytes], 'lke.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const res = await ketua.postMultipart(`/lke/${other}/import`, form);
    assert.equal(res.status, 303, unescape(await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(-1500));
    const a = await (await ketua.get(`/lke/${id}/verdict?layer=unit`)).text();
    const b = await (await ketua.get(`/lke/${other}/verdict?layer=unit`)).text();
    const totalOf = (html: string) => /Nilai total<\/td><td class="num"[^>]*>([\d.,]+)/.exec(html)?.[1];
    assert.ok(totalOf(a));
    assert.equal(totalOf(b), totalOf(a));
    const ua = await app.database.query(`select item_code, answer, note from assessment_answers where worksheet_id = $1 and layer = 'unit' order by item_code`, [id]);
    const ub = await app.database.query(`select item_code, answer, note from assessment_answers where worksheet_id = $1 and layer = 'unit' order by item_code`, [other]);
    assert.deepEqual(ub, ua);
  });

  test('a disguised or broken import is refused whole', async () => {
    const other = (await app.database.query<{ id: string }>(`select w.id from assessment_worksheets w where w.unit_id = $1 and w.year = 2014`, [dpm]))[0]!.id;
    const before = await countRows(app.database, 'assessment_answers');
    const form = new FormData();
    form.set('version', await versionOf(ketua, other));
    form.set('file', new File([Buffer.from('%PDF-1.4 not a workbook')], 'lke.xlsx'));
    const res = await ketua.postMultipart(`/lke/${other}/import`, form);
    assert.equal(res.status, 400);
    assert.match(await res.text(), /Impor ditolak/);
    assert.equal(await countRows(app.database, 'assessment_answers'), before);
  });

  test('an old record under the revoked 52/2014 rule set is read-only; cloning it lists what could not be carried', async () => {
    const [old] = await app.database.query<{ id: string }>(
      `insert into assessment_worksheets (unit_id, year, ruleset_id, state) values ($1, 2019, 'permenpanrb-52-2014', 'evaluated') returning id`, [dpm]);
    await app.database.query(`insert into assessment_answers (worksheet_id, item_code, layer, answer) values
      ($1, 'B.I.a', 'unit', '{"index": 3.5}'), ($1, 'B.I.b', 'unit', '{"inputs": {"findings": 10, "completed": 9}}'), ($1, 'A.1', 'unit', '{"score": 4}')`, [old!.id]);
    const page = await (await ketua.get(`/lke/${old!.id}`)).text();
    assert.match(page, /Rule set ini sudah dicabut/);
    const locked = await ketua.post(`/lke/${old!.id}/items/B.I.a`, { index: '3,9', rev: '' }, { headers: { accept: 'application/json' } });
    assert.equal(locked.status, 409);
    await ketua.get('/lke/new');
    const res = await ketua.post('/lke', { unit: dpm, year: '2020', ruleset: rs.id, clone: 'previous' });
    assert.equal(res.status, 303);
    const location = res.headers.get('location')!;
    assert.match(decodeURIComponent(location), /dropped=.*B\.I\.b:type_changed/);
    const overview = unescape(await (await ketua.get(location)).text());
    assert.match(overview, /jawaban tidak dapat dibawa/);
    assert.match(overview, /A\.1<\/code> — kode butir tidak ada dalam rule set ini/);
    const id2020 = await worksheetId(ketua, location);
    const [carried] = await app.database.query<{ answer: unknown }>(`select answer from assessment_answers where worksheet_id = $1 and item_code = 'B.I.a'`, [id2020]);
    assert.deepEqual(carried!.answer, { index: 3.5 });
  });

  test('evidence: a positive answer without evidence is flagged until a file is attached', async () => {
    const w = await createWorksheet(ketua, dpm, 2015);
    await fill(ketua, w, ['A.I.1.i.a']);
    let page = await (await ketua.get(`/lke/${w}/items/A.I.1.i.a`)).text();
    assert.match(page, /Jawaban positif tanpa data dukung/);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const form = new FormData();
    form.set('title', 'SK Tim Kerja ZI');
    form.set('file', new File([pdf], 'sk-tim.pdf', { type: 'application/pdf' }));
    const res = await ketua.postMultipart(`/lke/${w}/items/A.I.1.i.a/evidence`, form);
    assert.equal(res.status, 303, await res.text());
    page = await (await ketua.get(`/lke/${w}/items/A.I.1.i.a`)).text();
    assert.doesNotMatch(page, /Jawaban positif tanpa data dukung/);
    assert.match(page, /SK Tim Kerja ZI/);
    // a second file: each "Lepas" button says which file it detaches (not two buttons named alike);
    // other bytes (the same bytes are the same library file, and attaching it twice is refused)
    const second = new FormData();
    second.set('title', 'Notulen rapat tim');
    second.set('file', new File([Buffer.from('%PDF-1.4\n% notulen\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')], 'notulen.pdf', { type: 'application/pdf' }));
    assert.equal((await ketua.postMultipart(`/lke/${w}/items/A.I.1.i.a/evidence`, second)).status, 303);
    page = await (await ketua.get(`/lke/${w}/items/A.I.1.i.a`)).text();
    const names = [...page.matchAll(/<ul class="evidence-list">[\s\S]*?<\/ul>/g)].flatMap((m) => [...m[0].matchAll(/<button[^>]*aria-label="([^"]*)"[^>]*>Lepas<\/button>/g)].map((b) => b[1]));
    assert.deepEqual(names.sort(), ['Lepas data dukung Notulen rapat tim', 'Lepas data dukung SK Tim Kerja ZI']);
    // a disguised file is refused and nothing is stored
    const files = await countRows(app.database, 'evidence_files');
    const bad = new FormData();
    bad.set('file', new File([Buffer.from('<html><script>alert(1)</script></html>')], 'laporan.pdf', { type: 'application/pdf' }));
    const refused = await ketua.postMultipart(`/lke/${w}/items/A.I.1.i.b/evidence`, bad);
    assert.equal(refused.status, 400);
    assert.equal(await countRows(app.database, 'evidence_files'), files);
  });
});
