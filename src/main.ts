// Composition root: config → database → modules → HTTP app → server. The only place that knows
// every module; the kernel learns about modules through what is registered here.
import { serve, type ServerType } from '@hono/node-server';
import { AccessControl } from './kernel/access.ts';
import type { Config } from './kernel/config.ts';
import { openDatabase, type Database } from './kernel/db.ts';
import { createFileStore, type FileStore } from './kernel/files.ts';
import { createHttpApp, describeError, keepAuditCheckpoint, type HttpDeps } from './kernel/http.tsx';
import { I18n } from './kernel/i18n.ts';
import type { NavItem, NavSection } from './kernel/ui/view.ts';
import { kernelMessages } from './kernel/kernel.messages.ts';
import { kernelPolicy } from './kernel/kernel.policy.ts';
import { anonymousRoot, registerKernelRoutes } from './kernel/kernel.routes.tsx';
import { calendarNav, registerCalendarRoutes } from './kernel/calendar.routes.tsx';
import { createMailer, type Mailer } from './kernel/mail.ts';
import { countUnread, flushEmail } from './kernel/notify.ts';
import { purgeExpiredSessions } from './kernel/auth.ts';
import { loadActor, orgMessages, orgNav, orgPolicy, registerOrgRoutes, roleLabel, seedOrgDemo } from './modules/org/index.ts';
import { evidenceMessages, evidenceNav, evidencePolicy, registerEvidenceRoutes } from './modules/evidence/index.ts';
import { planMessages, planPolicy, registerPlanRoutes, seedWorkplanPlanDemo } from './modules/workplan/index.ts';
import { assessmentMessages, assessmentNav, assessmentTasks, assessmentPolicy, registerAssessmentRoutes, seedAssessmentDemo } from './modules/assessment/index.ts';
import { declarationMessages, declarationPolicy, paktaLoginPrompt, paktaMessages, paktaPolicy, registerDeclarationRoutes, registerPaktaRoutes, seedWorkplanPaktaDemo } from './modules/workplan/index.ts';
import { agentsMessages, agentsPolicy, registerAgentsRoutes, registerTeamRoutes, seedWorkplanTeamDemo, teamMessages, teamPolicy, workplanNav } from './modules/workplan/index.ts';
import { workplanLkeSuggestions, workplanSuggestMessages } from './modules/workplan/index.ts';
import { registerServicesRoutes, seedServicesDemo, servicesLkeSuggestions, servicesMessages, servicesNav, servicesPolicy } from './modules/services/index.ts';
import { complaintsTasks, sendComplaintReminders } from './modules/complaints/index.ts';
import { purgeExpiredWbsReports } from './modules/wbs/index.ts';
import { dayIn, setRegencyTimeZone } from './kernel/workdays.ts';
import { complaintsLkeSuggestions, complaintsMessages, complaintsNav, complaintsPolicy, registerComplaintsRoutes, seedComplaintsDemo } from './modules/complaints/index.ts';
import { registerWbsRoutes, seedWbsDemo, wbsLkeSuggestions, wbsMessages, wbsNav, wbsPolicy, wbsTasks } from './modules/wbs/index.ts';
import { gratificationLkeSuggestions, gratificationMessages, gratificationNav, gratificationPolicy, gratificationTasks, registerGratificationRoutes, seedGratificationDemo } from './modules/gratification/index.ts';
import { coiLkeSuggestions, coiMessages, coiNav, coiPolicy, coiTasks, registerCoiRoutes, seedCoiDemo } from './modules/coi/index.ts';
import { PORTAL_PATH, portalMessages, portalPolicy, registerPortalRoutes } from './modules/portal/index.ts';
import { complaintsPublicLinks } from './modules/complaints/index.ts';
import { wbsPublicLinks } from './modules/wbs/index.ts';
import { declarationPublicLinks } from './modules/workplan/index.ts';
import { servicesPublicLinks } from './modules/services/index.ts';
import { surveysPublicLinks } from './modules/surveys/index.ts';
import { registerSurveyPublicRoutes, registerSurveysRoutes, seedSurveysDemo, surveyPublicMessages, surveyPublicPolicy, surveysLkeSuggestions, surveysMessages, surveysNav, surveysPolicy } from './modules/surveys/index.ts';

export function buildI18n(): I18n {
  return new I18n().register('kernel', kernelMessages).register('org', orgMessages).register('evidence', evidenceMessages).register('assessment', assessmentMessages).register('plan', planMessages).register('pakta', paktaMessages).register('declaration', declarationMessages).register('team', teamMessages).register('agents', agentsMessages).register('workplan-suggest', workplanSuggestMessages)
    .register('services', servicesMessages).register('surveys', surveysMessages).register('survey-public', surveyPublicMessages)
    .register('complaints', complaintsMessages).register('wbs', wbsMessages).register('gratification', gratificationMessages).register('coi', coiMessages)
    .register('portal', portalMessages);
}

