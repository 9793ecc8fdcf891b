// LKE pages of the worksheet as a whole: the list, creating one, the overview with live scores, the
// review states and their forms, settings, the XLSX import and the rule sets' documentation. Each is
// a function of the view and a model its route loaded; none reads the database.
import type { Refusal } from '../../kernel/forms.ts';
import { Badge, DataTable, ErrorSummary, FileField, Form, PageHeader, Pagination, RadioGroup, ScrollRegion, SelectField, TextAreaField, TextField, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout, type Crumb } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { Progress, pts, ScoreTable, StateBadge, layerColumns, needsEvidence, tx } from './assessment.view.tsx';
import { judge, MAX_NOTE, PREDICATES } from './lke.rules.ts';
import type { RuleSet, RuleSetOptions } from './lke.types.ts';
import { availableTransitions, canWriteLayer, CONCLUSIONS, STATES, verdictLayer, type Transition } from './lke.workflow.ts';
import type { Found, ListRow, Loaded, WorksheetEvents } from './worksheet.queries.ts';

export const crumbs = (v: View, f?: Found, extra?: Crumb[]): Crumb[] => [
  { href: '/', label: v.t('nav.home') },
  { href: '/lke', label: v.t('nav.lke') },
  ...(f ? [{ href: extra?.length ? `/lke/${f.w.id}` : undefined, label: `${f.unitShort} ${f.w.year}` } as Crumb] : []),
  ...(extra ?? []),
];

// ---------------------------------------------------------------- list

export interface ListModel {
  rows: ListRow[]; total: number; years: number[]; page: number; pageSize: number;
  query: { year?: string; state?: string }; sort: string; dir: 'asc' | 'desc';
}

export function listPage(v: View, m: ListModel) {
  return (
    <Layout v={v} title={v.t('lke.list.title')} crumbs={crumbs(v)}>
      <PageHeader title={v.t('lke.list.title')} lead={v.t('lke.list.lead')}
        actions={<>{v.can('lke.create') ? <a class="button button--primary" href="/lke/new">{v.t('lke.new')}</a> : null}<a class="button button--secondary" href="/lke/rulesets">{v.t('lke.rulesets.title')}</a></>} />
      <form class="filters" method="get" action="/lke" novalidate>
        <SelectField v={v} name="year" label={v.t('lke.field.year')} value={m.query.year} placeholder={v.t('lke.all')} options={m.years.map((y) => ({ value: String(y), label: String(y) }))} />
        <SelectField v={v} name="state" label={v.t('lke.field.state')} value={m.query.state} placeholder={v.t('lke.all')} options={STATES.map((s) => ({ value: s, label: v.t(`lke.state.${s}`) }))} />
        <div class="filters__actions"><button class="button button--secondary" type="submit">{v.t('ui.filter')}</button></div>
      </form>
      <DataTable v={v} caption={v.t('lke.list.title')} empty={v.t('lke.list.empty')} rows={m.rows} sort={m.sort} dir={m.dir} query={m.query} columns={[
        { key: 'unit', label: v.t('lke.col.unit'), sortable: true, render: (x) => <a href={`/lke/${x.w.id}`}>{x.unitName}</a> },
        { key: 'year', label: v.t('lke.field.year'), sortable: true, render: (x) => String(x.w.year) },
        { key: 'state', label: v.t('lke.field.state'), sortable: true, render: (x) => <StateBadge v={v} state={x.w.state} /> },
        { key: 'unitTotal', label: v.t('lke.col.unit_total'), numeric: true, render: (x) => pts(v, x.unit.total) },
        { key: 'tpiTotal', label: v.t('lke.col.tpi_total'), numeric: true, render: (x) => (x.tpi ? pts(v, x.tpi.total) : '—') },
        { key: 'progress', label: v.t('lke.col.progress'), numeric: true, render: (x) => v.t('lke.progress.of', { n: v.num(x.answered), max: v.num(x.items) }) },
        { key: 'updated', label: v.t('lke.col.updated'), sortable: true, render: (x) => v.dateTime(x.w.updatedAt) },
      ]} />
      <Pagination v={v} page={m.page} pageSize={m.pageSize} total={m.total} query={{ ...m.query, sort: m.sort, dir: m.dir }} />
    </Layout>
  );
}

