// Pages of the gratification-control module under /gratifikasi. Every signed-in employee: report a
// gift received or refused (the form explains the rules of the version applying to the date of
// receipt), their own reports with the timeline, completion when asked, the KPK decision. The UPG of a
// unit (gratification.handle): the reports of the unit with deadlines and late flags, the workflow
// steps, the KPK export, the custody register with receipts, the UPG settings. Campaign register
// (gratification.campaign); statistics and the periodic UPG report, counts only (gratification.stats).
import ExcelJS from 'exceljs';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { pdfResponse } from '../../kernel/documents.ts';
import type { Scope } from '../../kernel/access.ts';
import { offDays } from '../../kernel/calendar.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import { ACCEPTED_EXTENSIONS } from '../../kernel/files.ts';
import { currentUnitOf, flash, formOf, pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { Badge, Csrf, DataTable, ErrorSummary, FileField as SharedFileField, PageHeader, RadioGroup, SelectField, SummaryList, TextAreaField, TextField, withQuery, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout, type Crumb } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { regencyToday, dayIn } from '../../kernel/workdays.ts';
import { formatFileSize, sanitizeFileName } from '../evidence/index.ts';
import { listUnits } from '../org/index.ts';
import { kpkFields, kpkSheetPdf, periodicReportPdf, receiptPdf, rupiah } from './gratification.pdf.ts';
import {
  CAMPAIGN_KINDS, DECISIONS, FOLLOW_UPS, ITEM_KINDS, KINDS, RELATIONSHIPS, WHERE_NOW, deadlinesOf, latenessOf, periodRange, stepDeadline,
  stepsFrom, versionById, versionFor, isOverdue, type RuleVersion, type Step,
} from './gratification.rules.ts';
import { addCampaign, addCustody, completeReport, createReport, releaseCustody, saveSettings, takeStep, type Ctx as SvcCtx, type Upload } from './gratification.service.ts';
import {
  custodyInScope, exemptionFor, listCampaigns, listCustody, listForUpg, ownReport, ownReports, personOfAccount, reportInScope, reporterOf, settingsOf, statsOf,
  timeline, unitName, unitPeople, type ReportRow,
} from './gratification.queries.ts';

const BASE = '/gratifikasi';
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

function errorTexts(v: View, errors: FieldErrors, params: Record<string, string | number> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => {
    const label = FIELD_LABELS[field];
    return [field, label ? `${v.t(label)}: ${v.t(key, params)}` : v.t(key, params)];
  }));
}

const stateTone = (s: string) => (s === 'closed' ? 'success' : s === 'dismissed' ? 'neutral' : s === 'completion_requested' ? 'warning' : 'info');
function StateBadge({ v, state }: { v: View; state: string }) {
  return <Badge tone={stateTone(state)}>{v.t(`gratification.state.${state}`)}</Badge>;
}

function TextArea({ v, name, label, errors, value, rows = 3, required = true, hint }: { v: View; name: string; label: string; errors: FieldErrors; value?: string | null; rows?: number; required?: boolean; hint?: string }) {
  return <TextAreaField v={v} name={name} label={label} hint={hint} errors={errors} value={value} rows={rows} maxlength={4000} required={required} />;
}

function FileField({ v, errors, params, name = 'file', label }: { v: View; errors: FieldErrors; params?: Record<string, string | number>; name?: string; label: string }) {
  return <SharedFileField v={v} name={name} label={label} hint={v.t('gratification.field.file_hint', { types: ACCEPTED_EXTENSIONS })} errors={errors} errorParams={params} />;
}

