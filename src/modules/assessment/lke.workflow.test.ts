// The worksheet's state machine, table-driven over the whole table: every state × every transition ×
// every role, the inputs each transition needs (a return's note, a conclusion, "memenuhi" before a
// recommendation, a TPI decision on every item before a conclusion), who writes which layer when,
// and which items carry a TPI decision. The expectations are written out here from the domain
// spec, not derived from TRANSITIONS, so a change to the rules has to be a change to this table too.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Role } from '../../kernel/access.ts';
import { buildRoles } from '../../main.ts';
import {
  availableTransitions, canWriteLayer, checkTransition, CONCLUSIONS, EVALUATORS, isLayer, isState, LAYERS, reviewTally, STATES, TRANSITIONS,
  UNIT_EDITORS, UNIT_SUBMITTERS, verdictLayer,
  type Layer, type ReviewRow, type State, type Transition, type TransitionFacts,
} from './lke.workflow.ts';

// the roles the kernel and the modules declare
const ROLES = buildRoles().names();

const ALL_TRANSITIONS: Transition[] = ['submit', 'start_review', 'return', 'evaluate', 'reopen', 'recommend'];

/** The spec: from which states, by which roles, to which state. */
const SPEC: Record<Transition, { from: State[]; roles: Role[]; to: State }> = {
  submit: { from: ['draft', 'returned'], roles: ['zi_ketua', 'unit_head'], to: 'submitted' },
  start_review: { from: ['submitted'], roles: ['tpi_evaluator'], to: 'under_review' },
  return: { from: ['under_review'], roles: ['tpi_evaluator'], to: 'returned' },
  evaluate: { from: ['under_review'], roles: ['tpi_evaluator'], to: 'evaluated' },
  reopen: { from: ['evaluated'], roles: ['tpi_evaluator'], to: 'under_review' },
  recommend: { from: ['evaluated'], roles: ['tpi_evaluator'], to: 'recommended' },
};

/** Everything every transition could need, given and good. */
const COMPLETE: TransitionFacts = { note: 'Lengkapi data dukung area 2.', conclusion: 'memenuhi', currentConclusion: 'memenuhi', undecided: 0 };

describe('the transition table: every state × transition × role', () => {
  test('the table knows exactly the six transitions and their targets', () => {
    assert.deepEqual(Object.keys(TRANSITIONS).sort(), [...ALL_TRANSITIONS].sort());
    for (const t of ALL_TRANSITIONS) assert.equal(TRANSITIONS[t].to, SPEC[t].to, t);
  });

  for (const state of STATES) {
    for (const t of ALL_TRANSITIONS) {
      test(`${t} from ${state}`, () => {
        for (const role of ROLES) {
          const expected = !SPEC[t].roles.includes(role) ? 'role' : !SPEC[t].from.includes(state) ? 'state' : null;
          assert.equal(checkTransition(t, state, [role], COMPLETE), expected, `${role}`);
        }
        // no role at all, and every role but the right ones together
        assert.equal(checkTransition(t, state, [], COMPLETE), 'role', 'no role');
        const others = ROLES.filter((r) => !SPEC[t].roles.includes(r));
        assert.equal(checkTransition(t, state, others, COMPLETE), 'role', 'all the other roles together');
        // a right role among others is enough
        const mixed: Role[] = ['employee', SPEC[t].roles[0]!, 'regency_viewer'];
        assert.equal(checkTransition(t, state, mixed, COMPLETE), SPEC[t].from.includes(state) ? null : 'state', 'mixed roles');
      });
    }
  }

  for (const state of STATES) {
    test(`the buttons offered in ${state}, for every role`, () => {
      for (const role of ROLES) {
        const expected = ALL_TRANSITIONS.filter((t) => SPEC[t].from.includes(state) && SPEC[t].roles.includes(role));
        assert.deepEqual(availableTransitions(state, [role]), expected, role);
      }
      assert.deepEqual(availableTransitions(state, []), []);
    });
  }

  test('nothing leaves "recommended"; a returned worksheet goes back only through the unit', () => {
    for (const role of ROLES) assert.deepEqual(availableTransitions('recommended', [role]), [], role);
    assert.deepEqual(availableTransitions('returned', ROLES), ['submit']);
  });
});

