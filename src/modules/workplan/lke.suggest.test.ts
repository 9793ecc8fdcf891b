// The pure mapping from work-plan facts to suggested LKE answers, table by table, and the answers
// it suggests are ones the current rule set accepts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getRuleSet, parseAnswers } from '../assessment/index.ts';
import { endedMonths, shareBand, suggestFromFacts, SUGGESTION_RULES, type WorkplanFacts } from './lke.suggest.ts';

const empty = (over: Partial<WorkplanFacts> = {}): WorkplanFacts => ({
  year: 2026, ended: 6, team: null, plan: null, leaderAccounts: [], agents: null, declaration: null, people: null, ...over,
});

function plan(over: Partial<NonNullable<WorkplanFacts['plan']>> = {}): NonNullable<WorkplanFacts['plan']> {
  return { id: 'p', title: 'Rencana Kerja', decreeNumber: '1/2026', decreeDate: '2026-01-19', areasWithTargets: 6, activities: [], monev: [], ...over };
}

/** n activities each scheduled in months 1..6, with `done` of their ended months done. */
function schedule(n: number, doneEach: number, tags: string[] = []) {
  const activities = Array.from({ length: n }, (_, i) => ({ id: `a${i}`, title: `Kegiatan ${i}`, months: [1, 2, 3, 4, 5, 6], lkeItems: tags, picPersonId: null }));
  const monev = activities.flatMap((a) => a.months.slice(0, doneEach).map((m) => ({ activityId: a.id, month: m, status: 'done', followUp: null, followUpDone: false, createdBy: null })));
  return { activities, monev };
}

const answerOf = (facts: WorkplanFacts, item: string) => suggestFromFacts(facts).find((s) => s.item === item)?.answer;

describe('share bands (lke-suggestions.json)', () => {
  const cases: [number, string][] = [[1, 'all'], [0.999, 'most'], [0.51, 'most'], [0.5, 'some'], [0.01, 'some'], [0, 'none']];
  for (const [share, band] of cases) test(`${share} → ${band}`, () => assert.equal(shareBand(share), band));
  test('the bands are data: a stricter "most" moves the line', () => {
    assert.equal(shareBand(0.6, { ...SUGGESTION_RULES, shares: { ...SUGGESTION_RULES.shares, most: { above: 0.75 } } }), 'some');
  });
});

describe('ended months', () => {
  const cases: [number, string, number][] = [[2025, '2026-11-28T00:00:00Z', 12], [2026, '2026-11-28T00:00:00Z', 10], [2026, '2026-01-05T00:00:00Z', 0], [2027, '2026-11-28T00:00:00Z', 0]];
  for (const [year, now, n] of cases) test(`${year} at ${now.slice(0, 10)} → ${n}`, () => assert.equal(endedMonths(year, new Date(now)), n));
});

describe('team items A.I.1.i.a/b', () => {
  const team = { decreeNumber: '800/12/2026', decreeDate: '2026-01-10', selection: 'clear_all', members: 14, coordinatorAreas: 6, evidence: [{ fileId: '11111111-1111-4111-8111-111111111111', url: null, title: 'SK Tim' }] };
  test('a team with a decree and members: Ya; selection maps to A/B/C; the decree file is the evidence', () => {
    const s = suggestFromFacts(empty({ team }));
    assert.equal(s.find((x) => x.item === 'A.I.1.i.a')!.answer, 'Ya');
    assert.deepEqual(s.find((x) => x.item === 'A.I.1.i.a')!.evidence, [{ kind: 'file', fileId: team.evidence[0]!.fileId, title: 'SK Tim' }]);
    for (const [selection, letter] of [['clear_all', 'a'], ['partial', 'b'], ['none', 'c']]) {
      assert.equal(answerOf(empty({ team: { ...team, selection } }), 'A.I.1.i.b'), letter);
    }
  });
  test('a team without its decree: facts but no answer', () => {
    assert.equal(answerOf(empty({ team: { ...team, decreeNumber: null } }), 'A.I.1.i.a'), null);
  });
  test('no team recorded: no suggestion at all', () => {
    assert.equal(suggestFromFacts(empty()).find((x) => x.item.startsWith('A.I.1.i.')), undefined);
  });
});

