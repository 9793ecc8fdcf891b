// The whistleblowing service (decision 0010): anonymous reports sealed per report, receipts,
// handler keys and their unlocking, sharing a report's key with its designated handlers, messages,
// states, exclusion, two-person identity disclosure, recovery, retention and statistics.
// Nothing here stores an address, a user agent or the time of day of a reporter.
import { hkdfSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { mkdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { and, asc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { appendAudit, SYSTEM_ACTOR, type AuditActor } from '../../kernel/audit.ts';
import { SESSION_ABSOLUTE_MS, verifyPassword } from '../../kernel/auth.ts';
import type { Db } from '../../kernel/db.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import { isUuid } from '../../kernel/validate.ts';
import { MAX_EVIDENCE_BYTES, sniffFile, type FileStore } from '../../kernel/files.ts';
import { accounts } from '../../kernel/schema.ts';
import { activeRoleHoldersAbove, findUnit, holdsRole, unitNames } from '../org/index.ts';
import { clientKey as throttleKey, count, countInWindow, forgetWindows, OVERALL, spend, uncount } from '../../kernel/throttle.ts';
import {
  fingerprint, generateKeyPair, hashReceipt, lookupOf, newDataKey, newReceipt, normalizeReceipt, open, openBytes, openPrivateKey,
  openText, parseRecoveryKey, publicKeyOf, receiptKey, receiptMac, receiptMacKey, recoveryKeyText, seal, sealBytes, sealPrivateKey, unwrapWith, verifyReceipt, WbsCryptoError, wrapFor,
} from './wbs.crypto.ts';
import { canMove, FINAL_STATES, parseMessage, purgeAfterOf, WBS_RULES, type ReportInput, type WbsState } from './wbs.rules.ts';
import {
  wbsAttachments, wbsDisclosures, wbsEvaluations, wbsExclusions, wbsHandlerKeys, wbsMessages, wbsReportKeys, wbsReports, wbsSettings,
} from './wbs.schema.ts';

type Row = Record<string, unknown>;
async function rowsOf<T = Row>(db: Db, q: ReturnType<typeof sql>): Promise<T[]> {
  const res = await db.execute(q);
  return ((res as unknown as { rows?: T[] }).rows ?? (res as unknown as T[]));
}

/** The server-side pepper of receipts, derived from SECRET_KEY (a dump without it cannot test guesses). */
export function pepperOf(secretKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secretKey, 'utf8'), Buffer.alloc(0), Buffer.from('integritas-wbs-receipt-pepper'), 32));
}

export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const aad = {
  key: (reportId: string) => `report:${reportId}`,
  reporter: (reportId: string) => `report:${reportId}|reporter`,
  content: (reportId: string) => `report:${reportId}|content`,
  identity: (reportId: string) => `report:${reportId}|identity`,
  message: (reportId: string, nonce: string) => `report:${reportId}|message|${nonce}`,
  attachmentMeta: (reportId: string, id: string) => `report:${reportId}|attachment-meta|${id}`,
  attachment: (reportId: string, id: string) => `report:${reportId}|attachment|${id}`,
  reason: (reportId: string, id: string) => `report:${reportId}|disclosure|${id}`,
};

// ---- the keyring: unlocked handler keys, in process memory only, per session ---------------------

interface Unlocked { accountId: string; key: KeyObject; until: number }
const keyring = new Map<string, Unlocked>();

export function unlockedKey(sessionId: string, accountId: string): KeyObject | null {
  const k = keyring.get(sessionId);
  if (!k || k.accountId !== accountId || k.until < Date.now()) {
    if (k) keyring.delete(sessionId);
    return null;
  }
  return k.key;
}

function remember(sessionId: string, accountId: string, key: KeyObject) {
  for (const [id, k] of keyring) if (k.until < Date.now()) keyring.delete(id);
  keyring.set(sessionId, { accountId, key, until: Date.now() + SESSION_ABSOLUTE_MS });
}

export function forgetSessionKey(sessionId: string) {
  keyring.delete(sessionId);
}

// ---- handlers --------------------------------------------------------------------------------

export async function isHandler(db: Db, accountId: string): Promise<boolean> {
  return holdsRole(db, accountId, 'wbs_handler');
}

/**
 * The designated handlers of a report: active accounts holding wbs_handler on the report's unit or a
 * unit above it, and the regency-wide handlers (wbs_handler on the Inspektorat, the APIP).
 */
export async function designatedHandlers(db: Db, unitId: string | null): Promise<string[]> {
  return activeRoleHoldersAbove(db, 'wbs_handler', unitId, ['inspektorat']);
}

// Wrong passwords on the unlock page, per account, in the kernel's throttle (a window that begins
// with the first attempt; shared by every instance): a stolen session cannot guess the password
// there faster than at the sign-in form. The attempt is counted before the password is checked, so
// concurrent guesses cannot both pass the limit; a right password forgets the count. The key is the
// account's id (a handler's account, not anything of a reporter).
const UNLOCK_MAX_FAILURES = 5;
const UNLOCK_WINDOW_MS = 15 * 60_000;
const unlockBucket = (accountId: string) => ({ kind: 'wbs.unlock_fail', key: accountId, windowMs: UNLOCK_WINDOW_MS });

async function checkAccountPassword(db: Db, accountId: string, password: string, now = new Date()) {
  if ((await countInWindow(db, unlockBucket(accountId), now)) > UNLOCK_MAX_FAILURES) throw new DomainError('validation', 'wbs.unlock.throttled', {}, { password: 'wbs.unlock.throttled' });
  const [acc] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!acc || !(await verifyPassword(acc.passwordHash, password))) {
    throw new DomainError('validation', 'wbs.unlock.wrong_password', {}, { password: 'wbs.unlock.wrong_password' });
  }
  await forgetWindows(db, [unlockBucket(accountId)]);
  return acc;
}

/** Opens (or, on first use, creates) the handler's key pair with the account password. */
export async function unlockHandler(db: Db, accountId: string, password: string, sessionId: string): Promise<'unlocked' | 'created' | 'stale'> {
  const acc = await checkAccountPassword(db, accountId, password);
  if (!(await isHandler(db, accountId))) throw new DomainError('forbidden', 'error.forbidden');
  const [row] = await db.select().from(wbsHandlerKeys).where(eq(wbsHandlerKeys.accountId, accountId));
  if (!row) {
    const pair = generateKeyPair();
    await db.transaction(async (tx) => {
      await tx.insert(wbsHandlerKeys).values({ accountId, publicKey: pair.publicKey, sealedPrivateKey: await sealPrivateKey(pair.privateKey, password) });
      await appendAudit(tx, { accountId, label: acc.username }, { action: 'wbs.handler_key_created', entityType: 'wbs_handler_key', entityId: accountId, data: { fingerprint: fingerprint(pair.publicKey) } });
    });
    remember(sessionId, accountId, pair.privateKey);
    return 'created';
  }
  try {
    remember(sessionId, accountId, await openPrivateKey(row.sealedPrivateKey, password));
    return 'unlocked';
  } catch (err) {
    if (err instanceof WbsCryptoError) return 'stale';
    throw err;
  }
}

