// Evidence (data dukung): the unit library, uploads judged by content, deduplication, attaching to
// LKE items, downloads with safe headers, unit scoping (404 outside), refusals that change nothing,
// and the audit trail. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { verifyAudit } from '../src/kernel/audit.ts';
import { DomainError } from '../src/kernel/errors.ts';
import { FILE_KINDS, createFileStore, sha256Of } from '../src/kernel/files.ts';
import {
  attachFile, attachUrl, copyEvidenceLinks, countEvidenceFor, detachEvidence, findEvidenceFile, listEvidenceFor, listUnitFiles, uploadEvidence,
} from '../src/modules/evidence/index.ts';
import { Client, countRows, createTestApp, loggedIn, type TestApp } from './helpers.ts';

let t: TestApp;
const units: Record<string, string> = {};
const accounts: Record<string, string> = {};
let ketua: Client;

before(async () => {
  t = await createTestApp({ seed: 'org' });
  for (const r of await t.database.query<{ id: string; code: string }>('select id, code from org_units')) units[r.code] = r.id;
  for (const r of await t.database.query<{ id: string; username: string }>('select id, username from kernel_accounts')) accounts[r.username] = r.id;
  ketua = await loggedIn(t.app, 'ketua.zi');
});
after(async () => { await t.close(); });

const enc = new TextEncoder();
const pdf = (text: string) => enc.encode(`%PDF-1.7\n% ${text}\n1 0 obj << >> endobj\n%%EOF\n`);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const actorOf = (username: string) => ({ accountId: accounts[username], label: username });

function uploadForm(bytes: Uint8Array, name: string, fields: Record<string, string> = {}, type = 'application/octet-stream') {
  const fd = new FormData();
  fd.set('file', new File([bytes as BlobPart], name, { type }));
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}
const upload = (c: Client, bytes: Uint8Array, name: string, fields: Record<string, string> = {}, opts: { csrf?: boolean } = {}) =>
  c.postMultipart('/evidence', uploadForm(bytes, name, { unitId: units.DPMPTSPKUKM, ...fields }), opts);

/** Every file in the store (the temp folder of this test app). */
function storedFiles(): string[] {
  const dir = t.config.filesDir;
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
}

async function fileRow(title: string) {
  const [r] = await t.database.query<{ id: string; sha256: string; size: number; mime: string; original_name: string; unit_id: string; uploaded_by: string }>(
    'select id, sha256, size, mime, original_name, unit_id, uploaded_by from evidence_files where title = $1', [title]);
  assert.ok(r, `evidence file "${title}"`);
  return r;
}

