// Pure rules of conflict-of-interest management: the rule data (coi-rules.json: sources, mitigations,
// decision kinds, the statement, the declaration cadence, coverage thresholds), declaration periods,
// who still has to declare, risk levels, the LKE mappings of A.I.5.v.a–e and the input checks. No
// database and no clock: callers pass today.
import { z } from 'zod';
import { loadRules } from '../../kernel/rules.ts';
import { DomainError } from '../../kernel/errors.ts';
import { isIsoDate, type IsoDate } from '../../kernel/workdays.ts';

interface Tagged { key: string; tag: string; ref: string }
export interface RuleVersion {
  id: string;
  current: boolean;
  regulation: string;
  sources: Tagged[];
  mitigations: Tagged[];
  assessments: Tagged[];
  decisionKinds: Tagged[];
  cadence: { periodic: Cadence; tag: string; ref: string };
  statement: { version: string; text: string; textEn: string; tag: string };
}
export type Cadence = 'annual' | 'semester';
export interface CoiRules {
  versions: RuleVersion[];
  coverage: { mostAbove: number };
  evaluation: { periodicAtLeastPerYear: number };
  risk: { scaleMin: number; scaleMax: number; levels: { key: string; from: number }[] };
}

const tag = z.enum(['V', 'S', 'U', 'NF', 'I']);
const tagged = z.object({ key: z.string().min(1), tag, ref: z.string() }).strict();
const note = { tag, ref: z.string().min(1) };
/** The shape of coi-rules.json, checked when the module loads (kernel/rules.ts). */
const coiRules = z.object({
  about: z.string(),
  versions: z.array(z.object({
    id: z.string().min(1), current: z.boolean(), regulation: z.string().min(1), replaces: z.string().optional(),
    source: z.object(note).strict(),
    sources: z.array(tagged).min(1), mitigations: z.array(tagged).min(1), assessments: z.array(tagged).min(1), decisionKinds: z.array(tagged).min(1),
    cadence: z.object({ periodic: z.enum(['annual', 'semester']), ...note }).strict(),
    statement: z.object({ version: z.string().min(1), tag, text: z.string().min(1), textEn: z.string().min(1) }).strict(),
  }).strict()).min(1).refine((vs) => vs.filter((v) => v.current).length === 1, 'exactly one version is current'),
  coverage: z.object({ mostAbove: z.number().gt(0).lt(1), ...note }).strict(),
  evaluation: z.object({ periodicAtLeastPerYear: z.number().int().positive(), ...note }).strict(),
  risk: z.object({
    scaleMin: z.number().int().positive(), scaleMax: z.number().int().positive(),
    levels: z.array(z.object({ key: z.string().min(1), from: z.number().int().positive() }).strict()).min(1), ...note,
  }).strict(),
}).strict();
export const COI_RULES: CoiRules = loadRules(new URL('./coi-rules.json', import.meta.url), coiRules);

export function currentVersion(rules = COI_RULES): RuleVersion {
  const v = rules.versions.find((x) => x.current);
  if (!v) throw new Error('coi-rules.json: no current version');
  return v;
}
export function versionById(id: string, rules = COI_RULES): RuleVersion | null {
  return rules.versions.find((x) => x.id === id) ?? null;
}

const CUR = currentVersion();
export const SOURCES = CUR.sources.map((s) => s.key);
export const MITIGATIONS = CUR.mitigations.map((s) => s.key);
export const ASSESSMENTS = CUR.assessments.map((s) => s.key);
export const DECISION_KINDS = CUR.decisionKinds.map((s) => s.key);
export const SOCIALISATION_KINDS = ['meeting', 'circular', 'banner', 'elearning', 'briefing', 'other'] as const;
export const STATES = ['acknowledged', 'submitted', 'mitigating', 'closed'] as const;
export type State = (typeof STATES)[number];
export const REC_STATUSES = ['open', 'in_progress', 'done'] as const;

// ---- periods --------------------------------------------------------------------------------------

