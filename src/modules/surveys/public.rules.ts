// Pure rules of the public survey forms: the limits, the daily-rotating salted keys (the address
// only for the burst guard, the phone's random cookie token for the duplicate check; no address or
// user agent is ever stored), counter devices' signed cookies, the signed single-use form
// timestamp, and reading a posted form into a response (the answers and profile checked by the
// survey core's validateResponse, every field by the kernel's text check). Everything here is a
// function of its arguments (new tokens and nonces aside, which are random); public.service.ts
// does the I/O.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { badTextFields } from '../../kernel/text.ts';
import { normaliseCode } from './surveys.codes.ts';
import { validateResponse } from './surveys.rules.ts';

/**
 * Security settings of the public forms, not regulation numbers; kept here with their reasons.
 * Deployment-specific tuning is a change of these values (see the module README and decision 0008).
 */
export const PUBLIC_SURVEY_RULES = {
  /**
   * Responses one phone may give to one service form (a service's SKM, or the unit's SPAK / SPKP)
   * of a period per day. A phone is a random token in a first-party cookie, never an address, so
   * everyone behind one office Wi-Fi or carrier NAT answers, and one citizen may rate each service
   * they used. Counter devices and receipt codes skip this check (the device or the code is the proof).
   */
  perPhonePerFormPerDay: 1,
  /**
   * Submission attempts (valid or not) per salted network address per window, across all forms:
   * the only use of the address. Sized for a busy counter behind one NAT — a counter serving a
   * citizen a minute at its peak, each with up to three attempts (a correction, a retry), is ~30 in
   * ten minutes; doubled for two counters or offices sharing one public address. A script from one
   * address is still held to 60 per ten minutes, and guessing receipt codes (8 characters of 32) stays hopeless.
   */
  burstMax: 60,
  burstWindowMs: 10 * 60_000,
  /** A person needs more than this to read and answer nine questions; a script posting at once does not. */
  minFillMs: 3_000,
  /** A form older than this is stale (its signed timestamp no longer counts; spent timestamps are kept this long). */
  formMaxAgeMs: 24 * 3_600_000,
  /**
   * Under overload on the embedded engine (one connection, queued), a submission that would wait
   * longer than this for the database is refused with 503 before its transaction starts: phones
   * give up after 10–30 s, and a response committed after the citizen gave up is half-acknowledged.
   */
  dbMaxWaitMs: 4_000,
  /** Retry-After of that 503, in seconds. */
  busyRetryAfterS: 30,
  /** The phone cookie: a random token, replaced when the day changes (the server refuses older ones). */
  phoneCookieMaxAgeS: 2 * 24 * 3600,
  /** A counter device's signed cookie: long-lived (browsers cap cookies at 400 days); revocable by the unit. */
  deviceCookieMaxAgeS: 400 * 24 * 3600,
  /** The whole url-encoded body of a submission. */
  bodyMaxBytes: 16 * 1024,
  suggestionMax: 1_000,
  codeMax: 32,
  /** A counter device's label (e.g. "Loket 2, lantai 1"). */
  deviceLabelMax: 80,
  /** Spent form timestamps and duplicate keys older than this are forgotten (the kernel's throttle keeps its rows as long). */
  throttleKeepMs: 2 * 24 * 3_600_000,
} as const;
export type PublicSurveyRules = typeof PUBLIC_SURVEY_RULES;

/** The honeypot's field name: a plausible name a form-filling bot completes, hidden from people by CSS. */
export const HONEYPOT_FIELD = 'website';
export const STAMP_FIELD = '_t';
/** The phone's cookie (a random token of the day) and a counter device's signed cookie. */
export const PHONE_COOKIE = 'itg_svy';
export const DEVICE_COOKIE = 'itg_svy_device';

/** The short link of a survey form: /s/<unit>/<service code | ipak | ipkp>. */
export const surveyFormPath = (unitCode: string, segment: string) => `/s/${encodeURIComponent(unitCode)}/${encodeURIComponent(segment)}`;

