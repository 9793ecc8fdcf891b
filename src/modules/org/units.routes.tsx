// Unit routes: the list, one unit, the unit form, and the letterhead logos (a unit's: the admin or
// the unit's head; the regency's: the admin).
import { notFound } from '../../kernel/errors.ts';
import { formAction, type Refusal } from '../../kernel/forms.ts';
import { flash, pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import type { FieldErrors } from '../../kernel/ui/components.tsx';
import { isUuid } from '../../kernel/validate.ts';
import { ALL, svc } from './org.http.ts';
import { findRegency, findUnit, listPeople, listUnitRoleHolders, listUnits } from './org.queries.ts';
import { unitInput } from './org.schemas.ts';
import { saveUnit, setLogo, uploadLogo } from './org.service.ts';
import { UnitFormPage, UnitPage, UnitsPage } from './units.pages.tsx';

const LOGO = ['logo'] as const;

async function unitsPage(c: Ctx, logoErrors: FieldErrors = {}, status: 200 | 400 = 200) {
  const v = await pageView(c);
  const units = await listUnits(c.var.deps.db, c.var.scope!, { includeInactive: v.can('org.units.manage') });
  // the regency's letterhead logo is the admin's to change
  const regency = v.can('org.units.manage') ? await findRegency(c.var.deps.db) : null;
  return c.html(UnitsPage(v, { units, regency, logoErrors }), status);
}

/** The unit of the path within the actor's scope; a unit outside it reads as missing. */
async function unitOfPath(c: Ctx) {
  const id = c.req.param('id');
  const unit = isUuid(id) ? await findUnit(c.var.deps.db, c.var.scope!, id) : null;
  if (!unit) throw notFound();
  return unit;
}

async function unitPage(c: Ctx, logoErrors: FieldErrors = {}, status: 200 | 400 = 200) {
  const { deps, scope } = c.var;
  const unit = await unitOfPath(c);
  const v = await pageView(c);
  const [subunits, holders, staff, parent] = await Promise.all([
    listUnits(deps.db, scope!).then((all) => all.filter((u) => u.parentId === unit.id)),
    listUnitRoleHolders(deps.db, unit.id),
    listPeople(deps.db, scope!, { unitId: unit.id, status: 'active', limit: 200, offset: 0, sort: 'name' }),
    unit.parentId ? findUnit(deps.db, ALL, unit.parentId) : Promise.resolve(null),
  ]);
  return c.html(UnitPage(v, { unit, parent, subunits, holders, staff, logoErrors }), status);
}

async function unitForm(c: Ctx, id: string | null, values: Record<string, unknown>, active: boolean, errors?: FieldErrors, status: 200 | 400 = 200) {
  const v = await pageView(c);
  const units = await listUnits(c.var.deps.db, ALL, { includeInactive: true });
  return c.html(UnitFormPage(v, { id, values, active, units, errors }), status);
}

/** The id of the unit being edited (null: a new unit). */
function editedId(c: Ctx, existing: boolean): string | null {
  if (!existing) return null;
  const id = c.req.param('id');
  if (!isUuid(id)) throw notFound();
  return id;
}

function logoResponse(c: Ctx, sha: string | null, mime: string | null) {
  if (!sha || !mime) throw notFound();
  return c.var.deps.files.read(sha).then((bytes) =>
    new Response(new Uint8Array(bytes), { headers: { 'Content-Type': mime, 'Cache-Control': 'private, max-age=3600', 'X-Content-Type-Options': 'nosniff' } }));
}

export function registerUnitRoutes(r: Router) {
  r.get('/units', 'org.units.list', (c) => unitsPage(c));
  r.get('/units/:id{[0-9a-f-]{36}}', 'org.units.view', (c) => unitPage(c));

  // ---- letterhead logos ---------------------------------------------------------------------
  r.get('/units/:id{[0-9a-f-]{36}}/logo', 'org.units.view', async (c) => {
    const unit = await unitOfPath(c);
    return logoResponse(c, unit.logoSha256, unit.logoMime);
  });
  // a refused logo shows on the page it was sent from; a unit outside one's scope is not found
  r.post('/units/:id{[0-9a-f-]{36}}/logo', 'org.units.logo', { files: 1 }, formAction({
    files: LOGO,
    shows: ['validation'],
    run: async (c, _input, posted) => {
      const unit = await unitOfPath(c);
      await uploadLogo(svc(c), c.var.deps.files, unit.id, posted.files.logo ?? []);
      return { to: `/units/${unit.id}`, flash: 'units.logo.saved' };
    },
    page: (c, refused) => unitPage(c, refused.errors, 400),
  }));
  r.post('/units/:id{[0-9a-f-]{36}}/logo/hapus', 'org.units.logo', async (c) => {
    const unit = await unitOfPath(c);
    await setLogo(svc(c), c.var.deps.files, unit.id, null);
    return done(c, `/units/${unit.id}`, 'units.logo.removed');
  });
  r.get('/regency/logo', 'org.units.list', async (c) => {
    const regency = await findRegency(c.var.deps.db);
    return logoResponse(c, regency?.logoSha256 ?? null, regency?.logoMime ?? null);
  });
  r.post('/admin/regency/logo', 'org.units.manage', { files: 1 }, formAction({
    files: LOGO,
    shows: ['validation'],
    run: async (c, _input, posted) => {
      await uploadLogo(svc(c), c.var.deps.files, null, posted.files.logo ?? []);
      return { to: '/units', flash: 'units.logo.saved' };
    },
    page: (c, refused) => unitsPage(c, refused.errors, 400),
  }));
  r.post('/admin/regency/logo/hapus', 'org.units.manage', async (c) => {
    await setLogo(svc(c), c.var.deps.files, null, null);
    return done(c, '/units', 'units.logo.removed');
  });

  // ---- the unit form --------------------------------------------------------------------------
  r.get('/admin/units/new', 'org.units.manage', (c) => unitForm(c, null, {}, true));
  r.get('/admin/units/:id{[0-9a-f-]{36}}/edit', 'org.units.manage', async (c) => {
    const id = editedId(c, true)!;
    const unit = await findUnit(c.var.deps.db, ALL, id);
    if (!unit) throw notFound();
    return unitForm(c, id, unit, unit.isActive);
  });
  const saveUnitRoute = (existing: boolean) => formAction({
    input: unitInput,
    run: async (c, input) => {
      const unitId = await saveUnit(svc(c), editedId(c, existing), input);
      return { to: `/units/${unitId}`, flash: 'units.saved' };
    },
    // every refusal of the unit form answers 400, a conflict (no regency yet) too
    page: (c, refused: Refusal) => unitForm(c, editedId(c, existing), refused.form, refused.form.isActive === '1', refused.errors, 400),
  });
  r.post('/admin/units', 'org.units.manage', saveUnitRoute(false));
  r.post('/admin/units/:id{[0-9a-f-]{36}}', 'org.units.manage', saveUnitRoute(true));
}

/** A finished plain POST: the success message and a 303 to where it leads. */
function done(c: Ctx, to: string, key: string) {
  flash(c, 'success', key);
  return c.redirect(to, 303);
}
