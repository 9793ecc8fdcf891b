import type { Policy, Role, RoleGroup } from '../../kernel/access.ts';

/**
 * Survey results are public once published, so every role of the unit, its TPI evaluators and the
 * regency roles read the staff pages (periods, results, follow-up, report).
 */
const VIEW: readonly RoleGroup[] = ['@members'];
/** The unit's ZI leadership, its area coordinators and the regency administrator run the surveys. */
const MANAGE: readonly (Role | RoleGroup)[] = ['@leaders', 'zi_coordinator', 'regency_admin'];

export const surveysPolicy: Policy = {
  'surveys.view': VIEW,
  // periods, population, open/close, publication, receipt codes, paper entry and import, follow-up
  'surveys.manage': MANAGE,
};