// ---------------------------------------------------------------- create

export interface NewModel {
  units: { id: string; name: string; shortName: string }[];
  rulesets: RuleSet[];
  /** the unit the person works in, chosen first */
  unitId: string | null;
  year: number;
  form: Record<string, string>;
  errors: FieldErrors;
}

export function newPage(v: View, m: NewModel) {
  const { form, errors } = m;
  return (
    <Layout v={v} title={v.t('lke.new')} crumbs={crumbs(v, undefined, [{ label: v.t('lke.new') }])} narrow>
      <PageHeader title={v.t('lke.new')} lead={v.t('lke.new.lead')} />
      <ErrorSummary v={v} errors={errors} labels={{ unit: v.t('lke.field.unit'), year: v.t('lke.field.year'), ruleset: v.t('lke.field.ruleset'), clone: v.t('lke.field.clone') }} />
      <Form v={v} action="/lke" class="form">
        {/* by full name, as the journeys choose it (the UnitPicker lists short names) */}
        <SelectField v={v} name="unit" label={v.t('lke.field.unit')} required errors={errors} value={form.unit ?? m.unitId ?? ''} placeholder={v.t('lke.choose')} options={m.units.map((u) => ({ value: u.id, label: u.name }))} />
        <TextField v={v} name="year" label={v.t('lke.field.year')} required errors={errors} value={form.year ?? String(m.year)} inputmode="numeric" width="short" maxlength={4} />
        <SelectField v={v} name="ruleset" label={v.t('lke.field.ruleset')} required errors={errors} value={form.ruleset ?? m.rulesets[0]?.id} options={m.rulesets.map((x) => ({ value: x.id, label: tx(v, x.title) }))} />
        <SelectField v={v} name="clone" label={v.t('lke.field.clone')} hint={v.t('lke.field.clone.hint')} errors={errors} value={form.clone ?? 'previous'} options={[
          { value: 'previous', label: v.t('lke.clone.previous') }, { value: '', label: v.t('lke.clone.empty') },
        ]} />
        <div class="form__actions"><button class="button button--primary" type="submit">{v.t('lke.new.submit')}</button></div>
      </Form>
    </Layout>
  );
}

// ---------------------------------------------------------------- overview

export interface OverviewModel {
  l: Loaded;
  events: WorksheetEvents;
  counts: Map<string, number>;
  regencyName: string;
  /** the ?dropped= of a redirect after creating or moving the worksheet */
  dropped: string | undefined;
  /** some module offers suggested answers */
  suggestions: boolean;
  /** a refused transition: its form shows what was typed and the error at its field */
  refused?: Refusal;
}

