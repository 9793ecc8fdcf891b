import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getInstrument, instrumentFor, listInstruments, parseInstrument } from './instruments.ts';
import { hashCode, generateCodes, normaliseCode } from './surveys.codes.ts';
import {
  computeSkm, convertToIndex, itemMeans, KREJCIE_MORGAN, krejcieMorgan, krejcieMorganFormula, meetsMinimum, parseAnswerValue, perceptionFromNrr,
  perceptionIndex, periodDates, roundTo, sampleProgress, skmBand, skmFromNrr, validateResponse, weakestItems,
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

// ---- added: every branch and edge of the rules, expected values written out ----------------------

const SKM = 'skm-permenpanrb-14-2017';
const ALL4 = [4, 4, 4, 4, 4, 4, 4, 4, 4];
const each = (x: number) => Object.fromEntries(Object.keys(EXAMPLE).map((k) => [k, x]));

test('parseAnswerValue: numbers and plain digit strings on the scale; every other shape has its own error', () => {
  const scale = { min: 1, max: 4 };
  const cases: [unknown, number | string][] = [
    // missing
    [undefined, 'surveys.answer.missing'], [null, 'surveys.answer.missing'], ['', 'surveys.answer.missing'], ['   ', 'surveys.answer.missing'], ['\t\n', 'surveys.answer.missing'],
    // numbers: both ends of the scale and one beyond each
    [1, 1], [4, 4], [0, 'surveys.answer.out_of_scale'], [5, 'surveys.answer.out_of_scale'], [-1, 'surveys.answer.out_of_scale'],
    [2.5, 'surveys.answer.not_integer'], [Number.NaN, 'surveys.answer.not_integer'], [Number.POSITIVE_INFINITY, 'surveys.answer.not_integer'],
    // digit strings: spaces around, a sign, leading zeros, a zero fraction
    ['3', 3], [' 3 ', 3], ['+3', 3], ['03', 3], ['3.0', 3], ['3.00', 3], ['-1', 'surveys.answer.out_of_scale'], ['12', 'surveys.answer.out_of_scale'],
    ['0', 'surveys.answer.out_of_scale'], ['5', 'surveys.answer.out_of_scale'],
    ['2.5', 'surveys.answer.not_integer'], ['3.', 'surveys.answer.not_integer'], ['.5', 'surveys.answer.not_integer'],
    // strings Number() would read as an integer but that are not plain digits
    ['0x3', 'surveys.answer.not_integer'], ['3e0', 'surveys.answer.not_integer'], ['x3', 'surveys.answer.not_integer'], ['3x', 'surveys.answer.not_integer'],
    ['3 3', 'surveys.answer.not_integer'], ['++3', 'surveys.answer.not_integer'],
    // neither a number nor a string
    [true, 'surveys.answer.not_integer'], [[3], 'surveys.answer.not_integer'], [{}, 'surveys.answer.not_integer'],
  ];
  for (const [v, want] of cases) assert.equal(parseAnswerValue(v, scale), want, JSON.stringify(v) ?? String(v));
  // the scale is the argument's, not a fixed 1–4
  assert.equal(parseAnswerValue('10', { min: 0, max: 10 }), 10);
  assert.equal(parseAnswerValue(0, { min: 0, max: 10 }), 0);
  assert.equal(parseAnswerValue(11, { min: 0, max: 10 }), 'surveys.answer.out_of_scale');
});

test('validateResponse: an undefined answer is missing; the profile drops empty values and matches code, id or en label in any case', () => {
  assert.deepEqual(validateResponse(SKM, [4, 4, 4, 4, undefined, 4, 4, 4, 4]), { ok: false, errors: { U5: 'surveys.answer.missing' } });
  const cases: [Record<string, unknown>, Record<string, string>][] = [
    [{ sex: undefined, age: null, education: '   ', occupation: '' }, {}],
    [{ shoe: '' }, {}], // an empty unknown field is dropped like any empty value
    [{ sex: ' P ' }, { sex: 'p' }],
    [{ sex: 'l' }, { sex: 'l' }],
    [{ sex: 'perempuan' }, { sex: 'p' }],
    [{ sex: 'Female' }, { sex: 'p' }],
    [{ sex: 'MALE' }, { sex: 'l' }],
    [{ education: 'Bachelor' }, { education: 's1' }],
    [{ education: ' s2/s3 ' }, { education: 's2' }],
    [{ age: 'Under 20' }, { age: 'lt20' }],
    [{ occupation: 'Self-employed', age: '50 TAHUN KE ATAS' }, { occupation: 'wirausaha', age: '50plus' }],
  ];
  for (const [profile, want] of cases) assert.deepEqual(validateResponse(SKM, ALL4, profile), { ok: true, answers: ALL4, profile: want }, JSON.stringify(profile));
  const bad: [Record<string, unknown>, Record<string, string>][] = [
    [{ sex: 'wanita' }, { sex: 'surveys.profile.invalid' }],
    [{ sex: 1 }, { sex: 'surveys.profile.invalid' }],
    [{ sex: 'p', education: 'S3' }, { education: 'surveys.profile.invalid' }],
    [{ shoe: '42', sex: 'x' }, { shoe: 'surveys.profile.field_unknown', sex: 'surveys.profile.invalid' }],
  ];
  for (const [profile, errors] of bad) assert.deepEqual(validateResponse(SKM, ALL4, profile), { ok: false, errors }, JSON.stringify(profile));
  // answer and profile errors together: all or nothing
  assert.deepEqual(validateResponse(SKM, [4, 4, 4, 4, 4, 4, 4, 4, 0], { sex: 'x' }), { ok: false, errors: { U9: 'surveys.answer.out_of_scale', sex: 'surveys.profile.invalid' } });
});

test('itemMeans: values off the scale, fractions, NaN and missing cells are not answers', () => {
  const ins = getInstrument(SKM);
  const rows = [
    [4, 4, 4, 4, 4, 4, 4, 4, 4],
    [5, 0, 3.5, 3, Number.NaN, -1, 1, 4], // U9 absent from the short row
  ];
  const { nrr, counts } = itemMeans(ins, rows);
  assert.deepEqual(nrr, { U1: 4, U2: 4, U3: 4, U4: 3.5, U5: 4, U6: 4, U7: 2.5, U8: 4, U9: 4 });
  assert.deepEqual(counts, { U1: 1, U2: 1, U3: 1, U4: 2, U5: 1, U6: 1, U7: 2, U8: 2, U9: 1 });
  const none = itemMeans(ins, [[0, 0, 0, 0, 0, 0, 0, 0, 0]]);
  assert.equal(none.nrr.U1, null);
  assert.equal(none.counts.U1, 0);
  // computeSkm counts rows as respondents, and an unsur without a valid answer leaves the IKM open
  const r = computeSkm([[4, 4, 4, 4, 4, 4, 4, 4, 4], [0, 0, 0, 0, 0, 0, 0, 0, 0]]);
  assert.equal(r.respondents, 2);
  assert.equal(r.nik, 100);
  const open = computeSkm([[4, 4, 4, 4, 4, 4, 4, 4, 0]]);
  assert.equal(open.nrr.U9, null);
  assert.equal(open.ikm, null);
});

test('skmBand: below the lowest band (NIK < 25, off the scale) is still D; a non-SKM instrument is refused', () => {
  for (const nik of [24.99, 10, 0, -5]) assert.equal(skmBand(nik).mutu, 'D', `NIK ${nik}`);
  assert.equal(skmBand(0).kinerja.en, 'Very poor');
  assert.throws(() => skmFromNrr(EXAMPLE, 10, { instrument: 'spak-2026' }), { message: 'instrument spak-2026 is not an SKM instrument' });
  assert.throws(() => computeSkm([ALL4], { instrument: 'spkp-2026' }), { message: 'instrument spkp-2026 is not an SKM instrument' });
});

test('skmFromNrr: per-unsur NIK and mutu of the worked example; a missing, NaN or infinite NRR leaves the unsur and the IKM empty', () => {
  const r = skmFromNrr(EXAMPLE, 100);
  assert.deepEqual(r.unsur.map((u) => [u.code, u.nik, u.mutu]), [
    ['U1', 85, 'B'], ['U2', 80, 'B'], ['U3', 77.5, 'B'], ['U4', 90, 'A'], ['U5', 82.5, 'B'], ['U6', 87.5, 'B'], ['U7', 88.75, 'A'], ['U8', 81.25, 'B'], ['U9', 78.75, 'B'],
  ]);
  assert.equal(r.unsur[0].name.id, getInstrument(SKM).items[0].name.id);
  for (const bad of [null, Number.NaN, Number.POSITIVE_INFINITY, undefined]) {
    const x = skmFromNrr({ ...EXAMPLE, U5: bad as number | null }, 100);
    const u5 = x.unsur[4];
    assert.deepEqual({ code: u5.code, nrr: u5.nrr, nik: u5.nik, mutu: u5.mutu }, { code: 'U5', nrr: null, nik: null, mutu: null }, String(bad));
    assert.equal(x.nrr.U5, null);
    assert.deepEqual([x.ikm, x.nik, x.mutu, x.kinerja], [null, null, null, null], String(bad));
    // the other unsur keep their values, and the lowest ignores the empty one
    assert.equal(x.unsur[3].mutu, 'A');
    assert.deepEqual(x.lowest, [{ code: 'U3', nrr: 3.1 }]);
  }
  // the lowest when U3 itself is empty: the next lowest, U9
  assert.deepEqual(skmFromNrr({ ...EXAMPLE, U3: null }, 100).lowest, [{ code: 'U9', nrr: 3.15 }]);
  // no respondents: per-unsur values stay, the IKM does not
  const none = skmFromNrr(EXAMPLE, 0);
  assert.deepEqual([none.ikm, none.nik, none.mutu, none.kinerja], [null, null, null, null]);
  assert.equal(none.unsur[3].mutu, 'A');
  assert.equal(skmFromNrr(EXAMPLE, 1).nik, 83.47);
  // nothing at all: no lowest
  const empty = skmFromNrr({}, 0);
  assert.deepEqual(empty.lowest, []);
  assert.equal(empty.unsur.length, 9);
  assert.ok(empty.unsur.every((u) => u.nrr === null && u.mutu === null));
});

test('skmFromNrr: ties for the lowest within binary noise (< 1e-9) are all listed; 1e-9 apart is not a tie', () => {
  assert.deepEqual(skmFromNrr({ ...EXAMPLE, U9: 3.1000000000001 }, 10).lowest.map((l) => l.code), ['U3', 'U9']);
  assert.deepEqual(skmFromNrr({ ...each(4), U1: 0, U2: 1e-9 }, 10).lowest, [{ code: 'U1', nrr: 0 }]);
  assert.deepEqual(skmFromNrr(each(3), 10).lowest.map((l) => l.code), ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9']);
});

test('computeSkm passes its options on: the 0.11 weight from rows', () => {
  const r = computeSkm([ALL4], { weight: 'rounded' });
  assert.deepEqual(r.weight, { kind: 'rounded', value: 0.11 });
  assert.equal(r.nik, 99);
  assert.equal(r.mutu, 'A');
  assert.equal(computeSkm([ALL4]).weight.kind, 'exact');
  assert.equal(computeSkm([ALL4], { instrument: getInstrument(SKM) }).instrument, SKM);
});

test('weakestItems: ascending, ties by unsur number (U9 before U10), empty values skipped, at most max (3 by default)', () => {
  assert.deepEqual(weakestItems({ U10: 3, U9: 3, U2: 3.5, U1: 2 }), [{ code: 'U1', nrr: 2 }, { code: 'U9', nrr: 3 }, { code: 'U10', nrr: 3 }]);
  assert.deepEqual(weakestItems({ U1: null, U2: 3.2, U3: 3.1 }, 5), [{ code: 'U3', nrr: 3.1 }, { code: 'U2', nrr: 3.2 }]);
  assert.deepEqual(weakestItems({ U2: 3, U1: 3 }, 1), [{ code: 'U1', nrr: 3 }]);
  assert.deepEqual(weakestItems({ U1: null }), []);
});

test('perception: SKM-style instruments (no conversion, item mean) give the mean itself; item-mean differs from aspect-mean', () => {
  const skm = perceptionIndex(SKM, [[4, 4, 4, 4, 4, 4, 4, 4, 1]]);
  assert.equal(roundTo(skm.mean!, 6), 3.666667);
  assert.equal(roundTo(skm.index!, 6), 3.666667);
  assert.equal(convertToIndex(getInstrument(SKM), 2.5), 2.5);
  // SPAK with A1 (3 items) all 1 and the other 10 items 4: aspect mean 3.4 → 3.2; item mean 43/13 → 40/13
  const spak = getInstrument('spak-2026');
  const row = spak.items.map((i) => (i.aspect === 'A1' ? 1 : 4));
  const itemMean = { ...structuredClone(spak), aggregation: 'item-mean' as const };
  const r = perceptionIndex(itemMean, [row]);
  assert.equal(roundTo(r.mean!, 6), 3.307692);
  assert.equal(roundTo(r.index!, 6), 3.076923);
  assert.deepEqual(r.aspects.map((a) => a.value), [1, 4, 4, 4, 4]);
});

test('convertToIndex: the instrument\'s linear map, clamped to its target range', () => {
  const spak = getInstrument('spak-2026');
  const cases: [number, number][] = [[1, 0], [1.75, 1], [2.5, 2], [3.25, 3], [4, 4], [0, 0], [-3, 0], [5, 4], [9, 4]];
  for (const [x, want] of cases) assert.equal(convertToIndex(spak, x), want, `x=${x}`);
  // a target range not starting at 0 (e.g. 25–100): the offset and the width both count
  const shifted = { ...structuredClone(spak), conversion: { ...spak.conversion!, to: { min: 25, max: 100 } } };
  const c2: [number, number][] = [[1, 25], [2.5, 62.5], [4, 100], [0, 25], [5, 100]];
  for (const [x, want] of c2) assert.equal(convertToIndex(shifted, x), want, `25–100 x=${x}`);
});

test('perceptionFromNrr: a missing item empties its aspect and the index; no respondents, no index', () => {
  const spak = getInstrument('spak-2026');
  const full = Object.fromEntries(spak.items.map((i) => [i.code, 4]));
  const ok = perceptionFromNrr(spak, full, 30);
  assert.equal(ok.index, 4);
  assert.deepEqual([ok.respondents, ok.minRespondents, ok.meetsMinimum, ok.kind, ok.instrument], [30, 30, true, 'spak', 'spak-2026']);
  const { A1b: _drop, ...partial } = full;
  const p = perceptionFromNrr(spak, partial, 30);
  assert.equal(p.items[1].nrr, null);
  assert.equal(p.items[0].nrr, 4);
  assert.deepEqual(p.aspects.map((a) => a.value), [null, 4, 4, 4, 4]);
  assert.equal(p.mean, null);
  assert.equal(p.index, null);
  const notNumber = perceptionFromNrr(spak, { ...full, A1b: '4' as unknown as number }, 30);
  assert.equal(notNumber.items[1].nrr, null);
  assert.equal(notNumber.index, null);
  // no respondents
  const zero = perceptionFromNrr(spak, full, 0);
  assert.deepEqual([zero.mean, zero.index, zero.meetsMinimum], [null, null, false]);
  // item-mean aggregation: one missing item empties it too
  const itemMean = { ...structuredClone(spak), aggregation: 'item-mean' as const };
  assert.equal(perceptionFromNrr(itemMean, partial, 30).index, null);
  assert.equal(perceptionFromNrr(itemMean, full, 0).index, null);
  // an aspect without items (a hand-built instrument; parseInstrument refuses it) has no value
  const noItems = structuredClone(spak);
  noItems.aspects.push({ code: 'A6', name: { id: 'Lain', en: 'Other' } });
  const q = perceptionFromNrr(noItems, full, 30);
  assert.equal(q.aspects[5].value, null);
  assert.equal(q.index, null);
  // the minimum: 29 no, 30 yes
  assert.equal(meetsMinimum(30), true);
  assert.equal(perceptionFromNrr(spak, full, 29).meetsMinimum, false);
});

test('Krejcie–Morgan: guards, between rows, just above the last finite row', () => {
  for (const N of [0, -5, -1000, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
    assert.equal(krejcieMorganFormula(N), 0, `formula N=${N}`);
    assert.equal(krejcieMorgan(N), 0, `N=${N}`);
  }
  // between rows: the formula (125 → 94, 1250 → 294), a fractional population is floored first
  assert.equal(krejcieMorgan(125), 94);
  assert.equal(krejcieMorgan(125.9), 94);
  assert.equal(krejcieMorgan(100.9), 80);
  assert.equal(krejcieMorgan(1250), 294);
  // never more than the population
  assert.equal(krejcieMorgan(1), 1);
  assert.equal(krejcieMorgan(5), 5);
  // just above 100 000 the formula still says 383; the table's 384 holds
  assert.equal(krejcieMorganFormula(100001), 383);
  assert.equal(krejcieMorgan(100001), 384);
  assert.equal(krejcieMorgan(99999), 383);
  assert.equal(krejcieMorgan(500000), 384);
});

test('periodDates: the years 2000–2100 only; quarters 1–4, semesters 1–2, whole numbers', () => {
  const ok: [number, 'quarter' | 'semester' | 'year', number, string, string][] = [
    [2000, 'year', 0, '2000-01-01', '2000-12-31'],
    [2100, 'year', 0, '2100-01-01', '2100-12-31'],
    [2026, 'quarter', 2, '2026-04-01', '2026-06-30'],
    [2026, 'quarter', 3, '2026-07-01', '2026-09-30'],
    [2026, 'quarter', 4, '2026-10-01', '2026-12-31'],
    [2026, 'semester', 1, '2026-01-01', '2026-06-30'],
  ];
  for (const [y, t, n, s, e] of ok) assert.deepEqual(periodDates(y, t, n), { startsOn: s, endsOn: e }, `${y} ${t} ${n}`);
  const bad: [number, 'quarter' | 'semester' | 'year', number][] = [
    [1999, 'year', 0], [2101, 'year', 0], [2026.5, 'year', 0], [Number.NaN, 'quarter', 1],
    [2026, 'quarter', 0], [2026, 'quarter', 1.5], [2026, 'quarter', -1], [2026, 'semester', 0], [2026, 'semester', 3], [2026, 'semester', 1.5],
  ];
  for (const [y, t, n] of bad) assert.equal(periodDates(y, t, n), null, `${y} ${t} ${n}`);
});
