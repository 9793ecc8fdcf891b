// Every document the product issues as a PDF goes through here: the one Typst compiler of the
// process, the templates read once, the letterhead (kop surat) every template imports, and the
// response a route sends. Modules keep their document models (every text final, every number
// formatted) and their templates; this file only compiles and delivers them.
import { readFileSync } from 'node:fs';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

/**
 * The letterhead of a document as printed by documents/kop.typ: centred lines, the logo (when
 * given) at the left, a double rule under it. Lines arrive final (upper case where printed so).
 */
export interface Letterhead {
  /** "PEMERINTAH KABUPATEN BANGKA" */
  government: string;
  /** the unit (or the inspectorate) as printed */
  unit: string;
  /** address, telephone, … on one line; '' or absent for none */
  address?: string;
  /** a second contact line (e-mail, website, SMS); '' or absent for none */
  contacts?: string;
  /** the virtual path of the logo, whose bytes the caller passes in `files` under that path */
  logo?: string | null;
}

/** A unit's contact data as the letterheads of the unit's reports print it. */
/** The model a module's Typst template of sections takes (coi.typ, gratification.typ): letterhead, title,
 *  sections of pairs / a table / text, an optional signature block and the footer's words. */
export type DocSection =
  | { heading: string; kind: 'pairs'; rows: [string, string][] }
  | { heading: string; kind: 'table'; head: string[]; rows: string[][]; widths: number[]; empty: string }
  | { heading: string; kind: 'text'; text: string };
export interface DocSigner { role: string; name: string; nip: string }
export interface DocModel {
  kop: Letterhead;
  title: string; unit: string; subtitles: string[]; intro: string; numbered: boolean;
  sections: DocSection[];
  sign: { place: string; date: string; left: DocSigner | null; right: DocSigner } | null;
  footer: string; page: string; of: string;
}

export interface LetterheadUnit { name: string; address: string | null; phone: string | null; email: string | null }

/**
 * The letterhead of a unit's report: "PEMERINTAH <regency without a leading 'Pemerintah'>", the
 * unit's name, and one line of address · Telp. · E-Mail.
 */
export function unitLetterhead(regency: string, unit: LetterheadUnit): Required<Pick<Letterhead, 'government' | 'unit' | 'address'>> {
  const bare = regency.replace(/^Pemerintah\s+/i, '').trim();
  return { government: `PEMERINTAH ${bare.toUpperCase()}`, unit: unit.name.toUpperCase(), address: contactLine(unit) };
}

/** "Pemerintah Kabupaten Bangka" / "Bangka" → "Kabupaten Bangka": the regency as a letterhead names it. */
export function regencyLabel(name: string, kind: string): string {
  const bare = name.replace(/^Pemerintah\s+/i, '').trim();
  if (!bare || /^(Kabupaten|Kota)\s/i.test(bare)) return bare;
  return `${kind === 'kota' ? 'Kota' : 'Kabupaten'} ${bare}`;
}

/** "Jalan A · Telp. 0717 1 · E-Mail: a@b" — the parts a unit has, in this order. */
export function contactLine(unit: Pick<LetterheadUnit, 'address' | 'phone' | 'email'>): string {
  return [unit.address, unit.phone ? `Telp. ${unit.phone}` : null, unit.email ? `E-Mail: ${unit.email}` : null].filter(Boolean).join(' · ');
}

// Typst resolves a template's absolute paths ("/kop.typ", "/logo.png") against this root. It does not
// exist on disk: a template reads only the files mapped here, never the server's.
const ROOT = '/integritas-documents';
const KOP_PATH = '/kop.typ';
const KOP_URL = new URL('./documents/kop.typ', import.meta.url);

let compiler: NodeCompiler | null = null;
const templates = new Map<string, string>();

/** Creating the compiler loads its fonts (tens of ms); compiling reuses its caches. */
function typst(): NodeCompiler {
  compiler ??= NodeCompiler.create({ workspace: ROOT });
  return compiler;
}

function source(url: URL): string {
  let text = templates.get(url.href);
  if (text === undefined) { text = readFileSync(url, 'utf8'); templates.set(url.href, text); }
  return text;
}

export interface RenderOptions {
  /** the document's creation time (PDF metadata): a fixed time keeps the bytes identical for identical input */
  at: Date;
  /** extra files the template reads by absolute path, e.g. { '/logo.png': bytes } */
  files?: Record<string, Uint8Array>;
}

/**
 * Compiles a template with `data` as `sys.inputs.data` (JSON) to a PDF. The template may
 * `#import "/kop.typ": kop`. Throws, with Typst's diagnostics, when the template fails to
 * compile: a bug, not bad input.
 */
export function renderPdf(template: URL, data: unknown, opts: RenderOptions): Uint8Array {
  const c = typst();
  const main = source(template);
  const files = Object.entries(opts.files ?? {});
  c.mapShadow(ROOT + KOP_PATH, Buffer.from(source(KOP_URL)));
  for (const [path, bytes] of files) c.mapShadow(ROOT + path, Buffer.from(bytes));
  try {
    return c.pdf({ mainFileContent: main, inputs: { data: JSON.stringify(data) } }, { creationTimestamp: Math.floor(opts.at.getTime() / 1000) });
  } catch (e) {
    let diags = '';
    try { diags = JSON.stringify(c.fetchDiagnostics(e as never)).slice(0, 2000); } catch { /* none to fetch */ }
    const name = template.pathname.split('/').pop();
    throw new Error(`${name} failed to compile: ${(e as { code?: string }).code ?? (e as Error).message ?? e} ${diags}`);
  } finally {
    // one document's files (a unit's logo) must not be seen by the next one
    for (const [path] of files) c.unmapShadow(ROOT + path);
    c.evictCache(10);
  }
}

export interface PdfResponseOptions {
  /** open in the browser (Content-Disposition inline) rather than download */
  inline?: boolean;
  /** the Cache-Control header; null sends none. Default 'private, no-store' (documents carry personal or internal data) */
  cacheControl?: string | null;
}

/** The response that delivers a PDF under `fileName` (characters a header cannot carry become "_"). */
export function pdfResponse(bytes: Uint8Array, fileName: string, opts: PdfResponseOptions = {}): Response {
  const headers: Record<string, string> = {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `${opts.inline ? 'inline' : 'attachment'}; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"`,
  };
  const cache = opts.cacheControl === undefined ? 'private, no-store' : opts.cacheControl;
  if (cache !== null) headers['Cache-Control'] = cache;
  return new Response(new Uint8Array(bytes), { headers });
}
