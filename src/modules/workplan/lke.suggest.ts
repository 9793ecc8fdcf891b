// The work plan's facts offered to the LKE as suggested answers (items A.I.1.* and A.II.1.*): the
// Tim Kerja ZI and how it was selected, the Rencana Kerja with its targets, schedule and monev, the
// change agents and their changes, Pakta Integritas coverage and who takes part. How records become
// answers is data (lke-suggestions.json, decision 0006); the pure mapping is `suggestFromFacts`,
// the reads are `gatherFacts`. The LKE module shows the suggestions; the unit accepts or overrides.
import { readFileSync } from 'node:fs';
import type { Db } from '../../kernel/db.ts';
import { currentMonth, currentYear, regencyToday } from '../../kernel/workdays.ts';
import type { LkeSuggestion, LkeSuggestionSource, SuggestionContext, SuggestionEvidence, SuggestionFact } from '../assessment/index.ts';
import { listEvidenceFor, listEvidenceOfSubjects, type EvidenceLinkView } from '../evidence/index.ts';
import { accountsHoldingRole } from '../org/index.ts';
import { AGENT_SUBJECT, CHANGE_SUBJECT, changeAgentInputs, listAgents } from './agents.queries.ts';
import { findDeclaration } from './declaration.queries.ts';
import { DECLARATION_SUBJECT } from './declaration.service.ts';
import { pactCoverage } from './pakta.queries.ts';
import { renderMonevReportPdf } from './monev.pdf.ts';
import { MONEV_SUBJECT, periodOf } from './monev.rules.ts';
import { monevReportOf } from './monev.service.ts';
import { renderDecreePdf } from './plan.pdf.ts';
import { activitiesOf, listPlans, monevOf, planAreasOf } from './plan.queries.ts';
import { AREAS } from './plan.rules.ts';
import { decreeOf } from './plan.service.ts';
import { findTeam, listMembers, TEAM_SUBJECT } from './team.queries.ts';

// ---- the mapping rules (data) ------------------------------------------------------------------

interface Bound { above?: number; atLeast?: number }
export interface SuggestionRules {
  id: string;
  shares: { all: Bound; most: Bound; some: Bound };
  targetsAchieved: { a: Bound; b: Bound; c: Bound };
  monevRegular: { maxGapMonths: number };
  leaderRoles: { roles: string[] };
  activityItems: { items: string[] };
  involvement: { bestSuggested: 'a' | 'b' };
}

export const SUGGESTION_RULES: SuggestionRules = JSON.parse(readFileSync(new URL('./lke-suggestions.json', import.meta.url), 'utf8'));

const meets = (share: number, b: Bound) => (b.atLeast !== undefined ? share >= b.atLeast - 1e-9 : share > (b.above ?? 0) + 1e-9);

/** all / most / some / none of a share 0..1, by the rule set's bands. */
export function shareBand(share: number, rules = SUGGESTION_RULES): 'all' | 'most' | 'some' | 'none' {
  if (meets(share, rules.shares.all)) return 'all';
  if (meets(share, rules.shares.most)) return 'most';
  if (meets(share, rules.shares.some)) return 'some';
  return 'none';
}

/** Months of `year` that have ended at `now` in the regency (0 before the year, 12 after it). */
export function endedMonths(year: number, now: Date): number {
  const y = currentYear(now);
  if (year < y) return 12;
  if (year > y) return 0;
  return currentMonth(now) - 1;
}

// ---- the facts ---------------------------------------------------------------------------------

export interface EvidenceRef { fileId: string | null; url: string | null; title: string }

export interface WorkplanFacts {
  year: number;
  /** months of the year that have ended */
  ended: number;
  team: null | { decreeNumber: string | null; decreeDate: string | null; selection: string; members: number; coordinatorAreas: number; evidence: EvidenceRef[] };
  plan: null | {
    id: string; title: string; decreeNumber: string | null; decreeDate: string | null; areasWithTargets: number;
    activities: { id: string; title: string; months: number[]; lkeItems: string[]; picPersonId: string | null }[];
    monev: { id?: string; activityId: string; month: number; status: string; followUp: string | null; followUpDone: boolean; createdBy: string | null }[];
    /** evidence on monev records, by monev id */
    monevEvidence?: Map<string, EvidenceRef[]>;
  };
  /** accounts of the unit's leaders (unit head, ZI chair) */
  leaderAccounts: string[];
  agents: null | { agents: number; changes: number; integrated: number; evidence: EvidenceRef[] };
  declaration: null | { declaredOn: string; evidence: EvidenceRef[] };
  people: null | { total: number; signed: number; involved: number };
}

