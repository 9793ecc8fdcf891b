// The posted forms of the org pages and the import rows, as zod schemas. Messages are i18n keys, so
// errors reach the user in their language; the shared field builders come from kernel/validate.ts.
import { z } from 'zod';
import type { Role } from '../../kernel/access.ts';
import { checkbox, optionalText, optionalUuidField, requiredText, uuidField } from '../../kernel/validate.ts';
import { POSITION_CLASSES, UNIT_KINDS, parseNip } from './org.rules.ts';

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
  code: requiredText(30).regex(/^[A-Za-z0-9._-]+$/, 'org.unit.code_format'),
  name: requiredText(250),
  shortName: requiredText(80),
  kind: z.enum(UNIT_KINDS, { message: 'form.invalid' }),
  parentId: optionalUuidField(),
  address: optionalText(300),
  phone: optionalPhone,
  email: optionalEmail,
  fax: optionalPhone,
  website: optionalWebsite,
  sms: optionalPhone,
  // a unit's box left unticked (or absent) is an inactive unit
  isActive: checkbox(),
});
export type UnitInput = z.infer<typeof unitInput>;

const personFields = {
  name: requiredText(150),
  nip: requiredText(40),
  unitId: uuidField('org.person.unit_invalid'),
  position: requiredText(200),
  positionClass: z.enum(POSITION_CLASSES, { message: 'org.person.class_invalid' }),
  rank: optionalText(80),
  email: optionalEmail,
  phone: optionalPhone,
};

/** A person as the form and the import give it; absent "active" reads as active (an import row has none). */
export const personInput = z.object({
  ...personFields,
  isActive: z.string().optional().transform((v) => v === undefined ? true : v === '1' || v === 'on' || v === 'true'),
});
export type PersonInput = z.infer<typeof personInput>;

/** A valid person: the NIP checked for structure and plausibility, birth date and gender read from it. */
export interface ValidPerson extends PersonInput { birthDate: string; gender: 'L' | 'P' }

/**
 * The person schema with the NIP rules of `today` (default: the day it parses): a NIP the field
 * rules accept is then checked by parseNip, whose error shows at the NIP.
 */
export function validPersonInput(opts: { today?: Date; uncheckedIsInactive?: boolean } = {}): z.ZodType<ValidPerson> {
  const nip = personFields.nip.superRefine((v, ctx) => {
    const r = parseNip(v, opts.today ?? new Date());
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
  });
  const base = opts.uncheckedIsInactive ? z.object({ ...personFields, nip, isActive: checkbox() }) : personInput.extend({ nip });
  return base.transform((p) => {
    const r = parseNip(p.nip, opts.today ?? new Date());
    if (!r.ok) throw new Error('unreachable: the NIP was checked');
    return { ...p, nip: r.value, birthDate: r.info.birthDate, gender: r.info.gender };
  }) as unknown as z.ZodType<ValidPerson>;
}

export const accountInput = z.object({
  username: z.string().trim().min(3, 'org.account.username_format').max(50, 'org.account.username_format')
    .regex(/^[a-z0-9._-]+$/i, 'org.account.username_format'),
  email: optionalEmail,
});

/** A role grant: one of the declared roles (`roles`, the registry's names). */
export const roleInput = (roles: readonly Role[]) => z.object({
  role: z.enum(roles as [Role, ...Role[]], { message: 'org.role.invalid' }),
  unitId: optionalUuidField(),
  area: z.string().optional().transform((v) => (v ? Number(v) : null))
    .pipe(z.number().int().min(1, 'org.role.area_invalid').max(6, 'org.role.area_invalid').nullable()),
});

/** The account's switch: '1' activates, '0' deactivates. */
export const accountActiveInput = z.object({ active: z.enum(['0', '1']) });
