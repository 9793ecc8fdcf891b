#!/usr/bin/env node
// npm test: unit and integration tests (node:test, in-process, PGlite or TEST_DATABASE_URL),
// then the browser journeys (Playwright in Debian's Chromium).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) { if (name !== 'node_modules') out.push(...findTests(full)); }
    else if (/\.test\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

const files = [...findTests(path.join(root, 'src')), ...findTests(path.join(root, 'test'))].sort();
let status = 0;
if (only !== 'e2e') {
  console.log(`Unit and integration tests (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}): ${files.length} files`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit', cwd: root, env: { ...process.env, NODE_ENV: 'test' } });
  status = r.status ?? 1;
}
if (only !== 'unit' && status === 0) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    const msg = `Browser tests skipped: ${chromium} not found (apt-get install -y chromium).`;
    if (process.env.CI) { console.error(msg); process.exit(1); }
    console.warn(msg);
  } else {
    console.log('Browser journeys (Playwright, Chromium)');
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test'], { stdio: 'inherit', cwd: root, env: process.env });
    status = r.status ?? 1;
  }
}
process.exit(status);
