// Evidence routes: a unit's library (list, search, upload) and the download of one file.
import { inScope } from '../../kernel/access.ts';
import { notFound } from '../../kernel/errors.ts';
import { formAction } from '../../kernel/forms.ts';
import { currentUnitOf, pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { pageNumber } from '../../kernel/kernel.routes.tsx';
import type { FieldErrors } from '../../kernel/ui/components.tsx';
import { isUuid } from '../../kernel/validate.ts';
import { listUnits } from '../org/index.ts';
import { LibraryPage } from './evidence.pages.tsx';
import { FILE_SORTS, findEvidenceFile, listUnitFiles } from './evidence.queries.ts';
import { uploadChosenEvidence } from './evidence.service.ts';

const PAGE_SIZE = 25;

/** Content-Disposition that keeps a UTF-8 name (RFC 6266/5987) with an ASCII fallback. */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The library page: the unit asked for (or the one worked in, or the first), with a refused upload's values and errors. */
async function libraryPage(c: Ctx, opts: { unitId?: string; errors?: FieldErrors; errorParams?: Record<string, string | number>; title?: string; status?: 200 | 400 | 409 } = {}) {
  const { deps, scope } = c.var;
  const units = await listUnits(deps.db, scope!);
  const wanted = opts.unitId ?? c.req.query('unit');
  const current = currentUnitOf(c);
  const unit = units.find((u) => u.id === wanted) ?? units.find((u) => u.id === current) ?? units[0] ?? null;
  const q = (c.req.query('q') ?? '').trim().slice(0, 100);
  const sort = FILE_SORTS.find((s) => s === c.req.query('sort')) ?? 'uploaded';
  const askedDir = c.req.query('dir');
  const dir = askedDir === 'asc' || askedDir === 'desc' ? askedDir : sort === 'uploaded' ? 'desc' : 'asc';
  const page = pageNumber(c);
  const list = unit ? await listUnitFiles(deps.db, unit.id, { q: q || undefined, page, pageSize: PAGE_SIZE, sort, dir }) : { rows: [], total: 0 };
  const v = await pageView(c);
  return c.html(LibraryPage(v, {
    units, unit, list, q, sort, dir, page, pageSize: PAGE_SIZE, title: opts.title, errors: opts.errors, errorParams: opts.errorParams,
  }), opts.status ?? 200);
}

/** The unit a library form names; a unit outside the actor's remit reads as missing. */
function postedUnit(c: Ctx, unitId: string | undefined): string {
  if (!isUuid(unitId) || !inScope(c.var.scope!, unitId)) throw notFound();
  return unitId;
}

export function registerEvidenceRoutes(r: Router) {
  // ---- download --------------------------------------------------------------------------
  r.get('/evidence/files/:id{[0-9a-f-]{36}}', 'evidence.view', async (c) => {
    const id = c.req.param('id');
    const { deps, scope } = c.var;
    const file = isUuid(id) ? await findEvidenceFile(deps.db, scope!, id) : undefined;
    if (!file) throw notFound();
    let bytes: Buffer;
    // needed: a row whose content is gone from the file store is logged for the operator and
    // answers "not found" with its own message, not the generic internal error
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
  r.get('/evidence', 'evidence.view', (c) => libraryPage(c));

  r.post('/evidence', 'evidence.manage', { files: 1 }, formAction({
    files: ['file'],
    field: 'file',
    run: async (c, form, posted) => {
      const unitId = postedUnit(c, form.unitId);
      const { deps, actor } = c.var;
      const res = await uploadChosenEvidence(deps.db, deps.files, actor!, { unitId, chosen: posted.files.file ?? [], title: form.title ?? '' });
      return { to: `/evidence?unit=${unitId}`, flash: res.reused ? 'evidence.uploaded_again' : 'evidence.uploaded' };
    },
    page: (c, refused) => libraryPage(c, {
      unitId: refused.form.unitId, title: refused.form.title ?? '', errors: refused.errors, errorParams: refused.params, status: refused.status === 409 ? 409 : 400,
    }),
  }));
}
