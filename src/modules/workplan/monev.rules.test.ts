import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { I18n } from '../../kernel/i18n.ts';
import { MONEV_SUBJECT, buildMonevReportModel, defaultPeriod, parsePeriod, periodLabel, periodOf, periodsOfYear, summariseMonev, type MonevReportSource, type ReportActivity, type ReportMonev } from './monev.rules.ts';
import { planMessages } from './plan.messages.ts';

test('period codes: month, quarter, semester, year; anything else refused', () => {
  const cases: [unknown, string | { code: string; months: number[] }][] = [
    ['2026-M03', { code: '2026-M03', months: [3] }],
    ['2026-M3', { code: '2026-M03', months: [3] }],
    ['2026-m12', { code: '2026-M12', months: [12] }],
    [' 2026-Q1 ', { code: '2026-Q1', months: [1, 2, 3] }],
    ['2026-q4', { code: '2026-Q4', months: [10, 11, 12] }],
    ['2026-S1', { code: '2026-S1', months: [1, 2, 3, 4, 5, 6] }],
    ['2026-S2', { code: '2026-S2', months: [7, 8, 9, 10, 11, 12] }],
    ['2026', { code: '2026', months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] }],
    ['2026-M00', 'plan.report.period_invalid'],
    ['2026-M13', 'plan.report.period_invalid'],
    ['2026-Q0', 'plan.report.period_invalid'],
    ['2026-Q5', 'plan.report.period_invalid'],
    ['2026-Q01', 'plan.report.period_invalid'],
    ['2026-S3', 'plan.report.period_invalid'],
    ['2026-T1', 'plan.report.period_invalid'],
    ['26-Q1', 'plan.report.period_invalid'],
    ['1999', 'plan.report.period_invalid'],
    ['2026-Q1; drop table', 'plan.report.period_invalid'],
    ['', 'plan.report.period_invalid'],
    [undefined, 'plan.report.period_invalid'],
    [2026, 'plan.report.period_invalid'],
  ];
  for (const [raw, want] of cases) {
    const r = parsePeriod(raw);
    if (typeof want === 'string') assert.deepEqual(r, { ok: false, error: want }, String(raw));
    else {
      assert.ok(r.ok, String(raw));
      assert.equal(r.value.code, want.code);
      assert.deepEqual(r.value.months, want.months);
      assert.equal(r.value.year, 2026);
    }
  }
});

test('default period: this quarter in the plan year, the last once the year is over, the first for a year to come', () => {
  const cases: [number, string, string][] = [
    [2026, '2026-01-01', '2026-Q1'],
    [2026, '2026-03-31', '2026-Q1'],
    [2026, '2026-04-01', '2026-Q2'],
    [2026, '2026-11-28', '2026-Q4'],
    [2025, '2026-11-28', '2025-Q4'],
    [2027, '2026-11-28', '2027-Q1'],
  ];
  for (const [year, today, want] of cases) assert.equal(defaultPeriod(year, new Date(`${today}T12:00:00Z`)).code, want, `${year} ${today}`);
});

test('every period of a year, each code parsing back to itself; labels through the catalogue', () => {
  const all = periodsOfYear(2026);
  assert.equal(all.length, 1 + 2 + 4 + 12);
  for (const p of all) assert.deepEqual(parsePeriod(p.code), { ok: true, value: p });
  const t = (key: string, params: Record<string, string | number> = {}) => `${key}${JSON.stringify(params)}`;
  assert.equal(periodLabel(t, periodOf('quarter', 2026, 4)), 'plan.report.period.quarter{"n":"IV","year":2026}');
  assert.equal(periodLabel(t, periodOf('semester', 2026, 1)), 'plan.report.period.semester{"n":"I","year":2026}');
  assert.match(periodLabel(t, periodOf('month', 2026, 10)), /^plan\.report\.period\.month\{"month":"plan\.month\.long\.10\{\}","year":2026\}$/);
});