/**
 * After an administrator reset the password the old key cannot be opened: the handler starts a new
 * key pair; reports wrapped for the old key are lost to them until another handler opens them or the
 * regency recovery key re-wraps them.
 */
export async function replaceHandlerKey(db: Db, accountId: string, password: string, sessionId: string): Promise<void> {
  const acc = await checkAccountPassword(db, accountId, password);
  if (!(await isHandler(db, accountId))) throw new DomainError('forbidden', 'error.forbidden');
  const pair = generateKeyPair();
  await db.transaction(async (tx) => {
    await tx.delete(wbsReportKeys).where(eq(wbsReportKeys.accountId, accountId));
    await tx.delete(wbsHandlerKeys).where(eq(wbsHandlerKeys.accountId, accountId));
    await tx.insert(wbsHandlerKeys).values({ accountId, publicKey: pair.publicKey, sealedPrivateKey: await sealPrivateKey(pair.privateKey, password) });
    await appendAudit(tx, { accountId, label: acc.username }, { action: 'wbs.handler_key_replaced', entityType: 'wbs_handler_key', entityId: accountId, data: { fingerprint: fingerprint(pair.publicKey) } });
  });
  remember(sessionId, accountId, pair.privateKey);
}

/** The kernel's password listener: unlock at sign-in, re-seal on a password change. */
export const wbsPasswordListener = {
  async onLogin(db: Db, accountId: string, password: string, sessionId: string) {
    const [row] = await db.select({ a: wbsHandlerKeys.accountId }).from(wbsHandlerKeys).where(eq(wbsHandlerKeys.accountId, accountId));
    if (!row && !(await isHandler(db, accountId))) return;
    await unlockHandler(db, accountId, password, sessionId).catch(() => undefined);
  },
  async onPasswordChanged(tx: Db, accountId: string, oldPassword: string, newPassword: string) {
    const [row] = await tx.select().from(wbsHandlerKeys).where(eq(wbsHandlerKeys.accountId, accountId));
    if (!row) return;
    let key: KeyObject;
    try {
      key = await openPrivateKey(row.sealedPrivateKey, oldPassword);
    } catch {
      return; // already stale (an administrator reset): nothing to carry over
    }
    await tx.update(wbsHandlerKeys).set({ sealedPrivateKey: await sealPrivateKey(key, newPassword), updatedAt: new Date() }).where(eq(wbsHandlerKeys.accountId, accountId));
  },
};

// ---- sharing a report's key ---------------------------------------------------------------------

/** Wraps a report's data key for every designated, non-excluded handler with a key who lacks it (and the recovery key). */
async function shareKey(tx: Db, report: { id: string; unitId: string | null; recoveryWrappedKey: string | null }, dataKey: Buffer): Promise<number> {
  const designated = await designatedHandlers(tx, report.unitId);
  let added = 0;
  if (designated.length) {
    const excluded = new Set((await tx.select().from(wbsExclusions).where(eq(wbsExclusions.reportId, report.id))).map((e) => e.accountId));
    const holding = new Set((await tx.select().from(wbsReportKeys).where(eq(wbsReportKeys.reportId, report.id))).map((k) => k.accountId));
    const keys = await tx.select().from(wbsHandlerKeys).where(inArray(wbsHandlerKeys.accountId, designated));
    for (const k of keys) {
      if (excluded.has(k.accountId) || holding.has(k.accountId)) continue;
      await tx.insert(wbsReportKeys).values({ reportId: report.id, accountId: k.accountId, wrappedKey: wrapFor(dataKey, k.publicKey, aad.key(report.id)) }).onConflictDoNothing();
      added++;
    }
  }
  if (!report.recoveryWrappedKey) {
    // read under a share lock, so a recovery-key rotation running now is waited for (or waits for us)
    const [s] = await tx.select().from(wbsSettings).where(eq(wbsSettings.id, 'regency')).for('share');
    if (s) await tx.update(wbsReports).set({ recoveryWrappedKey: wrapFor(dataKey, s.recoveryPublicKey, aad.key(report.id)) }).where(eq(wbsReports.id, report.id));
  }
  return added;
}

// ---- attachments ------------------------------------------------------------------------------

export interface Upload { bytes: Uint8Array; name: string }
export interface AttachmentMeta { name: string; mime: string; size: number }

const attachmentDir = (files: FileStore) => path.join(files.dir, 'wbs');
const attachmentPath = (files: FileStore, id: string) => {
  if (!isUuid(id)) throw notFound();
  return path.join(attachmentDir(files), id.slice(0, 2), id);
};

/** Checks uploads by content (nothing stored yet); field errors as i18n keys. */
export function checkUploads(uploads: Upload[]): (Upload & { mime: string })[] {
  if (uploads.length > WBS_RULES.attachments.maxFiles) throw new DomainError('validation', 'wbs.error.too_many_files', { n: WBS_RULES.attachments.maxFiles }, { files: 'wbs.error.too_many_files' });
  return uploads.map((u) => {
    if (u.bytes.length > MAX_EVIDENCE_BYTES) throw new DomainError('validation', 'wbs.error.file_too_large', {}, { files: 'wbs.error.file_too_large' });
    const s = sniffFile(u.bytes, u.name);
    if (!s) throw new DomainError('validation', 'wbs.error.file_type', {}, { files: 'wbs.error.file_type' });
    const base = (u.name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f]/g, '').slice(0, 150) || `lampiran.${s.ext}`;
    return { ...u, name: base, mime: s.mime };
  });
}

async function writeAttachments(tx: Db, files: FileStore, reportId: string, dataKey: Buffer, checked: (Upload & { mime: string })[], messageSeq: number | null, written: string[]) {
  for (const u of checked) {
    const id = randomUUID();
    const file = attachmentPath(files, id);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o750 });
    await writeFile(file, sealBytes(dataKey, u.bytes, aad.attachment(reportId, id)), { mode: 0o640, flag: 'wx' });
    written.push(file);
    const meta: AttachmentMeta = { name: u.name, mime: u.mime, size: u.bytes.length };
    await tx.insert(wbsAttachments).values({ id, reportId, messageSeq, metaEnc: seal(dataKey, JSON.stringify(meta), aad.attachmentMeta(reportId, id)) });
  }
}

// ---- the daily throttle of the public pages (kernel/throttle.ts) ---------------------------------

