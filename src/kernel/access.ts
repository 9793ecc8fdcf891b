// Authorization in one place. Every route names an action; every action is declared by a module's
// policy with the roles allowed to take it. What a role may touch is scoped to the units of the
// grants behind it. Anything not declared is denied.
import { forbidden } from './errors.ts';

export const ROLES = [
  'regency_admin',
  'regency_viewer',
  'unit_head',
  'zi_ketua',
  'zi_sekretaris',
  'zi_coordinator',
  'zi_member',
  'employee',
  'tpi_evaluator',
  'complaint_handler',
  'wbs_handler',
  'upg_handler',
  'ppid_handler',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that hold for a whole regency; every other role is granted for one unit. */
export const REGENCY_ROLES: readonly Role[] = ['regency_admin', 'regency_viewer'];

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

export interface Grant {
  role: Role;
  /** null: the whole regency */
  unitId: string | null;
  /** the unit and its sub-units (UPT), resolved when the actor is loaded */
  unitIds: string[];
  area: number | null;
}

export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  personId: string | null;
  homeUnitId: string | null;
  locale: string;
  mustChangePassword: boolean;
  grants: Grant[];
}

export type Scope = { all: true } | { all: false; unitIds: string[] };

/**
 * Role groups a policy may name instead of spelling the roles out (resolved when the policy is
 * registered): '@members' — every role, whoever belongs to a unit in any function or to the regency;
 * '@leaders' — the unit's head and the ZI team's chair and secretary; '@zi_team' — the ZI work team.
 */
export const ROLE_GROUPS = {
  '@members': ROLES,
  '@leaders': ['unit_head', 'zi_ketua', 'zi_sekretaris'],
  '@zi_team': ['zi_ketua', 'zi_sekretaris', 'zi_coordinator', 'zi_member'],
} as const satisfies Record<`@${string}`, readonly Role[]>;
export type RoleGroup = keyof typeof ROLE_GROUPS;

/**
 * A rule with conditions: the roles (or groups) it admits; `grant` narrows which of the actor's
 * grants count (e.g. a coordinator only of reform area 6), and so the scope they give; `record`
 * decides on one record (own record, superior, the coordinator's area), through `allows`.
 */
export interface RoleRule<R = never> {
  roles: readonly (Role | RoleGroup)[];
  grant?: (g: Grant) => boolean;
  record?: (actor: Actor, record: R) => boolean;
}

/** Who may take an action: 'public' (anyone), 'authenticated' (any signed-in account), roles and groups, or a rule with conditions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Rule = 'public' | 'authenticated' | readonly (Role | RoleGroup)[] | RoleRule<any>;
export type Policy = Record<string, Rule>;

/** A rule as registered: groups resolved into roles. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Resolved = 'public' | 'authenticated' | { roles: readonly Role[]; grant?: (g: Grant) => boolean; record?: (actor: Actor, record: any) => boolean };

function resolveRoles(entries: readonly (Role | RoleGroup)[], action: string): Role[] {
  const out = new Set<Role>();
  for (const e of entries) {
    if (e.startsWith('@')) {
      const group = (ROLE_GROUPS as Record<string, readonly Role[]>)[e];
      if (!group) throw new Error(`access: action "${action}" names unknown role group ${e}`);
      group.forEach((r) => out.add(r));
    } else if (isRole(e)) out.add(e);
    else throw new Error(`access: action "${action}" names unknown role ${e}`);
  }
  if (out.size === 0) throw new Error(`access: action "${action}" admits no role (an empty list denies everyone: say so with a role)`);
  return [...out];
}

function resolve(rule: Rule, action: string): Resolved {
  if (rule === 'public' || rule === 'authenticated') return rule;
  if (isRoleList(rule)) return { roles: resolveRoles(rule, action) };
  return { roles: resolveRoles(rule.roles, action), grant: rule.grant, record: rule.record };
}

const isRoleList = (rule: Rule): rule is readonly (Role | RoleGroup)[] => Array.isArray(rule);

export class AccessControl {
  private readonly rules = new Map<string, Resolved>();

  register(policy: Policy): this {
    for (const [action, rule] of Object.entries(policy)) {
      if (this.rules.has(action)) throw new Error(`access: action "${action}" declared twice`);
      this.rules.set(action, resolve(rule, action));
    }
    return this;
  }

  isDeclared(action: string): boolean {
    return this.rules.has(action);
  }

  /** The rule of an action with its groups resolved: 'public', 'authenticated' or the roles it admits. */
  ruleOf(action: string): 'public' | 'authenticated' | readonly Role[] | undefined {
    const r = this.rules.get(action);
    return r === undefined || r === 'public' || r === 'authenticated' ? r : r.roles;
  }

  actions(): string[] {
    return [...this.rules.keys()];
  }

  /**
   * The units an actor may act on for this action, or null when the action is denied.
   * Public and authenticated actions carry the actor's own reach (all of their grants).
   */
  scopeOf(actor: Actor | null, action: string): Scope | null {
    const rule = this.rules.get(action);
    if (!rule) return null;
    if (rule === 'public') return actor ? reach(actor.grants) : { all: false, unitIds: [] };
    if (!actor) return null;
    if (rule === 'authenticated') return reach(actor.grants);
    const grants = actor.grants.filter((g) => rule.roles.includes(g.role) && (!rule.grant || rule.grant(g)));
    if (grants.length === 0) return null;
    return reach(grants);
  }

  can(actor: Actor | null, action: string, unitId?: string | null): boolean {
    const scope = this.scopeOf(actor, action);
    if (!scope) return false;
    if (unitId === undefined) return true;
    return inScope(scope, unitId);
  }

  /**
   * May the actor take the action on this record of this unit? The unit must be in scope and the
   * rule's record condition (when it has one) must hold.
   */
  allows<R>(actor: Actor | null, action: string, unitId: string | null, record: R): boolean {
    if (!this.can(actor, action, unitId)) return false;
    const rule = this.rules.get(action);
    if (!(rule && typeof rule === 'object' && rule.record)) return true;
    return !!actor && rule.record(actor, record);
  }

  /** Throws forbidden unless the actor may take the action (on the unit, when given). */
  assert(actor: Actor | null, action: string, unitId?: string | null): Scope {
    const scope = this.scopeOf(actor, action);
    if (!scope || (unitId !== undefined && !inScope(scope, unitId))) throw forbidden();
    return scope;
  }
}

function reach(grants: Grant[]): Scope {
  if (grants.some((g) => g.unitId === null)) return { all: true };
  return { all: false, unitIds: [...new Set(grants.flatMap((g) => g.unitIds))] };
}

export function inScope(scope: Scope, unitId: string | null | undefined): boolean {
  if (scope.all) return true;
  return !!unitId && scope.unitIds.includes(unitId);
}

export function hasRole(actor: Actor | null, ...roles: Role[]): boolean {
  return !!actor && actor.grants.some((g) => roles.includes(g.role));
}
