// Reads of the conflict-of-interest module: people and superiors, the risk map, socialisations,
// declarations (each reader sees only what decision 0013 lets them), the register and who still has
// to declare, evaluations, the year's summary of the five LKE steps, and the models the pages are
// drawn from. No writes here (coi.service.ts); lookups a write locks are in the service's transaction.
//
// Who sees a declaration (decision 0013): the declarant, the superior they named, and the head of
// their unit. Managers (coi.manage) see who declared (kind, date, state, conflict yes/no), never the
// conflict itself; stats roles see counts only.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor, Scope } from '../../kernel/access.ts';
import { inUnits, type Db } from '../../kernel/db.ts';
import { notFound } from '../../kernel/errors.ts';
import type { FileStore } from '../../kernel/files.ts';
import { accounts, auditLog } from '../../kernel/schema.ts';
import { isUuid } from '../../kernel/validate.ts';
import { regencyToday, type IsoDate } from '../../kernel/workdays.ts';
import { listEvidenceOfSubjects, listUnitFiles } from '../evidence/index.ts';
import { accountsHoldingRole, accountsHoldingRoleOver, findRegency, findUnit, orgPeople as people } from '../org/index.ts';
import { coverageAnswer, evaluationAnswer, followUpAnswer, periodOf, riskLevel, stillToDeclare } from './coi.rules.ts';
import { coiDeclarations, coiEvaluations, coiFunctions, coiRecommendations, coiRisks, coiSocialisations } from './coi.schema.ts';

export type DeclarationRow = typeof coiDeclarations.$inferSelect;
export type FunctionRow = typeof coiFunctions.$inferSelect;
export type RiskRow = typeof coiRisks.$inferSelect;
export type SocialisationRow = typeof coiSocialisations.$inferSelect;
export type EvaluationRow = typeof coiEvaluations.$inferSelect;
export type RecommendationRow = typeof coiRecommendations.$inferSelect;

/** The evidence subjects of the module (evidence_links.subject_type). */
export const SUBJECT_SOCIALISATION = 'coi_socialisation';
export const SUBJECT_RECOMMENDATION = 'coi_recommendation';

// ---- people ---------------------------------------------------------------------------------------

export type PersonLite = { id: string; name: string; position: string; accountId: string | null; isActive: boolean; unitId: string };

export const personCols = { id: people.id, name: people.name, position: people.position, accountId: people.accountId, isActive: people.isActive, unitId: people.unitId };

export async function personOfAccount(db: Db, accountId: string): Promise<PersonLite | null> {
  const [p] = await db.select(personCols).from(people).where(and(eq(people.accountId, accountId), eq(people.isActive, true))).limit(1);
  return p ?? null;
}

/** An active person of the unit (a paper statement's declarant); null for anyone else. */
export async function activePersonOfUnit(db: Db, unitId: string, personId: string): Promise<PersonLite | null> {
  if (!isUuid(personId)) return null;
  const [p] = await db.select(personCols).from(people).where(and(eq(people.id, personId), eq(people.unitId, unitId), eq(people.isActive, true))).limit(1);
  return p ?? null;
}

/** Name, NIP and position of a person, as a document signs with them. */
export async function personCard(db: Db, id: string | null) {
  if (!id) return null;
  const [p] = await db.select({ name: people.name, nip: people.nip, position: people.position }).from(people).where(eq(people.id, id)).limit(1);
  return p ?? null;
}

/**
 * Who can review the declarant's conflicts: the heads of their unit and of the units above it (a
 * UPT's head answers to the head of its dinas), nearest first, then the other people of the unit with
 * an account; never the declarant. The default is the nearest head other than the declarant.
 */
