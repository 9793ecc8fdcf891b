// Import of an SP4N-LAPOR! export (CSV or XLSX) into a unit's complaints. The column mapping is
// data (LAPOR_COLUMNS, shown on the import page and in the README); headers are matched without
// regard to case, spaces and punctuation. All or nothing: a file with any bad row imports nothing
// and the page lists every bad row; rows whose LAPOR! reference is already known (or repeated in
// the file) are skipped and counted, never imported twice.
import ExcelJS from 'exceljs';
import type { Scope } from '../../kernel/access.ts';
import { DomainError } from '../../kernel/errors.ts';
import { sniffFile } from '../../kernel/files.ts';
import { isUuid } from '../../kernel/validate.ts';
import { dayIn, isIsoDate } from '../../kernel/workdays.ts';
import { findRegency, findUnit } from '../org/index.ts';
import { CATEGORIES, LIMITS, hashCode, newTrackingCode, normaliseCode, parseLaporRef, slaDaysOf } from './complaints.rules.ts';
import { knownLaporRefs, type NewComplaint } from './complaints.queries.ts';
import { saveImported, type Attachment, type Ctx } from './complaints.service.ts';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

/** Our field ← the LAPOR! export's column headers we accept for it. */
export const LAPOR_COLUMNS: { field: string; headers: string[]; required: boolean }[] = [
  { field: 'laporRef', headers: ['No. Tracking', 'Nomor Tracking', 'Tracking ID', 'ID Laporan'], required: true },
  { field: 'receivedOn', headers: ['Tanggal Laporan', 'Tanggal Masuk', 'Tanggal'], required: true },
  { field: 'subject', headers: ['Judul Laporan', 'Judul'], required: true },
  { field: 'description', headers: ['Isi Laporan', 'Isi', 'Uraian'], required: true },
  { field: 'category', headers: ['Kategori'], required: false },
  { field: 'classification', headers: ['Klasifikasi', 'Jenis Laporan'], required: false },
  { field: 'location', headers: ['Lokasi', 'Lokasi Kejadian'], required: false },
  { field: 'eventDate', headers: ['Tanggal Kejadian'], required: false },
  { field: 'name', headers: ['Nama Pelapor', 'Pelapor'], required: false },
  { field: 'contact', headers: ['Kontak Pelapor', 'Email/Telepon', 'Kontak'], required: false },
];

/** LAPOR! category text → our category, by the first keyword found (else 'lainnya'). */
export const CATEGORY_KEYWORDS: [string, string][] = [
  ['pungli', 'pungli'], ['pungutan', 'pungli'], ['biaya', 'pungli'], ['perilaku', 'perilaku'], ['petugas', 'perilaku'],
  ['izin', 'perizinan'], ['perizinan', 'perizinan'], ['sarana', 'sarana'], ['fasilitas', 'sarana'], ['informasi', 'informasi'], ['pelayanan', 'pelayanan'],
];

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

export function mapCategory(raw: string): string {
  const s = raw.toLowerCase();
  for (const [k, c] of CATEGORY_KEYWORDS) if (s.includes(k)) return c;
  return CATEGORIES.includes(s.trim()) ? s.trim() : 'lainnya';
}

function mapClassification(raw: string): string | null {
  const s = raw.toLowerCase();
  if (!s.trim()) return 'pengaduan';
  if (s.includes('aspirasi')) return 'aspirasi';
  if (s.includes('informasi')) return 'informasi';
  if (s.includes('pengaduan')) return 'pengaduan';
  return null;
}

