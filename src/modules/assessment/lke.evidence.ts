// Evidence of an LKE item (data dukung): uploading a file, attaching one from the unit's library,
// adding a link, removing one — through the evidence module, only while the actor may write the
// item's unit answer. The item page has three forms posting to one address; which one was posted is
// told by its fields (even left empty), and each form's empty required field is refused beside it.
import type { Actor } from '../../kernel/access.ts';
import type { Db } from '../../kernel/db.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import type { FileStore } from '../../kernel/files.ts';
import { isUuid } from '../../kernel/validate.ts';
import { attachFile, attachUrl, detachEvidence, listEvidenceFor, uploadEvidence } from '../evidence/index.ts';
import { rolesOn } from './assessment.service.ts';
import { getRuleSet } from './lke.ruleset.ts';
import { indexOf } from './lke.rules.ts';
import type { RuleItem } from './lke.types.ts';
import { canWriteLayer, type State } from './lke.workflow.ts';
import { SUBJECT, type Found } from './worksheet.queries.ts';

/** The item of the worksheet the actor may add evidence to now (404 for an unknown item, 409 when locked). */
export function writableItem(actor: Actor | null, f: Found, code: string): RuleItem {
  const item = indexOf(getRuleSet(f.w.rulesetId)).items.get(code);
  if (!item) throw notFound();
  const { roles, areas } = rolesOn(actor, f.w.unitId);
  if (!canWriteLayer('unit', f.w.state as State, roles, item.area, areas)) throw new DomainError('conflict', 'lke.answer.locked');
  return item;
}

/** Which of the item page's evidence forms was posted. */
export type EvidenceForm = 'file' | 'existing' | 'url' | 'none';

export interface PostedEvidence {
  form: Record<string, string>;
  /** the chosen file, if any */
  file: File | null;
  /** the upload form's file field was posted (an empty file input is a nameless, empty file) */
  fileField: boolean;
}

export function evidenceFormOf(p: PostedEvidence): EvidenceForm {
  return p.file ? 'file' : 'fileId' in p.form ? 'existing' : 'url' in p.form || 'linkTitle' in p.form ? 'url' : 'none';
}

export interface EvidenceDeps { db: Db; files: FileStore; actor: Actor }

/** Adds the posted evidence to the item; a refusal carries the field of the form it belongs to. */
export async function addItemEvidence(deps: EvidenceDeps, f: Found, code: string, p: PostedEvidence): Promise<void> {
  const str = (k: string) => p.form[k] ?? '';
  const kind = evidenceFormOf(p);
  const subject = { subjectType: SUBJECT, subjectId: f.w.id, subjectKey: code };
  if (kind === 'existing' && !str('fileId')) throw new DomainError('validation', 'lke.evidence.existing.required', {}, { fileId: 'lke.evidence.existing.required' });
  if (kind === 'url' && (!str('url').trim() || !(str('linkTitle') || str('title')).trim())) {
    const missing: Record<string, string> = {};
    if (!str('url').trim()) missing.url = 'lke.evidence.url.required';
    if (!(str('linkTitle') || str('title')).trim()) missing.linkTitle = 'evidence.title.required';
    throw new DomainError('validation', Object.values(missing)[0]!, {}, missing);
  }
  if (p.file) {
    const bytes = new Uint8Array(await p.file.arrayBuffer());
    await uploadEvidence(deps.db, deps.files, deps.actor, { unitId: f.w.unitId, bytes, originalName: p.file.name, title: str('title') || null, attachTo: subject });
  } else if (str('fileId')) {
    if (!isUuid(str('fileId'))) throw notFound();
    await attachFile(deps.db, deps.actor, { unitId: f.w.unitId, fileId: str('fileId'), ...subject });
  } else if (str('url')) {
    await attachUrl(deps.db, deps.actor, { unitId: f.w.unitId, url: str('url'), title: str('linkTitle') || str('title'), ...subject });
  } else {
    const key = p.fileField ? 'evidence.file.required' : 'lke.evidence.nothing';
    throw new DomainError('validation', key, {}, { file: key });
  }
}

/** A refusal's errors beside the fields of the form that was posted (a link's title is its linkTitle). */
export function evidenceErrorsOf(err: DomainError, kind: EvidenceForm): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, key] of Object.entries(err.fieldErrors)) out[kind === 'url' && k === 'title' ? 'linkTitle' : kind === 'existing' ? 'fileId' : k] = key;
  if (!Object.keys(out).length) out[kind === 'url' ? 'url' : kind === 'existing' ? 'fileId' : 'file'] = err.code;
  return out;
}

/** Removes one piece of evidence from the item; the link must belong to this worksheet's item, not merely to the unit. */
export async function removeItemEvidence(db: Db, actor: Actor, f: Found, code: string, linkId: string): Promise<void> {
  const mine = ((await listEvidenceFor(db, SUBJECT, f.w.id)).get(code) ?? []).some((e) => e.linkId === linkId);
  if (!mine) throw notFound();
  await detachEvidence(db, actor, { unitId: f.w.unitId, linkId });
}