describe('what each transition needs besides the state and the role', () => {
  const cases: [string, Transition, State, Partial<TransitionFacts>, ReturnType<typeof checkTransition>][] = [
    // a return says why
    ['return with a note', 'return', 'under_review', { note: 'Lengkapi data dukung.' }, null],
    ['return with an empty note', 'return', 'under_review', { note: '' }, 'note'],
    ['return with a blank note', 'return', 'under_review', { note: '   ' }, 'note'],
    ['return with only line breaks and tabs', 'return', 'under_review', { note: '\n\t\r\n' }, 'note'],
    ['return with no note', 'return', 'under_review', { note: null }, 'note'],
    ['return with the note not given', 'return', 'under_review', { note: undefined }, 'note'],
    ['return with a one-letter note', 'return', 'under_review', { note: 'x' }, null],
    // a conclusion is one of the two
    ['evaluate memenuhi', 'evaluate', 'under_review', { conclusion: 'memenuhi' }, null],
    ['evaluate belum memenuhi', 'evaluate', 'under_review', { conclusion: 'belum_memenuhi' }, null],
    ['evaluate without a conclusion', 'evaluate', 'under_review', { conclusion: null }, 'conclusion'],
    ['evaluate with the conclusion not given', 'evaluate', 'under_review', { conclusion: undefined }, 'conclusion'],
    ['evaluate with an empty conclusion', 'evaluate', 'under_review', { conclusion: '' }, 'conclusion'],
    ['evaluate with an unknown conclusion', 'evaluate', 'under_review', { conclusion: 'ya' }, 'conclusion'],
    ['evaluate with a conclusion in capitals', 'evaluate', 'under_review', { conclusion: 'MEMENUHI' }, 'conclusion'],
    ['evaluate with a padded conclusion', 'evaluate', 'under_review', { conclusion: ' memenuhi' }, 'conclusion'],
    // every item decided by the TPI before a conclusion
    ['evaluate with every item decided', 'evaluate', 'under_review', { undecided: 0 }, null],
    ['evaluate with one item undecided', 'evaluate', 'under_review', { undecided: 1 }, 'unreviewed'],
    ['evaluate with 73 items undecided', 'evaluate', 'under_review', { undecided: 73 }, 'unreviewed'],
    ['evaluate with the count not given', 'evaluate', 'under_review', { undecided: undefined }, 'unreviewed'],
    ['evaluate with the count unknown', 'evaluate', 'under_review', { undecided: null }, 'unreviewed'],
    ['evaluate with a nonsense count', 'evaluate', 'under_review', { undecided: -1 }, 'unreviewed'],
    ['evaluate with NaN', 'evaluate', 'under_review', { undecided: Number.NaN }, 'unreviewed'],
    ['evaluate undecided, without a conclusion: the conclusion is asked first', 'evaluate', 'under_review', { undecided: 5, conclusion: null }, 'conclusion'],
    // only a "memenuhi" conclusion is recommended
    ['recommend memenuhi', 'recommend', 'evaluated', { currentConclusion: 'memenuhi' }, null],
    ['recommend a worksheet concluded belum memenuhi', 'recommend', 'evaluated', { currentConclusion: 'belum_memenuhi' }, 'not_memenuhi'],
    ['recommend without a conclusion', 'recommend', 'evaluated', { currentConclusion: null }, 'not_memenuhi'],
    ['recommend with the conclusion not given', 'recommend', 'evaluated', { currentConclusion: undefined }, 'not_memenuhi'],
    ['recommend with an empty conclusion', 'recommend', 'evaluated', { currentConclusion: '' }, 'not_memenuhi'],
    ['recommend does not read the posted conclusion', 'recommend', 'evaluated', { currentConclusion: 'belum_memenuhi', conclusion: 'memenuhi' }, 'not_memenuhi'],
    // what a transition does not need is not asked
    ['submit with no note', 'submit', 'draft', { note: null }, null],
    ['submit with items undecided', 'submit', 'returned', { undecided: 40 }, null],
    ['start the review with nothing given', 'start_review', 'submitted', { note: undefined, conclusion: undefined, currentConclusion: undefined, undecided: undefined }, null],
    ['return with items undecided and no conclusion', 'return', 'under_review', { undecided: 112, conclusion: null }, null],
    ['reopen with no note and no conclusion', 'reopen', 'evaluated', { note: null, conclusion: null, undecided: undefined }, null],
    ['reopen a worksheet concluded belum memenuhi', 'reopen', 'evaluated', { currentConclusion: 'belum_memenuhi' }, null],
    ['recommend with no note and nothing counted', 'recommend', 'evaluated', { note: null, undecided: undefined }, null],
    // the order of the reasons: role, then state, then the inputs
    ['the wrong role in the wrong state with a blank note', 'return', 'draft', { note: '' }, 'state'],
  ];
  for (const [name, t, state, facts, expected] of cases) {
    test(name, () => {
      const roles: Role[] = SPEC[t].roles.slice(0, 1);
      assert.equal(checkTransition(t, state, roles, { ...COMPLETE, ...facts }), expected);
    });
  }
  test('the role is checked before anything else; then the state', () => {
    assert.equal(checkTransition('return', 'draft', ['zi_ketua'], { note: '' }), 'role');
    assert.equal(checkTransition('evaluate', 'submitted', ['tpi_evaluator'], { conclusion: null, undecided: 3 }), 'state');
    assert.equal(checkTransition('recommend', 'under_review', ['tpi_evaluator'], { currentConclusion: 'belum_memenuhi' }), 'state');
  });
  test('with no facts at all, only the transitions that need none pass', () => {
    const pass = ALL_TRANSITIONS.filter((t) => checkTransition(t, SPEC[t].from[0]!, SPEC[t].roles, {}) === null);
    assert.deepEqual(pass, ['submit', 'start_review', 'reopen']);
    assert.equal(checkTransition('evaluate', 'under_review', ['tpi_evaluator']), 'conclusion');
  });
});

