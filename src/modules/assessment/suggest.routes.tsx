// Routes of the suggested answers: the worksheet's list, accepting one on its item, accepting every
// open one. A refusal is said by a flash message on the page the form came from.
import { notFound, conflict } from '../../kernel/errors.ts';
import { formAction } from '../../kernel/forms.ts';
import { pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { flashBack, modelOf, safeBack, suggestionsOf, svc, type LkeWiring } from './lke.http.ts';
import { indexOf } from './lke.rules.ts';
import { acceptOpenSuggestions, acceptSuggestion } from './lke.suggest.ts';
import { suggestionsPage } from './suggest.pages.tsx';
import { SUBJECT } from './worksheet.queries.ts';

const ID = ':id{[0-9a-f-]{36}}';

/** A stale revision reads, on these pages, as "the suggestion or the answer changed meanwhile". */
const refusalKey = (code: string) => (code === 'lke.answer.stale' ? 'lke.suggest.stale' : code);

export function registerSuggestRoutes(r: Router, w: LkeWiring) {
  r.get(`/lke/${ID}/saran`, 'lke.view', async (c) => {
    const v = await pageView(c);
    const l = await modelOf(c);
    return c.html(suggestionsPage(v, { l, found: await suggestionsOf(c, w, l) }));
  });

  const backOf = (c: Ctx, form: Record<string, string>) => safeBack(form.back, c.req.param('id')!, c.req.param('code')!);

  r.post(`/lke/${ID}/items/:code{[A-Za-z0-9.]{1,24}}/suggestion`, 'lke.answer', formAction({
    run: async (c, form) => {
      const l = await modelOf(c);
      const code = c.req.param('code')!;
      if (!indexOf(l.rs).items.get(code)) throw notFound();
      const s = (await suggestionsOf(c, w, l)).get(code);
      if (!s) throw conflict('lke.suggest.gone');
      const { attached } = await acceptSuggestion(svc(c), c.var.scope!, c.var.deps.files, c.var.deps.i18n.translator('id'), { worksheetId: l.f.w.id, code, rev: form.rev ?? '' }, s, SUBJECT);
      return { to: backOf(c, form), flash: attached ? 'lke.suggest.accepted_with_evidence' : 'lke.suggest.accepted' };
    },
    page: (c, refused) => flashBack(c, refusalKey(refused.error.code), backOf(c, refused.form)),
  }));

  // every suggestion with an answer, on items the unit has not answered and the actor may write
  r.post(`/lke/${ID}/saran`, 'lke.answer', formAction({
    run: async (c, form) => {
      const l = await modelOf(c);
      const n = await acceptOpenSuggestions(svc(c), c.var.scope!, c.var.deps.files, c.var.deps.i18n.translator('id'), l, form.version, await suggestionsOf(c, w, l), SUBJECT);
      return { to: `/lke/${l.f.w.id}/saran`, flash: n ? 'lke.suggest.accepted_all' : 'lke.suggest.nothing' };
    },
    page: (c, refused) => flashBack(c, refusalKey(refused.error.code), `/lke/${c.req.param('id')}/saran`),
  }));
}
