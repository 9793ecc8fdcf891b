// A conflict-of-interest declaration's journey: 'pegawai' declares a conflict for a licensing
// decision on a 360 px phone, naming the unit head 'kadis' as direct superior; axe-core finds no
// serious or critical violation on the form; 'kadis' reviews it (actual conflict, recusal with a
// due date) and records the follow-up; the employee sees the outcome. Another employee cannot open it.
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

test('ad-hoc declaration with a conflict on a phone → the superior reviews with recusal → follow-up → the employee sees the outcome', async ({ browser }) => {
  const reference = `Permohonan NIB 2026-11-${String(Date.now()).slice(-6)}`;
  const employee = await phone(browser, 'pegawai');
  const p = employee.page;
  await p.goto('/konflik-kepentingan');
  await expect(p.getByRole('heading', { level: 1 })).toHaveText('Konflik kepentingan');
  await p.getByRole('link', { name: 'Deklarasi untuk suatu keputusan' }).click();
  await expect(p.getByRole('heading', { level: 1 })).toHaveText('Deklarasi konflik kepentingan untuk suatu keputusan');
  await expectNoHorizontalScroll(p, 360);
  await expectAccessible(p, 'declaration form');

  await p.getByLabel('Jenis keputusan').selectOption({ label: 'Perizinan' });
  await p.getByLabel('Rujukan keputusan').fill(reference);
  await p.getByLabel('Peran Anda dalam keputusan').fill('Verifikator berkas');
  await p.getByLabel('Tugas fungsi utama').selectOption({ label: 'Pelayanan perizinan berusaha (OSS-RBA)' });
  await p.getByLabel('Saya memiliki konflik kepentingan (uraikan di bawah)').check();
  await p.locator('#f-c0source').selectOption({ label: 'Hubungan keluarga/kerabat' });
  await p.locator('#f-c0description').fill('Pemohon adalah paman saya.');
  await p.locator('#f-c0relatedParty').fill('UD Timah Makmur');
  await expect(p.getByLabel('Atasan langsung')).toHaveValue(/.+/);
  await p.getByLabel('Atasan langsung').selectOption({ label: 'Elius Gani, S.H., M.H. — Kepala Dinas' });
  await p.getByLabel('Saya menyatakan keterangan di atas benar dan menandatanganinya secara elektronik').check();
  await p.getByRole('button', { name: 'Kirim deklarasi' }).click();
  await expect(p.getByText('Deklarasi tersimpan.')).toBeVisible();
  await expect(p.getByText('Menunggu telaah atasan', { exact: true })).toBeVisible();
  await expectNoHorizontalScroll(p, 360);
  const url = p.url();

  // another employee cannot open it
  const other = await phone(browser, 'pengaduan');
  const res = await other.page.goto(url);
  expect(res?.status()).toBe(404);
  await other.context.close();

  // the unit head reviews
  const head = await phone(browser, 'kadis');
  const h = head.page;
  await h.goto('/konflik-kepentingan');
  await h.getByRole('link', { name: 'Siti Aminah' }).first().click();
  await expect(h.getByText('Pemohon adalah paman saya.')).toBeVisible();
  await expectNoHorizontalScroll(h, 360);
  await expectAccessible(h, 'review page');
  await h.getByLabel('Penilaian').selectOption({ label: 'Konflik kepentingan aktual' });
  await h.getByLabel('Mitigasi', { exact: true }).selectOption({ label: 'Pengunduran diri dari proses keputusan' });
  // a due date a month from the day the journey runs (one in the past is refused)
  const due = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date(Date.now() + 30 * 86_400_000));
  await h.getByLabel('Batas waktu').fill(due);
  await h.getByRole('button', { name: 'Simpan telaah' }).click();
  await expect(h.getByText('Telaah tersimpan.')).toBeVisible();
  await expect(h.getByText('Mitigasi berjalan', { exact: true })).toBeVisible();
  await h.getByLabel('Apa yang telah dilakukan').fill('Berkas dialihkan ke verifikator Bambang Irawan.');
  await h.getByRole('button', { name: 'Simpan tindak lanjut' }).click();
  await expect(h.getByText('Tindak lanjut tersimpan.')).toBeVisible();
  await expect(h.getByText('Selesai', { exact: true })).toBeVisible();
  // the unit's summary and risk map on the phone
  await h.goto('/konflik-kepentingan/ringkasan');
  await expect(h.getByRole('heading', { level: 1 })).toHaveText('Ringkasan pengelolaan konflik kepentingan');
  await expectNoHorizontalScroll(h, 360);
  await expectAccessible(h, 'summary');
  await h.goto('/konflik-kepentingan/peta');
  await expectAccessible(h, 'risk map');
  await head.context.close();

  // the employee sees the outcome
  await p.goto(url);
  await expect(p.getByText('Selesai', { exact: true })).toBeVisible();
  await expect(p.getByText('Pengunduran diri dari proses keputusan')).toBeVisible();
  await expect(p.getByText('Berkas dialihkan ke verifikator Bambang Irawan.')).toBeVisible();
  await expect(p.getByRole('button', { name: 'Simpan telaah' })).toHaveCount(0);
  await employee.context.close();
});
