// The LKE's two documents: the workbook (export → import round trip, tampered files, files that are
// not an LKE) and the TPI's internal evaluation report (PDF through Typst).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { renderLhePdf, type LheInput } from './lke.lhe.ts';
import { findRuleSet, getRuleSet } from './lke.ruleset.ts';
import { compareLayers, describeAnswer, indexOf, judge, parseAnswers, scoreAnswers } from './lke.rules.ts';
import type { Answers } from './lke.types.ts';
import { exportWorkbook, LKE_SHEET, META_SHEET, readWorkbook, SUMMARY_SHEET, type WorkbookInput } from './lke.xlsx.ts';

const rs = getRuleSet('permenpanrb-90-2021');
const example = JSON.parse(readFileSync(new URL('./fixtures/worked-example.json', import.meta.url), 'utf8')) as { answers: Record<string, unknown> };
const answers = parseAnswers(rs, example.answers);
const tpi: Answers = { ...answers, 'A.I.1.i.b': { option: 'B' }, 'A.II.4.i.a': { inputs: { targets: 10, achieved: 8 } } };
const notes = { 'A.I.1.i.a': 'SK Kepala Dinas No. 800/12/2025; "Tim ZI"', 'A.II.4.i.a': '=SUM(A1:A2) tidak dihitung\nbaris kedua', 'B.I.a': 'Survei BPS 2024' };
const tpiNotes = { 'A.I.1.i.b': 'Mekanisme pemilihan anggota belum terdokumentasi.' };
const evidence = {
  'A.I.1.i.a': [{ title: 'SK Tim ZI 2025', url: 'https://integritas.example/evidence/1' }, { title: 'Notulen rapat pembentukan', url: 'https://integritas.example/evidence/2' }],
  'A.II.4.i.a': [{ title: 'Laporan kinerja 2024', url: 'https://integritas.example/evidence/3' }],
};
const input: WorkbookInput = {
  ruleset: rs, options: rs.defaults, regency: 'Kabupaten Bangka', unit: { code: 'DPMPTSP', name: 'Dinas Penanaman Modal dan PTSP' }, year: 2025,
  stateLabel: 'Sedang dievaluasi', layers: { unit: answers, tpi }, notes: { unit: notes, tpi: tpiNotes }, evidence, locale: 'id',
};
const r4 = (n: number) => Math.round(n * 1e4) / 1e4;

async function load(buf: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(buf) as never);
  return wb;
}

/** Header row number and column numbers by header text of the LKE sheet. */
function layout(ws: ExcelJS.Worksheet): { header: number; col: (name: string) => number; rowOf: (code: string) => number } {
  for (let r = 1; r <= 40; r++) {
    const names = new Map<string, number>();
    ws.getRow(r).eachCell((c, i) => names.set(String(c.value), i));
    if (names.has('Kode') && names.has('Jawaban Unit')) {
      const col = (n: string) => names.get(n) ?? assert.fail(`no column ${n}`);
      const rowOf = (code: string) => {
        let found = 0;
        ws.eachRow((row, i) => { if (i > r && row.getCell(col('Kode')).value === code) found = i; });
        return found || assert.fail(`no row for ${code}`);
      };
      return { header: r, col, rowOf };
    }
  }
  return assert.fail('no header row');
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
}

// a minimal ZIP (stored entries) for files that are zips but not workbooks
function crc32(b: Uint8Array): number {
  let c = ~0;
  for (const x of b) {
    c ^= x;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function zip(files: Record<string, string>): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const n = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(n.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0); cen.writeUInt16LE(20, 4); cen.writeUInt16LE(20, 6); cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(data.length, 20); cen.writeUInt32LE(data.length, 24); cen.writeUInt16LE(n.length, 28); cen.writeUInt32LE(offset, 42);
    parts.push(local, n, data);
    central.push(cen, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  const count = Object.keys(files).length;
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(count, 8); end.writeUInt16LE(count, 10); end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, cd, end]));
}

