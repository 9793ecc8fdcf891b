// Tables owned by the services module (prefix services_): the unit's service catalogue, the standar
// pelayanan of each service (14 components of UU 25/2009, versioned), public consultations (forum
// konsultasi publik) and periodic reviews, the maklumat pelayanan (versioned), and the SOP register
// with its evaluations. Files (decrees, SOP documents, photos, attendance lists) live in the
// evidence module, linked by subject ('services_standard', 'services_consultation', 'services_sop',
// 'services_maklumat').
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../../kernel/schema.ts';
import { orgPeople as people, orgUnits as units } from '../org/index.ts';

const stamps = {
  createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** A service of a unit (jenis pelayanan). `code` is short and unique in the unit: public links and QR posters use it. */
export const services = pgTable('services_services', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
  description: text('description'),
  isActive: boolean('is_active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  version: integer('version').notNull().default(0),
  ...stamps,
}, (t) => [uniqueIndex('services_services_unit_code_uq').on(t.unitId, sql`lower(${t.code})`)]);

/**
 * A version of a service's standar pelayanan. `components` maps the 14 component keys (rule data of
 * the module) to their text; draft → published (one published version per service) → superseded.
 */
export const standards = pgTable('services_standards', {
  id: uuid('id').primaryKey().defaultRandom(),
  serviceId: uuid('service_id').notNull().references(() => services.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  status: text('status').notNull().default('draft'),
  components: jsonb('components').notNull().default(sql`'{}'::jsonb`),
  decreeNumber: text('decree_number'),
  decreeDate: date('decree_date', { mode: 'string' }),
  effectiveFrom: date('effective_from', { mode: 'string' }),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  changeNote: text('change_note'),
  ...stamps,
}, (t) => [
  uniqueIndex('services_standards_version_uq').on(t.serviceId, t.version),
  uniqueIndex('services_standards_published_uq').on(t.serviceId).where(sql`${t.status} = 'published'`),
]);

/** Forum konsultasi publik: date, participants by group, the inputs received and what became of them. */
export const consultations = pgTable('services_consultations', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  // the service whose standard was discussed (null: the unit's standards in general)
  serviceId: uuid('service_id').references(() => services.id, { onDelete: 'set null' }),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  place: text('place'),
  topic: text('topic').notNull(),
  // [{ group: 'tokoh_masyarakat' | 'akademisi' | 'dunia_usaha' | 'lsm' | 'pengguna' | 'pemerintah' | …, count }]
  participants: jsonb('participants').notNull().default(sql`'[]'::jsonb`),
  // [{ input, response, adopted: boolean }]
  inputs: jsonb('inputs').notNull().default(sql`'[]'::jsonb`),
  notes: text('notes'),
  ...stamps,
}, (t) => [index('services_consultations_unit_idx').on(t.unitId, t.heldOn)]);

/** A periodic review of a service's standard: which survey and complaint findings changed what. */
export const reviews = pgTable('services_reviews', {
  id: uuid('id').primaryKey().defaultRandom(),
  serviceId: uuid('service_id').notNull().references(() => services.id, { onDelete: 'cascade' }),
  reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
  // [{ source: 'skm' | 'complaint' | 'consultation' | 'other', finding, change }]
  findings: jsonb('findings').notNull().default(sql`'[]'::jsonb`),
  // the standard version the review led to (null: no change needed)
  resultingStandardId: uuid('resulting_standard_id').references(() => standards.id, { onDelete: 'set null' }),
  conclusion: text('conclusion'),
  ...stamps,
}, (t) => [index('services_reviews_service_idx').on(t.serviceId, t.reviewedOn)]);

/** Maklumat pelayanan of a unit, versioned; the current one is the latest signed version. */
export const maklumat = pgTable('services_maklumat', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  version: integer('version').notNull(),
  text: text('text').notNull(),
  signerPersonId: uuid('signer_person_id').references(() => people.id),
  // what the signer was at signing time: name, NIP, position
  signerSnapshot: jsonb('signer_snapshot').notNull().default(sql`'{}'::jsonb`),
  signedOn: date('signed_on', { mode: 'string' }),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  ...stamps,
}, (t) => [uniqueIndex('services_maklumat_version_uq').on(t.unitId, t.version)]);

/** An SOP of the unit; a new version supersedes the old one, which is kept. */
export const sops = pgTable('services_sops', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  serviceId: uuid('service_id').references(() => services.id, { onDelete: 'set null' }),
  number: text('number').notNull(),
  title: text('title').notNull(),
  version: integer('version').notNull().default(1),
  effectiveOn: date('effective_on', { mode: 'string' }),
  ownerPersonId: uuid('owner_person_id').references(() => people.id),
  // the activity the SOP governs
  activity: text('activity'),
  // [{ step, actor, requirements, time, output }]
  steps: jsonb('steps').notNull().default(sql`'[]'::jsonb`),
  // active | superseded
  status: text('status').notNull().default('active'),
  supersededBy: uuid('superseded_by'),
  ...stamps,
}, (t) => [
  index('services_sops_unit_idx').on(t.unitId, t.status),
  uniqueIndex('services_sops_number_version_uq').on(t.unitId, sql`lower(${t.number})`, t.version),
]);

/** A periodic evaluation of an SOP (LKE A.I.2.ii.c: evaluated and followed up). */
export const sopEvaluations = pgTable('services_sop_evaluations', {
  id: uuid('id').primaryKey().defaultRandom(),
  sopId: uuid('sop_id').notNull().references(() => sops.id, { onDelete: 'cascade' }),
  evaluatedOn: date('evaluated_on', { mode: 'string' }).notNull(),
  result: text('result').notNull(),
  // none | proposal | revised
  followUp: text('follow_up').notNull().default('none'),
  followUpNote: text('follow_up_note'),
  ...stamps,
}, (t) => [index('services_sop_evaluations_sop_idx').on(t.sopId, t.evaluatedOn)]);
