import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../../kernel/errors.ts';
import {
  COI_RULES, allowed, coverageAnswer, currentVersion, evaluationAnswer, followUpAnswer, parseDeclaration, parseEvaluation, parseReview, parseRisk,
  parseSocialisation, periodOf, periodRange, periodsOfYear, riskLevel, stateAfterReview, stillToDeclare, versionById, ASSESSMENTS, MITIGATIONS, STATES,
} from './coi.rules.ts';

const fieldErr = (fn: () => unknown, field: string, code: string) =>
  assert.throws(fn, (e: unknown) => e instanceof DomainError && e.fieldErrors[field] === code, `${field} → ${code}`);

test('rule data: 17/2024 is current, 37/2012 kept as an older version, every entry tagged', () => {
  assert.equal(currentVersion().id, 'permenpanrb-17-2024');
  assert.equal(versionById('permenpanrb-37-2012')?.current, false);
  assert.equal(COI_RULES.versions.filter((v) => v.current).length, 1);
  for (const v of COI_RULES.versions) {
    for (const list of [v.sources, v.mitigations, v.assessments, v.decisionKinds]) for (const x of list) assert.match(x.tag, /^(V|S|U|NF|I)$/, `${v.id} ${x.key}`);
    assert.ok(v.statement.text.length > 20);
  }
  const keys = currentVersion().sources.map((s) => s.key);
  for (const k of ['business_interest', 'family', 'affiliation', 'outside_employment', 'gratification', 'concurrent_position', 'personal_interest', 'other']) assert.ok(keys.includes(k), k);
  assert.equal(currentVersion().cadence.periodic, 'annual');
});

test('periods by cadence', () => {
  const cases: [string, 'annual' | 'semester', string][] = [
    ['2026-01-01', 'annual', '2026'], ['2026-12-31', 'annual', '2026'],
    ['2026-06-30', 'semester', '2026-S1'], ['2026-07-01', 'semester', '2026-S2'],
  ];
  for (const [d, c, p] of cases) assert.equal(periodOf(d, c), p, `${d} ${c}`);
  assert.deepEqual(periodsOfYear(2026, 'semester'), ['2026-S1', '2026-S2']);
  assert.deepEqual(periodRange('2026-S2'), { from: '2026-07-01', to: '2026-12-31', year: 2026 });
  assert.deepEqual(periodRange('2026'), { from: '2026-01-01', to: '2026-12-31', year: 2026 });
  for (const bad of ['', '26', '2026-S3', '1999', '2026-Q1']) assert.equal(periodRange(bad), null, bad);
});

test('who must still declare: active people without a declaration of the period', () => {
  const people = [{ id: 'a', isActive: true }, { id: 'b', isActive: true }, { id: 'c', isActive: false }, { id: 'd', isActive: true }];
  const cases: [string[], string[]][] = [[[], ['a', 'b', 'd']], [['a'], ['b', 'd']], [['a', 'b', 'd'], []], [['c'], ['a', 'b', 'd']]];
  for (const [declared, expected] of cases) assert.deepEqual(stillToDeclare(people, new Set(declared)).map((p) => p.id), expected, declared.join());
});

test('coverage → A/B/C/D (most = above half)', () => {
  const cases: [number, number, string][] = [
    [6, 6, 'a'], [7, 6, 'a'], [5, 6, 'b'], [4, 6, 'b'], [3, 6, 'c'], [1, 6, 'c'], [0, 6, 'd'], [0, 0, 'd'], [1, 2, 'c'], [2, 3, 'b'], [1, 1, 'a'],
  ];
  for (const [covered, total, answer] of cases) assert.equal(coverageAnswer(covered, total), answer, `${covered}/${total}`);
});

test('evaluation: periodic from the rule’s count; follow-up all/some/none', () => {
  const ev: [number, string][] = [[0, 'c'], [1, 'b'], [2, 'a'], [4, 'a']];
  for (const [n, a] of ev) assert.equal(evaluationAnswer(n), a, String(n));
  const fu: [number, number, string | null][] = [[0, 0, null], [0, 3, 'c'], [1, 3, 'b'], [3, 3, 'a']];
  for (const [d, t, a] of fu) assert.equal(followUpAnswer(d, t), a, `${d}/${t}`);
});