export async function superiorChoices(db: Db, unitId: string, exceptPersonId: string): Promise<{ people: PersonLite[]; defaultId: string | null }> {
  const rows = await db.select(personCols).from(people)
    .where(and(eq(people.unitId, unitId), eq(people.isActive, true), sql`${people.accountId} is not null`, sql`${people.id} <> ${exceptPersonId}`))
    .orderBy(asc(people.name));
  const over = await accountsHoldingRoleOver(db, 'unit_head', unitId);
  const depth = new Map<string, number>();
  for (const h of over) if (!depth.has(h.accountId)) depth.set(h.accountId, h.depth);
  const headPeople = depth.size
    ? await db.select(personCols).from(people).where(and(inArray(people.accountId, [...depth.keys()]), eq(people.isActive, true), sql`${people.id} <> ${exceptPersonId}`))
    : [];
  const heads = headPeople.sort((a, b) => depth.get(a.accountId!)! - depth.get(b.accountId!)! || a.name.localeCompare(b.name));
  const headIds = new Set(heads.map((p) => p.id));
  return { people: [...heads, ...rows.filter((p) => !headIds.has(p.id))], defaultId: heads[0]?.id ?? null };
}

/** Whether an actor is the head of a unit (a unit_head grant covering it). */
export function isUnitHead(actor: Actor, unitId: string): boolean {
  return actor.grants.some((g) => g.role === 'unit_head' && g.unitIds.includes(unitId));
}

// ---- risk map ---------------------------------------------------------------------------------------

export interface MapFunction extends FunctionRow { risks: (RiskRow & { level: string })[] }

export async function riskMap(db: Db, unitId: string, year: number): Promise<MapFunction[]> {
  const fns = await db.select().from(coiFunctions).where(and(eq(coiFunctions.unitId, unitId), eq(coiFunctions.year, year))).orderBy(asc(coiFunctions.position), asc(coiFunctions.name));
  if (!fns.length) return [];
  const risks = await db.select().from(coiRisks).where(inArray(coiRisks.functionId, fns.map((f) => f.id))).orderBy(asc(coiRisks.createdAt));
  return fns.map((f) => ({ ...f, risks: risks.filter((r) => r.functionId === f.id).map((r) => ({ ...r, level: riskLevel(r.likelihood, r.impact) })) }));
}

export async function listFunctions(db: Db, unitId: string, year: number): Promise<FunctionRow[]> {
  return db.select().from(coiFunctions).where(and(eq(coiFunctions.unitId, unitId), eq(coiFunctions.year, year))).orderBy(asc(coiFunctions.position), asc(coiFunctions.name));
}

/**
 * The main functions in force for a year: the map of that year, or else the latest earlier one (a
 * map stays the reference until the unit makes a new one), so declarations and socialisations early
 * in a year can name a function before the year's map is drawn.
 */
export async function functionsInForce(db: Db, unitId: string, year: number): Promise<FunctionRow[]> {
  const [latest] = await db.select({ year: coiFunctions.year }).from(coiFunctions)
    .where(and(eq(coiFunctions.unitId, unitId), sql`${coiFunctions.year} <= ${year}`)).orderBy(desc(coiFunctions.year)).limit(1);
  return latest ? listFunctions(db, unitId, latest.year) : [];
}

export type RiskForEdit = RiskRow & { functionName: string; year: number; revision: string };

/** A risk of the map within the scope, with the revision token its edit form carries; anything else 404. */
export async function findRisk(db: Db, scope: Scope, id: string): Promise<RiskForEdit> {
  if (!isUuid(id)) throw notFound();
  const [r] = await db.select({ risk: coiRisks, functionName: coiFunctions.name, year: coiFunctions.year })
    .from(coiRisks).innerJoin(coiFunctions, eq(coiFunctions.id, coiRisks.functionId)).where(and(eq(coiRisks.id, id), inUnits(scope, coiRisks.unitId))).limit(1);
  if (!r) throw notFound();
  return { ...r.risk, functionName: r.functionName, year: r.year, revision: riskRevision(r.risk) };
}

/** The content of a risk as a short token: an edit made on an older copy of the row is refused. */
export function riskRevision(r: RiskRow): string {
  return createHash('sha256').update(JSON.stringify([r.source, r.form, r.positions, r.likelihood, r.impact, r.controls, r.mitigation])).digest('hex').slice(0, 16);
}

