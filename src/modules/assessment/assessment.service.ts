// Use cases of the LKE: create/clone worksheets, save answers per layer, move through the review
// states, set prerequisites and options, move to another rule set, import a workbook. Each runs in
// one transaction with its audit entry; stale or replayed posts are refused by revision checks.
import { and, eq, sql } from 'drizzle-orm';
import type { Actor, Role, Scope } from '../../kernel/access.ts';
import { appendAudit, type AuditActor } from '../../kernel/audit.ts';
import type { Db } from '../../kernel/db.ts';
import { DomainError, conflict, forbidden, invalid, notFound } from '../../kernel/errors.ts';
import { notify } from '../../kernel/notify.ts';
import { currentYear } from '../../kernel/workdays.ts';
import { copyEvidenceLinks } from '../evidence/index.ts';
import { accountsHoldingRole, findUnit } from '../org/index.ts';
import {
  answers, findAnswerRow, findPreviousWorksheet, findWorksheet, findWorksheetByUnitYear, loadLayers, worksheetEvents, worksheets,
  type Layers,
} from './assessment.queries.ts';
import { findRuleSet, getRuleSet } from './lke.ruleset.ts';
import { carryOver, indexOf, MAX_NOTE, parseAnswer, parsePrerequisites, resolveOptions } from './lke.rules.ts';
import type { Answer, Answers, RuleSet, RuleSetOptions } from './lke.types.ts';
import {
  canWriteLayer, checkTransition, isState, reviewTally, TRANSITIONS, type Layer, type ReviewTally, type State, type Transition,
} from './lke.workflow.ts';

export interface Ctx { db: Db; actor: Actor; emailEnabled: boolean }

export function auditActorOf(a: Actor): AuditActor {
  return { accountId: a.accountId, label: a.username };
}

/** Roles the actor holds on a unit (regency-wide grants count everywhere), and coordinator areas. */
export function rolesOn(actor: Actor | null, unitId: string): { roles: Role[]; areas: number[] } {
  const roles = new Set<Role>();
  const areas: number[] = [];
  for (const g of actor?.grants ?? []) {
    if (g.unitId !== null && !g.unitIds.includes(unitId)) continue;
    roles.add(g.role);
    if (g.role === 'zi_coordinator' && g.area) areas.push(g.area);
  }
  return { roles: [...roles], areas };
}

export const MIN_YEAR = 2014;
export function maxYear(now = new Date()): number {
  return currentYear(now) + 1;
}

// ---------------------------------------------------------------- effective layers

/**
 * What each layer says about every item. The TPI layer holds only the items the TPI reviewed: a row
 * without an answer accepts the unit's value; the TPN record overrides the TPI where given.
 */
export function effectiveAnswers(layers: Layers): Record<Layer, Answers> {
  const unit = { ...layers.unit.answers };
  const tpi: Answers = { ...unit };
  for (const [code, row] of layers.tpi.rows) {
    if (row.answer) tpi[code] = row.answer;
  }
  const tpn: Answers = { ...tpi };
  for (const [code, row] of layers.tpn.rows) if (row.answer) tpn[code] = row.answer;
  return { unit, tpi, tpn };
}

/** Which items of the worksheet carry a TPI decision (accepted or the TPI's own value), and which do not. */
export function reviewOf(rs: RuleSet, layers: Layers): ReviewTally {
  return reviewTally(rs.items.map((i) => i.code), layers.unit.rows, layers.tpi.rows);
}

export function optionsOf(rs: RuleSet, w: { options: unknown }): RuleSetOptions {
  try {
    return resolveOptions(rs, (w.options ?? {}) as Partial<RuleSetOptions>);
  } catch {
    return rs.defaults;
  }
}

async function getForWrite(db: Db, scope: Scope, id: string) {
  const found = await findWorksheet(db, scope, id);
  if (!found) throw notFound();
  return found;
}

