#!/usr/bin/env node
// Entry point for `npx integritas …` and `npm start`: runs the TypeScript CLI through tsx,
// so a clone needs no build step.
import { register } from 'tsx/esm/api';
register();
const { runCli } = await import('../src/cli.ts');
const code = await runCli(process.argv.slice(2));
if (typeof code === 'number') process.exitCode = code;