describe('plan items', () => {
  test('A.I.1.ii.b by the areas with targets', () => {
    for (const [n, letter] of [[6, 'a'], [4, 'b'], [1, 'b'], [0, 'c']] as const) assert.equal(answerOf(empty({ plan: plan({ areasWithTargets: n }) }), 'A.I.1.ii.b'), letter, `${n} areas`);
  });
  test('A.I.1.iii.a by the ended activity-months done', () => {
    // 4 activities × 6 ended months = 24 slots
    for (const [doneEach, letter] of [[6, 'a'], [4, 'b'], [3, 'c'], [1, 'c'], [0, 'd']] as const) {
      assert.equal(answerOf(empty({ plan: plan(schedule(4, doneEach)) }), 'A.I.1.iii.a'), letter, `${doneEach} of 6 months`);
    }
    assert.equal(answerOf(empty({ ended: 0, plan: plan(schedule(4, 0)) }), 'A.I.1.iii.a'), null, 'nothing has ended yet');
  });
  test('A.I.1.iii.b: periodic and with the leaders → A; leaders but a gap → B; no leader → C; none → D', () => {
    const leader = 'acc-head';
    const rec = (month: number, by: string | null) => ({ activityId: 'a0', month, status: 'done', followUp: null, followUpDone: false, createdBy: by });
    const base = { activities: [{ id: 'a0', title: 'K', months: [1, 2, 3, 4, 5, 6], lkeItems: [], picPersonId: null }] };
    assert.equal(answerOf(empty({ leaderAccounts: [leader], plan: plan({ ...base, monev: [1, 3, 5, 6].map((m) => rec(m, m === 3 ? leader : null)) }) }), 'A.I.1.iii.b'), 'a');
    assert.equal(answerOf(empty({ leaderAccounts: [leader], plan: plan({ ...base, monev: [rec(1, leader), rec(6, null)] }) }), 'A.I.1.iii.b'), 'b');
    assert.equal(answerOf(empty({ leaderAccounts: [leader], plan: plan({ ...base, monev: [1, 2, 3, 4, 5, 6].map((m) => rec(m, null)) }) }), 'A.I.1.iii.b'), 'c');
    assert.equal(answerOf(empty({ leaderAccounts: [leader], plan: plan({ ...base, monev: [] }) }), 'A.I.1.iii.b'), 'd');
    // a gap at the end counts too: nothing since March, now June has ended
    assert.equal(answerOf(empty({ leaderAccounts: [leader], plan: plan({ ...base, monev: [1, 2, 3].map((m) => rec(m, leader)) }) }), 'A.I.1.iii.b'), 'b');
  });
  test('A.I.1.iii.c by follow-ups done; no follow-up needed: no answer', () => {
    const fu = (done: boolean) => ({ activityId: 'a0', month: 1, status: 'partial', followUp: 'Jadwal ulang', followUpDone: done, createdBy: null });
    const withFu = (d: number, n: number) => plan({ monev: Array.from({ length: n }, (_, i) => fu(i < d)) });
    for (const [d, n, letter] of [[4, 4, 'a'], [3, 4, 'b'], [2, 4, 'c'], [0, 4, 'd']] as const) assert.equal(answerOf(empty({ plan: withFu(d, n) }), 'A.I.1.iii.c'), letter);
    assert.equal(answerOf(empty({ plan: plan({ monev: [{ activityId: 'a0', month: 1, status: 'done', followUp: null, followUpDone: false, createdBy: null }] }) }), 'A.I.1.iii.c'), null);
  });
  test('A.II.1.ii.a: the criteria bands over the whole year (>80 %, >50 %, >0, none) and E without targets', () => {
    // 5 activities × 6 scheduled months = 30 slots in the year
    for (const [doneEach, letter] of [[6, 'a'], [5, 'a'], [4, 'b'], [3, 'c'], [0, 'd']] as const) {
      assert.equal(answerOf(empty({ plan: plan(schedule(5, doneEach)) }), 'A.II.1.ii.a'), letter, `${doneEach} of 6`);
    }
    assert.equal(answerOf(empty({ plan: plan({ ...schedule(5, 6), areasWithTargets: 0 }) }), 'A.II.1.ii.a'), 'e');
  });
  test('tagged activities drive A.I.1.ii.c, A.I.1.iv.a, A.I.1.iv.c and A.II.1.iii.a', () => {
    const facts = (doneEach: number) => empty({ plan: plan(schedule(2, doneEach, ['A.I.1.ii.c', 'A.I.1.iv.a', 'A.I.1.iv.c', 'A.II.1.iii.a'])) });
    assert.deepEqual(['A.I.1.ii.c', 'A.I.1.iv.a', 'A.I.1.iv.c', 'A.II.1.iii.a'].map((c) => answerOf(facts(6), c)), ['a', 'Ya', 'a', 'b']);
    assert.deepEqual(['A.I.1.ii.c', 'A.I.1.iv.a', 'A.I.1.iv.c', 'A.II.1.iii.a'].map((c) => answerOf(facts(0), c)), ['c', 'Tidak', 'c', 'd']);
    assert.equal(answerOf(empty({ plan: plan(schedule(2, 6)) }), 'A.I.1.iv.a'), undefined, 'untagged: no suggestion');
  });
  test('the decree document is the evidence of the plan items', () => {
    const decree = { kind: 'document' as const, title: 'Keputusan', fileName: 'k.pdf', render: async () => new Uint8Array() };
    const s = suggestFromFacts(empty({ plan: plan() }), { decree });
    assert.equal(s.find((x) => x.item === 'A.I.1.ii.a')!.evidence[0], decree);
  });
});

