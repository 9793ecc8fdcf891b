import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { shippedYears } from '../../kernel/calendar.ts';
import { DomainError } from '../../kernel/errors.ts';
import { validationErrorsOf } from '../../kernel/testing.ts';
import {
  CATEGORIES, CHANNELS, CLASSIFICATIONS, CODE_CHARS, FINAL_STATES, LIMITS, OPEN_STATES, RULES, STAFF_CHANNELS, STATES, allowed, deadlineOf, hashCode,
  lkeCounts, median, newTrackingCode, nextState, normaliseCode, parseComplaint, parseLaporRef, parsePeriod, parseSatisfaction, parseText, periodsOfYear,
  slaDaysOf, slaStatus, statsOf, type StatRow,
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

// ---- behaviour at every edge (table-driven; expected values written out) -----------------------

// A small hand-made calendar: Thursday 19 March 2026 is a holiday; weekends are off anyway.
const off19 = new Set(['2026-03-19']);

describe('rule data (complaint-rules.json, decision 0011)', () => {
  test('SLA days per category as the domain spec §8.3 sources say', () => {
    const sla: [string, number][] = [
      ['informasi', 2], ['pelayanan', 5], ['perizinan', 5], ['sarana', 5], ['perilaku', 14], ['pungli', 60], ['lainnya', 14],
    ];
    assert.deepEqual(RULES.categories.map((c) => [c.code, c.slaDays]), sla);
    for (const [cat, days] of sla) {
      assert.equal(slaDaysOf(cat), days, cat);
      assert.equal(slaDaysOf(cat, null), days, cat);
    }
  });
  test('channels, staff channels, online channels, classifications, reminder window, public limits', () => {
    assert.equal(RULES.id, 'complaints-rules-2026');
    assert.deepEqual(CHANNELS, ['web', 'counter', 'phone', 'letter', 'email', 'social', 'lapor']);
    assert.deepEqual(STAFF_CHANNELS, ['counter', 'phone', 'letter', 'email', 'social', 'lapor']);
    assert.deepEqual(RULES.onlineChannels, ['web', 'email', 'social', 'lapor']);
    assert.deepEqual(CLASSIFICATIONS, ['pengaduan', 'aspirasi', 'informasi']);
    assert.equal(RULES.reminders.nearWorkingDays, 1);
    assert.deepEqual({ track: RULES.publicLimits.trackPerDay, submit: RULES.publicLimits.submitPerDay }, { track: 60, submit: 20 });
    assert.deepEqual(RULES.regencies, {});
    assert.deepEqual(LIMITS, { subject: 200, description: 5000, location: 300, name: 150, contact: 150, text: 5000, ref: 60 });
  });
  test('regency overrides: own value (even 0), else the default; unknown category refused', () => {
    const rules = {
      ...RULES,
      regencies: {
        'Kabupaten X': { slaDays: { pelayanan: 3, pungli: 0 } },
        'Kabupaten Tanpa': {},
        null: { slaDays: { pelayanan: 1 } }, // a regency literally named "null" must not answer for "no regency"
      },
    } as typeof RULES;
    const cases: [string, string | null, number][] = [
      ['pelayanan', 'Kabupaten X', 3], ['pungli', 'Kabupaten X', 0], ['informasi', 'Kabupaten X', 2],
      ['pelayanan', 'Kabupaten Tanpa', 5], ['pelayanan', 'Kabupaten Lain', 5], ['pelayanan', null, 5], ['pelayanan', '', 5],
    ];
    for (const [cat, regency, days] of cases) assert.equal(slaDaysOf(cat, regency, rules), days, `${cat} ${regency}`);
    assert.throws(() => slaDaysOf('bogus'), { name: 'RangeError', message: 'unknown category bogus' });
    assert.throws(() => slaDaysOf('bogus', 'Kabupaten X', rules), { name: 'RangeError', message: 'unknown category bogus' });
  });
});

describe('tracking codes, exactly', () => {
  test('fixed bytes give fixed codes (Crockford base32, 24 characters, groups of four)', () => {
    const cases: [number[], string][] = [
      [Array(15).fill(0), '0000-0000-0000-0000-0000-0000'],
      [Array(15).fill(0xff), 'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ'],
      [Array.from({ length: 15 }, (_, i) => i), '000G-40R4-0M30-E209-185G-R38E'],
      [Array(15).fill(0xab), 'NENT-QAXB-NENT-QAXB-NENT-QAXB'],
      // more than 15 bytes: still only the first 24 characters
      [Array.from({ length: 20 }, (_, i) => i + 1), '0410-6105-0R3G-G28A-1C60-T3GF'],
    ];
    for (const [bytes, code] of cases) assert.equal(newTrackingCode(Uint8Array.from(bytes)), code, code);
    assert.equal(CODE_CHARS, 24);
  });
  test('normalising', () => {
    const cases: [unknown, string | null][] = [
      ['000G-40R4-0M30-E209-185G-R38E', '000G40R40M30E209185GR38E'],
      ['000g 40r4 0m30 e209 185g r38e', '000G40R40M30E209185GR38E'],
      ['000G\t40R4\n0M30-E209185GR38E', '000G40R40M30E209185GR38E'],
      ['oooG40R40M30E209185GR38E', '000G40R40M30E209185GR38E'],
      ['IIII-LLLL-iiii-llll-1111-0000', '111111111111111111110000'],
      ['0123456789ABCDEFGHJKMNPQ', '0123456789ABCDEFGHJKMNPQ'],
      ['RSTVWXYZ0000000000000000', 'RSTVWXYZ0000000000000000'],
      ['0'.repeat(23), null], ['0'.repeat(25), null], ['', null], [null, null], [undefined, null],
      [`U${'0'.repeat(23)}`, null], [`${'0'.repeat(23)}*`, null], [`${'0'.repeat(23)}_`, null],
    ];
    for (const [raw, want] of cases) assert.equal(normaliseCode(raw as string), want, String(raw));
  });
  test('the stored hash: SHA-256 of the prefixed normalised code', () => {
    assert.equal(hashCode('000000000000000000000000'), '1af75bcc79949660ec4e1a66a52c6f646a54cc8f3903594deddd859f4d549092');
    assert.equal(hashCode('0123456789ABCDEFGHJKMNPQ'), '46846b4214fecaf2ae211c54a892fa42ec0a2ea662ac7b4ff3c8a74bb6c91cfe');
  });
});

describe('the whole state table', () => {
  test('state lists', () => {
    assert.deepEqual(STATES, ['received', 'in_process', 'closed', 'rejected', 'not_authority']);
    assert.deepEqual(OPEN_STATES, ['received', 'in_process']);
    assert.deepEqual(FINAL_STATES, ['closed', 'rejected', 'not_authority']);
  });
  const actions = ['assign', 'reply', 'note', 'forward', 'close', 'reject', 'not_authority', 'info', 'satisfaction'] as const;
  // allowed actions per state: [satisfaction not yet given, satisfaction given]
  const allows: Record<string, [string[], string[]]> = {
    received: [['assign', 'reply', 'note', 'forward', 'close', 'reject', 'not_authority', 'info'], ['assign', 'reply', 'note', 'forward', 'close', 'reject', 'not_authority', 'info']],
    in_process: [['assign', 'reply', 'note', 'forward', 'close', 'reject', 'not_authority', 'info'], ['assign', 'reply', 'note', 'forward', 'close', 'reject', 'not_authority', 'info']],
    closed: [['note', 'satisfaction'], ['note']],
    rejected: [['note'], ['note']],
    not_authority: [['note'], ['note']],
    unknown: [['note'], ['note']],
  };
  for (const [state, [fresh, given]] of Object.entries(allows)) {
    test(`allowed in ${state}`, () => {
      assert.deepEqual(actions.filter((a) => allowed(state, a)), fresh);
      assert.deepEqual(actions.filter((a) => allowed(state, a, false)), fresh);
      assert.deepEqual(actions.filter((a) => allowed(state, a, true)), given);
    });
  }
  test('next state of every action from every state', () => {
    const next: Record<string, string | null> = {
      assign: 'in_process', reply: 'in_process', forward: 'received', close: 'closed', reject: 'rejected', not_authority: 'not_authority',
      note: null, info: null, satisfaction: null, // null: the state stays
    };
    for (const state of [...STATES, 'unknown']) {
      for (const a of actions) assert.equal(nextState(state, a), next[a] ?? state, `${state} ${a}`);
    }
  });
});

describe('deadlines and SLA status at their edges', () => {
  const deadlines: [string, number, string, string][] = [
    ['2026-03-02', 1, '2026-03-03', 'Monday + 1 → Tuesday'],
    ['2026-03-06', 1, '2026-03-09', 'Friday + 1 → Monday'],
    ['2026-03-07', 1, '2026-03-09', 'Saturday + 1 → Monday'],
    ['2026-03-18', 1, '2026-03-20', 'the holiday is skipped'],
    ['2026-03-16', 5, '2026-03-24', '5 working days across the holiday and a weekend'],
    ['2026-03-16', 0, '2026-03-16', '0: the day itself when it works'],
    ['2026-03-19', 0, '2026-03-20', '0 on a holiday: the next working day'],
  ];
  for (const [from, n, want, why] of deadlines) test(`${from} + ${n} → ${want} (${why})`, () => assert.equal(deadlineOf(from, n, off19), want));

  // received Monday 16 March, 5 working days: deadline Tuesday 24 March (Thursday 19 off)
  const open = { state: 'received', receivedOn: '2026-03-16', slaDays: 5, closedOn: null };
  const cases: [string, string, number | undefined, string][] = [
    // state, today, nearDays (undefined = the rule's 1), status
    ['received', '2026-03-16', undefined, 'ok'],
    ['received', '2026-03-20', undefined, 'ok'], // 2 working days left
    ['received', '2026-03-22', undefined, 'ok'], // Sunday: Monday and Tuesday left
    ['received', '2026-03-23', undefined, 'near'], // 1 left
    ['received', '2026-03-24', undefined, 'near'], // deadline day
    ['received', '2026-03-25', undefined, 'overdue'],
    ['in_process', '2026-03-23', undefined, 'near'],
    ['in_process', '2026-03-25', undefined, 'overdue'],
    ['in_process', '2026-03-20', 2, 'near'],
    ['in_process', '2026-03-18', 2, 'ok'], // 3 left
    ['in_process', '2026-03-23', 0, 'ok'],
    ['in_process', '2026-03-24', 0, 'near'],
  ];
  for (const [state, today, near, want] of cases) {
    test(`${state} on ${today} (near window ${near ?? 'rule'}) → ${want}`, () => assert.equal(slaStatus({ ...open, state }, today, off19, near), want));
  }
  const finished: [string, string | null, string][] = [
    ['closed', '2026-03-16', 'met'], ['closed', '2026-03-24', 'met'], ['closed', '2026-03-25', 'late'], ['closed', null, 'late'],
    ['rejected', '2026-03-24', 'met'], ['rejected', '2026-03-25', 'late'],
    ['not_authority', '2026-03-24', 'met'], ['not_authority', '2026-03-25', 'late'], ['unknown', '2026-03-24', 'met'],
  ];
  for (const [state, closedOn, want] of finished) {
    test(`${state} on ${closedOn} → ${want}, whatever today is`, () => {
      for (const today of ['2026-03-17', '2026-03-24', '2026-12-31']) assert.equal(slaStatus({ ...open, state, closedOn }, today, off19), want);
    });
  }
});

describe('complaint input at every limit', () => {
  const today = '2026-11-28';
  const base = { category: 'pelayanan', subject: 'Antrean lama', description: 'Saya menunggu tiga jam.' };
  const ok = (input: Record<string, string>, staff = false) => parseComplaint(input, today, { staff });
  const bad = (input: Record<string, string>, staff = false) => validationErrorsOf(() => parseComplaint(input, today, { staff }));

  test('a public complaint, cleaned; staff-only fields ignored', () => {
    assert.deepEqual(ok({
      category: ' pelayanan ', subject: '  Antrean \t\n lama  ', description: '  Saya menunggu\n\ttiga jam.\r\n  ', location: ' Loket   2 ',
      eventDate: ' 2026-11-27 ', name: ' Budi   Santoso ', contact: ' 0812 ', channel: 'phone', laporRef: 'LPR-1', receivedOn: '2026-11-01',
    }), {
      category: 'pelayanan', classification: 'pengaduan', subject: 'Antrean lama', description: 'Saya menunggu\n\ttiga jam.', location: 'Loket 2',
      eventDate: '2026-11-27', complainantName: 'Budi Santoso', complainantContact: '0812', channel: 'web', laporRef: null, receivedOn: '2026-11-28',
    });
    assert.deepEqual(ok(base), {
      category: 'pelayanan', classification: 'pengaduan', subject: 'Antrean lama', description: 'Saya menunggu tiga jam.', location: null,
      eventDate: null, complainantName: null, complainantContact: null, channel: 'web', laporRef: null, receivedOn: '2026-11-28',
    });
    const blank = ok({ ...base, location: '   ', eventDate: ' ', name: ' \t ', contact: '\n' });
    assert.deepEqual([blank.location, blank.eventDate, blank.complainantName, blank.complainantContact], [null, null, null, null]);
  });
  test('every category and classification; unknown ones refused', () => {
    for (const category of ['informasi', 'pelayanan', 'perizinan', 'sarana', 'perilaku', 'pungli', 'lainnya']) assert.equal(ok({ ...base, category }).category, category);
    for (const classification of ['pengaduan', 'aspirasi', 'informasi']) assert.equal(ok({ ...base, classification }).classification, classification);
    assert.equal(ok({ ...base, classification: ' aspirasi ' }).classification, 'aspirasi');
    assert.equal(ok({ ...base, classification: '' }).classification, 'pengaduan');
    for (const category of ['', 'Pelayanan', 'x']) assert.deepEqual(bad({ ...base, category }), { category: 'complaints.err.category' }, category);
    assert.deepEqual(bad({ subject: 'S', description: 'Sepuluh ch.' }), { category: 'complaints.err.category' });
    assert.deepEqual(bad({ ...base, classification: 'keluhan' }), { classification: 'complaints.err.classification' });
  });
  test('length limits: the maximum accepted, one more refused, per field', () => {
    const a = (n: number) => 'a'.repeat(n);
    assert.equal(ok({ ...base, subject: a(200) }).subject, a(200));
    assert.deepEqual(bad({ ...base, subject: a(201) }), { subject: 'complaints.err.too_long' });
    assert.equal(ok({ ...base, subject: `${a(100)}  \t ${a(99)}` }).subject, `${a(100)} ${a(99)}`); // counted after collapsing spaces
    assert.deepEqual(bad({ ...base, subject: '' }), { subject: 'complaints.err.subject' });
    assert.deepEqual(bad({ ...base, subject: ' \t\n ' }), { subject: 'complaints.err.subject' });
    assert.equal(ok({ ...base, description: a(10) }).description, a(10));
    assert.deepEqual(bad({ ...base, description: a(9) }), { description: 'complaints.err.description' });
    assert.deepEqual(bad({ ...base, description: `   ${a(9)}   ` }), { description: 'complaints.err.description' });
    assert.deepEqual(bad({ ...base, description: `${a(9)}\u202e` }), { description: 'complaints.err.description' }); // counted after stripping
    assert.deepEqual(bad({ ...base, description: '' }), { description: 'complaints.err.description' });
    assert.equal(ok({ ...base, description: a(5000) }).description, a(5000));
    assert.deepEqual(bad({ ...base, description: a(5001) }), { description: 'complaints.err.too_long' });
    assert.equal(ok({ ...base, location: a(300) }).location, a(300));
    assert.deepEqual(bad({ ...base, location: a(301) }), { location: 'complaints.err.too_long' });
    assert.equal(ok({ ...base, name: a(150) }).complainantName, a(150));
    assert.deepEqual(bad({ ...base, name: a(151) }), { name: 'complaints.err.too_long' });
    assert.equal(ok({ ...base, contact: a(150) }).complainantContact, a(150));
    assert.deepEqual(bad({ ...base, contact: a(151) }), { contact: 'complaints.err.too_long' });
  });
  test('anonymous ("1" only) drops name and contact, and their limits with them', () => {
    const long = 'a'.repeat(151);
    const anon = ok({ ...base, name: long, contact: long, anonymous: '1' });
    assert.deepEqual([anon.complainantName, anon.complainantContact], [null, null]);
    for (const anonymous of ['0', 'true', '', ' 1']) {
      const v = ok({ ...base, name: 'Budi', contact: '0812', anonymous });
      assert.deepEqual([v.complainantName, v.complainantContact], ['Budi', '0812'], anonymous);
    }
  });
  test('event date: today and 2000-01-01 accepted; future, before 2000 and non-dates refused', () => {
    const cases: [string, string | null][] = [
      ['2026-11-28', null], ['2000-01-01', null], ['2026-11-29', 'complaints.err.future'], ['2027-01-01', 'complaints.err.future'],
      ['1999-12-31', 'complaints.err.date'], ['2026-02-30', 'complaints.err.date'], ['28-11-2026', 'complaints.err.date'], ['kemarin', 'complaints.err.date'],
    ];
    for (const [eventDate, code] of cases) {
      if (code) assert.deepEqual(bad({ ...base, eventDate }), { eventDate: code }, eventDate);
      else assert.equal(ok({ ...base, eventDate }).eventDate, eventDate);
    }
  });
  test('bidi controls are removed; tabs, newlines and other characters kept', () => {
    for (const ch of ['\u202a', '\u202c', '\u202e', '\u2066', '\u2067', '\u2069']) {
      assert.equal(ok({ ...base, description: `abcde${ch}fghij` }).description, 'abcdefghij', `U+${ch.charCodeAt(0).toString(16)}`);
    }
    for (const ch of ['\t', '\n', '\r', ' ', '~', '\u0080', '\u2029', '\u202f', '\u2065', '\u206a', 'é']) {
      assert.equal(ok({ ...base, description: `abcde${ch}fghij` }).description, `abcde${ch}fghij`, `U+${ch.charCodeAt(0).toString(16)}`);
    }
    assert.equal(ok({ ...base, category: '\u202epelayanan\u2069' }).category, 'pelayanan');
    assert.equal(ok({ ...base, description: ' \t Sepuluh huruf', subject: '\u2066 Judul ' }).description, 'Sepuluh huruf');
    assert.equal(ok({ ...base, description: 'Sepuluh huruf \n ' }).description, 'Sepuluh huruf');
    assert.equal(ok({ ...base, subject: '\u2066 Judul  baru ' }).subject, 'Judul baru');
  });
  test('every bad field reported at once', () => {
    const long = 'a'.repeat(400);
    assert.deepEqual(bad({ category: 'x', classification: 'y', subject: '', description: 'short', location: long, eventDate: 'bad', name: long, contact: long }), {
      category: 'complaints.err.category', classification: 'complaints.err.classification', subject: 'complaints.err.subject',
      description: 'complaints.err.description', location: 'complaints.err.too_long', eventDate: 'complaints.err.date',
      name: 'complaints.err.too_long', contact: 'complaints.err.too_long',
    });
  });

  test('staff entry: every staff channel, the LAPOR! reference, the receipt date', () => {
    for (const channel of ['counter', 'phone', 'letter', 'email', 'social']) {
      const v = ok({ ...base, channel }, true);
      assert.deepEqual([v.channel, v.laporRef, v.receivedOn], [channel, null, today], channel);
    }
    assert.deepEqual(ok({ ...base, channel: ' lapor ', laporRef: ' lpr-2026/0012 ', receivedOn: ' 2026-11-20 ' }, true), {
      category: 'pelayanan', classification: 'pengaduan', subject: 'Antrean lama', description: 'Saya menunggu tiga jam.', location: null,
      eventDate: null, complainantName: null, complainantContact: null, channel: 'lapor', laporRef: 'LPR-2026/0012', receivedOn: '2026-11-20',
    });
    assert.equal(ok({ ...base, channel: 'phone', laporRef: 'A.1' }, true).laporRef, 'A.1');
    assert.equal(ok({ ...base, channel: 'phone', laporRef: '   ' }, true).laporRef, null);
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ channel: 'web' }, { channel: 'complaints.err.channel' }],
      [{ channel: '' }, { channel: 'complaints.err.channel' }],
      [{ channel: 'fax' }, { channel: 'complaints.err.channel' }],
      [{ channel: 'lapor' }, { laporRef: 'complaints.err.lapor_ref_required' }],
      [{ channel: 'lapor', laporRef: '  ' }, { laporRef: 'complaints.err.lapor_ref_required' }],
      [{ channel: 'lapor', laporRef: '<x>' }, { laporRef: 'complaints.err.lapor_ref' }],
      [{ channel: 'phone', laporRef: '-12' }, { laporRef: 'complaints.err.lapor_ref' }],
      [{ channel: 'phone', receivedOn: '2026-11-29' }, { receivedOn: 'complaints.err.future' }],
      [{ channel: 'phone', receivedOn: '1999-12-31' }, { receivedOn: 'complaints.err.date' }],
      [{ channel: 'phone', receivedOn: '2026-02-30' }, { receivedOn: 'complaints.err.date' }],
      [{ channel: 'phone', receivedOn: 'kemarin' }, { receivedOn: 'complaints.err.date' }],
      // the event cannot come after the receipt
      [{ channel: 'phone', receivedOn: '2026-11-20', eventDate: '2026-11-21' }, { eventDate: 'complaints.err.event_after_receipt' }],
      [{ channel: 'phone', eventDate: '2026-11-29' }, { eventDate: 'complaints.err.future' }], // the first error stays
      [{ channel: 'phone', receivedOn: '2026-11-20', eventDate: '2026-02-30' }, { eventDate: 'complaints.err.date' }],
      [{ channel: 'phone', receivedOn: '2026-02-30', eventDate: '2026-03-01' }, { receivedOn: 'complaints.err.date' }], // no date to compare with
      [{ channel: 'phone', receivedOn: '1999-12-31', eventDate: '2026-03-01' }, { receivedOn: 'complaints.err.date', eventDate: 'complaints.err.event_after_receipt' }],
      [{ channel: 'web', laporRef: '?', receivedOn: '2027-01-01' }, { channel: 'complaints.err.channel', laporRef: 'complaints.err.lapor_ref', receivedOn: 'complaints.err.future' }],
    ];
    for (const [input, errs] of cases) assert.deepEqual(bad({ ...base, ...input }, true), errs, JSON.stringify(input));
    const edges: [Record<string, string>, string, string | null][] = [
      [{ receivedOn: '2000-01-01' }, '2000-01-01', null],
      [{ receivedOn: today }, today, null],
      [{ receivedOn: '' }, today, null],
      [{ receivedOn: '2026-11-20', eventDate: '2026-11-20' }, '2026-11-20', '2026-11-20'],
      [{ receivedOn: '2026-11-20', eventDate: '2026-11-19' }, '2026-11-20', '2026-11-19'],
    ];
    for (const [input, receivedOn, eventDate] of edges) {
      const v = ok({ ...base, channel: 'phone', ...input }, true);
      assert.deepEqual([v.receivedOn, v.eventDate], [receivedOn, eventDate], JSON.stringify(input));
    }
  });
  test('C0 controls and DEL are stripped from a LAPOR! reference and a satisfaction score; tab and line breaks are spaces', () => {
    for (const ch of ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u000e', '\u0010', '\u001f', '\u007f', '\u202a', '\u202e', '\u2066', '\u2069']) {
      assert.equal(parseLaporRef(`LPR${ch}12`), 'LPR12', `U+${ch.charCodeAt(0).toString(16)}`);
      assert.equal(parseSatisfaction(`${ch}4`), 4, `U+${ch.charCodeAt(0).toString(16)}`);
    }
    for (const ch of ['\t', '\n', '\r', '\u0020']) assert.equal(parseLaporRef(`LPR${ch}12`), null, `U+${ch.charCodeAt(0).toString(16)}`); // a space inside
    for (const ch of ['\u2029', '\u202f', '\u2065', '\u206a', '\u0080', '\u0009']) assert.equal(parseLaporRef(`LPR${ch}12`), null, `U+${ch.charCodeAt(0).toString(16)}`);
  });
  test('LAPOR! reference numbers', () => {
    const cases: [unknown, string | null][] = [
      ['1234567', '1234567'], ['a', 'A'], ['7', '7'], [' lpr-2026/0012 ', 'LPR-2026/0012'], ['A.B/C-D', 'A.B/C-D'], ['1.', '1.'], ['1/', '1/'], ['1-', '1-'],
      ['Z'.repeat(60), 'Z'.repeat(60)], ['Z'.repeat(61), null],
      ['', null], ['   ', null], [null, null], [undefined, null], ['-1', null], ['.1', null], ['/1', null], ['LPR 2026', null], ['LPR_2026', null], ['12#', null], ['<script>', null],
    ];
    for (const [raw, want] of cases) assert.equal(parseLaporRef(raw), want, String(raw));
  });
  test('texts: required, at most 5000 characters, cleaned', () => {
    assert.equal(parseText('  Balasan\nbaris dua\u202e  ', 'reply'), 'Balasan\nbaris dua');
    assert.equal(parseText(42, 'reply'), '42');
    assert.equal(parseText('a'.repeat(5000), 'reply'), 'a'.repeat(5000));
    assert.equal(parseText('x', 'reply'), 'x');
    const thrown = (f: () => unknown) => { try { f(); } catch (e) { assert.ok(e instanceof DomainError); return [e.kind, e.code, e.fieldErrors]; } return null; };
    const cases: [unknown, string | undefined, unknown[]][] = [
      ['', undefined, ['validation', 'complaints.err.text', { reply: 'complaints.err.text' }]],
      [' \n\t ', undefined, ['validation', 'complaints.err.text', { reply: 'complaints.err.text' }]],
      [null, undefined, ['validation', 'complaints.err.text', { reply: 'complaints.err.text' }]],
      ['\u202e', 'complaints.err.reason', ['validation', 'complaints.err.reason', { reply: 'complaints.err.reason' }]],
      ['a'.repeat(5001), undefined, ['validation', 'complaints.err.too_long', { reply: 'complaints.err.too_long' }]],
      ['a'.repeat(5001), 'complaints.err.reason', ['validation', 'complaints.err.too_long', { reply: 'complaints.err.too_long' }]],
    ];
    for (const [raw, code, want] of cases) assert.deepEqual(thrown(() => parseText(raw, 'reply', code)), want, `${String(raw).slice(0, 5)} ${code}`);
  });
  test('satisfaction 1…5 only', () => {
    const good: [unknown, number][] = [['1', 1], ['2', 2], ['3', 3], ['4', 4], ['5', 5], [' 3 ', 3], [5, 5]];
    for (const [raw, n] of good) assert.equal(parseSatisfaction(raw), n, String(raw));
    for (const raw of ['0', '6', '', '13', '31', '3a', 'a3', '3.0', '-1', 'x', null]) {
      assert.throws(() => parseSatisfaction(raw), (e: unknown) => e instanceof DomainError && e.kind === 'validation' && e.code === 'complaints.err.satisfaction'
        && JSON.stringify(e.fieldErrors) === '{"satisfaction":"complaints.err.satisfaction"}', String(raw));
    }
  });
});

