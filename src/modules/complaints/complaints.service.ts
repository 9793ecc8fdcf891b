// Use cases of the complaints module: intake (public form, staff entry), the tracking page's
// look-ups and the complainant's additions, handling (assign, reply, note, forward, close, reject,
// not our authority), reminders and statistics. Every change is one transaction with its audit
// entry; audit entries name ids, states and categories, never the complainant's name or contact.
import { and, eq, inArray } from 'drizzle-orm';
import type { Scope } from '../../kernel/access.ts';
import { appendAudit, type AuditActor } from '../../kernel/audit.ts';
import { offDays } from '../../kernel/calendar.ts';
import { inUnits, type Db } from '../../kernel/db.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import type { FileStore } from '../../kernel/files.ts';
import { notify } from '../../kernel/notify.ts';
import { clientKey as throttleKey, spend } from '../../kernel/throttle.ts';
import { isUuid } from '../../kernel/validate.ts';
import { dayIn, type IsoDate } from '../../kernel/workdays.ts';
import { checkUpload } from '../evidence/index.ts';
import { accountsHoldingRoleOver, findRegency, findUnit } from '../org/index.ts';
import { handlersOf, track, type ComplaintRow, type NewComplaint, type Tracked } from './complaints.queries.ts';
import {
  FINAL_STATES, OPEN_STATES, RULES, allowed, deadlineOf, hashCode, newTrackingCode, nextState, normaliseCode, parseComplaint,
  parseSatisfaction, parseText, slaDaysOf, slaStatus, type Action, type ComplaintInput,
} from './complaints.rules.ts';
import { complaintEntries, complaints } from './complaints.schema.ts';

export type { ComplaintRow, EntryRow } from './complaints.queries.ts';

export interface Ctx { db: Db; actor: AuditActor; emailEnabled: boolean }

export const PUBLIC_ACTOR: AuditActor = { accountId: null, label: 'public' };
const invalidField = (field: string, code: string) => new DomainError('validation', code, {}, { [field]: code });

// ---- throttle of the public pages ---------------------------------------------------------------

/** The client's key for a day (kernel/throttle.ts: HMAC of purpose, day and address — nothing raw stored). */
export function clientKey(secret: string, day: IsoDate, address: string): string {
  return throttleKey(secret, 'complaints', day, address);
}

/** Counts one attempt; throws 'throttled' past the day's limit (complaint-rules.json publicLimits). */
export async function throttle(db: Db, key: string, kind: 'track' | 'submit', day: IsoDate): Promise<void> {
  const limit = kind === 'track' ? RULES.publicLimits.trackPerDay : RULES.publicLimits.submitPerDay;
  await spend(db, { key, kind: `complaints.${kind}`, day }, limit, 'complaints.err.throttled');
}

// ---- intake --------------------------------------------------------------------------------------

export interface Attachment { bytes: Uint8Array; name: string }

async function storeAttachment(files: FileStore, a: Attachment | null) {
  if (!a) return {};
  let checked;
  try {
    checked = checkUpload(a.bytes, a.name);
  } catch (e) {
    if (e instanceof DomainError) throw invalidField('attachment', e.code === 'evidence.file.too_large' ? 'complaints.err.file_large' : e.code === 'evidence.file.empty' ? 'complaints.err.file_empty' : 'complaints.err.file_type');
    throw e;
  }
  const stored = await files.put(a.bytes);
  return { attachmentSha: stored.sha256, attachmentName: checked.name, attachmentMime: checked.sniffed.mime, attachmentSize: stored.size };
}

async function activeUnit(db: Db, unitId: string | undefined) {
  const u = unitId && isUuid(unitId) ? await findUnit(db, { all: true }, unitId) : null;
  return u && u.isActive ? u : null;
}

/** The unit's own complaint handlers; a sub-unit without any is served by the nearest unit above it. */
async function handlersToNotify(db: Db, unitId: string): Promise<string[]> {
  const all = await accountsHoldingRoleOver(db, 'complaint_handler', unitId);
  return all.filter((h) => h.depth === all[0]?.depth).map((h) => h.accountId);
}

export interface Created { id: string; code: string }

