// The Rencana Kerja from start to finish in the browser (issue 4, "Done when"): the ZI chair of
// DPMPTSP-KUKM adopts the 2022 seed document as the plan of a past year, fills in the decree header
// (number, date, place, signer), adds a target to area 1, moves an activity to other months and
// gives it a person in charge, adds a new activity for three months, records monev for those three
// months, and reads the progress; then the decree PDF is downloaded through its link and read with
// `pdftotext -layout`: the seed's headings and chapters, the unit, the edited header, the new target,
// and the monthly matrix with X in exactly the right month columns. The schedule workbook says the
// same. Without pdftotext the journey is skipped (and fails in CI, where it must be installed).
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { login, navLink } from './support/app.ts';
import { flash, UNIT_DPM } from './support/lke.ts';
import {
  chapters, createPlanFromTemplate, download, findPdftotext, flatten, MATRIX_PITCH, matrixRow, MONTH_LABELS, monthsText, pdfToText, TEMPLATE, workbookRows,
} from './support/workplan.ts';

const PDFTOTEXT = findPdftotext();

/**
 * A past year, before the demo's: every month has begun, so monev may be recorded in any of them (a
 * month that has not begun is refused), and every scheduled month has ended, so what is not done is
 * overdue.
 */
const YEARS = [2016, 2017, 2018, 2019, 2020];

const SIGNER = { option: 'Elius Gani, S.H., M.H. — Kepala Dinas', printed: 'ELIUS GANI, S.H., M.H.', nip: 'NIP. 19680412 199303 1' };
const NEW_TARGET = 'Seluruh pegawai menandatangani Pakta Integritas pada bulan Januari.';
/** A template activity of area 4 (3, 6, 9, 12 in the seed) moved to other months, with a PIC. */
const EDITED = { title: 'Pengelolaan Akuntabilitasi Kinerja', area: 4, from: [3, 6, 9, 12], months: [1, 4, 8], pic: 'Arif Rahman', picOption: 'Arif Rahman — Pengelola Data Perizinan' };
/** A new activity of area 1 (the seed's schedule has none there; the template's four are marked as its additions). */
const ADDED = {
  title: 'Sosialisasi Rencana Kerja ZI', area: 1, areaOption: '1. Manajemen Perubahan', months: [2, 5, 11],
  pic: 'Siti Aminah', picOption: 'Siti Aminah — Pengadministrasi Perizinan', outputs: 'Notulen dan daftar hadir sosialisasi',
};
/** Monev of the new activity in its three months. */
const MONEV = [
  { month: 2, status: 'Selesai', value: 'done', realisation: '100', problems: 'Sebagian pegawai bertugas lapangan.', followUp: 'Materi dibagikan lewat grup pesan.' },
  { month: 5, status: 'Sebagian', value: 'partial', realisation: '60', problems: 'Ruang rapat dipakai kegiatan lain.', followUp: 'Sesi kedua dijadwalkan ulang.' },
  { month: 11, status: 'Selesai', value: 'done', realisation: '100', problems: 'Tidak ada.', followUp: 'Evaluasi pemahaman pegawai.' },
];
const DONE_MONTHS = MONEV.filter((m) => m.value === 'done').map((m) => m.month);

/** Scheduled activity-months of the seed, and after the edits (the edited activity's new months, the new activity's). */
const SEED_SCHEDULED = TEMPLATE.activities.reduce((s, a) => s + a.months.length, 0);
const SCHEDULED = SEED_SCHEDULED - EDITED.from.length + EDITED.months.length + ADDED.months.length;
const pct = (done: number, of: number) => Math.round((done / of) * 100);

