// Pure rules of the services module, table by table: the component data, service input, standard
// publishing, the per-component diff, consultations, reviews, maklumat and SOP input.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DomainError } from '../../kernel/errors.ts';
import {
  COMPONENTS, COMPONENT_KEYS, DELIVERY_KEYS, FINDING_SOURCES, GROUPS, MAX, componentName, componentsOf, diffComponents, diffLines, findingSourceName, groupName, isIsoDate,
  isUuid, line, missingComponents, multi, parseComponents, parseConsultation, parseMaklumat, parsePublish, parseReview, parseService, parseSop, parseSopEvaluation, rowsOf,
} from './services.rules.ts';

const fieldErrors = (fn: () => unknown): Record<string, string> => {
  try { fn(); } catch (e) { if (e instanceof DomainError) return e.fieldErrors; throw e; }
  return {};
};
const full = Object.fromEntries(COMPONENT_KEYS.map((k) => [k, `Isi ${k}`]));

describe('component data (standard-components.json)', () => {
  test('14 components, 6 delivery first then 8 internal, each with names and a source tag', () => {
    assert.equal(COMPONENTS.length, 14);
    assert.deepEqual(DELIVERY_KEYS, ['persyaratan', 'prosedur', 'waktu', 'biaya', 'produk', 'pengaduan']);
    assert.equal(COMPONENTS.filter((c) => c.side === 'internal').length, 8);
    assert.deepEqual(COMPONENTS.map((c) => c.order), Array.from({ length: 14 }, (_, i) => i + 1));
    for (const c of COMPONENTS) { assert.ok(c.name.id && c.name.en); assert.ok(['S', 'U', 'V', 'I'].includes(c.source.tag)); }
  });
  test('participant groups: the four LKE stakeholders are stakeholders, government is not', () => {
    const s = new Set(GROUPS.filter((g) => g.stakeholder).map((g) => g.key));
    for (const k of ['tokoh_masyarakat', 'akademisi', 'dunia_usaha', 'lsm']) assert.ok(s.has(k));
    assert.ok(!s.has('pemerintah'));
  });
});

describe('service input', () => {
  const cases: [Record<string, string>, Record<string, string>][] = [
    [{ code: 'iumk', name: 'IUMK' }, {}],
    [{ code: 'SIP-NAKES', name: 'SIP' }, {}],
    [{ code: '', name: 'x' }, { code: 'services.error.required' }],
    [{ code: '-AB', name: 'x' }, { code: 'services.service.code.format' }],
    [{ code: 'A B', name: 'x' }, { code: 'services.service.code.format' }],
    [{ code: 'X'.repeat(21), name: 'x' }, { code: 'services.error.too_long' }],
    [{ code: 'AB', name: '' }, { name: 'services.error.required' }],
    [{ code: 'AB', name: 'x'.repeat(201) }, { name: 'services.error.too_long' }],
    [{ code: 'AB', name: 'x', sortOrder: '-1' }, { sortOrder: 'services.service.order.invalid' }],
    [{ code: 'AB', name: 'x', sortOrder: '1.5' }, { sortOrder: 'services.service.order.invalid' }],
  ];
  for (const [form, errors] of cases) test(`${JSON.stringify(form).slice(0, 60)} → ${JSON.stringify(errors)}`, () => assert.deepEqual(fieldErrors(() => parseService(form)), errors));
  test('the code is stored in capitals', () => assert.equal(parseService({ code: 'pbg', name: 'PBG' }).code, 'PBG'));
});

describe('standards', () => {
  test('components from a form: empty ones left out, too long refused', () => {
    assert.deepEqual(parseComponents({ c_persyaratan: ' KTP\r\nKK ', c_waktu: '' }), { persyaratan: 'KTP\nKK' });
    assert.deepEqual(fieldErrors(() => parseComponents({ c_biaya: 'x'.repeat(4001) })), { c_biaya: 'services.error.too_long' });
  });
  test('missing components', () => {
    assert.equal(missingComponents(full).length, 0);
    assert.deepEqual(missingComponents({ ...full, biaya: '' }), ['biaya']);
    assert.deepEqual(missingComponents({ ...full, biaya: 'ab' }, 3), ['biaya']);
  });
  const pub: [Record<string, string>, Record<string, string>, Record<string, string>][] = [
    [{ decreeNumber: '1/2026', decreeDate: '2026-01-10', effectiveFrom: '2026-02-01' }, full, {}],
    [{ decreeNumber: '', decreeDate: '2026-01-10', effectiveFrom: '2026-02-01' }, full, { decreeNumber: 'services.error.required' }],
    [{ decreeNumber: '1', decreeDate: '2026-02-30', effectiveFrom: '2026-03-01' }, full, { decreeDate: 'services.error.date_invalid' }],
    [{ decreeNumber: '1', decreeDate: '2026-02-10', effectiveFrom: '2026-02-01' }, full, { effectiveFrom: 'services.standard.effective_before_decree' }],
    [{ decreeNumber: '1', decreeDate: '2026-02-10', effectiveFrom: '2026-02-10' }, { ...full, produk: '' }, { _: 'services.standard.incomplete' }],
  ];
  for (const [form, comps, errors] of pub) test(`publish ${JSON.stringify(errors)}`, () => assert.deepEqual(fieldErrors(() => parsePublish(form, comps)), errors));
  test('dates', () => {
    for (const [s, ok] of [['2026-02-28', true], ['2026-02-29', false], ['1999-12-31', false], ['2026-1-1', false]] as const) assert.equal(isIsoDate(s), ok, s);
  });
});

