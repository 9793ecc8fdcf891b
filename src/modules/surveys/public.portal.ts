// The surveys module's links on the public portal: while the unit's SKM period is open, each active
// service's form (/s/:unit/:service) under that service; while SPAK / SPKP is open, its form
// (/s/:unit/ipak, /s/:unit/ipkp); and the published results when any period is published.
import type { PublicLink, PublicLinkSource } from '../portal/index.ts';
import { listServices } from '../services/index.ts';
import { findOpenPeriod, publishedPeriods } from './public.queries.ts';
import { resultsPath } from './public.routes.tsx';

const formHref = (unitCode: string, segment: string) => `/s/${encodeURIComponent(unitCode)}/${encodeURIComponent(segment)}`;

export const surveysPublicLinks: PublicLinkSource = async ({ db, unit, today }) => {
  if (!unit) return [];
  const [skm, spak, spkp, published] = await Promise.all([
    findOpenPeriod(db, unit.id, 'skm', today), findOpenPeriod(db, unit.id, 'spak', today), findOpenPeriod(db, unit.id, 'spkp', today), publishedPeriods(db, unit.id),
  ]);
  const links: PublicLink[] = [];
  if (skm) {
    for (const s of await listServices(db, unit.id)) {
      links.push({ section: 'services', service: { code: s.code, name: s.name }, key: 'survey.public.kind.skm', href: formHref(unit.code, s.code) });
    }
  }
  if (spak) links.push({ section: 'surveys', key: 'survey.public.kind.spak', href: formHref(unit.code, 'ipak') });
  if (spkp) links.push({ section: 'surveys', key: 'survey.public.kind.spkp', href: formHref(unit.code, 'ipkp') });
  if (published.length) links.push({ section: 'information', key: 'survey.public.unit_page_link', href: resultsPath(unit.code) });
  return links;
};
