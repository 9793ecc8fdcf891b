// The LKE workbook (Lampiran III layout): export of every answer layer with scores, and import of
// the unit and TPI layers back from the same file. Import never throws for bad content: it returns
// every problem with its sheet row, and the caller refuses the whole file when there is any.
import ExcelJS from 'exceljs';
import { DomainError } from '../../kernel/errors.ts';
import { formatDateTime, type Locale } from '../../kernel/i18n.ts';
import { answerError, computePercent, MAX_NOTE, indexOf, isChoiceType, judge, LETTERS_OF, parseAnswer, scoreAnswers } from './lke.rules.ts';
import type { Answer, Answers, RuleItem, RuleNode, RuleSet, RuleSetOptions, ScoreResult } from './lke.types.ts';

export interface WorkbookInput {
  ruleset: RuleSet;
  options: RuleSetOptions;
  regency: string;
  unit: { code: string; name: string };
  year: number;
  stateLabel: string;
  layers: { unit: Answers; tpi: Answers; tpn?: Answers };
  notes: { unit: Record<string, string>; tpi: Record<string, string> };
  /** absolute URLs per item code */
  evidence: Record<string, { title: string; url: string }[]>;
  locale: 'id' | 'en';
}

/** `code` is an i18n key; `row` is the sheet row (1-based), 0 for the file as a whole. */
export interface ImportRowError { row: number; item?: string; code: string; params: Record<string, string | number> }

export interface ImportResult {
  rulesetId: string | null;
  unitCode: string | null;
  year: number | null;
  answers: Answers;
  notes: Record<string, string>;
  tpi: Answers;
  tpiNotes: Record<string, string>;
  errors: ImportRowError[];
  /** item rows read */
  rows: number;
}

export const LKE_SHEET = 'LKE';
export const SUMMARY_SHEET = 'Ringkasan';
export const META_SHEET = '_integritas';
export const FORMAT_ID = 'integritas-lke';
export const FORMAT_VERSION = 1;
/** Rows above this in the LKE sheet refuse the file. */
export const MAX_ROWS = 5000;
/** Refuse archives that would unpack to more than this (zip bombs). */
const MAX_UNPACKED = 64 * 1024 * 1024;

// ---------------------------------------------------------------- document labels (not UI messages)

const LABELS = {
  id: {
    title: 'Lembar Kerja Evaluasi Pembangunan Zona Integritas',
    regency: 'Pemerintah daerah', unit: 'Unit kerja', year: 'Tahun penilaian', ruleset: 'Rule set', state: 'Status',
    generated: 'Dibuat', options: 'Opsi penilaian',
    groupItem: 'Komponen dan butir penilaian', groupUnit: 'Penilaian mandiri unit kerja', groupTpi: 'Evaluasi Tim Penilai Internal (TPI)', groupTpn: 'Evaluasi Tim Penilai Nasional (TPN)',
    inputsHint: 'Butir persentase: isi "Rincian input" sebagai kunci=angka; kunci dipisah titik koma. Jawaban (%) dihitung dari rincian.',
    total: 'Total', totalOf: 'Total', areaCombined: 'Capaian area (pemenuhan + reform)', area: 'Area',
    summaryTitle: 'Ringkasan nilai LKE', pemenuhan: 'Pemenuhan', reform: 'Reform', combined: 'Jumlah', percent: '%', weight: 'Bobot',
    layerUnit: 'Unit', layerTpi: 'TPI', layerTpn: 'TPN', criterion: 'Kriteria', minimum: 'Minimum', actual: 'Nilai', result: 'Hasil',
    met: 'memenuhi', notMet: 'tidak memenuhi', verdictOf: 'Predikat', eligible: 'memenuhi kriteria nilai', notEligible: 'belum memenuhi kriteria nilai',
    failures: 'Belum terpenuhi', none: '—', hasil: 'Hasil', choiceIndex: '0–4', moreLinks: 'Semua tautan',
    validation: 'Pilih salah satu', validationIndex: 'Isi angka 0 sampai 4',
    predicate: { WBK: 'Menuju WBK', WBBM: 'Menuju WBBM' },
    optionNames: { optionValues: 'Nilai pilihan jawaban', areaMinimum: 'Minimum per area', complaintFormula: 'Rumus penanganan pengaduan', zeroDenominator: 'Penyebut nol' },
    optionValues: {
      official: 'resmi (2 desimal)', exact: 'pecahan eksak', combined: 'gabungan per area', perHalf: 'per bagian (pemenuhan/reform)', both: 'gabungan dan per bagian',
      completed: 'selesai ÷ harus ditindaklanjuti', completedOrInProcess: '(selesai + diproses) ÷ harus ditindaklanjuti', perItem: 'menurut butir', full: '100 %', zero: '0 %',
    },
  },
  en: {
    title: 'Integrity Zone Evaluation Worksheet (LKE)',
    regency: 'Local government', unit: 'Unit', year: 'Assessment year', ruleset: 'Rule set', state: 'State',
    generated: 'Generated', options: 'Scoring options',
    groupItem: 'Components and items', groupUnit: 'Unit self-assessment', groupTpi: 'Internal assessment team (TPI)', groupTpn: 'National assessment team (TPN)',
    inputsHint: 'Percentage items: fill "input details" as key=number, keys separated by semicolons. The answer (%) is computed from them.',
    total: 'Total', totalOf: 'Total', areaCombined: 'Area achievement (fulfilment + reform)', area: 'Area',
    summaryTitle: 'LKE score summary', pemenuhan: 'Fulfilment', reform: 'Reform', combined: 'Sum', percent: '%', weight: 'Weight',
    layerUnit: 'Unit', layerTpi: 'TPI', layerTpn: 'TPN', criterion: 'Criterion', minimum: 'Minimum', actual: 'Score', result: 'Result',
    met: 'met', notMet: 'not met', verdictOf: 'Predicate', eligible: 'meets the score criteria', notEligible: 'does not yet meet the score criteria',
    failures: 'Not yet met', none: '—', hasil: 'Results', choiceIndex: '0–4', moreLinks: 'All links',
    validation: 'Choose one of', validationIndex: 'Enter a number from 0 to 4',
    predicate: { WBK: 'Towards WBK', WBBM: 'Towards WBBM' },
    optionNames: { optionValues: 'Option values', areaMinimum: 'Per-area minimum', complaintFormula: 'Complaint handling formula', zeroDenominator: 'Zero denominator' },
    optionValues: {
      official: 'official (2 decimals)', exact: 'exact fractions', combined: 'combined per area', perHalf: 'per half (fulfilment/reform)', both: 'combined and per half',
      completed: 'completed ÷ to follow up', completedOrInProcess: '(completed + in process) ÷ to follow up', perItem: 'per item', full: '100 %', zero: '0 %',
    },
  },
} as const;

