// The questionnaires (instruments) as versioned data: ./instruments/*.json, one file per instrument,
// named after its id, loaded and validated once at import (like the LKE rule sets). A yearly SPAK or
// SPKP wording is added by dropping a new file (e.g. spak-2027.json); no code changes. A file that
// fails the schema or a consistency check stops the import with an Error naming the file and every
// problem found.
//
// Every instrument: items in order (the order of `surveys_responses.answers`), each with its code,
// aspect, name, question and one answer label per scale point (id/en); the scale (integers min–max);
// how the index is aggregated (`item-mean`: mean of item NRR; `aspect-mean`: mean over aspects of the
// mean item NRR); for SPAK/SPKP the linear conversion to the LKE's 0–4 index; for SKM the quality
// bands of PermenPANRB 14/2017; respondent-profile fields with their code lists; source tags
// (V verified, S secondary, U unverified).
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';

const Text = z.string().trim().min(1);
const TextPair = z.strictObject({ id: Text, en: Text });
const Source = z.strictObject({ tag: z.enum(['V', 'S', 'U']), ref: Text });
const Code = z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'item codes are a capital letter and letters/digits');
const Kind = z.enum(['skm', 'spak', 'spkp']);
const Range = z.strictObject({ min: z.number().finite(), max: z.number().finite() });

const Band = z.strictObject({ mutu: z.enum(['A', 'B', 'C', 'D']), nikMin: z.number().min(0).max(100), niMin: z.number().min(1).max(4), kinerja: TextPair });
const SkmRulesS = z.strictObject({
  basis: z.literal('nik'),
  rounding: z.strictObject({ nikDecimals: z.number().int().min(0).max(6), ikmDecimals: z.number().int().min(0).max(8) }),
  weight: z.strictObject({ exact: z.literal('1/items'), rounded: z.number().positive() }),
  bands: z.array(Band).length(4),
  source: Source,
});

const InstrumentS = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'instrument ids are lower-case words joined by "-"'),
  kind: Kind,
  title: TextPair,
  regulation: Text,
  year: z.number().int().min(2000).max(2100).nullable(),
  wordingFixed: z.boolean(),
  scale: z.strictObject({ min: z.number().int(), max: z.number().int() }),
  aggregation: z.enum(['item-mean', 'aspect-mean']),
  conversion: z.strictObject({ kind: z.literal('linear'), from: Range, to: Range, source: Source }).nullable(),
  skm: SkmRulesS.nullable(),
  items: z.array(z.strictObject({ code: Code, aspect: Code, name: TextPair, question: TextPair, options: z.array(TextPair) })).min(1),
  aspects: z.array(z.strictObject({ code: Code, name: TextPair })).min(1),
  profile: z.array(z.strictObject({
    field: z.enum(['sex', 'age', 'education', 'occupation']),
    label: TextPair,
    options: z.array(z.strictObject({ code: z.string().regex(/^[a-z0-9_]+$/), label: TextPair })).min(2),
  })),
  notes: z.array(TextPair),
  sources: z.array(Source).min(1),
});

export type Instrument = z.infer<typeof InstrumentS>;
export type InstrumentKind = z.infer<typeof Kind>;
export type InstrumentItem = Instrument['items'][number];
export type SkmRules = NonNullable<Instrument['skm']>;
export type SkmBand = SkmRules['bands'][number];
export type ProfileField = Instrument['profile'][number]['field'];
export const INSTRUMENT_KINDS: readonly InstrumentKind[] = ['skm', 'spak', 'spkp'];

