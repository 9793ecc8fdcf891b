// Screenshots of the gratification-control pages, desktop (1280 px) and phone (360 px):
//   node --import tsx scripts/screenshots-gratification.ts OUTDIR
// Starts its own demo server on a temporary folder. 'pegawai' opens the report form (empty, with
// errors, and for a date long ago: the late warning), sends a report and sees its detail and the
// seeded report with the KPK decision; 'upg' sees the unit's list, a report page, custody, campaigns,
// settings and statistics. Also saves the periodic report, a custody receipt and a KPK sheet as PDFs
// (render them with pdftoppm). Reports any page that scrolls sideways.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/browser.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? 'screenshots');
mkdirSync(out, { recursive: true });

const port: number = await new Promise((resolve) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const a = s.address(); s.close(() => resolve(typeof a === 'object' && a ? a.port : 0)); }); });
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'integritas-shots-grat-'));
const child = spawn(process.execPath, [path.join(ROOT, 'bin/integritas.mjs'), 'start'], {
  cwd: ROOT, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: 'on', LOG_LEVEL: 'error', NODE_ENV: 'development' }, stdio: ['ignore', 'ignore', 'inherit'],
});
const url = `http://127.0.0.1:${port}`;
for (let i = 0; i < 480; i++) { try { if ((await fetch(`${url}/healthz`)).ok) break; } catch { /* starting */ } await new Promise((r) => setTimeout(r, 250)); }

const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const problems: string[] = [];
async function shot(page: Page, name: string, width: number) {
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  if (sw > width) problems.push(`${name} at ${width}px is ${sw}px wide`);
  await page.screenshot({ path: path.join(out, `${width}-${name}.png`), fullPage: true });
}
async function as(username: string, width: number, height: number) {
  const ctx = await browser.newContext({ baseURL: url, viewport: { width, height }, locale: 'id-ID' });
  const p = await ctx.newPage();
  await p.goto('/login');
  await p.getByLabel('Nama pengguna').fill(username);
  await p.getByLabel('Kata sandi').fill('DemoZI-2026!');
  await p.getByRole('button', { name: 'Masuk', exact: true }).click();
  await p.waitForURL((u) => u.pathname === '/' || u.pathname === '/pakta');
  return { ctx, p };
}
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
const longAgo = new Date(Date.now() - 70 * 86400_000).toISOString().slice(0, 10);
try {
  for (const [width, height] of [[1280, 800], [360, 740]] as const) {
    const emp = await as('pegawai', width, height);
    await emp.p.goto('/gratifikasi/lapor');
    await shot(emp.p, 'grat-form', width);
    await emp.p.getByRole('button', { name: 'Kirim laporan' }).click();
    await shot(emp.p, 'grat-form-errors', width);
    await emp.p.goto(`/gratifikasi/lapor?receivedOn=${longAgo}`);
    await shot(emp.p, 'grat-form-late', width);
    await emp.p.locator('#f-receivedOn').fill(today);
    await emp.p.locator('#f-giverName').fill('CV Lada Emas');
    await emp.p.locator('#f-relationship').selectOption({ label: 'Pengguna layanan/pemohon' });
    await emp.p.locator('#f-occasion').fill('Terima kasih izin usaha terbit');
    await emp.p.locator('#f-itemKind').selectOption({ label: 'Barang' });
    await emp.p.locator('#f-description').fill('Lada putih 2 kg');
    await emp.p.locator('#f-valueRp').fill('300.000');
    await emp.p.locator('#f-place').fill('Loket MPP');
    await emp.p.locator('#f-chronology').fill('Diantar pemohon ke loket.');
    await emp.p.locator('#f-whereNow').selectOption({ label: 'Dititipkan ke UPG' });
    await emp.p.getByRole('button', { name: 'Kirim laporan' }).click();
    await emp.p.waitForURL(/laporan\/[0-9a-f-]{36}$/);
    await shot(emp.p, 'grat-detail-employee', width);
    await emp.p.goto('/gratifikasi');
    await shot(emp.p, 'grat-mine', width);
    await emp.p.getByRole('link', { name: 'GRT-2026-0005' }).click();
    await shot(emp.p, 'grat-detail-decision', width);
    await emp.ctx.close();

    const upg = await as('upg', width, height);
    await upg.p.goto('/gratifikasi/kelola?state=all');
    await shot(upg.p, 'grat-upg-list', width);
    await upg.p.getByRole('link', { name: 'GRT-2026-0004' }).click();
    await shot(upg.p, 'grat-upg-detail', width);
    await upg.p.goto('/gratifikasi/kelola?state=all');
    await upg.p.getByRole('link', { name: 'GRT-2026-0001' }).first().click();
    await shot(upg.p, 'grat-upg-closed', width);
    if (width === 1280) {
      const base = upg.p.url();
      await upg.p.goto(`${base}/kpk`);
      await shot(upg.p, 'grat-kpk', width);
      writeFileSync(path.join(out, 'grat-kpk.pdf'), await (await upg.p.request.get(`${base}/kpk.pdf`)).body());
    }
    for (const [p_, name] of [['titipan', 'grat-custody'], ['kampanye', 'grat-campaigns'], ['pengaturan', 'grat-settings'], ['statistik', 'grat-stats']] as const) {
      await upg.p.goto(`/gratifikasi/${p_}`);
      await shot(upg.p, name, width);
    }
    if (width === 1280) {
      writeFileSync(path.join(out, 'grat-laporan-berkala.pdf'), await (await upg.p.request.get('/gratifikasi/statistik/laporan.pdf?period=2026-S1')).body());
      await upg.p.goto('/gratifikasi/titipan');
      const href = await upg.p.getByRole('link', { name: 'TT-UPG/2026/0002' }).getAttribute('href');
      writeFileSync(path.join(out, 'grat-tanda-terima.pdf'), await (await upg.p.request.get(href!)).body());
    }
    await upg.ctx.close();
  }
} finally {
  await browser.close();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(problems.length ? `Sideways scroll:\n${problems.join('\n')}` : 'No page scrolls sideways.');