const acts: ReportActivity[] = [
  { id: 'a', area: 4, seq: 1, title: 'Rapat pimpinan', months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], pic: 'Agus' },
  { id: 'b', area: 4, seq: 2, title: 'Laporan kinerja', months: [3, 6, 9, 12], pic: null },
  { id: 'c', area: 6, seq: 1, title: 'Survei kepuasan', months: [2, 8], pic: 'Maya' },
];
const rec = (id: string, activityId: string, month: number, status: string, realisation: number, more: Partial<ReportMonev> = {}): ReportMonev => ({
  id, activityId, month, status, realisation, notes: null, problems: null, followUp: null, followUpDone: false, ...more,
});
const monev: ReportMonev[] = [
  rec('r1', 'a', 7, 'done', 100),
  rec('r2', 'a', 8, 'partial', 40, { problems: 'Pimpinan dinas luar', followUp: 'Dijadwalkan ulang', followUpDone: false }),
  // September of 'a' not recorded
  rec('r3', 'b', 9, 'not_started', 0),
  rec('r4', 'c', 8, 'done', 100, { problems: 'Responden kurang', followUp: 'QR kuesioner', followUpDone: true }),
  rec('r5', 'b', 6, 'partial', 50, { followUp: 'Lengkapi data', followUpDone: false }),
  rec('r6', 'a', 1, 'done', 100),
];

test('summary of a quarter: counts by state, completion and mean realisation, per area; arrears since January', () => {
  const s = summariseMonev(periodOf('quarter', 2026, 3), acts, monev, new Map([['r1', 2], ['r4', 1]]), new Date('2026-11-28T00:00:00Z'));
  // Q3 slots: a7 a8 a9, b9, c8
  assert.deepEqual(s.slots.map((x) => `${x.activity.id}${x.month}:${x.state}`), ['a7:done', 'a8:partial', 'a9:none', 'b9:not_started', 'c8:done']);
  assert.equal(s.activities, 3);
  assert.deepEqual(
    { scheduled: s.overall.scheduled, done: s.overall.done, partial: s.overall.partial, notStarted: s.overall.notStarted, none: s.overall.none, pct: s.overall.pct, realisation: s.overall.realisation },
    { scheduled: 5, done: 2, partial: 1, notStarted: 1, none: 1, pct: 40, realisation: 48 },
  );
  const area4 = s.perArea.find((x) => x.area === 4)!;
  assert.deepEqual([area4.scheduled, area4.done, area4.pct, area4.realisation], [4, 1, 25, 35]);
  const area6 = s.perArea.find((x) => x.area === 6)!;
  assert.deepEqual([area6.scheduled, area6.done, area6.pct, area6.realisation], [1, 1, 100, 100]);
  assert.equal(s.perArea.find((x) => x.area === 1)!.scheduled, 0);
  assert.deepEqual(s.slots.map((x) => x.evidence), [2, 0, 0, 0, 1]);
  // overdue: every ended month Jan–Sep without 'done' (a2..a6, a8, a9; b3, b6, b9; c2)
  assert.deepEqual(s.overdue.map((x) => `${x.activity.id}${x.month}`), ['a2', 'a3', 'a4', 'a5', 'a6', 'a8', 'a9', 'b3', 'b6', 'b9', 'c2']);
  assert.ok(s.slots.find((x) => x.activity.id === 'a' && x.month === 8)!.overdue);
  // open follow-ups up to September: b6 and a8 (c8 is carried out)
  assert.deepEqual(s.openFollowUps.map((x) => x.record!.id), ['r2', 'r5']);
});

test('summary: months not yet ended are not overdue; a period without activities is empty', () => {
  const s = summariseMonev(periodOf('month', 2026, 11), acts, monev, new Map(), new Date('2026-11-28T00:00:00Z'));
  assert.deepEqual(s.slots.map((x) => [x.activity.id, x.overdue]), [['a', false]]);
  const none = summariseMonev(periodOf('month', 2026, 1), [], [], new Map(), new Date('2026-11-28T00:00:00Z'));
  assert.deepEqual([none.activities, none.overall.scheduled, none.overall.pct, none.overall.realisation, none.overdue.length], [0, 0, 0, 0, 0]);
  // a past year: every month has ended
  const past = summariseMonev(periodOf('year', 2025), acts, [], new Map(), new Date('2026-01-05T00:00:00Z'));
  assert.equal(past.overdue.length, 12 + 4 + 2);
});

