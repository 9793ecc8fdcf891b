// Uploaded files: a content-addressed store outside the web root, and recognition of what a file
// really is from its bytes (never from its name or the browser's claim). Knows no business domain;
// the evidence module keeps the metadata (who, which unit, title) in its own tables.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** The largest evidence file accepted (10 MB); the request body limit (12 MB) leaves room for the form. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export type FileKind = 'pdf' | 'image' | 'office' | 'text';

/** What is accepted, by kind, with the extensions a user recognises (for messages and `accept=`). */
export const FILE_KINDS: readonly { kind: FileKind; exts: readonly string[] }[] = [
  { kind: 'pdf', exts: ['pdf'] },
  { kind: 'image', exts: ['png', 'jpg', 'gif', 'webp'] },
  { kind: 'office', exts: ['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'doc', 'xls', 'ppt'] },
  { kind: 'text', exts: ['txt', 'csv'] },
];

/** Every accepted extension, upper case, comma separated: "PDF, PNG, JPG, …". */
export const ACCEPTED_EXTENSIONS = FILE_KINDS.flatMap((k) => k.exts).map((e) => e.toUpperCase()).join(', ');

export interface Sniffed { mime: string; ext: string; kind: FileKind }

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  txt: 'text/plain',
  csv: 'text/csv',
};

const KIND_OF: Record<string, FileKind> = Object.fromEntries(FILE_KINDS.flatMap((k) => k.exts.map((e) => [e, k.kind])));

/** The extension and kind of a stored media type (as sniffFile gave it); null when unknown. */
export function describeMime(mime: string): Sniffed | null {
  const ext = Object.keys(MIME).find((e) => MIME[e] === mime);
  return ext ? result(ext) : null;
}

function result(ext: string): Sniffed {
  return { mime: MIME[ext], ext, kind: KIND_OF[ext] };
}

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

const ascii = (s: string) => [...s].map((ch) => ch.charCodeAt(0));
const SIG = {
  pdf: ascii('%PDF-'),
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  jpeg: [0xff, 0xd8, 0xff],
  gif87: ascii('GIF87a'),
  gif89: ascii('GIF89a'),
  riff: ascii('RIFF'),
  webp: ascii('WEBP'),
  zip: [0x50, 0x4b, 0x03, 0x04],
  ole: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
} as const;

/** The extension of a file name, lower case, without the dot ('' when there is none). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * What a file is, judged by its content. The name only chooses among formats that share one
 * container and cannot be told apart cheaply (legacy OLE doc/xls/ppt), and marks plain text
 * (txt/csv) — which is accepted only when the content is clean UTF-8 text without markup.
 * Everything else (HTML, SVG, executables, scripts, archives, unknown) is refused: null.
 */
export function sniffFile(bytes: Uint8Array, originalName: string): Sniffed | null {
  if (bytes.length === 0) return null;
  const nameExt = extensionOf(originalName);
  if (startsWith(bytes, SIG.pdf)) return result('pdf');
  if (startsWith(bytes, SIG.png)) return result('png');
  if (startsWith(bytes, SIG.jpeg)) return result('jpg');
  if (startsWith(bytes, SIG.gif87) || startsWith(bytes, SIG.gif89)) return result('gif');
  if (startsWith(bytes, SIG.riff) && startsWith(bytes, SIG.webp, 8)) return result('webp');
  if (startsWith(bytes, SIG.zip)) return sniffZip(bytes);
  if (startsWith(bytes, SIG.ole)) {
    // an OLE container is also .msi, .msg, …: only the three Office formats are taken, by name
    return nameExt === 'doc' || nameExt === 'xls' || nameExt === 'ppt' ? result(nameExt) : null;
  }
  if (nameExt === 'txt' || nameExt === 'csv') return isPlainText(bytes) ? result(nameExt) : null;
  return null;
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
const latin1 = (b: Uint8Array, from: number, to: number) => Buffer.from(b.buffer, b.byteOffset + from, Math.max(0, Math.min(to, b.length) - from)).toString('latin1');

// How far into a ZIP archive local entry names are looked for when it has no readable central
// directory (OOXML writers put the parts that identify the format near the start).
const ZIP_SCAN_BYTES = 512 * 1024;

function sniffZip(bytes: Uint8Array): Sniffed | null {
  // ODF: the first entry is an uncompressed "mimetype" holding the document's media type
  const nameLen = u16(bytes, 26);
  const extraLen = u16(bytes, 28);
  if (latin1(bytes, 30, 30 + nameLen) === 'mimetype' && u16(bytes, 8) === 0) {
    const start = 30 + nameLen + extraLen;
    const mime = latin1(bytes, start, start + Math.min(u32(bytes, 18), 100)).trim();
    const odf: Record<string, string> = {
      'application/vnd.oasis.opendocument.text': 'odt',
      'application/vnd.oasis.opendocument.spreadsheet': 'ods',
      'application/vnd.oasis.opendocument.presentation': 'odp',
    };
    return odf[mime] ? result(odf[mime]) : null;
  }
  // OOXML: [Content_Types].xml beside word/, xl/ or ppt/ parts
  const names = zipEntryNames(bytes);
  if (!names.has('[Content_Types].xml')) return null;
  const list = [...names];
  // macro-enabled documents (docm, xlsm, pptm) carry a VBA project: refused
  if (list.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return null;
  const has = (prefix: string) => list.some((n) => n.startsWith(prefix));
  const found = [has('word/') ? 'docx' : '', has('xl/') ? 'xlsx' : '', has('ppt/') ? 'pptx' : ''].filter(Boolean);
  return found.length === 1 ? result(found[0]) : null;
}

/**
 * Entry names of a ZIP archive: from the central directory when the archive has one (it lists
 * every entry), else from the local headers in the first part of the archive.
 */
function zipEntryNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  // end of central directory record: within the last 22 + 65,535 bytes
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= min; i--) {
    if (!startsWith(bytes, [0x50, 0x4b, 0x05, 0x06], i)) continue;
    const count = u16(bytes, i + 10);
    let at = u32(bytes, i + 16);
    for (let k = 0; k < count && at + 46 <= bytes.length; k++) {
      if (!startsWith(bytes, [0x50, 0x4b, 0x01, 0x02], at)) break;
      const n = u16(bytes, at + 28);
      names.add(latin1(bytes, at + 46, at + 46 + n));
      at += 46 + n + u16(bytes, at + 30) + u16(bytes, at + 32);
    }
    if (names.size > 0) return names;
    break;
  }
  const scanEnd = Math.min(bytes.length, ZIP_SCAN_BYTES);
  for (let i = 0; i + 30 <= scanEnd; i++) {
    if (!startsWith(bytes, SIG.zip, i)) continue;
    const n = u16(bytes, i + 26);
    if (n > 0 && n < 512 && i + 30 + n <= bytes.length) names.add(latin1(bytes, i + 30, i + 30 + n));
  }
  return names;
}

/** UTF-8 text without NUL or control characters (tab, CR, LF, FF allowed), and not markup or a script. */
function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return false;
  }
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return false;
  const head = text.trimStart();
  if (head.startsWith('<') || head.startsWith('#!')) return false;
  if (/<\s*(?:script|html|svg|iframe|object|embed|body|head|meta|\?xml|!doctype)\b/i.test(text)) return false;
  return true;
}

