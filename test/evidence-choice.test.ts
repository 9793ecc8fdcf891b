// The one way a module takes evidence for a record (evidence.choice.ts): what was posted becomes a
// choice (a file first, else a library file, else a link), a bad file or address is refused as the
// fragment's field error before anything is stored, and the choice is stored and linked — a library
// file of another unit is not found.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DomainError } from '../src/kernel/errors.ts';
import { attachEvidenceChoice, checkEvidenceChoice, evidenceChoiceOf, listEvidenceFor, uploadEvidence } from '../src/modules/evidence/index.ts';
import { countRows, createTestApp, type TestApp } from './helpers.ts';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const posted = (form: Record<string, string>, files: File[] = []) => ({ form, files: { file: files } });

describe('reading the posted choice', () => {
  test('a file wins over the library and the link; its title travels with it', async () => {
    const c = await evidenceChoiceOf(posted({ libraryFileId: 'x', url: 'https://a.example', evidenceTitle: ' Notulen ' }, [new File([PDF], 'n.pdf')]));
    assert.equal(c?.kind, 'file');
    assert.equal(c?.kind === 'file' && c.title, 'Notulen');
    assert.equal(c?.kind === 'file' && c.bytes.length, PDF.length);
  });
  test('then the library file, then the link (titled by its address when untitled), else nothing', async () => {
    assert.deepEqual(await evidenceChoiceOf(posted({ libraryFileId: ' abc ', url: 'https://a.example' })), { kind: 'library', fileId: 'abc' });
    assert.deepEqual(await evidenceChoiceOf(posted({ url: ' https://a.example/x ' })), { kind: 'url', url: 'https://a.example/x', title: 'https://a.example/x' });
    assert.equal(await evidenceChoiceOf(posted({ url: '  ', evidenceTitle: 'x' })), null);
  });
});

describe('checking before anything is stored', () => {
  const refusal = (f: () => void) => { try { f(); } catch (e) { assert.ok(e instanceof DomainError); return e; } assert.fail('not refused'); };
  test('a disguised file is refused at the file field, a bad address at the url field, a long title at the title field', () => {
    assert.deepEqual(refusal(() => checkEvidenceChoice({ kind: 'file', bytes: new TextEncoder().encode('MZ\x90\x00 not a pdf'), name: 'x.pdf' })).fieldErrors, { file: 'evidence.file.type' });
    assert.deepEqual(refusal(() => checkEvidenceChoice({ kind: 'url', url: 'javascript:alert(1)', title: 't' })).fieldErrors, { url: 'evidence.url.invalid' });
    assert.deepEqual(refusal(() => checkEvidenceChoice({ kind: 'file', bytes: PDF, name: 'x.pdf', title: 'x'.repeat(201) })).fieldErrors, { evidenceTitle: 'evidence.title.too_long' });
  });
  test('a good choice and no choice pass', () => {
    checkEvidenceChoice({ kind: 'file', bytes: PDF, name: 'x.pdf' });
    checkEvidenceChoice({ kind: 'url', url: 'https://a.example', title: 't' });
    checkEvidenceChoice(null);
  });
});

describe('storing the choice', () => {
  let t: TestApp;
  const units: Record<string, string> = {};
  const actor = { accountId: null, label: 'test' };
  before(async () => {
    t = await createTestApp({ seed: 'org' });
    for (const r of await t.database.query<{ id: string; code: string }>('select id, code from org_units')) units[r.code] = r.id;
  });
  after(async () => { await t.close(); });

  test('an upload, a library file and a link each end up linked to the record', async () => {
    const db = t.database.db;
    const target = { unitId: units.DPMPTSPKUKM, subjectType: 'test_record', subjectId: '11111111-1111-4111-8111-111111111111' };
    await attachEvidenceChoice(db, t.deps.files, actor, target, { kind: 'file', bytes: PDF, name: 'a.pdf', title: 'Notulen' });
    const other = await uploadEvidence(db, t.deps.files, actor, { unitId: units.DPMPTSPKUKM, bytes: new TextEncoder().encode('%PDF-1.4\nlain\n%%EOF\n'), originalName: 'b.pdf' });
    await attachEvidenceChoice(db, t.deps.files, actor, target, { kind: 'library', fileId: other.file.id });
    await attachEvidenceChoice(db, t.deps.files, actor, target, { kind: 'url', url: 'https://a.example/sk', title: 'SK' });
    const items = (await listEvidenceFor(db, 'test_record', target.subjectId)).get('') ?? [];
    assert.deepEqual(items.map((e) => e.title).sort(), ['Notulen', 'SK', other.file.title].sort());
  });

  test('a library file of another unit is not found and links nothing', async () => {
    const db = t.database.db;
    const theirs = await uploadEvidence(db, t.deps.files, actor, { unitId: units.DINKES, bytes: new TextEncoder().encode('%PDF-1.4\ndinkes\n%%EOF\n'), originalName: 'c.pdf' });
    const before = await countRows(t.database, 'evidence_links');
    await assert.rejects(attachEvidenceChoice(db, t.deps.files, actor, { unitId: units.DPMPTSPKUKM, subjectType: 'test_record', subjectId: '22222222-2222-4222-8222-222222222222' }, { kind: 'library', fileId: theirs.file.id }),
      (e) => e instanceof DomainError && e.kind === 'not_found');
    assert.equal(await countRows(t.database, 'evidence_links'), before);
  });
});
