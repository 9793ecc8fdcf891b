// Paper questionnaires: the CSV import (one row per respondent) and the bulk-entry grid, read into
// response rows checked by validateResponse. Pure: bytes or form fields in, rows and per-row errors
// out. Columns (header row, any case, "," or ";" separated, UTF-8 with or without BOM):
//   U1 … U9 (required, 1–4; generally the instrument's item codes), optional sex, age, education,
//   occupation (codes or labels), service (service code; also "layanan"), suggestion (also "saran").
// Files over MAX_IMPORT_BYTES, over MAX_IMPORT_ROWS, with NUL bytes, invalid UTF-8 or a known binary
// signature are refused as a whole.
import { sniffFile } from '../../kernel/files.ts';
import type { Instrument } from './instruments.ts';
import { validateResponse } from './surveys.rules.ts';

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20000;
export const SUGGESTION_MAX = 2000;
export const PROFILE_FIELDS = ['sex', 'age', 'education', 'occupation'] as const;

export interface EntryRow {
  answers: number[];
  profile: Record<string, string>;
  serviceCode: string | null;
  suggestion: string | null;
}
export interface RowError { line: number; errors: Record<string, string> }
export type ReadResult =
  | { ok: true; rows: (EntryRow & { line: number })[]; errors: RowError[]; skippedBlank: number }
  | { ok: false; fileError: string; params?: Record<string, string | number> };

const ALIASES: Record<string, string> = {
  layanan: 'service', service: 'service', kode_layanan: 'service', servicecode: 'service',
  saran: 'suggestion', suggestion: 'suggestion', masukan: 'suggestion',
  jk: 'sex', jenis_kelamin: 'sex', sex: 'sex', usia: 'age', umur: 'age', age: 'age',
  pendidikan: 'education', education: 'education', pekerjaan: 'occupation', occupation: 'occupation',
};

/** Splits CSV text into records (RFC 4180 quotes, CRLF or LF) with their 1-based line numbers. */
export function parseCsv(text: string, delimiter: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { cell += '"'; i++; } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) { cells.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      out.push({ line: startLine, cells });
      cells = []; cell = '';
      line++; startLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length) { cells.push(cell); out.push({ line: startLine, cells }); }
  return out;
}

/** Refuses what is not a small UTF-8 text file. */
export function checkCsvBytes(bytes: Uint8Array, name: string): { ok: true; text: string } | { ok: false; fileError: string; params?: Record<string, string | number> } {
  if (bytes.length === 0) return { ok: false, fileError: 'surveys.import.empty' };
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, fileError: 'surveys.import.too_large', params: { max: `${MAX_IMPORT_BYTES / 1024 / 1024} MB` } };
  const sniffed = sniffFile(bytes, name.replace(/\.[^.]*$/, '') + '.bin');
  if (sniffed && sniffed.kind !== 'text') return { ok: false, fileError: 'surveys.import.not_csv' };
  if (bytes.includes(0)) return { ok: false, fileError: 'surveys.import.not_csv' };
  let text: string;
  try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { return { ok: false, fileError: 'surveys.import.not_utf8' }; }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

/** Reads CSV bytes against an instrument: the valid rows and every bad row with its line number. */
export function readCsv(ins: Instrument, bytes: Uint8Array, name = 'import.csv'): ReadResult {
  const checked = checkCsvBytes(bytes, name);
  if (!checked.ok) return checked;
  const firstLine = checked.text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const records = parseCsv(checked.text, delimiter);
  if (!records.length) return { ok: false, fileError: 'surveys.import.empty' };
  const header = records[0].cells.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
  const itemCols = ins.items.map((it) => header.indexOf(it.code.toLowerCase()));
  const missing = ins.items.filter((_, i) => itemCols[i] < 0).map((it) => it.code);
  if (missing.length) return { ok: false, fileError: 'surveys.import.columns_missing', params: { columns: missing.join(', ') } };
  const colOf = (name: string) => header.findIndex((h) => (ALIASES[h] ?? h) === name);
  const extra = { service: colOf('service'), suggestion: colOf('suggestion'), ...Object.fromEntries(PROFILE_FIELDS.map((f) => [f, colOf(f)])) } as Record<string, number>;
  const known = new Set([...itemCols, ...Object.values(extra)]);
  const unknown = header.filter((h, i) => h !== '' && !known.has(i));
  if (unknown.length) return { ok: false, fileError: 'surveys.import.columns_unknown', params: { columns: unknown.join(', ') } };
  const body = records.slice(1);
  if (body.length > MAX_IMPORT_ROWS) return { ok: false, fileError: 'surveys.import.too_many_rows', params: { max: MAX_IMPORT_ROWS } };
  const rows: (EntryRow & { line: number })[] = [];
  const errors: RowError[] = [];
  let skippedBlank = 0;
  for (const rec of body) {
    const cell = (i: number) => (i >= 0 ? (rec.cells[i] ?? '').trim() : '');
    if (rec.cells.every((c) => c.trim() === '')) { skippedBlank++; continue; }
    const r = toEntry(ins, itemCols.map(cell), Object.fromEntries(PROFILE_FIELDS.map((f) => [f, cell(extra[f])])), cell(extra.service), cell(extra.suggestion));
    if (r.ok) rows.push({ ...r.row, line: rec.line });
    else errors.push({ line: rec.line, errors: r.errors });
  }
  if (!rows.length && !errors.length) return { ok: false, fileError: 'surveys.import.no_rows' };
  return { ok: true, rows, errors, skippedBlank };
}

/** One respondent from raw cells (grid or CSV). */
export function toEntry(ins: Instrument, answers: string[], profile: Record<string, string>, service: string, suggestion: string): { ok: true; row: EntryRow } | { ok: false; errors: Record<string, string> } {
  const v = validateResponse(ins, answers, profile);
  const errors = v.ok ? {} : { ...v.errors };
  const s = suggestion.trim();
  if (s.length > SUGGESTION_MAX) errors.suggestion = 'surveys.import.suggestion_long';
  const code = service.trim();
  if (code.length > 60) errors.service = 'surveys.import.service_unknown';
  if (!v.ok || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, row: { answers: v.answers, profile: v.profile, serviceCode: code || null, suggestion: s || null } };
}
