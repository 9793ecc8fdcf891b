// The risk map of a unit's main functions for a year (read by the records roles, kept by managers)
// and the edit form of one risk. Functions of the view and their models; no database here.
import { Badge, Csrf, DataTable, ErrorSummary, PageHeader, TextField, capValue, withQuery } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import type { MapFunction, RiskForEdit } from './coi.queries.ts';
import { BASE, crumbsFor, errorTexts, levelTone, ManagerTabs, q, RiskFields, WhereForm, type Shown, type Where } from './coi.ui.tsx';

export interface MapModel {
  w: Where;
  map: MapFunction[];
  /** the reader keeps the map (coi.manage) */
  manage: boolean;
  /** a refused form: a risk's (its function named in form.functionId) or else the new function's */
  shown: Shown;
}

export function MapPage(v: View, m: MapModel) {
  const { w, map, manage } = m;
  const { form, errors } = m.shown;
  const failedFn = form.functionId ?? '';
  return (
    <Layout v={v} title={v.t('coi.map.title')} crumbs={crumbsFor(v, v.t('coi.map.title'))}>
      <PageHeader title={v.t('coi.map.title')} lead={v.t('coi.map.lead', { unit: w.unitName, year: w.year })} />
      <ManagerTabs v={v} w={w} current="peta" />
      <WhereForm v={v} w={w} path={`${BASE}/peta`} />
      <ErrorSummary v={v} texts={errorTexts(v, errors)} />
      {map.length === 0 ? <p class="muted">{v.t('coi.map.empty')}</p> : null}
      {map.map((f) => (
        <section class="card" data-function={f.id}>
          <h2>{f.name} {f.risks.length ? <Badge tone="success">{v.t('coi.map.risks_n', { n: v.num(f.risks.length) })}</Badge> : <Badge tone="warning">{v.t('coi.map.no_risks')}</Badge>}</h2>
          {f.risks.length ? (
            <DataTable v={v} caption={v.t('coi.map.risks_of', { name: f.name })} empty="" rows={f.risks} columns={[
              { key: 'source', label: v.t('coi.field.source'), render: (r) => v.t(`coi.source.${r.source}`) },
              { key: 'form', label: v.t('coi.field.form'), render: (r) => r.form },
              { key: 'positions', label: v.t('coi.field.positions'), render: (r) => r.positions },
              { key: 'level', label: v.t('coi.field.level'), render: (r) => <Badge tone={levelTone(r.level)}>{v.t(`coi.level.${r.level}`)} ({r.likelihood}×{r.impact})</Badge> },
              { key: 'controls', label: v.t('coi.field.controls'), render: (r) => r.controls ?? '—' },
              { key: 'mitigation', label: v.t('coi.field.mitigation_plan'), render: (r) => r.mitigation ?? '—' },
              ...(manage ? [{ key: 'x', label: v.t('coi.actions'), render: (r: { id: string }) => (<>
                <a href={withQuery(`${BASE}/peta/risiko/${r.id}`, q(w))}>{v.t('coi.map.edit_risk')}</a>
                <form method="post" action={withQuery(`${BASE}/peta/risiko/${r.id}/hapus`, q(w))} novalidate><Csrf v={v} /><button class="linkbutton" type="submit">{v.t('coi.remove')}</button></form>
              </>) }] : []),
            ]} />
          ) : null}
          {manage ? (
            <details open={failedFn === f.id ? true : undefined}>
              <summary>{v.t('coi.map.add_risk')}</summary>
              <form method="post" action={withQuery(`${BASE}/peta/fungsi/${f.id}/risiko`, q(w))} class="form" novalidate>
                <Csrf v={v} />
                <RiskFields v={v} errors={failedFn === f.id ? errors : {}} form={failedFn === f.id ? form : {}} />
                <button class="button button--primary" type="submit">{v.t('coi.map.save_risk')}</button>
              </form>
              {f.risks.length === 0 ? (
                <form method="post" action={withQuery(`${BASE}/peta/fungsi/${f.id}/hapus`, q(w))} class="form" novalidate><Csrf v={v} /><button class="linkbutton" type="submit">{v.t('coi.map.remove_function')}</button></form>
              ) : null}
            </details>
          ) : null}
        </section>
      ))}
      {manage ? (
        <section class="card">
          <h2>{v.t('coi.map.add_function')}</h2>
          <form method="post" action={withQuery(`${BASE}/peta/fungsi`, q(w))} class="form" novalidate>
            <Csrf v={v} />
            <TextField v={v} name="name" label={v.t('coi.field.function')} hint={v.t('coi.map.function_hint')} required value={failedFn ? '' : form.name} errors={failedFn ? {} : errors} maxlength={200} />
            <button class="button button--primary" type="submit">{v.t('coi.map.add_function')}</button>
          </form>
          <form method="post" action={withQuery(`${BASE}/peta/layanan`, q(w))} class="form" novalidate>
            <Csrf v={v} />
            <p class="muted">{v.t('coi.map.from_services_hint')}</p>
            <button class="button button--secondary" type="submit">{v.t('coi.map.from_services')}</button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

export interface RiskModel {
  risk: RiskForEdit;
  /** the values in the fields: the risk's own, or what a refused edit sent */
  values: Record<string, string | null>;
  errors: Shown['errors'];
}

export function RiskPage(v: View, m: RiskModel) {
  const { risk, values, errors } = m;
  const w = { unitId: risk.unitId, year: risk.year };
  const title = v.t('coi.map.edit_title');
  return (
    <Layout v={v} title={title} crumbs={[{ href: BASE, label: v.t('coi.title') }, { href: withQuery(`${BASE}/peta`, q(w)), label: v.t('coi.map.title') }, { label: title }]}>
      <PageHeader title={title} lead={risk.functionName} />
      <ErrorSummary v={v} texts={errorTexts(v, errors)} />
      <form method="post" action={withQuery(`${BASE}/peta/risiko/${risk.id}`, q(w))} class="form card" novalidate>
        <Csrf v={v} />
        <input type="hidden" name="revision" value={capValue(values.revision, 40)} />
        <RiskFields v={v} errors={errors} form={values} />
        <div class="form__actions button-row">
          <button class="button button--primary" type="submit">{v.t('coi.map.save_risk')}</button>
          <a class="button button--secondary" href={withQuery(`${BASE}/peta`, q(w))}>{v.t('ui.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}
