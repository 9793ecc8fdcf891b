// Use cases of the Rencana Kerja: adopt the template or start empty, edit the decree header (with
// a version against stale forms), the six areas, and the activities — each in one transaction with
// its audit entry. Bad input throws a DomainError whose code is an i18n key and changes nothing.
import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access.ts';
import { appendAudit, type AuditActor } from '../../kernel/audit.ts';
import type { Db } from '../../kernel/db.ts';
import { DomainError, conflict, invalid, notFound } from '../../kernel/errors.ts';
import { listRuleSets } from '../assessment/index.ts';
import { detachEvidence, listEvidenceFor } from '../evidence/index.ts';
import type { FileStore } from '../../kernel/files.ts';
import { dayIn } from '../../kernel/workdays.ts';
import { findRegency } from '../org/index.ts';
import { activitiesOf, peopleOfUnit, personOfUnit, planAreasOf, teamDecreesOf, unitOf, type PlanRow } from './plan.queries.ts';
import {
  AREAS, TEXT_MAX, buildDecreeModel, monthBegun, parseCodes, parseLines, teamDecreeInForce, validateArea, validateMonev, validateMonths, validateTitle, validateYear,
  type DecreeModel, type LegalBasisData, type PlanContent,
} from './plan.rules.ts';
import { MONEV_SUBJECT } from './monev.rules.ts';
import { activities, monev, planAreas, plans } from './workplan.schema.ts';

export interface Ctx { db: Db; actor: AuditActor }

export function auditActorOf(a: Actor): AuditActor {
  return { accountId: a.accountId, label: a.username };
}

// ---- templates ---------------------------------------------------------------------------------

export interface PlanTemplate {
  id: string;
  source: string;
  unitName: string;
  regency: string;
  title: string;
  decree: { number: string; date: string; place: string; signerName: string; signerNip: string };
  /** the source document's text as written (historical: its Mengingat cites what was in force for it) */
  content: PlanContent;
  /** the Mengingat as legal-basis.json ids, resolved for each adopting plan's decree date */
  legalBasis: string[];
  areas: { area: number; purpose: string; targets: string[]; indicators: string[] }[];
  /** added = not in the source document (Integritas derived it from the area's indicators) */
  activities: { area: number; title: string; months: number[]; added?: boolean; from?: string }[];
}

let legalBasisCache: LegalBasisData | null = null;
/** The regulations a decree may cite, with their days in force and sources (legal-basis.json). */
export function legalBasisData(): LegalBasisData {
  legalBasisCache ??= JSON.parse(readFileSync(new URL('./legal-basis.json', import.meta.url), 'utf8')) as LegalBasisData;
  return legalBasisCache;
}

const TEMPLATE_IDS = ['rencana-kerja-zi-dpmptsp-bangka-2022'] as const;
const templateCache = new Map<string, PlanTemplate>();

export function getPlanTemplate(id: string): PlanTemplate | undefined {
  if (!(TEMPLATE_IDS as readonly string[]).includes(id)) return undefined;
  let t = templateCache.get(id);
  if (!t) {
    t = JSON.parse(readFileSync(new URL(`./templates/${id}.json`, import.meta.url), 'utf8')) as PlanTemplate;
    templateCache.set(id, t);
  }
  return t;
}

/** The templates a plan can be adopted from (id and where it comes from). */
export function listPlanTemplates(): { id: string; title: string; source: string }[] {
  return TEMPLATE_IDS.map((id) => { const t = getPlanTemplate(id)!; return { id, title: t.title, source: t.source }; });
}

// ---- plans -------------------------------------------------------------------------------------

