// Table-driven tests of the LKE rules against the domain spec (§3.3–3.8, worked example §3.11),
// plus property tests: scores stay within their weights and never fall when an answer improves.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { syntheticRuleSet, tx } from './fixtures/synthetic-ruleset.ts';
import { getRuleSet } from './lke.ruleset.ts';
import { DomainError } from '../../kernel/errors.ts';
import {
  betterAnswers, carryOver, compareLayers, computePercent, describeAnswer, evaluateCriteria, evaluatePrerequisites, judge, LETTERS_OF, parseAnswer,
  parseAnswers, parsePrerequisites, resolveOptions, sameAnswer, scoreAnswers, valueOf, whatWouldItTake,
} from './lke.rules.ts';
import type { Answer, Answers, RuleItem, RuleSet, ScoreResult } from './lke.types.ts';

const rs = getRuleSet('permenpanrb-90-2021');
const example = JSON.parse(readFileSync(new URL('./fixtures/worked-example.json', import.meta.url), 'utf8')) as { answers: Record<string, unknown> };
const answers = parseAnswers(rs, example.answers);
const exact = scoreAnswers(rs, answers, { optionValues: 'exact' });
const official = scoreAnswers(rs, answers);
const item = (code: string): RuleItem => rs.items.find((i) => i.code === code)!;
const r4 = (n: number) => Math.round(n * 1e4) / 1e4;

describe('worked example §3.11 — exact fractions', () => {
  const subs: [string, number][] = [
    ['A.I.1.i', 0.5], ['A.I.1.ii', 0.8333], ['A.I.1.iii', 0.8889], ['A.I.1.iv', 1.1875],
    ['A.I.2.i', 0.7222], ['A.I.2.ii', 1.5], ['A.I.2.iii', 0.375],
    ['A.I.3.i', 0.25], ['A.I.3.ii', 0.4583], ['A.I.3.iii', 1.1111], ['A.I.3.iv', 1.8333], ['A.I.3.v', 0.5], ['A.I.3.vi', 0.25],
    ['A.I.4.i', 2.2222], ['A.I.4.ii', 2.2396],
    ['A.I.5.i', 1.25], ['A.I.5.ii', 1.125], ['A.I.5.iii', 1.3125], ['A.I.5.iv', 1.0], ['A.I.5.v', 1.25],
    ['A.I.6.i', 0.9167], ['A.I.6.ii', 0.6944], ['A.I.6.iii', 1.0], ['A.I.6.iv', 1.0], ['A.I.6.v', 0.8889],
    ['A.II.1.i', 1.5], ['A.II.1.ii', 0.75], ['A.II.1.iii', 0.6667], ['A.II.2.i', 0.1667], ['A.II.2.ii', 0.75], ['A.II.2.iii', 1.3333],
    ['A.II.3.i', 1.5], ['A.II.3.ii', 0.75], ['A.II.3.iii', 1.5], ['A.II.4.i', 1.8], ['A.II.4.ii', 1.0], ['A.II.4.iii', 1.5],
    ['A.II.5.i', 1.875], ['A.II.5.ii', 2.7], ['A.II.5.iii', 1.95], ['A.II.6.i', 2.0313], ['A.II.6.ii', 1.6667],
  ];
  for (const [code, expected] of subs) {
    test(`${code} scores ${expected}`, () => assert.equal(r4(exact.nodes[code]!.score), expected));
  }
  const areas: [string, number, number, number][] = [
    ['1', 3.4097, 2.9167, 6.3264], ['2', 2.5972, 2.25, 4.8472], ['3', 4.4028, 3.75, 8.1528],
    ['4', 4.4618, 4.3, 8.7618], ['5', 5.9375, 6.525, 12.4625], ['6', 4.5, 3.6979, 8.1979],
  ];
  for (const [area, pem, ref, sum] of areas) {
    test(`area ${area}: pemenuhan ${pem} + reform ${ref} = ${sum}`, () => {
      const a = exact.areas[area]!;
      assert.deepEqual([r4(a.pemenuhan), r4(a.reform), r4(a.score)], [pem, ref, sum]);
    });
  }
  test('aspects, hasil and total', () => {
    assert.equal(r4(exact.nodes['A.I']!.score), 25.309);
    assert.equal(r4(exact.nodes['A.II']!.score), 23.4396);
    assert.equal(r4(exact.nodes['B.I.a']!.score), 16.275);
    assert.equal(r4(exact.nodes['B.I.b']!.score), 3.75);
    assert.equal(r4(exact.nodes['B.I']!.score), 20.025);
    assert.equal(r4(exact.nodes['B.II']!.score), 15.5313);
    assert.equal(r4(exact.total), 84.3049);
    assert.equal(r4(exact.areas['2']!.percent), 69.246);
  });
});

describe('worked example §3.11 — official two-decimal values (default)', () => {
  test('options default to official values, combined area minimum', () => {
    assert.deepEqual(official.options, { optionValues: 'official', areaMinimum: 'combined', complaintFormula: 'completed', zeroDenominator: 'perItem' });
  });
  test('pemenuhan 25.3279, reform 23.4546, pengungkit 48.7825, total 84.3387', () => {
    assert.equal(r4(official.nodes['A.I']!.score), 25.3279);
    assert.equal(r4(official.nodes['A.II']!.score), 23.4546);
    assert.equal(r4(official.nodes.A!.score), 48.7825);
    assert.equal(r4(official.total), 84.3387);
  });
  const pct: [string, string][] = [['1', '79.15'], ['2', '69.24'], ['3', '81.58'], ['4', '87.71'], ['5', '83.11'], ['6', '82.09']];
  for (const [area, p] of pct) test(`area ${area} = ${p} %`, () => assert.equal(official.areas[area]!.percent.toFixed(2), p));
  test('every item answered', () => assert.deepEqual(official.unanswered, []));
});

describe('verdict on the worked example', () => {
  for (const [name, score] of [['default', official], ['exact', exact]] as [string, ScoreResult][]) {
    test(`${name}: WBK eligible, WBBM not — for exactly total, area 2 and B.II`, () => {
      const v = judge(rs, score, {});
      assert.equal(v.WBK.eligible, true);
      assert.deepEqual(v.WBK.failures, []);
      assert.equal(v.WBBM.eligible, false);
      assert.deepEqual(v.WBBM.failures.map((f) => f.id), ['total', 'area.2', 'B.II']);
    });
  }
  test('failures speak plainly, in Indonesian number format', () => {
    const v = judge(rs, official, {});
    assert.equal(v.WBBM.failures.find((f) => f.id === 'area.2')!.message.id, 'Penataan Tatalaksana 69,24 % < 75 %');
    assert.match(v.WBBM.failures.find((f) => f.id === 'area.2')!.message.en, / 69\.24 % < 75 %$/);
    assert.match(v.WBBM.failures.find((f) => f.id === 'total')!.message.id, /84,34 < 85$/);
  });
  test('prerequisites are reported beside the score verdict and never hide it', () => {
    const v = judge(rs, official, { bpkOpinion: 'WTP', sakipInstansi: 'B', tlhp: 90, coreService: true });
    assert.equal(v.WBK.eligible, true);
    assert.equal(v.WBK.proposable, false);
    const st = Object.fromEntries(v.WBK.prerequisites.map((p) => [p.id, p.status]));
    assert.equal(st.bpkOpinion, 'met');
    assert.equal(st.sakipInstansi, 'met');
    assert.equal(st.tlhp, 'not_met');
    assert.equal(st.coreService, 'met');
    assert.equal(st.spipLevel, 'not_given');
    assert.equal(st.priorWbk, undefined, 'prior WBK is a WBBM prerequisite only');
    const wbbm = Object.fromEntries(v.WBBM.prerequisites.map((p) => [p.id, p.status]));
    assert.equal(wbbm.sakipInstansi, 'not_met', 'WBBM needs BB');
    assert.equal(wbbm.priorWbk, 'not_given');
  });
  // one prerequisite simply not given (absent, null or empty) is enough to keep a unit from being proposed
  for (const predicate of ['WBK', 'WBBM'] as const) {
    const needed = rs.prerequisites.filter((p) => p.predicates.includes(predicate));
    const full: Record<string, unknown> = Object.fromEntries(needed.map((p) => [p.id, p.kind === 'boolean' ? true : p.kind === 'grade' ? p.scale[p.scale.length - 1] : 1000]));
    const top = scoreAnswers(rs, Object.fromEntries(rs.items.map((it) => [it.code, it.type === 'index' ? { index: 4 } : it.type === 'percent' ? { percent: 100 } : { option: LETTERS_OF[it.type][0]! }])) as Answers);
    test(`${predicate}: proposable with every prerequisite given and met`, () => {
      assert.equal(judge(rs, top, full)[predicate].eligible, true);
      assert.equal(judge(rs, top, full)[predicate].proposable, true);
    });
    for (const p of needed) {
      for (const [how, value] of [['absent', undefined], ['null', null], ['empty', '']] as const) {
        test(`${predicate}: not proposable when ${p.id} is ${how}`, () => {
          const given = { ...full };
          if (how === 'absent') delete given[p.id];
          else given[p.id] = value;
          const v = judge(rs, top, given)[predicate];
          assert.equal(v.eligible, true, 'the score verdict stands');
          assert.equal(v.prerequisites.find((x) => x.id === p.id)!.status, 'not_given');
          assert.equal(v.proposable, false);
        });
      }
    }
  }
  test('all prerequisites met and all thresholds met → proposable', () => {
    const full: Record<string, unknown> = {};
    for (const p of rs.prerequisites) {
      full[p.id] = p.kind === 'boolean' ? true : p.kind === 'grade' ? p.scale[p.scale.length - 1] : 1000;
    }
    assert.equal(judge(rs, official, full).WBK.proposable, true);
    assert.ok(evaluatePrerequisites(rs, full, 'WBBM').every((p) => p.status === 'met'));
  });
});

