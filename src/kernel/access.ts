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

/** Who may take an action: 'public' (anyone), 'authenticated' (any signed-in account) or roles. */
export type Rule = 'public' | 'authenticated' | readonly Role[];
export type Policy = Record<string, Rule>;

export class AccessControl {
  private readonly rules = new Map<string, Rule>();

  register(policy: Policy): this {
    for (const [action, rule] of Object.entries(policy)) {
      if (this.rules.has(action)) throw new Error(`access: action "${action}" declared twice`);
      this.rules.set(action, rule);
    }
    return this;
  }

  isDeclared(action: string): boolean {
    return this.rules.has(action);
  }

  ruleOf(action: string): Rule | undefined {
    return this.rules.get(action);
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
    const grants = actor.grants.filter((g) => rule.includes(g.role));
    if (grants.length === 0) return null;
    return reach(grants);
  }

  can(actor: Actor | null, action: string, unitId?: string | null): boolean {
    const scope = this.scopeOf(actor, action);
    if (!scope) return false;
    if (unitId === undefined) return true;
    return inScope(scope, unitId);
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
