import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formInstrumentOf } from './public.instrument.ts';
import {
  checkStamp, dailySalt, dedupKey, DEVICE_COOKIE, deviceCookie, deviceIdOf, formStamp, HONEYPOT_FIELD, itemField, newPhoneToken,
  parseResponseForm, PHONE_COOKIE, phoneTokenOf, PUBLIC_SURVEY_RULES, STAMP_FIELD, STAMP_PATTERN, stampSignature, surveyFormPath, throttleKey,
  type FormInstrument, type PublicSurveyRules,
} from './public.rules.ts';

// Golden values below were computed outside this code (Python's hmac/hashlib, base64url without
// padding) from the documented derivations; a change of a derivation changes stored keys and
// invalidates cookies and served forms, so it must be deliberate.
const SECRET = 'test-secret';
const DAY = '2026-03-14';
const TOKEN = '20260314.AAAAAAAAAAAAAAAAAAAAAA';
const DEVICE = '0b7e4a1c-2f3d-4e5a-9b8c-1d2e3f4a5b6c';
const ISSUED = new Date('2026-03-14T05:00:00.000Z'); // 1773464400000
const NONCE = 'AAAAAAAAAAAAAAAA';
const STAMP = '1773464400000.AAAAAAAAAAAAAAAA.55ZlSnpevHWmeG5GqcmDuUbOSU3wHAOl';

test('the settings of the public forms and the names the pages and the CSS rely on', () => {
  assert.deepEqual({ ...PUBLIC_SURVEY_RULES }, {
    perPhonePerFormPerDay: 1,
    burstMax: 60,
    burstWindowMs: 600_000,
    minFillMs: 3_000,
    formMaxAgeMs: 86_400_000,
    dbMaxWaitMs: 4_000,
    busyRetryAfterS: 30,
    phoneCookieMaxAgeS: 172_800,
    deviceCookieMaxAgeS: 34_560_000,
    bodyMaxBytes: 16_384,
    suggestionMax: 1_000,
    codeMax: 32,
    deviceLabelMax: 80,
    throttleKeepMs: 172_800_000,
  });
  assert.deepEqual([HONEYPOT_FIELD, STAMP_FIELD, PHONE_COOKIE, DEVICE_COOKIE], ['website', '_t', 'itg_svy', 'itg_svy_device']);
  assert.equal(itemField('U1'), 'u1');
  assert.equal(itemField('A1a'), 'a1a');
});

test('surveyFormPath: /s/<unit>/<segment>, each part URL-encoded', () => {
  assert.equal(surveyFormPath('DISDUK', 'ktp'), '/s/DISDUK/ktp');
  assert.equal(surveyFormPath('unit a/b', 'ipak?x'), '/s/unit%20a%2Fb/ipak%3Fx');
});

test('dailySalt, dedupKey, throttleKey: fixed derivations, different per day and per input', () => {
  assert.equal(dailySalt(SECRET, DAY).toString('hex'), 'dc73ecac20fd62f110e5b27c1365dcc06a0d240d861662639656e7b3e2b63218');
  assert.equal(dailySalt(SECRET, '2026-03-15').toString('hex'), '49d1dc9d07ff5e39721602965f52511be2c587ac9fb23eb856837df9501c882b');
  assert.equal(dedupKey(SECRET, DAY, TOKEN, 'period-1', 'svc-a'), 'd2:YliC6oevcJKgSrgyWnpdJqi9Hrs-vORS');
  assert.equal(dedupKey(SECRET, '2026-03-15', TOKEN, 'period-1', 'svc-a'), 'd2:dqTXlDWaEf0rSdHYZDYdMMhPo34OuA42');
  assert.equal(throttleKey(SECRET, DAY, '203.0.113.7'), 's1:UmvYASt_TeFimHb5cjpx_90QxYdNnJnx');
  assert.equal(throttleKey(SECRET, '2026-03-15', '203.0.113.7'), 's1:rJXc2Sg36VRcROPYw01rw9Cg6F18l-gW');
  // every input counts
  const base = dedupKey(SECRET, DAY, TOKEN, 'period-1', 'svc-a');
  for (const other of [
    dedupKey('other-secret', DAY, TOKEN, 'period-1', 'svc-a'),
    dedupKey(SECRET, DAY, '20260314.BAAAAAAAAAAAAAAAAAAAAA', 'period-1', 'svc-a'),
    dedupKey(SECRET, DAY, TOKEN, 'period-2', 'svc-a'),
    dedupKey(SECRET, DAY, TOKEN, 'period-1', 'svc-b'),
  ]) assert.notEqual(other, base);
  assert.notEqual(throttleKey(SECRET, DAY, '203.0.113.8'), throttleKey(SECRET, DAY, '203.0.113.7'));
});

