// "What would it take" (whatWouldItTake) on a small synthetic rule set whose every answer state can
// be enumerated: exact plans for hand-worked cases, and for every state, threshold set and
// area-minimum mode the properties the planner promises — the changes close every gap they can,
// each is needed, each is the least step that still closes, survey indices sit at the least value
// of two decimals, and gain, closes, from, the order and the remaining criteria are what the
// scoring says. The real rule set's worked example is in lke.rules.test.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { syntheticRuleSet, tx } from './fixtures/synthetic-ruleset.ts';
import { getRuleSet } from './lke.ruleset.ts';
import { betterAnswers, evaluateCriteria, LETTERS_OF, resolveOptions, sameAnswer, scoreAnswers, valueOf, whatWouldItTake } from './lke.rules.ts';
import type { Answer, Answers, Predicate, RuleSet, RuleSetOptions, ThresholdCriterion } from './lke.types.ts';

const src = { tag: 'U' as const, ref: 'test' };

/**
 * Component A (10) = aspect A.I (5: area node A.I.1 of area 1, the pemenuhan half) + aspect A.II
 * (5: area node A.II.1 of area 1, the reform half); component B (10) = sub B.I with one survey
 * index. Items: A.I.1.a yes/no (2), A.I.1.b A–D (3: 1, 0.5, 0.25, 0), A.II.1.a percent (5),
 * B.I.a index 0–4 (10).
 */
export function planRs(thresholds: ThresholdCriterion[]): RuleSet {
  return syntheticRuleSet('plan', {
    optionValues: {
      official: { yn: { Ya: 1, Tidak: 0 }, abcd: { A: 1, B: 0.5, C: 0.25, D: 0 } },
      exact: { yn: { Ya: 1, Tidak: 0 }, abcd: { A: 1, B: 0.5, C: 0.25, D: 0 } },
    },
    nodes: [
      { code: 'A', kind: 'component', title: tx('A'), weight: 10, parent: null, area: null },
      { code: 'A.I', kind: 'aspect', title: tx('A.I'), weight: 5, parent: 'A', area: null },
      { code: 'A.I.1', kind: 'area', title: tx('A.I.1'), weight: 5, parent: 'A.I', area: 1 },
      { code: 'A.II', kind: 'aspect', title: tx('A.II'), weight: 5, parent: 'A', area: null },
      { code: 'A.II.1', kind: 'area', title: tx('A.II.1'), weight: 5, parent: 'A.II', area: 1 },
      { code: 'B', kind: 'component', title: tx('B'), weight: 10, parent: null, area: null },
      { code: 'B.I', kind: 'sub', title: tx('B.I'), weight: 10, parent: 'B', area: null },
    ],
    items: [
      { code: 'A.I.1.a', seq: 1, sub: 'A.I.1', area: 1, type: 'yn', question: tx('a'), options: [], weight: 2, evidence: [] },
      { code: 'A.I.1.b', seq: 2, sub: 'A.I.1', area: 1, type: 'abcd', question: tx('b'), options: [], weight: 3, evidence: [] },
      { code: 'A.II.1.a', seq: 3, sub: 'A.II.1', area: 1, type: 'percent', question: tx('c'), options: [], weight: 5, evidence: [] },
      { code: 'B.I.a', seq: 4, sub: 'B.I', area: null, type: 'index', question: tx('d'), options: [], weight: 10, evidence: [] },
    ],
    areas: [{ area: 1, title: { id: 'Satu', en: 'One' }, weight: 10 }],
    thresholds: { WBK: thresholds, WBBM: [] },
  });
}

export const total = (min: number): ThresholdCriterion => ({ id: 'total', kind: 'total', min, label: tx('total'), source: src });
export const nodeMin = (node: string, min: number, id = node): ThresholdCriterion => ({ id, kind: 'node', node, min, label: tx(id), source: src });
export const areaMin = (minPercent: number): ThresholdCriterion => ({ id: 'area', kind: 'areaPercent', minPercent, label: tx('area'), source: src });

