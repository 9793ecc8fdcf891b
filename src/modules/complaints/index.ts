// Public surface of the complaints module (pengaduan masyarakat): public intake with tracking codes,
// staff entry for other channels, handling with SLAs in working days, SP4N-LAPOR! import,
// statistics and report, and the facts offered to the LKE (A.II.5.ii and related items).
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
export { complaintsTasks } from './complaints.service.ts';

export const complaintsNav: NavItem[] = [
  { href: '/pengaduan/kelola', labelKey: 'nav.complaints', action: 'complaints.stats', group: 'main' },
];
