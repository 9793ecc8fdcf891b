// Pure LKE rules: answer parsing and validation, scoring at every level (§3.3–3.6 of the domain
// spec), the WBK/WBBM verdict (§3.7–3.8), "what would it take", layer comparison and carrying
// answers over between rule sets. No I/O; every number comes from the rule set.
import { DomainError } from '../../kernel/errors.ts';
import { formatNumber, type Locale } from '../../kernel/i18n.ts';
import type {
  Answer, Answers, AnswerType, CriterionResult, ItemScore, NodeScore, OptionLetter, Predicate, PredicateVerdict,
  PrerequisiteResult, RuleItem, RuleNode, RuleSet, RuleSetOptions, ScoreResult, Suggestion, TextPair,
} from './lke.types.ts';

export const PREDICATES: readonly Predicate[] = ['WBK', 'WBBM'];
export const LETTERS_OF: Record<Exclude<AnswerType, 'percent' | 'index'>, OptionLetter[]> = {
  yn: ['Ya', 'Tidak'],
  abc: ['A', 'B', 'C'],
  abcd: ['A', 'B', 'C', 'D'],
  abcde: ['A', 'B', 'C', 'D', 'E'],
};
const EPS = 1e-9;
/** Counts above this are refused as implausible (and keep sums exact in floating point). */
export const MAX_COUNT = 1_000_000;
/** Longest note on an item (form, autosave and workbook import alike). */
export const MAX_NOTE = 4000;

// ---------------------------------------------------------------- answer parsing

/** Bad input for one item; the code is an i18n key, `item` names the item. */
export function answerError(code: string, item: string, params: Record<string, string | number> = {}): DomainError {
  return new DomainError('validation', code, { item, ...params });
}

export function isChoiceType(t: AnswerType): t is keyof typeof LETTERS_OF {
  return t in LETTERS_OF;
}

/**
 * Turns user input for one item into a normalised Answer, or throws a DomainError naming the item.
 * Accepts: "Ya"/"Tidak" or an option letter (any case); {percent: N}; the item's named inputs
 * (bare or under {inputs}); a number 0–4 (or {index}) for index items; null/"" = unanswered.
 */
export function parseAnswer(item: RuleItem, raw: unknown): Answer | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const code = item.code;
  if (isChoiceType(item.type)) {
    if (typeof raw === 'object' && raw && 'option' in raw) raw = (raw as { option: unknown }).option;
    if (typeof raw !== 'string') throw answerError('lke.answer.option_expected', code, { options: LETTERS_OF[item.type].join('/') });
    const wanted = raw.trim().toLowerCase();
    const letter = LETTERS_OF[item.type].find((l) => l.toLowerCase() === wanted);
    if (!letter) throw answerError('lke.answer.option_invalid', code, { given: raw.slice(0, 20), options: LETTERS_OF[item.type].join('/') });
    return { option: letter };
  }
  if (item.type === 'index') {
    let v: unknown = raw;
    if (typeof raw === 'object' && raw && 'index' in raw) v = (raw as { index: unknown }).index;
    if (typeof v === 'string' && v.trim() !== '') v = Number(v.trim().replace(',', '.'));
    if (typeof v !== 'number' || !Number.isFinite(v)) throw answerError('lke.answer.index_expected', code);
    if (v < 0 || v > 4) throw answerError('lke.answer.index_range', code);
    return { index: v };
  }
  // percent item
  if (typeof raw !== 'object' || Array.isArray(raw)) throw answerError('lke.answer.percent_expected', code);
  const obj = raw as Record<string, unknown>;
  if ('percent' in obj) {
    const p = typeof obj.percent === 'string' ? Number(String(obj.percent).replace(',', '.')) : obj.percent;
    if (typeof p !== 'number' || !Number.isFinite(p)) throw answerError('lke.answer.percent_expected', code);
    if (p < 0) throw answerError('lke.answer.percent_negative', code);
    if (p > 1000) throw answerError('lke.answer.percent_range', code);
    return { percent: p };
  }
  const given = (obj.inputs && typeof obj.inputs === 'object' && !Array.isArray(obj.inputs) ? obj.inputs : obj) as Record<string, unknown>;
  const inputs: Record<string, number> = {};
  const known = new Map((item.inputs ?? []).map((i) => [i.key, i]));
  for (const [k, v] of Object.entries(given)) {
    if (!known.has(k)) throw answerError('lke.answer.input_unknown', code, { input: k.slice(0, 40), inputs: [...known.keys()].join(', ') });
    if (v === null || v === undefined || v === '') continue;
    const n = typeof v === 'string' ? Number(v.trim()) : v;
    if (typeof n !== 'number' || !Number.isFinite(n) || !Number.isInteger(n)) throw answerError('lke.answer.count_integer', code, { input: k });
    if (n < 0) throw answerError('lke.answer.count_negative', code, { input: k });
    if (n > MAX_COUNT) throw answerError('lke.answer.count_range', code, { input: k });
    inputs[k] = n;
  }
  for (const def of item.inputs ?? []) {
    if (!def.sumOf) continue;
    const parts = def.sumOf.filter((p) => inputs[p] !== undefined);
    if (parts.length === 0) continue;
    const sum = def.sumOf.reduce((s, p) => s + (inputs[p] ?? 0), 0);
    if (inputs[def.key] !== undefined && inputs[def.key] !== sum) throw answerError('lke.answer.sum_mismatch', code, { input: def.key, sum });
    inputs[def.key] = sum;
  }
  if (Object.keys(inputs).length === 0) return null;
  for (const key of formulaKeys(item)) {
    if (inputs[key] === undefined) throw answerError('lke.answer.input_missing', code, { input: key });
  }
  return { inputs };
}

