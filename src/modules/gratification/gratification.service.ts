// Use cases of gratification control: an employee's report of a gift received or refused (with an
// optional attachment checked by content), their own list and the completion they are asked for; the
// UPG workflow (verify / request completion → analyse → forward to KPK → KPK decision → follow-up →
// close, or dismiss), the custody register of deposited items, the campaign register, the UPG
// settings and the counts for statistics, the periodic report and the LKE. Every change is one
// transaction with its audit entry and a timeline event; a step out of order is refused (conflict)
// and changes nothing.
//
// Who sees a report (decision 0012): the reporter (own reports only) and the UPG of the report's unit
// (gratification.handle scope: the unit and its sub-units). Statistics roles see counts only.
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Actor, Scope } from '../../kernel/access.ts';
import { appendAudit, type AuditActor } from '../../kernel/audit.ts';
import { offDays } from '../../kernel/calendar.ts';
import type { Db } from '../../kernel/db.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import type { FileStore } from '../../kernel/files.ts';
import { notify } from '../../kernel/notify.ts';
import { dayIn, type IsoDate } from '../../kernel/workdays.ts';
import { checkUpload, listEvidenceOfSubjects, uploadEvidence, type EvidenceLinkView } from '../evidence/index.ts';
import { accountsHoldingRoleOver, orgPeople as people, orgUnits as units } from '../org/index.ts';
import {
  GRATIFICATION_RULES, OPEN_STATES, allowed, campaignAnswer, deadlinesOf, exemption, isOverdue, latenessOf, parseAnalysis, parseCampaign, parseCompletion,
  parseCustody, parseDecision, parseDismiss, parseFollowUp, parseForward, parseRelease, parseReport, parseRequestCompletion, parseSettings, stateAfter,
  stepDeadline, upgAnswer, valueBand, versionById, versionFor, type Lateness, type ReportInput, type Step,
} from './gratification.rules.ts';
import { gratificationCampaigns, gratificationCustody, gratificationEvents, gratificationReports, gratificationSettings } from './gratification.schema.ts';

export type ReportRow = typeof gratificationReports.$inferSelect;
export type EventRow = typeof gratificationEvents.$inferSelect;
export type CustodyRow = typeof gratificationCustody.$inferSelect;
export type CampaignRow = typeof gratificationCampaigns.$inferSelect;
export type SettingsRow = typeof gratificationSettings.$inferSelect;

export interface Ctx { db: Db; actor: AuditActor; emailEnabled: boolean }
export interface Upload { bytes: Uint8Array; name: string }

export const SUBJECT_CAMPAIGN = 'gratification_campaign';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isId = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);
export const inUnitScope = (scope: Scope, unitId: string) => scope.all || scope.unitIds.includes(unitId);
const scopeWhere = (scope: Scope, col: typeof gratificationReports.unitId): SQL | undefined =>
  scope.all ? undefined : scope.unitIds.length ? inArray(col, scope.unitIds) : sql`false`;

export function assertUnit(scope: Scope, unitId: string) {
  if (!isId(unitId) || !inUnitScope(scope, unitId)) throw notFound();
}

// ---- people ---------------------------------------------------------------------------------------

export interface Reporter { id: string; name: string; nip: string; position: string; unitId: string; phone: string | null; email: string | null; accountId: string | null }
const reporterCols = { id: people.id, name: people.name, nip: people.nip, position: people.position, unitId: people.unitId, phone: people.phone, email: people.email, accountId: people.accountId };

export async function personOfAccount(db: Db, accountId: string): Promise<Reporter | null> {
  const [p] = await db.select(reporterCols).from(people).where(and(eq(people.accountId, accountId), eq(people.isActive, true))).limit(1);
  return p ?? null;
}
export async function reporterOf(db: Db, personId: string): Promise<Reporter | null> {
  const [p] = await db.select(reporterCols).from(people).where(eq(people.id, personId)).limit(1);
  return p ?? null;
}

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

export async function ownReports(db: Db, personId: string): Promise<ReportRow[]> {
  return db.select().from(gratificationReports).where(eq(gratificationReports.personId, personId)).orderBy(desc(gratificationReports.reportedOn), desc(gratificationReports.createdAt));
}

