import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../../kernel/errors.ts';
import { addDays, canMove, FINAL_STATES, parseMessage, parseReport, purgeAfterOf, STATES, TRANSITIONS, WBS_RULES } from './wbs.rules.ts';

test('transitions follow the spec and final states lead nowhere', () => {
  const cases: [string, string, boolean][] = [
    ['received', 'verified', true], ['received', 'rejected', true], ['received', 'closed', false],
    ['verified', 'investigating', true], ['investigating', 'proven', true], ['proven', 'closed', true],
    ['closed', 'received', false], ['rejected', 'verified', false], ['nonsense', 'closed', false],
  ];
  for (const [a, b, ok] of cases) assert.equal(canMove(a, b), ok, `${a} → ${b}`);
  for (const s of FINAL_STATES) assert.equal(TRANSITIONS[s].length, 0);
  for (const s of STATES) for (const n of TRANSITIONS[s]) assert.ok(STATES.includes(n));
});

test('the report form: required parts, limits, optional identity', () => {
  const ok = parseReport({ what: ' pungli ', who: 'Kabid X', when: '', where: '', name: '', contact: '' });
  assert.equal(ok.what, 'pungli');
  assert.equal(ok.identity, null);
  assert.deepEqual(parseReport({ what: 'a', who: 'b', name: 'Budi' }).identity, { name: 'Budi', contact: '' });
  assert.throws(() => parseReport({ what: '', who: '' }), (e: unknown) => e instanceof DomainError && e.fieldErrors.what === 'wbs.error.what_required' && e.fieldErrors.who === 'wbs.error.who_required');
  assert.throws(() => parseReport({ what: 'x'.repeat(10_001), who: 'b' }), DomainError);
  assert.throws(() => parseReport({ what: 'a', who: 'b', unit: '../../etc' }), DomainError);
  assert.equal(addDays('2026-12-30', 3), '2027-01-02');
});

// The whole transition table (spec §8.2), every pair: a state table that gains or loses one move fails here.
const ALLOWED: Record<string, string[]> = {
  received: ['verified', 'rejected'],
  verified: ['investigating', 'forwarded', 'rejected'],
  investigating: ['proven', 'not_proven', 'forwarded'],
  forwarded: ['closed'],
  proven: ['closed'],
  not_proven: ['closed'],
  rejected: [],
  closed: [],
};

test('the whole WBS state table: every state × every state', () => {
  assert.deepEqual([...STATES].sort(), Object.keys(ALLOWED).sort());
  for (const from of STATES) {
    for (const to of STATES) assert.equal(canMove(from, to), ALLOWED[from]!.includes(to), `${from} → ${to}`);
    assert.equal(canMove(from, 'nonsense'), false);
    assert.equal(canMove('nonsense', from), false);
  }
  assert.deepEqual([...FINAL_STATES].sort(), ['closed', 'rejected']);
});

test('retention: the content goes exactly retentionDaysAfterClosure days after closing (1 825 by default)', () => {
  assert.equal(WBS_RULES.retentionDaysAfterClosure, 1825);
  const cases: [string, number, string][] = [
    ['2026-12-07', 1825, '2031-12-06'], // across the leap day of 2028
    ['2026-01-01', 1825, '2030-12-31'],
    ['2028-02-29', 1825, '2033-02-27'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', 0, '2026-03-01'],
  ];
  for (const [closed, days, purge] of cases) assert.equal(purgeAfterOf(closed, { retentionDaysAfterClosure: days }), purge, `${closed} + ${days}`);
  assert.equal(purgeAfterOf('2026-12-07'), '2031-12-06');
});

test('control characters and invalid UTF-8 in a report or a message are a field error', () => {
  const fieldOf = (f: () => unknown) => { try { f(); return null; } catch (e) { return e instanceof DomainError ? e.fieldErrors : null; } };
  assert.deepEqual(fieldOf(() => parseReport({ what: 'pungli\u0000', who: 'Kabid X' })), { what: 'error.text.control' });
  assert.deepEqual(fieldOf(() => parseReport({ what: 'pungli', who: 'Kabid \ufffd' })), { who: 'error.text.encoding' });
  assert.deepEqual(fieldOf(() => parseReport({ what: 'a', who: 'b', contact: '08\u001b12' })), { contact: 'error.text.control' });
  assert.deepEqual(fieldOf(() => parseMessage('terima kasih\u0007')), { body: 'error.text.control' });
  assert.equal(parseMessage('baris satu\nbaris dua\tdengan tab'), 'baris satu\nbaris dua\tdengan tab');
});

// ---- every limit at its edge, every error code exactly -------------------------------------------

/** The error a call throws, as kind, code and field errors; null when it returns. */
const failureOf = (f: () => unknown): { kind: string; code: string; fields: Record<string, string> } | null => {
  try { f(); return null; } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { kind: e.kind, code: e.code, fields: e.fieldErrors };
  }
};

