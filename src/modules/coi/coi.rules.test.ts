import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../../kernel/errors.ts';
import { validationErrorsOf } from '../../kernel/testing.ts';
import {
  COI_RULES, LIMITS, allowed, coverageAnswer, currentVersion, evaluationAnswer, followUpAnswer, parseDeclaration, parseEvaluation, parseFollowUp,
  parseFunction, parseRecommendationUpdate, parseReview, parseRisk, parseSocialisation, parseYear, periodOf, periodRange, periodsOfYear, riskLevel,
  stateAfterReview, stillToDeclare, versionById, ASSESSMENTS, DECISION_KINDS, MITIGATIONS, REC_STATUSES, SOCIALISATION_KINDS, SOURCES, STATES,
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

// ---- behaviour at every edge (table-driven; expected values written out) -----------------------

const TODAY = '2026-11-28';
const a = (n: number) => 'a'.repeat(n);

test('rule data: the lists and numbers of coi-rules.json', () => {
  assert.deepEqual(SOURCES, ['business_interest', 'family', 'affiliation', 'outside_employment', 'gratification', 'concurrent_position', 'personal_interest', 'other']);
  assert.deepEqual(MITIGATIONS, ['recusal', 'reassignment', 'divestment', 'disclosure', 'other']);
  assert.deepEqual(ASSESSMENTS, ['real', 'potential', 'apparent', 'none']);
  assert.deepEqual(DECISION_KINDS, ['procurement', 'recruitment', 'licensing', 'audit', 'grant', 'other']);
  assert.deepEqual(SOCIALISATION_KINDS, ['meeting', 'circular', 'banner', 'elearning', 'briefing', 'other']);
  assert.deepEqual(STATES, ['acknowledged', 'submitted', 'mitigating', 'closed']);
  assert.deepEqual(REC_STATUSES, ['open', 'in_progress', 'done']);
  assert.deepEqual(LIMITS, { short: 200, text: 5000, participants: 100000, conflicts: 5 });
  assert.equal(COI_RULES.coverage.mostAbove, 0.5);
  assert.equal(COI_RULES.evaluation.periodicAtLeastPerYear, 2);
  assert.deepEqual({ min: COI_RULES.risk.scaleMin, max: COI_RULES.risk.scaleMax, levels: COI_RULES.risk.levels }, {
    min: 1, max: 5,
    levels: [{ key: 'low', from: 1 }, { key: 'medium', from: 5 }, { key: 'high', from: 10 }, { key: 'very_high', from: 16 }],
  });
  const cur = currentVersion();
  assert.equal(cur.regulation, 'PermenPANRB 17/2024 tentang Pengelolaan Konflik Kepentingan');
  assert.equal(cur.statement.version, '2026-1');
  assert.deepEqual(versionById('permenpanrb-37-2012')!.sources.map((s) => s.key), ['authority', 'concurrent_position', 'affiliation', 'gratification', 'weak_system', 'personal_interest']);
});

test('versions: the current one wherever it stands; none current is an error; unknown ids give null', () => {
  const v = (id: string, current: boolean) => ({ ...currentVersion(), id, current });
  const rules = { ...COI_RULES, versions: [v('old', false), v('new', true), v('other', false)] };
  assert.equal(currentVersion(rules).id, 'new');
  assert.throws(() => currentVersion({ ...COI_RULES, versions: [v('old', false)] }), { name: 'Error', message: 'coi-rules.json: no current version' });
  assert.equal(versionById('other', rules)?.id, 'other');
  assert.equal(versionById('old', rules)?.id, 'old');
  assert.equal(versionById('nope', rules), null);
  assert.equal(versionById('nope'), null);
  assert.equal(versionById('permenpanrb-17-2024')?.id, 'permenpanrb-17-2024');
});

test('periods: the default cadence is annual; semesters split after June', () => {
  assert.equal(periodOf('2026-07-01'), '2026');
  assert.equal(periodOf('2026-12-31', 'annual'), '2026');
  const months: [string, string][] = [
    ['01', 'S1'], ['02', 'S1'], ['03', 'S1'], ['04', 'S1'], ['05', 'S1'], ['06', 'S1'], ['07', 'S2'], ['08', 'S2'], ['09', 'S2'], ['10', 'S2'], ['11', 'S2'], ['12', 'S2'],
  ];
  for (const [mo, s] of months) assert.equal(periodOf(`2027-${mo}-15`, 'semester'), `2027-${s}`, mo);
  assert.deepEqual(periodsOfYear(2026), ['2026']);
  assert.deepEqual(periodsOfYear(2026, 'annual'), ['2026']);
  assert.deepEqual(periodsOfYear(2027, 'semester'), ['2027-S1', '2027-S2']);
  const ranges: [unknown, ReturnType<typeof periodRange>][] = [
    ['2026-S1', { from: '2026-01-01', to: '2026-06-30', year: 2026 }],
    ['2026-S2', { from: '2026-07-01', to: '2026-12-31', year: 2026 }],
    ['2000', { from: '2000-01-01', to: '2000-12-31', year: 2000 }],
    ['2100', { from: '2100-01-01', to: '2100-12-31', year: 2100 }],
    ['2000-S1', { from: '2000-01-01', to: '2000-06-30', year: 2000 }],
    ['2100-S2', { from: '2100-07-01', to: '2100-12-31', year: 2100 }],
    ['1999', null], ['2101', null], ['1999-S2', null], ['2101-S1', null], ['2026-S', null], ['2026S1', null], ['2026-S0', null], ['2026-s1', null],
    ['x2026', null], ['2026x', null], ['2026-S1x', null], [' 2026', null], [null, null], [undefined, null],
  ];
  for (const [code, want] of ranges) assert.deepEqual(periodRange(code as string), want, String(code));
});

test('risk levels: the whole 5 × 5 matrix', () => {
  const matrix = [
    // impact 1 … 5
    ['low', 'low', 'low', 'low', 'medium'], // likelihood 1
    ['low', 'low', 'medium', 'medium', 'high'], // 2
    ['low', 'medium', 'medium', 'high', 'high'], // 3
    ['low', 'medium', 'high', 'very_high', 'very_high'], // 4
    ['medium', 'high', 'high', 'very_high', 'very_high'], // 5
  ];
  for (let l = 1; l <= 5; l++) for (let i = 1; i <= 5; i++) assert.equal(riskLevel(l, i), matrix[l - 1]![i - 1], `${l}×${i}`);
  assert.equal(riskLevel(0, 3), 'low'); // below the first band: still the first level
  const rules = { ...COI_RULES, risk: { ...COI_RULES.risk, levels: [{ key: 'x', from: 3 }, { key: 'y', from: 6 }] } };
  const custom: [number, number, string][] = [[1, 1, 'x'], [1, 3, 'x'], [1, 5, 'x'], [2, 3, 'y'], [5, 5, 'y']];
  for (const [l, i, lvl] of custom) assert.equal(riskLevel(l, i, rules), lvl, `${l}×${i}`);
});

test('LKE answers at their edges, with the rule numbers and other ones', () => {
  const cov: [number, number, string][] = [[3, 6, 'c'], [4, 6, 'b'], [1, 0, 'd'], [0, -1, 'd'], [3, -1, 'd'], [-1, 5, 'd'], [5, 5, 'a'], [6, 5, 'a'], [4, 5, 'b'], [1, 5, 'c']];
  for (const [c, t, want] of cov) assert.equal(coverageAnswer(c, t), want, `${c}/${t}`);
  const strict = { ...COI_RULES, coverage: { mostAbove: 0.75 } };
  const covStrict: [number, number, string][] = [[3, 4, 'c'], [4, 5, 'b'], [1, 2, 'c'], [4, 4, 'a'], [0, 4, 'd']];
  for (const [c, t, want] of covStrict) assert.equal(coverageAnswer(c, t, strict), want, `${c}/${t} strict`);
  const ev: [number, string][] = [[-1, 'c'], [0, 'c'], [1, 'b'], [2, 'a'], [3, 'a']];
  for (const [n, want] of ev) assert.equal(evaluationAnswer(n), want, String(n));
  const quarterly = { ...COI_RULES, evaluation: { periodicAtLeastPerYear: 4 } };
  const evQ: [number, string][] = [[0, 'c'], [1, 'b'], [3, 'b'], [4, 'a'], [5, 'a']];
  for (const [n, want] of evQ) assert.equal(evaluationAnswer(n, quarterly), want, `${n} quarterly`);
  const fu: [number, number, string | null][] = [[0, 0, null], [1, 0, null], [0, -1, null], [-1, 3, 'c'], [0, 3, 'c'], [1, 3, 'b'], [2, 3, 'b'], [3, 3, 'a'], [4, 3, 'a'], [1, 1, 'a']];
  for (const [d, t, want] of fu) assert.equal(followUpAnswer(d, t), want, `${d}/${t}`);
});

test('year parameter: 2000 up to next year', () => {
  const cases: [unknown, number | null][] = [
    ['2000', 2000], ['2026', 2026], ['2027', 2027], [' 2026 ', 2026], ['1999', null], ['2028', null], ['26', null], ['20260', null], ['x2026', null], ['2026x', null],
    ['2026.0', null], ['02026', null], ['0x7EA', null], ['', null], [2026, null], [null, null], [undefined, null],
  ];
  for (const [raw, want] of cases) assert.equal(parseYear(raw, TODAY), want, String(raw));
  assert.equal(parseYear('2031', '2030-01-01'), 2031);
});

test('main functions: name required and at most 200, service code at most 60', () => {
  assert.deepEqual(parseFunction({ name: '  Pelayanan   izin\tusaha ', serviceCode: ' S-01 ' }), { name: 'Pelayanan izin usaha', serviceCode: 'S-01' });
  assert.deepEqual(parseFunction({ name: a(200), serviceCode: a(60) }), { name: a(200), serviceCode: a(60) });
  assert.deepEqual(parseFunction({ name: 'Izin', serviceCode: '  ' }), { name: 'Izin', serviceCode: null });
  assert.deepEqual(parseFunction({ name: 'Izin' }), { name: 'Izin', serviceCode: null });
  const cases: [Record<string, unknown>, Record<string, string>][] = [
    [{ name: a(201) }, { name: 'coi.err.too_long' }],
    [{ name: '' }, { name: 'coi.err.required' }],
    [{ name: ' \n ' }, { name: 'coi.err.required' }],
    [{ name: 42 }, { name: 'coi.err.required' }],
    [{}, { name: 'coi.err.required' }],
    [{ name: 'Izin', serviceCode: a(61) }, { serviceCode: 'coi.err.too_long' }],
    [{ name: '', serviceCode: a(61) }, { name: 'coi.err.required', serviceCode: 'coi.err.too_long' }],
  ];
  for (const [input, errs] of cases) assert.deepEqual(validationErrorsOf(() => parseFunction(input as never)), errs, JSON.stringify(input).slice(0, 60));
});

test('risks: every field at its limit', () => {
  const risk = { source: 'family', form: 'Menilai berkas kerabat', positions: 'Verifikator', likelihood: '3', impact: '4' };
  assert.deepEqual(parseRisk({ source: ' family ', form: ' Menilai\r\nberkas\n  kerabat ', positions: ' Verifikator   lapangan ', likelihood: ' 3 ', impact: '4', controls: ' SOP\r\ndua ', mitigation: '' }),
    { source: 'family', form: 'Menilai\nberkas\n  kerabat', positions: 'Verifikator lapangan', likelihood: 3, impact: 4, controls: 'SOP\ndua', mitigation: null });
  for (const source of SOURCES) assert.equal(parseRisk({ ...risk, source }).source, source);
  for (const n of ['1', '2', '3', '4', '5']) assert.deepEqual([parseRisk({ ...risk, likelihood: n }).likelihood, parseRisk({ ...risk, impact: n }).impact], [Number(n), Number(n)]);
  const okCases: [Record<string, string>, keyof ReturnType<typeof parseRisk>, unknown][] = [
    [{ form: a(1000) }, 'form', a(1000)],
    [{ form: `${a(500)}\r\n${a(499)}` }, 'form', `${a(500)}\n${a(499)}`], // \r\n counts as one
    [{ positions: a(500) }, 'positions', a(500)],
    [{ controls: a(2000) }, 'controls', a(2000)],
    [{ mitigation: a(2000) }, 'mitigation', a(2000)],
    [{ mitigation: ' Rotasi ' }, 'mitigation', 'Rotasi'],
    [{ controls: '  ' }, 'controls', null],
  ];
  for (const [input, key, want] of okCases) assert.deepEqual(parseRisk({ ...risk, ...input })[key], want, key);
  const bad: [Record<string, string>, Record<string, string>][] = [
    [{ source: 'authority' }, { source: 'coi.err.source' }], // only in 37/2012
    [{ source: 'weak_system' }, { source: 'coi.err.source' }],
    [{ source: '' }, { source: 'coi.err.source' }],
    [{ form: a(1001) }, { form: 'coi.err.too_long' }],
    [{ form: ' ' }, { form: 'coi.err.required' }],
    [{ positions: a(501) }, { positions: 'coi.err.too_long' }],
    [{ positions: '' }, { positions: 'coi.err.required' }],
    [{ controls: a(2001) }, { controls: 'coi.err.too_long' }],
    [{ mitigation: a(2001) }, { mitigation: 'coi.err.too_long' }],
    ...['0', '6', '10', '', ' ', '1.5', '-1', 'x', '3a', 'a3', '+3'].map((v): [Record<string, string>, Record<string, string>] => [{ likelihood: v, impact: v }, { likelihood: 'coi.err.scale', impact: 'coi.err.scale' }]),
    [{ source: 'x', form: '', positions: '', likelihood: '9', impact: '0', controls: a(2001), mitigation: a(2001) },
      { source: 'coi.err.source', form: 'coi.err.required', positions: 'coi.err.required', likelihood: 'coi.err.scale', impact: 'coi.err.scale', controls: 'coi.err.too_long', mitigation: 'coi.err.too_long' }],
  ];
  for (const [input, errs] of bad) assert.deepEqual(validationErrorsOf(() => parseRisk({ ...risk, ...input })), errs, JSON.stringify(input).slice(0, 60));
  assert.equal(parseRisk({ ...risk, likelihood: '03' }).likelihood, 3);
});

test('socialisations: date, title, kind, participants, functions, note', () => {
  const soc = { heldOn: '2026-03-01', title: 'Sosialisasi', kind: 'meeting', participants: '20' };
  assert.deepEqual(parseSocialisation({ heldOn: ' 2026-03-01 ', title: ' Sosialisasi   KK ', kind: ' banner ', participants: ' 20 ', note: ' Aula\r\nlantai 2 ' }, ['f2', 'f1', 'f2'], TODAY),
    { heldOn: '2026-03-01', title: 'Sosialisasi KK', kind: 'banner', participants: 20, functionIds: ['f2', 'f1'], note: 'Aula\nlantai 2' });
  assert.equal(parseSocialisation(soc, ['f1'], TODAY).note, null);
  for (const kind of ['meeting', 'circular', 'banner', 'elearning', 'briefing', 'other']) assert.equal(parseSocialisation({ ...soc, kind }, ['f1'], TODAY).kind, kind);
  const okCases: [Record<string, string>, string, unknown][] = [
    [{ participants: '0' }, 'participants', 0], [{ participants: '100000' }, 'participants', 100000],
    [{ heldOn: TODAY }, 'heldOn', TODAY], [{ heldOn: '2000-01-01' }, 'heldOn', '2000-01-01'],
    [{ title: a(200) }, 'title', a(200)], [{ note: a(2000) }, 'note', a(2000)],
  ];
  for (const [input, key, want] of okCases) assert.deepEqual((parseSocialisation({ ...soc, ...input }, ['f1'], TODAY) as Record<string, unknown>)[key], want, key);
  const bad: [Record<string, string>, string[], Record<string, string>][] = [
    [{ heldOn: '' }, ['f1'], { heldOn: 'coi.err.required' }],
    [{ heldOn: '2026-11-29' }, ['f1'], { heldOn: 'coi.err.date_future' }],
    [{ heldOn: '2026-02-30' }, ['f1'], { heldOn: 'coi.err.date' }],
    [{ heldOn: '1999-12-31' }, ['f1'], { heldOn: 'coi.err.date' }],
    [{ heldOn: '2101-01-01' }, ['f1'], { heldOn: 'coi.err.date' }],
    [{ heldOn: '01-03-2026' }, ['f1'], { heldOn: 'coi.err.date' }],
    [{ title: a(201) }, ['f1'], { title: 'coi.err.too_long' }],
    [{ title: '' }, ['f1'], { title: 'coi.err.required' }],
    [{ kind: 'webinar' }, ['f1'], { kind: 'coi.err.kind' }],
    [{ kind: '' }, ['f1'], { kind: 'coi.err.kind' }],
    [{ participants: '100001' }, ['f1'], { participants: 'coi.err.participants' }],
    [{ participants: '' }, ['f1'], { participants: 'coi.err.participants' }],
    [{ participants: 'dua puluh' }, ['f1'], { participants: 'coi.err.participants' }],
    [{ participants: '1.5' }, ['f1'], { participants: 'coi.err.participants' }],
    [{ participants: '1e3' }, ['f1'], { participants: 'coi.err.participants' }],
    [{ participants: '+5' }, ['f1'], { participants: 'coi.err.participants' }],
    [{ participants: '20x' }, ['f1'], { participants: 'coi.err.participants' }],
    [{ participants: 'x20' }, ['f1'], { participants: 'coi.err.participants' }],
    [{ participants: '-3' }, ['f1'], { participants: 'coi.err.negative' }],
    [{ participants: '-' }, ['f1'], { participants: 'coi.err.negative' }],
    [{ participants: ' -3' }, ['f1'], { participants: 'coi.err.negative' }],
    [{ note: a(2001) }, ['f1'], { note: 'coi.err.too_long' }],
    [{}, [], { functionIds: 'coi.err.functions' }],
    [{ heldOn: '', title: '', kind: '', participants: '-1', note: a(2001) }, [],
      { heldOn: 'coi.err.required', title: 'coi.err.required', kind: 'coi.err.kind', participants: 'coi.err.negative', functionIds: 'coi.err.functions', note: 'coi.err.too_long' }],
  ];
  for (const [input, fns, errs] of bad) assert.deepEqual(validationErrorsOf(() => parseSocialisation({ ...soc, ...input }, fns, TODAY)), errs, JSON.stringify(input).slice(0, 60));
});

test('declarations: periodic and ad hoc, conflicts, the statement', () => {
  const periodic = { kind: 'periodic', declaredOn: '2026-02-01', hasConflict: 'no', agree: '1' };
  const none = { decisionKind: null, reference: null, roleInDecision: null, conflicts: [] };
  assert.deepEqual(parseDeclaration(periodic, TODAY), { kind: 'periodic', declaredOn: '2026-02-01', hasConflict: false, ...none });
  // a periodic declaration ignores ad hoc fields, also bad ones
  assert.deepEqual(parseDeclaration({ ...periodic, declaredOn: TODAY, agree: ' 1 ', decisionKind: 'x', reference: a(300), roleInDecision: '' }, TODAY),
    { kind: 'periodic', declaredOn: TODAY, hasConflict: false, ...none });
  const adhoc = { kind: 'adhoc', declaredOn: '2026-11-28', hasConflict: 'no', decisionKind: 'procurement', reference: ' Paket   1 ', roleInDecision: ' Pokja\tULP ', agree: '1' };
  assert.deepEqual(parseDeclaration(adhoc, TODAY),
    { kind: 'adhoc', declaredOn: '2026-11-28', hasConflict: false, decisionKind: 'procurement', reference: 'Paket 1', roleInDecision: 'Pokja ULP', conflicts: [] });
  for (const decisionKind of DECISION_KINDS) assert.equal(parseDeclaration({ ...adhoc, decisionKind: ` ${decisionKind} ` }, TODAY).decisionKind, decisionKind);
  assert.deepEqual([parseDeclaration({ ...adhoc, reference: a(200), roleInDecision: a(200) }, TODAY)].map((d) => [d.reference, d.roleInDecision]), [[a(200), a(200)]]);
  const bad: [Record<string, unknown>, Record<string, string>][] = [
    [{ ...periodic, kind: '' }, { kind: 'coi.err.kind' }],
    [{ ...periodic, kind: 'Periodic' }, { kind: 'coi.err.kind' }],
    [{ ...periodic, declaredOn: '' }, { declaredOn: 'coi.err.required' }],
    [{ ...periodic, declaredOn: '2026-11-29' }, { declaredOn: 'coi.err.date_future' }],
    [{ ...periodic, declaredOn: '2026-13-01' }, { declaredOn: 'coi.err.date' }],
    [{ ...periodic, hasConflict: '' }, { hasConflict: 'coi.err.has_conflict' }],
    [{ ...periodic, hasConflict: 'ya' }, { hasConflict: 'coi.err.has_conflict' }],
    [{ ...periodic, agree: '' }, { agree: 'coi.err.agree' }],
    [{ ...periodic, agree: '0' }, { agree: 'coi.err.agree' }],
    [{ ...periodic, agree: 'yes' }, { agree: 'coi.err.agree' }],
    [{ ...adhoc, decisionKind: 'tender' }, { decisionKind: 'coi.err.decision_kind' }],
    [{ ...adhoc, decisionKind: '' }, { decisionKind: 'coi.err.decision_kind' }],
    [{ ...adhoc, reference: '' }, { reference: 'coi.err.required' }],
    [{ ...adhoc, reference: a(201) }, { reference: 'coi.err.too_long' }],
    [{ ...adhoc, roleInDecision: ' ' }, { roleInDecision: 'coi.err.required' }],
    [{ ...adhoc, roleInDecision: a(201) }, { roleInDecision: 'coi.err.too_long' }],
    [{ kind: 'x', declaredOn: '', hasConflict: '', agree: '' }, { kind: 'coi.err.kind', declaredOn: 'coi.err.required', hasConflict: 'coi.err.has_conflict', agree: 'coi.err.agree' }],
    [{ kind: 'adhoc', declaredOn: '2026-11-29', hasConflict: 'yes', decisionKind: 'x', reference: '', roleInDecision: a(201), agree: '1', conflicts: [] },
      { declaredOn: 'coi.err.date_future', decisionKind: 'coi.err.decision_kind', reference: 'coi.err.required', roleInDecision: 'coi.err.too_long', c0description: 'coi.err.conflict_missing' }],
  ];
  for (const [input, errs] of bad) assert.deepEqual(validationErrorsOf(() => parseDeclaration(input, TODAY)), errs, JSON.stringify(input).slice(0, 80));
});

test('declared conflicts: at most five, empty rows skipped, each field checked', () => {
  const yes = { kind: 'periodic', declaredOn: '2026-02-01', hasConflict: 'yes', agree: '1' };
  const good = { source: 'family', description: 'Adik ipar direktur penyedia', relatedParty: 'CV Maju' };
  const empty = { source: '', description: '', relatedParty: '' };
  assert.deepEqual(parseDeclaration({ ...yes, conflicts: [{ source: ' family ', description: ' Adik\r\nipar ', relatedParty: ' CV   Maju ' }] }, TODAY).conflicts,
    [{ source: 'family', description: 'Adik\nipar', relatedParty: 'CV Maju' }]);
  assert.deepEqual(parseDeclaration({ ...yes, conflicts: [{ source: 'gratification', description: 'Hadiah' }] }, TODAY).conflicts,
    [{ source: 'gratification', description: 'Hadiah', relatedParty: '' }]);
  const six = Array.from({ length: 6 }, (_, i) => ({ ...good, relatedParty: `P${i}` }));
  assert.deepEqual(parseDeclaration({ ...yes, conflicts: six }, TODAY).conflicts.map((c) => c.relatedParty), ['P0', 'P1', 'P2', 'P3', 'P4']);
  assert.equal(parseDeclaration({ ...yes, conflicts: [...six.slice(0, 5), { source: 'x', description: '' }] }, TODAY).conflicts.length, 5); // the sixth is not read
  assert.deepEqual(parseDeclaration({ ...yes, conflicts: [empty, good, { source: ' ', description: '\n', relatedParty: ' ' }] }, TODAY).conflicts, [good]);
  const okCases: [Record<string, string>, string, string][] = [
    [{ description: a(2000) }, 'description', a(2000)], [{ relatedParty: a(200) }, 'relatedParty', a(200)],
  ];
  for (const [c, key, want] of okCases) assert.equal((parseDeclaration({ ...yes, conflicts: [{ ...good, ...c }] }, TODAY).conflicts[0] as unknown as Record<string, string>)[key], want);
  const bad: [unknown, Record<string, string>][] = [
    [undefined, { c0description: 'coi.err.conflict_missing' }],
    [[], { c0description: 'coi.err.conflict_missing' }],
    [[empty, empty], { c0description: 'coi.err.conflict_missing' }],
    [[{ source: 'family' }], { c0description: 'coi.err.required' }],
    [[{ description: 'Sesuatu' }], { c0source: 'coi.err.source' }],
    [[{ relatedParty: 'CV X' }], { c0source: 'coi.err.source', c0description: 'coi.err.required' }],
    [[{ ...good, source: 'authority' }], { c0source: 'coi.err.source' }],
    [[{ ...good, description: a(2001) }], { c0description: 'coi.err.too_long' }],
    [[{ ...good, relatedParty: a(201) }], { c0relatedParty: 'coi.err.too_long' }],
    [[empty, { ...good, source: 'x' }], { c1source: 'coi.err.source' }], // the row keeps its number
    [[good, good, good, good, { ...good, description: '' }], { c4description: 'coi.err.required' }],
  ];
  for (const [conflicts, errs] of bad) assert.deepEqual(validationErrorsOf(() => parseDeclaration({ ...yes, conflicts } as never, TODAY)), errs, JSON.stringify(conflicts)?.slice(0, 80));
});

test('reviews: returned values, dates and the note', () => {
  assert.deepEqual(parseReview({ assessment: ' real ', mitigation: ' other ', dueOn: ' 2026-12-01 ', note: ' Dipindah\r\nsementara ' }, TODAY),
    { assessment: 'real', mitigation: 'other', dueOn: '2026-12-01', note: 'Dipindah\nsementara' });
  for (const mitigation of ['recusal', 'reassignment', 'divestment', 'disclosure']) {
    assert.deepEqual(parseReview({ assessment: 'potential', mitigation, dueOn: '2100-12-31' }, TODAY), { assessment: 'potential', mitigation, dueOn: '2100-12-31', note: null });
  }
  assert.deepEqual(parseReview({ assessment: 'none', note: 'Bukan konflik' }, TODAY), { assessment: 'none', mitigation: null, dueOn: null, note: 'Bukan konflik' });
  assert.deepEqual(parseReview({ assessment: 'real', mitigation: 'none', dueOn: 'besok', note: a(2000) }, TODAY), { assessment: 'real', mitigation: null, dueOn: null, note: a(2000) });
  const bad: [Record<string, string>, Record<string, string>][] = [
    [{ assessment: '' }, { assessment: 'coi.err.assessment', mitigation: 'coi.err.mitigation', dueOn: 'coi.err.required' }],
    [{ assessment: 'Real', mitigation: 'recusal', dueOn: '2026-12-01' }, { assessment: 'coi.err.assessment' }],
    [{ assessment: 'real', mitigation: 'recusal', dueOn: '2026-02-30' }, { dueOn: 'coi.err.date' }],
    [{ assessment: 'real', mitigation: 'recusal', dueOn: 'besok' }, { dueOn: 'coi.err.date' }],
    [{ assessment: 'real', mitigation: 'recusal', dueOn: '1999-01-01' }, { dueOn: 'coi.err.date_past' }],
    [{ assessment: 'real', mitigation: 'recusal', dueOn: '2026-12-01', note: a(2001) }, { note: 'coi.err.too_long' }],
    [{ assessment: 'none', note: a(2001) }, { note: 'coi.err.too_long' }],
    [{ assessment: 'real', mitigation: 'other', dueOn: '2026-12-01', note: '  ' }, { note: 'coi.err.other_note' }],
    [{ assessment: 'apparent', mitigation: 'other' }, { dueOn: 'coi.err.required', note: 'coi.err.other_note' }],
  ];
  for (const [input, errs] of bad) assert.deepEqual(validationErrorsOf(() => parseReview(input, TODAY)), errs, JSON.stringify(input).slice(0, 80));
});

test('follow-ups: a note of at most 2000 characters and a day not in the future', () => {
  assert.deepEqual(parseFollowUp({ note: ' Sudah\r\n  dilaksanakan ', doneOn: ' 2026-11-28 ' }, TODAY), { note: 'Sudah\n  dilaksanakan', doneOn: '2026-11-28' });
  assert.deepEqual(parseFollowUp({ note: a(2000), doneOn: '2000-01-01' }, TODAY), { note: a(2000), doneOn: '2000-01-01' });
  const bad: [Record<string, string>, Record<string, string>][] = [
    [{ note: a(2001), doneOn: TODAY }, { note: 'coi.err.too_long' }],
    [{ note: '\r\n', doneOn: TODAY }, { note: 'coi.err.required' }],
    [{ note: 'x', doneOn: '2026-11-29' }, { doneOn: 'coi.err.date_future' }],
    [{ note: 'x', doneOn: '1999-12-31' }, { doneOn: 'coi.err.date' }],
    [{ note: 'x' }, { doneOn: 'coi.err.required' }],
    [{}, { note: 'coi.err.required', doneOn: 'coi.err.required' }],
  ];
  for (const [input, errs] of bad) assert.deepEqual(validationErrorsOf(() => parseFollowUp(input, TODAY)), errs, JSON.stringify(input).slice(0, 80));
});

test('evaluations: the period may end in the future, findings, recommendations list', () => {
  const ev = { heldOn: '2026-07-10', periodFrom: '2026-01-01', periodTo: '2026-06-30', findings: 'Temuan' };
  assert.deepEqual(parseEvaluation({ ...ev, findings: ' Temuan\r\n  kedua ' }, TODAY),
    { heldOn: '2026-07-10', periodFrom: '2026-01-01', periodTo: '2026-06-30', findings: 'Temuan\n  kedua', recommendations: [] });
  const recs: [string, string[]][] = [
    ['1. Satu\n2) Dua\n- Tiga\n• Empat\n* Lima\n   10. Enam\n\n   \nTujuh', ['Satu', 'Dua', 'Tiga', 'Empat', 'Lima', 'Enam', 'Tujuh']],
    ['a\r\nb', ['a', 'b']],
    ['1.Satu\n-Dua', ['Satu', 'Dua']],
    ['-\n---\n1.', []],
    ['Perbarui SOP 3.', ['Perbarui SOP 3.']],
    ['Tinjau  ulang - segera', ['Tinjau  ulang - segera']],
  ];
  for (const [raw, want] of recs) assert.deepEqual(parseEvaluation({ ...ev, recommendations: raw }, TODAY).recommendations, want, raw);
  const lines = (n: number, first = 'R') => [first, ...Array.from({ length: n - 1 }, (_, i) => `R${i}`)].join('\n');
  assert.equal(parseEvaluation({ ...ev, recommendations: lines(30) }, TODAY).recommendations.length, 30);
  assert.deepEqual(parseEvaluation({ ...ev, recommendations: lines(2, a(1000)) }, TODAY).recommendations, [a(1000), 'R0']);
  const okDates: [Record<string, string>][] = [
    [{ periodTo: '2026-12-31' }], [{ periodTo: '2100-12-31' }], [{ periodFrom: '2026-06-30', periodTo: '2026-06-30' }], [{ heldOn: TODAY, periodFrom: TODAY, periodTo: TODAY }],
  ];
  for (const [input] of okDates) {
    const r = parseEvaluation({ ...ev, ...input }, TODAY);
    assert.deepEqual({ heldOn: r.heldOn, periodFrom: r.periodFrom, periodTo: r.periodTo }, { ...{ heldOn: ev.heldOn, periodFrom: ev.periodFrom, periodTo: ev.periodTo }, ...input });
  }
  assert.equal(parseEvaluation({ ...ev, findings: a(5000) }, TODAY).findings, a(5000));
  const bad: [Record<string, string>, Record<string, string>][] = [
    [{ heldOn: '2026-11-29' }, { heldOn: 'coi.err.date_future' }],
    [{ heldOn: '' }, { heldOn: 'coi.err.required' }],
    [{ periodFrom: '2026-11-29', periodTo: '2026-12-31' }, { periodFrom: 'coi.err.date_future' }],
    [{ periodTo: '2101-01-01' }, { periodTo: 'coi.err.date' }],
    [{ periodTo: '' }, { periodTo: 'coi.err.required' }],
    [{ periodFrom: '2026-06-30', periodTo: '2026-06-29' }, { periodTo: 'coi.err.period_order' }],
    [{ periodFrom: '2026-12-01', periodTo: '2026-06-30' }, { periodFrom: 'coi.err.date_future' }], // no order check against a bad start
    [{ periodFrom: '2026-06-01', periodTo: '2026-02-30' }, { periodTo: 'coi.err.date' }],
    [{ findings: '' }, { findings: 'coi.err.required' }],
    [{ findings: a(5001) }, { findings: 'coi.err.too_long' }],
    [{ recommendations: lines(31) }, { recommendations: 'coi.err.too_many' }],
    [{ recommendations: lines(2, a(1001)) }, { recommendations: 'coi.err.too_long' }],
    [{ recommendations: lines(31, a(1001)) }, { recommendations: 'coi.err.too_many' }],
  ];
  for (const [input, errs] of bad) assert.deepEqual(validationErrorsOf(() => parseEvaluation({ ...ev, ...input }, TODAY)), errs, JSON.stringify(input).slice(0, 80));
});

test('recommendation updates: the done day only when done', () => {
  const cases: [Record<string, string>, ReturnType<typeof parseRecommendationUpdate>][] = [
    [{ status: 'open' }, { status: 'open', doneOn: null, note: null }],
    [{ status: ' in_progress ', doneOn: 'kemarin', note: ' Dibahas\r\nrapat ' }, { status: 'in_progress', doneOn: null, note: 'Dibahas\nrapat' }],
    [{ status: 'open', doneOn: '2026-01-01' }, { status: 'open', doneOn: null, note: null }],
    [{ status: 'done', doneOn: TODAY, note: a(2000) }, { status: 'done', doneOn: TODAY, note: a(2000) }],
  ];
  for (const [input, want] of cases) assert.deepEqual(parseRecommendationUpdate(input, TODAY), want, JSON.stringify(input).slice(0, 60));
  const bad: [Record<string, string>, Record<string, string>][] = [
    [{ status: '' }, { status: 'coi.err.status' }],
    [{ status: 'closed', doneOn: TODAY }, { status: 'coi.err.status' }],
    [{ status: 'done' }, { doneOn: 'coi.err.required' }],
    [{ status: 'done', doneOn: '2026-11-29' }, { doneOn: 'coi.err.date_future' }],
    [{ status: 'done', doneOn: '2026-02-30' }, { doneOn: 'coi.err.date' }],
    [{ status: 'open', note: a(2001) }, { note: 'coi.err.too_long' }],
  ];
  for (const [input, errs] of bad) assert.deepEqual(validationErrorsOf(() => parseRecommendationUpdate(input, TODAY)), errs, JSON.stringify(input).slice(0, 60));
});
