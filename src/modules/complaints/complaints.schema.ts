// Tables owned by the complaints module (prefix complaints_): public complaints (pengaduan
// masyarakat) received on any channel and their timeline (replies, notes, assignments, state
// changes); the per-client throttle of the public pages is the kernel's (kernel/throttle.ts). The
// tracking code is never stored, only its SHA-256 (decision 0011). A complainant's attachment is kept in the kernel file store (by its
// SHA-256), not in the unit's evidence library, so it is seen only by those who handle complaints.
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../../kernel/schema.ts';
import { orgUnits as units } from '../org/index.ts';

export const complaints = pgTable('complaints_complaints', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  // SHA-256 (hex) of the normalised tracking code
  trackingHash: text('tracking_hash').notNull(),
  // web | counter | phone | letter | email | social | lapor
  channel: text('channel').notNull(),
  // SP4N-LAPOR! tracking/reference number, when the complaint came from LAPOR!
  laporRef: text('lapor_ref'),
  // pengaduan | aspirasi | informasi (the LAPOR! classification)
  classification: text('classification').notNull().default('pengaduan'),
  category: text('category').notNull(),
  subject: text('subject').notNull(),
  description: text('description').notNull(),
  location: text('location'),
  eventDate: date('event_date', { mode: 'string' }),
  // null name and contact: anonymous
  complainantName: text('complainant_name'),
  complainantContact: text('complainant_contact'),
  // WIB calendar day of receipt: the start of the SLA count
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  // the category's SLA in working days, fixed at receipt (the deadline is computed when shown)
  slaDays: integer('sla_days').notNull(),
  // received | in_process | closed | rejected | not_authority
  state: text('state').notNull().default('received'),
  assigneeId: uuid('assignee_id').references(() => accounts.id, { onDelete: 'set null' }),
  firstResponseOn: date('first_response_on', { mode: 'string' }),
  closedOn: date('closed_on', { mode: 'string' }),
  // closure outcome, rejection reason, or the body a "not our authority" complaint is referred to
  outcome: text('outcome'),
  referTo: text('refer_to'),
  satisfaction: integer('satisfaction'),
  satisfactionNote: text('satisfaction_note'),
  attachmentSha: text('attachment_sha'),
  attachmentName: text('attachment_name'),
  attachmentMime: text('attachment_mime'),
  attachmentSize: integer('attachment_size'),
  // reminders already sent: 'near' (deadline close), 'over' (deadline passed)
  remindedNear: boolean('reminded_near').notNull().default(false),
  remindedOver: boolean('reminded_over').notNull().default(false),
  createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('complaints_tracking_uq').on(t.trackingHash),
  uniqueIndex('complaints_lapor_ref_uq').on(t.laporRef).where(sql`${t.laporRef} is not null`),
  index('complaints_unit_received_idx').on(t.unitId, t.receivedOn),
  index('complaints_state_idx').on(t.state),
]);

/** The timeline of a complaint; `isPublic` entries are shown on the tracking page. */
export const complaintEntries = pgTable('complaints_entries', {
  id: uuid('id').primaryKey().defaultRandom(),
  complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
  // received | reply | note | assign | forward | close | reject | not_authority | info | satisfaction | reopen
  kind: text('kind').notNull(),
  body: text('body'),
  isPublic: boolean('is_public').notNull().default(false),
  authorId: uuid('author_id').references(() => accounts.id, { onDelete: 'set null' }),
  data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('complaints_entries_complaint_idx').on(t.complaintId, t.at)]);

