// The only code touching evidence_* tables. Lookups that answer a user take the actor's scope.
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../../kernel/access.ts';
import type { Db } from '../../kernel/db.ts';
import { accounts } from '../../kernel/schema.ts';
import { evidenceFiles, evidenceLinks } from './evidence.schema.ts';

export type EvidenceFileRow = typeof evidenceFiles.$inferSelect;
export type EvidenceLinkRow = typeof evidenceLinks.$inferSelect;

/** One piece of evidence attached to a subject, as a page shows it. */
export interface EvidenceLinkView {
  linkId: string;
  kind: 'file' | 'url';
  title: string;
  /** the link's address (kind 'url'); null for files */
  url: string | null;
  /** the file (kind 'file'); download at /evidence/files/:fileId */
  fileId: string | null;
  name: string | null;
  mime: string | null;
  size: number | null;
  /** when the file was uploaded, or the link was added */
  uploadedAt: Date;
  uploaderName: string | null;
  attachedAt: Date;
}

function unitScope(scope: Scope, col = evidenceFiles.unitId): SQL {
  if (scope.all) return sql`true`;
  if (scope.unitIds.length === 0) return sql`false`;
  return inArray(col, scope.unitIds);
}

export async function findEvidenceFile(db: Db, scope: Scope, fileId: string): Promise<EvidenceFileRow | undefined> {
  const [f] = await db.select().from(evidenceFiles).where(and(eq(evidenceFiles.id, fileId), unitScope(scope))).limit(1);
  return f;
}

export async function findUnitFileById(db: Db, unitId: string, fileId: string): Promise<EvidenceFileRow | undefined> {
  const [f] = await db.select().from(evidenceFiles).where(and(eq(evidenceFiles.id, fileId), eq(evidenceFiles.unitId, unitId))).limit(1);
  return f;
}

export async function findUnitFileBySha(db: Db, unitId: string, sha256: string): Promise<EvidenceFileRow | undefined> {
  const [f] = await db.select().from(evidenceFiles)
    .where(and(eq(evidenceFiles.unitId, unitId), eq(evidenceFiles.sha256, sha256)))
    .orderBy(asc(evidenceFiles.uploadedAt), asc(evidenceFiles.id)).limit(1);
  return f;
}

export async function findUnitLink(db: Db, unitId: string, linkId: string): Promise<EvidenceLinkRow | undefined> {
  const [l] = await db.select().from(evidenceLinks).where(and(eq(evidenceLinks.id, linkId), eq(evidenceLinks.unitId, unitId))).limit(1);
  return l;
}

export interface Subject { subjectType: string; subjectId: string; subjectKey: string }

/** An existing link of the same file (or the same URL) to the same subject. */
export async function findSameLink(db: Db, subject: Subject, what: { fileId: string } | { url: string }) {
  const [l] = await db.select({ id: evidenceLinks.id }).from(evidenceLinks).where(and(
    eq(evidenceLinks.subjectType, subject.subjectType), eq(evidenceLinks.subjectId, subject.subjectId), eq(evidenceLinks.subjectKey, subject.subjectKey),
    'fileId' in what ? eq(evidenceLinks.fileId, what.fileId) : eq(evidenceLinks.url, what.url),
  )).limit(1);
  return l;
}

async function linkViews(db: Db, subjectType: string, subjectIds: string[]): Promise<(EvidenceLinkView & { subjectId: string; subjectKey: string })[]> {
  if (subjectIds.length === 0) return [];
  const rows = await db.select({
    link: evidenceLinks,
    fileTitle: evidenceFiles.title,
    name: evidenceFiles.originalName,
    mime: evidenceFiles.mime,
    size: evidenceFiles.size,
    uploadedAt: evidenceFiles.uploadedAt,
    uploaderName: accounts.displayName,
  }).from(evidenceLinks)
    .leftJoin(evidenceFiles, eq(evidenceFiles.id, evidenceLinks.fileId))
    .leftJoin(accounts, eq(accounts.id, sql`coalesce(${evidenceFiles.uploadedBy}, ${evidenceLinks.createdBy})`))
    .where(and(eq(evidenceLinks.subjectType, subjectType), subjectIds.length === 1 ? eq(evidenceLinks.subjectId, subjectIds[0]!) : inArray(evidenceLinks.subjectId, subjectIds)))
    .orderBy(asc(evidenceLinks.subjectKey), asc(evidenceLinks.createdAt), asc(evidenceLinks.id));
  return rows.map((r) => {
    const l = r.link;
    return {
      subjectId: l.subjectId,
      subjectKey: l.subjectKey,
      linkId: l.id,
      kind: l.fileId ? 'file' : 'url',
      title: l.title ?? r.fileTitle ?? l.url ?? '',
      url: l.fileId ? null : l.url,
      fileId: l.fileId,
      name: r.name,
      mime: r.mime,
      size: r.size,
      uploadedAt: r.uploadedAt ?? l.createdAt,
      uploaderName: r.uploaderName,
      attachedAt: l.createdAt,
    };
  });
}

