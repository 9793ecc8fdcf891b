// Tim Kerja ZI: the team of a unit and year (decree, selection), member rules (exactly one ketua,
// one sekretaris, one coordinator per area, area required), members only from the unit, decree
// files through the evidence module, scoping, CSRF, audit, and the LKE facts (teamFacts).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { teamFacts } from '../src/modules/workplan/index.ts';
import { Client, countRows, createTestApp, loggedIn, type TestApp } from './helpers.ts';

let t: TestApp;
const units: Record<string, string> = {};
const people: Record<string, string> = {};
let ketua: Client;
const YEAR = '2027';

before(async () => {
  t = await createTestApp({ seed: 'org' });
  for (const r of await t.database.query<{ id: string; code: string }>('select id, code from org_units')) units[r.code] = r.id;
  for (const r of await t.database.query<{ id: string; name: string }>('select id, name from org_people')) people[r.name.split(',')[0]] = r.id;
  ketua = await loggedIn(t.app, 'ketua.zi');
});
after(async () => { await t.close(); });

const base = () => ({ unitId: units.DPMPTSPKUKM, year: YEAR });
const teamForm = (over: Record<string, string> = {}) => ({
  ...base(), decreeNumber: '800/045/DPMPTSP-KUKM/2027', decreeDate: '2027-01-13', selection: 'clear_all', selectionNote: 'Seleksi terbuka', ...over,
});
const addMember = (c: Client, name: string, role: string, area = '') => c.post('/tim-zi/members', { ...base(), personId: people[name], role, area });

async function snapshot() {
  return {
    teams: await countRows(t.database, 'workplan_teams'),
    members: await countRows(t.database, 'workplan_team_members'),
    files: await countRows(t.database, 'evidence_files'),
    links: await countRows(t.database, 'evidence_links'),
    audit: await countRows(t.database, 'kernel_audit_log'),
  };
}

const enc = new TextEncoder();
const pdf = (text: string) => enc.encode(`%PDF-1.7\n% ${text}\n1 0 obj << >> endobj\n%%EOF\n`);
function uploadForm(bytes: Uint8Array, name: string) {
  const fd = new FormData();
  fd.set('file', new File([bytes as BlobPart], name, { type: 'application/pdf' }));
  fd.set('unitId', units.DPMPTSPKUKM);
  fd.set('year', YEAR);
  return fd;
}

