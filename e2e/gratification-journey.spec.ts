// A gift's journey: 'pegawai' reports a parcel on a 360 px phone (axe-core finds no serious or
// critical violation on the form); the UPG 'upg' verifies, analyses, forwards it to KPK, records the
// KPK decision, the follow-up and closes it; the employee sees the decision. Another employee cannot
// open the report.
import { expect, test, type Browser } from '@playwright/test';
import { expectNoHorizontalScroll, login } from './support/app.ts';
import { expectAccessible } from './support/survey.ts';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

async function phone(browser: Browser, username: string) {
  // bypassCSP: axe-core is injected as an inline script, which the app's CSP rightly forbids
  const context = await browser.newContext({ ...PHONE, bypassCSP: true, locale: 'id-ID' });
  const page = await context.newPage();
  await login(page, username);
  return { context, page };
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());

test('employee reports a gift on a phone → the UPG verifies, analyses, forwards, records the KPK decision and follow-up, closes → the employee sees the decision', async ({ browser }) => {
  const giver = `CV Sinar Timah ${String(Date.now()).slice(-6)}`;
  const sk = `${String(Date.now()).slice(-4)}/GRA.01/2026`;
  const employee = await phone(browser, 'pegawai');
  const p = employee.page;
  await p.goto('/gratifikasi');
  await expect(p.getByRole('heading', { level: 1 })).toHaveText('Pengendalian Gratifikasi');
  await p.getByRole('link', { name: 'Laporkan gratifikasi' }).click();
  await expect(p.getByRole('heading', { level: 1 })).toHaveText('Laporan penerimaan/penolakan gratifikasi');
  await expectNoHorizontalScroll(p, 360);
  await expectAccessible(p, 'gratification report form');

  await p.getByLabel('Gratifikasi diterima').check();
  await p.locator('#f-receivedOn').fill(today());
  await p.locator('#f-giverName').fill(giver);
  await p.locator('#f-giverInstitution').fill(giver);
  await p.locator('#f-relationship').selectOption({ label: 'Pengguna layanan/pemohon' });
  await p.locator('#f-occasion').fill('Ucapan terima kasih setelah NIB terbit');
  await p.locator('#f-itemKind').selectOption({ label: 'Barang' });
  await p.locator('#f-description').fill('Parsel kue dan kopi');
  await p.locator('#f-valueRp').fill('850.000');
  await p.locator('#f-place').fill('Loket MPP Sungailiat');
  await p.locator('#f-chronology').fill('Pemohon meninggalkan parsel di loket; parsel saya bawa ke UPG.');
  await p.locator('#f-whereNow').selectOption({ label: 'Dititipkan ke UPG' });
  await p.getByRole('button', { name: 'Kirim laporan' }).click();
  await expect(p.getByText('Laporan gratifikasi terkirim ke UPG.')).toBeVisible();
  await expect(p.getByText('Diterima UPG', { exact: true }).first()).toBeVisible();
  await expectNoHorizontalScroll(p, 360);
  const url = p.url();
  const id = /\/laporan\/([0-9a-f-]{36})/.exec(url)![1];

  // another employee cannot open it
  const other = await phone(browser, 'pegawai.dukcapil');
  expect((await other.page.goto(url))?.status()).toBe(404);
  await other.context.close();

  // the UPG handles it
  const upg = await phone(browser, 'upg');
  const u = upg.page;
  await u.goto('/gratifikasi/kelola');
  await expect(u.getByRole('heading', { level: 1 })).toHaveText('Laporan gratifikasi unit');
  await u.goto(`/gratifikasi/kelola/${id}`);
  await expect(u.getByText(giver).first()).toBeVisible();
  await u.getByRole('button', { name: 'Verifikasi: laporan lengkap' }).click();
  await expect(u.getByText('Laporan diverifikasi.')).toBeVisible();
  await u.getByRole('group', { name: 'Berhubungan dengan jabatan?' }).getByLabel('Ya').check();
  await u.getByRole('group', { name: 'Berlawanan dengan kewajiban atau tugas?' }).getByLabel('Ya').check();
  await u.locator('form[data-step="analyse"] #f-note').fill('Pemberian dari pemohon izin yang dilayani pelapor: terkait jabatan.');
  await u.getByRole('button', { name: 'Analisis' }).click();
  await expect(u.getByText('Analisis disimpan.')).toBeVisible();
  await u.getByLabel('Nomor laporan GOL KPK').fill('GOL-2026-0123456');
  await u.getByRole('button', { name: 'Teruskan ke KPK' }).click();
  await expect(u.getByText('Laporan dicatat telah diteruskan ke KPK.')).toBeVisible();
  await u.getByLabel('Milik negara').check();
  await u.getByLabel('Nomor SK KPK').fill(sk);
  await u.getByRole('button', { name: 'Catat keputusan KPK' }).click();
  await expect(u.getByText('Keputusan KPK dicatat.')).toBeVisible();
  await u.locator('#f-followUpNote').fill('Parsel diserahkan ke panti sosial sesuai arahan KPK.');
  await u.getByRole('button', { name: 'Catat tindak lanjut' }).click();
  await expect(u.getByText('Tindak lanjut dicatat.')).toBeVisible();
  await u.getByRole('button', { name: 'Tutup laporan' }).click();
  await expect(u.getByText('Laporan ditutup.')).toBeVisible();
  await expect(u.getByText('Selesai', { exact: true }).first()).toBeVisible();
  await expectNoHorizontalScroll(u, 360);
  await upg.context.close();

  // the employee sees the decision
  await p.goto(url);
  await expect(p.getByText('Selesai', { exact: true }).first()).toBeVisible();
  await expect(p.getByText('Milik negara')).toBeVisible();
  await expect(p.getByText(sk)).toBeVisible();
  await expect(p.getByRole('button', { name: 'Tutup laporan' })).toHaveCount(0);
  await employee.context.close();
});
