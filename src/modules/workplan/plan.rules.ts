// Pure rules of the Rencana Kerja: input checks (months, areas, titles) and the decree document
// model built from a plan. No database, no request; every message is an i18n key.
import { formatDate } from '../../kernel/i18n.ts';
import { currentMonth, currentYear } from '../../kernel/workdays.ts';
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
  /** the Mengingat as written (a historical text); ignored when `legalBasis` is given */
  mengingat?: string[];
  /** the Mengingat as ids of legal-basis.json ('team-decree': the Tim Kerja ZI decree in force), resolved for the decree's date */
  legalBasis?: string[];
  menetapkan?: string;
  diktum?: string[];
  bab?: { title: string; sections: { heading: string; paragraphs: string[]; areas?: boolean }[] }[];
}

// ---- legal basis (Mengingat) ---------------------------------------------------------------------

export interface LegalRule { id: string; text: string; from: string | null; until: string | null; replacedBy: string[]; source: { tag: string; ref: string } }
export interface LegalBasisData { rules: LegalRule[]; teamDecree: { text: string; source: { tag: string; ref: string } } }
/** The id a template uses for "the Tim Kerja ZI decree in force". */
export const TEAM_DECREE = 'team-decree';

/**
 * The rules that ids cite on a day (YYYY-MM-DD): a rule in force is itself; one whose `until` has
 * passed is replaced by what replaced it (followed on, so a chain of amendments ends at the text in
 * force); one not yet in force (`from` after the day) is left out. Each rule once, in first-cited
 * order; TEAM_DECREE stays in its place. An unknown id throws (a template bug).
 */
export function resolveLegalBasis(data: LegalBasisData, ids: readonly string[], day: string): (LegalRule | typeof TEAM_DECREE)[] {
  const byId = new Map(data.rules.map((r) => [r.id, r]));
  const out: (LegalRule | typeof TEAM_DECREE)[] = [];
  const seen = new Set<string>();
  const visit = (id: string, depth: number) => {
    if (id === TEAM_DECREE) { if (!seen.has(id)) { seen.add(id); out.push(TEAM_DECREE); } return; }
    const r = byId.get(id);
    if (!r) throw new Error(`legal basis: unknown rule ${id}`);
    if (depth > data.rules.length) throw new Error(`legal basis: replacement cycle at ${id}`);
    if (r.until !== null && day > r.until) { for (const next of r.replacedBy) visit(next, depth + 1); return; }
    if (r.from !== null && day < r.from) return;
    if (!seen.has(r.id)) { seen.add(r.id); out.push(r); }
  };
  for (const id of ids) visit(id, 0);
  return out;
}