export function overviewPage(v: View, m: OverviewModel) {
  const { l, counts } = m;
  const { f, rs, state } = l;
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
  return (
    <Layout v={v} title={`LKE ${f.unitShort} ${f.w.year}`} crumbs={crumbs(v, f)}>
      <PageHeader title={v.t('lke.overview.title', { unit: f.unitName, year: f.w.year })} lead={`${tx(v, rs.title)} · ${m.regencyName}`}
        actions={<>
          <a class="button button--primary" href={`/lke/${f.w.id}/items`}>{editable ? v.t('lke.action.fill') : v.t('lke.action.open')}</a>
          <a class="button button--secondary" href={`/lke/${f.w.id}/verdict`}>{v.t('lke.verdict.title')}</a>
          {l.hasTpi ? <a class="button button--secondary" href={`/lke/${f.w.id}/review`}>{v.t('lke.review.title')}</a> : null}
        </>} />
      <p><StateBadge v={v} state={state} /> {v.t(`lke.state.${state}.hint`)}</p>
      {state === 'returned' && f.w.returnNote ? <div class="alert alert--warning" role="status"><strong>{v.t('lke.returned.note')}</strong><p>{f.w.returnNote}</p></div> : null}
      {f.w.conclusion ? <div class={`alert ${f.w.conclusion === 'memenuhi' ? 'alert--success' : 'alert--warning'}`}><strong>{v.t(`lke.conclusion.${f.w.conclusion}`)}</strong>{f.w.conclusionNote ? <p>{f.w.conclusionNote}</p> : null}</div> : null}
      {rs.status !== 'current' ? <div class="alert alert--warning">{v.t('lke.ruleset.revoked_notice')}</div> : null}
      <DroppedList v={v} raw={m.dropped} />

      {transitions.length ? (
        <section class="card">
          <h2>{v.t('lke.transition.title')}</h2>
          {m.refused ? <ErrorSummary v={v} errors={m.refused.errors} params={m.refused.params} /> : null}
          <div class="transition-list">
            {transitions.map((t) => <TransitionForm v={v} id={f.w.id} version={f.w.version} t={t} missingEvidence={missing} unanswered={unitScore.unanswered.length} conclusion={f.w.conclusion} undecided={l.review.undecided.length}
              refused={m.refused?.form.transition === t ? m.refused : undefined} />)}
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
        {m.suggestions ? <p><a href={`/lke/${f.w.id}/saran`}>{v.t('lke.suggest.link')}</a></p> : null}
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
          {m.events.map(({ e, by }) => (
            <li>{v.dateTime(e.at)} · <StateBadge v={v} state={e.toState} /> {by ?? v.t('lke.system')}{e.note ? <> — <span>{historyNote(v, e.toState, e.note)}</span></> : null}</li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}

/** Event notes: "clone:2025" and "memenuhi: …" are stored compactly and shown in words. */
function historyNote(v: View, toState: string, note: string): string {
  if (note.startsWith('clone:')) return v.t('lke.history.cloned', { year: note.slice(6) });
  if (toState === 'evaluated') {
    const m = /^(memenuhi|belum_memenuhi)(?:: ([\s\S]*))?$/.exec(note);
    if (m) return `${v.t(`lke.conclusion.${m[1]}`)}${m[2] ? ` — ${m[2]}` : ''}`;
  }
  return note;
}

export function DroppedList({ v, raw }: { v: View; raw: string | undefined }) {
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

/** One state change the actor may take; a refused one shows again with its note and the error at its field. */
function TransitionForm({ v, id, version, t, missingEvidence, unanswered, conclusion, undecided, refused }: {
  v: View; id: string; version: number; t: Transition; missingEvidence: number; unanswered: number; conclusion: string | null; undecided: number; refused?: Refusal;
}) {
  const form = refused?.form ?? {};
  const errors = refused?.errors;
  return (
    <Form v={v} action={`/lke/${id}/transition`} class="form transition">
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
        <TextAreaField v={v} name="note" id={`note-${t}`} label={v.t('lke.transition.return.note')} required rows={3} maxlength={MAX_NOTE} value={form.note} errors={errors} errorParams={refused?.params} />
      ) : null}
      {t === 'evaluate' ? (
        <>
          {undecided > 0 ? <div class="alert alert--warning"><p>{v.t('lke.transition.evaluate.warn_undecided', { n: v.num(undecided) })} <a href={`/lke/${id}/review/remaining`}>{v.t('lke.review.remaining_link')}</a></p></div> : null}
          <RadioGroup v={v} name="conclusion" legend={v.t('lke.conclusion.legend')} required value={form.conclusion} errors={errors}
            choices={CONCLUSIONS.map((x) => ({ value: x, label: v.t(`lke.conclusion.${x}`) }))} />
          <TextAreaField v={v} name="note" id={`note-${t}`} label={v.t('lke.conclusion.note')} rows={3} maxlength={MAX_NOTE} value={form.note} errors={errors} errorParams={refused?.params} />
        </>
      ) : null}
      {t === 'recommend' && conclusion !== 'memenuhi' ? <p class="muted">{v.t('lke.transition.not_memenuhi')}</p> : null}
      <button class={t === 'return' ? 'button button--danger' : 'button button--primary'} type="submit">{v.t(`lke.transition.${t}.button`)}</button>
    </Form>
  );
}

// ---------------------------------------------------------------- settings

export function settingsPage(v: View, m: { l: Loaded; others: RuleSet[]; dropped: string | undefined }) {
  const { f, rs } = m.l;
  return (
    <Layout v={v} title={v.t('lke.settings.title')} crumbs={crumbs(v, f, [{ label: v.t('lke.settings.title') }])} narrow>
      <PageHeader title={v.t('lke.settings.title')} lead={tx(v, rs.title)} />
      <DroppedList v={v} raw={m.dropped} />
      <Form v={v} action={`/lke/${f.w.id}/options`} class="form card">
        <input type="hidden" name="version" value={String(f.w.version)} />
        <h2>{v.t('lke.options.title')}</h2>
        {(Object.keys(rs.defaults) as (keyof RuleSetOptions)[]).map((k) => (
          <SelectField v={v} name={k} label={v.t(`lke.option.${k}`)} hint={tx(v, rs.optionDocs[k].why)} value={m.l.options[k]}
            options={rs.optionDocs[k].values.map((x) => ({ value: x, label: `${v.t(`lke.option.${k}.${x}`)}${x === rs.defaults[k] ? ` (${v.t('lke.option.default')})` : ''}` }))} />
        ))}
        <div class="form__actions"><button class="button button--primary" type="submit">{v.t('ui.save')}</button></div>
      </Form>
      {m.others.length ? (
        <Form v={v} action={`/lke/${f.w.id}/ruleset`} class="form card">
          <input type="hidden" name="version" value={String(f.w.version)} />
          <h2>{v.t('lke.ruleset.change')}</h2>
          <p class="muted">{v.t('lke.ruleset.change.hint')}</p>
          <SelectField v={v} name="ruleset" label={v.t('lke.field.ruleset')} required options={m.others.map((x) => ({ value: x.id, label: tx(v, x.title) }))} />
          <div class="form__actions"><button class="button button--secondary" type="submit">{v.t('lke.ruleset.change.submit')}</button></div>
        </Form>
      ) : <p class="muted">{v.t('lke.ruleset.no_other')}</p>}
    </Layout>
  );
}

// ---------------------------------------------------------------- import

export interface ImportProblem { row: number; item?: string; message: string }

export function importPage(v: View, m: { f: Found; report: ImportProblem[] | null }) {
  const { f, report } = m;
  return (
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
      <Form v={v} action={`/lke/${f.w.id}/import`} enctype="multipart/form-data" class="form">
        <input type="hidden" name="version" value={String(f.w.version)} />
        <FileField v={v} name="file" label={v.t('lke.import.file')} hint={v.t('lke.import.file.hint')} accept=".xlsx" required />
        <div class="form__actions"><button class="button button--primary" type="submit">{v.t('lke.import.submit')}</button></div>
      </Form>
    </Layout>
  );
}

// ---------------------------------------------------------------- rule sets (read-only documentation)

export function ruleSetsPage(v: View, list: RuleSet[]) {
  return (
    <Layout v={v} title={v.t('lke.rulesets.title')} crumbs={crumbs(v, undefined, [{ label: v.t('lke.rulesets.title') }])}>
      <PageHeader title={v.t('lke.rulesets.title')} lead={v.t('lke.rulesets.lead')} />
      <DataTable v={v} caption={v.t('lke.rulesets.title')} empty="" rows={list} columns={[
        { key: 'id', label: 'ID', render: (x) => <a href={`/lke/rulesets/${x.id}`}><code>{x.id}</code></a> },
        { key: 'title', label: v.t('lke.col.title'), render: (x) => tx(v, x.title) },
        { key: 'years', label: v.t('lke.col.years'), render: (x) => `${x.fromYear}–${x.toYear ?? ''}` },
        { key: 'status', label: v.t('lke.field.state'), render: (x) => <Badge tone={x.status === 'current' ? 'success' : 'neutral'}>{v.t(`lke.ruleset.status.${x.status}`)}</Badge> },
        { key: 'items', label: v.t('lke.col.items'), numeric: true, render: (x) => v.num(x.items.length) },
      ]} />
    </Layout>
  );
}

export function ruleSetPage(v: View, rs: RuleSet) {
  const src = (s?: { tag: string; ref: string }) => (s ? ` [${s.tag}: ${s.ref}]` : '');
  return (
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
    </Layout>
  );
}
