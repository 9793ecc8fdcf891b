import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Client, countRows, createTestApp, loggedIn, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Client;
const ids: Record<string, string> = {};

before(async () => {
  t = await createTestApp();
  admin = await loggedIn(t.app, 'admin');
  for (const r of await t.database.query<{ id: string; code: string }>('select id, code from org_units')) ids[r.code] = r.id;
});
after(async () => { await t.close(); });

const validPerson = (over: Record<string, string> = {}) => ({
  name: 'Rahmat Hidayat, S.E.', nip: '19900101 201503 1 777', unitId: ids.DPMPTSPKUKM, position: 'Analis Perizinan',
  positionClass: 'fungsional', rank: 'Penata (III/c)', email: 'rahmat@bangka.go.id', phone: '081234567890', isActive: '1', ...over,
});

describe('units', () => {
  test('an admin creates a unit and sees it', async () => {
    const res = await admin.post('/admin/units', { code: 'DISHUB', name: 'Dinas Perhubungan', shortName: 'Dishub', kind: 'dinas', isActive: '1' });
    assert.equal(res.status, 303);
    const page = await admin.get(res.headers.get('location')!);
    assert.match(await page.text(), /Dinas Perhubungan/);
  });

  test('a duplicate code, a bad kind and a forged parent are refused with messages and change nothing', async () => {
    const before = await countRows(t.database, 'org_units');
    const audits = await countRows(t.database, 'kernel_audit_log');
    let res = await admin.post('/admin/units', { code: 'DPMPTSPKUKM', name: 'Duplikat', shortName: 'Dup', kind: 'dinas' });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /Kode unit sudah dipakai unit lain/);
    res = await admin.post('/admin/units', { code: 'X1', name: 'X', shortName: 'X', kind: 'kerajaan' });
    assert.equal(res.status, 400);
    res = await admin.post('/admin/units', { code: 'X2', name: 'X', shortName: 'X', kind: 'dinas', parentId: '00000000-0000-4000-8000-000000000000' });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /Unit induk tidak ditemukan/);
    res = await admin.post(`/admin/units/${ids.DINKES}`, { code: 'DINKES', name: 'Dinas Kesehatan', shortName: 'Dinkes', kind: 'dinas', parentId: ids['PKM-SGL'] });
    assert.equal(res.status, 400, 'a unit cannot move under its own sub-unit');
    assert.equal(await countRows(t.database, 'org_units'), before);
    assert.equal(await countRows(t.database, 'kernel_audit_log'), audits);
  });

  test('only the regency admin may manage units', async () => {
    const kadis = await loggedIn(t.app, 'kadis');
    const res = await kadis.post('/admin/units', { code: 'NOPE', name: 'Nope', shortName: 'Nope', kind: 'dinas' });
    assert.equal(res.status, 403);
    assert.equal((await t.database.query(`select 1 from org_units where code = 'NOPE'`)).length, 0);
  });
});

describe('people', () => {
  test('an admin adds a person; birth date and gender come from the NIP', async () => {
    const res = await admin.post('/admin/people', validPerson());
    assert.equal(res.status, 303);
    const [p] = await t.database.query<{ nip: string; birth_date: string; gender: string }>(`select nip, birth_date::text, gender from org_people where nip = '199001012015031777'`);
    assert.deepEqual(p, { nip: '199001012015031777', birth_date: '1990-01-01', gender: 'L' });
    const page = await admin.get(res.headers.get('location')!);
    const html = await page.text();
    assert.match(html, /19900101 201503 1 777/);
    assert.match(html, /1 Januari 1990/);
  });

  test('invalid NIPs, a duplicate NIP and a forged unit are refused in Indonesian and change nothing', async () => {
    const before = await countRows(t.database, 'org_people');
    const cases: [Record<string, string>, RegExp][] = [
      [{ nip: '123' }, /NIP harus 18 angka/],
      [{ nip: '199013012015031001' }, /bukan tanggal lahir yang sah/],
      [{ nip: '199001012015033001' }, /harus 1 \(laki-laki\) atau 2/],
      [{ nip: '196804121993031001' }, /sudah terdaftar/], // Elius Gani's NIP from the seed
      [{ unitId: '00000000-0000-4000-8000-000000000000', nip: '199001012015031888' }, /unit kerja yang ada/],
      [{ unitId: 'not-a-uuid', nip: '199001012015031889' }, /Isian tidak valid|unit kerja/],
      [{ positionClass: 'raja', nip: '199001012015031890' }, /Pilih kelas jabatan/],
      [{ name: '', nip: '199001012015031891' }, /Wajib diisi/],
    ];
    for (const [over, message] of cases) {
      const res = await admin.post('/admin/people', validPerson(over));
      assert.equal(res.status, 400, JSON.stringify(over));
      const html = await res.text();
      assert.match(html, message, JSON.stringify(over));
      assert.match(html, /class="error-summary"/);
    }
    assert.equal(await countRows(t.database, 'org_people'), before);
  });

  test('the English UI gives the same errors in English', async () => {
    const c = await loggedIn(t.app, 'admin');
    await c.post('/lang', { locale: 'en', back: '/' });
    const res = await c.post('/admin/people', validPerson({ nip: '123' }));
    assert.match(await res.text(), /The NIP must be 18 digits/);
    await c.post('/lang', { locale: 'id', back: '/' });
  });

  test('people lists are scoped, searchable and paginated', async () => {
    const pegawai = await loggedIn(t.app, 'pegawai');
    const html = await (await pegawai.get('/people?status=all')).text();
    assert.match(html, /Elius Gani/);
    assert.doesNotMatch(html, /Syahrial/, 'a Disdukcapil person does not show up for a DPMPTSP employee');
    const search = await (await admin.get('/people?q=syahrial')).text();
    assert.match(search, /Syahrial/);
    assert.doesNotMatch(search, /Elius Gani/);
    const sorted = await (await admin.get('/people?sort=nip&dir=desc')).text();
    assert.match(sorted, /aria-sort="descending"/);
  });
});

