// A small RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF, ; or , delimiters
// (spreadsheets in Indonesian locale save CSV with semicolons).
export class CsvError extends Error {
  constructor(public readonly code: 'csv.unterminated_quote' | 'csv.empty' | 'csv.not_text', public readonly line: number) {
    super(code);
  }
}

export function parseCsv(input: string): string[][] {
  const textIn = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (textIn.trim() === '') throw new CsvError('csv.empty', 1);
  if (/\u0000/.test(textIn)) throw new CsvError('csv.not_text', 1);
  const firstLine = textIn.slice(0, textIn.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let quoteStartLine = 1;
  for (let i = 0; i < textIn.length; i++) {
    const ch = textIn[i];
    if (inQuotes) {
      if (ch === '"') {
        if (textIn[i + 1] === '"') { field += '"'; i++; } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') { inQuotes = true; quoteStartLine = line; continue; }
    if (ch === delimiter) { row.push(field); field = ''; continue; }
    if (ch === '\r' && textIn[i + 1] === '\n') continue;
    if (ch === '\n') {
      row.push(field); rows.push(row); row = []; field = ''; line++;
      continue;
    }
    field += ch;
  }
  if (inQuotes) throw new CsvError('csv.unterminated_quote', quoteStartLine);
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** Quotes a value for CSV output; neutralises spreadsheet formulas (=, +, -, @). */
export function csvCell(v: string | number | null | undefined): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 text with no NUL bytes and not a known binary container; null otherwise. */
export function decodeCsv(bytes: Uint8Array): string | null {
  const magic = [
    [0x50, 0x4b, 0x03, 0x04], // zip (xlsx, docx)
    [0xd0, 0xcf, 0x11, 0xe0], // OLE (xls, doc)
    [0x25, 0x50, 0x44, 0x46], // %PDF
    [0x89, 0x50, 0x4e, 0x47], // PNG
    [0xff, 0xd8, 0xff], // JPEG
    [0x7f, 0x45, 0x4c, 0x46], // ELF
  ];
  if (magic.some((m) => m.every((b, i) => bytes[i] === b))) return null;
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
