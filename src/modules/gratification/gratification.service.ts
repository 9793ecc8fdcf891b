// Use cases of gratification control: an employee's report of a gift received or refused (with an
// optional attachment checked by content), their own list and the completion they are asked for; the
// UPG workflow (verify / request completion → analyse → forward to KPK → KPK decision → follow-up →
// close, or dismiss), the custody register of deposited items, the campaign register and the UPG
// settings (the reads, counts and page models are in gratification.queries.ts). Every change is one
// transaction with its audit entry and a timeline event; a step out of order is refused (conflict)
// and changes nothing.
//
// Who sees a report (decision 0012): the reporter (own reports only) and the UPG of the report's unit
// (gratification.handle scope: the unit and its sub-units). Statistics roles see counts only.
import { and, eq, sql } from 'drizzle-orm';
import type { Actor, Scope } from '../../kernel/access.ts';
import { appendAudit, type AuditActor } from '../../kernel/audit.ts';
import { offDays } from '../../kernel/calendar.ts';
import type { Db } from '../../kernel/db.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import type { FileStore } from '../../kernel/files.ts';
import { notify } from '../../kernel/notify.ts';
import { isUuid } from '../../kernel/validate.ts';
import { dayIn, type IsoDate } from '../../kernel/workdays.ts';
import { checkUpload, uploadEvidence } from '../evidence/index.ts';
import { accountsHoldingRoleOver, orgPeople as people } from '../org/index.ts';
import {
  allowed, deadlinesOf, latenessOf, parseAnalysis, parseCampaign, parseCompletion, parseCustody, parseDecision, parseDismiss, parseFollowUp, parseForward,
  parseRelease, parseReport, parseRequestCompletion, parseSettings, stateAfter, versionById, versionFor, type ReportInput, type Step,
} from './gratification.rules.ts';
import { gratificationCampaigns, gratificationCustody, gratificationEvents, gratificationReports, gratificationSettings } from './gratification.schema.ts';
import {
  SUBJECT_CAMPAIGN, assertUnit, custodyInScope, ownReport, personOfAccount, reportInScope, type CampaignRow, type CustodyRow, type ReportRow,
} from './gratification.queries.ts';

export interface Ctx { db: Db; actor: AuditActor; emailEnabled: boolean }
export interface Upload { bytes: Uint8Array; name: string }

// ---- the employee's reports -------------------------------------------------------------------------

async function checkedUpload(file: Upload | null, errors: Record<string, string>, params: Record<string, string | number>, field = 'file') {
  if (!file) return null;
  try { return checkUpload(file.bytes, file.name); } catch (e) {
    if (e instanceof DomainError) { errors[field] = e.code; Object.assign(params, e.params); return null; }
    throw e;
  }
}

