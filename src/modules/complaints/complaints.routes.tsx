// Routes of the complaints module. Public (no account): the form /pengaduan (and
// /publik/unit/:code/pengaduan with the unit chosen), the tracking page /pengaduan/lacak (the code
// travels only in POST bodies, never in a URL). Staff: /pengaduan/kelola (list, detail, handling,
// entry for other channels), /pengaduan/impor (SP4N-LAPOR! export), /pengaduan/statistik (+ PDF).
// Handlers load their model through complaints.queries.ts, run use cases of complaints.service.ts
// through the form-action pipeline (kernel/forms.ts), and render the *.pages.tsx functions.
import { z } from 'zod';
import { pdfResponse } from '../../kernel/documents.ts';
import { notFound } from '../../kernel/errors.ts';
import { formAction, type Posted, type Refusal } from '../../kernel/forms.ts';
import { clientAddress, flash, pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import type { FieldErrors } from '../../kernel/ui/components.tsx';
import { dayIn, regencyToday } from '../../kernel/workdays.ts';
import { sanitizeFileName } from '../evidence/index.ts';
import { renderComplaintReportPdf, reportModel } from './complaints.pdf.ts';
import { importUpload, type ImportResult } from './complaints.import.ts';
import { activeUnitByCode, activeUnits, complaintAttachment, complaintModel, listModel, reportData, scopedUnits, statsModel, track, type Tracked } from './complaints.queries.ts';
import { publicFormPage, thanksPage, trackPage } from './complaints.public.pages.tsx';
import { importPage, statsPage } from './complaints.report.pages.tsx';
import { detailPage, entryPage, entrySavedPage, listPage } from './complaints.staff.pages.tsx';
import {
  addEntry, addInfo, assign, clientKey, createByStaff, finish, forward, giveSatisfaction, lookUp, receivePublic, throttle, type Attachment, type Ctx as SvcCtx,
} from './complaints.service.ts';
import { BASE } from './complaints.view.tsx';

const ID = ':id{[0-9a-f-]{36}}';

type Status = Refusal['status'] | 200;

function svc(c: Ctx): SvcCtx {
  const a = c.var.actor!;
  return { db: c.var.deps.db, actor: { accountId: a.accountId, label: a.username }, emailEnabled: c.var.deps.emailEnabled };
}

/** The file chosen in a posted file field, or null when nothing was chosen. */
async function attachmentOf(posted: Posted, field: string): Promise<Attachment | null> {
  const file = posted.files[field]?.[0];
  return file ? { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name } : null;
}

/** Counts one attempt of this client today on a public page (throws 'throttled' past the day's limit). */
function spendAttempt(c: Ctx, kind: 'track' | 'submit'): Promise<void> {
  const deps = c.var.deps;
  const today = regencyToday();
  return throttle(deps.db, clientKey(deps.config.secretKey, today, clientAddress(c)), kind, today);
}

export function registerComplaintsRoutes(r: Router): void {
  // ---- the public form -------------------------------------------------------------------------
  async function showPublicForm(c: Ctx, form: Record<string, string>, errors: FieldErrors = {}, status: Status = 200, fixedUnit: { id: string; name: string } | null = null) {
    const units = fixedUnit ? [] : await activeUnits(c.var.deps.db);
    return c.html(publicFormPage(await pageView(c), { units, form, errors, fixedUnit }), status);
  }

  r.get('/pengaduan', 'complaints.public', (c) => showPublicForm(c, { unitId: c.req.query('unit') ?? '' }));

  r.get('/publik/unit/:code{[A-Za-z0-9._-]{1,40}}/pengaduan', 'complaints.public', async (c) => {
    const unit = await activeUnitByCode(c.var.deps.db, c.req.param('code') ?? '');
    if (!unit) throw notFound();
    return showPublicForm(c, { unitId: unit.id }, {}, 200, { id: unit.id, name: unit.name });
  });

  r.post('/pengaduan', 'complaints.public', { files: 1 }, formAction({
    files: ['attachment'],
    shows: ['validation', 'conflict', 'throttled'],
    run: async (c, form, posted) => {
      const { db, files, emailEnabled } = c.var.deps;
      const created = await receivePublic({ db, files, emailEnabled, spendAttempt: () => spendAttempt(c, 'submit') }, form, await attachmentOf(posted, 'attachment'));
      return c.html(thanksPage(await pageView(c), created));
    },
    // the form again, as sent; past the day's limit with 429, any other refusal 400
    page: (c, refused) => showPublicForm(c, refused.form, refused.errors, refused.status === 429 ? 429 : 400),
  }));

  // ---- tracking --------------------------------------------------------------------------------
  async function showTrack(c: Ctx, code: string | null, found: Tracked | null, errors: FieldErrors = {}, status: Status = 200) {
    return c.html(trackPage(await pageView(c), { code, found, errors }), status);
  }

  r.get('/pengaduan/lacak', 'complaints.public', (c) => showTrack(c, null, null));
  r.post('/pengaduan/lacak', 'complaints.public', formAction({
    shows: ['throttled', 'not_found'],
    run: async (c, form) => {
      const code = form.code ?? '';
      return showTrack(c, code, await lookUp({ db: c.var.deps.db, spendAttempt: () => spendAttempt(c, 'track') }, code));
    },
    page: (c, refused) => showTrack(c, null, null, refused.errors, refused.status),
  }));

  /** An addition of the complainant on the tracking page: counted, then the complaint is shown again. */
  const complainantAction = (path: string, use: (c: Ctx, form: Record<string, string>) => Promise<void>, flashKey?: string) =>
    r.post(path, 'complaints.public', formAction({
      shows: ['validation', 'conflict', 'throttled', 'not_found'],
      run: async (c, form) => {
        await spendAttempt(c, 'track');
        await use(c, form);
        if (flashKey) flash(c, 'success', flashKey);
        const code = form.code ?? '';
        return showTrack(c, code, await track(c.var.deps.db, code));
      },
      // throttled or an unknown code: the empty look-up form; otherwise the complaint with the error
      page: async (c, refused) => {
        const code = refused.error.kind === 'throttled' || refused.error.kind === 'not_found' ? '' : refused.form.code ?? '';
        return showTrack(c, code || null, code ? await track(c.var.deps.db, code) : null, refused.errors, refused.status);
      },
    }));
  complainantAction('/pengaduan/lacak/info', (c, f) => addInfo(c.var.deps.db, c.var.deps.emailEnabled, f.code ?? '', f.info ?? ''), 'complaints.track.info_sent');
  complainantAction('/pengaduan/lacak/kepuasan', (c, f) => giveSatisfaction(c.var.deps.db, f.code ?? '', f.satisfaction ?? '', f.note ?? ''));

  // ---- staff: list -------------------------------------------------------------------------------
  r.get(BASE, 'complaints.stats', async (c) => {
    const v = await pageView(c);
    // the regency's viewers see the statistics only
    if (!v.can('complaints.view')) return c.redirect('/pengaduan/statistik', 303);
    const scope = c.var.deps.access.scopeOf(c.var.actor, 'complaints.view')!;
    return c.html(listPage(v, await listModel(c.var.deps.db, scope, (k) => c.req.query(k) ?? '', v.currentUnitId)));
  });

  // ---- staff entry -------------------------------------------------------------------------------
  async function showEntry(c: Ctx, form: Record<string, string>, errors: FieldErrors = {}, status: Status = 200) {
    const units = await scopedUnits(c.var.deps.db, c.var.scope!);
    return c.html(entryPage(await pageView(c), { units, form, errors, unitId: c.req.query('unit'), today: regencyToday() }), status);
  }

  r.get(`${BASE}/baru`, 'complaints.handle', (c) => showEntry(c, {}));
  r.post(`${BASE}/baru`, 'complaints.handle', { files: 1 }, formAction({
    files: ['attachment'],
    run: async (c, form, posted) => {
      const created = await createByStaff(svc(c), c.var.deps.files, c.var.scope!, form, await attachmentOf(posted, 'attachment'));
      return c.html(entrySavedPage(await pageView(c), created));
    },
    page: (c, refused) => showEntry(c, refused.form, refused.errors, refused.status),
  }));

  // ---- staff: detail and handling -----------------------------------------------------------------
  async function showDetail(c: Ctx, errors: FieldErrors = {}, status: Status = 200) {
    const scope = c.var.deps.access.scopeOf(c.var.actor, 'complaints.view');
    const m = scope ? await complaintModel(c.var.deps.db, scope, c.req.param('id') ?? '') : null;
    if (!m) throw notFound();
    return c.html(detailPage(await pageView(c), { ...m, errors }), status);
  }

  r.get(`${BASE}/${ID}`, 'complaints.view', (c) => showDetail(c));

  /** A handling form of the complaint's page: done → back to it (or to the list when it left), refused → the page with the errors. */
  const handle = <I,>(path: string, input: z.ZodType<I>, use: (c: Ctx, id: string, input: I) => Promise<void>, flashKey: string, leaves = false) =>
    r.post(`${BASE}/${ID}/${path}`, 'complaints.handle', formAction({
      input,
      run: async (c, x) => {
        const id = c.req.param('id') ?? '';
        await use(c, id, x);
        return { to: leaves ? BASE : `${BASE}/${id}`, flash: flashKey };
      },
      page: (c, refused) => showDetail(c, refused.errors, refused.status),
    }));
  // the texts are checked by the use cases (complaints.rules.ts parseText); an absent field reads ''
  const text = z.string().default('');
  handle('tugaskan', z.object({ assignee: text }), (c, id, f) => assign(svc(c), c.var.scope!, id, f.assignee), 'complaints.flash.assigned');
  handle('balas', z.object({ reply: text }), (c, id, f) => addEntry(svc(c), c.var.scope!, id, 'reply', f.reply), 'complaints.flash.replied');
  handle('catatan', z.object({ note: text }), (c, id, f) => addEntry(svc(c), c.var.scope!, id, 'note', f.note), 'complaints.flash.noted');
  handle('teruskan', z.object({ toUnitId: text, reason: text }), (c, id, f) => forward(svc(c), c.var.scope!, id, f.toUnitId, f.reason), 'complaints.flash.forwarded', true);
  handle('selesai', z.object({ kind: z.enum(['close', 'reject', 'not_authority'], { message: 'complaints.err.finish_kind' }), text: z.string().optional(), referTo: z.string().optional() }),
    (c, id, f) => finish(svc(c), c.var.scope!, id, f.kind, { text: f.text, referTo: f.referTo }), 'complaints.flash.finished');

  r.get(`${BASE}/${ID}/lampiran`, 'complaints.view', async (c) => {
    const a = await complaintAttachment(c.var.deps.db, c.var.deps.files, c.var.scope!, c.req.param('id') ?? '');
    const name = sanitizeFileName(a.name ?? 'lampiran', { ext: (a.name ?? '').split('.').pop() ?? 'bin' });
    return new Response(new Uint8Array(a.bytes), { headers: {
      'Content-Type': a.mime ?? 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"`,
      'Cache-Control': 'private, no-store',
    } });
  });

  // ---- import -------------------------------------------------------------------------------------
  async function showImport(c: Ctx, result: ImportResult | null = null, errors: FieldErrors = {}, params: Record<string, string | number> = {}, status: Status = 200) {
    const units = await scopedUnits(c.var.deps.db, c.var.scope!);
    return c.html(importPage(await pageView(c), { units, result, errors, params }), status);
  }

  r.get('/pengaduan/impor', 'complaints.handle', (c) => showImport(c));
  r.post('/pengaduan/impor', 'complaints.handle', { files: 1 }, formAction({
    files: ['file'],
    shows: ['validation'],
    field: 'file',
    run: async (c, form, posted) => {
      const result = await importUpload(svc(c), c.var.scope!, form.unitId ?? '', await attachmentOf(posted, 'file'));
      // all or nothing: a file with bad rows imported nothing and lists them
      return showImport(c, result, {}, {}, result.errors.length ? 400 : 200);
    },
    page: (c, refused) => showImport(c, null, refused.errors, refused.params, 400),
  }));

  // ---- statistics -----------------------------------------------------------------------------------
  const statsQuery = (c: Ctx) => ({ unit: c.req.query('unit'), period: c.req.query('period') });

  r.get('/pengaduan/statistik', 'complaints.stats', async (c) => {
    const m = await statsModel(c.var.deps.db, c.var.scope!, statsQuery(c), c.var.session?.currentUnitId);
    return c.html(statsPage(await pageView(c), m));
  });

  r.get('/pengaduan/statistik/laporan.pdf', 'complaints.stats', async (c) => {
    const now = new Date();
    const { unit, regency, period, stats } = await reportData(c.var.deps.db, c.var.scope!, statsQuery(c), c.var.session?.currentUnitId, now);
    const t = c.var.deps.i18n.translator('id');
    const pdf = renderComplaintReportPdf(reportModel({ t, regency: regency?.name ?? '', unit, period, stats, today: dayIn(now) }), now);
    return pdfResponse(pdf, `Laporan-Pengaduan-${unit.code}-${period.code}.pdf`);
  });
}
