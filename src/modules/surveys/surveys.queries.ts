// Reads of the surveys module. Every lookup by id takes the actor's scope (outside it: null → 404).
// periodResults aggregates in SQL over the smallint answers array (avg(answers[i]) per item, grouped
// by service with a rollup for the unit), so it stays one pass over the period's rows at any size.
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { inScope, type Scope } from '../../kernel/access.ts';
import type { Db } from '../../kernel/db.ts';
import { notFound } from '../../kernel/errors.ts';
import { isUuid } from '../../kernel/validate.ts';
import { listEvidenceFor } from '../evidence/index.ts';
import { listUnits } from '../org/index.ts';
import { listServices } from '../services/index.ts';
import { findInstrument, type Instrument } from './instruments.ts';
import { krejcieMorgan, perceptionFromNrr, skmFromNrr, type PerceptionResult, type SkmResult } from './surveys.rules.ts';
import { codes, followups, periods, responses } from './surveys.schema.ts';

export type PeriodRow = typeof periods.$inferSelect;
export type FollowupRow = typeof followups.$inferSelect;

export async function findPeriod(db: Db, scope: Scope, id: string): Promise<PeriodRow | null> {
  if (!isUuid(id)) return null;
  const [p] = await db.select().from(periods).where(eq(periods.id, id)).limit(1);
  return p && inScope(scope, p.unitId) ? p : null;
}

/** A period by id without scope (public results, the bench, the CLI). */
export async function periodById(db: Db, id: string): Promise<PeriodRow | null> {
  if (!isUuid(id)) return null;
  const [p] = await db.select().from(periods).where(eq(periods.id, id)).limit(1);
  return p ?? null;
}

export interface PeriodListRow extends PeriodRow { respondents: number; required: number }

export async function listPeriods(db: Db, unitId: string, opts: { year?: number; kind?: string } = {}): Promise<PeriodListRow[]> {
  const rows = await db.select({ p: periods, n: sql<number>`(select count(*)::int from surveys_responses r where r.period_id = surveys_periods.id)` })
    .from(periods)
    .where(and(eq(periods.unitId, unitId), opts.year ? eq(periods.year, opts.year) : undefined, opts.kind ? eq(periods.kind, opts.kind) : undefined))
    .orderBy(desc(periods.year), asc(periods.kind), desc(periods.startsOn));
  return rows.map(({ p, n }) => ({ ...p, respondents: Number(n), required: krejcieMorgan(p.population ?? 0) }));
}

/** The period of the same unit and kind that ended last before this one starts. */
export async function previousPeriod(db: Db, p: PeriodRow): Promise<PeriodRow | null> {
  const [prev] = await db.select().from(periods)
    .where(and(eq(periods.unitId, p.unitId), eq(periods.kind, p.kind), lt(periods.endsOn, p.startsOn)))
    .orderBy(desc(periods.endsOn)).limit(1);
  return prev ?? null;
}

export async function followupsOf(db: Db, periodIds: string[]): Promise<FollowupRow[]> {
  if (!periodIds.length) return [];
  return db.select().from(followups).where(inArray(followups.periodId, periodIds)).orderBy(asc(followups.createdAt), asc(followups.id));
}

export async function codeCounts(db: Db, periodId: string): Promise<{ total: number; used: number }> {
  const [r] = await db.select({ total: sql<number>`count(*)::int`, used: sql<number>`count(${codes.usedAt})::int` }).from(codes).where(eq(codes.periodId, periodId));
  return { total: Number(r?.total ?? 0), used: Number(r?.used ?? 0) };
}

/** A sample of the period's suggestion texts (newest first). */
export async function suggestionsOf(db: Db, periodId: string, limit = 40): Promise<{ text: string; serviceId: string | null; at: Date }[]> {
  const rows = await db.select({ text: responses.suggestion, serviceId: responses.serviceId, at: responses.submittedAt }).from(responses)
    .where(and(eq(responses.periodId, periodId), sql`coalesce(trim(${responses.suggestion}), '') <> ''`))
    .orderBy(desc(responses.submittedAt), desc(responses.id)).limit(limit);
  return rows.map((r) => ({ text: r.text!, serviceId: r.serviceId, at: r.at }));
}

// ---- results -----------------------------------------------------------------------------------

export interface GroupResult {
  serviceId: string | null;
  /** service name (from the services module), null for responses without a service */
  serviceName: string | null;
  serviceCode: string | null;
  respondents: number;
  nrr: Record<string, number | null>;
  skm: SkmResult | null;
  perception: PerceptionResult | null;
}

export interface PeriodResults {
  period: PeriodRow;
  instrument: Instrument;
  respondents: number;
  /** Krejcie–Morgan sample for the population (0 when the population is not set) */
  required: number;
  unit: GroupResult;
  services: GroupResult[];
  /** profile field → code → count (answered only) */
  profile: Record<string, Record<string, number>>;
  channels: Record<string, number>;
}

type Row = Record<string, unknown>;
const rowsOf = (res: unknown): Row[] => ((res as { rows?: Row[] }).rows ?? (res as Row[]));

