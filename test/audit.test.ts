// The audit log: state changes leave an entry in the same transaction, the database refuses to
// edit or delete entries, and the hash chain exposes tampering by someone who gets past that.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  advanceCheckpoint, appendAudit, CHECKPOINT_FILE, GENESIS_HASH, hashEntry, readCheckpointFile, SYSTEM_ACTOR, verifyAudit, verifyAuditTail,
} from '../src/kernel/audit.ts';
import { backupToFile, readBackupFile, restoreFromFile } from '../src/kernel/backup.ts';
import { parseCheckpoint, type AuditCheckpoint, type CheckpointFile } from '../src/kernel/audit.ts';
import { buildApp } from '../src/main.ts';
import { Client, countRows, createTestApp, createTestDb, loggedIn, type TestApp } from './helpers.ts';

let t: TestApp;
before(async () => { t = await createTestApp(); });
after(async () => { await t.close(); });

interface Row { seq: number; action: string; actor_account_id: string | null; actor_label: string; entity_type: string; entity_id: string | null; unit_id: string | null; data: Record<string, unknown>; prev_hash: string; hash: string; at: Date }

function cpOf(file: CheckpointFile): AuditCheckpoint {
  assert.equal(file.state, 'ok');
  return (file as Extract<CheckpointFile, { state: 'ok' }>).checkpoint;
}
async function lastEntries(n: number): Promise<Row[]> {
  return t.database.query<Row>(`select * from kernel_audit_log order by seq desc limit ${n}`);
}
async function entriesSince(seq: number): Promise<Row[]> {
  return t.database.query<Row>('select * from kernel_audit_log where seq > $1 order by seq', [seq]);
}
async function maxSeq(): Promise<number> {
  const [r] = await t.database.query<{ s: number | null }>('select max(seq)::int as s from kernel_audit_log');
  return Number(r.s ?? 0);
}
async function accountId(username: string): Promise<string> {
  const [r] = await t.database.query<{ id: string }>('select id from kernel_accounts where username = $1', [username]);
  return r.id;
}
async function unitId(code: string): Promise<string> {
  const [r] = await t.database.query<{ id: string }>('select id from org_units where code = $1', [code]);
  return r.id;
}