describe('LKE workbook', async () => {
  const exported = await exportWorkbook(input);

  test('reads back identical unit answers, notes and TPI layer; the score is unchanged', async () => {
    const res = await readWorkbook(exported, findRuleSet);
    assert.deepEqual(res.errors, []);
    assert.equal(res.rulesetId, 'permenpanrb-90-2021');
    assert.equal(res.unitCode, 'DPMPTSP');
    assert.equal(res.year, 2025);
    assert.equal(res.rows, rs.items.length);
    assert.deepEqual(res.answers, answers);
    assert.deepEqual(res.notes, notes);
    assert.deepEqual(res.tpi, tpi);
    assert.deepEqual(res.tpiNotes, tpiNotes);
    const before = scoreAnswers(rs, answers);
    const after = scoreAnswers(rs, res.answers);
    assert.equal(after.total, before.total);
    assert.equal(r4(after.total), 84.3387);
    assert.deepEqual(after.nodes, before.nodes);
    assert.equal(r4(scoreAnswers(rs, res.tpi).total), r4(scoreAnswers(rs, tpi).total));
  });

  test('the LKE sheet holds every item once in the official order, with scores, totals and evidence links', async () => {
    const wb = await load(exported);
    const ws = wb.getWorksheet(LKE_SHEET)!;
    const { header, col, rowOf } = layout(ws);
    const codes: string[] = [];
    ws.eachRow((row, r) => {
      const v = row.getCell(col('Kode')).value;
      if (r > header && typeof v === 'string' && indexOf(rs).items.has(v)) codes.push(v);
    });
    assert.deepEqual(codes, [...rs.items].sort((a, b) => a.seq - b.seq).map((i) => i.code));
    assert.equal(ws.views[0]?.state, 'frozen');
    // a sub-indicator row carries its weight and score; the item row its answer and value
    const sub = ws.getRow(rowOf('A.I.1.i'));
    assert.equal(sub.getCell(col('Bobot')).value, 0.5);
    assert.equal(sub.getCell(col('Nilai Unit')).value, 0.5);
    assert.equal(sub.getCell(col('Nilai TPI')).value, 0.375);
    const pct = ws.getRow(rowOf('A.II.1.i.a'));
    assert.equal(pct.getCell(col('Jawaban Unit')).value, 120);
    assert.equal(pct.getCell(col('Rincian input Unit')).value, 'agents=10; changes=12');
    const lhkpn = ws.getRow(rowOf('A.II.5.iii.a'));
    assert.equal(lhkpn.getCell(col('Rincian input Unit')).value, 'head=1; officials=2; others=0; reported=3');
    const ev = ws.getRow(rowOf('A.I.1.i.a')).getCell(col('Data dukung')).value as { text: string; hyperlink: string };
    assert.equal(ev.hyperlink, 'https://integritas.example/evidence/1');
    assert.equal(ev.text, 'SK Tim ZI 2025\nNotulen rapat pembentukan');
    assert.match(String(ws.getRow(rowOf('A.I.1.i.b')).getCell(col('Kriteria')).value), /^A\. .+\nB\. .+\nC\. /);
    // totals below the table
    let total: ExcelJS.Row | null = null;
    ws.eachRow((row) => { if (row.getCell(col('Komponen / Butir')).value === 'Total') total = row; });
    assert.ok(total);
    assert.equal(r4((total as ExcelJS.Row).getCell(col('Nilai Unit')).value as number), 84.3387);
    assert.equal(wb.getWorksheet(META_SHEET)!.state, 'veryHidden');
    const summary = wb.getWorksheet(SUMMARY_SHEET)!;
    const texts: string[] = [];
    summary.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    assert.ok(texts.some((x) => x.includes('Menuju WBBM — Unit: belum memenuhi kriteria nilai')));
    assert.ok(texts.some((x) => x.includes('Penataan Tatalaksana 69,24 % < 75 %')));
  });

  test('English headers read back too; a TPN layer is shown but never imported', async () => {
    const buf = await exportWorkbook({ ...input, locale: 'en', layers: { unit: answers, tpi, tpn: { 'B.I.a': { index: 3.5 } } } });
    const res = await readWorkbook(buf, findRuleSet);
    assert.deepEqual(res.errors, []);
    assert.deepEqual(res.answers, answers);
    assert.deepEqual(res.tpi, tpi);
    const ws = (await load(buf)).getWorksheet(LKE_SHEET)!;
    let tpn: unknown = null;
    ws.eachRow((row) => {
      row.eachCell((c, i) => { if (c.value === 'B.I.a') tpn = row.getCell(i + 15).value; });
    });
    assert.equal(tpn, 3.5); // Code + 15 columns = "TPN answer"
  });

  test('a tampered workbook returns exactly its errors with row numbers and item codes', async () => {
    const wb = await load(exported);
    const ws = wb.getWorksheet(LKE_SHEET)!;
    const { col, rowOf } = layout(ws);
    const badLetter = rowOf('A.I.1.i.b');
    ws.getRow(badLetter).getCell(col('Jawaban Unit')).value = 'F';
    const negative = rowOf('A.II.4.i.a');
    ws.getRow(negative).getCell(col('Rincian input Unit')).value = 'targets=10; achieved=-3';
    const extra = ws.addRow([]);
    extra.getCell(col('Kode')).value = 'A.I.9.z';
    extra.getCell(col('Jawaban Unit')).value = 'A';
    const res = await readWorkbook(await bytesOf(wb), findRuleSet);
    assert.deepEqual(res.errors.map((e) => ({ row: e.row, item: e.item, code: e.code })), [
      { row: badLetter, item: 'A.I.1.i.b', code: 'lke.answer.option_invalid' },
      { row: negative, item: 'A.II.4.i.a', code: 'lke.answer.count_negative' },
      { row: extra.number, item: 'A.I.9.z', code: 'lke.answer.unknown_item' },
    ]);
    assert.equal(res.errors[0]!.params.given, 'F');
    assert.equal(res.errors[1]!.params.input, 'achieved');
  });

  test('numbers typed by hand: "3,72", a percent-formatted cell, direct percentages', async () => {
    const wb = await load(exported);
    const ws = wb.getWorksheet(LKE_SHEET)!;
    const { col, rowOf } = layout(ws);
    ws.getRow(rowOf('B.I.a')).getCell(col('Jawaban Unit')).value = '3,72';
    const p = ws.getRow(rowOf('A.II.6.i.b'));
    p.getCell(col('Rincian input Unit')).value = null;
    p.getCell(col('Jawaban Unit')).value = 0.625;
    p.getCell(col('Jawaban Unit')).numFmt = '0%';
    const q = ws.getRow(rowOf('A.II.4.i.a'));
    q.getCell(col('Rincian input Unit')).value = null;
    q.getCell(col('Jawaban Unit')).value = '90 %';
    ws.getRow(rowOf('A.I.1.i.b')).getCell(col('Jawaban Unit')).value = ' a ';
    const res = await readWorkbook(await bytesOf(wb), findRuleSet);
    assert.deepEqual(res.errors, []);
    assert.deepEqual(res.answers['B.I.a'], { index: 3.72 });
    assert.deepEqual(res.answers['A.II.6.i.b'], { percent: 62.5 });
    assert.deepEqual(res.answers['A.II.4.i.a'], { percent: 90 });
    assert.deepEqual(res.answers['A.I.1.i.b'], { option: 'A' });
    assert.equal(r4(scoreAnswers(rs, res.answers).total), 84.3387);
  });

  test('badly written input details and deleted rows are refused, naming what is wrong', async () => {
    const wb = await load(exported);
    const ws = wb.getWorksheet(LKE_SHEET)!;
    const { col, rowOf } = layout(ws);
    const a = rowOf('A.II.1.i.a');
    ws.getRow(a).getCell(col('Rincian input Unit')).value = 'agents 10; changes=12';
    const b = rowOf('A.II.1.i.b');
    ws.getRow(b).getCell(col('Rincian input Unit')).value = 'changes=12; integrated=6,5';
    const c = rowOf('A.II.3.iii.a');
    ws.getRow(c).getCell(col('Rincian input TPI')).value = 'previousYear=4; thisYear=1; lastYear=3';
    ws.spliceRows(rowOf('A.I.2.iii.b'), 1);
    const res = await readWorkbook(await bytesOf(wb), findRuleSet);
    assert.deepEqual(res.errors.map((e) => [e.row, e.item ?? null, e.code]), [
      [0, null, 'lke.import.items_missing'],
      [a - 1, 'A.II.1.i.a', 'lke.import.inputs_format'],
      [b - 1, 'A.II.1.i.b', 'lke.answer.count_integer'],
      [c - 1, 'A.II.3.iii.a', 'lke.answer.input_unknown'],
    ]);
    assert.equal(res.errors[0]!.params.items, 'A.I.2.iii.b');
  });

  test('files that are not an LKE workbook get a single not_lke error', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('LKE').addRow(['No', 'Kode', 'Jawaban Unit']);
    const broken = new Uint8Array(exported.subarray(0, 2000));
    for (const bytes of [png, zip({ 'hello.txt': 'hello' }), zip({ 'xl/workbook.xml': '<not xml', '[Content_Types].xml': '?' }), await bytesOf(plain), broken, new Uint8Array(0)]) {
      const res = await readWorkbook(bytes, findRuleSet);
      assert.deepEqual(res.errors, [{ row: 0, code: 'lke.import.not_lke', params: {} }]);
      assert.deepEqual(res.answers, {});
    }
  });

  test('an unknown rule set, and a workbook over the row cap, are refused whole', async () => {
    const wb = await load(exported);
    wb.getWorksheet(META_SHEET)!.eachRow((row) => { if (row.getCell(1).value === 'ruleset') row.getCell(2).value = 'permenpanrb-99-2030'; });
    const res = await readWorkbook(await bytesOf(wb), findRuleSet);
    assert.deepEqual(res.errors, [{ row: 0, code: 'lke.import.ruleset', params: { ruleset: 'permenpanrb-99-2030' } }]);

    const big = await load(exported);
    const ws = big.getWorksheet(LKE_SHEET)!;
    for (let i = 0; i < 5000; i++) ws.addRow([null, null, `baris ${i}`]);
    const res2 = await readWorkbook(await bytesOf(big), findRuleSet);
    assert.deepEqual(res2.errors.map((e) => e.code), ['lke.import.too_many_rows']);
  });
});

