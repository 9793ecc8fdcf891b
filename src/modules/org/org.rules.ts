// Pure rules of the org module: its roles, NIP structure, position classes, unit kinds.
import type { Role, RoleDefinition } from '../../kernel/access.ts';
import { currentMonth, currentYear } from '../../kernel/workdays.ts';

export const POSITION_CLASSES = ['jpt', 'administrator', 'pengawas', 'fungsional', 'pelaksana'] as const;
export type PositionClass = (typeof POSITION_CLASSES)[number];

export const UNIT_KINDS = ['dinas', 'badan', 'inspektorat', 'sekretariat', 'kecamatan', 'rsud', 'upt', 'lainnya'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * The roles of the organisation itself (its manifest declares them): the regency's leadership, each
 * unit's head, its Integrity Zone work team (Tim Kerja ZI) and its staff. The leaders (the head, the
 * team's chair and secretary) and the ZI team are the role groups policies name.
 */
export const ORG_ROLES: readonly RoleDefinition[] = [
  { name: 'regency_viewer', scope: 'regency', label: 'role.regency_viewer' },
  { name: 'unit_head', scope: 'unit', label: 'role.unit_head', groups: ['@leaders'] },
  { name: 'zi_ketua', scope: 'unit', label: 'role.zi_ketua', groups: ['@leaders', '@zi_team'] },
  { name: 'zi_sekretaris', scope: 'unit', label: 'role.zi_sekretaris', groups: ['@leaders', '@zi_team'] },
  { name: 'zi_coordinator', scope: 'area', label: 'role.zi_coordinator', groups: ['@zi_team'] },
  { name: 'zi_member', scope: 'unit', label: 'role.zi_member', groups: ['@zi_team'] },
  { name: 'employee', scope: 'unit', label: 'role.employee' },
];

/** Org's roles granted per unit that carry a reform area (1..6); a grant reads its role's scope from the registry. */
export const AREA_ROLES: readonly Role[] = ORG_ROLES.filter((r) => r.scope === 'area').map((r) => r.name);

export interface NipInfo {
  birthDate: string; // YYYY-MM-DD
  appointed: string; // YYYY-MM (TMT CPNS/PPPK)
  gender: 'L' | 'P';
  sequence: number;
}

export type NipError = 'nip.format' | 'nip.birth_date' | 'nip.appointment' | 'nip.gender' | 'nip.sequence' | 'nip.age';

/**
 * An ASN NIP is 18 digits: birth date (YYYYMMDD), month of appointment (YYYYMM),
 * gender (1 male, 2 female) and a three-digit sequence (BKN numbering; PP 11/2017 era).
 * Checks the parts for plausibility: a real calendar date, appointed at 18 or older and not in
 * the future, born after 1940.
 */
export function parseNip(raw: string, today = new Date()): { ok: true; value: string; info: NipInfo } | { ok: false; error: NipError } {
  const nip = raw.replace(/[\s.-]/g, '');
  if (!/^\d{18}$/.test(nip)) return { ok: false, error: 'nip.format' };
  const y = Number(nip.slice(0, 4));
  const m = Number(nip.slice(4, 6));
  const d = Number(nip.slice(6, 8));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1940 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) {
    return { ok: false, error: 'nip.birth_date' };
  }
  const ay = Number(nip.slice(8, 12));
  const am = Number(nip.slice(12, 14));
  if (am < 1 || am > 12) return { ok: false, error: 'nip.appointment' };
  const appointed = Date.UTC(ay, am - 1, 1);
  // not after this month in the regency
  if (appointed > Date.UTC(currentYear(today), currentMonth(today) - 1, 1)) return { ok: false, error: 'nip.appointment' };
  // age at appointment: at least 18 (Pasal 23 PP 11/2017 minimum age for applying)
  const eighteenth = Date.UTC(y + 18, m - 1, 1);
  if (appointed < eighteenth) return { ok: false, error: 'nip.age' };
  const g = nip[14];
  if (g !== '1' && g !== '2') return { ok: false, error: 'nip.gender' };
  const seq = Number(nip.slice(15, 18));
  if (seq < 1) return { ok: false, error: 'nip.sequence' };
  return {
    ok: true,
    value: nip,
    info: {
      birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
      appointed: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
      gender: g === '1' ? 'L' : 'P',
      sequence: seq,
    },
  };
}

/** "19700101 199503 1 001": the grouping used on Indonesian documents. */
export function formatNip(nip: string): string {
  return /^\d{18}$/.test(nip) ? `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}` : nip;
}
