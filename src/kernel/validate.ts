// The validators every module shares, written once: identifiers (uuid), calendar dates
// (YYYY-MM-DD, through workdays.isIsoDate), and the zod building blocks of a posted form — whose
// messages are i18n keys, so a refused field reaches the user in their language. `fieldErrorsOf`
// turns a zod failure into the { field: key } map that DomainError and the pages' error summary take.
// (The NIP, a domain rule of org, is parsed by org's parseNip, offered through its index.)
import { z } from 'zod';
import { isIsoDate, type IsoDate } from './workdays.ts';

export { isIsoDate, type IsoDate };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record id as the database writes it (any version, either case). */
export function isUuid(v: unknown): v is string {
  return typeof v === 'string' && UUID.test(v);
}

/** Turns a zod failure into { field: i18n key }, the first message per field; unknown messages read 'form.invalid'. */
export function fieldErrorsOf(error: z.ZodError, known: (key: string) => boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_');
    if (out[field]) continue;
    out[field] = known(issue.message) ? issue.message : 'form.invalid';
  }
  return out;
}

// ---- zod fields of a posted form (every value arrives as a string, or not at all) -----------------

/** A required text: trimmed, at least one character, at most `max`. */
export const requiredText = (max: number, requiredKey = 'form.required') =>
  z.string({ message: requiredKey }).trim().min(1, requiredKey).max(max, 'form.too_long');

/** An optional text: trimmed, at most `max`; empty reads as null. */
export const optionalText = (max: number) =>
  z.string().trim().max(max, 'form.too_long').optional().transform((v) => (v ? v : null));

/** A record id. */
export const uuidField = (messageKey = 'form.invalid') => z.string({ message: messageKey }).refine(isUuid, messageKey);

/** A record id or nothing (empty reads as null). */
export const optionalUuidField = (messageKey = 'form.invalid') =>
  z.string().optional().transform((v) => (v ? v : null)).refine((v) => v === null || isUuid(v), messageKey);

/** A calendar date YYYY-MM-DD. */
export const dateField = (messageKey = 'form.invalid', requiredKey = 'form.required') =>
  z.string({ message: requiredKey }).trim().min(1, requiredKey).refine(isIsoDate, messageKey);

/** A calendar date or nothing (empty reads as null). */
export const optionalDateField = (messageKey = 'form.invalid') =>
  z.string().trim().optional().transform((v) => (v ? v : null)).refine((v) => v === null || isIsoDate(v), messageKey);

/** A checkbox: ticked reads true ('1', 'on', 'true'), absent false. */
export const checkbox = () => z.string().optional().transform((v) => v === '1' || v === 'on' || v === 'true');
