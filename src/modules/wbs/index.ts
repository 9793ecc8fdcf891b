// Public surface of the whistleblowing module (WBS): anonymous reports encrypted per report,
// receipts, handler messages, exclusions, two-person identity disclosure, retention, and
// content-free statistics offered to the LKE (A.I.5.iv). Decision 0010.
import { offer, TASKS, type ModuleDefinition } from '../../kernel/module.ts';
import { LKE_SUGGESTIONS } from '../assessment/index.ts';
import { PUBLIC_LINKS } from '../portal/index.ts';
import { wbsPolicy } from './wbs.policy.ts';
import { wbsMessages } from './wbs.messages.ts';
import { registerWbsRoutes } from './wbs.routes.tsx';
import { seedWbsDemo } from './wbs.seed.ts';
import { wbsLkeSuggestions } from './wbs.suggest.ts';
import { wbsPublicLinks } from './wbs.portal.ts';
import { wbsTasks } from './wbs.tasks.ts';
import { purgeExpiredWbsReports } from './wbs.service.ts';
import type { NavItem } from '../../kernel/ui/view.ts';

export { wbsPolicy } from './wbs.policy.ts';
export { wbsMessages } from './wbs.messages.ts';
export { registerWbsRoutes } from './wbs.routes.tsx';
export { seedWbsDemo } from './wbs.seed.ts';
export { wbsLkeSuggestions } from './wbs.suggest.ts';
/** The WBS pages as links on the public portal. */
export { wbsPublicLinks } from './wbs.portal.ts';
export { wbsTasks } from './wbs.tasks.ts';
/** Deletes the content of reports past their retention: the server's timer calls it (daily is enough). */
export { purgeExpiredWbsReports, wbsPasswordListener } from './wbs.service.ts';

export const wbsNav: NavItem[] = [
  { href: '/wbs/kelola', labelKey: 'nav.wbs', action: 'wbs.handle', group: 'main' },
  { href: '/wbs/admin', labelKey: 'nav.wbs_admin', action: 'wbs.admin', group: 'admin' },
];

/** The WBS module (manifest; decision 0015). */
export const wbsModule: ModuleDefinition = {
  name: 'wbs',
  roles: [{ name: 'wbs_handler', scope: 'unit', label: 'role.wbs_handler' }],
  policies: [wbsPolicy],
  messages: [wbsMessages],
  nav: wbsNav.map((n) => (n.group === 'main' ? { ...n, section: 'supervision' as const } : n)),
  routes: (r) => registerWbsRoutes(r),
  offers: [offer(TASKS, wbsTasks), offer(LKE_SUGGESTIONS, wbsLkeSuggestions), offer(PUBLIC_LINKS, wbsPublicLinks)],
  seed: seedWbsDemo,
  // the content of reports past their retention is deleted (daily is enough; hourly is cheap)
  jobs: [{ name: 'WBS retention', every: 'hour', run: (ctx) => purgeExpiredWbsReports(ctx.db, ctx.files, ctx.today) }],
};
