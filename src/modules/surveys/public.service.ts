// The public survey side: which form a short link opens, and taking a submission — the burst guard
// (salted address), honeypot, signed single-use timestamp, validation against the questionnaire,
// one-time receipt code, the counter device or else the phone's daily duplicate check per service
// form, and the insert, all or nothing. Services never see a Request: the route hands over the form
// fields, the cookies' values and the client address, which is only ever used inside an HMAC.
import type { Db } from '../../kernel/db.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import { spendInWindow } from '../../kernel/throttle.ts';
import { dayIn } from '../../kernel/workdays.ts';
import { findServiceByCode } from '../services/index.ts';
import { formInstrumentOf, hashReceiptCode } from './public.instrument.ts';
import {
  findActiveDevice, findOpenPeriod, findPublicUnit, forgetOldKeys, hasKeysBefore, insertResponse, insertResponseUnder, lockKey, spendStamp, useCode, type DeviceRow, type PeriodRow, type PublicUnit,
} from './public.queries.ts';
import {
  checkStamp, dedupKey, deviceIdOf, formStamp, HONEYPOT_FIELD, parseResponseForm, phoneTokenOf, PUBLIC_SURVEY_RULES, STAMP_FIELD, throttleKey, type FormInstrument, type PublicSurveyRules,
} from './public.rules.ts';

/** What a short link names: a service's SKM, or the unit's SPAK / SPKP. */
export type Target = { kind: 'skm'; serviceCode: string } | { kind: 'spak' | 'spkp' };

/** /s/:unit/ipak → SPAK (its index is IPAK), /s/:unit/ipkp → SPKP; anything else is a service code. */
export function targetOf(segment: string): Target {
  const s = segment.toLowerCase();
  if (s === 'ipak') return { kind: 'spak' };
  if (s === 'ipkp') return { kind: 'spkp' };
  return { kind: 'skm', serviceCode: segment };
}

export const linkSegment = (t: Target) => (t.kind === 'skm' ? t.serviceCode : t.kind === 'spak' ? 'ipak' : 'ipkp');

export interface FormContext {
  unit: PublicUnit;
  target: Target;
  service: { id: string; code: string; name: string } | null;
  /** the open period for the day, or null: the survey is not open */
  period: PeriodRow | null;
  instrument: FormInstrument | null;
}

/**
 * Resolves a short link for a day. An unknown unit or service (or another unit's service code) is
 * not found; a known form without an open period is a context with period null.
 */
export async function formContext(db: Db, unitCode: string, segment: string, day: string): Promise<FormContext> {
  const unit = await findPublicUnit(db, unitCode);
  if (!unit) throw notFound('survey.public.error.not_found');
  const target = targetOf(segment);
  let service: FormContext['service'] = null;
  if (target.kind === 'skm') {
    const s = await findServiceByCode(db, unit.id, target.serviceCode);
    if (!s || !s.isActive) throw notFound('survey.public.error.not_found');
    service = { id: s.id, code: s.code, name: s.name };
  }
  const period = await findOpenPeriod(db, unit.id, target.kind, day);
  const instrument = period ? formInstrumentOf(period.instrument) : null;
  return { unit, target, service, period: instrument ? period : null, instrument };
}

export interface SubmitInput {
  unitCode: string;
  segment: string;
  form: Record<string, string>;
  /** the client's address: only hashed with the day's salt for the burst guard, never stored or logged */
  client: string;
  /** the phone cookie's value (a random token of the day), if any */
  phoneCookie?: string;
  /** the counter-device cookie's value (signed device id), if any */
  deviceCookie?: string;
  /** size of the posted body in bytes */
  bodyBytes: number;
}

export interface SubmitDeps { db: Db; secret: string; timeZone: string; rules?: PublicSurveyRules; now?: Date }

export type SubmitResult =
  | { outcome: 'stored'; responseId: number; ctx: FormContext; device: boolean }
  /** the honeypot was filled: the visitor sees the thanks page, nothing is stored */
  | { outcome: 'ignored'; ctx: FormContext };

/** The burst guard's bucket in the kernel's throttle: one window per salted client key (rotated daily). */
const BURST_KIND = 'surveys.submit';

/**
 * Housekeeping (the hourly job): forgets spent form timestamps and duplicate keys older than the
 * rules keep them (public.queries.ts forgetOldKeys). Safe to run from every instance at once.
 */
export async function forgetOldSurveyKeys(db: Db, now = new Date(), rules: PublicSurveyRules = PUBLIC_SURVEY_RULES): Promise<void> {
  await forgetOldKeys(db, new Date(now.getTime() - rules.throttleKeepMs));
}

