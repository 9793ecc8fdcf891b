// The whistleblowing journey (decision 0010): an anonymous report with an attachment and an
// identity; the demo handler ('wbs', DPMPTSP-KUKM, unlocked at sign-in) reads it and replies; the
// reporter reads the reply with the receipt and answers; the handler sees the answer. Then every
// file of the server's data folder — PGlite's data files and WAL, and the file store — is scanned:
// none holds the report's text, the identity or the attachment's bytes.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signedIn } from './support/app.ts';
import { e2eDataDir, filesContaining, storedFileCount } from './support/wbs.ts';

const stamp = Date.now().toString(36).toUpperCase();
const WHAT = `Petugas loket E2E-${stamp} meminta uang pelicin Rp4.321.000 untuk izin usaha`;
const WHO = `Saudara Waluyo-${stamp}, petugas loket`;
const NAME = `Pelapor Rahasia ${stamp}`;
const CONTACT = `0813-${stamp}`;
const REPLY = `Balasan pengelola ${stamp}: mohon kirim nomor berkas`;
const ANSWER = `Jawaban pelapor ${stamp}: nomor berkas 17/IZ/2026`;
const ATTACHMENT = Buffer.from(`%PDF-1.7\n% LAMPIRAN-RAHASIA-${stamp}-2718281828\n1 0 obj << >> endobj\n%%EOF\n`);
const UNIT = 'Dinas Penanaman Modal, Pelayanan Perizinan Terpadu Satu Pintu, Koperasi, Usaha Kecil dan Menengah';

test('anonymous report → handler reply → reporter answer with the receipt; nothing readable at rest', async ({ browser }) => {
  const anon = await browser.newContext();
  const reporter = await anon.newPage();
  await reporter.goto('/wbs');
  await expect(reporter.getByRole('heading', { level: 1 })).toHaveText('Whistleblowing System (WBS)');
  await reporter.getByRole('link', { name: 'Buat laporan' }).click();
  await reporter.getByLabel('Apa yang terjadi').fill(WHAT);
  await reporter.getByLabel('Siapa yang diduga terlibat').fill(WHO);
  await reporter.getByLabel('Kapan').fill('Oktober 2026');
  await reporter.getByLabel('Di mana').fill('Mal Pelayanan Publik');
  await reporter.getByLabel('Unit kerja yang dilaporkan').selectOption({ label: UNIT });
  await reporter.getByLabel('Bukti awal (lampiran)').setInputFiles({ name: 'bukti.pdf', mimeType: 'application/pdf', buffer: ATTACHMENT });
  await reporter.getByLabel(/^Nama\b/).fill(NAME);
  await reporter.getByLabel('Kontak (telepon atau surel)').fill(CONTACT);
  await reporter.getByRole('button', { name: 'Kirim laporan' }).click();
  await expect(reporter).toHaveURL(/\/wbs\/tanda-terima$/);
  const receipt = (await reporter.locator('[data-receipt]').innerText()).replace(/\s/g, '');
  expect(receipt).toMatch(/^\d{16}$/);
  await reporter.reload();
  await expect(reporter.locator('[data-receipt]')).toHaveCount(0);

  // the handler: the key was unlocked at sign-in; the report is in the list
  const { context: hctx, page: handler } = await signedIn(browser, 'wbs');
  await handler.goto('/wbs/kelola');
  await expect(handler.getByText('Kunci WBS terbuka untuk sesi ini.')).toBeVisible();
  const links = await handler.locator('a[href^="/wbs/kelola/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  let detail = '';
  for (const href of links) {
    await handler.goto(href);
    if ((await handler.content()).includes(`E2E-${stamp}`)) { detail = href; break; }
  }
  expect(detail, 'the new report is listed for the handler').not.toBe('');
  await expect(handler.getByText(WHO)).toBeVisible();
  await expect(handler.getByRole('link', { name: 'bukti.pdf' })).toBeVisible();
  await expect(handler.getByText(NAME)).toHaveCount(0);
  await handler.getByLabel('Pesan untuk pelapor').fill(REPLY);
  await handler.getByRole('button', { name: 'Kirim pesan' }).click();
  await expect(handler.getByText('Pesan terkirim.')).toBeVisible();

  // the reporter reads the reply with the receipt and answers
  await reporter.goto('/wbs/cek');
  await reporter.getByLabel('Nomor tanda terima').fill(receipt.replace(/(\d{4})(?=\d)/g, '$1 '));
  await reporter.getByRole('button', { name: 'Buka' }).click();
  await expect(reporter.getByRole('heading', { level: 1 })).toHaveText('Status laporan');
  await expect(reporter.getByText(REPLY)).toBeVisible();
  await reporter.getByLabel('Pesan untuk pengelola').fill(ANSWER);
  await reporter.getByRole('button', { name: 'Kirim pesan' }).click();
  await expect(reporter.getByText('Pesan Anda terkirim.')).toBeVisible();
  await expect(reporter.getByText(ANSWER)).toBeVisible();

  await handler.goto(detail);
  await expect(handler.getByText(ANSWER)).toBeVisible();

  // a wrong receipt is refused
  await reporter.goto('/wbs/cek');
  await reporter.getByLabel('Nomor tanda terima').fill(receipt.slice(0, 15) + String((Number(receipt[15]) + 1) % 10));
  await reporter.getByRole('button', { name: 'Buka' }).click();
  await expect(reporter.getByText('Nomor tanda terima tidak dapat dibuka: periksa ke-16 angkanya.', { exact: false }).first()).toBeVisible();

  // at rest: every file of the server's data folder (database files and WAL, file store)
  const dir = e2eDataDir();
  expect(storedFileCount(path.join(dir, 'files', 'wbs')), 'the attachment is stored (encrypted)').toBeGreaterThan(0);
  // the scan sees the database: a name stored in the clear (the handler's account) is found
  expect(filesContaining(dir, ['Taufik Hidayat']).length, 'positive control: plaintext columns are visible to the scan').toBeGreaterThan(0);
  const hits = filesContaining(dir, [`E2E-${stamp}`, `Waluyo-${stamp}`, NAME, CONTACT, REPLY, ANSWER, `LAMPIRAN-RAHASIA-${stamp}`, ATTACHMENT, receipt]);
  expect(hits).toEqual([]);

  await hctx.close();
  await anon.close();
});
