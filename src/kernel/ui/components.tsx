import type { Child } from 'hono/jsx';
import { Layout } from './layout.tsx';
import type { View } from './view.ts';
import { echoableText } from '../text.ts';

export type FieldErrors = Record<string, string>;

export function Csrf({ v }: { v: View }) {
  return <input type="hidden" name="_csrf" value={v.csrf} />;
}

// ---- forms: one way to build them ----------------------------------------------------------------
//
// Every field component renders its control with id `f-<name>` (a group: its first control), its hint
// with id `h-<name>`, its error with id `e-<name>`; the control (a group: each control) carries
// aria-invalid when in error and aria-describedby naming the hint and the error; and it registers
// itself with the page's error summary, which therefore lists errors in the order the fields appear
// and links each to the field's first control. Values typed by the user are echoed back capped at the
// field's maxlength (or a generous default), so an oversized submission never comes back whole.

/** Echo caps for fields that declare no maxlength. */
export const ECHO_CAP = { text: 2000, textarea: 20_000 } as const;

/**
 * A submitted value as it may be re-rendered: at most `max` UTF-16 units (as the browser's maxlength),
 * never half a surrogate pair, control characters shown as U+FFFD (echoableText).
 */
export function capValue(value: string | number | null | undefined, max: number): string {
  const s = value === null || value === undefined ? '' : echoableText(String(value));
  if (s.length <= max) return s;
  let out = s.slice(0, Math.max(0, max));
  const last = out.charCodeAt(out.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
  return out;
}

interface Registered { name: string; id: string }
const registries = new WeakMap<View, Registered[]>();

/**
 * Tells the page's error summary that the field `name` is on the page, with `id` as the id of its
 * first control. The shared field components call it; a hand-built control (rare) must too.
 */
export function registerField(v: View, name: string, id = `f-${name}`): void {
  let list = registries.get(v);
  if (!list) { list = []; registries.set(v, list); }
  if (!list.some((r) => r.name === name)) list.push({ name, id });
}

/** Page-level messages (no field) use keys starting with `_`. */
const isFormLevel = (field: string) => field.startsWith('_');

/**
 * GOV.UK pattern: a summary at the top linking to every field in error, in the order the fields are
 * on the page (the fields register while the page renders; the summary is written once they have).
 * errors: field → i18n key (params: the message parameters); texts: field → an already translated
 * message. Messages of no field (keys starting with `_`) come first, as text; errors of a field that
 * did not register (a hand-built control) follow, linked to `#f-<field>`.
 */
export async function ErrorSummary({ v, errors, texts, labels, params }: {
  v: View; errors?: FieldErrors; texts?: Record<string, string>; labels?: Record<string, string>; params?: Record<string, string | number>;
}) {
  const messages = new Map<string, string>();
  for (const [f, key] of Object.entries(errors ?? {})) messages.set(f, labels?.[f] ? `${labels[f]}: ${v.t(key, params)}` : v.t(key, params));
  for (const [f, text] of Object.entries(texts ?? {})) messages.set(f, text);
  if (messages.size === 0) return null;
  // the rest of the page renders synchronously; its fields have registered once this resumes
  await new Promise<void>((resolve) => setImmediate(resolve));
  const registered = registries.get(v) ?? [];
  const rows: { text: string; href: string | null }[] = [];
  for (const [f, text] of messages) if (isFormLevel(f)) rows.push({ text, href: null });
  for (const r of registered) { const text = messages.get(r.name); if (text !== undefined && !isFormLevel(r.name)) rows.push({ text, href: `#${r.id}` }); }
  for (const [f, text] of messages) if (!isFormLevel(f) && !registered.some((r) => r.name === f)) rows.push({ text, href: `#f-${f}` });
  return (
    <div class="error-summary" role="alert" tabindex={-1} data-focus>
      <h2 class="error-summary__title">{v.t('form.error_summary')}</h2>
      <ul>
        {rows.map((r) => <li>{r.href ? <a href={r.href}>{r.text}</a> : r.text}</li>)}
      </ul>
    </div>
  );
}

/**
 * A form as every form of the app is: the browser's own validation is off (`novalidate`: the server
 * checks and answers in the user's language), POST forms carry the CSRF token.
 */
export function Form(props: {
  v: View; action: string; method?: 'get' | 'post'; enctype?: 'multipart/form-data'; class?: string; id?: string;
  'aria-label'?: string; role?: string; children?: Child; [data: `data-${string}`]: string | boolean | undefined;
}) {
  const { v, children, method = 'post', ...rest } = props;
  return (
    <form {...rest} method={method} novalidate>
      {method === 'post' ? <Csrf v={v} /> : null}
      {children}
    </form>
  );
}

interface BaseFieldProps {
  v: View;
  name: string;
  label: string;
  hint?: string;
  errors?: FieldErrors;
  /** parameters of the error message */
  errorParams?: Record<string, string | number>;
  required?: boolean;
  /** the ids' stem when `name` is not unique on the page (default: the name) */
  id?: string;
}

type Keyed = { name: string; id?: string };
const stem = (p: Keyed) => p.id ?? p.name;
const fieldId = (p: Keyed) => `f-${stem(p)}`;
/**
 * The summary finds a field under its id stem and under its name; a field repeated per record (same
 * name, own id stem) answers to its name only where it shows the error, so the link lands on the
 * record in error.
 */
function registerKeyed(v: View, p: Keyed & { errors?: FieldErrors }) {
  if (p.id) registerField(v, p.id, fieldId(p));
  if (!p.id || p.errors?.[p.name]) registerField(v, p.name, fieldId(p));
}

function describedBy(p: Keyed & { hint?: string; errors?: FieldErrors }): string | undefined {
  const ids = [p.hint ? `h-${stem(p)}` : '', p.errors?.[p.name] ? `e-${stem(p)}` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

const invalid = (p: { name: string; errors?: FieldErrors }) => (p.errors?.[p.name] ? 'true' : undefined);

function FieldHint(props: Keyed & { hint?: string }) {
  return props.hint ? <div class="field__hint" id={`h-${stem(props)}`}>{props.hint}</div> : null;
}

function FieldError(props: Keyed & { v: View; errors?: FieldErrors; errorParams?: Record<string, string | number> }) {
  const err = props.errors?.[props.name];
  return err ? <div class="field__error" id={`e-${stem(props)}`}><span class="visually-hidden">{props.v.t('form.error_prefix')}</span>{props.v.t(err, props.errorParams)}</div> : null;
}

function Optional({ v, required }: { v: View; required?: boolean }) {
  return required ? null : <span class="field__optional"> ({v.t('form.optional')})</span>;
}

function FieldShell(props: BaseFieldProps & { children: Child; class?: string }) {
  registerKeyed(props.v, props);
  const err = props.errors?.[props.name];
  return (
    <div class={[err ? 'field field--error' : 'field', props.class].filter(Boolean).join(' ')}>
      <label class="field__label" for={fieldId(props)}>
        {props.label}
        <Optional v={props.v} required={props.required} />
      </label>
      <FieldHint name={props.name} id={props.id} hint={props.hint} />
      <FieldError v={props.v} name={props.name} id={props.id} errors={props.errors} errorParams={props.errorParams} />
      {props.children}
    </div>
  );
}

export function TextField(props: BaseFieldProps & {
  value?: string | number | null; type?: string; autocomplete?: string; inputmode?: string; maxlength?: number; pattern?: string; width?: 'short' | 'full';
  min?: string | number; max?: string | number; step?: string | number; placeholder?: string;
}) {
  // a password is never echoed
  const value = props.type === 'password' ? '' : capValue(props.value, props.maxlength ?? ECHO_CAP.text);
  return (
    <FieldShell {...props}>
      <input
        class={props.width === 'short' ? 'input input--short' : 'input'}
        id={fieldId(props)} name={props.name} type={props.type ?? 'text'} value={value}
        autocomplete={props.autocomplete} inputmode={props.inputmode as never} maxlength={props.maxlength} pattern={props.pattern}
        min={props.min} max={props.max} step={props.step} placeholder={props.placeholder}
        required={props.required} aria-invalid={invalid(props)} aria-describedby={describedBy(props)}
      />
    </FieldShell>
  );
}

/** A calendar date (YYYY-MM-DD through the browser's date picker); `min`/`max` as dates. */
export function DateField(props: BaseFieldProps & { value?: string | null; min?: string; max?: string }) {
  return <TextField {...props} type="date" width="short" value={props.value ?? ''} />;
}

/**
 * The one unit picker: a select of the units a person may choose from (already scoped by the caller's
 * query), by short name. With a single unit there is nothing to choose: the unit rides along hidden.
 */
export function UnitPicker(props: Omit<BaseFieldProps, 'label'> & { label?: string; units: readonly { id: string; shortName: string }[]; value?: string | null; placeholder?: string; autosubmit?: boolean }) {
  if (props.units.length === 1 && props.placeholder === undefined) return <input type="hidden" name={props.name} value={props.units[0]!.id} />;
  return <SelectField {...props} label={props.label ?? props.v.t('form.unit')} value={props.value} options={props.units.map((u) => ({ value: u.id, label: u.shortName }))} />;
}

export function TextAreaField(props: BaseFieldProps & { value?: string | null; rows?: number; maxlength?: number; class?: string }) {
  return (
    <FieldShell {...props} class={undefined}>
      <textarea class={props.class ? `input ${props.class}` : 'input'} id={fieldId(props)} name={props.name} rows={props.rows ?? 4}
        maxlength={props.maxlength} required={props.required} aria-invalid={invalid(props)} aria-describedby={describedBy(props)}>
        {capValue(props.value, props.maxlength ?? ECHO_CAP.textarea)}
      </textarea>
    </FieldShell>
  );
}

export function SelectField(props: BaseFieldProps & { value?: string | null; options: { value: string; label: string }[]; placeholder?: string; autosubmit?: boolean }) {
  return (
    <FieldShell {...props}>
      <select class="input" id={fieldId(props)} name={props.name} required={props.required} data-autosubmit={props.autosubmit ? true : undefined}
        aria-invalid={invalid(props)} aria-describedby={describedBy(props)}>
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => <option value={o.value} selected={o.value === (props.value ?? '')}>{o.label}</option>)}
      </select>
    </FieldShell>
  );
}

/** A file input; its hint usually names the accepted types and the size limit. */
export function FileField(props: BaseFieldProps & { accept?: string; multiple?: boolean }) {
  return (
    <FieldShell {...props}>
      <input class="input" type="file" id={fieldId(props)} name={props.name} accept={props.accept} multiple={props.multiple}
        required={props.required} aria-invalid={invalid(props)} aria-describedby={describedBy(props)} />
    </FieldShell>
  );
}

export function CheckboxField(props: { v: View; name: string; id?: string; label: string; checked?: boolean; hint?: string; errors?: FieldErrors; errorParams?: Record<string, string | number>; value?: string }) {
  registerKeyed(props.v, props);
  const err = props.errors?.[props.name];
  return (
    <div class={err ? 'field field--error' : 'field'}>
      <FieldError v={props.v} name={props.name} id={props.id} errors={props.errors} errorParams={props.errorParams} />
      <div class="field--checkbox">
        <input type="checkbox" id={fieldId(props)} name={props.name} value={props.value ?? '1'} checked={props.checked}
          aria-invalid={invalid(props)} aria-describedby={describedBy(props)} />
        <label for={fieldId(props)}>{props.label}</label>
        <FieldHint name={props.name} id={props.id} hint={props.hint} />
      </div>
    </div>
  );
}

export interface Choice { value: string; label: Child; hint?: string }

/**
 * A question answered by radios (one answer) or checkboxes (several): a fieldset whose legend is the
 * question; the first control has id `f-<name>` (where the error summary links), the others
 * `f-<name>-<i>`; every control carries aria-invalid and the group's aria-describedby.
 */
function ChoiceGroup(props: Omit<BaseFieldProps, 'label'> & {
  type: 'radio' | 'checkbox'; legend: Child; choices: Choice[]; value?: string | string[] | null; class?: string; inline?: boolean;
}) {
  registerKeyed(props.v, props);
  const err = props.errors?.[props.name];
  const chosen = new Set(Array.isArray(props.value) ? props.value : props.value ? [props.value] : []);
  const described = describedBy(props);
  return (
    <fieldset class={[err ? 'field field--error' : 'field', 'fieldset', props.class].filter(Boolean).join(' ')} aria-describedby={described}>
      <legend class="field__label">{props.legend}<Optional v={props.v} required={props.required} /></legend>
      <FieldHint name={props.name} id={props.id} hint={props.hint} />
      <FieldError v={props.v} name={props.name} id={props.id} errors={props.errors} errorParams={props.errorParams} />
      <div class={props.inline ? 'choices choices--inline' : 'choices'}>
        {props.choices.map((ch, i) => {
          const id = i === 0 ? fieldId(props) : `${fieldId(props)}-${i}`;
          return (
            <div class="field--checkbox">
              <input type={props.type} id={id} name={props.name} value={ch.value} checked={chosen.has(ch.value)} aria-invalid={err ? 'true' : undefined}
                aria-describedby={ch.hint ? `${id}-hint` : undefined} />
              <label for={id}>{ch.label}</label>
              {ch.hint ? <div class="field__hint" id={`${id}-hint`}>{ch.hint}</div> : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function RadioGroup(props: Omit<BaseFieldProps, 'label'> & { legend: Child; choices: Choice[]; value?: string | null; class?: string; inline?: boolean }) {
  return <ChoiceGroup {...props} type="radio" />;
}

export function CheckboxGroup(props: Omit<BaseFieldProps, 'label'> & { legend: Child; choices: Choice[]; value?: string[] | null; class?: string; inline?: boolean }) {
  return <ChoiceGroup {...props} type="checkbox" />;
}

/**
 * The frame of every table that may be wider than the screen: a labelled region that scrolls
 * sideways and takes the keyboard focus (so it can be scrolled without a mouse). app.js takes one that
 * does not overflow out of the tab order.
 */
export function ScrollRegion(props: { label: string; class?: string; children: Child; id?: string }) {
  return (
    <div class={props.class ? `table-wrap ${props.class}` : 'table-wrap'} role="region" aria-label={props.label} tabindex={0} id={props.id}
      data-scroll-region={props.label}>
      {props.children}
    </div>
  );
}

export function Badge(props: { tone: 'success' | 'warning' | 'danger' | 'info' | 'neutral'; children: Child }) {
  return <span class={`badge badge--${props.tone}`}>{props.children}</span>;
}

export interface Column<R> {
  key: string;
  label: string;
  sortable?: boolean;
  numeric?: boolean;
  render: (row: R) => Child;
}

/** A dense table with server-side sort links; every header keeps the other query parameters. */
export function DataTable<R>(props: {
  v: View; columns: Column<R>[]; rows: R[]; caption: string; sort?: string; dir?: 'asc' | 'desc';
  query?: Record<string, string | undefined>; empty: string;
}) {
  const { v } = props;
  return (
    <ScrollRegion label={props.caption}>
      <table class="table">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => {
              if (!c.sortable) return <th scope="col" class={c.numeric ? 'num' : undefined}>{c.label}</th>;
              const active = props.sort === c.key;
              const nextDir = active && props.dir === 'asc' ? 'desc' : 'asc';
              const href = withQuery(v.path, { ...props.query, sort: c.key, dir: nextDir, page: undefined });
              return (
                <th scope="col" class={c.numeric ? 'num' : undefined}
                  aria-sort={active ? (props.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                  <a href={href}>{c.label}{active ? (props.dir === 'asc' ? ' ▲' : ' ▼') : ''}</a>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {props.rows.length === 0 ? (
            <tr><td colspan={props.columns.length} class="table__empty">{props.empty}</td></tr>
          ) : props.rows.map((r) => (
            <tr>{props.columns.map((c) => <td class={c.numeric ? 'num' : undefined} data-label={c.label}>{c.render(r)}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function Pagination(props: { v: View; page: number; pageSize: number; total: number; query?: Record<string, string | undefined> }) {
  const { v } = props;
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages <= 1) return <p class="muted">{v.t('ui.pagination.count', { n: v.num(props.total) })}</p>;
  const link = (p: number) => withQuery(v.path, { ...props.query, page: String(p) });
  return (
    <nav class="pagination" aria-label={v.t('ui.pagination.label')}>
      <span class="muted">{v.t('ui.pagination.summary', { page: props.page, pages, n: v.num(props.total) })}</span>
      {props.page > 1 ? <a class="button button--secondary button--small" href={link(props.page - 1)}>{v.t('ui.pagination.prev')}</a> : null}
      {props.page < pages ? <a class="button button--secondary button--small" href={link(props.page + 1)}>{v.t('ui.pagination.next')}</a> : null}
    </nav>
  );
}

export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, val] of Object.entries(query)) if (val !== undefined && val !== '') params.set(k, val);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export function PageHeader(props: { title: string; lead?: string; actions?: Child }) {
  return (
    <div class="page-header">
      <div>
        <h1>{props.title}</h1>
        {props.lead ? <p class="lead">{props.lead}</p> : null}
      </div>
      {props.actions ? <div class="page-header__actions">{props.actions}</div> : null}
    </div>
  );
}

export function SummaryList(props: { rows: [string, Child][] }) {
  return (
    <dl class="summary-list">
      {props.rows.map(([k, val]) => (
        <div class="summary-list__row"><dt>{k}</dt><dd>{val}</dd></div>
      ))}
    </dl>
  );
}

/** A full page for errors (403, 404, 400, 500) in the user's language. */
export function StatusPage(props: { v: View; status: number; title: string; message: string }) {
  return (
    <Layout v={props.v} title={props.title} narrow>
      <h1>{props.title}</h1>
      <p class="lead">{props.message}</p>
      <p><a href="/" class="button">{props.v.t('ui.back_home')}</a></p>
      <p class="muted">{props.v.t('ui.error_code', { status: props.status })}</p>
    </Layout>
  );
}
