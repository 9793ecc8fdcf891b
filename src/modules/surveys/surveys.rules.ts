// The survey rules, pure (no database, no clock): SKM under PermenPANRB 14/2017 (NRR per unsur, IKM
// with the exact weight 1/9, NIK, mutu A–D and kinerja by the bands in the instrument data), the
// perception indexes IPAK/IPKP on 0–4 through the instrument's conversion, the 30-respondent
// minimum, validation of one response row, and the Krejcie–Morgan sample size (table data wins
// over the formula). Numbers and their sources are data (instruments/*.json, rules/*.json).
//
// STABLE CONTRACT (used by the public forms, the CLI, the public results page and the bench; keep the
// names and signatures):
//   validateResponse(instrument | id, answers: unknown[], profile?: Record<string, unknown>)
//     → { ok: true, answers: number[], profile: Record<string, string> }     (answers in item order)
//     | { ok: false, errors: Record<field, i18nKey> }   field = item code ('U1'…), profile field, or '_answers'
//   computeSkm(rows: number[][], opts?) → SkmResult      skmFromNrr(nrr, respondents, opts?) → SkmResult
//   perceptionIndex(instrument | id, rows: number[][]) → PerceptionResult
//   krejcieMorgan(N) → required sample; skmBand(nik) → band; meetsMinimum(n) → boolean
// The receipt-code hash is hashCode in surveys.codes.ts.
import { readFileSync } from 'node:fs';
import { getInstrument, type Instrument, type SkmBand, type SkmRules } from './instruments.ts';

export type { Instrument } from './instruments.ts';
export type TextPair = { id: string; en: string };
type Src = { tag: 'V' | 'S' | 'U'; ref: string };

const readData = <T>(name: string): T => JSON.parse(readFileSync(new URL(`./rules/${name}`, import.meta.url), 'utf8')) as T;

export interface KrejcieMorganData {
  id: string; chiSquare: number; p: number; margin: number; formula: string;
  table: { N: number; n: number }[]; aboveTable: number; rule: TextPair; source: Src;
}
export interface PerceptionData {
  minRespondents: { value: number; source: Src };
  indexMax: number;
  thresholdsFallback: { ipak: { WBK: number; WBBM: number }; ipkp: { WBK: number; WBBM: number }; source: Src };
  lkeItems: { ipak: string; ipkp: string };
}
export const KREJCIE_MORGAN: KrejcieMorganData = readData('krejcie-morgan.json');
export const PERCEPTION: PerceptionData = readData('perception.json');
export const SKM_INSTRUMENT_ID = 'skm-permenpanrb-14-2017';

const asInstrument = (i: Instrument | string): Instrument => (typeof i === 'string' ? getInstrument(i) : i);

/** Rounds half away from zero at `decimals`, immune to binary noise (76.605 → 76.61, not 76.6). */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(Number((x * f).toPrecision(12))) / f;
}

// ---- response rows ---------------------------------------------------------------------------

export type ValidationResult =
  | { ok: true; answers: number[]; profile: Record<string, string> }
  | { ok: false; errors: Record<string, string> };

/** One answer as an integer on the scale, or the i18n key of what is wrong with it. */
export function parseAnswerValue(v: unknown, scale: { min: number; max: number }): number | string {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return 'surveys.answer.missing';
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(v)) n = Number(v);
  else return 'surveys.answer.not_integer';
  if (!Number.isInteger(n)) return 'surveys.answer.not_integer';
  if (n < scale.min || n > scale.max) return 'surveys.answer.out_of_scale';
  return n;
}

/**
 * Checks one respondent's answers (in instrument item order) and optional profile. Answers: exactly
 * one per item, each an integer on the scale (numbers or digit strings). Profile: fields of the
 * instrument's profile, each a code of its list or one of its labels (id/en, any case) — stored as
 * the code; empty values are dropped. All or nothing: the cleaned row, or every error by field.
 */
