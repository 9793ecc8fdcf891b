// Demo LKE year for Kabupaten Bangka: six worksheets in every review state, answers per layer
// (unit, TPI, TPN), a state history with dated events by the demo accounts, and evidence — small
// but valid PDF documents and PNG photos generated here, uploaded through the evidence module, plus
// links to publications under .example addresses (nothing real is implied). Runs once, after the
// org demo; see seedAssessmentDemo. Dated relative to the current year: the story is written with
// BASE as this year (a complete last year, this year in progress up to 27 November) and moved by
// whole years to the regency's current year (kernel/demo-dates.ts), its texts and numbers with it;
// seeded before 27 November, this year's part is compressed before `now` (storyClock).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { inArray, sql } from 'drizzle-orm';
import { appendAudit, SYSTEM_ACTOR, type AuditActor } from '../../kernel/audit.ts';
import type { Db } from '../../kernel/db.ts';
import { demoText, demoYear } from '../../kernel/demo-dates.ts';
import type { FileStore } from '../../kernel/files.ts';
import { formatNumber } from '../../kernel/i18n.ts';
import { accounts } from '../../kernel/schema.ts';
import { attachFile, attachUrl, copyEvidenceLinks, uploadEvidence } from '../evidence/index.ts';
import { orgUnits } from '../org/index.ts';
import { answers, worksheetEvents, worksheets } from './assessment.schema.ts';
import { getRuleSet } from './lke.ruleset.ts';
import { indexOf, isChoiceType, LETTERS_OF, parseAnswers, scoreAnswers } from './lke.rules.ts';
import type { Answer, Answers, RuleSet } from './lke.types.ts';
import type { Layer, State } from './lke.workflow.ts';
import { seededRandom as random } from '../../kernel/demo-random.ts';

const RULESET = 'permenpanrb-90-2021';
const SUBJECT = 'lke_item';
/** The year the story is written in as "this year" (BASE - 1 last year, BASE - 2 the year before): moved to the current year. */
const BASE = 2026;

// ---------------------------------------------------------------- time

/** A moment in Western Indonesia Time (UTC+7). */
function wib(y: number, m: number, d: number, hh = 9, mm = 0): Date {
  return new Date(Date.UTC(y, m - 1, d, hh - 7, mm));
}

/**
 * Keeps the story before `now`: dates between `start` and `end` (the day the story is told from)
 * are compressed proportionally when seeding before `end` (order is kept).
 */
function storyClock(now: Date, start: number, end: number) {
  const n = now.getTime();
  return (d: Date): Date => {
    const t = d.getTime();
    if (n >= end || t < start || n <= start) return d;
    return new Date(start + Math.floor(((t - start) * (n - start)) / (end - start)));
  };
}

/**
 * The story's years in the seed's own words (titles, numbers, file names, notes, addresses), moved
 * by as many years as the story: last year to next year by demoText, and the earlier years the
 * story's reports speak of (the year before last, the Renstra period) by the same shift, so that a
 * report of the year before last stays one. Never for legal text: a citation keeps its year.
 */
function storyText(text: string, now: Date): string {
  const shift = demoYear(now) - BASE;
  return text.replace(/(?<!\d)\d{4}(?!\d)/g, (y) => (Number(y) >= BASE - 5 && Number(y) < BASE - 1 ? String(Number(y) + shift) : demoText(y, BASE, now)));
}

/** The story as seeded at `now`: its two years, its texts and its clock. */
interface Story {
  /** this year (the regency's current year) and last year */
  year: number;
  last: number;
  text: (s: string) => string;
  clock: (d: Date) => Date;
}

function storyOf(now: Date): Story {
  const year = demoYear(now);
  // told from 27 November of this year, starting on 1 January of last year
  const clock = storyClock(now, Date.UTC(year - 1, 0, 1), Date.UTC(year, 10, 27));
  return { year, last: year - 1, text: (s) => storyText(s, now), clock };
}

/** The i-th of n moments spread over working days (Mon–Fri, 08:00–15:59 WIB) between two dates. */
function spread(from: Date, to: Date, i: number, n: number, rnd: () => number): Date {
  const days = Math.max(0, Math.floor((to.getTime() - from.getTime()) / 86_400_000));
  const day = Math.min(days, Math.floor(((i + rnd() * 0.9) / Math.max(1, n)) * (days + 1)));
  const d = new Date(from.getTime() + day * 86_400_000);
  const wd = new Date(d.getTime() + 7 * 3_600_000).getUTCDay();
  const back = wd === 6 ? 1 : wd === 0 ? 2 : 0;
  const base = new Date(Math.max(from.getTime(), d.getTime() - back * 86_400_000));
  const local = new Date(base.getTime() + 7 * 3_600_000);
  return wib(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), 8 + Math.floor(rnd() * 8), Math.floor(rnd() * 60));
}

// ---------------------------------------------------------------- tiny PDF and PNG builders

const WIN_ANSI: Record<string, number> = { '–': 0x96, '—': 0x97, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '…': 0x85, '•': 0x95 };

/** Text as WinAnsi bytes (one char = one byte), with PDF string escapes. */
function pdfString(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    const code = WIN_ANSI[ch] ?? ch.codePointAt(0)!;
    if (code < 0x20 || code > 0xff) {
      out += code < 0x20 ? ' ' : '?';
      continue;
    }
    const c = String.fromCharCode(code);
    out += c === '(' || c === ')' || c === '\\' ? `\\${c}` : c;
  }
  return out;
}