/** The periodic-declaration period a day falls in: '2026' (annual) or '2026-S1' / '2026-S2' (semester). */
export function periodOf(day: IsoDate, cadence: Cadence = CUR.cadence.periodic): string {
  const y = day.slice(0, 4);
  if (cadence === 'annual') return y;
  return `${y}-S${Number(day.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** The periods of a year under a cadence. */
export function periodsOfYear(year: number, cadence: Cadence = CUR.cadence.periodic): string[] {
  return cadence === 'annual' ? [String(year)] : [`${year}-S1`, `${year}-S2`];
}

/** First and last day of a period code; null when malformed. */
export function periodRange(code: string): { from: IsoDate; to: IsoDate; year: number } | null {
  const m = /^(\d{4})(?:-S([12]))?$/.exec(code ?? '');
  if (!m) return null;
  const y = Number(m[1]);
  if (y < 2000 || y > 2100) return null;
  if (!m[2]) return { from: `${y}-01-01`, to: `${y}-12-31`, year: y };
  return m[2] === '1' ? { from: `${y}-01-01`, to: `${y}-06-30`, year: y } : { from: `${y}-07-01`, to: `${y}-12-31`, year: y };
}

/** Who still has to make the periodic declaration: active people without one for the period, in the given order. */
export function stillToDeclare<P extends { id: string; isActive: boolean }>(people: readonly P[], declared: ReadonlySet<string>): P[] {
  return people.filter((p) => p.isActive && !declared.has(p.id));
}

// ---- risk -------------------------------------------------------------------------------------------

/** likelihood × impact → a level key of the rules. */
export function riskLevel(likelihood: number, impact: number, rules = COI_RULES): string {
  const score = likelihood * impact;
  let level = rules.risk.levels[0]!.key;
  for (const l of rules.risk.levels) if (score >= l.from) level = l.key;
  return level;
}

// ---- LKE mappings -------------------------------------------------------------------------------

export type Abcd = 'a' | 'b' | 'c' | 'd';

/** Coverage of the unit's main functions → A (all), B (most: above the threshold), C (few), D (none). */
export function coverageAnswer(covered: number, total: number, rules = COI_RULES): Abcd {
  if (total <= 0 || covered <= 0) return 'd';
  if (covered >= total) return 'a';
  return covered / total > rules.coverage.mostAbove ? 'b' : 'c';
}

/** A.I.5.v.d: evaluations in the year → A (periodic), B (not periodic), C (none). */
export function evaluationAnswer(evaluations: number, rules = COI_RULES): 'a' | 'b' | 'c' {
  return evaluations >= rules.evaluation.periodicAtLeastPerYear ? 'a' : evaluations > 0 ? 'b' : 'c';
}

/** A.I.5.v.e: recommendations followed up → A (all), B (some), C (none); null without recommendations. */
export function followUpAnswer(done: number, total: number): 'a' | 'b' | 'c' | null {
  if (total <= 0) return null;
  return done >= total ? 'a' : done > 0 ? 'b' : 'c';
}

// ---- states -----------------------------------------------------------------------------------------

export type DeclAction = 'review' | 'follow_up';

/** Whether an action is allowed in a state. */
export function allowed(state: string, action: DeclAction): boolean {
  if (action === 'review') return state === 'submitted';
  return state === 'mitigating';
}

/** The state after a review: no action needed (or assessed as no conflict) closes it. */
export function stateAfterReview(assessment: string, mitigation: string | null): State {
  return assessment === 'none' || !mitigation || mitigation === 'none' ? 'closed' : 'mitigating';
}

// ---- input checks -------------------------------------------------------------------------------

export const LIMITS = { short: 200, text: 5000, participants: 100000, conflicts: 5 } as const;

const clean = (v: unknown) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n').trim() : '');
const oneLine = (v: unknown) => clean(v).replace(/\s+/g, ' ');

type Errors = Record<string, string>;
function fail(e: Errors): never {
  throw new DomainError('validation', 'error.validation', {}, e);
}

function req(e: Errors, field: string, raw: unknown, max: number = LIMITS.short, single = true): string {
  const s = single ? oneLine(raw) : clean(raw);
  if (!s) e[field] = 'coi.err.required';
  else if (s.length > max) e[field] = 'coi.err.too_long';
  return s;
}
function opt(e: Errors, field: string, raw: unknown, max: number = LIMITS.text): string | null {
  const s = clean(raw);
  if (s.length > max) e[field] = 'coi.err.too_long';
  return s || null;
}
function pastDate(e: Errors, field: string, raw: unknown, today: IsoDate, { future = false } = {}): IsoDate {
  const s = clean(raw);
  if (!s) e[field] = 'coi.err.required';
  else if (!isIsoDate(s) || s < '2000-01-01' || s > '2100-12-31') e[field] = 'coi.err.date';
  else if (!future && s > today) e[field] = 'coi.err.date_future';
  return s;
}
function scale(e: Errors, field: string, raw: unknown, rules = COI_RULES): number {
  const s = clean(raw);
  const n = Number(s);
  if (!/^\d+$/.test(s) || n < rules.risk.scaleMin || n > rules.risk.scaleMax) e[field] = 'coi.err.scale';
  return n;
}
export function parseYear(raw: unknown, today: IsoDate): number | null {
  const s = clean(raw);
  if (!/^\d{4}$/.test(s)) return null;
  const y = Number(s);
  return y >= 2000 && y <= Number(today.slice(0, 4)) + 1 ? y : null;
}

export interface FunctionInput { name?: string; serviceCode?: string }
export function parseFunction(input: FunctionInput) {
  const e: Errors = {};
  const name = req(e, 'name', input.name);
  const serviceCode = oneLine(input.serviceCode) || null;
  if (serviceCode && serviceCode.length > 60) e.serviceCode = 'coi.err.too_long';
  if (Object.keys(e).length) fail(e);
  return { name, serviceCode };
}

export interface RiskInput { source?: string; form?: string; positions?: string; likelihood?: string; impact?: string; controls?: string; mitigation?: string }
export function parseRisk(input: RiskInput) {
  const e: Errors = {};
  const source = clean(input.source);
  if (!SOURCES.includes(source)) e.source = 'coi.err.source';
  const form = req(e, 'form', input.form, 1000, false);
  const positions = req(e, 'positions', input.positions, 500);
  const likelihood = scale(e, 'likelihood', input.likelihood);
  const impact = scale(e, 'impact', input.impact);
  const controls = opt(e, 'controls', input.controls, 2000);
  const mitigation = opt(e, 'mitigation', input.mitigation, 2000);
  if (Object.keys(e).length) fail(e);
  return { source, form, positions, likelihood, impact, controls, mitigation };
}

export interface SocialisationInput { heldOn?: string; title?: string; kind?: string; participants?: string; note?: string }
export function parseSocialisation(input: SocialisationInput, functionIds: string[], today: IsoDate) {
  const e: Errors = {};
  const heldOn = pastDate(e, 'heldOn', input.heldOn, today);
  const title = req(e, 'title', input.title);
  const kind = clean(input.kind);
  if (!(SOCIALISATION_KINDS as readonly string[]).includes(kind)) e.kind = 'coi.err.kind';
  const p = clean(input.participants);
  const participants = Number(p);
  if (!/^\d+$/.test(p) || participants > LIMITS.participants) e.participants = p.startsWith('-') ? 'coi.err.negative' : 'coi.err.participants';
  if (functionIds.length === 0) e.functionIds = 'coi.err.functions';
  const note = opt(e, 'note', input.note, 2000);
  if (Object.keys(e).length) fail(e);
  return { heldOn, title, kind, participants, functionIds: [...new Set(functionIds)], note };
}

export interface Conflict { source: string; description: string; relatedParty: string }
export interface DeclarationInput {
  kind?: string; declaredOn?: string; hasConflict?: string; superiorPersonId?: string; functionId?: string;
  decisionKind?: string; reference?: string; roleInDecision?: string; agree?: string;
  conflicts?: { source?: string; description?: string; relatedParty?: string }[];
}
export function parseDeclaration(input: DeclarationInput, today: IsoDate) {
  const e: Errors = {};
  const kind = clean(input.kind);
  if (kind !== 'periodic' && kind !== 'adhoc') e.kind = 'coi.err.kind';
  const declaredOn = pastDate(e, 'declaredOn', input.declaredOn, today);
  const hc = clean(input.hasConflict);
  if (hc !== 'yes' && hc !== 'no') e.hasConflict = 'coi.err.has_conflict';
  const hasConflict = hc === 'yes';
  let decisionKind: string | null = null;
  let reference: string | null = null;
  let roleInDecision: string | null = null;
  if (kind === 'adhoc') {
    decisionKind = clean(input.decisionKind);
    if (!DECISION_KINDS.includes(decisionKind)) e.decisionKind = 'coi.err.decision_kind';
    reference = req(e, 'reference', input.reference);
    roleInDecision = req(e, 'roleInDecision', input.roleInDecision);
  }
  const conflicts: Conflict[] = [];
  if (hasConflict) {
    (input.conflicts ?? []).slice(0, LIMITS.conflicts).forEach((c, i) => {
      const source = clean(c.source);
      const description = clean(c.description);
      const relatedParty = oneLine(c.relatedParty);
      if (!source && !description && !relatedParty) return;
      if (!SOURCES.includes(source)) e[`c${i}source`] = 'coi.err.source';
      if (!description) e[`c${i}description`] = 'coi.err.required';
      else if (description.length > 2000) e[`c${i}description`] = 'coi.err.too_long';
      if (relatedParty.length > LIMITS.short) e[`c${i}relatedParty`] = 'coi.err.too_long';
      conflicts.push({ source, description, relatedParty });
    });
    if (conflicts.length === 0) e.c0description = 'coi.err.conflict_missing';
  }
  if (clean(input.agree) !== '1') e.agree = 'coi.err.agree';
  if (Object.keys(e).length) fail(e);
  return { kind: kind as 'periodic' | 'adhoc', declaredOn, hasConflict, decisionKind, reference, roleInDecision, conflicts };
}

export interface ReviewInput { assessment?: string; mitigation?: string; dueOn?: string; note?: string }
export function parseReview(input: ReviewInput, today: IsoDate) {
  const e: Errors = {};
  const assessment = clean(input.assessment);
  if (!ASSESSMENTS.includes(assessment)) e.assessment = 'coi.err.assessment';
  let mitigation: string | null = clean(input.mitigation) || null;
  let dueOn: string | null = clean(input.dueOn) || null;
  if (assessment === 'none') { mitigation = null; dueOn = null; }
  else if (mitigation !== 'none') {
    if (!mitigation || !MITIGATIONS.includes(mitigation)) e.mitigation = 'coi.err.mitigation';
    if (!dueOn) e.dueOn = 'coi.err.required';
    else if (!isIsoDate(dueOn) || dueOn > '2100-12-31') e.dueOn = 'coi.err.date';
    else if (dueOn < today) e.dueOn = 'coi.err.date_past';
  } else dueOn = null;
  const note = opt(e, 'note', input.note, 2000);
  if (mitigation === 'other' && !note) e.note = 'coi.err.other_note';
  if (Object.keys(e).length) fail(e);
  return { assessment, mitigation: mitigation === 'none' ? null : mitigation, dueOn, note };
}

export function parseFollowUp(input: { note?: string; doneOn?: string }, today: IsoDate) {
  const e: Errors = {};
  const note = req(e, 'note', input.note, 2000, false);
  const doneOn = pastDate(e, 'doneOn', input.doneOn, today);
  if (Object.keys(e).length) fail(e);
  return { note, doneOn };
}

export interface EvaluationInput { heldOn?: string; periodFrom?: string; periodTo?: string; findings?: string; recommendations?: string }
export function parseEvaluation(input: EvaluationInput, today: IsoDate) {
  const e: Errors = {};
  const heldOn = pastDate(e, 'heldOn', input.heldOn, today);
  const periodFrom = pastDate(e, 'periodFrom', input.periodFrom, today);
  const periodTo = pastDate(e, 'periodTo', input.periodTo, today, { future: true });
  if (!e.periodFrom && !e.periodTo && periodTo < periodFrom) e.periodTo = 'coi.err.period_order';
  const findings = req(e, 'findings', input.findings, LIMITS.text, false);
  const recommendations = clean(input.recommendations).split('\n').map((s) => s.replace(/^\s*[-•*\d.)]+\s*/, '').trim()).filter(Boolean);
  if (recommendations.some((r) => r.length > 1000)) e.recommendations = 'coi.err.too_long';
  if (recommendations.length > 30) e.recommendations = 'coi.err.too_many';
  if (Object.keys(e).length) fail(e);
  return { heldOn, periodFrom, periodTo, findings, recommendations };
}

export function parseRecommendationUpdate(input: { status?: string; doneOn?: string; note?: string }, today: IsoDate) {
  const e: Errors = {};
  const status = clean(input.status);
  if (!(REC_STATUSES as readonly string[]).includes(status)) e.status = 'coi.err.status';
  let doneOn: string | null = null;
  if (status === 'done') doneOn = pastDate(e, 'doneOn', input.doneOn, today);
  const note = opt(e, 'note', input.note, 2000);
  if (Object.keys(e).length) fail(e);
  return { status, doneOn, note };
}
