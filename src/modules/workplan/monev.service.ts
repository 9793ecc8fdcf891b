// Use cases of the monev beyond its records (plan.service.ts saveMonev): evidence on a monev record
// and the monev report. Evidence goes through the evidence module's public functions under subject
// type 'workplan_monev', subjectId = the plan's id, subjectKey = the monev record's id — the same
// shape as the LKE's items (one subject per document, one key per line), so a single query lists
// or counts the evidence of a whole plan. The record must exist: a month's monev is saved first.
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../kernel/audit.ts';
import type { Db } from '../../kernel/db.ts';
import { DomainError, invalid, notFound } from '../../kernel/errors.ts';
import type { FileStore } from '../../kernel/files.ts';
import { attachFile, attachUrl, checkUpload, checkUrl, countEvidenceFor, detachEvidence, listEvidenceFor, uploadEvidence } from '../evidence/index.ts';
import { findRegency } from '../org/index.ts';
import { MONEV_SUBJECT, buildMonevReportModel, summariseMonev, type MonevReportModel, type Period, type ReportSigner, type Translate } from './monev.rules.ts';
import { monevOf, personOfUnit, type PlanRow } from './plan.queries.ts';
import { kopOf, validateMonths } from './plan.rules.ts';
import { loadPlan, regencyLabel, type Ctx } from './plan.service.ts';
import { findTeam, listMembers } from './team.queries.ts';
import { activities, monev } from './workplan.schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What was posted: a file, a file of the unit's library, or a link. */
export type EvidenceInput =
  | { kind: 'file'; bytes: Uint8Array; name: string; title: string | null }
  | { kind: 'library'; fileId: string }
  | { kind: 'url'; url: string; title: string };

/**
 * The monev record of an activity of the plan for one of its scheduled months, locked for the
 * transaction. Another plan's activity is not found; an unscheduled month is invalid; a month
 * without a record is a conflict (save the monev first).
 */
async function lockedRecord(tx: Db, plan: PlanRow, activityId: string, month: number) {
  if (!UUID.test(activityId)) throw notFound();
  const [act] = await tx.select().from(activities).where(and(eq(activities.id, activityId), eq(activities.planId, plan.id))).limit(1);
  if (!act) throw notFound();
  if (!(act.months as number[]).includes(month)) throw invalid({ month: 'plan.monev.not_scheduled' });
  const [rec] = await tx.select().from(monev).where(and(eq(monev.activityId, act.id), eq(monev.month, month))).for('update');
  if (!rec) throw new DomainError('conflict', 'plan.monev.evidence.record_first', {}, { file: 'plan.monev.evidence.record_first' });
  return { act, rec };
}

function monthOf(raw: unknown): number {
  const m = validateMonths([raw]);
  if (!m.ok) throw invalid({ month: m.error });
  return m.value[0]!;
}

/** Attaches evidence to the monev record of an activity and month, with an audit entry, in one transaction. */
export async function addMonevEvidence(ctx: Ctx, files: FileStore, plan: PlanRow, activityId: string, rawMonth: unknown, input: EvidenceInput): Promise<string> {
  const month = monthOf(rawMonth);
  // refused before anything is stored: size, type by content, title; the address
  if (input.kind === 'file') checkUpload(input.bytes, input.name, input.title);
  if (input.kind === 'url') checkUrl(input.url);
  if (input.kind === 'library' && !UUID.test(input.fileId)) throw notFound();
  return ctx.db.transaction(async (tx) => {
    const { act, rec } = await lockedRecord(tx, plan, activityId, month);
    const subject = { subjectType: MONEV_SUBJECT, subjectId: plan.id, subjectKey: rec.id };
    const link = input.kind === 'file'
      ? (await uploadEvidence(tx, files, ctx.actor, { unitId: plan.unitId, bytes: input.bytes, originalName: input.name, title: input.title, attachTo: subject })).link!
      : input.kind === 'library'
        ? await attachFile(tx, ctx.actor, { unitId: plan.unitId, fileId: input.fileId, ...subject })
        : await attachUrl(tx, ctx.actor, { unitId: plan.unitId, url: input.url, title: input.title, ...subject });
    await appendAudit(tx, ctx.actor, {
      action: 'workplan.monev.evidence.add', entityType: 'workplan_monev', entityId: rec.id, unitId: plan.unitId,
      data: { plan: plan.id, activity: act.id, month, link: link.id, kind: input.kind, fileId: link.fileId, url: link.url },
    });
    return link.id;
  });
}