describe('diff', () => {
  test('line diff keeps common lines', () => {
    assert.deepEqual(diffLines('a\nb\nc', 'a\nx\nc'), [{ kind: 'same', text: 'a' }, { kind: 'removed', text: 'b' }, { kind: 'added', text: 'x' }, { kind: 'same', text: 'c' }]);
    assert.deepEqual(diffLines('', 'a'), [{ kind: 'added', text: 'a' }]);
  });
  test('per component: same, changed, added, removed, in component order', () => {
    const d = diffComponents({ persyaratan: 'KTP', waktu: '28 hari', biaya: 'Gratis' }, { persyaratan: 'KTP', waktu: '21 hari', produk: 'Izin' });
    const kind = Object.fromEntries(d.map((x) => [x.key, x.kind]));
    assert.equal(d.length, 14);
    assert.equal(kind.persyaratan, 'same');
    assert.equal(kind.waktu, 'changed');
    assert.equal(kind.produk, 'added');
    assert.equal(kind.biaya, 'removed');
    assert.equal(kind.dasar_hukum, 'same');
  });
});

describe('consultation, review, maklumat, SOP input', () => {
  test('consultation: participants needed, counts whole numbers, inputs rows', () => {
    const ok = parseConsultation({ heldOn: '2026-03-18', topic: 'Reviu', p_akademisi: '2', p_lsm: '0', in_0_input: 'Percepat', in_0_response: 'Ya', in_0_adopted: '1', in_2_input: 'Lain' });
    assert.deepEqual(ok.participants, [{ group: 'akademisi', count: 2 }]);
    assert.deepEqual(ok.inputs.map((i) => i.adopted), [true, false]);
    assert.deepEqual(fieldErrors(() => parseConsultation({ heldOn: '2026-03-18', topic: 'x' })), { p_tokoh_masyarakat: 'services.consultation.participants.required' });
    assert.deepEqual(fieldErrors(() => parseConsultation({ heldOn: '', topic: '', p_akademisi: '-1' })), { heldOn: 'services.error.date_required', topic: 'services.error.required', p_akademisi: 'services.consultation.count.invalid' });
    assert.deepEqual(fieldErrors(() => parseConsultation({ heldOn: '2026-03-18', topic: 'x', p_lsm: '1', in_0_response: 'tanpa masukan' })), { in_0_input: 'services.error.required' });
  });
  test('review: a finding needed, sources from the list', () => {
    assert.equal(parseReview({ reviewedOn: '2026-04-15', fd_0_source: 'skm', fd_0_finding: 'Lama' }).findings.length, 1);
    assert.deepEqual(fieldErrors(() => parseReview({ reviewedOn: '2026-04-15', fd_0_source: 'skm' })), { fd_0_finding: 'services.review.findings.required' });
    assert.deepEqual(fieldErrors(() => parseReview({ reviewedOn: '2026-04-15', fd_0_source: 'rumor', fd_0_finding: 'x' })), { fd_0_source: 'services.review.source.invalid' });
  });
  test('maklumat: text, signer and date', () => {
    assert.deepEqual(fieldErrors(() => parseMaklumat({ text: '', signerPersonId: 'x', signedOn: '' })), { text: 'services.error.required', signerPersonId: 'services.error.person_other_unit', signedOn: 'services.error.date_required' });
  });
  test('SOP: number, title, owner; steps need a description', () => {
    const owner = '11111111-1111-4111-8111-111111111111';
    const s = parseSop({ number: 'SOP/1', title: 'Berkas', ownerPersonId: owner, st_0_step: 'Terima', st_0_actor: 'Loket', st_1_actor: '' });
    assert.equal(s.steps.length, 1);
    assert.deepEqual(fieldErrors(() => parseSop({ number: '', title: 'x', ownerPersonId: '' })), { number: 'services.error.required', ownerPersonId: 'services.sop.owner.required' });
    assert.deepEqual(fieldErrors(() => parseSop({ number: 'a', title: 'x', ownerPersonId: owner, st_3_actor: 'Loket' })), { st_3_step: 'services.error.required' });
    assert.deepEqual(fieldErrors(() => parseSopEvaluation({ evaluatedOn: '2026-10-01', result: 'ok', followUp: 'maybe' })), { followUp: 'services.error.choice' });
  });
});

