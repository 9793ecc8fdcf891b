// The machine-readable scorer behind `integritas lke score FILE.json`: JSON in, JSON out, no database.
import { DomainError } from '../../kernel/errors.ts';
import { findRuleSet, listRuleSets } from './lke.ruleset.ts';
import { judge, parseAnswers, parsePrerequisites, resolveOptions, scoreAnswers, whatWouldItTake } from './lke.rules.ts';
import type { NodeScore, Predicate, RuleSetOptions } from './lke.types.ts';

const round = (n: number) => Math.round(n * 1e6) / 1e6;
const rounded = (s: NodeScore) => ({ weight: round(s.weight), score: round(s.score), percent: round(s.percent) });

export interface ScoreOutput {
  ruleset: string;
  options: RuleSetOptions;
  total: number;
  nodes: Record<string, { weight: number; score: number; percent: number }>;
  areas: Record<string, { weight: number; score: number; percent: number; pemenuhan: number; reform: number }>;
  verdict: Record<Predicate, {
    eligible: boolean;
    failures: { criterion: string; actual: number; required: number; unit: string; message: string }[];
    prerequisites: Record<string, { status: 'met' | 'not_met' | 'not_given'; given?: unknown; required?: unknown }>;
    whatWouldItTake?: { changes: { item: string; to: unknown; gain: number }[]; closesAll: boolean };
  }>;
  unanswered: string[];
}

/**
 * Scores one input document: {"ruleset", "answers", "prerequisites"?, "options"?}. Throws a
 * DomainError naming the offending item or field; the caller prints it and exits non-zero.
 */
export function scoreDocument(input: unknown, opts: { plan?: boolean; locale?: 'id' | 'en' } = {}): ScoreOutput {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new DomainError('validation', 'lke.input.object_expected');
  const doc = input as Record<string, unknown>;
  for (const key of Object.keys(doc)) {
    if (!['ruleset', 'answers', 'prerequisites', 'options'].includes(key)) throw new DomainError('validation', 'lke.input.unknown_field', { field: key.slice(0, 40) });
  }
  const id = typeof doc.ruleset === 'string' ? doc.ruleset : '';
  const rs = findRuleSet(id);
  if (!rs) throw new DomainError('validation', 'lke.ruleset.unknown', { ruleset: id.slice(0, 60) || '—', known: listRuleSets().map((r) => r.id).join(', ') });
  const answers = parseAnswers(rs, doc.answers ?? {});
  const prerequisites = parsePrerequisites(rs, doc.prerequisites);
  const options = resolveOptions(rs, (doc.options ?? null) as Partial<RuleSetOptions> | null);
  const score = scoreAnswers(rs, answers, options);
  const verdicts = judge(rs, score, prerequisites);
  const locale = opts.locale ?? 'id';
  const verdict = {} as ScoreOutput['verdict'];
  for (const p of Object.keys(verdicts) as Predicate[]) {
    const v = verdicts[p];
    verdict[p] = {
      eligible: v.eligible,
      failures: v.failures.map((f) => ({ criterion: f.id, actual: round(f.actual), required: f.required, unit: f.unit, message: f.message[locale] })),
      prerequisites: Object.fromEntries(v.prerequisites.map((x) => [x.id, { status: x.status, ...(x.given !== undefined ? { given: x.given } : {}), required: x.required }])),
    };
    if (opts.plan && !v.eligible) {
      const plan = whatWouldItTake(rs, answers, p, options);
      verdict[p].whatWouldItTake = { changes: plan.changes.map((c) => ({ item: c.item, to: c.to, gain: round(c.gain) })), closesAll: plan.closesAll };
    }
  }
  return {
    ruleset: rs.id,
    options,
    total: round(score.total),
    nodes: Object.fromEntries(Object.entries(score.nodes).map(([k, v]) => [k, rounded(v)])),
    areas: Object.fromEntries(Object.entries(score.areas).map(([k, v]) => [k, { ...rounded(v), pemenuhan: round(v.pemenuhan), reform: round(v.reform) }])),
    verdict,
    unanswered: score.unanswered,
  };
}
