// Pakta Integritas pages: sign this year's pact, the unit's coverage, the signed pact as PDF; and
// the login prompt (a middleware the composition root mounts in the pipeline; it acts on the login redirect only).
import type { MiddlewareHandler } from 'hono';
import { pdfResponse } from '../../kernel/documents.ts';
import { findSession } from '../../kernel/auth.ts';
import { inScope } from '../../kernel/access.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import { COOKIE, currentUnitOf, flash, formOf, pageView, type Ctx, type Env, type Router } from '../../kernel/http.tsx';
import { isUuid } from '../../kernel/kernel.routes.tsx';
import { Badge, CheckboxField, Csrf, DataTable, ErrorSummary, PageHeader, SummaryList, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { findUnit, listUnits } from '../org/index.ts';
import { renderPaktaPdf } from './pakta.pdf.ts';
import { findPact, findPactOf, hasSigned, pactCoverage, pactCoverageByUnit, pactYears, personForPakta, regencyCapital, regencyName, unitOfPerson, yearIn, type PactRow } from './pakta.queries.ts';
import { signPakta } from './pakta.service.ts';
import { CURRENT_PAKTA, paktaTextOf } from './pakta.text.ts';

const crumbsHome = (v: View) => ({ href: '/', label: v.t('nav.home') });

function Statement({ v, version }: { v: View; version: string }) {
  const text = paktaTextOf(version, v.locale) ?? CURRENT_PAKTA;
  return (
    <div class="pakta-text">
      {v.locale !== 'id' ? <p class="muted">{v.t('pakta.translation_note')}</p> : null}
      <p>{text.intro}</p>
      <ol>{text.points.map((p) => <li>{p}</li>)}</ol>
      <p>{text.closing}</p>
    </div>
  );
}

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

function YearForm({ v, year, years, unitId }: { v: View; year: number; years: number[]; unitId?: string }) {
  return (
    <form method="get" action="/pakta/coverage" class="form form--inline" novalidate>
      {unitId ? <input type="hidden" name="unit" value={unitId} /> : null}
      <label for="f-year">{v.t('pakta.coverage.year')}</label>{' '}
      <select id="f-year" name="year">{years.map((yy) => <option value={String(yy)} selected={yy === year}>{yy}</option>)}</select>{' '}
      <button type="submit" class="button">{v.t('pakta.coverage.show')}</button>
    </form>
  );
}

type ScopedUnit = Awaited<ReturnType<typeof listUnits>>[number];

/** Coverage of every unit in the actor's scope for a year: the totals, then one row per unit. */
async function coverageOverview(c: Ctx, units: ScopedUnit[], year: number, years: number[]) {
  const byUnit = await pactCoverageByUnit(c.var.deps.db, units.map((u) => u.id), year);
  const rows = units.map((u) => ({ unit: u, ...(byUnit.get(u.id) ?? { signed: 0, total: 0 }) }));
  const signed = rows.reduce((s, r) => s + r.signed, 0);
  const total = rows.reduce((s, r) => s + r.total, 0);
  const pct = (a: number, b: number) => (b ? (100 * a) / b : 0);
  const v = await pageView(c);
  return c.html(
    <Layout v={v} title={v.t('pakta.coverage.title')} crumbs={[crumbsHome(v), { href: '/pakta', label: v.t('pakta.title') }, { label: v.t('pakta.coverage.title') }]}>
      <PageHeader title={v.t('pakta.coverage.title')} lead={`${v.t('pakta.coverage.all_units')} · ${year}`} />
      <YearForm v={v} year={year} years={years} />
      <div class="stats">
        <div class="stat"><span class="stat__value" data-testid="coverage">{`${v.num(signed)} / ${v.num(total)}`}</span><span class="stat__label">{v.t('pakta.coverage.signed_total')}</span></div>
        <div class="stat"><span class="stat__value">{`${v.num(pct(signed, total), 1)}%`}</span><span class="stat__label">{v.t('pakta.coverage.percent')}</span></div>
      </div>
      <DataTable v={v} caption={v.t('pakta.coverage.by_unit')} empty={v.t('pakta.coverage.no_units')} rows={rows} columns={[
        { key: 'unit', label: v.t('pakta.field.unit'), render: (r) => <a href={`/pakta/coverage?unit=${r.unit.id}&year=${year}`}>{r.unit.name}</a> },
        { key: 'signed', label: v.t('pakta.coverage.signed_total'), numeric: true, render: (r) => `${v.num(r.signed)} / ${v.num(r.total)}` },
        { key: 'percent', label: v.t('pakta.coverage.percent'), numeric: true, render: (r) => `${v.num(pct(r.signed, r.total), 1)}%` },
      ]} />
    </Layout>,
  );
}

export function registerPaktaRoutes(r: Router) {
  const signPage = async (c: Ctx, errors?: FieldErrors, status: 200 | 400 | 409 = 200) => {
    const v = await pageView(c);
    const { deps, actor } = c.var;
    const year = yearIn(deps.config.timeZone);
    const person = actor!.personId ? await personForPakta(deps.db, actor!.personId) : null;
    const pact = person ? await findPactOf(deps.db, person.id, year) : null;
    const first = c.req.query('first') === '1';
    return c.html(
      <Layout v={v} title={v.t('pakta.title')} crumbs={[crumbsHome(v), { label: v.t('pakta.title') }]}>
        <PageHeader title={v.t('pakta.heading', { year })} lead={v.t('pakta.lead')}
          actions={v.can('pakta.coverage') ? <a class="button" href="/pakta/coverage">{v.t('pakta.coverage.title')}</a> : undefined} />
        {!person ? <div class="alert alert--error" role="alert">{v.t('pakta.error.no_person')}</div> : pact ? (<>
          <div class="alert alert--success" role="status">{v.t('pakta.signed_on', { date: v.dateTime(pact.signedAt) })}</div>
          <p><a class="button button--primary" href={`/pakta/${pact.id}.pdf`}>{v.t('pakta.print')}</a></p>
          <Statement v={v} version={pact.textVersion} />
        </>) : (<>
          {first ? <div class="alert alert--warning" role="status">{v.t('pakta.prompt')}</div> : null}
          <ErrorSummary v={v} errors={errors} labels={{ confirm: v.t('pakta.confirm') }} />
          <SummaryList rows={[
            [v.t('pakta.field.name'), person.name],
            ['NIP', person.nip],
            [v.t('pakta.field.position'), person.position],
            [v.t('pakta.field.unit'), person.unitName],
          ]} />
          <Statement v={v} version={CURRENT_PAKTA.version} />
          <form method="post" action="/pakta/sign" class="form" novalidate>
            <Csrf v={v} />
            <CheckboxField v={v} name="confirm" label={v.t('pakta.confirm')} errors={errors} />
            <div class="form__actions">
              <button type="submit" class="button button--primary">{v.t('pakta.sign')}</button>
            </div>
          </form>
        </>)}
      </Layout>,
      status,
    );
  };

  r.get('/pakta', 'pakta.sign', (c) => signPage(c));

  r.post('/pakta/sign', 'pakta.sign', async (c) => {
    const form = await formOf(c);
    const { deps, actor } = c.var;
    try {
      await signPakta(deps.db, { accountId: actor!.accountId, label: actor!.username }, {
        personId: actor!.personId, accountId: actor!.accountId, year: yearIn(deps.config.timeZone), confirmed: form.confirm === '1',
      });
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'validation' && err.fieldErrors.confirm) return signPage(c, err.fieldErrors, 400);
      throw err;
    }
    flash(c, 'success', 'pakta.signed');
    return c.redirect('/pakta', 303);
  });

  // Without a unit named: a unit's own staff see their unit; the regency roles, and a TPI
  // evaluator for the units assigned to them, see every unit in their scope, each linking to its page.
  r.get('/pakta/coverage', 'pakta.coverage', async (c) => {
    const { deps, scope } = c.var;
    const current = yearIn(deps.config.timeZone);
    const y = Number(c.req.query('year') ?? current);
    const year = Number.isInteger(y) && y >= 2000 && y <= current + 1 ? y : current;
    const years = await pactYears(deps.db, current);
    const inScopeUnits = await listUnits(deps.db, scope!);
    const several = inScopeUnits.length > 1;
    const own = currentUnitOf(c);
    const named = c.req.query('unit');
    const unitId = named || (own && !scope!.all && inScope(scope!, own) ? own : null);
    if (!unitId) return coverageOverview(c, inScopeUnits, year, years);
    if (!isUuid(unitId) || !inScope(scope!, unitId)) throw notFound();
    const unit = await findUnit(deps.db, scope!, unitId);
    if (!unit) throw notFound();
    const cov = await pactCoverage(deps.db, unitId, year);
    const v = await pageView(c);
    const pct = cov.total ? (100 * cov.signed) / cov.total : 0;
    return c.html(
      <Layout v={v} title={v.t('pakta.coverage.title')} crumbs={[crumbsHome(v), { href: '/pakta', label: v.t('pakta.title') },
        ...(several ? [{ href: `/pakta/coverage?year=${year}`, label: v.t('pakta.coverage.all_units') }] : []), { label: v.t('pakta.coverage.title') }]}>
        <PageHeader title={v.t('pakta.coverage.title')} lead={`${unit.name} · ${year}`} />
        <YearForm v={v} year={year} years={years} unitId={unitId} />
        <div class="stats">
          <div class="stat"><span class="stat__value" data-testid="coverage">{`${v.num(cov.signed)} / ${v.num(cov.total)}`}</span><span class="stat__label">{v.t('pakta.coverage.signed_total')}</span></div>
          <div class="stat"><span class="stat__value">{`${v.num(pct, 1)}%`}</span><span class="stat__label">{v.t('pakta.coverage.percent')}</span></div>
        </div>
        <h2>{v.t('pakta.coverage.missing', { n: cov.missing.length })}</h2>
        <DataTable v={v} caption={v.t('pakta.coverage.missing', { n: cov.missing.length })} empty={v.t('pakta.coverage.none_missing')} rows={cov.missing} columns={[
          { key: 'name', label: v.t('pakta.field.name'), render: (p) => p.name },
          { key: 'position', label: v.t('pakta.field.position'), render: (p) => p.position },
        ]} />
        <h2>{v.t('pakta.coverage.signers', { n: cov.signers.length })}</h2>
        <DataTable v={v} caption={v.t('pakta.coverage.signers', { n: cov.signers.length })} empty={v.t('pakta.coverage.none_signed')} rows={cov.signers} columns={[
          { key: 'name', label: v.t('pakta.field.name'), render: (p) => <>{p.name}{p.signedUnitId !== unitId ? <> <Badge tone="info">{v.t('pakta.coverage.other_unit')}</Badge></> : null}</> },
          { key: 'position', label: v.t('pakta.field.position'), render: (p) => p.position },
          { key: 'signed', label: v.t('pakta.coverage.signed_at'), render: (p) => <a href={`/pakta/${p.pactId}.pdf`}>{v.dateTime(p.signedAt!)}</a> },
        ]} />
      </Layout>,
    );
  });

  r.get('/pakta/:file{[0-9a-f-]{36}\\.pdf}', 'pakta.sign', async (c) => {
    const id = (c.req.param('file') ?? '').slice(0, -4);
    const { deps } = c.var;
    const pact = isUuid(id) ? await findPact(deps.db, id) : null;
    if (!pact || !(await canSeePact(c, pact))) throw notFound();
    const regency = await regencyName(deps.db);
    const place = (await regencyCapital(deps.db)) ?? regency;
    const pdf = renderPaktaPdf({ pact, regency, place, timeZone: deps.config.timeZone });
    return pdfResponse(pdf, `Pakta-Integritas-${(pact.snapshot as { nip?: string }).nip ?? pact.personId}-${pact.year}.pdf`, { cacheControl: null });
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