function formulaKeys(item: RuleItem): string[] {
  const f = item.formula;
  if (!f) return [];
  if (f.kind === 'ratio') return [f.numerator, f.denominator];
  if (f.kind === 'decrease') return [f.previous, f.current];
  return [f.toFollowUp, f.completed];
}

/** Parses a whole answer map; every problem names its item. Unknown codes are refused. */
export function parseAnswers(rs: RuleSet, raw: unknown): Answers {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new DomainError('validation', 'lke.answers.object_expected');
  const out: Answers = {};
  const byCode = indexOf(rs).items;
  for (const [code, value] of Object.entries(raw as Record<string, unknown>)) {
    const item = byCode.get(code);
    if (!item) {
      const node = indexOf(rs).nodes.get(code);
      if (node && rs.partial && isScoreableNode(rs, node)) {
        const s = typeof value === 'object' && value && 'score' in value ? (value as { score: unknown }).score : value;
        if (typeof s !== 'number' || !Number.isFinite(s) || s < 0 || s > node.weight + EPS) {
          throw answerError('lke.answer.score_range', code, { max: node.weight });
        }
        out[code] = { score: s };
        continue;
      }
      throw answerError('lke.answer.unknown_item', code);
    }
    const a = parseAnswer(item, value);
    if (a) out[code] = a;
  }
  return out;
}

// ---------------------------------------------------------------- rule-set index (cached)

interface RsIndex {
  items: Map<string, RuleItem>;
  nodes: Map<string, RuleNode>;
  children: Map<string, RuleNode[]>;
  itemsOfSub: Map<string, RuleItem[]>;
  /** nodes deepest first, for bottom-up sums */
  bottomUp: RuleNode[];
  /** the area nodes (pemenuhan and reform halves) of each area */
  areaNodes: Map<number, RuleNode[]>;
  roots: RuleNode[];
}
const indexes = new WeakMap<RuleSet, RsIndex>();

export function indexOf(rs: RuleSet): RsIndex {
  let ix = indexes.get(rs);
  if (ix) return ix;
  const nodes = new Map(rs.nodes.map((n) => [n.code, n]));
  const children = new Map<string, RuleNode[]>();
  for (const n of rs.nodes) {
    if (!n.parent) continue;
    const list = children.get(n.parent) ?? [];
    list.push(n);
    children.set(n.parent, list);
  }
  const itemsOfSub = new Map<string, RuleItem[]>();
  for (const it of rs.items) {
    const list = itemsOfSub.get(it.sub) ?? [];
    list.push(it);
    itemsOfSub.set(it.sub, list);
  }
  const depth = (n: RuleNode): number => (n.parent ? 1 + depth(nodes.get(n.parent)!) : 0);
  const bottomUp = [...rs.nodes].sort((a, b) => depth(b) - depth(a));
  const areaNodes = new Map<number, RuleNode[]>();
  for (const n of rs.nodes) {
    if (n.kind !== 'area' || n.area === null) continue;
    areaNodes.set(n.area, [...(areaNodes.get(n.area) ?? []), n]);
  }
  ix = { items: new Map(rs.items.map((i) => [i.code, i])), nodes, children, itemsOfSub, bottomUp, areaNodes, roots: rs.nodes.filter((n) => n.parent === null) };
  indexes.set(rs, ix);
  return ix;
}

