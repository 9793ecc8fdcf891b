// Whistleblowing (decision 0010): an anonymous report with an attachment, the handler's reply, the
// reporter's answer with the receipt; then a dump of every table and every stored file holds none of
// the report's text, identity or attachment bytes. Authorization (other unit, employee, regency
// viewer, administrator, excluded handler), wrong receipts (rate-limited), bad attachments and forged
// ids refused with nothing changed, two-person disclosure, password change / reset and recovery,
// retention. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { hashPassword } from '../src/kernel/auth.ts';
import { verifyAudit } from '../src/kernel/audit.ts';
import { purgeExpiredWbsReports } from '../src/modules/wbs/index.ts';
import { wbsAnswers } from '../src/modules/wbs/wbs.suggest.ts';
import { regencyToday } from '../src/kernel/workdays.ts';
import { Client, countRows, createTestApp, DEMO_PASSWORD, loggedIn, type TestApp } from './helpers.ts';

let t: TestApp;
const units: Record<string, string> = {};
const accounts: Record<string, string> = {};

const WHAT = 'Kepala seksi Zulkarnaen-Q7 meminta setoran Rp7.777.000 untuk tanda tangan izin';
const WHO = 'Zulkarnaen-Q7 (kepala seksi perizinan)';
const WHERE = 'Ruang rapat lantai tiga Gedung-Q7';
const NAME = 'Pelapor Rahasia Q7-Sitorus';
const CONTACT = '0812-9977-5531';
const HANDLER_REPLY = 'Balasan-pengelola-Q7: mohon kirim bukti transfer';
const REPORTER_ANSWER = 'Jawaban-pelapor-Q7: bukti terlampir';
const ATTACHMENT = new TextEncoder().encode('%PDF-1.7\n% BUKTI-TRANSFER-Q7-UNIK-3141592653\n1 0 obj << >> endobj\n%%EOF\n');
const PLAINTEXTS = [WHAT, WHO, WHERE, NAME, CONTACT, HANDLER_REPLY, REPORTER_ANSWER, 'BUKTI-TRANSFER-Q7-UNIK-3141592653', 'Zulkarnaen-Q7', 'Q7-Sitorus', '9977-5531'];

let receipt = '';
let reportId = '';
let handler: Client;

function reportForm(fields: Record<string, string>, files: { bytes: Uint8Array; name: string }[] = []) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  for (const f of files) fd.append('files', new File([f.bytes as BlobPart], f.name, { type: 'application/pdf' }));
  return fd;
}

async function submit(c: Client, fields: Record<string, string>, files: { bytes: Uint8Array; name: string }[] = []) {
  await c.get('/wbs/lapor');
  return c.postMultipart('/wbs/lapor', reportForm(fields, files));
}

function storedFiles(): string[] {
  const dir = t.config.filesDir;
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
}

async function snapshot() {
  return {
    reports: await countRows(t.database, 'wbs_reports'),
    messages: await countRows(t.database, 'wbs_messages'),
    attachments: await countRows(t.database, 'wbs_attachments'),
    keys: await countRows(t.database, 'wbs_report_keys'),
    files: storedFiles().length,
  };
}

/** Every row of every table, as JSON text. */
async function dumpDatabase(): Promise<string> {
  const tables = await t.database.query<{ s: string; n: string }>(
    "select table_schema as s, table_name as n from information_schema.tables where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')");
  const parts: string[] = [];
  for (const { s, n } of tables) {
    const rows = await t.database.query<{ j: string }>(`select row_to_json(x)::text as j from "${s}"."${n}" x`);
    parts.push(...rows.map((r) => r.j));
  }
  return parts.join('\n');
}

const receiptOf = (html: string) => /data-receipt[^>]*>([\d ]+)</.exec(html)?.[1]?.replace(/ /g, '') ?? '';

before(async () => {
  t = await createTestApp({ seed: 'org' });
  for (const r of await t.database.query<{ id: string; code: string }>('select id, code from org_units')) units[r.code] = r.id;
  for (const r of await t.database.query<{ id: string; username: string }>('select id, username from kernel_accounts')) accounts[r.username] = r.id;
  // a second handler in the same unit (for the two-person rule), and a handler of another unit
  await t.database.query("insert into org_role_assignments (account_id, role, unit_id) values ($1, 'wbs_handler', $2), ($3, 'wbs_handler', $4)",
    [accounts.upg, units.DPMPTSPKUKM, accounts['pegawai.dukcapil'], units.DISDUKCAPIL]);
  // handlers signing in get their key pair (created and unlocked by the login listener)
  handler = await loggedIn(t.app, 'wbs');
  await loggedIn(t.app, 'pegawai.dukcapil');
});
after(async () => { await t.close(); });

