// Security headers on every kind of response, static files, and no open redirects.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApp } from '../src/main.ts';
import { Client, createTestApp, DEMO_PASSWORD, loggedIn, type TestApp } from './helpers.ts';

let t: TestApp;
before(async () => { t = await createTestApp(); });
after(async () => { await t.close(); });

/** Parses a CSP header into directive → sources. */
function csp(res: Response): Map<string, string[]> {
  const header = res.headers.get('content-security-policy');
  assert.ok(header, 'no Content-Security-Policy header');
  return new Map(header.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...sources] = d.split(/\s+/);
    return [name.toLowerCase(), sources] as const;
  }));
}

function assertSecurityHeaders(res: Response, what: string) {
  const policy = csp(res);
  const scripts = policy.get('script-src') ?? policy.get('default-src');
  assert.ok(scripts, `${what}: CSP restricts neither script-src nor default-src`);
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:']) {
    assert.ok(!scripts.includes(bad), `${what}: script sources allow ${bad}`);
  }
  assert.deepEqual(policy.get('frame-ancestors'), ["'none'"], `${what}: frame-ancestors`);
  assert.deepEqual(policy.get('object-src'), ["'none'"], `${what}: object-src`);
  assert.ok(policy.get('base-uri'), `${what}: base-uri unrestricted`);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', `${what}: X-Content-Type-Options`);
  const referrer = res.headers.get('referrer-policy');
  assert.ok(referrer && ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(referrer), `${what}: Referrer-Policy ${referrer}`);
  assert.equal(res.headers.get('x-frame-options'), 'DENY', `${what}: X-Frame-Options`);
}

/** What the CSP would block anyway, and so must not be relied on by a page. */
function assertNoInlineCode(html: string, what: string) {
  const inlineScript = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter((m) => !/\bsrc=/.test(m[1]) || m[2].trim() !== '');
  assert.deepEqual(inlineScript.map((m) => m[0].slice(0, 80)), [], `${what}: inline <script>`);
  const handlers = html.match(/<[^>]+\son[a-z]+\s*=/gi) ?? [];
  assert.deepEqual(handlers, [], `${what}: inline event handler`);
  assert.ok(!/href\s*=\s*"javascript:/i.test(html), `${what}: javascript: URL`);
  assert.ok(!/\sstyle\s*=/i.test(html), `${what}: inline style attribute (blocked by style-src 'self')`);
}

describe('security headers', () => {
  test('on public and signed-in pages', async () => {
    const anon = new Client(t.app);
    const login = await anon.get('/login');
    assert.equal(login.status, 200);
    assertSecurityHeaders(login, 'GET /login');
    assertNoInlineCode(await login.text(), '/login');
    assert.equal(login.headers.get('cache-control'), 'no-store');

    const admin = await loggedIn(t.app, 'admin');
    for (const path of ['/', '/units', '/people', '/admin/accounts', '/admin/audit', '/notifications', '/account', '/account/password', '/admin/units/new', '/admin/people/import']) {
      const res = await admin.get(path);
      assert.equal(res.status, 200, path);
      assertSecurityHeaders(res, path);
      assertNoInlineCode(await res.text(), path);
      assert.equal(res.headers.get('cache-control'), 'no-store', `${path}: pages with personal data must not be cached`);
    }
  });

  test('on redirects and on error pages', async () => {
    const anon = new Client(t.app);
    const redirect = await anon.get('/people');
    assert.equal(redirect.status, 303);
    assertSecurityHeaders(redirect, 'redirect to login');

    const notFound = await anon.get('/tidak-ada-halaman-ini');
    assert.equal(notFound.status, 404);
    assertSecurityHeaders(notFound, '404');
    assertNoInlineCode(await notFound.text(), '404 page');

    const pegawai = await loggedIn(t.app, 'pegawai');
    const forbidden = await pegawai.get('/admin/accounts');
    assert.equal(forbidden.status, 403);
    assertSecurityHeaders(forbidden, '403');
    assertNoInlineCode(await forbidden.text(), '403 page');

    const csrf = await pegawai.post('/account/password', {}, { csrf: false });
    assert.equal(csrf.status, 403);
    assertSecurityHeaders(csrf, 'CSRF 403');

    const unauth = await new Client(t.app).get('/people', { accept: 'application/json' });
    assert.equal(unauth.status, 401);
    assertSecurityHeaders(unauth, '401 JSON');

    // refused by the body limit, before the visitor is even identified
    const big = 'x'.repeat(13 * 1024 * 1024);
    const tooLarge = await pegawai.request('POST', '/account/password', {
      body: big,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(big.length), 'x-csrf-token': pegawai.csrf },
    });
    assert.equal(tooLarge.status, 413);
    assertSecurityHeaders(tooLarge, 'oversized body');
    const page = await tooLarge.text();
    assert.match(page, /Data yang dikirim terlalu besar/);
    assertNoInlineCode(page, 'oversized body page');
  });

  test('on an unexpected error (500), which reveals nothing', async () => {
    const other = buildApp(t.config, t.database, { log: () => {} });
    other.router.get('/boom', 'kernel.health', () => { throw new Error('secret stack detail: password=hunter2'); });
    const res = await new Client(other.app).get('/boom');
    assert.equal(res.status, 500);
    assertSecurityHeaders(res, '500');
    const body = await res.text();
    assert.ok(!body.includes('hunter2') && !body.includes('secret stack'), 'the error leaks into the page');
    assert.match(body, /Terjadi kesalahan pada sistem/);
  });

  test('HSTS only in production', async () => {
    const res = await new Client(t.app).get('/login');
    assert.equal(res.headers.get('strict-transport-security'), null);
  });
});

