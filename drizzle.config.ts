import { defineConfig } from 'drizzle-kit';

// The kernel's tables and every module's (src/modules/<name>/*.schema.ts; test/boundaries.test.ts
// checks that each such folder is a module of the list in src/modules.ts and each module's tables
// carry its name).
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/kernel/schema.ts', './src/modules/*/*.schema.ts'],
  out: './migrations',
});