const W: Predicate = 'WBK';
const opt = (mode: RuleSetOptions['areaMinimum']) => ({ areaMinimum: mode });
const failing = (rs: RuleSet, a: Answers, o: Partial<RuleSetOptions>, predicate: Predicate = W) => evaluateCriteria(rs, scoreAnswers(rs, a, o), predicate).filter((c) => !c.passed).map((c) => c.id);

describe('what would it take: hand-worked plans', () => {
  const cases: { name: string; th: ThresholdCriterion[]; answers: Answers; mode?: RuleSetOptions['areaMinimum']; max?: number; changes: { item: string; from: Answer | null; to: Answer; gain: number; closes: string[] }[]; remaining: string[] }[] = [
    {
      name: 'two points short of the total: the yes/no item (fewest steps among the exact closers, first in order)',
      th: [total(12)], answers: { 'B.I.a': { index: 4 } },
      changes: [{ item: 'A.I.1.a', from: null, to: { option: 'Ya' }, gain: 2, closes: ['total'] }], remaining: [],
    },
    {
      name: 'already answered Tidak: Ya is the only better answer',
      th: [total(12)], answers: { 'B.I.a': { index: 4 }, 'A.I.1.a': { option: 'Tidak' }, 'A.I.1.b': { option: 'D' }, 'A.II.1.a': { percent: 0 } },
      changes: [{ item: 'A.I.1.a', from: { option: 'Tidak' }, to: { option: 'Ya' }, gain: 2, closes: ['total'] }], remaining: [],
    },
    {
      name: 'one point short: the least percent that closes (25 % = 1.25 points, one step) before a two-step B',
      th: [total(13)], answers: { 'B.I.a': { index: 4 }, 'A.I.1.a': { option: 'Ya' }, 'A.I.1.b': { option: 'D' } },
      changes: [{ item: 'A.II.1.a', from: null, to: { percent: 25 }, gain: 1.25, closes: ['total'] }], remaining: [],
    },
    {
      name: 'a gap of 8: several changes, lowered and ordered by gain',
      th: [total(18)], answers: { 'B.I.a': { index: 4 }, 'A.I.1.a': { option: 'Tidak' }, 'A.I.1.b': { option: 'D' }, 'A.II.1.a': { percent: 0 } },
      changes: [
        { item: 'A.II.1.a', from: { percent: 0 }, to: { percent: 100 }, gain: 5, closes: [] },
        { item: 'A.I.1.b', from: { option: 'D' }, to: { option: 'A' }, gain: 3, closes: [] },
      ],
      remaining: [],
    },
    {
      name: 'the survey index: the least value of two decimals that meets its own minimum (6 of 10 points = 2.40)',
      th: [nodeMin('B.I.a', 6)], answers: { 'B.I.a': { index: 1 } },
      changes: [{ item: 'B.I.a', from: { index: 1 }, to: { index: 2.4 }, gain: 3.5, closes: ['B.I.a'] }], remaining: [],
    },
    {
      name: 'the index through its sub (B.I ≥ 7.33 → index 2.94, rounded up at the second decimal)',
      th: [nodeMin('B.I', 7.33)], answers: {},
      changes: [{ item: 'B.I.a', from: null, to: { index: 2.94 }, gain: 7.35, closes: ['B.I'] }], remaining: [],
    },
    {
      name: 'an index already above its minimum is left alone; 8.5 points from three enablers (100 % + A = 8 is not enough)',
      th: [nodeMin('B.I.a', 6), total(16)], answers: { 'B.I.a': { index: 3 }, 'A.I.1.a': { option: 'Tidak' } },
      changes: [
        { item: 'A.II.1.a', from: null, to: { percent: 70 }, gain: 3.5, closes: [] },
        { item: 'A.I.1.b', from: null, to: { option: 'A' }, gain: 3, closes: [] },
        { item: 'A.I.1.a', from: { option: 'Tidak' }, to: { option: 'Ya' }, gain: 2, closes: [] },
      ],
      remaining: [],
    },
    {
      name: 'a node of the enablers: A ≥ 6 from 1 point, the percent lowered to 80 % once Ya is in',
      th: [nodeMin('A', 6)], answers: { 'A.I.1.a': { option: 'Tidak' }, 'A.I.1.b': { option: 'D' }, 'A.II.1.a': { percent: 20 } },
      changes: [{ item: 'A.II.1.a', from: { percent: 20 }, to: { percent: 80 }, gain: 3, closes: [] }, { item: 'A.I.1.a', from: { option: 'Tidak' }, to: { option: 'Ya' }, gain: 2, closes: [] }],
      remaining: [],
    },
    {
      name: 'the area combined (area 1 ≥ 60 % of 10): one change of the reform half is enough',
      th: [areaMin(60)], mode: 'combined', answers: { 'A.I.1.a': { option: 'Ya' }, 'A.I.1.b': { option: 'D' }, 'A.II.1.a': { percent: 0 } },
      changes: [{ item: 'A.II.1.a', from: { percent: 0 }, to: { percent: 80 }, gain: 4, closes: ['area.1'] }], remaining: [],
    },
    {
      name: 'the area per half (each ≥ 60 % of 5): the pemenuhan half needs its own change',
      th: [areaMin(60)], mode: 'perHalf', answers: { 'A.I.1.a': { option: 'Ya' }, 'A.I.1.b': { option: 'D' }, 'A.II.1.a': { percent: 100 } },
      changes: [{ item: 'A.I.1.b', from: { option: 'D' }, to: { option: 'B' }, gain: 1.5, closes: ['area.1.pemenuhan'] }], remaining: [],
    },
    {
      name: 'both modes: the combined and the per-half checks at once',
      th: [areaMin(60)], mode: 'both', answers: { 'A.I.1.a': { option: 'Tidak' }, 'A.I.1.b': { option: 'D' }, 'A.II.1.a': { percent: 100 } },
      changes: [{ item: 'A.I.1.b', from: { option: 'D' }, to: { option: 'A' }, gain: 3, closes: ['area.1', 'area.1.pemenuhan'] }], remaining: [],
    },
    {
      name: 'a criterion on a node that does not exist can never pass: the rest is closed, it remains',
      th: [nodeMin('NOPE', 1, 'ghost'), total(12)], answers: { 'B.I.a': { index: 4 } },
      changes: [{ item: 'A.I.1.a', from: null, to: { option: 'Ya' }, gain: 2, closes: ['total'] }], remaining: ['ghost'],
    },
    {
      name: 'out of reach (total 15 with no survey index): every enabler at its best, the index is not a candidate, the total remains',
      th: [total(15)], answers: {},
      changes: [
        { item: 'A.II.1.a', from: null, to: { percent: 100 }, gain: 5, closes: [] },
        { item: 'A.I.1.b', from: null, to: { option: 'A' }, gain: 3, closes: [] },
        { item: 'A.I.1.a', from: null, to: { option: 'Ya' }, gain: 2, closes: [] },
      ],
      remaining: ['total'],
    },
    {
      name: 'at most maxChanges changes: one allowed where two are needed',
      th: [total(18)], max: 1, answers: { 'B.I.a': { index: 4 }, 'A.I.1.a': { option: 'Tidak' }, 'A.I.1.b': { option: 'D' }, 'A.II.1.a': { percent: 0 } },
      changes: [{ item: 'A.II.1.a', from: { percent: 0 }, to: { percent: 100 }, gain: 5, closes: [] }], remaining: ['total'],
    },
    {
      name: 'nothing to do when every criterion passes',
      th: [total(10), areaMin(50)], answers: { 'B.I.a': { index: 4 }, 'A.II.1.a': { percent: 100 } },
      changes: [], remaining: [],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const rs = planRs(c.th);
      const p = whatWouldItTake(rs, c.answers, W, opt(c.mode ?? 'combined'), c.max);
      assert.equal(p.predicate, W);
      assert.deepEqual(p.changes.map((x) => ({ ...x, gain: Math.round(x.gain * 1e9) / 1e9 })), c.changes);
      assert.deepEqual(p.remaining.map((r) => r.id), c.remaining);
      assert.equal(p.closesAll, c.remaining.length === 0);
    });
  }
  test('the index criterion is on the item or on its sub only: a criterion on another node sets no index', () => {
    const p = whatWouldItTake(planRs([nodeMin('A', 1)]), { 'B.I.a': { index: 0 } }, W, opt('combined'));
    assert.ok(p.changes.every((x) => x.item !== 'B.I.a'), JSON.stringify(p.changes));
    assert.equal(p.closesAll, true);
  });
  test('an index cannot be asked above its maximum: the gap stays, nothing is suggested for it', () => {
    const p = whatWouldItTake(planRs([nodeMin('B.I.a', 11)]), { 'B.I.a': { index: 1 } }, W, opt('combined'));
    assert.deepEqual(p.changes.filter((x) => x.item === 'B.I.a').map((x) => x.to), [{ index: 4 }]);
    assert.deepEqual(p.remaining.map((r) => r.id), ['B.I.a']);
  });
});

