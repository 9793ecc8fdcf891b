import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { shippedYears } from '../../kernel/calendar.ts';
import { DomainError } from '../../kernel/errors.ts';
import {
  CATEGORIES, RULES, allowed, deadlineOf, hashCode, lkeCounts, newTrackingCode, nextState, normaliseCode, parseComplaint,
  parseLaporRef, parsePeriod, parseSatisfaction, slaDaysOf, slaStatus, statsOf, type StatRow,
} from './complaints.rules.ts';

const off = new Set(shippedYears().flatMap((y) => y.days.map((d) => d.day)));

describe('SLA deadlines in working days (shipped 2025/2026 calendars)', () => {
  const cases: [string, string, string, string][] = [
    // received, category, deadline, why
    ['2026-03-13', 'pelayanan', '2026-03-27', 'Friday before Nyepi and Idul Fitri: cuti bersama 18, 20, 23, 24 and holidays 19 March skipped'],
    ['2025-12-23', 'pelayanan', '2026-01-02', 'across the year end: Christmas, cuti bersama 26 Dec and New Year skipped'],
    ['2026-02-13', 'informasi', '2026-02-19', 'Imlek cuti bersama (16 Feb) and holiday (17 Feb) after a weekend'],
    ['2026-11-28', 'informasi', '2026-12-01', 'received on a Saturday: counting starts on Monday'],
    ['2026-12-23', 'informasi', '2026-12-29', 'cuti bersama 24 Dec, Christmas, weekend'],
    ['2026-05-13', 'sarana', '2026-05-22', 'Ascension (14 May) and its cuti bersama (15 May)'],
    ['2026-01-05', 'perilaku', '2026-01-26', '14 working days with Isra Mikraj (16 Jan)'],
  ];
  for (const [received, cat, want, why] of cases) {
    test(`${cat} received ${received} → ${want} (${why})`, () => assert.equal(deadlineOf(received, slaDaysOf(cat), off), want));
  }
  test('status: ok, near, overdue while open; met or late once finished', () => {
    const c = { state: 'in_process', receivedOn: '2026-03-13', slaDays: 5, closedOn: null };
    assert.equal(slaStatus(c, '2026-03-16', off), 'ok');
    assert.equal(slaStatus(c, '2026-03-26', off), 'near');
    assert.equal(slaStatus(c, '2026-03-27', off), 'near');
    assert.equal(slaStatus(c, '2026-03-28', off), 'overdue');
    assert.equal(slaStatus({ ...c, state: 'closed', closedOn: '2026-03-27' }, '2026-06-01', off), 'met');
    assert.equal(slaStatus({ ...c, state: 'closed', closedOn: '2026-03-30' }, '2026-06-01', off), 'late');
  });
  test('every category has whole, positive SLA days and a source', () => {
    for (const c of RULES.categories) {
      assert.ok(Number.isInteger(c.slaDays) && c.slaDays > 0, c.code);
      assert.ok(c.source.tag && c.source.ref, c.code);
    }
    assert.deepEqual(CATEGORIES, ['informasi', 'pelayanan', 'perizinan', 'sarana', 'perilaku', 'pungli', 'lainnya']);
  });
  test('a regency may override a category', () => {
    const rules = { ...RULES, regencies: { 'Kabupaten X': { slaDays: { pelayanan: 3 } } } };
    assert.equal(slaDaysOf('pelayanan', 'Kabupaten X', rules), 3);
    assert.equal(slaDaysOf('pelayanan', 'Kabupaten Y', rules), 5);
    assert.equal(slaDaysOf('sarana', 'Kabupaten X', rules), 5);
  });
});

describe('tracking codes', () => {
  test('24 base32 characters in groups of four, 120 random bits', () => {
    const code = newTrackingCode();
    assert.match(code, /^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);
    assert.notEqual(newTrackingCode(), code);
  });
  test('normalising forgives case, spaces and look-alikes; refuses anything else', () => {
    const code = newTrackingCode(new Uint8Array(15).fill(0xab));
    const n = normaliseCode(code)!;
    assert.equal(normaliseCode(code.toLowerCase().replace(/-/g, ' ')), n);
    assert.equal(normaliseCode('O'.repeat(24)), '0'.repeat(24));
    assert.equal(normaliseCode('IL'.repeat(12)), '1'.repeat(24));
    for (const bad of ['', 'ABC', 'U'.repeat(24), `${n}0`, "' or 1=1 --"]) assert.equal(normaliseCode(bad), null, bad);
    assert.match(hashCode(n), /^[0-9a-f]{64}$/);
    assert.notEqual(hashCode(n), n);
  });
});

describe('states', () => {
  const table: [string, Parameters<typeof allowed>[1], boolean][] = [
    ['received', 'assign', true], ['received', 'reply', true], ['in_process', 'close', true], ['in_process', 'forward', true],
    ['closed', 'reply', false], ['closed', 'note', true], ['rejected', 'close', false], ['not_authority', 'info', false],
    ['closed', 'satisfaction', true], ['in_process', 'satisfaction', false],
  ];
  for (const [state, action, ok] of table) test(`${action} in ${state}: ${ok}`, () => assert.equal(allowed(state, action), ok));
  test('satisfaction once', () => assert.equal(allowed('closed', 'satisfaction', true), false));
  test('transitions', () => {
    assert.equal(nextState('received', 'reply'), 'in_process');
    assert.equal(nextState('in_process', 'forward'), 'received');
    assert.equal(nextState('in_process', 'not_authority'), 'not_authority');
    assert.equal(nextState('in_process', 'note'), 'in_process');
  });
});