type ColumnKey =
  | 'no' | 'code' | 'question' | 'criteria' | 'choices' | 'weight'
  | 'unitAnswer' | 'unitInputs' | 'unitScore' | 'unitPercent' | 'unitNote'
  | 'tpiAnswer' | 'tpiInputs' | 'tpiScore' | 'tpiPercent' | 'tpiNote'
  | 'tpnAnswer' | 'tpnInputs' | 'tpnScore' | 'tpnPercent'
  | 'evidence';

/** The table's columns in order, with header text per locale and width. */
const COLUMNS: { key: ColumnKey; id: string; en: string; width: number; group: 'item' | 'unit' | 'tpi' | 'tpn' }[] = [
  { key: 'no', id: 'No', en: 'No', width: 6, group: 'item' },
  { key: 'code', id: 'Kode', en: 'Code', width: 13, group: 'item' },
  { key: 'question', id: 'Komponen / Butir', en: 'Component / Item', width: 48, group: 'item' },
  { key: 'criteria', id: 'Kriteria', en: 'Criteria', width: 60, group: 'item' },
  { key: 'choices', id: 'Pilihan Jawaban', en: 'Answer options', width: 22, group: 'item' },
  { key: 'weight', id: 'Bobot', en: 'Weight', width: 8, group: 'item' },
  { key: 'unitAnswer', id: 'Jawaban Unit', en: 'Unit answer', width: 10, group: 'unit' },
  { key: 'unitInputs', id: 'Rincian input Unit', en: 'Unit input details', width: 26, group: 'unit' },
  { key: 'unitScore', id: 'Nilai Unit', en: 'Unit score', width: 9, group: 'unit' },
  { key: 'unitPercent', id: '% Unit', en: 'Unit %', width: 9, group: 'unit' },
  { key: 'unitNote', id: 'Catatan Unit', en: 'Unit note', width: 36, group: 'unit' },
  { key: 'tpiAnswer', id: 'Jawaban TPI', en: 'TPI answer', width: 10, group: 'tpi' },
  { key: 'tpiInputs', id: 'Rincian input TPI', en: 'TPI input details', width: 26, group: 'tpi' },
  { key: 'tpiScore', id: 'Nilai TPI', en: 'TPI score', width: 9, group: 'tpi' },
  { key: 'tpiPercent', id: '% TPI', en: 'TPI %', width: 9, group: 'tpi' },
  { key: 'tpiNote', id: 'Catatan TPI', en: 'TPI note', width: 36, group: 'tpi' },
  { key: 'tpnAnswer', id: 'Jawaban TPN', en: 'TPN answer', width: 10, group: 'tpn' },
  { key: 'tpnInputs', id: 'Rincian input TPN', en: 'TPN input details', width: 26, group: 'tpn' },
  { key: 'tpnScore', id: 'Nilai TPN', en: 'TPN score', width: 9, group: 'tpn' },
  { key: 'tpnPercent', id: '% TPN', en: 'TPN %', width: 9, group: 'tpn' },
  { key: 'evidence', id: 'Data dukung', en: 'Evidence', width: 40, group: 'item' },
];
const COL = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i + 1])) as Record<ColumnKey, number>;
const REQUIRED_ON_IMPORT: ColumnKey[] = ['code', 'unitAnswer', 'unitInputs', 'unitNote', 'tpiAnswer', 'tpiInputs', 'tpiNote'];

