// Pieces shared by the services pages: what a refused form shows again, the sub-navigation
// (catalogue, consultations, maklumat, SOPs), the unit chooser, multi-line text, a compact field of a
// table row, the evidence block of a record, the status badge and the components of a standard.
import type { Child } from 'hono/jsx';
import { Badge, ECHO_CAP, FileField, Form, PageHeader, TextField, UnitPicker, capValue, registerField, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout, type Crumb } from '../../kernel/ui/layout.tsx';
import { COMPONENTS, componentName } from './services.rules.ts';
import type { View } from '../../kernel/ui/view.ts';
import type { EvidenceLinkView } from '../evidence/index.ts';

export const BASE = '/layanan';
export const UUID_P = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** What a refused form shows again: the values sent, the errors (field → key) and their parameters. */
export interface Shown { form: Record<string, string>; errors?: FieldErrors; params?: Record<string, string | number> }
/** A form shown for the first time. */
export const FRESH: Shown = { form: {} };
/** A page with no form shown again: an error of the page's other forms (evidence, publish) without the values sent. */
export const errorsOnly = (r: Shown): Shown => ({ form: {}, errors: r.errors, params: r.params });

/** The unit a list page shows: the units the reader may choose from, the one chosen (none: the page says so). */
export interface PageUnit { reach: { id: string; name: string }[]; unit: { id: string; name: string } | null }

const TABS = [
  { href: BASE, key: 'services.tab.catalogue' },
  { href: `${BASE}/konsultasi`, key: 'services.tab.consultations' },
  { href: `${BASE}/maklumat`, key: 'services.tab.maklumat' },
  { href: `${BASE}/sop`, key: 'services.tab.sop' },
];

/** A list page of a reader who reaches no unit. */
export function NoUnitPage(v: View, title: string, crumbs: Crumb[]) {
  return <Layout v={v} title={title} crumbs={crumbs}><PageHeader title={title} lead={v.t('services.no_unit')} /></Layout>;
}

/** The crumbs of a list page below the catalogue. */
export const listCrumbs = (v: View, title: string): Crumb[] => [{ href: '/', label: v.t('nav.home') }, { href: BASE, label: v.t('services.title') }, { label: title }];

/** Tabs of the module's pages, keeping the unit chosen. */
export function SubNav(props: { v: View; unitId: string; current: string }) {
  const { v } = props;
  return (
    <nav class="tabs services-tabs" aria-label={v.t('services.tabs')}>
      <ul>{TABS.map((t) => <li><a href={`${t.href}?unit=${props.unitId}`} aria-current={t.href === props.current ? 'page' : undefined}>{v.t(t.key)}</a></li>)}</ul>
    </nav>
  );
}

/** Unit picker (GET) for accounts reaching several units. */
export function UnitChooser(props: { v: View; action: string; units: { id: string; name: string }[]; unitId: string }) {
  const { v } = props;
  if (props.units.length < 2) return null;
  return (
    <Form v={v} method="get" action={props.action} class="filters services-unit-picker" aria-label={v.t('services.unit.picker')}>
      <UnitPicker v={v} name="unit" label={v.t('services.unit.label')} required value={props.unitId} units={props.units.map((u) => ({ id: u.id, shortName: u.name }))} />
      <div class="filters__actions"><button class="button button--secondary" type="submit">{v.t('services.unit.show')}</button></div>
    </Form>
  );
}

/** Text with its line breaks kept (no markup). */
export function Multi(props: { text: string | null | undefined }) {
  if (!props.text) return <span class="muted">—</span>;
  return <div class="services-text">{props.text}</div>;
}

