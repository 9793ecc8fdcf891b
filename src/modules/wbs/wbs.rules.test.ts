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
