// The posted forms of the module, field by field, as the use cases take them. Every field arrives as
// a string or not at all and is handed on as sent: the checks are the domain rules' (coi.rules.ts
// parse*, with the service's checks against the database, e.g. the superior, the function in force,
// the person of the unit), which answer all of a form's errors at once with the module's own message
// keys (coi.err.*) — a schema here that refused first would show fewer errors, or others.
import { z } from 'zod';
import { EVIDENCE_FIELDS, type EvidenceFieldsInput } from '../evidence/index.ts';
import type { DeclarationInput, EvaluationInput, FunctionInput, ReviewInput, RiskInput, SocialisationInput } from './coi.rules.ts';

const field = z.string().optional();

/** The declaration form's conflicts as posted: c0… to c4… (source, description, related party). */
const CONFLICT_SLOTS = [0, 1, 2, 3, 4] as const;
const conflictFields = Object.fromEntries(CONFLICT_SLOTS.flatMap((i) => [`c${i}source`, `c${i}description`, `c${i}relatedParty`].map((k) => [k, field])));

export const declarationForm = z.object({
  kind: field, declaredOn: field, decisionKind: field, reference: field, roleInDecision: field, functionId: field, hasConflict: field,
  superiorPersonId: field, agree: field, ...conflictFields,
}).transform((f): DeclarationInput & { superiorPersonId?: string; functionId?: string } => {
  const posted = f as Record<string, string | undefined>;
  return {
    kind: f.kind, declaredOn: f.declaredOn, decisionKind: f.decisionKind, reference: f.reference, roleInDecision: f.roleInDecision,
    functionId: f.functionId, hasConflict: f.hasConflict, superiorPersonId: f.superiorPersonId, agree: f.agree,
    conflicts: CONFLICT_SLOTS.map((i) => ({ source: posted[`c${i}source`], description: posted[`c${i}description`], relatedParty: posted[`c${i}relatedParty`] })),
  };
});

export const reviewForm: z.ZodType<ReviewInput> = z.object({ assessment: field, mitigation: field, dueOn: field, note: field });

export const followUpForm: z.ZodType<{ note?: string; doneOn?: string }> = z.object({ note: field, doneOn: field });

/** A signed paper statement recorded by a manager: the declarant, the day, and at most one conflict. */
export const paperForm = z.object({ personId: field, declaredOn: field, hasConflict: field, c0source: field, c0description: field, c0relatedParty: field });

export const functionForm: z.ZodType<FunctionInput> = z.object({ name: field, serviceCode: field });

const riskFields = { source: field, form: field, positions: field, likelihood: field, impact: field, controls: field, mitigation: field };
export const riskForm: z.ZodType<RiskInput> = z.object(riskFields);
/** An edit of a risk carries the revision it was made on (an older copy is refused). */
export const riskEditForm: z.ZodType<RiskInput & { revision?: string }> = z.object({ ...riskFields, revision: field });

/** Evidence of a record besides a file: one of the library's files, or a link with its title (the evidence module's fragment). */
const evidenceFields = EVIDENCE_FIELDS;
type EvidenceForm = EvidenceFieldsInput;

export const socialisationForm: z.ZodType<SocialisationInput & EvidenceForm> = z.object({ heldOn: field, title: field, kind: field, participants: field, note: field, ...evidenceFields });

export const evaluationForm: z.ZodType<EvaluationInput> = z.object({ heldOn: field, periodFrom: field, periodTo: field, findings: field, recommendations: field });

export const recommendationForm: z.ZodType<{ status?: string; doneOn?: string; note?: string } & EvidenceForm> = z.object({ status: field, doneOn: field, note: field, ...evidenceFields });
