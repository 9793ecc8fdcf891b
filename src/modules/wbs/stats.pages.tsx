// Statistics of the WBS and the unit's evaluations of it: counts by state and month, and the
// evaluations' plain text — never report content. A function of the view and its model; it reads
// no database.
import { Badge, CheckboxField, Csrf, DateField, ErrorSummary, PageHeader, ScrollRegion, TextAreaField, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import type { WbsStats } from './wbs.service.ts';
import { home } from './wbs.view.tsx';

export interface StatsModel {
  year: number;
  stats: WbsStats;
  evaluations: { heldOn: string; findings: string; followUp: string | null; followedUp: boolean }[];
  /** the unit whose evaluation the form records, when the actor may record one */
  evaluateUnit: string | null;
  form?: Record<string, string>;
  errors?: FieldErrors;
}

export function StatsPage({ v, m }: { v: View; m: StatsModel }) {
  const { stats, errors, form } = m;
  return (
    <Layout v={v} title={v.t('wbs.stats.title')} crumbs={[home(v), { label: v.t('wbs.stats.title') }]}>
      <PageHeader title={v.t('wbs.stats.title')} lead={v.t('wbs.stats.lead', { year: m.year })} />
      <ErrorSummary v={v} errors={errors} labels={{ heldOn: v.t('wbs.eval.held_on'), findings: v.t('wbs.eval.findings') }} />
      <div class="stats">
        <div class="stat"><span class="stat__value">{v.num(stats.total)}</span><span class="stat__label">{v.t('wbs.stats.total')}</span></div>
        {(['received', 'verified', 'investigating', 'forwarded', 'proven', 'not_proven', 'rejected', 'closed'] as const).map((s) => (
          <div class="stat"><span class="stat__value">{v.num(stats.byState[s] ?? 0)}</span><span class="stat__label">{v.t(`wbs.state.${s}`)}</span></div>
        ))}
      </div>
      <ScrollRegion label={v.t('wbs.stats.by_month')}>
        <table class="table">
          <caption class="visually-hidden">{v.t('wbs.stats.by_month')}</caption>
          <thead><tr><th scope="col">{v.t('wbs.stats.month')}</th><th scope="col" class="num">{v.t('wbs.stats.received')}</th><th scope="col" class="num">{v.t('wbs.stats.closed')}</th></tr></thead>
          <tbody>
            {stats.byMonth.length === 0 ? <tr><td colspan={3} class="table__empty">{v.t('wbs.stats.none')}</td></tr> : stats.byMonth.map((mo) => (
              <tr><td data-label={v.t('wbs.stats.month')}>{mo.month}</td><td class="num" data-label={v.t('wbs.stats.received')}>{v.num(mo.received)}</td><td class="num" data-label={v.t('wbs.stats.closed')}>{v.num(mo.closed)}</td></tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <h2>{v.t('wbs.eval.title')}</h2>
      <p class="muted">{v.t('wbs.eval.hint')}</p>
      {m.evaluations.length ? (
        <ul class="plain-list">
          {m.evaluations.map((e) => <li><strong>{v.date(e.heldOn)}</strong> — {e.findings} {e.followedUp ? <Badge tone="success">{v.t('wbs.eval.followed_up')}</Badge> : <Badge tone="warning">{v.t('wbs.eval.not_followed_up')}</Badge>}{e.followUp ? <div class="muted">{e.followUp}</div> : null}</li>)}
        </ul>
      ) : <p class="muted">{v.t('wbs.eval.none')}</p>}
      {m.evaluateUnit ? (
        <form method="post" action="/wbs/evaluasi" class="form" novalidate>
          <Csrf v={v} />
          <input type="hidden" name="unit" value={m.evaluateUnit} />
          <DateField v={v} name="heldOn" label={v.t('wbs.eval.held_on')} value={form?.heldOn} required errors={errors} />
          <TextAreaField v={v} name="findings" label={v.t('wbs.eval.findings')} hint={v.t('wbs.eval.findings_hint')} value={form?.findings} rows={3} required errors={errors} maxlength={3000} />
          <TextAreaField v={v} name="followUp" label={v.t('wbs.eval.follow_up')} value={form?.followUp} rows={2} errors={errors} maxlength={3000} />
          <CheckboxField v={v} name="followedUp" label={v.t('wbs.eval.followed_up')} checked={form?.followedUp === '1'} errors={errors} />
          <button type="submit" class="button">{v.t('wbs.eval.add')}</button>
        </form>
      ) : null}
    </Layout>
  );
}
