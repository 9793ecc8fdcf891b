// The services module's facts offered to the LKE as suggested answers: A.I.6.i.a (standards set for
// all services, with every component), A.I.6.i.b (standards declared by a maklumat and published
// online and in other media), A.I.6.i.c (standards reviewed with stakeholders using SKM and
// complaint inputs), A.I.6.i.d (standards and maklumat published), A.I.2.i.b (SOPs applied) and
// A.I.2.i.c (SOPs evaluated and followed up). How records become answers is data
// (lke-suggestions.json, decision 0006); the pure mapping is `suggestFromFacts`, the reads `gatherFacts`.
import { readFileSync } from 'node:fs';
import type { Db } from '../../kernel/db.ts';
import type { LkeSuggestion, LkeSuggestionSource, SuggestionContext, SuggestionEvidence, SuggestionFact } from '../assessment/index.ts';
import { listEvidenceOfSubjects, type EvidenceLinkView } from '../evidence/index.ts';
import {
  SUBJECT, unitOf, consultationsOf, evaluationsOf, listAllServices, maklumatOf, reviewsOfServices, sopsOf, standardsOfServices,
} from './services.queries.ts';
import { GROUPS, componentsOf, missingComponents, type Finding, type Participant } from './services.rules.ts';

interface Bound { above?: number; atLeast?: number }
export interface ServicesSuggestionRules {
  id: string;
  shares: { all: Bound; most: Bound; some: Bound };
  standardComplete: { minChars: number };
  reviewStakeholders: { findingSource: string };
  reviewInputs: { needed: string[] };
  sopApplied: { bestSuggested: 'a' | 'b' };
  sopEvaluated: { followedUp: string[] };
}

export const SERVICES_RULES: ServicesSuggestionRules = JSON.parse(readFileSync(new URL('./lke-suggestions.json', import.meta.url), 'utf8'));

const meets = (share: number, b: Bound) => (b.atLeast !== undefined ? share >= b.atLeast - 1e-9 : share > (b.above ?? 0) + 1e-9);
export function shareBand(share: number, rules = SERVICES_RULES): 'all' | 'most' | 'some' | 'none' {
  if (meets(share, rules.shares.all)) return 'all';
  if (meets(share, rules.shares.most)) return 'most';
  if (meets(share, rules.shares.some)) return 'some';
  return 'none';
}

// ---- the facts ---------------------------------------------------------------------------------

export interface EvidenceRef { fileId: string | null; url: string | null; title: string }

export interface ServicesFacts {
  year: number;
  /** active services that existed by the end of the year, with the standard in force then */
  services: { code: string; name: string; standard: null | { version: number; missing: number; decreeNumber: string | null; effectiveFrom: string | null; evidence: EvidenceRef[] } }[];
  /** the maklumat in force at the end of the year */
  maklumat: null | { version: number; signedOn: string | null; evidence: EvidenceRef[] };
  /** reviews held in the year */
  reviews: { reviewedOn: string; sources: string[]; changed: boolean }[];
  /** consultations held in the year */
  consultations: { heldOn: string; stakeholders: number; participants: number; evidence: EvidenceRef[] }[];
  /** SOP numbers in effect by the end of the year, with their evaluations in the year (any version of the number) */
  sops: { number: string; evaluations: { followUp: string }[]; evidence: EvidenceRef[] }[];
  /** the unit's public pages are served (the unit is active) */
  publicPages: boolean;
}

const refOf = (e: EvidenceLinkView): EvidenceRef => ({ fileId: e.fileId, url: e.url, title: e.title });
const flat = (m: Map<string, EvidenceLinkView[]>, id: string) => (m.get(id) ?? []).map(refOf);

