// The pieces the conflict-of-interest pages share: the module's paths, the unit and year of the
// manager pages (tabs and the chooser), state badges, the risk fields,
// and the error summary's texts that name the field a message is about.
import { ACCEPTED_EXTENSIONS } from '../../kernel/files.ts';
import { Badge, FileField as SharedFileField, SelectField, TextAreaField, TextField, UnitPicker, withQuery, type FieldErrors } from '../../kernel/ui/components.tsx';
import type { Crumb } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { regencyToday } from '../../kernel/workdays.ts';
import { COI_RULES, SOURCES } from './coi.rules.ts';

export const BASE = '/konflik-kepentingan';

/** What a refused form shows again: the values sent, the errors (field → key) and their parameters. */
export interface Shown { form: Record<string, string>; errors: FieldErrors; params: Record<string, string | number> }
/** A form shown for the first time. */
export const FRESH: Shown = { form: {}, errors: {}, params: {} };

// ---- unit and year of the manager pages ---------------------------------------------------------------

export interface Where { unitId: string; unitName: string; year: number; units: { id: string; shortName: string }[]; today: string }

/** The unit and year as the manager pages' links carry them. */
export const q = (w: Pick<Where, 'unitId' | 'year'>) => ({ unit: w.unitId, year: String(w.year) });

export const crumbsFor = (v: View, label: string): Crumb[] => [{ href: BASE, label: v.t('coi.title') }, { label }];

export function ManagerTabs({ v, w, current }: { v: View; w: Where; current: string }) {
  const tabs: [string, string, string][] = [
    ['ringkasan', 'coi.tab.summary', 'coi.stats'], ['peta', 'coi.tab.map', 'coi.records'],
    ['sosialisasi', 'coi.tab.socialisation', 'coi.records'], ['evaluasi', 'coi.tab.evaluation', 'coi.records'],
  ];
  return (
    <nav class="tabs" aria-label={v.t('coi.tab.label')}>
      <ul>
        {tabs.filter(([, , a]) => v.can(a, w.unitId)).map(([p, k]) => <li><a href={withQuery(`${BASE}/${p}`, q(w))} aria-current={p === current ? 'page' : undefined}>{v.t(k)}</a></li>)}
        <li><a href={BASE}>{v.t('coi.tab.mine')}</a></li>
      </ul>
    </nav>
  );
}

export function WhereForm({ v, w, path }: { v: View; w: Where; path: string }) {
  const years = [w.year + 1, w.year, w.year - 1, w.year - 2].filter((y) => y <= Number(w.today.slice(0, 4)) + 1);
  return (
    <form method="get" action={path} class="form form--inline card" novalidate>
      <UnitPicker v={v} name="unit" label={v.t('coi.field.unit')} required value={w.unitId} units={w.units} />
      <SelectField v={v} name="year" label={v.t('coi.field.year')} required value={String(w.year)} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      <button class="button button--secondary" type="submit">{v.t('coi.show')}</button>
    </form>
  );
}

// ---- badges ---------------------------------------------------------------------------------------------

const stateTone = (s: string) => (s === 'closed' || s === 'acknowledged' ? 'success' : s === 'submitted' ? 'warning' : 'info');
export const levelTone = (l: string) => (l === 'very_high' ? 'danger' : l === 'high' ? 'warning' : l === 'medium' ? 'info' : 'neutral');
export const answerTone = (a: string | null) => (a === 'a' ? 'success' : a === 'b' ? 'info' : a === 'c' ? 'warning' : a === 'd' ? 'danger' : 'neutral');
export const recTone = (s: string) => (s === 'done' ? 'success' : s === 'in_progress' ? 'info' : 'warning');

export function StateBadge({ v, state, dueOn }: { v: View; state: string; dueOn?: string | null }) {
  const overdue = state === 'mitigating' && !!dueOn && dueOn < regencyToday();
  return <>{<Badge tone={stateTone(state)}>{v.t(`coi.state.${state}`)}</Badge>}{overdue ? <> <Badge tone="danger">{v.t('coi.state.overdue')}</Badge></> : null}</>;
}

// ---- fields ---------------------------------------------------------------------------------------------

/** The module's text area: required unless said, 2000 characters unless said. */
export function TextArea({ v, name, label, errors, value, rows = 3, required = true, hint, max = 2000 }: { v: View; name: string; label: string; errors: FieldErrors; value?: string | null; rows?: number; required?: boolean; hint?: string; max?: number }) {
  return <TextAreaField v={v} name={name} label={label} hint={hint} errors={errors} value={value} rows={rows} maxlength={max} required={required} />;
}

