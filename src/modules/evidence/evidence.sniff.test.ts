// What a file is, by its bytes: every accepted kind from minimal fixtures built here, and disguised
// or unknown files refused. Plus the file-name rules applied before a file is stored.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { crc32 } from 'node:zlib';
import { ACCEPTED_EXTENSIONS, FILE_KINDS, describeMime, sniffFile } from '../../kernel/files.ts';
import { checkUpload, checkUrl, sanitizeFileName } from './evidence.service.ts';

const enc = new TextEncoder();
const bytesOf = (...parts: (string | number[] | Uint8Array)[]) => {
  const chunks = parts.map((p) => (typeof p === 'string' ? enc.encode(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
};

/** A stored (uncompressed) ZIP archive; without the central directory when cut short. */
function zip(entries: [string, string][], opts: { centralDirectory?: boolean } = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const n = enc.encode(name);
    const data = enc.encode(content);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    parts.push(local, n, data);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(data.length, 24);
    cd.writeUInt16LE(n.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, n);
    offset += 30 + n.length + data.length;
  }
  if (opts.centralDirectory !== false) {
    const size = central.reduce((s, c) => s + c.length, 0);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(entries.length, 8);
    eocd.writeUInt16LE(entries.length, 10);
    eocd.writeUInt32LE(size, 12);
    eocd.writeUInt32LE(offset, 16);
    parts.push(...central, eocd);
  }
  return bytesOf(...parts);
}

const CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const ooxml = (part: string, extra: [string, string][] = []) => zip([['[Content_Types].xml', CT], ['_rels/.rels', '<Relationships/>'], [part, '<x/>'], ...extra]);
const odf = (mime: string) => zip([['mimetype', mime], ['META-INF/manifest.xml', '<manifest/>'], ['content.xml', '<office:document-content/>']]);

const FIX = {
  pdf: bytesOf('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n'),
  png: bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'),
  jpeg: bytesOf([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF', [0]),
  gif87: bytesOf('GIF87a', [1, 0, 1, 0, 0, 0, 0]),
  gif89: bytesOf('GIF89a', [1, 0, 1, 0, 0, 0, 0]),
  webp: bytesOf('RIFF', [26, 0, 0, 0], 'WEBPVP8 ', [0, 0, 0, 0]),
  ole: bytesOf([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Array(504).fill(0)),
  html: bytesOf('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>'),
  svg: bytesOf('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>'),
  xmlSvg: bytesOf('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
  elf: bytesOf([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], new Array(56).fill(0)),
  mz: bytesOf('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0], new Array(54).fill(0), 'This program cannot be run in DOS mode.'),
};

describe('sniffFile accepts every supported kind by its content', () => {
  const cases: [string, Uint8Array, string, { ext: string; kind: string; mime: string }][] = [
    ['PDF', FIX.pdf, 'laporan.pdf', { ext: 'pdf', kind: 'pdf', mime: 'application/pdf' }],
    ['PNG', FIX.png, 'foto.png', { ext: 'png', kind: 'image', mime: 'image/png' }],
    ['JPEG', FIX.jpeg, 'foto.jpeg', { ext: 'jpg', kind: 'image', mime: 'image/jpeg' }],
    ['GIF87a', FIX.gif87, 'a.gif', { ext: 'gif', kind: 'image', mime: 'image/gif' }],
    ['GIF89a', FIX.gif89, 'a.gif', { ext: 'gif', kind: 'image', mime: 'image/gif' }],
    ['WebP', FIX.webp, 'a.webp', { ext: 'webp', kind: 'image', mime: 'image/webp' }],
    ['DOCX', ooxml('word/document.xml'), 'sk.docx', { ext: 'docx', kind: 'office', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }],
    ['XLSX', ooxml('xl/workbook.xml'), 'data.xlsx', { ext: 'xlsx', kind: 'office', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }],
    ['PPTX', ooxml('ppt/presentation.xml'), 'paparan.pptx', { ext: 'pptx', kind: 'office', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' }],
    ['ODT', odf('application/vnd.oasis.opendocument.text'), 'sk.odt', { ext: 'odt', kind: 'office', mime: 'application/vnd.oasis.opendocument.text' }],
    ['ODS', odf('application/vnd.oasis.opendocument.spreadsheet'), 'data.ods', { ext: 'ods', kind: 'office', mime: 'application/vnd.oasis.opendocument.spreadsheet' }],
    ['ODP', odf('application/vnd.oasis.opendocument.presentation'), 'p.odp', { ext: 'odp', kind: 'office', mime: 'application/vnd.oasis.opendocument.presentation' }],
    ['DOC (OLE)', FIX.ole, 'lama.doc', { ext: 'doc', kind: 'office', mime: 'application/msword' }],
    ['XLS (OLE)', FIX.ole, 'LAMA.XLS', { ext: 'xls', kind: 'office', mime: 'application/vnd.ms-excel' }],
    ['PPT (OLE)', FIX.ole, 'lama.ppt', { ext: 'ppt', kind: 'office', mime: 'application/vnd.ms-powerpoint' }],
    ['TXT', bytesOf('Notulen rapat Tim Kerja ZI\r\n1. Pembentukan tim\n'), 'notulen.txt', { ext: 'txt', kind: 'text', mime: 'text/plain' }],
    ['CSV with BOM', bytesOf([0xef, 0xbb, 0xbf], 'no;nama;nilai\n1;Survei IPK;3,52\n'), 'survei.csv', { ext: 'csv', kind: 'text', mime: 'text/csv' }],
  ];
  for (const [label, bytes, name, expected] of cases) {
    test(label, () => assert.deepEqual(sniffFile(bytes, name), expected));
  }

  test('the content decides, not the name: a PNG named .pdf is a PNG, an OOXML named .xlsx holding word/ is a DOCX', () => {
    assert.equal(sniffFile(FIX.png, 'scan.pdf')?.ext, 'png');
    assert.equal(sniffFile(FIX.pdf, 'scan.png')?.ext, 'pdf');
    assert.equal(sniffFile(ooxml('word/document.xml'), 'data.xlsx')?.ext, 'docx');
    assert.equal(sniffFile(FIX.jpeg, '')?.ext, 'jpg');
  });

  test('an OOXML archive cut short (no central directory) is recognised from its first entries', () => {
    assert.equal(sniffFile(zip([['[Content_Types].xml', CT], ['word/document.xml', '<w/>']], { centralDirectory: false }), 'x.docx')?.ext, 'docx');
  });

  test('every extension sniffFile can produce is listed in FILE_KINDS with a media type', () => {
    const listed = FILE_KINDS.flatMap((k) => k.exts);
    for (const [, , , e] of cases) assert.ok(listed.includes(e.ext), e.ext);
    for (const ext of listed) {
      assert.ok(ACCEPTED_EXTENSIONS.includes(ext.toUpperCase()), ext);
      const d = [...cases].find((c) => c[3].ext === ext)![3];
      assert.deepEqual(describeMime(d.mime), d);
    }
    assert.equal(describeMime('text/html'), null);
  });
});

describe('sniffFile refuses disguised and unknown files', () => {
  const refused: [string, Uint8Array, string][] = [
    ['HTML renamed .pdf', FIX.html, 'laporan.pdf'],
    ['HTML renamed .txt', FIX.html, 'catatan.txt'],
    ['HTML with leading whitespace renamed .csv', bytesOf('\n\n  <html><body>x</body></html>'), 'data.csv'],
    ['text hiding a script tag renamed .txt', bytesOf('Halo\n<script src="//evil.example/x.js"></script>\n'), 'halo.txt'],
    ['SVG renamed .png', FIX.svg, 'logo.png'],
    ['SVG with an XML declaration renamed .png', FIX.xmlSvg, 'logo.png'],
    ['SVG renamed .txt', FIX.svg, 'logo.txt'],
    ['ELF executable renamed .pdf', FIX.elf, 'laporan.pdf'],
    ['ELF executable renamed .txt', FIX.elf, 'laporan.txt'],
    ['Windows executable (MZ) renamed .docx', FIX.mz, 'sk.docx'],
    ['Windows executable (MZ) renamed .doc', FIX.mz, 'sk.doc'],
    ['shell script renamed .txt', bytesOf('#!/bin/sh\nrm -rf /\n'), 'catatan.txt'],
    ['a ZIP that is not OOXML or ODF', zip([['foto.jpg', 'x'], ['catatan.txt', 'y']]), 'arsip.docx'],
    ['a ZIP with [Content_Types].xml but no Office part', zip([['[Content_Types].xml', CT], ['other/x.xml', '<x/>']]), 'x.docx'],
    ['a ZIP claiming to be both DOCX and XLSX', ooxml('word/document.xml', [['xl/workbook.xml', '<x/>']]), 'x.docx'],
    ['a macro-enabled document (vbaProject.bin)', ooxml('word/document.xml', [['word/vbaProject.bin', 'VBA']]), 'x.docm'],
    ['an ODF drawing (not text, spreadsheet or presentation)', odf('application/vnd.oasis.opendocument.graphics'), 'x.odg'],
    ['an OLE container with another name (.msi)', FIX.ole, 'setup.msi'],
    ['an OLE container named .pdf', FIX.ole, 'laporan.pdf'],
    ['a RIFF that is not WebP (WAV)', bytesOf('RIFF', [26, 0, 0, 0], 'WAVEfmt ', [0, 0, 0, 0]), 'suara.webp'],
    ['text with NUL bytes renamed .csv', bytesOf('a,b\n', [0], 'c\n'), 'data.csv'],
    ['invalid UTF-8 renamed .txt', bytesOf([0xc3, 0x28, 0x41]), 'x.txt'],
    ['plain text with another extension', bytesOf('hanya teks'), 'catatan.md'],
    ['plain text without extension', bytesOf('hanya teks'), 'catatan'],
    ['a script with its own extension (.js)', bytesOf('alert(1)'), 'x.js'],
    ['empty', new Uint8Array(0), 'kosong.pdf'],
    ['a truncated signature', bytesOf('%PD'), 'x.pdf'],
  ];
  for (const [label, bytes, name] of refused) {
    test(label, () => assert.equal(sniffFile(bytes, name), null));
  }
});

describe('upload checks before anything is stored', () => {
  test('file names lose folders and control characters, keep UTF-8, and end with the real extension', () => {
    const png = { ext: 'png' };
    const pdf = { ext: 'pdf' };
    assert.equal(sanitizeFileName('C:\\Users\\ani\\Dokumen\\SK Tim ZI.pdf', pdf), 'SK Tim ZI.pdf');
    assert.equal(sanitizeFileName('../../etc/passwd.pdf', pdf), 'passwd.pdf');
    assert.equal(sanitizeFileName('lap\u0000or\u001ban\u202e.pdf', pdf), 'laporan.pdf');
    assert.equal(sanitizeFileName('Notulen Rapat — Sosialisasi.pdf', pdf), 'Notulen Rapat — Sosialisasi.pdf');
    assert.equal(sanitizeFileName('scan.pdf', png), 'scan.png', 'a misleading extension is replaced');
    assert.equal(sanitizeFileName('foto.JPEG', { ext: 'jpg' }), 'foto.JPEG');
    assert.equal(sanitizeFileName('Rapat tgl 1.2 final', pdf), 'Rapat tgl 1.2 final.pdf');
    assert.equal(sanitizeFileName('', pdf), 'berkas.pdf');
    assert.equal(sanitizeFileName('...', pdf), 'berkas.pdf');
    const long = sanitizeFileName(`${'a'.repeat(300)}.pdf`, pdf);
    assert.equal(long.length, 200);
    assert.ok(long.endsWith('.pdf'));
  });

  test('size, type and title are checked with i18n codes', () => {
    const code = (fn: () => unknown) => {
      try { fn(); } catch (err) { return (err as { code: string; params: unknown }).code; }
      return 'ok';
    };
    assert.equal(code(() => checkUpload(new Uint8Array(0), 'a.pdf')), 'evidence.file.empty');
    assert.equal(code(() => checkUpload(new Uint8Array(10 * 1024 * 1024 + 1), 'a.pdf')), 'evidence.file.too_large');
    assert.equal(code(() => checkUpload(FIX.html, 'a.pdf')), 'evidence.file.type');
    assert.equal(code(() => checkUpload(FIX.pdf, 'a.pdf', 'x'.repeat(201))), 'evidence.title.too_long');
    assert.deepEqual(checkUpload(FIX.pdf, 'SK Tim.pdf', '  ').title, 'SK Tim', 'the title defaults to the file name without extension');
    assert.deepEqual(checkUpload(FIX.pdf, 'SK Tim.pdf', ' SK Pembentukan\nTim ').title, 'SK Pembentukan Tim');
  });

  test('links are http(s) only, at most 2,000 characters, without credentials', () => {
    assert.equal(checkUrl(' https://bangka.go.id/zi?a=1 '), 'https://bangka.go.id/zi?a=1');
    for (const bad of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://x.go.id/a', 'file:///etc/passwd', 'bangka.go.id', '', 'https://user:pw@x.go.id/']) {
      assert.throws(() => checkUrl(bad), /evidence\.url\.invalid/, bad);
    }
    assert.throws(() => checkUrl(`https://x.go.id/${'a'.repeat(2000)}`), /evidence\.url\.too_long/);
  });
});