describe('the anonymous journey', () => {
  test('the regency administrator creates the recovery key, shown once', async () => {
    const admin = await loggedIn(t.app, 'admin');
    await admin.get('/wbs/admin');
    const res = await admin.post('/wbs/admin/kunci-pemulihan');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /INTEGRITAS-WBS-RECOVERY-KEY-V1/);
    const again = await admin.post('/wbs/admin/kunci-pemulihan');
    assert.equal(again.status, 409, 'a second key is refused');
    const text = /data-recovery-key[^>]*>([^<]+)</.exec(html)![1];
    const dump = await dumpDatabase();
    assert.ok(!dump.includes(text.split('\n')[1]), 'the private key is not stored');
    (globalThis as Record<string, unknown>).recoveryText = text;
  });

  test('a report with an attachment and an identity gets a receipt shown once', async () => {
    const anon = new Client(t.app);
    const res = await submit(anon, { what: WHAT, who: WHO, when: 'Maret 2026', where: WHERE, unit: units.DPMPTSPKUKM, name: NAME, contact: CONTACT }, [{ bytes: ATTACHMENT, name: 'bukti.pdf' }]);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/wbs/tanda-terima');
    const page = await (await anon.get('/wbs/tanda-terima')).text();
    receipt = receiptOf(page);
    assert.match(receipt, /^\d{16}$/);
    const second = await (await anon.get('/wbs/tanda-terima')).text();
    assert.equal(receiptOf(second), '', 'shown only once');
    const [r] = await t.database.query<{ id: string; lookup: string | null; receipt_hash: string; receipt_mac: string }>('select id, lookup, receipt_hash, receipt_mac from wbs_reports');
    reportId = r.id;
    assert.equal(r.lookup, null, 'no part of the receipt is stored in the clear');
    assert.match(r.receipt_mac, /^[0-9a-f]{64}$/, 'found by a keyed hash of the whole receipt');
    for (const part of [receipt.slice(0, 6), receipt.slice(6)]) assert.ok(!r.receipt_hash.includes(part) && !r.receipt_mac.includes(part));
  });

  test('the designated handler reads it and replies; the reporter reads the reply and answers', async () => {
    const list = await (await handler.get('/wbs/kelola')).text();
    assert.ok(list.includes(`/wbs/kelola/${reportId}`));
    const detail = await handler.get(`/wbs/kelola/${reportId}`);
    assert.equal(detail.status, 200);
    const html = await detail.text();
    assert.ok(html.includes('Kepala seksi Zulkarnaen-Q7'));
    assert.ok(!html.includes(NAME), 'the identity stays sealed');
    const att = /href="(\/wbs\/kelola\/[^"]+\/lampiran\/[^"]+)"/.exec(html)![1];
    const dl = await handler.get(att);
    assert.equal(dl.status, 200);
    assert.deepEqual(new Uint8Array(await dl.arrayBuffer()), ATTACHMENT);
    const reply = await handler.postMultipart(`/wbs/kelola/${reportId}/balas`, reportForm({ body: HANDLER_REPLY }));
    assert.equal(reply.status, 303);

    const anon = new Client(t.app);
    await anon.get('/wbs/cek');
    const status = await anon.post('/wbs/cek', { receipt: receipt.replace(/(\d{4})/g, '$1 ') });
    assert.equal(status.status, 200);
    const sh = await status.text();
    assert.ok(sh.includes(HANDLER_REPLY));
    const ans = await anon.postMultipart('/wbs/cek/balas', reportForm({ receipt, body: REPORTER_ANSWER }));
    assert.equal(ans.status, 200);
    assert.ok((await ans.text()).includes(REPORTER_ANSWER));
    assert.ok((await (await handler.get(`/wbs/kelola/${reportId}`)).text()).includes(REPORTER_ANSWER));
  });

  test('a dump of the database and the file store holds none of the report, identity or attachment', async () => {
    const dump = await dumpDatabase();
    for (const p of PLAINTEXTS) assert.ok(!dump.includes(p), `database dump contains "${p}"`);
    assert.ok(!dump.includes(receipt), 'the receipt is not stored');
    const files = storedFiles();
    assert.ok(files.length >= 1, 'the attachment is stored (encrypted)');
    const needle = Buffer.from(ATTACHMENT);
    for (const f of files) {
      const bytes = readFileSync(f);
      assert.equal(bytes.indexOf(needle.subarray(10, 40)), -1, `${f} holds attachment bytes`);
      for (const p of PLAINTEXTS) assert.equal(bytes.indexOf(Buffer.from(p)), -1, `${f} holds "${p}"`);
    }
    // no address or user agent is stored for the reporter; the audit log says only that it happened
    const audit = await t.database.query<{ action: string; data: unknown }>("select action, data from kernel_audit_log where action like 'wbs.%'");
    assert.ok(audit.some((a) => a.action === 'wbs.report_submitted'));
    for (const a of audit) assert.ok(!JSON.stringify(a.data).includes('local'), 'no client address in the audit');
    const throttle = await t.database.query<{ key: string }>("select key from kernel_throttle where kind like 'wbs.%'");
    assert.ok(throttle.length >= 1, 'the submission was counted');
    for (const r of throttle) assert.ok(!r.key.includes('local'));
    assert.equal((await verifyAudit(t.database.db)).ok, true);
  });
});