async function insertComplaint(db: Db, actor: AuditActor, emailEnabled: boolean, values: Omit<typeof complaints.$inferInsert, 'trackingHash'>, at: Date): Promise<Created> {
  const code = newTrackingCode();
  const id = await db.transaction(async (tx) => {
    if (values.laporRef) {
      const [dup] = await tx.select({ id: complaints.id }).from(complaints).where(eq(complaints.laporRef, values.laporRef)).limit(1);
      if (dup) throw invalidField('laporRef', 'complaints.err.lapor_ref_duplicate');
    }
    const [row] = await tx.insert(complaints).values({ ...values, trackingHash: hashCode(normaliseCode(code)!), createdAt: at, updatedAt: at }).returning({ id: complaints.id });
    await tx.insert(complaintEntries).values({ complaintId: row.id, kind: 'received', isPublic: true, authorId: actor.accountId, data: { channel: values.channel }, at });
    await appendAudit(tx, actor, { action: 'complaints.receive', entityType: 'complaint', entityId: row.id, data: { unitId: values.unitId, channel: values.channel, category: values.category, laporRef: values.laporRef ?? null, attachment: !!values.attachmentSha } });
    await notify(tx, await handlersToNotify(tx, values.unitId), { kind: 'complaints.new', subjectKey: 'complaints.notify.new.subject', bodyKey: 'complaints.notify.new.body', link: `/pengaduan/kelola/${row.id}` }, emailEnabled);
    return row.id;
  });
  return { id, code };
}

/** A complaint from the public form. The tracking code is returned once and never stored. */
export async function submitPublic(db: Db, files: FileStore, emailEnabled: boolean, input: ComplaintInput, attachment: Attachment | null, now = new Date()): Promise<Created> {
  const today = dayIn(now);
  const errors: Record<string, string> = {};
  let v: ReturnType<typeof parseComplaint> | null = null;
  try { v = parseComplaint(input, today); } catch (e) { if (e instanceof DomainError) Object.assign(errors, e.fieldErrors); else throw e; }
  const unit = await activeUnit(db, input.unitId);
  if (!unit) errors.unitId = 'complaints.err.unit';
  if (Object.keys(errors).length) throw new DomainError('validation', 'error.validation', {}, errors);
  const regency = await findRegency(db);
  const file = await storeAttachment(files, attachment);
  return insertComplaint(db, PUBLIC_ACTOR, emailEnabled, {
    ...v!, unitId: unit!.id, receivedOn: today, receivedAt: now, slaDays: slaDaysOf(v!.category, regency?.name ?? null), ...file,
  }, now);
}

/** What taking the public form needs besides the database: the file store, e-mail, and the day's throttle of this client. */
export interface PublicDeps { db: Db; files: FileStore; emailEnabled: boolean; spendAttempt(): Promise<void> }

/**
 * The public form's submission: a filled honeypot field (a bot) is refused before anything is
 * counted, then the client's attempt is counted against the day's limit, then the complaint is
 * checked and stored (all or nothing).
 */
export async function receivePublic(deps: PublicDeps, form: ComplaintInput & { website?: string }, attachment: Attachment | null, now = new Date()): Promise<Created> {
  if (form.website) throw new DomainError('validation', 'complaints.err.spam');
  await deps.spendAttempt();
  return submitPublic(deps.db, deps.files, deps.emailEnabled, form, attachment, now);
}

/** A complaint received on another channel, recorded by staff of a unit in scope. */
export async function createByStaff(ctx: Ctx, files: FileStore, scope: Scope, input: ComplaintInput, attachment: Attachment | null, now = new Date()): Promise<Created> {
  const today = dayIn(now);
  const errors: Record<string, string> = {};
  let v: ReturnType<typeof parseComplaint> | null = null;
  try { v = parseComplaint(input, today, { staff: true }); } catch (e) { if (e instanceof DomainError) Object.assign(errors, e.fieldErrors); else throw e; }
  const unit = await activeUnit(ctx.db, input.unitId);
  if (!unit || (!scope.all && !scope.unitIds.includes(unit.id))) errors.unitId = 'complaints.err.unit';
  if (Object.keys(errors).length) throw new DomainError('validation', 'error.validation', {}, errors);
  const regency = await findRegency(ctx.db);
  const file = await storeAttachment(files, attachment);
  const receivedAt = v!.receivedOn === today ? now : new Date(`${v!.receivedOn}T09:00:00+07:00`);
  return insertComplaint(ctx.db, ctx.actor, ctx.emailEnabled, {
    ...v!, unitId: unit!.id, receivedAt, slaDays: slaDaysOf(v!.category, regency?.name ?? null), createdBy: ctx.actor.accountId, ...file,
  }, now);
}