describe('input', () => {
  const base = { category: 'pelayanan', subject: 'Antrean lama', description: 'Saya menunggu tiga jam tanpa kepastian.' };
  const fields = (f: () => unknown) => { try { f(); } catch (e) { if (e instanceof DomainError) return e.fieldErrors; throw e; } return {}; };
  test('a good public complaint; anonymous drops name and contact', () => {
    const v = parseComplaint({ ...base, name: 'Budi', contact: '0812', anonymous: '1', eventDate: '2026-11-27' }, '2026-11-28');
    assert.equal(v.complainantName, null);
    assert.equal(v.channel, 'web');
    assert.equal(v.receivedOn, '2026-11-28');
  });
  test('refusals: future event, unknown category, empty text, bad dates', () => {
    assert.deepEqual(fields(() => parseComplaint({ ...base, eventDate: '2026-11-29' }, '2026-11-28')), { eventDate: 'complaints.err.future' });
    assert.deepEqual(fields(() => parseComplaint({ ...base, category: 'x' }, '2026-11-28')), { category: 'complaints.err.category' });
    assert.deepEqual(fields(() => parseComplaint({ ...base, description: 'short' }, '2026-11-28')), { description: 'complaints.err.description' });
    assert.deepEqual(fields(() => parseComplaint({ ...base, eventDate: '2026-02-30' }, '2026-11-28')), { eventDate: 'complaints.err.date' });
  });
  test('staff entry: channel, LAPOR! reference, receipt date not in the future', () => {
    const v = parseComplaint({ ...base, channel: 'lapor', laporRef: ' lpr-2026/0012 ', receivedOn: '2026-11-20' }, '2026-11-28', { staff: true });
    assert.equal(v.laporRef, 'LPR-2026/0012');
    assert.deepEqual(fields(() => parseComplaint({ ...base, channel: 'lapor', receivedOn: '2026-11-29' }, '2026-11-28', { staff: true })),
      { laporRef: 'complaints.err.lapor_ref_required', receivedOn: 'complaints.err.future' });
    assert.deepEqual(fields(() => parseComplaint({ ...base, channel: 'web' }, '2026-11-28', { staff: true })), { channel: 'complaints.err.channel' });
  });
  test('LAPOR! references and satisfaction', () => {
    assert.equal(parseLaporRef('<script>'), null);
    assert.equal(parseLaporRef('1234567'), '1234567');
    for (const bad of ['0', '6', '-1', '3.5', '']) assert.throws(() => parseSatisfaction(bad), DomainError, bad);
    assert.equal(parseSatisfaction('4'), 4);
  });
});

describe('periods and statistics', () => {
  test('periods', () => {
    assert.deepEqual(parsePeriod('2026-q1'), { code: '2026-Q1', kind: 'quarter', year: 2026, from: '2026-01-01', to: '2026-03-31' });
    assert.equal(parsePeriod('2024-02')?.to, '2024-02-29');
    for (const bad of ['2026-13', '2026-Q5', '1999', 'x', '-2026']) assert.equal(parsePeriod(bad), null, bad);
  });
  test('statistics: medians in working days, SLA met, A.II.5.ii counts', () => {
    const r = (state: string, receivedOn: string, firstResponseOn: string | null, closedOn: string | null, extra: Partial<StatRow> = {}): StatRow =>
      ({ state, category: 'pelayanan', channel: 'web', receivedOn, slaDays: 5, firstResponseOn, closedOn, satisfaction: null, ...extra });
    const rows = [
      r('closed', '2026-03-13', '2026-03-16', '2026-03-27', { satisfaction: 5 }), // met: 5 wd
      r('closed', '2026-03-13', '2026-03-25', '2026-03-30', { satisfaction: 3, channel: 'lapor' }), // late: 6 wd
      r('rejected', '2026-04-06', '2026-04-07', '2026-04-07'),
      r('in_process', '2026-04-06', '2026-04-08', null),
      r('received', '2026-11-02', null, null, { category: 'pungli', slaDays: 60 }),
    ];
    const s = statsOf(rows, '2026-11-28', off);
    assert.equal(s.total, 5);
    assert.deepEqual(s.byChannel, { web: 4, lapor: 1 });
    assert.equal(s.medianFirstResponse, 1.5); // 1, 3, 1, 2
    assert.equal(s.medianClosure, 5); // 5, 6, 1
    assert.equal(s.finished, 3);
    assert.equal(s.slaMet, 2);
    assert.equal(s.slaMetPct, 66.7);
    assert.equal(s.overdue, 1);
    assert.deepEqual(s.satisfaction, { n: 2, mean: 4 });
    assert.deepEqual(s.lke, { toFollowUp: 4, inProcess: 2, completed: 2 });
    assert.deepEqual(lkeCounts([]), { toFollowUp: 0, inProcess: 0, completed: 0 });
  });
});
