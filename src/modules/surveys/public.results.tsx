// The unit's published survey results (/publik/unit/:code/survei): per published period the
// respondents, the index and its category, NRR per item (table and bars), SKM per service, the
// follow-up plan with its realisation; IPAK/IPKP flagged below the 30-respondent minimum. Each
// period links to the form it reports on (SPAK/SPKP: the unit's form; SKM: each service's form).
import type { Db } from '../../kernel/db.ts';
import { ScrollRegion } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { listServices } from '../services/index.ts';
import { itemNames } from './public.instrument.ts';
import { surveyFormPath } from './public.rules.ts';
import { findPublicUnit, publishedPeriods, type PeriodRow, type PublicUnit } from './public.queries.ts';
import { followupsOf, periodResults, type FollowupRow, type GroupResult, type PeriodResults as CoreResults } from './surveys.queries.ts';
import type { Mutu, TextPair } from './surveys.rules.ts';

/** The figures the page shows for the unit or one service: SKM (IKM 1–4, NIK, mutu) or the 0–4 perception index. */
interface Figures { respondents: number; index: number | null; nik: number | null; mutu: Mutu | null; kinerja: TextPair | null }
export interface PeriodAggregate extends Figures {
  items: { code: string; nrr: number | null }[];
  services: ({ serviceId: string | null; serviceName: string | null } & Figures)[];
  minRespondents: number | null;
  meetsMinimum: boolean | null;
}

function figuresOf(g: GroupResult): Figures {
  if (g.skm) return { respondents: g.respondents, index: g.skm.ikm, nik: g.skm.nik, mutu: g.skm.mutu, kinerja: g.skm.kinerja };
  return { respondents: g.respondents, index: g.perception?.index ?? null, nik: null, mutu: null, kinerja: null };
}

/** The survey core's periodResults, shaped for this page. */
export function aggregateOf(r: CoreResults): PeriodAggregate {
  return {
    ...figuresOf(r.unit),
    items: r.instrument.items.map((it) => ({ code: it.code, nrr: r.unit.respondents ? r.unit.nrr[it.code] ?? null : null })),
    services: r.services.map((g) => ({ serviceId: g.serviceId, serviceName: g.serviceName, ...figuresOf(g) })).sort((a, b) => b.respondents - a.respondents),
    minRespondents: r.unit.perception?.minRespondents ?? null,
    meetsMinimum: r.unit.perception?.meetsMinimum ?? null,
  };
}

export interface PeriodResults {
  period: PeriodRow;
  agg: PeriodAggregate;
  followups: FollowupRow[];
}

export interface PublicResultsData {
  unit: PublicUnit;
  periods: PeriodResults[];
  /** service id → its short code, for the links to the services' forms (active services only) */
  serviceCodes: Map<string, string>;
}

export async function publicResults(db: Db, unitCode: string): Promise<PublicResultsData | null> {
  const unit = await findPublicUnit(db, unitCode);
  if (!unit) return null;
  const periods = await publishedPeriods(db, unit.id);
  const fus = await followupsOf(db, periods.map((p) => p.id));
  const out: PeriodResults[] = [];
  for (const p of periods) {
    const r = await periodResults(db, p.id);
    if (r) out.push({ period: p, agg: aggregateOf(r), followups: fus.filter((f) => f.periodId === p.id) });
  }
  const serviceCodes = new Map((await listServices(db, unit.id)).filter((x) => x.isActive).map((x) => [x.id, x.code] as const));
  return { unit, periods: out, serviceCodes };
}

function periodLabel(v: View, p: PeriodRow): string {
  if (p.periodType === 'quarter') return v.t('survey.public.period.quarter', { n: p.n, year: p.year });
  if (p.periodType === 'semester') return v.t('survey.public.period.semester', { n: p.n, year: p.year });
  return v.t('survey.public.period.year', { year: p.year });
}

/** A horizontal bar of a value on the 1–4 scale; the number is in the table beside it, so the bar is decoration. */
function Bar({ value, max = 4 }: { value: number; max?: number }) {
  const w = Math.max(0, Math.min(1, value / max)) * 100;
  return (
    <svg class="survey-bar" viewBox="0 0 100 10" width="100%" height="14" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect x="0" y="0" width="100" height="10" fill="#e6f2ef" />
      <rect x="0" y="0" width={w.toFixed(2)} height="10" fill="#0b5c4a" />
    </svg>
  );
}

