// Authorization in one place. Every route names an action; every action is declared by a module's
// policy with the roles allowed to take it. What a role may touch is scoped to the units of the
// grants behind it. Anything not declared is denied.
import { forbidden } from './errors.ts';

/**
 * A role's name. The kernel knows no roles but its own (kernel.policy.ts: the regency administrator);
 * every other role is declared by the module that owns it, in its manifest (`roles`), and the
 * composition root builds the registry from the module list. A policy naming a role nobody declared
 * is refused when it is registered, at start-up.
 */
export type Role = string;

/** Where a grant of a role holds: the whole regency, one unit (with its sub-units), or one unit's reform area (1..6). */
export type RoleScope = 'regency' | 'unit' | 'area';
export const ROLE_SCOPES: readonly RoleScope[] = ['regency', 'unit', 'area'];

/** A role as its owner declares it. */
export interface RoleDefinition {
  /** lower-case letters, digits and underscores (stored in the role assignments) */
  name: Role;
  scope: RoleScope;
  /** the message key of its name shown to people */
  label: string;
  /** the role groups it belongs to besides '@members' (every role), e.g. '@leaders' */
  groups?: readonly RoleGroup[];
}

/**
 * The roles of the platform, from the declarations of the kernel and the modules, in their order.
 * Role groups a policy may name instead of spelling the roles out are computed from them: '@members'
 * — every role, whoever belongs to a unit in any function or to the regency; any other group — the
 * roles that declare it (e.g. '@leaders', '@zi_team').
 */
const MEMBERS = '@members';

export class RoleRegistry {
  private readonly byName = new Map<Role, RoleDefinition>();
  private readonly groups = new Map<RoleGroup, Role[]>();

  constructor(definitions: readonly RoleDefinition[]) {
    for (const d of definitions) {
      if (!/^[a-z][a-z0-9_]*$/.test(d.name)) throw new Error(`access: role name "${d.name}": lower-case letters, digits and underscores only`);
      if (this.byName.has(d.name)) throw new Error(`access: role ${d.name} declared twice`);
      if (!ROLE_SCOPES.includes(d.scope)) throw new Error(`access: role ${d.name} has an unknown scope ${String(d.scope)}`);
      if (!d.label) throw new Error(`access: role ${d.name} has no label`);
      this.byName.set(d.name, d);
      for (const g of d.groups ?? []) {
        if (!/^@[a-z][a-z0-9_]*$/.test(g) || g === MEMBERS) throw new Error(`access: role ${d.name} names the group "${g}": a group is '@' and a name, and every role is of ${MEMBERS}`);
        const members = this.groups.get(g) ?? [];
        if (!members.includes(d.name)) members.push(d.name);
        this.groups.set(g, members);
      }
    }
  }

  /** Every role's definition, in declaration order. */
  all(): RoleDefinition[] {
    return [...this.byName.values()];
  }

  /** Every role's name, in declaration order. */
  names(): Role[] {
    return [...this.byName.keys()];
  }

  has(name: unknown): name is Role {
    return typeof name === 'string' && this.byName.has(name);
  }

  find(name: string): RoleDefinition | undefined {
    return this.byName.get(name);
  }

  /** The roles whose grants have this scope. */
  withScope(scope: RoleScope): Role[] {
    return this.all().filter((d) => d.scope === scope).map((d) => d.name);
  }

  /** The roles of a group, or undefined when no role declares it. */
  group(name: string): readonly Role[] | undefined {
    return name === MEMBERS ? this.names() : this.groups.get(name as RoleGroup);
  }
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

/** A role group: '@members' (every role) or a group the roles declare. */
export type RoleGroup = `@${string}`;

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

function resolveRoles(roles: RoleRegistry, entries: readonly (Role | RoleGroup)[], action: string): Role[] {
  const out = new Set<Role>();
  for (const e of entries) {
    if (e.startsWith('@')) {
      const group = roles.group(e);
      if (!group) throw new Error(`access: action "${action}" names unknown role group ${e}`);
      group.forEach((r) => out.add(r));
    } else if (roles.has(e)) out.add(e);
    else throw new Error(`access: action "${action}" names unknown role ${e}`);
  }
  if (out.size === 0) throw new Error(`access: action "${action}" admits no role (an empty list denies everyone: say so with a role)`);
  return [...out];
}

function resolve(roles: RoleRegistry, rule: Rule, action: string): Resolved {
  if (rule === 'public' || rule === 'authenticated') return rule;
  if (isRoleList(rule)) return { roles: resolveRoles(roles, rule, action) };
  return { roles: resolveRoles(roles, rule.roles, action), grant: rule.grant, record: rule.record };
}

const isRoleList = (rule: Rule): rule is readonly (Role | RoleGroup)[] => Array.isArray(rule);

export class AccessControl {
  private readonly rules = new Map<string, Resolved>();

  /** `roles`: the declared roles, the only ones a policy may name. */
  constructor(readonly roles: RoleRegistry) {}

  register(policy: Policy): this {
    for (const [action, rule] of Object.entries(policy)) {
      if (this.rules.has(action)) throw new Error(`access: action "${action}" declared twice`);
      this.rules.set(action, resolve(this.roles, rule, action));
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