describe('authorization', () => {
  test('handlers of another unit, employees, the regency viewer and the administrator cannot read WBS content', async () => {
    const other = await loggedIn(t.app, 'pegawai.dukcapil');
    assert.equal((await other.get(`/wbs/kelola/${reportId}`)).status, 404);
    assert.ok(!(await (await other.get('/wbs/kelola')).text()).includes(reportId));
    for (const u of ['pegawai', 'bupati', 'admin', 'ketua.zi', 'tpi']) {
      const c = await loggedIn(t.app, u);
      const res = await c.get(`/wbs/kelola/${reportId}`);
      assert.equal(res.status, 403, `${u} gets 403`);
      assert.ok(!(await res.text()).includes('Zulkarnaen'));
    }
    // statistics carry no content
    const viewer = await loggedIn(t.app, 'bupati');
    const stats = await viewer.get('/wbs/statistik');
    assert.equal(stats.status, 200);
    assert.ok(!(await stats.text()).includes('Zulkarnaen'));
  });

  test('a handler without the key yet gets it when the reporter next opens the report', async () => {
    const upg = await loggedIn(t.app, 'upg');
    assert.equal((await upg.get(`/wbs/kelola/${reportId}`)).status, 403);
    const anon = new Client(t.app);
    await anon.get('/wbs/cek');
    assert.equal((await anon.post('/wbs/cek', { receipt })).status, 200);
    const res = await upg.get(`/wbs/kelola/${reportId}`);
    assert.equal(res.status, 200);
  });

  test('identity disclosure needs a second person, and both steps are audited without content', async () => {
    const upg = await loggedIn(t.app, 'upg');
    await handler.get(`/wbs/kelola/${reportId}`);
    assert.equal((await handler.post(`/wbs/kelola/${reportId}/ungkap`, { reason: '' })).status, 400);
    assert.equal((await handler.post(`/wbs/kelola/${reportId}/ungkap`, { reason: 'Perlindungan saksi LPSK-Q7' })).status, 303);
    const [d] = await t.database.query<{ id: string }>('select id from wbs_disclosures');
    assert.equal((await handler.post(`/wbs/kelola/${reportId}/ungkap/${d.id}/setujui`)).status, 409, 'not by the requester');
    assert.ok(!(await (await handler.get(`/wbs/kelola/${reportId}`)).text()).includes(NAME));
    await upg.get(`/wbs/kelola/${reportId}`);
    assert.equal((await upg.post(`/wbs/kelola/${reportId}/ungkap/${d.id}/setujui`)).status, 303);
    assert.ok((await (await handler.get(`/wbs/kelola/${reportId}`)).text()).includes(NAME), 'shown to the requester after approval');
    assert.ok(!(await (await upg.get(`/wbs/kelola/${reportId}`)).text()).includes(NAME), 'not to the approver');
    const audit = await t.database.query<{ action: string; data: unknown }>("select action, data::text as data from kernel_audit_log where action in ('wbs.disclosure_requested', 'wbs.disclosure_approved', 'wbs.identity_viewed')");
    assert.deepEqual(new Set(audit.map((a) => a.action)), new Set(['wbs.disclosure_requested', 'wbs.disclosure_approved', 'wbs.identity_viewed']));
    for (const a of audit) assert.ok(!String(a.data).includes('LPSK-Q7') && !String(a.data).includes('Sitorus'));
    const dump = await dumpDatabase();
    assert.ok(!dump.includes('LPSK-Q7'), 'the reason is encrypted');
  });

  test('an excluded handler loses the key and the report', async () => {
    const upg = await loggedIn(t.app, 'upg');
    await handler.get(`/wbs/kelola/${reportId}`);
    assert.equal((await handler.post(`/wbs/kelola/${reportId}/kecualikan`, { account: accounts.upg })).status, 303);
    assert.equal((await upg.get(`/wbs/kelola/${reportId}`)).status, 404);
    assert.ok(!(await (await upg.get('/wbs/kelola')).text()).includes(reportId));
    const [k] = await t.database.query<{ n: number }>('select count(*)::int as n from wbs_report_keys where account_id = $1', [accounts.upg]);
    assert.equal(Number(k.n), 0);
    // the administrator can exclude too (no content on that page); a forged report is not found
    const admin = await loggedIn(t.app, 'admin');
    const adminPage = await (await admin.get('/wbs/admin')).text();
    assert.ok(adminPage.includes(`/wbs/admin/kecualikan/${reportId}`));
    assert.ok(!adminPage.includes('Zulkarnaen'));
    assert.equal((await admin.post('/wbs/admin/kecualikan/11111111-2222-3333-4444-555555555555', { account: accounts.upg })).status, 404);
    assert.equal((await admin.post(`/wbs/admin/kecualikan/${reportId}`, { account: accounts.pegawai })).status, 400, 'not a handler of the report');
    // the reporter opening the report again does not give it back
    const anon = new Client(t.app);
    await anon.get('/wbs/cek');
    await anon.post('/wbs/cek', { receipt });
    assert.equal((await upg.get(`/wbs/kelola/${reportId}`)).status, 404);
  });
});

