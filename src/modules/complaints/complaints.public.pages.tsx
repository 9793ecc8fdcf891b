// The public pages of the complaints module (no account): the form, the thanks page with the
// tracking code (shown once, never stored), and the tracking page, which shows one complaint's
// status and public entries only. Each page is a function of the view and its model; none reads the
// database.
import { ACCEPTED_EXTENSIONS } from '../../kernel/files.ts';
import { CheckboxField, Csrf, DateField, ErrorSummary, FileField, PageHeader, RadioGroup, SelectField, SummaryList, TextAreaField, TextField, UnitPicker, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import type { Tracked } from './complaints.queries.ts';
import { CATEGORIES, OPEN_STATES, allowed } from './complaints.rules.ts';
import { StateBadge, byName } from './complaints.view.tsx';

type Unit = { id: string; name: string };

export interface PublicFormModel {
  units: Unit[];
  form: Record<string, string>;
  errors: FieldErrors;
  /** the unit's own form (/publik/unit/:code/pengaduan): the unit is chosen */
  fixedUnit: Unit | null;
}

function PublicForm({ v, m }: { v: View; m: PublicFormModel }) {
  const { form, errors, fixedUnit } = m;
  const catOptions = CATEGORIES.map((k) => ({ value: k, label: v.t(`complaints.category.${k}`) }));
  return (
    <form method="post" action="/pengaduan" enctype="multipart/form-data" class="form" novalidate>
      <Csrf v={v} />
      {fixedUnit ? (<><input type="hidden" name="unitId" value={fixedUnit.id} /><p><strong>{v.t('complaints.field.unit')}:</strong> {fixedUnit.name}</p></>)
        : <UnitPicker v={v} name="unitId" label={v.t('complaints.field.unit')} required value={form.unitId} errors={errors} placeholder={v.t('complaints.choose')} units={byName(m.units)} />}
      <SelectField v={v} name="category" label={v.t('complaints.field.category')} required value={form.category} errors={errors} placeholder={v.t('complaints.choose')} options={catOptions} />
      <TextField v={v} name="subject" label={v.t('complaints.field.subject')} required value={form.subject} errors={errors} maxlength={200} />
      <TextAreaField v={v} name="description" label={v.t('complaints.field.description')} hint={v.t('complaints.field.description_hint')} required value={form.description} errors={errors} rows={6} maxlength={5000} />
      <TextField v={v} name="location" label={v.t('complaints.field.location')} value={form.location} errors={errors} maxlength={300} />
      <DateField v={v} name="eventDate" label={v.t('complaints.field.event_date')} hint={v.t('complaints.field.event_date_hint')} value={form.eventDate} errors={errors} />
      <fieldset class="card">
        <legend>{v.t('complaints.public.identity')}</legend>
        <p class="muted">{v.t('complaints.public.identity_hint')}</p>
        <TextField v={v} name="name" label={v.t('complaints.field.name')} value={form.name} errors={errors} maxlength={150} autocomplete="name" />
        <TextField v={v} name="contact" label={v.t('complaints.field.contact')} hint={v.t('complaints.field.contact_hint')} value={form.contact} errors={errors} maxlength={150} />
        <CheckboxField v={v} name="anonymous" label={v.t('complaints.field.anonymous')} checked={form.anonymous === '1'} errors={errors} />
      </fieldset>
      <FileField v={v} name="attachment" label={v.t('complaints.field.attachment')} hint={v.t('complaints.field.attachment_hint', { types: ACCEPTED_EXTENSIONS })} errors={errors} />
      {/* the honeypot: hidden from people and assistive technology, filled in only by bots */}
      <div class="visually-hidden" aria-hidden="true">
        <label for="f-website">{v.t('complaints.public.honeypot')}</label>
        <input id="f-website" name="website" tabindex={-1} autocomplete="off" value="" />
      </div>
      <div class="form__actions"><button class="button button--primary" type="submit">{v.t('complaints.public.submit')}</button></div>
    </form>
  );
}

export function publicFormPage(v: View, m: PublicFormModel) {
  return (
    <Layout v={v} title={v.t('complaints.public.title')} narrow>
      <PageHeader title={v.t('complaints.public.title')} lead={v.t('complaints.public.lead')} />
      <ErrorSummary v={v} errors={m.errors} />
      <p><a href="/pengaduan/lacak">{v.t('complaints.public.track_link')}</a></p>
      <PublicForm v={v} m={m} />
    </Layout>
  );
}

/** The tracking code, shown this once. */
export function thanksPage(v: View, m: { code: string }) {
  return (
    <Layout v={v} title={v.t('complaints.public.thanks')} narrow>
      <PageHeader title={v.t('complaints.public.thanks')} lead={v.t('complaints.public.thanks_lead')} />
      <section class="card">
        <h2>{v.t('complaints.public.your_code')}</h2>
        <p class="tracking-code"><strong data-tracking-code>{m.code}</strong></p>
        <p>{v.t('complaints.public.code_keep')}</p>
      </section>
      <p><a class="button" href="/pengaduan/lacak">{v.t('complaints.public.track_link')}</a></p>
    </Layout>
  );
}

export interface TrackModel {
  /** the code the complaint was found by (it travels in the forms' bodies only, never in a URL) */
  code: string | null;
  found: Tracked | null;
  errors: FieldErrors;
}

export function trackPage(v: View, { code, found, errors }: TrackModel) {
  const cpl = found?.complaint;
  return (
    <Layout v={v} title={v.t('complaints.track.title')} narrow>
      <PageHeader title={v.t('complaints.track.title')} lead={found ? undefined : v.t('complaints.track.lead')} />
      <ErrorSummary v={v} errors={errors} />
      {!found || !cpl ? (
        <form method="post" action="/pengaduan/lacak" class="form" novalidate>
          <Csrf v={v} />
          <TextField v={v} name="code" label={v.t('complaints.track.code')} hint={v.t('complaints.track.code_hint')} required errors={errors} autocomplete="off" maxlength={60} />
          <div class="form__actions"><button class="button button--primary" type="submit">{v.t('complaints.track.show')}</button></div>
        </form>
      ) : (<>
        <section class="card" aria-labelledby="t-status">
          <h2 id="t-status">{cpl.subject}</h2>
          <SummaryList rows={[
            [v.t('complaints.field.status'), <StateBadge v={v} state={cpl.state} />],
            [v.t('complaints.field.unit'), found.unitName],
            [v.t('complaints.field.category'), v.t(`complaints.category.${cpl.category}`)],
            [v.t('complaints.field.received'), v.date(cpl.receivedOn)],
            ...((OPEN_STATES as readonly string[]).includes(cpl.state) ? [[v.t('complaints.field.deadline'), v.date(found.deadline)] as [string, string]] : []),
            ...(cpl.referTo ? [[v.t('complaints.field.refer_to'), cpl.referTo] as [string, string]] : []),
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
        {allowed(cpl.state, 'info') ? (
          <form method="post" action="/pengaduan/lacak/info" class="form card" novalidate>
            <Csrf v={v} /><input type="hidden" name="code" value={code ?? ''} />
            <h2>{v.t('complaints.track.add_info')}</h2>
            <TextAreaField v={v} name="info" label={v.t('complaints.track.info')} required errors={errors} rows={4} maxlength={5000} />
            <div class="form__actions"><button class="button button--secondary" type="submit">{v.t('complaints.track.send_info')}</button></div>
          </form>
        ) : null}
        {allowed(cpl.state, 'satisfaction', cpl.satisfaction !== null) ? (
          <form method="post" action="/pengaduan/lacak/kepuasan" class="form card" novalidate>
            <Csrf v={v} /><input type="hidden" name="code" value={code ?? ''} />
            <RadioGroup v={v} name="satisfaction" legend={v.t('complaints.track.satisfaction')} required errors={errors}
              choices={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: v.t(`complaints.satisfaction.${n}`) }))} />
            <TextAreaField v={v} name="note" label={v.t('complaints.track.satisfaction_note')} errors={errors} rows={3} maxlength={5000} />
            <div class="form__actions"><button class="button button--primary" type="submit">{v.t('complaints.track.send_satisfaction')}</button></div>
          </form>
        ) : cpl.satisfaction !== null ? <p class="muted">{v.t('complaints.track.satisfaction_given', { score: v.t(`complaints.satisfaction.${cpl.satisfaction}`) })}</p> : null}
      </>)}
    </Layout>
  );
}
