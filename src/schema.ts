// Every table of the application, for drizzle-kit and for the typed database handle.
export * from './kernel/schema.ts';
export * from './modules/org/org.schema.ts';
