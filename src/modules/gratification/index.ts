// Public surface of the gratification-control module (pengendalian gratifikasi, UPG): employees'
// reports of gifts received or refused under the KPK rules valid on the date of receipt (Perkom KPK
// 2/2019, amended by 1/2026), the UPG workflow to KPK with working-day deadlines, custody of
// deposited items, the KPK export, campaign materials, periodic UPG reports and the facts offered
// to the LKE (A.I.5.i).
import type { NavItem } from '../../kernel/ui/view.ts';

export { gratificationPolicy } from './gratification.policy.ts';
export { gratificationMessages } from './gratification.messages.ts';
export { registerGratificationRoutes } from './gratification.routes.tsx';
export { seedGratificationDemo } from './gratification.seed.ts';
export { gratificationLkeSuggestions } from './gratification.suggest.ts';
export { gratificationTasks } from './gratification.tasks.ts';

export const gratificationNav: NavItem[] = [
  { href: '/gratifikasi', labelKey: 'nav.gratification', action: 'gratification.report', group: 'main' },
];
