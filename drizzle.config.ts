import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/kernel/schema.ts', './src/modules/org/org.schema.ts', './src/modules/evidence/evidence.schema.ts', './src/modules/assessment/assessment.schema.ts', './src/modules/workplan/workplan.schema.ts', './src/modules/services/services.schema.ts', './src/modules/surveys/surveys.schema.ts', './src/modules/complaints/complaints.schema.ts', './src/modules/wbs/wbs.schema.ts', './src/modules/gratification/gratification.schema.ts', './src/modules/coi/coi.schema.ts'],
  out: './migrations',
});
