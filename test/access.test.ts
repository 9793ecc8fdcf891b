// Authorization: every route is declared with an action, every action has a rule, scopes follow
// grants, and data outside an actor's units is invisible (404, never leaked in the body).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Actor, Grant, Role, Scope } from '../src/kernel/access.ts';
import type { RouteDecl } from '../src/kernel/http.tsx';
import { buildAccess, buildApp, buildRoles } from '../src/main.ts';
import { Client, countRows, createTestApp, loggedIn, type TestApp } from './helpers.ts';

// the roles the kernel and the modules declare, and those held for the whole regency
const ROLES = buildRoles().names();
const REGENCY_ROLES = buildRoles().withScope('regency');

let t: TestApp;
before(async () => { t = await createTestApp(); });
after(async () => { await t.close(); });

// ---- route registry ------------------------------------------------------------------------

/** Routes Hono knows that the Router never declared (the global '*' middleware excluded). */
function undeclaredRoutes(app: { routes: { method: string; path: string }[] }, declared: RouteDecl[]): string[] {
  const known = new Set(declared.map((d) => `${d.method} ${d.path}`));
  const out = new Set<string>();
  for (const r of app.routes) {
    if (r.method === 'ALL' && r.path === '/*') continue; // app.use('*') pipeline middleware
    const key = `${r.method} ${r.path}`;
    if (!known.has(key)) out.add(key);
  }
  return [...out];
}

describe('route registry', () => {
  test('every route Hono serves was declared through the Router with an action', () => {
    assert.ok(t.router.declared.length >= 20, `expected the kernel and org routes to be declared, got ${t.router.declared.length}`);
    const missing = undeclaredRoutes(t.app, t.router.declared);
    assert.deepEqual(missing, [], `routes registered directly on Hono, bypassing Router (no action, no authorization):\n  ${missing.join('\n  ')}`);
  });

  test('the registry check flags a route added behind the Router\'s back', () => {
    const other = buildApp(t.config, t.database, { log: () => {} });
    other.app.get('/sneaky', (c) => c.text('no authorization here'));
    other.app.post('/admin/backdoor', (c) => c.text('nor here'));
    assert.deepEqual(undeclaredRoutes(other.app, other.router.declared).sort(), ['GET /sneaky', 'POST /admin/backdoor']);
  });

  test('every declared route names an action that a policy declares', () => {
    const undeclared = t.router.declared.filter((d) => !t.access.isDeclared(d.action));
    assert.deepEqual(undeclared, [], `routes whose action no policy declares: ${undeclared.map((d) => `${d.method} ${d.path} → ${d.action}`).join(', ')}`);
    for (const d of t.router.declared) assert.ok(t.access.ruleOf(d.action) !== undefined, `${d.method} ${d.path}: ${d.action}`);
  });

  test('the Router refuses a route whose action is not declared', () => {
    const other = buildApp(t.config, t.database, { log: () => {} });
    assert.throws(() => other.router.get('/x', 'no.such.action', (c) => c.text('x')), /not declared/);
  });

  test('every role named in a rule is a known role', () => {
    for (const action of t.access.actions()) {
      const rule = t.access.ruleOf(action)!;
      if (rule === 'public' || rule === 'authenticated') continue;
      assert.ok(rule.length > 0, `${action}: an empty role list denies everyone`);
      for (const role of rule) assert.ok((ROLES as readonly string[]).includes(role), `${action}: unknown role ${role}`);
    }
  });
});

// ---- scopeOf, role by role -------------------------------------------------------------------

const U1 = '11111111-1111-4111-8111-111111111111';
const U1_UPT = '11111111-1111-4111-8111-222222222222';
const U2 = '22222222-2222-4222-8222-222222222222';

function actorWith(grants: Grant[]): Actor {
  return {
    accountId: '99999999-9999-4999-8999-999999999999', username: 'x', displayName: 'X', personId: null, homeUnitId: null,
    locale: 'id', mustChangePassword: false, grants,
  };
}
function grant(role: Role): Grant {
  return REGENCY_ROLES.includes(role) ? { role, unitId: null, unitIds: [], area: null } : { role, unitId: U1, unitIds: [U1, U1_UPT], area: null };
}
const ALL: Scope = { all: true };
const UNIT1: Scope = { all: false, unitIds: [U1, U1_UPT] };
const NOTHING: Scope = { all: false, unitIds: [] };

