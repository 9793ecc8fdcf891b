// Pure rules of the services module: the 14 components and the participant groups (data in
// standard-components.json), input checks of every form (field → i18n key), the diff of two
// standard versions, and what makes a standard complete. No database, no request.
import { readFileSync } from 'node:fs';
import { invalid } from '../../kernel/errors.ts';

interface Named { key: string; order: number; name: { id: string; en: string } }
export interface ComponentDef extends Named { side: 'delivery' | 'internal'; source: { tag: string; ref: string } }
export interface GroupDef extends Named { stakeholder: boolean }

const DATA = JSON.parse(readFileSync(new URL('./standard-components.json', import.meta.url), 'utf8')) as {
  components: ComponentDef[];
  participantGroups: { groups: GroupDef[] };
  findingSources: { sources: { key: string; name: { id: string; en: string } }[] };
};

/** The 14 components in order; the first six (delivery) are published to the public. */
export const COMPONENTS: readonly ComponentDef[] = [...DATA.components].sort((a, b) => a.order - b.order);
export const COMPONENT_KEYS = COMPONENTS.map((c) => c.key);
export const DELIVERY_KEYS = COMPONENTS.filter((c) => c.side === 'delivery').map((c) => c.key);
export const GROUPS: readonly GroupDef[] = [...DATA.participantGroups.groups].sort((a, b) => a.order - b.order);
export const FINDING_SOURCES = DATA.findingSources.sources.map((s) => s.key);
export const SOP_FOLLOW_UPS = ['none', 'proposal', 'revised'] as const;

/** The name of a component / group / finding source in a language. */
export const componentName = (key: string, locale: string) => COMPONENTS.find((c) => c.key === key)?.name[locale === 'en' ? 'en' : 'id'] ?? key;
export const groupName = (key: string, locale: string) => GROUPS.find((g) => g.key === key)?.name[locale === 'en' ? 'en' : 'id'] ?? key;
export const findingSourceName = (key: string, locale: string) => DATA.findingSources.sources.find((s) => s.key === key)?.name[locale === 'en' ? 'en' : 'id'] ?? key;

export const MAX = { code: 20, name: 200, description: 2000, component: 4000, decree: 100, note: 2000, topic: 300, place: 200, text: 4000, sopNumber: 100, sopTitle: 300, activity: 500, stepField: 500, result: 2000, finding: 1000, rows: 40, participants: 100000 } as const;

export type Components = Record<string, string>;
type Errors = Record<string, string>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: unknown): s is string => typeof s === 'string' && UUID.test(s);