describe('periods at their edges', () => {
  test('years 2000…2100', () => {
    const cases: [unknown, ReturnType<typeof parsePeriod>][] = [
      ['2000', { code: '2000', kind: 'year', year: 2000, from: '2000-01-01', to: '2000-12-31' }],
      ['2100', { code: '2100', kind: 'year', year: 2100, from: '2100-01-01', to: '2100-12-31' }],
      [' 2026', { code: '2026', kind: 'year', year: 2026, from: '2026-01-01', to: '2026-12-31' }],
      ['2026 ', { code: '2026', kind: 'year', year: 2026, from: '2026-01-01', to: '2026-12-31' }],
      ['1999', null], ['2101', null], ['202', null], ['20266', null], ['x2026', null], ['2026x', null], ['', null], [null, null], [undefined, null],
    ];
    for (const [raw, want] of cases) assert.deepEqual(parsePeriod(raw as string), want, String(raw));
  });
  test('quarters', () => {
    const cases: [string, ReturnType<typeof parsePeriod>][] = [
      ['2026-Q1', { code: '2026-Q1', kind: 'quarter', year: 2026, from: '2026-01-01', to: '2026-03-31' }],
      ['2026-q2', { code: '2026-Q2', kind: 'quarter', year: 2026, from: '2026-04-01', to: '2026-06-30' }],
      [' 2026-Q3 ', { code: '2026-Q3', kind: 'quarter', year: 2026, from: '2026-07-01', to: '2026-09-30' }],
      ['2026-Q4', { code: '2026-Q4', kind: 'quarter', year: 2026, from: '2026-10-01', to: '2026-12-31' }],
      ['2000-Q1', { code: '2000-Q1', kind: 'quarter', year: 2000, from: '2000-01-01', to: '2000-03-31' }],
      ['2100-Q4', { code: '2100-Q4', kind: 'quarter', year: 2100, from: '2100-10-01', to: '2100-12-31' }],
      ['1999-Q4', null], ['2101-Q1', null], ['2026-Q0', null], ['2026-Q5', null], ['2026-Q12', null], ['2026Q1', null], ['x2026-Q1', null], ['2026-Q1x', null],
    ];
    for (const [raw, want] of cases) assert.deepEqual(parsePeriod(raw), want, raw);
  });
  test('months, with their last days (leap years included)', () => {
    const last: [string, string][] = [
      ['01', '31'], ['02', '28'], ['03', '31'], ['04', '30'], ['05', '31'], ['06', '30'], ['07', '31'], ['08', '31'], ['09', '30'], ['10', '31'], ['11', '30'], ['12', '31'],
    ];
    for (const [mo, day] of last) {
      assert.deepEqual(parsePeriod(`2026-${mo}`), { code: `2026-${mo}`, kind: 'month', year: 2026, from: `2026-${mo}-01`, to: `2026-${mo}-${day}` }, mo);
    }
    const cases: [string, string | null][] = [
      ['2024-02', '2024-02-29'], ['2000-02', '2000-02-29'], ['2100-02', '2100-02-28'], ['2000-01', '2000-01-31'], ['2100-12', '2100-12-31'],
      ['2026-00', null], ['2026-13', null], ['1999-12', null], ['2101-01', null], ['2026-1', null], ['2026-001', null], ['x2026-01', null], ['2026-01x', null],
    ];
    for (const [raw, to] of cases) assert.equal(parsePeriod(raw)?.to ?? null, to, raw);
  });
  test('every period of a year', () => {
    const ps = periodsOfYear(2026);
    assert.deepEqual(ps.map((p) => p.code), [
      '2026', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4',
      '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12',
    ]);
    assert.deepEqual(ps[0], { code: '2026', kind: 'year', year: 2026, from: '2026-01-01', to: '2026-12-31' });
    assert.deepEqual(ps[16], { code: '2026-12', kind: 'month', year: 2026, from: '2026-12-01', to: '2026-12-31' });
  });
});