test('report model: Indonesian texts, statuses with overdue marks, rows grouped per activity, signatures', () => {
  const id: Record<string, string> = {
    'plan.report.title': 'Laporan Monitoring dan Evaluasi', 'plan.report.period.quarter': 'Triwulan {n} Tahun {year}',
    'plan.report.state.done': 'Selesai', 'plan.report.state.partial': 'Sebagian', 'plan.report.state.none': 'Belum dicatat', 'plan.report.state.not_started': 'Belum dimulai',
    'plan.report.overdue_mark': 'terlambat', 'plan.report.sign.head': 'Kepala {unit}', 'plan.report.sign.ketua': 'Ketua Tim Kerja ZI', 'plan.report.sign.acknowledged': 'Mengetahui,',
    'plan.report.followup_done': 'sudah dilaksanakan', 'plan.report.followup_open': 'belum dilaksanakan',
    'plan.month.long.7': 'Juli', 'plan.month.long.8': 'Agustus', 'plan.month.long.9': 'September',
  };
  const t = (key: string, params: Record<string, string | number> = {}) => (id[key] ?? key).replace(/\{(\w+)\}/g, (_, k) => String(params[k]));
  const summary = summariseMonev(periodOf('quarter', 2026, 3), acts, monev, new Map([['r1', 2]]), new Date('2026-11-28T00:00:00Z'));
  const src = {
    kop: { government: 'PEMERINTAH KABUPATEN BANGKA', unit: 'DINAS CONTOH', address: 'Jalan A' }, regency: 'Kabupaten Bangka', unitName: 'Dinas Contoh', year: 2026,
    summary, areaNames: { 4: 'Penguatan Akuntabilitas Kinerja', 6: 'Peningkatan Kualitas Pelayanan Publik' }, place: 'Sungailiat', date: new Date('2026-11-28T03:00:00Z'),
    head: { name: 'Elius Gani', nip: '196804121993031001' }, ketua: { name: 'Hendra Saputra', nip: '197508182000031002' },
  };
  const m = buildMonevReportModel(src, t);
  assert.equal(m.title, 'LAPORAN MONITORING DAN EVALUASI');
  assert.equal(m.period, 'TRIWULAN III TAHUN 2026');
  assert.equal(m.unit, 'DINAS CONTOH KABUPATEN BANGKA');
  assert.equal(m.date, '28 November 2026');
  assert.deepEqual(m.areas.map((a) => a.title), ['4. Penguatan Akuntabilitas Kinerja', '6. Peningkatan Kualitas Pelayanan Publik']);
  const rapat = m.areas[0]!.groups[0]!;
  assert.deepEqual([rapat.no, rapat.title, rapat.pic], ['1.', 'Rapat pimpinan', 'Agus']);
  assert.deepEqual(rapat.months.map((x) => [x.month, x.status, x.realisation, x.evidence]), [
    ['Juli', 'Selesai', '100%', '2'], ['Agustus', 'Sebagian (terlambat)', '40%', '0'], ['September', 'Belum dicatat (terlambat)', '–', '0'],
  ]);
  assert.equal(rapat.months[1]!.followUp, 'Dijadwalkan ulang (belum dilaksanakan)');
  assert.equal(m.areaTotal.join(' '), '5 2 1 1 1 40% 48%');
  assert.deepEqual(m.signatures.left, { lead: 'Mengetahui,', position: 'Kepala Dinas Contoh', name: 'Elius Gani', nip: 'NIP. 19680412 199303 1 001' });
  assert.equal(m.signatures.right.position, 'Ketua Tim Kerja ZI');
  // without a Ketua the head signs alone; without either, dotted lines
  assert.equal(buildMonevReportModel({ ...src, ketua: null }, t).signatures.left, null);
  assert.equal(buildMonevReportModel({ ...src, ketua: null }, t).signatures.right.name, 'Elius Gani');
  assert.deepEqual(buildMonevReportModel({ ...src, ketua: null, head: null, place: null }, t).signatures.right.nip, 'NIP.');
});

