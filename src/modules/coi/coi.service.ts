// Use cases of conflict-of-interest management: the risk map (main functions and their risks),
// socialisation records, declarations (periodic and ad hoc) with the superior's review, mitigation
// and follow-up, evaluations with recommendations. Every change is one transaction with its audit
// entry; audit entries name ids, kinds and states, never the content of a declared conflict. The
// reads (who may see what, the year's summary, the pages' models) are in coi.queries.ts.
//
// Who reviews a declaration (decision 0013): the superior the declarant named, and the head of
// their unit (canReview); the declarant may read it but not review it.
import { and, eq, sql } from 'drizzle-orm';
import { inScope, type Actor, type Scope } from '../../kernel/access.ts';
import { appendAudit, type AuditActor } from '../../kernel/audit.ts';
import { inUnits, type Db } from '../../kernel/db.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import type { FileStore } from '../../kernel/files.ts';
import { notify } from '../../kernel/notify.ts';
import { isUuid } from '../../kernel/validate.ts';
import { dayIn } from '../../kernel/workdays.ts';
import { attachEvidenceChoice, checkEvidenceChoice, checkUpload, detachEvidence, listEvidenceOfSubjects, type EvidenceChoice } from '../evidence/index.ts';
import { orgPeople as people } from '../org/index.ts';
import { listServices } from '../services/index.ts';
import {
  activePersonOfUnit, canReview, functionsInForce, lastReminder, riskRevision, selectDeclarations, stillToDeclareIn, superiorChoices,
  SUBJECT_RECOMMENDATION, SUBJECT_SOCIALISATION, type DeclarationView, type FunctionRow, type PersonLite, type RecommendationRow, type RiskRow,
} from './coi.queries.ts';
import {
  allowed, currentVersion, parseDeclaration, parseEvaluation, parseFollowUp, parseFunction,
  parseRecommendationUpdate, parseReview, parseRisk, parseSocialisation, periodOf, stateAfterReview,
  type DeclarationInput, type EvaluationInput, type FunctionInput, type ReviewInput, type RiskInput, type SocialisationInput,
} from './coi.rules.ts';
import { coiDeclarations, coiEvaluations, coiFunctions, coiRecommendations, coiRisks, coiSocialisations } from './coi.schema.ts';

// the documents (coi.pdf.ts) and the seed name these types and subjects from here
export type { DeclarationRow, DeclarationView, FunctionRow, MapFunction, RiskRow, Summary } from './coi.queries.ts';
export { SUBJECT_RECOMMENDATION, SUBJECT_SOCIALISATION } from './coi.queries.ts';

export interface Ctx { db: Db; actor: AuditActor; emailEnabled: boolean }

const field = (f: string, code: string) => new DomainError('validation', code, {}, { [f]: code });

function assertUnit(scope: Scope, unitId: string) {
  if (!isUuid(unitId) || !inScope(scope, unitId)) throw notFound();
}

// ---- risk map ---------------------------------------------------------------------------------------

async function insertFunction(tx: Db, ctx: Ctx, unitId: string, year: number, v: { name: string; serviceCode: string | null }, at: Date) {
  const [dup] = await tx.select({ id: coiFunctions.id }).from(coiFunctions).where(and(eq(coiFunctions.unitId, unitId), eq(coiFunctions.year, year), sql`lower(${coiFunctions.name}) = lower(${v.name})`)).limit(1);
  if (dup) return null;
  const [{ n }] = await tx.select({ n: sql<number>`coalesce(max(${coiFunctions.position}), 0)::int` }).from(coiFunctions).where(and(eq(coiFunctions.unitId, unitId), eq(coiFunctions.year, year)));
  const [row] = await tx.insert(coiFunctions).values({ unitId, year, ...v, position: Number(n) + 1, createdBy: ctx.actor.accountId, createdAt: at }).returning();
  await appendAudit(tx, ctx.actor, { action: 'coi.function.add', entityType: 'coi_function', entityId: row!.id, unitId, data: { year, name: v.name } }, at);
  return row!;
}

