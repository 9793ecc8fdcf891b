// Use cases of the org module: load → decide → save, each in one transaction with its audit entry.
import { randomInt } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Actor, type Grant, type Role, type RoleScope, type Scope, inScope } from '../../kernel/access.ts';
import { appendAudit, type AuditActor } from '../../kernel/audit.ts';
import { deleteAccountSessions, hashPassword, validateNewPassword } from '../../kernel/auth.ts';
import type { Db } from '../../kernel/db.ts';
import { DomainError, conflict, invalid, notFound } from '../../kernel/errors.ts';
import type { LoadedActor } from '../../kernel/http.tsx';
import { notify } from '../../kernel/notify.ts';
import { accounts } from '../../kernel/schema.ts';
import { sniffFile, type FileStore } from '../../kernel/files.ts';
import { parseCsv, CsvError } from './org.csv.ts';
import {
  findAccount, findAccountByUsername, findPerson, findPersonByNip, findRegency, findUnit, unitDescendants,
} from './org.queries.ts';
import { people, regencies, roleAssignments, units } from './org.schema.ts';
import { fieldErrorsOf } from '../../kernel/validate.ts';
import { decodeCsv } from './org.csv.ts';
import { validPersonInput, type UnitInput, type ValidPerson } from './org.schemas.ts';
export type { ValidPerson } from './org.schemas.ts';

export interface Ctx { db: Db; actor: AuditActor; emailEnabled: boolean; knownKey: (k: string) => boolean }

export function auditActorOf(a: Actor): AuditActor {
  return { accountId: a.accountId, label: a.username };
}

// ---- actor -----------------------------------------------------------------------------------

