// Pure rules of complaint handling: the rule data (categories with SLA days, channels), tracking
// codes, states and their transitions, SLA deadlines in working days, input checks, periods, the
// statistics of a period and the counts LKE item A.II.5.ii needs. No database, no clock: callers
// pass today and the calendar's non-working days.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { loadRules } from '../../kernel/rules.ts';
import { DomainError } from '../../kernel/errors.ts';
import { badTextFields, textProblem } from '../../kernel/text.ts';
import { addWorkingDays, isIsoDate, workingDaysBetween, type IsoDate, type OffDays } from '../../kernel/workdays.ts';

interface Source { tag: string; ref: string }
export interface ComplaintRules {
  id: string;
  categories: { code: string; slaDays: number; source: Source }[];
  channels: string[];
  onlineChannels: string[];
  classifications: { codes: string[]; source: Source };
  reminders: { nearWorkingDays: number; source: Source };
  publicLimits: { trackPerDay: number; submitPerDay: number; source: Source };
  /** per regency (by name): SLA days that differ from the defaults */
  regencies: Record<string, { slaDays?: Record<string, number> }>;
}

const source = z.object({ tag: z.enum(['V', 'S', 'U', 'I']), ref: z.string().min(1) }).strict();
const days = z.number().int().positive();
/** The shape of complaint-rules.json, checked when the module loads (kernel/rules.ts). */
const complaintRules = z.object({
  id: z.string().min(1),
  about: z.string(),
  categories: z.array(z.object({ code: z.string().min(1), slaDays: days, source }).strict()).min(1),
  channels: z.array(z.string().min(1)).min(1),
  onlineChannels: z.array(z.string().min(1)),
  classifications: z.object({ codes: z.array(z.string().min(1)).min(1), source }).strict(),
  reminders: z.object({ nearWorkingDays: days, source }).strict(),
  publicLimits: z.object({ trackPerDay: days, submitPerDay: days, source }).strict(),
  regencies: z.record(z.string(), z.object({ slaDays: z.record(z.string(), days).optional() }).strict()),
}).strict();
export const RULES: ComplaintRules = loadRules(new URL('./complaint-rules.json', import.meta.url), complaintRules);

export const CATEGORIES = RULES.categories.map((c) => c.code);
export const CHANNELS = RULES.channels;
/** Channels a staff member records (the public form is 'web'). */
export const STAFF_CHANNELS = CHANNELS.filter((c) => c !== 'web');
export const CLASSIFICATIONS = RULES.classifications.codes;

/** SLA days of a category for a regency (its override, else the default). */
export function slaDaysOf(category: string, regency: string | null = null, rules = RULES): number {
  const own = regency ? rules.regencies[regency]?.slaDays?.[category] : undefined;
  if (own !== undefined) return own;
  const c = rules.categories.find((x) => x.code === category);
  if (!c) throw new RangeError(`unknown category ${category}`);
  return c.slaDays;
}

// ---- tracking codes ----------------------------------------------------------------------------

// Crockford base32: no I, L, O, U — nothing to misread
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_CHARS = 24; // 120 bits

/** A new tracking code: 24 base32 characters (120 random bits) in groups of four. */
export function newTrackingCode(bytes: Uint8Array = randomBytes(15)): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.slice(0, CODE_CHARS).match(/.{1,4}/g)!.join('-');
}

/** The code as typed, normalised (case, spaces, dashes, O→0, I/L→1), or null when it cannot be one. */
export function normaliseCode(raw: string): string | null {
  const s = String(raw ?? '').toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== CODE_CHARS) return null;
  for (const ch of s) if (!ALPHABET.includes(ch)) return null;
  return s;
}

/** What is stored: SHA-256 of the normalised code (120 random bits make a salt unnecessary; decision 0011). */
export function hashCode(normalised: string): string {
  return createHash('sha256').update(`integritas-complaint:${normalised}`).digest('hex');
}

// ---- states ------------------------------------------------------------------------------------

export const STATES = ['received', 'in_process', 'closed', 'rejected', 'not_authority'] as const;
export type State = (typeof STATES)[number];
export const OPEN_STATES: readonly State[] = ['received', 'in_process'];
export const FINAL_STATES: readonly State[] = ['closed', 'rejected', 'not_authority'];

