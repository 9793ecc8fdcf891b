import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AREA_ROLES, formatNip, parseNip } from './org.rules.ts';
import { parseCsv, CsvError, csvCell } from './org.csv.ts';

const today = new Date('2026-11-27T00:00:00Z');

test('parseNip accepts well-formed NIPs and derives birth date, appointment and gender', () => {
  const cases: [string, string, string, 'L' | 'P'][] = [
    ['196804121993031001', '1968-04-12', '1993-03', 'L'],
    ['19940508 202003 2 011', '1994-05-08', '2020-03', 'P'],
    ['19800229.200501.2.003', '1980-02-29', '2005-01', 'P'], // leap day
  ];
  for (const [raw, birth, appointed, gender] of cases) {
    const r = parseNip(raw, today);
    assert.ok(r.ok, raw);
    if (r.ok) {
      assert.equal(r.info.birthDate, birth);
      assert.equal(r.info.appointed, appointed);
      assert.equal(r.info.gender, gender);
      assert.equal(r.value.length, 18);
    }
  }
});

test('parseNip rejects implausible NIPs with the reason', () => {
  const cases: [string, string][] = [
    ['12345', 'nip.format'],
    ['19680412199303100A', 'nip.format'],
    ['1968041219930310011', 'nip.format'],
    ['196813121993031001', 'nip.birth_date'], // month 13
    ['198102291993031001', 'nip.birth_date'], // 1981 is not a leap year
    ['193001011960031001', 'nip.birth_date'], // born before 1940
    ['196804121993131001', 'nip.appointment'], // appointment month 13
    ['196804122027011001', 'nip.appointment'], // appointed in the future
    ['196804121980031001', 'nip.age'], // appointed at 11
    ['196804121993033001', 'nip.gender'],
    ['196804121993031000', 'nip.sequence'],
  ];
  for (const [raw, error] of cases) {
    const r = parseNip(raw, today);
    assert.equal(r.ok, false, raw);
    if (!r.ok) assert.equal(r.error, error, raw);
  }
});

test('parseNip at the boundaries: the month of the 18th birthday, this month (in the regency), the gender digit', () => {
  // [NIP, today, expected: 'ok' or the error]
  const cases: [string, string, string][] = [
    // age: appointed in the month of the 18th birthday is old enough, the month before is not
    ['199006152008061001', '2026-11-27T00:00:00Z', 'ok'],
    ['199006152008051001', '2026-11-27T00:00:00Z', 'nip.age'],
    ['199006012008061001', '2026-11-27T00:00:00Z', 'ok'],
    ['199012312008121001', '2026-11-27T00:00:00Z', 'ok'],
    ['199012312008111001', '2026-11-27T00:00:00Z', 'nip.age'],
    // appointment: this month is allowed, next month is the future
    ['199006152026111001', '2026-11-27T00:00:00Z', 'ok'],
    ['199006152026121001', '2026-11-27T00:00:00Z', 'nip.appointment'],
    ['199006152027011001', '2026-12-31T00:00:00Z', 'nip.appointment'],
    // "this month" is the regency's: 30 November 18:00 UTC is already 1 December in Jakarta
    ['199006152026121001', '2026-11-30T18:00:00Z', 'ok'],
    ['199006152027011001', '2026-12-31T16:59:00Z', 'nip.appointment'],
    ['199006152027011001', '2026-12-31T17:00:00Z', 'ok'],
    // gender: only 1 and 2
    ['199006152015030001', '2026-11-27T00:00:00Z', 'nip.gender'],
    ['199006152015031001', '2026-11-27T00:00:00Z', 'ok'],
    ['199006152015032001', '2026-11-27T00:00:00Z', 'ok'],
    ['199006152015033001', '2026-11-27T00:00:00Z', 'nip.gender'],
    ['199006152015039001', '2026-11-27T00:00:00Z', 'nip.gender'],
    // sequence: 001 is the first, 000 none
    ['199006152015031000', '2026-11-27T00:00:00Z', 'nip.sequence'],
    ['199006152015031999', '2026-11-27T00:00:00Z', 'ok'],
  ];
  for (const [raw, at, expected] of cases) {
    const r = parseNip(raw, new Date(at));
    assert.equal(r.ok ? 'ok' : r.error, expected, `${raw} on ${at}`);
  }
});

test('formatNip groups the digits as on official documents; anything but exactly 18 digits stays as given', () => {
  const cases: [string, string][] = [
    ['196804121993031001', '19680412 199303 1 001'],
    ['199006152015032999', '19900615 201503 2 999'],
    ['1968041219930310011', '1968041219930310011'], // 19 digits
    ['A196804121993031001', 'A196804121993031001'], // a letter before 18 digits
    ['196804121993031001A', '196804121993031001A'], // a letter after 18 digits
    ['19680412 199303 1 001', '19680412 199303 1 001'], // already grouped
    ['', ''],
  ];
  for (const [raw, want] of cases) assert.equal(formatNip(raw), want, raw);
});

test('parseNip: born from 1940 on, appointment months 01..12, the parts returned as written', () => {
  const cases: [string, string][] = [
    ['194001011960031001', 'ok'], // 1 January 1940: the first birth date accepted
    ['193912311960031001', 'nip.birth_date'], // 31 December 1939
    ['199006152015001001', 'nip.appointment'], // appointment month 00
    ['199006152015011001', 'ok'], // appointment month 01
    ['199006152015121001', 'ok'], // appointment month 12
    ['199006002015011001', 'nip.birth_date'], // day 00
    ['199006312015011001', 'nip.birth_date'], // 31 June
    ['199000152015011001', 'nip.birth_date'], // month 00
    ['200002292018021001', 'ok'], // 2000 is a leap year
    ['190002292018021001', 'nip.birth_date'], // before 1940 (and 1900 is not a leap year)
  ];
  for (const [raw, expected] of cases) {
    const r = parseNip(raw, today);
    assert.equal(r.ok ? 'ok' : r.error, expected, raw);
  }
  assert.deepEqual(parseNip(' 19900615-201503.2 045 ', today), {
    ok: true, value: '199006152015032045', info: { birthDate: '1990-06-15', appointed: '2015-03', gender: 'P', sequence: 45 },
  });
  assert.deepEqual(parseNip('194001011960031001', today), {
    ok: true, value: '194001011960031001', info: { birthDate: '1940-01-01', appointed: '1960-03', gender: 'L', sequence: 1 },
  });
});

test('the ZI coordinator is the one role granted per reform area', () => {
  assert.deepEqual(AREA_ROLES, ['zi_coordinator']);
});

test('parseCsv reads quoted fields, both delimiters, CRLF and a BOM', () => {
  assert.deepEqual(parseCsv('\ufeffa,b\r\n"x, y","he said ""hi"""\n'), [['a', 'b'], ['x, y', 'he said "hi"']]);
  assert.deepEqual(parseCsv('a;b;c\n1;2;3'), [['a', 'b', 'c'], ['1', '2', '3']]);
  assert.deepEqual(parseCsv('a,b\n\n1,2\n'), [['a', 'b'], ['1', '2']]);
  assert.throws(() => parseCsv('a,b\n"open,2\n'), (e: unknown) => e instanceof CsvError && e.code === 'csv.unterminated_quote' && e.line === 2);
  assert.throws(() => parseCsv('  \n'), (e: unknown) => e instanceof CsvError && e.code === 'csv.empty');
});

test('csvCell quotes delimiters and neutralises formulas', () => {
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvCell(null), '');
});