describe('medians and statistics, worked out by hand', () => {
  test('median', () => {
    const cases: [number[], number | null][] = [
      [[], null], [[5], 5], [[3, 1], 2], [[3, 1, 2], 2], [[4, 1, 3, 2], 2.5], [[10, 9, 1], 9], [[1, 10, 2, 9], 5.5], [[0, 0, 7], 0], [[2, 2], 2], [[7, 3, 5, 1, 9], 5],
    ];
    for (const [xs, want] of cases) assert.equal(median(xs), want, xs.join());
    const xs = [3, 1, 2];
    median(xs);
    assert.deepEqual(xs, [3, 1, 2], 'the input is not sorted in place');
  });
  test('A.II.5.ii counts: open ones in process, closed ones completed, rejected and referred ones left out', () => {
    const cases: [string[], { toFollowUp: number; inProcess: number; completed: number }][] = [
      [['received'], { toFollowUp: 1, inProcess: 1, completed: 0 }],
      [['in_process'], { toFollowUp: 1, inProcess: 1, completed: 0 }],
      [['closed'], { toFollowUp: 1, inProcess: 0, completed: 1 }],
      [['rejected'], { toFollowUp: 0, inProcess: 0, completed: 0 }],
      [['not_authority'], { toFollowUp: 0, inProcess: 0, completed: 0 }],
      [['received', 'in_process', 'closed', 'closed', 'closed', 'rejected', 'not_authority'], { toFollowUp: 5, inProcess: 2, completed: 3 }],
    ];
    for (const [states, want] of cases) assert.deepEqual(lkeCounts(states.map((state) => ({ state }))), want, states.join());
  });
  const r = (state: string, category: string, channel: string, receivedOn: string, slaDays: number, firstResponseOn: string | null, closedOn: string | null, satisfaction: number | null = null): StatRow =>
    ({ state, category, channel, receivedOn, slaDays, firstResponseOn, closedOn, satisfaction });
  test('a period of seven complaints on the hand-made calendar', () => {
    const rows = [
      r('closed', 'pelayanan', 'web', '2026-03-16', 5, '2026-03-17', '2026-03-24', 5), // response 1, closure 5, met (deadline 24th)
      r('closed', 'informasi', 'phone', '2026-03-16', 2, '2026-03-20', '2026-03-20', 4), // response 3, closure 3, late (deadline 18th)
      r('rejected', 'pungli', 'web', '2026-03-02', 60, null, '2026-03-03'), // closure 1, met
      r('not_authority', 'sarana', 'lapor', '2026-03-02', 5, '2026-03-02', null), // response 0; no closing day: not counted as finished
      r('in_process', 'pelayanan', 'web', '2026-03-02', 5, '2026-03-04', null), // response 2; deadline 9th: overdue
      r('received', 'perilaku', 'web', '2026-03-23', 14, null, null), // open, in time
      r('closed', 'lainnya', 'counter', '2026-03-02', 14, '2026-03-03', null, 4), // response 1; no closing day
    ];
    assert.deepEqual(statsOf(rows, '2026-03-25', off19), {
      total: 7,
      byCategory: { pelayanan: 2, informasi: 1, pungli: 1, sarana: 1, perilaku: 1, lainnya: 1 },
      byChannel: { web: 4, phone: 1, lapor: 1, counter: 1 },
      byState: { closed: 3, rejected: 1, not_authority: 1, in_process: 1, received: 1 },
      medianFirstResponse: 1, // 0 1 1 2 3
      medianClosure: 3, // 1 3 5
      finished: 3,
      slaMet: 2,
      slaMetPct: 66.7,
      overdue: 1,
      satisfaction: { n: 3, mean: 4.3 }, // 13 / 3
      lke: { toFollowUp: 5, inProcess: 2, completed: 3 },
    });
  });
  test('nothing received: zeros and nulls', () => {
    assert.deepEqual(statsOf([], '2026-03-25', off19), {
      total: 0, byCategory: {}, byChannel: {}, byState: {}, medianFirstResponse: null, medianClosure: null, finished: 0, slaMet: 0,
      slaMetPct: null, overdue: 0, satisfaction: { n: 0, mean: null }, lke: { toFollowUp: 0, inProcess: 0, completed: 0 },
    });
  });
  test('percentages and means rounded to one decimal', () => {
    const met = r('closed', 'pelayanan', 'web', '2026-03-16', 5, null, '2026-03-24', 1);
    const late = r('closed', 'pelayanan', 'web', '2026-03-16', 5, null, '2026-03-25', 2);
    const s = statsOf([met, late, late, late, late, late], '2026-03-25', off19);
    assert.deepEqual([s.slaMet, s.slaMetPct, s.satisfaction, s.medianFirstResponse, s.medianClosure], [1, 16.7, { n: 6, mean: 1.8 }, null, 6]); // 1/6; 11/6
    const all = statsOf([met, met], '2026-03-25', off19);
    assert.deepEqual([all.slaMetPct, all.satisfaction.mean, all.overdue], [100, 1, 0]);
    const none = statsOf([late, late, met], '2026-03-25', off19);
    assert.deepEqual([none.slaMetPct, none.satisfaction.mean], [33.3, 1.7]); // 1/3; 5/3
    const open = statsOf([r('in_process', 'pelayanan', 'web', '2026-03-16', 5, '2026-03-16', null), r('received', 'pelayanan', 'web', '2026-03-16', 5, null, null)], '2026-03-24', off19);
    assert.deepEqual([open.finished, open.slaMetPct, open.overdue, open.medianFirstResponse], [0, null, 0, 0]);
    assert.equal(statsOf([r('received', 'pelayanan', 'web', '2026-03-16', 5, null, null)], '2026-03-25', off19).overdue, 1);
  });
});
