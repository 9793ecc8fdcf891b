// Pure rules of the Rencana Kerja: input checks (months, areas, titles) and the decree document
// model built from a plan. No database, no request; every message is an i18n key.
import { formatDate } from '../../kernel/i18n.ts';
import { formatNip } from '../org/index.ts';

export const AREAS = [1, 2, 3, 4, 5, 6] as const;
export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export const TITLE_MAX = 300;
export const TEXT_MAX = 2000;

export type Check<T> = { ok: true; value: T } | { ok: false; error: string };

/** Months of an activity: integers 1..12, unique, at least one; returned sorted. */
export function validateMonths(raw: readonly unknown[]): Check<number[]> {
  if (raw.length === 0) return { ok: false, error: 'plan.months.empty' };
  const out: number[] = [];
  for (const m of raw) {
    const s = typeof m === 'number' ? String(m) : typeof m === 'string' ? m.trim() : '';
    if (!/^\d{1,2}$/.test(s)) return { ok: false, error: 'plan.months.invalid' };
    const n = Number(s);
    if (n < 1 || n > 12) return { ok: false, error: 'plan.months.invalid' };
    if (out.includes(n)) return { ok: false, error: 'plan.months.duplicate' };
    out.push(n);
  }
  return { ok: true, value: out.sort((a, b) => a - b) };
}

export function validateArea(raw: unknown): Check<number> {
  const s = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (!/^[1-6]$/.test(s)) return { ok: false, error: 'plan.area.invalid' };
  return { ok: true, value: Number(s) };
}

export function validateTitle(raw: unknown, max = TITLE_MAX): Check<string> {
  const s = typeof raw === 'string' ? raw.trim().replace(/\s+/g, ' ') : '';
  if (s.length < 3) return { ok: false, error: 'plan.title.short' };
  if (s.length > max) return { ok: false, error: 'plan.title.long' };
  return { ok: true, value: s };
}

export function validateYear(raw: unknown): Check<number> {
  const s = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
  if (!/^\d{4}$/.test(s) || Number(s) < 2015 || Number(s) > 2100) return { ok: false, error: 'plan.year.invalid' };
  return { ok: true, value: Number(s) };
}