describe('who writes which layer when', () => {
  const UNIT_WRITERS: Role[] = ['zi_ketua', 'zi_sekretaris', 'zi_member', 'unit_head'];
  /** The spec, per layer: may `role` write an item of `area` (null: the hasil items) in `state`, coordinating `areas`? */
  const may = (layer: Layer, state: State, role: Role, area: number | null, areas: number[]): boolean => {
    if (layer === 'unit') {
      if (state !== 'draft' && state !== 'returned') return false;
      if (UNIT_WRITERS.includes(role)) return true;
      return role === 'zi_coordinator' && area !== null && areas.includes(area);
    }
    if (role !== 'tpi_evaluator') return false;
    return layer === 'tpi' ? state === 'under_review' : state === 'evaluated' || state === 'recommended';
  };
  for (const layer of LAYERS) {
    for (const state of STATES) {
      test(`${layer} layer in ${state}`, () => {
        for (const role of ROLES) {
          for (const [area, areas] of [[1, [1]], [2, [1]], [6, [6, 2]], [null, [1, 2, 3, 4, 5, 6]], [3, []]] as [number | null, number[]][]) {
            assert.equal(canWriteLayer(layer, state, [role], area, areas), may(layer, state, role, area, areas), `${role}, area ${area}, coordinating ${areas.join(',') || 'none'}`);
          }
        }
        assert.equal(canWriteLayer(layer, state, [], 1, [1]), false, 'no role');
      });
    }
  }
  test('a coordinator who is also a member writes every area', () => {
    assert.equal(canWriteLayer('unit', 'draft', ['zi_coordinator', 'zi_member'], 4, [1]), true);
    assert.equal(canWriteLayer('unit', 'draft', ['zi_coordinator', 'employee'], 4, [1]), false);
  });
});

describe('the layer that decides the verdict shown', () => {
  const expected: Record<State, Layer> = { draft: 'unit', submitted: 'unit', returned: 'unit', under_review: 'tpi', evaluated: 'tpi', recommended: 'tpi' };
  for (const state of STATES) {
    test(state, () => {
      assert.equal(verdictLayer(state, false), expected[state]);
      assert.equal(verdictLayer(state, true), 'tpn');
    });
  }
  test('the named lists are exactly those of the spec', () => {
    assert.deepEqual(STATES, ['draft', 'submitted', 'under_review', 'returned', 'evaluated', 'recommended']);
    assert.deepEqual(LAYERS, ['unit', 'tpi', 'tpn']);
    assert.deepEqual(CONCLUSIONS, ['memenuhi', 'belum_memenuhi']);
    assert.deepEqual(UNIT_EDITORS, ['zi_ketua', 'zi_sekretaris', 'zi_coordinator', 'zi_member', 'unit_head']);
    assert.deepEqual(UNIT_SUBMITTERS, ['zi_ketua', 'unit_head']);
    assert.deepEqual(EVALUATORS, ['tpi_evaluator']);
  });
  test('states and layers are recognised exactly', () => {
    for (const s of STATES) assert.ok(isState(s));
    for (const x of ['', 'Draft', 'closed', null, undefined, 3]) assert.equal(isState(x), false, String(x));
    for (const l of LAYERS) assert.ok(isLayer(l));
    for (const x of ['', 'TPI', 'national', null, 1]) assert.equal(isLayer(x), false, String(x));
  });
});