/** The module's file field ('file' unless said), its hint naming the accepted types. */
export function FileField({ v, errors, params, name = 'file', label, required = false }: { v: View; errors: FieldErrors; params?: Record<string, string | number>; name?: string; label: string; required?: boolean }) {
  return <SharedFileField v={v} name={name} label={label} hint={v.t('coi.field.file_hint', { types: ACCEPTED_EXTENSIONS })} errors={errors} errorParams={params} required={required} />;
}

/** The fields of a risk of the map, for adding one and for editing it. */
export function RiskFields({ v, errors, form }: { v: View; errors: FieldErrors; form: Record<string, string | null | undefined> }) {
  const sourceOptions = SOURCES.map((s) => ({ value: s, label: v.t(`coi.source.${s}`) }));
  const scale = Array.from({ length: COI_RULES.risk.scaleMax - COI_RULES.risk.scaleMin + 1 }, (_, i) => String(COI_RULES.risk.scaleMin + i)).map((s) => ({ value: s, label: v.t(`coi.scale.${s}`) }));
  const val = (k: string) => form[k] ?? undefined;
  return (<>
    <SelectField v={v} name="source" label={v.t('coi.field.source')} required value={val('source')} errors={errors} placeholder={v.t('coi.choose')} options={sourceOptions} />
    <TextArea v={v} name="form" label={v.t('coi.field.form')} hint={v.t('coi.field.form_hint')} errors={errors} value={val('form')} />
    <TextField v={v} name="positions" label={v.t('coi.field.positions')} hint={v.t('coi.field.positions_hint')} required value={val('positions')} errors={errors} maxlength={500} />
    <SelectField v={v} name="likelihood" label={v.t('coi.field.likelihood')} required value={val('likelihood')} errors={errors} placeholder={v.t('coi.choose')} options={scale} />
    <SelectField v={v} name="impact" label={v.t('coi.field.impact')} required value={val('impact')} errors={errors} placeholder={v.t('coi.choose')} options={scale} />
    <TextArea v={v} name="controls" label={v.t('coi.field.controls')} errors={errors} value={val('controls')} required={false} />
    <TextArea v={v} name="mitigation" label={v.t('coi.field.mitigation_plan')} errors={errors} value={val('mitigation')} required={false} />
  </>);
}

// ---- the error summary ------------------------------------------------------------------------------------

// the label of each form field, so the error summary says which field a message is about
const FIELD_LABELS: Record<string, string> = {
  declaredOn: 'coi.field.declared_on', decisionKind: 'coi.field.decision_kind', reference: 'coi.field.reference', roleInDecision: 'coi.field.role_in_decision',
  functionId: 'coi.field.function', hasConflict: 'coi.field.has_conflict', superiorPersonId: 'coi.field.superior', agree: 'coi.form.statement', kind: 'coi.field.kind',
  assessment: 'coi.field.assessment', mitigation: 'coi.field.mitigation', dueOn: 'coi.field.due_on', note: 'coi.field.note', doneOn: 'coi.field.done_on',
  file: 'coi.evidence.file', url: 'coi.evidence.url', name: 'coi.field.function', source: 'coi.field.source', form: 'coi.field.form', positions: 'coi.field.positions',
  likelihood: 'coi.field.likelihood', impact: 'coi.field.impact', controls: 'coi.field.controls', heldOn: 'coi.field.held_on', title: 'coi.field.title',
  participants: 'coi.field.participants', functionIds: 'coi.field.functions_covered', periodFrom: 'coi.field.period_from', periodTo: 'coi.field.period_to',
  findings: 'coi.field.findings', recommendations: 'coi.field.recommendations', status: 'coi.field.status', personId: 'coi.field.declarant',
};

/** The error summary's texts: each message after the label of its field (a conflict's fields after its number). */
export function errorTexts(v: View, errors: FieldErrors, params: Record<string, string | number> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => {
    const m = /^c(\d)(source|description|relatedParty)$/.exec(field);
    const labelKey = m ? { source: 'coi.field.source', description: 'coi.field.description', relatedParty: 'coi.field.related_party' }[m[2] as 'source'] : FIELD_LABELS[field];
    const label = labelKey ? (m ? `${v.t('coi.form.conflict_n', { n: Number(m[1]) + 1 })} · ${v.t(labelKey)}` : v.t(labelKey)) : null;
    return [field, label ? `${label}: ${v.t(key, params)}` : v.t(key, params)];
  }));
}
