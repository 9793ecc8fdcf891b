// Public pages of a unit's services (no login; Indonesian or English by the language switch): the
// active services with their published six service-delivery components, one service, the
// maklumat in force (page and printable PDF) and the active SOPs. Only active units, active
// services, published standards and published maklumat are shown; internal components never.
import { notFound } from '../../kernel/errors.ts';
import { pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { PageHeader, SummaryList, ScrollRegion } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { MaklumatText, maklumatPdfResponse } from './maklumat.routes.tsx';
import { ComponentList } from './services.view.tsx';
import { currentMaklumat, findPublicUnit, findServiceByCode, listServices, publishedStandards, sopsOf } from './services.queries.ts';
import { DELIVERY_KEYS, componentsOf } from './services.rules.ts';

const UNIT = '/publik/unit/:code{[A-Za-z0-9._-]{1,40}}';
const SERVICE = ':service{[A-Za-z0-9-]{1,20}}';

async function unitOr404(c: Ctx) {
  const unit = await findPublicUnit(c.var.deps.db, c.req.param('code') ?? '');
  if (!unit) throw notFound();
  return unit;
}

type PublicUnit = NonNullable<Awaited<ReturnType<typeof findPublicUnit>>>;
const unitHref = (u: PublicUnit) => `/publik/unit/${encodeURIComponent(u.code)}`;

/** Links between the unit's public pages, the surveys module's results among them. */
function PublicNav(props: { v: View; unit: PublicUnit; current: string }) {
  const { v, unit } = props;
  const base = unitHref(unit);
  const links = [
    { href: base, key: 'services.public.nav.unit' },
    { href: `${base}/layanan`, key: 'services.public.nav.services' },
    { href: `${base}/maklumat`, key: 'services.public.nav.maklumat' },
    { href: `${base}/sop`, key: 'services.public.nav.sop' },
    // the surveys module's public results
    { href: `${base}/survei`, key: 'survey.public.unit_page_link' },
  ];
  return (
    <nav class="tabs services-public-nav" aria-label={v.t('services.public.nav.label')}>
      <ul>{links.map((l) => <li><a href={l.href} aria-current={l.href === props.current ? 'page' : undefined}>{v.t(l.key)}</a></li>)}</ul>
    </nav>
  );
}

export function registerServicesPublicRoutes(r: Router) {
  r.get(`${UNIT}/layanan`, 'services.public', async (c) => {
    const unit = await unitOr404(c);
    const db = c.var.deps.db;
    const list = await listServices(db, unit.id);
    const published = await publishedStandards(db, list.map((s) => s.id));
    const v = await pageView(c);
    const title = v.t('services.public.services_title', { unit: unit.shortName });
    return c.html(
      <Layout v={v} title={title}>
        <PageHeader title={v.t('services.public.services_heading')} lead={unit.name} />
        <PublicNav v={v} unit={unit} current={`${unitHref(unit)}/layanan`} />
        {list.length === 0 ? <p class="muted">{v.t('services.public.no_services')}</p> : (
          <ul class="services-public-list">{list.map((s) => {
            const st = published.get(s.id);
            const comps = st ? componentsOf(st.components) : {};
            return (
              <li class="card">
                <h2><a href={`${unitHref(unit)}/layanan/${encodeURIComponent(s.code)}`}>{s.name}</a></h2>
                {s.description ? <p>{s.description}</p> : null}
                {st ? (
                  <SummaryList rows={[
                    [v.t('services.public.time'), comps.waktu ?? '—'],
                    [v.t('services.public.fee'), comps.biaya ?? '—'],
                  ]} />
                ) : <p class="muted">{v.t('services.public.no_standard')}</p>}
              </li>
            );
          })}</ul>
        )}
      </Layout>,
    );
  });

  r.get(`${UNIT}/layanan/${SERVICE}`, 'services.public', async (c) => {
    const unit = await unitOr404(c);
    const db = c.var.deps.db;
    const s = await findServiceByCode(db, unit.id, c.req.param('service') ?? '');
    if (!s || !s.isActive) throw notFound();
    const st = (await publishedStandards(db, [s.id])).get(s.id);
    const v = await pageView(c);
    const comps = st ? componentsOf(st.components) : {};
    const delivery = Object.fromEntries(DELIVERY_KEYS.filter((k) => comps[k]).map((k) => [k, comps[k]]));
    return c.html(
      <Layout v={v} title={`${s.name} · ${unit.shortName}`}>
        <PageHeader title={s.name} lead={unit.name} />
        <PublicNav v={v} unit={unit} current={`${unitHref(unit)}/layanan`} />
        {s.description ? <p>{s.description}</p> : null}
        {st ? (<>
          <p class="muted">{v.t('services.public.standard_basis', { number: st.decreeNumber ?? '—', date: st.effectiveFrom ? v.date(st.effectiveFrom) : '—' })}</p>
          <section class="card"><ComponentList v={v} components={delivery} only="delivery" level={2} /></section>
        </>) : <p class="muted">{v.t('services.public.no_standard')}</p>}
      </Layout>,
    );
  });

  r.get(`${UNIT}/maklumat`, 'services.public', async (c) => {
    const unit = await unitOr404(c);
    const m = await currentMaklumat(c.var.deps.db, unit.id);
    const v = await pageView(c);
    return c.html(
      <Layout v={v} title={`${v.t('services.maklumat.title')} · ${unit.shortName}`}>
        <PageHeader title={v.t('services.maklumat.title')} lead={unit.name} />
        <PublicNav v={v} unit={unit} current={`${unitHref(unit)}/maklumat`} />
        {m ? (
          <section class="card">
            <MaklumatText v={v} m={m} />
            {v.locale === 'en' ? <p class="muted">{v.t('services.public.maklumat_language')}</p> : null}
            <p><a class="button" href={`${unitHref(unit)}/maklumat.pdf`}>{v.t('services.maklumat.pdf')}</a></p>
          </section>
        ) : <p class="muted">{v.t('services.public.no_maklumat')}</p>}
      </Layout>,
    );
  });

  r.get(`${UNIT}/maklumat.pdf`, 'services.public', async (c) => {
    const unit = await unitOr404(c);
    const m = await currentMaklumat(c.var.deps.db, unit.id);
    if (!m) throw notFound();
    return maklumatPdfResponse(c, m, unit.id);
  });

  r.get(`${UNIT}/sop`, 'services.public', async (c) => {
    const unit = await unitOr404(c);
    const db = c.var.deps.db;
    const list = await sopsOf(db, unit.id);
    const services = await listServices(db, unit.id);
    const v = await pageView(c);
    const serviceName = new Map(services.map((s) => [s.id, s.name]));
    return c.html(
      <Layout v={v} title={`${v.t('services.sop.list_title')} · ${unit.shortName}`}>
        <PageHeader title={v.t('services.public.sop_heading')} lead={unit.name} />
        <PublicNav v={v} unit={unit} current={`${unitHref(unit)}/sop`} />
        <ScrollRegion label={v.t('services.public.sop_heading')}><table class="table">
          <caption class="visually-hidden">{v.t('services.public.sop_heading')}</caption>
          <thead><tr><th scope="col">{v.t('services.sop.number')}</th><th scope="col">{v.t('services.sop.title_field')}</th><th scope="col" class="num">{v.t('services.sop.version')}</th><th scope="col">{v.t('services.sop.effective')}</th></tr></thead>
          <tbody>{list.length === 0 ? <tr><td colspan={4} class="table__empty">{v.t('services.public.no_sops')}</td></tr> : list.map((s) => (
            <tr>
              <td data-label={v.t('services.sop.number')}>{s.number}</td>
              <th scope="row" data-label={v.t('services.sop.title_field')}>{s.title}{s.serviceId && serviceName.get(s.serviceId) ? <><br /><span class="muted">{serviceName.get(s.serviceId)}</span></> : null}</th>
              <td class="num" data-label={v.t('services.sop.version')}>{s.version}</td>
              <td data-label={v.t('services.sop.effective')}>{s.effectiveOn ? v.date(s.effectiveOn) : '—'}</td>
            </tr>
          ))}</tbody>
        </table></ScrollRegion>
      </Layout>,
    );
  });
}
