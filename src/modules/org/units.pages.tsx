// The unit pages: the list (with the regency's letterhead logo), one unit, and the unit form.
import { Badge, CheckboxField, DataTable, ErrorSummary, Form, PageHeader, SelectField, SummaryList, TextField, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { LogoCard, PeopleTable, crumbsHome, roleLabel } from './org.components.tsx';
import type { PersonListRow, UnitRow } from './org.queries.ts';
import { UNIT_KINDS } from './org.rules.ts';

type ListedUnit = UnitRow & { peopleCount: number };

export interface UnitsModel {
  units: ListedUnit[];
  /** the regency, for the admin who may change its letterhead logo */
  regency: { name: string; logoSha256: string | null } | null;
  logoErrors: FieldErrors;
}

export function UnitsPage(v: View, m: UnitsModel) {
  const byId = new Map(m.units.map((u) => [u.id, u]));
  const { regency } = m;
  return (
    <Layout v={v} title={v.t('units.title')} crumbs={[crumbsHome(v), { label: v.t('units.title') }]}>
      <PageHeader title={v.t('units.title')} lead={v.t('units.lead')} actions={v.can('org.units.manage') ? <a class="button button--primary" href="/admin/units/new">{v.t('units.new')}</a> : undefined} />
      <DataTable v={v} caption={v.t('units.title')} empty={v.t('units.empty')} rows={m.units} columns={[
        { key: 'code', label: v.t('units.col.code'), render: (u) => u.code },
        { key: 'name', label: v.t('units.col.name'), render: (u) => <><a href={`/units/${u.id}`}>{u.name}</a>{u.isActive ? null : <> <Badge tone="neutral">{v.t('ui.inactive')}</Badge></>}</> },
        { key: 'kind', label: v.t('units.col.kind'), render: (u) => v.t(`unitkind.${u.kind}`) },
        { key: 'parent', label: v.t('units.col.parent'), render: (u) => (u.parentId ? byId.get(u.parentId)?.shortName ?? v.t('ui.none') : v.t('ui.none')) },
        { key: 'people', label: v.t('units.col.people'), numeric: true, render: (u) => v.num(u.peopleCount) },
      ]} />
      {regency ? <LogoCard v={v} action="/admin/regency/logo" image={regency.logoSha256 ? `/regency/logo?v=${regency.logoSha256.slice(0, 12)}` : null} title={v.t('regency.logo')}
        name={regency.name} lead={v.t('units.logo.regency_lead')} none={v.t('units.logo.none')} canEdit errors={m.logoErrors} /> : null}
    </Layout>
  );
}

export interface UnitModel {
  unit: UnitRow;
  parent: UnitRow | null;
  subunits: { id: string; name: string }[];
  holders: { role: string; area: number | null; displayName: string }[];
  staff: { rows: PersonListRow[]; total: number };
  logoErrors: FieldErrors;
}

export function UnitPage(v: View, m: UnitModel) {
  const { unit, parent, subunits, holders, staff } = m;
  return (
    <Layout v={v} title={unit.shortName} crumbs={[crumbsHome(v), { href: '/units', label: v.t('units.title') }, { label: unit.shortName }]}>
      <PageHeader title={unit.name} lead={`${unit.code} · ${v.t(`unitkind.${unit.kind}`)}`} actions={v.can('org.units.manage') ? <a class="button" href={`/admin/units/${unit.id}/edit`}>{v.t('units.edit')}</a> : undefined} />
      <SummaryList rows={[
        [v.t('units.field.parent'), parent ? parent.name : v.t('ui.none')],
        [v.t('units.field.address'), unit.address ?? v.t('ui.none')],
        [v.t('units.field.phone'), unit.phone ?? v.t('ui.none')],
        [v.t('units.field.email'), unit.email ?? v.t('ui.none')],
        [v.t('units.field.fax'), unit.fax ?? v.t('ui.none')],
        [v.t('units.field.website'), unit.website ?? v.t('ui.none')],
        [v.t('units.field.sms'), unit.sms ?? v.t('ui.none')],
      ]} />
      <LogoCard v={v} action={`/units/${unit.id}/logo`} image={unit.logoSha256 ? `/units/${unit.id}/logo?v=${unit.logoSha256.slice(0, 12)}` : null}
        name={unit.name} lead={v.t('units.logo.lead')} none={v.t('units.logo.uses_regency')} canEdit={v.can('org.units.logo', unit.id)} errors={m.logoErrors} />
      {subunits.length > 0 ? (<>
        <h2>{v.t('units.subunits')}</h2>
        <ul class="plain-list">{subunits.map((s) => <li><a href={`/units/${s.id}`}>{s.name}</a></li>)}</ul>
      </>) : null}
      <h2>{v.t('units.roles')}</h2>
      {holders.length === 0 ? <p class="muted">{v.t('units.no_roles')}</p> : (
        <ul class="plain-list">{holders.map((h) => <li><Badge tone="info">{roleLabel(v, h.role)}</Badge> {h.displayName}{h.area ? ` · ${v.t(`area.${h.area}`)}` : ''}</li>)}</ul>
      )}
      <h2>{v.t('units.people')} ({v.num(staff.total)})</h2>
      <PeopleTable v={v} rows={staff.rows} />
    </Layout>
  );
}

export interface UnitFormModel {
  /** the unit being edited; null for a new one */
  id: string | null;
  /** the values in the fields: the stored unit's, or what was posted */
  values: Record<string, unknown>;
  /** whether the "active" box is ticked */
  active: boolean;
  /** every unit, for the parent select */
  units: { id: string; name: string }[];
  errors?: FieldErrors;
}

export function UnitFormPage(v: View, m: UnitFormModel) {
  const { id, errors } = m;
  const title = id ? v.t('units.edit') : v.t('units.new');
  const val = (k: string) => (m.values[k] === null || m.values[k] === undefined ? '' : String(m.values[k]));
  return (
    <Layout v={v} title={title} crumbs={[crumbsHome(v), { href: '/units', label: v.t('units.title') }, { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary v={v} errors={errors} labels={{ code: v.t('units.field.code'), name: v.t('units.field.name'), shortName: v.t('units.field.short'), kind: v.t('units.field.kind'), parentId: v.t('units.field.parent'), address: v.t('units.field.address'), phone: v.t('units.field.phone'), email: v.t('units.field.email'), fax: v.t('units.field.fax'), website: v.t('units.field.website'), sms: v.t('units.field.sms') }} />
      <Form v={v} action={id ? `/admin/units/${id}` : '/admin/units'} class="form">
        <TextField v={v} name="code" label={v.t('units.field.code')} hint={v.t('units.field.code_hint')} value={val('code')} required errors={errors} width="short" />
        <TextField v={v} name="name" label={v.t('units.field.name')} value={val('name')} required errors={errors} />
        <TextField v={v} name="shortName" label={v.t('units.field.short')} value={val('shortName')} required errors={errors} />
        <SelectField v={v} name="kind" label={v.t('units.field.kind')} value={val('kind')} required errors={errors} options={UNIT_KINDS.map((k) => ({ value: k, label: v.t(`unitkind.${k}`) }))} />
        <SelectField v={v} name="parentId" label={v.t('units.field.parent')} value={val('parentId')} errors={errors} placeholder={v.t('units.field.parent_none')}
          options={m.units.filter((u) => u.id !== id).map((u) => ({ value: u.id, label: u.name }))} />
        <TextField v={v} name="address" label={v.t('units.field.address')} value={val('address')} errors={errors} />
        <TextField v={v} name="phone" label={v.t('units.field.phone')} value={val('phone')} errors={errors} type="tel" width="short" />
        <TextField v={v} name="email" label={v.t('units.field.email')} value={val('email')} errors={errors} type="email" />
        <TextField v={v} name="fax" label={v.t('units.field.fax')} hint={v.t('units.field.letterhead_hint')} value={val('fax')} errors={errors} type="tel" width="short" />
        <TextField v={v} name="website" label={v.t('units.field.website')} value={val('website')} errors={errors} type="url" />
        <TextField v={v} name="sms" label={v.t('units.field.sms')} value={val('sms')} errors={errors} type="tel" width="short" />
        <CheckboxField v={v} name="isActive" label={v.t('units.field.active')} checked={m.active} />
        <div class="form__actions">
          <button type="submit" class="button button--primary">{v.t('ui.save')}</button>
          <a class="button button--secondary" href={id ? `/units/${id}` : '/units'}>{v.t('ui.cancel')}</a>
        </div>
      </Form>
    </Layout>
  );
}
