// Tables owned by the workplan module (prefix workplan_): the unit's declaration (pencanangan),
// Pakta Integritas signatures, Tim Kerja ZI, change agents and their changes, the Rencana Kerja with
// its areas, activities and monthly schedule, and the monitoring-and-evaluation (monev) records.
// Files (decrees, photos, monev evidence) live in the evidence module, linked by subject
// ('workplan_declaration', 'workplan_team', 'workplan_agent', 'workplan_change', 'workplan_monev').
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../../kernel/schema.ts';
import { orgPeople as people, orgUnits as units } from '../org/index.ts';

const stamps = {
  createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** Pencanangan: the unit's declaration of its ZI programme (one current record per unit). */
export const declarations = pgTable('workplan_declarations', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  declaredOn: date('declared_on', { mode: 'string' }).notNull(),
  place: text('place'),
  declaredByName: text('declared_by_name').notNull(),
  declaredByPosition: text('declared_by_position').notNull(),
  description: text('description'),
  isPublic: boolean('is_public').notNull().default(true),
  ...stamps,
}, (t) => [uniqueIndex('workplan_declarations_unit_uq').on(t.unitId)]);

/** Pakta Integritas: one signature per person per year, with the exact text version signed. */
export const pacts = pgTable('workplan_pacts', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  personId: uuid('person_id').notNull().references(() => people.id),
  accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
  year: integer('year').notNull(),
  textVersion: text('text_version').notNull(),
  textHash: text('text_hash').notNull(),
  // what the signer saw: name, NIP, position and unit at signing time
  snapshot: jsonb('snapshot').notNull().default(sql`'{}'::jsonb`),
  signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('workplan_pacts_person_year_uq').on(t.personId, t.year),
  index('workplan_pacts_unit_year_idx').on(t.unitId, t.year),
]);

/** Tim Kerja ZI of a unit for a year: the decree and how members were selected. */
export const teams = pgTable('workplan_teams', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  year: integer('year').notNull(),
  decreeNumber: text('decree_number'),
  decreeDate: date('decree_date', { mode: 'string' }),
  // clear_all | partial | none — A/B/C of LKE item A.I.1.i.b
  selection: text('selection').notNull().default('clear_all'),
  selectionNote: text('selection_note'),
  ...stamps,
}, (t) => [uniqueIndex('workplan_teams_unit_year_uq').on(t.unitId, t.year)]);

export const teamMembers = pgTable('workplan_team_members', {
  id: uuid('id').primaryKey().defaultRandom(),
  teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id),
  // ketua | sekretaris | coordinator | member
  role: text('role').notNull(),
  area: integer('area'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('workplan_team_members_uq').on(t.teamId, t.personId, t.role, sql`coalesce(${t.area}, 0)`),
  index('workplan_team_members_person_idx').on(t.personId),
]);

/** Agen perubahan designated for a unit and year. */
export const agents = pgTable('workplan_agents', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  year: integer('year').notNull(),
  personId: uuid('person_id').notNull().references(() => people.id),
  decreeNumber: text('decree_number'),
  decreeDate: date('decree_date', { mode: 'string' }),
  ...stamps,
}, (t) => [
  uniqueIndex('workplan_agents_uq').on(t.unitId, t.year, t.personId),
  index('workplan_agents_person_idx').on(t.personId),
]);

/** A concrete change made by an agent; integrated = built into the management system (A.II.1.i.b). */
export const changes = pgTable('workplan_changes', {
  id: uuid('id').primaryKey().defaultRandom(),
  agentId: uuid('agent_id').notNull().references(() => agents.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  description: text('description'),
  implementedOn: date('implemented_on', { mode: 'string' }),
  integrated: boolean('integrated').notNull().default(false),
  integratedNote: text('integrated_note'),
  ...stamps,
}, (t) => [index('workplan_changes_agent_idx').on(t.agentId)]);

/** Rencana Kerja Pembangunan ZI of a unit for a year, and its decree. */
export const plans = pgTable('workplan_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  year: integer('year').notNull(),
  title: text('title').notNull(),
  // the template it was adopted from, if any
  template: text('template'),
  // BAB I–IV texts and decree parts (menimbang, mengingat, …) as structured JSON
  content: jsonb('content').notNull().default(sql`'{}'::jsonb`),
  decreeNumber: text('decree_number'),
  decreeDate: date('decree_date', { mode: 'string' }),
  place: text('place'),
  signerPersonId: uuid('signer_person_id').references(() => people.id),
  version: integer('version').notNull().default(0),
  ...stamps,
}, (t) => [uniqueIndex('workplan_plans_unit_year_uq').on(t.unitId, t.year)]);

/** The six areas of a plan: purpose, targets and indicators (lists kept in order). */
export const planAreas = pgTable('workplan_plan_areas', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  area: integer('area').notNull(),
  purpose: text('purpose'),
  targets: jsonb('targets').notNull().default(sql`'[]'::jsonb`),
  indicators: jsonb('indicators').notNull().default(sql`'[]'::jsonb`),
}, (t) => [uniqueIndex('workplan_plan_areas_uq').on(t.planId, t.area)]);

/** An activity of a plan, in one area, with its person in charge and the months it runs (1..12). */
export const activities = pgTable('workplan_activities', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  area: integer('area').notNull(),
  seq: integer('seq').notNull(),
  title: text('title').notNull(),
  picPersonId: uuid('pic_person_id').references(() => people.id),
  months: jsonb('months').notNull().default(sql`'[]'::jsonb`),
  outputs: text('outputs'),
  evidenceExpected: text('evidence_expected'),
  // LKE item codes the activity serves
  lkeItems: jsonb('lke_items').notNull().default(sql`'[]'::jsonb`),
  // taken from a template row that is not in the template's source document (marked "added" in the
  // template data); shown as such until the unit saves the activity as its own
  templateAdded: boolean('template_added').notNull().default(false),
  ...stamps,
}, (t) => [
  index('workplan_activities_plan_idx').on(t.planId, t.area, t.seq),
  index('workplan_activities_pic_idx').on(t.picPersonId),
]);

/** Monev of an activity for one month: realisation, problems, follow-up and its completion. */
export const monev = pgTable('workplan_monev', {
  id: uuid('id').primaryKey().defaultRandom(),
  activityId: uuid('activity_id').notNull().references(() => activities.id, { onDelete: 'cascade' }),
  month: integer('month').notNull(),
  // done | partial | not_started
  status: text('status').notNull(),
  realisation: integer('realisation').notNull().default(0),
  notes: text('notes'),
  problems: text('problems'),
  followUp: text('follow_up'),
  followUpDone: boolean('follow_up_done').notNull().default(false),
  ...stamps,
}, (t) => [uniqueIndex('workplan_monev_uq').on(t.activityId, t.month)]);