// ---- the tracking page -----------------------------------------------------------------------------

// an unknown code is shown at the code field; the tracking page never tells more than that
const unknownCode = () => new DomainError('not_found', 'complaints.err.code', {}, { code: 'complaints.err.code' });

/** The tracking look-up: the client's attempt is counted first, then the code is looked up (unknown: not found). */
export async function lookUp(deps: { db: Db; spendAttempt(): Promise<void> }, rawCode: string): Promise<Tracked> {
  await deps.spendAttempt();
  const found = await track(deps.db, rawCode);
  if (!found) throw unknownCode();
  return found;
}

async function byCode(tx: Db, rawCode: string): Promise<ComplaintRow> {
  const n = normaliseCode(rawCode);
  const [row] = n ? await tx.select().from(complaints).where(eq(complaints.trackingHash, hashCode(n))).for('update').limit(1) : [];
  if (!row) throw unknownCode();
  return row;
}

/** The complainant adds information while the complaint is open. */
export async function addInfo(db: Db, emailEnabled: boolean, rawCode: string, text: string, now = new Date()): Promise<void> {
  const body = parseText(text, 'info');
  await db.transaction(async (tx) => {
    const c = await byCode(tx, rawCode);
    if (!allowed(c.state, 'info')) throw new DomainError('conflict', 'complaints.err.state');
    await tx.insert(complaintEntries).values({ complaintId: c.id, kind: 'info', body, isPublic: true, at: now });
    await tx.update(complaints).set({ updatedAt: now }).where(eq(complaints.id, c.id));
    await appendAudit(tx, PUBLIC_ACTOR, { action: 'complaints.info', entityType: 'complaint', entityId: c.id, data: { length: body.length } });
    const to = c.assigneeId ? [c.assigneeId] : await handlersToNotify(tx, c.unitId);
    await notify(tx, to, { kind: 'complaints.info', subjectKey: 'complaints.notify.info.subject', bodyKey: 'complaints.notify.info.body', link: `/pengaduan/kelola/${c.id}` }, emailEnabled);
  });
}

/** The complainant's satisfaction once the complaint is closed (once). */
export async function giveSatisfaction(db: Db, rawCode: string, value: string, note: string, now = new Date()): Promise<void> {
  const score = parseSatisfaction(value);
  const text = (note ?? '').trim() ? parseText(note, 'satisfactionNote') : null;
  await db.transaction(async (tx) => {
    const c = await byCode(tx, rawCode);
    if (!allowed(c.state, 'satisfaction', c.satisfaction !== null)) throw new DomainError('conflict', 'complaints.err.satisfaction_state');
    await tx.update(complaints).set({ satisfaction: score, satisfactionNote: text, updatedAt: now }).where(eq(complaints.id, c.id));
    await tx.insert(complaintEntries).values({ complaintId: c.id, kind: 'satisfaction', body: text, isPublic: true, data: { score }, at: now });
    await appendAudit(tx, PUBLIC_ACTOR, { action: 'complaints.satisfaction', entityType: 'complaint', entityId: c.id, data: { score } });
  });
}

// ---- staff: handling ---------------------------------------------------------------------------------

async function lockInScope(tx: Db, scope: Scope, id: string): Promise<ComplaintRow> {
  if (!isUuid(id)) throw notFound();
  const [row] = await tx.select().from(complaints).where(and(eq(complaints.id, id), inUnits(scope, complaints.unitId))).for('update').limit(1);
  if (!row) throw notFound();
  return row;
}

function assertAllowed(c: ComplaintRow, action: Action) {
  if (!allowed(c.state, action)) throw new DomainError('conflict', 'complaints.err.state');
}

