// Table-driven tests of the Rencana Kerja's pure rules: input checks, list labels, the letterhead,
// the legal basis (Mengingat) by date, indicators as lists, the decree model, monev input, months
// begun, matrix states and plan progress with its rounding.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  MATRIX_LEGEND, TEAM_DECREE, buildDecreeModel, diktumLabel, kopOf, letter, markState, monthBegun, parseCodes, parseLines, planProgress,
  resolveLegalBasis, splitIndicator, teamDecreeInForce, teamDecreeLine, validateArea, validateMonev, validateMonths, validateTitle, validateYear,
  type DecreeSource, type LegalBasisData,
} from './plan.rules.ts';

const legal = JSON.parse(readFileSync(new URL('./legal-basis.json', import.meta.url), 'utf8')) as LegalBasisData;
const template = JSON.parse(readFileSync(new URL('./templates/rencana-kerja-zi-dpmptsp-bangka-2022.json', import.meta.url), 'utf8')) as {
  legalBasis: string[]; content: { mengingat: string[] }; activities: { area: number; added?: boolean }[]; areas: { area: number; indicators: string[] }[];
};

test('months: integers 1..12, unique, not empty; returned sorted', () => {
  const cases: [unknown[], string | number[]][] = [
    [[3, 1, 12], [1, 3, 12]], [['6'], [6]], [[' 7 '], [7]], [[1], [1]], [[12], [12]], [['01'], [1]],
    [[], 'plan.months.empty'], [[0], 'plan.months.invalid'], [[13], 'plan.months.invalid'], [['100'], 'plan.months.invalid'],
    [['x'], 'plan.months.invalid'], [[1.5], 'plan.months.invalid'], [[-1], 'plan.months.invalid'], [[null], 'plan.months.invalid'],
    [[2, '2'], 'plan.months.duplicate'], [[5, 6, 5], 'plan.months.duplicate'],
  ];
  for (const [input, want] of cases) {
    const r = validateMonths(input);
    if (typeof want === 'string') assert.deepEqual(r, { ok: false, error: want }, JSON.stringify(input));
    else assert.deepEqual(r, { ok: true, value: want }, JSON.stringify(input));
  }
});

test('areas 1..6; titles 3..300 characters with spaces collapsed; years 2015..2100', () => {
  const areas: [unknown, number | null][] = [['1', 1], [' 6 ', 6], [3, 3], ['0', null], ['7', null], ['x', null], ['', null], [1.5, null], ['11', null], [null, null]];
  for (const [raw, want] of areas) assert.deepEqual(validateArea(raw), want === null ? { ok: false, error: 'plan.area.invalid' } : { ok: true, value: want }, String(raw));
  const titles: [unknown, string][] = [
    ['ab', 'plan.title.short'], ['  a   ', 'plan.title.short'], [undefined, 'plan.title.short'], [42, 'plan.title.short'],
    ['x'.repeat(301), 'plan.title.long'],
  ];
  for (const [raw, error] of titles) assert.deepEqual(validateTitle(raw), { ok: false, error }, String(raw).slice(0, 20));
  assert.deepEqual(validateTitle('abc'), { ok: true, value: 'abc' });
  assert.deepEqual(validateTitle('  a  b '), { ok: true, value: 'a b' });
  assert.deepEqual(validateTitle('x'.repeat(300)), { ok: true, value: 'x'.repeat(300) });
  assert.deepEqual(validateTitle('  Rapat   evaluasi\n bulanan '), { ok: true, value: 'Rapat evaluasi bulanan' });
  assert.deepEqual(validateTitle('abcdef', 5), { ok: false, error: 'plan.title.long' });
  const years: [unknown, number | null][] = [['2015', 2015], ['2100', 2100], [2026, 2026], [' 2027 ', 2027], ['2014', null], ['2101', null], ['26', null], ['20266', null], ['x', null], [null, null]];
  for (const [raw, want] of years) assert.deepEqual(validateYear(raw), want === null ? { ok: false, error: 'plan.year.invalid' } : { ok: true, value: want }, String(raw));
});

test('lines: one entry per line, blanks dropped, each at most 2000 characters; LKE codes unique in order', () => {
  assert.deepEqual(parseLines(' a \r\n\n b\n'), { ok: true, value: ['a', 'b'] });
  assert.deepEqual(parseLines(undefined), { ok: true, value: [] });
  assert.deepEqual(parseLines('x'.repeat(2000)), { ok: true, value: ['x'.repeat(2000)] });
  assert.deepEqual(parseLines(`ok\n${'x'.repeat(2001)}`), { ok: false, error: 'plan.text.long' });
  assert.deepEqual(parseCodes('A.I.1.ii.c, A.I.1.iv.a;A.I.1.ii.c\nA.II.1.iii.a  '), ['A.I.1.ii.c', 'A.I.1.iv.a', 'A.II.1.iii.a']);
  assert.deepEqual(parseCodes(null), []);
});