/** A text string for the document information dictionary: UTF-16BE with a byte-order mark, in hex. */
function utf16(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** Rough Helvetica advance width in points (for wrapping and centring; exact metrics are not needed). */
function textWidth(s: string, size: number, bold = false): number {
  let w = 0;
  for (const ch of s) {
    if ('iljI.,:;\'|!'.includes(ch)) w += 0.26;
    else if (ch === ' ') w += 0.28;
    else if ('ft()/-r'.includes(ch)) w += 0.34;
    else if ('mwMW'.includes(ch)) w += 0.86;
    else if (/[A-Z]/.test(ch)) w += 0.69;
    else w += 0.556;
  }
  return w * size * (bold ? 1.06 : 1);
}

function wrap(text: string, size: number, width: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export interface PdfDocument {
  /** letterhead lines (the first bold) */
  head: string[];
  title: string;
  number?: string;
  body: string[];
  place: string;
  signer: { role: string; name: string; nip?: string };
  /** PDF date D:YYYYMMDDHHmmSS+07'00' (fixed, so the same document gives the same bytes) */
  created: string;
  author: string;
}

/**
 * A one-page A4 PDF (PDF 1.4, standard Helvetica fonts, WinAnsi text) with a letterhead, a title,
 * a few paragraphs and a signature block; the cross-reference table carries exact byte offsets.
 */
export function buildPdf(doc: PdfDocument): Uint8Array {
  const left = 64;
  const right = 531;
  const width = right - left;
  const ops: string[] = [];
  const text = (x: number, y: number, size: number, s: string, bold = false) => {
    ops.push(`BT /${bold ? 'F2' : 'F1'} ${size} Tf 1 0 0 1 ${x.toFixed(1)} ${y.toFixed(1)} Tm (${pdfString(s)}) Tj ET`);
  };
  const centre = (y: number, size: number, s: string, bold = false) => text(Math.max(left, (595 - textWidth(s, size, bold)) / 2), y, size, s, bold);
  let y = 790;
  doc.head.forEach((h, i) => {
    for (const l of wrap(h, i === 0 ? 12 : 9.5, width, i < 2)) {
      centre(y, i === 0 ? 12 : 9.5, l, i < 2);
      y -= i === 0 ? 15 : 12;
    }
  });
  y -= 2;
  ops.push(`0.8 w ${left} ${y} m ${right} ${y} l S 0.4 w ${left} ${y - 2.5} m ${right} ${y - 2.5} l S`);
  y -= 30;
  for (const l of wrap(doc.title.toUpperCase(), 11.5, width - 20, true)) {
    centre(y, 11.5, l, true);
    y -= 15;
  }
  if (doc.number) {
    centre(y, 10, `Nomor: ${doc.number}`);
    y -= 14;
  }
  y -= 16;
  for (const para of doc.body) {
    for (const l of wrap(para, 10.5, width)) {
      text(left, y, 10.5, l);
      y -= 15;
    }
    y -= 7;
  }
  y -= 18;
  const sx = 340;
  for (const l of [doc.place, `${doc.signer.role},`]) {
    text(sx, y, 10.5, l);
    y -= 15;
  }
  y -= 42;
  text(sx, y, 10.5, doc.signer.name, true);
  if (doc.signer.nip) text(sx, y - 14, 10, `NIP. ${doc.signer.nip}`);
  ops.push('0.45 g');
  text(left, 40, 8, 'Dokumen contoh untuk demonstrasi aplikasi Integritas - bukan dokumen resmi.');
  const content = ops.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Title ${utf16(doc.title)} /Author ${utf16(doc.author)} /Producer (Integritas demo) /CreationDate (${doc.created}) >>`,
  ];
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

type Rgb = [number, number, number];

/** A truecolour PNG drawn by a pixel function. */
export function buildPng(width: number, height: number, pixel: (x: number, y: number) => Rgb): Uint8Array {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return new Uint8Array(Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw, { level: 9 })), pngChunk('IEND', new Uint8Array(0)),
  ]));
}

/** A stylised "activity photo": a room, a banner, a table and people (drawn, not photographed). */
function activityPhoto(scene: { wall: Rgb; banner: Rgb; people: number; seed: number }): Uint8Array {
  const W = 480;
  const H = 300;
  const rnd = random(scene.seed);
  const people = Array.from({ length: scene.people }, (_, i) => ({
    x: 40 + ((i + 0.5) * (W - 80)) / scene.people + (rnd() - 0.5) * 14,
    y: 176 + rnd() * 14,
    shirt: [[52, 84, 150], [235, 235, 230], [120, 90, 60], [40, 110, 80], [170, 60, 60]][Math.floor(rnd() * 5)] as Rgb,
  }));
  const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * t)) as Rgb;
  return buildPng(W, H, (x, y) => {
    for (const p of people) {
      const dx = x - p.x;
      if (dx * dx + (y - p.y) ** 2 < 15 * 15) return [92, 64, 48];
      if (Math.abs(dx) < 22 && y > p.y + 14 && y < p.y + 90) return p.shirt;
    }
    if (y > 236 && y < 250 && x > 30 && x < W - 30) return [110, 72, 40]; // table
    if (y >= 250) return mix([150, 120, 90], [110, 86, 64], (y - 250) / 50); // floor
    if (y > 36 && y < 96 && x > 70 && x < W - 70) {
      // banner with two text-like stripes
      const stripe = (y > 52 && y < 60 && x > 100 && x < W - 100) || (y > 70 && y < 76 && x > 140 && x < W - 140);
      return stripe ? [250, 250, 250] : scene.banner;
    }
    return mix(scene.wall, [255, 255, 255], (y / 236) * 0.25);
  });
}

// ---------------------------------------------------------------- the unit's documents

const HEAD_DPM = [
  'PEMERINTAH KABUPATEN BANGKA',
  'DINAS PENANAMAN MODAL, PELAYANAN PERIZINAN TERPADU SATU PINTU, KOPERASI, USAHA KECIL DAN MENENGAH',
  'Jalan Pemuda, Sungailiat 33215 - Telepon (0717) 96107 - Pos-el dinpmp2kukm@gmail.com',
];
const HEAD_INSP = ['PEMERINTAH KABUPATEN BANGKA', 'INSPEKTORAT DAERAH', 'Jalan Ahmad Yani, Sungailiat'];
const SIGNERS = {
  kadis: { role: 'Kepala Dinas', name: 'Elius Gani, S.H., M.H.', nip: '19680412 199303 1 001' },
  ketua: { role: 'Ketua Tim Kerja Zona Integritas', name: 'Hendra Saputra, S.Sos., M.Si.', nip: '19750818 200003 1 002' },
  inspektur: { role: 'Inspektur Daerah', name: 'Drs. Zulkarnain, M.Si.' },
} as const;

interface DemoDoc {
  file: string;
  title: string;
  number?: string;
  /** tanggal as written in the story, e.g. "13 Januari" of last year */
  date: string;
  body: string[];
  signer?: keyof typeof SIGNERS;
  /** a drawn photo instead of a PDF */
  photo?: { wall: Rgb; banner: Rgb; people: number; seed: number };
  /** items of last year's worksheet it supports (the first one gets the upload) */
  items: string[];
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

function pdfDate(tanggal: string): string {
  const [d, m, y] = tanggal.split(' ');
  return `D:${y}${String(MONTHS.indexOf(m!) + 1).padStart(2, '0')}${d!.padStart(2, '0')}090000+07'00'`;
}

/** Last year's documents (written with BASE - 1 as last year; moved by storyDoc). */
const DOCS_LAST_YEAR: DemoDoc[] = [
  { file: 'SK_Tim_Kerja_ZI_2025.pdf', title: 'Keputusan Kepala DPMPTSP-KUKM Nomor 800/045/DPMPTSP-KUKM/2025 tentang Tim Kerja Pembangunan Zona Integritas', number: '800/045/DPMPTSP-KUKM/2025', date: '13 Januari 2025', signer: 'kadis',
    body: ['Menetapkan susunan Tim Kerja Pembangunan Zona Integritas menuju Wilayah Bebas dari Korupsi (WBK) di lingkungan DPMPTSP-KUKM Kabupaten Bangka Tahun 2025.', 'Ketua: Sekretaris Dinas; sekretaris: Kepala Sub Bagian Umum dan Kepegawaian; anggota: koordinator enam area perubahan dan perwakilan setiap bidang.', 'Tim bertugas menyusun rencana kerja, melaksanakan, memantau dan melaporkan pembangunan Zona Integritas kepada Kepala Dinas.'],
    items: ['A.I.1.i.a', 'A.I.1.i.b'] },
  { file: 'Notulen_Rapat_Pembentukan_Tim_ZI.pdf', title: 'Undangan, Daftar Hadir dan Notulen Rapat Pembentukan Tim Kerja Zona Integritas', date: '9 Januari 2025', signer: 'ketua',
    body: ['Rapat dipimpin Kepala Dinas dan dihadiri 38 pegawai (daftar hadir terlampir).', 'Anggota tim dipilih dengan kriteria: masa kerja paling sedikit satu tahun, tidak sedang menjalani hukuman disiplin, dan diusulkan oleh bidang masing-masing.', 'Kesimpulan: usulan susunan tim ditetapkan dengan keputusan Kepala Dinas.'],
    items: ['A.I.1.i.b', 'A.I.1.i.a'] },
  { file: 'Foto_Rapat_Pembentukan_Tim_ZI.png', title: 'Foto rapat pembentukan Tim Kerja ZI (9 Januari 2025)', date: '9 Januari 2025', body: [], photo: { wall: [214, 200, 170], banner: [160, 30, 40], people: 7, seed: 11 },
    items: ['A.I.1.i.a'] },
  { file: 'Rencana_Kerja_Pembangunan_ZI_2025.pdf', title: 'Rencana Kerja dan Rencana Aksi Pembangunan Zona Integritas Tahun 2025', date: '27 Januari 2025', signer: 'kadis',
    body: ['Rencana kerja memuat kegiatan, target prioritas, penanggung jawab dan jadwal untuk enam area perubahan.', 'Target prioritas 2025: seluruh SOP perizinan dievaluasi, waktu terbit izin rata-rata turun dari 5 menjadi 3 hari kerja, dan indeks kepuasan masyarakat paling rendah 85.'],
    items: ['A.I.1.ii.a', 'A.I.1.ii.b', 'A.II.1.ii.a'] },
  { file: 'Foto_Pencanangan_ZI_2025.png', title: 'Foto pencanangan pembangunan Zona Integritas bersama Bupati Bangka (3 Februari 2025)', date: '3 Februari 2025', body: [], photo: { wall: [190, 210, 225], banner: [20, 70, 140], people: 9, seed: 23 },
    items: ['A.I.1.ii.c', 'A.I.1.iv.a'] },
  { file: 'Laporan_Pelaksanaan_Rencana_Aksi_ZI_TW_I_2025.pdf', title: 'Laporan Pelaksanaan Rencana Aksi Pembangunan Zona Integritas Triwulan I Tahun 2025', date: '4 April 2025', signer: 'ketua',
    body: ['Dari 42 kegiatan yang direncanakan sampai dengan Triwulan I, 39 kegiatan telah terlaksana (92,9%).', 'Kegiatan yang tertunda: evaluasi SOP Bidang Koperasi dan UKM, bimbingan teknis SAKIP, dan survei kepuasan internal.'],
    items: ['A.I.1.iii.a'] },
  { file: 'Laporan_Monev_Pembangunan_ZI_TW_I_2025.pdf', title: 'Laporan Monitoring dan Evaluasi Pembangunan Zona Integritas Triwulan I Tahun 2025', date: '8 April 2025', signer: 'ketua',
    body: ['Monitoring dilakukan setiap bulan oleh Tim Kerja ZI dan dibahas dalam rapat evaluasi bersama Kepala Dinas.', 'Rekomendasi: percepatan evaluasi SOP, penambahan kanal pengaduan, dan pemutakhiran data kepegawaian.'],
    items: ['A.I.1.iii.b', 'A.I.1.iii.c'] },
  { file: 'Laporan_Tindak_Lanjut_Monev_ZI.pdf', title: 'Laporan Tindak Lanjut Hasil Monitoring dan Evaluasi Pembangunan Zona Integritas', date: '29 April 2025', signer: 'ketua',
    body: ['Tiga rekomendasi monev Triwulan I telah dilaksanakan seluruhnya.', 'Bukti terlampir: SOP perizinan yang telah direviu, tangkapan layar kanal pengaduan baru, dan laporan pemutakhiran data kepegawaian.'],
    items: ['A.I.1.iii.c'] },
  { file: 'SK_Agen_Perubahan_2025.pdf', title: 'Keputusan Kepala DPMPTSP-KUKM Nomor 800/052/DPMPTSP-KUKM/2025 tentang Agen Perubahan', number: '800/052/DPMPTSP-KUKM/2025', date: '20 Januari 2025', signer: 'kadis',
    body: ['Menetapkan sepuluh pegawai sebagai Agen Perubahan DPMPTSP-KUKM Tahun 2025.', 'Agen perubahan menjadi teladan, penggerak perubahan, dan pelaksana proyek perubahan di bidang masing-masing.'],
    items: ['A.I.1.iv.b', 'A.II.1.i.a', 'A.II.1.i.b'] },
  { file: 'Laporan_Program_Budaya_Kerja_2024.pdf', title: 'Laporan Program Budaya Kerja BerAKHLAK dan Rekapitulasi Presensi Pegawai Tahun 2024', date: '15 Januari 2025', signer: 'ketua',
    body: ['Program budaya kerja: apel pagi dengan pembacaan nilai BerAKHLAK, penghargaan pegawai teladan setiap bulan, dan teguran tertulis bagi pegawai yang sering terlambat.', 'Tingkat kehadiran pegawai tahun 2024 rata-rata 97,4%.'],
    items: ['A.I.1.iv.c', 'A.II.1.iii.a'] },
  { file: 'Pakta_Integritas_Pegawai_2025.pdf', title: 'Pakta Integritas Pegawai DPMPTSP-KUKM Tahun 2025', date: '3 Februari 2025', signer: 'kadis',
    body: ['Pakta integritas ditandatangani oleh seluruh 46 pegawai (PNS, PPPK dan tenaga pendukung) pada acara pencanangan.', 'Rekapitulasi keterlibatan pegawai dalam kegiatan Zona Integritas per bidang terlampir.'],
    items: ['A.I.1.iv.d'] },
  { file: 'Peta_Proses_Bisnis_DPMPTSP-KUKM.pdf', title: 'Peta Proses Bisnis DPMPTSP-KUKM Kabupaten Bangka', date: '10 Februari 2025', signer: 'kadis',
    body: ['Peta proses bisnis level 0 sampai level 3 untuk layanan perizinan berusaha, penanaman modal, serta koperasi dan UKM.', 'Penyederhanaan: tahapan verifikasi berkas dan pengadministrasian perizinan digabung menjadi satu tahapan.'],
    items: ['A.I.2.i.a', 'A.II.2.i.a'] },
  { file: 'Daftar_SOP_dan_Laporan_Kepatuhan_SOP_2024.pdf', title: 'Daftar SOP yang Mengacu pada Peta Proses Bisnis dan Laporan Kepatuhan Pelaksanaan SOP Tahun 2024', date: '17 Februari 2025', signer: 'ketua',
    body: ['Terdapat 31 SOP; 27 SOP telah diterapkan dengan bukti pelaksanaan (formulir, log aplikasi, tanda terima).', 'Kepatuhan pelaksanaan SOP dipantau melalui nota dinas Kepala Bidang setiap triwulan.'],
    items: ['A.I.2.i.b', 'A.I.2.i.a'] },
  { file: 'Laporan_Evaluasi_SOP_2024.pdf', title: 'Laporan Evaluasi SOP Tahun 2024', date: '24 Februari 2025', signer: 'ketua',
    body: ['Evaluasi dilakukan terhadap 12 dari 31 SOP berdasarkan pengaduan dan hasil survei kepuasan masyarakat.', 'Lima SOP diperbaiki; SOP lama dan SOP hasil perbaikan terlampir.'],
    items: ['A.I.2.i.c'] },
  { file: 'Panduan_Layanan_Perizinan_Daring.pdf', title: 'Panduan Layanan Perizinan Berusaha secara Daring', date: '5 Februari 2025', signer: 'kadis',
    body: ['Panduan memuat persyaratan, alur, waktu penyelesaian, biaya (tanpa biaya) dan mekanisme pengaduan layanan perizinan daring.', 'Panduan juga tersedia di loket pelayanan dan situs web dinas.'],
    items: ['A.I.2.ii.c', 'A.I.2.ii.a', 'A.I.6.v.a'] },
  { file: 'Laporan_Monev_Pemanfaatan_TI_2024.pdf', title: 'Laporan Monitoring dan Evaluasi Pemanfaatan Teknologi Informasi Tahun 2024', date: '28 Oktober 2024', signer: 'ketua',
    body: ['Monev pemanfaatan aplikasi e-Kinerja, SIMPEG dan layanan perizinan daring.', 'Temuan: 18% permohonan masih diajukan secara manual. Rekomendasi: pendampingan pemohon di loket dan perbaikan formulir daring.'],
    items: ['A.I.2.ii.d', 'A.I.2.ii.b', 'A.I.6.v.c'] },
  { file: 'SK_PPID_Pelaksana_2025.pdf', title: 'Keputusan Kepala DPMPTSP-KUKM tentang PPID Pelaksana dan Daftar Informasi Publik', number: '800/031/DPMPTSP-KUKM/2025', date: '6 Januari 2025', signer: 'kadis',
    body: ['Menetapkan PPID Pelaksana, jenis informasi publik, jadwal pemutakhiran dan penanggung jawabnya.', 'Keberatan atas layanan informasi disampaikan kepada Atasan PPID melalui loket pengaduan atau situs web.'],
    items: ['A.I.2.iii.a'] },
  { file: 'Laporan_Layanan_Informasi_Publik_2024.pdf', title: 'Laporan Tahunan Layanan Informasi Publik dan Monev Keterbukaan Informasi Tahun 2024', date: '31 Januari 2025', signer: 'ketua',
    body: ['Permohonan informasi tahun 2024: 47 permohonan, seluruhnya dijawab dalam 10 hari kerja.', 'Monev keterbukaan informasi dilaksanakan pada Juni dan Desember 2024; tindak lanjutnya pemutakhiran daftar informasi publik.'],
    items: ['A.I.2.iii.b'] },
  { file: 'Rencana_Kebutuhan_Pegawai_ABK_2025.pdf', title: 'Rencana Kebutuhan Pegawai berdasarkan Peta Jabatan dan Analisis Beban Kerja Tahun 2025', date: '14 Januari 2025', signer: 'kadis',
    body: ['Kebutuhan 61 jabatan, tersedia 46 pegawai; kekurangan terbesar pada jabatan verifikator perizinan dan penyuluh koperasi.', 'Usulan kebutuhan disampaikan kepada BKPSDM dengan surat Nomor 800/027/DPMPTSP-KUKM/2025.'],
    items: ['A.I.3.i.a', 'A.I.3.i.b'] },
  { file: 'Laporan_Monev_Penempatan_Pegawai_2024.pdf', title: 'Laporan Monitoring dan Evaluasi Penempatan Pegawai Tahun 2024', date: '20 Desember 2024', signer: 'ketua',
    body: ['Empat pegawai hasil rekrutmen 2023 ditempatkan sesuai formasi; capaian SKP mereka tahun 2024 berpredikat baik.', 'Rekomendasi: formasi verifikator perizinan diprioritaskan pada usulan berikutnya.'],
    items: ['A.I.3.i.c'] },
  { file: 'Pola_Mutasi_dan_SK_Mutasi_2024.pdf', title: 'Pola Mutasi dan Keputusan Mutasi/Rotasi Pegawai Tahun 2024', date: '2 September 2024', signer: 'kadis',
    body: ['Mutasi dan rotasi tahun 2024: tujuh pegawai, dengan pertimbangan kompetensi, riwayat jabatan dan pola mutasi yang ditetapkan.', 'Kertas kerja pertimbangan mutasi dan daftar riwayat hidup pegawai terlampir.'],
    items: ['A.I.3.ii.a', 'A.I.3.ii.b'] },
  { file: 'Laporan_Monev_Mutasi_2024.pdf', title: 'Laporan Monev Mutasi Pegawai dan Pengaruhnya terhadap Kinerja', date: '16 Desember 2024', signer: 'ketua',
    body: ['Enam dari tujuh pegawai yang dimutasi mencapai target SKP pada jabatan barunya.', 'Satu pegawai mendapat pendampingan dan pelatihan teknis perizinan.'],
    items: ['A.I.3.ii.c'] },
  { file: 'Dokumen_TNA_2025.pdf', title: 'Dokumen Training Need Analysis dan Rencana Pengembangan Kompetensi Tahun 2025', date: '21 Januari 2025', signer: 'ketua',
    body: ['TNA disusun dari hasil penilaian kinerja 2024 dan kuesioner kebutuhan pelatihan seluruh pegawai.', 'Prioritas: pelayanan prima, analisis risiko perizinan, dan penyusunan laporan kinerja.'],
    items: ['A.I.3.iii.a', 'A.I.3.iii.b'] },
  { file: 'Laporan_Kesenjangan_Kompetensi_2024.pdf', title: 'Laporan Kesenjangan Kompetensi Pegawai terhadap Standar Kompetensi Jabatan', date: '18 Desember 2024', signer: 'ketua',
    body: ['Kesenjangan kompetensi teknis rata-rata 14%; kesenjangan terbesar pada jabatan pengelola data perizinan.', 'Hasilnya menjadi masukan TNA 2025.'],
    items: ['A.I.3.iii.c'] },
  { file: 'Rekap_Pengembangan_Kompetensi_2024.pdf', title: 'Rekapitulasi Pengembangan Kompetensi Pegawai Tahun 2024 (Diklat, Bimtek, In-House Training)', date: '10 Januari 2025', signer: 'ketua',
    body: ['41 dari 46 pegawai mengikuti paling sedikit satu kegiatan pengembangan kompetensi (20 jam pelajaran atau lebih).', 'Surat penugasan, laporan in-house training dan sertifikat terlampir.'],
    items: ['A.I.3.iii.d', 'A.I.3.iii.e'] },
  { file: 'Laporan_Monev_Pengembangan_Kompetensi_2024.pdf', title: 'Laporan Monev Hasil Pengembangan Kompetensi dan Perbaikan Kinerja', date: '23 Desember 2024', signer: 'ketua',
    body: ['Setelah pelatihan pelayanan prima, keluhan tentang sikap petugas turun dari 9 menjadi 3 pengaduan per semester.'],
    items: ['A.I.3.iii.f'] },
  { file: 'Perjanjian_Kinerja_2025.pdf', title: 'Perjanjian Kinerja Tahun 2025 Kepala DPMPTSP-KUKM Kabupaten Bangka', date: '31 Januari 2025', signer: 'kadis',
    body: ['Perjanjian kinerja memuat 10 sasaran dan 14 indikator kinerja beserta targetnya, diturunkan sampai tingkat pengawas dan pelaksana.'],
    items: ['A.I.3.iv.a', 'A.I.4.i.b', 'A.I.4.ii.a'] },
  { file: 'SKP_Hasil_Penjenjangan_Kinerja_2025.pdf', title: 'Sasaran Kinerja Pegawai (SKP) Hasil Penjenjangan Kinerja Tahun 2025', date: '7 Februari 2025', signer: 'ketua',
    body: ['SKP seluruh pegawai diturunkan dari perjanjian kinerja organisasi (cascading) dan berorientasi hasil.', 'Indikator kinerja individu ditetapkan dengan keputusan Kepala Dinas.'],
    items: ['A.I.3.iv.b', 'A.II.3.i.a', 'A.II.4.iii.a'] },
  { file: 'Rekap_Pengukuran_Kinerja_Bulanan_2024.pdf', title: 'Rekapitulasi Pengukuran Kinerja Individu Bulanan Tahun 2024', date: '13 Januari 2025', signer: 'ketua',
    body: ['Pengukuran kinerja dilakukan setiap bulan melalui aplikasi e-Kinerja pada semua tingkat jabatan.'],
    items: ['A.I.3.iv.c'] },
  { file: 'SK_Pegawai_Berprestasi_2024.pdf', title: 'Keputusan Kepala DPMPTSP-KUKM tentang Pemberian Penghargaan Pegawai Berprestasi Tahun 2024', number: '800/012/DPMPTSP-KUKM/2025', date: '8 Januari 2025', signer: 'kadis',
    body: ['Penghargaan diberikan kepada lima pegawai berdasarkan penilaian kinerja, disiplin dan penilaian pengguna layanan.', 'Sanksi berupa teguran tertulis diberikan kepada dua petugas layanan.'],
    items: ['A.I.3.iv.d', 'A.I.6.ii.c'] },
  { file: 'Kode_Etik_dan_Penegakan_Disiplin.pdf', title: 'Kode Etik dan Kode Perilaku Pegawai serta Laporan Penegakan Disiplin', date: '20 Januari 2025', signer: 'kadis',
    body: ['Kode etik disosialisasikan pada apel bulanan dan dipasang di ruang pelayanan.', 'Penegakan tahun 2024: satu hukuman disiplin ringan.'],
    items: ['A.I.3.v.a'] },
  { file: 'Laporan_Pelanggaran_Disiplin_2023-2024.pdf', title: 'Laporan Penanganan Pelanggaran Disiplin Pegawai Tahun 2023–2024', date: '20 Januari 2025', signer: 'kadis',
    body: ['Pelanggaran disiplin tahun 2023: 4 kasus; tahun 2024: 1 kasus (hukuman disiplin ringan).'],
    items: ['A.II.3.iii.a'] },
  { file: 'Laporan_Pemutakhiran_Data_Kepegawaian_2024.pdf', title: 'Laporan Pemutakhiran Data Kepegawaian Tahun 2024', date: '28 April 2025', signer: 'ketua',
    body: ['Data seluruh pegawai dimutakhirkan pada SIMPEG setiap semester; pemutakhiran mandiri oleh pegawai dipantau Sub Bagian Umum dan Kepegawaian.'],
    items: ['A.I.3.vi.a'] },
  { file: 'Laporan_Hasil_Assessment_Kompetensi.pdf', title: 'Laporan Hasil Assessment Kompetensi Pejabat dan Pemanfaatannya dalam Mutasi', date: '11 November 2024', signer: 'kadis',
    body: ['Hasil assessment BKPSDM tahun 2024 dipakai sebagai pertimbangan rotasi dua pejabat pengawas.'],
    items: ['A.II.3.ii.a'] },
  { file: 'Notulen_Penyusunan_Renja_dan_PK_2025.pdf', title: 'Undangan, Daftar Hadir dan Notulen Rapat Penyusunan Renja dan Perjanjian Kinerja 2025 bersama Kepala Dinas', date: '16 Januari 2025', signer: 'ketua',
    body: ['Kepala Dinas memimpin langsung penyusunan rencana kerja dan penetapan target kinerja 2025.', 'Formulir rencana aksi setiap bidang disepakati dalam rapat.'],
    items: ['A.I.4.i.a', 'A.I.4.i.b'] },
  { file: 'Notulen_Rapat_Pemantauan_Kinerja_Triwulanan.pdf', title: 'Notulen Rapat Pemantauan Capaian Kinerja Triwulanan', date: '14 April 2025', signer: 'ketua',
    body: ['Capaian kinerja dipantau setiap triwulan dalam rapat pimpinan; bidang yang tertinggal menyusun langkah perbaikan.'],
    items: ['A.I.4.i.c'] },
  { file: 'Renstra_DPMPTSP-KUKM_2021-2026.pdf', title: 'Rencana Strategis DPMPTSP-KUKM Tahun 2021–2026 (Perubahan)', date: '2 Mei 2023', signer: 'kadis',
    body: ['Renstra memuat tujuan, sasaran, indikator kinerja berorientasi hasil, serta target pembangunan Zona Integritas dan reformasi birokrasi.'],
    items: ['A.I.4.ii.a', 'A.I.4.ii.b'] },
  { file: 'Dokumen_IKU_dan_Uji_SMART.pdf', title: 'Penetapan Indikator Kinerja Utama (IKU) dan Hasil Uji Kriteria SMART', date: '24 Januari 2025', signer: 'kadis',
    body: ['Tujuh IKU ditetapkan; hasil uji SMART: enam memenuhi seluruh kriteria, satu perlu penajaman ukuran waktu.'],
    items: ['A.I.4.ii.c', 'A.I.4.ii.d'] },
  { file: 'Laporan_Kinerja_2024.pdf', title: 'Laporan Kinerja (LKj) DPMPTSP-KUKM Tahun 2024', date: '26 Februari 2025', signer: 'kadis',
    body: ['LKj ditandatangani 26 Februari 2025 dan diunggah ke aplikasi SAKIP daerah pada hari yang sama.', 'Dari 10 sasaran, 9 sasaran tercapai 100% atau lebih; capaian IKU lebih baik dari tahun 2023.'],
    items: ['A.I.4.ii.e', 'A.I.4.ii.f', 'A.II.4.i.a', 'B.I.b'] },
  { file: 'SK_Tim_Pengelola_Data_Kinerja.pdf', title: 'Keputusan Kepala DPMPTSP-KUKM tentang Tim Pengelola Data Kinerja', number: '800/038/DPMPTSP-KUKM/2025', date: '10 Januari 2025', signer: 'kadis',
    body: ['Tim mengelola data kinerja pada sistem informasi kinerja daerah dan menyiapkan bahan laporan kinerja.'],
    items: ['A.I.4.ii.g'] },
  { file: 'Laporan_Bimtek_Penyusunan_LKj.pdf', title: 'Laporan Bimbingan Teknis Penyusunan Laporan Kinerja', date: '19 Februari 2025', signer: 'ketua',
    body: ['Bimtek diikuti 12 pengelola kinerja dengan narasumber dari Bagian Organisasi Setda.'],
    items: ['A.I.4.ii.h'] },
  { file: 'Kertas_Kerja_Reward_Punishment_Bidang_2024.pdf', title: 'Kertas Kerja Penilaian Capaian Perjanjian Kinerja dan Reward and Punishment Bidang Tahun 2024', date: '30 Januari 2025', signer: 'kadis',
    body: ['Capaian perjanjian kinerja setiap bidang menjadi dasar penghargaan bidang terbaik dan pembinaan bidang dengan capaian terendah.'],
    items: ['A.II.4.ii.a'] },
  { file: 'Foto_Spanduk_Tolak_Gratifikasi.png', title: 'Foto spanduk kampanye "Tolak Gratifikasi" di ruang pelayanan', date: '2 Desember 2024', body: [], photo: { wall: [230, 225, 210], banner: [200, 120, 20], people: 3, seed: 37 },
    items: ['A.I.5.i.a'] },
  { file: 'SK_Unit_Pengendalian_Gratifikasi.pdf', title: 'Keputusan Kepala DPMPTSP-KUKM tentang Unit Pengendalian Gratifikasi', number: '800/033/DPMPTSP-KUKM/2025', date: '7 Januari 2025', signer: 'kadis',
    body: ['UPG menerima, menelaah dan meneruskan laporan gratifikasi; laporan kegiatan UPG disampaikan setiap semester kepada Inspektorat dan KPK.'],
    items: ['A.I.5.i.b'] },
  { file: 'SK_Satgas_SPIP_dan_Register_Risiko_2025.pdf', title: 'Keputusan Satgas SPIP, Register Risiko dan Rencana Tindak Pengendalian Tahun 2025', date: '22 Januari 2025', signer: 'kadis',
    body: ['Register risiko memuat 18 risiko pada proses perizinan dan pengelolaan keuangan, masing-masing dengan rencana tindak pengendaliannya.'],
    items: ['A.I.5.ii.a', 'A.I.5.ii.b', 'A.I.5.ii.c'] },
  { file: 'Laporan_Sosialisasi_SPIP.pdf', title: 'Laporan Sosialisasi dan Internalisasi SPIP', date: '30 April 2025', signer: 'ketua',
    body: ['Sosialisasi SPIP kepada seluruh pegawai dan pemangku kepentingan dilaksanakan pada 29 April 2025.'],
    items: ['A.I.5.ii.d', 'A.I.5.ii.b'] },
  { file: 'Formulir_Manajemen_Risiko_Berjenjang.pdf', title: 'Formulir Manajemen Risiko dan Pengendalian Berjenjang', date: '22 Januari 2025', signer: 'kadis',
    body: ['Pengendalian dilakukan berjenjang dari pelaksana, pengawas, administrator sampai Kepala Dinas.'],
    items: ['A.II.5.i.a'] },
  { file: 'SK_Petugas_Pengelola_Pengaduan.pdf', title: 'Keputusan Kepala DPMPTSP-KUKM tentang Petugas Pengelola Pengaduan Masyarakat dan SP4N-LAPOR!', number: '800/035/DPMPTSP-KUKM/2025', date: '7 Januari 2025', signer: 'kadis',
    body: ['Menetapkan petugas pengelola pengaduan melalui loket, kotak pengaduan, telepon, pos-el, media sosial dan SP4N-LAPOR!.'],
    items: ['A.I.5.iii.a', 'A.I.6.iii.b', 'A.II.6.ii.a'] },
  { file: 'Register_Pengaduan_Masyarakat_2024.pdf', title: 'Register dan Laporan Penanganan Pengaduan Masyarakat Tahun 2024', date: '15 Januari 2025', signer: 'ketua',
    body: ['Pengaduan yang harus ditindaklanjuti: 20; selesai ditindaklanjuti: 18; sedang diproses: 2.', 'Rincian per kanal dan tanggapan atas setiap pengaduan terlampir.'],
    items: ['A.I.5.iii.b', 'A.II.5.ii.a'] },
  { file: 'Laporan_Monev_Penanganan_Pengaduan_2024.pdf', title: 'Laporan Monitoring dan Evaluasi Penanganan Pengaduan Masyarakat Tahun 2024', date: '27 Januari 2025', signer: 'ketua',
    body: ['Waktu tanggapan rata-rata 2,4 hari kerja. Tindak lanjut: penambahan kanal WhatsApp pengaduan dan perbaikan SOP penanganan pengaduan.'],
    items: ['A.I.5.iii.c', 'A.I.5.iii.d', 'A.I.6.iii.c'] },
  { file: 'Laporan_Evaluasi_Penerapan_WBS.pdf', title: 'Laporan Evaluasi Penerapan Whistle Blowing System pada DPMPTSP-KUKM', date: '5 Februari 2025', signer: 'inspektur',
    body: ['Evaluasi oleh Inspektorat Daerah atas penerapan WBS tahun 2024 beserta rekomendasi perbaikannya.'],
    items: ['A.I.5.iv.b'] },
  { file: 'Pedoman_dan_Pemetaan_Benturan_Kepentingan.pdf', title: 'Pedoman Penanganan dan Pemetaan Benturan Kepentingan pada Tugas dan Fungsi Utama', date: '28 Januari 2025', signer: 'kadis',
    body: ['Pemetaan benturan kepentingan pada proses verifikasi, peninjauan lapangan dan penerbitan izin.', 'Surat pernyataan bebas benturan kepentingan ditandatangani seluruh petugas layanan.'],
    items: ['A.I.5.v.a', 'A.I.5.v.b', 'A.I.5.v.c'] },
  { file: 'Laporan_Evaluasi_Benturan_Kepentingan.pdf', title: 'Laporan Evaluasi dan Tindak Lanjut Penanganan Benturan Kepentingan', date: '9 April 2025', signer: 'ketua',
    body: ['Evaluasi Triwulan I 2025: tidak ditemukan benturan kepentingan; dua petugas dirotasi sebagai langkah pencegahan.'],
    items: ['A.I.5.v.d', 'A.I.5.v.e'] },
  { file: 'Laporan_Kepatuhan_LHKPN_LHKASN_2024.pdf', title: 'Laporan Pemantauan Kepatuhan Penyampaian LHKPN dan LHKASN Tahun 2024', date: '14 April 2025', signer: 'inspektur',
    body: ['DPMPTSP-KUKM: LHKPN disampaikan 3 dari 3 wajib lapor; LHKASN 38 dari 40 wajib lapor.'],
    items: ['A.II.5.iii.a', 'A.II.5.iii.b'] },
  { file: 'Standar_Pelayanan_Perizinan_Berusaha.pdf', title: 'Standar Pelayanan Perizinan Berusaha DPMPTSP-KUKM', date: '3 Februari 2025', signer: 'kadis',
    body: ['Standar pelayanan untuk 8 jenis layanan perizinan, disusun bersama perwakilan pengguna layanan dan direviu setiap tahun.'],
    items: ['A.I.6.i.a', 'A.I.6.i.c'] },
  { file: 'Maklumat_Pelayanan.pdf', title: 'Maklumat Pelayanan DPMPTSP-KUKM Kabupaten Bangka', date: '3 Februari 2025', signer: 'kadis',
    body: ['"Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku."'],
    items: ['A.I.6.i.b'] },
  { file: 'Laporan_Pelatihan_Pelayanan_Prima_2024.pdf', title: 'Laporan Pelatihan Budaya Pelayanan Prima Tahun 2024', date: '25 November 2024', signer: 'ketua',
    body: ['Pelatihan terjadwal setiap semester bagi seluruh petugas front office; monev kemampuan petugas melalui penilaian pengguna layanan.'],
    items: ['A.I.6.ii.a'] },
  { file: 'Kebijakan_Kompensasi_Pelayanan.pdf', title: 'Kebijakan Kompensasi bagi Penerima Layanan', date: '12 Februari 2025', signer: 'kadis',
    body: ['Pemohon yang izinnya terlambat terbit dari standar waktu mendapat layanan antar dokumen tanpa biaya.'],
    items: ['A.I.6.ii.d'] },
  { file: 'Laporan_Inovasi_PERAK.pdf', title: 'Laporan Inovasi Mobil Perizinan Keliling (PERAK) beserta Dampaknya', date: '18 Februari 2025', signer: 'kadis',
    body: ['PERAK melayani pemohon di delapan kecamatan; jarak tempuh pemohon berkurang dan waktu terbit izin usaha mikro rata-rata turun dari 5 menjadi 2 hari kerja.'],
    items: ['A.I.6.ii.e', 'A.I.6.ii.f', 'A.II.6.i.a'] },
  { file: 'Daftar_Layanan_yang_Dipermudah_2024.pdf', title: 'Daftar Layanan Perizinan yang Telah Dipermudah Tahun 2024', date: '18 Februari 2025', signer: 'kadis',
    body: ['Dari 8 jenis layanan, 5 telah dipermudah: waktu lebih cepat, alur lebih pendek, atau terpadu dalam satu loket.'],
    items: ['A.II.6.i.b'] },
  { file: 'Laporan_SKM_Semester_II_2024.pdf', title: 'Laporan Survei Kepuasan Masyarakat (SKM) Semester II Tahun 2024', date: '20 Januari 2025', signer: 'kadis',
    body: ['Indeks kepuasan masyarakat 86,9 (mutu pelayanan B, kinerja baik) dari 412 responden.', 'Tindak lanjut: penambahan kursi tunggu dan papan informasi alur layanan.'],
    items: ['A.I.6.iv.a', 'A.I.6.iv.c'] },
  { file: 'Laporan_Implementasi_dan_Monev_SPBE_2024.pdf', title: 'Laporan Implementasi dan Monitoring Evaluasi SPBE Tahun 2024', date: '30 Januari 2025', signer: 'ketua',
    body: ['Layanan perizinan, kepegawaian dan persuratan telah berbasis elektronik; monev SPBE dilaksanakan bersama Dinas Kominfo.'],
    items: ['A.II.2.ii.a', 'A.II.2.ii.b'] },
  { file: 'Laporan_Monev_Transformasi_Digital_2024.pdf', title: 'Laporan Monitoring dan Validasi Manfaat Transformasi Digital Tahun 2024', date: '30 Januari 2025', signer: 'ketua',
    body: ['Sasaran manfaat: waktu proses lebih singkat, dokumen tanpa kertas, dan data perizinan terpadu; capaian diukur setiap semester.'],
    items: ['A.II.2.iii.a', 'A.II.2.iii.b', 'A.II.2.iii.c'] },
  { file: 'Laporan_Proyek_Perubahan_Agen_Perubahan_2024.pdf', title: 'Laporan Proyek Perubahan Agen Perubahan Tahun 2024', date: '12 Desember 2024', signer: 'ketua',
    body: ['Sepuluh agen perubahan menghasilkan 12 perubahan; sebagian telah dilembagakan dalam SOP dan keputusan Kepala Dinas.'],
    items: ['A.II.1.i.a', 'A.II.1.i.b'] },
  { file: 'Laporan_Survei_IPAK_2024.pdf', title: 'Laporan Survei Persepsi Anti Korupsi (IPAK) DPMPTSP-KUKM Tahun 2024', date: '2 Desember 2024', signer: 'inspektur',
    body: ['Survei eksternal oleh Inspektorat Daerah, November 2024, 120 responden pengguna layanan. Indeks persepsi anti korupsi: 3,72.'],
    items: ['B.I.a'] },
  { file: 'Laporan_Survei_IPKP_2024.pdf', title: 'Laporan Survei Persepsi Kualitas Pelayanan (IPKP) DPMPTSP-KUKM Tahun 2024', date: '2 Desember 2024', signer: 'inspektur',
    body: ['Survei eksternal oleh Inspektorat Daerah, November 2024, 150 responden pengguna layanan. Indeks persepsi kualitas pelayanan: 3,55.'],
    items: ['B.II.a'] },
];

/** New documents of this year (the rest is carried from last year). */
const DOCS_THIS_YEAR: DemoDoc[] = [
  { file: 'Laporan_Evaluasi_SOP_2026.pdf', title: 'Laporan Evaluasi SOP Tahun 2026', date: '16 Maret 2026', signer: 'ketua',
    body: ['Seluruh 31 SOP dievaluasi bersama pengguna layanan; 9 SOP diperbaiki dan 2 SOP hasil inovasi ditetapkan.'],
    items: ['A.I.2.i.c', 'A.I.2.i.a'] },
  { file: 'Notulen_Reviu_Standar_Pelayanan_2026.pdf', title: 'Notulen Reviu Standar Pelayanan bersama Forum Konsultasi Publik', date: '23 April 2026', signer: 'kadis',
    body: ['Reviu standar pelayanan bersama asosiasi pelaku usaha, perwakilan koperasi dan Ombudsman; tiga persyaratan izin disederhanakan.'],
    items: ['A.I.6.i.c'] },
  { file: 'Keputusan_Kompensasi_Pelayanan_2026.pdf', title: 'Keputusan Kepala DPMPTSP-KUKM tentang Kompensasi Pelayanan Tahun 2026', number: '800/061/DPMPTSP-KUKM/2026', date: '4 Mei 2026', signer: 'kadis',
    body: ['Kompensasi bagi penerima layanan bila layanan tidak sesuai standar: antar dokumen tanpa biaya dan permohonan maaf tertulis.'],
    items: ['A.I.6.ii.d'] },
  { file: 'Laporan_Monev_Pemanfaatan_TI_Semester_I_2026.pdf', title: 'Laporan Monitoring dan Evaluasi Pemanfaatan Teknologi Informasi Semester I Tahun 2026', date: '15 Juli 2026', signer: 'ketua',
    body: ['Monev berkala setiap semester; permohonan manual turun menjadi 6%. Tindak lanjut: integrasi data perizinan dengan data kependudukan.'],
    items: ['A.I.2.ii.d', 'A.I.2.ii.a'] },
  { file: 'Laporan_Survei_IPKP_Semester_I_2026.pdf', title: 'Laporan Survei Persepsi Kualitas Pelayanan (IPKP) Semester I Tahun 2026', date: '10 Agustus 2026', signer: 'inspektur',
    body: ['Survei eksternal oleh Inspektorat Daerah, Juli 2026, 160 responden. Indeks persepsi kualitas pelayanan: 3,62.'],
    items: ['B.II.a'] },
  { file: 'Laporan_Survei_IPAK_Semester_I_2026.pdf', title: 'Laporan Survei Persepsi Anti Korupsi (IPAK) Semester I Tahun 2026', date: '10 Agustus 2026', signer: 'inspektur',
    body: ['Survei eksternal oleh Inspektorat Daerah, Juli 2026, 140 responden. Indeks persepsi anti korupsi: 3,70.'],
    items: ['B.I.a'] },
];

const SITE = 'https://dpmptsp-kukm.bangka.example';
interface DemoUrl { url: string; title: string; items: string[] }
const URLS_DPM: DemoUrl[] = [
  { url: `${SITE}/berita/2025/02/pencanangan-pembangunan-zona-integritas`, title: 'Berita pencanangan pembangunan Zona Integritas di situs web dinas', items: ['A.I.1.ii.c', 'A.I.1.iv.a'] },
  { url: `${SITE}/galeri/2025/sosialisasi-zona-integritas`, title: 'Galeri foto sosialisasi Zona Integritas kepada pemohon izin', items: ['A.I.1.ii.c'] },
  { url: `${SITE}/berita/2025/03/kepala-dinas-layani-pemohon-di-mpp`, title: 'Siaran pers: Kepala Dinas melayani langsung pemohon di Mal Pelayanan Publik', items: ['A.I.1.iv.a'] },
  { url: 'https://ekinerja.bangka.example/', title: 'Aplikasi e-Kinerja Pemerintah Kabupaten Bangka', items: ['A.I.2.ii.a', 'A.I.3.iv.c', 'A.I.4.ii.g'] },
  { url: 'https://simpeg.bangka.example/', title: 'Sistem Informasi Kepegawaian (SIMPEG) Kabupaten Bangka', items: ['A.I.2.ii.b', 'A.I.3.vi.a'] },
  { url: `${SITE}/layanan/perizinan-daring`, title: 'Layanan perizinan daring DPMPTSP-KUKM', items: ['A.I.2.ii.c', 'A.I.6.v.a', 'A.I.6.v.b', 'A.II.2.iii.c'] },
  { url: `${SITE}/ppid/daftar-informasi-publik`, title: 'Daftar Informasi Publik (PPID Pelaksana)', items: ['A.I.2.iii.a'] },
  { url: `${SITE}/berita/2024/12/kampanye-tolak-gratifikasi`, title: 'Kampanye "Tolak Gratifikasi" di ruang pelayanan', items: ['A.I.5.i.a'] },
  { url: 'https://wbs.bangka.example/', title: 'Whistle Blowing System Pemerintah Kabupaten Bangka', items: ['A.I.5.iv.a', 'A.I.5.iv.b'] },
  { url: `${SITE}/standar-pelayanan`, title: 'Standar pelayanan dan maklumat pelayanan di situs web', items: ['A.I.6.i.d', 'A.I.6.i.b'] },
  { url: 'https://sippn.example/instansi/dpmptsp-kukm-kabupaten-bangka', title: 'Profil layanan DPMPTSP-KUKM di SIPPN', items: ['A.I.6.ii.b'] },
  { url: 'https://www.lapor.example/instansi/dpmptsp-kukm-kabupaten-bangka', title: 'Profil instansi di SP4N-LAPOR!', items: ['A.I.6.iii.a', 'A.I.5.iii.a', 'A.II.6.ii.a'] },
  { url: `${SITE}/skm/2024-semester-ii`, title: 'Publikasi hasil SKM Semester II 2024', items: ['A.I.6.iv.b'] },
];

// ---------------------------------------------------------------- answers

type Raw = string | number | Record<string, number>;

function loadWorkedExample(): Record<string, Raw> {
  const doc = JSON.parse(readFileSync(new URL('./fixtures/worked-example.json', import.meta.url), 'utf8')) as { answers: Record<string, Raw> };
  return doc.answers;
}

/** DPMPTSP-KUKM's first year: the worked example, a little weaker in six items. */
const FIRST_YEAR_WEAKER: Record<string, Raw> = {
  'A.I.1.iii.b': 'B',
  'A.I.2.i.c': 'C',
  'A.I.3.iii.c': 'C',
  'A.I.5.iv.c': 'C',
  'A.I.6.iv.c': 'B',
  'A.II.1.i.b': { changes: 12, integrated: 4 },
};

const NOTES_LAST_YEAR: Record<string, string> = {
  'A.I.1.i.a': 'Tim Kerja ZI dibentuk dengan SK Kepala Dinas Nomor 800/045/DPMPTSP-KUKM/2025 tanggal 13 Januari 2025.',
  'A.I.1.iii.c': 'Data dukung tindak lanjut monev dilengkapi setelah dikembalikan TPI (29 April 2025).',
  'A.I.2.i.c': 'Evaluasi SOP baru dilakukan untuk 12 dari 31 SOP; sisanya dijadwalkan Triwulan III.',
  'A.I.3.vi.a': 'Laporan pemutakhiran data kepegawaian diunggah 28 April 2025 sesuai catatan TPI.',
  'A.I.5.iv.c': 'Rekomendasi evaluasi WBS dari Inspektorat belum ditindaklanjuti secara tertulis.',
  'A.II.1.i.b': '4 dari 12 perubahan sudah dilembagakan dalam SOP atau keputusan Kepala Dinas.',
  'A.II.5.ii.a': 'Register pengaduan 2024: 20 pengaduan, 18 selesai, 2 dalam proses.',
  'A.II.6.i.b': '8 jenis layanan perizinan; 5 telah dipermudah (waktu lebih cepat, alur lebih pendek).',
  'B.I.a': 'Survei IPAK oleh Inspektorat Daerah, November 2024, 120 responden.',
  'B.II.a': 'Survei IPKP oleh Inspektorat Daerah, November 2024, 150 responden.',
};
/** Items the unit completed while last year's worksheet was returned (27 April – 2 May). */
const FIXED_AFTER_RETURN = ['A.I.1.iii.c', 'A.I.2.i.b', 'A.I.3.vi.a', 'A.I.5.ii.b', 'A.I.6.iv.b'];
const RETURN_NOTE_LAST_YEAR = 'Lengkapi data dukung butir A.I.1.iii.c, A.I.2.i.b, A.I.3.vi.a, A.I.5.ii.b dan A.I.6.iv.b: notulen, daftar hadir dan laporan yang dirujuk belum diunggah. Register pengaduan 2024 agar dilampirkan lengkap per kanal.';

/** The TPI's own values for last year (everything else accepted). */
const TPI_LAST_YEAR: Record<string, { answer: Raw; note: string }> = {
  'A.I.2.ii.d': { answer: 'B', note: 'Monev pemanfaatan TI baru dilakukan satu kali (Oktober 2024); belum ada laporan berkala. Nilai diturunkan menjadi B.' },
  'A.I.5.iv.c': { answer: 'B', note: 'Tindak lanjut rekomendasi evaluasi WBS sudah ada (nota dinas Kepala Dinas 12 Maret 2025), hanya belum dilaporkan. Nilai dinaikkan menjadi B.' },
  'A.I.6.i.c': { answer: 'C', note: 'Reviu standar pelayanan baru berdasarkan hasil SKM; belum melibatkan pemangku kepentingan.' },
  'A.II.5.ii.a': { answer: { toFollowUp: 22, inProcess: 4, completed: 18 }, note: 'Dua pengaduan melalui SP4N-LAPOR! bulan Desember 2024 belum tercatat di register unit. Jumlah disesuaikan.' },
  'A.II.6.i.b': { answer: { registered: 8, simplified: 4 }, note: 'Penyederhanaan izin reklame belum didukung SOP baru; yang dapat diakui 4 dari 8 layanan.' },
};
const TPI_LAST_YEAR_ACCEPT_NOTES: Record<string, string> = {
  'A.I.1.i.a': 'Sesuai. SK dan notulen pembentukan tim lengkap.',
  'A.I.3.vi.a': 'Data dukung sudah dilengkapi setelah pengembalian.',
  'A.I.4.ii.e': 'LKj 2024 diunggah tepat waktu (26 Februari 2025).',
  'B.I.a': 'Sesuai laporan survei Inspektorat Daerah.',
};
/** The national team's (TPN) field evaluation, September of last year. */
const TPN_LAST_YEAR: Record<string, { answer: Raw; note: string }> = {
  'B.I.a': { answer: 3.68, note: 'Hasil survei IPAK TPN, September 2025.' },
  'B.II.a': { answer: 3.51, note: 'Hasil survei IPKP TPN, September 2025.' },
  'A.I.1.iv.d': { answer: 'A', note: 'Evaluasi lapangan: keterlibatan pegawai terlihat di seluruh bidang.' },
  'A.I.6.v.a': { answer: 'A', note: 'Layanan perizinan daring sudah dipakai di seluruh jenis layanan.' },
  'A.II.3.i.a': { answer: 'B', note: 'IKI pejabat pengawas sebagian masih berorientasi keluaran (output).' },
  'A.II.4.i.a': { answer: { targets: 10, achieved: 8 }, note: 'Sasaran peningkatan nilai investasi tercapai 97%, belum 100%.' },
};

/** This year: improvements toward WBBM (area 2 especially), new survey results. */
const IMPROVED_THIS_YEAR: Record<string, Raw> = {
  'A.I.1.iii.b': 'A',
  'A.I.2.i.a': 'A',
  'A.I.2.i.b': 'A',
  'A.I.2.i.c': 'A',
  'A.I.2.ii.a': 'A',
  'A.I.2.ii.b': 'A',
  'A.I.2.ii.d': 'A',
  'A.I.2.iii.b': 'A',
  'A.II.2.i.a': 'B',
  'A.II.2.iii.a': 'A',
  'A.II.2.iii.b': 'B',
  'A.II.2.iii.c': 'A',
  'A.I.5.iv.c': 'B',
  'A.I.6.i.c': 'A',
  'A.I.6.ii.d': 'B',
  'A.II.1.i.b': { changes: 12, integrated: 9 },
  'B.I.a': 3.7,
  'B.II.a': 3.62,
  'B.I.b': 'A',
};
/** Items of this year whose data is not in yet: the answer is cleared, a note says why. */
const PENDING_THIS_YEAR: Record<string, string> = {
  'A.I.1.iii.c': 'Menunggu hasil monev Triwulan IV 2026.',
  'A.I.3.i.c': 'Monev penempatan pegawai hasil rekrutmen 2026 dijadwalkan Desember.',
  'A.I.3.ii.c': 'Monev mutasi 2026 dijadwalkan Desember.',
  'A.I.3.iii.f': 'Menunggu laporan monev pengembangan kompetensi 2026.',
  'A.I.3.iv.d': 'Penghargaan pegawai berprestasi 2026 ditetapkan Januari 2027.',
  'A.I.4.ii.e': 'LKj 2026 disusun Januari–Februari 2027.',
  'A.I.4.ii.f': 'LKj 2026 disusun Januari–Februari 2027.',
  'A.I.5.iii.d': 'Tindak lanjut hasil evaluasi pengaduan semester II belum selesai.',
  'A.I.5.v.d': 'Evaluasi benturan kepentingan semester II belum dilakukan.',
  'A.I.5.v.e': 'Menunggu evaluasi semester II.',
  'A.I.6.ii.a': 'Pelatihan pelayanan prima semester II dijadwalkan Desember.',
  'A.I.6.iv.c': 'Menunggu hasil SKM semester II 2026.',
  'A.II.4.ii.a': 'Reward and punishment bidang ditetapkan setelah penilaian capaian PK 2026.',
};
const NOTES_THIS_YEAR: Record<string, string> = {
  'A.I.2.i.a': 'Peta proses bisnis dimutakhirkan Maret 2026; dua SOP hasil inovasi ditetapkan.',
  'A.I.2.i.c': 'Seluruh 31 SOP dievaluasi bersama pengguna layanan (laporan 16 Maret 2026).',
  'A.I.2.ii.d': 'Monev pemanfaatan TI kini setiap semester.',
  'A.I.5.iv.c': 'Rekomendasi evaluasi WBS ditindaklanjuti dengan nota dinas 12 Maret 2025 dan perbaikan SOP WBS 2026.',
  'A.I.6.i.c': 'Reviu standar pelayanan bersama forum konsultasi publik, 23 April 2026.',
  'A.I.6.ii.d': 'Keputusan kompensasi pelayanan ditetapkan 4 Mei 2026.',
  'B.I.a': 'Nilai sementara dari survei Inspektorat semester I 2026; survei eksternal dijadwalkan Desember.',
  'B.II.a': 'Survei IPKP Inspektorat, Juli 2026, 160 responden.',
  'B.I.b': 'Capaian IKU 2025 lebih baik dari 2024 pada 6 dari 7 indikator.',
};
/** Positive answers of this year whose evidence is not uploaded yet (the worksheet warns about them). */
const NO_EVIDENCE_YET_THIS_YEAR = ['A.I.2.i.b', 'A.II.2.iii.b'];

interface UnitProfile {
  code: string;
  seed: number;
  /** per area 1–6 (and 0 for hasil): > 0 tends to better answers than the worked example, < 0 worse */
  bias: number[];
  raw: Record<string, Raw>;
}
// fixed seeds of the pseudo-random answers (numbers, not years: they do not move with the story)
const PROFILES: UnitProfile[] = [
  { code: 'DISDUKCAPIL', seed: BASE * 100 + 1, bias: [0, 0.05, 0.2, -0.2, 0, -0.05, 0.25], raw: {
    'A.II.1.i.a': { agents: 6, changes: 7 }, 'A.II.1.i.b': { changes: 7, integrated: 5 }, 'A.II.3.iii.a': { previousYear: 3, thisYear: 1, sanctioned: 1 },
    'A.II.4.i.a': { targets: 8, achieved: 7 }, 'A.II.5.ii.a': { toFollowUp: 64, inProcess: 3, completed: 59 },
    'A.II.5.iii.a': { head: 1, officials: 3, others: 0, reported: 4 }, 'A.II.5.iii.b': { administrators: 3, supervisors: 8, functionalAndStaff: 41, reported: 51 },
    'A.II.6.i.b': { registered: 12, simplified: 9 }, 'B.I.a': 3.66, 'B.I.b': 'B', 'B.II.a': 3.58,
  } },
  { code: 'DINKES', seed: BASE * 100 + 2, bias: [0, -0.3, -0.35, -0.1, -0.2, -0.35, -0.25], raw: {
    'A.II.1.i.a': { agents: 12, changes: 7 }, 'A.II.1.i.b': { changes: 7, integrated: 3 }, 'A.II.3.iii.a': { previousYear: 5, thisYear: 4, sanctioned: 4 },
    'A.II.4.i.a': { targets: 14, achieved: 9 }, 'A.II.5.ii.a': { toFollowUp: 31, inProcess: 6, completed: 21 },
    'A.II.5.iii.a': { head: 1, officials: 4, others: 2, reported: 7 }, 'A.II.5.iii.b': { administrators: 4, supervisors: 12, functionalAndStaff: 96, reported: 104 },
    'A.II.6.i.b': { registered: 10, simplified: 4 }, 'B.I.a': 3.41, 'B.I.b': 'C', 'B.II.a': 3.24,
  } },
  { code: 'BPKPD', seed: BASE * 100 + 3, bias: [0, -0.1, -0.05, -0.15, 0.35, 0.05, -0.3], raw: {
    'A.II.1.i.a': { agents: 8, changes: 8 }, 'A.II.1.i.b': { changes: 8, integrated: 5 }, 'A.II.3.iii.a': { previousYear: 2, thisYear: 1, sanctioned: 1 },
    'A.II.4.i.a': { targets: 9, achieved: 8 }, 'A.II.5.ii.a': { toFollowUp: 12, inProcess: 1, completed: 11 },
    'A.II.5.iii.a': { head: 1, officials: 5, others: 3, reported: 9 }, 'A.II.5.iii.b': { administrators: 5, supervisors: 11, functionalAndStaff: 48, reported: 62 },
    'A.II.6.i.b': { registered: 6, simplified: 3 }, 'B.I.a': 3.57, 'B.I.b': 'B', 'B.II.a': 3.38,
  } },
  { code: 'PKM-SGL', seed: BASE * 100 + 4, bias: [0, 0.1, -0.2, -0.2, -0.2, -0.2, 0.15], raw: { 'B.II.a': 3.45, 'A.II.6.i.b': { registered: 6, simplified: 2 } } },
];

/** A choice answer moved `delta` steps (negative = better, towards A/Ya). */
function stepOption(rs: RuleSet, code: string, raw: Raw, delta: number): Raw {
  const item = indexOf(rs).items.get(code)!;
  if (!isChoiceType(item.type) || typeof raw !== 'string') return raw;
  const letters = LETTERS_OF[item.type];
  const i = letters.indexOf(raw as (typeof letters)[number]);
  return letters[Math.min(letters.length - 1, Math.max(0, i + delta))]!;
}

/** The TPI's own value: the unit's option moved one step (the other way when already at the end). */
function ownOption(rs: RuleSet, code: string, unit: Answer | undefined, delta: number): Answer {
  const given = unit && 'option' in unit ? unit.option : 'B';
  let moved = stepOption(rs, code, given, delta);
  if (moved === given) moved = stepOption(rs, code, given, -delta);
  return parseAnswers(rs, { [code]: moved })[code]!;
}

/** A unit's answers: the worked example shifted item by item according to the unit's profile. */
function profileAnswers(rs: RuleSet, example: Record<string, Raw>, p: UnitProfile): Record<string, Raw> {
  const rnd = random(p.seed);
  const out: Record<string, Raw> = {};
  for (const item of rs.items) {
    if (p.raw[item.code] !== undefined) {
      out[item.code] = p.raw[item.code]!;
      continue;
    }
    const base = example[item.code]!;
    const bias = p.bias[item.area ?? 0] ?? 0;
    const r = rnd();
    const yn = item.type === 'yn';
    const up = Math.max(0, 0.18 + bias);
    const down = Math.max(0, 0.18 - bias) * (yn ? 0.4 : 1);
    out[item.code] = r < up ? stepOption(rs, item.code, base, -1) : r > 1 - down ? stepOption(rs, item.code, base, 1) : base;
  }
  return out;
}

// ---------------------------------------------------------------- plan

interface AnswerRow { worksheetId: string; itemCode: string; layer: Layer; answer: Answer | null; note: string | null; updatedBy: string | null; updatedAt: Date }
interface EventRow { worksheetId: string; fromState: State | null; toState: State; actorId: string | null; note: string | null; at: Date }
type WorksheetRow = typeof worksheets.$inferInsert & { id: string };

interface Plan {
  worksheets: (WorksheetRow & { key: string })[];
  answers: AnswerRow[];
  events: EventRow[];
}

const UNIT_CODES = ['DPMPTSPKUKM', 'DISDUKCAPIL', 'DINKES', 'PKM-SGL', 'BPKPD'] as const;
const ACCOUNTS = ['ketua.zi', 'sekretaris.zi', 'koordinator', 'anggota.zi', 'kadis', 'tpi'] as const;
type Username = (typeof ACCOUNTS)[number];

/** Who of the DPMPTSP-KUKM team fills (and documents) the items of each area. */
const AREA_OWNER: Record<number, Username> = { 0: 'ketua.zi', 1: 'ketua.zi', 2: 'anggota.zi', 3: 'sekretaris.zi', 4: 'ketua.zi', 5: 'sekretaris.zi', 6: 'koordinator' };

function parse(rs: RuleSet, raw: Record<string, Raw>): Answers {
  return parseAnswers(rs, raw);
}

function buildPlan(rs: RuleSet, unitIds: Map<string, string>, acc: Map<Username, string>, story: Story): Plan {
  const example = loadWorkedExample();
  const items = rs.items;
  const areaOf = (code: string) => indexOf(rs).items.get(code)!.area ?? 0;
  const by = (code: string) => acc.get(AREA_OWNER[areaOf(code)]!)!;
  const ws: Plan['worksheets'] = [];
  const rows: AnswerRow[] = [];
  const events: EventRow[] = [];
  const T = story.clock;
  const X = story.text;
  // the story's two years: every moment below is wib(LAST, …) or wib(THIS, …)
  const [LAST, THIS] = [story.last, story.year];
  // notes are the seed's own words: their years move with the story
  const event = (worksheetId: string, fromState: State | null, toState: State, actorId: string | null, note: string | null, at: Date) => events.push({ worksheetId, fromState, toState, actorId, note: note && X(note), at: T(at) });
  const row = (worksheetId: string, itemCode: string, layer: Layer, answer: Answer | null, note: string | null, updatedBy: string | null, at: Date) => rows.push({ worksheetId, itemCode, layer, answer, note: note && X(note), updatedBy, updatedAt: T(at) });

  // -- DPMPTSP-KUKM last year: recommended
  const dpm = unitIds.get('DPMPTSPKUKM')!;
  const w25 = randomUUID();
  const unit25 = parse(rs, { ...example, ...FIRST_YEAR_WEAKER });
  const rnd25 = random(BASE - 1); // fixed seeds, like the profiles'
  items.forEach((it, i) => {
    const fixed = FIXED_AFTER_RETURN.indexOf(it.code);
    const at = fixed >= 0 ? spread(wib(LAST, 4, 28), wib(LAST, 5, 2), fixed, FIXED_AFTER_RETURN.length, rnd25) : spread(wib(LAST, 2, 3), wib(LAST, 4, 11), i, items.length, rnd25);
    row(w25, it.code, 'unit', unit25[it.code] ?? null, NOTES_LAST_YEAR[it.code] ?? null, by(it.code), at);
  });
  const tpi = acc.get('tpi')!;
  const tpiOwn = parse(rs, Object.fromEntries(Object.entries(TPI_LAST_YEAR).map(([k, v]) => [k, v.answer])));
  const rndT = random(4417);
  const FIRST_REVIEW = items.filter((it) => it.area !== null && it.area <= 3).length;
  items.forEach((it, i) => {
    // areas 1–3 in the first review (17–24 April), the rest after resubmission (6–14 May)
    const first = it.area !== null && it.area <= 3;
    const at = first ? spread(wib(LAST, 4, 17), wib(LAST, 4, 24), i, FIRST_REVIEW, rndT) : spread(wib(LAST, 5, 6), wib(LAST, 5, 14), i - FIRST_REVIEW, items.length - FIRST_REVIEW, rndT);
    const own = tpiOwn[it.code];
    row(w25, it.code, 'tpi', own ?? null, own ? TPI_LAST_YEAR[it.code]!.note : (TPI_LAST_YEAR_ACCEPT_NOTES[it.code] ?? null), tpi, FIXED_AFTER_RETURN.includes(it.code) ? wib(LAST, 5, 7, 10, 15) : at);
  });
  const tpnOwn = parse(rs, Object.fromEntries(Object.entries(TPN_LAST_YEAR).map(([k, v]) => [k, v.answer])));
  Object.keys(TPN_LAST_YEAR).forEach((code, i) => row(w25, code, 'tpn', tpnOwn[code]!, TPN_LAST_YEAR[code]!.note, tpi, wib(LAST, 9, i < 3 ? 24 : 25, 10 + i, 5 * i)));
  const prereq25 = { bpkOpinion: 'WTP', sakipInstansi: 'B', indeksRb: 'CC', spipLevel: 3, coreService: true, publicImpact: true, tlhp: 100, lhkpnLhkasn: 100, buildingYears: 1, sakipUnit: 'B' };
  const tpiTotal = scoreAnswers(rs, { ...unit25, ...tpiOwn }).total;
  const conclusionNote = `Nilai hasil evaluasi TPI ${formatNumber(tpiTotal, 'id', 2)}; seluruh area pengungkit di atas 60%, IPAK dan IPKP memenuhi batas WBK. Perlu diperkuat sebelum evaluasi TPN: monev pemanfaatan TI secara berkala, reviu standar pelayanan bersama pemangku kepentingan, dan pencatatan pengaduan dari seluruh kanal.`;
  const ketua = acc.get('ketua.zi')!;
  event(w25, null, 'draft', ketua, null, wib(LAST, 1, 13, 9, 12));
  event(w25, 'draft', 'submitted', ketua, null, wib(LAST, 4, 15, 14, 5));
  event(w25, 'submitted', 'under_review', tpi, null, wib(LAST, 4, 17, 8, 40));
  event(w25, 'under_review', 'returned', tpi, RETURN_NOTE_LAST_YEAR, wib(LAST, 4, 25, 15, 20));
  event(w25, 'returned', 'submitted', ketua, 'Data dukung telah dilengkapi sesuai catatan TPI.', wib(LAST, 5, 5, 10, 2));
  event(w25, 'submitted', 'under_review', tpi, null, wib(LAST, 5, 6, 8, 30));
  event(w25, 'under_review', 'evaluated', tpi, `memenuhi: ${conclusionNote}`, wib(LAST, 5, 15, 16, 0));
  event(w25, 'evaluated', 'recommended', tpi, 'Diusulkan sebagai WBK kepada KemenPANRB melalui Bupati Bangka (surat Inspektur Nomor 700/412/INSP/2025).', wib(LAST, 5, 20, 10, 0));
  ws.push({
    key: `DPMPTSPKUKM:${LAST}`, id: w25, unitId: dpm, year: LAST, rulesetId: rs.id, state: 'recommended', options: rs.defaults, prerequisites: prereq25,
    conclusion: 'memenuhi', conclusionNote, returnNote: null, clonedFrom: null, createdBy: ketua,
    createdAt: T(wib(LAST, 1, 13, 9, 12)), submittedAt: T(wib(LAST, 5, 5, 10, 2)), evaluatedAt: T(wib(LAST, 5, 15, 16, 0)),
  });

  // -- DPMPTSP-KUKM this year: draft, copied from last year, improving toward WBBM
  const w26 = randomUUID();
  const unit26 = parse(rs, Object.fromEntries(Object.entries({ ...example, ...FIRST_YEAR_WEAKER, ...IMPROVED_THIS_YEAR }).filter(([k]) => !(k in PENDING_THIS_YEAR))));
  const rnd26 = random(BASE);
  items.forEach((it, i) => {
    const changed = it.code in IMPROVED_THIS_YEAR || it.code in PENDING_THIS_YEAR || it.code in NOTES_THIS_YEAR;
    // untouched items keep the moment they were copied; changed ones are spread over the year
    const at = changed ? spread(wib(THIS, 2, 2), wib(THIS, 11, 24), i, items.length, rnd26) : wib(THIS, 1, 12, 9, 6);
    const note = PENDING_THIS_YEAR[it.code] ?? NOTES_THIS_YEAR[it.code] ?? NOTES_LAST_YEAR[it.code] ?? null;
    row(w26, it.code, 'unit', unit26[it.code] ?? null, note, changed ? by(it.code) : ketua, at);
  });
  // "clone:<last year>", written like every note in the story's years (event() moves them)
  event(w26, null, 'draft', ketua, 'clone:2025', wib(THIS, 1, 12, 9, 5));
  ws.push({
    key: `DPMPTSPKUKM:${THIS}`, id: w26, unitId: dpm, year: THIS, rulesetId: rs.id, state: 'draft', options: rs.defaults,
    prerequisites: { ...prereq25, buildingYears: 2, sakipUnit: 'BB', priorWbk: true },
    clonedFrom: w25, createdBy: ketua, createdAt: T(wib(THIS, 1, 12, 9, 5)),
  });

  // -- the other units, this year
  const profiles = new Map(PROFILES.map((p) => [p.code, profileAnswers(rs, example, p)]));
  /** A unit's worksheet of this year, created on `day` ([month, day, hour, minute]). */
  const other = (code: string, state: State, day: [number, number, number, number], fill: [Date, Date], answered: (code: string) => boolean) => {
    const id = randomUUID();
    const unitId = unitIds.get(code)!;
    const parsed = parse(rs, Object.fromEntries(Object.entries(profiles.get(code)!).filter(([k]) => answered(k))));
    const created = wib(THIS, ...day);
    // seeded by the moment as written in the story: the same sequence whatever the year
    const rnd = random(wib(BASE, ...day).getTime() % 100_000);
    const codes = items.filter((it) => parsed[it.code]);
    codes.forEach((it, i) => row(id, it.code, 'unit', parsed[it.code]!, null, null, spread(fill[0], fill[1], i, codes.length, rnd)));
    event(id, null, 'draft', null, null, created);
    ws.push({ key: `${code}:${THIS}`, id, unitId, year: THIS, rulesetId: rs.id, state, options: rs.defaults, prerequisites: {}, createdBy: null, createdAt: T(created) });
    return { id, parsed, w: ws[ws.length - 1]! };
  };

  // DISDUKCAPIL: under review by the demo TPI account, 40 items reviewed, 3 own values
  const dis = other('DISDUKCAPIL', 'under_review', [1, 20, 10, 30], [wib(THIS, 2, 9), wib(THIS, 10, 23)], () => true);
  dis.w.prerequisites = { bpkOpinion: 'WTP', sakipInstansi: 'B', indeksRb: 'CC', spipLevel: 3, coreService: true, publicImpact: true, tlhp: 100, lhkpnLhkasn: 100, buildingYears: 2, sakipUnit: 'BB' };
  dis.w.submittedAt = T(wib(THIS, 10, 27, 13, 45));
  event(dis.id, 'draft', 'submitted', null, 'Diajukan oleh Ketua Tim Kerja ZI Disdukcapil.', wib(THIS, 10, 27, 13, 45));
  event(dis.id, 'submitted', 'under_review', tpi, null, wib(THIS, 10, 29, 8, 50));
  const disOwn: Record<string, [number, string]> = {
    'A.I.1.iii.b': [1, 'Notulen monev tidak menunjukkan keterlibatan pimpinan; nilai diturunkan satu tingkat.'],
    'A.I.2.i.c': [1, 'Laporan evaluasi SOP belum memuat SOP hasil perbaikan.'],
    'A.I.3.i.b': [-1, 'Penempatan CPNS 2025 sesuai peta jabatan dan ABK; dapat diberi nilai lebih tinggi.'],
  };
  const disAccept: Record<string, string> = { 'A.I.1.i.a': 'Sesuai.', 'A.I.2.iii.a': 'Daftar informasi publik mutakhir per Oktober 2026.', 'A.I.3.iv.a': 'SKP 2026 sudah ditandatangani seluruh pegawai.' };
  const rndD = random(8812);
  items.slice(0, 40).forEach((it, i) => {
    const own = disOwn[it.code];
    const answer = own ? ownOption(rs, it.code, dis.parsed[it.code], own[0]) : null;
    row(dis.id, it.code, 'tpi', answer, own ? own[1] : (disAccept[it.code] ?? null), tpi, spread(wib(THIS, 10, 29), wib(THIS, 11, 25), i, 40, rndD));
  });

  // DINKES: returned by the TPI with its reasons
  const din = other('DINKES', 'returned', [2, 9, 9, 40], [wib(THIS, 3, 2), wib(THIS, 10, 9)], () => true);
  const dinReturn = 'Data dukung belum lengkap: (1) SOP pelayanan kesehatan belum ditandatangani Kepala Dinas; (2) register risiko SPIP 2026 dan rencana tindak pengendaliannya belum diunggah; (3) laporan tindak lanjut pengaduan SP4N-LAPOR! semester I belum ada; (4) TLHP baru 92%, sehingga prasyarat belum terpenuhi. Mohon dilengkapi dan diajukan kembali paling lambat 4 Desember 2026.';
  din.w.prerequisites = { bpkOpinion: 'WTP', sakipInstansi: 'B', indeksRb: 'CC', spipLevel: 3, coreService: true, publicImpact: true, tlhp: 92, lhkpnLhkasn: 100, buildingYears: 1, sakipUnit: 'B' };
  din.w.submittedAt = T(wib(THIS, 10, 12, 11, 0));
  din.w.returnNote = X(dinReturn);
  event(din.id, 'draft', 'submitted', null, 'Diajukan oleh Ketua Tim Kerja ZI Dinas Kesehatan.', wib(THIS, 10, 12, 11, 0));
  event(din.id, 'submitted', 'under_review', null, 'Reviu oleh Tim Penilai Internal Inspektorat Daerah.', wib(THIS, 10, 14, 9, 15));
  event(din.id, 'under_review', 'returned', null, dinReturn, wib(THIS, 11, 18, 15, 30));
  const dinOwn: Record<string, [number, string]> = {
    'A.I.2.i.b': [1, 'Sebagian SOP belum ditandatangani; penerapan belum dapat dibuktikan.'],
    'A.I.2.ii.d': [1, 'Belum ada laporan monev pemanfaatan TI.'],
  };
  const rndK = random(5521);
  items.slice(12, 33).forEach((it, i) => {
    const own = dinOwn[it.code];
    const answer = own ? ownOption(rs, it.code, din.parsed[it.code], own[0]) : null;
    row(din.id, it.code, 'tpi', answer, own ? own[1] : null, null, spread(wib(THIS, 10, 14), wib(THIS, 11, 17), i, 21, rndK));
  });

  // BPKPD: submitted, waiting for the TPI
  const bp = other('BPKPD', 'submitted', [3, 2, 10, 0], [wib(THIS, 3, 16), wib(THIS, 11, 19)], () => true);
  bp.w.prerequisites = { bpkOpinion: 'WTP', sakipInstansi: 'B', indeksRb: 'CC', spipLevel: 3, coreService: true, publicImpact: true, tlhp: 100, lhkpnLhkasn: 100, buildingYears: 1, sakipUnit: 'B' };
  bp.w.submittedAt = T(wib(THIS, 11, 20, 14, 10));
  event(bp.id, 'draft', 'submitted', null, 'Diajukan oleh Ketua Tim Kerja ZI BPKPD.', wib(THIS, 11, 20, 14, 10));

  // Puskesmas Sungailiat: a first draft, 30 items answered
  const PKM_ITEMS = (code: string) => code.startsWith('A.I.1.') || (code.startsWith('A.I.6.') && !code.startsWith('A.I.6.v.')) || code === 'B.II.a' || code === 'A.II.6.i.b';
  const pkm = other('PKM-SGL', 'draft', [8, 3, 8, 30], [wib(THIS, 8, 10), wib(THIS, 11, 24)], PKM_ITEMS);
  pkm.w.prerequisites = { coreService: true, publicImpact: true, buildingYears: 1 };

  // versions and last changes follow the history
  for (const w of ws) {
    const own = rows.filter((r) => r.worksheetId === w.id);
    const evs = events.filter((e) => e.worksheetId === w.id);
    w.version = own.length + evs.length;
    w.updatedAt = new Date(Math.max(...own.map((r) => r.updatedAt.getTime()), ...evs.map((e) => e.at.getTime())));
  }
  return { worksheets: ws, answers: rows, events };
}

// ---------------------------------------------------------------- evidence

function docBytes(d: DemoDoc): Uint8Array {
  if (d.photo) return activityPhoto(d.photo);
  const inspektorat = d.signer === 'inspektur';
  return buildPdf({
    head: inspektorat ? HEAD_INSP : HEAD_DPM,
    title: d.title,
    // an SK's title already carries its number
    number: d.number && !d.title.includes(d.number) ? d.number : undefined,
    body: d.body,
    place: `Sungailiat, ${d.date}`,
    signer: SIGNERS[d.signer ?? 'ketua'],
    created: pdfDate(d.date),
    author: inspektorat ? 'Inspektorat Daerah Kabupaten Bangka' : 'DPMPTSP-KUKM Kabupaten Bangka',
  });
}

/** Where a document is published when there is no file store (links only). */
function docUrl(d: DemoDoc): string {
  return `${SITE}/${d.photo ? 'galeri' : 'ppid/dokumen'}/${encodeURIComponent(d.file)}`;
}

const OTHER_URLS: Record<string, DemoUrl[]> = {
  DISDUKCAPIL: [
    { url: 'https://disdukcapil.bangka.example/berita/2026/02/pencanangan-zona-integritas', title: 'Berita pencanangan Zona Integritas Disdukcapil', items: ['A.I.1.ii.c'] },
    { url: 'https://disdukcapil.bangka.example/ppid/daftar-informasi-publik', title: 'Daftar Informasi Publik Disdukcapil', items: ['A.I.2.iii.a'] },
    { url: 'https://disdukcapil.bangka.example/standar-pelayanan', title: 'Standar pelayanan administrasi kependudukan', items: ['A.I.6.i.d'] },
    { url: 'https://www.lapor.example/instansi/disdukcapil-kabupaten-bangka', title: 'Profil instansi di SP4N-LAPOR!', items: ['A.I.6.iii.a'] },
    { url: 'https://disdukcapil.bangka.example/skm/2026-semester-i', title: 'Publikasi hasil SKM Semester I 2026', items: ['A.I.6.iv.b'] },
    { url: 'https://disdukcapil.bangka.example/layanan/adminduk-daring', title: 'Layanan administrasi kependudukan daring', items: ['A.I.6.v.a'] },
  ],
  DINKES: [
    { url: 'https://dinkes.bangka.example/berita/2026/03/sosialisasi-zona-integritas', title: 'Berita sosialisasi Zona Integritas Dinas Kesehatan', items: ['A.I.1.ii.c'] },
    { url: 'https://dinkes.bangka.example/ppid/daftar-informasi-publik', title: 'Daftar Informasi Publik Dinas Kesehatan', items: ['A.I.2.iii.a'] },
    { url: 'https://dinkes.bangka.example/standar-pelayanan', title: 'Standar pelayanan Dinas Kesehatan', items: ['A.I.6.i.d'] },
    { url: 'https://www.lapor.example/instansi/dinas-kesehatan-kabupaten-bangka', title: 'Profil instansi di SP4N-LAPOR!', items: ['A.I.6.iii.a'] },
  ],
  BPKPD: [
    { url: 'https://bpkpd.bangka.example/ppid/laporan-keuangan', title: 'Publikasi laporan keuangan dan informasi publik BPKPD', items: ['A.I.2.iii.a'] },
    { url: 'https://bpkpd.bangka.example/berita/2026/04/kampanye-anti-gratifikasi', title: 'Kampanye anti gratifikasi di loket pembayaran pajak', items: ['A.I.5.i.a'] },
    { url: 'https://bpkpd.bangka.example/standar-pelayanan', title: 'Standar pelayanan pajak daerah', items: ['A.I.6.i.d'] },
    { url: 'https://www.lapor.example/instansi/bpkpd-kabupaten-bangka', title: 'Profil instansi di SP4N-LAPOR!', items: ['A.I.6.iii.a'] },
    { url: 'https://bpkpd.bangka.example/layanan/e-pbb', title: 'Layanan e-PBB (cek tagihan dan bayar PBB daring)', items: ['A.I.6.v.a'] },
  ],
  'PKM-SGL': [
    { url: 'https://pkm-sungailiat.bangka.example/berita/2026/08/pencanangan-zona-integritas', title: 'Berita pencanangan Zona Integritas Puskesmas Sungailiat', items: ['A.I.1.ii.c'] },
    { url: 'https://pkm-sungailiat.bangka.example/standar-pelayanan', title: 'Standar pelayanan dan maklumat Puskesmas Sungailiat', items: ['A.I.6.i.d'] },
    { url: 'https://www.lapor.example/instansi/puskesmas-sungailiat', title: 'Profil Puskesmas Sungailiat di SP4N-LAPOR!', items: ['A.I.6.iii.a'] },
  ],
};

/** A document of the story in the current years: its file name, title, number, date and text moved. */
function storyDoc(d: DemoDoc, text: (s: string) => string): DemoDoc {
  return { ...d, file: text(d.file), title: text(d.title), number: d.number && text(d.number), date: text(d.date), body: d.body.map(text) };
}

function storyUrl(u: DemoUrl, text: (s: string) => string): DemoUrl {
  return { ...u, url: text(u.url), title: text(u.title) };
}

function actorOf(acc: Map<Username, string>, username: Username): AuditActor {
  return { accountId: acc.get(username)!, label: username };
}

/** Evidence moments: the seed's working-day spread with a fixed pseudo-random sequence. */
function evidenceAt(from: Date, to: Date, i: number, n: number): Date {
  let x = (i + 1) * 2654435761 % 4294967296;
  const rnd = () => { x = (x * 1664525 + 1013904223) % 4294967296; return x / 4294967296; };
  return spread(from, to, i, n, rnd);
}

async function attachDocs(db: Db, files: FileStore | null, unitId: string, worksheetId: string, docs: DemoDoc[], who: (code: string) => AuditActor, when: [Date, Date]) {
  for (const [i, d] of docs.entries()) {
    const at = evidenceAt(when[0], when[1], i, docs.length);
    const [first, ...rest] = d.items;
    const subject = (code: string) => ({ subjectType: SUBJECT, subjectId: worksheetId, subjectKey: code });
    if (!files) {
      for (const code of d.items) await attachUrl(db, who(code), { unitId, url: docUrl(d), title: d.title, at, ...subject(code) });
      continue;
    }
    const up = await uploadEvidence(db, files, who(first!), { unitId, bytes: docBytes(d), originalName: d.file, title: d.title, attachTo: subject(first!), at });
    for (const code of rest) await attachFile(db, who(code), { unitId, fileId: up.file.id, at, ...subject(code) });
  }
}

async function attachUrls(db: Db, unitId: string, worksheetId: string, urls: DemoUrl[], who: (code: string) => AuditActor, when: [Date, Date]) {
  for (const [i, u] of urls.entries()) {
    const at = evidenceAt(when[0], when[1], i, urls.length);
    for (const code of u.items) await attachUrl(db, who(code), { unitId, url: u.url, title: u.title, at, subjectType: SUBJECT, subjectId: worksheetId, subjectKey: code });
  }
}

// ---------------------------------------------------------------- entry point

async function anyWorksheet(db: Db): Promise<boolean> {
  const rows = await db.select({ id: worksheets.id }).from(worksheets).limit(1);
  return rows.length > 0;
}

/**
 * Seeds a year of LKE work for the demo regency once. Returns false and changes nothing when any
 * worksheet exists or the org demo is missing (unit DPMPTSPKUKM or the demo accounts not found).
 * Worksheets, answers and history are written in one short transaction; evidence afterwards,
 * through the evidence module (files stored before each of its transactions). Without a file
 * store, documents are attached as links to where the unit publishes them.
 */
export async function seedAssessmentDemo(db: Db, files: FileStore | null, now = new Date()): Promise<boolean> {
  if (await anyWorksheet(db)) return false;
  const unitRows = await db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits).where(inArray(orgUnits.code, [...UNIT_CODES]));
  const unitIds = new Map(unitRows.map((u) => [u.code, u.id]));
  const accRows = await db.select({ id: accounts.id, username: accounts.username }).from(accounts).where(inArray(accounts.username, [...ACCOUNTS]));
  const acc = new Map(accRows.map((a) => [a.username as Username, a.id]));
  if (UNIT_CODES.some((c) => !unitIds.has(c)) || ACCOUNTS.some((a) => !acc.has(a))) return false;

  const rs = getRuleSet(RULESET);
  const story = storyOf(now);
  const plan = buildPlan(rs, unitIds, acc, story);
  checkEvidenceCoverage(rs, plan);

  const seeded = await db.transaction(async (tx) => {
    // two processes seeding at once: the second waits here, then finds the worksheets
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('assessment.demo.seed', 0))`);
    if (await anyWorksheet(tx)) return false;
    // the first (last year's) before the rest: this year's worksheet was cloned from it
    const rows = plan.worksheets.map(({ key: _key, ...w }) => w);
    await tx.insert(worksheets).values(rows.slice(0, 1));
    await tx.insert(worksheets).values(rows.slice(1));
    for (let i = 0; i < plan.answers.length; i += 250) await tx.insert(answers).values(plan.answers.slice(i, i + 250));
    await tx.insert(worksheetEvents).values(plan.events);
    for (const w of plan.worksheets) {
      const own = plan.answers.filter((r) => r.worksheetId === w.id);
      await appendAudit(tx, SYSTEM_ACTOR, {
        action: 'lke.demo.seeded', entityType: 'assessment_worksheet', entityId: w.id, unitId: w.unitId,
        data: {
          year: w.year, state: w.state, ruleset: w.rulesetId, clonedFrom: w.clonedFrom ?? null,
          answers: { unit: own.filter((r) => r.layer === 'unit').length, tpi: own.filter((r) => r.layer === 'tpi').length, tpn: own.filter((r) => r.layer === 'tpn').length },
          events: plan.events.filter((e) => e.worksheetId === w.id).length,
        },
      }, now);
    }
    return true;
  });
  if (!seeded) return false;

  // evidence: one short transaction per upload/link inside the evidence module
  const dpm = unitIds.get('DPMPTSPKUKM')!;
  const [w25, w26] = [plan.worksheets[0]!.id, plan.worksheets[1]!.id];
  const areaOf = (code: string) => indexOf(rs).items.get(code)?.area ?? 0;
  const who = (code: string) => actorOf(acc, AREA_OWNER[areaOf(code)]!);
  // evidence is gathered between a worksheet's creation and its (first) submission, or today
  const windowOf = (w: (typeof plan.worksheets)[number]): [Date, Date] => {
    const start = w.createdAt ?? now;
    const firstSubmit = plan.events.filter((e) => e.worksheetId === w.id && e.toState === 'submitted').map((e) => e.at!).sort((a, b) => a.getTime() - b.getTime())[0];
    return [start, firstSubmit ?? new Date(Math.min(now.getTime() - 86_400_000, start.getTime() + 200 * 86_400_000))];
  };
  const [from25, to25] = windowOf(plan.worksheets[0]!);
  const X = (d: DemoDoc) => storyDoc(d, story.text);
  await attachDocs(db, files, dpm, w25, DOCS_LAST_YEAR.map(X), who, [from25, to25]);
  await attachUrls(db, dpm, w25, URLS_DPM.map((u) => storyUrl(u, story.text)), who, [from25, to25]);
  // this year starts from last year's evidence (the same files), minus what is pending or not yet renewed
  const keep = new Set(plan.answers.filter((r) => r.worksheetId === w26 && r.layer === 'unit' && r.answer).map((r) => r.itemCode));
  for (const code of NO_EVIDENCE_YET_THIS_YEAR) keep.delete(code);
  const [from26, to26] = windowOf(plan.worksheets[1]!);
  await copyEvidenceLinks(db, actorOf(acc, 'ketua.zi'), { unitId: dpm, subjectType: SUBJECT, fromSubjectId: w25, toSubjectId: w26, keyMap: (k) => (keep.has(k) ? k : null), at: from26 });
  await attachDocs(db, files, dpm, w26, DOCS_THIS_YEAR.map(X), who, [new Date(from26.getTime() + 14 * 86_400_000), to26]);
  for (const w of plan.worksheets.slice(2)) {
    const code = unitRows.find((u) => u.id === w.unitId)!.code;
    await attachUrls(db, w.unitId, w.id, (OTHER_URLS[code] ?? []).map((u) => storyUrl(u, story.text)), () => SYSTEM_ACTOR, windowOf(w));
  }
  return true;
}

/** Every positive answer of last year's unit layer has a document or a link (checked before writing). */
function checkEvidenceCoverage(rs: RuleSet, plan: Plan) {
  const w25 = plan.worksheets[0]!.id;
  const unit: Answers = {};
  for (const r of plan.answers) if (r.worksheetId === w25 && r.layer === 'unit' && r.answer) unit[r.itemCode] = r.answer;
  const score = scoreAnswers(rs, unit);
  const covered = new Set([...DOCS_LAST_YEAR.flatMap((d) => d.items), ...URLS_DPM.flatMap((u) => u.items)]);
  const missing = rs.items.filter((it) => (score.items[it.code]?.value ?? 0) > 0 && !covered.has(it.code)).map((it) => it.code);
  if (missing.length) throw new Error(`assessment demo: no evidence planned for ${missing.join(', ')}`);
  const known = indexOf(rs).items;
  const unknown = [...covered, ...DOCS_THIS_YEAR.flatMap((d) => d.items)].filter((c) => !known.has(c));
  if (unknown.length) throw new Error(`assessment demo: unknown items ${unknown.join(', ')}`);
}