const refOf = (e: EvidenceLinkView): EvidenceRef => ({ fileId: e.fileId, url: e.url, title: e.title });

/** Reads what the work plan knows about a unit and year. */
export async function gatherFacts(db: Db, unitId: string, year: number, now: Date): Promise<WorkplanFacts> {
  const ended = endedMonths(year, now);
  const facts: WorkplanFacts = { year, ended, team: null, plan: null, leaderAccounts: [], agents: null, declaration: null, people: null };
  const involved = new Set<string>();

  const team = await findTeam(db, unitId, year);
  if (team) {
    const members = await listMembers(db, team.id);
    for (const m of members) involved.add(m.id);
    const ev = [...(await listEvidenceFor(db, TEAM_SUBJECT, team.id)).values()].flat().map(refOf);
    facts.team = {
      decreeNumber: team.decreeNumber, decreeDate: team.decreeDate, selection: team.selection, members: members.length,
      coordinatorAreas: new Set(members.filter((m) => m.role === 'coordinator' && m.area).map((m) => m.area)).size, evidence: ev,
    };
  }

  const plan = (await listPlans(db, unitId)).find((p) => p.year === year);
  if (plan) {
    const [areas, acts, monev, monevEv] = await Promise.all([planAreasOf(db, plan.id), activitiesOf(db, plan.id), monevOf(db, plan.id), listEvidenceFor(db, MONEV_SUBJECT, plan.id)]);
    for (const { a } of acts) if (a.picPersonId) involved.add(a.picPersonId);
    facts.plan = {
      id: plan.id, title: plan.title, decreeNumber: plan.decreeNumber, decreeDate: plan.decreeDate,
      areasWithTargets: areas.filter((a) => (a.targets as string[]).length > 0).length,
      activities: acts.map(({ a }) => ({ id: a.id, title: a.title, months: a.months as number[], lkeItems: a.lkeItems as string[], picPersonId: a.picPersonId })),
      monev: monev.map((m) => ({ id: m.id, activityId: m.activityId, month: m.month, status: m.status, followUp: m.followUp, followUpDone: m.followUpDone, createdBy: m.createdBy })),
      monevEvidence: new Map([...monevEv.entries()].map(([k, v]) => [k, v.map(refOf)])),
    };
    facts.leaderAccounts = [...new Set((await Promise.all(SUGGESTION_RULES.leaderRoles.roles.map((r) => accountsHoldingRole(db, r, unitId)))).flat())];
  }

  const agents = await listAgents(db, unitId, year);
  if (agents.length) {
    for (const a of agents) involved.add(a.personId);
    const counts = await changeAgentInputs(db, unitId, year);
    const [ofAgents, ofChanges] = await Promise.all([
      listEvidenceOfSubjects(db, AGENT_SUBJECT, agents.map((a) => a.id)),
      listEvidenceOfSubjects(db, CHANGE_SUBJECT, agents.flatMap((a) => a.changes.map((ch) => ch.id))),
    ]);
    const ev = [...ofAgents.values(), ...ofChanges.values()].flat().map(refOf);
    facts.agents = { ...counts, evidence: ev };
  }

  const decl = await findDeclaration(db, unitId);
  if (decl && Number(decl.declaredOn.slice(0, 4)) <= year) {
    facts.declaration = { declaredOn: decl.declaredOn, evidence: [...(await listEvidenceFor(db, DECLARATION_SUBJECT, decl.id)).values()].flat().map(refOf) };
  }

  const coverage = await pactCoverage(db, unitId, year);
  if (coverage.total > 0) {
    const everyone = [...coverage.signers, ...coverage.missing];
    const signed = new Set(coverage.signers.map((p) => p.personId));
    facts.people = { total: coverage.total, signed: coverage.signed, involved: everyone.filter((p) => signed.has(p.personId) || involved.has(p.personId)).length };
  }
  return facts;
}

// ---- facts → suggestions (pure) ----------------------------------------------------------------

