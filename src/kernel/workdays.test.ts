// Working-day arithmetic across weekends, national holidays, cuti bersama and year ends, on the
// shipped calendars (2025, 2026 final; 2027 provisional) and on small made-up ones.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { shippedYears } from './calendar.ts';
import {
  addDays, addWorkingDays, currentMonth, currentYear, dayIn, isIsoDate, isWeekend, isWorkingDay, nextWorkingDay, regencyTimeZone, regencyToday, setRegencyTimeZone,
  workingDaysBetween,
} from './workdays.ts';

const off = new Set(shippedYears().flatMap((y) => y.days.map((d) => d.day)));

describe('dates', () => {
  const valid: [unknown, boolean][] = [['2026-02-28', true], ['2024-02-29', true], ['2026-02-29', false], ['2026-13-01', false], ['2026-1-05', false], ['', false], [20260101, false], ['2026-12-31', true]];
  for (const [v, ok] of valid) test(`isIsoDate(${JSON.stringify(v)}) = ${ok}`, () => assert.equal(isIsoDate(v), ok));
  test('addDays crosses months, leap days and years', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  });
  test('weekends', () => {
    assert.equal(isWeekend('2026-11-28'), true); // Saturday
    assert.equal(isWeekend('2026-11-29'), true); // Sunday
    assert.equal(isWeekend('2026-11-30'), false); // Monday
  });
  test('the calendar day in WIB, not UTC', () => {
    assert.equal(dayIn(new Date('2026-12-31T17:30:00Z')), '2027-01-01'); // 00:30 WIB
    assert.equal(dayIn(new Date('2026-12-31T16:59:59Z')), '2026-12-31');
    assert.equal(dayIn(new Date('2026-12-31T17:30:00Z'), 'UTC'), '2026-12-31');
  });
});

describe('the shipped calendars', () => {
  test('2025: 17 holidays and 10 cuti bersama; 2026: 17 and 8; 2027 provisional', () => {
    const count = (year: number, kind: string) => shippedYears().find((y) => y.year === year)!.days.filter((d) => d.kind === kind).length;
    assert.deepEqual([count(2025, 'holiday'), count(2025, 'cuti_bersama')], [17, 10]);
    assert.deepEqual([count(2026, 'holiday'), count(2026, 'cuti_bersama')], [17, 8]);
    assert.equal(shippedYears().find((y) => y.year === 2027)!.status, 'provisional');
  });
  const days: [string, boolean, string][] = [
    ['2026-03-18', false, 'cuti bersama Nyepi (Wednesday)'],
    ['2026-03-19', false, 'Nyepi (Thursday)'],
    ['2026-03-25', true, 'the first working day after Idul Fitri 2026'],
    ['2026-08-17', false, 'Independence Day (Monday)'],
    ['2026-12-24', false, 'cuti bersama Christmas'],
    ['2026-12-31', true, 'New Year\'s Eve is a working day'],
    ['2027-01-01', false, 'New Year 2027'],
  ];
  for (const [day, working, why] of days) test(`${day}: ${working ? 'working' : 'off'} — ${why}`, () => assert.equal(isWorkingDay(day, off), working));
});