/** Consistency problems of a parsed instrument (empty when fine). */
export function instrumentProblems(ins: Instrument): string[] {
  const p: string[] = [];
  const points = ins.scale.max - ins.scale.min + 1;
  if (points < 2) p.push(`scale ${ins.scale.min}–${ins.scale.max} has fewer than two points`);
  const seen = new Set<string>();
  const aspects = new Set(ins.aspects.map((a) => a.code));
  if (aspects.size !== ins.aspects.length) p.push('duplicate aspect codes');
  for (const it of ins.items) {
    if (seen.has(it.code)) p.push(`duplicate item code ${it.code}`);
    seen.add(it.code);
    if (!aspects.has(it.aspect)) p.push(`item ${it.code}: unknown aspect ${it.aspect}`);
    if (it.options.length !== points) p.push(`item ${it.code}: ${it.options.length} answer labels for a ${points}-point scale`);
  }
  for (const a of aspects) if (!ins.items.some((i) => i.aspect === a)) p.push(`aspect ${a} has no item`);
  const fields = new Set<string>();
  for (const f of ins.profile) {
    if (fields.has(f.field)) p.push(`duplicate profile field ${f.field}`);
    fields.add(f.field);
    if (new Set(f.options.map((o) => o.code)).size !== f.options.length) p.push(`profile ${f.field}: duplicate codes`);
  }
  if (ins.kind === 'skm') {
    if (!ins.skm) p.push('an SKM instrument needs its quality bands ("skm")');
    if (ins.conversion) p.push('an SKM instrument is not converted to 0–4');
    if (ins.aggregation !== 'item-mean') p.push('SKM aggregates as item-mean (IKM = mean of the NRR)');
  } else {
    if (ins.skm) p.push(`a ${ins.kind} instrument has no SKM bands`);
    if (!ins.conversion) p.push(`a ${ins.kind} instrument needs its conversion to the 0–4 index`);
  }
  if (ins.skm) {
    const b = ins.skm.bands;
    for (let i = 1; i < b.length; i++) if (!(b[i - 1].nikMin > b[i].nikMin && b[i - 1].niMin > b[i].niMin)) p.push('SKM bands must be ordered from the highest down');
    if (b[b.length - 1].nikMin !== 25) p.push('the lowest SKM band starts at NIK 25');
    if (b.map((x) => x.mutu).join('') !== 'ABCD') p.push('SKM bands are A, B, C, D in that order');
  }
  if (ins.conversion) {
    const c = ins.conversion;
    if (c.from.min !== ins.scale.min || c.from.max !== ins.scale.max) p.push('the conversion starts from the answer scale');
    if (!(c.to.max > c.to.min)) p.push('the conversion target range is empty');
  }
  return p;
}

function load(): Map<string, Instrument> {
  const dir = new URL('./instruments/', import.meta.url);
  const out = new Map<string, Instrument>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const raw: unknown = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
    const parsed = InstrumentS.safeParse(raw);
    if (!parsed.success) {
      throw new Error(`instrument ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    const problems = instrumentProblems(parsed.data);
    if (parsed.data.id + '.json' !== file) problems.push(`file name must be ${parsed.data.id}.json`);
    if (problems.length) throw new Error(`instrument ${file}: ${problems.join('; ')}`);
    out.set(parsed.data.id, parsed.data);
  }
  return out;
}

const instruments = load();

/** Parses and checks an instrument given as data (tests, future uploads); throws on any problem. */
export function parseInstrument(raw: unknown): Instrument {
  const ins = InstrumentS.parse(raw);
  const problems = instrumentProblems(ins);
  if (problems.length) throw new Error(`instrument ${ins.id}: ${problems.join('; ')}`);
  return ins;
}

export function findInstrument(id: string): Instrument | undefined {
  return instruments.get(id);
}

/** The instrument with this id; throws an Error with code 'surveys.instrument.unknown' when there is none. */
export function getInstrument(id: string): Instrument {
  const ins = instruments.get(id);
  if (!ins) throw Object.assign(new Error(`surveys.instrument.unknown: no survey instrument "${id}"`), { code: 'surveys.instrument.unknown', id });
  return ins;
}

/** Every instrument (of a kind): newest year first, undated (fixed-wording) ones last. */
export function listInstruments(kind?: InstrumentKind): Instrument[] {
  return [...instruments.values()]
    .filter((i) => !kind || i.kind === kind)
    .sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || a.id.localeCompare(b.id));
}

/** The instrument a new period of a kind and year uses: the latest one dated in or before the year, else an undated one. */
export function instrumentFor(kind: InstrumentKind, year: number): Instrument {
  const list = listInstruments(kind);
  const found = list.find((i) => i.year !== null && i.year <= year) ?? list.find((i) => i.year === null) ?? list[list.length - 1];
  if (!found) throw Object.assign(new Error(`surveys.instrument.none: no ${kind} instrument`), { code: 'surveys.instrument.none' });
  return found;
}