/** A leaf node of a partial rule set: no items and no child nodes, so its score is recorded directly. */
function isScoreableNode(rs: RuleSet, node: RuleNode): boolean {
  const ix = indexOf(rs);
  return !ix.children.has(node.code) && !ix.itemsOfSub.has(node.code);
}

export function resolveOptions(rs: RuleSet, overrides: Partial<RuleSetOptions> | null | undefined): RuleSetOptions {
  const o = { ...rs.defaults };
  if (!overrides) return o;
  const docs = rs.optionDocs;
  for (const key of Object.keys(o) as (keyof RuleSetOptions)[]) {
    const v = overrides[key];
    if (v === undefined) continue;
    if (!docs[key].values.includes(v as never)) throw new DomainError('validation', 'lke.option.invalid', { option: key, value: String(v) });
    (o as Record<string, string>)[key] = v;
  }
  return o;
}

// ---------------------------------------------------------------- values and scores

/** Raw percentage of a computed item (uncapped; may be negative or above 100), or null when undefined. */
export function computePercent(item: RuleItem, inputs: Record<string, number>, options: RuleSetOptions): number | null {
  const f = item.formula;
  if (!f) return null;
  const zero = (): number => {
    const mode = options.zeroDenominator === 'perItem' ? (item.whenZero ?? 'zero') : options.zeroDenominator;
    return mode === 'full' ? 100 : 0;
  };
  const n = (k: string) => inputs[k] ?? 0;
  if (f.kind === 'ratio') {
    const d = n(f.denominator);
    return d === 0 ? zero() : (n(f.numerator) / d) * 100;
  }
  if (f.kind === 'decrease') {
    const prev = n(f.previous);
    const cur = n(f.current);
    if (prev === 0) return cur === 0 ? zero() : 0;
    return ((prev - cur) / prev) * 100;
  }
  const due = n(f.toFollowUp);
  const done = n(f.completed) + (options.complaintFormula === 'completedOrInProcess' ? n(f.inProcess) : 0);
  return due === 0 ? (done === 0 ? zero() : 100) : (done / due) * 100;
}

