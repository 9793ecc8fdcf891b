// The LKE link of the work plan: facts of the demo unit offered on A.I.1.* and A.II.1.* as suggested
// answers with their evidence; accepting one writes the unit's answer and attaches the evidence in
// one audited step, a replayed or stale acceptance and a locked worksheet change nothing; the unit
// may answer otherwise; other units, employees and the TPI cannot accept; records added in the work
// plan (an agent's change, a pact signature) change the suggestion at once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoHasCome } from '../src/kernel/demo-dates.ts';
import { currentYear, dayIn } from '../src/kernel/workdays.ts';
import { workplanLkeSuggestions } from '../src/modules/workplan/index.ts';
import { Client, countRows, createTestApp, loggedIn, type TestApp } from './helpers.ts';

/** The demo's years: this year (in progress) and last year (complete), whatever the year is. */
const THIS = currentYear();
const LAST = THIS - 1;
/** This year's change agents made their first change on 7 February of the demo's story (written with 2026 as this year); before it they have none. */
const AGENT_CHANGED = demoHasCome('2026-02-07', 2026);
let t: TestApp;
let ketua: Client;
let unitId = '';
let wsThis = '';
let wsLast = '';

before(async () => {
  t = await createTestApp({ seed: true });
  [{ id: unitId }] = await t.database.query<{ id: string }>(`select id from org_units where code = 'DPMPTSPKUKM'`);
  const ws = await t.database.query<{ id: string; year: number }>('select id, year from assessment_worksheets where unit_id = $1', [unitId]);
  wsThis = ws.find((w) => w.year === THIS)!.id;
  wsLast = ws.find((w) => w.year === LAST)!.id;
  ketua = await loggedIn(t.app, 'ketua.zi');
});
after(async () => { await t.close(); });

const suggestions = (year = THIS) => workplanLkeSuggestions({ db: t.database.db, unitId, year, now: new Date(), t: t.i18n.translator('id') });

async function unitAnswer(ws: string, code: string) {
  const [r] = await t.database.query<{ answer: unknown; note: string | null; updated_at: Date }>(
    `select answer, note, updated_at from assessment_answers where worksheet_id = $1 and item_code = $2 and layer = 'unit'`, [ws, code]);
  return r ?? null;
}
const revOf = async (ws: string, code: string) => (await unitAnswer(ws, code))?.updated_at.toISOString() ?? '';
const linksOf = async (ws: string, code: string) => (await t.database.query<{ file_id: string | null; url: string | null }>(
  `select file_id, url from evidence_links where subject_type = 'lke_item' and subject_id = $1 and subject_key = $2`, [ws, code]));
const accept = (c: Client, ws: string, code: string, rev: string) => c.post(`/lke/${ws}/items/${code}/suggestion`, { rev, back: `/lke/${ws}/items/${code}` });
const audits = async (action: string) => (await t.database.query<{ n: number }>(`select count(*)::int as n from kernel_audit_log where action = $1`, [action]))[0].n;

