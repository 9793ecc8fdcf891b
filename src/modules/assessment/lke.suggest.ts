// Suggested answers on LKE items from the facts other modules keep (the work plan, later the
// service-quality and supervision modules). A module offers suggestions through a source function
// that the composition root hands to the LKE routes; the LKE module never imports those modules.
//
// A suggestion names an item, the answer the facts support (or none, when the facts are recorded but
// do not decide the answer), the facts in words (i18n keys of the offering module) and the evidence
// that backs them. The unit accepts it (the answer is written to its layer and the evidence
// attached, in one transaction, audited) or answers otherwise: a suggestion never writes by itself.
import type { Scope } from '../../kernel/access.ts';
import { appendAudit } from '../../kernel/audit.ts';
import { port } from '../../kernel/module.ts';
import type { Db } from '../../kernel/db.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import type { FileStore } from '../../kernel/files.ts';
import type { T } from '../../kernel/i18n.ts';
import { attachFile, attachUrl, listEvidenceFor, uploadEvidence } from '../evidence/index.ts';
import { findAnswerRow, findWorksheet } from './assessment.queries.ts';
import { auditActorOf, saveAnswer, type Ctx } from './assessment.service.ts';
import { indexOf, MAX_NOTE, parseAnswer } from './lke.rules.ts';
import type { Answer, RuleSet } from './lke.types.ts';
import { canWriteLayer } from './lke.workflow.ts';
import type { Loaded } from './worksheet.queries.ts';

/** A fact in words: an i18n key (of the offering module's catalogue) with its parameters. */
export interface SuggestionFact { key: string; params?: Record<string, string | number> }

export type SuggestionEvidence =
  /** a file already in the unit's library */
  | { kind: 'file'; fileId: string; title: string }
  /** a web address */
  | { kind: 'url'; url: string; title: string }
  /** a document the offering module generates (e.g. the decree PDF), stored in the library on acceptance */
  | { kind: 'document'; title: string; fileName: string; render: () => Promise<Uint8Array> };

export interface LkeSuggestion {
  /** the item code in the rule set, e.g. 'A.I.1.i.a' */
  item: string;
  /** the raw answer the facts support (as parseAnswer takes it), or null: facts without a verdict */
  answer: unknown;
  facts: SuggestionFact[];
  evidence: SuggestionEvidence[];
  /** where the facts are kept: a label key and the page */
  source: { key: string; href: string };
}

export interface SuggestionContext {
  db: Db;
  unitId: string;
  year: number;
  /** the moment the facts are read at (months that have ended, the year's progress) */
  now: Date;
  /** Indonesian translator, for generated documents */
  t: T;
}

export type LkeSuggestionSource = (ctx: SuggestionContext) => Promise<LkeSuggestion[]>;

/** The port on which modules offer their suggestion sources (module manifest, decision 0015). */
export const LKE_SUGGESTIONS = port<LkeSuggestionSource>('assessment.suggestions');

/** A suggestion checked against the worksheet's rule set: the answer parsed, or null. */
export interface CheckedSuggestion extends LkeSuggestion { parsed: Answer | null }

/**
 * Every source's suggestions for a unit and year, kept only for items of the rule set and with an
 * answer the item accepts (a source offering a malformed answer is a bug: the answer is dropped,
 * the facts stay). Items are ordered as in the rule set; the first source to name an item wins.
 */