test('periods of each kind: codes and months; labels of a month and a year', () => {
  const cases: [Parameters<typeof periodOf>, string, number[]][] = [
    [['month', 2026, 1], '2026-M01', [1]], [['month', 2026, 12], '2026-M12', [12]],
    [['quarter', 2026, 1], '2026-Q1', [1, 2, 3]], [['quarter', 2026, 2], '2026-Q2', [4, 5, 6]], [['quarter', 2026, 3], '2026-Q3', [7, 8, 9]], [['quarter', 2026, 4], '2026-Q4', [10, 11, 12]],
    [['semester', 2026, 1], '2026-S1', [1, 2, 3, 4, 5, 6]], [['semester', 2026, 2], '2026-S2', [7, 8, 9, 10, 11, 12]],
    [['year', 2027], '2027', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
  ];
  for (const [args, code, months] of cases) {
    const p = periodOf(...args);
    assert.deepEqual([p.code, p.months, p.year, p.kind], [code, months, args[1], args[0]], code);
  }
  const t = (key: string, params: Record<string, string | number> = {}) => `${key}${JSON.stringify(params)}`;
  assert.equal(periodLabel(t, periodOf('year', 2026)), 'plan.report.period.year{"year":2026}');
  assert.equal(periodLabel(t, periodOf('quarter', 2026, 1)), 'plan.report.period.quarter{"n":"I","year":2026}');
  assert.equal(periodLabel(t, periodOf('semester', 2026, 2)), 'plan.report.period.semester{"n":"II","year":2026}');
  // each quarter's first and last day
  const quarters: [string, string][] = [['2026-01-01', '2026-Q1'], ['2026-06-30', '2026-Q2'], ['2026-07-01', '2026-Q3'], ['2026-09-30', '2026-Q3'], ['2026-10-01', '2026-Q4'], ['2026-12-31', '2026-Q4']];
  for (const [day, want] of quarters) assert.equal(defaultPeriod(2026, new Date(`${day}T06:00:00Z`)).code, want, day);
});

test('tally: mean realisation over the scheduled months (no record = 0 %, done = 100 %), rounded half up', () => {
  const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const acts2: ReportActivity[] = [{ id: 'a', area: 2, seq: 1, title: 'A', months, pic: null }];
  const cases: [[string, number][], number, number][] = [
    // [status, realisation] per month from January; the year's realisation and completion
    [[['done', 0]], 8, 8], // done counts 100 whatever is stored: 100/12 = 8.33 → 8
    [[['partial', 50], ['partial', 40]], 8, 0], // 90/12 = 7.5 → 8
    [[['done', 100], ['done', 100], ['partial', 30]], 19, 17], // 230/12 = 19.17; 2/12 = 16.7 → 17
    [[['partial', 66]], 6, 0], // 66/12 = 5.5 → 6
    [[], 0, 0],
  ];
  for (const [recs, realisation, pct] of cases) {
    const m = recs.map(([status, r], i) => rec(`r${i}`, 'a', i + 1, status, r));
    const s = summariseMonev(periodOf('year', 2026), acts2, m, new Map(), new Date('2026-01-05T00:00:00Z'));
    assert.deepEqual([s.overall.realisation, s.overall.pct], [realisation, pct], JSON.stringify(recs));
    assert.deepEqual([s.perArea[1]!.realisation, s.perArea[1]!.pct], [realisation, pct]);
  }
  // one month: 2/3 of a quarter done → 67, the mean 66.67 → 67
  const q = summariseMonev(periodOf('quarter', 2026, 1), acts2, [rec('x', 'a', 1, 'done', 100), rec('y', 'a', 2, 'done', 100)], new Map(), new Date('2026-05-05T00:00:00Z'));
  assert.deepEqual([q.overall.pct, q.overall.realisation, q.overall.done, q.overall.none], [67, 67, 2, 1]);
  // an unknown stored status counts as not recorded
  const odd = summariseMonev(periodOf('month', 2026, 1), acts2, [rec('z', 'a', 1, 'weird', 30)], new Map(), new Date('2026-05-05T00:00:00Z'));
  assert.deepEqual([odd.slots[0]!.state, odd.overall.none, odd.overall.realisation], ['none', 1, 30]);
});

// ---- more tables: years of a period code, defaults, periods of a year, input order, the whole report --------

test('period codes: years 2015..2100 only, the year at the start of the code; semesters and quarters one digit', () => {
  const cases: [unknown, string | null][] = [
    ['2015', '2015'], ['2100', '2100'], ['2014', null], ['2101', null], ['2015-Q1', '2015-Q1'], ['2100-M12', '2100-M12'], ['2014-M12', null], ['2101-S1', null],
    ['12026', null], ['FY2026', null], ['x2026-Q1', null], ['2026-S01', null], ['2026-S0', null], ['2026-M1', '2026-M01'], ['2026-s2', '2026-S2'],
  ];
  for (const [raw, want] of cases) {
    const r = parsePeriod(raw);
    assert.deepEqual(r.ok ? r.value.code : null, want, String(raw));
    if (r.ok) assert.equal(r.value.year, Number(want!.slice(0, 4)), String(raw));
  }
});

test('default period of a past year is its last quarter and of a coming year its first, whatever the quarter today', () => {
  const cases: [number, string, string][] = [
    [2025, '2026-02-10', '2025-Q4'], [2025, '2026-05-10', '2025-Q4'], [2024, '2026-08-10', '2024-Q4'],
    [2027, '2026-08-01', '2027-Q1'], [2027, '2026-12-31', '2027-Q1'], [2026, '2026-08-01', '2026-Q3'], [2026, '2026-05-31', '2026-Q2'],
  ];
  for (const [year, today, want] of cases) assert.equal(defaultPeriod(year, new Date(`${today}T06:00:00Z`)).code, want, `${year} on ${today}`);
});

test('periods of a year for the selector: the year, semesters, quarters, months, in that order and of those kinds', () => {
  const all = periodsOfYear(2027);
  assert.deepEqual(all.map((p) => p.code), [
    '2027', '2027-S1', '2027-S2', '2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4',
    '2027-M01', '2027-M02', '2027-M03', '2027-M04', '2027-M05', '2027-M06', '2027-M07', '2027-M08', '2027-M09', '2027-M10', '2027-M11', '2027-M12',
  ]);
  assert.deepEqual(all.map((p) => `${p.kind}:${p.n}:${p.months.length}`), [
    'year:0:12', 'semester:1:6', 'semester:2:6', 'quarter:1:3', 'quarter:2:3', 'quarter:3:3', 'quarter:4:3',
    ...Array.from({ length: 12 }, (_, i) => `month:${i + 1}:1`),
  ]);
});

test('monev records are evidence subjects of the stored type workplan_monev (rows in evidence_links carry it)', () => {
  assert.equal(MONEV_SUBJECT, 'workplan_monev');
});

/** Every order of a list (for small lists). */
const permutations = <T>(xs: T[]): T[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p])));

