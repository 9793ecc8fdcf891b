// The worksheet's suggested answers in one page: what other modules' records say per item, by
// status, with accepting one or every open one. A function of the view and a model the route loaded.
import { Form, PageHeader, SummaryList } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { crumbs } from './assessment.pages.tsx';
import { answerText } from './assessment.view.tsx';
import { indexOf } from './lke.rules.ts';
import type { CheckedSuggestion } from './lke.suggest.ts';
import { canWriteLayer } from './lke.workflow.ts';
import { AcceptForm, SuggestionBadge, SuggestionFacts, suggestionStatus } from './suggest.view.tsx';
import type { Loaded } from './worksheet.queries.ts';

export function suggestionsPage(v: View, m: { l: Loaded; found: Map<string, CheckedSuggestion> }) {
  const { l, found } = m;
  const { f, rs, state } = l;
  const items = indexOf(rs).items;
  const canUnit = (code: string) => canWriteLayer('unit', state, l.roles.roles, items.get(code)!.area, l.roles.areas) && v.can('lke.answer', f.w.unitId);
  const rows = [...found.values()].map((s) => ({ s, item: items.get(s.item)!, status: suggestionStatus(s, l.eff.unit[s.item]) }));
  const open = rows.filter((x) => x.status === 'unanswered' && canUnit(x.item.code)).length;
  const back = `/lke/${f.w.id}/saran`;
  return (
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
          <Form v={v} action={`/lke/${f.w.id}/saran`} class="form">
            <input type="hidden" name="version" value={String(f.w.version)} />
            <p>{v.t('lke.suggest.accept_all_hint', { n: open })}</p>
            <div class="form__actions"><button class="button button--primary" type="submit">{v.t('lke.suggest.accept_all')}</button></div>
          </Form>
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
    </Layout>
  );
}
