import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../../kernel/errors.ts';
import { addDays, canMove, FINAL_STATES, parseReport, STATES, TRANSITIONS } from './wbs.rules.ts';

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
