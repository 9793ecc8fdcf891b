// The LKE parts of `npm run bench` that run in the bench's own process, without HTTP:
//   - scoring 1,000 generated worksheets (scoreAnswers + judge) next to a bare weighted-sum loop
//     over the same answers,
//   - whatWouldItTake on the worked example (WBBM),
//   - the two documents: exportWorkbook (one call at a time, alternated by bench/run.ts with the
//     app's GET /lke/:id/export.xlsx) and renderLhePdf.
// Also the worked example as the form fields a browser posts, for filling a worksheet through the
// app (bench/run.ts). Prints nothing; bench/run.ts formats the results. See bench/README.md.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { renderLhePdf, type LheInput } from '../src/modules/assessment/lke.lhe.ts';
import { getRuleSet } from '../src/modules/assessment/lke.ruleset.ts';
import {
  compareLayers, describeAnswer, indexOf, isChoiceType, judge, LETTERS_OF, parseAnswers, scoreAnswers, whatWouldItTake,
} from '../src/modules/assessment/lke.rules.ts';
import type { Answer, Answers, Formula, RuleItem, RuleSet } from '../src/modules/assessment/lke.types.ts';
import { exportWorkbook, type WorkbookInput } from '../src/modules/assessment/lke.xlsx.ts';
import { median, percentile } from './stats.ts';

export const RULESET_ID = 'permenpanrb-90-2021';
export const WORKSHEETS = 1000;
const SEED = 20211231;
/** Timed passes over all worksheets, per side, after one untimed warm-up pass each. */
const SCORE_ROUNDS = 7;
const PLAN_RUNS = 5;
const LHE_RUNS = 20;

const rs: RuleSet = getRuleSet(RULESET_ID);
const fixture = JSON.parse(readFileSync(new URL('../src/modules/assessment/fixtures/worked-example.json', import.meta.url), 'utf8')) as { answers: Record<string, unknown> };
/** The worked example of the domain spec (§3.11): 84,34 points, WBK yes, WBBM no. */
export const workedExample: Answers = parseAnswers(rs, fixture.answers);

// ---------------------------------------------------------------- generated worksheets

/** xorshift32: a small deterministic generator, so every run scores the same 1,000 worksheets. */
function generator(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 2 ** 32;
  };
}

/**
 * One raw answer map, as a client would send it: option letters (sometimes in lower case), direct
 * percentages or count inputs (sometimes as strings) for percent items, indices as numbers, strings
 * with a decimal comma or {index}, and a share of unanswered items. Each worksheet has its own
 * strength (how often the best option is taken) and its own share of unanswered items, so totals
 * and verdicts spread out.
 */
function rawWorksheet(rnd: () => number): Record<string, unknown> {
  const strength = 0.3 + 0.7 * rnd();
  const blank = rnd() < 0.3 ? 0 : 0.25 * rnd();
  const out: Record<string, unknown> = {};
  for (const item of rs.items) {
    if (rnd() < blank) continue;
    if (isChoiceType(item.type)) {
      const letters = LETTERS_OF[item.type];
      const letter = rnd() < strength ? letters[0]! : letters[Math.floor(rnd() * letters.length)]!;
      out[item.code] = rnd() < 0.1 ? letter.toLowerCase() : letter;
    } else if (item.type === 'index') {
      const v = Math.round((2 + 2 * strength * rnd() + rnd()) * 100) / 100;
      const x = Math.min(4, v);
      const pick = rnd();
      out[item.code] = pick < 0.5 ? x : pick < 0.8 ? String(x).replace('.', ',') : { index: x };
    } else if (rnd() < 0.4) {
      out[item.code] = { percent: Math.round(rnd() * 1200) / 10 };
    } else {
      const inputs: Record<string, number | string> = {};
      for (const inp of item.inputs ?? []) {
        if (inp.sumOf) continue; // computed from its parts
        const n = rnd() < 0.05 ? 0 : Math.floor(rnd() * 40);
        inputs[inp.key] = rnd() < 0.2 ? String(n) : n;
      }
      out[item.code] = inputs;
    }
  }
  return out;
}