test('summary: the same whatever the order of the activities and of their months (area, then sequence, then month)', () => {
  const shuffled = acts.map((a) => ({ ...a, months: [...a.months].reverse() }));
  for (const order of permutations(shuffled)) {
    const s = summariseMonev(periodOf('quarter', 2026, 3), order, monev, new Map(), new Date('2026-11-28T00:00:00Z'));
    const ids = order.map((a) => a.id).join('');
    assert.deepEqual(s.slots.map((x) => `${x.activity.id}${x.month}`), ['a7', 'a8', 'a9', 'b9', 'c8'], ids);
    assert.deepEqual(s.overdue.map((x) => `${x.activity.id}${x.month}`), ['a2', 'a3', 'a4', 'a5', 'a6', 'a8', 'a9', 'b3', 'b6', 'b9', 'c2'], ids);
    assert.deepEqual(s.openFollowUps.map((x) => x.record!.id), ['r2', 'r5'], ids);
    assert.deepEqual([s.activities, s.overall.scheduled, s.overall.done, s.overall.pct, s.overall.realisation], [3, 5, 2, 40, 48], ids);
  }
  // two activities of one area, numbered against their order of entry
  const two: ReportActivity[] = [
    { id: 'y', area: 2, seq: 2, title: 'Y', months: [2, 1], pic: null },
    { id: 'x', area: 2, seq: 1, title: 'X', months: [1], pic: null },
    { id: 'w', area: 1, seq: 3, title: 'W', months: [1], pic: null },
  ];
  const q = summariseMonev(periodOf('quarter', 2026, 1), two, [], new Map(), new Date('2026-02-15T00:00:00Z'));
  assert.deepEqual(q.slots.map((x) => `${x.activity.id}${x.month}`), ['w1', 'x1', 'y1', 'y2']);
  assert.deepEqual(q.overdue.map((x) => `${x.activity.id}${x.month}`), ['w1', 'x1', 'y1']);
});