export function buildAccess(): AccessControl {
  return new AccessControl().register(kernelPolicy).register(orgPolicy).register(evidencePolicy).register(assessmentPolicy).register(planPolicy).register(paktaPolicy).register(declarationPolicy).register(teamPolicy).register(agentsPolicy)
    .register(servicesPolicy).register(surveysPolicy).register(surveyPublicPolicy)
    .register(complaintsPolicy).register(wbsPolicy).register(gratificationPolicy).register(coiPolicy)
    .register(portalPolicy);
}

export type Logger = HttpDeps['log'];

const inSection = (section: NavSection, n: NavItem): NavItem => (n.group === 'main' ? { ...n, section } : n);

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
  const deps: HttpDeps = {
    config, db, i18n, access,
    files: createFileStore(config.filesDir),
    // the menus are decided here, where every module is known (admin items form their own menu)
    nav: [
      ...orgNav.map((n) => (n.href === '/units' || n.href === '/people' ? inSection('org', n) : n)), ...calendarNav, ...assessmentNav,
      ...workplanNav.map((n) => inSection('programme', n)),
      ...[...servicesNav, ...surveysNav].map((n) => inSection('services', n)),
      ...[...complaintsNav, ...wbsNav, ...gratificationNav, ...coiNav].map((n) => inSection('supervision', n)),
      ...evidenceNav,
    ],
    // what waits for the signed-in person, on the home page
    tasks: [assessmentTasks, complaintsTasks, wbsTasks, gratificationTasks, coiTasks],
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
  // Pakta Integritas (pipeline middleware): a login by a person who has not signed this year's pact lands on /pakta
  app.use('*', paktaLoginPrompt);
  // an anonymous visitor's root is the public portal; the login page links to it
  app.use('*', anonymousRoot(PORTAL_PATH));
  registerKernelRoutes(router, { roleLabel, publicHome: PORTAL_PATH });
  registerCalendarRoutes(router);
  registerOrgRoutes(router);
  registerEvidenceRoutes(router);
  // the LKE offers suggested answers from the facts other modules keep
  registerAssessmentRoutes(router, { suggestions: [workplanLkeSuggestions, servicesLkeSuggestions, surveysLkeSuggestions, complaintsLkeSuggestions, wbsLkeSuggestions, gratificationLkeSuggestions, coiLkeSuggestions] });
  registerPlanRoutes(router);
  registerPaktaRoutes(router);
  registerDeclarationRoutes(router);
  registerTeamRoutes(router);
  registerAgentsRoutes(router);
  registerServicesRoutes(router);
  registerSurveysRoutes(router);
  registerSurveyPublicRoutes(router);
  registerComplaintsRoutes(router);
  registerWbsRoutes(router);
  registerGratificationRoutes(router);
  registerCoiRoutes(router);
  // the citizen's way in: every module offers its public pages as links on the portal
  registerPortalRoutes(router, { sources: [servicesPublicLinks, surveysPublicLinks, complaintsPublicLinks, wbsPublicLinks, declarationPublicLinks] });
  return { app, router, deps, mailer, i18n, access, flushMail };
}

/**
 * Seeds the demo regency (org), then a year of LKE work with its evidence (files go to `files`;
 * without a store, documents are attached as links). Each part runs once; true when anything was seeded.
 */
export async function seedDemo(database: Database, files: FileStore | null = null): Promise<boolean> {
  const org = await seedOrgDemo(database.db);
  const lke = await seedAssessmentDemo(database.db, files);
  const plan = await seedWorkplanPlanDemo(database.db, files);
  const pakta = await seedWorkplanPaktaDemo(database.db, files);
  const team = await seedWorkplanTeamDemo(database.db, files);
  const services = await seedServicesDemo(database.db, files);
  const surveys = await seedSurveysDemo(database.db);
  const complaints = await seedComplaintsDemo(database.db, files);
  const wbs = await seedWbsDemo(database.db, files);
  const gratification = await seedGratificationDemo(database.db, files);
  const coi = await seedCoiDemo(database.db, files);
  return org || lke || pakta || team || plan || services || surveys || complaints || wbs || gratification || coi;
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
  const timer = setInterval(() => {
    app.flushMail().catch((e) => log('error', 'mail flush failed', e));
    purgeExpiredSessions(database.db).catch((e) => log('error', 'session purge failed', e));
    void keepAuditCheckpoint(app.deps); // entries of background work (reminders, retention)
  }, 60_000);
  timer.unref();
  // hourly housekeeping (and once shortly after start): complaint SLA reminders, WBS retention
  const housekeeping = () => {
    sendComplaintReminders(database.db, app.mailer.enabled).catch((e) => log('error', 'complaint reminders failed', e));
    purgeExpiredWbsReports(database.db, app.deps.files, dayIn(new Date(), config.timeZone)).catch((e) => log('error', 'WBS retention failed', e));
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
