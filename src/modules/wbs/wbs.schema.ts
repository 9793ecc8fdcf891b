// Tables owned by the whistleblowing module (prefix wbs_). Confidential by design (decision 0010):
// every column that could carry what a reporter wrote — the report, messages, attachment bytes and
// names, the reporter's identity, disclosure reasons — holds AES-256-GCM ciphertext under the
// report's own data key. The data key exists only wrapped: for each designated handler (X25519),
// for the regency recovery key, and for the reporter (a key derived from the receipt and the server
// secret). The receipt is stored only as an argon2id hash and a keyed hash (HMAC) that finds the row.
// No address, user agent or time of day of a reporter is stored: days only. The per-client daily
// throttle is the kernel's (kernel/throttle.ts: HMAC keys, nothing raw).
import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../../kernel/schema.ts';
import { orgUnits as units } from '../org/index.ts';

/** One row: the regency recovery public key (its private key is shown once and never stored). */
export const wbsSettings = pgTable('wbs_settings', {
  id: text('id').primaryKey(), // 'regency'
  recoveryPublicKey: text('recovery_public_key').notNull(), // X25519 SPKI DER, base64
  recoveryFingerprint: text('recovery_fingerprint').notNull(),
  createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A handler's key pair; the private key sealed with a key derived from the account password. */
export const wbsHandlerKeys = pgTable('wbs_handler_keys', {
  accountId: uuid('account_id').primaryKey().references(() => accounts.id, { onDelete: 'cascade' }),
  publicKey: text('public_key').notNull(), // X25519 SPKI DER, base64
  sealedPrivateKey: text('sealed_private_key').notNull(), // scrypt salt + GCM(PKCS8 DER), base64
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const wbsReports = pgTable('wbs_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  // the unit the report concerns (as the reporter chose it); null: not known (regency-wide handlers)
  unitId: uuid('unit_id').references(() => units.id),
  // HMAC-SHA256 (key derived from SECRET_KEY) of the whole receipt: finds the row, so a wrong guess
  // finds none (decision 0010). Null for reports filed before it existed until their reporter next
  // opens them (then set, and lookup cleared).
  receiptMac: text('receipt_mac'),
  // legacy (before the keyed look-up): the first 6 digits of the receipt. Never set for new reports.
  lookup: text('lookup'),
  receiptHash: text('receipt_hash'),
  // salt of the reporter's key-encryption key (argon2id of the receipt, peppered with the server secret)
  receiptSalt: text('receipt_salt'),
  reporterWrappedKey: text('reporter_wrapped_key'),
  recoveryWrappedKey: text('recovery_wrapped_key'),
  // GCM ciphertext of {what, who, when, where}
  contentEnc: text('content_enc'),
  // GCM ciphertext of the reporter's identity, when given (sealed: shown only after a second person approves)
  identityEnc: text('identity_enc'),
  hasIdentity: boolean('has_identity').notNull().default(false),
  // received | verified | investigating | forwarded | proven | not_proven | rejected | closed
  state: text('state').notNull().default('received'),
  submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
  closedOn: date('closed_on', { mode: 'string' }),
  // content deleted after closure + retention (the row stays for content-free statistics)
  purgeAfter: date('purge_after', { mode: 'string' }),
  purgedOn: date('purged_on', { mode: 'string' }),
}, (t) => [
  uniqueIndex('wbs_reports_receipt_mac_uq').on(t.receiptMac),
  uniqueIndex('wbs_reports_lookup_uq').on(t.lookup),
  index('wbs_reports_unit_idx').on(t.unitId),
  index('wbs_reports_state_idx').on(t.state),
]);

/** The report's data key wrapped for one handler (ephemeral X25519 + HKDF + GCM). */
export const wbsReportKeys = pgTable('wbs_report_keys', {
  reportId: uuid('report_id').notNull().references(() => wbsReports.id, { onDelete: 'cascade' }),
  accountId: uuid('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
  wrappedKey: text('wrapped_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.reportId, t.accountId] }), index('wbs_report_keys_account_idx').on(t.accountId)]);

/** Handlers excluded from a report (e.g. implicated in it): never given its key again. */
export const wbsExclusions = pgTable('wbs_exclusions', {
  reportId: uuid('report_id').notNull().references(() => wbsReports.id, { onDelete: 'cascade' }),
  accountId: uuid('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
  excludedBy: uuid('excluded_by').references(() => accounts.id, { onDelete: 'set null' }),
  excludedAt: timestamp('excluded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.reportId, t.accountId] })]);

/** Messages between the reporter and the handlers, and state changes (body encrypted). */
export const wbsMessages = pgTable('wbs_messages', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  reportId: uuid('report_id').notNull().references(() => wbsReports.id, { onDelete: 'cascade' }),
  // reporter | handler | state
  author: text('author').notNull(),
  authorAccountId: uuid('author_account_id').references(() => accounts.id, { onDelete: 'set null' }),
  // for author 'state': the new state
  state: text('state'),
  bodyEnc: text('body_enc'),
  on: date('on', { mode: 'string' }).notNull(),
}, (t) => [index('wbs_messages_report_idx').on(t.reportId, t.seq)]);

/** Attachments: ciphertext in FILES_DIR/wbs/<id>; name, type and size encrypted here. */
export const wbsAttachments = pgTable('wbs_attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id').notNull().references(() => wbsReports.id, { onDelete: 'cascade' }),
  messageSeq: integer('message_seq'),
  metaEnc: text('meta_enc').notNull(),
}, (t) => [index('wbs_attachments_report_idx').on(t.reportId)]);

/** Identity disclosure: a handler asks (reason encrypted), a second person approves. */
export const wbsDisclosures = pgTable('wbs_disclosures', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id').notNull().references(() => wbsReports.id, { onDelete: 'cascade' }),
  requestedBy: uuid('requested_by').references(() => accounts.id, { onDelete: 'set null' }),
  reasonEnc: text('reason_enc').notNull(),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
  approvedBy: uuid('approved_by').references(() => accounts.id, { onDelete: 'set null' }),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
}, (t) => [index('wbs_disclosures_report_idx').on(t.reportId)]);

/** The unit's periodic evaluation of its WBS (LKE A.I.5.iv.b–c): no report content. */
export const wbsEvaluations = pgTable('wbs_evaluations', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  findings: text('findings').notNull(),
  followUp: text('follow_up'),
  followedUp: boolean('followed_up').notNull().default(false),
  createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
}, (t) => [index('wbs_evaluations_unit_idx').on(t.unitId, t.heldOn)]);