/** The 0..1 value of an answer (percentages capped to 0..100 %), and the raw percentage if any. */
export function valueOf(rs: RuleSet, item: RuleItem, answer: Answer | null | undefined, options: RuleSetOptions): { value: number | null; rawPercent?: number | null } {
  if (!answer) return { value: null };
  if ('option' in answer) {
    const v = rs.optionValues[options.optionValues][item.type]?.[answer.option];
    return { value: v ?? 0 };
  }
  if ('index' in answer) return { value: Math.min(Math.max(answer.index, 0), rs.indexMax) / rs.indexMax };
  if ('percent' in answer) return { value: clamp01(answer.percent / 100), rawPercent: answer.percent };
  if ('inputs' in answer) {
    const p = computePercent(item, answer.inputs, options);
    return { value: p === null ? 0 : clamp01(p / 100), rawPercent: p };
  }
  return { value: null };
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** Scores every item and node of a rule set for one layer of answers. Unanswered items score 0. */
export function scoreAnswers(rs: RuleSet, answers: Answers, overrides?: Partial<RuleSetOptions> | null): ScoreResult {
  const options = resolveOptions(rs, overrides);
  const ix = indexOf(rs);
  const items: Record<string, ItemScore> = {};
  const nodes: Record<string, NodeScore> = {};
  const unanswered: string[] = [];
  const sums = new Map<string, number>();
  for (const it of rs.items) {
    const { value, rawPercent } = valueOf(rs, it, answers[it.code], options);
    if (value === null) unanswered.push(it.code);
    const score = (value ?? 0) * it.weight;
    items[it.code] = rawPercent === undefined ? { value, score, weight: it.weight } : { value, score, weight: it.weight, rawPercent };
    sums.set(it.sub, (sums.get(it.sub) ?? 0) + score);
  }
  for (const n of ix.bottomUp) {
    let score = sums.get(n.code) ?? 0;
    if (rs.partial) {
      const direct = answers[n.code];
      if (direct && 'score' in direct && isScoreableNode(rs, n)) score = Math.min(direct.score, n.weight);
    }
    nodes[n.code] = node(n.weight, score);
    if (n.parent) sums.set(n.parent, (sums.get(n.parent) ?? 0) + score);
  }
  for (const it of rs.items) nodes[it.code] = node(it.weight, items[it.code]!.score);
  const areas: ScoreResult['areas'] = {};
  for (const a of rs.areas) {
    let pemenuhan = 0;
    let reform = 0;
    for (const n of ix.areaNodes.get(a.area) ?? []) {
      const sc = nodes[n.code]!.score;
      if (halfOf(n) === 'reform') reform += sc;
      else pemenuhan += sc;
    }
    areas[String(a.area)] = { ...node(a.weight, pemenuhan + reform), pemenuhan, reform };
  }
  let total = 0;
  for (const r of ix.roots) total += nodes[r.code]!.score;
  return { ruleset: rs.id, options, total, nodes, areas, items, unanswered };
}

function node(weight: number, score: number): NodeScore {
  return { weight, score, percent: weight > 0 ? (score / weight) * 100 : 0 };
}

/** 'reform' for nodes under A.II, 'pemenuhan' otherwise. */
function halfOf(n: RuleNode): 'pemenuhan' | 'reform' {
  return n.code.startsWith('A.II.') || n.code === 'A.II' ? 'reform' : 'pemenuhan';
}

// ---------------------------------------------------------------- verdict

function fmt(n: number, locale: Locale, min?: number): string {
  let s = formatNumber(n, locale, 2);
  // never print "60,00 % < 60 %": show more digits when rounding hides the gap
  if (min !== undefined && n < min && s === formatNumber(min, locale, 2)) s = formatNumber(n, locale, 4);
  return s;
}

function message(label: TextPair, actual: number, required: number, unit: '%' | 'pts', passed: boolean): TextPair {
  const u = unit === '%' ? ' %' : '';
  const op = passed ? '≥' : '<';
  return {
    id: `${label.id} ${fmt(actual, 'id', required)}${u} ${op} ${formatNumber(required, 'id', Number.isInteger(required) ? 0 : 2)}${u}`,
    en: `${label.en} ${fmt(actual, 'en', required)}${u} ${op} ${formatNumber(required, 'en', Number.isInteger(required) ? 0 : 2)}${u}`,
  };
}

function criterion(id: string, label: TextPair, actual: number, required: number, unit: '%' | 'pts', extra: Partial<CriterionResult> = {}): CriterionResult {
  const passed = actual >= required - EPS;
  return { id, label, actual, required, unit, passed, message: message(label, actual, required, unit, passed), ...extra };
}

/** Every score criterion (§3.8) of a predicate, evaluated. */
export function evaluateCriteria(rs: RuleSet, score: ScoreResult, predicate: Predicate): CriterionResult[] {
  const out: CriterionResult[] = [];
  const mode = score.options.areaMinimum;
  for (const c of rs.thresholds[predicate]) {
    if (c.kind === 'total') out.push(criterion(c.id, c.label, score.total, c.min, 'pts'));
    else if (c.kind === 'node') out.push(criterion(c.id, c.label, score.nodes[c.node]?.score ?? 0, c.min, 'pts'));
    else {
      for (const a of rs.areas) {
        const s = score.areas[String(a.area)]!;
        if (mode === 'combined' || mode === 'both') {
          out.push(criterion(`${c.id}.${a.area}`, a.title, s.percent, c.minPercent, '%', { area: a.area }));
        }
        if (mode === 'perHalf' || mode === 'both') {
          for (const n of rs.nodes) {
            if (n.kind !== 'area' || n.area !== a.area) continue;
            const half = halfOf(n);
            const label = { id: `${a.title.id} (${half === 'reform' ? 'reform' : 'pemenuhan'})`, en: `${a.title.en} (${half === 'reform' ? 'reform' : 'fulfilment'})` };
            out.push(criterion(`${c.id}.${a.area}.${half}`, label, score.nodes[n.code]!.percent, c.minPercent, '%', { area: a.area, half }));
          }
        }
      }
    }
  }
  return out;
}

/** How a given prerequisite compares with what the predicate needs. */
export function evaluatePrerequisites(rs: RuleSet, given: Record<string, unknown> | null | undefined, predicate: Predicate): PrerequisiteResult[] {
  const out: PrerequisiteResult[] = [];
  for (const p of rs.prerequisites) {
    if (!p.predicates.includes(predicate)) continue;
    const v = given?.[p.id];
    const base = { id: p.id, label: p.label };
    if (v === undefined || v === null || v === '') {
      out.push({ ...base, status: 'not_given', required: requiredOf(p, predicate) });
      continue;
    }
    let met = false;
    if (p.kind === 'boolean') met = v === true || v === 'true' || v === 'ya' || v === 'Ya';
    else if (p.kind === 'grade') {
      const min = p.min[predicate];
      const at = p.scale.indexOf(String(v).toUpperCase());
      met = min !== undefined && at >= 0 && at >= p.scale.indexOf(min);
    } else {
      const min = p.min[predicate];
      const n = typeof v === 'number' ? v : Number(String(v).replace(',', '.'));
      met = min !== undefined && Number.isFinite(n) && n >= min;
    }
    out.push({ ...base, status: met ? 'met' : 'not_met', given: v, required: requiredOf(p, predicate) });
  }
  return out;
}

function requiredOf(p: RuleSet['prerequisites'][number], predicate: Predicate): unknown {
  return p.kind === 'boolean' ? true : p.min[predicate];
}

/** Checks a prerequisites object: known ids, values of the right kind. Throws naming the prerequisite. */
export function parsePrerequisites(rs: RuleSet, raw: unknown): Record<string, string | number | boolean> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new DomainError('validation', 'lke.prereq.object_expected');
  const out: Record<string, string | number | boolean> = {};
  for (const [id, v] of Object.entries(raw as Record<string, unknown>)) {
    const p = rs.prerequisites.find((x) => x.id === id);
    if (!p) throw new DomainError('validation', 'lke.prereq.unknown', { prerequisite: id.slice(0, 40) });
    if (v === null || v === undefined || v === '') continue;
    if (p.kind === 'boolean') {
      if (typeof v === 'boolean') out[id] = v;
      else if (v === 'true' || v === 'false') out[id] = v === 'true';
      else throw new DomainError('validation', 'lke.prereq.boolean', { prerequisite: id });
    } else if (p.kind === 'grade') {
      const g = String(v).toUpperCase();
      if (!p.scale.includes(g)) throw new DomainError('validation', 'lke.prereq.grade', { prerequisite: id, scale: p.scale.join(', ') });
      out[id] = g;
    } else {
      const n = typeof v === 'number' ? v : Number(String(v).replace(',', '.'));
      if (!Number.isFinite(n) || n < 0) throw new DomainError('validation', 'lke.prereq.number', { prerequisite: id });
      out[id] = n;
    }
  }
  return out;
}

