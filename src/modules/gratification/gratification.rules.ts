// Pure rules of gratification control: the rule versions (gratification-rules.json) and which one
// applies by the date of receipt, the working-day deadlines and late flags, whether a gift in a
// not-reportable category needed reporting, the UPG workflow (which step is allowed in which state),
// the input checks and the LKE mappings of A.I.5.i.a/b. No database and no clock: callers pass the
// calendar's off days and today.
import { z } from 'zod';
import { DomainError } from '../../kernel/errors.ts';
import { loadRules } from '../../kernel/rules.ts';
import { addWorkingDays, isIsoDate, workingDaysBetween, type IsoDate, type OffDays } from '../../kernel/workdays.ts';

interface Tagged { days: number; tag: string; ref: string }
export interface Category {
  key: string; id: string; en: string; tag: string; note?: string;
  perGiver?: number; perGift?: number; perYearPerGiver?: number; perYearPerGiverBelow?: number; notMoney?: boolean; deleted?: boolean;
}
export interface RuleVersion {
  id: string; regulation: string; effectiveFrom: IsoDate; source: { tag: string; ref: string };
  deadlines: { recipientToUpg: Tagged; upgToKpk: Tagged; recipientToKpk: Tagged; kpkDecision: Tagged; completion: Tagged & { from: 'receipt' | 'report' } };
  lateMayBeState: boolean;
  categories: Category[];
}
export interface GratificationRules {
  versions: RuleVersion[];
  campaign: { periodicAtLeastPerYear: number; periodicQuarters: number; tag: string; ref: string };
  decisionKinds: string[];
  valueBands: number[];
}

type RawCategory = Partial<Category> & { key: string; same?: boolean };
interface RawRules extends Omit<GratificationRules, 'versions'> { versions: (Omit<RuleVersion, 'categories'> & { categories: RawCategory[] })[] }