async function snapshot() {
  return {
    files: await countRows(t.database, 'evidence_files'),
    links: await countRows(t.database, 'evidence_links'),
    audit: await countRows(t.database, 'kernel_audit_log'),
    stored: storedFiles().length,
  };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

async function domainError(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof DomainError, `expected a DomainError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the call to be refused');
}

describe('the unit library', () => {
  test('a ZI team member uploads a PDF; it is stored by content address outside the web root and listed', async () => {
    const page = await ketua.get('/evidence');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Pustaka data dukung/);
    assert.match(html, /enctype="multipart\/form-data"/);
    assert.match(html, /href="\/evidence"/, 'the nav shows the library');

    const bytes = pdf('SK Tim Kerja ZI');
    const res = await upload(ketua, bytes, 'C:\\Dokumen\\SK Tim ZI 2026.pdf');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `/evidence?unit=${units.DPMPTSPKUKM}`);
    const row = await fileRow('SK Tim ZI 2026');
    assert.equal(row.sha256, sha256Of(bytes));
    assert.equal(row.size, bytes.length);
    assert.equal(row.mime, 'application/pdf');
    assert.equal(row.original_name, 'SK Tim ZI 2026.pdf');
    assert.equal(row.unit_id, units.DPMPTSPKUKM);
    assert.equal(row.uploaded_by, accounts['ketua.zi']);
    const expectedPath = path.join(t.config.filesDir, row.sha256.slice(0, 2), row.sha256);
    assert.deepEqual(storedFiles(), [expectedPath]);
    assert.ok(!path.resolve(t.config.filesDir).startsWith(path.resolve('static')), 'the store is not under static/');

    const listed = await ketua.get(res.headers.get('location')!);
    const list = await listed.text();
    assert.match(list, /Berkas diunggah ke pustaka data dukung/);
    assert.match(list, /SK Tim ZI 2026/);
    assert.match(list, /0 butir/);
    assert.match(list, new RegExp(`href="/evidence/files/${row.id}"`));
    assert.match(list, new RegExp(`${bytes.length} B`));
  });

  test('the download has the stored type, an attachment name in UTF-8, nosniff and no caching', async () => {
    const bytes = pdf('Notulen');
    assert.equal((await upload(ketua, bytes, 'Notulen — Rapat "ZI".pdf', { title: 'Notulen rapat' })).status, 303);
    const row = await fileRow('Notulen rapat');
    const res = await ketua.get(`/evidence/files/${row.id}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(res.headers.get('content-disposition'),
      `attachment; filename="Notulen _ Rapat _ZI_.pdf"; filename*=UTF-8''Notulen%20%E2%80%94%20Rapat%20%22ZI%22.pdf`);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
    assert.deepEqual(new Uint8Array(await res.arrayBuffer()), bytes);
  });

  test('a PNG named .pdf is kept as a PNG and downloads as one', async () => {
    assert.equal((await upload(ketua, PNG, 'foto kegiatan.pdf', { title: 'Foto kegiatan' })).status, 303);
    const row = await fileRow('Foto kegiatan');
    assert.equal(row.mime, 'image/png');
    assert.equal(row.original_name, 'foto kegiatan.png');
    const res = await ketua.get(`/evidence/files/${row.id}`);
    assert.equal(res.headers.get('content-type'), 'image/png');
    assert.match(res.headers.get('content-disposition')!, /filename\*=UTF-8''foto%20kegiatan\.png$/);
  });

  test('the same bytes uploaded again reuse the file row and the stored file', async () => {
    const before = await snapshot();
    const res = await upload(ketua, pdf('SK Tim Kerja ZI'), 'salinan SK.pdf', { title: 'Salinan' });
    assert.equal(res.status, 303);
    assert.match(await (await ketua.get(res.headers.get('location')!)).text(), /sudah ada di pustaka/);
    const after = await snapshot();
    assert.equal(after.files, before.files, 'a second row for the same bytes');
    assert.equal(after.stored, before.stored);
    assert.equal(after.audit, before.audit, 'nothing changed, nothing audited');
    // another unit uploading the same bytes gets its own row (units never share rows), one stored file
    const admin = await loggedIn(t.app, 'admin');
    assert.equal((await upload(admin, pdf('SK Tim Kerja ZI'), 'sk.pdf', { unitId: units.BPKPD, title: 'SK BPKPD' })).status, 303);
    assert.equal((await fileRow('SK BPKPD')).unit_id, units.BPKPD);
    assert.equal(await countRows(t.database, 'evidence_files'), before.files + 1);
    assert.equal(storedFiles().length, before.stored);
  });

  test('the library is searchable, sortable and scoped to units within reach', async () => {
    const search = await (await ketua.get('/evidence?q=notulen')).text();
    assert.match(search, /Notulen rapat/);
    assert.doesNotMatch(search, /SK Tim ZI 2026/);
    const sorted = await (await ketua.get('/evidence?sort=size&dir=desc')).text();
    assert.match(sorted, /aria-sort="descending"/);
    // ketua asks for BPKPD's library: it is not theirs, so their own unit is shown
    const other = await (await ketua.get(`/evidence?unit=${units.BPKPD}`)).text();
    assert.doesNotMatch(other, /SK BPKPD/);
    assert.match(other, /SK Tim ZI 2026/);
    const admin = await loggedIn(t.app, 'admin');
    const bp = await (await admin.get(`/evidence?unit=${units.BPKPD}`)).text();
    assert.match(bp, /SK BPKPD/);
    assert.doesNotMatch(bp, /SK Tim ZI 2026/);
    const paged = await listUnitFiles(t.database.db, units.DPMPTSPKUKM, { pageSize: 2, page: 2, sort: 'title' });
    assert.equal(paged.total, 3);
    assert.deepEqual(paged.rows.map((r) => r.title), ['SK Tim ZI 2026']);
  });
});