const NUM = '0.00';
const PCT = '0.00%';
/** A percentage stored as a number of percent points (62.5 shows "62,50 %"). */
const PCT_POINTS = '0.00" %"';
const FILL = {
  component: 'FF1F4E79', aspect: 'FF2E75B6', area: 'FFBDD7EE', sub: 'FFDDEBF7', header: 'FF203864', group: 'FFD9E1F2', total: 'FFFFF2CC',
} as const;

/** Plain-words description of the options in force ("Nilai pilihan jawaban: resmi (2 desimal); …"). */
export function describeOptions(options: RuleSetOptions, locale: Locale): string[] {
  const L = LABELS[locale];
  return (Object.keys(L.optionNames) as (keyof RuleSetOptions)[]).map((k) => {
    const v = options[k] as keyof typeof L.optionValues;
    return `${L.optionNames[k]}: ${L.optionValues[v] ?? v}`;
  });
}

/** "Ya/Tidak", "A/B/C", "%", "0–4". */
export function choicesOf(item: RuleItem): string {
  if (isChoiceType(item.type)) return LETTERS_OF[item.type].join('/');
  if (item.type === 'index') return '0–4';
  return '%';
}

/** Every criterion of an item, one per line: "A. …", "B. …"; Ya/Tidak criteria that already start with their word stay as they are. */
export function criteriaText(item: RuleItem, locale: Locale): string {
  return item.options.map((o) => {
    const t = ((locale === 'en' && o.en) || o.text).trim();
    if (o.letter.length > 1) return t.toLowerCase().startsWith(o.letter.toLowerCase()) ? t : `${o.letter}: ${t}`;
    return `${o.letter}. ${t}`;
  }).join('\n');
}

// ---------------------------------------------------------------- tree order

interface TreeRow { node?: RuleNode; item?: RuleItem; depth: number }

/** Components, aspects, areas, sub-indicators and items in the regulation's order. */
export function treeRows(rs: RuleSet): TreeRow[] {
  const ix = indexOf(rs);
  const out: TreeRow[] = [];
  const visit = (n: RuleNode, depth: number) => {
    out.push({ node: n, depth });
    for (const c of ix.children.get(n.code) ?? []) visit(c, depth + 1);
    for (const it of [...(ix.itemsOfSub.get(n.code) ?? [])].sort((a, b) => a.seq - b.seq)) out.push({ item: it, depth: depth + 1 });
  };
  for (const n of rs.nodes) if (n.parent === null) visit(n, 0);
  return out;
}

/** The root whose subtree holds the six areas (pengungkit) and the others (hasil). */
export function splitRoots(rs: RuleSet): { pengungkit: RuleNode[]; hasil: RuleNode[] } {
  const ix = indexOf(rs);
  const hasArea = (n: RuleNode): boolean => n.area !== null || (ix.children.get(n.code) ?? []).some(hasArea);
  const roots = rs.nodes.filter((n) => n.parent === null);
  return { pengungkit: roots.filter(hasArea), hasil: roots.filter((n) => !hasArea(n)) };
}

// ---------------------------------------------------------------- answers ↔ cells

/** The named inputs of a percent answer as "key=value; key=value" (sums of parts are left out: they are recomputed). */
export function formatInputs(item: RuleItem, a: Answer | null | undefined): string {
  if (!a || !('inputs' in a)) return '';
  const defs = item.inputs ?? [];
  const parts: string[] = [];
  for (const d of defs) {
    const v = a.inputs[d.key];
    if (v === undefined) continue;
    if (d.sumOf && d.sumOf.some((p) => a.inputs[p] !== undefined)) continue;
    parts.push(`${d.key}=${v}`);
  }
  for (const [k, v] of Object.entries(a.inputs)) if (!defs.some((d) => d.key === k)) parts.push(`${k}=${v}`);
  return parts.join('; ');
}

/** Parses "key=value; key=value" (also "key: value", one per line) into raw inputs; throws a DomainError naming the item. */
export function parseInputs(item: RuleItem, text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const seg of text.split(/[;\n\r]+/)) {
    const s = seg.trim();
    if (!s) continue;
    const m = /^([A-Za-z][A-Za-z0-9_]*)\s*[=:]\s*(.*)$/.exec(s);
    if (!m) throw answerError('lke.import.inputs_format', item.code, { given: s.slice(0, 40) });
    const key = m[1]!;
    const value = m[2]!.trim();
    if (key in out) throw answerError('lke.import.inputs_duplicate', item.code, { input: key });
    if (value === '') continue;
    if (!/^[+-]?\d+$/.test(value)) throw answerError('lke.answer.count_integer', item.code, { input: key });
    out[key] = Number(value);
  }
  return out;
}

type CellValue = ExcelJS.CellValue;

/** The plain value of a cell: formula results, rich text and hyperlinks reduced to their value/text. */
function plain(v: CellValue): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return plain((v as { result?: CellValue }).result ?? null);
    if ('hyperlink' in v) return plain((v as { text: CellValue }).text);
    if ('error' in v) return String((v as { error: unknown }).error);
  }
  return null;
}

function text(cell: ExcelJS.Cell | undefined): string {
  if (!cell) return '';
  const v = plain(cell.value);
  return v === null ? '' : String(v).trim();
}

