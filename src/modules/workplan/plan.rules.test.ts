import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDecreeModel, planProgress, validateArea, validateMonev, validateMonths, validateTitle } from './plan.rules.ts';

test('months: integers 1..12, unique, not empty', () => {
  const cases: [unknown[], string | number[]][] = [
    [[3, 1, 12], [1, 3, 12]], [['6'], [6]], [[], 'plan.months.empty'], [[0], 'plan.months.invalid'], [[13], 'plan.months.invalid'],
    [['x'], 'plan.months.invalid'], [[1.5], 'plan.months.invalid'], [[2, '2'], 'plan.months.duplicate'],
  ];
  for (const [input, want] of cases) {
    const r = validateMonths(input);
    if (typeof want === 'string') assert.deepEqual(r, { ok: false, error: want }, JSON.stringify(input));
    else assert.deepEqual(r, { ok: true, value: want });
  }
});

test('areas 1..6 and title lengths', () => {
  assert.equal(validateArea('6').ok, true);
  for (const a of ['0', '7', 'x', '', 1.5]) assert.equal(validateArea(a).ok, false);
  assert.equal(validateTitle('ab').ok, false);
  assert.equal(validateTitle('x'.repeat(301)).ok, false);
  assert.deepEqual(validateTitle('  Rapat   evaluasi '), { ok: true, value: 'Rapat evaluasi' });
});

test('decree model: Indonesian date, spaced NIP, month marks', () => {
  const m = buildDecreeModel({
    regency: 'Kabupaten Bangka', unit: { name: 'Dinas Contoh', address: 'Jalan A', phone: null, email: null }, year: 2022, title: 'Rencana Kerja',
    number: '188.4/1', date: '2022-02-03', place: 'Sungailiat', signer: { name: 'Elius Gani', nip: '197101151995031001', position: 'Kepala' },
    content: { menimbang: ['a', 'b'], diktum: ['x', 'y'] }, areas: [], areaNames: { 4: 'Penguatan Akuntabilitas Kinerja' },
    activities: [{ area: 4, seq: 1, title: 'Pengelolaan', months: [3, 6, 9, 12], pic: null, outputs: null }],
  });
  assert.equal(m.date, '3 Februari 2022');
  assert.equal(m.signer.nip, 'NIP. 19710115 199503 1 001');
  assert.equal(m.signer.name, 'ELIUS GANI');
  assert.deepEqual(m.menimbang.map((x) => x.label), ['a.', 'b.']);
  assert.deepEqual(m.diktum.map((x) => x.label), ['KESATU', 'KEDUA']);
  assert.deepEqual(m.matrix[0].rows[0].marks, ['', '', 'X', '', '', 'X', '', '', 'X', '', '', 'X']);
});

test('monev: status, realisation 0..100, done counts as 100', () => {
  assert.equal(validateMonev({ status: 'done', realisation: '40' }).ok && (validateMonev({ status: 'done', realisation: '40' }) as { value: { realisation: number } }).value.realisation, 100);
  assert.deepEqual(validateMonev({ status: 'x' }), { ok: false, errors: { status: 'plan.monev.status_invalid' } });
  assert.deepEqual(validateMonev({ status: 'partial', realisation: '101' }), { ok: false, errors: { realisation: 'plan.monev.realisation_invalid' } });
  assert.deepEqual(validateMonev({ status: 'partial', realisation: '-1' }), { ok: false, errors: { realisation: 'plan.monev.realisation_invalid' } });
});

test('progress: done months count, ended months without done are overdue', () => {
  const p = planProgress(2026, [{ id: 'a', area: 4, months: [3, 6, 9, 12] }], [{ activityId: 'a', month: 3, status: 'done' }, { activityId: 'a', month: 6, status: 'partial' }], new Date('2026-08-15T00:00:00Z'));
  assert.deepEqual(p.overall, { scheduled: 4, done: 1, pct: 25 });
  assert.deepEqual([...p.overdue], ['a:6']);
  assert.equal(p.perArea[3]!.pct, 25);
});