async function bump(tx: Db, id: string, patch: Partial<typeof worksheets.$inferInsert> = {}) {
  await tx.update(worksheets).set({ ...patch, version: sql`${worksheets.version} + 1`, updatedAt: new Date() }).where(eq(worksheets.id, id));
}

// ---------------------------------------------------------------- create / clone

export interface CreateInput { unitId: string; year: number; rulesetId: string; cloneFromId?: string | null }

export interface CreateResult { id: string; carried: number; dropped: { item: string; reason: string }[] }

/**
 * Creates a unit's worksheet for a year, empty or starting from an earlier worksheet of the same
 * unit ("previous" = the latest earlier year). Answers move by item code; what cannot move is listed.
 */
export async function createWorksheet(ctx: Ctx, scope: Scope, input: CreateInput, hooks: { copyEvidence?: (tx: Db, from: string, to: string, unitId: string, keep: (key: string) => boolean) => Promise<number> } = {}): Promise<CreateResult> {
  const unit = await findUnit(ctx.db, scope, input.unitId);
  if (!unit) throw invalid({ unit: 'lke.unit.choose' });
  if (await findWorksheetByUnitYear(ctx.db, input.unitId, input.year)) throw invalid({ year: 'lke.year.taken' });
  const rs = getRuleSet(input.rulesetId);
  let source: typeof worksheets.$inferSelect | null = null;
  if (input.cloneFromId === 'previous') {
    source = await findPreviousWorksheet(ctx.db, input.unitId, input.year);
    if (!source) throw invalid({ clone: 'lke.clone.none' });
  } else if (input.cloneFromId) {
    const found = await findWorksheet(ctx.db, scope, input.cloneFromId);
    if (!found || found.w.unitId !== input.unitId) throw invalid({ clone: 'lke.clone.invalid' });
    source = found.w;
  }
  let moved: Answers = {};
  let notes: Record<string, string> = {};
  let dropped: CreateResult['dropped'] = [];
  if (source) {
    const layers = await loadLayers(ctx.db, source.id);
    const from = findRuleSet(source.rulesetId) ?? rs;
    const co = carryOver(from, rs, layers.unit.answers);
    moved = co.answers;
    dropped = co.dropped;
    const known = indexOf(rs).items;
    notes = Object.fromEntries(Object.entries(layers.unit.notes).filter(([k]) => known.has(k)));
  }
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(worksheets).values({
      unitId: input.unitId, year: input.year, rulesetId: rs.id, options: rs.defaults, createdBy: ctx.actor.accountId,
      clonedFrom: source?.id ?? null,
    }).returning({ id: worksheets.id });
    const codes = new Set([...Object.keys(moved), ...Object.keys(notes)]);
    if (codes.size) {
      await tx.insert(answers).values([...codes].map((code) => ({
        worksheetId: row!.id, itemCode: code, layer: 'unit', answer: moved[code] ?? null, note: notes[code] ?? null, updatedBy: ctx.actor.accountId,
      })));
    }
    let evidence = 0;
    if (source && hooks.copyEvidence) {
      const known = indexOf(rs).items;
      evidence = await hooks.copyEvidence(tx, source.id, row!.id, input.unitId, (k) => known.has(k));
    }
    await tx.insert(worksheetEvents).values({ worksheetId: row!.id, fromState: null, toState: 'draft', actorId: ctx.actor.accountId, note: source ? `clone:${source.year}` : null });
    await appendAudit(tx, auditActorOf(ctx.actor), {
      action: 'lke.worksheet.create', entityType: 'assessment_worksheet', entityId: row!.id, unitId: input.unitId,
      data: { year: input.year, ruleset: rs.id, clonedFrom: source?.id ?? null, carried: Object.keys(moved).length, dropped: dropped.length, evidence },
    });
    return row!.id;
  });
  return { id, carried: Object.keys(moved).length, dropped };
}

// ---------------------------------------------------------------- answers

export interface SaveAnswerInput {
  worksheetId: string;
  code: string;
  layer: Layer;
  /** raw answer as posted: option letter, {inputs}, {percent}, index; null clears */
  raw: unknown;
  note: string | null;
  /** the revision the form was based on ('' when the item had no row) */
  rev: string;
  /** tpi/tpn: accept the unit's value (no own answer) */
  accept?: boolean;
}