/** WBK and WBBM verdicts: score thresholds decide `eligible`; prerequisites are reported beside them. */
export function judge(rs: RuleSet, score: ScoreResult, prerequisites?: Record<string, unknown> | null): Record<Predicate, PredicateVerdict> {
  const out = {} as Record<Predicate, PredicateVerdict>;
  for (const p of PREDICATES) {
    const criteria = evaluateCriteria(rs, score, p);
    const failures = criteria.filter((c) => !c.passed);
    const prereq = evaluatePrerequisites(rs, prerequisites, p);
    out[p] = { eligible: failures.length === 0, failures, criteria, prerequisites: prereq, proposable: failures.length === 0 && prereq.every((x) => x.status === 'met') };
  }
  return out;
}

// ---------------------------------------------------------------- what would it take

export interface Plan {
  predicate: Predicate;
  changes: Suggestion[];
  /** the gaps close with these changes */
  closesAll: boolean;
  /** failures that answers alone cannot close */
  remaining: CriterionResult[];
}

/**
 * A fast view of the criteria for the search below: item scores in an array, node sums by index,
 * no allocation per evaluation. Returns the total points still missing (area percentages converted
 * to points), 0 when every criterion passes.
 */
interface FastPlan {
  itemIndex: Map<string, number>;
  /** for each item, the indices of the nodes it adds to (sub up to the root) */
  ancestors: number[][];
  nodeWeight: Float64Array;
  roots: number[];
  checks: { kind: 'pts'; node: number | -1; min: number }[];
  areaChecks: { nodes: number[]; weight: number; minPercent: number }[];
}

