// The worksheet's state machine and who may write which answer layer when. Pure; the service asks.
import type { Role } from '../../kernel/access.ts';

export const STATES = ['draft', 'submitted', 'under_review', 'returned', 'evaluated', 'recommended'] as const;
export type State = (typeof STATES)[number];
export const LAYERS = ['unit', 'tpi', 'tpn'] as const;
export type Layer = (typeof LAYERS)[number];
export const CONCLUSIONS = ['memenuhi', 'belum_memenuhi'] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];

export type Transition = 'submit' | 'start_review' | 'return' | 'evaluate' | 'reopen' | 'recommend';

interface TransitionRule {
  from: readonly State[];
  to: State;
  roles: readonly Role[];
  /** a note is required (return) */
  needsNote?: boolean;
  /** a conclusion is required (evaluate) */
  needsConclusion?: boolean;
  /** only when the TPI concluded "memenuhi" */
  needsMemenuhi?: boolean;
  /** only when every item carries a TPI decision (evaluate) */
  needsFullReview?: boolean;
}

/** Unit roles that fill the self-assessment. */
export const UNIT_EDITORS: readonly Role[] = ['zi_ketua', 'zi_sekretaris', 'zi_coordinator', 'zi_member', 'unit_head'];
/** Unit roles that may submit the worksheet to the TPI. */
export const UNIT_SUBMITTERS: readonly Role[] = ['zi_ketua', 'unit_head'];
export const EVALUATORS: readonly Role[] = ['tpi_evaluator'];

export const TRANSITIONS: Record<Transition, TransitionRule> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', roles: UNIT_SUBMITTERS },
  start_review: { from: ['submitted'], to: 'under_review', roles: EVALUATORS },
  return: { from: ['under_review'], to: 'returned', roles: EVALUATORS, needsNote: true },
  evaluate: { from: ['under_review'], to: 'evaluated', roles: EVALUATORS, needsConclusion: true, needsFullReview: true },
  reopen: { from: ['evaluated'], to: 'under_review', roles: EVALUATORS },
  recommend: { from: ['evaluated'], to: 'recommended', roles: EVALUATORS, needsMemenuhi: true },
};

export function isState(v: unknown): v is State {
  return typeof v === 'string' && (STATES as readonly string[]).includes(v);
}
export function isLayer(v: unknown): v is Layer {
  return typeof v === 'string' && (LAYERS as readonly string[]).includes(v);
}

export type Refusal = 'state' | 'role' | 'note' | 'conclusion' | 'not_memenuhi' | 'unreviewed';

export interface TransitionFacts {
  note?: string | null;
  conclusion?: string | null;
  /** the conclusion the worksheet carries now (recommend) */
  currentConclusion?: string | null;
  /** how many items still lack a TPI decision (evaluate); not given counts as not known, and refuses */
  undecided?: number | null;
}

/** Whether `roles` (held on the worksheet's unit) may take a transition now; the reason if not. */
export function checkTransition(t: Transition, state: State, roles: readonly Role[], input: TransitionFacts = {}): Refusal | null {
  const rule = TRANSITIONS[t];
  if (!rule.roles.some((r) => roles.includes(r))) return 'role';
  if (!rule.from.includes(state)) return 'state';
  if (rule.needsNote && !input.note?.trim()) return 'note';
  if (rule.needsConclusion && !(CONCLUSIONS as readonly string[]).includes(input.conclusion ?? '')) return 'conclusion';
  if (rule.needsMemenuhi && input.currentConclusion !== 'memenuhi') return 'not_memenuhi';
  if (rule.needsFullReview && input.undecided !== 0) return 'unreviewed';
  return null;
}

/** Transitions available to these roles in this state (for buttons). */
export function availableTransitions(state: State, roles: readonly Role[]): Transition[] {
  return (Object.keys(TRANSITIONS) as Transition[]).filter((t) => {
    const r = TRANSITIONS[t];
    return r.from.includes(state) && r.roles.some((x) => roles.includes(x));
  });
}

/**
 * Whether a layer can be written now. The unit's layer only while the unit holds the worksheet
 * (draft, returned); the TPI's only during review; the TPN record once the TPI has evaluated.
 * Area coordinators write only the items of their own area.
 */
export function canWriteLayer(layer: Layer, state: State, roles: readonly Role[], itemArea: number | null, coordinatorAreas: readonly number[]): boolean {
  if (layer === 'unit') {
    if (state !== 'draft' && state !== 'returned') return false;
    if (roles.some((r) => r !== 'zi_coordinator' && UNIT_EDITORS.includes(r))) return true;
    return roles.includes('zi_coordinator') && itemArea !== null && coordinatorAreas.includes(itemArea);
  }
  if (layer === 'tpi') return state === 'under_review' && roles.some((r) => EVALUATORS.includes(r));
  return (state === 'evaluated' || state === 'recommended') && roles.some((r) => EVALUATORS.includes(r));
}

/** One answer row as the review needs it: the answer (null = the TPI accepts the unit's value) and when it was written. */
export interface ReviewRow { answer: unknown; rev: string }

export interface ReviewTally {
  /** items of the rule set */
  items: number;
  /** items carrying a TPI decision: accepted or the TPI's own value */
  decided: number;
  /** decisions that accept the unit's value */
  accepted: number;
  /** decisions that are the TPI's own value */
  own: number;
  /** items without a TPI decision, in rule-set order (stale acceptances included) */
  undecided: string[];
  /** items the TPI had accepted before the unit changed its answer (the acceptance no longer holds) */
  stale: string[];
}

/**
 * Which items carry a TPI decision. The TPI's own value always counts; an acceptance counts only for
 * the unit's answer as it stood when the TPI accepted it: when the unit changed the item afterwards
 * (a returned worksheet), the TPI has not seen the new value and the item needs a decision again.
 */
export function reviewTally(codes: readonly string[], unit: ReadonlyMap<string, ReviewRow>, tpi: ReadonlyMap<string, ReviewRow>): ReviewTally {
  let accepted = 0;
  let own = 0;
  const undecided: string[] = [];
  const stale: string[] = [];
  for (const code of codes) {
    const t = tpi.get(code);
    if (!t) {
      undecided.push(code);
      continue;
    }
    if (t.answer !== null && t.answer !== undefined) {
      own++;
      continue;
    }
    const u = unit.get(code);
    if (u && Date.parse(u.rev) > Date.parse(t.rev)) {
      stale.push(code);
      undecided.push(code);
      continue;
    }
    accepted++;
  }
  return { items: codes.length, decided: accepted + own, accepted, own, undecided, stale };
}

/** The layer whose answers decide the verdict shown by default: the latest one filled. */
export function verdictLayer(state: State, hasTpn: boolean): Layer {
  if (hasTpn) return 'tpn';
  return state === 'under_review' || state === 'evaluated' || state === 'recommended' ? 'tpi' : 'unit';
}
