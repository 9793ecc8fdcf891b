// Module boundaries, checked from the source text:
// (docs/architecture.md, "Rules that keep it easy to change")
//   rule 1: the kernel never imports a module (modules plug into the kernel, not the other way
//           round), and a module reaches another module only through that module's index.ts;
//   rule 2: every table is prefixed with its owner: kernel_… in src/kernel/schema.ts, <module>_… in
//      src/modules/<module>/*.schema.ts (and tables are declared nowhere else).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RULES = 'docs/architecture.md';

/** Source files by repository-relative POSIX path ("src/kernel/http.tsx"). */
type Sources = Map<string, string>;

function readSources(dir = path.join(ROOT, 'src')): Sources {
  const out: Sources = new Map();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(?:ts|tsx|mts|js|mjs)$/.test(name)) out.set(path.relative(ROOT, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

/** Removes comments (block comments and whole-line // comments) so commented-out code is not read. */
function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/^\s*\/\/.*$/gm, '');
}

/** Every module specifier a file imports or re-exports, statically or dynamically. */
export function importsOf(src: string): string[] {
  const code = stripComments(src);
  const specs: string[] = [];
  for (const re of [
    /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g, // import x from '…', export { x } from '…', multi-line too
    /\bimport\s*['"]([^'"]+)['"]/g, // import '…' (side effects)
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // import('…')
  ]) {
    for (const m of code.matchAll(re)) specs.push(m[1]);
  }
  return specs;
}

/** Where a relative specifier points, as a repository path; null for packages. */
function resolve(fromFile: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), spec));
}

const moduleOf = (p: string) => /^src\/modules\/([^/]+)(?:\/|$)/.exec(p)?.[1] ?? null;
const isIndex = (target: string, mod: string) => new RegExp(`^src/modules/${mod}(?:/index(?:\\.tsx?|\\.js)?)?$`).test(target);

export function checkBoundaries(files: Sources): string[] {
  const problems: string[] = [];
  for (const [file, src] of files) {
    const own = moduleOf(file);
    for (const spec of importsOf(src)) {
      const target = resolve(file, spec);
      if (!target) continue;
      const other = moduleOf(target);
      if (file.startsWith('src/kernel/') && (other || target === 'src/modules')) {
        problems.push(`${file} imports ${spec}: the kernel must not depend on a module; modules register with the kernel through src/main.ts (${RULES} rule 1)`);
        continue;
      }
      if (own && other && other !== own && !isIndex(target, other)) {
        problems.push(`${file} imports ${spec}: other modules are reached only through their index.ts (${RULES} rule 1) — import from ../${other}/index.ts instead`);
      }
    }
  }
  return problems;
}