const fastPlans = new WeakMap<RuleSet, Map<string, FastPlan>>();

function fastPlanOf(rs: RuleSet, predicate: Predicate, mode: RuleSetOptions['areaMinimum']): FastPlan {
  let byKey = fastPlans.get(rs);
  if (!byKey) fastPlans.set(rs, (byKey = new Map()));
  const key = `${predicate}:${mode}`;
  const cached = byKey.get(key);
  if (cached) return cached;
  const ix = indexOf(rs);
  const nodeIndex = new Map<string, number>();
  const codes: string[] = [];
  const weights: number[] = [];
  const add = (code: string, weight: number) => { nodeIndex.set(code, codes.length); codes.push(code); weights.push(weight); };
  for (const n of rs.nodes) add(n.code, n.weight);
  for (const it of rs.items) add(it.code, it.weight);
  const ancestors = rs.items.map((it) => {
    const out = [nodeIndex.get(it.code)!];
    let parent: string | null = it.sub;
    while (parent) {
      out.push(nodeIndex.get(parent)!);
      parent = ix.nodes.get(parent)?.parent ?? null;
    }
    return out;
  });
  const checks: FastPlan['checks'] = [];
  const areaChecks: FastPlan['areaChecks'] = [];
  for (const c of rs.thresholds[predicate]) {
    if (c.kind === 'total') checks.push({ kind: 'pts', node: -1, min: c.min });
    else if (c.kind === 'node') checks.push({ kind: 'pts', node: nodeIndex.get(c.node) ?? -2, min: c.min });
    else {
      for (const a of rs.areas) {
        const halves = rs.nodes.filter((n) => n.kind === 'area' && n.area === a.area);
        if (mode === 'combined' || mode === 'both') areaChecks.push({ nodes: halves.map((n) => nodeIndex.get(n.code)!), weight: a.weight, minPercent: c.minPercent });
        if (mode === 'perHalf' || mode === 'both') for (const h of halves) areaChecks.push({ nodes: [nodeIndex.get(h.code)!], weight: h.weight, minPercent: c.minPercent });
      }
    }
  }
  const plan: FastPlan = {
    itemIndex: new Map(rs.items.map((it, i) => [it.code, i])),
    ancestors,
    nodeWeight: Float64Array.from(weights),
    roots: rs.nodes.filter((n) => n.parent === null).map((n) => nodeIndex.get(n.code)!),
    checks,
    areaChecks,
  };
  byKey.set(key, plan);
  return plan;
}

function fastDeficit(plan: FastPlan, itemScores: Float64Array, sums: Float64Array): number {
  sums.fill(0);
  for (let i = 0; i < itemScores.length; i++) {
    const v = itemScores[i]!;
    if (v === 0) continue;
    for (const n of plan.ancestors[i]!) sums[n]! += v;
  }
  let total = 0;
  for (const r of plan.roots) total += sums[r]!;
  let d = 0;
  for (const c of plan.checks) {
    const actual = c.node === -1 ? total : c.node < 0 ? 0 : sums[c.node]!;
    if (actual < c.min - EPS) d += c.min - actual;
  }
  for (const a of plan.areaChecks) {
    let sc = 0;
    for (const n of a.nodes) sc += sums[n]!;
    const need = (a.minPercent / 100) * a.weight;
    if (sc < need - EPS * a.weight) d += need - sc;
  }
  return d;
}

/** Answers strictly better than the current one (for candidate changes), best first. */
export function betterAnswers(rs: RuleSet, item: RuleItem, current: Answer | null | undefined, options: RuleSetOptions): Answer[] {
  const now = valueOf(rs, item, current, options).value ?? -1;
  if (isChoiceType(item.type)) {
    return LETTERS_OF[item.type]
      .map((l) => ({ option: l }) as Answer)
      .filter((a) => (valueOf(rs, item, a, options).value ?? 0) > now + EPS);
  }
  if (item.type === 'percent') {
    const out: Answer[] = [];
    for (const p of [100, 90, 80, 75, 70, 60, 50, 25]) if (p / 100 > now + EPS) out.push({ percent: p });
    return out;
  }
  return [];
}