// ---- edges: every limit at max and max+1, every error code, every field key ---------------------

const U1 = '11111111-1111-4111-8111-111111111111';
const U2_UPPER = 'ABCDEF01-2345-4678-89AB-CDEF01234567';
const U2 = 'abcdef01-2345-4678-89ab-cdef01234567';

describe('names of components, groups and finding sources (standard-components.json)', () => {
  test('Indonesian by default, English for en, the key itself when unknown', () => {
    const cases: [(k: string, l: string) => string, string, string, string][] = [
      [componentName, 'persyaratan', 'id', 'Persyaratan'],
      [componentName, 'persyaratan', 'en', 'Requirements'],
      [componentName, 'biaya', 'fr', 'Biaya/tarif'],
      [componentName, 'evaluasi_kinerja', 'en', 'Staff performance evaluation'],
      [componentName, 'nope', 'en', 'nope'],
      [groupName, 'akademisi', 'id', 'Akademisi'],
      [groupName, 'lsm', 'en', 'NGOs'],
      [groupName, 'pemerintah', 'EN', 'Instansi pemerintah'],
      [groupName, 'nope', 'id', 'nope'],
      [findingSourceName, 'skm', 'id', 'Survei kepuasan masyarakat (SKM)'],
      [findingSourceName, 'complaint', 'en', 'Public complaints'],
      [findingSourceName, 'nope', 'en', 'nope'],
    ];
    for (const [fn, key, locale, want] of cases) assert.equal(fn(key, locale), want, `${fn.name} ${key} ${locale}`);
  });
  test('the 14 components of UU 25/2009 Pasal 21 in order, the groups and the finding sources in order', () => {
    assert.deepEqual(COMPONENT_KEYS, [
      'persyaratan', 'prosedur', 'waktu', 'biaya', 'produk', 'pengaduan',
      'dasar_hukum', 'sarana', 'kompetensi', 'pengawasan', 'jumlah_pelaksana', 'jaminan_pelayanan', 'jaminan_keamanan', 'evaluasi_kinerja',
    ]);
    assert.deepEqual(GROUPS.map((g) => [g.key, g.stakeholder]), [
      ['tokoh_masyarakat', true], ['akademisi', true], ['dunia_usaha', true], ['lsm', true], ['pengguna', true], ['pemerintah', false], ['lainnya', false],
    ]);
    assert.deepEqual(FINDING_SOURCES, ['skm', 'complaint', 'consultation', 'other']);
  });
});

describe('uuids, dates and text cleaning', () => {
  test('isUuid: exactly one uuid string, either case', () => {
    const cases: [unknown, boolean][] = [
      [U1, true], [U2_UPPER, true], [`x${U1}`, false], [`${U1}x`, false], [U1.slice(1), false], [U1.replace(/-/g, ''), false],
      ['gggggggg-1111-4111-8111-111111111111', false], ['', false], [[U1], false], [null, false], [123, false],
    ];
    for (const [v, want] of cases) assert.equal(isUuid(v), want, String(v));
  });
  test('isIsoDate: real calendar days of 2000..2100, strings only', () => {
    const cases: [unknown, boolean][] = [
      ['2000-01-01', true], ['1999-12-31', false], ['2100-12-31', true], ['2101-01-01', false], ['2024-02-29', true], ['2100-02-29', false],
      ['2026-04-31', false], ['2026-13-01', false], ['2026-00-10', false], ['x2026-01-01', false], ['2026-01-01x', false], ['2026-01-01T00:00:00Z', false],
      [' 2026-01-01', false], [20260101, false], [null, false], [undefined, false], [['2026-01-01'], false], [Object.create(null), false], [new Date('2026-01-01T00:00:00Z'), false],
    ];
    for (const [v, want] of cases) assert.equal(isIsoDate(v), want, String(typeof v === 'object' && v !== null ? 'object' : v));
  });
  test('line: control characters become spaces, runs of spaces one, trimmed', () => {
    const cases: [unknown, string][] = [
      ['  Izin   usaha  ', 'Izin usaha'], ['a\u0001b', 'a b'], ['a\tb\nc', 'a b c'], ['a\u007fb', 'a b'], ['a \u00a0 b', 'a b'], [42, ''], [null, ''], ['   ', ''],
    ];
    for (const [v, want] of cases) assert.equal(line(v), want, JSON.stringify(v));
  });
  test('multi: CRLF and CR become LF, control characters dropped (not newlines or tabs), line ends and the whole trimmed', () => {
    const cases: [unknown, string][] = [
      ['a\r\nb', 'a\nb'], ['a\rb', 'a\nb'], ['a\u0001b', 'ab'], ['a\u007f', 'a'], ['a\tb', 'a\tb'], ['a   \n  b  ', 'a\n  b'], ['\n\n x \n\n', 'x'], [5, ''],
    ];
    for (const [v, want] of cases) assert.equal(multi(v), want, JSON.stringify(v));
  });
});

