// The accounts pages: the list, and one account with its roles and the role form.
import type { RoleDefinition } from '../../kernel/access.ts';
import { Badge, DataTable, ErrorSummary, Form, PageHeader, Pagination, SelectField, SummaryList, TextField, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { crumbsHome, roleLabel } from './org.components.tsx';
import type { findAccount, listAccounts, listGrantsOf, PersonRow } from './org.queries.ts';

export interface AccountsModel {
  q: string;
  list: Awaited<ReturnType<typeof listAccounts>>;
  page: number;
  pageSize: number;
}

export function AccountsPage(v: View, m: AccountsModel) {
  return (
    <Layout v={v} title={v.t('accounts.title')} crumbs={[crumbsHome(v), { label: v.t('accounts.title') }]}>
      <PageHeader title={v.t('accounts.title')} lead={v.t('accounts.lead')} />
      <Form v={v} method="get" action="/admin/accounts" class="filters" role="search">
        <TextField v={v} name="q" label={v.t('ui.search')} value={m.q} type="search" />
        <div class="filters__actions"><button class="button" type="submit">{v.t('ui.filter')}</button></div>
      </Form>
      <DataTable v={v} caption={v.t('accounts.title')} empty={v.t('accounts.empty')} rows={m.list.rows} columns={[
        { key: 'username', label: v.t('accounts.col.username'), render: (r) => <a href={`/admin/accounts/${r.account.id}`}>{r.account.username}</a> },
        { key: 'name', label: v.t('accounts.col.name'), render: (r) => r.account.displayName },
        { key: 'unit', label: v.t('accounts.col.unit'), render: (r) => r.unitName ?? v.t('ui.none') },
        { key: 'roles', label: v.t('accounts.col.roles'), render: (r) => (r.roles ?? []).map((x) => roleLabel(v, x)).join(', ') },
        { key: 'last', label: v.t('accounts.col.last_login'), render: (r) => (r.account.lastLoginAt ? v.dateTime(r.account.lastLoginAt) : v.t('accounts.never')) },
        { key: 'status', label: v.t('accounts.col.status'), render: (r) => (r.account.isActive ? <Badge tone="success">{v.t('ui.active')}</Badge> : <Badge tone="neutral">{v.t('ui.inactive')}</Badge>) },
      ]} />
      <Pagination v={v} page={m.page} pageSize={m.pageSize} total={m.list.total} query={{ q: m.q }} />
    </Layout>
  );
}

export interface AccountModel {
  account: NonNullable<Awaited<ReturnType<typeof findAccount>>>;
  grants: Awaited<ReturnType<typeof listGrantsOf>>;
  /** the declared roles, for the role form (in declaration order) */
  roles: readonly RoleDefinition[];
  /** every unit, for the role form */
  units: { id: string; name: string }[];
  person: PersonRow | null;
  /** the one-time password just made (shown once) */
  tempPassword?: string;
  errors?: FieldErrors;
}

export function AccountPage(v: View, m: AccountModel) {
  const acc = m.account;
  const { errors } = m;
  return (
    <Layout v={v} title={acc.username} crumbs={[crumbsHome(v), { href: '/admin/accounts', label: v.t('accounts.title') }, { label: acc.username }]}>
      <PageHeader title={acc.displayName} lead={acc.username} />
      {m.tempPassword ? (
        <div class="alert alert--warning" role="status">
          <strong>{v.t('accounts.temp_password.title')}: </strong><code class="temp-password">{m.tempPassword}</code>
          <p>{v.t('accounts.temp_password.lead', { name: acc.displayName })}</p>
        </div>
      ) : null}
      <ErrorSummary v={v} errors={errors} />
      <SummaryList rows={[
        [v.t('accounts.col.status'), acc.isActive ? <Badge tone="success">{v.t('ui.active')}</Badge> : <Badge tone="neutral">{v.t('ui.inactive')}</Badge>],
        [v.t('accounts.col.last_login'), acc.lastLoginAt ? v.dateTime(acc.lastLoginAt) : v.t('accounts.never')],
        [v.t('people.field.email'), acc.email ?? v.t('ui.none')],
        [v.t('accounts.person'), m.person ? <a href={`/people/${m.person.id}`}>{m.person.name}</a> : v.t('ui.none')],
      ]} />
      <div class="button-row">
        <Form v={v} action={`/admin/accounts/${acc.id}/reset-password`}><button class="button button--secondary" type="submit">{v.t('accounts.reset')}</button></Form>
        <Form v={v} action={`/admin/accounts/${acc.id}/active`}><input type="hidden" name="active" value={acc.isActive ? '0' : '1'} />
          <button class={acc.isActive ? 'button button--danger' : 'button'} type="submit">{acc.isActive ? v.t('accounts.deactivate') : v.t('accounts.activate')}</button></Form>
      </div>
      <h2>{v.t('accounts.roles')}</h2>
      <DataTable v={v} caption={v.t('accounts.roles')} empty={v.t('account.no_roles')} rows={m.grants} columns={[
        { key: 'role', label: v.t('accounts.role.role'), render: (g) => roleLabel(v, g.a.role) },
        { key: 'unit', label: v.t('accounts.role.unit'), render: (g) => g.unitName ?? v.t('role.scope.regency') },
        { key: 'area', label: v.t('accounts.role.area'), render: (g) => (g.a.area ? v.t(`area.${g.a.area}`) : v.t('ui.none')) },
        { key: 'act', label: v.t('ui.actions'), render: (g) => (
          <Form v={v} action={`/admin/accounts/${acc.id}/roles/${g.a.id}/delete`}><button class="linkbutton" type="submit">{v.t('ui.remove')}</button></Form>
        ) },
      ]} />
      <section class="card">
        <h3>{v.t('accounts.role.add')}</h3>
        <Form v={v} action={`/admin/accounts/${acc.id}/roles`} class="form">
          <SelectField v={v} name="role" label={v.t('accounts.role.role')} required errors={errors} placeholder="" options={m.roles.map((r) => ({ value: r.name, label: v.t(r.label) }))} />
          <SelectField v={v} name="unitId" label={v.t('accounts.role.unit')} errors={errors} placeholder={v.t('accounts.role.unit_none')} options={m.units.map((u) => ({ value: u.id, label: u.name }))} />
          <SelectField v={v} name="area" label={v.t('accounts.role.area')} errors={errors} placeholder={v.t('accounts.role.area_none')} options={[1, 2, 3, 4, 5, 6].map((a) => ({ value: String(a), label: `${a}. ${v.t(`area.${a}`)}` }))} />
          <button class="button button--primary" type="submit">{v.t('accounts.role.add')}</button>
        </Form>
      </section>
    </Layout>
  );
}
