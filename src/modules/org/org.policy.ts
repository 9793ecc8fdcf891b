import type { Policy, Role, RoleGroup } from '../../kernel/access.ts';

/** Every role that belongs to a unit or the regency sees the organisation it is scoped to. */
const ANY_ROLE: readonly RoleGroup[] = ['@members'];

export const orgPolicy: Policy = {
  'org.units.list': ANY_ROLE,
  'org.units.view': ANY_ROLE,
  'org.people.list': ANY_ROLE,
  'org.people.view': ANY_ROLE,
  'org.units.manage': ['regency_admin'],
  // the letterhead logo of a unit: the admin, or the head of the unit (scoped to it)
  'org.units.logo': ['regency_admin', 'unit_head'],
  'org.people.manage': ['regency_admin'],
  'org.people.import': ['regency_admin'],
  'org.accounts.manage': ['regency_admin'],
  'org.home': 'authenticated',
};
