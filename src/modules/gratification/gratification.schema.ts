// Tables owned by the gratification-control module (prefix gratification_). Foreign keys point only
// at org_ and kernel_ tables (and within the module). Every row carries its unit for per-unit scoping.
// A report's attachment and follow-up proof are kept in the kernel file store by their SHA-256 (not in
// the unit's evidence library): only the reporter and the unit's UPG see them. Campaign evidence goes
// to the evidence library (subject gratification_campaign) because it is public material.
import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../../kernel/schema.ts';
import { orgPeople as people, orgUnits as units } from '../org/index.ts';

/** The UPG of a unit: its decree (SK), the procedures document and who heads it (signs the reports). */
export const gratificationSettings = pgTable('gratification_settings', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  decreeNumber: text('decree_number'),
  decreeDate: date('decree_date', { mode: 'string' }),
  proceduresTitle: text('procedures_title'),
  proceduresNumber: text('procedures_number'),
  proceduresDate: date('procedures_date', { mode: 'string' }),
  headPersonId: uuid('head_person_id').references(() => people.id, { onDelete: 'set null' }),
  updatedBy: uuid('updated_by').references(() => accounts.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
}, (t) => [uniqueIndex('gratification_settings_unit_uq').on(t.unitId)]);

/**
 * A report of a gift received or refused. States: received | completion_requested | verified |
 * analysed | forwarded | decided | followed_up | closed | dismissed (not a gratification / not reportable).
 */
export const gratificationReports = pgTable('gratification_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  // GRT-<year>-<n>, per unit
  number: text('number').notNull(),
  personId: uuid('person_id').notNull().references(() => people.id),
  accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
  // received | refused
  kind: text('kind').notNull(),
  giverName: text('giver_name').notNull(),
  giverInstitution: text('giver_institution'),
  // service_user | vendor | colleague | subordinate | superior | family | partner | other
  relationship: text('relationship').notNull(),
  occasion: text('occasion').notNull(),
  // money | goods | voucher | travel | meal | facility | other
  itemKind: text('item_kind').notNull(),
  description: text('description').notNull(),
  valueRp: bigint('value_rp', { mode: 'number' }).notNull(),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  place: text('place').notNull(),
  chronology: text('chronology').notNull(),
  // with_me | deposited | returned | social | consumed
  whereNow: text('where_now').notNull(),
  // the category the reporter thinks applies (a–q) or null
  claimedCategory: text('claimed_category'),
  // the rule version applying on receivedOn, fixed at reporting
  rulesVersion: text('rules_version').notNull(),
  reportedOn: date('reported_on', { mode: 'string' }).notNull(),
  state: text('state').notNull().default('received'),
  fileSha: text('file_sha'), fileName: text('file_name'), fileMime: text('file_mime'), fileSize: integer('file_size'),
  completionRequestedOn: date('completion_requested_on', { mode: 'string' }),
  completionDueOn: date('completion_due_on', { mode: 'string' }),
  completionNote: text('completion_note'),
  completedOn: date('completed_on', { mode: 'string' }),
  verifiedOn: date('verified_on', { mode: 'string' }),
  // { relatedToPosition, contraryToDuty, category, note }
  analysis: jsonb('analysis'),
  analysedOn: date('analysed_on', { mode: 'string' }),
  forwardedOn: date('forwarded_on', { mode: 'string' }),
  golNumber: text('gol_number'),
  // recipient | state | other
  decision: text('decision'),
  decisionNote: text('decision_note'),
  decisionOn: date('decision_on', { mode: 'string' }),
  skNumber: text('sk_number'),
  // handed_to_state | returned_to_recipient | other
  followUpKind: text('follow_up_kind'),
  followUpOn: date('follow_up_on', { mode: 'string' }),
  followUpNote: text('follow_up_note'),
  proofSha: text('proof_sha'), proofName: text('proof_name'), proofMime: text('proof_mime'), proofSize: integer('proof_size'),
  closedOn: date('closed_on', { mode: 'string' }),
  dismissReason: text('dismiss_reason'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
}, (t) => [
  index('gratification_reports_unit_idx').on(t.unitId, t.reportedOn),
  index('gratification_reports_person_idx').on(t.personId),
  uniqueIndex('gratification_reports_number_uq').on(t.unitId, t.number),
]);

/** The timeline of a report (what the reporter and the UPG see): each step with its note. */
export const gratificationEvents = pgTable('gratification_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id').notNull().references(() => gratificationReports.id, { onDelete: 'cascade' }),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  step: text('step').notNull(),
  fromState: text('from_state'),
  toState: text('to_state').notNull(),
  note: text('note'),
  on: date('on', { mode: 'string' }).notNull(),
  accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
  at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
}, (t) => [index('gratification_events_report_idx').on(t.reportId, t.at)]);

/** An item the UPG holds (titipan) until the KPK decision; released on follow-up. */
export const gratificationCustody = pgTable('gratification_custody', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  reportId: uuid('report_id').references(() => gratificationReports.id, { onDelete: 'set null' }),
  // TT-UPG/<year>/<n>
  receiptNumber: text('receipt_number').notNull(),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  description: text('description').notNull(),
  valueRp: bigint('value_rp', { mode: 'number' }),
  storageLocation: text('storage_location').notNull(),
  depositorName: text('depositor_name').notNull(),
  releasedOn: date('released_on', { mode: 'string' }),
  releasedTo: text('released_to'),
  releaseNote: text('release_note'),
  createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
}, (t) => [
  index('gratification_custody_unit_idx').on(t.unitId, t.receivedOn),
  uniqueIndex('gratification_custody_receipt_uq').on(t.unitId, t.receiptNumber),
]);

/** A public-campaign material or activity; evidence through the evidence module (subject gratification_campaign). */
export const gratificationCampaigns = pgTable('gratification_campaigns', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  // banner | poster | social_media | video | socialisation | circular
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  channel: text('channel').notNull(),
  reach: integer('reach').notNull().default(0),
  url: text('url'),
  hasEvidence: boolean('has_evidence').notNull().default(false),
  createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
}, (t) => [index('gratification_campaigns_unit_idx').on(t.unitId, t.heldOn)]);
