// Presentation of suggested answers: the card on an item page and the worksheet-wide table.
import { Badge, Csrf } from '../../kernel/ui/components.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { answerText } from './assessment.view.tsx';
import { factParams, type CheckedSuggestion, type SuggestionEvidence } from './lke.suggest.ts';
import { sameAnswer } from './lke.rules.ts';
import type { Answer, RuleItem, RuleSetOptions } from './lke.types.ts';

export type SuggestionStatus = 'none' | 'unanswered' | 'same' | 'different';

export function suggestionStatus(s: CheckedSuggestion, current: Answer | null | undefined): SuggestionStatus {
  if (!s.parsed) return 'none';
  if (!current) return 'unanswered';
  return sameAnswer(s.parsed, current) ? 'same' : 'different';
}

const TONE: Record<SuggestionStatus, 'neutral' | 'info' | 'success' | 'warning'> = { none: 'neutral', unanswered: 'info', same: 'success', different: 'warning' };

export function SuggestionBadge({ v, status }: { v: View; status: SuggestionStatus }) {
  return <Badge tone={TONE[status]}>{v.t(`lke.suggest.status.${status}`)}</Badge>;
}

function evidenceTitle(v: View, e: SuggestionEvidence): string {
  if (e.kind === 'document') return `${e.title} (${v.t('lke.suggest.generated')})`;
  return e.title;
}

export function SuggestionFacts({ v, s }: { v: View; s: CheckedSuggestion }) {
  return (
    <>
      <ul class="plain-list suggestion__facts">{s.facts.map((f) => <li>{v.t(f.key, factParams(f, (d) => v.date(d)))}</li>)}</ul>
      {s.evidence.length ? (
        <p class="muted">{v.t('lke.suggest.evidence')}: {s.evidence.map((e, i) => <>{i ? '; ' : ''}{e.kind === 'file' ? <a href={`/evidence/files/${e.fileId}`}>{evidenceTitle(v, e)}</a> : e.kind === 'url' ? <a href={e.url} rel="noopener noreferrer nofollow" target="_blank">{e.title}</a> : evidenceTitle(v, e)}</>)}</p>
      ) : null}
    </>
  );
}

export function AcceptForm({ v, worksheetId, code, rev, back, label }: { v: View; worksheetId: string; code: string; rev: string; back: string; label?: string }) {
  return (
    <form method="post" action={`/lke/${worksheetId}/items/${code}/suggestion`} class="inline-form" novalidate>
      <Csrf v={v} />
      <input type="hidden" name="rev" value={rev} />
      <input type="hidden" name="back" value={back} />
      <button class="button button--secondary" type="submit">{label ?? v.t('lke.suggest.accept')}</button>
    </form>
  );
}

/** The card on an item page: what the unit's records say, and accepting it. */
export function SuggestionCard({ v, s, item, current, options, worksheetId, rev, canAccept }: {
  v: View; s: CheckedSuggestion; item: RuleItem; current: Answer | null | undefined; options: RuleSetOptions; worksheetId: string; rev: string; canAccept: boolean;
}) {
  const status = suggestionStatus(s, current);
  return (
    <section class="card suggestion" id="suggestion" aria-labelledby="suggestion-h">
      <h2 id="suggestion-h">{v.t('lke.suggest.title')}</h2>
      <p>{v.t('lke.suggest.from')} <a href={s.source.href}>{v.t(s.source.key)}</a></p>
      {s.parsed ? (
        <p><strong>{v.t('lke.suggest.answer')}:</strong> {answerText(v, item, s.parsed, options)} <SuggestionBadge v={v} status={status} /></p>
      ) : <p class="muted">{v.t('lke.suggest.no_answer_hint')}</p>}
      <SuggestionFacts v={v} s={s} />
      {canAccept && s.parsed && status !== 'same' ? (
        <div class="form__actions">
          <AcceptForm v={v} worksheetId={worksheetId} code={item.code} rev={rev} back={`/lke/${worksheetId}/items/${item.code}`} />
          <span class="muted">{v.t('lke.suggest.override_hint')}</span>
        </div>
      ) : null}
    </section>
  );
}
