// Portable backup and restore: a round trip keeps every row and the audit chain, a backup made by
// one engine restores into the other, and bad files or a non-empty target are refused untouched.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { verifyAudit } from '../src/kernel/audit.ts';
import { backupToFile, parentsFirst, restoreFromFile } from '../src/kernel/backup.ts';
import { testConfig } from '../src/kernel/config.ts';
import { openDatabase, type Database } from '../src/kernel/db.ts';
import { buildApp, seedDemo } from '../src/main.ts';
import { Client, createTestApp, createTestDb, engine, loggedIn, type TestApp, type TestDb } from './helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'integritas-backup-'));
const file = (name: string) => path.join(dir, name);
const crossEngine = process.env.TEST_DATABASE_URL ? false : 'cross-engine restores need TEST_DATABASE_URL';

let source: TestApp;
let backupFile: string;
const cleanups: (() => Promise<void>)[] = [];

async function appTables(db: Database): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return rows.map((r) => r.name);
}

async function calendarRows(db: Database): Promise<number> {
  const [r] = await db.query<{ n: number }>('select count(*)::int as n from kernel_calendar_days');
  return Number(r.n);
}

async function rowCounts(db: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await appTables(db)) {
    const [r] = await db.query<{ n: number }>(`select count(*)::int as n from "${t}"`);
    out[t] = Number(r.n);
  }
  return out;
}

/** Every row of a table as JSON text in a stable order; times in UTC, whatever each server's time zone. */
async function tableRows(db: Database, table: string, orderBy: string): Promise<string[]> {
  const rows = await db.query<{ j: string }>(
    `select row_to_json(t)::text as j from (select * from "${table}" order by ${orderBy}) t`,
  );
  return rows.map((r) => JSON.stringify(normalizeTimes(JSON.parse(r.j))));
}

function normalizeTimes(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    const m = typeof v === 'string' ? /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?([+-]\d\d(?::\d\d)?)$/.exec(v) : null;
    out[k] = m ? `${new Date(`${m[1]}${m[3].length === 3 ? `${m[3]}:00` : m[3]}`).toISOString().slice(0, 19)}${m[2] ?? ''}Z` : v;
  }
  return out;
}

async function emptyPglite(): Promise<TestDb> {
  const database = await openDatabase({});
  await database.migrate();
  return { database, drop: () => database.close() };
}

function writeGzipJson(name: string, value: unknown): string {
  const f = file(name);
  writeFileSync(f, gzipSync(JSON.stringify(value)));
  return f;
}

function readBackup(f: string) {
  return JSON.parse(gunzipSync(readFileSync(f)).toString('utf8'));
}

async function assertSameData(from: Database, to: Database) {
  assert.deepEqual(await rowCounts(to), await rowCounts(from));
  assert.deepEqual(await tableRows(to, 'kernel_audit_log', 'seq'), await tableRows(from, 'kernel_audit_log', 'seq'));
  assert.deepEqual(await tableRows(to, 'org_units', 'id'), await tableRows(from, 'org_units', 'id'));
  assert.deepEqual(await tableRows(to, 'kernel_accounts', 'id'), await tableRows(from, 'kernel_accounts', 'id'));
  assert.deepEqual(await tableRows(to, 'org_people', 'id'), await tableRows(from, 'org_people', 'id'));
  const audit = await verifyAudit(to.db);
  assert.equal(audit.ok, true, `audit chain broken after restore: ${JSON.stringify(audit)}`);
  const [{ n }] = await to.query<{ n: number }>('select count(*)::int as n from kernel_audit_log');
  assert.equal(audit.checked, Number(n));
}

/** A demo login on an app built over the restored database works, and appends to the chain. */
async function assertUsable(database: Database) {
  const before = await rowCounts(database);
  const app = buildApp(testConfig(), database, { log: () => {} });
  const c = await loggedIn(app.app, 'kadis');
  assert.equal((await c.get('/')).status, 200);
  const afterCounts = await rowCounts(database);
  assert.ok(afterCounts.kernel_audit_log > before.kernel_audit_log, 'the login was audited (the sequence continues after the restored rows)');
  assert.equal((await verifyAudit(database.db)).ok, true);
}

before(async () => {
  source = await createTestApp();
  // changes through the app: successful logins, a failed one (throttle row, anonymous audit entry)
  await loggedIn(source.app, 'admin');
  await loggedIn(source.app, 'ketua.zi');
  const anon = new Client(source.app);
  await anon.get('/login');
  await anon.post('/login', { username: 'pegawai', password: 'wrong-password' });
  backupFile = file('source.json.gz');
});