/** One entry per line; blank lines dropped; each line at most TEXT_MAX characters. */
export function parseLines(raw: unknown): Check<string[]> {
  const lines = (typeof raw === 'string' ? raw : '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.some((l) => l.length > TEXT_MAX)) return { ok: false, error: 'plan.text.long' };
  return { ok: true, value: lines };
}

/** LKE item codes, separated by commas, spaces or new lines; unique, in order. */
export function parseCodes(raw: unknown): string[] {
  const parts = (typeof raw === 'string' ? raw : '').split(/[\s,;]+/).map((p) => p.trim()).filter(Boolean);
  return [...new Set(parts)];
}

/** Lettered and numbered list labels of a decree: a., b., …; 1., 2., … */
export const letter = (i: number) => `${String.fromCharCode(97 + (i % 26))}.`;
const DIKTUM = ['KESATU', 'KEDUA', 'KETIGA', 'KEEMPAT', 'KELIMA', 'KEENAM', 'KETUJUH', 'KEDELAPAN', 'KESEMBILAN', 'KESEPULUH'];
export const diktumLabel = (i: number) => DIKTUM[i] ?? `KE-${i + 1}`;

export interface PlanContent {
  menimbang?: string[];
  mengingat?: string[];
  menetapkan?: string;
  diktum?: string[];
  bab?: { title: string; sections: { heading: string; paragraphs: string[]; areas?: boolean }[] }[];
}

export interface DecreeSource {
  regency: string; // "Kabupaten Bangka"
  unit: { name: string; address: string | null; phone: string | null; email: string | null };
  year: number;
  title: string;
  number: string | null;
  date: string | null; // YYYY-MM-DD
  place: string | null;
  signer: { name: string; nip: string; position: string } | null;
  content: PlanContent;
  areas: { area: number; purpose: string | null; targets: string[]; indicators: string[] }[];
  activities: { area: number; seq: number; title: string; months: number[]; pic: string | null; outputs: string | null }[];
  areaNames: Record<number, string>;
}

export interface DecreeModel {
  kop: { government: string; unit: string; address: string };
  heading: string; // KEPUTUSAN KEPALA …
  number: string;
  about: string;
  menimbang: { label: string; text: string }[];
  mengingat: { label: string; text: string }[];
  menetapkan: string;
  diktum: { label: string; text: string }[];
  place: string;
  date: string;
  signer: { position: string; name: string; nip: string };
  lampiran: { title: string; bab: { label: string; title: string; sections: { heading: string; paragraphs: string[]; areas?: { label: string; name: string; purpose: string; targets: string[]; indicators: string[] }[] }[] }[] };
  matrix: { area: string; rows: { no: string; title: string; pic: string; marks: string[] }[] }[];
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
const DOTS = '…………';

/** The letterhead (kop surat) of a unit's documents: government, unit, address line. */
export function kopOf(regency: string, unit: { name: string; address: string | null; phone: string | null; email: string | null }) {
  const address = [unit.address, unit.phone ? `Telp. ${unit.phone}` : null, unit.email ? `E-Mail: ${unit.email}` : null].filter(Boolean).join(' · ');
  return { government: `PEMERINTAH ${regency.toUpperCase()}`, unit: unit.name.toUpperCase(), address };
}

/** The decree with its lampiran, every text final (dates in Indonesian, NIP spaced). */
export function buildDecreeModel(src: DecreeSource): DecreeModel {
  const unitUpper = `${src.unit.name} ${src.regency}`.toUpperCase();
  const about = `${src.title} di Lingkungan ${src.unit.name} ${src.regency} Tahun ${src.year}`.toUpperCase();
  const c = src.content;
  const sortedActs = [...src.activities].sort((a, b) => a.area - b.area || a.seq - b.seq);
  const matrix = AREAS.map((area) => ({
    area: `${area}. ${src.areaNames[area] ?? ''}`.toUpperCase(),
    rows: sortedActs.filter((a) => a.area === area).map((a, i) => ({
      no: `${i + 1})`, title: a.title, pic: a.pic ?? '',
      marks: MONTHS.map((m) => (a.months.includes(m) ? 'X' : '')),
    })),
  })).filter((g) => g.rows.length > 0);
  return {
    kop: kopOf(src.regency, src.unit),
    heading: `KEPUTUSAN KEPALA ${unitUpper}`,
    number: src.number?.trim() || DOTS,
    about,
    menimbang: (c.menimbang ?? []).map((text, i) => ({ label: letter(i), text })),
    mengingat: (c.mengingat ?? []).map((text, i) => ({ label: `${i + 1}.`, text })),
    menetapkan: c.menetapkan ?? `KEPUTUSAN KEPALA ${unitUpper} TENTANG ${about}.`,
    diktum: (c.diktum ?? []).map((text, i) => ({ label: diktumLabel(i), text })),
    place: src.place?.trim() || DOTS,
    date: src.date ? formatDate(src.date, 'id') : DOTS,
    signer: {
      position: `KEPALA ${unitUpper}`,
      name: src.signer ? src.signer.name.toUpperCase() : DOTS,
      nip: src.signer ? `NIP. ${formatNip(src.signer.nip)}` : 'NIP.',
    },
    lampiran: {
      title: about,
      bab: (c.bab ?? []).map((b, i) => ({
        label: `BAB ${ROMAN[i] ?? i + 1}`,
        title: b.title,
        sections: b.sections.map((s) => ({
          heading: s.heading,
          paragraphs: s.paragraphs,
          areas: s.areas ? src.areas.slice().sort((x, y) => x.area - y.area).map((a) => ({
            label: letter(a.area - 1), name: src.areaNames[a.area] ?? '', purpose: a.purpose ?? '', targets: a.targets, indicators: a.indicators,
          })) : undefined,
        })),
      })),
    },
    matrix,
  };
}

// ---- monev ---------------------------------------------------------------------------------------

export const MONEV_STATUSES = ['done', 'partial', 'not_started'] as const;
export type MonevStatus = (typeof MONEV_STATUSES)[number];

export interface MonevInput { status: MonevStatus; realisation: number; notes: string | null; problems: string | null; followUp: string | null; followUpDone: boolean }

/** A monev record: a known status, realisation an integer 0..100 (done = 100), texts within limits. */
export function validateMonev(raw: Record<string, unknown>): { ok: true; value: MonevInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const status = String(raw.status ?? '');
  if (!(MONEV_STATUSES as readonly string[]).includes(status)) errors.status = 'plan.monev.status_invalid';
  const r = String(raw.realisation ?? '').trim().replace(/%$/, '');
  const realisation = r === '' ? (status === 'done' ? 100 : 0) : /^\d{1,3}$/.test(r) ? Number(r) : NaN;
  if (!(realisation >= 0 && realisation <= 100)) errors.realisation = 'plan.monev.realisation_invalid';
  const text = (k: string) => { const s = String(raw[k] ?? '').trim(); if (s.length > TEXT_MAX) errors[k] = 'plan.text.long'; return s || null; };
  const notes = text('notes'); const problems = text('problems'); const followUp = text('followUp');
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { status: status as MonevStatus, realisation: status === 'done' ? 100 : realisation, notes, problems, followUp, followUpDone: raw.followUpDone === '1' || raw.followUpDone === true } };
}

/**
 * Progress of a plan: every scheduled activity-month counts once; 'done' monev completes it.
 * A scheduled month that has ended (before `today`'s month in the plan's year, or any month of a
 * past year) without 'done' is overdue.
 */
export function planProgress(year: number, acts: { id: string; area: number; months: number[] }[], monev: { activityId: string; month: number; status: string }[], today: Date) {
  const done = new Set(monev.filter((m) => m.status === 'done').map((m) => `${m.activityId}:${m.month}`));
  const y = today.getUTCFullYear();
  const ended = (m: number) => year < y || (year === y && m < today.getUTCMonth() + 1);
  const overdue = new Set<string>();
  const perArea = AREAS.map((area) => ({ area, scheduled: 0, done: 0 }));
  for (const a of acts) {
    for (const m of a.months) {
      const key = `${a.id}:${m}`;
      const slot = perArea[a.area - 1]!;
      slot.scheduled++;
      if (done.has(key)) slot.done++;
      else if (ended(m)) overdue.add(key);
    }
  }
  const scheduled = perArea.reduce((s, a) => s + a.scheduled, 0);
  const completed = perArea.reduce((s, a) => s + a.done, 0);
  const pct = (d: number, s: number) => (s === 0 ? 0 : Math.round((d / s) * 100));
  return {
    perArea: perArea.map((a) => ({ ...a, pct: pct(a.done, a.scheduled) })),
    overall: { scheduled, done: completed, pct: pct(completed, scheduled) },
    overdue, done,
  };
}
