// What the browser journeys know about the demo regency and how to move around in it. The
// expectations are written out here on purpose (not imported from the app): they are what the
// policies and the seed promise, checked from the outside. Only the list of every navigation item
// comes from the module list, so that nothing a module adds goes unchecked.
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { buildI18n } from '../../src/main.ts';
import { MODULES } from '../../src/modules.ts';

export const DEMO_PASSWORD = 'DemoZI-2026!';

/** Navigation labels (Indonesian) in the order the layout shows them. */
const MAIN_NAV = ['Beranda', 'Unit kerja', 'Pegawai', 'LKE', 'Rencana kerja', 'Tim Kerja ZI', 'Agen perubahan', 'Pakta Integritas', 'Layanan', 'Survei', 'Gratifikasi', 'Konflik kepentingan', 'Data dukung'];
/** unit heads, the ZI chair and secretary, and the regency admin also record the unit's declaration */
const MANAGER_NAV = [...MAIN_NAV.slice(0, 8), 'Pencanangan', ...MAIN_NAV.slice(8)];
const ADMIN_NAV = ['Akun & peran', 'Log audit', 'Kalender kerja'];
/** complaints: handlers, unit heads, the ZI chair and secretary and the regency roles see "Pengaduan" (before "Gratifikasi") */
const withComplaints = (nav: string[]) => { const i = nav.indexOf('Gratifikasi'); return [...nav.slice(0, i), 'Pengaduan', ...nav.slice(i)]; };
/** whistleblowing: WBS handlers see "WBS" (before "Gratifikasi"); the regency admin sees "Kunci WBS" after the admin items */
const withWbs = (nav: string[]) => { const i = nav.indexOf('Gratifikasi'); return [...nav.slice(0, i), 'WBS', ...nav.slice(i)]; };

export interface DemoRole {
  username: string;
  displayName: string;
  /** role labels shown under "Peran Anda" on the dashboard */
  roles: string[];
  nav: string[];
}

/**
 * From the policies: every role reaches home, units and people (org.units.list, org.people.list);
 * only regency_admin holds org.accounts.manage and audit.view.
 */
export const DEMO_ROLES: DemoRole[] = [
  { username: 'admin', displayName: 'Desi Ratnasari, S.Kom.', roles: ['Admin pemerintah daerah'], nav: [...withComplaints(MANAGER_NAV), ...ADMIN_NAV, 'Kunci WBS'] },
  { username: 'bupati', displayName: 'Bupati Bangka', roles: ['Pimpinan daerah (pemantau)'], nav: withComplaints(MAIN_NAV) },
  { username: 'kadis', displayName: 'Elius Gani, S.H., M.H.', roles: ['Pimpinan unit', 'Pegawai'], nav: withComplaints(MANAGER_NAV) },
  { username: 'ketua.zi', displayName: 'Hendra Saputra, S.Sos., M.Si.', roles: ['Ketua Tim Kerja ZI', 'Pegawai'], nav: withComplaints(MANAGER_NAV) },
  { username: 'sekretaris.zi', displayName: 'Fajar Nugroho, S.Si.', roles: ['Sekretaris Tim Kerja ZI', 'Pegawai'], nav: withComplaints(MANAGER_NAV) },
  { username: 'koordinator', displayName: 'Rina Marlina, S.E.', roles: ['Koordinator area ZI', 'Pegawai'], nav: MAIN_NAV },
  { username: 'anggota.zi', displayName: 'Rizky Pratama, S.Kom.', roles: ['Anggota Tim Kerja ZI', 'Pegawai'], nav: MAIN_NAV },
  { username: 'pegawai', displayName: 'Siti Aminah', roles: ['Pegawai'], nav: MAIN_NAV },
  { username: 'pegawai.dukcapil', displayName: 'Andi Setiawan', roles: ['Pegawai'], nav: MAIN_NAV },
  { username: 'tpi', displayName: 'Indah Permatasari, S.E., Ak.', roles: ['Evaluator TPI (Inspektorat)', 'Pegawai'], nav: MAIN_NAV },
  { username: 'pengaduan', displayName: 'Dewi Lestari, S.H.', roles: ['Pengelola pengaduan', 'Pegawai'], nav: withComplaints(MAIN_NAV) },
  { username: 'wbs', displayName: 'Taufik Hidayat, S.H.', roles: ['Pengelola WBS', 'Pegawai'], nav: withWbs(MAIN_NAV) },
  { username: 'upg', displayName: 'Nurhayati, S.E.', roles: ['Unit Pengendali Gratifikasi (UPG)', 'Pegawai'], nav: MAIN_NAV },
  { username: 'ppid', displayName: 'Maya Sari, S.I.Kom.', roles: ['PPID', 'Pegawai'], nav: MAIN_NAV },
];