/** A true Excel percent format ("0.00%", not the quoted '" %"' suffix): the stored number is a fraction. */
function isPercentFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /%/.test(numFmt.replace(/"[^"]*"/g, ''));
}

/** The raw answer of one layer in one row, as parseAnswer accepts it. */
function rawAnswer(item: RuleItem, answerCell: ExcelJS.Cell | undefined, inputsCell: ExcelJS.Cell | undefined): unknown {
  const v = answerCell ? plain(answerCell.value) : null;
  if (item.type === 'percent') {
    const details = text(inputsCell);
    if (details) return { inputs: parseInputs(item, details) };
    if (v === null || v === '') return null;
    if (typeof v === 'number') return { percent: isPercentFormat(answerCell?.numFmt) ? v * 100 : v };
    const s = String(v).trim().replace(/\s*%$/, '').trim();
    return s === '' ? null : { percent: s };
  }
  if (v === null) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (isChoiceType(item.type)) return String(v); // a number or boolean where a letter belongs: option_invalid names it
  return v;
}

// ---------------------------------------------------------------- export

export async function exportWorkbook(input: WorkbookInput): Promise<Buffer> {
  const { ruleset: rs, options, locale } = input;
  const L = LABELS[locale];
  const layers: { key: 'unit' | 'tpi' | 'tpn'; answers: Answers | undefined; score: ScoreResult | null }[] = [
    { key: 'unit', answers: input.layers.unit, score: scoreAnswers(rs, input.layers.unit, options) },
    { key: 'tpi', answers: input.layers.tpi, score: scoreAnswers(rs, input.layers.tpi, options) },
    { key: 'tpn', answers: input.layers.tpn, score: input.layers.tpn ? scoreAnswers(rs, input.layers.tpn, options) : null },
  ];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Integritas';
  wb.created = new Date();
  wb.title = `${L.title} — ${input.unit.name} ${input.year}`;

  const ws = wb.addWorksheet(LKE_SHEET, {
    properties: { defaultRowHeight: 15 },
    pageSetup: { paperSize: 8 as never /* A3; exceljs' PaperSize enum lacks it */, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));

  // title block
  const block: [string, string][] = [
    [L.regency, input.regency],
    [L.unit, `${input.unit.code} — ${input.unit.name}`],
    [L.year, String(input.year)],
    [L.ruleset, `${rs.id} — ${rs.title[locale]}`],
    [L.state, input.stateLabel],
    [L.generated, formatDateTime(new Date(), locale)],
    [L.options, describeOptions(options, locale).join('; ')],
  ];
  const titleRow = ws.addRow([L.title]);
  titleRow.font = { bold: true, size: 14 };
  for (const [k, v] of block) {
    const r = ws.addRow([k, null, v]);
    ws.mergeCells(r.number, 1, r.number, 2);
    r.getCell(1).font = { bold: true };
  }
  const hint = ws.addRow([null, null, L.inputsHint]);
  hint.getCell(3).font = { italic: true, color: { argb: 'FF595959' } };
  ws.addRow([]);

  // two header rows: groups, then columns
  const groupRow = ws.addRow([]);
  const groups: { group: string; label: string }[] = [
    { group: 'unit', label: L.groupUnit }, { group: 'tpi', label: L.groupTpi }, { group: 'tpn', label: L.groupTpn },
  ];
  groupRow.getCell(1).value = L.groupItem;
  ws.mergeCells(groupRow.number, 1, groupRow.number, COL.weight);
  for (const g of groups) {
    const cols = COLUMNS.map((c, i) => ({ c, i: i + 1 })).filter((x) => x.c.group === g.group);
    groupRow.getCell(cols[0]!.i).value = g.label;
    ws.mergeCells(groupRow.number, cols[0]!.i, groupRow.number, cols[cols.length - 1]!.i);
  }
  const header = ws.addRow(COLUMNS.map((c) => c[locale]));
  for (const r of [groupRow, header]) {
    r.eachCell({ includeEmpty: true }, (cell, col) => {
      if (col > COLUMNS.length) return;
      cell.font = { bold: true, color: { argb: r === header ? 'FFFFFFFF' : 'FF000000' } };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: r === header ? FILL.header : FILL.group } };
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    });
  }
  header.height = 32;
  ws.views = [{ state: 'frozen', xSplit: COL.code, ySplit: header.number, topLeftCell: `C${header.number + 1}`, activeCell: `C${header.number + 1}` }];
  ws.pageSetup.printTitlesRow = `${groupRow.number}:${header.number}`;

  const border: Partial<ExcelJS.Borders> = { top: { style: 'thin', color: { argb: 'FFBFBFBF' } }, bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } }, left: { style: 'thin', color: { argb: 'FFBFBFBF' } }, right: { style: 'thin', color: { argb: 'FFBFBFBF' } } };
  const styleRow = (r: ExcelJS.Row) => {
    for (let c = 1; c <= COLUMNS.length; c++) {
      const cell = r.getCell(c);
      cell.border = border;
      cell.alignment = { vertical: 'top', wrapText: true, ...(cell.alignment?.horizontal ? { horizontal: cell.alignment.horizontal } : {}) };
    }
  };
  const setNum = (cell: ExcelJS.Cell, v: number | null | undefined, fmt = NUM) => {
    if (v === null || v === undefined || !Number.isFinite(v)) return;
    cell.value = v;
    cell.numFmt = fmt;
  };

  // the table
  const first = header.number + 1;
  for (const tr of treeRows(rs)) {
    if (tr.node) {
      const n = tr.node;
      const r = ws.addRow([]);
      r.getCell(COL.code).value = n.code;
      r.getCell(COL.question).value = n.title[locale];
      setNum(r.getCell(COL.weight), n.weight);
      for (const l of layers) {
        if (!l.score) continue;
        const s = l.score.nodes[n.code];
        setNum(r.getCell(COL[`${l.key}Score`]), s?.score);
        setNum(r.getCell(COL[`${l.key}Percent`]), s ? s.percent / 100 : null, PCT);
      }
      styleRow(r);
      const dark = n.kind === 'component' || n.kind === 'aspect';
      r.eachCell({ includeEmpty: true }, (cell, col) => {
        if (col > COLUMNS.length) return;
        cell.font = { bold: true, color: { argb: dark ? 'FFFFFFFF' : 'FF000000' } };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[n.kind] } };
      });
      r.getCell(COL.question).alignment = { vertical: 'top', wrapText: true, indent: Math.min(tr.depth, 3) };
      continue;
    }
    const it = tr.item!;
    const r = ws.addRow([]);
    r.getCell(COL.no).value = it.seq;
    r.getCell(COL.code).value = it.code;
    r.getCell(COL.question).value = it.question[locale];
    r.getCell(COL.criteria).value = criteriaText(it, locale) || null;
    const choices = it.type === 'percent' && it.inputs?.length
      ? ['%', ...it.inputs.filter((d) => !d.sumOf).map((d) => `${d.key} = ${d.label[locale]}`)].join('\n')
      : choicesOf(it);
    r.getCell(COL.choices).value = choices;
    setNum(r.getCell(COL.weight), it.weight);
    for (const l of layers) {
      if (!l.answers || !l.score) continue;
      const a = l.answers[it.code];
      const ans = r.getCell(COL[`${l.key}Answer`]);
      if (a) {
        if ('option' in a) ans.value = a.option;
        else if ('index' in a) setNum(ans, a.index);
        else if ('percent' in a) setNum(ans, a.percent, PCT_POINTS);
        else if ('inputs' in a) setNum(ans, computePercent(it, a.inputs, options), PCT_POINTS);
        else if ('score' in a) setNum(ans, a.score);
        const details = formatInputs(it, a);
        if (details) r.getCell(COL[`${l.key}Inputs`]).value = details;
      }
      const s = l.score.items[it.code]!;
      if (a) {
        setNum(r.getCell(COL[`${l.key}Score`]), s.score);
        setNum(r.getCell(COL[`${l.key}Percent`]), s.weight > 0 ? s.score / s.weight : 0, PCT);
      }
      if (l.key !== 'tpn' && (isChoiceType(it.type) || it.type === 'index')) {
        ans.dataValidation = isChoiceType(it.type)
          ? { type: 'list', allowBlank: true, formulae: [`"${LETTERS_OF[it.type].join(',')}"`], showErrorMessage: true, errorStyle: 'warning', error: `${L.validation}: ${LETTERS_OF[it.type].join(', ')}` }
          : { type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, 4], showErrorMessage: true, errorStyle: 'warning', error: L.validationIndex };
      }
    }
    const un = input.notes.unit[it.code];
    if (un) r.getCell(COL.unitNote).value = un;
    const tn = input.notes.tpi[it.code];
    if (tn) r.getCell(COL.tpiNote).value = tn;
    const ev = (input.evidence[it.code] ?? []).filter((e) => e && e.title);
    if (ev.length) {
      const cell = r.getCell(COL.evidence);
      const titles = ev.map((e) => e.title).join('\n');
      const link = ev.find((e) => /^https?:\/\//i.test(e.url));
      if (link) {
        cell.value = { text: titles, hyperlink: link.url, tooltip: link.url };
        cell.font = { color: { argb: 'FF0563C1' }, underline: true };
      } else cell.value = titles;
      if (ev.length > 1) cell.note = `${L.moreLinks}:\n${ev.map((e) => `${e.title}: ${e.url}`).join('\n')}`;
    }
    styleRow(r);
    for (const k of ['unitAnswer', 'tpiAnswer', 'tpnAnswer', 'weight', 'no'] as const) {
      r.getCell(COL[k]).alignment = { vertical: 'top', horizontal: 'center', wrapText: true };
    }
  }
  const last = ws.lastRow!.number;
  ws.autoFilter = { from: { row: header.number, column: 1 }, to: { row: last, column: COLUMNS.length } };

  // totals: per root (Pengungkit, Hasil), the grand total, and the six areas combined
  ws.addRow([]);
  const { pengungkit, hasil } = splitRoots(rs);
  const totalRow = (label: string, weight: number, pick: (s: ScoreResult) => { score: number; percent: number }) => {
    const r = ws.addRow([]);
    r.getCell(COL.question).value = label;
    setNum(r.getCell(COL.weight), weight);
    for (const l of layers) {
      if (!l.score) continue;
      const p = pick(l.score);
      setNum(r.getCell(COL[`${l.key}Score`]), p.score);
      setNum(r.getCell(COL[`${l.key}Percent`]), p.percent / 100, PCT);
    }
    styleRow(r);
    r.eachCell({ includeEmpty: true }, (cell, col) => {
      if (col > COLUMNS.length) return;
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL.total } };
    });
    return r;
  };
  for (const n of [...pengungkit, ...hasil]) totalRow(`${L.totalOf} ${n.title[locale]}`, n.weight, (s) => s.nodes[n.code]!);
  const totalWeight = rs.nodes.filter((n) => n.parent === null).reduce((s, n) => s + n.weight, 0);
  totalRow(L.total, totalWeight, (s) => ({ score: s.total, percent: totalWeight > 0 ? (s.total / totalWeight) * 100 : 0 }));
  ws.addRow([]);
  const areasHead = ws.addRow([]);
  areasHead.getCell(COL.question).value = L.areaCombined;
  areasHead.getCell(COL.question).font = { bold: true };
  for (const a of rs.areas) {
    totalRow(`${L.area} ${a.area}. ${a.title[locale]}`, a.weight, (s) => s.areas[String(a.area)]!);
  }

  addSummarySheet(wb, input, layers);

  // machine-readable metadata
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  const rows: [string, string | number][] = [
    ['format', FORMAT_ID], ['version', FORMAT_VERSION], ['ruleset', rs.id], ['unit', input.unit.code], ['year', input.year],
    ['locale', locale], ['options', JSON.stringify(options)], ['generatedAt', new Date().toISOString()], ['firstRow', first],
  ];
  for (const r of rows) meta.addRow(r);

  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

