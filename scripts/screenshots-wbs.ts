// Screenshots of the whistleblowing pages (decision 0010), desktop (1280 px) and phone (360 px):
//   node --import tsx scripts/screenshots-wbs.ts OUTDIR
// Starts its own demo server on a temporary folder, files an anonymous report (public form, receipt,
// status page), then signs in as the demo handler 'wbs' for the report's detail page. Reports any
// page that scrolls sideways.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/browser.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? 'screenshots');
mkdirSync(out, { recursive: true });

const port: number = await new Promise((resolve) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const a = s.address(); s.close(() => resolve(typeof a === 'object' && a ? a.port : 0)); }); });
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'integritas-shots-wbs-'));
const child = spawn(process.execPath, [path.join(ROOT, 'bin/integritas.mjs'), 'start'], {
  cwd: ROOT, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: 'on', LOG_LEVEL: 'error', NODE_ENV: 'development' }, stdio: ['ignore', 'ignore', 'inherit'],
});
const url = `http://127.0.0.1:${port}`;
for (let i = 0; i < 480; i++) { try { if ((await fetch(`${url}/healthz`)).ok) break; } catch { /* starting */ } await new Promise((r) => setTimeout(r, 250)); }

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const problems: string[] = [];
async function shot(page: Page, name: string, width: number) {
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  if (sw > width) problems.push(`${name} at ${width}px is ${sw}px wide`);
  await page.screenshot({ path: path.join(out, `${width}-${name}.png`), fullPage: true });
}
try {
  for (const [width, height] of [[1280, 800], [360, 740]] as const) {
    const anon = await browser.newContext({ baseURL: url, viewport: { width, height }, locale: 'id-ID' });
    const p = await anon.newPage();
    await p.goto('/wbs');
    await shot(p, 'wbs-public', width);
    await p.goto('/wbs/lapor');
    await shot(p, 'wbs-form', width);
    await p.getByLabel('Apa yang terjadi').fill('Petugas loket meminta uang "percepatan" Rp1.500.000 di luar tarif resmi; berkas ditahan sampai uang diberikan.');
    await p.getByLabel('Siapa yang diduga terlibat').fill('Petugas loket perizinan lantai 1');
    await p.getByLabel('Unit kerja yang dilaporkan').selectOption({ index: 1 });
    await p.getByLabel('Bukti awal (lampiran)').setInputFiles({ name: 'bukti.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%%EOF\n') });
    await p.getByRole('button', { name: 'Kirim laporan' }).click();
    await p.waitForURL(/tanda-terima/);
    const receipt = (await p.locator('[data-receipt]').innerText()).trim();
    await shot(p, 'wbs-receipt', width);
    await p.goto('/wbs/cek');
    await p.getByLabel('Nomor tanda terima').fill(receipt);
    await p.getByRole('button', { name: 'Buka' }).click();
    await shot(p, 'wbs-status', width);
    const staff = await browser.newContext({ baseURL: url, viewport: { width, height }, locale: 'id-ID' });
    const h = await staff.newPage();
    await h.goto('/login');
    await h.getByLabel('Nama pengguna').fill('wbs');
    await h.getByLabel('Kata sandi').fill('DemoZI-2026!');
    await h.getByRole('button', { name: 'Masuk', exact: true }).click();
    await h.waitForURL((u) => u.pathname === '/' || u.pathname === '/pakta');
    await h.goto('/wbs/kelola');
    await shot(h, 'wbs-list', width);
    // the seeded report with messages and an identity request form
    const links = await h.locator('a[href^="/wbs/kelola/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    await h.goto(links[links.length > 4 ? 4 : 0]);
    await shot(h, 'wbs-detail', width);
    await h.goto('/wbs/statistik');
    await shot(h, 'wbs-stats', width);
    await anon.close();
    await staff.close();
  }
} finally {
  await browser.close();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(problems.length ? `Sideways scroll:\n${problems.join('\n')}` : 'No page scrolls sideways.');