test('list labels: letters a.–z. (then again), diktum KESATU… then KE-n', () => {
  assert.deepEqual([0, 1, 25, 26].map(letter), ['a.', 'b.', 'z.', 'a.']);
  assert.deepEqual([0, 1, 9, 10, 11].map(diktumLabel), ['KESATU', 'KEDUA', 'KESEPULUH', 'KE-11', 'KE-12']);
});

test('letterhead: the address line (address, telephone, fax) and the contact line (e-mail, website, SMS), as the unit has them', () => {
  const cases: [Parameters<typeof kopOf>[1], string, string][] = [
    [{ name: 'Dinas A', address: 'Jalan Pemuda', phone: '(0717) 96107', email: 'a@b.id', fax: '(0717) 96092', website: 'http://www.bangka.go.id/', sms: '0812 7878 1145' },
      'Jalan Pemuda · Telp. (0717) 96107 · Faks. (0717) 96092', 'E-Mail: a@b.id · Website: www.bangka.go.id · SMS: 0812 7878 1145'],
    [{ name: 'Dinas A', address: 'Jalan Pemuda', phone: null, email: null }, 'Jalan Pemuda', ''],
    [{ name: 'Dinas A', address: null, phone: null, email: null, fax: '1234567', website: 'https://x.go.id', sms: null }, 'Faks. 1234567', 'Website: x.go.id'],
  ];
  for (const [unit, address, contacts] of cases) {
    const k = kopOf('Kabupaten Bangka', unit);
    assert.deepEqual(k, { government: 'PEMERINTAH KABUPATEN BANGKA', unit: 'DINAS A', address, contacts, logo: null });
  }
  assert.equal(kopOf('Kota X', { name: 'a', address: null, phone: null, email: null }, '/logo.png').logo, '/logo.png');
});

test('legal basis: the template cites what is in force on the decree date; revoked rules by what replaced them', () => {
  const ids = (day: string) => resolveLegalBasis(legal, template.legalBasis, day).map((r) => (r === TEAM_DECREE ? r : r.id));
  const local = ['perda-bangka-9-2016', 'perbup-bangka-57-2016', TEAM_DECREE];
  const base = ['uu-28-1999', 'uu-31-1999', 'pp-6-1974', 'keppres-10-1974'];
  const cases: [string, string][] = [
    ['2021-12-30', 'permenpanrb-10-2019'], // the last day of 52/2014 as amended by 10/2019
    ['2021-12-31', 'permenpanrb-90-2021'], // 90/2021 in force on promulgation (Pasal 7), 10/2019 revoked (Pasal 6)
    ['2022-02-03', 'permenpanrb-90-2021'],
    ['2024-07-14', 'permenpanrb-90-2021'],
    ['2024-07-15', 'permenpanrb-90-2021-5-2024'], // amended by 5/2024
    ['2026-12-07', 'permenpanrb-90-2021-5-2024'],
    ['2027-03-15', 'permenpanrb-90-2021-5-2024'],
  ];
  for (const [day, zi] of cases) assert.deepEqual(ids(day), [...base, zi, ...local], day);
  // both revoked rules lead to one 90/2021, cited once; a rule not yet in force is left out
  assert.deepEqual(resolveLegalBasis(legal, ['permenpanrb-52-2014', 'permenpanrb-10-2019'], '2025-01-01').map((r) => (r as { id: string }).id), ['permenpanrb-90-2021-5-2024']);
  assert.deepEqual(resolveLegalBasis(legal, ['permenpanrb-90-2021-5-2024'], '2023-01-01'), []);
  assert.deepEqual(resolveLegalBasis(legal, [TEAM_DECREE, TEAM_DECREE], '2025-01-01'), [TEAM_DECREE]);
  assert.throws(() => resolveLegalBasis(legal, ['no-such-rule'], '2025-01-01'), /unknown rule no-such-rule/);
  const cyclic: LegalBasisData = { ...legal, rules: [{ id: 'a', text: 'a', from: null, until: '2000-01-01', replacedBy: ['b'], source: { tag: 'I', ref: '' } }, { id: 'b', text: 'b', from: null, until: '2000-01-01', replacedBy: ['a'], source: { tag: 'I', ref: '' } }] };
  assert.throws(() => resolveLegalBasis(cyclic, ['a'], '2025-01-01'), /cycle/);
  // every rule has a source, and every replacement exists
  for (const r of legal.rules) {
    assert.ok(['V', 'S', 'I', 'U'].includes(r.source.tag) && r.source.ref.length > 10, r.id);
    for (const n of r.replacedBy) assert.ok(legal.rules.some((x) => x.id === n), `${r.id} → ${n}`);
  }
  const now = resolveLegalBasis(legal, template.legalBasis, '2026-12-07').filter((r) => r !== TEAM_DECREE).map((r) => (r as { text: string }).text).join('\n');
  assert.match(now, /Nomor 90 Tahun 2021/);
  assert.match(now, /diubah dengan Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 5 Tahun 2024/);
  assert.doesNotMatch(now, /Nomor 52 Tahun 2014|Nomor 10 Tahun 2019/);
  // the historical text stays as written
  assert.match(template.content.mengingat.join('\n'), /Nomor 10 Tahun 2019/);
});

