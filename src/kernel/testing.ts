// Helpers for the unit tests beside the rule files (imported only by *.test.ts files).
import assert from 'node:assert/strict';
import { DomainError } from './errors.ts';

/**
 * The field errors of the validation error `f` throws — a DomainError of kind 'validation' with the
 * summary code `error.validation` and no parameters; fails when nothing or something else is thrown.
 */
export function validationErrorsOf(f: () => unknown): Record<string, string> {
  try { f(); } catch (e) {
    assert.ok(e instanceof DomainError, `not a DomainError: ${String(e)}`);
    assert.equal(e.kind, 'validation');
    assert.equal(e.code, 'error.validation');
    assert.deepEqual(e.params, {});
    return e.fieldErrors;
  }
  assert.fail('no validation error');
}