// ---- socialisation ----------------------------------------------------------------------------------

export async function listSocialisations(db: Db, unitId: string, year: number) {
  const rows = await db.select().from(coiSocialisations)
    .where(and(eq(coiSocialisations.unitId, unitId), sql`extract(year from ${coiSocialisations.heldOn}) = ${year}`)).orderBy(desc(coiSocialisations.heldOn));
  const evidence = await listEvidenceOfSubjects(db, SUBJECT_SOCIALISATION, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, functionIds: (r.functionIds as string[]) ?? [], evidence: evidence.get(r.id) ?? [] }));
}

// ---- declarations -----------------------------------------------------------------------------------

export interface DeclarationView extends DeclarationRow {
  personName: string; personPosition: string; superiorName: string | null; superiorAccountId: string | null; reviewerName: string | null; functionName: string | null;
}

const superiors = sql`(select p2.name from org_people p2 where p2.id = ${coiDeclarations.superiorPersonId})`;
const superiorAccount = sql`(select p2.account_id from org_people p2 where p2.id = ${coiDeclarations.superiorPersonId})`;

/** Declarations with the names around them; `db` may be a transaction (the review locks the row first). */
export async function selectDeclarations(db: Db, where: SQL, order: SQL = sql`${coiDeclarations.declaredOn} desc, ${coiDeclarations.createdAt} desc`): Promise<DeclarationView[]> {
  const rows = await db.select({
    d: coiDeclarations, personName: people.name, personPosition: people.position,
    superiorName: sql<string | null>`${superiors}`, superiorAccountId: sql<string | null>`${superiorAccount}`,
    reviewerName: accounts.displayName, functionName: coiFunctions.name,
  }).from(coiDeclarations).innerJoin(people, eq(people.id, coiDeclarations.personId))
    .leftJoin(accounts, eq(accounts.id, coiDeclarations.reviewedBy)).leftJoin(coiFunctions, eq(coiFunctions.id, coiDeclarations.functionId))
    .where(where).orderBy(order);
  return rows.map((r) => ({ ...r.d, personName: r.personName, personPosition: r.personPosition, superiorName: r.superiorName, superiorAccountId: r.superiorAccountId, reviewerName: r.reviewerName, functionName: r.functionName }));
}

/** The declarant's own declarations. */
export function ownDeclarations(db: Db, personId: string) {
  return selectDeclarations(db, eq(coiDeclarations.personId, personId));
}

/** Declarations with a conflict the actor reviews: named as superior, or all of the units they head. */
export function declarationsToReview(db: Db, actor: Actor) {
  const headOf = [...new Set(actor.grants.filter((g) => g.role === 'unit_head').flatMap((g) => g.unitIds))];
  const mine = sql`${superiorAccount} = ${actor.accountId}`;
  const heads = headOf.length ? inArray(coiDeclarations.unitId, headOf) : sql`false`;
  return selectDeclarations(db, and(eq(coiDeclarations.hasConflict, true), sql`(${mine} or ${heads})`, sql`coalesce(${coiDeclarations.accountId}::text, '') <> ${actor.accountId}`)!,
    sql`case ${coiDeclarations.state} when 'submitted' then 0 when 'mitigating' then 1 else 2 end, ${coiDeclarations.declaredOn} desc`);
}

export type Access = 'declarant' | 'reviewer';

/** A declaration the actor may read, and as whom; null (→ 404) for anyone else. */
export async function declarationFor(db: Db, actor: Actor, id: string): Promise<{ d: DeclarationView; as: Access } | null> {
  if (!isUuid(id)) return null;
  const [d] = await selectDeclarations(db, eq(coiDeclarations.id, id));
  if (!d) return null;
  if (actor.personId && d.personId === actor.personId) return { d, as: 'declarant' };
  if (canReview(actor, d)) return { d, as: 'reviewer' };
  return null;
}

