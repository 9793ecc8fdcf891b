// Use cases of the services module. Each checks its input (services.rules.ts), checks that every id
// belongs to the unit (a forged id of another unit is not found and changes nothing), refuses a
// stale revision (409), and writes with its audit entry in one transaction. Authorization (which
// units the actor may manage) is the route's: it passes a unit it has checked.
import { and, eq, max, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access.ts';
import { appendAudit, type AuditActor } from '../../kernel/audit.ts';
import type { Db } from '../../kernel/db.ts';
import { DomainError, conflict, invalid, notFound } from '../../kernel/errors.ts';
import type { FileStore } from '../../kernel/files.ts';
import { attachUrl, checkUpload, checkUrl, uploadEvidence } from '../evidence/index.ts';
import { MAKLUMAT_TEXT } from './maklumat.text.ts';
import {
  SUBJECT, findConsultation, findMaklumat, findService, findServiceByCode, findSop, findStandard, maklumatOf, peopleOfUnit, type StandardRow,
} from './services.queries.ts';
import {
  componentsOf, isUuid, parseComponents, parseConsultation, parseMaklumat, parsePublish, parseReview, parseService, parseSop, parseSopEvaluation,
} from './services.rules.ts';
import { consultations, maklumat, reviews, services, sopEvaluations, sops, standards } from './services.schema.ts';

export type ServicesActor = AuditActor | Pick<Actor, 'accountId' | 'username'>;
export const auditActor = (a: ServicesActor): AuditActor => ('label' in a ? a : { accountId: a.accountId, label: a.username });
export interface Ctx { db: Db; actor: ServicesActor }

type Form = Record<string, unknown>;
const stale = () => conflict('services.error.stale');
const revOf = (d: Date) => String(d.getTime());

async function lock(tx: Db, key: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

async function serviceOr404(tx: Db, unitId: string, serviceId: string) {
  const s = await findService(tx, unitId, serviceId);
  if (!s) throw notFound();
  return s;
}

// ---- catalogue --------------------------------------------------------------------------------

export async function createService(ctx: Ctx, unitId: string, form: Form) {
  const input = parseService(form);
  return ctx.db.transaction(async (tx) => {
    await lock(tx, `services.code:${unitId}`);
    if (await findServiceByCode(tx, unitId, input.code)) throw new DomainError('conflict', 'services.service.code.taken', { code: input.code }, { code: 'services.service.code.taken' });
    const [row] = await tx.insert(services).values({ unitId, ...input, createdBy: ctx.actor.accountId }).returning();
    await appendAudit(tx, auditActor(ctx.actor), { action: 'services.service.created', entityType: 'services_service', entityId: row.id, unitId, data: { ...input } });
    return row;
  });
}

export async function updateService(ctx: Ctx, unitId: string, serviceId: string, form: Form) {
  const input = parseService(form);
  const version = Number(form.version);
  return ctx.db.transaction(async (tx) => {
    await lock(tx, `services.code:${unitId}`);
    const s = await serviceOr404(tx, unitId, serviceId);
    if (s.version !== version) throw stale();
    const other = await findServiceByCode(tx, unitId, input.code);
    if (other && other.id !== s.id) throw new DomainError('conflict', 'services.service.code.taken', { code: input.code }, { code: 'services.service.code.taken' });
    const [row] = await tx.update(services).set({ ...input, version: s.version + 1, updatedAt: new Date() }).where(eq(services.id, s.id)).returning();
    await appendAudit(tx, auditActor(ctx.actor), { action: 'services.service.updated', entityType: 'services_service', entityId: s.id, unitId, data: { before: { code: s.code, name: s.name }, ...input } });
    return row;
  });
}

export async function setServiceActive(ctx: Ctx, unitId: string, serviceId: string, active: boolean, form: Form) {
  const version = Number(form.version);
  return ctx.db.transaction(async (tx) => {
    const s = await serviceOr404(tx, unitId, serviceId);
    if (s.version !== version) throw stale();
    if (s.isActive === active) return s;
    const [row] = await tx.update(services).set({ isActive: active, version: s.version + 1, updatedAt: new Date() }).where(eq(services.id, s.id)).returning();
    await appendAudit(tx, auditActor(ctx.actor), { action: active ? 'services.service.reactivated' : 'services.service.deactivated', entityType: 'services_service', entityId: s.id, unitId, data: { code: s.code } });
    return row;
  });
}

// ---- standards --------------------------------------------------------------------------------

/** Opens a draft: a copy of the latest version's components (or empty). One draft at a time. */
export async function createDraft(ctx: Ctx, unitId: string, serviceId: string): Promise<StandardRow> {
  return ctx.db.transaction(async (tx) => {
    const s = await serviceOr404(tx, unitId, serviceId);
    await lock(tx, `services.standard:${s.id}`);
    const all = await tx.select().from(standards).where(eq(standards.serviceId, s.id));
    if (all.some((x) => x.status === 'draft')) throw conflict('services.standard.draft_exists');
    const latest = all.sort((a, b) => b.version - a.version)[0];
    const version = (latest?.version ?? 0) + 1;
    const [row] = await tx.insert(standards).values({ serviceId: s.id, version, status: 'draft', components: latest ? componentsOf(latest.components) : {}, createdBy: ctx.actor.accountId }).returning();
    await appendAudit(tx, auditActor(ctx.actor), { action: 'services.standard.draft_created', entityType: 'services_standard', entityId: row.id, unitId, data: { service: s.code, version, from: latest?.version ?? null } });
    return row;
  });
}

async function draftOr409(tx: Db, unitId: string, serviceId: string, standardId: string, rev: unknown) {
  const s = await serviceOr404(tx, unitId, serviceId);
  await lock(tx, `services.standard:${s.id}`);
  const st = await findStandard(tx, s.id, standardId);
  if (!st) throw notFound();
  if (st.status !== 'draft') throw conflict('services.standard.not_draft');
  if (String(rev ?? '') !== revOf(st.updatedAt)) throw stale();
  return { s, st };
}

export async function saveDraft(ctx: Ctx, unitId: string, serviceId: string, standardId: string, form: Form) {
  const components = parseComponents(form);
  return ctx.db.transaction(async (tx) => {
    const { s, st } = await draftOr409(tx, unitId, serviceId, standardId, form.rev);
    const [row] = await tx.update(standards).set({ components, updatedAt: new Date() }).where(eq(standards.id, st.id)).returning();
    await appendAudit(tx, auditActor(ctx.actor), { action: 'services.standard.draft_saved', entityType: 'services_standard', entityId: st.id, unitId, data: { service: s.code, version: st.version, components: Object.keys(components) } });
    return row;
  });
}

/** Publishes a complete draft; the published version before it becomes superseded. */
export async function publishStandard(ctx: Ctx, unitId: string, serviceId: string, standardId: string, form: Form) {
  return ctx.db.transaction(async (tx) => {
    const { s, st } = await draftOr409(tx, unitId, serviceId, standardId, form.rev);
    const input = parsePublish(form, componentsOf(st.components));
    const now = new Date();
    const prev = await tx.update(standards).set({ status: 'superseded', updatedAt: now })
      .where(and(eq(standards.serviceId, s.id), eq(standards.status, 'published'))).returning({ id: standards.id, version: standards.version });
    const [row] = await tx.update(standards).set({ ...input, status: 'published', publishedAt: now, updatedAt: now }).where(eq(standards.id, st.id)).returning();
    await appendAudit(tx, auditActor(ctx.actor), {
      action: 'services.standard.published', entityType: 'services_standard', entityId: st.id, unitId,
      data: { service: s.code, version: st.version, supersedes: prev[0]?.version ?? null, ...input },
    });
    return row;
  });
}

export async function discardDraft(ctx: Ctx, unitId: string, serviceId: string, standardId: string, form: Form) {
  return ctx.db.transaction(async (tx) => {
    const { s, st } = await draftOr409(tx, unitId, serviceId, standardId, form.rev);
    const [used] = await tx.select({ id: reviews.id }).from(reviews).where(eq(reviews.resultingStandardId, st.id)).limit(1);
    if (used) throw conflict('services.standard.draft_in_review');
    await tx.delete(standards).where(eq(standards.id, st.id));
    await appendAudit(tx, auditActor(ctx.actor), { action: 'services.standard.draft_discarded', entityType: 'services_standard', entityId: st.id, unitId, data: { service: s.code, version: st.version } });
  });
}

// ---- reviews ----------------------------------------------------------------------------------

export async function addReview(ctx: Ctx, unitId: string, serviceId: string, form: Form) {
  const input = parseReview(form);
  return ctx.db.transaction(async (tx) => {
    const s = await serviceOr404(tx, unitId, serviceId);
    if (input.resultingStandardId && !(await findStandard(tx, s.id, input.resultingStandardId))) throw invalid({ resultingStandardId: 'services.error.choice' });
    const [row] = await tx.insert(reviews).values({ serviceId: s.id, ...input, createdBy: ctx.actor.accountId }).returning();
    await appendAudit(tx, auditActor(ctx.actor), { action: 'services.review.added', entityType: 'services_review', entityId: row.id, unitId, data: { service: s.code, ...input } });
    return row;
  });
}

// ---- consultations ----------------------------------------------------------------------------

export async function addConsultation(ctx: Ctx, unitId: string, form: Form) {
  const input = parseConsultation(form);
  return ctx.db.transaction(async (tx) => {
    if (input.serviceId && !(await findService(tx, unitId, input.serviceId))) throw invalid({ serviceId: 'services.error.choice' });
    const [row] = await tx.insert(consultations).values({ unitId, ...input, createdBy: ctx.actor.accountId }).returning();
    await appendAudit(tx, auditActor(ctx.actor), { action: 'services.consultation.added', entityType: 'services_consultation', entityId: row.id, unitId, data: { ...input } });
    return row;
  });
}

// ---- evidence on consultations, SOPs, standards and maklumat ----------------------------------

export type EvidenceInput =
  | { kind: 'file'; bytes: Uint8Array; name: string; title: string | null }
  | { kind: 'url'; url: string; title: string };
export type EvidenceTarget = keyof typeof SUBJECT;

async function targetExists(tx: Db, unitId: string, target: EvidenceTarget, id: string): Promise<boolean> {
  switch (target) {
    case 'consultation': return !!(await findConsultation(tx, unitId, id));
    case 'sop': return !!(await findSop(tx, unitId, id));
    case 'maklumat': return !!(await findMaklumat(tx, unitId, id));
    case 'standard': {
      const [row] = await tx.select({ id: standards.id }).from(standards).innerJoin(services, eq(services.id, standards.serviceId))
        .where(and(eq(standards.id, id), eq(services.unitId, unitId))).limit(1);
      return !!row;
    }
  }
}

/** A file or link on a record of the unit (checked before anything is stored), audited with it. */
export async function addEvidence(ctx: Ctx, files: FileStore, unitId: string, target: EvidenceTarget, id: string, input: EvidenceInput) {
  if (!isUuid(id)) throw notFound();
  if (input.kind === 'file') checkUpload(input.bytes, input.name, input.title);
  else checkUrl(input.url);
  return ctx.db.transaction(async (tx) => {
    if (!(await targetExists(tx, unitId, target, id))) throw notFound();
    const subject = { subjectType: SUBJECT[target], subjectId: id, subjectKey: '' };
    const link = input.kind === 'file'
      ? (await uploadEvidence(tx, files, ctx.actor, { unitId, bytes: input.bytes, originalName: input.name, title: input.title, attachTo: subject })).link!
      : await attachUrl(tx, ctx.actor, { unitId, url: input.url, title: input.title, ...subject });
    await appendAudit(tx, auditActor(ctx.actor), { action: 'services.evidence.added', entityType: SUBJECT[target], entityId: id, unitId, data: { link: link.id, kind: input.kind, fileId: link.fileId, url: link.url } });
    return link;
  });
}

// ---- maklumat ---------------------------------------------------------------------------------

export const defaultMaklumatText = () => MAKLUMAT_TEXT.id;

async function signerOf(tx: Db, unitId: string, personId: string) {
  const p = (await peopleOfUnit(tx, unitId)).find((x) => x.id === personId);
  if (!p) throw invalid({ signerPersonId: 'services.error.person_other_unit' });
  return p;
}

/** Saves the maklumat: edits the open draft (revision checked) or opens a new version. */
export async function saveMaklumat(ctx: Ctx, unitId: string, form: Form) {
  const input = parseMaklumat(form);
  return ctx.db.transaction(async (tx) => {
    await lock(tx, `services.maklumat:${unitId}`);
    const p = await signerOf(tx, unitId, input.signerPersonId);
    const snapshot = { name: p.name, nip: p.nip, position: p.position, unit: p.unitName };
    const [latest] = await maklumatOf(tx, unitId);
    const who = auditActor(ctx.actor);
    if (latest && !latest.publishedAt) {
      if (String(form.rev ?? '') !== revOf(latest.updatedAt)) throw stale();
      const [row] = await tx.update(maklumat).set({ text: input.text, signerPersonId: p.id, signerSnapshot: snapshot, signedOn: input.signedOn, updatedAt: new Date() }).where(eq(maklumat.id, latest.id)).returning();
      await appendAudit(tx, who, { action: 'services.maklumat.draft_saved', entityType: 'services_maklumat', entityId: row.id, unitId, data: { version: row.version, signer: snapshot, signedOn: input.signedOn } });
      return row;
    }
    if (String(form.rev ?? '') !== (latest ? revOf(latest.updatedAt) : '')) throw stale();
    const [row] = await tx.insert(maklumat).values({ unitId, version: (latest?.version ?? 0) + 1, text: input.text, signerPersonId: p.id, signerSnapshot: snapshot, signedOn: input.signedOn, createdBy: ctx.actor.accountId }).returning();
    await appendAudit(tx, who, { action: 'services.maklumat.draft_created', entityType: 'services_maklumat', entityId: row.id, unitId, data: { version: row.version, signer: snapshot, signedOn: input.signedOn } });
    return row;
  });
}

export async function publishMaklumat(ctx: Ctx, unitId: string, id: string, form: Form) {
  return ctx.db.transaction(async (tx) => {
    await lock(tx, `services.maklumat:${unitId}`);
    const m = await findMaklumat(tx, unitId, id);
    if (!m) throw notFound();
    if (m.publishedAt) throw conflict('services.maklumat.already_published');
    if (String(form.rev ?? '') !== revOf(m.updatedAt)) throw stale();
    const now = new Date();
    const [row] = await tx.update(maklumat).set({ publishedAt: now, updatedAt: now }).where(eq(maklumat.id, m.id)).returning();
    await appendAudit(tx, auditActor(ctx.actor), { action: 'services.maklumat.published', entityType: 'services_maklumat', entityId: m.id, unitId, data: { version: m.version } });
    return row;
  });
}

// ---- SOPs -------------------------------------------------------------------------------------

async function checkSopRefs(tx: Db, unitId: string, input: { ownerPersonId: string; serviceId: string | null }) {
  if (!(await peopleOfUnit(tx, unitId)).some((p) => p.id === input.ownerPersonId)) throw invalid({ ownerPersonId: 'services.error.person_other_unit' });
  if (input.serviceId && !(await findService(tx, unitId, input.serviceId))) throw invalid({ serviceId: 'services.error.choice' });
}

export async function createSop(ctx: Ctx, unitId: string, form: Form) {
  const input = parseSop(form);
  return ctx.db.transaction(async (tx) => {
    await lock(tx, `services.sop:${unitId}:${input.number.toLowerCase()}`);
    await checkSopRefs(tx, unitId, input);
    const [taken] = await tx.select({ id: sops.id }).from(sops).where(and(eq(sops.unitId, unitId), sql`lower(${sops.number}) = lower(${input.number})`)).limit(1);
    if (taken) throw new DomainError('conflict', 'services.sop.number.taken', { number: input.number }, { number: 'services.sop.number.taken' });
    const [row] = await tx.insert(sops).values({ unitId, ...input, version: 1, status: 'active', createdBy: ctx.actor.accountId }).returning();
    await appendAudit(tx, auditActor(ctx.actor), { action: 'services.sop.created', entityType: 'services_sop', entityId: row.id, unitId, data: { ...input, steps: input.steps.length } });
    return row;
  });
}

async function activeSopOr409(tx: Db, unitId: string, id: string, rev: unknown) {
  const s = await findSop(tx, unitId, id);
  if (!s) throw notFound();
  await lock(tx, `services.sop:${unitId}:${s.number.toLowerCase()}`);
  const [fresh] = await tx.select().from(sops).where(eq(sops.id, s.id));
  if (fresh.status !== 'active') throw conflict('services.sop.superseded');
  if (String(rev ?? '') !== revOf(fresh.updatedAt)) throw stale();
  return fresh;
}

/** Corrects the active version in place (the number stays). */
export async function updateSop(ctx: Ctx, unitId: string, id: string, form: Form) {
  const input = parseSop(form);
  return ctx.db.transaction(async (tx) => {
    const s = await activeSopOr409(tx, unitId, id, form.rev);
    if (input.number.toLowerCase() !== s.number.toLowerCase()) throw invalid({ number: 'services.sop.number.fixed' });
    await checkSopRefs(tx, unitId, input);
    const [row] = await tx.update(sops).set({ ...input, number: s.number, updatedAt: new Date() }).where(eq(sops.id, s.id)).returning();
    await appendAudit(tx, auditActor(ctx.actor), { action: 'services.sop.updated', entityType: 'services_sop', entityId: s.id, unitId, data: { ...input, steps: input.steps.length } });
    return row;
  });
}

/** A new version of the SOP: the active one becomes superseded (kept as history). */
export async function newSopVersion(ctx: Ctx, unitId: string, id: string, form: Form) {
  const input = parseSop(form);
  return ctx.db.transaction(async (tx) => {
    const s = await activeSopOr409(tx, unitId, id, form.rev);
    if (input.number.toLowerCase() !== s.number.toLowerCase()) throw invalid({ number: 'services.sop.number.fixed' });
    await checkSopRefs(tx, unitId, input);
    const [{ top }] = await tx.select({ top: max(sops.version) }).from(sops).where(and(eq(sops.unitId, unitId), sql`lower(${sops.number}) = lower(${s.number})`));
    const now = new Date();
    const [row] = await tx.insert(sops).values({ unitId, ...input, number: s.number, version: (top ?? s.version) + 1, status: 'active', createdBy: ctx.actor.accountId }).returning();
    await tx.update(sops).set({ status: 'superseded', supersededBy: row.id, updatedAt: now }).where(and(eq(sops.unitId, unitId), sql`lower(${sops.number}) = lower(${s.number})`, ne(sops.id, row.id), eq(sops.status, 'active')));
    await appendAudit(tx, auditActor(ctx.actor), { action: 'services.sop.new_version', entityType: 'services_sop', entityId: row.id, unitId, data: { number: s.number, version: row.version, supersedes: s.id, steps: input.steps.length } });
    return row;
  });
}

export async function addSopEvaluation(ctx: Ctx, unitId: string, id: string, form: Form) {
  const input = parseSopEvaluation(form);
  return ctx.db.transaction(async (tx) => {
    const s = await findSop(tx, unitId, id);
    if (!s) throw notFound();
    const [row] = await tx.insert(sopEvaluations).values({ sopId: s.id, ...input, createdBy: ctx.actor.accountId }).returning();
    await appendAudit(tx, auditActor(ctx.actor), { action: 'services.sop.evaluated', entityType: 'services_sop', entityId: s.id, unitId, data: { number: s.number, version: s.version, ...input } });
    return row;
  });
}

export { revOf };
