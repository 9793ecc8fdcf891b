// The pieces the gratification pages share: the form's labels for the error summary, the state badge,
// the module's field variants (text area, attachment, radios), the rules box of a version, the
// timeline, the report's summary and decision, and the staff pages' unit/year picker and tabs.
// Functions of the view and the data they are given; none reads the database.
import type { JSX } from 'hono/jsx/jsx-runtime';
import { ACCEPTED_EXTENSIONS } from '../../kernel/files.ts';
import { Badge, FileField as SharedFileField, RadioGroup, SelectField, SummaryList, TextAreaField, UnitPicker, withQuery, type FieldErrors } from '../../kernel/ui/components.tsx';
import type { Crumb } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { formatFileSize } from '../evidence/index.ts';
import { rupiah } from './gratification.pdf.ts';
import type { Analysis, EventRow, ReportRow } from './gratification.queries.ts';
import type { Lateness, RuleVersion, Step } from './gratification.rules.ts';

export const BASE = '/gratifikasi';

/** What a form shows: the values typed, the errors (field → message key) and the messages' parameters. */
export interface Entry { form: Record<string, string>; errors: FieldErrors; params: Record<string, string | number> }
/** A form shown for the first time (or with values from the query). */
export const blank = (form: Record<string, string> = {}): Entry => ({ form, errors: {}, params: {} });

/** The workflow steps of the UPG and the path segment of each (`/kelola/:id/<slug>`). */
export const STEP_SLUGS: Record<Exclude<Step, 'complete'>, string> = {
  verify: 'verifikasi', request_completion: 'minta-lengkapi', analyse: 'analisis', forward: 'teruskan', decide: 'putusan', follow_up: 'tindak-lanjut', close: 'tutup', dismiss: 'bukan-gratifikasi',
};

const FIELD_LABELS: Record<string, string> = {
  kind: 'gratification.field.kind', giverName: 'gratification.field.giverName', giverInstitution: 'gratification.field.giverInstitution',
  relationship: 'gratification.field.relationship', occasion: 'gratification.field.occasion', itemKind: 'gratification.field.itemKind',
  description: 'gratification.field.description', valueRp: 'gratification.field.valueRp', receivedOn: 'gratification.field.receivedOn', place: 'gratification.field.place',
  chronology: 'gratification.field.chronology', whereNow: 'gratification.field.whereNow', claimedCategory: 'gratification.field.claimedCategory', file: 'gratification.field.file',
  completionNote: 'gratification.field.completionNote', note: 'gratification.field.note', relatedToPosition: 'gratification.analysis.related', contraryToDuty: 'gratification.analysis.contrary',
  category: 'gratification.field.category', forwardedOn: 'gratification.field.forwardedOn', golNumber: 'gratification.field.golNumber', decision: 'gratification.field.decision',
  decisionOn: 'gratification.field.decisionOn', skNumber: 'gratification.field.skNumber', decisionNote: 'gratification.field.decisionNote', followUpKind: 'gratification.field.followUpKind',
  followUpOn: 'gratification.field.followUpOn', followUpNote: 'gratification.field.followUpNote', proof: 'gratification.field.proof', reason: 'gratification.field.reason',
  storageLocation: 'gratification.field.storageLocation', depositorName: 'gratification.field.depositorName', releasedOn: 'gratification.field.releasedOn',
  releasedTo: 'gratification.field.releasedTo', releaseNote: 'gratification.field.releaseNote', title: 'gratification.field.title', heldOn: 'gratification.field.heldOn',
  channel: 'gratification.field.channel', reach: 'gratification.field.reach', url: 'gratification.field.url', decreeNumber: 'gratification.field.decreeNumber',
  decreeDate: 'gratification.field.decreeDate', proceduresTitle: 'gratification.field.proceduresTitle', proceduresNumber: 'gratification.field.proceduresNumber',
  proceduresDate: 'gratification.field.proceduresDate', headPersonId: 'gratification.field.headPersonId',
};

