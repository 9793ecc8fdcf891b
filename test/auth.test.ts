// Sign-in, throttling, password storage and changes, sessions and their cookie.
// All in-process requests share one client address ("local"), so this file stays well below the
// per-address limit (20 failures) while it exercises the per-account-and-client limit (5); other
// clients and the account-wide delay are exercised directly, with their own addresses and clock.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ACCOUNT_DELAY_BASE_MS, ACCOUNT_DELAY_MAX_MS, ACCOUNT_FREE_FAILURES, accountDelayMs, authenticate, createSession, findSession,
  SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, THROTTLE_MAX_PER_ACCOUNT_CLIENT, THROTTLE_MAX_PER_CLIENT, THROTTLE_WINDOW_MS,
} from '../src/kernel/auth.ts';
import { DomainError } from '../src/kernel/errors.ts';
import { Client, countRows, createTestApp, DEMO_PASSWORD, loggedIn, type TestApp } from './helpers.ts';

let t: TestApp;
let secret: string;
before(async () => { t = await createTestApp(); secret = t.config.secretKey; });
after(async () => { await t.close(); });

const FAILED = 'Nama pengguna atau kata sandi salah.';

async function accountId(username: string): Promise<string> {
  const [r] = await t.database.query<{ id: string }>('select id from kernel_accounts where username = $1', [username]);
  return r.id;
}
async function sessionsOf(username: string): Promise<number> {
  const [r] = await t.database.query<{ n: number }>('select count(*)::int as n from kernel_sessions where account_id = $1', [await accountId(username)]);
  return Number(r.n);
}
async function hashOf(username: string): Promise<string> {
  const [r] = await t.database.query<{ h: string }>('select password_hash as h from kernel_accounts where username = $1', [username]);
  return r.h;
}
/** The alert shown on the login page, if any. */
function alertOf(html: string): string | null {
  return /<div class="alert alert--error" role="alert">([^<]*)<\/div>/.exec(html)?.[1] ?? null;
}
async function tryLogin(username: string, password: string) {
  const c = new Client(t.app);
  await c.get('/login');
  const res = await c.post('/login', { username, password });
  const html = res.status === 303 ? '' : await res.text();
  return { c, res, status: res.status, alert: alertOf(html), html };
}
/** Is the client still signed in? (a protected page answers 200, not a redirect to /login) */
async function signedIn(c: Client): Promise<boolean> {
  const res = await c.get('/account');
  if (res.status === 200) return true;
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location') ?? '', /^\/login/);
  return false;
}

