// Evidence pages: a unit's library (list, search, upload) and the download of one file.
import { inScope } from '../../kernel/access.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import { ACCEPTED_EXTENSIONS, FILE_KINDS, MAX_EVIDENCE_BYTES, describeMime } from '../../kernel/files.ts';
import { currentUnitOf, flash, pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { isUuid, pageNumber } from '../../kernel/kernel.routes.tsx';
import { Csrf, DataTable, ErrorSummary, PageHeader, Pagination, capValue } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { listUnits } from '../org/index.ts';
import { FILE_SORTS, findEvidenceFile, listUnitFiles } from './evidence.queries.ts';
import { uploadEvidence } from './evidence.service.ts';

const PAGE_SIZE = 25;
const MAX_MB = MAX_EVIDENCE_BYTES / (1024 * 1024);
const ACCEPT = [...FILE_KINDS.flatMap((k) => k.exts), 'jpeg'].map((e) => `.${e}`).join(',');

/** "850 B", "12,5 KB", "3,2 MB" in the user's number format. */
export function formatFileSize(v: View, bytes: number): string {
  if (bytes < 1024) return v.t('evidence.size.b', { n: v.num(bytes) });
  if (bytes < 1024 * 1024) {
    const kb = bytes / 1024;
    return v.t('evidence.size.kb', { n: v.num(kb, kb < 10 ? 1 : 0) });
  }
  return v.t('evidence.size.mb', { n: v.num(bytes / (1024 * 1024), 1) });
}

/** A label for a stored media type: "PDF", "Dokumen Office (DOCX)", "Gambar (PNG)". */
export function fileTypeLabel(v: View, mime: string): string {
  const d = describeMime(mime);
  if (!d) return mime;
  return d.kind === 'pdf' ? v.t('evidence.kind.pdf') : `${v.t(`evidence.kind.${d.kind}`)} (${d.ext.toUpperCase()})`;
}

/** Content-Disposition that keeps a UTF-8 name (RFC 6266/5987) with an ASCII fallback. */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

const crumbsHome = (v: View) => ({ href: '/', label: v.t('nav.home') });

export function registerEvidenceRoutes(r: Router) {
  // ---- download --------------------------------------------------------------------------
  r.get('/evidence/files/:id{[0-9a-f-]{36}}', 'evidence.view', async (c) => {
    const id = c.req.param('id');
    const { deps, scope } = c.var;
    const file = isUuid(id) ? await findEvidenceFile(deps.db, scope!, id) : undefined;
    if (!file) throw notFound();
    let bytes: Buffer;
    try {
      bytes = await deps.files.read(file.sha256);
    } catch (err) {
      deps.log('error', `evidence file ${file.id}: content ${file.sha256} missing from the file store`, err);
      throw notFound('evidence.file.missing');
    }
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': file.mime.startsWith('text/') ? `${file.mime}; charset=utf-8` : file.mime,
      'Content-Length': String(bytes.length),
      'Content-Disposition': attachmentDisposition(file.originalName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
  });

  // ---- library ---------------------------------------------------------------------------
  const libraryPage = async (c: Ctx, opts: { unitId?: string; errors?: Record<string, string>; title?: string; status?: 200 | 400 | 409 } = {}) => {
    const { deps, scope } = c.var;
    const units = await listUnits(deps.db, scope!);
    const wanted = opts.unitId ?? c.req.query('unit');
    const current = currentUnitOf(c);
    const unit = units.find((u) => u.id === wanted) ?? units.find((u) => u.id === current) ?? units[0];
    const q = (c.req.query('q') ?? '').trim().slice(0, 100);
    const sort = FILE_SORTS.find((s) => s === c.req.query('sort')) ?? 'uploaded';
    const dir = c.req.query('dir') === 'asc' || c.req.query('dir') === 'desc' ? c.req.query('dir') as 'asc' | 'desc' : sort === 'uploaded' ? 'desc' : 'asc';
    const page = pageNumber(c);
    const list = unit ? await listUnitFiles(deps.db, unit.id, { q: q || undefined, page, pageSize: PAGE_SIZE, sort, dir }) : { rows: [], total: 0 };
    const v = await pageView(c);
    const query = { unit: unit && units.length > 1 ? unit.id : undefined, q, sort, dir };
    const canUpload = !!unit && v.can('evidence.manage', unit.id);
    const errors = opts.errors;
    return c.html(
      <Layout v={v} title={v.t('evidence.title')} crumbs={[crumbsHome(v), { label: v.t('evidence.title') }]}>
        <PageHeader title={v.t('evidence.title')} lead={unit ? v.t('evidence.lead', { unit: unit.name }) : v.t('evidence.no_unit')} />
        {errors ? <ErrorSummary v={v} texts={errors} /> : null}
        {unit ? (<>
          {canUpload ? (
            <section class="card">
              <h2>{v.t('evidence.upload.title')}</h2>
              <form method="post" action="/evidence" enctype="multipart/form-data" class="form" novalidate>
                <Csrf v={v} />
                <input type="hidden" name="unitId" value={unit.id} />
                <div class={errors?.file ? 'field field--error' : 'field'}>
                  <label class="field__label" for="f-file">{v.t('evidence.upload.file')}</label>
                  <div class="field__hint" id="h-file">{v.t('evidence.upload.file_hint', { max: MAX_MB, types: ACCEPTED_EXTENSIONS })}</div>
                  {errors?.file ? <div class="field__error" id="e-file"><span class="visually-hidden">{v.t('form.error_prefix')}</span>{errors.file}</div> : null}
                  <input class="input" id="f-file" name="file" type="file" accept={ACCEPT} required aria-describedby={errors?.file ? 'h-file e-file' : 'h-file'} aria-invalid={errors?.file ? 'true' : undefined} />
                </div>
                <div class={errors?.title ? 'field field--error' : 'field'}>
                  <label class="field__label" for="f-title">{v.t('evidence.upload.name')}<span class="field__optional"> ({v.t('form.optional')})</span></label>
                  <div class="field__hint" id="h-title">{v.t('evidence.upload.name_hint')}</div>
                  {errors?.title ? <div class="field__error" id="e-title"><span class="visually-hidden">{v.t('form.error_prefix')}</span>{errors.title}</div> : null}
                  <input class="input" id="f-title" name="title" type="text" maxlength={200} value={capValue(opts.title, 200)} aria-describedby="h-title" aria-invalid={errors?.title ? 'true' : undefined} />
                </div>
                <button class="button button--primary" type="submit">{v.t('evidence.upload.submit')}</button>
              </form>
            </section>
          ) : null}
          <form method="get" action="/evidence" class="filters" role="search" novalidate>
            {units.length > 1 ? (
              <div class="field"><label class="field__label" for="unit">{v.t('evidence.filter.unit')}</label>
                <select class="input" id="unit" name="unit">{units.map((u) => <option value={u.id} selected={u.id === unit.id}>{u.shortName}</option>)}</select></div>
            ) : null}
            <div class="field"><label class="field__label" for="q">{v.t('evidence.filter.q')}</label><input class="input" id="q" name="q" value={q} type="search" /></div>
            <div class="filters__actions"><button class="button" type="submit">{v.t('ui.filter')}</button><a class="button button--secondary" href="/evidence">{v.t('ui.reset')}</a></div>
          </form>
          <DataTable v={v} caption={v.t('evidence.title')} empty={v.t('evidence.empty')} rows={list.rows} sort={sort} dir={dir} query={query} columns={[
            { key: 'title', label: v.t('evidence.col.title'), sortable: true, render: (f) => <>{f.title}<br /><span class="muted">{f.originalName}</span></> },
            { key: 'kind', label: v.t('evidence.col.kind'), render: (f) => fileTypeLabel(v, f.mime) },
            { key: 'size', label: v.t('evidence.col.size'), sortable: true, numeric: true, render: (f) => <span class="nowrap">{formatFileSize(v, f.size)}</span> },
            { key: 'uploaded', label: v.t('evidence.col.uploaded'), sortable: true, render: (f) => <>{v.dateTime(f.uploadedAt)}{f.uploaderName ? <><br /><span class="muted">{v.t('evidence.uploaded_by', { name: f.uploaderName })}</span></> : null}</> },
            { key: 'uses', label: v.t('evidence.col.uses'), sortable: true, numeric: true, render: (f) => v.t('evidence.uses', { n: v.num(f.useCount) }) },
            { key: 'download', label: v.t('evidence.col.download'), render: (f) => <a href={`/evidence/files/${f.id}`} download>{v.t('evidence.download')}</a> },
          ]} />
          <Pagination v={v} page={page} pageSize={PAGE_SIZE} total={list.total} query={query} />
        </>) : null}
      </Layout>,
      opts.status ?? 200,
    );
  };

  r.get('/evidence', 'evidence.view', (c) => libraryPage(c));

  r.post('/evidence', 'evidence.manage', { files: 1 }, async (c) => {
    const { deps, scope, actor, t } = c.var;
    const body = await c.req.parseBody();
    const unitId = typeof body.unitId === 'string' ? body.unitId : '';
    // a unit outside the actor's remit reads as missing
    if (!isUuid(unitId) || !inScope(scope!, unitId)) throw notFound();
    const title = typeof body.title === 'string' ? body.title : '';
    const file = body.file;
    if (!(file instanceof File)) return libraryPage(c, { unitId, title, errors: { file: t('evidence.file.required') }, status: 400 });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const res = await uploadEvidence(deps.db, deps.files, actor!, { unitId, bytes, originalName: file.name, title });
      if (res.reused) flash(c, 'success', 'evidence.uploaded_again');
      else flash(c, 'success', 'evidence.uploaded');
      return c.redirect(`/evidence?unit=${unitId}`, 303);
    } catch (err) {
      if (err instanceof DomainError && (err.kind === 'validation' || err.kind === 'conflict')) {
        const fields = Object.keys(err.fieldErrors);
        const errors = fields.length ? Object.fromEntries(fields.map((f) => [f, t(err.fieldErrors[f], err.params)])) : { file: t(err.code, err.params) };
        return libraryPage(c, { unitId, title, errors, status: err.kind === 'conflict' ? 409 : 400 });
      }
      throw err;
    }
  });
}
