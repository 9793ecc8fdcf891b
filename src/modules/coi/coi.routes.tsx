// Pages of the conflict-of-interest module under /konflik-kepentingan. Every signed-in employee:
// their own declarations (periodic and ad hoc), the surat pernyataan PDF, and — when named as the
// superior or heading the unit — the review, mitigation and follow-up. Managers (coi.manage): the
// risk map, socialisation and evaluation records, the reminder list and the register (no conflict
// content). Stats roles: the summary of the five LKE steps and the year's report (counts only).
import { eq } from 'drizzle-orm';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { pdfResponse } from '../../kernel/documents.ts';
import type { Scope } from '../../kernel/access.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import { ACCEPTED_EXTENSIONS } from '../../kernel/files.ts';
import { currentUnitOf, flash, formOf, pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { Badge, CheckboxField, CheckboxGroup, Csrf, DataTable, ErrorSummary, FileField as SharedFileField, PageHeader, capValue, RadioGroup, SelectField, SummaryList, TextAreaField, TextField, withQuery, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout, type Crumb } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import type { T } from '../../kernel/i18n.ts';
import { regencyToday, currentYear, dayIn } from '../../kernel/workdays.ts';
import { formatFileSize, listUnitFiles, sanitizeFileName, type EvidenceLinkView } from '../evidence/index.ts';
import { accountsHoldingRole, findRegency, findUnit, listUnits, orgPeople } from '../org/index.ts';
import { declarationModel, renderCoiPdf } from './coi.pdf.ts';
import { yearReportPdf } from './coi.report.ts';
import {
  ASSESSMENTS, COI_RULES, DECISION_KINDS, LIMITS, MITIGATIONS, REC_STATUSES, SOCIALISATION_KINDS, SOURCES, currentVersion, parseYear, periodOf,
} from './coi.rules.ts';
import {
  canReview, declarationFor, declarationRegister, declarationsToReview, findRisk, functionsInForce, isUnitHead, lastReminder, listEvaluations, listSocialisations,
  ownDeclarations, personOfAccount, riskMap, stillToDeclareIn, summaryOf, superiorChoices,
} from './coi.queries.ts';
import {
  addEvaluation, addFunction, addRisk, addSocialisation, createDeclaration, functionsFromServices, recordFollowUp,
  recordPaperDeclaration, removeEvaluation, removeFunction, removeRisk, removeSocialisation, reviewDeclaration, sendReminders, updateRecommendation, updateRisk,
  type Ctx as SvcCtx, type EvidenceInput, type Upload,
} from './coi.service.ts';

const BASE = '/konflik-kepentingan';
const ID = ':id{[0-9a-f-]{36}}';

function svc(c: Ctx): SvcCtx {
  const a = c.var.actor!;
  return { db: c.var.deps.db, actor: { accountId: a.accountId, label: a.username }, emailEnabled: c.var.deps.emailEnabled };
}

function errorsOf(err: unknown): { errors: FieldErrors; params: Record<string, string | number>; status: 400 | 409 } {
  if (err instanceof DomainError && (err.kind === 'validation' || err.kind === 'conflict')) {
    return { errors: Object.keys(err.fieldErrors).length ? err.fieldErrors : { _: err.code }, params: err.params, status: err.kind === 'validation' ? 400 : 409 };
  }
  throw err;
}

async function uploadOf(c: Ctx, name = 'file'): Promise<Upload | null> {
  const body = await c.req.parseBody();
  const f = body[name];
  if (!f || typeof f === 'string') return null;
  const file = f as File;
  if (file.size === 0 && !file.name) return null;
  return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
}

async function evidenceOf(c: Ctx, form: Record<string, string>): Promise<EvidenceInput | null> {
  const up = await uploadOf(c);
  if (up) return { kind: 'file', bytes: up.bytes, name: up.name, title: form.evidenceTitle };
  if (form.libraryFileId) return { kind: 'library', fileId: form.libraryFileId };
  if ((form.url ?? '').trim()) return { kind: 'url', url: form.url!, title: form.evidenceTitle || form.url! };
  return null;
}

const stateTone = (s: string) => (s === 'closed' || s === 'acknowledged' ? 'success' : s === 'submitted' ? 'warning' : 'info');
const levelTone = (l: string) => (l === 'very_high' ? 'danger' : l === 'high' ? 'warning' : l === 'medium' ? 'info' : 'neutral');
const answerTone = (a: string | null) => (a === 'a' ? 'success' : a === 'b' ? 'info' : a === 'c' ? 'warning' : a === 'd' ? 'danger' : 'neutral');

function StateBadge({ v, state, dueOn }: { v: View; state: string; dueOn?: string | null }) {
  const overdue = state === 'mitigating' && !!dueOn && dueOn < regencyToday();
  return <>{<Badge tone={stateTone(state)}>{v.t(`coi.state.${state}`)}</Badge>}{overdue ? <> <Badge tone="danger">{v.t('coi.state.overdue')}</Badge></> : null}</>;
}

function TextArea({ v, name, label, errors, value, rows = 3, required = true, hint, max = 2000 }: { v: View; name: string; label: string; errors: FieldErrors; value?: string | null; rows?: number; required?: boolean; hint?: string; max?: number }) {
  return <TextAreaField v={v} name={name} label={label} hint={hint} errors={errors} value={value} rows={rows} maxlength={max} required={required} />;
}

function FileField({ v, errors, params, name = 'file', label, required = false }: { v: View; errors: FieldErrors; params?: Record<string, string | number>; name?: string; label: string; required?: boolean }) {
  return <SharedFileField v={v} name={name} label={label} hint={v.t('coi.field.file_hint', { types: ACCEPTED_EXTENSIONS })} errors={errors} errorParams={params} required={required} />;
}

function EvidenceFields({ v, errors, params, library }: { v: View; errors: FieldErrors; params?: Record<string, string | number>; library: { id: string; title: string }[] }) {
  return (
    <fieldset class="card">
      <legend>{v.t('coi.evidence.legend')}</legend>
      <p class="muted">{v.t('coi.evidence.hint')}</p>
      <FileField v={v} errors={errors} params={params} label={v.t('coi.evidence.file')} />
      {library.length ? <SelectField v={v} name="libraryFileId" label={v.t('coi.evidence.library')} errors={errors} placeholder={v.t('coi.choose')} options={library.map((f) => ({ value: f.id, label: f.title }))} /> : null}
      <TextField v={v} name="url" type="url" label={v.t('coi.evidence.url')} errors={errors} maxlength={2000} />
      <TextField v={v} name="evidenceTitle" label={v.t('coi.evidence.title')} errors={errors} maxlength={200} />
    </fieldset>
  );
}

function EvidenceList({ v, items }: { v: View; items: EvidenceLinkView[] }) {
  if (!items.length) return <span class="muted">{v.t('coi.evidence.none')}</span>;
  return (
    <ul class="evidence-list">
      {items.map((e) => <li>{e.kind === 'file' ? <a href={`/evidence/files/${e.fileId}`}>{e.title}</a> : <a href={e.url ?? '#'} rel="noopener noreferrer">{e.title}</a>}
        {e.kind === 'file' ? <span class="muted"> · {formatFileSize(v, e.size ?? 0)}</span> : null}</li>)}
    </ul>
  );
}

// ---- unit and year of the manager pages ---------------------------------------------------------------

interface Where { unitId: string; unitName: string; year: number; units: { id: string; name: string }[]; today: string }

async function whereOf(c: Ctx, scope: Scope): Promise<Where> {
  const db = c.var.deps.db;
  const all = (await listUnits(db, scope)).filter((u) => u.isActive);
  const today = regencyToday();
  const q = c.req.query('unit');
  let unit = q ? all.find((u) => u.id === q) : undefined;
  if (q && !unit) throw notFound();
  if (!unit) {
    const cur = currentUnitOf(c);
    unit = all.find((u) => u.id === cur) ?? all[0];
  }
  if (!unit) throw notFound();
  const rawYear = c.req.query('year');
  const year = rawYear ? parseYear(rawYear, today) : Number(today.slice(0, 4));
  if (!year) throw notFound();
  return { unitId: unit.id, unitName: unit.name, year, units: all.map((u) => ({ id: u.id, name: u.shortName ?? u.name })), today };
}

const q = (w: Pick<Where, 'unitId' | 'year'>) => ({ unit: w.unitId, year: String(w.year) });

function ManagerTabs({ v, w, current }: { v: View; w: Where; current: string }) {
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

function WhereForm({ v, w, path }: { v: View; w: Where; path: string }) {
  const years = [w.year + 1, w.year, w.year - 1, w.year - 2].filter((y) => y <= Number(w.today.slice(0, 4)) + 1);
  return (
    <form method="get" action={path} class="form form--inline card" novalidate>
      {w.units.length > 1
        ? <SelectField v={v} name="unit" label={v.t('coi.field.unit')} required value={w.unitId} options={w.units.map((u) => ({ value: u.id, label: u.name }))} />
        : <input type="hidden" name="unit" value={w.unitId} />}
      <SelectField v={v} name="year" label={v.t('coi.field.year')} required value={String(w.year)} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      <button class="button button--secondary" type="submit">{v.t('coi.show')}</button>
    </form>
  );
}

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

function errorTexts(v: View, errors: FieldErrors, params: Record<string, string | number> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => {
    const m = /^c(\d)(source|description|relatedParty)$/.exec(field);
    const labelKey = m ? { source: 'coi.field.source', description: 'coi.field.description', relatedParty: 'coi.field.related_party' }[m[2] as 'source'] : FIELD_LABELS[field];
    const label = labelKey ? (m ? `${v.t('coi.form.conflict_n', { n: Number(m[1]) + 1 })} · ${v.t(labelKey)}` : v.t(labelKey)) : null;
    return [field, label ? `${label}: ${v.t(key, params)}` : v.t(key, params)];
  }));
}