// ---- every state ---------------------------------------------------------------------------------

const CHOICES: Record<string, (Answer | undefined)[]> = {
  'A.I.1.a': [undefined, { option: 'Tidak' }, { option: 'Ya' }],
  'A.I.1.b': [undefined, { option: 'D' }, { option: 'C' }, { option: 'A' }],
  'A.II.1.a': [undefined, { percent: 0 }, { percent: 55 }, { percent: 100 }],
  'B.I.a': [undefined, { index: 0 }, { index: 2.5 }, { index: 4 }],
};
function* states(): Generator<Answers> {
  const codes = Object.keys(CHOICES);
  const pick = (i: number, acc: Answers): Generator<Answers> => (function* () {
    if (i === codes.length) { yield acc; return; }
    for (const a of CHOICES[codes[i]!]!) yield* pick(i + 1, a ? { ...acc, [codes[i]!]: a } : acc);
  })();
  yield* pick(0, {});
}

const THRESHOLD_SETS: ThresholdCriterion[][] = [
  [total(14)],
  [total(9.5), areaMin(60)],
  [nodeMin('A', 7), nodeMin('B.I.a', 7.5)],
  [nodeMin('B.I', 5.55), nodeMin('A.II.1', 3), total(12)],
  [areaMin(75), nodeMin('A.I.1.a', 2)],
];