/** Detaches one piece of evidence of the monev record (the file stays in the unit's library). */
export async function removeMonevEvidence(ctx: Ctx, plan: PlanRow, activityId: string, rawMonth: unknown, linkId: string): Promise<void> {
  const month = monthOf(rawMonth);
  if (!UUID.test(linkId)) throw notFound();
  await ctx.db.transaction(async (tx) => {
    const { act, rec } = await lockedRecord(tx, plan, activityId, month).catch((e) => {
      // no record means no evidence to detach either
      if (e instanceof DomainError && e.kind !== 'not_found') throw notFound();
      throw e;
    });
    // the link must be this record's, not merely the unit's
    const mine = ((await listEvidenceFor(tx, MONEV_SUBJECT, plan.id)).get(rec.id) ?? []).some((e) => e.linkId === linkId);
    if (!mine) throw notFound();
    const link = await detachEvidence(tx, ctx.actor, { unitId: plan.unitId, linkId });
    await appendAudit(tx, ctx.actor, {
      action: 'workplan.monev.evidence.remove', entityType: 'workplan_monev', entityId: rec.id, unitId: plan.unitId,
      data: { plan: plan.id, activity: act.id, month, link: link.id, fileId: link.fileId, url: link.url },
    });
  });
}

/** Evidence of every monev record of a plan: record id → pieces of evidence. */
export function monevEvidenceOf(db: Db, planId: string) {
  return listEvidenceFor(db, MONEV_SUBJECT, planId);
}

/** The Ketua of the unit's Tim Kerja ZI of the year, if the team is recorded. */
async function ketuaOf(db: Db, unitId: string, year: number): Promise<ReportSigner | null> {
  const team = await findTeam(db, unitId, year);
  if (!team) return null;
  const k = (await listMembers(db, team.id)).find((m) => m.role === 'ketua');
  return k ? { name: k.name, nip: k.nip } : null;
}

/** The monev report of a plan over a period, every text final (through `t`, normally Indonesian). */
export async function monevReportOf(db: Db, plan: PlanRow, period: Period, t: Translate, opts: { today?: Date; timeZone?: string } = {}): Promise<MonevReportModel> {
  const today = opts.today ?? new Date();
  const [{ unit, activities: acts }, records, counts, regency, ketua] = await Promise.all([
    loadPlan(db, plan), monevOf(db, plan.id), countEvidenceFor(db, MONEV_SUBJECT, plan.id), findRegency(db), ketuaOf(db, plan.unitId, plan.year),
  ]);
  const head = plan.signerPersonId ? await personOfUnit(db, plan.unitId, plan.signerPersonId) : null;
  const regencyName = regencyLabel(regency?.name ?? '', regency?.kind ?? 'kabupaten');
  const summary = summariseMonev(period,
    acts.map(({ a, picName }) => ({ id: a.id, area: a.area, seq: a.seq, title: a.title, months: a.months as number[], pic: picName })),
    records.map((r) => ({ id: r.id, activityId: r.activityId, month: r.month, status: r.status, realisation: r.realisation, notes: r.notes, problems: r.problems, followUp: r.followUp, followUpDone: r.followUpDone })),
    counts, today);
  const areaNames: Record<number, string> = {};
  for (const a of [1, 2, 3, 4, 5, 6]) areaNames[a] = t(`area.${a}`);
  return buildMonevReportModel({
    kop: kopOf(regencyName, { name: unit.name, address: unit.address, phone: unit.phone, email: unit.email, fax: unit.fax, website: unit.website, sms: unit.sms }), regency: regencyName, unitName: unit.name, year: plan.year, summary, areaNames,
    place: plan.place ?? regency?.capital ?? null, date: today, timeZone: opts.timeZone,
    head: head ? { name: head.name, nip: head.nip } : null, ketua,
  }, t);
}
