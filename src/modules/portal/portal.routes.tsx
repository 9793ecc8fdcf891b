// The public portal: /publik lists the regency's active units and the forms for the whole regency;
// /publik/unit/:code is a unit's page with its services (and each service's survey form), its
// perception surveys, the complaint and whistleblowing forms, and what it publishes. Every link
// comes from the module that owns the page (PublicLinkSource, wired in main.ts). No JavaScript
// needed; 360 px first; Indonesian and English.
import { notFound } from '../../kernel/errors.ts';
import { pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { HomePage, PORTAL_PATH, UnitPage } from './portal.pages.tsx';
import { homeModel, unitModel } from './portal.queries.ts';
import type { PublicLinkSource } from './portal.types.ts';

export { PORTAL_PATH, unitPath } from './portal.pages.tsx';

export function registerPortalRoutes(r: Router, opts: { sources: readonly PublicLinkSource[] }): void {
  const ctx = (c: Ctx) => ({
    db: c.var.deps.db, timeZone: c.var.deps.config.timeZone, sources: opts.sources,
    onError: (err: unknown) => c.var.deps.log('error', 'a public link source failed', err),
  });

  r.get(PORTAL_PATH, 'portal.public', async (c) => {
    const model = await homeModel(ctx(c));
    return c.html(HomePage(await pageView(c), model));
  });

  r.get(`${PORTAL_PATH}/unit/:code{[A-Za-z0-9._-]{1,40}}`, 'portal.public', async (c) => {
    const model = await unitModel(ctx(c), c.req.param('code') ?? '');
    if (!model) throw notFound();
    return c.html(UnitPage(await pageView(c), model));
  });
}
