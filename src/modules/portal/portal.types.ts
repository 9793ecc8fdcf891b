// What the public portal asks of the other modules: each offers the public links it has for a unit
// (or for the whole regency) through a source function the composition root hands to the portal
// routes, as the LKE's suggestion sources do. The portal imports none of those modules.
import type { Db } from '../../kernel/db.ts';
import { port } from '../../kernel/module.ts';

/** A unit as the portal names it to the sources (active units only). */
export interface PortalUnit { id: string; code: string; name: string; shortName: string }

/** Where the portal shows a link. */
export type PortalSection =
  /** under one of the unit's services (the link names `service`) */
  | 'services'
  /** the unit's survey forms that are not about one service (SPAK, SPKP) */
  | 'surveys'
  /** complaints, whistleblowing, tracking a report */
  | 'report'
  /** what the unit publishes: service list, maklumat, SOPs, survey results, pencanangan */
  | 'information';

export interface PublicLink {
  section: PortalSection;
  /** the link text: an i18n key of the offering module's catalogue, with its parameters */
  key: string;
  params?: Record<string, string | number>;
  /** a local path that an anonymous visitor may open */
  href: string;
  /** for section 'services': the service the link is about (links are grouped by its code) */
  service?: { code: string; name: string };
}

export interface PublicLinkContext {
  db: Db;
  /** the unit whose page is shown, or null: the regency's page */
  unit: PortalUnit | null;
  /** today in the regency time zone (YYYY-MM-DD), e.g. for "is a survey open" */
  today: string;
}

export type PublicLinkSource = (ctx: PublicLinkContext) => Promise<PublicLink[]>;

/** The port on which modules offer their public links (module manifest, decision 0015). */
export const PUBLIC_LINKS = port<PublicLinkSource>('portal.links');
