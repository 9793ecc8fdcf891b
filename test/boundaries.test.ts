// Module boundaries, checked from the source text:
// (docs/architecture.md, "Rules that keep it easy to change")
//   rule 1: the kernel never imports a module (modules plug into the kernel, not the other way
//           round), and a module reaches another module only through that module's index.ts;
//   rule 2: every table is prefixed with its owner: kernel_… in src/kernel/schema.ts, <module>_… in
//      src/modules/<module>/*.schema.ts (and tables are declared nowhere else); a module's tables are
//      reached only by its own queries and services (schema imports), and its raw SQL names only its
//      own tables;
//   rule 4: routes and pages make no database calls (they go through queries and services);
//   rule 3: rule data is loaded only through kernel/rules.ts (zod-checked), and views inline no
//      regulation numbers;
//   rule 6: a module's message keys start with its name;
//   and the module list (src/modules.ts) names every module folder.
// The checks that the code base does not meet everywhere yet carry a list of the files that still
// offend (issue 14 converts them): a file not on the list fails, and so does a listed file that no
// longer offends (take it off). Each check has a self-test on made-up sources showing it can fail.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RULES = 'docs/architecture.md';

/** Source files by repository-relative POSIX path ("src/kernel/http.tsx"). */
type Sources = Map<string, string>;