/** Every piece of evidence of a subject (e.g. all LKE items of a worksheet), by key, in one query. */
export async function listEvidenceFor(db: Db, subjectType: string, subjectId: string): Promise<Map<string, EvidenceLinkView[]>> {
  const out = new Map<string, EvidenceLinkView[]>();
  for (const { subjectId: _id, subjectKey, ...view } of await linkViews(db, subjectType, [subjectId])) {
    const list = out.get(subjectKey);
    if (list) list.push(view);
    else out.set(subjectKey, [view]);
  }
  return out;
}

/** The evidence of many subjects of one type (e.g. every change of a unit's agents), in one query. */
export async function listEvidenceOfSubjects(db: Db, subjectType: string, subjectIds: string[]): Promise<Map<string, EvidenceLinkView[]>> {
  const out = new Map<string, EvidenceLinkView[]>();
  for (const { subjectId, subjectKey: _key, ...view } of await linkViews(db, subjectType, subjectIds)) {
    const list = out.get(subjectId);
    if (list) list.push(view);
    else out.set(subjectId, [view]);
  }
  return out;
}

/** How many pieces of evidence each key of a subject has, in one query. */
export async function countEvidenceFor(db: Db, subjectType: string, subjectId: string): Promise<Map<string, number>> {
  const rows = await db.select({ key: evidenceLinks.subjectKey, n: sql<number>`count(*)::int` }).from(evidenceLinks)
    .where(and(eq(evidenceLinks.subjectType, subjectType), eq(evidenceLinks.subjectId, subjectId)))
    .groupBy(evidenceLinks.subjectKey);
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}

export const FILE_SORTS = ['title', 'size', 'uploaded', 'uses'] as const;
export type FileSort = (typeof FILE_SORTS)[number];

export interface UnitFilesFilter { q?: string; page?: number; pageSize?: number; sort?: FileSort; dir?: 'asc' | 'desc' }

export interface UnitFileView extends EvidenceFileRow { useCount: number; uploaderName: string | null }

/** The library of one unit: its files with how many subjects use each; searchable, sorted, paginated. */
export async function listUnitFiles(db: Db, unitId: string, f: UnitFilesFilter = {}): Promise<{ rows: UnitFileView[]; total: number; page: number; pageSize: number }> {
  const pageSize = Math.min(Math.max(f.pageSize ?? 25, 1), 200);
  const page = Math.max(f.page ?? 1, 1);
  const conds: SQL[] = [eq(evidenceFiles.unitId, unitId)];
  const q = f.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(or(ilike(evidenceFiles.title, like), ilike(evidenceFiles.originalName, like))!);
  }
  const where = and(...conds);
  const useCount = sql<number>`(select count(*)::int from evidence_links l where l.file_id = ${evidenceFiles.id})`;
  const sort = f.sort ?? 'uploaded';
  const dir = f.dir ?? (sort === 'uploaded' ? 'desc' : 'asc');
  const sortExpr = { title: sql`lower(${evidenceFiles.title})`, size: sql`${evidenceFiles.size}`, uploaded: sql`${evidenceFiles.uploadedAt}`, uses: useCount }[sort];
  const rows = await db.select({ file: evidenceFiles, useCount, uploaderName: accounts.displayName })
    .from(evidenceFiles).leftJoin(accounts, eq(accounts.id, evidenceFiles.uploadedBy))
    .where(where)
    .orderBy(dir === 'desc' ? desc(sortExpr) : asc(sortExpr), asc(evidenceFiles.id))
    .limit(pageSize).offset((page - 1) * pageSize);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(evidenceFiles).where(where);
  return { rows: rows.map((r) => ({ ...r.file, useCount: Number(r.useCount), uploaderName: r.uploaderName })), total: Number(n), page, pageSize };
}

export async function linksOfSubject(db: Db, unitId: string, subjectType: string, subjectId: string): Promise<EvidenceLinkRow[]> {
  return db.select().from(evidenceLinks)
    .where(and(eq(evidenceLinks.unitId, unitId), eq(evidenceLinks.subjectType, subjectType), eq(evidenceLinks.subjectId, subjectId)))
    .orderBy(asc(evidenceLinks.createdAt), asc(evidenceLinks.id));
}

export { evidenceFiles, evidenceLinks };