/**
 * The smallest set of answer changes (few items, small steps) that closes the score gaps of a
 * predicate: greedy by points recovered, then each change is lowered to the least that still closes
 * and changes that turn out unnecessary are dropped. Survey indices (IPAK, IPKP) are suggested at the
 * least value that meets their own criteria.
 */
export function whatWouldItTake(rs: RuleSet, answers: Answers, predicate: Predicate, overrides?: Partial<RuleSetOptions> | null, maxChanges = 25): Plan {
  const options = resolveOptions(rs, overrides);
  const base = scoreAnswers(rs, answers, options);
  const plan = fastPlanOf(rs, predicate, options.areaMinimum);
  const scores = Float64Array.from(rs.items.map((it) => base.items[it.code]!.score));
  const sums = new Float64Array(plan.nodeWeight.length);
  const scoreOf = (item: RuleItem, a: Answer | null | undefined) => (valueOf(rs, item, a, options).value ?? 0) * item.weight;
  const current: Answers = { ...answers };
  const changed = new Map<string, Answer>();
  const set = (item: RuleItem, a: Answer | undefined) => {
    if (a) current[item.code] = a;
    else delete current[item.code];
    scores[plan.itemIndex.get(item.code)!] = scoreOf(item, a);
  };
  // survey indices first: their own criteria fix the least value needed
  for (const item of rs.items) {
    if (item.type !== 'index') continue;
    const now = scoreAnswers(rs, current, options);
    const before = (valueOf(rs, item, current[item.code], options).value ?? 0) * rs.indexMax;
    let need = before;
    for (const c of rs.thresholds[predicate]) {
      if (c.kind !== 'node' || (c.node !== item.code && c.node !== item.sub)) continue;
      const have = now.nodes[c.node]?.score ?? 0;
      if (have >= c.min - EPS) continue;
      const targetScore = Math.min(item.weight, now.items[item.code]!.score + (c.min - have));
      need = Math.max(need, Math.ceil((targetScore / item.weight) * rs.indexMax * 100 - EPS) / 100);
    }
    if (need > before + EPS && need <= rs.indexMax) {
      set(item, { index: need });
      changed.set(item.code, { index: need });
    }
  }
  let d0 = fastDeficit(plan, scores, sums);
  const candidates = rs.items.filter((it) => it.type !== 'index');
  while (d0 > EPS && changed.size < maxChanges) {
    let best: { item: RuleItem; to: Answer; d: number; steps: number } | null = null;
    for (const item of candidates) {
      const i = plan.itemIndex.get(item.code)!;
      const keep = scores[i]!;
      const ladder = betterAnswers(rs, item, current[item.code], options);
      for (let k = 0; k < ladder.length; k++) {
        scores[i] = scoreOf(item, ladder[k]);
        const d = fastDeficit(plan, scores, sums);
        const steps = ladder.length - k;
        if (d < d0 - EPS && (!best || d < best.d - EPS || (Math.abs(d - best.d) <= EPS && steps < best.steps))) best = { item, to: ladder[k]!, d, steps };
      }
      scores[i] = keep;
    }
    if (!best) break;
    set(best.item, best.to);
    changed.set(best.item.code, best.to);
    d0 = best.d;
  }
  if (d0 <= EPS) {
    // lower each change to the least that keeps every gap closed
    for (const [code, to] of changed) {
      const item = indexOf(rs).items.get(code)!;
      if (item.type === 'index') continue;
      for (const cand of betterAnswers(rs, item, answers[code], options).reverse()) {
        if (sameAnswer(cand, to)) break;
        const prev = current[code];
        set(item, cand);
        if (fastDeficit(plan, scores, sums) <= EPS) {
          changed.set(code, cand);
          break;
        }
        set(item, prev);
      }
    }
    // drop changes that turn out unnecessary
    for (const code of [...changed.keys()]) {
      const item = indexOf(rs).items.get(code)!;
      const prev = current[code];
      set(item, answers[code]);
      if (fastDeficit(plan, scores, sums) <= EPS) changed.delete(code);
      else set(item, prev);
    }
  }
  const before = evaluateCriteria(rs, base, predicate);
  const changes: Suggestion[] = [];
  for (const [code, to] of changed) {
    const alone = scoreAnswers(rs, { ...answers, [code]: to }, options);
    const after = evaluateCriteria(rs, alone, predicate);
    changes.push({
      item: code,
      from: answers[code] ?? null,
      to,
      gain: alone.items[code]!.score - base.items[code]!.score,
      closes: after.filter((c, i) => c.passed && !before[i]!.passed).map((c) => c.id),
    });
  }
  changes.sort((a, b) => b.gain - a.gain);
  const remaining = evaluateCriteria(rs, scoreAnswers(rs, current, options), predicate).filter((c) => !c.passed);
  return { predicate, changes, closesAll: remaining.length === 0, remaining };
}