describe('service input at its limits', () => {
  const cases: [Record<string, string>, Record<string, string>][] = [
    [{ code: 'A', name: 'x' }, {}],
    [{ code: 'A'.repeat(20), name: 'x' }, {}],
    [{ code: 'A-', name: 'x' }, { code: 'services.service.code.format' }],
    [{ code: 'A_B', name: 'x' }, { code: 'services.service.code.format' }],
    [{ code: 'AB', name: 'x'.repeat(200) }, {}],
    [{ code: 'AB', name: 'x', description: 'd'.repeat(2000) }, {}],
    [{ code: 'AB', name: 'x', description: 'd'.repeat(2001) }, { description: 'services.error.too_long' }],
    [{ code: 'AB', name: 'x', sortOrder: '0' }, {}],
    [{ code: 'AB', name: 'x', sortOrder: '9999' }, {}],
    [{ code: 'AB', name: 'x', sortOrder: '10000' }, { sortOrder: 'services.service.order.invalid' }],
    [{ code: 'AB', name: 'x', sortOrder: 'abc' }, { sortOrder: 'services.service.order.invalid' }],
    [{ code: '', name: '', sortOrder: '-5' }, { code: 'services.error.required', name: 'services.error.required', sortOrder: 'services.service.order.invalid' }],
  ];
  for (const [form, errors] of cases) test(`${JSON.stringify(form).slice(0, 60)} → ${JSON.stringify(errors)}`, () => assert.deepEqual(fieldErrors(() => parseService(form)), errors));
  test('the parsed service: code in capitals, one-line name, multi-line description, order', () => {
    assert.deepEqual(parseService({ code: ' sip-1 ', name: '  Surat   izin ', description: 'Baris 1\r\nBaris 2  ', sortOrder: ' 12 ' }), { code: 'SIP-1', name: 'Surat izin', description: 'Baris 1\nBaris 2', sortOrder: 12 });
    assert.deepEqual(parseService({ code: 'AB', name: 'x' }), { code: 'AB', name: 'x', description: null, sortOrder: 0 });
    assert.deepEqual(parseService({ code: 'AB', name: 'x', sortOrder: '' }), { code: 'AB', name: 'x', description: null, sortOrder: 0 });
  });
  test('the limits are those of the forms', () => {
    assert.deepEqual([MAX.code, MAX.name, MAX.description, MAX.component, MAX.decree, MAX.note, MAX.topic, MAX.place, MAX.text, MAX.sopNumber, MAX.sopTitle, MAX.activity, MAX.stepField, MAX.result, MAX.finding, MAX.rows, MAX.participants],
      [20, 200, 2000, 4000, 100, 2000, 300, 200, 4000, 100, 300, 500, 500, 2000, 1000, 40, 100000]);
  });
});

