// What the LKE journeys know about worksheets and how they fill them, from the outside: the worked
// example is read as data (the domain spec's answers), the pages are driven through their labels,
// and the expected texts are the Indonesian ones a person reads.
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page, type Response } from '@playwright/test';
import { UUID } from './app.ts';

export const UNIT_DPM = 'Dinas Penanaman Modal, Pelayanan Perizinan Terpadu Satu Pintu, Koperasi, Usaha Kecil dan Menengah';

/** One answer of the worked example: "Ya"/"Tidak" or a letter, named counts, or an index 0–4. */
export type ExampleAnswer = string | Record<string, number> | number;

/** The worked example of the domain spec (113 items; total 84,3387 under the default options). */
export const WORKED_EXAMPLE: Record<string, ExampleAnswer> = JSON.parse(
  readFileSync(new URL('../../src/modules/assessment/fixtures/worked-example.json', import.meta.url), 'utf8'),
).answers;

/** The section tab an item is listed under: the area (A.I.1 … A.II.6), or B for the results. */
export function sectionOf(code: string): string {
  return code.startsWith('B.') ? 'B' : code.split('.').slice(0, 3).join('.');
}

/** The sections in the order the worksheet shows them, each with its items from the example. */
export function sectionsOfExample(): [string, string[]][] {
  const out = new Map<string, string[]>();
  for (const code of Object.keys(WORKED_EXAMPLE)) {
    const s = sectionOf(code);
    out.set(s, [...(out.get(s) ?? []), code]);
  }
  return [...out];
}

/** A number the way an Indonesian reads and types it: 3.72 → "3,72". */
export function idDecimal(n: number): string {
  return String(n).replace('.', ',');
}

/** Creates a worksheet for the first year of `years` that the unit does not have yet. */
export async function createWorksheet(page: Page, opts: { unit: string; years: number[] }): Promise<{ id: string; year: number }> {
  for (const year of opts.years) {
    await page.goto('/lke/new');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Buat lembar kerja');
    await page.getByLabel('Unit kerja', { exact: true }).selectOption({ label: opts.unit });
    await page.getByLabel('Tahun', { exact: true }).fill(String(year));
    await page.getByLabel('Titik awal').selectOption({ label: 'Mulai dari kosong' });
    const [res] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/lke' && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Buat lembar kerja' }).click(),
    ]);
    if (res.status() === 400) {
      // another journey of this run may hold the year already
      await expect(page.locator('.error-summary')).toContainText('sudah memiliki lembar kerja untuk tahun tersebut');
      continue;
    }
    await expect(page).toHaveURL(new RegExp(`/lke/${UUID}$`));
    await expect(flash(page)).toHaveText('Lembar kerja dibuat.');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`LKE ${opts.unit} ${year}`);
    return { id: new URL(page.url()).pathname.split('/')[2]!, year };
  }
  throw new Error(`no free year among ${opts.years.join(', ')}`);
}

/** The unit's answer form of one item (on the section page or the item page). */
export function answerForm(page: Page, id: string, code: string): Locator {
  return page.locator(`form[action="/lke/${id}/items/${code}"]`);
}

/** The background save of one item, as the server answers it. */
function itemPost(page: Page, code: string) {
  return page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith(`/items/${code}`));
}

/** Waits for a background save to end well: the server said 200 and the status reads "Tersimpan". */
async function expectSaved(form: Locator, code: string, res: Response): Promise<void> {
  expect(res.status(), `${code}: ${await res.text()}`).toBe(200);
  await expect(form.locator('.autosave-status'), code).toHaveText('Tersimpan');
}

/**
 * Changes one item's answer the way a person does, which starts autosave, and returns the server's
 * answer to the save: a radio is clicked; counts and indexes are typed and the field is left (the
 * change event). With several counts the save starts once the last of them is filled.
 */
async function change(page: Page, form: Locator, code: string, answer: ExampleAnswer): Promise<{ saved: Promise<Response> }> {
  if (typeof answer === 'string') {
    const saved = itemPost(page, code);
    await form.locator(`input[type="radio"][value="${answer}"]`).check();
    return { saved };
  }
  if (typeof answer === 'number') {
    const field = form.getByLabel('Nilai indeks (0–4)');
    await field.fill(idDecimal(answer));
    const [res] = await Promise.all([itemPost(page, code), field.blur()]);
    return { saved: Promise.resolve(res) };
  }
  // autosave waits until every count is filled, so only the last field left starts the save
  const entries = Object.entries(answer);
  for (const [key, n] of entries.slice(0, -1)) {
    const field = form.locator(`input[name="in_${key}"]`);
    await field.fill(String(n));
    await field.blur();
  }
  const [lastKey, lastN] = entries[entries.length - 1]!;
  const field = form.locator(`input[name="in_${lastKey}"]`);
  await field.fill(String(lastN));
  const [res] = await Promise.all([itemPost(page, code), field.blur()]);
  return { saved: Promise.resolve(res) };
}

/** Answers one item through its form and waits until autosave has stored it. */
export async function answerWithAutosave(page: Page, id: string, code: string, answer: ExampleAnswer): Promise<void> {
  const form = answerForm(page, id, code);
  await expectSaved(form, code, await (await change(page, form, code, answer)).saved);
}

/**
 * Answers the items of the page in order without waiting for each save before the next click (as
 * a quick reader would), then waits until every one of them reads "Tersimpan".
 */
export async function answerAllWithAutosave(page: Page, id: string, answers: [string, ExampleAnswer][]): Promise<void> {
  const saves: [string, Locator, Promise<Response>][] = [];
  for (const [code, answer] of answers) {
    const form = answerForm(page, id, code);
    saves.push([code, form, (await change(page, form, code, answer)).saved]);
  }
  for (const [code, form, saved] of saves) await expectSaved(form, code, await saved);
}

/** The state badge under the page header of the overview. */
export function stateBadge(page: Page): Locator {
  return page.locator('main > p > .badge').first();
}

/** The unit layer's total on the overview's score table (or anywhere it is shown live). */
export function unitTotal(page: Page): Locator {
  return page.locator('table.table--scores [data-live="unit:total"]');
}

/** Takes a transition on the overview by its button, and waits for the flash. */
export async function takeTransition(page: Page, id: string, button: string, done: string): Promise<void> {
  await page.goto(`/lke/${id}`);
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/lke/${id}$`));
  await expect(flash(page)).toHaveText(done);
}

/**
 * The flash message at the top of the page. Pages with autosave forms or a return note hold other
 * live regions too, so this is the first status directly inside main (the flash comes first).
 */
export function flash(page: Page): Locator {
  return page.locator('main > [role="status"]').first();
}

/** "n dari 113" next to "Butir terjawab" on the overview. */
export function answeredCount(page: Page): Locator {
  return page.locator('.progress-block', { hasText: 'Butir terjawab' }).locator('strong');
}

/** A small, well-formed one-page PDF (objects, cross-reference table and trailer with real offsets). */
export function tinyPdf(text = 'Data dukung uji'): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
