import type { Policy, Role, RoleGroup } from '../../kernel/access.ts';

/**
 * Viewing and downloading: every role of the unit the evidence belongs to, TPI evaluators of their
 * assigned units, and the regency roles. The scope of each grant limits which units that is.
 */
const VIEWERS: readonly RoleGroup[] = ['@members'];

/** Uploading, attaching and detaching: the unit's leadership and ZI work team, and the regency admin. */
const MANAGERS: readonly (Role | RoleGroup)[] = ['@zi_team', 'unit_head', 'regency_admin'];

export const evidencePolicy: Policy = {
  'evidence.view': VIEWERS,
  'evidence.manage': MANAGERS,
};