function PeriodSection({ v, r, unit, serviceCodes }: { v: View; r: PeriodResults; unit: PublicUnit; serviceCodes: Map<string, string> }) {
  const { period: p, agg } = r;
  const names = itemNames(p.instrument, v.locale);
  const id = `periode-${p.id}`;
  const kindTitle = v.t(`survey.public.kind.${p.kind}`);
  const perception = p.kind === 'spak' || p.kind === 'spkp';
  return (
    <section class="card survey-results" aria-labelledby={id}>
      <h2 id={id}>{kindTitle} — {periodLabel(v, p)}</h2>
      {perception ? (
        <p><a href={surveyFormPath(unit.code, p.kind === 'spak' ? 'ipak' : 'ipkp')}>{v.t('survey.public.results.form_link')}</a>
          {p.status !== 'open' ? <span class="muted"> ({v.t('survey.public.results.form_closed')})</span> : null}</p>
      ) : null}
      <dl class="summary-list">
        <div class="summary-list__row"><dt>{v.t('survey.public.results.period')}</dt><dd>{v.date(p.startsOn)} – {v.date(p.endsOn)}</dd></div>
        <div class="summary-list__row"><dt>{v.t('survey.public.results.respondents')}</dt>
          <dd><span data-respondents>{v.num(agg.respondents)}</span>
            {perception && agg.meetsMinimum === false
              ? <> <span class="badge badge--warning">{v.t('survey.public.results.below_minimum', { n: agg.minRespondents ?? '' })}</span></> : null}
          </dd></div>
        {agg.index === null ? (
          <div class="summary-list__row"><dt>{v.t('survey.public.results.index')}</dt><dd>{v.t('survey.public.results.no_responses')}</dd></div>
        ) : perception ? (
          <div class="summary-list__row"><dt>{v.t(`survey.public.results.index.${p.kind}`)}</dt><dd data-index>{v.num(agg.index, 2)}</dd></div>
        ) : (<>
          <div class="summary-list__row"><dt>{v.t('survey.public.results.ikm')}</dt><dd data-index>{v.num(agg.index, 2)}</dd></div>
          <div class="summary-list__row"><dt>{v.t('survey.public.results.nik')}</dt><dd data-nik>{agg.nik === null ? '–' : v.num(agg.nik, 2)}</dd></div>
          <div class="summary-list__row"><dt>{v.t('survey.public.results.quality')}</dt>
            <dd>{agg.mutu ?? '–'}{agg.kinerja ? ` — ${agg.kinerja[v.locale]}` : ''}</dd></div>
        </>)}
      </dl>
      {agg.items.length ? (
        <ScrollRegion label={v.t('survey.public.results.nrr_caption', { period: periodLabel(v, p) })}>
          <table class="survey-nrr">
            <caption>{v.t('survey.public.results.nrr_caption', { period: periodLabel(v, p) })}</caption>
            <thead><tr>
              <th scope="col">{v.t('survey.public.results.item')}</th>
              <th scope="col" class="num">{v.t('survey.public.results.nrr')}</th>
              <th scope="col"><span class="visually-hidden">{v.t('survey.public.results.bar')}</span></th>
            </tr></thead>
            <tbody>
              {agg.items.map((it, i) => (
                <tr>
                  <th scope="row">{it.code} {names.get(it.code) ?? v.t('survey.public.results.item_n', { n: i + 1 })}</th>
                  <td class="num">{it.nrr === null ? '–' : v.num(it.nrr, 2)}</td>
                  <td class="survey-nrr__bar">{it.nrr === null ? null : <Bar value={it.nrr} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {p.kind === 'skm' && agg.services.length ? (<>
        <h3>{v.t('survey.public.results.per_service')}</h3>
        <ScrollRegion label={`${v.t('survey.public.results.per_service')}, ${periodLabel(v, p)}`}>
          <table class="table">
            <caption class="visually-hidden">{v.t('survey.public.results.per_service')}</caption>
            <thead><tr>
              <th scope="col">{v.t('survey.public.results.service')}</th>
              <th scope="col" class="num">{v.t('survey.public.results.respondents')}</th>
              <th scope="col" class="num">{v.t('survey.public.results.ikm')}</th>
              <th scope="col" class="num">{v.t('survey.public.results.nik')}</th>
              <th scope="col">{v.t('survey.public.results.quality')}</th>
            </tr></thead>
            <tbody>
              {agg.services.map((s) => {
                const name = s.serviceId ? s.serviceName ?? v.t('survey.public.results.service_unknown') : v.t('survey.public.results.service_none');
                const code = s.serviceId ? serviceCodes.get(s.serviceId) : undefined;
                return (
                  <tr>
                    <th scope="row">{code ? <a href={surveyFormPath(unit.code, code)}>{name}</a> : name}</th>
                    <td class="num" data-label={v.t('survey.public.results.respondents')}>{v.num(s.respondents)}</td>
                    <td class="num" data-label={v.t('survey.public.results.ikm')}>{s.index === null ? '–' : v.num(s.index, 2)}</td>
                    <td class="num" data-label={v.t('survey.public.results.nik')}>{s.nik === null ? '–' : v.num(s.nik, 2)}</td>
                    <td data-label={v.t('survey.public.results.quality')}>{s.mutu ?? '–'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      </>) : null}
      <h3>{v.t('survey.public.results.followup')}</h3>
      {r.followups.length ? (
        <ul class="plain-list survey-followups">
          {r.followups.map((f) => (
            <li>
              <strong>{f.item ? `${f.item} ${names.get(f.item) ?? ''}`.trim() : v.t('survey.public.results.followup_general')}:</strong> {f.action}
              {f.targetDate ? <> <span class="muted">({v.t('survey.public.results.followup_target', { date: v.date(f.targetDate) })})</span></> : null}
              <div>
                {f.done
                  ? <span class="badge badge--success">{v.t('survey.public.results.followup_done')}{f.doneOn ? ` ${v.date(f.doneOn)}` : ''}</span>
                  : <span class="badge badge--neutral">{v.t('survey.public.results.followup_open')}</span>}
                {f.realisation ? <> {v.t('survey.public.results.followup_realisation')}: {f.realisation}</> : null}
              </div>
            </li>
          ))}
        </ul>
      ) : <p class="muted">{v.t('survey.public.results.followup_none')}</p>}
    </section>
  );
}

export function ResultsPage({ v, data }: { v: View; data: PublicResultsData }) {
  const title = v.t('survey.public.results.title');
  return (
    <Layout v={v} title={`${title} · ${data.unit.shortName}`}>
      <p class="survey-unit"><a href={`/publik/unit/${encodeURIComponent(data.unit.code)}`}>{data.unit.name}</a></p>
      <h1>{title}</h1>
      <p class="lead">{v.t('survey.public.results.lead')}</p>
      {data.periods.length
        ? data.periods.map((r) => <PeriodSection v={v} r={r} unit={data.unit} serviceCodes={data.serviceCodes} />)
        : <p class="muted">{v.t('survey.public.results.none')}</p>}
    </Layout>
  );
}

