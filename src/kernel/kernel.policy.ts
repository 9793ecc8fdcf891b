import type { Policy, RoleDefinition } from './access.ts';

/** The kernel's own role: the regency administrator (its policy names it: the audit log, the calendar). */
export const kernelRoles: readonly RoleDefinition[] = [
  { name: 'regency_admin', scope: 'regency', label: 'role.regency_admin' },
];

export const kernelPolicy: Policy = {
  'kernel.static': 'public',
  'kernel.health': 'public',
  'kernel.lang': 'public',
  'auth.login': 'public',
  'auth.logout': 'authenticated',
  'account.view': 'authenticated',
  'account.password': 'authenticated',
  'notifications.view': 'authenticated',
  'session.unit': 'authenticated',
  'audit.view': ['regency_admin'],
  // the working-day calendar: everyone signed in reads it (deadlines follow it); the regency administrator keeps it
  'calendar.view': 'authenticated',
  'calendar.manage': ['regency_admin'],
};