test('team decree: the latest dated on or before the day, of the plan year or earlier; the line with dots when none', () => {
  const teams = [
    { year: 2025, decreeNumber: '800/1/2025', decreeDate: '2025-01-06' },
    { year: 2026, decreeNumber: '800/2/2026', decreeDate: '2026-01-05' },
    { year: 2027, decreeNumber: '800/3/2027', decreeDate: '2026-12-20' },
    { year: 2024, decreeNumber: ' ', decreeDate: '2024-01-05' },
    { year: 2023, decreeNumber: '800/0/2023', decreeDate: null },
  ];
  const cases: [number, string, string | null][] = [
    [2026, '2026-12-07', '800/2/2026'], [2026, '2026-01-05', '800/2/2026'], [2026, '2026-01-04', '800/1/2025'],
    [2025, '2026-12-07', '800/1/2025'], [2027, '2026-12-31', '800/3/2027'], [2027, '2026-12-19', '800/2/2026'], [2024, '2026-12-07', null], [2026, '2024-06-01', null],
  ];
  for (const [year, day, want] of cases) assert.equal(teamDecreeInForce(teams, year, day)?.decreeNumber ?? null, want, `${year} ${day}`);
  // two decrees on one day: the later year's
  assert.equal(teamDecreeInForce([{ year: 2025, decreeNumber: 'a', decreeDate: '2026-01-02' }, { year: 2026, decreeNumber: 'b', decreeDate: '2026-01-02' }], 2026, '2026-02-01')!.decreeNumber, 'b');
  const line = teamDecreeLine(legal.teamDecree.text, { unit: 'Dinas A', regency: 'Kabupaten Bangka', decree: { number: '800/2/2026', date: '2026-01-05' } });
  assert.match(line, /^Keputusan Kepala Dinas A Kabupaten Bangka Nomor 800\/2\/2026 tanggal 5 Januari 2026 tentang Pembentukan Tim Kerja/);
  assert.match(line, /di Lingkungan Dinas A Kabupaten Bangka\.$/);
  assert.match(teamDecreeLine(legal.teamDecree.text, { unit: 'Dinas A', regency: 'Kabupaten Bangka', decree: null }), /Nomor ………… tanggal …………/);
  assert.equal(teamDecreeLine('{unit} {unknown}', { unit: 'U', regency: 'R', decree: null }), 'U {unknown}');
});

test('indicators: "heading: a. …; b. …" becomes a heading with its lettered points; anything else stays one text', () => {
  const cases: [string, { text: string; items: string[] }][] = [
    ['Penyusunan tim kerja: a. Membentuk tim kerja; b. Penentuan anggota dipilih melalui mekanisme yang jelas.',
      { text: 'Penyusunan tim kerja:', items: ['Membentuk tim kerja;', 'Penentuan anggota dipilih melalui mekanisme yang jelas.'] }],
    ['E-Office: a. Satu; b. Dua; c. Tiga', { text: 'E-Office:', items: ['Satu;', 'Dua;', 'Tiga'] }],
    ['Penegakan aturan disiplin: Aturan disiplin telah diimplementasikan.', { text: 'Penegakan aturan disiplin: Aturan disiplin telah diimplementasikan.', items: [] }],
    ['Laporan kinerja disusun tepat waktu;', { text: 'Laporan kinerja disusun tepat waktu;', items: [] }],
    // one point only, or points out of order, are not a list
    ['Judul: a. Satu saja.', { text: 'Judul: a. Satu saja.', items: [] }],
    ['Judul: a. Satu; c. Tiga', { text: 'Judul: a. Satu; c. Tiga', items: [] }],
    ['  Judul:  a.  Satu;  b.  Dua  ', { text: 'Judul:', items: ['Satu;', 'Dua'] }],
  ];
  for (const [raw, want] of cases) assert.deepEqual(splitIndicator(raw), want, raw);
  // every indicator of the template with points becomes a list with the right number of points
  const a1 = template.areas.find((a) => a.area === 1)!.indicators.map(splitIndicator);
  assert.deepEqual(a1.map((i) => i.items.length), [2, 3, 3, 4]);
  const a5 = template.areas.find((a) => a.area === 5)!.indicators.map(splitIndicator);
  assert.deepEqual(a5.map((i) => i.items.length), [2, 4, 3, 3, 4]);
});

