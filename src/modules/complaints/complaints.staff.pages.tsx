// The staff pages of the complaints module: the handler's list (filters, SLA highlighting, a page
// at a time), the entry of a complaint received on another channel, and one complaint with its
// timeline and the handling forms (assign, reply, note, finish, forward). Each page is a function of
// the view and its model; none reads the database.
import { ACCEPTED_EXTENSIONS } from '../../kernel/files.ts';
import { Badge, CheckboxField, Csrf, DataTable, DateField, ErrorSummary, FileField, PageHeader, Pagination, SelectField, SummaryList, TextAreaField, TextField, UnitPicker, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { formatFileSize } from '../evidence/index.ts';
import { LIST_PAGE_SIZE, type ComplaintPageModel, type ListPageModel } from './complaints.queries.ts';
import { CATEGORIES, CHANNELS, CLASSIFICATIONS, OPEN_STATES, STAFF_CHANNELS, STATES, slaDaysOf } from './complaints.rules.ts';
import { BASE, StateBadge, byName, slaTone } from './complaints.view.tsx';

// ---- the list ------------------------------------------------------------------------------------

export function listPage(v: View, m: ListPageModel) {
  const { unitId, filter } = m;
  const canHandle = v.can('complaints.handle');
  return (
    <Layout v={v} title={v.t('complaints.list.title')} crumbs={[{ label: v.t('complaints.list.title') }]}>
      <PageHeader title={v.t('complaints.list.title')} lead={v.t('complaints.list.lead')} actions={<>
        {canHandle ? <a class="button" href={`${BASE}/baru${unitId ? `?unit=${unitId}` : ''}`}>{v.t('complaints.entry.title')}</a> : null}
        {canHandle ? <a class="button button--secondary" href="/pengaduan/impor">{v.t('complaints.import.title')}</a> : null}
        <a class="button button--secondary" href="/pengaduan/statistik">{v.t('complaints.stats.title')}</a>
      </>} />
      <form method="get" action={BASE} class="form form--inline card" novalidate>
        <UnitPicker v={v} name="unit" label={v.t('complaints.field.unit')} value={unitId} placeholder={m.all ? v.t('complaints.all_units') : undefined} units={byName(m.units)} />
        <SelectField v={v} name="state" label={v.t('complaints.field.status')} value={filter.state ?? ''} placeholder={v.t('complaints.any')} options={STATES.map((s) => ({ value: s, label: v.t(`complaints.state.${s}`) }))} />
        <SelectField v={v} name="category" label={v.t('complaints.field.category')} value={filter.category ?? ''} placeholder={v.t('complaints.any')} options={CATEGORIES.map((s) => ({ value: s, label: v.t(`complaints.category.${s}`) }))} />
        <SelectField v={v} name="channel" label={v.t('complaints.field.channel')} value={filter.channel ?? ''} placeholder={v.t('complaints.any')} options={CHANNELS.map((s) => ({ value: s, label: v.t(`complaints.channel.${s}`) }))} />
        <CheckboxField v={v} name="overdue" label={v.t('complaints.filter.overdue')} checked={filter.overdue} />
        <button class="button button--secondary" type="submit">{v.t('complaints.filter.apply')}</button>
      </form>
      <p class="muted">{v.t('complaints.list.count', { n: v.num(m.total), overdue: v.num(m.overdue) })}</p>
      <DataTable v={v} caption={v.t('complaints.list.title')} empty={v.t('complaints.list.empty')} rows={m.rows} columns={[
        { key: 'received', label: v.t('complaints.field.received'), render: (x) => v.date(x.c.receivedOn) },
        { key: 'subject', label: v.t('complaints.field.subject'), render: (x) => <a href={`${BASE}/${x.c.id}`}>{x.c.subject}</a> },
        { key: 'unit', label: v.t('complaints.field.unit'), render: (x) => x.unitName },
        { key: 'category', label: v.t('complaints.field.category'), render: (x) => v.t(`complaints.category.${x.c.category}`) },
        { key: 'channel', label: v.t('complaints.field.channel'), render: (x) => <>{v.t(`complaints.channel.${x.c.channel}`)}{x.c.laporRef ? <span class="muted"> · {x.c.laporRef}</span> : null}</> },
        { key: 'state', label: v.t('complaints.field.status'), render: (x) => <StateBadge v={v} state={x.c.state} /> },
        { key: 'deadline', label: v.t('complaints.field.deadline'), render: (x) => <>{v.date(x.deadline)} <Badge tone={slaTone(x.sla)}>{v.t(`complaints.sla.${x.sla}`)}</Badge></> },
        { key: 'assignee', label: v.t('complaints.field.assignee'), render: (x) => x.assignee ?? '—' },
      ]} />
      <Pagination v={v} page={m.page} pageSize={LIST_PAGE_SIZE} total={m.total} query={m.query} />
    </Layout>
  );
}

// ---- staff entry -----------------------------------------------------------------------------------

export interface EntryModel {
  units: { id: string; name: string }[];
  form: Record<string, string>;
  errors: FieldErrors;
  /** the unit to preselect when the form is new (the list's unit) */
  unitId: string | undefined;
  today: string;
}

export function entryPage(v: View, { units, form, errors, unitId, today }: EntryModel) {
  return (
    <Layout v={v} title={v.t('complaints.entry.title')} crumbs={[{ href: BASE, label: v.t('complaints.list.title') }, { label: v.t('complaints.entry.title') }]}>
      <PageHeader title={v.t('complaints.entry.title')} lead={v.t('complaints.entry.lead')} />
      <ErrorSummary v={v} errors={errors} />
      <form method="post" action={`${BASE}/baru`} enctype="multipart/form-data" class="form" novalidate>
        <Csrf v={v} />
        <UnitPicker v={v} name="unitId" label={v.t('complaints.field.unit')} required value={form.unitId ?? unitId ?? units[0]?.id} errors={errors} units={byName(units)} />
        <SelectField v={v} name="channel" label={v.t('complaints.field.channel')} required value={form.channel} errors={errors} placeholder={v.t('complaints.choose')} options={STAFF_CHANNELS.map((s) => ({ value: s, label: v.t(`complaints.channel.${s}`) }))} />
        <TextField v={v} name="laporRef" label={v.t('complaints.field.lapor_ref')} hint={v.t('complaints.field.lapor_ref_hint')} value={form.laporRef} errors={errors} maxlength={60} />
        <DateField v={v} name="receivedOn" label={v.t('complaints.field.received')} required value={form.receivedOn ?? today} errors={errors} />
        <SelectField v={v} name="classification" label={v.t('complaints.field.classification')} required value={form.classification ?? 'pengaduan'} errors={errors} options={CLASSIFICATIONS.map((s) => ({ value: s, label: v.t(`complaints.classification.${s}`) }))} />
        <SelectField v={v} name="category" label={v.t('complaints.field.category')} required value={form.category} errors={errors} placeholder={v.t('complaints.choose')} options={CATEGORIES.map((k) => ({ value: k, label: `${v.t(`complaints.category.${k}`)} — ${v.t('complaints.sla_days', { n: slaDaysOf(k) })}` }))} />
        <TextField v={v} name="subject" label={v.t('complaints.field.subject')} required value={form.subject} errors={errors} maxlength={200} />
        <TextAreaField v={v} name="description" label={v.t('complaints.field.description')} required value={form.description} errors={errors} rows={6} maxlength={5000} />
        <TextField v={v} name="location" label={v.t('complaints.field.location')} value={form.location} errors={errors} maxlength={300} />
        <DateField v={v} name="eventDate" label={v.t('complaints.field.event_date')} value={form.eventDate} errors={errors} />
        <TextField v={v} name="name" label={v.t('complaints.field.name')} value={form.name} errors={errors} maxlength={150} />
        <TextField v={v} name="contact" label={v.t('complaints.field.contact')} value={form.contact} errors={errors} maxlength={150} />
        <FileField v={v} name="attachment" label={v.t('complaints.field.attachment')} hint={v.t('complaints.field.attachment_hint', { types: ACCEPTED_EXTENSIONS })} errors={errors} />
        <div class="form__actions"><button class="button button--primary" type="submit">{v.t('complaints.entry.save')}</button></div>
      </form>
    </Layout>
  );
}

/** The entered complaint's tracking code (for the complainant), shown this once. */
export function entrySavedPage(v: View, m: { id: string; code: string }) {
  return (
    <Layout v={v} title={v.t('complaints.entry.saved')} narrow>
      <PageHeader title={v.t('complaints.entry.saved')} lead={v.t('complaints.entry.saved_lead')} />
      <section class="card"><h2>{v.t('complaints.public.your_code')}</h2><p><strong data-tracking-code>{m.code}</strong></p></section>
      <p><a class="button" href={`${BASE}/${m.id}`}>{v.t('complaints.entry.open')}</a></p>
    </Layout>
  );
}

// ---- one complaint and its handling ---------------------------------------------------------------

export function detailPage(v: View, m: ComplaintPageModel & { errors: FieldErrors }) {
  const { cpl, entries, handlers, unit, allUnits, listed, errors } = m;
  const canHandle = v.can('complaints.handle', cpl.unitId);
  const open = (OPEN_STATES as readonly string[]).includes(cpl.state);
  const TextArea = ({ name, label }: { name: string; label: string }) => (
    <TextAreaField v={v} name={name} label={label} required errors={errors} rows={3} maxlength={5000} />
  );
  const data = (e: { data: unknown }) => e.data as Record<string, unknown>;
  const act = `${BASE}/${cpl.id}`;
  return (
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
              <strong>{v.t(`complaints.staff_entry.${e.kind}`, { name: String(data(e).name ?? ''), unit: String(data(e).unitName ?? ''), score: String(data(e).score ?? '') })}</strong>
              {' '}{e.isPublic ? <Badge tone="info">{v.t('complaints.detail.public')}</Badge> : <Badge tone="neutral">{v.t('complaints.detail.internal')}</Badge>}
              <span class="muted"> · {v.dateTime(e.at)}{author ? ` · ${author}` : ''}</span>
              {e.body ? <p class="prewrap">{e.body}</p> : null}
              {data(e).referTo ? <p>{v.t('complaints.field.refer_to')}: {String(data(e).referTo)}</p> : null}
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
            <UnitPicker v={v} name="toUnitId" label={v.t('complaints.detail.forward_to')} required errors={errors} placeholder={v.t('complaints.choose')} units={byName(allUnits.filter((u) => u.id !== cpl.unitId))} />
            <TextArea name="reason" label={v.t('complaints.detail.forward_reason')} />
            <button class="button button--secondary" type="submit">{v.t('complaints.detail.forward')}</button>
          </form>
        </>) : null}
      </>) : null}
    </Layout>
  );
}