describe('standards at their limits', () => {
  test('a component of exactly 4000 characters is kept, every component read', () => {
    const form = Object.fromEntries(COMPONENT_KEYS.map((k) => [`c_${k}`, k === 'biaya' ? 'b'.repeat(4000) : `Isi ${k}`]));
    const c = parseComponents(form);
    assert.equal(Object.keys(c).length, 14);
    assert.equal(c.biaya!.length, 4000);
    assert.equal(c.evaluasi_kinerja, 'Isi evaluasi_kinerja');
    assert.deepEqual(parseComponents({ c_nope: 'x', c_produk: '   ' }), {});
  });
  test('componentsOf: only known keys with text', () => {
    const cases: [unknown, Record<string, string>][] = [
      [null, {}], [undefined, {}], ['persyaratan', {}], [42, {}], [{}, {}],
      [{ persyaratan: 'KTP', waktu: '  ', biaya: 5, nope: 'x', produk: ' Izin ' }, { persyaratan: 'KTP', produk: ' Izin ' }],
      [[], {}],
      [Object.assign(() => 'KTP', { persyaratan: 'KTP' }), {}], // a function is not a stored components object
    ];
    for (const [raw, want] of cases) assert.deepEqual(componentsOf(raw), want, JSON.stringify(raw));
  });
  test('missingComponents: blank or shorter than minChars, in component order', () => {
    assert.deepEqual(missingComponents({}), COMPONENT_KEYS);
    assert.deepEqual(missingComponents({ ...full, biaya: 'x' }), []);
    assert.deepEqual(missingComponents({ ...full, biaya: '   ', persyaratan: '\n' }), ['persyaratan', 'biaya']);
    assert.deepEqual(missingComponents({ ...full, biaya: 'abc' }, 3), []);
    assert.deepEqual(missingComponents({ ...full, biaya: ' ab ' }, 3), ['biaya']);
  });
  const pub: [Record<string, string>, Record<string, string>][] = [
    [{ decreeNumber: 'n'.repeat(100), decreeDate: '2026-01-10', effectiveFrom: '2026-01-10', changeNote: 'c'.repeat(2000) }, {}],
    [{ decreeNumber: 'n'.repeat(101), decreeDate: '2026-01-10', effectiveFrom: '2026-01-10' }, { decreeNumber: 'services.error.too_long' }],
    [{ decreeNumber: '1', decreeDate: '', effectiveFrom: '2026-01-10' }, { decreeDate: 'services.error.date_required' }],
    [{ decreeNumber: '1', decreeDate: '2026-01-10', effectiveFrom: '' }, { effectiveFrom: 'services.error.date_required' }],
    [{ decreeNumber: '1', decreeDate: '2026-01-10', effectiveFrom: '10/01/2026' }, { effectiveFrom: 'services.error.date_invalid' }],
    [{ decreeNumber: '1', decreeDate: '2026-01-10', effectiveFrom: '2026-01-09' }, { effectiveFrom: 'services.standard.effective_before_decree' }],
    [{ decreeNumber: '1', decreeDate: '2026-01-10', effectiveFrom: '2026-01-10', changeNote: 'c'.repeat(2001) }, { changeNote: 'services.error.too_long' }],
    [{}, { decreeNumber: 'services.error.required', decreeDate: 'services.error.date_required', effectiveFrom: 'services.error.date_required' }],
  ];
  for (const [form, errors] of pub) test(`publish ${JSON.stringify(form).slice(0, 50)} → ${JSON.stringify(errors)}`, () => assert.deepEqual(fieldErrors(() => parsePublish(form, full)), errors));
  test('publish: the parsed decree; incomplete components only reported when the form is otherwise valid', () => {
    assert.deepEqual(parsePublish({ decreeNumber: ' 100/5/2026 ', decreeDate: '2026-01-10', effectiveFrom: '2026-02-01', changeNote: 'Biaya\r\nturun ' }, full),
      { decreeNumber: '100/5/2026', decreeDate: '2026-01-10', effectiveFrom: '2026-02-01', changeNote: 'Biaya\nturun' });
    assert.equal(parsePublish({ decreeNumber: '1', decreeDate: '2026-01-10', effectiveFrom: '2026-01-10' }, full).changeNote, null);
    assert.deepEqual(fieldErrors(() => parsePublish({ decreeNumber: '', decreeDate: '2026-01-10', effectiveFrom: '2026-01-10' }, {})), { decreeNumber: 'services.error.required' });
    assert.deepEqual(fieldErrors(() => parsePublish({ decreeNumber: '1', decreeDate: '2026-01-10', effectiveFrom: '2026-01-10' }, {})), { _: 'services.standard.incomplete' });
  });
});

describe('diff at its edges', () => {
  const sign = { same: '=', added: '+', removed: '-' } as const;
  const cases: [string, string, string][] = [
    ['', '', ''],
    ['a', '', '-a'],
    ['', 'a\nb', '+a +b'],
    ['a', 'b', '-a +b'], // a replaced line: removed before added
    ['a\nb', 'a', '=a -b'],
    ['a', 'x\na', '+x =a'],
    ['x\na\nb', 'a\nb', '-x =a =b'],
    ['p\nq\nr', 'r\nq\np', '-p -q =r +q +p'],
    ['a\nb\nc', 'c\nb\na\nb', '+c +b =a =b -c'],
    ['k\na\nb', 'a\nk\nb', '-k =a +k =b'],
  ];
  for (const [a, b, want] of cases) {
    test(`diffLines ${JSON.stringify(a)} → ${JSON.stringify(b)}`, () => assert.equal(diffLines(a, b).map((d) => `${sign[d.kind]}${d.text}`).join(' '), want));
  }
  test('per component: the whole diff of each kind, no lines when the same', () => {
    const d = diffComponents({ persyaratan: 'KTP', waktu: '28 hari', biaya: 'Gratis' }, { persyaratan: 'KTP', waktu: '21 hari', produk: 'Izin' });
    const by = Object.fromEntries(d.map((x) => [x.key, x]));
    assert.deepEqual(d.map((x) => x.key), COMPONENT_KEYS);
    assert.deepEqual(by.persyaratan, { key: 'persyaratan', kind: 'same', before: 'KTP', after: 'KTP', lines: [] });
    assert.deepEqual(by.waktu, { key: 'waktu', kind: 'changed', before: '28 hari', after: '21 hari', lines: [{ kind: 'removed', text: '28 hari' }, { kind: 'added', text: '21 hari' }] });
    assert.deepEqual(by.produk, { key: 'produk', kind: 'added', before: '', after: 'Izin', lines: [{ kind: 'added', text: 'Izin' }] });
    assert.deepEqual(by.biaya, { key: 'biaya', kind: 'removed', before: 'Gratis', after: '', lines: [{ kind: 'removed', text: 'Gratis' }] });
    assert.deepEqual(by.sarana, { key: 'sarana', kind: 'same', before: '', after: '', lines: [] });
  });
});

