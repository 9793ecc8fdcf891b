// Use cases of the evidence module. Files are written to the store first (never inside a
// transaction); rows and their audit entry are then written in one transaction.
//
// Authorization is the caller's: a route has already checked that the actor may manage evidence
// of `unitId` (action 'evidence.manage', or the calling module's own action on that unit). The
// service then makes sure that everything named by id belongs to that unit.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access.ts';
import { appendAudit, type AuditActor } from '../../kernel/audit.ts';
import type { Db } from '../../kernel/db.ts';
import { DomainError, conflict, notFound } from '../../kernel/errors.ts';
import { ACCEPTED_EXTENSIONS, MAX_EVIDENCE_BYTES, extensionOf, sniffFile, type FileStore, type Sniffed } from '../../kernel/files.ts';
import { isUuid } from '../../kernel/validate.ts';
import { findUnit } from '../org/index.ts';
import {
  evidenceFiles, evidenceLinks, findSameLink, findUnitFileById, findUnitFileBySha, findUnitLink, linksOfSubject,
  type EvidenceFileRow, type EvidenceLinkRow, type Subject,
} from './evidence.queries.ts';

/** Who acts: an audit actor ({ accountId, label }) or a signed-in actor ({ accountId, username }). */
export type EvidenceActor = AuditActor | Pick<Actor, 'accountId' | 'username'>;

function auditActor(a: EvidenceActor): AuditActor {
  return 'label' in a ? a : { accountId: a.accountId, label: a.username };
}

export const MAX_TITLE = 200;
export const MAX_NAME = 200;
export const MAX_URL = 2000;

/** A validation error whose code is also the field's error, so pages can show it either way. */
function validationError(code: string, field: string, params: Record<string, string | number> = {}) {
  return new DomainError('validation', code, params, { [field]: code });
}

// ---- pure checks -----------------------------------------------------------------------------

/**
 * A file name safe to store and to send back: no folders, no control or bidirectional-override
 * characters, at most 200 characters, and ending in the extension of what the content really is.
 */