/**
 * `client` is the reporter's address as the request pipeline sees it, used only as an HMAC input for
 * the day's throttle keys (never stored, never logged); absent for the demo seed.
 */
export interface SubmitDeps { db: Db; files: FileStore; secretKey: string; timeZone: string; client?: string }

/** The client's throttle key of the day: HMAC(SECRET_KEY, 'wbs' | day | address) — nothing raw stored. */
const clientKey = (d: SubmitDeps, day: string) => throttleKey(d.secretKey, 'wbs', day, d.client ?? 'none');

/**
 * Counts one use of the anonymous form ('submit': a new report; 'reply': a reporter's message) by
 * this client today; past the day's number (wbs-rules.json `public`) it is refused with 429.
 */
export async function countPublicUse(d: SubmitDeps, kind: 'submit' | 'reply', now = new Date()): Promise<void> {
  const day = todayIn(d.timeZone, now);
  const limit = kind === 'submit' ? WBS_RULES.public.submitPerClientPerDay : WBS_RULES.public.repliesPerClientPerDay;
  await spend(d.db, { key: clientKey(d, day), kind: `wbs.${kind}`, day }, limit, 'wbs.error.throttled');
}

/**
 * Spends the day's attachment budget, per client and overall, inside the transaction that stores
 * the files (a refusal or any later failure rolls the spending back). Past either budget the upload
 * is refused with a field error on the files and nothing is kept.
 */
async function spendUploadBytes(tx: Db, d: SubmitDeps, bytes: number, day: string): Promise<void> {
  if (bytes <= 0) return;
  const rules = WBS_RULES.public;
  const refuse = () => new DomainError('throttled', 'wbs.error.upload_budget', {}, { files: 'wbs.error.upload_budget' });
  if ((await count(tx, { key: clientKey(d, day), kind: 'wbs.bytes', day }, bytes)) > rules.attachmentBytesPerClientPerDay) throw refuse();
  if ((await count(tx, { key: OVERALL, kind: 'wbs.bytes', day }, bytes)) > rules.attachmentBytesPerDay) throw refuse();
}

// ---- submission ---------------------------------------------------------------------------------

/** Files a report; returns the receipt (shown once, never stored). Nothing is kept when anything fails. */
export async function submitReport(d: SubmitDeps, input: ReportInput, uploads: Upload[], now = new Date()): Promise<{ id: string; receipt: string }> {
  const checked = checkUploads(uploads);
  if (input.unitId) {
    const u = await findUnit(d.db, { all: true }, input.unitId);
    if (!u?.isActive) throw new DomainError('validation', 'wbs.error.form', {}, { unit: 'wbs.error.unit_unknown' });
  }
  const pepper = pepperOf(d.secretKey);
  const macKey = receiptMacKey(d.secretKey);
  let receipt = newReceipt();
  for (let i = 0; i < 20; i++) {
    const [taken] = await d.db.select({ id: wbsReports.id }).from(wbsReports).where(eq(wbsReports.receiptMac, receiptMac(receipt, macKey)));
    if (!taken) break;
    receipt = newReceipt();
  }
  const id = randomUUID();
  const dataKey = newDataKey();
  const salt = randomBytes(16);
  const kek = await receiptKey(receipt, salt, pepper);
  const receiptHash = await hashReceipt(receipt, pepper);
  const day = todayIn(d.timeZone, now);
  const written: string[] = [];
  try {
    await d.db.transaction(async (tx) => {
      await spendUploadBytes(tx, d, checked.reduce((n, u) => n + u.bytes.length, 0), day);
      await tx.insert(wbsReports).values({
        id, unitId: input.unitId, receiptMac: receiptMac(receipt, macKey), lookup: null, receiptHash, receiptSalt: salt.toString('base64'),
        reporterWrappedKey: seal(kek, dataKey, aad.reporter(id)),
        contentEnc: seal(dataKey, JSON.stringify({ what: input.what, who: input.who, when: input.when, where: input.where }), aad.content(id)),
        identityEnc: input.identity ? seal(dataKey, JSON.stringify(input.identity), aad.identity(id)) : null,
        hasIdentity: !!input.identity,
        state: 'received', submittedOn: day,
      });
      await shareKey(tx, { id, unitId: input.unitId, recoveryWrappedKey: null }, dataKey);
      await writeAttachments(tx, d.files, id, dataKey, checked, null, written);
      await appendAudit(tx, { accountId: null, label: 'anonymous' }, { action: 'wbs.report_submitted', entityType: 'wbs_report', entityId: id, unitId: input.unitId, data: { attachments: checked.length } });
    });
  } catch (err) {
    await Promise.all(written.map((f) => unlink(f).catch(() => undefined)));
    throw err;
  }
  return { id, receipt };
}

// ---- the reporter's access (receipt) ---------------------------------------------------------

// The receipt's way from the form's POST to the one page that shows it (after the redirect): sealed
// in a short-lived cookie of the reporter's own browser, not in the memory of one process (the GET
// may reach another instance) and not in the database (the receipt is never stored on the server,
// not even sealed). AES-256-GCM under a key derived from SECRET_KEY, bound to its purpose, with its
// expiry inside the sealed text, so neither a forged, an altered nor a stale cookie shows a receipt.
const PENDING_RECEIPT_AAD = 'wbs-pending-receipt';
/** How long the receipt page can show a freshly filed report's receipt (the cookie's max-age too). */
export const PENDING_RECEIPT_MS = 10 * 60_000;
const pendingReceiptKey = (secretKey: string) =>
  Buffer.from(hkdfSync('sha256', Buffer.from(secretKey, 'utf8'), Buffer.alloc(0), Buffer.from('integritas-wbs-pending-receipt'), 32));

/** The cookie value that carries a receipt to the receipt page (sealed, base64url). */
export function sealPendingReceipt(secretKey: string, receipt: string, now = new Date()): string {
  const plain = JSON.stringify({ r: receipt, u: now.getTime() + PENDING_RECEIPT_MS });
  return sealBytes(pendingReceiptKey(secretKey), Buffer.from(plain, 'utf8'), PENDING_RECEIPT_AAD).toString('base64url');
}

/** The receipt a cookie value carries, or null when it is not ours, altered or past its ten minutes. */
export function openPendingReceipt(secretKey: string, value: string | undefined, now = new Date()): string | null {
  if (!value) return null;
  try {
    const p = JSON.parse(openBytes(pendingReceiptKey(secretKey), Buffer.from(value, 'base64url'), PENDING_RECEIPT_AAD).toString('utf8')) as { r?: unknown; u?: unknown };
    return typeof p.r === 'string' && typeof p.u === 'number' && p.u > now.getTime() ? p.r : null;
  } catch {
    return null;
  }
}

