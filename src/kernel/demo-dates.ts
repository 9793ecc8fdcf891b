// Dates of the demo data, relative to the current year in the regency: the demo's story happens in
// "last year" (complete) and "this year" (in progress up to today), whatever year the first start is
// in. A seed writes demoDate(-1, 3, 12) for 12 March of last year and demoDate(0, 5, 11) for 11 May of
// this year; a date of this year that has not come yet is clamped to today, and isDemoPast tells a
// seed to leave out what cannot have happened yet (monev of a month not begun, a signature to come).
import { currentYear, dayIn, type IsoDate } from './workdays.ts';

/** The demo's current year: the regency's year of `now`. */
export function demoYear(now: Date = new Date()): number {
  return currentYear(now);
}

/** The date `month`/`day` of the demo year + `yearOffset` (0 this year, -1 last year), never after today. */
export function demoDate(yearOffset: number, month: number, day: number, now: Date = new Date()): IsoDate {
  const d = isoOf(demoYear(now) + yearOffset, month, day);
  const today = dayIn(now);
  return d > today ? today : d;
}

/** The same date unclamped: for a plan's schedule, a due date or another date that may lie ahead. */
export function demoDay(yearOffset: number, month: number, day: number, now: Date = new Date()): IsoDate {
  return isoOf(demoYear(now) + yearOffset, month, day);
}

/** A moment of the demo: `day` of `month` at `hour`:`minute` WIB (UTC+7), never after `now`. */
export function demoMoment(yearOffset: number, month: number, day: number, hour = 9, minute = 0, now: Date = new Date()): Date {
  return demoAt(demoDay(yearOffset, month, day, now), hour, minute, now);
}

/** The moment `hour`:`minute` WIB (UTC+7) of a date, never after `now`. */
export function demoAt(iso: IsoDate, hour = 9, minute = 0, now: Date = new Date()): Date {
  const at = new Date(Date.parse(`${iso}T00:00:00Z`) + ((hour - 7) * 60 + minute) * 60_000);
  return at > now ? new Date(now) : at;
}

/** True when that date (or moment) of the demo has come: what a seed may record as done. */
export function isDemoPast(yearOffset: number, month: number, day: number, now: Date = new Date()): boolean {
  return isoOf(demoYear(now) + yearOffset, month, day) <= dayIn(now);
}

/**
 * A date the demo's story was written with, `base` being the year written as "this year": moved by
 * whole years so that `base` becomes the demo year (2026-05-11 written with base 2026 is 11 May of
 * this year, 2025-03-12 is 12 March of last year), then clamped to today like demoDate.
 */
export function demoShift(iso: IsoDate, base: number, now: Date = new Date()): IsoDate {
  const d = demoShiftDay(iso, base, now);
  const today = dayIn(now);
  return d > today ? today : d;
}

/** demoShift without the clamp: whether it lies ahead is for the seed to decide (see demoHasCome). */
export function demoShiftDay(iso: IsoDate, base: number, now: Date = new Date()): IsoDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not a date: ${iso}`);
  return demoDay(Number(m[1]) - base, Number(m[2]), Number(m[3]), now);
}

/** Whether a date of the story (written with `base` as this year) has come by today. */
export function demoHasCome(iso: IsoDate, base: number, now: Date = new Date()): boolean {
  return demoShiftDay(iso, base, now) <= dayIn(now);
}

/**
 * "… 2025 …" → "… <last year> …": the story's years (`base` − 1 to `base` + 1) in a demo title or
 * number, shifted like its dates. Only for the seed's own words: a citation ("PP 5 Tahun 2021",
 * "PermenPANRB 17/2024") keeps its year, so never pass legal text through it.
 */
export function demoText(text: string, base: number, now: Date = new Date()): string {
  const shift = demoYear(now) - base;
  if (shift === 0) return text;
  return text.replace(/(?<!\d)(\d{4})(?!\d)/g, (y) => (Number(y) >= base - 1 && Number(y) <= base + 1 ? String(Number(y) + shift) : y));
}

function isoOf(year: number, month: number, day: number): IsoDate {
  // 29 February of a year without one becomes the 28th
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}