describe('what would it take: the promises, over every answer state', () => {
  for (const [ti, th] of THRESHOLD_SETS.entries()) {
    for (const mode of ['combined', 'perHalf', 'both'] as const) {
      test(`threshold set ${ti + 1}, area minimum ${mode}`, () => {
        const rs = planRs(th);
        const o = resolveOptions(rs, opt(mode));
        // the enablers are candidates; the survey index only moves for its own criteria
        const best: Answers = { 'A.I.1.a': { option: 'Ya' }, 'A.I.1.b': { option: 'A' }, 'A.II.1.a': { percent: 100 } };
        let planned = 0;
        for (const answers of states()) {
          const p = whatWouldItTake(rs, answers, W, o);
          const label = `${JSON.stringify(answers)} → ${JSON.stringify(p.changes)}`;
          const base = scoreAnswers(rs, answers, o);
          const before = evaluateCriteria(rs, base, W);
          const after: Answers = { ...answers };
          for (const x of p.changes) after[x.item] = x.to;
          // remaining and closesAll are the criteria that still fail with every change made
          assert.deepEqual(p.remaining.map((r) => r.id), failing(rs, after, o), label);
          assert.equal(p.closesAll, p.remaining.length === 0, label);
          // whatever can be reached is reached; a worksheet that passes gets no change
          const index = p.changes.find((x) => x.item === 'B.I.a')?.to ?? answers['B.I.a'];
          if (!failing(rs, index ? { ...best, 'B.I.a': index } : best, o).length) assert.equal(p.closesAll, true, label);
          if (before.every((c) => c.passed)) assert.deepEqual(p.changes, [], label);
          // each change: what it was, strictly better, its own gain and the criteria it closes alone; by gain
          for (const x of p.changes) {
            const item = rs.items.find((i) => i.code === x.item)!;
            assert.deepEqual(x.from, answers[x.item] ?? null, label);
            assert.ok((valueOf(rs, item, x.to, o).value ?? 0) > (valueOf(rs, item, answers[x.item], o).value ?? -1), label);
            const alone = scoreAnswers(rs, { ...answers, [x.item]: x.to }, o);
            assert.ok(Math.abs(x.gain - (alone.items[x.item]!.score - base.items[x.item]!.score)) < 1e-9, label);
            const closed: string[] = evaluateCriteria(rs, alone, W).filter((c, i) => c.passed && !before[i]!.passed).map((c) => c.id);
            assert.deepEqual(x.closes, closed, label);
          }
          for (let i = 1; i < p.changes.length; i++) assert.ok(p.changes[i - 1]!.gain >= p.changes[i]!.gain, label);
          if (!p.closesAll || !p.changes.length) continue;
          planned++;
          for (const x of p.changes) {
            const item = rs.items.find((i) => i.code === x.item)!;
            // needed: without it a gap opens
            const without: Answers = { ...after };
            if (answers[x.item]) without[x.item] = answers[x.item]!; else delete without[x.item];
            assert.ok(failing(rs, without, o).length > 0, `${x.item} is needed: ${label}`);
            // the least: any smaller improvement leaves a gap
            const toValue = valueOf(rs, item, x.to, o).value!;
            const smaller = item.type === 'index'
              ? [{ index: Math.round(((x.to as { index: number }).index - 0.01) * 100) / 100 }]
              : betterAnswers(rs, item, answers[x.item], o).filter((a) => valueOf(rs, item, a, o).value! < toValue - 1e-9);
            for (const a of smaller) {
              if (sameAnswer(a, answers[x.item])) continue;
              assert.ok(failing(rs, { ...after, [x.item]: a }, o).length > 0, `${x.item} at ${JSON.stringify(a)} is not enough: ${label}`);
            }
          }
        }
        assert.ok(planned > 0, 'some states need a plan');
      });
    }
  }
});

