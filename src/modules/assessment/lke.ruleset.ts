// The LKE rule sets: versioned data in ./rulesets/*.json (one file per rule set, named after its
// id), loaded and validated once at import. A new rule set — e.g. a yearly variant of the current
// LKE — is added by dropping a JSON file in ./rulesets; no code changes. A file that fails the
// schema or a consistency check stops the import with an Error that names the file and every
// problem found.
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { AnswerType, OptionLetter, RuleItem, RuleNode, RuleSet } from './lke.types.ts';

// ---- schema (mirrors lke.types.ts) ----

const Text = z.string().trim().min(1);
const TextPair = z.strictObject({ id: Text, en: Text });
const Source = z.strictObject({ tag: z.enum(['V', 'S', 'U']), ref: Text });
const AnswerTypeS = z.enum(['yn', 'abc', 'abcd', 'abcde', 'percent', 'index']);
const Letter = z.enum(['Ya', 'Tidak', 'A', 'B', 'C', 'D', 'E']);
const Predicate = z.enum(['WBK', 'WBBM']);
const Weight = z.number().finite().nonnegative();
const Code = z.string().regex(/^[A-Z](\.[A-Za-z0-9]+)*$/, 'not a node/item code');

const Node = z.strictObject({
  code: Code,
  kind: z.enum(['component', 'aspect', 'area', 'sub']),
  title: TextPair,
  weight: Weight,
  parent: Code.nullable(),
  area: z.number().int().min(1).nullable(),
  source: Source.optional(),
  defect: TextPair.optional(),
});

const Input = z.strictObject({
  key: z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'input keys are camelCase'),
  label: TextPair,
  sumOf: z.array(z.string()).min(1).optional(),
});

const Formula = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ratio'), numerator: z.string(), denominator: z.string() }),
  z.strictObject({ kind: z.literal('decrease'), previous: z.string(), current: z.string() }),
  z.strictObject({ kind: z.literal('complaints'), toFollowUp: z.string(), inProcess: z.string(), completed: z.string() }),
]);

const Item = z.strictObject({
  code: Code,
  seq: z.number().int().min(1),
  sub: Code,
  area: z.number().int().min(1).nullable(),
  type: AnswerTypeS,
  question: TextPair,
  options: z.array(z.strictObject({ letter: Letter, text: Text, en: Text.optional() })),
  weight: Weight,
  inputs: z.array(Input).optional(),
  formula: Formula.optional(),
  whenZero: z.enum(['full', 'zero']).optional(),
  evidence: z.array(TextPair),
  defect: TextPair.optional(),
  source: Source.optional(),
});

const OPTION_MODES = {
  optionValues: ['official', 'exact'],
  areaMinimum: ['combined', 'perHalf', 'both'],
  complaintFormula: ['completed', 'completedOrInProcess'],
  zeroDenominator: ['perItem', 'full', 'zero'],
} as const;

// OptionDocs.values is typed OptionValueMode[] in lke.types.ts for every option; the data holds
// each option's own modes, so values are checked per option in consistencyProblems.
const OptionDocsS = z.strictObject({ values: z.array(z.string()).min(1), default: z.string(), why: TextPair, source: Source.optional() });

const Criterion = z.discriminatedUnion('kind', [
  z.strictObject({ id: Text, kind: z.literal('node'), node: Code, min: z.number().finite(), label: TextPair, source: Source }),
  z.strictObject({ id: Text, kind: z.literal('total'), min: z.number().finite(), label: TextPair, source: Source }),
  z.strictObject({ id: Text, kind: z.literal('areaPercent'), minPercent: z.number().min(0).max(100), label: TextPair, source: Source }),
]);

const Predicates = z.array(Predicate).min(1);
const Prereq = z.discriminatedUnion('kind', [
  z.strictObject({ id: Text, kind: z.literal('boolean'), label: TextPair, source: Source, predicates: Predicates }),
  z.strictObject({
    id: Text, kind: z.literal('grade'), scale: z.array(Text).min(2), min: z.partialRecord(Predicate, Text),
    label: TextPair, source: Source, predicates: Predicates,
  }),
  z.strictObject({
    id: Text, kind: z.literal('number'), min: z.partialRecord(Predicate, z.number().finite()), unit: Text.optional(),
    label: TextPair, source: Source, predicates: Predicates,
  }),
]);

const RuleSetSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'rule-set ids are lower-case words joined by "-"'),
  title: TextPair,
  regulation: Text,
  status: z.enum(['current', 'revoked']),
  fromYear: z.number().int().min(2000).max(2100),
  toYear: z.number().int().min(2000).max(2100).nullable(),
  supersedes: z.string().nullable(),
  partial: z.boolean(),
  defaults: z.strictObject({
    optionValues: z.enum(OPTION_MODES.optionValues),
    areaMinimum: z.enum(OPTION_MODES.areaMinimum),
    complaintFormula: z.enum(OPTION_MODES.complaintFormula),
    zeroDenominator: z.enum(OPTION_MODES.zeroDenominator),
  }),
  optionDocs: z.strictObject({ optionValues: OptionDocsS, areaMinimum: OptionDocsS, complaintFormula: OptionDocsS, zeroDenominator: OptionDocsS }),
  optionValues: z.record(z.enum(['official', 'exact']), z.partialRecord(AnswerTypeS, z.partialRecord(Letter, z.number().min(0).max(1)))),
  indexMax: z.number().positive(),
  nodes: z.array(Node).min(1),
  items: z.array(Item),
  areas: z.array(z.strictObject({ area: z.number().int().min(1), title: TextPair, weight: Weight })),
  thresholds: z.record(Predicate, z.array(Criterion)),
  prerequisites: z.array(Prereq),
  notes: z.array(TextPair),
  sources: z.array(Source),
});

// Compile-time guard: what the schema accepts is a RuleSet (optionDocs aside, see above).
type Parsed = z.infer<typeof RuleSetSchema>;
const _schemaMatchesTypes: (p: Omit<Parsed, 'optionDocs'>) => Omit<RuleSet, 'optionDocs'> = (p) => p;
void _schemaMatchesTypes;

// ---- consistency ----

const LETTERS: Readonly<Record<Exclude<AnswerType, 'percent' | 'index'>, readonly OptionLetter[]>> = {
  yn: ['Ya', 'Tidak'],
  abc: ['A', 'B', 'C'],
  abcd: ['A', 'B', 'C', 'D'],
  abcde: ['A', 'B', 'C', 'D', 'E'],
};
const EPS = 1e-9;
const KIND_PARENT: Record<RuleNode['kind'], RuleNode['kind'][]> = {
  component: [],
  aspect: ['component'],
  area: ['aspect', 'component'],
  sub: ['area'],
};

function sum(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}
const fmt = (x: number) => String(Math.round(x * 1e9) / 1e9);

function formulaKeys(f: NonNullable<RuleItem['formula']>): string[] {
  switch (f.kind) {
    case 'ratio': return [f.numerator, f.denominator];
    case 'decrease': return [f.previous, f.current];
    case 'complaints': return [f.toFollowUp, f.inProcess, f.completed];
  }
}