function addSummarySheet(wb: ExcelJS.Workbook, input: WorkbookInput, layers: { key: 'unit' | 'tpi' | 'tpn'; score: ScoreResult | null }[]): void {
  const { ruleset: rs, locale } = input;
  const L = LABELS[locale];
  const ws = wb.addWorksheet(SUMMARY_SHEET, { pageSetup: { paperSize: 9 as never /* A4 */, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const shown = layers.filter((l): l is { key: 'unit' | 'tpi' | 'tpn'; score: ScoreResult } => l.score !== null && (l.key !== 'tpn' || !!input.layers.tpn));
  const layerName = (k: string) => (k === 'unit' ? L.layerUnit : k === 'tpi' ? L.layerTpi : L.layerTpn);
  ws.getColumn(1).width = 46;
  ws.getColumn(2).width = 9;
  for (let i = 0; i < shown.length * 4; i++) ws.getColumn(3 + i).width = 12;

  const t = ws.addRow([`${L.summaryTitle} — ${input.unit.name} — ${input.year}`]);
  t.font = { bold: true, size: 14 };
  ws.addRow([`${rs.id} — ${rs.title[locale]}; ${L.state}: ${input.stateLabel}`]);
  ws.addRow([describeOptions(input.options, locale).join('; ')]).font = { italic: true, color: { argb: 'FF595959' } };
  ws.addRow([]);

  const bold = (r: ExcelJS.Row, fill?: string) => r.eachCell({ includeEmpty: false }, (c) => {
    c.font = { bold: true };
    if (fill) c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  });
  const g = ws.addRow([L.area, L.weight, ...shown.flatMap((l) => [layerName(l.key), '', '', ''])]);
  const h = ws.addRow(['', '', ...shown.flatMap(() => [L.pemenuhan, L.reform, L.combined, L.percent])]);
  shown.forEach((_, i) => ws.mergeCells(g.number, 3 + i * 4, g.number, 6 + i * 4));
  bold(g, FILL.group);
  bold(h, FILL.group);
  for (const r of [g, h]) r.alignment = { horizontal: 'center', wrapText: true };
  const numRow = (label: string, weight: number, values: (number | null)[], pct: number[]) => {
    const r = ws.addRow([label, weight, ...values]);
    r.getCell(2).numFmt = NUM;
    values.forEach((v, i) => { r.getCell(3 + i).numFmt = pct.includes(i) ? PCT : NUM; });
    return r;
  };
  for (const a of rs.areas) {
    const vals: (number | null)[] = [];
    const pct: number[] = [];
    for (const l of shown) {
      const s = l.score.areas[String(a.area)]!;
      vals.push(s.pemenuhan, s.reform, s.score, s.percent / 100);
      pct.push(vals.length - 1);
    }
    numRow(`${a.area}. ${a.title[locale]}`, a.weight, vals, pct);
  }
  const { pengungkit, hasil } = splitRoots(rs);
  const ix = indexOf(rs);
  const nodeLine = (code: string, label: string, weight: number, strong = false) => {
    const vals: (number | null)[] = [];
    const pct: number[] = [];
    for (const l of shown) {
      const s = l.score.nodes[code]!;
      vals.push(null, null, s.score, s.percent / 100);
      pct.push(vals.length - 1);
    }
    const r = numRow(label, weight, vals, pct);
    if (strong) bold(r, FILL.total);
  };
  for (const n of pengungkit) nodeLine(n.code, `${L.totalOf} ${n.title[locale]}`, n.weight, true);
  for (const root of hasil) {
    const walk = (n: RuleNode, depth: number) => {
      if (n !== root) nodeLine(n.code, `${'  '.repeat(depth)}${n.code} ${n.title[locale]}`, n.weight);
      for (const c of ix.children.get(n.code) ?? []) walk(c, depth + 1);
      for (const it of ix.itemsOfSub.get(n.code) ?? []) nodeLine(it.code, `${'  '.repeat(depth + 1)}${it.code} ${it.question[locale]}`, it.weight);
    };
    walk(root, 0);
    nodeLine(root.code, `${L.totalOf} ${root.title[locale]}`, root.weight, true);
  }
  const totalWeight = rs.nodes.filter((n) => n.parent === null).reduce((s, n) => s + n.weight, 0);
  {
    const vals: (number | null)[] = [];
    const pct: number[] = [];
    for (const l of shown) {
      vals.push(null, null, l.score.total, l.score.total / totalWeight);
      pct.push(vals.length - 1);
    }
    bold(numRow(L.total, totalWeight, vals, pct), FILL.total);
  }

  // verdicts per predicate and layer
  ws.addRow([]);
  const verdicts = shown.map((l) => ({ key: l.key, v: judge(rs, l.score) }));
  for (const p of ['WBK', 'WBBM'] as const) {
    ws.addRow([]);
    const head = ws.addRow([`${L.verdictOf} ${L.predicate[p]}`, L.minimum, ...shown.flatMap((l) => [`${L.actual} ${layerName(l.key)}`, `${L.result} ${layerName(l.key)}`])]);
    bold(head, FILL.group);
    const crits = verdicts[0]!.v[p].criteria;
    crits.forEach((c, i) => {
      const cells: (string | number)[] = [];
      for (const x of verdicts) {
        const cc = x.v[p].criteria[i]!;
        cells.push(cc.unit === '%' ? cc.actual / 100 : cc.actual, cc.passed ? L.met : L.notMet);
      }
      const r = ws.addRow([c.label[locale], c.unit === '%' ? c.required / 100 : c.required, ...cells]);
      r.getCell(2).numFmt = c.unit === '%' ? PCT : NUM;
      verdicts.forEach((x, j) => {
        r.getCell(3 + j * 2).numFmt = c.unit === '%' ? PCT : NUM;
        if (!x.v[p].criteria[i]!.passed) r.getCell(4 + j * 2).font = { bold: true, color: { argb: 'FFC00000' } };
      });
    });
    for (const x of verdicts) {
      const v = x.v[p];
      const r = ws.addRow([`${L.predicate[p]} — ${layerName(x.key)}: ${v.eligible ? L.eligible : L.notEligible}`]);
      r.font = { bold: true, color: { argb: v.eligible ? 'FF007A33' : 'FFC00000' } };
      if (v.failures.length) {
        const f = ws.addRow([`${L.failures}: ${v.failures.map((c) => c.message[locale]).join('; ')}`]);
        f.getCell(1).alignment = { wrapText: true, vertical: 'top' };
        ws.mergeCells(f.number, 1, f.number, 2 + shown.length * 4);
        f.height = 15 * Math.max(1, Math.ceil(f.getCell(1).text.length / 140));
      }
    }
  }
  ws.views = [{ state: 'frozen', ySplit: h.number, xSplit: 1 }];
}

// ---------------------------------------------------------------- import

function fileError(code: string, params: Record<string, string | number> = {}): ImportResult {
  return { rulesetId: null, unitCode: null, year: null, answers: {}, notes: {}, tpi: {}, tpiNotes: {}, errors: [{ row: 0, code, params }], rows: 0 };
}

/** Reads the ZIP central directory: entry names and their declared unpacked size. Null when it is not a readable ZIP. */
function zipEntries(b: Uint8Array): { names: Set<string>; unpacked: number } | null {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // end of central directory record: last 22 bytes + up to 64 KiB comment
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) return null;
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const names = new Set<string>();
  let unpacked = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || dv.getUint32(p, true) !== 0x02014b50) return null;
    const size = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extra = dv.getUint16(p + 30, true);
    const comment = dv.getUint16(p + 32, true);
    if (p + 46 + nameLen > b.length) return null;
    names.add(new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen)));
    unpacked += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
    p += 46 + nameLen + extra + comment;
  }
  return { names, unpacked };
}

