// `integritas lke score FILE.json` as a child process: the worked example (§3.11) in both option
// modes, the output shape, the verdict and prerequisites, and invalid input naming the item.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/integritas.mjs');
const FIXTURE = path.join(ROOT, 'src/modules/assessment/fixtures/worked-example.json');
const tmp = mkdtempSync(path.join(tmpdir(), 'integritas-lke-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const example = JSON.parse(readFileSync(FIXTURE, 'utf8'));

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
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}

function file(name: string, doc: unknown): string {
  const p = path.join(tmp, name);
  writeFileSync(p, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return p;
}

const r4 = (n: number) => Math.round(n * 1e4) / 1e4;

describe('integritas lke score', () => {
  test('worked example with the official values: 84,3387; WBK eligible; WBBM not for exactly three reasons', async () => {
    const res = await run(['lke', 'score', FIXTURE]);
    assert.equal(res.code, 0, res.stderr);
    const out = JSON.parse(res.stdout);
    assert.equal(r4(out.total), 84.3387);
    assert.equal(out.ruleset, 'permenpanrb-90-2021');
    for (const code of ['A', 'A.I', 'A.II', 'A.II.3', 'A.I.3.iv', 'B', 'B.I', 'B.II', 'B.I.a']) {
      assert.deepEqual(Object.keys(out.nodes[code]).sort(), ['percent', 'score', 'weight'], code);
    }
    assert.equal(r4(out.nodes.A.score), 48.7825);
    assert.deepEqual(Object.keys(out.areas), ['1', '2', '3', '4', '5', '6']);
    assert.equal(out.areas['2'].weight, 7);
    assert.equal(out.areas['2'].percent.toFixed(2), '69.24');
    assert.equal(out.verdict.WBK.eligible, true);
    assert.deepEqual(out.verdict.WBK.failures, []);
    assert.equal(out.verdict.WBBM.eligible, false);
    assert.deepEqual(out.verdict.WBBM.failures.map((f: { criterion: string }) => f.criterion), ['total', 'area.2', 'B.II']);
    assert.equal(out.verdict.WBBM.failures[1].message, 'Penataan Tatalaksana 69,24 % < 75 %');
    assert.equal(out.verdict.WBK.prerequisites.bpkOpinion.status, 'not_given');
    assert.equal(out.verdict.WBBM.prerequisites.priorWbk.status, 'not_given');
    assert.deepEqual(out.unanswered, []);
  });

  test('exact fractions as a rule-set option: 84,3049; from standard input', async () => {
    const res = await run(['lke', 'score', '-'], JSON.stringify({ ...example, options: { optionValues: 'exact' } }));
    assert.equal(res.code, 0, res.stderr);
    assert.equal(r4(JSON.parse(res.stdout).total), 84.3049);
  });

  test('prerequisites are reported per criterion and never hide the score verdict', async () => {
    const p = file('prereq.json', { ...example, prerequisites: { bpkOpinion: 'WTP', sakipInstansi: 'B', tlhp: 80, priorWbk: true } });
    const out = JSON.parse((await run(['lke', 'score', p])).stdout);
    assert.equal(out.verdict.WBK.eligible, true);
    assert.equal(out.verdict.WBK.prerequisites.bpkOpinion.status, 'met');
    assert.equal(out.verdict.WBK.prerequisites.tlhp.status, 'not_met');
    assert.equal(out.verdict.WBBM.prerequisites.sakipInstansi.status, 'not_met');
    assert.equal(out.verdict.WBBM.prerequisites.priorWbk.status, 'met');
  });

  test('unanswered items score 0 and are listed; --plan adds what would close the gaps', async () => {
    const answers = { ...example.answers };
    delete answers['A.I.1.i.a'];
    delete answers['B.II.a'];
    const out = JSON.parse((await run(['lke', 'score', file('partial.json', { ...example, answers }), '--plan'])).stdout);
    assert.deepEqual(out.unanswered, ['A.I.1.i.a', 'B.II.a']);
    assert.equal(out.nodes['B.II.a'].score, 0);
    assert.ok(out.verdict.WBK.whatWouldItTake.changes.some((c: { item: string }) => c.item === 'B.II.a'));
  });

  const bad: [string, unknown, RegExp][] = [
    ['unknown code', { ruleset: 'permenpanrb-90-2021', answers: { 'A.IX.1.i.a': 'Ya' } }, /A\.IX\.1\.i\.a: kode butir tidak ada/],
    ['wrong option for the type', { ruleset: 'permenpanrb-90-2021', answers: { 'A.I.1.i.b': 'D' } }, /A\.I\.1\.i\.b: "D" bukan pilihan yang sah; pilih A\/B\/C/],
    ['negative count', { ruleset: 'permenpanrb-90-2021', answers: { 'A.II.4.i.a': { targets: 10, achieved: -1 } } }, /A\.II\.4\.i\.a: "achieved" tidak boleh negatif/],
    ['index out of range', { ruleset: 'permenpanrb-90-2021', answers: { 'B.I.a': 5 } }, /B\.I\.a: nilai indeks harus antara 0 dan 4/],
    ['unknown rule set', { ruleset: 'permenpanrb-99-2030', answers: {} }, /Rule set "permenpanrb-99-2030" tidak dikenal/],
    ['unknown option value', { ...example, options: { optionValues: 'rounded' } }, /optionValues/],
    ['not JSON', '{"ruleset": ', /Bukan JSON yang sah/],
  ];
  for (const [name, doc, msg] of bad) {
    test(`invalid input (${name}) exits non-zero naming the problem`, async () => {
      const res = await run(['lke', 'score', file(`bad-${name.replace(/\W+/g, '-')}.json`, doc)]);
      assert.notEqual(res.code, 0);
      assert.equal(res.stdout, '');
      assert.match(res.stderr, msg);
    });
  }

  test('messages in English on request', async () => {
    const res = await run(['lke', 'score', file('en.json', { ruleset: 'permenpanrb-90-2021', answers: { 'A.I.1.i.b': 'D' } }), '--lang', 'en']);
    assert.match(res.stderr, /A\.I\.1\.i\.b: "D" is not a valid option; choose A\/B\/C/);
  });
});
