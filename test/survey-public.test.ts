// The public survey forms through the web (PGlite, and PostgreSQL with TEST_DATABASE_URL): the short
// links, the happy path (answers in instrument order, channel 'online', no address or agent in the
// row or the audit log), phones known by a cookie token (three phones behind one address, one phone
// answering two services: all accepted; the same service twice: refused), counter devices (many
// respondents in a row; listed, revocable, audited), and every kind of bad input refused with the
// right status and NOTHING stored — a missing answer, a value of 5, control characters and invalid
// UTF-8, a 1 MB field, a burst from one address, a forged or another unit's service, a wrong or
// reused receipt code, a closed period, the honeypot, a form sent too fast, with a forged timestamp
// or a second time (replayed); overload on the embedded engine (503 early); the public results page;
// the QR poster (staff only).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { boundedDbWait, DatabaseBusyError } from '../src/kernel/db.ts';
import { hashCode as hashReceiptCode, instrumentFor, type InstrumentKind } from '../src/modules/surveys/index.ts';
import { DEVICE_COOKIE, formStamp, PHONE_COOKIE, PUBLIC_SURVEY_RULES } from '../src/modules/surveys/public.rules.ts';
import { countRows, createTestApp, engine, loggedIn, type TestApp } from './helpers.ts';

let t: TestApp;
let unitA: string;
let unitB: string;
let skmA: string;
let skmClosed: string;
let spkpA: string;
let codePeriod: string;
const AGENT = 'SurveyTestAgent/1.0 (unique-agent-marker)';
const ANSWERS = { u1: '4', u2: '3', u3: '2', u4: '4', u5: '3', u6: '4', u7: '4', u8: '1', u9: '3' };

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const shift = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function unitId(code: string): Promise<string> {
  const [r] = await t.database.query<{ id: string }>(`select id from org_units where code = $1`, [code]);
  return r!.id;
}

async function addService(unit: string, code: string, name: string): Promise<string> {
  const [r] = await t.database.query<{ id: string }>(`insert into services_services (unit_id, code, name) values ($1, $2, $3) returning id`, [unit, code, name]);
  return r!.id;
}

async function addPeriod(unit: string, kind: string, opts: { status?: string; startsOn?: string; endsOn?: string; requireCode?: boolean; n?: number; published?: boolean } = {}): Promise<string> {
  const [r] = await t.database.query<{ id: string }>(
    `insert into surveys_periods (unit_id, kind, instrument, year, period_type, n, starts_on, ends_on, status, require_code, published_at)
     values ($1, $2, $3, $4, 'quarter', $5, $6, $7, $8, $9, $10) returning id`,
    [unit, kind, instrumentFor(kind as InstrumentKind, Number(today().slice(0, 4))).id, Number(today().slice(0, 4)), opts.n ?? 1, opts.startsOn ?? shift(-10), opts.endsOn ?? shift(10), opts.status ?? 'open', opts.requireCode ?? false, opts.published ? new Date() : null],
  );
  return r!.id;
}

/** A browser (a phone) on an address: cookies, CSRF token and the form's signed timestamp. */
class Visitor {
  cookies = new Map<string, string>();
  csrf = '';
  stamp = '';
  constructor(readonly address: string) {}

  async request(method: string, p: string, body?: string, headers: Record<string, string> = {}) {
    const res = await t.app.request(p, {
      method, body,
      headers: { accept: 'text/html', 'user-agent': AGENT, cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...headers },
    }, { incoming: { socket: { remoteAddress: this.address } } });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair.indexOf('=');
      if (/max-age=0/i.test(line)) this.cookies.delete(pair.slice(0, i).trim());
      else this.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
    return res;
  }

  async open(p: string) {
    const res = await this.request('GET', p);
    const html = await res.clone().text();
    this.csrf = html.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? this.csrf;
    this.stamp = html.match(/name="_t" value="([^"]+)"/)?.[1] ?? this.stamp;
    return res;
  }

  /** Posts the form; the timestamp is re-signed as if served a minute ago (the minimum fill time is tested apart). */
  async submit(p: string, form: Record<string, string>, opts: { periodId?: string; stamp?: string; raw?: string } = {}) {
    const stamp = opts.stamp ?? (opts.periodId ? formStamp(t.config.secretKey, opts.periodId, new Date(Date.now() - 60_000)) : this.stamp);
    const body = opts.raw ?? new URLSearchParams({ _csrf: this.csrf, _t: stamp, website: '', ...form }).toString();
    return this.request('POST', p, body, { 'content-type': 'application/x-www-form-urlencoded' });
  }
}

/** The form's radio groups in order, answered with the given values. */
function answersOf(html: string, values: number[]): Record<string, string> {
  const names = [...new Set([...html.matchAll(/type="radio" name="([a-z0-9_]+)"/g)].map((m) => m[1]))];
  assert.equal(names.length, values.length);
  return Object.fromEntries(names.map((n, i) => [n, String(values[i])]));
}

let addr = 1;
const newAddress = () => `10.0.${Math.floor(addr / 250)}.${(addr++ % 250) + 1}`;
const visitor = (address = newAddress()) => new Visitor(address);