describe('attaching evidence to LKE items', () => {
  const worksheet = randomUUID();
  const item = (subjectKey: string, subjectId = worksheet) => ({ subjectType: 'lke_item', subjectId, subjectKey });

  test('one file supports two items; a second link to the same item is refused', async () => {
    const sk = await fileRow('SK Tim ZI 2026');
    const unitId = units.DPMPTSPKUKM;
    await attachFile(t.database.db, actorOf('ketua.zi'), { unitId, fileId: sk.id, ...item('A.I.1.i.a') });
    await attachFile(t.database.db, actorOf('ketua.zi'), { unitId, fileId: sk.id, ...item('A.II.1.i.a') });
    const before = await snapshot();
    const dup = await domainError(attachFile(t.database.db, actorOf('ketua.zi'), { unitId, fileId: sk.id, ...item('A.I.1.i.a') }));
    assert.equal(dup.kind, 'conflict');
    assert.equal(dup.code, 'evidence.link.duplicate');
    assert.deepEqual(await snapshot(), before);

    // an upload can attach at once, and with a signed-in actor ({ accountId, username })
    const res = await uploadEvidence(t.database.db, t.deps.files, { accountId: accounts['sekretaris.zi'], username: 'sekretaris.zi' }, {
      unitId, bytes: pdf('Rencana kerja'), originalName: 'Rencana Kerja ZI.pdf', attachTo: item('A.I.2.i.a'),
    });
    assert.equal(res.reused, false);
    assert.equal(res.file.title, 'Rencana Kerja ZI');
    assert.equal(res.link?.subjectKey, 'A.I.2.i.a');

    const link = await attachUrl(t.database.db, actorOf('ketua.zi'), { unitId, url: 'https://dpmptsp.bangka.go.id/zi/maklumat', title: 'Maklumat pelayanan', ...item('A.I.1.i.a') });
    assert.equal(link.url, 'https://dpmptsp.bangka.go.id/zi/maklumat');

    const map = await listEvidenceFor(t.database.db, 'lke_item', worksheet);
    assert.deepEqual([...map.keys()].sort(), ['A.I.1.i.a', 'A.I.2.i.a', 'A.II.1.i.a']);
    const first = map.get('A.I.1.i.a')!;
    assert.equal(first.length, 2);
    assert.deepEqual(first.map((e) => e.kind), ['file', 'url']);
    assert.equal(first[0].fileId, sk.id);
    assert.equal(first[0].title, 'SK Tim ZI 2026');
    assert.equal(first[0].mime, 'application/pdf');
    assert.equal(first[0].uploaderName !== null, true);
    assert.equal(first[1].title, 'Maklumat pelayanan');
    assert.equal(first[1].url, 'https://dpmptsp.bangka.go.id/zi/maklumat');
    const counts = await countEvidenceFor(t.database.db, 'lke_item', worksheet);
    assert.deepEqual(Object.fromEntries(counts), { 'A.I.1.i.a': 2, 'A.I.2.i.a': 1, 'A.II.1.i.a': 1 });

    const lib = await (await ketua.get('/evidence?q=SK+Tim')).text();
    assert.match(lib, /2 butir/, 'the library says how many items use the file');
  });

  test('bad links and titles are refused with i18n codes and change nothing', async () => {
    const before = await snapshot();
    const unitId = units.DPMPTSPKUKM;
    const cases: [string, string, string][] = [
      ['javascript:alert(1)', 'x', 'evidence.url.invalid'],
      ['ftp://bangka.go.id/a', 'x', 'evidence.url.invalid'],
      [`https://bangka.go.id/${'a'.repeat(2001)}`, 'x', 'evidence.url.too_long'],
      ['https://bangka.go.id/', '   ', 'evidence.title.required'],
      ['https://bangka.go.id/', 'x'.repeat(201), 'evidence.title.too_long'],
    ];
    for (const [url, title, code] of cases) {
      const err = await domainError(attachUrl(t.database.db, actorOf('ketua.zi'), { unitId, url, title, ...item('A.I.1.i.a') }));
      assert.equal(err.code, code, url);
      assert.ok(t.i18n.has(code, 'id') && t.i18n.has(code, 'en'), code);
    }
    const subject = await domainError(attachUrl(t.database.db, actorOf('ketua.zi'), { unitId, url: 'https://bangka.go.id/', title: 'x', subjectType: 'lke_item', subjectId: 'not-a-uuid', subjectKey: 'A' }));
    assert.equal(subject.code, 'evidence.subject.invalid');
    assert.deepEqual(await snapshot(), before);
  });

  test('a forged file id or link id from another unit is not found and changes nothing', async () => {
    const bpkpdFile = await fileRow('SK BPKPD');
    const before = await snapshot();
    const err = await domainError(attachFile(t.database.db, actorOf('ketua.zi'), { unitId: units.DPMPTSPKUKM, fileId: bpkpdFile.id, ...item('A.I.3.i.a') }));
    assert.equal(err.kind, 'not_found');
    const unknown = await domainError(attachFile(t.database.db, actorOf('ketua.zi'), { unitId: units.DPMPTSPKUKM, fileId: randomUUID(), ...item('A.I.3.i.a') }));
    assert.equal(unknown.kind, 'not_found');
    const [link] = await t.database.query<{ id: string }>('select id from evidence_links where unit_id = $1 limit 1', [units.DPMPTSPKUKM]);
    const detach = await domainError(detachEvidence(t.database.db, actorOf('admin'), { unitId: units.BPKPD, linkId: link.id }));
    assert.equal(detach.kind, 'not_found');
    assert.deepEqual(await snapshot(), before);
  });

  test('a link is detached; the file stays in the library', async () => {
    const [link] = await t.database.query<{ id: string }>(`select id from evidence_links where subject_key = 'A.II.1.i.a' and subject_id = $1`, [worksheet]);
    const files = await countRows(t.database, 'evidence_files');
    const removed = await detachEvidence(t.database.db, actorOf('ketua.zi'), { unitId: units.DPMPTSPKUKM, linkId: link.id });
    assert.equal(removed.id, link.id);
    assert.equal((await countEvidenceFor(t.database.db, 'lke_item', worksheet)).get('A.II.1.i.a'), undefined);
    assert.equal(await countRows(t.database, 'evidence_files'), files);
  });

  test('links are copied to a cloned worksheet, renamed or dropped by the key map, inside the caller\'s transaction', async () => {
    const clone = randomUUID();
    const keyMap = (k: string) => (k === 'A.I.2.i.a' ? null : k === 'A.I.1.i.a' ? 'A.I.1.i.b' : k);
    // the caller's transaction rolls back: nothing is copied
    await assert.rejects(t.database.db.transaction(async (tx) => {
      const n = await copyEvidenceLinks(tx, actorOf('ketua.zi'), { unitId: units.DPMPTSPKUKM, subjectType: 'lke_item', fromSubjectId: worksheet, toSubjectId: clone, keyMap });
      assert.equal(n, 2);
      throw new Error('clone failed');
    }), /clone failed/);
    assert.equal((await countEvidenceFor(t.database.db, 'lke_item', clone)).size, 0);

    const n = await t.database.db.transaction((tx) => copyEvidenceLinks(tx, actorOf('ketua.zi'), { unitId: units.DPMPTSPKUKM, subjectType: 'lke_item', fromSubjectId: worksheet, toSubjectId: clone, keyMap }));
    assert.equal(n, 2);
    const copied = await listEvidenceFor(t.database.db, 'lke_item', clone);
    assert.deepEqual([...copied.keys()], ['A.I.1.i.b']);
    assert.deepEqual(copied.get('A.I.1.i.b')!.map((e) => e.kind), ['file', 'url']);
    assert.equal(await copyEvidenceLinks(t.database.db, actorOf('ketua.zi'), { unitId: units.DPMPTSPKUKM, subjectType: 'lke_item', fromSubjectId: worksheet, toSubjectId: clone, keyMap }), 0, 'links already there are not copied twice');
    // another unit's copy sees none of this unit's links
    assert.equal(await copyEvidenceLinks(t.database.db, actorOf('admin'), { unitId: units.BPKPD, subjectType: 'lke_item', fromSubjectId: worksheet, toSubjectId: randomUUID() }), 0);
  });
});

