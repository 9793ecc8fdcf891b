// Public surface of the portal module: the citizen's way in — /publik (the regency's units and the
// forms for the whole regency) and /publik/unit/:code (a unit's services with their survey forms,
// perception surveys, complaint and whistleblowing forms, and what the unit publishes). Other
// modules offer their public links through PublicLinkSource (wired in main.ts); the portal imports
// none of them.
export { portalPolicy } from './portal.policy.ts';
export { portalMessages } from './portal.messages.ts';
export { registerPortalRoutes, PORTAL_PATH } from './portal.routes.tsx';
export { collectLinks, groupLinks, isLocalPath } from './portal.links.ts';
export type { PortalSection, PortalUnit, PublicLink, PublicLinkContext, PublicLinkSource } from './portal.types.ts';
