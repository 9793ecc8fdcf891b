import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getInstrument, instrumentFor, listInstruments, parseInstrument } from './instruments.ts';
import { hashCode, generateCodes, normaliseCode } from './surveys.codes.ts';
import {
  computeSkm, convertToIndex, KREJCIE_MORGAN, krejcieMorgan, krejcieMorganFormula, meetsMinimum, perceptionIndex, periodDates,
  roundTo, sampleProgress, skmBand, skmFromNrr, validateResponse, weakestItems,
} from './surveys.rules.ts';

const EXAMPLE = { U1: 3.4, U2: 3.2, U3: 3.1, U4: 3.6, U5: 3.3, U6: 3.5, U7: 3.55, U8: 3.25, U9: 3.15 };

test('instruments load: SKM (9 unsur, 4 labels each), SPAK (5 aspects, several items), SPKP (9 elements)', () => {
  const skm = getInstrument('skm-permenpanrb-14-2017');
  assert.deepEqual(skm.items.map((i) => i.code), ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9']);
  for (const i of skm.items) assert.equal(i.options.length, 4);
  assert.equal(skm.items[3].options[3].id, 'Gratis');
  assert.deepEqual(skm.profile.map((p) => p.field), ['sex', 'age', 'education', 'occupation']);
  const spak = getInstrument('spak-2026');
  assert.equal(spak.aspects.length, 5);
  for (const a of spak.aspects) assert.ok(spak.items.filter((i) => i.aspect === a.code).length >= 2, a.code);
  assert.equal(spak.wordingFixed, false);
  assert.equal(getInstrument('spkp-2026').items.length, 9);
  assert.deepEqual(listInstruments('skm').map((i) => i.id), ['skm-permenpanrb-14-2017']);
  assert.equal(instrumentFor('spak', 2026).id, 'spak-2026');
  assert.throws(() => getInstrument('nope'), /surveys.instrument.unknown/);
  const bad = structuredClone(skm) as any;
  bad.items[0].options.pop();
  assert.throws(() => parseInstrument(bad), /U1: 3 answer labels for a 4-point scale/);
});

test('worked example §6.4: NRR list → IKM 3,3389, NIK 83,47, mutu B "Baik"; U3 lowest', () => {
  const r = skmFromNrr(EXAMPLE, 100);
  assert.equal(roundTo(r.ikm!, 4), 3.3389);
  assert.equal(r.nik, 83.47);
  assert.equal(r.mutu, 'B');
  assert.equal(r.kinerja!.id, 'Baik');
  assert.deepEqual(r.lowest, [{ code: 'U3', nrr: 3.1 }]);
  assert.equal(r.weight.value, 1 / 9);
  // per-unsur quality: U4 (3.60) and U7 (3.55 ≥ 3.5324) are A; U3 and U9 B. The spec's text also
  // calls U6 (3.50) A, but 3.50 × 25 = 87.50 < 88.31: it is B (decision 0007).
  const m = Object.fromEntries(r.unsur.map((u) => [u.code, u.mutu]));
  assert.deepEqual([m.U4, m.U7, m.U6, m.U3, m.U9], ['A', 'A', 'B', 'B', 'B']);
  // the 0.11-weight variant: 30.05 × 0.11 = 3.3055 → 82.64, still B
  const v = skmFromNrr(EXAMPLE, 100, { weight: 'rounded' });
  assert.equal(roundTo(v.ikm!, 4), 3.3055);
  assert.equal(v.nik, 82.64);
  assert.equal(v.mutu, 'B');
  // with 0.11 all-4 answers give only 99.00
  assert.equal(skmFromNrr(Object.fromEntries(Object.keys(EXAMPLE).map((k) => [k, 4])), 1, { weight: 'rounded' }).nik, 99);
  assert.deepEqual(weakestItems(EXAMPLE, 3).map((w) => w.code), ['U3', 'U9', 'U2']);
});

test('band edges on the NIK rounded to 2 decimals', () => {
  const cases: [number, string, string][] = [
    [25, 'D', 'Tidak baik'], [64.99, 'D', 'Tidak baik'], [64.994, 'D', 'Tidak baik'], [64.995, 'C', 'Kurang baik'], [65.0, 'C', 'Kurang baik'],
    [76.6, 'C', 'Kurang baik'], [76.604, 'C', 'Kurang baik'], [76.605, 'B', 'Baik'], [76.61, 'B', 'Baik'],
    [88.3, 'B', 'Baik'], [88.304, 'B', 'Baik'], [88.305, 'A', 'Sangat baik'], [88.31, 'A', 'Sangat baik'], [100, 'A', 'Sangat baik'],
  ];
  for (const [nik, mutu, kinerja] of cases) {
    const b = skmBand(nik);
    assert.equal(b.mutu, mutu, `NIK ${nik}`);
    assert.equal(b.kinerja.id, kinerja, `NIK ${nik}`);
  }
  // through computeSkm: IKM 2.6 → 65.00 C; 3.0644 → 76.61 B; 3.0640 → 76.60 C; 3.5324 → 88.31 A
  const at = (x: number) => skmFromNrr(Object.fromEntries(Object.keys(EXAMPLE).map((k) => [k, x])), 10);
  assert.deepEqual([at(2.6).mutu, at(3.0644).mutu, at(3.064).mutu, at(3.5324).mutu, at(3.532).mutu, at(2.5996).mutu], ['C', 'B', 'C', 'A', 'B', 'D']);
});

test('computeSkm from rows: NRR per unsur, respondents, exact 1/9; empty input gives nulls', () => {
  const rows = [
    [4, 4, 3, 4, 4, 4, 4, 3, 3],
    [3, 3, 2, 4, 3, 3, 4, 3, 3],
    [3, 3, 3, 4, 3, 4, 3, 3, 2],
  ];
  const r = computeSkm(rows);
  assert.equal(r.respondents, 3);
  assert.equal(r.nrr.U1, 10 / 3);
  assert.equal(r.nrr.U3, 8 / 3);
  assert.equal(r.ikm, (10 + 10 + 8 + 12 + 10 + 11 + 11 + 9 + 8) / 3 / 9);
  assert.equal(r.lowest.map((l) => l.code).join(), 'U3,U9');
  const e = computeSkm([]);
  assert.equal(e.ikm, null);
  assert.equal(e.mutu, null);
  assert.equal(e.respondents, 0);
  const all4 = computeSkm([[4, 4, 4, 4, 4, 4, 4, 4, 4]]);
  assert.equal(all4.nik, 100);
  assert.equal(all4.mutu, 'A');
  assert.equal(computeSkm([[1, 1, 1, 1, 1, 1, 1, 1, 1]]).nik, 25);
});

test('validateResponse: per-field errors, all or nothing; profile by code or label', () => {
  const ok = validateResponse('skm-permenpanrb-14-2017', [4, '3', 2, 4, 4, 3, 3, 3, ' 2 '], { sex: 'P', age: '30_39', education: 'S1', occupation: '' });
  assert.deepEqual(ok, { ok: true, answers: [4, 3, 2, 4, 4, 3, 3, 3, 2], profile: { sex: 'p', age: '30_39', education: 's1' } });
  const lab = validateResponse('skm-permenpanrb-14-2017', [1, 1, 1, 1, 1, 1, 1, 1, 1], { sex: 'Laki-laki', occupation: 'Wirausaha' });
  assert.ok(lab.ok && lab.profile.sex === 'l' && lab.profile.occupation === 'wirausaha');
  const cases: [unknown[], Record<string, unknown>, Record<string, string>][] = [
    [[4, 4, 4, 4, 4, 4, 4, 4], {}, { _answers: 'surveys.answer.count' }],
    [[4, 4, 4, 4, 4, 4, 4, 4, 4, 4], {}, { _answers: 'surveys.answer.count' }],
    [[0, 5, '', null, 2.5, 'x', -1, 4, '4'], {}, { U1: 'surveys.answer.out_of_scale', U2: 'surveys.answer.out_of_scale', U3: 'surveys.answer.missing', U4: 'surveys.answer.missing', U5: 'surveys.answer.not_integer', U6: 'surveys.answer.not_integer', U7: 'surveys.answer.out_of_scale' }],
    [[4, 4, 4, 4, 4, 4, 4, 4, 4], { sex: 'x' }, { sex: 'surveys.profile.invalid' }],
    [[4, 4, 4, 4, 4, 4, 4, 4, 4], { shoe: '42' }, { shoe: 'surveys.profile.field_unknown' }],
  ];
  for (const [answers, profile, errors] of cases) assert.deepEqual(validateResponse('skm-permenpanrb-14-2017', answers, profile), { ok: false, errors }, JSON.stringify(answers));
  const spak = getInstrument('spak-2026');
  assert.equal(validateResponse(spak, new Array(spak.items.length).fill(4)).ok, true);
});

test('Krejcie–Morgan: Appendix C table values; the table wins at N = 100 000', () => {
  const rows: [number, number][] = [[10, 10], [50, 44], [100, 80], [150, 108], [200, 132], [300, 169], [500, 217], [1000, 278], [1500, 306], [2000, 322], [3000, 341], [5000, 357], [10000, 370], [20000, 377], [50000, 381], [75000, 382], [100000, 384], [1000000, 384]];
  for (const [N, n] of rows) assert.equal(krejcieMorgan(N), n, `N=${N}`);
  for (const r of KREJCIE_MORGAN.table) assert.equal(krejcieMorgan(r.N), r.n);
  // the formula reproduces every row but one
  assert.deepEqual(KREJCIE_MORGAN.table.filter((r) => krejcieMorganFormula(r.N) !== r.n).map((r) => [r.N, r.n, krejcieMorganFormula(r.N)]), [[100000, 384, 383]]);
  // between rows the formula; above 100 000 the table's 384; never decreasing
  assert.equal(krejcieMorgan(125), krejcieMorganFormula(125));
  assert.equal(krejcieMorgan(250000), 384);
  assert.equal(krejcieMorgan(0), 0);
  assert.equal(krejcieMorgan(-5), 0);
  assert.equal(krejcieMorgan(3), 3);
  let prev = 0;
  for (let N = 1; N < 200000; N += N < 2000 ? 1 : 97) { const n = krejcieMorgan(N); assert.ok(n >= prev, `N=${N}`); prev = n; }
});

test('perception index: linear 1–4 → 0–4, aspect means, the 30-respondent minimum', () => {
  const spak = getInstrument('spak-2026');
  assert.equal(convertToIndex(spak, 1), 0);
  assert.equal(convertToIndex(spak, 4), 4);
  assert.equal(convertToIndex(spak, 2.5), 2);
  const rows = Array.from({ length: 30 }, () => spak.items.map(() => 4));
  const r = perceptionIndex(spak, rows);
  assert.equal(r.index, 4);
  assert.equal(r.meetsMinimum, true);
  assert.equal(perceptionIndex(spak, rows.slice(1)).meetsMinimum, false);
  assert.equal(meetsMinimum(29), false);
  // aspect weighting: A1 (3 items) all 1, the rest all 4 → aspects 1,4,4,4,4 → mean 3.4 → 3.2
  const mixed = [spak.items.map((i) => (i.aspect === 'A1' ? 1 : 4))];
  assert.equal(roundTo(perceptionIndex(spak, mixed).index!, 6), 3.2);
  const spkp = perceptionIndex('spkp-2026', [[4, 4, 4, 4, 4, 4, 4, 4, 1]]);
  assert.equal(roundTo(spkp.index!, 6), roundTo(((4 * 8 + 1) / 9 - 1) / 3 * 4, 6));
  assert.equal(perceptionIndex(spak, []).index, null);
});

test('period dates and receipt codes', () => {
  assert.deepEqual(periodDates(2026, 'quarter', 1), { startsOn: '2026-01-01', endsOn: '2026-03-31' });
  assert.deepEqual(periodDates(2024, 'quarter', 1), { startsOn: '2024-01-01', endsOn: '2024-03-31' });
  assert.deepEqual(periodDates(2026, 'semester', 2), { startsOn: '2026-07-01', endsOn: '2026-12-31' });
  assert.deepEqual(periodDates(2026, 'year', 0), { startsOn: '2026-01-01', endsOn: '2026-12-31' });
  assert.equal(periodDates(2026, 'quarter', 5), null);
  assert.equal(periodDates(2026, 'year', 1), null);
  const codes = generateCodes(50);
  assert.equal(new Set(codes).size, 50);
  for (const c of codes) assert.match(c, /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
  assert.equal(hashCode('abcd-efgh'), hashCode('ABCD EFGH'));
  assert.equal(normaliseCode(' ab-cd '), 'ABCD');
  assert.notEqual(hashCode('ABCD-EFGH'), hashCode('ABCD-EFGJ'));
});

test('roundTo: half away from zero at every decimal count, immune to binary representation', () => {
  const cases: [number, number, number][] = [
    [83.465, 2, 83.47], [83.464999, 2, 83.46], [1.005, 2, 1.01], [2.675, 2, 2.68],
    [3.33885, 4, 3.3389], [3.33884, 4, 3.3388], [0.5, 0, 1], [1.5, 0, 2], [2.4999, 0, 2],
    [87.5, 1, 87.5], [88.305, 2, 88.31], [0, 3, 0], [100, 2, 100], [12.3456789, 6, 12.345679],
  ];
  for (const [x, d, want] of cases) assert.equal(roundTo(x, d), want, `roundTo(${x}, ${d})`);
});

test('sampleProgress: whole percent rounded down, capped at 100; met only at the required size', () => {
  const cases: [number, number, { percent: number; met: boolean }][] = [
    [0, 100, { percent: 0, met: false }],
    [1, 100, { percent: 1, met: false }],
    [99, 100, { percent: 99, met: false }],
    [199, 200, { percent: 99, met: false }], // 99,5 % is not yet 100 %
    [100, 100, { percent: 100, met: true }],
    [150, 100, { percent: 100, met: true }],
    [1, 3, { percent: 33, met: false }],
    [2, 3, { percent: 66, met: false }],
    [3, 3, { percent: 100, met: true }],
    [0, 0, { percent: 0, met: true }],
    [5, 0, { percent: 100, met: true }],
  ];
  for (const [achieved, required, want] of cases) assert.deepEqual(sampleProgress(achieved, required), want, `${achieved}/${required}`);
});
