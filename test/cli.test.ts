// The real command line, run as child processes on embedded (PGlite) data directories: migrate,
// seed-demo, create-admin, verify-audit (intact and tampered), backup/restore between two data
// directories, and the data-directory lock held by a running server.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import { openDatabase } from '../src/kernel/db.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/integritas.mjs');
const CALL_TIMEOUT = 45_000;
const tmp = mkdtempSync(path.join(tmpdir(), 'integritas-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function childEnv(dataDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO: 'off', NODE_ENV: 'development', ...extra };
  // always the embedded engine here, whatever the surrounding test run uses
  for (const k of ['DATABASE_URL', 'TEST_DATABASE_URL', 'INTEGRITAS_ADMIN_PASSWORD', 'PORT', 'SECRET_KEY']) if (!(k in extra)) delete env[k];
  return env;
}

function launch(args: string[], dataDir: string, extra: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: childEnv(dataDir, extra) });
}

interface Result { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/** Runs one CLI command to completion (killed after CALL_TIMEOUT). */
function cli(args: string[], dataDir: string, extra: Record<string, string> = {}, input?: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = launch(args, dataDir, extra);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), CALL_TIMEOUT);
    child.on('error', reject);
    child.on('close', (code, signal) => { clearTimeout(timer); resolve({ code, signal, stdout, stderr }); });
    child.stdin.end(input ?? '');
  });
}

