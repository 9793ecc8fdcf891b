// No broken link: every demo account's navigation and home page, and the public portal as an
// anonymous visitor, link only to pages that answer (a redirect is followed; any 4xx/5xx fails).
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
