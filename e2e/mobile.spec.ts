// A 360 px phone: the sign-in page and the dashboard fit without sideways scrolling.
import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, login } from './support/app.ts';

const WIDTH = 360;
test.use({ viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

test('login page has no horizontal scroll at 360 px', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Masuk');
  await expectNoHorizontalScroll(page, WIDTH);
  // the form fields fit the screen
  const box = await page.getByLabel('Nama pengguna').boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(WIDTH);
});

for (const username of ['pegawai', 'admin', 'tpi']) {
  test(`dashboard of ${username} has no horizontal scroll at 360 px`, async ({ page }) => {
    await login(page, username);
    await expectNoHorizontalScroll(page, WIDTH);
    await expect(page.getByRole('button', { name: 'Keluar' })).toBeInViewport();
  });
}

test('staff lists have no horizontal scroll at 360 px', async ({ page }) => {
  await login(page, 'pegawai');
  await page.goto('/people');
  await expectNoHorizontalScroll(page, WIDTH);
});