const show = (r: Result) => `exit ${r.code ?? r.signal}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;

// Two independent groups, run side by side to keep the file short.
describe('integritas command line', { concurrency: true }, () => {
  describe('one data directory through its life, then a restore into another', { concurrency: false }, () => {
    const dataA = path.join(tmp, 'a');
    const dataB = path.join(tmp, 'b');
    const backupFile = path.join(tmp, 'a-backup.json.gz');
    let intactEntries = 0;
    let backupRows = '';

    test('migrate creates the embedded database and releases the lock', { timeout: 60_000 }, async () => {
      const r = await cli(['migrate'], dataA);
      assert.equal(r.code, 0, show(r));
      assert.match(r.stdout, /Migrations applied\./);
      assert.ok(statSync(path.join(dataA, 'pgdata')).isDirectory());
      assert.equal(existsSync(path.join(dataA, 'integritas.lock')), false);
    });

    test('seed-demo loads the demo regency and prints the demo credentials', { timeout: 60_000 }, async () => {
      const r = await cli(['seed-demo'], dataA, { DEMO: 'on' });
      assert.equal(r.code, 0, show(r));
      assert.match(r.stdout, /Demo data loaded\./);
      assert.match(r.stdout, /Akun demo \(kata sandi semua akun: DemoZI-2026!\)/);
      for (const u of ['admin', 'bupati', 'kadis', 'ketua.zi']) assert.match(r.stdout, new RegExp(`^\\s+${u.replace('.', '\\.')}\\s+\\S`, 'm'));
    });

    test('create-admin refuses a weak password (exit 2) and creates an admin with a strong one', { timeout: 60_000 }, async () => {
      const weak = await cli(['create-admin', '--username', 'kepala.it', '--name', 'Kepala Bidang TI'], dataA, { INTEGRITAS_ADMIN_PASSWORD: 'short' });
      assert.equal(weak.code, 2, show(weak));
      assert.match(weak.stderr, /at least 10 characters/);
      assert.doesNotMatch(weak.stdout, /created/);
      const ok = await cli(['create-admin', '--username', 'kepala.it', '--name', 'Kepala Bidang TI', '--email', 'it@bangka.example'], dataA, { INTEGRITAS_ADMIN_PASSWORD: 'Kuat-Sekali-2026!' });
      assert.equal(ok.code, 0, show(ok));
      assert.match(ok.stdout, /Administrator kepala\.it created\./);
    });

    test('verify-audit exits 0 on an intact chain', { timeout: 60_000 }, async () => {
      const r = await cli(['verify-audit'], dataA);
      assert.equal(r.code, 0, show(r));
      const m = /Audit chain intact: (\d+) entries verified\./.exec(r.stdout);
      assert.ok(m, show(r));
      intactEntries = Number(m[1]);
      assert.ok(intactEntries >= 2, 'demo seed and create-admin are audited');
    });

    test('backup writes a portable file', { timeout: 60_000 }, async () => {
      const r = await cli(['backup', backupFile], dataA);
      assert.equal(r.code, 0, show(r));
      const m = /Backup written to .*: (\d+) tables, (\d+) rows\./.exec(r.stdout);
      assert.ok(m, show(r));
      backupRows = m[2];
      assert.ok(statSync(backupFile).size > 0);
    });

    test('verify-audit exits 1 naming the first broken entry after tampering', { timeout: 60_000 }, async () => {
      // the CLI has exited, so the data directory is free to open here
      const database = await openDatabase({ dataDir: dataA });
      try {
        const [admin] = await database.query<{ display_name: string; email: string; role: string }>(
          `select a.display_name, a.email, r.role from kernel_accounts a join org_role_assignments r on r.account_id = a.id
            where a.username = 'kepala.it'`,
        );
        assert.deepEqual(admin, { display_name: 'Kepala Bidang TI', email: 'it@bangka.example', role: 'regency_admin' });
        const [entry] = await database.query<{ seq: number }>(`select seq::int as seq from kernel_audit_log where action = 'org.admin.created'`);
        assert.ok(entry, 'create-admin wrote an audit entry');
        await database.query('alter table kernel_audit_log disable trigger user');
        await database.query(`update kernel_audit_log set data = '{"username":"someone-else"}'::jsonb where seq = $1`, [entry.seq]);
        await database.query('alter table kernel_audit_log enable trigger user');
        await database.close();
        const r = await cli(['verify-audit'], dataA);
        assert.equal(r.code, 1, show(r));
        assert.match(r.stderr, new RegExp(`Audit chain BROKEN at entry #${entry.seq} \\(hash_mismatch\\)`));
      } finally {
        await database.close().catch(() => {});
      }
    });

    test('restore refuses a file that is not a backup, then loads the backup into an empty data directory', { timeout: 60_000 }, async () => {
      const garbage = path.join(tmp, 'garbage.json.gz');
      writeFileSync(garbage, 'not a backup\n');
      const bad = await cli(['restore', garbage], dataB);
      assert.notEqual(bad.code, 0, show(bad));
      assert.match(bad.stderr, /not a readable Integritas backup/);
      assert.doesNotMatch(bad.stdout, /Restored/);

      const r = await cli(['restore', backupFile], dataB);
      assert.equal(r.code, 0, show(r));
      assert.match(r.stdout, new RegExp(`Restored ${backupRows} rows into \\d+ tables from `));
      // the backup was taken before the tampering: the restored chain is intact, entry for entry
      const v = await cli(['verify-audit'], dataB);
      assert.equal(v.code, 0, show(v));
      assert.match(v.stdout, new RegExp(`Audit chain intact: ${intactEntries} entries verified\\.`));
    });
  });

  describe('a running server holds the data directory', { concurrency: false }, () => {
    test('a second process is refused, the server keeps serving and stops cleanly on SIGTERM', { timeout: 90_000 }, async () => {
      const dataC = path.join(tmp, 'c');
      const server = launch(['start'], dataC, { PORT: '0', DEMO: 'on' });
      let out = '';
      let err = '';
      server.stderr.setEncoding('utf8').on('data', (d) => { err += d; });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
        server.on('exit', (code, signal) => resolve({ code, signal }));
      });
      try {
        const url = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}\n${err}`)), 60_000);
          server.stdout.setEncoding('utf8').on('data', (d) => {
            out += d;
            const m = /berjalan di (http:\/\/\S+)/.exec(out);
            if (m) { clearTimeout(timer); resolve(m[1]); }
          });
          void exited.then((e) => { clearTimeout(timer); reject(new Error(`server exited (${e.code ?? e.signal}):\n${out}\n${err}`)); });
        });
        assert.match(out, /PGlite/);
        assert.ok(existsSync(path.join(dataC, 'integritas.lock')));

        const second = await cli(['migrate'], dataC);
        assert.notEqual(second.code, 0, show(second));
        assert.match(second.stderr, /data directory .*[/\\]c is in use by another Integritas process \(pid \d+\)/);
        assert.doesNotMatch(second.stdout, /Migrations applied/);

        const health = await fetch(`${url}/healthz`);
        assert.equal(health.status, 200);
        assert.deepEqual(await health.json(), { status: 'ok' });
        assert.ok(existsSync(path.join(dataC, 'integritas.lock')), 'the refused process left the lock alone');

        server.kill('SIGTERM');
        const end = await exited;
        assert.deepEqual(end, { code: 0, signal: null }, `${out}\n${err}`);
        assert.equal(existsSync(path.join(dataC, 'integritas.lock')), false);
      } finally {
        if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
      }
    });
  });
});
