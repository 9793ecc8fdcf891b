// A small QR code encoder (ISO/IEC 18004, Model 2) for the survey posters: byte mode, error
// correction level M (about 15 % of the symbol may be damaged), versions 1–10 (up to 213 bytes,
// far more than a short survey link needs), the mask with the lowest penalty. Written for this
// project from the standard; no dependency. test/qr.test.ts reads symbols back (format and version
// information, Reed–Solomon syndromes, payload) and, when zbarimg is installed, scans them.

/** Error-correction blocks of level M per version: EC codewords per block, then [count, data codewords] groups. */
const BLOCKS_M: Record<number, { ec: number; groups: [number, number][] }> = {
  1: { ec: 10, groups: [[1, 16]] },
  2: { ec: 16, groups: [[1, 28]] },
  3: { ec: 26, groups: [[1, 44]] },
  4: { ec: 18, groups: [[2, 32]] },
  5: { ec: 24, groups: [[2, 43]] },
  6: { ec: 16, groups: [[4, 27]] },
  7: { ec: 18, groups: [[4, 31]] },
  8: { ec: 22, groups: [[2, 38], [2, 39]] },
  9: { ec: 22, groups: [[3, 36], [2, 37]] },
  10: { ec: 26, groups: [[4, 43], [1, 44]] },
};
/** Centre rows/columns of the alignment patterns per version. */
const ALIGNMENT: Record<number, number[]> = {
  1: [], 2: [6, 18], 3: [6, 22], 4: [6, 26], 5: [6, 30], 6: [6, 34], 7: [6, 22, 38], 8: [6, 24, 42], 9: [6, 26, 46], 10: [6, 28, 50],
};
export const QR_MAX_VERSION = 10;
/** Format-information bits of level M (L = 01, M = 00, Q = 11, H = 10). */
const LEVEL_M_BITS = 0b00;

export interface QrCode {
  version: number;
  size: number;
  mask: number;
  /** modules[row][col]: true = dark */
  modules: boolean[][];
}

// ---- GF(256) and Reed–Solomon (primitive polynomial x^8 + x^4 + x^3 + x^2 + 1) ----------------

const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
{
  let x = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = x;
    LOG[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= 0x11d;
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255];
}

export function gfMul(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : EXP[LOG[a] + LOG[b]];
}

/** α^i in GF(256). */
export function gfPow(i: number): number {
  return EXP[((i % 255) + 255) % 255];
}

/** Coefficients (highest degree first, leading 1 omitted) of ∏ (x − α^i), i < degree. */
function generator(degree: number): number[] {
  let poly = [1];
  for (let i = 0; i < degree; i++) {
    const next = new Array<number>(poly.length + 1).fill(0);
    for (let j = 0; j < poly.length; j++) {
      next[j] ^= poly[j];
      next[j + 1] ^= gfMul(poly[j], gfPow(i));
    }
    poly = next;
  }
  return poly.slice(1);
}

/** The EC codewords of a block: the remainder of data·x^n divided by the generator. */
export function reedSolomon(data: number[], ecCount: number): number[] {
  const gen = generator(ecCount);
  const rem = new Array<number>(ecCount).fill(0);
  for (const byte of data) {
    const factor = byte ^ rem.shift()!;
    rem.push(0);
    for (let i = 0; i < ecCount; i++) rem[i] ^= gfMul(gen[i], factor);
  }
  return rem;
}

// ---- capacity and data codewords ---------------------------------------------------------------

export function dataCapacity(version: number): number {
  return BLOCKS_M[version].groups.reduce((s, [n, k]) => s + n * k, 0);
}

function countBits(version: number): number {
  return version <= 9 ? 8 : 16;
}

/** Bytes that fit in byte mode at level M in a version. */
export function byteCapacity(version: number): number {
  return Math.floor((dataCapacity(version) * 8 - 4 - countBits(version)) / 8);
}

function dataCodewords(bytes: Uint8Array, version: number): number[] {
  const bits: number[] = [];
  const put = (value: number, n: number) => { for (let i = n - 1; i >= 0; i--) bits.push((value >>> i) & 1); };
  put(0b0100, 4);
  put(bytes.length, countBits(version));
  for (const b of bytes) put(b, 8);
  const capacityBits = dataCapacity(version) * 8;
  put(0, Math.min(4, capacityBits - bits.length));
  while (bits.length % 8) bits.push(0);
  const out: number[] = [];
  for (let i = 0; i < bits.length; i += 8) out.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  for (let pad = 0xec; out.length < dataCapacity(version); pad ^= 0xec ^ 0x11) out.push(pad);
  return out;
}

