// Every demo role signs in, is greeted by name and sees exactly the navigation its policy allows.
import { expect, test } from '@playwright/test';
import { ALL_NAV, DEMO_ROLES, login, mainNav, navLabels, navLink, navMenus } from './support/app.ts';

for (const role of DEMO_ROLES) {
  test(`${role.username} sees ${role.nav.length} navigation items and is greeted by name`, async ({ page }) => {
    await login(page, role.username);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Selamat datang, ${role.displayName}`);
    await expect(page.locator('.userbar__name')).toHaveText(role.displayName);
    expect(await navLabels(page)).toEqual(role.nav);
    for (const hidden of ALL_NAV.filter((n) => !role.nav.includes(n))) {
      await expect(mainNav(page).getByRole('link', { name: hidden, exact: true, includeHidden: true })).toHaveCount(0);
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
    await (await navLink(page, label)).click();
    await expect(page).toHaveURL(new RegExp(`${path.replace(/\//g, '\\/')}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(mainNav(page).getByRole('link', { name: label, exact: true, includeHidden: true })).toHaveAttribute('aria-current', 'page');
  }
});

test('the navigation groups related pages in menus that open one at a time', async ({ page }) => {
  await login(page, 'admin');
  expect(await navMenus(page)).toEqual(['Organisasi', 'Program ZI', 'Pelayanan publik', 'Pengawasan', 'Administrasi']);
  // closed menus hide their links; opening one shows them and closes the other
  await expect(mainNav(page).getByRole('link', { name: 'Gratifikasi', exact: true })).toHaveCount(0);
  await mainNav(page).locator('summary', { hasText: 'Pengawasan' }).click();
  await expect(mainNav(page).getByRole('link', { name: 'Gratifikasi', exact: true })).toBeVisible();
  await mainNav(page).locator('summary', { hasText: 'Program ZI' }).click();
  await expect(mainNav(page).getByRole('link', { name: 'Rencana kerja', exact: true })).toBeVisible();
  await expect(mainNav(page).getByRole('link', { name: 'Gratifikasi', exact: true })).toHaveCount(0);
  // Escape closes and gives the focus back to the menu button
  await page.keyboard.press('Escape');
  await expect(mainNav(page).getByRole('link', { name: 'Rencana kerja', exact: true })).toHaveCount(0);
  await expect(mainNav(page).locator('summary', { hasText: 'Program ZI' })).toBeFocused();
  // the menu holding the current page is marked
  await (await navLink(page, 'Pegawai')).click();
  await expect(mainNav(page).locator('summary', { hasText: 'Organisasi' })).toHaveClass(/navmenu__button--current/);
  // an employee's menus: a section with one visible page is a plain link
  await page.context().clearCookies();
  await login(page, 'pegawai');
  expect(await navMenus(page)).toEqual(['Organisasi', 'Program ZI', 'Pelayanan publik', 'Pengawasan']);
});

// Switching the language while signed in is stored on the account, so it runs here, after the
// role checks that expect bupati in Indonesian, and switches back at the end.
test('a signed-in user switches to English and back', async ({ page }) => {
  await login(page, 'bupati');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Bupati Bangka');
  const nav = await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { includeHidden: true }).allTextContents();
  expect(nav.map((t) => t.trim())).toEqual(['Home', 'Units', 'Staff', 'LKE', 'Work plan', 'ZI work team', 'Change agents', 'Integrity Pact', 'Services', 'Surveys', 'Complaints', 'Gratification', 'Conflicts of interest', 'Evidence']);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Selamat datang, Bupati Bangka');
});