export function canReview(actor: Actor, d: Pick<DeclarationView, 'superiorAccountId' | 'unitId' | 'personId' | 'hasConflict'>): boolean {
  if (!d.hasConflict || (actor.personId && d.personId === actor.personId)) return false;
  return d.superiorAccountId === actor.accountId || isUnitHead(actor, d.unitId);
}

/** The register for managers: who declared what kind, when, state — no conflict content. */
export async function declarationRegister(db: Db, unitId: string, year: number) {
  return db.select({
    id: coiDeclarations.id, kind: coiDeclarations.kind, period: coiDeclarations.period, declaredOn: coiDeclarations.declaredOn, state: coiDeclarations.state,
    hasConflict: coiDeclarations.hasConflict, decisionKind: coiDeclarations.decisionKind, personName: people.name, functionName: coiFunctions.name,
    channel: coiDeclarations.channel, dueOn: coiDeclarations.dueOn,
  }).from(coiDeclarations).innerJoin(people, eq(people.id, coiDeclarations.personId)).leftJoin(coiFunctions, eq(coiFunctions.id, coiDeclarations.functionId))
    .where(and(eq(coiDeclarations.unitId, unitId), eq(coiDeclarations.year, year))).orderBy(desc(coiDeclarations.declaredOn), asc(people.name));
}
export type RegisterRow = Awaited<ReturnType<typeof declarationRegister>>[number];

/** Active people of the unit without a periodic declaration for the period. */
export async function stillToDeclareIn(db: Db, unitId: string, period: string) {
  const all = await db.select(personCols).from(people).where(eq(people.unitId, unitId)).orderBy(asc(people.name));
  const done = await db.select({ p: coiDeclarations.personId }).from(coiDeclarations).where(and(eq(coiDeclarations.unitId, unitId), eq(coiDeclarations.kind, 'periodic'), eq(coiDeclarations.period, period)));
  return { pending: stillToDeclare(all, new Set(done.map((r) => r.p))), active: all.filter((p) => p.isActive).length };
}

/** When the unit's employees were last reminded to declare for the period (null: never); `db` may be a transaction. */
export async function lastReminder(db: Db, unitId: string, period: string): Promise<Date | null> {
  const [row] = await db.select({ at: auditLog.at }).from(auditLog)
    .where(and(eq(auditLog.action, 'coi.declaration.remind'), eq(auditLog.entityType, 'unit'), eq(auditLog.entityId, unitId), sql`${auditLog.data}->>'period' = ${period}`))
    .orderBy(desc(auditLog.seq)).limit(1);
  return row?.at ?? null;
}

// ---- evaluations --------------------------------------------------------------------------------------

export async function listEvaluations(db: Db, unitId: string, year: number) {
  const evs = await db.select().from(coiEvaluations).where(and(eq(coiEvaluations.unitId, unitId), sql`extract(year from ${coiEvaluations.heldOn}) = ${year}`)).orderBy(asc(coiEvaluations.heldOn));
  const recs = evs.length ? await db.select().from(coiRecommendations).where(inArray(coiRecommendations.evaluationId, evs.map((e) => e.id))).orderBy(asc(coiRecommendations.position)) : [];
  const evidence = await listEvidenceOfSubjects(db, SUBJECT_RECOMMENDATION, recs.map((r) => r.id));
  return evs.map((e) => ({ ...e, recommendations: recs.filter((r) => r.evaluationId === e.id).map((r) => ({ ...r, evidence: evidence.get(r.id) ?? [] })) }));
}
export type EvaluationView = Awaited<ReturnType<typeof listEvaluations>>[number];

// ---- the year's summary (the five LKE steps) ----------------------------------------------------------

