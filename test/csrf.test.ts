// CSRF: every state-changing request needs the HMAC token bound to the visitor's own cookie, and a
// cross-site Origin is refused outright. A refused request changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Client, countRows, createTestApp, loggedIn, type TestApp } from './helpers.ts';

let t: TestApp;
before(async () => { t = await createTestApp(); });
after(async () => { await t.close(); });

let n = 0;
const unitForm = () => {
  n++;
  return { code: `CSRF-${n}`, name: `Unit Uji CSRF ${n}`, shortName: `CSRF ${n}`, kind: 'dinas', isActive: '1' };
};

async function passwordHashOf(username: string): Promise<string> {
  const [r] = await t.database.query<{ h: string }>('select password_hash as h from kernel_accounts where username = $1', [username]);
  return r.h;
}

/** Posts a unit as the given client and reports the status and whether a unit was created. */
async function tryCreateUnit(c: Client, opts: Parameters<Client['post']>[2] = {}) {
  const before = await countRows(t.database, 'org_units');
  const auditBefore = await countRows(t.database, 'kernel_audit_log');
  const res = await c.post('/admin/units', unitForm(), opts);
  const created = (await countRows(t.database, 'org_units')) - before;
  const audited = (await countRows(t.database, 'kernel_audit_log')) - auditBefore;
  return { res, created, audited };
}

