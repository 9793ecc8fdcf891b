// The one way a module's form takes evidence for one of its records: the person uploads a file,
// picks one from the unit's library, or links a web address (the fields of `EvidenceFields` in
// evidence.ui.tsx). `evidenceChoiceOf` reads what was posted, `checkEvidenceChoice` refuses a bad
// file or address as a field error before the module stores anything (so a bad file refuses the
// whole record), and `attachEvidenceChoice` stores it in the library and links it to the record.
import { z } from 'zod';
import { DomainError } from '../../kernel/errors.ts';
import type { FileStore } from '../../kernel/files.ts';
import type { Posted } from '../../kernel/forms.ts';
import type { Db } from '../../kernel/db.ts';
import { attachFile, attachUrl, checkUpload, checkUrl, uploadEvidence, type EvidenceActor } from './evidence.service.ts';

/** The posted evidence fields beside the file field, to spread into a module's form schema. */
export const EVIDENCE_FIELDS = { libraryFileId: z.string().optional(), url: z.string().optional(), evidenceTitle: z.string().optional() };
export interface EvidenceFieldsInput { libraryFileId?: string; url?: string; evidenceTitle?: string }

export type EvidenceChoice =
  | { kind: 'file'; bytes: Uint8Array; name: string; title?: string }
  | { kind: 'library'; fileId: string }
  | { kind: 'url'; url: string; title: string };

/** What was posted: a file first, else one of the library's files, else a link; nothing chosen: null. */
export async function evidenceChoiceOf(posted: Pick<Posted, 'form' | 'files'>, fileField = 'file'): Promise<EvidenceChoice | null> {
  const file = posted.files[fileField]?.[0];
  const title = (posted.form.evidenceTitle ?? '').trim();
  if (file) return { kind: 'file', bytes: new Uint8Array(await file.arrayBuffer()), name: file.name, ...(title ? { title } : {}) };
  const fileId = (posted.form.libraryFileId ?? '').trim();
  if (fileId) return { kind: 'library', fileId };
  const url = (posted.form.url ?? '').trim();
  if (url) return { kind: 'url', url, title: title || url };
  return null;
}

/**
 * Refuses a file or an address that could not be stored, as the field's error (file or url), before
 * anything is stored. A library file of another unit is refused when it is attached (not found).
 */
export function checkEvidenceChoice(choice: EvidenceChoice | null): void {
  try {
    if (choice?.kind === 'file') checkUpload(choice.bytes, choice.name, choice.title);
    else if (choice?.kind === 'url') checkUrl(choice.url);
  } catch (e) {
    if (e instanceof DomainError && e.kind === 'validation') {
      // the library's own field names → the fragment's (its title field is evidenceTitle)
      const [at] = Object.keys(e.fieldErrors);
      const field = at === 'title' ? 'evidenceTitle' : at === 'url' || choice?.kind === 'url' ? 'url' : 'file';
      throw new DomainError('validation', 'error.validation', e.params, { [field]: e.code });
    }
    throw e;
  }
}

export interface EvidenceTarget {
  unitId: string;
  /** the record the evidence supports, e.g. { subjectType: 'coi_socialisation', subjectId: id } */
  subjectType: string;
  subjectId: string;
  subjectKey?: string;
  /** when it happened (default now) */
  at?: Date;
}

/** Stores the chosen evidence in the unit's library (an upload) and links it to the record. */
export async function attachEvidenceChoice(db: Db, files: FileStore, actor: EvidenceActor, target: EvidenceTarget, choice: EvidenceChoice): Promise<void> {
  const subject = { subjectType: target.subjectType, subjectId: target.subjectId, subjectKey: target.subjectKey ?? '' };
  if (choice.kind === 'file') await uploadEvidence(db, files, actor, { unitId: target.unitId, bytes: choice.bytes, originalName: choice.name, title: choice.title || null, attachTo: subject, at: target.at });
  else if (choice.kind === 'library') await attachFile(db, actor, { unitId: target.unitId, fileId: choice.fileId, at: target.at, ...subject });
  else await attachUrl(db, actor, { unitId: target.unitId, url: choice.url, title: choice.title, at: target.at, ...subject });
}