describe('CSV import', () => {
  const header = 'nip,nama,jabatan,kelas_jabatan,kode_unit,pangkat,email,telepon';
  const upload = (c: Client, content: string | Uint8Array, name = 'pegawai.csv', type = 'text/csv') => {
    const fd = new FormData();
    fd.set('file', new File([content as BlobPart], name, { type }));
    return c.postMultipart('/admin/people/import', fd);
  };

  test('good rows are kept, bad rows are reported with their line and reason', async () => {
    const before = await countRows(t.database, 'org_people');
    const csv = [
      header,
      '199202022016031101,Ani Suryani,Pengelola Perizinan,pelaksana,DPMPTSPKUKM,Pengatur (II/c),ani@bangka.go.id,0812000001',
      '199202022016031102,Budi Hartono,Analis,fungsional,DISDUKCAPIL,,,',
      '199213022016031103,Tanggal Salah,Analis,fungsional,DPMPTSPKUKM,,,',
      '199202022016031104,Unit Salah,Analis,fungsional,TIDAKADA,,,',
      '199202022016031101,Ani Dobel,Analis,fungsional,DPMPTSPKUKM,,,',
      '"199202022016031105";"titik koma";x;y;z',
      '199202022016031106,Kelas Salah,Analis,menteri,DPMPTSPKUKM,,,',
    ].join('\n');
    const res = await upload(admin, csv);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /2 ditambahkan, 0 diperbarui, 5 ditolak/);
    assert.match(html, /bukan tanggal lahir yang sah/);
    assert.match(html, /Kode unit tidak dikenal/);
    assert.match(html, /muncul lebih dari sekali/);
    assert.equal(await countRows(t.database, 'org_people'), before + 2);
  });

  test('a row with an existing NIP updates that person', async () => {
    const res = await upload(admin, `${header}\n199202022016031101,Ani Suryani S.E.,Kepala Seksi,pengawas,DPMPTSPKUKM,,,\n`);
    assert.match(await res.text(), /0 ditambahkan, 1 diperbarui, 0 ditolak/);
    const [p] = await t.database.query<{ name: string }>(`select name from org_people where nip = '199202022016031101'`);
    assert.equal(p.name, 'Ani Suryani S.E.');
  });

  test('malformed, disguised, oversized and headerless files are refused and change nothing', async () => {
    const before = await countRows(t.database, 'org_people');
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]);
    const cases: [string | Uint8Array, RegExp, string?][] = [
      [zip, /harus CSV teks/, 'pegawai.csv'],
      [new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), /harus CSV teks/],
      [new Uint8Array([0xff, 0xfe, 0x41, 0x00]), /harus CSV teks/],
      [`${header}\n"199202022016031107,Tanpa Tutup,x,fungsional,DPMPTSPKUKM\n`, /tanda kutip pada baris 2/],
      ['nama,jabatan\nA,B\n', /Kolom wajib tidak ada.*nip/],
      ['', /Pilih berkas CSV/],
      ['a'.repeat(2 * 1024 * 1024 + 10), /maksimal 2 MB/],
    ];
    for (const [content, message, name] of cases) {
      const res = await upload(admin, content, name);
      assert.equal(res.status, 400, String(message));
      assert.match(await res.text(), message);
    }
    assert.equal(await countRows(t.database, 'org_people'), before);
  });

  test('only the regency admin may import, and the CSRF token is required', async () => {
    const kadis = await loggedIn(t.app, 'kadis');
    assert.equal((await upload(kadis, `${header}\n`)).status, 403);
    const fd = new FormData();
    fd.set('file', new File([`${header}\n199202022016031108,X,Y,fungsional,DPMPTSPKUKM,,,\n`], 'p.csv'));
    const res = await admin.postMultipart('/admin/people/import', fd, { csrf: false });
    assert.equal(res.status, 403);
    assert.equal((await t.database.query(`select 1 from org_people where nip = '199202022016031108'`)).length, 0);
  });
});

