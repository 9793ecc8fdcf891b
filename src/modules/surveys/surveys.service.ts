// Use cases of the survey core: periods (create, settings with a version against stale forms,
// open/close, publish), receipt codes (plain once, stored hashed), paper entry and CSV import (all
// or nothing, or explicitly the valid rows only), the follow-up plan and its evidence. Every change
// runs in one transaction with its audit entry; bad input throws a DomainError (i18n key) and
// changes nothing.
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access.ts';
import { appendAudit, type AuditActor } from '../../kernel/audit.ts';
import type { Db } from '../../kernel/db.ts';
import { DomainError, conflict, invalid, notFound } from '../../kernel/errors.ts';
import type { FileStore } from '../../kernel/files.ts';
import { isIsoDate } from '../../kernel/validate.ts';
import { regencyToday } from '../../kernel/workdays.ts';
import { attachEvidenceChoice, checkEvidenceChoice, detachEvidence, listEvidenceFor, type EvidenceChoice } from '../evidence/index.ts';
import { findServiceByCode } from '../services/index.ts';
import { INSTRUMENT_KINDS, findInstrument, instrumentFor, type Instrument, type InstrumentKind } from './instruments.ts';
import { generateCodes, hashCode, MAX_CODES_PER_BATCH } from './surveys.codes.ts';
import { MAX_IMPORT_BYTES, PROFILE_FIELDS, readCsv, toEntry, type EntryRow, type RowError } from './surveys.import.ts';
import type { FollowupRow, PeriodRow } from './surveys.queries.ts';
import { periodDates, type PeriodType } from './surveys.rules.ts';
import { codes, followups, periods, responses } from './surveys.schema.ts';

export interface Ctx { db: Db; actor: AuditActor }
export const auditActorOf = (a: Actor): AuditActor => ({ accountId: a.accountId, label: a.username });
export const FOLLOWUP_SUBJECT = 'surveys_followup';
export const TEXT_MAX = 2000;
export const POPULATION_MAX = 10_000_000;

const PERIOD_TYPES: PeriodType[] = ['quarter', 'semester', 'year'];

function parsePopulation(raw: unknown, errors: Record<string, string>): number | null {
  const s = String(raw ?? '').trim().replace(/\./g, '');
  if (s === '') return null;
  if (!/^-?\d+$/.test(s)) { errors.population = 'surveys.population.invalid'; return null; }
  const n = Number(s);
  if (n < 0) { errors.population = 'surveys.population.negative'; return null; }
  if (n > POPULATION_MAX) { errors.population = 'surveys.population.too_large'; return null; }
  return n;
}

export interface PeriodInput { kind?: string; year?: string; periodType?: string; n?: string; population?: string; requireCode?: string; startsOn?: string; endsOn?: string }

/** A new period for a unit: kind, year, quarter/semester/year (dates follow, or as given), population. */
export async function createPeriod(ctx: Ctx, unitId: string, input: PeriodInput): Promise<string> {
  const errors: Record<string, string> = {};
  const kind = String(input.kind ?? '') as InstrumentKind;
  if (!INSTRUMENT_KINDS.includes(kind)) errors.kind = 'surveys.kind.invalid';
  const year = Number(String(input.year ?? '').trim());
  if (!Number.isInteger(year) || year < 2000 || year > 2100) errors.year = 'surveys.year.invalid';
  const type = String(input.periodType ?? '') as PeriodType;
  if (!PERIOD_TYPES.includes(type)) errors.periodType = 'surveys.period_type.invalid';
  const n = type === 'year' ? 0 : Number(String(input.n ?? '').trim());
  let dates = !errors.year && !errors.periodType ? periodDates(year, type, n) : null;
  if (!errors.year && !errors.periodType && !dates) errors.n = 'surveys.period_n.invalid';
  if (dates && (input.startsOn || input.endsOn)) {
    const d = checkDates(input.startsOn ?? dates.startsOn, input.endsOn ?? dates.endsOn, errors);
    if (d) dates = d;
  }
  const population = parsePopulation(input.population, errors);
  if (Object.keys(errors).length) throw invalid(errors);
  const ins = instrumentFor(kind, year);
  return ctx.db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: periods.id }).from(periods)
      .where(and(eq(periods.unitId, unitId), eq(periods.kind, kind), eq(periods.year, year), eq(periods.periodType, type), eq(periods.n, n))).limit(1);
    if (dup) throw new DomainError('conflict', 'surveys.period.exists', {}, { n: 'surveys.period.exists' });
    const [p] = await tx.insert(periods).values({
      unitId, kind, instrument: ins.id, year, periodType: type, n, startsOn: dates!.startsOn, endsOn: dates!.endsOn,
      population, requireCode: input.requireCode === 'on' || input.requireCode === '1' || input.requireCode === 'true', createdBy: ctx.actor.accountId,
    }).returning({ id: periods.id });
    await appendAudit(tx, ctx.actor, { action: 'surveys.period.create', entityType: 'surveys_period', entityId: p.id, unitId, data: { kind, year, periodType: type, n, instrument: ins.id, population } });
    return p.id;
  });
}