/** "2026-03-05", "05/03/2026", "05-03-2026", "5/3/2026 14:20" → ISO date, else null. */
export function parseDate(raw: string): string | null {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return isIsoDate(`${m[1]}-${m[2]}-${m[3]}`) ? `${m[1]}-${m[2]}-${m[3]}` : null;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(s);
  if (m) { const d = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`; return isIsoDate(d) ? d : null; }
  return null;
}

/** RFC 4180 CSV (comma or semicolon, detected from the header line). */
export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try { await wb.xlsx.load(Buffer.from(bytes) as never); } catch { throw new DomainError('validation', 'complaints.import.err.unreadable', {}, { file: 'complaints.import.err.unreadable' }); }
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (r) => {
    const cells: string[] = [];
    for (let i = 1; i <= r.cellCount; i++) {
      const v = r.getCell(i).value;
      cells.push(v instanceof Date ? v.toISOString().slice(0, 10) : v && typeof v === 'object' && 'text' in v ? String((v as { text: unknown }).text) : v === null || v === undefined ? '' : String(v));
    }
    out.push(cells);
  });
  return out;
}

/** The rows of an uploaded export; refuses files too large, of the wrong kind, or disguised. */
export async function readExport(bytes: Uint8Array, name: string): Promise<string[][]> {
  const err = (code: string) => new DomainError('validation', code, { max: MAX_IMPORT_BYTES / (1024 * 1024) }, { file: code });
  if (bytes.length === 0) throw err('complaints.import.err.empty');
  if (bytes.length > MAX_IMPORT_BYTES) throw err('complaints.import.err.large');
  const sniffed = sniffFile(bytes, name);
  const ext = name.toLowerCase().split('.').pop();
  if (sniffed?.ext === 'xlsx' && ext === 'xlsx') return readXlsx(bytes);
  if (sniffed?.kind === 'text' && (ext === 'csv' || ext === 'txt')) return parseCsv(new TextDecoder('utf-8').decode(bytes));
  throw err('complaints.import.err.type');
}

export interface ImportRowError { row: number; field: string; code: string }
export interface ImportResult { imported: number; duplicates: number; errors: ImportRowError[]; rows: number }

/** Imports an export into a unit in scope. With errors, nothing is imported and `errors` lists them. */
/** An uploaded export into a unit in scope; a file field left empty is refused there. */
export async function importUpload(ctx: Ctx, scope: Scope, unitId: string, file: Attachment | null, now = new Date()): Promise<ImportResult> {
  if (!file) throw new DomainError('validation', 'complaints.import.err.empty', {}, { file: 'complaints.import.err.empty' });
  return importLapor(ctx, scope, unitId, file.bytes, file.name, now);
}

export async function importLapor(ctx: Ctx, scope: Scope, unitId: string, bytes: Uint8Array, fileName: string, now = new Date()): Promise<ImportResult> {
  const unit = isUuid(unitId) ? await findUnit(ctx.db, scope, unitId) : null;
  if (!unit) throw new DomainError('validation', 'complaints.err.unit', {}, { unitId: 'complaints.err.unit' });
  const table = await readExport(bytes, fileName);
  if (table.length < 2) throw new DomainError('validation', 'complaints.import.err.no_rows', {}, { file: 'complaints.import.err.no_rows' });
  if (table.length - 1 > MAX_IMPORT_ROWS) throw new DomainError('validation', 'complaints.import.err.too_many', { max: MAX_IMPORT_ROWS }, { file: 'complaints.import.err.too_many' });
  const header = table[0].map(norm);
  const col: Record<string, number> = {};
  const missing: string[] = [];
  for (const c of LAPOR_COLUMNS) {
    const i = header.findIndex((h) => c.headers.some((x) => norm(x) === h));
    if (i >= 0) col[c.field] = i; else if (c.required) missing.push(c.headers[0]);
  }
  if (missing.length) throw new DomainError('validation', 'complaints.import.err.columns', { columns: missing.join(', ') }, { file: 'complaints.import.err.columns' });
  const today = dayIn(now);
  const regency = await findRegency(ctx.db);
  const errors: ImportRowError[] = [];
  const seen = new Set<string>();
  const parsed: NewComplaint[] = [];
  let duplicates = 0;
  const refs = table.slice(1).map((r) => parseLaporRef(r[col.laporRef] ?? '')).filter((x): x is string => !!x);
  const known = await knownLaporRefs(ctx.db, refs);
  table.slice(1).forEach((r, idx) => {
    const rowNo = idx + 2;
    const get = (f: string) => (col[f] === undefined ? '' : String(r[col[f]] ?? '').trim());
    const bad = (field: string, code: string) => errors.push({ row: rowNo, field, code });
    const ref = parseLaporRef(get('laporRef'));
    if (!ref) { bad('laporRef', 'complaints.err.lapor_ref'); return; }
    if (known.has(ref) || seen.has(ref)) { duplicates++; return; }
    seen.add(ref);
    const receivedOn = parseDate(get('receivedOn'));
    if (!receivedOn || receivedOn < '2000-01-01') bad('receivedOn', 'complaints.err.date');
    else if (receivedOn > today) bad('receivedOn', 'complaints.err.future');
    const eventRaw = get('eventDate');
    const eventDate = eventRaw ? parseDate(eventRaw) : null;
    if (eventRaw && !eventDate) bad('eventDate', 'complaints.err.date');
    else if (eventDate && eventDate > today) bad('eventDate', 'complaints.err.future');
    const subject = get('subject').replace(/\s+/g, ' ');
    if (!subject) bad('subject', 'complaints.err.subject');
    else if (subject.length > LIMITS.subject) bad('subject', 'complaints.err.too_long');
    const description = get('description');
    if (!description) bad('description', 'complaints.err.description');
    else if (description.length > LIMITS.description) bad('description', 'complaints.err.too_long');
    const classification = mapClassification(get('classification'));
    if (!classification) bad('classification', 'complaints.err.classification');
    const location = get('location').slice(0, LIMITS.location) || null;
    const rawName = get('name');
    const name = rawName && !/^(anonim|anonymous|rahasia|-)$/i.test(rawName) ? rawName.slice(0, LIMITS.name) : null;
    const contact = name ? get('contact').slice(0, LIMITS.contact) || null : null;
    const category = mapCategory(get('category'));
    if (errors.some((e) => e.row === rowNo)) return;
    parsed.push({
      unitId: unit.id, trackingHash: hashCode(normaliseCode(newTrackingCode())!), channel: 'lapor', laporRef: ref, classification: classification!, category,
      subject, description, location, eventDate, complainantName: name, complainantContact: contact, receivedOn: receivedOn!,
      receivedAt: new Date(`${receivedOn}T09:00:00+07:00`), slaDays: slaDaysOf(category, regency?.name ?? null), createdBy: ctx.actor.accountId, createdAt: now, updatedAt: now,
    });
  });
  const result: ImportResult = { imported: 0, duplicates, errors, rows: table.length - 1 };
  if (errors.length || parsed.length === 0) return result;
  const saved = await saveImported(ctx, unit.id, fileName, result.rows, parsed, now);
  result.imported = saved.imported;
  result.duplicates += saved.duplicates;
  return result;
}

