// The complaints module's pages about many complaints at once: the SP4N-LAPOR! import (the column
// mapping as data, every bad row listed) and the statistics of a period with the A.II.5.ii counts.
// Each page is a function of the view and its model; none reads the database.
import { Badge, Csrf, DataTable, ErrorSummary, FileField, PageHeader, SelectField, SummaryList, UnitPicker, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { LAPOR_COLUMNS, MAX_IMPORT_BYTES, type ImportResult } from './complaints.import.ts';
import type { StatsPageModel } from './complaints.queries.ts';
import { CATEGORIES, CHANNELS, STATES, periodsOfYear } from './complaints.rules.ts';
import { BASE, byName } from './complaints.view.tsx';

export interface ImportModel {
  units: { id: string; name: string }[];
  result: ImportResult | null;
  errors: FieldErrors;
  params: Record<string, string | number>;
}

export function importPage(v: View, { units, result, errors, params }: ImportModel) {
  return (
    <Layout v={v} title={v.t('complaints.import.title')} crumbs={[{ href: BASE, label: v.t('complaints.list.title') }, { label: v.t('complaints.import.title') }]}>
      <PageHeader title={v.t('complaints.import.title')} lead={v.t('complaints.import.lead', { max: MAX_IMPORT_BYTES / (1024 * 1024) })} />
      {Object.keys(errors).length ? <ErrorSummary v={v} texts={Object.fromEntries(Object.entries(errors).map(([k, key]) => [k, v.t(key, params)]))} /> : null}
      {result ? (
        <section class="card" data-import-result>
          <h2>{result.errors.length ? v.t('complaints.import.failed') : v.t('complaints.import.done')}</h2>
          <p>{v.t('complaints.import.summary', { rows: result.rows, imported: result.imported, duplicates: result.duplicates, errors: result.errors.length })}</p>
          {result.errors.length ? (
            <DataTable v={v} caption={v.t('complaints.import.errors')} empty="" rows={result.errors.slice(0, 200)} columns={[
              { key: 'row', label: v.t('complaints.import.row'), numeric: true, render: (e) => String(e.row) },
              { key: 'field', label: v.t('complaints.import.column'), render: (e) => LAPOR_COLUMNS.find((x) => x.field === e.field)?.headers[0] ?? e.field },
              { key: 'code', label: v.t('complaints.import.problem'), render: (e) => v.t(e.code) },
            ]} />
          ) : null}
        </section>
      ) : null}
      <form method="post" action="/pengaduan/impor" enctype="multipart/form-data" class="form card" novalidate>
        <Csrf v={v} />
        <UnitPicker v={v} name="unitId" label={v.t('complaints.field.unit')} required value={units[0]?.id} units={byName(units)} />
        <FileField v={v} name="file" label={v.t('complaints.import.file')} required accept=".csv,.xlsx" errors={errors} />
        <button class="button button--primary" type="submit">{v.t('complaints.import.submit')}</button>
      </form>
      <section class="card">
        <h2>{v.t('complaints.import.mapping')}</h2>
        <p class="muted">{v.t('complaints.import.mapping_lead')}</p>
        <DataTable v={v} caption={v.t('complaints.import.mapping')} empty="" rows={LAPOR_COLUMNS} columns={[
          { key: 'field', label: v.t('complaints.import.field'), render: (m) => <>{v.t(`complaints.import.f.${m.field}`)}{m.required ? <> <Badge tone="warning">{v.t('complaints.import.required')}</Badge></> : null}</> },
          { key: 'headers', label: v.t('complaints.import.headers'), render: (m) => m.headers.join(' · ') },
        ]} />
      </section>
    </Layout>
  );
}

export function statsPage(v: View, m: StatsPageModel) {
  const { stats: s, unitId, period, year } = m;
  const periods = [...periodsOfYear(year), ...periodsOfYear(year - 1)];
  const pct = (n: number | null) => (n === null ? '—' : `${v.num(n, 1)} %`);
  const days = (n: number | null) => (n === null ? '—' : v.t('complaints.stats.days', { n: v.num(n, 1) }));
  return (
    <Layout v={v} title={v.t('complaints.stats.title')} crumbs={[...(v.can('complaints.view') ? [{ href: BASE, label: v.t('complaints.list.title') }] : []), { label: v.t('complaints.stats.title') }]}>
      <PageHeader title={v.t('complaints.stats.title')} lead={v.t('complaints.stats.lead')} />
      <form method="get" action="/pengaduan/statistik" class="form form--inline card" novalidate>
        <UnitPicker v={v} name="unit" label={v.t('complaints.field.unit')} required={!m.all} value={unitId ?? ''} placeholder={m.all ? v.t('complaints.all_units') : undefined} units={byName(m.units)} />
        <SelectField v={v} name="period" label={v.t('complaints.stats.period')} required value={period.code} options={periods.map((p) => ({ value: p.code, label: v.t(`complaints.period.${p.kind}`, { code: p.code }) }))} />
        <button class="button button--secondary" type="submit">{v.t('complaints.show')}</button>
      </form>
      <div class="stats">
        {([
          ['total', v.num(s.total)], ['overdue', v.num(s.overdue)], ['sla', pct(s.slaMetPct)],
          ['first_response', days(s.medianFirstResponse)], ['closure', days(s.medianClosure)],
          ['satisfaction', s.satisfaction.mean === null ? '—' : `${v.num(s.satisfaction.mean, 1)} / 5`],
        ] as [string, string][]).map(([k, val]) => <div class="stat" data-stat={k}><span class="stat__value">{val}</span><span class="stat__label">{v.t(`complaints.stats.${k}`)}</span></div>)}
      </div>
      <section class="card" data-lke>
        <h2>{v.t('complaints.stats.lke')}</h2>
        <p class="muted">{v.t('complaints.stats.lke_lead')}</p>
        <SummaryList rows={[
          [v.t('complaints.stats.lke.to_follow_up'), v.num(s.lke.toFollowUp)],
          [v.t('complaints.stats.lke.in_process'), v.num(s.lke.inProcess)],
          [v.t('complaints.stats.lke.completed'), v.num(s.lke.completed)],
        ]} />
      </section>
      {(['category', 'channel', 'state'] as const).map((dim) => {
        const counts = dim === 'category' ? s.byCategory : dim === 'channel' ? s.byChannel : s.byState;
        const keys = dim === 'category' ? CATEGORIES : dim === 'channel' ? CHANNELS : [...STATES];
        return (
          <section class="card">
            <h2>{v.t(`complaints.stats.by_${dim}`)}</h2>
            <DataTable v={v} caption={v.t(`complaints.stats.by_${dim}`)} empty="" rows={keys.map((k) => ({ k, n: counts[k] ?? 0 }))} columns={[
              { key: 'k', label: v.t(`complaints.field.${dim === 'state' ? 'status' : dim}`), render: (x) => v.t(`complaints.${dim}.${x.k}`) },
              { key: 'n', label: v.t('complaints.stats.count'), numeric: true, render: (x) => v.num(x.n) },
            ]} />
          </section>
        );
      })}
      {unitId ? <p><a class="button" href={`/pengaduan/statistik/laporan.pdf?unit=${unitId}&period=${period.code}`}>{v.t('complaints.stats.pdf')}</a></p> : <p class="muted">{v.t('complaints.stats.pdf_pick_unit')}</p>}
    </Layout>
  );
}
