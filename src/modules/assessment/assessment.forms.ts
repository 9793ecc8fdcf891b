// The posted forms of the LKE as the use cases take them (zod; messages are i18n keys). Answers
// are not here: an item's answer fields depend on the item's type and are parsed by the rules
// (lke.rules.ts parseAnswer), whose messages name the item.
import { z } from 'zod';
import { isUuid } from '../../kernel/validate.ts';
import { maxYear, MIN_YEAR, type CreateInput } from './assessment.service.ts';
import { findRuleSet } from './lke.ruleset.ts';
import type { Transition } from './lke.workflow.ts';

const text = () => z.string().optional();

/** A new worksheet: unit, year, a current rule set, and where its answers start from. */
export const createInput: z.ZodType<CreateInput> = z.object({
  unit: z.string({ message: 'lke.unit.choose' }).refine(isUuid, 'lke.unit.choose'),
  year: z.string({ message: 'lke.year.invalid' }).transform(Number)
    .refine((y) => Number.isInteger(y) && y >= MIN_YEAR && y <= maxYear(), 'lke.year.invalid'),
  ruleset: z.string({ message: 'lke.ruleset.choose' })
    .refine((id) => !!findRuleSet(id), 'lke.ruleset.choose')
    .refine((id) => { const rs = findRuleSet(id); return !rs || rs.status === 'current'; }, 'lke.ruleset.read_only'),
  clone: text().transform((v) => v ?? '').refine((v) => v === '' || v === 'previous' || isUuid(v), 'lke.clone.invalid'),
}).transform((x) => ({ unitId: x.unit, year: x.year, rulesetId: x.ruleset, cloneFromId: x.clone || null }));

const TRANSITION_NAMES = ['submit', 'start_review', 'return', 'evaluate', 'reopen', 'recommend'] as const satisfies readonly Transition[];

/** A state change: which, at the version the page showed, with its note and (evaluate) conclusion. */
export const transitionInput = z.object({
  transition: z.enum(TRANSITION_NAMES, { message: 'lke.transition.unknown' }),
  // a missing or garbled version reads as no version: the service refuses it as stale
  version: text().transform(Number),
  note: text().transform((v) => v ?? null),
  conclusion: text().transform((v) => v ?? null),
});

/** A whole number the page put in a hidden field, or -1 (which no worksheet has) when it is not one. */
const counter = (digits: number) => text().transform((v) => (new RegExp(`^\\d{1,${digits}}$`).test(v ?? '') ? Number(v) : -1));

/** Accepting the unit's value for the rest: the version and the count the confirmation named. */
export const remainingInput = z.object({ version: counter(9), n: counter(4) });