describe('answer types and option values (§3.3)', () => {
  const table: [string, string, number, number][] = [
    // code, option, official, exact
    ['A.I.1.i.a', 'Ya', 1, 1], ['A.I.1.i.a', 'Tidak', 0, 0],
    ['A.I.1.i.b', 'A', 1, 1], ['A.I.1.i.b', 'B', 0.5, 0.5], ['A.I.1.i.b', 'C', 0, 0],
    ['A.I.1.iii.a', 'A', 1, 1], ['A.I.1.iii.a', 'B', 0.67, 2 / 3], ['A.I.1.iii.a', 'C', 0.33, 1 / 3], ['A.I.1.iii.a', 'D', 0, 0],
    ['A.I.2.i.b', 'A', 1, 1], ['A.I.2.i.b', 'B', 0.75, 0.75], ['A.I.2.i.b', 'C', 0.5, 0.5], ['A.I.2.i.b', 'D', 0.25, 0.25], ['A.I.2.i.b', 'E', 0, 0],
  ];
  for (const [code, letter, off, ex] of table) {
    test(`${code} ${letter} → ${off} official, ${ex} exact`, () => {
      const a = parseAnswer(item(code), letter)!;
      assert.equal(valueOf(rs, item(code), a, resolveOptions(rs, {})).value, off);
      assert.equal(valueOf(rs, item(code), a, resolveOptions(rs, { optionValues: 'exact' })).value, ex);
    });
  }
  test('B.I.b capaian kinerja: A–E → 5, 3.75, 2.5, 1.25, 0 points', () => {
    const pts = ['A', 'B', 'C', 'D', 'E'].map((l) => scoreAnswers(rs, { 'B.I.b': { option: l as 'A' } }).nodes['B.I.b']!.score);
    assert.deepEqual(pts, [5, 3.75, 2.5, 1.25, 0]);
  });
  const indexTable: [number, number][] = [[0, 0], [3.2, 14], [3.6, 15.75], [4, 17.5]];
  for (const [idx, pts] of indexTable) {
    test(`index ${idx} → ${pts} points (IPAK/IPKP ÷ 4 × 17.50)`, () => {
      assert.equal(r4(scoreAnswers(rs, { 'B.II.a': { index: idx } }).nodes['B.II.a']!.score), pts);
    });
  }
  // a percent given directly: 0 … 1 000 (a realisation may exceed 100 %; beyond 1 000 it is a typing error)
  const percents: [unknown, number | string][] = [
    [0, 0], [100, 100], [999.99, 999.99], [1000, 1000], ['1000', 1000], ['1000,0', 1000], ['37,5', 37.5],
    [1000.01, 'lke.answer.percent_range'], [1001, 'lke.answer.percent_range'], ['1000,5', 'lke.answer.percent_range'], [1e6, 'lke.answer.percent_range'],
    [-0.01, 'lke.answer.percent_negative'], [Number.POSITIVE_INFINITY, 'lke.answer.percent_expected'], ['banyak', 'lke.answer.percent_expected'],
  ];
  for (const [given, expected] of percents) {
    test(`a percent of ${JSON.stringify(given)} → ${expected}`, () => {
      if (typeof expected === 'number') assert.deepEqual(parseAnswer(item('A.II.4.i.a'), { percent: given }), { percent: expected });
      else assert.throws(() => parseAnswer(item('A.II.4.i.a'), { percent: given }), (e: { code: string }) => e.code === expected);
    });
  }
  test('a percent can be given directly and is capped at 100 %', () => {
    assert.equal(valueOf(rs, item('A.II.4.i.a'), { percent: 250 }, rs.defaults).value, 1);
    assert.equal(valueOf(rs, item('A.II.4.i.a'), { percent: 37.5 }, rs.defaults).value, 0.375);
  });
  test('letters are case-insensitive, "Ya"/"Tidak" too', () => {
    assert.deepEqual(parseAnswer(item('A.I.1.i.a'), 'ya'), { option: 'Ya' });
    assert.deepEqual(parseAnswer(item('A.I.1.i.b'), ' b '), { option: 'B' });
  });
});

describe('computed items (§3.4): formulas and edge cases', () => {
  const o = resolveOptions(rs, {});
  const pct = (code: string, inputs: Record<string, number>, opts = o) => computePercent(item(code), inputs, opts);
  const table: [string, string, Record<string, number>, number][] = [
    ['changes per agent, capped later', 'A.II.1.i.a', { agents: 10, changes: 12 }, 120],
    ['no agents → 0 % (per-item default)', 'A.II.1.i.a', { agents: 0, changes: 0 }, 0],
    ['integrated ÷ changes', 'A.II.1.i.b', { changes: 12, integrated: 6 }, 50],
    ['no changes → 0 %', 'A.II.1.i.b', { changes: 0, integrated: 0 }, 0],
    ['discipline 4 → 1', 'A.II.3.iii.a', { previousYear: 4, thisYear: 1, sanctioned: 1 }, 75],
    ['discipline rises: negative', 'A.II.3.iii.a', { previousYear: 2, thisYear: 5, sanctioned: 0 }, -150],
    ['discipline 0 → 0: 100 %', 'A.II.3.iii.a', { previousYear: 0, thisYear: 0, sanctioned: 0 }, 100],
    ['discipline 0 → 3: 0 %', 'A.II.3.iii.a', { previousYear: 0, thisYear: 3, sanctioned: 3 }, 0],
    ['targets 9 of 10', 'A.II.4.i.a', { targets: 10, achieved: 9 }, 90],
    ['no targets → 0 %', 'A.II.4.i.a', { targets: 0, achieved: 0 }, 0],
    ['complaints 18 of 20 (in process not counted)', 'A.II.5.ii.a', { toFollowUp: 20, inProcess: 2, completed: 18 }, 90],
    ['no complaints → 100 %', 'A.II.5.ii.a', { toFollowUp: 0, inProcess: 0, completed: 0 }, 100],
    ['LHKPN 3 of 3', 'A.II.5.iii.a', { required: 3, head: 1, officials: 2, others: 0, reported: 3 }, 100],
    ['LHKPN nobody obliged → 100 %', 'A.II.5.iii.a', { required: 0, head: 0, officials: 0, others: 0, reported: 0 }, 100],
    ['LHKASN 38 of 40', 'A.II.5.iii.b', { required: 40, administrators: 3, supervisors: 7, functionalAndStaff: 30, reported: 38 }, 95],
    ['services 5 of 8', 'A.II.6.i.b', { registered: 8, simplified: 5 }, 62.5],
    ['no services registered → 0 %', 'A.II.6.i.b', { registered: 0, simplified: 0 }, 0],
  ];
  for (const [name, code, inputs, expected] of table) test(`${code}: ${name} = ${expected} %`, () => assert.equal(pct(code, inputs), expected));

  test('values are capped to 0..1: above 100 % and decreases below zero', () => {
    assert.equal(valueOf(rs, item('A.II.1.i.a'), { inputs: { agents: 10, changes: 12 } }, o).value, 1);
    assert.equal(valueOf(rs, item('A.II.3.iii.a'), { inputs: { previousYear: 2, thisYear: 5, sanctioned: 0 } }, o).value, 0);
  });
  test('zero-denominator option overrides the per-item default', () => {
    assert.equal(pct('A.II.1.i.a', { agents: 0, changes: 0 }, resolveOptions(rs, { zeroDenominator: 'full' })), 100);
    assert.equal(pct('A.II.5.ii.a', { toFollowUp: 0, inProcess: 0, completed: 0 }, resolveOptions(rs, { zeroDenominator: 'zero' })), 0);
  });
  test('complaint formula option credits complaints in process', () => {
    assert.equal(pct('A.II.5.ii.a', { toFollowUp: 20, inProcess: 2, completed: 18 }, resolveOptions(rs, { complaintFormula: 'completedOrInProcess' })), 100);
  });
  test('required filers are the sum of their parts when left out', () => {
    assert.deepEqual(parseAnswer(item('A.II.5.iii.b'), { administrators: 3, supervisors: 7, functionalAndStaff: 30, reported: 38 }),
      { inputs: { administrators: 3, supervisors: 7, functionalAndStaff: 30, reported: 38, required: 40 } });
  });
});

