// Composition root: config → database → modules → HTTP app → server. It builds the application
// from the one list of modules (src/modules.ts, each module's manifest in its index.ts); the kernel
// learns about modules only through what is handed to it here.
import { serve, type ServerType } from '@hono/node-server';
import { AccessControl, RoleRegistry } from './kernel/access.ts';
import type { Config } from './kernel/config.ts';
import { openDatabase, type Database } from './kernel/db.ts';
import { createFileStore, type FileStore } from './kernel/files.ts';
import { createHttpApp, describeError, keepAuditCheckpoint, type HttpDeps } from './kernel/http.tsx';
import { I18n } from './kernel/i18n.ts';
import { kernelMessages } from './kernel/kernel.messages.ts';
import { kernelPolicy, kernelRoles } from './kernel/kernel.policy.ts';
import { registerKernelRoutes } from './kernel/kernel.routes.tsx';
import { createMailer, type Mailer } from './kernel/mail.ts';
import { TASKS, wiringOf, type Job, type ModuleDefinition } from './kernel/module.ts';
import { countUnread, flushEmail } from './kernel/notify.ts';
import { purgeExpiredSessions } from './kernel/auth.ts';
import { prune as pruneThrottle } from './kernel/throttle.ts';
import { dayIn, setRegencyTimeZone } from './kernel/workdays.ts';
import { MODULES } from './modules.ts';
import { loadActor, roleLabel } from './modules/org/index.ts';
import { PORTAL_PATH } from './modules/portal/index.ts';

/** The message catalogue: the kernel's and every listed module's. */
export function buildI18n(modules: readonly ModuleDefinition[] = MODULES): I18n {
  const i18n = new I18n().register('kernel', kernelMessages);
  for (const m of modules) for (const c of m.messages) i18n.register(m.name, c);
  return i18n;
}

/** The roles: the kernel's own and every listed module's, in list order (a name declared twice is refused). */
export function buildRoles(modules: readonly ModuleDefinition[] = MODULES): RoleRegistry {
  return new RoleRegistry([...kernelRoles, ...modules.flatMap((m) => m.roles ?? [])]);
}

/** Access control over those roles: the kernel's policy and every listed module's. */
export function buildAccess(modules: readonly ModuleDefinition[] = MODULES): AccessControl {
  const access = new AccessControl(buildRoles(modules)).register(kernelPolicy);
  for (const m of modules) for (const p of m.policies) access.register(p);
  return access;
}

export type Logger = HttpDeps['log'];

/** Log lines to the console. An error is written as its class, code and frames only (describeError): never its message, which may carry a query's parameters. */
export function consoleLogger(level: Config['logLevel']): Logger {
  return (lvl, msg, extra) => {
    if (level === 'silent' || (level === 'error' && lvl !== 'error')) return;
    const line = `[${new Date().toISOString()}] ${lvl.toUpperCase()} ${msg}`;
    const detail = extra === undefined ? '' : JSON.stringify(extra instanceof Error ? describeError(extra) : extra);
    if (lvl === 'error') console.error(detail ? `${line} ${detail}` : line);
    else console.log(line);
  };
}

export interface App {
  app: ReturnType<typeof createHttpApp>['app'];
  router: ReturnType<typeof createHttpApp>['router'];
  deps: HttpDeps;
  mailer: Mailer;
  i18n: I18n;
  access: AccessControl;
  /** Sends queued notification e-mails (after a request, and on a timer). */
  flushMail(): Promise<number>;
}

