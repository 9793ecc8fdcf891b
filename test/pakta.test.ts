// Pakta Integritas through the web: signing with explicit confirmation (once a year, audited),
// the login prompt, coverage under additions, removals and transfers, scoping, and the PDF.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pactCoverage, paktaYearIn, seedWorkplanPaktaDemo } from '../src/modules/workplan/index.ts';
import { Client, countRows, createTestApp, loggedIn, type TestApp } from './helpers.ts';

let t: TestApp;
const year = () => paktaYearIn('Asia/Jakarta');

async function unitId(code: string): Promise<string> {
  const [r] = await t.database.query<{ id: string }>(`select id from org_units where code = $1`, [code]);
  return r!.id;
}
async function personOf(username: string) {
  const [r] = await t.database.query<{ id: string; name: string; unit_id: string }>(
    `select p.id, p.name, p.unit_id from org_people p join kernel_accounts a on a.id = p.account_id where a.username = $1`, [username]);
  return r!;
}
async function coverageText(c: Client, query = ''): Promise<string> {
  const res = await c.get(`/pakta/coverage${query}`);
  assert.equal(res.status, 200);
  return res.text();
}

describe('Pakta Integritas', () => {
  before(async () => { t = await createTestApp({ seed: 'org' }); });
  after(async () => { await t.close(); });

  test('the sign page shows identity, text and an explicit checkbox', async () => {
    const c = await loggedIn(t.app, 'pegawai');
    const html = await (await c.get('/pakta')).text();
    const p = await personOf('pegawai');
    assert.match(html, new RegExp(p.name));
    assert.match(html, /name="confirm"/);
    assert.match(html, /Saya telah membaca dan menyetujui/);
    assert.match(html, /gratifikasi/);
  });

  test('signing without the checkbox is refused and changes nothing', async () => {
    const c = await loggedIn(t.app, 'pegawai');
    await c.get('/pakta');
    const [pacts, audit] = [await countRows(t.database, 'workplan_pacts'), await countRows(t.database, 'kernel_audit_log')];
    const res = await c.post('/pakta/sign', {});
    assert.equal(res.status, 400);
    assert.match(await res.text(), /Centang pernyataan/);
    assert.equal(await countRows(t.database, 'workplan_pacts'), pacts);
    assert.equal(await countRows(t.database, 'kernel_audit_log'), audit);
  });

  test('signing without a CSRF token is refused', async () => {
    const c = await loggedIn(t.app, 'pegawai');
    const before = await countRows(t.database, 'workplan_pacts');
    const res = await c.post('/pakta/sign', { confirm: '1' }, { csrf: 'forged' });
    assert.equal(res.status, 403);
    assert.equal(await countRows(t.database, 'workplan_pacts'), before);
  });

  test('login prompt: every login lands on /pakta until the person signs; the home page stays reachable', async () => {
    const login = async (username: string, next?: string) => {
      const c = new Client(t.app);
      await c.get('/login');
      const res = await c.post('/login', { username, password: 'DemoZI-2026!', ...(next ? { next } : {}) });
      assert.equal(res.status, 303);
      return { c, location: res.headers.get('location') };
    };
    const first = await login('pegawai');
    assert.equal(first.location, '/pakta?first=1');
    const prompt = await (await first.c.get('/pakta?first=1')).text();
    assert.match(prompt, /belum menandatangani Pakta Integritas tahun ini/);
    assert.equal((await first.c.get('/')).status, 200, 'the home page stays reachable');
    assert.equal((await login('pegawai')).location, '/pakta?first=1', 'again at the next login');
    const withNext = await (async () => {
      const c = new Client(t.app);
      const page = await c.get('/login?next=%2Fpeople');
      const next = /name="next" value="([^"]*)"/.exec(await page.text())?.[1];
      const res = await c.post('/login', { username: 'pegawai', password: 'DemoZI-2026!', ...(next ? { next } : { next: '/people' }) });
      return res.headers.get('location');
    })();
    assert.equal(withNext, '/people', 'an explicit next is respected');
    assert.equal((await login('bupati')).location, '/', 'an account without a person is not prompted');
  });

  test('new staff: the first password change also lands on /pakta', async () => {
    const admin = await loggedIn(t.app, 'admin');
    const [p] = await t.database.query<{ id: string }>(`select p.id from org_people p join org_units u on u.id = p.unit_id where u.code = 'DPMPTSPKUKM' and p.account_id is null order by p.nip limit 1`);
    await admin.get(`/people/${p!.id}`);
    const res = await admin.post(`/admin/people/${p!.id}/account`, { username: 'staf.baru', email: '' });
    const temp = (await res.text()).match(/class="temp-password">([^<]+)</)?.[1];
    assert.ok(temp);
    const c = new Client(t.app);
    await c.get('/login');
    assert.equal((await c.post('/login', { username: 'staf.baru', password: temp! })).headers.get('location'), '/');
    await c.get('/account/password');
    const changed = await c.post('/account/password', { current: temp!, next: 'Perizinan-Bangka-2026', confirm: 'Perizinan-Bangka-2026' });
    assert.equal(changed.status, 303);
    assert.equal(changed.headers.get('location'), '/pakta?first=1');
  });

  test('signing writes one row with version, hash and snapshot, and an audit entry; twice is refused', async () => {
    const c = await loggedIn(t.app, 'pegawai');
    await c.get('/pakta');
    const audit = await countRows(t.database, 'kernel_audit_log');
    const res = await c.post('/pakta/sign', { confirm: '1' });
    assert.equal(res.status, 303);
    const p = await personOf('pegawai');
    const rows = await t.database.query<{ id: string; year: number; text_version: string; text_hash: string; snapshot: { name: string; nip: string }; unit_id: string }>(
      `select * from workplan_pacts where person_id = $1`, [p.id]);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.year, year());
    assert.equal(rows[0]!.unit_id, p.unit_id);
    assert.match(rows[0]!.text_hash, /^[0-9a-f]{64}$/);
    assert.equal(rows[0]!.snapshot.name, p.name);
    assert.equal(await countRows(t.database, 'kernel_audit_log'), audit + 1);
    const [a] = await t.database.query<{ action: string }>(`select action from kernel_audit_log order by seq desc limit 1`);
    assert.equal(a!.action, 'pakta.signed');
    const html = await (await c.get('/pakta')).text();
    assert.match(html, /Anda telah menandatangani pada/);
    assert.match(html, new RegExp(`/pakta/${rows[0]!.id}\\.pdf`));
    // twice
    await c.get('/pakta');
    const again = await c.post('/pakta/sign', { confirm: '1' });
    assert.equal(again.status, 409);
    assert.match(await again.text(), /sudah menandatangani/);
    assert.equal((await t.database.query(`select 1 from workplan_pacts where person_id = $1`, [p.id])).length, 1);
    // no prompt once signed
    const c2 = new Client(t.app);
    await c2.get('/login');
    const res2 = await c2.post('/login', { username: 'pegawai', password: 'DemoZI-2026!' });
    assert.equal(res2.headers.get('location'), '/');
  });

  test('an account without a person gets a clear message', async () => {
    const c = await loggedIn(t.app, 'bupati');
    assert.match(await (await c.get('/pakta')).text(), /tidak terhubung dengan data pegawai/);
    await c.get('/pakta');
    const before = await countRows(t.database, 'workplan_pacts');
    const res = await c.post('/pakta/sign', { confirm: '1' });
    assert.equal(res.status, 400);
    assert.equal(await countRows(t.database, 'workplan_pacts'), before);
  });

  test('coverage: signed / total and who has not signed', async () => {
    const unit = await unitId('DPMPTSPKUKM');
    const cov = await pactCoverage(t.database.db, unit, year());
    assert.equal(cov.signed, 1);
    const [n] = await t.database.query<{ n: number }>(`select count(*)::int as n from org_people where unit_id = $1 and is_active`, [unit]);
    assert.equal(cov.total, n!.n);
    const c = await loggedIn(t.app, 'kadis');
    const html = await coverageText(c);
    assert.match(html, new RegExp(`1 / ${n!.n}`));
    assert.match(html, new RegExp((await personOf('ketua.zi')).name));
  });

  test('coverage under addition, removal and transfer', async () => {
    const a = await unitId('DPMPTSPKUKM');
    const b = await unitId('DISDUKCAPIL');
    const y = year();
    const before = await pactCoverage(t.database.db, a, y);
    // addition: a new active person raises the total and is missing
    await t.database.query(`insert into org_people (unit_id, name, nip, birth_date, gender, position, position_class)
      values ($1, 'Pegawai Baru Uji', '199901012024011001', '1999-01-01', 'L', 'Analis Perizinan', 'pelaksana')`, [a]);
    const added = await pactCoverage(t.database.db, a, y);
    assert.equal(added.total, before.total + 1);
    assert.equal(added.signed, before.signed);
    assert.ok(added.missing.some((m) => m.name === 'Pegawai Baru Uji'));
    // removal: made inactive, drops out of the total
    await t.database.query(`update org_people set is_active = false where nip = '199901012024011001'`);
    const removed = await pactCoverage(t.database.db, a, y);
    assert.equal(removed.total, before.total);
    assert.ok(!removed.missing.some((m) => m.name === 'Pegawai Baru Uji'));
    // transfer: the signer moves to B; counts as signed in B, drops out of A
    const p = await personOf('pegawai');
    const bBefore = await pactCoverage(t.database.db, b, y);
    await t.database.query(`update org_people set unit_id = $1 where id = $2`, [b, p.id]);
    const aAfter = await pactCoverage(t.database.db, a, y);
    const bAfter = await pactCoverage(t.database.db, b, y);
    assert.equal(aAfter.total, before.total - 1);
    assert.equal(aAfter.signed, before.signed - 1);
    assert.equal(bAfter.total, bBefore.total + 1);
    assert.equal(bAfter.signed, bBefore.signed + 1);
    // the signature keeps the unit at signing time
    const [row] = await t.database.query<{ unit_id: string }>(`select unit_id from workplan_pacts where person_id = $1`, [p.id]);
    assert.equal(row!.unit_id, a);
    await t.database.query(`update org_people set unit_id = $1 where id = $2`, [a, p.id]);
  });

  test('scoping: other units get 404, employees 403', async () => {
    const other = await unitId('DISDUKCAPIL');
    const kadis = await loggedIn(t.app, 'kadis');
    assert.equal((await kadis.get(`/pakta/coverage?unit=${other}`)).status, 404);
    const emp = await loggedIn(t.app, 'pegawai.dukcapil');
    assert.equal((await emp.get('/pakta/coverage')).status, 403);
    // someone else's pact PDF is not found for an employee of another unit
    const p = await personOf('pegawai');
    const [row] = await t.database.query<{ id: string }>(`select id from workplan_pacts where person_id = $1`, [p.id]);
    assert.equal((await emp.get(`/pakta/${row!.id}.pdf`)).status, 404);
    const anon = new Client(t.app);
    assert.equal((await anon.get('/pakta/coverage')).status, 303);
  });

  test('the signed pact prints as a PDF for the signer and the unit head', async () => {
    const p = await personOf('pegawai');
    const [row] = await t.database.query<{ id: string }>(`select id from workplan_pacts where person_id = $1`, [p.id]);
    const kadis = await loggedIn(t.app, 'kadis');
    assert.equal((await kadis.get(`/pakta/${row!.id}.pdf`)).status, 200);
    const c = await loggedIn(t.app, 'pegawai');
    const res = await c.get(`/pakta/${row!.id}.pdf`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.equal(bytes.subarray(0, 4).toString(), '%PDF');
    let text: string | null = null;
    const dir = mkdtempSync(path.join(tmpdir(), 'pakta-'));
    try {
      const f = path.join(dir, 'p.pdf');
      writeFileSync(f, bytes);
      text = execFileSync('pdftotext', [f, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      const pages = execFileSync('pdfinfo', [f], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1];
      assert.equal(pages, '1', 'one page');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    } finally { rmSync(dir, { recursive: true, force: true }); }
    if (text !== null) {
      assert.match(text, /PAKTA INTEGRITAS/);
      assert.match(text.replace(/\s+/g, ' '), new RegExp(p.name));
      assert.match(text, /Ditandatangani secara elektronik/);
    }
  });

  test('the demo seed signs most DPMPTSP-KUKM staff, once', async () => {
    assert.equal(await seedWorkplanPaktaDemo(t.database.db, null), false, 'signatures exist: the seed does nothing');
  });
});

describe('Pakta demo seed', () => {
  let d: TestApp;
  before(async () => { d = await createTestApp({ seed: 'org' }); });
  after(async () => { await d.close(); });

  test('declaration, links and signatures for 2025 and 2026; idempotent', async () => {
    assert.equal(await seedWorkplanPaktaDemo(d.database.db, null, new Date('2026-11-01T00:00:00Z')), true);
    assert.equal(await seedWorkplanPaktaDemo(d.database.db, null), false);
    const [u] = await d.database.query<{ id: string }>(`select id from org_units where code = 'DPMPTSPKUKM'`);
    const c25 = await pactCoverage(d.database.db, u!.id, 2025);
    const c26 = await pactCoverage(d.database.db, u!.id, 2026);
    assert.equal(c25.missing.length, 1);
    assert.ok(c26.missing.length >= 3 && c26.missing.length < c26.total / 2);
    assert.equal(await countRows(d.database, 'workplan_declarations'), 1);
    const [l] = await d.database.query<{ n: number }>(`select count(*)::int as n from evidence_links where subject_type = 'workplan_declaration'`);
    assert.equal(l!.n, 2);
  });
});