/** Loads who is behind a session: account, person, role grants with their units expanded. */
export async function loadActor(db: Db, accountId: string): Promise<LoadedActor | null> {
  const [acc] = await db.select().from(accounts).where(eq(accounts.id, accountId)).limit(1);
  if (!acc || !acc.isActive) return null;
  const [person] = await db.select({ id: people.id, unitId: people.unitId }).from(people).where(eq(people.accountId, accountId)).limit(1);
  const rows = await db.select({ role: roleAssignments.role, unitId: roleAssignments.unitId, area: roleAssignments.area, unitName: units.shortName })
    .from(roleAssignments).leftJoin(units, eq(units.id, roleAssignments.unitId))
    .where(eq(roleAssignments.accountId, accountId));
  const needsTree = rows.some((r) => r.unitId);
  const tree = needsTree ? await unitDescendants(db) : new Map<string, string[]>();
  const grants: Grant[] = rows.map((r) => ({
    role: r.role as Role,
    unitId: r.unitId,
    unitIds: r.unitId ? tree.get(r.unitId) ?? [r.unitId] : [],
    area: r.area,
  }));
  const unitsSeen = new Map<string, string>();
  for (const r of rows) if (r.unitId && r.unitName) unitsSeen.set(r.unitId, r.unitName);
  return {
    accountId: acc.id,
    username: acc.username,
    displayName: acc.displayName,
    personId: person?.id ?? null,
    homeUnitId: person?.unitId && unitsSeen.has(person.unitId) ? person.unitId : null,
    locale: acc.locale,
    mustChangePassword: acc.mustChangePassword,
    grants,
    units: [...unitsSeen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

// ---- units -----------------------------------------------------------------------------------

export async function saveUnit(ctx: Ctx, id: string | null, input: UnitInput) {
  return ctx.db.transaction(async (tx) => {
    const regency = await findRegency(tx);
    if (!regency) throw new DomainError('conflict', 'org.regency.missing');
    const all: Scope = { all: true };
    if (input.parentId) {
      if (!(await findUnit(tx, all, input.parentId))) throw invalid({ parentId: 'org.unit.parent_invalid' });
      if (id) {
        const tree = await unitDescendants(tx);
        if ((tree.get(id) ?? [id]).includes(input.parentId)) throw invalid({ parentId: 'org.unit.parent_cycle' });
      }
    }
    const [dupe] = await tx.select({ id: units.id }).from(units).where(and(eq(units.regencyId, regency.id), sql`lower(${units.code}) = lower(${input.code})`)).limit(1);
    if (dupe && dupe.id !== id) throw invalid({ code: 'org.unit.code_taken' });
    let unitId = id;
    if (id) {
      const before = await findUnit(tx, all, id);
      if (!before) throw notFound();
      await tx.update(units).set({ ...input, updatedAt: new Date() }).where(eq(units.id, id));
      await appendAudit(tx, ctx.actor, { action: 'org.unit.updated', entityType: 'unit', entityId: id, unitId: id, data: { before: pick(before, Object.keys(input)), after: { ...input } } });
    } else {
      const [u] = await tx.insert(units).values({ ...input, regencyId: regency.id }).returning({ id: units.id });
      unitId = u.id;
      await appendAudit(tx, ctx.actor, { action: 'org.unit.created', entityType: 'unit', entityId: u.id, unitId: u.id, data: { ...input } });
    }
    return unitId!;
  });
}

// ---- letterhead logos -----------------------------------------------------------------------------

/** A letterhead logo is a PNG or JPEG (what the PDF documents embed), at most 2 MB. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

/** Checks a logo by its content (kernel sniffFile), not by its name: its media type, or the error key. */
export function checkLogo(bytes: Uint8Array, name: string): { ok: true; mime: string } | { ok: false; error: string } {
  if (bytes.length === 0) return { ok: false, error: 'org.logo.required' };
  if (bytes.length > MAX_LOGO_BYTES) return { ok: false, error: 'org.logo.too_big' };
  const s = sniffFile(bytes, name);
  if (!s || (s.ext !== 'png' && s.ext !== 'jpg')) return { ok: false, error: 'org.logo.not_image' };
  return { ok: true, mime: s.mime };
}

/** Sets the logo chosen in a form's file field (none chosen: the field's error). */
export async function uploadLogo(ctx: Ctx, files: FileStore, unitId: string | null, chosen: readonly File[]): Promise<void> {
  const [file] = chosen;
  if (!file || file.size === 0) throw invalid({ logo: 'org.logo.required' });
  await setLogo(ctx, files, unitId, { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name });
}

/**
 * Sets (bytes) or removes (null) the letterhead logo of a unit, or of the regency when `unitId` is
 * null. The bytes are checked by content before anything is stored; the change is audited.
 */
export async function setLogo(ctx: Ctx, files: FileStore, unitId: string | null, file: { bytes: Uint8Array; name: string } | null): Promise<void> {
  let stored: { sha256: string; mime: string; size: number } | null = null;
  if (file) {
    const check = checkLogo(file.bytes, file.name);
    if (!check.ok) throw invalid({ logo: check.error });
    const put = await files.put(file.bytes);
    stored = { sha256: put.sha256, mime: check.mime, size: put.size };
  }
  await ctx.db.transaction(async (tx) => {
    const values = { logoSha256: stored?.sha256 ?? null, logoMime: stored?.mime ?? null };
    let entityId: string;
    if (unitId) {
      const [u] = await tx.update(units).set({ ...values, updatedAt: new Date() }).where(eq(units.id, unitId)).returning({ id: units.id });
      if (!u) throw notFound();
      entityId = u.id;
    } else {
      const regency = await findRegency(tx);
      if (!regency) throw new DomainError('conflict', 'org.regency.missing');
      await tx.update(regencies).set(values).where(eq(regencies.id, regency.id));
      entityId = regency.id;
    }
    await appendAudit(tx, ctx.actor, {
      action: stored ? 'org.logo.set' : 'org.logo.removed', entityType: unitId ? 'unit' : 'regency', entityId, unitId,
      data: stored ? { sha256: stored.sha256, mime: stored.mime, size: stored.size } : {},
    });
  });
}

function pick(o: object, keys: string[]) {
  const rec = o as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, rec[k]]));
}

// ---- people ----------------------------------------------------------------------------------

/** Validates a person (an import row); NIP structure and plausibility checked, birth date and gender derived. */
export function parsePerson(form: Record<string, string>, known: (k: string) => boolean, today = new Date()): ValidPerson {
  const r = validPersonInput({ today }).safeParse(form);
  if (!r.success) throw invalid(fieldErrorsOf(r.error, known));
  return r.data;
}

