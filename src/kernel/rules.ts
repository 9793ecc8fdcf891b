// The one way rule data (regulation numbers, weights, thresholds, deadlines as versioned JSON beside
// the module) is loaded: read once, parsed, and checked against the module's zod schema, so a wrong
// number in a rule file stops the application at start with the file and the path of the fault —
// never a silent NaN in a score. test/boundaries.test.ts fails on a rule JSON read any other way.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';

export class RuleDataError extends Error {
  constructor(public readonly file: string, public readonly problems: string[]) {
    super(`rule data ${file} is not valid:\n  ${problems.join('\n  ')}`);
    this.name = 'RuleDataError';
  }
}

/** Reads the JSON file at `url` (e.g. new URL('./x-rules.json', import.meta.url)) and checks it. */
export function loadRules<S extends z.ZodType>(url: URL, schema: S): z.infer<S> {
  const file = fileURLToPath(url);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(url, 'utf8'));
  } catch (err) {
    throw new RuleDataError(file, [err instanceof Error ? err.message : String(err)]);
  }
  return checkRules(file, raw, schema);
}

/** Checks rule data already parsed (a rule set handed in by a test or a CLI). */
export function checkRules<S extends z.ZodType>(file: string, raw: unknown, schema: S): z.infer<S> {
  const r = schema.safeParse(raw);
  if (!r.success) throw new RuleDataError(file, r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  return r.data;
}
