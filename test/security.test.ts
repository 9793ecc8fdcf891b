// Findings of the security probe (issue 13), each with the behaviour that closes it: no open
// redirect through next/back, the sign-in form's input bounded before any query, every route's
// body limited unless it declares uploads, and logs that never carry what people typed.
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { after, before, describe, mock, test } from 'node:test';
import { DEFAULT_BODY_LIMIT, describeError, safeNext, uploadBodyLimit } from '../src/kernel/http.tsx';
import { MAX_EVIDENCE_BYTES } from '../src/kernel/files.ts';
import { buildApp, consoleLogger } from '../src/main.ts';
import { Client, countRows, createTestApp, DEMO_PASSWORD, loggedIn, type TestApp } from './helpers.ts';

let t: TestApp;
before(async () => { t = await createTestApp({ seed: 'org' }); });
after(async () => { await t.close(); });

describe('open redirects: next and back are resolved as a browser would', () => {
  // [value of next/back, where it may lead]
  const cases: [string, string][] = [
    ['/units?x=1#top', '/units?x=1#top'],
    ['/people', '/people'],
    ['/a/../b', '/b'],
    ['/a/../../etc', '/etc'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'], // an encoded slash is a path character, not a host
    ['/%09/evil.example/', '/%09/evil.example/'],
    ['/lapor?q=a b', '/lapor?q=a%20b'],
    // browsers strip tab/CR/LF from URLs: "/\t/evil" becomes "//evil"
    ['/\t/evil.example/', '/'],
    ['/\n/evil.example/', '/'],
    ['/\r/evil.example/', '/'],
    ['/units\r\nSet-Cookie: itg_session=x', '/'],
    ['/units\u0000', '/'],
    ['/\u007f/evil.example', '/'],
    ['/\u0085/evil.example', '/'],
    ['//evil.example', '/'],
    ['///evil.example', '/'],
    ['//evil.example/login', '/'],
    ['/\\evil.example', '/'],
    ['/\\/evil.example', '/'],
    ['/.//evil.example/', '/'],
    ['/./\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['http:evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['\\\\evil.example', '/'],
    [' /units', '/'],
    ['units', '/'],
    ['', '/'],
  ];

  test('the rule, value by value', () => {
    for (const [next, expected] of cases) assert.equal(safeNext(next), expected, JSON.stringify(next));
    assert.equal(safeNext(undefined), '/');
    assert.equal(safeNext('//evil.example', ''), '', 'the fallback is the caller\'s');
  });

  test('signing in never leaves the site, and CR/LF in next is no error', async () => {
    for (const [next, expected] of cases) {
      const c = new Client(t.app);
      const page = await c.get(`/login?next=${encodeURIComponent(next)}`);
      assert.equal(page.status, 200, JSON.stringify(next));
      const field = /name="next" value="([^"]*)"/.exec(await page.text())?.[1];
      assert.equal(field, expected === '/' && next !== '/' ? '' : expected.replaceAll('&', '&amp;'), `form field for ${JSON.stringify(next)}`);
      const res = await c.post('/login', { username: 'bupati', password: DEMO_PASSWORD, next });
      assert.equal(res.status, 303, JSON.stringify(next));
      assert.equal(res.headers.get('location'), expected, JSON.stringify(next));
    }
  });

  test('the issue\'s own link: /login?next=/%09/evil.example/ lands on /', async () => {
    const c = new Client(t.app);
    const page = await (await c.get('/login?next=/%09/evil.example/')).text();
    assert.match(page, /name="next" value=""/);
    const res = await c.post('/login', { username: 'bupati', password: DEMO_PASSWORD, next: '/\t/evil.example/' });
    assert.equal(res.headers.get('location'), '/');
  });

  test('switching language with a foreign or broken way back lands on /', async () => {
    for (const [back, expected] of cases) {
      const c = new Client(t.app);
      await c.get('/login');
      const res = await c.post('/lang', { locale: 'en', back });
      assert.equal(res.status, 303, JSON.stringify(back));
      assert.equal(res.headers.get('location'), expected, JSON.stringify(back));
    }
  });
});