describe('what is recorded', () => {
  test('the seeded chain verifies', async () => {
    const res = await verifyAudit(t.database.db);
    assert.equal(res.ok, true);
    assert.equal(res.checked, await countRows(t.database, 'kernel_audit_log'));
    assert.ok(res.checked >= 1);
    const [first] = await t.database.query<Row>('select * from kernel_audit_log order by seq limit 1');
    assert.equal(first.prev_hash, GENESIS_HASH);
  });

  test('login and logout each write an entry for the account', async () => {
    const id = await accountId('kadis');
    const mark = await maxSeq();
    const c = await loggedIn(t.app, 'kadis');
    let rows = await entriesSince(mark);
    assert.deepEqual(rows.map((r) => r.action), ['auth.login']);
    assert.equal(rows[0].actor_account_id, id);
    assert.equal(rows[0].actor_label, 'kadis');
    assert.equal(rows[0].entity_id, id);

    const mark2 = await maxSeq();
    assert.equal((await c.post('/logout')).status, 303);
    rows = await entriesSince(mark2);
    assert.deepEqual(rows.map((r) => r.action), ['auth.logout']);
    assert.equal(rows[0].actor_account_id, id);
  });

  test('a failed login is recorded without an account, naming the username tried', async () => {
    const mark = await maxSeq();
    const c = new Client(t.app);
    await c.get('/login');
    assert.equal((await c.post('/login', { username: 'siapa.saja', password: 'salah-sekali' })).status, 401);
    const rows = (await entriesSince(mark)).filter((r) => r.action === 'auth.login_failed');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].actor_account_id, null);
    assert.equal(rows[0].data.username, 'siapa.saja');
    assert.ok(!JSON.stringify(rows[0].data).includes('salah-sekali'), 'the tried password is in the audit log');
  });

  test('granting a role writes an entry with the grant', async () => {
    const admin = await loggedIn(t.app, 'admin');
    const grantee = await accountId('pegawai');
    const unit = await unitId('DPMPTSPKUKM');
    const mark = await maxSeq();
    const res = await admin.post(`/admin/accounts/${grantee}/roles`, { role: 'zi_member', unitId: unit, area: '' });
    assert.equal(res.status, 303);
    const rows = await entriesSince(mark);
    assert.deepEqual(rows.map((r) => r.action), ['org.role.granted']);
    assert.equal(rows[0].actor_account_id, await accountId('admin'));
    assert.equal(rows[0].unit_id, unit);
    assert.equal(rows[0].data.accountId, grantee);
    assert.equal(rows[0].data.role, 'zi_member');
  });

  test('creating a unit writes an entry with what was created', async () => {
    const admin = await loggedIn(t.app, 'admin');
    const mark = await maxSeq();
    const res = await admin.post('/admin/units', { code: 'KEC-SGL', name: 'Kecamatan Sungailiat', shortName: 'Kec. Sungailiat', kind: 'kecamatan', isActive: '1' });
    assert.equal(res.status, 303);
    const rows = await entriesSince(mark);
    assert.deepEqual(rows.map((r) => r.action), ['org.unit.created']);
    const id = await unitId('KEC-SGL');
    assert.equal(rows[0].entity_type, 'unit');
    assert.equal(rows[0].entity_id, id);
    assert.equal(rows[0].data.code, 'KEC-SGL');
    assert.equal(rows[0].data.name, 'Kecamatan Sungailiat');
  });

  test('a rejected change (duplicate unit code) writes no entry and changes nothing', async () => {
    const admin = await loggedIn(t.app, 'admin');
    const units = await countRows(t.database, 'org_units');
    const mark = await maxSeq();
    // codes are unique regardless of case (the database index is on lower(code))
    for (const code of ['BPKPD', 'bpkpd', 'Bpkpd']) {
      const res = await admin.post('/admin/units', { code, name: 'Badan Kembar', shortName: 'Kembar', kind: 'badan', isActive: '1' });
      assert.equal(res.status, 400, code);
      assert.match(await res.text(), /Kode unit sudah dipakai unit lain/, code);
    }
    assert.deepEqual(await entriesSince(mark), []);
    assert.equal(await countRows(t.database, 'org_units'), units);
  });

  test('an entry appended in a transaction that fails is rolled back with it, and the chain stays whole', async () => {
    const before = await countRows(t.database, 'kernel_audit_log');
    await assert.rejects(t.database.db.transaction(async (tx) => {
      await appendAudit(tx, SYSTEM_ACTOR, { action: 'test.doomed', entityType: 'test' });
      throw new Error('the change failed after its audit entry');
    }), /failed after/);
    assert.equal(await countRows(t.database, 'kernel_audit_log'), before);
    // the next entry chains to the last committed one even though a sequence number was used up
    await t.database.db.transaction((tx) => appendAudit(tx, SYSTEM_ACTOR, { action: 'test.kept', entityType: 'test', data: { n: 1 } }));
    const [last, prev] = await lastEntries(2);
    assert.equal(last.action, 'test.kept');
    assert.equal(last.prev_hash, prev.hash);
    assert.equal((await verifyAudit(t.database.db)).ok, true);
  });

  test('the chain verifies across pages', async () => {
    const total = await countRows(t.database, 'kernel_audit_log');
    assert.ok(total >= 8);
    const res = await verifyAudit(t.database.db, 3);
    assert.deepEqual(res, { ok: true, checked: total });
  });
});