test('summary: months after the period are neither in it nor in its arrears nor in its open follow-ups', () => {
  const later = [...monev, rec('r7', 'a', 11, 'partial', 10, { followUp: 'Setelah periode', followUpDone: false }), rec('r8', 'b', 12, 'not_started', 0, { followUp: 'Desember', followUpDone: false })];
  const today = new Date('2027-01-10T00:00:00Z'); // the year is over: every month has ended
  const cases: [string, string[], string[]][] = [
    // period, overdue (from January to the end of the period), open follow-ups
    ['2026-M02', ['a2', 'c2'], []],
    ['2026-Q2', ['a2', 'a3', 'a4', 'a5', 'a6', 'b3', 'b6', 'c2'], ['r5']],
    ['2026-Q3', ['a2', 'a3', 'a4', 'a5', 'a6', 'a8', 'a9', 'b3', 'b6', 'b9', 'c2'], ['r2', 'r5']],
    ['2026-M11', ['a2', 'a3', 'a4', 'a5', 'a6', 'a8', 'a9', 'a10', 'a11', 'b3', 'b6', 'b9', 'c2'], ['r2', 'r7', 'r5']],
  ];
  for (const [code, overdue, open] of cases) {
    const p = parsePeriod(code);
    assert.ok(p.ok);
    const s = summariseMonev(p.value, acts, later, new Map(), today);
    assert.deepEqual(s.overdue.map((x) => `${x.activity.id}${x.month}`), overdue, code);
    assert.deepEqual(s.openFollowUps.map((x) => x.record!.id), open, code);
    assert.ok(s.slots.every((x) => p.value.months.includes(x.month)), code);
  }
});

// the report through the Indonesian catalogue itself
const id = new I18n().register('plan', planMessages).translator('id');

const reportActs: ReportActivity[] = [
  { id: 'c', area: 6, seq: 1, title: 'Survei kepuasan', months: [8, 2], pic: 'Maya' },
  { id: 'd', area: 3, seq: 1, title: 'Sosialisasi', months: [9], pic: null },
  { id: 'b', area: 4, seq: 2, title: 'Laporan kinerja', months: [12, 9, 6, 3], pic: null },
  { id: 'a', area: 4, seq: 1, title: 'Rapat pimpinan', months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], pic: 'Agus' },
];
const reportMonev: ReportMonev[] = [
  rec('r1', 'a', 7, 'done', 80), // done prints 100 % whatever was stored
  rec('r2', 'a', 8, 'partial', 40, { problems: 'Pimpinan dinas luar', followUp: 'Dijadwalkan ulang', followUpDone: false }),
  rec('r3', 'b', 9, 'not_started', 0),
  rec('r4', 'c', 8, 'done', 100, { problems: 'Responden kurang', followUp: 'QR kuesioner', followUpDone: true }),
  rec('r5', 'b', 6, 'partial', 50, { followUp: 'Lengkapi data', followUpDone: false }),
  rec('r6', 'a', 1, 'done', 100),
  rec('r7', 'a', 11, 'partial', 10, { problems: 'Anggaran', followUp: 'Setelah periode', followUpDone: false }),
];
const reportSource = (period: string, over: Partial<MonevReportSource> = {}): MonevReportSource => {
  const p = parsePeriod(period);
  assert.ok(p.ok);
  return {
    kop: { government: 'PEMERINTAH KABUPATEN BANGKA', unit: 'DINAS CONTOH', address: 'Jalan A' }, regency: 'Kabupaten Bangka', unitName: 'Dinas Contoh', year: 2026,
    summary: summariseMonev(p.value, reportActs, reportMonev, new Map([['r1', 2], ['r4', 1]]), new Date('2026-11-28T00:00:00Z')),
    areaNames: { 4: 'Penguatan Akuntabilitas Kinerja', 6: 'Peningkatan Kualitas Pelayanan Publik' }, place: '  Sungailiat ', date: new Date('2026-08-16T20:00:00Z'), timeZone: 'Asia/Jakarta',
    head: { name: 'Elius Gani', nip: '196804121993031001' }, ketua: { name: 'Hendra Saputra', nip: '197508182000031002' },
    ...over,
  };
};