describe('what would it take: worksheets of the real rule set', () => {
  // seeded pseudo-random worksheets (the same ones every run): on 113 items the greedy choice often
  // takes a change that later ones make unnecessary, which the last step must drop
  const rs = getRuleSet('permenpanrb-90-2021');
  let seed = 11;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const worksheets: Answers[] = [];
  for (let n = 0; n < 24; n++) {
    const a: Answers = {};
    const high = 0.3 + rnd() * 0.7;
    for (const it of rs.items) {
      if (rnd() < 0.1) continue;
      if (it.type === 'index') a[it.code] = { index: Math.round(rnd() * 400) / 100 };
      else if (it.type === 'percent') a[it.code] = { percent: Math.round(rnd() * 100) };
      else if (it.type in LETTERS_OF) {
        const letters = LETTERS_OF[it.type as keyof typeof LETTERS_OF];
        a[it.code] = { option: rnd() < high ? letters[0]! : letters[Math.floor(rnd() * letters.length)]! };
      }
    }
    worksheets.push(a);
  }
  for (const predicate of ['WBK', 'WBBM'] as const) {
    for (const mode of ['combined', 'perHalf', 'both'] as const) {
      test(`${predicate}, area minimum ${mode}: every change is needed and the least that closes`, () => {
        const o = resolveOptions(rs, opt(mode));
        let planned = 0;
        for (const answers of worksheets) {
          const p = whatWouldItTake(rs, answers, predicate, o);
          const after: Answers = { ...answers };
          for (const x of p.changes) after[x.item] = x.to;
          assert.deepEqual(p.remaining.map((r) => r.id), failing(rs, after, o, predicate));
          if (!p.closesAll || !p.changes.length) continue;
          planned++;
          for (const x of p.changes) {
            const without: Answers = { ...after };
            if (answers[x.item]) without[x.item] = answers[x.item]!; else delete without[x.item];
            assert.ok(failing(rs, without, o, predicate).length > 0, `${x.item} is needed (${p.changes.map((c) => c.item).join(', ')})`);
            const item = rs.items.find((i) => i.code === x.item)!;
            if (item.type === 'index') continue;
            const toValue = valueOf(rs, item, x.to, o).value!;
            for (const a of betterAnswers(rs, item, answers[x.item], o).filter((b) => valueOf(rs, item, b, o).value! < toValue - 1e-9)) {
              assert.ok(failing(rs, { ...after, [x.item]: a }, o, predicate).length > 0, `${x.item} at ${JSON.stringify(a)} is not enough`);
            }
          }
        }
        assert.ok(planned >= 5, `${planned} worksheets with a plan`);
      });
    }
  }
});
