// Child process for the throughput bench: `node --import tsx bench/server.ts integritas|bare`.
// The database comes from DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite). Prints
// "READY <url>" once listening; stops cleanly on SIGTERM.
//
//   integritas  the real app (startServer: Hono, sessions, CSRF, authorization, JSX rendering)
//   bare        node:http doing only the database read of GET /people: listPeople with the
//               scope `pegawai` gets for org.people.list, rendered as a minimal HTML string;
//               and POST /survey?period=…&unit=…&service=… (bench/survey.ts): reads the same
//               url-encoded form as the public survey form and does one INSERT into
//               surveys_responses, answering 303 like the app
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/kernel/config.ts';
import { openDatabase } from '../src/kernel/db.ts';
import { buildAccess, seedDemo, startServer } from '../src/main.ts';
import { loadActor } from '../src/modules/org/index.ts';
import { listPeople } from '../src/modules/org/org.queries.ts';

const mode = process.argv[2];
/** The same filter GET /people uses with no query string (page 1, 25 rows, active, by name). */
const PEOPLE_FILTER = { status: 'active', sort: 'name', dir: 'asc', limit: 25, offset: 0 } as const;

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

async function startIntegritas() {
  const config = loadConfig({
    ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'development', DEMO: 'on', LOG_LEVEL: 'silent',
  });
  const running = await startServer(config, () => {});
  return { url: running.url, stop: running.stop };
}

async function startBare() {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const database = await openDatabase({ databaseUrl, dataDir: databaseUrl ? undefined : process.env.DATA_DIR });
  await database.migrate();
  await seedDemo(database);
  const [acc] = await database.query<{ id: string }>(`select id from kernel_accounts where username = 'pegawai'`);
  const actor = acc ? await loadActor(database.db, acc.id) : null;
  const scope = buildAccess().scopeOf(actor, 'org.people.list');
  if (!scope) throw new Error('bare server: pegawai has no scope for org.people.list');
  const server = http.createServer((req, res) => {
    if (req.method === 'POST' && req.url?.startsWith('/survey?')) {
      bareSurveyPost(database, req, res);
      return;
    }
    if (req.method !== 'GET' || req.url !== '/people') {
      res.writeHead(404).end();
      return;
    }
    listPeople(database.db, scope, { ...PEOPLE_FILTER }).then((list) => {
      const items = list.rows.map((p) => `<li>${esc(p.name)} — ${esc(p.position)} (${esc(p.unitName)})</li>`).join('');
      const body = `<!doctype html><html lang="id"><meta charset="utf-8"><title>Pegawai</title><h1>Pegawai (${list.total})</h1><ul>${items}</ul></html>`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
    }, (err) => {
      console.error(err);
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

/**
 * The floor of a survey submission: read the body, take the nine answers, one INSERT. No CSRF,
 * throttle, duplicate check, timestamp, validation against the questionnaire or page rendering.
 */
function bareSurveyPost(database: Awaited<ReturnType<typeof openDatabase>>, req: http.IncomingMessage, res: http.ServerResponse) {
  const q = new URL(req.url!, 'http://x').searchParams;
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const answers = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => Number(form.get(`u${i}`)));
    if (answers.some((a) => !Number.isInteger(a) || a < 1 || a > 4)) {
      res.writeHead(400).end();
      return;
    }
    database.query(
      `insert into surveys_responses (period_id, unit_id, service_id, answers, suggestion, channel) values ($1, $2, $3, $4, $5, 'online')`,
      [q.get('period'), q.get('unit'), q.get('service'), answers, form.get('suggestion') || null],
    ).then(() => {
      res.writeHead(303, { location: '/survey/thanks', 'content-length': 0 }).end();
    }, (err) => {
      console.error(err);
      res.writeHead(500).end();
    });
  });
}

if (mode !== 'integritas' && mode !== 'bare') {
  console.error('usage: node --import tsx bench/server.ts integritas|bare');
  process.exit(2);
}
const running = await (mode === 'integritas' ? startIntegritas() : startBare());
process.once('SIGTERM', () => {
  running.stop().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
});
console.log(`READY ${running.url}`);
