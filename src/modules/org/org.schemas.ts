// Form and import shapes. Messages are i18n keys, so errors reach the user in their language.
import { z } from 'zod';
import { ROLES } from '../../kernel/access.ts';
import { POSITION_CLASSES, UNIT_KINDS } from './org.rules.ts';

const text = (max: number) => z.string().trim().min(1, 'form.required').max(max, 'form.too_long');
const optionalText = (max: number) => z.string().trim().max(max, 'form.too_long').optional().transform((v) => (v ? v : null));
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'form.invalid');
const optionalEmail = z.string().trim().max(200, 'form.too_long').optional()
  .transform((v) => (v ? v.toLowerCase() : null))
  .refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'org.email.invalid');
const optionalPhone = z.string().trim().max(30, 'form.too_long').optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^[+0-9][0-9 ()-]{5,}$/.test(v), 'org.phone.invalid');

/** A web address for a letterhead: http(s), a host with a dot; "www.…" gets "https://". */
const optionalWebsite = z.string().trim().max(200, 'form.too_long').optional()
  .transform((v) => (v ? (/^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`) : null))
  .refine((v) => {
    if (v === null) return true;
    try { const u = new URL(v); return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.includes('.') && !u.username && !u.password; } catch { return false; }
  }, 'org.website.invalid');

export const unitInput = z.object({
  code: z.string().trim().min(1, 'form.required').max(30, 'form.too_long').regex(/^[A-Za-z0-9._-]+$/, 'org.unit.code_format'),
  name: text(250),
  shortName: text(80),
  kind: z.enum(UNIT_KINDS, { message: 'form.invalid' }),
  parentId: z.string().optional().transform((v) => (v ? v : null)).pipe(uuid.nullable()),
  address: optionalText(300),
  phone: optionalPhone,
  email: optionalEmail,
  fax: optionalPhone,
  website: optionalWebsite,
  sms: optionalPhone,
  isActive: z.string().optional().transform((v) => v === '1' || v === 'on' || v === 'true'),
});
export type UnitInput = z.infer<typeof unitInput>;

export const personInput = z.object({
  name: text(150),
  nip: z.string().trim().min(1, 'form.required').max(40, 'form.too_long'),
  unitId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'org.person.unit_invalid'),
  position: text(200),
  positionClass: z.enum(POSITION_CLASSES, { message: 'org.person.class_invalid' }),
  rank: optionalText(80),
  email: optionalEmail,
  phone: optionalPhone,
  isActive: z.string().optional().transform((v) => v === undefined ? true : v === '1' || v === 'on' || v === 'true'),
});
export type PersonInput = z.infer<typeof personInput>;

export const accountInput = z.object({
  username: z.string().trim().min(3, 'org.account.username_format').max(50, 'org.account.username_format')
    .regex(/^[a-z0-9._-]+$/i, 'org.account.username_format'),
  email: optionalEmail,
});

export const roleInput = z.object({
  role: z.enum(ROLES, { message: 'org.role.invalid' }),
  unitId: z.string().optional().transform((v) => (v ? v : null)).pipe(uuid.nullable()),
  area: z.string().optional().transform((v) => (v ? Number(v) : null))
    .pipe(z.number().int().min(1, 'org.role.area_invalid').max(6, 'org.role.area_invalid').nullable()),
});

/** Turns a zod failure into { field: i18n key }, first message per field. */
export function fieldErrorsOf(error: z.ZodError, known: (key: string) => boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_');
    if (out[field]) continue;
    out[field] = known(issue.message) ? issue.message : 'form.invalid';
  }
  return out;
}