/**
 * The salt of one day, derived from the server secret and the date: nothing is stored, and once
 * the day has passed yesterday's keys cannot be recomputed from today's (without the secret).
 */
export function dailySalt(secret: string, day: string): Buffer {
  return createHmac('sha256', secret).update(`surveys:daily-salt:${day}`).digest();
}

const hmac = (key: Buffer | string, text: string) => createHmac('sha256', key).update(text).digest('base64url');

/**
 * Duplicate-detection key of a phone for one service form of a period on a day (stored in
 * responses.dedup_key): from the phone's random cookie token, never from an address.
 */
export function dedupKey(secret: string, day: string, phoneToken: string, periodId: string, form: string): string {
  return `d2:${hmac(dailySalt(secret, day), `dedup|phone|${phoneToken}|${periodId}|${form}`).slice(0, 32)}`;
}

/** Throttle key of a network address on a day, across all forms (the throttle table's only identifier). */
export function throttleKey(secret: string, day: string, client: string): string {
  return `s1:${hmac(dailySalt(secret, day), `burst|${client}`).slice(0, 32)}`;
}

// ---- the phone's token -------------------------------------------------------------------------

const compactDay = (day: string) => day.replaceAll('-', '');

/** A new phone token for a day: `<YYYYMMDD>.<22 random base64url characters>` (no address, no agent). */
export function newPhoneToken(day: string): string {
  return `${compactDay(day)}.${randomBytes(16).toString('base64url')}`;
}

/** The phone's token when the cookie holds one of this day; null otherwise (absent, forged shape or yesterday's: rotated). */
export function phoneTokenOf(cookie: string | undefined, day: string): string | null {
  const m = /^(\d{8})\.([A-Za-z0-9_-]{22})$/.exec(cookie ?? '');
  return m && m[1] === compactDay(day) ? cookie! : null;
}

// ---- counter devices ----------------------------------------------------------------------------

/** A counter device's cookie: its id signed with the server secret. */
export function deviceCookie(secret: string, deviceId: string): string {
  return `${deviceId}.${hmac(secret, `surveys:device:${deviceId}`).slice(0, 32)}`;
}

/** The device id of a correctly signed device cookie, else null (whether it is still registered is the database's answer). */
export function deviceIdOf(secret: string, cookie: string | undefined): string | null {
  const m = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.[A-Za-z0-9_-]{32}$/.exec(cookie ?? '');
  if (!m) return null;
  const expected = Buffer.from(deviceCookie(secret, m[1]));
  const given = Buffer.from(cookie!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? m[1] : null;
}

// ---- the signed form timestamp (single use) -----------------------------------------------------

export const STAMP_PATTERN = /^(\d{13})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{32})$/;

/**
 * The signed time a form was served, bound to its period, with a random nonce so that every served
 * form is distinct: `<ms>.<nonce>.<hmac>`. It is spent when a response is stored.
 */
export function formStamp(secret: string, periodId: string, issuedAt: Date, nonce = randomBytes(12).toString('base64url')): string {
  const ms = String(issuedAt.getTime());
  return `${ms}.${nonce}.${hmac(secret, `surveys:form:${periodId}:${ms}:${nonce}`).slice(0, 32)}`;
}

/** What is kept of a spent timestamp: its signature (unique per served form). */
export const stampSignature = (stamp: string) => stamp.slice(stamp.lastIndexOf('.') + 1);

export type StampCheck = { ok: true; issuedAt: Date; signature: string } | { ok: false; reason: 'invalid' | 'too_fast' | 'expired' };