/** A plan for a unit and year, from a template (its texts, areas and schedule) or empty. */
export async function createPlan(ctx: Ctx, input: { unitId: string; year: unknown; template: string | null }): Promise<string> {
  const year = validateYear(input.year);
  if (!year.ok) throw invalid({ year: year.error });
  const tpl = input.template ? getPlanTemplate(input.template) : null;
  if (input.template && !tpl) throw invalid({ template: 'plan.template.unknown' });
  const unit = await unitOf(ctx.db, input.unitId);
  if (!unit) throw notFound();
  return ctx.db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: plans.id }).from(plans).where(and(eq(plans.unitId, unit.id), eq(plans.year, year.value))).limit(1);
    if (dup) throw new DomainError('conflict', 'plan.year.exists', { year: year.value }, { year: 'plan.year.exists' });
    // the template's texts name its own unit; an adopting unit gets its own name in them
    const rename = (s: string) => (tpl && tpl.unitName !== unit.name ? s.split(tpl.unitName).join(unit.name) : s);
    const content: PlanContent = tpl ? JSON.parse(rename(JSON.stringify(tpl.content))) : {};
    // the Mengingat is cited by id and resolved for the plan's decree date, not copied as written
    if (tpl) { delete content.mengingat; content.legalBasis = [...tpl.legalBasis]; }
    const [p] = await tx.insert(plans).values({
      unitId: unit.id, year: year.value, title: tpl?.title ?? 'Rencana Kerja Pembangunan Zona Integritas',
      template: tpl?.id ?? null, content, place: tpl?.decree.place ?? null, createdBy: ctx.actor.accountId,
    }).returning({ id: plans.id });
    await tx.insert(planAreas).values(AREAS.map((area) => {
      const a = tpl?.areas.find((x) => x.area === area);
      return { planId: p.id, area, purpose: a ? rename(a.purpose) : null, targets: a ? a.targets.map(rename) : [], indicators: a ? a.indicators.map(rename) : [] };
    }));
    if (tpl && tpl.activities.length) {
      const seqs = new Map<number, number>();
      await tx.insert(activities).values(tpl.activities.map((a) => {
        const seq = (seqs.get(a.area) ?? 0) + 1;
        seqs.set(a.area, seq);
        return { planId: p.id, area: a.area, seq, title: a.title, months: a.months, templateAdded: !!a.added, createdBy: ctx.actor.accountId };
      }));
    }
    await appendAudit(tx, ctx.actor, {
      action: 'workplan.plan.create', entityType: 'workplan_plan', entityId: p.id, unitId: unit.id,
      data: { year: year.value, template: tpl?.id ?? null, activities: tpl?.activities.length ?? 0 },
    });
    return p.id;
  });
}

/** Locks the plan row and checks the version the form was drawn from. */
async function lockPlan(tx: Db, plan: PlanRow, version?: unknown): Promise<PlanRow> {
  const [cur] = await tx.select().from(plans).where(eq(plans.id, plan.id)).for('update');
  if (!cur) throw notFound();
  if (version !== undefined && String(version) !== String(cur.version)) throw conflict('plan.stale');
  return cur;
}

export interface HeaderInput { title?: string; number?: string; date?: string; place?: string; signer?: string; version?: string }

export async function updateHeader(ctx: Ctx, plan: PlanRow, input: HeaderInput): Promise<void> {
  const errors: Record<string, string> = {};
  const title = validateTitle(input.title);
  if (!title.ok) errors.title = title.error;
  const number = (input.number ?? '').trim();
  if (number.length > 200) errors.number = 'plan.text.long';
  const date = (input.date ?? '').trim();
  if (date && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))) errors.date = 'plan.date.invalid';
  const place = (input.place ?? '').trim();
  if (place.length > 200) errors.place = 'plan.text.long';
  const signer = (input.signer ?? '').trim();
  if (signer && !(await personOfUnit(ctx.db, plan.unitId, signer).catch(() => null))) errors.signer = 'plan.person.other_unit';
  if (Object.keys(errors).length) throw invalid(errors);
  await ctx.db.transaction(async (tx) => {
    const cur = await lockPlan(tx, plan, input.version);
    await tx.update(plans).set({
      title: title.ok ? title.value : cur.title, decreeNumber: number || null, decreeDate: date || null, place: place || null,
      signerPersonId: signer || null, version: cur.version + 1, updatedAt: new Date(),
    }).where(eq(plans.id, plan.id));
    await appendAudit(tx, ctx.actor, {
      action: 'workplan.plan.update', entityType: 'workplan_plan', entityId: plan.id, unitId: plan.unitId,
      data: { title: title.ok ? title.value : cur.title, number, date, place, signer: signer || null },
    });
  });
}