describe('signing in', () => {
  test('a wrong password and an unknown username look exactly the same', async () => {
    const wrong = await tryLogin('bupati', 'bukan-sandinya');
    const unknown = await tryLogin('tidak.ada', 'bukan-sandinya');
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, wrong.status);
    assert.equal(wrong.alert, FAILED);
    assert.equal(unknown.alert, FAILED);
    // the pages differ only in the username echoed back into the form (and each visitor's CSRF token)
    const normal = (html: string, username: string) => html.replaceAll(`value="${username}"`, 'value="U"').replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf"');
    assert.equal(normal(unknown.html, 'tidak.ada'), normal(wrong.html, 'bupati'));
    assert.equal(wrong.c.cookies.has('itg_session'), false);
    assert.equal(unknown.c.cookies.has('itg_session'), false);
  });

  test('a correct login sets a session and follows a local next', async () => {
    const c = new Client(t.app);
    await c.get('/login?next=/people');
    const res = await c.post('/login', { username: 'ADMIN', password: DEMO_PASSWORD, next: '/people' });
    assert.equal(res.status, 303, 'usernames are case-insensitive');
    assert.equal(res.headers.get('location'), '/people');
    assert.ok(c.cookies.has('itg_session'));
    assert.equal(await signedIn(c), true);
  });

  test('after 5 failures from one client the account is throttled there, even with the right password; other accounts still work', async () => {
    assert.equal(THROTTLE_MAX_PER_ACCOUNT_CLIENT, 5);
    for (let i = 0; i < THROTTLE_MAX_PER_ACCOUNT_CLIENT; i++) {
      const r = await tryLogin('koordinator', `salah-${i}`);
      assert.equal(r.status, 401, `attempt ${i + 1}`);
    }
    const sessions = await sessionsOf('koordinator');
    const blocked = await tryLogin('koordinator', DEMO_PASSWORD);
    assert.equal(blocked.status, 429);
    assert.equal(blocked.alert, 'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit.');
    assert.equal(blocked.c.cookies.has('itg_session'), false);
    assert.equal(await sessionsOf('koordinator'), sessions);
    // the block is on the account, whatever the case of the name
    assert.equal((await tryLogin('Koordinator', DEMO_PASSWORD)).status, 429);
    // another account from the same address is unaffected
    const other = await tryLogin('ketua.zi', DEMO_PASSWORD);
    assert.equal(other.status, 303);
  });

  test('a success clears the failure count of the account', async () => {
    for (let i = 0; i < THROTTLE_MAX_PER_ACCOUNT_CLIENT - 1; i++) assert.equal((await tryLogin('sekretaris.zi', 'salah')).status, 401);
    assert.equal((await tryLogin('sekretaris.zi', DEMO_PASSWORD)).status, 303);
    assert.equal((await tryLogin('sekretaris.zi', 'salah')).status, 401);
    assert.equal((await tryLogin('sekretaris.zi', DEMO_PASSWORD)).status, 303, 'one failure after a success must not throttle');
  });

  test('many failures from one address throttle that address (checked directly, with its own address)', async () => {
    const db = t.database.db;
    const client = '203.0.113.7';
    for (let i = 0; i < THROTTLE_MAX_PER_CLIENT; i++) {
      await assert.rejects(authenticate(db, `tebak${i}`, 'x', client, { secret }), (e: unknown) => e instanceof DomainError && e.code === 'auth.login.failed');
    }
    await assert.rejects(authenticate(db, 'wbs', DEMO_PASSWORD, client, { secret }), (e: unknown) => e instanceof DomainError && e.kind === 'throttled');
    const ok = await authenticate(db, 'wbs', DEMO_PASSWORD, '203.0.113.8', { secret });
    assert.equal(ok.username, 'wbs');
  });

  test('passwords are stored as argon2id hashes', async () => {
    const rows = await t.database.query<{ username: string; h: string }>('select username, password_hash as h from kernel_accounts');
    assert.ok(rows.length > 5);
    for (const r of rows) {
      assert.match(r.h, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/, r.username);
      assert.ok(!r.h.includes(DEMO_PASSWORD));
    }
  });
});

