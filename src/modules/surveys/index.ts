// Public surface of the surveys module: SKM (PermenPANRB 14/2017) and the perception surveys SPAK →
// IPAK and SPKP → IPKP: periods, questionnaires as data, public forms, results, follow-up, reports,
// the `skm compute` command, and the facts offered to the LKE (B.I.a, B.II.a, A.I.6.*).
import type { NavItem } from '../../kernel/ui/view.ts';

// ---- periods, results, follow-up, reports, import, CLI, LKE facts ----
export { surveysPolicy } from './surveys.policy.ts';
export { surveysMessages } from './surveys.messages.ts';
export { registerSurveysRoutes } from './surveys.routes.tsx';
export { seedSurveysDemo } from './surveys.seed.ts';
export { surveysLkeSuggestions } from './surveys.suggest.ts';

// ---- the public forms (SKM, SPAK, SPKP), abuse resistance, QR posters, public results ----
export { surveyPublicPolicy } from './public.policy.ts';
export { surveyPublicMessages } from './public.messages.ts';
export { registerSurveyPublicRoutes } from './public.routes.tsx';

export const surveysNav: NavItem[] = [];
