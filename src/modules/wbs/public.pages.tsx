// The public WBS pages (no account, no JavaScript needed): what the WBS is and guarantees, the report
// form, the receipt (shown once), the receipt check and the report's status with its messages.
// Functions of the view and their model; they read no database.
import type { Child } from 'hono/jsx';
import { Csrf, ErrorSummary, PageHeader, SummaryList, TextAreaField, TextField, UnitPicker, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { formatReceipt } from './wbs.crypto.ts';
import { FINAL_STATES, WBS_RULES } from './wbs.rules.ts';
import type { ReportView } from './wbs.service.ts';
import { Attachments, AttachmentsField, home, Messages, pub, ReportContentView, StateBadge } from './wbs.view.tsx';

export function WbsHomePage({ v }: { v: View }) {
  return (
    <Layout v={v} title={v.t('wbs.title')} crumbs={[home(v), { label: v.t('wbs.title') }]}>
      <PageHeader title={v.t('wbs.title')} lead={v.t('wbs.lead')} />
      <div class="button-row">
        <a class="button button--primary" href="/wbs/lapor">{v.t('wbs.action.report')}</a>
        <a class="button" href="/wbs/cek">{v.t('wbs.action.check')}</a>
      </div>
      <h2>{v.t('wbs.what.title')}</h2>
      <p>{v.t('wbs.what.body')}</p>
      <h2>{v.t('wbs.guarantees.title')}</h2>
      <ul>
        {['anonymous', 'encrypted', 'no_metadata', 'receipt', 'exclusion', 'identity', 'retention'].map((k) => <li>{v.t(`wbs.guarantee.${k}`, { years: Math.round(WBS_RULES.retentionDaysAfterClosure / 365) })}</li>)}
      </ul>
      <h2>{v.t('wbs.advice.title')}</h2>
      <ul>
        {['device', 'details', 'receipt'].map((k) => <li>{v.t(`wbs.advice.${k}`)}</li>)}
      </ul>
    </Layout>
  );
}

/** The report form; after a refusal with what was typed (the files must be chosen again: said so). */
export function ReportFormPage({ v, units, form = {}, errors }: { v: View; units: { id: string; name: string }[]; form?: Record<string, string>; errors?: FieldErrors }) {
  const f = form;
  const labels = { what: v.t('wbs.field.what'), who: v.t('wbs.field.who'), when: v.t('wbs.field.when'), where: v.t('wbs.field.where'), unit: v.t('wbs.field.unit'), name: v.t('wbs.field.name'), contact: v.t('wbs.field.contact'), files: v.t('wbs.field.files') };
  return (
    <Layout v={v} title={v.t('wbs.form.title')} crumbs={[home(v), pub(v), { label: v.t('wbs.form.title') }]}>
      <PageHeader title={v.t('wbs.form.title')} lead={v.t('wbs.form.lead')} />
      <ErrorSummary v={v} errors={errors} labels={labels} />
      {errors ? <div class="alert alert--warning" role="status">{v.t('wbs.form.files_again')}</div> : null}
      <form method="post" action="/wbs/lapor" class="form" enctype="multipart/form-data" novalidate>
        <Csrf v={v} />
        <TextAreaField v={v} name="what" label={labels.what} hint={v.t('wbs.field.what_hint')} value={f.what} rows={7} required errors={errors} maxlength={10000} />
        <TextAreaField v={v} name="who" label={labels.who} hint={v.t('wbs.field.who_hint')} value={f.who} rows={3} required errors={errors} maxlength={2000} />
        <TextField v={v} name="when" label={labels.when} hint={v.t('wbs.field.when_hint')} value={f.when} errors={errors} maxlength={200} />
        <TextField v={v} name="where" label={labels.where} value={f.where} errors={errors} maxlength={500} />
        <UnitPicker v={v} name="unit" label={labels.unit} hint={v.t('wbs.field.unit_hint')} value={f.unit} errors={errors}
          placeholder={v.t('wbs.field.unit_unknown')} units={units.map((u) => ({ id: u.id, shortName: u.name }))} />
        <AttachmentsField v={v} errors={errors} />
        <fieldset class="fieldset">
          <legend>{v.t('wbs.identity.legend')}</legend>
          <p class="field__hint">{v.t('wbs.identity.hint')}</p>
          <TextField v={v} name="name" label={labels.name} value={f.name} errors={errors} maxlength={200} autocomplete="off" />
          <TextField v={v} name="contact" label={labels.contact} value={f.contact} errors={errors} maxlength={200} autocomplete="off" />
        </fieldset>
        <div class="form__actions"><button type="submit" class="button button--primary">{v.t('wbs.form.submit')}</button></div>
      </form>
    </Layout>
  );
}

/** The receipt of the report just filed, or (reloaded, or too late) that it is no longer shown. */
export function ReceiptPage({ v, receipt }: { v: View; receipt: string | null }) {
  return (
    <Layout v={v} title={v.t('wbs.receipt.title')} crumbs={[home(v), pub(v), { label: v.t('wbs.receipt.title') }]} narrow>
      <h1>{v.t('wbs.receipt.title')}</h1>
      {receipt ? (<>
        <div class="alert alert--success" role="status">{v.t('wbs.receipt.received')}</div>
        <div class="card">
          <p>{v.t('wbs.receipt.your_receipt')}</p>
          <p><code class="temp-password" data-receipt>{formatReceipt(receipt)}</code></p>
        </div>
        <div class="alert alert--warning" role="alert">
          <strong>{v.t('wbs.receipt.warning_title')}</strong>
          <ul>{['once', 'no_recovery', 'keep', 'use'].map((k) => <li>{v.t(`wbs.receipt.warning.${k}`)}</li>)}</ul>
        </div>
        <p class="muted">{v.t('wbs.receipt.print')}</p>
      </>) : <div class="alert alert--warning" role="status">{v.t('wbs.receipt.gone')}</div>}
      <p><a class="button" href="/wbs/cek">{v.t('wbs.action.check')}</a></p>
    </Layout>
  );
}

/** The receipt check. A refused receipt is never put back into the field: every wrong receipt gets the same page. */
export function CheckPage({ v, errors }: { v: View; errors?: FieldErrors }) {
  return (
    <Layout v={v} title={v.t('wbs.check.title')} crumbs={[home(v), pub(v), { label: v.t('wbs.check.title') }]} narrow>
      <h1>{v.t('wbs.check.title')}</h1>
      <p class="lead">{v.t('wbs.check.lead')}</p>
      <ErrorSummary v={v} errors={errors} labels={{ receipt: v.t('wbs.check.receipt') }} />
      <form method="post" action="/wbs/cek" class="form" novalidate>
        <Csrf v={v} />
        <TextField v={v} name="receipt" label={v.t('wbs.check.receipt')} hint={v.t('wbs.check.receipt_hint')} inputmode="numeric" autocomplete="off" required errors={errors} maxlength={40} />
        <button type="submit" class="button button--primary">{v.t('wbs.check.submit')}</button>
      </form>
    </Layout>
  );
}

/**
 * The report as its receipt opened it: state, messages, the reply form (the receipt rides along in a
 * hidden field of the POST body, never in a URL) and what the reporter wrote.
 */
export function ReportStatusPage({ v, receipt, rep, sent, errors }: { v: View; receipt: string; rep: ReportView; sent?: boolean; errors?: FieldErrors }) {
  const closed = FINAL_STATES.includes(rep.state) || rep.purged;
  return (
    <Layout v={v} title={v.t('wbs.status.title')} crumbs={[home(v), pub(v), { label: v.t('wbs.status.title') }]}>
      <PageHeader title={v.t('wbs.status.title')} />
      {sent ? <div class="alert alert--success" role="status">{v.t('wbs.status.sent')}</div> : null}
      <ErrorSummary v={v} errors={errors} labels={{ body: v.t('wbs.reply.body'), files: v.t('wbs.field.files') }} />
      <SummaryList rows={[
        [v.t('wbs.status.state'), <StateBadge v={v} s={rep.state} />],
        [v.t('wbs.status.submitted'), v.date(rep.submittedOn)],
        ...(rep.closedOn ? [[v.t('wbs.status.closed'), v.date(rep.closedOn)] as [string, Child]] : []),
      ]} />
      <p class="muted">{v.t(`wbs.state_help.${rep.state}`)}</p>
      <h2>{v.t('wbs.status.messages')}</h2>
      <Messages v={v} r={rep} />
      {closed ? <p class="muted">{v.t('wbs.status.closed_no_reply')}</p> : (
        <form method="post" action="/wbs/cek/balas" class="form" enctype="multipart/form-data" novalidate>
          <Csrf v={v} />
          <input type="hidden" name="receipt" value={receipt} />
          <TextAreaField v={v} name="body" label={v.t('wbs.reply.body')} rows={4} required errors={errors} maxlength={5000} />
          <AttachmentsField v={v} errors={errors} labelKey="wbs.field.reply_files" />
          <button type="submit" class="button button--primary">{v.t('wbs.reply.send')}</button>
        </form>
      )}
      <h2>{v.t('wbs.status.your_report')}</h2>
      <ReportContentView v={v} r={rep} />
      {rep.attachments.length ? <Attachments v={v} list={rep.attachments} /> : null}
    </Layout>
  );
}
