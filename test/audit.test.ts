// The audit log: state changes leave an entry in the same transaction, the database refuses to
// edit or delete entries, and the hash chain exposes tampering by someone who gets past that.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { appendAudit, GENESIS_HASH, hashEntry, SYSTEM_ACTOR, verifyAudit } from '../src/kernel/audit.ts';
import { Client, countRows, createTestApp, loggedIn, type TestApp } from './helpers.ts';

let t: TestApp;
before(async () => { t = await createTestApp(); });
after(async () => { await t.close(); });

interface Row { seq: number; action: string; actor_account_id: string | null; actor_label: string; entity_type: string; entity_id: string | null; unit_id: string | null; data: Record<string, unknown>; prev_hash: string; hash: string; at: Date }

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
