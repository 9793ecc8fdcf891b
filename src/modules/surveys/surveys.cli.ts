// `integritas skm compute FILE.csv` (or - for standard input): SKM figures of a CSV of answers
// without a database. Rows: U1…U9 with 1–4, one respondent per line; a header row naming the
// columns U1…U9 (other columns ignored, any order) is optional — without one the first nine cells are
// U1…U9. Any row with a value outside 1–4, missing or not a whole number is rejected: nothing is
// computed, every bad line is reported with its number and the command exits 2.
import { getInstrument } from './instruments.ts';
import { checkCsvBytes, parseCsv } from './surveys.import.ts';
import { computeSkm, roundTo, SKM_INSTRUMENT_ID, validateResponse } from './surveys.rules.ts';

export interface SkmCliOutput { respondents: number; nrr: Record<string, number | null>; ikm: number | null; nik: number | null; mutu: string | null; kinerja: string | null }
export type SkmCliResult = { ok: true; output: SkmCliOutput } | { ok: false; errors: { line: number; message: string }[] };

const MESSAGES = {
  id: { 'surveys.answer.missing': 'kosong', 'surveys.answer.not_integer': 'bukan bilangan bulat', 'surveys.answer.out_of_scale': 'di luar 1–4', 'surveys.answer.count': 'jumlah nilai bukan 9', file: 'berkas bukan CSV teks UTF-8', none: 'tidak ada baris data' },
  en: { 'surveys.answer.missing': 'empty', 'surveys.answer.not_integer': 'not a whole number', 'surveys.answer.out_of_scale': 'outside 1–4', 'surveys.answer.count': 'not 9 values', file: 'not a UTF-8 text CSV file', none: 'no data rows' },
} as const;

export function skmCompute(bytes: Uint8Array, lang: 'id' | 'en' = 'id'): SkmCliResult {
  const m = MESSAGES[lang] as Record<string, string>;
  const ins = getInstrument(SKM_INSTRUMENT_ID);
  const checked = checkCsvBytes(bytes, 'input.csv');
  if (!checked.ok) return { ok: false, errors: [{ line: 0, message: checked.fileError === 'surveys.import.empty' ? m.none : m.file }] };
  const first = checked.text.split(/\r?\n/, 1)[0] ?? '';
  const delim = first.includes(';') ? ';' : first.includes('\t') ? '\t' : ',';
  const records = parseCsv(checked.text, delim).filter((r) => r.cells.some((c) => c.trim() !== ''));
  let cols = ins.items.map((_, i) => i);
  let body = records;
  if (records.length && !/^\s*[+-]?\d/.test(records[0].cells[0] ?? '')) {
    const header = records[0].cells.map((h) => h.trim().toUpperCase());
    cols = ins.items.map((it) => header.indexOf(it.code));
    const missing = ins.items.filter((_, i) => cols[i] < 0).map((i) => i.code);
    if (missing.length) return { ok: false, errors: [{ line: records[0].line, message: `${lang === 'en' ? 'missing columns' : 'kolom tidak ada'}: ${missing.join(', ')}` }] };
    body = records.slice(1);
  }
  const rows: number[][] = [];
  const errors: { line: number; message: string }[] = [];
  for (const r of body) {
    const values = cols.map((c) => r.cells[c]);
    const extra = cols.length === ins.items.length && records[0] === body[0] && r.cells.length > ins.items.length && r.cells.slice(ins.items.length).some((c) => c.trim() !== '');
    const v = validateResponse(ins, extra ? r.cells : values);
    if (v.ok) rows.push(v.answers);
    else errors.push({ line: r.line, message: Object.entries(v.errors).map(([f, k]) => (f === '_answers' ? m[k] : `${f} ${m[k] ?? k}`)).join(', ') });
  }
  if (errors.length) return { ok: false, errors };
  if (!rows.length) return { ok: false, errors: [{ line: 0, message: m.none }] };
  const r = computeSkm(rows, { instrument: ins });
  return { ok: true, output: {
    respondents: r.respondents,
    nrr: Object.fromEntries(Object.entries(r.nrr).map(([k, x]) => [k, x === null ? null : roundTo(x, 4)])),
    ikm: r.ikm === null ? null : roundTo(r.ikm, 4), nik: r.nik, mutu: r.mutu, kinerja: r.kinerja ? r.kinerja[lang] : null,
  } };
}