describe('refused uploads change nothing', () => {
  test('an oversized file gets a clear Indonesian message; no row, no stored file', async () => {
    const before = await snapshot();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(enc.encode('%PDF-1.7\n'));
    const res = await upload(ketua, big, 'besar.pdf');
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /Berkas terlalu besar\. Ukuran maksimal 10 MB per berkas\./);
    assert.match(html, /class="error-summary"/);
    assert.deepEqual(await snapshot(), before);
    // beyond the request body limit the pipeline refuses it before the route
    const huge = new Uint8Array(13 * 1024 * 1024);
    huge.set(enc.encode('%PDF-1.7\n'));
    const res2 = await upload(ketua, huge, 'sangat-besar.pdf');
    assert.ok(res2.status === 400 || res2.status === 413, String(res2.status));
    assert.match(await res2.text(), /terlalu besar/);
    assert.deepEqual(await snapshot(), before);
  });

  test('a wrong type names the accepted types; HTML claiming to be a PDF is refused', async () => {
    const before = await snapshot();
    const html = enc.encode('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
    const res = await ketua.postMultipart('/evidence', uploadForm(html, 'laporan.pdf', { unitId: units.DPMPTSPKUKM }, 'application/pdf'));
    assert.equal(res.status, 400);
    const text = await res.text();
    assert.match(text, /Jenis berkas tidak diterima\. Yang diterima: PDF, PNG, JPG, GIF, WEBP, DOCX, XLSX, PPTX/);
    assert.doesNotMatch(text, /<script>alert\(1\)/);
    const exe = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);
    assert.equal((await upload(ketua, exe, 'sk.docx')).status, 400);
    const empty = await upload(ketua, new Uint8Array(0), 'kosong.pdf');
    assert.equal(empty.status, 400);
    assert.match(await empty.text(), /Berkas kosong/);
    const fd = new FormData();
    fd.set('unitId', units.DPMPTSPKUKM);
    const none = await ketua.postMultipart('/evidence', fd);
    assert.equal(none.status, 400);
    assert.match(await none.text(), /Pilih berkas yang akan diunggah/);
    const longTitle = await upload(ketua, pdf('judul'), 'judul.pdf', { title: 'x'.repeat(201) });
    assert.equal(longTitle.status, 400);
    assert.match(await longTitle.text(), /Judul maksimal 200 karakter/);
    assert.deepEqual(await snapshot(), before);
  });

  test('the English UI gives the same refusal in English', async () => {
    const c = await loggedIn(t.app, 'sekretaris.zi');
    await c.post('/lang', { locale: 'en', back: '/' });
    const res = await upload(c, enc.encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.png');
    assert.equal(res.status, 400);
    assert.match(await res.text(), /This type of file is not accepted/);
  });

  test('without the CSRF token the upload is refused with 403', async () => {
    const before = await snapshot();
    const res = await upload(ketua, pdf('tanpa token'), 'x.pdf', {}, { csrf: false });
    assert.equal(res.status, 403);
    assert.deepEqual(await snapshot(), before);
  });

  test('uploading into a unit outside one\'s remit is not found', async () => {
    const before = await snapshot();
    const res = await upload(ketua, pdf('unit lain'), 'x.pdf', { unitId: units.BPKPD });
    assert.equal(res.status, 404);
    assert.equal((await upload(ketua, pdf('unit lain'), 'x.pdf', { unitId: 'bukan-uuid' })).status, 404);
    assert.deepEqual(await snapshot(), before);
  });
});

