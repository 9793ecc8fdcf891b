// The poster's QR encoder, read back: a reader written here from the standard (format information
// against all 32 valid BCH code words, version information, the data modules unmasked in placement
// order, blocks de-interleaved, Reed–Solomon syndromes zero, the byte-mode payload), and — when
// zbarimg is installed (Debian: zbar-tools) — an independent scan of the symbol as an image.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  byteCapacity, dataPositions, encodeQr, formatBits, formatPositions, gfMul, gfPow, maskApplies, qrSvg, reedSolomon, versionBits, type QrCode,
} from '../src/modules/surveys/qr.ts';

const BLOCKS: Record<number, { ec: number; sizes: number[] }> = {
  1: { ec: 10, sizes: [16] }, 2: { ec: 16, sizes: [28] }, 3: { ec: 26, sizes: [44] }, 4: { ec: 18, sizes: [32, 32] },
  5: { ec: 24, sizes: [43, 43] }, 6: { ec: 16, sizes: [27, 27, 27, 27] }, 7: { ec: 18, sizes: [31, 31, 31, 31] },
  8: { ec: 22, sizes: [38, 38, 39, 39] }, 9: { ec: 22, sizes: [36, 36, 36, 37, 37] }, 10: { ec: 26, sizes: [43, 43, 43, 43, 44] },
};

const popcount = (x: number) => { let n = 0; while (x) { n += x & 1; x >>>= 1; } return n; };

/** Every valid 15-bit format word, computed by polynomial division written out separately. */
function validFormats(): Map<number, { level: number; mask: number }> {
  const out = new Map<number, { level: number; mask: number }>();
  for (let level = 0; level < 4; level++) {
    for (let mask = 0; mask < 8; mask++) {
      const data = (level << 3) | mask;
      let v = data << 10;
      for (let bit = 14; bit >= 10; bit--) if (v & (1 << bit)) v ^= 0b10100110111 << (bit - 10);
      out.set(((data << 10) | v) ^ 0b101010000010010, { level, mask });
    }
  }
  return out;
}

function readFormat(qr: QrCode, copy: 'first' | 'second'): number {
  const pos = formatPositions(qr.size)[copy];
  return pos.reduce((bits, [r, c], i) => bits | ((qr.modules[r][c] ? 1 : 0) << i), 0);
}

function isFunction(version: number, size: number) {
  const align = ({ 1: [], 2: [6, 18], 3: [6, 22], 4: [6, 26], 5: [6, 30], 6: [6, 34], 7: [6, 22, 38], 8: [6, 24, 42], 9: [6, 26, 46], 10: [6, 28, 50] } as Record<number, number[]>)[version];
  return (r: number, c: number) => {
    if (r === 6 || c === 6) return true;
    if ((r < 9 && c < 9) || (r < 9 && c >= size - 8) || (r >= size - 8 && c < 9)) return true;
    if (version >= 7 && ((r < 6 && c >= size - 11 && c < size - 8) || (c < 6 && r >= size - 11 && r < size - 8))) return true;
    for (const ar of align) for (const ac of align) {
      if ((ar === 6 && ac === 6) || (ar === 6 && ac === size - 7) || (ar === size - 7 && ac === 6)) continue;
      if (Math.abs(r - ar) <= 2 && Math.abs(c - ac) <= 2) return true;
    }
    return false;
  };
}

/** Reads the symbol back to its text; asserts every structural property on the way. */
function decode(qr: QrCode): string {
  const { version, size } = qr;
  assert.equal(size, 17 + 4 * version);
  const formats = validFormats();
  const f1 = formats.get(readFormat(qr, 'first'));
  const f2 = formats.get(readFormat(qr, 'second'));
  assert.ok(f1 && f2, 'both format copies are valid BCH code words');
  assert.deepEqual(f1, f2);
  assert.equal(f1.level, 0b00, 'level M');
  assert.equal(f1.mask, qr.mask);
  assert.equal(qr.modules[size - 8][8], true, 'the dark module');
  for (let i = 8; i < size - 8; i++) assert.equal(qr.modules[6][i], i % 2 === 0, 'timing row');
  if (version >= 7) {
    let bits = 0;
    for (let i = 0; i < 18; i++) if (qr.modules[Math.floor(i / 3)][size - 11 + (i % 3)]) bits |= 1 << i;
    assert.equal(bits >>> 12, version, 'version information');
    assert.equal(bits, versionBits(version));
  }
  const positions = dataPositions(size, isFunction(version, size));
  const { ec, sizes } = BLOCKS[version];
  const total = sizes.reduce((a, b) => a + b, 0) + ec * sizes.length;
  const raw: number[] = [];
  for (let i = 0; i < total * 8; i++) {
    const [r, c] = positions[i];
    const bit = qr.modules[r][c] !== maskApplies(f1.mask, r, c);
    if (i % 8 === 0) raw.push(0);
    raw[raw.length - 1] = (raw[raw.length - 1] << 1) | (bit ? 1 : 0);
  }
  // de-interleave
  const blocks = sizes.map(() => [] as number[]);
  let at = 0;
  for (let i = 0; i < Math.max(...sizes); i++) sizes.forEach((s, b) => { if (i < s) blocks[b].push(raw[at++]); });
  const ecs = sizes.map(() => [] as number[]);
  for (let i = 0; i < ec; i++) sizes.forEach((_, b) => ecs[b].push(raw[at++]));
  const data: number[] = [];
  blocks.forEach((block, b) => {
    const word = [...block, ...ecs[b]];
    for (let k = 0; k < ec; k++) {
      // syndrome S_k = word(α^k), Horner with the highest degree first
      let s = 0;
      for (const cw of word) s = gfMul(s, gfPow(k)) ^ cw;
      assert.equal(s, 0, `block ${b}: syndrome ${k} is zero`);
    }
    data.push(...block);
  });
  let bitAt = 0;
  const take = (n: number) => {
    let v = 0;
    for (let i = 0; i < n; i++, bitAt++) v = (v << 1) | ((data[bitAt >>> 3] >>> (7 - (bitAt & 7))) & 1);
    return v;
  };
  assert.equal(take(4), 0b0100, 'byte mode');
  const length = take(version <= 9 ? 8 : 16);
  const bytes = Uint8Array.from({ length }, () => take(8));
  return new TextDecoder().decode(bytes);
}

