// The pencanangan's link on the public portal: the unit's public declaration page, when the unit
// has recorded a declaration and made it public.
import type { PublicLinkSource } from '../portal/index.ts';
import { findDeclaration } from './declaration.queries.ts';

export const declarationPublicPath = (unitCode: string) => `/publik/unit/${encodeURIComponent(unitCode)}/pencanangan`;

export const declarationPublicLinks: PublicLinkSource = async ({ db, unit }) => {
  if (!unit) return [];
  const d = await findDeclaration(db, unit.id);
  return d && d.isPublic ? [{ section: 'information', key: 'declaration.public.heading', href: declarationPublicPath(unit.code) }] : [];
};
