// Pure rules of the monev report: report periods (month, quarter, semester, year), which months
// belong to them, the default period of a plan, the aggregation of monev records over a period, and
// the report's document model. No database, no request; texts come through the translator given.
import { formatDate } from '../../kernel/i18n.ts';
import { currentMonth, currentYear } from '../../kernel/workdays.ts';
import { formatNip } from '../org/index.ts';
import { AREAS, MONTHS, planProgress, type Check } from './plan.rules.ts';

/** Evidence of a monev record: subjectId = the plan's id, subjectKey = the monev record's id. */
export const MONEV_SUBJECT = 'workplan_monev';

export type PeriodKind = 'month' | 'quarter' | 'semester' | 'year';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** month 1..12, quarter 1..4, semester 1..2; 0 for a whole year */
  n: number;
  /** canonical code: 2026-M03, 2026-Q1, 2026-S2, 2026 */
  code: string;
  /** the months of the period, ascending */
  months: number[];
}

const range = (from: number, to: number) => MONTHS.filter((m) => m >= from && m <= to);

/** The period of a kind, year and number (no checks: callers pass valid numbers). */
export function periodOf(kind: PeriodKind, year: number, n = 0): Period {
  switch (kind) {
    case 'month': return { kind, year, n, code: `${year}-M${String(n).padStart(2, '0')}`, months: [n] };
    case 'quarter': return { kind, year, n, code: `${year}-Q${n}`, months: range(3 * n - 2, 3 * n) };
    case 'semester': return { kind, year, n, code: `${year}-S${n}`, months: range(6 * n - 5, 6 * n) };
    default: return { kind: 'year', year, n: 0, code: String(year), months: [...MONTHS] };
  }
}

/**
 * A period code: YYYY-Mnn (month, 1 or 2 digits), YYYY-Qn (quarter 1–4), YYYY-Sn (semester 1–2)
 * or YYYY (year), letters in either case. Anything else is 'plan.report.period_invalid'.
 */
export function parsePeriod(raw: unknown): Check<Period> {
  const s = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  const m = /^(\d{4})(?:-([MQS])(\d{1,2}))?$/.exec(s);
  if (!m) return { ok: false, error: 'plan.report.period_invalid' };
  const year = Number(m[1]);
  if (year < 2015 || year > 2100) return { ok: false, error: 'plan.report.period_invalid' };
  if (!m[2]) return { ok: true, value: periodOf('year', year) };
  const n = Number(m[3]);
  const kind: PeriodKind = m[2] === 'M' ? 'month' : m[2] === 'Q' ? 'quarter' : 'semester';
  const max = kind === 'month' ? 12 : kind === 'quarter' ? 4 : 2;
  if (n < 1 || n > max || (kind !== 'month' && m[3]!.length > 1)) return { ok: false, error: 'plan.report.period_invalid' };
  return { ok: true, value: periodOf(kind, year, n) };
}

/**
 * The period a plan's report shows by default: the current quarter in the plan's year, the last
 * quarter once the year is over, the first quarter of a plan for a year still to come.
 */
export function defaultPeriod(year: number, today: Date): Period {
  const y = currentYear(today);
  if (year < y) return periodOf('quarter', year, 4);
  if (year > y) return periodOf('quarter', year, 1);
  return periodOf('quarter', year, Math.floor((currentMonth(today) - 1) / 3) + 1);
}

/** Every period of a year, for a selector: the year, semesters, quarters, months. */
export function periodsOfYear(year: number): Period[] {
  return [
    periodOf('year', year),
    periodOf('semester', year, 1), periodOf('semester', year, 2),
    ...[1, 2, 3, 4].map((q) => periodOf('quarter', year, q)),
    ...MONTHS.map((m) => periodOf('month', year, m)),
  ];
}

const ROMAN = ['', 'I', 'II', 'III', 'IV'];

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** "Triwulan IV Tahun 2026", "Bulan Oktober 2026", … through the translator's catalogue. */
export function periodLabel(t: Translate, p: Period): string {
  switch (p.kind) {
    case 'month': return t('plan.report.period.month', { month: t(`plan.month.long.${p.n}`), year: p.year });
    case 'quarter': return t('plan.report.period.quarter', { n: ROMAN[p.n]!, year: p.year });
    case 'semester': return t('plan.report.period.semester', { n: ROMAN[p.n]!, year: p.year });
    default: return t('plan.report.period.year', { year: p.year });
  }
}

// ---- aggregation ---------------------------------------------------------------------------------

export interface ReportActivity { id: string; area: number; seq: number; title: string; months: number[]; pic: string | null }
export interface ReportMonev {
  id: string; activityId: string; month: number; status: string; realisation: number;
  notes: string | null; problems: string | null; followUp: string | null; followUpDone: boolean;
}

/** done | partial | not_started as recorded, or 'none' (no monev record for the month). */
export type SlotState = 'done' | 'partial' | 'not_started' | 'none';

/** One scheduled month of one activity. */
export interface Slot { activity: ReportActivity; month: number; record: ReportMonev | null; state: SlotState; evidence: number; overdue: boolean }

