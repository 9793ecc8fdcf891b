// Every policy, table-driven: who may take each action (the policies name roles and role groups;
// this table spells out what they resolve to, so a change to any policy shows up here as a diff).
// Columns: regency_admin, regency_viewer, unit_head, zi_ketua, zi_sekretaris, zi_coordinator,
// zi_member, employee, tpi_evaluator, complaint_handler, wbs_handler, upg_handler, ppid_handler.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AccessControl, type Actor, type Grant, type Policy, type Role } from '../src/kernel/access.ts';
import { buildAccess, buildRoles } from '../src/main.ts';

// the roles the kernel and the modules declare (their manifests)
const roles = buildRoles();
const ROLES = roles.names();

const COLUMNS: readonly Role[] = ['regency_admin', 'regency_viewer', 'unit_head', 'zi_ketua', 'zi_sekretaris', 'zi_coordinator', 'zi_member', 'employee', 'tpi_evaluator', 'complaint_handler', 'wbs_handler', 'upg_handler', 'ppid_handler'];

const TABLE: [action: string, who: string][] = [
  // kernel
  ['kernel.static',          'public'],
  ['kernel.health',          'public'],
  ['kernel.lang',            'public'],
  ['auth.login',             'public'],
  ['auth.logout',            'authenticated'],
  ['account.view',           'authenticated'],
  ['account.password',       'authenticated'],
  ['notifications.view',     'authenticated'],
  ['session.unit',           'authenticated'],
  ['audit.view',             'x . . . . . . . . . . . .'],
  ['calendar.view',          'authenticated'],
  ['calendar.manage',        'x . . . . . . . . . . . .'],
  // org
  ['org.units.list',         'x x x x x x x x x x x x x'],
  ['org.units.view',         'x x x x x x x x x x x x x'],
  ['org.people.list',        'x x x x x x x x x x x x x'],
  ['org.people.view',        'x x x x x x x x x x x x x'],
  ['org.units.manage',       'x . . . . . . . . . . . .'],
  ['org.units.logo',         'x . x . . . . . . . . . .'],
  ['org.people.manage',      'x . . . . . . . . . . . .'],
  ['org.people.import',      'x . . . . . . . . . . . .'],
  ['org.accounts.manage',    'x . . . . . . . . . . . .'],
  ['org.home',               'authenticated'],
  // assessment
  ['lke.view',               'x x x x x x x x x . . . .'],
  ['lke.create',             'x . x x x . . . . . . . .'],
  ['lke.answer',             '. . x x x x x . . . . . .'],
  ['lke.review',             '. . . . . . . . x . . . .'],
  ['lke.transition',         '. . x x . . . . x . . . .'],
  ['lke.settings',           '. . x x x . . . x . . . .'],
  ['lke.import',             '. . x x x . . . . . . . .'],
  ['lke.rulesets',           'x x x x x x x x x . . . .'],
  // workplan
  ['workplan.plan.view',     'x x x x x x x x x x x x x'],
  ['workplan.plan.edit',     'x . x x x . . . . . . . .'],
  ['workplan.plan.monev',    'x . x x x x x . . . . . .'],
  ['pakta.sign',             'authenticated'],
  ['pakta.coverage',         'x x x x x . . . x . . . .'],
  ['declaration.manage',     'x . x x x . . . . . . . .'],
  ['declaration.public',     'public'],
  ['workplan.team.view',     'x x x x x x x x x x x x x'],
  ['workplan.team.manage',   'x . x x . . . . . . . . .'],
  ['workplan.agents.view',   'x x x x x x x x x x x x x'],
  ['workplan.agents.manage', 'x . x x x . . . . . . . .'],
  // services
  ['services.view',          'x x x x x x x x x x x x x'],
  ['services.manage',        'x . x x x x . . . . . . .'],
  ['services.public',        'public'],
  // surveys
  ['surveys.view',           'x x x x x x x x x x x x x'],
  ['surveys.manage',         'x . x x x x . . . . . . .'],
  ['surveys.public.form',    'public'],
  ['surveys.public.results', 'public'],
  ['surveys.poster',         'x . x x x x x . . . . . .'],
  // complaints
  ['complaints.public',      'public'],
  ['complaints.view',        'x . x . . . . . . x . . .'],
  ['complaints.handle',      'x . . . . . . . . x . . .'],
  ['complaints.stats',       'x x x x x . . . . x . . .'],
  // wbs
  ['wbs.public',             'public'],
  ['wbs.handle',             '. . . . . . . . . . x . .'],
  ['wbs.admin',              'x . . . . . . . . . . . .'],
  ['wbs.stats',              'x x x x x . . . x . x . .'],
  ['wbs.evaluate',           '. . x x x . . . . . x . .'],
  // gratification
  ['gratification.report',   'authenticated'],
  ['gratification.handle',   'x . . . . . . . . . . x .'],
  ['gratification.campaign', 'x . . x x . . . . . . x .'],
  ['gratification.stats',    'x x x x x . . . x . . x .'],
  // coi
  ['coi.declare',            'authenticated'],
  ['coi.review',             'authenticated'],
  ['coi.manage',             'x . x x x . . . . . . . .'],
  ['coi.records',            'x . x x x x . . x . . . .'],
  ['coi.stats',              'x x x x x x . . x . . . .'],
  // evidence
  ['evidence.view',          'x x x x x x x x x x x x x'],
  ['evidence.manage',        'x . x x x x x . . . . . .'],
  // portal
  ['portal.public',          'public'],
];

