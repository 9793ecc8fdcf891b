import type { Child } from 'hono/jsx';
import { Layout } from './layout.tsx';
import type { View } from './view.ts';

export type FieldErrors = Record<string, string>;

export function Csrf({ v }: { v: View }) {
  return <input type="hidden" name="_csrf" value={v.csrf} />;
}

/** GOV.UK pattern: a summary at the top linking to every field in error. */
/** errors: field → i18n key; texts: field → an already translated message (with parameters). */
export function ErrorSummary({ v, errors, texts, labels }: { v: View; errors?: FieldErrors; texts?: Record<string, string>; labels?: Record<string, string> }) {
  const entries = [
    ...Object.entries(errors ?? {}).map(([f, key]) => [f, labels?.[f] ? `${labels[f]}: ${v.t(key)}` : v.t(key)] as const),
    ...Object.entries(texts ?? {}),
  ];
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} data-focus>
      <h2 class="error-summary__title">{v.t('form.error_summary')}</h2>
      <ul>
        {entries.map(([field, text]) => <li><a href={`#f-${field}`}>{text}</a></li>)}
      </ul>
    </div>
  );
}

interface BaseFieldProps {
  v: View;
  name: string;
  label: string;
  hint?: string;
  errors?: FieldErrors;
  required?: boolean;
}

function FieldShell(props: BaseFieldProps & { children: Child }) {
  const err = props.errors?.[props.name];
  return (
    <div class={err ? 'field field--error' : 'field'}>
      <label class="field__label" for={`f-${props.name}`}>
        {props.label}
        {props.required ? null : <span class="field__optional"> ({props.v.t('form.optional')})</span>}
      </label>
      {props.hint ? <div class="field__hint" id={`h-${props.name}`}>{props.hint}</div> : null}
      {err ? <div class="field__error" id={`e-${props.name}`}><span class="visually-hidden">{props.v.t('form.error_prefix')}</span>{props.v.t(err)}</div> : null}
      {props.children}
    </div>
  );
}

function describedBy(p: BaseFieldProps): string | undefined {
  const ids = [p.hint ? `h-${p.name}` : '', p.errors?.[p.name] ? `e-${p.name}` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextField(props: BaseFieldProps & {
  value?: string | null; type?: string; autocomplete?: string; inputmode?: string; maxlength?: number; pattern?: string; width?: 'short' | 'full';
}) {
  return (
    <FieldShell {...props}>
      <input
        class={props.width === 'short' ? 'input input--short' : 'input'}
        id={`f-${props.name}`} name={props.name} type={props.type ?? 'text'} value={props.value ?? ''}
        autocomplete={props.autocomplete} inputmode={props.inputmode as never} maxlength={props.maxlength}
        required={props.required} aria-invalid={props.errors?.[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      />
    </FieldShell>
  );
}

export function SelectField(props: BaseFieldProps & { value?: string | null; options: { value: string; label: string }[]; placeholder?: string }) {
  return (
    <FieldShell {...props}>
      <select class="input" id={`f-${props.name}`} name={props.name} required={props.required}
        aria-invalid={props.errors?.[props.name] ? 'true' : undefined} aria-describedby={describedBy(props)}>
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => <option value={o.value} selected={o.value === (props.value ?? '')}>{o.label}</option>)}
      </select>
    </FieldShell>
  );
}

export function CheckboxField(props: { v: View; name: string; label: string; checked?: boolean; hint?: string }) {
  return (
    <div class="field field--checkbox">
      <input type="checkbox" id={`f-${props.name}`} name={props.name} value="1" checked={props.checked} />
      <label for={`f-${props.name}`}>{props.label}</label>
      {props.hint ? <div class="field__hint">{props.hint}</div> : null}
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
    <div class="table-wrap">
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
    </div>
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