export async function collectSuggestions(sources: readonly LkeSuggestionSource[], rs: RuleSet, ctx: SuggestionContext): Promise<Map<string, CheckedSuggestion>> {
  const items = indexOf(rs).items;
  const found = new Map<string, CheckedSuggestion>();
  for (const source of sources) {
    for (const s of await source(ctx)) {
      const item = items.get(s.item);
      if (!item || found.has(s.item)) continue;
      let parsed: Answer | null = null;
      try { parsed = parseAnswer(item, s.answer); } catch { parsed = null; }
      found.set(s.item, { ...s, parsed });
    }
  }
  return new Map([...found.entries()].sort((a, b) => items.get(a[0])!.seq - items.get(b[0])!.seq));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A fact's parameters with calendar dates (YYYY-MM-DD) written in the reader's format. */
export function factParams(f: SuggestionFact, formatDate: (iso: string) => string): Record<string, string | number> | undefined {
  if (!f.params) return undefined;
  return Object.fromEntries(Object.entries(f.params).map(([k, v]) => [k, typeof v === 'string' && ISO_DATE.test(v) ? formatDate(v) : v]));
}

const ID_DATE = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The facts as one Indonesian note for the TPI, when the unit has written none. */
export function factsNote(t: T, s: LkeSuggestion): string {
  const idDate = (iso: string) => ID_DATE.format(new Date(`${iso}T00:00:00Z`));
  const text = [t(s.source.key), ...s.facts.map((f) => `- ${t(f.key, factParams(f, idDate))}`)].join('\n');
  return text.length > MAX_NOTE ? `${text.slice(0, MAX_NOTE - 1)}…` : text;
}

export interface AcceptInput { worksheetId: string; code: string; rev: string }

/** Rendered generated documents, by file name and title (one render serves every suggestion naming it). */
export type RenderedDocs = Map<string, Uint8Array>;
const docKey = (e: { fileName: string; title: string }) => `${e.fileName}\u0000${e.title}`;

/** Renders the generated documents of the suggestions, each once. Call before opening a transaction. */
export async function renderDocuments(list: readonly LkeSuggestion[]): Promise<RenderedDocs> {
  const out: RenderedDocs = new Map();
  for (const s of list) {
    for (const e of s.evidence) if (e.kind === 'document' && !out.has(docKey(e))) out.set(docKey(e), await e.render());
  }
  return out;
}

/**
 * Accepts one suggestion: the unit's answer becomes the suggested one (the unit's note is kept; an
 * empty note gets the facts), and the suggestion's evidence not yet on the item is attached — in
 * one transaction, with an audit entry naming the source. Locks, stale revisions and scope are
 * those of saveAnswer; a suggestion without an answer cannot be accepted.
 */
export async function acceptSuggestion(ctx: Ctx, scope: Scope, files: FileStore, t: T, input: AcceptInput, s: CheckedSuggestion, subjectType: string, rendered?: RenderedDocs): Promise<{ attached: number }> {
  if (!s.parsed) throw new DomainError('conflict', 'lke.suggest.no_answer_conflict');
  const found = await findWorksheet(ctx.db, scope, input.worksheetId);
  if (!found) throw notFound();
  const w = found.w;
  // documents are rendered before the transaction: no file I/O inside it, and a source's render
  // reads through its own connection, which an open transaction on PGlite would block
  const docs = rendered ?? await renderDocuments([s]);
  return ctx.db.transaction(async (tx) => {
    const current = await findAnswerRow(tx, w.id, input.code, 'unit');
    const note = current?.note?.trim() ? current.note : factsNote(t, s);
    await saveAnswer({ ...ctx, db: tx }, scope, { worksheetId: w.id, code: input.code, layer: 'unit', raw: s.parsed, note, rev: input.rev });
    const subject = { subjectType, subjectId: w.id, subjectKey: input.code };
    const have = (await listEvidenceFor(tx, subjectType, w.id)).get(input.code) ?? [];
    const haveFiles = new Set(have.map((e) => e.fileId).filter(Boolean));
    const haveUrls = new Set(have.map((e) => e.url).filter(Boolean));
    let attached = 0;
    for (const e of s.evidence) {
      if (e.kind === 'file') {
        if (haveFiles.has(e.fileId)) continue;
        await attachFile(tx, ctx.actor, { unitId: w.unitId, fileId: e.fileId, ...subject });
        haveFiles.add(e.fileId);
      } else if (e.kind === 'url') {
        if (haveUrls.has(e.url)) continue;
        await attachUrl(tx, ctx.actor, { unitId: w.unitId, url: e.url, title: e.title, ...subject });
        haveUrls.add(e.url);
      } else {
        const bytes = docs.get(docKey(e));
        if (!bytes) throw new Error(`document ${e.fileName} was not rendered before the transaction`);
        const up = await uploadEvidence(tx, files, ctx.actor, { unitId: w.unitId, bytes, originalName: e.fileName, title: e.title });
        if (haveFiles.has(up.file.id)) continue;
        await attachFile(tx, ctx.actor, { unitId: w.unitId, fileId: up.file.id, ...subject });
        haveFiles.add(up.file.id);
      }
      attached++;
    }
    await appendAudit(tx, auditActorOf(ctx.actor), {
      action: 'lke.suggestion.accepted', entityType: 'assessment_worksheet', entityId: w.id, unitId: w.unitId,
      data: { item: input.code, source: s.source.href, answer: s.parsed, attached },
    });
    return { attached };
  });
}

/**
 * Accepts every suggestion with an answer on an item the unit has not answered and the actor may
 * write, all or nothing, at the worksheet version the page showed (a stale page changes nothing).
 * Returns how many were accepted.
 */
export async function acceptOpenSuggestions(ctx: Ctx, scope: Scope, files: FileStore, t: T, l: Loaded, version: string | undefined, found: Map<string, CheckedSuggestion>, subjectType: string): Promise<number> {
  if (String(version ?? '') !== String(l.f.w.version)) throw new DomainError('conflict', 'lke.suggest.stale');
  const items = indexOf(l.rs).items;
  const todo = [...found.values()].filter((s) => s.parsed && !l.eff.unit[s.item]
    && canWriteLayer('unit', l.state, l.roles.roles, items.get(s.item)!.area, l.roles.areas));
  const rendered = await renderDocuments(todo);
  await ctx.db.transaction(async (tx) => {
    for (const s of todo) {
      await acceptSuggestion({ ...ctx, db: tx }, scope, files, t, { worksheetId: l.f.w.id, code: s.item, rev: l.layers.unit.rows.get(s.item)?.rev ?? '' }, s, subjectType, rendered);
    }
  });
  return todo.length;
}
