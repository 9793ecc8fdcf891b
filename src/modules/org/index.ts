// Public surface of the org module: regency, units, people, accounts' roles.
export { orgPolicy } from './org.policy.ts';
export { orgMessages } from './org.messages.ts';
export { registerOrgRoutes, roleLabel } from './org.routes.tsx';
export { loadActor, createAdmin, generatePassword } from './org.service.ts';
export { parseNip, formatNip, POSITION_CLASSES, type PositionClass } from './org.rules.ts';
export { findUnit, listUnits, findRegency, accountsHoldingRole, accountsHoldingRoleOver } from './org.queries.ts';
export { seedOrgDemo, DEMO_PASSWORD } from './org.seed.ts';
// the units table, for foreign keys of other modules' tables (rule 2: FKs point only at org or kernel)
export { units as orgUnits, people as orgPeople } from './org.schema.ts';
import type { NavItem } from '../../kernel/ui/view.ts';

export const orgNav: NavItem[] = [
  { href: '/', labelKey: 'nav.home', action: 'org.home', group: 'main' },
  { href: '/units', labelKey: 'nav.units', action: 'org.units.list', group: 'main' },
  { href: '/people', labelKey: 'nav.people', action: 'org.people.list', group: 'main' },
  { href: '/admin/accounts', labelKey: 'nav.accounts', action: 'org.accounts.manage', group: 'admin' },
  { href: '/admin/audit', labelKey: 'nav.audit', action: 'audit.view', group: 'admin' },
];
