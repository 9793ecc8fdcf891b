// Rencana Kerja pages: the unit's plans by year, one plan (decree header, six areas, activities,
// monthly matrix), the activity form, and the decree PDF.
import { DomainError, notFound } from '../../kernel/errors.ts';
import { currentUnitOf, flash, formOf, pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { isUuid } from '../../kernel/kernel.routes.tsx';
import { Badge, Csrf, ErrorSummary, PageHeader, SelectField, TextField, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { renderDecreePdf } from './plan.pdf.ts';
import { renderScheduleXlsx } from './plan.xlsx.ts';
import { findPlan, listPlans, monevOf, unitOf, type PlanRow } from './plan.queries.ts';
import { AREAS, MONEV_STATUSES, MONTHS, planProgress } from './plan.rules.ts';
import {
  auditActorOf, createPlan, decreeOf, deleteActivity, listPlanTemplates, loadPlan, saveActivity, saveMonev, updateArea, updateHeader, type Ctx as SvcCtx,
} from './plan.service.ts';

const BASE = '/rencana-kerja';
const ID = ':id{[0-9a-f-]{36}}';

function svc(c: Ctx): SvcCtx {
  return { db: c.var.deps.db, actor: auditActorOf(c.var.actor!) };
}

async function planOr404(c: Ctx): Promise<PlanRow> {
  const id = c.req.param('id');
  const plan = isUuid(id) ? await findPlan(c.var.deps.db, c.var.scope!, id) : null;
  if (!plan) throw notFound();
  return plan;
}

/** Field errors of a rejected form, or rethrow. Conflicts show as a summary line. */
function errorsOf(err: unknown): { errors: FieldErrors; texts: Record<string, string>; status: 400 | 409 } {
  if (err instanceof DomainError && err.kind === 'validation') return { errors: err.fieldErrors, texts: {}, status: 400 };
  if (err instanceof DomainError && err.kind === 'conflict') return { errors: Object.keys(err.fieldErrors).length ? err.fieldErrors : { _: err.code }, texts: {}, status: 409 };
  throw err;
}

const aidOf = (c: Ctx): string => c.req.param('aid') ?? '';

const monthsLabel = (v: View, months: number[]) => months.length === 12 ? `${v.t('plan.month.1')}–${v.t('plan.month.12')}` : months.map((m) => v.t(`plan.month.${m}`)).join(', ');

export function registerPlanRoutes(r: Router) {
  // ---- list ---------------------------------------------------------------------------------------
  async function listPage(c: Ctx, form: Record<string, string> = {}, errors: FieldErrors = {}, status: 200 | 400 | 409 = 200, params: Record<string, string | number> = {}) {
    const v = await pageView(c);
    const unitId = currentUnitOf(c);
    const unit = unitId ? await unitOf(c.var.deps.db, unitId) : null;
    const plans = unit ? await listPlans(c.var.deps.db, unit.id) : [];
    const canEdit = !!unit && v.can('workplan.plan.edit', unit.id);
    const templates = listPlanTemplates();
    const texts: Record<string, string> = {};
    for (const [f, key] of Object.entries(errors)) texts[f] = v.t(key, params);
    return c.html(
      <Layout v={v} title={v.t('plan.title')} crumbs={[{ href: '/', label: v.t('nav.home') }, { label: v.t('plan.title') }]}>
        <PageHeader title={v.t('plan.title')} lead={unit ? v.t('plan.lead', { unit: unit.name }) : v.t('plan.no_unit')} />
        {unit ? (
          <section class="card">
            {plans.length === 0 ? <p class="muted">{v.t('plan.empty')}</p> : (
              <div class="table-wrap"><table class="table">
                <caption class="visually-hidden">{v.t('plan.title')}</caption>
                <thead><tr><th scope="col">{v.t('plan.col.year')}</th><th scope="col">{v.t('plan.col.title')}</th><th scope="col">{v.t('plan.col.number')}</th></tr></thead>
                <tbody>{plans.map((p) => (
                  <tr><td data-label={v.t('plan.col.year')}><a href={`${BASE}/${p.id}`}>{p.year}</a></td><td data-label={v.t('plan.col.title')}>{p.title}</td><td data-label={v.t('plan.col.number')}>{p.decreeNumber ?? v.t('plan.none')}</td></tr>
                ))}</tbody>
              </table></div>
            )}
          </section>
        ) : null}
        {canEdit ? (
          <section class="card">
            <h2>{v.t('plan.new')}</h2>
            <ErrorSummary v={v} texts={texts} />
            <form method="post" action={BASE}>
              <Csrf v={v} />
              <TextField v={v} name="year" label={v.t('plan.new.year')} required width="short" inputmode="numeric" value={form.year ?? String(new Date().getFullYear())} errors={errors} />
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

  r.get(BASE, 'workplan.plan.view', (c) => listPage(c));

  r.post(BASE, 'workplan.plan.edit', async (c) => {
    const form = await formOf(c);
    const unitId = currentUnitOf(c);
    if (!unitId || !c.var.deps.access.can(c.var.actor, 'workplan.plan.edit', unitId)) throw notFound();
    try {
      const id = await createPlan(svc(c), { unitId, year: form.year, template: form.template && form.template !== 'empty' ? form.template : null });
      flash(c, 'success', 'plan.created');
      return c.redirect(`${BASE}/${id}`, 303);
    } catch (err) {
      const e = errorsOf(err);
      return listPage(c, form, e.errors, e.status, err instanceof DomainError ? err.params : {});
    }
  });

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
    const monevMonth = plan.year === now.getUTCFullYear() ? now.getUTCMonth() + 1 : 1;
    return c.html(
      <Layout v={v} title={title} crumbs={[{ href: '/', label: v.t('nav.home') }, { href: BASE, label: v.t('plan.title') }, { label: String(plan.year) }]}>
        <PageHeader title={title} lead={unit.name} actions={<div class="button-row">
          <a class="button button--secondary" href={`${BASE}/${plan.id}/keputusan.pdf`}>{v.t('plan.pdf')}</a>
          <a class="button button--secondary" href={`${BASE}/${plan.id}/jadwal.xlsx`}>{v.t('plan.xlsx')}</a>
        </div>} />
        {opts.section === 'header' || opts.section === 'area' ? <ErrorSummary v={v} errors={errors} /> : null}
        <section class="card" id="keputusan">
          <h2>{v.t('plan.header')}</h2>
          <form method="post" action={`${BASE}/${plan.id}`}>
            <Csrf v={v} />
            <input type="hidden" name="version" value={f.version ?? String(plan.version)} />
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
          <p><a class="button button--secondary" href={`${BASE}/${plan.id}/monev?bulan=${monevMonth}`}>{v.t('plan.monev')}</a></p>
          <h3>{v.t('plan.monev.progress')}</h3>
          <ul class="plain-list plan-progress">
            <li><strong>{v.t('plan.monev.overall')}</strong>: {v.t('plan.monev.progress_line', { done: v.num(progress.overall.done), scheduled: v.num(progress.overall.scheduled), pct: v.num(progress.overall.pct) })}</li>
            {progress.perArea.filter((a) => a.scheduled > 0).map((a) => (
              <li>{a.area}. {v.t(`area.${a.area}`)}: {v.t('plan.monev.progress_line', { done: v.num(a.done), scheduled: v.num(a.scheduled), pct: v.num(a.pct) })}</li>
            ))}
            {progress.overdue.size ? <li><Badge tone="danger">{v.t('plan.monev.overdue_count', { n: v.num(progress.overdue.size) })}</Badge></li> : null}
          </ul>
          <div class="table-wrap plan-matrix">
            <table class="plan-matrix__table">
              <caption>{v.t('plan.matrix.caption', { year: plan.year })}</caption>
              <thead><tr><th scope="col">{v.t('plan.matrix.no')}</th><th scope="col">{v.t('plan.activity.field.title')}</th>{MONTHS.map((m) => <th scope="col" class="num">{v.t(`plan.month.${m}`)}</th>)}</tr></thead>
              {AREAS.map((area) => {
                const rows = activities.filter(({ a }) => a.area === area);
                return rows.length === 0 ? null : (
                  <tbody>
                    <tr><th scope="rowgroup" colspan={14} class="plan-matrix__area">{area}. {v.t(`area.${area}`)}</th></tr>
                    {rows.map(({ a }, i) => (
                      <tr><td>{i + 1})</td><th scope="row">{a.title}</th>{MONTHS.map((m) => {
                        if (!(a.months as number[]).includes(m)) return <td class="num"></td>;
                        const key = `${a.id}:${m}`;
                        const state = progress.done.has(key) ? 'done' : progress.overdue.has(key) ? 'overdue' : null;
                        return <td class={`num plan-matrix__mark${state ? ` plan-matrix__mark--${state}` : ''}`}><span aria-hidden="true">{state === 'done' ? '✓' : state === 'overdue' ? '!' : '●'}</span><span class="visually-hidden">{v.t('plan.matrix.marked')}{state ? `, ${v.t(state === 'done' ? 'plan.monev.done_mark' : 'plan.monev.overdue')}` : ''}</span></td>;
                      })}</tr>
                    ))}
                  </tbody>
                );
              })}
            </table>
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
                        <strong>{a.title}</strong> · {monthsLabel(v, a.months as number[])}
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
                <form method="post" action={`${BASE}/${plan.id}/area/${area}`}>
                  <Csrf v={v} />
                  <fieldset disabled={ro} class="plan-fieldset">
                    <div class="field"><label class="field__label" for={`f-purpose-${area}`}>{v.t('plan.area.purpose')}</label>
                      <textarea class="input" id={`f-purpose-${area}`} name="purpose" rows={3}>{af?.purpose ?? row?.purpose ?? ''}</textarea></div>
                    <div class="field"><label class="field__label" for={`f-targets-${area}`}>{v.t('plan.area.targets')}</label>
                      <div class="field__hint">{v.t('plan.area.lines_hint')}</div>
                      <textarea class="input" id={`f-targets-${area}`} name="targets" rows={5}>{af?.targets ?? ((row?.targets as string[]) ?? []).join('\n')}</textarea></div>
                    <div class="field"><label class="field__label" for={`f-indicators-${area}`}>{v.t('plan.area.indicators')}</label>
                      <div class="field__hint">{v.t('plan.area.lines_hint')}</div>
                      <textarea class="input" id={`f-indicators-${area}`} name="indicators" rows={6}>{af?.indicators ?? ((row?.indicators as string[]) ?? []).join('\n')}</textarea></div>
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

  r.post(`${BASE}/${ID}`, 'workplan.plan.edit', async (c) => {
    const plan = await planOr404(c);
    const form = await formOf(c);
    try {
      await updateHeader(svc(c), plan, form);
      flash(c, 'success', 'plan.saved');
      return c.redirect(`${BASE}/${plan.id}`, 303);
    } catch (err) {
      const e = errorsOf(err);
      return planPage(c, (await findPlan(c.var.deps.db, c.var.scope!, plan.id))!, { form, errors: e.errors, section: 'header', status: e.status });
    }
  });

  r.post(`${BASE}/${ID}/area/:area{[0-9]+}`, 'workplan.plan.edit', async (c) => {
    const plan = await planOr404(c);
    const form = await formOf(c);
    try {
      await updateArea(svc(c), plan, c.req.param('area'), form);
      flash(c, 'success', 'plan.saved');
      return c.redirect(`${BASE}/${plan.id}#area`, 303);
    } catch (err) {
      const e = errorsOf(err);
      return planPage(c, plan, { form: { ...form, area: c.req.param('area') ?? '' }, errors: e.errors, section: 'area', status: e.status });
    }
  });

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
      <Layout v={v} title={title} narrow crumbs={[{ href: BASE, label: v.t('plan.title') }, { href: `${BASE}/${plan.id}`, label: String(plan.year) }, { label: title }]}>
        <PageHeader title={title} lead={`${unit.name} · ${plan.year}`} />
        <ErrorSummary v={v} texts={texts} />
        <form method="post" action={`${BASE}/${plan.id}/kegiatan${activityId ? `/${activityId}` : ''}`}>
          <Csrf v={v} />
          <SelectField v={v} name="area" label={v.t('plan.activity.field.area')} required value={str('area', cur ? String(cur.area) : c.req.query('area') ?? '')} errors={errors}
            options={AREAS.map((a) => ({ value: String(a), label: `${a}. ${v.t(`area.${a}`)}` }))} />
          <TextField v={v} name="title" label={v.t('plan.activity.field.title')} required maxlength={300} value={str('title', cur?.title)} errors={errors} />
          <SelectField v={v} name="pic" label={v.t('plan.activity.field.pic')} placeholder={v.t('plan.field.signer_none')} value={str('pic', cur?.picPersonId)} errors={errors}
            options={people.map((p) => ({ value: p.id, label: `${p.name} — ${p.position}` }))} />
          <fieldset class={errors.months ? 'field field--error plan-months' : 'field plan-months'} id="f-months">
            <legend class="field__label">{v.t('plan.activity.field.months')}</legend>
            {errors.months ? <div class="field__error">{v.t(errors.months)}</div> : null}
            <div class="plan-months__grid">
              {MONTHS.map((m) => (
                <label class="plan-months__item"><input type="checkbox" name="months" value={String(m)} checked={months.includes(String(m))} /> {v.t(`plan.month.${m}`)}</label>
              ))}
            </div>
          </fieldset>
          <div class="field"><label class="field__label" for="f-outputs">{v.t('plan.activity.field.outputs')}</label>
            <textarea class="input" id="f-outputs" name="outputs" rows={2}>{str('outputs', cur?.outputs)}</textarea></div>
          <div class="field"><label class="field__label" for="f-evidence">{v.t('plan.activity.field.evidence')}</label>
            <textarea class="input" id="f-evidence" name="evidence" rows={2}>{str('evidence', cur?.evidenceExpected)}</textarea></div>
          <TextField v={v} name="lke" label={v.t('plan.activity.field.lke')} hint={v.t('plan.activity.field.lke_hint')} value={str('lke', ((cur?.lkeItems as string[]) ?? []).join(', '))} errors={errors} />
          <div class="button-row">
            <button class="button button--primary" type="submit">{v.t('ui.save')}</button>
            <a class="button button--secondary" href={`${BASE}/${plan.id}#kegiatan`}>{v.t('ui.cancel')}</a>
          </div>
        </form>
        {activityId ? (
          <form method="post" action={`${BASE}/${plan.id}/kegiatan/${activityId}/hapus`} class="plan-delete">
            <Csrf v={v} />
            <button class="button button--danger" type="submit">{v.t('plan.activity.delete')}</button>
          </form>
        ) : null}
      </Layout>,
      status,
    );
  }

  async function activityForm(c: Ctx): Promise<Record<string, string | string[]>> {
    const body = await c.req.parseBody({ all: true });
    const out: Record<string, string | string[]> = {};
    for (const [k, val] of Object.entries(body)) {
      if (k === '_csrf') continue;
      const list = (Array.isArray(val) ? val : [val]).filter((x): x is string => typeof x === 'string');
      out[k] = k === 'months' ? list : list[0] ?? '';
    }
    return out;
  }

  async function postActivity(c: Ctx, activityId: string | null) {
    const plan = await planOr404(c);
    const form = await activityForm(c);
    try {
      await saveActivity(svc(c), plan, activityId, { ...(form as Record<string, string>), months: ([] as string[]).concat(form.months ?? []) });
      flash(c, 'success', 'plan.saved');
      return c.redirect(`${BASE}/${plan.id}#kegiatan`, 303);
    } catch (err) {
      const e = errorsOf(err);
      return activityPage(c, plan, activityId, form, e.errors, err instanceof DomainError ? err.params : {}, e.status);
    }
  }

  r.get(`${BASE}/${ID}/kegiatan/baru`, 'workplan.plan.edit', async (c) => activityPage(c, await planOr404(c), null, null));
  r.post(`${BASE}/${ID}/kegiatan`, 'workplan.plan.edit', (c) => postActivity(c, null));
  r.get(`${BASE}/${ID}/kegiatan/:aid{[0-9a-f-]{36}}`, 'workplan.plan.edit', async (c) => activityPage(c, await planOr404(c), aidOf(c), null));
  r.post(`${BASE}/${ID}/kegiatan/:aid{[0-9a-f-]{36}}`, 'workplan.plan.edit', (c) => postActivity(c, aidOf(c)));
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
    const model = await decreeOf(c.var.deps.db, plan, names);
    const pdf = renderDecreePdf(model, plan.updatedAt);
    return new Response(new Uint8Array(pdf), { headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="Keputusan-Rencana-Kerja-ZI-${plan.year}.pdf"`,
      'Cache-Control': 'private, no-store',
    } });
  });

  // ---- monev -------------------------------------------------------------------------------------------
  async function monevPage(c: Ctx, plan: PlanRow, month: number, failed: { activityId: string; form: Record<string, string>; errors: FieldErrors } | null = null) {
    const v = await pageView(c);
    const { unit, activities } = await loadPlan(c.var.deps.db, plan);
    const rows = await monevOf(c.var.deps.db, plan.id);
    const canMonev = v.can('workplan.plan.monev', plan.unitId);
    const due = activities.filter(({ a }) => (a.months as number[]).includes(month));
    const progress = planProgress(plan.year, activities.map(({ a }) => ({ id: a.id, area: a.area, months: a.months as number[] })), rows, new Date());
    const title = v.t('plan.monev.title', { month: v.t(`plan.month.${month}`), year: plan.year });
    return c.html(
      <Layout v={v} title={title} crumbs={[{ href: BASE, label: v.t('plan.title') }, { href: `${BASE}/${plan.id}`, label: String(plan.year) }, { label: title }]}>
        <PageHeader title={title} lead={`${unit.name} · ${v.t('plan.monev.lead')}`} />
        {failed ? <ErrorSummary v={v} errors={failed.errors} /> : null}
        <form method="get" action={`${BASE}/${plan.id}/monev`} class="card">
          <SelectField v={v} name="bulan" label={v.t('plan.monev.month')} required value={String(month)} options={MONTHS.map((m) => ({ value: String(m), label: v.t(`plan.month.${m}`) }))} />
          <button class="button button--secondary" type="submit">{v.t('plan.monev.show')}</button>
        </form>
        {due.length === 0 ? <p class="muted">{v.t('plan.monev.none')}</p> : due.map(({ a, picName }) => {
          const cur = rows.find((r) => r.activityId === a.id && r.month === month);
          const f = failed?.activityId === a.id ? failed.form : null;
          const errors = failed?.activityId === a.id ? failed.errors : {};
          const overdue = progress.overdue.has(`${a.id}:${month}`);
          const idp = `m-${a.id}`;
          return (
            <section class={overdue ? 'card plan-monev plan-monev--overdue' : 'card plan-monev'} id={idp}>
              <h2>{a.area}. {a.title} {overdue ? <Badge tone="danger">{v.t('plan.monev.overdue')}</Badge> : cur?.status === 'done' ? <Badge tone="success">{v.t('plan.monev.status.done')}</Badge> : null}</h2>
              <p class="muted">{v.t('plan.activity.col.pic')}: {picName ?? v.t('plan.none')}</p>
              <form method="post" action={`${BASE}/${plan.id}/monev/${a.id}/${month}`}>
                <Csrf v={v} />
                <fieldset disabled={!canMonev} class="plan-fieldset">
                  <div class={errors.status ? 'field field--error' : 'field'}>
                    <label class="field__label" for={`f-status-${a.id}`}>{v.t('plan.monev.status')}</label>
                    {errors.status ? <div class="field__error">{v.t(errors.status)}</div> : null}
                    <select class="input" id={`f-status-${a.id}`} name="status" required>
                      <option value="">{v.t('plan.field.signer_none')}</option>
                      {MONEV_STATUSES.map((st) => <option value={st} selected={(f?.status ?? cur?.status ?? '') === st}>{v.t(`plan.monev.status.${st}`)}</option>)}
                    </select>
                  </div>
                  <div class={errors.realisation ? 'field field--error' : 'field'}>
                    <label class="field__label" for={`f-realisation-${a.id}`}>{v.t('plan.monev.realisation')}</label>
                    {errors.realisation ? <div class="field__error">{v.t(errors.realisation)}</div> : null}
                    <input class="input input--short" id={`f-realisation-${a.id}`} name="realisation" inputmode="numeric" value={f?.realisation ?? (cur ? String(cur.realisation) : '')} />
                  </div>
                  {(['notes', 'problems', 'followUp'] as const).map((k) => (
                    <div class="field"><label class="field__label" for={`f-${k}-${a.id}`}>{v.t(`plan.monev.${k}`)}</label>
                      <textarea class="input" id={`f-${k}-${a.id}`} name={k} rows={2}>{f?.[k] ?? cur?.[k] ?? ''}</textarea></div>
                  ))}
                  <div class="field field--checkbox">
                    <input type="checkbox" id={`f-fud-${a.id}`} name="followUpDone" value="1" checked={f ? f.followUpDone === '1' : cur?.followUpDone} />
                    <label for={`f-fud-${a.id}`}>{v.t('plan.monev.followUpDone')}</label>
                  </div>
                  {canMonev ? <button class="button button--primary" type="submit">{v.t('plan.monev.save')}</button> : null}
                </fieldset>
              </form>
            </section>
          );
        })}
      </Layout>,
      failed ? 400 : 200,
    );
  }

  const monthOf = (raw: string | undefined) => (raw && /^([1-9]|1[0-2])$/.test(raw) ? Number(raw) : null);

  r.get(`${BASE}/${ID}/monev`, 'workplan.plan.view', async (c) => {
    const plan = await planOr404(c);
    const month = monthOf(c.req.query('bulan')) ?? 1;
    return monevPage(c, plan, month);
  });

  r.post(`${BASE}/${ID}/monev/:aid{[0-9a-f-]{36}}/:month{[0-9]+}`, 'workplan.plan.monev', async (c) => {
    const plan = await planOr404(c);
    const form = await formOf(c);
    const month = c.req.param('month') ?? '';
    try {
      await saveMonev(svc(c), plan, aidOf(c), month, form);
      flash(c, 'success', 'plan.monev.saved');
      return c.redirect(`${BASE}/${plan.id}/monev?bulan=${Number(month)}#m-${aidOf(c)}`, 303);
    } catch (err) {
      const e = errorsOf(err);
      const m = monthOf(month);
      if (!m) throw err;
      return monevPage(c, plan, m, { activityId: aidOf(c), form, errors: e.errors });
    }
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
}