/** The error summary's lines: "<field label>: <message>" for a field, the message alone otherwise. */
export function errorTexts(v: View, errors: FieldErrors, params: Record<string, string | number> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => {
    const label = FIELD_LABELS[field];
    return [field, label ? `${v.t(label)}: ${v.t(key, params)}` : v.t(key, params)];
  }));
}

const stateTone = (s: string) => (s === 'closed' ? 'success' : s === 'dismissed' ? 'neutral' : s === 'completion_requested' ? 'warning' : 'info');
export function StateBadge({ v, state }: { v: View; state: string }) {
  return <Badge tone={stateTone(state)}>{v.t(`gratification.state.${state}`)}</Badge>;
}

export function TextArea({ v, name, label, errors, value, rows = 3, required = true, hint }: { v: View; name: string; label: string; errors: FieldErrors; value?: string | null; rows?: number; required?: boolean; hint?: string }) {
  return <TextAreaField v={v} name={name} label={label} hint={hint} errors={errors} value={value} rows={rows} maxlength={4000} required={required} />;
}

export function FileField({ v, errors, params, name = 'file', label }: { v: View; errors: FieldErrors; params?: Record<string, string | number>; name?: string; label: string }) {
  return <SharedFileField v={v} name={name} label={label} hint={v.t('gratification.field.file_hint', { types: ACCEPTED_EXTENSIONS })} errors={errors} errorParams={params} />;
}

export function Radios({ v, name, label, options, value, errors }: { v: View; name: string; label: string; options: { value: string; label: string }[]; value?: string; errors: FieldErrors }) {
  return <RadioGroup v={v} name={name} legend={label} required value={value} errors={errors} choices={options} />;
}

function limitText(v: View, c: RuleVersion['categories'][number]): string {
  const parts: string[] = [];
  if (c.perGiver !== undefined) parts.push(v.t('gratification.rules.per_giver', { v: rupiah(c.perGiver) }));
  if (c.perGift !== undefined) parts.push(v.t('gratification.rules.per_gift', { v: rupiah(c.perGift) }));
  if (c.perYearPerGiver !== undefined) parts.push(v.t('gratification.rules.per_year', { v: rupiah(c.perYearPerGiver) }));
  if (c.perYearPerGiverBelow !== undefined) parts.push(v.t('gratification.rules.per_year_below', { v: rupiah(c.perYearPerGiverBelow) }));
  return parts.join('; ');
}

/** The rules of a version: deadlines and what need not be reported, with limits. */
export function RulesBox({ v, version, open }: { v: View; version: RuleVersion; open?: boolean }) {
  const d = version.deadlines;
  return (
    <details class="card" open={open ? true : undefined} data-rules={version.id}>
      <summary><strong>{v.t('gratification.rules.title', { regulation: version.regulation })}</strong></summary>
      <p>{v.t('gratification.rules.deadlines', { upg: d.recipientToUpg.days, kpk: d.recipientToKpk.days })}</p>
      <p>{v.t(d.completion.from === 'receipt' ? 'gratification.rules.completion_receipt' : 'gratification.rules.completion_report', { days: d.completion.days })}</p>
      {version.lateMayBeState ? <p>{v.t('gratification.rules.late_state')}</p> : null}
      <p>{v.t('gratification.rules.exempt_intro')}</p>
      <ol class="plain-list" type="a">
        {version.categories.map((c) => (
          <li data-category={c.key}>
            <strong>{c.key}.</strong> {c.deleted ? <del>{v.locale === 'en' ? c.en : c.id}</del> : (v.locale === 'en' ? c.en : c.id)}
            {c.deleted ? <> <Badge tone="warning">{v.t('gratification.rules.deleted')}</Badge></> : null}
            {!c.deleted && limitText(v, c) ? <> <Badge tone="info">{limitText(v, c)}</Badge></> : null}
          </li>
        ))}
      </ol>
    </details>
  );
}

