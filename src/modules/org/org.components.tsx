// Pieces several org pages show: the role label, the home crumb, the people table and the
// letterhead logo card. Pure rendering: they read no database.
import { Badge, Csrf, DataTable, ErrorSummary, FileField, type FieldErrors } from '../../kernel/ui/components.tsx';
import type { View } from '../../kernel/ui/view.ts';
import type { PersonListRow } from './org.queries.ts';
import { formatNip } from './org.rules.ts';

export function roleLabel(v: View, role: string) {
  return v.t(`role.${role}`);
}

export const crumbsHome = (v: View) => ({ href: '/', label: v.t('nav.home') });

export function PeopleTable(props: { v: View; rows: PersonListRow[]; sort?: string; dir?: 'asc' | 'desc'; query?: Record<string, string | undefined> }) {
  const { v } = props;
  return (
    <DataTable v={v} caption={v.t('people.title')} empty={v.t('people.empty')} rows={props.rows} sort={props.sort} dir={props.dir} query={props.query} columns={[
      { key: 'name', label: v.t('people.col.name'), sortable: !!props.query, render: (p) => <a href={`/people/${p.id}`}>{p.name}</a> },
      { key: 'nip', label: v.t('people.col.nip'), sortable: !!props.query, render: (p) => <span class="nowrap">{formatNip(p.nip)}</span> },
      { key: 'position', label: v.t('people.col.position'), sortable: !!props.query, render: (p) => p.position },
      { key: 'class', label: v.t('people.col.class'), render: (p) => v.t(`poscls.${p.positionClass}`) },
      { key: 'unit', label: v.t('people.col.unit'), sortable: !!props.query, render: (p) => p.unitName },
      { key: 'status', label: v.t('people.col.status'), render: (p) => (p.isActive ? <Badge tone="success">{v.t('ui.active')}</Badge> : <Badge tone="neutral">{v.t('ui.inactive')}</Badge>) },
    ]} />
  );
}

/** A letterhead logo: the current image, and for those who may change it an upload and a remove form. */
export function LogoCard(props: { v: View; action: string; image: string | null; name: string; lead: string; none: string; canEdit: boolean; errors: FieldErrors; title?: string }) {
  const { v } = props;
  if (!props.canEdit && !props.image) return null;
  return (
    <section class="card logo-card" id="logo">
      <h2>{props.title ?? v.t('units.logo')}</h2>
      <p class="muted">{props.lead}</p>
      {props.image ? <p><img class="logo-card__image" src={props.image} alt={v.t('units.logo.alt', { name: props.name })} /></p> : <p>{props.none}</p>}
      {props.canEdit ? (<>
        <ErrorSummary v={v} errors={props.errors} labels={{ logo: v.t('units.logo.file') }} />
        <form method="post" action={props.action} enctype="multipart/form-data" class="form" novalidate>
          <Csrf v={v} />
          <FileField v={v} name="logo" label={v.t('units.logo.file')} hint={v.t('units.logo.file_hint')} accept="image/png,image/jpeg" required errors={props.errors} />
          <div class="form__actions"><button type="submit" class="button button--secondary">{v.t('units.logo.upload')}</button></div>
        </form>
        {props.image ? (
          <form method="post" action={`${props.action}/hapus`} class="inline-form" novalidate>
            <Csrf v={v} />
            <button type="submit" class="button button--danger">{v.t('units.logo.remove')}</button>
          </form>
        ) : null}
      </>) : null}
    </section>
  );
}
