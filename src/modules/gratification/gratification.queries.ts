// The reads of gratification control: people and their own reports, the UPG's lists and report
// pages, custody, campaigns, settings and the counts for statistics, the periodic report and the LKE,
// and the models the pages render (each page's reads in one call, so pages read no database).
//
// Who sees a report (decision 0012): the reporter (own reports only) and the UPG of the report's unit
// (gratification.handle scope: the unit and its sub-units). Statistics roles see counts only. A record
// outside the actor's scope is as good as missing (not found).
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Actor, Scope } from '../../kernel/access.ts';
import { offDays } from '../../kernel/calendar.ts';
import { inUnits, type Db } from '../../kernel/db.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import type { FileStore } from '../../kernel/files.ts';
import type { Task, TaskSource } from '../../kernel/tasks.ts';
import { isIsoDate, isUuid } from '../../kernel/validate.ts';
import type { IsoDate } from '../../kernel/workdays.ts';
import { listEvidenceOfSubjects, sanitizeFileName, type EvidenceLinkView } from '../evidence/index.ts';
import { orgPeople as people, orgUnits as units } from '../org/index.ts';
import {
  GRATIFICATION_RULES, OPEN_STATES, campaignAnswer, deadlinesOf, exemption, isOverdue, latenessOf, stepDeadline, upgAnswer, valueBand, versionById, versionFor,
  type Lateness,
} from './gratification.rules.ts';
import { gratificationCampaigns, gratificationCustody, gratificationEvents, gratificationReports, gratificationSettings } from './gratification.schema.ts';

export type ReportRow = typeof gratificationReports.$inferSelect;
export type EventRow = typeof gratificationEvents.$inferSelect;
export type CustodyRow = typeof gratificationCustody.$inferSelect;
export type CampaignRow = typeof gratificationCampaigns.$inferSelect;
export type SettingsRow = typeof gratificationSettings.$inferSelect;

export const SUBJECT_CAMPAIGN = 'gratification_campaign';

export const inUnitScope = (scope: Scope, unitId: string) => scope.all || scope.unitIds.includes(unitId);

