// The form-action pipeline (forms.ts): parse → run → 303 with a flash, or the page again with the
// person's values, the errors and the refusal's status; other errors go on to the error page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Hono } from 'hono';
import { z } from 'zod';
import { DomainError } from './errors.ts';
import { formAction, refusalOf, type Refusal } from './forms.ts';
import type { Env } from './http.tsx';
import { I18n } from './i18n.ts';
import { requiredText, uuidField } from './validate.ts';

const i18n = new I18n().register('test', { id: { 'form.required': 'Wajib', 'form.too_long': 'Panjang', 'form.invalid': 'Salah', 't.saved': 'Tersimpan', 't.taken': 'Dipakai' }, en: {} });

/** An app with one form route; `seen` records what the page and the use case were given. */
function appWith(run: (input: { name: string; unitId: string }) => Promise<unknown> | unknown, opts: { shows?: ('validation' | 'conflict' | 'throttled')[]; field?: string } = {}) {
  const seen: { refused?: Refusal; input?: unknown; files?: number } = {};
  const app = new Hono<Env>();
  app.use('*', async (c, next) => {
    c.set('deps', { i18n, config: { isProduction: false } } as never);
    await next();
  });
  app.onError((err, c) => c.text(err instanceof DomainError ? `error page ${err.code}` : 'crash', err instanceof DomainError ? 404 : 500));
  app.post('/f', formAction({
    input: z.object({ name: requiredText(10), unitId: uuidField() }),
    files: ['doc'],
    run: async (_c, input, posted) => {
      seen.input = input;
      seen.files = posted.files.doc!.length;
      await run(input);
      return { to: `/done?u=${input.unitId}`, flash: 't.saved' };
    },
    page: (c, refused) => { seen.refused = refused; return c.text('form again', refused.status); },
    ...opts,
  }));
  return { app, seen };
}

const ID = '0b9a8f5e-3c1d-4e2f-9a7b-6c5d4e3f2a1b';
const post = (app: Hono<Env>, body: Record<string, string>) => app.request('/f', { method: 'POST', body: new URLSearchParams(body) });

describe('formAction', () => {
  test('a valid form runs the use case with the parsed input, then flashes and redirects 303', async () => {
    const { app, seen } = appWith(() => undefined);
    const res = await post(app, { name: '  Budi ', unitId: ID, _csrf: 'x' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `/done?u=${ID}`);
    assert.match(res.headers.get('set-cookie') ?? '', /itg_flash=success%7Ct\.saved/);
    assert.deepEqual(seen.input, { name: 'Budi', unitId: ID });
    assert.equal(seen.files, 0, 'no file chosen');
  });

  test('a form the schema refuses re-renders with the values and the errors (400); the use case does not run', async () => {
    let ran = false;
    const { app, seen } = appWith(() => { ran = true; });
    const res = await post(app, { name: 'x'.repeat(11), unitId: 'nope' });
    assert.equal(res.status, 400);
    assert.equal(await res.text(), 'form again');
    assert.equal(ran, false);
    assert.deepEqual(seen.refused!.errors, { name: 'form.too_long', unitId: 'form.invalid' });
    assert.deepEqual(seen.refused!.form, { name: 'x'.repeat(11), unitId: 'nope' }, 'what was typed comes back (without _csrf)');
  });

  test('a missing field is required', async () => {
    const { app, seen } = appWith(() => undefined);
    assert.equal((await post(app, { unitId: ID })).status, 400);
    assert.equal(seen.refused!.errors.name, 'form.required');
  });

  test('a conflict from the use case re-renders with 409 and its message at the declared field', async () => {
    const { app, seen } = appWith(() => { throw new DomainError('conflict', 't.taken', { n: 2 }); }, { field: 'name' });
    const res = await post(app, { name: 'Budi', unitId: ID });
    assert.equal(res.status, 409);
    assert.deepEqual(seen.refused!.errors, { name: 't.taken' });
    assert.deepEqual(seen.refused!.params, { n: 2 });
    assert.equal(res.headers.get('set-cookie'), null, 'no success flash');
  });

  test('a validation error with field errors keeps them; without a declared field the message sits above the form', async () => {
    const withFields = appWith(() => { throw new DomainError('validation', 'error.validation', {}, { unitId: 'form.invalid' }); });
    await post(withFields.app, { name: 'Budi', unitId: ID });
    assert.deepEqual(withFields.seen.refused!.errors, { unitId: 'form.invalid' });
    const bare = appWith(() => { throw new DomainError('validation', 't.taken'); });
    await post(bare.app, { name: 'Budi', unitId: ID });
    assert.deepEqual(bare.seen.refused!.errors, { _: 't.taken' });
  });

  test('other refusals go on to the error page, unless the route shows them', async () => {
    const notFound = appWith(() => { throw new DomainError('not_found', 'error.not_found'); });
    const res = await post(notFound.app, { name: 'Budi', unitId: ID });
    assert.equal(res.status, 404);
    assert.equal(await res.text(), 'error page error.not_found');
    assert.equal(notFound.seen.refused, undefined);
    const throttled = appWith(() => { throw new DomainError('throttled', 't.taken'); }, { shows: ['throttled'] });
    assert.equal((await post(throttled.app, { name: 'Budi', unitId: ID })).status, 429);
    assert.equal(throttled.seen.refused!.error.kind, 'throttled');
  });

  test('a crash is not swallowed', async () => {
    const { app } = appWith(() => { throw new Error('boom'); });
    assert.equal((await post(app, { name: 'Budi', unitId: ID })).status, 500);
  });

  test('refusalOf copies the field errors (the error keeps its own)', () => {
    const err = new DomainError('validation', 'error.validation', {}, { a: 'form.invalid' });
    const r = refusalOf(err, { form: {}, all: {} });
    r.errors.b = 'x';
    assert.deepEqual(err.fieldErrors, { a: 'form.invalid' });
    assert.equal(r.status, 400);
  });
});
