// Full-page screenshots of the main screens, desktop (1280 px) and phone (360 px), for review.
//   node --import tsx scripts/screenshots.ts OUTDIR
// Starts its own server on a temporary embedded database with the demo regency, signs in as the
// demo accounts, writes OUTDIR/<viewport>-<screen>.png and stops the server again. It also
// reports any page that scrolls sideways at its viewport.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/browser.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEMO_PASSWORD = 'DemoZI-2026!';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800, mobile: false },
  { name: 'phone', width: 360, height: 740, mobile: true },
] as const;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function startApp(): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'integritas-shots-'));
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/integritas.mjs'), 'start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: 'on', LOG_LEVEL: 'error', NODE_ENV: 'development' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  let exited = false;
  child.once('exit', () => { exited = true; });
  while (Date.now() < deadline) {
    if (exited) throw new Error('the server exited before it was ready');
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return { url, child, dataDir };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGTERM');
  throw new Error(`the server did not answer ${url}/healthz within 120 s`);
}

async function stopApp(app: { child: ChildProcess; dataDir: string }) {
  if (app.child.exitCode === null) {
    const exited = new Promise((r) => app.child.once('exit', r));
    app.child.kill('SIGTERM');
    const timer = setTimeout(() => app.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(app.dataDir, { recursive: true, force: true });
}

async function login(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/' || u.pathname === '/pakta');
  // someone who has not signed this year's Pakta Integritas is taken there first
  if (new URL(page.url()).pathname === '/pakta') await page.goto('/');
}

async function firstHref(page: Page, selector: string): Promise<string> {
  const hrefs = await page.locator(selector).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const found = hrefs.find((h) => UUID.test(h));
  if (!found) throw new Error(`no link matching ${selector} on ${page.url()}`);
  return found;
}

interface Shot { file: string; status: number; scrollWidth: number; width: number }

async function shoot(page: Page, outDir: string, viewport: string, width: number, name: string, shots: Shot[], status = 200) {
  await page.evaluate(() => document.fonts?.ready);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  const file = path.join(outDir, `${viewport}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  shots.push({ file, status, scrollWidth, width });
}

async function capture(browser: Browser, baseURL: string, outDir: string, vp: (typeof VIEWPORTS)[number], shots: Shot[]) {
  const newPage = async () => {
    const context = await browser.newContext({
      baseURL, viewport: { width: vp.width, height: vp.height }, isMobile: vp.mobile, hasTouch: vp.mobile,
      deviceScaleFactor: 1, locale: 'id-ID', timezoneId: 'Asia/Jakarta',
    });
    return { context, page: await context.newPage() };
  };
  const go = async (page: Page, url: string, name: string) => {
    const res = await page.goto(url);
    await shoot(page, outDir, vp.name, vp.width, name, shots, res?.status() ?? 0);
  };

  // signed out
  {
    const { context, page } = await newPage();
    await go(page, '/login', 'login');
    await context.close();
  }
  // an employee of one unit
  {
    const { context, page } = await newPage();
    await login(page, 'pegawai');
    await shoot(page, outDir, vp.name, vp.width, 'dashboard-pegawai', shots);
    await context.close();
  }
  // the navigation menus: the administrator (every menu) with the supervision menu open
  {
    const { context, page } = await newPage();
    await login(page, 'admin');
    await page.locator('.site-nav summary', { hasText: 'Pengawasan' }).click();
    await shoot(page, outDir, vp.name, vp.width, 'nav-menu-admin', shots);
    await context.close();
  }
  // the LKE: the unit's ZI team chair, then the TPI evaluator
  {
    const { context, page } = await newPage();
    await login(page, 'ketua.zi');
    await go(page, '/lke', 'lke-list');
    const hrefs = await page.locator('table a[href^="/lke/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const [i, href] of hrefs.filter((h) => UUID.test(h)).slice(0, 2).entries()) {
      await go(page, href, `lke-overview-${i + 1}`);
      if (i === 0) {
        await go(page, `${href}/items?section=A.I.1`, 'lke-items');
        await go(page, `${href}/items?section=B`, 'lke-items-hasil');
        await go(page, `${href}/items/A.II.1.i.a`, 'lke-item-percent');
        await go(page, `${href}/items/A.I.1.i.a`, 'lke-item');
        await go(page, `${href}/saran`, 'lke-suggestions');
        await go(page, `${href}/verdict`, 'lke-verdict');
        await go(page, `${href}/settings`, 'lke-settings');
        await go(page, `${href}/import`, 'lke-import');
      }
    }
    await go(page, '/lke/new', 'lke-new');
    await go(page, '/lke/rulesets/permenpanrb-90-2021', 'lke-ruleset');
    await go(page, '/evidence', 'evidence-library');
    await context.close();
  }
  {
    const { context, page } = await newPage();
    await login(page, 'tpi');
    await page.goto('/lke?state=under_review');
    const href = (await page.locator('table a[href^="/lke/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).find((h) => UUID.test(h));
    if (href) {
      await go(page, href, 'lke-tpi-overview');
      await go(page, `${href}/review?only=all`, 'lke-review');
      await go(page, `${href}/items/A.I.1.i.b`, 'lke-tpi-item');
    }
    await context.close();
  }
  // the work plan: the unit's ZI team chair (plan, monev with evidence, report form, team, agents,
  // pakta, declaration), the public unit page, and the administrator's unit picker
  {
    const { context, page } = await newPage();
    await login(page, 'ketua.zi');
    await go(page, '/rencana-kerja', 'plan-list');
    const plan = (await page.locator('table a[href^="/rencana-kerja/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).find((h) => UUID.test(h));
    if (plan) {
      await go(page, plan, 'plan');
      await go(page, `${plan}/monev?bulan=9`, 'plan-monev');
      const activity = await page.locator('a[href*="/kegiatan/"]').first().getAttribute('href').catch(() => null);
      if (activity) await go(page, activity, 'plan-activity');
    }
    await go(page, '/tim-zi', 'team');
    await go(page, '/agen-perubahan', 'agents');
    await go(page, '/pakta', 'pakta');
    await go(page, '/pakta/coverage', 'pakta-coverage');
    await go(page, '/pencanangan', 'declaration');
    await context.close();
  }
  {
    const { context, page } = await newPage();
    await go(page, '/publik/unit/DPMPTSPKUKM', 'public-unit');
    await login(page, 'admin');
    await go(page, '/rencana-kerja', 'plan-list-admin');
    await context.close();
  }
  // the services module: the ZI coordinator of area 6 (catalogue, a service, a standard, the diff of
  // PBG's revised standard, consultations, maklumat, SOP list and one SOP), then the public pages
  {
    const { context, page } = await newPage();
    await login(page, 'koordinator');
    await go(page, '/layanan', 'services-catalogue');
    const services = await page.locator('table a[href^="/layanan/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const pbg = services.filter((h) => UUID.test(h))[1];
    if (pbg) {
      await go(page, pbg, 'services-service');
      const versions = await page.locator('a[href*="/standar/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      const standard = versions.find((h) => /\/standar\/[0-9a-f-]{36}$/.test(h));
      if (standard) await go(page, standard, 'services-standard');
      const diff = versions.find((h) => h.endsWith('/perubahan'));
      if (diff) await go(page, diff, 'services-diff');
    }
    await go(page, '/layanan/konsultasi', 'services-consultations');
    const consultation = (await page.locator('table a[href^="/layanan/konsultasi/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).find((h) => UUID.test(h));
    if (consultation) await go(page, consultation, 'services-consultation');
    await go(page, '/layanan/maklumat', 'services-maklumat');
    await go(page, '/layanan/sop', 'services-sops');
    const sop = (await page.locator('table a[href^="/layanan/sop/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).find((h) => UUID.test(h));
    if (sop) await go(page, sop, 'services-sop');
    await context.close();
  }
  {
    const { context, page } = await newPage();
    await go(page, '/publik/unit/DPMPTSPKUKM/layanan', 'public-services');
    await go(page, '/publik/unit/DPMPTSPKUKM/layanan/PBG', 'public-service');
    await go(page, '/publik/unit/DPMPTSPKUKM/maklumat', 'public-maklumat');
    await go(page, '/publik/unit/DPMPTSPKUKM/sop', 'public-sops');
    await context.close();
  }
  // complaints: a resident's public form and tracking page, then the unit's complaint handler
  {
    const { context, page } = await newPage();
    await go(page, '/publik/unit/DPMPTSPKUKM/pengaduan', 'complaints-public-form');
    await page.getByLabel('Kategori').selectOption('pelayanan');
    await page.getByLabel('Judul pengaduan').fill('Antrean loket terlalu lama');
    await page.getByLabel('Uraian pengaduan').fill('Saya menunggu lebih dari dua jam di loket perizinan tanpa kepastian.');
    await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
    await shoot(page, outDir, vp.name, vp.width, 'complaints-public-code', shots);
    const code = (await page.locator('[data-tracking-code]').textContent())?.trim() ?? '';
    await page.goto('/pengaduan/lacak');
    await page.getByLabel('Kode pelacakan').fill(code);
    await page.getByRole('button', { name: 'Lihat status' }).click();
    await shoot(page, outDir, vp.name, vp.width, 'complaints-tracking', shots);
    await context.close();
  }
  {
    const { context, page } = await newPage();
    await login(page, 'pengaduan');
    await go(page, '/pengaduan/kelola', 'complaints-list');
    const complaint = (await page.locator('table a[href^="/pengaduan/kelola/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).find((h) => UUID.test(h));
    if (complaint) await go(page, complaint, 'complaints-detail');
    await go(page, '/pengaduan/statistik?period=2025', 'complaints-stats');
    await go(page, '/pengaduan/impor', 'complaints-import');
    await context.close();
  }
  // surveys (core): periods, a period's results with charts and follow-up, paper entry, import error report
  {
    const { context, page } = await newPage();
    await login(page, 'ketua.zi');
    await go(page, '/survei', 'surveys-periods');
    const hrefs = await page.locator('table a[href^="/survei/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const period = hrefs.filter((h) => UUID.test(h))[3] ?? hrefs[0];
    if (period) {
      await go(page, period, 'surveys-results');
      await page.locator('#tindak-lanjut').scrollIntoViewIfNeeded();
      await page.locator('#tindak-lanjut').screenshot({ path: path.join(outDir, `${vp.name}-surveys-followup.png`) });
      await go(page, `${period}/entri?baris=5`, 'surveys-entry');
      await page.goto(`${period}/impor`);
      await page.setInputFiles('#f-file', { name: 'kuesioner.csv', mimeType: 'text/csv', buffer: Buffer.from('U1;U2;U3;U4;U5;U6;U7;U8;U9;sex;service\n4;4;3;4;4;4;4;3;3;l;IUMK\n4;5;3;4;4;4;4;3;3;;\n4;4;3;4;4;4;4;3;;x;NOPE\n') });
      await page.getByRole('button', { name: 'Impor', exact: true }).click();
      await shoot(page, outDir, vp.name, vp.width, 'surveys-import-errors', shots, 400);
    }
    await context.close();
  }
  // the regency administrator
  {
    const { context, page } = await newPage();
    await login(page, 'admin');
    await shoot(page, outDir, vp.name, vp.width, 'dashboard-admin', shots);
    await go(page, '/units', 'units');
    const unit = await firstHref(page, 'table a[href^="/units/"]');
    await go(page, unit, 'unit');
    await go(page, '/people', 'people');
    const person = await firstHref(page, 'table a[href^="/people/"]');
    await go(page, person, 'person');
    await page.goto('/admin/people/new');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.locator('.error-summary').waitFor();
    await shoot(page, outDir, vp.name, vp.width, 'people-new-errors', shots, 400);
    await go(page, '/admin/people/import', 'people-import');
    await go(page, '/admin/accounts', 'accounts');
    const account = await firstHref(page, 'table a[href^="/admin/accounts/"]');
    await go(page, account, 'account-detail');
    await go(page, '/admin/audit', 'audit');
    await go(page, '/kalender?tahun=2026&mulai=2026-03-17&hari=5', 'calendar');
    await go(page, '/notifications', 'notifications');
    await go(page, '/account', 'my-account');
    await go(page, '/people/00000000-0000-4000-8000-000000000000', 'not-found');
    await context.close();
  }
}

async function main() {
  const outDir = path.resolve(process.argv[2] ?? 'screenshots');
  mkdirSync(outDir, { recursive: true });
  const app = await startApp();
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const shots: Shot[] = [];
    for (const vp of VIEWPORTS) await capture(browser, app.url, outDir, vp, shots);
    for (const s of shots) {
      const overflow = s.scrollWidth > s.width ? `  SCROLLS SIDEWAYS: ${s.scrollWidth}px wide at ${s.width}px` : '';
      console.log(`${path.basename(s.file).padEnd(34)} HTTP ${s.status}${overflow}`);
    }
    console.log(`${shots.length} screenshots in ${outDir}`);
  } finally {
    await browser?.close();
    await stopApp(app);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
