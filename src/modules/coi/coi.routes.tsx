// Pages of the conflict-of-interest module under /konflik-kepentingan. Every signed-in employee:
// their own declarations (periodic and ad hoc), the surat pernyataan PDF, and — when named as the
// superior or heading the unit — the review, mitigation and follow-up (declarations.routes.tsx).
// Managers (coi.manage): the risk map, socialisation and evaluation records, the reminder list and
// the register (no conflict content). Stats roles: the summary of the five LKE steps and the year's
// report, counts only (manager.routes.tsx).
import type { Router } from '../../kernel/http.tsx';
import { registerDeclarationRoutes } from './declarations.routes.tsx';
import { registerManagerRoutes } from './manager.routes.tsx';

export function registerCoiRoutes(r: Router): void {
  registerDeclarationRoutes(r);
  registerManagerRoutes(r);
}
