// Monev pages of a Rencana Kerja: the month's scheduled activities with their monev form, the
// evidence of each saved record (upload, a file of the unit's library, a link; detach), and the
// monev report PDF for a month, quarter, semester or year.
import { pdfResponse } from '../../kernel/documents.ts';
import { DomainError } from '../../kernel/errors.ts';
import { flash, formOf, pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { Badge, CheckboxField, Csrf, ErrorSummary, FileField, PageHeader, SelectField, TextAreaField, TextField, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { formatFileSize, listUnitFiles, type EvidenceLinkView } from '../evidence/index.ts';
import { renderMonevReportPdf } from './monev.pdf.ts';
import { defaultPeriod, parsePeriod, periodLabel, periodsOfYear } from './monev.rules.ts';
import { addMonevEvidence, monevEvidenceOf, monevReportOf, removeMonevEvidence, type EvidenceInput } from './monev.service.ts';
import { BASE, ID, aidOf, errorsOf, planOr404, svc } from './plan.http.ts';
import { monevOf, type PlanRow } from './plan.queries.ts';
import { MONEV_STATUSES, MONTHS, TEXT_MAX, monthBegun, planProgress } from './plan.rules.ts';
import { dayIn } from '../../kernel/workdays.ts';
import { loadPlan, saveMonev } from './plan.service.ts';

const AID = ':aid{[0-9a-f-]{36}}';
const MONTH = ':month{[0-9]+}';

/** A rejected form of one activity's card: the monev form, or one of its evidence forms. */
interface Failed { activityId: string; form: Record<string, string>; errors: FieldErrors; params?: Record<string, string | number>; evidence?: boolean }

/** the evidence forms' fields and the stems of their ids (…-<activity id>) */
const EVIDENCE_STEMS: Record<string, string> = { file: 'file', title: 'etitle', fileId: 'lib', url: 'url', linkTitle: 'ltitle' };

const monthOf = (raw: string | undefined) => (raw && /^([1-9]|1[0-2])$/.test(raw) ? Number(raw) : null);

function EvidenceList({ v, items, remove }: { v: View; items: EvidenceLinkView[]; remove: ((linkId: string) => string) | null }) {
  if (!items.length) return <p class="muted">{v.t('plan.monev.evidence.empty')}</p>;
  return (
    <ul class="evidence-list">
      {items.map((e) => (
        <li>
          {e.kind === 'file'
            ? <a href={`/evidence/files/${e.fileId}`}>{e.title}</a>
            : <a href={e.url!} rel="noopener noreferrer nofollow" target="_blank">{e.title}</a>}
          <span class="muted"> · {e.kind === 'file' ? `${e.name} · ${formatFileSize(v, e.size ?? 0)}` : v.t('plan.monev.evidence.kind_link')} · {v.date(e.attachedAt)}{e.uploaderName ? ` · ${e.uploaderName}` : ''}</span>
          {remove ? (
            <form method="post" action={remove(e.linkId)} class="inline-form" novalidate>
              <Csrf v={v} />
              <button class="linkbutton" type="submit" aria-label={v.t('evidence.remove_named', { title: e.title })}>{v.t('plan.monev.evidence.remove')}</button>
            </form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function registerMonevRoutes(r: Router) {
  async function monevPage(c: Ctx, plan: PlanRow, month: number, failed: Failed | null = null, status: 200 | 400 | 409 = failed ? 400 : 200) {
    const v = await pageView(c);
    const db = c.var.deps.db;
    const { unit, activities } = await loadPlan(db, plan);
    const [rows, evidence] = await Promise.all([monevOf(db, plan.id), monevEvidenceOf(db, plan.id)]);
    // a month that has not begun has nothing to record yet (saveMonev refuses it too)
    const begun = monthBegun(plan.year, month, dayIn(new Date()));
    const canMonev = v.can('workplan.plan.monev', plan.unitId) && begun;
    const due = activities.filter(({ a }) => (a.months as number[]).includes(month));
    const library = canMonev && due.length ? (await listUnitFiles(db, plan.unitId, { pageSize: 50, sort: 'uploaded', dir: 'desc' })).rows : [];
    const now = new Date();
    const progress = planProgress(plan.year, activities.map(({ a }) => ({ id: a.id, area: a.area, months: a.months as number[] })), rows, now);
    const title = v.t('plan.monev.title', { month: v.t(`plan.month.${month}`), year: plan.year });
    const period = defaultPeriod(plan.year, now);
    // the summary links to the card's fields, whose ids carry the activity's id; an evidence error
    // of no field of its own is shown at (and linked to) the file field
    const summary: Record<string, string> = {};
    const evErrorsOf = (errors: FieldErrors): FieldErrors => Object.fromEntries(Object.entries(errors).map(([k, key]) => [k in EVIDENCE_STEMS ? k : 'file', key]));
    if (failed) for (const [k, key] of Object.entries(failed.evidence ? evErrorsOf(failed.errors) : failed.errors)) summary[`${failed.evidence ? EVIDENCE_STEMS[k] : k}-${failed.activityId}`] = v.t(key, failed.params);
    const base = `${BASE}/${plan.id}/monev`;
    return c.html(
      <Layout v={v} title={title} crumbs={[{ href: `${BASE}?unit=${plan.unitId}`, label: v.t('plan.title') }, { href: `${BASE}/${plan.id}`, label: String(plan.year) }, { label: title }]}>
        <PageHeader title={title} lead={`${unit.name} · ${v.t('plan.monev.lead')}`} />
        {failed ? <ErrorSummary v={v} texts={summary} /> : null}
        <div class="plan-monev-tools">
          <form method="get" action={base} class="card" novalidate>
            <h2 class="plan-monev-tools__title">{v.t('plan.monev.pick')}</h2>
            <p class="muted">{v.t('plan.monev.pick_lead')}</p>
            <SelectField v={v} name="bulan" label={v.t('plan.monev.month')} required value={String(month)} options={MONTHS.map((m) => ({ value: String(m), label: v.t(`plan.month.${m}`) }))} />
            <button class="button button--secondary" type="submit">{v.t('plan.monev.show')}</button>
          </form>
          <form method="get" action={`${base}/laporan.pdf`} class="card" id="laporan" novalidate>
            <h2 class="plan-monev-tools__title">{v.t('plan.report')}</h2>
            <p class="muted">{v.t('plan.report.lead')}</p>
            <SelectField v={v} name="period" label={v.t('plan.report.field')} required value={period.code}
              options={periodsOfYear(plan.year).map((p) => ({ value: p.code, label: periodLabel(v.t, p) }))} />
            <button class="button button--secondary" type="submit">{v.t('plan.report.download')}</button>
          </form>
        </div>
        {!begun ? <p class="alert alert--warning" role="note">{v.t('plan.monev.not_begun_note')}</p> : null}
        {due.length === 0 ? <p class="muted">{v.t('plan.monev.none')}</p> : due.map(({ a, picName }) => {
          const cur = rows.find((x) => x.activityId === a.id && x.month === month);
          const mine = failed?.activityId === a.id;
          const f = mine && !failed!.evidence ? failed!.form : null;
          const errors = mine && !failed!.evidence ? failed!.errors : {};
          const evErrors = mine && failed!.evidence ? evErrorsOf(failed!.errors) : {};
          const params = failed?.params;
          const ef = mine && failed!.evidence ? failed!.form : {};
          const overdue = progress.overdue.has(`${a.id}:${month}`);
          const items = cur ? evidence.get(cur.id) ?? [] : [];
          const act = `${base}/${a.id}/${month}`;
          return (
            <section class={overdue ? 'card plan-monev plan-monev--overdue' : 'card plan-monev'} id={`m-${a.id}`}>
              <h2>{a.area}.{a.seq} {a.title} {overdue ? <Badge tone="danger">{v.t('plan.monev.overdue')}</Badge> : cur?.status === 'done' ? <Badge tone="success">{v.t('plan.monev.status.done')}</Badge> : null}</h2>
              <p class="muted">{v.t('plan.activity.col.pic')}: {picName ?? v.t('plan.none')}</p>
              <form method="post" action={act} novalidate>
                <Csrf v={v} />
                <fieldset disabled={!canMonev} class="plan-fieldset">
                  <SelectField v={v} name="status" id={`status-${a.id}`} label={v.t('plan.monev.status')} required value={f?.status ?? cur?.status ?? ''} errors={errors} errorParams={params}
                    placeholder={v.t('plan.field.signer_none')} options={MONEV_STATUSES.map((st) => ({ value: st, label: v.t(`plan.monev.status.${st}`) }))} />
                  <TextField v={v} name="realisation" id={`realisation-${a.id}`} label={v.t('plan.monev.realisation')} width="short" inputmode="numeric" maxlength={4}
                    value={f?.realisation ?? (cur ? String(cur.realisation) : '')} errors={errors} errorParams={params} />
                  {(['notes', 'problems', 'followUp'] as const).map((k) => (
                    <TextAreaField v={v} name={k} id={`${k}-${a.id}`} label={v.t(`plan.monev.${k}`)} rows={2} maxlength={TEXT_MAX} value={f?.[k] ?? cur?.[k] ?? ''} errors={errors} errorParams={params} />
                  ))}
                  <CheckboxField v={v} name="followUpDone" id={`fud-${a.id}`} label={v.t('plan.monev.followUpDone')} checked={f ? f.followUpDone === '1' : !!cur?.followUpDone} errors={errors} />
                  {canMonev ? <button class="button button--primary" type="submit">{v.t('plan.monev.save')}</button> : null}
                </fieldset>
              </form>

              <div class="plan-monev__evidence" id={`f-evidence-${a.id}`} tabindex={-1}>
                <h3>{v.t('plan.monev.evidence')}{items.length ? <> <Badge tone="info">{v.t('plan.monev.evidence.count', { n: v.num(items.length) })}</Badge></> : null}</h3>
                {cur ? <EvidenceList v={v} items={items} remove={canMonev ? (link) => `${act}/bukti/${link}/hapus` : null} /> : <p class="muted">{canMonev ? v.t('plan.monev.evidence.record_first') : v.t('plan.monev.evidence.empty')}</p>}
                {canMonev && cur ? (
                  <details class="plan-area plan-monev__add" open={Object.keys(evErrors).length > 0}>
                    <summary>{v.t('plan.monev.evidence.add')}</summary>
                    <div class="evidence-forms">
                      <form method="post" action={`${act}/bukti`} enctype="multipart/form-data" class="form" novalidate>
                        <Csrf v={v} />
                        <h4>{v.t('plan.monev.evidence.upload')}</h4>
                        <FileField v={v} name="file" id={`file-${a.id}`} label={v.t('plan.monev.evidence.file')} hint={v.t('plan.monev.evidence.file_hint')} required errors={evErrors} errorParams={params} />
                        <TextField v={v} name="title" id={`etitle-${a.id}`} label={v.t('plan.monev.evidence.file_title')} maxlength={200} value={ef.title} errors={evErrors} errorParams={params} />
                        <div class="form__actions"><button class="button button--secondary" type="submit">{v.t('plan.monev.evidence.upload_button')}</button></div>
                      </form>
                      {library.length ? (
                        <form method="post" action={`${act}/bukti`} class="form" novalidate>
                          <Csrf v={v} />
                          <h4>{v.t('plan.monev.evidence.library')}</h4>
                          <SelectField v={v} name="fileId" id={`lib-${a.id}`} label={v.t('plan.monev.evidence.library_label')} required value={ef.fileId} errors={evErrors} errorParams={params}
                            placeholder={v.t('plan.monev.evidence.choose')} options={library.map((x) => ({ value: x.id, label: `${x.title} (${formatFileSize(v, x.size)})` }))} />
                          <div class="form__actions"><button class="button button--secondary" type="submit">{v.t('plan.monev.evidence.attach')}</button></div>
                        </form>
                      ) : null}
                      <form method="post" action={`${act}/bukti`} class="form" novalidate>
                        <Csrf v={v} />
                        <h4>{v.t('plan.monev.evidence.link')}</h4>
                        <TextField v={v} name="url" type="url" id={`url-${a.id}`} label={v.t('plan.monev.evidence.url')} required maxlength={2000} value={ef.url} errors={evErrors} errorParams={params} />
                        <TextField v={v} name="linkTitle" id={`ltitle-${a.id}`} label={v.t('plan.monev.evidence.link_title')} required maxlength={200} value={ef.linkTitle} errors={evErrors} errorParams={params} />
                        <div class="form__actions"><button class="button button--secondary" type="submit">{v.t('plan.monev.evidence.add_link')}</button></div>
                      </form>
                    </div>
                  </details>
                ) : null}
              </div>
            </section>
          );
        })}
      </Layout>,
      status,
    );
  }

  r.get(`${BASE}/${ID}/monev`, 'workplan.plan.view', async (c) => {
    const plan = await planOr404(c);
    const month = monthOf(c.req.query('bulan')) ?? 1;
    return monevPage(c, plan, month);
  });

  r.post(`${BASE}/${ID}/monev/${AID}/${MONTH}`, 'workplan.plan.monev', async (c) => {
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
      return monevPage(c, plan, m, { activityId: aidOf(c), form, errors: e.errors, params: err instanceof DomainError ? err.params : {} }, e.status);
    }
  });

  // ---- evidence of a monev record ------------------------------------------------------------------
  r.post(`${BASE}/${ID}/monev/${AID}/${MONTH}/bukti`, 'workplan.plan.monev', { files: 1 }, async (c) => {
    const plan = await planOr404(c);
    const month = c.req.param('month') ?? '';
    const body = await c.req.parseBody();
    const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    const file = body.file;
    let input: EvidenceInput | null = null;
    if (file && typeof file !== 'string' && ((file as File).size > 0 || (file as File).name)) {
      input = { kind: 'file', bytes: new Uint8Array(await (file as File).arrayBuffer()), name: (file as File).name, title: str('title') || null };
    } else if (str('fileId')) {
      input = { kind: 'library', fileId: str('fileId') };
    } else if (str('url')) {
      input = { kind: 'url', url: str('url'), title: str('linkTitle') || str('title') };
    }
    try {
      if (!input) throw new DomainError('validation', 'plan.monev.evidence.nothing', {}, { file: 'plan.monev.evidence.nothing' });
      await addMonevEvidence(svc(c), c.var.deps.files, plan, aidOf(c), month, input);
      flash(c, 'success', 'plan.monev.evidence.added');
      return c.redirect(`${BASE}/${plan.id}/monev?bulan=${Number(month)}#f-evidence-${aidOf(c)}`, 303);
    } catch (err) {
      const e = errorsOf(err);
      const m = monthOf(month);
      if (!m) throw err;
      const form = { title: str('title'), fileId: str('fileId'), url: str('url'), linkTitle: str('linkTitle') };
      return monevPage(c, plan, m, { activityId: aidOf(c), form, errors: e.errors, params: err instanceof DomainError ? err.params : {}, evidence: true }, e.status);
    }
  });

  r.post(`${BASE}/${ID}/monev/${AID}/${MONTH}/bukti/:link{[0-9a-f-]{36}}/hapus`, 'workplan.plan.monev', async (c) => {
    const plan = await planOr404(c);
    const month = c.req.param('month') ?? '';
    await removeMonevEvidence(svc(c), plan, aidOf(c), month, c.req.param('link') ?? '');
    flash(c, 'success', 'plan.monev.evidence.removed');
    return c.redirect(`${BASE}/${plan.id}/monev?bulan=${Number(month)}#f-evidence-${aidOf(c)}`, 303);
  });

  // ---- the monev report ------------------------------------------------------------------------------
  r.get(`${BASE}/${ID}/monev/laporan.pdf`, 'workplan.plan.view', async (c) => {
    const plan = await planOr404(c);
    const raw = c.req.query('period');
    const now = new Date();
    let period = defaultPeriod(plan.year, now);
    if (raw !== undefined && raw.trim() !== '') {
      const p = parsePeriod(raw);
      if (!p.ok) throw new DomainError('validation', p.error);
      if (p.value.year !== plan.year) throw new DomainError('validation', 'plan.report.period_year', { year: plan.year });
      period = p.value;
    }
    const t = c.var.deps.i18n.translator('id');
    const model = await monevReportOf(c.var.deps.db, plan, period, t, { today: now, timeZone: c.var.deps.config.timeZone });
    const pdf = renderMonevReportPdf(model, now);
    return pdfResponse(pdf, `Laporan-Monev-Rencana-Kerja-ZI-${period.code}.pdf`);
  });
}
