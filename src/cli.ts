// integritas <command>: start | migrate | seed-demo | create-admin | backup | restore | verify-audit | lke score | skm compute
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './kernel/config.ts';
import { DataDirLockedError, openDatabase, type Database } from './kernel/db.ts';
import path from 'node:path';
import { advanceCheckpoint, CHECKPOINT_FILE, parseCheckpoint, readCheckpointFile, verifyAudit, verifyAuditTail, type AuditCheckpoint } from './kernel/audit.ts';
import { DomainError } from './kernel/errors.ts';
import { createFileStore } from './kernel/files.ts';
import { setRegencyTimeZone } from './kernel/workdays.ts';
import { buildI18n, seedDemo, startServer } from './main.ts';
import { createAdmin } from './modules/org/index.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './modules/org/org.seed.ts';

const HELP = `Integritas — Zona Integritas (WBK/WBBM) for a whole regency

Usage: integritas <command> [options]

Commands:
  start                      migrate, seed demo data on a new embedded database, serve HTTP
  migrate                    apply pending database migrations
  seed-demo                  load the demo regency (Kabupaten Bangka) into an empty database
  create-admin               create a regency administrator
                               --username NAME --name "Full Name" [--email E] (password from
                               INTEGRITAS_ADMIN_PASSWORD or standard input)
  backup FILE                write a portable backup (gzip JSON) of every table
  restore FILE               load a backup into an empty database (either engine)
  verify-audit [BACKUP…]     check the audit log's hash chain, and that the log still reaches its
                               checkpoint (DATA_DIR/audit-checkpoint.json and those of the backups
                               named); exit 1 at a broken link or a missing tail
  lke score FILE.json        score an LKE answer file (FILE or - for standard input) and print JSON:
                               {"ruleset": "permenpanrb-90-2021", "answers": {CODE: ANSWER},
                                "prerequisites": {…}?, "options": {…}?}
                               --plan  add "what would it take" per predicate;  --lang id|en
  skm compute FILE.csv       SKM (PermenPANRB 14/2017) of a CSV of answers (FILE or - for standard
                               input): one respondent per line, U1…U9 with 1–4 (optional header row
                               naming U1…U9); prints {"respondents", "nrr": {"U1"…"U9"}, "ikm",
                               "nik", "mutu", "kinerja"}; rows with a value outside 1–4 are listed
                               with their line numbers and the exit code is 2;  --lang id|en
  help                       this text

Environment: DATABASE_URL (PostgreSQL; embedded PGlite in DATA_DIR when unset), DATA_DIR (./data),
PORT (3000), HOST (127.0.0.1), SECRET_KEY, SMTP_URL, MAIL_FROM, PUBLIC_URL, NODE_ENV, DEMO (auto|on|off).`;

async function withDatabase<T>(config: Config, fn: (db: Database) => Promise<T>, opts: { checkpoint?: boolean } = {}): Promise<T> {
  setRegencyTimeZone(config.timeZone); // the demo is dated from the regency's today
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  try {
    await database.migrate();
    const result = await fn(database);
    // what the command appended (seed, admin, migrate's calendars) moves the audit checkpoint on;
    // verify-audit only reads it
    if (opts.checkpoint !== false) {
      const r = await advanceCheckpoint(database.db, config.dataDir, config.secretKey);
      if (r === 'behind' || r === 'other_chain' || r === 'mismatch') console.error(`Warning: the audit log does not reach its checkpoint in ${path.join(config.dataDir, CHECKPOINT_FILE)} (${r}); run "integritas verify-audit".`);
    }
    return result;
  } finally {
    await database.close();
  }
}