function checkDates(startsOn: string, endsOn: string, errors: Record<string, string>): { startsOn: string; endsOn: string } | null {
  const s = startsOn.trim();
  const e = endsOn.trim();
  if (!isIsoDate(s)) errors.startsOn = 'surveys.date.invalid';
  if (!isIsoDate(e)) errors.endsOn = 'surveys.date.invalid';
  if (errors.startsOn || errors.endsOn) return null;
  if (e < s) { errors.endsOn = 'surveys.date.order'; return null; }
  return { startsOn: s, endsOn: e };
}

/** Locks the period row and checks the version the form was drawn from. */
async function lockPeriod(tx: Db, period: PeriodRow, version?: unknown): Promise<PeriodRow> {
  const [cur] = await tx.select().from(periods).where(eq(periods.id, period.id)).for('update');
  if (!cur) throw notFound();
  if (version !== undefined && String(version) !== String(cur.version)) throw conflict('surveys.period.stale');
  return cur;
}

export interface SettingsInput { population?: string; startsOn?: string; endsOn?: string; requireCode?: string; analysis?: string; version?: string }

export async function updateSettings(ctx: Ctx, period: PeriodRow, input: SettingsInput): Promise<void> {
  const errors: Record<string, string> = {};
  const population = parsePopulation(input.population, errors);
  const dates = checkDates(input.startsOn ?? period.startsOn, input.endsOn ?? period.endsOn, errors);
  const analysis = (input.analysis ?? '').trim();
  if (analysis.length > 8000) errors.analysis = 'surveys.text.long';
  if (Object.keys(errors).length) throw invalid(errors);
  await ctx.db.transaction(async (tx) => {
    const cur = await lockPeriod(tx, period, input.version ?? '');
    const requireCode = input.requireCode === 'on' || input.requireCode === '1';
    await tx.update(periods).set({
      population, startsOn: dates!.startsOn, endsOn: dates!.endsOn, requireCode, analysis: analysis || null,
      version: cur.version + 1, updatedAt: new Date(),
    }).where(eq(periods.id, cur.id));
    await appendAudit(tx, ctx.actor, {
      action: 'surveys.period.update', entityType: 'surveys_period', entityId: cur.id, unitId: cur.unitId,
      data: { population, startsOn: dates!.startsOn, endsOn: dates!.endsOn, requireCode, analysisChanged: (cur.analysis ?? '') !== analysis },
    });
  });
}

export type StatusChange = 'open' | 'close' | 'publish' | 'unpublish';