/** 1,000 parsed, valid answer maps (parseAnswers checks every one; not timed). */
export function generateWorksheets(n = WORKSHEETS, seed = SEED): Answers[] {
  const rnd = generator(seed);
  return Array.from({ length: n }, () => parseAnswers(rs, rawWorksheet(rnd)));
}

// ---------------------------------------------------------------- bare baseline

interface FlatItem {
  code: string;
  weight: number;
  /** option letter → value (official values, the default) */
  values: Record<string, number>;
  formula: Formula | undefined;
  zeroFull: boolean;
}

/** The rule set flattened once into what a plain weighted sum needs (default options only). */
function flatten(): FlatItem[] {
  const values = rs.optionValues[rs.defaults.optionValues];
  return rs.items.map((it) => ({
    code: it.code,
    weight: it.weight,
    values: (values[it.type] ?? {}) as Record<string, number>,
    formula: it.formula,
    zeroFull: (it.whenZero ?? 'zero') === 'full',
  }));
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Percentage of count inputs under the default options (per-item zero policy, "completed"). */
function bareFormula(f: Formula, inputs: Record<string, number>, zeroFull: boolean): number {
  const zero = zeroFull ? 100 : 0;
  if (f.kind === 'ratio') {
    const d = inputs[f.denominator] ?? 0;
    return d === 0 ? zero : ((inputs[f.numerator] ?? 0) / d) * 100;
  }
  if (f.kind === 'decrease') {
    const prev = inputs[f.previous] ?? 0;
    const cur = inputs[f.current] ?? 0;
    if (prev === 0) return cur === 0 ? zero : 0;
    return ((prev - cur) / prev) * 100;
  }
  const due = inputs[f.toFollowUp] ?? 0;
  const done = inputs[f.completed] ?? 0;
  return due === 0 ? (done === 0 ? zero : 100) : (done / due) * 100;
}

/** The floor: Σ value × weight over the items, nothing else (no nodes, areas, criteria or verdict). */
function bareTotal(flat: FlatItem[], answers: Answers): number {
  let total = 0;
  for (const f of flat) {
    const a = answers[f.code];
    if (!a) continue;
    let v = 0;
    if ('option' in a) v = f.values[a.option] ?? 0;
    else if ('index' in a) v = clamp01(a.index / rs.indexMax);
    else if ('percent' in a) v = clamp01(a.percent / 100);
    else if ('inputs' in a && f.formula) v = clamp01(bareFormula(f.formula, a.inputs, f.zeroFull) / 100);
    total += v * f.weight;
  }
  return total;
}

// ---------------------------------------------------------------- scoring bench

export interface ScoringResult {
  worksheets: number;
  rounds: number;
  /** median ms of one pass over all worksheets */
  integritasMs: number;
  integritasMinMs: number;
  bareMs: number;
  bareMinMs: number;
  /** answered items over all worksheets, and the mix of answer kinds */
  answered: number;
  kinds: Record<string, number>;
  meanTotal: number;
  minTotal: number;
  maxTotal: number;
  wbk: number;
  wbbm: number;
  /** largest |Integritas total − bare total| over the worksheets */
  maxDelta: number;
}

export function benchScoring(): ScoringResult {
  const sheets = generateWorksheets();
  const flat = flatten();
  const kinds: Record<string, number> = {};
  let answered = 0;
  for (const s of sheets) {
    for (const a of Object.values(s)) {
      answered++;
      const k = 'option' in a ? 'option' : 'index' in a ? 'index' : 'percent' in a ? 'percent' : 'inputs' in a ? 'inputs' : 'other';
      kinds[k] = (kinds[k] ?? 0) + 1;
    }
  }
  // correctness first (untimed): the floor must add up to the same totals
  let wbk = 0;
  let wbbm = 0;
  let maxDelta = 0;
  const totals: number[] = [];
  for (const s of sheets) {
    const score = scoreAnswers(rs, s);
    const v = judge(rs, score);
    if (v.WBK.eligible) wbk++;
    if (v.WBBM.eligible) wbbm++;
    totals.push(score.total);
    maxDelta = Math.max(maxDelta, Math.abs(score.total - bareTotal(flat, s)));
  }

  let sink = 0;
  const integritasPass = () => {
    const t0 = performance.now();
    for (const s of sheets) {
      const score = scoreAnswers(rs, s);
      const v = judge(rs, score);
      sink += score.total + (v.WBBM.eligible ? 1 : 0);
    }
    return performance.now() - t0;
  };
  const barePass = () => {
    const t0 = performance.now();
    for (const s of sheets) sink += bareTotal(flat, s);
    return performance.now() - t0;
  };
  integritasPass();
  barePass();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < SCORE_ROUNDS; i++) {
    a.push(integritasPass());
    b.push(barePass());
  }
  if (!Number.isFinite(sink)) throw new Error('scoring produced a non-finite total');
  return {
    worksheets: sheets.length, rounds: SCORE_ROUNDS,
    integritasMs: median(a), integritasMinMs: Math.min(...a), bareMs: median(b), bareMinMs: Math.min(...b),
    answered, kinds,
    meanTotal: totals.reduce((x, y) => x + y, 0) / totals.length, minTotal: Math.min(...totals), maxTotal: Math.max(...totals),
    wbk, wbbm, maxDelta,
  };
}

