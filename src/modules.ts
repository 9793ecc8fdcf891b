// The one list of modules. The composition root (main.ts) builds the application from it — access
// control, messages, navigation (in this order), routes, home-page tasks, ports, jobs, demo seed (in
// this order) —, drizzle-kit reads the tables of the modules in it (drizzle.config.ts) and the
// browser journeys its navigation. Adding a module is its folder and one line here.
import { calendarModule } from './kernel/calendar.routes.tsx';
import { checkModules, type ModuleDefinition } from './kernel/module.ts';
import { assessmentModule } from './modules/assessment/index.ts';
import { coiModule } from './modules/coi/index.ts';
import { complaintsModule } from './modules/complaints/index.ts';
import { evidenceModule } from './modules/evidence/index.ts';
import { gratificationModule } from './modules/gratification/index.ts';
import { orgModule } from './modules/org/index.ts';
import { portalModule } from './modules/portal/index.ts';
import { servicesModule } from './modules/services/index.ts';
import { surveysModule } from './modules/surveys/index.ts';
import { wbsModule } from './modules/wbs/index.ts';
import { workplanModule } from './modules/workplan/index.ts';

export const MODULES: readonly ModuleDefinition[] = [
  orgModule,
  calendarModule,
  assessmentModule,
  workplanModule,
  servicesModule,
  surveysModule,
  complaintsModule,
  wbsModule,
  gratificationModule,
  coiModule,
  evidenceModule,
  portalModule,
];
checkModules(MODULES);