/** A fresh signed timestamp for a form of a period. */
export function stampFor(secret: string, periodId: string, now = new Date()): string {
  return formStamp(secret, periodId, now);
}

/** The counter device of the unit a browser is, when its cookie is signed and the device not revoked; else null (an ordinary phone). */
export async function counterDeviceOf(db: Db, secret: string, unitId: string, cookie: string | undefined): Promise<DeviceRow | null> {
  const id = deviceIdOf(secret, cookie);
  return id ? findActiveDevice(db, id, unitId) : null;
}

/**
 * Takes a submission. Throws DomainError: not_found (unit, service), conflict (not open,
 * already answered today from this phone, a form already sent), throttled (too many attempts from
 * the address), validation (field errors; a stale or too fast form; no phone cookie; a wrong or
 * used receipt code; a body over the limit). Nothing is stored unless everything holds; the
 * throttle counts every attempt.
 */
export async function submitResponse(deps: SubmitDeps, input: SubmitInput): Promise<SubmitResult> {
  const { db, secret } = deps;
  const rules = deps.rules ?? PUBLIC_SURVEY_RULES;
  const now = deps.now ?? new Date();
  const day = dayIn(now, deps.timeZone);
  if (input.bodyBytes > rules.bodyMaxBytes) throw new DomainError('validation', 'survey.public.error.too_large');

  // forget what is past its keeping as soon as the database holds any (one indexed probe, the same
  // answer on every instance); the hourly housekeeping does it too, for quiet days
  const before = new Date(now.getTime() - rules.throttleKeepMs);
  if (await hasKeysBefore(db, before)) await forgetOldKeys(db, before);
  await spendInWindow(db, { kind: BURST_KIND, key: throttleKey(secret, day, input.client), windowMs: rules.burstWindowMs }, now,
    rules.burstMax, 'survey.public.error.throttled', { minutes: Math.ceil(rules.burstWindowMs / 60_000) });

  const ctx = await formContext(db, input.unitCode, input.segment, day);
  if (!ctx.period || !ctx.instrument) throw new DomainError('conflict', 'survey.public.closed');
  const period = ctx.period;

  if ((input.form[HONEYPOT_FIELD] ?? '') !== '') return { outcome: 'ignored', ctx };

  const stamp = checkStamp(secret, period.id, input.form[STAMP_FIELD], now, rules);
  if (!stamp.ok) throw new DomainError('validation', stamp.reason === 'too_fast' ? 'survey.public.error.too_fast' : 'survey.public.error.stale');

  const parsed = parseResponseForm(ctx.instrument, input.form, { requireCode: period.requireCode }, rules);
  if (!parsed.ok) throw new DomainError('validation', 'survey.public.error.fix_fields', {}, parsed.errors);
  const r = parsed.value;

  // who answers: a counter device of this unit (no per-phone check), a receipt code (the code is the
  // proof), or else a phone known by its cookie token — one response per service form and day
  const device = !!(await counterDeviceOf(db, secret, ctx.unit.id, input.deviceCookie));
  let key: string | null = null;
  if (!device && !r.code) {
    const phone = phoneTokenOf(input.phoneCookie, day);
    if (!phone) throw new DomainError('validation', 'survey.public.error.no_cookie');
    key = dedupKey(secret, day, phone, period.id, ctx.service?.id ?? period.kind);
  }

  const responseId = await db.transaction(async (tx) => {
    // the form's timestamp is spent with the response: a fetched form is posted once
    if (!(await spendStamp(tx, stamp.signature, now))) throw new DomainError('conflict', 'survey.public.error.replayed');
    let codeId: string | null = null;
    if (r.code) {
      codeId = await useCode(tx, period.id, hashReceiptCode(r.code), now);
      if (!codeId) throw new DomainError('validation', 'survey.public.error.fix_fields', {}, { code: 'survey.public.error.code_unknown' });
    }
    const row = {
      periodId: period.id, unitId: ctx.unit.id, serviceId: ctx.service?.id ?? null,
      answers: r.answers, profile: r.profile, suggestion: r.suggestion, dedupKey: key, codeId, submittedAt: now,
    };
    if (!key) return insertResponse(tx, row);
    // one phone answers a service form at most `perPhonePerFormPerDay` times a day: the key's lock
    // serialises its submissions, the insert counts before it writes
    await lockKey(tx, key);
    const id = await insertResponseUnder(tx, { ...row, dedupKey: key }, rules.perPhonePerFormPerDay);
    if (id === null) throw new DomainError('conflict', 'survey.public.error.duplicate');
    return id;
  });
  return { outcome: 'stored', responseId, ctx, device };
}