export async function assign(ctx: Ctx, scope: Scope, id: string, accountId: string, now = new Date()): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = await lockInScope(tx, scope, id);
    assertAllowed(c, 'assign');
    const handlers = await handlersOf(tx, c.unitId);
    const who = handlers.find((h) => h.id === accountId);
    if (!who) throw invalidField('assignee', 'complaints.err.assignee');
    await tx.update(complaints).set({ assigneeId: who.id, state: nextState(c.state, 'assign'), updatedAt: now }).where(eq(complaints.id, c.id));
    await tx.insert(complaintEntries).values({ complaintId: c.id, kind: 'assign', authorId: ctx.actor.accountId, data: { assigneeId: who.id, name: who.name }, at: now });
    await appendAudit(tx, ctx.actor, { action: 'complaints.assign', entityType: 'complaint', entityId: c.id, data: { assigneeId: who.id, from: c.assigneeId } });
    if (who.id !== ctx.actor.accountId) {
      await notify(tx, [who.id], { kind: 'complaints.assigned', subjectKey: 'complaints.notify.assigned.subject', bodyKey: 'complaints.notify.assigned.body', params: { subject: c.subject.slice(0, 80) }, link: `/pengaduan/kelola/${c.id}` }, ctx.emailEnabled);
    }
  });
}

/** A reply to the complainant (public) or an internal note. */
export async function addEntry(ctx: Ctx, scope: Scope, id: string, kind: 'reply' | 'note', text: string, now = new Date()): Promise<void> {
  const body = parseText(text, kind);
  await ctx.db.transaction(async (tx) => {
    const c = await lockInScope(tx, scope, id);
    assertAllowed(c, kind);
    const today = dayIn(now);
    const set: Partial<ComplaintRow> = { updatedAt: now };
    if (kind === 'reply') {
      set.state = nextState(c.state, 'reply');
      if (!c.firstResponseOn) set.firstResponseOn = today < c.receivedOn ? c.receivedOn : today;
    }
    await tx.update(complaints).set(set).where(eq(complaints.id, c.id));
    await tx.insert(complaintEntries).values({ complaintId: c.id, kind, body, isPublic: kind === 'reply', authorId: ctx.actor.accountId, at: now });
    await appendAudit(tx, ctx.actor, { action: `complaints.${kind}`, entityType: 'complaint', entityId: c.id, data: { state: set.state ?? c.state } });
  });
}

/** Forwards the complaint to another unit: it moves there (and out of the sender's reach). */
export async function forward(ctx: Ctx, scope: Scope, id: string, toUnitId: string, reason: string, now = new Date()): Promise<void> {
  const why = parseText(reason, 'reason');
  await ctx.db.transaction(async (tx) => {
    const c = await lockInScope(tx, scope, id);
    assertAllowed(c, 'forward');
    const unit = await activeUnit(tx, toUnitId);
    if (!unit || unit.id === c.unitId) throw invalidField('toUnitId', 'complaints.err.forward_unit');
    const regency = await findRegency(tx);
    await tx.update(complaints).set({ unitId: unit.id, assigneeId: null, state: nextState(c.state, 'forward'), remindedNear: false, remindedOver: false, slaDays: slaDaysOf(c.category, regency?.name ?? null), updatedAt: now }).where(eq(complaints.id, c.id));
    await tx.insert(complaintEntries).values({ complaintId: c.id, kind: 'forward', body: why, isPublic: false, authorId: ctx.actor.accountId, data: { from: c.unitId, to: unit.id, unitName: unit.name }, at: now });
    // the complainant sees where the complaint went, not the internal reason
    await tx.insert(complaintEntries).values({ complaintId: c.id, kind: 'forwarded', isPublic: true, data: { unitName: unit.name }, at: now });
    await appendAudit(tx, ctx.actor, { action: 'complaints.forward', entityType: 'complaint', entityId: c.id, data: { from: c.unitId, to: unit.id } });
    await notify(tx, await handlersToNotify(tx, unit.id), { kind: 'complaints.new', subjectKey: 'complaints.notify.forwarded.subject', bodyKey: 'complaints.notify.forwarded.body', link: `/pengaduan/kelola/${c.id}` }, ctx.emailEnabled);
  });
}

