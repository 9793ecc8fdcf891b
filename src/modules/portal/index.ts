// Public surface of the portal module: the citizen's way in — /publik (the regency's units and the
// forms for the whole regency) and /publik/unit/:code (a unit's services with their survey forms,
// perception surveys, complaint and whistleblowing forms, and what the unit publishes). Other
// modules offer their public links through PublicLinkSource (wired in main.ts); the portal imports
// none of them.
import type { ModuleDefinition } from '../../kernel/module.ts';
import { anonymousRoot } from '../../kernel/kernel.routes.tsx';
import { portalPolicy } from './portal.policy.ts';
import { portalMessages } from './portal.messages.ts';
import { registerPortalRoutes, PORTAL_PATH } from './portal.routes.tsx';
import { PUBLIC_LINKS } from './portal.types.ts';
export { portalPolicy } from './portal.policy.ts';
export { portalMessages } from './portal.messages.ts';
export { registerPortalRoutes, PORTAL_PATH } from './portal.routes.tsx';
export { collectLinks, groupLinks, isLocalPath } from './portal.links.ts';
export type { PortalSection, PortalUnit, PublicLink, PublicLinkContext, PublicLinkSource } from './portal.types.ts';

export { PUBLIC_LINKS } from './portal.types.ts';

/** The portal module (manifest; decision 0015): it reads the public links offered on PUBLIC_LINKS. */
export const portalModule: ModuleDefinition = {
  name: 'portal',
  // the public information officer (PPID), until a PPID module owns it
  roles: [{ name: 'ppid_handler', scope: 'unit', label: 'role.ppid_handler' }],
  policies: [portalPolicy],
  messages: [portalMessages],
  routes: (r, wiring) => registerPortalRoutes(r, { sources: wiring.offered(PUBLIC_LINKS) }),
  // an anonymous visitor's root is the public portal; the login page links to it
  middleware: [anonymousRoot(PORTAL_PATH)],
};