/** Saves one item of one layer. Returns the new revision. */
export async function saveAnswer(ctx: Ctx, scope: Scope, input: SaveAnswerInput): Promise<{ rev: string; answer: Answer | null }> {
  const found = await getForWrite(ctx.db, scope, input.worksheetId);
  const w = found.w;
  const rs = getRuleSet(w.rulesetId);
  if (rs.status !== 'current') throw new DomainError('conflict', 'lke.ruleset.read_only');
  const item = indexOf(rs).items.get(input.code);
  if (!item) throw notFound();
  const { roles, areas } = rolesOn(ctx.actor, w.unitId);
  if (!isState(w.state) || !canWriteLayer(input.layer, w.state, roles, item.area, areas)) {
    throw new DomainError('conflict', input.layer === 'unit' ? 'lke.answer.locked' : 'lke.answer.layer_locked');
  }
  const note = input.note?.trim() ? input.note.trim() : null;
  if (note && note.length > MAX_NOTE) throw invalid({ note: 'lke.note.too_long' });
  let answer: Answer | null = null;
  if (!(input.layer !== 'unit' && input.accept)) {
    try {
      answer = parseAnswer(item, input.raw);
    } catch (e) {
      if (e instanceof DomainError) throw new DomainError('validation', e.code, e.params, { answer: e.code });
      throw e;
    }
  }
  if (input.layer !== 'unit' && !input.accept && !answer) throw invalid({ answer: 'lke.review.answer_or_accept' });
  return ctx.db.transaction(async (tx) => {
    // the state may have moved (e.g. submitted) since it was read: check again under a row lock
    const [locked] = await tx.select({ state: worksheets.state }).from(worksheets).where(eq(worksheets.id, w.id)).for('update');
    if (!locked || !isState(locked.state) || !canWriteLayer(input.layer, locked.state, roles, item.area, areas)) {
      throw new DomainError('conflict', input.layer === 'unit' ? 'lke.answer.locked' : 'lke.answer.layer_locked');
    }
    const current = await findAnswerRow(tx, w.id, item.code, input.layer);
    const currentRev = current ? current.updatedAt.toISOString() : '';
    if (currentRev !== input.rev) throw conflict('lke.answer.stale', { item: item.code });
    const now = new Date(Math.max(Date.now(), current ? current.updatedAt.getTime() + 1 : 0));
    if (!answer && !note && input.layer === 'unit') {
      if (current) await tx.delete(answers).where(and(eq(answers.worksheetId, w.id), eq(answers.itemCode, item.code), eq(answers.layer, input.layer)));
    } else {
      await tx.insert(answers).values({ worksheetId: w.id, itemCode: item.code, layer: input.layer, answer, note, updatedBy: ctx.actor.accountId, updatedAt: now })
        .onConflictDoUpdate({ target: [answers.worksheetId, answers.itemCode, answers.layer], set: { answer, note, updatedBy: ctx.actor.accountId, updatedAt: now } });
    }
    await bump(tx, w.id);
    await appendAudit(tx, auditActorOf(ctx.actor), {
      action: `lke.answer.${input.layer}`, entityType: 'assessment_worksheet', entityId: w.id, unitId: w.unitId,
      data: { item: item.code, answer, accept: input.accept === true, note: note ? note.slice(0, 200) : null, previous: current?.answer ?? null },
    });
    const cleared = !answer && !note && input.layer === 'unit';
    return { rev: cleared ? '' : now.toISOString(), answer };
  });
}

/**
 * Creates a worksheet from the "new" form: "previous" silently becomes empty when there is nothing
 * earlier to start from, and the evidence of carried items is linked to the new worksheet's items.
 */
