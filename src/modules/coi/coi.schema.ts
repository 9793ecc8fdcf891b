// Tables owned by the conflict-of-interest module (prefix coi_). Foreign keys point only at org_
// and kernel_ tables (and within the module). Every row carries its unit for per-unit scoping.
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../../kernel/schema.ts';
import { orgPeople as people, orgUnits as units } from '../org/index.ts';

/** The unit's main functions/services (tugas fungsi utama) of a year: the rows of the risk map. */
export const coiFunctions = pgTable('coi_functions', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  year: integer('year').notNull(),
  name: text('name').notNull(),
  // the services catalogue entry it was taken from, when it was (information only)
  serviceCode: text('service_code'),
  position: integer('position').notNull().default(0),
  createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
}, (t) => [
  index('coi_functions_unit_year_idx').on(t.unitId, t.year),
  uniqueIndex('coi_functions_name_uq').on(t.unitId, t.year, t.name),
]);

/** An identified conflict-of-interest risk in a main function. */
export const coiRisks = pgTable('coi_risks', {
  id: uuid('id').primaryKey().defaultRandom(),
  functionId: uuid('function_id').notNull().references(() => coiFunctions.id, { onDelete: 'cascade' }),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  // a source key of the rules (business_interest, family, affiliation, …)
  source: text('source').notNull(),
  form: text('form').notNull(),
  positions: text('positions').notNull(),
  likelihood: integer('likelihood').notNull(),
  impact: integer('impact').notNull(),
  controls: text('controls'),
  mitigation: text('mitigation'),
  createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
}, (t) => [index('coi_risks_function_idx').on(t.functionId), index('coi_risks_unit_idx').on(t.unitId)]);

/** A socialisation/internalisation activity; evidence through the evidence module (subject coi_socialisation). */
export const coiSocialisations = pgTable('coi_socialisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  title: text('title').notNull(),
  // meeting | circular | banner | elearning | briefing | other
  kind: text('kind').notNull(),
  participants: integer('participants').notNull().default(0),
  // ids of coi_functions covered (same unit and year)
  functionIds: jsonb('function_ids').notNull().default(sql`'[]'::jsonb`),
  note: text('note'),
  createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
}, (t) => [index('coi_socialisations_unit_idx').on(t.unitId, t.heldOn)]);

/**
 * A declaration (surat pernyataan): periodic (one per person and period) or ad hoc (per decision).
 * States: acknowledged (no conflict) | submitted (conflict, awaiting review) | mitigating (review
 * set a mitigation) | closed (no action needed, or the mitigation's follow-up recorded).
 */
export const coiDeclarations = pgTable('coi_declarations', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  personId: uuid('person_id').notNull().references(() => people.id),
  accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
  kind: text('kind').notNull(),
  // periodic: the period code ('2026', '2026-S1'); ad hoc: null
  period: text('period'),
  year: integer('year').notNull(),
  decisionKind: text('decision_kind'),
  reference: text('reference'),
  roleInDecision: text('role_in_decision'),
  functionId: uuid('function_id').references(() => coiFunctions.id, { onDelete: 'set null' }),
  hasConflict: boolean('has_conflict').notNull(),
  // [{ source, description, relatedParty }]
  conflicts: jsonb('conflicts').notNull().default(sql`'[]'::jsonb`),
  rulesVersion: text('rules_version').notNull(),
  statementVersion: text('statement_version').notNull(),
  declaredOn: date('declared_on', { mode: 'string' }).notNull(),
  superiorPersonId: uuid('superior_person_id').references(() => people.id),
  state: text('state').notNull(),
  // the review: real | potential | apparent | none
  assessment: text('assessment'),
  mitigation: text('mitigation'),
  reviewNote: text('review_note'),
  dueOn: date('due_on', { mode: 'string' }),
  reviewedBy: uuid('reviewed_by').references(() => accounts.id, { onDelete: 'set null' }),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  followUpNote: text('follow_up_note'),
  followUpOn: date('follow_up_on', { mode: 'string' }),
  followUpBy: uuid('follow_up_by').references(() => accounts.id, { onDelete: 'set null' }),
  followUpSha: text('follow_up_sha'),
  followUpName: text('follow_up_name'),
  followUpMime: text('follow_up_mime'),
  followUpSize: integer('follow_up_size'),
  // 'online' (made by the declarant) | 'paper' (a signed paper statement recorded by a manager)
  channel: text('channel').notNull().default('online'),
  // the scan of a paper statement (kernel file store)
  scanSha: text('scan_sha'),
  scanName: text('scan_name'),
  scanMime: text('scan_mime'),
  scanSize: integer('scan_size'),
  createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
}, (t) => [
  index('coi_declarations_unit_idx').on(t.unitId, t.year),
  index('coi_declarations_person_idx').on(t.personId),
  uniqueIndex('coi_declarations_periodic_uq').on(t.personId, t.period).where(sql`${t.kind} = 'periodic'`),
]);

/** An evaluation of the unit's conflict-of-interest handling. */
export const coiEvaluations = pgTable('coi_evaluations', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  periodFrom: date('period_from', { mode: 'string' }).notNull(),
  periodTo: date('period_to', { mode: 'string' }).notNull(),
  findings: text('findings').notNull(),
  createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
}, (t) => [index('coi_evaluations_unit_idx').on(t.unitId, t.heldOn)]);

/** A recommendation of an evaluation and its follow-up (evidence: subject coi_recommendation). */
export const coiRecommendations = pgTable('coi_recommendations', {
  id: uuid('id').primaryKey().defaultRandom(),
  evaluationId: uuid('evaluation_id').notNull().references(() => coiEvaluations.id, { onDelete: 'cascade' }),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  text: text('text').notNull(),
  // open | in_progress | done
  status: text('status').notNull().default('open'),
  doneOn: date('done_on', { mode: 'string' }),
  note: text('note'),
  position: integer('position').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
}, (t) => [index('coi_recommendations_eval_idx').on(t.evaluationId)]);
