import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, createTestApp, loggedIn, type TestApp } from './helpers.ts';

let t: TestApp;
before(async () => { t = await createTestApp(); });
after(async () => { await t.close(); });

test('the login page is served and a demo login reaches the dashboard', async () => {
  const c = new Client(t.app);
  const res = await c.get('/login');
  assert.equal(res.status, 200);
  assert.match(await res.text(), /Masuk/);
  const admin = await loggedIn(t.app, 'admin');
  const home = await admin.get('/');
  assert.equal(home.status, 200);
  const html = await home.text();
  assert.match(html, /Selamat datang/);
  assert.match(html, /href="\/admin\/accounts"/);
});
