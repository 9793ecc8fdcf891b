// Gathering the modules' public links (pure apart from calling the sources): every source is asked,
// a failing source is skipped (the page still shows the others), only local paths are kept, and
// the links are grouped by section and, under 'services', by service in the order first offered.
import type { PortalSection, PublicLink, PublicLinkContext, PublicLinkSource } from './portal.types.ts';

export interface ServiceLinks { code: string; name: string; links: PublicLink[] }
export interface GroupedLinks { services: ServiceLinks[]; surveys: PublicLink[]; report: PublicLink[]; information: PublicLink[] }

const SECTIONS: readonly PortalSection[] = ['services', 'surveys', 'report', 'information'];

/** A path on this site: starts with one slash, no scheme, no backslash or control characters. */
export function isLocalPath(href: string): boolean {
  return /^\/(?![/\\])[^\s\\]*$/.test(href) && !/[\u0000-\u001f\u007f]/.test(href);
}

export async function collectLinks(sources: readonly PublicLinkSource[], ctx: PublicLinkContext, onError: (err: unknown) => void): Promise<PublicLink[]> {
  const offered = await Promise.all(sources.map((s) => s(ctx).catch((err) => { onError(err); return [] as PublicLink[]; })));
  return offered.flat().filter((l) => SECTIONS.includes(l.section) && isLocalPath(l.href));
}

export function groupLinks(links: readonly PublicLink[]): GroupedLinks {
  const out: GroupedLinks = { services: [], surveys: [], report: [], information: [] };
  const byService = new Map<string, ServiceLinks>();
  const seen = new Set<string>();
  for (const l of links) {
    if (seen.has(`${l.section} ${l.href}`)) continue;
    seen.add(`${l.section} ${l.href}`);
    if (l.section !== 'services') { out[l.section].push(l); continue; }
    if (!l.service) { out.information.push(l); continue; }
    const key = l.service.code.toLowerCase();
    let s = byService.get(key);
    if (!s) { s = { code: l.service.code, name: l.service.name, links: [] }; byService.set(key, s); out.services.push(s); }
    s.links.push(l);
  }
  return out;
}