export interface Tally { scheduled: number; done: number; partial: number; notStarted: number; none: number; pct: number; realisation: number }

export interface MonevSummary {
  period: Period;
  /** activities with at least one month in the period */
  activities: number;
  /** the period's scheduled months, by area then activity then month */
  slots: Slot[];
  overall: Tally;
  perArea: ({ area: number } & Tally)[];
  /** from January to the end of the period: scheduled months that have ended without 'done' */
  overdue: Slot[];
  /** from January to the end of the period: follow-ups written but not yet carried out */
  openFollowUps: Slot[];
}

function stateOf(record: ReportMonev | null): SlotState {
  if (!record) return 'none';
  return record.status === 'done' || record.status === 'partial' || record.status === 'not_started' ? record.status : 'none';
}

function tally(slots: Slot[], done: number, pct: number): Tally {
  const count = (s: SlotState) => slots.filter((x) => x.state === s).length;
  const sum = slots.reduce((n, x) => n + (x.state === 'done' ? 100 : x.record?.realisation ?? 0), 0);
  return {
    scheduled: slots.length, done, partial: count('partial'), notStarted: count('not_started'), none: count('none'), pct,
    realisation: slots.length ? Math.round(sum / slots.length) : 0,
  };
}

/**
 * The monev of a plan over a period. Completion (pct) is planProgress over the period's months: a
 * scheduled month counts once and is complete when its record says 'done'. Realisation is the mean
 * recorded realisation over the scheduled months, a month without a record counting 0. Overdue and
 * open follow-ups look at every month from January to the period's end (arrears stay visible).
 */
export function summariseMonev(period: Period, acts: ReportActivity[], monev: ReportMonev[], evidence: ReadonlyMap<string, number>, today: Date): MonevSummary {
  const sorted = [...acts].sort((a, b) => a.area - b.area || a.seq - b.seq);
  const rec = new Map(monev.map((m) => [`${m.activityId}:${m.month}`, m]));
  const last = period.months[period.months.length - 1]!;
  // whether a month is overdue depends on that month alone, and only months up to `last` are looked up
  const upToEnd = planProgress(period.year, sorted, monev, today);
  const slot = (a: ReportActivity, month: number): Slot => {
    const record = rec.get(`${a.id}:${month}`) ?? null;
    return { activity: a, month, record, state: stateOf(record), evidence: record ? evidence.get(record.id) ?? 0 : 0, overdue: upToEnd.overdue.has(`${a.id}:${month}`) };
  };
  const slots: Slot[] = [];
  const before: Slot[] = [];
  for (const a of sorted) {
    for (const m of [...a.months].sort((x, y) => x - y)) {
      if (m > last) continue;
      (period.months.includes(m) ? slots : before).push(slot(a, m));
    }
  }
  const inPeriod = planProgress(period.year, sorted.map((a) => ({ id: a.id, area: a.area, months: a.months.filter((m) => period.months.includes(m)) })), monev, today);
  const everything = [...before, ...slots].sort((x, y) => x.activity.area - y.activity.area || x.activity.seq - y.activity.seq || x.month - y.month);
  return {
    period,
    activities: new Set(slots.map((s) => s.activity.id)).size,
    slots,
    overall: tally(slots, inPeriod.overall.done, inPeriod.overall.pct),
    perArea: AREAS.map((area) => {
      const p = inPeriod.perArea[area - 1]!;
      return { area, ...tally(slots.filter((s) => s.activity.area === area), p.done, p.pct) };
    }),
    overdue: everything.filter((s) => s.overdue),
    openFollowUps: everything.filter((s) => !!s.record?.followUp && !s.record.followUpDone),
  };
}

// ---- the report document -------------------------------------------------------------------------

export interface ReportSigner { name: string; nip: string }

export interface MonevReportSource {
  kop: { government: string; unit: string; address: string };
  regency: string;
  unitName: string;
  year: number;
  summary: MonevSummary;
  areaNames: Record<number, string>;
  place: string | null;
  date: Date;
  timeZone?: string;
  /** the plan's signer (the head of the unit), and the Ketua Tim Kerja ZI of the year */
  head: ReportSigner | null;
  ketua: ReportSigner | null;
}

export interface SignatureBlock { lead: string; position: string; name: string; nip: string }

export interface MonevReportModel {
  kop: { government: string; unit: string; address: string };
  title: string;
  unit: string;
  period: string;
  intro: string;
  labels: Record<string, string>;
  summary: [string, string][];
  areaTable: { area: string; cells: string[] }[];
  areaTotal: string[];
  areas: { title: string; groups: { no: string; title: string; pic: string; months: { month: string; status: string; tone: string; realisation: string; problems: string; followUp: string; evidence: string }[] }[] }[];
  overdue: { no: string; area: string; title: string; month: string; status: string; pic: string }[];
  followUps: { no: string; title: string; month: string; problems: string; followUp: string }[];
  closing: string;
  place: string;
  date: string;
  signatures: { left: SignatureBlock | null; right: SignatureBlock };
}

const DOTS = '…………';
const pct = (n: number) => `${n}%`;