describe('who may see and change evidence', () => {
  test('an employee may view and download but not upload', async () => {
    const pegawai = await loggedIn(t.app, 'pegawai');
    const page = await pegawai.get('/evidence');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /SK Tim ZI 2026/);
    assert.doesNotMatch(html, /enctype="multipart\/form-data"/, 'no upload form for an employee');
    const sk = await fileRow('SK Tim ZI 2026');
    assert.equal((await pegawai.get(`/evidence/files/${sk.id}`)).status, 200);
    const before = await snapshot();
    assert.equal((await upload(pegawai, pdf('pegawai'), 'p.pdf')).status, 403);
    assert.deepEqual(await snapshot(), before);
  });

  test('a TPI evaluator downloads files of assigned units only; others get 404 with nothing leaked', async () => {
    const sk = await fileRow('SK Tim ZI 2026');
    const bp = await fileRow('SK BPKPD');
    const tpi = await loggedIn(t.app, 'tpi'); // DPMPTSP-KUKM and Disdukcapil
    assert.equal((await tpi.get(`/evidence/files/${sk.id}`)).status, 200);
    const res = await tpi.get(`/evidence/files/${bp.id}`);
    assert.equal(res.status, 404);
    const body = await res.text();
    assert.doesNotMatch(body, /SK BPKPD|sk\.pdf/);
    assert.equal((await upload(tpi, pdf('tpi'), 't.pdf')).status, 403, 'TPI evaluators do not upload for the unit');

    const dukcapil = await loggedIn(t.app, 'pegawai.dukcapil');
    assert.equal((await dukcapil.get(`/evidence/files/${sk.id}`)).status, 404);
    assert.doesNotMatch(await (await dukcapil.get('/evidence')).text(), /SK Tim ZI 2026/);

    const bupati = await loggedIn(t.app, 'bupati');
    assert.equal((await bupati.get(`/evidence/files/${bp.id}`)).status, 200);
    assert.equal((await upload(bupati, pdf('bupati'), 'b.pdf')).status, 403);

    assert.equal(await findEvidenceFile(t.database.db, { all: false, unitIds: [units.DISDUKCAPIL] }, sk.id), undefined);
    assert.equal((await findEvidenceFile(t.database.db, { all: true }, sk.id))?.id, sk.id);
  });

  test('an anonymous visitor is sent to sign in; a malformed id is 404', async () => {
    const sk = await fileRow('SK Tim ZI 2026');
    const anon = new Client(t.app);
    const res = await anon.get(`/evidence/files/${sk.id}`);
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location')!, /^\/login\?next=/);
    assert.equal((await ketua.get('/evidence/files/not-a-file')).status, 404);
    assert.equal((await ketua.get(`/evidence/files/${randomUUID()}`)).status, 404);
  });

  test('a file whose content is missing from the store is a 404 with its own message', async () => {
    const row = await uploadEvidence(t.database.db, t.deps.files, actorOf('ketua.zi'), { unitId: units.DPMPTSPKUKM, bytes: pdf('hilang'), originalName: 'hilang.pdf' });
    await rm(path.join(t.config.filesDir, row.file.sha256.slice(0, 2), row.file.sha256));
    const res = await ketua.get(`/evidence/files/${row.file.id}`);
    assert.equal(res.status, 404);
    assert.match(await res.text(), new RegExp(escapeHtml('Isi berkas tidak ditemukan di penyimpanan')));
  });
});