describe('indexed form rows', () => {
  test('rows 0..39 are read, row 40 is not; blank counting fields skip a row', () => {
    const f = { r_0_a: 'x', r_1_a: '   ', r_1_b: 'only b', r_39_a: 'last', r_40_a: 'beyond', r_2_a: 5 };
    assert.deepEqual(rowsOf(f, 'r', ['a', 'b'], ['a']), [{ index: 0, values: { a: 'x', b: '' } }, { index: 39, values: { a: 'last', b: '' } }]);
    assert.deepEqual(rowsOf(f, 'r', ['a', 'b']).map((r) => r.index), [0, 1, 39]);
    assert.deepEqual(rowsOf(f, 'q', ['a']), []);
  });
});

describe('consultation at its limits', () => {
  const base = { heldOn: '2026-03-18', topic: 'Reviu', p_lsm: '1' };
  const cases: [Record<string, string>, Record<string, string>][] = [
    [{ ...base, p_lsm: '100000' }, {}],
    [{ ...base, p_lsm: '100001' }, { p_lsm: 'services.consultation.count.invalid' }],
    [{ ...base, p_lsm: '2.5' }, { p_lsm: 'services.consultation.count.invalid' }],
    [{ ...base, p_lsm: 'dua' }, { p_lsm: 'services.consultation.count.invalid' }],
    [{ ...base, p_lsm: '0', p_pengguna: '-3' }, { p_pengguna: 'services.consultation.count.invalid' }], // a count error, no "participants required" beside it
    [{ ...base, heldOn: '2026-02-30' }, { heldOn: 'services.error.date_invalid' }],
    [{ heldOn: '', topic: 'x' }, { heldOn: 'services.error.date_required', p_tokoh_masyarakat: 'services.consultation.participants.required' }],
    [{ ...base, topic: 't'.repeat(300), place: 'p'.repeat(200), notes: 'n'.repeat(2000) }, {}],
    [{ ...base, topic: 't'.repeat(301) }, { topic: 'services.error.too_long' }],
    [{ ...base, place: 'p'.repeat(201) }, { place: 'services.error.too_long' }],
    [{ ...base, notes: 'n'.repeat(2001) }, { notes: 'services.error.too_long' }],
    [{ ...base, serviceId: 'not-a-uuid' }, { serviceId: 'services.error.choice' }],
    [{ ...base, in_0_input: 'i'.repeat(1000), in_0_response: 'r'.repeat(1000) }, {}],
    [{ ...base, in_0_input: 'i'.repeat(1001) }, { in_0_input: 'services.error.too_long' }],
    [{ ...base, in_1_input: 'x', in_1_response: 'r'.repeat(1001) }, { in_1_response: 'services.error.too_long' }],
  ];
  for (const [form, errors] of cases) test(`${JSON.stringify(form).slice(0, 70)} → ${JSON.stringify(errors)}`, () => assert.deepEqual(fieldErrors(() => parseConsultation(form)), errors));
  test('the parsed consultation: groups in their order, uuid in lower case, multi-line texts, adopted by 1 or on', () => {
    const c = parseConsultation({
      heldOn: '2026-03-18', place: '  Aula   kantor ', topic: 'Reviu', notes: 'a\r\nb ', serviceId: ` ${U2_UPPER} `, p_pemerintah: '3', p_tokoh_masyarakat: '5',
      in_0_input: 'Satu\r\ndua', in_0_response: 'Ya\r\nsetuju ', in_0_adopted: 'on', in_1_input: 'Dua', in_1_adopted: 'yes', in_2_input: 'Tiga', in_2_adopted: '1',
    });
    assert.deepEqual(c, {
      serviceId: U2, heldOn: '2026-03-18', place: 'Aula kantor', topic: 'Reviu', notes: 'a\nb',
      participants: [{ group: 'tokoh_masyarakat', count: 5 }, { group: 'pemerintah', count: 3 }],
      inputs: [{ input: 'Satu\ndua', response: 'Ya\nsetuju', adopted: true }, { input: 'Dua', response: null, adopted: false }, { input: 'Tiga', response: null, adopted: true }],
    });
    assert.equal(parseConsultation(base).serviceId, null);
    assert.equal(parseConsultation(base).place, null);
  });
});