export async function startWorksheet(ctx: Ctx, scope: Scope, input: CreateInput, subjectType: string): Promise<CreateResult> {
  const cloneFromId = input.cloneFromId === 'previous' && !(await findPreviousWorksheet(ctx.db, input.unitId, input.year)) ? null : input.cloneFromId;
  return createWorksheet(ctx, scope, { ...input, cloneFromId }, {
    copyEvidence: (tx, from, to, unitId, keep) => copyEvidenceLinks(tx, ctx.actor, { unitId, subjectType, fromSubjectId: from, toSubjectId: to, keyMap: (k) => (keep(k) ? k : null) }),
  });
}

// ---------------------------------------------------------------- transitions

export interface TransitionInput { worksheetId: string; transition: Transition; version: number; note?: string | null; conclusion?: string | null }

const REFUSAL_KEYS = {
  state: 'lke.transition.state', role: 'lke.transition.role', note: 'lke.transition.note_required', conclusion: 'lke.transition.conclusion_required',
  not_memenuhi: 'lke.transition.not_memenuhi', unreviewed: 'lke.transition.unreviewed',
} as const;

export async function transitionWorksheet(ctx: Ctx, scope: Scope, input: TransitionInput): Promise<State> {
  const found = await getForWrite(ctx.db, scope, input.worksheetId);
  const w = found.w;
  const { roles } = rolesOn(ctx.actor, w.unitId);
  if (!isState(w.state)) throw conflict('lke.transition.state');
  const note = input.note?.trim() || null;
  if (note && note.length > MAX_NOTE) throw invalid({ note: 'lke.note.too_long' });
  const rs = getRuleSet(w.rulesetId);
  const check = (undecided: number | null) => {
    const refusal = checkTransition(input.transition, w.state as State, roles, { note, conclusion: input.conclusion, currentConclusion: w.conclusion, undecided });
    if (refusal === 'role') throw forbidden();
    if (refusal === 'note') throw invalid({ note: REFUSAL_KEYS.note });
    if (refusal === 'conclusion') throw invalid({ conclusion: REFUSAL_KEYS.conclusion });
    if (refusal === 'unreviewed') throw conflict(REFUSAL_KEYS.unreviewed, { n: undecided ?? rs.items.length, total: rs.items.length });
    if (refusal) throw conflict(REFUSAL_KEYS[refusal]);
  };
  // evaluate: every item must carry a TPI decision (counted again under the row lock below)
  check(input.transition === 'evaluate' ? reviewOf(rs, await loadLayers(ctx.db, w.id)).undecided.length : null);
  const to = TRANSITIONS[input.transition].to;
  await ctx.db.transaction(async (tx) => {
    if (input.transition === 'evaluate') {
      await tx.select({ id: worksheets.id }).from(worksheets).where(eq(worksheets.id, w.id)).for('update');
      check(reviewOf(rs, await loadLayers(tx, w.id)).undecided.length);
    }
    // the version the form was rendered with: a stale or replayed post changes nothing
    const updated = await tx.update(worksheets).set({
      state: to,
      version: sql`${worksheets.version} + 1`,
      updatedAt: new Date(),
      ...(input.transition === 'submit' ? { submittedAt: new Date(), returnNote: null } : {}),
      ...(input.transition === 'return' ? { returnNote: note } : {}),
      ...(input.transition === 'evaluate' ? { conclusion: input.conclusion!, conclusionNote: note, evaluatedAt: new Date() } : {}),
      ...(input.transition === 'reopen' ? { conclusion: null, evaluatedAt: null } : {}),
    }).where(and(eq(worksheets.id, w.id), eq(worksheets.version, input.version), eq(worksheets.state, w.state))).returning({ id: worksheets.id });
    if (updated.length === 0) throw conflict('lke.worksheet.stale');
    await tx.insert(worksheetEvents).values({
      worksheetId: w.id, fromState: w.state, toState: to, actorId: ctx.actor.accountId,
      note: input.transition === 'evaluate' ? `${input.conclusion}${note ? `: ${note}` : ''}` : note,
    });
    await appendAudit(tx, auditActorOf(ctx.actor), {
      action: `lke.worksheet.${input.transition}`, entityType: 'assessment_worksheet', entityId: w.id, unitId: w.unitId,
      data: { from: w.state, to, note: note ? note.slice(0, 500) : null, conclusion: input.conclusion ?? null },
    });
    // tell the other side
    const targets = input.transition === 'submit'
      ? await accountsHoldingRole(tx, 'tpi_evaluator', w.unitId)
      : input.transition === 'return' || input.transition === 'evaluate' || input.transition === 'recommend'
        ? [...await accountsHoldingRole(tx, 'zi_ketua', w.unitId), ...await accountsHoldingRole(tx, 'unit_head', w.unitId)]
        : [];
    const ids = [...new Set(targets)].filter((id) => id !== ctx.actor.accountId);
    if (ids.length) {
      await notify(tx, ids, {
        kind: `lke.${input.transition}`, subjectKey: `lke.notify.${input.transition}.subject`, bodyKey: `lke.notify.${input.transition}.body`,
        params: { unit: found.unitName, year: w.year }, link: `/lke/${w.id}`,
      }, ctx.emailEnabled);
    }
  });
  return to;
}