test('risk levels from likelihood × impact', () => {
  const cases: [number, number, string][] = [[1, 1, 'low'], [2, 2, 'low'], [1, 5, 'medium'], [3, 3, 'medium'], [2, 5, 'high'], [4, 4, 'very_high'], [5, 5, 'very_high']];
  for (const [l, i, lvl] of cases) assert.equal(riskLevel(l, i), lvl, `${l}×${i}`);
});

test('states: review only when submitted, follow-up only when mitigating', () => {
  const cases: [string, 'review' | 'follow_up', boolean][] = [
    ['submitted', 'review', true], ['acknowledged', 'review', false], ['mitigating', 'review', false], ['closed', 'review', false],
    ['mitigating', 'follow_up', true], ['closed', 'follow_up', false], ['submitted', 'follow_up', false],
  ];
  for (const [s, a, ok] of cases) assert.equal(allowed(s, a), ok, `${s} ${a}`);
  assert.equal(stateAfterReview('none', null), 'closed');
  assert.equal(stateAfterReview('real', 'recusal'), 'mitigating');
  assert.equal(stateAfterReview('apparent', null), 'closed');
});

test('the whole state table: which action each state allows, and where each review leads', () => {
  const allows: Record<string, ('review' | 'follow_up')[]> = { acknowledged: [], submitted: ['review'], mitigating: ['follow_up'], closed: [] };
  for (const state of STATES) for (const action of ['review', 'follow_up'] as const) assert.equal(allowed(state, action), allows[state]!.includes(action), `${state} ${action}`);
  for (const action of ['review', 'follow_up'] as const) assert.equal(allowed('unknown', action), false);
  // every assessment × every mitigation (none given, "no action", each of the rule data's):
  // "no conflict" closes whatever mitigation the form still carries; a conflict with a mitigation needs follow-up
  for (const assessment of ASSESSMENTS) {
    for (const mitigation of [null, 'none', ...MITIGATIONS]) {
      const expected = assessment !== 'none' && mitigation !== null && mitigation !== 'none' ? 'mitigating' : 'closed';
      assert.equal(stateAfterReview(assessment, mitigation), expected, `${assessment} + ${mitigation}`);
    }
  }
});

test('reviews: "no conflict" drops a mitigation and due date filled in the form; the others need both', () => {
  const today = '2026-11-28';
  // [input, result or the field error]
  const cases: [Record<string, string>, { mitigation: string | null; dueOn: string | null } | [string, string]][] = [
    ...MITIGATIONS.map((m): [Record<string, string>, { mitigation: null; dueOn: null }] => [{ assessment: 'none', mitigation: m, dueOn: '2026-12-01' }, { mitigation: null, dueOn: null }]),
    [{ assessment: 'none', mitigation: 'other', dueOn: '2026-11-01' }, { mitigation: null, dueOn: null }], // no note, a past date: both irrelevant
    [{ assessment: 'none' }, { mitigation: null, dueOn: null }],
    ...ASSESSMENTS.filter((a) => a !== 'none').flatMap((a): [Record<string, string>, { mitigation: string | null; dueOn: string | null } | [string, string]][] => [
      [{ assessment: a, mitigation: 'recusal', dueOn: '2026-12-01' }, { mitigation: 'recusal', dueOn: '2026-12-01' }],
      [{ assessment: a, mitigation: 'recusal', dueOn: today }, { mitigation: 'recusal', dueOn: today }],
      [{ assessment: a, mitigation: 'none', dueOn: '2026-12-01' }, { mitigation: null, dueOn: null }],
      [{ assessment: a, mitigation: 'recusal' }, ['dueOn', 'coi.err.required']],
      [{ assessment: a, mitigation: 'recusal', dueOn: '2026-11-27' }, ['dueOn', 'coi.err.date_past']],
      [{ assessment: a, mitigation: 'recusal', dueOn: '2101-01-01' }, ['dueOn', 'coi.err.date']],
      [{ assessment: a, dueOn: '2026-12-01' }, ['mitigation', 'coi.err.mitigation']],
      [{ assessment: a, mitigation: 'bribe', dueOn: '2026-12-01' }, ['mitigation', 'coi.err.mitigation']],
      [{ assessment: a, mitigation: 'other', dueOn: '2026-12-01' }, ['note', 'coi.err.other_note']],
    ]),
  ];
  for (const [input, expected] of cases) {
    const label = JSON.stringify(input);
    if (Array.isArray(expected)) fieldErr(() => parseReview(input, today), expected[0], expected[1]);
    else {
      const r = parseReview(input, today);
      assert.deepEqual({ mitigation: r.mitigation, dueOn: r.dueOn }, expected, label);
      assert.equal(stateAfterReview(r.assessment, r.mitigation), input.assessment === 'none' || !r.mitigation ? 'closed' : 'mitigating', label);
    }
  }
});

