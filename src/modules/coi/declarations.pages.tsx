// The declarant's and the reviewer's pages: the employee's own declarations and those they review,
// the declaration form (periodic or ad hoc), and one declaration with the review and follow-up forms.
// Each page is a function of the view and its model; nothing here reads the database.
import type { JSX } from 'hono/jsx/jsx-runtime';
import { CheckboxField, Csrf, DataTable, DateField, ErrorSummary, PageHeader, RadioGroup, SelectField, SummaryList, TextField } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import type { DeclarationView, FunctionRow, HomeModel, PersonLite } from './coi.queries.ts';
import { ASSESSMENTS, DECISION_KINDS, MITIGATIONS, SOURCES, periodOf, type RuleVersion } from './coi.rules.ts';
import { BASE, crumbsFor, errorTexts, FileField, StateBadge, TextArea, type Shown } from './coi.ui.tsx';

// ---- the employee's page ---------------------------------------------------------------------------

export function HomePage(v: View, m: HomeModel) {
  const { person, mine, toReview, period, periodicDone } = m;
  const managerLink = v.can('coi.stats') ? <a class="button button--secondary" href={`${BASE}/ringkasan`}>{v.t('coi.home.manage')}</a> : null;
  return (
    <Layout v={v} title={v.t('coi.title')}>
      <PageHeader title={v.t('coi.title')} lead={v.t('coi.home.lead')} actions={managerLink} />
      {!person ? <section class="card"><p>{v.t('coi.home.no_person')}</p></section> : (<>
        <section class="card" data-periodic>
          <h2>{v.t('coi.home.periodic', { period })}</h2>
          {periodicDone
            ? <p>{v.t('coi.home.periodic_done', { date: v.date(periodicDone.declaredOn) })} <a href={`${BASE}/deklarasi/${periodicDone.id}`}>{v.t('coi.home.view')}</a></p>
            : <p>{v.t('coi.home.periodic_todo')}</p>}
          <div class="button-row">
            {periodicDone ? null : <a class="button button--primary" href={`${BASE}/deklarasi/baru?jenis=berkala`}>{v.t('coi.home.new_periodic')}</a>}
            <a class={periodicDone ? 'button button--primary' : 'button button--secondary'} href={`${BASE}/deklarasi/baru?jenis=adhoc`}>{v.t('coi.home.new_adhoc')}</a>
          </div>
        </section>
        <section class="card">
          <h2>{v.t('coi.home.mine')}</h2>
          <DataTable v={v} caption={v.t('coi.home.mine')} empty={v.t('coi.home.mine_empty')} rows={mine} columns={[
            { key: 'date', label: v.t('coi.field.declared_on'), render: (d) => <a href={`${BASE}/deklarasi/${d.id}`}>{v.date(d.declaredOn)}</a> },
            { key: 'kind', label: v.t('coi.field.kind'), render: (d) => d.kind === 'periodic' ? v.t('coi.kind.periodic_of', { period: d.period ?? '' }) : `${v.t(`coi.decision.${d.decisionKind}`)} · ${d.reference}` },
            { key: 'conflict', label: v.t('coi.field.has_conflict'), render: (d) => d.hasConflict ? v.t('coi.yes') : v.t('coi.no') },
            { key: 'state', label: v.t('coi.field.state'), render: (d) => <StateBadge v={v} state={d.state} dueOn={d.dueOn} /> },
          ]} />
        </section>
      </>)}
      {toReview.length ? (
        <section class="card" data-to-review>
          <h2>{v.t('coi.home.to_review')}</h2>
          <DataTable v={v} caption={v.t('coi.home.to_review')} empty="" rows={toReview} columns={[
            { key: 'who', label: v.t('coi.field.declarant'), render: (d) => <a href={`${BASE}/deklarasi/${d.id}`}>{d.personName}</a> },
            { key: 'date', label: v.t('coi.field.declared_on'), render: (d) => v.date(d.declaredOn) },
            { key: 'kind', label: v.t('coi.field.kind'), render: (d) => d.kind === 'periodic' ? v.t('coi.kind.periodic_of', { period: d.period ?? '' }) : v.t(`coi.decision.${d.decisionKind}`) },
            { key: 'state', label: v.t('coi.field.state'), render: (d) => <StateBadge v={v} state={d.state} dueOn={d.dueOn} /> },
          ]} />
        </section>
      ) : null}
    </Layout>
  );
}