export function readSources(dir = path.join(ROOT, 'src')): Sources {
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

const isTest = (file: string) => /\.test\.tsx?$/.test(file);
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
    if (isTest(file)) continue; // a test may declare a table of its own to render SQL against
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

const OWNERS = ['kernel', 'org', 'evidence', 'assessment', 'workplan', 'services', 'surveys', 'complaints', 'wbs', 'gratification', 'coi', 'portal'];

/** Rule 4: routes and pages call no database: no db.select/insert/…, tx.…, transactions. */
export function checkDbInRoutes(files: Sources): string[] {
  const problems: string[] = [];
  const call = /\b(?:db|tx)\s*\.\s*(select|selectDistinct|insert|update|delete|execute|transaction|query)\s*\(/g;
  for (const [file, src] of files) {
    if (!/\.(?:routes|pages)\.tsx?$/.test(file)) continue;
    const found = [...new Set([...stripComments(src).matchAll(call)].map((m) => m[1]))];
    if (found.length) problems.push(`${file} calls the database (${found.join(', ')}): routes and pages go through the module's queries and services (${RULES} rule 4)`);
  }
  return problems;
}

/** Rule 2: a module's *.schema.ts is imported only by its own queries, services, seeds, schemas and tests. */
export function checkSchemaImports(files: Sources): string[] {
  const problems: string[] = [];
  for (const [file, src] of files) {
    if (isTest(file)) continue;
    for (const spec of importsOf(src)) {
      const target = resolve(file, spec);
      const m = target ? /^src\/modules\/([^/]+)\/[^/]+\.schema(?:\.ts)?$/.exec(target) : null;
      if (!m) continue;
      const ownFile = moduleOf(file) === m[1] && /\.(?:queries|service|seed|schema)\.ts$|\.seed\.[a-z]+\.ts$/.test(file);
      if (!ownFile) problems.push(`${file} imports ${spec}: a module's tables are reached only through its own queries and services (${RULES} rule 2)`);
    }
  }
  return problems;
}

/** Rule 2: raw SQL in a module names only the module's own tables. */
export function checkRawSqlTables(files: Sources): string[] {
  const problems: string[] = [];
  const owners = new RegExp(`^(?:${OWNERS.join('|')})_`);
  for (const [file, src] of files) {
    const own = moduleOf(file);
    if (!own || isTest(file)) continue;
    const names = new Set<string>();
    for (const t of stripComments(src).matchAll(/\bsql`([^`]*)`/g)) {
      for (const m of t[1].matchAll(/\b(?:from|join|into|update|table)\s+([a-z][a-z0-9_]*)/gi)) {
        const name = m[1].toLowerCase();
        if (owners.test(name) && !name.startsWith(`${own}_`)) names.add(name);
      }
    }
    if (names.size) problems.push(`${file} names ${[...names].sort().join(', ')} in raw SQL: a module's SQL names only its own tables (${own}_…); ask the owner's index.ts (${RULES} rule 2)`);
  }
  return problems;
}

/** Rule 6: the keys of a module's catalogues start with the module's name. */
export function checkMessagePrefixes(files: Sources): string[] {
  const problems: string[] = [];
  for (const [file, src] of files) {
    const own = moduleOf(file);
    if (!own || !/\.messages\.ts$/.test(file)) continue;
    const foreign = new Set<string>();
    for (const m of stripComments(src).matchAll(/^\s*['"]([A-Za-z0-9_.-]+)['"]\s*:/gm)) {
      const prefix = m[1].split('.')[0];
      if (prefix !== own) foreign.add(prefix);
    }
    if (foreign.size) problems.push(`${file} has message keys starting ${[...foreign].sort().map((p) => `"${p}."`).join(', ')}: a module's keys start with "${own}." (${RULES} rule 6)`);
  }
  return problems;
}

/** Rule 3: JSON data is read only through kernel/rules.ts (loadRules, zod-checked). */
export function checkRuleLoading(files: Sources): string[] {
  const problems: string[] = [];
  for (const [file, src] of files) {
    if (isTest(file) || file === 'src/kernel/rules.ts' || !file.startsWith('src/modules/')) continue;
    const code = stripComments(src);
    const byHand = /JSON\.parse\s*\(\s*(?:await\s+)?(?:readFileSync|readFile)\s*\(/.test(code);
    const imported = importsOf(src).some((s) => /\.json$/.test(s));
    if (byHand || imported) problems.push(`${file} reads JSON data by hand: rule data is loaded with loadRules (src/kernel/rules.ts), which checks it against the module's zod schema (${RULES} rule 3)`);
  }
  return problems;
}

const REGULATION = /\b(?:Permen\s*PAN[-\s]?RB|PermenPANRB|Permenpan|Perpres|Perkom|Perbup|Perda|Inpres|Kepmen\w*|PP|UU)\s*(?:No(?:mor|\.)?\s*)?\d+\s*(?:\/|Tahun)\s*\d{4}/;

/** Rule 3: a view (a .tsx of a module) writes no regulation number inline; it comes from rule data. */
export function checkRegulationNumbers(files: Sources): string[] {
  const problems: string[] = [];
  for (const [file, src] of files) {
    if (!file.startsWith('src/modules/') || !file.endsWith('.tsx') || isTest(file)) continue;
    const m = REGULATION.exec(stripComments(src));
    if (m) problems.push(`${file} writes "${m[0]}": regulation numbers live in versioned rule data or the messages, not in a view (${RULES} rule 3)`);
  }
  return problems;
}

/** The list in src/modules.ts names every folder of src/modules, once. */
export function checkModuleList(files: Sources): string[] {
  const list = files.get('src/modules.ts') ?? '';
  const listed = new Set(importsOf(list).map((s) => /^\.\/modules\/([^/]+)\/index\.ts$/.exec(s)?.[1]).filter((x): x is string => !!x));
  const folders = new Set([...files.keys()].map(moduleOf).filter((x): x is string => !!x));
  const problems: string[] = [];
  for (const f of [...folders].sort()) if (!listed.has(f)) problems.push(`src/modules/${f} is not in the module list: add its definition to src/modules.ts`);
  for (const f of [...listed].sort()) if (!folders.has(f)) problems.push(`src/modules.ts lists ${f}, which has no folder`);
  return problems;
}

/** Files still allowed to offend a check (issue 14 converts them); the list only shrinks. */
const NOT_YET: Record<string, readonly string[]> = {
  db: [],
  schema: [
    'src/modules/org/index.ts',
    'src/modules/surveys/public.devices.ts',
    'src/modules/surveys/surveys.suggest.ts',
  ],
  sql: [
    'src/modules/coi/coi.queries.ts',
  ],
  messages: [
    'src/modules/assessment/assessment.messages.ts',
    'src/modules/evidence/evidence.messages.ts',
    'src/modules/gratification/gratification.messages.ts',
    'src/modules/org/org.messages.ts',
    'src/modules/services/services.messages.ts',
    'src/modules/surveys/public.messages.ts',
    'src/modules/surveys/surveys.messages.ts',
    'src/modules/wbs/wbs.messages.ts',
    'src/modules/workplan/agents.messages.ts',
    'src/modules/workplan/declaration.messages.ts',
    'src/modules/workplan/lke.suggest.messages.ts',
    'src/modules/workplan/pakta.messages.ts',
    'src/modules/workplan/plan.messages.ts',
    'src/modules/workplan/team.messages.ts',
  ],
  rules: [
    'src/modules/assessment/assessment.seed.ts',
    'src/modules/assessment/lke.ruleset.ts',
    'src/modules/services/services.rules.ts',
    'src/modules/services/services.suggest.ts',
    'src/modules/surveys/instruments.ts',
    'src/modules/surveys/surveys.suggest.ts',
    'src/modules/workplan/lke.suggest.ts',
    'src/modules/workplan/plan.service.ts',
  ],
  regulations: [],
};

/** Offenders off the list fail; listed files that no longer offend fail too (take them off). */
function ratchet(check: string, problems: string[]): string[] {
  const allowed = new Set(NOT_YET[check]);
  const offending = new Set(problems.map((p) => p.split(' ')[0]));
  return [
    ...problems.filter((p) => !allowed.has(p.split(' ')[0])),
    ...[...allowed].filter((f) => !offending.has(f)).map((f) => `${f} no longer offends the "${check}" check: take it off NOT_YET in test/boundaries.test.ts`),
  ];
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

  test('the module list names every module folder', () => {
    const problems = checkModuleList(files);
    assert.deepEqual(problems, [], `\n  ${problems.join('\n  ')}`);
  });

  for (const [name, check] of [
    ['db', checkDbInRoutes], ['schema', checkSchemaImports], ['sql', checkRawSqlTables],
    ['messages', checkMessagePrefixes], ['rules', checkRuleLoading], ['regulations', checkRegulationNumbers],
  ] as const) {
    test(`the "${name}" check: no file off the list offends, and every listed file still does`, () => {
      const problems = ratchet(name, check(files));
      assert.deepEqual(problems, [], `\n  ${problems.join('\n  ')}`);
    });
  }

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

describe('the new checks themselves', () => {
  test('flags database calls in routes and pages files only', () => {
    const problems = checkDbInRoutes(new Map([
      ['src/modules/x/x.routes.tsx', 'const r = await c.var.deps.db.select().from(t);\nawait db.transaction(async (tx) => tx.insert(t));'],
      ['src/modules/x/x.pages.tsx', 'await db\n  .execute(sql`select 1`);'],
      ['src/modules/x/x.queries.ts', 'await db.select().from(t);'],
      ['src/modules/x/y.routes.tsx', '// db.select() in a comment\nawait listThings(c.var.deps.db, scope);'],
    ]));
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems[0], /^src\/modules\/x\/x\.routes\.tsx calls the database \(select, transaction, insert\)/);
    assert.match(problems[1], /^src\/modules\/x\/x\.pages\.tsx calls the database \(execute\)/);
  });

  test('flags a schema imported outside its own queries, services and seeds', () => {
    const problems = checkSchemaImports(new Map([
      ['src/modules/x/x.queries.ts', `import { a } from './x.schema.ts';`],
      ['src/modules/x/x.service.ts', `import { a } from './x.schema.ts';`],
      ['src/modules/x/x.seed.ts', `import { a } from './x.schema.ts';`],
      ['src/modules/x/x.routes.tsx', `import { a } from './x.schema.ts';`],
      ['src/modules/y/y.queries.ts', `import { a } from '../x/x.schema.ts';`],
      ['src/modules/x/index.ts', `export { a as xA } from './x.schema.ts';`],
      ['src/modules/x/x.test.ts', `import { a } from './x.schema.ts';`],
    ]));
    assert.deepEqual(problems.map((p) => p.split(' ')[0]), ['src/modules/x/x.routes.tsx', 'src/modules/y/y.queries.ts', 'src/modules/x/index.ts']);
  });

  test('flags raw SQL naming another owner\'s table, not its own or a CTE', () => {
    const problems = checkRawSqlTables(new Map([
      ['src/modules/x/x.queries.ts', 'sql`select * from x_items i join org_units u on u.id = i.unit_id`;\nsql`with t as (select 1) select * from t`;'],
      ['src/modules/x/x.service.ts', 'sql`insert into kernel_accounts values (1)`; sql`update x_items set a = 1`;'],
      ['src/modules/x/y.queries.ts', 'sql`select * from x_items`;'],
    ]));
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems[0], /^src\/modules\/x\/x\.queries\.ts names org_units in raw SQL/);
    assert.match(problems[1], /^src\/modules\/x\/x\.service\.ts names kernel_accounts in raw SQL/);
  });

  test('flags message keys without the module\'s prefix', () => {
    const problems = checkMessagePrefixes(new Map([
      ['src/modules/wbs/wbs.messages.ts', `export const m = { id: {\n  'wbs.title': 'WBS',\n  'nav.wbs': 'WBS',\n  "role.wbs_handler": 'x',\n}, en: {} };`],
      ['src/modules/coi/coi.messages.ts', `export const m = { id: {\n  'coi.title': 'x',\n}, en: { 'coi.title': 'y' } };`],
    ]));
    assert.deepEqual(problems, [`src/modules/wbs/wbs.messages.ts has message keys starting "nav.", "role.": a module's keys start with "wbs." (${RULES} rule 6)`]);
  });

  test('flags JSON read by hand or imported, not through loadRules', () => {
    const problems = checkRuleLoading(new Map([
      ['src/modules/x/x.rules.ts', `export const R = JSON.parse(readFileSync(new URL('./x-rules.json', import.meta.url), 'utf8'));`],
      ['src/modules/x/y.rules.ts', `import data from './y.json' with { type: 'json' };`],
      ['src/modules/x/z.rules.ts', `export const R = loadRules(new URL('./z-rules.json', import.meta.url), zRules);`],
      ['src/kernel/rules.ts', `const raw = JSON.parse(readFileSync(url, 'utf8'));`],
    ]));
    assert.deepEqual(problems.map((p) => p.split(' ')[0]), ['src/modules/x/x.rules.ts', 'src/modules/x/y.rules.ts']);
  });

  test('flags a regulation number written in a view', () => {
    const problems = checkRegulationNumbers(new Map([
      ['src/modules/x/a.pages.tsx', `<p>Sesuai PermenPANRB 14/2017</p>`],
      ['src/modules/x/b.routes.tsx', `const s = 'Perkom Nomor 2 Tahun 2019';`],
      ['src/modules/x/c.pages.tsx', `<p>{v.t('x.basis', { rule: rules.basis })}</p>`],
      ['src/modules/x/d.pages.tsx', `// PermenPANRB 14/2017 in a comment is fine`],
      ['src/modules/x/x.rules.ts', `const basis = 'PermenPANRB 90/2021';`],
    ]));
    assert.deepEqual(problems.map((p) => p.split(' ')[0]), ['src/modules/x/a.pages.tsx', 'src/modules/x/b.routes.tsx']);
  });

  test('flags a module folder missing from the list, and a listed module without a folder', () => {
    const problems = checkModuleList(new Map([
      ['src/modules.ts', `import { aModule } from './modules/a/index.ts';\nimport { gone } from './modules/gone/index.ts';`],
      ['src/modules/a/index.ts', ''],
      ['src/modules/b/index.ts', ''],
    ]));
    assert.deepEqual(problems, ['src/modules/b is not in the module list: add its definition to src/modules.ts', 'src/modules.ts lists gone, which has no folder']);
  });

  test('the ratchet fails on a new offender and on a listed file that no longer offends', () => {
    NOT_YET.__self = ['src/modules/x/old.ts', 'src/modules/x/fixed.ts'];
    try {
      const out = ratchet('__self', ['src/modules/x/old.ts offends', 'src/modules/x/new.ts offends']);
      assert.deepEqual(out, ['src/modules/x/new.ts offends', 'src/modules/x/fixed.ts no longer offends the "__self" check: take it off NOT_YET in test/boundaries.test.ts']);
    } finally {
      delete NOT_YET.__self;
    }
  });
});