describe('throttling per account and client, with a growing delay for the account as a whole', () => {
  const isCode = (code: string) => (e: unknown) => e instanceof DomainError && e.code === code;
  const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

  test('the account-wide delay grows with each failure and is capped (a table of failures → delay)', () => {
    assert.equal(ACCOUNT_FREE_FAILURES, 5);
    const table: [number, number][] = [[0, 0], [1, 0], [4, 0], [5, 2_000], [6, 4_000], [7, 8_000], [8, 16_000], [9, 32_000], [10, 60_000], [11, 60_000], [50, 60_000]];
    for (const [failures, delay] of table) assert.equal(accountDelayMs(failures), delay, `${failures} failures`);
    assert.equal(ACCOUNT_DELAY_BASE_MS, 2_000);
    assert.equal(ACCOUNT_DELAY_MAX_MS, 60_000);
  });

  test('an attacker on one client cannot lock the owner out on another', async () => {
    const db = t.database.db;
    const start = new Date(Date.now() + 24 * 3600_000); // a clock of its own, clear of the other tests
    const attacker = '198.51.100.66';
    // the attacker keeps trying for a quarter of an hour: after five failures only that client is blocked
    for (let i = 0; i < 30; i++) {
      const when = at(start, i * 30_000);
      await assert.rejects(authenticate(db, 'pegawai.dukcapil', `tebakan-${i}`, attacker, { secret, now: when }),
        isCode(i < THROTTLE_MAX_PER_ACCOUNT_CLIENT ? 'auth.login.failed' : 'auth.login.throttled'), `attempt ${i + 1}`);
    }
    // blocked there even with the right password
    await assert.rejects(authenticate(db, 'pegawai.dukcapil', DEMO_PASSWORD, attacker, { secret, now: at(start, 15 * 30_000) }), isCode('auth.login.throttled'));
    // the owner, at the office, signs in while the attacker is still blocked
    const owner = await authenticate(db, 'pegawai.dukcapil', DEMO_PASSWORD, '192.0.2.10', { secret, now: at(start, 15 * 30_000 + 1000) });
    assert.equal(owner.username, 'pegawai.dukcapil');
    // and over HTTP (the proxy names the client): one client's failures leave another's sign-in alone
    const proxied = await createTestApp({ seed: 'org', config: { trustedProxies: ['local'] } });
    try {
      const as = (addr: string) => ({ headers: { 'x-forwarded-for': addr } });
      const bad = new Client(proxied.app);
      await bad.get('/login');
      for (let i = 0; i < THROTTLE_MAX_PER_ACCOUNT_CLIENT; i++) assert.equal((await bad.post('/login', { username: 'kadis', password: `salah-${i}` }, as('198.51.100.7'))).status, 401);
      assert.equal((await bad.post('/login', { username: 'kadis', password: DEMO_PASSWORD }, as('198.51.100.7'))).status, 429);
      await new Promise((r) => setTimeout(r, ACCOUNT_DELAY_BASE_MS + 100)); // the account's short delay after five failures
      const good = new Client(proxied.app);
      await good.get('/login');
      assert.equal((await good.post('/login', { username: 'kadis', password: DEMO_PASSWORD }, as('192.0.2.20'))).status, 303);
    } finally {
      await proxied.close();
    }
  });

  test('guesses spread over many clients meet a delay that grows, never a block', async () => {
    const db = t.database.db;
    const start = new Date(Date.now() + 48 * 3600_000);
    let now = start.getTime();
    const seen: number[] = [];
    for (let i = 0; i < 9; i++) {
      const client = `198.51.100.${100 + i}`; // a new address each time: no client limit applies
      await assert.rejects(authenticate(db, 'tpi', `tebakan-${i}`, client, { secret, now: new Date(now) }), isCode('auth.login.failed'), `guess ${i + 1}`);
      const delay = accountDelayMs(i + 1);
      if (delay > 0) {
        // within the delay every client is asked to wait (the owner too), with the seconds left
        await assert.rejects(authenticate(db, 'tpi', DEMO_PASSWORD, '192.0.2.30', { secret, now: new Date(now + 1) }), (e: unknown) => {
          assert.ok(e instanceof DomainError && e.code === 'auth.login.delayed', String(e));
          seen.push(Number(e.params.seconds));
          return true;
        });
      }
      now += delay;
    }
    assert.deepEqual(seen, [2, 4, 8, 16, 32], 'the wait grows with each failure');
    // the owner gets in as soon as the current delay is over, and that resets the account's count
    const owner = await authenticate(db, 'tpi', DEMO_PASSWORD, '192.0.2.30', { secret, now: new Date(now) });
    assert.equal(owner.username, 'tpi');
    await assert.rejects(authenticate(db, 'tpi', 'lagi-salah', '198.51.100.200', { secret, now: new Date(now + 1000) }), isCode('auth.login.failed'));
    assert.ok(await authenticate(db, 'tpi', DEMO_PASSWORD, '192.0.2.30', { secret, now: new Date(now + 2000) }));
    // failures older than the window are forgotten
    assert.ok(THROTTLE_WINDOW_MS >= ACCOUNT_DELAY_MAX_MS);
  });

  test('the delay message, in both languages', async () => {
    const i18n = t.i18n;
    assert.equal(i18n.translator('id')('auth.login.delayed', { seconds: 8 }), 'Akun ini baru saja menerima banyak percobaan masuk yang gagal. Tunggu 8 detik, lalu coba lagi.');
    assert.equal(i18n.translator('en')('auth.login.delayed', { seconds: 8 }), 'This account has just had many failed sign-in attempts. Wait 8 seconds, then try again.');
  });
});