/** Close with an outcome, reject with a reason, or "not our authority" with the body to refer to. */
export async function finish(ctx: Ctx, scope: Scope, id: string, kind: 'close' | 'reject' | 'not_authority', input: { text?: string; referTo?: string }, now = new Date()): Promise<void> {
  const text = parseText(input.text, 'text', kind === 'reject' ? 'complaints.err.reason' : 'complaints.err.outcome');
  const referTo = kind === 'not_authority' ? parseText(input.referTo, 'referTo', 'complaints.err.refer_to') : null;
  if (referTo && referTo.length > 300) throw invalidField('referTo', 'complaints.err.too_long');
  await ctx.db.transaction(async (tx) => {
    const c = await lockInScope(tx, scope, id);
    assertAllowed(c, kind);
    const today = dayIn(now);
    const day = today < c.receivedOn ? c.receivedOn : today;
    await tx.update(complaints).set({ state: nextState(c.state, kind), outcome: text, referTo, closedOn: day, firstResponseOn: c.firstResponseOn ?? day, updatedAt: now }).where(eq(complaints.id, c.id));
    await tx.insert(complaintEntries).values({ complaintId: c.id, kind, body: text, isPublic: true, authorId: ctx.actor.accountId, data: referTo ? { referTo } : {}, at: now });
    await appendAudit(tx, ctx.actor, { action: `complaints.${kind}`, entityType: 'complaint', entityId: c.id, data: { from: c.state, referTo } });
  });
}

// ---- reminders ---------------------------------------------------------------------------------------

/**
 * In-app notifications (and e-mail) for open complaints whose deadline is near or has passed: to
 * the assignee, else to the unit's complaint handlers. Each complaint is reminded once when near
 * and once when overdue. Run it on a timer (hourly is plenty); returns how many were sent.
 */
export async function sendComplaintReminders(db: Db, emailEnabled: boolean, now = new Date()): Promise<number> {
  const off = await offDays(db);
  const today = dayIn(now);
  const open = await db.select().from(complaints).where(inArray(complaints.state, [...OPEN_STATES]));
  let sent = 0;
  for (const c of open) {
    const s = slaStatus(c, today, off);
    const kind = s === 'overdue' && !c.remindedOver ? 'over' : s === 'near' && !c.remindedNear ? 'near' : null;
    if (!kind) continue;
    await db.transaction(async (tx) => {
      const [fresh] = await tx.select().from(complaints).where(eq(complaints.id, c.id)).for('update');
      if (!fresh || !(OPEN_STATES as readonly string[]).includes(fresh.state) || (kind === 'over' ? fresh.remindedOver : fresh.remindedNear)) return;
      const to = fresh.assigneeId ? [fresh.assigneeId] : await handlersToNotify(tx, fresh.unitId);
      const deadline = deadlineOf(fresh.receivedOn, fresh.slaDays, off);
      await notify(tx, to, { kind: `complaints.${kind}`, subjectKey: `complaints.notify.${kind}.subject`, bodyKey: `complaints.notify.${kind}.body`, params: { subject: fresh.subject.slice(0, 80), deadline }, link: `/pengaduan/kelola/${fresh.id}` }, emailEnabled);
      await tx.update(complaints).set(kind === 'over' ? { remindedOver: true, remindedNear: true } : { remindedNear: true }).where(eq(complaints.id, fresh.id));
      sent++;
    });
  }
  return sent;
}

export { FINAL_STATES };

/**
 * Stores the rows of a checked SP4N-LAPOR! export (complaints.import.ts) in one transaction with its
 * audit entry: each complaint with its "received" entry; a row whose LAPOR! reference arrived in the
 * meantime is skipped and counted as a duplicate.
 */
export async function saveImported(ctx: Ctx, unitId: string, fileName: string, rows: number, parsed: NewComplaint[], now = new Date()): Promise<{ imported: number; duplicates: number }> {
  const out = { imported: 0, duplicates: 0 };
  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < parsed.length; i += 200) {
      const ids = await tx.insert(complaints).values(parsed.slice(i, i + 200)).onConflictDoNothing().returning({ id: complaints.id });
      if (ids.length) await tx.insert(complaintEntries).values(ids.map((x) => ({ complaintId: x.id, kind: 'received', isPublic: true, authorId: ctx.actor.accountId, data: { channel: 'lapor', imported: true }, at: now })));
      out.imported += ids.length;
      out.duplicates += parsed.slice(i, i + 200).length - ids.length;
    }
    await appendAudit(tx, ctx.actor, { action: 'complaints.import', entityType: 'org_unit', entityId: unitId, data: { file: fileName.slice(0, 200), rows, imported: out.imported, duplicates: out.duplicates } });
  });
  return out;
}