const f = (key: string, params?: Record<string, string | number>): SuggestionFact => ({ key: `wpl.fact.${key}`, ...(params ? { params } : {}) });
const pctOf = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 100));
const TEAM = { key: 'wpl.source.team', href: '/tim-zi' };
const AGENTS = { key: 'wpl.source.agents', href: '/agen-perubahan' };
const PAKTA = { key: 'wpl.source.pakta', href: '/pakta/coverage' };

function evidenceOf(refs: EvidenceRef[]): SuggestionEvidence[] {
  const out: SuggestionEvidence[] = [];
  const seen = new Set<string>();
  for (const r of refs) {
    const key = r.fileId ?? r.url ?? '';
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(r.fileId ? { kind: 'file', fileId: r.fileId, title: r.title } : { kind: 'url', url: r.url!, title: r.title });
  }
  return out;
}

/** Scheduled activity-months that have ended, and how many of them are done. */
function endedSlots(p: NonNullable<WorkplanFacts['plan']>, ended: number, only?: (a: { lkeItems: string[] }) => boolean) {
  const done = new Set(p.monev.filter((m) => m.status === 'done').map((m) => `${m.activityId}:${m.month}`));
  let scheduled = 0;
  let completed = 0;
  const acts = p.activities.filter((a) => !only || only(a));
  for (const a of acts) {
    for (const m of a.months) {
      if (m > ended) continue;
      scheduled++;
      if (done.has(`${a.id}:${m}`)) completed++;
    }
  }
  return { scheduled, completed, activities: acts.length };
}

/** Documents the work plan generates as evidence: the decree on the plan and the monev report of the year. */
export interface GeneratedDocs { decree?: SuggestionEvidence | null; monev?: SuggestionEvidence | null }

/**
 * The suggestions the facts support. `docs` are the generated documents offered as evidence of the
 * plan and monev items; `rules` is the mapping data (tests pass variants).
 */