export function checkStamp(secret: string, periodId: string, stamp: string | undefined, now: Date, rules: Pick<PublicSurveyRules, 'minFillMs' | 'formMaxAgeMs'> = PUBLIC_SURVEY_RULES): StampCheck {
  const m = STAMP_PATTERN.exec(stamp ?? '');
  if (!m) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(formStamp(secret, periodId, new Date(Number(m[1])), m[2]));
  const given = Buffer.from(stamp!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  const issuedAt = new Date(Number(m[1]));
  const age = now.getTime() - issuedAt.getTime();
  if (age < rules.minFillMs) return { ok: false, reason: 'too_fast' };
  if (age > rules.formMaxAgeMs) return { ok: false, reason: 'expired' };
  return { ok: true, issuedAt, signature: m[3] };
}

// ---- the posted form ---------------------------------------------------------------------------

/** What the form needs of a questionnaire: its items in order, the answer scale and the profile lists. */
export interface FormInstrument {
  id: string;
  kind: string;
  items: { code: string; min: number; max: number }[];
  /** profile field → allowed codes */
  profile: Record<string, string[]>;
}

export interface ParsedResponse {
  answers: number[];
  profile: Record<string, string>;
  suggestion: string | null;
  code: string | null;
}

/** The form field of an item: its code in lower case (u1 … u9). */
export const itemField = (code: string) => code.toLowerCase();

/**
 * Reads a posted form against the instrument. Field errors are i18n keys by field; every item must
 * be answered with an integer on its scale, profile values must be codes of their lists (or empty),
 * texts are trimmed and bounded. No partial result: either all of it or the errors.
 */
export function parseResponseForm(inst: FormInstrument, form: Record<string, string>, opts: { requireCode: boolean }, rules: Pick<PublicSurveyRules, 'suggestionMax' | 'codeMax'> = PUBLIC_SURVEY_RULES): { ok: true; value: ParsedResponse } | { ok: false; errors: Record<string, string> } {
  // control characters and invalid UTF-8 in any field of the form: the shared text check, as field errors
  const fields = [...inst.items.map((i) => itemField(i.code)), ...Object.keys(inst.profile), 'suggestion', 'code'];
  const errors: Record<string, string> = badTextFields(form, fields);
  // the answers and the profile: the survey core's validateResponse (answers in item order, profile codes)
  const raw = inst.items.map((item) => {
    const v = (form[itemField(item.code)] ?? '').trim();
    // digits only: no signs, decimals or spaces from a form
    return v === '' || /^\d{1,2}$/.test(v) ? v : 'x';
  });
  const profileIn: Record<string, string> = {};
  for (const field of Object.keys(inst.profile)) if ((form[field] ?? '').trim() !== '') profileIn[field] = form[field].trim();
  const checked = validateResponse(inst.id, raw, profileIn);
  if (!checked.ok) {
    for (const [key, code] of Object.entries(checked.errors)) {
      const item = inst.items.find((i) => i.code === key);
      if (item && errors[itemField(item.code)]) continue;
      if (item) errors[itemField(item.code)] = code === 'surveys.answer.missing' ? 'survey.public.error.answer_required' : 'survey.public.error.answer_invalid';
      else if (key in inst.profile) errors[key] ??= 'survey.public.error.choice_invalid';
      else errors._ = 'survey.public.error.answer_invalid';
    }
  }
  // the profile is offered as a list of codes: labels typed by hand are not expected from the form
  for (const [field, v] of Object.entries(profileIn)) if (!inst.profile[field].includes(v) && !errors[field]) errors[field] = 'survey.public.error.choice_invalid';
  const suggestionRaw = (form.suggestion ?? '').replace(/\r\n/g, '\n').trim();
  if (suggestionRaw.length > rules.suggestionMax) errors.suggestion ??= 'survey.public.error.suggestion_too_long';
  let code: string | null = null;
  const codeRaw = normaliseCode((form.code ?? '').trim());
  if (errors.code) { /* the text check said why */ } else if (codeRaw.length > rules.codeMax || (codeRaw && !/^[A-Z0-9]+$/.test(codeRaw))) errors.code = 'survey.public.error.code_invalid';
  else if (codeRaw) code = codeRaw;
  else if (opts.requireCode) errors.code = 'survey.public.error.code_required';
  if (Object.keys(errors).length || !checked.ok) return { ok: false, errors };
  return { ok: true, value: { answers: checked.answers, profile: checked.profile, suggestion: suggestionRaw || null, code } };
}
