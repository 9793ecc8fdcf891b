// Tim Kerja ZI: who may see and who may change a unit's team.
import type { Policy, Role } from '../../kernel/access.ts';

/** Every role of the unit, TPI evaluators of their assigned units, and the regency roles. */
export const WORKPLAN_VIEWERS: Role[] = [
  'regency_admin', 'regency_viewer', 'unit_head', 'zi_ketua', 'zi_sekretaris', 'zi_coordinator', 'zi_member', 'employee',
  'tpi_evaluator', 'complaint_handler', 'wbs_handler', 'upg_handler', 'ppid_handler',
];

export const teamPolicy: Policy = {
  'workplan.team.view': WORKPLAN_VIEWERS,
  'workplan.team.manage': ['unit_head', 'zi_ketua', 'regency_admin'],
};
