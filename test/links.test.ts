// No broken link: every demo account's navigation and home page, and the public portal as an
// anonymous visitor, link only to pages that answer (a redirect is followed; any 4xx/5xx fails).
// Every page reached on the way has one h1 and heading levels that never skip one going down.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_ACCOUNTS } from '../src/modules/org/org.seed.ts';
import { Client, createTestApp, loggedIn, type TestApp } from './helpers.ts';

let t: TestApp;
before(async () => { t = await createTestApp(); });
after(async () => { await t.close(); });

/** Local links of a page (href of <a>), without fragments, deduplicated. */
export function localLinks(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)) {
    const href = m[1]!.replace(/&amp;/g, '&').split('#')[0]!;
    if (!href.startsWith('/') || href.startsWith('//')) continue;
    out.add(href);
  }
  return [...out];
}

/** Generated documents (PDF, XLSX, CSV) are tested where they are made; the walk skips them. */
const DOWNLOAD = /\.(pdf|xlsx|csv)(\?|$)|\/(laporan|unduh|download)\b/;

/** Heading outline problems of a page: not exactly one h1, or a level skipped going down (h2 → h4). */
export function headingProblems(html: string): string[] {
  const levels = [...html.replace(/<template\b[\s\S]*?<\/template>/g, '').matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
  const out: string[] = [];
  const h1 = levels.filter((l) => l === 1).length;
  if (h1 !== 1) out.push(`${h1} h1`);
  for (let i = 1; i < levels.length; i++) if (levels[i]! > levels[i - 1]! + 1) out.push(`h${levels[i - 1]} → h${levels[i]}`);
  return [...new Set(out)];
}

/** Pages (by path without the query's values) whose headings skip a level: checked after the walks. */
const outline = new Map<string, string[]>();

/** GET, following local redirects (at most 5); the final status and path. */
async function follow(c: Client, href: string): Promise<{ status: number; path: string; html: string }> {
  let path = href;
  for (let i = 0; i < 5; i++) {
    const res = await c.get(path);
    const loc = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && loc) {
      await res.body?.cancel();
      path = new URL(loc, 'http://local').pathname + new URL(loc, 'http://local').search;
      continue;
    }
    const type = res.headers.get('content-type') ?? '';
    const html = type.includes('text/html') ? await res.text() : (await res.body?.cancel(), '');
    if (res.status === 200 && html) {
      const problems = headingProblems(html);
      if (problems.length) outline.set(path.split('?')[0]!.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id'), problems);
    }
    return { status: res.status, path, html };
  }
  return { status: 310, path, html: '' };
}

/** Follows every link; returns the broken ones as "href → status". */
async function broken(c: Client, links: Iterable<string>, seen = new Set<string>()): Promise<string[]> {
  const bad: string[] = [];
  for (const href of links) {
    if (seen.has(href)) continue;
    seen.add(href);
    const r = await follow(c, href);
    if (r.status >= 400) bad.push(`${href} → ${r.status}`);
  }
  return bad;
}

describe('every demo role: navigation and home page links answer', () => {
  for (const account of DEMO_ACCOUNTS) {
    test(account.username, async () => {
      const c = await loggedIn(t.app, account.username);
      const home = await follow(c, '/');
      assert.equal(home.status, 200, `${account.username}: home`);
      assert.equal(home.path, '/', `${account.username}: stays on the home page`);
      const links = localLinks(home.html);
      assert.ok(links.length >= 3, `${account.username}: the home page has links`);
      // the pages the navigation and the home page lead to, and the links on those pages
      const seen = new Set<string>();
      const bad: string[] = [];
      const next: string[] = [];
      for (const href of links) {
        seen.add(href);
        const r = await follow(c, href);
        if (r.status >= 400) bad.push(`${href} → ${r.status}`);
        else next.push(...localLinks(r.html).filter((h) => !DOWNLOAD.test(h)));
      }
      bad.push(...await broken(c, next, seen));
      assert.deepEqual(bad, [], `${account.username}: broken links`);
    });
  }
});

describe('the public portal as an anonymous visitor', () => {
  test('the root leads to the portal, and every link of the portal and of each unit page answers', async () => {
    const anon = new Client(t.app);
    const root = await follow(anon, '/');
    assert.equal(root.status, 200);
    assert.equal(root.path, '/publik');
    const seen = new Set<string>();
    const portalLinks = localLinks(root.html);
    const unitPages = portalLinks.filter((h) => /^\/publik\/unit\/[^/]+$/.test(h));
    assert.ok(unitPages.length >= 3, 'the portal lists the units');
    const bad = await broken(anon, portalLinks, seen);
    for (const unit of unitPages) {
      const page = await follow(anon, unit);
      bad.push(...await broken(anon, localLinks(page.html), seen));
    }
    assert.deepEqual(bad, [], 'broken links on the public portal');
    // the login page links to the portal
    assert.match((await follow(anon, '/login')).html, /href="\/publik"/);
  });
});

describe('headings', () => {
  test('every page reached above has one h1 and never skips a heading level going down', () => {
    assert.deepEqual(Object.fromEntries(outline), {}, 'pages whose headings skip a level');
  });
  test('the outline check itself: a skip and a missing h1 are found, a good outline passes', () => {
    assert.deepEqual(headingProblems('<h1>a</h1><h2>b</h2><h3>c</h3><h2>d</h2>'), []);
    assert.deepEqual(headingProblems('<h1>a</h1><h3>c</h3>'), ['h1 → h3']);
    assert.deepEqual(headingProblems('<h2>a</h2>'), ['0 h1']);
    assert.deepEqual(headingProblems('<h1>a</h1><h1>b</h1>'), ['2 h1']);
  });
});