describe('deadlines in working days (start day not counted)', () => {
  const cases: [string, number, string, string][] = [
    ['2026-11-27', 1, '2026-11-30', 'Friday + 1 → Monday'],
    ['2026-11-27', 5, '2026-12-04', 'Friday + 5 → next Friday'],
    ['2026-11-28', 1, '2026-11-30', 'from a Saturday: Monday is the first'],
    ['2026-08-14', 1, '2026-08-18', 'Friday before Independence Day (Monday) → Tuesday'],
    ['2026-03-17', 5, '2026-03-31', 'across Nyepi, Idul Fitri and its cuti bersama'],
    ['2026-12-23', 3, '2026-12-30', 'across Christmas cuti bersama, Christmas and a weekend'],
    ['2026-12-30', 3, '2027-01-05', 'across the year end and New Year'],
    ['2026-01-02', 10, '2026-01-19', 'ten working days with Isra Mikraj (16 January) in between'],
    ['2026-01-02', 30, '2026-02-18', 'the 30 working days of gratification reporting, across Imlek and its cuti bersama'],
    ['2025-03-27', 3, '2025-04-10', 'Nyepi, Idul Fitri 2025 and four days of cuti bersama'],
    ['2026-11-30', 0, '2026-11-30', 'zero days from a working day: that day'],
    ['2026-12-25', 0, '2026-12-28', 'zero days from a holiday: the next working day'],
  ];
  for (const [start, n, due, why] of cases) test(`${start} + ${n} → ${due} (${why})`, () => assert.equal(addWorkingDays(start, n, off), due));

  test('counting back: the working days between a start and a deadline are the n asked for', () => {
    for (const [start, n, due] of cases) if (n > 0) assert.equal(workingDaysBetween(start, due, off), n, `${start} → ${due}`);
  });
  test('workingDaysBetween is 0 for the same or an earlier day', () => {
    assert.equal(workingDaysBetween('2026-11-30', '2026-11-30', off), 0);
    assert.equal(workingDaysBetween('2026-11-30', '2026-11-01', off), 0);
  });
  test('without the calendar only weekends are skipped', () => {
    assert.equal(addWorkingDays('2026-03-17', 5, new Set()), '2026-03-24');
  });
  test('nextWorkingDay skips a long break', () => {
    assert.equal(nextWorkingDay('2026-03-18', off), '2026-03-25');
  });
  test('bad input is refused', () => {
    assert.throws(() => addWorkingDays('2026-02-30', 1, off), RangeError);
    assert.throws(() => addWorkingDays('2026-11-30', -1, off), RangeError);
    assert.throws(() => addWorkingDays('2026-11-30', 1.5, off), RangeError);
  });
  test('a calendar without working days fails instead of looping', () => {
    const all = new Set<string>();
    for (let d = '2026-01-01'; d <= '2030-12-31'; d = addDays(d, 1)) all.add(d);
    assert.throws(() => addWorkingDays('2026-01-01', 5, all), /no working days/);
  });

  // the day-number loops against the plain definition: step one calendar day at a time, count the
  // days that are neither weekend nor listed
  test('property: the same answers as counting day by day, on random calendars', () => {
    const reference = (start: string, n: number, offDays: Set<string>) => {
      let d = start;
      if (n === 0) { while (isWeekend(d) || offDays.has(d)) d = addDays(d, 1); return d; }
      for (let left = n; left > 0;) { d = addDays(d, 1); if (!isWeekend(d) && !offDays.has(d)) left--; }
      return d;
    };
    const day = fc.integer({ min: 0, max: 3 * 365 }).map((i) => addDays('2025-01-01', i));
    fc.assert(fc.property(day, fc.integer({ min: 0, max: 60 }), fc.array(day, { maxLength: 40 }), (start, n, list) => {
      const offDays = new Set(list);
      const due = addWorkingDays(start, n, offDays);
      assert.equal(due, reference(start, n, offDays));
      if (n > 0) assert.equal(workingDaysBetween(start, due, offDays), n);
      assert.equal(isWorkingDay(nextWorkingDay(start, offDays), offDays), true);
    }), { numRuns: 300 });
  });
  test('a calendar edited after use is read again (the cache follows the set)', () => {
    const edited = new Set<string>();
    assert.equal(addWorkingDays('2026-06-01', 1, edited), '2026-06-02');
    edited.add('2026-06-02');
    assert.equal(addWorkingDays('2026-06-01', 1, edited), '2026-06-03');
  });
});

describe('edges: the date format, error messages, the guards against a calendar without working days', () => {
  test('isIsoDate: the whole string, a string only, years from 0100', () => {
    const cases: [unknown, boolean][] = [
      ['x2026-01-01', false], ['2026-01-01x', false], [' 2026-01-01', false], ['2026-01-01\n', false], ['12026-01-01', false], ['2026-01-011', false],
      [new String('2026-01-01'), false], [{ toString: () => '2026-01-01' }, false], [null, false], [undefined, false],
      ['2026-04-31', false], ['2026-00-10', false], ['2026-01-00', false], ['2026-01-32', false],
      // Date.UTC reads years 0–99 as 1900–1999: such dates are refused (no record of this platform is that old)
      ['0050-01-01', false], ['0099-12-31', false], ['0100-01-01', true], ['2000-02-29', true], ['2100-02-29', false], ['9999-12-31', true],
    ];
    for (const [v, ok] of cases) assert.equal(isIsoDate(v), ok, JSON.stringify(v) ?? String(v));
  });
  test('the messages of the range errors', () => {
    assert.throws(() => addDays('2026-02-30', 1), { name: 'RangeError', message: 'not a date: 2026-02-30' });
    assert.throws(() => isWeekend('kemarin'), { name: 'RangeError', message: 'not a date: kemarin' });
    assert.throws(() => nextWorkingDay('', new Set()), { name: 'RangeError', message: 'not a date: ' });
    assert.throws(() => addWorkingDays('2026-11-30', -1, new Set()), { name: 'RangeError', message: 'working days must be a whole number ≥ 0, got -1' });
    assert.throws(() => addWorkingDays('2026-11-30', 2.5, new Set()), { name: 'RangeError', message: 'working days must be a whole number ≥ 0, got 2.5' });
    assert.throws(() => addWorkingDays('2026-11-30', Number.NaN, new Set()), { name: 'RangeError', message: 'working days must be a whole number ≥ 0, got NaN' });
  });
  test('an entry of the calendar that is not a date is ignored', () => {
    const cal = new Set(['libur', '2026-06-02', '2026-02-30']);
    assert.equal(addWorkingDays('2026-06-01', 1, cal), '2026-06-03');
    assert.equal(workingDaysBetween('2026-06-01', '2026-06-05', cal), 3);
    assert.equal(nextWorkingDay('2026-06-02', cal), '2026-06-03');
  });
  const offFrom = (first: string, last: string) => { const s = new Set<string>(); for (let d = first; d <= last; d = addDays(d, 1)) s.add(d); return s; };
  test('nextWorkingDay crosses a break of 401 days (Mon 5 Jan 2026 to Tue 9 Feb 2027); one more day off is an error', () => {
    assert.equal(nextWorkingDay('2026-01-05', offFrom('2026-01-05', '2027-02-09')), '2027-02-10');
    assert.throws(() => nextWorkingDay('2026-01-05', offFrom('2026-01-05', '2027-02-10')), { name: 'RangeError', message: 'the calendar leaves no working days' });
    assert.throws(() => nextWorkingDay('2026-01-01', offFrom('2026-01-01', '2030-12-31')), { name: 'RangeError', message: 'the calendar leaves no working days' });
  });
  test('addWorkingDays scans 7 n + 401 days at most: n = 1 across 407 days off is found, 408 is an error', () => {
    assert.equal(addWorkingDays('2026-01-05', 1, offFrom('2026-01-06', '2027-02-16')), '2027-02-17');
    assert.throws(() => addWorkingDays('2026-01-05', 1, offFrom('2026-01-06', '2027-02-17')), { name: 'RangeError', message: 'the calendar leaves no working days' });
    assert.equal(addWorkingDays('2026-01-05', 0, offFrom('2026-01-05', '2026-01-09')), '2026-01-12');
  });
  test('workingDaysBetween: the day after the start counts, the start does not', () => {
    const cases: [string, string, number][] = [
      ['2026-11-27', '2026-11-30', 1], ['2026-11-27', '2026-11-29', 0], ['2026-11-30', '2026-12-01', 1], ['2026-11-29', '2026-11-30', 1], ['2026-12-01', '2026-11-30', 0],
    ];
    for (const [from, to, n] of cases) assert.equal(workingDaysBetween(from, to, new Set()), n, `${from} → ${to}`);
  });
});