describe('LHE internal (PDF)', () => {
  const ix = indexOf(rs);
  const unitScore = scoreAnswers(rs, answers);
  const tpiScore = scoreAnswers(rs, tpi);
  const lhe = (over: Partial<LheInput> = {}): LheInput => ({
    locale: 'id', regency: 'Kabupaten Bangka', inspectorate: 'Inspektorat Kabupaten Bangka',
    unit: { code: 'DPMPTSP', name: 'Dinas Perizinan Bangka', head: 'Drs. Ahmad Fauzi' }, year: 2025, ruleset: rs, options: rs.defaults,
    state: 'evaluated', stateLabel: 'Dievaluasi', evaluatedAt: new Date('2025-04-14T03:00:00Z'), evaluators: ['Siti Rahmawati, S.E.', 'Budi Santoso, S.H.'],
    conclusion: 'belum_memenuhi', conclusionNote: 'Penataan Tatalaksana belum mencapai 75 %.',
    scores: { unit: unitScore, tpi: tpiScore }, review: { items: rs.items.length, reviewed: rs.items.length, changed: compareLayers(rs, answers, tpi).length },
    verdict: judge(rs, tpiScore, { bpkOpinion: 'WTP' }),
    differences: compareLayers(rs, answers, tpi).map((d) => {
      const item = ix.items.get(d.item)!;
      return { item: d.item, question: item.question.id, unitAnswer: describeAnswer(item, d.a, 'id', rs.defaults), tpiAnswer: describeAnswer(item, d.b, 'id', rs.defaults), delta: d.delta, note: d.item === 'A.I.1.i.b' ? tpiNotes['A.I.1.i.b'] : null };
    }),
    notes: ['12 Maret 2025 — dikembalikan: lengkapi data dukung area 2.'],
    ...over,
  });
  const pdftotext = (() => {
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  const textOf = (pdf: Uint8Array): string => {
    const dir = mkdtempSync(join(tmpdir(), 'lhe-'));
    try {
      writeFileSync(join(dir, 'lhe.pdf'), pdf);
      return execFileSync('pdftotext', ['-layout', join(dir, 'lhe.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  test('renders a PDF naming the unit, its scores and the conclusion', (t) => {
    const pdf = renderLhePdf(lhe());
    assert.equal(Buffer.from(pdf.subarray(0, 5)).toString('latin1'), '%PDF-');
    if (!pdftotext) return t.skip('pdftotext not installed');
    const text = textOf(pdf);
    assert.ok(text.includes('Dinas Perizinan Bangka'));
    assert.ok(text.includes('84,34'));
    assert.ok(text.includes('69,24 %'));
    assert.ok(text.includes('BELUM MEMENUHI'));
    assert.ok(text.includes('Halaman 1 dari'));
    assert.ok(text.includes('A.I.1.i.b'));
  });

  test('a "memenuhi" conclusion, in English too', (t) => {
    const id = renderLhePdf(lhe({ conclusion: 'memenuhi', conclusionNote: null }));
    const en = renderLhePdf(lhe({ locale: 'en', conclusion: 'memenuhi' }));
    assert.equal(Buffer.from(en.subarray(0, 5)).toString('latin1'), '%PDF-');
    if (!pdftotext) return t.skip('pdftotext not installed');
    const text = textOf(id);
    assert.ok(text.includes('MEMENUHI'));
    assert.ok(!text.includes('BELUM MEMENUHI'));
    const english = textOf(en);
    assert.ok(english.includes('84.34'));
    assert.ok(english.includes('MEETS THE CRITERIA'));
    assert.ok(english.includes('Page 1 of'));
  });

  test('states how many items the TPI reviewed and how many it changed, in both languages', (t) => {
    const cases: [Partial<LheInput>, RegExp[]][] = [
      [{ review: { items: 113, reviewed: 113, changed: 4 } }, [/Butir ditelaah TPI 113 dari 113 butir; 4 diubah TPI/, /TPI menelaah 113 dari 113 butir lembar kerja: 109 butir diterima sesuai penilaian mandiri unit kerja dan 4 butir diubah dengan nilai TPI\./]],
      [{ review: { items: 113, reviewed: 1200, changed: 0 } }, [/1\.200 dari 113 butir; 0 diubah TPI/, /1\.200 butir diterima/]],
      [{ locale: 'en', review: { items: 113, reviewed: 113, changed: 2 } }, [/Items reviewed by the TPI 113 of 113 items; 2 changed by the TPI/, /The TPI reviewed 113 of the worksheet's 113 items: 111 were accepted as in the unit's self-assessment and 2 were changed to the TPI's value\./]],
    ];
    for (const [over, expected] of cases) {
      const pdf = renderLhePdf(lhe(over));
      assert.equal(Buffer.from(pdf.subarray(0, 5)).toString('latin1'), '%PDF-');
      if (!pdftotext) return t.skip('pdftotext not installed');
      const text = textOf(pdf).replace(/\u2019/g, "'");
      for (const re of expected) assert.match(text, re);
    }
  });

  test('text reaches Typst as data, never as markup', (t) => {
    const pdf = renderLhePdf(lhe({ unit: { code: 'X', name: 'Unit #set [a] $x$ <b> "q" \\ *bold*' }, evaluators: [], differences: [], notes: [], conclusion: null, conclusionNote: null, evaluatedAt: null }));
    if (!pdftotext) return t.skip('pdftotext not installed');
    const text = textOf(pdf);
    assert.ok(text.includes('Unit #set [a] $x$ <b> "q" \\ *bold*'));
    assert.ok(text.includes('BELUM DISIMPULKAN'));
  });
});