export function validateResponse(instrument: Instrument | string, answers: readonly unknown[], profile: Record<string, unknown> = {}): ValidationResult {
  const ins = asInstrument(instrument);
  const errors: Record<string, string> = {};
  const out: number[] = [];
  if (!Array.isArray(answers) || answers.length !== ins.items.length) {
    errors._answers = 'surveys.answer.count';
  } else {
    ins.items.forEach((item, i) => {
      const v = parseAnswerValue(answers[i], ins.scale);
      if (typeof v === 'string') errors[item.code] = v;
      else out.push(v);
    });
  }
  const cleanProfile: Record<string, string> = {};
  for (const [field, raw] of Object.entries(profile ?? {})) {
    if (raw === undefined || raw === null || String(raw).trim() === '') continue;
    const def = ins.profile.find((f) => f.field === field);
    if (!def) { errors[field] = 'surveys.profile.field_unknown'; continue; }
    const s = String(raw).trim().toLowerCase();
    const opt = def.options.find((o) => o.code === s || o.label.id.toLowerCase() === s || o.label.en.toLowerCase() === s);
    if (!opt) errors[field] = 'surveys.profile.invalid';
    else cleanProfile[field] = opt.code;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers: out, profile: cleanProfile };
}

// ---- per-item means ----------------------------------------------------------------------------

/** NRR per item: Σ valid answers / number of valid answers (values off the scale are not answers). */
export function itemMeans(ins: Instrument, rows: readonly (readonly number[])[]): { nrr: Record<string, number | null>; counts: Record<string, number> } {
  const sums = new Array<number>(ins.items.length).fill(0);
  const counts = new Array<number>(ins.items.length).fill(0);
  for (const row of rows) {
    for (let i = 0; i < ins.items.length; i++) {
      const v = row[i];
      if (Number.isInteger(v) && v >= ins.scale.min && v <= ins.scale.max) { sums[i] += v; counts[i]++; }
    }
  }
  const nrr: Record<string, number | null> = {};
  const c: Record<string, number> = {};
  ins.items.forEach((it, i) => { nrr[it.code] = counts[i] ? sums[i] / counts[i] : null; c[it.code] = counts[i]; });
  return { nrr, counts: c };
}

// ---- SKM ---------------------------------------------------------------------------------------

export type Mutu = 'A' | 'B' | 'C' | 'D';
export interface SkmOptions {
  /** 'exact' (default): weight 1/items; 'rounded': the regulation's printed 0.11 (shown as a variant) */
  weight?: 'exact' | 'rounded';
  instrument?: Instrument | string;
}
export interface SkmUnsur { code: string; name: TextPair; nrr: number | null; nik: number | null; mutu: Mutu | null }
export interface SkmResult {
  instrument: string;
  respondents: number;
  weight: { kind: 'exact' | 'rounded'; value: number };
  /** NRR per unsur code (1–4), null for an unsur without valid answers */
  nrr: Record<string, number | null>;
  unsur: SkmUnsur[];
  /** IKM on the 1–4 scale, unrounded (Σ NRR × weight); null without responses */
  ikm: number | null;
  /** NIK = IKM × 25 rounded to 2 decimals (the value banded) */
  nik: number | null;
  mutu: Mutu | null;
  kinerja: TextPair | null;
  /** the unsur with the lowest NRR (ties all listed), first priority of the follow-up */
  lowest: { code: string; nrr: number }[];
}

/** The band of a NIK (rounded to the rules' decimals first, then compared with ≥ the lower bound). */
export function skmBand(nik: number, rules: SkmRules = getInstrument(SKM_INSTRUMENT_ID).skm!): SkmBand {
  const r = roundTo(nik, rules.rounding.nikDecimals);
  return rules.bands.find((b) => r >= b.nikMin) ?? rules.bands[rules.bands.length - 1];
}