export interface ReceiptAccess { reportId: string; dataKey: Buffer }

// An argon2id hash no receipt matches, per pepper: a refusal verifies against it when no report is
// at hand, so every refusal costs the same one argon2id verification.
const dummyHashes = new Map<string, Promise<string>>();
function dummyHash(secretKey: string, pepper: Buffer): Promise<string> {
  let h = dummyHashes.get(secretKey);
  if (!h) { h = hashReceipt(randomBytes(16).toString('hex'), pepper); dummyHashes.set(secretKey, h); }
  return h;
}

/**
 * Opens a report with its receipt. The report is found by the keyed hash of the whole receipt, so a
 * wrong receipt finds none, whatever digits it shares with a real one (decision 0010); reports
 * filed before the keyed look-up are found by their 6-digit look-up part and get the keyed hash
 * when their reporter first opens them. Wrong receipts count against the client only (HMAC of the
 * day and its address: nothing raw stored); past the day's number every receipt is refused. Every
 * refusal — malformed, unknown, wrong for a legacy look-up, or too many today — is the same error
 * after the same work (one argon2id verification and one counter update): nothing tells whether a
 * receipt or a prefix exists.
 */
export async function openWithReceipt(d: SubmitDeps, rawReceipt: string, now = new Date()): Promise<ReceiptAccess> {
  const day = todayIn(d.timeZone, now);
  const bucket = { key: clientKey(d, day), kind: 'wbs.receipt_fail', day };
  const pepper = pepperOf(d.secretKey);
  const wrong = () => new DomainError('validation', 'wbs.check.wrong', {}, { receipt: 'wbs.check.wrong' });
  const receipt = normalizeReceipt(rawReceipt);
  // every attempt is counted first, in one upsert (concurrent guesses cannot all slip under the day's
  // number); the right receipt takes its count back below, so only failures stay counted
  const throttled = (await count(d.db, bucket)) > WBS_RULES.receipt.maxFailuresPerClientPerDay;
  if (!receipt || throttled) {
    await verifyReceipt(await dummyHash(d.secretKey, pepper), receipt ?? '0', pepper);
    throw wrong();
  }
  const mac = receiptMac(receipt, receiptMacKey(d.secretKey));
  const rows = await d.db.select().from(wbsReports)
    .where(sql`${wbsReports.receiptMac} = ${mac} or (${wbsReports.receiptMac} is null and ${wbsReports.lookup} = ${lookupOf(receipt)})`);
  const found = rows.find((x) => x.receiptMac === mac) ?? rows[0];
  const r = found?.receiptHash && found.receiptSalt && found.reporterWrappedKey ? found : null;
  // exactly one argon2id verification on every path: against the report's hash, or a dummy one
  const ok = await verifyReceipt(r ? r.receiptHash! : await dummyHash(d.secretKey, pepper), receipt, pepper);
  if (!r || !ok) throw wrong();
  await uncount(d.db, bucket);
  const kek = await receiptKey(receipt, Buffer.from(r.receiptSalt!, 'base64'), pepper);
  const dataKey = open(kek, r.reporterWrappedKey!, aad.reporter(r.id));
  await d.db.transaction(async (tx) => {
    // a report filed before the keyed look-up gets it now, and loses its 6-digit look-up part
    if (r.receiptMac !== mac) await tx.update(wbsReports).set({ receiptMac: mac, lookup: null }).where(eq(wbsReports.id, r.id));
    // handlers designated (or given a key) since the report came in receive it now
    await shareKey(tx, r, dataKey);
  });
  return { reportId: r.id, dataKey };
}

// ---- reading ------------------------------------------------------------------------------------

export interface ReportContent { what: string; who: string; when: string; where: string }
export interface MessageView { seq: number; author: 'reporter' | 'handler' | 'state'; authorAccountId: string | null; authorName: string | null; state: string | null; body: string | null; on: string; attachments: { id: string; meta: AttachmentMeta }[] }
export interface ReportView {
  id: string; unitId: string | null; unitName: string | null; state: WbsState; submittedOn: string; closedOn: string | null; purgeAfter: string | null;
  purged: boolean; hasIdentity: boolean; content: ReportContent | null; attachments: { id: string; meta: AttachmentMeta }[]; messages: MessageView[];
}

export async function readReport(db: Db, reportId: string, dataKey: Buffer): Promise<ReportView> {
  const [r] = await rowsOf<{ id: string; unit_id: string | null; state: WbsState; submitted_on: string; closed_on: string | null; purge_after: string | null; purged_on: string | null; has_identity: boolean; content_enc: string | null }>(db, sql`
    select r.id, r.unit_id, r.state, r.submitted_on::text, r.closed_on::text, r.purge_after::text, r.purged_on::text, r.has_identity, r.content_enc
    from wbs_reports r where r.id = ${reportId}`);
  if (!r) throw notFound();
  const unitName = (await unitNames(db, [r.unit_id])).get(r.unit_id ?? '') ?? null;
  const atts = await db.select().from(wbsAttachments).where(eq(wbsAttachments.reportId, reportId));
  const attOf = (seq: number | null) => atts.filter((a) => (a.messageSeq ?? null) === seq).map((a) => ({ id: a.id, meta: JSON.parse(openText(dataKey, a.metaEnc, aad.attachmentMeta(reportId, a.id))) as AttachmentMeta }));
  const msgs = await rowsOf<{ seq: number; author: string; author_account_id: string | null; author_name: string | null; state: string | null; body_enc: string | null; on: string }>(db, sql`
    select m.seq, m.author, m.author_account_id, a.display_name as author_name, m.state, m.body_enc, m.on::text as on
    from wbs_messages m left join ${accounts} a on a.id = m.author_account_id where m.report_id = ${reportId} order by m.seq`);
  return {
    id: r.id, unitId: r.unit_id, unitName, state: r.state, submittedOn: r.submitted_on, closedOn: r.closed_on, purgeAfter: r.purge_after,
    purged: !!r.purged_on, hasIdentity: r.has_identity,
    content: r.content_enc ? JSON.parse(openText(dataKey, r.content_enc, aad.content(reportId))) : null,
    attachments: attOf(null),
    messages: msgs.map((m) => ({
      seq: Number(m.seq), author: m.author as MessageView['author'], authorAccountId: m.author_account_id, authorName: m.author_name, state: m.state, on: m.on,
      body: m.body_enc ? openMessage(dataKey, reportId, m.body_enc) : null,
      attachments: attOf(Number(m.seq)),
    })),
  };
}