export function assertUnit(scope: Scope, unitId: string) {
  if (!isUuid(unitId) || !inUnitScope(scope, unitId)) throw notFound();
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


export async function ownReports(db: Db, personId: string): Promise<ReportRow[]> {
  return db.select().from(gratificationReports).where(eq(gratificationReports.personId, personId)).orderBy(desc(gratificationReports.reportedOn), desc(gratificationReports.createdAt));
}

/** The actor's own report, or null (someone else's is as good as missing). */
export async function ownReport(db: Db, actor: Actor, id: string): Promise<ReportRow | null> {
  if (!isUuid(id)) return null;
  const person = await personOfAccount(db, actor.accountId);
  if (!person) return null;
  const [r] = await db.select().from(gratificationReports).where(and(eq(gratificationReports.id, id), eq(gratificationReports.personId, person.id))).limit(1);
  return r ?? null;
}

export async function timeline(db: Db, reportId: string): Promise<EventRow[]> {
  return db.select().from(gratificationEvents).where(eq(gratificationEvents.reportId, reportId)).orderBy(asc(gratificationEvents.at));
}


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
  if (!isUuid(id)) throw notFound();
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


export async function listCustody(db: Db, scope: Scope, unitId: string): Promise<(CustodyRow & { reportNumber: string | null })[]> {
  assertUnit(scope, unitId);
  const rows = await db.select({ c: gratificationCustody, reportNumber: gratificationReports.number }).from(gratificationCustody)
    .leftJoin(gratificationReports, eq(gratificationReports.id, gratificationCustody.reportId))
    .where(eq(gratificationCustody.unitId, unitId)).orderBy(desc(gratificationCustody.receivedOn), desc(gratificationCustody.createdAt));
  return rows.map(({ c, reportNumber }) => ({ ...c, reportNumber }));
}

export async function custodyInScope(db: Db, scope: Scope, id: string): Promise<CustodyRow> {
  if (!isUuid(id)) throw notFound();
  const [c] = await db.select().from(gratificationCustody).where(eq(gratificationCustody.id, id)).limit(1);
  if (!c || !inUnitScope(scope, c.unitId)) throw notFound();
  return c;
}


export interface CampaignView extends CampaignRow { evidence: EvidenceLinkView[] }

export async function listCampaigns(db: Db, unitId: string, year: number): Promise<CampaignView[]> {
  const rows = await db.select().from(gratificationCampaigns)
    .where(and(eq(gratificationCampaigns.unitId, unitId), gte(gratificationCampaigns.heldOn, `${year}-01-01`), lte(gratificationCampaigns.heldOn, `${year}-12-31`)))
    .orderBy(asc(gratificationCampaigns.heldOn));
  const ev = rows.length ? await listEvidenceOfSubjects(db, SUBJECT_CAMPAIGN, rows.map((r) => r.id)) : new Map<string, EvidenceLinkView[]>();
  return rows.map((r) => ({ ...r, evidence: ev.get(r.id) ?? [] }));
}


export async function settingsOf(db: Db, unitId: string): Promise<SettingsRow | null> {
  const [s] = await db.select().from(gratificationSettings).where(eq(gratificationSettings.unitId, unitId)).limit(1);
  return s ?? null;
}


export async function unitPeople(db: Db, unitId: string) {
  return db.select({ id: people.id, name: people.name, position: people.position }).from(people).where(and(eq(people.unitId, unitId), eq(people.isActive, true))).orderBy(asc(people.name));
}


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

// ---- the models of the pages --------------------------------------------------------------------

/** The employee's page: the person behind the account (none: they cannot report) and their reports. */
export async function homeOf(db: Db, accountId: string): Promise<{ person: Reporter | null; mine: ReportRow[] }> {
  const person = await personOfAccount(db, accountId);
  return { person, mine: person ? await ownReports(db, person.id) : [] };
}

export interface ReportFormModel {
  person: Reporter;
  /** the day the rules shown are of: the date of receipt typed, when a date up to today, else today */
  day: IsoDate;
  version: ReturnType<typeof versionFor>;
  late: Lateness;
  deadlines: ReturnType<typeof deadlinesOf>;
}

/** The report form: who reports, and the rules and deadlines of the date of receipt typed so far. */
export async function reportFormOf(db: Db, accountId: string, receivedOn: string | undefined, today: IsoDate): Promise<ReportFormModel> {
  const person = await personOfAccount(db, accountId);
  if (!person) throw new DomainError('forbidden', 'gratification.home.no_person');
  const day = isIsoDate(receivedOn) && receivedOn <= today ? receivedOn : today;
  const version = versionFor(day);
  const off = await offDays(db);
  return { person, day, version, late: latenessOf(day, today, off, version), deadlines: deadlinesOf(day, today, off, version) };
}

export interface OwnReportModel { rep: ReportRow; events: EventRow[]; late: Lateness }

/** The employee's own report with its timeline; someone else's is not found. */
export async function ownReportOf(db: Db, actor: Actor, id: string): Promise<OwnReportModel> {
  const rep = await ownReport(db, actor, id);
  if (!rep) throw notFound();
  const events = await timeline(db, rep.id);
  const late = latenessOf(rep.receivedOn, rep.reportedOn, await offDays(db), versionById(rep.rulesVersion) ?? undefined);
  return { rep, events, late };
}

export interface Analysis { relatedToPosition: boolean; contraryToDuty: boolean; category: string | null; note: string }

export interface UpgReportModel {
  rep: ReportRow; reporter: Reporter; unitName: string; events: EventRow[];
  version: ReturnType<typeof versionFor>; late: Lateness; deadlines: ReturnType<typeof deadlinesOf>; stepDeadline: IsoDate | null;
  analysis: Analysis | null;
  /** the category the exemption check is of (the one typed, else the analysis's, else the reporter's claim) */
  category: string | null;
  exemption: Awaited<ReturnType<typeof exemptionFor>>;
  /** the custody items of this report */
  held: (CustodyRow & { reportNumber: string | null })[];
  today: IsoDate;
}

/** The UPG's page of a report in the actor's scope; `typedCategory` is the category of a form shown again. */
export async function upgReportOf(db: Db, scope: Scope, id: string, typedCategory: string | undefined, today: IsoDate): Promise<UpgReportModel> {
  const rep = await reportInScope(db, scope, id);
  const reporter = (await reporterOf(db, rep.personId))!;
  const events = await timeline(db, rep.id);
  const off = await offDays(db);
  const version = versionById(rep.rulesVersion) ?? versionFor(rep.receivedOn);
  const analysis = rep.analysis as Analysis | null;
  const category = typedCategory || analysis?.category || rep.claimedCategory;
  return {
    rep, reporter, unitName: await unitName(db, rep.unitId), events, version,
    late: latenessOf(rep.receivedOn, rep.reportedOn, off, version), deadlines: deadlinesOf(rep.receivedOn, rep.reportedOn, off, version), stepDeadline: stepDeadline(rep, off),
    analysis, category, exemption: await exemptionFor(db, rep, category),
    held: (await listCustody(db, scope, rep.unitId)).filter((i) => i.reportId === rep.id), today,
  };
}

/** What the KPK export of a report is made of. */
export async function kpkOf(db: Db, scope: Scope, id: string): Promise<{ rep: ReportRow; reporter: Reporter; unit: string }> {
  const rep = await reportInScope(db, scope, id);
  const reporter = (await reporterOf(db, rep.personId))!;
  return { rep, reporter, unit: await unitName(db, rep.unitId) };
}

/** The custody register of a unit, and the open reports of deposited gifts an item may belong to. */
export async function custodyOf(db: Db, scope: Scope, unitId: string, today: IsoDate) {
  const items = await listCustody(db, scope, unitId);
  const reports = (await listForUpg(db, scope, unitId, { state: 'open', today })).filter((x) => x.whereNow === 'deposited');
  return { items, reports };
}

/** A custody item in scope and the number of its report, for the receipt. */
export async function receiptOf(db: Db, scope: Scope, id: string): Promise<{ item: CustodyRow; reportNumber: string | null }> {
  const item = await custodyInScope(db, scope, id);
  const reportNumber = item.reportId ? (await reportInScope(db, scope, item.reportId)).number : null;
  return { item, reportNumber };
}

/** The UPG settings of a unit and the people who may be named its head. */
export async function settingsPageOf(db: Db, unitId: string) {
  return { settings: await settingsOf(db, unitId), people: await unitPeople(db, unitId) };
}

/** A stored attachment as it is downloaded; a file missing from the store is not found. */
export async function attachmentOf(files: FileStore, sha: string | null, name: string | null, mime: string | null): Promise<{ bytes: Uint8Array; name: string; mime: string }> {
  if (!sha) throw notFound();
  let bytes: Uint8Array;
  // the store throws on a missing or unreadable file: for the person asking, the file is not there
  try { bytes = await files.read(sha); } catch { throw notFound(); }
  return { bytes, name: sanitizeFileName(name ?? 'lampiran', { ext: (name ?? '').split('.').pop() ?? 'bin' }), mime: mime ?? 'application/octet-stream' };
}

// ---- the home page's tasks -----------------------------------------------------------------------

/**
 * What waits on the home page (kernel TaskSource, offered on the TASKS port): for the UPG, the
 * counts of new reports and of reports past their step deadline in its units; for a reporter, their
 * own reports the UPG asked them to complete. Counts only, never content or names.
 */
export const gratificationTasks: TaskSource = async ({ db, actor, access, today }) => {
  const reports = gratificationReports;
  const tasks: Task[] = [];
  const scope = access.scopeOf(actor, 'gratification.handle');
  if (scope && (scope.all || scope.unitIds.length)) {
    const rows = await db.select({ state: reports.state, receivedOn: reports.receivedOn, reportedOn: reports.reportedOn, completionDueOn: reports.completionDueOn, forwardedOn: reports.forwardedOn, rulesVersion: reports.rulesVersion })
      .from(reports).where(and(inArray(reports.state, [...OPEN_STATES]), inUnits(scope, reports.unitId)));
    const off = await offDays(db);
    const overdue = rows.filter((r) => r.state !== 'completion_requested' && isOverdue(stepDeadline(r, off), today)).length;
    const fresh = rows.filter((r) => r.state === 'received').length;
    if (overdue) tasks.push({ href: '/gratifikasi/kelola', key: 'gratification.task.overdue', params: { n: overdue }, tone: 'danger' });
    if (fresh) tasks.push({ href: '/gratifikasi/kelola?state=received', key: 'gratification.task.new', params: { n: fresh }, tone: 'warning' });
  }
  const person = await personOfAccount(db, actor.accountId);
  if (person) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(reports).where(and(eq(reports.personId, person.id), eq(reports.state, 'completion_requested')));
    if (Number(row?.n ?? 0)) tasks.push({ href: '/gratifikasi', key: 'gratification.task.complete', params: { n: Number(row!.n) }, tone: 'warning' });
  }
  return tasks;
};