export async function savePerson(ctx: Ctx, scope: Scope, id: string | null, input: ValidPerson) {
  return ctx.db.transaction(async (tx) => {
    if (!inScope(scope, input.unitId) || !(await findUnit(tx, scope, input.unitId))) throw invalid({ unitId: 'org.person.unit_invalid' });
    const dupe = await findPersonByNip(tx, input.nip);
    if (dupe && dupe.id !== id) throw invalid({ nip: 'org.person.nip_taken' });
    if (id) {
      const before = await findPerson(tx, scope, id);
      if (!before) throw notFound();
      await tx.update(people).set({ ...input, updatedAt: new Date() }).where(eq(people.id, id));
      await appendAudit(tx, ctx.actor, { action: 'org.person.updated', entityType: 'person', entityId: id, unitId: input.unitId, data: { before: pick(before, Object.keys(input)), after: { ...input } } });
      return id;
    }
    const [p] = await tx.insert(people).values(input).returning({ id: people.id });
    await appendAudit(tx, ctx.actor, { action: 'org.person.created', entityType: 'person', entityId: p.id, unitId: input.unitId, data: { ...input } });
    return p.id;
  });
}

export const IMPORT_COLUMNS = ['nip', 'nama', 'jabatan', 'kelas_jabatan', 'kode_unit', 'pangkat', 'email', 'telepon'] as const;
const MAX_IMPORT_ROWS = 5000;

export interface ImportRowResult { line: number; nip: string; name: string; status: 'created' | 'updated' | 'rejected'; errors: { field: string; key: string }[] }
export interface ImportReport { created: number; updated: number; rejected: number; rows: ImportRowResult[] }

/** The largest people CSV taken. */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;

/**
 * Imports the CSV file chosen in the import form: refused (a validation error of the file) when none
 * is chosen, when it is too large, or when its content is not CSV text — judged by content, not by
 * name or declared type: spreadsheets (zip/ole), PDFs and binaries are refused.
 */
export async function importPeopleFile(ctx: Ctx, scope: Scope, chosen: readonly File[], today = new Date()): Promise<ImportReport> {
  const [file] = chosen;
  if (!file || file.size === 0) throw new DomainError('validation', 'org.import.no_file');
  if (file.size > MAX_CSV_BYTES) throw new DomainError('validation', 'org.import.too_large');
  const text = decodeCsv(new Uint8Array(await file.arrayBuffer()));
  if (text === null) throw new DomainError('validation', 'org.import.not_csv');
  return importPeople(ctx, scope, text, today);
}

/**
 * Imports people from CSV. Every row is validated first; valid rows are written together in
 * one transaction (a person with the NIP already present is updated), invalid rows are reported
 * with their line and reason and never written. A failure while writing rolls everything back.
 */
export async function importPeople(ctx: Ctx, scope: Scope, csvText: string, today = new Date()): Promise<ImportReport> {
  let table: string[][];
  try {
    table = parseCsv(csvText);
  } catch (err) {
    if (err instanceof CsvError) throw new DomainError('validation', err.code, { line: err.line });
    throw err;
  }
  const header = table[0].map((h) => h.trim().toLowerCase());
  const missing = ['nip', 'nama', 'jabatan', 'kelas_jabatan', 'kode_unit'].filter((c) => !header.includes(c));
  if (missing.length) throw new DomainError('validation', 'org.import.missing_columns', { columns: missing.join(', ') });
  if (table.length - 1 > MAX_IMPORT_ROWS) throw new DomainError('validation', 'org.import.too_many_rows', { max: MAX_IMPORT_ROWS });
  const col = (row: string[], name: string) => (header.indexOf(name) >= 0 ? (row[header.indexOf(name)] ?? '').trim() : '');

  const unitRows = await ctx.db.select({ id: units.id, code: units.code }).from(units);
  const unitByCode = new Map(unitRows.map((u) => [u.code.toLowerCase(), u.id]));
  const existing = new Map((await ctx.db.select({ id: people.id, nip: people.nip, unitId: people.unitId }).from(people)).map((p) => [p.nip, p]));

  const results: ImportRowResult[] = [];
  const valid: { line: number; input: ValidPerson; existingId: string | null }[] = [];
  const seenNips = new Map<string, number>();
  for (let i = 1; i < table.length; i++) {
    const row = table[i];
    const line = i + 1;
    const unitCode = col(row, 'kode_unit').toLowerCase();
    const form: Record<string, string> = {
      nip: col(row, 'nip'), name: col(row, 'nama'), position: col(row, 'jabatan'),
      positionClass: col(row, 'kelas_jabatan').toLowerCase(), unitId: unitByCode.get(unitCode) ?? '',
      rank: col(row, 'pangkat'), email: col(row, 'email'), phone: col(row, 'telepon'),
    };
    const res: ImportRowResult = { line, nip: form.nip, name: form.name, status: 'rejected', errors: [] };
    try {
      const input = parsePerson(form, ctx.knownKey, today);
      const unitOk = inScope(scope, input.unitId);
      const prev = existing.get(input.nip);
      if (!unitOk || (prev && !inScope(scope, prev.unitId))) throw invalid({ unitId: 'org.person.unit_invalid' });
      const dupLine = seenNips.get(input.nip);
      if (dupLine) throw invalid({ nip: 'org.import.duplicate_in_file' });
      seenNips.set(input.nip, line);
      valid.push({ line, input, existingId: prev?.id ?? null });
      res.status = prev ? 'updated' : 'created';
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const fields = { ...err.fieldErrors };
      if (fields.unitId && !unitByCode.has(unitCode)) fields.unitId = unitCode ? 'org.import.unit_unknown' : 'form.required';
      res.errors = Object.entries(fields).map(([field, key]) => ({ field: importColumnOf(field), key }));
    }
    results.push(res);
  }
  if (valid.length > 0) {
    await ctx.db.transaction(async (tx) => {
      for (const v of valid) {
        if (v.existingId) await tx.update(people).set({ ...v.input, updatedAt: new Date() }).where(eq(people.id, v.existingId));
        else await tx.insert(people).values(v.input);
      }
      await appendAudit(tx, ctx.actor, {
        action: 'org.people.imported', entityType: 'person',
        data: { created: results.filter((r) => r.status === 'created').length, updated: results.filter((r) => r.status === 'updated').length, rejected: results.filter((r) => r.status === 'rejected').length, nips: valid.map((v) => v.input.nip) },
      });
    });
  }
  return {
    created: results.filter((r) => r.status === 'created').length,
    updated: results.filter((r) => r.status === 'updated').length,
    rejected: results.filter((r) => r.status === 'rejected').length,
    rows: results,
  };
}