describe('sessions', () => {
  test('logging out deletes the session: the old cookie no longer works', async () => {
    const c = await loggedIn(t.app, 'pengaduan');
    const token = c.cookies.get('itg_session')!;
    assert.ok(token);
    assert.equal(await sessionsOf('pengaduan'), 1);
    const res = await c.post('/logout');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/login');
    assert.equal(c.cookies.has('itg_session'), false, 'the cookie is cleared');
    assert.equal(await sessionsOf('pengaduan'), 0, 'the session row is deleted');
    // replaying the stolen cookie gets nowhere
    const replay = new Client(t.app);
    replay.cookies.set('itg_session', token);
    assert.equal(await signedIn(replay), false);
  });

  test('a made-up or malformed session cookie is ignored and cleared', async () => {
    const c = new Client(t.app);
    c.cookies.set('itg_session', 'A'.repeat(43));
    assert.equal(await signedIn(c), false);
    c.cookies.set('itg_session', "'; drop table kernel_sessions; --");
    assert.equal(await signedIn(c), false);
    assert.ok((await countRows(t.database, 'kernel_sessions')) >= 0);
  });

  test('sessions end after 2 hours idle and 12 hours in all', async () => {
    const db = t.database.db;
    const id = await accountId('upg');
    const start = new Date('2026-03-02T01:00:00Z');
    const idle = await createSession(db, id, {}, start);
    assert.ok(await findSession(db, idle.token, new Date(start.getTime() + SESSION_IDLE_MS - 60_000)));
    const later = new Date(start.getTime() + SESSION_IDLE_MS - 60_000 + SESSION_IDLE_MS + 1);
    assert.equal(await findSession(db, idle.token, later), null, 'idle session still valid');
    assert.equal(await findSession(db, idle.token, start), null, 'an expired session is deleted, not just refused');

    const busy = await createSession(db, id, {}, start);
    let now = start.getTime();
    // active every 90 minutes: never idle, but the working day ends
    while (now + 90 * 60_000 < start.getTime() + SESSION_ABSOLUTE_MS) {
      now += 90 * 60_000;
      assert.ok(await findSession(db, busy.token, new Date(now)), `still valid at +${(now - start.getTime()) / 3_600_000} h`);
    }
    assert.equal(await findSession(db, busy.token, new Date(start.getTime() + SESSION_ABSOLUTE_MS)), null);
  });

  test('the session cookie is HttpOnly and SameSite=Lax (not Secure over plain http in development)', async () => {
    const c = new Client(t.app);
    await c.get('/login');
    const res = await c.post('/login', { username: 'ppid', password: DEMO_PASSWORD });
    assert.equal(res.status, 303);
    const cookie = res.headers.getSetCookie().find((s) => s.startsWith('itg_session='));
    assert.ok(cookie, 'no session cookie set');
    assert.match(cookie, /;\s*HttpOnly/i);
    assert.match(cookie, /;\s*SameSite=Lax/i);
    assert.match(cookie, /;\s*Path=\//i);
    assert.doesNotMatch(cookie, /;\s*Secure/i);
    const csrf = (await new Client(t.app).get('/login')).headers.getSetCookie().find((s) => s.startsWith('itg_csrf='));
    assert.ok(csrf);
    assert.match(csrf, /HttpOnly/i);
  });

  test('in production the cookies are Secure', async () => {
    const prod = await createTestApp({ config: { isProduction: true } });
    try {
      const c = new Client(prod.app);
      const page = await c.get('/login');
      assert.match(page.headers.getSetCookie().find((s) => s.startsWith('itg_csrf='))!, /;\s*Secure/i);
      const res = await c.post('/login', { username: 'admin', password: DEMO_PASSWORD });
      assert.equal(res.status, 303);
      const cookie = res.headers.getSetCookie().find((s) => s.startsWith('itg_session='));
      assert.ok(cookie);
      assert.match(cookie, /;\s*Secure/i);
      assert.match(cookie, /;\s*HttpOnly/i);
      assert.match(cookie, /;\s*SameSite=Lax/i);
      assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
    } finally {
      await prod.close();
    }
  });
});

describe('changing one\'s password', () => {
  const NEW = 'Pelangi-Sungailiat-77';

  test('the current password is required and must be right', async () => {
    const c = await loggedIn(t.app, 'anggota.zi');
    const hash = await hashOf('anggota.zi');
    let res = await c.post('/account/password', { current: 'salah-sekali', next: NEW, confirm: NEW });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /Kata sandi saat ini salah\./);
    res = await c.post('/account/password', { current: '', next: NEW, confirm: NEW });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /Masukkan kata sandi saat ini\./);
    assert.equal(await hashOf('anggota.zi'), hash);
  });

  test('weak or mismatched new passwords are refused with a message', async () => {
    const c = await loggedIn(t.app, 'anggota.zi');
    const hash = await hashOf('anggota.zi');
    const cases: [string, string, RegExp][] = [
      ['pendek1', 'pendek1', /Kata sandi minimal 10 karakter\./],
      ['aaaaaaaaaaaa', 'aaaaaaaaaaaa', /Kata sandi terlalu sederhana\./],
      ['xx-anggota.zi-xx', 'xx-anggota.zi-xx', /tidak boleh memuat nama pengguna/],
      [NEW, `${NEW}!`, /Konfirmasi kata sandi tidak sama\./],
      [DEMO_PASSWORD, DEMO_PASSWORD, /harus berbeda dari yang lama/],
    ];
    for (const [next, confirm, message] of cases) {
      const res = await c.post('/account/password', { current: DEMO_PASSWORD, next, confirm });
      assert.equal(res.status, 400, next);
      assert.match(await res.text(), message, next);
    }
    assert.equal(await hashOf('anggota.zi'), hash, 'a refused change altered the password');
  });

  test('a change keeps this session, ends the others, and only the new password works', async () => {
    const here = await loggedIn(t.app, 'anggota.zi');
    const elsewhere = await loggedIn(t.app, 'anggota.zi');
    assert.ok((await sessionsOf('anggota.zi')) >= 2);
    const res = await here.post('/account/password', { current: DEMO_PASSWORD, next: NEW, confirm: NEW });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/account');
    assert.match(await (await here.get('/account')).text(), /Kata sandi berhasil diganti/);
    assert.equal(await signedIn(here), true);
    assert.equal(await signedIn(elsewhere), false, 'the other session survived a password change');
    assert.equal(await sessionsOf('anggota.zi'), 1);
    assert.match(await hashOf('anggota.zi'), /^\$argon2id\$/);
    assert.equal((await tryLogin('anggota.zi', DEMO_PASSWORD)).status, 401);
    assert.equal((await tryLogin('anggota.zi', NEW)).status, 303);
    const [audit] = await t.database.query<{ action: string }>('select action from kernel_audit_log where action = $1', ['account.password_changed']);
    assert.ok(audit);
  });

  test('an account that must change its password is sent to do so first', async () => {
    await t.database.query('update kernel_accounts set must_change_password = true where username = $1', ['ppid']);
    const c = await loggedIn(t.app, 'ppid');
    for (const path of ['/', '/people', '/account']) {
      const res = await c.get(path);
      assert.equal(res.status, 303, path);
      assert.equal(res.headers.get('location'), '/account/password', path);
    }
    assert.equal((await c.get('/account/password')).status, 200);
    const res = await c.post('/account/password', { current: DEMO_PASSWORD, next: NEW, confirm: NEW });
    assert.equal(res.status, 303);
    assert.equal((await c.get('/')).status, 200, 'still redirected after changing the password');
  });
});

