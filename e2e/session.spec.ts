// Signing out ends the session on the server, not only in the browser.
import { expect, test } from '@playwright/test';
import { login } from './support/app.ts';

test('logout ends the session and the old session cookie no longer works', async ({ page, context, browser, baseURL }) => {
  await login(page, 'kadis');
  const session = (await context.cookies()).find((c) => c.name === 'itg_session');
  expect(session, 'session cookie after login').toBeTruthy();
  expect(session!.httpOnly).toBe(true);

  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('status')).toHaveText('Anda telah keluar.');
  expect((await context.cookies()).find((c) => c.name === 'itg_session')).toBeUndefined();

  // signed out, the root is the public portal again, with a way back in
  await page.goto('/');
  await expect(page).toHaveURL(/\/publik$/);
  await expect(page.getByRole('link', { name: 'Pegawai: masuk ke Integritas' })).toHaveAttribute('href', '/login');

  await page.goto('/people');
  await expect(page).toHaveURL(/\/login\?next=%2Fpeople$/);

  // someone who copied the cookie before logout cannot use it
  const other = await browser.newContext();
  await other.addCookies([{ name: session!.name, value: session!.value, url: baseURL! }]);
  const p2 = await other.newPage();
  await p2.goto('/people');
  await expect(p2).toHaveURL(/\/login\?next=%2Fpeople$/);
  const res = await p2.request.get('/people', { headers: { accept: 'application/json' } });
  expect(res.status()).toBe(401);
  await other.close();
});

test('a protected page asked for while signed out returns there after login', async ({ page }) => {
  await page.goto('/people?status=all');
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel('Nama pengguna').fill('ketua.zi');
  await page.getByLabel('Kata sandi').fill('DemoZI-2026!');
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page).toHaveURL(/\/people\?status=all$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pegawai');
});

test('a session cookie copied while still valid works in another context (control)', async ({ page, context, browser, baseURL }) => {
  await login(page, 'sekretaris.zi');
  const session = (await context.cookies()).find((c) => c.name === 'itg_session')!;
  const other = await browser.newContext();
  await other.addCookies([{ name: session.name, value: session.value, url: baseURL! }]);
  const p2 = await other.newPage();
  await p2.goto('/');
  await expect(p2.getByRole('heading', { level: 1 })).toHaveText('Selamat datang, Fajar Nugroho, S.Si.');
  await other.close();
});
