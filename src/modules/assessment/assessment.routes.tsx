// LKE pages: worksheets list, create/clone, overview with live scores and review states, the
// item-by-item worksheet (autosave with JS, plain posts without), item detail with evidence, TPI
// review side by side, verdict with "what would it take", settings, XLSX export/import, LHE PDF.
// Each area registers its routes from its own file; their pages are in the *.pages.tsx files, their
// reads in worksheet.queries.ts, their use cases in the services.
import type { Router } from '../../kernel/http.tsx';
import { registerItemRoutes } from './items.routes.tsx';
import type { LkeWiring } from './lke.http.ts';
import type { LkeSuggestionSource } from './lke.suggest.ts';
import { registerReviewRoutes } from './review.routes.tsx';
import { registerSuggestRoutes } from './suggest.routes.tsx';
import { registerWorksheetRoutes } from './worksheet.routes.tsx';

export interface AssessmentRouteOptions {
  /** modules that offer suggested answers from their facts (wired by the composition root) */
  suggestions?: readonly LkeSuggestionSource[];
}

export function registerAssessmentRoutes(r: Router, opts: AssessmentRouteOptions = {}) {
  const wiring: LkeWiring = { sources: opts.suggestions ?? [] };
  registerWorksheetRoutes(r, wiring);
  registerItemRoutes(r, wiring);
  registerSuggestRoutes(r, wiring);
  registerReviewRoutes(r);
}