describe('invalid input names the item and changes nothing', () => {
  const bad: [string, unknown, string][] = [
    ['X.9.z', 'A', 'lke.answer.unknown_item'],
    ['A.I.1.i.a', 'A', 'lke.answer.option_invalid'],
    ['A.I.1.i.b', 'D', 'lke.answer.option_invalid'],
    ['A.I.1.i.b', 3, 'lke.answer.option_expected'],
    ['B.I.a', 4.5, 'lke.answer.index_range'],
    ['B.I.a', 'tinggi', 'lke.answer.index_expected'],
    ['A.II.1.i.a', { agents: -1, changes: 2 }, 'lke.answer.count_negative'],
    ['A.II.1.i.a', { agents: 1.5, changes: 2 }, 'lke.answer.count_integer'],
    ['A.II.1.i.a', { agents: 3 }, 'lke.answer.input_missing'],
    ['A.II.1.i.a', { agents: 3, changes: 1, bogus: 1 }, 'lke.answer.input_unknown'],
    ['A.II.1.i.a', { percent: -5 }, 'lke.answer.percent_negative'],
    ['A.II.1.i.a', 'A', 'lke.answer.percent_expected'],
    ['A.II.5.iii.a', { required: 9, head: 1, officials: 2, others: 0, reported: 3 }, 'lke.answer.sum_mismatch'],
  ];
  for (const [code, raw, err] of bad) {
    test(`${code} ${JSON.stringify(raw)} → ${err}`, () => {
      assert.throws(() => parseAnswers(rs, { [code]: raw }), (e: { code: string; params: { item: string } }) => e.code === err && e.params.item === code);
    });
  }
});

describe('threshold boundaries (§3.8)', () => {
  // Start from a full-marks worksheet and move one criterion to exactly its threshold and just below.
  const full: Answers = {};
  for (const it of rs.items) {
    full[it.code] = it.type === 'index' ? { index: 4 } : it.type === 'percent' ? { percent: 100 } : { option: LETTERS_OF[it.type][0]! };
  }
  const base = scoreAnswers(rs, full);
  for (const p of ['WBK', 'WBBM'] as const) {
    for (const c of rs.thresholds[p]) {
      for (const [delta, passes] of [[0, true], [-0.0001, false]] as const) {
        test(`${p} ${c.id}: ${delta === 0 ? 'exactly at' : 'just below'} the minimum ${passes ? 'passes' : 'fails'}`, () => {
          const s: ScoreResult = structuredClone(base);
          if (c.kind === 'total') s.total = c.min + delta;
          else if (c.kind === 'node') s.nodes[c.node]!.score = c.min + delta;
          else s.areas['3']!.percent = c.minPercent + delta;
          const failed = judge(rs, s, {})[p].failures.map((f) => f.id);
          const id = c.kind === 'areaPercent' ? `${c.id}.3` : c.id;
          assert.equal(failed.includes(id), !passes);
          assert.equal(failed.length, passes ? 0 : 1);
        });
      }
    }
  }
  test('IPAK 3.60 meets the 15.75 anti-corruption minimum exactly; 3.59 does not', () => {
    const at = (idx: number) => judge(rs, scoreAnswers(rs, { ...full, 'B.I.a': { index: idx } }), {}).WBK.failures.map((f) => f.id);
    assert.deepEqual(at(3.6), []);
    assert.ok(at(3.59).includes('B.I.a'));
  });
  test('per-half area minimum (option) judges pemenuhan and reform separately', () => {
    const v = judge(rs, scoreAnswers(rs, answers, { areaMinimum: 'perHalf' }), {});
    const ids = v.WBBM.failures.map((f) => f.id);
    assert.ok(ids.includes('area.2.pemenuhan') && ids.includes('area.2.reform'), ids.join());
    assert.ok(!ids.includes('area.2'));
    const both = judge(rs, scoreAnswers(rs, answers, { areaMinimum: 'both' }), {}).WBBM.failures.map((f) => f.id);
    assert.ok(both.includes('area.2') && both.includes('area.2.reform'));
  });
});

describe('what would it take', () => {
  test('closes every WBBM gap of the worked example with a few changes, and they work', () => {
    const plan = whatWouldItTake(rs, answers, 'WBBM');
    assert.equal(plan.closesAll, true);
    assert.ok(plan.changes.length > 0 && plan.changes.length <= 6, `${plan.changes.length} changes`);
    assert.deepEqual(plan.changes.find((c) => c.item === 'B.II.a')?.to, { index: 3.6 });
    const after = { ...answers };
    for (const c of plan.changes) after[c.item] = c.to;
    assert.equal(judge(rs, scoreAnswers(rs, after), {}).WBBM.eligible, true);
    // and none of the changes is superfluous
    for (const c of plan.changes) {
      const without = { ...after, [c.item]: answers[c.item]! };
      assert.equal(judge(rs, scoreAnswers(rs, without), {}).WBBM.eligible, false, `${c.item} is needed`);
    }
  });
  test('an eligible worksheet needs nothing', () => {
    const plan = whatWouldItTake(rs, answers, 'WBK');
    assert.deepEqual(plan.changes, []);
    assert.equal(plan.closesAll, true);
  });
});

describe('layers and rule-set carry-over', () => {
  test('compareLayers lists differing items with their cost in points', () => {
    const tpi: Answers = { ...answers, 'A.I.1.i.b': { option: 'B' }, 'A.II.2.i.a': { option: 'A' } };
    const diff = compareLayers(rs, answers, tpi);
    assert.deepEqual(diff.map((d) => d.item), ['A.I.1.i.b', 'A.II.2.i.a']);
    assert.equal(r4(diff[0]!.delta), -0.125);
    assert.equal(r4(diff[1]!.delta), r4(0.5 * (1 - 0.33)));
  });
  test('moving to another rule set carries answers by code and lists what could not be carried', () => {
    const legacy = getRuleSet('permenpanrb-52-2014');
    const moved = carryOver(rs, legacy, answers);
    assert.ok(moved.carried.includes('B.I.a') && moved.carried.includes('B.II.a'));
    assert.ok(moved.dropped.some((d) => d.item === 'A.I.1.i.a' && d.reason === 'unknown_item'));
    assert.ok(moved.dropped.some((d) => d.item === 'B.I.b' && d.reason === 'type_changed'));
    assert.equal(moved.carried.length + moved.dropped.length, Object.keys(answers).length);
  });
});

describe('properties', () => {
  const answerFor = (it: RuleItem): fc.Arbitrary<Answer | null> => {
    if (it.type === 'index') return fc.option(fc.double({ min: 0, max: 4, noNaN: true }).map((index) => ({ index })));
    if (it.type === 'percent') {
      return fc.option(fc.oneof(
        fc.double({ min: 0, max: 300, noNaN: true }).map((percent) => ({ percent }) as Answer),
        fc.dictionary(fc.constantFrom(...(it.inputs ?? []).filter((i) => !i.sumOf).map((i) => i.key)), fc.nat({ max: 50 }))
          .map((d) => { try { return parseAnswer(it, d); } catch { return null; } }),
      ));
    }
    return fc.option(fc.constantFrom(...LETTERS_OF[it.type]).map((option) => ({ option }) as Answer));
  };
  const worksheet = fc.tuple(...rs.items.map(answerFor)).map((list) => {
    const a: Answers = {};
    list.forEach((x, i) => { if (x) a[rs.items[i]!.code] = x; });
    return a;
  });
  const modes = fc.record({
    optionValues: fc.constantFrom('official' as const, 'exact' as const),
    zeroDenominator: fc.constantFrom('perItem' as const, 'full' as const, 'zero' as const),
    complaintFormula: fc.constantFrom('completed' as const, 'completedOrInProcess' as const),
  });

  test('every node scores between 0 and its weight; total ≤ 100', () => {
    fc.assert(fc.property(worksheet, modes, (a, m) => {
      const s = scoreAnswers(rs, a, m);
      for (const [code, n] of Object.entries(s.nodes)) {
        if (n.score < -1e-9 || n.score > n.weight + 1e-9) throw new Error(`${code} ${n.score} outside 0..${n.weight}`);
      }
      return s.total >= 0 && s.total <= 100 + 1e-9;
    }), { numRuns: 200 });
  });
  test('improving one answer never lowers any node or the total', () => {
    fc.assert(fc.property(worksheet, fc.nat({ max: rs.items.length - 1 }), (a, i) => {
      const it = rs.items[i]!;
      const before = scoreAnswers(rs, a);
      for (const better of betterAnswers(rs, it, a[it.code], before.options)) {
        const after = scoreAnswers(rs, { ...a, [it.code]: better });
        if (after.total < before.total - 1e-9) return false;
        for (const code of Object.keys(before.nodes)) if (after.nodes[code]!.score < before.nodes[code]!.score - 1e-9) return false;
      }
      return true;
    }), { numRuns: 200 });
  });
});