const expected = (who: string) => (who === 'public' || who === 'authenticated' ? who : COLUMNS.filter((_, i) => who.split(' ')[i] === 'x').sort());

describe('policies, action by action', () => {
  const access = buildAccess();

  test('the table names every declared action, once', () => {
    assert.deepEqual(TABLE.map(([a]) => a).sort(), access.actions().sort());
    assert.equal(new Set(TABLE.map(([a]) => a)).size, TABLE.length);
    assert.deepEqual([...COLUMNS].sort(), [...ROLES].sort(), 'a column per role');
  });

  for (const [action, who] of TABLE) {
    test(`${action}: ${who}`, () => {
      const rule = access.ruleOf(action);
      assert.deepEqual(typeof rule === 'string' ? rule : [...rule!].sort(), expected(who));
    });
  }
});

const U1 = '11111111-1111-4111-8111-111111111111';
const U2 = '22222222-2222-4222-8222-222222222222';
const actor = (grants: Partial<Grant>[], personId: string | null = 'p1'): Actor => ({
  accountId: 'a1', username: 'x', displayName: 'X', personId, homeUnitId: U1, locale: 'id', mustChangePassword: false,
  grants: grants.map((g) => ({ role: 'employee', unitId: U1, unitIds: g.unitId === null ? [] : [g.unitId ?? U1], area: null, ...g }) as Grant),
});

describe('role groups and conditions', () => {
  test('a group admits exactly its roles; groups and roles mix', () => {
    const a = new AccessControl(roles).register({ 'x.members': ['@members'], 'x.lead': ['@leaders', 'regency_admin'], 'x.team': ['@zi_team'] });
    assert.deepEqual([...a.ruleOf('x.members') as Role[]].sort(), [...ROLES].sort());
    assert.deepEqual([...a.ruleOf('x.lead') as Role[]].sort(), ['regency_admin', 'unit_head', 'zi_ketua', 'zi_sekretaris']);
    assert.deepEqual([...a.ruleOf('x.team') as Role[]].sort(), ['zi_coordinator', 'zi_ketua', 'zi_member', 'zi_sekretaris']);
  });

  test('an unknown role or group, or an empty list, is refused when the policy is registered', () => {
    assert.throws(() => new AccessControl(roles).register({ 'x.a': ['@nobody' as never] }), /unknown role group @nobody/);
    assert.throws(() => new AccessControl(roles).register({ 'x.a': ['superuser' as never] }), /unknown role superuser/);
    assert.throws(() => new AccessControl(roles).register({ 'x.a': [] }), /admits no role/);
  });

  test('a grant condition narrows the scope to the grants that meet it', () => {
    const a = new AccessControl(roles).register({ 'x.manage': { roles: ['unit_head', 'zi_coordinator'], grant: (g) => g.role !== 'zi_coordinator' || g.area === 6 } });
    const cases: [string, Partial<Grant>[], string[] | null][] = [
      ['coordinator of area 6', [{ role: 'zi_coordinator', area: 6 }], [U1]],
      ['coordinator of area 3', [{ role: 'zi_coordinator', area: 3 }], null],
      ['head of U2 and coordinator of area 3 in U1', [{ role: 'unit_head', unitId: U2 }, { role: 'zi_coordinator', area: 3 }], [U2]],
      ['employee', [{ role: 'employee' }], null],
    ];
    for (const [name, grants, units] of cases) {
      const scope = a.scopeOf(actor(grants), 'x.manage');
      assert.deepEqual(scope && !scope.all ? scope.unitIds : scope, units, name);
    }
  });

  test('a record condition decides on the record, after the scope', () => {
    const policy: Policy = { 'x.own': { roles: ['@members'], record: (who: Actor, r: { personId: string }) => r.personId === who.personId } };
    const a = new AccessControl(roles).register(policy);
    const me = actor([{ role: 'employee' }]);
    const cases: [string, Actor | null, string | null, string, boolean][] = [
      ['own record in own unit', me, U1, 'p1', true],
      ["someone else's record", me, U1, 'p2', false],
      ['own record in a unit out of scope', me, U2, 'p1', false],
      ['no one signed in', null, U1, 'p1', false],
    ];
    for (const [name, who, unit, personId, ok] of cases) assert.equal(a.allows(who, 'x.own', unit, { personId }), ok, name);
    // without a record condition, allows is can
    const plain = new AccessControl(roles).register({ 'x.see': ['employee'] });
    assert.equal(plain.allows(me, 'x.see', U1, {}), true);
    assert.equal(plain.allows(me, 'x.see', U2, {}), false);
  });
});