export async function updateArea(ctx: Ctx, plan: PlanRow, rawArea: unknown, input: { purpose?: string; targets?: string; indicators?: string }): Promise<void> {
  const area = validateArea(rawArea);
  if (!area.ok) throw invalid({ area: area.error });
  const errors: Record<string, string> = {};
  const purpose = (input.purpose ?? '').trim();
  if (purpose.length > TEXT_MAX) errors[`purpose`] = 'plan.text.long';
  const targets = parseLines(input.targets);
  if (!targets.ok) errors.targets = targets.error;
  const indicators = parseLines(input.indicators);
  if (!indicators.ok) errors.indicators = indicators.error;
  if (Object.keys(errors).length || !targets.ok || !indicators.ok) throw invalid(errors);
  await ctx.db.transaction(async (tx) => {
    await lockPlan(tx, plan);
    await tx.insert(planAreas).values({ planId: plan.id, area: area.value, purpose: purpose || null, targets: targets.value, indicators: indicators.value })
      .onConflictDoUpdate({ target: [planAreas.planId, planAreas.area], set: { purpose: purpose || null, targets: targets.value, indicators: indicators.value } });
    await tx.update(plans).set({ updatedAt: new Date() }).where(eq(plans.id, plan.id));
    await appendAudit(tx, ctx.actor, {
      action: 'workplan.plan.area', entityType: 'workplan_plan', entityId: plan.id, unitId: plan.unitId,
      data: { area: area.value, targets: targets.value.length, indicators: indicators.value.length },
    });
  });
}

// ---- activities --------------------------------------------------------------------------------

export interface ActivityInput { area?: string; title?: string; pic?: string; months?: string[]; outputs?: string; evidence?: string; lke?: string }

/** LKE item codes that do not exist in the rule set that applies to the plan's year. */
export function unknownLkeCodes(year: number, codes: string[]): string[] {
  const sets = listRuleSets();
  const rs = sets.find((r) => r.status === 'current' && r.fromYear <= year && (r.toYear === null || year <= r.toYear))
    ?? sets.find((r) => r.status === 'current');
  if (!rs) return codes;
  const known = new Set(rs.items.map((i) => i.code));
  return codes.filter((c) => !known.has(c));
}

async function checkActivity(db: Db, plan: PlanRow, input: ActivityInput) {
  const errors: Record<string, string> = {};
  const params: Record<string, string> = {};
  const area = validateArea(input.area);
  if (!area.ok) errors.area = area.error;
  const title = validateTitle(input.title);
  if (!title.ok) errors.title = title.error;
  const months = validateMonths(input.months ?? []);
  if (!months.ok) errors.months = months.error;
  const pic = (input.pic ?? '').trim();
  if (pic && !(/^[0-9a-f-]{36}$/i.test(pic) && (await personOfUnit(db, plan.unitId, pic)))) errors.pic = 'plan.person.other_unit';
  const outputs = (input.outputs ?? '').trim();
  if (outputs.length > TEXT_MAX) errors.outputs = 'plan.text.long';
  const evidence = (input.evidence ?? '').trim();
  if (evidence.length > TEXT_MAX) errors.evidence = 'plan.text.long';
  const codes = parseCodes(input.lke);
  const unknown = unknownLkeCodes(plan.year, codes);
  if (unknown.length) { errors.lke = 'plan.lke.unknown'; params.codes = unknown.join(', '); }
  if (Object.keys(errors).length || !area.ok || !title.ok || !months.ok) {
    throw new DomainError('validation', errors.lke && Object.keys(errors).length === 1 ? 'plan.lke.unknown' : 'error.validation', params, errors);
  }
  return { area: area.value, title: title.value, months: months.value, picPersonId: pic || null, outputs: outputs || null, evidenceExpected: evidence || null, lkeItems: codes };
}