describe('review at its limits', () => {
  const base = { reviewedOn: '2026-04-15', fd_0_source: 'skm', fd_0_finding: 'Lama' };
  const cases: [Record<string, string>, Record<string, string>][] = [
    [{ ...base, fd_0_finding: 'f'.repeat(1000), fd_0_change: 'c'.repeat(1000), conclusion: 'k'.repeat(2000) }, {}],
    [{ ...base, fd_0_finding: 'f'.repeat(1001) }, { fd_0_finding: 'services.error.too_long' }],
    [{ ...base, fd_0_change: 'c'.repeat(1001) }, { fd_0_change: 'services.error.too_long' }],
    [{ ...base, conclusion: 'k'.repeat(2001) }, { conclusion: 'services.error.too_long' }],
    [{ ...base, reviewedOn: '' }, { reviewedOn: 'services.error.date_required' }],
    [{ ...base, reviewedOn: '15-04-2026' }, { reviewedOn: 'services.error.date_invalid' }],
    [{ ...base, resultingStandardId: 'abc' }, { resultingStandardId: 'services.error.choice' }],
    [{ ...base, fd_1_source: 'complaint', fd_1_change: 'Ubah jam' }, { fd_1_finding: 'services.error.required' }], // a row with only a change counts
    [{ reviewedOn: '2026-04-15', fd_0_finding: 'x' }, { fd_0_source: 'services.review.source.invalid' }],
    [{ reviewedOn: '2026-04-15' }, { fd_0_finding: 'services.review.findings.required' }],
  ];
  for (const [form, errors] of cases) test(`${JSON.stringify(form).slice(0, 70)} → ${JSON.stringify(errors)}`, () => assert.deepEqual(fieldErrors(() => parseReview(form)), errors));
  test('the parsed review', () => {
    assert.deepEqual(parseReview({
      reviewedOn: '2026-04-15', conclusion: 'Baik\r\nsekali', resultingStandardId: U2_UPPER,
      fd_0_source: 'skm', fd_0_finding: 'Antre\r\nlama', fd_0_change: 'Tambah\r\nloket ', fd_3_source: 'other', fd_3_finding: 'Lain',
    }), {
      reviewedOn: '2026-04-15', resultingStandardId: U2, conclusion: 'Baik\nsekali',
      findings: [{ source: 'skm', finding: 'Antre\nlama', change: 'Tambah\nloket' }, { source: 'other', finding: 'Lain', change: null }],
    });
    const r = parseReview(base);
    assert.deepEqual([r.resultingStandardId, r.conclusion], [null, null]);
  });
});

describe('maklumat at its limits', () => {
  const base = { text: 'Kami berjanji', signerPersonId: U1, signedOn: '2026-01-02' };
  const cases: [Record<string, string>, Record<string, string>][] = [
    [{ ...base, text: 't'.repeat(4000) }, {}],
    [{ ...base, text: 't'.repeat(4001) }, { text: 'services.error.too_long' }],
    [{ ...base, signerPersonId: '' }, { signerPersonId: 'services.maklumat.signer.required' }],
    [{ ...base, signerPersonId: 'x' }, { signerPersonId: 'services.error.person_other_unit' }],
    [{ ...base, signedOn: '2026-02-30' }, { signedOn: 'services.error.date_invalid' }],
  ];
  for (const [form, errors] of cases) test(`${JSON.stringify(form).slice(0, 70)} → ${JSON.stringify(errors)}`, () => assert.deepEqual(fieldErrors(() => parseMaklumat(form)), errors));
  test('the parsed maklumat: multi-line text, signer in lower case', () => {
    assert.deepEqual(parseMaklumat({ text: 'Dengan ini\r\nkami ', signerPersonId: U2_UPPER, signedOn: '2026-01-02' }), { text: 'Dengan ini\nkami', signerPersonId: U2, signedOn: '2026-01-02' });
  });
});

