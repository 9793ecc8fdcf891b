// Whistleblowing pages. Public (no account, no JavaScript needed): /wbs (what it is, what is
// guaranteed), /wbs/lapor (the form), /wbs/tanda-terima (the receipt, shown once), /wbs/cek (status
// and messages with the receipt). Handlers: /wbs/kelola (unlock, list, detail, reply, states,
// exclusion, identity disclosure). Regency admin: /wbs/admin (recovery key, recovery, approvals).
// Statistics and evaluations without content: /wbs/statistik. Nothing of a reporter's connection is
// stored or logged here; the client address is used only as an HMAC input for the daily throttle.
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Child } from 'hono/jsx';
import { and, desc, sql } from 'drizzle-orm';
import { appendAudit } from '../../kernel/audit.ts';
import { registerPasswordListener } from '../../kernel/auth.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import { ACCEPTED_EXTENSIONS } from '../../kernel/files.ts';
import { chosenFiles, clientAddress, currentUnitOf, flash, formOf, pageView, type Ctx, type RouteOptions, type Router } from '../../kernel/http.tsx';
import { Badge, CheckboxField, Csrf, ErrorSummary, FileField as SharedFileField, PageHeader, ScrollRegion, SelectField, SummaryList, TextAreaField, TextField, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { formatReceipt } from './wbs.crypto.ts';
import { FINAL_STATES, parseReport, TRANSITIONS, WBS_RULES, type WbsState } from './wbs.rules.ts';
import { wbsEvaluations } from './wbs.schema.ts';
import {
  addMessage, approveDisclosure, changeState, countPublicUse, disclosedIdentity, excludeHandler, handlerAccess, handlersOf, listDisclosures, listForHandler,
  openPendingReceipt, openWithReceipt, PENDING_RECEIPT_MS, pendingDisclosures, readAttachment, readReport, recoverReports, recoveryStatus, replaceHandlerKey, reportsWithoutRecovery, rotateRecoveryKey, requestDisclosure,
  sealPendingReceipt, setupRecoveryKey, submitReport, todayIn, unlockedKey, unlockHandler, wbsPasswordListener, wbsStatistics, type ReportView, type Upload,
} from './wbs.service.ts';

const home = (v: View) => ({ href: '/', label: v.t('nav.home') });
const pub = (v: View) => ({ href: '/wbs', label: v.t('wbs.title') });
// the client address goes to the service only as an HMAC input of the day's throttle keys
const deps = (c: Ctx) => ({ db: c.var.deps.db, files: c.var.deps.files, secretKey: c.var.deps.config.secretKey, timeZone: c.var.deps.config.timeZone, client: clientAddress(c) });
const actorOf = (c: Ctx) => ({ accountId: c.var.actor!.accountId, label: c.var.actor!.username });
const stateTone = (s: string) => (s === 'rejected' ? 'danger' : FINAL_STATES.includes(s as WbsState) ? 'success' : s === 'received' ? 'warning' : 'info');
const StateBadge = ({ v, s }: { v: View; s: string }) => <Badge tone={stateTone(s)}>{v.t(`wbs.state.${s}`)}</Badge>;

// The receipt travels from the POST to the one page that shows it sealed in a short-lived, httpOnly
// cookie scoped to that page (wbs.service.ts sealPendingReceipt); it is deleted when shown.
const RECEIPT_COOKIE = 'itg_wbs_receipt';

/** The attachments chosen (an empty file is left out, as before the shared helper). */
function filesOf(body: Record<string, unknown>, name: string): File[] {
  return chosenFiles(body, name).filter((f) => f.size > 0);
}
async function uploadsOf(files: File[]): Promise<Upload[]> {
  return Promise.all(files.map(async (f) => ({ bytes: new Uint8Array(await f.arrayBuffer()), name: f.name })));
}
function stringsOf(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'string' && k !== '_csrf') out[k] = first;
  }
  return out;
}

function TextArea(props: { v: View; name: string; label: string; hint?: string; value?: string; rows?: number; required?: boolean; errors?: FieldErrors; maxlength?: number }) {
  return <TextAreaField {...props} rows={props.rows ?? 5} />;
}

function FileField({ v, errors, name = 'files', labelKey = 'wbs.field.files' }: { v: View; errors?: FieldErrors; name?: string; labelKey?: string }) {
  return <SharedFileField v={v} name={name} label={v.t(labelKey)} hint={v.t('wbs.field.files_hint', { n: WBS_RULES.attachments.maxFiles, types: ACCEPTED_EXTENSIONS })}
    errors={errors} errorParams={{ n: WBS_RULES.attachments.maxFiles }} multiple />;
}

/** Text as written, line breaks kept (no inline styles: CSP). */
function Lines({ text }: { text: string }) {
  const lines = text.split('\n');
  return <>{lines.map((l, i) => (i === 0 ? l : <><br />{l}</>))}</>;
}

function Messages({ v, r, attachmentHref }: { v: View; r: ReportView; attachmentHref?: (id: string) => string }) {
  if (!r.messages.length) return <p class="muted">{v.t('wbs.messages.none')}</p>;
  return (
    <ul class="inbox">
      {r.messages.map((m) => (
        <li class="inbox__item">
          <div class="inbox__head">
            <strong>{m.author === 'reporter' ? v.t('wbs.messages.reporter') : m.author === 'handler' ? v.t('wbs.messages.handler') : v.t('wbs.messages.state')}</strong>
            {m.state ? <StateBadge v={v} s={m.state} /> : null}
            <span class="muted">{v.date(m.on)}</span>
          </div>
          {m.body ? <p><Lines text={m.body} /></p> : null}
          {m.attachments.length ? <Attachments v={v} list={m.attachments} href={attachmentHref} /> : null}
        </li>
      ))}
    </ul>
  );
}