export async function changeStatus(ctx: Ctx, period: PeriodRow, change: string, version: unknown): Promise<void> {
  if (!['open', 'close', 'publish', 'unpublish'].includes(change)) throw new DomainError('validation', 'surveys.status.invalid');
  await ctx.db.transaction(async (tx) => {
    const cur = await lockPeriod(tx, period, version);
    const set: Partial<PeriodRow> = { version: cur.version + 1, updatedAt: new Date() };
    if (change === 'open') set.status = 'open';
    if (change === 'close') set.status = 'closed';
    if (change === 'publish') {
      const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(responses).where(eq(responses.periodId, cur.id));
      if (!Number(n)) throw new DomainError('validation', 'surveys.publish.empty');
      set.publishedAt = new Date();
    }
    if (change === 'unpublish') set.publishedAt = null;
    await tx.update(periods).set(set).where(eq(periods.id, cur.id));
    await appendAudit(tx, ctx.actor, { action: `surveys.period.${change}`, entityType: 'surveys_period', entityId: cur.id, unitId: cur.unitId, data: {} });
  });
}

/** Generates receipt codes: returns the plain codes (shown once, as the printable sheet); stores hashes. */
export async function createCodes(ctx: Ctx, period: PeriodRow, rawCount: unknown): Promise<string[]> {
  const count = Number(String(rawCount ?? '').trim());
  if (!Number.isInteger(count) || count < 1 || count > MAX_CODES_PER_BATCH) throw invalid({ count: 'surveys.codes.count_invalid' });
  if (period.status !== 'open') throw new DomainError('validation', 'surveys.codes.closed');
  const plain = generateCodes(count);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(codes).values(plain.map((c) => ({ unitId: period.unitId, periodId: period.id, codeHash: hashCode(c) })));
    await appendAudit(tx, ctx.actor, { action: 'surveys.codes.create', entityType: 'surveys_period', entityId: period.id, unitId: period.unitId, data: { count } });
  });
  return plain;
}

// ---- paper entry and import --------------------------------------------------------------------

export interface EntryOutcome { inserted: number; errors: RowError[] }

/**
 * Inserts paper/imported responses. Service codes are resolved in the unit (unknown → row error).
 * `partial` false: any bad row → nothing inserted, every error returned. `partial` true: the valid
 * rows are inserted, the bad ones reported.
 */
export async function addResponses(ctx: Ctx, period: PeriodRow, rows: (EntryRow & { line: number })[], rowErrors: RowError[], opts: { channel: 'paper' | 'import'; partial: boolean }): Promise<EntryOutcome> {
  const ins = findInstrument(period.instrument);
  if (!ins) throw notFound();
  const errors = [...rowErrors];
  const serviceIds = new Map<string, string | null>();
  const good: { row: EntryRow; serviceId: string | null }[] = [];
  for (const r of rows) {
    let serviceId: string | null = null;
    if (r.serviceCode) {
      const key = r.serviceCode.toLowerCase();
      if (!serviceIds.has(key)) serviceIds.set(key, (await findServiceByCode(ctx.db, period.unitId, r.serviceCode).catch(() => null))?.id ?? null);
      serviceId = serviceIds.get(key)!;
      if (!serviceId) { errors.push({ line: r.line, errors: { service: 'surveys.import.service_unknown' } }); continue; }
    }
    good.push({ row: r, serviceId });
  }
  errors.sort((a, b) => a.line - b.line);
  if (!good.length && !errors.length) throw new DomainError('validation', 'surveys.entry.nothing');
  if (errors.length && !opts.partial) return { inserted: 0, errors };
  if (!good.length) return { inserted: 0, errors };
  await ctx.db.transaction(async (tx) => {
    const [cur] = await tx.select({ status: periods.status }).from(periods).where(eq(periods.id, period.id)).for('update');
    if (!cur) throw notFound();
    const now = new Date();
    for (let i = 0; i < good.length; i += 1000) {
      await tx.insert(responses).values(good.slice(i, i + 1000).map(({ row, serviceId }) => ({
        periodId: period.id, unitId: period.unitId, serviceId, answers: row.answers, profile: row.profile, suggestion: row.suggestion,
        channel: opts.channel, submittedAt: now, enteredBy: ctx.actor.accountId,
      })));
    }
    await appendAudit(tx, ctx.actor, {
      action: `surveys.responses.${opts.channel}`, entityType: 'surveys_period', entityId: period.id, unitId: period.unitId,
      data: { inserted: good.length, rejectedRows: errors.map((e) => e.line) },
    });
  });
  return { inserted: good.length, errors };
}