export async function saveActivity(ctx: Ctx, plan: PlanRow, activityId: string | null, input: ActivityInput): Promise<string> {
  const v = await checkActivity(ctx.db, plan, input);
  return ctx.db.transaction(async (tx) => {
    await lockPlan(tx, plan);
    let id = activityId;
    if (id) {
      const [cur] = await tx.select().from(activities).where(and(eq(activities.id, id), eq(activities.planId, plan.id))).limit(1);
      if (!cur) throw notFound();
      const seq = cur.area === v.area ? cur.seq : await nextSeq(tx, plan.id, v.area);
      // saved by the unit, a row the template added is the unit's own
      await tx.update(activities).set({ ...v, seq, templateAdded: false, updatedAt: new Date() }).where(eq(activities.id, id));
    } else {
      const [row] = await tx.insert(activities).values({ ...v, planId: plan.id, seq: await nextSeq(tx, plan.id, v.area), createdBy: ctx.actor.accountId }).returning({ id: activities.id });
      id = row.id;
    }
    await tx.update(plans).set({ updatedAt: new Date() }).where(eq(plans.id, plan.id));
    await appendAudit(tx, ctx.actor, {
      action: activityId ? 'workplan.activity.update' : 'workplan.activity.create', entityType: 'workplan_activity', entityId: id, unitId: plan.unitId,
      data: { plan: plan.id, area: v.area, title: v.title, months: v.months, pic: v.picPersonId, lke: v.lkeItems },
    });
    return id!;
  });
}

async function nextSeq(tx: Db, planId: string, area: number): Promise<number> {
  const [r] = await tx.select({ n: sql<number>`coalesce(max(${activities.seq}), 0)::int` }).from(activities)
    .where(and(eq(activities.planId, planId), eq(activities.area, area)));
  return Number(r?.n ?? 0) + 1;
}

export async function deleteActivity(ctx: Ctx, plan: PlanRow, activityId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockPlan(tx, plan);
    const [cur] = await tx.select().from(activities).where(and(eq(activities.id, activityId), eq(activities.planId, plan.id))).limit(1);
    if (!cur) throw notFound();
    // the evidence of its monev records is detached (the files stay in the unit's library)
    const records = new Set((await tx.select({ id: monev.id }).from(monev).where(eq(monev.activityId, activityId))).map((r) => r.id));
    let detached = 0;
    for (const [key, list] of await listEvidenceFor(tx, MONEV_SUBJECT, plan.id)) {
      if (!records.has(key)) continue;
      for (const e of list) { await detachEvidence(tx, ctx.actor, { unitId: plan.unitId, linkId: e.linkId }); detached++; }
    }
    await tx.delete(activities).where(eq(activities.id, activityId));
    await appendAudit(tx, ctx.actor, {
      action: 'workplan.activity.delete', entityType: 'workplan_activity', entityId: activityId, unitId: plan.unitId,
      data: { plan: plan.id, area: cur.area, title: cur.title, evidenceDetached: detached },
    });
  });
}

// ---- the whole plan, and its decree ------------------------------------------------------------

export async function loadPlan(db: Db, plan: PlanRow) {
  const [unit, areas, acts, people] = await Promise.all([
    unitOf(db, plan.unitId), planAreasOf(db, plan.id), activitiesOf(db, plan.id), peopleOfUnit(db, plan.unitId),
  ]);
  return { unit: unit!, areas, activities: acts, people };
}

/**
 * The decree of a plan: its Mengingat resolved for the decree date (today in the regency while
 * undated) with the Tim Kerja ZI decree in force, and the letterhead logo (the unit's, else the
 * regency's) when a file store is given to read it from.
 */
