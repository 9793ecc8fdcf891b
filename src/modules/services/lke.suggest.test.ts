// The pure mapping from services facts to suggested LKE answers (A.I.6.i.a–d, A.I.2.i.b/c), table by
// table, and the answers it suggests are ones the current rule set accepts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getRuleSet, parseAnswers } from '../assessment/index.ts';
import { SERVICES_RULES, shareBand, suggestFromFacts, type ServicesFacts } from './services.suggest.ts';

const std = (missing = 0) => ({ version: 1, missing, decreeNumber: '1/2026', effectiveFrom: '2026-02-01', evidence: [{ fileId: '11111111-1111-4111-8111-111111111111', url: null, title: 'SK' }] });
const svc = (n: number, withStd: number, missing = 0): ServicesFacts['services'] =>
  Array.from({ length: n }, (_, i) => ({ code: `S${i}`, name: `Layanan ${i}`, standard: i < withStd ? std(missing) : null }));
const facts = (over: Partial<ServicesFacts> = {}): ServicesFacts => ({
  year: 2026, services: svc(6, 6), maklumat: { version: 1, signedOn: '2025-01-20', evidence: [{ fileId: null, url: 'https://x.example/foto', title: 'Foto' }] },
  reviews: [], consultations: [], sops: [], publicPages: true, ...over,
});
const answerOf = (f: ServicesFacts, item: string) => suggestFromFacts(f).find((s) => s.item === item)?.answer;

describe('bands (lke-suggestions.json)', () => {
  for (const [share, band] of [[1, 'all'], [0.51, 'most'], [0.5, 'some'], [0, 'none']] as const) test(`${share} → ${band}`, () => assert.equal(shareBand(share), band));
  test('the bands are data', () => assert.equal(shareBand(0.6, { ...SERVICES_RULES, shares: { ...SERVICES_RULES.shares, most: { above: 0.75 } } }), 'some'));
});

describe('A.I.6.i.a — standards for all service types, with every component', () => {
  const cases: [string, ServicesFacts['services'], string][] = [
    ['all, complete', svc(6, 6), 'a'],
    ['some, complete', svc(6, 2), 'b'],
    ['all, a component missing', svc(6, 6, 1), 'c'],
    ['some, a component missing', svc(6, 3, 2), 'd'],
    ['none', svc(6, 0), 'e'],
  ];
  for (const [name, services, letter] of cases) test(`${name} → ${letter}`, () => assert.equal(answerOf(facts({ services }), 'A.I.6.i.a'), letter));
  test('no services: no suggestion; the decree files are the evidence', () => {
    assert.equal(suggestFromFacts(facts({ services: [] })).find((s) => s.item === 'A.I.6.i.a'), undefined);
    const s = suggestFromFacts(facts()).find((x) => x.item === 'A.I.6.i.a')!;
    assert.deepEqual(s.evidence, [{ kind: 'file', fileId: '11111111-1111-4111-8111-111111111111', title: 'SK' }]);
  });
});

describe('A.I.6.i.b and A.I.6.i.d — maklumat, published online and in other media', () => {
  const cases: [string, Partial<ServicesFacts>, string, string][] = [
    ['all services, online and at the counter', {}, 'a', 'Ya'],
    ['all services, online only', { maklumat: { version: 1, signedOn: '2025-01-20', evidence: [] } }, 'b', 'Ya'],
    ['most services have a standard', { services: svc(6, 4) }, 'b', 'Ya'],
    ['a few', { services: svc(6, 2) }, 'c', 'Ya'],
    ['no maklumat', { maklumat: null }, 'd', 'Tidak'],
    ['unit not public', { publicPages: false }, 'c', 'Tidak'],
    ['no standards', { services: svc(6, 0) }, 'd', 'Tidak'],
  ];
  for (const [name, over, b, d] of cases) {
    test(`${name} → ${b} / ${d}`, () => {
      assert.equal(answerOf(facts(over), 'A.I.6.i.b'), b);
      assert.equal(answerOf(facts(over), 'A.I.6.i.d'), d);
    });
  }
});

describe('A.I.6.i.c — reviews with stakeholders, using SKM and complaints', () => {
  const review = (sources: string[]) => ({ reviewedOn: '2026-04-15', sources, changed: true });
  const forum = (stakeholders: number) => ({ heldOn: '2026-03-18', stakeholders, participants: stakeholders + 3, evidence: [] });
  const cases: [string, Partial<ServicesFacts>, string][] = [
    ['SKM + complaints + stakeholder forum', { reviews: [review(['skm', 'complaint'])], consultations: [forum(5)] }, 'a'],
    ['SKM + complaints + consultation finding', { reviews: [review(['skm', 'complaint', 'consultation'])] }, 'a'],
    ['SKM + complaints, government only at the forum', { reviews: [review(['skm', 'complaint'])], consultations: [forum(0)] }, 'b'],
    ['SKM only', { reviews: [review(['skm'])], consultations: [forum(5)] }, 'c'],
    ['SKM and complaints in two reviews', { reviews: [review(['skm']), review(['complaint'])] }, 'b'],
    ['no review', { consultations: [forum(5)] }, 'd'],
  ];
  for (const [name, over, letter] of cases) test(`${name} → ${letter}`, () => assert.equal(answerOf(facts(over), 'A.I.6.i.c'), letter));
});

describe('A.I.2.i.b/c — SOPs applied, evaluated and followed up', () => {
  const sop = (followUps: string[]) => ({ number: 'SOP', evaluations: followUps.map((followUp) => ({ followUp })), evidence: [] });
  const cases: [string, ServicesFacts['sops'], unknown, string][] = [
    ['all evaluated, all followed up', [sop(['revised']), sop(['proposal'])], 'b', 'a'],
    ['all evaluated, most followed up', [sop(['revised']), sop(['proposal']), sop(['none'])], 'b', 'b'],
    ['most evaluated, followed up', [sop(['revised']), sop(['revised']), sop([])], 'c', 'b'],
    ['most evaluated, none followed up', [sop(['none']), sop(['none']), sop([])], 'c', 'c'],
    ['a few evaluated', [sop(['revised']), sop([]), sop([])], 'd', 'd'],
    ['none evaluated', [sop([]), sop([])], null, 'e'],
  ];
  for (const [name, sops, b, c] of cases) {
    test(`${name} → ${b} / ${c}`, () => {
      assert.equal(answerOf(facts({ sops }), 'A.I.2.i.b'), b);
      assert.equal(answerOf(facts({ sops }), 'A.I.2.i.c'), c);
    });
  }
  test('no SOPs: no suggestion', () => assert.equal(suggestFromFacts(facts()).find((s) => s.item.startsWith('A.I.2.')), undefined));
});

test('every suggested answer is one the rule set accepts', () => {
  const rs = getRuleSet('permenpanrb-90-2021');
  const all = [
    facts(), facts({ services: svc(6, 3, 1), maklumat: null, sops: [{ number: 'a', evaluations: [{ followUp: 'none' }], evidence: [] }, { number: 'b', evaluations: [], evidence: [] }] }),
    facts({ reviews: [{ reviewedOn: '2026-04-01', sources: ['skm'], changed: false }], sops: [{ number: 'a', evaluations: [], evidence: [] }] }),
  ].flatMap((f) => suggestFromFacts(f));
  const answers = Object.fromEntries(all.filter((s) => s.answer !== null).map((s) => [s.item, s.answer]));
  assert.ok(Object.keys(answers).length >= 6);
  assert.doesNotThrow(() => parseAnswers(rs, answers));
  for (const s of all) for (const f of s.facts) assert.match(f.key, /^services\.fact\./);
});
