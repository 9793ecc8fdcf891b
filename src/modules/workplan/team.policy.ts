// Tim Kerja ZI: who may see and who may change a unit's team.
import type { Policy, Role, RoleGroup } from '../../kernel/access.ts';

/** Every role of the unit, TPI evaluators of their assigned units, and the regency roles. */
export const WORKPLAN_VIEWERS: readonly (Role | RoleGroup)[] = ['@members'];

export const teamPolicy: Policy = {
  'workplan.team.view': WORKPLAN_VIEWERS,
  'workplan.team.manage': ['unit_head', 'zi_ketua', 'regency_admin'],
};
