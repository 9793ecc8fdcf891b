// Error states of the main forms, rendered in-process: every error of the summary links to a control
// that exists (the first control of its question), in the order of the form; every field error has
// an id that its control names in aria-describedby, and the control is aria-invalid; every error of
// the summary is also shown beside its field. Every <form> of the app disables the browser's own
// validation (novalidate), and every wide table is in the shared scroll region.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Client, createTestApp, loggedIn, type TestApp } from './helpers.ts';

interface El { tag: string; attrs: Record<string, string>; at: number }

/** Every start tag of the page with its attributes (enough for checking ids and ARIA). */
function elements(html: string): El[] {
  const out: El[] = [];
  for (const m of html.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/g)) {
    const attrs: Record<string, string> = {};
    for (const a of m[2]!.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?/g)) attrs[a[1]!] = a[2] ?? '';
    out.push({ tag: m[1]!, attrs, at: m.index! });
  }
  return out;
}

/** What an error state must satisfy; returns the summary's targets for further checks. */
function assertLinkedErrors(html: string, what: string): string[] {
  const summary = /<div class="error-summary"[\s\S]*?<\/ul>/.exec(html);
  assert.ok(summary, `${what}: an error summary`);
  const items = [...summary[0].matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
  assert.ok(items.length > 0, `${what}: errors listed`);
  const els = elements(html);
  const byId = new Map(els.filter((e) => e.attrs.id).map((e) => [e.attrs.id!, e]));
  // ids are unique
  const ids = els.map((e) => e.attrs.id).filter(Boolean);
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], `${what}: duplicate ids`);
  const targets: string[] = [];
  for (const item of items) {
    const href = /^<a href="#([^"]+)">/.exec(item)?.[1];
    assert.ok(href, `${what}: "${item}" links to its field`);
    const el = byId.get(href);
    assert.ok(el, `${what}: #${href} exists`);
    assert.ok(['input', 'select', 'textarea'].includes(el.tag) && el.attrs.type !== 'hidden', `${what}: #${href} is a control (${el.tag})`);
    assert.equal(el.attrs['aria-invalid'], 'true', `${what}: #${href} is aria-invalid`);
    targets.push(href);
  }
  // in the order of the form
  const positions = targets.map((id) => byId.get(id)!.at);
  assert.deepEqual(positions, [...positions].sort((a, b) => a - b), `${what}: summary in form order (${targets.join(', ')})`);
  // every field error has an id named by its control (or the control's group) and is one of the summary's
  const errorIds = els.filter((e) => e.tag === 'div' && e.attrs.class === 'field__error').map((e) => e.attrs.id);
  assert.equal(errorIds.length, targets.length, `${what}: each error in the summary is shown beside its field`);
  for (const id of errorIds) {
    assert.ok(id, `${what}: a field error without id`);
    const describers = els.filter((e) => (e.attrs['aria-describedby'] ?? '').split(' ').includes(id));
    assert.ok(describers.length > 0, `${what}: ${id} is named by aria-describedby`);
  }
  for (const href of targets) {
    const el = byId.get(href)!;
    const stem = href.replace(/^f-/, '').replace(/-\d+$/, '');
    const own = (el.attrs['aria-describedby'] ?? '').split(' ');
    // a radio or checkbox group carries the description on its fieldset
    const group = els.filter((e) => e.tag === 'fieldset' && e.at < el.at).pop();
    const groupIds = (group?.attrs['aria-describedby'] ?? '').split(' ');
    assert.ok(own.includes(`e-${stem}`) || groupIds.includes(`e-${stem}`), `${what}: #${href} described by e-${stem}`);
  }
  return targets;
}