const source = (over: Partial<DecreeSource> = {}): DecreeSource => ({
  regency: 'Kabupaten Bangka', unit: { name: 'Dinas Contoh', address: 'Jalan A', phone: null, email: null, fax: '(0717) 1', website: null, sms: '0812' }, year: 2022, title: 'Rencana Kerja',
  number: '188.4/1', date: '2022-02-03', place: 'Sungailiat', signer: { name: 'Elius Gani', nip: '197101151995031001', position: 'Kepala' },
  content: { menimbang: ['a', 'b'], diktum: ['x', 'y'], mengingat: ['Lama 52/2014'], bab: [{ title: 'PENDAHULUAN', sections: [{ heading: 'Area', paragraphs: ['p'], areas: true }] }] },
  areas: [{ area: 6, purpose: 'Tujuan', targets: ['t'], indicators: ['E-Office: a. Satu; b. Dua'] }, { area: 2, purpose: null, targets: [], indicators: ['Tunggal'] }],
  areaNames: { 2: 'Penataan Tatalaksana', 4: 'Penguatan Akuntabilitas Kinerja', 6: 'Peningkatan Kualitas Pelayanan Publik' },
  activities: [
    { area: 6, seq: 1, title: 'Survei', months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], pic: 'Maya', outputs: null },
    { area: 4, seq: 2, title: 'Laporan', months: [12], pic: null, outputs: null },
    { area: 4, seq: 1, title: 'Pengelolaan', months: [3, 6, 9, 12], pic: null, outputs: null, added: true },
  ],
  ...over,
});

test('decree model: Indonesian date, spaced NIP, areas keep their numbers, month marks, legend, letterhead', () => {
  const m = buildDecreeModel(source());
  assert.equal(m.date, '3 Februari 2022');
  assert.equal(m.signer.nip, 'NIP. 19710115 199503 1 001');
  assert.equal(m.signer.name, 'ELIUS GANI');
  assert.equal(m.signer.position, 'KEPALA DINAS CONTOH KABUPATEN BANGKA');
  assert.equal(m.heading, 'KEPALA DINAS CONTOH KABUPATEN BANGKA'.replace(/^/, 'KEPUTUSAN '));
  assert.equal(m.about, 'RENCANA KERJA DI LINGKUNGAN DINAS CONTOH KABUPATEN BANGKA TAHUN 2022');
  assert.equal(m.menetapkan, `KEPUTUSAN KEPALA DINAS CONTOH KABUPATEN BANGKA TENTANG ${m.about}.`);
  assert.deepEqual(m.menimbang.map((x) => x.label), ['a.', 'b.']);
  assert.deepEqual(m.diktum.map((x) => x.label), ['KESATU', 'KEDUA']);
  // without ids the Mengingat is the text as written, with no sources
  assert.deepEqual(m.mengingat, [{ label: '1.', text: 'Lama 52/2014' }]);
  assert.deepEqual(m.mengingatSources, []);
  // areas 4 and 6 keep 4. and 6. (not 1. and 2.), rows by seq
  assert.deepEqual(m.matrix.map((g) => [g.no, g.area]), [['4.', 'PENGUATAN AKUNTABILITAS KINERJA'], ['6.', 'PENINGKATAN KUALITAS PELAYANAN PUBLIK']]);
  assert.deepEqual(m.matrix[0]!.rows.map((r) => [r.no, r.title, r.added]), [['1)', 'Pengelolaan *', true], ['2)', 'Laporan', false]]);
  assert.deepEqual(m.matrix[0]!.rows[0]!.marks, ['', '', 'X', '', '', 'X', '', '', 'X', '', '', 'X']);
  assert.equal(m.matrix[1]!.rows[0]!.marks.filter((x) => x === 'X').length, 12);
  assert.equal(m.matrix[1]!.rows[0]!.pic, 'Maya');
  assert.deepEqual(m.legend, [MATRIX_LEGEND.month, MATRIX_LEGEND.added]);
  assert.deepEqual(buildDecreeModel(source({ activities: [{ area: 1, seq: 1, title: 'A', months: [1], pic: null, outputs: null }] })).legend, [MATRIX_LEGEND.month]);
  // the lampiran's areas: numbers 1–6 like every page, indicators as lists
  const areas = m.lampiran.bab[0]!.sections[0]!.areas!;
  assert.deepEqual(areas.map((a) => [a.label, a.name, a.purpose]), [['2.', 'Penataan Tatalaksana', ''], ['6.', 'Peningkatan Kualitas Pelayanan Publik', 'Tujuan']]);
  assert.deepEqual(areas[1]!.indicators, [{ text: 'E-Office:', items: ['Satu;', 'Dua'] }]);
  assert.deepEqual(areas[0]!.indicators, [{ text: 'Tunggal', items: [] }]);
  assert.equal(m.lampiran.bab[0]!.label, 'BAB I');
  assert.equal(m.kop.address, 'Jalan A · Faks. (0717) 1');
  assert.equal(m.kop.contacts, 'SMS: 0812');
  assert.equal(m.kop.logo, null);
});