/** Every inconsistency of a schema-valid rule set, in plain words (empty when consistent). */
function consistencyProblems(rs: RuleSet): string[] {
  const p: string[] = [];

  // years and status
  if (rs.toYear !== null && rs.toYear < rs.fromYear) p.push(`toYear ${rs.toYear} is before fromYear ${rs.fromYear}`);
  if (rs.status === 'revoked' && rs.toYear === null) p.push('a revoked rule set needs toYear');
  if (rs.supersedes === rs.id) p.push('a rule set cannot supersede itself');

  // options
  for (const key of Object.keys(OPTION_MODES) as (keyof typeof OPTION_MODES)[]) {
    const allowed: readonly string[] = OPTION_MODES[key];
    const docs = rs.optionDocs[key] as { values: readonly string[]; default: string };
    for (const v of docs.values) if (!allowed.includes(v)) p.push(`optionDocs.${key}: unknown value "${v}" (allowed: ${allowed.join(', ')})`);
    if (!docs.values.includes(rs.defaults[key])) p.push(`optionDocs.${key}.values does not list the default "${rs.defaults[key]}"`);
    if (docs.default !== rs.defaults[key]) p.push(`optionDocs.${key}.default "${docs.default}" ≠ defaults.${key} "${rs.defaults[key]}"`);
  }

  // nodes
  const nodes = new Map<string, RuleNode>();
  for (const n of rs.nodes) {
    if (nodes.has(n.code)) p.push(`duplicate node code ${n.code}`);
    nodes.set(n.code, n);
  }
  const childNodes = new Map<string, RuleNode[]>();
  for (const n of rs.nodes) {
    if (n.parent === null) {
      if (n.kind !== 'component') p.push(`node ${n.code}: only components may have no parent`);
      continue;
    }
    const parent = nodes.get(n.parent);
    if (!parent) { p.push(`node ${n.code}: parent ${n.parent} does not exist`); continue; }
    if (!KIND_PARENT[n.kind].includes(parent.kind)) p.push(`node ${n.code}: a ${n.kind} cannot be under a ${parent.kind} (${parent.code})`);
    if (!n.code.startsWith(`${n.parent}.`)) p.push(`node ${n.code}: code does not extend its parent's code ${n.parent}`);
    childNodes.set(n.parent, [...(childNodes.get(n.parent) ?? []), n]);
    if (n.kind === 'area' && n.area === null) p.push(`area node ${n.code} has no area number`);
    if (n.kind === 'sub' && n.area !== parent.area) p.push(`sub ${n.code}: area ${n.area} ≠ area ${parent.area} of ${parent.code}`);
  }
  const areaNos = new Set(rs.areas.map((a) => a.area));
  if (areaNos.size !== rs.areas.length) p.push('duplicate area number in areas');
  for (const n of rs.nodes) if (n.area !== null && !areaNos.has(n.area)) p.push(`node ${n.code}: area ${n.area} is not in areas`);

  // items
  const items = new Map<string, RuleItem>();
  const itemsOf = new Map<string, RuleItem[]>();
  for (const it of rs.items) {
    const where = `item ${it.code}`;
    if (items.has(it.code)) p.push(`duplicate item code ${it.code}`);
    if (nodes.has(it.code)) p.push(`${where}: code is also a node code`);
    items.set(it.code, it);
    const sub = nodes.get(it.sub);
    if (!sub) p.push(`${where}: sub ${it.sub} does not exist`);
    else {
      if (!it.code.startsWith(`${it.sub}.`)) p.push(`${where}: code does not extend its sub's code ${it.sub}`);
      if (childNodes.has(it.sub)) p.push(`${where}: ${it.sub} has child nodes, items must hang under a leaf node`);
      if (it.area !== sub.area) p.push(`${where}: area ${it.area} ≠ area ${sub.area} of ${it.sub}`);
      itemsOf.set(it.sub, [...(itemsOf.get(it.sub) ?? []), it]);
    }

    if (it.type === 'percent' || it.type === 'index') {
      if (it.options.length) p.push(`${where}: a ${it.type} item has no options`);
    } else {
      const want = LETTERS[it.type];
      const got = it.options.map((o) => o.letter);
      if (got.join() !== want.join()) p.push(`${where}: options ${got.join(',') || '(none)'} do not match type ${it.type} (${want.join(',')})`);
      for (const mode of ['official', 'exact'] as const) {
        const values = rs.optionValues[mode][it.type];
        for (const l of want) if (values?.[l] === undefined) p.push(`${where}: optionValues.${mode}.${it.type} has no value for ${l}`);
      }
    }

    if (it.type === 'percent') {
      const keys = (it.inputs ?? []).map((i) => i.key);
      if (!keys.length) p.push(`${where}: a percent item needs inputs`);
      if (new Set(keys).size !== keys.length) p.push(`${where}: duplicate input keys`);
      if (!it.formula) p.push(`${where}: a percent item needs a formula`);
      else for (const k of formulaKeys(it.formula)) if (!keys.includes(k)) p.push(`${where}: formula uses unknown input "${k}"`);
      if (!it.whenZero) p.push(`${where}: a percent item needs whenZero`);
      for (const i of it.inputs ?? []) {
        for (const k of i.sumOf ?? []) {
          const part = it.inputs!.find((x) => x.key === k);
          if (!part) p.push(`${where}: input "${i.key}" sums unknown input "${k}"`);
          else if (k === i.key || part.sumOf) p.push(`${where}: input "${i.key}" sums "${k}", which is itself a sum`);
        }
      }
    } else if (it.inputs || it.formula || it.whenZero) {
      p.push(`${where}: only percent items have inputs, formula or whenZero`);
    }
    if (!rs.partial && it.evidence.length === 0) p.push(`${where}: no evidence`);
  }

  // seq 1..N
  const seqs = rs.items.map((i) => i.seq).sort((a, b) => a - b);
  seqs.forEach((s, i) => { if (s !== i + 1) p.push(`seq is not 1..${seqs.length} contiguous: expected ${i + 1}, found ${s}`); });

  // weights
  const roots = rs.nodes.filter((n) => n.parent === null);
  const total = sum(roots.map((n) => n.weight));
  if (Math.abs(total - 100) > EPS) p.push(`components ${roots.map((n) => n.code).join(' + ')} weigh ${fmt(total)}, expected 100`);
  if (!rs.partial) {
    for (const n of rs.nodes) {
      const kids = childNodes.get(n.code);
      const its = itemsOf.get(n.code);
      if (kids) {
        const s = sum(kids.map((k) => k.weight));
        if (Math.abs(s - n.weight) > EPS) p.push(`${n.kind} ${n.code}: ${kids.map((k) => k.code).join(' + ')} weigh ${fmt(s)}, expected ${fmt(n.weight)}`);
      } else if (its) {
        const s = sum(its.map((i) => i.weight));
        if (Math.abs(s - n.weight) > EPS) p.push(`${n.kind} ${n.code}: item weights sum to ${fmt(s)}, expected ${fmt(n.weight)}`);
      } else {
        p.push(`${n.kind} ${n.code} has neither child nodes nor items`);
      }
    }
  }
  for (const a of rs.areas) {
    const parts = rs.nodes.filter((n) => n.kind === 'area' && n.area === a.area);
    if (!parts.length) { if (!rs.partial) p.push(`area ${a.area} has no area nodes`); continue; }
    const s = sum(parts.map((n) => n.weight));
    if (Math.abs(s - a.weight) > EPS) p.push(`area ${a.area}: ${parts.map((n) => n.code).join(' + ')} weigh ${fmt(s)}, expected ${fmt(a.weight)}`);
  }

  // thresholds
  for (const pred of ['WBK', 'WBBM'] as const) {
    const ids = new Set<string>();
    for (const c of rs.thresholds[pred]) {
      if (ids.has(c.id)) p.push(`thresholds.${pred}: duplicate id ${c.id}`);
      ids.add(c.id);
      if (c.kind === 'node') {
        const target = nodes.get(c.node) ?? items.get(c.node);
        if (!target) p.push(`thresholds.${pred}.${c.id}: unknown node ${c.node}`);
        else if (c.min > target.weight + EPS) p.push(`thresholds.${pred}.${c.id}: minimum ${c.min} exceeds the weight ${target.weight} of ${c.node}`);
      }
      if (c.kind === 'total' && c.min > 100) p.push(`thresholds.${pred}.${c.id}: minimum ${c.min} exceeds 100`);
    }
  }

  // prerequisites
  const preIds = new Set<string>();
  for (const q of rs.prerequisites) {
    if (preIds.has(q.id)) p.push(`duplicate prerequisite ${q.id}`);
    preIds.add(q.id);
    if (q.kind === 'boolean') continue;
    for (const [pred, min] of Object.entries(q.min)) {
      if (!q.predicates.includes(pred as 'WBK')) p.push(`prerequisite ${q.id}: minimum for ${pred}, which it does not apply to`);
      if (q.kind === 'grade' && !q.scale.includes(min as string)) p.push(`prerequisite ${q.id}: minimum "${min}" is not on its scale`);
    }
  }
  return p;
}

