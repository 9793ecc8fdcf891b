import type { Policy, Role, RoleGroup } from '../../kernel/access.ts';

/** Everyone who belongs to a unit sees its LKE (transparency inside the unit); the TPI its assigned units. */
const VIEWERS: readonly (Role | RoleGroup)[] = ['regency_admin', 'regency_viewer', 'unit_head', '@zi_team', 'employee', 'tpi_evaluator'];

export const assessmentPolicy: Policy = {
  'lke.view': VIEWERS,
  'lke.create': ['@leaders', 'regency_admin'],
  // the unit's own layer and its evidence; the state machine narrows it further (draft/returned only)
  'lke.answer': ['@zi_team', 'unit_head'],
  'lke.review': ['tpi_evaluator'],
  'lke.transition': ['zi_ketua', 'unit_head', 'tpi_evaluator'],
  'lke.settings': ['zi_ketua', 'zi_sekretaris', 'unit_head', 'tpi_evaluator'],
  'lke.import': ['zi_ketua', 'zi_sekretaris', 'unit_head'],
  'lke.rulesets': VIEWERS,
};
