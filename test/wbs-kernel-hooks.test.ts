// The kernel's password listeners (used by the WBS to keep handler keys sealed with the password):
// called at sign-in with the new session, and inside the password-change transaction, where a
// failing listener rolls the change back. The kernel knows no module: listeners register by name.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { registerPasswordListener } from '../src/kernel/auth.ts';
import { createTestApp, DEMO_PASSWORD, loggedIn, type TestApp } from './helpers.ts';

let t: TestApp;
const calls: string[] = [];
let failChange = false;

before(async () => {
  t = await createTestApp({ seed: 'org' });
  registerPasswordListener('test', {
    async onLogin(_db, accountId, password, sessionId) { calls.push(`login:${accountId.length}:${password}:${sessionId.length}`); },
    async onPasswordChanged(_tx, _id, oldPassword, newPassword) {
      calls.push(`change:${oldPassword}>${newPassword}`);
      if (failChange) throw new Error('listener refused');
    },
  });
});
after(async () => { registerPasswordListener('test', {}); await t.close(); });

test('sign-in tells listeners the password and the session', async () => {
  await loggedIn(t.app, 'pegawai');
  assert.ok(calls.includes(`login:36:${DEMO_PASSWORD}:64`));
});

test('a password change tells listeners old and new; a failing listener rolls the change back', async () => {
  const c = await loggedIn(t.app, 'pegawai');
  const [before_] = await t.database.query<{ h: string }>("select password_hash as h from kernel_accounts where username = 'pegawai'");
  failChange = true;
  await c.get('/account/password');
  const res = await c.post('/account/password', { current: DEMO_PASSWORD, next: 'Kata-Sandi-Baru-1', confirm: 'Kata-Sandi-Baru-1' });
  assert.equal(res.status, 500);
  const [same] = await t.database.query<{ h: string }>("select password_hash as h from kernel_accounts where username = 'pegawai'");
  assert.equal(same.h, before_.h, 'unchanged');
  failChange = false;
  const ok = await c.post('/account/password', { current: DEMO_PASSWORD, next: 'Kata-Sandi-Baru-1', confirm: 'Kata-Sandi-Baru-1' });
  assert.equal(ok.status, 303);
  assert.ok(calls.includes(`change:${DEMO_PASSWORD}>Kata-Sandi-Baru-1`));
});
