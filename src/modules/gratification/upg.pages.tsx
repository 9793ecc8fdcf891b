// The UPG's pages of gratification control: the reports of a unit with deadlines and late flags, one
// report with the workflow steps that may come next, and the report as KPK's online form asks for it.
// Functions of the view and their model.
import { Badge, Csrf, DataTable, DateField, ErrorSummary, PageHeader, SelectField, SummaryList, TextField, withQuery } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { rupiah } from './gratification.pdf.ts';
import type { ReportListItem, ReportRow, UpgReportModel } from './gratification.queries.ts';
import { DECISIONS, FOLLOW_UPS, isOverdue, stepsFrom, type Step } from './gratification.rules.ts';
import {
  BASE, DecisionBox, FileField, LateAlert, Radios, ReportSummary, STEP_SLUGS, StaffTabs, StateBadge, TextArea, Timeline, WhereForm, crumbsFor, errorTexts,
  type Entry, type Where,
} from './gratification.ui.tsx';

/** The states the list filters on, after the two groups (open, all). */
export const LIST_STATES = ['received', 'completion_requested', 'verified', 'analysed', 'forwarded', 'decided', 'followed_up', 'closed', 'dismissed'] as const;

export function upgListPage(v: View, m: { w: Where; stateQ: string; rows: ReportListItem[] }) {
  const { w, rows } = m;
  const title = v.t('gratification.upg.title');
  const stateOptions = ['open', 'all', ...LIST_STATES]
    .map((s) => ({ value: s, label: s === 'open' || s === 'all' ? v.t(`gratification.filter.${s}`) : v.t(`gratification.state.${s}`) }));
  return (
    <Layout v={v} title={title} crumbs={crumbsFor(v, title)}>
      <PageHeader title={title} lead={v.t('gratification.upg.lead', { unit: w.unitName })} />
      <StaffTabs v={v} w={w} current="kelola" />
      <WhereForm v={v} w={w} path={`${BASE}/kelola`} extra={<SelectField v={v} name="state" label={v.t('gratification.field.state')} value={m.stateQ} options={stateOptions} />} />
      <DataTable v={v} caption={title} empty={v.t('gratification.upg.empty')} rows={rows} columns={[
        { key: 'number', label: v.t('gratification.field.number'), render: (x) => <a href={`${BASE}/kelola/${x.id}`}>{x.number}</a> },
        { key: 'reporter', label: v.t('gratification.field.reporter'), render: (x) => x.reporterName },
        { key: 'received', label: v.t('gratification.field.receivedOn'), render: (x) => <>{v.date(x.receivedOn)}{x.late.lateToUpg ? <> <Badge tone="danger">{v.t(x.late.beyondStatutory ? 'gratification.flag.beyond' : 'gratification.flag.late')}</Badge></> : null}</> },
        { key: 'kind', label: v.t('gratification.field.itemKind'), render: (x) => `${v.t(`gratification.kind.${x.kind}`)} · ${v.t(`gratification.item.${x.itemKind}`)}` },
        { key: 'value', label: v.t('gratification.field.valueRp'), numeric: true, render: (x) => rupiah(x.valueRp) },
        { key: 'state', label: v.t('gratification.field.state'), render: (x) => <StateBadge v={v} state={x.state} /> },
        { key: 'deadline', label: v.t('gratification.field.deadline'), render: (x) => x.deadline ? <>{v.date(x.deadline)}{x.overdue ? <> <Badge tone="danger">{v.t('gratification.flag.overdue')}</Badge></> : null}</> : '—' },
      ]} />
    </Layout>
  );
}

