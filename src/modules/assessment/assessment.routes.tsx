// LKE pages: worksheets list, create/clone, overview with live scores and review states, the
// item-by-item worksheet (autosave with JS, plain posts without), item detail with evidence, TPI
// review side by side, verdict with "what would it take", settings, XLSX export/import, LHE PDF.
import { pdfResponse } from '../../kernel/documents.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import { chosenFiles, flash, formOf, pageView, currentUnitOf, type Ctx as HttpCtx, type Router } from '../../kernel/http.tsx';
import { isUuid, pageNumber } from '../../kernel/kernel.routes.tsx';
import { currentYear, regencyToday } from '../../kernel/workdays.ts';
import { Badge, Csrf, DataTable, ErrorSummary, FileField, PageHeader, Pagination, ScrollRegion, SelectField, SummaryList, TextField, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout, type Crumb } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import {
  attachFile, attachUrl, countEvidenceFor, detachEvidence, listEvidenceFor, listUnitFiles, uploadEvidence, copyEvidenceLinks,
  formatFileSize, type EvidenceLinkView,
} from '../evidence/index.ts';
import { findRegency, listUnits } from '../org/index.ts';
import { findWorksheet, findPreviousWorksheet, listEvents, listWorksheets, listYears, loadLayers, loadLayersMany, type Layers } from './assessment.queries.ts';
import {
  acceptRemaining, changeRuleSet, createWorksheet, effectiveAnswers, optionsOf, parseCreate, replaceUnitLayer, reviewOf, rolesOn, saveAnswer, saveOptions,
  savePrerequisites, transitionWorksheet, type Ctx as SvcCtx,
} from './assessment.service.ts';
import { AnswerInputs, answerText, Pass, Progress, pct, pts, rawAnswerOf, ScoreTable, StateBadge, tx } from './assessment.view.tsx';
import { renderLhePdf } from './lke.lhe.ts';
import { findRuleSet, getRuleSet, listRuleSets } from './lke.ruleset.ts';
import { compareLayers, describeAnswer, indexOf, judge, MAX_NOTE, PREDICATES, scoreAnswers, whatWouldItTake } from './lke.rules.ts';
import type { Answers, Predicate, RuleItem, RuleSet, RuleSetOptions, ScoreResult } from './lke.types.ts';
import { availableTransitions, canWriteLayer, CONCLUSIONS, isLayer, STATES, verdictLayer, type Layer, type ReviewTally, type State, type Transition } from './lke.workflow.ts';
import { exportWorkbook, readWorkbook } from './lke.xlsx.ts';
import { acceptSuggestion, collectSuggestions, renderDocuments, type CheckedSuggestion, type LkeSuggestionSource } from './lke.suggest.ts';
import { AcceptForm, SuggestionBadge, SuggestionCard, SuggestionFacts, suggestionStatus } from './suggest.view.tsx';

const SUBJECT = 'lke_item';
const MAX_XLSX_BYTES = 5 * 1024 * 1024;
type Found = NonNullable<Awaited<ReturnType<typeof findWorksheet>>>;

function svc(c: HttpCtx): SvcCtx {
  return { db: c.var.deps.db, actor: c.var.actor!, emailEnabled: c.var.deps.emailEnabled };
}

function wantsJson(c: HttpCtx): boolean {
  return (c.req.header('accept') ?? '').includes('application/json');
}

async function loadWorksheet(c: HttpCtx): Promise<Found> {
  const id = c.req.param('id') ?? '';
  if (!isUuid(id)) throw notFound();
  const found = await findWorksheet(c.var.deps.db, c.var.scope!, id);
  if (!found) throw notFound();
  return found;
}

const crumbs = (v: View, f?: Found, extra?: Crumb[]): Crumb[] => [
  { href: '/', label: v.t('nav.home') },
  { href: '/lke', label: v.t('nav.lke') },
  ...(f ? [{ href: extra?.length ? `/lke/${f.w.id}` : undefined, label: `${f.unitShort} ${f.w.year}` } as Crumb] : []),
  ...(extra ?? []),
];

interface Loaded {
  f: Found;
  rs: RuleSet;
  options: RuleSetOptions;
  layers: Layers;
  eff: Record<Layer, Answers>;
  scores: Record<Layer, ScoreResult>;
  hasTpi: boolean;
  hasTpn: boolean;
  state: State;
  roles: ReturnType<typeof rolesOn>;
  /** which items carry a TPI decision */
  review: ReviewTally;
}

async function loadAll(c: HttpCtx): Promise<Loaded> {
  const f = await loadWorksheet(c);
  const rs = getRuleSet(f.w.rulesetId);
  const options = optionsOf(rs, f.w);
  const layers = await loadLayers(c.var.deps.db, f.w.id);
  const eff = effectiveAnswers(layers);
  const scores = {
    unit: scoreAnswers(rs, eff.unit, options),
    tpi: scoreAnswers(rs, eff.tpi, options),
    tpn: scoreAnswers(rs, eff.tpn, options),
  };
  const state = (STATES as readonly string[]).includes(f.w.state) ? (f.w.state as State) : 'draft';
  const hasTpi = ['under_review', 'evaluated', 'recommended'].includes(state) || layers.tpi.rows.size > 0;
  return { f, rs, options, layers, eff, scores, hasTpi, hasTpn: layers.tpn.rows.size > 0, state, roles: rolesOn(c.var.actor, f.w.unitId), review: reviewOf(rs, layers) };
}

function layerColumns(v: View, l: Loaded) {
  const cols: { key: string; label: string; short: string; score: ScoreResult }[] = [{ key: 'unit', label: v.t('lke.layer.unit'), short: v.t('lke.layer.unit_short'), score: l.scores.unit }];
  if (l.hasTpi) cols.push({ key: 'tpi', label: v.t('lke.layer.tpi'), short: 'TPI', score: l.scores.tpi });
  if (l.hasTpn) cols.push({ key: 'tpn', label: v.t('lke.layer.tpn'), short: 'TPN', score: l.scores.tpn });
  return cols;
}

/** Positive answer (value above 0) without a single piece of evidence. */
function needsEvidence(s: ScoreResult, code: string, counts: Map<string, number>): boolean {
  const value = s.items[code]?.value;
  return value !== null && value !== undefined && value > 0 && !counts.get(code);
}

function sectionsOf(rs: RuleSet): { code: string; name: (v: View) => string }[] {
  const areas = rs.nodes.filter((n) => n.kind === 'area');
  const out = areas.map((n) => ({ code: n.code, name: (v: View) => tx(v, n.title) }));
  if (rs.items.some((i) => i.area === null)) out.push({ code: 'B', name: (v: View) => v.t('lke.section.hasil') });
  return out;
}

function itemsOfSection(rs: RuleSet, section: string): RuleItem[] {
  if (section === 'all') return rs.items;
  if (section === 'B') return rs.items.filter((i) => i.area === null);
  return rs.items.filter((i) => i.sub === section || i.sub.startsWith(`${section}.`));
}

export interface AssessmentRouteOptions {
  /** modules that offer suggested answers from their facts (wired by the composition root) */
  suggestions?: readonly LkeSuggestionSource[];
}