export function checkTableNames(files: Sources): string[] {
  const problems: string[] = [];
  for (const [file, src] of files) {
    const code = stripComments(src);
    const tables = [...code.matchAll(/\bpgTable\s*\(\s*['"`]([^'"`]+)['"`]/g)].map((m) => m[1]);
    if (tables.length === 0) continue;
    let prefix: string | null = null;
    if (file === 'src/kernel/schema.ts') prefix = 'kernel_';
    else {
      const m = /^src\/modules\/([^/]+)\/[^/]+\.schema\.ts$/.exec(file);
      if (m) prefix = `${m[1]}_`;
    }
    if (!prefix) {
      problems.push(`${file} declares table(s) ${tables.join(', ')}: tables are declared only in src/kernel/schema.ts or src/modules/<module>/*.schema.ts (${RULES} rule 2)`);
      continue;
    }
    for (const name of tables) {
      if (!name.startsWith(prefix)) problems.push(`${file} declares table "${name}": tables of this owner are named ${prefix}… (${RULES} rule 2)`);
    }
  }
  return problems;
}

describe('module boundaries of the real source', () => {
  const files = readSources();

  test('the scan sees the source tree', () => {
    assert.ok(files.has('src/kernel/http.tsx') && files.has('src/modules/org/index.ts'), 'source files not found');
    assert.ok(importsOf(files.get('src/main.ts')!).includes('./modules/org/index.ts'), 'import parser does not see main.ts importing the org module');
  });

  test('nothing under src/kernel imports from src/modules', () => {
    const problems = checkBoundaries(files).filter((p) => p.startsWith('src/kernel/'));
    assert.deepEqual(problems, [], `\n  ${problems.join('\n  ')}`);
  });

  test('modules reach other modules only through index.ts', () => {
    const problems = checkBoundaries(files).filter((p) => !p.startsWith('src/kernel/'));
    assert.deepEqual(problems, [], `\n  ${problems.join('\n  ')}`);
  });

  test('table names carry their owner\'s prefix', () => {
    const problems = checkTableNames(files);
    assert.deepEqual(problems, [], `\n  ${problems.join('\n  ')}`);
    const kernelTables = [...stripComments(files.get('src/kernel/schema.ts')!).matchAll(/pgTable\('([^']+)'/g)].length;
    assert.ok(kernelTables >= 5, 'the table scan found no kernel tables');
  });
});

describe('the checker itself', () => {
  const fake: Sources = new Map([
    ['src/kernel/http.tsx', `import { x } from './access.ts';\nimport { loadActor } from '../modules/org/index.ts';`],
    ['src/kernel/notify.ts', `// import { old } from '../modules/org/org.queries.ts';\nimport type { Db } from './db.ts';`],
    ['src/kernel/late.ts', `export async function f() { return import('../modules/org/org.service.ts'); }`],
    ['src/modules/plan/plan.routes.tsx', [
      `import { findUnit } from '../org/index.ts';`,
      `import {`,
      `  listPeople,`,
      `  findPerson,`,
      `} from '../org/org.queries.ts';`,
      `export { units } from '../org/org.schema.ts';`,
      `import '../org/org.seed.ts';`,
      `import { own } from './plan.queries.ts';`,
      `import { z } from 'zod';`,
    ].join('\n')],
    ['src/modules/plan/plan.service.ts', `import type { Actor } from '../../kernel/access.ts';\nimport { orgPolicy } from '../org';`],
    ['src/modules/plan/plan.schema.ts', `export const a = pgTable('plan_items', {});\nexport const b = pgTable('org_sneaky', {});\nexport const c = pgTable( "items", {});`],
    ['src/modules/org/org.schema.ts', `export const units = pgTable('org_units', {});`],
    ['src/kernel/schema.ts', `export const s = pgTable('kernel_sessions', {});\nexport const t = pgTable('sessions_old', {});`],
    ['src/modules/plan/plan.queries.ts', `const hidden = pgTable('plan_hidden', {});`],
  ]);

  test('flags the kernel importing a module, statically or dynamically, and ignores comments', () => {
    const problems = checkBoundaries(fake).filter((p) => p.startsWith('src/kernel/'));
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems[0], /^src\/kernel\/http\.tsx imports \.\.\/modules\/org\/index\.ts: the kernel must not depend on a module/);
    assert.match(problems[1], /^src\/kernel\/late\.ts imports \.\.\/modules\/org\/org\.service\.ts/);
  });

  test('flags a module reaching into another module\'s files, and allows index.ts', () => {
    const problems = checkBoundaries(fake).filter((p) => p.startsWith('src/modules/'));
    assert.deepEqual(problems, [
      `src/modules/plan/plan.routes.tsx imports ../org/org.queries.ts: other modules are reached only through their index.ts (${RULES} rule 1) — import from ../org/index.ts instead`,
      `src/modules/plan/plan.routes.tsx imports ../org/org.schema.ts: other modules are reached only through their index.ts (${RULES} rule 1) — import from ../org/index.ts instead`,
      `src/modules/plan/plan.routes.tsx imports ../org/org.seed.ts: other modules are reached only through their index.ts (${RULES} rule 1) — import from ../org/index.ts instead`,
    ]);
  });

  test('flags tables without their owner\'s prefix or outside a schema file', () => {
    const problems = checkTableNames(fake);
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.ok(problems.some((p) => p.includes('src/modules/plan/plan.schema.ts declares table "org_sneaky"') && p.includes('plan_')));
    assert.ok(problems.some((p) => p.includes('declares table "items"')));
    assert.ok(problems.some((p) => p.includes('src/kernel/schema.ts declares table "sessions_old"') && p.includes('kernel_')));
    assert.ok(problems.some((p) => p.startsWith('src/modules/plan/plan.queries.ts declares table(s) plan_hidden')));
  });

  test('the import parser reads every form of import', () => {
    const specs = importsOf([
      `import a from './a.ts';`,
      `import type { B } from "./b.ts";`,
      `import * as c from './c.ts';`,
      `import {\n  d,\n  e,\n} from './d.ts';`,
      `export * from './e.ts';`,
      `export { f } from './f.ts';`,
      `import './g.css';`,
      `const h = await import('./h.ts');`,
      `/* import { no } from './commented.ts'; */`,
      `const s = 'from "./not-an-import.ts"';`,
    ].join('\n'));
    assert.deepEqual(specs.sort(), ['./a.ts', './b.ts', './c.ts', './d.ts', './e.ts', './f.ts', './g.css', './h.ts'].sort());
  });
});
