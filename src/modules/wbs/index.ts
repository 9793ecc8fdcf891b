// Public surface of the whistleblowing module (WBS): anonymous reports encrypted per report,
// receipts, handler messages, exclusions, two-person identity disclosure, retention, and
// content-free statistics offered to the LKE (A.I.5.iv). Decision 0010.
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