// ---------------------------------------------------------------- accepting the unit's value for the rest

export interface AcceptRemainingInput {
  worksheetId: string;
  /** the version the confirmation was rendered with */
  version: number;
  /** how many items the confirmation named */
  n: number;
}

/**
 * The TPI accepts the unit's value for every item that has no TPI decision yet (never reviewed, or
 * accepted before the unit changed it), in one transaction with one audit entry listing the items.
 * Refused unless the worksheet is under review, the actor is its TPI, and the worksheet is still at
 * the version the confirmation showed — a stale or replayed post changes nothing.
 */
export async function acceptRemaining(ctx: Ctx, scope: Scope, input: AcceptRemainingInput): Promise<{ accepted: string[] }> {
  const { w } = await getForWrite(ctx.db, scope, input.worksheetId);
  const { roles, areas } = rolesOn(ctx.actor, w.unitId);
  if (!roles.includes('tpi_evaluator')) throw forbidden();
  if (!isState(w.state) || !canWriteLayer('tpi', w.state, roles, null, areas)) throw conflict('lke.answer.layer_locked');
  const rs = getRuleSet(w.rulesetId);
  if (rs.status !== 'current') throw conflict('lke.ruleset.read_only');
  return ctx.db.transaction(async (tx) => {
    const [locked] = await tx.select({ state: worksheets.state, version: worksheets.version }).from(worksheets).where(eq(worksheets.id, w.id)).for('update');
    if (!locked || !isState(locked.state) || !canWriteLayer('tpi', locked.state, roles, null, areas)) throw conflict('lke.answer.layer_locked');
    if (locked.version !== input.version) throw conflict('lke.worksheet.stale');
    const tally = reviewOf(rs, await loadLayers(tx, w.id));
    if (tally.undecided.length !== input.n) throw conflict('lke.worksheet.stale');
    if (tally.undecided.length === 0) return { accepted: [] };
    const now = new Date();
    const stale = new Set(tally.stale);
    const fresh = tally.undecided.filter((code) => !stale.has(code));
    if (fresh.length) {
      await tx.insert(answers).values(fresh.map((code) => ({ worksheetId: w.id, itemCode: code, layer: 'tpi', answer: null, note: null, updatedBy: ctx.actor.accountId, updatedAt: now })));
    }
    // an acceptance of an earlier unit value: accepted again now, the TPI's note kept
    for (const code of tally.stale) {
      await tx.update(answers).set({ answer: null, updatedBy: ctx.actor.accountId, updatedAt: now })
        .where(and(eq(answers.worksheetId, w.id), eq(answers.itemCode, code), eq(answers.layer, 'tpi')));
    }
    await bump(tx, w.id);
    await appendAudit(tx, auditActorOf(ctx.actor), {
      action: 'lke.review.accept_remaining', entityType: 'assessment_worksheet', entityId: w.id, unitId: w.unitId,
      data: { n: tally.undecided.length, items: tally.undecided, again: tally.stale },
    });
    return { accepted: tally.undecided };
  });
}