test('the rule data: retention, throttles, attachments and evaluation as wbs-rules.json sets them', () => {
  assert.equal(WBS_RULES.id, 'wbs-rules-2026');
  assert.equal(WBS_RULES.retentionDaysAfterClosure, 1825); // five years, decision 0010
  assert.equal(WBS_RULES.receipt.maxFailuresPerClientPerDay, 20);
  const { submitPerClientPerDay, repliesPerClientPerDay, attachmentBytesPerClientPerDay, attachmentBytesPerDay } = WBS_RULES.public;
  assert.deepEqual([submitPerClientPerDay, repliesPerClientPerDay, attachmentBytesPerClientPerDay, attachmentBytesPerDay], [10, 30, 31_457_280, 524_288_000]);
  assert.equal(WBS_RULES.public.attachmentBytesPerClientPerDay, 30 * 1024 * 1024); // "30 MB per client"
  assert.equal(WBS_RULES.public.attachmentBytesPerDay, 500 * 1024 * 1024); // "500 MB for the whole regency"
  assert.equal(WBS_RULES.attachments.maxFiles, 3);
  assert.equal(WBS_RULES.evaluation.periodicAtLeastPerYear, 2);
});

test('the report form: every field at its limit is accepted, one character more is wbs.error.too_long on that field only', () => {
  const limits: [string, number][] = [['what', 10_000], ['who', 2_000], ['when', 200], ['where', 500], ['name', 200], ['contact', 200]];
  for (const [field, max] of limits) {
    const atMax = { what: 'a', who: 'b', [field]: 'x'.repeat(max) };
    const r = parseReport(atMax);
    assert.equal((field === 'name' || field === 'contact' ? r.identity![field] : r[field as 'what']).length, max, `${field} at ${max}`);
    assert.deepEqual(failureOf(() => parseReport({ what: 'a', who: 'b', [field]: 'x'.repeat(max + 1) })),
      { kind: 'validation', code: 'wbs.error.form', fields: { [field]: 'wbs.error.too_long' } }, `${field} at ${max + 1}`);
  }
  // the length is counted after trimming: spaces around a value at the limit do not count
  assert.equal(parseReport({ what: `  ${'x'.repeat(10_000)}  `, who: 'b' }).what.length, 10_000);
  // too long wins over a control character in the same field
  assert.deepEqual(failureOf(() => parseReport({ what: 'a', who: 'b', when: `\u0001${'x'.repeat(200)}` }))?.fields, { when: 'wbs.error.too_long' });
});

test('the report form: required parts, the error kind and code, every field error at once', () => {
  assert.deepEqual(failureOf(() => parseReport({})), { kind: 'validation', code: 'wbs.error.form', fields: { what: 'wbs.error.what_required', who: 'wbs.error.who_required' } });
  assert.deepEqual(failureOf(() => parseReport({ what: ' \r\n ', who: 'b' })), { kind: 'validation', code: 'wbs.error.form', fields: { what: 'wbs.error.what_required' } });
  assert.deepEqual(failureOf(() => parseReport({ what: 'a', who: '\t' })), { kind: 'validation', code: 'wbs.error.form', fields: { who: 'wbs.error.who_required' } });
  assert.deepEqual(failureOf(() => parseReport({ what: 'a'.repeat(10_001), who: '', name: 'n'.repeat(201), unit: 'x' }))?.fields,
    { what: 'wbs.error.too_long', who: 'wbs.error.who_required', name: 'wbs.error.too_long', unit: 'wbs.error.unit_unknown' });
  // a value that is not a string counts as empty
  assert.deepEqual(failureOf(() => parseReport({ what: 42, who: ['b'] } as unknown as Record<string, string>))?.fields, { what: 'wbs.error.what_required', who: 'wbs.error.who_required' });
});

test('the report form: Windows line ends become \\n, the rest is kept as typed', () => {
  const r = parseReport({ what: 'baris satu\r\nbaris dua\r\n', who: 'Kabid\r\nX', when: 'Senin\r\npagi', where: 'Lantai 2', name: '', contact: '' });
  assert.deepEqual(r, { unitId: null, what: 'baris satu\nbaris dua', who: 'Kabid\nX', when: 'Senin\npagi', where: 'Lantai 2', identity: null });
  // CRLF counts as one character toward the limit
  assert.equal(parseReport({ what: 'a', who: 'b', when: `${'x'.repeat(99)}\r\n${'y'.repeat(100)}` }).when.length, 200);
});