describe('bad input changes nothing', () => {
  test('disguised and oversized attachments are refused and nothing is stored', async () => {
    const before_ = await snapshot();
    const anon = new Client(t.app);
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    let res = await submit(anon, { what: 'x', who: 'y' }, [{ bytes: html, name: 'bukti.pdf' }]);
    assert.equal(res.status, 400);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    res = await submit(anon, { what: 'x', who: 'y' }, [{ bytes: big, name: 'besar.pdf' }]);
    assert.equal(res.status, 400);
    res = await submit(anon, { what: '', who: '' });
    assert.equal(res.status, 400);
    res = await submit(anon, { what: 'x', who: 'y', unit: '00000000-0000-0000-0000-000000000000' });
    assert.equal(res.status, 400);
    assert.deepEqual(await snapshot(), before_);
  });

  test('forged ids are not found and change nothing', async () => {
    const before_ = await snapshot();
    const fake = '11111111-2222-3333-4444-555555555555';
    assert.equal((await handler.get(`/wbs/kelola/${fake}`)).status, 404);
    assert.equal((await handler.get('/wbs/kelola/..%2F..%2Fetc')).status, 404);
    assert.equal((await handler.post(`/wbs/kelola/${fake}/status`, { state: 'closed' })).status, 404);
    assert.equal((await handler.post(`/wbs/kelola/${reportId}/status`, { state: 'closed' })).status, 409, 'not a transition from received');
    assert.equal((await handler.post(`/wbs/kelola/${reportId}/ungkap/${fake}/setujui`)).status, 404);
    assert.equal((await handler.get(`/wbs/kelola/${reportId}/lampiran/${fake}`)).status, 404);
    assert.equal((await handler.post(`/wbs/kelola/${reportId}/kecualikan`, { account: fake })).status, 400);
    const admin = await loggedIn(t.app, 'admin');
    await admin.get('/wbs/admin');
    assert.equal((await admin.post(`/wbs/admin/ungkap/not-a-report/${fake}`)).status, 404);
    assert.equal((await admin.post(`/wbs/admin/ungkap/${reportId}/${fake}`)).status, 404);
    assert.deepEqual(await snapshot(), before_);
  });

  test('a wrong receipt never lands on a report: sharing its first digits changes nothing and reads like any wrong receipt', async () => {
    const anon = new Client(t.app);
    await anon.get('/wbs/cek');
    await t.database.query("delete from kernel_throttle where kind like 'wbs.%'");
    const bump = (d: string) => String((Number(d) + 1) % 10);
    const sharing6 = receipt.slice(0, 6) + receipt.slice(6).split('').map(bump).join('');
    const sharing15 = receipt.slice(0, 15) + bump(receipt[15]);
    const unrelated = receipt.split('').map(bump).join('');
    const reportRow = async () => (await t.database.query('select * from wbs_reports where id = $1', [reportId]))[0];
    const before_ = JSON.stringify(await reportRow());
    // a refusal's page, without what differs per request (the CSRF token)
    const page = async (r: Response) => (await r.text()).replace(/name="_csrf" value="[^"]*"/g, '');
    const bodies = new Set<string>();
    for (let i = 0; i < 6; i++) {
      for (const wrong of [sharing6, sharing15, unrelated]) {
        const res = await anon.post('/wbs/cek', { receipt: wrong });
        assert.equal(res.status, 400, wrong);
        bodies.add(await page(res));
      }
    }
    assert.equal(bodies.size, 1, 'every wrong receipt gets the same page');
    assert.match([...bodies][0], /tidak dapat dibuka/);
    assert.equal(JSON.stringify(await reportRow()), before_, 'the report row is untouched');
    const opened = await anon.post('/wbs/cek', { receipt });
    assert.equal(opened.status, 200, 'no lock: 18 wrong receipts sharing its digits do not keep the reporter out');
    assert.ok((await opened.text()).includes(HANDLER_REPLY));
    const [{ n }] = await t.database.query<{ n: number }>("select count::int as n from kernel_throttle where kind = 'wbs.receipt_fail'");
    assert.equal(n, 18, 'the failures count against the client');
  });

  test('past the day\'s wrong receipts, the client gets the same answer for every receipt, the right one included', async () => {
    const anon = new Client(t.app);
    await anon.get('/wbs/cek');
    const wrongPage = await anon.post('/wbs/cek', { receipt: 'abc' });
    assert.equal(wrongPage.status, 400);
    await t.database.query("update kernel_throttle set count = 20 where kind = 'wbs.receipt_fail'");
    const res = await anon.post('/wbs/cek', { receipt });
    assert.equal(res.status, 400, 'read as wrong: no status tells a lock from a wrong receipt');
    const html = await res.text();
    assert.match(html, /tidak dapat dibuka/);
    assert.ok(!html.includes(HANDLER_REPLY));
    await t.database.query("delete from kernel_throttle where kind like 'wbs.%'");
    assert.equal((await anon.post('/wbs/cek', { receipt })).status, 200);
  });

  test('a report filed before the keyed look-up (legacy 6-digit look-up) opens with its receipt and moves to the keyed look-up', async () => {
    const [{ mac }] = await t.database.query<{ mac: string }>('select receipt_mac as mac from wbs_reports where id = $1', [reportId]);
    await t.database.query('update wbs_reports set receipt_mac = null, lookup = $2 where id = $1', [reportId, receipt.slice(0, 6)]);
    const anon = new Client(t.app);
    await anon.get('/wbs/cek');
    const sharing6 = receipt.slice(0, 6) + receipt.slice(6).split('').map((d) => String((Number(d) + 3) % 10)).join('');
    for (let i = 0; i < 6; i++) assert.equal((await anon.post('/wbs/cek', { receipt: sharing6 })).status, 400);
    assert.equal((await anon.post('/wbs/cek', { receipt })).status, 200, 'not locked');
    const [row] = await t.database.query<{ mac: string | null; lookup: string | null }>('select receipt_mac as mac, lookup from wbs_reports where id = $1', [reportId]);
    assert.equal(row.mac, mac, 'the keyed hash is set at the first opening');
    assert.equal(row.lookup, null, 'and the 6-digit look-up is gone');
    await t.database.query("delete from kernel_throttle where kind like 'wbs.%'");
  });
});