/** How many rows the paper-entry grid has (10 unless asked; 1 to 50). */
export const gridRows = (raw: unknown) => Math.min(Math.max(Number(raw ?? 10) || 10, 1), 50);

/**
 * The paper-entry grid as posted (`r<row>_<field>` cells): rows left wholly empty are skipped, the
 * others checked against the questionnaire; all or nothing. A grid with nothing filled in is an
 * error of the form (line 0).
 */
export async function enterOnPaper(ctx: Ctx, period: PeriodRow, form: Record<string, string>): Promise<EntryOutcome> {
  const ins = findInstrument(period.instrument);
  if (!ins) throw notFound();
  const good: (EntryRow & { line: number })[] = [];
  const bad: RowError[] = [];
  const fields = [...ins.items.map((i) => i.code), ...PROFILE_FIELDS, 'service', 'suggestion'];
  for (let row = 1; row <= gridRows(form.rows); row++) {
    const cell = (f: string) => (form[`r${row}_${f}`] ?? '').trim();
    if (fields.every((f) => cell(f) === '')) continue;
    const e = toEntry(ins, ins.items.map((i) => cell(i.code)), Object.fromEntries(PROFILE_FIELDS.map((f) => [f, cell(f)])), cell('service'), cell('suggestion'));
    if (e.ok) good.push({ ...e.row, line: row });
    else bad.push({ line: row, errors: e.errors });
  }
  if (!good.length && !bad.length) return { inserted: 0, errors: [{ line: 0, errors: { _: 'surveys.entry.nothing' } }] };
  return addResponses(ctx, period, good, bad, { channel: 'paper', partial: false });
}

/**
 * A CSV file of paper questionnaires: no file, one over the size limit, or one that is not a
 * readable CSV with the required columns is refused at the file field; otherwise its rows are added
 * (all or nothing, or with `partial` the valid rows only).
 */
export async function importCsv(ctx: Ctx, period: PeriodRow, file: { bytes: Uint8Array; name: string } | null, partial: boolean): Promise<EntryOutcome> {
  const refuse = (code: string, params: Record<string, string | number> = {}) => new DomainError('validation', code, params, { file: code });
  if (!file) throw refuse('surveys.import.no_file');
  if (file.bytes.length > MAX_IMPORT_BYTES) throw refuse('surveys.import.too_large', { max: `${MAX_IMPORT_BYTES / 1024 / 1024} MB` });
  const ins = findInstrument(period.instrument);
  if (!ins) throw notFound();
  const read = readCsv(ins, file.bytes, file.name);
  if (!read.ok) throw refuse(read.fileError, read.params ?? {});
  return addResponses(ctx, period, read.rows, read.errors, { channel: 'import', partial });
}

// ---- follow-up ---------------------------------------------------------------------------------

export interface FollowupInput { item?: string; action?: string; targetDate?: string; responsible?: string; realisation?: string; done?: string; doneOn?: string }

function checkFollowup(ins: Instrument, input: FollowupInput) {
  const errors: Record<string, string> = {};
  const item = (input.item ?? '').trim();
  if (item && !ins.items.some((i) => i.code === item)) errors.item = 'surveys.followup.item_invalid';
  const action = (input.action ?? '').trim();
  if (!action) errors.action = 'surveys.followup.action_required';
  else if (action.length > TEXT_MAX) errors.action = 'surveys.text.long';
  const targetDate = (input.targetDate ?? '').trim();
  if (targetDate && !isIsoDate(targetDate)) errors.targetDate = 'surveys.date.invalid';
  const responsible = (input.responsible ?? '').trim();
  if (responsible.length > 300) errors.responsible = 'surveys.text.long';
  const realisation = (input.realisation ?? '').trim();
  if (realisation.length > TEXT_MAX) errors.realisation = 'surveys.text.long';
  const done = input.done === 'on' || input.done === '1' || input.done === 'true';
  const doneOn = (input.doneOn ?? '').trim();
  if (doneOn && !isIsoDate(doneOn)) errors.doneOn = 'surveys.date.invalid';
  if (Object.keys(errors).length) throw invalid(errors);
  return { item: item || null, action, targetDate: targetDate || null, responsible: responsible || null, realisation: realisation || null, done, doneOn: done ? doneOn || regencyToday() : null };
}

