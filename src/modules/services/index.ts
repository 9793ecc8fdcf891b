// Public surface of the services module: the unit's service catalogue, standar pelayanan (versioned,
// 14 components), public consultations and reviews, maklumat pelayanan, the SOP register, the public
// pages of a unit's services, and the facts offered to the LKE (A.I.6.i.*, A.I.2.i.*).
import type { ModuleDefinition } from '../../kernel/module.ts';
import { offer } from '../../kernel/module.ts';
import { LKE_SUGGESTIONS } from '../assessment/index.ts';
import { PUBLIC_LINKS } from '../portal/index.ts';
import { servicesPolicy } from './services.policy.ts';
import { servicesMessages } from './services.messages.ts';
import { registerServicesRoutes } from './services.routes.tsx';
import { seedServicesDemo } from './services.seed.ts';
import { servicesLkeSuggestions } from './services.suggest.ts';
import { servicesPublicLinks } from './services.portal.ts';
import type { NavItem } from '../../kernel/ui/view.ts';

export { servicesPolicy, canManage as canManageServices } from './services.policy.ts';
export { servicesMessages } from './services.messages.ts';
export { registerServicesRoutes } from './services.routes.tsx';
export { seedServicesDemo } from './services.seed.ts';
export { servicesLkeSuggestions } from './services.suggest.ts';
// the unit's service pages, maklumat and SOPs as links on the public portal
export { servicesPublicLinks } from './services.portal.ts';
// for other modules (surveys): a unit's active services in catalogue order, and one by its code
export { listServices, findServiceByCode, type ServiceRow } from './services.queries.ts';

export const servicesNav: NavItem[] = [
  { href: '/layanan', labelKey: 'nav.services', action: 'services.view', group: 'main' },
];

/** The services module (manifest; decision 0015). */
export const servicesModule: ModuleDefinition = {
  name: 'services',
  policies: [servicesPolicy],
  messages: [servicesMessages],
  nav: servicesNav.map((n) => ({ ...n, section: 'services' as const })),
  routes: (r) => registerServicesRoutes(r),
  offers: [offer(LKE_SUGGESTIONS, servicesLkeSuggestions), offer(PUBLIC_LINKS, servicesPublicLinks)],
  seed: seedServicesDemo,
};