describe('Tim Kerja ZI', () => {
  test('the page shows that there is no team yet; the ketua ZI forms it, audited', async () => {
    const page = await ketua.get(`/tim-zi?year=${YEAR}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Belum ada Tim Kerja ZI untuk tahun 2027/);
    const before = await snapshot();
    const bad = await ketua.post('/tim-zi', teamForm({ selection: 'whatever', decreeDate: '2027-02-30' }));
    assert.equal(bad.status, 400);
    const html = await bad.text();
    assert.match(html, /Pilih cara pemilihan anggota tim/);
    assert.match(html, /Tanggal tidak valid/);
    assert.deepEqual(await snapshot(), before);
    const res = await ketua.post('/tim-zi', teamForm());
    assert.equal(res.status, 303);
    const after = await snapshot();
    assert.equal(after.teams, before.teams + 1);
    assert.equal(after.audit, before.audit + 1);
    const again = await ketua.post('/tim-zi', teamForm({ selection: 'partial' }));
    assert.equal(again.status, 303);
    assert.equal(await countRows(t.database, 'workplan_teams'), after.teams);
    const [row] = await t.database.query<{ selection: string }>('select selection from workplan_teams where year = 2027');
    assert.equal(row.selection, 'partial');
  });

  test('exactly one ketua, at most one sekretaris, one coordinator per area, area required', async () => {
    assert.equal((await addMember(ketua, 'Hendra Saputra', 'ketua')).status, 303);
    let before = await snapshot();
    const second = await addMember(ketua, 'Rina Marlina', 'ketua');
    assert.equal(second.status, 409);
    assert.match(await second.text(), /sudah mempunyai ketua/);
    assert.deepEqual(await snapshot(), before);

    assert.equal((await addMember(ketua, 'Fajar Nugroho', 'sekretaris')).status, 303);
    before = await snapshot();
    const sek = await addMember(ketua, 'Nurhayati', 'sekretaris');
    assert.equal(sek.status, 409);
    assert.deepEqual(await snapshot(), before);

    const noArea = await addMember(ketua, 'Rina Marlina', 'coordinator');
    assert.equal(noArea.status, 400);
    assert.match(await noArea.text(), /Koordinator harus mempunyai area 1–6/);
    const badArea = await addMember(ketua, 'Rina Marlina', 'coordinator', '7');
    assert.equal(badArea.status, 400);
    assert.deepEqual(await snapshot(), before);

    assert.equal((await addMember(ketua, 'Rina Marlina', 'coordinator', '6')).status, 303);
    before = await snapshot();
    const taken = await addMember(ketua, 'Yusuf Hidayat', 'coordinator', '6');
    assert.equal(taken.status, 409);
    assert.match(await taken.text(), /Area 6 sudah mempunyai koordinator/);
    assert.deepEqual(await snapshot(), before);
    assert.equal((await addMember(ketua, 'Yusuf Hidayat', 'coordinator', '1')).status, 303);
    assert.equal((await addMember(ketua, 'Siti Aminah', 'member')).status, 303);

    const page = await (await ketua.get(`/tim-zi?year=${YEAR}`)).text();
    assert.match(page, /Ketua tim: Hendra Saputra/);
    assert.match(page, /Area tanpa koordinator: 2, 3, 4, 5/);
    const facts = await teamFacts(t.database.db, units.DPMPTSPKUKM, 2027);
    assert.deepEqual(facts, { formed: true, selection: 'partial', decreeFileIds: [], members: 5, areasCovered: [1, 6] });
  });

  test('a person from another unit is refused with a clear message and nothing changes', async () => {
    const before = await snapshot();
    const res = await addMember(ketua, 'Andi Setiawan', 'member');
    assert.equal(res.status, 400);
    assert.match(await res.text(), /bukan pegawai unit kerja ini/);
    assert.deepEqual(await snapshot(), before);
  });

  test('removing a member, audited; a member id of nobody is 404', async () => {
    const [m] = await t.database.query<{ id: string }>("select m.id from workplan_team_members m join org_people p on p.id = m.person_id where p.name like 'Siti Aminah%'");
    const before = await snapshot();
    const res = await ketua.post(`/tim-zi/members/${m.id}/delete`, base());
    assert.equal(res.status, 303);
    const after = await snapshot();
    assert.equal(after.members, before.members - 1);
    assert.equal(after.audit, before.audit + 1);
    assert.equal((await ketua.post(`/tim-zi/members/${m.id}/delete`, base())).status, 404);
  });

  test('decree upload: disguised or oversized files are refused and nothing changes; a PDF is attached', async () => {
    const before = await snapshot();
    const html = await ketua.postMultipart('/tim-zi/decree', uploadForm(enc.encode('<html><script>alert(1)</script></html>'), 'sk.pdf'));
    assert.equal(html.status, 400);
    const exe = await ketua.postMultipart('/tim-zi/decree', uploadForm(Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), 'sk.pdf'));
    assert.equal(exe.status, 400);
    const big = new Uint8Array(10 * 1024 * 1024 + 10);
    big.set(pdf('besar'));
    const oversized = await ketua.postMultipart('/tim-zi/decree', uploadForm(big, 'sk-besar.pdf'));
    assert.equal(oversized.status, 400);
    assert.deepEqual(await snapshot(), before);
    const ok = await ketua.postMultipart('/tim-zi/decree', uploadForm(pdf('SK Tim Kerja ZI 2027'), 'SK Tim 2027.pdf'));
    assert.equal(ok.status, 303);
    const facts = await teamFacts(t.database.db, units.DPMPTSPKUKM, 2027);
    assert.equal(facts.decreeFileIds.length, 1);
    assert.match(await (await ketua.get(`/tim-zi?year=${YEAR}`)).text(), /Berkas SK sudah diunggah/);
  });

  test('scoping: another unit\'s employee gets 404, an employee cannot edit (403), the TPI evaluator may view', async () => {
    const other = await loggedIn(t.app, 'pegawai.dukcapil');
    const employee = await loggedIn(t.app, 'pegawai');
    const tpi = await loggedIn(t.app, 'tpi');
    const before = await snapshot();
    assert.equal((await other.get(`/tim-zi?unit=${units.DPMPTSPKUKM}&year=${YEAR}`)).status, 404);
    assert.equal((await employee.get(`/tim-zi?year=${YEAR}`)).status, 200);
    assert.equal((await employee.post('/tim-zi', teamForm({ decreeNumber: 'X' }))).status, 403);
    assert.equal((await addMember(employee, 'Maya Sari', 'member')).status, 403);
    assert.deepEqual(await snapshot(), before);
    const page = await tpi.get(`/tim-zi?unit=${units.DPMPTSPKUKM}&year=${YEAR}`);
    assert.equal(page.status, 200);
    assert.doesNotMatch(await page.text(), /action="\/tim-zi\/members"/);
    // the ketua of one unit cannot change another unit's team
    assert.equal((await ketua.post('/tim-zi', { ...teamForm(), unitId: units.DISDUKCAPIL })).status, 404);
    assert.deepEqual(await snapshot(), before);
  });

  test('a POST without the CSRF token is refused and changes nothing', async () => {
    const before = await snapshot();
    const res = await ketua.post('/tim-zi/members', { ...base(), personId: people['Maya Sari'], role: 'member' }, { csrf: false });
    assert.equal(res.status, 403);
    assert.deepEqual(await snapshot(), before);
  });
});