describe('describeAnswer', () => {
  const item = (code: string) => rs.items.find((i) => i.code === code)!;
  const opts = resolveOptions(rs, {});
  const cases: [string, Answer, string, string][] = [
    // ratio items list the denominator first among their inputs; the text reads numerator / denominator
    ['A.II.1.i.a', { inputs: { agents: 6, changes: 4 } }, 'id', '66,67 % (4 / 6)'],
    ['A.II.1.i.b', { inputs: { changes: 12, integrated: 6 } }, 'en', '50.00 % (6 / 12)'],
    ['A.II.3.iii.a', { inputs: { previousYear: 10, thisYear: 8, sanctioned: 1 } }, 'id', '20,00 % (10; 8; 1)'],
    ['A.I.1.i.b', { option: 'B' }, 'id', 'B'],
    ['B.I.a', { index: 3.5 }, 'id', '3,50'],
  ];
  for (const [code, a, locale, text] of cases) test(`${code} ${JSON.stringify(a)} → ${text}`, () => assert.equal(describeAnswer(item(code), a, locale as 'id' | 'en', opts), text));
  test('no answer is a dash', () => assert.equal(describeAnswer(item('A.I.1.i.a'), null, 'id'), '—'));
});

// ---------------------------------------------------------------- edges of every rule, one by one

/** The DomainError a call throws (fails when it throws nothing or something else). */
function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof DomainError, `a DomainError, not ${String(e)}`);
    return e;
  }
  assert.fail('expected a refusal');
}

const legacy = getRuleSet('permenpanrb-52-2014');
const src = { tag: 'U' as const, ref: 'test' };
/**
 * A tiny synthetic rule set for the shapes the real ones do not have: area 1 made of two area
 * nodes coded A.I (pemenuhan) and A.II (reform), an area 2 without nodes, a leaf node C without
 * items, a node Z of weight 0, a percent item without a formula whose "total" is the sum of x and
 * y, abc answers without official values, a threshold on a node that does not exist, and
 * prerequisites whose minimum is set for WBK only.
 */
const tiny: RuleSet = syntheticRuleSet('tiny', {
  optionValues: { official: { yn: { Ya: 1, Tidak: 0 } }, exact: { yn: { Ya: 1, Tidak: 0 }, abc: { A: 1, B: 0.5, C: 0 } } },
  nodes: [
    { code: 'A', kind: 'component', title: tx('A'), weight: 10, parent: null, area: null },
    { code: 'A.I', kind: 'area', title: tx('A.I'), weight: 4, parent: 'A', area: 1 },
    { code: 'A.II', kind: 'area', title: tx('A.II'), weight: 6, parent: 'A', area: 1 },
    { code: 'C', kind: 'component', title: tx('C'), weight: 3, parent: null, area: null },
    { code: 'Z', kind: 'component', title: tx('Z'), weight: 0, parent: null, area: null },
  ],
  items: [
    { code: 'A.I.a', seq: 1, sub: 'A.I', area: 1, type: 'yn', question: tx('a'), options: [], weight: 2, evidence: [] },
    {
      code: 'A.I.b', seq: 2, sub: 'A.I', area: 1, type: 'percent', question: tx('b'), options: [], weight: 2, evidence: [],
      inputs: [{ key: 'total', label: tx('total'), sumOf: ['x', 'y'] }, { key: 'x', label: tx('x') }, { key: 'y', label: tx('y') }],
    },
    { code: 'A.II.a', seq: 3, sub: 'A.II', area: 1, type: 'abc', question: tx('c'), options: [], weight: 6, evidence: [] },
  ],
  areas: [{ area: 1, title: { id: 'Satu', en: 'One' }, weight: 10 }, { area: 2, title: { id: 'Dua', en: 'Two' }, weight: 5 }],
  thresholds: {
    WBK: [{ id: 'ghost', kind: 'node', node: 'NOPE', min: 1, label: { id: 'Hantu', en: 'Ghost' }, source: src }],
    WBBM: [],
  },
  prerequisites: [
    { id: 'g', kind: 'grade', scale: ['LOW', 'MID', 'HIGH'], min: { WBK: 'LOW' }, label: tx('g'), source: src, predicates: ['WBK', 'WBBM'] },
    { id: 'n', kind: 'number', min: { WBK: 0 }, label: tx('n'), source: src, predicates: ['WBK', 'WBBM'] },
  ],
});
const tinyItem = (code: string) => tiny.items.find((i) => i.code === code)!;

describe('parseAnswer: every accepted shape', () => {
  test('nothing given (null, undefined, "") is unanswered, for every answer type', () => {
    for (const code of ['A.I.1.i.a', 'A.I.2.i.b', 'B.I.a', 'A.II.1.i.a', 'A.II.5.iii.a']) {
      for (const raw of [null, undefined, '']) assert.equal(parseAnswer(item(code), raw), null, `${code} ${String(raw)}`);
    }
  });
  const accepted: [string, unknown, Answer | null][] = [
    ['A.I.1.i.b', { option: 'b' }, { option: 'B' }],
    ['A.I.1.i.a', { option: 'Tidak' }, { option: 'Tidak' }],
    ['A.I.1.i.a', 'TIDAK', { option: 'Tidak' }],
    ['A.I.2.i.b', 'e', { option: 'E' }],
    ['B.I.a', { index: 3.5 }, { index: 3.5 }],
    ['B.I.a', { index: '3,25' }, { index: 3.25 }],
    ['B.I.a', '3,6', { index: 3.6 }],
    ['B.I.a', ' 2.5 ', { index: 2.5 }],
    ['B.I.a', 0, { index: 0 }],
    ['B.I.a', 4, { index: 4 }],
    ['B.I.a', '4', { index: 4 }],
    ['A.II.4.i.a', { percent: 0 }, { percent: 0 }],
    ['A.II.1.i.a', { agents: ' 10 ', changes: '12' }, { inputs: { agents: 10, changes: 12 } }],
    ['A.II.1.i.a', { inputs: { agents: 10, changes: 12 } }, { inputs: { agents: 10, changes: 12 } }],
    ['A.II.1.i.a', { agents: 1_000_000, changes: 0 }, { inputs: { agents: 1_000_000, changes: 0 } }],
    ['A.II.1.i.a', { agents: '', changes: '' }, null],
    ['A.II.1.i.a', { agents: null, changes: undefined }, null],
    ['A.II.1.i.a', {}, null],
    ['A.II.1.i.a', { inputs: {} }, null],
    // the required filers given without their parts stay as given; given with matching parts, too
    ['A.II.5.iii.a', { required: 3, reported: 3 }, { inputs: { required: 3, reported: 3 } }],
    ['A.II.5.iii.a', { required: 3, head: 1, officials: 2, others: 0, reported: 3 }, { inputs: { required: 3, head: 1, officials: 2, others: 0, reported: 3 } }],
    ['A.II.5.iii.a', { head: 1, reported: 1 }, { inputs: { head: 1, reported: 1, required: 1 } }],
    ['A.II.3.iii.a', { previousYear: 4, thisYear: 1 }, { inputs: { previousYear: 4, thisYear: 1 } }],
    ['A.II.5.ii.a', { toFollowUp: 20, completed: 18 }, { inputs: { toFollowUp: 20, completed: 18 } }],
  ];
  for (const [code, raw, expected] of accepted) {
    test(`${code} ${JSON.stringify(raw)} → ${JSON.stringify(expected)}`, () => assert.deepEqual(parseAnswer(item(code), raw), expected));
  }
  test('an item without a formula takes its inputs as given, sums included', () => {
    assert.deepEqual(parseAnswer(tinyItem('A.I.b'), { x: 1, y: 2 }), { inputs: { x: 1, y: 2, total: 3 } });
    assert.deepEqual(parseAnswer(tinyItem('A.I.b'), { x: 4 }), { inputs: { x: 4, total: 4 } });
  });
});