/** The actor's own report, or null (someone else's is as good as missing). */
export async function ownReport(db: Db, actor: Actor, id: string): Promise<ReportRow | null> {
  if (!isId(id)) return null;
  const person = await personOfAccount(db, actor.accountId);
  if (!person) return null;
  const [r] = await db.select().from(gratificationReports).where(and(eq(gratificationReports.id, id), eq(gratificationReports.personId, person.id))).limit(1);
  return r ?? null;
}

export async function timeline(db: Db, reportId: string): Promise<EventRow[]> {
  return db.select().from(gratificationEvents).where(eq(gratificationEvents.reportId, reportId)).orderBy(asc(gratificationEvents.at));
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

export interface ReportListItem extends ReportRow { reporterName: string; deadline: IsoDate | null; overdue: boolean; late: Lateness }

export async function listForUpg(db: Db, scope: Scope, unitId: string, opts: { state?: string; year?: number; today: IsoDate }): Promise<ReportListItem[]> {
  assertUnit(scope, unitId);
  const conds: SQL[] = [eq(gratificationReports.unitId, unitId)];
  if (opts.state === 'open') conds.push(inArray(gratificationReports.state, [...OPEN_STATES]));
  else if (opts.state) conds.push(eq(gratificationReports.state, opts.state));
  if (opts.year) conds.push(sql`extract(year from ${gratificationReports.reportedOn}) = ${opts.year}`);
  const rows = await db.select({ r: gratificationReports, reporterName: people.name }).from(gratificationReports).innerJoin(people, eq(people.id, gratificationReports.personId))
    .where(and(...conds)).orderBy(desc(gratificationReports.reportedOn), desc(gratificationReports.createdAt));
  const off = await offDays(db);
  return rows.map(({ r, reporterName }) => {
    const deadline = stepDeadline(r, off);
    return { ...r, reporterName, deadline, overdue: isOverdue(deadline, opts.today), late: latenessOf(r.receivedOn, r.reportedOn, off, versionById(r.rulesVersion) ?? undefined) };
  });
}

export async function reportInScope(db: Db, scope: Scope, id: string): Promise<ReportRow> {
  if (!isId(id)) throw notFound();
  const [r] = await db.select().from(gratificationReports).where(eq(gratificationReports.id, id)).limit(1);
  if (!r || !inUnitScope(scope, r.unitId)) throw notFound();
  return r;
}

/** Total from the same giver (by name, case-insensitive) to the same reporter in the receipt's year, this gift included. */
export async function yearFromGiver(db: Db, r: ReportRow): Promise<number> {
  const [{ n }] = await db.select({ n: sql<string>`coalesce(sum(${gratificationReports.valueRp}), 0)` }).from(gratificationReports)
    .where(and(eq(gratificationReports.personId, r.personId), sql`lower(${gratificationReports.giverName}) = lower(${r.giverName})`,
      sql`extract(year from ${gratificationReports.receivedOn}) = ${Number(r.receivedOn.slice(0, 4))}`, lte(gratificationReports.receivedOn, r.receivedOn)));
  return Number(n);
}

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

export async function listCustody(db: Db, scope: Scope, unitId: string): Promise<(CustodyRow & { reportNumber: string | null })[]> {
  assertUnit(scope, unitId);
  const rows = await db.select({ c: gratificationCustody, reportNumber: gratificationReports.number }).from(gratificationCustody)
    .leftJoin(gratificationReports, eq(gratificationReports.id, gratificationCustody.reportId))
    .where(eq(gratificationCustody.unitId, unitId)).orderBy(desc(gratificationCustody.receivedOn), desc(gratificationCustody.createdAt));
  return rows.map(({ c, reportNumber }) => ({ ...c, reportNumber }));
}

export async function custodyInScope(db: Db, scope: Scope, id: string): Promise<CustodyRow> {
  if (!isId(id)) throw notFound();
  const [c] = await db.select().from(gratificationCustody).where(eq(gratificationCustody.id, id)).limit(1);
  if (!c || !inUnitScope(scope, c.unitId)) throw notFound();
  return c;
}

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

export interface CampaignView extends CampaignRow { evidence: EvidenceLinkView[] }

export async function listCampaigns(db: Db, unitId: string, year: number): Promise<CampaignView[]> {
  const rows = await db.select().from(gratificationCampaigns)
    .where(and(eq(gratificationCampaigns.unitId, unitId), gte(gratificationCampaigns.heldOn, `${year}-01-01`), lte(gratificationCampaigns.heldOn, `${year}-12-31`)))
    .orderBy(asc(gratificationCampaigns.heldOn));
  const ev = rows.length ? await listEvidenceOfSubjects(db, SUBJECT_CAMPAIGN, rows.map((r) => r.id)) : new Map<string, EvidenceLinkView[]>();
  return rows.map((r) => ({ ...r, evidence: ev.get(r.id) ?? [] }));
}

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

export async function settingsOf(db: Db, unitId: string): Promise<SettingsRow | null> {
  const [s] = await db.select().from(gratificationSettings).where(eq(gratificationSettings.unitId, unitId)).limit(1);
  return s ?? null;
}

export async function saveSettings(ctx: Ctx, scope: Scope, unitId: string, input: ReportInput, now = new Date()): Promise<void> {
  assertUnit(scope, unitId);
  const v = parseSettings(input, dayIn(now));
  if (v.headPersonId) {
    const [p] = isId(v.headPersonId) ? await ctx.db.select({ unitId: people.unitId }).from(people).where(eq(people.id, v.headPersonId)).limit(1) : [];
    if (!p || p.unitId !== unitId) throw new DomainError('validation', 'error.validation', {}, { headPersonId: 'gratification.err.choice' });
  }
  await ctx.db.transaction(async (tx) => {
    await tx.insert(gratificationSettings).values({ unitId, ...v, updatedBy: ctx.actor.accountId, updatedAt: now })
      .onConflictDoUpdate({ target: gratificationSettings.unitId, set: { ...v, updatedBy: ctx.actor.accountId, updatedAt: now } });
    await appendAudit(tx, ctx.actor, { action: 'gratification.settings.save', entityType: 'gratification_settings', entityId: unitId, unitId, data: { decreeNumber: v.decreeNumber, procedures: !!v.proceduresTitle } }, now);
  });
}

export async function unitPeople(db: Db, unitId: string) {
  return db.select({ id: people.id, name: people.name, position: people.position }).from(people).where(and(eq(people.unitId, unitId), eq(people.isActive, true))).orderBy(asc(people.name));
}

// ---- counts (statistics, periodic report, LKE) --------------------------------------------------------

export interface Stats {
  from: IsoDate; to: IsoDate;
  reports: number; received: number; refused: number;
  byState: Record<string, number>; byItemKind: Record<string, number>; byBand: number[]; byDecision: Record<string, number>;
  late: number; beyondStatutory: number; overdue: number; valueTotal: number;
  campaigns: number; campaignsByKind: Record<string, number>; reach: number;
  custodyHeld: number; custodyReceived: number;
}

/** Counts of a unit between two days (by report date; campaigns by date held); no names. */
export async function statsOf(db: Db, unitId: string, from: IsoDate, to: IsoDate, today: IsoDate): Promise<Stats> {
  const rows = await db.select({
    kind: gratificationReports.kind, state: gratificationReports.state, itemKind: gratificationReports.itemKind, valueRp: gratificationReports.valueRp,
    receivedOn: gratificationReports.receivedOn, reportedOn: gratificationReports.reportedOn, decision: gratificationReports.decision, rulesVersion: gratificationReports.rulesVersion,
    completionDueOn: gratificationReports.completionDueOn, forwardedOn: gratificationReports.forwardedOn,
  }).from(gratificationReports).where(and(eq(gratificationReports.unitId, unitId), gte(gratificationReports.reportedOn, from), lte(gratificationReports.reportedOn, to)));
  const off = await offDays(db);
  const s: Stats = {
    from, to, reports: rows.length, received: 0, refused: 0, byState: {}, byItemKind: {}, byBand: GRATIFICATION_RULES.valueBands.map(() => 0), byDecision: {},
    late: 0, beyondStatutory: 0, overdue: 0, valueTotal: 0, campaigns: 0, campaignsByKind: {}, reach: 0, custodyHeld: 0, custodyReceived: 0,
  };
  const inc = (m: Record<string, number>, k: string) => { m[k] = (m[k] ?? 0) + 1; };
  for (const r of rows) {
    if (r.kind === 'refused') s.refused++; else s.received++;
    inc(s.byState, r.state); inc(s.byItemKind, r.itemKind);
    if (r.decision) inc(s.byDecision, r.decision);
    s.byBand[valueBand(r.valueRp)]!++;
    s.valueTotal += r.valueRp;
    const l = latenessOf(r.receivedOn, r.reportedOn, off, versionById(r.rulesVersion) ?? undefined);
    if (l.lateToUpg) s.late++;
    if (l.beyondStatutory) s.beyondStatutory++;
    if (isOverdue(stepDeadline(r, off), today)) s.overdue++;
  }
  const camps = await db.select({ kind: gratificationCampaigns.kind, reach: gratificationCampaigns.reach }).from(gratificationCampaigns)
    .where(and(eq(gratificationCampaigns.unitId, unitId), gte(gratificationCampaigns.heldOn, from), lte(gratificationCampaigns.heldOn, to)));
  s.campaigns = camps.length;
  for (const c of camps) { inc(s.campaignsByKind, c.kind); s.reach += c.reach; }
  const [cust] = await db.select({
    held: sql<number>`count(*) filter (where ${gratificationCustody.releasedOn} is null or ${gratificationCustody.releasedOn} > ${to})::int`,
    received: sql<number>`count(*) filter (where ${gratificationCustody.receivedOn} >= ${from})::int`,
  }).from(gratificationCustody).where(and(eq(gratificationCustody.unitId, unitId), lte(gratificationCustody.receivedOn, to)));
  s.custodyHeld = Number(cust?.held ?? 0);
  s.custodyReceived = Number(cust?.received ?? 0);
  return s;
}

export interface LkeFacts {
  year: number; campaigns: number; quarters: number; campaignAnswer: 'a' | 'b' | 'c';
  decree: string | null; procedures: string | null; reports: number; reportsHandled: number; upgAnswer: 'a' | 'b' | 'c' | 'd';
}

export async function lkeFacts(db: Db, unitId: string, year: number): Promise<LkeFacts> {
  const camps = await db.select({ heldOn: gratificationCampaigns.heldOn }).from(gratificationCampaigns)
    .where(and(eq(gratificationCampaigns.unitId, unitId), gte(gratificationCampaigns.heldOn, `${year}-01-01`), lte(gratificationCampaigns.heldOn, `${year}-12-31`)));
  const days = camps.map((c) => c.heldOn);
  const settings = await settingsOf(db, unitId);
  const [r] = await db.select({
    n: sql<number>`count(*)::int`, handled: sql<number>`count(*) filter (where ${gratificationReports.state} <> 'received')::int`,
  }).from(gratificationReports).where(and(eq(gratificationReports.unitId, unitId), sql`extract(year from ${gratificationReports.reportedOn}) = ${year}`));
  const decree = settings?.decreeNumber ?? null;
  const procedures = settings?.proceduresTitle ?? null;
  return {
    year, campaigns: days.length, quarters: new Set(days.map((d) => Math.ceil(Number(d.slice(5, 7)) / 3))).size, campaignAnswer: campaignAnswer(days),
    decree, procedures, reports: Number(r?.n ?? 0), reportsHandled: Number(r?.handled ?? 0),
    upgAnswer: upgAnswer({ decree: !!decree, procedures: !!procedures, reportsHandled: Number(r?.handled ?? 0), campaigns: days.length }),
  };
}

/** The exemption check the UPG sees while analysing (the category claimed or chosen). */
export async function exemptionFor(db: Db, r: ReportRow, category: string | null) {
  const v = versionById(r.rulesVersion) ?? versionFor(r.receivedOn);
  return { version: v, result: exemption(v, category, r.valueRp, await yearFromGiver(db, r), r.itemKind) };
}

export async function unitName(db: Db, unitId: string): Promise<string> {
  const [u] = await db.select({ name: units.name }).from(units).where(eq(units.id, unitId)).limit(1);
  return u?.name ?? '';
}