function Radios({ v, name, label, options, value, errors }: { v: View; name: string; label: string; options: { value: string; label: string }[]; value?: string; errors: FieldErrors }) {
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
function RulesBox({ v, version, open }: { v: View; version: RuleVersion; open?: boolean }) {
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

function Timeline({ v, events, internal = false }: { v: View; events: Awaited<ReturnType<typeof timeline>>; internal?: boolean }) {
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

function download(bytes: Uint8Array, mime: string, name: string, inline = false): Response {
  return new Response(new Uint8Array(bytes), { headers: {
    'Content-Type': mime,
    'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"`,
    'Cache-Control': 'private, no-store',
  } });
}

async function fileResponse(c: Ctx, sha: string | null, name: string | null, mime: string | null): Promise<Response> {
  if (!sha) throw notFound();
  let bytes: Uint8Array;
  try { bytes = await c.var.deps.files.read(sha); } catch { throw notFound(); }
  const safe = sanitizeFileName(name ?? 'lampiran', { ext: (name ?? '').split('.').pop() ?? 'bin' });
  return download(bytes, mime ?? 'application/octet-stream', safe);
}

// ---- the unit of the staff pages --------------------------------------------------------------------

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
  const year = rawYear && /^\d{4}$/.test(rawYear) && Number(rawYear) >= 2000 && Number(rawYear) <= Number(today.slice(0, 4)) + 1 ? Number(rawYear) : rawYear ? 0 : Number(today.slice(0, 4));
  if (!year) throw notFound();
  return { unitId: unit.id, unitName: unit.name, year, units: all.map((u) => ({ id: u.id, name: u.shortName ?? u.name })), today };
}
const q = (w: Pick<Where, 'unitId' | 'year'>) => ({ unit: w.unitId, year: String(w.year) });

function StaffTabs({ v, w, current }: { v: View; w: Where; current: string }) {
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

function WhereForm({ v, w, path, extra }: { v: View; w: Where; path: string; extra?: JSX.Element | null }) {
  const years = [w.year + 1, w.year, w.year - 1, w.year - 2].filter((y) => y <= Number(w.today.slice(0, 4)));
  if (!years.includes(w.year)) years.unshift(w.year);
  return (
    <form method="get" action={path} class="form form--inline card" novalidate>
      {w.units.length > 1
        ? <SelectField v={v} name="unit" label={v.t('gratification.field.unit')} required value={w.unitId} options={w.units.map((u) => ({ value: u.id, label: u.name }))} />
        : <input type="hidden" name="unit" value={w.unitId} />}
      <SelectField v={v} name="year" label={v.t('gratification.field.year')} required value={String(w.year)} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      {extra ?? null}
      <button class="button button--secondary" type="submit">{v.t('gratification.show')}</button>
    </form>
  );
}

const crumbsFor = (v: View, label: string, mid?: Crumb): Crumb[] => [{ href: BASE, label: v.t('gratification.title') }, ...(mid ? [mid] : []), { label }];

const STEP_SLUGS: Record<Exclude<Step, 'complete'>, string> = {
  verify: 'verifikasi', request_completion: 'minta-lengkapi', analyse: 'analisis', forward: 'teruskan', decide: 'putusan', follow_up: 'tindak-lanjut', close: 'tutup', dismiss: 'bukan-gratifikasi',
};
const SLUG_STEPS = Object.fromEntries(Object.entries(STEP_SLUGS).map(([k, s]) => [s, k])) as Record<string, Exclude<Step, 'complete'>>;

export function registerGratificationRoutes(r: Router): void {
  // ---- the employee's page -----------------------------------------------------------------------------
  r.get(BASE, 'gratification.report', async (c) => {
    const v = await pageView(c);
    const db = c.var.deps.db;
    const person = await personOfAccount(db, c.var.actor!.accountId);
    const mine = person ? await ownReports(db, person.id) : [];
    const staff = v.can('gratification.handle') ? <a class="button button--secondary" href={`${BASE}/kelola`}>{v.t('gratification.home.manage')}</a>
      : v.can('gratification.stats') ? <a class="button button--secondary" href={`${BASE}/statistik`}>{v.t('gratification.home.stats')}</a> : null;
    return c.html(
      <Layout v={v} title={v.t('gratification.title')}>
        <PageHeader title={v.t('gratification.title')} lead={v.t('gratification.home.lead')} actions={staff} />
        {!person ? <section class="card"><p>{v.t('gratification.home.no_person')}</p></section> : (<>
          <section class="card">
            <p>{v.t('gratification.home.intro', { days: versionFor(regencyToday()).deadlines.recipientToUpg.days })}</p>
            <a class="button button--primary" href={`${BASE}/lapor`}>{v.t('gratification.home.new')}</a>
          </section>
          <section class="card">
            <h2>{v.t('gratification.home.mine')}</h2>
            <DataTable v={v} caption={v.t('gratification.home.mine')} empty={v.t('gratification.home.mine_empty')} rows={mine} columns={[
              { key: 'number', label: v.t('gratification.field.number'), render: (x) => <a href={`${BASE}/laporan/${x.id}`}>{x.number}</a> },
              { key: 'received', label: v.t('gratification.field.receivedOn'), render: (x) => v.date(x.receivedOn) },
              { key: 'giver', label: v.t('gratification.field.giverName'), render: (x) => x.giverName },
              { key: 'kind', label: v.t('gratification.field.kind'), render: (x) => v.t(`gratification.kind.${x.kind}`) },
              { key: 'value', label: v.t('gratification.field.valueRp'), numeric: true, render: (x) => rupiah(x.valueRp) },
              { key: 'state', label: v.t('gratification.field.state'), render: (x) => <StateBadge v={v} state={x.state} /> },
            ]} />
          </section>
        </>)}
      </Layout>);
  });

  // ---- the report form --------------------------------------------------------------------------------
  async function formPage(c: Ctx, form: Record<string, string>, errors: FieldErrors = {}, status: 200 | 400 | 403 = 200, params: Record<string, string | number> = {}) {
    const v = await pageView(c);
    const db = c.var.deps.db;
    const person = await personOfAccount(db, c.var.actor!.accountId);
    if (!person) throw new DomainError('forbidden', 'gratification.home.no_person');
    const today = regencyToday();
    const day = /^\d{4}-\d{2}-\d{2}$/.test(form.receivedOn ?? '') && form.receivedOn! <= today ? form.receivedOn! : today;
    const version = versionFor(day);
    const late = latenessOf(day, today, await offDays(db), version);
    const dl = deadlinesOf(day, today, await offDays(db), version);
    const title = v.t('gratification.form.title');
    const opts = (list: readonly string[], prefix: string) => list.map((k) => ({ value: k, label: v.t(`${prefix}.${k}`) }));
    return c.html(
      <Layout v={v} title={title} narrow crumbs={crumbsFor(v, title)}>
        <PageHeader title={title} lead={v.t('gratification.form.lead')} />
        <ErrorSummary v={v} texts={errorTexts(v, errors, params)} />
        <form method="post" action={`${BASE}/lapor`} class="form" enctype="multipart/form-data" novalidate>
          <Csrf v={v} />
          <p><strong>{v.t('gratification.field.reporter')}:</strong> {person.name} · {person.position}</p>
          <Radios v={v} name="kind" label={v.t('gratification.field.kind')} value={form.kind || 'received'} errors={errors} options={opts(KINDS, 'gratification.kind')} />
          <div class="field">
            <TextField v={v} name="receivedOn" type="date" label={v.t('gratification.field.receivedOn')} hint={v.t('gratification.field.receivedOn_hint')} required value={form.receivedOn || ''} errors={errors} width="short" />
            <button class="button button--secondary" type="submit" formmethod="get" formaction={`${BASE}/lapor`} formnovalidate>{v.t('gratification.form.check_date')}</button>
          </div>
          <div class="alert alert--warning" role="status" data-version={version.id}>
            <p>{v.t('gratification.form.version', { regulation: version.regulation, date: v.date(day) })}</p>
            <p>{v.t('gratification.form.deadline', { upg: v.date(dl.toUpg), kpk: v.date(dl.toKpk) })}</p>
            {late.beyondStatutory ? <p data-late="beyond"><strong>{v.t(late.mayBeState ? 'gratification.late.beyond_state' : 'gratification.late.beyond', { days: late.days })}</strong></p>
              : late.lateToUpg ? <p data-late="upg"><strong>{v.t('gratification.late.upg', { days: late.days })}</strong></p> : null}
          </div>
          <RulesBox v={v} version={version} />
          <TextField v={v} name="giverName" label={v.t('gratification.field.giverName')} required value={form.giverName} errors={errors} maxlength={200} />
          <TextField v={v} name="giverInstitution" label={v.t('gratification.field.giverInstitution')} value={form.giverInstitution} errors={errors} maxlength={200} />
          <SelectField v={v} name="relationship" label={v.t('gratification.field.relationship')} required value={form.relationship} errors={errors} placeholder={v.t('gratification.choose')} options={opts(RELATIONSHIPS, 'gratification.rel')} />
          <TextField v={v} name="occasion" label={v.t('gratification.field.occasion')} hint={v.t('gratification.field.occasion_hint')} required value={form.occasion} errors={errors} maxlength={200} />
          <SelectField v={v} name="itemKind" label={v.t('gratification.field.itemKind')} required value={form.itemKind} errors={errors} placeholder={v.t('gratification.choose')} options={opts(ITEM_KINDS, 'gratification.item')} />
          <TextArea v={v} name="description" label={v.t('gratification.field.description')} errors={errors} value={form.description} />
          <TextField v={v} name="valueRp" label={v.t('gratification.field.valueRp')} hint={v.t('gratification.field.valueRp_hint')} required value={form.valueRp} errors={errors} inputmode="numeric" maxlength={20} width="short" />
          <TextField v={v} name="place" label={v.t('gratification.field.place')} required value={form.place} errors={errors} maxlength={200} />
          <TextArea v={v} name="chronology" label={v.t('gratification.field.chronology')} hint={v.t('gratification.field.chronology_hint')} errors={errors} value={form.chronology} rows={4} />
          <SelectField v={v} name="whereNow" label={v.t('gratification.field.whereNow')} hint={v.t('gratification.field.whereNow_hint')} required value={form.whereNow} errors={errors} placeholder={v.t('gratification.choose')} options={opts(WHERE_NOW, 'gratification.where')} />
          <SelectField v={v} name="claimedCategory" label={v.t('gratification.field.claimedCategory')} hint={v.t('gratification.field.claimedCategory_hint')} value={form.claimedCategory} errors={errors} placeholder={v.t('gratification.none_selected')}
            options={version.categories.filter((x) => !x.deleted).map((x) => ({ value: x.key, label: `${x.key}. ${(v.locale === 'en' ? x.en : x.id).slice(0, 80)}` }))} />
          <FileField v={v} errors={errors} params={params} label={v.t('gratification.field.file')} />
          <div class="button-row">
            <button class="button button--primary" type="submit">{v.t('gratification.form.submit')}</button>
            <a class="button button--secondary" href={BASE}>{v.t('gratification.cancel')}</a>
          </div>
        </form>
      </Layout>, status);
  }

  r.get(`${BASE}/lapor`, 'gratification.report', async (c) => formPage(c, { receivedOn: c.req.query('receivedOn') ?? '', ...Object.fromEntries(Object.entries(c.req.query()).filter(([k]) => k !== '_csrf')) }));

  r.post(`${BASE}/lapor`, 'gratification.report', { files: 1 }, async (c) => {
    const form = await formOf(c);
    try {
      const row = await createReport(svc(c), c.var.deps.files, c.var.actor!, form, await uploadOf(c));
      flash(c, 'success', 'gratification.flash.reported');
      return c.redirect(`${BASE}/laporan/${row.id}`, 303);
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'forbidden') throw err;
      const e = errorsOf(err);
      return formPage(c, form, e.errors, 400, e.params);
    }
  });

  // ---- the employee's report -------------------------------------------------------------------------
  async function ownPage(c: Ctx, errors: FieldErrors = {}, status: 200 | 400 | 409 = 200, form: Record<string, string> = {}) {
    const v = await pageView(c);
    const db = c.var.deps.db;
    const rep = await ownReport(db, c.var.actor!, c.req.param('id') ?? '');
    if (!rep) throw notFound();
    const events = await timeline(db, rep.id);
    const off = await offDays(db);
    const late = latenessOf(rep.receivedOn, rep.reportedOn, off, versionById(rep.rulesVersion) ?? undefined);
    const title = v.t('gratification.detail.title', { number: rep.number });
    return c.html(
      <Layout v={v} title={title} crumbs={crumbsFor(v, rep.number)}>
        <PageHeader title={title} lead={v.t('gratification.detail.lead')} />
        <ErrorSummary v={v} texts={errorTexts(v, errors)} />
        <LateAlert v={v} late={late} />
        {rep.state === 'completion_requested' ? (
          <form method="post" action={`${BASE}/laporan/${rep.id}/lengkapi`} class="form card" data-completion novalidate>
            <Csrf v={v} />
            <h2>{v.t('gratification.complete.title')}</h2>
            <p>{v.t('gratification.complete.lead', { due: v.date(rep.completionDueOn ?? rep.reportedOn) })}</p>
            <p class="prewrap">{events.filter((e) => e.step === 'request_completion').pop()?.note}</p>
            <TextArea v={v} name="completionNote" label={v.t('gratification.field.completionNote')} errors={errors} value={form.completionNote} rows={4} />
            <button class="button button--primary" type="submit">{v.t('gratification.complete.submit')}</button>
          </form>
        ) : null}
        {rep.decision ? <DecisionBox v={v} rep={rep} /> : null}
        <ReportSummary v={v} rep={rep} fileHref={rep.fileSha ? `${BASE}/laporan/${rep.id}/lampiran` : null} />
        <section class="card"><h2>{v.t('gratification.detail.timeline')}</h2><Timeline v={v} events={events} /></section>
      </Layout>, status);
  }

  r.get(`${BASE}/laporan/${ID}`, 'gratification.report', (c) => ownPage(c));
  r.post(`${BASE}/laporan/${ID}/lengkapi`, 'gratification.report', async (c) => {
    const form = await formOf(c);
    try {
      await completeReport(svc(c), c.var.actor!, c.req.param('id') ?? '', form);
      flash(c, 'success', 'gratification.flash.completed');
      return c.redirect(`${BASE}/laporan/${c.req.param('id')}`, 303);
    } catch (err) {
      const e = errorsOf(err);
      return ownPage(c, e.errors, e.status, form);
    }
  });
  r.get(`${BASE}/laporan/${ID}/lampiran`, 'gratification.report', async (c) => {
    const rep = await ownReport(c.var.deps.db, c.var.actor!, c.req.param('id') ?? '');
    if (!rep) throw notFound();
    return fileResponse(c, rep.fileSha, rep.fileName, rep.fileMime);
  });

  // ---- the UPG's list -----------------------------------------------------------------------------------
  r.get(`${BASE}/kelola`, 'gratification.handle', async (c) => {
    const v = await pageView(c);
    const w = await whereOf(c, c.var.scope!);
    const stateQ = c.req.query('state') ?? 'open';
    const state = stateQ === 'all' ? undefined : stateQ;
    if (state && state !== 'open' && !(['received', 'completion_requested', 'verified', 'analysed', 'forwarded', 'decided', 'followed_up', 'closed', 'dismissed'] as string[]).includes(state)) throw notFound();
    const rows = await listForUpg(c.var.deps.db, c.var.scope!, w.unitId, { state, year: w.year, today: w.today });
    const title = v.t('gratification.upg.title');
    const stateOptions = ['open', 'all', 'received', 'completion_requested', 'verified', 'analysed', 'forwarded', 'decided', 'followed_up', 'closed', 'dismissed']
      .map((s) => ({ value: s, label: s === 'open' || s === 'all' ? v.t(`gratification.filter.${s}`) : v.t(`gratification.state.${s}`) }));
    return c.html(
      <Layout v={v} title={title} crumbs={crumbsFor(v, title)}>
        <PageHeader title={title} lead={v.t('gratification.upg.lead', { unit: w.unitName })} />
        <StaffTabs v={v} w={w} current="kelola" />
        <WhereForm v={v} w={w} path={`${BASE}/kelola`} extra={<SelectField v={v} name="state" label={v.t('gratification.field.state')} value={stateQ} options={stateOptions} />} />
        <DataTable v={v} caption={title} empty={v.t('gratification.upg.empty')} rows={rows} columns={[
          { key: 'number', label: v.t('gratification.field.number'), render: (x) => <a href={`${BASE}/kelola/${x.id}`}>{x.number}</a> },
          { key: 'reporter', label: v.t('gratification.field.reporter'), render: (x) => x.reporterName },
          { key: 'received', label: v.t('gratification.field.receivedOn'), render: (x) => <>{v.date(x.receivedOn)}{x.late.lateToUpg ? <> <Badge tone="danger">{v.t(x.late.beyondStatutory ? 'gratification.flag.beyond' : 'gratification.flag.late')}</Badge></> : null}</> },
          { key: 'kind', label: v.t('gratification.field.itemKind'), render: (x) => `${v.t(`gratification.kind.${x.kind}`)} · ${v.t(`gratification.item.${x.itemKind}`)}` },
          { key: 'value', label: v.t('gratification.field.valueRp'), numeric: true, render: (x) => rupiah(x.valueRp) },
          { key: 'state', label: v.t('gratification.field.state'), render: (x) => <StateBadge v={v} state={x.state} /> },
          { key: 'deadline', label: v.t('gratification.field.deadline'), render: (x) => x.deadline ? <>{v.date(x.deadline)}{x.overdue ? <> <Badge tone="danger">{v.t('gratification.flag.overdue')}</Badge></> : null}</> : '—' },
        ]} />
      </Layout>);
  });

  // ---- the UPG's report page ---------------------------------------------------------------------------
  async function upgPage(c: Ctx, errors: FieldErrors = {}, status: 200 | 400 | 409 = 200, form: Record<string, string> = {}, params: Record<string, string | number> = {}) {
    const v = await pageView(c);
    const db = c.var.deps.db;
    const rep = await reportInScope(db, c.var.scope!, c.req.param('id') ?? '');
    const reporter = (await reporterOf(db, rep.personId))!;
    const events = await timeline(db, rep.id);
    const off = await offDays(db);
    const today = regencyToday();
    const version = versionById(rep.rulesVersion) ?? versionFor(rep.receivedOn);
    const late = latenessOf(rep.receivedOn, rep.reportedOn, off, version);
    const dl = deadlinesOf(rep.receivedOn, rep.reportedOn, off, version);
    const stepDl = stepDeadline(rep, off);
    const analysis = rep.analysis as { relatedToPosition: boolean; contraryToDuty: boolean; category: string | null; note: string } | null;
    const ex = await exemptionFor(db, rep, form.category || analysis?.category || rep.claimedCategory);
    const steps = stepsFrom(rep.state);
    const act = `${BASE}/kelola/${rep.id}`;
    const held = (await listCustody(db, c.var.scope!, rep.unitId)).filter((i) => i.reportId === rep.id);
    const title = v.t('gratification.detail.title', { number: rep.number });
    const yn = [{ value: 'yes', label: v.t('gratification.yes') }, { value: 'no', label: v.t('gratification.no') }];
    const StepForm = ({ step, children, multipart }: { step: Exclude<Step, 'complete'>; children?: unknown; multipart?: boolean }) => (
      <form method="post" action={`${act}/${STEP_SLUGS[step]}`} class="form card" data-step={step} enctype={multipart ? 'multipart/form-data' : undefined} novalidate>
        <Csrf v={v} />
        <h2>{v.t(`gratification.action.${step}`)}</h2>
        {children as never}
        <button class={step === 'dismiss' ? 'button button--secondary' : 'button button--primary'} type="submit">{v.t(`gratification.action.${step}`)}</button>
      </form>
    );
    return c.html(
      <Layout v={v} title={title} crumbs={crumbsFor(v, rep.number, { href: `${BASE}/kelola?unit=${rep.unitId}`, label: v.t('gratification.upg.title') })}>
        <PageHeader title={title} lead={`${reporter.name} · ${await unitName(db, rep.unitId)}`} actions={<>
          <a class="button button--secondary" href={`${act}/kpk`}>{v.t('gratification.kpk.open')}</a>
        </>} />
        <ErrorSummary v={v} texts={errorTexts(v, errors, params)} />
        <LateAlert v={v} late={late} />
        <section class="card">
          <SummaryList rows={[
            [v.t('gratification.field.state'), <StateBadge v={v} state={rep.state} />],
            [v.t('gratification.field.rulesVersion'), version.regulation],
            [v.t('gratification.field.deadline_upg'), `${v.date(dl.toUpg)} (${v.t('gratification.detail.reported_after', { days: late.days })})`],
            [v.t('gratification.field.deadline_kpk'), v.date(dl.toKpk)],
            [v.t('gratification.field.deadline'), stepDl ? <>{v.date(stepDl)}{isOverdue(stepDl, today) ? <> <Badge tone="danger">{v.t('gratification.flag.overdue')}</Badge></> : null}</> : '—'],
            [v.t('gratification.field.reporter'), `${reporter.name} · NIP ${reporter.nip} · ${reporter.position}`],
          ] as [string, never][]} />
        </section>
        {rep.decision ? <DecisionBox v={v} rep={rep} /> : null}
        <ReportSummary v={v} rep={rep} fileHref={rep.fileSha ? `${act}/lampiran` : null} proofHref={rep.proofSha ? `${act}/bukti` : null} internal />
        <section class="card" data-custody>
          <h2>{v.t('gratification.custody.title')}</h2>
          {held.length ? <ul class="plain-list">{held.map((i) => <li><a href={`${BASE}/titipan/${i.id}/tanda-terima.pdf`}>{i.receiptNumber}</a> · {i.description} · {i.storageLocation} · {i.releasedOn
            ? v.t('gratification.custody.released', { date: v.date(i.releasedOn), to: i.releasedTo ?? '' }) : v.t('gratification.custody.held_short')}</li>)}</ul>
            : <p class="muted">{v.t(rep.whereNow === 'deposited' ? 'gratification.custody.none_yet' : 'gratification.custody.none')} <a href={withQuery(`${BASE}/titipan`, { unit: rep.unitId })}>{v.t('gratification.custody.open')}</a></p>}
        </section>
        <section class="card" data-exemption>
          <h2>{v.t('gratification.exempt.title')}</h2>
          <p>{ex.result.exempt ? v.t('gratification.exempt.yes', { category: form.category || analysis?.category || rep.claimedCategory || '' })
            : v.t(`gratification.exempt.${ex.result.reason}`, { category: form.category || analysis?.category || rep.claimedCategory || '' })}</p>
        </section>
        {steps.includes('verify') ? <StepForm step="verify"><p>{v.t('gratification.action.verify_hint')}</p><TextArea v={v} name="note" label={v.t('gratification.field.note')} errors={errors} value={form.note} required={false} /></StepForm> : null}
        {steps.includes('request_completion') ? <StepForm step="request_completion"><p>{v.t('gratification.action.request_hint', { due: v.date(dl.completion) })}</p><TextArea v={v} name="note" label={v.t('gratification.field.request_note')} errors={errors} value={form.note} /></StepForm> : null}
        {steps.includes('analyse') ? (
          <StepForm step="analyse">
            <Radios v={v} name="relatedToPosition" label={v.t('gratification.analysis.related')} options={yn} value={form.relatedToPosition} errors={errors} />
            <Radios v={v} name="contraryToDuty" label={v.t('gratification.analysis.contrary')} options={yn} value={form.contraryToDuty} errors={errors} />
            <SelectField v={v} name="category" label={v.t('gratification.analysis.category')} value={form.category ?? rep.claimedCategory} errors={errors} placeholder={v.t('gratification.none_selected')}
              options={version.categories.map((x) => ({ value: x.key, label: `${x.key}. ${x.id.slice(0, 70)}${x.deleted ? ` (${v.t('gratification.rules.deleted')})` : ''}` }))} />
            <TextArea v={v} name="note" label={v.t('gratification.field.analysis_note')} errors={errors} value={form.note} />
          </StepForm>) : null}
        {steps.includes('forward') ? (
          <StepForm step="forward">
            <p>{v.t('gratification.action.forward_hint', { due: v.date(dl.upgToKpk) })}</p>
            <TextField v={v} name="forwardedOn" type="date" label={v.t('gratification.field.forwardedOn')} required value={form.forwardedOn || today} errors={errors} width="short" />
            <TextField v={v} name="golNumber" label={v.t('gratification.field.golNumber')} hint={v.t('gratification.field.golNumber_hint')} required value={form.golNumber} errors={errors} maxlength={200} />
          </StepForm>) : null}
        {steps.includes('decide') ? (
          <StepForm step="decide">
            <Radios v={v} name="decision" label={v.t('gratification.field.decision')} options={DECISIONS.map((d) => ({ value: d, label: v.t(`gratification.decision.${d}`) }))} value={form.decision} errors={errors} />
            <TextField v={v} name="decisionOn" type="date" label={v.t('gratification.field.decisionOn')} required value={form.decisionOn || today} errors={errors} width="short" />
            <TextField v={v} name="skNumber" label={v.t('gratification.field.skNumber')} required value={form.skNumber} errors={errors} maxlength={200} />
            <TextArea v={v} name="decisionNote" label={v.t('gratification.field.decisionNote')} errors={errors} value={form.decisionNote} required={false} />
          </StepForm>) : null}
        {steps.includes('follow_up') ? (
          <StepForm step="follow_up" multipart>
            <SelectField v={v} name="followUpKind" label={v.t('gratification.field.followUpKind')} required value={form.followUpKind || (rep.decision === 'state' ? 'handed_to_state' : rep.decision === 'recipient' ? 'returned_to_recipient' : '')} errors={errors} placeholder={v.t('gratification.choose')}
              options={FOLLOW_UPS.map((k) => ({ value: k, label: v.t(`gratification.followup.${k}`) }))} />
            <TextField v={v} name="followUpOn" type="date" label={v.t('gratification.field.followUpOn')} required value={form.followUpOn || today} errors={errors} width="short" />
            <TextArea v={v} name="followUpNote" label={v.t('gratification.field.followUpNote')} hint={v.t('gratification.field.followUpNote_hint')} errors={errors} value={form.followUpNote} />
            <FileField v={v} errors={errors} params={params} name="proof" label={v.t('gratification.field.proof')} />
          </StepForm>) : null}
        {steps.includes('close') ? <StepForm step="close"><TextArea v={v} name="note" label={v.t('gratification.field.note')} errors={errors} value={form.note} required={false} /></StepForm> : null}
        {steps.includes('dismiss') ? (
          <details class="card"><summary>{v.t('gratification.action.dismiss')}</summary>
            <StepForm step="dismiss"><p>{v.t('gratification.action.dismiss_hint')}</p><TextArea v={v} name="reason" label={v.t('gratification.field.reason')} errors={errors} value={form.reason} /></StepForm>
          </details>) : null}
        <section class="card"><h2>{v.t('gratification.detail.timeline')}</h2><Timeline v={v} events={events} internal /></section>
      </Layout>, status);
  }

  r.get(`${BASE}/kelola/${ID}`, 'gratification.handle', (c) => upgPage(c));
  r.post(`${BASE}/kelola/${ID}/:step{[a-z-]+}`, 'gratification.handle', { files: 1 }, async (c) => {
    const step = SLUG_STEPS[c.req.param('step') ?? ''];
    if (!step) throw notFound();
    const form = await formOf(c);
    try {
      await takeStep(svc(c), c.var.deps.files, c.var.scope!, c.req.param('id') ?? '', step, { input: form, proof: step === 'follow_up' ? await uploadOf(c, 'proof') : null });
      flash(c, 'success', `gratification.flash.${step}`);
      return c.redirect(`${BASE}/kelola/${c.req.param('id')}`, 303);
    } catch (err) {
      const e = errorsOf(err);
      return upgPage(c, e.errors, e.status, form, e.params);
    }
  });
  r.get(`${BASE}/kelola/${ID}/lampiran`, 'gratification.handle', async (c) => {
    const rep = await reportInScope(c.var.deps.db, c.var.scope!, c.req.param('id') ?? '');
    return fileResponse(c, rep.fileSha, rep.fileName, rep.fileMime);
  });
  r.get(`${BASE}/kelola/${ID}/bukti`, 'gratification.handle', async (c) => {
    const rep = await reportInScope(c.var.deps.db, c.var.scope!, c.req.param('id') ?? '');
    return fileResponse(c, rep.proofSha, rep.proofName, rep.proofMime);
  });

  // ---- KPK export -----------------------------------------------------------------------------------
  async function kpkData(c: Ctx) {
    const db = c.var.deps.db;
    const rep = await reportInScope(db, c.var.scope!, c.req.param('id') ?? '');
    const reporter = (await reporterOf(db, rep.personId))!;
    return { rep, reporter, unit: await unitName(db, rep.unitId) };
  }
  r.get(`${BASE}/kelola/${ID}/kpk`, 'gratification.handle', async (c) => {
    const v = await pageView(c);
    const { rep, reporter, unit } = await kpkData(c);
    const fields = kpkFields(c.var.deps.i18n.translator('id'), rep, reporter, unit);
    const act = `${BASE}/kelola/${rep.id}`;
    const title = v.t('gratification.kpk.title');
    return c.html(
      <Layout v={v} title={title} crumbs={crumbsFor(v, title, { href: act, label: rep.number })}>
        <PageHeader title={title} lead={v.t('gratification.kpk.lead')} actions={<>
          <a class="button button--secondary" href={`${act}/kpk.csv`}>{v.t('gratification.kpk.csv')}</a>
          <a class="button button--secondary" href={`${act}/kpk.xlsx`}>{v.t('gratification.kpk.xlsx')}</a>
          <a class="button button--secondary" href={`${act}/kpk.pdf`}>{v.t('gratification.kpk.pdf')}</a>
        </>} />
        <section class="card" data-kpk>
          <SummaryList rows={fields.map(([, l, val]) => [l, <span class="prewrap">{val || '—'}</span>]) as [string, never][]} />
        </section>
      </Layout>);
  });
  r.get(`${BASE}/kelola/${ID}/kpk.csv`, 'gratification.handle', async (c) => {
    const { rep, reporter, unit } = await kpkData(c);
    const fields = kpkFields(c.var.deps.i18n.translator('id'), rep, reporter, unit);
    // one header row and one value row; formula-looking cells are prefixed so spreadsheets show them as text
    const cell = (s: string) => { const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s; return `"${safe.replace(/"/g, '""')}"`; };
    const csv = `\ufeff${fields.map(([, l]) => cell(l)).join(';')}\r\n${fields.map(([, , val]) => cell(val)).join(';')}\r\n`;
    return download(new TextEncoder().encode(csv), 'text/csv; charset=utf-8', `KPK-${rep.number}.csv`);
  });
  r.get(`${BASE}/kelola/${ID}/kpk.xlsx`, 'gratification.handle', async (c) => {
    const { rep, reporter, unit } = await kpkData(c);
    const fields = kpkFields(c.var.deps.i18n.translator('id'), rep, reporter, unit);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Integritas';
    const ws = wb.addWorksheet('Laporan KPK');
    ws.columns = [{ header: 'Isian', key: 'label', width: 34 }, { header: 'Nilai', key: 'value', width: 80 }];
    ws.getRow(1).font = { bold: true };
    // every value as text: no cell is read as a formula
    for (const [, label, value] of fields) ws.addRow({ label, value: { richText: [{ text: value }] } });
    ws.getColumn('value').alignment = { wrapText: true, vertical: 'top' };
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
    return download(bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `KPK-${rep.number}.xlsx`);
  });
  r.get(`${BASE}/kelola/${ID}/kpk.pdf`, 'gratification.handle', async (c) => {
    const { rep, reporter } = await kpkData(c);
    const bytes = await kpkSheetPdf(c.var.deps.db, rep, reporter, c.var.deps.i18n.translator('id'), new Date());
    return pdfResponse(bytes, `KPK-${rep.number}.pdf`, { inline: true });
  });

  // ---- custody ------------------------------------------------------------------------------------------
  async function custodyPage(c: Ctx, errors: FieldErrors = {}, status: 200 | 400 | 409 = 200, form: Record<string, string> = {}) {
    const v = await pageView(c);
    const db = c.var.deps.db;
    const w = await whereOf(c, c.var.scope!);
    const items = await listCustody(db, c.var.scope!, w.unitId);
    const reports = (await listForUpg(db, c.var.scope!, w.unitId, { state: 'open', today: w.today })).filter((x) => x.whereNow === 'deposited');
    const title = v.t('gratification.custody.title');
    const held = items.filter((i) => !i.releasedOn);
    return c.html(
      <Layout v={v} title={title} crumbs={crumbsFor(v, title)}>
        <PageHeader title={title} lead={v.t('gratification.custody.lead', { n: v.num(held.length) })} />
        <StaffTabs v={v} w={w} current="titipan" />
        <ErrorSummary v={v} texts={errorTexts(v, errors)} />
        <DataTable v={v} caption={title} empty={v.t('gratification.custody.empty')} rows={items} columns={[
          { key: 'receipt', label: v.t('gratification.field.receiptNumber'), render: (i) => <a href={`${BASE}/titipan/${i.id}/tanda-terima.pdf`}>{i.receiptNumber}</a> },
          { key: 'date', label: v.t('gratification.field.custodyReceivedOn'), render: (i) => v.date(i.receivedOn) },
          { key: 'desc', label: v.t('gratification.field.description'), render: (i) => <>{i.description}{i.reportNumber ? <span class="muted"> · {i.reportNumber}</span> : null}</> },
          { key: 'where', label: v.t('gratification.field.storageLocation'), render: (i) => i.storageLocation },
          { key: 'state', label: v.t('gratification.field.state'), render: (i) => i.releasedOn
            ? <>{v.t('gratification.custody.released', { date: v.date(i.releasedOn), to: i.releasedTo ?? '' })}</>
            : <details><summary>{v.t('gratification.custody.held')}</summary>
              <form method="post" action={`${BASE}/titipan/${i.id}/serahkan?unit=${w.unitId}`} class="form" novalidate>
                <Csrf v={v} />
                <TextField v={v} name="releasedOn" type="date" label={v.t('gratification.field.releasedOn')} required value={w.today} errors={{}} width="short" />
                <TextField v={v} name="releasedTo" label={v.t('gratification.field.releasedTo')} required errors={{}} maxlength={200} />
                <TextField v={v} name="releaseNote" label={v.t('gratification.field.releaseNote')} errors={{}} maxlength={400} />
                <button class="button button--secondary" type="submit">{v.t('gratification.custody.release')}</button>
              </form></details> },
        ]} />
        <form method="post" action={`${BASE}/titipan?unit=${w.unitId}`} class="form card" novalidate data-custody-form>
          <Csrf v={v} />
          <h2>{v.t('gratification.custody.add')}</h2>
          <SelectField v={v} name="reportId" label={v.t('gratification.field.reportNumber')} value={form.reportId} errors={errors} placeholder={v.t('gratification.none_selected')}
            options={reports.map((x) => ({ value: x.id, label: `${x.number} — ${x.reporterName} — ${x.description.slice(0, 40)}` }))} />
          <TextField v={v} name="receivedOn" type="date" label={v.t('gratification.field.custodyReceivedOn')} required value={form.receivedOn || w.today} errors={errors} width="short" />
          <TextField v={v} name="depositorName" label={v.t('gratification.field.depositorName')} required value={form.depositorName} errors={errors} maxlength={200} />
          <TextArea v={v} name="description" label={v.t('gratification.field.description')} errors={errors} value={form.description} />
          <TextField v={v} name="valueRp" label={v.t('gratification.field.valueRp')} value={form.valueRp} errors={errors} inputmode="numeric" maxlength={20} width="short" />
          <TextField v={v} name="storageLocation" label={v.t('gratification.field.storageLocation')} required value={form.storageLocation} errors={errors} maxlength={200} />
          <button class="button button--primary" type="submit">{v.t('gratification.custody.add')}</button>
        </form>
      </Layout>, status);
  }
  r.get(`${BASE}/titipan`, 'gratification.handle', (c) => custodyPage(c));
  r.post(`${BASE}/titipan`, 'gratification.handle', async (c) => {
    const form = await formOf(c);
    const w = await whereOf(c, c.var.scope!);
    try {
      await addCustody(svc(c), c.var.scope!, w.unitId, form);
      flash(c, 'success', 'gratification.flash.custody');
      return c.redirect(withQuery(`${BASE}/titipan`, { unit: w.unitId }), 303);
    } catch (err) { const e = errorsOf(err); return custodyPage(c, e.errors, e.status, form); }
  });
  r.post(`${BASE}/titipan/${ID}/serahkan`, 'gratification.handle', async (c) => {
    const form = await formOf(c);
    const item = await custodyInScope(c.var.deps.db, c.var.scope!, c.req.param('id') ?? '');
    try {
      await releaseCustody(svc(c), c.var.scope!, item.id, form);
      flash(c, 'success', 'gratification.flash.released');
      return c.redirect(withQuery(`${BASE}/titipan`, { unit: item.unitId }), 303);
    } catch (err) { const e = errorsOf(err); return custodyPage(c, e.errors, e.status, form); }
  });
  r.get(`${BASE}/titipan/${ID}/tanda-terima.pdf`, 'gratification.handle', async (c) => {
    const db = c.var.deps.db;
    const item = await custodyInScope(db, c.var.scope!, c.req.param('id') ?? '');
    const number = item.reportId ? (await reportInScope(db, c.var.scope!, item.reportId)).number : null;
    const bytes = await receiptPdf(db, item, number, c.var.deps.i18n.translator('id'), new Date());
    return pdfResponse(bytes, `Tanda-Terima-${item.receiptNumber.replace(/\//g, '-')}.pdf`, { inline: true });
  });

  // ---- campaigns ------------------------------------------------------------------------------------------
  async function campaignsPage(c: Ctx, errors: FieldErrors = {}, status: 200 | 400 = 200, form: Record<string, string> = {}, params: Record<string, string | number> = {}) {
    const v = await pageView(c);
    const w = await whereOf(c, c.var.scope!);
    const rows = await listCampaigns(c.var.deps.db, w.unitId, w.year);
    const title = v.t('gratification.campaign.title');
    return c.html(
      <Layout v={v} title={title} crumbs={crumbsFor(v, title)}>
        <PageHeader title={title} lead={v.t('gratification.campaign.lead')} />
        <StaffTabs v={v} w={w} current="kampanye" />
        <WhereForm v={v} w={w} path={`${BASE}/kampanye`} />
        <ErrorSummary v={v} texts={errorTexts(v, errors, params)} />
        <DataTable v={v} caption={title} empty={v.t('gratification.campaign.empty')} rows={rows} columns={[
          { key: 'date', label: v.t('gratification.field.heldOn'), render: (x) => v.date(x.heldOn) },
          { key: 'kind', label: v.t('gratification.field.campaignKind'), render: (x) => v.t(`gratification.ckind.${x.kind}`) },
          { key: 'title', label: v.t('gratification.field.title'), render: (x) => x.title },
          { key: 'channel', label: v.t('gratification.field.channel'), render: (x) => x.channel },
          { key: 'reach', label: v.t('gratification.field.reach'), numeric: true, render: (x) => v.num(x.reach) },
          { key: 'ev', label: v.t('gratification.field.evidence'), render: (x) => <>
            {x.evidence.map((e) => e.kind === 'file' ? <a href={`/evidence/files/${e.fileId}`}>{e.title}</a> : null)}
            {x.url ? <> <a href={x.url} rel="noopener noreferrer">{v.t('gratification.campaign.link')}</a></> : null}
            {!x.evidence.length && !x.url ? '—' : null}</> },
        ]} />
        <form method="post" action={withQuery(`${BASE}/kampanye`, q(w))} class="form card" enctype="multipart/form-data" novalidate data-campaign-form>
          <Csrf v={v} />
          <h2>{v.t('gratification.campaign.add')}</h2>
          <SelectField v={v} name="kind" label={v.t('gratification.field.campaignKind')} required value={form.kind} errors={errors} placeholder={v.t('gratification.choose')} options={CAMPAIGN_KINDS.map((k) => ({ value: k, label: v.t(`gratification.ckind.${k}`) }))} />
          <TextField v={v} name="title" label={v.t('gratification.field.title')} required value={form.title} errors={errors} maxlength={200} />
          <TextField v={v} name="heldOn" type="date" label={v.t('gratification.field.heldOn')} required value={form.heldOn || w.today} errors={errors} width="short" />
          <TextField v={v} name="channel" label={v.t('gratification.field.channel')} hint={v.t('gratification.field.channel_hint')} required value={form.channel} errors={errors} maxlength={200} />
          <TextField v={v} name="reach" label={v.t('gratification.field.reach')} hint={v.t('gratification.field.reach_hint')} value={form.reach} errors={errors} inputmode="numeric" maxlength={12} width="short" />
          <TextField v={v} name="url" type="url" label={v.t('gratification.field.url')} value={form.url} errors={errors} maxlength={2000} />
          <FileField v={v} errors={errors} params={params} label={v.t('gratification.field.campaign_file')} />
          <button class="button button--primary" type="submit">{v.t('gratification.campaign.add')}</button>
        </form>
      </Layout>, status);
  }
  r.get(`${BASE}/kampanye`, 'gratification.campaign', (c) => campaignsPage(c));
  r.post(`${BASE}/kampanye`, 'gratification.campaign', { files: 1 }, async (c) => {
    const form = await formOf(c);
    const w = await whereOf(c, c.var.scope!);
    try {
      await addCampaign(svc(c), c.var.deps.files, c.var.scope!, w.unitId, form, await uploadOf(c));
      flash(c, 'success', 'gratification.flash.campaign');
      return c.redirect(withQuery(`${BASE}/kampanye`, q(w)), 303);
    } catch (err) { const e = errorsOf(err); return campaignsPage(c, e.errors, 400, form, e.params); }
  });

  // ---- settings -----------------------------------------------------------------------------------------
  async function settingsPage(c: Ctx, errors: FieldErrors = {}, status: 200 | 400 = 200, form: Record<string, string> | null = null) {
    const v = await pageView(c);
    const db = c.var.deps.db;
    const w = await whereOf(c, c.var.scope!);
    const s = await settingsOf(db, w.unitId);
    const f = form ?? {
      decreeNumber: s?.decreeNumber ?? '', decreeDate: s?.decreeDate ?? '', proceduresTitle: s?.proceduresTitle ?? '', proceduresNumber: s?.proceduresNumber ?? '',
      proceduresDate: s?.proceduresDate ?? '', headPersonId: s?.headPersonId ?? '',
    };
    const ppl = await unitPeople(db, w.unitId);
    const title = v.t('gratification.settings.title');
    return c.html(
      <Layout v={v} title={title} crumbs={crumbsFor(v, title)}>
        <PageHeader title={title} lead={v.t('gratification.settings.lead', { unit: w.unitName })} />
        <StaffTabs v={v} w={w} current="pengaturan" />
        <ErrorSummary v={v} texts={errorTexts(v, errors)} />
        <form method="post" action={withQuery(`${BASE}/pengaturan`, { unit: w.unitId })} class="form card" novalidate>
          <Csrf v={v} />
          <TextField v={v} name="decreeNumber" label={v.t('gratification.field.decreeNumber')} hint={v.t('gratification.field.decreeNumber_hint')} value={f.decreeNumber} errors={errors} maxlength={200} />
          <TextField v={v} name="decreeDate" type="date" label={v.t('gratification.field.decreeDate')} value={f.decreeDate} errors={errors} width="short" />
          <TextField v={v} name="proceduresTitle" label={v.t('gratification.field.proceduresTitle')} hint={v.t('gratification.field.proceduresTitle_hint')} value={f.proceduresTitle} errors={errors} maxlength={200} />
          <TextField v={v} name="proceduresNumber" label={v.t('gratification.field.proceduresNumber')} value={f.proceduresNumber} errors={errors} maxlength={200} />
          <TextField v={v} name="proceduresDate" type="date" label={v.t('gratification.field.proceduresDate')} value={f.proceduresDate} errors={errors} width="short" />
          <SelectField v={v} name="headPersonId" label={v.t('gratification.field.headPersonId')} hint={v.t('gratification.field.headPersonId_hint')} value={f.headPersonId} errors={errors} placeholder={v.t('gratification.none_selected')}
            options={ppl.map((p) => ({ value: p.id, label: `${p.name} — ${p.position}` }))} />
          <button class="button button--primary" type="submit">{v.t('gratification.save')}</button>
        </form>
      </Layout>, status);
  }
  r.get(`${BASE}/pengaturan`, 'gratification.handle', (c) => settingsPage(c));
  r.post(`${BASE}/pengaturan`, 'gratification.handle', async (c) => {
    const form = await formOf(c);
    const w = await whereOf(c, c.var.scope!);
    try {
      await saveSettings(svc(c), c.var.scope!, w.unitId, form);
      flash(c, 'success', 'gratification.flash.settings');
      return c.redirect(withQuery(`${BASE}/pengaturan`, { unit: w.unitId }), 303);
    } catch (err) { const e = errorsOf(err); return settingsPage(c, e.errors, 400, form); }
  });

  // ---- statistics and the periodic report (counts only) --------------------------------------------------
  r.get(`${BASE}/statistik`, 'gratification.stats', async (c) => {
    const v = await pageView(c);
    const w = await whereOf(c, c.var.scope!);
    const s = await statsOf(c.var.deps.db, w.unitId, `${w.year}-01-01`, `${w.year}-12-31`, w.today);
    const title = v.t('gratification.stats.title');
    const periods = [`${w.year}-Q1`, `${w.year}-Q2`, `${w.year}-Q3`, `${w.year}-Q4`, `${w.year}-S1`, `${w.year}-S2`, String(w.year)];
    const table = (caption: string, head: string, rows: [string, number][]) => (
      <section class="card">
        <h2>{caption}</h2>
        <DataTable v={v} caption={caption} empty={v.t('gratification.stats.none')} rows={rows} columns={[
          { key: 'k', label: head, render: (x) => x[0] },
          { key: 'n', label: v.t('gratification.stats.count'), numeric: true, render: (x) => v.num(x[1]) },
        ]} />
      </section>
    );
    return c.html(
      <Layout v={v} title={title} crumbs={crumbsFor(v, title)}>
        <PageHeader title={title} lead={v.t('gratification.stats.lead', { unit: w.unitName, year: w.year })} />
        <StaffTabs v={v} w={w} current="statistik" />
        <WhereForm v={v} w={w} path={`${BASE}/statistik`} />
        <section class="card" data-stats>
          <SummaryList rows={[
            [v.t('gratification.stats.reports'), v.num(s.reports)], [v.t('gratification.kind.received'), v.num(s.received)], [v.t('gratification.kind.refused'), v.num(s.refused)],
            [v.t('gratification.stats.value_total'), rupiah(s.valueTotal)], [v.t('gratification.stats.late'), v.num(s.late)], [v.t('gratification.stats.beyond'), v.num(s.beyondStatutory)],
            [v.t('gratification.stats.overdue'), v.num(s.overdue)], [v.t('gratification.stats.campaigns'), v.num(s.campaigns)], [v.t('gratification.stats.custody_held'), v.num(s.custodyHeld)],
          ] as [string, never][]} />
        </section>
        {table(v.t('gratification.preport.s_state'), v.t('gratification.field.state'), Object.entries(s.byState).map(([k, n]) => [v.t(`gratification.state.${k}`), n]))}
        {table(v.t('gratification.preport.s_kind'), v.t('gratification.field.itemKind'), Object.entries(s.byItemKind).map(([k, n]) => [v.t(`gratification.item.${k}`), n]))}
        {table(v.t('gratification.preport.s_decision'), v.t('gratification.field.decision'), Object.entries(s.byDecision).map(([k, n]) => [v.t(`gratification.decision.${k}`), n]))}
        <section class="card">
          <h2>{v.t('gratification.preport.title')}</h2>
          <ul class="plain-list">{periods.map((p) => <li><a href={withQuery(`${BASE}/statistik/laporan.pdf`, { unit: w.unitId, period: p })}>{v.t('gratification.preport.link', { period: p })}</a></li>)}</ul>
        </section>
      </Layout>);
  });
  r.get(`${BASE}/statistik/laporan.pdf`, 'gratification.stats', async (c) => {
    const w = await whereOf(c, c.var.scope!);
    const period = c.req.query('period') ?? String(w.year);
    if (!periodRange(period)) throw notFound();
    const { bytes, code } = await periodicReportPdf(c.var.deps.db, w.unitId, period, c.var.deps.i18n.translator('id'), new Date());
    return pdfResponse(bytes, `Laporan-UPG-${code}-${period}.pdf`, { inline: true });
  });
}

function LateAlert({ v, late }: { v: View; late: ReturnType<typeof latenessOf> }) {
  if (!late.lateToUpg) return null;
  return (
    <div class="alert alert--warning" role="status" data-late={late.beyondStatutory ? 'beyond' : 'upg'}>
      <strong>{v.t(late.beyondStatutory ? (late.mayBeState ? 'gratification.late.beyond_state' : 'gratification.late.beyond') : 'gratification.late.upg_reported', { days: late.days })}</strong>
    </div>
  );
}

function DecisionBox({ v, rep }: { v: View; rep: ReportRow }) {
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
  const a = rep.analysis as { relatedToPosition: boolean; contraryToDuty: boolean; category: string | null; note: string } | null;
  if (!a) return [];
  const yn = (b: boolean) => v.t(b ? 'gratification.yes' : 'gratification.no');
  return [
    [v.t('gratification.analysis.related'), yn(a.relatedToPosition)],
    [v.t('gratification.analysis.contrary'), yn(a.contraryToDuty)],
    [v.t('gratification.analysis.category'), a.category ?? '—'],
    [v.t('gratification.field.analysis_note'), a.note],
  ];
}

function ReportSummary({ v, rep, fileHref, proofHref, internal = false }: { v: View; rep: ReportRow; fileHref: string | null; proofHref?: string | null; internal?: boolean }) {
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