export type Action = 'assign' | 'reply' | 'note' | 'forward' | 'close' | 'reject' | 'not_authority' | 'info' | 'satisfaction';

/** May this action be taken in this state? */
export function allowed(state: string, action: Action, satisfactionGiven = false): boolean {
  const open = (OPEN_STATES as readonly string[]).includes(state);
  switch (action) {
    case 'note': return true;
    case 'satisfaction': return state === 'closed' && !satisfactionGiven;
    default: return open;
  }
}

/** The state after an action. */
export function nextState(state: string, action: Action): string {
  switch (action) {
    case 'assign': case 'reply': return 'in_process';
    case 'forward': return 'received';
    case 'close': return 'closed';
    case 'reject': return 'rejected';
    case 'not_authority': return 'not_authority';
    default: return state;
  }
}

// ---- SLA -----------------------------------------------------------------------------------------

/** The deadline: slaDays working days after the day of receipt. */
export function deadlineOf(receivedOn: IsoDate, slaDays: number, off: OffDays): IsoDate {
  return addWorkingDays(receivedOn, slaDays, off);
}

export type SlaStatus = 'met' | 'late' | 'ok' | 'near' | 'overdue';

/**
 * Open complaints: ok / near (within the reminder window) / overdue (today after the deadline).
 * Finished ones: met (finished on or before the deadline) / late.
 */
export function slaStatus(c: { state: string; receivedOn: IsoDate; slaDays: number; closedOn: IsoDate | null }, today: IsoDate, off: OffDays, nearDays = RULES.reminders.nearWorkingDays): SlaStatus {
  const deadline = deadlineOf(c.receivedOn, c.slaDays, off);
  if (!(OPEN_STATES as readonly string[]).includes(c.state)) return c.closedOn && c.closedOn <= deadline ? 'met' : 'late';
  if (today > deadline) return 'overdue';
  return workingDaysBetween(today, deadline, off) <= nearDays ? 'near' : 'ok';
}

// ---- input ---------------------------------------------------------------------------------------