export function suggestFromFacts(facts: WorkplanFacts, docs: GeneratedDocs = {}, rules = SUGGESTION_RULES): LkeSuggestion[] {
  const decree = docs.decree ?? null;
  const monevEv = docs.monev ? [docs.monev] : [];
  const out: LkeSuggestion[] = [];
  const { team, plan, agents, declaration, people, ended } = facts;
  const year = facts.year;

  // A.I.1.i.a/b — the team and how its members were chosen
  if (team) {
    const formed = !!team.decreeNumber && !!team.decreeDate;
    const teamFacts = [
      formed ? f('team.decree', { number: team.decreeNumber!, date: team.decreeDate! }) : f('team.no_decree'),
      f('team.members', { n: team.members, areas: team.coordinatorAreas }),
    ];
    out.push({ item: 'A.I.1.i.a', answer: formed && team.members > 0 ? 'Ya' : null, facts: teamFacts, evidence: evidenceOf(team.evidence), source: TEAM });
    const letter = ({ clear_all: 'a', partial: 'b', none: 'c' } as Record<string, string>)[team.selection] ?? null;
    out.push({ item: 'A.I.1.i.b', answer: letter, facts: [f(`team.selection.${team.selection}`), f('team.members', { n: team.members, areas: team.coordinatorAreas })], evidence: evidenceOf(team.evidence), source: TEAM });
  }

  if (plan) {
    const PLAN = { key: 'wpl.source.plan', href: `/rencana-kerja/${plan.id}` };
    const MONEV = { key: 'wpl.source.monev', href: `/rencana-kerja/${plan.id}/monev` };
    const ev = decree ? [decree] : [];
    const planFact = plan.decreeNumber ? f('plan.decree', { title: plan.title, number: plan.decreeNumber, date: plan.decreeDate ?? '—' }) : f('plan.no_decree', { title: plan.title });
    // A.I.1.ii.a — there is a work plan
    out.push({ item: 'A.I.1.ii.a', answer: 'Ya', facts: [planFact, f('plan.activities', { n: plan.activities.length })], evidence: ev, source: PLAN });
    // A.I.1.ii.b — priority targets: how many of the six areas have targets
    const tb = shareBand(plan.areasWithTargets / AREAS.length, rules);
    out.push({ item: 'A.I.1.ii.b', answer: tb === 'all' ? 'a' : tb === 'none' ? 'c' : 'b', facts: [f('plan.targets', { n: plan.areasWithTargets, total: AREAS.length })], evidence: ev, source: PLAN });

    // A.I.1.iii.a — activities carried out as planned (ended months)
    const all = endedSlots(plan, ended);
    if (all.scheduled > 0) {
      const band = shareBand(all.completed / all.scheduled, rules);
      out.push({
        item: 'A.I.1.iii.a', answer: { all: 'a', most: 'b', some: 'c', none: 'd' }[band],
        facts: [f('plan.done', { done: all.completed, scheduled: all.scheduled, pct: pctOf(all.completed, all.scheduled), months: ended })], evidence: monevEv, source: MONEV,
      });
    } else {
      out.push({ item: 'A.I.1.iii.a', answer: null, facts: [f('plan.nothing_ended')], evidence: [], source: MONEV });
    }

    // A.I.1.iii.b — monev with the leaders, periodically
    const months = [...new Set(plan.monev.filter((m) => m.month <= ended).map((m) => m.month))].sort((a, b) => a - b);
    if (ended > 0) {
      let gap = 0;
      let last = 0;
      for (const m of [...months, ended + 1]) { gap = Math.max(gap, m - last - 1); last = m; }
      const regular = months.length > 0 && gap < rules.monevRegular.maxGapMonths;
      const leaders = new Set(facts.leaderAccounts);
      const byLeader = plan.monev.filter((m) => m.createdBy && leaders.has(m.createdBy)).length;
      const answer = months.length === 0 ? 'd' : byLeader > 0 && regular ? 'a' : byLeader > 0 ? 'b' : 'c';
      out.push({
        item: 'A.I.1.iii.b', answer,
        facts: [months.length ? f('monev.months', { n: months.length, ended }) : f('monev.none'), f(regular ? 'monev.regular' : 'monev.irregular', { gap: rules.monevRegular.maxGapMonths }), f(byLeader ? 'monev.leader' : 'monev.no_leader', { n: byLeader })],
        evidence: months.length ? monevEv : [], source: MONEV,
      });
    }

    // A.I.1.iii.c — monev notes followed up
    const needing = plan.monev.filter((m) => m.followUp && m.followUp.trim());
    if (needing.length) {
      const doneFu = needing.filter((m) => m.followUpDone).length;
      const band = shareBand(doneFu / needing.length, rules);
      out.push({ item: 'A.I.1.iii.c', answer: { all: 'a', most: 'b', some: 'c', none: 'd' }[band], facts: [f('monev.followup', { done: doneFu, n: needing.length })], evidence: monevEv, source: MONEV });
    } else if (plan.monev.length) {
      out.push({ item: 'A.I.1.iii.c', answer: null, facts: [f('monev.no_followup')], evidence: [], source: MONEV });
    }

    // A.II.1.ii.a — ZI targets in the plan and how far they are achieved (activity-months of the whole year)
    const year12 = endedSlots(plan, 12);
    if (plan.areasWithTargets === 0) {
      out.push({ item: 'A.II.1.ii.a', answer: 'e', facts: [f('plan.targets', { n: 0, total: AREAS.length })], evidence: ev, source: PLAN });
    } else if (year12.scheduled > 0) {
      const share = year12.completed / year12.scheduled;
      const t = rules.targetsAchieved;
      const answer = meets(share, t.a) ? 'a' : meets(share, t.b) ? 'b' : meets(share, t.c) ? 'c' : 'd';
      out.push({
        item: 'A.II.1.ii.a', answer,
        facts: [f('plan.targets', { n: plan.areasWithTargets, total: AREAS.length }), f('plan.achieved', { done: year12.completed, scheduled: year12.scheduled, pct: pctOf(year12.completed, year12.scheduled), year })],
        evidence: ev, source: PLAN,
      });
    }

    // items served by tagged activities (socialisation, role model, work culture)
    for (const code of rules.activityItems.items) {
      const s = endedSlots(plan, ended, (a) => a.lkeItems.includes(code));
      // the evidence of the tagged activities' monev records (and, for socialisation, the declaration's publications)
      const tagged = new Set(plan.activities.filter((a) => a.lkeItems.includes(code)).map((a) => a.id));
      const ofMonev = plan.monev.filter((m) => tagged.has(m.activityId) && m.id).flatMap((m) => plan.monevEvidence?.get(m.id!) ?? []);
      const extra = [...(code === 'A.I.1.ii.c' && declaration ? declaration.evidence : []), ...ofMonev];
      if (s.activities === 0) {
        if (code === 'A.I.1.ii.c' && declaration) out.push({ item: code, answer: null, facts: [f('declaration', { date: declaration.declaredOn, n: declaration.evidence.length }), f('activity.none')], evidence: evidenceOf(extra), source: PLAN });
        continue;
      }
      const factsHere = [f('activity.tagged', { n: s.activities, done: s.completed, scheduled: s.scheduled })];
      if (code === 'A.I.1.ii.c' && declaration) factsHere.unshift(f('declaration', { date: declaration.declaredOn, n: declaration.evidence.length }));
      let answer: string | null = null;
      if (s.scheduled > 0) {
        const band = shareBand(s.completed / s.scheduled, rules);
        answer = code === 'A.I.1.iv.a' ? (band === 'none' ? 'Tidak' : 'Ya')
          : code === 'A.II.1.iii.a' ? ({ all: 'b', most: 'c', some: 'c', none: 'd' } as const)[band]
            : ({ all: 'a', most: 'b', some: 'b', none: 'c' } as const)[band];
      }
      out.push({ item: code, answer, facts: factsHere, evidence: evidenceOf(extra), source: PLAN });
    }
  }

  // A.I.1.iv.b, A.II.1.i.a/b — change agents and their changes
  if (agents) {
    const ev = evidenceOf(agents.evidence);
    const counts = f('agents.counts', { agents: agents.agents, changes: agents.changes, integrated: agents.integrated });
    out.push({ item: 'A.I.1.iv.b', answer: agents.agents === 0 ? null : agents.changes > 0 ? 'a' : 'b', facts: [counts], evidence: ev, source: AGENTS });
    out.push({ item: 'A.II.1.i.a', answer: { inputs: { agents: agents.agents, changes: agents.changes } }, facts: [counts, f('agents.rule')], evidence: ev, source: AGENTS });
    out.push({ item: 'A.II.1.i.b', answer: { inputs: { changes: agents.changes, integrated: agents.integrated } }, facts: [counts], evidence: ev, source: AGENTS });
  }

  // A.I.1.iv.d — members involved
  if (people) {
    const band = shareBand(people.involved / people.total, rules);
    const answer = band === 'all' ? rules.involvement.bestSuggested : ({ most: 'b', some: 'c', none: 'd' } as const)[band];
    out.push({
      item: 'A.I.1.iv.d', answer,
      facts: [f('people.involved', { n: people.involved, total: people.total, pct: pctOf(people.involved, people.total) }), f('people.pakta', { n: people.signed, total: people.total }), f('people.a_needs')],
      evidence: [], source: PAKTA,
    });
  }
  return out;
}

