// The sign-in page: language switch, and the one generic error for any wrong credentials.
import { expect, test } from '@playwright/test';

test('the language switch turns the sign-in page to English and back', async ({ page }) => {
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Masuk');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await expect(page.getByLabel('Username')).toBeVisible();
  await expect(page.getByLabel('Password')).toBeVisible();
  // the choice is remembered
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  // wrong credentials in English
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Masuk');
});

test('a wrong password and an unknown user get the same generic error', async ({ page }) => {
  for (const [username, password] of [['pegawai', 'salah-sekali-123'], ['tidak.ada.orangnya', 'DemoZI-2026!']]) {
    await page.goto('/login');
    await page.getByLabel('Nama pengguna').fill(username);
    await page.getByLabel('Kata sandi').fill(password);
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/login') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Masuk', exact: true }).click(),
    ]);
    expect(res.status()).toBe(401);
    await expect(page.getByRole('alert')).toHaveText('Nama pengguna atau kata sandi salah.');
    // the username stays filled in, the password does not
    await expect(page.getByLabel('Nama pengguna')).toHaveValue(username);
    await expect(page.getByLabel('Kata sandi')).toHaveValue('');
    expect((await page.context().cookies()).some((c) => c.name === 'itg_session')).toBe(false);
  }
});

test('an empty sign-in form names both missing fields', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Masukkan nama pengguna.' })).toHaveAttribute('href', '#f-username');
  await expect(summary.getByRole('link', { name: 'Masukkan kata sandi.' })).toHaveAttribute('href', '#f-password');
  await expect(page.getByLabel('Nama pengguna')).toHaveAttribute('aria-invalid', 'true');
});
