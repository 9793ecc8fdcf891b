// Reads of the LKE pages: the worksheet a path names (within the actor's scope), the model every
// worksheet page starts from (rule set, options, layers, effective answers, scores, review tally and
// the actor's roles on the unit), and what single pages add to it. One query per kind of row, never
// one per item: the worksheet page of 113 items is measured by the bench.
import type { Actor, Scope } from '../../kernel/access.ts';
import type { Db } from '../../kernel/db.ts';
import { notFound } from '../../kernel/errors.ts';
import { isUuid } from '../../kernel/validate.ts';
import { countEvidenceFor, listEvidenceFor, listUnitFiles } from '../evidence/index.ts';
import { findRegency } from '../org/index.ts';
import { findWorksheet, listEvents, listWorksheets, listYears, loadLayers, loadLayersMany, type Layers } from './assessment.queries.ts';
import { effectiveAnswers, optionsOf, reviewOf, rolesOn } from './assessment.service.ts';
import { findRuleSet, getRuleSet } from './lke.ruleset.ts';
import { scoreAnswers } from './lke.rules.ts';
import { collectSuggestions, type CheckedSuggestion, type LkeSuggestionSource } from './lke.suggest.ts';
import type { Answers, RuleSet, RuleSetOptions, ScoreResult } from './lke.types.ts';
import { STATES, type Layer, type ReviewTally, type State } from './lke.workflow.ts';
import type { T } from '../../kernel/i18n.ts';

/** The subject type of the LKE's evidence links (one per item: subject key = item code). */
export const SUBJECT = 'lke_item';

export type Found = NonNullable<Awaited<ReturnType<typeof findWorksheet>>>;

export interface Loaded {
  f: Found;
  rs: RuleSet;
  options: RuleSetOptions;
  layers: Layers;
  eff: Record<Layer, Answers>;
  scores: Record<Layer, ScoreResult>;
  hasTpi: boolean;
  hasTpn: boolean;
  state: State;
  roles: ReturnType<typeof rolesOn>;
  /** which items carry a TPI decision */
  review: ReviewTally;
}

/** The worksheet of a path's id, if the scope holds it; else not found (its existence does not leak). */
export async function worksheetIn(db: Db, scope: Scope, id: string): Promise<Found> {
  if (!isUuid(id)) throw notFound();
  const found = await findWorksheet(db, scope, id);
  if (!found) throw notFound();
  return found;
}

/** The model of a worksheet page: two queries (the worksheet, its answers), the rest computed. */
export async function worksheetModel(db: Db, scope: Scope, actor: Actor | null, id: string): Promise<Loaded> {
  const f = await worksheetIn(db, scope, id);
  const rs = getRuleSet(f.w.rulesetId);
  const options = optionsOf(rs, f.w);
  const layers = await loadLayers(db, f.w.id);
  const eff = effectiveAnswers(layers);
  const scores = {
    unit: scoreAnswers(rs, eff.unit, options),
    tpi: scoreAnswers(rs, eff.tpi, options),
    tpn: scoreAnswers(rs, eff.tpn, options),
  };
  const state = (STATES as readonly string[]).includes(f.w.state) ? (f.w.state as State) : 'draft';
  const hasTpi = ['under_review', 'evaluated', 'recommended'].includes(state) || layers.tpi.rows.size > 0;
  return { f, rs, options, layers, eff, scores, hasTpi, hasTpn: layers.tpn.rows.size > 0, state, roles: rolesOn(actor, f.w.unitId), review: reviewOf(rs, layers) };
}

export interface ListQuery { year?: number; state?: string; sort: string; dir: 'asc' | 'desc'; limit: number; offset: number }

/** A page of the worksheet list with each worksheet's unit (and, once reviewed, TPI) score; the years for the filter. */
export async function worksheetList(db: Db, scope: Scope, q: ListQuery) {
  const [{ rows, total }, years] = await Promise.all([listWorksheets(db, scope, q), listYears(db, scope)]);
  const layers = await loadLayersMany(db, rows.map((x) => x.w.id));
  const scored = rows.map((x) => {
    const rs = findRuleSet(x.w.rulesetId)!;
    const eff = effectiveAnswers(layers.get(x.w.id)!);
    const options = optionsOf(rs, x.w);
    const unit = scoreAnswers(rs, eff.unit, options);
    const reviewed = ['under_review', 'evaluated', 'recommended'].includes(x.w.state);
    return { ...x, rs, unit, tpi: reviewed ? scoreAnswers(rs, eff.tpi, options) : null, answered: rs.items.length - unit.unanswered.length, items: rs.items.length };
  });
  return { rows: scored, total, years };
}
export type ListRow = Awaited<ReturnType<typeof worksheetList>>['rows'][number];

/** What the overview adds: the history, evidence per item, the regency's name. */
export async function overviewExtras(db: Db, l: Loaded) {
  const [events, counts, regency] = await Promise.all([listEvents(db, l.f.w.id), countEvidenceFor(db, SUBJECT, l.f.w.id), findRegency(db)]);
  return { events, counts, regency };
}
export type WorksheetEvents = Awaited<ReturnType<typeof listEvents>>;

/** How many pieces of evidence each item has (one query for the worksheet). */
export function evidenceCounts(db: Db, l: Loaded): Promise<Map<string, number>> {
  return countEvidenceFor(db, SUBJECT, l.f.w.id);
}

/** An item's evidence, and the unit's library to attach from when the actor may write. */
export async function itemEvidence(db: Db, l: Loaded, code: string, withLibrary: boolean) {
  const evidence = (await listEvidenceFor(db, SUBJECT, l.f.w.id)).get(code) ?? [];
  const library = withLibrary ? (await listUnitFiles(db, l.f.w.unitId, { pageSize: 100, sort: 'uploaded', dir: 'desc' })).rows : [];
  return { evidence, library };
}
export type LibraryFile = Awaited<ReturnType<typeof itemEvidence>>['library'][number];

/** The suggestions for the worksheet's unit and year (none when no module offers any). */
export async function suggestionsFor(db: Db, sources: readonly LkeSuggestionSource[], l: Loaded, t: T): Promise<Map<string, CheckedSuggestion>> {
  if (!sources.length) return new Map();
  return collectSuggestions(sources, l.rs, { db, unitId: l.f.w.unitId, year: l.f.w.year, now: new Date(), t });
}
