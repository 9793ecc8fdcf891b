// The portal's pages: functions of (view, model) — no database.
import { PageHeader } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import type { GroupedLinks } from './portal.links.ts';
import type { HomeModel, UnitModel } from './portal.queries.ts';
import type { PublicLink } from './portal.types.ts';

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

/** /publik: the regency's links and its active units. */
export function HomePage(v: View, { regency, tree, links: g }: HomeModel) {
  const regencyLinks = [...g.report, ...g.surveys, ...g.information, ...g.services.flatMap((s) => s.links)];
  return (
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
    </Layout>
  );
}

/** /publik/unit/:code: a unit's services, surveys, report forms and publications. */
export function UnitPage(v: View, { unit, links }: UnitModel) {
  return (
    <Layout v={v} title={unit.shortName} crumbs={[portalCrumb(v), { label: unit.shortName }]}>
      <PageHeader title={unit.name} lead={unit.address ?? undefined} />
      <UnitSections v={v} g={links} />
    </Layout>
  );
}
