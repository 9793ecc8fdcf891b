// What the LKE's route files share: the service context of a request, the worksheet (or its page
// model) the path names, and the answer some refusals keep from before the form-action pipeline — a
// flash message and a 303 back to the page (tests and people rely on those).
import { flash, type Ctx, type Handler } from '../../kernel/http.tsx';
import type { Ctx as SvcCtx } from './assessment.service.ts';
import type { LkeSuggestionSource } from './lke.suggest.ts';
import { suggestionsFor, worksheetIn, worksheetModel, type Found, type Loaded } from './worksheet.queries.ts';

/** What the composition root hands the LKE's routes. */
export interface LkeWiring {
  /** modules that offer suggested answers from their facts */
  sources: readonly LkeSuggestionSource[];
}

export function svc(c: Ctx): SvcCtx {
  return { db: c.var.deps.db, actor: c.var.actor!, emailEnabled: c.var.deps.emailEnabled };
}

export function wantsJson(c: Ctx): boolean {
  return (c.req.header('accept') ?? '').includes('application/json');
}

/** The worksheet of the path's :id in the actor's scope (404 otherwise). */
export function worksheetOf(c: Ctx): Promise<Found> {
  return worksheetIn(c.var.deps.db, c.var.scope!, c.req.param('id') ?? '');
}

/** The page model of the path's worksheet. */
export function modelOf(c: Ctx): Promise<Loaded> {
  return worksheetModel(c.var.deps.db, c.var.scope!, c.var.actor, c.req.param('id') ?? '');
}

/** The suggested answers of the worksheet (facts in Indonesian, as the TPI reads them). */
export function suggestionsOf(c: Ctx, w: LkeWiring, l: Loaded) {
  return suggestionsFor(c.var.deps.db, w.sources, l, c.var.deps.i18n.translator('id'));
}

/** A refusal told by a flash message on the page it goes back to. */
export function flashBack(c: Ctx, key: string, to: string): Response {
  flash(c, 'error', key);
  return c.redirect(to, 303);
}

/** Runs a check before the handler (one that must refuse before the body is read, as it did before). */
export function guarded(check: (c: Ctx) => Promise<unknown>, handler: Handler): Handler {
  return async (c) => {
    await check(c);
    return handler(c);
  };
}

/** Where an item form goes back to: a page of this worksheet, or a section/filter of its item list. */
export function safeBack(back: string | undefined, id: string, code: string, hash = ''): string {
  if (back && back.startsWith(`/lke/${id}/`) && !back.includes('//')) return `${back}${hash}`;
  if (back && /^(section=[A-Za-z0-9.]{1,12}|filter=[a-z]{1,12})$/.test(back)) return `/lke/${id}/items?${back}#i-${code.replace(/\./g, '_')}`;
  return `/lke/${id}/items/${code}${hash}`;
}

/** What could not be carried to a new worksheet or rule set travels once in the redirect's query. */
export function droppedQuery(dropped: { item: string; reason: string }[]): string {
  if (!dropped.length) return '';
  return `?dropped=${encodeURIComponent(dropped.slice(0, 150).map((d) => `${d.item}:${d.reason}`).join(','))}`;
}
