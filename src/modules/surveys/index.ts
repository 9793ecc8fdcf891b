// Public surface of the surveys module: SKM (PermenPANRB 14/2017) and the perception surveys SPAK →
// IPAK and SPKP → IPKP: periods, questionnaires as data, public forms, results, follow-up, reports,
// the `skm compute` command, and the facts offered to the LKE (B.I.a, B.II.a, A.I.6.*).
import { offer, type ModuleDefinition } from '../../kernel/module.ts';
import { LKE_SUGGESTIONS } from '../assessment/index.ts';
import { PUBLIC_LINKS } from '../portal/index.ts';
import { surveysPolicy } from './surveys.policy.ts';
import { surveysMessages } from './surveys.messages.ts';
import { registerSurveysRoutes } from './surveys.routes.tsx';
import { seedSurveysDemo } from './surveys.seed.ts';
import { surveysLkeSuggestions } from './surveys.suggest.ts';
import { surveyPublicPolicy } from './public.policy.ts';
import { surveyPublicMessages } from './public.messages.ts';
import { registerSurveyPublicRoutes } from './public.routes.tsx';
import { forgetOldSurveyKeys } from './public.service.ts';
import { surveysPublicLinks } from './public.portal.ts';
import type { NavItem } from '../../kernel/ui/view.ts';

// ---- the rules and questionnaires as data (stable contract: see the header of surveys.rules.ts) ----
export { getInstrument, findInstrument, listInstruments, instrumentFor, type Instrument, type InstrumentItem, type InstrumentKind, type SkmBand } from './instruments.ts';
export {
  computeSkm, skmFromNrr, skmBand, perceptionIndex, perceptionFromNrr, convertToIndex, validateResponse, krejcieMorgan, krejcieMorganFormula,
  meetsMinimum, weakestItems, roundTo, PERCEPTION, SKM_INSTRUMENT_ID,
  type SkmResult, type SkmOptions, type SkmUnsur, type Mutu, type PerceptionResult, type ValidationResult,
} from './surveys.rules.ts';
export { hashCode, normaliseCode } from './surveys.codes.ts';

// ---- periods, results, follow-up, reports, import, CLI, LKE facts ----
export { surveysPolicy } from './surveys.policy.ts';
export { surveysMessages } from './surveys.messages.ts';
export { registerSurveysRoutes } from './surveys.routes.tsx';
export { seedSurveysDemo } from './surveys.seed.ts';
export { surveysLkeSuggestions } from './surveys.suggest.ts';
export { periodResults, type PeriodResults, type GroupResult } from './surveys.queries.ts';
export { hashCode as hashReceiptCode, MAX_CODES_PER_BATCH } from './surveys.codes.ts';
export { indexThresholds } from './surveys.thresholds.ts';

// ---- the public forms (SKM, SPAK, SPKP), abuse resistance, QR posters, public results ----
export { surveyPublicPolicy } from './public.policy.ts';
export { surveyPublicMessages } from './public.messages.ts';
export { registerSurveyPublicRoutes } from './public.routes.tsx';
// the open forms (by short link) and the published results as links on the public portal
export { surveysPublicLinks } from './public.portal.ts';

export const surveysNav: NavItem[] = [
  { href: '/survei', labelKey: 'nav.surveys', action: 'surveys.view', group: 'main' },
];

/** The surveys module (manifest; decision 0015): staff pages and the public forms. */
export const surveysModule: ModuleDefinition = {
  name: 'surveys',
  policies: [surveysPolicy, surveyPublicPolicy],
  messages: [surveysMessages, surveyPublicMessages],
  nav: surveysNav.map((n) => ({ ...n, section: 'services' as const })),
  routes: (r) => { registerSurveysRoutes(r); registerSurveyPublicRoutes(r); },
  offers: [offer(LKE_SUGGESTIONS, surveysLkeSuggestions), offer(PUBLIC_LINKS, surveysPublicLinks)],
  seed: (db) => seedSurveysDemo(db),
  // spent form stamps and duplicate keys from before yesterday are forgotten (submissions also do it)
  jobs: [{ name: 'survey keys', every: 'hour', run: (ctx) => forgetOldSurveyKeys(ctx.db, ctx.now) }],
};
