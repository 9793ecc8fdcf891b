// Public surface of the complaints module (pengaduan masyarakat): public intake with tracking codes,
// staff entry for other channels, handling with SLAs in working days, SP4N-LAPOR! import,
// statistics and report, and the facts offered to the LKE (A.II.5.ii and related items).
import { offer, TASKS, type ModuleDefinition } from '../../kernel/module.ts';
import { LKE_SUGGESTIONS } from '../assessment/index.ts';
import { PUBLIC_LINKS } from '../portal/index.ts';
import { complaintsPolicy } from './complaints.policy.ts';
import { complaintsMessages } from './complaints.messages.ts';
import { registerComplaintsRoutes } from './complaints.routes.tsx';
import { seedComplaintsDemo } from './complaints.seed.ts';
import { complaintsLkeSuggestions } from './complaints.suggest.ts';
import { complaintsPublicLinks } from './complaints.portal.ts';
import { complaintsTasks } from './complaints.queries.ts';
import { sendComplaintReminders } from './complaints.service.ts';
import type { NavItem } from '../../kernel/ui/view.ts';

export { complaintsPolicy } from './complaints.policy.ts';
export { complaintsMessages } from './complaints.messages.ts';
export { registerComplaintsRoutes } from './complaints.routes.tsx';
export { seedComplaintsDemo } from './complaints.seed.ts';
export { complaintsLkeSuggestions } from './complaints.suggest.ts';
/** The complaint form and tracking page as links on the public portal. */
export { complaintsPublicLinks } from './complaints.portal.ts';
/** Reminders for complaints nearing or past their deadline: the composition root's timer calls it. */
export { sendComplaintReminders } from './complaints.service.ts';
/** What waits for a complaint handler, for the home page. */
export { complaintsTasks } from './complaints.queries.ts';

export const complaintsNav: NavItem[] = [
  { href: '/pengaduan/kelola', labelKey: 'complaints.nav', action: 'complaints.stats', group: 'main' },
];

/** The complaints module (manifest; decision 0015). */
export const complaintsModule: ModuleDefinition = {
  name: 'complaints',
  roles: [{ name: 'complaint_handler', scope: 'unit', label: 'role.complaint_handler' }],
  policies: [complaintsPolicy],
  messages: [complaintsMessages],
  nav: complaintsNav.map((n) => ({ ...n, section: 'supervision' as const })),
  routes: (r) => registerComplaintsRoutes(r),
  offers: [offer(TASKS, complaintsTasks), offer(LKE_SUGGESTIONS, complaintsLkeSuggestions), offer(PUBLIC_LINKS, complaintsPublicLinks)],
  seed: seedComplaintsDemo,
  // reminders for complaints nearing or past their deadline
  jobs: [{ name: 'complaint reminders', every: 'hour', run: (ctx) => sendComplaintReminders(ctx.db, ctx.emailEnabled) }],
};