describe('the sign-in form bounds what it is given before any query', () => {
  async function attempt(username: string, lang?: 'en') {
    const before = { throttle: await countRows(t.database, 'kernel_throttle'), audit: await countRows(t.database, 'kernel_audit_log') };
    const c = new Client(t.app);
    if (lang) c.cookies.set('itg_lang', lang);
    await c.get('/login');
    const res = await c.post('/login', { username, password: 'apa-saja-123' });
    const html = await res.text();
    return {
      res, html,
      throttleRows: (await countRows(t.database, 'kernel_throttle')) - before.throttle,
      auditRows: (await countRows(t.database, 'kernel_audit_log')) - before.audit,
    };
  }

  const cases: [string, string, RegExp, RegExp][] = [
    ['a NUL in the username', 'admin\u0000', /karakter kendali/, /control characters/],
    ['another control character', 'ad\u001bmin', /karakter kendali/, /control characters/],
    ['a 20 KB username', 'a'.repeat(20 * 1024), /Nama pengguna terlalu panjang: paling banyak 100 karakter\./, /The username is too long: at most 100 characters\./],
    ['101 characters', 'b'.repeat(101), /Nama pengguna terlalu panjang/, /The username is too long/],
  ];

  for (const [what, username, id, en] of cases) {
    test(`${what}: 400 with a message beside the field, nothing stored, the value not shown back`, async () => {
      const r = await attempt(username);
      assert.equal(r.res.status, 400);
      assert.match(r.html, id);
      assert.match(r.html, /aria-invalid="true"/);
      assert.equal(r.throttleRows, 0, 'a throttle row');
      assert.equal(r.auditRows, 0, 'an audit entry');
      assert.ok(r.html.length < 20_000, `the page echoes the value (${r.html.length} characters)`);
      assert.ok(!r.html.includes(username.slice(0, 60)), 'the refused username is shown back');
      const e = await attempt(username, 'en');
      assert.equal(e.res.status, 400);
      assert.match(e.html, en);
    });
  }

  test('100 characters is still an ordinary failed sign-in', async () => {
    const r = await attempt('c'.repeat(100));
    assert.equal(r.res.status, 401);
    assert.match(r.html, /Nama pengguna atau kata sandi salah\./);
  });

  test('throttle keys are keyed hashes: neither the username nor the address is stored', async () => {
    const c = new Client(t.app);
    await c.get('/login');
    assert.equal((await c.post('/login', { username: 'Penebak.Rahasia', password: 'salah-salah-1' })).status, 401);
    const rows = await t.database.query<{ key: string }>("select key from kernel_throttle where kind like 'login.%'");
    assert.ok(rows.length >= 3, 'account, account+client and client');
    for (const { key } of rows) {
      assert.match(key, /^[apc]:[A-Za-z0-9_-]{43}$/, key);
      assert.ok(!/penebak|local/i.test(key), key);
    }
  });
});

describe('request bodies: 1 MB unless the route declares uploads', () => {
  test('every route declares its limit; only routes that take files declare more than the default', () => {
    for (const d of t.router.declared) {
      assert.ok(d.bodyLimit >= DEFAULT_BODY_LIMIT, `${d.method} ${d.path}`);
      if (d.method === 'GET') assert.equal(d.bodyLimit, DEFAULT_BODY_LIMIT, `${d.method} ${d.path}`);
    }
    const uploads = t.router.declared.filter((d) => d.bodyLimit > DEFAULT_BODY_LIMIT).map((d) => d.path);
    for (const p of ['/evidence', '/pengaduan', '/wbs/lapor', '/admin/people/import', '/tim-zi/decree', '/pencanangan/photos']) {
      assert.ok(uploads.includes(p), `${p} takes files but declares no upload limit`);
    }
    for (const p of ['/login', '/lang', '/account/password', '/admin/units', '/logout']) {
      assert.ok(!uploads.includes(p), `${p} takes no files but declares an upload limit`);
    }
  });

  test('a 2 MB post to an ordinary route is refused with 413 and the message, before anything happens', async () => {
    const big = 'x'.repeat(2 * 1024 * 1024);
    const anon = new Client(t.app);
    await anon.get('/login');
    const sessions = await countRows(t.database, 'kernel_sessions');
    const login = await anon.post('/login', { username: 'admin', password: DEMO_PASSWORD, filler: big });
    assert.equal(login.status, 413);
    assert.match(await login.text(), /Data yang dikirim terlalu besar/);
    assert.equal(await countRows(t.database, 'kernel_sessions'), sessions);

    const admin = await loggedIn(t.app, 'admin');
    const units = await countRows(t.database, 'org_units');
    const res = await admin.post('/admin/units', { code: 'BESAR', name: big, shortName: 'Besar', kind: 'dinas', isActive: '1' });
    assert.equal(res.status, 413);
    assert.match(await res.text(), /Data yang dikirim terlalu besar/);
    assert.equal(await countRows(t.database, 'org_units'), units);
    // also when no length is announced (a stream is counted as it arrives)
    const body = new URLSearchParams({ _csrf: admin.csrf, code: 'BESAR2', name: big, shortName: 'B', kind: 'dinas' }).toString();
    const stream = new ReadableStream({ start(ctrl) { ctrl.enqueue(new TextEncoder().encode(body)); ctrl.close(); } });
    const chunked = await t.app.request('/admin/units', {
      method: 'POST', body: stream, duplex: 'half',
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    } as RequestInit);
    assert.equal(chunked.status, 413);
    assert.equal(await countRows(t.database, 'org_units'), units);
    // a little under the limit goes through to the route
    const ok = await admin.post('/admin/units', { code: 'HAMPIR', name: 'Unit Hampir Besar', shortName: 'Hampir', kind: 'dinas', isActive: '1', filler: 'y'.repeat(DEFAULT_BODY_LIMIT - 4096) });
    assert.equal(ok.status, 303);
  });

  test('an upload route still takes a 9 MB file', async () => {
    assert.ok(uploadBodyLimit(1) > MAX_EVIDENCE_BYTES);
    const ketua = await loggedIn(t.app, 'ketua.zi');
    const [unit] = await t.database.query<{ id: string }>(`select id from org_units where code = 'DPMPTSPKUKM'`);
    const bytes = new Uint8Array(9 * 1024 * 1024).fill(0x20);
    bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
    const fd = new FormData();
    fd.set('file', new File([bytes], 'sembilan-mb.pdf', { type: 'application/pdf' }));
    fd.set('unitId', unit.id);
    fd.set('title', 'Berkas sembilan MB');
    const before = await countRows(t.database, 'evidence_files');
    const res = await ketua.postMultipart('/evidence', fd);
    assert.equal(res.status, 303, await res.text());
    assert.equal(await countRows(t.database, 'evidence_files'), before + 1);
  });
});