describe('deactivated accounts', () => {
  test('cannot sign in, and their open sessions end', async () => {
    const victim = await loggedIn(t.app, 'wbs');
    assert.equal(await signedIn(victim), true);
    const admin = await loggedIn(t.app, 'admin');
    const res = await admin.post(`/admin/accounts/${await accountId('wbs')}/active`, { active: '0' });
    assert.equal(res.status, 303);
    assert.equal(await sessionsOf('wbs'), 0);
    assert.equal(await signedIn(victim), false, 'a deactivated account kept its session');
    const again = await tryLogin('wbs', DEMO_PASSWORD);
    assert.equal(again.status, 401);
    assert.equal(again.alert, FAILED, 'a deactivated account must look like a wrong password');
    // reactivated, it can sign in again
    assert.equal((await admin.post(`/admin/accounts/${await accountId('wbs')}/active`, { active: '1' })).status, 303);
    assert.equal((await tryLogin('wbs', DEMO_PASSWORD)).status, 303);
  });

  test('a session of an account deactivated behind the app\'s back is refused on the next request', async () => {
    const c = await loggedIn(t.app, 'upg');
    await t.database.query('update kernel_accounts set is_active = false where username = $1', ['upg']);
    assert.equal(await signedIn(c), false);
    await t.database.query('update kernel_accounts set is_active = true where username = $1', ['upg']);
  });
});
