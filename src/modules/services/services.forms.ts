// The posted forms of the module, field by field, as the use cases take them. Every field arrives as
// a string or not at all and is handed on as sent: the checks are the domain rules'
// (services.rules.ts parse*, with the service's checks against the database — the unit's people, the
// service's versions, the revision), which answer all of a form's errors at once with the module's
// own message keys (services.*) — a schema here that refused first would show fewer errors, or others.
// Indexed rows (findings fd_<i>_…, consultation inputs in_<i>_…, SOP steps st_<i>_…) are declared up
// to the rules' row limit; the standard's components as c_<key>, the participants as p_<group>.
import { z } from 'zod';
import { COMPONENT_KEYS, GROUPS, MAX, STEP_FIELDS } from './services.rules.ts';

const field = z.string().optional();
type Fields = Record<string, typeof field>;
export type Posted = Record<string, string | undefined>;

const named = (names: readonly string[]): Fields => Object.fromEntries(names.map((k) => [k, field]));
/** `prefix_<i>_<field>` for every row the rules read. */
const rows = (prefix: string, fields: readonly string[]): Fields =>
  named(Array.from({ length: MAX.rows }, (_, i) => fields.map((k) => `${prefix}_${i}_${k}`)).flat());

const form = (fields: Fields): z.ZodType<Posted> => z.object(fields);

// ---- catalogue, standards, reviews ------------------------------------------------------------------
const serviceFields = named(['code', 'name', 'description', 'sortOrder']);
/** A new service of the unit (`unit`: the unit it is created in). */
export const newServiceForm = form({ unit: field, ...serviceFields });
/** An edit of a service, on the version it was read at. */
export const serviceForm = form({ ...serviceFields, version: field });
/** Deactivating ('0') or reactivating ('1') a service. */
export const serviceStatusForm = form({ version: field, active: field });
export const reviewForm = form({ reviewedOn: field, resultingStandardId: field, conclusion: field, ...rows('fd', ['source', 'finding', 'change']) });
/** No fields: opening a draft of a standard. */
export const emptyForm = form({});
/** The draft's components, on the revision it was read at. */
export const draftForm = form({ rev: field, ...named(COMPONENT_KEYS.map((k) => `c_${k}`)) });
export const publishForm = form({ rev: field, decreeNumber: field, decreeDate: field, effectiveFrom: field, changeNote: field });
/** A change of a record on the revision it was read at (discarding a draft, publishing a maklumat). */
export const revisionForm = form({ rev: field });

// ---- evidence ---------------------------------------------------------------------------------------
/** Evidence of a record besides the file: its title, or a link with its title. */
export const evidenceForm = form({ title: field, url: field, linkTitle: field });

// ---- consultations, maklumat, SOPs ------------------------------------------------------------------
export const consultationForm = form({
  unit: field, heldOn: field, place: field, topic: field, serviceId: field, notes: field,
  ...named(GROUPS.map((g) => `p_${g.key}`)), ...rows('in', ['input', 'response', 'adopted']),
});
export const maklumatForm = form({ unit: field, rev: field, text: field, signerPersonId: field, signedOn: field });
const sopFields = { number: field, title: field, effectiveOn: field, ownerPersonId: field, activity: field, serviceId: field, ...rows('st', STEP_FIELDS) };
export const newSopForm = form({ unit: field, ...sopFields });
/** A correction or a new version of an SOP, on the revision it was read at. */
export const sopForm = form({ rev: field, ...sopFields });
export const sopEvaluationForm = form({ evaluatedOn: field, result: field, followUp: field, followUpNote: field });
