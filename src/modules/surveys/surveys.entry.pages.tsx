// The survey pages that take many questionnaires at once: the paper-entry grid (one row per
// respondent, every bad row named) and the CSV import with its per-row report. Each page is a
// function of the view and its model; none reads the database.
import { CheckboxField, Csrf, ErrorSummary, FileField, PageHeader, ScrollRegion } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { findInstrument } from './instruments.ts';
import { MAX_IMPORT_BYTES, type RowError } from './surveys.import.ts';
import type { PeriodRow } from './surveys.queries.ts';
import { BASE, periodLabel } from './surveys.view.tsx';

export interface EntryModel {
  p: PeriodRow;
  /** the unit's services, for the service column (none: no column) */
  services: { code: string; name: string }[];
  rowsN: number;
  /** the grid as sent */
  form: Record<string, string>;
  rowErrors: RowError[];
}

export function entryPage(v: View, { p, services, rowsN, form, rowErrors }: EntryModel) {
  const ins = findInstrument(p.instrument)!;
  const errs = new Map(rowErrors.map((e) => [e.line, e.errors]));
  const title = v.t('surveys.entry.title');
  const summary: Record<string, string> = {};
  for (const e of rowErrors) summary[`r${e.line}-${Object.keys(e.errors)[0]}`] = v.t('surveys.entry.row_error', { row: e.line, fields: Object.entries(e.errors).map(([f, k]) => `${f}: ${v.t(k)}`).join('; ') });
  return (
    <Layout v={v} title={title} crumbs={[{ href: '/', label: v.t('nav.home') }, { href: `${BASE}?unit=${p.unitId}`, label: v.t('surveys.title') }, { href: `${BASE}/${p.id}`, label: periodLabel(v.t, p) }, { label: title }]}>
      <PageHeader title={title} lead={`${v.t(`surveys.kind.${p.kind}`)} — ${periodLabel(v.t, p)}`} />
      <section class="card">
        <p>{v.t('surveys.entry.lead', { min: ins.scale.min, max: ins.scale.max })}</p>
        <p class="muted">{v.t('surveys.entry.all_or_nothing')}</p>
        <ErrorSummary v={v} texts={summary} />
        <form method="post" action={`${BASE}/${p.id}/entri`} novalidate>
          <Csrf v={v} />
          <input type="hidden" name="rows" value={String(rowsN)} />
          <ScrollRegion label={title}><table class="table entry-grid">
            <caption class="visually-hidden">{title}</caption>
            <thead><tr><th scope="col">#</th>{services.length ? <th scope="col">{v.t('surveys.col.service')}</th> : null}
              {ins.items.map((i) => <th scope="col" title={i.name[v.locale]}>{i.code}</th>)}
              {ins.profile.map((f) => <th scope="col">{f.label[v.locale]}</th>)}<th scope="col">{v.t('surveys.col.suggestion')}</th></tr></thead>
            <tbody>{Array.from({ length: rowsN }, (_, k) => {
              const row = k + 1;
              const e = errs.get(row) ?? {};
              const val = (f: string) => form[`r${row}_${f}`] ?? '';
              return <tr class={Object.keys(e).length ? 'row--error' : undefined}>
                <th scope="row">{row}</th>
                {services.length ? <td data-label={v.t('surveys.col.service')}><select class="input input--grid" name={`r${row}_service`} aria-label={v.t('surveys.entry.cell', { row, field: v.t('surveys.col.service') })}>
                  <option value="">—</option>{services.map((s) => <option value={s.code} selected={val('service') === s.code}>{s.name}</option>)}</select></td> : null}
                {ins.items.map((i) => <td data-label={i.code}><input class={e[i.code] ? 'input input--grid input--error' : 'input input--grid'} name={`r${row}_${i.code}`} id={`f-r${row}-${i.code}`} value={val(i.code)} inputmode="numeric" maxlength={1} size={1}
                  aria-label={v.t('surveys.entry.cell', { row, field: `${i.code} ${i.name[v.locale]}` })} aria-invalid={e[i.code] ? 'true' : undefined} /></td>)}
                {ins.profile.map((f) => <td data-label={f.label[v.locale]}><select class={e[f.field] ? 'input input--grid input--error' : 'input input--grid'} name={`r${row}_${f.field}`} aria-label={v.t('surveys.entry.cell', { row, field: f.label[v.locale] })}>
                  <option value="">—</option>{f.options.map((o) => <option value={o.code} selected={val(f.field) === o.code}>{o.label[v.locale]}</option>)}</select></td>)}
                <td data-label={v.t('surveys.col.suggestion')}><input class="input input--grid input--wide" name={`r${row}_suggestion`} value={val('suggestion')} maxlength={2000} aria-label={v.t('surveys.entry.cell', { row, field: v.t('surveys.col.suggestion') })} /></td>
              </tr>;
            })}</tbody>
          </table></ScrollRegion>
          <div class="button-row">
            <button class="button button--primary" type="submit">{v.t('surveys.entry.save')}</button>
            <a class="button button--secondary" href={`${BASE}/${p.id}/entri?baris=${Math.min(rowsN + 10, 50)}`}>{v.t('surveys.entry.more_rows')}</a>
          </div>
        </form>
      </section>
    </Layout>
  );
}

