// Every demo role signs in, is greeted by name and sees exactly the navigation its policy allows.
import { expect, test } from '@playwright/test';
import { ALL_NAV, DEMO_ROLES, login, mainNav, navLabels } from './support/app.ts';

for (const role of DEMO_ROLES) {
  test(`${role.username} sees ${role.nav.length} navigation items and is greeted by name`, async ({ page }) => {
    await login(page, role.username);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Selamat datang, ${role.displayName}`);
    await expect(page.locator('.userbar__name')).toHaveText(role.displayName);
    expect(await navLabels(page)).toEqual(role.nav);
    for (const hidden of ALL_NAV.filter((n) => !role.nav.includes(n))) {
      await expect(mainNav(page).getByRole('link', { name: hidden, exact: true })).toHaveCount(0);
    }
    // "Peran Anda" lists the account's roles
    const roles = page.locator('section', { has: page.getByRole('heading', { name: 'Peran Anda' }) });
    for (const label of role.roles) await expect(roles.getByText(label, { exact: true }).first()).toBeVisible();
    // the current page is marked in the navigation
    await expect(mainNav(page).getByRole('link', { name: 'Beranda' })).toHaveAttribute('aria-current', 'page');
  });
}

test('a role without the admin actions is refused when it types their address', async ({ page }) => {
  await login(page, 'pegawai');
  for (const path of ['/admin/accounts', '/admin/audit', '/admin/people/new']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Akses ditolak');
  }
});

test('the navigation leads to the pages it names', async ({ page }) => {
  await login(page, 'admin');
  for (const [label, path, heading] of [
    ['Unit kerja', '/units', 'Unit kerja'], ['Pegawai', '/people', 'Pegawai'],
    ['Akun & peran', '/admin/accounts', 'Akun & peran'], ['Log audit', '/admin/audit', 'Log audit'],
  ] as const) {
    await mainNav(page).getByRole('link', { name: label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${path.replace(/\//g, '\\/')}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(mainNav(page).getByRole('link', { name: label, exact: true })).toHaveAttribute('aria-current', 'page');
  }
});

// Switching the language while signed in is stored on the account, so it runs here, after the
// role checks that expect bupati in Indonesian, and switches back at the end.
test('a signed-in user switches to English and back', async ({ page }) => {
  await login(page, 'bupati');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Bupati Bangka');
  const nav = await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link').allTextContents();
  expect(nav.map((t) => t.trim())).toEqual(['Home', 'Units', 'Staff', 'LKE', 'Work plan', 'ZI work team', 'Change agents', 'Integrity Pact', 'Services', 'Surveys', 'Complaints', 'Gratification', 'Conflicts of interest', 'Evidence']);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang, Bupati Bangka');
});