describe('error states of the main forms: every error linked to its field', () => {
  let t: TestApp;
  before(async () => { t = await createTestApp({ seed: 'org' }); });
  after(async () => { await t.close(); });

  test('complaints: the public form (description textarea, attachment file field)', async () => {
    const anon = new Client(t.app);
    await anon.get('/pengaduan');
    const fd = new FormData();
    for (const [k, v] of Object.entries({ unitId: '', category: '', subject: '', description: '', location: '', eventDate: 'kemarin' })) fd.set(k, v);
    fd.set('attachment', new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 1, 2, 3])], 'virus.exe'));
    const res = await anon.postMultipart('/pengaduan', fd);
    assert.equal(res.status, 400);
    const targets = assertLinkedErrors(await res.text(), 'complaint form');
    assert.ok(targets.includes('f-description'), targets.join());
  });

  test('COI: the declaration form (the conflict question as a radio group, the signature checkbox)', async () => {
    const c = await loggedIn(t.app, 'pegawai');
    await c.get('/konflik-kepentingan/deklarasi/baru');
    const res = await c.post('/konflik-kepentingan/deklarasi', { kind: 'adhoc', declaredOn: '', decisionKind: '', reference: '', roleInDecision: '' });
    assert.equal(res.status, 400);
    const targets = assertLinkedErrors(await res.text(), 'COI declaration');
    assert.ok(targets.includes('f-hasConflict'), targets.join());
    assert.ok(targets.includes('f-agree'), targets.join());
  });

  test('WBS: the anonymous report form', async () => {
    const anon = new Client(t.app);
    await anon.get('/wbs/lapor');
    const fd = new FormData();
    for (const [k, v] of Object.entries({ what: '', who: '', when: '', where: '' })) fd.set(k, v);
    const res = await anon.postMultipart('/wbs/lapor', fd);
    assert.equal(res.status, 400);
    assertLinkedErrors(await res.text(), 'WBS form');
  });

  test('work plan: an activity (months as a checkbox group)', async () => {
    const c = await loggedIn(t.app, 'ketua.zi');
    await c.get('/rencana-kerja');
    const made = await c.post('/rencana-kerja', { year: String(new Date().getFullYear()), template: 'empty' });
    assert.equal(made.status, 303, await made.text());
    const planId = /\/rencana-kerja\/([0-9a-f-]{36})/.exec(made.headers.get('location') ?? '')?.[1];
    assert.ok(planId, 'a new plan');
    await c.get(`/rencana-kerja/${planId}/kegiatan/baru`);
    const res = await c.post(`/rencana-kerja/${planId}/kegiatan`, { area: '', title: '', lke: 'Z.9.9' });
    assert.equal(res.status, 400);
    const targets = assertLinkedErrors(await res.text(), 'activity form');
    assert.ok(targets.includes('f-months'), targets.join());
  });

  test('gratification: the report form', async () => {
    const c = await loggedIn(t.app, 'pegawai');
    await c.get('/gratifikasi/lapor');
    const res = await c.post('/gratifikasi/lapor', { receivedOn: '', giverName: '', relationship: '', occasion: '', itemKind: '', valueRp: 'banyak', place: '', whereNow: '' });
    assert.equal(res.status, 400);
    assertLinkedErrors(await res.text(), 'gratification report');
  });

  // forms that once left their required fields to the browser: with novalidate the server refuses
  // each empty field beside it (a file input left empty is posted as a nameless, empty file)
  test('calendar: the deadline calculator submitted empty', async () => {
    const c = await loggedIn(t.app, 'pegawai');
    const res = await c.get(`/kalender?tahun=${new Date().getFullYear()}&mulai=&hari=`);
    const targets = assertLinkedErrors(await res.text(), 'calendar calculator');
    assert.deepEqual(targets, ['f-mulai', 'f-hari']);
    // the page without the calculator's fields (a year tab) has no errors
    assert.doesNotMatch(await (await c.get(`/kalender?tahun=${new Date().getFullYear()}`)).text(), /error-summary/);
  });

  test('LKE: each evidence form of an item refused empty beside its own field; an import without a file', async () => {
    const c = await loggedIn(t.app, 'ketua.zi');
    const [unit] = await t.database.query<{ id: string }>("select id from org_units where code = 'DPMPTSPKUKM'");
    await c.get('/lke/new');
    const made = await c.post('/lke', { unit: unit!.id, year: String(new Date().getFullYear()), ruleset: 'permenpanrb-90-2021', clone: '' });
    assert.equal(made.status, 303, await made.text());
    const w = /\/lke\/([0-9a-f-]{36})/.exec(made.headers.get('location') ?? '')?.[1];
    assert.ok(w, 'a new worksheet');
    const evidence = `/lke/${w}/items/A.I.1.i.a/evidence`;
    await c.get(`/lke/${w}/items/A.I.1.i.a`);
    // the upload form, no file chosen
    const none = new FormData();
    none.set('file', new File([], ''));
    none.set('title', '');
    let res = await c.postMultipart(evidence, none);
    assert.equal(res.status, 400);
    let html = await res.text();
    assert.deepEqual(assertLinkedErrors(html, 'LKE evidence upload'), ['f-file']);
    assert.match(html, /Pilih berkas yang akan diunggah/);
    // the link form, both fields empty
    res = await c.post(evidence, { url: '', linkTitle: '' });
    assert.equal(res.status, 400);
    html = await res.text();
    assert.deepEqual(assertLinkedErrors(html, 'LKE evidence link'), ['f-url', 'f-linkTitle']);
    assert.match(html, /Isi alamat tautan data dukung/);
    assert.match(html, /Judul wajib diisi/);
    // a link without its title keeps the typed address
    res = await c.post(evidence, { url: 'https://contoh.go.id/sk', linkTitle: ' ' });
    assert.equal(res.status, 400);
    html = await res.text();
    assert.deepEqual(assertLinkedErrors(html, 'LKE evidence link title'), ['f-linkTitle']);
    assert.match(html, /value="https:\/\/contoh\.go\.id\/sk"/);
    // the library form (shown once the unit has a file), nothing chosen
    const pdf = new FormData();
    pdf.set('title', 'SK Tim');
    pdf.set('file', new File([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')], 'sk.pdf', { type: 'application/pdf' }));
    assert.equal((await c.postMultipart(evidence, pdf)).status, 303);
    await c.get(`/lke/${w}/items/A.I.1.i.b`);
    res = await c.post(`/lke/${w}/items/A.I.1.i.b/evidence`, { fileId: '' });
    assert.equal(res.status, 400);
    html = await res.text();
    assert.deepEqual(assertLinkedErrors(html, 'LKE evidence from the library'), ['f-fileId']);
    assert.match(html, /Pilih berkas dari pustaka unit/);
    // the XLSX import, no file chosen
    await c.get(`/lke/${w}/import`);
    const noXlsx = new FormData();
    noXlsx.set('file', new File([], ''));
    res = await c.postMultipart(`/lke/${w}/import`, noXlsx);
    assert.equal(res.status, 400);
    assert.match(await res.text(), /Pilih berkas XLSX/);
  });

  test('surveys: a CSV import without a file', async () => {
    const c = await loggedIn(t.app, 'ketua.zi');
    const [unit] = await t.database.query<{ id: string }>("select id from org_units where code = 'DPMPTSPKUKM'");
    await c.get(`/survei?unit=${unit!.id}`);
    const made = await c.post('/survei', { unit: unit!.id, kind: 'skm', year: String(new Date().getFullYear() + 1), periodType: 'year', n: '1' });
    assert.equal(made.status, 303, await made.text());
    const period = made.headers.get('location')!.split('/').pop()!;
    await c.get(`/survei/${period}/impor`);
    const none = new FormData();
    none.set('file', new File([], ''));
    const res = await c.postMultipart(`/survei/${period}/impor`, none);
    assert.equal(res.status, 400);
    assert.match(await res.text(), /Pilih berkas CSV/);
  });

  test('an oversized value is echoed back capped at the field maxlength (a 2 MB subject is not a 2 MB page)', async () => {
    const anon = new Client(t.app);
    await anon.get('/pengaduan');
    const fd = new FormData();
    fd.set('subject', 's'.repeat(2 * 1024 * 1024));
    fd.set('description', 'd'.repeat(2 * 1024 * 1024));
    const res = await anon.postMultipart('/pengaduan', fd);
    const html = await res.text();
    assert.ok(res.status === 400 || res.status === 413, String(res.status));
    assert.ok(html.length < 100_000, `page of ${html.length} characters`);
    if (res.status === 400) {
      assert.match(html, /value="s{200}"/);
      assert.doesNotMatch(html, /s{201}/);
      assert.match(html, />d{5000}<\/textarea>/);
    }
  });
});

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sources(full));
    else if (name.endsWith('.tsx') && !name.endsWith('.test.tsx')) out.push(full);
  }
  return out;
}

describe('every form and every wide table the same way', () => {
  const root = path.resolve(import.meta.dirname, '..', 'src');
  const files = sources(root);

  test('every <form> disables the browser validation (novalidate; the shared Form component does it)', () => {
    const missing: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/<form(?=[\s>])/g)) {
        // the opening tag, up to the first ">" outside braces
        let depth = 0; let i = m.index! + 5;
        for (; i < text.length; i++) {
          const ch = text[i];
          if (ch === '{') depth++;
          else if (ch === '}') depth--;
          else if (ch === '>' && depth === 0) break;
        }
        if (!/\bnovalidate\b/.test(text.slice(m.index!, i))) missing.push(`${path.relative(root, f)}:${text.slice(0, m.index!).split('\n').length}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  test('every wide table is in the shared scroll region (ScrollRegion: focusable, labelled), not a bare .table-wrap', () => {
    const bare: string[] = [];
    for (const f of files) {
      if (f.includes(`${path.sep}kernel${path.sep}ui${path.sep}`)) continue;
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/class="table-wrap/g)) bare.push(`${path.relative(root, f)}:${text.slice(0, m.index!).split('\n').length}`);
    }
    assert.deepEqual(bare, []);
  });
});