test('input checks: risk scale, participants, future dates, declarations, reviews, evaluations', () => {
  const risk = { source: 'family', form: 'Menilai berkas kerabat', positions: 'Verifikator', likelihood: '3', impact: '4' };
  assert.equal(parseRisk(risk).likelihood, 3);
  fieldErr(() => parseRisk({ ...risk, likelihood: '0' }), 'likelihood', 'coi.err.scale');
  fieldErr(() => parseRisk({ ...risk, impact: '6' }), 'impact', 'coi.err.scale');
  fieldErr(() => parseRisk({ ...risk, source: 'x' }), 'source', 'coi.err.source');
  fieldErr(() => parseRisk({ ...risk, form: '' }), 'form', 'coi.err.required');
  const soc = { heldOn: '2026-03-01', title: 'Sosialisasi', kind: 'meeting', participants: '20' };
  assert.equal(parseSocialisation(soc, ['f1', 'f1'], '2026-11-28').functionIds.length, 1);
  fieldErr(() => parseSocialisation({ ...soc, participants: '-3' }, ['f1'], '2026-11-28'), 'participants', 'coi.err.negative');
  fieldErr(() => parseSocialisation({ ...soc, heldOn: '2026-12-01' }, ['f1'], '2026-11-28'), 'heldOn', 'coi.err.date_future');
  fieldErr(() => parseSocialisation(soc, [], '2026-11-28'), 'functionIds', 'coi.err.functions');
  const decl = { kind: 'adhoc', declaredOn: '2026-11-28', hasConflict: 'yes', decisionKind: 'procurement', reference: 'Paket 1', roleInDecision: 'Pokja', agree: '1', conflicts: [{ source: 'family', description: 'Adik ipar direktur penyedia', relatedParty: 'CV Maju' }] };
  assert.equal(parseDeclaration(decl, '2026-11-28').conflicts.length, 1);
  fieldErr(() => parseDeclaration({ ...decl, declaredOn: '2026-11-29' }, '2026-11-28'), 'declaredOn', 'coi.err.date_future');
  fieldErr(() => parseDeclaration({ ...decl, conflicts: [] }, '2026-11-28'), 'c0description', 'coi.err.conflict_missing');
  fieldErr(() => parseDeclaration({ ...decl, agree: '' }, '2026-11-28'), 'agree', 'coi.err.agree');
  fieldErr(() => parseDeclaration({ ...decl, reference: '' }, '2026-11-28'), 'reference', 'coi.err.required');
  assert.equal(parseDeclaration({ kind: 'periodic', declaredOn: '2026-02-01', hasConflict: 'no', agree: '1', conflicts: [{ source: 'family', description: 'ignored' }] }, '2026-11-28').conflicts.length, 0);
  assert.deepEqual(parseReview({ assessment: 'none', mitigation: 'recusal', dueOn: '2026-12-01' }, '2026-11-28'), { assessment: 'none', mitigation: null, dueOn: null, note: null });
  fieldErr(() => parseReview({ assessment: 'real', mitigation: 'recusal' }, '2026-11-28'), 'dueOn', 'coi.err.required');
  fieldErr(() => parseReview({ assessment: 'real', mitigation: 'recusal', dueOn: '2026-11-01' }, '2026-11-28'), 'dueOn', 'coi.err.date_past');
  fieldErr(() => parseReview({ assessment: 'maybe' }, '2026-11-28'), 'assessment', 'coi.err.assessment');
  const ev = parseEvaluation({ heldOn: '2026-07-10', periodFrom: '2026-01-01', periodTo: '2026-06-30', findings: 'Temuan', recommendations: '1. Satu\n- Dua\n\n' }, '2026-11-28');
  assert.deepEqual(ev.recommendations, ['Satu', 'Dua']);
  fieldErr(() => parseEvaluation({ heldOn: '2026-07-10', periodFrom: '2026-06-30', periodTo: '2026-01-01', findings: 'x' }, '2026-11-28'), 'periodTo', 'coi.err.period_order');
});
