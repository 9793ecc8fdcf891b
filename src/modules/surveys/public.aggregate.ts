// The figures of a period for the public results page: one SQL pass over the period's responses
// gives the respondents and the NRR per item (overall and per service); the survey core's rules
// turn them into the index — SKM: IKM with the exact weight 1/9, NIK, mutu and kinerja from the
// instrument's bands (skmFromNrr); SPAK/SPKP: the 0–4 index through the instrument's conversion and
// the 30-respondent minimum (perceptionFromNrr).
import { sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db.ts';
import type { TextPair } from './surveys.rules.ts';
import { perceptionFromNrr, skmFromNrr, type Mutu } from './surveys.rules.ts';
import { instrumentOf } from './public.instrument.ts';
import type { PeriodRow } from './public.queries.ts';

export interface Figures {
  respondents: number;
  /** SKM: IKM on 1–4; SPAK/SPKP: the index on 0–4; null without (complete) responses */
  index: number | null;
  nik: number | null;
  mutu: Mutu | null;
  kinerja: TextPair | null;
}

export interface PeriodAggregate extends Figures {
  items: { code: string; nrr: number | null }[];
  services: ({ serviceId: string | null } & Figures)[];
  minRespondents: number | null;
  meetsMinimum: boolean | null;
}

export async function aggregatePeriod(db: Db, period: Pick<PeriodRow, 'id' | 'instrument'>): Promise<PeriodAggregate> {
  const ins = instrumentOf(period.instrument);
  const codes = ins?.items.map((i) => i.code) ?? [];
  // one pass: the respondents and avg(answers[i]) per position, overall and per service
  const cols = sql.raw(codes.map((_, i) => `avg(r.answers[${i + 1}])::float8 as a${i + 1}`).join(', ') || 'null as a0');
  const res = await db.execute(sql`
    select r.service_id as service, grouping(r.service_id)::int as overall, count(*)::int as n, ${cols}
    from surveys_responses r where r.period_id = ${period.id}
    group by grouping sets ((), (r.service_id))`);
  const rows = (res as unknown as { rows: Record<string, unknown>[] }).rows;
  const nrrOf = (row: Record<string, unknown> | undefined) => new Map<number, number>(
    row ? codes.flatMap((_, i) => (row[`a${i + 1}`] === null || row[`a${i + 1}`] === undefined ? [] : [[i + 1, Number(row[`a${i + 1}`])] as [number, number]])) : []);
  const total = rows.find((r) => Number(r.overall) === 1);
  const overall = nrrOf(total);
  const counts = rows.filter((r) => Number(r.overall) === 0).map((r) => ({ service: (r.service as string | null) ?? null, n: Number(r.n), nrr: nrrOf(r) }));
  const figures = (nrrByOrd: Map<number, number>, respondents: number): Figures & { minRespondents: number | null; meetsMinimum: boolean | null } => {
    const nrr = Object.fromEntries(codes.map((c, i) => [c, nrrByOrd.get(i + 1) ?? null]));
    if (!ins) return { respondents, index: null, nik: null, mutu: null, kinerja: null, minRespondents: null, meetsMinimum: null };
    if (ins.kind === 'skm') {
      const r = skmFromNrr(nrr, respondents, { instrument: ins });
      return { respondents, index: r.ikm, nik: r.nik, mutu: r.mutu, kinerja: r.kinerja, minRespondents: null, meetsMinimum: null };
    }
    const r = perceptionFromNrr(ins, nrr, respondents);
    return { respondents, index: r.index, nik: null, mutu: null, kinerja: null, minRespondents: r.minRespondents, meetsMinimum: r.meetsMinimum };
  };
  const respondents = Number(total?.n ?? 0);
  return {
    ...figures(overall, respondents),
    items: codes.map((code, i) => ({ code, nrr: respondents ? overall.get(i + 1) ?? null : null })),
    services: counts.map((c) => ({ serviceId: c.service, ...figures(c.nrr, c.n) }))
      .sort((a, b) => b.respondents - a.respondents),
  };
}
