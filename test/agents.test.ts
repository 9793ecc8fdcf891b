// Agen perubahan: designation of people of the unit, their changes (no future dates), the counts
// that feed LKE items A.II.1.i.a/b under additions, removals and transfers between units, what the
// page shows against changeAgentInputs, scoping, CSRF, and the demo data.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { changeAgentInputs, seedWorkplanTeamDemo } from '../src/modules/workplan/index.ts';
import { Client, countRows, createTestApp, loggedIn, type TestApp } from './helpers.ts';

let t: TestApp;
const units: Record<string, string> = {};
const people: Record<string, string> = {};
let ketua: Client;
const YEAR = 2024;

before(async () => {
  t = await createTestApp({ seed: 'org' });
  for (const r of await t.database.query<{ id: string; code: string }>('select id, code from org_units')) units[r.code] = r.id;
  for (const r of await t.database.query<{ id: string; name: string }>('select id, name from org_people')) people[r.name.split(',')[0]] = r.id;
  ketua = await loggedIn(t.app, 'ketua.zi');
});
after(async () => { await t.close(); });

const base = (unit = 'DPMPTSPKUKM') => ({ unitId: units[unit], year: String(YEAR) });
const inputs = (unit = 'DPMPTSPKUKM') => changeAgentInputs(t.database.db, units[unit], YEAR);
const designate = (name: string, extra: Record<string, string> = {}) =>
  ketua.post('/agen-perubahan', { ...base(), personId: people[name], decreeNumber: '800/046/DPMPTSP-KUKM/2024', decreeDate: '2024-01-20', ...extra });
async function agentId(name: string) {
  const [r] = await t.database.query<{ id: string }>('select a.id from workplan_agents a where a.person_id = $1 and a.year = $2', [people[name], YEAR]);
  return r.id;
}
const addChange = async (name: string, title: string, integrated: boolean, implementedOn = '2024-05-02') =>
  ketua.post(`/agen-perubahan/${await agentId(name)}/changes`, { ...base(), title, description: 'Uraian', implementedOn, integrated: integrated ? 'yes' : 'no', integratedNote: '' });

async function snapshot() {
  return {
    agents: await countRows(t.database, 'workplan_agents'),
    changes: await countRows(t.database, 'workplan_changes'),
    links: await countRows(t.database, 'evidence_links'),
    audit: await countRows(t.database, 'kernel_audit_log'),
  };
}

/** The counts and percentages as the page shows them. */
async function pageCounts(c: Client = ketua, unit = 'DPMPTSPKUKM') {
  const html = await (await c.get(`/agen-perubahan?unit=${units[unit]}&year=${YEAR}`)).text();
  const count = (k: string) => Number(html.match(new RegExp(`data-count="${k}">([0-9.]+)<`))![1].replace(/\./g, ''));
  const pct = (k: string) => html.match(new RegExp(`data-percent="${k}">([^<]+)<`))?.[1] ?? null;
  return { agents: count('agents'), changes: count('changes'), integrated: count('integrated'), a: pct('A.II.1.i.a'), b: pct('A.II.1.i.b') };
}