describe('audit', () => {
  test('uploads, links, removals and copies are in the audit log, and the chain verifies', async () => {
    const rows = await t.database.query<{ action: string; n: number }>(`select action, count(*)::int as n from kernel_audit_log where action like 'evidence.%' group by action`);
    const by = Object.fromEntries(rows.map((r) => [r.action, Number(r.n)]));
    assert.ok(by['evidence.file.uploaded'] >= 6, JSON.stringify(by));
    assert.ok(by['evidence.link.added'] >= 4, JSON.stringify(by));
    assert.equal(by['evidence.link.removed'], 1);
    assert.equal(by['evidence.links.copied'], 1, 'the rolled-back copy left no entry');
    const [up] = await t.database.query<{ actor_label: string; unit_id: string; data: { name: string; mime: string } }>(
      `select actor_label, unit_id, data from kernel_audit_log where action = 'evidence.file.uploaded' order by seq limit 1`);
    assert.equal(up.actor_label, 'ketua.zi');
    assert.equal(up.unit_id, units.DPMPTSPKUKM);
    assert.equal(up.data.mime, 'application/pdf');
    assert.equal((await verifyAudit(t.database.db)).ok, true);
  });
});

describe('messages', () => {
  test('keys built at run time and the nav label exist in both languages', async () => {
    const { evidenceNav } = await import('../src/modules/evidence/index.ts');
    const keys = [...FILE_KINDS.map((k) => `evidence.kind.${k.kind}`), ...evidenceNav.map((n) => n.labelKey), 'evidence.size.b', 'evidence.size.kb', 'evidence.size.mb'];
    for (const k of keys) assert.ok(t.i18n.has(k, 'id') && t.i18n.has(k, 'en'), k);
  });
});

describe('file store', () => {
  test('content-addressed, idempotent, and refuses malformed addresses', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'itg-store-'));
    try {
      const store = createFileStore(path.join(dir, 'files'));
      const bytes = enc.encode('isi berkas');
      const a = await store.put(bytes);
      assert.equal(a.sha256, sha256Of(bytes));
      assert.equal(a.size, bytes.length);
      const again = await store.put(bytes);
      assert.deepEqual(again, a);
      assert.deepEqual(await readdir(path.join(dir, 'files', a.sha256.slice(0, 2))), [a.sha256], 'one file, no temp files left');
      assert.deepEqual(new Uint8Array(await store.read(a.sha256)), bytes);
      assert.equal(await store.has(a.sha256), true);
      assert.equal(await store.has('0'.repeat(64)), false);
      for (const bad of ['../../etc/passwd', `${a.sha256.slice(0, 63)}/`, a.sha256.toUpperCase(), '']) {
        assert.equal(await store.has(bad), false, bad);
        await assert.rejects(store.read(bad), /malformed sha256/, bad);
      }
      await assert.rejects(store.read('1'.repeat(64)), /ENOENT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