export function sanitizeFileName(originalName: string, sniffed: Pick<Sniffed, 'ext'>): string {
  const name = (originalName.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const ext = extensionOf(name);
  const same = ext === sniffed.ext || (sniffed.ext === 'jpg' && ext === 'jpeg');
  // a misleading extension ("foto.pdf" holding a PNG) is replaced; anything else is kept as text
  const replaceable = same || /^[a-z0-9]{1,5}$/.test(ext);
  const stem = (replaceable && ext ? name.slice(0, -(ext.length + 1)) : name).trim() || 'berkas';
  const suffix = `.${same ? name.slice(-ext.length) : sniffed.ext}`;
  return stem.slice(0, MAX_NAME - suffix.length).trimEnd() + suffix;
}

function titleFrom(input: string | undefined | null, fileName: string | null, required: boolean): string {
  const given = (input ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  if (given) {
    if (given.length > MAX_TITLE) throw validationError('evidence.title.too_long', 'title');
    return given;
  }
  if (required || !fileName) throw validationError('evidence.title.required', 'title');
  const dot = fileName.lastIndexOf('.');
  return (dot > 0 ? fileName.slice(0, dot) : fileName).slice(0, MAX_TITLE);
}

function checkSubject(s: Subject): Subject {
  const ok = /^[a-z][a-z0-9_]{0,49}$/.test(s.subjectType) && isUuid(s.subjectId)
    && typeof s.subjectKey === 'string' && s.subjectKey.length <= 100 && !/[\u0000-\u001f]/.test(s.subjectKey);
  if (!ok) throw new DomainError('validation', 'evidence.subject.invalid');
  return { subjectType: s.subjectType, subjectId: s.subjectId.toLowerCase(), subjectKey: s.subjectKey };
}

/** An http(s) address, normalised; throws evidence.url.invalid / evidence.url.too_long. */
export function checkUrl(raw: string): string {
  const text = (raw ?? '').trim();
  if (text.length > MAX_URL) throw validationError('evidence.url.too_long', 'url');
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw validationError('evidence.url.invalid', 'url');
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname || u.username || u.password) throw validationError('evidence.url.invalid', 'url');
  if (u.href.length > MAX_URL) throw validationError('evidence.url.too_long', 'url');
  return u.href;
}

/** Checks an upload before anything is stored: size, type by content, name, title. */
export function checkUpload(bytes: Uint8Array, originalName: string, title?: string | null) {
  if (bytes.length === 0) throw validationError('evidence.file.empty', 'file');
  if (bytes.length > MAX_EVIDENCE_BYTES) throw validationError('evidence.file.too_large', 'file', { max: MAX_EVIDENCE_BYTES / (1024 * 1024) });
  const sniffed = sniffFile(bytes, originalName ?? '');
  if (!sniffed) throw validationError('evidence.file.type', 'file', { types: ACCEPTED_EXTENSIONS });
  const name = sanitizeFileName(originalName ?? '', sniffed);
  return { sniffed, name, title: titleFrom(title, name, false) };
}

// Two requests adding the same thing at once must not both insert it: the check and the insert run
// under a transaction-scoped advisory lock on what is being added.
async function lockOn(tx: Db, key: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

async function assertUnit(tx: Db, unitId: string) {
  if (!isUuid(unitId) || !(await findUnit(tx, { all: true }, unitId))) throw notFound();
}

// ---- use cases -------------------------------------------------------------------------------

export interface UploadInput {
  unitId: string;
  bytes: Uint8Array;
  originalName: string;
  title?: string | null;
  attachTo?: Subject;
  /** when it happened (default now): the demo seed records a realistic past year */
  at?: Date;
}

export interface UploadResult {
  file: EvidenceFileRow;
  link: EvidenceLinkRow | null;
  /** the unit already had these exact bytes: the existing file row was used */
  reused: boolean;
}

/**
 * Uploads a file into a unit's library (and attaches it to a subject when asked). The same bytes
 * uploaded again for the same unit reuse the existing file row, so one file can support many items.
 */
export async function uploadEvidence(db: Db, store: FileStore, actor: EvidenceActor, input: UploadInput): Promise<UploadResult> {
  const { sniffed, name, title } = checkUpload(input.bytes, input.originalName, input.title);
  const subject = input.attachTo ? checkSubject(input.attachTo) : null;
  await assertUnit(db, input.unitId);
  // the bytes go to the store before the transaction (no file I/O inside it); a transaction that
  // then fails leaves an unreferenced file, which a later upload of the same bytes reuses
  const stored = await store.put(input.bytes);
  const who = auditActor(actor);
  return db.transaction(async (tx) => {
    await lockOn(tx, `evidence.file:${input.unitId}:${stored.sha256}`);
    let file = await findUnitFileBySha(tx, input.unitId, stored.sha256);
    const reused = !!file;
    if (!file) {
      [file] = await tx.insert(evidenceFiles).values({
        unitId: input.unitId, sha256: stored.sha256, size: stored.size, mime: sniffed.mime, originalName: name, title, uploadedBy: who.accountId,
        ...(input.at ? { uploadedAt: input.at } : {}),
      }).returning();
      await appendAudit(tx, who, {
        action: 'evidence.file.uploaded', entityType: 'evidence_file', entityId: file.id, unitId: input.unitId,
        data: { sha256: stored.sha256, size: stored.size, mime: sniffed.mime, name, title },
      });
    }
    const link = subject ? await insertLink(tx, who, input.unitId, subject, { fileId: file.id }, null, input.at) : null;
    return { file, link, reused };
  });
}

/**
 * Uploads the file chosen in a form's file field into the unit's library (none chosen: the field's
 * error, evidence.file.required).
 */
export async function uploadChosenEvidence(db: Db, store: FileStore, actor: EvidenceActor, input: { unitId: string; chosen: readonly File[]; title?: string | null }): Promise<UploadResult> {
  const [file] = input.chosen;
  if (!file) throw validationError('evidence.file.required', 'file');
  return uploadEvidence(db, store, actor, { unitId: input.unitId, bytes: new Uint8Array(await file.arrayBuffer()), originalName: file.name, title: input.title });
}

async function insertLink(tx: Db, who: AuditActor, unitId: string, subject: Subject, what: { fileId: string } | { url: string }, title: string | null, at?: Date) {
  await lockOn(tx, `evidence.link:${subject.subjectType}:${subject.subjectId}:${subject.subjectKey}`);
  if (await findSameLink(tx, subject, what)) throw conflict('evidence.link.duplicate');
  const [link] = await tx.insert(evidenceLinks).values({
    unitId, ...subject, fileId: 'fileId' in what ? what.fileId : null, url: 'url' in what ? what.url : null, title, createdBy: who.accountId,
    ...(at ? { createdAt: at } : {}),
  }).returning();
  await appendAudit(tx, who, {
    action: 'evidence.link.added', entityType: 'evidence_link', entityId: link.id, unitId,
    data: { ...subject, ...what, ...(title ? { title } : {}) },
  });
  return link;
}

/** Attaches a file of the unit's library to a subject. A file of another unit is not found. */
export async function attachFile(db: Db, actor: EvidenceActor, input: { unitId: string; fileId: string; at?: Date } & Subject): Promise<EvidenceLinkRow> {
  const subject = checkSubject(input);
  if (!isUuid(input.unitId) || !isUuid(input.fileId)) throw notFound();
  return db.transaction(async (tx) => {
    const file = await findUnitFileById(tx, input.unitId, input.fileId);
    if (!file) throw notFound();
    return insertLink(tx, auditActor(actor), input.unitId, subject, { fileId: file.id }, null, input.at);
  });
}

/** Attaches a web address (http/https) with a title to a subject. */
export async function attachUrl(db: Db, actor: EvidenceActor, input: { unitId: string; url: string; title: string; at?: Date } & Subject): Promise<EvidenceLinkRow> {
  const url = checkUrl(input.url);
  const title = titleFrom(input.title, null, true);
  const subject = checkSubject(input);
  if (!isUuid(input.unitId)) throw notFound();
  return db.transaction(async (tx) => {
    await assertUnit(tx, input.unitId);
    return insertLink(tx, auditActor(actor), input.unitId, subject, { url }, title, input.at);
  });
}

/** Removes one attachment (the file stays in the library). A link of another unit is not found. */
export async function detachEvidence(db: Db, actor: EvidenceActor, input: { unitId: string; linkId: string }): Promise<EvidenceLinkRow> {
  if (!isUuid(input.unitId) || !isUuid(input.linkId)) throw notFound();
  return db.transaction(async (tx) => {
    const link = await findUnitLink(tx, input.unitId, input.linkId);
    if (!link) throw notFound();
    await tx.delete(evidenceLinks).where(sql`${evidenceLinks.id} = ${link.id}`);
    await appendAudit(tx, auditActor(actor), {
      action: 'evidence.link.removed', entityType: 'evidence_link', entityId: link.id, unitId: link.unitId,
      data: { subjectType: link.subjectType, subjectId: link.subjectId, subjectKey: link.subjectKey, fileId: link.fileId, url: link.url },
    });
    return link;
  });
}

export interface CopyLinksInput {
  unitId: string;
  subjectType: string;
  fromSubjectId: string;
  toSubjectId: string;
  /** the key in the new subject (e.g. an item code renamed by a newer rule set); null drops it */
  keyMap?: (key: string) => string | null;
  /** when the copy happened (default now) */
  at?: Date;
}

/**
 * Copies the evidence links of one subject to another (a worksheet cloned from last year's).
 * Takes a database or the caller's transaction; runs in a nested transaction (savepoint) there.
 * Links already present on the target are skipped. Returns how many links were copied.
 */
export async function copyEvidenceLinks(db: Db, actor: EvidenceActor, input: CopyLinksInput): Promise<number> {
  const from = checkSubject({ subjectType: input.subjectType, subjectId: input.fromSubjectId, subjectKey: '' });
  const to = checkSubject({ subjectType: input.subjectType, subjectId: input.toSubjectId, subjectKey: '' });
  if (!isUuid(input.unitId)) throw notFound();
  const who = auditActor(actor);
  return db.transaction(async (tx) => {
    const source = await linksOfSubject(tx, input.unitId, from.subjectType, from.subjectId);
    const existing = await linksOfSubject(tx, input.unitId, to.subjectType, to.subjectId);
    const seen = new Set(existing.map((l) => `${l.subjectKey}\u0000${l.fileId ?? ''}\u0000${l.url ?? ''}`));
    const rows: (typeof evidenceLinks.$inferInsert)[] = [];
    const now = input.at ? input.at.getTime() : Date.now();
    for (const l of source) {
      const key = input.keyMap ? input.keyMap(l.subjectKey) : l.subjectKey;
      if (key === null || key === undefined) continue;
      const id = `${key}\u0000${l.fileId ?? ''}\u0000${l.url ?? ''}`;
      if (seen.has(id)) continue;
      seen.add(id);
      // one millisecond apart, so the copies list in the order of the originals
      rows.push({
        unitId: input.unitId, subjectType: to.subjectType, subjectId: to.subjectId, subjectKey: key, fileId: l.fileId, url: l.url, title: l.title,
        createdBy: who.accountId, createdAt: new Date(now + rows.length),
      });
    }
    if (rows.length === 0) return 0;
    await tx.insert(evidenceLinks).values(rows);
    await appendAudit(tx, who, {
      action: 'evidence.links.copied', entityType: 'evidence_link', entityId: to.subjectId, unitId: input.unitId,
      data: { subjectType: to.subjectType, fromSubjectId: from.subjectId, toSubjectId: to.subjectId, copied: rows.length, skipped: source.length - rows.length },
    });
    return rows.length;
  });
}