export function buildApp(config: Config, database: Database, opts: { mailer?: Mailer; log?: Logger } = {}): App {
  // every "today" and "this year" of every module is the regency's (kernel/workdays.ts)
  setRegencyTimeZone(config.timeZone);
  const i18n = buildI18n();
  const access = buildAccess();
  const mailer = opts.mailer ?? createMailer(config.smtpUrl, config.mailFrom);
  const db = database.db;
  const wiring = wiringOf(MODULES, access.roles);
  const deps: HttpDeps = {
    config, db, i18n, access,
    files: createFileStore(config.filesDir),
    // the menus, in the order of the module list (each item names the menu it sits in)
    nav: MODULES.flatMap((m) => m.nav ?? []),
    // what waits for the signed-in person, on the home page
    tasks: wiring.offered(TASKS),
    emailEnabled: mailer.enabled,
    loadActor: (id) => loadActor(db, id),
    countUnread: (id) => countUnread(db, id),
    log: opts.log ?? consoleLogger(config.logLevel),
  };
  const { app, router } = createHttpApp(deps);
  const flushMail = () => flushEmail(db, mailer, i18n, config.publicUrl);
  if (mailer.enabled) {
    // e-mail goes out after the response; a slow SMTP server never holds up a page
    app.use('*', async (c, next) => {
      await next();
      if (c.req.method !== 'GET') setImmediate(() => { flushMail().catch((e) => deps.log('error', 'mail flush failed', e)); });
    });
  }
  // the modules' middleware (the pakta's login prompt, the portal as an anonymous visitor's root)
  for (const m of MODULES) for (const mw of m.middleware ?? []) app.use('*', mw);
  registerKernelRoutes(router, { roleLabel, publicHome: PORTAL_PATH });
  for (const m of MODULES) m.routes?.(router, wiring);
  return { app, router, deps, mailer, i18n, access, flushMail };
}

/**
 * Seeds the demo regency (org), then a year of LKE work with its evidence (files go to `files`;
 * without a store, documents are attached as links). Each part runs once; true when anything was seeded.
 */
export async function seedDemo(database: Database, files: FileStore | null = null): Promise<boolean> {
  let seeded = false;
  for (const m of MODULES) if (m.seed && (await m.seed(database.db, files))) seeded = true;
  return seeded;
}

export interface Running { server: ServerType; database: Database; app: App; url: string; stop(): Promise<void> }

export async function startServer(config: Config, log: Logger = consoleLogger(config.logLevel)): Promise<Running> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  try {
    await database.migrate();
    if (config.demo && (await seedDemo(database, createFileStore(config.filesDir)))) log('info', 'demo data seeded (Kabupaten Bangka)');
  } catch (err) {
    await database.close();
    throw err;
  }
  const app = buildApp(config, database, { log });
  await keepAuditCheckpoint(app.deps); // what migrate and the demo seed appended
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    s.once('error', reject);
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  // the modules' jobs: every minute or hourly (and once shortly after start)
  const runJobs = (every: Job['every']) => {
    const now = new Date();
    const ctx = { db: database.db, files: app.deps.files, emailEnabled: app.mailer.enabled, today: dayIn(now, config.timeZone), now };
    for (const m of MODULES) for (const job of m.jobs ?? []) {
      if (job.every === every) job.run(ctx).catch((e) => log('error', `${job.name} failed`, e));
    }
  };
  const timer = setInterval(() => {
    app.flushMail().catch((e) => log('error', 'mail flush failed', e));
    purgeExpiredSessions(database.db).catch((e) => log('error', 'session purge failed', e));
    runJobs('minute');
    void keepAuditCheckpoint(app.deps); // entries of background work (reminders, retention)
  }, 60_000);
  timer.unref();
  const housekeeping = () => {
    const now = new Date();
    pruneThrottle(database.db, dayIn(now, config.timeZone), now).catch((e) => log('error', 'throttle prune failed', e));
    runJobs('hour');
  };
  const first = setTimeout(housekeeping, 5_000);
  first.unref();
  const hourly = setInterval(housekeeping, 3_600_000);
  hourly.unref();
  let stopped = false;
  return {
    server, database, app, url,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      clearTimeout(first);
      clearInterval(hourly);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      app.mailer.close();
      await database.close();
    },
  };
}