export function upgReportPage(v: View, m: UpgReportModel & { entry: Entry }) {
  const { rep, reporter, events, version, late, deadlines: dl, stepDeadline: stepDl, exemption: ex, held, today } = m;
  const { form, errors, params } = m.entry;
  const steps = stepsFrom(rep.state);
  const act = `${BASE}/kelola/${rep.id}`;
  const title = v.t('gratification.detail.title', { number: rep.number });
  const yn = [{ value: 'yes', label: v.t('gratification.yes') }, { value: 'no', label: v.t('gratification.no') }];
  const StepForm = ({ step, children, multipart }: { step: Exclude<Step, 'complete'>; children?: unknown; multipart?: boolean }) => (
    <form method="post" action={`${act}/${STEP_SLUGS[step]}`} class="form card" data-step={step} enctype={multipart ? 'multipart/form-data' : undefined} novalidate>
      <Csrf v={v} />
      <h2>{v.t(`gratification.action.${step}`)}</h2>
      {children as never}
      <button class={step === 'dismiss' ? 'button button--secondary' : 'button button--primary'} type="submit">{v.t(`gratification.action.${step}`)}</button>
    </form>
  );
  return (
    <Layout v={v} title={title} crumbs={crumbsFor(v, rep.number, { href: `${BASE}/kelola?unit=${rep.unitId}`, label: v.t('gratification.upg.title') })}>
      <PageHeader title={title} lead={`${reporter.name} · ${m.unitName}`} actions={<>
        <a class="button button--secondary" href={`${act}/kpk`}>{v.t('gratification.kpk.open')}</a>
      </>} />
      <ErrorSummary v={v} texts={errorTexts(v, errors, params)} />
      <LateAlert v={v} late={late} />
      <section class="card">
        <SummaryList rows={[
          [v.t('gratification.field.state'), <StateBadge v={v} state={rep.state} />],
          [v.t('gratification.field.rulesVersion'), version.regulation],
          [v.t('gratification.field.deadline_upg'), `${v.date(dl.toUpg)} (${v.t('gratification.detail.reported_after', { days: late.days })})`],
          [v.t('gratification.field.deadline_kpk'), v.date(dl.toKpk)],
          [v.t('gratification.field.deadline'), stepDl ? <>{v.date(stepDl)}{isOverdue(stepDl, today) ? <> <Badge tone="danger">{v.t('gratification.flag.overdue')}</Badge></> : null}</> : '—'],
          [v.t('gratification.field.reporter'), `${reporter.name} · NIP ${reporter.nip} · ${reporter.position}`],
        ] as [string, never][]} />
      </section>
      {rep.decision ? <DecisionBox v={v} rep={rep} /> : null}
      <ReportSummary v={v} rep={rep} fileHref={rep.fileSha ? `${act}/lampiran` : null} proofHref={rep.proofSha ? `${act}/bukti` : null} internal />
      <section class="card" data-custody>
        <h2>{v.t('gratification.custody.title')}</h2>
        {held.length ? <ul class="plain-list">{held.map((i) => <li><a href={`${BASE}/titipan/${i.id}/tanda-terima.pdf`}>{i.receiptNumber}</a> · {i.description} · {i.storageLocation} · {i.releasedOn
          ? v.t('gratification.custody.released', { date: v.date(i.releasedOn), to: i.releasedTo ?? '' }) : v.t('gratification.custody.held_short')}</li>)}</ul>
          : <p class="muted">{v.t(rep.whereNow === 'deposited' ? 'gratification.custody.none_yet' : 'gratification.custody.none')} <a href={withQuery(`${BASE}/titipan`, { unit: rep.unitId })}>{v.t('gratification.custody.open')}</a></p>}
      </section>
      <section class="card" data-exemption>
        <h2>{v.t('gratification.exempt.title')}</h2>
        <p>{ex.result.exempt ? v.t('gratification.exempt.yes', { category: m.category || '' })
          : v.t(`gratification.exempt.${ex.result.reason}`, { category: m.category || '' })}</p>
      </section>
      {steps.includes('verify') ? <StepForm step="verify"><p>{v.t('gratification.action.verify_hint')}</p><TextArea v={v} name="note" label={v.t('gratification.field.note')} errors={errors} value={form.note} required={false} /></StepForm> : null}
      {steps.includes('request_completion') ? <StepForm step="request_completion"><p>{v.t('gratification.action.request_hint', { due: v.date(dl.completion) })}</p><TextArea v={v} name="note" label={v.t('gratification.field.request_note')} errors={errors} value={form.note} /></StepForm> : null}
      {steps.includes('analyse') ? (
        <StepForm step="analyse">
          <Radios v={v} name="relatedToPosition" label={v.t('gratification.analysis.related')} options={yn} value={form.relatedToPosition} errors={errors} />
          <Radios v={v} name="contraryToDuty" label={v.t('gratification.analysis.contrary')} options={yn} value={form.contraryToDuty} errors={errors} />
          <SelectField v={v} name="category" label={v.t('gratification.analysis.category')} value={form.category ?? rep.claimedCategory} errors={errors} placeholder={v.t('gratification.none_selected')}
            options={version.categories.map((x) => ({ value: x.key, label: `${x.key}. ${x.id.slice(0, 70)}${x.deleted ? ` (${v.t('gratification.rules.deleted')})` : ''}` }))} />
          <TextArea v={v} name="note" label={v.t('gratification.field.analysis_note')} errors={errors} value={form.note} />
        </StepForm>) : null}
      {steps.includes('forward') ? (
        <StepForm step="forward">
          <p>{v.t('gratification.action.forward_hint', { due: v.date(dl.upgToKpk) })}</p>
          <DateField v={v} name="forwardedOn" label={v.t('gratification.field.forwardedOn')} required value={form.forwardedOn || today} errors={errors} />
          <TextField v={v} name="golNumber" label={v.t('gratification.field.golNumber')} hint={v.t('gratification.field.golNumber_hint')} required value={form.golNumber} errors={errors} maxlength={200} />
        </StepForm>) : null}
      {steps.includes('decide') ? (
        <StepForm step="decide">
          <Radios v={v} name="decision" label={v.t('gratification.field.decision')} options={DECISIONS.map((d) => ({ value: d, label: v.t(`gratification.decision.${d}`) }))} value={form.decision} errors={errors} />
          <DateField v={v} name="decisionOn" label={v.t('gratification.field.decisionOn')} required value={form.decisionOn || today} errors={errors} />
          <TextField v={v} name="skNumber" label={v.t('gratification.field.skNumber')} required value={form.skNumber} errors={errors} maxlength={200} />
          <TextArea v={v} name="decisionNote" label={v.t('gratification.field.decisionNote')} errors={errors} value={form.decisionNote} required={false} />
        </StepForm>) : null}
      {steps.includes('follow_up') ? (
        <StepForm step="follow_up" multipart>
          <SelectField v={v} name="followUpKind" label={v.t('gratification.field.followUpKind')} required value={form.followUpKind || (rep.decision === 'state' ? 'handed_to_state' : rep.decision === 'recipient' ? 'returned_to_recipient' : '')} errors={errors} placeholder={v.t('gratification.choose')}
            options={FOLLOW_UPS.map((k) => ({ value: k, label: v.t(`gratification.followup.${k}`) }))} />
          <DateField v={v} name="followUpOn" label={v.t('gratification.field.followUpOn')} required value={form.followUpOn || today} errors={errors} />
          <TextArea v={v} name="followUpNote" label={v.t('gratification.field.followUpNote')} hint={v.t('gratification.field.followUpNote_hint')} errors={errors} value={form.followUpNote} />
          <FileField v={v} errors={errors} params={params} name="proof" label={v.t('gratification.field.proof')} />
        </StepForm>) : null}
      {steps.includes('close') ? <StepForm step="close"><TextArea v={v} name="note" label={v.t('gratification.field.note')} errors={errors} value={form.note} required={false} /></StepForm> : null}
      {steps.includes('dismiss') ? (
        <details class="card"><summary>{v.t('gratification.action.dismiss')}</summary>
          <StepForm step="dismiss"><p>{v.t('gratification.action.dismiss_hint')}</p><TextArea v={v} name="reason" label={v.t('gratification.field.reason')} errors={errors} value={form.reason} /></StepForm>
        </details>) : null}
      <section class="card"><h2>{v.t('gratification.detail.timeline')}</h2><Timeline v={v} events={events} internal /></section>
    </Layout>
  );
}

/** The report as KPK's online reporting (GOL) asks for it, with the exports. */
export function kpkPage(v: View, m: { rep: ReportRow; fields: [string, string, string][] }) {
  const act = `${BASE}/kelola/${m.rep.id}`;
  const title = v.t('gratification.kpk.title');
  return (
    <Layout v={v} title={title} crumbs={crumbsFor(v, title, { href: act, label: m.rep.number })}>
      <PageHeader title={title} lead={v.t('gratification.kpk.lead')} actions={<>
        <a class="button button--secondary" href={`${act}/kpk.csv`}>{v.t('gratification.kpk.csv')}</a>
        <a class="button button--secondary" href={`${act}/kpk.xlsx`}>{v.t('gratification.kpk.xlsx')}</a>
        <a class="button button--secondary" href={`${act}/kpk.pdf`}>{v.t('gratification.kpk.pdf')}</a>
      </>} />
      <section class="card" data-kpk>
        <SummaryList rows={m.fields.map(([, l, val]) => [l, <span class="prewrap">{val || '—'}</span>]) as [string, never][]} />
      </section>
    </Layout>
  );
}
