// The Pakta Integritas pages: the signing page, the coverage of all units in scope and of one unit.
// Functions of (view, model[, refusal]); the models are loaded in pakta.queries.ts.
import type { Refusal } from '../../kernel/forms.ts';
import { Badge, CheckboxField, Csrf, DataTable, ErrorSummary, PageHeader, SummaryList } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import type { Coverage, PactRow, UnitCoverage } from './pakta.queries.ts';
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

export interface SignModel {
  person: { name: string; nip: string; position: string; unitName: string } | null;
  pact: PactRow | null;
  first: boolean;
  year: number;
}

export function SignPage(v: View, m: SignModel, refused?: Refusal) {
  const { person, pact, first } = m;
  const errors = refused?.errors;
  const year = m.year;
  return (
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
      </Layout>
  );
}

export interface OverviewModel { units: { id: string; name: string }[]; byUnit: Map<string, UnitCoverage>; year: number; years: number[] }

/** Coverage of every unit in the actor's scope for a year: the totals, then one row per unit. */
export function CoverageOverviewPage(v: View, m: OverviewModel) {
  const { year, years } = m;
  const rows = m.units.map((u) => ({ unit: u, ...(m.byUnit.get(u.id) ?? { signed: 0, total: 0 }) }));
  const signed = rows.reduce((s, r) => s + r.signed, 0);
  const total = rows.reduce((s, r) => s + r.total, 0);
  const pct = (a: number, b: number) => (b ? (100 * a) / b : 0);
  return (
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
    </Layout>
  );
}

export interface UnitCoverageModel { unit: { id: string; name: string }; cov: Coverage; year: number; years: number[]; several: boolean }

/** Coverage of one unit for a year: the totals, who has not signed, who has. */
export function UnitCoveragePage(v: View, m: UnitCoverageModel) {
  const { unit, cov, year, years, several } = m;
  const unitId = unit.id;
  const pct = cov.total ? (100 * cov.signed) / cov.total : 0;
  return (
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
      </Layout>
  );
}