// message bodies carry their own nonce in the AAD (seal the body together with a random id)
function sealMessage(dataKey: Buffer, reportId: string, body: string): string {
  const nonce = randomBytes(8).toString('hex');
  return `${nonce}:${seal(dataKey, body, aad.message(reportId, nonce))}`;
}
function openMessage(dataKey: Buffer, reportId: string, stored: string): string {
  const i = stored.indexOf(':');
  return openText(dataKey, stored.slice(i + 1), aad.message(reportId, stored.slice(0, i)));
}

export async function readAttachment(files: FileStore, db: Db, reportId: string, attachmentId: string, dataKey: Buffer): Promise<{ meta: AttachmentMeta; bytes: Buffer }> {
  const [a] = await db.select().from(wbsAttachments).where(and(eq(wbsAttachments.id, attachmentId), eq(wbsAttachments.reportId, reportId)));
  if (!a) throw notFound();
  const meta = JSON.parse(openText(dataKey, a.metaEnc, aad.attachmentMeta(reportId, a.id))) as AttachmentMeta;
  const bytes = openBytes(dataKey, await readFile(attachmentPath(files, a.id)), aad.attachment(reportId, a.id));
  return { meta, bytes };
}

/** A handler's download of an attachment: opened in memory, the download audited (ids only). */
export async function downloadAttachment(files: FileStore, db: Db, reportId: string, attachmentId: string, dataKey: Buffer, actor: AuditActor): Promise<{ meta: AttachmentMeta; bytes: Buffer }> {
  const a = await readAttachment(files, db, reportId, attachmentId, dataKey);
  await db.transaction((tx) => appendAudit(tx, actor, { action: 'wbs.attachment_downloaded', entityType: 'wbs_report', entityId: reportId, data: { attachment: attachmentId } }));
  return a;
}

/** The reporter's identity: only after an approved disclosure (checked by the caller's route). */
export async function readIdentity(db: Db, reportId: string, dataKey: Buffer): Promise<{ name: string; contact: string } | null> {
  const [r] = await db.select({ e: wbsReports.identityEnc }).from(wbsReports).where(eq(wbsReports.id, reportId));
  return r?.e ? JSON.parse(openText(dataKey, r.e, aad.identity(reportId))) : null;
}

// ---- the handler's access -------------------------------------------------------------------------

export type HandlerAccess = { kind: 'open'; dataKey: Buffer } | { kind: 'locked' } | { kind: 'no_key' };

/**
 * Whether a handler may see a report, and its key. Not designated for the report's unit, excluded,
 * or not a report at all: not found (its existence does not leak). Designated without a key yet,
 * or with the personal key locked: said so.
 */
export async function handlerAccess(db: Db, accountId: string, sessionId: string, reportId: string): Promise<HandlerAccess> {
  if (!isUuid(reportId)) throw notFound();
  const [r] = await db.select().from(wbsReports).where(eq(wbsReports.id, reportId));
  if (!r) throw notFound();
  if (!(await designatedHandlers(db, r.unitId)).includes(accountId)) throw notFound();
  const [ex] = await db.select().from(wbsExclusions).where(and(eq(wbsExclusions.reportId, reportId), eq(wbsExclusions.accountId, accountId)));
  if (ex) throw notFound();
  const [k] = await db.select().from(wbsReportKeys).where(and(eq(wbsReportKeys.reportId, reportId), eq(wbsReportKeys.accountId, accountId)));
  if (!k) return { kind: 'no_key' };
  const priv = unlockedKey(sessionId, accountId);
  if (!priv) return { kind: 'locked' };
  let dataKey: Buffer;
  try {
    dataKey = unwrapWith(k.wrappedKey, priv, aad.key(reportId));
  } catch {
    return { kind: 'no_key' }; // wrapped for a key the handler has since replaced
  }
  await db.transaction((tx) => shareKey(tx, r, dataKey));
  return { kind: 'open', dataKey };
}

export interface ListedReport { id: string; unitName: string | null; state: WbsState; submittedOn: string; hasKey: boolean; purged: boolean }

/** Reports the handler is designated for and not excluded from (content is never listed). */
export async function listForHandler(db: Db, accountId: string): Promise<ListedReport[]> {
  const rows = await rowsOf<{ id: string; unit_id: string | null; state: WbsState; submitted_on: string; has_key: boolean; purged: boolean }>(db, sql`
    select r.id, r.unit_id, r.state, r.submitted_on::text,
      exists(select 1 from wbs_report_keys k where k.report_id = r.id and k.account_id = ${accountId}) as has_key,
      r.purged_on is not null as purged
    from wbs_reports r
    where not exists(select 1 from wbs_exclusions e where e.report_id = r.id and e.account_id = ${accountId})
    order by r.submitted_on desc, r.id`);
  const names = await unitNames(db, rows.map((r) => r.unit_id));
  const out: ListedReport[] = [];
  const cache = new Map<string, string[]>();
  for (const r of rows) {
    const k = r.unit_id ?? '';
    if (!cache.has(k)) cache.set(k, await designatedHandlers(db, r.unit_id));
    if (!cache.get(k)!.includes(accountId)) continue;
    out.push({ id: r.id, unitName: r.unit_id ? names.get(r.unit_id) ?? null : null, state: r.state, submittedOn: r.submitted_on, hasKey: r.has_key, purged: r.purged });
  }
  return out;
}

// ---- changes --------------------------------------------------------------------------------------

async function reportFor(db: Db, reportId: string) {
  const [r] = await db.select().from(wbsReports).where(eq(wbsReports.id, reportId));
  if (!r) throw notFound();
  if (r.purgedOn) throw new DomainError('conflict', 'wbs.error.purged');
  return r;
}

export async function addMessage(d: SubmitDeps, reportId: string, dataKey: Buffer, from: { kind: 'reporter' } | { kind: 'handler'; actor: AuditActor }, bodyRaw: string, uploads: Upload[] = []): Promise<void> {
  const body = parseMessage(bodyRaw);
  const checked = checkUploads(uploads);
  const r = await reportFor(d.db, reportId);
  if (from.kind === 'reporter' && FINAL_STATES.includes(r.state as WbsState)) throw new DomainError('conflict', 'wbs.error.closed');
  const written: string[] = [];
  try {
    await d.db.transaction(async (tx) => {
      const day = todayIn(d.timeZone);
      // the reporter's attachments count against the anonymous day's budget; handlers' do not
      if (from.kind === 'reporter') await spendUploadBytes(tx, d, checked.reduce((n, u) => n + u.bytes.length, 0), day);
      const [m] = await tx.insert(wbsMessages).values({
        reportId, author: from.kind, authorAccountId: from.kind === 'handler' ? from.actor.accountId : null,
        bodyEnc: sealMessage(dataKey, reportId, body), on: day,
      }).returning({ seq: wbsMessages.seq });
      await writeAttachments(tx, d.files, reportId, dataKey, checked, Number(m.seq), written);
      await appendAudit(tx, from.kind === 'handler' ? from.actor : { accountId: null, label: 'anonymous' }, {
        action: from.kind === 'handler' ? 'wbs.handler_replied' : 'wbs.reporter_replied', entityType: 'wbs_report', entityId: reportId, unitId: r.unitId,
      });
    });
  } catch (err) {
    await Promise.all(written.map((f) => unlink(f).catch(() => undefined)));
    throw err;
  }
}