function Attachments({ v, list, href }: { v: View; list: ReportView['attachments']; href?: (id: string) => string }) {
  return (
    <ul class="plain-list">
      {list.map((a) => <li>{href ? <a href={href(a.id)}>{a.meta.name}</a> : a.meta.name} <span class="muted">({v.num(Math.ceil(a.meta.size / 1024))} KB)</span></li>)}
    </ul>
  );
}

function ReportContentView({ v, r }: { v: View; r: ReportView }) {
  if (!r.content) return <p class="muted">{v.t('wbs.purged')}</p>;
  return (
    <SummaryList rows={[
      [v.t('wbs.field.what'), <Lines text={r.content.what} />],
      [v.t('wbs.field.who'), r.content.who],
      [v.t('wbs.field.when'), r.content.when || '—'],
      [v.t('wbs.field.where'), r.content.where || '—'],
      [v.t('wbs.field.unit'), r.unitName ?? v.t('wbs.field.unit_unknown')],
    ]} />
  );
}

export function registerWbsRoutes(r: Router): void {
  registerPasswordListener('wbs', wbsPasswordListener);

  // ---- public -------------------------------------------------------------------------------------
  r.get('/wbs', 'wbs.public', async (c) => {
    const v = await pageView(c);
    return c.html(
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
      </Layout>,
    );
  });

  const reportForm = async (c: Ctx, opts: { form?: Record<string, string>; errors?: FieldErrors; status?: 200 | 400 | 429 } = {}) => {
    const v = await pageView(c);
    const units = await c.var.deps.db.execute(sql`select id, name from org_units where is_active order by name`);
    const unitRows = ((units as unknown as { rows?: { id: string; name: string }[] }).rows ?? (units as unknown as { id: string; name: string }[]));
    const f = opts.form ?? {};
    const labels = { what: v.t('wbs.field.what'), who: v.t('wbs.field.who'), when: v.t('wbs.field.when'), where: v.t('wbs.field.where'), unit: v.t('wbs.field.unit'), name: v.t('wbs.field.name'), contact: v.t('wbs.field.contact'), files: v.t('wbs.field.files') };
    return c.html(
      <Layout v={v} title={v.t('wbs.form.title')} crumbs={[home(v), pub(v), { label: v.t('wbs.form.title') }]}>
        <PageHeader title={v.t('wbs.form.title')} lead={v.t('wbs.form.lead')} />
        <ErrorSummary v={v} errors={opts.errors} labels={labels} />
        {opts.errors ? <div class="alert alert--warning" role="status">{v.t('wbs.form.files_again')}</div> : null}
        <form method="post" action="/wbs/lapor" class="form" enctype="multipart/form-data" novalidate>
          <Csrf v={v} />
          <TextArea v={v} name="what" label={labels.what} hint={v.t('wbs.field.what_hint')} value={f.what} rows={7} required errors={opts.errors} maxlength={10000} />
          <TextArea v={v} name="who" label={labels.who} hint={v.t('wbs.field.who_hint')} value={f.who} rows={3} required errors={opts.errors} maxlength={2000} />
          <TextField v={v} name="when" label={labels.when} hint={v.t('wbs.field.when_hint')} value={f.when} errors={opts.errors} maxlength={200} />
          <TextField v={v} name="where" label={labels.where} value={f.where} errors={opts.errors} maxlength={500} />
          <SelectField v={v} name="unit" label={labels.unit} hint={v.t('wbs.field.unit_hint')} value={f.unit} errors={opts.errors}
            placeholder={v.t('wbs.field.unit_unknown')} options={unitRows.map((u) => ({ value: u.id, label: u.name }))} />
          <FileField v={v} errors={opts.errors} />
          <fieldset class="fieldset">
            <legend>{v.t('wbs.identity.legend')}</legend>
            <p class="field__hint">{v.t('wbs.identity.hint')}</p>
            <TextField v={v} name="name" label={labels.name} value={f.name} errors={opts.errors} maxlength={200} autocomplete="off" />
            <TextField v={v} name="contact" label={labels.contact} value={f.contact} errors={opts.errors} maxlength={200} autocomplete="off" />
          </fieldset>
          <div class="form__actions"><button type="submit" class="button button--primary">{v.t('wbs.form.submit')}</button></div>
        </form>
      </Layout>,
      opts.status ?? 200,
    );
  };

  r.get('/wbs/lapor', 'wbs.public', (c) => reportForm(c));

  r.post('/wbs/lapor', 'wbs.public', { files: WBS_RULES.attachments.maxFiles }, async (c) => {
    const body = await c.req.parseBody({ all: true });
    const form = stringsOf(body);
    try {
      await countPublicUse(deps(c), 'submit');
      const input = parseReport(form);
      const { receipt } = await submitReport(deps(c), input, await uploadsOf(filesOf(body, 'files')));
      setCookie(c, RECEIPT_COOKIE, sealPendingReceipt(c.var.deps.config.secretKey, receipt), { path: '/wbs/tanda-terima', httpOnly: true, sameSite: 'Strict', secure: c.var.deps.config.isProduction, maxAge: PENDING_RECEIPT_MS / 1000 });
      return c.redirect('/wbs/tanda-terima', 303);
    } catch (err) {
      if (err instanceof DomainError && (err.kind === 'validation' || err.kind === 'throttled')) return reportForm(c, { form, errors: Object.keys(err.fieldErrors).length ? err.fieldErrors : { _: err.code }, status: err.kind === 'throttled' ? 429 : 400 });
      throw err;
    }
  });

  r.get('/wbs/tanda-terima', 'wbs.public', async (c) => {
    const receipt = openPendingReceipt(c.var.deps.config.secretKey, getCookie(c, RECEIPT_COOKIE));
    deleteCookie(c, RECEIPT_COOKIE, { path: '/wbs/tanda-terima' });
    const v = await pageView(c);
    return c.html(
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
      </Layout>,
    );
  });

  const checkForm = async (c: Ctx, opts: { errors?: FieldErrors; message?: string; status?: 200 | 400 | 429 } = {}) => {
    const v = await pageView(c);
    return c.html(
      <Layout v={v} title={v.t('wbs.check.title')} crumbs={[home(v), pub(v), { label: v.t('wbs.check.title') }]} narrow>
        <h1>{v.t('wbs.check.title')}</h1>
        <p class="lead">{v.t('wbs.check.lead')}</p>
        <ErrorSummary v={v} errors={opts.errors} labels={{ receipt: v.t('wbs.check.receipt') }} />
        {opts.message ? <div class="alert alert--error" role="alert">{opts.message}</div> : null}
        <form method="post" action="/wbs/cek" class="form" novalidate>
          <Csrf v={v} />
          <TextField v={v} name="receipt" label={v.t('wbs.check.receipt')} hint={v.t('wbs.check.receipt_hint')} inputmode="numeric" autocomplete="off" required errors={opts.errors} maxlength={40} />
          <button type="submit" class="button button--primary">{v.t('wbs.check.submit')}</button>
        </form>
      </Layout>,
      opts.status ?? 200,
    );
  };

  const statusPage = async (c: Ctx, receipt: string, reportId: string, dataKey: Buffer, opts: { sent?: boolean; errors?: FieldErrors; status?: 200 | 400 | 409 | 429 } = {}) => {
    const rep = await readReport(c.var.deps.db, reportId, dataKey);
    const v = await pageView(c);
    const closed = FINAL_STATES.includes(rep.state) || rep.purged;
    return c.html(
      <Layout v={v} title={v.t('wbs.status.title')} crumbs={[home(v), pub(v), { label: v.t('wbs.status.title') }]}>
        <PageHeader title={v.t('wbs.status.title')} />
        {opts.sent ? <div class="alert alert--success" role="status">{v.t('wbs.status.sent')}</div> : null}
        <ErrorSummary v={v} errors={opts.errors} labels={{ body: v.t('wbs.reply.body'), files: v.t('wbs.field.files') }} />
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
            <TextArea v={v} name="body" label={v.t('wbs.reply.body')} rows={4} required errors={opts.errors} maxlength={5000} />
            <FileField v={v} errors={opts.errors} labelKey="wbs.field.reply_files" />
            <button type="submit" class="button button--primary">{v.t('wbs.reply.send')}</button>
          </form>
        )}
        <h2>{v.t('wbs.status.your_report')}</h2>
        <ReportContentView v={v} r={rep} />
        {rep.attachments.length ? <Attachments v={v} list={rep.attachments} /> : null}
      </Layout>,
      opts.status ?? 200,
    );
  };

  const withReceipt = async (c: Ctx, receipt: string, then: (a: { reportId: string; dataKey: Buffer }) => Promise<Response>) => {
    try {
      const a = await openWithReceipt(deps(c), receipt);
      return await then(a);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'wbs.check.wrong') return checkForm(c, { errors: err.fieldErrors, status: 400 });
      throw err;
    }
  };

  r.get('/wbs/cek', 'wbs.public', (c) => checkForm(c));
  r.post('/wbs/cek', 'wbs.public', async (c) => {
    const form = await formOf(c);
    return withReceipt(c, form.receipt ?? '', (a) => statusPage(c, form.receipt ?? '', a.reportId, a.dataKey));
  });
  r.post('/wbs/cek/balas', 'wbs.public', { files: WBS_RULES.attachments.maxFiles }, async (c) => {
    const body = await c.req.parseBody({ all: true });
    const form = stringsOf(body);
    const receipt = form.receipt ?? '';
    return withReceipt(c, receipt, async (a) => {
      try {
        await countPublicUse(deps(c), 'reply');
        await addMessage(deps(c), a.reportId, a.dataKey, { kind: 'reporter' }, form.body ?? '', await uploadsOf(filesOf(body, 'files')));
      } catch (err) {
        if (err instanceof DomainError && (err.kind === 'validation' || err.kind === 'conflict' || err.kind === 'throttled')) {
          return statusPage(c, receipt, a.reportId, a.dataKey, { errors: Object.keys(err.fieldErrors).length ? err.fieldErrors : { _: err.code }, status: err.kind === 'conflict' ? 409 : err.kind === 'throttled' ? 429 : 400 });
        }
        throw err;
      }
      return statusPage(c, receipt, a.reportId, a.dataKey, { sent: true });
    });
  });

  // ---- handlers -----------------------------------------------------------------------------------
  const unlockForm = (v: View, errors?: FieldErrors, stale = false) => (
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

  const listPage = async (c: Ctx, opts: { errors?: FieldErrors; stale?: boolean; status?: 200 | 400 } = {}) => {
    const { db } = c.var.deps;
    const actor = c.var.actor!;
    const unlocked = !!unlockedKey(c.var.session!.id, actor.accountId);
    const rows = await listForHandler(db, actor.accountId);
    const v = await pageView(c);
    return c.html(
      <Layout v={v} title={v.t('wbs.manage.title')} crumbs={[home(v), { label: v.t('wbs.manage.title') }]}>
        <PageHeader title={v.t('wbs.manage.title')} lead={v.t('wbs.manage.lead')} actions={<a class="button" href="/wbs/statistik">{v.t('wbs.stats.title')}</a>} />
        {!unlocked || opts.stale || opts.errors ? unlockForm(v, opts.errors, opts.stale) : <div class="alert alert--success" role="status">{v.t('wbs.unlock.open')}</div>}
        <ScrollRegion label={v.t('wbs.manage.title')}>
          <table class="table">
            <caption class="visually-hidden">{v.t('wbs.manage.title')}</caption>
            <thead><tr><th scope="col">{v.t('wbs.list.report')}</th><th scope="col">{v.t('wbs.field.unit')}</th><th scope="col">{v.t('wbs.status.submitted')}</th><th scope="col">{v.t('wbs.status.state')}</th><th scope="col">{v.t('wbs.list.key')}</th></tr></thead>
            <tbody>
              {rows.length === 0 ? <tr><td colspan={5} class="table__empty">{v.t('wbs.list.empty')}</td></tr> : rows.map((r) => (
                <tr>
                  <td data-label={v.t('wbs.list.report')}><a class="nowrap" href={`/wbs/kelola/${r.id}`}>{`WBS-${r.id.slice(0, 8).toUpperCase()}`}</a></td>
                  <td data-label={v.t('wbs.field.unit')}>{r.unitName ?? v.t('wbs.field.unit_unknown')}</td>
                  <td data-label={v.t('wbs.status.submitted')}>{v.date(r.submittedOn)}</td>
                  <td data-label={v.t('wbs.status.state')}><StateBadge v={v} s={r.state} /></td>
                  <td data-label={v.t('wbs.list.key')}>{r.purged ? v.t('wbs.list.purged') : r.hasKey ? v.t('wbs.list.has_key') : v.t('wbs.list.no_key')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </Layout>,
      opts.status ?? 200,
    );
  };

  r.get('/wbs/kelola', 'wbs.handle', (c) => listPage(c));

  r.post('/wbs/kelola/buka', 'wbs.handle', async (c) => {
    const form = await formOf(c);
    try {
      const res = await unlockHandler(c.var.deps.db, c.var.actor!.accountId, form.password ?? '', c.var.session!.id);
      if (res === 'stale') return listPage(c, { stale: true });
      flash(c, 'success', res === 'created' ? 'wbs.unlock.created' : 'wbs.unlock.done');
      return c.redirect('/wbs/kelola', 303);
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'validation') return listPage(c, { errors: err.fieldErrors, status: 400 });
      throw err;
    }
  });

  r.post('/wbs/kelola/kunci-baru', 'wbs.handle', async (c) => {
    const form = await formOf(c);
    try {
      await replaceHandlerKey(c.var.deps.db, c.var.actor!.accountId, form.password ?? '', c.var.session!.id);
      flash(c, 'success', 'wbs.unlock.replaced');
      return c.redirect('/wbs/kelola', 303);
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'validation') return listPage(c, { errors: err.fieldErrors, stale: true, status: 400 });
      throw err;
    }
  });

  /** The report's key for this handler, or a response (locked → the unlock page; no key → said so). */
  const access = async (c: Ctx, id: string): Promise<Buffer | Response> => {
    const a = await handlerAccess(c.var.deps.db, c.var.actor!.accountId, c.var.session!.id, id);
    if (a.kind === 'open') return a.dataKey;
    if (a.kind === 'locked') return c.redirect('/wbs/kelola', 303);
    const v = await pageView(c);
    return c.html(
      <Layout v={v} title={v.t('wbs.detail.title')} crumbs={[home(v), { href: '/wbs/kelola', label: v.t('wbs.manage.title') }, { label: v.t('wbs.detail.title') }]}>
        <h1>{v.t('wbs.detail.title')}</h1>
        <div class="alert alert--warning" role="status">{v.t('wbs.detail.no_key')}</div>
      </Layout>,
      403,
    );
  };

  const detailPage = async (c: Ctx, id: string, dataKey: Buffer, opts: { errors?: FieldErrors; status?: 200 | 400 | 409 } = {}) => {
    const { db } = c.var.deps;
    const actor = c.var.actor!;
    const rep = await readReport(db, id, dataKey);
    const handlers = await handlersOf(db, id);
    const disclosures = await listDisclosures(db, id, dataKey);
    const identity = rep.hasIdentity ? await disclosedIdentity(db, id, dataKey, actorOf(c)) : null;
    const v = await pageView(c);
    const next = TRANSITIONS[rep.state];
    const base = `/wbs/kelola/${id}`;
    const mine = disclosures.find((d) => d.requestedBy === actor.accountId);
    return c.html(
      <Layout v={v} title={v.t('wbs.detail.title')} crumbs={[home(v), { href: '/wbs/kelola', label: v.t('wbs.manage.title') }, { label: `WBS-${id.slice(0, 8).toUpperCase()}` }]}>
        <PageHeader title={`WBS-${id.slice(0, 8).toUpperCase()}`} lead={rep.unitName ?? v.t('wbs.field.unit_unknown')} />
        <ErrorSummary v={v} errors={opts.errors} labels={{ body: v.t('wbs.reply.body'), files: v.t('wbs.field.files'), reason: v.t('wbs.disclosure.reason'), note: v.t('wbs.state.note') }} />
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
                      : d.requestedBy === actor.accountId ? <Badge tone="warning">{v.t('wbs.disclosure.waiting')}</Badge> : (
                        <form method="post" action={`${base}/ungkap/${d.id}/setujui`} class="inline-form" novalidate><Csrf v={v} /><button class="button button--small" type="submit">{v.t('wbs.disclosure.approve')}<span class="visually-hidden"> {d.requesterName ?? ''}</span></button></form>
                      )}
                  </li>
                ))}
              </ul>
            ) : null}
            {mine || rep.purged ? null : (
              <form method="post" action={`${base}/ungkap`} class="form" novalidate>
                <Csrf v={v} />
                <TextArea v={v} name="reason" label={v.t('wbs.disclosure.reason')} hint={v.t('wbs.disclosure.reason_hint')} rows={2} required errors={opts.errors} maxlength={1000} />
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
            <TextArea v={v} name="body" label={v.t('wbs.reply.to_reporter')} hint={v.t('wbs.reply.hint')} rows={4} required errors={opts.errors} maxlength={5000} />
            <FileField v={v} errors={opts.errors} labelKey="wbs.field.reply_files" />
            <button type="submit" class="button button--primary">{v.t('wbs.reply.send')}</button>
          </form>
        )}

        {next.length && !rep.purged ? (<>
          <h2>{v.t('wbs.state.change')}</h2>
          <form method="post" action={`${base}/status`} class="form" novalidate>
            <Csrf v={v} />
            <SelectField v={v} name="state" label={v.t('wbs.state.next')} required errors={opts.errors} options={next.map((s) => ({ value: s, label: v.t(`wbs.state.${s}`) }))} />
            <TextArea v={v} name="note" label={v.t('wbs.state.note')} hint={v.t('wbs.state.note_hint')} rows={2} errors={opts.errors} maxlength={5000} />
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
                  <button class="linkbutton" type="submit">{v.t(h.accountId === actor.accountId ? 'wbs.handlers.recuse' : 'wbs.handlers.exclude')}<span class="visually-hidden"> {h.name}</span></button>
                </form>
              )}
            </li>
          ))}
        </ul>
      </Layout>,
      opts.status ?? 200,
    );
  };

  const handlerPost = (path: string, action: string, run: (c: Ctx, id: string, key: Buffer, body: Record<string, unknown>) => Promise<string>, opts: RouteOptions = {}) => {
    r.post(`/wbs/kelola/:id${path}`, action, opts, async (c) => {
      const id = c.req.param('id') ?? '';
      const body = await c.req.parseBody({ all: true });
      const key = await access(c, id);
      if (key instanceof Response) return key;
      try {
        const msg = await run(c, id, key, body);
        flash(c, 'success', msg);
        return c.redirect(msg === 'wbs.handlers.excluded_done_self' ? '/wbs/kelola' : `/wbs/kelola/${id}`, 303);
      } catch (err) {
        if (err instanceof DomainError && (err.kind === 'validation' || err.kind === 'conflict')) {
          return detailPage(c, id, key, { errors: Object.keys(err.fieldErrors).length ? err.fieldErrors : { _: err.code }, status: err.kind === 'conflict' ? 409 : 400 });
        }
        throw err;
      }
    });
  };

  r.get('/wbs/kelola/:id', 'wbs.handle', async (c) => {
    const id = c.req.param('id') ?? '';
    const key = await access(c, id);
    return key instanceof Response ? key : detailPage(c, id, key);
  });

  r.get('/wbs/kelola/:id/lampiran/:att', 'wbs.handle', async (c) => {
    const id = c.req.param('id') ?? '';
    const key = await access(c, id);
    if (key instanceof Response) return key;
    const att = c.req.param('att') ?? '';
    if (!/^[0-9a-f-]{36}$/.test(att)) throw notFound();
    const { meta, bytes } = await readAttachment(c.var.deps.files, c.var.deps.db, id, att, key);
    await c.var.deps.db.transaction((tx) => appendAudit(tx, actorOf(c), { action: 'wbs.attachment_downloaded', entityType: 'wbs_report', entityId: id, data: { attachment: att } }));
    const ascii = meta.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': meta.mime, 'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(meta.name)}`,
      'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store',
    });
  });

  handlerPost('/balas', 'wbs.handle', async (c, id, key, body) => {
    await addMessage(deps(c), id, key, { kind: 'handler', actor: actorOf(c) }, stringsOf(body).body ?? '', await uploadsOf(filesOf(body, 'files')));
    return 'wbs.reply.sent';
  }, { files: WBS_RULES.attachments.maxFiles });
  handlerPost('/status', 'wbs.handle', async (c, id, key, body) => {
    const f = stringsOf(body);
    await changeState(deps(c), id, key, actorOf(c), f.state ?? '', f.note ?? '');
    return 'wbs.state.changed';
  });
  handlerPost('/kecualikan', 'wbs.handle', async (c, id, _key, body) => {
    const account = stringsOf(body).account ?? '';
    if (!/^[0-9a-f-]{36}$/.test(account)) throw notFound();
    await excludeHandler(c.var.deps.db, id, actorOf(c), account);
    return account === c.var.actor!.accountId ? 'wbs.handlers.excluded_done_self' : 'wbs.handlers.excluded_done';
  });
  handlerPost('/ungkap', 'wbs.handle', async (c, id, key, body) => {
    await requestDisclosure(c.var.deps.db, id, key, actorOf(c), stringsOf(body).reason ?? '');
    return 'wbs.disclosure.requested';
  });
  r.post('/wbs/kelola/:id/ungkap/:did/setujui', 'wbs.handle', async (c) => {
    const id = c.req.param('id') ?? '';
    const key = await access(c, id);
    if (key instanceof Response) return key;
    try {
      await approveDisclosure(c.var.deps.db, id, c.req.param('did') ?? '', actorOf(c));
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'conflict') return detailPage(c, id, key, { errors: { _: err.code }, status: 409 });
      throw err;
    }
    flash(c, 'success', 'wbs.disclosure.approved');
    return c.redirect(`/wbs/kelola/${id}`, 303);
  });

  // ---- regency administrator --------------------------------------------------------------------------
  const adminPage = async (c: Ctx, opts: { errors?: FieldErrors; recovered?: { reports: number; keys: number }; status?: 200 | 400 | 409 } = {}) => {
    const { db } = c.var.deps;
    const status = await recoveryStatus(db);
    const uncovered = status ? await reportsWithoutRecovery(db) : 0;
    const pending = await pendingDisclosures(db);
    const handlerRows = await db.execute(sql`
      select a.display_name as name, u.name as unit_name, exists(select 1 from wbs_handler_keys k where k.account_id = a.id) as has_key
      from org_role_assignments ra join kernel_accounts a on a.id = ra.account_id left join org_units u on u.id = ra.unit_id
      where ra.role = 'wbs_handler' order by u.name, a.display_name`);
    const handlers = ((handlerRows as unknown as { rows?: { name: string; unit_name: string | null; has_key: boolean }[] }).rows ?? []);
    // live reports with their handlers (no content), for exclusion by the administrator
    const liveRes = await db.execute(sql`select r.id, u.name as unit_name, r.state from wbs_reports r left join org_units u on u.id = r.unit_id where r.purged_on is null order by r.submitted_on desc, r.id limit 200`);
    const live = ((liveRes as unknown as { rows?: { id: string; unit_name: string | null; state: string }[] }).rows ?? []);
    const liveHandlers = await Promise.all(live.map((r) => handlersOf(db, r.id)));
    const v = await pageView(c);
    return c.html(
      <Layout v={v} title={v.t('wbs.admin.title')} crumbs={[home(v), { label: v.t('wbs.admin.title') }]}>
        <PageHeader title={v.t('wbs.admin.title')} lead={v.t('wbs.admin.lead')} />
        <ErrorSummary v={v} errors={opts.errors} labels={{ key: v.t('wbs.recovery.paste'), old_key: v.t('wbs.recovery.rotate_old') }} />
        {opts.recovered ? <div class="alert alert--success" role="status">{v.t('wbs.recovery.done', opts.recovered)}</div> : null}
        <h2>{v.t('wbs.recovery.title')}</h2>
        {status ? (<>
          <p>{v.t('wbs.recovery.set', { fp: status.fingerprint, on: v.date(status.createdAt) })}</p>
          <form method="post" action="/wbs/admin/pulihkan" class="form" novalidate>
            <Csrf v={v} />
            <TextArea v={v} name="key" label={v.t('wbs.recovery.paste')} hint={v.t('wbs.recovery.paste_hint')} rows={6} required errors={opts.errors} />
            <button type="submit" class="button">{v.t('wbs.recovery.run')}</button>
          </form>
          {uncovered > 0 ? <div class="alert alert--warning" role="status">{v.t('wbs.recovery.uncovered', { n: uncovered })}</div> : null}
          <h3>{v.t('wbs.recovery.rotate_title')}</h3>
          <p class="muted">{v.t('wbs.recovery.rotate_lead')}</p>
          <form method="post" action="/wbs/admin/ganti-kunci-pemulihan" class="form" novalidate>
            <Csrf v={v} />
            <TextArea v={v} name="old_key" label={v.t('wbs.recovery.rotate_old')} hint={v.t('wbs.recovery.rotate_old_hint')} rows={6} errors={opts.errors} />
            <CheckboxField v={v} name="old_lost" label={v.t('wbs.recovery.rotate_lost')} hint={v.t('wbs.recovery.rotate_lost_hint')} />
            <button type="submit" class="button">{v.t('wbs.recovery.rotate')}</button>
          </form>
        </>) : (<>
          <div class="alert alert--warning" role="status">{v.t('wbs.recovery.missing')}</div>
          <form method="post" action="/wbs/admin/kunci-pemulihan" class="form" novalidate><Csrf v={v} /><button type="submit" class="button button--primary">{v.t('wbs.recovery.create')}</button></form>
        </>)}
        <h2>{v.t('wbs.admin.handlers')}</h2>
        <p class="muted">{v.t('wbs.admin.handlers_hint')}</p>
        {handlers.length ? <ul class="plain-list">{handlers.map((h) => <li>{h.name} — {h.unit_name ?? '—'} {h.has_key ? <Badge tone="success">{v.t('wbs.handlers.has_key')}</Badge> : <Badge tone="neutral">{v.t('wbs.admin.no_key_yet')}</Badge>}</li>)}</ul> : <p class="muted">{v.t('wbs.admin.no_handlers')}</p>}
        <h2>{v.t('wbs.admin.exclusions')}</h2>
        <p class="muted">{v.t('wbs.handlers.hint')}</p>
        {live.length ? (
          <ul class="plain-list">
            {live.map((r, i) => (
              <li>
                <strong class="nowrap">{`WBS-${r.id.slice(0, 8).toUpperCase()}`}</strong> · {r.unit_name ?? v.t('wbs.field.unit_unknown')} · <StateBadge v={v} s={r.state} />
                <ul class="plain-list">
                  {liveHandlers[i].map((h) => (
                    <li>
                      {h.name} {h.excluded ? <Badge tone="danger">{v.t('wbs.handlers.excluded')}</Badge> : (
                        <form method="post" action={`/wbs/admin/kecualikan/${r.id}`} class="inline-form" novalidate>
                          <Csrf v={v} /><input type="hidden" name="account" value={h.accountId} />
                          <button class="linkbutton" type="submit">{v.t('wbs.handlers.exclude')}<span class="visually-hidden"> {h.name} · {`WBS-${r.id.slice(0, 8).toUpperCase()}`}</span></button>
                        </form>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        ) : <p class="muted">{v.t('wbs.list.empty')}</p>}
        <h2>{v.t('wbs.admin.disclosures')}</h2>
        {pending.length ? (
          <ul class="plain-list">
            {pending.map((p) => (
              <li>
                {`WBS-${p.reportId.slice(0, 8).toUpperCase()}`} · {p.unitName ?? v.t('wbs.field.unit_unknown')} · {v.t('wbs.disclosure.line', { who: p.requesterName ?? '—', on: v.date(p.requestedAt) })}{' '}
                <form method="post" action={`/wbs/admin/ungkap/${p.reportId}/${p.id}`} class="inline-form" novalidate><Csrf v={v} /><button class="button button--small" type="submit">{v.t('wbs.disclosure.approve')}<span class="visually-hidden"> {`WBS-${p.reportId.slice(0, 8).toUpperCase()}`}</span></button></form>
              </li>
            ))}
          </ul>
        ) : <p class="muted">{v.t('wbs.admin.no_disclosures')}</p>}
      </Layout>,
      opts.status ?? 200,
    );
  };

  r.get('/wbs/admin', 'wbs.admin', (c) => adminPage(c));

  r.post('/wbs/admin/kunci-pemulihan', 'wbs.admin', async (c) => {
    let made: { text: string; fingerprint: string };
    try {
      made = await setupRecoveryKey(c.var.deps.db, actorOf(c));
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'conflict') return adminPage(c, { errors: { _: err.code }, status: 409 });
      throw err;
    }
    return sheetPage(c, made);
  });

  /** The new recovery key, shown once (after creation or rotation). */
  const sheetPage = async (c: Ctx, made: { text: string; fingerprint: string; rewrapped?: number; pending?: number }) => {
    const v = await pageView(c);
    return c.html(
      <Layout v={v} title={v.t('wbs.recovery.sheet_title')} crumbs={[home(v), { href: '/wbs/admin', label: v.t('wbs.admin.title') }, { label: v.t('wbs.recovery.sheet_title') }]} narrow>
        <h1>{v.t('wbs.recovery.sheet_title')}</h1>
        {made.rewrapped !== undefined ? <div class="alert alert--success" role="status">{v.t('wbs.recovery.rotated', { rewrapped: made.rewrapped, pending: made.pending ?? 0 })}</div> : null}
        <div class="alert alert--warning" role="alert">
          <strong>{v.t('wbs.recovery.once')}</strong>
          <ul>{['print', 'two_places', 'lost'].map((k) => <li>{v.t(`wbs.recovery.advice.${k}`)}</li>)}</ul>
        </div>
        <div class="card">
          <p>{v.t('wbs.recovery.fingerprint', { fp: made.fingerprint })}</p>
          <pre class="temp-password" data-recovery-key>{made.text}</pre>
        </div>
        <p><a class="button" href="/wbs/admin">{v.t('wbs.recovery.stored')}</a></p>
      </Layout>,
    );
  };

  r.post('/wbs/admin/ganti-kunci-pemulihan', 'wbs.admin', async (c) => {
    const form = await formOf(c);
    try {
      const made = await rotateRecoveryKey(c.var.deps.db, actorOf(c), { oldText: form.old_key ?? '', oldLost: form.old_lost === '1' });
      return sheetPage(c, made);
    } catch (err) {
      if (err instanceof DomainError && (err.kind === 'validation' || err.kind === 'conflict')) return adminPage(c, { errors: Object.keys(err.fieldErrors).length ? err.fieldErrors : { _: err.code }, status: err.kind === 'conflict' ? 409 : 400 });
      throw err;
    }
  });

  r.post('/wbs/admin/pulihkan', 'wbs.admin', async (c) => {
    const form = await formOf(c);
    try {
      const res = await recoverReports(c.var.deps.db, actorOf(c), form.key ?? '');
      return adminPage(c, { recovered: res });
    } catch (err) {
      if (err instanceof DomainError && (err.kind === 'validation' || err.kind === 'conflict')) return adminPage(c, { errors: Object.keys(err.fieldErrors).length ? err.fieldErrors : { _: err.code }, status: 400 });
      throw err;
    }
  });

  r.post('/wbs/admin/kecualikan/:id', 'wbs.admin', async (c) => {
    const id = c.req.param('id') ?? '';
    const account = (await formOf(c)).account ?? '';
    if (!/^[0-9a-f-]{36}$/.test(id) || !/^[0-9a-f-]{36}$/.test(account)) throw notFound();
    try {
      await excludeHandler(c.var.deps.db, id, actorOf(c), account);
    } catch (err) {
      if (err instanceof DomainError && (err.kind === 'validation' || err.kind === 'conflict')) return adminPage(c, { errors: { _: err.code }, status: 400 });
      throw err;
    }
    flash(c, 'success', 'wbs.handlers.excluded_done');
    return c.redirect('/wbs/admin', 303);
  });

  r.post('/wbs/admin/ungkap/:id/:did', 'wbs.admin', async (c) => {
    try {
      await approveDisclosure(c.var.deps.db, c.req.param('id') ?? '', c.req.param('did') ?? '', actorOf(c));
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'conflict') return adminPage(c, { errors: { _: err.code }, status: 409 });
      throw err;
    }
    flash(c, 'success', 'wbs.disclosure.approved');
    return c.redirect('/wbs/admin', 303);
  });

  // ---- statistics and evaluations (no content) ---------------------------------------------------------
  const statsPage = async (c: Ctx, opts: { errors?: FieldErrors; form?: Record<string, string>; status?: 200 | 400 } = {}) => {
    const { db, config } = c.var.deps;
    const scope = c.var.scope!;
    const year = Number.parseInt(c.req.query('year') ?? '', 10) || Number(todayIn(config.timeZone).slice(0, 4));
    const units = scope.all ? null : scope.unitIds;
    const stats = await wbsStatistics(db, units, year);
    const unitId = currentUnitOf(c);
    const evals = await db.select().from(wbsEvaluations)
      .where(units === null ? sql`extract(year from ${wbsEvaluations.heldOn}) = ${year}` : and(sql`extract(year from ${wbsEvaluations.heldOn}) = ${year}`, units.length ? sql`${wbsEvaluations.unitId} in (${sql.join(units.map((u) => sql`${u}`), sql`, `)})` : sql`false`))
      .orderBy(desc(wbsEvaluations.heldOn));
    const v = await pageView(c);
    const canEval = !!unitId && v.can('wbs.evaluate', unitId);
    return c.html(
      <Layout v={v} title={v.t('wbs.stats.title')} crumbs={[home(v), { label: v.t('wbs.stats.title') }]}>
        <PageHeader title={v.t('wbs.stats.title')} lead={v.t('wbs.stats.lead', { year })} />
        <ErrorSummary v={v} errors={opts.errors} labels={{ heldOn: v.t('wbs.eval.held_on'), findings: v.t('wbs.eval.findings') }} />
        <div class="stats">
          <div class="stat"><span class="stat__value">{v.num(stats.total)}</span><span class="stat__label">{v.t('wbs.stats.total')}</span></div>
          {(['received', 'verified', 'investigating', 'forwarded', 'proven', 'not_proven', 'rejected', 'closed'] as const).map((s) => (
            <div class="stat"><span class="stat__value">{v.num(stats.byState[s] ?? 0)}</span><span class="stat__label">{v.t(`wbs.state.${s}`)}</span></div>
          ))}
        </div>
        <ScrollRegion label={v.t('wbs.stats.by_month')}>
          <table class="table">
            <caption class="visually-hidden">{v.t('wbs.stats.by_month')}</caption>
            <thead><tr><th scope="col">{v.t('wbs.stats.month')}</th><th scope="col" class="num">{v.t('wbs.stats.received')}</th><th scope="col" class="num">{v.t('wbs.stats.closed')}</th></tr></thead>
            <tbody>
              {stats.byMonth.length === 0 ? <tr><td colspan={3} class="table__empty">{v.t('wbs.stats.none')}</td></tr> : stats.byMonth.map((m) => (
                <tr><td data-label={v.t('wbs.stats.month')}>{m.month}</td><td class="num" data-label={v.t('wbs.stats.received')}>{v.num(m.received)}</td><td class="num" data-label={v.t('wbs.stats.closed')}>{v.num(m.closed)}</td></tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <h2>{v.t('wbs.eval.title')}</h2>
        <p class="muted">{v.t('wbs.eval.hint')}</p>
        {evals.length ? (
          <ul class="plain-list">
            {evals.map((e) => <li><strong>{v.date(e.heldOn)}</strong> — {e.findings} {e.followedUp ? <Badge tone="success">{v.t('wbs.eval.followed_up')}</Badge> : <Badge tone="warning">{v.t('wbs.eval.not_followed_up')}</Badge>}{e.followUp ? <div class="muted">{e.followUp}</div> : null}</li>)}
          </ul>
        ) : <p class="muted">{v.t('wbs.eval.none')}</p>}
        {canEval ? (
          <form method="post" action="/wbs/evaluasi" class="form" novalidate>
            <Csrf v={v} />
            <input type="hidden" name="unit" value={unitId!} />
            <TextField v={v} name="heldOn" type="date" label={v.t('wbs.eval.held_on')} value={opts.form?.heldOn} required errors={opts.errors} width="short" />
            <TextArea v={v} name="findings" label={v.t('wbs.eval.findings')} hint={v.t('wbs.eval.findings_hint')} value={opts.form?.findings} rows={3} required errors={opts.errors} maxlength={3000} />
            <TextArea v={v} name="followUp" label={v.t('wbs.eval.follow_up')} value={opts.form?.followUp} rows={2} errors={opts.errors} maxlength={3000} />
            <CheckboxField v={v} name="followedUp" label={v.t('wbs.eval.followed_up')} checked={opts.form?.followedUp === '1'} errors={opts.errors} />
            <button type="submit" class="button">{v.t('wbs.eval.add')}</button>
          </form>
        ) : null}
      </Layout>,
      opts.status ?? 200,
    );
  };

  r.get('/wbs/statistik', 'wbs.stats', (c) => statsPage(c));

  r.post('/wbs/evaluasi', 'wbs.evaluate', async (c) => {
    const form = await formOf(c);
    const unitId = form.unit ?? '';
    if (!/^[0-9a-f-]{36}$/.test(unitId) || !c.var.deps.access.can(c.var.actor, 'wbs.evaluate', unitId)) throw notFound();
    const errors: FieldErrors = {};
    const heldOn = (form.heldOn ?? '').trim();
    const findings = (form.findings ?? '').trim();
    const followUp = (form.followUp ?? '').trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(heldOn) || Number.isNaN(Date.parse(heldOn)) || heldOn > todayIn(c.var.deps.config.timeZone)) errors.heldOn = 'wbs.eval.held_on_invalid';
    if (!findings) errors.findings = 'wbs.eval.findings_required';
    else if (findings.length > 3000) errors.findings = 'wbs.error.too_long';
    if (followUp.length > 3000) errors.followUp = 'wbs.error.too_long';
    if (Object.keys(errors).length) return statsPage(c, { errors, form, status: 400 });
    await c.var.deps.db.transaction(async (tx) => {
      const [e] = await tx.insert(wbsEvaluations).values({ unitId, heldOn, findings, followUp: followUp || null, followedUp: form.followedUp === '1', createdBy: c.var.actor!.accountId }).returning({ id: wbsEvaluations.id });
      await appendAudit(tx, actorOf(c), { action: 'wbs.evaluation_added', entityType: 'wbs_evaluation', entityId: e.id, unitId });
    });
    flash(c, 'success', 'wbs.eval.added');
    return c.redirect('/wbs/statistik', 303);
  });

}
