// The people pages: the list with its filters, one person (with the account form), the person
// form, and the CSV import with its report.
import { Badge, CheckboxField, DataTable, ErrorSummary, FileField, Form, PageHeader, Pagination, SelectField, SummaryList, TextField, UnitPicker, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { PeopleTable, crumbsHome } from './org.components.tsx';
import type { PersonListRow, PersonRow } from './org.queries.ts';
import { POSITION_CLASSES, formatNip, parseNip } from './org.rules.ts';
import type { ImportReport } from './org.service.ts';

export const PEOPLE_STATUSES = ['active', 'inactive', 'all'] as const;

export interface PeopleModel {
  units: { id: string; shortName: string }[];
  list: { rows: PersonListRow[]; total: number };
  filter: { q: string; unit?: string; cls?: string; status: (typeof PEOPLE_STATUSES)[number]; sort: string; dir: 'asc' | 'desc' };
  page: number;
  pageSize: number;
}

export function PeoplePage(v: View, m: PeopleModel) {
  const f = m.filter;
  const query = { q: f.q, unit: f.unit, class: f.cls, status: f.status, sort: f.sort, dir: f.dir };
  return (
    <Layout v={v} title={v.t('people.title')} crumbs={[crumbsHome(v), { label: v.t('people.title') }]}>
      <PageHeader title={v.t('people.title')} lead={v.t('people.lead')} actions={v.can('org.people.manage') ? <>
        <a class="button button--primary" href="/admin/people/new">{v.t('people.new')}</a>
        <a class="button button--secondary" href="/admin/people/import">{v.t('people.import')}</a>
      </> : undefined} />
      <Form v={v} method="get" action="/people" class="filters" role="search">
        <TextField v={v} name="q" label={v.t('people.filter.q')} value={f.q} type="search" />
        <UnitPicker v={v} name="unit" label={v.t('people.filter.unit')} units={m.units} value={f.unit} placeholder={v.t('people.filter.unit_all')} />
        <SelectField v={v} name="class" label={v.t('people.col.class')} value={f.cls} placeholder={v.t('people.filter.class_all')}
          options={POSITION_CLASSES.map((p) => ({ value: p, label: v.t(`poscls.${p}`) }))} />
        <SelectField v={v} name="status" label={v.t('people.filter.status')} value={f.status}
          options={PEOPLE_STATUSES.map((s) => ({ value: s, label: v.t(`people.filter.status_${s}`) }))} />
        <div class="filters__actions"><button class="button" type="submit">{v.t('ui.filter')}</button><a class="button button--secondary" href="/people">{v.t('ui.reset')}</a></div>
      </Form>
      <PeopleTable v={v} rows={m.list.rows} sort={f.sort} dir={f.dir} query={query} />
      <Pagination v={v} page={m.page} pageSize={m.pageSize} total={m.list.total} query={query} />
    </Layout>
  );
}

export interface PersonModel {
  person: PersonRow & { unitName: string; unitShort: string };
}

export function PersonPage(v: View, m: PersonModel) {
  const p = m.person;
  const nip = parseNip(p.nip);
  const canManage = v.can('org.people.manage', p.unitId);
  return (
    <Layout v={v} title={p.name} crumbs={[crumbsHome(v), { href: '/people', label: v.t('people.title') }, { label: p.name }]}>
      <PageHeader title={p.name} lead={`${p.position} · ${p.unitShort}`} actions={canManage ? <a class="button" href={`/admin/people/${p.id}/edit`}>{v.t('ui.edit')}</a> : undefined} />
      <SummaryList rows={[
        [v.t('people.col.nip'), formatNip(p.nip)],
        [v.t('people.col.unit'), <a href={`/units/${p.unitId}`}>{p.unitName}</a>],
        [v.t('people.col.position'), p.position],
        [v.t('people.col.class'), v.t(`poscls.${p.positionClass}`)],
        [v.t('people.field.rank'), p.rank ?? v.t('ui.none')],
        [v.t('people.birth_date'), v.date(p.birthDate)],
        [v.t('people.gender'), v.t(`gender.${p.gender}`)],
        [v.t('people.appointed'), nip.ok ? v.date(`${nip.info.appointed}-01`).replace(/^1 /, '') : v.t('ui.none')],
        [v.t('people.field.email'), p.email ?? v.t('ui.none')],
        [v.t('people.field.phone'), p.phone ?? v.t('ui.none')],
        [v.t('people.col.status'), p.isActive ? <Badge tone="success">{v.t('ui.active')}</Badge> : <Badge tone="neutral">{v.t('ui.inactive')}</Badge>],
      ]} />
      {v.can('org.accounts.manage') ? (
        <section class="card">
          <h2>{v.t('people.account')}</h2>
          {p.accountId ? <p><a href={`/admin/accounts/${p.accountId}`}>{v.t('accounts.title')}</a></p> : <CreateAccountForm v={v} personId={p.id} email={p.email} />}
        </section>
      ) : null}
    </Layout>
  );
}

function CreateAccountForm(props: { v: View; personId: string; email: string | null }) {
  const { v } = props;
  return (
    <Form v={v} action={`/admin/people/${props.personId}/account`} class="form">
      <TextField v={v} name="username" label={v.t('people.account.username')} required width="short" autocomplete="off" />
      <TextField v={v} name="email" label={v.t('people.account.email')} value={props.email} type="email" />
      <button class="button button--primary" type="submit">{v.t('people.create_account')}</button>
    </Form>
  );
}

export interface PersonFormModel {
  /** the person being edited; null for a new one */
  id: string | null;
  /** the values in the fields: the stored person's, or what was posted */
  values: Record<string, unknown>;
  active: boolean;
  /** the units a person may be placed in (the actor's scope) */
  units: { id: string; name: string }[];
  errors?: FieldErrors;
}

export function PersonFormPage(v: View, m: PersonFormModel) {
  const { id, errors } = m;
  const title = id ? v.t('people.edit') : v.t('people.new');
  const val = (k: string) => (m.values[k] === null || m.values[k] === undefined ? '' : String(m.values[k]));
  return (
    <Layout v={v} title={title} crumbs={[crumbsHome(v), { href: '/people', label: v.t('people.title') }, { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary v={v} errors={errors} labels={{ name: v.t('people.field.name'), nip: v.t('people.field.nip'), unitId: v.t('people.field.unit'), position: v.t('people.field.position'), positionClass: v.t('people.field.class'), rank: v.t('people.field.rank'), email: v.t('people.field.email'), phone: v.t('people.field.phone') }} />
      <Form v={v} action={id ? `/admin/people/${id}` : '/admin/people'} class="form">
        <TextField v={v} name="name" label={v.t('people.field.name')} value={val('name')} required errors={errors} />
        <TextField v={v} name="nip" label={v.t('people.field.nip')} hint={v.t('people.field.nip_hint')} value={val('nip')} required errors={errors} inputmode="numeric" width="short" />
        <SelectField v={v} name="unitId" label={v.t('people.field.unit')} value={val('unitId')} required errors={errors} placeholder="" options={m.units.map((u) => ({ value: u.id, label: u.name }))} />
        <TextField v={v} name="position" label={v.t('people.field.position')} value={val('position')} required errors={errors} />
        <SelectField v={v} name="positionClass" label={v.t('people.field.class')} hint={v.t('people.field.class_hint')} value={val('positionClass')} required errors={errors} placeholder="" options={POSITION_CLASSES.map((p) => ({ value: p, label: v.t(`poscls.${p}`) }))} />
        <TextField v={v} name="rank" label={v.t('people.field.rank')} value={val('rank')} errors={errors} />
        <TextField v={v} name="email" label={v.t('people.field.email')} value={val('email')} errors={errors} type="email" />
        <TextField v={v} name="phone" label={v.t('people.field.phone')} value={val('phone')} errors={errors} type="tel" width="short" />
        <CheckboxField v={v} name="isActive" label={v.t('people.field.active')} checked={m.active} />
        <div class="form__actions">
          <button type="submit" class="button button--primary">{v.t('ui.save')}</button>
          <a class="button button--secondary" href={id ? `/people/${id}` : '/people'}>{v.t('ui.cancel')}</a>
        </div>
      </Form>
    </Layout>
  );
}

export interface ImportModel {
  columns: readonly string[];
  report?: ImportReport;
  /** the refusal of the file, as a message key and its parameters */
  error?: string;
  errorParams?: Record<string, string | number>;
}

export function ImportPage(v: View, m: ImportModel) {
  const rep = m.report;
  return (
    <Layout v={v} title={v.t('import.title')} crumbs={[crumbsHome(v), { href: '/people', label: v.t('people.title') }, { label: v.t('import.title') }]}>
      <h1>{v.t('import.title')}</h1>
      <p class="lead">{v.t('import.lead')}</p>
      <p>{v.t('import.columns', { columns: m.columns.join(', ') })} <a href="/admin/people/import/template.csv">{v.t('import.template')}</a></p>
      {m.error ? <ErrorSummary v={v} errors={{ file: m.error }} params={m.errorParams} /> : null}
      <Form v={v} action="/admin/people/import" enctype="multipart/form-data" class="form">
        <FileField v={v} name="file" label={v.t('import.file')} accept=".csv,text/csv" required errors={m.error ? { file: m.error } : undefined} errorParams={m.errorParams} />
        <button class="button button--primary" type="submit">{v.t('import.submit')}</button>
      </Form>
      {rep ? (
        <section class="card" aria-live="polite">
          <h2>{v.t('import.report')}</h2>
          <p class="import-summary">{v.t('import.summary', { created: rep.created, updated: rep.updated, rejected: rep.rejected })}</p>
          <DataTable v={v} caption={v.t('import.report')} empty="" rows={rep.rows} columns={[
            { key: 'line', label: v.t('import.col.line'), numeric: true, render: (r) => r.line },
            { key: 'nip', label: v.t('people.col.nip'), render: (r) => r.nip },
            { key: 'name', label: v.t('people.col.name'), render: (r) => r.name },
            { key: 'status', label: v.t('import.col.status'), render: (r) => <Badge tone={r.status === 'rejected' ? 'danger' : 'success'}>{v.t(`import.status.${r.status}`)}</Badge> },
            { key: 'errors', label: v.t('import.col.errors'), render: (r) => r.errors.map((e) => `${e.field}: ${v.t(e.key)}`).join(' · ') },
          ]} />
        </section>
      ) : null}
    </Layout>
  );
}
