// The LKE from start to finish in the browser: the ZI chair fills the worked example (autosave, and
// one item without JavaScript), attaches evidence, submits; the TPI changes two answers and returns
// the worksheet; the unit revises and resubmits; the TPI concludes "memenuhi"; the verdict explains
// the gaps; the official XLSX and the LHE PDF download, and the XLSX re-imported into an empty
// worksheet gives the same unit total; an employee reads but cannot edit. Screenshots of the main
// pages (desktop and 360 px) go to test-results/lke/.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoHorizontalScroll, login, signedIn } from './support/app.ts';
import {
  answerAllWithAutosave, answerForm, answeredCount, answerWithAutosave, createWorksheet, flash, sectionsOfExample, stateBadge, takeTransition, tinyPdf,
  UNIT_DPM, unitTotal, WORKED_EXAMPLE,
} from './support/lke.ts';

const SHOTS = path.join('test-results', 'lke');
const PHONE = { width: 360, height: 740 };
const NO_JS_ITEM = 'A.I.1.i.a';
const EVIDENCE_ITEM = 'A.I.1.i.a';
const RETURN_NOTE = 'Lengkapi data dukung area 2 (Penataan Tatalaksana).';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** 2014 … this year: the years a second, empty worksheet may take (the journey's own comes first). */
const EARLY_YEARS = Array.from({ length: new Date().getFullYear() - 2013 }, (_, i) => 2014 + i);

// Expected numbers, from `integritas lke score` on the worked example and its two variants:
// as given 84,34; the unit after its revision (A.II.2.i.a C → B) 84,51 with Penataan Tatalaksana at
// 71,67 %; the TPI layer (A.I.1.i.b A → B, A.II.2.i.a → A) 84,55 with 74,02 %.
const TOTAL_EXAMPLE = '84,34';
const TOTAL_REVISED = '84,51';

async function shot(page: Page, name: string): Promise<void> {
  // from the top, so that the sticky score strip sits in its place and not over an item
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

test.beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

test('LKE journey: fill, evidence, submit, TPI review and return, revise, conclude, verdict, documents, re-import', async ({ page, browser }) => {
  test.setTimeout(240_000);
  let id = '';

  await test.step('ketua.zi creates the worksheet for next year, empty', async () => {
    await login(page, 'ketua.zi');
    const next = new Date().getFullYear() + 1;
    const ws = await createWorksheet(page, { unit: UNIT_DPM, years: [next, ...EARLY_YEARS.slice().reverse()] });
    id = ws.id;
    await expect(stateBadge(page)).toHaveText('Draf');
    await expect(answeredCount(page)).toHaveText('0 dari 113');
  });

  await test.step(`without JavaScript: ${NO_JS_ITEM} answered on its page with the Save button`, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await login(noJs, 'ketua.zi');
    await noJs.goto(`/lke/${id}/items/${NO_JS_ITEM}`);
    await expect(noJs.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`^${NO_JS_ITEM.replace(/\./g, '\\.')} · #\\d+$`));
    const form = answerForm(noJs, id, NO_JS_ITEM);
    await form.locator(`input[type="radio"][value="${WORKED_EXAMPLE[NO_JS_ITEM]}"]`).check();
    await form.getByRole('button', { name: 'Simpan', exact: true }).click();
    await expect(noJs).toHaveURL(new RegExp(`/lke/${id}/items/${NO_JS_ITEM}$`));
    await expect(flash(noJs)).toHaveText('Jawaban disimpan.');
    await expect(answerForm(noJs, id, NO_JS_ITEM).locator(`input[value="${WORKED_EXAMPLE[NO_JS_ITEM]}"]`)).toBeChecked();
    await context.close();
  });

  await test.step('the other 112 items, section by section, each stored by autosave', async () => {
    await page.goto(`/lke/${id}`);
    await page.getByRole('link', { name: 'Isi lembar kerja' }).click();
    const started = Date.now();
    for (const [section, codes] of sectionsOfExample()) {
      await page.locator(`nav.tabs a[href$="/items?section=${section}"]`).click();
      await expect(page).toHaveURL(new RegExp(`section=${section.replace(/\./g, '\\.')}$`));
      await expect(page.locator(`nav.tabs a[aria-current="page"]`)).toHaveAttribute('href', new RegExp(`section=${section.replace(/\./g, '\\.')}$`));
      if (codes.includes(NO_JS_ITEM)) {
        // saved without JavaScript a moment ago: the section page shows it
        await expect(answerForm(page, id, NO_JS_ITEM).locator(`input[value="${WORKED_EXAMPLE[NO_JS_ITEM]}"]`)).toBeChecked();
      }
      await answerAllWithAutosave(page, id, codes.filter((c) => c !== NO_JS_ITEM).map((c) => [c, WORKED_EXAMPLE[c]!]));
      if (section === 'A.I.1') await shot(page, 'desktop-items-A.I.1');
      if (section === 'A.II.5') await shot(page, 'desktop-items-A.II.5');
    }
    test.info().annotations.push({ type: 'fill', description: `112 items by autosave in ${((Date.now() - started) / 1000).toFixed(1)} s` });
    // the score strip was refreshed live by the saves, without reloading
    await expect(page.locator('.score-strip [data-live="unit:total"]')).toHaveText(TOTAL_EXAMPLE);
    await expect(page.locator('.score-strip [data-live="unit:answered"]')).toHaveText('113 dari 113');
    // and everything was stored: a fresh load says the same
    await page.goto(`/lke/${id}/items?filter=unanswered`);
    await expect(page.getByText('Tidak ada butir pada tampilan ini.')).toBeVisible();
  });

  await test.step(`evidence on ${EVIDENCE_ITEM}: a PDF uploaded and a link added`, async () => {
    await page.goto(`/lke/${id}/items/${EVIDENCE_ITEM}`);
    const evidence = page.locator('section#evidence');
    await expect(evidence.getByText('Jawaban positif tanpa data dukung')).toBeVisible();
    const upload = evidence.locator('form', { has: page.getByRole('button', { name: 'Unggah dan lampirkan' }) });
    await upload.getByLabel('Berkas', { exact: true }).setInputFiles({ name: 'sk-tim-kerja-zi.pdf', mimeType: 'application/pdf', buffer: tinyPdf('SK Tim Kerja ZI') });
    await upload.getByLabel('Judul berkas').fill('SK Tim Kerja ZI 2027');
    await upload.getByRole('button', { name: 'Unggah dan lampirkan' }).click();
    await expect(page).toHaveURL(new RegExp(`/lke/${id}/items/${EVIDENCE_ITEM}#evidence$`));
    await expect(flash(page)).toHaveText('Data dukung ditambahkan.');
    const list = page.locator('section#evidence ul.evidence-list');
    await expect(list.getByRole('link', { name: 'SK Tim Kerja ZI 2027' })).toHaveAttribute('href', /^\/evidence\/files\//);
    await expect(list).toContainText('sk-tim-kerja-zi.pdf');

    const link = page.locator('section#evidence form', { has: page.getByRole('button', { name: 'Tambah tautan' }) });
    await link.getByLabel('Alamat tautan (https://…)').fill('https://jdih.bangka.example/sk-tim-kerja-zi-2027');
    await link.getByLabel('Judul tautan').fill('Publikasi SK Tim Kerja ZI di JDIH');
    await link.getByRole('button', { name: 'Tambah tautan' }).click();
    await expect(flash(page)).toHaveText('Data dukung ditambahkan.');
    await expect(list.getByRole('link', { name: 'Publikasi SK Tim Kerja ZI di JDIH' })).toHaveAttribute('href', 'https://jdih.bangka.example/sk-tim-kerja-zi-2027');
    await expect(list.locator('li')).toHaveCount(2);
    await expect(page.locator('section#evidence').getByText('Jawaban positif tanpa data dukung')).toHaveCount(0);
    await shot(page, 'desktop-item-with-evidence');
  });

  await test.step('the overview shows 84,34; ketua.zi submits and the answers lock', async () => {
    await page.goto(`/lke/${id}`);
    await expect(unitTotal(page)).toHaveText(TOTAL_EXAMPLE);
    await expect(answeredCount(page)).toHaveText('113 dari 113');
    await shot(page, 'desktop-overview-draft');
    await takeTransition(page, id, 'Ajukan', 'Lembar kerja diajukan ke TPI.');
    await expect(stateBadge(page)).toHaveText('Diajukan ke TPI');
    await page.goto(`/lke/${id}/items/A.I.2.i.a`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^A\.I\.2\.i\.a/);
    await expect(answerForm(page, id, 'A.I.2.i.a')).toHaveCount(0);
    await expect(page.locator('input[type="radio"]')).toHaveCount(0);
    await expect(page.locator('input[type="file"]')).toHaveCount(0);
  });

  const tpi = await signedIn(browser, 'tpi');
  const tp = tpi.page;

  await test.step('tpi starts the review, sets its own value on two items, and sees 2 differences', async () => {
    await takeTransition(tp, id, 'Mulai evaluasi', 'Evaluasi TPI dimulai.');
    await expect(stateBadge(tp)).toHaveText('Dievaluasi TPI');
    for (const [code, answer] of [['A.I.1.i.b', 'B'], ['A.II.2.i.a', 'A']] as const) {
      await tp.goto(`/lke/${id}/items/${code}`);
      const review = tp.locator('section#review');
      await expect(review.getByRole('heading', { level: 2 })).toHaveText('Evaluasi TPI');
      await expect(review).toContainText('TPI belum menilai butir ini.');
      const own = review.locator('form', { has: tp.getByRole('button', { name: 'Simpan nilai TPI' }) });
      await own.locator(`input[type="radio"][value="${answer}"]`).check();
      await own.getByLabel('Catatan TPI').fill(`Menurut data dukung ${code}, kriteria yang terpenuhi ${answer}.`);
      await own.getByRole('button', { name: 'Simpan nilai TPI' }).click();
      await expect(tp).toHaveURL(new RegExp(`/lke/${id}/items/${code}#review$`));
      await expect(flash(tp)).toHaveText('Nilai TPI disimpan.');
      await expect(tp.locator('section#review')).toContainText('TPI menetapkan nilai sendiri');
    }
    await tp.goto(`/lke/${id}`);
    await tp.getByRole('link', { name: 'Perbandingan penilaian' }).click();
    await expect(tp).toHaveURL(new RegExp(`/lke/${id}/review$`));
    await expect(tp.locator('main')).toContainText('2 butir berbeda');
    const rows = tp.locator('table tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('A.I.1.i.b');
    await expect(rows.nth(1)).toContainText('A.II.2.i.a');
    await shot(tp, 'desktop-review');
  });

  await test.step('tpi returns the worksheet with a note', async () => {
    await tp.goto(`/lke/${id}`);
    await tp.getByLabel('Catatan perbaikan untuk unit').fill(RETURN_NOTE);
    await tp.getByRole('button', { name: 'Kembalikan', exact: true }).click();
    await expect(flash(tp)).toHaveText('Lembar kerja dikembalikan ke unit.');
    await expect(stateBadge(tp)).toHaveText('Dikembalikan untuk perbaikan');
  });

  await test.step('ketua.zi reads the note, revises A.II.2.i.a to B and submits again', async () => {
    await page.goto(`/lke/${id}`);
    await expect(stateBadge(page)).toHaveText('Dikembalikan untuk perbaikan');
    const note = page.locator('.alert', { hasText: 'Catatan TPI untuk perbaikan:' });
    await expect(note).toContainText(RETURN_NOTE);
    await page.goto(`/lke/${id}/items/A.II.2.i.a`);
    await answerWithAutosave(page, id, 'A.II.2.i.a', 'B');
    await page.goto(`/lke/${id}`);
    await expect(unitTotal(page)).toHaveText(TOTAL_REVISED);
    await takeTransition(page, id, 'Ajukan', 'Lembar kerja diajukan ke TPI.');
    await expect(stateBadge(page)).toHaveText('Diajukan ke TPI');
  });

  await test.step('tpi may not conclude before every item has a decision; accepts the remaining 111 by name', async () => {
    await takeTransition(tp, id, 'Mulai evaluasi', 'Evaluasi TPI dimulai.');
    // the two items it valued itself stand; the other 111 still need a decision
    await expect(tp.locator('main')).toContainText('111 butir belum memiliki keputusan TPI');
    await tp.getByRole('link', { name: 'Terima nilai unit untuk butir yang tersisa…' }).first().click();
    await expect(tp).toHaveURL(new RegExp(`/lke/${id}/review/remaining$`));
    await expect(tp.getByRole('heading', { level: 2, name: 'Terima nilai unit untuk 111 butir yang tersisa' })).toBeVisible();
    await expect(tp.locator('main ul.plain-list li')).toHaveCount(111);
    await tp.getByRole('button', { name: 'Ya, terima nilai unit untuk 111 butir' }).click();
    await expect(flash(tp)).toHaveText('Nilai unit diterima untuk butir yang tersisa.');
    await tp.goto(`/lke/${id}`);
    await expect(tp.locator('main')).not.toContainText('belum memiliki keputusan TPI');
  });

  await test.step('tpi concludes "memenuhi"', async () => {
    const evaluate = tp.locator('form', { has: tp.getByRole('button', { name: 'Simpan kesimpulan' }) });
    await expect(evaluate.getByRole('heading', { level: 3 })).toHaveText('Simpulkan evaluasi');
    await evaluate.getByLabel('Kesimpulan TPI: memenuhi kriteria', { exact: true }).check();
    await evaluate.getByLabel('Catatan kesimpulan').fill('Memenuhi syarat nilai Menuju WBK; Penataan Tatalaksana perlu ditingkatkan untuk WBBM.');
    await evaluate.getByRole('button', { name: 'Simpan kesimpulan' }).click();
    await expect(flash(tp)).toHaveText('Kesimpulan evaluasi disimpan.');
    await expect(stateBadge(tp)).toHaveText('Selesai dievaluasi TPI');
    await expect(tp.locator('.alert--success', { hasText: 'Kesimpulan TPI' })).toContainText('Kesimpulan TPI: memenuhi kriteria');
  });
  await tpi.context.close();

  await test.step('the verdict: WBK met, WBBM gaps in words and what it would take', async () => {
    await page.goto(`/lke/${id}`);
    await expect(stateBadge(page)).toHaveText('Selesai dievaluasi TPI');
    await shot(page, 'desktop-overview-evaluated');
    await page.getByRole('link', { name: 'Predikat WBK/WBBM' }).first().click();
    await expect(page).toHaveURL(new RegExp(`/lke/${id}/verdict$`));
    // after the review the verdict is the TPI's
    await expect(page.locator('nav.tabs a[aria-current="page"]')).toHaveText('Evaluasi TPI');
    const wbk = page.locator('section.card', { has: page.getByRole('heading', { level: 2, name: /^Menuju WBK:/ }) });
    const wbbm = page.locator('section.card', { has: page.getByRole('heading', { level: 2, name: /^Menuju WBBM:/ }) });
    await expect(wbk.getByRole('heading', { level: 2 })).toHaveText('Menuju WBK: memenuhi syarat nilai');
    await expect(wbbm.getByRole('heading', { level: 2 })).toHaveText('Menuju WBBM: belum memenuhi syarat nilai');
    const gaps = wbbm.locator('h3:text-is("Kesenjangan") + ul');
    await expect(gaps).toContainText('Penataan Tatalaksana 74,02 % < 75 %');
    await expect(gaps).toContainText('Nilai total 84,55 < 85');
    await expect(gaps).toContainText('Pelayanan publik yang prima 15,53 < 15,75');
    await expect(wbbm.getByRole('heading', { level: 3, name: 'Apa yang diperlukan' })).toBeVisible();
    expect(await wbbm.locator('h3:text-is("Apa yang diperlukan") + ol > li').count()).toBeGreaterThan(0);
    await shot(page, 'desktop-verdict');
    // the unit's own layer keeps its own numbers
    await page.locator('nav.tabs').getByRole('link', { name: 'Penilaian mandiri unit' }).click();
    await expect(page).toHaveURL(/layer=unit$/);
    await expect(wbbm.locator('h3:text-is("Kesenjangan") + ul')).toContainText('Penataan Tatalaksana 71,67 % < 75 %');
  });

  let xlsx = Buffer.alloc(0);
  let xlsxName = '';
  await test.step('downloads: the official XLSX and the LHE PDF', async () => {
    await page.goto(`/lke/${id}`);
    const [x] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh LKE (XLSX, format resmi)' }).click()]);
    xlsxName = x.suggestedFilename();
    expect(xlsxName).toMatch(/^LKE-.+\.xlsx$/);
    xlsx = readFileSync((await x.path())!);
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
    const [p] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh Laporan Hasil Evaluasi (PDF)' }).click()]);
    expect(p.suggestedFilename()).toMatch(/^LHE-.+\.pdf$/);
    const pdf = readFileSync((await p.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
  });

  let imported = '';
  await test.step('the XLSX imported into a new empty worksheet gives the same unit total', async () => {
    await page.goto(`/lke/${id}`);
    const original = (await unitTotal(page).textContent())!.trim();
    expect(original).toBe(TOTAL_REVISED);
    const ws = await createWorksheet(page, { unit: UNIT_DPM, years: EARLY_YEARS });
    imported = ws.id;
    await expect(unitTotal(page)).toHaveText('0,00');
    await page.getByRole('link', { name: 'Impor dari XLSX' }).click();
    await expect(page).toHaveURL(new RegExp(`/lke/${imported}/import$`));
    await page.getByLabel('Berkas LKE (.xlsx)').setInputFiles({ name: xlsxName, mimeType: XLSX_TYPE, buffer: xlsx });
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/lke/${imported}$`));
    await expect(flash(page)).toHaveText('Jawaban unit diimpor.');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`LKE ${UNIT_DPM} ${ws.year}`);
    const copy = (await unitTotal(page).textContent())!.trim();
    expect(copy).toBe(original);
    await expect(answeredCount(page)).toHaveText('113 dari 113');
    // the verdict page of the unit layer says the same
    const totalRow = (p: Page) => p.locator('section.card').first().locator('tr', { hasText: 'Nilai total' }).locator('td.num').first();
    await page.goto(`/lke/${imported}/verdict?layer=unit`);
    const copyVerdict = (await totalRow(page).textContent())!.trim();
    await page.goto(`/lke/${id}/verdict?layer=unit`);
    expect(copyVerdict).toBe((await totalRow(page).textContent())!.trim());
  });

  await test.step('pegawai reads the worksheet but has no forms', async () => {
    const { context, page: p } = await signedIn(browser, 'pegawai');
    const res = await p.goto(`/lke/${id}`);
    expect(res?.status()).toBe(200);
    await expect(p.getByRole('heading', { level: 1 })).toHaveText(/^LKE .+ \d{4}$/);
    await expect(stateBadge(p)).toHaveText('Selesai dievaluasi TPI');
    await expect(unitTotal(p)).toHaveText(TOTAL_REVISED);
    await expect(p.getByRole('heading', { name: 'Langkah berikutnya' })).toHaveCount(0);
    await expect(p.locator('main form[method="post"]')).toHaveCount(0);
    await p.getByRole('link', { name: 'Lihat lembar kerja' }).click();
    await expect(p).toHaveURL(new RegExp(`/lke/${id}/items$`));
    await expect(p.locator('.lke-item').first()).toBeVisible();
    await expect(p.locator('main form[method="post"]')).toHaveCount(0);
    await expect(p.locator('main input, main textarea')).toHaveCount(0);
    await p.goto(`/lke/${id}/items/${EVIDENCE_ITEM}`);
    await expect(p.locator('section#evidence ul.evidence-list li')).toHaveCount(2);
    await expect(p.locator('main form[method="post"]')).toHaveCount(0);
    await expect(p.locator('input[type="file"]')).toHaveCount(0);
    await context.close();
  });

  await test.step('at 360 px: the items and the overview, without sideways scrolling on the items', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const phone = await context.newPage();
    await login(phone, 'ketua.zi');
    // the editable worksheet (imported, draft) with its answer forms, and the evaluated one read-only
    await phone.goto(`/lke/${imported}/items?section=A.I.1`);
    await expect(answerForm(phone, imported, 'A.I.1.i.a')).toBeVisible();
    await shot(phone, 'phone-items-A.I.1');
    await expectNoHorizontalScroll(phone, PHONE.width);
    await phone.goto(`/lke/${imported}/items?section=A.II.5`);
    await shot(phone, 'phone-items-A.II.5');
    await expectNoHorizontalScroll(phone, PHONE.width);
    await phone.goto(`/lke/${id}/items?section=A.I.1`);
    await expectNoHorizontalScroll(phone, PHONE.width);
    await phone.goto(`/lke/${id}`);
    await expect(unitTotal(phone)).toHaveText(TOTAL_REVISED);
    await shot(phone, 'phone-overview');
    await expectNoHorizontalScroll(phone, PHONE.width);
    await context.close();
  });
});