test('decree model: ids resolve for the decree date, or for today while undated; the team decree line; dots for what is missing', () => {
  const content = { legalBasis: ['permenpanrb-10-2019', TEAM_DECREE], mengingat: ['ignored'] };
  const dated = buildDecreeModel(source({ content, legal, date: '2022-02-03', teamDecree: { number: '800/9', date: '2022-01-10' } }));
  assert.deepEqual(dated.mengingat.map((x) => x.label), ['1.', '2.']);
  assert.match(dated.mengingat[0]!.text, /^Peraturan Menteri .* Nomor 90 Tahun 2021 .*Nomor 1571\);$/);
  assert.match(dated.mengingat[1]!.text, /Nomor 800\/9 tanggal 10 Januari 2022/);
  assert.deepEqual(dated.mengingatSources.map((s) => [s.id, s.tag]), [['permenpanrb-90-2021', 'V'], [TEAM_DECREE, 'I']]);
  const undated = buildDecreeModel(source({ content, legal, date: null, today: '2026-12-07', teamDecree: null }));
  assert.match(undated.mengingat[0]!.text, /Nomor 5 Tahun 2024/);
  assert.match(undated.mengingat[1]!.text, /Nomor ………… tanggal …………/);
  assert.equal(undated.date, '…………');
  const blank = buildDecreeModel(source({ number: ' ', place: null, signer: null, content: {} }));
  assert.deepEqual([blank.number, blank.place, blank.signer.name, blank.signer.nip], ['…………', '…………', '…………', 'NIP.']);
  assert.deepEqual([blank.mengingat, blank.menimbang, blank.diktum, blank.lampiran.bab], [[], [], [], []]);
  const logo = { path: '/logo.png', bytes: new Uint8Array([1]) };
  const withLogo = buildDecreeModel(source({ logo: '/logo.png', logoImage: logo }));
  assert.equal(withLogo.kop.logo, '/logo.png');
  assert.equal(withLogo.logoImage, logo);
});

test('monev input: a known status, realisation 0..100 (done = 100, blank = 0 or 100), texts within limits', () => {
  const ok: [Record<string, unknown>, { status: string; realisation: number; followUpDone: boolean }][] = [
    [{ status: 'done', realisation: '40' }, { status: 'done', realisation: 100, followUpDone: false }],
    [{ status: 'done' }, { status: 'done', realisation: 100, followUpDone: false }],
    [{ status: 'partial' }, { status: 'partial', realisation: 0, followUpDone: false }],
    [{ status: 'partial', realisation: '0' }, { status: 'partial', realisation: 0, followUpDone: false }],
    [{ status: 'partial', realisation: '100' }, { status: 'partial', realisation: 100, followUpDone: false }],
    [{ status: 'partial', realisation: ' 55% ', followUpDone: '1' }, { status: 'partial', realisation: 55, followUpDone: true }],
    [{ status: 'not_started', realisation: '5', followUpDone: true }, { status: 'not_started', realisation: 5, followUpDone: true }],
    [{ status: 'not_started', followUpDone: 'on' }, { status: 'not_started', realisation: 0, followUpDone: false }],
  ];
  for (const [raw, want] of ok) {
    const r = validateMonev(raw);
    assert.ok(r.ok, JSON.stringify(raw));
    assert.deepEqual({ status: r.value.status, realisation: r.value.realisation, followUpDone: r.value.followUpDone }, want, JSON.stringify(raw));
  }
  const bad: [Record<string, unknown>, Record<string, string>][] = [
    [{ status: 'x' }, { status: 'plan.monev.status_invalid' }],
    [{}, { status: 'plan.monev.status_invalid' }],
    [{ status: 'partial', realisation: '101' }, { realisation: 'plan.monev.realisation_invalid' }],
    [{ status: 'partial', realisation: '-1' }, { realisation: 'plan.monev.realisation_invalid' }],
    [{ status: 'partial', realisation: '1.5' }, { realisation: 'plan.monev.realisation_invalid' }],
    [{ status: 'partial', realisation: '1000' }, { realisation: 'plan.monev.realisation_invalid' }],
    [{ status: 'partial', notes: 'x'.repeat(2001) }, { notes: 'plan.text.long' }],
    [{ status: 'partial', problems: 'x'.repeat(2001), followUp: 'x'.repeat(2001) }, { problems: 'plan.text.long', followUp: 'plan.text.long' }],
  ];
  for (const [raw, errors] of bad) assert.deepEqual(validateMonev(raw), { ok: false, errors }, JSON.stringify(raw).slice(0, 60));
  const texts = validateMonev({ status: 'partial', notes: '  catatan ', problems: '   ', followUp: 'x'.repeat(2000) });
  assert.ok(texts.ok);
  assert.deepEqual([texts.value.notes, texts.value.problems, texts.value.followUp?.length], ['catatan', null, 2000]);
});

test('months begun and matrix states', () => {
  const begun: [number, number, string, boolean][] = [
    [2026, 12, '2026-12-01', true], [2026, 12, '2026-11-30', false], [2026, 1, '2026-12-07', true], [2027, 1, '2026-12-31', false],
    [2025, 12, '2026-01-01', true], [2026, 11, '2026-11-30', true], [2027, 3, '2027-03-15', true], [2027, 4, '2027-03-15', false],
  ];
  for (const [year, month, day, want] of begun) assert.equal(monthBegun(year, month, day), want, `${year}-${month} on ${day}`);
  const states: [boolean, boolean, string][] = [[false, false, 'scheduled'], [true, false, 'done'], [false, true, 'overdue'], [true, true, 'done']];
  for (const [done, overdue, want] of states) assert.equal(markState(done, overdue), want);
});

