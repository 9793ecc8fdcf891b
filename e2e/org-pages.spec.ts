// Figures on the organisation pages agree with each other.
import { expect, test } from '@playwright/test';
import { login, unitIds } from './support/app.ts';

test('the unit list counts each unit\'s active staff', async ({ page }) => {
  await login(page, 'admin');
  const ids = await unitIds(page);
  for (const [name, expected] of [['Dinas Penanaman Modal, Pelayanan Perizinan Terpadu Satu Pintu, Koperasi, Usaha Kecil dan Menengah', 20], ['Badan Pengelolaan Keuangan dan Pendapatan Daerah', 2]] as const) {
    await page.goto('/units');
    const row = page.locator('table tbody tr', { has: page.getByRole('link', { name, exact: true }) });
    const shown = (await row.locator('td.num').textContent())!.trim();
    await page.goto(`/people?unit=${ids.get(name)}`);
    await expect(page.getByText(`${expected} data`, { exact: true })).toBeVisible();
    expect(shown, `people count of ${name} on /units`).toBe(String(expected));
  }
});

test('the dashboard figures match the lists', async ({ page }) => {
  await login(page, 'admin');
  const stat = (label: string) => page.locator('.stat', { hasText: label }).locator('.stat__value');
  await expect(stat('Unit kerja')).toHaveText('7');
  const people = Number(await stat('Pegawai aktif').textContent());
  await expect(stat('Akun aktif')).toHaveText('14');
  expect(people).toBeGreaterThanOrEqual(36); // the demo staff, plus anyone another journey adds
  await page.goto('/units');
  await expect(page.locator('table tbody tr')).toHaveCount(7);
});
