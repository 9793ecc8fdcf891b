// Pencanangan pages: the unit's declaration form with its publication links and photos (or, for the
// regency administrator, every unit's declaration to pick from), and the public declaration page
// (/publik/unit/:code/pencanangan, linked from the unit's portal page) that shows the declaration and
// nothing else of the unit.
import { inScope } from '../../kernel/access.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import { formAction, type Refusal } from '../../kernel/forms.ts';
import { currentUnitOf, pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { isUuid } from '../../kernel/validate.ts';
import { Csrf, DataTable, ErrorSummary, FileField, PageHeader, SummaryList, TextAreaField, TextField, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { findEvidenceFile, listEvidenceFor, type EvidenceLinkView } from '../evidence/index.ts';
import { findUnit, listUnits } from '../org/index.ts';
import { declarationPublicPath } from './declaration.portal.ts';
import { declarationsOf, findDeclaration, findPublicUnit, type DeclarationRow } from './declaration.queries.ts';
import { DECLARATION_SUBJECT, addDeclarationLink, addDeclarationPhoto, parseDeclaration, saveDeclaration, todayIn } from './declaration.service.ts';

const crumbsHome = (v: View) => ({ href: '/', label: v.t('nav.home') });

async function evidenceOf(c: Ctx, d: DeclarationRow | null): Promise<EvidenceLinkView[]> {
  if (!d) return [];
  return (await listEvidenceFor(c.var.deps.db, DECLARATION_SUBJECT, d.id)).get('') ?? [];
}

function unitFrom(c: Ctx, raw: string | undefined): string {
  const unitId = raw || currentUnitOf(c);
  if (!unitId || !isUuid(unitId) || !inScope(c.var.scope!, unitId)) throw notFound();
  return unitId;
}

/** The actor of a use case, as the audit records them. */
const byActor = (c: Ctx) => ({ accountId: c.var.actor!.accountId, label: c.var.actor!.username });

/** The refused form again (always 400, as before), at the unit posted. */
const again = (page: (c: Ctx, unitId: string, opts: { form?: Record<string, string>; errors?: FieldErrors; status?: 200 | 400 | 409 }) => Promise<Response>) =>
  (c: Ctx, refused: Refusal) => page(c, unitFrom(c, refused.form.unit), { form: refused.form, errors: refused.errors, status: 400 });

export function registerDeclarationRoutes(r: Router) {
  const page = async (c: Ctx, unitId: string, opts: { form?: Record<string, string>; errors?: FieldErrors; status?: 200 | 400 | 409 } = {}) => {
    const { deps, scope } = c.var;
    const unit = await findUnit(deps.db, scope!, unitId);
    if (!unit) throw notFound();
    const d = await findDeclaration(deps.db, unitId);
    const items = await evidenceOf(c, d);
    const v = await pageView(c);
    const errors = opts.errors;
    const val = (k: keyof DeclarationRow & string) => opts.form?.[k] ?? (d ? String(d[k] ?? '') : '');
    const labels = {
      declaredOn: v.t('declaration.field.date'), place: v.t('declaration.field.place'), declaredByName: v.t('declaration.field.by_name'),
      declaredByPosition: v.t('declaration.field.by_position'), description: v.t('declaration.field.description'),
      url: v.t('declaration.link.url'), title: v.t('declaration.link.title'), file: v.t('declaration.photo.file'),
    };
    const links = items.filter((i) => i.kind === 'url');
    const photos = items.filter((i) => i.kind === 'file');
    return c.html(
      <Layout v={v} title={v.t('declaration.title')} crumbs={[crumbsHome(v), { label: v.t('declaration.title') }]}>
        <PageHeader title={v.t('declaration.title')} lead={unit.name}
          actions={d ? <a class="button" href={declarationPublicPath(unit.code)}>{v.t('declaration.public_page')}</a> : undefined} />
        <ErrorSummary v={v} errors={errors} labels={labels} />
        <form method="post" action="/pencanangan" class="form" novalidate>
          <Csrf v={v} />
          <input type="hidden" name="unit" value={unitId} />
          <TextField v={v} name="declaredOn" label={labels.declaredOn} type="date" value={val('declaredOn')} required errors={errors} width="short" />
          <TextField v={v} name="place" label={labels.place} value={val('place')} errors={errors} />
          <TextField v={v} name="declaredByName" label={labels.declaredByName} value={val('declaredByName')} required errors={errors} />
          <TextField v={v} name="declaredByPosition" label={labels.declaredByPosition} value={val('declaredByPosition')} required errors={errors} />
          <TextAreaField v={v} name="description" label={labels.description} rows={5} value={val('description')} errors={errors} />
          <div class="form__actions"><button type="submit" class="button button--primary">{v.t('ui.save')}</button></div>
        </form>
        {d ? (<>
          <h2>{v.t('declaration.links')}</h2>
          {links.length ? <ul class="plain-list">{links.map((l) => <li><a href={l.url!} rel="noopener noreferrer">{l.title}</a></li>)}</ul> : <p class="muted">{v.t('declaration.links.none')}</p>}
          <form method="post" action="/pencanangan/links" class="form" novalidate>
            <Csrf v={v} />
            <input type="hidden" name="unit" value={unitId} />
            <TextField v={v} name="url" label={labels.url} type="url" value={opts.form?.url ?? ''} required errors={errors} />
            <TextField v={v} name="title" label={labels.title} value={opts.form?.title ?? ''} required errors={errors} />
            <div class="form__actions"><button type="submit" class="button">{v.t('declaration.link.add')}</button></div>
          </form>
          <h2>{v.t('declaration.photos')}</h2>
          {photos.length ? <ul class="plain-list">{photos.map((p) => <li><a href={`/evidence/files/${p.fileId}`}>{p.title}</a></li>)}</ul> : <p class="muted">{v.t('declaration.photos.none')}</p>}
          <form method="post" action="/pencanangan/photos" class="form" enctype="multipart/form-data" novalidate>
            <Csrf v={v} />
            <input type="hidden" name="unit" value={unitId} />
            <FileField v={v} name="file" label={labels.file} hint={v.t('declaration.photo.hint')} required accept="image/*" errors={errors} />
            <div class="form__actions"><button type="submit" class="button">{v.t('declaration.photo.add')}</button></div>
          </form>
        </>) : <p class="muted">{v.t('declaration.save_first_hint')}</p>}
      </Layout>,
      opts.status ?? 200,
    );
  };

  // Without a unit named: a unit's own team sees its unit; the regency administrator (and anyone
  // whose scope is not their own unit) picks one from every unit in scope, with its declaration's state.
  r.get('/pencanangan', 'declaration.manage', async (c) => {
    const named = c.req.query('unit');
    const own = currentUnitOf(c);
    const scope = c.var.scope!;
    if (named || (own && !scope.all && inScope(scope, own))) return page(c, unitFrom(c, named));
    const units = await listUnits(c.var.deps.db, scope);
    const byUnit = await declarationsOf(c.var.deps.db, units.map((u) => u.id));
    const v = await pageView(c);
    const state = (d: DeclarationRow | undefined) => (!d ? v.t('declaration.overview.none') : d.isPublic ? v.t('declaration.overview.public') : v.t('declaration.overview.private'));
    return c.html(
      <Layout v={v} title={v.t('declaration.title')} crumbs={[crumbsHome(v), { label: v.t('declaration.title') }]}>
        <PageHeader title={v.t('declaration.title')} lead={v.t('declaration.overview.lead')} />
        <DataTable v={v} caption={v.t('declaration.overview.caption')} empty={v.t('declaration.overview.empty')} rows={units} columns={[
          { key: 'unit', label: v.t('declaration.overview.unit'), render: (u) => <a href={`/pencanangan?unit=${u.id}`}>{u.name}</a> },
          { key: 'date', label: v.t('declaration.field.date'), render: (u) => { const d = byUnit.get(u.id); return d ? v.date(d.declaredOn) : '—'; } },
          { key: 'state', label: v.t('declaration.overview.state'), render: (u) => state(byUnit.get(u.id)) },
        ]} />
      </Layout>,
    );
  });

  r.post('/pencanangan', 'declaration.manage', formAction({
    run: async (c, form) => {
      const unitId = unitFrom(c, form.unit);
      await saveDeclaration(c.var.deps.db, byActor(c), unitId, parseDeclaration(form, todayIn(c.var.deps.config.timeZone)));
      return { to: `/pencanangan?unit=${unitId}`, flash: 'declaration.saved' };
    },
    page: again(page),
  }));

  r.post('/pencanangan/links', 'declaration.manage', formAction({
    run: async (c, form) => {
      const unitId = unitFrom(c, form.unit);
      await addDeclarationLink(c.var.deps.db, byActor(c), unitId, form.url ?? '', form.title ?? '');
      return { to: `/pencanangan?unit=${unitId}`, flash: 'declaration.link.added' };
    },
    page: again(page),
  }));

  r.post('/pencanangan/photos', 'declaration.manage', { files: 1 }, formAction({
    files: ['file'],
    run: async (c, form, posted) => {
      const unitId = unitFrom(c, form.unit);
      const file = posted.files.file?.[0];
      if (!file) throw new DomainError('validation', 'declaration.error.photo_required', {}, { file: 'declaration.error.photo_required' });
      const bytes = new Uint8Array(await file.arrayBuffer());
      await addDeclarationPhoto(c.var.deps.db, c.var.deps.files, byActor(c), unitId, bytes, file.name, null);
      return { to: `/pencanangan?unit=${unitId}`, flash: 'declaration.photo.added' };
    },
    page: again(page),
  }));

  // ---- public page ---------------------------------------------------------------------------
  // Only the unit's name and address and its declaration (when marked public): date, by whom,
  // description, publication links and photos. Photos are served by their own public route, and
  // only files attached to that public declaration as images: nothing else of the unit's library.
  const publicDeclaration = async (c: Ctx) => {
    const unit = await findPublicUnit(c.var.deps.db, c.req.param('code') ?? '');
    if (!unit) throw notFound();
    const d = await findDeclaration(c.var.deps.db, unit.id);
    return { unit, d: d && d.isPublic ? d : null };
  };

  r.get('/publik/unit/:code{[A-Za-z0-9._-]{1,40}}/pencanangan', 'declaration.public', async (c) => {
    const { unit, d } = await publicDeclaration(c);
    const items = await evidenceOf(c, d);
    const v = await pageView(c);
    const unitPage = `/publik/unit/${encodeURIComponent(unit.code)}`;
    return c.html(
      <Layout v={v} title={`${v.t('declaration.public.heading')} · ${unit.shortName}`}
        crumbs={[{ href: '/publik', label: v.t('portal.crumb') }, { href: unitPage, label: unit.shortName }, { label: v.t('declaration.public.heading') }]}>
        <PageHeader title={unit.name} lead={unit.address ?? undefined} />
        <section class="card">
          <h2>{v.t('declaration.public.heading')}</h2>
          {d ? (<>
            <SummaryList rows={[
              [v.t('declaration.field.date'), v.date(d.declaredOn)],
              ...(d.place ? [[v.t('declaration.field.place'), d.place] as [string, string]] : []),
              [v.t('declaration.public.by'), `${d.declaredByName}, ${d.declaredByPosition}`],
            ]} />
            {d.description ? <p class="declaration-description">{d.description}</p> : null}
            {items.some((i) => i.kind === 'url') ? (<>
              <h3>{v.t('declaration.links')}</h3>
              <ul class="plain-list">{items.filter((i) => i.kind === 'url').map((l) => <li><a href={l.url!} rel="noopener noreferrer nofollow">{l.title}</a></li>)}</ul>
            </>) : null}
            {items.some((i) => i.kind === 'file' && i.mime?.startsWith('image/')) ? (<>
              <h3>{v.t('declaration.photos')}</h3>
              <div class="declaration-photos">{items.filter((i) => i.kind === 'file' && i.mime?.startsWith('image/')).map((p) => (
                <img src={`/publik/unit/${encodeURIComponent(unit.code)}/foto/${p.linkId}`} alt={p.title} loading="lazy" />
              ))}</div>
            </>) : null}
          </>) : <p class="muted">{v.t('declaration.public.none')}</p>}
        </section>
      </Layout>,
    );
  });

  r.get('/publik/unit/:code{[A-Za-z0-9._-]{1,40}}/foto/:link{[0-9a-f-]{36}}', 'declaration.public', async (c) => {
    const { d } = await publicDeclaration(c);
    const linkId = c.req.param('link');
    if (!d || !isUuid(linkId)) throw notFound();
    const item = (await evidenceOf(c, d)).find((i) => i.linkId === linkId);
    if (!item || item.kind !== 'file' || !item.fileId || !item.mime?.startsWith('image/')) throw notFound();
    const file = await findEvidenceFile(c.var.deps.db, { all: true }, item.fileId);
    if (!file) throw notFound();
    let bytes: Uint8Array;
    try { bytes = await c.var.deps.files.read(file.sha256); } catch { throw notFound(); }
    return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': file.mime, 'Cache-Control': 'public, max-age=3600' } });
  });
}