/** A calendar date YYYY-MM-DD that exists, between 2000 and 2100. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  const y = Number(s.slice(0, 4));
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && y >= 2000 && y <= 2100;
}

/** One line: control characters out, spaces collapsed, trimmed. */
export const line = (s: unknown) => (typeof s === 'string' ? s.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim() : '');
/** Multi-line text: CRLF → LF, control characters (but newlines and tabs) out, trailing spaces trimmed. */
export const multi = (s: unknown) => (typeof s === 'string' ? s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').split('\n').map((l) => l.trimEnd()).join('\n').trim() : '');

function text(errors: Errors, field: string, raw: unknown, max: number, opts: { required?: boolean; multiline?: boolean } = {}): string | null {
  const v = opts.multiline ? multi(raw) : line(raw);
  if (!v) { if (opts.required) errors[field] = 'services.error.required'; return null; }
  if (v.length > max) { errors[field] = 'services.error.too_long'; return null; }
  return v;
}

function date(errors: Errors, field: string, raw: unknown, required: boolean): string | null {
  const v = line(raw);
  if (!v) { if (required) errors[field] = 'services.error.date_required'; return null; }
  if (!isIsoDate(v)) { errors[field] = 'services.error.date_invalid'; return null; }
  return v;
}

const done = <T>(errors: Errors, value: T): T => { if (Object.keys(errors).length) throw invalid(errors); return value; };

// ---- service catalogue ------------------------------------------------------------------------

/** A short code for links and posters: letters, digits and dashes, 2–20, stored in capitals. */
export const CODE_RE = /^[A-Z0-9](?:[A-Z0-9-]{0,18}[A-Z0-9])?$/;

export interface ServiceInput { code: string; name: string; description: string | null; sortOrder: number }

export function parseService(f: Record<string, unknown>): ServiceInput {
  const e: Errors = {};
  const code = line(f.code).toUpperCase();
  if (!code) e.code = 'services.error.required';
  else if (code.length > MAX.code) e.code = 'services.error.too_long';
  else if (!CODE_RE.test(code)) e.code = 'services.service.code.format';
  const name = text(e, 'name', f.name, MAX.name, { required: true });
  const description = text(e, 'description', f.description, MAX.description, { multiline: true });
  const rawOrder = line(f.sortOrder);
  const sortOrder = rawOrder === '' ? 0 : Number(rawOrder);
  if (!Number.isInteger(sortOrder) || sortOrder < 0 || sortOrder > 9999) e.sortOrder = 'services.service.order.invalid';
  return done(e, { code, name: name!, description, sortOrder });
}

// ---- standards --------------------------------------------------------------------------------

/** The components of a draft from a form (`c_<key>` fields); empty ones are left out. */
export function parseComponents(f: Record<string, unknown>): Components {
  const e: Errors = {};
  const out: Components = {};
  for (const key of COMPONENT_KEYS) {
    const v = text(e, `c_${key}`, f[`c_${key}`], MAX.component, { multiline: true });
    if (v) out[key] = v;
  }
  return done(e, out);
}

/** Components read back from the database: only known keys with text. */
export function componentsOf(raw: unknown): Components {
  const out: Components = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const key of COMPONENT_KEYS) {
    const v = (raw as Record<string, unknown>)[key];
    if (typeof v === 'string' && v.trim()) out[key] = v;
  }
  return out;
}

/** The components without text (of at least `minChars` characters), in order. */
export function missingComponents(c: Components, minChars = 1): string[] {
  return COMPONENT_KEYS.filter((k) => (c[k] ?? '').trim().length < minChars);
}

export interface PublishInput { decreeNumber: string; decreeDate: string; effectiveFrom: string; changeNote: string | null }

/** Publishing needs the decree number and date, the effective date (not before the decree) and every component. */
export function parsePublish(f: Record<string, unknown>, components: Components): PublishInput {
  const e: Errors = {};
  const decreeNumber = text(e, 'decreeNumber', f.decreeNumber, MAX.decree, { required: true });
  const decreeDate = date(e, 'decreeDate', f.decreeDate, true);
  const effectiveFrom = date(e, 'effectiveFrom', f.effectiveFrom, true);
  const changeNote = text(e, 'changeNote', f.changeNote, MAX.note, { multiline: true });
  if (decreeDate && effectiveFrom && effectiveFrom < decreeDate) e.effectiveFrom = 'services.standard.effective_before_decree';
  if (!Object.keys(e).length && missingComponents(components).length) e._ = 'services.standard.incomplete';
  return done(e, { decreeNumber: decreeNumber!, decreeDate: decreeDate!, effectiveFrom: effectiveFrom!, changeNote });
}

export type DiffKind = 'same' | 'changed' | 'added' | 'removed';
export interface ComponentDiff { key: string; kind: DiffKind; before: string; after: string; lines: { kind: 'same' | 'added' | 'removed'; text: string }[] }

/** Line diff (longest common subsequence) of two texts. */
export function diffLines(a: string, b: string): { kind: 'same' | 'added' | 'removed'; text: string }[] {
  const x = a ? a.split('\n') : [];
  const y = b ? b.split('\n') : [];
  const n = x.length, m = y.length;
  const L: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i][j] = x[i] === y[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const out: { kind: 'same' | 'added' | 'removed'; text: string }[] = [];
  let i = 0, j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) { out.push({ kind: 'same', text: x[i] }); i++; j++; }
    else if (L[i + 1][j] >= L[i][j + 1]) out.push({ kind: 'removed', text: x[i++] });
    else out.push({ kind: 'added', text: y[j++] });
  }
  while (i < n) out.push({ kind: 'removed', text: x[i++] });
  while (j < m) out.push({ kind: 'added', text: y[j++] });
  return out;
}