export interface ImportReport { fileError?: string; params?: Record<string, string | number>; errors?: RowError[]; inserted?: number; partial?: boolean }

export function importPage(v: View, { p, report }: { p: PeriodRow; report: ImportReport | null }) {
  const ins = findInstrument(p.instrument)!;
  const title = v.t('surveys.import.title');
  const cols = [...ins.items.map((i) => i.code), 'sex', 'age', 'education', 'occupation', 'service', 'suggestion'];
  return (
    <Layout v={v} title={title} crumbs={[{ href: '/', label: v.t('nav.home') }, { href: `${BASE}?unit=${p.unitId}`, label: v.t('surveys.title') }, { href: `${BASE}/${p.id}`, label: periodLabel(v.t, p) }, { label: title }]}>
      <PageHeader title={title} lead={`${v.t(`surveys.kind.${p.kind}`)} — ${periodLabel(v.t, p)}`} />
      {report?.fileError ? <ErrorSummary v={v} texts={{ file: v.t(report.fileError, report.params) }} /> : null}
      {report?.errors?.length ? <section class="card" id="laporan-impor">
        <div class="error-summary" role="alert" tabindex={-1} data-focus>
          <h2 class="error-summary__title">{report.inserted ? v.t('surveys.import.partial_done', { n: v.num(report.inserted), bad: v.num(report.errors.length) }) : v.t('surveys.import.rejected', { bad: v.num(report.errors.length) })}</h2>
        </div>
        <ScrollRegion label={v.t('surveys.import.report')}><table class="table">
          <caption>{v.t('surveys.import.report')}</caption>
          <thead><tr><th scope="col" class="num">{v.t('surveys.import.line')}</th><th scope="col">{v.t('surveys.import.column')}</th><th scope="col">{v.t('surveys.import.problem')}</th></tr></thead>
          <tbody>{report.errors.slice(0, 500).flatMap((e) => Object.entries(e.errors).map(([f, k]) => <tr>
            <td class="num" data-label={v.t('surveys.import.line')}>{e.line}</td><td data-label={v.t('surveys.import.column')}>{f === '_answers' ? v.t('surveys.import.all_items') : f}</td><td data-label={v.t('surveys.import.problem')}>{v.t(k)}</td></tr>))}</tbody>
        </table></ScrollRegion>
        {report.errors.length > 500 ? <p class="muted">{v.t('surveys.import.more', { n: v.num(report.errors.length - 500) })}</p> : null}
      </section> : null}
      <section class="card">
        <p>{v.t('surveys.import.lead')}</p>
        <pre class="code-sample">{cols.join(';')}{'\n'}{'4;3;2;4;3;3;4;3;3;p;30_39;s1;wirausaha;IUMK;Prosesnya cepat'}</pre>
        <ul>
          <li>{v.t('surveys.import.rule.items', { items: ins.items.map((i) => i.code).join(', '), min: ins.scale.min, max: ins.scale.max })}</li>
          <li>{v.t('surveys.import.rule.profile')}</li>
          <li>{v.t('surveys.import.rule.size', { max: `${MAX_IMPORT_BYTES / 1024 / 1024} MB` })}</li>
          <li>{v.t('surveys.import.rule.all_or_nothing')}</li>
        </ul>
        <form method="post" action={`${BASE}/${p.id}/impor`} enctype="multipart/form-data" novalidate>
          <Csrf v={v} />
          <FileField v={v} name="file" label={v.t('surveys.import.file')} accept=".csv,text/csv" required errors={report?.fileError ? { file: report.fileError } : undefined} errorParams={report?.params} />
          <CheckboxField v={v} name="partial" label={v.t('surveys.import.partial')} checked={!!report?.partial} />
          <button class="button button--primary" type="submit">{v.t('surveys.import.submit')}</button>
        </form>
      </section>
    </Layout>
  );
}
