// The WBS forms staff post, as zod schemas (messages are i18n keys). The reporter's forms and the
// handlers' messages are checked by the domain rules (wbs.rules.ts parseReport, parseMessage) and
// the service, whose refusals the pipeline shows the same way.
import { z } from 'zod';
import { checkbox, isIsoDate } from '../../kernel/validate.ts';
import type { EvaluationInput } from './wbs.service.ts';

const TOO_LONG = 'wbs.error.too_long';
const HELD_ON = 'wbs.eval.held_on_invalid';
const FINDINGS = 'wbs.eval.findings_required';

/** Replacing the recovery key: the old sheet's text, or the box saying it is lost. */
export const rotateInput = z.object({
  old_key: z.string().optional().transform((v) => v ?? ''),
  old_lost: checkbox(),
});

/** A unit's evaluation of its WBS, held on a day not after `today` (the regency's day). */
export const evaluationInput = (today: string): z.ZodType<EvaluationInput> => z.object({
  heldOn: z.string({ message: HELD_ON }).trim().refine((v) => isIsoDate(v) && v <= today, HELD_ON),
  findings: z.string({ message: FINDINGS }).trim().min(1, FINDINGS).max(3000, TOO_LONG),
  followUp: z.string().trim().max(3000, TOO_LONG).optional().transform((v) => v || null),
  followedUp: checkbox(),
});
