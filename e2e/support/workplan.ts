// What the Rencana Kerja journey knows from the outside: the seed document (the template, read as
// data), how a plan is created through its form, and how the decree PDF and the schedule workbook
// are read back — the PDF through `pdftotext -layout`, the monthly matrix by the columns of its
// header line of months.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { UUID } from './app.ts';

export interface PlanTemplate {
  id: string;
  source: string;
  decree: { place: string };
  areas: { area: number; targets: string[] }[];
  activities: { area: number; title: string; months: number[]; added?: boolean }[];
}

/** The 2022 seed document of DPMPTSP-KUKM, the template a unit adopts. */
export const TEMPLATE: PlanTemplate = JSON.parse(
  readFileSync(new URL('../../src/modules/workplan/templates/rencana-kerja-zi-dpmptsp-bangka-2022.json', import.meta.url), 'utf8'),
);

/** Month labels as the pages show them (Indonesian), index 0 = January. */
export const MONTH_LABELS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

/** "Jan, Apr, Jul" as the activity list writes a set of months (all twelve: "Jan–Des"). */
export function monthsText(months: number[]): string {
  return months.length === 12 ? 'Jan–Des' : months.map((m) => MONTH_LABELS[m - 1]).join(', ');
}

/** Creates a plan from the template for the first year of `years` the unit does not have yet. */
export async function createPlanFromTemplate(page: Page, years: number[]): Promise<{ id: string; year: number }> {
  for (const year of years) {
    await page.goto('/rencana-kerja');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rencana Kerja Pembangunan ZI');
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Buat rencana kerja' }) });
    await form.getByLabel('Tahun', { exact: true }).fill(String(year));
    await form.getByLabel('Isi awal').selectOption({ label: `Templat: ${TEMPLATE.source}` });
    const [res] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/rencana-kerja' && r.request().method() === 'POST'),
      form.getByRole('button', { name: 'Buat rencana kerja' }).click(),
    ]);
    if (res.status() === 409) {
      // the year is taken already (another run on the same data, or the demo seed)
      await expect(page.locator('.error-summary')).toContainText(`sudah memiliki rencana kerja untuk tahun ${year}`);
      continue;
    }
    await expect(page).toHaveURL(new RegExp(`/rencana-kerja/${UUID}$`));
    return { id: new URL(page.url()).pathname.split('/')[2]!, year };
  }
  throw new Error(`no free year among ${years.join(', ')}`);
}

/**
 * Clicks a download link and returns the download. The server's answer is checked first, so that
 * an error page fails at once with its status and text instead of waiting for a download that
 * never comes.
 */
export async function download(page: Page, link: Locator, pathEnd: string): Promise<Download> {
  const started = page.waitForEvent('download', { timeout: 30_000 });
  const [res] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(pathEnd)),
    link.click(),
  ]);
  if (res.status() !== 200) {
    started.catch(() => { /* no download comes */ });
    throw new Error(`${pathEnd}: the server answered ${res.status()}: ${(await res.text().catch(() => '')).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 500)}`);
  }
  return started;
}

// ---- the decree PDF as text --------------------------------------------------------------------

/** Where pdftotext (poppler-utils) is, or null. */
export function findPdftotext(): string | null {
  const dirs = ['/usr/bin', '/usr/local/bin', ...(process.env.PATH ?? '').split(path.delimiter)].filter(Boolean);
  for (const d of dirs) {
    const p = path.join(d, 'pdftotext');
    if (existsSync(p)) return p;
  }
  return null;
}

/**
 * `pdftotext -layout file -`. With `pitch` (points per character, `-fixed`) the columns of the
 * text are proportional to the positions on the page: plain -layout squeezes "9 10 11 12" of the
 * matrix header closer together than the X marks below them, which would put November's X under
 * December.
 */
