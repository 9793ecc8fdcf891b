import type { Policy } from '../../kernel/access.ts';

// Who sees what: every signed-in employee reports gifts and sees only their own reports; the UPG of a
// unit handles that unit's reports (and its sub-units'); the regency administrator everywhere. The
// unit head, ZI leadership, the regency viewer and the TPI evaluator see counts only (no names).
export const gratificationPolicy: Policy = {
  'gratification.report': 'authenticated',
  'gratification.handle': ['upg_handler', 'regency_admin'],
  'gratification.campaign': ['upg_handler', 'zi_ketua', 'zi_sekretaris', 'regency_admin'],
  'gratification.stats': ['upg_handler', 'unit_head', 'zi_ketua', 'zi_sekretaris', 'regency_admin', 'regency_viewer', 'tpi_evaluator'],
};