/** What changed per component from `before` to `after`, in component order. */
export function diffComponents(before: Components, after: Components): ComponentDiff[] {
  return COMPONENT_KEYS.map((key) => {
    const b = before[key] ?? '';
    const a = after[key] ?? '';
    const kind: DiffKind = a === b ? 'same' : !b ? 'added' : !a ? 'removed' : 'changed';
    return { key, kind, before: b, after: a, lines: kind === 'same' ? [] : diffLines(b, a) };
  });
}

// ---- consultations and reviews ----------------------------------------------------------------

/** Indexed rows of a form: `prefix_<i>_<field>` for i = 0.. (rows without text in a `counting` field are skipped). */
export function rowsOf(f: Record<string, unknown>, prefix: string, fields: readonly string[], counting: readonly string[] = fields): { index: number; values: Record<string, string> }[] {
  const out: { index: number; values: Record<string, string> }[] = [];
  for (let i = 0; i < MAX.rows; i++) {
    const values: Record<string, string> = {};
    let any = false;
    for (const k of fields) {
      const raw = f[`${prefix}_${i}_${k}`];
      values[k] = typeof raw === 'string' ? raw : '';
      if (counting.includes(k) && values[k].trim()) any = true;
    }
    if (any) out.push({ index: i, values });
  }
  return out;
}

export interface Participant { group: string; count: number }
export interface ConsultationInputRow { input: string; response: string | null; adopted: boolean }
export interface ConsultationInput {
  serviceId: string | null; heldOn: string; place: string | null; topic: string;
  participants: Participant[]; inputs: ConsultationInputRow[]; notes: string | null;
}

export function parseConsultation(f: Record<string, unknown>): ConsultationInput {
  const e: Errors = {};
  const heldOn = date(e, 'heldOn', f.heldOn, true);
  const place = text(e, 'place', f.place, MAX.place);
  const topic = text(e, 'topic', f.topic, MAX.topic, { required: true });
  const notes = text(e, 'notes', f.notes, MAX.note, { multiline: true });
  const sid = line(f.serviceId);
  if (sid && !isUuid(sid)) e.serviceId = 'services.error.choice';
  const participants: Participant[] = [];
  for (const g of GROUPS) {
    const raw = line(f[`p_${g.key}`]);
    if (!raw) continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > MAX.participants) { e[`p_${g.key}`] = 'services.consultation.count.invalid'; continue; }
    if (n > 0) participants.push({ group: g.key, count: n });
  }
  if (!Object.keys(e).some((k) => k.startsWith('p_')) && participants.length === 0) e[`p_${GROUPS[0].key}`] = 'services.consultation.participants.required';
  const inputs: ConsultationInputRow[] = [];
  for (const r of rowsOf(f, 'in', ['input', 'response', 'adopted'], ['input', 'response'])) {
    const input = text(e, `in_${r.index}_input`, r.values.input, MAX.finding, { required: true, multiline: true });
    const response = text(e, `in_${r.index}_response`, r.values.response, MAX.finding, { multiline: true });
    if (input) inputs.push({ input, response, adopted: r.values.adopted === '1' || r.values.adopted === 'on' });
  }
  return done(e, { serviceId: sid ? sid.toLowerCase() : null, heldOn: heldOn!, place, topic: topic!, participants, inputs, notes });
}

export interface Finding { source: string; finding: string; change: string | null }
export interface ReviewInput { reviewedOn: string; findings: Finding[]; resultingStandardId: string | null; conclusion: string | null }

export function parseReview(f: Record<string, unknown>): ReviewInput {
  const e: Errors = {};
  const reviewedOn = date(e, 'reviewedOn', f.reviewedOn, true);
  const conclusion = text(e, 'conclusion', f.conclusion, MAX.note, { multiline: true });
  const rsid = line(f.resultingStandardId);
  if (rsid && !isUuid(rsid)) e.resultingStandardId = 'services.error.choice';
  const findings: Finding[] = [];
  for (const r of rowsOf(f, 'fd', ['source', 'finding', 'change'], ['finding', 'change'])) {
    if (!FINDING_SOURCES.includes(r.values.source)) e[`fd_${r.index}_source`] = 'services.review.source.invalid';
    const finding = text(e, `fd_${r.index}_finding`, r.values.finding, MAX.finding, { required: true, multiline: true });
    const change = text(e, `fd_${r.index}_change`, r.values.change, MAX.finding, { multiline: true });
    if (finding && FINDING_SOURCES.includes(r.values.source)) findings.push({ source: r.values.source, finding, change });
  }
  if (!Object.keys(e).length && findings.length === 0) e.fd_0_finding = 'services.review.findings.required';
  return done(e, { reviewedOn: reviewedOn!, findings, resultingStandardId: rsid ? rsid.toLowerCase() : null, conclusion });
}

