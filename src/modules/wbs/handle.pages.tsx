// The handlers' pages: the unlock form and the list of their reports, a report without a key yet,
// and a report opened with their key (content, identity disclosure, messages, state, handlers).
// Functions of the view and their model; they read no database.
import type { Child } from 'hono/jsx';
import { Badge, Csrf, ErrorSummary, PageHeader, ScrollRegion, SelectField, SummaryList, TextAreaField, TextField, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import type { WbsState } from './wbs.rules.ts';
import type { DisclosureView, ListedReport, ReportView } from './wbs.service.ts';
import { Attachments, AttachmentsField, home, Messages, ReportContentView, reportLabel, StateBadge } from './wbs.view.tsx';

/** The personal key's unlock form; `stale`: the key cannot be opened (an administrator reset), a new one is made. */
function UnlockForm({ v, errors, stale = false }: { v: View; errors?: FieldErrors; stale?: boolean }) {
  return (
    <div class="card">
      <h2>{v.t(stale ? 'wbs.unlock.stale_title' : 'wbs.unlock.title')}</h2>
      <p>{v.t(stale ? 'wbs.unlock.stale_body' : 'wbs.unlock.body')}</p>
      <ErrorSummary v={v} errors={errors} labels={{ password: v.t('wbs.unlock.password') }} />
      <form method="post" action={stale ? '/wbs/kelola/kunci-baru' : '/wbs/kelola/buka'} class="form" novalidate>
        <Csrf v={v} />
        <TextField v={v} name="password" type="password" label={v.t('wbs.unlock.password')} autocomplete="current-password" required errors={errors} />
        <button type="submit" class={stale ? 'button button--danger' : 'button button--primary'}>{v.t(stale ? 'wbs.unlock.new_key' : 'wbs.unlock.submit')}</button>
      </form>
    </div>
  );
}

export interface HandlerListModel { rows: ListedReport[]; unlocked: boolean; stale?: boolean; errors?: FieldErrors }

export function HandlerListPage({ v, m }: { v: View; m: HandlerListModel }) {
  return (
    <Layout v={v} title={v.t('wbs.manage.title')} crumbs={[home(v), { label: v.t('wbs.manage.title') }]}>
      <PageHeader title={v.t('wbs.manage.title')} lead={v.t('wbs.manage.lead')} actions={<a class="button" href="/wbs/statistik">{v.t('wbs.stats.title')}</a>} />
      {!m.unlocked || m.stale || m.errors ? <UnlockForm v={v} errors={m.errors} stale={m.stale} /> : <div class="alert alert--success" role="status">{v.t('wbs.unlock.open')}</div>}
      <ScrollRegion label={v.t('wbs.manage.title')}>
        <table class="table">
          <caption class="visually-hidden">{v.t('wbs.manage.title')}</caption>
          <thead><tr><th scope="col">{v.t('wbs.list.report')}</th><th scope="col">{v.t('wbs.field.unit')}</th><th scope="col">{v.t('wbs.status.submitted')}</th><th scope="col">{v.t('wbs.status.state')}</th><th scope="col">{v.t('wbs.list.key')}</th></tr></thead>
          <tbody>
            {m.rows.length === 0 ? <tr><td colspan={5} class="table__empty">{v.t('wbs.list.empty')}</td></tr> : m.rows.map((r) => (
              <tr>
                <td data-label={v.t('wbs.list.report')}><a class="nowrap" href={`/wbs/kelola/${r.id}`}>{reportLabel(r.id)}</a></td>
                <td data-label={v.t('wbs.field.unit')}>{r.unitName ?? v.t('wbs.field.unit_unknown')}</td>
                <td data-label={v.t('wbs.status.submitted')}>{v.date(r.submittedOn)}</td>
                <td data-label={v.t('wbs.status.state')}><StateBadge v={v} s={r.state} /></td>
                <td data-label={v.t('wbs.list.key')}>{r.purged ? v.t('wbs.list.purged') : r.hasKey ? v.t('wbs.list.has_key') : v.t('wbs.list.no_key')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </Layout>
  );
}

/** A designated handler's report not yet wrapped for their key. */
export function NoKeyPage({ v }: { v: View }) {
  return (
    <Layout v={v} title={v.t('wbs.detail.title')} crumbs={[home(v), { href: '/wbs/kelola', label: v.t('wbs.manage.title') }, { label: v.t('wbs.detail.title') }]}>
      <h1>{v.t('wbs.detail.title')}</h1>
      <div class="alert alert--warning" role="status">{v.t('wbs.detail.no_key')}</div>
    </Layout>
  );
}

export interface ReportDetailModel {
  rep: ReportView;
  handlers: { accountId: string; name: string; excluded: boolean; hasKey: boolean }[];
  disclosures: DisclosureView[];
  /** the reporter's identity, shown only to a requester whose disclosure a second person approved */
  identity: { name: string; contact: string } | null;
  /** the next states the report may move to */
  next: readonly WbsState[];
  /** the handler looking at it */
  me: string;
  errors?: FieldErrors;
}

export function ReportDetailPage({ v, m }: { v: View; m: ReportDetailModel }) {
  const { rep, handlers, disclosures, identity, next, me, errors } = m;
  const id = rep.id;
  const base = `/wbs/kelola/${id}`;
  const mine = disclosures.find((d) => d.requestedBy === me);
  return (
    <Layout v={v} title={v.t('wbs.detail.title')} crumbs={[home(v), { href: '/wbs/kelola', label: v.t('wbs.manage.title') }, { label: reportLabel(id) }]}>
      <PageHeader title={reportLabel(id)} lead={rep.unitName ?? v.t('wbs.field.unit_unknown')} />
      <ErrorSummary v={v} errors={errors} labels={{ body: v.t('wbs.reply.body'), files: v.t('wbs.field.files'), reason: v.t('wbs.disclosure.reason'), note: v.t('wbs.state.note') }} />
      <SummaryList rows={[
        [v.t('wbs.status.state'), <StateBadge v={v} s={rep.state} />],
        [v.t('wbs.status.submitted'), v.date(rep.submittedOn)],
        ...(rep.purgeAfter ? [[v.t('wbs.detail.purge_after'), v.date(rep.purgeAfter)] as [string, Child]] : []),
      ]} />
      <h2>{v.t('wbs.status.your_report_handler')}</h2>
      <ReportContentView v={v} r={rep} />
      {rep.attachments.length ? <Attachments v={v} list={rep.attachments} href={(a) => `${base}/lampiran/${a}`} /> : null}

      <h2>{v.t('wbs.identity.title')}</h2>
      {!rep.hasIdentity ? <p class="muted">{v.t('wbs.identity.anonymous')}</p> : identity ? (
        <div class="alert alert--warning" role="status">
          <strong>{v.t('wbs.identity.disclosed')}</strong>
          <SummaryList rows={[[v.t('wbs.field.name'), identity.name || '—'], [v.t('wbs.field.contact'), identity.contact || '—']]} />
        </div>
      ) : (
        <div>
          <p>{v.t('wbs.identity.sealed')}</p>
          {disclosures.length ? (
            <ul class="plain-list">
              {disclosures.map((d) => (
                <li>
                  {v.t('wbs.disclosure.line', { who: d.requesterName ?? '—', on: v.date(d.requestedAt) })}: <em>{d.reason}</em>{' '}
                  {d.approvedAt ? <Badge tone="success">{v.t('wbs.disclosure.approved_by', { who: d.approverName ?? '—' })}</Badge>
                    : d.requestedBy === me ? <Badge tone="warning">{v.t('wbs.disclosure.waiting')}</Badge> : (
                      <form method="post" action={`${base}/ungkap/${d.id}/setujui`} class="inline-form" novalidate><Csrf v={v} /><button class="button button--small" type="submit">{v.t('wbs.disclosure.approve')}<span class="visually-hidden"> {d.requesterName ?? ''}</span></button></form>
                    )}
                </li>
              ))}
            </ul>
          ) : null}
          {mine || rep.purged ? null : (
            <form method="post" action={`${base}/ungkap`} class="form" novalidate>
              <Csrf v={v} />
              <TextAreaField v={v} name="reason" label={v.t('wbs.disclosure.reason')} hint={v.t('wbs.disclosure.reason_hint')} rows={2} required errors={errors} maxlength={1000} />
              <button type="submit" class="button">{v.t('wbs.disclosure.request')}</button>
            </form>
          )}
        </div>
      )}

      <h2>{v.t('wbs.status.messages')}</h2>
      <Messages v={v} r={rep} attachmentHref={(a) => `${base}/lampiran/${a}`} />
      {rep.purged ? null : (
        <form method="post" action={`${base}/balas`} class="form" enctype="multipart/form-data" novalidate>
          <Csrf v={v} />
          <TextAreaField v={v} name="body" label={v.t('wbs.reply.to_reporter')} hint={v.t('wbs.reply.hint')} rows={4} required errors={errors} maxlength={5000} />
          <AttachmentsField v={v} errors={errors} labelKey="wbs.field.reply_files" />
          <button type="submit" class="button button--primary">{v.t('wbs.reply.send')}</button>
        </form>
      )}

      {next.length && !rep.purged ? (<>
        <h2>{v.t('wbs.state.change')}</h2>
        <form method="post" action={`${base}/status`} class="form" novalidate>
          <Csrf v={v} />
          <SelectField v={v} name="state" label={v.t('wbs.state.next')} required errors={errors} options={next.map((s) => ({ value: s, label: v.t(`wbs.state.${s}`) }))} />
          <TextAreaField v={v} name="note" label={v.t('wbs.state.note')} hint={v.t('wbs.state.note_hint')} rows={2} errors={errors} maxlength={5000} />
          <button type="submit" class="button">{v.t('wbs.state.submit')}</button>
        </form>
      </>) : null}

      <h2>{v.t('wbs.handlers.title')}</h2>
      <p class="muted">{v.t('wbs.handlers.hint')}</p>
      <ul class="plain-list">
        {handlers.map((h) => (
          <li>
            {h.name}{' '}
            {h.excluded ? <Badge tone="danger">{v.t('wbs.handlers.excluded')}</Badge> : h.hasKey ? <Badge tone="success">{v.t('wbs.handlers.has_key')}</Badge> : <Badge tone="neutral">{v.t('wbs.handlers.no_key')}</Badge>}
            {h.excluded || rep.purged ? null : (
              <form method="post" action={`${base}/kecualikan`} class="inline-form" novalidate>
                <Csrf v={v} /><input type="hidden" name="account" value={h.accountId} />
                <button class="linkbutton" type="submit">{v.t(h.accountId === me ? 'wbs.handlers.recuse' : 'wbs.handlers.exclude')}<span class="visually-hidden"> {h.name}</span></button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