/** The fields of a risk of the map, for adding one and for editing it. */
function RiskFields({ v, errors, form }: { v: View; errors: FieldErrors; form: Record<string, string | null | undefined> }) {
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

const crumbsFor = (v: View, label: string): Crumb[] => [{ href: BASE, label: v.t('coi.title') }, { label }];

export function registerCoiRoutes(r: Router): void {
  // ---- the employee's page ---------------------------------------------------------------------------
  r.get(BASE, 'coi.declare', async (c) => {
    const v = await pageView(c);
    const actor = c.var.actor!;
    const db = c.var.deps.db;
    const person = await personOfAccount(db, actor.accountId);
    const mine = person ? await ownDeclarations(db, person.id) : [];
    const toReview = await declarationsToReview(db, actor);
    const period = periodOf(regencyToday());
    const periodicDone = mine.find((d) => d.kind === 'periodic' && d.period === period);
    const managerLink = v.can('coi.stats') ? <a class="button button--secondary" href={`${BASE}/ringkasan`}>{v.t('coi.home.manage')}</a> : null;
    return c.html(
      <Layout v={v} title={v.t('coi.title')}>
        <PageHeader title={v.t('coi.title')} lead={v.t('coi.home.lead')} actions={managerLink} />
        {!person ? <section class="card"><p>{v.t('coi.home.no_person')}</p></section> : (<>
          <section class="card" data-periodic>
            <h2>{v.t('coi.home.periodic', { period })}</h2>
            {periodicDone
              ? <p>{v.t('coi.home.periodic_done', { date: v.date(periodicDone.declaredOn) })} <a href={`${BASE}/deklarasi/${periodicDone.id}`}>{v.t('coi.home.view')}</a></p>
              : <p>{v.t('coi.home.periodic_todo')}</p>}
            <div class="button-row">
              {periodicDone ? null : <a class="button button--primary" href={`${BASE}/deklarasi/baru?jenis=berkala`}>{v.t('coi.home.new_periodic')}</a>}
              <a class={periodicDone ? 'button button--primary' : 'button button--secondary'} href={`${BASE}/deklarasi/baru?jenis=adhoc`}>{v.t('coi.home.new_adhoc')}</a>
            </div>
          </section>
          <section class="card">
            <h2>{v.t('coi.home.mine')}</h2>
            <DataTable v={v} caption={v.t('coi.home.mine')} empty={v.t('coi.home.mine_empty')} rows={mine} columns={[
              { key: 'date', label: v.t('coi.field.declared_on'), render: (d) => <a href={`${BASE}/deklarasi/${d.id}`}>{v.date(d.declaredOn)}</a> },
              { key: 'kind', label: v.t('coi.field.kind'), render: (d) => d.kind === 'periodic' ? v.t('coi.kind.periodic_of', { period: d.period ?? '' }) : `${v.t(`coi.decision.${d.decisionKind}`)} · ${d.reference}` },
              { key: 'conflict', label: v.t('coi.field.has_conflict'), render: (d) => d.hasConflict ? v.t('coi.yes') : v.t('coi.no') },
              { key: 'state', label: v.t('coi.field.state'), render: (d) => <StateBadge v={v} state={d.state} dueOn={d.dueOn} /> },
            ]} />
          </section>
        </>)}
        {toReview.length ? (
          <section class="card" data-to-review>
            <h2>{v.t('coi.home.to_review')}</h2>
            <DataTable v={v} caption={v.t('coi.home.to_review')} empty="" rows={toReview} columns={[
              { key: 'who', label: v.t('coi.field.declarant'), render: (d) => <a href={`${BASE}/deklarasi/${d.id}`}>{d.personName}</a> },
              { key: 'date', label: v.t('coi.field.declared_on'), render: (d) => v.date(d.declaredOn) },
              { key: 'kind', label: v.t('coi.field.kind'), render: (d) => d.kind === 'periodic' ? v.t('coi.kind.periodic_of', { period: d.period ?? '' }) : v.t(`coi.decision.${d.decisionKind}`) },
              { key: 'state', label: v.t('coi.field.state'), render: (d) => <StateBadge v={v} state={d.state} dueOn={d.dueOn} /> },
            ]} />
          </section>
        ) : null}
      </Layout>);
  });

  // ---- the declaration form --------------------------------------------------------------------------
  async function formPage(c: Ctx, form: Record<string, string>, errors: FieldErrors = {}, status: 200 | 400 | 409 = 200) {
    const v = await pageView(c);
    const db = c.var.deps.db;
    const person = await personOfAccount(db, c.var.actor!.accountId);
    if (!person) throw new DomainError('forbidden', 'coi.home.no_person');
    const kind = form.kind === 'periodic' ? 'periodic' : 'adhoc';
    const today = regencyToday();
    const { people, defaultId } = await superiorChoices(db, person.unitId, person.id);
    const fns = await functionsInForce(db, person.unitId, Number((form.declaredOn || today).slice(0, 4)) || Number(today.slice(0, 4)));
    const version = currentVersion();
    const title = kind === 'periodic' ? v.t('coi.form.title_periodic', { period: periodOf(today) }) : v.t('coi.form.title_adhoc');
    const sourceOptions = SOURCES.map((s) => ({ value: s, label: v.t(`coi.source.${s}`) }));
    return c.html(
      <Layout v={v} title={title} narrow crumbs={crumbsFor(v, title)}>
        <PageHeader title={title} lead={v.t(kind === 'periodic' ? 'coi.form.lead_periodic' : 'coi.form.lead_adhoc')} />
        <ErrorSummary v={v} texts={errorTexts(v, errors)} />
        <form method="post" action={`${BASE}/deklarasi`} class="form" novalidate>
          <Csrf v={v} />
          <input type="hidden" name="kind" value={kind} />
          <p><strong>{v.t('coi.field.declarant')}:</strong> {person.name} · {person.position}</p>
          <TextField v={v} name="declaredOn" type="date" label={v.t('coi.field.declared_on')} required value={form.declaredOn || today} errors={errors} width="short" />
          {kind === 'adhoc' ? (<>
            <SelectField v={v} name="decisionKind" label={v.t('coi.field.decision_kind')} required value={form.decisionKind} errors={errors} placeholder={v.t('coi.choose')} options={DECISION_KINDS.map((k) => ({ value: k, label: v.t(`coi.decision.${k}`) }))} />
            <TextField v={v} name="reference" label={v.t('coi.field.reference')} hint={v.t('coi.field.reference_hint')} required value={form.reference} errors={errors} maxlength={200} />
            <TextField v={v} name="roleInDecision" label={v.t('coi.field.role_in_decision')} hint={v.t('coi.field.role_hint')} required value={form.roleInDecision} errors={errors} maxlength={200} />
          </>) : null}
          {fns.length ? <SelectField v={v} name="functionId" label={v.t('coi.field.function')} hint={v.t('coi.field.function_hint')} value={form.functionId} errors={errors} placeholder={v.t('coi.none_selected')} options={fns.map((f) => ({ value: f.id, label: f.name }))} /> : null}
          <RadioGroup v={v} name="hasConflict" legend={v.t('coi.field.has_conflict_q')} required value={form.hasConflict} errors={errors}
            choices={[{ value: 'no', label: v.t('coi.form.no_conflict') }, { value: 'yes', label: v.t('coi.form.has_conflict') }]} />
          <fieldset class="card">
            <legend><h2 class="legend-heading">{v.t('coi.form.conflicts')}</h2></legend>
            <p class="muted">{v.t('coi.form.conflicts_hint')}</p>
            {[0, 1, 2].map((i) => {
              const box = (
                <div class="card" data-conflict={i}>
                  <h3>{v.t('coi.form.conflict_n', { n: i + 1 })}</h3>
                  <SelectField v={v} name={`c${i}source`} label={v.t('coi.field.source')} value={form[`c${i}source`]} errors={errors} placeholder={v.t('coi.choose')} options={sourceOptions} />
                  <TextArea v={v} name={`c${i}description`} label={v.t('coi.field.description')} hint={i === 0 ? v.t('coi.field.description_hint') : undefined} errors={errors} value={form[`c${i}description`]} required={false} />
                  <TextField v={v} name={`c${i}relatedParty`} label={v.t('coi.field.related_party')} value={form[`c${i}relatedParty`]} errors={errors} maxlength={200} />
                </div>
              );
              if (i === 0) return box;
              const used = !!(form[`c${i}source`] || form[`c${i}description`] || form[`c${i}relatedParty`] || Object.keys(errors).some((k) => k.startsWith(`c${i}`)));
              return <details open={used ? true : undefined}><summary>{v.t('coi.form.add_conflict', { n: i + 1 })}</summary>{box}</details>;
            })}
          </fieldset>
          <SelectField v={v} name="superiorPersonId" label={v.t('coi.field.superior')} hint={v.t('coi.field.superior_hint')} value={form.superiorPersonId || defaultId} errors={errors} placeholder={v.t('coi.choose')} options={people.map((p) => ({ value: p.id, label: `${p.name} — ${p.position}` }))} />
          <section class="card">
            <h2>{v.t('coi.form.statement')}</h2>
            <p data-statement>{v.locale === 'en' ? version.statement.textEn : version.statement.text}</p>
            <CheckboxField v={v} name="agree" label={v.t('coi.form.agree')} checked={form.agree === '1'} errors={errors} />
          </section>
          <div class="form__actions"><button class="button button--primary" type="submit">{v.t('coi.form.submit')}</button></div>
        </form>
      </Layout>, status);
  }

  r.get(`${BASE}/deklarasi/baru`, 'coi.declare', (c) => formPage(c, { kind: c.req.query('jenis') === 'berkala' ? 'periodic' : 'adhoc' }));

  r.post(`${BASE}/deklarasi`, 'coi.declare', async (c) => {
    const form = await formOf(c);
    const s = svc(c);
    const person = await personOfAccount(s.db, c.var.actor!.accountId);
    if (!person) throw new DomainError('forbidden', 'coi.home.no_person');
    try {
      const conflicts = [0, 1, 2, 3, 4].map((i) => ({ source: form[`c${i}source`], description: form[`c${i}description`], relatedParty: form[`c${i}relatedParty`] }));
      const id = await createDeclaration({ ...s, person }, { ...form, conflicts });
      flash(c, 'success', 'coi.flash.declared');
      return c.redirect(`${BASE}/deklarasi/${id}`, 303);
    } catch (err) {
      const e = errorsOf(err);
      return formPage(c, form, e.errors, e.status);
    }
  });

  // ---- one declaration -------------------------------------------------------------------------------
  async function detailPage(c: Ctx, errors: FieldErrors = {}, status: 200 | 400 | 409 = 200, form: Record<string, string> = {}, params: Record<string, string | number> = {}) {
    const v = await pageView(c);
    const actor = c.var.actor!;
    const found = await declarationFor(c.var.deps.db, actor, c.req.param('id') ?? '');
    if (!found) throw notFound();
    const { d } = found;
    const reviewer = canReview(actor, d);
    const conflicts = (d.conflicts as { source: string; description: string; relatedParty: string }[]) ?? [];
    const act = `${BASE}/deklarasi/${d.id}`;
    const title = d.kind === 'periodic' ? v.t('coi.kind.periodic_of', { period: d.period ?? '' }) : `${v.t(`coi.decision.${d.decisionKind}`)} · ${d.reference}`;
    const today = regencyToday();
    return c.html(
      <Layout v={v} title={title} crumbs={crumbsFor(v, title)}>
        <PageHeader title={title} lead={v.t('coi.detail.lead')} actions={<a class="button button--secondary" href={`${act}/surat.pdf`}>{v.t('coi.detail.pdf')}</a>} />
        <ErrorSummary v={v} texts={errorTexts(v, errors, params)} />
        <section class="card" data-declaration>
          <SummaryList rows={[
            [v.t('coi.field.state'), <StateBadge v={v} state={d.state} dueOn={d.dueOn} />],
            [v.t('coi.field.declarant'), `${d.personName} · ${d.personPosition}`],
            [v.t('coi.field.declared_on'), v.date(d.declaredOn)],
            ...(d.kind === 'adhoc' ? [
              [v.t('coi.field.decision_kind'), v.t(`coi.decision.${d.decisionKind}`)] as [string, string],
              [v.t('coi.field.reference'), d.reference ?? ''] as [string, string],
              [v.t('coi.field.role_in_decision'), d.roleInDecision ?? ''] as [string, string],
            ] : []),
            ...(d.functionName ? [[v.t('coi.field.function'), d.functionName] as [string, string]] : []),
            [v.t('coi.field.superior'), d.superiorName ?? '—'],
            ...(d.channel === 'paper' ? [[v.t('coi.paper.channel'), d.scanSha ? <a href={`${act}/pindaian`}>{d.scanName}</a> : v.t('coi.paper.channel_value')] as [string, JSX.Element | string]] : []),
            [v.t('coi.field.has_conflict'), d.hasConflict ? v.t('coi.yes') : v.t('coi.form.no_conflict')],
          ]} />
        </section>
        {d.hasConflict ? (
          <section class="card">
            <h2>{v.t('coi.form.conflicts')}</h2>
            <ol>{conflicts.map((x) => <li><strong>{v.t(`coi.source.${x.source}`)}</strong>: <span class="prewrap">{x.description}</span>{x.relatedParty ? <> <span class="muted">({v.t('coi.field.related_party')}: {x.relatedParty})</span></> : null}</li>)}</ol>
          </section>
        ) : null}
        {d.reviewedAt ? (
          <section class="card" data-review>
            <h2>{v.t('coi.detail.review')}</h2>
            <SummaryList rows={[
              [v.t('coi.field.assessment'), v.t(`coi.assessment.${d.assessment}`)],
              [v.t('coi.field.mitigation'), d.mitigation ? v.t(`coi.mitigation.${d.mitigation}`) : v.t('coi.review.no_action')],
              ...(d.dueOn ? [[v.t('coi.field.due_on'), v.date(d.dueOn)] as [string, string]] : []),
              ...(d.reviewNote ? [[v.t('coi.field.note'), d.reviewNote] as [string, string]] : []),
              [v.t('coi.field.reviewer'), `${d.reviewerName ?? '—'} · ${v.dateTime(d.reviewedAt)}`],
            ]} />
          </section>
        ) : d.hasConflict ? <p class="muted">{v.t('coi.detail.awaiting_review')}</p> : <p class="muted">{v.t('coi.detail.acknowledged')}</p>}
        {d.followUpOn ? (
          <section class="card" data-follow-up>
            <h2>{v.t('coi.detail.follow_up')}</h2>
            <SummaryList rows={[
              [v.t('coi.field.done_on'), v.date(d.followUpOn)],
              [v.t('coi.field.note'), d.followUpNote ?? ''],
              ...(d.followUpSha ? [[v.t('coi.evidence.file'), <a href={`${act}/bukti`}>{d.followUpName}</a>] as [string, JSX.Element]] : []),
            ]} />
          </section>
        ) : null}
        {reviewer && d.state === 'submitted' ? (
          <form method="post" action={`${act}/telaah`} class="form card" data-review-form novalidate>
            <Csrf v={v} />
            <h2>{v.t('coi.review.title')}</h2>
            <p class="muted">{v.t('coi.review.lead')}</p>
            <SelectField v={v} name="assessment" label={v.t('coi.field.assessment')} required value={form.assessment} errors={errors} placeholder={v.t('coi.choose')} options={ASSESSMENTS.map((k) => ({ value: k, label: v.t(`coi.assessment.${k}`) }))} />
            <SelectField v={v} name="mitigation" label={v.t('coi.field.mitigation')} hint={v.t('coi.review.mitigation_hint')} required value={form.mitigation} errors={errors} placeholder={v.t('coi.choose')} options={[...MITIGATIONS.map((k) => ({ value: k, label: v.t(`coi.mitigation.${k}`) })), { value: 'none', label: v.t('coi.review.no_action') }]} />
            <TextField v={v} name="dueOn" type="date" label={v.t('coi.field.due_on')} hint={v.t('coi.review.due_hint')} required value={form.dueOn} errors={errors} width="short" />
            <TextArea v={v} name="note" label={v.t('coi.field.note')} errors={errors} value={form.note} required={false} />
            <button class="button button--primary" type="submit">{v.t('coi.review.submit')}</button>
          </form>
        ) : null}
        {reviewer && d.state === 'mitigating' ? (
          <form method="post" action={`${act}/tindak-lanjut`} enctype="multipart/form-data" class="form card" data-follow-up-form novalidate>
            <Csrf v={v} />
            <h2>{v.t('coi.follow_up.title')}</h2>
            <TextArea v={v} name="note" label={v.t('coi.follow_up.note')} errors={errors} value={form.note} />
            <TextField v={v} name="doneOn" type="date" label={v.t('coi.field.done_on')} required value={form.doneOn || today} errors={errors} width="short" />
            <FileField v={v} errors={errors} params={params} label={v.t('coi.evidence.file')} />
            <button class="button button--primary" type="submit">{v.t('coi.follow_up.submit')}</button>
          </form>
        ) : null}
      </Layout>, status);
  }

  r.get(`${BASE}/deklarasi/${ID}`, 'coi.declare', (c) => detailPage(c));

  r.post(`${BASE}/deklarasi/${ID}/telaah`, 'coi.review', async (c) => {
    const form = await formOf(c);
    try {
      await reviewDeclaration(svc(c), c.var.actor!, c.req.param('id') ?? '', form);
      flash(c, 'success', 'coi.flash.reviewed');
      return c.redirect(`${BASE}/deklarasi/${c.req.param('id')}`, 303);
    } catch (err) {
      const e = errorsOf(err);
      return detailPage(c, e.errors, e.status, form, e.params);
    }
  });

  r.post(`${BASE}/deklarasi/${ID}/tindak-lanjut`, 'coi.review', { files: 1 }, async (c) => {
    const form = await formOf(c);
    try {
      await recordFollowUp(svc(c), c.var.deps.files, c.var.actor!, c.req.param('id') ?? '', form, await uploadOf(c));
      flash(c, 'success', 'coi.flash.followed_up');
      return c.redirect(`${BASE}/deklarasi/${c.req.param('id')}`, 303);
    } catch (err) {
      const e = errorsOf(err);
      return detailPage(c, e.errors, e.status, form, e.params);
    }
  });

  r.get(`${BASE}/deklarasi/${ID}/bukti`, 'coi.declare', async (c) => {
    const found = await declarationFor(c.var.deps.db, c.var.actor!, c.req.param('id') ?? '');
    if (!found || !found.d.followUpSha) throw notFound();
    let bytes: Uint8Array;
    try { bytes = await c.var.deps.files.read(found.d.followUpSha); } catch { throw notFound(); }
    const name = sanitizeFileName(found.d.followUpName ?? 'bukti', { ext: (found.d.followUpName ?? '').split('.').pop() ?? 'bin' });
    return new Response(new Uint8Array(bytes), { headers: {
      'Content-Type': found.d.followUpMime ?? 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"`,
      'Cache-Control': 'private, no-store',
    } });
  });

  r.get(`${BASE}/deklarasi/${ID}/pindaian`, 'coi.declare', async (c) => {
    const found = await declarationFor(c.var.deps.db, c.var.actor!, c.req.param('id') ?? '');
    if (!found || !found.d.scanSha) throw notFound();
    let bytes: Uint8Array;
    try { bytes = await c.var.deps.files.read(found.d.scanSha); } catch { throw notFound(); }
    const name = sanitizeFileName(found.d.scanName ?? 'pindaian', { ext: (found.d.scanName ?? '').split('.').pop() ?? 'bin' });
    return new Response(new Uint8Array(bytes), { headers: {
      'Content-Type': found.d.scanMime ?? 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"`,
      'Cache-Control': 'private, no-store',
    } });
  });

  r.get(`${BASE}/deklarasi/${ID}/surat.pdf`, 'coi.declare', async (c) => {
    const db = c.var.deps.db;
    const found = await declarationFor(db, c.var.actor!, c.req.param('id') ?? '');
    if (!found) throw notFound();
    const d = found.d;
    const unit = (await findUnit(db, { all: true }, d.unitId))!;
    const regency = await findRegency(db);
    const personRow = async (id: string | null) => {
      if (!id) return null;
      const [p] = await db.select({ name: orgPeople.name, nip: orgPeople.nip, position: orgPeople.position }).from(orgPeople).where(eq(orgPeople.id, id)).limit(1);
      return p ?? null;
    };
    const now = new Date();
    const pdf = renderCoiPdf(declarationModel({
      t: c.var.deps.i18n.translator('id'), regency: regency?.name ?? '', capital: regency?.capital ?? '', unit, today: dayIn(now), d,
      person: (await personRow(d.personId))!, superior: await personRow(d.superiorPersonId),
    }), now);
    return pdfResponse(pdf, `Surat-Pernyataan-Konflik-Kepentingan-${d.declaredOn}.pdf`);
  });

  // ---- summary (five LKE steps) -------------------------------------------------------------------------
  async function summaryPage(c: Ctx, errors: FieldErrors = {}, form: Record<string, string> = {}, params: Record<string, string | number> = {}, status: 200 | 400 | 409 = 200) {
    const w = await whereOf(c, c.var.scope!);
    const v = await pageView(c);
    const db = c.var.deps.db;
    const s = await summaryOf(db, w.unitId, w.year, w.today);
    const manager = v.can('coi.manage', w.unitId);
    const pending = manager ? await stillToDeclareIn(db, w.unitId, s.periodic.period) : null;
    const reminded = manager ? await lastReminder(db, w.unitId, s.periodic.period) : null;
    const register = manager ? await declarationRegister(db, w.unitId, w.year) : [];
    const steps: [string, string, string | null, string, string][] = [
      ['map', 'a', s.answers.a, v.t('coi.summary.mapped', { n: v.num(s.mapped), total: v.num(s.functions) }), 'peta'],
      ['socialise', 'b', s.answers.b, v.t('coi.summary.socialised', { n: v.num(s.socialised), total: v.num(s.functions) }), 'sosialisasi'],
      ['implement', 'c', s.answers.c, v.t('coi.summary.implemented', { n: v.num(s.implemented), total: v.num(s.functions) }), 'ringkasan'],
      ['evaluate', 'd', s.answers.d, v.t('coi.summary.evaluations', { n: v.num(s.evaluations) }), 'evaluasi'],
      ['follow_up', 'e', s.answers.e, v.t('coi.summary.recommendations', { done: v.num(s.recommendationsDone), total: v.num(s.recommendations) }), 'evaluasi'],
    ];
    return c.html(
      <Layout v={v} title={v.t('coi.summary.title')} crumbs={crumbsFor(v, v.t('coi.summary.title'))}>
        <PageHeader title={v.t('coi.summary.title')} lead={v.t('coi.summary.lead', { unit: w.unitName, year: w.year })}
          actions={<a class="button button--secondary" href={withQuery(`${BASE}/ringkasan/laporan.pdf`, q(w))}>{v.t('coi.summary.pdf')}</a>} />
        <ManagerTabs v={v} w={w} current="ringkasan" />
        <WhereForm v={v} w={w} path={`${BASE}/ringkasan`} />
        <ErrorSummary v={v} texts={errorTexts(v, errors, params)} />
        <section class="card" data-steps>
          <h2>{v.t('coi.summary.steps')}</h2>
          <p class="muted">{v.t('coi.summary.steps_lead')}</p>
          <DataTable v={v} caption={v.t('coi.summary.steps')} empty="" rows={steps} columns={[
            { key: 'item', label: v.t('coi.summary.item'), render: ([k, letter]) => <>A.I.5.v.{letter} · {v.t(`coi.step.${k}`)}</> },
            { key: 'fact', label: v.t('coi.summary.fact'), render: ([, , , fact]) => fact },
            { key: 'answer', label: v.t('coi.summary.answer'), render: ([, letter, a]) => <span data-answer={letter}><Badge tone={answerTone(a)}>{a ? `${a.toUpperCase()} · ${v.t(`coi.lke.${letter}.${a}`)}` : v.t('coi.lke.no_verdict')}</Badge></span> },
          ]} />
        </section>
        <div class="stats">
          {([
            ['functions', v.num(s.functions)], ['risks', v.num(s.risks)], ['high', v.num(s.highRisks)], ['socialisations', v.num(s.socialisations)],
            ['periodic', `${v.num(s.periodic.declared)} / ${v.num(s.periodic.active)}`], ['adhoc', v.num(s.declarations.adhoc)],
            ['with_conflict', v.num(s.declarations.withConflict)], ['pending', v.num(s.declarations.pendingReview)],
          ] as [string, string][]).map(([k, val]) => <div class="stat" data-stat={k}><span class="stat__value">{val}</span><span class="stat__label">{v.t(`coi.stat.${k}`)}</span></div>)}
        </div>
        {pending ? (
          <section class="card" data-pending>
            <h2>{v.t('coi.summary.pending', { period: s.periodic.period, n: v.num(pending.pending.length) })}</h2>
            <p class="muted">{v.t('coi.summary.pending_lead')}</p>
            {pending.pending.some((p) => p.accountId) ? (
              <form method="post" action={withQuery(`${BASE}/ringkasan/pengingat`, q(w))} class="form" novalidate>
                <Csrf v={v} /><button class="button button--secondary" type="submit">{v.t('coi.summary.remind')}</button>
                {reminded ? <p class="muted" data-last-reminder>{v.t('coi.summary.last_reminder', { date: v.dateTime(reminded) })}</p> : null}
              </form>
            ) : null}
            {pending.pending.length ? <ul class="plain-list">{pending.pending.map((p) => <li>{p.name} <span class="muted">· {p.position}{p.accountId ? '' : ` · ${v.t('coi.summary.no_account')}`}</span></li>)}</ul> : <p>{v.t('coi.summary.all_declared')}</p>}
            {pending.pending.length ? (
              <details open={Object.keys(errors).some((k) => k !== '_') ? true : undefined}>
                <summary>{v.t('coi.paper.title')}</summary>
                <form method="post" action={withQuery(`${BASE}/ringkasan/kertas`, q(w))} enctype="multipart/form-data" class="form" novalidate>
                  <Csrf v={v} />
                  <p class="muted">{v.t('coi.paper.lead')}</p>
                  <SelectField v={v} name="personId" label={v.t('coi.field.declarant')} required value={form.personId} errors={errors} placeholder={v.t('coi.choose')} options={pending.pending.map((p) => ({ value: p.id, label: `${p.name} — ${p.position}` }))} />
                  <TextField v={v} name="declaredOn" type="date" label={v.t('coi.field.declared_on')} required value={form.declaredOn} errors={errors} width="short" />
                  <RadioGroup v={v} name="hasConflict" legend={v.t('coi.field.has_conflict_q')} required value={form.hasConflict} errors={errors}
                    choices={[{ value: 'no', label: v.t('coi.form.no_conflict') }, { value: 'yes', label: v.t('coi.form.has_conflict') }]} />
                  <SelectField v={v} name="c0source" label={v.t('coi.field.source')} value={form.c0source} errors={errors} placeholder={v.t('coi.choose')} options={SOURCES.map((k) => ({ value: k, label: v.t(`coi.source.${k}`) }))} />
                  <TextArea v={v} name="c0description" label={v.t('coi.field.description')} errors={errors} value={form.c0description} required={false} />
                  <TextField v={v} name="c0relatedParty" label={v.t('coi.field.related_party')} value={form.c0relatedParty} errors={errors} maxlength={200} />
                  <FileField v={v} errors={errors} params={params} label={v.t('coi.paper.scan')} required />
                  <button class="button button--primary" type="submit">{v.t('coi.paper.submit')}</button>
                </form>
              </details>
            ) : null}
          </section>
        ) : null}
        {manager ? (
          <section class="card" data-register>
            <h2>{v.t('coi.summary.register')}</h2>
            <p class="muted">{v.t('coi.summary.register_lead')}</p>
            <details>
            <summary>{v.t('coi.summary.register_show', { n: v.num(register.length) })}</summary>
            <DataTable v={v} caption={v.t('coi.summary.register')} empty={v.t('coi.summary.register_empty')} rows={register} columns={[
              { key: 'date', label: v.t('coi.field.declared_on'), render: (d) => v.date(d.declaredOn) },
              { key: 'who', label: v.t('coi.field.declarant'), render: (d) => d.personName },
              { key: 'kind', label: v.t('coi.field.kind'), render: (d) => <>{d.kind === 'periodic' ? v.t('coi.kind.periodic_of', { period: d.period ?? '' }) : v.t(`coi.decision.${d.decisionKind}`)}{d.channel === 'paper' ? <span class="muted"> · {v.t('coi.paper.short')}</span> : null}</> },
              { key: 'fn', label: v.t('coi.field.function'), render: (d) => d.functionName ?? '—' },
              { key: 'conflict', label: v.t('coi.field.has_conflict'), render: (d) => d.hasConflict ? v.t('coi.yes') : v.t('coi.no') },
              { key: 'state', label: v.t('coi.field.state'), render: (d) => <StateBadge v={v} state={d.state} dueOn={d.dueOn} /> },
            ]} />
            </details>
          </section>
        ) : <p class="muted">{v.t('coi.summary.counts_only')}</p>}
      </Layout>, status);
  }

  r.get(`${BASE}/ringkasan`, 'coi.stats', (c) => summaryPage(c));
  r.post(`${BASE}/ringkasan/kertas`, 'coi.manage', { files: 1 }, async (c) => {
    const form = await formOf(c);
    try {
      await recordPaperDeclaration(svc(c), c.var.deps.files, c.var.scope!, c.req.query('unit') ?? '', form, await uploadOf(c));
      flash(c, 'success', 'coi.flash.declared');
      return c.redirect(back(c, 'ringkasan'), 303);
    } catch (err) { const e = errorsOf(err); return summaryPage(c, e.errors, form, e.params, e.status); }
  });

  r.post(`${BASE}/ringkasan/pengingat`, 'coi.manage', async (c) => {
    await formOf(c);
    const w = await whereOf(c, c.var.scope!);
    const s = await summaryOf(c.var.deps.db, w.unitId, w.year, w.today);
    try {
      await sendReminders(svc(c), c.var.scope!, w.unitId, s.periodic.period);
    } catch (err) { const e = errorsOf(err); return summaryPage(c, e.errors, {}, e.params, e.status); }
    flash(c, 'success', 'coi.flash.reminded');
    return c.redirect(withQuery(`${BASE}/ringkasan`, q(w)), 303);
  });

  r.get(`${BASE}/ringkasan/laporan.pdf`, 'coi.stats', async (c) => {
    const w = await whereOf(c, c.var.scope!);
    const db = c.var.deps.db;
    const pdf = await yearReportPdf(db, w.unitId, w.year, c.var.deps.i18n.translator('id'), new Date());
    return pdfResponse(pdf.bytes, `Laporan-Konflik-Kepentingan-${pdf.code}-${w.year}.pdf`);
  });

  // ---- risk map --------------------------------------------------------------------------------------------
  async function mapPage(c: Ctx, errors: FieldErrors = {}, form: Record<string, string> = {}, status: 200 | 400 | 409 = 200) {
    const scope = c.var.deps.access.scopeOf(c.var.actor, 'coi.records')!;
    const w = await whereOf(c, scope);
    const v = await pageView(c);
    const map = await riskMap(c.var.deps.db, w.unitId, w.year);
    const manage = v.can('coi.manage', w.unitId);
    const failedFn = form.functionId ?? '';
    return c.html(
      <Layout v={v} title={v.t('coi.map.title')} crumbs={crumbsFor(v, v.t('coi.map.title'))}>
        <PageHeader title={v.t('coi.map.title')} lead={v.t('coi.map.lead', { unit: w.unitName, year: w.year })} />
        <ManagerTabs v={v} w={w} current="peta" />
        <WhereForm v={v} w={w} path={`${BASE}/peta`} />
        <ErrorSummary v={v} texts={errorTexts(v, errors)} />
        {map.length === 0 ? <p class="muted">{v.t('coi.map.empty')}</p> : null}
        {map.map((f) => (
          <section class="card" data-function={f.id}>
            <h2>{f.name} {f.risks.length ? <Badge tone="success">{v.t('coi.map.risks_n', { n: v.num(f.risks.length) })}</Badge> : <Badge tone="warning">{v.t('coi.map.no_risks')}</Badge>}</h2>
            {f.risks.length ? (
              <DataTable v={v} caption={v.t('coi.map.risks_of', { name: f.name })} empty="" rows={f.risks} columns={[
                { key: 'source', label: v.t('coi.field.source'), render: (r) => v.t(`coi.source.${r.source}`) },
                { key: 'form', label: v.t('coi.field.form'), render: (r) => r.form },
                { key: 'positions', label: v.t('coi.field.positions'), render: (r) => r.positions },
                { key: 'level', label: v.t('coi.field.level'), render: (r) => <Badge tone={levelTone(r.level)}>{v.t(`coi.level.${r.level}`)} ({r.likelihood}×{r.impact})</Badge> },
                { key: 'controls', label: v.t('coi.field.controls'), render: (r) => r.controls ?? '—' },
                { key: 'mitigation', label: v.t('coi.field.mitigation_plan'), render: (r) => r.mitigation ?? '—' },
                ...(manage ? [{ key: 'x', label: v.t('coi.actions'), render: (r: { id: string }) => (<>
                  <a href={withQuery(`${BASE}/peta/risiko/${r.id}`, q(w))}>{v.t('coi.map.edit_risk')}</a>
                  <form method="post" action={withQuery(`${BASE}/peta/risiko/${r.id}/hapus`, q(w))} novalidate><Csrf v={v} /><button class="linkbutton" type="submit">{v.t('coi.remove')}</button></form>
                </>) }] : []),
              ]} />
            ) : null}
            {manage ? (
              <details open={failedFn === f.id ? true : undefined}>
                <summary>{v.t('coi.map.add_risk')}</summary>
                <form method="post" action={withQuery(`${BASE}/peta/fungsi/${f.id}/risiko`, q(w))} class="form" novalidate>
                  <Csrf v={v} />
                  <RiskFields v={v} errors={failedFn === f.id ? errors : {}} form={failedFn === f.id ? form : {}} />
                  <button class="button button--primary" type="submit">{v.t('coi.map.save_risk')}</button>
                </form>
                {f.risks.length === 0 ? (
                  <form method="post" action={withQuery(`${BASE}/peta/fungsi/${f.id}/hapus`, q(w))} class="form" novalidate><Csrf v={v} /><button class="linkbutton" type="submit">{v.t('coi.map.remove_function')}</button></form>
                ) : null}
              </details>
            ) : null}
          </section>
        ))}
        {manage ? (
          <section class="card">
            <h2>{v.t('coi.map.add_function')}</h2>
            <form method="post" action={withQuery(`${BASE}/peta/fungsi`, q(w))} class="form" novalidate>
              <Csrf v={v} />
              <TextField v={v} name="name" label={v.t('coi.field.function')} hint={v.t('coi.map.function_hint')} required value={failedFn ? '' : form.name} errors={failedFn ? {} : errors} maxlength={200} />
              <button class="button button--primary" type="submit">{v.t('coi.map.add_function')}</button>
            </form>
            <form method="post" action={withQuery(`${BASE}/peta/layanan`, q(w))} class="form" novalidate>
              <Csrf v={v} />
              <p class="muted">{v.t('coi.map.from_services_hint')}</p>
              <button class="button button--secondary" type="submit">{v.t('coi.map.from_services')}</button>
            </form>
          </section>
        ) : null}
      </Layout>, status);
  }

  const manageScope = (c: Ctx) => c.var.scope!;
  const back = (c: Ctx, path: string) => withQuery(`${BASE}/${path}`, { unit: c.req.query('unit'), year: c.req.query('year') });
  const yearOf = (c: Ctx) => parseYear(c.req.query('year'), regencyToday()) ?? currentYear();

  r.get(`${BASE}/peta`, 'coi.records', (c) => mapPage(c));
  r.post(`${BASE}/peta/fungsi`, 'coi.manage', async (c) => {
    const form = await formOf(c);
    try {
      await addFunction(svc(c), manageScope(c), c.req.query('unit') ?? '', yearOf(c), form);
      flash(c, 'success', 'coi.flash.saved');
      return c.redirect(back(c, 'peta'), 303);
    } catch (err) { const e = errorsOf(err); return mapPage(c, e.errors, form, e.status); }
  });
  r.post(`${BASE}/peta/layanan`, 'coi.manage', async (c) => {
    await formOf(c);
    await functionsFromServices(svc(c), manageScope(c), c.req.query('unit') ?? '', yearOf(c));
    flash(c, 'success', 'coi.flash.saved');
    return c.redirect(back(c, 'peta'), 303);
  });
  r.post(`${BASE}/peta/fungsi/${ID}/hapus`, 'coi.manage', async (c) => {
    await formOf(c);
    await removeFunction(svc(c), manageScope(c), c.req.param('id') ?? '');
    flash(c, 'success', 'coi.flash.removed');
    return c.redirect(back(c, 'peta'), 303);
  });
  r.post(`${BASE}/peta/fungsi/${ID}/risiko`, 'coi.manage', async (c) => {
    const form = await formOf(c);
    try {
      await addRisk(svc(c), manageScope(c), c.req.param('id') ?? '', form);
      flash(c, 'success', 'coi.flash.saved');
      return c.redirect(back(c, 'peta'), 303);
    } catch (err) { const e = errorsOf(err); return mapPage(c, e.errors, { ...form, functionId: c.req.param('id') ?? '' }, e.status); }
  });
  async function riskPage(c: Ctx, errors: FieldErrors = {}, form: Record<string, string> | null = null, status: 200 | 400 | 409 = 200) {
    const risk = await findRisk(c.var.deps.db, manageScope(c), c.req.param('id') ?? '');
    const v = await pageView(c);
    const w = { unitId: risk.unitId, year: risk.year };
    const title = v.t('coi.map.edit_title');
    const values: Record<string, string | null> = form ?? {
      source: risk.source, form: risk.form, positions: risk.positions, likelihood: String(risk.likelihood), impact: String(risk.impact),
      controls: risk.controls, mitigation: risk.mitigation, revision: risk.revision,
    };
    return c.html(
      <Layout v={v} title={title} crumbs={[{ href: BASE, label: v.t('coi.title') }, { href: withQuery(`${BASE}/peta`, q(w)), label: v.t('coi.map.title') }, { label: title }]}>
        <PageHeader title={title} lead={risk.functionName} />
        <ErrorSummary v={v} texts={errorTexts(v, errors)} />
        <form method="post" action={withQuery(`${BASE}/peta/risiko/${risk.id}`, q(w))} class="form card" novalidate>
          <Csrf v={v} />
          <input type="hidden" name="revision" value={capValue(values.revision, 40)} />
          <RiskFields v={v} errors={errors} form={values} />
          <div class="form__actions button-row">
            <button class="button button--primary" type="submit">{v.t('coi.map.save_risk')}</button>
            <a class="button button--secondary" href={withQuery(`${BASE}/peta`, q(w))}>{v.t('ui.cancel')}</a>
          </div>
        </form>
      </Layout>, status);
  }
  r.get(`${BASE}/peta/risiko/${ID}`, 'coi.manage', (c) => riskPage(c));
  r.post(`${BASE}/peta/risiko/${ID}`, 'coi.manage', async (c) => {
    const form = await formOf(c);
    try {
      const risk = await updateRisk(svc(c), manageScope(c), c.req.param('id') ?? '', form);
      flash(c, 'success', 'coi.flash.saved');
      return c.redirect(withQuery(`${BASE}/peta`, { unit: risk.unitId, year: c.req.query('year') }), 303);
    } catch (err) {
      const e = errorsOf(err);
      // a risk changed meanwhile: show the current content to edit again
      return riskPage(c, e.errors, e.status === 409 ? null : form, e.status);
    }
  });
  r.post(`${BASE}/peta/risiko/${ID}/hapus`, 'coi.manage', async (c) => {
    await formOf(c);
    await removeRisk(svc(c), manageScope(c), c.req.param('id') ?? '');
    flash(c, 'success', 'coi.flash.removed');
    return c.redirect(back(c, 'peta'), 303);
  });

  // ---- socialisation -----------------------------------------------------------------------------------
  async function socPage(c: Ctx, errors: FieldErrors = {}, form: Record<string, string> = {}, checked: string[] = [], params: Record<string, string | number> = {}, status: 200 | 400 = 200) {
    const scope = c.var.deps.access.scopeOf(c.var.actor, 'coi.records')!;
    const w = await whereOf(c, scope);
    const v = await pageView(c);
    const db = c.var.deps.db;
    const [list, fns] = await Promise.all([listSocialisations(db, w.unitId, w.year), functionsInForce(db, w.unitId, w.year)]);
    const manage = v.can('coi.manage', w.unitId);
    const library = manage ? (await listUnitFiles(db, w.unitId, { pageSize: 200 })).rows.map((f) => ({ id: f.id, title: f.title })) : [];
    const fnName = new Map(fns.map((f) => [f.id, f.name]));
    return c.html(
      <Layout v={v} title={v.t('coi.soc.title')} crumbs={crumbsFor(v, v.t('coi.soc.title'))}>
        <PageHeader title={v.t('coi.soc.title')} lead={v.t('coi.soc.lead', { unit: w.unitName, year: w.year })} />
        <ManagerTabs v={v} w={w} current="sosialisasi" />
        <WhereForm v={v} w={w} path={`${BASE}/sosialisasi`} />
        <ErrorSummary v={v} texts={errorTexts(v, errors, params)} />
        <section class="card">
          <h2>{v.t('coi.soc.list')}</h2>
          <DataTable v={v} caption={v.t('coi.soc.list')} empty={v.t('coi.soc.empty')} rows={list} columns={[
            { key: 'date', label: v.t('coi.field.held_on'), render: (s) => v.date(s.heldOn) },
            { key: 'title', label: v.t('coi.field.title'), render: (s) => <>{s.title}{s.note ? <div class="muted">{s.note}</div> : null}</> },
            { key: 'kind', label: v.t('coi.field.kind'), render: (s) => v.t(`coi.soc_kind.${s.kind}`) },
            { key: 'n', label: v.t('coi.field.participants'), numeric: true, render: (s) => v.num(s.participants) },
            { key: 'fns', label: v.t('coi.field.functions'), render: (s) => s.functionIds.map((id) => fnName.get(id)).filter(Boolean).join('; ') },
            { key: 'ev', label: v.t('coi.evidence.legend'), render: (s) => <EvidenceList v={v} items={s.evidence} /> },
            ...(manage ? [{ key: 'x', label: v.t('coi.actions'), render: (s: { id: string }) => (
              <form method="post" action={withQuery(`${BASE}/sosialisasi/${s.id}/hapus`, q(w))} novalidate><Csrf v={v} /><button class="linkbutton" type="submit">{v.t('coi.remove')}</button></form>) }] : []),
          ]} />
        </section>
        {manage ? (
          <section class="card">
            <h2>{v.t('coi.soc.add')}</h2>
            {fns.length === 0 ? <p class="muted">{v.t('coi.soc.no_functions')} <a href={withQuery(`${BASE}/peta`, q(w))}>{v.t('coi.tab.map')}</a></p> : (
              <form method="post" action={withQuery(`${BASE}/sosialisasi`, q(w))} enctype="multipart/form-data" class="form" novalidate>
                <Csrf v={v} />
                <TextField v={v} name="heldOn" type="date" label={v.t('coi.field.held_on')} required value={form.heldOn} errors={errors} width="short" />
                <TextField v={v} name="title" label={v.t('coi.field.title')} required value={form.title} errors={errors} maxlength={200} />
                <SelectField v={v} name="kind" label={v.t('coi.field.kind')} required value={form.kind} errors={errors} placeholder={v.t('coi.choose')} options={SOCIALISATION_KINDS.map((k) => ({ value: k, label: v.t(`coi.soc_kind.${k}`) }))} />
                <TextField v={v} name="participants" type="number" inputmode="numeric" label={v.t('coi.field.participants')} required value={form.participants} errors={errors} width="short" />
                <CheckboxGroup v={v} name="functionIds" legend={v.t('coi.field.functions_covered')} required value={checked} errors={errors}
                  choices={fns.map((f) => ({ value: f.id, label: f.name }))} />
                <TextArea v={v} name="note" label={v.t('coi.field.note')} errors={errors} value={form.note} required={false} />
                <EvidenceFields v={v} errors={errors} params={params} library={library} />
                <button class="button button--primary" type="submit">{v.t('coi.save')}</button>
              </form>
            )}
          </section>
        ) : null}
      </Layout>, status);
  }

  r.get(`${BASE}/sosialisasi`, 'coi.records', (c) => socPage(c));
  r.post(`${BASE}/sosialisasi`, 'coi.manage', { files: 1 }, async (c) => {
    const form = await formOf(c);
    const body = await c.req.parseBody({ all: true });
    const raw = body.functionIds;
    const functionIds = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((x): x is string => typeof x === 'string');
    try {
      await addSocialisation(svc(c), c.var.deps.files, manageScope(c), c.req.query('unit') ?? '', form, functionIds, await evidenceOf(c, form));
      flash(c, 'success', 'coi.flash.saved');
      return c.redirect(back(c, 'sosialisasi'), 303);
    } catch (err) { const e = errorsOf(err); return socPage(c, e.errors, form, functionIds, e.params, 400); }
  });

  // ---- evaluation --------------------------------------------------------------------------------------
  async function evalPage(c: Ctx, errors: FieldErrors = {}, form: Record<string, string> = {}, params: Record<string, string | number> = {}, failedRec = '', status: 200 | 400 = 200) {
    const scope = c.var.deps.access.scopeOf(c.var.actor, 'coi.records')!;
    const w = await whereOf(c, scope);
    const v = await pageView(c);
    const db = c.var.deps.db;
    const evs = await listEvaluations(db, w.unitId, w.year);
    const manage = v.can('coi.manage', w.unitId);
    const library = manage ? (await listUnitFiles(db, w.unitId, { pageSize: 200 })).rows.map((f) => ({ id: f.id, title: f.title })) : [];
    const recTone = (s: string) => (s === 'done' ? 'success' : s === 'in_progress' ? 'info' : 'warning');
    return c.html(
      <Layout v={v} title={v.t('coi.eval.title')} crumbs={crumbsFor(v, v.t('coi.eval.title'))}>
        <PageHeader title={v.t('coi.eval.title')} lead={v.t('coi.eval.lead', { unit: w.unitName, year: w.year, n: COI_RULES.evaluation.periodicAtLeastPerYear })} />
        <ManagerTabs v={v} w={w} current="evaluasi" />
        <WhereForm v={v} w={w} path={`${BASE}/evaluasi`} />
        <ErrorSummary v={v} texts={errorTexts(v, errors, params)} />
        {evs.length === 0 ? <p class="muted">{v.t('coi.eval.empty')}</p> : null}
        {evs.map((e) => (
          <section class="card" data-evaluation={e.id}>
            <h2>{v.t('coi.eval.of', { date: v.date(e.heldOn) })}</h2>
            {manage ? <form method="post" action={withQuery(`${BASE}/evaluasi/${e.id}/hapus`, q(w))} novalidate><Csrf v={v} /><button class="linkbutton" type="submit">{v.t('coi.eval.remove')}</button></form> : null}
            <SummaryList rows={[[v.t('coi.field.period'), `${v.date(e.periodFrom)} – ${v.date(e.periodTo)}`], [v.t('coi.field.findings'), <span class="prewrap">{e.findings}</span>]]} />
            <h3>{v.t('coi.field.recommendations')}</h3>
            {e.recommendations.length === 0 ? <p class="muted">{v.t('coi.eval.no_recs')}</p> : (
              <ol>
                {e.recommendations.map((rec) => (
                  <li data-recommendation={rec.id}>
                    <p>{rec.text} <Badge tone={recTone(rec.status)}>{v.t(`coi.rec_status.${rec.status}`)}</Badge>{rec.doneOn ? <span class="muted"> · {v.date(rec.doneOn)}</span> : null}</p>
                    {rec.note ? <p class="muted">{rec.note}</p> : null}
                    <EvidenceList v={v} items={rec.evidence} />
                    {manage ? (
                      <details open={failedRec === rec.id ? true : undefined}>
                        <summary>{v.t('coi.eval.update')}</summary>
                        <form method="post" action={withQuery(`${BASE}/rekomendasi/${rec.id}`, q(w))} enctype="multipart/form-data" class="form" novalidate>
                          <Csrf v={v} />
                          {(() => { const er = failedRec === rec.id ? errors : {}; const fv = failedRec === rec.id ? form : { status: rec.status, doneOn: rec.doneOn ?? '', note: rec.note ?? '' }; return (<>
                            <SelectField v={v} name="status" label={v.t('coi.field.status')} required value={fv.status} errors={er} options={REC_STATUSES.map((s) => ({ value: s, label: v.t(`coi.rec_status.${s}`) }))} />
                            <TextField v={v} name="doneOn" type="date" label={v.t('coi.field.done_on')} hint={v.t('coi.eval.done_hint')} value={fv.doneOn} errors={er} width="short" />
                            <TextArea v={v} name="note" label={v.t('coi.field.note')} errors={er} value={fv.note} required={false} />
                            <EvidenceFields v={v} errors={er} params={params} library={library} />
                          </>); })()}
                          <button class="button button--primary" type="submit">{v.t('coi.save')}</button>
                        </form>
                      </details>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </section>
        ))}
        {manage ? (
          <section class="card">
            <h2>{v.t('coi.eval.add')}</h2>
            <form method="post" action={withQuery(`${BASE}/evaluasi`, q(w))} class="form" novalidate>
              <Csrf v={v} />
              {(() => { const er = failedRec ? {} : errors; const fv = failedRec ? {} : form; return (<>
                <TextField v={v} name="heldOn" type="date" label={v.t('coi.field.held_on')} required value={fv.heldOn} errors={er} width="short" />
                <TextField v={v} name="periodFrom" type="date" label={v.t('coi.field.period_from')} required value={fv.periodFrom} errors={er} width="short" />
                <TextField v={v} name="periodTo" type="date" label={v.t('coi.field.period_to')} required value={fv.periodTo} errors={er} width="short" />
                <TextArea v={v} name="findings" label={v.t('coi.field.findings')} errors={er} value={fv.findings} rows={4} max={LIMITS.text} />
                <TextArea v={v} name="recommendations" label={v.t('coi.field.recommendations')} hint={v.t('coi.eval.recs_hint')} errors={er} value={fv.recommendations} rows={4} required={false} max={30000} />
              </>); })()}
              <button class="button button--primary" type="submit">{v.t('coi.save')}</button>
            </form>
          </section>
        ) : null}
      </Layout>, status);
  }

  r.post(`${BASE}/sosialisasi/${ID}/hapus`, 'coi.manage', async (c) => {
    await formOf(c);
    await removeSocialisation(svc(c), manageScope(c), c.req.param('id') ?? '');
    flash(c, 'success', 'coi.flash.removed');
    return c.redirect(back(c, 'sosialisasi'), 303);
  });

  r.get(`${BASE}/evaluasi`, 'coi.records', (c) => evalPage(c));
  r.post(`${BASE}/evaluasi/${ID}/hapus`, 'coi.manage', async (c) => {
    await formOf(c);
    await removeEvaluation(svc(c), manageScope(c), c.req.param('id') ?? '');
    flash(c, 'success', 'coi.flash.removed');
    return c.redirect(back(c, 'evaluasi'), 303);
  });
  r.post(`${BASE}/evaluasi`, 'coi.manage', async (c) => {
    const form = await formOf(c);
    try {
      await addEvaluation(svc(c), manageScope(c), c.req.query('unit') ?? '', form);
      flash(c, 'success', 'coi.flash.saved');
      return c.redirect(back(c, 'evaluasi'), 303);
    } catch (err) { const e = errorsOf(err); return evalPage(c, e.errors, form, e.params, '', 400); }
  });
  r.post(`${BASE}/rekomendasi/${ID}`, 'coi.manage', { files: 1 }, async (c) => {
    const form = await formOf(c);
    try {
      await updateRecommendation(svc(c), c.var.deps.files, manageScope(c), c.req.param('id') ?? '', form, await evidenceOf(c, form));
      flash(c, 'success', 'coi.flash.saved');
      return c.redirect(back(c, 'evaluasi'), 303);
    } catch (err) { const e = errorsOf(err); return evalPage(c, e.errors, form, e.params, c.req.param('id') ?? '', 400); }
  });

  void isUnitHead;
}