// ---- the declaration form --------------------------------------------------------------------------

export interface DeclarationFormModel {
  person: PersonLite;
  kind: 'periodic' | 'adhoc';
  today: string;
  superiors: PersonLite[];
  defaultSuperiorId: string | null;
  functions: FunctionRow[];
  version: RuleVersion;
  shown: Shown;
}

export function DeclarationFormPage(v: View, m: DeclarationFormModel) {
  const { person, kind, today, version } = m;
  const { form, errors } = m.shown;
  const title = kind === 'periodic' ? v.t('coi.form.title_periodic', { period: periodOf(today) }) : v.t('coi.form.title_adhoc');
  const sourceOptions = SOURCES.map((s) => ({ value: s, label: v.t(`coi.source.${s}`) }));
  return (
    <Layout v={v} title={title} narrow crumbs={crumbsFor(v, title)}>
      <PageHeader title={title} lead={v.t(kind === 'periodic' ? 'coi.form.lead_periodic' : 'coi.form.lead_adhoc')} />
      <ErrorSummary v={v} texts={errorTexts(v, errors)} />
      <form method="post" action={`${BASE}/deklarasi`} class="form" novalidate>
        <Csrf v={v} />
        <input type="hidden" name="kind" value={kind} />
        <p><strong>{v.t('coi.field.declarant')}:</strong> {person.name} · {person.position}</p>
        <DateField v={v} name="declaredOn" label={v.t('coi.field.declared_on')} required value={form.declaredOn || today} errors={errors} />
        {kind === 'adhoc' ? (<>
          <SelectField v={v} name="decisionKind" label={v.t('coi.field.decision_kind')} required value={form.decisionKind} errors={errors} placeholder={v.t('coi.choose')} options={DECISION_KINDS.map((k) => ({ value: k, label: v.t(`coi.decision.${k}`) }))} />
          <TextField v={v} name="reference" label={v.t('coi.field.reference')} hint={v.t('coi.field.reference_hint')} required value={form.reference} errors={errors} maxlength={200} />
          <TextField v={v} name="roleInDecision" label={v.t('coi.field.role_in_decision')} hint={v.t('coi.field.role_hint')} required value={form.roleInDecision} errors={errors} maxlength={200} />
        </>) : null}
        {m.functions.length ? <SelectField v={v} name="functionId" label={v.t('coi.field.function')} hint={v.t('coi.field.function_hint')} value={form.functionId} errors={errors} placeholder={v.t('coi.none_selected')} options={m.functions.map((f) => ({ value: f.id, label: f.name }))} /> : null}
        <RadioGroup v={v} name="hasConflict" legend={v.t('coi.field.has_conflict_q')} required value={form.hasConflict} errors={errors}
          choices={[{ value: 'no', label: v.t('coi.form.no_conflict') }, { value: 'yes', label: v.t('coi.form.has_conflict') }]} />
        <fieldset class="card">
          <legend><h2 class="legend-heading">{v.t('coi.form.conflicts')}</h2></legend>
          <p class="muted">{v.t('coi.form.conflicts_hint')}</p>
          {[0, 1, 2].map((i) => {
            const box = (
              <div class="card" data-conflict={i}>
                <h3>{v.t('coi.form.conflict_n', { n: i + 1 })}</h3>
                <SelectField v={v} name={`c${i}source`} label={v.t('coi.field.source')} value={form[`c${i}source`]} errors={errors} placeholder={v.t('coi.choose')} options={sourceOptions} />
                <TextArea v={v} name={`c${i}description`} label={v.t('coi.field.description')} hint={i === 0 ? v.t('coi.field.description_hint') : undefined} errors={errors} value={form[`c${i}description`]} required={false} />
                <TextField v={v} name={`c${i}relatedParty`} label={v.t('coi.field.related_party')} value={form[`c${i}relatedParty`]} errors={errors} maxlength={200} />
              </div>
            );
            if (i === 0) return box;
            const used = !!(form[`c${i}source`] || form[`c${i}description`] || form[`c${i}relatedParty`] || Object.keys(errors).some((k) => k.startsWith(`c${i}`)));
            return <details open={used ? true : undefined}><summary>{v.t('coi.form.add_conflict', { n: i + 1 })}</summary>{box}</details>;
          })}
        </fieldset>
        <SelectField v={v} name="superiorPersonId" label={v.t('coi.field.superior')} hint={v.t('coi.field.superior_hint')} value={form.superiorPersonId || m.defaultSuperiorId} errors={errors} placeholder={v.t('coi.choose')} options={m.superiors.map((p) => ({ value: p.id, label: `${p.name} — ${p.position}` }))} />
        <section class="card">
          <h2>{v.t('coi.form.statement')}</h2>
          <p data-statement>{v.locale === 'en' ? version.statement.textEn : version.statement.text}</p>
          <CheckboxField v={v} name="agree" label={v.t('coi.form.agree')} checked={form.agree === '1'} errors={errors} />
        </section>
        <div class="form__actions"><button class="button button--primary" type="submit">{v.t('coi.form.submit')}</button></div>
      </form>
    </Layout>
  );
}

