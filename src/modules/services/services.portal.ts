// The services module's links on the public portal: each active service's public page (under the
// service), and the unit's service list, maklumat (when one is published) and SOPs (when any is
// active). Nothing for the regency's own page.
import type { PublicLink, PublicLinkSource } from '../portal/index.ts';
import { currentMaklumat, listServices, sopsOf } from './services.queries.ts';

export const servicesPublicLinks: PublicLinkSource = async ({ db, unit }) => {
  if (!unit) return [];
  const base = `/publik/unit/${encodeURIComponent(unit.code)}`;
  const [list, maklumat, sops] = await Promise.all([listServices(db, unit.id), currentMaklumat(db, unit.id), sopsOf(db, unit.id)]);
  const links: PublicLink[] = list.map((s) => ({
    section: 'services', service: { code: s.code, name: s.name }, key: 'services.standard.title', href: `${base}/layanan/${encodeURIComponent(s.code)}`,
  }));
  if (list.length) links.push({ section: 'information', key: 'services.public.services_heading', href: `${base}/layanan` });
  if (maklumat) links.push({ section: 'information', key: 'services.maklumat.title', href: `${base}/maklumat` });
  if (sops.length) links.push({ section: 'information', key: 'services.public.sop_heading', href: `${base}/sop` });
  return links;
};
