// Every table of the application, for drizzle-kit and for the typed database handle.
export * from './kernel/schema.ts';
export * from './modules/org/org.schema.ts';
export * from './modules/evidence/evidence.schema.ts';
export * from './modules/assessment/assessment.schema.ts';
export * from './modules/workplan/workplan.schema.ts';
export * from './modules/services/services.schema.ts';
export * from './modules/surveys/surveys.schema.ts';
export * from './modules/complaints/complaints.schema.ts';
export * from './modules/wbs/wbs.schema.ts';
export * from './modules/gratification/gratification.schema.ts';
export * from './modules/coi/coi.schema.ts';