describe('logs never carry what people typed', () => {
  const SECRET_WORDS = 'Kepala seksi meminta uang rokok lima ratus ribu';

  test('a failed insert on a public form logs the route and the error code, not its parameters', async () => {
    const lines: string[] = [];
    const app = buildApp(t.config, t.database, { log: (lvl, msg, extra) => { lines.push(`${lvl} ${msg} ${inspect(extra, { depth: 8 })}`); } });
    const [unit] = await t.database.query<{ id: string }>(`select id from org_units where code = 'DPMPTSPKUKM'`);
    // the database refuses every new complaint (a check that always fails: SQLSTATE 23514)
    await t.database.query('alter table complaints_complaints add constraint always_refused check (false) not valid');
    try {
      const citizen = new Client(app.app);
      await citizen.get('/pengaduan');
      const fd = new FormData();
      for (const [k, v] of Object.entries({ unitId: unit.id, category: 'perizinan', subject: 'Pungutan liar di loket', description: SECRET_WORDS, eventDate: '2026-11-02', anonymous: '1' })) fd.set(k, v);
      const res = await citizen.postMultipart('/pengaduan', fd);
      assert.equal(res.status, 500);
      const page = await res.text();
      assert.ok(!page.includes(SECRET_WORDS), 'the page shows the citizen\'s words back in an error');
    } finally {
      await t.database.query('alter table complaints_complaints drop constraint always_refused');
    }
    const log = lines.join('\n');
    assert.match(log, /unhandled error on POST \/pengaduan/);
    assert.match(log, /23514/, 'the SQLSTATE is logged');
    assert.ok(!log.includes(SECRET_WORDS), `the log carries the citizen's words:\n${log.slice(0, 2000)}`);
    assert.ok(!log.includes('Pungutan liar'), 'the log carries the subject');
    assert.ok(!/insert into/i.test(log), 'the log carries the query');
  });

  test('the console logger writes an error as its class, code and frames only', () => {
    const err = Object.assign(new Error(`Failed query: insert into x values ($1)\nparams: ${SECRET_WORDS}`), { code: '23505', detail: `Key (subject)=(${SECRET_WORDS}) already exists.` });
    const wrapped = new Error(`Failed query: params: ${SECRET_WORDS}`, { cause: err });
    const written: string[] = [];
    const spy = mock.method(console, 'error', (...args: unknown[]) => { written.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 8 }))).join(' ')); });
    try {
      consoleLogger('error')('error', 'unhandled error on POST /pengaduan', wrapped);
    } finally {
      spy.mock.restore();
    }
    assert.equal(written.length, 1);
    assert.match(written[0], /unhandled error on POST \/pengaduan/);
    assert.match(written[0], /"code":"23505"/);
    assert.ok(!written[0].includes(SECRET_WORDS), written[0]);
    const d = describeError(wrapped);
    assert.equal(d.error, 'Error');
    assert.deepEqual(d.cause, { error: 'Error', code: '23505' });
    assert.ok(d.at && d.at.length > 0 && d.at.every((l) => l.startsWith('at ')));
  });
});