test('progress: done months count; ended months without done are overdue; percentages rounded half up', () => {
  const acts = [{ id: 'a', area: 4, months: [3, 6, 9, 12] }, { id: 'b', area: 1, months: [1, 2, 3] }, { id: 'c', area: 6, months: [7, 8] }];
  const monev = [
    { activityId: 'a', month: 3, status: 'done' }, { activityId: 'a', month: 6, status: 'partial' },
    { activityId: 'b', month: 1, status: 'done' }, { activityId: 'b', month: 2, status: 'not_started' },
    { activityId: 'c', month: 7, status: 'done' }, { activityId: 'x', month: 1, status: 'done' },
  ];
  const p = planProgress(2026, acts, monev, new Date('2026-08-15T05:00:00Z'));
  assert.deepEqual(p.overall, { scheduled: 9, done: 3, pct: 33 });
  assert.deepEqual(p.perArea.map((a) => [a.area, a.scheduled, a.done, a.pct]), [[1, 3, 1, 33], [2, 0, 0, 0], [3, 0, 0, 0], [4, 4, 1, 25], [5, 0, 0, 0], [6, 2, 1, 50]]);
  // August has not ended: c:8 is not overdue; July (done) is not overdue either
  assert.deepEqual([...p.overdue].sort(), ['a:6', 'b:2', 'b:3']);
  assert.deepEqual([...p.done].sort(), ['a:3', 'b:1', 'c:7', 'x:1']);
  // rounding: 2/3 → 67 (not 66), 1/8 → 13 (half up), 1/3 → 33 (not 34), 0 scheduled → 0, all → 100
  const pct = (done: number, of: number) => {
    const months = Array.from({ length: of }, (_, i) => i + 1);
    return planProgress(2026, [{ id: 'a', area: 2, months }], months.slice(0, done).map((m) => ({ activityId: 'a', month: m, status: 'done' })), new Date('2026-01-10T00:00:00Z')).overall.pct;
  };
  const rounding: [number, number, number][] = [[2, 3, 67], [1, 8, 13], [1, 3, 33], [0, 0, 0], [0, 5, 0], [5, 5, 100], [1, 6, 17], [5, 6, 83], [7, 8, 88], [1, 12, 8]];
  for (const [done, of, want] of rounding) assert.equal(pct(done, of), want, `${done}/${of}`);
  // a past year: every month has ended; a year to come: none has
  assert.equal(planProgress(2025, acts, [], new Date('2026-01-01T05:00:00Z')).overdue.size, 9);
  assert.equal(planProgress(2027, acts, [], new Date('2026-12-31T05:00:00Z')).overdue.size, 0);
  // in the plan's year a month is overdue from the 1st of the next month (today's month has not ended)
  const edge: [string, string[]][] = [
    ['2026-03-31T05:00:00Z', ['b:1', 'b:2']], ['2026-04-01T05:00:00Z', ['a:3', 'b:1', 'b:2', 'b:3']], ['2026-01-20T05:00:00Z', []],
  ];
  for (const [now, want] of edge) assert.deepEqual([...planProgress(2026, acts, [], new Date(now)).overdue].sort(), want.sort(), now);
});

// ---- more tables: edges of the input checks, the decree's words and labels, the team decree, indicators, the decree model

test('years: four digits and nothing else around them; a list or an object is no year', () => {
  const years: [unknown, number | null][] = [
    ['x2026', null], ['2026x', null], ['2026-', null], ['2026 1', null], ['\t2026\n', 2026], [[2026], null], [{ toString: () => '2026' }, null], [2026.5, null], [true, null],
  ];
  for (const [raw, want] of years) assert.deepEqual(validateYear(raw), want === null ? { ok: false, error: 'plan.year.invalid' } : { ok: true, value: want }, String(raw));
  // months and areas given as lists or objects are refused as well
  assert.deepEqual(validateMonths([[3]]), { ok: false, error: 'plan.months.invalid' });
  assert.deepEqual(validateArea([3]), { ok: false, error: 'plan.area.invalid' });
});

test('lines split at LF as well as CRLF; codes at commas, semicolons, any white space', () => {
  const lines: [unknown, string[]][] = [
    ['a\nb', ['a', 'b']], ['a\r\nb\nc', ['a', 'b', 'c']], ['satu\n\n\ndua\r\n', ['satu', 'dua']], ['  sendiri  ', ['sendiri']], [42, []],
  ];
  for (const [raw, want] of lines) assert.deepEqual(parseLines(raw), { ok: true, value: want }, JSON.stringify(raw));
  const codes: [unknown, string[]][] = [
    ['A.I.1 ,, ;A.I.2', ['A.I.1', 'A.I.2']], ['\tA.I.1\n\nA.I.1\r\nA.I.3', ['A.I.1', 'A.I.3']], [' , ; ', []], ['', []], [7, []],
  ];
  for (const [raw, want] of codes) assert.deepEqual(parseCodes(raw), want, JSON.stringify(raw));
});