/** SKM figures from per-unsur NRR (e.g. aggregated in SQL, or the spec's worked example). */
export function skmFromNrr(nrrIn: Record<string, number | null>, respondents: number, opts: SkmOptions = {}): SkmResult {
  const ins = asInstrument(opts.instrument ?? SKM_INSTRUMENT_ID);
  const rules = ins.skm;
  if (!rules) throw new Error(`instrument ${ins.id} is not an SKM instrument`);
  const kind = opts.weight ?? 'exact';
  const w = kind === 'exact' ? 1 / ins.items.length : rules.weight.rounded;
  const nrr: Record<string, number | null> = {};
  const unsur: SkmUnsur[] = ins.items.map((it) => {
    const v = nrrIn[it.code];
    const x = typeof v === 'number' && Number.isFinite(v) ? v : null;
    nrr[it.code] = x;
    if (x === null) return { code: it.code, name: it.name, nrr: null, nik: null, mutu: null };
    const nik = roundTo(x * 25, rules.rounding.nikDecimals);
    return { code: it.code, name: it.name, nrr: x, nik, mutu: skmBand(nik, rules).mutu };
  });
  const complete = respondents > 0 && unsur.every((u) => u.nrr !== null);
  const ikm = complete ? unsur.reduce((s, u) => s + u.nrr! * w, 0) : null;
  const nik = ikm === null ? null : roundTo(ikm * 25, rules.rounding.nikDecimals);
  const band = nik === null ? null : skmBand(nik, rules);
  const known = unsur.filter((u) => u.nrr !== null);
  const min = known.length ? Math.min(...known.map((u) => u.nrr!)) : null;
  const lowest = min === null ? [] : known.filter((u) => Math.abs(u.nrr! - min) < 1e-9).map((u) => ({ code: u.code, nrr: u.nrr! }));
  return { instrument: ins.id, respondents, weight: { kind, value: w }, nrr, unsur, ikm, nik, mutu: band?.mutu ?? null, kinerja: band?.kinerja ?? null, lowest };
}

/** SKM from raw rows (answers in unsur order, 1–4). */
export function computeSkm(rows: readonly (readonly number[])[], opts: SkmOptions = {}): SkmResult {
  const ins = asInstrument(opts.instrument ?? SKM_INSTRUMENT_ID);
  return skmFromNrr(itemMeans(ins, rows).nrr, rows.length, { ...opts, instrument: ins });
}

/** The lowest `max` unsur by NRR (ascending), the pre-filled follow-up suggestion. */
export function weakestItems(nrr: Record<string, number | null>, max = 3): { code: string; nrr: number }[] {
  return Object.entries(nrr)
    .filter((e): e is [string, number] => typeof e[1] === 'number')
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0], 'en', { numeric: true }))
    .slice(0, max)
    .map(([code, v]) => ({ code, nrr: v }));
}

// ---- perception indexes (SPAK → IPAK, SPKP → IPKP) -------------------------------------------------

export interface PerceptionResult {
  instrument: string;
  kind: Instrument['kind'];
  respondents: number;
  items: { code: string; nrr: number | null }[];
  aspects: { code: string; name: TextPair; value: number | null }[];
  /** the aggregated mean on the answer scale */
  mean: number | null;
  /** the index on the LKE's 0–4 scale, unrounded */
  index: number | null;
  minRespondents: number;
  meetsMinimum: boolean;
}

/** The instrument's linear conversion of a value on its answer scale (to 0–4). */
export function convertToIndex(ins: Instrument, x: number): number {
  const c = ins.conversion;
  if (!c) return x;
  const t = (x - c.from.min) / (c.from.max - c.from.min);
  return c.to.min + Math.min(Math.max(t, 0), 1) * (c.to.max - c.to.min);
}

export const meetsMinimum = (respondents: number) => respondents >= PERCEPTION.minRespondents.value;