/** Splits the data into blocks, adds their EC codewords and interleaves both. */
function finalCodewords(data: number[], version: number): number[] {
  const { ec, groups } = BLOCKS_M[version];
  const blocks: { data: number[]; ec: number[] }[] = [];
  let at = 0;
  for (const [count, k] of groups) {
    for (let i = 0; i < count; i++) {
      const d = data.slice(at, at + k);
      at += k;
      blocks.push({ data: d, ec: reedSolomon(d, ec) });
    }
  }
  const out: number[] = [];
  const longest = Math.max(...blocks.map((b) => b.data.length));
  for (let i = 0; i < longest; i++) for (const b of blocks) if (i < b.data.length) out.push(b.data[i]);
  for (let i = 0; i < ec; i++) for (const b of blocks) out.push(b.ec[i]);
  return out;
}

// ---- the matrix --------------------------------------------------------------------------------

/** BCH(15,5) format information of level M with a mask, already XOR-ed with 101010000010010. */
export function formatBits(mask: number): number {
  const data = (LEVEL_M_BITS << 3) | mask;
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  return ((data << 10) | (rem & 0x3ff)) ^ 0x5412;
}

/** BCH(18,6) version information (versions 7 and up). */
export function versionBits(version: number): number {
  let rem = version;
  for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
  return (version << 12) | (rem & 0xfff);
}

export function maskApplies(mask: number, row: number, col: number): boolean {
  switch (mask) {
    case 0: return (row + col) % 2 === 0;
    case 1: return row % 2 === 0;
    case 2: return col % 3 === 0;
    case 3: return (row + col) % 3 === 0;
    case 4: return (Math.floor(row / 2) + Math.floor(col / 3)) % 2 === 0;
    case 5: return ((row * col) % 2) + ((row * col) % 3) === 0;
    case 6: return (((row * col) % 2) + ((row * col) % 3)) % 2 === 0;
    case 7: return (((row + col) % 2) + ((row * col) % 3)) % 2 === 0;
    default: throw new Error(`mask ${mask}`);
  }
}

class Grid {
  readonly size: number;
  readonly dark: boolean[][];
  readonly fixed: boolean[][];
  constructor(readonly version: number) {
    this.size = 17 + 4 * version;
    this.dark = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.fixed = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
  }
  set(row: number, col: number, dark: boolean) {
    this.dark[row][col] = dark;
    this.fixed[row][col] = true;
  }
}

/** Marks every function module (finders, separators, timing, alignment, format/version areas). */
function drawFunctionPatterns(g: Grid): void {
  const n = g.size;
  for (let i = 0; i < n; i++) {
    g.set(6, i, i % 2 === 0);
    g.set(i, 6, i % 2 === 0);
  }
  const finder = (r0: number, c0: number) => {
    for (let dr = -4; dr <= 4; dr++) {
      for (let dc = -4; dc <= 4; dc++) {
        const r = r0 + dr;
        const c = c0 + dc;
        if (r < 0 || c < 0 || r >= n || c >= n) continue;
        const d = Math.max(Math.abs(dr), Math.abs(dc));
        g.set(r, c, d !== 2 && d !== 4);
      }
    }
  };
  finder(3, 3);
  finder(3, n - 4);
  finder(n - 4, 3);
  const centres = ALIGNMENT[g.version];
  for (const r of centres) {
    for (const c of centres) {
      const nearFinder = (r === 6 && c === 6) || (r === 6 && c === n - 7) || (r === n - 7 && c === 6);
      if (nearFinder) continue;
      for (let dr = -2; dr <= 2; dr++) for (let dc = -2; dc <= 2; dc++) g.set(r + dr, c + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
    }
  }
  // reserve the format areas (written per mask later) and the dark module
  drawFormat(g, 0);
  if (g.version >= 7) {
    const bits = versionBits(g.version);
    for (let i = 0; i < 18; i++) {
      const bit = ((bits >>> i) & 1) === 1;
      const a = n - 11 + (i % 3);
      const b = Math.floor(i / 3);
      g.set(b, a, bit);
      g.set(a, b, bit);
    }
  }
}

/** The two copies of the 15 format bits (bit 0 = least significant) and the dark module. */
export function formatPositions(size: number): { first: [number, number][]; second: [number, number][] } {
  const first: [number, number][] = [];
  const second: [number, number][] = [];
  for (let i = 0; i <= 5; i++) first.push([i, 8]);
  first.push([7, 8], [8, 8], [8, 7]);
  for (let i = 9; i < 15; i++) first.push([8, 14 - i]);
  for (let i = 0; i < 8; i++) second.push([8, size - 1 - i]);
  for (let i = 8; i < 15; i++) second.push([size - 15 + i, 8]);
  return { first, second };
}

function drawFormat(g: Grid, mask: number): void {
  const bits = formatBits(mask);
  const { first, second } = formatPositions(g.size);
  for (let i = 0; i < 15; i++) {
    const bit = ((bits >>> i) & 1) === 1;
    g.set(first[i][0], first[i][1], bit);
    g.set(second[i][0], second[i][1], bit);
  }
  g.set(g.size - 8, 8, true);
}

/** Data-module positions in placement order: two-column strips from the right, up and down in turn, skipping column 6. */
export function dataPositions(size: number, isFunction: (row: number, col: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  let upward = true;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let k = 0; k < size; k++) {
      const row = upward ? size - 1 - k : k;
      for (const col of [right, right - 1]) if (!isFunction(row, col)) out.push([row, col]);
    }
    upward = !upward;
  }
  return out;
}

