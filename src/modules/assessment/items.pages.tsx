// The worksheet item by item: the section pages (every item's answer form, autosaved with JS, plain
// posts without) and an item's own page with its evidence and the TPI's and TPN's layers. Functions
// of the view and a model the route loaded; the section page is the large one (113 items), so all it
// needs per item is in the model already — nothing here may ask for more.
import type { DomainError } from '../../kernel/errors.ts';
import { Badge, Csrf, ErrorSummary, FileField, Form, PageHeader, SelectField, SummaryList, TextAreaField, TextField, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { formatFileSize, type EvidenceLinkView } from '../evidence/index.ts';
import { crumbs } from './assessment.pages.tsx';
import { AnswerInputs, answerText, itemValueText, needsEvidence, pct, pts, rawFormAnswer, sectionOfItem, sectionsOf, tx } from './assessment.view.tsx';
import { indexOf, MAX_NOTE } from './lke.rules.ts';
import type { CheckedSuggestion } from './lke.suggest.ts';
import type { RuleItem } from './lke.types.ts';
import { canWriteLayer } from './lke.workflow.ts';
import { SuggestionCard } from './suggest.view.tsx';
import type { LibraryFile, Loaded } from './worksheet.queries.ts';

// ---------------------------------------------------------------- a section (or a filter) of the items

export interface ItemsModel {
  l: Loaded;
  sections: ReturnType<typeof sectionsOf>;
  section: string;
  filter: '' | 'noevidence' | 'unanswered';
  items: RuleItem[];
  counts: Map<string, number>;
}

export function itemsPage(v: View, m: ItemsModel) {
  const { l, sections, section, filter, items, counts } = m;
  const { f, rs, state } = l;
  const subs = [...new Set(items.map((i) => i.sub))];
  const nodeOf = indexOf(rs).nodes;
  return (
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
    </Layout>
  );
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
          {/* the note folds away under its own summary (113 of them on a page), so its label is for
              screen readers only — not a field shell of the UI kit, which shows its label */}
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

// ---------------------------------------------------------------- one item

export interface EvidenceRefusal { errors: FieldErrors; params: Record<string, string | number>; form: Record<string, string> }

export interface ItemModel {
  l: Loaded;
  item: RuleItem;
  evidence: EvidenceLinkView[];
  library: LibraryFile[];
  suggestion: CheckedSuggestion | undefined;
  /** a refused answer (shown at the top, linked to the answer) */
  answerError?: DomainError | null;
  /** the refused answer's fields, put back (a validation refusal only) */
  form?: Record<string, string> | null;
  /** a refused evidence form: its errors beside its fields, the typed values kept */
  evidenceError?: EvidenceRefusal | null;
}

export function itemPage(v: View, m: ItemModel) {
  const { l, item, evidence, library, suggestion, form = null, evidenceError = null } = m;
  const { f, rs, state } = l;
  const code = item.code;
  const canUnit = canWriteLayer('unit', state, l.roles.roles, item.area, l.roles.areas) && v.can('lke.answer', f.w.unitId);
  const canTpi = canWriteLayer('tpi', state, l.roles.roles, item.area, l.roles.areas);
  const canTpn = canWriteLayer('tpn', state, l.roles.roles, item.area, l.roles.areas);
  const unitRow = l.layers.unit.rows.get(code);
  const tpiRow = l.layers.tpi.rows.get(code);
  const tpnRow = l.layers.tpn.rows.get(code);
  const seqIdx = rs.items.findIndex((i) => i.code === code);
  const prev = rs.items[seqIdx - 1];
  const next = rs.items[seqIdx + 1];
  const node = indexOf(rs).nodes.get(item.sub);
  const errText = m.answerError ? { answer: v.t(m.answerError.code, m.answerError.params) } : undefined;
  const value = form ? null : l.eff.unit[code];
  return (
    <Layout v={v} title={`${item.code} · LKE ${f.unitShort} ${f.w.year}`} crumbs={crumbs(v, f, [{ href: `/lke/${f.w.id}/items?section=${sectionOfItem(item)}`, label: v.t('lke.items.title') }, { label: item.code }])}>
      <PageHeader title={`${item.code} · #${item.seq}`} lead={node ? `${node.code} ${tx(v, node.title)}` : undefined} />
      {errText ? <ErrorSummary v={v} texts={errText} /> : null}
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
            <TextAreaField v={v} name="note" id={`note-${code}`} label={v.t('lke.note.label')} rows={3} maxlength={MAX_NOTE} value={form?.note ?? unitRow?.note ?? ''} />
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
            <Form v={v} action={`/lke/${f.w.id}/items/${code}/evidence`} enctype="multipart/form-data" class="form">
              <h3>{v.t('lke.evidence.upload')}</h3>
              <FileField v={v} name="file" label={v.t('lke.evidence.file')} hint={v.t('lke.evidence.file.hint')} required errors={evidenceError?.errors} errorParams={evidenceError?.params} />
              <TextField v={v} name="title" label={v.t('lke.evidence.file_title')} maxlength={200} errors={evidenceError?.errors} value={evidenceError?.form.title} />
              <div class="form__actions"><button class="button button--secondary" type="submit">{v.t('lke.evidence.upload_button')}</button></div>
            </Form>
            {library.length ? (
              <Form v={v} action={`/lke/${f.w.id}/items/${code}/evidence`} class="form">
                <h3>{v.t('lke.evidence.existing')}</h3>
                <SelectField v={v} name="fileId" label={v.t('lke.evidence.existing.label')} required errors={evidenceError?.errors} placeholder={v.t('lke.choose')} options={library.map((x) => ({ value: x.id, label: `${x.title} (${formatFileSize(v, x.size)})` }))} />
                <div class="form__actions"><button class="button button--secondary" type="submit">{v.t('lke.evidence.attach')}</button></div>
              </Form>
            ) : null}
            <Form v={v} action={`/lke/${f.w.id}/items/${code}/evidence`} class="form">
              <h3>{v.t('lke.evidence.link')}</h3>
              <TextField v={v} name="url" label={v.t('lke.evidence.url')} type="url" required maxlength={2000} errors={evidenceError?.errors} value={evidenceError?.form.url} />
              <TextField v={v} name="linkTitle" label={v.t('lke.evidence.link_title')} required maxlength={200} errors={evidenceError?.errors} value={evidenceError?.form.linkTitle} />
              <div class="form__actions"><button class="button button--secondary" type="submit">{v.t('lke.evidence.add_link')}</button></div>
            </Form>
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
    </Layout>
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
            <Form v={v} action={action(e.linkId)} class="inline-form">
              <button class="linkbutton" type="submit" aria-label={v.t('evidence.remove_named', { title: e.title })}>{v.t('lke.evidence.remove')}</button>
            </Form>
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
        <Form v={v} action={action} class="form">
          <input type="hidden" name="rev" value={rev} />
          <input type="hidden" name="accept" value="1" />
          <TextAreaField v={v} name="note" id={`acc-note-${layer}`} label={v.t('lke.review.note')} rows={2} maxlength={MAX_NOTE} />
          <button class="button button--primary" type="submit">{v.t('lke.review.accept')}</button>
        </Form>
      ) : null}
      <Form v={v} action={action} class="form">
        <input type="hidden" name="rev" value={rev} />
        <fieldset class="fieldset">
          <legend>{layer === 'tpi' ? v.t('lke.review.own') : v.t('lke.tpn.record')}</legend>
          <AnswerInputs v={v} item={item} value={value} prefix={`${layer}-`} />
        </fieldset>
        <TextAreaField v={v} name="note" id={`own-note-${layer}`} label={v.t('lke.review.note')} rows={2} maxlength={MAX_NOTE} value={note} />
        <button class="button button--secondary" type="submit">{v.t('lke.review.save_own')}</button>
      </Form>
    </div>
  );
}
