// Indonesian working days: Monday–Friday, except national holidays (libur nasional) and cuti bersama.
// Pure functions over ISO dates ('YYYY-MM-DD', calendar days with no time zone) and a set of the
// non-working weekdays and weekend days that the calendar lists. Deadlines in working days are
// counted from the day AFTER the start: "within 10 working days of receipt on Friday 2 January"
// ends on the 10th working day after it. Every module that has deadlines uses these.

export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A valid calendar date written YYYY-MM-DD (rejects 2026-02-30, 2026-13-01, "2026-1-5"). */
export function isIsoDate(v: unknown): v is IsoDate {
  if (typeof v !== 'string') return false;
  const m = ISO.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function toUtc(day: IsoDate): Date {
  if (!isIsoDate(day)) throw new RangeError(`not a date: ${String(day)}`);
  return new Date(`${day}T00:00:00Z`);
}

function fromUtc(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

/** The day after (or `n` days after, negative for before). */
export function addDays(day: IsoDate, n: number): IsoDate {
  const d = toUtc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return fromUtc(d);
}

/** Saturday or Sunday. */
export function isWeekend(day: IsoDate): boolean {
  const w = toUtc(day).getUTCDay();
  return w === 0 || w === 6;
}

/** The non-working days a calendar lists (holidays and cuti bersama), by ISO date. */
export type OffDays = ReadonlySet<IsoDate>;

export function isWorkingDay(day: IsoDate, off: OffDays): boolean {
  return !isWeekend(day) && !off.has(day);
}

// The loops below count in whole days since 1970-01-01 (a Thursday) instead of building a Date per
// step: a 30-working-day deadline is ~40 integer steps (measured by `npm run bench`).
const MS_PER_DAY = 86_400_000;
const dayNumber = (day: IsoDate): number => toUtc(day).getTime() / MS_PER_DAY;
const isoOfNumber = (n: number): IsoDate => new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
/** 0 = Sunday … 6 = Saturday */
const weekdayOf = (n: number): number => (((n + 4) % 7) + 7) % 7;

/** The off days as day numbers, converted once per set (again if its size changed). */
const offNumbers = new WeakMap<OffDays, { size: number; days: Set<number> }>();
function offSet(off: OffDays): Set<number> {
  const hit = offNumbers.get(off);
  if (hit && hit.size === off.size) return hit.days;
  const days = new Set<number>();
  for (const d of off) if (isIsoDate(d)) days.add(dayNumber(d));
  offNumbers.set(off, { size: off.size, days });
  return days;
}

const workingNumber = (n: number, offN: Set<number>): boolean => {
  const w = weekdayOf(n);
  return w !== 0 && w !== 6 && !offN.has(n);
};

/** The first working day on or after `day`. */
export function nextWorkingDay(day: IsoDate, off: OffDays): IsoDate {
  const offN = offSet(off);
  let d = dayNumber(day);
  for (let guard = 0; !workingNumber(d, offN); guard++) {
    if (guard > 400) throw new RangeError('the calendar leaves no working days');
    d++;
  }
  return isoOfNumber(d);
}

/**
 * The deadline `n` working days after `start` (the start day itself not counted): n = 1 is the next
 * working day. n = 0 is the start day if it is a working day, else the next one.
 */
export function addWorkingDays(start: IsoDate, n: number, off: OffDays): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  if (n === 0) return nextWorkingDay(start, off);
  const offN = offSet(off);
  let d = dayNumber(start);
  let left = n;
  // guard against an impossible calendar (every day off): a year has at most ~366 days to scan per 250 working days
  for (let guard = 0; left > 0; guard++) {
    if (guard > n * 7 + 400) throw new RangeError('the calendar leaves no working days');
    d++;
    if (workingNumber(d, offN)) left--;
  }
  return isoOfNumber(d);
}

/**
 * Working days after `from` up to and including `to` (0 when `to` ≤ `from`): how many working days
 * have passed since a start, e.g. to tell whether a 30-working-day limit was kept.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, off: OffDays): number {
  if (to <= from) return 0;
  const offN = offSet(off);
  const last = dayNumber(to);
  let n = 0;
  for (let d = dayNumber(from) + 1; d <= last; d++) if (workingNumber(d, offN)) n++;
  return n;
}

// The regency's time zone (TIME_ZONE, Asia/Jakarta = WIB by default). One deployment serves one
// regency, so it is a process-wide setting: buildApp (and the CLI) set it from the configuration once,
// and every "today" and "this year" below — and every dayIn() without an explicit zone — uses it.
// A module never computes a day from toISOString() (UTC) or getFullYear() (the server's zone).
let regencyZone = 'Asia/Jakarta';

/** Sets the regency's time zone (an IANA name; RangeError when the runtime does not know it). */
export function setRegencyTimeZone(timeZone: string): void {
  new Intl.DateTimeFormat('en-CA', { timeZone }); // throws RangeError on an unknown zone
  regencyZone = timeZone;
}

/** The regency's time zone as set from the configuration. */
export function regencyTimeZone(): string {
  return regencyZone;
}

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than formatting with it. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of a moment in a time zone (the regency's by default). */
export function dayIn(moment: Date, timeZone = regencyZone): IsoDate {
  let f = dayFormats.get(timeZone);
  // en-CA formats as YYYY-MM-DD
  if (!f) dayFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(moment);
}

/** Today in the regency (or at `now`, in `timeZone`). */
export function regencyToday(now: Date = new Date(), timeZone = regencyZone): IsoDate {
  return dayIn(now, timeZone);
}

/** This year in the regency (or the year of `now` there): what "this year" means on every page. */
export function currentYear(now: Date = new Date(), timeZone = regencyZone): number {
  return Number(dayIn(now, timeZone).slice(0, 4));
}

/** This month in the regency, 1–12. */
export function currentMonth(now: Date = new Date(), timeZone = regencyZone): number {
  return Number(dayIn(now, timeZone).slice(5, 7));
}
