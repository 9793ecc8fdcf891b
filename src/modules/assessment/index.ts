// Public surface of the assessment module: LKE rule sets (versioned data), worksheets with answers
// per layer (unit, TPI, TPN), scoring, the WBK/WBBM verdict, review states, XLSX and LHE documents.
import { offer, TASKS, type ModuleDefinition } from '../../kernel/module.ts';
import { assessmentPolicy } from './assessment.policy.ts';
import { assessmentMessages } from './assessment.messages.ts';
import { registerAssessmentRoutes } from './assessment.routes.tsx';
import { seedAssessmentDemo } from './assessment.seed.ts';
import { assessmentTasks } from './assessment.tasks.ts';
import { LKE_SUGGESTIONS } from './lke.suggest.ts';
export { assessmentPolicy } from './assessment.policy.ts';
export { assessmentMessages } from './assessment.messages.ts';
export { registerAssessmentRoutes } from './assessment.routes.tsx';
export { seedAssessmentDemo } from './assessment.seed.ts';
export { assessmentTasks } from './assessment.tasks.ts';
export { scoreDocument, type ScoreOutput } from './lke.score.ts';
export { findRuleSet, getRuleSet, listRuleSets } from './lke.ruleset.ts';
export { scoreAnswers, judge, whatWouldItTake, parseAnswers } from './lke.rules.ts';
export type { RuleSet, Answers, ScoreResult } from './lke.types.ts';
import type { NavItem } from '../../kernel/ui/view.ts';

export const assessmentNav: NavItem[] = [
  { href: '/lke', labelKey: 'nav.lke', action: 'lke.view', group: 'main' },
];
// suggested answers: other modules offer them through a source function wired in main.ts
export type { LkeSuggestion, LkeSuggestionSource, SuggestionContext, SuggestionEvidence, SuggestionFact } from './lke.suggest.ts';
export type { AssessmentRouteOptions } from './assessment.routes.tsx';

export { LKE_SUGGESTIONS } from './lke.suggest.ts';

/** The assessment module (manifest; decision 0015): it reads the suggested answers offered on LKE_SUGGESTIONS. */
export const assessmentModule: ModuleDefinition = {
  name: 'assessment',
  // the Inspektorat's evaluator (TPI), granted per unit it evaluates
  roles: [{ name: 'tpi_evaluator', scope: 'unit', label: 'role.tpi_evaluator' }],
  policies: [assessmentPolicy],
  messages: [assessmentMessages],
  nav: assessmentNav,
  routes: (r, wiring) => registerAssessmentRoutes(r, { suggestions: wiring.offered(LKE_SUGGESTIONS) }),
  offers: [offer(TASKS, assessmentTasks)],
  seed: seedAssessmentDemo,
};