// ---- the store -------------------------------------------------------------------------------

export interface StoredFile { sha256: string; size: number }

export interface FileStore {
  readonly dir: string;
  /** Stores bytes under their SHA-256 (dir/ab/abcdef…); storing the same bytes again is a no-op. */
  put(bytes: Uint8Array): Promise<StoredFile>;
  /** The bytes stored under a SHA-256; throws for a malformed address or a missing file. */
  read(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
}

export function isSha256(v: unknown): v is string {
  return typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function createFileStore(dir: string): FileStore {
  const root = path.resolve(dir);
  const pathOf = (sha: string) => {
    // the address is checked before it becomes a path: no traversal, no other file names
    if (!isSha256(sha)) throw new Error('file store: malformed sha256');
    return path.join(root, sha.slice(0, 2), sha);
  };
  const exists = async (file: string) => {
    try {
      return (await stat(file)).isFile();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  };
  return {
    dir: root,
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      const target = pathOf(sha256);
      if (await exists(target)) return { sha256, size: bytes.length };
      const folder = path.dirname(target);
      await mkdir(folder, { recursive: true, mode: 0o750 });
      // written beside its final place, flushed, then renamed: a reader never sees half a file
      const tmp = path.join(folder, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
      const fh = await open(tmp, 'wx', 0o640);
      try {
        await fh.writeFile(bytes);
        await fh.sync();
      } catch (err) {
        await fh.close().catch(() => {});
        await unlink(tmp).catch(() => {});
        throw err;
      }
      await fh.close();
      try {
        await rename(tmp, target);
      } catch (err) {
        await unlink(tmp).catch(() => {});
        throw err;
      }
      return { sha256, size: bytes.length };
    },
    async read(sha256) {
      return readFile(pathOf(sha256));
    },
    async has(sha256) {
      if (!isSha256(sha256)) return false;
      return exists(pathOf(sha256));
    },
  };
}