// ---------------------------------------------------------------- prerequisites, options, rule set

function assertUnitOrReview(w: { state: string; unitId: string }, actor: Actor) {
  const { roles } = rolesOn(actor, w.unitId);
  const state = w.state as State;
  const unitMay = (state === 'draft' || state === 'returned') && roles.some((r) => ['zi_ketua', 'zi_sekretaris', 'unit_head'].includes(r));
  const tpiMay = state === 'under_review' && roles.includes('tpi_evaluator');
  if (!unitMay && !tpiMay) throw conflict('lke.settings.locked');
}

/** Saves the prerequisites given on the verdict page (a field left empty is not given). */
export async function savePrerequisites(ctx: Ctx, scope: Scope, id: string, version: number, form: Record<string, string>) {
  const { w } = await getForWrite(ctx.db, scope, id);
  assertUnitOrReview(w, ctx.actor);
  const rs = getRuleSet(w.rulesetId);
  const raw: Record<string, unknown> = {};
  for (const p of rs.prerequisites) if (form[p.id] !== undefined && form[p.id] !== '') raw[p.id] = form[p.id];
  let given: Record<string, string | number | boolean>;
  try {
    given = parsePrerequisites(rs, raw);
  } catch (e) {
    if (e instanceof DomainError && typeof e.params.prerequisite === 'string') throw new DomainError('validation', e.code, e.params, { [e.params.prerequisite]: e.code });
    throw e;
  }
  await ctx.db.transaction(async (tx) => {
    const res = await tx.update(worksheets).set({ prerequisites: given, version: sql`${worksheets.version} + 1`, updatedAt: new Date() })
      .where(and(eq(worksheets.id, w.id), eq(worksheets.version, version))).returning({ id: worksheets.id });
    if (!res.length) throw conflict('lke.worksheet.stale');
    await appendAudit(tx, auditActorOf(ctx.actor), { action: 'lke.worksheet.prerequisites', entityType: 'assessment_worksheet', entityId: w.id, unitId: w.unitId, data: given });
  });
}

/** Saves the scoring options of the settings page (an option not posted keeps the rule set's default). */
export async function saveOptions(ctx: Ctx, scope: Scope, id: string, version: number, form: Record<string, string>) {
  const raw: Record<string, string> = {};
  for (const k of ['optionValues', 'areaMinimum', 'complaintFormula', 'zeroDenominator']) if (form[k]) raw[k] = form[k]!;
  const { w } = await getForWrite(ctx.db, scope, id);
  assertUnitOrReview(w, ctx.actor);
  const rs = getRuleSet(w.rulesetId);
  let options: RuleSetOptions;
  try {
    options = resolveOptions(rs, raw as Partial<RuleSetOptions>);
  } catch (e) {
    if (e instanceof DomainError) throw new DomainError('validation', e.code, e.params, { [String(e.params.option)]: 'lke.option.invalid' });
    throw e;
  }
  await ctx.db.transaction(async (tx) => {
    const res = await tx.update(worksheets).set({ options, version: sql`${worksheets.version} + 1`, updatedAt: new Date() })
      .where(and(eq(worksheets.id, w.id), eq(worksheets.version, version))).returning({ id: worksheets.id });
    if (!res.length) throw conflict('lke.worksheet.stale');
    await appendAudit(tx, auditActorOf(ctx.actor), { action: 'lke.worksheet.options', entityType: 'assessment_worksheet', entityId: w.id, unitId: w.unitId, data: { ...options } });
  });
}