export interface PlanResult {
  runs: number[];
  changes: number;
  closesAll: boolean;
  before: number;
}

/** whatWouldItTake(worked example, WBBM): one untimed warm-up, then PLAN_RUNS timed runs. */
export function benchPlan(): PlanResult {
  const plan = whatWouldItTake(rs, workedExample, 'WBBM');
  const runs: number[] = [];
  for (let i = 0; i < PLAN_RUNS; i++) {
    const t0 = performance.now();
    whatWouldItTake(rs, workedExample, 'WBBM');
    runs.push(performance.now() - t0);
  }
  return { runs, changes: plan.changes.length, closesAll: plan.closesAll, before: scoreAnswers(rs, workedExample).total };
}

// ---------------------------------------------------------------- documents

export interface DocResult {
  first: number;
  runs: number[];
  median: number;
  p99: number;
  bytes: number;
}

async function timeDoc(render: () => Promise<Uint8Array> | Uint8Array): Promise<DocResult> {
  let t0 = performance.now();
  let out = await render();
  const first = performance.now() - t0;
  const runs: number[] = [];
  for (let i = 0; i < LHE_RUNS; i++) {
    t0 = performance.now();
    out = await render();
    runs.push(performance.now() - t0);
  }
  return { first, runs, median: median(runs), p99: percentile(runs, 99), bytes: out.byteLength };
}

/**
 * The same workbook GET /lke/:id/export.xlsx builds for the worksheet the bench fills: the worked
 * example as the unit layer, no TPI layer, no notes, no evidence.
 */
export function workbookInput(): WorkbookInput {
  return {
    ruleset: rs, options: rs.defaults, regency: 'Kabupaten Bangka',
    unit: { code: 'DPMPTSPKUKM', name: 'Dinas Penanaman Modal, Pelayanan Perizinan Terpadu Satu Pintu, Koperasi, Usaha Kecil dan Menengah' },
    year: 2027, stateLabel: 'Draf', layers: { unit: workedExample, tpi: {} }, notes: { unit: {}, tpi: {} }, evidence: {}, locale: 'id',
  };
}

