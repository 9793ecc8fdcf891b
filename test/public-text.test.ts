// Control characters and invalid UTF-8 on the public forms that are not surveys (those are in
// survey-public.test.ts): the complaint form and the anonymous WBS form refuse them with the shared
// field error of kernel/text.ts — beside the field, 400, nothing stored — instead of a 500 or a
// silently altered value. Invalid UTF-8 is sent as raw bytes in a url-encoded body, as a broken
// client would.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { currentYear } from '../src/kernel/workdays.ts';
import { Client, countRows, createTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
let unitId = '';
before(async () => {
  t = await createTestApp({ seed: 'org' });
  unitId = (await t.database.query<{ id: string }>(`select id from org_units where code = 'DPMPTSPKUKM'`))[0]!.id;
});
after(async () => { await t.close(); });

const complaint = () => ({
  unitId, category: 'perizinan', subject: 'Izin usaha tidak kunjung terbit', description: 'Permohonan NIB saya sudah tiga minggu belum diproses.',
  eventDate: `${currentYear()}-01-02`, anonymous: '1',
});

/** A url-encoded body with one field's value as raw bytes (possibly not UTF-8). */
function rawBody(fields: Record<string, string>, field: string, bytes: number[]): Uint8Array {
  const head = Object.entries(fields).filter(([k]) => k !== field).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  const enc = new TextEncoder();
  return new Uint8Array([...enc.encode(`${head}&${encodeURIComponent(field)}=`), ...bytes]);
}

async function postRaw(c: Client, path: string, body: Uint8Array): Promise<Response> {
  // the CSRF token of the form page, as a browser would send it
  const page = await (await c.get(path)).text();
  const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const withToken = new Uint8Array([...new TextEncoder().encode(`_csrf=${encodeURIComponent(token)}&`), ...body]);
  return c.request('POST', path, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: withToken });
}

describe('public forms refuse control characters and invalid UTF-8', () => {
  test('complaint form: a NUL, an escape or a DEL in a field is a field error there; nothing is stored', async () => {
    const before = await countRows(t.database, 'complaints_complaints');
    for (const [field, value] of [['subject', 'Izin\u0000usaha'], ['description', 'Permohonan saya \u001b[31m belum diproses sama sekali.'], ['location', 'Loket\u007f 3']] as const) {
      const anon = new Client(t.app);
      await anon.get('/pengaduan');
      const fd = new FormData();
      for (const [k, v] of Object.entries({ ...complaint(), [field]: value })) fd.set(k, v);
      const res = await anon.postMultipart('/pengaduan', fd);
      assert.equal(res.status, 400, field);
      const html = await res.text();
      assert.match(html, new RegExp(`id="e-${field}"[^>]*><span class="visually-hidden">Galat: </span>Isian ini memuat karakter kendali`), `${field}: the message beside the field`);
      assert.doesNotMatch(html, /\u0000|\u001b|\u007f/, `${field}: the value is not echoed with its control character`);
      assert.match(html, /\ufffd/, `${field}: the echo marks where the character was`);
    }
    assert.equal(await countRows(t.database, 'complaints_complaints'), before);
  });

  test('complaint form: invalid UTF-8 bytes are refused as such (not stored as U+FFFD)', async () => {
    const before = await countRows(t.database, 'complaints_complaints');
    const anon = new Client(t.app);
    const res = await postRaw(anon, '/pengaduan', rawBody(complaint(), 'description', [0x50, 0x65, 0x72, 0x6d, 0x6f, 0x68, 0x6f, 0x6e, 0x61, 0x6e, 0x20, 0xff, 0xfe, 0x20, 0x62, 0x65, 0x6c, 0x75, 0x6d, 0x20, 0x64, 0x69, 0x70, 0x72, 0x6f, 0x73, 0x65, 0x73]));
    assert.equal(res.status, 400);
    assert.match(await res.text(), /id="e-description"[^>]*><span class="visually-hidden">Galat: <\/span>Isian ini memuat karakter yang tidak terbaca \(bukan UTF-8 yang sah\)/);
    assert.equal(await countRows(t.database, 'complaints_complaints'), before);
  });

  test('WBS form: a control character in any field is a field error; nothing is stored', async () => {
    const before = await countRows(t.database, 'wbs_reports');
    const anon = new Client(t.app);
    await anon.get('/wbs/lapor');
    const fd = new FormData();
    for (const [k, v] of Object.entries({ unitId, what: 'Petugas meminta uang\u0000 di luar tarif resmi untuk mempercepat izin.', who: 'Petugas loket', when: 'Kemarin', where: 'Loket 2' })) fd.set(k, v);
    const res = await anon.postMultipart('/wbs/lapor', fd);
    assert.equal(res.status, 400);
    assert.match(await res.text(), /karakter kendali/);
    assert.equal(await countRows(t.database, 'wbs_reports'), before);
  });
});