/** Resolves "same" categories from the previous version; later versions override what they name. */
export function resolveRules(raw: RawRules): GratificationRules {
  const versions: RuleVersion[] = [];
  const sorted = [...raw.versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  for (const v of sorted) {
    const prev = versions[versions.length - 1];
    const categories = v.categories.map((c) => {
      const before = prev?.categories.find((p) => p.key === c.key);
      if (!before && (c.same || !c.id)) throw new Error(`gratification-rules.json: ${v.id}/${c.key} refers to a missing earlier category`);
      const { same: _same, ...rest } = c;
      if (c.same) return { ...before!, ...rest } as Category;
      if (before) {
        // a changed category keeps the text, replaces the limits
        const { perGiver: _a, perGift: _b, perYearPerGiver: _c, perYearPerGiverBelow: _d, ...text } = before;
        return { ...text, ...rest } as Category;
      }
      return rest as Category;
    });
    versions.push({ ...v, categories });
  }
  return { ...raw, versions };
}

// The shape of gratification-rules.json, checked when the module loads (kernel/rules.ts).
const tag = z.enum(['S', 'U', 'I', 'V']);
const tagged = z.object({ days: z.number().int().positive(), tag, ref: z.string().min(1) }).strict();
const amount = z.number().int().nonnegative();
const rawCategory = z.object({
  key: z.string().min(1), id: z.string().min(1).optional(), en: z.string().min(1).optional(), tag: tag.optional(), note: z.string().optional(),
  perGiver: amount.optional(), perGift: amount.optional(), perYearPerGiver: amount.optional(), perYearPerGiverBelow: amount.optional(),
  notMoney: z.boolean().optional(), deleted: z.boolean().optional(), same: z.boolean().optional(),
}).strict();
const rawRules = z.object({
  about: z.string(),
  versions: z.array(z.object({
    id: z.string().min(1), regulation: z.string().min(1),
    effectiveFrom: z.string().refine(isIsoDate, 'a date YYYY-MM-DD'),
    source: z.object({ tag, ref: z.string().min(1) }).strict(),
    deadlines: z.object({
      recipientToUpg: tagged, upgToKpk: tagged, recipientToKpk: tagged, kpkDecision: tagged,
      completion: tagged.extend({ from: z.enum(['receipt', 'report']) }).strict(),
    }).strict(),
    lateMayBeState: z.boolean(),
    categories: z.array(rawCategory).min(1),
  }).strict()).min(1),
  campaign: z.object({ periodicAtLeastPerYear: z.number().int().positive(), periodicQuarters: z.number().int().positive(), tag, ref: z.string() }).strict(),
  decisionKinds: z.array(z.string().min(1)).min(1),
  valueBands: z.array(amount).min(1),
}).strict();

export const GRATIFICATION_RULES: GratificationRules = resolveRules(loadRules(new URL('./gratification-rules.json', import.meta.url), rawRules) as RawRules);

/** The version in force on the date of receipt (the latest with effectiveFrom ≤ day). */
export function versionFor(day: IsoDate, rules = GRATIFICATION_RULES): RuleVersion {
  let found: RuleVersion | null = null;
  for (const v of rules.versions) if (v.effectiveFrom <= day) found = v;
  return found ?? rules.versions[0]!;
}
export function versionById(id: string, rules = GRATIFICATION_RULES): RuleVersion | null {
  return rules.versions.find((v) => v.id === id) ?? null;
}

export const KINDS = ['received', 'refused'] as const;
export const RELATIONSHIPS = ['service_user', 'vendor', 'colleague', 'subordinate', 'superior', 'family', 'partner', 'other'] as const;
export const ITEM_KINDS = ['money', 'goods', 'voucher', 'travel', 'meal', 'facility', 'other'] as const;
export const WHERE_NOW = ['with_me', 'deposited', 'returned', 'social', 'consumed'] as const;
export const CATEGORY_KEYS = 'abcdefghijklmnopq'.split('');
export const DECISIONS = ['recipient', 'state', 'other'] as const;
export const FOLLOW_UPS = ['handed_to_state', 'returned_to_recipient', 'other'] as const;
export const CAMPAIGN_KINDS = ['banner', 'poster', 'social_media', 'video', 'socialisation', 'circular'] as const;
export const STATES = ['received', 'completion_requested', 'verified', 'analysed', 'forwarded', 'decided', 'followed_up', 'closed', 'dismissed'] as const;
export type State = (typeof STATES)[number];
export const OPEN_STATES: readonly State[] = ['received', 'completion_requested', 'verified', 'analysed', 'forwarded', 'decided', 'followed_up'];

// ---- deadlines ------------------------------------------------------------------------------------

export interface Deadlines {
  version: string;
  /** recipient → UPG (10 wd from receipt) */
  toUpg: IsoDate;
  /** recipient → KPK, statutory (Pasal 12C: 30 wd from receipt) */
  toKpk: IsoDate;
  /** UPG → KPK (10 wd from the report to the UPG) */
  upgToKpk: IsoDate;
  /** completing an incomplete report: 30 wd from receipt (2/2019) or 20 wd from the report (1/2026) */
  completion: IsoDate;
}

export function deadlinesOf(receivedOn: IsoDate, reportedOn: IsoDate, off: OffDays, v: RuleVersion = versionFor(receivedOn)): Deadlines {
  const d = v.deadlines;
  return {
    version: v.id,
    toUpg: addWorkingDays(receivedOn, d.recipientToUpg.days, off),
    toKpk: addWorkingDays(receivedOn, d.recipientToKpk.days, off),
    upgToKpk: addWorkingDays(reportedOn, d.upgToKpk.days, off),
    completion: addWorkingDays(d.completion.from === 'receipt' ? receivedOn : reportedOn, d.completion.days, off),
  };
}

export interface Lateness {
  /** working days from receipt to the report */
  days: number;
  /** reported to the UPG after the 10-working-day limit */
  lateToUpg: boolean;
  /** after the statutory 30 working days */
  beyondStatutory: boolean;
  /** beyond 30 wd under a version where that may make the gift state property (1/2026) */
  mayBeState: boolean;
}

export function latenessOf(receivedOn: IsoDate, reportedOn: IsoDate, off: OffDays, v: RuleVersion = versionFor(receivedOn)): Lateness {
  const days = workingDaysBetween(receivedOn, reportedOn, off);
  const beyond = days > v.deadlines.recipientToKpk.days;
  return { days, lateToUpg: days > v.deadlines.recipientToUpg.days, beyondStatutory: beyond, mayBeState: beyond && v.lateMayBeState };
}

/** The UPG's own deadline for the report's current step, or null when none runs. */
export function stepDeadline(r: { state: string; receivedOn: IsoDate; reportedOn: IsoDate; completionDueOn: IsoDate | null; forwardedOn: IsoDate | null; rulesVersion: string }, off: OffDays): IsoDate | null {
  const v = versionById(r.rulesVersion) ?? versionFor(r.receivedOn);
  if (r.state === 'completion_requested') return r.completionDueOn;
  if (r.state === 'received' || r.state === 'verified' || r.state === 'analysed') return deadlinesOf(r.receivedOn, r.reportedOn, off, v).upgToKpk;
  if (r.state === 'forwarded' && r.forwardedOn) return addWorkingDays(r.forwardedOn, v.deadlines.kpkDecision.days, off);
  return null;
}

export function isOverdue(deadline: IsoDate | null, today: IsoDate): boolean {
  return !!deadline && today > deadline;
}

// ---- what need not be reported --------------------------------------------------------------------

export type Exemption =
  | { exempt: true; reason: 'category' }
  | { exempt: false; reason: 'no_category' | 'deleted' | 'money' | 'over_gift' | 'over_giver' | 'over_year' };

/**
 * Whether a gift in a not-reportable category is exempt from reporting under a version: value is the
 * gift, yearFromGiver the total from the same giver in the year including this gift.
 */
export function exemption(v: RuleVersion, categoryKey: string | null, value: number, yearFromGiver: number, itemKind: string): Exemption {
  if (!categoryKey) return { exempt: false, reason: 'no_category' };
  const c = v.categories.find((x) => x.key === categoryKey);
  if (!c || c.deleted) return { exempt: false, reason: 'deleted' };
  if (c.notMoney && itemKind === 'money') return { exempt: false, reason: 'money' };
  if (c.perGiver !== undefined && value > c.perGiver) return { exempt: false, reason: 'over_giver' };
  if (c.perGift !== undefined && value > c.perGift) return { exempt: false, reason: 'over_gift' };
  if (c.perYearPerGiver !== undefined && yearFromGiver > c.perYearPerGiver) return { exempt: false, reason: 'over_year' };
  if (c.perYearPerGiverBelow !== undefined && yearFromGiver >= c.perYearPerGiverBelow) return { exempt: false, reason: 'over_year' };
  return { exempt: true, reason: 'category' };
}

/** The value band of an amount (index into rules.valueBands). */
export function valueBand(value: number, rules = GRATIFICATION_RULES): number {
  let band = 0;
  rules.valueBands.forEach((from, i) => { if (value >= from) band = i; });
  return band;
}

// ---- workflow -------------------------------------------------------------------------------------

export type Step = 'verify' | 'request_completion' | 'complete' | 'analyse' | 'forward' | 'decide' | 'follow_up' | 'close' | 'dismiss';
const FROM: Record<Step, readonly State[]> = {
  verify: ['received'],
  request_completion: ['received'],
  complete: ['completion_requested'],
  analyse: ['verified'],
  forward: ['analysed'],
  decide: ['forwarded'],
  follow_up: ['decided'],
  close: ['followed_up'],
  dismiss: ['received', 'verified', 'analysed'],
};
const TO: Record<Step, State> = {
  verify: 'verified', request_completion: 'completion_requested', complete: 'received', analyse: 'analysed', forward: 'forwarded',
  decide: 'decided', follow_up: 'followed_up', close: 'closed', dismiss: 'dismissed',
};
export function allowed(state: string, step: Step): boolean { return (FROM[step] as readonly string[]).includes(state); }
export function stateAfter(step: Step): State { return TO[step]; }
export function stepsFrom(state: string): Step[] { return (Object.keys(FROM) as Step[]).filter((s) => s !== 'complete' && allowed(state, s)); }

// ---- input checks ---------------------------------------------------------------------------------

export const LIMITS = { short: 200, long: 4000, maxValue: 1_000_000_000_000 } as const;
type Errors = Record<string, string>;
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

function need(errors: Errors, input: Record<string, unknown>, field: string, max: number = LIMITS.short): string {
  const s = str(input[field]);
  if (!s) errors[field] = 'gratification.err.required';
  else if (s.length > max) errors[field] = 'gratification.err.too_long';
  return s;
}
function opt(errors: Errors, input: Record<string, unknown>, field: string, max: number = LIMITS.short): string | null {
  const s = str(input[field]);
  if (s.length > max) errors[field] = 'gratification.err.too_long';
  return s || null;
}
function oneOf<T extends string>(errors: Errors, input: Record<string, unknown>, field: string, options: readonly T[]): T {
  const s = str(input[field]);
  if (!s) errors[field] = 'gratification.err.required';
  else if (!(options as readonly string[]).includes(s)) errors[field] = 'gratification.err.choice';
  return s as T;
}
function pastDate(errors: Errors, input: Record<string, unknown>, field: string, today: IsoDate, required = true): IsoDate {
  const s = str(input[field]);
  if (!s) { if (required) errors[field] = 'gratification.err.required'; return s; }
  if (!isIsoDate(s)) errors[field] = 'gratification.err.date';
  else if (s > today) errors[field] = 'gratification.err.future';
  else if (s < '2000-01-01') errors[field] = 'gratification.err.date';
  return s;
}
/** Rupiah: digits with optional thousands dots ("1.200.000"), not negative. */
export function parseRupiah(raw: unknown): number | null {
  const s = str(raw).replace(/^rp\.?\s*/i, '').replace(/\s/g, '');
  if (!/^\d{1,3}(\.\d{3})*$|^\d+$/.test(s)) return null;
  const n = Number(s.replace(/\./g, ''));
  return Number.isSafeInteger(n) ? n : null;
}
function rupiah(errors: Errors, input: Record<string, unknown>, field: string, required = true): number | null {
  const s = str(input[field]);
  if (!s) { if (required) errors[field] = 'gratification.err.required'; return null; }
  if (/^-/.test(s)) { errors[field] = 'gratification.err.negative'; return null; }
  const n = parseRupiah(s);
  if (n === null) errors[field] = 'gratification.err.number';
  else if (n > LIMITS.maxValue) errors[field] = 'gratification.err.too_large';
  return n;
}
const done = (errors: Errors) => { if (Object.keys(errors).length) throw new DomainError('validation', 'error.validation', {}, errors); };

export interface ReportInput { [k: string]: unknown }
export interface ReportValues {
  kind: (typeof KINDS)[number]; giverName: string; giverInstitution: string | null; relationship: string; occasion: string; itemKind: string;
  description: string; valueRp: number; receivedOn: IsoDate; place: string; chronology: string; whereNow: string; claimedCategory: string | null;
}

export function parseReport(input: ReportInput, today: IsoDate): ReportValues {
  const e: Errors = {};
  const kind = oneOf(e, input, 'kind', KINDS);
  const v: ReportValues = {
    kind,
    giverName: need(e, input, 'giverName'),
    giverInstitution: opt(e, input, 'giverInstitution'),
    relationship: oneOf(e, input, 'relationship', RELATIONSHIPS),
    occasion: need(e, input, 'occasion'),
    itemKind: oneOf(e, input, 'itemKind', ITEM_KINDS),
    description: need(e, input, 'description', LIMITS.long),
    valueRp: rupiah(e, input, 'valueRp') ?? 0,
    receivedOn: pastDate(e, input, 'receivedOn', today),
    place: need(e, input, 'place'),
    chronology: need(e, input, 'chronology', LIMITS.long),
    whereNow: oneOf(e, input, 'whereNow', WHERE_NOW),
    claimedCategory: str(input.claimedCategory) || null,
  };
  if (v.claimedCategory && !CATEGORY_KEYS.includes(v.claimedCategory)) e.claimedCategory = 'gratification.err.choice';
  if (kind === 'refused' && v.whereNow !== 'returned') e.whereNow = 'gratification.err.refused_where';
  done(e);
  return v;
}

export function parseCompletion(input: ReportInput): { note: string } {
  const e: Errors = {};
  const note = need(e, input, 'completionNote', LIMITS.long);
  done(e);
  return { note };
}

export function parseRequestCompletion(input: ReportInput): { note: string } {
  const e: Errors = {};
  const note = need(e, input, 'note', LIMITS.long);
  done(e);
  return { note };
}

export interface Analysis { relatedToPosition: boolean; contraryToDuty: boolean; category: string | null; note: string }
export function parseAnalysis(input: ReportInput): Analysis {
  const e: Errors = {};
  const yn = (f: string) => { const s = str(input[f]); if (s !== 'yes' && s !== 'no') e[f] = 'gratification.err.required'; return s === 'yes'; };
  const a = { relatedToPosition: yn('relatedToPosition'), contraryToDuty: yn('contraryToDuty'), category: str(input.category) || null, note: need(e, input, 'note', LIMITS.long) };
  if (a.category && !CATEGORY_KEYS.includes(a.category)) e.category = 'gratification.err.choice';
  done(e);
  return a;
}

export function parseForward(input: ReportInput, today: IsoDate): { forwardedOn: IsoDate; golNumber: string } {
  const e: Errors = {};
  const v = { forwardedOn: pastDate(e, input, 'forwardedOn', today), golNumber: need(e, input, 'golNumber') };
  done(e);
  return v;
}

export function parseDecision(input: ReportInput, today: IsoDate): { decision: string; decisionOn: IsoDate; skNumber: string; decisionNote: string | null } {
  const e: Errors = {};
  const v = { decision: oneOf(e, input, 'decision', DECISIONS), decisionOn: pastDate(e, input, 'decisionOn', today), skNumber: need(e, input, 'skNumber'), decisionNote: opt(e, input, 'decisionNote', LIMITS.long) };
  if (v.decision === 'other' && !v.decisionNote) e.decisionNote = 'gratification.err.required';
  done(e);
  return v;
}

export function parseFollowUp(input: ReportInput, today: IsoDate): { followUpKind: string; followUpOn: IsoDate; followUpNote: string } {
  const e: Errors = {};
  const v = { followUpKind: oneOf(e, input, 'followUpKind', FOLLOW_UPS), followUpOn: pastDate(e, input, 'followUpOn', today), followUpNote: need(e, input, 'followUpNote', LIMITS.long) };
  done(e);
  return v;
}

export function parseDismiss(input: ReportInput): { reason: string } {
  const e: Errors = {};
  const reason = need(e, input, 'reason', LIMITS.long);
  done(e);
  return { reason };
}

export function parseCustody(input: ReportInput, today: IsoDate) {
  const e: Errors = {};
  const v = {
    receivedOn: pastDate(e, input, 'receivedOn', today), description: need(e, input, 'description', LIMITS.long), storageLocation: need(e, input, 'storageLocation'),
    depositorName: need(e, input, 'depositorName'), valueRp: rupiah(e, input, 'valueRp', false),
  };
  done(e);
  return v;
}

export function parseRelease(input: ReportInput, today: IsoDate) {
  const e: Errors = {};
  const v = { releasedOn: pastDate(e, input, 'releasedOn', today), releasedTo: need(e, input, 'releasedTo'), releaseNote: opt(e, input, 'releaseNote', LIMITS.long) };
  done(e);
  return v;
}

export function parseCampaign(input: ReportInput, today: IsoDate) {
  const e: Errors = {};
  const reachRaw = str(input.reach);
  let reach = 0;
  if (reachRaw) {
    if (/^-/.test(reachRaw)) e.reach = 'gratification.err.negative';
    else if (!/^\d{1,9}$/.test(reachRaw.replace(/\./g, ''))) e.reach = 'gratification.err.number';
    else reach = Number(reachRaw.replace(/\./g, ''));
  }
  const url = opt(e, input, 'url', 2000);
  if (url && !/^https?:\/\/[^\s]+$/i.test(url)) e.url = 'gratification.err.url';
  const v = { kind: oneOf(e, input, 'kind', CAMPAIGN_KINDS), title: need(e, input, 'title'), heldOn: pastDate(e, input, 'heldOn', today), channel: need(e, input, 'channel'), reach, url };
  done(e);
  return v;
}

export function parseSettings(input: ReportInput, today: IsoDate) {
  const e: Errors = {};
  const v = {
    decreeNumber: opt(e, input, 'decreeNumber'), decreeDate: pastDate(e, input, 'decreeDate', today, false) || null,
    proceduresTitle: opt(e, input, 'proceduresTitle'), proceduresNumber: opt(e, input, 'proceduresNumber'), proceduresDate: pastDate(e, input, 'proceduresDate', today, false) || null,
    headPersonId: str(input.headPersonId) || null,
  };
  if (v.decreeDate && !v.decreeNumber) e.decreeNumber = 'gratification.err.required';
  if (v.proceduresDate && !v.proceduresTitle) e.proceduresTitle = 'gratification.err.required';
  done(e);
  return v;
}

/** A period code of the periodic UPG report: 2026-Q1..Q4, 2026-S1/S2, 2026. */
export function periodRange(code: string): { from: IsoDate; to: IsoDate; year: number; kind: 'quarter' | 'semester' | 'year' } | null {
  const m = /^(\d{4})(?:-(Q[1-4]|S[12]))?$/.exec(code ?? '');
  if (!m) return null;
  const y = Number(m[1]);
  if (y < 2000 || y > 2100) return null;
  const p = m[2];
  if (!p) return { from: `${y}-01-01`, to: `${y}-12-31`, year: y, kind: 'year' };
  const ends = ['03-31', '06-30', '09-30', '12-31'];
  if (p[0] === 'Q') { const q = Number(p[1]); return { from: `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`, to: `${y}-${ends[q - 1]}`, year: y, kind: 'quarter' }; }
  return p === 'S1' ? { from: `${y}-01-01`, to: `${y}-06-30`, year: y, kind: 'semester' } : { from: `${y}-07-01`, to: `${y}-12-31`, year: y, kind: 'semester' };
}

// ---- LKE A.I.5.i ----------------------------------------------------------------------------------

/** A.I.5.i.a: periodic (≥ N campaigns spread over ≥ Q quarters) = a; some = b; none = c. */
export function campaignAnswer(heldOn: readonly IsoDate[], rules = GRATIFICATION_RULES): 'a' | 'b' | 'c' {
  if (!heldOn.length) return 'c';
  const quarters = new Set(heldOn.map((d) => Math.ceil(Number(d.slice(5, 7)) / 3)));
  return heldOn.length >= rules.campaign.periodicAtLeastPerYear && quarters.size >= rules.campaign.periodicQuarters ? 'a' : 'b';
}

/**
 * A.I.5.i.b: UPG with control in the procedures = a (decree and procedures recorded); UPG with
 * control efforts started = b (decree, no procedures, but reports handled or campaigns held);
 * UPG but no procedure = c (decree only); no UPG = d.
 */
export function upgAnswer(f: { decree: boolean; procedures: boolean; reportsHandled: number; campaigns: number }): 'a' | 'b' | 'c' | 'd' {
  if (!f.decree) return 'd';
  if (f.procedures) return 'a';
  if (f.reportsHandled > 0 || f.campaigns > 0) return 'b';
  return 'c';
}