async function nextNumber(tx: Db, unitId: string, prefix: string, table: 'reports' | 'custody'): Promise<string> {
  const t = table === 'reports' ? gratificationReports : gratificationCustody;
  const col = table === 'reports' ? gratificationReports.number : gratificationCustody.receiptNumber;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`gratification.${table}:${unitId}:${prefix}`}))`);
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(t).where(and(eq(t.unitId, unitId), sql`${col} like ${`${prefix}%`}`));
  return `${prefix}${String(Number(n) + 1).padStart(4, '0')}`;
}

async function upgAccounts(db: Db, unitId: string): Promise<string[]> {
  const rows = await accountsHoldingRoleOver(db, 'upg_handler', unitId);
  if (!rows.length) return [];
  const nearest = Math.min(...rows.map((r) => r.depth));
  return [...new Set(rows.filter((r) => r.depth === nearest).map((r) => r.accountId))];
}

async function event(tx: Db, ctx: Ctx, r: Pick<ReportRow, 'id' | 'unitId'>, step: string, from: string | null, to: string, on: IsoDate, note: string | null, at: Date) {
  await tx.insert(gratificationEvents).values({ reportId: r.id, unitId: r.unitId, step, fromState: from, toState: to, note, on, accountId: ctx.actor.accountId, at });
}

/** An employee reports a gift received or refused; the version of the rules is the one of the date of receipt. */
export async function createReport(ctx: Ctx, files: FileStore, actor: Actor, input: ReportInput, file: Upload | null, now = new Date()): Promise<ReportRow> {
  const person = await personOfAccount(ctx.db, actor.accountId);
  if (!person) throw new DomainError('forbidden', 'gratification.err.no_person');
  const today = dayIn(now);
  const errors: Record<string, string> = {};
  const params: Record<string, string | number> = {};
  let v: ReturnType<typeof parseReport> | null = null;
  try { v = parseReport(input, today); } catch (e) { if (e instanceof DomainError) Object.assign(errors, e.fieldErrors); else throw e; }
  const checked = await checkedUpload(file, errors, params);
  if (Object.keys(errors).length) throw new DomainError('validation', 'error.validation', params, errors);
  const stored = file && checked ? await files.put(file.bytes) : null;
  const version = versionFor(v!.receivedOn);
  const upg = await upgAccounts(ctx.db, person.unitId);
  return ctx.db.transaction(async (tx) => {
    const number = await nextNumber(tx, person.unitId, `GRT-${today.slice(0, 4)}-`, 'reports');
    const [row] = await tx.insert(gratificationReports).values({
      ...v!, unitId: person.unitId, number, personId: person.id, accountId: actor.accountId, rulesVersion: version.id, reportedOn: today, state: 'received',
      ...(stored && checked ? { fileSha: stored.sha256, fileName: checked.name, fileMime: checked.sniffed.mime, fileSize: stored.size } : {}),
      createdAt: now, updatedAt: now,
    }).returning();
    const late = latenessOf(v!.receivedOn, today, await offDays(tx), version);
    await event(tx, ctx, row!, 'report', null, 'received', today, null, now);
    await appendAudit(tx, ctx.actor, { action: 'gratification.report.create', entityType: 'gratification_report', entityId: row!.id, unitId: person.unitId,
      data: { number, kind: v!.kind, itemKind: v!.itemKind, rulesVersion: version.id, lateToUpg: late.lateToUpg, file: !!stored } }, now);
    await notify(tx, upg, { kind: 'gratification.new', subjectKey: 'gratification.notify.new.subject', bodyKey: 'gratification.notify.new.body', params: { number }, link: `/gratifikasi/kelola/${row!.id}` }, ctx.emailEnabled);
    return row!;
  });
}

/** The reporter completes the report when the UPG asked for it: back to received. */
export async function completeReport(ctx: Ctx, actor: Actor, id: string, input: ReportInput, now = new Date()): Promise<void> {
  const own = await ownReport(ctx.db, actor, id);
  if (!own) throw notFound();
  const v = parseCompletion(input);
  const today = dayIn(now);
  await ctx.db.transaction(async (tx) => {
    const [r] = await tx.select().from(gratificationReports).where(eq(gratificationReports.id, own.id)).for('update');
    if (!r || !allowed(r.state, 'complete')) throw new DomainError('conflict', 'gratification.err.state');
    await tx.update(gratificationReports).set({ state: 'received', completionNote: v.note, completedOn: today, updatedAt: now }).where(eq(gratificationReports.id, r.id));
    await event(tx, ctx, r, 'complete', r.state, 'received', today, v.note, now);
    await appendAudit(tx, ctx.actor, { action: 'gratification.report.complete', entityType: 'gratification_report', entityId: r.id, unitId: r.unitId, data: { state: 'received' } }, now);
    await notify(tx, await upgAccounts(tx, r.unitId), { kind: 'gratification.completed', subjectKey: 'gratification.notify.completed.subject', bodyKey: 'gratification.notify.completed.body', params: { number: r.number }, link: `/gratifikasi/kelola/${r.id}` }, ctx.emailEnabled);
  });
}

// ---- the UPG --------------------------------------------------------------------------------------

export interface StepInput { input: ReportInput; proof?: Upload | null }

/** One step of the UPG workflow on a report in the actor's scope; out of order → conflict, nothing changes. */
export async function takeStep(ctx: Ctx, files: FileStore, scope: Scope, id: string, step: Exclude<Step, 'complete'>, { input, proof = null }: StepInput, now = new Date()): Promise<ReportRow> {
  const today = dayIn(now);
  // scope first: someone outside learns nothing from the validation errors
  const current = await reportInScope(ctx.db, scope, id);
  const errors: Record<string, string> = {};
  const params: Record<string, string | number> = {};
  let set: Partial<typeof gratificationReports.$inferInsert> = {};
  let note: string | null = null;
  let audit: Record<string, unknown> = {};
  try {
    switch (step) {
      case 'verify': note = typeof input.note === 'string' && input.note.trim() ? input.note.trim().slice(0, 4000) : null; set = { verifiedOn: today }; break;
      case 'request_completion': {
        const v = parseRequestCompletion(input);
        const version = versionById(current.rulesVersion) ?? versionFor(current.receivedOn);
        const due = deadlinesOf(current.receivedOn, current.reportedOn, await offDays(ctx.db), version).completion;
        note = v.note; set = { completionRequestedOn: today, completionDueOn: due }; audit = { due };
        break;
      }
      case 'analyse': { const a = parseAnalysis(input); note = a.note; set = { analysis: a, analysedOn: today }; audit = { relatedToPosition: a.relatedToPosition, contraryToDuty: a.contraryToDuty, category: a.category }; break; }
      case 'forward': { const f = parseForward(input, today); set = f; audit = f; break; }
      case 'decide': { const d = parseDecision(input, today); set = d; note = d.decisionNote; audit = { decision: d.decision, decisionOn: d.decisionOn, skNumber: d.skNumber }; break; }
      case 'follow_up': { const f = parseFollowUp(input, today); set = f; note = f.followUpNote; audit = { followUpKind: f.followUpKind, followUpOn: f.followUpOn }; break; }
      case 'close': note = typeof input.note === 'string' && input.note.trim() ? input.note.trim().slice(0, 4000) : null; set = { closedOn: today }; break;
      case 'dismiss': { const d = parseDismiss(input); note = d.reason; set = { dismissReason: d.reason, closedOn: today }; break; }
    }
  } catch (e) { if (e instanceof DomainError) Object.assign(errors, e.fieldErrors); else throw e; }
  const checked = step === 'follow_up' ? await checkedUpload(proof, errors, params, 'proof') : null;
  if (!allowed(current.state, step)) throw new DomainError('conflict', 'gratification.err.state');
  if (Object.keys(errors).length) throw new DomainError('validation', 'error.validation', params, errors);
  const stored = proof && checked ? await files.put(proof.bytes) : null;
  const to = stateAfter(step);
  return ctx.db.transaction(async (tx) => {
    const [r] = await tx.select().from(gratificationReports).where(eq(gratificationReports.id, current.id)).for('update');
    if (!r || !allowed(r.state, step)) throw new DomainError('conflict', 'gratification.err.state');
    const [row] = await tx.update(gratificationReports).set({
      ...set, state: to, updatedAt: now,
      ...(stored && checked ? { proofSha: stored.sha256, proofName: checked.name, proofMime: checked.sniffed.mime, proofSize: stored.size } : {}),
    }).where(eq(gratificationReports.id, r.id)).returning();
    await event(tx, ctx, r, step, r.state, to, today, note, now);
    await appendAudit(tx, ctx.actor, { action: `gratification.report.${step}`, entityType: 'gratification_report', entityId: r.id, unitId: r.unitId, data: { from: r.state, to, ...audit, ...(stored ? { proof: true } : {}) } }, now);
    if (r.accountId && (step === 'request_completion' || step === 'decide' || step === 'close' || step === 'dismiss')) {
      await notify(tx, [r.accountId], { kind: `gratification.${step}`, subjectKey: `gratification.notify.${step}.subject`, bodyKey: `gratification.notify.${step}.body`, params: { number: r.number }, link: `/gratifikasi/laporan/${r.id}` }, ctx.emailEnabled);
    }
    return row!;
  });
}

// ---- custody ----------------------------------------------------------------------------------------

export async function addCustody(ctx: Ctx, scope: Scope, unitId: string, input: ReportInput, now = new Date()): Promise<CustodyRow> {
  assertUnit(scope, unitId);
  const reportId = typeof input.reportId === 'string' && input.reportId ? input.reportId : null;
  let report: ReportRow | null = null;
  if (reportId) {
    report = await reportInScope(ctx.db, scope, reportId);
    if (report.unitId !== unitId) throw notFound();
  }
  const v = parseCustody(input, dayIn(now));
  return ctx.db.transaction(async (tx) => {
    const receiptNumber = await nextNumber(tx, unitId, `TT-UPG/${v.receivedOn.slice(0, 4)}/`, 'custody');
    const [row] = await tx.insert(gratificationCustody).values({ ...v, unitId, reportId: report?.id ?? null, receiptNumber, createdBy: ctx.actor.accountId, createdAt: now }).returning();
    await appendAudit(tx, ctx.actor, { action: 'gratification.custody.add', entityType: 'gratification_custody', entityId: row!.id, unitId, data: { receiptNumber, reportId: report?.id ?? null, receivedOn: v.receivedOn } }, now);
    if (report) await event(tx, ctx, report, 'custody', report.state, report.state, v.receivedOn, receiptNumber, now);
    return row!;
  });
}

export async function releaseCustody(ctx: Ctx, scope: Scope, id: string, input: ReportInput, now = new Date()): Promise<void> {
  const c0 = await custodyInScope(ctx.db, scope, id);
  const v = parseRelease(input, dayIn(now));
  if (v.releasedOn < c0.receivedOn) throw new DomainError('validation', 'error.validation', {}, { releasedOn: 'gratification.err.before_receipt' });
  await ctx.db.transaction(async (tx) => {
    const [c] = await tx.select().from(gratificationCustody).where(eq(gratificationCustody.id, c0.id)).for('update');
    if (!c || c.releasedOn) throw new DomainError('conflict', 'gratification.err.released');
    await tx.update(gratificationCustody).set(v).where(eq(gratificationCustody.id, c.id));
    await appendAudit(tx, ctx.actor, { action: 'gratification.custody.release', entityType: 'gratification_custody', entityId: c.id, unitId: c.unitId, data: { releasedOn: v.releasedOn } }, now);
  });
}

// ---- campaigns --------------------------------------------------------------------------------------

export async function addCampaign(ctx: Ctx, files: FileStore, scope: Scope, unitId: string, input: ReportInput, file: Upload | null, now = new Date()): Promise<CampaignRow> {
  assertUnit(scope, unitId);
  const errors: Record<string, string> = {};
  const params: Record<string, string | number> = {};
  let v: ReturnType<typeof parseCampaign> | null = null;
  try { v = parseCampaign(input, dayIn(now)); } catch (e) { if (e instanceof DomainError) Object.assign(errors, e.fieldErrors); else throw e; }
  const checked = await checkedUpload(file, errors, params);
  if (Object.keys(errors).length) throw new DomainError('validation', 'error.validation', params, errors);
  const row = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(gratificationCampaigns).values({ ...v!, unitId, hasEvidence: !!checked || !!v!.url, createdBy: ctx.actor.accountId, createdAt: now }).returning();
    await appendAudit(tx, ctx.actor, { action: 'gratification.campaign.add', entityType: 'gratification_campaign', entityId: row!.id, unitId, data: { kind: v!.kind, heldOn: v!.heldOn } }, now);
    return row!;
  });
  if (file && checked) {
    await uploadEvidence(ctx.db, files, ctx.actor, { unitId, bytes: file.bytes, originalName: file.name, title: `${v!.title}`.slice(0, 200), attachTo: { subjectType: SUBJECT_CAMPAIGN, subjectId: row.id, subjectKey: '' }, at: now });
  }
  return row;
}

// ---- settings -----------------------------------------------------------------------------------------

export async function saveSettings(ctx: Ctx, scope: Scope, unitId: string, input: ReportInput, now = new Date()): Promise<void> {
  assertUnit(scope, unitId);
  const v = parseSettings(input, dayIn(now));
  if (v.headPersonId) {
    const [p] = isUuid(v.headPersonId) ? await ctx.db.select({ unitId: people.unitId }).from(people).where(eq(people.id, v.headPersonId)).limit(1) : [];
    if (!p || p.unitId !== unitId) throw new DomainError('validation', 'error.validation', {}, { headPersonId: 'gratification.err.choice' });
  }
  await ctx.db.transaction(async (tx) => {
    await tx.insert(gratificationSettings).values({ unitId, ...v, updatedBy: ctx.actor.accountId, updatedAt: now })
      .onConflictDoUpdate({ target: gratificationSettings.unitId, set: { ...v, updatedBy: ctx.actor.accountId, updatedAt: now } });
    await appendAudit(tx, ctx.actor, { action: 'gratification.settings.save', entityType: 'gratification_settings', entityId: unitId, unitId, data: { decreeNumber: v.decreeNumber, procedures: !!v.proceduresTitle } }, now);
  });
}

// ---- counts (statistics, periodic report, LKE) --------------------------------------------------------

