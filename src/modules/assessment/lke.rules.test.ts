// Table-driven tests of the LKE rules against the domain spec (§3.3–3.8, worked example §3.11),
// plus property tests: scores stay within their weights and never fall when an answer improves.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { getRuleSet } from './lke.ruleset.ts';
import {
  betterAnswers, carryOver, compareLayers, computePercent, describeAnswer, evaluatePrerequisites, judge, LETTERS_OF, parseAnswer, parseAnswers,
  resolveOptions, scoreAnswers, valueOf, whatWouldItTake,
} from './lke.rules.ts';
import type { Answer, Answers, RuleItem, ScoreResult } from './lke.types.ts';

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