test('report model of a quarter in Indonesian: summary, table per area, activities per area, arrears, open follow-ups', () => {
  const m = buildMonevReportModel(reportSource('2026-Q3'), id);
  assert.deepEqual(m.kop, { government: 'PEMERINTAH KABUPATEN BANGKA', unit: 'DINAS CONTOH', address: 'Jalan A' });
  assert.equal(m.title, 'LAPORAN MONITORING DAN EVALUASI PELAKSANAAN RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS');
  assert.equal(m.period, 'TRIWULAN III TAHUN 2026');
  assert.match(m.intro, /^Laporan ini menyajikan hasil monitoring dan evaluasi pelaksanaan Rencana Kerja Pembangunan Zona Integritas Dinas Contoh Kabupaten Bangka Tahun 2026 untuk periode Triwulan III Tahun 2026: /);
  // Q3 (July–September, today 28 November): d9 none, a7 done, a8 partial, a9 none, b9 not started, c8 done
  assert.deepEqual(m.summary, [
    ['Periode', 'Triwulan III Tahun 2026 (Juli – September)'],
    ['Kegiatan yang dijadwalkan', '4'],
    ['Jadwal kegiatan-bulan', '6'],
    ['Selesai', '2'],
    ['Sebagian terlaksana', '1'],
    ['Belum dimulai', '1'],
    ['Belum dicatat', '2'],
    ['Capaian (jadwal selesai)', '33%'], // 2 of 6
    ['Rata-rata realisasi', '40%'], // (100 + 40 + 0 + 0 + 0 + 100) / 6
    ['Jadwal terlambat (sejak Januari)', '12'], // d9; a2–a6, a8, a9; b3, b6, b9; c2
    ['Tindak lanjut belum selesai', '2'], // a8, b6 (c8 carried out, a11 after the period)
  ]);
  // areas without a scheduled month are left out of the table; an area without a name keeps its number
  assert.deepEqual(m.areaTable, [
    { area: '3. ', cells: ['1', '0', '0', '0', '1', '0%', '0%'] },
    { area: '4. Penguatan Akuntabilitas Kinerja', cells: ['4', '1', '1', '1', '1', '25%', '35%'] },
    { area: '6. Peningkatan Kualitas Pelayanan Publik', cells: ['1', '1', '0', '0', '0', '100%', '100%'] },
  ]);
  assert.deepEqual(m.areaTotal, ['6', '2', '1', '1', '2', '33%', '40%']);
  const row = (month: string, status: string, tone: string, realisation: string, problems = '', followUp = '', evidence = '0') => ({ month, status, tone, realisation, problems, followUp, evidence });
  assert.deepEqual(m.areas, [
    { title: '3. ', groups: [{ no: '1.', title: 'Sosialisasi', pic: '', months: [row('September', 'Belum dicatat (terlambat)', 'bad', '–')] }] },
    { title: '4. Penguatan Akuntabilitas Kinerja', groups: [
      { no: '1.', title: 'Rapat pimpinan', pic: 'Agus', months: [
        row('Juli', 'Selesai', 'done', '100%', '', '', '2'),
        row('Agustus', 'Sebagian (terlambat)', 'bad', '40%', 'Pimpinan dinas luar', 'Dijadwalkan ulang (belum dilaksanakan)'),
        row('September', 'Belum dicatat (terlambat)', 'bad', '–'),
      ] },
      { no: '2.', title: 'Laporan kinerja', pic: '', months: [row('September', 'Belum dimulai (terlambat)', 'bad', '0%')] },
    ] },
    { title: '6. Peningkatan Kualitas Pelayanan Publik', groups: [
      { no: '1.', title: 'Survei kepuasan', pic: 'Maya', months: [row('Agustus', 'Selesai', 'done', '100%', 'Responden kurang', 'QR kuesioner (sudah dilaksanakan)', '1')] },
    ] },
  ]);
  // arrears numbered from 1, the state without the overdue mark
  const overdue: [string, string, string, string, string][] = [
    ['3', 'Sosialisasi', 'September', 'Belum dicatat', ''],
    ['4', 'Rapat pimpinan', 'Februari', 'Belum dicatat', 'Agus'], ['4', 'Rapat pimpinan', 'Maret', 'Belum dicatat', 'Agus'], ['4', 'Rapat pimpinan', 'April', 'Belum dicatat', 'Agus'],
    ['4', 'Rapat pimpinan', 'Mei', 'Belum dicatat', 'Agus'], ['4', 'Rapat pimpinan', 'Juni', 'Belum dicatat', 'Agus'], ['4', 'Rapat pimpinan', 'Agustus', 'Sebagian', 'Agus'],
    ['4', 'Rapat pimpinan', 'September', 'Belum dicatat', 'Agus'],
    ['4', 'Laporan kinerja', 'Maret', 'Belum dicatat', ''], ['4', 'Laporan kinerja', 'Juni', 'Sebagian', ''], ['4', 'Laporan kinerja', 'September', 'Belum dimulai', ''],
    ['6', 'Survei kepuasan', 'Februari', 'Belum dicatat', 'Maya'],
  ];
  assert.deepEqual(m.overdue, overdue.map(([area, title, month, status, pic], i) => ({ no: `${i + 1}.`, area, title, month, status, pic })));
  assert.deepEqual(m.followUps, [
    { no: '1.', title: 'Rapat pimpinan', month: 'Agustus', problems: 'Pimpinan dinas luar', followUp: 'Dijadwalkan ulang' },
    { no: '2.', title: 'Laporan kinerja', month: 'Juni', problems: '', followUp: 'Lengkapi data' },
  ]);
  assert.match(m.closing, /^Demikian laporan monitoring dan evaluasi ini disusun /);
  // the place trimmed; the date in the zone given (16 August 20:00 UTC is 17 August in WIB), in Indonesian
  assert.equal(m.place, 'Sungailiat');
  assert.equal(m.date, '17 Agustus 2026');
  assert.equal(buildMonevReportModel(reportSource('2026-Q3', { timeZone: 'UTC' }), id).date, '16 Agustus 2026');
});