function importColumnOf(field: string): string {
  return ({ name: 'nama', position: 'jabatan', positionClass: 'kelas_jabatan', unitId: 'kode_unit', rank: 'pangkat', phone: 'telepon' } as Record<string, string>)[field] ?? field;
}

// ---- accounts and roles ---------------------------------------------------------------------

const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function generatePassword(length = 14): string {
  let s = '';
  for (let i = 0; i < length; i++) s += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  return s;
}

/** Creates the sign-in account of a person, with a one-time password they must change. */
export async function createAccountForPerson(ctx: Ctx, scope: Scope, personId: string, input: { username: string; email: string | null }) {
  const tempPassword = generatePassword();
  const passwordHash = await hashPassword(tempPassword);
  const accountId = await ctx.db.transaction(async (tx) => {
    const person = await findPerson(tx, scope, personId);
    if (!person) throw notFound();
    if (person.accountId) throw conflict('org.account.exists');
    if (await findAccountByUsername(tx, input.username)) throw invalid({ username: 'org.account.username_taken' });
    const [acc] = await tx.insert(accounts).values({
      username: input.username, passwordHash, displayName: person.name, email: input.email ?? person.email, mustChangePassword: true,
    }).returning({ id: accounts.id });
    await tx.update(people).set({ accountId: acc.id, updatedAt: new Date() }).where(eq(people.id, personId));
    await tx.insert(roleAssignments).values({ accountId: acc.id, role: 'employee', unitId: person.unitId, createdBy: ctx.actor.accountId });
    await appendAudit(tx, ctx.actor, { action: 'org.account.created', entityType: 'account', entityId: acc.id, unitId: person.unitId, data: { username: input.username, personId } });
    await notify(tx, [acc.id], { kind: 'account', subjectKey: 'notify.welcome.subject', bodyKey: 'notify.welcome.body', params: { username: input.username }, link: '/account/password' }, ctx.emailEnabled);
    return acc.id;
  });
  return { accountId, tempPassword };
}

export async function resetPassword(ctx: Ctx, accountId: string) {
  const tempPassword = generatePassword();
  const passwordHash = await hashPassword(tempPassword);
  await ctx.db.transaction(async (tx) => {
    const acc = await findAccount(tx, accountId);
    if (!acc) throw notFound();
    await tx.update(accounts).set({ passwordHash, mustChangePassword: true, passwordChangedAt: new Date() }).where(eq(accounts.id, accountId));
    await deleteAccountSessions(tx, accountId);
    await appendAudit(tx, ctx.actor, { action: 'org.account.password_reset', entityType: 'account', entityId: accountId });
  });
  return tempPassword;
}

