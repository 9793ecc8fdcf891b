// Presentation pieces of the LKE pages: answers, scores and states in words and numbers.
import type { Child } from 'hono/jsx';
import { Badge, ScrollRegion } from '../../kernel/ui/components.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { describeAnswer, LETTERS_OF, isChoiceType } from './lke.rules.ts';
import type { Answer, RuleItem, RuleSet, RuleSetOptions, ScoreResult, TextPair } from './lke.types.ts';
import type { State } from './lke.workflow.ts';
import type { Loaded } from './worksheet.queries.ts';

export const tx = (v: View, p: TextPair | undefined | null): string => (p ? (v.locale === 'en' && p.en ? p.en : p.id) : '');

const STATE_TONE: Record<State, 'neutral' | 'info' | 'warning' | 'danger' | 'success'> = {
  draft: 'neutral', submitted: 'info', under_review: 'warning', returned: 'danger', evaluated: 'info', recommended: 'success',
};

export function StateBadge({ v, state }: { v: View; state: string }) {
  return <Badge tone={STATE_TONE[state as State] ?? 'neutral'}>{v.t(`lke.state.${state}`)}</Badge>;
}

export function pts(v: View, n: number): string {
  return v.num(n, 2);
}
export function pct(v: View, n: number): string {
  return `${v.num(n, 2)}\u00a0%`;
}

export function answerText(v: View, item: RuleItem, a: Answer | null | undefined, options: RuleSetOptions): string {
  return describeAnswer(item, a, v.locale, options);
}

/** Met / not met in words and colour. */
export function Pass({ v, ok }: { v: View; ok: boolean }) {
  return ok ? <Badge tone="success">{v.t('lke.met')}</Badge> : <Badge tone="danger">{v.t('lke.not_met')}</Badge>;
}

/** The answer inputs of one item: radios with the verbatim criteria, count inputs, or an index. */
export function AnswerInputs({ v, item, value, prefix = '' }: { v: View; item: RuleItem; value: Answer | null | undefined; prefix?: string }) {
  const id = (s: string) => `${prefix}${item.code}-${s}`.replace(/\./g, '_');
  if (isChoiceType(item.type)) {
    const current = value && 'option' in value ? value.option : '';
    return (
      <div class="choices">
        {LETTERS_OF[item.type].map((letter) => {
          const opt = item.options.find((o) => o.letter === letter);
          return (
            <label class="choice" for={id(letter)}>
              <input type="radio" id={id(letter)} name="answer" value={letter} checked={current === letter} />
              <span class="choice__letter">{letter}</span>
              {opt && opt.text !== letter ? <span class="choice__text">{v.locale === 'en' && opt.en ? opt.en : opt.text}</span> : null}
            </label>
          );
        })}
        <label class="choice choice--clear" for={id('none')}>
          <input type="radio" id={id('none')} name="answer" value="" checked={!current} />
          <span class="choice__text muted">{v.t('lke.answer.none')}</span>
        </label>
      </div>
    );
  }
  if (item.type === 'index') {
    const current = value && 'index' in value ? String(value.index).replace('.', v.locale === 'id' ? ',' : '.') : '';
    return (
      <div class="field">
        <label class="field__label" for={id('index')}>{v.t('lke.index.label')}</label>
        <div class="field__hint">{v.t('lke.index.hint')}</div>
        <input class="input input--short" id={id('index')} name="index" inputmode="decimal" value={current} autocomplete="off" />
      </div>
    );
  }
  const inputs = value && 'inputs' in value ? value.inputs : {};
  const percent = value && 'percent' in value ? String(value.percent) : '';
  return (
    <div class="count-inputs">
      {(item.inputs ?? []).map((inp) => (
        <div class="field">
          <label class="field__label" for={id(inp.key)}>{tx(v, inp.label)}{inp.sumOf ? <span class="field__optional"> ({v.t('lke.inputs.sum')})</span> : null}</label>
          <input class="input input--short" id={id(inp.key)} name={`in_${inp.key}`} inputmode="numeric" value={inputs[inp.key] !== undefined ? String(inputs[inp.key]) : ''} autocomplete="off" data-count={inp.sumOf ? undefined : 'required'} />
        </div>
      ))}
      {percent ? <p class="muted">{v.t('lke.inputs.percent_given', { p: percent })}</p> : null}
    </div>
  );
}

