// Tables owned by the assessment module (prefix assessment_): LKE worksheets, answers per layer,
// and the worksheet's state history.
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { accounts } from '../../kernel/schema.ts';
import { orgUnits as units } from '../org/index.ts';

export const worksheets = pgTable('assessment_worksheets', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  year: integer('year').notNull(),
  rulesetId: text('ruleset_id').notNull(),
  // draft | submitted | under_review | returned | evaluated | recommended
  state: text('state').notNull().default('draft'),
  // rule-set options in force for this worksheet (defaults of the rule set unless changed)
  options: jsonb('options').notNull().default(sql`'{}'::jsonb`),
  // §3.7 prerequisites as given by the unit / TPI: { id: value }
  prerequisites: jsonb('prerequisites').notNull().default(sql`'{}'::jsonb`),
  // TPI conclusion: memenuhi | belum_memenuhi
  conclusion: text('conclusion'),
  conclusionNote: text('conclusion_note'),
  returnNote: text('return_note'),
  clonedFrom: uuid('cloned_from').references((): AnyPgColumn => worksheets.id, { onDelete: 'set null' }),
  // bumped on every change; forms carry it so a stale or replayed post is refused
  version: integer('version').notNull().default(0),
  createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  evaluatedAt: timestamp('evaluated_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('assessment_worksheets_unit_year_uq').on(t.unitId, t.year),
  index('assessment_worksheets_state_idx').on(t.state),
]);

export const answers = pgTable('assessment_answers', {
  worksheetId: uuid('worksheet_id').notNull().references(() => worksheets.id, { onDelete: 'cascade' }),
  itemCode: text('item_code').notNull(),
  // unit | tpi | tpn
  layer: text('layer').notNull(),
  // normalised answer ({option}|{percent}|{inputs}|{index}); null = not answered (a note alone)
  answer: jsonb('answer'),
  note: text('note'),
  updatedBy: uuid('updated_by').references(() => accounts.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.worksheetId, t.itemCode, t.layer] }),
]);

export const worksheetEvents = pgTable('assessment_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  worksheetId: uuid('worksheet_id').notNull().references(() => worksheets.id, { onDelete: 'cascade' }),
  fromState: text('from_state'),
  toState: text('to_state').notNull(),
  actorId: uuid('actor_id').references(() => accounts.id, { onDelete: 'set null' }),
  note: text('note'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('assessment_events_worksheet_idx').on(t.worksheetId, t.at),
]);
