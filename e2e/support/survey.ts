// What the survey journey needs: the demo's survey facts (DPMPTSP-KUKM's services and its open SKM
// quarter), the current quarter, answering a form, and an axe-core scan injected into the page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

export const SURVEY_UNIT = 'DPMPTSPKUKM';
/** a demo service of the unit (services seed) */
export const SURVEY_SERVICE = { code: 'IUMK', name: 'Izin Usaha Mikro dan Kecil (IUMK)' };
/** The minimum fill time of the public form (PUBLIC_SURVEY_RULES.minFillMs) and a margin. */
export const MIN_FILL_MS = 3_000 + 300;

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** Today's quarter in the regency's time zone, and its first and last day as the staff list shows them. */
export function currentQuarter(now = new Date()) {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit' }).format(now).split('-').map(Number);
  const q = Math.ceil(m / 3);
  const lastMonth = q * 3;
  const lastDay = new Date(Date.UTC(y, lastMonth, 0)).getUTCDate();
  return { year: y, q, from: `1 ${MONTHS[lastMonth - 3]} ${y}`, to: `${lastDay} ${MONTHS[lastMonth - 1]} ${y}` };
}

/** Picks the given answer (1-based option) in every question of the form, by clicking its label. */
export async function answerAll(page: Page, pick: (index: number) => number): Promise<number> {
  const groups = page.locator('fieldset.survey-q');
  const n = await groups.count();
  for (let i = 0; i < n; i++) await groups.nth(i).locator('label.survey-opt').nth(pick(i) - 1).click();
  return n;
}

let axeSource: string | null = null;
function axe(): string {
  if (!axeSource) axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: string[] }

/**
 * Runs axe-core (WCAG 2.x A/AA rules and best practices) on the page and returns the serious and
 * critical violations. The context must be created with bypassCSP: the app's CSP forbids inline
 * scripts, which is how the source is injected.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axe() });
  const result = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function expectAccessible(page: Page, what: string): Promise<void> {
  const bad = await seriousViolations(page);
  expect(bad, `${what}: serious or critical axe violations:\n${bad.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).join(', ')}`).join('\n')}`).toEqual([]);
}
