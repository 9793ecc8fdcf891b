// The work plan's suggested LKE answers, in this process on an in-memory PGlite with the demo
// regency: reading the facts of DPMPTSP-KUKM 2026 (team, plan with its monev, agents and their
// evidence, declaration, pakta coverage) and mapping them to suggestions — what every item page and
// /lke/:id/saran does per view — next to one trivial query on the same database (the floor of a
// round trip). Prints nothing; bench/run.ts formats the results.
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/kernel/db.ts';
import { buildI18n, seedDemo } from '../src/main.ts';
import { workplanLkeSuggestions } from '../src/modules/workplan/index.ts';
import { median, percentile } from './stats.ts';

const RUNS = 60;

export interface SuggestResult { runs: number; suggestions: number; ms: number[]; floorMs: number[] }

export async function benchSuggestions(): Promise<SuggestResult> {
  const database = await openDatabase({});
  try {
    await database.migrate();
    await seedDemo(database, null);
    const [{ id: unitId }] = await database.query<{ id: string }>(`select id from org_units where code = 'DPMPTSPKUKM'`);
    const t = buildI18n().translator('id');
    const ctx = { db: database.db, unitId, year: 2026, now: new Date('2026-11-28T03:00:00Z'), t };
    const ms: number[] = [];
    const floorMs: number[] = [];
    let suggestions = 0;
    // one untimed warm-up each, then alternate
    await workplanLkeSuggestions(ctx);
    await database.query('select 1');
    for (let i = 0; i < RUNS; i++) {
      let t0 = performance.now();
      suggestions = (await workplanLkeSuggestions(ctx)).length;
      ms.push(performance.now() - t0);
      t0 = performance.now();
      await database.query('select 1');
      floorMs.push(performance.now() - t0);
    }
    return { runs: RUNS, suggestions, ms, floorMs };
  } finally {
    await database.close();
  }
}

export const summarise = (xs: number[]) => ({ median: median(xs), p95: percentile(xs, 95) });