/**
 * Reads an exported LKE workbook back: the unit layer (answers and notes) and the TPI layer.
 * Every row is validated; all problems come back in `errors` (never thrown).
 */
export async function readWorkbook(bytes: Uint8Array, findRuleSet: (id: string) => RuleSet | undefined): Promise<ImportResult> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return fileError('lke.import.not_lke');
  const zip = zipEntries(bytes);
  if (!zip || !zip.names.has('xl/workbook.xml')) return fileError('lke.import.not_lke');
  if (zip.unpacked > MAX_UNPACKED) return fileError('lke.import.unpacked_too_large', { mb: MAX_UNPACKED / 1024 / 1024 });

  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    return fileError('lke.import.not_lke');
  }
  const meta = new Map<string, string>();
  const metaSheet = wb.getWorksheet(META_SHEET);
  metaSheet?.eachRow((r) => {
    const k = text(r.getCell(1));
    if (k) meta.set(k, text(r.getCell(2)));
  });
  const ws = wb.getWorksheet(LKE_SHEET);
  if (!ws || meta.get('format') !== FORMAT_ID || !meta.get('ruleset')) return fileError('lke.import.not_lke');
  const version = Number(meta.get('version'));
  if (!Number.isInteger(version) || version < 1 || version > FORMAT_VERSION) return fileError('lke.import.version', { version: meta.get('version') ?? '' });

  const rulesetId = meta.get('ruleset')!;
  const unitCode = meta.get('unit') || null;
  const yearNum = Number(meta.get('year'));
  const year = Number.isInteger(yearNum) ? yearNum : null;
  const result: ImportResult = { rulesetId, unitCode, year, answers: {}, notes: {}, tpi: {}, tpiNotes: {}, errors: [], rows: 0 };
  const rs = findRuleSet(rulesetId);
  if (!rs) {
    result.errors.push({ row: 0, code: 'lke.import.ruleset', params: { ruleset: rulesetId.slice(0, 60) } });
    return result;
  }
  if (ws.actualRowCount > MAX_ROWS || ws.rowCount > MAX_ROWS * 4) {
    result.errors.push({ row: 0, code: 'lke.import.too_many_rows', params: { max: MAX_ROWS } });
    return result;
  }

  // find the header row by its "Kode"/"Code" cell and map the columns by header text (either language)
  const byHeader = new Map<string, ColumnKey>();
  for (const c of COLUMNS) for (const h of [c.id, c.en]) byHeader.set(norm(h), c.key);
  let headerRow = 0;
  const cols = new Map<ColumnKey, number>();
  for (let r = 1; r <= Math.min(40, ws.rowCount) && !headerRow; r++) {
    const row = ws.getRow(r);
    const found = new Map<ColumnKey, number>();
    row.eachCell((cell, col) => {
      const key = byHeader.get(norm(text(cell)));
      if (key && !found.has(key)) found.set(key, col);
    });
    if (found.has('code') && found.has('unitAnswer')) {
      headerRow = r;
      for (const [k, v] of found) cols.set(k, v);
    }
  }
  if (!headerRow) return { ...result, errors: [{ row: 0, code: 'lke.import.not_lke', params: {} }] };
  const missingCols = REQUIRED_ON_IMPORT.filter((k) => !cols.has(k));
  if (missingCols.length) {
    result.errors.push({ row: headerRow, code: 'lke.import.column_missing', params: { column: missingCols.map((k) => COLUMNS.find((c) => c.key === k)![rsLocale(meta)]).join(', ') } });
    return result;
  }

  const ix = indexOf(rs);
  const seen = new Map<string, number>();
  const add = (row: number, e: unknown, item?: string) => {
    if (e instanceof DomainError) {
      const params = { ...e.params };
      const it = typeof params.item === 'string' ? params.item : item;
      result.errors.push({ row, ...(it ? { item: it } : {}), code: e.code, params });
    } else result.errors.push({ row, ...(item ? { item } : {}), code: 'lke.import.cell', params: { ...(item ? { item } : {}) } });
  };
  ws.eachRow((row, r) => {
    if (r <= headerRow) return;
    const code = text(row.getCell(cols.get('code')!));
    if (!code) return;
    if (ix.nodes.has(code)) return; // component / aspect / area / sub-indicator rows carry no answers
    const item = ix.items.get(code);
    if (!item) {
      add(r, answerError('lke.answer.unknown_item', code.slice(0, 40)));
      return;
    }
    if (seen.has(code)) {
      add(r, answerError('lke.import.duplicate_item', code, { first: seen.get(code)! }));
      return;
    }
    seen.set(code, r);
    result.rows++;
    const layer = (answerKey: ColumnKey, inputsKey: ColumnKey, noteKey: ColumnKey, answers: Answers, notes: Record<string, string>) => {
      try {
        const a = parseAnswer(item, rawAnswer(item, row.getCell(cols.get(answerKey)!), row.getCell(cols.get(inputsKey)!)));
        if (a) answers[code] = a;
      } catch (e) {
        add(r, e, code);
      }
      const note = text(row.getCell(cols.get(noteKey)!));
      if (note) {
        if (note.length > MAX_NOTE) add(r, answerError('lke.import.note_too_long', code, { max: MAX_NOTE }));
        else notes[code] = note;
      }
    };
    layer('unitAnswer', 'unitInputs', 'unitNote', result.answers, result.notes);
    layer('tpiAnswer', 'tpiInputs', 'tpiNote', result.tpi, result.tpiNotes);
  });
  const missing = rs.items.filter((it) => !seen.has(it.code)).map((it) => it.code);
  if (missing.length) {
    result.errors.push({ row: 0, code: 'lke.import.items_missing', params: { count: missing.length, items: missing.slice(0, 8).join(', ') + (missing.length > 8 ? ', …' : '') } });
  }
  result.errors.sort((a, b) => a.row - b.row);
  return result;
}

function norm(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

function rsLocale(meta: Map<string, string>): Locale {
  return meta.get('locale') === 'en' ? 'en' : 'id';
}