export async function changeState(d: SubmitDeps, reportId: string, dataKey: Buffer, actor: AuditActor, to: string, noteRaw: string): Promise<void> {
  const r = await reportFor(d.db, reportId);
  if (!canMove(r.state, to)) throw new DomainError('conflict', 'wbs.error.transition');
  const note = noteRaw.trim();
  if (note.length > 5000) throw new DomainError('validation', 'wbs.error.too_long', {}, { note: 'wbs.error.too_long' });
  const day = todayIn(d.timeZone);
  const final = FINAL_STATES.includes(to as WbsState);
  await d.db.transaction(async (tx) => {
    const res = await tx.update(wbsReports).set({
      state: to, ...(final ? { closedOn: day, purgeAfter: purgeAfterOf(day) } : {}),
    }).where(and(eq(wbsReports.id, reportId), eq(wbsReports.state, r.state))).returning({ id: wbsReports.id });
    if (!res.length) throw new DomainError('conflict', 'wbs.error.transition');
    await tx.insert(wbsMessages).values({ reportId, author: 'state', authorAccountId: actor.accountId, state: to, bodyEnc: note ? sealMessage(dataKey, reportId, note) : null, on: day });
    await appendAudit(tx, actor, { action: 'wbs.state_changed', entityType: 'wbs_report', entityId: reportId, unitId: r.unitId, data: { from: r.state, to } });
  });
}

/** Excludes a designated handler from a report: their wrapped key is deleted and never given again. */
export async function excludeHandler(db: Db, reportId: string, actor: AuditActor, accountId: string): Promise<void> {
  const r = await reportFor(db, reportId);
  if (!(await designatedHandlers(db, r.unitId)).includes(accountId)) throw new DomainError('validation', 'wbs.error.not_a_handler');
  await db.transaction(async (tx) => {
    await tx.delete(wbsReportKeys).where(and(eq(wbsReportKeys.reportId, reportId), eq(wbsReportKeys.accountId, accountId)));
    await tx.insert(wbsExclusions).values({ reportId, accountId, excludedBy: actor.accountId }).onConflictDoNothing();
    // a disclosure the excluded handler asked for is void
    await tx.delete(wbsDisclosures).where(and(eq(wbsDisclosures.reportId, reportId), eq(wbsDisclosures.requestedBy, accountId)));
    await appendAudit(tx, actor, { action: 'wbs.handler_excluded', entityType: 'wbs_report', entityId: reportId, unitId: r.unitId, data: { account: accountId } });
  });
}

/** Designated handlers of a report with whether each is excluded (names only). */
export async function handlersOf(db: Db, reportId: string): Promise<{ accountId: string; name: string; excluded: boolean; hasKey: boolean }[]> {
  const [r] = await db.select().from(wbsReports).where(eq(wbsReports.id, reportId));
  if (!r) return [];
  const ids = await designatedHandlers(db, r.unitId);
  if (!ids.length) return [];
  const accs = await db.select({ id: accounts.id, name: accounts.displayName }).from(accounts).where(inArray(accounts.id, ids));
  const ex = new Set((await db.select().from(wbsExclusions).where(eq(wbsExclusions.reportId, reportId))).map((e) => e.accountId));
  const keys = new Set((await db.select().from(wbsReportKeys).where(eq(wbsReportKeys.reportId, reportId))).map((e) => e.accountId));
  return accs.map((a) => ({ accountId: a.id, name: a.name, excluded: ex.has(a.id), hasKey: keys.has(a.id) })).sort((a, b) => a.name.localeCompare(b.name));
}

// ---- identity disclosure (two persons) --------------------------------------------------------------

export interface DisclosureView { id: string; requestedBy: string | null; requesterName: string | null; reason: string; requestedAt: Date; approvedBy: string | null; approverName: string | null; approvedAt: Date | null }

export async function requestDisclosure(db: Db, reportId: string, dataKey: Buffer, actor: AuditActor, reasonRaw: string): Promise<void> {
  const r = await reportFor(db, reportId);
  if (!r.hasIdentity) throw new DomainError('conflict', 'wbs.disclosure.no_identity');
  const reason = reasonRaw.trim();
  if (!reason) throw new DomainError('validation', 'wbs.disclosure.reason_required', {}, { reason: 'wbs.disclosure.reason_required' });
  if (reason.length > 1000) throw new DomainError('validation', 'wbs.error.too_long', {}, { reason: 'wbs.error.too_long' });
  const open_ = await db.select().from(wbsDisclosures).where(and(eq(wbsDisclosures.reportId, reportId), eq(wbsDisclosures.requestedBy, actor.accountId!)));
  if (open_.length) throw new DomainError('conflict', 'wbs.disclosure.already');
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(wbsDisclosures).values({ id, reportId, requestedBy: actor.accountId, reasonEnc: seal(dataKey, reason, aad.reason(reportId, id)) });
    await appendAudit(tx, actor, { action: 'wbs.disclosure_requested', entityType: 'wbs_report', entityId: reportId, unitId: r.unitId, data: { disclosure: id } });
  });
}

export async function listDisclosures(db: Db, reportId: string, dataKey: Buffer | null): Promise<DisclosureView[]> {
  const rows = await rowsOf<{ id: string; requested_by: string | null; rn: string | null; reason_enc: string; requested_at: Date; approved_by: string | null; an: string | null; approved_at: Date | null }>(db, sql`
    select d.id, d.requested_by, ra.display_name as rn, d.reason_enc, d.requested_at, d.approved_by, aa.display_name as an, d.approved_at
    from wbs_disclosures d left join ${accounts} ra on ra.id = d.requested_by left join ${accounts} aa on aa.id = d.approved_by
    where d.report_id = ${reportId} order by d.requested_at`);
  return rows.map((d) => ({
    id: d.id, requestedBy: d.requested_by, requesterName: d.rn, requestedAt: new Date(d.requested_at), approvedBy: d.approved_by, approverName: d.an,
    approvedAt: d.approved_at ? new Date(d.approved_at) : null,
    reason: dataKey ? openText(dataKey, d.reason_enc, aad.reason(reportId, d.id)) : '',
  }));
}