function groupOf(ins: Instrument, serviceId: string | null, respondents: number, nrr: Record<string, number | null>, names: Map<string, { name: string; code: string }>): GroupResult {
  const s = serviceId ? names.get(serviceId) : undefined;
  return {
    serviceId, serviceName: s?.name ?? null, serviceCode: s?.code ?? null, respondents, nrr,
    skm: ins.kind === 'skm' ? skmFromNrr(nrr, respondents, { instrument: ins }) : null,
    perception: ins.kind === 'skm' ? null : perceptionFromNrr(ins, nrr, respondents),
  };
}

/**
 * The figures of a period: NRR per item, the SKM result (IKM, NIK, mutu, kinerja, lowest unsur) or
 * the perception index, for the unit and per service; the respondent profile and channels. One
 * grouped SQL pass over the answers array (avg(answers[i]) with a rollup), whatever the row count.
 * Null when the period does not exist or names an unknown instrument.
 */
export async function periodResults(db: Db, periodId: string): Promise<PeriodResults | null> {
  const period = await periodById(db, periodId);
  if (!period) return null;
  const ins = findInstrument(period.instrument);
  if (!ins) return null;
  const { min, max } = ins.scale;
  // item positions are integers from the instrument data, never user input
  const avgs = ins.items.map((_, i) => `avg(r.answers[${i + 1}]) filter (where r.answers[${i + 1}] between ${min} and ${max})::float8 as a${i + 1}`).join(', ');
  const res = await db.execute(sql`select r.service_id as service, grouping(r.service_id)::int as g, count(*)::int as n, ${sql.raw(avgs)}
    from surveys_responses r where r.period_id = ${period.id} group by rollup(r.service_id)`);
  const prof = await db.execute(sql`select p.key as field, p.value as code, count(*)::int as n
    from surveys_responses r cross join lateral jsonb_each_text(r.profile) as p(key, value)
    where r.period_id = ${period.id} group by p.key, p.value`);
  const chan = await db.execute(sql`select channel, count(*)::int as n from surveys_responses where period_id = ${period.id} group by channel`);
  const names = new Map<string, { name: string; code: string }>();
  try {
    for (const s of await listServices(db, period.unitId)) names.set(s.id, { name: s.name, code: s.code });
  } catch { /* services unavailable: results without names */ }
  const nrrOf = (r: Row) => Object.fromEntries(ins.items.map((it, i) => [it.code, r[`a${i + 1}`] === null || r[`a${i + 1}`] === undefined ? null : Number(r[`a${i + 1}`])]));
  let unit: GroupResult = groupOf(ins, null, 0, Object.fromEntries(ins.items.map((i) => [i.code, null])), names);
  const services: GroupResult[] = [];
  for (const r of rowsOf(res)) {
    if (Number(r.g) === 1) unit = groupOf(ins, null, Number(r.n), nrrOf(r), names);
    else services.push(groupOf(ins, (r.service as string | null) ?? null, Number(r.n), nrrOf(r), names));
  }
  services.sort((a, b) => (a.serviceId === null ? 1 : 0) - (b.serviceId === null ? 1 : 0) || (a.serviceName ?? '').localeCompare(b.serviceName ?? '') || b.respondents - a.respondents);
  const profile: Record<string, Record<string, number>> = {};
  for (const r of rowsOf(prof)) (profile[String(r.field)] ??= {})[String(r.code)] = Number(r.n);
  const channels: Record<string, number> = {};
  for (const r of rowsOf(chan)) channels[String(r.channel)] = Number(r.n);
  return { period, instrument: ins, respondents: unit.respondents, required: krejcieMorgan(period.population ?? 0), unit, services, profile, channels };
}

// ---- the staff pages' models -------------------------------------------------------------------------

/**
 * The periods page: the unit asked for (outside the actor's reach: not found), else the unit the
 * person works in when within reach, else the first; its periods.
 */
export async function periodsModel(db: Db, scope: Scope, asked: string | undefined, currentUnitId: string | null) {
  const reach = await listUnits(db, scope);
  let unitId: string | null;
  if (asked) {
    if (!isUuid(asked) || !reach.some((u) => u.id === asked)) throw notFound();
    unitId = asked;
  } else {
    unitId = currentUnitId && reach.some((u) => u.id === currentUnitId) ? currentUnitId : reach[0]?.id ?? null;
  }
  const unit = reach.find((u) => u.id === unitId) ?? null;
  const rows = unit ? await listPeriods(db, unit.id) : [];
  return { reach, unit, rows };
}
export type PeriodsModel = Awaited<ReturnType<typeof periodsModel>>;

/** The name of a unit in scope ('' outside it). */
export async function unitNameIn(db: Db, scope: Scope, unitId: string): Promise<string> {
  return (await listUnits(db, scope)).find((u) => u.id === unitId)?.name ?? '';
}

/** One period's page: its results, follow-up with evidence, receipt codes counted, the unit's name. */
export async function periodModel(db: Db, scope: Scope, p: PeriodRow, evidenceSubject: string) {
  const res = (await periodResults(db, p.id))!;
  const [fus, evidence, codesN, unitName] = await Promise.all([followupsOf(db, [p.id]), listEvidenceFor(db, evidenceSubject, p.id), codeCounts(db, p.id), unitNameIn(db, scope, p.unitId)]);
  return { p, res, fus, evidence, codesN, unitName };
}
export type PeriodModel = Awaited<ReturnType<typeof periodModel>>;

/** The unit's services for the entry grid's service column (none when they cannot be read: the grid works without). */
export async function entryServices(db: Db, unitId: string) {
  return listServices(db, unitId).catch(() => []);
}