export function pdfToText(bin: string, file: string, pitch?: number): string {
  return execFileSync(bin, ['-layout', ...(pitch ? ['-fixed', String(pitch)] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** Points per character for reading the matrix: well under a month column (1.7em at 9.5pt ≈ 16pt). */
export const MATRIX_PITCH = 3;

/**
 * The text as one line: words split by hyphenation at a line end joined again, runs of white space
 * one space. For looking up phrases however the PDF broke its lines.
 */
export function flatten(text: string): string {
  return text.replace(/(\p{L})[-\u00AD]\s*\n\s*(\p{L})/gu, '$1$2').replace(/\s+/g, ' ').trim();
}

/** The chapters of the lampiran: "BAB I" on its own line and the title on the next non-empty one. */
export function chapters(text: string): { label: string; title: string }[] {
  const lines = text.split('\n').map((l) => l.trim());
  const out: { label: string; title: string }[] = [];
  lines.forEach((l, i) => {
    if (!/^BAB [IVX]+$/.test(l)) return;
    const next = lines.slice(i + 1).find((x) => x !== '') ?? '';
    out.push({ label: l, title: next });
  });
  return out;
}

const HEADER = /(?:^|\s)1\s+2\s+3\s+4\s+5\s+6\s+7\s+8\s+9\s+10\s+11\s+12\s*$/;
const ROW_START = /^\s*\d+\)\s/;

/** Character columns (centres) of the month headings 1 … 12 on a header line of the matrix. */
function monthColumns(line: string): number[] {
  return [...line.matchAll(/\d+/g)].slice(-12).map((t) => t.index! + (t[0].length - 1) / 2);
}

export interface MatrixRow { line: string; header: string; months: number[]; unplaced: number[] }

/**
 * The months marked X on an activity's row of the monthly matrix, in text from
 * `pdfToText(…, MATRIX_PITCH)`. The row is the line (after the
 * matrix title) that holds the title; the X marks are on it, or — when the title or the person in
 * charge wraps and the marks sit in the middle of the cell — on a line next to it that starts no
 * other row. Each X goes to the nearest month heading of the header line above the row (the header
 * repeats on every page of the table); an X farther than half a column from any heading is
 * reported in `unplaced`.
 */
export function matrixRow(text: string, title: string): MatrixRow | null {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes('JADWAL PELAKSANAAN RENCANA KERJA'));
  if (start < 0) return null;
  const at = lines.findIndex((l, i) => i > start && l.includes(title));
  if (at < 0) return null;
  let h = at - 1;
  while (h > start && !HEADER.test(lines[h]!)) h--;
  if (!HEADER.test(lines[h] ?? '')) return null;
  const cols = monthColumns(lines[h]!);
  const step = (cols[11]! - cols[0]!) / 11;
  const hasX = (l: string) => /(^|\s)X(?=\s|$)/.test(l);
  const candidates = [at, at + 1, at - 1, at + 2, at - 2].filter((i) => i > h && i < lines.length);
  const where = candidates.find((i) => hasX(lines[i]!) && (i === at || !ROW_START.test(lines[i]!)));
  if (where === undefined) return { line: lines[at]!, header: lines[h]!, months: [], unplaced: [] };
  const line = lines[where]!;
  const months: number[] = [];
  const unplaced: number[] = [];
  const re = /(?<=^|\s)X(?=\s|$)/g;
  let x: RegExpExecArray | null;
  while ((x = re.exec(line))) {
    let best = 0;
    cols.forEach((c, i) => { if (Math.abs(c - x!.index) < Math.abs(cols[best]! - x!.index)) best = i; });
    if (Math.abs(cols[best]! - x.index) <= step / 2) months.push(best + 1);
    else unplaced.push(x.index);
  }
  return { line, header: lines[h]!, months, unplaced };
}

// ---- the schedule workbook ------------------------------------------------------------------------

/** The first sheet's rows as strings (empty cells ''). */
export async function workbookRows(bytes: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return rows;
}