// ---- one declaration -------------------------------------------------------------------------------

export interface DeclarationModel {
  d: DeclarationView;
  /** the reader reviews it (named superior or unit head), so the review and follow-up forms are theirs */
  reviewer: boolean;
  today: string;
  shown: Shown;
}

export function DeclarationPage(v: View, m: DeclarationModel) {
  const { d, reviewer, today } = m;
  const { form, errors, params } = m.shown;
  const conflicts = (d.conflicts as { source: string; description: string; relatedParty: string }[]) ?? [];
  const act = `${BASE}/deklarasi/${d.id}`;
  const title = d.kind === 'periodic' ? v.t('coi.kind.periodic_of', { period: d.period ?? '' }) : `${v.t(`coi.decision.${d.decisionKind}`)} · ${d.reference}`;
  return (
    <Layout v={v} title={title} crumbs={crumbsFor(v, title)}>
      <PageHeader title={title} lead={v.t('coi.detail.lead')} actions={<a class="button button--secondary" href={`${act}/surat.pdf`}>{v.t('coi.detail.pdf')}</a>} />
      <ErrorSummary v={v} texts={errorTexts(v, errors, params)} />
      <section class="card" data-declaration>
        <SummaryList rows={[
          [v.t('coi.field.state'), <StateBadge v={v} state={d.state} dueOn={d.dueOn} />],
          [v.t('coi.field.declarant'), `${d.personName} · ${d.personPosition}`],
          [v.t('coi.field.declared_on'), v.date(d.declaredOn)],
          ...(d.kind === 'adhoc' ? [
            [v.t('coi.field.decision_kind'), v.t(`coi.decision.${d.decisionKind}`)] as [string, string],
            [v.t('coi.field.reference'), d.reference ?? ''] as [string, string],
            [v.t('coi.field.role_in_decision'), d.roleInDecision ?? ''] as [string, string],
          ] : []),
          ...(d.functionName ? [[v.t('coi.field.function'), d.functionName] as [string, string]] : []),
          [v.t('coi.field.superior'), d.superiorName ?? '—'],
          ...(d.channel === 'paper' ? [[v.t('coi.paper.channel'), d.scanSha ? <a href={`${act}/pindaian`}>{d.scanName}</a> : v.t('coi.paper.channel_value')] as [string, JSX.Element | string]] : []),
          [v.t('coi.field.has_conflict'), d.hasConflict ? v.t('coi.yes') : v.t('coi.form.no_conflict')],
        ]} />
      </section>
      {d.hasConflict ? (
        <section class="card">
          <h2>{v.t('coi.form.conflicts')}</h2>
          <ol>{conflicts.map((x) => <li><strong>{v.t(`coi.source.${x.source}`)}</strong>: <span class="prewrap">{x.description}</span>{x.relatedParty ? <> <span class="muted">({v.t('coi.field.related_party')}: {x.relatedParty})</span></> : null}</li>)}</ol>
        </section>
      ) : null}
      {d.reviewedAt ? (
        <section class="card" data-review>
          <h2>{v.t('coi.detail.review')}</h2>
          <SummaryList rows={[
            [v.t('coi.field.assessment'), v.t(`coi.assessment.${d.assessment}`)],
            [v.t('coi.field.mitigation'), d.mitigation ? v.t(`coi.mitigation.${d.mitigation}`) : v.t('coi.review.no_action')],
            ...(d.dueOn ? [[v.t('coi.field.due_on'), v.date(d.dueOn)] as [string, string]] : []),
            ...(d.reviewNote ? [[v.t('coi.field.note'), d.reviewNote] as [string, string]] : []),
            [v.t('coi.field.reviewer'), `${d.reviewerName ?? '—'} · ${v.dateTime(d.reviewedAt)}`],
          ]} />
        </section>
      ) : d.hasConflict ? <p class="muted">{v.t('coi.detail.awaiting_review')}</p> : <p class="muted">{v.t('coi.detail.acknowledged')}</p>}
      {d.followUpOn ? (
        <section class="card" data-follow-up>
          <h2>{v.t('coi.detail.follow_up')}</h2>
          <SummaryList rows={[
            [v.t('coi.field.done_on'), v.date(d.followUpOn)],
            [v.t('coi.field.note'), d.followUpNote ?? ''],
            ...(d.followUpSha ? [[v.t('coi.evidence.file'), <a href={`${act}/bukti`}>{d.followUpName}</a>] as [string, JSX.Element]] : []),
          ]} />
        </section>
      ) : null}
      {reviewer && d.state === 'submitted' ? (
        <form method="post" action={`${act}/telaah`} class="form card" data-review-form novalidate>
          <Csrf v={v} />
          <h2>{v.t('coi.review.title')}</h2>
          <p class="muted">{v.t('coi.review.lead')}</p>
          <SelectField v={v} name="assessment" label={v.t('coi.field.assessment')} required value={form.assessment} errors={errors} placeholder={v.t('coi.choose')} options={ASSESSMENTS.map((k) => ({ value: k, label: v.t(`coi.assessment.${k}`) }))} />
          <SelectField v={v} name="mitigation" label={v.t('coi.field.mitigation')} hint={v.t('coi.review.mitigation_hint')} required value={form.mitigation} errors={errors} placeholder={v.t('coi.choose')} options={[...MITIGATIONS.map((k) => ({ value: k, label: v.t(`coi.mitigation.${k}`) })), { value: 'none', label: v.t('coi.review.no_action') }]} />
          <DateField v={v} name="dueOn" label={v.t('coi.field.due_on')} hint={v.t('coi.review.due_hint')} required value={form.dueOn} errors={errors} />
          <TextArea v={v} name="note" label={v.t('coi.field.note')} errors={errors} value={form.note} required={false} />
          <button class="button button--primary" type="submit">{v.t('coi.review.submit')}</button>
        </form>
      ) : null}
      {reviewer && d.state === 'mitigating' ? (
        <form method="post" action={`${act}/tindak-lanjut`} enctype="multipart/form-data" class="form card" data-follow-up-form novalidate>
          <Csrf v={v} />
          <h2>{v.t('coi.follow_up.title')}</h2>
          <TextArea v={v} name="note" label={v.t('coi.follow_up.note')} errors={errors} value={form.note} />
          <DateField v={v} name="doneOn" label={v.t('coi.field.done_on')} required value={form.doneOn || today} errors={errors} />
          <FileField v={v} errors={errors} params={params} label={v.t('coi.evidence.file')} />
          <button class="button button--primary" type="submit">{v.t('coi.follow_up.submit')}</button>
        </form>
      ) : null}
    </Layout>
  );
}
