// Pure rules of the public survey forms: the limits, the daily-rotating salted client keys (no
// address or user agent is ever stored), the signed form timestamp, and reading a posted form
// into a response (the answers and profile checked by the survey core's validateResponse).
// Everything here is a function of its arguments; public.service.ts does the I/O.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { normaliseCode } from './surveys.codes.ts';
import { validateResponse } from './surveys.rules.ts';

/**
 * Security settings of the public forms, not regulation numbers; kept here with their reasons.
 * Deployment-specific tuning is a change of these values (see the module README and decision 0008).
 */
export const PUBLIC_SURVEY_RULES = {
  /**
   * Responses one client (salted address) may give to one period per day. 1 stops the same phone
   * from answering twice; a shared device or a NAT (an office Wi-Fi) is then one client too —
   * periods that print one-time receipt codes skip this check, since the code is the proof.
   */
  perClientPerPeriodPerDay: 1,
  /** Submission attempts (valid or not) per client per window, across all forms: stops bursts and code guessing. */
  burstMax: 10,
  burstWindowMs: 10 * 60_000,
  /** A person needs more than this to read and answer nine questions; a script posting at once does not. */
  minFillMs: 3_000,
  /** A form older than this is stale (its signed timestamp no longer counts). */
  formMaxAgeMs: 24 * 3_600_000,
  /** The whole url-encoded body of a submission. */
  bodyMaxBytes: 16 * 1024,
  suggestionMax: 1_000,
  codeMax: 32,
  /** Throttle rows older than this are deleted (their keys rotated away long ago). */
  throttleKeepMs: 2 * 24 * 3_600_000,
} as const;
export type PublicSurveyRules = typeof PUBLIC_SURVEY_RULES;

/** The honeypot's field name: a plausible name a form-filling bot completes, hidden from people by CSS. */
export const HONEYPOT_FIELD = 'website';
export const STAMP_FIELD = '_t';

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
export function dayIn(now: Date, timeZone: string): string {
  let f = dayFormats.get(timeZone);
  if (!f) dayFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(now);
}

/**
 * The salt of one day, derived from the server secret and the date: nothing is stored, and once
 * the day has passed yesterday's keys cannot be recomputed from today's (without the secret).
 */
export function dailySalt(secret: string, day: string): Buffer {
  return createHmac('sha256', secret).update(`surveys:daily-salt:${day}`).digest();
}

const hmac = (key: Buffer | string, text: string) => createHmac('sha256', key).update(text).digest('base64url');

/** Duplicate-detection key of a client for a period on a day (stored in responses.dedup_key). */
export function dedupKey(secret: string, day: string, client: string, periodId: string): string {
  return `d1:${hmac(dailySalt(secret, day), `dedup|${client}|${periodId}`).slice(0, 32)}`;
}

/** Throttle key of a client on a day, across all forms (the throttle table's only identifier). */
export function throttleKey(secret: string, day: string, client: string): string {
  return `s1:${hmac(dailySalt(secret, day), `burst|${client}`).slice(0, 32)}`;
}

/** The signed time a form was served, bound to its period: `<ms>.<hmac>`. */
export function formStamp(secret: string, periodId: string, issuedAt: Date): string {
  const ms = String(issuedAt.getTime());
  return `${ms}.${hmac(secret, `surveys:form:${periodId}:${ms}`).slice(0, 32)}`;
}

export type StampCheck = { ok: true; issuedAt: Date } | { ok: false; reason: 'invalid' | 'too_fast' | 'expired' };

export function checkStamp(secret: string, periodId: string, stamp: string | undefined, now: Date, rules: Pick<PublicSurveyRules, 'minFillMs' | 'formMaxAgeMs'> = PUBLIC_SURVEY_RULES): StampCheck {
  const m = /^(\d{13})\.([A-Za-z0-9_-]{32})$/.exec(stamp ?? '');
  if (!m) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(formStamp(secret, periodId, new Date(Number(m[1]))));
  const given = Buffer.from(stamp!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  const issuedAt = new Date(Number(m[1]));
  const age = now.getTime() - issuedAt.getTime();
  if (age < rules.minFillMs) return { ok: false, reason: 'too_fast' };
  if (age > rules.formMaxAgeMs) return { ok: false, reason: 'expired' };
  return { ok: true, issuedAt };
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
  const errors: Record<string, string> = {};
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
      if (item) errors[itemField(item.code)] = code === 'surveys.answer.missing' ? 'survey.public.error.answer_required' : 'survey.public.error.answer_invalid';
      else if (key in inst.profile) errors[key] = 'survey.public.error.choice_invalid';
      else errors._ = 'survey.public.error.answer_invalid';
    }
  }
  // the profile is offered as a list of codes: labels typed by hand are not expected from the form
  for (const [field, v] of Object.entries(profileIn)) if (!inst.profile[field].includes(v) && !errors[field]) errors[field] = 'survey.public.error.choice_invalid';
  const suggestionRaw = (form.suggestion ?? '').replace(/\r\n/g, '\n').trim();
  if (suggestionRaw.length > rules.suggestionMax) errors.suggestion = 'survey.public.error.suggestion_too_long';
  let code: string | null = null;
  const codeRaw = normaliseCode((form.code ?? '').trim());
  if (codeRaw.length > rules.codeMax || (codeRaw && !/^[A-Z0-9]+$/.test(codeRaw))) errors.code = 'survey.public.error.code_invalid';
  else if (codeRaw) code = codeRaw;
  else if (opts.requireCode) errors.code = 'survey.public.error.code_required';
  if (Object.keys(errors).length || !checked.ok) return { ok: false, errors };
  return { ok: true, value: { answers: checked.answers, profile: checked.profile, suggestion: suggestionRaw || null, code } };
}