/** A compact input inside a table row (label hidden visually, error shown below). */
export function CellInput(props: { v: View; name: string; label: string; value?: string; errors?: FieldErrors; multiline?: boolean; maxlength?: number }) {
  registerField(props.v, props.name);
  const err = props.errors?.[props.name];
  const value = capValue(props.value, props.maxlength ?? ECHO_CAP.text);
  const described = err ? `e-${props.name}` : undefined;
  return (
    <div class={err ? 'field field--error services-cell' : 'field services-cell'}>
      <label class="visually-hidden" for={`f-${props.name}`}>{props.label}</label>
      {err ? <div class="field__error" id={`e-${props.name}`}><span class="visually-hidden">{props.v.t('form.error_prefix')}</span>{props.v.t(err)}</div> : null}
      {props.multiline
        ? <textarea class="input" id={`f-${props.name}`} name={props.name} rows={2} maxlength={props.maxlength} aria-invalid={err ? 'true' : undefined} aria-describedby={described}>{value}</textarea>
        : <input class="input" id={`f-${props.name}`} name={props.name} value={value} maxlength={props.maxlength} aria-invalid={err ? 'true' : undefined} aria-describedby={described} />}
    </div>
  );
}

/** The files and links of a record, with upload and link forms for managers. */
export function EvidenceBlock(props: { v: View; title: string; items: EvidenceLinkView[]; action: string | null; hint?: string; errors?: FieldErrors; params?: Record<string, string | number>; hidden?: Child }) {
  const { v } = props;
  const err = props.errors;
  return (
    <section class="card" id="bukti">
      <h2>{props.title}</h2>
      {props.items.length ? (
        <ul class="evidence-list">{props.items.map((e) => <li>{e.kind === 'file' && e.fileId ? <a href={`/evidence/files/${e.fileId}`}>{e.title}</a> : <a href={e.url ?? '#'} rel="noopener noreferrer">{e.title}</a>}</li>)}</ul>
      ) : <p class="muted">{v.t('services.evidence.none')}</p>}
      {props.action ? (
        <div class="evidence-forms">
          <Form v={v} action={props.action} enctype="multipart/form-data" class="form">
            {props.hidden}
            <h3>{v.t('services.evidence.upload')}</h3>
            <FileField v={v} name="file" label={v.t('services.evidence.file')} hint={props.hint ?? v.t('services.evidence.file_hint')} required errors={err} errorParams={props.params} />
            <TextField v={v} name="title" id="etitle" label={v.t('services.evidence.title')} errors={err} errorParams={props.params} maxlength={200} />
            <div class="form__actions"><button class="button button--secondary" type="submit">{v.t('services.evidence.upload_button')}</button></div>
          </Form>
          <Form v={v} action={props.action} class="form">
            {props.hidden}
            <h3>{v.t('services.evidence.link')}</h3>
            <TextField v={v} name="url" type="url" label={v.t('services.evidence.url')} required errors={err} errorParams={props.params} maxlength={2000} />
            <TextField v={v} name="linkTitle" label={v.t('services.evidence.link_title')} required errors={err} maxlength={200} />
            <div class="form__actions"><button class="button button--secondary" type="submit">{v.t('services.evidence.add_link')}</button></div>
          </Form>
        </div>
      ) : null}
    </section>
  );
}

/** Every error of a refused form as a summary at the top (with the message parameters). */
export function errorTexts(v: View, errors: FieldErrors | undefined, params: Record<string, string | number> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [f, key] of Object.entries(errors ?? {})) out[f] = v.t(key, params);
  return out;
}

export function statusBadge(v: View, status: string) {
  const tone = status === 'published' ? 'success' : status === 'draft' ? 'warning' : 'neutral';
  return <Badge tone={tone}>{v.t(`services.standard.status.${status}`)}</Badge>;
}

/** The components of a standard in two groups: published to the public, internal. */
export function ComponentList(props: { v: View; components: Record<string, string>; only?: 'delivery'; level?: 2 | 3 }) {
  const { v } = props;
  const sides = props.only ? [props.only] : ['delivery', 'internal'];
  const H = props.level === 2 ? 'h2' : 'h3';
  return (<>{sides.map((side) => (
    <section class="services-components" aria-labelledby={`side-${side}`}>
      <H id={`side-${side}`}>{v.t(`services.side.${side}`)}</H>
      <dl class="services-component-list">{COMPONENTS.filter((c) => c.side === side).map((c) => (
        <div class="services-component"><dt>{c.order}. {componentName(c.key, v.locale)}</dt><dd><Multi text={props.components[c.key]} /></dd></div>
      ))}</dl>
    </section>
  ))}</>);
}