describe('AccessControl.scopeOf', () => {
  const access = buildAccess();

  // [action, expected scope per role]; "reach" = the role's own units (or everything for regency roles)
  const adminOnly = (role: Role) => (role === 'regency_admin' ? ALL : null);
  const reach = (role: Role) => (REGENCY_ROLES.includes(role) ? ALL : UNIT1);
  const table: [string, (role: Role) => Scope | null][] = [
    ['org.units.list', reach],
    ['org.units.view', reach],
    ['org.people.list', reach],
    ['org.people.view', reach],
    ['org.units.manage', adminOnly],
    ['org.people.manage', adminOnly],
    ['org.people.import', adminOnly],
    ['org.accounts.manage', adminOnly],
    ['audit.view', adminOnly],
    ['org.home', reach],
    ['account.view', reach],
    ['notifications.view', reach],
    ['auth.login', reach],
    ['kernel.static', reach],
    ['no.such.action', () => null],
  ];

  for (const role of ROLES) {
    test(`role ${role}`, () => {
      const actor = actorWith([grant(role)]);
      for (const [action, expected] of table) {
        assert.deepEqual(access.scopeOf(actor, action), expected(role), `${role} → ${action}`);
      }
    });
  }

  test('anonymous: public actions with an empty scope, everything else denied', () => {
    assert.deepEqual(access.scopeOf(null, 'auth.login'), NOTHING);
    assert.deepEqual(access.scopeOf(null, 'kernel.static'), NOTHING);
    for (const action of ['org.home', 'account.view', 'org.units.list', 'org.units.manage', 'audit.view', 'no.such.action']) {
      assert.equal(access.scopeOf(null, action), null, action);
    }
  });

  test('an account without grants may only take public and authenticated actions', () => {
    const none = actorWith([]);
    assert.deepEqual(access.scopeOf(none, 'account.view'), NOTHING);
    assert.equal(access.scopeOf(none, 'org.units.list'), null);
    assert.equal(access.scopeOf(none, 'org.units.manage'), null);
  });

  test('the scope of a role-restricted action comes only from the grants of the allowed roles', () => {
    // a TPI evaluator for U2 who is an employee of U1: the list scope is both units
    const actor = actorWith([
      { role: 'employee', unitId: U1, unitIds: [U1, U1_UPT], area: null },
      { role: 'tpi_evaluator', unitId: U2, unitIds: [U2], area: null },
    ]);
    const list = access.scopeOf(actor, 'org.units.list');
    assert.ok(list && !list.all);
    assert.deepEqual([...list.unitIds].sort(), [U1, U1_UPT, U2].sort());
    assert.equal(access.can(actor, 'org.people.view', U2), true);
    assert.equal(access.can(actor, 'org.people.view', '33333333-3333-4333-8333-333333333333'), false);
    assert.equal(access.can(actor, 'org.units.manage'), false);
    assert.throws(() => access.assert(actor, 'org.people.view', '33333333-3333-4333-8333-333333333333'), /error.forbidden/);
  });

  test('a regency-wide grant beside unit grants reaches everything', () => {
    const actor = actorWith([grant('employee'), grant('regency_viewer')]);
    assert.deepEqual(access.scopeOf(actor, 'org.people.list'), ALL);
    assert.equal(access.scopeOf(actor, 'org.people.manage'), null);
  });
});

// ---- scoping over HTTP ---------------------------------------------------------------------

