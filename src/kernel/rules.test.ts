// loadRules: rule JSON is read, parsed and checked against its schema; a fault names the file and path.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { z } from 'zod';
import { checkRules, loadRules, RuleDataError } from './rules.ts';

const schema = z.object({ limits: z.array(z.object({ days: z.number().int().positive() }).strict()) }).strict();
const dir = mkdtempSync(path.join(tmpdir(), 'itg-rules-'));
const file = (name: string, text: string) => { const p = path.join(dir, name); writeFileSync(p, text); return pathToFileURL(p); };

test('valid rule data is returned as parsed', () => {
  assert.deepEqual(loadRules(file('ok.json', '{"limits":[{"days":10}]}'), schema), { limits: [{ days: 10 }] });
});

test('a wrong value, an unknown field or broken JSON stops with the file and the path of the fault', () => {
  const cases: [string, string, RegExp][] = [
    ['zero.json', '{"limits":[{"days":0}]}', /limits\.0\.days/],
    ['extra.json', '{"limits":[{"days":3,"dayz":4}]}', /limits\.0/],
    ['text.json', '{"limits":[{"days":"10"}]}', /limits\.0\.days/],
    ['broken.json', '{"limits":[', /JSON|Unexpected|end/i],
  ];
  for (const [name, text, where] of cases) {
    assert.throws(() => loadRules(file(name, text), schema), (e: unknown) => e instanceof RuleDataError && e.file.endsWith(name) && where.test(e.message), name);
  }
});

test('checkRules checks data already parsed, naming the root when it is wrong as a whole', () => {
  assert.throws(() => checkRules('x.json', [], schema), /x\.json[\s\S]*\(root\)/);
});