describe('append-only in the database', () => {
  test('UPDATE, DELETE and TRUNCATE of the audit log are refused', async () => {
    const [row] = await lastEntries(1);
    await assert.rejects(t.database.query('update kernel_audit_log set action = $1 where seq = $2', ['x.hidden', row.seq]), /append-only/);
    await assert.rejects(t.database.query(`update kernel_audit_log set data = '{"forged":true}'::jsonb`), /append-only/);
    await assert.rejects(t.database.query('delete from kernel_audit_log where seq = $1', [row.seq]), /append-only/);
    await assert.rejects(t.database.query('truncate kernel_audit_log'), /append-only/);
    const [after] = await t.database.query<Row>('select * from kernel_audit_log where seq = $1', [row.seq]);
    assert.equal(after.action, row.action);
    assert.equal(after.hash, row.hash);
    // through the ORM too
    await assert.rejects(t.database.db.execute(sql`delete from kernel_audit_log`));
    assert.equal((await verifyAudit(t.database.db)).ok, true);
  });
});

describe('tampering is detected', () => {
  // A superuser can switch the triggers off; the hash chain still tells. Each case tampers, checks,
  // then puts the row back exactly so the next case starts from an intact chain.
  before(async () => { await t.database.query('alter table kernel_audit_log disable trigger user'); });
  after(async () => { await t.database.query('alter table kernel_audit_log enable trigger user'); });

  async function middle(): Promise<{ row: Row; next: Row }> {
    const rows = await t.database.query<Row>('select * from kernel_audit_log order by seq');
    assert.ok(rows.length >= 5);
    const i = Math.floor(rows.length / 2);
    return { row: rows[i], next: rows[i + 1] };
  }
  async function restore(row: Row) {
    await t.database.query('delete from kernel_audit_log where seq = $1', [row.seq]);
    await t.database.query(
      `insert into kernel_audit_log (seq, at, actor_account_id, actor_label, action, entity_type, entity_id, unit_id, data, prev_hash, hash)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11)`,
      [row.seq, row.at, row.actor_account_id, row.actor_label, row.action, row.entity_type, row.entity_id, row.unit_id, JSON.stringify(row.data), row.prev_hash, row.hash],
    );
    assert.deepEqual(await verifyAudit(t.database.db), { ok: true, checked: await countRows(t.database, 'kernel_audit_log') }, 'restoring the row did not restore the chain');
  }

  test('editing an entry\'s data breaks that entry', async () => {
    const { row } = await middle();
    await t.database.query(`update kernel_audit_log set data = data || '{"note":"diubah"}'::jsonb where seq = $1`, [row.seq]);
    assert.deepEqual((await verifyAudit(t.database.db)).firstBroken, { seq: row.seq, reason: 'hash_mismatch' });
    await restore(row);
  });

  test('editing who or what, or the time, breaks that entry', async () => {
    const { row } = await middle();
    for (const [col, value] of [['actor_label', 'orang-lain'], ['action', 'org.unit.updated'], ['entity_id', 'lain']] as const) {
      await t.database.query(`update kernel_audit_log set ${col} = $1 where seq = $2`, [value, row.seq]);
      const res = await verifyAudit(t.database.db);
      assert.equal(res.ok, false, col);
      assert.deepEqual(res.firstBroken, { seq: row.seq, reason: 'hash_mismatch' }, col);
      await restore(row);
    }
    await t.database.query(`update kernel_audit_log set at = at - interval '1 day' where seq = $1`, [row.seq]);
    assert.deepEqual((await verifyAudit(t.database.db)).firstBroken, { seq: row.seq, reason: 'hash_mismatch' });
    await restore(row);
  });

  test('deleting an entry breaks the link of the entry after it', async () => {
    const { row, next } = await middle();
    await t.database.query('delete from kernel_audit_log where seq = $1', [row.seq]);
    const res = await verifyAudit(t.database.db);
    assert.equal(res.ok, false);
    assert.deepEqual(res.firstBroken, { seq: next.seq, reason: 'chain_break' });
    assert.ok(res.checked > 0);
    await restore(row);
  });

  test('changing a stored hash is detected', async () => {
    const { row } = await middle();
    await t.database.query('update kernel_audit_log set hash = $1 where seq = $2', ['f'.repeat(64), row.seq]);
    assert.deepEqual((await verifyAudit(t.database.db)).firstBroken, { seq: row.seq, reason: 'hash_mismatch' });
    await restore(row);
  });

  test('re-hashing an edited entry does not help: the next link breaks', async () => {
    const { row, next } = await middle();
    const data = { ...row.data, forged: true };
    const forgedHash = hashEntry({
      seq: Number(row.seq), at: new Date(row.at), actorAccountId: row.actor_account_id, actorLabel: row.actor_label, action: row.action,
      entityType: row.entity_type, entityId: row.entity_id, unitId: row.unit_id, data, prevHash: row.prev_hash,
    });
    await t.database.query('update kernel_audit_log set data = $1::jsonb, hash = $2 where seq = $3', [JSON.stringify(data), forgedHash, row.seq]);
    assert.deepEqual((await verifyAudit(t.database.db)).firstBroken, { seq: next.seq, reason: 'chain_break' });
    await restore(row);
  });

  test('deleting the newest entries: the chain alone still verifies, the checkpoint outside the table does not', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'itg-audit-cp-'));
    const logged: string[] = [];
    // the same database served with a DATA_DIR: requests that append move the checkpoint on
    const app = buildApp({ ...t.config, dataDir }, t.database, { log: (_l, msg) => { logged.push(msg); } });
    try {
      const admin = new Client(app.app);
      await admin.login('admin');
      assert.equal((await admin.post('/admin/units', { code: 'KEC-MRW', name: 'Kecamatan Merawang', shortName: 'Kec. Merawang', kind: 'kecamatan', isActive: '1' })).status, 303);
      const file = await readCheckpointFile(dataDir, t.config.secretKey);
      assert.equal(file.state, 'ok');
      const cp = cpOf(file);
      const [newest, second] = await lastEntries(2);
      assert.deepEqual([cp.seq, cp.hash], [Number(newest.seq), newest.hash], 'the checkpoint is the log\'s end after the request');
      assert.equal((await verifyAuditTail(t.database.db, cpOf(file))).ok, true);

      // a superuser (triggers off) deletes the two newest entries
      await t.database.query('delete from kernel_audit_log where seq >= $1', [second.seq]);
      const chain = await verifyAudit(t.database.db);
      assert.equal(chain.ok, true, 'the chain alone cannot see a missing tail');
      const tail = await verifyAuditTail(t.database.db, cpOf(file));
      assert.equal(tail.ok, false);
      assert.equal(tail.problem, 'tail_missing');
      assert.equal(tail.checkpoint.seq, Number(newest.seq));
      assert.equal(tail.lastSeq, Number(second.seq) - 1);
      assert.ok(tail.sequence !== null && tail.sequence >= Number(newest.seq), 'the sequence still remembers the numbers handed out');

      // the app does not move the evidence back: the checkpoint stays, the operator is told once
      const text = await readFile(path.join(dataDir, CHECKPOINT_FILE), 'utf8');
      await t.database.db.transaction((tx) => appendAudit(tx, SYSTEM_ACTOR, { action: 'test.after_truncation', entityType: 'test' }));
      assert.equal(await advanceCheckpoint(t.database.db, dataDir, t.config.secretKey), 'mismatch');
      assert.equal((await admin.post('/lang', { locale: 'id', back: '/' })).status, 303);
      assert.equal(await readFile(path.join(dataDir, CHECKPOINT_FILE), 'utf8'), text, 'the checkpoint moved');
      assert.ok(logged.some((m) => /audit log does not reach its checkpoint/.test(m)), logged.join('\n'));

      // a hand-edited checkpoint is not believed
      const edited = JSON.parse(text) as { seq: number };
      await writeFile(path.join(dataDir, CHECKPOINT_FILE), JSON.stringify({ ...edited, seq: edited.seq - 2 }));
      assert.equal((await readCheckpointFile(dataDir, t.config.secretKey)).state, 'invalid');
      await writeFile(path.join(dataDir, CHECKPOINT_FILE), text);

      // put the entries back (and drop the test one): whole again
      const [extra] = await lastEntries(1);
      await t.database.query('delete from kernel_audit_log where seq = $1', [extra.seq]);
      await restore(second);
      await restore(newest);
      assert.equal((await verifyAuditTail(t.database.db, cpOf(file))).ok, true);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test('a sequence set back below the log\'s end is reported', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'itg-audit-cp-'));
    try {
      assert.equal(await advanceCheckpoint(t.database.db, dataDir, t.config.secretKey, { force: true }), 'written');
      const file = await readCheckpointFile(dataDir, t.config.secretKey);
      assert.equal(file.state, 'ok');
      const cp = cpOf(file);
      const [{ v }] = await t.database.query<{ v: string }>(`select pg_sequence_last_value(pg_get_serial_sequence('kernel_audit_log', 'seq')::regclass)::text as v`);
      await t.database.query(`select setval(pg_get_serial_sequence('kernel_audit_log', 'seq'), 1)`);
      const r = await verifyAuditTail(t.database.db, cp);
      assert.equal(r.problem, 'sequence_behind');
      await t.database.query(`select setval(pg_get_serial_sequence('kernel_audit_log', 'seq'), $1::bigint)`, [v]);
      assert.equal((await verifyAuditTail(t.database.db, cp)).ok, true);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test('each backup carries a signed checkpoint; a restore keeps it, so a tail cut after the restore shows', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'itg-audit-bk-'));
    const target = await createTestDb();
    try {
      const file = path.join(dir, 'backup.json.gz');
      await backupToFile(t.database, file, { secretKey: t.config.secretKey });
      const doc = await readBackupFile(file);
      const signed = parseCheckpoint(doc.auditCheckpoint, t.config.secretKey);
      assert.ok(signed.ok, 'no valid checkpoint in the backup');
      const [newest] = await lastEntries(1);
      assert.equal(signed.checkpoint.seq, Number(newest.seq));
      assert.equal(signed.checkpoint.hash, newest.hash);
      assert.equal(parseCheckpoint(doc.auditCheckpoint, 'another-secret-key-another-secret-key-01').ok, false, 'accepted under another key');

      // the restored database's DATA_DIR keeps the backup's checkpoint
      await target.database.query(`delete from kernel_calendar_days`);
      const restoredDir = path.join(dir, 'restored');
      const stats = await restoreFromFile(target.database, file, { secretKey: t.config.secretKey, dataDir: restoredDir });
      assert.equal(stats.checkpointSource, 'backup');
      const kept = await readCheckpointFile(restoredDir, t.config.secretKey);
      assert.equal(kept.state, 'ok');
      const cp = cpOf(kept);
      assert.equal((await verifyAuditTail(target.database.db, cp)).ok, true);
      await target.database.query('alter table kernel_audit_log disable trigger user');
      await target.database.query('delete from kernel_audit_log where seq = (select max(seq) from kernel_audit_log)');
      assert.equal((await verifyAudit(target.database.db)).ok, true);
      assert.equal((await verifyAuditTail(target.database.db, cp)).problem, 'tail_missing');
    } finally {
      await target.drop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('the audit page reports the first broken entry to the administrator', async () => {
    const admin = await loggedIn(t.app, 'admin');
    const okPage = await (await admin.get('/admin/audit?verify=1')).text();
    assert.match(okPage, /Rantai audit utuh/);
    const { row } = await middle();
    await t.database.query(`update kernel_audit_log set actor_label = 'siluman' where seq = $1`, [row.seq]);
    const page = await (await admin.get('/admin/audit?verify=1')).text();
    assert.match(page, new RegExp(`Rantai audit RUSAK pada entri #${row.seq} \\(hash_mismatch\\)`));
    await restore(row);
  });
});
