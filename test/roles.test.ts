// Roles are declared by the modules that own them (their manifests' `roles`); the kernel declares only
// its own (the regency administrator). The registry is built from the module list at start-up, the
// role groups are computed from the declarations, and a policy naming a role nobody declared is refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AccessControl, RoleRegistry, type Actor, type Grant } from '../src/kernel/access.ts';
import { kernelRoles } from '../src/kernel/kernel.policy.ts';
import { wiringOf, type ModuleDefinition } from '../src/kernel/module.ts';
import { buildAccess, buildRoles } from '../src/main.ts';
import { MODULES } from '../src/modules.ts';
import { createTestApp, loggedIn, type TestApp } from './helpers.ts';

const U1 = '11111111-1111-4111-8111-111111111111';
const actor = (grants: Partial<Grant>[]): Actor => ({
  accountId: 'a1', username: 'x', displayName: 'X', personId: 'p1', homeUnitId: U1, locale: 'id', mustChangePassword: false,
  grants: grants.map((g) => ({ role: 'employee', unitId: U1, unitIds: [U1], area: null, ...g }) as Grant),
});

/** A made-up module that owns a role and names it in its policy. */
const inspection: ModuleDefinition = {
  name: 'inspection',
  roles: [{ name: 'inspector', scope: 'unit', label: 'role.inspector', groups: ['@leaders', '@inspectors'] }],
  policies: [{ 'inspection.visit': ['inspector'], 'inspection.lead': ['@leaders'], 'inspection.all': ['@inspectors'], 'inspection.see': ['@members'] }],
  messages: [],
};

describe('roles declared by the modules', () => {
  test('the kernel declares only the regency administrator; every other role comes from a module manifest', () => {
    assert.deepEqual(kernelRoles.map((r) => r.name), ['regency_admin']);
    const declared = MODULES.flatMap((m) => (m.roles ?? []).map((r) => r.name));
    assert.deepEqual(buildRoles().names(), ['regency_admin', ...declared]);
    // each role has one owner: the module whose work it is
    const owner = (role: string) => MODULES.find((m) => m.roles?.some((r) => r.name === role))?.name;
    assert.equal(owner('wbs_handler'), 'wbs');
    assert.equal(owner('upg_handler'), 'gratification');
    assert.equal(owner('complaint_handler'), 'complaints');
    assert.equal(owner('tpi_evaluator'), 'assessment');
    assert.equal(owner('unit_head'), 'org');
  });

  test('a role a module declares may be named by policies, joins its groups and @members, and scopes to its grants', () => {
    const access = buildAccess([...MODULES, inspection]);
    assert.deepEqual(access.ruleOf('inspection.visit'), ['inspector']);
    assert.deepEqual([...access.ruleOf('inspection.lead') as string[]].sort(), ['inspector', 'unit_head', 'zi_ketua', 'zi_sekretaris']);
    assert.deepEqual(access.ruleOf('inspection.all'), ['inspector']);
    assert.ok((access.ruleOf('inspection.see') as string[]).includes('inspector'));
    assert.ok((access.ruleOf('org.units.list') as string[]).includes('inspector'), "org's '@members' rules admit the new role too");
    assert.deepEqual(access.scopeOf(actor([{ role: 'inspector' }]), 'inspection.visit'), { all: false, unitIds: [U1] });
    assert.equal(access.scopeOf(actor([{ role: 'employee' }]), 'inspection.visit'), null);
    // the wiring hands the registry to the modules' routes (org grants what is declared)
    assert.ok(wiringOf([inspection]).roles.has('inspector'));
  });

  test('a role no module declares is refused when the policy naming it is registered', () => {
    const { roles: _owned, ...withoutRoles } = inspection;
    assert.throws(() => buildAccess([...MODULES, withoutRoles]), /action "inspection.visit" names unknown role inspector/);
    const access = new AccessControl(buildRoles());
    assert.throws(() => access.register({ 'x.a': ['inspector'] }), /unknown role inspector/);
    assert.throws(() => access.register({ 'x.b': ['@inspectors'] }), /unknown role group @inspectors/);
  });

  test('declarations are checked: one owner per role, well-formed names, scopes and groups', () => {
    assert.throws(() => buildRoles([...MODULES, { ...inspection, roles: [{ name: 'wbs_handler', scope: 'unit', label: 'role.wbs_handler' }] }]), /role wbs_handler declared twice/);
    assert.throws(() => new RoleRegistry([{ name: 'Inspector', scope: 'unit', label: 'x' }]), /lower-case/);
    assert.throws(() => new RoleRegistry([{ name: 'inspector', scope: 'province' as never, label: 'x' }]), /unknown scope/);
    assert.throws(() => new RoleRegistry([{ name: 'inspector', scope: 'unit', label: 'x', groups: ['@members'] }]), /every role is of @members/);
    assert.throws(() => new RoleRegistry([{ name: 'inspector', scope: 'unit', label: '' }]), /no label/);
    const r = new RoleRegistry([{ name: 'a', scope: 'regency', label: 'role.a' }, { name: 'b', scope: 'area', label: 'role.b' }]);
    assert.deepEqual([r.withScope('regency'), r.withScope('unit'), r.withScope('area')], [['a'], [], ['b']]);
  });
});

describe('org grants the registered roles', () => {
  let t: TestApp;
  before(async () => { t = await createTestApp({ seed: 'org' }); });
  after(async () => { await t.close(); });

  test("the role form offers every declared role, in declaration order, under its label", async () => {
    const [acc] = await t.database.query<{ id: string }>(`select id from kernel_accounts where username = 'pegawai'`);
    const admin = await loggedIn(t.app, 'admin');
    const html = await (await admin.get(`/admin/accounts/${acc!.id}`)).text();
    const select = /<select[^>]*name="role"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '';
    const offered = [...select.matchAll(/<option value="([a-z_]+)"/g)].map((m) => m[1]);
    assert.deepEqual(offered, buildRoles().names());
    assert.match(select, /<option value="wbs_handler"[^>]*>Pengelola WBS<\/option>/);
  });
});
