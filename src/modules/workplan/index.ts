// Public surface of the workplan module: pencanangan, Pakta Integritas, Tim Kerja ZI, agen
// perubahan, the Rencana Kerja with its monthly schedule, and monev. Each feature adds its exports here.
import { offer, type ModuleDefinition } from '../../kernel/module.ts';
import { LKE_SUGGESTIONS } from '../assessment/index.ts';
import { PUBLIC_LINKS } from '../portal/index.ts';
import { teamPolicy } from './team.policy.ts';
import { teamMessages } from './team.messages.ts';
import { registerTeamRoutes } from './team.routes.tsx';
import { agentsPolicy } from './agents.policy.ts';
import { agentsMessages } from './agents.messages.ts';
import { registerAgentsRoutes } from './agents.routes.tsx';
import { seedWorkplanTeamDemo } from './workplan.team.seed.ts';
import { planPolicy } from './plan.policy.ts';
import { planMessages } from './plan.messages.ts';
import { registerPlanRoutes } from './plan.routes.tsx';
import { seedWorkplanPlanDemo } from './workplan.plan.seed.ts';
import { paktaPolicy } from './pakta.policy.ts';
import { paktaMessages } from './pakta.messages.ts';
import { registerPaktaRoutes, paktaLoginPrompt } from './pakta.routes.tsx';
import { declarationPolicy } from './declaration.policy.ts';
import { declarationMessages } from './declaration.messages.ts';
import { registerDeclarationRoutes } from './declaration.routes.tsx';
import { declarationPublicLinks } from './declaration.portal.ts';
import { seedWorkplanPaktaDemo } from './workplan.seed.ts';
import { workplanLkeSuggestions } from './lke.suggest.ts';
import { workplanSuggestMessages } from './lke.suggest.messages.ts';
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

// ---- Pakta Integritas and Pencanangan ----
export { paktaPolicy } from './pakta.policy.ts';
export { paktaMessages } from './pakta.messages.ts';
export { registerPaktaRoutes, paktaLoginPrompt } from './pakta.routes.tsx';
export { pactCoverage, hasSigned as hasSignedPakta, yearIn as paktaYearIn, type Coverage as PactCoverage } from './pakta.queries.ts';
export { signPakta } from './pakta.service.ts';
export { CURRENT_PAKTA, CURRENT_PAKTA_HASH } from './pakta.text.ts';
export { declarationPolicy } from './declaration.policy.ts';
export { declarationMessages } from './declaration.messages.ts';
export { registerDeclarationRoutes } from './declaration.routes.tsx';
export { findDeclaration } from './declaration.queries.ts';
export { declarationPublicLinks } from './declaration.portal.ts';
export { seedWorkplanPaktaDemo } from './workplan.seed.ts';
workplanNav.push(
  { href: '/pakta', labelKey: 'nav.pakta', action: 'pakta.sign', group: 'main' },
  { href: '/pencanangan', labelKey: 'nav.declaration', action: 'declaration.manage', group: 'main' },
);
workplanNav.push({ href: '/rencana-kerja', labelKey: 'nav.plan', action: 'workplan.plan.view', group: 'main' });

// the order the navigation shows: the plan first, then who carries it out, then the signatures
const NAV_ORDER = ['/rencana-kerja', '/tim-zi', '/agen-perubahan', '/pakta', '/pencanangan'];
workplanNav.sort((a, b) => NAV_ORDER.indexOf(a.href) - NAV_ORDER.indexOf(b.href));

// ---- the LKE link: work-plan facts as suggested answers on A.I.1.* and A.II.1.* ----
export { workplanLkeSuggestions } from './lke.suggest.ts';
export { workplanSuggestMessages } from './lke.suggest.messages.ts';

/** The work-plan module (manifest; decision 0015): plan and monev, pakta, pencanangan, team, change agents. */
export const workplanModule: ModuleDefinition = {
  name: 'workplan',
  policies: [planPolicy, paktaPolicy, declarationPolicy, teamPolicy, agentsPolicy],
  messages: [planMessages, paktaMessages, declarationMessages, teamMessages, agentsMessages, workplanSuggestMessages],
  nav: workplanNav.map((n) => ({ ...n, section: 'programme' as const })),
  routes: (r) => { registerPlanRoutes(r); registerPaktaRoutes(r); registerDeclarationRoutes(r); registerTeamRoutes(r); registerAgentsRoutes(r); },
  // a login by a person who has not signed this year's pact lands on /pakta
  middleware: [paktaLoginPrompt],
  offers: [offer(LKE_SUGGESTIONS, workplanLkeSuggestions), offer(PUBLIC_LINKS, declarationPublicLinks)],
  seed: async (db, files) => {
    const plan = await seedWorkplanPlanDemo(db, files);
    const pakta = await seedWorkplanPaktaDemo(db, files);
    const team = await seedWorkplanTeamDemo(db, files);
    return plan || pakta || team;
  },
};