describe('suggested answers from the work plan', () => {
  test('the worksheet lists the suggestions of A.I.1.* and A.II.1.* with facts, status and evidence', async () => {
    const res = await ketua.get(`/lke/${wsThis}/saran`);
    assert.equal(res.status, 200);
    const html = await res.text();
    for (const code of ['A.I.1.i.a', 'A.I.1.i.b', 'A.I.1.ii.a', 'A.I.1.ii.b', 'A.I.1.iv.b', 'A.I.1.iv.d', 'A.II.1.i.a', 'A.II.1.i.b']) assert.match(html, new RegExp(`>${code.replace(/\./g, '\\.')}<`), code);
    assert.match(html, new RegExp(`Tim Kerja ZI ditetapkan dengan SK Nomor 800/012/DPMPTSP-KUKM/${THIS}`));
    assert.match(html, new RegExp(`Keputusan Rencana Kerja Pembangunan ZI ${THIS} \\(dibuat otomatis saat diterima\\)`));
    // the overview links to it; the item page shows its own card
    assert.match(await (await ketua.get(`/lke/${wsThis}`)).text(), new RegExp(`href="/lke/${wsThis}/saran"`));
    const item = await (await ketua.get(`/lke/${wsThis}/items/A.II.1.i.a`)).text();
    assert.match(item, /id="suggestion"/);
    assert.match(item, /agen perubahan aktif/);
  });

  test('accepting writes the suggested answer and attaches its evidence, once; a replay changes nothing', async () => {
    const code = 'A.II.1.i.a';
    const [s] = (await suggestions()).filter((x) => x.item === code);
    const expected = (s.answer as { inputs: Record<string, number> }).inputs;
    const before = await unitAnswer(wsThis, code);
    assert.notDeepEqual((before?.answer as { inputs?: unknown } | null)?.inputs, expected, 'the demo carried last year’s counts');
    const rev = await revOf(wsThis, code);
    const links0 = (await linksOf(wsThis, code)).length;
    const audit0 = await audits('lke.suggestion.accepted');
    const res = await accept(ketua, wsThis, code, rev);
    assert.equal(res.status, 303);
    const after = await unitAnswer(wsThis, code);
    assert.deepEqual((after!.answer as { inputs: Record<string, number> }).inputs, expected);
    assert.equal(after!.note, before?.note ?? after!.note, 'the unit’s note is kept');
    const links = await linksOf(wsThis, code);
    const urls = s.evidence.filter((e) => e.kind === 'url').map((e) => (e as { url: string }).url);
    for (const u of urls) assert.ok(links.some((l) => l.url === u), `evidence ${u} attached`);
    assert.equal(await audits('lke.suggestion.accepted'), audit0 + 1);

    // the same post again (its revision is now stale): nothing changes
    const snap = { links: await countRows(t.database, 'evidence_links'), audit: await countRows(t.database, 'kernel_audit_log') };
    assert.equal((await accept(ketua, wsThis, code, rev)).status, 303);
    assert.equal(await countRows(t.database, 'evidence_links'), snap.links);
    assert.equal(await countRows(t.database, 'kernel_audit_log'), snap.audit);
    assert.ok(links.length >= links0);
    // and the item now reads "same as the unit's answer", with no accept button
    const item = await (await ketua.get(`/lke/${wsThis}/items/${code}`)).text();
    assert.match(item, /sama dengan jawaban unit/);
    assert.doesNotMatch(item, /\/suggestion"/);
  });

  test('the generated decree becomes one library file shared by the plan items; an empty note gets the facts', async () => {
    // clear A.I.1.ii.a and A.I.1.ii.b first, as a unit would to start over
    for (const code of ['A.I.1.ii.a', 'A.I.1.ii.b']) {
      assert.equal((await ketua.post(`/lke/${wsThis}/items/${code}`, { rev: await revOf(wsThis, code), answer: '', note: '' })).status, 303);
      assert.equal(await unitAnswer(wsThis, code), null);
    }
    const files0 = await countRows(t.database, 'evidence_files');
    const fileIds = async () => new Set((await t.database.query<{ id: string }>('select id from evidence_files')).map((r) => r.id));
    const before = await fileIds();
    assert.equal((await accept(ketua, wsThis, 'A.I.1.ii.a', '')).status, 303);
    assert.equal(await countRows(t.database, 'evidence_files'), files0 + 1, 'the decree PDF is stored');
    assert.equal((await accept(ketua, wsThis, 'A.I.1.ii.b', '')).status, 303);
    assert.equal(await countRows(t.database, 'evidence_files'), files0 + 1, 'the same bytes are reused');
    const [a, b] = [await linksOf(wsThis, 'A.I.1.ii.a'), await linksOf(wsThis, 'A.I.1.ii.b')];
    // the file stored by the acceptance (not the latest upload time: under a faked clock a cached demo copy may carry later moments)
    const [decreeFile] = [...await fileIds()].filter((id) => !before.has(id));
    assert.ok(a.some((l) => l.file_id === decreeFile) && b.some((l) => l.file_id === decreeFile), 'both items carry the decree');
    const [file] = await t.database.query<{ mime: string; title: string }>('select mime, title from evidence_files where id = $1', [decreeFile]);
    assert.equal(file.mime, 'application/pdf');
    assert.equal(file.title, `Keputusan Rencana Kerja Pembangunan ZI ${THIS}`);
    const row = await unitAnswer(wsThis, 'A.I.1.ii.a');
    assert.deepEqual(row!.answer, { option: 'Ya' });
    assert.match(row!.note!, new RegExp(`^Rencana Kerja ZI\\n- .*Keputusan Nomor 188\\.4/003\\.1/DINPMP2KUKM/${THIS}`));
  });

  test('the unit may answer otherwise: the suggestion stays, marked as different', async () => {
    const code = 'A.I.1.i.b';
    assert.equal((await ketua.post(`/lke/${wsThis}/items/${code}`, { rev: await revOf(wsThis, code), answer: 'B', note: 'Sebagian anggota ditunjuk langsung.' })).status, 303);
    assert.deepEqual((await unitAnswer(wsThis, code))!.answer, { option: 'B' });
    const html = await (await ketua.get(`/lke/${wsThis}/items/${code}`)).text();
    assert.match(html, /berbeda dari jawaban unit/);
    assert.match(html, new RegExp(`action="/lke/${wsThis}/items/${code}/suggestion"`));
  });

  test('accept all fills only unanswered items, in one step', async () => {
    for (const code of ['A.I.1.i.a', 'A.I.1.iv.b']) {
      assert.equal((await ketua.post(`/lke/${wsThis}/items/${code}`, { rev: await revOf(wsThis, code), answer: '', note: '' })).status, 303);
    }
    const kept = (await unitAnswer(wsThis, 'A.I.1.i.b'))!.answer;
    const [{ version }] = await t.database.query<{ version: number }>('select version from assessment_worksheets where id = $1', [wsThis]);
    // a stale version changes nothing
    assert.equal((await ketua.post(`/lke/${wsThis}/saran`, { version: String(version - 1) })).status, 303);
    assert.equal(await unitAnswer(wsThis, 'A.I.1.i.a'), null);
    assert.equal((await ketua.post(`/lke/${wsThis}/saran`, { version: String(version) })).status, 303);
    assert.deepEqual((await unitAnswer(wsThis, 'A.I.1.i.a'))!.answer, { option: 'Ya' });
    // agents designated, with changes (A) or none yet (B)
    assert.deepEqual((await unitAnswer(wsThis, 'A.I.1.iv.b'))!.answer, { option: AGENT_CHANGED ? 'A' : 'B' });
    assert.deepEqual((await unitAnswer(wsThis, 'A.I.1.i.b'))!.answer, kept, 'an answered item is left alone');
    assert.ok((await linksOf(wsThis, 'A.I.1.i.a')).some((l) => l.file_id), 'the team decree file came with it');
  });

  test('a worksheet outside draft/returned, another unit, an employee and the TPI cannot accept', async () => {
    const snap = async () => ({
      answers: await countRows(t.database, 'assessment_answers'), links: await countRows(t.database, 'evidence_links'),
      // sign-ins are audited too; nothing else may be
      audit: (await t.database.query<{ n: number }>(`select count(*)::int as n from kernel_audit_log where action not like 'auth.%'`))[0].n,
    });
    const s0 = await snap();
    // last year's is recommended: the unit layer is locked
    const res = await accept(ketua, wsLast, 'A.II.1.i.a', await revOf(wsLast, 'A.II.1.i.a'));
    assert.equal(res.status, 303);
    const page = await ketua.get(res.headers.get('location')!);
    assert.match(await page.text(), /terkunci/);
    const other = await loggedIn(t.app, 'pegawai.dukcapil');
    assert.equal((await other.get(`/lke/${wsThis}/saran`)).status, 404);
    assert.equal((await accept(other, wsThis, 'A.I.1.i.a', '')).status, 403);
    const employee = await loggedIn(t.app, 'pegawai');
    assert.equal((await employee.get(`/lke/${wsThis}/saran`)).status, 200);
    assert.equal((await accept(employee, wsThis, 'A.I.1.i.b', await revOf(wsThis, 'A.I.1.i.b'))).status, 403);
    const tpi = await loggedIn(t.app, 'tpi');
    assert.doesNotMatch(await (await tpi.get(`/lke/${wsThis}/saran`)).text(), /\/suggestion"/);
    assert.equal((await accept(tpi, wsThis, 'A.I.1.i.b', await revOf(wsThis, 'A.I.1.i.b'))).status, 403);
    // an item code that is not in the rule set, or has no suggestion
    assert.equal((await accept(ketua, wsThis, 'A.I.9.z', '')).status, 404);
    assert.equal((await accept(ketua, wsThis, 'A.I.2.i.a', '')).status, 303);
    // without the CSRF token
    assert.equal((await ketua.post(`/lke/${wsThis}/items/A.I.1.i.b/suggestion`, { rev: '' }, { csrf: false })).status, 403);
    assert.deepEqual(await snap(), s0);
  });

  test('work-plan records feed the suggestion at once: a new change of an agent, a new pakta signature', async () => {
    const before = (await suggestions()).find((x) => x.item === 'A.II.1.i.a')!.answer as { inputs: { agents: number; changes: number } };
    const [agent] = await t.database.query<{ id: string }>('select id from workplan_agents where unit_id = $1 and year = $2 limit 1', [unitId, THIS]);
    const res = await ketua.post(`/agen-perubahan/${agent.id}/changes`, { unitId, year: String(THIS), title: 'Papan informasi biaya layanan', description: 'Uraian', implementedOn: dayIn(new Date()), integrated: 'yes', integratedNote: 'Masuk SOP' });
    assert.equal(res.status, 303);
    const now = await suggestions();
    assert.deepEqual((now.find((x) => x.item === 'A.II.1.i.a')!.answer as { inputs: unknown }).inputs, { agents: before.inputs.agents, changes: before.inputs.changes + 1 });
    const b = now.find((x) => x.item === 'A.II.1.i.b')!.answer as { inputs: { integrated: number } };
    assert.ok(b.inputs.integrated >= 1);
    const pakta = (s: Awaited<ReturnType<typeof suggestions>>) => s.find((x) => x.item === 'A.I.1.iv.d')!.facts.find((f) => f.key === 'wpl.fact.people.pakta')!.params!;
    // someone of the unit who has not signed this year's pact signs it now
    const year = THIS;
    const p0 = pakta(await suggestions(year));
    const [missing] = await t.database.query<{ username: string }>(
      `select a.username from kernel_accounts a join org_people p on p.account_id = a.id
        where p.unit_id = $1 and p.is_active and not exists (select 1 from workplan_pacts w where w.person_id = p.id and w.year = $2) limit 1`, [unitId, year]);
    if (missing) {
      const c = new Client(t.app);
      await c.login(missing.username);
      await c.get('/pakta');
      assert.equal((await c.post('/pakta/sign', { confirm: '1' })).status, 303);
      assert.equal(pakta(await suggestions(year)).n, Number(p0.n) + 1);
    }
  });
});