/** Reads what the services module knows about a unit and year. */
export async function gatherFacts(db: Db, unitId: string, year: number, unitActive = true): Promise<ServicesFacts> {
  const end = `${year}-12-31`;
  const endAt = new Date(`${year + 1}-01-01T00:00:00Z`);
  const inYear = (d: string) => d.slice(0, 4) === String(year);
  const all = (await listAllServices(db, unitId)).filter((s) => s.isActive && s.createdAt < endAt);
  const versions = await standardsOfServices(db, all.map((s) => s.id));
  // the version in force at the end of the year: the latest published (now or since superseded) with effect by then
  const inForce = new Map<string, (typeof versions)[number]>();
  for (const v of versions) {
    if (v.status === 'draft' || !v.publishedAt || v.publishedAt >= endAt || (v.effectiveFrom && v.effectiveFrom > end)) continue;
    const cur = inForce.get(v.serviceId);
    if (!cur || v.version > cur.version) inForce.set(v.serviceId, v);
  }
  const stdEvidence = await listEvidenceOfSubjects(db, SUBJECT.standard, [...inForce.values()].map((v) => v.id));
  const services = all.map((s) => {
    const st = inForce.get(s.id);
    return {
      code: s.code, name: s.name,
      standard: st ? { version: st.version, missing: missingComponents(componentsOf(st.components), SERVICES_RULES.standardComplete.minChars).length, decreeNumber: st.decreeNumber, effectiveFrom: st.effectiveFrom, evidence: flat(stdEvidence, st.id) } : null,
    };
  });

  const mk = (await maklumatOf(db, unitId)).find((m) => m.publishedAt && m.publishedAt < endAt) ?? null;
  const mkEvidence = mk ? await listEvidenceOfSubjects(db, SUBJECT.maklumat, [mk.id]) : new Map();

  const reviews = (await reviewsOfServices(db, all.map((s) => s.id))).filter((r) => inYear(r.reviewedOn))
    .map((r) => ({ reviewedOn: r.reviewedOn, sources: [...new Set((r.findings as Finding[]).map((f) => f.source))], changed: !!r.resultingStandardId }));

  const stakeholderGroups = new Set(GROUPS.filter((g) => g.stakeholder).map((g) => g.key));
  const cons = (await consultationsOf(db, unitId)).filter((x) => inYear(x.heldOn));
  const consEvidence = await listEvidenceOfSubjects(db, SUBJECT.consultation, cons.map((x) => x.id));
  const consultations = cons.map((x) => {
    const p = x.participants as Participant[];
    return { heldOn: x.heldOn, stakeholders: p.filter((g) => stakeholderGroups.has(g.group)).reduce((n, g) => n + g.count, 0), participants: p.reduce((n, g) => n + g.count, 0), evidence: flat(consEvidence, x.id) };
  });

  const allSops = await sopsOf(db, unitId, { all: true });
  const evals = (await evaluationsOf(db, allSops.map((s) => s.id))).filter((e) => inYear(e.evaluatedOn));
  const sopEvidence = await listEvidenceOfSubjects(db, SUBJECT.sop, allSops.map((s) => s.id));
  const byNumber = new Map<string, typeof allSops>();
  for (const s of allSops) {
    const k = s.number.toLowerCase();
    byNumber.set(k, [...(byNumber.get(k) ?? []), s]);
  }
  const sops: ServicesFacts['sops'] = [];
  for (const list of byNumber.values()) {
    const active = list.find((s) => s.status === 'active');
    if (!active || active.createdAt >= endAt || (active.effectiveOn && active.effectiveOn > end)) continue;
    const ids = new Set(list.map((s) => s.id));
    sops.push({ number: active.number, evaluations: evals.filter((e) => ids.has(e.sopId)).map((e) => ({ followUp: e.followUp })), evidence: list.flatMap((s) => flat(sopEvidence, s.id)) });
  }
  return { year, services, maklumat: mk ? { version: mk.version, signedOn: mk.signedOn, evidence: flat(mkEvidence, mk.id) } : null, reviews, consultations, sops, publicPages: unitActive };
}

// ---- facts → suggestions (pure) ----------------------------------------------------------------

const f = (key: string, params?: Record<string, string | number>): SuggestionFact => ({ key: `services.fact.${key}`, ...(params ? { params } : {}) });
const CATALOGUE = { key: 'services.source.catalogue', href: '/layanan' };
const MAKLUMAT = { key: 'services.source.maklumat', href: '/layanan/maklumat' };
const CONSULT = { key: 'services.source.consultations', href: '/layanan/konsultasi' };
const SOP = { key: 'services.source.sop', href: '/layanan/sop' };