function penalty(m: boolean[][]): number {
  const n = m.length;
  let score = 0;
  const line = (get: (i: number) => boolean) => {
    let run = 1;
    for (let i = 1; i <= n; i++) {
      if (i < n && get(i) === get(i - 1)) { run++; continue; }
      if (run >= 5) score += 3 + (run - 5);
      run = 1;
    }
    // finder-like 1:1:3:1:1 with four light modules on one side
    for (let i = 0; i + 11 <= n; i++) {
      const s = Array.from({ length: 11 }, (_, k) => get(i + k));
      const a = [true, false, true, true, true, false, true, false, false, false, false];
      if (a.every((v, k) => s[k] === v) || a.every((v, k) => s[10 - k] === v)) score += 40;
    }
  };
  for (let r = 0; r < n; r++) line((i) => m[r][i]);
  for (let c = 0; c < n; c++) line((i) => m[i][c]);
  for (let r = 0; r + 1 < n; r++) {
    for (let c = 0; c + 1 < n; c++) {
      const v = m[r][c];
      if (m[r][c + 1] === v && m[r + 1][c] === v && m[r + 1][c + 1] === v) score += 3;
    }
  }
  const darkCount = m.reduce((s, row) => s + row.filter(Boolean).length, 0);
  score += Math.floor(Math.abs(darkCount * 20 - n * n * 10) / (n * n)) * 10;
  return score;
}

/** Encodes text (UTF-8, byte mode) at level M in the smallest version that holds it. */
export function encodeQr(text: string, opts: { mask?: number; minVersion?: number } = {}): QrCode {
  const bytes = new TextEncoder().encode(text);
  let version = Math.max(1, opts.minVersion ?? 1);
  while (version <= QR_MAX_VERSION && byteCapacity(version) < bytes.length) version++;
  if (version > QR_MAX_VERSION) throw new Error(`QR: ${bytes.length} bytes do not fit version ${QR_MAX_VERSION}-M (at most ${byteCapacity(QR_MAX_VERSION)})`);
  const codewords = finalCodewords(dataCodewords(bytes, version), version);
  const base = new Grid(version);
  drawFunctionPatterns(base);
  const positions = dataPositions(base.size, (r, c) => base.fixed[r][c]);
  let best: QrCode | null = null;
  let bestScore = Infinity;
  const masks = opts.mask === undefined ? [0, 1, 2, 3, 4, 5, 6, 7] : [opts.mask];
  for (const mask of masks) {
    const g = new Grid(version);
    drawFunctionPatterns(g);
    drawFormat(g, mask);
    positions.forEach(([r, c], i) => {
      // past the codewords come the remainder bits (0)
      const bit = i < codewords.length * 8 ? ((codewords[i >>> 3] >>> (7 - (i & 7))) & 1) === 1 : false;
      g.dark[r][c] = bit !== maskApplies(mask, r, c);
    });
    const s = penalty(g.dark);
    if (s < bestScore) {
      bestScore = s;
      best = { version, size: g.size, mask, modules: g.dark };
    }
  }
  return best!;
}

/** The symbol as SVG: one path of dark modules on a white square with a four-module quiet zone. */
export function qrSvg(qr: QrCode, opts: { moduleSize?: number; quiet?: number; title?: string } = {}): string {
  const quiet = opts.quiet ?? 4;
  const unit = opts.moduleSize ?? 1;
  const total = (qr.size + 2 * quiet) * unit;
  let d = '';
  for (let r = 0; r < qr.size; r++) {
    let c = 0;
    while (c < qr.size) {
      if (!qr.modules[r][c]) { c++; continue; }
      const start = c;
      while (c < qr.size && qr.modules[r][c]) c++;
      d += `M${(start + quiet) * unit} ${(r + quiet) * unit}h${(c - start) * unit}v${unit}h${-(c - start) * unit}z`;
    }
  }
  const title = opts.title ? `<title>${opts.title.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`)}</title>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" width="${total}" height="${total}" shape-rendering="crispEdges">${title}<rect width="${total}" height="${total}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
}