/** verify-audit: the chain, then the log's end against the DATA_DIR checkpoint and those of the backups named. Exit 0 or 1. */
async function verifyAuditCommand(config: Config, backups: string[]): Promise<number> {
  const { readBackupFile } = await import('./kernel/backup.ts');
  return withDatabase(config, async (db) => {
    const result = await verifyAudit(db.db);
    if (!result.ok) {
      console.error(`Audit chain BROKEN at entry #${result.firstBroken!.seq} (${result.firstBroken!.reason}); ${result.checked} entries before it are intact.`);
      return 1;
    }
    console.log(`Audit chain intact: ${result.checked} entries verified.`);
    let failed = false;
    const checkpoints: { label: string; cp: AuditCheckpoint }[] = [];
    const file = path.join(config.dataDir, CHECKPOINT_FILE);
    const own = await readCheckpointFile(config.dataDir, config.secretKey);
    if (own.state === 'ok') checkpoints.push({ label: file, cp: own.checkpoint });
    else if (own.state === 'missing') console.log(`No audit checkpoint in ${file} yet: the end of the log is not checked against one.`);
    else { console.error(`Audit checkpoint ${file} is damaged or not signed with this SECRET_KEY.`); failed = true; }
    for (const b of backups) {
      const doc = await readBackupFile(b);
      if (doc.auditCheckpoint === undefined) { console.log(`${b} carries no audit checkpoint (made by an older version).`); continue; }
      const p = parseCheckpoint(doc.auditCheckpoint, config.secretKey);
      if (p.ok) checkpoints.push({ label: b, cp: p.checkpoint });
      else { console.error(`The audit checkpoint in ${b} is not signed with this SECRET_KEY: not compared.`); failed = true; }
    }
    for (const { label, cp } of checkpoints) {
      const r = await verifyAuditTail(db.db, cp);
      const last = r.lastSeq === null ? 'no entry at all' : `entry #${r.lastSeq}`;
      if (r.ok) {
        console.log(`Audit log reaches its checkpoint in ${label} (entry #${cp.seq}, ${cp.at}).`);
        if (r.sequence !== null && r.lastSeq !== null && r.sequence > r.lastSeq) {
          console.log(`Note: the sequence handed out numbers up to #${r.sequence}; those after #${r.lastSeq} went to transactions that rolled back, or to entries deleted since the checkpoint.`);
        }
        continue;
      }
      failed = true;
      if (r.problem === 'tail_missing') {
        const from = (r.lastSeq ?? 0) + 1;
        console.error(`Audit log TRUNCATED: the checkpoint in ${label} (${cp.at}) records entry #${cp.seq}, but the log ends at ${last}; entries #${from}${cp.seq > from ? `–#${cp.seq}` : ''} (at least) are missing.`);
      } else if (r.problem === 'other_chain') {
        console.error(`Audit log REPLACED: its first entry is not the one the checkpoint in ${label} records. If this database was replaced on purpose (a new installation), remove ${file}.`);
      } else if (r.problem === 'checkpoint_mismatch') {
        console.error(`Audit log REWRITTEN: entry #${cp.seq} is not the one the checkpoint in ${label} records.`);
      } else {
        console.error(`Audit sequence SET BACK: its last value (${r.sequence ?? 'none'}) is below the log's ${last}.`);
      }
    }
    return failed ? 1 : 0;
  }, { checkpoint: false });
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export function demoCredentials(): string {
  const t = buildI18n().translator('id');
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.username.length));
  return [
    `Akun demo (kata sandi semua akun: ${DEMO_PASSWORD})`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(width)}  ${t(a.describeKey)}`),
  ].join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  try {
    switch (command) {
      case 'start': {
        const config = loadConfig();
        const running = await startServer(config);
        console.log(`Integritas berjalan di ${running.url} (${running.database.engine === 'pglite' ? `PGlite, ${config.dataDir}` : 'PostgreSQL'})`);
        if (config.demo) console.log(demoCredentials());
        const shutdown = (sig: string) => {
          console.log(`${sig}: berhenti…`);
          running.stop().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
        };
        process.once('SIGINT', () => shutdown('SIGINT'));
        process.once('SIGTERM', () => shutdown('SIGTERM'));
        return await new Promise<number>(() => {}); // runs until a signal
      }
      case 'migrate': {
        await withDatabase(loadConfig(), async () => {});
        console.log('Migrations applied.');
        return 0;
      }
      case 'seed-demo': {
        const config = loadConfig();
        if (config.isProduction) { console.error('seed-demo is refused in production mode.'); return 2; }
        const seeded = await withDatabase(config, (db) => seedDemo(db, createFileStore(config.filesDir)));
        console.log(seeded ? `Demo data loaded.\n${demoCredentials()}` : 'The database already has a regency; nothing was seeded.');
        return 0;
      }
      case 'create-admin': {
        const { values } = parseArgs({ args: rest, options: { username: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' } } });
        if (!values.username || !values.name) { console.error('Usage: integritas create-admin --username NAME --name "Full Name" [--email E]'); return 2; }
        const password = process.env.INTEGRITAS_ADMIN_PASSWORD ?? (await readStdin());
        if (!password) { console.error('Give the password through INTEGRITAS_ADMIN_PASSWORD or standard input.'); return 2; }
        await withDatabase(loadConfig(), (db) => createAdmin(db.db, { username: values.username!, password, displayName: values.name!, email: values.email }));
        console.log(`Administrator ${values.username} created.`);
        return 0;
      }
      case 'backup':
      case 'restore': {
        const file = rest[0];
        if (!file) { console.error(`Usage: integritas ${command} FILE`); return 2; }
        const { backupToFile, restoreFromFile } = await import('./kernel/backup.ts');
        const config = loadConfig();
        if (command === 'backup') {
          const stats = await withDatabase(config, (db) => backupToFile(db, file, { secretKey: config.secretKey }));
          console.log(`Backup written to ${file}: ${stats.tables} tables, ${stats.rows} rows.`);
        } else {
          const stats = await withDatabase(config, (db) => restoreFromFile(db, file, { secretKey: config.secretKey, dataDir: config.dataDir }), { checkpoint: false });
          console.log(`Restored ${stats.rows} rows into ${stats.tables} tables from ${file}.`);
          if (stats.checkpointSource === 'backup') console.log(`Audit checkpoint: the backup's own (entry #${stats.checkpoint!.seq}), kept in ${path.join(config.dataDir, CHECKPOINT_FILE)}.`);
          else if (stats.checkpointSource === 'restored_log') console.log(`Audit checkpoint: the backup's is missing or signed with another SECRET_KEY; the restored log's end (entry #${stats.checkpoint!.seq}) is kept instead.`);
        }
        return 0;
      }
      case 'verify-audit':
        return await verifyAuditCommand(loadConfig(), rest);
      case 'lke': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { plan: { type: 'boolean' }, lang: { type: 'string' } } });
        const [sub, file] = positionals;
        if (sub !== 'score' || !file) {
          console.error(`Usage: integritas lke score FILE.json [--plan] [--lang id|en]\n\n${HELP}`);
          return 2;
        }
        const lang = values.lang === 'en' ? 'en' : 'id';
        const { readFile } = await import('node:fs/promises');
        let text: string;
        try {
          text = file === '-' ? await readAll(process.stdin) : await readFile(file, 'utf8');
        } catch (e) {
          console.error(`${lang === 'en' ? 'Cannot read' : 'Tidak dapat membaca'} ${file}: ${(e as Error).message}`);
          return 2;
        }
        let doc: unknown;
        try {
          doc = JSON.parse(text);
        } catch (e) {
          console.error(`${lang === 'en' ? 'Not valid JSON' : 'Bukan JSON yang sah'}: ${(e as Error).message}`);
          return 2;
        }
        const { scoreDocument } = await import('./modules/assessment/index.ts');
        try {
          console.log(JSON.stringify(scoreDocument(doc, { plan: values.plan === true, locale: lang }), null, 2));
        } catch (err) {
          if (err instanceof DomainError) {
            console.error(buildI18n().translator(lang)(err.code, err.params));
            return 2;
          }
          throw err;
        }
        return 0;
      }
      case 'skm': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { lang: { type: 'string' } } });
        const [sub, file] = positionals;
        if (sub !== 'compute' || !file) {
          console.error(`Usage: integritas skm compute FILE.csv [--lang id|en]\n\n${HELP}`);
          return 2;
        }
        const lang = values.lang === 'en' ? 'en' : 'id';
        const { readFile } = await import('node:fs/promises');
        let bytes: Uint8Array;
        try {
          bytes = file === '-' ? new TextEncoder().encode(await readAll(process.stdin)) : new Uint8Array(await readFile(file));
        } catch (e) {
          console.error(`${lang === 'en' ? 'Cannot read' : 'Tidak dapat membaca'} ${file}: ${(e as Error).message}`);
          return 2;
        }
        const { skmCompute } = await import('./modules/surveys/surveys.cli.ts');
        const out = skmCompute(bytes, lang);
        if (!out.ok) {
          for (const e of out.errors) console.error(e.line ? `${lang === 'en' ? 'line' : 'baris'} ${e.line}: ${e.message}` : e.message);
          return 2;
        }
        console.log(JSON.stringify(out.output, null, 2));
        return 0;
      }
      case 'help':
      case '--help':
      case '-h':
        console.log(HELP);
        return 0;
      default:
        console.error(`Unknown command: ${command}\n\n${HELP}`);
        return 2;
    }
  } catch (err) {
    const { BackupError } = await import('./kernel/backup.ts');
    if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof BackupError) {
      console.error(err.message);
      return 2;
    }
    if (err instanceof DomainError) {
      console.error(`${buildI18n().translator('en')(err.code, err.params)} (${err.code})`);
      return 2;
    }
    throw err;
  }
}
