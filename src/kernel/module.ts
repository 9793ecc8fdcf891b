// The module manifest: what a module brings to the application, in one definition its index.ts
// exports. The composition root (src/main.ts) reads the one list of modules (src/modules.ts) and
// builds from it the access control, the message catalogue, the navigation, the routes, the
// home-page tasks, the timers' jobs and the demo seed; drizzle-kit reads the same list's tables.
// Adding a module is its folder plus one line in that list.
//
// Modules hand facts to each other through ports (decision 0015): a port is declared by the module
// that reads it (the LKE's suggested answers, the public portal's links, the home page's tasks, the
// regency cockpit's figures …) and offered by any module that has such facts. The reader never
// imports the offering modules; it asks the wiring for everything offered on its port, in the order
// of the module list.
import type { MiddlewareHandler } from 'hono';
import { RoleRegistry, type Policy, type RoleDefinition } from './access.ts';
import type { Db } from './db.ts';
import type { FileStore } from './files.ts';
import type { Env, Router } from './http.tsx';
import type { Catalogue } from './i18n.ts';
import type { TaskSource } from './tasks.ts';
import type { NavItem } from './ui/view.ts';
import type { IsoDate } from './workdays.ts';

/** A typed channel between modules: declared once by its reader, offered by any module. */
export interface Port<T> {
  readonly id: string;
  /** the type of what is offered (never read at run time) */
  readonly __offers?: T;
}

export function port<T>(id: string): Port<T> {
  return { id };
}

/** One thing a module offers on a port. */
export interface Offer<T = unknown> { port: Port<T>; value: T }

export function offer<T>(p: Port<T>, value: T): Offer<T> {
  return { port: p, value };
}

/** The home page's tasks: what waits for the signed-in person (kernel/tasks.ts). */
export const TASKS = port<TaskSource>('kernel.tasks');

/** What a route registration may ask of the application. */
export interface Wiring {
  /** everything the modules offer on a port, in the order of the module list */
  offered<T>(p: Port<T>): T[];
  /** the roles the kernel and the modules declare (org grants them to accounts) */
  roles: RoleRegistry;
}

/** What a job (timer) is handed. */
export interface JobContext {
  db: Db;
  files: FileStore;
  /** SMTP configured: notifications also go out by e-mail */
  emailEnabled: boolean;
  /** today in the regency's time zone */
  today: IsoDate;
  now: Date;
}

/** Background work of a module, run by the server's timers (a little after start, then every period). */
export interface Job {
  /** named in the log when it fails */
  name: string;
  every: 'minute' | 'hour';
  run(ctx: JobContext): Promise<unknown>;
}

export interface ModuleDefinition {
  /** The folder's name: the prefix of its tables, its actions and its message keys. */
  name: string;
  /**
   * The roles it owns: their names, where a grant holds (regency, unit, a unit's reform area), their
   * label's message key and the groups they belong to. Any module's policy may name them; org grants them.
   */
  roles?: readonly RoleDefinition[];
  /** Its policies: action → who may take it. */
  policies: readonly Policy[];
  /** Its message catalogues (Indonesian and English). */
  messages: readonly Catalogue[];
  /** Its navigation items, in order (the item's `section` names the menu it sits in). */
  nav?: readonly NavItem[];
  /** Registers its routes; `wiring` gives what other modules offer on the ports it reads. */
  routes?(r: Router, wiring: Wiring): void;
  /** Request middleware that runs before every route (rare: the pakta's login prompt). */
  middleware?: readonly MiddlewareHandler<Env>[];
  /** What it offers other modules, on their ports. */
  offers?: readonly Offer<unknown>[];
  /** Seeds its part of the demo regency (once); true when it wrote anything. */
  seed?(db: Db, files: FileStore | null): Promise<boolean>;
  /** Its background work. */
  jobs?: readonly Job[];
}

/** Checks the list: names unique and well-formed (the prefix rules depend on them). */
export function checkModules(modules: readonly ModuleDefinition[]): void {
  const seen = new Set<string>();
  for (const m of modules) {
    if (!/^[a-z][a-z0-9]*$/.test(m.name)) throw new Error(`module name "${m.name}": lower-case letters and digits only`);
    if (seen.has(m.name)) throw new Error(`module "${m.name}" listed twice`);
    seen.add(m.name);
  }
}

/** The wiring over a module list: each port's offers in list order, and the roles (by default the modules' own). */
export function wiringOf(modules: readonly ModuleDefinition[], roles: RoleRegistry = new RoleRegistry(modules.flatMap((m) => m.roles ?? []))): Wiring {
  return {
    roles,
    offered<T>(p: Port<T>): T[] {
      return modules.flatMap((m) => (m.offers ?? []).filter((o) => o.port.id === p.id).map((o) => o.value as T));
    },
  };
}