test('phone tokens: <YYYYMMDD>.<22 base64url>, random, accepted only on their own day', () => {
  const a = newPhoneToken(DAY);
  const b = newPhoneToken(DAY);
  assert.match(a, /^20260314\.[A-Za-z0-9_-]{22}$/);
  assert.notEqual(a, b);
  assert.equal(phoneTokenOf(a, DAY), a);
  assert.equal(phoneTokenOf(TOKEN, DAY), TOKEN);
  const refused: (string | undefined)[] = [
    undefined, '', TOKEN.slice(0, -1), `${TOKEN}A`, `x${TOKEN}`, '20260314.AAAAAAAAAAAAAAAAAAAAA+', '20260314AAAAAAAAAAAAAAAAAAAAAAA', '2026314.AAAAAAAAAAAAAAAAAAAAAA',
    '2026-03-14.AAAAAAAAAAAAAAAAAAAAAA',
  ];
  for (const c of refused) assert.equal(phoneTokenOf(c, DAY), null, String(c));
  // yesterday's token is rotated away
  assert.equal(phoneTokenOf(TOKEN, '2026-03-15'), null);
  assert.equal(phoneTokenOf('20260315.AAAAAAAAAAAAAAAAAAAAAA', '2026-03-15'), '20260315.AAAAAAAAAAAAAAAAAAAAAA');
});

test('device cookies: the id signed with the secret; only a correct signature of a lower-case UUID is accepted', () => {
  const cookie = deviceCookie(SECRET, DEVICE);
  assert.equal(cookie, '0b7e4a1c-2f3d-4e5a-9b8c-1d2e3f4a5b6c.C6Z03DeNPX3MaqqXthvhWgLh-muqw2lH');
  assert.equal(deviceIdOf(SECRET, cookie), DEVICE);
  const sig = cookie.slice(DEVICE.length + 1);
  const refused: (string | undefined)[] = [
    undefined, '', DEVICE, `${DEVICE}.`,
    `${DEVICE}.${sig.slice(0, -1)}A`, // another signature
    `${DEVICE}.${sig.slice(0, -1)}`, `${cookie}A`, `x${cookie}`,
    `${DEVICE.toUpperCase()}.${sig}`,
    `0b7e4a1c-2f3d-4e5a-9b8c-1d2e3f4a5b6d.${sig}`, // another id with this id's signature
    `0b7e4a1c2f3d4e5a9b8c1d2e3f4a5b6c.${sig}`,
  ];
  for (const c of refused) assert.equal(deviceIdOf(SECRET, c), null, String(c));
  assert.equal(deviceIdOf('other-secret', cookie), null);
});