export async function addFunction(ctx: Ctx, scope: Scope, unitId: string, year: number, input: FunctionInput, at = new Date()): Promise<FunctionRow> {
  assertUnit(scope, unitId);
  const v = parseFunction(input);
  return ctx.db.transaction(async (tx) => {
    const row = await insertFunction(tx, ctx, unitId, year, v, at);
    if (!row) throw field('name', 'coi.err.function_duplicate');
    return row;
  });
}

/** Adds the unit's active services from the services catalogue as main functions (those not there yet). */
export async function functionsFromServices(ctx: Ctx, scope: Scope, unitId: string, year: number): Promise<number> {
  assertUnit(scope, unitId);
  const services = await listServices(ctx.db, unitId);
  return ctx.db.transaction(async (tx) => {
    let n = 0;
    for (const s of services) if (await insertFunction(tx, ctx, unitId, year, { name: s.name.slice(0, 200), serviceCode: s.code }, new Date())) n++;
    return n;
  });
}

async function functionInScope(tx: Db, scope: Scope, id: string, lock = false): Promise<FunctionRow> {
  if (!isUuid(id)) throw notFound();
  const q = tx.select().from(coiFunctions).where(and(eq(coiFunctions.id, id), inUnits(scope, coiFunctions.unitId))).limit(1);
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound();
  return row;
}

export async function removeFunction(ctx: Ctx, scope: Scope, id: string): Promise<FunctionRow> {
  return ctx.db.transaction(async (tx) => {
    const f = await functionInScope(tx, scope, id, true);
    await tx.delete(coiFunctions).where(eq(coiFunctions.id, f.id));
    await appendAudit(tx, ctx.actor, { action: 'coi.function.remove', entityType: 'coi_function', entityId: f.id, unitId: f.unitId, data: { year: f.year, name: f.name } });
    return f;
  });
}

export async function addRisk(ctx: Ctx, scope: Scope, functionId: string, input: RiskInput, at = new Date()): Promise<RiskRow> {
  return ctx.db.transaction(async (tx) => {
    const f = await functionInScope(tx, scope, functionId, true);
    const v = parseRisk(input);
    const [row] = await tx.insert(coiRisks).values({ functionId: f.id, unitId: f.unitId, ...v, createdBy: ctx.actor.accountId, createdAt: at }).returning();
    await appendAudit(tx, ctx.actor, { action: 'coi.risk.add', entityType: 'coi_risk', entityId: row!.id, unitId: f.unitId, data: { functionId: f.id, source: v.source, likelihood: v.likelihood, impact: v.impact } }, at);
    return row!;
  });
}

/** A risk of the map within the scope, locked for the change that follows; anything else 404. */
async function riskInScope(tx: Db, scope: Scope, id: string): Promise<RiskRow> {
  if (!isUuid(id)) throw notFound();
  const [r] = await tx.select().from(coiRisks).where(and(eq(coiRisks.id, id), inUnits(scope, coiRisks.unitId))).for('update').limit(1);
  if (!r) throw notFound();
  return r;
}

export async function removeRisk(ctx: Ctx, scope: Scope, id: string): Promise<RiskRow> {
  return ctx.db.transaction(async (tx) => {
    const r = await riskInScope(tx, scope, id);
    await tx.delete(coiRisks).where(eq(coiRisks.id, r.id));
    await appendAudit(tx, ctx.actor, { action: 'coi.risk.remove', entityType: 'coi_risk', entityId: r.id, unitId: r.unitId, data: { functionId: r.functionId } });
    return r;
  });
}

export async function updateRisk(ctx: Ctx, scope: Scope, id: string, input: RiskInput & { revision?: string }, at = new Date()): Promise<RiskRow> {
  return ctx.db.transaction(async (tx) => {
    const r = await riskInScope(tx, scope, id);
    const v = parseRisk(input);
    if ((input.revision ?? '') !== riskRevision(r)) throw new DomainError('conflict', 'coi.err.risk_changed');
    const [row] = await tx.update(coiRisks).set(v).where(eq(coiRisks.id, r.id)).returning();
    await appendAudit(tx, ctx.actor, { action: 'coi.risk.update', entityType: 'coi_risk', entityId: r.id, unitId: r.unitId, data: {
      functionId: r.functionId, before: { source: r.source, likelihood: r.likelihood, impact: r.impact }, after: { source: v.source, likelihood: v.likelihood, impact: v.impact },
    } }, at);
    return row!;
  });
}

