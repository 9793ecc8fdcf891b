// The unit's summary of the five LKE steps (A.I.5.v.a–e) for a year: counts for every stats role;
// for managers also who still has to declare (with the reminder and the paper statement form) and
// the register of declarations (no conflict content). A function of the view and its model.
import { Badge, Csrf, DataTable, DateField, ErrorSummary, PageHeader, RadioGroup, SelectField, TextField, withQuery } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import type { SummaryModel } from './coi.queries.ts';
import { SOURCES } from './coi.rules.ts';
import { answerTone, BASE, crumbsFor, errorTexts, FileField, ManagerTabs, q, StateBadge, TextArea, WhereForm, type Shown, type Where } from './coi.ui.tsx';

export interface SummaryPageModel extends SummaryModel {
  w: Where;
  /** the reader manages the unit's records (coi.manage): the pending list and the register */
  manager: boolean;
  shown: Shown;
}

export function SummaryPage(v: View, m: SummaryPageModel) {
  const { w, summary: s, pending, reminded, register, manager } = m;
  const { form, errors, params } = m.shown;
  const steps: [string, string, string | null, string, string][] = [
    ['map', 'a', s.answers.a, v.t('coi.summary.mapped', { n: v.num(s.mapped), total: v.num(s.functions) }), 'peta'],
    ['socialise', 'b', s.answers.b, v.t('coi.summary.socialised', { n: v.num(s.socialised), total: v.num(s.functions) }), 'sosialisasi'],
    ['implement', 'c', s.answers.c, v.t('coi.summary.implemented', { n: v.num(s.implemented), total: v.num(s.functions) }), 'ringkasan'],
    ['evaluate', 'd', s.answers.d, v.t('coi.summary.evaluations', { n: v.num(s.evaluations) }), 'evaluasi'],
    ['follow_up', 'e', s.answers.e, v.t('coi.summary.recommendations', { done: v.num(s.recommendationsDone), total: v.num(s.recommendations) }), 'evaluasi'],
  ];
  return (
    <Layout v={v} title={v.t('coi.summary.title')} crumbs={crumbsFor(v, v.t('coi.summary.title'))}>
      <PageHeader title={v.t('coi.summary.title')} lead={v.t('coi.summary.lead', { unit: w.unitName, year: w.year })}
        actions={<a class="button button--secondary" href={withQuery(`${BASE}/ringkasan/laporan.pdf`, q(w))}>{v.t('coi.summary.pdf')}</a>} />
      <ManagerTabs v={v} w={w} current="ringkasan" />
      <WhereForm v={v} w={w} path={`${BASE}/ringkasan`} />
      <ErrorSummary v={v} texts={errorTexts(v, errors, params)} />
      <section class="card" data-steps>
        <h2>{v.t('coi.summary.steps')}</h2>
        <p class="muted">{v.t('coi.summary.steps_lead')}</p>
        <DataTable v={v} caption={v.t('coi.summary.steps')} empty="" rows={steps} columns={[
          { key: 'item', label: v.t('coi.summary.item'), render: ([k, letter]) => <>A.I.5.v.{letter} · {v.t(`coi.step.${k}`)}</> },
          { key: 'fact', label: v.t('coi.summary.fact'), render: ([, , , fact]) => fact },
          { key: 'answer', label: v.t('coi.summary.answer'), render: ([, letter, a]) => <span data-answer={letter}><Badge tone={answerTone(a)}>{a ? `${a.toUpperCase()} · ${v.t(`coi.lke.${letter}.${a}`)}` : v.t('coi.lke.no_verdict')}</Badge></span> },
        ]} />
      </section>
      <div class="stats">
        {([
          ['functions', v.num(s.functions)], ['risks', v.num(s.risks)], ['high', v.num(s.highRisks)], ['socialisations', v.num(s.socialisations)],
          ['periodic', `${v.num(s.periodic.declared)} / ${v.num(s.periodic.active)}`], ['adhoc', v.num(s.declarations.adhoc)],
          ['with_conflict', v.num(s.declarations.withConflict)], ['pending', v.num(s.declarations.pendingReview)],
        ] as [string, string][]).map(([k, val]) => <div class="stat" data-stat={k}><span class="stat__value">{val}</span><span class="stat__label">{v.t(`coi.stat.${k}`)}</span></div>)}
      </div>
      {pending ? (
        <section class="card" data-pending>
          <h2>{v.t('coi.summary.pending', { period: s.periodic.period, n: v.num(pending.pending.length) })}</h2>
          <p class="muted">{v.t('coi.summary.pending_lead')}</p>
          {pending.pending.some((p) => p.accountId) ? (
            <form method="post" action={withQuery(`${BASE}/ringkasan/pengingat`, q(w))} class="form" novalidate>
              <Csrf v={v} /><button class="button button--secondary" type="submit">{v.t('coi.summary.remind')}</button>
              {reminded ? <p class="muted" data-last-reminder>{v.t('coi.summary.last_reminder', { date: v.dateTime(reminded) })}</p> : null}
            </form>
          ) : null}
          {pending.pending.length ? <ul class="plain-list">{pending.pending.map((p) => <li>{p.name} <span class="muted">· {p.position}{p.accountId ? '' : ` · ${v.t('coi.summary.no_account')}`}</span></li>)}</ul> : <p>{v.t('coi.summary.all_declared')}</p>}
          {pending.pending.length ? (
            <details open={Object.keys(errors).some((k) => k !== '_') ? true : undefined}>
              <summary>{v.t('coi.paper.title')}</summary>
              <form method="post" action={withQuery(`${BASE}/ringkasan/kertas`, q(w))} enctype="multipart/form-data" class="form" novalidate>
                <Csrf v={v} />
                <p class="muted">{v.t('coi.paper.lead')}</p>
                <SelectField v={v} name="personId" label={v.t('coi.field.declarant')} required value={form.personId} errors={errors} placeholder={v.t('coi.choose')} options={pending.pending.map((p) => ({ value: p.id, label: `${p.name} — ${p.position}` }))} />
                <DateField v={v} name="declaredOn" label={v.t('coi.field.declared_on')} required value={form.declaredOn} errors={errors} />
                <RadioGroup v={v} name="hasConflict" legend={v.t('coi.field.has_conflict_q')} required value={form.hasConflict} errors={errors}
                  choices={[{ value: 'no', label: v.t('coi.form.no_conflict') }, { value: 'yes', label: v.t('coi.form.has_conflict') }]} />
                <SelectField v={v} name="c0source" label={v.t('coi.field.source')} value={form.c0source} errors={errors} placeholder={v.t('coi.choose')} options={SOURCES.map((k) => ({ value: k, label: v.t(`coi.source.${k}`) }))} />
                <TextArea v={v} name="c0description" label={v.t('coi.field.description')} errors={errors} value={form.c0description} required={false} />
                <TextField v={v} name="c0relatedParty" label={v.t('coi.field.related_party')} value={form.c0relatedParty} errors={errors} maxlength={200} />
                <FileField v={v} errors={errors} params={params} label={v.t('coi.paper.scan')} required />
                <button class="button button--primary" type="submit">{v.t('coi.paper.submit')}</button>
              </form>
            </details>
          ) : null}
        </section>
      ) : null}
      {manager ? (
        <section class="card" data-register>
          <h2>{v.t('coi.summary.register')}</h2>
          <p class="muted">{v.t('coi.summary.register_lead')}</p>
          <details>
          <summary>{v.t('coi.summary.register_show', { n: v.num(register.length) })}</summary>
          <DataTable v={v} caption={v.t('coi.summary.register')} empty={v.t('coi.summary.register_empty')} rows={register} columns={[
            { key: 'date', label: v.t('coi.field.declared_on'), render: (d) => v.date(d.declaredOn) },
            { key: 'who', label: v.t('coi.field.declarant'), render: (d) => d.personName },
            { key: 'kind', label: v.t('coi.field.kind'), render: (d) => <>{d.kind === 'periodic' ? v.t('coi.kind.periodic_of', { period: d.period ?? '' }) : v.t(`coi.decision.${d.decisionKind}`)}{d.channel === 'paper' ? <span class="muted"> · {v.t('coi.paper.short')}</span> : null}</> },
            { key: 'fn', label: v.t('coi.field.function'), render: (d) => d.functionName ?? '—' },
            { key: 'conflict', label: v.t('coi.field.has_conflict'), render: (d) => d.hasConflict ? v.t('coi.yes') : v.t('coi.no') },
            { key: 'state', label: v.t('coi.field.state'), render: (d) => <StateBadge v={v} state={d.state} dueOn={d.dueOn} /> },
          ]} />
          </details>
        </section>
      ) : <p class="muted">{v.t('coi.summary.counts_only')}</p>}
    </Layout>
  );
}
