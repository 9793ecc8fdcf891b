// An administrator adds a person through the form with the keyboard: the NIP is checked, the
// error summary names what is wrong, and the values typed so far survive the round trip.
import { expect, test } from '@playwright/test';
import { login } from './support/app.ts';

// A valid NIP unique to this run: born 15 Jan 1990, appointed Jan 2015, female, sequence 100–999.
const seq = String(100 + Math.floor(Math.random() * 900));
const VALID_NIP = `199001152015012${seq}`;
const NAME = `Ayu Kartika Uji ${seq}, S.Kom.`;
const UNIT = 'Dinas Kependudukan dan Pencatatan Sipil';

test('admin adds a person: invalid NIP first, then a valid one, all by keyboard', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/people');
  await page.getByRole('link', { name: 'Tambah pegawai' }).click();
  await expect(page).toHaveURL(/\/admin\/people\/new$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tambah pegawai');

  // labels are tied to their fields: clicking one focuses the field
  const name = page.getByLabel('Nama lengkap (dengan gelar)');
  await page.locator('label[for="f-name"]').click();
  await expect(name).toBeFocused();
  await page.keyboard.type(NAME);

  await page.keyboard.press('Tab');
  const nip = page.getByLabel('NIP', { exact: true });
  await expect(nip).toBeFocused();
  await page.keyboard.type('199013152015012001'); // 18 digits, birth month 13

  await page.keyboard.press('Tab');
  const unit = page.getByLabel('Unit kerja', { exact: true });
  await expect(unit).toBeFocused();
  await unit.selectOption({ label: UNIT });

  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Jabatan', { exact: true })).toBeFocused();
  await page.keyboard.type('Analis Data Kependudukan');

  await page.keyboard.press('Tab');
  const cls = page.getByLabel('Kelas jabatan');
  await expect(cls).toBeFocused();
  await cls.selectOption('fungsional');

  await page.keyboard.press('Tab');
  await expect(page.getByLabel(/Pangkat\/golongan/)).toBeFocused();
  await page.keyboard.type('Penata Muda (III/a)');
  const [bad] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/admin/people') && r.request().method() === 'POST'),
    page.keyboard.press('Enter'),
  ]);
  expect(bad.status()).toBe(400);

  // the error summary comes first, takes focus and links to the field
  const summary = page.locator('.error-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading')).toHaveText('Ada yang perlu diperbaiki');
  const link = summary.getByRole('link');
  await expect(link).toHaveCount(1);
  await expect(link).toHaveAttribute('href', '#f-nip');
  await expect(link).toContainText('tanggal lahir');
  await expect(nip).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#e-nip')).toContainText('tanggal lahir');
  // what was typed is still there
  await expect(name).toHaveValue(NAME);
  await expect(unit.locator('option:checked')).toHaveText(UNIT);
  await expect(cls).toHaveValue('fungsional');

  // follow the summary link with the keyboard, then correct the NIP
  await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#f-nip$/);
  await nip.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(VALID_NIP);
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('status')).toHaveText('Data pegawai tersimpan.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(NAME);
  const summaryList = page.locator('dl.summary-list');
  await expect(summaryList).toContainText(`19900115 201501 2 ${seq}`);
  await expect(summaryList).toContainText('15 Januari 1990'); // birth date read from the NIP
  await expect(summaryList).toContainText('Perempuan');
  await expect(summaryList.getByRole('link', { name: UNIT })).toBeVisible();

  // the new person is listed under the unit
  await page.goto(`/people?q=${encodeURIComponent(`Uji ${seq}`)}`);
  await expect(page.getByRole('link', { name: NAME })).toBeVisible();
});

test('the same NIP cannot be registered twice', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/people');
  // take an existing person's NIP from the list
  const nipText = (await page.locator('table tbody tr td').nth(1).textContent())!.trim();
  await page.goto('/admin/people/new');
  await page.getByLabel('Nama lengkap (dengan gelar)').fill('Duplikat NIP');
  await page.getByLabel('NIP', { exact: true }).fill(nipText);
  await page.getByLabel('Unit kerja', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Jabatan', { exact: true }).fill('Pelaksana');
  await page.getByLabel('Kelas jabatan').selectOption('pelaksana');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.locator('.error-summary')).toContainText('NIP ini sudah terdaftar untuk pegawai lain.');
});
