// Pencanangan (the unit's declaration of its ZI programme): validation, save (one per unit; saving
// again updates it), publication links and photos through the evidence module.
import { eq } from 'drizzle-orm';
import type { AuditActor } from '../../kernel/audit.ts';
import { appendAudit } from '../../kernel/audit.ts';
import type { Db } from '../../kernel/db.ts';
import { DomainError, invalid } from '../../kernel/errors.ts';
import type { FileStore } from '../../kernel/files.ts';
import { attachUrl, checkUpload, uploadEvidence } from '../evidence/index.ts';
import { findDeclaration } from './declaration.queries.ts';
import { declarations } from './workplan.schema.ts';

export const DECLARATION_SUBJECT = 'workplan_declaration';
/** Pencanangan of Zona Integritas started with the 2014 rules; earlier dates are typing mistakes. */
export const EARLIEST_DECLARATION = '2014-01-01';
const MAX_TEXT = 200;
const MAX_DESCRIPTION = 4000;

export interface DeclarationInput { declaredOn: string; place: string | null; declaredByName: string; declaredByPosition: string; description: string | null }

/** Today's date (YYYY-MM-DD) in the configured time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Checks the form; every problem is reported at once, by field. */
export function parseDeclaration(form: Record<string, string>, today: string): DeclarationInput {
  const errors: Record<string, string> = {};
  const s = (k: string) => (form[k] ?? '').trim();
  const declaredOn = s('declaredOn');
  if (!declaredOn) errors.declaredOn = 'declaration.error.date_required';
  else if (!isRealDate(declaredOn)) errors.declaredOn = 'declaration.error.date_invalid';
  else if (declaredOn > today) errors.declaredOn = 'declaration.error.date_future';
  else if (declaredOn < EARLIEST_DECLARATION) errors.declaredOn = 'declaration.error.date_too_early';
  if (!s('declaredByName')) errors.declaredByName = 'declaration.error.required';
  else if (s('declaredByName').length > MAX_TEXT) errors.declaredByName = 'declaration.error.too_long';
  if (!s('declaredByPosition')) errors.declaredByPosition = 'declaration.error.required';
  else if (s('declaredByPosition').length > MAX_TEXT) errors.declaredByPosition = 'declaration.error.too_long';
  if (s('place').length > MAX_TEXT) errors.place = 'declaration.error.too_long';
  if (s('description').length > MAX_DESCRIPTION) errors.description = 'declaration.error.too_long';
  if (Object.keys(errors).length) throw invalid(errors);
  return { declaredOn, place: s('place') || null, declaredByName: s('declaredByName'), declaredByPosition: s('declaredByPosition'), description: s('description') || null };
}

/** Creates the unit's declaration or updates it; one audit entry either way. */
export async function saveDeclaration(db: Db, who: AuditActor, unitId: string, input: DeclarationInput, at?: Date): Promise<string> {
  return db.transaction(async (tx) => {
    const existing = await findDeclaration(tx, unitId);
    let id: string;
    if (existing) {
      await tx.update(declarations).set({ ...input, updatedAt: at ?? new Date() }).where(eq(declarations.id, existing.id));
      id = existing.id;
    } else {
      const [row] = await tx.insert(declarations).values({ unitId, ...input, createdBy: who.accountId, ...(at ? { createdAt: at, updatedAt: at } : {}) }).returning({ id: declarations.id });
      id = row.id;
    }
    await appendAudit(tx, who, {
      action: existing ? 'declaration.updated' : 'declaration.created', entityType: 'workplan_declaration', entityId: id, unitId,
      data: { ...input },
    }, at);
    return id;
  });
}

async function declarationIdOf(db: Db, unitId: string): Promise<string> {
  const d = await findDeclaration(db, unitId);
  if (!d) throw new DomainError('validation', 'declaration.error.save_first');
  return d.id;
}

/** A publication link (news item, social media post) of the declaration. */
export async function addDeclarationLink(db: Db, who: AuditActor, unitId: string, url: string, title: string, at?: Date) {
  const id = await declarationIdOf(db, unitId);
  return attachUrl(db, who, { unitId, url, title, subjectType: DECLARATION_SUBJECT, subjectId: id, subjectKey: '', at });
}

/** A photo of the declaration: checked by content, and only images are accepted. */
export async function addDeclarationPhoto(db: Db, files: FileStore, who: AuditActor, unitId: string, bytes: Uint8Array, originalName: string, title: string | null, at?: Date) {
  const id = await declarationIdOf(db, unitId);
  const { sniffed } = checkUpload(bytes, originalName, title);
  if (!sniffed.mime.startsWith('image/')) throw invalid({ file: 'declaration.error.photo_type' });
  return uploadEvidence(db, files, who, { unitId, bytes, originalName, title, attachTo: { subjectType: DECLARATION_SUBJECT, subjectId: id, subjectKey: '' }, at });
}

