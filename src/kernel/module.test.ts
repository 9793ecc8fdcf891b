// The module manifest's checks and the ports' wiring (module.ts), the shared validators
// (validate.ts) and the scope condition (db.ts inUnits).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PgDialect, pgTable, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { inUnits } from './db.ts';
import { checkModules, offer, port, wiringOf, type ModuleDefinition } from './module.ts';
import { dateField, fieldErrorsOf, isIsoDate, isUuid, optionalDateField, optionalUuidField } from './validate.ts';

const mod = (name: string, offers: ModuleDefinition['offers'] = []): ModuleDefinition => ({ name, policies: [], messages: [], offers });

describe('module list', () => {
  test('names are unique and lower-case letters and digits', () => {
    assert.doesNotThrow(() => checkModules([mod('org'), mod('wbs2')]));
    assert.throws(() => checkModules([mod('org'), mod('org')]), /listed twice/);
    for (const bad of ['Org', 'org_x', '2org', '', 'or-g']) assert.throws(() => checkModules([mod(bad)]), /lower-case/, bad);
  });

  test('a port gathers what every module offers on it, in list order, and nothing from other ports', () => {
    const A = port<string>('a.things');
    const B = port<number>('b.things');
    const wiring = wiringOf([mod('one', [offer(A, 'x'), offer(B, 1)]), mod('two'), mod('three', [offer(A, 'y'), offer(A, 'z')])]);
    assert.deepEqual(wiring.offered(A), ['x', 'y', 'z']);
    assert.deepEqual(wiring.offered(B), [1]);
    assert.deepEqual(wiring.offered(port<string>('c.none')), []);
    // ports are told apart by id, so a port declared twice with one id is the same port
    assert.deepEqual(wiring.offered(port<string>('a.things')), ['x', 'y', 'z']);
  });
});

describe('shared validators', () => {
  test('isUuid takes a uuid of either case and nothing else', () => {
    for (const ok of ['0b9a8f5e-3c1d-4e2f-9a7b-6c5d4e3f2a1b', '0B9A8F5E-3C1D-4E2F-9A7B-6C5D4E3F2A1B']) assert.equal(isUuid(ok), true, ok);
    for (const bad of ['', '0b9a8f5e3c1d4e2f9a7b6c5d4e3f2a1b', '0b9a8f5e-3c1d-4e2f-9a7b-6c5d4e3f2a1', ' 0b9a8f5e-3c1d-4e2f-9a7b-6c5d4e3f2a1b', '0b9a8f5e-3c1d-4e2f-9a7b-6c5d4e3f2a1g', undefined, 12]) assert.equal(isUuid(bad), false, String(bad));
  });

  test('isIsoDate is the calendar check of workdays.ts', () => {
    assert.equal(isIsoDate('2028-02-29'), true);
    assert.equal(isIsoDate('2027-02-29'), false);
  });

  test('the date and id fields read empty as null and refuse what is not one', () => {
    assert.deepEqual(optionalDateField().safeParse('').data, null);
    assert.equal(optionalDateField().safeParse('2026-13-01').success, false);
    assert.equal(dateField().safeParse('').error?.issues[0]?.message, 'form.required');
    assert.equal(dateField('x.bad').safeParse('2026-02-30').error?.issues[0]?.message, 'x.bad');
    assert.deepEqual(optionalUuidField().safeParse(undefined).data, null);
    assert.equal(optionalUuidField('x.unit').safeParse('nope').error?.issues[0]?.message, 'x.unit');
  });

  test('fieldErrorsOf keeps the first message per field and hides unknown messages', () => {
    const r = z.object({ a: z.string().min(3, 'k.short').max(1, 'k.long'), b: z.string({ message: 'raw text' }) }).safeParse({ a: 'xx' });
    assert.ok(!r.success);
    assert.deepEqual(fieldErrorsOf(r.error, (k) => k.startsWith('k.')), { a: 'k.short', b: 'form.invalid' });
  });
});

describe('inUnits', () => {
  const t = pgTable('t_rows', { unitId: uuid('unit_id') });
  const dialect = new PgDialect();
  const render = (q: ReturnType<typeof inUnits>) => dialect.sqlToQuery(q);

  test('everything, nothing, or the scope\'s units', () => {
    assert.equal(render(inUnits({ all: true }, t.unitId)).sql, 'true');
    assert.equal(render(inUnits({ all: false, unitIds: [] }, t.unitId)).sql, 'false');
    const q = render(inUnits({ all: false, unitIds: ['u1', 'u2'] }, t.unitId));
    assert.equal(q.sql, '"t_rows"."unit_id" in ($1, $2)');
    assert.deepEqual(q.params, ['u1', 'u2']);
  });

  test('on a raw column, as uuids', () => {
    const q = render(inUnits({ all: false, unitIds: ['u1'] }, sql`w.unit_id`));
    assert.equal(q.sql, 'w.unit_id in ($1::uuid)');
    assert.deepEqual(q.params, ['u1']);
  });
});