export interface Summary {
  year: number;
  functions: number;
  mapped: number; risks: number; highRisks: number;
  socialisations: number; socialised: number; participants: number;
  declarations: { periodic: number; adhoc: number; withConflict: number; pendingReview: number; mitigating: number; closed: number; acknowledged: number };
  periodic: { period: string; declared: number; active: number };
  implemented: number;
  evaluations: number; recommendations: number; recommendationsDone: number;
  answers: { a: string; b: string; c: string; d: string; e: string | null };
}

export async function summaryOf(db: Db, unitId: string, year: number, today: IsoDate = regencyToday()): Promise<Summary> {
  const map = await riskMap(db, unitId, year);
  const fnIds = new Set(map.map((f) => f.id));
  const socs = await listSocialisations(db, unitId, year);
  const socialised = new Set(socs.flatMap((s) => s.functionIds).filter((id) => fnIds.has(id)));
  const decls = await db.select({ kind: coiDeclarations.kind, state: coiDeclarations.state, hasConflict: coiDeclarations.hasConflict, functionId: coiDeclarations.functionId })
    .from(coiDeclarations).where(and(eq(coiDeclarations.unitId, unitId), eq(coiDeclarations.year, year)));
  const implemented = new Set(decls.map((d) => d.functionId).filter((id): id is string => !!id && fnIds.has(id)));
  const period = periodOf(year === Number(today.slice(0, 4)) ? today : `${year}-12-31`);
  const pend = await stillToDeclareIn(db, unitId, period);
  const evs = await listEvaluations(db, unitId, year);
  const recs = evs.flatMap((e) => e.recommendations);
  const done = recs.filter((r) => r.status === 'done').length;
  const mapped = map.filter((f) => f.risks.length > 0).length;
  return {
    year, functions: map.length, mapped, risks: map.reduce((s, f) => s + f.risks.length, 0),
    highRisks: map.reduce((s, f) => s + f.risks.filter((r) => r.level === 'high' || r.level === 'very_high').length, 0),
    socialisations: socs.length, socialised: socialised.size, participants: socs.reduce((s, x) => s + x.participants, 0),
    declarations: {
      periodic: decls.filter((d) => d.kind === 'periodic').length, adhoc: decls.filter((d) => d.kind === 'adhoc').length,
      withConflict: decls.filter((d) => d.hasConflict).length, pendingReview: decls.filter((d) => d.state === 'submitted').length,
      mitigating: decls.filter((d) => d.state === 'mitigating').length, closed: decls.filter((d) => d.state === 'closed').length,
      acknowledged: decls.filter((d) => d.state === 'acknowledged').length,
    },
    periodic: { period, declared: pend.active - pend.pending.length, active: pend.active },
    implemented: implemented.size,
    evaluations: evs.length, recommendations: recs.length, recommendationsDone: done,
    answers: {
      a: coverageAnswer(mapped, map.length), b: coverageAnswer(socialised.size, map.length), c: coverageAnswer(implemented.size, map.length),
      d: evaluationAnswer(evs.length), e: followUpAnswer(done, recs.length),
    },
  };
}

/**
 * A file of a declaration the actor may read — the follow-up's evidence or the paper statement's
 * scan — with its stored name and type; not found when the declaration, the file or its bytes are not there.
 */
export async function declarationAttachment(db: Db, files: FileStore, actor: Actor, id: string, which: 'followUp' | 'scan'): Promise<{ bytes: Uint8Array; name: string | null; mime: string | null }> {
  const found = await declarationFor(db, actor, id);
  const d = found?.d;
  const sha = which === 'followUp' ? d?.followUpSha : d?.scanSha;
  if (!d || !sha) throw notFound();
  let bytes: Uint8Array;
  // the file store throws a plain error for bytes that are gone: to the reader, the file is not there
  try { bytes = await files.read(sha); } catch { throw notFound(); }
  return which === 'followUp' ? { bytes, name: d.followUpName, mime: d.followUpMime } : { bytes, name: d.scanName, mime: d.scanMime };
}

// ---- documents ------------------------------------------------------------------------------------------