test('Reed–Solomon: known EC codewords of the standard\'s example (1-M "01234567")', () => {
  // ISO/IEC 18004 Annex I: data codewords of 01234567 at 1-M and their 10 EC codewords
  const data = [0x10, 0x20, 0x0c, 0x56, 0x61, 0x80, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11];
  assert.deepEqual(reedSolomon(data, 10), [0xa5, 0x24, 0xd4, 0xc1, 0xed, 0x36, 0xc7, 0x87, 0x2c, 0x55]);
});

test('format and version information: the code words of the standard', () => {
  // level M (00), mask 5 → 100000011001110 after the XOR mask (ISO/IEC 18004 Annex C)
  assert.equal(formatBits(5), 0b100000011001110);
  // version 7 → 000111110010010100 (Annex D)
  assert.equal(versionBits(7), 0b000111110010010100);
});

test('short links read back at every size, every mask', () => {
  const texts = [
    'https://integritas.bangkakab.go.id/s/DPMPTSPKUKM/IMB',
    'http://127.0.0.1:3000/s/DUKCAPIL/ipak',
    'x',
    'Bagaimana pelayanan kami? Survei kepuasan masyarakat — terima kasih',
  ];
  for (const text of texts) {
    for (let mask = 0; mask < 8; mask++) assert.equal(decode(encodeQr(text, { mask })), text);
  }
  for (let v = 1; v <= 10; v++) {
    const text = 'a'.repeat(byteCapacity(v));
    const qr = encodeQr(text);
    assert.equal(qr.version, v, `${text.length} bytes take version ${v}`);
    assert.equal(decode(qr), text);
  }
  assert.throws(() => encodeQr('a'.repeat(byteCapacity(10) + 1)), /do not fit/);
});

test('SVG: a quiet zone of four modules and one path', () => {
  const qr = encodeQr('http://127.0.0.1:3000/s/X/Y');
  const svg = qrSvg(qr, { title: 'a <link>' });
  assert.match(svg, new RegExp(`viewBox="0 0 ${qr.size + 8} ${qr.size + 8}"`));
  assert.match(svg, /<title>a &#60;link&#62;<\/title>/);
  assert.equal((svg.match(/<path /g) ?? []).length, 1);
});

/** The symbol as a PGM image: 8 pixels per module, four-module quiet zone. */
function pgm(qr: QrCode): Buffer {
  const scale = 8;
  const n = (qr.size + 8) * scale;
  const px = Buffer.alloc(n * n, 255);
  for (let r = 0; r < qr.size; r++) for (let c = 0; c < qr.size; c++) {
    if (!qr.modules[r][c]) continue;
    for (let y = 0; y < scale; y++) px.fill(0, ((r + 4) * scale + y) * n + (c + 4) * scale, ((r + 4) * scale + y) * n + (c + 5) * scale);
  }
  return Buffer.concat([Buffer.from(`P5\n${n} ${n}\n255\n`), px]);
}

const hasZbar = spawnSync('zbarimg', ['--version']).status === 0;

test('zbarimg scans the symbols', { skip: hasZbar ? false : 'zbarimg not installed (apt-get install zbar-tools)' }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'itg-qr-'));
  try {
    const texts = ['https://integritas.bangkakab.go.id/s/DPMPTSPKUKM/IMB', 'http://127.0.0.1:3100/s/DUKCAPIL/ipkp', 'b'.repeat(byteCapacity(8))];
    for (const [i, text] of texts.entries()) {
      const file = path.join(dir, `qr${i}.pgm`);
      writeFileSync(file, pgm(encodeQr(text)));
      const out = execFileSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', file], { encoding: 'utf8' });
      assert.equal(out.trim(), text);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