export function sameAnswer(a: Answer | null | undefined, b: Answer | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

function normalise(a: Answer): unknown {
  if ('inputs' in a) return { inputs: Object.fromEntries(Object.entries(a.inputs).sort(([x], [y]) => x.localeCompare(y))) };
  return a;
}

// ---------------------------------------------------------------- layers and carry-over

export interface LayerDifference {
  item: string;
  a: Answer | null;
  b: Answer | null;
  scoreA: number;
  scoreB: number;
  /** points b − a */
  delta: number;
}

/** Items whose answers differ between two layers, with what each difference costs in points. */
export function compareLayers(rs: RuleSet, a: Answers, b: Answers, overrides?: Partial<RuleSetOptions> | null): LayerDifference[] {
  const sa = scoreAnswers(rs, a, overrides);
  const sb = scoreAnswers(rs, b, overrides);
  const out: LayerDifference[] = [];
  for (const it of rs.items) {
    if (sameAnswer(a[it.code], b[it.code])) continue;
    const x = sa.items[it.code]!.score;
    const y = sb.items[it.code]!.score;
    out.push({ item: it.code, a: a[it.code] ?? null, b: b[it.code] ?? null, scoreA: x, scoreB: y, delta: y - x });
  }
  return out;
}

export interface CarryOver {
  answers: Answers;
  carried: string[];
  dropped: { item: string; reason: 'unknown_item' | 'type_changed' | 'invalid' }[];
}

/** Moves answers to another rule set by item code; whatever does not fit is listed, never guessed. */
export function carryOver(from: RuleSet, to: RuleSet, answers: Answers): CarryOver {
  const out: Answers = {};
  const carried: string[] = [];
  const dropped: CarryOver['dropped'] = [];
  const src = indexOf(from).items;
  const dst = indexOf(to).items;
  for (const [code, a] of Object.entries(answers)) {
    const target = dst.get(code);
    if (!target) {
      dropped.push({ item: code, reason: 'unknown_item' });
      continue;
    }
    const source = src.get(code);
    if (source && source.type !== target.type) {
      dropped.push({ item: code, reason: 'type_changed' });
      continue;
    }
    try {
      const parsed = parseAnswer(target, 'option' in a ? a.option : 'index' in a ? a.index : a);
      if (parsed) {
        out[code] = parsed;
        carried.push(code);
      }
    } catch {
      dropped.push({ item: code, reason: 'invalid' });
    }
  }
  return { answers: out, carried, dropped };
}

/** Display form of an answer: "A", "Ya", "90 %", "3,72", "12 / 10". */
export function describeAnswer(item: RuleItem, a: Answer | null | undefined, locale: Locale, options?: RuleSetOptions): string {
  if (!a) return '—';
  if ('option' in a) return a.option;
  if ('index' in a) return formatNumber(a.index, locale, 2);
  if ('percent' in a) return `${formatNumber(a.percent, locale, 2)} %`;
  if ('score' in a) return formatNumber(a.score, locale, 2);
  const p = options ? computePercent(item, a.inputs, options) : null;
  // a ratio reads numerator / denominator (the inputs list the denominator first); other formulas list their inputs
  const f = item.formula;
  const parts = f?.kind === 'ratio'
    ? [a.inputs[f.numerator] ?? 0, a.inputs[f.denominator] ?? 0].map(String)
    : (item.inputs ?? []).filter((i) => !i.sumOf || a.inputs[i.key] !== undefined).map((i) => `${a.inputs[i.key] ?? 0}`);
  const sep = f?.kind === 'ratio' ? ' / ' : '; ';
  return p === null ? parts.join(sep) : `${formatNumber(p, locale, 2)} % (${parts.join(sep)})`;
}
