import type { Policy } from '../../kernel/access.ts';

// Who sees what: every signed-in employee declares and sees only their own declarations; a
// declaration is reviewed by the superior the declarant names (and the unit head); the ZI leadership
// keeps the risk map, socialisation and evaluation records; viewers and the TPI evaluator see counts.
export const coiPolicy: Policy = {
  'coi.declare': 'authenticated',
  'coi.review': 'authenticated',
  'coi.manage': ['@leaders', 'regency_admin'],
  // the records of the risk map, socialisation and evaluation (no declaration content); the TPI reads them as evidence
  'coi.records': ['@leaders', 'zi_coordinator', 'regency_admin', 'tpi_evaluator'],
  'coi.stats': ['@leaders', 'zi_coordinator', 'regency_admin', 'regency_viewer', 'tpi_evaluator'],
};
