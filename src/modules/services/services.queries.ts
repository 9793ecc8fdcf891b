// Reads of the services tables. Every lookup of a record takes the unit it must belong to, so a
// forged id of another unit is simply not found. Org tables are read through what org exports.
// The last part loads the model of each page (the *.pages.tsx render it, without the database).
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db.ts';
import { listEvidenceFor, listEvidenceOfSubjects, type EvidenceLinkView } from '../evidence/index.ts';
import { findRegency, orgPeople as people, orgUnits as units } from '../org/index.ts';
import { consultations, maklumat, reviews, services, sopEvaluations, sops, standards } from './services.schema.ts';

export type ServiceRow = typeof services.$inferSelect;
export type StandardRow = typeof standards.$inferSelect;
export type ConsultationRow = typeof consultations.$inferSelect;
export type ReviewRow = typeof reviews.$inferSelect;
export type MaklumatRow = typeof maklumat.$inferSelect;
export type SopRow = typeof sops.$inferSelect;
export type SopEvaluationRow = typeof sopEvaluations.$inferSelect;

export const SUBJECT = {
  standard: 'services_standard',
  consultation: 'services_consultation',
  sop: 'services_sop',
  maklumat: 'services_maklumat',
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ok = (id: string) => UUID.test(id);

export async function unitOf(db: Db, unitId: string) {
  if (!ok(unitId)) return null;
  const [u] = await db.select().from(units).where(eq(units.id, unitId)).limit(1);
  return u ?? null;
}

/** An active unit by its code (case-insensitive), with only what public pages show. */
export async function findPublicUnit(db: Db, code: string) {
  const [u] = await db.select({ id: units.id, code: units.code, name: units.name, shortName: units.shortName, address: units.address, phone: units.phone, email: units.email })
    .from(units).where(and(sql`lower(${units.code}) = lower(${code})`, eq(units.isActive, true))).limit(1);
  return u ?? null;
}

// ---- catalogue --------------------------------------------------------------------------------

/** The unit's active services in catalogue order (for other modules: surveys). */
export async function listServices(db: Db, unitId: string): Promise<ServiceRow[]> {
  if (!ok(unitId)) return [];
  return db.select().from(services).where(and(eq(services.unitId, unitId), eq(services.isActive, true))).orderBy(asc(services.sortOrder), asc(services.name));
}

/** Every service of the unit, the inactive ones last. */
export async function listAllServices(db: Db, unitId: string): Promise<ServiceRow[]> {
  return db.select().from(services).where(eq(services.unitId, unitId)).orderBy(desc(services.isActive), asc(services.sortOrder), asc(services.name));
}

/** A service of the unit by its code (case-insensitive), active or not. */
export async function findServiceByCode(db: Db, unitId: string, code: string): Promise<ServiceRow | null> {
  if (!ok(unitId)) return null;
  const [s] = await db.select().from(services).where(and(eq(services.unitId, unitId), sql`lower(${services.code}) = lower(${code})`)).limit(1);
  return s ?? null;
}

export async function findService(db: Db, unitId: string, id: string): Promise<ServiceRow | null> {
  if (!ok(id) || !ok(unitId)) return null;
  const [s] = await db.select().from(services).where(and(eq(services.id, id), eq(services.unitId, unitId))).limit(1);
  return s ?? null;
}

/** A service by id within the units given (null: every unit). */
export async function findServiceIn(db: Db, unitIds: string[] | null, id: string): Promise<ServiceRow | null> {
  if (!ok(id)) return null;
  if (unitIds && unitIds.length === 0) return null;
  const [s] = await db.select().from(services).where(and(eq(services.id, id), unitIds ? inArray(services.unitId, unitIds) : sql`true`)).limit(1);
  return s ?? null;
}

// ---- standards --------------------------------------------------------------------------------

export async function standardsOf(db: Db, serviceId: string): Promise<StandardRow[]> {
  return db.select().from(standards).where(eq(standards.serviceId, serviceId)).orderBy(desc(standards.version));
}

export async function findStandard(db: Db, serviceId: string, id: string): Promise<StandardRow | null> {
  if (!ok(id)) return null;
  const [s] = await db.select().from(standards).where(and(eq(standards.id, id), eq(standards.serviceId, serviceId))).limit(1);
  return s ?? null;
}

/** The published standard of each of the services. */
export async function publishedStandards(db: Db, serviceIds: string[]): Promise<Map<string, StandardRow>> {
  if (serviceIds.length === 0) return new Map();
  const rows = await db.select().from(standards).where(and(inArray(standards.serviceId, serviceIds), eq(standards.status, 'published')));
  return new Map(rows.map((r) => [r.serviceId, r]));
}

/** Every standard version of the services (for the catalogue's status column and the LKE). */
export async function standardsOfServices(db: Db, serviceIds: string[]): Promise<StandardRow[]> {
  if (serviceIds.length === 0) return [];
  return db.select().from(standards).where(inArray(standards.serviceId, serviceIds)).orderBy(asc(standards.serviceId), desc(standards.version));
}

export async function reviewsOf(db: Db, serviceId: string): Promise<ReviewRow[]> {
  return db.select().from(reviews).where(eq(reviews.serviceId, serviceId)).orderBy(desc(reviews.reviewedOn), desc(reviews.createdAt));
}

export async function reviewsOfServices(db: Db, serviceIds: string[]): Promise<ReviewRow[]> {
  if (serviceIds.length === 0) return [];
  return db.select().from(reviews).where(inArray(reviews.serviceId, serviceIds)).orderBy(desc(reviews.reviewedOn));
}

// ---- consultations ----------------------------------------------------------------------------

export async function consultationsOf(db: Db, unitId: string): Promise<ConsultationRow[]> {
  return db.select().from(consultations).where(eq(consultations.unitId, unitId)).orderBy(desc(consultations.heldOn), desc(consultations.createdAt));
}

export async function findConsultation(db: Db, unitId: string, id: string): Promise<ConsultationRow | null> {
  if (!ok(id)) return null;
  const [c] = await db.select().from(consultations).where(and(eq(consultations.id, id), eq(consultations.unitId, unitId))).limit(1);
  return c ?? null;
}

// ---- maklumat ---------------------------------------------------------------------------------

export async function maklumatOf(db: Db, unitId: string): Promise<MaklumatRow[]> {
  return db.select().from(maklumat).where(eq(maklumat.unitId, unitId)).orderBy(desc(maklumat.version));
}

export async function findMaklumat(db: Db, unitId: string, id: string): Promise<MaklumatRow | null> {
  if (!ok(id)) return null;
  const [m] = await db.select().from(maklumat).where(and(eq(maklumat.id, id), eq(maklumat.unitId, unitId))).limit(1);
  return m ?? null;
}

/** The maklumat in force: the latest published version. */
export async function currentMaklumat(db: Db, unitId: string): Promise<MaklumatRow | null> {
  const [m] = await db.select().from(maklumat).where(and(eq(maklumat.unitId, unitId), sql`${maklumat.publishedAt} is not null`)).orderBy(desc(maklumat.version)).limit(1);
  return m ?? null;
}

// ---- SOPs -------------------------------------------------------------------------------------

/** The unit's SOPs: active ones by number, or every version (history) when `all`. */
export async function sopsOf(db: Db, unitId: string, opts: { all?: boolean } = {}): Promise<SopRow[]> {
  return db.select().from(sops).where(and(eq(sops.unitId, unitId), opts.all ? sql`true` : eq(sops.status, 'active')))
    .orderBy(asc(sops.number), desc(sops.version));
}

export async function findSop(db: Db, unitId: string, id: string): Promise<SopRow | null> {
  if (!ok(id)) return null;
  const [s] = await db.select().from(sops).where(and(eq(sops.id, id), eq(sops.unitId, unitId))).limit(1);
  return s ?? null;
}

/** Every version of an SOP number in the unit, newest first. */
export async function sopVersions(db: Db, unitId: string, number: string): Promise<SopRow[]> {
  return db.select().from(sops).where(and(eq(sops.unitId, unitId), sql`lower(${sops.number}) = lower(${number})`)).orderBy(desc(sops.version));
}

export async function evaluationsOf(db: Db, sopIds: string[]): Promise<SopEvaluationRow[]> {
  if (sopIds.length === 0) return [];
  return db.select().from(sopEvaluations).where(inArray(sopEvaluations.sopId, sopIds)).orderBy(desc(sopEvaluations.evaluatedOn), desc(sopEvaluations.createdAt));
}

// ---- records by id, for the route to check against the actor's scope ------------------------------

export async function unitOfRecord(db: Db, kind: 'consultation' | 'sop' | 'maklumat', id: string): Promise<string | null> {
  if (!ok(id)) return null;
  const table = kind === 'consultation' ? consultations : kind === 'sop' ? sops : maklumat;
  const [r] = await db.select({ unitId: table.unitId }).from(table).where(eq(table.id, id)).limit(1);
  return r?.unitId ?? null;
}

// ---- people -----------------------------------------------------------------------------------

export interface PersonChoice { id: string; name: string; nip: string; position: string; unitId: string; unitName: string }

/** Active people of the unit and its sub-units (UPT), by name. */
export async function peopleOfUnit(db: Db, unitId: string): Promise<PersonChoice[]> {
  if (!ok(unitId)) return [];
  const family = await db.select({ id: units.id }).from(units).where(or(eq(units.id, unitId), eq(units.parentId, unitId)));
  return db.select({ id: people.id, name: people.name, nip: people.nip, position: people.position, unitId: people.unitId, unitName: units.shortName })
    .from(people).innerJoin(units, eq(units.id, people.unitId))
    .where(and(inArray(people.unitId, family.map((u) => u.id)), eq(people.isActive, true))).orderBy(asc(people.name));
}

export async function peopleByIds(db: Db, ids: string[]): Promise<Map<string, { name: string; position: string }>> {
  const list = [...new Set(ids.filter(ok))];
  if (list.length === 0) return new Map();
  const rows = await db.select({ id: people.id, name: people.name, position: people.position }).from(people).where(inArray(people.id, list));
  return new Map(rows.map((r) => [r.id, { name: r.name, position: r.position }]));
}

// ---- page models ------------------------------------------------------------------------------------

const evidenceOf = async (db: Db, subject: string, id: string): Promise<EvidenceLinkView[]> => (await listEvidenceFor(db, subject, id)).get('') ?? [];
const unitCodeOf = async (db: Db, unitId: string): Promise<string | null> => (await unitOf(db, unitId))?.code ?? null;

/** The catalogue of a unit: its services with their standard versions, its active SOPs, its public code. */
export async function catalogueModel(db: Db, unitId: string) {
  const list = await listAllServices(db, unitId);
  const versions = await standardsOfServices(db, list.map((s) => s.id));
  const sops = await sopsOf(db, unitId);
  return { list, versions, sopCount: sops.length, unitCode: await unitCodeOf(db, unitId) };
}

/** One service: its standard versions (newest first), its reviews, the unit's public code. */
export async function serviceModel(db: Db, s: ServiceRow) {
  return { s, versions: await standardsOf(db, s.id), reviews: await reviewsOf(db, s.id), unitCode: await unitCodeOf(db, s.unitId) };
}

/** One standard version with the files of its decree. */
export async function standardModel(db: Db, s: ServiceRow, st: StandardRow) {
  return { s, st, evidence: await evidenceOf(db, SUBJECT.standard, st.id) };
}

/** The consultations of a unit, the unit's services, and the count of files of each consultation. */
export async function consultationsModel(db: Db, unitId: string) {
  const list = await consultationsOf(db, unitId);
  const services = await listAllServices(db, unitId);
  const evidence = await listEvidenceOfSubjects(db, SUBJECT.consultation, list.map((x) => x.id));
  return { list, services, fileCounts: new Map(list.map((x) => [x.id, evidence.get(x.id)?.length ?? 0])) };
}

/** One consultation of the unit with its files (the route has checked the unit). */
export async function consultationModel(db: Db, unitId: string, id: string) {
  const x = (await findConsultation(db, unitId, id))!;
  return { x, services: await listAllServices(db, unitId), evidence: await evidenceOf(db, SUBJECT.consultation, x.id) };
}

/** The maklumat of a unit: every version, the one in force with its evidence, the people who may sign. */
export async function maklumatModel(db: Db, unitId: string, manage: boolean) {
  const versions = await maklumatOf(db, unitId);
  const current = versions.find((m) => m.publishedAt) ?? null;
  const people = manage ? await peopleOfUnit(db, unitId) : [];
  const evidence = current ? await evidenceOf(db, SUBJECT.maklumat, current.id) : [];
  return { versions, current, draft: versions[0] && !versions[0].publishedAt ? versions[0] : null, people, evidence };
}

/** What the maklumat PDF prints besides the maklumat: the unit's letterhead and the regency. */
export async function maklumatPdfSource(db: Db, unitId: string) {
  const unit = (await unitOf(db, unitId))!;
  const regency = await findRegency(db);
  return { unit, regency: regency ? { name: regency.name, capital: regency.capital, kind: regency.kind } : null };
}

/** The SOP register of a unit (active, or every version), with the last evaluations and the owners. */
export async function sopListModel(db: Db, unitId: string, history: boolean, manage: boolean) {
  const list = await sopsOf(db, unitId, { all: history });
  const services = await listAllServices(db, unitId);
  const evals = await evaluationsOf(db, list.map((s) => s.id));
  const owners = await peopleByIds(db, list.map((s) => s.ownerPersonId ?? ''));
  const people = manage ? await peopleOfUnit(db, unitId) : [];
  return { list, services, evals, owners, people, history };
}

/** One SOP of the unit (the route has checked the unit): its versions, evaluations, owner and document. */
export async function sopModel(db: Db, unitId: string, sopId: string, manage: boolean) {
  const s = (await findSop(db, unitId, sopId))!;
  const versions = await sopVersions(db, unitId, s.number);
  const evals = await evaluationsOf(db, [s.id]);
  const services = await listAllServices(db, unitId);
  const owner = (await peopleByIds(db, [s.ownerPersonId ?? ''])).get(s.ownerPersonId ?? '');
  const evidence = await evidenceOf(db, SUBJECT.sop, s.id);
  const people = manage ? await peopleOfUnit(db, unitId) : [];
  return { s, versions, evals, services, owner, evidence, people };
}

export type PublicUnit = NonNullable<Awaited<ReturnType<typeof findPublicUnit>>>;

/** The public list of a unit's services: the active ones with their published standard. */
export async function publicServicesModel(db: Db, unit: PublicUnit) {
  const list = await listServices(db, unit.id);
  return { unit, list, published: await publishedStandards(db, list.map((s) => s.id)) };
}

/** The public page of one active service (null: none by that code, or inactive). */
export async function publicServiceModel(db: Db, unit: PublicUnit, code: string) {
  const s = await findServiceByCode(db, unit.id, code);
  if (!s || !s.isActive) return null;
  return { unit, s, st: (await publishedStandards(db, [s.id])).get(s.id) ?? null };
}

/** The public SOP list of a unit: the active SOPs and the names of the unit's active services. */
export async function publicSopsModel(db: Db, unit: PublicUnit) {
  const list = await sopsOf(db, unit.id);
  const services = await listServices(db, unit.id);
  return { unit, list, serviceName: new Map(services.map((s) => [s.id, s.name])) };
}