export async function decreeOf(db: Db, plan: PlanRow, areaNames: Record<number, string>, opts: { files?: FileStore; now?: Date } = {}): Promise<DecreeModel> {
  const { unit, areas, activities: acts } = await loadPlan(db, plan);
  const regency = await findRegency(db);
  const signer = plan.signerPersonId ? await personOfUnit(db, plan.unitId, plan.signerPersonId) : null;
  const today = dayIn(opts.now ?? new Date());
  const team = teamDecreeInForce(await teamDecreesOf(db, plan.unitId), plan.year, plan.decreeDate ?? today);
  const logo = await logoOf(opts.files, unit, regency);
  return buildDecreeModel({
    regency: regencyLabel(regency?.name ?? '', regency?.kind ?? 'kabupaten'),
    unit: { name: unit.name, address: unit.address, phone: unit.phone, email: unit.email, fax: unit.fax, website: unit.website, sms: unit.sms },
    logo: logo ? logo.path : null, logoImage: logo,
    legal: legalBasisData(), teamDecree: team ? { number: team.decreeNumber!, date: team.decreeDate! } : null, today,
    year: plan.year, title: plan.title, number: plan.decreeNumber, date: plan.decreeDate, place: plan.place,
    signer, content: plan.content as PlanContent,
    areas: areas.map((a) => ({ area: a.area, purpose: a.purpose, targets: a.targets as string[], indicators: a.indicators as string[] })),
    activities: acts.map(({ a, picName }) => ({ area: a.area, seq: a.seq, title: a.title, months: a.months as number[], pic: picName, outputs: a.outputs, added: a.templateAdded })),
    areaNames,
  });
}

/** The letterhead logo's bytes (the unit's, else the regency's) for the PDF renderer; null without one or a store. */
export async function logoOf(files: FileStore | undefined, unit: { logoSha256: string | null; logoMime: string | null }, regency: { logoSha256: string | null; logoMime: string | null } | null) {
  const pick = unit.logoSha256 && unit.logoMime ? unit : regency?.logoSha256 && regency.logoMime ? regency : null;
  if (!files || !pick) return null;
  const bytes = await files.read(pick.logoSha256!).catch(() => null);
  if (!bytes) return null;
  return { path: pick.logoMime === 'image/png' ? '/logo.png' : '/logo.jpg', bytes: new Uint8Array(bytes) };
}

/** "Pemerintah Kabupaten Bangka" / "Bangka" → "Kabupaten Bangka". */
export function regencyLabel(name: string, kind: string): string {
  const bare = name.replace(/^Pemerintah\s+/i, '').trim();
  if (!bare || /^(Kabupaten|Kota)\s/i.test(bare)) return bare;
  return `${kind === 'kota' ? 'Kota' : 'Kabupaten'} ${bare}`;
}

// ---- monev -------------------------------------------------------------------------------------

/** Records the monev of an activity for one of its scheduled months (one record per month). */
export async function saveMonev(ctx: Ctx, plan: PlanRow, activityId: string, rawMonth: unknown, input: Record<string, unknown>, now: Date = new Date()): Promise<void> {
  const month = validateMonths([rawMonth]);
  if (!month.ok) throw invalid({ month: month.error });
  const m = month.value[0]!;
  // a month that has not begun (in the regency's time zone) has nothing to monitor yet
  if (!monthBegun(plan.year, m, dayIn(now))) throw new DomainError('validation', 'plan.monev.not_begun', { month: m, year: plan.year }, { status: 'plan.monev.not_begun' });
  const v = validateMonev(input);
  if (!v.ok) throw invalid(v.errors);
  await ctx.db.transaction(async (tx) => {
    await lockPlan(tx, plan);
    const [act] = await tx.select().from(activities).where(and(eq(activities.id, activityId), eq(activities.planId, plan.id))).limit(1);
    if (!act) throw notFound();
    if (!(act.months as number[]).includes(m)) throw invalid({ month: 'plan.monev.not_scheduled' });
    const values = { ...v.value, updatedAt: new Date() };
    await tx.insert(monev).values({ activityId, month: m, ...v.value, createdBy: ctx.actor.accountId })
      .onConflictDoUpdate({ target: [monev.activityId, monev.month], set: values });
    await appendAudit(tx, ctx.actor, {
      action: 'workplan.monev.save', entityType: 'workplan_activity', entityId: activityId, unitId: plan.unitId,
      data: { plan: plan.id, month: m, status: v.value.status, realisation: v.value.realisation, followUpDone: v.value.followUpDone },
    });
  });
}
