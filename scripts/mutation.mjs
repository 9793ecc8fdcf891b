#!/usr/bin/env node
// npm run test:mutation [-- group ...]: StrykerJS over the pure rule files, one run per module, each
// mutant tried against the unit tests of that module only (its *.test.ts files beside the rules).
// Running every test file of the project for each of ~5 600 mutants took 79 minutes on two cores;
// per module it is a fraction of that, and a group can be run alone (`npm run test:mutation -- wbs`).
// Each group keeps its incremental file in reports/, so a second run retests only what changed.
// At the end, a table: the score per file and overall, as Stryker counts it — detected (killed or
// timed out) over detected + survived + not covered; written to reports/mutation/summary.json too.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const base = JSON.parse(readFileSync(path.join(root, 'stryker.config.json'), 'utf8'));
const rel = (...p) => path.posix.join(...p);

/** The groups: the mutated files and the tests that judge them. */
function groups() {
  const out = [];
  const modules = path.join(root, 'src/modules');
  for (const m of readdirSync(modules).sort()) {
    const files = readdirSync(path.join(modules, m));
    const mutate = files.filter((f) => /\.rules\.ts$/.test(f) || f === 'lke.workflow.ts').map((f) => rel('src/modules', m, f));
    const tests = files.filter((f) => /\.test\.tsx?$/.test(f)).map((f) => rel('src/modules', m, f));
    if (mutate.length && tests.length) out.push({ name: m, mutate, tests });
  }
  out.push({ name: 'kernel', mutate: ['src/kernel/workdays.ts', 'src/kernel/text.ts'], tests: ['src/kernel/workdays.test.ts', 'src/kernel/text.test.ts'] });
  return out;
}

const wanted = process.argv.slice(2);
const all = groups();
const chosen = wanted.length ? all.filter((g) => wanted.includes(g.name)) : all;
if (!chosen.length) {
  console.error(`No such group: ${wanted.join(', ')}. Groups: ${all.map((g) => g.name).join(', ')}`);
  process.exit(2);
}

mkdirSync(path.join(root, 'reports/mutation'), { recursive: true });
let failed = false;
for (const g of chosen) {
  const config = {
    ...base,
    _comment: undefined,
    mutate: g.mutate,
    tap: { ...base.tap, testFiles: g.tests },
    htmlReporter: { fileName: `reports/mutation/${g.name}.html` },
    jsonReporter: { fileName: `reports/mutation/${g.name}.json` },
    incrementalFile: `reports/stryker-incremental-${g.name}.json`,
    tempDirName: `.stryker-tmp/${g.name}`,
    // other groups' sandboxes and reports stay out of this one's copy (two groups may run at once)
    ignorePatterns: [...(base.ignorePatterns ?? []), '/.stryker-tmp', '/reports'],
    reporters: ['progress', 'json', 'html'],
  };
  const file = path.join(root, 'reports', `stryker-${g.name}.config.json`);
  writeFileSync(file, JSON.stringify(config, null, 2));
  console.log(`\n== ${g.name}: ${g.mutate.join(', ')} against ${g.tests.length} test file(s)`);
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js'), 'run', file], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) { failed = true; continue; }
}

// The table covers every group with a report: those run now and, marked *, those from an earlier run
// (a run of one group still shows the whole picture; `npm run test:mutation` alone refreshes them all).
const results = [];
for (const g of all) {
  const file = path.join(root, 'reports/mutation', `${g.name}.json`);
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  for (const [f, v] of Object.entries(report.files)) {
    const n = { detected: 0, undetected: 0 };
    for (const m of v.mutants) {
      if (m.status === 'Killed' || m.status === 'Timeout') n.detected++;
      else if (m.status === 'Survived' || m.status === 'NoCoverage') n.undetected++;
    }
    results.push({ file: f, group: g.name, now: chosen.includes(g), ...n });
  }
}

if (results.length) {
  const pct = (d, u) => (d + u ? ((100 * d) / (d + u)).toFixed(2) : '—');
  const width = Math.max(...results.map((r) => r.file.length + 2), 10);
  console.log(`\n${'file'.padEnd(width)}  detected  undetected  score %`);
  let d = 0; let u = 0;
  for (const r of results.sort((a, b) => a.file.localeCompare(b.file))) {
    d += r.detected; u += r.undetected;
    console.log(`${(r.file + (r.now ? '' : ' *')).padEnd(width)}  ${String(r.detected).padStart(8)}  ${String(r.undetected).padStart(10)}  ${pct(r.detected, r.undetected).padStart(7)}`);
  }
  console.log(`${'all'.padEnd(width)}  ${String(d).padStart(8)}  ${String(u).padStart(10)}  ${pct(d, u).padStart(7)}`);
  if (results.some((r) => !r.now)) console.log('* from an earlier run of its group');
  writeFileSync(path.join(root, 'reports/mutation/summary.json'), JSON.stringify({ at: new Date().toISOString(), ran: chosen.map((g) => g.name), files: results, detected: d, undetected: u }, null, 2));
}
if (!existsSync(path.join(root, 'node_modules/@stryker-mutator/core'))) console.error('StrykerJS is not installed: npm install');
process.exit(failed ? 1 : 0);