describe('keys follow passwords', () => {
  test('wrong passwords on the unlock page are refused, then throttled', async () => {
    const other = await loggedIn(t.app, 'pegawai.dukcapil');
    await other.get('/wbs/kelola');
    for (let i = 0; i < 5; i++) assert.equal((await other.post('/wbs/kelola/buka', { password: 'salah-sekali' })).status, 400);
    const res = await other.post('/wbs/kelola/buka', { password: DEMO_PASSWORD });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /Terlalu banyak kata sandi salah/);
  });

  test('a password change re-seals the handler key; an administrator reset loses it until recovery', async () => {
    const c = await loggedIn(t.app, 'wbs');
    await c.get('/account/password');
    const changed = await c.post('/account/password', { current: DEMO_PASSWORD, next: 'Rahasia-Baru-2026', confirm: 'Rahasia-Baru-2026' });
    assert.equal(changed.status, 303);
    const again = await loggedIn(t.app, 'wbs', 'Rahasia-Baru-2026');
    assert.equal((await again.get(`/wbs/kelola/${reportId}`)).status, 200, 'opens with the new password');

    // an administrator reset: the old sealed key cannot be opened with the new password
    await t.database.query('update kernel_accounts set password_hash = $1 where username = $2', [await hashPassword('Direset-Admin-2026'), 'wbs']);
    const reset = await loggedIn(t.app, 'wbs', 'Direset-Admin-2026');
    assert.equal((await reset.get(`/wbs/kelola/${reportId}`)).status, 303, 'locked: back to the unlock page');
    await reset.get('/wbs/kelola');
    const stale = await reset.post('/wbs/kelola/buka', { password: 'Direset-Admin-2026' });
    assert.equal(stale.status, 200);
    assert.match(await stale.text(), /kunci-baru/);
    assert.equal((await reset.post('/wbs/kelola/kunci-baru', { password: 'Direset-Admin-2026' })).status, 303);
    assert.equal((await reset.get(`/wbs/kelola/${reportId}`)).status, 403, 'no key for the old report');

    const admin = await loggedIn(t.app, 'admin');
    await admin.get('/wbs/admin');
    assert.equal((await admin.post('/wbs/admin/pulihkan', { key: 'INTEGRITAS-WBS-RECOVERY-KEY-V1\nAAAA' })).status, 400);
    const rec = await admin.post('/wbs/admin/pulihkan', { key: String((globalThis as Record<string, unknown>).recoveryText) });
    assert.equal(rec.status, 200);
    assert.equal((await reset.get(`/wbs/kelola/${reportId}`)).status, 200, 'restored by the recovery key');
    assert.equal((await loggedIn(t.app, 'upg')).cookies.size > 0, true);
    const [k] = await t.database.query<{ n: number }>('select count(*)::int as n from wbs_report_keys where account_id = $1', [accounts.upg]);
    assert.equal(Number(k.n), 0, 'recovery does not give the report back to an excluded handler');
    handler = reset;
  });

  test('the recovery key is replaced with the old sheet (every report moves) or without it (reports move when opened)', async () => {
    const oldText = String((globalThis as Record<string, unknown>).recoveryText);
    const admin = await loggedIn(t.app, 'admin');
    await admin.get('/wbs/admin');
    const settings = async () => (await t.database.query<{ k: string }>("select recovery_public_key as k from wbs_settings where id = 'regency'"))[0].k;
    const wraps = async () => (await t.database.query<{ r: string | null }>('select recovery_wrapped_key as r from wbs_reports where purged_on is null order by id')).map((x) => x.r);
    const before0 = await settings();
    const wraps0 = await wraps();

    // neither the old key nor "lost": refused; a wrong old key: refused; nothing changes
    let res = await admin.post('/wbs/admin/ganti-kunci-pemulihan', { old_key: '' });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /centang bahwa lembar lama hilang/);
    res = await admin.post('/wbs/admin/ganti-kunci-pemulihan', { old_key: 'INTEGRITAS-WBS-RECOVERY-KEY-V1\nAAAA' });
    assert.equal(res.status, 400);
    assert.equal(await settings(), before0);
    assert.deepEqual(await wraps(), wraps0);
    // a handler cannot replace it
    assert.equal((await handler.post('/wbs/admin/ganti-kunci-pemulihan', { old_key: oldText })).status, 403);

    // with the old sheet: a new key shown once, every covered report re-wrapped for it
    res = await admin.post('/wbs/admin/ganti-kunci-pemulihan', { old_key: oldText });
    assert.equal(res.status, 200);
    const html = await res.text();
    const newText = /data-recovery-key[^>]*>([^<]+)</.exec(html)![1];
    assert.notEqual(newText, oldText);
    assert.notEqual(await settings(), before0);
    const wraps1 = await wraps();
    assert.equal(wraps1.filter(Boolean).length, wraps0.filter(Boolean).length, 'every covered report stays covered');
    assert.ok(wraps1.every((w, i) => w === null || w !== wraps0[i]), 'each wrap is new');
    // the old sheet no longer opens anything; the new one restores a handler who lost the key
    assert.equal((await admin.post('/wbs/admin/pulihkan', { key: oldText })).status, 400);
    await t.database.query('delete from wbs_report_keys where account_id = $1', [accounts.wbs]);
    assert.equal((await handler.get(`/wbs/kelola/${reportId}`)).status, 403);
    assert.equal((await admin.post('/wbs/admin/pulihkan', { key: newText })).status, 200);
    assert.equal((await handler.get(`/wbs/kelola/${reportId}`)).status, 200, 'restored with the new key');

    // without the old sheet: the wraps are dropped, and a report is covered again when its handler opens it
    res = await admin.post('/wbs/admin/ganti-kunci-pemulihan', { old_key: '', old_lost: '1' });
    assert.equal(res.status, 200);
    const lostText = /data-recovery-key[^>]*>([^<]+)</.exec(await res.text())![1];
    assert.ok((await wraps()).every((w) => w === null));
    assert.match(await (await admin.get('/wbs/admin')).text(), /belum tercakup kunci pemulihan/);
    assert.equal((await handler.get(`/wbs/kelola/${reportId}`)).status, 200);
    const [row] = await t.database.query<{ r: string | null }>('select recovery_wrapped_key as r from wbs_reports where id = $1', [reportId]);
    assert.ok(row.r, 'opened by its handler: covered by the new key');
    assert.equal((await admin.post('/wbs/admin/pulihkan', { key: newText })).status, 400, 'the replaced key is refused');
    assert.equal((await admin.post('/wbs/admin/pulihkan', { key: lostText })).status, 200);

    // the audit records numbers and fingerprints only
    const audit = await t.database.query<{ data: unknown }>("select data from kernel_audit_log where action = 'wbs.recovery_key_rotated' order by seq");
    assert.equal(audit.length, 2);
    assert.deepEqual(Object.keys(audit[0].data as object).sort(), ['from', 'pending', 'rewrapped', 'to', 'withOldKey']);
  });
});

