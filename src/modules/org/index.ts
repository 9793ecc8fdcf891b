// Public surface of the org module: regency, units, people, accounts' roles.
import type { ModuleDefinition } from '../../kernel/module.ts';
import { orgPolicy } from './org.policy.ts';
import { orgMessages } from './org.messages.ts';
import { registerOrgRoutes } from './org.routes.tsx';
import { seedOrgDemo } from './org.seed.ts';
import { ORG_ROLES } from './org.rules.ts';
export { orgPolicy } from './org.policy.ts';
export { orgMessages } from './org.messages.ts';
export { registerOrgRoutes, roleLabel } from './org.routes.tsx';
export { loadActor, createAdmin, generatePassword } from './org.service.ts';
export { parseNip, formatNip, POSITION_CLASSES, type PositionClass } from './org.rules.ts';
export {
  findUnit, listUnits, findRegency, accountsHoldingRole, accountsHoldingRoleOver,
  unitNames, findUnitByCode, holdsRole, roleGrantsNamed, activeRoleHoldersAbove,
} from './org.queries.ts';
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

/** The org module (manifest; decision 0015). */
export const orgModule: ModuleDefinition = {
  name: 'org',
  roles: ORG_ROLES,
  policies: [orgPolicy],
  messages: [orgMessages],
  nav: orgNav.map((n) => (n.href === '/units' || n.href === '/people' ? { ...n, section: 'org' as const } : n)),
  routes: (r, wiring) => registerOrgRoutes(r, wiring.roles),
  seed: (db) => seedOrgDemo(db),
};
