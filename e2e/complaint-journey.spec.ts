// A complaint's journey: a resident sends it from the unit's public page on a phone without
// JavaScript, follows it with the tracking code, the complaint handler assigns, replies and writes an
// internal note, sees overdue complaints highlighted, closes it with an outcome, and the resident
// rates the handling. The tracking page shows only that complaint: its status and the unit's
// replies, never internal notes, the handler's name or other complaints.
import { expect, test } from '@playwright/test';
import { navLink, signedIn } from './support/app.ts';
import { openTracking, phoneVisitor, sendComplaint } from './support/complaints.ts';

test('public form → assignment → reply → overdue highlighting → closure → satisfaction; tracking shows only that complaint', async ({ browser }) => {
  const subject = `Antrean loket perizinan ${Date.now()}`;
  const resident = await phoneVisitor(browser);
  const code = await sendComplaint(resident, 'DPMPTSPKUKM', {
    subject, category: 'Perizinan', description: 'Saya menunggu lebih dari dua jam di loket perizinan tanpa kepastian.',
  });

  await openTracking(resident, code);
  await expect(resident.getByRole('heading', { level: 2, name: subject })).toBeVisible();
  await expect(resident.getByText('Diterima', { exact: true })).toBeVisible();

  // the handler
  const { context, page } = await signedIn(browser, 'pengaduan');
  await (await navLink(page, 'Pengaduan')).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pengaduan masyarakat');
  await page.getByRole('link', { name: subject }).click();
  await expect(page.getByText('Anonim')).toBeVisible();
  await expect(page.getByRole('link', { name: /foto-antrean\.pdf/ })).toBeVisible();
  await page.getByLabel('Petugas', { exact: true }).selectOption({ label: 'Dewi Lestari, S.H.' });
  await page.getByRole('button', { name: 'Tugaskan petugas' }).click();
  await expect(page.getByText('Petugas telah ditugaskan.')).toBeVisible();
  await page.getByLabel('Catatan', { exact: true }).fill('INTERNAL: cek antrean loket 3 bersama Kabid.');
  await page.getByRole('button', { name: 'Simpan catatan' }).click();
  await page.getByLabel('Tanggapan', { exact: true }).fill('Terima kasih, antrean loket sedang kami tata ulang.');
  await page.getByRole('button', { name: 'Kirim tanggapan' }).click();
  await expect(page.getByText('Tanggapan telah dikirim.')).toBeVisible();
  await expect(page.getByText('Diproses', { exact: true }).first()).toBeVisible();

  // overdue complaints are highlighted and can be filtered
  await page.goto('/pengaduan/kelola');
  await page.getByLabel('Hanya yang melewati batas waktu').check();
  await page.getByRole('button', { name: 'Saring' }).click();
  await expect(page.getByText('Melewati batas').first()).toBeVisible();
  await expect(page.getByRole('link', { name: subject })).toHaveCount(0);

  // the resident sees the reply, not the note or the handler
  await openTracking(resident, code);
  await expect(resident.getByText('antrean loket sedang kami tata ulang')).toBeVisible();
  await expect(resident.getByText('INTERNAL')).toHaveCount(0);
  await expect(resident.getByText('Dewi Lestari')).toHaveCount(0);
  await expect(resident.getByRole('heading', { level: 2 })).toHaveText([subject, 'Riwayat dan tanggapan', 'Tambahkan informasi']);

  // closure with an outcome
  await page.goto('/pengaduan/kelola');
  await page.getByRole('link', { name: subject }).click();
  await page.getByLabel('Hasil', { exact: true }).selectOption('close');
  await page.getByLabel('Hasil tindak lanjut atau alasan (terlihat pengadu)').fill('Loket tambahan dibuka setiap Senin dan Kamis.');
  await page.getByRole('button', { name: 'Selesaikan' }).click();
  await expect(page.getByText('Pengaduan telah diselesaikan.')).toBeVisible();
  await context.close();

  // the resident rates the handling, once
  await openTracking(resident, code);
  await expect(resident.getByText('Selesai', { exact: true })).toBeVisible();
  await expect(resident.getByText('Loket tambahan dibuka')).toBeVisible();
  await resident.getByLabel('Puas', { exact: true }).check();
  await resident.getByRole('button', { name: 'Kirim penilaian' }).click();
  await expect(resident.getByText('Penilaian Anda: Puas. Terima kasih.')).toBeVisible();
  await expect(resident.getByRole('button', { name: 'Kirim penilaian' })).toHaveCount(0);
  expect(await resident.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // a wrong code shows nothing
  await openTracking(resident, 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA');
  await expect(resident.getByText('Kode pelacakan tidak dikenal.').first()).toBeVisible();
  await expect(resident.getByText(subject)).toHaveCount(0);
  await resident.context().close();
});