/** The row of an activity in the monthly matrix on the plan page, and the months it marks. */
function pageMatrixRow(page: Page, title: string): Locator {
  // an activity the Integritas template added to the seed's schedule says so to screen readers
  const name = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(tambahan templat\\))?$`);
  return page.locator('.plan-matrix__table tbody tr', { has: page.getByRole('rowheader', { name }) });
}
async function markedMonths(row: Locator, cls = 'plan-matrix__mark'): Promise<number[]> {
  return row.locator('td').evaluateAll((tds, c) => tds.slice(1).flatMap((td, i) => (td.classList.contains(c) ? [i + 1] : [])), cls);
}
/** The entry of an activity in the activity list of the plan page. */
function listEntry(page: Page, title: string): Locator {
  return page.locator('#kegiatan li', { has: page.locator('strong', { hasText: title }) });
}
/** The monev card of an activity on the monev page. */
function monevCard(page: Page, title: string): Locator {
  return page.locator('section.plan-monev', { has: page.getByRole('heading', { level: 2, name: title }) });
}

test('Rencana Kerja journey: adopt the template, edit, assign, monev for three months, decree PDF and schedule workbook', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  if (!PDFTOTEXT) {
    if (process.env.CI) throw new Error('pdftotext is not installed: the decree PDF cannot be read. Install poppler-utils (apt-get install -y poppler-utils).');
    test.skip(true, 'pdftotext (poppler-utils) is not installed; the decree PDF cannot be read');
  }
  let planId = '';
  let year = 0;

  await test.step('ketua.zi adopts the seed document as a plan for a past year', async () => {
    await login(page, 'ketua.zi');
    await (await navLink(page, 'Rencana kerja')).click();
    await expect(page).toHaveURL(/\/rencana-kerja$/);
    await expect(page.locator('main')).toContainText(UNIT_DPM);
    ({ id: planId, year } = await createPlanFromTemplate(page, YEARS));
    await expect(flash(page)).toHaveText('Rencana kerja dibuat.');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Rencana Kerja Pembangunan ZI ${year}`);
    await expect(page.locator('main')).toContainText(UNIT_DPM);
    // the seed's schedule, every activity with its months
    await expect(page.locator('#kegiatan li')).toHaveCount(TEMPLATE.activities.length);
    for (const a of TEMPLATE.activities) {
      await expect(listEntry(page, a.title)).toContainText(`${a.title}${a.added ? ' tambahan templat' : ''} · ${monthsText(a.months)}`);
      expect(await markedMonths(pageMatrixRow(page, a.title)), a.title).toEqual(a.months);
    }
    // no decree number or signer yet; nothing is done yet
    const header = page.locator('section#keputusan');
    await expect(header.getByLabel('Nomor keputusan')).toHaveValue('');
    await expect(header.getByLabel('Ditetapkan di')).toHaveValue(TEMPLATE.decree.place);
    await expect(page.locator('ul.plan-progress li').first()).toHaveText(`Seluruh rencana: 0 dari ${SEED_SCHEDULED} jadwal selesai (0%)`);
  });

  let number = '';
  await test.step('the decree header: number, date, place and signer', async () => {
    number = `188.4/012/DINPMP2KUKM/${year}`;
    const header = page.locator('section#keputusan');
    await header.getByLabel('Nomor keputusan').fill(number);
    await header.getByLabel('Tanggal ditetapkan').fill(`${year}-01-18`);
    await header.getByLabel('Ditetapkan di').fill('Sungailiat');
    await header.getByLabel('Penandatangan').selectOption({ label: SIGNER.option });
    await header.getByRole('button', { name: 'Simpan', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/rencana-kerja/${planId}$`));
    await expect(flash(page)).toHaveText('Perubahan disimpan.');
    await expect(header.getByLabel('Nomor keputusan')).toHaveValue(number);
    await expect(header.getByLabel('Tanggal ditetapkan')).toHaveValue(`${year}-01-18`);
    await expect(header.getByLabel('Penandatangan').locator('option:checked')).toHaveText(SIGNER.option);
    // the list of plans shows the number
    await page.getByRole('navigation', { name: 'Jejak navigasi' }).getByRole('link', { name: 'Rencana Kerja Pembangunan ZI' }).click();
    await expect(page).toHaveURL(/\/rencana-kerja(\?unit=[0-9a-f-]{36})?$/);
    const row = page.locator('table tbody tr', { has: page.getByRole('link', { name: String(year), exact: true }) });
    await expect(row).toContainText(number);
    await row.getByRole('link', { name: String(year), exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/rencana-kerja/${planId}$`));
  });

  await test.step('area 1: one more target', async () => {
    const area = page.locator('details.plan-area', { has: page.locator('summary', { hasText: /^1\. / }) });
    await area.locator('summary').click();
    const targets = area.getByLabel('Target yang ingin dicapai');
    const before = await targets.inputValue();
    expect(before.split('\n')).toHaveLength(TEMPLATE.areas.find((a) => a.area === 1)!.targets.length);
    await targets.fill(`${before}\n${NEW_TARGET}`);
    await area.getByRole('button', { name: 'Simpan area 1' }).click();
    await expect(page).toHaveURL(new RegExp(`/rencana-kerja/${planId}#area$`));
    await expect(flash(page)).toHaveText('Perubahan disimpan.');
    const saved = page.locator('details.plan-area', { has: page.locator('summary', { hasText: /^1\. / }) });
    await saved.locator('summary').click();
    await expect(saved.getByLabel('Target yang ingin dicapai')).toHaveValue(`${before}\n${NEW_TARGET}`);
  });

  await test.step(`"${EDITED.title}": other months and a person in charge`, async () => {
    await listEntry(page, EDITED.title).getByRole('link', { name: 'Ubah kegiatan' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ubah kegiatan');
    await expect(page.getByLabel('Kegiatan', { exact: true })).toHaveValue(EDITED.title);
    const months = page.getByRole('group', { name: 'Bulan pelaksanaan' });
    for (let m = 1; m <= 12; m++) {
      const box = months.getByRole('checkbox', { name: MONTH_LABELS[m - 1], exact: true });
      await expect(box).toBeChecked({ checked: EDITED.from.includes(m) });
      await box.setChecked(EDITED.months.includes(m));
    }
    await page.getByLabel('Penanggung jawab').selectOption({ label: EDITED.picOption });
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/rencana-kerja/${planId}#kegiatan$`));
    await expect(flash(page)).toHaveText('Perubahan disimpan.');
    const entry = listEntry(page, EDITED.title);
    await expect(entry).toContainText(`${EDITED.title} · ${monthsText(EDITED.months)}`);
    await expect(entry).toContainText(`Penanggung jawab: ${EDITED.pic}`);
    expect(await markedMonths(pageMatrixRow(page, EDITED.title))).toEqual(EDITED.months);
  });

  await test.step(`a new activity in area ${ADDED.area}: "${ADDED.title}" in ${monthsText(ADDED.months)}`, async () => {
    await page.getByRole('link', { name: 'Tambah kegiatan' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tambah kegiatan');
    await page.getByLabel('Area', { exact: true }).selectOption({ label: ADDED.areaOption });
    await page.getByLabel('Kegiatan', { exact: true }).fill(ADDED.title);
    await page.getByLabel('Penanggung jawab').selectOption({ label: ADDED.picOption });
    const months = page.getByRole('group', { name: 'Bulan pelaksanaan' });
    for (const m of ADDED.months) await months.getByRole('checkbox', { name: MONTH_LABELS[m - 1], exact: true }).check();
    await page.getByLabel('Keluaran (output)').fill(ADDED.outputs);
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/rencana-kerja/${planId}#kegiatan$`));
    await expect(flash(page)).toHaveText('Perubahan disimpan.');
    const entry = listEntry(page, ADDED.title);
    await expect(entry).toContainText(`${ADDED.title} · ${monthsText(ADDED.months)}`);
    await expect(entry).toContainText(`Penanggung jawab: ${ADDED.pic}`);
    await expect(entry).toContainText(`Keluaran (output): ${ADDED.outputs}`);
    await expect(page.locator('#kegiatan li')).toHaveCount(TEMPLATE.activities.length + 1);
    expect(await markedMonths(pageMatrixRow(page, ADDED.title))).toEqual(ADDED.months);
    await expect(page.locator('ul.plan-progress li').first()).toHaveText(`Seluruh rencana: 0 dari ${SCHEDULED} jadwal selesai (0%)`);
  });

  await test.step('monev for three months of the new activity', async () => {
    await page.getByRole('link', { name: 'Monev', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/rencana-kerja/${planId}/monev\\?bulan=\\d+$`));
    for (const m of MONEV) {
      const label = MONTH_LABELS[m.month - 1]!;
      await page.getByLabel('Bulan', { exact: true }).selectOption({ label });
      await page.getByRole('button', { name: 'Tampilkan' }).click();
      await expect(page).toHaveURL(new RegExp(`/monev\\?bulan=${m.month}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Monev ${label} ${year}`);
      const card = monevCard(page, ADDED.title);
      await expect(card).toContainText(`Penanggung jawab: ${ADDED.pic}`);
      await card.getByLabel('Status', { exact: true }).selectOption({ label: m.status });
      await card.getByLabel('Realisasi (%) (opsional)', { exact: true }).fill(m.realisation);
      await card.getByLabel('Catatan (opsional)', { exact: true }).fill(`Sosialisasi bulan ${label}.`);
      await card.getByLabel('Kendala (opsional)', { exact: true }).fill(m.problems);
      await card.getByLabel('Tindak lanjut (opsional)', { exact: true }).fill(m.followUp);
      await card.getByRole('button', { name: 'Simpan monev' }).click();
      await expect(page).toHaveURL(new RegExp(`/monev\\?bulan=${m.month}#m-[0-9a-f-]{36}$`));
      await expect(flash(page)).toHaveText('Monev disimpan.');
    }
    // each month, opened again, shows what was recorded; a month without the activity does not list it
    for (const m of MONEV) {
      const label = MONTH_LABELS[m.month - 1]!;
      await page.getByLabel('Bulan', { exact: true }).selectOption({ label });
      await page.getByRole('button', { name: 'Tampilkan' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Monev ${label} ${year}`);
      const card = monevCard(page, ADDED.title);
      await expect(card.getByLabel('Status', { exact: true })).toHaveValue(m.value);
      await expect(card.getByLabel('Realisasi (%) (opsional)', { exact: true })).toHaveValue(m.realisation);
      await expect(card.getByLabel('Kendala (opsional)', { exact: true })).toHaveValue(m.problems);
      await expect(card.getByLabel('Tindak lanjut (opsional)', { exact: true })).toHaveValue(m.followUp);
      await expect(card.getByRole('heading', { level: 2 }).getByText('Selesai', { exact: true })).toHaveCount(m.value === 'done' ? 1 : 0);
    }
    await page.getByLabel('Bulan', { exact: true }).selectOption({ label: 'Mar' });
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Monev Mar ${year}`);
    await expect(monevCard(page, ADDED.title)).toHaveCount(0);
  });

  await test.step('the progress: area 1 and the whole plan, and the done months in the matrix', async () => {
    await page.goto(`/rencana-kerja/${planId}`);
    const progress = page.locator('ul.plan-progress li');
    const done = DONE_MONTHS.length;
    await expect(progress.first()).toHaveText(`Seluruh rencana: ${done} dari ${SCHEDULED} jadwal selesai (${pct(done, SCHEDULED)}%)`);
    const area1 = TEMPLATE.activities.filter((a) => a.area === 1).reduce((n, a) => n + a.months.length, 0) + ADDED.months.length;
    await expect(progress.filter({ hasText: /^1\. / })).toHaveText(`1. Manajemen Perubahan: ${done} dari ${area1} jadwal selesai (${pct(done, area1)}%)`);
    await expect(page.locator('ul.plan-progress')).toContainText(`${SCHEDULED - done} jadwal terlambat`);
    const row = pageMatrixRow(page, ADDED.title);
    expect(await markedMonths(row)).toEqual(ADDED.months);
    expect(await markedMonths(row, 'plan-matrix__mark--done')).toEqual(DONE_MONTHS);
  });

  let text = '';
  let matrixText = '';
  await test.step('the decree PDF, downloaded through its link, read with pdftotext -layout', async () => {
    const pdf = await download(page, page.getByRole('link', { name: 'Unduh keputusan (PDF)' }), '/keputusan.pdf');
    expect(pdf.suggestedFilename()).toBe(`Keputusan-Rencana-Kerja-ZI-${year}.pdf`);
    const file = testInfo.outputPath('keputusan.pdf');
    await pdf.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    text = pdfToText(PDFTOTEXT!, file);
    matrixText = pdfToText(PDFTOTEXT!, file, MATRIX_PITCH);
    await testInfo.attach('keputusan.txt', { body: text, contentType: 'text/plain' });
    await testInfo.attach('keputusan-fixed-pitch.txt', { body: matrixText, contentType: 'text/plain' });
    const flat = flatten(text);
    const lines = text.split('\n').map((l) => l.trim());
    // the decree's parts, as in the seed document
    for (const heading of ['MENIMBANG', 'MENGINGAT']) expect(lines.some((l) => l.startsWith(heading)), heading).toBe(true);
    expect(lines).toContain('MEMUTUSKAN :');
    expect(flat).toContain('Menetapkan : KEPUTUSAN KEPALA DINAS PENANAMAN MODAL');
    expect(chapters(text)).toEqual([
      { label: 'BAB I', title: 'PENDAHULUAN' },
      { label: 'BAB II', title: 'RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS' },
      { label: 'BAB III', title: 'EVALUASI DAN PELAPORAN' },
      { label: 'BAB IV', title: 'PENUTUP' },
    ]);
    // the unit, the edited header, the new target
    expect(flat).toContain('PEMERINTAH KABUPATEN BANGKA');
    expect(flat).toContain(UNIT_DPM.toUpperCase());
    expect(flat).toContain(`KEPUTUSAN KEPALA ${UNIT_DPM.toUpperCase()} KABUPATEN BANGKA`);
    expect(flat).toContain(`NOMOR : ${number}`);
    expect(flat).toContain(`Ditetapkan di Sungailiat Pada tanggal 18 Januari ${year}`);
    expect(flat).toContain(SIGNER.printed);
    expect(flat).toContain(SIGNER.nip);
    // the header has no blank left; only the Tim Kerja decree it cites is blank, as no team of that
    // past year has a decree in Integritas
    expect(flat).toContain('Nomor ………… tanggal ………… tentang Pembentukan Tim Kerja');
    expect(flat.split('…………').length - 1).toBe(2);
    expect(flat).toContain(NEW_TARGET);
  });

  await test.step('the monthly matrix of the PDF: X in exactly the right month columns', async () => {
    expect(text).toContain('JADWAL PELAKSANAAN RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS');
    const expected: [string, number[], string | null][] = [
      [ADDED.title, ADDED.months, ADDED.pic],
      [EDITED.title, EDITED.months, EDITED.pic],
      // a row the journey did not touch, as a check of the reading itself
      ['Pengendalian Gratifikasi', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], null],
    ];
    for (const [title, months, pic] of expected) {
      const row = matrixRow(matrixText, title);
      expect(row, `matrix row of "${title}"`).not.toBeNull();
      const where = `"${title}" in\n${row!.header}\n${row!.line}`;
      expect(row!.unplaced, where).toEqual([]);
      expect(row!.months, where).toEqual(months);
      // the person in charge on the same line of the plain layout
      if (pic) expect(text.split('\n').find((l) => l.includes(title) && /\bX\b/.test(l)), where).toContain(pic);
    }
  });

  await test.step('the schedule workbook (jadwal.xlsx) downloads with the same rows', async () => {
    const xlsx = await download(page, page.getByRole('link', { name: 'Unduh jadwal (XLSX)' }), '/jadwal.xlsx');
    expect(xlsx.suggestedFilename()).toBe(`Jadwal-Rencana-Kerja-ZI-${year}.xlsx`);
    const file = testInfo.outputPath('jadwal.xlsx');
    await xlsx.saveAs(file);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const rows = await workbookRows(bytes);
    const marks = (months: number[]) => Array.from({ length: 12 }, (_, i) => (months.includes(i + 1) ? 'X' : ''));
    for (const [a, area] of [[ADDED, '1. '], [EDITED, '4. ']] as const) {
      const row = rows.find((r) => r[1] === a.title);
      expect(row, a.title).toBeTruthy();
      expect(row![0]).toMatch(new RegExp(`^${area.replace('.', '\\.')}`));
      expect(row![2]).toBe(a.pic);
      expect(row!.slice(3, 15).map((x) => (x ? 'X' : ''))).toEqual(marks(a.months));
    }
    expect(rows.filter((r) => /^\d\. /.test(r[0] ?? ''))).toHaveLength(TEMPLATE.activities.length + 1);
  });
});