/** An evaluated worksheet: the worked example, and a TPI layer that differs in three items. */
export function lheInput(): LheInput {
  const tpi: Answers = {
    ...workedExample,
    'A.I.1.i.b': { option: 'B' },
    'A.II.4.i.a': { inputs: { targets: 10, achieved: 8 } },
    'A.I.6.ii.d': { option: 'B' },
  };
  const unitScore = scoreAnswers(rs, workedExample);
  const tpiScore = scoreAnswers(rs, tpi);
  const items = indexOf(rs).items;
  return {
    locale: 'id', regency: 'Kabupaten Bangka', inspectorate: 'Inspektorat Kabupaten Bangka',
    unit: { code: 'DPMPTSPKUKM', name: 'Dinas Penanaman Modal, Pelayanan Perizinan Terpadu Satu Pintu, Koperasi, Usaha Kecil dan Menengah' },
    year: 2027, ruleset: rs, options: rs.defaults, state: 'evaluated', stateLabel: 'Dievaluasi',
    evaluatedAt: new Date('2027-04-14T03:00:00Z'), evaluators: ['Evaluator Satu', 'Evaluator Dua'],
    conclusion: 'belum_memenuhi', conclusionNote: 'Penataan Tatalaksana belum mencapai 75 %.',
    scores: { unit: unitScore, tpi: tpiScore }, review: { items: rs.items.length, reviewed: rs.items.length, changed: 3 }, verdict: judge(rs, tpiScore, { bpkOpinion: 'WTP' }),
    differences: compareLayers(rs, workedExample, tpi).map((d) => {
      const item = items.get(d.item)!;
      return { item: d.item, question: item.question.id, unitAnswer: describeAnswer(item, d.a, 'id', rs.defaults), tpiAnswer: describeAnswer(item, d.b, 'id', rs.defaults), delta: d.delta, note: null };
    }),
    notes: ['dikembalikan: lengkapi data dukung area 2.'],
  };
}

let workbook: WorkbookInput | undefined;

/** One exportWorkbook call with workbookInput(); bench/run.ts alternates it with the app's export. */
export async function exportWorkbookOnce(): Promise<{ ms: number; bytes: number }> {
  workbook ??= workbookInput();
  const t0 = performance.now();
  const buf = await exportWorkbook(workbook);
  return { ms: performance.now() - t0, bytes: buf.byteLength };
}

/**
 * renderLhePdf twice: with a conclusion note that changes on every call, so Typst lays the
 * document out again, and with the same input every time, which Typst's memoised compiler answers
 * mostly from its cache (as when one report is downloaded again).
 */
export async function benchLhe(): Promise<{ lheChanged: DocResult; lheSame: DocResult }> {
  const lhe = lheInput();
  let n = 0;
  const lheChanged = await timeDoc(() => renderLhePdf({ ...lhe, conclusionNote: `${lhe.conclusionNote} (${++n})` }));
  const lheSame = await timeDoc(() => renderLhePdf(lhe));
  return { lheChanged, lheSame };
}

// ---------------------------------------------------------------- filling through the app

/** The form fields a browser posts for one answer of the worked example (as the item form does). */
export function formFieldsOf(item: RuleItem, a: Answer): Record<string, string> {
  if ('option' in a) return { answer: a.option };
  if ('index' in a) return { index: String(a.index).replace('.', ',') };
  if ('inputs' in a) {
    const out: Record<string, string> = {};
    for (const inp of item.inputs ?? []) if (!inp.sumOf && a.inputs[inp.key] !== undefined) out[`in_${inp.key}`] = String(a.inputs[inp.key]);
    return out;
  }
  throw new Error(`no form fields for the answer of ${item.code}`);
}

/** Every item of the rule set with the worked example's answer, in sheet order. */
export function workedExampleForms(): { code: string; fields: Record<string, string> }[] {
  return rs.items.filter((it) => workedExample[it.code]).map((it) => ({ code: it.code, fields: formFieldsOf(it, workedExample[it.code]!) }));
}

export const ITEM_COUNT = rs.items.length;
