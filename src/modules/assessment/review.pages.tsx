// The TPI's side of the LKE: the items still without a decision (and accepting the unit's value for
// all of them), the layers side by side, and the verdict with "what would it take" and the
// prerequisites. Functions of the view and a model the route loaded.
import type { Refusal } from '../../kernel/forms.ts';
import { Badge, DataTable, ErrorSummary, Form, PageHeader, SelectField, SummaryList, TextField } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { crumbs } from './assessment.pages.tsx';
import { answerText, Pass, pct, prereqText, pts, signed, tx } from './assessment.view.tsx';
import { compareLayers, indexOf, judge, PREDICATES, whatWouldItTake } from './lke.rules.ts';
import type { Predicate, RuleItem } from './lke.types.ts';
import { canWriteLayer, type Layer } from './lke.workflow.ts';
import type { Loaded } from './worksheet.queries.ts';

// ---------------------------------------------------------------- the rest of the review at once

/**
 * The items without a TPI decision, and (for the TPI, during review) the confirmation to accept the
 * unit's value for all of them. Also the answer to an "evaluate" refused for want of decisions.
 */
export function remainingPage(v: View, m: { l: Loaded; refused: boolean }) {
  const { l } = m;
  const { f, rs, state } = l;
  const items = indexOf(rs).items;
  const n = l.review.undecided.length;
  const canAccept = canWriteLayer('tpi', state, l.roles.roles, null, []) && v.can('lke.review', f.w.unitId);
  const stale = new Set(l.review.stale);
  return (
    <Layout v={v} title={v.t('lke.review.remaining.title')} crumbs={crumbs(v, f, [{ href: `/lke/${f.w.id}/review`, label: v.t('lke.review.title') }, { label: v.t('lke.review.remaining.title') }])} narrow>
      <PageHeader title={v.t('lke.review.remaining.title')} lead={v.t('lke.review.remaining.lead', { unit: f.unitName, year: f.w.year })} />
      {m.refused ? (
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
              <Form v={v} action={`/lke/${f.w.id}/review/remaining`} class="form">
                <input type="hidden" name="version" value={String(f.w.version)} />
                <input type="hidden" name="n" value={String(n)} />
                <div class="form__actions">
                  <button class="button button--primary" type="submit">{v.t('lke.review.remaining.submit', { n: v.num(n) })}</button>
                  <a class="button button--secondary" href={`/lke/${f.w.id}`}>{v.t('lke.review.remaining.cancel')}</a>
                </div>
              </Form>
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
    </Layout>
  );
}

// ---------------------------------------------------------------- side by side

export function reviewPage(v: View, m: { l: Loaded; onlyDiff: boolean }) {
  const { l, onlyDiff } = m;
  const { f, rs } = l;
  const diffs = new Map(compareLayers(rs, l.eff.unit, l.eff.tpi, l.options).map((d) => [d.item, d]));
  const tpnDiffs = new Map(compareLayers(rs, l.eff.tpi, l.eff.tpn, l.options).map((d) => [d.item, d]));
  const rows = rs.items.filter((i) => !onlyDiff || diffs.has(i.code) || tpnDiffs.has(i.code));
  const lost = [...diffs.values()].reduce((s, d) => s + d.delta, 0);
  const undecided = new Set(l.review.undecided);
  return (
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
    </Layout>
  );
}

// ---------------------------------------------------------------- verdict

/** The verdict of a layer; `refused`: prerequisites refused, shown again as typed with the errors. */
export function verdictPage(v: View, m: { l: Loaded; layer: Layer; refused?: Refusal }) {
  const { l, layer, refused } = m;
  const { f, rs, state } = l;
  const errors = refused?.errors ?? {};
  const given = f.w.prerequisites as Record<string, unknown>;
  const verdict = judge(rs, l.scores[layer], given);
  const plans = Object.fromEntries(PREDICATES.map((p) => [p, verdict[p].eligible ? null : whatWouldItTake(rs, l.eff[layer], p, l.options)])) as Record<Predicate, ReturnType<typeof whatWouldItTake> | null>;
  const byCode = indexOf(rs).items;
  const canEdit = v.can('lke.settings', f.w.unitId) && (((state === 'draft' || state === 'returned') && l.roles.roles.some((x) => ['zi_ketua', 'zi_sekretaris', 'unit_head'].includes(x))) || (state === 'under_review' && l.roles.roles.includes('tpi_evaluator')));
  /** a prerequisite's value in its field: as typed after a refusal, else as stored */
  const valueOf = (id: string) => (refused ? refused.form[id] ?? '' : given[id] === undefined ? '' : String(given[id]));
  return (
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
          <Form v={v} action={`/lke/${f.w.id}/prerequisites`} class="form">
            <input type="hidden" name="version" value={String(f.w.version)} />
            {rs.prerequisites.map((p) => p.kind === 'boolean'
              ? <SelectField v={v} name={p.id} label={tx(v, p.label)} errors={errors} value={valueOf(p.id)} placeholder={v.t('lke.prereq.not_given')} options={[{ value: 'true', label: v.t('ui.yes') }, { value: 'false', label: v.t('ui.no') }]} />
              : p.kind === 'grade'
                ? <SelectField v={v} name={p.id} label={tx(v, p.label)} errors={errors} value={valueOf(p.id)} placeholder={v.t('lke.prereq.not_given')} options={[...p.scale].reverse().map((g) => ({ value: g, label: g }))} />
                : <TextField v={v} name={p.id} label={`${tx(v, p.label)}${p.unit ? ` (${p.unit})` : ''}`} errors={errors} value={valueOf(p.id)} inputmode="decimal" width="short" />)}
            <div class="form__actions"><button class="button button--primary" type="submit">{v.t('ui.save')}</button></div>
          </Form>
        </section>
      ) : null}
      {rs.notes.length ? <section class="card"><h2>{v.t('lke.ruleset.notes')}</h2><ul>{rs.notes.map((n) => <li>{tx(v, n)}</li>)}</ul></section> : null}
    </Layout>
  );
}