/** The source the composition root hands to the LKE: facts read now, the decree PDF generated on acceptance. */
export const workplanLkeSuggestions: LkeSuggestionSource = async (ctx: SuggestionContext) => {
  const facts = await gatherFacts(ctx.db, ctx.unitId, ctx.year, ctx.now);
  let decree: SuggestionEvidence | null = null;
  let monev: SuggestionEvidence | null = null;
  if (facts.plan) {
    const plan = (await listPlans(ctx.db, ctx.unitId)).find((p) => p.id === facts.plan!.id)!;
    decree = {
      kind: 'document',
      title: ctx.t('wpl.evidence.decree', { year: ctx.year }),
      fileName: `Keputusan-Rencana-Kerja-ZI-${ctx.year}.pdf`,
      render: async () => {
        const names: Record<number, string> = {};
        for (const a of AREAS) names[a] = ctx.t(`area.${a}`);
        return renderDecreePdf(await decreeOf(ctx.db, plan, names), plan.updatedAt);
      },
    };
    if (facts.plan.monev.length) {
      // the year's report as it stands today (the same bytes all day, so two items share one file)
      const today = new Date(`${regencyToday(ctx.now)}T00:00:00Z`);
      monev = {
        kind: 'document',
        title: ctx.t('wpl.evidence.monev', { year: ctx.year, date: today.toISOString().slice(0, 10) }),
        fileName: `Laporan-Monev-Rencana-Kerja-ZI-${ctx.year}.pdf`,
        render: async () => renderMonevReportPdf(await monevReportOf(ctx.db, plan, periodOf('year', ctx.year), ctx.t, { today: ctx.now }), today),
      };
    }
  }
  return suggestFromFacts(facts, { decree, monev });
};
