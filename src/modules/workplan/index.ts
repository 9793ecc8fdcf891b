// Public surface of the workplan module: pencanangan, Pakta Integritas, Tim Kerja ZI, agen
// perubahan, the Rencana Kerja with its monthly schedule, and monev. Each feature adds its exports here.
import type { NavItem } from '../../kernel/ui/view.ts';

export const workplanNav: NavItem[] = [];

// ---- Tim Kerja ZI and agen perubahan ----
export { teamPolicy } from './team.policy.ts';
export { teamMessages } from './team.messages.ts';
export { registerTeamRoutes } from './team.routes.tsx';
export { teamFacts, type TeamFacts } from './team.queries.ts';
export { agentsPolicy } from './agents.policy.ts';
export { agentsMessages } from './agents.messages.ts';
export { registerAgentsRoutes } from './agents.routes.tsx';
export { changeAgentInputs, type ChangeAgentInputs } from './agents.queries.ts';
export { seedWorkplanTeamDemo } from './workplan.team.seed.ts';
workplanNav.push(
  { href: '/tim-zi', labelKey: 'nav.team', action: 'workplan.team.view', group: 'main' },
  { href: '/agen-perubahan', labelKey: 'nav.agents', action: 'workplan.agents.view', group: 'main' },
);

// ---- Rencana Kerja (work plan with its monthly schedule and decree) ----
export { planPolicy } from './plan.policy.ts';
export { planMessages } from './plan.messages.ts';
export { registerPlanRoutes } from './plan.routes.tsx';
export { listPlanTemplates, getPlanTemplate, type PlanTemplate } from './plan.service.ts';
export { seedWorkplanPlanDemo } from './workplan.plan.seed.ts';
