import type { Policy, Role, RoleGroup } from '../../kernel/access.ts';

/** Every unit role, the unit's TPI evaluators and the regency roles see the unit's Rencana Kerja. */
const VIEW: readonly RoleGroup[] = ['@members'];
/** The unit's leadership of the ZI programme and the regency administrator change it. */
const EDIT: readonly (Role | RoleGroup)[] = ['@leaders', 'regency_admin'];

export const planPolicy: Policy = {
  'workplan.plan.view': VIEW,
  'workplan.plan.edit': EDIT,
  // monev: the plan's editors and the area coordinators and members who carry the activities out
  'workplan.plan.monev': [...EDIT, 'zi_coordinator', 'zi_member'],
};