/** Perception index from per-item NRR (SQL aggregation) and the respondent count. */
export function perceptionFromNrr(instrument: Instrument | string, nrr: Record<string, number | null>, respondents: number): PerceptionResult {
  const ins = asInstrument(instrument);
  const items = ins.items.map((i) => ({ code: i.code, nrr: typeof nrr[i.code] === 'number' ? nrr[i.code] as number : null }));
  const aspects = ins.aspects.map((a) => {
    const vs = items.filter((_, k) => ins.items[k].aspect === a.code).map((x) => x.nrr);
    const ok = vs.every((v) => v !== null) && vs.length > 0;
    return { code: a.code, name: a.name, value: ok ? (vs as number[]).reduce((s, v) => s + v, 0) / vs.length : null };
  });
  const parts = ins.aggregation === 'aspect-mean' ? aspects.map((a) => a.value) : items.map((i) => i.nrr);
  const complete = respondents > 0 && parts.every((v) => v !== null);
  const mean = complete ? (parts as number[]).reduce((s, v) => s + v, 0) / parts.length : null;
  return {
    instrument: ins.id, kind: ins.kind, respondents, items, aspects, mean,
    index: mean === null ? null : convertToIndex(ins, mean),
    minRespondents: PERCEPTION.minRespondents.value,
    meetsMinimum: meetsMinimum(respondents),
  };
}

/** Perception index (0–4) of SPAK/SPKP from raw rows via the instrument's conversion. */
export function perceptionIndex(instrument: Instrument | string, rows: readonly (readonly number[])[]): PerceptionResult {
  const ins = asInstrument(instrument);
  return perceptionFromNrr(ins, itemMeans(ins, rows).nrr, rows.length);
}

// ---- sample size -------------------------------------------------------------------------------

/** Krejcie & Morgan (1970) by the formula, rounded to the nearest integer. */
export function krejcieMorganFormula(population: number, d: KrejcieMorganData = KREJCIE_MORGAN): number {
  if (!Number.isFinite(population) || population <= 0) return 0;
  const pq = d.p * (1 - d.p);
  return Math.round((d.chiSquare * population * pq) / (d.margin ** 2 * (population - 1) + d.chiSquare * pq));
}

/**
 * The required sample for a population: the printed table's value when N is a row of it (the table
 * wins where it differs from the formula: N = 100 000 → 384, formula 383), the formula between rows,
 * and the table's 384 above its last finite row (so the sample never falls as N grows).
 */
export function krejcieMorgan(population: number, d: KrejcieMorganData = KREJCIE_MORGAN): number {
  if (!Number.isFinite(population) || population <= 0) return 0;
  const N = Math.floor(population);
  const row = d.table.find((r) => r.N === N);
  if (row) return row.n;
  const lastRows = d.table.filter((r) => r.n === d.aboveTable);
  const firstAt = lastRows.length ? Math.min(...lastRows.map((r) => r.N)) : Infinity;
  if (N > firstAt) return d.aboveTable;
  return Math.min(krejcieMorganFormula(N, d), N);
}

// ---- periods -----------------------------------------------------------------------------------

export type PeriodType = 'quarter' | 'semester' | 'year';

/** The dates of a period: quarter n (1–4), semester n (1–2) or the year (n = 0). */
export function periodDates(year: number, type: PeriodType, n: number): { startsOn: string; endsOn: string } | null {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return null;
  const months = type === 'quarter' ? 3 : type === 'semester' ? 6 : 12;
  const count = 12 / months;
  if (type === 'year' ? n !== 0 : !(Number.isInteger(n) && n >= 1 && n <= count)) return null;
  const first = type === 'year' ? 1 : (n - 1) * months + 1;
  const last = first + months - 1;
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const pad = (x: number) => String(x).padStart(2, '0');
  return { startsOn: `${year}-${pad(first)}-01`, endsOn: `${year}-${pad(last)}-${pad(lastDay)}` };
}

/** Progress toward the required sample, 0–100 (whole %), and whether it is met. */
export function sampleProgress(achieved: number, required: number): { percent: number; met: boolean } {
  if (required <= 0) return { percent: achieved > 0 ? 100 : 0, met: required <= 0 };
  return { percent: Math.min(100, Math.floor((achieved / required) * 100)), met: achieved >= required };
}
