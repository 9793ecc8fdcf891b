// The shape of an LKE rule set (versioned data in ./rulesets/*.json) and of what scoring returns.
// Every regulation number lives in the rule-set data with its source; code only interprets it.

/** How an item is answered. */
export type AnswerType =
  | 'yn' // Ya/Tidak
  | 'abc' // A/B/C
  | 'abcd' // A/B/C/D
  | 'abcde' // A/B/C/D/E
  | 'percent' // percentage computed from named count inputs (or given directly)
  | 'index'; // survey index 0–4 (IPAK, IPKP)

export type OptionLetter = 'Ya' | 'Tidak' | 'A' | 'B' | 'C' | 'D' | 'E';

/** Where a number or rule comes from: [V] verified in the regulation, [S] secondary, [U] unverified. */
export interface Source {
  tag: 'V' | 'S' | 'U';
  ref: string;
}

export interface TextPair {
  id: string;
  en: string;
}

/** A node of the tree: component (A, B), aspect (A.I, A.II, B.I, B.II), area (A.I.1), sub-indicator (A.I.1.i). */
export interface RuleNode {
  code: string;
  kind: 'component' | 'aspect' | 'area' | 'sub';
  title: TextPair;
  /** points (e.g. 60, 30, 4, 0.5) */
  weight: number;
  parent: string | null;
  /** 1..6 for pengungkit areas and their subs; null for hasil nodes and components */
  area: number | null;
  source?: Source;
  /** e.g. the truncated title of A.II.6.ii */
  defect?: TextPair;
}

/** Named count input of a computed (percent) item. */
export interface ItemInput {
  key: string;
  label: TextPair;
  /** inputs computed as the sum of other inputs (LHKPN/LHKASN "Jumlah yang harus melaporkan") */
  sumOf?: string[];
}

/**
 * Formula of a computed item. Results are percentages, capped to 0..100 by the scorer.
 * - ratio: numerator ÷ denominator
 * - decrease: (previous − current) ÷ previous  (A.II.3.iii.a)
 * - complaints: completed ÷ toFollowUp, or (completed + inProcess) ÷ toFollowUp under the option
 */
export type Formula =
  | { kind: 'ratio'; numerator: string; denominator: string }
  | { kind: 'decrease'; previous: string; current: string }
  | { kind: 'complaints'; toFollowUp: string; inProcess: string; completed: string };

export interface RuleOption {
  letter: OptionLetter;
  /** verbatim criterion text of the regulation */
  text: string;
  en?: string;
}

export interface RuleItem {
  code: string; // "A.I.1.i.a", "A.II.5.iii.b", "B.I.a"
  seq: number; // 1..113
  sub: string; // parent node code ("A.I.1.i", "B.I")
  area: number | null;
  type: AnswerType;
  question: TextPair;
  /** verbatim criteria, one per option, in the regulation's order */
  options: RuleOption[];
  /**
   * Points this item carries. Pengungkit: the sub-indicator weight divided equally among its
   * items unless the regulation says otherwise (A.II.5.iii: 1.00 + 1.00). Hasil: 17.50 / 5.00 / 17.50.
   */
  weight: number;
  inputs?: ItemInput[];
  formula?: Formula;
  /** what a zero denominator yields under the default 'perItem' policy: 100 % or 0 % */
  whenZero?: 'full' | 'zero';
  /** expected evidence (Appendix B), a checklist */
  evidence: TextPair[];
  defect?: TextPair;
  source?: Source;
}

export type OptionValueMode = 'official' | 'exact';
export type AreaMinimumMode = 'combined' | 'perHalf' | 'both';
export type ComplaintFormulaMode = 'completed' | 'completedOrInProcess';
export type ZeroDenominatorMode = 'perItem' | 'full' | 'zero';

export interface RuleSetOptions {
  optionValues: OptionValueMode;
  areaMinimum: AreaMinimumMode;
  complaintFormula: ComplaintFormulaMode;
  zeroDenominator: ZeroDenominatorMode;
}

export interface OptionDocs<V extends string = string> {
  values: V[];
  default: string;
  why: TextPair;
  source?: Source;
}

/** One numeric criterion of a predicate (§3.8). */
export type ThresholdCriterion =
  | { id: string; kind: 'node'; node: string; min: number; label: TextPair; source: Source }
  | { id: string; kind: 'total'; min: number; label: TextPair; source: Source }
  | { id: string; kind: 'areaPercent'; minPercent: number; label: TextPair; source: Source };

