import type { Policy, Role } from '../../kernel/access.ts';

/**
 * Viewing and downloading: every role of the unit the evidence belongs to, TPI evaluators of their
 * assigned units, and the regency roles. The scope of each grant limits which units that is.
 */
const VIEWERS: Role[] = [
  'regency_admin', 'regency_viewer', 'unit_head', 'zi_ketua', 'zi_sekretaris', 'zi_coordinator', 'zi_member', 'employee',
  'tpi_evaluator', 'complaint_handler', 'wbs_handler', 'upg_handler', 'ppid_handler',
];

/** Uploading, attaching and detaching: the unit's leadership and ZI work team, and the regency admin. */
const MANAGERS: Role[] = ['zi_ketua', 'zi_sekretaris', 'zi_coordinator', 'zi_member', 'unit_head', 'regency_admin'];

export const evidencePolicy: Policy = {
  'evidence.view': VIEWERS,
  'evidence.manage': MANAGERS,
};
