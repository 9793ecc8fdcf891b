// Pages of the complaints module. Public (no account): the form /pengaduan (and
// /publik/unit/:code/pengaduan with the unit chosen), the tracking page /pengaduan/lacak (the code
// travels only in POST bodies, never in a URL). Staff: /pengaduan/kelola (list, detail, handling,
// entry for other channels), /pengaduan/impor (SP4N-LAPOR! export), /pengaduan/statistik (+ PDF).
import { pdfResponse } from '../../kernel/documents.ts';
import type { Scope } from '../../kernel/access.ts';
import { offDays } from '../../kernel/calendar.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import { ACCEPTED_EXTENSIONS } from '../../kernel/files.ts';
import { clientAddress, flash, formOf, pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { Badge, CheckboxField, Csrf, DataTable, ErrorSummary, FileField, PageHeader, Pagination, RadioGroup, SelectField, SummaryList, TextAreaField, TextField, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { regencyToday, dayIn } from '../../kernel/workdays.ts';
import { formatFileSize, sanitizeFileName } from '../evidence/index.ts';
import { findRegency, findUnit, listUnits } from '../org/index.ts';
import { renderComplaintReportPdf, reportModel } from './complaints.pdf.ts';
import { LAPOR_COLUMNS, MAX_IMPORT_BYTES, importLapor, type ImportResult } from './complaints.import.ts';
import { CATEGORIES, CLASSIFICATIONS, CHANNELS, OPEN_STATES, STAFF_CHANNELS, STATES, allowed, parsePeriod, periodsOfYear, slaDaysOf, type SlaStatus } from './complaints.rules.ts';
import {
  addEntry, addInfo, assign, clientKey, createByStaff, entriesOf, findComplaint, finish, forward, giveSatisfaction, handlersOf, listComplaints, listedComplaint,
  statsFor, submitPublic, throttle, track, type Attachment, type Ctx as SvcCtx,
} from './complaints.service.ts';

const BASE = '/pengaduan/kelola';
const ID = ':id{[0-9a-f-]{36}}';
const PAGE = 20;

function svc(c: Ctx): SvcCtx {
  const a = c.var.actor!;
  return { db: c.var.deps.db, actor: { accountId: a.accountId, label: a.username }, emailEnabled: c.var.deps.emailEnabled };
}

function errorsOf(err: unknown): { errors: FieldErrors; status: 400 | 409 | 404 | 429 } {
  if (err instanceof DomainError && (err.kind === 'validation' || err.kind === 'conflict' || err.kind === 'throttled')) {
    return { errors: Object.keys(err.fieldErrors).length ? err.fieldErrors : { _: err.code }, status: err.kind === 'validation' ? 400 : err.kind === 'throttled' ? 429 : 409 };
  }
  throw err;
}

async function attachmentOf(c: Ctx, field = 'attachment'): Promise<Attachment | null> {
  const body = await c.req.parseBody();
  const f = body[field];
  if (!f || typeof f === 'string') return null;
  const file = f as File;
  if (file.size === 0 && !file.name) return null;
  return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
}

const slaTone = (s: SlaStatus) => (s === 'overdue' || s === 'late' ? 'danger' : s === 'near' ? 'warning' : s === 'met' ? 'success' : 'neutral');
const stateTone = (s: string) => (s === 'closed' ? 'success' : s === 'received' ? 'warning' : s === 'in_process' ? 'info' : 'neutral');

function StateBadge({ v, state }: { v: View; state: string }) {
  return <Badge tone={stateTone(state)}>{v.t(`complaints.state.${state}`)}</Badge>;
}

async function activeUnits(c: Ctx) {
  return (await listUnits(c.var.deps.db, { all: true })).filter((u) => u.isActive);
}

// ---- the public form ---------------------------------------------------------------------------

function PublicForm({ v, units, form, errors, fixedUnit }: { v: View; units: { id: string; name: string }[]; form: Record<string, string>; errors: FieldErrors; fixedUnit: { id: string; name: string } | null }) {
  const catOptions = CATEGORIES.map((k) => ({ value: k, label: v.t(`complaints.category.${k}`) }));
  return (
    <form method="post" action="/pengaduan" enctype="multipart/form-data" class="form" novalidate>
      <Csrf v={v} />
      {fixedUnit ? (<><input type="hidden" name="unitId" value={fixedUnit.id} /><p><strong>{v.t('complaints.field.unit')}:</strong> {fixedUnit.name}</p></>)
        : <SelectField v={v} name="unitId" label={v.t('complaints.field.unit')} required value={form.unitId} errors={errors} placeholder={v.t('complaints.choose')} options={units.map((u) => ({ value: u.id, label: u.name }))} />}
      <SelectField v={v} name="category" label={v.t('complaints.field.category')} required value={form.category} errors={errors} placeholder={v.t('complaints.choose')} options={catOptions} />
      <TextField v={v} name="subject" label={v.t('complaints.field.subject')} required value={form.subject} errors={errors} maxlength={200} />
      <TextAreaField v={v} name="description" label={v.t('complaints.field.description')} hint={v.t('complaints.field.description_hint')} required value={form.description} errors={errors} rows={6} maxlength={5000} />
      <TextField v={v} name="location" label={v.t('complaints.field.location')} value={form.location} errors={errors} maxlength={300} />
      <TextField v={v} name="eventDate" type="date" label={v.t('complaints.field.event_date')} hint={v.t('complaints.field.event_date_hint')} value={form.eventDate} errors={errors} width="short" />
      <fieldset class="card">
        <legend>{v.t('complaints.public.identity')}</legend>
        <p class="muted">{v.t('complaints.public.identity_hint')}</p>
        <TextField v={v} name="name" label={v.t('complaints.field.name')} value={form.name} errors={errors} maxlength={150} autocomplete="name" />
        <TextField v={v} name="contact" label={v.t('complaints.field.contact')} hint={v.t('complaints.field.contact_hint')} value={form.contact} errors={errors} maxlength={150} />
        <CheckboxField v={v} name="anonymous" label={v.t('complaints.field.anonymous')} checked={form.anonymous === '1'} errors={errors} />
      </fieldset>
      <FileField v={v} name="attachment" label={v.t('complaints.field.attachment')} hint={v.t('complaints.field.attachment_hint', { types: ACCEPTED_EXTENSIONS })} errors={errors} />
      <div class="visually-hidden" aria-hidden="true">
        <label for="f-website">{v.t('complaints.public.honeypot')}</label>
        <input id="f-website" name="website" tabindex={-1} autocomplete="off" value="" />
      </div>
      <div class="form__actions"><button class="button button--primary" type="submit">{v.t('complaints.public.submit')}</button></div>
    </form>
  );
}

export function registerComplaintsRoutes(r: Router): void {
  async function publicFormPage(c: Ctx, form: Record<string, string> = {}, errors: FieldErrors = {}, status: 200 | 400 | 429 = 200, fixedUnit: { id: string; name: string } | null = null) {
    const v = await pageView(c);
    const units = await activeUnits(c);
    return c.html(
      <Layout v={v} title={v.t('complaints.public.title')} narrow>
        <PageHeader title={v.t('complaints.public.title')} lead={v.t('complaints.public.lead')} />
        <ErrorSummary v={v} errors={errors} />
        <p><a href="/pengaduan/lacak">{v.t('complaints.public.track_link')}</a></p>
        <PublicForm v={v} units={units} form={form} errors={errors} fixedUnit={fixedUnit} />
      </Layout>, status);
  }

  r.get('/pengaduan', 'complaints.public', (c) => publicFormPage(c, { unitId: c.req.query('unit') ?? '' }));

  r.get('/publik/unit/:code{[A-Za-z0-9._-]{1,40}}/pengaduan', 'complaints.public', async (c) => {
    const code = (c.req.param('code') ?? '').toLowerCase();
    const unit = (await activeUnits(c)).find((u) => u.code.toLowerCase() === code);
    if (!unit) throw notFound();
    return publicFormPage(c, { unitId: unit.id }, {}, 200, { id: unit.id, name: unit.name });
  });

  r.post('/pengaduan', 'complaints.public', { files: 1 }, async (c) => {
    const form = await formOf(c);
    const deps = c.var.deps;
    try {
      if (form.website) throw new DomainError('validation', 'complaints.err.spam');
      await throttle(deps.db, clientKey(deps.config.secretKey, regencyToday(), clientAddress(c)), 'submit', regencyToday());
      const created = await submitPublic(deps.db, deps.files, deps.emailEnabled, form, await attachmentOf(c));
      const v = await pageView(c);
      return c.html(
        <Layout v={v} title={v.t('complaints.public.thanks')} narrow>
          <PageHeader title={v.t('complaints.public.thanks')} lead={v.t('complaints.public.thanks_lead')} />
          <section class="card">
            <h2>{v.t('complaints.public.your_code')}</h2>
            <p class="tracking-code"><strong data-tracking-code>{created.code}</strong></p>
            <p>{v.t('complaints.public.code_keep')}</p>
          </section>
          <p><a class="button" href="/pengaduan/lacak">{v.t('complaints.public.track_link')}</a></p>
        </Layout>);
    } catch (err) {
      const e = errorsOf(err);
      return publicFormPage(c, form, e.errors, e.status === 429 ? 429 : 400);
    }
  });

  // ---- tracking --------------------------------------------------------------------------------
  async function trackPage(c: Ctx, code: string | null, errors: FieldErrors = {}, status: 200 | 400 | 404 | 409 | 429 = 200) {
    const v = await pageView(c);
    const found = code ? await track(c.var.deps.db, code) : null;
    const cpl = found?.complaint;
    return c.html(
      <Layout v={v} title={v.t('complaints.track.title')} narrow>
        <PageHeader title={v.t('complaints.track.title')} lead={found ? undefined : v.t('complaints.track.lead')} />
        <ErrorSummary v={v} errors={errors} />
        {!found ? (
          <form method="post" action="/pengaduan/lacak" class="form" novalidate>
            <Csrf v={v} />
            <TextField v={v} name="code" label={v.t('complaints.track.code')} hint={v.t('complaints.track.code_hint')} required errors={errors} autocomplete="off" maxlength={60} />
            <div class="form__actions"><button class="button button--primary" type="submit">{v.t('complaints.track.show')}</button></div>
          </form>
        ) : (<>
          <section class="card" aria-labelledby="t-status">
            <h2 id="t-status">{cpl!.subject}</h2>
            <SummaryList rows={[
              [v.t('complaints.field.status'), <StateBadge v={v} state={cpl!.state} />],
              [v.t('complaints.field.unit'), found.unitName],
              [v.t('complaints.field.category'), v.t(`complaints.category.${cpl!.category}`)],
              [v.t('complaints.field.received'), v.date(cpl!.receivedOn)],
              ...((OPEN_STATES as readonly string[]).includes(cpl!.state) ? [[v.t('complaints.field.deadline'), v.date(found.deadline)] as [string, string]] : []),
              ...(cpl!.referTo ? [[v.t('complaints.field.refer_to'), cpl!.referTo] as [string, string]] : []),
            ]} />
          </section>
          <section class="card">
            <h2>{v.t('complaints.track.history')}</h2>
            <ol class="plain-list">
              {found.entries.map((e) => (
                <li data-entry={e.kind}>
                  <strong>{v.t(`complaints.entry.${e.kind}`, { unit: String(e.data.unitName ?? ''), score: String(e.data.score ?? '') })}</strong> <span class="muted">· {v.dateTime(e.at)}</span>
                  {e.body ? <p class="prewrap">{e.body}</p> : null}
                </li>
              ))}
            </ol>
          </section>
          {allowed(cpl!.state, 'info') ? (
            <form method="post" action="/pengaduan/lacak/info" class="form card" novalidate>
              <Csrf v={v} /><input type="hidden" name="code" value={code!} />
              <h2>{v.t('complaints.track.add_info')}</h2>
              <TextAreaField v={v} name="info" label={v.t('complaints.track.info')} required errors={errors} rows={4} maxlength={5000} />
              <div class="form__actions"><button class="button button--secondary" type="submit">{v.t('complaints.track.send_info')}</button></div>
            </form>
          ) : null}
          {allowed(cpl!.state, 'satisfaction', cpl!.satisfaction !== null) ? (
            <form method="post" action="/pengaduan/lacak/kepuasan" class="form card" novalidate>
              <Csrf v={v} /><input type="hidden" name="code" value={code!} />
              <RadioGroup v={v} name="satisfaction" legend={v.t('complaints.track.satisfaction')} required errors={errors}
                choices={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: v.t(`complaints.satisfaction.${n}`) }))} />
              <TextAreaField v={v} name="note" label={v.t('complaints.track.satisfaction_note')} errors={errors} rows={3} maxlength={5000} />
              <div class="form__actions"><button class="button button--primary" type="submit">{v.t('complaints.track.send_satisfaction')}</button></div>
            </form>
          ) : cpl!.satisfaction !== null ? <p class="muted">{v.t('complaints.track.satisfaction_given', { score: v.t(`complaints.satisfaction.${cpl!.satisfaction}`) })}</p> : null}
        </>)}
      </Layout>, status);
  }

  const trackThrottle = async (c: Ctx) => {
    const deps = c.var.deps;
    const today = regencyToday();
    await throttle(deps.db, clientKey(deps.config.secretKey, today, clientAddress(c)), 'track', today);
  };

  r.get('/pengaduan/lacak', 'complaints.public', (c) => trackPage(c, null));
  r.post('/pengaduan/lacak', 'complaints.public', async (c) => {
    const form = await formOf(c);
    try {
      await trackThrottle(c);
    } catch (err) { return trackPage(c, null, errorsOf(err).errors, 429); }
    const found = await track(c.var.deps.db, form.code ?? '');
    if (!found) return trackPage(c, null, { code: 'complaints.err.code' }, 404);
    return trackPage(c, form.code!);
  });
  r.post('/pengaduan/lacak/info', 'complaints.public', async (c) => {
    const form = await formOf(c);
    try {
      await trackThrottle(c);
      await addInfo(c.var.deps.db, c.var.deps.emailEnabled, form.code ?? '', form.info ?? '');
      flash(c, 'success', 'complaints.track.info_sent');
      return trackPage(c, form.code!);
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'not_found') return trackPage(c, null, { code: 'complaints.err.code' }, 404);
      const e = errorsOf(err);
      return trackPage(c, e.status === 429 ? null : form.code!, e.errors, e.status as 400);
    }
  });
  r.post('/pengaduan/lacak/kepuasan', 'complaints.public', async (c) => {
    const form = await formOf(c);
    try {
      await trackThrottle(c);
      await giveSatisfaction(c.var.deps.db, form.code ?? '', form.satisfaction ?? '', form.note ?? '');
      return trackPage(c, form.code!);
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'not_found') return trackPage(c, null, { code: 'complaints.err.code' }, 404);
      const e = errorsOf(err);
      return trackPage(c, e.status === 429 ? null : form.code!, e.errors, e.status as 400);
    }
  });

  // ---- staff: list -------------------------------------------------------------------------------
  function UnitPicker({ v, units, value, action, allLabel, extra = {} }: { v: View; units: { id: string; name: string }[]; value: string; action: string; allLabel?: string; extra?: Record<string, string> }) {
    if (units.length <= 1 && !allLabel) return null;
    return (
      <form method="get" action={action} class="form form--inline card" novalidate>
        {Object.entries(extra).map(([k, val]) => <input type="hidden" name={k} value={val} />)}
        <SelectField v={v} name="unit" label={v.t('complaints.field.unit')} value={value} placeholder={allLabel} options={units.map((u) => ({ value: u.id, label: u.name }))} />
        <button class="button button--secondary" type="submit">{v.t('complaints.show')}</button>
      </form>
    );
  }

  async function scopedUnits(c: Ctx, scope: Scope) {
    return await listUnits(c.var.deps.db, scope);
  }

  r.get(BASE, 'complaints.stats', async (c) => {
    const v = await pageView(c);
    if (!v.can('complaints.view')) return c.redirect('/pengaduan/statistik', 303);
    const scope = c.var.deps.access.scopeOf(c.var.actor, 'complaints.view')!;
    const units = await scopedUnits(c, scope);
    const q = (k: string) => c.req.query(k) ?? '';
    const unitId = units.some((u) => u.id === q('unit')) ? q('unit') : units.length > 1 && scope.all ? '' : units.find((u) => u.id === v.currentUnitId)?.id ?? units[0]?.id ?? '';
    const filter = {
      unitId: unitId || null,
      state: (STATES as readonly string[]).includes(q('state')) ? q('state') : undefined,
      category: CATEGORIES.includes(q('category')) ? q('category') : undefined,
      channel: CHANNELS.includes(q('channel')) ? q('channel') : undefined,
      overdue: q('overdue') === '1',
    };
    const page = Math.max(1, Math.min(100_000, Number(q('page')) || 1));
    const { rows: pageRows, total, overdue } = await listComplaints(c.var.deps.db, scope, filter, { limit: PAGE, offset: (page - 1) * PAGE });
    const query = { unit: unitId, state: filter.state, category: filter.category, channel: filter.channel, overdue: filter.overdue ? '1' : undefined };
    const canHandle = v.can('complaints.handle');
    return c.html(
      <Layout v={v} title={v.t('complaints.list.title')} crumbs={[{ label: v.t('complaints.list.title') }]}>
        <PageHeader title={v.t('complaints.list.title')} lead={v.t('complaints.list.lead')} actions={<>
          {canHandle ? <a class="button" href={`${BASE}/baru${unitId ? `?unit=${unitId}` : ''}`}>{v.t('complaints.entry.title')}</a> : null}
          {canHandle ? <a class="button button--secondary" href="/pengaduan/impor">{v.t('complaints.import.title')}</a> : null}
          <a class="button button--secondary" href="/pengaduan/statistik">{v.t('complaints.stats.title')}</a>
        </>} />
        <form method="get" action={BASE} class="form form--inline card" novalidate>
          <SelectField v={v} name="unit" label={v.t('complaints.field.unit')} value={unitId} placeholder={scope.all ? v.t('complaints.all_units') : undefined} options={units.map((u) => ({ value: u.id, label: u.name }))} />
          <SelectField v={v} name="state" label={v.t('complaints.field.status')} value={filter.state ?? ''} placeholder={v.t('complaints.any')} options={STATES.map((s) => ({ value: s, label: v.t(`complaints.state.${s}`) }))} />
          <SelectField v={v} name="category" label={v.t('complaints.field.category')} value={filter.category ?? ''} placeholder={v.t('complaints.any')} options={CATEGORIES.map((s) => ({ value: s, label: v.t(`complaints.category.${s}`) }))} />
          <SelectField v={v} name="channel" label={v.t('complaints.field.channel')} value={filter.channel ?? ''} placeholder={v.t('complaints.any')} options={CHANNELS.map((s) => ({ value: s, label: v.t(`complaints.channel.${s}`) }))} />
          <CheckboxField v={v} name="overdue" label={v.t('complaints.filter.overdue')} checked={filter.overdue} />
          <button class="button button--secondary" type="submit">{v.t('complaints.filter.apply')}</button>
        </form>
        <p class="muted">{v.t('complaints.list.count', { n: v.num(total), overdue: v.num(overdue) })}</p>
        <DataTable v={v} caption={v.t('complaints.list.title')} empty={v.t('complaints.list.empty')} rows={pageRows} columns={[
          { key: 'received', label: v.t('complaints.field.received'), render: (x) => v.date(x.c.receivedOn) },
          { key: 'subject', label: v.t('complaints.field.subject'), render: (x) => <a href={`${BASE}/${x.c.id}`}>{x.c.subject}</a> },
          { key: 'unit', label: v.t('complaints.field.unit'), render: (x) => x.unitName },
          { key: 'category', label: v.t('complaints.field.category'), render: (x) => v.t(`complaints.category.${x.c.category}`) },
          { key: 'channel', label: v.t('complaints.field.channel'), render: (x) => <>{v.t(`complaints.channel.${x.c.channel}`)}{x.c.laporRef ? <span class="muted"> · {x.c.laporRef}</span> : null}</> },
          { key: 'state', label: v.t('complaints.field.status'), render: (x) => <StateBadge v={v} state={x.c.state} /> },
          { key: 'deadline', label: v.t('complaints.field.deadline'), render: (x) => <>{v.date(x.deadline)} <Badge tone={slaTone(x.sla)}>{v.t(`complaints.sla.${x.sla}`)}</Badge></> },
          { key: 'assignee', label: v.t('complaints.field.assignee'), render: (x) => x.assignee ?? '—' },
        ]} />
        <Pagination v={v} page={page} pageSize={PAGE} total={total} query={query} />
      </Layout>);
  });

  // ---- staff entry -------------------------------------------------------------------------------
  async function entryPage(c: Ctx, form: Record<string, string>, errors: FieldErrors = {}, status: 200 | 400 | 409 = 200) {
    const v = await pageView(c);
    const units = await scopedUnits(c, c.var.scope!);
    const today = regencyToday();
    return c.html(
      <Layout v={v} title={v.t('complaints.entry.title')} crumbs={[{ href: BASE, label: v.t('complaints.list.title') }, { label: v.t('complaints.entry.title') }]}>
        <PageHeader title={v.t('complaints.entry.title')} lead={v.t('complaints.entry.lead')} />
        <ErrorSummary v={v} errors={errors} />
        <form method="post" action={`${BASE}/baru`} enctype="multipart/form-data" class="form" novalidate>
          <Csrf v={v} />
          <SelectField v={v} name="unitId" label={v.t('complaints.field.unit')} required value={form.unitId ?? c.req.query('unit') ?? units[0]?.id} errors={errors} options={units.map((u) => ({ value: u.id, label: u.name }))} />
          <SelectField v={v} name="channel" label={v.t('complaints.field.channel')} required value={form.channel} errors={errors} placeholder={v.t('complaints.choose')} options={STAFF_CHANNELS.map((s) => ({ value: s, label: v.t(`complaints.channel.${s}`) }))} />
          <TextField v={v} name="laporRef" label={v.t('complaints.field.lapor_ref')} hint={v.t('complaints.field.lapor_ref_hint')} value={form.laporRef} errors={errors} maxlength={60} />
          <TextField v={v} name="receivedOn" type="date" label={v.t('complaints.field.received')} required value={form.receivedOn ?? today} errors={errors} width="short" />
          <SelectField v={v} name="classification" label={v.t('complaints.field.classification')} required value={form.classification ?? 'pengaduan'} errors={errors} options={CLASSIFICATIONS.map((s) => ({ value: s, label: v.t(`complaints.classification.${s}`) }))} />
          <SelectField v={v} name="category" label={v.t('complaints.field.category')} required value={form.category} errors={errors} placeholder={v.t('complaints.choose')} options={CATEGORIES.map((k) => ({ value: k, label: `${v.t(`complaints.category.${k}`)} — ${v.t('complaints.sla_days', { n: slaDaysOf(k) })}` }))} />
          <TextField v={v} name="subject" label={v.t('complaints.field.subject')} required value={form.subject} errors={errors} maxlength={200} />
          <TextAreaField v={v} name="description" label={v.t('complaints.field.description')} required value={form.description} errors={errors} rows={6} maxlength={5000} />
          <TextField v={v} name="location" label={v.t('complaints.field.location')} value={form.location} errors={errors} maxlength={300} />
          <TextField v={v} name="eventDate" type="date" label={v.t('complaints.field.event_date')} value={form.eventDate} errors={errors} width="short" />
          <TextField v={v} name="name" label={v.t('complaints.field.name')} value={form.name} errors={errors} maxlength={150} />
          <TextField v={v} name="contact" label={v.t('complaints.field.contact')} value={form.contact} errors={errors} maxlength={150} />
          <FileField v={v} name="attachment" label={v.t('complaints.field.attachment')} hint={v.t('complaints.field.attachment_hint', { types: ACCEPTED_EXTENSIONS })} errors={errors} />
          <div class="form__actions"><button class="button button--primary" type="submit">{v.t('complaints.entry.save')}</button></div>
        </form>
      </Layout>, status);
  }

  r.get(`${BASE}/baru`, 'complaints.handle', (c) => entryPage(c, {}));
  r.post(`${BASE}/baru`, 'complaints.handle', { files: 1 }, async (c) => {
    const form = await formOf(c);
    try {
      const created = await createByStaff(svc(c), c.var.deps.files, c.var.scope!, form, await attachmentOf(c));
      const v = await pageView(c);
      return c.html(
        <Layout v={v} title={v.t('complaints.entry.saved')} narrow>
          <PageHeader title={v.t('complaints.entry.saved')} lead={v.t('complaints.entry.saved_lead')} />
          <section class="card"><h2>{v.t('complaints.public.your_code')}</h2><p><strong data-tracking-code>{created.code}</strong></p></section>
          <p><a class="button" href={`${BASE}/${created.id}`}>{v.t('complaints.entry.open')}</a></p>
        </Layout>);
    } catch (err) {
      const e = errorsOf(err);
      return entryPage(c, form, e.errors, e.status === 409 ? 409 : 400);
    }
  });

  // ---- staff: detail and handling -----------------------------------------------------------------
  async function detailPage(c: Ctx, errors: FieldErrors = {}, status: 200 | 400 | 409 = 200) {
    const db = c.var.deps.db;
    const scope = c.var.deps.access.scopeOf(c.var.actor, 'complaints.view');
    const cpl = scope ? await findComplaint(db, scope, c.req.param('id') ?? '') : null;
    if (!cpl) throw notFound();
    const v = await pageView(c);
    const [entries, handlers, unit, allUnits, off] = await Promise.all([entriesOf(db, cpl.id), handlersOf(db, cpl.unitId), findUnit(db, { all: true }, cpl.unitId), activeUnits(c), offDays(db)]);
    const listed = await listedComplaint(db, cpl);
    const canHandle = v.can('complaints.handle', cpl.unitId);
    const open = (OPEN_STATES as readonly string[]).includes(cpl.state);
    void off;
    const TextArea = ({ name, label }: { name: string; label: string }) => (
      <TextAreaField v={v} name={name} label={label} required errors={errors} rows={3} maxlength={5000} />
    );
    const act = `${BASE}/${cpl.id}`;
    return c.html(
      <Layout v={v} title={cpl.subject} crumbs={[{ href: BASE, label: v.t('complaints.list.title') }, { label: cpl.subject }]}>
        <PageHeader title={cpl.subject} lead={unit?.name} />
        <ErrorSummary v={v} errors={errors} />
        <section class="card">
          <SummaryList rows={[
            [v.t('complaints.field.status'), <StateBadge v={v} state={cpl.state} />],
            [v.t('complaints.field.deadline'), <>{v.date(listed.deadline)} <Badge tone={slaTone(listed.sla)}>{v.t(`complaints.sla.${listed.sla}`)}</Badge> <span class="muted">{v.t('complaints.sla_days', { n: cpl.slaDays })}</span></>],
            [v.t('complaints.field.received'), `${v.date(cpl.receivedOn)} · ${v.t(`complaints.channel.${cpl.channel}`)}${cpl.laporRef ? ` · ${v.t('complaints.field.lapor_ref')} ${cpl.laporRef}` : ''}`],
            [v.t('complaints.field.category'), `${v.t(`complaints.category.${cpl.category}`)} · ${v.t(`complaints.classification.${cpl.classification}`)}`],
            [v.t('complaints.field.complainant'), cpl.complainantName ? `${cpl.complainantName}${cpl.complainantContact ? ` · ${cpl.complainantContact}` : ''}` : v.t('complaints.anonymous')],
            ...(cpl.location ? [[v.t('complaints.field.location'), cpl.location] as [string, string]] : []),
            ...(cpl.eventDate ? [[v.t('complaints.field.event_date'), v.date(cpl.eventDate)] as [string, string]] : []),
            [v.t('complaints.field.assignee'), listed.assignee ?? '—'],
            ...(cpl.attachmentSha ? [[v.t('complaints.field.attachment'), <a href={`${act}/lampiran`}>{cpl.attachmentName} ({formatFileSize(v, cpl.attachmentSize ?? 0)})</a>] as [string, unknown]] : []),
            ...(cpl.satisfaction !== null ? [[v.t('complaints.field.satisfaction'), `${v.t(`complaints.satisfaction.${cpl.satisfaction}`)}${cpl.satisfactionNote ? ` — ${cpl.satisfactionNote}` : ''}`] as [string, string]] : []),
          ] as [string, never][]} />
          <h2>{v.t('complaints.field.description')}</h2>
          <p class="prewrap">{cpl.description}</p>
        </section>
        <section class="card">
          <h2>{v.t('complaints.detail.timeline')}</h2>
          <ol class="plain-list">
            {entries.map(({ e, author }) => (
              <li data-entry={e.kind}>
                <strong>{v.t(`complaints.staff_entry.${e.kind}`, { name: String((e.data as Record<string, unknown>).name ?? ''), unit: String((e.data as Record<string, unknown>).unitName ?? ''), score: String((e.data as Record<string, unknown>).score ?? '') })}</strong>
                {' '}{e.isPublic ? <Badge tone="info">{v.t('complaints.detail.public')}</Badge> : <Badge tone="neutral">{v.t('complaints.detail.internal')}</Badge>}
                <span class="muted"> · {v.dateTime(e.at)}{author ? ` · ${author}` : ''}</span>
                {e.body ? <p class="prewrap">{e.body}</p> : null}
                {(e.data as Record<string, unknown>).referTo ? <p>{v.t('complaints.field.refer_to')}: {String((e.data as Record<string, unknown>).referTo)}</p> : null}
              </li>
            ))}
          </ol>
        </section>
        {canHandle ? (<>
          {open ? (<>
            <form method="post" action={`${act}/tugaskan`} class="form card" novalidate>
              <Csrf v={v} /><h2>{v.t('complaints.detail.assign')}</h2>
              <SelectField v={v} name="assignee" label={v.t('complaints.field.assignee')} required errors={errors} value={cpl.assigneeId} placeholder={v.t('complaints.choose')} options={handlers.map((h) => ({ value: h.id, label: h.name }))} />
              <button class="button button--secondary" type="submit">{v.t('complaints.detail.assign')}</button>
            </form>
            <form method="post" action={`${act}/balas`} class="form card" novalidate>
              <Csrf v={v} /><h2>{v.t('complaints.detail.reply')}</h2><p class="muted">{v.t('complaints.detail.reply_hint')}</p>
              <TextArea name="reply" label={v.t('complaints.detail.reply_text')} />
              <button class="button button--primary" type="submit">{v.t('complaints.detail.send_reply')}</button>
            </form>
          </>) : null}
          <form method="post" action={`${act}/catatan`} class="form card" novalidate>
            <Csrf v={v} /><h2>{v.t('complaints.detail.note')}</h2><p class="muted">{v.t('complaints.detail.note_hint')}</p>
            <TextArea name="note" label={v.t('complaints.detail.note_text')} />
            <button class="button button--secondary" type="submit">{v.t('complaints.detail.save_note')}</button>
          </form>
          {open ? (<>
            <form method="post" action={`${act}/selesai`} class="form card" novalidate>
              <Csrf v={v} /><h2>{v.t('complaints.detail.finish')}</h2>
              <SelectField v={v} name="kind" label={v.t('complaints.detail.finish_kind')} required errors={errors} value="close" options={(['close', 'reject', 'not_authority'] as const).map((k) => ({ value: k, label: v.t(`complaints.finish.${k}`) }))} />
              <TextArea name="text" label={v.t('complaints.detail.finish_text')} />
              <TextField v={v} name="referTo" label={v.t('complaints.field.refer_to')} hint={v.t('complaints.detail.refer_hint')} errors={errors} maxlength={300} />
              <button class="button button--primary" type="submit">{v.t('complaints.detail.finish_button')}</button>
            </form>
            <form method="post" action={`${act}/teruskan`} class="form card" novalidate>
              <Csrf v={v} /><h2>{v.t('complaints.detail.forward')}</h2><p class="muted">{v.t('complaints.detail.forward_hint')}</p>
              <SelectField v={v} name="toUnitId" label={v.t('complaints.detail.forward_to')} required errors={errors} placeholder={v.t('complaints.choose')} options={allUnits.filter((u) => u.id !== cpl.unitId).map((u) => ({ value: u.id, label: u.name }))} />
              <TextArea name="reason" label={v.t('complaints.detail.forward_reason')} />
              <button class="button button--secondary" type="submit">{v.t('complaints.detail.forward')}</button>
            </form>
          </>) : null}
        </>) : null}
      </Layout>, status);
  }

  r.get(`${BASE}/${ID}`, 'complaints.view', (c) => detailPage(c));

  const handle = (path: string, run: (c: Ctx, form: Record<string, string>) => Promise<void>, msg: string, leaves = false) =>
    r.post(`${BASE}/${ID}/${path}`, 'complaints.handle', async (c) => {
      const form = await formOf(c);
      try {
        await run(c, form);
        flash(c, 'success', msg);
        return c.redirect(leaves ? BASE : `${BASE}/${c.req.param('id')}`, 303);
      } catch (err) {
        const e = errorsOf(err);
        return detailPage(c, e.errors, e.status === 409 ? 409 : 400);
      }
    });
  handle('tugaskan', (c, f) => assign(svc(c), c.var.scope!, c.req.param('id') ?? '', f.assignee ?? ''), 'complaints.flash.assigned');
  handle('balas', (c, f) => addEntry(svc(c), c.var.scope!, c.req.param('id') ?? '', 'reply', f.reply ?? ''), 'complaints.flash.replied');
  handle('catatan', (c, f) => addEntry(svc(c), c.var.scope!, c.req.param('id') ?? '', 'note', f.note ?? ''), 'complaints.flash.noted');
  handle('teruskan', (c, f) => forward(svc(c), c.var.scope!, c.req.param('id') ?? '', f.toUnitId ?? '', f.reason ?? ''), 'complaints.flash.forwarded', true);
  handle('selesai', async (c, f) => {
    const kind = f.kind;
    if (kind !== 'close' && kind !== 'reject' && kind !== 'not_authority') throw new DomainError('validation', 'complaints.err.finish_kind', {}, { kind: 'complaints.err.finish_kind' });
    await finish(svc(c), c.var.scope!, c.req.param('id') ?? '', kind, { text: f.text, referTo: f.referTo });
  }, 'complaints.flash.finished');

  r.get(`${BASE}/${ID}/lampiran`, 'complaints.view', async (c) => {
    const cpl = await findComplaint(c.var.deps.db, c.var.scope!, c.req.param('id') ?? '');
    if (!cpl || !cpl.attachmentSha) throw notFound();
    let bytes: Uint8Array;
    try { bytes = await c.var.deps.files.read(cpl.attachmentSha); } catch { throw notFound(); }
    const name = sanitizeFileName(cpl.attachmentName ?? 'lampiran', { ext: (cpl.attachmentName ?? '').split('.').pop() ?? 'bin' });
    return new Response(new Uint8Array(bytes), { headers: {
      'Content-Type': cpl.attachmentMime ?? 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"`,
      'Cache-Control': 'private, no-store',
    } });
  });

  // ---- import -------------------------------------------------------------------------------------
  async function importPage(c: Ctx, result: ImportResult | null = null, errors: FieldErrors = {}, params: Record<string, string | number> = {}, status: 200 | 400 = 200) {
    const v = await pageView(c);
    const units = await scopedUnits(c, c.var.scope!);
    return c.html(
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
          <SelectField v={v} name="unitId" label={v.t('complaints.field.unit')} required value={units[0]?.id} options={units.map((u) => ({ value: u.id, label: u.name }))} />
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
      </Layout>, status);
  }

  r.get('/pengaduan/impor', 'complaints.handle', (c) => importPage(c));
  r.post('/pengaduan/impor', 'complaints.handle', { files: 1 }, async (c) => {
    const form = await formOf(c);
    const file = await attachmentOf(c, 'file');
    try {
      if (!file) throw new DomainError('validation', 'complaints.import.err.empty', {}, { file: 'complaints.import.err.empty' });
      const result = await importLapor(svc(c), c.var.scope!, form.unitId ?? '', file.bytes, file.name);
      return importPage(c, result, {}, {}, result.errors.length ? 400 : 200);
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'validation') return importPage(c, null, Object.keys(err.fieldErrors).length ? err.fieldErrors : { file: err.code }, err.params, 400);
      throw err;
    }
  });

  // ---- statistics -----------------------------------------------------------------------------------
  async function statsInput(c: Ctx) {
    const scope = c.var.scope!;
    const units = await scopedUnits(c, scope);
    const now = new Date();
    const year = Number(dayIn(now).slice(0, 4));
    const rawPeriod = c.req.query('period');
    const period = rawPeriod ? parsePeriod(rawPeriod) : parsePeriod(String(year));
    if (!period) throw new DomainError('validation', 'complaints.err.period');
    const q = c.req.query('unit') ?? '';
    let unitId: string | null;
    if (q === '' && scope.all && c.req.query('unit') !== undefined) unitId = null;
    else if (q) {
      if (!units.some((u) => u.id === q)) throw notFound();
      unitId = q;
    } else unitId = scope.all ? null : units.find((u) => u.id === c.var.session?.currentUnitId)?.id ?? units[0]?.id ?? null;
    if (!scope.all && !unitId) throw notFound();
    return { scope, units, period, unitId, year, now };
  }

  r.get('/pengaduan/statistik', 'complaints.stats', async (c) => {
    const { scope, units, period, unitId, year, now } = await statsInput(c);
    const v = await pageView(c);
    const s = await statsFor(c.var.deps.db, scope, unitId, period, now);
    const periods = [...periodsOfYear(year), ...periodsOfYear(year - 1)];
    const pct = (n: number | null) => (n === null ? '—' : `${v.num(n, 1)} %`);
    const days = (n: number | null) => (n === null ? '—' : v.t('complaints.stats.days', { n: v.num(n, 1) }));
    return c.html(
      <Layout v={v} title={v.t('complaints.stats.title')} crumbs={[...(v.can('complaints.view') ? [{ href: BASE, label: v.t('complaints.list.title') }] : []), { label: v.t('complaints.stats.title') }]}>
        <PageHeader title={v.t('complaints.stats.title')} lead={v.t('complaints.stats.lead')} />
        <form method="get" action="/pengaduan/statistik" class="form form--inline card" novalidate>
          <SelectField v={v} name="unit" label={v.t('complaints.field.unit')} required={!scope.all} value={unitId ?? ''} placeholder={scope.all ? v.t('complaints.all_units') : undefined} options={units.map((u) => ({ value: u.id, label: u.name }))} />
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
      </Layout>);
  });

  r.get('/pengaduan/statistik/laporan.pdf', 'complaints.stats', async (c) => {
    const { scope, period, unitId, now } = await statsInput(c);
    if (!unitId) throw new DomainError('validation', 'complaints.stats.pdf_pick_unit');
    const db = c.var.deps.db;
    const unit = (await findUnit(db, scope, unitId))!;
    const regency = await findRegency(db);
    const s = await statsFor(db, scope, unitId, period, now);
    const t = c.var.deps.i18n.translator('id');
    const pdf = renderComplaintReportPdf(reportModel({ t, regency: regency?.name ?? '', unit, period, stats: s, today: dayIn(now) }), now);
    return pdfResponse(pdf, `Laporan-Pengaduan-${unit.code}-${period.code}.pdf`);
  });
}