describe('SOP at its limits', () => {
  const base = { number: 'SOP/1', title: 'Berkas', ownerPersonId: U1 };
  const cases: [Record<string, string>, Record<string, string>][] = [
    [{ ...base, number: 'n'.repeat(100), title: 't'.repeat(300), activity: 'a'.repeat(500), effectiveOn: '2026-01-01' }, {}],
    [{ ...base, number: 'n'.repeat(101) }, { number: 'services.error.too_long' }],
    [{ ...base, title: '' }, { title: 'services.error.required' }],
    [{ ...base, title: 't'.repeat(301) }, { title: 'services.error.too_long' }],
    [{ ...base, activity: 'a'.repeat(501) }, { activity: 'services.error.too_long' }],
    [{ ...base, effectiveOn: '2026-02-30' }, { effectiveOn: 'services.error.date_invalid' }],
    [{ ...base, ownerPersonId: 'x' }, { ownerPersonId: 'services.error.person_other_unit' }],
    [{ ...base, serviceId: 'x' }, { serviceId: 'services.error.choice' }],
    [{ ...base, st_0_step: 's'.repeat(500), st_0_actor: 'a'.repeat(500), st_0_requirements: 'r'.repeat(500), st_0_time: 't'.repeat(500), st_0_output: 'o'.repeat(500) }, {}],
    [{ ...base, st_0_step: 's'.repeat(501) }, { st_0_step: 'services.error.too_long' }],
    [{ ...base, st_0_step: 's', st_0_actor: 'a'.repeat(501) }, { st_0_actor: 'services.error.too_long' }],
    [{ ...base, st_0_step: 's', st_0_requirements: 'r'.repeat(501) }, { st_0_requirements: 'services.error.too_long' }],
    [{ ...base, st_0_step: 's', st_0_time: 't'.repeat(501) }, { st_0_time: 'services.error.too_long' }],
    [{ ...base, st_2_step: 's', st_2_output: 'o'.repeat(501) }, { st_2_output: 'services.error.too_long' }],
  ];
  for (const [form, errors] of cases) test(`${JSON.stringify(form).slice(0, 70)} → ${JSON.stringify(errors)}`, () => assert.deepEqual(fieldErrors(() => parseSop(form)), errors));
  test('the parsed SOP: ids in lower case, multi-line steps with their fields, no effective date when blank', () => {
    assert.deepEqual(parseSop({
      number: ' SOP/2 ', title: 'Loket', ownerPersonId: U2_UPPER, serviceId: U2_UPPER, activity: 'Layanan\r\nloket', effectiveOn: '2026-03-01',
      st_0_step: 'Terima\r\nberkas', st_0_actor: 'Petugas\r\nloket', st_0_requirements: 'KTP\rKK', st_0_time: '5 menit', st_1_step: 'Periksa', st_1_output: 'Tanda\r\nterima',
    }), {
      number: 'SOP/2', title: 'Loket', effectiveOn: '2026-03-01', ownerPersonId: U2, activity: 'Layanan\nloket', serviceId: U2,
      steps: [
        { step: 'Terima\nberkas', actor: 'Petugas\nloket', requirements: 'KTP\nKK', time: '5 menit', output: null },
        { step: 'Periksa', actor: null, requirements: null, time: null, output: 'Tanda\nterima' },
      ],
    });
    const s = parseSop(base);
    assert.deepEqual([s.effectiveOn, s.activity, s.serviceId, s.steps], [null, null, null, []]);
  });
  const evals: [Record<string, string>, Record<string, string>][] = [
    [{ evaluatedOn: '2026-10-01', result: 'r'.repeat(2000), followUpNote: 'n'.repeat(2000) }, {}],
    [{ evaluatedOn: '2026-10-01', result: 'r'.repeat(2001) }, { result: 'services.error.too_long' }],
    [{ evaluatedOn: '2026-10-01', result: 'ok', followUpNote: 'n'.repeat(2001) }, { followUpNote: 'services.error.too_long' }],
    [{ evaluatedOn: '', result: '' }, { evaluatedOn: 'services.error.date_required', result: 'services.error.required' }],
    [{ evaluatedOn: '2026-13-01', result: 'ok' }, { evaluatedOn: 'services.error.date_invalid' }],
  ];
  for (const [form, errors] of evals) test(`evaluation ${JSON.stringify(form).slice(0, 60)} → ${JSON.stringify(errors)}`, () => assert.deepEqual(fieldErrors(() => parseSopEvaluation(form)), errors));
  test('the parsed evaluation: follow-up none by default, each of the three accepted', () => {
    assert.deepEqual(parseSopEvaluation({ evaluatedOn: '2026-10-01', result: 'Baik\r\nsekali' }), { evaluatedOn: '2026-10-01', result: 'Baik\nsekali', followUp: 'none', followUpNote: null });
    for (const f of ['none', 'proposal', 'revised']) assert.equal(parseSopEvaluation({ evaluatedOn: '2026-10-01', result: 'ok', followUp: ` ${f} ` }).followUp, f);
    assert.equal(parseSopEvaluation({ evaluatedOn: '2026-10-01', result: 'ok', followUpNote: ' Usulan\r\nrevisi ' }).followUpNote, 'Usulan\nrevisi');
  });
});
