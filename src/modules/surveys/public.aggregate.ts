// The figures of a period for the public results page, computed in SQL (one pass over the
// period's responses): respondents, NRR per item, the index (mean of the NRR, SKM weight exactly
// 1/items), and the same per service. TEMPORARY private copy of what the survey core's
// periodResults/computeSkm provide; the category bands below are the domain spec's §6.3 table and
// move to the core's rule data with it.
import { sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db.ts';
import { formInstrumentOf } from './public.instrument.ts';
import type { PeriodRow } from './public.queries.ts';

/** TPN's minimum sample for IPAK and IPKP (domain spec §5.2). */
export const PERCEPTION_MIN_RESPONDENTS = 30;

export interface PeriodAggregate {
  respondents: number;
  /** mean of the items' NRR on the 1–4 scale; null without responses */
  index: number | null;
  items: { code: string; nrr: number | null }[];
  services: { serviceId: string | null; respondents: number; index: number | null }[];
}

/** NIK (25–100, rounded to 2 decimals before comparing) and the quality category of an IKM. */
export function skmCategory(ikm: number): { nik: number; mutu: 'A' | 'B' | 'C' | 'D' } {
  const nik = Math.round(ikm * 25 * 100) / 100;
  const mutu = nik >= 88.31 ? 'A' : nik >= 76.61 ? 'B' : nik >= 65 ? 'C' : 'D';
  return { nik, mutu };
}

const meanOf = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length === xs.length && v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
};

export async function aggregatePeriod(db: Db, period: PeriodRow): Promise<PeriodAggregate> {
  const inst = formInstrumentOf(period.instrument);
  const codes = inst?.items.map((i) => i.code) ?? [];
  const res = await db.execute(sql`
    select r.service_id as service, grouping(r.service_id)::int as overall, a.ord::int as ord, avg(a.v)::float8 as nrr
    from surveys_responses r cross join lateral unnest(r.answers) with ordinality as a(v, ord)
    where r.period_id = ${period.id}
    group by grouping sets ((a.ord), (r.service_id, a.ord))`);
  const rows = (res as unknown as { rows: { service: string | null; overall: number; ord: number; nrr: number }[] }).rows;
  const counts = (await db.execute(sql`
    select r.service_id as service, count(*)::int as n from surveys_responses r where r.period_id = ${period.id} group by r.service_id`) as unknown as { rows: { service: string | null; n: number }[] }).rows;
  const overall = new Map<number, number>();
  const byService = new Map<string, Map<number, number>>();
  for (const r of rows) {
    if (Number(r.overall) === 1) { overall.set(Number(r.ord), Number(r.nrr)); continue; }
    const k = r.service ?? '';
    if (!byService.has(k)) byService.set(k, new Map());
    byService.get(k)!.set(Number(r.ord), Number(r.nrr));
  }
  const items = codes.map((code, i) => ({ code, nrr: overall.get(i + 1) ?? null }));
  const respondents = counts.reduce((a, c) => a + Number(c.n), 0);
  return {
    respondents,
    index: respondents ? meanOf(items.map((i) => i.nrr)) : null,
    items: respondents ? items : items.map((i) => ({ ...i, nrr: null })),
    services: counts.map((c) => {
      const m = byService.get(c.service ?? '') ?? new Map<number, number>();
      return { serviceId: c.service, respondents: Number(c.n), index: meanOf(codes.map((_, i) => m.get(i + 1) ?? null)) };
    }).sort((a, b) => b.respondents - a.respondents),
  };
}