// ---- socialisation ----------------------------------------------------------------------------------

/** A record's evidence as posted (the evidence module's choice: a file, a library file or a link). */
export type EvidenceInput = EvidenceChoice;

const attachEvidence = (ctx: Ctx, files: FileStore, unitId: string, subjectType: string, subjectId: string, ev: EvidenceInput, at?: Date) =>
  attachEvidenceChoice(ctx.db, files, ctx.actor, { unitId, subjectType, subjectId, at }, ev);

export async function addSocialisation(ctx: Ctx, files: FileStore, scope: Scope, unitId: string, input: SocialisationInput, functionIds: string[], evidence: EvidenceInput | null, now = new Date()): Promise<string> {
  assertUnit(scope, unitId);
  const v = parseSocialisation(input, functionIds, dayIn(now));
  const year = Number(v.heldOn.slice(0, 4));
  const fns = await functionsInForce(ctx.db, unitId, year);
  if (v.functionIds.some((id) => !fns.some((f) => f.id === id))) throw field('functionIds', 'coi.err.functions');
  checkEvidenceChoice(evidence);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(coiSocialisations).values({ unitId, ...v, createdBy: ctx.actor.accountId, createdAt: now }).returning({ id: coiSocialisations.id });
    await appendAudit(tx, ctx.actor, { action: 'coi.socialisation.add', entityType: 'coi_socialisation', entityId: row!.id, unitId, data: { heldOn: v.heldOn, kind: v.kind, participants: v.participants, functions: v.functionIds.length } }, now);
    return row!.id;
  });
  if (evidence) {
    try { await attachEvidence(ctx, files, unitId, SUBJECT_SOCIALISATION, id, evidence); } catch (e) {
      // the record and its evidence go together: a refused attachment removes the record again
      await ctx.db.transaction(async (tx) => {
        await tx.delete(coiSocialisations).where(eq(coiSocialisations.id, id));
        await appendAudit(tx, ctx.actor, { action: 'coi.socialisation.undo', entityType: 'coi_socialisation', entityId: id, unitId, data: { reason: 'evidence refused' } });
      });
      if (e instanceof DomainError) throw new DomainError('validation', 'error.validation', e.params, Object.keys(e.fieldErrors).length ? e.fieldErrors : { file: e.code });
      throw e;
    }
  }
  return id;
}

/** Removes a socialisation record entered by mistake; its evidence is detached (the files stay in the library). */
export async function removeSocialisation(ctx: Ctx, scope: Scope, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound();
  const [row] = await ctx.db.select().from(coiSocialisations).where(and(eq(coiSocialisations.id, id), inUnits(scope, coiSocialisations.unitId))).limit(1);
  if (!row) throw notFound();
  for (const e of (await listEvidenceOfSubjects(ctx.db, SUBJECT_SOCIALISATION, [row.id])).get(row.id) ?? []) await detachEvidence(ctx.db, ctx.actor, { unitId: row.unitId, linkId: e.linkId });
  await ctx.db.transaction(async (tx) => {
    await tx.delete(coiSocialisations).where(eq(coiSocialisations.id, row.id));
    await appendAudit(tx, ctx.actor, { action: 'coi.socialisation.remove', entityType: 'coi_socialisation', entityId: row.id, unitId: row.unitId, data: { heldOn: row.heldOn, kind: row.kind } });
  });
}

// ---- declarations -----------------------------------------------------------------------------------

export interface DeclarantCtx extends Ctx { person: PersonLite }