describe('the regency time zone', () => {
  const newYearWib = new Date('2026-12-31T17:30:00Z'); // 00:30 WIB on 1 January 2027, 17:30 UTC on 31 December
  test('today, this year and this month in WIB by default, or in a given zone', () => {
    assert.equal(regencyTimeZone(), 'Asia/Jakarta');
    assert.equal(regencyToday(newYearWib), '2027-01-01');
    assert.equal(regencyToday(newYearWib, 'UTC'), '2026-12-31');
    assert.equal(currentYear(newYearWib), 2027);
    assert.equal(currentYear(newYearWib, 'UTC'), 2026);
    assert.equal(currentMonth(newYearWib), 1);
    assert.equal(currentMonth(newYearWib, 'UTC'), 12);
    assert.equal(currentMonth(new Date('2026-10-15T03:00:00Z')), 10);
    assert.match(regencyToday(), /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(currentYear(), Number(regencyToday().slice(0, 4)));
  });
  test('setRegencyTimeZone changes every default; an unknown zone is refused and the old one kept', () => {
    const before = regencyTimeZone();
    try {
      const late = new Date('2026-12-31T16:30:00Z'); // 23:30 WIB, 00:30 WITA
      assert.equal(dayIn(late), '2026-12-31');
      setRegencyTimeZone('Asia/Makassar');
      assert.equal(regencyTimeZone(), 'Asia/Makassar');
      assert.equal(dayIn(late), '2027-01-01');
      assert.equal(regencyToday(late), '2027-01-01');
      assert.equal(currentYear(late), 2027);
      assert.equal(currentMonth(late), 1);
      assert.throws(() => setRegencyTimeZone('Asia/Atlantis'), RangeError);
      assert.equal(regencyTimeZone(), 'Asia/Makassar');
    } finally {
      setRegencyTimeZone(before);
    }
    assert.equal(regencyTimeZone(), 'Asia/Jakarta');
  });
});

test('dayIn: the calendar day in the given time zone, on both sides of midnight', () => {
  const cases: [string, string, string][] = [
    ['2026-03-14T16:59:59Z', 'Asia/Jakarta', '2026-03-14'],
    ['2026-03-14T17:00:00Z', 'Asia/Jakarta', '2026-03-15'],
    ['2026-03-14T14:59:59Z', 'Asia/Jayapura', '2026-03-14'],
    ['2026-03-14T15:00:00Z', 'Asia/Jayapura', '2026-03-15'],
    ['2026-12-31T23:59:59Z', 'UTC', '2026-12-31'],
    ['2027-01-01T00:00:00Z', 'UTC', '2027-01-01'],
  ];
  for (const [at, tz, want] of cases) assert.equal(dayIn(new Date(at), tz), want, `${at} ${tz}`);
  // the cached format of a zone is reused (a second call, same answer)
  assert.equal(dayIn(new Date('2026-03-14T17:00:00Z'), 'Asia/Jakarta'), '2026-03-15');
});
