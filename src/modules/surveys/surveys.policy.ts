import type { Policy, Role } from '../../kernel/access.ts';

/**
 * Survey results are public once published, so every role of the unit, its TPI evaluators and the
 * regency roles read the staff pages (periods, results, follow-up, report).
 */
const VIEW: Role[] = [
  'regency_admin', 'regency_viewer', 'unit_head', 'zi_ketua', 'zi_sekretaris', 'zi_coordinator', 'zi_member', 'employee',
  'tpi_evaluator', 'complaint_handler', 'wbs_handler', 'upg_handler', 'ppid_handler',
];
/** The unit's ZI leadership, its area coordinators and the regency administrator run the surveys. */
const MANAGE: Role[] = ['unit_head', 'zi_ketua', 'zi_sekretaris', 'zi_coordinator', 'regency_admin'];

export const surveysPolicy: Policy = {
  'surveys.view': VIEW,
  // periods, population, open/close, publication, receipt codes, paper entry and import, follow-up
  'surveys.manage': MANAGE,
};
