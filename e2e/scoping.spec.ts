// A unit-A employee cannot open unit-B records by typing their address: the answer is the same
// 404 as for a record that does not exist, and nothing of the other unit leaks into the page.
import { expect, test, type Page } from '@playwright/test';
import { login, peopleOfUnit, signedIn, unitIds, type PersonRef } from './support/app.ts';

const OWN_UNIT = 'Dinas Penanaman Modal, Pelayanan Perizinan Terpadu Satu Pintu, Koperasi, Usaha Kecil dan Menengah';
const OTHER_UNIT = 'Dinas Kependudukan dan Pencatatan Sipil';

let own: { unitId: string; people: PersonRef[] };
let other: { unitId: string; people: PersonRef[] };

test.beforeAll(async ({ browser }) => {
  const { context, page } = await signedIn(browser, 'admin');
  const units = await unitIds(page);
  const ownId = units.get(OWN_UNIT);
  const otherId = units.get(OTHER_UNIT);
  expect(ownId, 'DPMPTSP-KUKM on /units').toBeTruthy();
  expect(otherId, 'Disdukcapil on /units').toBeTruthy();
  own = { unitId: ownId!, people: await peopleOfUnit(page, ownId!) };
  other = { unitId: otherId!, people: await peopleOfUnit(page, otherId!) };
  expect(other.people.length).toBeGreaterThan(0);
  await context.close();
});

async function expectNotFoundWithout(page: Page, path: string, secrets: string[]) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tidak ditemukan');
  const html = await page.content();
  for (const s of secrets) expect(html, `${path} must not mention ${s}`).not.toContain(s);
}

test('pegawai (DPMPTSP-KUKM) gets 404 for a Disdukcapil person and unit', async ({ page }) => {
  await login(page, 'pegawai');
  const secrets = [OTHER_UNIT, 'Disdukcapil', ...other.people.flatMap((p) => [p.name, p.nip, p.nip.replace(/\s/g, '')])];
  for (const p of other.people) await expectNotFoundWithout(page, `/people/${p.id}`, secrets);
  await expectNotFoundWithout(page, `/units/${other.unitId}`, secrets);
  // a well-formed id that exists nowhere looks exactly the same
  await expectNotFoundWithout(page, '/people/00000000-0000-4000-8000-000000000000', []);
});

test('pegawai sees only the own unit in lists and filters', async ({ page }) => {
  await login(page, 'pegawai');
  await page.goto('/people');
  const html = await page.content();
  for (const p of other.people) expect(html).not.toContain(p.name);
  await expect(page.getByRole('link', { name: own.people[0].name, exact: true })).toBeVisible();
  // filtering by the other unit's id shows nothing of it either
  await page.goto(`/people?unit=${other.unitId}`);
  for (const p of other.people) await expect(page.getByText(p.name, { exact: true })).toHaveCount(0);
  await page.goto('/units');
  await expect(page.getByRole('link', { name: OWN_UNIT })).toBeVisible();
  await expect(page.getByRole('link', { name: OTHER_UNIT })).toHaveCount(0);
});

test('pegawai can open a colleague and the own unit', async ({ page }) => {
  await login(page, 'pegawai');
  const colleague = own.people.find((p) => p.name !== 'Siti Aminah')!;
  const res = await page.goto(`/people/${colleague.id}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(colleague.name);
  await expect(page.getByText(colleague.nip, { exact: true })).toBeVisible();
  const unit = await page.goto(`/units/${own.unitId}`);
  expect(unit?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(OWN_UNIT);
});

test('the TPI evaluator reaches both units it evaluates', async ({ page }) => {
  await login(page, 'tpi');
  for (const unitId of [own.unitId, other.unitId]) {
    const res = await page.goto(`/units/${unitId}`);
    expect(res?.status()).toBe(200);
  }
  const res = await page.goto(`/people/${other.people[0].id}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(other.people[0].name);
});
