// Tables owned by the kernel (prefix kernel_). Modules may point foreign keys at these.
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const accounts = pgTable('kernel_accounts', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull(),
  passwordHash: text('password_hash').notNull(),
  displayName: text('display_name').notNull(),
  email: text('email'),
  locale: text('locale').notNull().default('id'),
  isActive: boolean('is_active').notNull().default(true),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('kernel_accounts_username_uq').on(sql`lower(${t.username})`)]);

export const sessions = pgTable('kernel_sessions', {
  // sha256 of the cookie token: a leaked table does not yield usable cookies
  id: text('id').primaryKey(),
  accountId: uuid('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
  currentUnitId: uuid('current_unit_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
}, (t) => [index('kernel_sessions_account_idx').on(t.accountId), index('kernel_sessions_expires_idx').on(t.expiresAt)]);

/**
 * The throttle's counters (kernel/throttle.ts), for every user: sign-in failures, the WBS unlock
 * page, the public forms' daily limits, budgets and bursts. A daily bucket has a `day`; a windowed
 * one has none but a `window_start` (exactly one of the two is set), and may be blocked until a time.
 * The key is a keyed hash (HMAC under the server secret of purpose, day and client address; of the
 * typed username for sign-in) or a fixed name for an overall budget: no address or typed name is
 * stored and keys cannot be linked across days or purposes.
 */
export const throttleCounters = pgTable('kernel_throttle', {
  key: text('key').notNull(),
  // what is counted, e.g. 'complaints.submit', 'wbs.submit', 'wbs.bytes', 'login.pair', 'surveys.submit'
  kind: text('kind').notNull(),
  // a daily bucket's day; null for a windowed bucket (one row per kind and key, whatever the day)
  day: date('day', { mode: 'string' }),
  count: bigint('count', { mode: 'number' }).notNull().default(0),
  // a windowed bucket: when its current window began
  windowStart: timestamp('window_start', { withTimezone: true }),
  // a windowed bucket refuses until then (the sign-in's block and the account's growing delay)
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
}, (t) => [
  // one row per bucket; nulls not distinct, so a windowed bucket (day null) is one row too
  unique('kernel_throttle_bucket_uq').on(t.key, t.kind, t.day).nullsNotDistinct(),
  index('kernel_throttle_day_idx').on(t.day),
  index('kernel_throttle_window_idx').on(t.windowStart),
  check('kernel_throttle_day_or_window_ck', sql`(${t.day} is null) <> (${t.windowStart} is null)`),
]);

export const auditLog = pgTable('kernel_audit_log', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  actorAccountId: uuid('actor_account_id'),
  actorLabel: text('actor_label').notNull(),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id'),
  unitId: uuid('unit_id'),
  data: jsonb('data').notNull().default({}),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
}, (t) => [
  index('kernel_audit_entity_idx').on(t.entityType, t.entityId),
  index('kernel_audit_unit_idx').on(t.unitId),
  index('kernel_audit_actor_idx').on(t.actorAccountId),
]);

export const notifications = pgTable('kernel_notifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  accountId: uuid('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  subjectKey: text('subject_key').notNull(),
  bodyKey: text('body_key').notNull(),
  params: jsonb('params').notNull().default({}),
  link: text('link'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  readAt: timestamp('read_at', { withTimezone: true }),
  emailStatus: text('email_status').notNull().default('none'),
  emailError: text('email_error'),
  emailAttempts: integer('email_attempts').notNull().default(0),
}, (t) => [index('kernel_notifications_account_idx').on(t.accountId, t.createdAt), index('kernel_notifications_email_idx').on(t.emailStatus)]);

/**
 * Days that are not working days besides weekends: national holidays (libur nasional) and cuti
 * bersama, per the yearly joint decree (SKB). Shipped years are loaded from src/kernel/calendar/*.json
 * when missing; administrators edit them (audited). `provisional`: an estimate until the decree is out.
 */
export const calendarDays = pgTable('kernel_calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  // holiday | cuti_bersama
  kind: text('kind').notNull(),
  nameId: text('name_id').notNull(),
  nameEn: text('name_en').notNull(),
  source: text('source').notNull(),
  provisional: boolean('provisional').notNull().default(false),
  updatedBy: uuid('updated_by').references(() => accounts.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