/** What the surat pernyataan of a declaration names besides the declaration: the unit, the regency, the declarant and the superior. */
export async function letterSource(db: Db, d: DeclarationView) {
  const unit = (await findUnit(db, { all: true }, d.unitId))!;
  const regency = await findRegency(db);
  return { unit, regency, person: (await personCard(db, d.personId))!, superior: await personCard(db, d.superiorPersonId) };
}

/** The head of the unit who signs its year's report: the nearest unit head among the unit's people with an account. */
export async function reportSigner(db: Db, unitId: string): Promise<{ name: string; position: string; nip: string } | null> {
  const { people: candidates } = await superiorChoices(db, unitId, '00000000-0000-0000-0000-000000000000');
  const heads = new Set(await accountsHoldingRole(db, 'unit_head', unitId));
  const headP = candidates.find((p) => p.accountId && heads.has(p.accountId));
  if (!headP) return null;
  const [p] = await db.select({ name: people.name, position: people.position, nip: people.nip }).from(people).where(eq(people.id, headP.id)).limit(1);
  return p ?? null;
}

// ---- the pages' models --------------------------------------------------------------------------------

/** The employee's page: their own declarations, this period's periodic one, and those they review. */
export async function homeModel(db: Db, actor: Actor, today: IsoDate) {
  const person = await personOfAccount(db, actor.accountId);
  const mine = person ? await ownDeclarations(db, person.id) : [];
  const toReview = await declarationsToReview(db, actor);
  const period = periodOf(today);
  const periodicDone = mine.find((d) => d.kind === 'periodic' && d.period === period) ?? null;
  return { person, mine, toReview, period, periodicDone };
}
export type HomeModel = Awaited<ReturnType<typeof homeModel>>;

/** The declaration form's choices for the declarant: the superiors and the functions in force for the year declared. */
export async function declarationChoices(db: Db, person: PersonLite, year: number) {
  const { people: superiorsOf, defaultId } = await superiorChoices(db, person.unitId, person.id);
  const functions = await functionsInForce(db, person.unitId, year);
  return { superiors: superiorsOf, defaultSuperiorId: defaultId, functions };
}

/** The library of the unit's files evidence may be chosen from. */
export async function evidenceLibrary(db: Db, unitId: string): Promise<{ id: string; title: string }[]> {
  return (await listUnitFiles(db, unitId, { pageSize: 200 })).rows.map((f) => ({ id: f.id, title: f.title }));
}

/** The summary page: the five steps' facts and, for managers, who still has to declare, the last reminder and the register. */
export async function summaryModel(db: Db, unitId: string, year: number, today: IsoDate, manager: boolean) {
  const summary = await summaryOf(db, unitId, year, today);
  const pending = manager ? await stillToDeclareIn(db, unitId, summary.periodic.period) : null;
  const reminded = manager ? await lastReminder(db, unitId, summary.periodic.period) : null;
  const register = manager ? await declarationRegister(db, unitId, year) : [];
  return { summary, pending, reminded, register };
}
export type SummaryModel = Awaited<ReturnType<typeof summaryModel>>;

/** The socialisation page: the year's records, the functions in force and (for managers) the evidence library. */
export async function socialisationModel(db: Db, unitId: string, year: number, manage: boolean) {
  const [list, functions] = await Promise.all([listSocialisations(db, unitId, year), functionsInForce(db, unitId, year)]);
  const library = manage ? await evidenceLibrary(db, unitId) : [];
  return { list, functions, library };
}
export type SocialisationModel = Awaited<ReturnType<typeof socialisationModel>>;

/** The evaluation page: the year's evaluations with their recommendations and (for managers) the evidence library. */
export async function evaluationModel(db: Db, unitId: string, year: number, manage: boolean) {
  const evaluations = await listEvaluations(db, unitId, year);
  const library = manage ? await evidenceLibrary(db, unitId) : [];
  return { evaluations, library };
}
export type EvaluationModel = Awaited<ReturnType<typeof evaluationModel>>;