describe('parseAnswer: every refusal, its code and its parameters', () => {
  const long = 'abcdefghijklmnopqrstuvwxyz';
  const key50 = 'k'.repeat(50);
  const refused: [string, unknown, string, Record<string, string | number>][] = [
    ['A.I.1.i.b', 3, 'lke.answer.option_expected', { options: 'A/B/C' }],
    ['A.I.1.i.a', { option: 1 }, 'lke.answer.option_expected', { options: 'Ya/Tidak' }],
    ['A.I.1.i.a', true, 'lke.answer.option_expected', { options: 'Ya/Tidak' }],
    ['A.I.1.i.b', 'D', 'lke.answer.option_invalid', { given: 'D', options: 'A/B/C' }],
    ['A.I.1.iii.a', 'E', 'lke.answer.option_invalid', { given: 'E', options: 'A/B/C/D' }],
    ['A.I.2.i.b', long, 'lke.answer.option_invalid', { given: 'abcdefghijklmnopqrst', options: 'A/B/C/D/E' }],
    ['B.I.a', '   ', 'lke.answer.index_expected', {}],
    ['B.I.a', { index: 'x' }, 'lke.answer.index_expected', {}],
    ['B.I.a', Number.POSITIVE_INFINITY, 'lke.answer.index_expected', {}],
    ['B.I.a', Number.NaN, 'lke.answer.index_expected', {}],
    ['B.I.a', { option: 'A' }, 'lke.answer.index_expected', {}],
    ['B.I.a', -0.01, 'lke.answer.index_range', {}],
    ['B.I.a', 4.01, 'lke.answer.index_range', {}],
    ['B.I.a', { index: 5 }, 'lke.answer.index_range', {}],
    ['A.II.4.i.a', { percent: [50] }, 'lke.answer.percent_expected', {}],
    ['A.II.4.i.a', { percent: null }, 'lke.answer.percent_expected', {}],
    ['A.II.4.i.a', [1, 2], 'lke.answer.percent_expected', {}],
    ['A.II.4.i.a', 42, 'lke.answer.percent_expected', {}],
    ['A.II.4.i.a', { percent: -0.01 }, 'lke.answer.percent_negative', {}],
    ['A.II.4.i.a', { percent: 1000.01 }, 'lke.answer.percent_range', {}],
    ['A.II.1.i.a', { agents: 3, changes: 1, bogus: 1 }, 'lke.answer.input_unknown', { input: 'bogus', inputs: 'agents, changes' }],
    ['A.II.1.i.a', { [key50]: 1 }, 'lke.answer.input_unknown', { input: 'k'.repeat(40), inputs: 'agents, changes' }],
    ['A.II.1.i.a', { agents: null, changes: 2 }, 'lke.answer.input_missing', { input: 'agents' }],
    ['A.II.1.i.a', { agents: undefined, changes: 2 }, 'lke.answer.input_missing', { input: 'agents' }],
    ['A.II.1.i.a', { agents: '', changes: 2 }, 'lke.answer.input_missing', { input: 'agents' }],
    ['A.II.1.i.a', { agents: 2 }, 'lke.answer.input_missing', { input: 'changes' }],
    ['A.II.3.iii.a', { previousYear: 4 }, 'lke.answer.input_missing', { input: 'thisYear' }],
    ['A.II.3.iii.a', { thisYear: 1, sanctioned: 1 }, 'lke.answer.input_missing', { input: 'previousYear' }],
    ['A.II.5.ii.a', { toFollowUp: 20, inProcess: 2 }, 'lke.answer.input_missing', { input: 'completed' }],
    ['A.II.5.ii.a', { completed: 3 }, 'lke.answer.input_missing', { input: 'toFollowUp' }],
    ['A.II.1.i.a', { agents: 'x', changes: 1 }, 'lke.answer.count_integer', { input: 'agents' }],
    ['A.II.1.i.a', { agents: true, changes: 1 }, 'lke.answer.count_integer', { input: 'agents' }],
    ['A.II.1.i.a', { agents: 2, changes: 2.5 }, 'lke.answer.count_integer', { input: 'changes' }],
    ['A.II.1.i.a', { agents: 2, changes: Number.POSITIVE_INFINITY }, 'lke.answer.count_integer', { input: 'changes' }],
    ['A.II.1.i.a', { agents: -1, changes: 0 }, 'lke.answer.count_negative', { input: 'agents' }],
    ['A.II.1.i.a', { agents: 1_000_001, changes: 0 }, 'lke.answer.count_range', { input: 'agents' }],
    ['A.II.5.iii.a', { required: 9, head: 1, officials: 2, others: 0, reported: 3 }, 'lke.answer.sum_mismatch', { input: 'required', sum: 3 }],
  ];
  for (const [code, raw, err, params] of refused) {
    test(`${code} ${JSON.stringify(raw)} → ${err} ${JSON.stringify(params)}`, () => {
      const e = refusal(() => parseAnswer(item(code), raw));
      assert.equal(e.kind, 'validation');
      assert.equal(e.code, err);
      assert.deepEqual(e.params, { item: code, ...params });
    });
  }
});

describe('parseAnswers: the whole map', () => {
  for (const raw of [null, undefined, 0, '', 'A', 5, true, [], [{ 'A.I.1.i.a': 'Ya' }]]) {
    test(`${JSON.stringify(raw)} is not an answer map`, () => {
      const e = refusal(() => parseAnswers(rs, raw));
      assert.deepEqual([e.kind, e.code, e.params], ['validation', 'lke.answers.object_expected', {}]);
    });
  }
  test('unanswered entries are left out of the map', () => {
    assert.deepEqual(parseAnswers(rs, { 'A.I.1.i.a': '', 'A.I.1.i.b': 'A', 'B.I.a': null }), { 'A.I.1.i.b': { option: 'A' } });
  });
  test('a node code is not an item in a complete rule set, even a leaf node without items', () => {
    assert.equal(refusal(() => parseAnswers(rs, { 'A.I.1.i': 0.5 })).code, 'lke.answer.unknown_item');
    assert.equal(refusal(() => parseAnswers(tiny, { C: 1 })).code, 'lke.answer.unknown_item');
  });
  // a partial (legacy) rule set records the score of an area that has no items
  const scores: [unknown, number | string][] = [
    [4, 4], [{ score: 2.5 }, 2.5], [0, 0], [5, 5], [5.000000001, 5.000000001],
    [5.01, 'refused'], [-0.01, 'refused'], ['4', 'refused'], [{ score: '3' }, 'refused'], [Number.NaN, 'refused'],
    [Number.POSITIVE_INFINITY, 'refused'], [null, 'refused'], [{ points: 3 }, 'refused'],
  ];
  for (const [raw, expected] of scores) {
    test(`legacy area A.1 (weight 5) recorded as ${JSON.stringify(raw)} → ${expected}`, () => {
      if (typeof expected === 'number') assert.deepEqual(parseAnswers(legacy, { 'A.1': raw }), { 'A.1': { score: expected } });
      else {
        const e = refusal(() => parseAnswers(legacy, { 'A.1': raw }));
        assert.deepEqual([e.kind, e.code, e.params], ['validation', 'lke.answer.score_range', { item: 'A.1', max: 5 }]);
      }
    });
  }
  test('legacy: A.3 takes up to its own weight 15; nodes with children or items, and unknown codes, are refused', () => {
    assert.deepEqual(parseAnswers(legacy, { 'A.3': 15, 'B.I.a': 3.6 }), { 'A.3': { score: 15 }, 'B.I.a': { index: 3.6 } });
    assert.deepEqual(refusal(() => parseAnswers(legacy, { 'A.3': 15.5 })).params, { item: 'A.3', max: 15 });
    for (const code of ['A', 'B', 'B.I', 'B.II', 'X.1']) assert.equal(refusal(() => parseAnswers(legacy, { [code]: 1 })).code, 'lke.answer.unknown_item', code);
  });
});

