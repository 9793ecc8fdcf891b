// Tables owned by the evidence module (prefix evidence_): uploaded files (data dukung) and the
// links that attach a file or a URL to a subject of another module (e.g. an LKE item of a worksheet).
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../../kernel/schema.ts';
import { orgUnits as units } from '../org/index.ts';

export const evidenceFiles = pgTable('evidence_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  // content address in the file store (outside the web root)
  sha256: text('sha256').notNull(),
  size: integer('size').notNull(),
  // detected from the content, never from the name or the browser's claim
  mime: text('mime').notNull(),
  originalName: text('original_name').notNull(),
  title: text('title').notNull(),
  uploadedBy: uuid('uploaded_by').references(() => accounts.id, { onDelete: 'set null' }),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('evidence_files_unit_idx').on(t.unitId, t.uploadedAt),
  index('evidence_files_sha_idx').on(t.sha256),
]);

export const evidenceLinks = pgTable('evidence_links', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  // what the evidence supports: subjectType 'lke_item', subjectId = worksheet id, subjectKey = item code
  subjectType: text('subject_type').notNull(),
  subjectId: uuid('subject_id').notNull(),
  subjectKey: text('subject_key').notNull().default(''),
  fileId: uuid('file_id').references(() => evidenceFiles.id, { onDelete: 'cascade' }),
  url: text('url'),
  title: text('title'),
  createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('evidence_links_subject_idx').on(t.subjectType, t.subjectId, t.subjectKey),
  index('evidence_links_file_idx').on(t.fileId),
  index('evidence_links_unit_idx').on(t.unitId),
]);