// notes the reporter sees on their timeline; the UPG's verification and analysis notes stay internal
const REPORTER_NOTES = new Set(['report', 'complete', 'request_completion', 'decide', 'follow_up', 'close', 'dismiss']);

export function Timeline({ v, events, internal = false }: { v: View; events: EventRow[]; internal?: boolean }) {
  return (
    <ol class="plain-list" data-timeline>
      {events.map((e) => (
        <li data-step={e.step}>
          <strong>{v.t(`gratification.step.${e.step}`)}</strong> <StateBadge v={v} state={e.toState} />
          <span class="muted"> · {v.date(e.on)}</span>
          {e.note && (internal || REPORTER_NOTES.has(e.step)) ? <p class="prewrap">{e.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}

export function LateAlert({ v, late }: { v: View; late: Lateness }) {
  if (!late.lateToUpg) return null;
  return (
    <div class="alert alert--warning" role="status" data-late={late.beyondStatutory ? 'beyond' : 'upg'}>
      <strong>{v.t(late.beyondStatutory ? (late.mayBeState ? 'gratification.late.beyond_state' : 'gratification.late.beyond') : 'gratification.late.upg_reported', { days: late.days })}</strong>
    </div>
  );
}

export function DecisionBox({ v, rep }: { v: View; rep: ReportRow }) {
  return (
    <section class="card" data-decision>
      <h2>{v.t('gratification.decision.title')}</h2>
      <SummaryList rows={[
        [v.t('gratification.field.decision'), <strong>{v.t(`gratification.decision.${rep.decision}`)}</strong>],
        [v.t('gratification.field.decisionOn'), rep.decisionOn ? v.date(rep.decisionOn) : '—'],
        [v.t('gratification.field.skNumber'), rep.skNumber ?? '—'],
        ...(rep.decisionNote ? [[v.t('gratification.field.decisionNote'), rep.decisionNote]] : []),
        ...(rep.followUpKind ? [[v.t('gratification.field.followUpKind'), `${v.t(`gratification.followup.${rep.followUpKind}`)} · ${rep.followUpOn ? v.date(rep.followUpOn) : ''}`]] : []),
      ] as [string, never][]} />
    </section>
  );
}

function analysisRows(v: View, rep: ReportRow): [string, string][] {
  const a = rep.analysis as Analysis | null;
  if (!a) return [];
  const yn = (b: boolean) => v.t(b ? 'gratification.yes' : 'gratification.no');
  return [
    [v.t('gratification.analysis.related'), yn(a.relatedToPosition)],
    [v.t('gratification.analysis.contrary'), yn(a.contraryToDuty)],
    [v.t('gratification.analysis.category'), a.category ?? '—'],
    [v.t('gratification.field.analysis_note'), a.note],
  ];
}

export function ReportSummary({ v, rep, fileHref, proofHref, internal = false }: { v: View; rep: ReportRow; fileHref: string | null; proofHref?: string | null; internal?: boolean }) {
  return (
    <section class="card" data-report>
      <h2>{v.t('gratification.detail.report')}</h2>
      <SummaryList rows={[
        [v.t('gratification.field.number'), rep.number],
        // the UPG's page shows the state in its own summary above, with the deadlines
        ...(internal ? [] : [[v.t('gratification.field.state'), <StateBadge v={v} state={rep.state} />]]),
        [v.t('gratification.field.kind'), v.t(`gratification.kind.${rep.kind}`)],
        [v.t('gratification.field.giverName'), `${rep.giverName}${rep.giverInstitution && rep.giverInstitution !== rep.giverName ? ` (${rep.giverInstitution})` : ''}`],
        [v.t('gratification.field.relationship'), v.t(`gratification.rel.${rep.relationship}`)],
        [v.t('gratification.field.occasion'), rep.occasion],
        [v.t('gratification.field.itemKind'), v.t(`gratification.item.${rep.itemKind}`)],
        [v.t('gratification.field.description'), rep.description],
        [v.t('gratification.field.valueRp'), rupiah(rep.valueRp)],
        [v.t('gratification.field.receivedOn'), v.date(rep.receivedOn)],
        [v.t('gratification.field.reportedOn'), v.date(rep.reportedOn)],
        [v.t('gratification.field.place'), rep.place],
        [v.t('gratification.field.chronology'), <span class="prewrap">{rep.chronology}</span>],
        [v.t('gratification.field.whereNow'), v.t(`gratification.where.${rep.whereNow}`)],
        ...(rep.claimedCategory ? [[v.t('gratification.field.claimedCategory'), rep.claimedCategory]] : []),
        ...(fileHref ? [[v.t('gratification.field.file'), <a href={fileHref}>{rep.fileName} ({formatFileSize(v, rep.fileSize ?? 0)})</a>]] : []),
        ...(internal ? analysisRows(v, rep) : []),
        ...(rep.golNumber ? [[v.t('gratification.field.golNumber'), `${rep.golNumber} · ${rep.forwardedOn ? v.date(rep.forwardedOn) : ''}`]] : []),
        ...(rep.completionNote ? [[v.t('gratification.field.completionNote'), <span class="prewrap">{rep.completionNote}</span>]] : []),
        ...(rep.dismissReason ? [[v.t('gratification.field.reason'), rep.dismissReason]] : []),
        ...(proofHref ? [[v.t('gratification.field.proof'), <a href={proofHref}>{rep.proofName}</a>]] : []),
      ] as [string, never][]} />
    </section>
  );
}

// ---- the staff pages: the unit and year they show ---------------------------------------------------

/** The unit (in the actor's scope) and year a staff page shows, the units to choose from, and today. */
export interface Where { unitId: string; unitName: string; year: number; units: { id: string; shortName: string }[]; today: string }
export const q = (w: Pick<Where, 'unitId' | 'year'>) => ({ unit: w.unitId, year: String(w.year) });

export function StaffTabs({ v, w, current }: { v: View; w: Where; current: string }) {
  const tabs: [string, string, string][] = [
    ['kelola', 'gratification.tab.reports', 'gratification.handle'], ['titipan', 'gratification.tab.custody', 'gratification.handle'],
    ['kampanye', 'gratification.tab.campaigns', 'gratification.campaign'], ['statistik', 'gratification.tab.stats', 'gratification.stats'],
    ['pengaturan', 'gratification.tab.settings', 'gratification.handle'],
  ];
  return (
    <nav class="tabs services-tabs" aria-label={v.t('gratification.tab.label')}>
      <ul>
        {tabs.filter(([, , a]) => v.can(a, w.unitId)).map(([p, k]) => <li><a href={withQuery(`${BASE}/${p}`, q(w))} aria-current={p === current ? 'page' : undefined}>{v.t(k)}</a></li>)}
        <li><a href={BASE}>{v.t('gratification.tab.mine')}</a></li>
      </ul>
    </nav>
  );
}

export function WhereForm({ v, w, path, extra }: { v: View; w: Where; path: string; extra?: JSX.Element | null }) {
  const years = [w.year + 1, w.year, w.year - 1, w.year - 2].filter((y) => y <= Number(w.today.slice(0, 4)));
  if (!years.includes(w.year)) years.unshift(w.year);
  return (
    <form method="get" action={path} class="form form--inline card" novalidate>
      <UnitPicker v={v} name="unit" label={v.t('gratification.field.unit')} required value={w.unitId} units={w.units} />
      <SelectField v={v} name="year" label={v.t('gratification.field.year')} required value={String(w.year)} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      {extra ?? null}
      <button class="button button--secondary" type="submit">{v.t('gratification.show')}</button>
    </form>
  );
}

export const crumbsFor = (v: View, label: string, mid?: Crumb): Crumb[] => [{ href: BASE, label: v.t('gratification.title') }, ...(mid ? [mid] : []), { label }];