test('formStamp: <ms>.<nonce>.<signature>, bound to the period and the time; a random nonce by default', () => {
  assert.equal(formStamp(SECRET, 'period-1', ISSUED, NONCE), STAMP);
  assert.notEqual(formStamp(SECRET, 'period-2', ISSUED, NONCE), STAMP);
  assert.notEqual(formStamp(SECRET, 'period-1', new Date(ISSUED.getTime() + 1), NONCE).split('.')[2], STAMP.split('.')[2]);
  const a = formStamp(SECRET, 'period-1', ISSUED);
  const b = formStamp(SECRET, 'period-1', ISSUED);
  assert.match(a, STAMP_PATTERN);
  assert.match(a, /^1773464400000\./);
  assert.notEqual(a, b);
  assert.equal(stampSignature(STAMP), '55ZlSnpevHWmeG5GqcmDuUbOSU3wHAOl');
  assert.equal(stampSignature('no-dot'), 'no-dot');
  // the pattern: 13 digits, 16 and 32 base64url characters, nothing around
  for (const s of [STAMP, '0000000000000.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '9999999999999.-_-_-_-_-_-_-_-_.zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz']) assert.match(s, STAMP_PATTERN);
  for (const s of [`x${STAMP}`, `${STAMP}x`, STAMP.slice(1), '1773464400000.AAAAAAAAAAAAAAA=.55ZlSnpevHWmeG5GqcmDuUbOSU3wHAOl', '1773464400000.AAAAAAAAAAAAAAAA.55ZlSnpevHWmeG5GqcmDuUbOSU3wHAO', '177346440000a.AAAAAAAAAAAAAAAA.55ZlSnpevHWmeG5GqcmDuUbOSU3wHAOl']) {
    assert.doesNotMatch(s, STAMP_PATTERN);
  }
});

test('checkStamp: valid from 3 s to 24 h after serving; forged, tampered, other period or secret invalid', () => {
  const at = (ms: number) => new Date(ISSUED.getTime() + ms);
  const ages: [number, 'ok' | 'too_fast' | 'expired'][] = [
    [-1_000, 'too_fast'], [0, 'too_fast'], [2_999, 'too_fast'], [3_000, 'ok'], [60_000, 'ok'],
    [86_400_000, 'ok'], [86_400_001, 'expired'], [30 * 86_400_000, 'expired'],
  ];
  for (const [age, want] of ages) {
    const r = checkStamp(SECRET, 'period-1', STAMP, at(age));
    assert.equal(r.ok ? 'ok' : r.reason, want, `age ${age}`);
  }
  assert.deepEqual(checkStamp(SECRET, 'period-1', STAMP, at(10_000)), { ok: true, issuedAt: ISSUED, signature: '55ZlSnpevHWmeG5GqcmDuUbOSU3wHAOl' });
  const invalid: (string | undefined)[] = [
    undefined, '', 'garbage',
    STAMP.replace('55Zl', '55Zm'), // tampered signature
    STAMP.replace('1773464400000', '1773464300000'), // an older time with the same signature
    STAMP.replace(NONCE, 'BAAAAAAAAAAAAAAA'), // another nonce
    '0001773464400.AAAAAAAAAAAAAAAA.55ZlSnpevHWmeG5GqcmDuUbOSU3wHAOl', // leading zeros: not a time this code signs
  ];
  for (const s of invalid) assert.deepEqual(checkStamp(SECRET, 'period-1', s, at(10_000)), { ok: false, reason: 'invalid' }, String(s));
  assert.deepEqual(checkStamp(SECRET, 'period-2', STAMP, at(10_000)), { ok: false, reason: 'invalid' });
  assert.deepEqual(checkStamp('other-secret', 'period-1', STAMP, at(10_000)), { ok: false, reason: 'invalid' });
  // a stamp signed for an early ms value (fewer than 13 digits) cannot be posted in the 13-digit shape
  const early = formStamp(SECRET, 'period-1', new Date(1_000), NONCE);
  assert.equal(checkStamp(SECRET, 'period-1', early, new Date(10_000)).ok, false);
  const padded = `000000000${early}`;
  assert.match(padded, STAMP_PATTERN);
  assert.deepEqual(checkStamp(SECRET, 'period-1', padded, new Date(10_000)), { ok: false, reason: 'invalid' });
  // the limits are the rules argument's
  const rules = { minFillMs: 10_000, formMaxAgeMs: 20_000 } as unknown as PublicSurveyRules;
  const r = (ms: number) => { const c = checkStamp(SECRET, 'period-1', STAMP, at(ms), rules); return c.ok ? 'ok' : c.reason; };
  assert.deepEqual([r(9_999), r(10_000), r(20_000), r(20_001)], ['too_fast', 'ok', 'ok', 'expired']);
});

// ---- the posted form ----------------------------------------------------------------------------

const SKM = formInstrumentOf('skm-permenpanrb-14-2017')!;
const answers = (v = '4') => Object.fromEntries(SKM.items.map((i) => [itemField(i.code), v]));
const parse = (form: Record<string, string>, requireCode = false, inst: FormInstrument = SKM, rules?: { suggestionMax: number; codeMax: number }) =>
  parseResponseForm(inst, form, { requireCode }, rules as PublicSurveyRules | undefined);
const errorsOf = (form: Record<string, string>, requireCode = false) => {
  const r = parse(form, requireCode);
  return r.ok ? null : r.errors;
};

test('parseResponseForm: a complete form gives the answers in item order, the profile codes, the trimmed suggestion and the normal code', () => {
  const form = { ...answers(), u1: '1', u9: ' 2 ', sex: ' p ', age: '30_39', education: '', suggestion: '  Antrean\r\nlebih cepat  ', code: ' abcd-efgh ', website: '', _t: 'x' };
  assert.deepEqual(parse(form, true), {
    ok: true,
    value: { answers: [1, 4, 4, 4, 4, 4, 4, 4, 2], profile: { sex: 'p', age: '30_39' }, suggestion: 'Antrean\nlebih cepat', code: 'ABCDEFGH' },
  });
  // the minimum: the answers only
  assert.deepEqual(parse(answers('3')), { ok: true, value: { answers: [3, 3, 3, 3, 3, 3, 3, 3, 3], profile: {}, suggestion: null, code: null } });
  assert.deepEqual(parse({ ...answers(), suggestion: ' \r\n ', code: ' - ' }), { ok: true, value: { answers: [4, 4, 4, 4, 4, 4, 4, 4, 4], profile: {}, suggestion: null, code: null } });
  // SPAK: its own items (a1a … a5b)
  const spak = formInstrumentOf('spak-2026')!;
  const spakForm = Object.fromEntries(spak.items.map((i, k) => [itemField(i.code), String((k % 4) + 1)]));
  const r = parse(spakForm, false, spak);
  assert.ok(r.ok);
  assert.deepEqual(r.value.answers, [1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 1]);
});

test('parseResponseForm: answers — missing is "required", anything but one or two plain digits on the scale is "invalid"', () => {
  const cases: [string | undefined, string | null][] = [
    [undefined, 'survey.public.error.answer_required'], ['', 'survey.public.error.answer_required'], ['   ', 'survey.public.error.answer_required'],
    ['1', null], ['4', null], ['03', null], [' 2 ', null],
    ['0', 'survey.public.error.answer_invalid'], ['5', 'survey.public.error.answer_invalid'], ['12', 'survey.public.error.answer_invalid'],
    ['003', 'survey.public.error.answer_invalid'], ['+3', 'survey.public.error.answer_invalid'], ['-1', 'survey.public.error.answer_invalid'],
    ['3.0', 'survey.public.error.answer_invalid'], ['2.5', 'survey.public.error.answer_invalid'], ['3 3', 'survey.public.error.answer_invalid'],
    ['a3', 'survey.public.error.answer_invalid'], ['3a', 'survey.public.error.answer_invalid'], ['0x3', 'survey.public.error.answer_invalid'], ['Sangat baik', 'survey.public.error.answer_invalid'],
  ];
  for (const [v, want] of cases) {
    const form = answers();
    if (v === undefined) delete form.u5; else form.u5 = v;
    assert.deepEqual(errorsOf(form), want === null ? null : { u5: want }, JSON.stringify(v));
  }
  // the field is the lower-case code: U1 is not u1
  const upper = answers();
  delete upper.u1;
  assert.deepEqual(errorsOf({ ...upper, U1: '4' }), { u1: 'survey.public.error.answer_required' });
  // every error at once, nothing partial
  assert.deepEqual(errorsOf({ u1: '4', u2: '9', u3: 'x' }), {
    u2: 'survey.public.error.answer_invalid', u3: 'survey.public.error.answer_invalid',
    u4: 'survey.public.error.answer_required', u5: 'survey.public.error.answer_required', u6: 'survey.public.error.answer_required',
    u7: 'survey.public.error.answer_required', u8: 'survey.public.error.answer_required', u9: 'survey.public.error.answer_required',
  });
});

test('parseResponseForm: profile values are codes of their lists (labels, other case or unknown codes refused); empty is fine; unknown fields ignored', () => {
  const ok: [Record<string, string>, Record<string, string>][] = [
    [{ sex: 'l' }, { sex: 'l' }], [{ sex: ' l ', occupation: 'lainnya' }, { sex: 'l', occupation: 'lainnya' }],
    [{ age: '   ', education: '' }, {}], [{ shoe: '42' }, {}], [{ age: '50plus', education: 's2' }, { age: '50plus', education: 's2' }],
  ];
  for (const [p, want] of ok) {
    const r = parse({ ...answers(), ...p });
    assert.ok(r.ok, JSON.stringify(p));
    assert.deepEqual(r.value.profile, want, JSON.stringify(p));
  }
  const bad: Record<string, string>[] = [{ sex: 'x' }, { sex: 'P' }, { sex: 'Perempuan' }, { sex: 'female' }, { education: 'S1' }, { age: '30-39' }];
  for (const p of bad) {
    const field = Object.keys(p)[0];
    assert.deepEqual(errorsOf({ ...answers(), ...p }), { [field]: 'survey.public.error.choice_invalid' }, JSON.stringify(p));
  }
  assert.deepEqual(errorsOf({ ...answers(), sex: 'x', age: 'Lt20', u1: '' }), {
    u1: 'survey.public.error.answer_required', sex: 'survey.public.error.choice_invalid', age: 'survey.public.error.choice_invalid',
  });
});

test('parseResponseForm: control characters and invalid UTF-8 in any field are that field\'s error, and win over the field\'s own check', () => {
  const cases: [string, string, string][] = [
    ['u1', '4\u0000', 'error.text.control'],
    ['u2', '\u0007', 'error.text.control'],
    ['u3', '\ufffd', 'error.text.encoding'],
    ['sex', 'p\u0001', 'error.text.control'],
    ['education', '\ufffd', 'error.text.encoding'],
    ['suggestion', 'bagus\u001b[31m', 'error.text.control'],
    ['suggestion', `${'a'.repeat(1_001)}\u0000`, 'error.text.control'],
    ['suggestion', 'caf\ufffd', 'error.text.encoding'],
    ['code', 'ABCD\u0000EFGH', 'error.text.control'],
    ['code', '\ufffd', 'error.text.encoding'],
  ];
  for (const [field, v, want] of cases) assert.deepEqual(errorsOf({ ...answers(), [field]: v }, true), field === 'code' ? { code: want } : { [field]: want, code: 'survey.public.error.code_required' }, `${field} ${JSON.stringify(v)}`);
  // tab, LF and CR are text; fields outside the form's own are not checked
  const r = parse({ ...answers(), suggestion: 'a\tb\r\nc', website: '\u0000', _t: '\u0000', other: '\ufffd' });
  assert.ok(r.ok);
  assert.equal(r.value.suggestion, 'a\tb\nc');
});

test('parseResponseForm: suggestion up to 1 000 characters after trimming and CRLF → LF; one more is too long', () => {
  const at = (s: string) => { const r = parse({ ...answers(), suggestion: s }); return r.ok ? r.value.suggestion : r.errors; };
  const max = 'a'.repeat(1_000);
  assert.equal(at(max), max);
  assert.deepEqual(at(`${max}b`), { suggestion: 'survey.public.error.suggestion_too_long' });
  assert.equal(at(`  ${max}\r\n `), max);
  // CRLF counts as one character: 500 + CRLF + 499 is 1 000 after normalising
  const crlf = `${'a'.repeat(500)}\r\n${'a'.repeat(499)}`;
  assert.equal(at(crlf), `${'a'.repeat(500)}\n${'a'.repeat(499)}`);
  assert.deepEqual(at(`${'a'.repeat(500)}\r\n${'a'.repeat(500)}`), { suggestion: 'survey.public.error.suggestion_too_long' });
  // the limits are the rules argument's
  const small = { suggestionMax: 5, codeMax: 4 };
  const p = (f: Record<string, string>) => { const r = parse({ ...answers(), ...f }, false, SKM, small); return r.ok ? r.value : r.errors; };
  assert.deepEqual(p({ suggestion: 'abcde', code: 'AB-CD' }), { answers: [4, 4, 4, 4, 4, 4, 4, 4, 4], profile: {}, suggestion: 'abcde', code: 'ABCD' });
  assert.deepEqual(p({ suggestion: 'abcdef', code: 'ABCDE' }), { suggestion: 'survey.public.error.suggestion_too_long', code: 'survey.public.error.code_invalid' });
});

test('parseResponseForm: the receipt code — normalised, letters and digits only, at most 32; required only when the period says so', () => {
  const at = (code: string | undefined, requireCode: boolean) => {
    const form = answers();
    if (code !== undefined) form.code = code;
    const r = parse(form, requireCode);
    return r.ok ? r.value.code : r.errors;
  };
  const max = 'A'.repeat(32);
  const cases: [string | undefined, boolean, string | null | Record<string, string>][] = [
    [undefined, false, null], ['', false, null], ['   ', false, null],
    [undefined, true, { code: 'survey.public.error.code_required' }], ['', true, { code: 'survey.public.error.code_required' }], [' - - ', true, { code: 'survey.public.error.code_required' }],
    ['abcd-efgh', true, 'ABCDEFGH'], ['ABCD EFGH', false, 'ABCDEFGH'], ['k7p2', true, 'K7P2'],
    [max, true, max], [`${'A-'.repeat(32)}`, true, max], [`${max}A`, true, { code: 'survey.public.error.code_invalid' }],
    ['ABCD_EFGH', true, { code: 'survey.public.error.code_invalid' }], ['ABCD.EFGH', false, { code: 'survey.public.error.code_invalid' }],
    ['ÄBCD', true, { code: 'survey.public.error.code_invalid' }], ['ABC!', true, { code: 'survey.public.error.code_invalid' }],
  ];
  for (const [code, req, want] of cases) assert.deepEqual(at(code, req), want, `${JSON.stringify(code)} required=${req}`);
});

test('parseResponseForm: a form instrument out of step with the survey core is refused as a whole', () => {
  // fewer items than the core's instrument: the answer count is wrong
  const short: FormInstrument = { ...SKM, items: SKM.items.slice(0, 8) };
  assert.deepEqual(parse(answers(), false, short), { ok: false, errors: { _: 'survey.public.error.answer_invalid' } });
  // a profile field the core does not know
  const extra: FormInstrument = { ...SKM, profile: { ...SKM.profile, shoe: ['s', 'm'] } };
  assert.deepEqual(parse({ ...answers(), shoe: 's' }, false, extra), { ok: false, errors: { shoe: 'survey.public.error.choice_invalid' } });
  // a code the form offers but the core does not
  const offered: FormInstrument = { ...SKM, profile: { ...SKM.profile, sex: ['l', 'p', 'x'] } };
  assert.deepEqual(parse({ ...answers(), sex: 'x' }, false, offered), { ok: false, errors: { sex: 'survey.public.error.choice_invalid' } });
});
