// Routes of the TPI's side: the items still without a decision (and accepting the unit's value for
// all of them), the layers side by side, the verdict and its prerequisites.
import { formAction, type Refusal } from '../../kernel/forms.ts';
import { pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { remainingInput } from './assessment.forms.ts';
import { acceptRemaining, savePrerequisites } from './assessment.service.ts';
import { flashBack, modelOf, svc, worksheetOf } from './lke.http.ts';
import { isLayer, verdictLayer } from './lke.workflow.ts';
import { remainingPage, reviewPage, verdictPage } from './review.pages.tsx';

const ID = ':id{[0-9a-f-]{36}}';

/** The items without a TPI decision; `refused`: the answer to an "evaluate" refused for want of them. */
export async function showRemaining(c: Ctx, refused = false, status: 200 | 409 = 200) {
  const v = await pageView(c);
  const l = await modelOf(c);
  return c.html(remainingPage(v, { l, refused }), status);
}

export function registerReviewRoutes(r: Router) {
  r.get(`/lke/${ID}/review/remaining`, 'lke.view', (c) => showRemaining(c));
  r.post(`/lke/${ID}/review/remaining`, 'lke.review', formAction({
    input: remainingInput,
    run: async (c, input) => {
      const f = await worksheetOf(c);
      await acceptRemaining(svc(c), c.var.scope!, { worksheetId: f.w.id, ...input });
      return { to: `/lke/${f.w.id}`, flash: 'lke.review.remaining.done' };
    },
    // an older confirmation (another count, another version) is said on the list as it is now
    page: (c, refused) => flashBack(c, refused.error.code === 'lke.worksheet.stale' ? 'lke.review.remaining.stale_post' : refused.error.code, `/lke/${c.req.param('id')}/review/remaining`),
    shows: ['conflict'],
  }));

  // ---------------------------------------------------------------- side by side
  r.get(`/lke/${ID}/review`, 'lke.view', async (c) => {
    const v = await pageView(c);
    const l = await modelOf(c);
    return c.html(reviewPage(v, { l, onlyDiff: c.req.query('only') !== 'all' }));
  });

  // ---------------------------------------------------------------- verdict
  async function showVerdict(c: Ctx, refused?: Refusal) {
    const v = await pageView(c);
    const l = await modelOf(c);
    const q = c.req.query('layer');
    const layer = isLayer(q) ? q : verdictLayer(l.state, l.hasTpn);
    return c.html(verdictPage(v, { l, layer, refused }), refused ? 400 : 200);
  }

  r.get(`/lke/${ID}/verdict`, 'lke.view', (c) => showVerdict(c));
  r.post(`/lke/${ID}/prerequisites`, 'lke.settings', formAction({
    run: async (c, form) => {
      const f = await worksheetOf(c);
      await savePrerequisites(svc(c), c.var.scope!, f.w.id, Number(form.version), form);
      return { to: `/lke/${f.w.id}/verdict`, flash: 'lke.prereq.saved' };
    },
    // a value refused: the verdict page with the error at its prerequisite; a stale page or a
    // locked worksheet: said on the verdict page as it is now
    page: (c, refused) => refused.error.kind === 'validation' ? showVerdict(c, refused) : flashBack(c, refused.error.code, `/lke/${c.req.param('id')}/verdict`),
  }));
}