describe('CSRF on a signed-in form', () => {
  test('control: the admin\'s own token is accepted', async () => {
    const admin = await loggedIn(t.app, 'admin');
    const { res, created } = await tryCreateUnit(admin);
    assert.equal(res.status, 303);
    assert.equal(created, 1);
  });

  test('without a token: 403 and nothing changes', async () => {
    const admin = await loggedIn(t.app, 'admin');
    const { res, created, audited } = await tryCreateUnit(admin, { csrf: false });
    assert.equal(res.status, 403);
    assert.match(await res.text(), /Formulir ini sudah kedaluwarsa/);
    assert.equal(created, 0);
    assert.equal(audited, 0);
  });

  test('with a wrong token: 403', async () => {
    const admin = await loggedIn(t.app, 'admin');
    for (const bad of ['x', 'A'.repeat(43), admin.csrf.slice(0, -1) + (admin.csrf.endsWith('A') ? 'B' : 'A'), '']) {
      const { res, created } = await tryCreateUnit(admin, { csrf: bad });
      assert.equal(res.status, 403, `token ${JSON.stringify(bad)}`);
      assert.equal(created, 0);
    }
  });

  test('with a token issued to another visitor: 403', async () => {
    const admin = await loggedIn(t.app, 'admin');
    const stranger = new Client(t.app);
    await stranger.get('/login');
    assert.ok(stranger.csrf && stranger.csrf !== admin.csrf);
    const { res, created } = await tryCreateUnit(admin, { csrf: stranger.csrf });
    assert.equal(res.status, 403);
    assert.equal(created, 0);
    // and another signed-in user's token is no better
    const other = await loggedIn(t.app, 'bupati');
    const second = await tryCreateUnit(admin, { csrf: other.csrf });
    assert.equal(second.res.status, 403);
    assert.equal(second.created, 0);
  });

  test('the token is bound to the cookie: a valid token without its cookie is refused', async () => {
    const admin = await loggedIn(t.app, 'admin');
    admin.cookies.delete('itg_csrf');
    const { res, created } = await tryCreateUnit(admin);
    assert.equal(res.status, 403);
    assert.equal(created, 0);
  });

  test('a cross-site Origin is refused even with a valid token; the same origin passes', async () => {
    const admin = await loggedIn(t.app, 'admin');
    for (const origin of ['https://evil.example', 'http://localhost.evil.example', 'http://localhost:8080', 'not a url']) {
      const { res, created } = await tryCreateUnit(admin, { headers: { origin, host: 'localhost' } });
      assert.equal(res.status, 403, origin);
      assert.equal(created, 0, origin);
    }
    const same = await tryCreateUnit(admin, { headers: { origin: 'http://localhost', host: 'localhost' } });
    assert.equal(same.res.status, 303);
    assert.equal(same.created, 1);
  });

  test('the x-csrf-token header works in place of the form field', async () => {
    const admin = await loggedIn(t.app, 'admin');
    const ok = await tryCreateUnit(admin, { csrf: false, headers: { 'x-csrf-token': admin.csrf } });
    assert.equal(ok.res.status, 303);
    assert.equal(ok.created, 1);
    const bad = await tryCreateUnit(admin, { csrf: false, headers: { 'x-csrf-token': 'nope' } });
    assert.equal(bad.res.status, 403);
    assert.equal(bad.created, 0);
  });

  test('a JSON body cannot smuggle the token', async () => {
    const admin = await loggedIn(t.app, 'admin');
    const before = await countRows(t.database, 'org_units');
    const res = await admin.request('POST', '/admin/units', {
      body: JSON.stringify({ ...unitForm(), _csrf: admin.csrf }),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(res.status, 403);
    assert.equal(await countRows(t.database, 'org_units'), before);
  });

  test('a multipart form carries the token like a url-encoded one', async () => {
    const admin = await loggedIn(t.app, 'admin');
    const withToken = new FormData();
    for (const [k, v] of Object.entries(unitForm())) withToken.set(k, v);
    const before = await countRows(t.database, 'org_units');
    assert.equal((await admin.postMultipart('/admin/units', withToken)).status, 303);
    const without = new FormData();
    for (const [k, v] of Object.entries(unitForm())) without.set(k, v);
    assert.equal((await admin.postMultipart('/admin/units', without, { csrf: false })).status, 403);
    assert.equal(await countRows(t.database, 'org_units'), before + 1);
  });

  test('changing one\'s password without a token: 403 and the password stays', async () => {
    const c = await loggedIn(t.app, 'anggota.zi');
    const hash = await passwordHashOf('anggota.zi');
    const form = { current: 'DemoZI-2026!', next: 'Sandi-Baru-Yang-Kuat-1', confirm: 'Sandi-Baru-Yang-Kuat-1' };
    assert.equal((await c.post('/account/password', form, { csrf: false })).status, 403);
    assert.equal((await c.post('/account/password', form, { csrf: 'forged' })).status, 403);
    assert.equal(await passwordHashOf('anggota.zi'), hash);
  });

  test('signing out without a token is refused and the session survives', async () => {
    const c = await loggedIn(t.app, 'pegawai');
    const sessions = await countRows(t.database, 'kernel_sessions');
    assert.equal((await c.post('/logout', {}, { csrf: false })).status, 403);
    assert.equal(await countRows(t.database, 'kernel_sessions'), sessions);
    assert.equal((await c.get('/account')).status, 200);
  });
});

describe('the token is bound to the session', () => {
  test('a token from before sign-in no longer works after it; the CSRF cookie is replaced at sign-in', async () => {
    const c = new Client(t.app);
    await c.get('/login');
    const before = { token: c.csrf, cookie: c.cookies.get('itg_csrf') };
    assert.equal((await c.post('/login', { username: 'admin', password: 'DemoZI-2026!' })).status, 303);
    assert.notEqual(c.cookies.get('itg_csrf'), before.cookie, 'the CSRF cookie survived sign-in');
    const { res, created } = await tryCreateUnit(c, { csrf: before.token });
    assert.equal(res.status, 403);
    assert.equal(created, 0);
    // even with the old cookie put back (a planted cookie and its token)
    c.cookies.set('itg_csrf', before.cookie!);
    const planted = await tryCreateUnit(c, { csrf: before.token });
    assert.equal(planted.res.status, 403);
    assert.equal(planted.created, 0);
  });

  test('another session\'s token is refused, even with the same CSRF cookie', async () => {
    const a = await loggedIn(t.app, 'admin');
    const b = await loggedIn(t.app, 'admin');
    // b carries a's CSRF cookie: only the sessions differ
    b.cookies.set('itg_csrf', a.cookies.get('itg_csrf')!);
    await b.get('/');
    assert.notEqual(b.csrf, a.csrf, 'two sessions got the same token');
    const { res, created } = await tryCreateUnit(b, { csrf: a.csrf });
    assert.equal(res.status, 403);
    assert.equal(created, 0);
    const own = await tryCreateUnit(b);
    assert.equal(own.res.status, 303, 'its own token works');
    assert.equal(own.created, 1);
  });

  test('after sign-out the session\'s token is worthless', async () => {
    const c = await loggedIn(t.app, 'admin');
    const token = c.csrf;
    assert.equal((await c.post('/logout')).status, 303);
    const res = await c.post('/lang', { locale: 'id', back: '/' }, { csrf: token });
    assert.equal(res.status, 403);
  });

  test('Origin: null is cross-site: refused even with a valid token', async () => {
    const admin = await loggedIn(t.app, 'admin');
    const { res, created } = await tryCreateUnit(admin, { headers: { origin: 'null', host: 'localhost' } });
    assert.equal(res.status, 403);
    assert.equal(created, 0);
    const anon = new Client(t.app);
    await anon.get('/login');
    const login = await anon.post('/login', { username: 'admin', password: 'DemoZI-2026!' }, { headers: { origin: 'null' } });
    assert.equal(login.status, 403);
    assert.equal(anon.cookies.has('itg_session'), false);
  });
});

describe('CSRF before sign-in', () => {
  test('a login POST without a token is 403 and creates no session', async () => {
    const c = new Client(t.app);
    await c.get('/login');
    const sessions = await countRows(t.database, 'kernel_sessions');
    const res = await c.post('/login', { username: 'admin', password: 'DemoZI-2026!' }, { csrf: false });
    assert.equal(res.status, 403);
    assert.equal(c.cookies.has('itg_session'), false);
    assert.equal(await countRows(t.database, 'kernel_sessions'), sessions);
  });

  test('a login POST from another site is 403 (login CSRF)', async () => {
    const c = new Client(t.app);
    await c.get('/login');
    const res = await c.post('/login', { username: 'admin', password: 'DemoZI-2026!' }, { headers: { origin: 'https://evil.example', host: 'localhost' } });
    assert.equal(res.status, 403);
    assert.equal(c.cookies.has('itg_session'), false);
  });

  test('a visitor without any cookie gets one, and the token on the page matches it', async () => {
    const c = new Client(t.app);
    const res = await c.get('/login');
    assert.equal(res.status, 200);
    assert.ok(c.cookies.has('itg_csrf'));
    assert.ok(c.csrf.length > 20);
    const ok = await c.post('/login', { username: 'admin', password: 'DemoZI-2026!' });
    assert.equal(ok.status, 303);
  });
});
