// "Today" and "this year" are the regency's (TIME_ZONE), not the server's or UTC: an app configured for
// a zone whose date differs from Jakarta's right now prefills forms with that zone's day and judges
// "in the future" by it; the kernel helpers follow the configured zone.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { currentMonth, currentYear, dayIn, regencyTimeZone, regencyToday, setRegencyTimeZone } from '../src/kernel/workdays.ts';
import { loadConfig } from '../src/kernel/config.ts';
import { createTestApp, loggedIn, type TestApp } from './helpers.ts';

// UTC+14 and UTC−11: at any moment one of them is on another date than Jakarta (UTC+7)
const zoneOtherThanJakarta = (now = new Date()) =>
  ['Pacific/Kiritimati', 'Pacific/Pago_Pago'].find((z) => dayIn(now, z) !== dayIn(now, 'Asia/Jakarta'))!;

describe('the kernel helpers', () => {
  after(() => setRegencyTimeZone('Asia/Jakarta'));
  const cases: [string, string, string, number, number][] = [
    // moment (UTC), zone, day there, year there, month there
    ['2026-12-31T17:30:00Z', 'Asia/Jakarta', '2027-01-01', 2027, 1],
    ['2026-12-31T17:30:00Z', 'UTC', '2026-12-31', 2026, 12],
    ['2026-12-31T15:30:00Z', 'Asia/Jayapura', '2027-01-01', 2027, 1],
    ['2026-12-31T15:30:00Z', 'Asia/Makassar', '2026-12-31', 2026, 12],
    ['2027-03-01T05:00:00Z', 'Pacific/Pago_Pago', '2027-02-28', 2027, 2],
  ];
  for (const [at, zone, day, year, month] of cases) {
    test(`${at} in ${zone} is ${day}`, () => {
      setRegencyTimeZone(zone);
      assert.equal(regencyTimeZone(), zone);
      const now = new Date(at);
      assert.deepEqual([regencyToday(now), dayIn(now), currentYear(now), currentMonth(now)], [day, day, year, month]);
    });
  }
  test('an unknown zone is refused, by the setter and by the configuration', () => {
    assert.throws(() => setRegencyTimeZone('Asia/Atlantis'), RangeError);
    assert.throws(() => loadConfig({ TIME_ZONE: 'Asia/Atlantis' }), /TIME_ZONE/);
    assert.equal(loadConfig({ TIME_ZONE: 'Asia/Makassar' }).timeZone, 'Asia/Makassar');
  });
});

describe('an app in another time zone', () => {
  let t: TestApp;
  const zone = zoneOtherThanJakarta();
  before(async () => { t = await createTestApp({ config: { timeZone: zone } }); });
  after(async () => { await t.close(); setRegencyTimeZone('Asia/Jakarta'); });

  test(`forms offer today in ${zone}, not in Jakarta`, async () => {
    const here = dayIn(new Date(), zone);
    const jakarta = dayIn(new Date(), 'Asia/Jakarta');
    assert.notEqual(here, jakarta);
    const pegawai = await loggedIn(t.app, 'pegawai');
    const coi = await (await pegawai.get('/konflik-kepentingan/deklarasi/baru?jenis=adhoc')).text();
    assert.match(coi, new RegExp(`name="declaredOn"[^>]*value="${here}"`), 'the COI declaration date defaults to the regency’s today');
    assert.ok(!coi.includes(`value="${jakarta}"`));
    const upg = await loggedIn(t.app, 'upg');
    const campaign = await (await upg.get('/gratifikasi/kampanye')).text();
    assert.match(campaign, new RegExp(`name="heldOn"[^>]*value="${here}"`), 'the campaign date defaults to the regency’s today');
  });

  test('"in the future" is judged by the regency’s day', async () => {
    const here = dayIn(new Date(), zone);
    const jakarta = dayIn(new Date(), 'Asia/Jakarta');
    const later = here > jakarta ? here : jakarta;
    const pegawai = await loggedIn(t.app, 'pegawai');
    const rina = (await t.database.query<{ id: string }>(`select p.id from org_people p join kernel_accounts a on a.id = p.account_id where a.username = 'koordinator'`))[0]!.id;
    const res = await pegawai.post('/konflik-kepentingan/deklarasi', {
      kind: 'adhoc', declaredOn: later, decisionKind: 'licensing', reference: 'Permohonan izin usaha zona waktu', roleInDecision: 'Verifikator berkas',
      hasConflict: 'yes', c0source: 'family', c0description: 'Pemohon adalah adik ipar saya.', c0relatedParty: 'CV Maju Jaya', superiorPersonId: rina, agree: '1',
    });
    if (later === here) assert.equal(res.status, 303, `${later} is today in ${zone}: accepted`);
    else {
      assert.equal(res.status, 400, `${later} is tomorrow in ${zone}: refused`);
      assert.match(await res.text(), /Tanggal tidak boleh di masa depan\./);
    }
  });
});