const clean = (s: unknown) => String(s ?? '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
const oneLine = (s: unknown) => clean(s).replace(/\s+/g, ' ');

export const LIMITS = { subject: 200, description: 5000, location: 300, name: 150, contact: 150, text: 5000, ref: 60 } as const;

/** The fields of a complaint form a person types or picks (checked for control characters and invalid UTF-8). */
const TYPED_FIELDS = ['unitId', 'category', 'subject', 'description', 'location', 'eventDate', 'name', 'contact', 'channel', 'laporRef', 'receivedOn', 'classification'] as const;

export interface ComplaintInput {
  unitId?: string; category?: string; subject?: string; description?: string; location?: string; eventDate?: string;
  name?: string; contact?: string; anonymous?: string;
  // staff entry
  channel?: string; laporRef?: string; receivedOn?: string; classification?: string;
}

export interface ComplaintValues {
  category: string; classification: string; subject: string; description: string; location: string | null; eventDate: string | null;
  complainantName: string | null; complainantContact: string | null;
}

/** A LAPOR! reference number: letters, digits, dots, slashes and dashes. */
export function parseLaporRef(raw: unknown): string | null {
  const s = oneLine(raw).toUpperCase();
  if (!s || s.length > LIMITS.ref || !/^[A-Z0-9][A-Z0-9./-]*$/.test(s)) return null;
  return s;
}

/** Checks the fields of a complaint (public or staff). Throws a validation error listing every bad field. */
export function parseComplaint(input: ComplaintInput, today: IsoDate, opts: { staff?: boolean } = {}): ComplaintValues & { channel: string; laporRef: string | null; receivedOn: IsoDate } {
  const e: Record<string, string> = {};
  const category = clean(input.category);
  if (!CATEGORIES.includes(category)) e.category = 'complaints.err.category';
  const classification = clean(input.classification) || 'pengaduan';
  if (!CLASSIFICATIONS.includes(classification)) e.classification = 'complaints.err.classification';
  const subject = oneLine(input.subject);
  if (!subject) e.subject = 'complaints.err.subject';
  else if (subject.length > LIMITS.subject) e.subject = 'complaints.err.too_long';
  const description = clean(input.description);
  if (description.length < 10) e.description = 'complaints.err.description';
  else if (description.length > LIMITS.description) e.description = 'complaints.err.too_long';
  const location = oneLine(input.location) || null;
  if (location && location.length > LIMITS.location) e.location = 'complaints.err.too_long';
  const eventDate = clean(input.eventDate) || null;
  if (eventDate && !isIsoDate(eventDate)) e.eventDate = 'complaints.err.date';
  else if (eventDate && eventDate > today) e.eventDate = 'complaints.err.future';
  else if (eventDate && eventDate < '2000-01-01') e.eventDate = 'complaints.err.date';
  const anonymous = input.anonymous === '1';
  const name = anonymous ? null : oneLine(input.name) || null;
  const contact = anonymous ? null : oneLine(input.contact) || null;
  if (name && name.length > LIMITS.name) e.name = 'complaints.err.too_long';
  if (contact && contact.length > LIMITS.contact) e.contact = 'complaints.err.too_long';
  let channel = 'web';
  let laporRef: string | null = null;
  let receivedOn = today;
  if (opts.staff) {
    channel = clean(input.channel);
    if (!STAFF_CHANNELS.includes(channel)) e.channel = 'complaints.err.channel';
    const rawRef = clean(input.laporRef);
    if (rawRef) {
      laporRef = parseLaporRef(rawRef);
      if (!laporRef) e.laporRef = 'complaints.err.lapor_ref';
    }
    if (channel === 'lapor' && !rawRef) e.laporRef = 'complaints.err.lapor_ref_required';
    const r = clean(input.receivedOn) || today;
    if (!isIsoDate(r) || r < '2000-01-01') e.receivedOn = 'complaints.err.date';
    else if (r > today) e.receivedOn = 'complaints.err.future';
    else receivedOn = r;
    if (eventDate && isIsoDate(eventDate) && isIsoDate(r) && eventDate > r && !e.eventDate) e.eventDate = 'complaints.err.event_after_receipt';
  }
  // a control character or invalid UTF-8 in any field is refused with the shared field error (never stripped)
  const typed = badTextFields(input as Record<string, unknown>, anonymous ? TYPED_FIELDS.filter((f) => f !== 'name' && f !== 'contact') : TYPED_FIELDS);
  Object.assign(e, typed);
  if (Object.keys(e).length) throw new DomainError('validation', 'error.validation', {}, e);
  return { category, classification, subject, description, location, eventDate, complainantName: name, complainantContact: contact, channel, laporRef, receivedOn };
}

/** A required text (reply, note, reason, outcome), one field. */
export function parseText(raw: unknown, field: string, code = 'complaints.err.text'): string {
  const problem = typeof raw === 'string' ? textProblem(raw) : null;
  if (problem) throw new DomainError('validation', problem, {}, { [field]: problem });
  const s = clean(raw);
  if (!s) throw new DomainError('validation', code, {}, { [field]: code });
  if (s.length > LIMITS.text) throw new DomainError('validation', 'complaints.err.too_long', {}, { [field]: 'complaints.err.too_long' });
  return s;
}

/** Satisfaction 1 (very dissatisfied) … 5 (very satisfied). */
export function parseSatisfaction(raw: unknown): number {
  const s = clean(raw);
  if (!/^[1-5]$/.test(s)) throw new DomainError('validation', 'complaints.err.satisfaction', {}, { satisfaction: 'complaints.err.satisfaction' });
  return Number(s);
}

// ---- periods -------------------------------------------------------------------------------------

export interface Period { code: string; kind: 'year' | 'quarter' | 'month'; year: number; from: IsoDate; to: IsoDate }

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** "2026", "2026-Q2", "2026-03" → the period; null when malformed or outside 2000–2100. */
export function parsePeriod(raw: string): Period | null {
  const s = String(raw ?? '').trim().toUpperCase();
  let m = /^(\d{4})$/.exec(s);
  if (m) { const y = Number(m[1]); return y < 2000 || y > 2100 ? null : { code: s, kind: 'year', year: y, from: `${y}-01-01`, to: `${y}-12-31` }; }
  m = /^(\d{4})-Q([1-4])$/.exec(s);
  if (m) {
    const y = Number(m[1]); const q = Number(m[2]);
    if (y < 2000 || y > 2100) return null;
    return { code: s, kind: 'quarter', year: y, from: `${y}-${pad(q * 3 - 2)}-01`, to: `${y}-${pad(q * 3)}-${lastDay(y, q * 3)}` };
  }
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) {
    const y = Number(m[1]); const mo = Number(m[2]);
    if (y < 2000 || y > 2100 || mo < 1 || mo > 12) return null;
    return { code: s, kind: 'month', year: y, from: `${y}-${pad(mo)}-01`, to: `${y}-${pad(mo)}-${lastDay(y, mo)}` };
  }
  return null;
}