test('diktum labels: the ten Indonesian ordinals, then KE-n', () => {
  assert.deepEqual(Array.from({ length: 12 }, (_, i) => diktumLabel(i)), [
    'KESATU', 'KEDUA', 'KETIGA', 'KEEMPAT', 'KELIMA', 'KEENAM', 'KETUJUH', 'KEDELAPAN', 'KESEMBILAN', 'KESEPULUH', 'KE-11', 'KE-12',
  ]);
});

test('team decree line: the number trimmed, dots for a blank number; the date in Indonesian', () => {
  const cases: [{ number: string; date: string } | null, string][] = [
    [{ number: ' 800/2/2026 ', date: '2026-01-05' }, '800/2/2026 | 5 Januari 2026'],
    [{ number: '   ', date: '2026-08-17' }, '………… | 17 Agustus 2026'],
    [{ number: '', date: '2025-02-01' }, '………… | 1 Februari 2025'],
    [null, '………… | …………'],
  ];
  for (const [decree, want] of cases) assert.equal(teamDecreeLine('{number} | {date}', { unit: 'U', regency: 'R', decree }), want, JSON.stringify(decree));
});

/** Every order of a list (for small lists). */
const permutations = <T>(xs: T[]): T[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p])));

test('team decree in force: the latest date wins over the later year, a tie goes to the later year, in any order of the teams', () => {
  type Team = { year: number; decreeNumber: string | null; decreeDate: string | null };
  const A: Team = { year: 2025, decreeNumber: '800/1/2025', decreeDate: '2025-01-06' };
  const B: Team = { year: 2026, decreeNumber: '800/2/2026', decreeDate: '2026-01-05' };
  const C: Team = { year: 2025, decreeNumber: '800/9/2025', decreeDate: '2026-03-01' }; // the 2025 team's decree renewed in March 2026
  const D: Team = { year: 2026, decreeNumber: '800/3/2026', decreeDate: '2026-03-01' };
  const N: Team = { year: 2026, decreeNumber: null, decreeDate: '2026-06-01' }; // no number on record
  const cases: [Team[], number, string, string | null][] = [
    [[A, B, C], 2026, '2026-12-31', '800/9/2025'],
    [[A, B, C, D], 2026, '2026-12-31', '800/3/2026'],
    [[A, B, C, D], 2026, '2026-02-28', '800/2/2026'],
    [[A, B, C, D], 2025, '2026-12-31', '800/9/2025'],
    [[A, B, N], 2026, '2026-12-31', '800/2/2026'],
    [[A, N], 2026, '2026-12-31', '800/1/2025'],
    [[N], 2026, '2026-12-31', null],
  ];
  for (const [teams, year, day, want] of cases) {
    for (const order of permutations(teams)) {
      assert.equal(teamDecreeInForce(order, year, day)?.decreeNumber ?? null, want, `${order.map((t) => t.decreeNumber).join(',')} ${year} ${day}`);
    }
  }
});

test('indicators: spaces around the heading and points do not count; an empty point or a single one is no list', () => {
  const cases: [string, { text: string; items: string[] }][] = [
    ['  Tunggal  ', { text: 'Tunggal', items: [] }],
    ['Judul : a. Satu; b. Dua', { text: 'Judul:', items: ['Satu;', 'Dua'] }],
    ['Judul: a. Satu ; b. Dua ;  c. Tiga', { text: 'Judul:', items: ['Satu;', 'Dua;', 'Tiga'] }],
    ['Judul: a. Satu.; b. Dua.', { text: 'Judul:', items: ['Satu;', 'Dua.'] }],
    ['Judul: a. Versi 2.0 dipasang; b. Uji; coba', { text: 'Judul:', items: ['Versi 2.0 dipasang;', 'Uji; coba'] }],
    ['Judul: a. Satu; b. ; c. Tiga', { text: 'Judul: a. Satu; b. ; c. Tiga', items: [] }],
    ['  Judul: a. ; b. Dua  ', { text: 'Judul: a. ; b. Dua', items: [] }],
    ['Judul: a.Satu; b.Dua', { text: 'Judul: a.Satu; b.Dua', items: [] }],
  ];
  for (const [raw, want] of cases) assert.deepEqual(splitIndicator(raw), want, raw);
});

