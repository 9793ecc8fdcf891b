// Rencana Kerja pages: the unit's plans by year, one plan (decree header, six areas, activities,
// monthly matrix), the activity form, the decree PDF and the schedule workbook; the unit picker and
// overview for accounts reaching several units. The monev pages are in monev.routes.tsx.
import { pdfResponse } from '../../kernel/documents.ts';
import { notFound } from '../../kernel/errors.ts';
import { currentMonth, currentYear } from '../../kernel/workdays.ts';
import { currentUnitOf, flash, pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { isUuid } from '../../kernel/kernel.routes.tsx';
import { Badge, CheckboxGroup, Csrf, capValue, ErrorSummary, PageHeader, ScrollRegion, SelectField, TextAreaField, TextField, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { listUnits } from '../org/index.ts';
import { registerMonevRoutes } from './monev.routes.tsx';
import { BASE, ID, aidOf, planOr404, svc } from './plan.http.ts';
import { activityForm, areaForm, createPlanForm, headerForm } from './plan.forms.ts';
import { formAction } from '../../kernel/forms.ts';
import { renderDecreePdf } from './plan.pdf.ts';
import { renderScheduleXlsx } from './plan.xlsx.ts';
import { listPlans, monevOf, planYears, plansOfYear, progressInputs, unitOf, type PlanRow } from './plan.queries.ts';
import { AREAS, MONTHS, TEXT_MAX, markState, planProgress, validateYear } from './plan.rules.ts';

/** The matrix's mark of a scheduled month by its state (the legend shows the same). */
const MARK = { scheduled: '●', done: '✓', overdue: '!' } as const;
import {
  createPlan, decreeOf, deleteActivity, listPlanTemplates, loadPlan, saveActivity, updateArea, updateHeader,
} from './plan.service.ts';

const monthsLabel = (v: View, months: number[]) => months.length === 12 ? `${v.t('plan.month.1')}–${v.t('plan.month.12')}` : months.map((m) => v.t(`plan.month.${m}`)).join(', ');

export function registerPlanRoutes(r: Router) {
  // ---- list ---------------------------------------------------------------------------------------
  /**
   * The unit whose plans the list shows: `?unit=` when it lies in the scope of 'workplan.plan.view'
   * (another unit is 404: its existence does not leak), else the unit the user works in, else the
   * first unit in reach. Accounts reaching several units get a picker and an overview of them all.
   */
  async function listPage(c: Ctx, form: Record<string, string> = {}, errors: FieldErrors = {}, status: 200 | 400 | 409 = 200, params: Record<string, string | number> = {}) {
    const v = await pageView(c);
    const db = c.var.deps.db;
    const scope = c.var.scope!;
    const reach = await listUnits(db, scope);
    const asked = form.unit ?? c.req.query('unit');
    let unitId: string | null;
    if (asked) {
      if (!isUuid(asked) || !reach.some((u) => u.id === asked)) throw notFound();
      unitId = asked;
    } else {
      const cur = currentUnitOf(c);
      unitId = cur && reach.some((u) => u.id === cur) ? cur : reach[0]?.id ?? null;
    }
    const unit = unitId ? await unitOf(db, unitId) : null;
    const plans = unit ? await listPlans(db, unit.id) : [];
    const canEdit = !!unit && v.can('workplan.plan.edit', unit.id);
    const templates = listPlanTemplates();
    const texts: Record<string, string> = {};
    for (const [f, key] of Object.entries(errors)) texts[f] = v.t(key, params);
    const many = reach.length > 1;
    const overview = many ? await overviewOf(c, reach, c.req.query('tahun')) : null;
    const listHref = (u: string | null, year?: number) => `${BASE}?${new URLSearchParams({ ...(u ? { unit: u } : {}), ...(year ? { tahun: String(year) } : {}) })}`;
    return c.html(
      <Layout v={v} title={v.t('plan.title')} crumbs={[{ href: '/', label: v.t('nav.home') }, { label: v.t('plan.title') }]}>
        <PageHeader title={v.t('plan.title')} lead={unit ? v.t('plan.lead', { unit: unit.name }) : v.t('plan.no_unit')} />
        {many ? (
          <form method="get" action={BASE} class="card plan-unit-picker" aria-label={v.t('plan.unit.picker')} novalidate>
            <SelectField v={v} name="unit" label={v.t('plan.unit.label')} required value={unit?.id ?? ''} options={reach.map((u) => ({ value: u.id, label: u.name }))} />
            {overview ? <input type="hidden" name="tahun" value={String(overview.year)} /> : null}
            <button class="button button--secondary" type="submit">{v.t('plan.unit.show')}</button>
          </form>
        ) : null}
        {unit ? (
          <section class="card">
            {many ? <h2>{unit.name}</h2> : null}
            {plans.length === 0 ? <p class="muted">{v.t('plan.empty')}</p> : (
              <ScrollRegion label={v.t('plan.title')}><table class="table">
                <caption class="visually-hidden">{v.t('plan.title')}</caption>
                <thead><tr><th scope="col">{v.t('plan.col.year')}</th><th scope="col">{v.t('plan.col.title')}</th><th scope="col">{v.t('plan.col.number')}</th></tr></thead>
                <tbody>{plans.map((p) => (
                  <tr><td data-label={v.t('plan.col.year')}><a href={`${BASE}/${p.id}`}>{p.year}</a></td><td data-label={v.t('plan.col.title')}>{p.title}</td><td data-label={v.t('plan.col.number')}>{p.decreeNumber ?? v.t('plan.none')}</td></tr>
                ))}</tbody>
              </table></ScrollRegion>
            )}
          </section>
        ) : null}
        {overview ? (
          <section class="card" id="ringkasan">
            <h2>{v.t('plan.overview', { year: overview.year })}</h2>
            <p class="muted">{v.t('plan.overview.lead')}</p>
            <nav class="tabs" aria-label={v.t('plan.col.year')}>
              <ul>
                {overview.years.map((y) => <li><a href={`${listHref(unit?.id ?? null, y)}#ringkasan`} aria-current={y === overview.year ? 'page' : undefined}>{y}</a></li>)}
              </ul>
            </nav>
            <p>{v.t('plan.overview.totals', { with: v.num(overview.rows.filter((r) => r.plan).length), all: v.num(overview.rows.length) })}</p>
            <ScrollRegion label={v.t('plan.overview', { year: overview.year })}><table class="table plan-overview">
              <caption class="visually-hidden">{v.t('plan.overview', { year: overview.year })}</caption>
              <thead><tr>
                <th scope="col">{v.t('plan.overview.col.unit')}</th><th scope="col">{v.t('plan.overview.col.plan')}</th>
                <th scope="col" class="num">{v.t('plan.overview.col.activities')}</th><th scope="col">{v.t('plan.overview.col.progress')}</th><th scope="col" class="num">{v.t('plan.overview.col.overdue')}</th>
              </tr></thead>
              <tbody>{overview.rows.map((r) => (
                <tr>
                  <th scope="row" data-label={v.t('plan.overview.col.unit')}><a href={listHref(r.unit.id, overview.year)}>{r.unit.name}</a></th>
                  <td data-label={v.t('plan.overview.col.plan')}>{r.plan ? <a href={`${BASE}/${r.plan.id}`}>{r.plan.decreeNumber ?? r.plan.title}</a> : <span class="muted">{v.t('plan.overview.none')}</span>}</td>
                  <td class="num" data-label={v.t('plan.overview.col.activities')}>{r.plan ? v.num(r.activities) : '—'}</td>
                  <td data-label={v.t('plan.overview.col.progress')}>{r.progress ? v.t('plan.overview.progress', { done: v.num(r.progress.done), scheduled: v.num(r.progress.scheduled), pct: v.num(r.progress.pct) }) : '—'}</td>
                  <td class="num" data-label={v.t('plan.overview.col.overdue')}>{r.plan ? (r.overdue ? <Badge tone="danger">{v.num(r.overdue)}</Badge> : v.num(0)) : '—'}</td>
                </tr>
              ))}</tbody>
            </table></ScrollRegion>
          </section>
        ) : null}
        {canEdit ? (
          <section class="card">
            <h2>{v.t('plan.new')}</h2>
            <ErrorSummary v={v} texts={texts} />
            <form method="post" action={BASE} novalidate>
              <Csrf v={v} />
              {many ? <input type="hidden" name="unit" value={unit!.id} /> : null}
              <TextField v={v} name="year" label={v.t('plan.new.year')} required width="short" inputmode="numeric" value={form.year ?? String(currentYear())} errors={errors} />
              <SelectField v={v} name="template" label={v.t('plan.new.source')} hint={v.t('plan.new.hint')} required value={form.template ?? templates[0]?.id ?? ''} errors={errors}
                options={[...templates.map((t) => ({ value: t.id, label: v.t('plan.new.source.template', { title: t.source }) })), { value: 'empty', label: v.t('plan.new.source.empty') }]} />
              <button class="button button--primary" type="submit">{v.t('plan.new')}</button>
            </form>
          </section>
        ) : null}
      </Layout>,
      status,
    );
  }

  /** Every unit in reach with its plan of the year (`?tahun=`, default this year) and its progress. */
  async function overviewOf(c: Ctx, reach: { id: string; name: string }[], rawYear: string | undefined) {
    const db = c.var.deps.db;
    const scope = c.var.scope!;
    const ids = scope.all ? null : reach.map((u) => u.id);
    const now = new Date();
    const asked = validateYear(rawYear);
    const year = asked.ok ? asked.value : currentYear(now);
    const years = [...new Set([...(await planYears(db, ids)), currentYear(now), year])].sort((a, b) => b - a);
    const plans = await plansOfYear(db, ids, year);
    const { acts, records } = await progressInputs(db, plans.map((p) => p.id));
    const rows = reach.map((unit) => {
      const plan = plans.find((p) => p.unitId === unit.id) ?? null;
      if (!plan) return { unit, plan, activities: 0, progress: null, overdue: 0 };
      const mine = acts.filter((a) => a.planId === plan.id);
      const p = planProgress(plan.year, mine, records.filter((m) => m.planId === plan.id), now);
      return { unit, plan, activities: mine.length, progress: p.overall, overdue: p.overdue.size };
    });
    return { year, years, rows };
  }

  r.get(BASE, 'workplan.plan.view', (c) => listPage(c));

  r.post(BASE, 'workplan.plan.edit', formAction({
    input: createPlanForm,
    run: async (c, form) => {
      const unitId = form.unit ? form.unit : currentUnitOf(c);
      if (!unitId || !isUuid(unitId) || !c.var.deps.access.can(c.var.actor, 'workplan.plan.edit', unitId)) throw notFound();
      const id = await createPlan(svc(c), { unitId, year: form.year, template: form.template && form.template !== 'empty' ? form.template : null });
      return { to: `${BASE}/${id}`, flash: 'plan.created' };
    },
    page: (c, refused) => listPage(c, refused.form, refused.errors, refused.status as 400 | 409, refused.params),
  }));

  // ---- one plan -----------------------------------------------------------------------------------
  async function planPage(c: Ctx, plan: PlanRow, opts: { form?: Record<string, string>; errors?: FieldErrors; section?: string; status?: 200 | 400 | 409 } = {}) {
    const v = await pageView(c);
    const { unit, areas, activities, people } = await loadPlan(c.var.deps.db, plan);
    const canEdit = v.can('workplan.plan.edit', plan.unitId);
    const errors = opts.errors ?? {};
    const f = opts.section === 'header' ? opts.form ?? {} : {};
    const personOptions = people.map((p) => ({ value: p.id, label: `${p.name} — ${p.position}` }));
    const title = `${v.t('plan.title')} ${plan.year}`;
    const ro = !canEdit;
    const monevRows = await monevOf(c.var.deps.db, plan.id);
    const progress = planProgress(plan.year, activities.map(({ a }) => ({ id: a.id, area: a.area, months: a.months as number[] })), monevRows, new Date());
    const now = new Date();
    const monevMonth = plan.year === currentYear(now) ? currentMonth(now) : 1;
    return c.html(
      <Layout v={v} title={title} crumbs={[{ href: '/', label: v.t('nav.home') }, { href: `${BASE}?unit=${plan.unitId}`, label: v.t('plan.title') }, { label: String(plan.year) }]}>
        <PageHeader title={title} lead={unit.name} actions={<div class="button-row">
          <a class="button button--secondary" href={`${BASE}/${plan.id}/keputusan.pdf`}>{v.t('plan.pdf')}</a>
          <a class="button button--secondary" href={`${BASE}/${plan.id}/jadwal.xlsx`}>{v.t('plan.xlsx')}</a>
        </div>} />
        {opts.section === 'header' || opts.section === 'area' ? <ErrorSummary v={v} errors={errors} /> : null}
        <section class="card" id="keputusan">
          <h2>{v.t('plan.header')}</h2>
          <form method="post" action={`${BASE}/${plan.id}`} novalidate>
            <Csrf v={v} />
            <input type="hidden" name="version" value={capValue(f.version ?? String(plan.version), 20)} />
            <fieldset disabled={ro} class="plan-fieldset">
              <TextField v={v} name="title" label={v.t('plan.field.title')} required value={f.title ?? plan.title} errors={errors} maxlength={300} />
              <TextField v={v} name="number" label={v.t('plan.field.number')} value={f.number ?? plan.decreeNumber} errors={errors} maxlength={200} />
              <TextField v={v} name="date" type="date" width="short" label={v.t('plan.field.date')} value={f.date ?? plan.decreeDate} errors={errors} />
              <TextField v={v} name="place" label={v.t('plan.field.place')} value={f.place ?? plan.place} errors={errors} maxlength={200} />
              <SelectField v={v} name="signer" label={v.t('plan.field.signer')} placeholder={v.t('plan.field.signer_none')} value={f.signer ?? plan.signerPersonId} options={personOptions} errors={errors} />
              {canEdit ? <button class="button button--primary" type="submit">{v.t('ui.save')}</button> : null}
            </fieldset>
          </form>
        </section>

        <section class="card" id="jadwal">
          <h2>{v.t('plan.matrix')}</h2>
          <p class="button-row"><a class="button button--secondary" href={`${BASE}/${plan.id}/monev?bulan=${monevMonth}`}>{v.t('plan.monev')}</a>
            <a class="button button--secondary" href={`${BASE}/${plan.id}/monev?bulan=${monevMonth}#laporan`}>{v.t('plan.report')}</a></p>
          <h3>{v.t('plan.monev.progress')}</h3>
          <ul class="plain-list plan-progress">
            <li><strong>{v.t('plan.monev.overall')}</strong>: {v.t('plan.monev.progress_line', { done: v.num(progress.overall.done), scheduled: v.num(progress.overall.scheduled), pct: v.num(progress.overall.pct) })}</li>
            {progress.perArea.filter((a) => a.scheduled > 0).map((a) => (
              <li>{a.area}. {v.t(`area.${a.area}`)}: {v.t('plan.monev.progress_line', { done: v.num(a.done), scheduled: v.num(a.scheduled), pct: v.num(a.pct) })}</li>
            ))}
            {progress.overdue.size ? <li><Badge tone="danger">{v.t('plan.monev.overdue_count', { n: v.num(progress.overdue.size) })}</Badge></li> : null}
          </ul>
          <ScrollRegion class="plan-matrix" label={v.t('plan.matrix.caption', { year: plan.year })}>
            <table class="plan-matrix__table">
              <caption>{v.t('plan.matrix.caption', { year: plan.year })}</caption>
              <thead><tr><th scope="col">{v.t('plan.matrix.no')}</th><th scope="col">{v.t('plan.activity.field.title')}</th>{MONTHS.map((m) => <th scope="col" class="num">{v.t(`plan.month.${m}`)}</th>)}</tr></thead>
              {AREAS.map((area) => {
                const rows = activities.filter(({ a }) => a.area === area);
                return rows.length === 0 ? null : (
                  <tbody>
                    <tr><th scope="rowgroup" colspan={14} class="plan-matrix__area">{area}. {v.t(`area.${area}`)}</th></tr>
                    {rows.map(({ a }, i) => (
                      <tr><td>{i + 1})</td><th scope="row">{a.title}{a.templateAdded ? <> <span aria-hidden="true">*</span><span class="visually-hidden">({v.t('plan.activity.added')})</span></> : null}</th>{MONTHS.map((m) => {
                        if (!(a.months as number[]).includes(m)) return <td class="num"></td>;
                        const key = `${a.id}:${m}`;
                        const state = markState(progress.done.has(key), progress.overdue.has(key));
                        return <td class={`num plan-matrix__mark${state !== 'scheduled' ? ` plan-matrix__mark--${state}` : ''}`}><span aria-hidden="true">{MARK[state]}</span><span class="visually-hidden">{v.t(`plan.matrix.state.${state}`)}</span></td>;
                      })}</tr>
                    ))}
                  </tbody>
                );
              })}
            </table>
          </ScrollRegion>
          <div class="plan-matrix__legend">
            <h3 id="legend-title">{v.t('plan.matrix.legend')}</h3>
            <ul class="plain-list" aria-labelledby="legend-title">
              {(['scheduled', 'done', 'overdue'] as const).map((st) => (
                <li><span class={`plan-matrix__mark${st !== 'scheduled' ? ` plan-matrix__mark--${st}` : ''}`} aria-hidden="true">{MARK[st]}</span> {v.t(`plan.matrix.legend.${st}`)}</li>
              ))}
              {activities.some(({ a }) => a.templateAdded) ? <li><span aria-hidden="true">*</span> {v.t('plan.matrix.legend.added')}</li> : null}
            </ul>
          </div>
        </section>

        <section class="card" id="kegiatan">
          <h2>{v.t('plan.activities')}</h2>
          {canEdit ? <p><a class="button button--primary" href={`${BASE}/${plan.id}/kegiatan/baru`}>{v.t('plan.activity.new')}</a></p> : null}
          {AREAS.map((area) => {
            const rows = activities.filter(({ a }) => a.area === area);
            return (
              <div class="plan-area-activities">
                <h3>{area}. {v.t(`area.${area}`)}</h3>
                {rows.length === 0 ? <p class="muted">{v.t('plan.activities.empty')}</p> : (
                  <ul class="plain-list plan-activity-list">
                    {rows.map(({ a, picName }) => (
                      <li>
                        <strong>{a.title}</strong>{a.templateAdded ? <> <Badge tone="neutral">{v.t('plan.activity.added')}</Badge></> : null} · {monthsLabel(v, a.months as number[])}
                        <br /><span class="muted">{v.t('plan.activity.col.pic')}: {picName ?? v.t('plan.none')}</span>
                        {(a.lkeItems as string[]).length ? <> {(a.lkeItems as string[]).map((code) => <Badge tone="info">{code}</Badge>)}</> : null}
                        {a.outputs ? <><br /><span class="muted">{v.t('plan.activity.field.outputs')}: {a.outputs}</span></> : null}
                        {canEdit ? <> <a href={`${BASE}/${plan.id}/kegiatan/${a.id}`}>{v.t('plan.activity.edit')}</a></> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
        </section>

        <section class="card" id="area">
          <h2>{v.t('plan.areas')}</h2>
          {AREAS.map((area) => {
            const row = areas.find((x) => x.area === area);
            const af = opts.section === 'area' && opts.form?.area === String(area) ? opts.form : null;
            return (
              <details class="plan-area" open={!!af}>
                <summary>{area}. {v.t(`area.${area}`)}</summary>
                <form method="post" action={`${BASE}/${plan.id}/area/${area}`} novalidate>
                  <Csrf v={v} />
                  <fieldset disabled={ro} class="plan-fieldset">
                    <TextAreaField v={v} name="purpose" id={`purpose-${area}`} label={v.t('plan.area.purpose')} rows={3} maxlength={TEXT_MAX} value={af?.purpose ?? row?.purpose ?? ''} errors={af ? errors : undefined} />
                    <TextAreaField v={v} name="targets" id={`targets-${area}`} label={v.t('plan.area.targets')} hint={v.t('plan.area.lines_hint')} rows={5} value={af?.targets ?? ((row?.targets as string[]) ?? []).join('\n')} errors={af ? errors : undefined} />
                    <TextAreaField v={v} name="indicators" id={`indicators-${area}`} label={v.t('plan.area.indicators')} hint={v.t('plan.area.lines_hint')} rows={6} value={af?.indicators ?? ((row?.indicators as string[]) ?? []).join('\n')} errors={af ? errors : undefined} />
                    {canEdit ? <button class="button button--primary" type="submit">{v.t('plan.area.save', { area })}</button> : null}
                  </fieldset>
                </form>
              </details>
            );
          })}
        </section>
      </Layout>,
      opts.status ?? 200,
    );
  }

  r.get(`${BASE}/${ID}`, 'workplan.plan.view', async (c) => planPage(c, await planOr404(c)));

  r.post(`${BASE}/${ID}`, 'workplan.plan.edit', formAction({
    input: headerForm,
    run: async (c, input) => {
      const plan = await planOr404(c);
      await updateHeader(svc(c), plan, input);
      return { to: `${BASE}/${plan.id}`, flash: 'plan.saved' };
    },
    page: async (c, refused) => planPage(c, await planOr404(c), { form: refused.form, errors: refused.errors, section: 'header', status: refused.status as 400 | 409 }),
  }));

  r.post(`${BASE}/${ID}/area/:area{[0-9]+}`, 'workplan.plan.edit', formAction({
    input: areaForm,
    run: async (c, input) => {
      const plan = await planOr404(c);
      await updateArea(svc(c), plan, c.req.param('area'), input);
      return { to: `${BASE}/${plan.id}#area`, flash: 'plan.saved' };
    },
    page: async (c, refused) => planPage(c, await planOr404(c), { form: { ...refused.form, area: c.req.param('area') ?? '' }, errors: refused.errors, section: 'area', status: refused.status as 400 | 409 }),
  }));

  // ---- activities -----------------------------------------------------------------------------------
  async function activityPage(c: Ctx, plan: PlanRow, activityId: string | null, form: Record<string, string | string[]> | null, errors: FieldErrors = {}, params: Record<string, string | number> = {}, status: 200 | 400 | 409 = 200) {
    const v = await pageView(c);
    const { unit, activities, people } = await loadPlan(c.var.deps.db, plan);
    const cur = activityId ? activities.find(({ a }) => a.id === activityId)?.a : null;
    if (activityId && !cur) throw notFound();
    const str = (k: string, fallback: string | null | undefined) => (form ? (form[k] as string | undefined) ?? '' : fallback ?? '');
    const months: string[] = form ? ([] as string[]).concat(form.months ?? []) : ((cur?.months as number[]) ?? []).map(String);
    const title = activityId ? v.t('plan.activity.edit') : v.t('plan.activity.new');
    const texts: Record<string, string> = {};
    for (const [f, key] of Object.entries(errors)) texts[f] = `${v.t(`plan.activity.field.${f}`)}: ${v.t(key, params)}`;
    return c.html(
      <Layout v={v} title={title} narrow crumbs={[{ href: `${BASE}?unit=${plan.unitId}`, label: v.t('plan.title') }, { href: `${BASE}/${plan.id}`, label: String(plan.year) }, { label: title }]}>
        <PageHeader title={title} lead={`${unit.name} · ${plan.year}`} />
        <ErrorSummary v={v} texts={texts} />
        <form method="post" action={`${BASE}/${plan.id}/kegiatan${activityId ? `/${activityId}` : ''}`} novalidate>
          <Csrf v={v} />
          <SelectField v={v} name="area" label={v.t('plan.activity.field.area')} required value={str('area', cur ? String(cur.area) : c.req.query('area') ?? '')} errors={errors}
            options={AREAS.map((a) => ({ value: String(a), label: `${a}. ${v.t(`area.${a}`)}` }))} />
          <TextField v={v} name="title" label={v.t('plan.activity.field.title')} required maxlength={300} value={str('title', cur?.title)} errors={errors} />
          <SelectField v={v} name="pic" label={v.t('plan.activity.field.pic')} placeholder={v.t('plan.field.signer_none')} value={str('pic', cur?.picPersonId)} errors={errors}
            options={people.map((p) => ({ value: p.id, label: `${p.name} — ${p.position}` }))} />
          <CheckboxGroup v={v} name="months" legend={v.t('plan.activity.field.months')} required value={months} errors={errors} class="plan-months"
            choices={MONTHS.map((m) => ({ value: String(m), label: v.t(`plan.month.${m}`) }))} />
          <TextAreaField v={v} name="outputs" label={v.t('plan.activity.field.outputs')} rows={2} maxlength={TEXT_MAX} value={str('outputs', cur?.outputs)} errors={errors} errorParams={params} />
          <TextAreaField v={v} name="evidence" label={v.t('plan.activity.field.evidence')} rows={2} maxlength={TEXT_MAX} value={str('evidence', cur?.evidenceExpected)} errors={errors} errorParams={params} />
          <TextField v={v} name="lke" label={v.t('plan.activity.field.lke')} hint={v.t('plan.activity.field.lke_hint')} value={str('lke', ((cur?.lkeItems as string[]) ?? []).join(', '))} errors={errors} errorParams={params} maxlength={2000} />
          <div class="button-row">
            <button class="button button--primary" type="submit">{v.t('ui.save')}</button>
            <a class="button button--secondary" href={`${BASE}/${plan.id}#kegiatan`}>{v.t('ui.cancel')}</a>
          </div>
        </form>
        {activityId ? (
          <form method="post" action={`${BASE}/${plan.id}/kegiatan/${activityId}/hapus`} class="plan-delete" novalidate>
            <Csrf v={v} />
            <button class="button button--danger" type="submit">{v.t('plan.activity.delete')}</button>
          </form>
        ) : null}
      </Layout>,
      status,
    );
  }

  const postActivity = (activityId: (c: Ctx) => string | null) => formAction({
    input: activityForm,
    run: async (c, input, posted) => {
      const plan = await planOr404(c);
      await saveActivity(svc(c), plan, activityId(c), { ...input, months: posted.all.months ?? [] });
      return { to: `${BASE}/${plan.id}#kegiatan`, flash: 'plan.saved' };
    },
    page: async (c, refused) => activityPage(c, await planOr404(c), activityId(c), { ...refused.form, months: refused.all.months ?? [] }, refused.errors, refused.params, refused.status as 400 | 409),
  });

  r.get(`${BASE}/${ID}/kegiatan/baru`, 'workplan.plan.edit', async (c) => activityPage(c, await planOr404(c), null, null));
  r.post(`${BASE}/${ID}/kegiatan`, 'workplan.plan.edit', postActivity(() => null));
  r.get(`${BASE}/${ID}/kegiatan/:aid{[0-9a-f-]{36}}`, 'workplan.plan.edit', async (c) => activityPage(c, await planOr404(c), aidOf(c), null));
  r.post(`${BASE}/${ID}/kegiatan/:aid{[0-9a-f-]{36}}`, 'workplan.plan.edit', postActivity(aidOf));
  r.post(`${BASE}/${ID}/kegiatan/:aid{[0-9a-f-]{36}}/hapus`, 'workplan.plan.edit', async (c) => {
    const plan = await planOr404(c);
    await deleteActivity(svc(c), plan, aidOf(c));
    flash(c, 'success', 'plan.activity.deleted');
    return c.redirect(`${BASE}/${plan.id}#kegiatan`, 303);
  });

  // ---- decree PDF -----------------------------------------------------------------------------------
  r.get(`${BASE}/${ID}/keputusan.pdf`, 'workplan.plan.view', async (c) => {
    const plan = await planOr404(c);
    const names: Record<number, string> = {};
    for (const a of AREAS) names[a] = c.var.deps.i18n.translator('id')(`area.${a}`);
    const model = await decreeOf(c.var.deps.db, plan, names, { files: c.var.deps.files });
    const pdf = renderDecreePdf(model, plan.updatedAt);
    return pdfResponse(pdf, `Keputusan-Rencana-Kerja-ZI-${plan.year}.pdf`);
  });

  // ---- schedule workbook -----------------------------------------------------------------------------
  r.get(`${BASE}/${ID}/jadwal.xlsx`, 'workplan.plan.view', async (c) => {
    const plan = await planOr404(c);
    const v = await pageView(c);
    const { activities } = await loadPlan(c.var.deps.db, plan);
    const xlsx = await renderScheduleXlsx({
      sheet: v.t('plan.matrix'), title: `${v.t('plan.matrix.caption', { year: plan.year })}`,
      area: v.t('plan.activity.field.area'), activity: v.t('plan.activity.field.title'), pic: v.t('plan.activity.field.pic'),
      months: MONTHS.map((m) => v.t(`plan.month.${m}`)), outputs: v.t('plan.activity.field.outputs'), evidence: v.t('plan.activity.field.evidence'), lke: v.t('plan.activity.field.lke'),
    }, activities.map(({ a, picName }) => ({
      area: a.area, areaName: v.t(`area.${a.area}`), title: a.title, pic: picName ?? '', months: a.months as number[],
      outputs: a.outputs ?? '', evidence: a.evidenceExpected ?? '', lke: (a.lkeItems as string[]).join(', '),
    })));
    return new Response(new Uint8Array(xlsx), { headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="Jadwal-Rencana-Kerja-ZI-${plan.year}.xlsx"`,
      'Cache-Control': 'private, no-store',
    } });
  });

  registerMonevRoutes(r);
}