test('the report form: the identity is there when a name or a contact is', () => {
  const cases: [Record<string, string>, { name: string; contact: string } | null][] = [
    [{}, null],
    [{ name: '   ', contact: '  ' }, null],
    [{ name: 'Budi' }, { name: 'Budi', contact: '' }],
    [{ contact: '0812' }, { name: '', contact: '0812' }],
    [{ name: ' Budi ', contact: ' 0812 ' }, { name: 'Budi', contact: '0812' }],
  ];
  for (const [extra, identity] of cases) assert.deepEqual(parseReport({ what: 'a', who: 'b', ...extra }).identity, identity, JSON.stringify(extra));
});

test('the report form: the unit is a UUID (any case) or nothing', () => {
  const uuid = '0f8b2c3d-4e5f-4a6b-9c7d-1e2f3a4b5c6d';
  const accepted: [string, string | null][] = [
    ['', null], ['  ', null], [uuid, uuid], [` ${uuid} `, uuid], [uuid.toUpperCase(), uuid.toUpperCase()],
    ['00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000000'], ['ffffffff-ffff-ffff-ffff-ffffffffffff', 'ffffffff-ffff-ffff-ffff-ffffffffffff'],
  ];
  for (const [unit, unitId] of accepted) assert.equal(parseReport({ what: 'a', who: 'b', unit }).unitId, unitId, unit);
  const refused = [
    `x${uuid}`, `${uuid}x`, `${uuid}0`, `0${uuid}`, 'x', '../../etc',
    '0f8b2c3-4e5f-4a6b-9c7d-1e2f3a4b5c6d', '0f8b2c3d-4e5-4a6b-9c7d-1e2f3a4b5c6d', '0f8b2c3d-4e5f-4a6-9c7d-1e2f3a4b5c6d',
    '0f8b2c3d-4e5f-4a6b-9c7-1e2f3a4b5c6d', '0f8b2c3d-4e5f-4a6b-9c7d-1e2f3a4b5c6',
    'gf8b2c3d-4e5f-4a6b-9c7d-1e2f3a4b5c6d', '0f8b2c3d-ge5f-4a6b-9c7d-1e2f3a4b5c6d', '0f8b2c3d-4e5f-ga6b-9c7d-1e2f3a4b5c6d',
    '0f8b2c3d-4e5f-4a6b-gc7d-1e2f3a4b5c6d', '0f8b2c3d-4e5f-4a6b-9c7d-ge2f3a4b5c6d', '0f8b2c3d4e5f4a6b9c7d1e2f3a4b5c6d',
  ];
  for (const unit of refused) assert.deepEqual(failureOf(() => parseReport({ what: 'a', who: 'b', unit })), { kind: 'validation', code: 'wbs.error.form', fields: { unit: 'wbs.error.unit_unknown' } }, unit);
});

test('a message: required, at most 5 000 characters, clean text, CRLF normalised', () => {
  assert.equal(parseMessage('x'.repeat(5_000)).length, 5_000);
  assert.equal(parseMessage(`  ${'x'.repeat(5_000)}\r\n`).length, 5_000);
  assert.equal(parseMessage('satu\r\ndua'), 'satu\ndua');
  const cases: [unknown, { kind: string; code: string; fields: Record<string, string> }][] = [
    ['', { kind: 'validation', code: 'wbs.error.message_required', fields: { body: 'wbs.error.message_required' } }],
    [' \r\n\t ', { kind: 'validation', code: 'wbs.error.message_required', fields: { body: 'wbs.error.message_required' } }],
    [undefined, { kind: 'validation', code: 'wbs.error.message_required', fields: { body: 'wbs.error.message_required' } }],
    [7, { kind: 'validation', code: 'wbs.error.message_required', fields: { body: 'wbs.error.message_required' } }],
    ['x'.repeat(5_001), { kind: 'validation', code: 'wbs.error.too_long', fields: { body: 'wbs.error.too_long' } }],
    [`\u0000${'x'.repeat(5_000)}`, { kind: 'validation', code: 'wbs.error.too_long', fields: { body: 'wbs.error.too_long' } }],
    ['halo\u0000', { kind: 'validation', code: 'error.text.control', fields: { body: 'error.text.control' } }],
    ['halo \ufffd', { kind: 'validation', code: 'error.text.encoding', fields: { body: 'error.text.encoding' } }],
  ];
  for (const [input, expected] of cases) assert.deepEqual(failureOf(() => parseMessage(input)), expected, JSON.stringify(input)?.slice(0, 20));
});

test('addDays: forward, backward, across months and leap days', () => {
  const cases: [string, number, string][] = [
    ['2026-12-30', 3, '2027-01-02'], ['2026-03-01', -1, '2026-02-28'], ['2028-02-28', 1, '2028-02-29'], ['2028-03-01', -1, '2028-02-29'], ['2026-06-15', 0, '2026-06-15'],
  ];
  for (const [day, n, expected] of cases) assert.equal(addDays(day, n), expected, `${day} + ${n}`);
});
