// The working-day calendar: shipped years loaded once at migration (and not again over an
// administrator's edits), editing by the regency administrator only (audited, bad input refused and
// nothing changed), deadlines following an edit at once, the calculator, and CSRF.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ensureShippedCalendar, offDays } from '../src/kernel/calendar.ts';
import { addWorkingDays } from '../src/kernel/workdays.ts';
import { Client, countRows, createTestApp, loggedIn, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Client;

before(async () => {
  t = await createTestApp({ seed: 'org' });
  admin = await loggedIn(t.app, 'admin');
});
after(async () => { await t.close(); });

const days = () => countRows(t.database, 'kernel_calendar_days');
const audits = async () => (await t.database.query<{ n: number }>(`select count(*)::int as n from kernel_audit_log where action like 'calendar.%'`))[0].n;

describe('working-day calendar', () => {
  test('the shipped years are in the database after migration, once', async () => {
    const n = await days();
    assert.equal(n, 25 + 27 + 9);
    assert.deepEqual(await ensureShippedCalendar(t.database.db), []);
    assert.equal(await days(), n);
  });

  test('everyone signed in reads the calendar and uses the calculator; only the administrator sees the form', async () => {
    const emp = await loggedIn(t.app, 'pegawai');
    const res = await emp.get('/kalender?tahun=2026');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Cuti bersama Idul Fitri 1447 Hijriah/);
    assert.doesNotMatch(html, /id="tambah"/);
    const calc = await (await emp.get('/kalender?tahun=2026&mulai=2026-03-17&hari=5')).text();
    assert.match(calc, /5 hari kerja sejak Selasa, 17 Maret 2026: Selasa, 31 Maret 2026\./);
    const bad = await (await emp.get('/kalender?mulai=2026-02-30&hari=x')).text();
    assert.match(bad, /Isi tanggal yang sah/);
    assert.match(bad, /bilangan bulat 0 sampai 365/);
    assert.match(await (await admin.get('/kalender?tahun=2027')).text(), /masih perkiraan/);
  });

  test("a provisional year: its basis in the user's language (no developer note), and the administrator told which days to confirm", async () => {
    const emp = await loggedIn(t.app, 'pegawai');
    const asEmployee = await (await emp.get('/kalender?tahun=2027')).text();
    assert.doesNotMatch(asEmployee, /No SKB for 2027|NOT included|administrators add them/);
    assert.match(asEmployee, /SKB hari libur nasional dan cuti bersama tahun 2027 belum terbit/);
    assert.match(asEmployee, /Sebagian tanggal tahun ini masih perkiraan/);
    assert.doesNotMatch(asEmployee, /id="perkiraan"/);
    const asAdmin = await (await admin.get('/kalender?tahun=2027')).text();
    const list = /<div class="alert alert--warning" id="perkiraan">([\s\S]*?)<\/ul>/.exec(asAdmin)?.[1] ?? '';
    const provisional = await t.database.query<{ n: number }>(`select count(*)::int as n from kernel_calendar_days where provisional and day between '2027-01-01' and '2027-12-31'`);
    assert.ok(provisional[0]!.n > 0);
    assert.match(list, new RegExp(`Perlu dikonfirmasi \\(${provisional[0]!.n} tanggal\\)`));
    assert.equal([...list.matchAll(/action="\/kalender\/2027-\d\d-\d\d\/konfirmasi\?tahun=2027"/g)].length, provisional[0]!.n);
    assert.match(list, /Konfirmasi<span class="visually-hidden"> [^<]+ 2027<\/span>/);
    // in English the same basis in English
    assert.equal((await emp.post('/lang', { locale: 'en', back: '/kalender?tahun=2027' })).status, 303);
    const en = await (await emp.get('/kalender?tahun=2027')).text();
    assert.match(en, /lang="en"/);
    assert.match(en, /The 2027 joint decree \(SKB\) on national holidays and collective leave is not out yet/);
    assert.doesNotMatch(en, /No SKB for 2027/);
  });

  test('the administrator adds a day; deadlines follow at once; the day is audited', async () => {
    const off0 = await offDays(t.database.db);
    assert.equal(addWorkingDays('2027-03-08', 1, off0), '2027-03-09');
    const a0 = await audits();
    const res = await admin.post('/kalender?tahun=2027', { day: '2027-03-09', kind: 'holiday', nameId: 'Hari Suci Nyepi (Tahun Baru Saka 1949)', nameEn: 'Nyepi', source: 'SKB 2027 (contoh uji)', provisional: '1' });
    assert.equal(res.status, 303);
    assert.equal(addWorkingDays('2027-03-08', 1, await offDays(t.database.db)), '2027-03-10');
    assert.equal(await audits(), a0 + 1);
    // saving the same date again replaces it
    assert.equal((await admin.post('/kalender', { day: '2027-03-09', kind: 'cuti_bersama', nameId: 'Cuti bersama Nyepi', source: 'SKB 2027 (contoh uji)' })).status, 303);
    const [row] = await t.database.query<{ kind: string; provisional: boolean }>(`select kind, provisional from kernel_calendar_days where day = '2027-03-09'`);
    assert.deepEqual(row, { kind: 'cuti_bersama', provisional: false });
    // and removing it
    assert.equal((await admin.post('/kalender/2027-03-09/hapus', {})).status, 303);
    assert.equal(addWorkingDays('2027-03-08', 1, await offDays(t.database.db)), '2027-03-09');
    assert.equal(await audits(), a0 + 3);
  });

  test('bad input is refused with messages and changes nothing', async () => {
    const n = await days();
    const a0 = await audits();
    const cases: Record<string, string>[] = [
      { day: '2027-02-30', kind: 'holiday', nameId: 'x', source: 'y' },
      { day: '1999-01-01', kind: 'holiday', nameId: 'x', source: 'y' },
      { day: '2027-05-05', kind: 'weekend', nameId: 'x', source: 'y' },
      { day: '2027-05-05', kind: 'holiday', nameId: '', source: 'y' },
      { day: '2027-05-05', kind: 'holiday', nameId: 'x'.repeat(201), source: 'y' },
      { day: '2027-05-05', kind: 'holiday', nameId: 'x', source: '' },
    ];
    for (const form of cases) {
      const res = await admin.post('/kalender', form);
      assert.equal(res.status, 400, JSON.stringify(form));
      assert.match(await res.text(), /error-summary/);
    }
    assert.equal((await admin.post('/kalender/2027-02-30/hapus', {})).status, 404);
    assert.equal((await admin.post('/kalender/2027-07-07/hapus', {})).status, 404);
    assert.equal(await days(), n);
    assert.equal(await audits(), a0);
  });

  test('others cannot change it; a post without the CSRF token is refused', async () => {
    const n = await days();
    for (const who of ['pegawai', 'kadis', 'bupati', 'tpi']) {
      const c = await loggedIn(t.app, who);
      assert.equal((await c.post('/kalender', { day: '2027-05-05', kind: 'holiday', nameId: 'x', source: 'y' })).status, 403, who);
      assert.equal((await c.post('/kalender/2026-12-25/hapus', {})).status, 403, who);
    }
    assert.equal((await admin.post('/kalender', { day: '2027-05-05', kind: 'holiday', nameId: 'x', source: 'y' }, { csrf: false })).status, 403);
    assert.equal(await days(), n);
  });
});