describe('agen perubahan', () => {
  test('designating agents and recording changes adds to the counts; the page shows changeAgentInputs and the LKE percentages', async () => {
    assert.deepEqual(await inputs(), { agents: 0, changes: 0, integrated: 0 });
    const before = await snapshot();
    for (const n of ['Rizky Pratama', 'Putri Ayu Lestari', 'Siti Aminah', 'Bambang Irawan']) assert.equal((await designate(n)).status, 303);
    assert.equal((await addChange('Rizky Pratama', 'Layanan antar izin ke rumah untuk pelaku UMKM', true)).status, 303);
    assert.equal((await addChange('Rizky Pratama', 'Formulir perizinan daring terintegrasi OSS', false)).status, 303);
    assert.equal((await addChange('Putri Ayu Lestari', 'Survei kepuasan dengan kode QR', true)).status, 303);
    assert.equal((await addChange('Bambang Irawan', 'Notifikasi WhatsApp status berkas', false)).status, 303);
    assert.equal((await addChange('Siti Aminah', 'Daftar periksa berkas', false)).status, 303);
    const after = await snapshot();
    assert.equal(after.audit, before.audit + 9);
    const got = await inputs();
    assert.deepEqual(got, { agents: 4, changes: 5, integrated: 2 });
    const shown = await pageCounts();
    assert.deepEqual({ agents: shown.agents, changes: shown.changes, integrated: shown.integrated }, got);
    assert.equal(shown.a, '125,00 %');
    assert.equal(shown.b, '40,00 %');
  });

  test('the same person twice, a person of another unit, a future date: clear errors, nothing changes', async () => {
    const before = await snapshot();
    const dup = await designate('Rizky Pratama');
    assert.equal(dup.status, 409);
    assert.match(await dup.text(), /sudah ditetapkan sebagai agen perubahan/);
    const other = await designate('Andi Setiawan');
    assert.equal(other.status, 400);
    assert.match(await other.text(), /bukan pegawai unit kerja ini/);
    const future = await addChange('Rizky Pratama', 'Perubahan esok hari', true, '2999-01-01');
    assert.equal(future.status, 400);
    assert.match(await future.text(), /tidak boleh di masa depan/);
    const noTitle = await addChange('Rizky Pratama', '', true);
    assert.equal(noTitle.status, 400);
    assert.deepEqual(await snapshot(), before);
  });

  test('editing a change (integrated yes) and adding a link as evidence', async () => {
    const [ch] = await t.database.query<{ id: string }>("select id from workplan_changes where title like 'Formulir%'");
    const res = await ketua.post(`/agen-perubahan/changes/${ch.id}`, { ...base(), title: 'Formulir perizinan daring terintegrasi OSS', implementedOn: '2024-06-01', integrated: 'yes', integratedNote: 'SOP 2024' });
    assert.equal(res.status, 303);
    assert.deepEqual(await inputs(), { agents: 4, changes: 5, integrated: 3 });
    const fd = new FormData();
    fd.set('unitId', units.DPMPTSPKUKM); fd.set('year', String(YEAR)); fd.set('url', 'https://dpmptsp.bangka.example/oss'); fd.set('urlTitle', 'Halaman formulir');
    assert.equal((await ketua.postMultipart(`/agen-perubahan/changes/${ch.id}/evidence`, fd)).status, 303);
    const [l] = await t.database.query<{ n: number }>("select count(*)::int as n from evidence_links where subject_type = 'workplan_change' and subject_id = $1", [ch.id]);
    assert.equal(Number(l.n), 1);
    // a future date on edit is refused too
    assert.equal((await ketua.post(`/agen-perubahan/changes/${ch.id}`, { ...base(), title: 'X', implementedOn: '2999-01-01', integrated: 'no' })).status, 400);
    assert.deepEqual(await inputs(), { agents: 4, changes: 5, integrated: 3 });
  });

  test('removing an agent removes its changes from the counts', async () => {
    const id = await agentId('Rizky Pratama');
    const res = await ketua.post(`/agen-perubahan/${id}/delete`, base());
    assert.equal(res.status, 303);
    assert.deepEqual(await inputs(), { agents: 3, changes: 3, integrated: 1 });
    assert.equal((await ketua.post(`/agen-perubahan/${id}/delete`, base())).status, 404);
  });

  test('transfer: an agent who moves to another unit stays counted for the unit and year of the designation', async () => {
    await t.database.query('update org_people set unit_id = $1 where id = $2', [units.DISDUKCAPIL, people['Putri Ayu Lestari']]);
    assert.deepEqual(await inputs(), { agents: 3, changes: 3, integrated: 1 });
    assert.deepEqual(await inputs('DISDUKCAPIL'), { agents: 0, changes: 0, integrated: 0 });
    assert.match(await (await ketua.get(`/agen-perubahan?year=${YEAR}`)).text(), /sekarang bertugas di Disdukcapil/);
    const shown = await pageCounts();
    assert.deepEqual({ agents: shown.agents, changes: shown.changes, integrated: shown.integrated }, await inputs());
    // a person no longer active is not counted as an agent (their changes stay a fact of the year)
    await t.database.query('update org_people set is_active = false where id = $1', [people['Siti Aminah']]);
    assert.deepEqual(await inputs(), { agents: 2, changes: 3, integrated: 1 });
    await t.database.query('update org_people set is_active = true where id = $1', [people['Siti Aminah']]);
    await t.database.query('update org_people set unit_id = $1 where id = $2', [units.DPMPTSPKUKM, people['Putri Ayu Lestari']]);
  });

  test('scoping and rights: another unit 404, an employee cannot designate (403), CSRF', async () => {
    const other = await loggedIn(t.app, 'pegawai.dukcapil');
    const employee = await loggedIn(t.app, 'pegawai');
    const before = await snapshot();
    assert.equal((await other.get(`/agen-perubahan?unit=${units.DPMPTSPKUKM}&year=${YEAR}`)).status, 404);
    assert.equal((await employee.get(`/agen-perubahan?year=${YEAR}`)).status, 200);
    assert.equal((await employee.post('/agen-perubahan', { ...base(), personId: people['Maya Sari'] })).status, 403);
    assert.equal((await ketua.post('/agen-perubahan', { ...base(), personId: people['Maya Sari'] }, { csrf: false })).status, 403);
    assert.equal((await ketua.post('/agen-perubahan', { ...base('DISDUKCAPIL'), personId: people['Andi Setiawan'] })).status, 404);
    assert.deepEqual(await snapshot(), before);
  });

  test('demo data: 2025 gives the worked example\'s inputs (10 agents, 12 changes, 6 integrated) and runs once', async () => {
    assert.equal(await seedWorkplanTeamDemo(t.database.db, t.deps.files), true);
    assert.deepEqual(await changeAgentInputs(t.database.db, units.DPMPTSPKUKM, 2025), { agents: 10, changes: 12, integrated: 6 });
    assert.equal(await seedWorkplanTeamDemo(t.database.db, t.deps.files), false);
    const [m] = await t.database.query<{ n: number }>("select count(*)::int as n from workplan_team_members m join workplan_teams t on t.id = m.team_id where t.year = 2025");
    assert.equal(Number(m.n), 12);
  });
});