// ---- maklumat ---------------------------------------------------------------------------------

export interface MaklumatInput { text: string; signerPersonId: string; signedOn: string }

export function parseMaklumat(f: Record<string, unknown>): MaklumatInput {
  const e: Errors = {};
  const body = text(e, 'text', f.text, MAX.text, { required: true, multiline: true });
  const signer = line(f.signerPersonId);
  if (!signer) e.signerPersonId = 'services.maklumat.signer.required';
  else if (!isUuid(signer)) e.signerPersonId = 'services.error.person_other_unit';
  const signedOn = date(e, 'signedOn', f.signedOn, true);
  return done(e, { text: body!, signerPersonId: signer.toLowerCase(), signedOn: signedOn! });
}

// ---- SOPs -------------------------------------------------------------------------------------

export interface SopStep { step: string; actor: string | null; requirements: string | null; time: string | null; output: string | null }
export interface SopInput {
  number: string; title: string; effectiveOn: string | null; ownerPersonId: string; activity: string | null; serviceId: string | null; steps: SopStep[];
}
export const STEP_FIELDS = ['step', 'actor', 'requirements', 'time', 'output'] as const;

export function parseSop(f: Record<string, unknown>): SopInput {
  const e: Errors = {};
  const number = text(e, 'number', f.number, MAX.sopNumber, { required: true });
  const title = text(e, 'title', f.title, MAX.sopTitle, { required: true });
  const effectiveOn = date(e, 'effectiveOn', f.effectiveOn, false);
  const owner = line(f.ownerPersonId);
  if (!owner) e.ownerPersonId = 'services.sop.owner.required';
  else if (!isUuid(owner)) e.ownerPersonId = 'services.error.person_other_unit';
  const activity = text(e, 'activity', f.activity, MAX.activity, { multiline: true });
  const sid = line(f.serviceId);
  if (sid && !isUuid(sid)) e.serviceId = 'services.error.choice';
  const steps: SopStep[] = [];
  for (const r of rowsOf(f, 'st', STEP_FIELDS)) {
    const step = text(e, `st_${r.index}_step`, r.values.step, MAX.stepField, { required: true, multiline: true });
    const rest = Object.fromEntries((['actor', 'requirements', 'time', 'output'] as const).map((k) => [k, text(e, `st_${r.index}_${k}`, r.values[k], MAX.stepField, { multiline: true })]));
    if (step) steps.push({ step, ...(rest as Omit<SopStep, 'step'>) });
  }
  return done(e, { number: number!, title: title!, effectiveOn, ownerPersonId: owner.toLowerCase(), activity, serviceId: sid ? sid.toLowerCase() : null, steps });
}

export interface SopEvaluationInput { evaluatedOn: string; result: string; followUp: (typeof SOP_FOLLOW_UPS)[number]; followUpNote: string | null }

export function parseSopEvaluation(f: Record<string, unknown>): SopEvaluationInput {
  const e: Errors = {};
  const evaluatedOn = date(e, 'evaluatedOn', f.evaluatedOn, true);
  const result = text(e, 'result', f.result, MAX.result, { required: true, multiline: true });
  const followUp = line(f.followUp) || 'none';
  if (!(SOP_FOLLOW_UPS as readonly string[]).includes(followUp)) e.followUp = 'services.error.choice';
  const followUpNote = text(e, 'followUpNote', f.followUpNote, MAX.note, { multiline: true });
  return done(e, { evaluatedOn: evaluatedOn!, result: result!, followUp: followUp as SopEvaluationInput['followUp'], followUpNote });
}