export function registerAssessmentRoutes(r: Router, opts: AssessmentRouteOptions = {}) {
  const sources = opts.suggestions ?? [];
  /** The suggestions for the worksheet's unit and year (none when no module offers any). */
  async function suggestionsOf(c: HttpCtx, l: Loaded): Promise<Map<string, CheckedSuggestion>> {
    if (!sources.length) return new Map();
    return collectSuggestions(sources, l.rs, { db: c.var.deps.db, unitId: l.f.w.unitId, year: l.f.w.year, now: new Date(), t: c.var.deps.i18n.translator('id') });
  }

  // ---------------------------------------------------------------- list
  r.get('/lke', 'lke.view', async (c) => {
    const v = await pageView(c);
    const { deps, scope } = c.var;
    const q = c.req.query();
    const year = /^\d{4}$/.test(q.year ?? '') ? Number(q.year) : undefined;
    const state = (STATES as readonly string[]).includes(q.state ?? '') ? q.state : undefined;
    const sort = ['unit', 'state', 'updated', 'year'].includes(q.sort ?? '') ? q.sort : 'year';
    const dir = q.dir === 'asc' ? 'asc' : 'desc';
    const page = pageNumber(c);
    const pageSize = 25;
    const [{ rows, total }, years] = await Promise.all([
      listWorksheets(deps.db, scope!, { year, state, sort, dir, limit: pageSize, offset: (page - 1) * pageSize }),
      listYears(deps.db, scope!),
    ]);
    const layers = await loadLayersMany(deps.db, rows.map((x) => x.w.id));
    const scored = rows.map((x) => {
      const rs = findRuleSet(x.w.rulesetId)!;
      const eff = effectiveAnswers(layers.get(x.w.id)!);
      const options = optionsOf(rs, x.w);
      const unit = scoreAnswers(rs, eff.unit, options);
      const reviewed = ['under_review', 'evaluated', 'recommended'].includes(x.w.state);
      return { ...x, rs, unit, tpi: reviewed ? scoreAnswers(rs, eff.tpi, options) : null, answered: rs.items.length - unit.unanswered.length, items: rs.items.length };
    });
    const query = { year: q.year, state: q.state };
    return c.html(
      <Layout v={v} title={v.t('lke.list.title')} crumbs={crumbs(v)}>
        <PageHeader title={v.t('lke.list.title')} lead={v.t('lke.list.lead')}
          actions={<>{v.can('lke.create') ? <a class="button button--primary" href="/lke/new">{v.t('lke.new')}</a> : null}<a class="button button--secondary" href="/lke/rulesets">{v.t('lke.rulesets.title')}</a></>} />
        <form class="filters" method="get" action="/lke" novalidate>
          <SelectField v={v} name="year" label={v.t('lke.field.year')} value={q.year} placeholder={v.t('lke.all')} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
          <SelectField v={v} name="state" label={v.t('lke.field.state')} value={q.state} placeholder={v.t('lke.all')} options={STATES.map((s) => ({ value: s, label: v.t(`lke.state.${s}`) }))} />
          <div class="filters__actions"><button class="button button--secondary" type="submit">{v.t('ui.filter')}</button></div>
        </form>
        <DataTable v={v} caption={v.t('lke.list.title')} empty={v.t('lke.list.empty')} rows={scored} sort={sort} dir={dir} query={query} columns={[
          { key: 'unit', label: v.t('lke.col.unit'), sortable: true, render: (x) => <a href={`/lke/${x.w.id}`}>{x.unitName}</a> },
          { key: 'year', label: v.t('lke.field.year'), sortable: true, render: (x) => String(x.w.year) },
          { key: 'state', label: v.t('lke.field.state'), sortable: true, render: (x) => <StateBadge v={v} state={x.w.state} /> },
          { key: 'unitTotal', label: v.t('lke.col.unit_total'), numeric: true, render: (x) => pts(v, x.unit.total) },
          { key: 'tpiTotal', label: v.t('lke.col.tpi_total'), numeric: true, render: (x) => (x.tpi ? pts(v, x.tpi.total) : '—') },
          { key: 'progress', label: v.t('lke.col.progress'), numeric: true, render: (x) => v.t('lke.progress.of', { n: v.num(x.answered), max: v.num(x.items) }) },
          { key: 'updated', label: v.t('lke.col.updated'), sortable: true, render: (x) => v.dateTime(x.w.updatedAt) },
        ]} />
        <Pagination v={v} page={page} pageSize={pageSize} total={total} query={{ ...query, sort, dir }} />
      </Layout>,
    );
  });

  // ---------------------------------------------------------------- create
  async function renderNew(c: HttpCtx, form: Record<string, string>, errors: FieldErrors = {}, status = 200) {
    const v = await pageView(c);
    const { deps, actor } = c.var;
    const scope = deps.access.scopeOf(actor, 'lke.create')!;
    const units = await listUnits(deps.db, scope);
    const current = listRuleSets().filter((x) => x.status === 'current');
    return c.html(
      <Layout v={v} title={v.t('lke.new')} crumbs={crumbs(v, undefined, [{ label: v.t('lke.new') }])} narrow>
        <PageHeader title={v.t('lke.new')} lead={v.t('lke.new.lead')} />
        <ErrorSummary v={v} errors={errors} labels={{ unit: v.t('lke.field.unit'), year: v.t('lke.field.year'), ruleset: v.t('lke.field.ruleset'), clone: v.t('lke.field.clone') }} />
        <form method="post" action="/lke" class="form" novalidate>
          <Csrf v={v} />
          <SelectField v={v} name="unit" label={v.t('lke.field.unit')} required errors={errors} value={form.unit ?? currentUnitOf(c) ?? ''} placeholder={v.t('lke.choose')} options={units.map((u) => ({ value: u.id, label: u.name }))} />
          <TextField v={v} name="year" label={v.t('lke.field.year')} required errors={errors} value={form.year ?? String(currentYear())} inputmode="numeric" width="short" maxlength={4} />
          <SelectField v={v} name="ruleset" label={v.t('lke.field.ruleset')} required errors={errors} value={form.ruleset ?? current[0]?.id} options={current.map((x) => ({ value: x.id, label: tx(v, x.title) }))} />
          <SelectField v={v} name="clone" label={v.t('lke.field.clone')} hint={v.t('lke.field.clone.hint')} errors={errors} value={form.clone ?? 'previous'} options={[
            { value: 'previous', label: v.t('lke.clone.previous') }, { value: '', label: v.t('lke.clone.empty') },
          ]} />
          <div class="form__actions"><button class="button button--primary" type="submit">{v.t('lke.new.submit')}</button></div>
        </form>
      </Layout>, status as 200,
    );
  }

  r.get('/lke/new', 'lke.create', (c) => renderNew(c, {}));
  r.post('/lke', 'lke.create', async (c) => {
    const form = await formOf(c);
    const { deps, actor } = c.var;
    const scope = deps.access.scopeOf(actor, 'lke.create')!;
    try {
      const input = parseCreate(form);
      // "previous" silently becomes empty when there is nothing earlier to start from
      if (input.cloneFromId === 'previous' && !(await findPreviousWorksheet(deps.db, input.unitId, input.year))) input.cloneFromId = null;
      const res = await createWorksheet(svc(c), scope, input, {
        copyEvidence: (tx, from, to, unitId, keep) => copyEvidenceLinks(tx, actor!, { unitId, subjectType: SUBJECT, fromSubjectId: from, toSubjectId: to, keyMap: (k) => (keep(k) ? k : null) }),
      });
      flash(c, 'success', res.dropped.length ? 'lke.created.with_dropped' : 'lke.created');
      return c.redirect(`/lke/${res.id}${droppedQuery(res.dropped)}`, 303);
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'validation' && Object.keys(err.fieldErrors).length) return renderNew(c, form, err.fieldErrors, 400);
      throw err;
    }
  });

  // ---------------------------------------------------------------- overview
  r.get('/lke/:id{[0-9a-f-]{36}}', 'lke.view', async (c) => {
    const v = await pageView(c);
    const l = await loadAll(c);
    const { f, rs, state } = l;
    const db = c.var.deps.db;
    const [events, counts, regency] = await Promise.all([listEvents(db, f.w.id), countEvidenceFor(db, SUBJECT, f.w.id), findRegency(db)]);
    const vl = verdictLayer(state, l.hasTpn);
    const verdict = judge(rs, l.scores[vl], f.w.prerequisites as Record<string, unknown>);
    const transitions = availableTransitions(state, l.roles.roles);
    const unitScore = l.scores.unit;
    const answered = rs.items.length - unitScore.unanswered.length;
    const withEvidence = rs.items.filter((i) => (counts.get(i.code) ?? 0) > 0).length;
    const missing = rs.items.filter((i) => needsEvidence(unitScore, i.code, counts)).length;
    const reviewed = l.review.decided;
    const canReview = canWriteLayer('tpi', state, l.roles.roles, null, []);
    const editable = canWriteLayer('unit', state, l.roles.roles, null, []) || (state === 'draft' || state === 'returned') && l.roles.roles.includes('zi_coordinator');
    return c.html(
      <Layout v={v} title={`LKE ${f.unitShort} ${f.w.year}`} crumbs={crumbs(v, f)}>
        <PageHeader title={v.t('lke.overview.title', { unit: f.unitName, year: f.w.year })} lead={`${tx(v, rs.title)} · ${regency?.name ?? ''}`}
          actions={<>
            <a class="button button--primary" href={`/lke/${f.w.id}/items`}>{editable ? v.t('lke.action.fill') : v.t('lke.action.open')}</a>
            <a class="button button--secondary" href={`/lke/${f.w.id}/verdict`}>{v.t('lke.verdict.title')}</a>
            {l.hasTpi ? <a class="button button--secondary" href={`/lke/${f.w.id}/review`}>{v.t('lke.review.title')}</a> : null}
          </>} />
        <p><StateBadge v={v} state={state} /> {v.t(`lke.state.${state}.hint`)}</p>
        {state === 'returned' && f.w.returnNote ? <div class="alert alert--warning" role="status"><strong>{v.t('lke.returned.note')}</strong><p>{f.w.returnNote}</p></div> : null}
        {f.w.conclusion ? <div class={`alert ${f.w.conclusion === 'memenuhi' ? 'alert--success' : 'alert--warning'}`}><strong>{v.t(`lke.conclusion.${f.w.conclusion}`)}</strong>{f.w.conclusionNote ? <p>{f.w.conclusionNote}</p> : null}</div> : null}
        {rs.status !== 'current' ? <div class="alert alert--warning">{v.t('lke.ruleset.revoked_notice')}</div> : null}
        <DroppedList v={v} raw={c.req.query('dropped')} />

        {transitions.length ? (
          <section class="card">
            <h2>{v.t('lke.transition.title')}</h2>
            <div class="transition-list">
              {transitions.map((t) => <TransitionForm v={v} id={f.w.id} version={f.w.version} t={t} missingEvidence={missing} unanswered={unitScore.unanswered.length} conclusion={f.w.conclusion} undecided={l.review.undecided.length} />)}
            </div>
          </section>
        ) : null}

        <section class="card">
          <h2>{v.t('lke.progress.title')}</h2>
          <Progress v={v} label={v.t('lke.progress.answered')} value={answered} max={rs.items.length} />
          <Progress v={v} label={v.t('lke.progress.evidence')} value={withEvidence} max={rs.items.length} />
          {l.hasTpi ? <Progress v={v} label={v.t('lke.progress.reviewed')} value={reviewed} max={rs.items.length} /> : null}
          {l.hasTpi && l.review.undecided.length > 0 && (canReview || state === 'under_review') ? (
            <p>{v.t('lke.review.remaining_count', { n: v.num(l.review.undecided.length) })} <a href={`/lke/${f.w.id}/review/remaining`}>{canReview ? v.t('lke.review.remaining_link') : v.t('lke.review.remaining_list')}</a></p>
          ) : null}
          {missing > 0 ? <p class="alert alert--warning">{v.t('lke.evidence.missing_count', { n: missing })} <a href={`/lke/${f.w.id}/items?filter=noevidence`}>{v.t('lke.evidence.show_missing')}</a></p> : null}
          {sources.length ? <p><a href={`/lke/${f.w.id}/saran`}>{v.t('lke.suggest.link')}</a></p> : null}
        </section>

        <section class="card">
          <h2>{v.t('lke.verdict.summary', { layer: v.t(`lke.layer.${vl}`) })}</h2>
          <ul class="plain-list">
            {PREDICATES.map((p) => (
              <li>
                <strong>{v.t(`lke.predicate.${p}`)}</strong>: {verdict[p].eligible ? <Badge tone="success">{v.t('lke.eligible')}</Badge> : <Badge tone="danger">{v.t('lke.not_eligible')}</Badge>}
                {verdict[p].failures.length ? <ul>{verdict[p].failures.map((x) => <li>{tx(v, x.message)}</li>)}</ul> : null}
              </li>
            ))}
          </ul>
          <p><a href={`/lke/${f.w.id}/verdict?layer=${vl}`}>{v.t('lke.verdict.details')}</a></p>
        </section>

        <section class="card">
          <h2>{v.t('lke.scores.title')}</h2>
          <ScoreTable v={v} rs={rs} layers={layerColumns(v, l)} />
        </section>

        <section class="card">
          <h2>{v.t('lke.documents.title')}</h2>
          <ul class="plain-list">
            <li><a href={`/lke/${f.w.id}/export.xlsx`} download>{v.t('lke.export.xlsx')}</a></li>
            {state === 'evaluated' || state === 'recommended' ? <li><a href={`/lke/${f.w.id}/lhe.pdf`} download>{v.t('lke.export.lhe')}</a></li> : <li class="muted">{v.t('lke.export.lhe_after')}</li>}
            {v.can('lke.import', f.w.unitId) && (state === 'draft' || state === 'returned') ? <li><a href={`/lke/${f.w.id}/import`}>{v.t('lke.import.title')}</a></li> : null}
            {v.can('lke.settings', f.w.unitId) ? <li><a href={`/lke/${f.w.id}/settings`}>{v.t('lke.settings.title')}</a></li> : null}
          </ul>
        </section>

        <section class="card">
          <h2>{v.t('lke.history.title')}</h2>
          <ol class="plain-list">
            {events.map(({ e, by }) => (
              <li>{v.dateTime(e.at)} · <StateBadge v={v} state={e.toState} /> {by ?? v.t('lke.system')}{e.note ? <> — <span>{historyNote(v, e.toState, e.note)}</span></> : null}</li>
            ))}
          </ol>
        </section>
      </Layout>,
    );
  });

  // ---------------------------------------------------------------- worksheet items
  r.get('/lke/:id{[0-9a-f-]{36}}/items', 'lke.view', async (c) => {
    const v = await pageView(c);
    const l = await loadAll(c);
    const { f, rs, state } = l;
    const sections = sectionsOf(rs);
    const q = c.req.query();
    const section = q.section === 'all' || sections.some((s) => s.code === q.section) ? q.section! : sections[0]!.code;
    const filter = q.filter === 'noevidence' || q.filter === 'unanswered' ? q.filter : '';
    const counts = await countEvidenceFor(c.var.deps.db, SUBJECT, f.w.id);
    let items = filter ? rs.items : itemsOfSection(rs, section);
    if (filter === 'noevidence') items = items.filter((i) => needsEvidence(l.scores.unit, i.code, counts));
    if (filter === 'unanswered') items = items.filter((i) => l.scores.unit.unanswered.includes(i.code));
    const subs = [...new Set(items.map((i) => i.sub))];
    const nodeOf = indexOf(rs).nodes;
    return c.html(
      <Layout v={v} title={`LKE ${f.unitShort} ${f.w.year}`} crumbs={crumbs(v, f, [{ label: v.t('lke.items.title') }])}>
        <PageHeader title={v.t('lke.items.title')} lead={`${f.unitShort} · ${f.w.year} · ${v.t(`lke.state.${state}`)}`} />
        <div class="score-strip" aria-live="polite">
          <span>{v.t('lke.layer.unit')}: <strong data-live="unit:total">{pts(v, l.scores.unit.total)}</strong></span>
          <span>{v.t('lke.progress.answered')}: <strong data-live="unit:answered">{v.t('lke.progress.of', { n: v.num(rs.items.length - l.scores.unit.unanswered.length), max: v.num(rs.items.length) })}</strong></span>
          {l.hasTpi ? <span>{v.t('lke.layer.tpi')}: <strong>{pts(v, l.scores.tpi.total)}</strong></span> : null}
        </div>
        <nav class="tabs" aria-label={v.t('lke.items.sections')}>
          <ul>
            {sections.map((s, i) => <>
              {s.code.startsWith('A.I.') && !sections[i - 1]?.code.startsWith('A.I.') ? <li class="tabs__group" aria-hidden="true">{v.t('lke.scores.pemenuhan')}</li> : null}
              {s.code.startsWith('A.II.') && !sections[i - 1]?.code.startsWith('A.II.') ? <li class="tabs__group" aria-hidden="true">{v.t('lke.scores.reform')}</li> : null}
              <li><a href={`/lke/${f.w.id}/items?section=${s.code}`} title={s.name(v)} aria-current={!filter && s.code === section ? 'page' : undefined}><span class="tabs__code">{s.code}</span><span class="tabs__name"> {s.name(v)}</span></a></li>
            </>)}
            <li><a href={`/lke/${f.w.id}/items?section=all`} aria-current={!filter && section === 'all' ? 'page' : undefined}>{v.t('lke.items.all')}</a></li>
            <li><a href={`/lke/${f.w.id}/items?filter=unanswered`} aria-current={filter === 'unanswered' ? 'page' : undefined}>{v.t('lke.items.unanswered')}</a></li>
            <li><a href={`/lke/${f.w.id}/items?filter=noevidence`} aria-current={filter === 'noevidence' ? 'page' : undefined}>{v.t('lke.items.noevidence')}</a></li>
          </ul>
        </nav>
        {items.length === 0 ? <p class="muted">{v.t('lke.items.none')}</p> : null}
        {subs.map((sub) => {
          const node = nodeOf.get(sub);
          const s = l.scores.unit.nodes[sub]!;
          return (
            <section class="lke-sub">
              <h2>{sub} {node ? tx(v, node.title) : ''}</h2>
              <p class="muted">{v.t('lke.sub.score', { weight: pts(v, s.weight) })} <strong data-live={`unit:node:${sub}`}>{pts(v, s.score)}</strong> (<span data-live={`unit:nodepct:${sub}`}>{pct(v, s.percent)}</span>)</p>
              {node?.defect ? <p class="alert alert--warning">{tx(v, node.defect)}</p> : null}
              {items.filter((i) => i.sub === sub).map((item) => (
                <ItemCard v={v} l={l} item={item} evidence={counts.get(item.code) ?? 0} back={filter ? `filter=${filter}` : `section=${section}`} />
              ))}
            </section>
          );
        })}
      </Layout>,
    );
  });

  r.post('/lke/:id{[0-9a-f-]{36}}/items/:code{[A-Za-z0-9.]{1,24}}', 'lke.answer', async (c) => {
    const f = await loadWorksheet(c);
    const code = c.req.param('code')!;
    const rs = getRuleSet(f.w.rulesetId);
    const item = indexOf(rs).items.get(code);
    if (!item) throw notFound();
    const form = await formOf(c);
    const back = safeBack(form.back, f.w.id, code);
    try {
      const res = await saveAnswer(svc(c), c.var.scope!, { worksheetId: f.w.id, code, layer: 'unit', raw: rawAnswerOf(item, form), note: form.note ?? null, rev: form.rev ?? '' });
      if (wantsJson(c)) return c.json(await liveUpdate(c, f.w.id, code, res.rev));
      flash(c, 'success', 'lke.answer.saved');
      return c.redirect(back, 303);
    } catch (err) {
      if (err instanceof DomainError && !wantsJson(c) && (err.kind === 'validation' || err.kind === 'conflict')) {
        // the page again with the message (it names the item), the user's input kept where it can be
        return renderItem(c, {}, err.kind === 'validation' ? form : null, err, err.kind === 'validation' ? 400 : 409);
      }
      throw err;
    }
  });

  async function liveUpdate(c: HttpCtx, id: string, code: string, rev: string) {
    const v = await pageView(c);
    const l = await loadAll(c);
    const rs = l.rs;
    const item = indexOf(rs).items.get(code)!;
    const s = l.scores.unit;
    const counts = await countEvidenceFor(c.var.deps.db, SUBJECT, id);
    const updates: Record<string, string> = {
      'unit:total': pts(v, s.total),
      'unit:answered': v.t('lke.progress.of', { n: v.num(rs.items.length - s.unanswered.length), max: v.num(rs.items.length) }),
      [`unit:node:${item.sub}`]: pts(v, s.nodes[item.sub]!.score),
      [`unit:nodepct:${item.sub}`]: pct(v, s.nodes[item.sub]!.percent),
      [`unit:item:${code}`]: itemValueText(v, l, item),
    };
    return { ok: true, rev, updates, warnEvidence: needsEvidence(s, code, counts) };
  }

  // ---------------------------------------------------------------- item detail
  /**
   * The item page. `err`: a refused answer (shown at the top, linked to the answer); `evidence`: a
   * refused evidence form — its field errors beside the fields (file, title, url, linkTitle), the
   * typed values kept.
   */
  async function renderItem(c: HttpCtx, errors: FieldErrors = {}, form: Record<string, string> | null = null, err: DomainError | null = null, status = 200,
    evidenceError: { errors: FieldErrors; params: Record<string, string | number>; form: Record<string, string> } | null = null) {
    const v = await pageView(c);
    const l = await loadAll(c);
    const { f, rs, state } = l;
    const code = c.req.param('code') ?? '';
    const item = indexOf(rs).items.get(code);
    if (!item) throw notFound();
    const db = c.var.deps.db;
    const evidence = (await listEvidenceFor(db, SUBJECT, f.w.id)).get(code) ?? [];
    const canUnit = canWriteLayer('unit', state, l.roles.roles, item.area, l.roles.areas) && v.can('lke.answer', f.w.unitId);
    const canTpi = canWriteLayer('tpi', state, l.roles.roles, item.area, l.roles.areas);
    const canTpn = canWriteLayer('tpn', state, l.roles.roles, item.area, l.roles.areas);
    const library = canUnit ? (await listUnitFiles(db, f.w.unitId, { pageSize: 100, sort: 'uploaded', dir: 'desc' })).rows : [];
    const unitRow = l.layers.unit.rows.get(code);
    const tpiRow = l.layers.tpi.rows.get(code);
    const tpnRow = l.layers.tpn.rows.get(code);
    const seqIdx = rs.items.findIndex((i) => i.code === code);
    const prev = rs.items[seqIdx - 1];
    const next = rs.items[seqIdx + 1];
    const node = indexOf(rs).nodes.get(item.sub);
    const errText = err ? { answer: v.t(err.code, err.params) } : undefined;
    const value = form ? null : l.eff.unit[code];
    const suggestion = (await suggestionsOf(c, l)).get(code);
    return c.html(
      <Layout v={v} title={`${item.code} · LKE ${f.unitShort} ${f.w.year}`} crumbs={crumbs(v, f, [{ href: `/lke/${f.w.id}/items?section=${sectionOfItem(rs, item)}`, label: v.t('lke.items.title') }, { label: item.code }])}>
        <PageHeader title={`${item.code} · #${item.seq}`} lead={node ? `${node.code} ${tx(v, node.title)}` : undefined} />
        {errText ? <ErrorSummary v={v} texts={errText} /> : Object.keys(errors).length ? <ErrorSummary v={v} errors={errors} /> : null}
        {evidenceError ? <ErrorSummary v={v} errors={evidenceError.errors} params={evidenceError.params} /> : null}
        <section class="card">
          <h2 class="lke-question">{item.question.id}</h2>
          {v.locale === 'en' && item.question.en ? <p class="muted" lang="en">{item.question.en}</p> : null}
          {item.defect ? <p class="alert alert--warning">{tx(v, item.defect)}</p> : null}
          <SummaryList rows={[
            [v.t('lke.item.type'), v.t(`lke.type.${item.type}`)],
            [v.t('lke.item.weight'), pts(v, item.weight)],
            [v.t('lke.item.value.unit'), <span data-live={`unit:item:${code}`}>{itemValueText(v, l, item)}</span>],
            ...(l.hasTpi ? [[v.t('lke.item.value.tpi'), `${answerText(v, item, l.eff.tpi[code], l.options)} · ${pts(v, l.scores.tpi.items[code]!.score)}`] as [string, string]] : []),
            ...(l.hasTpn ? [[v.t('lke.item.value.tpn'), `${answerText(v, item, l.eff.tpn[code], l.options)} · ${pts(v, l.scores.tpn.items[code]!.score)}`] as [string, string]] : []),
          ]} />
          {item.formula ? <p class="muted">{v.t(`lke.formula.${item.formula.kind}`)}</p> : null}
        </section>

        {suggestion ? <SuggestionCard v={v} s={suggestion} item={item} current={l.eff.unit[code]} options={l.options} worksheetId={f.w.id} rev={unitRow?.rev ?? ''} canAccept={canUnit} /> : null}

        <section class="card">
          <h2>{v.t('lke.layer.unit')}</h2>
          {unitRow ? <p class="muted">{v.t('lke.item.last_change', { who: unitRow.by ?? '—', when: v.dateTime(unitRow.rev) })}</p> : null}
          {canUnit ? (
            <form method="post" action={`/lke/${f.w.id}/items/${code}`} class="form lke-answer" data-autosave data-saved={v.t('lke.autosave.saved')} data-failed={v.t('lke.autosave.failed')} novalidate>
              <Csrf v={v} />
              <input type="hidden" name="rev" value={unitRow?.rev ?? ''} />
              <input type="hidden" name="back" value={`/lke/${f.w.id}/items/${code}`} />
              <fieldset class="fieldset" id="f-answer">
                <legend>{v.t('lke.answer.legend')}</legend>
                <AnswerInputs v={v} item={item} value={form ? rawFormAnswer(item, form) : value} />
              </fieldset>
              <div class="field" id="f-note">
                <label class="field__label" for={`note-${code}`}>{v.t('lke.note.label')} <span class="field__optional">({v.t('form.optional')})</span></label>
                <textarea class="input" id={`note-${code}`} name="note" rows={3} maxlength={MAX_NOTE}>{form?.note ?? unitRow?.note ?? ''}</textarea>
              </div>
              <div class="form__actions"><button class="button button--primary" type="submit">{v.t('ui.save')}</button><span class="autosave-status" role="status"></span></div>
            </form>
          ) : (
            <SummaryList rows={[[v.t('lke.answer.legend'), answerText(v, item, l.eff.unit[code], l.options)], [v.t('lke.note.label'), unitRow?.note ?? '—']]} />
          )}
          {!canUnit && (state === 'draft' || state === 'returned') && v.can('lke.answer', f.w.unitId) ? <p class="muted">{v.t('lke.answer.other_area')}</p> : null}
        </section>

        <section class="card" id="evidence">
          <h2>{v.t('lke.evidence.title')}</h2>
          {needsEvidence(l.scores.unit, code, new Map([[code, evidence.length]])) ? <p class="alert alert--warning">{v.t('lke.evidence.warning')}</p> : null}
          <EvidenceList v={v} items={evidence} canRemove={canUnit} action={(link) => `/lke/${f.w.id}/items/${code}/evidence/${link}/delete`} />
          <h3>{v.t('lke.evidence.expected')}</h3>
          <ul class="checklist">{item.evidence.map((e) => <li>{tx(v, e)}</li>)}</ul>
          {canUnit ? (
            <div class="evidence-forms">
              <form method="post" action={`/lke/${f.w.id}/items/${code}/evidence`} enctype="multipart/form-data" class="form" novalidate>
                <Csrf v={v} />
                <h3>{v.t('lke.evidence.upload')}</h3>
                <FileField v={v} name="file" label={v.t('lke.evidence.file')} hint={v.t('lke.evidence.file.hint')} required errors={evidenceError?.errors} errorParams={evidenceError?.params} />
                <TextField v={v} name="title" label={v.t('lke.evidence.file_title')} maxlength={200} errors={evidenceError?.errors} value={evidenceError?.form.title} />
                <div class="form__actions"><button class="button button--secondary" type="submit">{v.t('lke.evidence.upload_button')}</button></div>
              </form>
              {library.length ? (
                <form method="post" action={`/lke/${f.w.id}/items/${code}/evidence`} class="form" novalidate>
                  <Csrf v={v} />
                  <h3>{v.t('lke.evidence.existing')}</h3>
                  <SelectField v={v} name="fileId" label={v.t('lke.evidence.existing.label')} required errors={evidenceError?.errors} placeholder={v.t('lke.choose')} options={library.map((x) => ({ value: x.id, label: `${x.title} (${formatFileSize(v, x.size)})` }))} />
                  <div class="form__actions"><button class="button button--secondary" type="submit">{v.t('lke.evidence.attach')}</button></div>
                </form>
              ) : null}
              <form method="post" action={`/lke/${f.w.id}/items/${code}/evidence`} class="form" novalidate>
                <Csrf v={v} />
                <h3>{v.t('lke.evidence.link')}</h3>
                <TextField v={v} name="url" label={v.t('lke.evidence.url')} type="url" required maxlength={2000} errors={evidenceError?.errors} value={evidenceError?.form.url} />
                <TextField v={v} name="linkTitle" label={v.t('lke.evidence.link_title')} required maxlength={200} errors={evidenceError?.errors} value={evidenceError?.form.linkTitle} />
                <div class="form__actions"><button class="button button--secondary" type="submit">{v.t('lke.evidence.add_link')}</button></div>
              </form>
            </div>
          ) : null}
        </section>

        {l.hasTpi ? (
          <section class="card" id="review">
            <h2>{v.t('lke.layer.tpi')}</h2>
            <p>{tpiRow ? (tpiRow.answer ? v.t('lke.review.own_value', { value: answerText(v, item, tpiRow.answer, l.options) }) : l.review.stale.includes(code) ? v.t('lke.review.accepted_stale') : v.t('lke.review.accepted')) : v.t('lke.review.not_reviewed')}</p>
            {tpiRow?.note ? <p><strong>{v.t('lke.review.note')}:</strong> {tpiRow.note}</p> : null}
            {canTpi ? <ReviewForm v={v} id={f.w.id} item={item} layer="tpi" rev={tpiRow?.rev ?? ''} value={tpiRow?.answer ?? l.eff.unit[code]} note={tpiRow?.note ?? ''} /> : null}
          </section>
        ) : null}
        {l.hasTpn || canTpn ? (
          <section class="card" id="tpn">
            <h2>{v.t('lke.layer.tpn')}</h2>
            <p>{tpnRow?.answer ? answerText(v, item, tpnRow.answer, l.options) : v.t('lke.tpn.none')}</p>
            {canTpn ? <ReviewForm v={v} id={f.w.id} item={item} layer="tpn" rev={tpnRow?.rev ?? ''} value={tpnRow?.answer ?? l.eff.tpi[code]} note={tpnRow?.note ?? ''} /> : null}
          </section>
        ) : null}
        <nav class="button-row" aria-label={v.t('lke.item.nav')}>
          {prev ? <a class="button button--secondary" href={`/lke/${f.w.id}/items/${prev.code}`}>← {prev.code}</a> : null}
          {next ? <a class="button button--secondary" href={`/lke/${f.w.id}/items/${next.code}`}>{next.code} →</a> : null}
        </nav>
      </Layout>, status as 200,
    );
  }

  r.get('/lke/:id{[0-9a-f-]{36}}/items/:code{[A-Za-z0-9.]{1,24}}', 'lke.view', (c) => renderItem(c));

  r.post('/lke/:id{[0-9a-f-]{36}}/items/:code{[A-Za-z0-9.]{1,24}}/review', 'lke.review', async (c) => reviewPost(c, 'tpi'));
  r.post('/lke/:id{[0-9a-f-]{36}}/items/:code{[A-Za-z0-9.]{1,24}}/tpn', 'lke.review', async (c) => reviewPost(c, 'tpn'));

  async function reviewPost(c: HttpCtx, layer: Layer) {
    const f = await loadWorksheet(c);
    const code = c.req.param('code')!;
    const item = indexOf(getRuleSet(f.w.rulesetId)).items.get(code);
    if (!item) throw notFound();
    const form = await formOf(c);
    const accept = form.accept === '1';
    try {
      await saveAnswer(svc(c), c.var.scope!, { worksheetId: f.w.id, code, layer, raw: accept ? null : rawAnswerOf(item, form), note: form.note ?? null, rev: form.rev ?? '', accept });
      flash(c, 'success', accept ? 'lke.review.accepted_flash' : 'lke.review.saved');
      return c.redirect(safeBack(form.back, f.w.id, code, `#${layer === 'tpi' ? 'review' : 'tpn'}`), 303);
    } catch (err) {
      if (err instanceof DomainError && (err.kind === 'validation' || err.kind === 'conflict')) {
        if (err.kind === 'validation') return renderItem(c, {}, null, err, 400);
        flash(c, 'error', err.code);
        return c.redirect(`/lke/${f.w.id}/items/${code}`, 303);
      }
      throw err;
    }
  }

  // ---------------------------------------------------------------- evidence of an item
  r.post('/lke/:id{[0-9a-f-]{36}}/items/:code{[A-Za-z0-9.]{1,24}}/evidence', 'lke.answer', { files: 1 }, async (c) => {
    const f = await loadWorksheet(c);
    const code = c.req.param('code')!;
    const rs = getRuleSet(f.w.rulesetId);
    const item = indexOf(rs).items.get(code);
    if (!item) throw notFound();
    const { roles, areas } = rolesOn(c.var.actor, f.w.unitId);
    const state = f.w.state as State;
    if (!canWriteLayer('unit', state, roles, item.area, areas)) throw new DomainError('conflict', 'lke.answer.locked');
    const body = await c.req.parseBody();
    const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    const subject = { subjectType: SUBJECT, subjectId: f.w.id, subjectKey: code };
    const actor = c.var.actor!;
    const db = c.var.deps.db;
    // which of the three forms was posted: by its fields, even left empty (an empty file input is a
    // nameless, empty file); each form's empty required field is refused beside that field
    const file = chosenFiles(body, 'file')[0] ?? null;
    const kind = file ? 'file' : 'fileId' in body ? 'existing' : 'url' in body || 'linkTitle' in body ? 'url' : 'none';
    try {
      if (kind === 'existing' && !str('fileId')) throw new DomainError('validation', 'lke.evidence.existing.required', {}, { fileId: 'lke.evidence.existing.required' });
      if (kind === 'url' && (!str('url').trim() || !(str('linkTitle') || str('title')).trim())) {
        const missing: Record<string, string> = {};
        if (!str('url').trim()) missing.url = 'lke.evidence.url.required';
        if (!(str('linkTitle') || str('title')).trim()) missing.linkTitle = 'evidence.title.required';
        throw new DomainError('validation', Object.values(missing)[0]!, {}, missing);
      }
      if (file) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        await uploadEvidence(db, c.var.deps.files, actor, { unitId: f.w.unitId, bytes, originalName: file.name, title: str('title') || null, attachTo: subject });
      } else if (str('fileId')) {
        if (!isUuid(str('fileId'))) throw notFound();
        await attachFile(db, actor, { unitId: f.w.unitId, fileId: str('fileId'), ...subject });
      } else if (str('url')) {
        await attachUrl(db, actor, { unitId: f.w.unitId, url: str('url'), title: str('linkTitle') || str('title'), ...subject });
      } else {
        const key = 'file' in body ? 'evidence.file.required' : 'lke.evidence.nothing';
        throw new DomainError('validation', key, {}, { file: key });
      }
      flash(c, 'success', 'lke.evidence.added');
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'validation') {
        // the error beside the field of the form that was posted (a link's title is its linkTitle)
        const fieldErrors: FieldErrors = {};
        for (const [k, key] of Object.entries(err.fieldErrors)) fieldErrors[kind === 'url' && k === 'title' ? 'linkTitle' : kind === 'existing' ? 'fileId' : k] = key;
        if (!Object.keys(fieldErrors).length) fieldErrors[kind === 'url' ? 'url' : kind === 'existing' ? 'fileId' : 'file'] = err.code;
        const form = { title: str('title'), url: str('url'), linkTitle: str('linkTitle') };
        return renderItem(c, {}, null, null, 400, { errors: fieldErrors, params: err.params as Record<string, string | number>, form });
      }
      if (err instanceof DomainError && err.kind === 'conflict') return renderItem(c, {}, null, err, 409);
      throw err;
    }
    return c.redirect(`/lke/${f.w.id}/items/${code}#evidence`, 303);
  });

  r.post('/lke/:id{[0-9a-f-]{36}}/items/:code{[A-Za-z0-9.]{1,24}}/evidence/:link{[0-9a-f-]{36}}/delete', 'lke.answer', async (c) => {
    const f = await loadWorksheet(c);
    const code = c.req.param('code')!;
    const item = indexOf(getRuleSet(f.w.rulesetId)).items.get(code);
    if (!item) throw notFound();
    const { roles, areas } = rolesOn(c.var.actor, f.w.unitId);
    if (!canWriteLayer('unit', f.w.state as State, roles, item.area, areas)) throw new DomainError('conflict', 'lke.answer.locked');
    const link = c.req.param('link')!;
    // the link must belong to this worksheet's item, not merely to the unit
    const mine = ((await listEvidenceFor(c.var.deps.db, SUBJECT, f.w.id)).get(code) ?? []).some((e) => e.linkId === link);
    if (!mine) throw notFound();
    await detachEvidence(c.var.deps.db, c.var.actor!, { unitId: f.w.unitId, linkId: link });
    flash(c, 'success', 'lke.evidence.removed');
    return c.redirect(`/lke/${f.w.id}/items/${code}#evidence`, 303);
  });

  // ---------------------------------------------------------------- suggested answers
  r.get('/lke/:id{[0-9a-f-]{36}}/saran', 'lke.view', async (c) => {
    const v = await pageView(c);
    const l = await loadAll(c);
    const { f, rs, state } = l;
    const found = await suggestionsOf(c, l);
    const items = indexOf(rs).items;
    const canUnit = (code: string) => canWriteLayer('unit', state, l.roles.roles, items.get(code)!.area, l.roles.areas) && v.can('lke.answer', f.w.unitId);
    const rows = [...found.values()].map((s) => ({ s, item: items.get(s.item)!, status: suggestionStatus(s, l.eff.unit[s.item]) }));
    const open = rows.filter((x) => x.status === 'unanswered' && canUnit(x.item.code)).length;
    const back = `/lke/${f.w.id}/saran`;
    return c.html(
      <Layout v={v} title={`${v.t('lke.suggest.page')} · LKE ${f.unitShort} ${f.w.year}`} crumbs={crumbs(v, f, [{ label: v.t('lke.suggest.page') }])}>
        <PageHeader title={v.t('lke.suggest.page')} lead={v.t('lke.suggest.lead', { unit: f.unitName, year: f.w.year })} />
        {rows.length === 0 ? <section class="card"><p class="muted">{v.t('lke.suggest.empty')}</p></section> : (
          <section class="card">
            <h2>{v.t('lke.suggest.summary')}</h2>
            <ul class="plain-list suggestion__summary">
              {(['different', 'unanswered', 'same', 'none'] as const).map((st) => {
                const these = rows.filter((x) => x.status === st);
                return these.length ? <li><SuggestionBadge v={v} status={st} /> {these.map((x, i) => <>{i ? ', ' : ' '}<a href={`#s-${x.item.code.replace(/\./g, '_')}`}>{x.item.code}</a></>)}</li> : null;
              })}
            </ul>
          </section>
        )}
        {open > 0 ? (
          <section class="card">
            <form method="post" action={`/lke/${f.w.id}/saran`} class="form" novalidate>
              <Csrf v={v} />
              <input type="hidden" name="version" value={String(f.w.version)} />
              <p>{v.t('lke.suggest.accept_all_hint', { n: open })}</p>
              <div class="form__actions"><button class="button button--primary" type="submit">{v.t('lke.suggest.accept_all')}</button></div>
            </form>
          </section>
        ) : null}
        {rows.map(({ s, item, status }) => (
          <section class="card suggestion" id={`s-${item.code.replace(/\./g, '_')}`}>
            <h2 class="lke-question"><a href={`/lke/${f.w.id}/items/${item.code}`}>{item.code}</a> {item.question.id}</h2>
            <SummaryList rows={[
              [v.t('lke.suggest.answer'), s.parsed ? <>{answerText(v, item, s.parsed, l.options)} <SuggestionBadge v={v} status={status} /></> : v.t('lke.suggest.no_answer')],
              [v.t('lke.suggest.current'), answerText(v, item, l.eff.unit[item.code], l.options)],
              [v.t('lke.suggest.source'), <a href={s.source.href}>{v.t(s.source.key)}</a>],
            ]} />
            <SuggestionFacts v={v} s={s} />
            {s.parsed && status !== 'same' && canUnit(item.code) ? <AcceptForm v={v} worksheetId={f.w.id} code={item.code} rev={l.layers.unit.rows.get(item.code)?.rev ?? ''} back={back} /> : null}
          </section>
        ))}
      </Layout>,
    );
  });

  r.post('/lke/:id{[0-9a-f-]{36}}/items/:code{[A-Za-z0-9.]{1,24}}/suggestion', 'lke.answer', async (c) => {
    const l = await loadAll(c);
    const code = c.req.param('code')!;
    if (!indexOf(l.rs).items.get(code)) throw notFound();
    const form = await formOf(c);
    const s = (await suggestionsOf(c, l)).get(code);
    const back = safeBack(form.back, l.f.w.id, code);
    if (!s) {
      flash(c, 'error', 'lke.suggest.gone');
      return c.redirect(back, 303);
    }
    try {
      const { attached } = await acceptSuggestion(svc(c), c.var.scope!, c.var.deps.files, c.var.deps.i18n.translator('id'), { worksheetId: l.f.w.id, code, rev: form.rev ?? '' }, s, SUBJECT);
      flash(c, 'success', attached ? 'lke.suggest.accepted_with_evidence' : 'lke.suggest.accepted');
    } catch (err) {
      if (!(err instanceof DomainError) || (err.kind !== 'conflict' && err.kind !== 'validation')) throw err;
      flash(c, 'error', err.code === 'lke.answer.stale' ? 'lke.suggest.stale' : err.code);
    }
    return c.redirect(back, 303);
  });

  // every suggestion with an answer, on items the unit has not answered and the actor may write
  r.post('/lke/:id{[0-9a-f-]{36}}/saran', 'lke.answer', async (c) => {
    const l = await loadAll(c);
    const form = await formOf(c);
    const back = `/lke/${l.f.w.id}/saran`;
    if (String(form.version ?? '') !== String(l.f.w.version)) {
      flash(c, 'error', 'lke.suggest.stale');
      return c.redirect(back, 303);
    }
    const items = indexOf(l.rs).items;
    const todo = [...(await suggestionsOf(c, l)).values()].filter((s) => s.parsed && !l.eff.unit[s.item]
      && canWriteLayer('unit', l.state, l.roles.roles, items.get(s.item)!.area, l.roles.areas));
    const ctx = svc(c);
    const t = c.var.deps.i18n.translator('id');
    const rendered = await renderDocuments(todo);
    try {
      await ctx.db.transaction(async (tx) => {
        for (const s of todo) {
          await acceptSuggestion({ ...ctx, db: tx }, c.var.scope!, c.var.deps.files, t, { worksheetId: l.f.w.id, code: s.item, rev: l.layers.unit.rows.get(s.item)?.rev ?? '' }, s, SUBJECT, rendered);
        }
      });
      flash(c, 'success', todo.length ? 'lke.suggest.accepted_all' : 'lke.suggest.nothing');
    } catch (err) {
      if (!(err instanceof DomainError) || (err.kind !== 'conflict' && err.kind !== 'validation')) throw err;
      flash(c, 'error', err.code === 'lke.answer.stale' ? 'lke.suggest.stale' : err.code);
    }
    return c.redirect(back, 303);
  });

  // ---------------------------------------------------------------- transitions
  r.post('/lke/:id{[0-9a-f-]{36}}/transition', 'lke.transition', async (c) => {
    const f = await loadWorksheet(c);
    const form = await formOf(c);
    const t = form.transition as Transition;
    if (!['submit', 'start_review', 'return', 'evaluate', 'reopen', 'recommend'].includes(t)) throw new DomainError('validation', 'lke.transition.unknown');
    try {
      await transitionWorksheet(svc(c), c.var.scope!, { worksheetId: f.w.id, transition: t, version: Number(form.version), note: form.note ?? null, conclusion: form.conclusion ?? null });
      flash(c, 'success', `lke.transition.${t}.done`);
    } catch (err) {
      // the TPI has not decided every item: say how many, and offer to decide them (nothing changed)
      if (err instanceof DomainError && err.code === 'lke.transition.unreviewed') return renderRemaining(c, err, 409);
      if (err instanceof DomainError && (err.kind === 'validation' || err.kind === 'conflict')) {
        flash(c, 'error', Object.values(err.fieldErrors)[0] ?? err.code);
      } else throw err;
    }
    return c.redirect(`/lke/${f.w.id}`, 303);
  });

  // ---------------------------------------------------------------- the rest of the review at once
  /**
   * The items without a TPI decision, and (for the TPI, during review) the confirmation to accept the
   * unit's value for all of them. Also the answer to an "evaluate" refused for want of decisions.
   */
  async function renderRemaining(c: HttpCtx, refused: DomainError | null = null, status = 200) {
    const v = await pageView(c);
    const l = await loadAll(c);
    const { f, rs, state } = l;
    const items = indexOf(rs).items;
    const n = l.review.undecided.length;
    const canAccept = canWriteLayer('tpi', state, l.roles.roles, null, []) && v.can('lke.review', f.w.unitId);
    const stale = new Set(l.review.stale);
    return c.html(
      <Layout v={v} title={v.t('lke.review.remaining.title')} crumbs={crumbs(v, f, [{ href: `/lke/${f.w.id}/review`, label: v.t('lke.review.title') }, { label: v.t('lke.review.remaining.title') }])} narrow>
        <PageHeader title={v.t('lke.review.remaining.title')} lead={v.t('lke.review.remaining.lead', { unit: f.unitName, year: f.w.year })} />
        {refused ? (
          <div class="error-summary" role="alert" tabindex={-1} data-focus>
            <h2 class="error-summary__title">{v.t('lke.transition.evaluate.refused')}</h2>
            <p>{v.t('lke.transition.unreviewed', { n: v.num(n), total: v.num(rs.items.length) })}</p>
          </div>
        ) : null}
        <SummaryList rows={[
          [v.t('lke.progress.reviewed'), v.t('lke.progress.of', { n: v.num(l.review.decided), max: v.num(rs.items.length) })],
          [v.t('lke.review.remaining.accepted'), v.num(l.review.accepted)],
          [v.t('lke.review.remaining.own'), v.num(l.review.own)],
          [v.t('lke.review.remaining.open'), v.num(n)],
        ]} />
        {n === 0 ? <p>{v.t('lke.review.remaining.none')}</p> : (
          <>
            {canAccept ? (
              <section class="card">
                <h2>{v.t('lke.review.remaining.confirm_title', { n: v.num(n) })}</h2>
                <p>{v.t('lke.review.remaining.confirm', { n: v.num(n) })}</p>
                <form method="post" action={`/lke/${f.w.id}/review/remaining`} class="form" novalidate>
                  <Csrf v={v} />
                  <input type="hidden" name="version" value={String(f.w.version)} />
                  <input type="hidden" name="n" value={String(n)} />
                  <div class="form__actions">
                    <button class="button button--primary" type="submit">{v.t('lke.review.remaining.submit', { n: v.num(n) })}</button>
                    <a class="button button--secondary" href={`/lke/${f.w.id}`}>{v.t('lke.review.remaining.cancel')}</a>
                  </div>
                </form>
              </section>
            ) : null}
            <section class="card">
              <h2>{v.t('lke.review.remaining.items', { n: v.num(n) })}</h2>
              <ul class="plain-list">
                {l.review.undecided.map((code) => (
                  <li><a href={`/lke/${f.w.id}/items/${code}#review`}>{code}</a> {tx(v, items.get(code)!.question)} — <span class="muted">{answerText(v, items.get(code)!, l.eff.unit[code], l.options)}{stale.has(code) ? ` · ${v.t('lke.review.remaining.stale')}` : ''}</span></li>
                ))}
              </ul>
            </section>
          </>
        )}
        <p><a href={`/lke/${f.w.id}`}>{v.t('lke.review.remaining.back')}</a></p>
      </Layout>, status as 200,
    );
  }

  r.get('/lke/:id{[0-9a-f-]{36}}/review/remaining', 'lke.view', (c) => renderRemaining(c));
  r.post('/lke/:id{[0-9a-f-]{36}}/review/remaining', 'lke.review', async (c) => {
    const f = await loadWorksheet(c);
    const form = await formOf(c);
    const version = /^\d{1,9}$/.test(form.version ?? '') ? Number(form.version) : -1;
    const n = /^\d{1,4}$/.test(form.n ?? '') ? Number(form.n) : -1;
    try {
      await acceptRemaining(svc(c), c.var.scope!, { worksheetId: f.w.id, version, n });
      flash(c, 'success', 'lke.review.remaining.done');
      return c.redirect(`/lke/${f.w.id}`, 303);
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'conflict') {
        flash(c, 'error', err.code === 'lke.worksheet.stale' ? 'lke.review.remaining.stale_post' : err.code);
        return c.redirect(`/lke/${f.w.id}/review/remaining`, 303);
      }
      throw err;
    }
  });

  // ---------------------------------------------------------------- side by side
  r.get('/lke/:id{[0-9a-f-]{36}}/review', 'lke.view', async (c) => {
    const v = await pageView(c);
    const l = await loadAll(c);
    const { f, rs } = l;
    const onlyDiff = c.req.query('only') !== 'all';
    const diffs = new Map(compareLayers(rs, l.eff.unit, l.eff.tpi, l.options).map((d) => [d.item, d]));
    const tpnDiffs = new Map(compareLayers(rs, l.eff.tpi, l.eff.tpn, l.options).map((d) => [d.item, d]));
    const rows = rs.items.filter((i) => !onlyDiff || diffs.has(i.code) || tpnDiffs.has(i.code));
    const lost = [...diffs.values()].reduce((s, d) => s + d.delta, 0);
    const undecided = new Set(l.review.undecided);
    return c.html(
      <Layout v={v} title={v.t('lke.review.title')} crumbs={crumbs(v, f, [{ label: v.t('lke.review.title') }])}>
        <PageHeader title={v.t('lke.review.title')} lead={v.t(l.hasTpn ? 'lke.review.lead_tpn' : 'lke.review.lead', { unit: f.unitName, year: f.w.year })} />
        <SummaryList rows={[
          [v.t('lke.layer.unit'), pts(v, l.scores.unit.total)],
          [v.t('lke.layer.tpi'), pts(v, l.scores.tpi.total)],
          ...(l.hasTpn ? [[v.t('lke.layer.tpn'), pts(v, l.scores.tpn.total)] as [string, string]] : []),
          [v.t('lke.review.differences'), v.t('lke.review.diff_summary', { n: diffs.size, delta: signed(v, lost) })],
          [v.t('lke.progress.reviewed'), v.t('lke.progress.of', { n: v.num(l.review.decided), max: v.num(rs.items.length) })],
        ]} />
        {l.review.undecided.length && l.state === 'under_review' ? <p>{v.t('lke.review.remaining_count', { n: v.num(l.review.undecided.length) })} <a href={`/lke/${f.w.id}/review/remaining`}>{canWriteLayer('tpi', l.state, l.roles.roles, null, []) ? v.t('lke.review.remaining_link') : v.t('lke.review.remaining_list')}</a></p> : null}
        <p><a href={`/lke/${f.w.id}/review?only=${onlyDiff ? 'all' : 'diff'}`}>{onlyDiff ? v.t('lke.review.show_all') : v.t('lke.review.show_diff')}</a></p>
        <DataTable v={v} caption={v.t('lke.review.title')} empty={v.t('lke.review.no_diff')} rows={rows} columns={[
          { key: 'code', label: v.t('lke.col.code'), render: (i) => <a href={`/lke/${f.w.id}/items/${i.code}#review`}>{i.code}</a> },
          { key: 'q', label: v.t('lke.col.question'), render: (i) => <span class="clamp">{tx(v, i.question)}</span> },
          { key: 'unit', label: v.t('lke.layer.unit'), render: (i) => answerText(v, i, l.eff.unit[i.code], l.options) },
          { key: 'tpi', label: v.t('lke.layer.tpi'), render: (i) => <>{answerText(v, i, l.eff.tpi[i.code], l.options)}{undecided.has(i.code) ? <> <span class="muted">({v.t('lke.review.not_reviewed_short')})</span></> : null}</> },
          ...(l.hasTpn ? [{ key: 'tpn', label: v.t('lke.layer.tpn'), render: (i: RuleItem) => answerText(v, i, l.eff.tpn[i.code], l.options) }] : []),
          { key: 'delta', label: v.t('lke.col.delta'), numeric: true, render: (i) => signed(v, diffs.get(i.code)?.delta ?? 0) },
          { key: 'note', label: v.t('lke.review.note'), render: (i) => l.layers.tpi.rows.get(i.code)?.note ?? '' },
        ]} />
      </Layout>,
    );
  });

  // ---------------------------------------------------------------- verdict
  r.get('/lke/:id{[0-9a-f-]{36}}/verdict', 'lke.view', async (c) => renderVerdict(c));

  async function renderVerdict(c: HttpCtx, errors: FieldErrors = {}, status = 200) {
    const v = await pageView(c);
    const l = await loadAll(c);
    const { f, rs, state } = l;
    const q = c.req.query('layer');
    const layer: Layer = isLayer(q) ? q : verdictLayer(state, l.hasTpn);
    const given = f.w.prerequisites as Record<string, unknown>;
    const verdict = judge(rs, l.scores[layer], given);
    const plans = Object.fromEntries(PREDICATES.map((p) => [p, verdict[p].eligible ? null : whatWouldItTake(rs, l.eff[layer], p, l.options)])) as Record<Predicate, ReturnType<typeof whatWouldItTake> | null>;
    const byCode = indexOf(rs).items;
    const canEdit = v.can('lke.settings', f.w.unitId) && (((state === 'draft' || state === 'returned') && l.roles.roles.some((x) => ['zi_ketua', 'zi_sekretaris', 'unit_head'].includes(x))) || (state === 'under_review' && l.roles.roles.includes('tpi_evaluator')));
    return c.html(
      <Layout v={v} title={v.t('lke.verdict.title')} crumbs={crumbs(v, f, [{ label: v.t('lke.verdict.title') }])}>
        <PageHeader title={v.t('lke.verdict.title')} lead={v.t('lke.verdict.lead', { unit: f.unitName, year: f.w.year })} />
        <ErrorSummary v={v} errors={errors} />
        <nav class="tabs" aria-label={v.t('lke.verdict.layer')}>
          <ul>{(['unit', 'tpi', 'tpn'] as Layer[]).filter((x) => x === 'unit' || (x === 'tpi' && l.hasTpi) || (x === 'tpn' && l.hasTpn)).map((x) => (
            <li><a href={`/lke/${f.w.id}/verdict?layer=${x}`} aria-current={x === layer ? 'page' : undefined}>{v.t(`lke.layer.${x}`)}</a></li>
          ))}</ul>
        </nav>
        {PREDICATES.map((p) => (
          <section class="card">
            <h2>{v.t(`lke.predicate.${p}`)}: {verdict[p].eligible ? <Badge tone="success">{v.t('lke.eligible')}</Badge> : <Badge tone="danger">{v.t('lke.not_eligible')}</Badge>}</h2>
            <DataTable v={v} caption={v.t(`lke.predicate.${p}`)} empty="" rows={verdict[p].criteria} columns={[
              { key: 'label', label: v.t('lke.col.criterion'), render: (x) => tx(v, x.label) },
              { key: 'actual', label: v.t('lke.col.actual'), numeric: true, render: (x) => (x.unit === '%' ? pct(v, x.actual) : pts(v, x.actual)) },
              { key: 'required', label: v.t('lke.col.required'), numeric: true, render: (x) => `≥ ${x.unit === '%' ? pct(v, x.required) : pts(v, x.required)}` },
              { key: 'ok', label: v.t('lke.col.status'), render: (x) => <Pass v={v} ok={x.passed} /> },
            ]} />
            {verdict[p].failures.length ? (
              <>
                <h3>{v.t('lke.verdict.gaps')}</h3>
                <ul>{verdict[p].failures.map((x) => <li>{tx(v, x.message)}</li>)}</ul>
              </>
            ) : null}
            {plans[p] ? (
              <>
                <h3>{v.t('lke.plan.title')}</h3>
                {plans[p]!.changes.length ? (
                  <ol>
                    {plans[p]!.changes.map((ch) => {
                      const it = byCode.get(ch.item)!;
                      return <li><a href={`/lke/${f.w.id}/items/${it.code}`}>{it.code}</a> {tx(v, it.question)}: {answerText(v, it, ch.from, l.options)} → <strong>{answerText(v, it, ch.to, l.options)}</strong> (+{pts(v, ch.gain)})</li>;
                    })}
                  </ol>
                ) : null}
                <p class={plans[p]!.closesAll ? 'muted' : 'alert alert--warning'}>{plans[p]!.closesAll ? v.t('lke.plan.closes') : v.t('lke.plan.cannot', { n: plans[p]!.remaining.length })}</p>
              </>
            ) : null}
            <h3>{v.t('lke.prereq.title')}</h3>
            <DataTable v={v} caption={v.t('lke.prereq.title')} empty="" rows={verdict[p].prerequisites} columns={[
              { key: 'label', label: v.t('lke.col.prerequisite'), render: (x) => tx(v, x.label) },
              { key: 'given', label: v.t('lke.col.given'), render: (x) => prereqText(v, x.given) },
              { key: 'required', label: v.t('lke.col.required'), render: (x) => prereqText(v, x.required) },
              { key: 'status', label: v.t('lke.col.status'), render: (x) => <Badge tone={x.status === 'met' ? 'success' : x.status === 'not_met' ? 'danger' : 'neutral'}>{v.t(`lke.prereq.${x.status}`)}</Badge> },
            ]} />
          </section>
        ))}
        {canEdit ? (
          <section class="card">
            <h2>{v.t('lke.prereq.edit')}</h2>
            <form method="post" action={`/lke/${f.w.id}/prerequisites`} class="form" novalidate>
              <Csrf v={v} />
              <input type="hidden" name="version" value={String(f.w.version)} />
              {rs.prerequisites.map((p) => p.kind === 'boolean'
                ? <SelectField v={v} name={p.id} label={tx(v, p.label)} errors={errors} value={given[p.id] === undefined ? '' : String(given[p.id])} placeholder={v.t('lke.prereq.not_given')} options={[{ value: 'true', label: v.t('ui.yes') }, { value: 'false', label: v.t('ui.no') }]} />
                : p.kind === 'grade'
                  ? <SelectField v={v} name={p.id} label={tx(v, p.label)} errors={errors} value={String(given[p.id] ?? '')} placeholder={v.t('lke.prereq.not_given')} options={[...p.scale].reverse().map((g) => ({ value: g, label: g }))} />
                  : <TextField v={v} name={p.id} label={`${tx(v, p.label)}${p.unit ? ` (${p.unit})` : ''}`} errors={errors} value={given[p.id] === undefined ? '' : String(given[p.id])} inputmode="decimal" width="short" />)}
              <div class="form__actions"><button class="button button--primary" type="submit">{v.t('ui.save')}</button></div>
            </form>
          </section>
        ) : null}
        {rs.notes.length ? <section class="card"><h2>{v.t('lke.ruleset.notes')}</h2><ul>{rs.notes.map((n) => <li>{tx(v, n)}</li>)}</ul></section> : null}
      </Layout>, status as 200,
    );
  }

  r.post('/lke/:id{[0-9a-f-]{36}}/prerequisites', 'lke.settings', async (c) => {
    const f = await loadWorksheet(c);
    const form = await formOf(c);
    const rs = getRuleSet(f.w.rulesetId);
    const raw: Record<string, unknown> = {};
    for (const p of rs.prerequisites) if (form[p.id] !== undefined && form[p.id] !== '') raw[p.id] = form[p.id];
    try {
      await savePrerequisites(svc(c), c.var.scope!, f.w.id, Number(form.version), raw);
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'validation') return renderVerdict(c, Object.keys(err.fieldErrors).length ? err.fieldErrors : { _: err.code }, 400);
      if (err instanceof DomainError && err.kind === 'conflict') {
        flash(c, 'error', err.code);
        return c.redirect(`/lke/${f.w.id}/verdict`, 303);
      }
      throw err;
    }
    flash(c, 'success', 'lke.prereq.saved');
    return c.redirect(`/lke/${f.w.id}/verdict`, 303);
  });

  // ---------------------------------------------------------------- settings
  r.get('/lke/:id{[0-9a-f-]{36}}/settings', 'lke.settings', async (c) => {
    const v = await pageView(c);
    const l = await loadAll(c);
    const { f, rs } = l;
    const others = listRuleSets().filter((x) => x.status === 'current' && x.id !== rs.id);
    return c.html(
      <Layout v={v} title={v.t('lke.settings.title')} crumbs={crumbs(v, f, [{ label: v.t('lke.settings.title') }])} narrow>
        <PageHeader title={v.t('lke.settings.title')} lead={tx(v, rs.title)} />
        <DroppedList v={v} raw={c.req.query('dropped')} />
        <form method="post" action={`/lke/${f.w.id}/options`} class="form card" novalidate>
          <Csrf v={v} />
          <input type="hidden" name="version" value={String(f.w.version)} />
          <h2>{v.t('lke.options.title')}</h2>
          {(Object.keys(rs.defaults) as (keyof RuleSetOptions)[]).map((k) => (
            <SelectField v={v} name={k} label={v.t(`lke.option.${k}`)} hint={tx(v, rs.optionDocs[k].why)} value={l.options[k]}
              options={rs.optionDocs[k].values.map((x) => ({ value: x, label: `${v.t(`lke.option.${k}.${x}`)}${x === rs.defaults[k] ? ` (${v.t('lke.option.default')})` : ''}` }))} />
          ))}
          <div class="form__actions"><button class="button button--primary" type="submit">{v.t('ui.save')}</button></div>
        </form>
        {others.length ? (
          <form method="post" action={`/lke/${f.w.id}/ruleset`} class="form card" novalidate>
            <Csrf v={v} />
            <input type="hidden" name="version" value={String(f.w.version)} />
            <h2>{v.t('lke.ruleset.change')}</h2>
            <p class="muted">{v.t('lke.ruleset.change.hint')}</p>
            <SelectField v={v} name="ruleset" label={v.t('lke.field.ruleset')} required options={others.map((x) => ({ value: x.id, label: tx(v, x.title) }))} />
            <div class="form__actions"><button class="button button--secondary" type="submit">{v.t('lke.ruleset.change.submit')}</button></div>
          </form>
        ) : <p class="muted">{v.t('lke.ruleset.no_other')}</p>}
      </Layout>,
    );
  });

  r.post('/lke/:id{[0-9a-f-]{36}}/options', 'lke.settings', async (c) => {
    const f = await loadWorksheet(c);
    const form = await formOf(c);
    const raw: Record<string, string> = {};
    for (const k of ['optionValues', 'areaMinimum', 'complaintFormula', 'zeroDenominator']) if (form[k]) raw[k] = form[k]!;
    try {
      await saveOptions(svc(c), c.var.scope!, f.w.id, Number(form.version), raw);
      flash(c, 'success', 'lke.options.saved');
    } catch (err) {
      if (!(err instanceof DomainError) || (err.kind !== 'validation' && err.kind !== 'conflict')) throw err;
      flash(c, 'error', err.kind === 'validation' ? 'lke.options.invalid' : err.code);
    }
    return c.redirect(`/lke/${f.w.id}/settings`, 303);
  });

  r.post('/lke/:id{[0-9a-f-]{36}}/ruleset', 'lke.settings', async (c) => {
    const f = await loadWorksheet(c);
    const form = await formOf(c);
    try {
      const res = await changeRuleSet(svc(c), c.var.scope!, f.w.id, Number(form.version), form.ruleset ?? '');
      flash(c, 'success', res.dropped.length ? 'lke.ruleset.changed_dropped' : 'lke.ruleset.changed');
      return c.redirect(`/lke/${f.w.id}/settings${droppedQuery(res.dropped)}`, 303);
    } catch (err) {
      if (!(err instanceof DomainError) || (err.kind !== 'validation' && err.kind !== 'conflict')) throw err;
      flash(c, 'error', Object.values(err.fieldErrors)[0] ?? err.code);
    }
    return c.redirect(`/lke/${f.w.id}/settings`, 303);
  });

  // ---------------------------------------------------------------- export, LHE
  r.get('/lke/:id{[0-9a-f-]{36}}/export.xlsx', 'lke.view', async (c) => {
    const l = await loadAll(c);
    const { f, rs } = l;
    const db = c.var.deps.db;
    const [regency, evidence] = await Promise.all([findRegency(db), listEvidenceFor(db, SUBJECT, f.w.id)]);
    const base = c.var.deps.config.publicUrl;
    const links: Record<string, { title: string; url: string }[]> = {};
    for (const [code, list] of evidence) links[code] = list.map((e) => ({ title: e.title, url: e.kind === 'url' ? e.url! : `${base}/evidence/files/${e.fileId}` }));
    const buf = await exportWorkbook({
      ruleset: rs, options: l.options, regency: regency?.name ?? '', unit: { code: f.unitCode, name: f.unitName }, year: f.w.year,
      stateLabel: c.var.t(`lke.state.${f.w.state}`),
      layers: { unit: l.eff.unit, tpi: l.hasTpi ? l.eff.tpi : {}, tpn: l.hasTpn ? l.eff.tpn : undefined },
      notes: { unit: l.layers.unit.notes, tpi: l.layers.tpi.notes }, evidence: links, locale: c.var.locale,
    });
    return new Response(new Uint8Array(buf), { headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="LKE-${f.unitCode}-${f.w.year}.xlsx"`,
      'Cache-Control': 'private, no-store',
    } });
  });

  r.get('/lke/:id{[0-9a-f-]{36}}/lhe.pdf', 'lke.view', async (c) => {
    const l = await loadAll(c);
    const { f, rs, state } = l;
    if (state !== 'evaluated' && state !== 'recommended') throw new DomainError('conflict', 'lke.export.lhe_after');
    const db = c.var.deps.db;
    const [regency, events, allUnits] = await Promise.all([findRegency(db), listEvents(db, f.w.id), listUnits(db, { all: true })]);
    const inspectorate = allUnits.find((u) => u.kind === 'inspektorat')?.name
      ?? `Inspektorat ${(regency?.name ?? '').replace(/^Pemerintah\s+/i, '')}`.trim();
    const evaluators = [...new Set([...l.layers.tpi.rows.values()].map((r) => r.by).filter((x): x is string => !!x))];
    const diffs = compareLayers(rs, l.eff.unit, l.eff.tpi, l.options);
    const byCode = indexOf(rs).items;
    const locale = c.var.locale;
    const pdf = renderLhePdf({
      locale, regency: regency?.name ?? '', inspectorate,
      unit: { code: f.unitCode, name: f.unitName }, year: f.w.year, ruleset: rs, options: l.options,
      state, stateLabel: c.var.t(`lke.state.${state}`), evaluatedAt: f.w.evaluatedAt, evaluators,
      conclusion: (f.w.conclusion as 'memenuhi' | 'belum_memenuhi' | null) ?? null, conclusionNote: f.w.conclusionNote,
      scores: { unit: l.scores.unit, tpi: l.scores.tpi },
      review: { items: rs.items.length, reviewed: l.review.decided, changed: diffs.length },
      verdict: judge(rs, l.scores.tpi, f.w.prerequisites as Record<string, unknown>),
      differences: diffs.map((d) => {
        const it = byCode.get(d.item)!;
        return { item: d.item, question: it.question.id, unitAnswer: describeAnswer(it, d.a, locale, l.options), tpiAnswer: describeAnswer(it, d.b, locale, l.options), delta: d.delta, note: l.layers.tpi.notes[d.item] ?? null };
      }),
      notes: events.filter(({ e }) => e.toState === 'returned' && e.note).map(({ e, by }) => `${regencyToday(e.at)} ${by ?? ''}: ${e.note}`).reverse(),
    });
    return pdfResponse(pdf, `LHE-${f.unitCode}-${f.w.year}.pdf`);
  });

  // ---------------------------------------------------------------- import
  async function renderImport(c: HttpCtx, report: { row: number; item?: string; message: string }[] | null, status = 200) {
    const v = await pageView(c);
    const f = await loadWorksheet(c);
    return c.html(
      <Layout v={v} title={v.t('lke.import.title')} crumbs={crumbs(v, f, [{ label: v.t('lke.import.title') }])} narrow>
        <PageHeader title={v.t('lke.import.title')} lead={v.t('lke.import.lead')} />
        {report ? (
          <div class="error-summary" role="alert" tabindex={-1} data-focus>
            <h2 class="error-summary__title">{v.t('lke.import.refused', { n: report.length })}</h2>
            <ScrollRegion label={v.t('lke.import.report')}><table class="table">
              <thead><tr><th scope="col">{v.t('lke.import.row')}</th><th scope="col">{v.t('lke.col.code')}</th><th scope="col">{v.t('lke.import.problem')}</th></tr></thead>
              <tbody>{report.slice(0, 200).map((e) => <tr><td data-label={v.t('lke.import.row')}>{e.row || '—'}</td><td data-label={v.t('lke.col.code')}>{e.item ?? ''}</td><td data-label={v.t('lke.import.problem')}>{e.message}</td></tr>)}</tbody>
            </table></ScrollRegion>
          </div>
        ) : null}
        <form method="post" action={`/lke/${f.w.id}/import`} enctype="multipart/form-data" class="form" novalidate>
          <Csrf v={v} />
          <input type="hidden" name="version" value={String(f.w.version)} />
          <div class="field" id="f-file">
            <label class="field__label" for="f-xlsx">{v.t('lke.import.file')}</label>
            <div class="field__hint">{v.t('lke.import.file.hint')}</div>
            <input class="input" type="file" id="f-xlsx" name="file" accept=".xlsx" required />
          </div>
          <div class="form__actions"><button class="button button--primary" type="submit">{v.t('lke.import.submit')}</button></div>
        </form>
      </Layout>, status as 200,
    );
  }

  r.get('/lke/:id{[0-9a-f-]{36}}/import', 'lke.import', (c) => renderImport(c, null));
  r.post('/lke/:id{[0-9a-f-]{36}}/import', 'lke.import', { files: 1 }, async (c) => {
    const f = await loadWorksheet(c);
    const body = await c.req.parseBody();
    const file = chosenFiles(body, 'file')[0];
    const t = c.var.t;
    if (!file) return renderImport(c, [{ row: 0, message: t('lke.import.no_file') }], 400);
    if (file.size > MAX_XLSX_BYTES) return renderImport(c, [{ row: 0, message: t('lke.import.too_large', { mb: MAX_XLSX_BYTES / 1024 / 1024 }) }], 400);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const res = await readWorkbook(bytes, findRuleSet);
    const errors = res.errors.map((e) => ({ row: e.row, item: e.item, message: t(e.code, e.params) }));
    if (!errors.length && res.rulesetId !== f.w.rulesetId) errors.push({ row: 0, item: undefined, message: t('lke.import.other_ruleset', { ruleset: res.rulesetId ?? '—' }) });
    if (errors.length) return renderImport(c, errors, 400);
    try {
      await replaceUnitLayer(svc(c), c.var.scope!, f.w.id, Number(typeof body.version === 'string' ? body.version : NaN), { answers: res.answers, notes: res.notes }, (file as File).name.slice(0, 200));
    } catch (err) {
      if (err instanceof DomainError && (err.kind === 'conflict' || err.kind === 'validation')) return renderImport(c, [{ row: 0, message: t(Object.values(err.fieldErrors)[0] ?? err.code, err.params) }], 409);
      throw err;
    }
    flash(c, 'success', 'lke.import.done');
    return c.redirect(`/lke/${f.w.id}`, 303);
  });

  // ---------------------------------------------------------------- rule sets (read-only documentation)
  r.get('/lke/rulesets', 'lke.rulesets', async (c) => {
    const v = await pageView(c);
    return c.html(
      <Layout v={v} title={v.t('lke.rulesets.title')} crumbs={crumbs(v, undefined, [{ label: v.t('lke.rulesets.title') }])}>
        <PageHeader title={v.t('lke.rulesets.title')} lead={v.t('lke.rulesets.lead')} />
        <DataTable v={v} caption={v.t('lke.rulesets.title')} empty="" rows={listRuleSets()} columns={[
          { key: 'id', label: 'ID', render: (x) => <a href={`/lke/rulesets/${x.id}`}><code>{x.id}</code></a> },
          { key: 'title', label: v.t('lke.col.title'), render: (x) => tx(v, x.title) },
          { key: 'years', label: v.t('lke.col.years'), render: (x) => `${x.fromYear}–${x.toYear ?? ''}` },
          { key: 'status', label: v.t('lke.field.state'), render: (x) => <Badge tone={x.status === 'current' ? 'success' : 'neutral'}>{v.t(`lke.ruleset.status.${x.status}`)}</Badge> },
          { key: 'items', label: v.t('lke.col.items'), numeric: true, render: (x) => v.num(x.items.length) },
        ]} />
      </Layout>,
    );
  });

  r.get('/lke/rulesets/:rs{[a-z0-9-]{3,60}}', 'lke.rulesets', async (c) => {
    const rs = findRuleSet(c.req.param('rs') ?? '');
    if (!rs) throw notFound();
    const v = await pageView(c);
    const src = (s?: { tag: string; ref: string }) => (s ? ` [${s.tag}: ${s.ref}]` : '');
    return c.html(
      <Layout v={v} title={rs.id} crumbs={crumbs(v, undefined, [{ href: '/lke/rulesets', label: v.t('lke.rulesets.title') }, { label: rs.id }])}>
        <PageHeader title={tx(v, rs.title)} lead={`${rs.regulation} · ${rs.fromYear}–${rs.toYear ?? ''}`} />
        {rs.status !== 'current' ? <div class="alert alert--warning">{v.t('lke.ruleset.revoked_notice')}</div> : null}
        {rs.partial ? <div class="alert alert--warning">{v.t('lke.ruleset.partial_notice')}</div> : null}
        <section class="card">
          <h2>{v.t('lke.rulesets.structure')}</h2>
          <ScrollRegion label={v.t('lke.rulesets.structure')}><table class="table">
            <thead><tr><th scope="col">{v.t('lke.col.code')}</th><th scope="col">{v.t('lke.col.title')}</th><th scope="col" class="num">{v.t('lke.scores.weight')}</th><th scope="col" class="num">{v.t('lke.col.items')}</th></tr></thead>
            <tbody>{rs.nodes.map((n) => (
              <tr class={n.kind === 'sub' ? undefined : 'table__total'}>
                <td data-label={v.t('lke.col.code')}>{n.code}</td>
                <td data-label={v.t('lke.col.title')}>{tx(v, n.title)}<span class="muted">{src(n.source)}</span></td>
                <td class="num" data-label={v.t('lke.scores.weight')}>{pts(v, n.weight)}</td>
                <td class="num" data-label={v.t('lke.col.items')}>{n.kind === 'sub' ? v.num(rs.items.filter((i) => i.sub === n.code).length) : ''}</td>
              </tr>
            ))}</tbody>
          </table></ScrollRegion>
        </section>
        <section class="card">
          <h2>{v.t('lke.rulesets.thresholds')}</h2>
          {PREDICATES.map((p) => (
            <><h3>{v.t(`lke.predicate.${p}`)}</h3><ul>{rs.thresholds[p].map((t) => <li>{tx(v, t.label)}: ≥ {t.kind === 'areaPercent' ? `${v.num(t.minPercent)} %` : pts(v, t.min)}<span class="muted">{src(t.source)}</span></li>)}</ul></>
          ))}
        </section>
        <section class="card">
          <h2>{v.t('lke.options.title')}</h2>
          <ul>{(Object.keys(rs.defaults) as (keyof RuleSetOptions)[]).map((k) => <li><strong>{v.t(`lke.option.${k}`)}</strong>: {v.t(`lke.option.${k}.${rs.defaults[k]}`)} — {tx(v, rs.optionDocs[k].why)}<span class="muted">{src(rs.optionDocs[k].source)}</span></li>)}</ul>
        </section>
        <section class="card">
          <h2>{v.t('lke.rulesets.sources')}</h2>
          <ul>{rs.sources.map((s) => <li>[{s.tag}] {s.ref}</li>)}</ul>
          {rs.notes.length ? <ul>{rs.notes.map((n) => <li>{tx(v, n)}</li>)}</ul> : null}
        </section>
      </Layout>,
    );
  });
}

// ---------------------------------------------------------------- components and helpers

/** Event notes: "clone:2025" and "memenuhi: …" are stored compactly and shown in words. */
/** "+0,34", "−0,13" (a real minus sign), "0". */
function signed(v: View, n: number): string {
  if (Math.abs(n) < 5e-5) return '0';
  return `${n > 0 ? '+' : '−'}${pts(v, Math.abs(n))}`;
}

function historyNote(v: View, toState: string, note: string): string {
  if (note.startsWith('clone:')) return v.t('lke.history.cloned', { year: note.slice(6) });
  if (toState === 'evaluated') {
    const m = /^(memenuhi|belum_memenuhi)(?:: ([\s\S]*))?$/.exec(note);
    if (m) return `${v.t(`lke.conclusion.${m[1]}`)}${m[2] ? ` — ${m[2]}` : ''}`;
  }
  return note;
}

/** What could not be carried to a new worksheet or rule set travels once in the redirect's query. */
function droppedQuery(dropped: { item: string; reason: string }[]): string {
  if (!dropped.length) return '';
  return `?dropped=${encodeURIComponent(dropped.slice(0, 150).map((d) => `${d.item}:${d.reason}`).join(','))}`;
}

function DroppedList({ v, raw }: { v: View; raw: string | undefined }) {
  if (!raw) return null;
  const entries = raw.split(',').slice(0, 150)
    .map((e) => /^([A-Za-z0-9.]{1,24}):(unknown_item|type_changed|invalid)$/.exec(e))
    .filter((m): m is RegExpExecArray => !!m);
  if (!entries.length) return null;
  return (
    <div class="alert alert--warning" role="status">
      <strong>{v.t('lke.dropped.title', { n: entries.length })}</strong>
      <ul>{entries.map((m) => <li><code>{m[1]}</code> — {v.t(`lke.dropped.${m[2]}`)}</li>)}</ul>
    </div>
  );
}

function sectionOfItem(rs: RuleSet, item: RuleItem): string {
  if (item.area === null) return 'B';
  return item.sub.split('.').slice(0, 3).join('.');
}

function safeBack(back: string | undefined, id: string, code: string, hash = ''): string {
  if (back && back.startsWith(`/lke/${id}/`) && !back.includes('//')) return `${back}${hash}`;
  if (back && /^(section=[A-Za-z0-9.]{1,12}|filter=[a-z]{1,12})$/.test(back)) return `/lke/${id}/items?${back}#i-${code.replace(/\./g, '_')}`;
  return `/lke/${id}/items/${code}${hash}`;
}

function itemValueText(v: View, l: Loaded, item: RuleItem): string {
  const s = l.scores.unit.items[item.code]!;
  if (s.value === null) return v.t('lke.answer.none');
  return `${answerText(v, item, l.eff.unit[item.code], l.options)} · ${v.t('lke.item.value_points', { value: v.num(s.value, 2), points: pts(v, s.score) })}`;
}

function rawFormAnswer(item: RuleItem, form: Record<string, string>) {
  const raw = rawAnswerOf(item, form);
  if (typeof raw === 'string') return raw ? ({ option: raw } as never) : null;
  if (raw && typeof raw === 'object' && 'inputs' in (raw as object)) {
    const inputs = Object.fromEntries(Object.entries((raw as { inputs: Record<string, string> }).inputs).map(([k, x]) => [k, Number(x)]));
    return { inputs } as never;
  }
  return null;
}

function prereqText(v: View, x: unknown): string {
  if (x === undefined || x === null || x === '') return '—';
  if (x === true) return v.t('ui.yes');
  if (x === false) return v.t('ui.no');
  return typeof x === 'number' ? v.num(x, Number.isInteger(x) ? 0 : 2) : String(x);
}

function ItemCard({ v, l, item, evidence, back }: { v: View; l: Loaded; item: RuleItem; evidence: number; back: string }) {
  const { f, state } = l;
  const canUnit = canWriteLayer('unit', state, l.roles.roles, item.area, l.roles.areas) && v.can('lke.answer', f.w.unitId);
  const row = l.layers.unit.rows.get(item.code);
  const warn = needsEvidence(l.scores.unit, item.code, new Map([[item.code, evidence]]));
  const anchor = `i-${item.code.replace(/\./g, '_')}`;
  const tpiDiffers = l.hasTpi && l.layers.tpi.rows.get(item.code)?.answer;
  return (
    <article class="lke-item" id={anchor}>
      <header class="lke-item__head">
        <a class="lke-item__code" href={`/lke/${f.w.id}/items/${item.code}`}>{item.code}</a>
        <span class="muted">#{item.seq} · {v.t(`lke.type.${item.type}`)}</span>
        {evidence ? <Badge tone="info">{v.t('lke.evidence.count', { n: evidence })}</Badge> : null}
        {warn ? <Badge tone="warning">{v.t('lke.evidence.none_badge')}</Badge> : null}
        {tpiDiffers ? <Badge tone="danger">{v.t('lke.review.tpi_changed')}</Badge> : null}
      </header>
      <h3 class="lke-question">{item.question.id}</h3>
      {item.defect ? <p class="muted">⚠ {tx(v, item.defect)}</p> : null}
      {canUnit ? (
        <form method="post" action={`/lke/${f.w.id}/items/${item.code}`} class="lke-answer" data-autosave data-saved={v.t('lke.autosave.saved')} data-failed={v.t('lke.autosave.failed')} novalidate>
          <Csrf v={v} />
          <input type="hidden" name="rev" value={row?.rev ?? ''} />
          <input type="hidden" name="back" value={back} />
          <fieldset class="fieldset">
            <legend class="visually-hidden">{v.t('lke.answer.legend_for', { code: item.code })}</legend>
            <AnswerInputs v={v} item={item} value={l.eff.unit[item.code]} />
          </fieldset>
          <details class="lke-note" open={row?.note ? true : undefined}>
            <summary>{v.t('lke.note.label')}</summary>
            <label class="visually-hidden" for={`note-${anchor}`}>{v.t('lke.note.label')}</label>
            <textarea class="input" id={`note-${anchor}`} name="note" rows={2} maxlength={MAX_NOTE}>{row?.note ?? ''}</textarea>
          </details>
          <div class="lke-item__foot">
            <span data-live={`unit:item:${item.code}`}>{itemValueText(v, l, item)}</span>
            <button class="button button--small" type="submit">{v.t('ui.save')}</button>
            <span class="autosave-status" role="status"></span>
          </div>
        </form>
      ) : (
        <p><strong>{answerText(v, item, l.eff.unit[item.code], l.options)}</strong> · <span>{itemValueText(v, l, item)}</span>{row?.note ? <> · <span class="muted">{row.note}</span></> : null}</p>
      )}
      <p class="lke-item__links"><a href={`/lke/${f.w.id}/items/${item.code}#evidence`}>{v.t('lke.item.details')}</a></p>
    </article>
  );
}

function EvidenceList({ v, items, canRemove, action }: { v: View; items: EvidenceLinkView[]; canRemove: boolean; action: (linkId: string) => string }) {
  if (!items.length) return <p class="muted">{v.t('lke.evidence.empty')}</p>;
  return (
    <ul class="evidence-list">
      {items.map((e) => (
        <li>
          {e.kind === 'file'
            ? <a href={`/evidence/files/${e.fileId}`}>{e.title}</a>
            : <a href={e.url!} rel="noopener noreferrer nofollow" target="_blank">{e.title}</a>}
          <span class="muted"> · {e.kind === 'file' ? `${e.name} · ${formatFileSize(v, e.size ?? 0)}` : v.t('lke.evidence.kind_link')} · {v.date(e.attachedAt)}{e.uploaderName ? ` · ${e.uploaderName}` : ''}</span>
          {canRemove ? (
            <form method="post" action={action(e.linkId)} class="inline-form" novalidate>
              <Csrf v={v} />
              <button class="linkbutton" type="submit" aria-label={v.t('evidence.remove_named', { title: e.title })}>{v.t('lke.evidence.remove')}</button>
            </form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function ReviewForm({ v, id, item, layer, rev, value, note }: { v: View; id: string; item: RuleItem; layer: 'tpi' | 'tpn'; rev: string; value: Parameters<typeof AnswerInputs>[0]['value']; note: string }) {
  const action = `/lke/${id}/items/${item.code}/${layer === 'tpi' ? 'review' : 'tpn'}`;
  return (
    <div class="review-forms">
      {layer === 'tpi' ? (
        <form method="post" action={action} class="form" novalidate>
          <Csrf v={v} />
          <input type="hidden" name="rev" value={rev} />
          <input type="hidden" name="accept" value="1" />
          <div class="field">
            <label class="field__label" for={`acc-note-${layer}`}>{v.t('lke.review.note')} <span class="field__optional">({v.t('form.optional')})</span></label>
            <textarea class="input" id={`acc-note-${layer}`} name="note" rows={2} maxlength={MAX_NOTE}></textarea>
          </div>
          <button class="button button--primary" type="submit">{v.t('lke.review.accept')}</button>
        </form>
      ) : null}
      <form method="post" action={action} class="form" novalidate>
        <Csrf v={v} />
        <input type="hidden" name="rev" value={rev} />
        <fieldset class="fieldset">
          <legend>{layer === 'tpi' ? v.t('lke.review.own') : v.t('lke.tpn.record')}</legend>
          <AnswerInputs v={v} item={item} value={value} prefix={`${layer}-`} />
        </fieldset>
        <div class="field">
          <label class="field__label" for={`own-note-${layer}`}>{v.t('lke.review.note')}</label>
          <textarea class="input" id={`own-note-${layer}`} name="note" rows={2} maxlength={MAX_NOTE}>{note}</textarea>
        </div>
        <button class="button button--secondary" type="submit">{v.t('lke.review.save_own')}</button>
      </form>
    </div>
  );
}

function TransitionForm({ v, id, version, t, missingEvidence, unanswered, conclusion, undecided }: { v: View; id: string; version: number; t: Transition; missingEvidence: number; unanswered: number; conclusion: string | null; undecided: number }) {
  return (
    <form method="post" action={`/lke/${id}/transition`} class="form transition" novalidate>
      <Csrf v={v} />
      <input type="hidden" name="version" value={String(version)} />
      <input type="hidden" name="transition" value={t} />
      <h3>{v.t(`lke.transition.${t}`)}</h3>
      <p class="muted">{v.t(`lke.transition.${t}.hint`)}</p>
      {t === 'submit' && (unanswered > 0 || missingEvidence > 0) ? (
        <div class="alert alert--warning">
          {unanswered > 0 ? <p>{v.t('lke.transition.submit.warn_unanswered', { n: unanswered })}</p> : null}
          {missingEvidence > 0 ? <p>{v.t('lke.transition.submit.warn_evidence', { n: missingEvidence })}</p> : null}
        </div>
      ) : null}
      {t === 'return' ? (
        <div class="field"><label class="field__label" for={`note-${t}`}>{v.t('lke.transition.return.note')}</label><textarea class="input" id={`note-${t}`} name="note" rows={3} required maxlength={MAX_NOTE}></textarea></div>
      ) : null}
      {t === 'evaluate' ? (
        <>
          {undecided > 0 ? <div class="alert alert--warning"><p>{v.t('lke.transition.evaluate.warn_undecided', { n: v.num(undecided) })} <a href={`/lke/${id}/review/remaining`}>{v.t('lke.review.remaining_link')}</a></p></div> : null}
          <fieldset class="fieldset">
            <legend>{v.t('lke.conclusion.legend')}</legend>
            {CONCLUSIONS.map((x) => <label class="choice" for={`concl-${x}`}><input type="radio" id={`concl-${x}`} name="conclusion" value={x} required /> <span class="choice__text">{v.t(`lke.conclusion.${x}`)}</span></label>)}
          </fieldset>
          <div class="field"><label class="field__label" for={`note-${t}`}>{v.t('lke.conclusion.note')} <span class="field__optional">({v.t('form.optional')})</span></label><textarea class="input" id={`note-${t}`} name="note" rows={3} maxlength={MAX_NOTE}></textarea></div>
        </>
      ) : null}
      {t === 'recommend' && conclusion !== 'memenuhi' ? <p class="muted">{v.t('lke.transition.not_memenuhi')}</p> : null}
      <button class={t === 'return' ? 'button button--danger' : 'button button--primary'} type="submit">{v.t(`lke.transition.${t}.button`)}</button>
    </form>
  );
}

