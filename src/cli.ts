// integritas <command>: start | migrate | seed-demo | create-admin | backup | restore | verify-audit | lke score | skm compute
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './kernel/config.ts';
import { DataDirLockedError, openDatabase, type Database } from './kernel/db.ts';
import { verifyAudit } from './kernel/audit.ts';
import { DomainError } from './kernel/errors.ts';
import { createFileStore } from './kernel/files.ts';
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
  verify-audit               check the audit log's hash chain; exit 1 at the first broken link
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

async function withDatabase<T>(config: Config, fn: (db: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  try {
    await database.migrate();
    return await fn(database);
  } finally {
    await database.close();
  }
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
          const stats = await withDatabase(config, (db) => backupToFile(db, file));
          console.log(`Backup written to ${file}: ${stats.tables} tables, ${stats.rows} rows.`);
        } else {
          const stats = await withDatabase(config, (db) => restoreFromFile(db, file));
          console.log(`Restored ${stats.rows} rows into ${stats.tables} tables from ${file}.`);
        }
        return 0;
      }
      case 'verify-audit': {
        const result = await withDatabase(loadConfig(), (db) => verifyAudit(db.db));
        if (result.ok) {
          console.log(`Audit chain intact: ${result.checked} entries verified.`);
          return 0;
        }
        console.error(`Audit chain BROKEN at entry #${result.firstBroken!.seq} (${result.firstBroken!.reason}); ${result.checked} entries before it are intact.`);
        return 1;
      }
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
