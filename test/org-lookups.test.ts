// The lookups org offers other modules (they never read org's tables themselves): unit names, a
// unit by code, whether an account holds a role, the named grants of a role, and the active holders
// of a role on a unit or above it (plus regency-wide kinds such as the Inspektorat).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { activeRoleHoldersAbove, findUnitByCode, holdsRole, roleGrantsNamed, unitNames } from '../src/modules/org/index.ts';
import { createTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
const unit: Record<string, string> = {};
const account: Record<string, string> = {};

before(async () => {
  t = await createTestApp({ seed: 'org' });
  for (const r of await t.database.query<{ id: string; code: string }>('select id, code from org_units')) unit[r.code] = r.id;
  for (const r of await t.database.query<{ id: string; username: string }>('select id, username from kernel_accounts')) account[r.username] = r.id;
});
after(async () => { await t.close(); });

describe('org lookups for other modules', () => {
  test('unitNames names the known ids once and leaves out unknown ones and nulls', async () => {
    const names = await unitNames(t.database.db, [unit.DPMPTSPKUKM, unit.DPMPTSPKUKM, null, '00000000-0000-4000-8000-000000000000']);
    assert.equal(names.size, 1);
    assert.match(names.get(unit.DPMPTSPKUKM)!, /Penanaman Modal/);
    assert.equal((await unitNames(t.database.db, [])).size, 0);
  });

  test('findUnitByCode finds by code and answers null for an unknown one', async () => {
    assert.equal((await findUnitByCode(t.database.db, 'DPMPTSPKUKM'))?.id, unit.DPMPTSPKUKM);
    assert.equal(await findUnitByCode(t.database.db, 'NOPE'), null);
  });

  test('holdsRole and roleGrantsNamed see the demo WBS handler, and only for that role', async () => {
    assert.equal(await holdsRole(t.database.db, account.wbs, 'wbs_handler'), true);
    assert.equal(await holdsRole(t.database.db, account.wbs, 'upg_handler'), false);
    const grants = await roleGrantsNamed(t.database.db, 'wbs_handler');
    assert.ok(grants.some((g) => g.accountId === account.wbs && g.unitName));
    assert.ok(grants.every((g) => typeof g.name === 'string'));
  });

  test('activeRoleHoldersAbove: holders on the unit or above it, the regency-wide kinds, active accounts only', async () => {
    const db = t.database.db;
    const [grant] = await t.database.query<{ unit_id: string }>(`select unit_id from org_role_assignments where account_id = '${account.wbs}' and role = 'wbs_handler'`);
    const [child] = await t.database.query<{ id: string }>(`select id from org_units where parent_id = '${grant.unit_id}' limit 1`);
    assert.ok((await activeRoleHoldersAbove(db, 'wbs_handler', grant.unit_id)).includes(account.wbs));
    if (child) assert.ok((await activeRoleHoldersAbove(db, 'wbs_handler', child.id)).includes(account.wbs), 'a grant covers the sub-units');
    const [kind] = await t.database.query<{ kind: string }>(`select kind from org_units where id = '${grant.unit_id}'`);
    const [other] = await t.database.query<{ id: string }>(`select id from org_units where id <> '${grant.unit_id}' and (parent_id is null or parent_id <> '${grant.unit_id}') and kind <> '${kind.kind}' limit 1`);
    assert.ok(!(await activeRoleHoldersAbove(db, 'wbs_handler', other.id)).includes(account.wbs), 'not on an unrelated unit');
    assert.ok((await activeRoleHoldersAbove(db, 'wbs_handler', other.id, [kind.kind])).includes(account.wbs), 'a regency-wide kind covers every unit');
    await t.database.query(`update kernel_accounts set is_active = false where id = '${account.wbs}'`);
    assert.ok(!(await activeRoleHoldersAbove(db, 'wbs_handler', grant.unit_id)).includes(account.wbs), 'an inactive account holds nothing');
  });
});