describe('static files', () => {
  test('are served with their content type, nosniff and caching', async () => {
    const c = new Client(t.app);
    const cases: [string, RegExp][] = [
      ['/static/app.css', /^text\/css/],
      ['/static/app.js', /^(?:text|application)\/javascript/],
      ['/static/favicon.svg', /^image\/svg\+xml/],
    ];
    for (const [path, type] of cases) {
      const res = await c.get(path);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type') ?? '', type, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.match(res.headers.get('cache-control') ?? '', /max-age=\d+/, path);
      assert.ok((await res.arrayBuffer()).byteLength > 0, path);
      const etag = res.headers.get('etag');
      assert.ok(etag, path);
      const again = await c.get(path, { 'if-none-match': etag });
      assert.equal(again.status, 304, `${path}: conditional request`);
    }
  });

  test('only the known files; no path tricks', async () => {
    const c = new Client(t.app);
    for (const path of ['/static/nope.css', '/static/..%2Fpackage.json', '/static/%2e%2e%2fpackage.json', '/static/../package.json', '/static/app.css/../../package.json']) {
      const res = await c.get(path);
      assert.ok(res.status === 404, `${path}: ${res.status}`);
      const body = await res.text();
      assert.ok(!body.includes('"dependencies"'), `${path} served a file outside static/`);
    }
    const fav = await c.get('/favicon.ico');
    assert.equal(fav.status, 301);
    assert.equal(fav.headers.get('location'), '/static/favicon.svg');
  });
});

describe('no open redirects', () => {
  // the whole table of variants is in security.test.ts
  const evil = ['//evil.example', '//evil.example/login', 'https://evil.example', '/\\evil.example', 'http:evil.example', 'javascript:alert(1)', '\\\\evil.example', '/\t/evil.example/', '/.//evil.example'];

  test('the login page does not carry a foreign next into its form', async () => {
    for (const next of evil) {
      const c = new Client(t.app);
      const res = await c.get(`/login?next=${encodeURIComponent(next)}`);
      assert.equal(res.status, 200);
      const m = /name="next" value="([^"]*)"/.exec(await res.text());
      assert.ok(m, 'no next field');
      assert.equal(m[1], '', `next=${next} kept`);
    }
  });

  test('signing in with a foreign next lands on /', async () => {
    for (const next of evil) {
      const c = new Client(t.app);
      await c.get(`/login?next=${encodeURIComponent(next)}`);
      const res = await c.post('/login', { username: 'bupati', password: DEMO_PASSWORD, next });
      assert.equal(res.status, 303, next);
      assert.equal(res.headers.get('location'), '/', `next=${next}`);
    }
    // a local next is followed
    const c = new Client(t.app);
    await c.get('/login');
    const res = await c.post('/login', { username: 'bupati', password: DEMO_PASSWORD, next: '/units?x=1' });
    assert.equal(res.headers.get('location'), '/units?x=1');
  });

  test('switching language with a foreign way back lands on /', async () => {
    for (const back of evil) {
      const c = new Client(t.app);
      await c.get('/login');
      const res = await c.post('/lang', { locale: 'en', back });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/', `back=${back}`);
    }
  });
});
