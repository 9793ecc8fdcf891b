// Pure rules of the services module, table by table: the component data, service input, standard
// publishing, the per-component diff, consultations, reviews, maklumat and SOP input.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DomainError } from '../../kernel/errors.ts';
import {
  COMPONENTS, COMPONENT_KEYS, DELIVERY_KEYS, GROUPS, diffComponents, diffLines, isIsoDate, missingComponents, parseComponents, parseConsultation,
  parseMaklumat, parsePublish, parseReview, parseService, parseSop, parseSopEvaluation,
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