/** Moves a draft worksheet to a newer rule set: answers carry over by item code; the rest is listed. */
export async function changeRuleSet(ctx: Ctx, scope: Scope, id: string, version: number, rulesetId: string) {
  const { w } = await getForWrite(ctx.db, scope, id);
  const { roles } = rolesOn(ctx.actor, w.unitId);
  if (!['draft', 'returned'].includes(w.state) || !roles.some((r) => ['zi_ketua', 'zi_sekretaris', 'unit_head'].includes(r))) throw conflict('lke.settings.locked');
  const to = findRuleSet(rulesetId);
  if (!to || to.status !== 'current') throw invalid({ ruleset: 'lke.ruleset.choose' });
  if (to.id === w.rulesetId) throw invalid({ ruleset: 'lke.ruleset.same' });
  const from = findRuleSet(w.rulesetId) ?? to;
  const layers = await loadLayers(ctx.db, w.id);
  const co = carryOver(from, to, layers.unit.answers);
  await ctx.db.transaction(async (tx) => {
    const res = await tx.update(worksheets).set({ rulesetId: to.id, options: to.defaults, version: sql`${worksheets.version} + 1`, updatedAt: new Date() })
      .where(and(eq(worksheets.id, w.id), eq(worksheets.version, version))).returning({ id: worksheets.id });
    if (!res.length) throw conflict('lke.worksheet.stale');
    await tx.delete(answers).where(eq(answers.worksheetId, w.id));
    const known = indexOf(to).items;
    const notes = Object.fromEntries(Object.entries(layers.unit.notes).filter(([k]) => known.has(k)));
    const codes = new Set([...Object.keys(co.answers), ...Object.keys(notes)]);
    if (codes.size) {
      await tx.insert(answers).values([...codes].map((code) => ({ worksheetId: w.id, itemCode: code, layer: 'unit', answer: co.answers[code] ?? null, note: notes[code] ?? null, updatedBy: ctx.actor.accountId })));
    }
    await appendAudit(tx, auditActorOf(ctx.actor), { action: 'lke.worksheet.ruleset', entityType: 'assessment_worksheet', entityId: w.id, unitId: w.unitId, data: { from: from.id, to: to.id, carried: co.carried.length, dropped: co.dropped } });
  });
  return co;
}

// ---------------------------------------------------------------- import

export interface ImportInput { answers: Answers; notes: Record<string, string> }

/** Replaces the unit layer of a draft worksheet with an imported one, all or nothing. */
export async function replaceUnitLayer(ctx: Ctx, scope: Scope, id: string, version: number, input: ImportInput, source: string) {
  const { w } = await getForWrite(ctx.db, scope, id);
  const { roles } = rolesOn(ctx.actor, w.unitId);
  if (!['draft', 'returned'].includes(w.state) || !roles.some((r) => ['zi_ketua', 'zi_sekretaris', 'unit_head'].includes(r))) throw conflict('lke.import.locked');
  const rs = getRuleSet(w.rulesetId);
  const known = indexOf(rs).items;
  for (const code of [...Object.keys(input.answers), ...Object.keys(input.notes)]) if (!known.has(code)) throw invalid({ file: 'lke.import.codes_unknown' });
  await ctx.db.transaction(async (tx) => {
    const res = await tx.update(worksheets).set({ version: sql`${worksheets.version} + 1`, updatedAt: new Date() })
      .where(and(eq(worksheets.id, w.id), eq(worksheets.version, version))).returning({ id: worksheets.id });
    if (!res.length) throw conflict('lke.worksheet.stale');
    await tx.delete(answers).where(and(eq(answers.worksheetId, w.id), eq(answers.layer, 'unit')));
    const codes = new Set([...Object.keys(input.answers), ...Object.keys(input.notes)]);
    if (codes.size) {
      await tx.insert(answers).values([...codes].map((code) => ({
        worksheetId: w.id, itemCode: code, layer: 'unit', answer: input.answers[code] ?? null, note: input.notes[code]?.slice(0, MAX_NOTE) || null, updatedBy: ctx.actor.accountId,
      })));
    }
    await appendAudit(tx, auditActorOf(ctx.actor), { action: 'lke.worksheet.import', entityType: 'assessment_worksheet', entityId: w.id, unitId: w.unitId, data: { source, answers: Object.keys(input.answers).length, notes: Object.keys(input.notes).length } });
  });
}
