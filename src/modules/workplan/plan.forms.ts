// The posted forms of the Rencana Kerja, field by field, as the use cases take them. Every field
// arrives as a string or not at all and is handed on as sent: the checks are the domain rules'
// (plan.rules.ts validate*, with the service's checks against the database), which answer all of a
// form's errors at once with the module's own message keys — as coi.forms.ts does.
import { z } from 'zod';
import type { HeaderInput } from './plan.service.ts';

const field = z.string().optional();

export const createPlanForm = z.object({ unit: field, year: field, template: field });
export const headerForm: z.ZodType<HeaderInput> = z.object({ title: field, number: field, date: field, place: field, signer: field, version: field });
export const areaForm = z.object({ purpose: field, targets: field, indicators: field });
/** The activity's single fields; its months (a checkbox group) are every posted value of `months`. */
export const activityForm = z.object({ area: field, title: field, pic: field, outputs: field, evidence: field, lke: field });