describe('scoring details', () => {
  const o = resolveOptions(rs, {});
  test('options: unknown values are refused naming the option; nothing given is the defaults', () => {
    const e = refusal(() => resolveOptions(rs, { areaMinimum: 'sometimes' as 'both' }));
    assert.deepEqual([e.kind, e.code, e.params], ['validation', 'lke.option.invalid', { option: 'areaMinimum', value: 'sometimes' }]);
    assert.deepEqual(resolveOptions(rs, null), rs.defaults);
    assert.deepEqual(resolveOptions(rs, { optionValues: undefined }), rs.defaults);
    assert.deepEqual(resolveOptions(rs, { zeroDenominator: 'full' }), { ...rs.defaults, zeroDenominator: 'full' });
  });
  test('valueOf: no answer, or an answer of no known shape, has no value', () => {
    assert.deepEqual(valueOf(rs, item('A.I.1.i.a'), null, o), { value: null });
    assert.deepEqual(valueOf(rs, item('A.I.1.i.a'), undefined, o), { value: null });
    assert.deepEqual(valueOf(rs, item('A.II.1.i.a'), { score: 2 }, o), { value: null });
  });
  test('valueOf: a letter without a value in the table is worth 0; an item without a formula computes nothing', () => {
    assert.deepEqual(valueOf(tiny, tinyItem('A.II.a'), { option: 'A' }, tiny.defaults), { value: 0 });
    assert.deepEqual(valueOf(tiny, tinyItem('A.II.a'), { option: 'A' }, { ...tiny.defaults, optionValues: 'exact' }), { value: 1 });
    assert.deepEqual(valueOf(tiny, tinyItem('A.I.b'), { inputs: { x: 1, y: 2, total: 3 } }, tiny.defaults), { value: 0, rawPercent: null });
    assert.equal(computePercent(item('A.I.1.i.a'), {}, o), null);
  });
  test('valueOf: an index is clamped to 0..4 and scaled', () => {
    assert.deepEqual(valueOf(rs, item('B.I.a'), { index: 5 }, o), { value: 1 });
    assert.deepEqual(valueOf(rs, item('B.I.a'), { index: -1 }, o), { value: 0 });
    assert.deepEqual(valueOf(rs, item('B.I.a'), { index: 3 }, o), { value: 0.75 });
  });
  test('complaints: with none to follow up, any completed or in process counts 100 % whatever the zero policy', () => {
    const cp = (inputs: Record<string, number>, over: object) => computePercent(item('A.II.5.ii.a'), inputs, resolveOptions(rs, over));
    assert.equal(cp({ toFollowUp: 0, inProcess: 0, completed: 2 }, { zeroDenominator: 'zero' }), 100);
    assert.equal(cp({ toFollowUp: 0, inProcess: 0, completed: 0 }, { zeroDenominator: 'zero' }), 0);
    assert.equal(cp({ toFollowUp: 0, inProcess: 2, completed: 0 }, { zeroDenominator: 'zero' }), 0);
    assert.equal(cp({ toFollowUp: 0, inProcess: 2, completed: 0 }, { zeroDenominator: 'zero', complaintFormula: 'completedOrInProcess' }), 100);
    assert.equal(cp({ toFollowUp: 10, inProcess: 3, completed: 4 }, { complaintFormula: 'completedOrInProcess' }), 70);
  });
  test('item results carry the raw percentage only for percent items', () => {
    const s = scoreAnswers(rs, { 'A.I.1.i.a': { option: 'Ya' }, 'A.II.4.i.a': { percent: 250 }, 'A.II.1.i.a': { inputs: { agents: 4, changes: 1 } } });
    assert.deepEqual(s.items['A.I.1.i.a'], { value: 1, score: 0.25, weight: 0.25 });
    assert.deepEqual(s.items['A.II.4.i.a'], { value: 1, score: 2, weight: 2, rawPercent: 250 });
    assert.deepEqual(s.items['A.II.1.i.a'], { value: 0.25, score: 0.25, weight: 1, rawPercent: 25 });
    assert.deepEqual(s.items['A.II.3.iii.a'], { value: null, score: 0, weight: 2 });
    assert.deepEqual(s.items['B.I.a'], { value: null, score: 0, weight: 17.5 });
  });
  test('unanswered items are listed in rule-set order; answered ones are not', () => {
    const s = scoreAnswers(rs, { 'A.I.1.i.a': { option: 'Tidak' }, 'B.II.a': { index: 0 } });
    assert.equal(s.unanswered.length, 111);
    assert.deepEqual([s.unanswered[0], s.unanswered[1], s.unanswered.at(-1)], ['A.I.1.i.b', 'A.I.1.ii.a', 'B.I.b']);
    assert.deepEqual(scoreAnswers(tiny, { 'A.I.b': { inputs: { x: 1 } } }).unanswered, ['A.I.a', 'A.II.a']);
  });
  test('tiny rule set: halves by code, an area without nodes, weight 0, a leaf node in a complete set', () => {
    const s = scoreAnswers(tiny, { 'A.I.a': { option: 'Ya' }, 'A.II.a': { option: 'B' }, C: { score: 2 } }, { optionValues: 'exact' });
    assert.deepEqual(s.areas['1'], { weight: 10, score: 5, percent: 50, pemenuhan: 2, reform: 3 });
    assert.deepEqual(s.areas['2'], { weight: 5, score: 0, percent: 0, pemenuhan: 0, reform: 0 });
    assert.deepEqual(s.nodes.Z, { weight: 0, score: 0, percent: 0 });
    assert.deepEqual(s.nodes.C, { weight: 3, score: 0, percent: 0 }, 'a complete rule set takes no recorded node scores');
    assert.equal(s.total, 5);
  });
  test('legacy (partial): recorded area scores add up, capped at their weight; other shapes are ignored', () => {
    const a = parseAnswers(legacy, { 'A.1': 4, 'A.2': 5, 'A.3': 12, 'A.4': 8, 'A.5': 12, 'A.6': 9, 'B.I.a': 3.6, 'B.II.a': 3.2 });
    const s = scoreAnswers(legacy, a);
    assert.deepEqual(s.areas['1'], { weight: 5, score: 4, percent: 80, pemenuhan: 4, reform: 0 });
    assert.deepEqual(s.areas['3'], { weight: 15, score: 12, percent: 80, pemenuhan: 12, reform: 0 });
    assert.equal(s.nodes.A!.score, 50);
    assert.equal(r4(s.nodes['B.I']!.score), 13.5);
    assert.equal(s.nodes['B.II']!.score, 16);
    assert.equal(r4(s.total), 79.5);
    assert.deepEqual(s.unanswered, ['B.I.b']);
    const odd = scoreAnswers(legacy, { 'A.1': { score: 7 }, 'A.2': { index: 3 }, 'B.I': { score: 10 } } as Answers);
    assert.equal(odd.nodes['A.1']!.score, 5, 'capped at the weight');
    assert.equal(odd.nodes['A.2']!.score, 0, 'not a recorded score');
    assert.equal(odd.nodes['B.I']!.score, 0, 'B.I is scored from its items');
    assert.equal(odd.total, 5);
  });
});

