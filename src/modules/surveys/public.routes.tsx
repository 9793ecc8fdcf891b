// The public survey pages: the form behind a short link (/s/:unit/:service for SKM, /s/:unit/ipak
// and /s/:unit/ipkp for the unit's SPAK and SPKP), its thanks page (POST → 303 → thanks; on a
// counter device back to an empty form for the next respondent), the unit's published results
// (/publik/unit/:code/survei) and, for staff, the QR posters and the unit's counter devices. Forms
// work without JavaScript on a 360 px phone, in Indonesian and English.
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { pdfResponse } from '../../kernel/documents.ts';
import { inScope } from '../../kernel/access.ts';
import { DatabaseBusyError, boundedDbWait } from '../../kernel/db.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import { clientAddress, currentUnitOf, errorResponse, flash, formOf, pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { isUuid } from '../../kernel/kernel.routes.tsx';
import { Badge, capValue, Csrf, ErrorSummary, PageHeader, registerField, ScrollRegion, TextField, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { findRegency, findUnit } from '../org/index.ts';
import { listServices } from '../services/index.ts';
import { formViewOf, type FormView } from './public.instrument.ts';
import { renderPosterPdf } from './public.poster.ts';
import { ResultsPage, publicResults } from './public.results.tsx';
import { auditActorOf } from './surveys.service.ts';
import { listDevices, registerDevice, revokeDevice } from './public.devices.ts';
import { DEVICE_COOKIE, deviceCookie, deviceIdOf, HONEYPOT_FIELD, itemField, newPhoneToken, PHONE_COOKIE, phoneTokenOf, PUBLIC_SURVEY_RULES, STAMP_FIELD, STAMP_PATTERN, surveyFormPath } from './public.rules.ts';
import { dayIn } from '../../kernel/workdays.ts';
import { counterDeviceOf, formContext, linkSegment, stampFor, submitResponse, targetOf, type FormContext } from './public.service.ts';

const UNIT_CODE = '[A-Za-z0-9._-]{1,40}';
const SEGMENT = '[A-Za-z0-9._-]{1,40}';

const formPath = surveyFormPath;
export const resultsPath = (unitCode: string) => `/publik/unit/${encodeURIComponent(unitCode)}/survei`;
export const DEVICES_PATH = '/survei/perangkat';

function surveyTitle(v: View, kind: string): string {
  return v.t(`survey.public.kind.${kind}`);
}

function ClosedPage({ v, ctx }: { v: View; ctx: FormContext }) {
  const title = v.t('survey.public.closed.title');
  return (
    <Layout v={v} title={title} narrow>
      <p class="survey-unit">{ctx.unit.name}</p>
      <h1>{title}</h1>
      <p class="lead">{v.t('survey.public.closed', {})}</p>
      <p>{ctx.service ? `${surveyTitle(v, ctx.target.kind)} — ${ctx.service.name}` : surveyTitle(v, ctx.target.kind)}</p>
      <p><a href={resultsPath(ctx.unit.code)}>{v.t('survey.public.results_link')}</a></p>
    </Layout>
  );
}

interface FormOpts { form?: Record<string, string>; errors?: FieldErrors; message?: string; stamp: string; device?: string | null }

function SurveyForm({ v, ctx, fv, opts }: { v: View; ctx: FormContext; fv: FormView; opts: FormOpts }) {
  const period = ctx.period!;
  const val = (k: string) => opts.form?.[k] ?? '';
  const errors = opts.errors ?? {};
  const heading = ctx.service ? ctx.service.name : fv.title;
  const labels: Record<string, string> = { suggestion: v.t('survey.public.suggestion'), code: v.t('survey.public.code') };
  for (const [i, item] of fv.items.entries()) labels[itemField(item.code)] = `${i + 1}. ${item.name}`;
  for (const p of fv.profile) labels[p.field] = p.label;
  const action = formPath(ctx.unit.code, linkSegment(ctx.target));
  return (
    <Layout v={v} title={`${fv.title} · ${heading}`} narrow>
      <p class="survey-unit">{ctx.unit.name}</p>
      <h1>{heading}</h1>
      <p class="lead">{ctx.service ? fv.title : v.t('survey.public.unit_wide')}</p>
      <p>{v.t('survey.public.intro', { n: fv.items.length })}</p>
      {opts.device ? <p class="alert alert--warning survey-device" role="note">{v.t('survey.device.banner', { label: opts.device })}</p> : null}
      {opts.message ? <div class="alert alert--error" role="alert">{opts.message}</div> : null}
      <ErrorSummary v={v} errors={errors} labels={labels} params={{ n: PUBLIC_SURVEY_RULES.suggestionMax }} />
      <form method="post" action={action} class="form survey-form" novalidate autocomplete={opts.device ? 'off' : undefined}>
        <Csrf v={v} />
        <input type="hidden" name={STAMP_FIELD} value={opts.stamp} />
        <div class="survey-hp" aria-hidden="true">
          <label for={`f-${HONEYPOT_FIELD}`}>{v.t('survey.public.honeypot')}</label>
          <input type="text" id={`f-${HONEYPOT_FIELD}`} name={HONEYPOT_FIELD} value="" tabindex={-1} autocomplete="off" />
        </div>
        {fv.items.map((item, i) => {
          const f = itemField(item.code);
          const err = errors[f];
          // the error summary links to the question's first answer
          registerField(v, f, `f-${f}-${item.options[0]?.value}`);
          return (
            <fieldset class={err ? 'survey-q field--error' : 'survey-q'} id={`f-${f}`} aria-describedby={err ? `e-${f}` : undefined}>
              <legend class="survey-q__legend">
                <span class="survey-q__name">{i + 1}. {item.name}</span>
                <span class="survey-q__text">{item.question}</span>
              </legend>
              {err ? <div class="field__error" id={`e-${f}`}><span class="visually-hidden">{v.t('form.error_prefix')}</span>{v.t(err)}</div> : null}
              <div class="survey-q__options">
                {item.options.map((o) => (
                  <label class="survey-opt">
                    <input type="radio" name={f} value={String(o.value)} checked={val(f) === String(o.value)} required id={`f-${f}-${o.value}`}
                      aria-invalid={err ? 'true' : undefined} aria-describedby={err ? `e-${f}` : undefined} />
                    <span>{o.label}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}
        <fieldset class="survey-profile">
          <legend class="survey-q__legend"><span class="survey-q__name">{v.t('survey.public.profile')}</span>
            <span class="survey-q__text">{v.t('survey.public.profile_hint')}</span></legend>
          {fv.profile.map((p) => (registerField(v, p.field),
            <div class={errors[p.field] ? 'field field--error' : 'field'}>
              <label class="field__label" for={`f-${p.field}`}>{p.label} <span class="field__optional">({v.t('form.optional')})</span></label>
              {errors[p.field] ? <div class="field__error" id={`e-${p.field}`}>{v.t(errors[p.field])}</div> : null}
              <select class="input" id={`f-${p.field}`} name={p.field} aria-invalid={errors[p.field] ? 'true' : undefined} aria-describedby={errors[p.field] ? `e-${p.field}` : undefined}>
                <option value="">{v.t('survey.public.profile_none')}</option>
                {p.options.map((o) => <option value={o.value} selected={val(p.field) === o.value}>{o.label}</option>)}
              </select>
            </div>
          ))}
        </fieldset>
        {registerField(v, 'suggestion')}
        <div class={errors.suggestion ? 'field field--error' : 'field'}>
          <label class="field__label" for="f-suggestion">{labels.suggestion} <span class="field__optional">({v.t('form.optional')})</span></label>
          <div class="field__hint" id="h-suggestion">{v.t('survey.public.suggestion_hint', { n: PUBLIC_SURVEY_RULES.suggestionMax })}</div>
          {errors.suggestion ? <div class="field__error" id="e-suggestion">{v.t(errors.suggestion, { n: PUBLIC_SURVEY_RULES.suggestionMax })}</div> : null}
          <textarea class="input" id="f-suggestion" name="suggestion" rows={4} maxlength={PUBLIC_SURVEY_RULES.suggestionMax} aria-invalid={errors.suggestion ? 'true' : undefined}
            aria-describedby={errors.suggestion ? 'h-suggestion e-suggestion' : 'h-suggestion'}>{capValue(val('suggestion'), PUBLIC_SURVEY_RULES.suggestionMax)}</textarea>
        </div>
        {period.requireCode || errors.code ? (registerField(v, 'code'),
          <div class={errors.code ? 'field field--error' : 'field'}>
            <label class="field__label" for="f-code">{labels.code}</label>
            <div class="field__hint" id="h-code">{v.t('survey.public.code_hint')}</div>
            {errors.code ? <div class="field__error" id="e-code">{v.t(errors.code)}</div> : null}
            <input class="input input--short" id="f-code" name="code" value={capValue(val('code'), PUBLIC_SURVEY_RULES.codeMax)} autocomplete="off" autocapitalize="characters"
              maxlength={PUBLIC_SURVEY_RULES.codeMax} required={period.requireCode} aria-invalid={errors.code ? 'true' : undefined} aria-describedby={errors.code ? 'h-code e-code' : 'h-code'} />
          </div>
        ) : null}
        <div class="form__actions"><button type="submit" class="button button--primary button--block">{v.t('survey.public.submit')}</button></div>
      </form>
      <p class="muted survey-privacy">{v.t('survey.public.privacy')}</p>
    </Layout>
  );
}

export function registerSurveyPublicRoutes(r: Router): void {
  const today = (c: Ctx) => dayIn(new Date(), c.var.deps.config.timeZone);
  const cookieBase = (c: Ctx) => ({ httpOnly: true, sameSite: 'Lax' as const, secure: c.var.deps.config.isProduction });

  /** The phone's token for the day: kept while it is today's, else a new random one (rotated daily). */
  const ensurePhoneCookie = (c: Ctx) => {
    const day = today(c);
    if (phoneTokenOf(getCookie(c, PHONE_COOKIE), day)) return;
    setCookie(c, PHONE_COOKIE, newPhoneToken(day), { ...cookieBase(c), path: '/s/', maxAge: PUBLIC_SURVEY_RULES.phoneCookieMaxAgeS });
  };

  const showForm = async (c: Ctx, ctx: FormContext, opts: Partial<FormOpts> & { status?: 200 | 400 | 409 | 429 } = {}) => {
    const v = await pageView(c);
    const fv = ctx.period ? formViewOf(ctx.period.instrument, v.locale) : null;
    if (!ctx.period || !fv) return c.html(<ClosedPage v={v} ctx={ctx} />, opts.status ?? 200);
    ensurePhoneCookie(c);
    const { deps } = c.var;
    const device = await counterDeviceOf(deps.db, deps.config.secretKey, ctx.unit.id, getCookie(c, DEVICE_COOKIE));
    const stamp = opts.stamp ?? stampFor(deps.config.secretKey, ctx.period.id);
    return c.html(<SurveyForm v={v} ctx={ctx} fv={fv} opts={{ ...opts, stamp, device: device?.label ?? null }} />, opts.status ?? 200);
  };

  const seg = `/s/:unit{${UNIT_CODE}}/:target{${SEGMENT}}`;

  r.get(seg, 'surveys.public.form', async (c) => {
    const ctx = await formContext(c.var.deps.db, (c.req.param('unit') ?? ''), (c.req.param('target') ?? ''), today(c));
    return showForm(c, ctx);
  });

  r.post(seg, 'surveys.public.form', async (c) => {
    const { deps } = c.var;
    const unitCode = (c.req.param('unit') ?? '');
    const segment = (c.req.param('target') ?? '');
    const declared = Number(c.req.header('content-length') ?? '0');
    if (declared > PUBLIC_SURVEY_RULES.bodyMaxBytes) return errorResponse(c, new DomainError('validation', 'survey.public.error.too_large'), 413);
    const form = await formOf(c);
    const bodyBytes = Math.max(declared, Object.entries(form).reduce((s, [k, x]) => s + k.length + Buffer.byteLength(x) + 2, 0));
    try {
      // under overload (the embedded engine's one connection queued) refuse early rather than
      // commit after the citizen's phone gave up
      const res = await boundedDbWait(PUBLIC_SURVEY_RULES.dbMaxWaitMs, () => submitResponse({ db: deps.db, secret: deps.config.secretKey, timeZone: deps.config.timeZone }, {
        unitCode, segment, form, client: clientAddress(c), bodyBytes, phoneCookie: getCookie(c, PHONE_COOKIE), deviceCookie: getCookie(c, DEVICE_COOKIE),
      }));
      const path = formPath(res.ctx.unit.code, linkSegment(res.ctx.target));
      if (res.outcome === 'stored' && res.device) {
        // a counter device: back to an empty form for the next respondent
        flash(c, 'success', 'survey.device.thanks');
        return c.redirect(path, 303);
      }
      return c.redirect(`${path}/terima-kasih`, 303);
    } catch (err) {
      if (err instanceof DatabaseBusyError) {
        c.header('Retry-After', String(PUBLIC_SURVEY_RULES.busyRetryAfterS));
        return errorResponse(c, new DomainError('conflict', 'survey.public.error.busy', { seconds: PUBLIC_SURVEY_RULES.busyRetryAfterS }), 503);
      }
      if (!(err instanceof DomainError)) throw err;
      if (err.code === 'survey.public.error.too_large') return errorResponse(c, err, 413);
      if (err.kind === 'not_found' || err.kind === 'throttled') throw err;
      const ctx = await formContext(deps.db, unitCode, segment, today(c));
      if (err.code === 'survey.public.closed') return showForm(c, ctx, { status: 409 });
      const status = err.kind === 'conflict' ? 409 : 400;
      const message = Object.keys(err.fieldErrors).length ? undefined : c.var.t(err.code, err.params);
      // a form already sent: say so, and offer an empty form (its answers are not offered to be sent again)
      if (err.code === 'survey.public.error.replayed') return showForm(c, ctx, { message, status });
      // the answers stay on the page; a stale stamp is replaced, otherwise the original (unspent) one is kept
      const keepStamp = err.code !== 'survey.public.error.stale' ? form[STAMP_FIELD] : undefined;
      const clean = { ...form, [HONEYPOT_FIELD]: '' };
      return showForm(c, ctx, { form: clean, errors: err.fieldErrors, message, stamp: keepStamp && STAMP_PATTERN.test(keepStamp) ? keepStamp : undefined, status });
    }
  });

  r.get(`${seg}/terima-kasih`, 'surveys.public.form', async (c) => {
    const ctx = await formContext(c.var.deps.db, (c.req.param('unit') ?? ''), (c.req.param('target') ?? ''), today(c));
    const v = await pageView(c);
    const title = v.t('survey.public.thanks.title');
    return c.html(
      <Layout v={v} title={title} narrow>
        <p class="survey-unit">{ctx.unit.name}</p>
        <h1>{title}</h1>
        <p class="lead">{v.t('survey.public.thanks')}</p>
        <p>{v.t('survey.public.thanks.next')}</p>
        <p><a class="button" href={resultsPath(ctx.unit.code)}>{v.t('survey.public.results_link')}</a></p>
      </Layout>,
    );
  });

  // ---- the unit's published results ----------------------------------------------------------
  r.get(`/publik/unit/:code{${UNIT_CODE}}/survei`, 'surveys.public.results', async (c) => {
    const data = await publicResults(c.var.deps.db, (c.req.param('code') ?? ''));
    if (!data) throw notFound();
    const v = await pageView(c);
    return c.html(<ResultsPage v={v} data={data} />);
  });

  // ---- staff: QR posters ---------------------------------------------------------------------
  const posterUnit = (c: Ctx, raw: string | undefined) => {
    const unitId = raw || currentUnitOf(c);
    if (!unitId || !isUuid(unitId) || !inScope(c.var.scope!, unitId)) throw notFound();
    return unitId;
  };

  r.get('/survei/poster', 'surveys.poster', async (c) => {
    const { deps, scope } = c.var;
    const unitId = posterUnit(c, c.req.query('unit'));
    const unit = await findUnit(deps.db, scope!, unitId);
    if (!unit) throw notFound();
    const services = await listServices(deps.db, unitId);
    const v = await pageView(c);
    const base = deps.config.publicUrl;
    const rows = [
      ...services.filter((s) => s.isActive).map((s) => ({ label: s.name, sub: surveyTitle(v, 'skm'), segment: s.code })),
      { label: surveyTitle(v, 'spak'), sub: v.t('survey.public.unit_wide'), segment: 'ipak' },
      { label: surveyTitle(v, 'spkp'), sub: v.t('survey.public.unit_wide'), segment: 'ipkp' },
    ];
    return c.html(
      <Layout v={v} title={v.t('survey.poster.title')} crumbs={[{ href: '/', label: v.t('nav.home') }, { label: v.t('survey.poster.title') }]}>
        <PageHeader title={v.t('survey.poster.title')} lead={unit.name} />
        <p>{v.t('survey.poster.lead')}</p>
        <ScrollRegion label={v.t('survey.poster.title')}>
          <table class="table">
            <caption class="visually-hidden">{v.t('survey.poster.title')}</caption>
            <thead><tr><th scope="col">{v.t('survey.poster.form')}</th><th scope="col">{v.t('survey.poster.link')}</th><th scope="col">{v.t('survey.poster.pdf')}</th></tr></thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <td data-label={v.t('survey.poster.form')}><strong>{row.label}</strong><br /><span class="muted">{row.sub}</span></td>
                  <td data-label={v.t('survey.poster.link')}><a href={formPath(unit.code, row.segment)}><code class="survey-link">{`${base}${formPath(unit.code, row.segment)}`}</code></a></td>
                  <td data-label={v.t('survey.poster.pdf')}><a href={`/survei/poster/${unitId}/${encodeURIComponent(row.segment)}.pdf`}>{v.t('survey.poster.download')}</a></td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </Layout>,
    );
  });

  r.get(`/survei/poster/:unit{[0-9a-f-]{36}}/:file{${SEGMENT}\\.pdf}`, 'surveys.poster', async (c) => {
    const { deps, scope } = c.var;
    const unitId = posterUnit(c, (c.req.param('unit') ?? ''));
    const unit = await findUnit(deps.db, scope!, unitId);
    if (!unit) throw notFound();
    const segment = (c.req.param('file') ?? '').replace(/\.pdf$/, '');
    const target = targetOf(segment);
    let serviceName: string;
    let survey: string | null = null;
    const t = deps.i18n.translator('id');
    if (target.kind === 'skm') {
      const s = (await listServices(deps.db, unitId)).find((x) => x.code.toLowerCase() === segment.toLowerCase());
      if (!s) throw notFound();
      serviceName = s.name;
    } else {
      serviceName = t(`survey.public.kind.${target.kind}`);
      survey = t('survey.public.unit_wide');
    }
    const regency = await findRegency(deps.db);
    const url = `${deps.config.publicUrl}${formPath(unit.code, linkSegment(target.kind === 'skm' ? { kind: 'skm', serviceCode: segment } : target))}`;
    const pdf = renderPosterPdf({ regency: regency?.name ?? '', unit: unit.name, service: serviceName, survey, surveyTitle: t(`survey.public.kind.${target.kind}`), url, at: new Date() });
    return pdfResponse(pdf, `Poster-Survei-${unit.code}-${segment}.pdf`, { cacheControl: null });
  });

  // ---- staff: the unit's counter devices -----------------------------------------------------
  const devicesUnit = (c: Ctx, raw: string | undefined) => {
    const unitId = raw || currentUnitOf(c);
    if (!unitId || !isUuid(unitId) || !inScope(c.var.scope!, unitId)) throw notFound();
    return unitId;
  };

  const devicesPage = async (c: Ctx, unitId: string, form: Record<string, string> = {}, errors: FieldErrors = {}, status: 200 | 400 = 200) => {
    const { deps, scope } = c.var;
    const unit = await findUnit(deps.db, scope!, unitId);
    if (!unit) throw notFound();
    const v = await pageView(c);
    const list = await listDevices(deps.db, unitId);
    const here = deviceIdOf(deps.config.secretKey, getCookie(c, DEVICE_COOKIE));
    const thisDevice = list.find((d) => d.id === here && !d.revokedAt) ?? null;
    const services = (await listServices(deps.db, unitId)).filter((x) => x.isActive);
    const forms = [
      ...services.map((x) => ({ label: x.name, segment: x.code })),
      { label: surveyTitle(v, 'spak'), segment: 'ipak' },
      { label: surveyTitle(v, 'spkp'), segment: 'ipkp' },
    ];
    const title = v.t('survey.device.title');
    return c.html(
      <Layout v={v} title={title} crumbs={[{ href: '/', label: v.t('nav.home') }, { href: `/survei?unit=${unitId}`, label: v.t('surveys.title') }, { label: title }]}>
        <PageHeader title={title} lead={unit.name} />
        <p>{v.t('survey.device.lead')}</p>
        {thisDevice ? <div class="alert alert--success" role="status">{v.t('survey.device.this', { label: thisDevice.label })}</div> : null}
        <section class="card">
          <h2>{v.t('survey.device.list')}</h2>
          {list.length === 0 ? <p class="muted">{v.t('survey.device.empty')}</p> : (
            <ScrollRegion label={v.t('survey.device.list')}><table class="table">
              <caption class="visually-hidden">{v.t('survey.device.list')}</caption>
              <thead><tr><th scope="col">{v.t('survey.device.col.label')}</th><th scope="col">{v.t('survey.device.col.registered')}</th><th scope="col">{v.t('survey.device.col.status')}</th><th scope="col">{v.t('survey.device.col.action')}</th></tr></thead>
              <tbody>{list.map((d) => (
                <tr>
                  <th scope="row" data-label={v.t('survey.device.col.label')}>{d.label}{d.id === thisDevice?.id ? <> <span class="muted">({v.t('survey.device.this_short')})</span></> : null}</th>
                  <td data-label={v.t('survey.device.col.registered')}>{v.dateTime(d.createdAt)}{d.createdBy ? ` · ${d.createdBy}` : ''}</td>
                  <td data-label={v.t('survey.device.col.status')}>{d.revokedAt
                    ? <><Badge tone="neutral">{v.t('survey.device.revoked')}</Badge> <span class="muted">{v.dateTime(d.revokedAt)}{d.revokedBy ? ` · ${d.revokedBy}` : ''}</span></>
                    : <Badge tone="success">{v.t('survey.device.active')}</Badge>}</td>
                  <td data-label={v.t('survey.device.col.action')}>{d.revokedAt ? '—' : (
                    <form method="post" action={`${DEVICES_PATH}/${d.id}/cabut`} novalidate>
                      <Csrf v={v} /><input type="hidden" name="unit" value={unitId} />
                      <button type="submit" class="button button--secondary button--small">{v.t('survey.device.revoke', { label: d.label })}</button>
                    </form>
                  )}</td>
                </tr>
              ))}</tbody>
            </table></ScrollRegion>
          )}
        </section>
        <section class="card" id="daftar">
          <h2>{v.t('survey.device.register')}</h2>
          <p>{v.t('survey.device.register_lead')}</p>
          <ErrorSummary v={v} errors={errors} />
          <form method="post" action={DEVICES_PATH} class="form" novalidate>
            <Csrf v={v} />
            <input type="hidden" name="unit" value={unitId} />
            <TextField v={v} name="label" label={v.t('survey.device.field.label')} hint={v.t('survey.device.field.label_hint')} required
              maxlength={PUBLIC_SURVEY_RULES.deviceLabelMax} value={form.label ?? ''} errors={errors} />
            <div class="form__actions"><button type="submit" class="button button--primary">{v.t('survey.device.register_submit')}</button></div>
          </form>
        </section>
        <section class="card">
          <h2>{v.t('survey.device.forms')}</h2>
          <ul class="survey-device-forms">{forms.map((f) => <li><a href={formPath(unit.code, f.segment)}>{f.label}</a></li>)}</ul>
        </section>
      </Layout>, status);
  };

  r.get(DEVICES_PATH, 'surveys.manage', async (c) => devicesPage(c, devicesUnit(c, c.req.query('unit'))));

  r.post(DEVICES_PATH, 'surveys.manage', async (c) => {
    const form = await formOf(c);
    const unitId = devicesUnit(c, form.unit);
    const { deps, actor } = c.var;
    try {
      const id = await registerDevice(deps.db, auditActorOf(actor!), unitId, form.label);
      setCookie(c, DEVICE_COOKIE, deviceCookie(deps.config.secretKey, id), { ...cookieBase(c), path: '/', maxAge: PUBLIC_SURVEY_RULES.deviceCookieMaxAgeS });
      flash(c, 'success', 'survey.device.registered');
      return c.redirect(`${DEVICES_PATH}?unit=${unitId}`, 303);
    } catch (err) {
      if (!(err instanceof DomainError) || err.kind !== 'validation') throw err;
      return devicesPage(c, unitId, form, err.fieldErrors, 400);
    }
  });

  r.post(`${DEVICES_PATH}/:id{[0-9a-f-]{36}}/cabut`, 'surveys.manage', async (c) => {
    const form = await formOf(c);
    const unitId = devicesUnit(c, form.unit);
    const { deps, actor } = c.var;
    const id = c.req.param('id') ?? '';
    await revokeDevice(deps.db, auditActorOf(actor!), unitId, id);
    // revoked on this very browser: its cookie is of no use any more
    if (deviceIdOf(deps.config.secretKey, getCookie(c, DEVICE_COOKIE)) === id) deleteCookie(c, DEVICE_COOKIE, { path: '/' });
    flash(c, 'success', 'survey.device.revoked_done');
    return c.redirect(`${DEVICES_PATH}?unit=${unitId}`, 303);
  });
}