describe('accounts and roles', () => {
  test('an account created for a person has a one-time password that must be changed', async () => {
    const [p] = await t.database.query<{ id: string }>(`select id from org_people where nip = '199202022016031101'`);
    const res = await admin.post(`/admin/people/${p.id}/account`, { username: 'ani.suryani', email: '' });
    assert.equal(res.status, 200);
    const html = await res.text();
    const temp = html.match(/class="temp-password">([^<]+)</)?.[1];
    assert.ok(temp && temp.length >= 12, 'temporary password shown once');
    const ani = new Client(t.app);
    await ani.get('/login');
    assert.equal((await ani.post('/login', { username: 'ani.suryani', password: temp! })).status, 303);
    const home = await ani.get('/');
    assert.equal(home.status, 303);
    assert.equal(home.headers.get('location'), '/account/password');
    await ani.get('/account/password'); // the form carries the token of the new session
    const changed = await ani.post('/account/password', { current: temp!, next: 'Perizinan-Bangka-2026', confirm: 'Perizinan-Bangka-2026' });
    assert.equal(changed.status, 303);
    assert.equal((await ani.get('/')).status, 200);
    const again = await admin.post(`/admin/people/${p.id}/account`, { username: 'ani.lagi' });
    assert.equal(again.status, 303, 'a second account for the same person is refused');
    assert.equal((await t.database.query(`select 1 from kernel_accounts where username = 'ani.lagi'`)).length, 0);
  });

  test('role grants are validated: areas only for coordinators, regency roles without a unit', async () => {
    const [acc] = await t.database.query<{ id: string }>(`select id from kernel_accounts where username = 'pegawai'`);
    const before = await countRows(t.database, 'org_role_assignments');
    const cases: [Record<string, string>, RegExp][] = [
      [{ role: 'zi_coordinator', unitId: ids.DPMPTSPKUKM }, /harus memilih area/],
      [{ role: 'zi_member', unitId: ids.DPMPTSPKUKM, area: '3' }, /Area hanya untuk koordinator/],
      [{ role: 'regency_viewer', unitId: ids.DPMPTSPKUKM }, /kosongkan unit/],
      [{ role: 'unit_head' }, /harus dikaitkan dengan unit/],
      [{ role: 'emperor', unitId: ids.DPMPTSPKUKM }, /Pilih peran/],
      [{ role: 'zi_coordinator', unitId: ids.DPMPTSPKUKM, area: '9' }, /Area harus 1 sampai 6/],
      [{ role: 'employee', unitId: ids.DPMPTSPKUKM }, /sudah memiliki peran/],
    ];
    for (const [form, message] of cases) {
      const res = await admin.post(`/admin/accounts/${acc.id}/roles`, form);
      assert.ok(res.status === 400 || res.status === 409, JSON.stringify(form));
      assert.match(await res.text(), message, JSON.stringify(form));
    }
    assert.equal(await countRows(t.database, 'org_role_assignments'), before);
    const ok = await admin.post(`/admin/accounts/${acc.id}/roles`, { role: 'zi_coordinator', unitId: ids.DPMPTSPKUKM, area: '3' });
    assert.equal(ok.status, 303);
    const pegawai = await loggedIn(t.app, 'pegawai');
    assert.match(await (await pegawai.get('/account')).text(), /Koordinator area ZI/);
  });

  test('a unit switcher appears for people with roles in several units and only accepts their units', async () => {
    const tpi = await loggedIn(t.app, 'tpi');
    const html = await (await tpi.get('/')).text();
    assert.match(html, /id="unit-switch"/);
    const res = await tpi.post('/session/unit', { unitId: ids.BPKPD });
    assert.equal(res.status, 403);
    const ok = await tpi.post('/session/unit', { unitId: ids.DISDUKCAPIL });
    assert.equal(ok.status, 303);
    assert.match(await (await tpi.get('/')).text(), /Unit aktif: Disdukcapil/);
  });
});