export async function createDeclaration(ctx: DeclarantCtx, input: DeclarationInput & { superiorPersonId?: string; functionId?: string }, now = new Date()): Promise<string> {
  const today = dayIn(now);
  const errors: Record<string, string> = {};
  let v: ReturnType<typeof parseDeclaration> | null = null;
  try { v = parseDeclaration(input, today); } catch (e) { if (e instanceof DomainError) Object.assign(errors, e.fieldErrors); else throw e; }
  const unitId = ctx.person.unitId;
  const { people: choices, defaultId } = await superiorChoices(ctx.db, unitId, ctx.person.id);
  const superiorId = (input.superiorPersonId ?? '').trim() || defaultId;
  const superior = choices.find((p) => p.id === superiorId) ?? null;
  if (v?.hasConflict && !superior) errors.superiorPersonId = 'coi.err.superior';
  else if (input.superiorPersonId && !superior) errors.superiorPersonId = 'coi.err.superior';
  let functionId: string | null = (input.functionId ?? '').trim() || null;
  const year = v ? Number(v.declaredOn.slice(0, 4)) : 0;
  if (functionId && v) {
    const fns = await functionsInForce(ctx.db, unitId, year);
    if (!fns.some((f) => f.id === functionId)) errors.functionId = 'coi.err.function';
  }
  if (Object.keys(errors).length) throw new DomainError('validation', 'error.validation', {}, errors);
  const d = v!;
  const version = currentVersion();
  const period = d.kind === 'periodic' ? periodOf(d.declaredOn, version.cadence.periodic) : null;
  return ctx.db.transaction(async (tx) => {
    if (period) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`coi.periodic:${ctx.person.id}:${period}`}, 0))`);
      const [dup] = await tx.select({ id: coiDeclarations.id }).from(coiDeclarations).where(and(eq(coiDeclarations.personId, ctx.person.id), eq(coiDeclarations.kind, 'periodic'), eq(coiDeclarations.period, period))).limit(1);
      if (dup) throw new DomainError('conflict', 'coi.err.periodic_exists', { period }, { kind: 'coi.err.periodic_exists' });
    }
    const state = d.hasConflict ? 'submitted' : 'acknowledged';
    const [row] = await tx.insert(coiDeclarations).values({
      unitId, personId: ctx.person.id, accountId: ctx.actor.accountId, kind: d.kind, period, year, decisionKind: d.decisionKind, reference: d.reference,
      roleInDecision: d.roleInDecision, functionId, hasConflict: d.hasConflict, conflicts: d.conflicts, rulesVersion: version.id, statementVersion: version.statement.version,
      declaredOn: d.declaredOn, superiorPersonId: superior?.id ?? null, state, createdBy: ctx.actor.accountId, createdAt: now, updatedAt: now,
    }).returning({ id: coiDeclarations.id });
    await appendAudit(tx, ctx.actor, { action: 'coi.declaration.submit', entityType: 'coi_declaration', entityId: row!.id, unitId, data: { kind: d.kind, period, hasConflict: d.hasConflict, state } }, now);
    if (d.hasConflict && superior?.accountId) {
      await notify(tx, [superior.accountId], { kind: 'coi.review', subjectKey: 'coi.notify.review.subject', bodyKey: 'coi.notify.review.body', link: `/konflik-kepentingan/deklarasi/${row!.id}` }, ctx.emailEnabled);
    }
    return row!.id;
  });
}

async function lockForReview(tx: Db, actor: Actor, id: string): Promise<DeclarationView> {
  if (!isUuid(id)) throw notFound();
  await tx.select({ id: coiDeclarations.id }).from(coiDeclarations).where(eq(coiDeclarations.id, id)).for('update');
  const [d] = await selectDeclarations(tx, eq(coiDeclarations.id, id));
  if (!d) throw notFound();
  if (!canReview(actor, d)) {
    // the declarant may read it but not review it; anyone else does not learn it exists
    if (actor.personId && d.personId === actor.personId) throw new DomainError('forbidden', 'coi.err.not_reviewer');
    throw notFound();
  }
  return d;
}

export async function reviewDeclaration(ctx: Ctx, actor: Actor, id: string, input: ReviewInput, now = new Date()): Promise<void> {
  const v = parseReview(input, dayIn(now));
  await ctx.db.transaction(async (tx) => {
    const d = await lockForReview(tx, actor, id);
    if (!allowed(d.state, 'review')) throw new DomainError('conflict', 'coi.err.already_reviewed');
    const state = stateAfterReview(v.assessment, v.mitigation);
    await tx.update(coiDeclarations).set({ assessment: v.assessment, mitigation: v.mitigation, dueOn: v.dueOn, reviewNote: v.note, reviewedBy: actor.accountId, reviewedAt: now, state, updatedAt: now }).where(eq(coiDeclarations.id, d.id));
    await appendAudit(tx, ctx.actor, { action: 'coi.declaration.review', entityType: 'coi_declaration', entityId: d.id, unitId: d.unitId, data: { assessment: v.assessment, mitigation: v.mitigation, dueOn: v.dueOn, state } }, now);
    if (d.accountId) await notify(tx, [d.accountId], { kind: 'coi.reviewed', subjectKey: 'coi.notify.reviewed.subject', bodyKey: 'coi.notify.reviewed.body', link: `/konflik-kepentingan/deklarasi/${d.id}` }, ctx.emailEnabled);
  });
}

export interface Upload { bytes: Uint8Array; name: string }

export async function recordFollowUp(ctx: Ctx, files: FileStore, actor: Actor, id: string, input: { note?: string; doneOn?: string }, file: Upload | null, now = new Date()): Promise<void> {
  const errors: Record<string, string> = {};
  let v: ReturnType<typeof parseFollowUp> | null = null;
  try { v = parseFollowUp(input, dayIn(now)); } catch (e) { if (e instanceof DomainError) Object.assign(errors, e.fieldErrors); else throw e; }
  let checked: ReturnType<typeof checkUpload> | null = null;
  let params: Record<string, string | number> = {};
  if (file) {
    try { checked = checkUpload(file.bytes, file.name); } catch (e) {
      if (e instanceof DomainError) { errors.file = e.code; params = e.params; } else throw e;
    }
  }
  // the reviewer is checked before the input: someone else learns nothing from the errors
  await ctx.db.transaction(async (tx) => { await lockForReview(tx, actor, id); });
  if (Object.keys(errors).length) throw new DomainError('validation', 'error.validation', params, errors);
  const stored = file && checked ? await files.put(file.bytes) : null;
  await ctx.db.transaction(async (tx) => {
    const d = await lockForReview(tx, actor, id);
    if (!allowed(d.state, 'follow_up')) throw new DomainError('conflict', 'coi.err.follow_up_state');
    await tx.update(coiDeclarations).set({
      followUpNote: v!.note, followUpOn: v!.doneOn, followUpBy: actor.accountId, state: 'closed', updatedAt: now,
      ...(stored && checked ? { followUpSha: stored.sha256, followUpName: checked.name, followUpMime: checked.sniffed.mime, followUpSize: stored.size } : {}),
    }).where(eq(coiDeclarations.id, d.id));
    await appendAudit(tx, ctx.actor, { action: 'coi.declaration.follow_up', entityType: 'coi_declaration', entityId: d.id, unitId: d.unitId, data: { doneOn: v!.doneOn, file: !!stored, state: 'closed' } }, now);
    if (d.accountId) await notify(tx, [d.accountId], { kind: 'coi.closed', subjectKey: 'coi.notify.closed.subject', bodyKey: 'coi.notify.closed.body', link: `/konflik-kepentingan/deklarasi/${d.id}` }, ctx.emailEnabled);
  });
}

/**
 * A signed paper statement (periodic) of a person of the unit, recorded by a manager with its scan:
 * for employees without an account. A declared conflict goes to the unit head for review.
 */
export async function recordPaperDeclaration(ctx: Ctx, files: FileStore, scope: Scope, unitId: string, input: { personId?: string; declaredOn?: string; hasConflict?: string; c0source?: string; c0description?: string; c0relatedParty?: string }, scan: Upload | null, now = new Date()): Promise<string> {
  assertUnit(scope, unitId);
  const errors: Record<string, string> = {};
  let params: Record<string, string | number> = {};
  let v: ReturnType<typeof parseDeclaration> | null = null;
  try {
    v = parseDeclaration({ kind: 'periodic', declaredOn: input.declaredOn, hasConflict: input.hasConflict, agree: '1', conflicts: [{ source: input.c0source, description: input.c0description, relatedParty: input.c0relatedParty }] }, dayIn(now));
  } catch (e) { if (e instanceof DomainError) Object.assign(errors, e.fieldErrors); else throw e; }
  const person = await activePersonOfUnit(ctx.db, unitId, (input.personId ?? '').trim());
  if (!person) errors.personId = 'coi.err.person';
  let checked: ReturnType<typeof checkUpload> | null = null;
  if (!scan) errors.file = 'coi.err.scan';
  else {
    try { checked = checkUpload(scan.bytes, scan.name); } catch (e) { if (e instanceof DomainError) { errors.file = e.code; params = e.params; } else throw e; }
  }
  const superior = person ? (await superiorChoices(ctx.db, unitId, person.id)).defaultId : null;
  if (v?.hasConflict && !superior) errors.hasConflict = 'coi.err.superior';
  if (Object.keys(errors).length) throw new DomainError('validation', 'error.validation', params, errors);
  const d = v!;
  const version = currentVersion();
  const period = periodOf(d.declaredOn, version.cadence.periodic);
  const stored = await files.put(scan!.bytes);
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`coi.periodic:${person!.id}:${period}`}, 0))`);
    const [dup] = await tx.select({ id: coiDeclarations.id }).from(coiDeclarations).where(and(eq(coiDeclarations.personId, person!.id), eq(coiDeclarations.kind, 'periodic'), eq(coiDeclarations.period, period))).limit(1);
    if (dup) throw new DomainError('conflict', 'coi.err.periodic_exists', { period }, { personId: 'coi.err.periodic_exists' });
    const state = d.hasConflict ? 'submitted' : 'acknowledged';
    const [row] = await tx.insert(coiDeclarations).values({
      unitId, personId: person!.id, accountId: person!.accountId, kind: 'periodic', period, year: Number(d.declaredOn.slice(0, 4)), hasConflict: d.hasConflict, conflicts: d.conflicts,
      rulesVersion: version.id, statementVersion: version.statement.version, declaredOn: d.declaredOn, superiorPersonId: superior, state, channel: 'paper',
      scanSha: stored.sha256, scanName: checked!.name, scanMime: checked!.sniffed.mime, scanSize: stored.size, createdBy: ctx.actor.accountId, createdAt: now, updatedAt: now,
    }).returning({ id: coiDeclarations.id });
    await appendAudit(tx, ctx.actor, { action: 'coi.declaration.paper', entityType: 'coi_declaration', entityId: row!.id, unitId, data: { period, hasConflict: d.hasConflict, state } }, now);
    if (d.hasConflict) {
      const [sup] = await tx.select({ accountId: people.accountId }).from(people).where(eq(people.id, superior!)).limit(1);
      if (sup?.accountId) await notify(tx, [sup.accountId], { kind: 'coi.review', subjectKey: 'coi.notify.review.subject', bodyKey: 'coi.notify.review.body', link: `/konflik-kepentingan/deklarasi/${row!.id}` }, ctx.emailEnabled);
    }
    return row!.id;
  });
}