describe('criteria: values, units, messages', () => {
  const full: Answers = {};
  for (const it of rs.items) full[it.code] = it.type === 'index' ? { index: 4 } : it.type === 'percent' ? { percent: 100 } : { option: LETTERS_OF[it.type][0]! };
  const base = scoreAnswers(rs, full);
  const crit = (predicate: 'WBK' | 'WBBM', id: string, change: (s: ScoreResult) => void) => {
    const s: ScoreResult = structuredClone(base);
    change(s);
    return evaluateCriteria(rs, s, predicate).find((c) => c.id === id)!;
  };
  test('a total criterion in points, whole', () => {
    assert.deepEqual(crit('WBBM', 'total', (s) => { s.total = 90; }), {
      id: 'total', label: { id: 'Nilai total', en: 'Total score' }, actual: 90, required: 85, unit: 'pts', passed: true,
      message: { id: 'Nilai total 90,00 ≥ 85', en: 'Total score 90.00 ≥ 85' },
    });
  });
  test('a node criterion in points, with a fractional minimum', () => {
    assert.deepEqual(crit('WBK', 'B.I', (s) => { s.nodes['B.I']!.score = 18.25; }), {
      id: 'B.I', label: { id: 'Birokrasi yang bersih dan akuntabel', en: 'Clean and accountable bureaucracy' }, actual: 18.25, required: 18.25, unit: 'pts', passed: true,
      message: { id: 'Birokrasi yang bersih dan akuntabel 18,25 ≥ 18,25', en: 'Clean and accountable bureaucracy 18.25 ≥ 18.25' },
    });
  });
  test('an area criterion in percent, naming the area', () => {
    assert.deepEqual(crit('WBBM', 'area.3', (s) => { s.areas['3']!.percent = 74.5; }), {
      id: 'area.3', label: { id: 'Penataan Sistem Manajemen SDM', en: 'HR management system' }, actual: 74.5, required: 75, unit: '%', passed: false, area: 3,
      message: { id: 'Penataan Sistem Manajemen SDM 74,50 % < 75 %', en: 'HR management system 74.50 % < 75 %' },
    });
  });
  const messages: [number, string, string][] = [
    [74.999, 'Penataan Sistem Manajemen SDM 74,9990 % < 75 %', 'HR management system 74.9990 % < 75 %'],
    [75, 'Penataan Sistem Manajemen SDM 75,00 % ≥ 75 %', 'HR management system 75.00 % ≥ 75 %'],
    [75.001, 'Penataan Sistem Manajemen SDM 75,00 % ≥ 75 %', 'HR management system 75.00 % ≥ 75 %'],
    [74.99, 'Penataan Sistem Manajemen SDM 74,99 % < 75 %', 'HR management system 74.99 % < 75 %'],
  ];
  for (const [pct, id, en] of messages) {
    test(`area at ${pct} % reads "${id}"`, () => assert.deepEqual(crit('WBBM', 'area.3', (s) => { s.areas['3']!.percent = pct; }).message, { id, en }));
  }
  test('a total hidden by rounding shows four decimals', () => {
    assert.equal(crit('WBBM', 'total', (s) => { s.total = 84.999; }).message.id, 'Nilai total 84,9990 < 85');
  });
  test('the tolerance is one billionth: 74.999999999 passes 75, 74.99999999 does not', () => {
    assert.equal(crit('WBK', 'total', (s) => { s.total = 74.999999999; }).passed, true);
    assert.equal(crit('WBK', 'total', (s) => { s.total = 74.99999999; }).passed, false);
  });
  test('a node missing from the score counts 0', () => {
    const c = crit('WBK', 'B.II', (s) => { delete s.nodes['B.II']; });
    assert.deepEqual([c.actual, c.passed], [0, false]);
    assert.deepEqual(evaluateCriteria(tiny, scoreAnswers(tiny, {}), 'WBK').map((x) => [x.id, x.actual, x.passed]), [['ghost', 0, false]]);
  });
  test('per half: pemenuhan and reform of each area, labelled', () => {
    const s = scoreAnswers(rs, full, { areaMinimum: 'perHalf' });
    const c = evaluateCriteria(rs, s, 'WBK');
    assert.deepEqual(c.map((x) => x.id), [
      'total', 'pengungkit',
      'area.1.pemenuhan', 'area.1.reform', 'area.2.pemenuhan', 'area.2.reform', 'area.3.pemenuhan', 'area.3.reform',
      'area.4.pemenuhan', 'area.4.reform', 'area.5.pemenuhan', 'area.5.reform', 'area.6.pemenuhan', 'area.6.reform',
      'B.I', 'B.I.a', 'B.I.b', 'B.II',
    ]);
    assert.deepEqual(c[2], {
      id: 'area.1.pemenuhan', label: { id: 'Manajemen Perubahan (pemenuhan)', en: 'Change management (fulfilment)' }, actual: 100, required: 60, unit: '%', passed: true,
      area: 1, half: 'pemenuhan', message: { id: 'Manajemen Perubahan (pemenuhan) 100,00 % ≥ 60 %', en: 'Change management (fulfilment) 100.00 % ≥ 60 %' },
    });
    assert.deepEqual(c[3]!.label, { id: 'Manajemen Perubahan (reform)', en: 'Change management (reform)' });
    assert.deepEqual([c[3]!.area, c[3]!.half, c[3]!.unit], [1, 'reform', '%']);
  });
  test('both: the combined area, then its halves', () => {
    const c = evaluateCriteria(rs, scoreAnswers(rs, full, { areaMinimum: 'both' }), 'WBBM');
    assert.deepEqual(c.map((x) => x.id).slice(0, 8), ['total', 'pengungkit', 'area.1', 'area.1.pemenuhan', 'area.1.reform', 'area.2', 'area.2.pemenuhan', 'area.2.reform']);
    assert.equal(c.length, 24, "total, pengungkit, 6 × (area and two halves), B.I, B.I.a, B.I.b, B.II");
  });
  test('per half on the tiny set: the node coded A.II is the reform half', () => {
    const s = scoreAnswers(tiny, { 'A.II.a': { option: 'A' } }, { areaMinimum: 'perHalf', optionValues: 'exact' });
    const t: RuleSet = { ...tiny, thresholds: { WBK: [{ id: 'area', kind: 'areaPercent', minPercent: 60, label: tx('area'), source: src }], WBBM: [] } };
    // area 2 has no area nodes, so no halves to judge
    assert.deepEqual(evaluateCriteria(t, s, 'WBK').map((x) => [x.id, x.actual, x.passed]), [['area.1.pemenuhan', 0, false], ['area.1.reform', 100, true]]);
  });
});

describe('prerequisites', () => {
  test('every kind against the WBK minimum, with what was given and what is required', () => {
    const given = { bpkOpinion: 'wtp', sakipInstansi: 'CC', indeksRb: 'cc', spipLevel: '3', coreService: 'ya', publicImpact: 'Ya', tlhp: '99,5', lhkpnLhkasn: 100, buildingYears: '1,0', sakipUnit: 'X' };
    assert.deepEqual(evaluatePrerequisites(rs, given, 'WBK').map((p) => [p.id, p.status, p.given, p.required]), [
      ['bpkOpinion', 'met', 'wtp', 'WTP'],
      ['sakipInstansi', 'not_met', 'CC', 'B'],
      ['indeksRb', 'met', 'cc', 'CC'],
      ['spipLevel', 'met', '3', 3],
      ['coreService', 'met', 'ya', true],
      ['publicImpact', 'met', 'Ya', true],
      ['tlhp', 'not_met', '99,5', 100],
      ['lhkpnLhkasn', 'met', 100, 100],
      ['buildingYears', 'met', '1,0', 1],
      ['sakipUnit', 'not_met', 'X', 'B'],
    ]);
  });
  test('not given: status and requirement, nothing given', () => {
    assert.deepEqual(evaluatePrerequisites(rs, null, 'WBBM').find((p) => p.id === 'priorWbk'), { id: 'priorWbk', label: rs.prerequisites.find((p) => p.id === 'priorWbk')!.label, status: 'not_given', required: true });
    assert.deepEqual(evaluatePrerequisites(rs, {}, 'WBBM').find((p) => p.id === 'sakipInstansi')!.required, 'BB');
  });
  const booleans: [unknown, string][] = [[true, 'met'], ['true', 'met'], ['ya', 'met'], ['Ya', 'met'], [false, 'not_met'], ['false', 'not_met'], ['tidak', 'not_met'], ['YA', 'not_met'], [1, 'not_met']];
  for (const [v, st] of booleans) test(`coreService ${JSON.stringify(v)} → ${st}`, () => assert.equal(evaluatePrerequisites(rs, { coreService: v }, 'WBK').find((p) => p.id === 'coreService')!.status, st));
  const numbers: [string, unknown, string][] = [
    ['spipLevel', 3, 'met'], ['spipLevel', 2.99, 'not_met'], ['spipLevel', '3,5', 'met'], ['spipLevel', '2,5', 'not_met'], ['spipLevel', 'tiga', 'not_met'],
    ['tlhp', 100, 'met'], ['tlhp', 99.99, 'not_met'], ['tlhp', '99,5', 'not_met'], ['tlhp', '100', 'met'],
  ];
  for (const [id, v, st] of numbers) test(`${id} ${JSON.stringify(v)} → ${st}`, () => assert.equal(evaluatePrerequisites(rs, { [id]: v }, 'WBK').find((p) => p.id === id)!.status, st));
  const grades: [unknown, string, string][] = [['B', 'met', 'not_met'], ['bb', 'met', 'met'], ['CC', 'not_met', 'not_met'], ['AA', 'met', 'met'], ['E', 'not_met', 'not_met'], ['Z', 'not_met', 'not_met']];
  for (const [v, wbk, wbbm] of grades) {
    test(`sakipInstansi ${JSON.stringify(v)} → WBK ${wbk}, WBBM ${wbbm}`, () => {
      assert.equal(evaluatePrerequisites(rs, { sakipInstansi: v }, 'WBK').find((p) => p.id === 'sakipInstansi')!.status, wbk);
      assert.equal(evaluatePrerequisites(rs, { sakipInstansi: v }, 'WBBM').find((p) => p.id === 'sakipInstansi')!.status, wbbm);
    });
  }
  test('the lowest grade meets a minimum that is the lowest grade; a predicate without a minimum is never met', () => {
    assert.deepEqual(evaluatePrerequisites(tiny, { g: 'low', n: 0 }, 'WBK').map((p) => [p.id, p.status, p.required]), [['g', 'met', 'LOW'], ['n', 'met', 0]]);
    assert.deepEqual(evaluatePrerequisites(tiny, { g: 'HIGH', n: 5 }, 'WBBM').map((p) => [p.id, p.status, p.required]), [['g', 'not_met', undefined], ['n', 'not_met', undefined]]);
    assert.deepEqual(evaluatePrerequisites(tiny, { g: 'NONE' }, 'WBK').map((p) => p.status), ['not_met', 'not_given']);
  });
  test('not proposable when a score threshold fails, even with every prerequisite met', () => {
    const all = Object.fromEntries(rs.prerequisites.map((p) => [p.id, p.kind === 'boolean' ? true : p.kind === 'grade' ? p.scale.at(-1) : 1000]));
    const v = judge(rs, official, all);
    assert.ok(v.WBBM.prerequisites.every((p) => p.status === 'met'));
    assert.deepEqual([v.WBBM.eligible, v.WBBM.proposable, v.WBK.eligible, v.WBK.proposable], [false, false, true, true]);
  });

  const parsed: [unknown, Record<string, string | number | boolean>][] = [
    [undefined, {}], [null, {}], [{}, {}],
    [{ coreService: true, publicImpact: false, priorWbk: 'true' }, { coreService: true, publicImpact: false, priorWbk: true }],
    [{ coreService: 'false' }, { coreService: false }],
    [{ bpkOpinion: 'wtp', sakipInstansi: 'Bb' }, { bpkOpinion: 'WTP', sakipInstansi: 'BB' }],
    [{ spipLevel: 3, tlhp: '99,5', lhkpnLhkasn: '100', buildingYears: 0 }, { spipLevel: 3, tlhp: 99.5, lhkpnLhkasn: 100, buildingYears: 0 }],
    [{ coreService: null, bpkOpinion: '', spipLevel: undefined, tlhp: 80 }, { tlhp: 80 }],
  ];
  for (const [raw, expected] of parsed) test(`parsePrerequisites ${JSON.stringify(raw)} → ${JSON.stringify(expected)}`, () => assert.deepEqual(parsePrerequisites(rs, raw), expected));
  const bad: [unknown, string, Record<string, string>][] = [
    ['WTP', 'lke.prereq.object_expected', {}],
    [5, 'lke.prereq.object_expected', {}],
    [true, 'lke.prereq.object_expected', {}],
    [['coreService'], 'lke.prereq.object_expected', {}],
    [{ bogus: 1 }, 'lke.prereq.unknown', { prerequisite: 'bogus' }],
    [{ ['p'.repeat(50)]: 1 }, 'lke.prereq.unknown', { prerequisite: 'p'.repeat(40) }],
    [{ coreService: 'ya' }, 'lke.prereq.boolean', { prerequisite: 'coreService' }],
    [{ coreService: 1 }, 'lke.prereq.boolean', { prerequisite: 'coreService' }],
    [{ bpkOpinion: 'WTT' }, 'lke.prereq.grade', { prerequisite: 'bpkOpinion', scale: 'TMP, TW, WDP, WTP' }],
    [{ spipLevel: -1 }, 'lke.prereq.number', { prerequisite: 'spipLevel' }],
    [{ spipLevel: -0.01 }, 'lke.prereq.number', { prerequisite: 'spipLevel' }],
    [{ spipLevel: 'tiga' }, 'lke.prereq.number', { prerequisite: 'spipLevel' }],
    [{ tlhp: Number.POSITIVE_INFINITY }, 'lke.prereq.number', { prerequisite: 'tlhp' }],
  ];
  for (const [raw, code, params] of bad) {
    test(`parsePrerequisites ${JSON.stringify(raw)} → ${code}`, () => {
      const e = refusal(() => parsePrerequisites(rs, raw));
      assert.deepEqual([e.kind, e.code, e.params], ['validation', code, params]);
    });
  }
});

