// Pure rules of the whistleblowing system: states and their transitions (spec §8.2: submitted →
// screened → rejected | investigation → proven | not proven → closed), input limits, retention.
import { readFileSync } from 'node:fs';
import { DomainError } from '../../kernel/errors.ts';
import { textProblem } from '../../kernel/text.ts';
import { isUuid } from '../../kernel/validate.ts';

export interface WbsRules {
  id: string;
  retentionDaysAfterClosure: number;
  receipt: { maxFailuresPerClientPerDay: number };
  public: { submitPerClientPerDay: number; repliesPerClientPerDay: number; attachmentBytesPerClientPerDay: number; attachmentBytesPerDay: number };
  attachments: { maxFiles: number };
  evaluation: { periodicAtLeastPerYear: number };
}
export const WBS_RULES: WbsRules = JSON.parse(readFileSync(new URL('./wbs-rules.json', import.meta.url), 'utf8'));

export const STATES = ['received', 'verified', 'investigating', 'forwarded', 'proven', 'not_proven', 'rejected', 'closed'] as const;
export type WbsState = (typeof STATES)[number];

export const TRANSITIONS: Record<WbsState, readonly WbsState[]> = {
  received: ['verified', 'rejected'],
  verified: ['investigating', 'forwarded', 'rejected'],
  investigating: ['proven', 'not_proven', 'forwarded'],
  forwarded: ['closed'],
  proven: ['closed'],
  not_proven: ['closed'],
  rejected: [],
  closed: [],
};

/** States that end the handling: the retention period starts. */
export const FINAL_STATES: readonly WbsState[] = ['rejected', 'closed'];

export const isState = (v: unknown): v is WbsState => typeof v === 'string' && (STATES as readonly string[]).includes(v);

export function canMove(from: string, to: string): boolean {
  return isState(from) && isState(to) && TRANSITIONS[from].includes(to);
}

export const LIMITS = { what: 10_000, who: 2_000, when: 200, where: 500, name: 200, contact: 200, message: 5_000, reason: 1_000 } as const;

export interface ReportInput {
  unitId: string | null;
  what: string;
  who: string;
  when: string;
  where: string;
  identity: { name: string; contact: string } | null;
}

const clean = (v: unknown) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n').trim() : '');

/** The report form, checked; field errors are i18n keys. */
export function parseReport(form: Record<string, string>): ReportInput {
  const errors: Record<string, string> = {};
  const what = clean(form.what);
  const who = clean(form.who);
  const when = clean(form.when);
  const where = clean(form.where);
  const name = clean(form.name);
  const contact = clean(form.contact);
  const unit = clean(form.unit);
  if (!what) errors.what = 'wbs.error.what_required';
  else if (what.length > LIMITS.what) errors.what = 'wbs.error.too_long';
  if (!who) errors.who = 'wbs.error.who_required';
  else if (who.length > LIMITS.who) errors.who = 'wbs.error.too_long';
  if (when.length > LIMITS.when) errors.when = 'wbs.error.too_long';
  if (where.length > LIMITS.where) errors.where = 'wbs.error.too_long';
  if (name.length > LIMITS.name) errors.name = 'wbs.error.too_long';
  if (contact.length > LIMITS.contact) errors.contact = 'wbs.error.too_long';
  // control characters and invalid UTF-8 are refused, field by field (kernel/text.ts)
  for (const [field, value] of Object.entries({ what, who, when, where, name, contact })) {
    const p = textProblem(value);
    if (p && !errors[field]) errors[field] = p;
  }
  if (unit && !isUuid(unit)) errors.unit = 'wbs.error.unit_unknown';
  if (Object.keys(errors).length) throw new DomainError('validation', 'wbs.error.form', {}, errors);
  return { unitId: unit || null, what, who, when, where, identity: name || contact ? { name, contact } : null };
}

export function parseMessage(v: unknown): string {
  const body = clean(v);
  if (!body) throw new DomainError('validation', 'wbs.error.message_required', {}, { body: 'wbs.error.message_required' });
  if (body.length > LIMITS.message) throw new DomainError('validation', 'wbs.error.too_long', {}, { body: 'wbs.error.too_long' });
  const p = textProblem(body);
  if (p) throw new DomainError('validation', p, {}, { body: p });
  return body;
}

/** YYYY-MM-DD plus n days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The day after which a closed or rejected report's content is deleted: the closing day plus the retention period. */
export function purgeAfterOf(closedOn: string, rules: Pick<WbsRules, 'retentionDaysAfterClosure'> = WBS_RULES): string {
  return addDays(closedOn, rules.retentionDaysAfterClosure);
}