/** Every period of a year: the year, its quarters and months. */
export function periodsOfYear(year: number): Period[] {
  return [String(year), ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`), ...Array.from({ length: 12 }, (_, i) => `${year}-${pad(i + 1)}`)].map((c) => parsePeriod(c)!);
}

// ---- statistics ------------------------------------------------------------------------------------

export interface StatRow {
  state: string; category: string; channel: string; receivedOn: IsoDate; slaDays: number;
  firstResponseOn: IsoDate | null; closedOn: IsoDate | null; satisfaction: number | null;
}

export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface Stats {
  total: number;
  byCategory: Record<string, number>;
  byChannel: Record<string, number>;
  byState: Record<string, number>;
  medianFirstResponse: number | null;
  medianClosure: number | null;
  finished: number;
  slaMet: number;
  /** SLA met over finished, 0..100, null when nothing finished */
  slaMetPct: number | null;
  overdue: number;
  satisfaction: { n: number; mean: number | null };
  lke: { toFollowUp: number; inProcess: number; completed: number };
}

/** The counts LKE item A.II.5.ii asks for (decision 0011): rejected and referred complaints need no follow-up here. */
export function lkeCounts(rows: Pick<StatRow, 'state'>[]) {
  const inProcess = rows.filter((r) => (OPEN_STATES as readonly string[]).includes(r.state)).length;
  const completed = rows.filter((r) => r.state === 'closed').length;
  return { toFollowUp: inProcess + completed, inProcess, completed };
}

/** Statistics of the complaints received in a period, as they stand on `today`. */
export function statsOf(rows: StatRow[], today: IsoDate, off: OffDays): Stats {
  const count = (key: (r: StatRow) => string) => rows.reduce<Record<string, number>>((acc, r) => { acc[key(r)] = (acc[key(r)] ?? 0) + 1; return acc; }, {});
  const responded = rows.filter((r) => r.firstResponseOn).map((r) => workingDaysBetween(r.receivedOn, r.firstResponseOn!, off));
  const finishedRows = rows.filter((r) => (FINAL_STATES as readonly string[]).includes(r.state) && r.closedOn);
  const closure = finishedRows.map((r) => workingDaysBetween(r.receivedOn, r.closedOn!, off));
  const slaMet = finishedRows.filter((r) => slaStatus(r, today, off) === 'met').length;
  const sat = rows.filter((r) => r.satisfaction !== null).map((r) => r.satisfaction!);
  return {
    total: rows.length,
    byCategory: count((r) => r.category),
    byChannel: count((r) => r.channel),
    byState: count((r) => r.state),
    medianFirstResponse: median(responded),
    medianClosure: median(closure),
    finished: finishedRows.length,
    slaMet,
    slaMetPct: finishedRows.length ? Math.round((slaMet / finishedRows.length) * 1000) / 10 : null,
    overdue: rows.filter((r) => slaStatus(r, today, off) === 'overdue').length,
    satisfaction: { n: sat.length, mean: sat.length ? Math.round((sat.reduce((a, b) => a + b, 0) / sat.length) * 10) / 10 : null },
    lke: lkeCounts(rows),
  };
}
