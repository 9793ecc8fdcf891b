// Org pages: home, units, people (with CSV import), accounts and role assignments, audit log.
import { sql } from 'drizzle-orm';
import { ROLES, REGENCY_ROLES, type Scope } from '../../kernel/access.ts';
import { verifyAudit } from '../../kernel/audit.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import { flash, formOf, pageView, viewOf, currentUnitOf, type Ctx, type Router } from '../../kernel/http.tsx';
import { isUuid, pageNumber } from '../../kernel/kernel.routes.tsx';
import { auditLog } from '../../kernel/schema.ts';
import { collectTasks } from '../../kernel/tasks.ts';
import { dayIn } from '../../kernel/workdays.ts';
import { Badge, Csrf, DataTable, ErrorSummary, FileField, PageHeader, Pagination, SelectField, SummaryList, TextField, CheckboxField, withQuery, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { csvCell } from './org.csv.ts';
import {
  findAccount, findPerson, findPersonByAccount, findRegency, findUnit, listAccounts, listGrantsOf, listPeople, listUnitRoleHolders, listUnits,
} from './org.queries.ts';
import { AREA_ROLES, POSITION_CLASSES, UNIT_KINDS, formatNip, parseNip } from './org.rules.ts';
import { accountInput, fieldErrorsOf, roleInput } from './org.schemas.ts';
import {
  IMPORT_COLUMNS, auditActorOf, createAccountForPerson, grantRole, importPeople, parsePerson, parseUnit, resetPassword, revokeRole,
  savePerson, saveUnit, setAccountActive, setLogo, type Ctx as SvcCtx, type ImportReport,
} from './org.service.ts';

const ALL: Scope = { all: true };
const MAX_CSV_BYTES = 2 * 1024 * 1024;

export function roleLabel(v: View, role: string) {
  return v.t(`role.${role}`);
}

function svc(c: Ctx): SvcCtx {
  const { deps, actor } = c.var;
  return { db: deps.db, actor: auditActorOf(actor!), emailEnabled: deps.emailEnabled, knownKey: (k) => deps.i18n.has(k) };
}

/** Re-renders a form with its errors when a service rejects the input; rethrows anything else. */
async function withFormErrors(c: Ctx, run: () => Promise<Response>, render: (errors: FieldErrors) => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof DomainError && err.kind === 'validation' && Object.keys(err.fieldErrors).length) return render(err.fieldErrors);
    if (err instanceof DomainError && err.kind === 'conflict') return render({ _: err.code });
    throw err;
  }
}

const crumbsHome = (v: View) => ({ href: '/', label: v.t('nav.home') });

/** Task counts shown in the Indonesian/English number format. */
const numbered = (v: View, params: Record<string, string | number> = {}) =>
  Object.fromEntries(Object.entries(params).map(([k, x]) => [k, typeof x === 'number' ? v.num(x) : x]));

