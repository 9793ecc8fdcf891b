// Pakta Integritas pages: sign this year's pact, the unit's coverage, the signed pact as PDF; and
// the login prompt (a middleware the composition root mounts in the pipeline; it acts on the login redirect only).
import type { MiddlewareHandler } from 'hono';
import { pdfResponse } from '../../kernel/documents.ts';
import { findSession } from '../../kernel/auth.ts';
import { inScope } from '../../kernel/access.ts';
import { notFound } from '../../kernel/errors.ts';
import { formAction, type Refusal } from '../../kernel/forms.ts';
import { COOKIE, currentUnitOf, pageView, type Ctx, type Env, type Router } from '../../kernel/http.tsx';
import { isUuid } from '../../kernel/validate.ts';
import { findUnit, listUnits } from '../org/index.ts';
import { signForm } from './pakta.forms.ts';
import { CoverageOverviewPage, SignPage, UnitCoveragePage } from './pakta.pages.tsx';
import { renderPaktaPdf } from './pakta.pdf.ts';
import { findPact, hasSigned, pactCoverage, pactCoverageByUnit, pactPlace, pactYears, signModel, unitOfPerson, yearIn, type PactRow } from './pakta.queries.ts';
import { signPakta } from './pakta.service.ts';

/** Who may print a signed pact: the signer, and coverage viewers of the unit signed in or of the person's unit now. */
async function canSeePact(c: Ctx, pact: PactRow): Promise<boolean> {
  const { actor, deps } = c.var;
  if (!actor) return false;
  if (actor.personId === pact.personId || (pact.accountId && pact.accountId === actor.accountId)) return true;
  const scope = deps.access.scopeOf(actor, 'pakta.coverage');
  if (!scope) return false;
  if (inScope(scope, pact.unitId)) return true;
  return inScope(scope, await unitOfPerson(deps.db, pact.personId));
}

async function signPage(c: Ctx, refused?: Refusal) {
  const v = await pageView(c);
  const { deps, actor } = c.var;
  const model = await signModel(deps.db, actor!.personId ?? null, yearIn(deps.config.timeZone), c.req.query('first') === '1');
  return c.html(SignPage(v, model, refused), refused?.status ?? 200);
}

export function registerPaktaRoutes(r: Router) {
  r.get('/pakta', 'pakta.sign', (c) => signPage(c));

  // only the confirmation's refusal is shown on the form; any other refusal is the error page
  r.post('/pakta/sign', 'pakta.sign', formAction({
    input: signForm,
    shows: ['validation'],
    run: async (c, input) => {
      const { deps, actor } = c.var;
      await signPakta(deps.db, { accountId: actor!.accountId, label: actor!.username }, {
        personId: actor!.personId, accountId: actor!.accountId, year: yearIn(deps.config.timeZone), confirmed: input.confirm,
      });
      return { to: '/pakta', flash: 'pakta.signed' };
    },
    page: (c, refused) => {
      if (!refused.error.fieldErrors.confirm) throw refused.error;
      return signPage(c, refused);
    },
  }));

  // Without a unit named: a unit's own staff see their unit; the regency roles, and a TPI
  // evaluator for the units assigned to them, see every unit in their scope, each linking to its page.
  r.get('/pakta/coverage', 'pakta.coverage', async (c) => {
    const { deps, scope } = c.var;
    const current = yearIn(deps.config.timeZone);
    const y = Number(c.req.query('year') ?? current);
    const year = Number.isInteger(y) && y >= 2000 && y <= current + 1 ? y : current;
    const years = await pactYears(deps.db, current);
    const inScopeUnits = await listUnits(deps.db, scope!);
    const own = currentUnitOf(c);
    const named = c.req.query('unit');
    const unitId = named || (own && !scope!.all && inScope(scope!, own) ? own : null);
    if (!unitId) {
      const byUnit = await pactCoverageByUnit(deps.db, inScopeUnits.map((u) => u.id), year);
      return c.html(CoverageOverviewPage(await pageView(c), { units: inScopeUnits, byUnit, year, years }));
    }
    if (!isUuid(unitId) || !inScope(scope!, unitId)) throw notFound();
    const unit = await findUnit(deps.db, scope!, unitId);
    if (!unit) throw notFound();
    const cov = await pactCoverage(deps.db, unitId, year);
    return c.html(UnitCoveragePage(await pageView(c), { unit, cov, year, years, several: inScopeUnits.length > 1 }));
  });

  r.get('/pakta/:file{[0-9a-f-]{36}\\.pdf}', 'pakta.sign', async (c) => {
    const id = (c.req.param('file') ?? '').slice(0, -4);
    const { deps } = c.var;
    const pact = isUuid(id) ? await findPact(deps.db, id) : null;
    if (!pact || !(await canSeePact(c, pact))) throw notFound();
    const { regency, place } = await pactPlace(deps.db);
    const pdf = renderPaktaPdf({ pact, regency, place, timeZone: deps.config.timeZone });
    return pdfResponse(pdf, `Pakta-Integritas-${(pact.snapshot as { nip?: string }).nip ?? pact.personId}-${pact.year}.pdf`);
  });
}

/**
 * The login prompt. Signing in ends in a redirect to `/` (and a first sign-in with a one-time
 * password in the forced password change, which ends in a redirect to /account). When the person
 * behind the account has not signed this year's pact, this middleware points that redirect at
 * /pakta?first=1 instead, so the prompt comes with every login until they sign. An explicit
 * ?next= target is respected, and the home page itself is never redirected (it stays reachable).
 * A pipeline middleware rather than a route: it only rewrites the Location of the kernel's answer.
 */
export const paktaLoginPrompt: MiddlewareHandler<Env> = async (c, next) => {
  const isLogin = c.req.method === 'POST' && c.req.path === '/login';
  const isFirstPassword = c.req.method === 'POST' && c.req.path === '/account/password' && !!c.var.actor?.mustChangePassword;
  await next();
  if ((!isLogin && !isFirstPassword) || c.res.status !== 303) return;
  const location = c.res.headers.get('location');
  if (location !== (isLogin ? '/' : '/account')) return;
  const { deps } = c.var;
  let accountId = c.var.actor?.accountId ?? null;
  if (isLogin) {
    const cookie = c.res.headers.getSetCookie().find((h) => h.startsWith(`${COOKIE.session}=`));
    const token = cookie?.slice(COOKIE.session.length + 1).split(';')[0] ?? '';
    accountId = token ? (await findSession(deps.db, token))?.accountId ?? null : null;
  }
  if (!accountId) return;
  const actor = await deps.loadActor(accountId);
  if (!actor?.personId || (isLogin && actor.mustChangePassword)) return;
  if (await hasSigned(deps.db, actor.personId, yearIn(deps.config.timeZone))) return;
  c.res.headers.set('location', '/pakta?first=1');
};