async function counts() {
  return {
    responses: await countRows(t.database, 'surveys_responses'),
    usedCodes: Number((await t.database.query<{ n: number }>(`select count(*)::int as n from surveys_codes where used_at is not null`))[0].n),
    audit: await countRows(t.database, 'kernel_audit_log'),
  };
}

describe(`Public survey forms (${engine})`, () => {
  before(async () => {
    t = await createTestApp({ seed: 'org' });
    unitA = await unitId('DPMPTSPKUKM');
    unitB = await unitId('DISDUKCAPIL');
    await addService(unitA, 'IMB', 'Persetujuan Bangunan Gedung');
    await addService(unitA, 'SIUP', 'Izin Usaha');
    await addService(unitB, 'KTP', 'KTP elektronik');
    skmA = await addPeriod(unitA, 'skm');
    spkpA = await addPeriod(unitA, 'spkp');
    skmClosed = await addPeriod(unitB, 'skm', { status: 'closed' });
    codePeriod = await addPeriod(unitB, 'spak', { requireCode: true });
    await t.database.query(`insert into surveys_codes (unit_id, period_id, code_hash) values ($1, $2, $3), ($1, $2, $4)`, [unitB, codePeriod, hashReceiptCode('AB12CD34'), hashReceiptCode('ZZ99YY88')]);
  });
  after(async () => { await t.close(); });

  test('the short link opens the form: nine unsur as radio groups with legends, profile, suggestion, honeypot, signed timestamp', async () => {
    const v = visitor();
    const res = await v.open('/s/DPMPTSPKUKM/IMB');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.equal((html.match(/<fieldset class="survey-q"/g) ?? []).length, 9);
    assert.equal((html.match(/type="radio" name="u1"/g) ?? []).length, 4);
    assert.match(html, /<legend[^>]*>.*Persyaratan/);
    assert.match(html, /Bagaimana pendapat Saudara tentang kesesuaian persyaratan/);
    assert.match(html, /Sangat sesuai/);
    assert.match(html, /name="sex"/);
    assert.match(html, /name="suggestion"/);
    assert.match(html, /class="survey-hp" aria-hidden="true"/);
    assert.doesNotMatch(html, /style=/, 'no inline style (CSP)');
    assert.match(v.stamp, /^\d{13}\./);
    // case-insensitive codes; English after the language switch
    assert.equal((await v.open('/s/dpmptspkukm/imb')).status, 200);
    v.cookies.set('itg_lang', 'en');
    const en = await (await v.open('/s/DPMPTSPKUKM/IMB')).text();
    assert.match(en, /How well do the service requirements fit/);
    assert.match(en, /Send answers/);
    // SPKP of the unit
    assert.match(await (await v.open('/s/DPMPTSPKUKM/ipkp')).text(), /For all services of this unit/);
  });

  test('happy path: PRG to the thanks page; answers in instrument order, channel online, no address or agent stored', async () => {
    const before = await counts();
    const v = visitor();
    await v.open('/s/DPMPTSPKUKM/IMB');
    const res = await v.submit('/s/DPMPTSPKUKM/IMB', { ...ANSWERS, sex: 'p', age: '30_39', education: 's1', occupation: 'swasta', suggestion: '  Antrian  perlu nomor.  ' }, { periodId: skmA });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/s/DPMPTSPKUKM/IMB/terima-kasih');
    const thanks = await v.open(res.headers.get('location')!);
    assert.equal(thanks.status, 200);
    assert.match(await thanks.text(), /Terima kasih/);
    const after = await counts();
    assert.equal(after.responses, before.responses + 1);
    assert.equal(after.audit, before.audit, 'anonymous responses are not audit entries');
    const [row] = await t.database.query<Record<string, unknown>>(`select * from surveys_responses order by id desc limit 1`);
    assert.deepEqual(row.answers, [4, 3, 2, 4, 3, 4, 4, 1, 3]);
    assert.equal(row.channel, 'online');
    assert.equal(row.period_id, skmA);
    assert.deepEqual(row.profile, { sex: 'p', age: '30_39', education: 's1', occupation: 'swasta' });
    assert.equal(row.suggestion, 'Antrian  perlu nomor.');
    assert.equal(row.entered_by, null);
    assert.match(String(row.dedup_key), /^d2:[A-Za-z0-9_-]{32}$/);
    // the phone's cookie: a random token of the day, first-party, http-only, only for the forms
    assert.match(v.cookies.get(PHONE_COOKIE) ?? '', /^\d{8}\.[A-Za-z0-9_-]{22}$/);
    const [svc] = await t.database.query<{ id: string }>(`select id from services_services where unit_id = $1 and code = 'IMB'`, [unitA]);
    assert.equal(row.service_id, svc.id);
    const everything = JSON.stringify(row) + JSON.stringify(await t.database.query(`select * from kernel_audit_log`)) + JSON.stringify(await t.database.query(`select * from kernel_throttle where kind = 'surveys.submit'`));
    assert.ok(!everything.includes(v.address), 'no raw address anywhere');
    assert.ok(!everything.includes('unique-agent-marker'), 'no user agent anywhere');
  });

  test('a missing unsur, a value of 5, a bad profile code: 400 with messages in the visitor\'s language, nothing stored', async () => {
    const before = await counts();
    const v = visitor();
    await v.open('/s/DPMPTSPKUKM/IMB');
    const { u3: _u3, ...missing } = ANSWERS;
    let res = await v.submit('/s/DPMPTSPKUKM/IMB', missing, { periodId: skmA });
    assert.equal(res.status, 400);
    let html = await res.text();
    assert.match(html, /Pilih salah satu jawaban/);
    // the error summary links to the question's first answer, which carries that id
    assert.match(html, /href="#f-u3-1"/);
    assert.match(html, /<input type="radio" name="u3" value="1" required="" id="f-u3-1" aria-invalid="true" aria-describedby="e-u3"/);
    // the given answers stay checked
    assert.match(html, /name="u1" value="4" checked/);
    res = await v.submit('/s/DPMPTSPKUKM/IMB', { ...ANSWERS, u5: '5' }, { periodId: skmA });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /tidak ada dalam pilihan/);
    for (const bad of ['0', '-1', '3.5', 'x', '04x']) {
      assert.equal((await v.submit('/s/DPMPTSPKUKM/IMB', { ...ANSWERS, u1: bad }, { periodId: skmA })).status, 400, `u1=${bad}`);
    }
    assert.equal((await v.submit('/s/DPMPTSPKUKM/IMB', { ...ANSWERS, sex: 'x' }, { periodId: skmA })).status, 400);
    const tooLong = 'a'.repeat(PUBLIC_SURVEY_RULES.suggestionMax + 1);
    res = await v.submit('/s/DPMPTSPKUKM/IMB', { ...ANSWERS, suggestion: tooLong }, { periodId: skmA });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /Saran terlalu panjang/);
    const en = visitor();
    en.cookies.set('itg_lang', 'en');
    await en.open('/s/DPMPTSPKUKM/IMB');
    html = await (await en.submit('/s/DPMPTSPKUKM/IMB', missing, { periodId: skmA })).text();
    assert.match(html, /Choose one of the answers/);
    assert.deepEqual(await counts(), before);
  });

  test('a 1 MB field is refused with 413, nothing stored', async () => {
    const before = await counts();
    const v = visitor();
    await v.open('/s/DPMPTSPKUKM/IMB');
    const res = await v.submit('/s/DPMPTSPKUKM/IMB', { ...ANSWERS, suggestion: 'x'.repeat(1024 * 1024) }, { periodId: skmA });
    assert.equal(res.status, 413);
    assert.match(await res.text(), /terlalu besar/);
    // also when no content-length is announced (the fields are measured)
    const body = new URLSearchParams({ _csrf: v.csrf, _t: formStamp(t.config.secretKey, skmA, new Date(Date.now() - 60_000)), ...ANSWERS, sex: 'l'.repeat(20_000) }).toString();
    const res2 = await v.submit('/s/DPMPTSPKUKM/IMB', {}, { raw: body });
    assert.equal(res2.status, 413);
    assert.deepEqual(await counts(), before);
  });

  test('a burst from one address (past the limit sized for a busy counter): refused (429), one response stored', async () => {
    const before = await counts();
    const v = visitor();
    await v.open('/s/DPMPTSPKUKM/SIUP');
    const statuses: number[] = [];
    for (let i = 0; i < PUBLIC_SURVEY_RULES.burstMax + 10; i++) statuses.push((await v.submit('/s/DPMPTSPKUKM/SIUP', ANSWERS, { periodId: skmA })).status);
    assert.equal(statuses[0], 303);
    // within the limit: the phone's duplicate check answers (409); past it: 429
    assert.deepEqual(new Set(statuses.slice(1, PUBLIC_SURVEY_RULES.burstMax)), new Set([409]));
    assert.deepEqual(new Set(statuses.slice(PUBLIC_SURVEY_RULES.burstMax)), new Set([429]));
    const res = await v.submit('/s/DPMPTSPKUKM/SIUP', ANSWERS, { periodId: skmA });
    assert.equal(res.status, 429);
    assert.match(await res.text(), /Terlalu banyak kiriman/);
    assert.equal((await counts()).responses, before.responses + 1);
    // the throttle holds only salted keys
    const keys = await t.database.query<{ key: string }>(`select key from kernel_throttle where kind = 'surveys.submit'`);
    assert.ok(keys.every((k) => /^s1:[A-Za-z0-9_-]{32}$/.test(k.key)));
    // another client is not affected
    const w = visitor();
    await w.open('/s/DPMPTSPKUKM/SIUP');
    assert.equal((await w.submit('/s/DPMPTSPKUKM/SIUP', ANSWERS, { periodId: skmA })).status, 303);
  });

  test('three phones behind one address and one phone answering two services: all accepted; the same service twice from one phone: a polite 409, nothing stored', async () => {
    const before = await counts();
    const nat = newAddress();
    const phones = [visitor(nat), visitor(nat), visitor(nat)];
    for (const p of phones) {
      await p.open('/s/DPMPTSPKUKM/IMB');
      assert.equal((await p.submit('/s/DPMPTSPKUKM/IMB', ANSWERS, { periodId: skmA })).status, 303, 'each phone behind the NAT answers');
    }
    const v = phones[0];
    await v.open('/s/DPMPTSPKUKM/SIUP');
    assert.equal((await v.submit('/s/DPMPTSPKUKM/SIUP', ANSWERS, { periodId: skmA })).status, 303, 'the same phone rates a second service');
    assert.equal((await counts()).responses, before.responses + 4);
    const mid = await counts();
    await v.open('/s/DPMPTSPKUKM/IMB');
    const res = await v.submit('/s/DPMPTSPKUKM/IMB', ANSWERS, { periodId: skmA });
    assert.equal(res.status, 409);
    assert.match(await res.text(), /sudah kami terima hari ini/);
    assert.deepEqual(await counts(), mid);
    // the unit-wide SPKP is its own form
    await v.open('/s/DPMPTSPKUKM/ipkp');
    assert.equal((await v.submit('/s/DPMPTSPKUKM/ipkp', ANSWERS, { periodId: spkpA })).status, 303);
    // the keys come from the phones' tokens: three distinct keys for one address and one service
    const keys = await t.database.query<{ k: string }>(`select distinct dedup_key as k from surveys_responses where period_id = $1 and submitted_at > now() - interval '1 minute' and dedup_key is not null`, [skmA]);
    assert.ok(keys.length >= 4);
  });

  test('the phone cookie is rotated: yesterday\'s or a forged token is not accepted; a POST without it keeps the answers and sets a new one', async () => {
    const before = await counts();
    const v = visitor();
    await v.open('/s/DPMPTSPKUKM/IMB');
    const token = v.cookies.get(PHONE_COOKIE)!;
    // a token of another day: refused like no cookie, and replaced by the page
    v.cookies.set(PHONE_COOKIE, `19990101.${token.split('.')[1]}`);
    let res = await v.submit('/s/DPMPTSPKUKM/IMB', ANSWERS, { periodId: skmA });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /kuki survei tidak terkirim/);
    assert.match(html, /name="u1" value="4" checked/);
    const fresh = v.cookies.get(PHONE_COOKIE)!;
    assert.match(fresh, /^\d{8}\./);
    assert.notEqual(fresh.split('.')[1], token.split('.')[1]);
    v.cookies.delete(PHONE_COOKIE);
    assert.equal((await v.submit('/s/DPMPTSPKUKM/IMB', ANSWERS, { periodId: skmA })).status, 400);
    assert.deepEqual(await counts(), before);
    await v.open('/s/DPMPTSPKUKM/IMB');
    assert.equal((await v.submit('/s/DPMPTSPKUKM/IMB', ANSWERS, { periodId: skmA })).status, 303);
  });

  test('a fetched form is posted once: a replay from other addresses gets a clear 409 and nothing is stored', async () => {
    const v = visitor();
    await v.open('/s/DPMPTSPKUKM/SIUP');
    const stamp = formStamp(t.config.secretKey, skmA, new Date(Date.now() - 60_000));
    assert.equal((await v.submit('/s/DPMPTSPKUKM/SIUP', ANSWERS, { stamp })).status, 303);
    const before = await counts();
    for (let i = 0; i < 3; i++) {
      const w = visitor();
      await w.open('/s/DPMPTSPKUKM/SIUP');
      const res = await w.submit('/s/DPMPTSPKUKM/SIUP', ANSWERS, { stamp });
      assert.equal(res.status, 409);
      const html = await res.text();
      assert.match(html, /Formulir ini sudah pernah dikirim/);
      // a new, empty form is offered
      assert.doesNotMatch(html, /checked/);
      assert.doesNotMatch(html, new RegExp(`value="${stamp}"`));
    }
    assert.deepEqual(await counts(), before);
    // spent timestamps keep only the signature
    const [spent] = await t.database.query<{ signature: string }>(`select signature from surveys_spent_stamps where signature = $1`, [stamp.split('.')[2]]);
    assert.ok(spent);
  });

  test('control characters and invalid UTF-8 in any field: the field error of the shared text check (400), nothing stored', async () => {
    const before = await counts();
    const v = visitor();
    await v.open('/s/DPMPTSPKUKM/IMB');
    for (const [field, value] of [['suggestion', 'Antrian\u0000panjang'], ['suggestion', 'bel\u0007'], ['sex', 'p\u0000'], ['u2', '3\u0000'], ['suggestion', 'rusak \ufffd']] as const) {
      const res = await v.submit('/s/DPMPTSPKUKM/IMB', { ...ANSWERS, [field]: value }, { periodId: skmA });
      assert.equal(res.status, 400, `${field}=${JSON.stringify(value)}`);
      const html = await res.text();
      assert.match(html, new RegExp(`id="e-${field}"`), field);
      assert.match(html, /karakter kendali|tidak terbaca/, field);
    }
    // bytes that are not UTF-8 (the form parser would store them as U+FFFD)
    const body = `_csrf=${encodeURIComponent(v.csrf)}&_t=${encodeURIComponent(formStamp(t.config.secretKey, skmA, new Date(Date.now() - 60_000)))}&website=&${new URLSearchParams(ANSWERS)}&suggestion=caf%E9%FF`;
    const res = await v.submit('/s/DPMPTSPKUKM/IMB', {}, { raw: body });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /id="e-suggestion"/);
    // tab, line feed and carriage return are text
    assert.equal((await v.submit('/s/DPMPTSPKUKM/IMB', { ...ANSWERS, suggestion: 'baris satu\r\n\tbaris dua' }, { periodId: skmA })).status, 303);
    assert.equal((await counts()).responses, before.responses + 1);
  });

  test('a counter device: registered by the unit\'s survey manager (audited), answers many respondents in a row while the burst guard still holds; listed, revocable, and revoked it is a phone again', async () => {
    const staff = await loggedIn(t.app, 'ketua.zi');
    assert.equal((await staff.get(`/survei/perangkat?unit=${unitA}`)).status, 200);
    assert.equal((await staff.get(`/survei/perangkat?unit=${unitB}`)).status, 404, 'another unit');
    assert.equal((await (await loggedIn(t.app, 'pegawai')).get(`/survei/perangkat?unit=${unitA}`)).status, 403, 'an employee does not manage surveys');
    const auditBefore = await countRows(t.database, 'kernel_audit_log');
    for (const label of ['', 'Loket\u0000', 'x'.repeat(PUBLIC_SURVEY_RULES.deviceLabelMax + 1)]) {
      assert.equal((await staff.post('/survei/perangkat', { unit: unitA, label })).status, 400, JSON.stringify(label.slice(0, 10)));
    }
    assert.equal(await countRows(t.database, 'surveys_devices'), 0);
    const reg = await staff.post('/survei/perangkat', { unit: unitA, label: 'Tablet loket 1' });
    assert.equal(reg.status, 303);
    const line = reg.headers.getSetCookie().find((l) => l.startsWith(`${DEVICE_COOKIE}=`))!;
    assert.match(line, /HttpOnly/i);
    assert.match(line, new RegExp(`Max-Age=${PUBLIC_SURVEY_RULES.deviceCookieMaxAgeS}`, 'i'));
    const deviceValue = line.split(';')[0].slice(DEVICE_COOKIE.length + 1);
    const [dev] = await t.database.query<{ id: string }>(`select id from surveys_devices where unit_id = $1 and label = 'Tablet loket 1'`, [unitA]);
    assert.ok(deviceValue.startsWith(`${dev.id}.`), 'the cookie names the device, signed');
    const [audit] = await t.database.query<{ action: string; entity_id: string }>(`select action, entity_id from kernel_audit_log order by seq desc limit 1`);
    assert.deepEqual(audit, { action: 'surveys.device.register', entity_id: dev.id });
    assert.match(await (await staff.get(`/survei/perangkat?unit=${unitA}`)).text(), /Tablet loket 1[\s\S]*Aktif/);

    // the tablet: one browser on one address, one respondent after another
    const tablet = visitor();
    tablet.cookies.set(DEVICE_COOKIE, deviceValue);
    assert.match(await (await tablet.open('/s/DPMPTSPKUKM/IMB')).text(), /Perangkat loket “Tablet loket 1”/);
    const before = await counts();
    for (let i = 0; i < PUBLIC_SURVEY_RULES.burstMax; i++) {
      const html = await (await tablet.open('/s/DPMPTSPKUKM/IMB')).text();
      if (i > 0) {
        assert.match(html, /Formulir siap untuk responden berikutnya/, 'the form resets with a thank-you');
        assert.doesNotMatch(html, /checked/);
      }
      const res = await tablet.submit('/s/DPMPTSPKUKM/IMB', ANSWERS, { periodId: skmA });
      assert.equal(res.status, 303, `respondent ${i + 1}`);
      assert.equal(res.headers.get('location'), '/s/DPMPTSPKUKM/IMB');
    }
    assert.equal((await counts()).responses, before.responses + PUBLIC_SURVEY_RULES.burstMax);
    const keys = await t.database.query<{ n: number }>(`select count(*)::int as n from surveys_responses where id > (select max(id) - $1 from surveys_responses) and dedup_key is not null`, [PUBLIC_SURVEY_RULES.burstMax]);
    assert.equal(keys[0].n, 0, 'no per-phone key on a counter device');
    // the address-derived burst guard still applies
    await tablet.open('/s/DPMPTSPKUKM/IMB');
    assert.equal((await tablet.submit('/s/DPMPTSPKUKM/IMB', ANSWERS, { periodId: skmA })).status, 429);

    // revoking: another unit's device is not found; the unit's own is revoked (audited)
    const [other] = await t.database.query<{ id: string }>(`insert into surveys_devices (unit_id, label) values ($1, 'Loket Dukcapil') returning id`, [unitB]);
    assert.equal((await staff.post(`/survei/perangkat/${other.id}/cabut`, { unit: unitA })).status, 404);
    assert.equal((await staff.post(`/survei/perangkat/${other.id}/cabut`, { unit: unitB })).status, 404);
    assert.equal((await staff.post(`/survei/perangkat/${dev.id}/cabut`, { unit: unitA })).status, 303);
    const [rev] = await t.database.query<{ action: string }>(`select action from kernel_audit_log order by seq desc limit 1`);
    assert.equal(rev.action, 'surveys.device.revoke');
    assert.equal(await countRows(t.database, 'kernel_audit_log'), auditBefore + 2);
    assert.match(await (await staff.get(`/survei/perangkat?unit=${unitA}`)).text(), /Dicabut/);
    // the revoked tablet (on a fresh address, past the burst guard) is an ordinary phone: once per service and day
    const phone = visitor();
    phone.cookies = new Map(tablet.cookies);
    const html = await (await phone.open('/s/DPMPTSPKUKM/IMB')).text();
    assert.doesNotMatch(html, /Perangkat loket/);
    let res = await phone.submit('/s/DPMPTSPKUKM/IMB', ANSWERS, { periodId: skmA });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/s/DPMPTSPKUKM/IMB/terima-kasih');
    res = await phone.submit('/s/DPMPTSPKUKM/IMB', ANSWERS, { periodId: skmA });
    assert.equal(res.status, 409);
    // a forged device cookie is no device either
    const forged = visitor();
    forged.cookies.set(DEVICE_COOKIE, `${dev.id}.${'A'.repeat(32)}`);
    assert.doesNotMatch(await (await forged.open('/s/DPMPTSPKUKM/IMB')).text(), /Perangkat loket/);
  });

  describe('overload on the embedded engine', { skip: engine === 'pglite' ? false : 'PostgreSQL serves from a pool; the bound is for the embedded engine\'s one queued connection' }, () => {
    /** Holds the one connection in a transaction until released (or a safety timeout). */
    async function holdConnection(ms: number) {
      let release!: () => void;
      let started!: () => void;
      const isHeld = new Promise<void>((r) => { started = r; });
      const released = new Promise<void>((r) => { release = r; });
      const timer = setTimeout(release, ms);
      const done = t.database.db.transaction(async () => { started(); await released; });
      await isHeld;
      return { release: async () => { clearTimeout(timer); release(); await done; } };
    }

    test('boundedDbWait: a bounded wait for the connection gives up with DatabaseBusyError and leaves the queue; unbounded waits go through in order', async () => {
      const hold = await holdConnection(5_000);
      const order: string[] = [];
      const unbounded = t.database.query('select 1').then(() => order.push('unbounded'));
      await assert.rejects(boundedDbWait(150, () => t.database.query('select 2')), DatabaseBusyError);
      const later = t.database.query('select 3').then(() => order.push('later'));
      await hold.release();
      await Promise.all([unbounded, later]);
      assert.deepEqual(order, ['unbounded', 'later']);
      // a free connection is taken at once, bound or not
      assert.deepEqual(await boundedDbWait(1, () => t.database.query<{ n: number }>('select 4 as n')), [{ n: 4 }]);
    });

    test('a submission that would wait past the bound is refused early with 503 and Retry-After, nothing stored; once free the same form goes through', async () => {
      const v = visitor();
      await v.open('/s/DPMPTSPKUKM/IMB');
      const stamp = formStamp(t.config.secretKey, skmA, new Date(Date.now() - 60_000));
      const before = await counts();
      // without the bound the submission would wait for the connection and commit once it is free
      const hold = await holdConnection(PUBLIC_SURVEY_RULES.dbMaxWaitMs + 3_000);
      const res = await v.submit('/s/DPMPTSPKUKM/IMB', ANSWERS, { stamp });
      await hold.release();
      assert.equal(res.status, 503, (await res.clone().text()).slice(0, 300));
      assert.equal(res.headers.get('retry-after'), String(PUBLIC_SURVEY_RULES.busyRetryAfterS));
      assert.match(await res.text(), /sangat sibuk/);
      assert.deepEqual(await counts(), before);
      assert.equal((await v.submit('/s/DPMPTSPKUKM/IMB', ANSWERS, { stamp })).status, 303);
    });
  });

  test('forged service codes, another unit\'s service, unknown units: 404, nothing stored', async () => {
    const before = await counts();
    const v = visitor();
    for (const p of ['/s/DPMPTSPKUKM/NOPE', '/s/DPMPTSPKUKM/KTP', '/s/NOUNIT/IMB', '/s/DISDUKCAPIL/IMB']) {
      assert.equal((await v.open(p)).status, 404, `GET ${p}`);
      await v.open('/s/DPMPTSPKUKM/IMB');
      const res = await v.submit(p, ANSWERS, { periodId: skmA });
      assert.equal(res.status, 404, `POST ${p}`);
    }
    // a timestamp signed for another period does not carry over
    await v.open('/s/DPMPTSPKUKM/ipkp');
    assert.equal((await v.submit('/s/DPMPTSPKUKM/ipkp', ANSWERS, { periodId: skmA })).status, 400);
    assert.equal((await counts()).responses, before.responses);
  });

  test('a closed period, or none: a clear "not open" page; a POST is refused with 409, nothing stored', async () => {
    const before = await counts();
    const v = visitor();
    let res = await v.open('/s/DISDUKCAPIL/KTP');
    assert.equal(res.status, 200);
    let html = await res.text();
    assert.match(html, /Survei belum dibuka/);
    assert.doesNotMatch(html, /type="radio"/);
    res = await v.submit('/s/DISDUKCAPIL/KTP', ANSWERS, { periodId: skmClosed });
    assert.equal(res.status, 409);
    assert.match(await res.text(), /sedang tidak dibuka/);
    // no SPKP period at all for DISDUKCAPIL
    html = await (await v.open('/s/DISDUKCAPIL/ipkp')).text();
    assert.match(html, /Survei belum dibuka/);
    // a period that ended yesterday
    const ended = await addPeriod(unitA, 'spak', { startsOn: shift(-30), endsOn: shift(-1), n: 2 });
    assert.match(await (await v.open('/s/DPMPTSPKUKM/ipak')).text(), /Survei belum dibuka/);
    assert.equal((await v.submit('/s/DPMPTSPKUKM/ipak', answersOf(await (await v.open('/s/DISDUKCAPIL/ipak')).text(), Array((instrumentFor('spak', Number(today().slice(0, 4))).items.length)).fill(4)), { periodId: ended })).status, 409);
    assert.deepEqual(await counts(), before);
  });

  test('receipt codes: required, checked by hash, used once in the same transaction; wrong or reused codes store nothing', async () => {
    const v = visitor();
    const html = await (await v.open('/s/DISDUKCAPIL/ipak')).text();
    const n = (html.match(/<fieldset class="survey-q"/g) ?? []).length;
    const values = Array.from({ length: n }, (_, i) => (i === 2 ? 3 : 4));
    const spak = answersOf(html, values);
    assert.match(html, /name="code"/);
    let before = await counts();
    let res = await v.submit('/s/DISDUKCAPIL/ipak', spak, { periodId: codePeriod });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /Masukkan kode survei/);
    res = await v.submit('/s/DISDUKCAPIL/ipak', { ...spak, code: 'WRONG123' }, { periodId: codePeriod });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /tidak dikenal atau sudah dipakai/);
    assert.equal((await v.submit('/s/DISDUKCAPIL/ipak', { ...spak, code: 'AB12<script>' }, { periodId: codePeriod })).status, 400);
    assert.deepEqual(await counts(), before);
    // a valid code (typed in lower case with a dash) stores the response and marks the code used
    res = await v.submit('/s/DISDUKCAPIL/ipak', { ...spak, code: 'ab12-cd34' }, { periodId: codePeriod });
    assert.equal(res.status, 303);
    const [row] = await t.database.query<{ code_id: string; answers: number[]; service_id: string | null }>(`select code_id, answers, service_id from surveys_responses order by id desc limit 1`);
    const [code] = await t.database.query<{ id: string; used_at: Date | null }>(`select id, used_at from surveys_codes where code_hash = $1`, [hashReceiptCode('AB12CD34')]);
    assert.equal(row.code_id, code.id);
    assert.ok(code.used_at);
    assert.deepEqual(row.answers, values);
    assert.equal(row.service_id, null);
    // reused, from another client: refused, nothing stored
    before = await counts();
    const w = visitor();
    await w.open('/s/DISDUKCAPIL/ipak');
    res = await w.submit('/s/DISDUKCAPIL/ipak', { ...spak, code: 'AB12CD34' }, { periodId: codePeriod });
    assert.equal(res.status, 400);
    assert.deepEqual(await counts(), before);
    // with a code, the same device may answer again (a kiosk at the counter): the code is the proof
    res = await v.submit('/s/DISDUKCAPIL/ipak', { ...spak, code: 'ZZ99YY88' }, { periodId: codePeriod });
    assert.equal(res.status, 303);
    // a code of this period does not open another unit's period
    assert.equal((await counts()).usedCodes, 2);
  });

  test('the honeypot: the bot sees the thanks page, nothing is stored', async () => {
    const before = await counts();
    const v = visitor();
    await v.open('/s/DPMPTSPKUKM/IMB');
    const res = await v.submit('/s/DPMPTSPKUKM/IMB', { ...ANSWERS, website: 'http://spam.example' }, { periodId: skmA });
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location')!, /terima-kasih$/);
    assert.deepEqual(await counts(), before);
  });

  test('the signed timestamp: too fast, forged or missing → 400, nothing stored; the kept timestamp works once the time has passed', async () => {
    const before = await counts();
    const v = visitor();
    await v.open('/s/DPMPTSPKUKM/IMB');
    let res = await v.submit('/s/DPMPTSPKUKM/IMB', ANSWERS);
    assert.equal(res.status, 400);
    assert.match(await res.text(), /terlalu cepat/);
    const forged = `${Date.now() - 60_000}.${'A'.repeat(32)}`;
    assert.equal((await v.submit('/s/DPMPTSPKUKM/IMB', ANSWERS, { stamp: forged })).status, 400);
    assert.equal((await v.submit('/s/DPMPTSPKUKM/IMB', ANSWERS, { stamp: '' })).status, 400);
    const old = formStamp(t.config.secretKey, skmA, new Date(Date.now() - PUBLIC_SURVEY_RULES.formMaxAgeMs - 1000));
    res = await v.submit('/s/DPMPTSPKUKM/IMB', ANSWERS, { stamp: old });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /kedaluwarsa/);
    assert.deepEqual(await counts(), before);
    await new Promise((r) => setTimeout(r, PUBLIC_SURVEY_RULES.minFillMs));
    assert.equal((await v.submit('/s/DPMPTSPKUKM/IMB', ANSWERS)).status, 303);
  });

  test('without the CSRF token a POST is refused (403), nothing stored', async () => {
    const before = await counts();
    const v = visitor();
    await v.open('/s/DPMPTSPKUKM/IMB');
    v.csrf = 'forged';
    assert.equal((await v.submit('/s/DPMPTSPKUKM/IMB', ANSWERS, { periodId: skmA })).status, 403);
    assert.deepEqual(await counts(), before);
  });

  test('public results: only published periods, respondents, IKM, NRR per unsur, per service, follow-up; IPKP under 30 flagged', async () => {
    const v = visitor();
    let html = await (await v.open('/publik/unit/DPMPTSPKUKM/survei')).text();
    assert.match(html, /Belum ada hasil survei yang diumumkan/);
    await t.database.query(`update surveys_periods set published_at = now() where id in ($1, $2)`, [skmA, spkpA]);
    await t.database.query(`insert into surveys_followups (period_id, item, action, target_date, done, realisation) values ($1, 'U8', 'Menambah kursi ruang tunggu', $2, true, 'Dua puluh kursi dibeli')`, [skmA, shift(20)]);
    const [{ n }] = await t.database.query<{ n: number }>(`select count(*)::int as n from surveys_responses where period_id = $1`, [skmA]);
    const res = await v.open('/publik/unit/DPMPTSPKUKM/survei');
    assert.equal(res.status, 200);
    html = await res.text();
    assert.match(html, new RegExp(`data-respondents="true">${n}<`));
    // every stored SKM answer here is ANSWERS: NRR = the answers, IKM = 28/9 = 3,11, NIK 77,78, B
    assert.match(html, /data-index="true">3,11</);
    assert.match(html, /data-nik="true">77,78</);
    assert.match(html, /B — Baik/);
    assert.match(html, /<th scope="row">U8 Sarana dan prasarana<\/th><td class="num">1,00<\/td>/);
    assert.match(html, /Persetujuan Bangunan Gedung/);
    assert.match(html, /Menambah kursi ruang tunggu/);
    assert.match(html, /Dua puluh kursi dibeli/);
    assert.match(html, /di bawah minimum 30 responden/);
    assert.match(html, /<svg class="survey-bar"[^>]*aria-hidden="true"/);
    assert.equal((await v.open('/publik/unit/NOUNIT/survei')).status, 404);
    // each period links to the form it reports on: SPKP the unit's form, SKM each service's form
    assert.match(html, /href="\/s\/DPMPTSPKUKM\/ipkp"/);
    assert.match(html, /<a href="\/s\/DPMPTSPKUKM\/IMB">Persetujuan Bangunan Gedung<\/a>/);
    // the public unit page links here
    assert.match(await (await v.open('/publik/unit/DPMPTSPKUKM')).text(), /href="\/publik\/unit\/DPMPTSPKUKM\/survei"/);
  });

  test('QR poster: staff of the unit download an A4 PDF whose QR code holds the short link; others may not', async () => {
    const staff = await loggedIn(t.app, 'ketua.zi');
    const list = await staff.get(`/survei/poster?unit=${unitA}`);
    assert.equal(list.status, 200);
    assert.match(await list.text(), /\/survei\/poster\/[0-9a-f-]{36}\/IMB\.pdf/);
    const res = await staff.get(`/survei/poster/${unitA}/IMB.pdf`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const pdf = new Uint8Array(await res.arrayBuffer());
    assert.equal(new TextDecoder().decode(pdf.slice(0, 5)), '%PDF-');
    assert.equal((await staff.get(`/survei/poster/${unitA}/NOPE.pdf`)).status, 404);
    assert.equal((await staff.get(`/survei/poster/${unitB}/KTP.pdf`)).status, 404);
    assert.equal((await (await loggedIn(t.app, 'pegawai')).get(`/survei/poster/${unitA}/IMB.pdf`)).status, 403);
    const dir = mkdtempSync(path.join(tmpdir(), 'itg-poster-'));
    try {
      writeFileSync(path.join(dir, 'p.pdf'), pdf);
      if (spawnSync('pdftotext', ['-v']).status === 0) {
        const text = execFileSync('pdftotext', [path.join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
        assert.match(text, /Bagaimana pelayanan kami\?/);
        assert.match(text, /Persetujuan Bangunan Gedung/);
        assert.match(text, /127\.0\.0\.1:3000\/s\/DPMPTSPKUKM\/IMB/);
      }
      if (spawnSync('pdftoppm', ['-v']).status === 0 && spawnSync('zbarimg', ['--version']).status === 0) {
        execFileSync('pdftoppm', ['-r', '72', '-png', path.join(dir, 'p.pdf'), path.join(dir, 'p')]);
        const scanned = execFileSync('zbarimg', ['--raw', '-q', path.join(dir, 'p-1.png')], { encoding: 'utf8' }).trim();
        assert.equal(scanned, `${t.config.publicUrl}/s/DPMPTSPKUKM/IMB`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