describe('helpers: better answers, same answer, layers, carry-over, display', () => {
  const o = resolveOptions(rs, {});
  const better: [string, Answer | null, Answer[]][] = [
    ['A.I.1.i.a', null, [{ option: 'Ya' }, { option: 'Tidak' }]],
    ['A.I.1.i.a', { option: 'Tidak' }, [{ option: 'Ya' }]],
    ['A.I.1.i.a', { option: 'Ya' }, []],
    ['A.I.1.i.b', { option: 'B' }, [{ option: 'A' }]],
    ['A.I.1.iii.a', { option: 'C' }, [{ option: 'A' }, { option: 'B' }]],
    ['A.II.4.i.a', null, [100, 90, 80, 75, 70, 60, 50, 25].map((percent) => ({ percent }))],
    ['A.II.4.i.a', { percent: 75 }, [{ percent: 100 }, { percent: 90 }, { percent: 80 }]],
    ['A.II.4.i.a', { percent: 74.9 }, [{ percent: 100 }, { percent: 90 }, { percent: 80 }, { percent: 75 }]],
    ['A.II.4.i.a', { percent: 100 }, []],
    ['A.II.1.i.a', { inputs: { agents: 10, changes: 5 } }, [{ percent: 100 }, { percent: 90 }, { percent: 80 }, { percent: 75 }, { percent: 70 }, { percent: 60 }]],
    ['B.I.a', { index: 1 }, []],
    ['B.I.a', null, []],
  ];
  for (const [code, now, expected] of better) {
    test(`better than ${JSON.stringify(now)} for ${code}: ${expected.length}`, () => assert.deepEqual(betterAnswers(rs, item(code), now, o), expected));
  }
  test('sameAnswer', () => {
    assert.equal(sameAnswer(null, undefined), true);
    assert.equal(sameAnswer(null, { option: 'A' }), false);
    assert.equal(sameAnswer({ option: 'A' }, null), false);
    assert.equal(sameAnswer({ option: 'A' }, { option: 'A' }), true);
    assert.equal(sameAnswer({ option: 'A' }, { option: 'B' }), false);
    assert.equal(sameAnswer({ inputs: { agents: 1, changes: 2 } }, { inputs: { changes: 2, agents: 1 } }), true, 'input order does not matter');
    assert.equal(sameAnswer({ inputs: { agents: 1, changes: 2 } }, { inputs: { agents: 1, changes: 3 } }), false);
    assert.equal(sameAnswer({ percent: 50 }, { index: 50 } as Answer), false);
  });
  test('compareLayers reports both sides, null where a layer has no answer', () => {
    const d = compareLayers(rs, { 'A.I.1.i.a': { option: 'Ya' }, 'A.I.1.i.b': { option: 'A' } }, { 'A.I.1.i.b': { option: 'C' }, 'B.I.a': { index: 2 } });
    assert.deepEqual(d, [
      { item: 'A.I.1.i.a', a: { option: 'Ya' }, b: null, scoreA: 0.25, scoreB: 0, delta: -0.25 },
      { item: 'A.I.1.i.b', a: { option: 'A' }, b: { option: 'C' }, scoreA: 0.25, scoreB: 0, delta: -0.25 },
      { item: 'B.I.a', a: null, b: { index: 2 }, scoreA: 0, scoreB: 8.75, delta: 8.75 },
    ]);
    assert.deepEqual(compareLayers(rs, { 'A.II.1.i.a': { inputs: { agents: 1, changes: 2 } } }, { 'A.II.1.i.a': { inputs: { changes: 2, agents: 1 } } }), []);
  });
  test('carryOver: empty answers carry nothing; answers the target refuses are dropped as invalid', () => {
    assert.deepEqual(carryOver(rs, rs, { 'A.II.1.i.a': { inputs: {} } }), { answers: {}, carried: [], dropped: [] });
    assert.deepEqual(carryOver(legacy, rs, { 'A.I.1.i.a': { index: 3 } }), { answers: {}, carried: [], dropped: [{ item: 'A.I.1.i.a', reason: 'invalid' }] });
    assert.deepEqual(carryOver(rs, rs, { 'A.I.1.i.a': { option: 'Ya' }, 'B.I.a': { index: 3.5 }, 'A.II.4.i.a': { percent: 80 } }), {
      answers: { 'A.I.1.i.a': { option: 'Ya' }, 'B.I.a': { index: 3.5 }, 'A.II.4.i.a': { percent: 80 } }, carried: ['A.I.1.i.a', 'B.I.a', 'A.II.4.i.a'], dropped: [],
    });
  });
  const shown: [RuleItem, Answer, 'id' | 'en', boolean, string][] = [
    [item('A.II.4.i.a'), { percent: 37.5 }, 'id', true, '37,50 %'],
    [item('A.II.4.i.a'), { percent: 120 }, 'en', false, '120.00 %'],
    [legacy.items[0]!, { score: 3.25 } as Answer, 'id', true, '3,25'],
    [item('A.II.1.i.a'), { inputs: { agents: 6, changes: 4 } }, 'id', false, '4 / 6'],
    [item('A.II.3.iii.a'), { inputs: { previousYear: 10, thisYear: 8 } }, 'en', false, '10; 8; 0'],
    [item('A.II.5.ii.a'), { inputs: { toFollowUp: 20, inProcess: 2, completed: 18 } }, 'en', true, '90.00 % (20; 2; 18)'],
    [tinyItem('A.I.b'), { inputs: { x: 1, y: 2 } }, 'id', true, '1; 2'],
    [tinyItem('A.I.b'), { inputs: { total: 3, x: 1, y: 2 } }, 'id', true, '3; 1; 2'],
    [item('A.I.1.i.a'), { inputs: {} }, 'id', false, ''],
  ];
  for (const [it, a, locale, withOptions, text] of shown) {
    test(`describeAnswer ${it.code} ${JSON.stringify(a)} → "${text}"`, () => assert.equal(describeAnswer(it, a, locale, withOptions ? o : undefined), text));
  }
});
