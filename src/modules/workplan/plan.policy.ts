import type { Policy, Role } from '../../kernel/access.ts';

/** Every unit role, the unit's TPI evaluators and the regency roles see the unit's Rencana Kerja. */
const VIEW: Role[] = [
  'regency_admin', 'regency_viewer', 'unit_head', 'zi_ketua', 'zi_sekretaris', 'zi_coordinator', 'zi_member', 'employee',
  'tpi_evaluator', 'complaint_handler', 'wbs_handler', 'upg_handler', 'ppid_handler',
];
/** The unit's leadership of the ZI programme and the regency administrator change it. */
const EDIT: Role[] = ['unit_head', 'zi_ketua', 'zi_sekretaris', 'regency_admin'];

export const planPolicy: Policy = {
  'workplan.plan.view': VIEW,
  'workplan.plan.edit': EDIT,
  // monev: the plan's editors and the area coordinators and members who carry the activities out
  'workplan.plan.monev': [...EDIT, 'zi_coordinator', 'zi_member'],
};
