// Tables owned by the surveys module (prefix surveys_): survey periods of a unit (SKM under
// PermenPANRB 14/2017, and the perception surveys SPAK → IPAK and SPKP → IPKP of the LKE result
// component), the responses, one-time codes printed on service receipts, spent form timestamps,
// counter devices and the follow-up plan of each period. The burst guard of the public forms is the
// kernel's throttle (kernel_throttle, a daily-rotating salted key: never a raw address).
// Questionnaires (items, scales, conversions) are versioned rule data in the module, not tables.
// A response's service is a services_services id kept without a foreign key (module boundary:
// foreign keys point only at org_ and kernel_ tables).
import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../../kernel/schema.ts';
import { orgUnits as units } from '../org/index.ts';

const stamps = {
  createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * A survey period of a unit: kind skm | spak | spkp, the questionnaire (instrument id of the rule
 * data), the period (quarter, semester or year and its dates), the population of service users in
 * the period (for the Krejcie–Morgan sample), open/closed, publication of the results.
 */
export const periods = pgTable('surveys_periods', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  kind: text('kind').notNull(),
  instrument: text('instrument').notNull(),
  year: integer('year').notNull(),
  // quarter | semester | year
  periodType: text('period_type').notNull(),
  // 1–4 (quarter), 1–2 (semester), 0 (year)
  n: integer('n').notNull().default(0),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  population: integer('population'),
  // open | closed
  status: text('status').notNull().default('open'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  // whether responses must carry a one-time receipt code
  requireCode: boolean('require_code').notNull().default(false),
  analysis: text('analysis'),
  version: integer('version').notNull().default(0),
  ...stamps,
}, (t) => [
  uniqueIndex('surveys_periods_uq').on(t.unitId, t.kind, t.year, t.periodType, t.n),
  index('surveys_periods_unit_idx').on(t.unitId, t.kind, t.startsOn),
]);

/**
 * One respondent's answers: `answers[i]` is the value of the instrument's item i+1 on its scale
 * (SKM: U1…U9, 1–4). Profile fields are optional; no address, agent or account is stored.
 */
export const responses = pgTable('surveys_responses', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  periodId: uuid('period_id').notNull().references(() => periods.id, { onDelete: 'cascade' }),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  serviceId: uuid('service_id'),
  answers: smallint('answers').array().notNull(),
  // { sex, age, education, occupation } as codes of the instrument's profile lists
  profile: jsonb('profile').notNull().default(sql`'{}'::jsonb`),
  suggestion: text('suggestion'),
  // online | paper | import
  channel: text('channel').notNull().default('online'),
  // salted hash of (the phone's random cookie token, day, period, service form): duplicate detection
  // without tracking people (never derived from an address); null for paper/import, counter devices
  // and receipt codes, and forgotten after two days
  dedupKey: text('dedup_key'),
  codeId: uuid('code_id'),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  enteredBy: uuid('entered_by').references(() => accounts.id, { onDelete: 'set null' }),
}, (t) => [
  index('surveys_responses_period_idx').on(t.periodId, t.serviceId),
  index('surveys_responses_dedup_idx').on(t.periodId, t.dedupKey),
]);

/** One-time codes printed on service receipts: only a hash is kept; used once. */
export const codes = pgTable('surveys_codes', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  periodId: uuid('period_id').notNull().references(() => periods.id, { onDelete: 'cascade' }),
  codeHash: text('code_hash').notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('surveys_codes_hash_uq').on(t.codeHash)]);

/**
 * Signed form timestamps already used: a form fetched once is posted once (spent in the transaction
 * that stores the response). Only the timestamp's signature is kept, deleted once the timestamp has
 * expired; it says nothing about who answered.
 */
export const spentStamps = pgTable('surveys_spent_stamps', {
  signature: text('signature').primaryKey(),
  spentAt: timestamp('spent_at', { withTimezone: true }).notNull(),
}, (t) => [index('surveys_spent_stamps_at_idx').on(t.spentAt)]);

/**
 * Counter devices: a tablet at a unit's service counter, registered by the unit's survey managers
 * (a signed long-lived cookie names the row). On it the per-phone duplicate check does not apply, so
 * one citizen after another can answer; revoking it makes it an ordinary phone again.
 */
export const devices = pgTable('surveys_devices', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  label: text('label').notNull(),
  createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  revokedBy: uuid('revoked_by').references(() => accounts.id, { onDelete: 'set null' }),
}, (t) => [index('surveys_devices_unit_idx').on(t.unitId)]);

/** The follow-up plan of a period for its weakest unsur, its realisation and completion. */
export const followups = pgTable('surveys_followups', {
  id: uuid('id').primaryKey().defaultRandom(),
  periodId: uuid('period_id').notNull().references(() => periods.id, { onDelete: 'cascade' }),
  // the instrument item it addresses (e.g. 'U3'), null for a general action
  item: text('item'),
  action: text('action').notNull(),
  targetDate: date('target_date', { mode: 'string' }),
  responsible: text('responsible'),
  realisation: text('realisation'),
  done: boolean('done').notNull().default(false),
  doneOn: date('done_on', { mode: 'string' }),
  ...stamps,
}, (t) => [index('surveys_followups_period_idx').on(t.periodId)]);