/** The Mengingat line of the Tim Kerja ZI decree; dots for a number or date not on record. */
export function teamDecreeLine(pattern: string, p: { unit: string; regency: string; decree: { number: string; date: string } | null }): string {
  const values: Record<string, string> = {
    unit: p.unit, regency: p.regency, number: p.decree?.number.trim() || DOTS, date: p.decree ? formatDate(p.decree.date, 'id') : DOTS,
  };
  return pattern.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

/** The Tim Kerja ZI decree in force on a day: the latest dated on or before it, of the plan's year or earlier. */
export function teamDecreeInForce<T extends { year: number; decreeNumber: string | null; decreeDate: string | null }>(teams: T[], year: number, day: string): T | null {
  const dated = teams.filter((t) => t.year <= year && !!t.decreeNumber?.trim() && !!t.decreeDate && t.decreeDate <= day);
  dated.sort((a, b) => (a.decreeDate! < b.decreeDate! ? 1 : a.decreeDate! > b.decreeDate! ? -1 : b.year - a.year));
  return dated[0] ?? null;
}

// ---- indicators ---------------------------------------------------------------------------------

/**
 * An indicator as written in a template ("Heading: a. first; b. second; c. third.") as a heading
 * with its lettered points, so the decree prints them as a list. The points must run a., b., c., …
 * in order; anything else stays one text with no points.
 */
export function splitIndicator(raw: string): { text: string; items: string[] } {
  const s = raw.trim();
  const start = /:\s*a\.\s+/.exec(s);
  if (!start) return { text: s, items: [] };
  const head = s.slice(0, start.index).trim();
  let rest = s.slice(start.index + start[0].length);
  const items: string[] = [];
  for (let i = 1; ; i++) {
    const marker = new RegExp(`;\\s*${String.fromCharCode(97 + i)}\\.\\s+`);
    const m = marker.exec(rest);
    if (!m) { items.push(rest.trim()); break; }
    items.push(rest.slice(0, m.index).trim());
    rest = rest.slice(m.index + m[0].length);
  }
  if (items.length < 2 || items.some((x) => x === '')) return { text: s, items: [] };
  return { text: `${head}:`, items: items.map((x, i) => (i < items.length - 1 ? `${x.replace(/[;.]$/, '')};` : x)) };
}

export interface DecreeSource {
  regency: string; // "Kabupaten Bangka"
  unit: Letterhead;
  /** the path of the letterhead logo given to the PDF renderer, or null (no logo on record) */
  logo?: string | null;
  /** the logo's bytes, handed to the renderer beside the model (not part of the JSON) */
  logoImage?: LogoImage | null;
  /** the legal basis data and the Tim Kerja ZI decree in force, for a plan whose content cites ids */
  legal?: LegalBasisData;
  teamDecree?: { number: string; date: string } | null;
  /** the day the legal basis is resolved for when the decree has no date yet (today in the regency) */
  today?: string;
  year: number;
  title: string;
  number: string | null;
  date: string | null; // YYYY-MM-DD
  place: string | null;
  signer: { name: string; nip: string; position: string } | null;
  content: PlanContent;
  areas: { area: number; purpose: string | null; targets: string[]; indicators: string[] }[];
  activities: { area: number; seq: number; title: string; months: number[]; pic: string | null; outputs: string | null; added?: boolean }[];
  areaNames: Record<number, string>;
}

export interface Letterhead { name: string; address: string | null; phone: string | null; email: string | null; fax?: string | null; website?: string | null; sms?: string | null }
export interface LogoImage { path: string; bytes: Uint8Array }
export interface Kop { government: string; unit: string; address: string; contacts: string; logo: string | null }

export interface DecreeModel {
  kop: Kop;
  heading: string; // KEPUTUSAN KEPALA …
  number: string;
  about: string;
  menimbang: { label: string; text: string }[];
  mengingat: { label: string; text: string }[];
  /** where each Mengingat line comes from (legal-basis.json ids and source tags); empty for a historical text */
  mengingatSources: { id: string; tag: string; ref: string }[];
  menetapkan: string;
  diktum: { label: string; text: string }[];
  place: string;
  date: string;
  signer: { position: string; name: string; nip: string };
  lampiran: { title: string; bab: { label: string; title: string; sections: { heading: string; paragraphs: string[]; areas?: { label: string; name: string; purpose: string; targets: string[]; indicators: { text: string; items: string[] }[] }[] }[] }[] };
  /** one group per area with activities; `no` is the area's own number (1–6), as on every page */
  matrix: { no: string; area: string; rows: { no: string; title: string; pic: string; marks: string[]; added: boolean }[] }[];
  /** what the matrix's marks mean (and the "added" mark when a row carries it) */
  legend: string[];
  logoImage?: LogoImage | null;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
const DOTS = '…………';

/**
 * The letterhead (kop surat) of a unit's documents: government, unit, the address line (address,
 * telephone, fax) and the contact line (e-mail, website, SMS) as in the unit's own letterheads, and
 * the logo's path for the renderer (the unit's, else the regency's; null = none).
 */
export function kopOf(regency: string, unit: Letterhead, logo: string | null = null): Kop {
  const address = [unit.address, unit.phone ? `Telp. ${unit.phone}` : null, unit.fax ? `Faks. ${unit.fax}` : null].filter(Boolean).join(' · ');
  const contacts = [unit.email ? `E-Mail: ${unit.email}` : null, unit.website ? `Website: ${unit.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}` : null, unit.sms ? `SMS: ${unit.sms}` : null].filter(Boolean).join(' · ');
  return { government: `PEMERINTAH ${regency.toUpperCase()}`, unit: unit.name.toUpperCase(), address, contacts, logo };
}

/** The matrix legend of the decree (Indonesian, as the decree). */
export const MATRIX_LEGEND = { month: 'X = bulan pelaksanaan kegiatan; kolom 1–12 = Januari–Desember', added: '* = kegiatan tambahan pada templat Integritas (tidak terdapat dalam dokumen sumber); periksa dan sesuaikan' };

/** The decree with its lampiran, every text final (dates in Indonesian, NIP spaced). */
export function buildDecreeModel(src: DecreeSource): DecreeModel {
  const unitUpper = `${src.unit.name} ${src.regency}`.toUpperCase();
  const about = `${src.title} di Lingkungan ${src.unit.name} ${src.regency} Tahun ${src.year}`.toUpperCase();
  const c = src.content;
  const sortedActs = [...src.activities].sort((a, b) => a.area - b.area || a.seq - b.seq);
  const matrix = AREAS.map((area) => ({
    no: `${area}.`,
    area: (src.areaNames[area] ?? '').toUpperCase(),
    rows: sortedActs.filter((a) => a.area === area).map((a, i) => ({
      no: `${i + 1})`, title: a.added ? `${a.title} *` : a.title, pic: a.pic ?? '', added: !!a.added,
      marks: MONTHS.map((m) => (a.months.includes(m) ? 'X' : '')),
    })),
  })).filter((g) => g.rows.length > 0);
  const legend = [MATRIX_LEGEND.month, ...(matrix.some((g) => g.rows.some((r) => r.added)) ? [MATRIX_LEGEND.added] : [])];
  // the Mengingat: ids resolved for the decree's date (or today while undated), else the text as written
  const basisDay = src.date ?? src.today ?? '9999-12-31';
  const cited = c.legalBasis && src.legal ? resolveLegalBasis(src.legal, c.legalBasis, basisDay) : null;
  const mengingat = cited
    ? cited.map((r) => (r === TEAM_DECREE ? teamDecreeLine(src.legal!.teamDecree.text, { unit: src.unit.name, regency: src.regency, decree: src.teamDecree ?? null }) : r.text))
    : c.mengingat ?? [];
  const mengingatSources = cited
    ? cited.map((r) => (r === TEAM_DECREE ? { id: TEAM_DECREE, ...src.legal!.teamDecree.source } : { id: r.id, ...r.source }))
    : [];
  return {
    kop: kopOf(src.regency, src.unit, src.logo ?? null),
    heading: `KEPUTUSAN KEPALA ${unitUpper}`,
    number: src.number?.trim() || DOTS,
    about,
    menimbang: (c.menimbang ?? []).map((text, i) => ({ label: letter(i), text })),
    mengingat: mengingat.map((text, i) => ({ label: `${i + 1}.`, text })),
    mengingatSources,
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
            label: `${a.area}.`, name: src.areaNames[a.area] ?? '', purpose: a.purpose ?? '', targets: a.targets, indicators: a.indicators.map(splitIndicator),
          })) : undefined,
        })),
      })),
    },
    matrix,
    legend,
    logoImage: src.logoImage ?? null,
  };
}

// ---- monev ---------------------------------------------------------------------------------------

/** The state a scheduled month shows in the matrix: done wins; else overdue once the month has ended; else scheduled. */
export function markState(done: boolean, overdue: boolean): 'scheduled' | 'done' | 'overdue' {
  return done ? 'done' : overdue ? 'overdue' : 'scheduled';
}

/** Whether a month of a year has begun on a day (YYYY-MM-DD, today in the regency): monev is for begun months only. */
export function monthBegun(year: number, month: number, today: string): boolean {
  return `${year}-${String(month).padStart(2, '0')}` <= today.slice(0, 7);
}

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
  const y = currentYear(today);
  const ended = (m: number) => year < y || (year === y && m < currentMonth(today));
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