test('report model of a month: the period without a month range; a month not yet ended keeps its own tone', () => {
  const m = buildMonevReportModel(reportSource('2026-M11'), id);
  assert.equal(m.period, 'BULAN NOVEMBER 2026');
  assert.deepEqual(m.summary[0], ['Periode', 'Bulan November 2026']);
  assert.deepEqual(m.areas.map((a) => [a.title, a.groups.map((g) => [g.no, g.title, g.months])]), [
    ['4. Penguatan Akuntabilitas Kinerja', [['1.', 'Rapat pimpinan', [
      { month: 'November', status: 'Sebagian', tone: 'partial', realisation: '10%', problems: 'Anggaran', followUp: 'Setelah periode (belum dilaksanakan)', evidence: '0' },
    ]]]],
  ]);
  assert.deepEqual(m.followUps.map((f) => [f.no, f.month, f.problems, f.followUp]), [['1.', 'Agustus', 'Pimpinan dinas luar', 'Dijadwalkan ulang'], ['2.', 'November', 'Anggaran', 'Setelah periode'], ['3.', 'Juni', '', 'Lengkapi data']]);
  // a semester and a year show their first and last month
  assert.deepEqual(buildMonevReportModel(reportSource('2026-S1'), id).summary[0], ['Periode', 'Semester I Tahun 2026 (Januari – Juni)']);
  assert.deepEqual(buildMonevReportModel(reportSource('2026'), id).summary[0], ['Periode', 'Tahun 2026 (Januari – Desember)']);
});

test('report model: every label the Typst template reads, as the Indonesian catalogue has it', () => {
  const typ = readFileSync(new URL('./monev.typ', import.meta.url), 'utf8');
  const used = [...new Set([...typ.matchAll(/\bl\.([a-z_0-9]+)/g)].map((x) => x[1]!))].sort();
  assert.ok(used.length >= 30, used.join(' '));
  const m = buildMonevReportModel(reportSource('2026-Q3'), id);
  assert.deepEqual(Object.keys(m.labels).sort(), used);
  const catalogue = planMessages.id;
  for (const k of used) assert.equal(m.labels[k], catalogue[`plan.report.${k}`], k);
  assert.deepEqual([m.labels.s1, m.labels.col_no, m.labels.total, m.labels.page, m.labels.of], ['Ringkasan', 'No', 'Jumlah', 'Halaman', 'dari']);
});

test('report model signatures: the Ketua signs with the head acknowledging; either alone signs on the right; dots for no one', () => {
  const head = { position: 'Kepala Dinas Contoh', name: 'Elius Gani', nip: 'NIP. 19680412 199303 1 001' };
  const ketua = { position: 'Ketua Tim Kerja Pembangunan Zona Integritas', name: 'Hendra Saputra', nip: 'NIP. 19750818 200003 1 002' };
  const cases: [Partial<MonevReportSource>, unknown][] = [
    [{}, { left: { lead: 'Mengetahui,', ...head }, right: { lead: '', ...ketua } }],
    [{ head: null }, { left: null, right: { lead: '', ...ketua } }],
    [{ ketua: null }, { left: null, right: { lead: '', ...head } }],
    [{ ketua: null, head: null }, { left: null, right: { lead: '', position: 'Kepala Dinas Contoh', name: '…………', nip: 'NIP.' } }],
  ];
  for (const [over, want] of cases) assert.deepEqual(buildMonevReportModel(reportSource('2026-Q3', over), id).signatures, want, JSON.stringify(over));
  // a place not given or blank: dots to fill in by hand
  for (const place of [null, '', '   ']) assert.equal(buildMonevReportModel(reportSource('2026-Q3', { place }), id).place, '…………', String(place));
});