export function registerOrgRoutes(r: Router) {
  // ---- home ------------------------------------------------------------------------------
  r.get('/', 'org.home', async (c) => {
    const v = await pageView(c);
    const { deps, actor } = c.var;
    const regency = await findRegency(deps.db);
    const unitId = currentUnitOf(c);
    const unit = unitId ? actor!.units.find((u) => u.id === unitId) : null;
    const regencyWide = actor!.grants.some((g) => g.unitId === null);
    let stats: { units: number; people: number; accounts: number } | null = null;
    if (regencyWide) {
      const [s] = await deps.db.execute(sql`select
        (select count(*)::int from org_units where is_active) as units,
        (select count(*)::int from org_people where is_active) as people,
        (select count(*)::int from kernel_accounts where is_active) as accounts`).then((res) => (res as unknown as { rows: { units: number; people: number; accounts: number }[] }).rows);
      stats = s;
    }
    const now = new Date();
    const tasks = await collectTasks(deps.tasks ?? [], { db: deps.db, actor: actor!, access: deps.access, unitId, today: dayIn(now, deps.config.timeZone), now },
      (err) => deps.log('error', 'a task source failed', err));
    const nothing = !actor!.mustChangePassword && v.unreadCount === 0 && tasks.length === 0;
    return c.html(
      <Layout v={v} title={v.t('home.title')}>
        <PageHeader title={v.t('home.greeting', { name: actor!.displayName })} lead={unit ? v.t('home.unit', { unit: unit.name }) : regency?.name} />
        <section class="card">
          <h2>{v.t('home.today')}</h2>
          <ul class="task-list">
            {actor!.mustChangePassword ? <li><a href="/account/password">{v.t('home.today.password')}</a></li> : null}
            {tasks.map((task) => (
              <li class={`task task--${task.tone}`}>
                {task.tone === 'danger' ? <Badge tone="danger">{v.t('home.today.late')}</Badge> : null}{task.tone === 'danger' ? ' ' : null}
                <a href={task.href}>{v.t(task.key, numbered(v, task.params))}</a>
              </li>
            ))}
            {v.unreadCount > 0 ? <li><a href="/notifications">{v.t('home.today.unread', { n: v.unreadCount })}</a></li> : null}
            {nothing ? <li class="muted">{v.t('home.today.none')}</li> : null}
          </ul>
        </section>
        {stats && regency ? (
          <section class="card">
            <h2>{v.t('home.regency', { regency: regency.name })}</h2>
            <div class="stats">
              <a class="stat" href="/units"><span class="stat__value">{v.num(stats.units)}</span><span class="stat__label">{v.t('home.stat.units')}</span></a>
              <a class="stat" href="/people"><span class="stat__value">{v.num(stats.people)}</span><span class="stat__label">{v.t('home.stat.people')}</span></a>
              <div class="stat"><span class="stat__value">{v.num(stats.accounts)}</span><span class="stat__label">{v.t('home.stat.accounts')}</span></div>
            </div>
          </section>
        ) : null}
        <section class="card">
          <h2>{v.t('home.roles')}</h2>
          <ul class="plain-list">
            {actor!.grants.map((g) => (
              <li><Badge tone="info">{roleLabel(v, g.role)}</Badge> {g.unitId ? actor!.units.find((u) => u.id === g.unitId)?.name : v.t('role.scope.regency')}{g.area ? ` · ${v.t(`area.${g.area}`)}` : ''}</li>
            ))}
          </ul>
        </section>
      </Layout>,
    );
  });

  // ---- units -----------------------------------------------------------------------------
  const unitsPage = async (c: Ctx, logoErrors: FieldErrors = {}, status: 200 | 400 = 200) => {
    const v = await pageView(c);
    const rows = await listUnits(c.var.deps.db, c.var.scope!, { includeInactive: v.can('org.units.manage') });
    const byId = new Map(rows.map((u) => [u.id, u]));
    // the regency's letterhead logo is the admin's to change
    const regency = v.can('org.units.manage') ? await findRegency(c.var.deps.db) : null;
    return c.html(
      <Layout v={v} title={v.t('units.title')} crumbs={[crumbsHome(v), { label: v.t('units.title') }]}>
        <PageHeader title={v.t('units.title')} lead={v.t('units.lead')} actions={v.can('org.units.manage') ? <a class="button button--primary" href="/admin/units/new">{v.t('units.new')}</a> : undefined} />
        <DataTable v={v} caption={v.t('units.title')} empty={v.t('units.empty')} rows={rows} columns={[
          { key: 'code', label: v.t('units.col.code'), render: (u) => u.code },
          { key: 'name', label: v.t('units.col.name'), render: (u) => <><a href={`/units/${u.id}`}>{u.name}</a>{u.isActive ? null : <> <Badge tone="neutral">{v.t('ui.inactive')}</Badge></>}</> },
          { key: 'kind', label: v.t('units.col.kind'), render: (u) => v.t(`unitkind.${u.kind}`) },
          { key: 'parent', label: v.t('units.col.parent'), render: (u) => (u.parentId ? byId.get(u.parentId)?.shortName ?? v.t('ui.none') : v.t('ui.none')) },
          { key: 'people', label: v.t('units.col.people'), numeric: true, render: (u) => v.num(u.peopleCount) },
        ]} />
        {regency ? <LogoCard v={v} action="/admin/regency/logo" image={regency.logoSha256 ? `/regency/logo?v=${regency.logoSha256.slice(0, 12)}` : null} title={v.t('regency.logo')}
          name={regency.name} lead={v.t('units.logo.regency_lead')} none={v.t('units.logo.none')} canEdit errors={logoErrors} /> : null}
      </Layout>,
      status,
    );
  };
  r.get('/units', 'org.units.list', (c) => unitsPage(c));

  const unitPage = async (c: Ctx, id: string | undefined, logoErrors: FieldErrors = {}, status: 200 | 400 = 200) => {
    const { deps, scope } = c.var;
    const unit = isUuid(id) ? await findUnit(deps.db, scope!, id) : null;
    if (!unit) throw notFound();
    const v = await pageView(c);
    const [subunits, holders, staff, parent] = await Promise.all([
      listUnits(deps.db, scope!).then((all) => all.filter((u) => u.parentId === unit.id)),
      listUnitRoleHolders(deps.db, unit.id),
      listPeople(deps.db, scope!, { unitId: unit.id, status: 'active', limit: 200, offset: 0, sort: 'name' }),
      unit.parentId ? findUnit(deps.db, ALL, unit.parentId) : Promise.resolve(null),
    ]);
    return c.html(
      <Layout v={v} title={unit.shortName} crumbs={[crumbsHome(v), { href: '/units', label: v.t('units.title') }, { label: unit.shortName }]}>
        <PageHeader title={unit.name} lead={`${unit.code} · ${v.t(`unitkind.${unit.kind}`)}`} actions={v.can('org.units.manage') ? <a class="button" href={`/admin/units/${unit.id}/edit`}>{v.t('units.edit')}</a> : undefined} />
        <SummaryList rows={[
          [v.t('units.field.parent'), parent ? parent.name : v.t('ui.none')],
          [v.t('units.field.address'), unit.address ?? v.t('ui.none')],
          [v.t('units.field.phone'), unit.phone ?? v.t('ui.none')],
          [v.t('units.field.email'), unit.email ?? v.t('ui.none')],
          [v.t('units.field.fax'), unit.fax ?? v.t('ui.none')],
          [v.t('units.field.website'), unit.website ?? v.t('ui.none')],
          [v.t('units.field.sms'), unit.sms ?? v.t('ui.none')],
        ]} />
        <LogoCard v={v} action={`/units/${unit.id}/logo`} image={unit.logoSha256 ? `/units/${unit.id}/logo?v=${unit.logoSha256.slice(0, 12)}` : null}
          name={unit.name} lead={v.t('units.logo.lead')} none={v.t('units.logo.uses_regency')} canEdit={v.can('org.units.logo', unit.id)} errors={logoErrors} />
        {subunits.length > 0 ? (<>
          <h2>{v.t('units.subunits')}</h2>
          <ul class="plain-list">{subunits.map((s) => <li><a href={`/units/${s.id}`}>{s.name}</a></li>)}</ul>
        </>) : null}
        <h2>{v.t('units.roles')}</h2>
        {holders.length === 0 ? <p class="muted">{v.t('units.no_roles')}</p> : (
          <ul class="plain-list">{holders.map((h) => <li><Badge tone="info">{roleLabel(v, h.role)}</Badge> {h.displayName}{h.area ? ` · ${v.t(`area.${h.area}`)}` : ''}</li>)}</ul>
        )}
        <h2>{v.t('units.people')} ({v.num(staff.total)})</h2>
        <PeopleTable v={v} rows={staff.rows} />
      </Layout>,
      status,
    );
  };
  r.get('/units/:id{[0-9a-f-]{36}}', 'org.units.view', (c) => unitPage(c, c.req.param('id')));

  // ---- letterhead logos (a unit's: the admin or the unit's head; the regency's: the admin) --------
  /** The uploaded logo of a form, or an error key. */
  const logoOf = async (c: Ctx): Promise<{ bytes: Uint8Array; name: string } | string> => {
    const body = await c.req.parseBody();
    const file = body.logo;
    if (!(file instanceof File) || file.size === 0) return 'org.logo.required';
    return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name };
  };
  const logoResponse = async (c: Ctx, sha: string | null, mime: string | null) => {
    if (!sha || !mime) throw notFound();
    const bytes = await c.var.deps.files.read(sha);
    return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': mime, 'Cache-Control': 'private, max-age=3600', 'X-Content-Type-Options': 'nosniff' } });
  };
  r.get('/units/:id{[0-9a-f-]{36}}/logo', 'org.units.view', async (c) => {
    const unit = await findUnit(c.var.deps.db, c.var.scope!, c.req.param('id')!);
    if (!unit) throw notFound();
    return logoResponse(c, unit.logoSha256, unit.logoMime);
  });
  r.post('/units/:id{[0-9a-f-]{36}}/logo', 'org.units.logo', { files: 1 }, async (c) => {
    const unit = await findUnit(c.var.deps.db, c.var.scope!, c.req.param('id')!);
    if (!unit) throw notFound();
    const file = await logoOf(c);
    if (typeof file === 'string') return unitPage(c, unit.id, { logo: file }, 400);
    try {
      await setLogo(svc(c), c.var.deps.files, unit.id, file);
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'validation') return unitPage(c, unit.id, err.fieldErrors, 400);
      throw err;
    }
    flash(c, 'success', 'units.logo.saved');
    return c.redirect(`/units/${unit.id}`, 303);
  });
  r.post('/units/:id{[0-9a-f-]{36}}/logo/hapus', 'org.units.logo', async (c) => {
    const unit = await findUnit(c.var.deps.db, c.var.scope!, c.req.param('id')!);
    if (!unit) throw notFound();
    await setLogo(svc(c), c.var.deps.files, unit.id, null);
    flash(c, 'success', 'units.logo.removed');
    return c.redirect(`/units/${unit.id}`, 303);
  });
  r.get('/regency/logo', 'org.units.list', async (c) => {
    const regency = await findRegency(c.var.deps.db);
    return logoResponse(c, regency?.logoSha256 ?? null, regency?.logoMime ?? null);
  });
  r.post('/admin/regency/logo', 'org.units.manage', { files: 1 }, async (c) => {
    const file = await logoOf(c);
    if (typeof file === 'string') return unitsPage(c, { logo: file }, 400);
    try {
      await setLogo(svc(c), c.var.deps.files, null, file);
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'validation') return unitsPage(c, err.fieldErrors, 400);
      throw err;
    }
    flash(c, 'success', 'units.logo.saved');
    return c.redirect('/units', 303);
  });
  r.post('/admin/regency/logo/hapus', 'org.units.manage', async (c) => {
    await setLogo(svc(c), c.var.deps.files, null, null);
    flash(c, 'success', 'units.logo.removed');
    return c.redirect('/units', 303);
  });

  const unitForm = async (c: Ctx, unit: Record<string, unknown> | null, errors?: FieldErrors, status: 200 | 400 | 409 = 200) => {
    const v = await pageView(c);
    const all = await listUnits(c.var.deps.db, ALL, { includeInactive: true });
    const id = unit?.id as string | undefined;
    const title = id ? v.t('units.edit') : v.t('units.new');
    const val = (k: string) => (unit?.[k] === null || unit?.[k] === undefined ? '' : String(unit[k]));
    return c.html(
      <Layout v={v} title={title} crumbs={[crumbsHome(v), { href: '/units', label: v.t('units.title') }, { label: title }]}>
        <h1>{title}</h1>
        <ErrorSummary v={v} errors={errors} labels={{ code: v.t('units.field.code'), name: v.t('units.field.name'), shortName: v.t('units.field.short'), kind: v.t('units.field.kind'), parentId: v.t('units.field.parent'), address: v.t('units.field.address'), phone: v.t('units.field.phone'), email: v.t('units.field.email'), fax: v.t('units.field.fax'), website: v.t('units.field.website'), sms: v.t('units.field.sms') }} />
        <form method="post" action={id ? `/admin/units/${id}` : '/admin/units'} class="form" novalidate>
          <Csrf v={v} />
          <TextField v={v} name="code" label={v.t('units.field.code')} hint={v.t('units.field.code_hint')} value={val('code')} required errors={errors} width="short" />
          <TextField v={v} name="name" label={v.t('units.field.name')} value={val('name')} required errors={errors} />
          <TextField v={v} name="shortName" label={v.t('units.field.short')} value={val('shortName')} required errors={errors} />
          <SelectField v={v} name="kind" label={v.t('units.field.kind')} value={val('kind')} required errors={errors} options={UNIT_KINDS.map((k) => ({ value: k, label: v.t(`unitkind.${k}`) }))} />
          <SelectField v={v} name="parentId" label={v.t('units.field.parent')} value={val('parentId')} errors={errors} placeholder={v.t('units.field.parent_none')}
            options={all.filter((u) => u.id !== id).map((u) => ({ value: u.id, label: u.name }))} />
          <TextField v={v} name="address" label={v.t('units.field.address')} value={val('address')} errors={errors} />
          <TextField v={v} name="phone" label={v.t('units.field.phone')} value={val('phone')} errors={errors} type="tel" width="short" />
          <TextField v={v} name="email" label={v.t('units.field.email')} value={val('email')} errors={errors} type="email" />
          <TextField v={v} name="fax" label={v.t('units.field.fax')} hint={v.t('units.field.letterhead_hint')} value={val('fax')} errors={errors} type="tel" width="short" />
          <TextField v={v} name="website" label={v.t('units.field.website')} value={val('website')} errors={errors} type="url" />
          <TextField v={v} name="sms" label={v.t('units.field.sms')} value={val('sms')} errors={errors} type="tel" width="short" />
          <CheckboxField v={v} name="isActive" label={v.t('units.field.active')} checked={unit ? unit.isActive !== false : true} />
          <div class="form__actions">
            <button type="submit" class="button button--primary">{v.t('ui.save')}</button>
            <a class="button button--secondary" href={id ? `/units/${id}` : '/units'}>{v.t('ui.cancel')}</a>
          </div>
        </form>
      </Layout>,
      status,
    );
  };

  r.get('/admin/units/new', 'org.units.manage', (c) => unitForm(c, null));
  r.get('/admin/units/:id{[0-9a-f-]{36}}/edit', 'org.units.manage', async (c) => {
    const id = c.req.param('id');
    const unit = isUuid(id) ? await findUnit(c.var.deps.db, ALL, id) : null;
    if (!unit) throw notFound();
    return unitForm(c, unit);
  });
  const saveUnitRoute = (existing: boolean) => async (c: Ctx) => {
    const id = existing ? c.req.param('id') ?? null : null;
    if (existing && !isUuid(id ?? '')) throw notFound();
    const form = await formOf(c);
    return withFormErrors(c, async () => {
      const input = parseUnit(form, (k) => c.var.deps.i18n.has(k));
      const unitId = await saveUnit(svc(c), id, input);
      flash(c, 'success', 'units.saved');
      return c.redirect(`/units/${unitId}`, 303);
    }, (errors) => unitForm(c, { ...form, id: id ?? undefined, isActive: form.isActive === '1' }, errors, 400));
  };
  r.post('/admin/units', 'org.units.manage', saveUnitRoute(false));
  r.post('/admin/units/:id{[0-9a-f-]{36}}', 'org.units.manage', saveUnitRoute(true));

  // ---- people ----------------------------------------------------------------------------
  r.get('/people', 'org.people.list', async (c) => {
    const { deps, scope } = c.var;
    const q = (c.req.query('q') ?? '').trim().slice(0, 100);
    const unitId = c.req.query('unit');
    const cls = c.req.query('class');
    const status = (['active', 'inactive', 'all'] as const).find((s) => s === c.req.query('status')) ?? 'active';
    const sort = (['name', 'nip', 'unit', 'position'] as const).find((s) => s === c.req.query('sort')) ?? 'name';
    const dir = c.req.query('dir') === 'desc' ? 'desc' : 'asc';
    const page = pageNumber(c);
    const size = 25;
    const [units, list] = await Promise.all([
      listUnits(deps.db, scope!),
      listPeople(deps.db, scope!, {
        q: q || undefined, unitId: unitId && isUuid(unitId) ? unitId : undefined,
        positionClass: POSITION_CLASSES.find((p) => p === cls), status, sort, dir, limit: size, offset: (page - 1) * size,
      }),
    ]);
    const v = await pageView(c);
    const query = { q, unit: unitId, class: cls, status, sort, dir };
    return c.html(
      <Layout v={v} title={v.t('people.title')} crumbs={[crumbsHome(v), { label: v.t('people.title') }]}>
        <PageHeader title={v.t('people.title')} lead={v.t('people.lead')} actions={v.can('org.people.manage') ? <>
          <a class="button button--primary" href="/admin/people/new">{v.t('people.new')}</a>
          <a class="button button--secondary" href="/admin/people/import">{v.t('people.import')}</a>
        </> : undefined} />
        <form method="get" action="/people" class="filters" role="search" novalidate>
          <div class="field"><label class="field__label" for="q">{v.t('people.filter.q')}</label><input class="input" id="q" name="q" value={q} type="search" /></div>
          <div class="field"><label class="field__label" for="unit">{v.t('people.filter.unit')}</label>
            <select class="input" id="unit" name="unit"><option value="">{v.t('people.filter.unit_all')}</option>{units.map((u) => <option value={u.id} selected={u.id === unitId}>{u.shortName}</option>)}</select></div>
          <div class="field"><label class="field__label" for="class">{v.t('people.col.class')}</label>
            <select class="input" id="class" name="class"><option value="">{v.t('people.filter.class_all')}</option>{POSITION_CLASSES.map((p) => <option value={p} selected={p === cls}>{v.t(`poscls.${p}`)}</option>)}</select></div>
          <div class="field"><label class="field__label" for="status">{v.t('people.filter.status')}</label>
            <select class="input" id="status" name="status">{(['active', 'inactive', 'all'] as const).map((s) => <option value={s} selected={s === status}>{v.t(`people.filter.status_${s}`)}</option>)}</select></div>
          <div class="filters__actions"><button class="button" type="submit">{v.t('ui.filter')}</button><a class="button button--secondary" href="/people">{v.t('ui.reset')}</a></div>
        </form>
        <PeopleTable v={v} rows={list.rows} sort={sort} dir={dir} query={query} />
        <Pagination v={v} page={page} pageSize={size} total={list.total} query={query} />
      </Layout>,
    );
  });

  r.get('/people/:id{[0-9a-f-]{36}}', 'org.people.view', async (c) => {
    const id = c.req.param('id');
    const { deps, scope } = c.var;
    const p = isUuid(id) ? await findPerson(deps.db, scope!, id) : null;
    if (!p) throw notFound();
    const v = await pageView(c);
    const nip = parseNip(p.nip);
    const canManage = v.can('org.people.manage', p.unitId);
    return c.html(
      <Layout v={v} title={p.name} crumbs={[crumbsHome(v), { href: '/people', label: v.t('people.title') }, { label: p.name }]}>
        <PageHeader title={p.name} lead={`${p.position} · ${p.unitShort}`} actions={canManage ? <a class="button" href={`/admin/people/${p.id}/edit`}>{v.t('ui.edit')}</a> : undefined} />
        <SummaryList rows={[
          [v.t('people.col.nip'), formatNip(p.nip)],
          [v.t('people.col.unit'), <a href={`/units/${p.unitId}`}>{p.unitName}</a>],
          [v.t('people.col.position'), p.position],
          [v.t('people.col.class'), v.t(`poscls.${p.positionClass}`)],
          [v.t('people.field.rank'), p.rank ?? v.t('ui.none')],
          [v.t('people.birth_date'), v.date(p.birthDate)],
          [v.t('people.gender'), v.t(`gender.${p.gender}`)],
          [v.t('people.appointed'), nip.ok ? v.date(`${nip.info.appointed}-01`).replace(/^1 /, '') : v.t('ui.none')],
          [v.t('people.field.email'), p.email ?? v.t('ui.none')],
          [v.t('people.field.phone'), p.phone ?? v.t('ui.none')],
          [v.t('people.col.status'), p.isActive ? <Badge tone="success">{v.t('ui.active')}</Badge> : <Badge tone="neutral">{v.t('ui.inactive')}</Badge>],
        ]} />
        {v.can('org.accounts.manage') ? (
          <section class="card">
            <h2>{v.t('people.account')}</h2>
            {p.accountId ? <p><a href={`/admin/accounts/${p.accountId}`}>{v.t('accounts.title')}</a></p> : <CreateAccountForm v={v} personId={p.id} email={p.email} />}
          </section>
        ) : null}
      </Layout>,
    );
  });

  const personForm = async (c: Ctx, person: Record<string, unknown> | null, errors?: FieldErrors, status: 200 | 400 = 200) => {
    const v = await pageView(c);
    const units = await listUnits(c.var.deps.db, c.var.scope!);
    const id = person?.id as string | undefined;
    const title = id ? v.t('people.edit') : v.t('people.new');
    const val = (k: string) => (person?.[k] === null || person?.[k] === undefined ? '' : String(person[k]));
    return c.html(
      <Layout v={v} title={title} crumbs={[crumbsHome(v), { href: '/people', label: v.t('people.title') }, { label: title }]}>
        <h1>{title}</h1>
        <ErrorSummary v={v} errors={errors} labels={{ name: v.t('people.field.name'), nip: v.t('people.field.nip'), unitId: v.t('people.field.unit'), position: v.t('people.field.position'), positionClass: v.t('people.field.class'), rank: v.t('people.field.rank'), email: v.t('people.field.email'), phone: v.t('people.field.phone') }} />
        <form method="post" action={id ? `/admin/people/${id}` : '/admin/people'} class="form" novalidate>
          <Csrf v={v} />
          <TextField v={v} name="name" label={v.t('people.field.name')} value={val('name')} required errors={errors} />
          <TextField v={v} name="nip" label={v.t('people.field.nip')} hint={v.t('people.field.nip_hint')} value={val('nip')} required errors={errors} inputmode="numeric" width="short" />
          <SelectField v={v} name="unitId" label={v.t('people.field.unit')} value={val('unitId')} required errors={errors} placeholder="" options={units.map((u) => ({ value: u.id, label: u.name }))} />
          <TextField v={v} name="position" label={v.t('people.field.position')} value={val('position')} required errors={errors} />
          <SelectField v={v} name="positionClass" label={v.t('people.field.class')} hint={v.t('people.field.class_hint')} value={val('positionClass')} required errors={errors} placeholder="" options={POSITION_CLASSES.map((p) => ({ value: p, label: v.t(`poscls.${p}`) }))} />
          <TextField v={v} name="rank" label={v.t('people.field.rank')} value={val('rank')} errors={errors} />
          <TextField v={v} name="email" label={v.t('people.field.email')} value={val('email')} errors={errors} type="email" />
          <TextField v={v} name="phone" label={v.t('people.field.phone')} value={val('phone')} errors={errors} type="tel" width="short" />
          <CheckboxField v={v} name="isActive" label={v.t('people.field.active')} checked={person ? person.isActive !== false : true} />
          <div class="form__actions">
            <button type="submit" class="button button--primary">{v.t('ui.save')}</button>
            <a class="button button--secondary" href={id ? `/people/${id}` : '/people'}>{v.t('ui.cancel')}</a>
          </div>
        </form>
      </Layout>,
      status,
    );
  };

  r.get('/admin/people/new', 'org.people.manage', (c) => personForm(c, null));
  r.get('/admin/people/:id{[0-9a-f-]{36}}/edit', 'org.people.manage', async (c) => {
    const id = c.req.param('id');
    const p = isUuid(id) ? await findPerson(c.var.deps.db, c.var.scope!, id) : null;
    if (!p) throw notFound();
    return personForm(c, { ...p, nip: formatNip(p.nip) });
  });
  const savePersonRoute = (existing: boolean) => async (c: Ctx) => {
    const id = existing ? c.req.param('id') ?? null : null;
    if (existing && !isUuid(id ?? '')) throw notFound();
    const form = await formOf(c);
    if (existing && form.isActive === undefined) form.isActive = '0';
    return withFormErrors(c, async () => {
      const input = parsePerson(form, (k) => c.var.deps.i18n.has(k));
      const personId = await savePerson(svc(c), c.var.scope!, id, input);
      flash(c, 'success', 'people.saved');
      return c.redirect(`/people/${personId}`, 303);
    }, (errors) => personForm(c, { ...form, id: id ?? undefined, isActive: form.isActive !== '0' }, errors, 400));
  };
  r.post('/admin/people', 'org.people.manage', savePersonRoute(false));
  r.post('/admin/people/:id{[0-9a-f-]{36}}', 'org.people.manage', savePersonRoute(true));

  // ---- CSV import --------------------------------------------------------------------------
  const importPage = async (c: Ctx, opts: { report?: ImportReport; error?: string; errorParams?: Record<string, string | number>; status?: 200 | 400 } = {}) => {
    const v = await pageView(c);
    const rep = opts.report;
    return c.html(
      <Layout v={v} title={v.t('import.title')} crumbs={[crumbsHome(v), { href: '/people', label: v.t('people.title') }, { label: v.t('import.title') }]}>
        <h1>{v.t('import.title')}</h1>
        <p class="lead">{v.t('import.lead')}</p>
        <p>{v.t('import.columns', { columns: IMPORT_COLUMNS.join(', ') })} <a href="/admin/people/import/template.csv">{v.t('import.template')}</a></p>
        {opts.error ? <ErrorSummary v={v} texts={{ file: v.t(opts.error, opts.errorParams) }} /> : null}
        <form method="post" action="/admin/people/import" enctype="multipart/form-data" class="form" novalidate>
          <Csrf v={v} />
          <FileField v={v} name="file" label={v.t('import.file')} accept=".csv,text/csv" required errors={opts.error ? { file: opts.error } : undefined} errorParams={opts.errorParams} />
          <button class="button button--primary" type="submit">{v.t('import.submit')}</button>
        </form>
        {rep ? (
          <section class="card" aria-live="polite">
            <h2>{v.t('import.report')}</h2>
            <p class="import-summary">{v.t('import.summary', { created: rep.created, updated: rep.updated, rejected: rep.rejected })}</p>
            <DataTable v={v} caption={v.t('import.report')} empty="" rows={rep.rows} columns={[
              { key: 'line', label: v.t('import.col.line'), numeric: true, render: (r) => r.line },
              { key: 'nip', label: v.t('people.col.nip'), render: (r) => r.nip },
              { key: 'name', label: v.t('people.col.name'), render: (r) => r.name },
              { key: 'status', label: v.t('import.col.status'), render: (r) => <Badge tone={r.status === 'rejected' ? 'danger' : 'success'}>{v.t(`import.status.${r.status}`)}</Badge> },
              { key: 'errors', label: v.t('import.col.errors'), render: (r) => r.errors.map((e) => `${e.field}: ${v.t(e.key)}`).join(' · ') },
            ]} />
          </section>
        ) : null}
      </Layout>,
      opts.status ?? 200,
    );
  };

  r.get('/admin/people/import', 'org.people.import', (c) => importPage(c));
  r.get('/admin/people/import/template.csv', 'org.people.import', (c) => {
    const sample = ['197005121996031003', 'Budi Santoso, S.E.', 'Analis Perizinan', 'fungsional', 'DPMPTSP', 'Penata (III/c)', 'budi@example.go.id', '081234567890'];
    const body = `${IMPORT_COLUMNS.join(',')}\n${sample.map(csvCell).join(',')}\n`;
    return c.body(body, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="templat-pegawai.csv"' });
  });
  r.post('/admin/people/import', 'org.people.import', { files: 1 }, async (c) => {
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) return importPage(c, { error: 'org.import.no_file', status: 400 });
    if (file.size > MAX_CSV_BYTES) return importPage(c, { error: 'org.import.too_large', status: 400 });
    const bytes = new Uint8Array(await file.arrayBuffer());
    // judged by content, not by name or declared type: spreadsheets (zip/ole), PDFs and binaries are refused
    const text = decodeCsv(bytes);
    if (text === null) return importPage(c, { error: 'org.import.not_csv', status: 400 });
    try {
      const report = await importPeople(svc(c), c.var.scope!, text);
      return importPage(c, { report, status: report.created + report.updated === 0 ? 400 : 200 });
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'validation') {
        return importPage(c, { error: c.var.deps.i18n.has(err.code) ? err.code : 'org.import.not_csv', errorParams: err.params, status: 400 });
      }
      throw err;
    }
  });

  // ---- accounts & roles ------------------------------------------------------------------
  r.get('/admin/accounts', 'org.accounts.manage', async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 100);
    const page = pageNumber(c);
    const size = 25;
    const { rows, total } = await listAccounts(c.var.deps.db, { q: q || undefined, limit: size, offset: (page - 1) * size });
    const v = await pageView(c);
    return c.html(
      <Layout v={v} title={v.t('accounts.title')} crumbs={[crumbsHome(v), { label: v.t('accounts.title') }]}>
        <PageHeader title={v.t('accounts.title')} lead={v.t('accounts.lead')} />
        <form method="get" action="/admin/accounts" class="filters" role="search" novalidate>
          <div class="field"><label class="field__label" for="q">{v.t('ui.search')}</label><input class="input" id="q" name="q" value={q} type="search" /></div>
          <div class="filters__actions"><button class="button" type="submit">{v.t('ui.filter')}</button></div>
        </form>
        <DataTable v={v} caption={v.t('accounts.title')} empty={v.t('accounts.empty')} rows={rows} columns={[
          { key: 'username', label: v.t('accounts.col.username'), render: (r) => <a href={`/admin/accounts/${r.account.id}`}>{r.account.username}</a> },
          { key: 'name', label: v.t('accounts.col.name'), render: (r) => r.account.displayName },
          { key: 'unit', label: v.t('accounts.col.unit'), render: (r) => r.unitName ?? v.t('ui.none') },
          { key: 'roles', label: v.t('accounts.col.roles'), render: (r) => (r.roles ?? []).map((x) => roleLabel(v, x)).join(', ') },
          { key: 'last', label: v.t('accounts.col.last_login'), render: (r) => (r.account.lastLoginAt ? v.dateTime(r.account.lastLoginAt) : v.t('accounts.never')) },
          { key: 'status', label: v.t('accounts.col.status'), render: (r) => (r.account.isActive ? <Badge tone="success">{v.t('ui.active')}</Badge> : <Badge tone="neutral">{v.t('ui.inactive')}</Badge>) },
        ]} />
        <Pagination v={v} page={page} pageSize={size} total={total} query={{ q }} />
      </Layout>,
    );
  });

  const accountPage = async (c: Ctx, accountId: string, opts: { errors?: FieldErrors; tempPassword?: string; status?: 200 | 400 | 409 } = {}) => {
    const { deps } = c.var;
    const acc = await findAccount(deps.db, accountId);
    if (!acc) throw notFound();
    const [grants, units, person] = await Promise.all([
      listGrantsOf(deps.db, accountId),
      listUnits(deps.db, ALL),
      findPersonByAccount(deps.db, accountId),
    ]);
    const v = await pageView(c);
    return c.html(
      <Layout v={v} title={acc.username} crumbs={[crumbsHome(v), { href: '/admin/accounts', label: v.t('accounts.title') }, { label: acc.username }]}>
        <PageHeader title={acc.displayName} lead={acc.username} />
        {opts.tempPassword ? (
          <div class="alert alert--warning" role="status">
            <strong>{v.t('accounts.temp_password.title')}: </strong><code class="temp-password">{opts.tempPassword}</code>
            <p>{v.t('accounts.temp_password.lead', { name: acc.displayName })}</p>
          </div>
        ) : null}
        <ErrorSummary v={v} errors={opts.errors} />
        <SummaryList rows={[
          [v.t('accounts.col.status'), acc.isActive ? <Badge tone="success">{v.t('ui.active')}</Badge> : <Badge tone="neutral">{v.t('ui.inactive')}</Badge>],
          [v.t('accounts.col.last_login'), acc.lastLoginAt ? v.dateTime(acc.lastLoginAt) : v.t('accounts.never')],
          [v.t('people.field.email'), acc.email ?? v.t('ui.none')],
          [v.t('accounts.person'), person ? <a href={`/people/${person.id}`}>{person.name}</a> : v.t('ui.none')],
        ]} />
        <div class="button-row">
          <form method="post" action={`/admin/accounts/${acc.id}/reset-password`} novalidate><Csrf v={v} /><button class="button button--secondary" type="submit">{v.t('accounts.reset')}</button></form>
          <form method="post" action={`/admin/accounts/${acc.id}/active`} novalidate><Csrf v={v} /><input type="hidden" name="active" value={acc.isActive ? '0' : '1'} />
            <button class={acc.isActive ? 'button button--danger' : 'button'} type="submit">{acc.isActive ? v.t('accounts.deactivate') : v.t('accounts.activate')}</button></form>
        </div>
        <h2>{v.t('accounts.roles')}</h2>
        <DataTable v={v} caption={v.t('accounts.roles')} empty={v.t('account.no_roles')} rows={grants} columns={[
          { key: 'role', label: v.t('accounts.role.role'), render: (g) => roleLabel(v, g.a.role) },
          { key: 'unit', label: v.t('accounts.role.unit'), render: (g) => g.unitName ?? v.t('role.scope.regency') },
          { key: 'area', label: v.t('accounts.role.area'), render: (g) => (g.a.area ? v.t(`area.${g.a.area}`) : v.t('ui.none')) },
          { key: 'act', label: v.t('ui.actions'), render: (g) => (
            <form method="post" action={`/admin/accounts/${acc.id}/roles/${g.a.id}/delete`} novalidate><Csrf v={v} /><button class="linkbutton" type="submit">{v.t('ui.remove')}</button></form>
          ) },
        ]} />
        <section class="card">
          <h3>{v.t('accounts.role.add')}</h3>
          <form method="post" action={`/admin/accounts/${acc.id}/roles`} class="form" novalidate>
            <Csrf v={v} />
            <SelectField v={v} name="role" label={v.t('accounts.role.role')} required errors={opts.errors} placeholder="" options={ROLES.map((r) => ({ value: r, label: roleLabel(v, r) }))} />
            <SelectField v={v} name="unitId" label={v.t('accounts.role.unit')} errors={opts.errors} placeholder={v.t('accounts.role.unit_none')} options={units.map((u) => ({ value: u.id, label: u.name }))} />
            <SelectField v={v} name="area" label={v.t('accounts.role.area')} errors={opts.errors} placeholder={v.t('accounts.role.area_none')} options={[1, 2, 3, 4, 5, 6].map((a) => ({ value: String(a), label: `${a}. ${v.t(`area.${a}`)}` }))} />
            <button class="button button--primary" type="submit">{v.t('accounts.role.add')}</button>
          </form>
        </section>
      </Layout>,
      opts.status ?? 200,
    );
  };

  const accountIdOf = (c: Ctx) => {
    const id = c.req.param('id');
    if (!isUuid(id)) throw notFound();
    return id;
  };

  r.get('/admin/accounts/:id{[0-9a-f-]{36}}', 'org.accounts.manage', (c) => accountPage(c, accountIdOf(c)));

  r.post('/admin/people/:id{[0-9a-f-]{36}}/account', 'org.accounts.manage', async (c) => {
    const personId = accountIdOf(c);
    const form = await formOf(c);
    const parsed = accountInput.safeParse(form);
    const rejected = (key: string) => {
      flash(c, 'error', key);
      return c.redirect(`/people/${personId}`, 303);
    };
    if (!parsed.success) return rejected(Object.values(fieldErrorsOf(parsed.error, (k) => c.var.deps.i18n.has(k)))[0] ?? 'error.validation');
    try {
      const { accountId, tempPassword } = await createAccountForPerson(svc(c), c.var.scope!, personId, parsed.data);
      return accountPage(c, accountId, { tempPassword });
    } catch (err) {
      if (err instanceof DomainError && (err.kind === 'validation' || err.kind === 'conflict')) return rejected(Object.values(err.fieldErrors)[0] ?? err.code);
      throw err;
    }
  });

  r.post('/admin/accounts/:id{[0-9a-f-]{36}}/reset-password', 'org.accounts.manage', async (c) => {
    const id = accountIdOf(c);
    const tempPassword = await resetPassword(svc(c), id);
    return accountPage(c, id, { tempPassword });
  });

  r.post('/admin/accounts/:id{[0-9a-f-]{36}}/active', 'org.accounts.manage', async (c) => {
    const id = accountIdOf(c);
    const form = await formOf(c);
    if (form.active !== '0' && form.active !== '1') throw new DomainError('validation', 'error.validation');
    await setAccountActive(svc(c), id, form.active === '1');
    flash(c, 'success', 'accounts.status_changed');
    return c.redirect(`/admin/accounts/${id}`, 303);
  });

  r.post('/admin/accounts/:id{[0-9a-f-]{36}}/roles', 'org.accounts.manage', async (c) => {
    const id = accountIdOf(c);
    const form = await formOf(c);
    const v = viewOf(c);
    const parsed = roleInput.safeParse(form);
    if (!parsed.success) return accountPage(c, id, { errors: fieldErrorsOf(parsed.error, (k) => c.var.deps.i18n.has(k)), status: 400 });
    const unit = parsed.data.unitId ? await findUnit(c.var.deps.db, ALL, parsed.data.unitId) : null;
    try {
      await grantRole(svc(c), id, parsed.data, roleLabel(v, parsed.data.role), unit?.name ?? v.t('role.scope.regency'));
    } catch (err) {
      if (err instanceof DomainError && (err.kind === 'validation' || err.kind === 'conflict')) {
        return accountPage(c, id, { errors: Object.keys(err.fieldErrors).length ? err.fieldErrors : { role: err.code }, status: err.kind === 'conflict' ? 409 : 400 });
      }
      throw err;
    }
    flash(c, 'success', 'accounts.role.added');
    return c.redirect(`/admin/accounts/${id}`, 303);
  });

  r.post('/admin/accounts/:id{[0-9a-f-]{36}}/roles/:rid{[0-9a-f-]{36}}/delete', 'org.accounts.manage', async (c) => {
    const id = accountIdOf(c);
    const rid = c.req.param('rid');
    if (!isUuid(rid)) throw notFound();
    await revokeRole(svc(c), id, rid);
    flash(c, 'success', 'accounts.role.removed');
    return c.redirect(`/admin/accounts/${id}`, 303);
  });

  // ---- audit log -----------------------------------------------------------------------------
  r.get('/admin/audit', 'audit.view', async (c) => {
    const { deps } = c.var;
    const page = pageNumber(c);
    const size = 50;
    const action = (c.req.query('action') ?? '').trim().slice(0, 80);
    const where = action ? sql`${auditLog.action} like ${`${action.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}` : sql`true`;
    const rows = await deps.db.select().from(auditLog).where(where).orderBy(sql`${auditLog.seq} desc`).limit(size).offset((page - 1) * size);
    const [{ n }] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
    const verify = c.req.query('verify') === '1' ? await verifyAudit(deps.db) : null;
    const v = await pageView(c);
    return c.html(
      <Layout v={v} title={v.t('audit.title')} crumbs={[crumbsHome(v), { label: v.t('audit.title') }]}>
        <PageHeader title={v.t('audit.title')} lead={v.t('audit.lead')} actions={<a class="button" href={withQuery('/admin/audit', { verify: '1', action })}>{v.t('audit.verify')}</a>} />
        {verify ? (verify.ok
          ? <div class="alert alert--success" role="status">{v.t('audit.verify.ok', { n: v.num(verify.checked) })}</div>
          : <div class="alert alert--error" role="alert">{v.t('audit.verify.broken', { seq: verify.firstBroken!.seq, reason: verify.firstBroken!.reason })}</div>) : null}
        <form method="get" action="/admin/audit" class="filters" role="search" novalidate>
          <div class="field"><label class="field__label" for="action">{v.t('audit.filter.action')}</label><input class="input" id="action" name="action" value={action} /></div>
          <div class="filters__actions"><button class="button" type="submit">{v.t('ui.filter')}</button></div>
        </form>
        <DataTable v={v} caption={v.t('audit.title')} empty={v.t('audit.empty')} rows={rows} columns={[
          { key: 'seq', label: v.t('audit.col.seq'), numeric: true, render: (r) => r.seq },
          { key: 'at', label: v.t('audit.col.at'), render: (r) => v.dateTime(r.at) },
          { key: 'actor', label: v.t('audit.col.actor'), render: (r) => r.actorLabel },
          { key: 'action', label: v.t('audit.col.action'), render: (r) => <code>{r.action}</code> },
          { key: 'entity', label: v.t('audit.col.entity'), render: (r) => `${r.entityType}${r.entityId ? ` ${r.entityId.slice(0, 8)}` : ''}` },
        ]} />
        <Pagination v={v} page={page} pageSize={size} total={Number(n)} query={{ action }} />
      </Layout>,
    );
  });
}

function CreateAccountForm(props: { v: View; personId: string; email: string | null }) {
  const { v } = props;
  return (
    <form method="post" action={`/admin/people/${props.personId}/account`} class="form" novalidate>
      <Csrf v={v} />
      <TextField v={v} name="username" label={v.t('people.account.username')} required width="short" autocomplete="off" />
      <TextField v={v} name="email" label={v.t('people.account.email')} value={props.email} type="email" />
      <button class="button button--primary" type="submit">{v.t('people.create_account')}</button>
    </form>
  );
}

function PeopleTable(props: { v: View; rows: Awaited<ReturnType<typeof listPeople>>['rows']; sort?: string; dir?: 'asc' | 'desc'; query?: Record<string, string | undefined> }) {
  const { v } = props;
  return (
    <DataTable v={v} caption={v.t('people.title')} empty={v.t('people.empty')} rows={props.rows} sort={props.sort} dir={props.dir} query={props.query} columns={[
      { key: 'name', label: v.t('people.col.name'), sortable: !!props.query, render: (p) => <a href={`/people/${p.id}`}>{p.name}</a> },
      { key: 'nip', label: v.t('people.col.nip'), sortable: !!props.query, render: (p) => <span class="nowrap">{formatNip(p.nip)}</span> },
      { key: 'position', label: v.t('people.col.position'), sortable: !!props.query, render: (p) => p.position },
      { key: 'class', label: v.t('people.col.class'), render: (p) => v.t(`poscls.${p.positionClass}`) },
      { key: 'unit', label: v.t('people.col.unit'), sortable: !!props.query, render: (p) => p.unitName },
      { key: 'status', label: v.t('people.col.status'), render: (p) => (p.isActive ? <Badge tone="success">{v.t('ui.active')}</Badge> : <Badge tone="neutral">{v.t('ui.inactive')}</Badge>) },
    ]} />
  );
}

/** UTF-8 text with no NUL bytes and not a known binary container; null otherwise. */
export function decodeCsv(bytes: Uint8Array): string | null {
  const magic = [
    [0x50, 0x4b, 0x03, 0x04], // zip (xlsx, docx)
    [0xd0, 0xcf, 0x11, 0xe0], // OLE (xls, doc)
    [0x25, 0x50, 0x44, 0x46], // %PDF
    [0x89, 0x50, 0x4e, 0x47], // PNG
    [0xff, 0xd8, 0xff], // JPEG
    [0x7f, 0x45, 0x4c, 0x46], // ELF
  ];
  if (magic.some((m) => m.every((b, i) => bytes[i] === b))) return null;
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A letterhead logo: the current image, and for those who may change it an upload and a remove form. */
function LogoCard(props: { v: View; action: string; image: string | null; name: string; lead: string; none: string; canEdit: boolean; errors: FieldErrors; title?: string }) {
  const { v } = props;
  if (!props.canEdit && !props.image) return null;
  return (
    <section class="card logo-card" id="logo">
      <h2>{props.title ?? v.t('units.logo')}</h2>
      <p class="muted">{props.lead}</p>
      {props.image ? <p><img class="logo-card__image" src={props.image} alt={v.t('units.logo.alt', { name: props.name })} /></p> : <p>{props.none}</p>}
      {props.canEdit ? (<>
        <ErrorSummary v={v} errors={props.errors} labels={{ logo: v.t('units.logo.file') }} />
        <form method="post" action={props.action} enctype="multipart/form-data" class="form" novalidate>
          <Csrf v={v} />
          <FileField v={v} name="logo" label={v.t('units.logo.file')} hint={v.t('units.logo.file_hint')} accept="image/png,image/jpeg" required errors={props.errors} />
          <div class="form__actions"><button type="submit" class="button button--secondary">{v.t('units.logo.upload')}</button></div>
        </form>
        {props.image ? (
          <form method="post" action={`${props.action}/hapus`} class="inline-form" novalidate>
            <Csrf v={v} />
            <button type="submit" class="button button--danger">{v.t('units.logo.remove')}</button>
          </form>
        ) : null}
      </>) : null}
    </section>
  );
}