/**
 * Every navigation item of every module, as the module list (src/modules.ts) declares them, in
 * Indonesian: a role must see exactly its items and none of the others — so a new module's items
 * are checked as hidden for every role that does not expect them, without editing this file.
 */
export const ALL_NAV = MODULES.flatMap((m) => m.nav ?? []).map((n) => buildI18n().translator('id')(n.labelKey));

export function demoRole(username: string): DemoRole {
  const r = DEMO_ROLES.find((x) => x.username === username);
  if (!r) throw new Error(`no demo account ${username}`);
  return r;
}

/** Signs in through the form, the way a person would, and waits for the dashboard. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  // someone who has not signed this year's Pakta Integritas is taken there first
  await expect(page).toHaveURL(/\/(pakta\?first=1)?$/);
  if (new URL(page.url()).pathname === '/pakta') await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(demoRole(username).displayName);
}

/** A fresh browser context signed in as a demo account. */
export async function signedIn(browser: Browser, username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, username);
  return { context, page };
}

export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Navigasi utama' });
}

/** The labels of the links in the main navigation (those inside closed menus too), trimmed, in order. */
export async function navLabels(page: Page): Promise<string[]> {
  const texts = await mainNav(page).getByRole('link', { includeHidden: true }).allTextContents();
  return texts.map((t) => t.trim());
}

/** The labels of the menu buttons in the main navigation, in order. */
export async function navMenus(page: Page): Promise<string[]> {
  return (await mainNav(page).locator('summary').allTextContents()).map((t) => t.trim());
}

/** A link of the main navigation, made visible: the menu holding it is opened first when it is closed. */
export async function navLink(page: Page, label: string) {
  // `has` is matched inside each <details>, so the inner locator starts from the page, not the nav
  const menu = mainNav(page).locator('details', { has: page.getByRole('link', { name: label, exact: true, includeHidden: true }) });
  if ((await menu.count()) > 0 && !(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
  return mainNav(page).getByRole('link', { name: label, exact: true });
}

/** Absolute paths of links on the current page whose href matches the pattern. */
export async function hrefs(page: Page, pattern: RegExp): Promise<string[]> {
  const all = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(all.filter((h) => pattern.test(h)))];
}

export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export interface UnitRef { id: string; name: string }

/** Reads the unit list (as whoever is signed in on the page): name → id. */
export async function unitIds(page: Page): Promise<Map<string, string>> {
  await page.goto('/units');
  const links = page.locator(`table a[href^="/units/"]`);
  const rows = await links.evaluateAll((as) => as.map((a) => [a.textContent?.trim() ?? '', a.getAttribute('href') ?? '']));
  return new Map(rows.map(([name, href]) => [name, href.replace('/units/', '')]));
}

export interface PersonRef { id: string; name: string; nip: string }

/** The people of one unit as listed on /people?unit=… (name, formatted NIP, id). */
export async function peopleOfUnit(page: Page, unitId: string): Promise<PersonRef[]> {
  await page.goto(`/people?unit=${unitId}`);
  const rows = page.locator('table tbody tr');
  return rows.evaluateAll((trs) => trs.map((tr) => {
    const a = tr.querySelector('a[href^="/people/"]');
    const cells = tr.querySelectorAll('td');
    return { id: (a?.getAttribute('href') ?? '').replace('/people/', ''), name: a?.textContent?.trim() ?? '', nip: cells[1]?.textContent?.trim() ?? '' };
  }).filter((p) => p.id));
}

/** The page has no horizontal scroll at its current viewport. */
export async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `document is ${scrollWidth}px wide at a ${width}px viewport`).toBeLessThanOrEqual(width);
}
