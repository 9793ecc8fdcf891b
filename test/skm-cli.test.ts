// `integritas skm compute FILE.csv` as a child process: the output shape and figures (equal to
// computeSkm), standard input, a header row in any column order, bad rows named by line with exit 2.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import { computeSkm } from '../src/modules/surveys/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/integritas.mjs');
const tmp = mkdtempSync(path.join(tmpdir(), 'integritas-skm-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('error', reject);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
    child.stdin.end(input ?? '');
  });
}

const ROWS = [
  [4, 4, 3, 4, 4, 4, 4, 3, 3],
  [3, 3, 2, 4, 3, 3, 4, 3, 3],
  [3, 4, 3, 4, 3, 4, 3, 3, 2],
  [4, 3, 3, 4, 4, 3, 4, 4, 3],
];

describe('skm compute', () => {
  test('a file with a header: JSON with respondents, nrr U1…U9, ikm, nik, mutu, kinerja equal to computeSkm', async () => {
    const file = path.join(tmp, 'a.csv');
    writeFileSync(file, `U1,U2,U3,U4,U5,U6,U7,U8,U9\n${ROWS.map((r) => r.join(',')).join('\n')}\n`);
    const out = await run(['skm', 'compute', file]);
    assert.equal(out.code, 0, out.stderr);
    const j = JSON.parse(out.stdout);
    assert.deepEqual(Object.keys(j), ['respondents', 'nrr', 'ikm', 'nik', 'mutu', 'kinerja']);
    assert.deepEqual(Object.keys(j.nrr), ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9']);
    const r = computeSkm(ROWS);
    assert.equal(j.respondents, 4);
    assert.equal(j.ikm, Math.round(r.ikm! * 1e4) / 1e4);
    assert.equal(j.nik, r.nik);
    assert.equal(j.mutu, r.mutu);
    assert.equal(j.kinerja, r.kinerja!.id);
    assert.equal(j.nrr.U3, 2.75);
  });

  test('standard input without a header; semicolons; header in another order with extra columns; --lang en', async () => {
    const a = await run(['skm', 'compute', '-'], ROWS.map((r) => r.join(';')).join('\n'));
    assert.equal(a.code, 0, a.stderr);
    assert.equal(JSON.parse(a.stdout).nik, computeSkm(ROWS).nik);
    const order = ['U9', 'U8', 'U7', 'U6', 'U5', 'U4', 'U3', 'U2', 'U1'];
    const csv = `service,${order.join(',')}\n${ROWS.map((r) => `IUMK,${[...r].reverse().join(',')}`).join('\n')}\n`;
    const b = await run(['skm', 'compute', '-', '--lang', 'en'], csv);
    assert.equal(b.code, 0, b.stderr);
    const j = JSON.parse(b.stdout);
    assert.equal(j.nrr.U3, 2.75);
    assert.equal(j.kinerja, 'Good');
  });

  test('rows outside 1–4 are rejected with their line numbers and exit code 2; nothing printed on stdout', async () => {
    const csv = `U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,3,4,4,4,4,3,3\n4,4,5,4,4,4,4,3,3\n4,4,3,4,4,4,4,3,3\n0,4,3,4,4,4,4,3,x\n`;
    const out = await run(['skm', 'compute', '-'], csv);
    assert.equal(out.code, 2);
    assert.equal(out.stdout, '');
    assert.match(out.stderr, /baris 3: U3 di luar 1–4/);
    assert.match(out.stderr, /baris 5: U1 di luar 1–4, U9 bukan bilangan bulat/);
    assert.doesNotMatch(out.stderr, /baris 2|baris 4/);
    const missing = await run(['skm', 'compute', path.join(tmp, 'nope.csv')]);
    assert.equal(missing.code, 2);
    assert.equal((await run(['skm', 'compute', '-'], '')).code, 2);
    assert.equal((await run(['skm'])).code, 2);
  });
});
