// Public surface of the conflict-of-interest module (pengelolaan konflik kepentingan, PermenPANRB
// 17/2024): the map of conflict-of-interest risks in the unit's main functions, socialisation
// records, periodic and ad-hoc declarations, the superior's review and mitigation with follow-up,
// evaluations — the five steps LKE A.I.5.v scores — and the facts offered to the LKE.
import { offer, TASKS, type ModuleDefinition } from '../../kernel/module.ts';
import { LKE_SUGGESTIONS } from '../assessment/index.ts';
import { coiPolicy } from './coi.policy.ts';
import { coiMessages } from './coi.messages.ts';
import { registerCoiRoutes } from './coi.routes.tsx';
import { seedCoiDemo } from './coi.seed.ts';
import { coiLkeSuggestions } from './coi.suggest.ts';
import { coiTasks } from './coi.tasks.ts';
import type { NavItem } from '../../kernel/ui/view.ts';

export { coiPolicy } from './coi.policy.ts';
export { coiMessages } from './coi.messages.ts';
export { registerCoiRoutes } from './coi.routes.tsx';
export { seedCoiDemo } from './coi.seed.ts';
export { coiLkeSuggestions } from './coi.suggest.ts';
/** Home-page tasks (declarations to review, overdue mitigations, one's own periodic declaration); the composition root wires it. */
export { coiTasks } from './coi.tasks.ts';

export const coiNav: NavItem[] = [
  { href: '/konflik-kepentingan', labelKey: 'nav.coi', action: 'coi.declare', group: 'main' },
];

/** The conflict-of-interest module (manifest; decision 0015). */
export const coiModule: ModuleDefinition = {
  name: 'coi',
  policies: [coiPolicy],
  messages: [coiMessages],
  nav: coiNav.map((n) => ({ ...n, section: 'supervision' as const })),
  routes: (r) => registerCoiRoutes(r),
  offers: [offer(TASKS, coiTasks), offer(LKE_SUGGESTIONS, coiLkeSuggestions)],
  seed: seedCoiDemo,
};