describe('states, retention and statistics', () => {
  test('the handler moves the report to closure; after retention the content is deleted, counts stay', async () => {
    for (const s of ['verified', 'investigating', 'not_proven', 'closed']) {
      assert.equal((await handler.post(`/wbs/kelola/${reportId}/status`, { state: s, note: `catatan ${s}` })).status, 303, s);
    }
    const [r] = await t.database.query<{ purge_after: string; closed_on: string }>('select purge_after::text, closed_on::text from wbs_reports where id = $1', [reportId]);
    assert.ok(r.closed_on && r.purge_after > r.closed_on);
    const anon = new Client(t.app);
    await anon.get('/wbs/cek');
    const closed = await (await anon.post('/wbs/cek', { receipt })).text();
    assert.ok(!closed.includes('/wbs/cek/balas'), 'no replies to a closed report');

    assert.equal(await purgeExpiredWbsReports(t.database.db, t.deps.files, r.closed_on), 0, 'not before its time');
    assert.equal(await purgeExpiredWbsReports(t.database.db, t.deps.files, r.purge_after), 1);
    const [p] = await t.database.query<{ content_enc: string | null; lookup: string | null; state: string }>('select content_enc, lookup, state from wbs_reports where id = $1', [reportId]);
    assert.equal(p.content_enc, null);
    assert.equal(p.lookup, null);
    assert.equal(p.state, 'closed');
    assert.equal(await countRows(t.database, 'wbs_attachments'), 0);
    assert.equal(storedFiles().filter((f) => f.includes(`${path.sep}wbs${path.sep}`)).length, 0, 'encrypted files deleted');
    assert.equal((await anon.post('/wbs/cek', { receipt })).status, 400, 'the receipt no longer opens anything');
    const stats = await (await handler.get('/wbs/statistik')).text();
    assert.match(stats, /stat__value">1</);
  });

  test('LKE A.I.5.iv answers from counts', () => {
    assert.deepEqual(wbsAnswers({ handlers: 0, evaluations: 0, followedUp: 0 }), { applied: 'c', evaluated: 'c', followedUp: null });
    assert.deepEqual(wbsAnswers({ handlers: 2, evaluations: 1, followedUp: 0 }), { applied: 'b', evaluated: 'b', followedUp: 'c' });
    assert.deepEqual(wbsAnswers({ handlers: 2, evaluations: 2, followedUp: 2 }), { applied: 'b', evaluated: 'a', followedUp: 'a' });
    assert.deepEqual(wbsAnswers({ handlers: 1, evaluations: 3, followedUp: 1 }), { applied: 'b', evaluated: 'a', followedUp: 'b' });
  });

  test('evaluations are recorded by the unit (no content) and refused when malformed', async () => {
    const ketua = await loggedIn(t.app, 'ketua.zi');
    await ketua.get('/wbs/statistik');
    assert.equal((await ketua.post('/wbs/evaluasi', { unit: units.DPMPTSPKUKM, heldOn: '2099-01-01', findings: 'x' })).status, 400);
    assert.equal((await ketua.post('/wbs/evaluasi', { unit: units.DISDUKCAPIL, heldOn: regencyToday(), findings: 'x' })).status, 404);
    assert.equal((await ketua.post('/wbs/evaluasi', { unit: units.DPMPTSPKUKM, heldOn: regencyToday(), findings: 'Sosialisasi kurang', followedUp: '1' })).status, 303);
    assert.equal(await countRows(t.database, 'wbs_evaluations'), 1);
  });
});

describe('the anonymous form is throttled per client and day (no address stored)', () => {
  const PDF = (n: number) => { const b = new Uint8Array(n); b.set(new TextEncoder().encode('%PDF-1.7\n')); return b; };

  test('30 reports from one client: the first ten are accepted, the rest refused with 429 and nothing stored', async () => {
    await t.database.query('delete from kernel_throttle');
    const anon = new Client(t.app);
    const before_ = await countRows(t.database, 'wbs_reports');
    const statuses: number[] = [];
    let refusal = '';
    for (let i = 0; i < 30; i++) {
      const res = await submit(anon, { what: `Laporan berulang ${i}`, who: 'Terlapor' });
      statuses.push(res.status);
      if (res.status === 429 && !refusal) refusal = await res.text();
    }
    assert.deepEqual(statuses, [...Array(10).fill(303), ...Array(20).fill(429)]);
    assert.match(refusal, /Terlalu banyak laporan atau pesan dari perangkat atau jaringan ini hari ini/);
    assert.equal(await countRows(t.database, 'wbs_reports'), before_ + 10);
    // the counter's key is a daily HMAC: no address, and not the key the complaint form uses for the same client
    const rows = await t.database.query<{ key: string; kind: string; day: string; count: number }>("select key, kind, day::text, count::int from kernel_throttle where kind = 'wbs.submit'");
    assert.equal(rows.length, 1);
    assert.equal(rows[0].count, 30);
    assert.match(rows[0].key, /^[A-Za-z0-9_-]{32}$/);
    assert.ok(!rows[0].key.includes('local'));
    const { clientKey } = await import('../src/modules/complaints/complaints.service.ts');
    assert.notEqual(clientKey(t.config.secretKey, rows[0].day, 'local'), rows[0].key);
    // another day, another key: tomorrow the client may report again
    await t.database.query("update kernel_throttle set day = day - 1, key = 'yesterday' where kind = 'wbs.submit'");
    assert.equal((await submit(anon, { what: 'Laporan hari berikutnya', who: 'Terlapor' })).status, 303);
  });

  test('attachment bytes have a daily budget per client and overall; past it the report is refused and nothing is kept', async () => {
    await t.database.query('delete from kernel_throttle');
    const anon = new Client(t.app);
    assert.equal((await submit(anon, { what: 'Dengan lampiran', who: 'Terlapor' }, [{ bytes: PDF(3 * 1024 * 1024), name: 'a.pdf' }])).status, 303);
    const bytes = async (key: string) => Number((await t.database.query<{ n: number }>("select coalesce(sum(count), 0)::bigint as n from kernel_throttle where kind = 'wbs.bytes' and (key = 'overall') = $1", [key === 'overall']))[0].n);
    assert.equal(await bytes('client'), 3 * 1024 * 1024);
    assert.equal(await bytes('overall'), 3 * 1024 * 1024);

    // the client's budget (30 MB) nearly spent: a 3 MB file is refused, the report with it, and the budget is not charged
    await t.database.query("update kernel_throttle set count = 30 * 1024 * 1024 - 1024 where kind = 'wbs.bytes' and key <> 'overall'");
    const snap = await snapshot();
    let res = await submit(anon, { what: 'Lampiran melewati batas', who: 'Terlapor' }, [{ bytes: PDF(3 * 1024 * 1024), name: 'b.pdf' }]);
    assert.equal(res.status, 429);
    assert.match(await res.text(), /Batas ukuran lampiran hari ini sudah tercapai/);
    assert.deepEqual(await snapshot(), snap, 'nothing stored');
    assert.equal(await bytes('client'), 30 * 1024 * 1024 - 1024, 'a refusal spends nothing');
    // without attachments the report goes through
    assert.equal((await submit(anon, { what: 'Tanpa lampiran', who: 'Terlapor' })).status, 303);

    // the overall budget (500 MB) nearly spent by others: refused too
    await t.database.query("delete from kernel_throttle where kind = 'wbs.bytes' and key <> 'overall'");
    await t.database.query("update kernel_throttle set count = 500 * 1024 * 1024 - 10 where kind = 'wbs.bytes' and key = 'overall'");
    const snap2 = await snapshot();
    res = await submit(new Client(t.app), { what: 'Lampiran melewati batas harian', who: 'Terlapor' }, [{ bytes: PDF(2048), name: 'c.pdf' }]);
    assert.equal(res.status, 429);
    assert.deepEqual(await snapshot(), snap2);
  });

  test('a reporter\'s replies count too: attachments against the same budget, messages per day', async () => {
    await t.database.query('delete from kernel_throttle');
    const anon = new Client(t.app);
    const res = await submit(anon, { what: 'Laporan untuk balasan', who: 'Terlapor' });
    assert.equal(res.status, 303);
    const own = receiptOf(await (await anon.get('/wbs/tanda-terima')).text());
    await anon.get('/wbs/cek');
    await t.database.query("insert into kernel_throttle (key, kind, day, count) select key, 'wbs.bytes', day, 30 * 1024 * 1024 from kernel_throttle where kind = 'wbs.submit'");
    const before_ = await snapshot();
    let r = await anon.postMultipart('/wbs/cek/balas', reportForm({ receipt: own, body: 'Bukti tambahan' }, [{ bytes: PDF(1024), name: 'd.pdf' }]));
    assert.equal(r.status, 429);
    assert.deepEqual(await snapshot(), before_);
    await t.database.query("update kernel_throttle set count = 30 where kind = 'wbs.submit'");
    // the refused reply was counted; now the day's 30 replies are used up
    await t.database.query("update kernel_throttle set count = 30 where kind = 'wbs.reply'");
    r = await anon.postMultipart('/wbs/cek/balas', reportForm({ receipt: own, body: 'Pesan ke-31' }));
    assert.equal(r.status, 429);
    assert.match(await r.text(), /Terlalu banyak laporan atau pesan/);
    assert.deepEqual(await snapshot(), before_);
  });
});