/** The report with every text final (Indonesian when `t` is the Indonesian translator). */
export function buildMonevReportModel(src: MonevReportSource, t: Translate): MonevReportModel {
  const s = src.summary;
  const period = periodLabel(t, s.period);
  const month = (m: number) => t(`plan.month.long.${m}`);
  const status = (x: Slot) => t(`plan.report.state.${x.state}`) + (x.overdue ? ` (${t('plan.report.overdue_mark')})` : '');
  const areaName = (a: number) => `${a}. ${src.areaNames[a] ?? ''}`;
  const tallyCells = (x: Tally) => [String(x.scheduled), String(x.done), String(x.partial), String(x.notStarted), String(x.none), pct(x.pct), pct(x.realisation)];
  const signer = (p: ReportSigner | null) => ({ name: p ? p.name : DOTS, nip: p ? `NIP. ${formatNip(p.nip)}` : 'NIP.' });
  const headPosition = t('plan.report.sign.head', { unit: src.unitName });
  const ketuaPosition = t('plan.report.sign.ketua');
  const signatures = src.ketua
    ? { left: src.head ? { lead: t('plan.report.sign.acknowledged'), position: headPosition, ...signer(src.head) } : null, right: { lead: '', position: ketuaPosition, ...signer(src.ketua) } }
    : { left: null, right: { lead: '', position: headPosition, ...signer(src.head) } };
  let no = 0;
  return {
    kop: src.kop,
    title: t('plan.report.title').toUpperCase(),
    unit: `${src.unitName} ${src.regency}`.toUpperCase(),
    period: period.toUpperCase(),
    intro: t('plan.report.intro', { unit: src.unitName, regency: src.regency, year: src.year, period }),
    labels: Object.fromEntries(['s1', 's2', 's3', 's4', 's5', 's6', 'col_no', 'col_area', 'col_area_short', 'col_activity', 'col_pic', 'col_month', 'col_status', 'col_realisation', 'col_problems', 'col_followup',
      'col_evidence', 'col_scheduled', 'col_done', 'col_partial', 'col_not_started', 'col_none', 'col_pct', 'col_avg', 'total', 'no_slots', 'no_overdue', 'no_followups', 'legend', 'page', 'of']
      .map((k) => [k, t(`plan.report.${k}`)])),
    summary: [
      [t('plan.report.sum.period'), s.period.months.length === 1 ? period : `${period} (${month(s.period.months[0]!)} – ${month(s.period.months[s.period.months.length - 1]!)})`],
      [t('plan.report.sum.activities'), String(s.activities)],
      [t('plan.report.sum.scheduled'), String(s.overall.scheduled)],
      [t('plan.report.sum.done'), String(s.overall.done)],
      [t('plan.report.sum.partial'), String(s.overall.partial)],
      [t('plan.report.sum.not_started'), String(s.overall.notStarted)],
      [t('plan.report.sum.none'), String(s.overall.none)],
      [t('plan.report.sum.pct'), pct(s.overall.pct)],
      [t('plan.report.sum.realisation'), pct(s.overall.realisation)],
      [t('plan.report.sum.overdue'), String(s.overdue.length)],
      [t('plan.report.sum.followups'), String(s.openFollowUps.length)],
    ],
    areaTable: s.perArea.filter((a) => a.scheduled > 0).map((a) => ({ area: areaName(a.area), cells: tallyCells(a) })),
    areaTotal: tallyCells(s.overall),
    areas: AREAS.map((area) => {
      const slots = s.slots.filter((x) => x.activity.area === area);
      const groups: MonevReportModel['areas'][number]['groups'] = [];
      for (const x of slots) {
        let g = groups.find((y) => y.no === x.activity.id);
        if (!g) { g = { no: x.activity.id, title: x.activity.title, pic: x.activity.pic ?? '', months: [] }; groups.push(g); }
        const r = x.record;
        g.months.push({
          month: month(x.month), status: status(x), tone: x.overdue ? 'bad' : x.state,
          realisation: r ? pct(x.state === 'done' ? 100 : r.realisation) : '–',
          problems: r?.problems ?? '',
          followUp: r?.followUp ? `${r.followUp} (${t(r.followUpDone ? 'plan.report.followup_done' : 'plan.report.followup_open')})` : '',
          evidence: String(x.evidence),
        });
      }
      return { title: areaName(area), groups: groups.map((g, i) => ({ ...g, no: `${i + 1}.` })) };
    }).filter((a) => a.groups.length > 0),
    overdue: s.overdue.map((x) => ({ no: `${++no}.`, area: String(x.activity.area), title: x.activity.title, month: month(x.month), status: t(`plan.report.state.${x.state}`), pic: x.activity.pic ?? '' })),
    // an open follow-up always has its record and a follow-up text (see openFollowUps)
    followUps: s.openFollowUps.map((x, i) => ({ no: `${i + 1}.`, title: x.activity.title, month: month(x.month), problems: x.record!.problems ?? '', followUp: x.record!.followUp! })),
    closing: t('plan.report.closing'),
    place: src.place?.trim() || DOTS,
    date: formatDate(src.date, 'id', src.timeZone),
    signatures,
  };
}