test('decree model: chapters I–VIII then numbers, the legend explains X and *, areas without a name, blanks', () => {
  const bab = Array.from({ length: 9 }, (_, i) => ({ title: `B${i}`, sections: [] }));
  const m = buildDecreeModel(source({ content: { bab }, number: null, place: '  Sungailiat  ' }));
  assert.deepEqual(m.lampiran.bab.map((b) => b.label), ['BAB I', 'BAB II', 'BAB III', 'BAB IV', 'BAB V', 'BAB VI', 'BAB VII', 'BAB VIII', 'BAB 9']);
  assert.equal(m.number, '…………');
  assert.equal(m.place, 'Sungailiat');
  assert.match(m.legend[0]!, /^X = bulan pelaksanaan kegiatan; kolom 1–12 = Januari–Desember$/);
  assert.match(m.legend[1]!, /^\* = kegiatan tambahan /);
  assert.equal(MATRIX_LEGEND.added, m.legend[1]);
  // an area with no name on record: an empty name, its number kept; an activity without a PIC: an empty cell
  const areas = [{ area: 3, purpose: 'P', targets: [], indicators: [] }, { area: 1, purpose: null, targets: ['t'], indicators: [] }];
  const given = areas.map((a) => a.area);
  const n = buildDecreeModel(source({
    areas, areaNames: {}, activities: [{ area: 3, seq: 1, title: 'Sosialisasi', months: [2], pic: null, outputs: null }],
    content: { bab: [{ title: 'I', sections: [{ heading: 'h', paragraphs: [], areas: true }, { heading: 'k', paragraphs: ['p'] }] }] },
  }));
  assert.deepEqual(n.matrix.map((g) => [g.no, g.area, g.rows.map((r) => [r.no, r.title, r.pic, r.added])]), [['3.', '', [['1)', 'Sosialisasi', '', false]]]]);
  assert.deepEqual(n.lampiran.bab[0]!.sections.map((s) => s.areas?.map((a) => [a.label, a.name, a.purpose])), [[['1.', '', ''], ['3.', '', 'P']], undefined]);
  assert.deepEqual(areas.map((a) => a.area), given, 'the source areas keep their order');
});

test('decree model: the Mengingat from ids only with both the ids and the legal data; undated and no today: the texts now in force', () => {
  const cases: [Partial<DecreeSource>, string[]][] = [
    [{ content: { mengingat: ['Lama'] }, legal }, ['Lama']],
    [{ content: { mengingat: ['Lama'], legalBasis: ['permenpanrb-10-2019'] } }, ['Lama']],
    [{ content: { legalBasis: ['permenpanrb-10-2019'] } }, []],
    [{ content: { mengingat: ['Lama'], legalBasis: ['permenpanrb-10-2019'] }, legal, date: '2021-06-01' }, ['permenpanrb-10-2019']],
    [{ content: { mengingat: ['Lama'], legalBasis: ['permenpanrb-10-2019'] }, legal, date: null }, ['permenpanrb-90-2021-5-2024']],
    [{ content: { mengingat: ['Lama'], legalBasis: ['permenpanrb-10-2019'] }, legal, date: null, today: '2022-03-01' }, ['permenpanrb-90-2021']],
  ];
  for (const [over, want] of cases) {
    const m = buildDecreeModel(source(over));
    const ids = m.mengingatSources.length ? m.mengingatSources.map((s) => s.id) : m.mengingat.map((x) => x.text);
    assert.deepEqual(ids, want, JSON.stringify({ ...over, legal: !!over.legal }));
    assert.equal(m.mengingat.length, want.length);
  }
});

test('letterhead: the website without its scheme and trailing slash, its path kept', () => {
  const cases: [string, string][] = [
    ['https://www.bangka.go.id/dinas/', 'Website: www.bangka.go.id/dinas'], ['http://x.go.id', 'Website: x.go.id'], ['x.go.id/', 'Website: x.go.id'], ['x.go.id/a/b', 'Website: x.go.id/a/b'],
    // a scheme only at the start is dropped: an archived page keeps the address inside its path
    ['web.archive.org/web/2020/https://bangka.go.id', 'Website: web.archive.org/web/2020/https://bangka.go.id'],
  ];
  for (const [website, want] of cases) assert.equal(kopOf('Kabupaten Bangka', { name: 'D', address: null, phone: null, email: null, website }).contacts, want, website);
});

test('monev input: the percent sign only at the end; texts not given are empty (null)', () => {
  const cases: [Record<string, unknown>, number | string][] = [
    [{ status: 'partial', realisation: '50%' }, 50], [{ status: 'partial', realisation: '%50' }, 'plan.monev.realisation_invalid'],
    [{ status: 'partial', realisation: '5%0' }, 'plan.monev.realisation_invalid'], [{ status: 'partial', realisation: '50%%' }, 'plan.monev.realisation_invalid'],
  ];
  for (const [raw, want] of cases) {
    const r = validateMonev(raw);
    assert.deepEqual(r.ok ? r.value.realisation : r.errors.realisation, want, JSON.stringify(raw));
  }
  const bare = validateMonev({ status: 'not_started' });
  assert.deepEqual(bare, { ok: true, value: { status: 'not_started', realisation: 0, notes: null, problems: null, followUp: null, followUpDone: false } });
  const nulls = validateMonev({ status: 'done', notes: null, problems: undefined, followUp: '' });
  assert.deepEqual(nulls, { ok: true, value: { status: 'done', realisation: 100, notes: null, problems: null, followUp: null, followUpDone: false } });
});
