// Public surface of the gratification-control module (pengendalian gratifikasi, UPG): employees'
// reports of gifts received or refused under the KPK rules valid on the date of receipt (Perkom KPK
// 2/2019, amended by 1/2026), the UPG workflow to KPK with working-day deadlines, custody of
// deposited items, the KPK export, campaign materials, periodic UPG reports and the facts offered
// to the LKE (A.I.5.i).
import { offer, TASKS, type ModuleDefinition } from '../../kernel/module.ts';
import { LKE_SUGGESTIONS } from '../assessment/index.ts';
import { gratificationPolicy } from './gratification.policy.ts';
import { gratificationMessages } from './gratification.messages.ts';
import { registerGratificationRoutes } from './gratification.routes.tsx';
import { seedGratificationDemo } from './gratification.seed.ts';
import { gratificationLkeSuggestions } from './gratification.suggest.ts';
import { gratificationTasks } from './gratification.queries.ts';
import type { NavItem } from '../../kernel/ui/view.ts';

export { gratificationPolicy } from './gratification.policy.ts';
export { gratificationMessages } from './gratification.messages.ts';
export { registerGratificationRoutes } from './gratification.routes.tsx';
export { seedGratificationDemo } from './gratification.seed.ts';
export { gratificationLkeSuggestions } from './gratification.suggest.ts';
export { gratificationTasks } from './gratification.queries.ts';

export const gratificationNav: NavItem[] = [
  { href: '/gratifikasi', labelKey: 'nav.gratification', action: 'gratification.report', group: 'main' },
];

/** The gratification module (manifest; decision 0015). */
export const gratificationModule: ModuleDefinition = {
  name: 'gratification',
  // the gratification control unit (UPG)
  roles: [{ name: 'upg_handler', scope: 'unit', label: 'role.upg_handler' }],
  policies: [gratificationPolicy],
  messages: [gratificationMessages],
  nav: gratificationNav.map((n) => ({ ...n, section: 'supervision' as const })),
  routes: (r) => registerGratificationRoutes(r),
  offers: [offer(TASKS, gratificationTasks), offer(LKE_SUGGESTIONS, gratificationLkeSuggestions)],
  seed: seedGratificationDemo,
};
