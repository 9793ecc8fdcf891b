// The kernel's document renderer and response: the letterhead every template imports, a logo passed
// as a file (and gone for the next document), a failing template named in the error, the headers.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import { after, describe, test } from 'node:test';
import { contactLine, pdfResponse, regencyLabel, renderPdf, unitLetterhead, type Letterhead } from '../documents.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'itg-documents-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function template(name: string, text: string): URL {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return pathToFileURL(file);
}

/** A 4×4 PNG, written out by hand (crc32 over type and data per chunk). */
function png(): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc = (b: Buffer) => { let c = 0xffffffff; for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0); body.copy(out, 4); out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(4, 0); ihdr.writeUInt32BE(4, 4); ihdr[8] = 8; ihdr[9] = 2;
  const rows = Buffer.concat(Array.from({ length: 4 }, () => Buffer.from([0, ...Array(12).fill(0x40)])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const text = (pdf: Uint8Array): string | null => {
  const file = path.join(dir, `t-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const r = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  return r.error || r.status !== 0 ? null : r.stdout;
};

describe('renderPdf', () => {
  const kopTemplate = template('kop.typ', '#import "/kop.typ": kop\n#let d = json(bytes(sys.inputs.data))\n#kop(d.kop)\nBody: #d.body\n');
  const at = new Date('2026-03-02T03:04:05Z');

  test('the letterhead prints its lines; the same input gives the same bytes', (tc) => {
    const kop: Letterhead = { government: 'PEMERINTAH KABUPATEN BANGKA', unit: 'DINAS CONTOH', address: 'Jalan A · Telp. 1', contacts: 'E-Mail: a@b' };
    const pdf = renderPdf(kopTemplate, { kop, body: 'isi' }, { at });
    assert.equal(Buffer.from(pdf.slice(0, 5)).toString('latin1'), '%PDF-');
    assert.deepEqual(renderPdf(kopTemplate, { kop, body: 'isi' }, { at }), pdf);
    const t = text(pdf);
    if (t === null) return tc.skip('pdftotext not installed (apt-get install -y poppler-utils)');
    for (const line of ['PEMERINTAH KABUPATEN BANGKA', 'DINAS CONTOH', 'Jalan A · Telp. 1', 'E-Mail: a@b', 'Body: isi']) assert.ok(t.includes(line), line);
  });

  test('a logo passed as a file is drawn, and the next document does not see it', () => {
    const kop: Letterhead = { government: 'G', unit: 'U', logo: '/logo.png' };
    const pdf = Buffer.from(renderPdf(kopTemplate, { kop, body: 'x' }, { at, files: { '/logo.png': png() } })).toString('latin1');
    assert.match(pdf, /\/Subtype\s*\/Image/);
    assert.throws(() => renderPdf(kopTemplate, { kop, body: 'x' }, { at }), /kop\.typ failed to compile/);
    assert.doesNotMatch(Buffer.from(renderPdf(kopTemplate, { kop: { ...kop, logo: null }, body: 'x' }, { at })).toString('latin1'), /\/Subtype\s*\/Image/);
  });

  test('a template reads no file of the server', () => {
    const reads = template('reads.typ', `#read("${path.join(dir, 'reads.typ')}")`);
    assert.throws(() => renderPdf(reads, {}, { at }), /reads\.typ failed to compile/);
  });
});

test('letterhead lines of a unit', () => {
  assert.deepEqual(unitLetterhead('Pemerintah Kabupaten Bangka', { name: 'Dinas A', address: 'Jalan A', phone: '(0717) 1', email: null }),
    { government: 'PEMERINTAH KABUPATEN BANGKA', unit: 'DINAS A', address: 'Jalan A · Telp. (0717) 1' });
  assert.equal(contactLine({ address: null, phone: null, email: 'a@b' }), 'E-Mail: a@b');
  assert.equal(contactLine({ address: null, phone: null, email: null }), '');
  assert.equal(regencyLabel('Pemerintah Kabupaten Bangka', 'kabupaten'), 'Kabupaten Bangka');
  assert.equal(regencyLabel('Pangkalpinang', 'kota'), 'Kota Pangkalpinang');
  assert.equal(regencyLabel('Bangka', 'kabupaten'), 'Kabupaten Bangka');
  assert.equal(regencyLabel('', 'kabupaten'), '');
});

test('pdfResponse: type, disposition, no-store unless told otherwise', async () => {
  const bytes = new Uint8Array([37, 80, 68, 70]);
  const a = pdfResponse(bytes, 'Laporan-A-2026.pdf');
  assert.equal(a.headers.get('content-type'), 'application/pdf');
  assert.equal(a.headers.get('content-disposition'), 'attachment; filename="Laporan-A-2026.pdf"');
  assert.equal(a.headers.get('cache-control'), 'private, no-store');
  assert.deepEqual(new Uint8Array(await a.arrayBuffer()), bytes);
  const b = pdfResponse(bytes, 'Maklumat "v1" é.pdf', { inline: true, cacheControl: null });
  assert.equal(b.headers.get('content-disposition'), 'inline; filename="Maklumat _v1_ _.pdf"');
  assert.equal(b.headers.get('cache-control'), null);
});
