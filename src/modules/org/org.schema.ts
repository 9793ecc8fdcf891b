// Tables owned by the org module (prefix org_).
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { accounts } from '../../kernel/schema.ts';

export const regencies = pgTable('org_regencies', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  kind: text('kind').notNull().default('kabupaten'),
  capital: text('capital'),
  province: text('province'),
  headTitle: text('head_title').notNull().default('Bupati'),
  // the regency's logo (lambang daerah) for letterheads: a PNG/JPEG in the kernel file store
  logoSha256: text('logo_sha256'),
  logoMime: text('logo_mime'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const units = pgTable('org_units', {
  id: uuid('id').primaryKey().defaultRandom(),
  regencyId: uuid('regency_id').notNull().references(() => regencies.id),
  parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  kind: text('kind').notNull(),
  address: text('address'),
  phone: text('phone'),
  email: text('email'),
  // the rest of a letterhead's contact line (kop surat): fax, website, SMS number
  fax: text('fax'),
  website: text('website'),
  sms: text('sms'),
  // the unit's own logo for letterheads (else the regency's): a PNG/JPEG in the kernel file store
  logoSha256: text('logo_sha256'),
  logoMime: text('logo_mime'),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('org_units_code_uq').on(t.regencyId, sql`lower(${t.code})`),
  index('org_units_parent_idx').on(t.parentId),
  index('org_units_regency_idx').on(t.regencyId),
]);

export const people = pgTable('org_people', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull().references(() => units.id),
  accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
  name: text('name').notNull(),
  nip: text('nip').notNull(),
  birthDate: date('birth_date', { mode: 'string' }).notNull(),
  gender: text('gender').notNull(),
  position: text('position').notNull(),
  positionClass: text('position_class').notNull(),
  rank: text('rank'),
  email: text('email'),
  phone: text('phone'),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('org_people_nip_uq').on(t.nip),
  uniqueIndex('org_people_account_uq').on(t.accountId),
  index('org_people_unit_idx').on(t.unitId),
  index('org_people_name_idx').on(t.name),
]);

export const roleAssignments = pgTable('org_role_assignments', {
  id: uuid('id').primaryKey().defaultRandom(),
  accountId: uuid('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
  role: text('role').notNull(),
  // null = the whole regency (regency admin, regency viewer)
  unitId: uuid('unit_id').references(() => units.id),
  // reform area 1..6, for ZI area coordinators
  area: integer('area'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
}, (t) => [
  uniqueIndex('org_role_assignments_uq').on(t.accountId, t.role, sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`, sql`coalesce(${t.area}, 0)`),
  index('org_role_assignments_unit_idx').on(t.unitId),
]);
