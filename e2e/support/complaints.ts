// What the complaint journey knows from the outside: how a complainant sends a complaint through
// the public form without JavaScript at phone width, and how the tracking page is opened with a code.
import { expect, type Browser, type Page } from '@playwright/test';

/** A phone-sized, JavaScript-free visitor (the public form must work without it). */
export async function phoneVisitor(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false, locale: 'id-ID' });
  return context.newPage();
}

export interface Complaint { subject: string; description: string; category: string }

/** Sends a complaint from the unit's public form, anonymously with a PDF; returns the tracking code shown. */
export async function sendComplaint(page: Page, unitCode: string, c: Complaint): Promise<string> {
  await page.goto(`/publik/unit/${unitCode}/pengaduan`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sampaikan pengaduan');
  await page.getByLabel('Kategori').selectOption({ label: c.category });
  await page.getByLabel('Judul pengaduan').fill(c.subject);
  await page.getByLabel('Uraian pengaduan').fill(c.description);
  await page.getByLabel('Kirim tanpa nama (anonim)').check();
  await page.getByLabel(/^Lampiran/).setInputFiles({ name: 'foto-antrean.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n% bukti antrean\n%%EOF\n') });
  await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pengaduan Anda telah diterima');
  const code = (await page.locator('[data-tracking-code]').textContent())!.trim();
  expect(code).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
  // nothing scrolls sideways at 360 px
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  return code;
}

/** Opens the tracking page of a code. */
export async function openTracking(page: Page, code: string): Promise<void> {
  await page.goto('/pengaduan/lacak');
  await page.getByLabel('Kode pelacakan').fill(code);
  await page.getByRole('button', { name: 'Lihat status' }).click();
}
