// The public survey side in the browser (issue 5) on a 360 px phone: the ZI chair of DPMPTSP-KUKM
// publishes the open SKM quarter (so its results are public while it runs) and opens an SPKP
// quarter (published once it has an answer); a visitor opens the SKM form of a service by its short link, answers the nine unsur,
// sends it and lands on the thanks page; the public results page then counts one respondent more and
// shows the IKM. axe-core finds no serious or critical violation on the form, the thanks page, the
// results and the public unit page. With JavaScript disabled the SPKP form still submits.
// The form refuses answers sent within 3 s of loading it (a signed timestamp): the journey waits.
// The demo's survey periods are dated from the current year: last year's four quarters and this
// year's up to today's, which is always the open one (with answers already), whatever the date.
import { expect, test, type Browser } from '@playwright/test';
import { expectNoHorizontalScroll, login } from './support/app.ts';
import { answerAll, currentQuarter, expectAccessible, MIN_FILL_MS, SURVEY_SERVICE, SURVEY_UNIT } from './support/survey.ts';

const WIDTH = 360;
const PHONE = { viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } as const;
const Q = currentQuarter();
const RESULTS = `/publik/unit/${SURVEY_UNIT}/survei`;

test.describe.configure({ mode: 'serial' });

/** the staff page of the SPKP period the first test opens */
let spkpPeriod = '';

async function phone(browser: Browser, opts: { javaScriptEnabled?: boolean } = {}) {
  // bypassCSP: axe-core is injected as an inline script, which the app's CSP rightly forbids
  const context = await browser.newContext({ ...PHONE, bypassCSP: true, javaScriptEnabled: opts.javaScriptEnabled ?? true, locale: 'id-ID' });
  return { context, page: await context.newPage() };
}

/** The SKM section of the current quarter on the public results page. */
function quarterSection(page: import('@playwright/test').Page, kind: string, quarter = 'Triwulan') {
  return page.locator('section.survey-results', { has: page.getByRole('heading', { level: 2, name: `${kind} — ${quarter} ${Q.q} ${Q.year}` }) });
}

/** The ZI chair publishes a period (publication needs at least one response). */
async function publishPeriod(browser: Browser, periodPath: string) {
  const staff = await browser.newContext();
  const sp = await staff.newPage();
  await login(sp, 'ketua.zi');
  await sp.goto(periodPath);
  await sp.locator('form:has(input[name="change"][value="publish"]) button').click();
  await expect(sp.locator('form:has(input[name="change"][value="unpublish"])')).toHaveCount(1);
  await staff.close();
}

/** Creates the period of this quarter for a survey kind from the list page and opens it; its page is left open. */
async function openQuarter(page: import('@playwright/test').Page, kind: 'skm' | 'spkp') {
  await page.goto('/survei');
  const create = page.locator('form[action="/survei"]');
  await create.locator('select[name="kind"]').selectOption(kind);
  await create.locator('input[name="year"]').fill(String(Q.year));
  await create.locator('select[name="periodType"]').selectOption('quarter');
  await create.locator('input[name="n"]').fill(String(Q.q));
  await create.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/survei\/[0-9a-f-]{36}$/);
  const reopen = page.locator('form:has(input[name="change"][value="open"]) button');
  if (await reopen.count()) await reopen.click();
  await expect(page.locator('form:has(input[name="change"][value="close"])')).toHaveCount(1);
}

test('the ZI chair publishes the open SKM quarter and opens an SPKP quarter', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, 'ketua.zi');
  await page.goto('/survei');
  // the open SKM quarter of the demo (always today's quarter): its row in the period list, by its dates
  const row = page.locator('table tbody tr', { hasText: `${Q.from} – ${Q.to}` }).filter({ hasText: 'SKM' });
  await expect(row).toHaveCount(1);
  await row.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/survei\/[0-9a-f-]{36}$/);
  // open and not yet published in the demo
  await expect(page.locator('form:has(input[name="change"][value="close"])')).toHaveCount(1);
  await page.locator('form:has(input[name="change"][value="publish"]) button').click();
  await expect(page.locator('form:has(input[name="change"][value="unpublish"])')).toHaveCount(1);

  // a new SPKP period for this quarter, open, published
  await openQuarter(page, 'spkp');
  spkpPeriod = new URL(page.url()).pathname;
  await context.close();
});