export function evidenceOf(refs: EvidenceRef[]): SuggestionEvidence[] {
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

export function suggestFromFacts(facts: ServicesFacts, rules = SERVICES_RULES): LkeSuggestion[] {
  const out: LkeSuggestion[] = [];
  const n = facts.services.length;
  const withStd = facts.services.filter((s) => s.standard);
  const complete = withStd.filter((s) => s.standard!.missing === 0);
  const stdEvidence = withStd.flatMap((s) => s.standard!.evidence);

  if (n > 0) {
    // A.I.6.i.a — standards set for all service types, conforming to the components
    const band = shareBand(withStd.length / n, rules);
    const conform = withStd.length > 0 && complete.length === withStd.length;
    const answer = band === 'none' ? 'e' : band === 'all' ? (conform ? 'a' : 'c') : (conform ? 'b' : 'd');
    const incomplete = withStd.filter((s) => s.standard!.missing > 0).map((s) => s.name);
    out.push({
      item: 'A.I.6.i.a', answer,
      facts: [f('standards', { n: withStd.length, total: n }), ...(withStd.length ? [incomplete.length ? f('standards.incomplete', { names: incomplete.join(', ') }) : f('standards.complete')] : []),
        ...(withStd.length < n ? [f('standards.without', { names: facts.services.filter((s) => !s.standard).map((s) => s.name).join(', ') })] : [])],
      evidence: evidenceOf(stdEvidence), source: CATALOGUE,
    });

    // A.I.6.i.b — standards declared (maklumat) and published on the website and other media
    const mk = facts.maklumat;
    const online = !!mk && facts.publicPages;
    const offline = !!mk && mk.evidence.length > 0;
    const declared = mk ? withStd.length : 0;
    const b = shareBand(declared / n, rules);
    const answerB = !mk || b === 'none' ? 'd' : b === 'all' && online && offline ? 'a' : (b === 'all' || b === 'most') && online ? 'b' : 'c';
    out.push({
      item: 'A.I.6.i.b', answer: answerB,
      facts: [mk ? f('maklumat', { version: mk.version, date: mk.signedOn ?? '—' }) : f('maklumat.none'), f('maklumat.covers', { n: declared, total: n }),
        f(online ? 'published.online' : 'published.not_online'), f(offline ? 'published.offline' : 'published.no_offline', { n: mk?.evidence.length ?? 0 })],
      evidence: evidenceOf([...(mk?.evidence ?? []), ...stdEvidence]), source: MAKLUMAT,
    });

    // A.I.6.i.d — standards and maklumat published
    out.push({
      item: 'A.I.6.i.d', answer: online && withStd.length > 0 ? 'Ya' : 'Tidak',
      facts: [f('standards', { n: withStd.length, total: n }), mk ? f('maklumat', { version: mk.version, date: mk.signedOn ?? '—' }) : f('maklumat.none'), f(online ? 'published.online' : 'published.not_online')],
      evidence: evidenceOf([...(mk?.evidence ?? []), ...stdEvidence]), source: MAKLUMAT,
    });
  }

  // A.I.6.i.c — reviews with stakeholders, using SKM and complaints
  if (n > 0 || facts.reviews.length) {
    const sources = new Set(facts.reviews.flatMap((r) => r.sources));
    const inputs = rules.reviewInputs.needed.every((s) => sources.has(s));
    const withStakeholders = facts.consultations.filter((x) => x.stakeholders > 0);
    const stakeholders = withStakeholders.length > 0 || sources.has(rules.reviewStakeholders.findingSource);
    const answer = facts.reviews.length === 0 ? 'd' : inputs && stakeholders ? 'a' : inputs ? 'b' : 'c';
    out.push({
      item: 'A.I.6.i.c', answer,
      facts: [
        facts.reviews.length ? f('reviews', { n: facts.reviews.length, changed: facts.reviews.filter((r) => r.changed).length }) : f('reviews.none'),
        f(inputs ? 'reviews.inputs' : 'reviews.no_inputs'),
        withStakeholders.length ? f('consultations', { n: withStakeholders.length, people: withStakeholders.reduce((s, x) => s + x.stakeholders, 0) }) : f(stakeholders ? 'consultations.finding' : 'consultations.none'),
      ],
      evidence: evidenceOf(facts.consultations.flatMap((x) => x.evidence)), source: facts.reviews.length ? CATALOGUE : CONSULT,
    });
  }

  // A.I.2.i.b / A.I.2.i.c — SOPs applied, evaluated and followed up
  if (facts.sops.length) {
    const total = facts.sops.length;
    const evaluated = facts.sops.filter((s) => s.evaluations.length > 0);
    const followed = evaluated.filter((s) => s.evaluations.some((e) => rules.sopEvaluated.followedUp.includes(e.followUp)));
    const ev = evidenceOf(facts.sops.flatMap((s) => s.evidence));
    const eb = shareBand(evaluated.length / total, rules);
    const applied = eb === 'none' ? null : eb === 'all' ? rules.sopApplied.bestSuggested : eb === 'most' ? 'c' : 'd';
    out.push({ item: 'A.I.2.i.b', answer: applied, facts: [f('sops', { n: total }), f('sops.applied', { n: evaluated.length, total }), f('sops.a_needs')], evidence: ev, source: SOP });
    const fb = evaluated.length ? shareBand(followed.length / evaluated.length, rules) : 'none';
    const answerC = eb === 'none' ? 'e' : eb === 'some' ? 'd' : (fb === 'all' || fb === 'most') ? (eb === 'all' && fb === 'all' ? 'a' : 'b') : 'c';
    out.push({ item: 'A.I.2.i.c', answer: answerC, facts: [f('sops.evaluated', { n: evaluated.length, total, year: facts.year }), f('sops.followed', { n: followed.length, evaluated: evaluated.length })], evidence: ev, source: SOP });
  }
  return out;
}

/** The source the composition root hands to the LKE. */
export const servicesLkeSuggestions: LkeSuggestionSource = async (ctx: SuggestionContext) => {
  const unit = await unitOf(ctx.db, ctx.unitId);
  if (!unit) return [];
  return suggestFromFacts(await gatherFacts(ctx.db, ctx.unitId, ctx.year, unit.isActive));
};
