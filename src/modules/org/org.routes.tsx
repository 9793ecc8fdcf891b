// Org pages: home, units (with letterhead logos), people (with CSV import), accounts and role
// assignments, audit log — each area in its own routes file, its pages in the matching pages file.
import type { RoleRegistry } from '../../kernel/access.ts';
import type { Router } from '../../kernel/http.tsx';
import { registerAccountRoutes } from './accounts.routes.tsx';
import { registerAuditRoutes } from './audit.routes.tsx';
import { registerHomeRoutes } from './home.routes.tsx';
import { registerPeopleRoutes } from './people.routes.tsx';
import { registerUnitRoutes } from './units.routes.tsx';

export { roleLabel } from './org.components.tsx';

/** `roles`: the declared roles, the ones an account may be granted. */
export function registerOrgRoutes(r: Router, roles: RoleRegistry) {
  registerHomeRoutes(r);
  registerUnitRoutes(r);
  registerPeopleRoutes(r);
  registerAccountRoutes(r, roles);
  registerAuditRoutes(r);
}