function invalid(name: string, problems: string[]): Error {
  return Object.assign(new Error(`lke.ruleset.invalid: ${name} is invalid:\n  - ${problems.join('\n  - ')}`), { code: 'lke.ruleset.invalid', problems });
}

/**
 * Validates rule-set data (a parsed JSON file) against the schema and the consistency rules and
 * returns it typed. Throws an Error (code 'lke.ruleset.invalid') listing every problem found.
 */
export function validateRuleSet(data: unknown, name = 'rule set'): RuleSet {
  const parsed = RuleSetSchema.safeParse(data);
  const label = parsed.success ? `rule set "${parsed.data.id}"` : typeof (data as { id?: unknown })?.id === 'string' ? `rule set "${(data as { id: string }).id}"` : name;
  if (!parsed.success) {
    throw invalid(label, parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const rs = parsed.data as RuleSet;
  const problems = consistencyProblems(rs);
  if (problems.length) throw invalid(label, problems);
  return rs;
}

// ---- loading ----

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

function loadAll(): Map<string, RuleSet> {
  const dir = new URL('./rulesets/', import.meta.url);
  const out = new Map<string, RuleSet>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
    } catch (e) {
      throw invalid(`rulesets/${file}`, [`not valid JSON: ${(e as Error).message}`]);
    }
    const rs = validateRuleSet(data, `rulesets/${file}`);
    if (`${rs.id}.json` !== file) throw invalid(`rulesets/${file}`, [`the file of rule set "${rs.id}" must be named ${rs.id}.json`]);
    out.set(rs.id, deepFreeze(rs));
  }
  for (const rs of out.values()) {
    if (rs.supersedes !== null && !out.has(rs.supersedes)) throw invalid(`rule set "${rs.id}"`, [`supersedes unknown rule set "${rs.supersedes}"`]);
  }
  if (![...out.values()].some((r) => r.status === 'current')) throw invalid('rulesets/', ['no rule set has status "current"']);
  return out;
}