/** Parses the answer fields of an item form (radios, in_* counts, index) into the raw answer. */
export function rawAnswerOf(item: RuleItem, form: Record<string, string>): unknown {
  if (isChoiceType(item.type)) return form.answer ?? '';
  if (item.type === 'index') return (form.index ?? '').trim();
  const inputs: Record<string, string> = {};
  for (const inp of item.inputs ?? []) {
    const val = (form[`in_${inp.key}`] ?? '').trim();
    if (val !== '') inputs[inp.key] = val;
  }
  if (Object.keys(inputs).length === 0 && form.percent) return { percent: form.percent };
  return Object.keys(inputs).length ? { inputs } : null;
}

/**
 * A score table: one row per area, then pengungkit, the hasil items, hasil and total. The first layer
 * shows pemenuhan, reform, score and % of weight; further layers (TPI, TPN) score and % only, so three
 * layers still fit a desktop screen.
 */
export function ScoreTable({ v, rs, layers }: { v: View; rs: RuleSet; layers: { key: string; label: string; short: string; score: ScoreResult }[] }) {
  const head = (label: string) => <th scope="col" class="num">{label}</th>;
  const cell = (label: string, child: Child, live?: string) => <td class="num" data-label={label} data-live={live}>{child}</td>;
  const lab = (l: { short: string }, what: string) => `${l.short} · ${what}`;
  const P = v.t('lke.scores.pemenuhan');
  const R = v.t('lke.scores.reform');
  const S = v.t('lke.scores.score');
  const rows: { code: string; label: string; weight: number; total?: boolean }[] = [
    { code: 'A', label: v.t('lke.scores.pengungkit'), weight: rs.nodes.find((n) => n.code === 'A')?.weight ?? 0, total: true },
    ...rs.items.filter((i) => i.area === null).map((i) => ({ code: i.code, label: `${i.code} ${tx(v, i.question)}`, weight: i.weight })),
    { code: 'B', label: v.t('lke.scores.hasil'), weight: rs.nodes.find((n) => n.code === 'B')?.weight ?? 0, total: true },
  ];
  return (
    <ScrollRegion label={v.t('lke.scores.caption')}>
      <table class="table table--scores">
        <caption class="visually-hidden">{v.t('lke.scores.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" rowspan={2}>{v.t('lke.scores.component')}</th>
            <th scope="col" rowspan={2} class="num">{v.t('lke.scores.weight')}</th>
            {layers.map((l, i) => <th scope="colgroup" colspan={i === 0 ? 4 : 2} class="table__group">{l.label}</th>)}
          </tr>
          <tr>
            {layers.map((_, i) => <>{i === 0 ? <>{head(P)}{head(R)}</> : null}{head(S)}{head('%')}</>)}
          </tr>
        </thead>
        <tbody>
          {rs.areas.map((a) => (
            <tr>
              <th scope="row" data-label={v.t('lke.scores.component')}>{a.area}. {tx(v, a.title)}</th>
              {cell(v.t('lke.scores.weight'), pts(v, a.weight))}
              {layers.map((l, i) => {
                const s = l.score.areas[String(a.area)]!;
                return <>
                  {i === 0 ? <>{cell(lab(l, P), pts(v, s.pemenuhan))}{cell(lab(l, R), pts(v, s.reform))}</> : null}
                  {cell(lab(l, S), pts(v, s.score), `${l.key}:area:${a.area}`)}
                  {cell(lab(l, '%'), pct(v, s.percent), `${l.key}:areapct:${a.area}`)}
                </>;
              })}
            </tr>
          ))}
          {rows.map((r) => (
            <tr class={r.total ? 'table__total' : undefined}>
              <th scope="row" data-label={v.t('lke.scores.component')}>{r.label}</th>
              {cell(v.t('lke.scores.weight'), pts(v, r.weight))}
              {layers.map((l, i) => {
                const s = l.score.nodes[r.code]!;
                return <>
                  {i === 0 ? (r.code === 'A'
                    ? <>{cell(lab(l, P), pts(v, l.score.nodes['A.I']?.score ?? 0))}{cell(lab(l, R), pts(v, l.score.nodes['A.II']?.score ?? 0))}</>
                    : <><td class="num"></td><td class="num"></td></>) : null}
                  {cell(lab(l, S), pts(v, s.score), `${l.key}:node:${r.code}`)}
                  {cell(lab(l, '%'), pct(v, s.percent))}
                </>;
              })}
            </tr>
          ))}
          <tr class="table__total">
            <th scope="row" data-label={v.t('lke.scores.component')}>{v.t('lke.scores.total')}</th>
            {cell(v.t('lke.scores.weight'), pts(v, 100))}
            {layers.map((l, i) => <>
              {i === 0 ? <><td class="num"></td><td class="num"></td></> : null}
              {cell(lab(l, S), <strong>{pts(v, l.score.total)}</strong>, `${l.key}:total`)}
              {cell(lab(l, '%'), pct(v, l.score.total))}
            </>)}
          </tr>
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function Progress({ v, label, value, max, live }: { v: View; label: string; value: number; max: number; live?: string }): Child {
  return (
    <div class="progress-block">
      <div class="progress-block__label"><span>{label}</span> <strong data-live={live}>{v.t('lke.progress.of', { n: v.num(value), max: v.num(max) })}</strong></div>
      <progress class="progress" max={Math.max(max, 1)} value={value} aria-label={label}>{v.num(value)}</progress>
    </div>
  );
}

// ---------------------------------------------------------------- pieces the worksheet pages share

/** Positive answer (value above 0) without a single piece of evidence. */
export function needsEvidence(s: ScoreResult, code: string, counts: Map<string, number>): boolean {
  const value = s.items[code]?.value;
  return value !== null && value !== undefined && value > 0 && !counts.get(code);
}

/** The worksheet's section tabs: the areas, then the results (B). */
export function sectionsOf(rs: RuleSet): { code: string; name: (v: View) => string }[] {
  const areas = rs.nodes.filter((n) => n.kind === 'area');
  const out = areas.map((n) => ({ code: n.code, name: (v: View) => tx(v, n.title) }));
  if (rs.items.some((i) => i.area === null)) out.push({ code: 'B', name: (v: View) => v.t('lke.section.hasil') });
  return out;
}

export function itemsOfSection(rs: RuleSet, section: string): RuleItem[] {
  if (section === 'all') return rs.items;
  if (section === 'B') return rs.items.filter((i) => i.area === null);
  return rs.items.filter((i) => i.sub === section || i.sub.startsWith(`${section}.`));
}

export function sectionOfItem(item: RuleItem): string {
  if (item.area === null) return 'B';
  return item.sub.split('.').slice(0, 3).join('.');
}

/** The unit's value of an item in words, with its value and points. */
export function itemValueText(v: View, l: Loaded, item: RuleItem): string {
  const s = l.scores.unit.items[item.code]!;
  if (s.value === null) return v.t('lke.answer.none');
  return `${answerText(v, item, l.eff.unit[item.code], l.options)} · ${v.t('lke.item.value_points', { value: v.num(s.value, 2), points: pts(v, s.score) })}`;
}

/** The columns of the score table: the unit's, and the TPI's and TPN's once they exist. */
export function layerColumns(v: View, l: Loaded) {
  const cols: { key: string; label: string; short: string; score: ScoreResult }[] = [{ key: 'unit', label: v.t('lke.layer.unit'), short: v.t('lke.layer.unit_short'), score: l.scores.unit }];
  if (l.hasTpi) cols.push({ key: 'tpi', label: v.t('lke.layer.tpi'), short: 'TPI', score: l.scores.tpi });
  if (l.hasTpn) cols.push({ key: 'tpn', label: v.t('lke.layer.tpn'), short: 'TPN', score: l.scores.tpn });
  return cols;
}

/** A refused answer's fields as the answer inputs show them again. */
export function rawFormAnswer(item: RuleItem, form: Record<string, string>) {
  const raw = rawAnswerOf(item, form);
  if (typeof raw === 'string') return raw ? ({ option: raw } as never) : null;
  if (raw && typeof raw === 'object' && 'inputs' in (raw as object)) {
    const inputs = Object.fromEntries(Object.entries((raw as { inputs: Record<string, string> }).inputs).map(([k, x]) => [k, Number(x)]));
    return { inputs } as never;
  }
  return null;
}

/** "+0,34", "−0,13" (a real minus sign), "0". */
export function signed(v: View, n: number): string {
  if (Math.abs(n) < 5e-5) return '0';
  return `${n > 0 ? '+' : '−'}${pts(v, Math.abs(n))}`;
}

export function prereqText(v: View, x: unknown): string {
  if (x === undefined || x === null || x === '') return '—';
  if (x === true) return v.t('ui.yes');
  if (x === false) return v.t('ui.no');
  return typeof x === 'number' ? v.num(x, Number.isInteger(x) ? 0 : 2) : String(x);
}