/** A second person (another handler of the report, or the regency administrator) approves. */
export async function approveDisclosure(db: Db, reportId: string, disclosureId: string, actor: AuditActor): Promise<void> {
  if (!isUuid(disclosureId) || !isUuid(reportId)) throw notFound();
  const r = await reportFor(db, reportId);
  const [d] = await db.select().from(wbsDisclosures).where(and(eq(wbsDisclosures.id, disclosureId), eq(wbsDisclosures.reportId, reportId)));
  if (!d) throw notFound();
  if (d.approvedAt) throw new DomainError('conflict', 'wbs.disclosure.already_approved');
  if (d.requestedBy === actor.accountId) throw new DomainError('conflict', 'wbs.disclosure.second_person');
  await db.transaction(async (tx) => {
    await tx.update(wbsDisclosures).set({ approvedBy: actor.accountId, approvedAt: new Date() }).where(eq(wbsDisclosures.id, disclosureId));
    await appendAudit(tx, actor, { action: 'wbs.disclosure_approved', entityType: 'wbs_report', entityId: reportId, unitId: r.unitId, data: { disclosure: disclosureId, requestedBy: d.requestedBy } });
  });
}

/** Approved disclosure for this requester? Then the identity is shown, and that showing is audited. */
export async function disclosedIdentity(db: Db, reportId: string, dataKey: Buffer, actor: AuditActor): Promise<{ name: string; contact: string } | null> {
  const [d] = await db.select().from(wbsDisclosures).where(and(eq(wbsDisclosures.reportId, reportId), eq(wbsDisclosures.requestedBy, actor.accountId!), isNotNull(wbsDisclosures.approvedAt)));
  if (!d) return null;
  const identity = await readIdentity(db, reportId, dataKey);
  await db.transaction((tx) => appendAudit(tx, actor, { action: 'wbs.identity_viewed', entityType: 'wbs_report', entityId: reportId, data: { disclosure: d.id } }));
  return identity;
}

/** Pending disclosure requests the regency administrator may approve (no content). */
export async function pendingDisclosures(db: Db): Promise<{ id: string; reportId: string; requesterName: string | null; requestedAt: Date; unitName: string | null }[]> {
  const rows = await rowsOf<{ id: string; report_id: string; rn: string | null; requested_at: Date; unit_id: string | null }>(db, sql`
    select d.id, d.report_id, a.display_name as rn, d.requested_at, r.unit_id from wbs_disclosures d
    join wbs_reports r on r.id = d.report_id left join ${accounts} a on a.id = d.requested_by
    where d.approved_at is null order by d.requested_at`);
  const names = await unitNames(db, rows.map((r) => r.unit_id));
  return rows.map((r) => ({ id: r.id, reportId: r.report_id, requesterName: r.rn, requestedAt: new Date(r.requested_at), unitName: r.unit_id ? names.get(r.unit_id) ?? null : null }));
}

// ---- the regency recovery key ---------------------------------------------------------------------

export async function recoveryStatus(db: Db): Promise<{ fingerprint: string; createdAt: Date } | null> {
  const [s] = await db.select().from(wbsSettings).where(eq(wbsSettings.id, 'regency'));
  return s ? { fingerprint: s.recoveryFingerprint, createdAt: s.createdAt } : null;
}

/** Creates the recovery key pair; returns the private key as text, to be shown once and never stored. */
export async function setupRecoveryKey(db: Db, actor: AuditActor): Promise<{ text: string; fingerprint: string }> {
  const pair = generateKeyPair();
  const fp = fingerprint(pair.publicKey);
  await db.transaction(async (tx) => {
    const res = await tx.insert(wbsSettings).values({ id: 'regency', recoveryPublicKey: pair.publicKey, recoveryFingerprint: fp, createdBy: actor.accountId }).onConflictDoNothing().returning({ id: wbsSettings.id });
    if (!res.length) throw new DomainError('conflict', 'wbs.recovery.exists');
    await appendAudit(tx, actor, { action: 'wbs.recovery_key_created', entityType: 'wbs_settings', entityId: 'regency', data: { fingerprint: fp } });
  });
  return { text: recoveryKeyText(pair.privateKey), fingerprint: fp };
}

/** With the pasted recovery private key, gives every report's key to its designated handlers who lack it. */
export async function recoverReports(db: Db, actor: AuditActor, text: string): Promise<{ reports: number; keys: number }> {
  const [s] = await db.select().from(wbsSettings).where(eq(wbsSettings.id, 'regency'));
  if (!s) throw new DomainError('conflict', 'wbs.recovery.none');
  let key: KeyObject;
  try {
    key = parseRecoveryKey(text);
  } catch {
    throw new DomainError('validation', 'wbs.recovery.wrong_key', {}, { key: 'wbs.recovery.wrong_key' });
  }
  if (publicKeyOf(key) !== s.recoveryPublicKey) throw new DomainError('validation', 'wbs.recovery.wrong_key', {}, { key: 'wbs.recovery.wrong_key' });
  const reports = await db.select().from(wbsReports).where(and(isNull(wbsReports.purgedOn), isNotNull(wbsReports.recoveryWrappedKey)));
  let keys = 0;
  await db.transaction(async (tx) => {
    for (const r of reports) keys += await shareKey(tx, r, unwrapWith(r.recoveryWrappedKey!, key, aad.key(r.id)));
    await appendAudit(tx, actor, { action: 'wbs.recovery_used', entityType: 'wbs_settings', entityId: 'regency', data: { reports: reports.length, keys } });
  });
  return { reports: reports.length, keys };
}

/**
 * Replaces the regency recovery key (a new sheet, shown once). With the old sheet's text every
 * report's data key is re-wrapped for the new key at once. Without it (the sheet is lost, or its
 * holder left), the old wraps are dropped: each report is wrapped for the new key the next time a
 * designated handler or its reporter opens it, and until then it has no recovery (counted as
 * `pending`). Nothing is decrypted for the administrator; the audit records numbers only.
 */
