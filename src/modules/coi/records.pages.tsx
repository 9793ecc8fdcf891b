// The unit's socialisation records and evaluations (with their recommendations) for a year: read by
// the records roles, kept by managers, each record with its evidence. Functions of the view and
// their models; no database here.
import { Badge, CheckboxGroup, Csrf, DataTable, DateField, ErrorSummary, PageHeader, SelectField, SummaryList, TextField, withQuery } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { EvidenceFields, EvidenceList } from '../evidence/index.ts';
import type { EvaluationModel, SocialisationModel } from './coi.queries.ts';
import { COI_RULES, LIMITS, REC_STATUSES, SOCIALISATION_KINDS } from './coi.rules.ts';
import { BASE, crumbsFor, errorTexts, ManagerTabs, q, recTone, TextArea, WhereForm, type Shown, type Where } from './coi.ui.tsx';

// ---- socialisation -----------------------------------------------------------------------------------

export interface SocialisationPageModel extends SocialisationModel {
  w: Where;
  /** the reader keeps the records (coi.manage) */
  manage: boolean;
  shown: Shown;
  /** the functions ticked in a refused form */
  checked: string[];
}

export function SocialisationPage(v: View, m: SocialisationPageModel) {
  const { w, list, functions: fns, library, manage, checked } = m;
  const { form, errors, params } = m.shown;
  const fnName = new Map(fns.map((f) => [f.id, f.name]));
  return (
    <Layout v={v} title={v.t('coi.soc.title')} crumbs={crumbsFor(v, v.t('coi.soc.title'))}>
      <PageHeader title={v.t('coi.soc.title')} lead={v.t('coi.soc.lead', { unit: w.unitName, year: w.year })} />
      <ManagerTabs v={v} w={w} current="sosialisasi" />
      <WhereForm v={v} w={w} path={`${BASE}/sosialisasi`} />
      <ErrorSummary v={v} texts={errorTexts(v, errors, params)} />
      <section class="card">
        <h2>{v.t('coi.soc.list')}</h2>
        <DataTable v={v} caption={v.t('coi.soc.list')} empty={v.t('coi.soc.empty')} rows={list} columns={[
          { key: 'date', label: v.t('coi.field.held_on'), render: (s) => v.date(s.heldOn) },
          { key: 'title', label: v.t('coi.field.title'), render: (s) => <>{s.title}{s.note ? <div class="muted">{s.note}</div> : null}</> },
          { key: 'kind', label: v.t('coi.field.kind'), render: (s) => v.t(`coi.soc_kind.${s.kind}`) },
          { key: 'n', label: v.t('coi.field.participants'), numeric: true, render: (s) => v.num(s.participants) },
          { key: 'fns', label: v.t('coi.field.functions'), render: (s) => s.functionIds.map((id) => fnName.get(id)).filter(Boolean).join('; ') },
          { key: 'ev', label: v.t('coi.evidence.legend'), render: (s) => <EvidenceList v={v} items={s.evidence} empty={v.t('coi.evidence.none')} /> },
          ...(manage ? [{ key: 'x', label: v.t('coi.actions'), render: (s: { id: string }) => (
            <form method="post" action={withQuery(`${BASE}/sosialisasi/${s.id}/hapus`, q(w))} novalidate><Csrf v={v} /><button class="linkbutton" type="submit">{v.t('coi.remove')}</button></form>) }] : []),
        ]} />
      </section>
      {manage ? (
        <section class="card">
          <h2>{v.t('coi.soc.add')}</h2>
          {fns.length === 0 ? <p class="muted">{v.t('coi.soc.no_functions')} <a href={withQuery(`${BASE}/peta`, q(w))}>{v.t('coi.tab.map')}</a></p> : (
            <form method="post" action={withQuery(`${BASE}/sosialisasi`, q(w))} enctype="multipart/form-data" class="form" novalidate>
              <Csrf v={v} />
              <DateField v={v} name="heldOn" label={v.t('coi.field.held_on')} required value={form.heldOn} errors={errors} />
              <TextField v={v} name="title" label={v.t('coi.field.title')} required value={form.title} errors={errors} maxlength={200} />
              <SelectField v={v} name="kind" label={v.t('coi.field.kind')} required value={form.kind} errors={errors} placeholder={v.t('coi.choose')} options={SOCIALISATION_KINDS.map((k) => ({ value: k, label: v.t(`coi.soc_kind.${k}`) }))} />
              <TextField v={v} name="participants" type="number" inputmode="numeric" label={v.t('coi.field.participants')} required value={form.participants} errors={errors} width="short" />
              <CheckboxGroup v={v} name="functionIds" legend={v.t('coi.field.functions_covered')} required value={checked} errors={errors}
                choices={fns.map((f) => ({ value: f.id, label: f.name }))} />
              <TextArea v={v} name="note" label={v.t('coi.field.note')} errors={errors} value={form.note} required={false} />
              <EvidenceFields v={v} errors={errors} params={params} library={library} />
              <button class="button button--primary" type="submit">{v.t('coi.save')}</button>
            </form>
          )}
        </section>
      ) : null}
    </Layout>
  );
}

// ---- evaluation --------------------------------------------------------------------------------------