describe('which items carry a TPI decision', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 4, 6, 9, minute)).toISOString();
  const rows = (o: Record<string, [unknown, number]>) => new Map<string, ReviewRow>(Object.entries(o).map(([k, [answer, m]]) => [k, { answer, rev: at(m) }]));
  const codes = ['a', 'b', 'c', 'd', 'e'];
  const cases: [string, Record<string, [unknown, number]>, Record<string, [unknown, number]>, { decided: number; accepted: number; own: number; undecided: string[]; stale: string[] }][] = [
    ['nothing reviewed', { a: [{ option: 'A' }, 0] }, {}, { decided: 0, accepted: 0, own: 0, undecided: codes, stale: [] }],
    ['one accepted after the unit answered', { a: [{ option: 'A' }, 0] }, { a: [null, 5] }, { decided: 1, accepted: 1, own: 0, undecided: ['b', 'c', 'd', 'e'], stale: [] }],
    ['accepted at the very moment the unit answered', { a: [{ option: 'A' }, 5] }, { a: [null, 5] }, { decided: 1, accepted: 1, own: 0, undecided: ['b', 'c', 'd', 'e'], stale: [] }],
    ['accepted, then the unit changed its answer', { a: [{ option: 'B' }, 9] }, { a: [null, 5] }, { decided: 0, accepted: 0, own: 0, undecided: codes, stale: ['a'] }],
    ['own value, then the unit changed its answer: the own value stands', { a: [{ option: 'B' }, 9] }, { a: [{ option: 'C' }, 5] }, { decided: 1, accepted: 0, own: 1, undecided: ['b', 'c', 'd', 'e'], stale: [] }],
    ['accepting an item the unit left unanswered', {}, { c: [null, 1] }, { decided: 1, accepted: 1, own: 0, undecided: ['a', 'b', 'd', 'e'], stale: [] }],
    ['every item decided', { a: [{ option: 'A' }, 0], b: [{ option: 'A' }, 0] }, { a: [null, 1], b: [{ option: 'B' }, 1], c: [null, 1], d: [null, 1], e: [{ index: 3 }, 1] },
      { decided: 5, accepted: 3, own: 2, undecided: [], stale: [] }],
    ['undecided in rule-set order', {}, { d: [null, 1], b: [null, 1] }, { decided: 2, accepted: 2, own: 0, undecided: ['a', 'c', 'e'], stale: [] }],
    ['a TPI row with no answer at all (undefined) is an acceptance', { a: [{ option: 'A' }, 0] }, { a: [undefined, 5] }, { decided: 1, accepted: 1, own: 0, undecided: ['b', 'c', 'd', 'e'], stale: [] }],
    ['a TPI row with no answer, older than the unit\'s change, is stale', { a: [{ option: 'B' }, 9] }, { a: [undefined, 5] }, { decided: 0, accepted: 0, own: 0, undecided: codes, stale: ['a'] }],
    ['own value 0 and own value "" are values, not acceptances', { a: [{ option: 'B' }, 9], b: [{ option: 'B' }, 9] }, { a: [0, 5], b: ['', 5] }, { decided: 2, accepted: 0, own: 2, undecided: ['c', 'd', 'e'], stale: [] }],
    ['a row of an item not in the rule set does not count', {}, { z: [null, 1], a: [null, 1] }, { decided: 1, accepted: 1, own: 0, undecided: ['b', 'c', 'd', 'e'], stale: [] }],
  ];
  for (const [name, unit, tpi, expected] of cases) {
    test(name, () => {
      const r = reviewTally(codes, rows(unit), rows(tpi));
      assert.deepEqual(r, { items: codes.length, ...expected });
      assert.equal(r.decided + r.undecided.length, r.items, 'every item is either decided or not');
    });
  }
  test('a tally of no items is complete', () => {
    assert.deepEqual(reviewTally([], new Map(), new Map()), { items: 0, decided: 0, accepted: 0, own: 0, undecided: [], stale: [] });
  });
  test('the tally decides whether "evaluate" may go', () => {
    const partial = reviewTally(codes, new Map(), rows({ a: [null, 1] }));
    assert.equal(checkTransition('evaluate', 'under_review', ['tpi_evaluator'], { conclusion: 'memenuhi', undecided: partial.undecided.length }), 'unreviewed');
    const full = reviewTally(codes, new Map(), rows(Object.fromEntries(codes.map((c) => [c, [null, 1]]))));
    assert.equal(checkTransition('evaluate', 'under_review', ['tpi_evaluator'], { conclusion: 'memenuhi', undecided: full.undecided.length }), null);
  });
});
