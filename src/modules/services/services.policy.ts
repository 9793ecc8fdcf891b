// Who may see and who may change a unit's services, standards, consultations, reviews, maklumat
// and SOPs. 'services.manage' admits the ZI area coordinators by role; only the coordinator of
// area 6 (public-service quality) may actually change anything — `canManage` checks the area on
// the grant, the way the LKE checks areas (assessment rolesOn).
import { inScope, type Actor, type Policy, type Role, type Scope } from '../../kernel/access.ts';

/** Every role of the unit, TPI evaluators of their assigned units, and the regency roles. */
export const SERVICES_VIEWERS: Role[] = [
  'regency_admin', 'regency_viewer', 'unit_head', 'zi_ketua', 'zi_sekretaris', 'zi_coordinator', 'zi_member', 'employee',
  'tpi_evaluator', 'complaint_handler', 'wbs_handler', 'upg_handler', 'ppid_handler',
];
export const SERVICES_MANAGERS: Role[] = ['unit_head', 'zi_ketua', 'zi_sekretaris', 'zi_coordinator', 'regency_admin'];
/** The reform area whose coordinator manages the services (Peningkatan Kualitas Pelayanan Publik). */
export const SERVICES_AREA = 6;

export const servicesPolicy: Policy = {
  'services.view': SERVICES_VIEWERS,
  'services.manage': SERVICES_MANAGERS,
  // the unit's public service pages: anyone, signed in or not
  'services.public': 'public',
};

/** The units an actor may change services of: manager grants, coordinators only of area 6. */
export function manageScope(actor: Actor | null): Scope {
  const grants = (actor?.grants ?? []).filter((g) => SERVICES_MANAGERS.includes(g.role) && (g.role !== 'zi_coordinator' || g.area === SERVICES_AREA));
  if (grants.some((g) => g.unitId === null)) return { all: true };
  return { all: false, unitIds: [...new Set(grants.flatMap((g) => g.unitIds))] };
}

export function canManage(actor: Actor | null, unitId: string): boolean {
  return inScope(manageScope(actor), unitId);
}