test('a visitor answers the SKM of a service from its short link on a phone; the public results count them', async ({ browser }) => {
  const { context, page } = await phone(browser);
  await page.goto(RESULTS);
  const section = quarterSection(page, 'Survei Kepuasan Masyarakat');
  await expect(section).toHaveCount(1);
  const before = Number((await section.locator('[data-respondents]').textContent())!.replace(/\./g, ''));
  expect(before).toBeGreaterThan(0);

  await page.goto(`/s/${SURVEY_UNIT}/${SURVEY_SERVICE.code}`);
  const loaded = Date.now();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SURVEY_SERVICE.name);
  await expect(page.locator('fieldset.survey-q')).toHaveCount(9);
  await expect(page.getByRole('group', { name: /Persyaratan/ })).toBeVisible();
  await expectNoHorizontalScroll(page, WIDTH);
  await expectAccessible(page, 'survey form');
  // the honeypot is not shown to people
  await expect(page.locator('#f-website')).not.toBeInViewport();

  // a missing answer: the error summary names it and the page keeps the other answers
  const n = await page.locator('fieldset.survey-q').count();
  for (let i = 0; i < n; i++) if (i !== 2) await page.locator('fieldset.survey-q').nth(i).locator('label.survey-opt').nth(i % 2 ? 2 : 3).click();
  await page.getByLabel('Jenis kelamin').selectOption('p');
  await page.getByLabel('Saran dan masukan').fill('Ruang tunggu perlu kipas angin.');
  await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - loaded)));
  await page.getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(page.locator('.error-summary')).toContainText('Pilih salah satu jawaban');
  await expect(page.locator('fieldset.survey-q').nth(0).locator('input:checked')).toHaveCount(1);
  await expectAccessible(page, 'survey form with errors');

  await page.locator('fieldset.survey-q').nth(2).locator('label.survey-opt').nth(2).click();
  await page.getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(page).toHaveURL(new RegExp(`/s/${SURVEY_UNIT}/${SURVEY_SERVICE.code}/terima-kasih$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Terima kasih');
  await expectNoHorizontalScroll(page, WIDTH);
  await expectAccessible(page, 'thanks page');

  await page.getByRole('link', { name: 'Lihat hasil survei unit ini' }).click();
  await expect(page).toHaveURL(new RegExp(`${RESULTS}$`));
  await expect(section.locator('[data-respondents]')).toHaveText(String(before + 1).replace(/\B(?=(\d{3})+(?!\d))/g, '.'));
  await expect(section.locator('[data-index]')).toHaveText(/^[1-4],\d\d$/);
  await expect(section.locator('[data-nik]')).toHaveText(/^\d{2,3},\d\d$/);
  await expect(section.getByRole('table', { name: /NRR/ })).toContainText('Persyaratan');
  await expectNoHorizontalScroll(page, WIDTH);
  await expectAccessible(page, 'public results');

  await page.goto(`/publik/unit/${SURVEY_UNIT}`);
  await expect(page.getByRole('link', { name: 'Hasil survei kepuasan dan persepsi' })).toBeVisible();
  await expectAccessible(page, 'public unit page');

  // the same phone again the same day: a polite refusal, nothing counted
  await page.goto(`/s/${SURVEY_UNIT}/${SURVEY_SERVICE.code}`);
  await answerAll(page, () => 3);
  await page.waitForTimeout(MIN_FILL_MS);
  await page.getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(page.getByRole('alert').first()).toContainText('sudah kami terima hari ini');
  await page.goto(RESULTS);
  await expect(section.locator('[data-respondents]')).toHaveText(String(before + 1).replace(/\B(?=(\d{3})+(?!\d))/g, '.'));
  await context.close();
});

test('with JavaScript disabled the SPKP form still submits (English)', async ({ browser }) => {
  const { context, page } = await phone(browser, { javaScriptEnabled: false });
  await page.goto(`/s/${SURVEY_UNIT}/ipkp`);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page).toHaveURL(new RegExp(`/s/${SURVEY_UNIT}/ipkp$`));
  const loaded = Date.now();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Service Quality Perception Survey');
  const n = await answerAll(page, () => 4);
  expect(n).toBeGreaterThan(0);
  await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - loaded)));
  await page.getByRole('button', { name: 'Send answers' }).click();
  await expect(page).toHaveURL(new RegExp(`/s/${SURVEY_UNIT}/ipkp/terima-kasih$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you');
  // the ZI chair publishes the SPKP quarter (publication needs at least one response)
  await publishPeriod(browser, spkpPeriod);
  await page.goto(RESULTS);
  const section = quarterSection(page, 'Service Quality Perception Survey', 'Quarter');
  await expect(section.locator('[data-respondents]')).toHaveText('1');
  await expect(section).toContainText('below the minimum of 30 respondents');
  await context.close();
});