describe('agents and people', () => {
  test('agent counts are the inputs of A.II.1.i.a/b; A.I.1.iv.b by whether they made changes', () => {
    const agents = { agents: 5, changes: 7, integrated: 4, evidence: [] };
    const s = suggestFromFacts(empty({ agents }));
    assert.deepEqual(s.find((x) => x.item === 'A.II.1.i.a')!.answer, { inputs: { agents: 5, changes: 7 } });
    assert.deepEqual(s.find((x) => x.item === 'A.II.1.i.b')!.answer, { inputs: { changes: 7, integrated: 4 } });
    assert.equal(s.find((x) => x.item === 'A.I.1.iv.b')!.answer, 'a');
    assert.equal(answerOf(empty({ agents: { ...agents, changes: 0, integrated: 0 } }), 'A.I.1.iv.b'), 'b');
  });
  test('A.I.1.iv.d: everyone involved suggests at most B; most B; a few C; none D', () => {
    for (const [n, letter] of [[20, 'b'], [15, 'b'], [5, 'c'], [0, 'd']] as const) {
      assert.equal(answerOf(empty({ people: { total: 20, signed: n, involved: n } }), 'A.I.1.iv.d'), letter);
    }
  });
});

test('every suggested answer parses under the current rule set', () => {
  const rs = getRuleSet('permenpanrb-90-2021');
  const codes = new Set(rs.items.map((i) => i.code));
  const facts = empty({
    team: { decreeNumber: '1', decreeDate: '2026-01-01', selection: 'partial', members: 3, coordinatorAreas: 2, evidence: [] },
    plan: plan({ ...schedule(3, 4, ['A.I.1.ii.c', 'A.I.1.iv.a', 'A.I.1.iv.c', 'A.II.1.iii.a']) }),
    agents: { agents: 2, changes: 3, integrated: 1, evidence: [] },
    people: { total: 10, signed: 6, involved: 8 },
  });
  const s = suggestFromFacts(facts);
  assert.ok(s.length >= 14);
  for (const x of s) {
    assert.ok(codes.has(x.item), x.item);
    assert.ok(/^A\.(I|II)\.1\./.test(x.item), `${x.item} is outside A.I.1/A.II.1`);
    if (x.answer !== null) assert.doesNotThrow(() => parseAnswers(rs, { [x.item]: x.answer }), x.item);
  }
});