after(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
  await source?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe(`backup and restore (${engine})`, () => {
  test('a backup is a gzip JSON document of every application table, parents first', async () => {
    const stats = await backupToFile(source.database, backupFile);
    const doc = readBackup(backupFile);
    assert.equal(doc.format, 'integritas-backup');
    assert.equal(doc.version, 1);
    assert.equal(doc.engine, source.database.engine);
    assert.ok(!Number.isNaN(Date.parse(doc.createdAt)));
    const applied = await source.database.query<{ hash: string }>('select hash from drizzle.__drizzle_migrations order by created_at');
    assert.deepEqual(doc.migrations, applied.map((r) => r.hash));
    const names: string[] = doc.tables.map((t: { name: string }) => t.name);
    assert.deepEqual([...names].sort(), await appTables(source.database));
    const pos = (n: string) => names.indexOf(n);
    assert.ok(pos('org_regencies') < pos('org_units'));
    assert.ok(pos('org_units') < pos('org_people'));
    assert.ok(pos('kernel_accounts') < pos('kernel_sessions'));
    assert.ok(pos('kernel_accounts') < pos('org_role_assignments'));
    const counts = await rowCounts(source.database);
    for (const t of doc.tables) assert.equal(t.rows.length, counts[t.name], t.name);
    assert.deepEqual(stats, { tables: names.length, rows: Object.values(counts).reduce((a, b) => a + b, 0), checkpoint: null }); // no key given: no checkpoint
    assert.ok(counts.kernel_throttle > 0 && counts.kernel_sessions > 0 && counts.kernel_audit_log >= 4, JSON.stringify(counts));
  });

  test('restoring into a new empty database gives back every row, a valid audit chain, working logins', async () => {
    const target = await createTestDb();
    cleanups.push(target.drop);
    const stats = await restoreFromFile(target.database, backupFile);
    const counts = await rowCounts(source.database);
    assert.deepEqual(stats.rows, Object.values(counts).reduce((a, b) => a + b, 0));
    await assertSameData(source.database, target.database);
    await assertUsable(target.database);
  });

  test('the holiday calendar in the backup, with an administrator\'s edits, replaces the shipped one', async () => {
    const from = await createTestDb();
    cleanups.push(from.drop);
    await from.database.query(`delete from kernel_calendar_days where day = '2026-12-24'`);
    await from.database.query(`insert into kernel_calendar_days (day, kind, name_id, name_en, source) values ('2027-03-09', 'holiday', 'Nyepi', 'Nyepi', 'SKB 2027')`);
    const f = file('calendar.json.gz');
    await backupToFile(from.database, f);
    const to = await createTestDb();
    cleanups.push(to.drop);
    await restoreFromFile(to.database, f);
    const days = (await to.database.query<{ day: string }>(`select day::text as day from kernel_calendar_days where day in ('2026-12-24', '2027-03-09')`)).map((r) => r.day);
    assert.deepEqual(days, ['2027-03-09']);
    assert.equal(await calendarRows(to.database), await calendarRows(from.database));
  });

  test('rows of a self-referencing table are ordered parents first', () => {
    const rows = [
      { id: 'c', parent_id: 'b' },
      { id: 'd', parent_id: null },
      { id: 'b', parent_id: 'a' },
      { id: 'a', parent_id: null },
      { id: 'e', parent_id: 'missing' },
    ];
    const ordered = parentsFirst(rows, [{ columns: ['parent_id'], refColumns: ['id'] }]).map((r) => r.id);
    assert.equal(ordered.length, rows.length);
    assert.ok(ordered.indexOf('a') < ordered.indexOf('b') && ordered.indexOf('b') < ordered.indexOf('c'), ordered.join());
    // a long chain (deeper than any call stack) in reverse order
    const chain = Array.from({ length: 50_000 }, (_, i) => ({ id: String(i), parent_id: i ? String(i - 1) : null })).reverse();
    const sorted = parentsFirst(chain, [{ columns: ['parent_id'], refColumns: ['id'] }]);
    assert.deepEqual(sorted.slice(0, 3).map((r) => r.id), ['0', '1', '2']);
  });

  test('org_units children listed before their parents still restore', async () => {
    const doc = readBackup(backupFile);
    const units = doc.tables.find((t: { name: string }) => t.name === 'org_units');
    assert.ok(units.rows.some((r: { parent_id: string | null }) => r.parent_id), 'the demo has a unit with a parent');
    units.rows.sort((a: { parent_id: string | null }, b: { parent_id: string | null }) => Number(!a.parent_id) - Number(!b.parent_id));
    assert.ok(units.rows[0].parent_id, 'a child unit comes first');
    const f = writeGzipJson('children-first.json.gz', doc);
    const target = await createTestDb();
    cleanups.push(target.drop);
    await restoreFromFile(target.database, f);
    await assertSameData(source.database, target.database);
  });

  test('a future module table is found in the catalogue and its values survive exactly', async () => {
    // identity column, self reference with children before parents across insert batches,
    // bigint beyond 2^53, wide numeric, arrays, jsonb, microseconds, a generated column, a $ in a name
    const ddl = [
      `create table "mod_things$1" (
         id bigint generated always as identity primary key,
         parent_id bigint references "mod_things$1" (id),
         big bigint not null, amount numeric(30, 10), ratio double precision, tags text[],
         doc jsonb, day date, at timestamptz, label text,
         label_upper text generated always as (upper(label)) stored)`,
      `create table mod_links (thing_id bigint not null references "mod_things$1" (id), note text)`,
    ];
    const from = await createTestDb();
    cleanups.push(from.drop);
    const to = await createTestDb();
    cleanups.push(to.drop);
    for (const d of ddl) { await from.database.query(d); await to.database.query(d); }
    await from.database.query(
      `insert into "mod_things$1" (big, amount, ratio, tags, doc, day, at, label)
       select 9007199254740993 + g, 12345678901234567890.0123456789, 0.1 * g, array['a', 'b c', g::text],
              jsonb_build_object('n', 1.5, 'g', g, 'x', jsonb_build_array(1, jsonb_build_object('y', null))),
              date '2026-01-31' + g, timestamptz '2026-01-02 03:04:05.123456+07' + g * interval '1 second', 'unit ' || g
         from generate_series(1, 2500) g`,
    );
    // every row points at the next one: in key order each child precedes its parent
    await from.database.query(`update "mod_things$1" set parent_id = id + 1 where id < 2500`);
    await from.database.query(`insert into mod_links select id, 'link ' || id from "mod_things$1" where id % 100 = 0`);
    const f = file('module.json.gz');
    const stats = await backupToFile(from.database, f);
    // 2,500 things, 25 links, and the holiday calendar that migrate loads
    assert.equal(stats.rows, 2525 + await calendarRows(from.database));
    const doc = readBackup(f);
    const names: string[] = doc.tables.map((t: { name: string }) => t.name);
    assert.ok(names.indexOf('mod_things$1') < names.indexOf('mod_links'));
    const first = doc.tables.find((t: { name: string }) => t.name === 'mod_things$1').rows[0];
    assert.equal(first.big, '9007199254740994', 'bigint written as an exact string');
    assert.equal(first.label_upper, undefined, 'generated columns are not written');

    await restoreFromFile(to.database, f);
    for (const [table, order] of [['mod_things$1', 'id'], ['mod_links', 'thing_id']]) {
      assert.deepEqual(await tableRows(to.database, table, order), await tableRows(from.database, table, order), table);
    }
    // the identity sequence continues after the restored keys
    const [next] = await to.database.query<{ id: string }>(`insert into "mod_things$1" (big) values (1) returning id::text as id`);
    assert.equal(next.id, '2501');
  });

  test('a PGlite backup restores into PostgreSQL', { skip: crossEngine }, async () => {
    const lite = await emptyPglite();
    cleanups.push(lite.drop);
    await seedDemo(lite.database);
    await loggedIn(buildApp(testConfig(), lite.database, { log: () => {} }).app, 'admin');
    const f = file('pglite.json.gz');
    await backupToFile(lite.database, f);
    assert.equal(readBackup(f).engine, 'pglite');
    const pgTarget = await createTestDb();
    cleanups.push(pgTarget.drop);
    assert.equal(pgTarget.database.engine, 'postgres');
    await restoreFromFile(pgTarget.database, f);
    await assertSameData(lite.database, pgTarget.database);
    await assertUsable(pgTarget.database);
  });

  test('a PostgreSQL backup restores into PGlite', { skip: crossEngine }, async () => {
    assert.equal(source.database.engine, 'postgres');
    const f = file('postgres.json.gz');
    await backupToFile(source.database, f);
    const lite = await emptyPglite();
    cleanups.push(lite.drop);
    await restoreFromFile(lite.database, f);
    await assertSameData(source.database, lite.database);
    await assertUsable(lite.database);
  });
});

describe('bad input is refused and changes nothing', () => {
  let empty: TestDb;
  before(async () => {
    empty = await createTestDb();
    cleanups.push(empty.drop);
  });

  async function refuses(target: Database, f: string, message: RegExp) {
    const counts = await rowCounts(target);
    await assert.rejects(restoreFromFile(target, f), (err: Error) => {
      assert.match(err.message, message);
      return true;
    });
    assert.deepEqual(await rowCounts(target), counts);
  }

  test('a file that is not gzip', async () => {
    const f = file('garbage.bin');
    writeFileSync(f, 'this is not a backup at all\n'.repeat(20));
    await refuses(empty.database, f, /not a readable Integritas backup: it is not gzip-compressed/);
  });

  test('a missing file', async () => {
    await refuses(empty.database, file('does-not-exist.json.gz'), /Cannot read the backup file/);
  });

  test('a truncated gzip', async () => {
    const whole = readFileSync(backupFile);
    const f = file('truncated.json.gz');
    writeFileSync(f, whole.subarray(0, Math.floor(whole.length / 2)));
    await refuses(empty.database, f, /truncated or corrupted/);
  });

  test('valid gzip of something that is not JSON', async () => {
    const f = file('text.gz');
    writeFileSync(f, gzipSync('{"format": "integritas-backup", "tables": ['));
    await refuses(empty.database, f, /not valid JSON/);
  });

  test('valid gzip of the wrong JSON', async () => {
    await refuses(empty.database, writeGzipJson('wrong.json.gz', { hello: 'world', tables: 3 }), /is not an Integritas backup/);
    await refuses(empty.database, writeGzipJson('array.json.gz', [1, 2, 3]), /is not an Integritas backup/);
  });

  test('a backup of another format version', async () => {
    const doc = { ...readBackup(backupFile), version: 2 };
    await refuses(empty.database, writeGzipJson('v2.json.gz', doc), /format version 2; this version of Integritas reads version 1/);
  });

  test('a malformed backup (rows not objects, bad table name)', async () => {
    const doc = readBackup(backupFile);
    doc.tables[0].rows = [1, 2];
    await refuses(empty.database, writeGzipJson('rows.json.gz', doc), /malformed Integritas backup: tables\.0\.rows\.0/);
    const doc2 = readBackup(backupFile);
    doc2.tables[1].name = 'x; drop table kernel_accounts';
    await refuses(empty.database, writeGzipJson('name.json.gz', doc2), /malformed Integritas backup: tables\.1\.name/);
  });

  test('a backup needing a migration the target has not applied', async () => {
    const doc = readBackup(backupFile);
    doc.migrations.push('f'.repeat(64));
    await refuses(empty.database, writeGzipJson('future.json.gz', doc), /migrations this database has not applied \(ffffffffffff\)/);
  });

  test('a backup naming a table the target lacks', async () => {
    const doc = readBackup(backupFile);
    doc.tables.push({ name: 'future_things', rows: [] });
    await refuses(empty.database, writeGzipJson('table.json.gz', doc), /has no table future_things/);
  });

  test('a backup whose rows break a constraint rolls back completely', async () => {
    const doc = readBackup(backupFile);
    const people = doc.tables.find((t: { name: string }) => t.name === 'org_people');
    people.rows.push({ ...people.rows[0] }); // duplicate primary key, in a late table
    await refuses(empty.database, writeGzipJson('duplicate.json.gz', doc), /Restore failed while loading table org_people: duplicate key value violates unique constraint.*Nothing was changed/);
    // nothing but the holiday calendar that migrate loads (and the failed restore put back as it was)
    const left = await rowCounts(empty.database);
    assert.equal(Object.entries(left).filter(([t]) => t !== 'kernel_calendar_days').reduce((a, [, n]) => a + n, 0), 0);
    assert.equal(left.kernel_calendar_days, await calendarRows(source.database));
    // and the same database still takes a good backup afterwards
    await restoreFromFile(empty.database, backupFile);
    await assertSameData(source.database, empty.database);
  });

  test('a database that already holds data', async () => {
    await refuses(source.database, backupFile, /already holds data \(in [a-z_, ]*kernel_accounts/);
  });
});