async function unitId(code: string): Promise<string> {
  const [r] = await t.database.query<{ id: string }>('select id from org_units where code = $1', [code]);
  assert.ok(r, `demo unit ${code}`);
  return r.id;
}
async function personOf(code: string): Promise<{ id: string; name: string }> {
  const [r] = await t.database.query<{ id: string; name: string }>(
    'select p.id, p.name from org_people p join org_units u on u.id = p.unit_id where u.code = $1 order by p.name limit 1', [code]);
  assert.ok(r, `a person in ${code}`);
  return r;
}
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe('unit scoping', () => {
  test('an employee of unit A gets 404 for a person and the unit of unit B, with nothing leaked', async () => {
    const c = await loggedIn(t.app, 'pegawai'); // employee, DPMPTSP-KUKM
    const own = await personOf('DPMPTSPKUKM');
    const ownRes = await c.get(`/people/${own.id}`);
    assert.equal(ownRes.status, 200, 'control: a person of the own unit is visible');
    assert.ok((await ownRes.text()).includes(escapeHtml(own.name)));

    const other = await personOf('DISDUKCAPIL');
    const res = await c.get(`/people/${other.id}`);
    assert.equal(res.status, 404);
    const body = await res.text();
    assert.ok(!body.includes(other.name) && !body.includes(escapeHtml(other.name)), 'the other unit\'s person is named in the 404 page');

    const unitB = await unitId('DISDUKCAPIL');
    const unitRes = await c.get(`/units/${unitB}`);
    assert.equal(unitRes.status, 404);
    const unitBody = await unitRes.text();
    assert.ok(!unitBody.includes('Kependudukan'), 'the other unit\'s name is in the 404 page');
    assert.ok(!unitBody.includes(other.name) && !unitBody.includes(escapeHtml(other.name)));

    const list = await (await c.get('/people?status=all')).text();
    assert.ok(!list.includes(escapeHtml(other.name)), 'the people list shows another unit\'s staff');
    const units = await (await c.get('/units')).text();
    assert.ok(!units.includes('Kependudukan'), 'the unit list shows another unit');
  });

  test('a TPI evaluator sees the assigned units and nothing of the others', async () => {
    const c = await loggedIn(t.app, 'tpi'); // tpi_evaluator: DPMPTSP-KUKM, Disdukcapil; employee: Inspektorat
    const bpkpd = await unitId('BPKPD');
    const bpkpdStaff = await t.database.query<{ name: string }>('select name from org_people where unit_id = $1', [bpkpd]);
    assert.ok(bpkpdStaff.length > 0);

    const res = await c.get(`/people?unit=${bpkpd}&status=all`);
    assert.equal(res.status, 200);
    const body = await res.text();
    for (const p of bpkpdStaff) assert.ok(!body.includes(escapeHtml(p.name)), `BPKPD person ${p.name} listed for the TPI evaluator`);

    const assigned = await unitId('DISDUKCAPIL');
    const seen = await (await c.get(`/people?unit=${assigned}`)).text();
    assert.ok(seen.includes('Syahrial'), 'control: staff of an assigned unit are listed');

    assert.equal((await c.get(`/units/${bpkpd}`)).status, 404);
    const bp = await personOf('BPKPD');
    assert.equal((await c.get(`/people/${bp.id}`)).status, 404);
    const units = await (await c.get('/units')).text();
    assert.ok(!units.includes('Badan Pengelolaan Keuangan'), 'the unit list shows an unassigned unit');
    assert.ok(units.includes('Kependudukan'));
  });

  test('a non-admin posting to /admin/units gets 403 and nothing changes', async () => {
    for (const username of ['kadis', 'pegawai', 'bupati']) {
      const c = await loggedIn(t.app, username);
      const before = await countRows(t.database, 'org_units');
      const auditBefore = await countRows(t.database, 'kernel_audit_log');
      const res = await c.post('/admin/units', { code: `X-${username}`, name: 'Unit Siluman', shortName: 'Siluman', kind: 'dinas', isActive: '1' });
      assert.equal(res.status, 403, username);
      assert.equal(await countRows(t.database, 'org_units'), before, `${username} created a unit`);
      assert.equal(await countRows(t.database, 'kernel_audit_log'), auditBefore);
      assert.equal((await c.get('/admin/units/new')).status, 403, `${username} reached the unit form`);
    }
    // control: the admin may
    const admin = await loggedIn(t.app, 'admin');
    const before = await countRows(t.database, 'org_units');
    const ok = await admin.post('/admin/units', { code: 'X-ADMIN', name: 'Unit Uji', shortName: 'Uji', kind: 'dinas', isActive: '1' });
    assert.equal(ok.status, 303);
    assert.equal(await countRows(t.database, 'org_units'), before + 1);
  });
});

describe('anonymous visitors', () => {
  test('a protected page redirects to /login with the way back', async () => {
    const c = new Client(t.app);
    for (const path of ['/people?q=agus&page=2', '/admin/accounts', '/notifications', '/lke']) {
      const res = await c.get(path);
      assert.equal(res.status, 303, path);
      assert.equal(res.headers.get('location'), `/login?next=${encodeURIComponent(path)}`, path);
    }
  });

  test('the root leads an anonymous visitor to the public portal', async () => {
    const res = await new Client(t.app).get('/');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/publik');
  });

  test('a POST to a protected route is 401 and changes nothing', async () => {
    const c = new Client(t.app);
    await c.get('/login'); // a valid CSRF token: only the missing session stops it
    const before = await countRows(t.database, 'org_units');
    const res = await c.post('/admin/units', { code: 'ANON', name: 'Anonim', shortName: 'Anonim', kind: 'dinas' });
    assert.equal(res.status, 401);
    assert.equal(await countRows(t.database, 'org_units'), before);
    const json = await c.post('/logout', {}, { headers: { accept: 'application/json' } });
    assert.equal(json.status, 401);
    assert.equal((await json.json()).error, 'error.unauthenticated');
  });

  test('an API client gets 401 JSON rather than a redirect', async () => {
    const c = new Client(t.app);
    const res = await c.get('/people', { accept: 'application/json' });
    assert.equal(res.status, 401);
  });
});
