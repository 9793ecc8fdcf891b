// Screenshots of the conflict-of-interest pages, desktop (1280 px) and phone (360 px):
//   node --import tsx scripts/screenshots-coi.ts OUTDIR
// Starts its own demo server on a temporary folder. 'pegawai' fills in and sends an ad hoc
// declaration (form, own list, detail); 'koordinator' opens the seeded declaration awaiting their
// review; 'kadis' sees the summary, risk map, socialisation and evaluation pages. Also saves the
// year report and a surat pernyataan as PDFs (render them with pdftoppm). Reports any page that
// scrolls sideways.
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
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'integritas-shots-coi-'));
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
try {
  for (const [width, height] of [[1280, 800], [360, 740]] as const) {
    const emp = await as('pegawai', width, height);
    await emp.p.goto('/konflik-kepentingan/deklarasi/baru?jenis=adhoc');
    await shot(emp.p, 'coi-form', width);
    // the form refused (nothing filled): the error summary
    await emp.p.getByRole('button', { name: 'Kirim deklarasi' }).click();
    await shot(emp.p, 'coi-form-errors', width);
    await emp.p.getByLabel('Jenis keputusan').selectOption({ label: 'Pengadaan barang/jasa' });
    await emp.p.getByLabel('Rujukan keputusan').fill(`Paket pengadaan kendaraan operasional 2026 (${width})`);
    await emp.p.getByLabel('Peran Anda dalam keputusan').fill('Anggota Pokja Pemilihan');
    await emp.p.getByLabel('Saya memiliki konflik kepentingan (uraikan di bawah)').check();
    await emp.p.locator('#f-c0source').selectOption({ label: 'Kepentingan bisnis/keuangan' });
    await emp.p.locator('#f-c0description').fill('Suami saya pemegang saham CV Sungailiat Motor yang ikut tender.');
    await emp.p.locator('#f-c0relatedParty').fill('CV Sungailiat Motor');
    await emp.p.getByLabel('Saya menyatakan keterangan di atas benar dan menandatanganinya secara elektronik').check();
    await emp.p.getByRole('button', { name: 'Kirim deklarasi' }).click();
    await emp.p.waitForURL(/deklarasi\/[0-9a-f-]{36}$/);
    await shot(emp.p, 'coi-detail-employee', width);
    if (width === 1280) {
      const pdf = await emp.p.request.get(`${emp.p.url()}/surat.pdf`);
      writeFileSync(path.join(out, 'coi-surat-pernyataan.pdf'), await pdf.body());
    }
    await emp.p.goto('/konflik-kepentingan');
    await shot(emp.p, 'coi-mine', width);
    await emp.ctx.close();

    const sup = await as('koordinator', width, height);
    await sup.p.goto('/konflik-kepentingan');
    await shot(sup.p, 'coi-to-review', width);
    await sup.p.getByRole('link', { name: 'Bambang Irawan' }).first().click();
    await shot(sup.p, 'coi-review', width);
    await sup.ctx.close();

    const head = await as('kadis', width, height);
    for (const [path_, name] of [['ringkasan', 'coi-summary'], ['peta', 'coi-map'], ['sosialisasi', 'coi-socialisation'], ['evaluasi', 'coi-evaluation']] as const) {
      await head.p.goto(`/konflik-kepentingan/${path_}`);
      await shot(head.p, name, width);
    }
    // editing a risk of the map
    await head.p.goto('/konflik-kepentingan/peta');
    await head.p.getByRole('link', { name: 'Ubah' }).first().click();
    await shot(head.p, 'coi-risk-edit', width);
    if (width === 1280) {
      const pdf = await head.p.request.get('/konflik-kepentingan/ringkasan/laporan.pdf');
      writeFileSync(path.join(out, 'coi-laporan.pdf'), await pdf.body());
      // a reviewed declaration with its follow-up (the seeded recusal)
      await head.p.goto('/konflik-kepentingan');
      await head.p.getByRole('link', { name: 'Rizky Pratama, S.Kom.' }).first().click();
      await shot(head.p, 'coi-reviewed', width);
      const letter = await head.p.request.get(`${head.p.url()}/surat.pdf`);
      writeFileSync(path.join(out, 'coi-surat-recusal.pdf'), await letter.body());
    }
    await head.ctx.close();
  }
} finally {
  await browser.close();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(problems.length ? `Sideways scroll:\n${problems.join('\n')}` : 'No page scrolls sideways.');