export type Predicate = 'WBK' | 'WBBM';

/** A proposal prerequisite (§3.7), given by the user, never scored. */
export type Prerequisite =
  | { id: string; kind: 'boolean'; label: TextPair; source: Source; predicates: Predicate[] }
  | {
      id: string;
      kind: 'grade';
      /** ordered worst → best */
      scale: string[];
      min: Partial<Record<Predicate, string>>;
      label: TextPair;
      source: Source;
      predicates: Predicate[];
    }
  | {
      id: string;
      kind: 'number';
      min: Partial<Record<Predicate, number>>;
      unit?: string;
      label: TextPair;
      source: Source;
      predicates: Predicate[];
    };

export interface RuleSet {
  id: string; // "permenpanrb-90-2021"
  title: TextPair;
  regulation: string;
  /** 'current' rule sets accept new worksheets; 'revoked' ones are read-only, for old records */
  status: 'current' | 'revoked';
  /** first assessment year the rule set applies to, and the last (revoked) */
  fromYear: number;
  toYear: number | null;
  /** the rule set this one replaces (answers carry over by item code) */
  supersedes: string | null;
  /** true when the data is incomplete (legacy sets): worksheets cannot be scored item by item */
  partial: boolean;
  defaults: RuleSetOptions;
  optionDocs: { [K in keyof RuleSetOptions]: OptionDocs<RuleSetOptions[K]> };
  /** value of each option letter per answer type, official (2-decimal) and exact */
  optionValues: Record<OptionValueMode, Partial<Record<AnswerType, Partial<Record<OptionLetter, number>>>>>;
  /** the 0–4 index is converted linearly: index ÷ indexMax × item weight */
  indexMax: number;
  nodes: RuleNode[];
  items: RuleItem[];
  /** area names 1..6 */
  areas: { area: number; title: TextPair; weight: number }[];
  thresholds: Record<Predicate, ThresholdCriterion[]>;
  prerequisites: Prerequisite[];
  notes: TextPair[];
  sources: Source[];
}

// ---- answers ----

/** A normalised answer as stored and scored. */
export type Answer =
  | { option: OptionLetter }
  | { percent: number }
  | { inputs: Record<string, number> }
  | { index: number }
  /** partial (legacy) rule sets only: the recorded score of an area node that has no items */
  | { score: number };

export type Answers = Record<string, Answer>;

// ---- results ----

export interface NodeScore {
  weight: number;
  score: number;
  /** score ÷ weight × 100 */
  percent: number;
}

export interface ItemScore {
  /** 0..1; null when unanswered */
  value: number | null;
  score: number;
  weight: number;
  /** the computed percentage of a percent item (before capping), when known */
  rawPercent?: number | null;
}

export interface CriterionResult {
  id: string;
  label: TextPair;
  actual: number;
  required: number;
  /** '%' for area percentages, 'pts' for points */
  unit: '%' | 'pts';
  passed: boolean;
  /** for areaPercent: the area (1..6), and for perHalf mode the half */
  area?: number;
  half?: 'pemenuhan' | 'reform';
  /** plain words, e.g. "Penataan Tatalaksana 69,24 % < 75 %" */
  message: TextPair;
}

export interface PrerequisiteResult {
  id: string;
  label: TextPair;
  status: 'met' | 'not_met' | 'not_given';
  given?: unknown;
  required?: unknown;
}

export interface PredicateVerdict {
  /** the score thresholds of §3.8 only */
  eligible: boolean;
  failures: CriterionResult[];
  criteria: CriterionResult[];
  prerequisites: PrerequisiteResult[];
  /** eligible and every prerequisite met */
  proposable: boolean;
}

export interface ScoreResult {
  ruleset: string;
  options: RuleSetOptions;
  total: number;
  nodes: Record<string, NodeScore>;
  areas: Record<string, NodeScore & { pemenuhan: number; reform: number }>;
  items: Record<string, ItemScore>;
  unanswered: string[];
}

/** One suggested change that closes (part of) a gap. */
export interface Suggestion {
  item: string;
  from: Answer | null;
  to: Answer;
  gain: number;
  closes: string[];
}