export async function rotateRecoveryKey(db: Db, actor: AuditActor, input: { oldText: string; oldLost: boolean }): Promise<{ text: string; fingerprint: string; rewrapped: number; pending: number }> {
  const [s] = await db.select().from(wbsSettings).where(eq(wbsSettings.id, 'regency'));
  if (!s) throw new DomainError('conflict', 'wbs.recovery.none');
  let oldKey: KeyObject | null = null;
  if (input.oldText.trim()) {
    try {
      oldKey = parseRecoveryKey(input.oldText);
    } catch {
      throw new DomainError('validation', 'wbs.recovery.wrong_key', {}, { old_key: 'wbs.recovery.wrong_key' });
    }
    if (publicKeyOf(oldKey) !== s.recoveryPublicKey) throw new DomainError('validation', 'wbs.recovery.wrong_key', {}, { old_key: 'wbs.recovery.wrong_key' });
  } else if (!input.oldLost) {
    throw new DomainError('validation', 'wbs.recovery.rotate_need_old', {}, { old_key: 'wbs.recovery.rotate_need_old' });
  }
  const pair = generateKeyPair();
  const fp = fingerprint(pair.publicKey);
  let rewrapped = 0;
  let pending = 0;
  await db.transaction(async (tx) => {
    // the settings row is the lock: a second rotation at the same moment waits, then sees the new key
    const updated = await tx.update(wbsSettings).set({ recoveryPublicKey: pair.publicKey, recoveryFingerprint: fp, createdBy: actor.accountId, createdAt: new Date() })
      .where(and(eq(wbsSettings.id, 'regency'), eq(wbsSettings.recoveryPublicKey, s.recoveryPublicKey))).returning({ id: wbsSettings.id });
    if (!updated.length) throw new DomainError('conflict', 'wbs.recovery.changed');
    const reports = await tx.select({ id: wbsReports.id, wrapped: wbsReports.recoveryWrappedKey }).from(wbsReports).where(isNull(wbsReports.purgedOn));
    for (const r of reports) {
      if (oldKey && r.wrapped) {
        const dataKey = unwrapWith(r.wrapped, oldKey, aad.key(r.id));
        await tx.update(wbsReports).set({ recoveryWrappedKey: wrapFor(dataKey, pair.publicKey, aad.key(r.id)) }).where(eq(wbsReports.id, r.id));
        rewrapped++;
      } else {
        if (r.wrapped) await tx.update(wbsReports).set({ recoveryWrappedKey: null }).where(eq(wbsReports.id, r.id));
        pending++;
      }
    }
    await appendAudit(tx, actor, { action: 'wbs.recovery_key_rotated', entityType: 'wbs_settings', entityId: 'regency', data: { from: s.recoveryFingerprint, to: fp, withOldKey: !!oldKey, rewrapped, pending } });
  });
  return { text: recoveryKeyText(pair.privateKey), fingerprint: fp, rewrapped, pending };
}

/** Live reports that have no recovery wrap yet (after a rotation without the old sheet, or set up later). */
export async function reportsWithoutRecovery(db: Db): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(wbsReports).where(and(isNull(wbsReports.purgedOn), isNull(wbsReports.recoveryWrappedKey)));
  return Number(r?.n ?? 0);
}

// ---- retention ------------------------------------------------------------------------------------

/**
 * Deletes the content of reports whose retention after closure has passed: report, identity,
 * messages, attachments (files too), wrapped keys, disclosures and the receipt. The row stays with
 * its unit, state and days, for content-free statistics. For the server's timer (daily is enough).
 */
export async function purgeExpiredWbsReports(db: Db, files: FileStore, today: string): Promise<number> {
  const due = await db.select({ id: wbsReports.id, unitId: wbsReports.unitId }).from(wbsReports).where(and(isNull(wbsReports.purgedOn), lte(wbsReports.purgeAfter, today)));
  for (const r of due) {
    const atts = await db.select({ id: wbsAttachments.id }).from(wbsAttachments).where(eq(wbsAttachments.reportId, r.id));
    await db.transaction(async (tx) => {
      await tx.delete(wbsAttachments).where(eq(wbsAttachments.reportId, r.id));
      await tx.delete(wbsMessages).where(and(eq(wbsMessages.reportId, r.id), sql`${wbsMessages.author} <> 'state'`));
      await tx.update(wbsMessages).set({ bodyEnc: null }).where(eq(wbsMessages.reportId, r.id));
      await tx.delete(wbsReportKeys).where(eq(wbsReportKeys.reportId, r.id));
      await tx.delete(wbsDisclosures).where(eq(wbsDisclosures.reportId, r.id));
      await tx.update(wbsReports).set({
        contentEnc: null, identityEnc: null, receiptMac: null, lookup: null, receiptHash: null, receiptSalt: null, reporterWrappedKey: null, recoveryWrappedKey: null, purgedOn: today,
      }).where(eq(wbsReports.id, r.id));
      await appendAudit(tx, SYSTEM_ACTOR, { action: 'wbs.report_purged', entityType: 'wbs_report', entityId: r.id, unitId: r.unitId });
    });
    for (const a of atts) await rm(attachmentPath(files, a.id), { force: true });
  }
  return due.length;
}

// ---- statistics and evaluations (no content) ---------------------------------------------------------

export interface EvaluationInput { heldOn: string; findings: string; followUp: string | null; followedUp: boolean }

/** Records a unit's evaluation of its WBS (plain text, no report content), audited. */
export async function addEvaluation(db: Db, actor: AuditActor, unitId: string, input: EvaluationInput): Promise<string> {
  return db.transaction(async (tx) => {
    const [e] = await tx.insert(wbsEvaluations).values({ unitId, heldOn: input.heldOn, findings: input.findings, followUp: input.followUp, followedUp: input.followedUp, createdBy: actor.accountId }).returning({ id: wbsEvaluations.id });
    await appendAudit(tx, actor, { action: 'wbs.evaluation_added', entityType: 'wbs_evaluation', entityId: e.id, unitId });
    return e.id;
  });
}

export interface WbsStats { byMonth: { month: string; received: number; closed: number }[]; byState: Record<string, number>; total: number }

/** Counts of reports concerning the given units (null: the whole regency), by month and state. */
export async function wbsStatistics(db: Db, unitIds: string[] | null, year: number): Promise<WbsStats> {
  const scope = unitIds === null ? sql`true` : unitIds.length ? sql`r.unit_id in (${sql.join(unitIds.map((u) => sql`${u}`), sql`, `)})` : sql`false`;
  const rows = await rowsOf<{ month: string; state: string; n: number; closed: number }>(db, sql`
    select to_char(r.submitted_on, 'YYYY-MM') as month, r.state, count(*)::int as n,
      count(*) filter (where r.closed_on is not null)::int as closed
    from wbs_reports r where ${scope} and extract(year from r.submitted_on) = ${year} group by 1, 2 order by 1`);
  const months = new Map<string, { received: number; closed: number }>();
  const byState: Record<string, number> = {};
  let total = 0;
  for (const r of rows) {
    const m = months.get(r.month) ?? { received: 0, closed: 0 };
    m.received += Number(r.n);
    m.closed += Number(r.closed);
    months.set(r.month, m);
    byState[r.state] = (byState[r.state] ?? 0) + Number(r.n);
    total += Number(r.n);
  }
  return { byMonth: [...months].map(([month, v]) => ({ month, ...v })), byState, total };
}

export { STATES } from './wbs.rules.ts';
export type { ReportInput };
// re-exported for tests
export const _internal = { attachmentDir, clientKey };