export interface EvaluationPageModel extends EvaluationModel {
  w: Where;
  /** the reader keeps the records (coi.manage) */
  manage: boolean;
  shown: Shown;
  /** the recommendation whose update was refused ('' : the refusal is the new evaluation's) */
  failedRec: string;
}

export function EvaluationPage(v: View, m: EvaluationPageModel) {
  const { w, evaluations: evs, library, manage, failedRec } = m;
  const { form, errors, params } = m.shown;
  return (
    <Layout v={v} title={v.t('coi.eval.title')} crumbs={crumbsFor(v, v.t('coi.eval.title'))}>
      <PageHeader title={v.t('coi.eval.title')} lead={v.t('coi.eval.lead', { unit: w.unitName, year: w.year, n: COI_RULES.evaluation.periodicAtLeastPerYear })} />
      <ManagerTabs v={v} w={w} current="evaluasi" />
      <WhereForm v={v} w={w} path={`${BASE}/evaluasi`} />
      <ErrorSummary v={v} texts={errorTexts(v, errors, params)} />
      {evs.length === 0 ? <p class="muted">{v.t('coi.eval.empty')}</p> : null}
      {evs.map((e) => (
        <section class="card" data-evaluation={e.id}>
          <h2>{v.t('coi.eval.of', { date: v.date(e.heldOn) })}</h2>
          {manage ? <form method="post" action={withQuery(`${BASE}/evaluasi/${e.id}/hapus`, q(w))} novalidate><Csrf v={v} /><button class="linkbutton" type="submit">{v.t('coi.eval.remove')}</button></form> : null}
          <SummaryList rows={[[v.t('coi.field.period'), `${v.date(e.periodFrom)} – ${v.date(e.periodTo)}`], [v.t('coi.field.findings'), <span class="prewrap">{e.findings}</span>]]} />
          <h3>{v.t('coi.field.recommendations')}</h3>
          {e.recommendations.length === 0 ? <p class="muted">{v.t('coi.eval.no_recs')}</p> : (
            <ol>
              {e.recommendations.map((rec) => {
                // the refused update shows what was sent; every other recommendation its current values
                const er = failedRec === rec.id ? errors : {};
                const fv = failedRec === rec.id ? form : { status: rec.status, doneOn: rec.doneOn ?? '', note: rec.note ?? '' };
                return (
                  <li data-recommendation={rec.id}>
                    <p>{rec.text} <Badge tone={recTone(rec.status)}>{v.t(`coi.rec_status.${rec.status}`)}</Badge>{rec.doneOn ? <span class="muted"> · {v.date(rec.doneOn)}</span> : null}</p>
                    {rec.note ? <p class="muted">{rec.note}</p> : null}
                    <EvidenceList v={v} items={rec.evidence} empty={v.t('coi.evidence.none')} />
                    {manage ? (
                      <details open={failedRec === rec.id ? true : undefined}>
                        <summary>{v.t('coi.eval.update')}</summary>
                        <form method="post" action={withQuery(`${BASE}/rekomendasi/${rec.id}`, q(w))} enctype="multipart/form-data" class="form" novalidate>
                          <Csrf v={v} />
                          <SelectField v={v} name="status" label={v.t('coi.field.status')} required value={fv.status} errors={er} options={REC_STATUSES.map((s) => ({ value: s, label: v.t(`coi.rec_status.${s}`) }))} />
                          <DateField v={v} name="doneOn" label={v.t('coi.field.done_on')} hint={v.t('coi.eval.done_hint')} value={fv.doneOn} errors={er} />
                          <TextArea v={v} name="note" label={v.t('coi.field.note')} errors={er} value={fv.note} required={false} />
                          <EvidenceFields v={v} errors={er} params={params} library={library} />
                          <button class="button button--primary" type="submit">{v.t('coi.save')}</button>
                        </form>
                      </details>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      ))}
      {manage ? <NewEvaluation v={v} w={w} shown={failedRec ? { form: {}, errors: {}, params: {} } : m.shown} /> : null}
    </Layout>
  );
}

function NewEvaluation({ v, w, shown }: { v: View; w: Where; shown: Shown }) {
  const { form: fv, errors: er } = shown;
  return (
    <section class="card">
      <h2>{v.t('coi.eval.add')}</h2>
      <form method="post" action={withQuery(`${BASE}/evaluasi`, q(w))} class="form" novalidate>
        <Csrf v={v} />
        <DateField v={v} name="heldOn" label={v.t('coi.field.held_on')} required value={fv.heldOn} errors={er} />
        <DateField v={v} name="periodFrom" label={v.t('coi.field.period_from')} required value={fv.periodFrom} errors={er} />
        <DateField v={v} name="periodTo" label={v.t('coi.field.period_to')} required value={fv.periodTo} errors={er} />
        <TextArea v={v} name="findings" label={v.t('coi.field.findings')} errors={er} value={fv.findings} rows={4} max={LIMITS.text} />
        <TextArea v={v} name="recommendations" label={v.t('coi.field.recommendations')} hint={v.t('coi.eval.recs_hint')} errors={er} value={fv.recommendations} rows={4} required={false} max={30000} />
        <button class="button button--primary" type="submit">{v.t('coi.save')}</button>
      </form>
    </section>
  );
}