export async function addFollowup(ctx: Ctx, period: PeriodRow, input: FollowupInput): Promise<string> {
  const v = checkFollowup(findInstrument(period.instrument)!, input);
  return ctx.db.transaction(async (tx) => {
    const [f] = await tx.insert(followups).values({ periodId: period.id, ...v, createdBy: ctx.actor.accountId }).returning({ id: followups.id });
    await appendAudit(tx, ctx.actor, { action: 'surveys.followup.create', entityType: 'surveys_followup', entityId: f.id, unitId: period.unitId, data: { periodId: period.id, item: v.item } });
    return f.id;
  });
}

async function followupOf(db: Db, period: PeriodRow, id: string): Promise<FollowupRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
  const [f] = await db.select().from(followups).where(and(eq(followups.id, id), eq(followups.periodId, period.id))).limit(1);
  if (!f) throw notFound();
  return f;
}

export async function updateFollowup(ctx: Ctx, period: PeriodRow, id: string, input: FollowupInput): Promise<void> {
  await followupOf(ctx.db, period, id);
  const v = checkFollowup(findInstrument(period.instrument)!, input);
  await ctx.db.transaction(async (tx) => {
    await tx.update(followups).set({ ...v, updatedAt: new Date() }).where(eq(followups.id, id));
    await appendAudit(tx, ctx.actor, { action: 'surveys.followup.update', entityType: 'surveys_followup', entityId: id, unitId: period.unitId, data: { done: v.done, doneOn: v.doneOn } });
  });
}

export async function deleteFollowup(ctx: Ctx, period: PeriodRow, id: string): Promise<void> {
  const f = await followupOf(ctx.db, period, id);
  await ctx.db.transaction(async (tx) => {
    const ev = (await listEvidenceFor(tx, FOLLOWUP_SUBJECT, period.id)).get(f.id) ?? [];
    for (const e of ev) await detachEvidence(tx, ctx.actor, { unitId: period.unitId, linkId: e.linkId });
    await tx.delete(followups).where(eq(followups.id, f.id));
    await appendAudit(tx, ctx.actor, { action: 'surveys.followup.delete', entityType: 'surveys_followup', entityId: f.id, unitId: period.unitId, data: { action: f.action } });
  });
}

/** A follow-up's evidence as posted (the evidence module's choice). */
export type EvidenceInput = EvidenceChoice;

/** Evidence for a follow-up action: an uploaded file, a file of the unit's library or a link; nothing chosen is refused at the file field. */
export async function addFollowupEvidence(ctx: Ctx, files: FileStore, period: PeriodRow, id: string, input: EvidenceInput | null): Promise<void> {
  if (!input) throw new DomainError('validation', 'surveys.followup.evidence.nothing', {}, { file: 'surveys.followup.evidence.nothing' });
  checkEvidenceChoice(input);
  const f = await followupOf(ctx.db, period, id);
  await attachEvidenceChoice(ctx.db, files, ctx.actor, { unitId: period.unitId, subjectType: FOLLOWUP_SUBJECT, subjectId: period.id, subjectKey: f.id }, input);
}

export async function removeFollowupEvidence(ctx: Ctx, period: PeriodRow, id: string, linkId: string): Promise<void> {
  const f = await followupOf(ctx.db, period, id);
  const mine = ((await listEvidenceFor(ctx.db, FOLLOWUP_SUBJECT, period.id)).get(f.id) ?? []).some((e) => e.linkId === linkId);
  if (!mine) throw notFound();
  await detachEvidence(ctx.db, ctx.actor, { unitId: period.unitId, linkId });
}
