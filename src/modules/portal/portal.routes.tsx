// The public portal: /publik lists the regency's active units and the forms for the whole regency;
// /publik/unit/:code is a unit's page with its services (and each service's survey form), its
// perception surveys, the complaint and whistleblowing forms, and what it publishes. Every link
// comes from the module that owns the page (PublicLinkSource, wired in main.ts). No JavaScript
// needed; 360 px first; Indonesian and English.
import { notFound } from '../../kernel/errors.ts';
import { pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { PageHeader } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { dayIn } from '../../kernel/workdays.ts';
import { collectLinks, groupLinks, type GroupedLinks } from './portal.links.ts';
import { activeUnitByCode, activeUnits, regencyName, unitTree, type PortalUnitRow } from './portal.queries.ts';
import type { PublicLink, PublicLinkSource } from './portal.types.ts';

export const PORTAL_PATH = '/publik';
export const unitPath = (code: string) => `${PORTAL_PATH}/unit/${encodeURIComponent(code)}`;

const portalCrumb = (v: View) => ({ href: PORTAL_PATH, label: v.t('portal.crumb') });

function LinkList({ v, links, id }: { v: View; links: PublicLink[]; id?: string }) {
  return (
    <ul class="portal-links" id={id}>
      {links.map((l) => <li><a href={l.href}>{v.t(l.key, l.params)}</a></li>)}
    </ul>
  );
}

function Section({ v, id, title, links }: { v: View; id: string; title: string; links: PublicLink[] }) {
  if (!links.length) return null;
  return (
    <section class="card portal-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <LinkList v={v} links={links} />
    </section>
  );
}

function UnitSections({ v, g }: { v: View; g: GroupedLinks }) {
  return (<>
    <section class="card portal-section" aria-labelledby="portal-services">
      <h2 id="portal-services">{v.t('portal.unit.services')}</h2>
      {g.services.length === 0 ? <p class="muted">{v.t('portal.unit.services.none')}</p> : (
        <ul class="portal-services">
          {g.services.map((s) => (
            <li class="portal-service">
              <h3>{s.name}</h3>
              <LinkList v={v} links={s.links} />
            </li>
          ))}
        </ul>
      )}
    </section>
    <Section v={v} id="portal-surveys" title={v.t('portal.unit.surveys')} links={g.surveys} />
    <Section v={v} id="portal-report" title={v.t('portal.unit.report')} links={g.report} />
    <Section v={v} id="portal-information" title={v.t('portal.unit.information')} links={g.information} />
  </>);
}

export function registerPortalRoutes(r: Router, opts: { sources: readonly PublicLinkSource[] }): void {
  const links = async (c: Ctx, unit: PortalUnitRow | null) => {
    const { deps } = c.var;
    const today = dayIn(new Date(), deps.config.timeZone);
    const found = await collectLinks(opts.sources, { db: deps.db, unit, today }, (err) => deps.log('error', 'a public link source failed', err));
    return groupLinks(found);
  };

  r.get(PORTAL_PATH, 'portal.public', async (c) => {
    const { db } = c.var.deps;
    const [regency, units, g] = await Promise.all([regencyName(db), activeUnits(db), links(c, null)]);
    const v = await pageView(c);
    const tree = unitTree(units);
    const regencyLinks = [...g.report, ...g.surveys, ...g.information, ...g.services.flatMap((s) => s.links)];
    return c.html(
      <Layout v={v} title={v.t('portal.title')}>
        <PageHeader title={regency ? v.t('portal.heading', { regency }) : v.t('portal.title')} lead={v.t('portal.lead')} />
        <Section v={v} id="portal-regency" title={v.t('portal.regency_links')} links={regencyLinks} />
        <section class="card portal-section" aria-labelledby="portal-units">
          <h2 id="portal-units">{v.t('portal.units')}</h2>
          <p>{v.t('portal.units.lead')}</p>
          {tree.length === 0 ? <p class="muted">{v.t('portal.units.none')}</p> : (
            <ul class="portal-units">
              {tree.map(({ unit, children }) => (
                <li>
                  <a href={unitPath(unit.code)}>{unit.name}</a>
                  {children.length ? (
                    <ul>{children.map((u) => <li><a href={unitPath(u.code)}>{u.name}</a></li>)}</ul>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        {v.actor ? null : <p class="portal-staff"><a href="/login">{v.t('portal.staff_login')}</a></p>}
      </Layout>,
    );
  });

  r.get(`${PORTAL_PATH}/unit/:code{[A-Za-z0-9._-]{1,40}}`, 'portal.public', async (c) => {
    const { db } = c.var.deps;
    const unit = await activeUnitByCode(db, c.req.param('code') ?? '');
    if (!unit) throw notFound();
    const g = await links(c, unit);
    const v = await pageView(c);
    return c.html(
      <Layout v={v} title={unit.shortName} crumbs={[portalCrumb(v), { label: unit.shortName }]}>
        <PageHeader title={unit.name} lead={unit.address ?? undefined} />
        <UnitSections v={v} g={g} />
      </Layout>,
    );
  });
}