export async function setAccountActive(ctx: Ctx, accountId: string, active: boolean) {
  if (ctx.actor.accountId === accountId && !active) throw conflict('org.account.self_deactivate');
  await ctx.db.transaction(async (tx) => {
    const acc = await findAccount(tx, accountId);
    if (!acc) throw notFound();
    await tx.update(accounts).set({ isActive: active }).where(eq(accounts.id, accountId));
    if (!active) await deleteAccountSessions(tx, accountId);
    await appendAudit(tx, ctx.actor, { action: active ? 'org.account.activated' : 'org.account.deactivated', entityType: 'account', entityId: accountId });
  });
}

/** Grants a declared role; `scope` is where its grants hold, as its module declares it (a regency, a unit, a unit's reform area). */
export async function grantRole(ctx: Ctx, accountId: string, grant: { role: Role; scope: RoleScope; unitId: string | null; area: number | null }, roleLabel: string, unitLabel: string) {
  const { scope, ...input } = grant;
  const regencyWide = scope === 'regency';
  if (regencyWide && input.unitId) throw invalid({ unitId: 'org.role.regency_wide' });
  if (!regencyWide && !input.unitId) throw invalid({ unitId: 'org.role.unit_required' });
  if ((scope === 'area') !== (input.area !== null)) throw invalid({ area: scope === 'area' ? 'org.role.area_required' : 'org.role.area_not_allowed' });
  await ctx.db.transaction(async (tx) => {
    if (!(await findAccount(tx, accountId))) throw notFound();
    if (input.unitId && !(await findUnit(tx, { all: true }, input.unitId))) throw invalid({ unitId: 'org.person.unit_invalid' });
    const dup = await tx.select({ id: roleAssignments.id }).from(roleAssignments).where(and(
      eq(roleAssignments.accountId, accountId), eq(roleAssignments.role, input.role),
      input.unitId ? eq(roleAssignments.unitId, input.unitId) : isNull(roleAssignments.unitId),
      input.area ? eq(roleAssignments.area, input.area) : isNull(roleAssignments.area),
    )).limit(1);
    if (dup.length) throw conflict('org.role.exists');
    const [ra] = await tx.insert(roleAssignments).values({ accountId, role: input.role, unitId: input.unitId, area: input.area, createdBy: ctx.actor.accountId }).returning({ id: roleAssignments.id });
    await appendAudit(tx, ctx.actor, { action: 'org.role.granted', entityType: 'role_assignment', entityId: ra.id, unitId: input.unitId, data: { accountId, ...input } });
    await notify(tx, [accountId], { kind: 'role', subjectKey: 'notify.role_granted.subject', bodyKey: 'notify.role_granted.body', params: { role: roleLabel, unit: unitLabel }, link: '/account' }, ctx.emailEnabled);
  });
}

export async function revokeRole(ctx: Ctx, accountId: string, assignmentId: string) {
  await ctx.db.transaction(async (tx) => {
    const [ra] = await tx.select().from(roleAssignments).where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.accountId, accountId))).limit(1);
    if (!ra) throw notFound();
    if (ra.role === 'regency_admin' && ra.accountId === ctx.actor.accountId) throw conflict('org.role.self_admin');
    await tx.delete(roleAssignments).where(eq(roleAssignments.id, assignmentId));
    await appendAudit(tx, ctx.actor, { action: 'org.role.revoked', entityType: 'role_assignment', entityId: assignmentId, unitId: ra.unitId, data: { accountId, role: ra.role, area: ra.area } });
  });
}

/** The first (or an additional) regency administrator, from the command line. */
export async function createAdmin(db: Db, input: { username: string; password: string; displayName: string; email?: string }) {
  const problem = validateNewPassword(input.password, input.username);
  if (problem) throw new DomainError('validation', problem);
  if (!/^[a-z0-9._-]{3,50}$/i.test(input.username)) throw new DomainError('validation', 'org.account.username_format');
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await findAccountByUsername(tx, input.username)) throw new DomainError('conflict', 'org.account.username_taken');
    const [acc] = await tx.insert(accounts).values({ username: input.username, passwordHash, displayName: input.displayName, email: input.email ?? null }).returning({ id: accounts.id });
    await tx.insert(roleAssignments).values({ accountId: acc.id, role: 'regency_admin', unitId: null });
    await appendAudit(tx, { accountId: null, label: 'cli' }, { action: 'org.admin.created', entityType: 'account', entityId: acc.id, data: { username: input.username } });
    return acc.id;
  });
}