const ruleSets = loadAll();
const ordered = [...ruleSets.values()].sort(
  (a, b) => Number(b.status === 'current') - Number(a.status === 'current') || b.fromYear - a.fromYear || a.id.localeCompare(b.id),
);

// ---- API ----

/** The rule set with this id, or undefined. */
export function findRuleSet(id: string): RuleSet | undefined {
  return ruleSets.get(id);
}

/** The rule set with this id; throws an Error with code 'lke.ruleset.unknown' when there is none. */
export function getRuleSet(id: string): RuleSet {
  const rs = ruleSets.get(id);
  if (!rs) throw Object.assign(new Error(`lke.ruleset.unknown: no LKE rule set "${id}"`), { code: 'lke.ruleset.unknown', id });
  return rs;
}

/** All rule sets: current ones first, then newest first. */
export function listRuleSets(): RuleSet[] {
  return [...ordered];
}

/**
 * The current rule set for new worksheets: among the rule sets with status 'current' (and, when a
 * year is given, whose fromYear..toYear covers it), the one that starts latest. Throws
 * 'lke.ruleset.unknown' when none applies.
 */
export function currentRuleSet(year?: number): RuleSet {
  const rs = ordered.find((r) => r.status === 'current' && (year === undefined || covers(r, year)));
  if (!rs) throw Object.assign(new Error(`lke.ruleset.unknown: no current LKE rule set${year === undefined ? '' : ` for ${year}`}`), { code: 'lke.ruleset.unknown' });
  return rs;
}

/** The rule set that applied to an assessment year (current or revoked), latest-starting first. */
export function ruleSetForYear(year: number): RuleSet | undefined {
  return [...ordered].sort((a, b) => b.fromYear - a.fromYear).find((r) => covers(r, year));
}

function covers(rs: RuleSet, year: number): boolean {
  return rs.fromYear <= year && (rs.toYear === null || year <= rs.toYear);
}

/** The items of a rule set in seq order. */
export function itemsOf(rs: RuleSet): RuleItem[] {
  return [...rs.items].sort((a, b) => a.seq - b.seq);
}

const itemIndex = new WeakMap<RuleSet, Map<string, RuleItem>>();
/** The item with this code, or undefined. */
export function itemByCode(rs: RuleSet, code: string): RuleItem | undefined {
  let ix = itemIndex.get(rs);
  if (!ix) itemIndex.set(rs, (ix = new Map(rs.items.map((i) => [i.code, i]))));
  return ix.get(code);
}