/**
 * In-app reminders (and e-mail copies) to the people with an account who have not declared for the
 * period; once a day per unit and period, so a double click or a replay sends nothing twice.
 */
export async function sendReminders(ctx: Ctx, scope: Scope, unitId: string, period: string, now = new Date()): Promise<number> {
  assertUnit(scope, unitId);
  const { pending } = await stillToDeclareIn(ctx.db, unitId, period);
  const to = pending.map((p) => p.accountId).filter((a): a is string => !!a);
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`coi.remind:${unitId}:${period}`}, 0))`);
    const last = await lastReminder(tx, unitId, period);
    if (last && dayIn(last) === dayIn(now)) throw new DomainError('conflict', 'coi.err.reminded_today');
    if (to.length) await notify(tx, to, { kind: 'coi.remind', subjectKey: 'coi.notify.remind.subject', bodyKey: 'coi.notify.remind.body', link: '/konflik-kepentingan' }, ctx.emailEnabled);
    await appendAudit(tx, ctx.actor, { action: 'coi.declaration.remind', entityType: 'unit', entityId: unitId, unitId, data: { period, reminded: to.length, withoutAccount: pending.length - to.length } }, now);
  });
  return to.length;
}

// ---- evaluations --------------------------------------------------------------------------------------

export async function addEvaluation(ctx: Ctx, scope: Scope, unitId: string, input: EvaluationInput, now = new Date()): Promise<string> {
  assertUnit(scope, unitId);
  const v = parseEvaluation(input, dayIn(now));
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(coiEvaluations).values({ unitId, heldOn: v.heldOn, periodFrom: v.periodFrom, periodTo: v.periodTo, findings: v.findings, createdBy: ctx.actor.accountId, createdAt: now }).returning({ id: coiEvaluations.id });
    let i = 0;
    for (const text of v.recommendations) await tx.insert(coiRecommendations).values({ evaluationId: row!.id, unitId, text, position: ++i, updatedAt: now });
    await appendAudit(tx, ctx.actor, { action: 'coi.evaluation.add', entityType: 'coi_evaluation', entityId: row!.id, unitId, data: { heldOn: v.heldOn, recommendations: i } }, now);
    return row!.id;
  });
}

export async function updateRecommendation(ctx: Ctx, files: FileStore, scope: Scope, id: string, input: { status?: string; doneOn?: string; note?: string }, evidence: EvidenceInput | null, now = new Date()): Promise<RecommendationRow> {
  if (!isUuid(id)) throw notFound();
  const [rec] = await ctx.db.select().from(coiRecommendations).where(and(eq(coiRecommendations.id, id), inUnits(scope, coiRecommendations.unitId))).limit(1);
  if (!rec) throw notFound();
  const v = parseRecommendationUpdate(input, dayIn(now));
  checkEvidenceChoice(evidence);
  if (evidence) {
    try { await attachEvidence(ctx, files, rec.unitId, SUBJECT_RECOMMENDATION, rec.id, evidence); } catch (e) {
      if (e instanceof DomainError) throw new DomainError('validation', 'error.validation', e.params, Object.keys(e.fieldErrors).length ? e.fieldErrors : { file: e.code });
      throw e;
    }
  }
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(coiRecommendations).set({ status: v.status, doneOn: v.doneOn, note: v.note, updatedAt: now }).where(eq(coiRecommendations.id, rec.id)).returning();
    await appendAudit(tx, ctx.actor, { action: 'coi.recommendation.update', entityType: 'coi_recommendation', entityId: rec.id, unitId: rec.unitId, data: { status: v.status, doneOn: v.doneOn, evidence: evidence?.kind ?? null } }, now);
    return row!;
  });
}

/** Removes an evaluation entered by mistake, with its recommendations; their evidence is detached. */
export async function removeEvaluation(ctx: Ctx, scope: Scope, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound();
  const [row] = await ctx.db.select().from(coiEvaluations).where(and(eq(coiEvaluations.id, id), inUnits(scope, coiEvaluations.unitId))).limit(1);
  if (!row) throw notFound();
  const recs = await ctx.db.select({ id: coiRecommendations.id }).from(coiRecommendations).where(eq(coiRecommendations.evaluationId, row.id));
  const ev = await listEvidenceOfSubjects(ctx.db, SUBJECT_RECOMMENDATION, recs.map((r) => r.id));
  for (const list of ev.values()) for (const e of list) await detachEvidence(ctx.db, ctx.actor, { unitId: row.unitId, linkId: e.linkId });
  await ctx.db.transaction(async (tx) => {
    await tx.delete(coiEvaluations).where(eq(coiEvaluations.id, row.id));
    await appendAudit(tx, ctx.actor, { action: 'coi.evaluation.remove', entityType: 'coi_evaluation', entityId: row.id, unitId: row.unitId, data: { heldOn: row.heldOn, recommendations: recs.length } });
  });
}
