import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DomainError } from '../../kernel/errors.ts';
import {
  CATEGORY_KEYS, CAMPAIGN_KINDS, DECISIONS, FOLLOW_UPS, GRATIFICATION_RULES, ITEM_KINDS, KINDS, LIMITS, OPEN_STATES, RELATIONSHIPS, STATES, WHERE_NOW,
  allowed, campaignAnswer, deadlinesOf, exemption, isOverdue, latenessOf, parseAnalysis, parseCampaign, parseCompletion, parseCustody, parseDecision,
  parseDismiss, parseFollowUp, parseForward, parseRelease, parseReport, parseRequestCompletion, parseRupiah, parseSettings, periodRange, resolveRules,
  stateAfter, stepDeadline, stepsFrom, upgAnswer, valueBand, versionById, versionFor, type Step,
} from './gratification.rules.ts';

const fieldErr = (fn: () => unknown, field: string, code: string) =>
  assert.throws(fn, (e: unknown) => e instanceof DomainError && e.fieldErrors[field] === code, `${field} → ${code}`);

// the shipped 2026 calendar (holidays and cuti bersama), as the app loads it
const off2026 = new Set<string>(JSON.parse(readFileSync(new URL('../../kernel/calendar/id-2026.json', import.meta.url), 'utf8')).days.map((d: { day: string }) => d.day));
const none = new Set<string>();
const V2019 = 'perkom-kpk-2-2019';
const V2026 = 'perkom-kpk-1-2026';

test('rule data: two versions, 17 categories each, every entry and deadline source-tagged', () => {
  assert.deepEqual(GRATIFICATION_RULES.versions.map((v) => v.id), [V2019, V2026]);
  for (const v of GRATIFICATION_RULES.versions) {
    assert.deepEqual(v.categories.map((c) => c.key).join(''), 'abcdefghijklmnopq', v.id);
    for (const c of v.categories) { assert.match(c.tag, /^(S|U|I)$/, `${v.id} ${c.key}`); assert.ok(c.id.length > 10, `${v.id} ${c.key} label`); assert.ok(c.en.length > 5); }
    for (const d of Object.values(v.deadlines)) assert.match(d.tag, /^(S|U|I)$/);
  }
  const cat = (v: string, k: string) => GRATIFICATION_RULES.versions.find((x) => x.id === v)!.categories.find((c) => c.key === k)!;
  assert.equal(cat(V2019, 'l').perGiver, 1_000_000);
  assert.equal(cat(V2026, 'l').perGiver, 1_500_000);
  assert.equal(cat(V2026, 'n').deleted, true);
  assert.equal(cat(V2026, 'n').id, cat(V2019, 'n').id, 'a changed category keeps its text');
  assert.deepEqual([cat(V2019, 'o').perGift, cat(V2019, 'o').perYearPerGiver], [200_000, 1_000_000]);
  assert.deepEqual([cat(V2026, 'o').perGift, cat(V2026, 'o').perYearPerGiver, cat(V2026, 'o').notMoney], [500_000, 1_500_000, true]);
  assert.equal(GRATIFICATION_RULES.campaign.tag, 'I');
});

test('the version applies by the date of receipt', () => {
  const cases: [string, string][] = [['2019-06-01', V2019], ['2026-01-27', V2019], ['2026-01-28', V2026], ['2026-11-28', V2026], ['2010-01-01', V2019]];
  for (const [day, id] of cases) assert.equal(versionFor(day).id, id, day);
});

test('deadlines in working days across weekends and holidays', () => {
  const cases: [string, string, Set<string>, Partial<ReturnType<typeof deadlinesOf>>][] = [
    // Fri 2 Jan 2026 + 10 wd: weekends and Isra Mikraj (16 Jan) skipped
    ['2026-01-02', '2026-01-05', off2026, { version: V2019, toUpg: '2026-01-19' }],
    // a Friday + 10 wd with weekends only = the Friday two weeks on
    ['2026-11-27', '2026-11-27', none, { toUpg: '2026-12-11', upgToKpk: '2026-12-11', toKpk: '2027-01-08' }],
    // completion: 2/2019 = 30 wd from receipt; 1/2026 = 20 wd from the report date
    ['2026-01-20', '2026-01-22', none, { version: V2019, completion: '2026-03-03' }],
    ['2026-02-02', '2026-02-04', none, { version: V2026, completion: '2026-03-04' }],
    // Nyepi and Lebaran 2026 (18–24 March off) and Good Friday (3 April) push the deadline
    ['2026-03-16', '2026-03-16', off2026, { toUpg: '2026-04-07' }],
  ];
  for (const [received, reported, off, expected] of cases) {
    const d = deadlinesOf(received, reported, off);
    for (const [k, v] of Object.entries(expected)) assert.equal(d[k as keyof typeof d], v, `${received} ${k}`);
  }
});

test('late flags: > 10 wd to the UPG is late; > 30 wd is beyond the statute and, under 1/2026, may be state property', () => {
  const cases: [string, string, { days: number; lateToUpg: boolean; beyondStatutory: boolean; mayBeState: boolean }][] = [
    ['2026-11-02', '2026-11-16', { days: 10, lateToUpg: false, beyondStatutory: false, mayBeState: false }],
    ['2026-11-02', '2026-11-17', { days: 11, lateToUpg: true, beyondStatutory: false, mayBeState: false }],
    ['2026-09-01', '2026-10-13', { days: 30, lateToUpg: true, beyondStatutory: false, mayBeState: false }],
    ['2026-09-01', '2026-10-14', { days: 31, lateToUpg: true, beyondStatutory: true, mayBeState: true }],
    ['2025-06-02', '2025-07-15', { days: 31, lateToUpg: true, beyondStatutory: true, mayBeState: false }],
    ['2026-11-02', '2026-11-02', { days: 0, lateToUpg: false, beyondStatutory: false, mayBeState: false }],
  ];
  for (const [received, reported, expected] of cases) assert.deepEqual(latenessOf(received, reported, none), expected, `${received} → ${reported}`);
});

test('the step deadline and overdue by state', () => {
  const base = { receivedOn: '2026-11-02', reportedOn: '2026-11-04', completionDueOn: '2026-12-02', forwardedOn: null as string | null, rulesVersion: V2026 };
  assert.equal(stepDeadline({ ...base, state: 'received' }, none), '2026-11-18');
  assert.equal(stepDeadline({ ...base, state: 'completion_requested' }, none), '2026-12-02');
  assert.equal(stepDeadline({ ...base, state: 'forwarded', forwardedOn: '2026-11-10' }, none), '2026-12-22');
  assert.equal(stepDeadline({ ...base, state: 'closed' }, none), null);
});

test('what need not be reported: l, n and o before and after 28 January 2026', () => {
  const v19 = versionFor('2026-01-27');
  const v26 = versionFor('2026-01-28');
  const cases: [typeof v19, string | null, number, number, string, { exempt: boolean; reason: string }][] = [
    // a wedding gift of Rp 1.200.000: reportable under 2/2019, exempt under 1/2026
    [v19, 'l', 1_200_000, 1_200_000, 'money', { exempt: false, reason: 'over_giver' }],
    [v26, 'l', 1_200_000, 1_200_000, 'money', { exempt: true, reason: 'category' }],
    [v26, 'l', 1_600_000, 1_600_000, 'money', { exempt: false, reason: 'over_giver' }],
    // o: per gift and per year from the same giver, never money
    [v19, 'o', 450_000, 450_000, 'goods', { exempt: false, reason: 'over_gift' }],
    [v26, 'o', 450_000, 450_000, 'goods', { exempt: true, reason: 'category' }],
    [v26, 'o', 450_000, 1_600_000, 'goods', { exempt: false, reason: 'over_year' }],
    [v26, 'o', 450_000, 1_500_000, 'goods', { exempt: true, reason: 'category' }],
    [v26, 'o', 100_000, 100_000, 'money', { exempt: false, reason: 'money' }],
    [v19, 'o', 200_000, 1_000_000, 'goods', { exempt: true, reason: 'category' }],
    // n: under 2/2019 up to Rp 300.000 and below Rp 1.000.000 a year; deleted by 1/2026
    [v19, 'n', 250_000, 900_000, 'goods', { exempt: true, reason: 'category' }],
    [v19, 'n', 250_000, 1_000_000, 'goods', { exempt: false, reason: 'over_year' }],
    [v26, 'n', 250_000, 250_000, 'goods', { exempt: false, reason: 'deleted' }],
    [v26, 'p', 5_000_000, 5_000_000, 'meal', { exempt: true, reason: 'category' }],
    [v26, null, 50_000, 50_000, 'goods', { exempt: false, reason: 'no_category' }],
  ];
  for (const [v, cat, value, year, kind, expected] of cases) assert.deepEqual(exemption(v, cat, value, year, kind), expected, `${v.id} ${cat} ${value}/${year} ${kind}`);
});

test('workflow: which step is allowed in which state', () => {
  const cases: [string, Step, boolean][] = [
    ['received', 'verify', true], ['received', 'request_completion', true], ['received', 'analyse', false], ['received', 'forward', false],
    ['completion_requested', 'complete', true], ['completion_requested', 'verify', false],
    ['verified', 'analyse', true], ['verified', 'verify', false], ['analysed', 'forward', true], ['analysed', 'decide', false],
    ['forwarded', 'decide', true], ['decided', 'follow_up', true], ['followed_up', 'close', true], ['closed', 'close', false],
    ['received', 'dismiss', true], ['forwarded', 'dismiss', false], ['dismissed', 'verify', false],
  ];
  for (const [state, step, ok] of cases) assert.equal(allowed(state, step), ok, `${state} ${step}`);
  assert.equal(stateAfter('complete'), 'received');
  assert.deepEqual(stepsFrom('received'), ['verify', 'request_completion', 'dismiss']);
  assert.deepEqual(stepsFrom('closed'), []);
});

test('input checks: rupiah, future dates, negative values, missing fields, refused gifts', () => {
  const cases: [string, number | null][] = [['1200000', 1_200_000], ['1.200.000', 1_200_000], ['Rp 250.000', 250_000], ['12,5', null], ['abc', null], ['1.20.000', null], ['', null]];
  for (const [raw, n] of cases) assert.equal(parseRupiah(raw), n, raw);
  const today = '2026-11-28';
  const ok = {
    kind: 'received', giverName: 'CV Maju', relationship: 'service_user', occasion: 'Ucapan terima kasih', itemKind: 'goods', description: 'Parsel',
    valueRp: '750.000', receivedOn: '2026-11-20', place: 'Kantor', chronology: 'Diantar ke meja layanan.', whereNow: 'deposited',
  };
  assert.equal(parseReport(ok, today).valueRp, 750_000);
  fieldErr(() => parseReport({ ...ok, receivedOn: '2026-11-29' }, today), 'receivedOn', 'gratification.err.future');
  fieldErr(() => parseReport({ ...ok, receivedOn: '2026-02-30' }, today), 'receivedOn', 'gratification.err.date');
  fieldErr(() => parseReport({ ...ok, valueRp: '-5000' }, today), 'valueRp', 'gratification.err.negative');
  fieldErr(() => parseReport({ ...ok, valueRp: 'lima ratus' }, today), 'valueRp', 'gratification.err.number');
  fieldErr(() => parseReport({ ...ok, giverName: '  ' }, today), 'giverName', 'gratification.err.required');
  fieldErr(() => parseReport({ ...ok, itemKind: 'gold' }, today), 'itemKind', 'gratification.err.choice');
  fieldErr(() => parseReport({ ...ok, kind: 'refused', whereNow: 'with_me' }, today), 'whereNow', 'gratification.err.refused_where');
  fieldErr(() => parseAnalysis({ relatedToPosition: 'yes', note: 'x' }), 'contraryToDuty', 'gratification.err.required');
  fieldErr(() => parseDecision({ decision: 'other', decisionOn: '2026-11-01', skNumber: '1' }, today), 'decisionNote', 'gratification.err.required');
  fieldErr(() => parseCampaign({ kind: 'poster', title: 'x', heldOn: '2026-01-01', channel: 'Lobi', reach: '-3' }, today), 'reach', 'gratification.err.negative');
  fieldErr(() => parseCampaign({ kind: 'poster', title: 'x', heldOn: '2026-01-01', channel: 'Lobi', url: 'javascript:alert(1)' }, today), 'url', 'gratification.err.url');
});

test('periods of the UPG report and value bands', () => {
  assert.deepEqual(periodRange('2026-Q2'), { from: '2026-04-01', to: '2026-06-30', year: 2026, kind: 'quarter' });
  assert.deepEqual(periodRange('2026-S2'), { from: '2026-07-01', to: '2026-12-31', year: 2026, kind: 'semester' });
  assert.deepEqual(periodRange('2026'), { from: '2026-01-01', to: '2026-12-31', year: 2026, kind: 'year' });
  for (const bad of ['', '2026-Q5', '2026-S3', '1999', 'x']) assert.equal(periodRange(bad), null, bad);
  const bands: [number, number][] = [[0, 0], [499_999, 0], [500_000, 1], [1_499_999, 1], [1_500_000, 2], [10_000_000, 4]];
  for (const [v, b] of bands) assert.equal(valueBand(v), b, String(v));
});

test('LKE A.I.5.i.a from campaigns and A.I.5.i.b from the UPG settings', () => {
  const camp: [string[], string][] = [
    [[], 'c'], [['2026-02-01'], 'b'], [['2026-01-05', '2026-02-05', '2026-03-05', '2026-03-25'], 'b'],
    [['2026-01-05', '2026-02-05', '2026-05-05', '2026-09-25'], 'a'], [['2026-01-05', '2026-04-05', '2026-07-05'], 'b'],
  ];
  for (const [days, a] of camp) assert.equal(campaignAnswer(days), a, days.join());
  const upg: [Parameters<typeof upgAnswer>[0], string][] = [
    [{ decree: false, procedures: true, reportsHandled: 5, campaigns: 3 }, 'd'],
    [{ decree: true, procedures: true, reportsHandled: 0, campaigns: 0 }, 'a'],
    [{ decree: true, procedures: false, reportsHandled: 2, campaigns: 0 }, 'b'],
    [{ decree: true, procedures: false, reportsHandled: 0, campaigns: 1 }, 'b'],
    [{ decree: true, procedures: false, reportsHandled: 0, campaigns: 0 }, 'c'],
  ];
  for (const [f, a] of upg) assert.equal(upgAnswer(f), a, JSON.stringify(f));
});

// ---- the rule data, read from gratification-rules.json ---------------------------------------------

/** The error a call throws, as kind, code and field errors; null when it returns. */
const failureOf = (f: () => unknown): { kind: string; code: string; fields: Record<string, string> } | null => {
  try { f(); return null; } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { kind: e.kind, code: e.code, fields: e.fieldErrors };
  }
};
/** The field errors of a refused form (the kind and code are always validation / error.validation). */
const fieldsOf = (f: () => unknown): Record<string, string> | null => {
  const r = failureOf(f);
  if (r) { assert.equal(r.kind, 'validation'); assert.equal(r.code, 'error.validation'); }
  return r ? r.fields : null;
};
const TODAY = '2026-11-28';

test('rule data: the deadlines, late flags and dates of each regulation', () => {
  const [v19, v26] = GRATIFICATION_RULES.versions;
  assert.equal(v19!.effectiveFrom, '2019-01-01');
  assert.equal(v26!.effectiveFrom, '2026-01-28');
  assert.match(v19!.regulation, /^Peraturan KPK Nomor 2 Tahun 2019/);
  assert.match(v26!.regulation, /^Peraturan KPK Nomor 1 Tahun 2026/);
  const days = (v: typeof v19) => Object.fromEntries(Object.entries(v!.deadlines).map(([k, d]) => [k, d.days]));
  // BPIP 4/2021 Pasal 7(2)/(3): 10 wd each; UU 20/2001 Pasal 12C (2)/(3): 30 wd each
  assert.deepEqual(days(v19), { recipientToUpg: 10, upgToKpk: 10, recipientToKpk: 30, kpkDecision: 30, completion: 30 });
  assert.deepEqual(days(v26), { recipientToUpg: 10, upgToKpk: 10, recipientToKpk: 30, kpkDecision: 30, completion: 20 });
  assert.deepEqual([v19!.deadlines.completion.from, v26!.deadlines.completion.from], ['receipt', 'report']);
  assert.deepEqual([v19!.lateMayBeState, v26!.lateMayBeState], [false, true]);
  assert.deepEqual([GRATIFICATION_RULES.campaign.periodicAtLeastPerYear, GRATIFICATION_RULES.campaign.periodicQuarters], [4, 2]);
  assert.deepEqual(GRATIFICATION_RULES.decisionKinds, ['recipient', 'state', 'other']);
  assert.deepEqual(GRATIFICATION_RULES.valueBands, [0, 500_000, 1_500_000, 5_000_000, 10_000_000]);
});

test('rule data: the limits of l, m, n and o in each version; "same" categories are the earlier ones', () => {
  const cat = (v: string, k: string) => versionById(v)!.categories.find((c) => c.key === k)!;
  const limits = (v: string, k: string) => { const c = cat(v, k); return [c.perGiver, c.perGift, c.perYearPerGiver, c.perYearPerGiverBelow, c.notMoney, c.deleted]; };
  assert.deepEqual(limits(V2019, 'l'), [1_000_000, undefined, undefined, undefined, undefined, undefined]);
  assert.deepEqual(limits(V2026, 'l'), [1_500_000, undefined, undefined, undefined, undefined, undefined]);
  assert.deepEqual(limits(V2019, 'n'), [undefined, 300_000, undefined, 1_000_000, true, undefined]);
  // a deleted category loses its limits (and keeps its text)
  assert.deepEqual(limits(V2026, 'n'), [undefined, undefined, undefined, undefined, true, true]);
  assert.deepEqual(limits(V2019, 'o'), [undefined, 200_000, 1_000_000, undefined, true, undefined]);
  assert.deepEqual(limits(V2026, 'o'), [undefined, 500_000, 1_500_000, undefined, true, undefined]);
  assert.deepEqual(cat(V2026, 'm'), { ...cat(V2019, 'm'), tag: 'U', note: 'unchanged [U]' });
  assert.equal(cat(V2019, 'm').tag, 'S');
  assert.deepEqual(cat(V2026, 'a'), cat(V2019, 'a'));
  for (const c of versionById(V2026)!.categories) assert.equal('same' in c, false, c.key);
  assert.deepEqual(CATEGORY_KEYS, ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q']);
});

// a small made-up rule file: two versions given newest first
const deadlines = GRATIFICATION_RULES.versions[0]!.deadlines;
const rawVersion = (id: string, effectiveFrom: string, categories: Record<string, unknown>[]) =>
  ({ id, regulation: `R ${id}`, effectiveFrom, source: { tag: 'S', ref: 'r' }, deadlines, lateMayBeState: id === 'new', categories });
const rawRules = (versions: ReturnType<typeof rawVersion>[]) =>
  ({ versions, campaign: { periodicAtLeastPerYear: 1, periodicQuarters: 1, tag: 'I', ref: 'r' }, decisionKinds: [], valueBands: [0] }) as unknown as Parameters<typeof resolveRules>[0];

test('resolveRules: sorted by date, "same" copies the earlier category, a changed one keeps the text and replaces the limits', () => {
  const raw = rawRules([
    rawVersion('new', '2026-01-01', [
      { key: 'x', same: true }, { key: 'y', perGift: 9 }, { key: 'z', id: 'Baru', en: 'New', tag: 'I' }, { key: 'w', same: true, tag: 'U', note: 'n' },
    ]),
    rawVersion('old', '2019-01-01', [
      { key: 'x', id: 'X id', en: 'X en', tag: 'S', perGiver: 5 },
      { key: 'y', id: 'Y id', en: 'Y en', tag: 'S', perGiver: 1, perGift: 2, perYearPerGiver: 3, perYearPerGiverBelow: 4, notMoney: true },
      { key: 'w', id: 'W id', en: 'W en', tag: 'S' },
    ]),
  ]);
  const r = resolveRules(raw);
  assert.deepEqual(raw.versions.map((v) => v.id), ['new', 'old'], 'the raw data is not reordered');
  assert.deepEqual(r.versions.map((v) => v.id), ['old', 'new']);
  assert.deepEqual(r.versions[0]!.categories, [
    { key: 'x', id: 'X id', en: 'X en', tag: 'S', perGiver: 5 },
    { key: 'y', id: 'Y id', en: 'Y en', tag: 'S', perGiver: 1, perGift: 2, perYearPerGiver: 3, perYearPerGiverBelow: 4, notMoney: true },
    { key: 'w', id: 'W id', en: 'W en', tag: 'S' },
  ]);
  assert.deepEqual(r.versions[1]!.categories, [
    { key: 'x', id: 'X id', en: 'X en', tag: 'S', perGiver: 5 },
    { key: 'y', id: 'Y id', en: 'Y en', tag: 'S', notMoney: true, perGift: 9 },
    { key: 'z', id: 'Baru', en: 'New', tag: 'I' },
    { key: 'w', id: 'W id', en: 'W en', tag: 'U', note: 'n' },
  ]);
  assert.equal(r.versions[1]!.lateMayBeState, true);
  assert.equal(r.versions[1]!.regulation, 'R new');
  assert.deepEqual(r.valueBands, [0]);
  // the version by date and by id on these rules
  const cases: [string, string][] = [['2018-12-31', 'old'], ['2019-01-01', 'old'], ['2025-12-31', 'old'], ['2026-01-01', 'new'], ['2030-01-01', 'new']];
  for (const [day, id] of cases) assert.equal(versionFor(day, r).id, id, day);
  assert.equal(versionById('old', r)!.id, 'old');
  assert.equal(versionById('new', r)!.id, 'new');
  assert.equal(versionById(V2019, r), null);
});

test('resolveRules: a category that refers to nothing earlier is an error naming the version and key', () => {
  const message = (categories: Record<string, unknown>[]) => {
    try { resolveRules(rawRules([rawVersion('v1', '2019-01-01', categories)])); return null; } catch (e) { return (e as Error).message; }
  };
  assert.equal(message([{ key: 'x', same: true }]), 'gratification-rules.json: v1/x refers to a missing earlier category');
  assert.equal(message([{ key: 'x', same: true, id: 'X', en: 'X', tag: 'S' }]), 'gratification-rules.json: v1/x refers to a missing earlier category');
  assert.equal(message([{ key: 'k', en: 'no Indonesian label', tag: 'S' }]), 'gratification-rules.json: v1/k refers to a missing earlier category');
  assert.equal(message([{ key: 'k', id: 'Label', en: 'Label', tag: 'S' }]), null);
});

test('versionById on the shipped rules', () => {
  assert.equal(versionById(V2019)!.id, V2019);
  assert.equal(versionById(V2026)!.id, V2026);
  assert.equal(versionById('perkom-kpk-9-2099'), null);
  assert.equal(versionById(''), null);
});

// ---- deadlines of the current step -----------------------------------------------------------------

test('stepDeadline in every state, and with an unknown rules version (falls back to the date of receipt)', () => {
  const base = { receivedOn: '2026-11-02', reportedOn: '2026-11-04', completionDueOn: '2026-12-02', forwardedOn: '2026-11-10' as string | null, rulesVersion: V2026 };
  const cases: [string, string | null][] = [
    ['received', '2026-11-18'], ['completion_requested', '2026-12-02'], ['verified', '2026-11-18'], ['analysed', '2026-11-18'],
    ['forwarded', '2026-12-22'], ['decided', null], ['followed_up', null], ['closed', null], ['dismissed', null], ['nonsense', null],
  ];
  for (const [state, due] of cases) assert.equal(stepDeadline({ ...base, state }, none), due, state);
  assert.equal(stepDeadline({ ...base, state: 'forwarded', forwardedOn: null }, none), null);
  assert.equal(stepDeadline({ ...base, state: 'completion_requested', completionDueOn: null }, none), null);
  assert.equal(stepDeadline({ ...base, state: 'received', rulesVersion: 'unknown' }, none), '2026-11-18');
  assert.equal(stepDeadline({ ...base, state: 'forwarded', rulesVersion: 'unknown' }, none), '2026-12-22');
  // the shipped calendar: Christmas cuti bersama and Christmas move the KPK decision
  assert.equal(stepDeadline({ ...base, state: 'forwarded', forwardedOn: '2026-11-20' }, none), '2027-01-01');
  assert.equal(stepDeadline({ ...base, state: 'forwarded', forwardedOn: '2026-11-20' }, off2026), '2027-01-05');
});

test('isOverdue: only after the deadline day, never without a deadline', () => {
  const cases: [string | null, string, boolean][] = [
    [null, '2026-11-28', false], ['2026-11-28', '2026-11-27', false], ['2026-11-28', '2026-11-28', false], ['2026-11-28', '2026-11-29', true], ['2026-01-31', '2027-01-01', true],
  ];
  for (const [deadline, today, overdue] of cases) assert.equal(isOverdue(deadline, today), overdue, `${deadline} ${today}`);
});

// ---- exemptions at their limits -------------------------------------------------------------------

test('exemption: every limit at its edge, money, unknown category', () => {
  const v19 = versionById(V2019)!;
  const v26 = versionById(V2026)!;
  const cases: [typeof v19, string, number, number, string, string][] = [
    [v19, 'l', 1_000_000, 5_000_000, 'money', 'category'], [v19, 'l', 1_000_001, 1_000_001, 'money', 'over_giver'],
    [v26, 'l', 1_500_000, 1_500_000, 'goods', 'category'], [v26, 'l', 1_500_001, 1_500_001, 'goods', 'over_giver'],
    [v19, 'n', 300_000, 999_999, 'goods', 'category'], [v19, 'n', 300_001, 300_001, 'goods', 'over_gift'], [v19, 'n', 1_000, 1_000, 'money', 'money'],
    [v19, 'o', 200_001, 200_001, 'goods', 'over_gift'], [v19, 'o', 200_000, 1_000_001, 'goods', 'over_year'], [v19, 'o', 5_000_000, 5_000_000, 'money', 'money'],
    [v26, 'o', 500_000, 1_500_000, 'voucher', 'category'], [v26, 'o', 500_001, 500_001, 'goods', 'over_gift'], [v26, 'o', 1, 1_500_001, 'goods', 'over_year'],
    [v26, 'a', 1_000_000_000, 1_000_000_000, 'money', 'category'], [v26, 'z', 1, 1, 'goods', 'deleted'], [v26, '', 1, 1, 'goods', 'no_category'],
  ];
  for (const [v, cat, value, year, kind, reason] of cases) {
    assert.deepEqual(exemption(v, cat, value, year, kind), { exempt: reason === 'category', reason }, `${v.id} ${cat} ${value}/${year} ${kind}`);
  }
});

test('valueBand at every band edge', () => {
  const bands: [number, number][] = [[0, 0], [1, 0], [500_000, 1], [1_499_999, 1], [1_500_000, 2], [4_999_999, 2], [5_000_000, 3], [9_999_999, 3], [10_000_000, 4], [1e12, 4]];
  for (const [v, b] of bands) assert.equal(valueBand(v), b, String(v));
});

// ---- the UPG workflow, the whole table ------------------------------------------------------------

const FROM_EXPECTED: Record<Step, string[]> = {
  verify: ['received'], request_completion: ['received'], complete: ['completion_requested'], analyse: ['verified'], forward: ['analysed'],
  decide: ['forwarded'], follow_up: ['decided'], close: ['followed_up'], dismiss: ['received', 'verified', 'analysed'],
};

test('workflow: every step in every state, the state after each step, the steps offered per state', () => {
  assert.deepEqual([...STATES], ['received', 'completion_requested', 'verified', 'analysed', 'forwarded', 'decided', 'followed_up', 'closed', 'dismissed']);
  assert.deepEqual([...OPEN_STATES], ['received', 'completion_requested', 'verified', 'analysed', 'forwarded', 'decided', 'followed_up']);
  for (const state of [...STATES, 'nonsense']) {
    for (const step of Object.keys(FROM_EXPECTED) as Step[]) assert.equal(allowed(state, step), FROM_EXPECTED[step].includes(state), `${state} ${step}`);
  }
  const after: [Step, string][] = [
    ['verify', 'verified'], ['request_completion', 'completion_requested'], ['complete', 'received'], ['analyse', 'analysed'], ['forward', 'forwarded'],
    ['decide', 'decided'], ['follow_up', 'followed_up'], ['close', 'closed'], ['dismiss', 'dismissed'],
  ];
  for (const [step, state] of after) assert.equal(stateAfter(step), state, step);
  // 'complete' is the reporter's step, never offered to the UPG
  const offered: [string, Step[]][] = [
    ['received', ['verify', 'request_completion', 'dismiss']], ['completion_requested', []], ['verified', ['analyse', 'dismiss']],
    ['analysed', ['forward', 'dismiss']], ['forwarded', ['decide']], ['decided', ['follow_up']], ['followed_up', ['close']],
    ['closed', []], ['dismissed', []], ['nonsense', []],
  ];
  for (const [state, steps] of offered) assert.deepEqual(stepsFrom(state), steps, state);
});

// ---- input checks ---------------------------------------------------------------------------------

const REPORT = {
  kind: 'received', giverName: 'CV Maju', relationship: 'service_user', occasion: 'Ucapan terima kasih', itemKind: 'goods', description: 'Parsel',
  valueRp: '750.000', receivedOn: '2026-11-20', place: 'Kantor', chronology: 'Diantar ke meja layanan.', whereNow: 'deposited',
};

test('parseRupiah: dots, Rp prefix, spaces, signs, size', () => {
  const cases: [unknown, number | null][] = [
    ['0', 0], ['5', 5], ['999', 999], ['1.000', 1_000], ['Rp250.000', 250_000], ['rp 250.000', 250_000], ['Rp. 1.500.000', 1_500_000], ['RP.1.500.000', 1_500_000],
    [' 1 200 000 ', 1_200_000], ['1.000.000.000.000', 1_000_000_000_000], ['9007199254740991', 9_007_199_254_740_991],
    ['9007199254740993', null], ['5rp', null], ['Rp', null], ['1.0000', null], ['.000', null], ['1000.000', null], ['-5', null], ['+5', null], ['1,000', null],
    [5000, null], [null, null], [undefined, null],
  ];
  for (const [raw, n] of cases) assert.equal(parseRupiah(raw), n, String(raw));
});

test('parseReport: the values as given, trimmed, optional parts null', () => {
  assert.deepEqual(parseReport({ ...REPORT, giverName: '  CV Maju ' }, TODAY), {
    kind: 'received', giverName: 'CV Maju', giverInstitution: null, relationship: 'service_user', occasion: 'Ucapan terima kasih', itemKind: 'goods',
    description: 'Parsel', valueRp: 750_000, receivedOn: '2026-11-20', place: 'Kantor', chronology: 'Diantar ke meja layanan.', whereNow: 'deposited', claimedCategory: null,
  });
  const r = parseReport({ ...REPORT, giverInstitution: ' PT Sejahtera ', claimedCategory: ' l ', valueRp: '0' }, TODAY);
  assert.deepEqual([r.giverInstitution, r.claimedCategory, r.valueRp], ['PT Sejahtera', 'l', 0]);
});

test('parseReport: every field required, every error code', () => {
  assert.deepEqual(fieldsOf(() => parseReport({}, TODAY)), {
    kind: 'gratification.err.required', giverName: 'gratification.err.required', relationship: 'gratification.err.required', occasion: 'gratification.err.required',
    itemKind: 'gratification.err.required', description: 'gratification.err.required', valueRp: 'gratification.err.required', receivedOn: 'gratification.err.required',
    place: 'gratification.err.required', chronology: 'gratification.err.required', whereNow: 'gratification.err.required',
  });
  const cases: [Record<string, unknown>, Record<string, string>][] = [
    [{ kind: 'given' }, { kind: 'gratification.err.choice' }],
    [{ relationship: 'friend' }, { relationship: 'gratification.err.choice' }],
    [{ whereNow: 'sold' }, { whereNow: 'gratification.err.choice' }],
    [{ claimedCategory: 'r' }, { claimedCategory: 'gratification.err.choice' }],
    [{ claimedCategory: 'ab' }, { claimedCategory: 'gratification.err.choice' }],
    [{ valueRp: '5-3' }, { valueRp: 'gratification.err.number' }],
    [{ valueRp: '-0' }, { valueRp: 'gratification.err.negative' }],
    [{ valueRp: '1.000.000.000.001' }, { valueRp: 'gratification.err.too_large' }],
    [{ receivedOn: '1999-12-31' }, { receivedOn: 'gratification.err.date' }],
    [{ receivedOn: '20-11-2026' }, { receivedOn: 'gratification.err.date' }],
    [{ receivedOn: '2026-11-29' }, { receivedOn: 'gratification.err.future' }],
    [{ kind: 'refused', whereNow: 'deposited' }, { whereNow: 'gratification.err.refused_where' }],
    [{ kind: 'refused', whereNow: 'returned' }, {}],
    [{ kind: 'received', whereNow: 'returned' }, {}],
    [{ receivedOn: '2000-01-01' }, {}],
    [{ receivedOn: TODAY }, {}],
    [{ valueRp: '1.000.000.000.000' }, {}],
  ];
  for (const [change, errors] of cases) {
    const got = fieldsOf(() => parseReport({ ...REPORT, ...change }, TODAY));
    assert.deepEqual(got ?? {}, errors, JSON.stringify(change));
  }
  // every option of every choice is accepted
  const options: [string, readonly string[]][] = [['kind', KINDS], ['relationship', RELATIONSHIPS], ['itemKind', ITEM_KINDS], ['whereNow', WHERE_NOW], ['claimedCategory', CATEGORY_KEYS]];
  for (const [field, list] of options) for (const o of list) assert.equal(parseReport({ ...REPORT, kind: field === 'kind' ? o : 'received', whereNow: o === 'refused' ? 'returned' : REPORT.whereNow, [field]: o }, TODAY)[field as 'kind'], o, `${field} ${o}`);
  assert.deepEqual([...KINDS], ['received', 'refused']);
  assert.deepEqual([...RELATIONSHIPS], ['service_user', 'vendor', 'colleague', 'subordinate', 'superior', 'family', 'partner', 'other']);
  assert.deepEqual([...ITEM_KINDS], ['money', 'goods', 'voucher', 'travel', 'meal', 'facility', 'other']);
  assert.deepEqual([...WHERE_NOW], ['with_me', 'deposited', 'returned', 'social', 'consumed']);
});

test('parseReport: short fields take 200 characters, long ones 4 000; one more is gratification.err.too_long', () => {
  assert.deepEqual(LIMITS, { short: 200, long: 4000, maxValue: 1_000_000_000_000 });
  const limits: [string, number][] = [['giverName', 200], ['giverInstitution', 200], ['occasion', 200], ['place', 200], ['description', 4000], ['chronology', 4000]];
  for (const [field, max] of limits) {
    assert.equal((parseReport({ ...REPORT, [field]: ` ${'x'.repeat(max)} ` }, TODAY)[field as 'place'] as string).length, max, `${field} at ${max}`);
    assert.deepEqual(fieldsOf(() => parseReport({ ...REPORT, [field]: 'x'.repeat(max + 1) }, TODAY)), { [field]: 'gratification.err.too_long' }, `${field} at ${max + 1}`);
  }
});

test('the note forms: completion, request for completion, dismissal (required, up to 4 000)', () => {
  const forms: [string, (i: Record<string, unknown>) => Record<string, string>, string][] = [
    ['completionNote', parseCompletion as never, 'note'], ['note', parseRequestCompletion as never, 'note'], ['reason', parseDismiss as never, 'reason'],
  ];
  for (const [field, parse, out] of forms) {
    assert.deepEqual(parse({ [field]: ' Kuitansi menyusul \n' }), { [out]: 'Kuitansi menyusul' }, field);
    assert.deepEqual(parse({ [field]: 'x'.repeat(4000) })[out]!.length, 4000, field);
    assert.deepEqual(fieldsOf(() => parse({ [field]: 'x'.repeat(4001) })), { [field]: 'gratification.err.too_long' }, field);
    assert.deepEqual(fieldsOf(() => parse({ [field]: '  ' })), { [field]: 'gratification.err.required' }, field);
    assert.deepEqual(fieldsOf(() => parse({})), { [field]: 'gratification.err.required' }, field);
  }
});

test('parseAnalysis: yes/no answers, category, note', () => {
  assert.deepEqual(parseAnalysis({ relatedToPosition: 'yes', contraryToDuty: 'no', note: ' Catatan ' }), { relatedToPosition: true, contraryToDuty: false, category: null, note: 'Catatan' });
  assert.deepEqual(parseAnalysis({ relatedToPosition: 'no', contraryToDuty: ' yes ', category: ' o ', note: 'x' }), { relatedToPosition: false, contraryToDuty: true, category: 'o', note: 'x' });
  assert.deepEqual(fieldsOf(() => parseAnalysis({})), { relatedToPosition: 'gratification.err.required', contraryToDuty: 'gratification.err.required', note: 'gratification.err.required' });
  assert.deepEqual(fieldsOf(() => parseAnalysis({ relatedToPosition: 'ya', contraryToDuty: 'true', note: 'x' })), { relatedToPosition: 'gratification.err.required', contraryToDuty: 'gratification.err.required' });
  assert.deepEqual(fieldsOf(() => parseAnalysis({ relatedToPosition: 'no', contraryToDuty: 'no', category: 'r', note: 'x' })), { category: 'gratification.err.choice' });
  assert.deepEqual(fieldsOf(() => parseAnalysis({ relatedToPosition: 'no', contraryToDuty: 'no', note: 'x'.repeat(4001) })), { note: 'gratification.err.too_long' });
  assert.equal(parseAnalysis({ relatedToPosition: 'no', contraryToDuty: 'no', note: 'x'.repeat(4000) }).note.length, 4000);
});

test('parseForward, parseDecision, parseFollowUp: fields, choices, dates', () => {
  assert.deepEqual(parseForward({ forwardedOn: '2026-11-20', golNumber: ' GOL-1 ' }, TODAY), { forwardedOn: '2026-11-20', golNumber: 'GOL-1' });
  assert.deepEqual(fieldsOf(() => parseForward({}, TODAY)), { forwardedOn: 'gratification.err.required', golNumber: 'gratification.err.required' });
  assert.deepEqual(fieldsOf(() => parseForward({ forwardedOn: '2026-11-29', golNumber: 'x'.repeat(201) }, TODAY)), { forwardedOn: 'gratification.err.future', golNumber: 'gratification.err.too_long' });

  assert.deepEqual(parseDecision({ decision: 'state', decisionOn: '2026-11-01', skNumber: ' SK-7 ' }, TODAY), { decision: 'state', decisionOn: '2026-11-01', skNumber: 'SK-7', decisionNote: null });
  assert.deepEqual(parseDecision({ decision: 'other', decisionOn: '2026-11-01', skNumber: '1', decisionNote: ' Dibagi ' }, TODAY), { decision: 'other', decisionOn: '2026-11-01', skNumber: '1', decisionNote: 'Dibagi' });
  for (const d of DECISIONS) assert.equal(parseDecision({ decision: d, decisionOn: '2026-11-01', skNumber: '1', decisionNote: 'n' }, TODAY).decision, d);
  assert.deepEqual([...DECISIONS], ['recipient', 'state', 'other']);
  assert.deepEqual(fieldsOf(() => parseDecision({}, TODAY)), { decision: 'gratification.err.required', decisionOn: 'gratification.err.required', skNumber: 'gratification.err.required' });
  assert.deepEqual(fieldsOf(() => parseDecision({ decision: 'recipient ', decisionOn: '2026-11-01', skNumber: '1', decisionNote: 'x'.repeat(4001) }, TODAY)), { decisionNote: 'gratification.err.too_long' });
  assert.deepEqual(fieldsOf(() => parseDecision({ decision: 'kpk', decisionOn: '2026-11-01', skNumber: '1' }, TODAY)), { decision: 'gratification.err.choice' });
  assert.deepEqual(fieldsOf(() => parseDecision({ decision: 'other', decisionOn: '2026-11-01', skNumber: '1', decisionNote: ' ' }, TODAY)), { decisionNote: 'gratification.err.required' });

  assert.deepEqual(parseFollowUp({ followUpKind: 'handed_to_state', followUpOn: '2026-11-02', followUpNote: ' Diserahkan ' }, TODAY), { followUpKind: 'handed_to_state', followUpOn: '2026-11-02', followUpNote: 'Diserahkan' });
  for (const k of FOLLOW_UPS) assert.equal(parseFollowUp({ followUpKind: k, followUpOn: '2026-11-02', followUpNote: 'n' }, TODAY).followUpKind, k);
  assert.deepEqual([...FOLLOW_UPS], ['handed_to_state', 'returned_to_recipient', 'other']);
  assert.deepEqual(fieldsOf(() => parseFollowUp({}, TODAY)), { followUpKind: 'gratification.err.required', followUpOn: 'gratification.err.required', followUpNote: 'gratification.err.required' });
  assert.deepEqual(fieldsOf(() => parseFollowUp({ followUpKind: 'sold', followUpOn: '1999-01-01', followUpNote: 'x'.repeat(4001) }, TODAY)), { followUpKind: 'gratification.err.choice', followUpOn: 'gratification.err.date', followUpNote: 'gratification.err.too_long' });
});

test('parseCustody and parseRelease: the value is optional, the note too', () => {
  const custody = { receivedOn: '2026-11-20', description: ' Parsel ', storageLocation: 'Lemari UPG', depositorName: 'Budi' };
  assert.deepEqual(parseCustody(custody, TODAY), { receivedOn: '2026-11-20', description: 'Parsel', storageLocation: 'Lemari UPG', depositorName: 'Budi', valueRp: null });
  assert.equal(parseCustody({ ...custody, valueRp: 'Rp 1.000' }, TODAY).valueRp, 1_000);
  assert.deepEqual(fieldsOf(() => parseCustody({}, TODAY)), { receivedOn: 'gratification.err.required', description: 'gratification.err.required', storageLocation: 'gratification.err.required', depositorName: 'gratification.err.required' });
  assert.deepEqual(fieldsOf(() => parseCustody({ ...custody, valueRp: '-1', description: 'x'.repeat(4001), storageLocation: 'x'.repeat(201) }, TODAY)), { valueRp: 'gratification.err.negative', description: 'gratification.err.too_long', storageLocation: 'gratification.err.too_long' });

  assert.deepEqual(parseRelease({ releasedOn: '2026-11-27', releasedTo: ' KPK ' }, TODAY), { releasedOn: '2026-11-27', releasedTo: 'KPK', releaseNote: null });
  assert.equal(parseRelease({ releasedOn: '2026-11-27', releasedTo: 'KPK', releaseNote: 'x'.repeat(4000) }, TODAY).releaseNote!.length, 4000);
  assert.deepEqual(fieldsOf(() => parseRelease({}, TODAY)), { releasedOn: 'gratification.err.required', releasedTo: 'gratification.err.required' });
  assert.deepEqual(fieldsOf(() => parseRelease({ releasedOn: '2026-11-30', releasedTo: 'KPK', releaseNote: 'x'.repeat(4001) }, TODAY)), { releasedOn: 'gratification.err.future', releaseNote: 'gratification.err.too_long' });
});

test('parseCampaign: reach, address, choices', () => {
  const base = { kind: 'poster', title: ' Tolak gratifikasi ', heldOn: '2026-01-01', channel: 'Lobi' };
  assert.deepEqual(parseCampaign(base, TODAY), { kind: 'poster', title: 'Tolak gratifikasi', heldOn: '2026-01-01', channel: 'Lobi', reach: 0, url: null });
  for (const k of CAMPAIGN_KINDS) assert.equal(parseCampaign({ ...base, kind: k }, TODAY).kind, k);
  assert.deepEqual([...CAMPAIGN_KINDS], ['banner', 'poster', 'social_media', 'video', 'socialisation', 'circular']);
  const reach: [string, number | string][] = [
    ['', 0], ['0', 0], ['1.500', 1_500], ['999.999.999', 999_999_999], ['123456789', 123_456_789], ['1234567890', 'gratification.err.number'],
    ['12a', 'gratification.err.number'], ['5-3', 'gratification.err.number'], ['-3', 'gratification.err.negative'], ['lima', 'gratification.err.number'],
  ];
  for (const [raw, expected] of reach) {
    if (typeof expected === 'number') assert.equal(parseCampaign({ ...base, reach: raw }, TODAY).reach, expected, raw);
    else assert.deepEqual(fieldsOf(() => parseCampaign({ ...base, reach: raw }, TODAY)), { reach: expected }, raw);
  }
  const urls: [string, boolean][] = [
    ['https://instagram.com/p/1', true], ['http://a.b', true], ['HTTPS://X.ID/Y', true], ['https://ab', true], ['https://a', true],
    ['ftp://a.b', false], ['https://', false], ['https://a b', false], ['lihat https://a.b', false], ['https:/a.b', false], ['javascript:alert(1)', false],
  ];
  for (const [url, ok] of urls) {
    if (ok) assert.equal(parseCampaign({ ...base, url }, TODAY).url, url, url);
    else assert.deepEqual(fieldsOf(() => parseCampaign({ ...base, url }, TODAY)), { url: 'gratification.err.url' }, url);
  }
  const long = `https://a.id/${'x'.repeat(2000 - 13)}`;
  assert.equal(parseCampaign({ ...base, url: long }, TODAY).url, long);
  assert.deepEqual(fieldsOf(() => parseCampaign({ ...base, url: `${long}x` }, TODAY)), { url: 'gratification.err.too_long' });
  assert.deepEqual(fieldsOf(() => parseCampaign({}, TODAY)), { kind: 'gratification.err.required', title: 'gratification.err.required', heldOn: 'gratification.err.required', channel: 'gratification.err.required' });
  assert.deepEqual(fieldsOf(() => parseCampaign({ ...base, kind: 'tv', heldOn: '2026-12-01', channel: 'x'.repeat(201) }, TODAY)), { kind: 'gratification.err.choice', heldOn: 'gratification.err.future', channel: 'gratification.err.too_long' });
});

test('parseSettings: everything optional; a date needs its number or title', () => {
  assert.deepEqual(parseSettings({}, TODAY), { decreeNumber: null, decreeDate: null, proceduresTitle: null, proceduresNumber: null, proceduresDate: null, headPersonId: null });
  const full = { decreeNumber: ' 188/12/2026 ', decreeDate: '2026-02-01', proceduresTitle: 'SOP UPG', proceduresNumber: '7', proceduresDate: '2026-03-01', headPersonId: ' p-1 ' };
  assert.deepEqual(parseSettings(full, TODAY), { decreeNumber: '188/12/2026', decreeDate: '2026-02-01', proceduresTitle: 'SOP UPG', proceduresNumber: '7', proceduresDate: '2026-03-01', headPersonId: 'p-1' });
  assert.deepEqual(parseSettings({ decreeNumber: '1', proceduresTitle: 'SOP' }, TODAY), { decreeNumber: '1', decreeDate: null, proceduresTitle: 'SOP', proceduresNumber: null, proceduresDate: null, headPersonId: null });
  const cases: [Record<string, unknown>, Record<string, string>][] = [
    [{ decreeDate: '2026-02-01' }, { decreeNumber: 'gratification.err.required' }],
    [{ proceduresDate: '2026-02-01', proceduresNumber: '7' }, { proceduresTitle: 'gratification.err.required' }],
    [{ decreeNumber: '1', decreeDate: '2026-11-29' }, { decreeDate: 'gratification.err.future' }],
    [{ proceduresTitle: 'SOP', proceduresDate: '2026-02-30' }, { proceduresDate: 'gratification.err.date' }],
    [{ decreeNumber: 'x'.repeat(201), proceduresTitle: 'x'.repeat(201), proceduresNumber: 'x'.repeat(201) }, { decreeNumber: 'gratification.err.too_long', proceduresTitle: 'gratification.err.too_long', proceduresNumber: 'gratification.err.too_long' }],
  ];
  for (const [input, errors] of cases) assert.deepEqual(fieldsOf(() => parseSettings(input, TODAY)), errors, JSON.stringify(input).slice(0, 60));
  assert.equal(parseSettings({ decreeNumber: 'x'.repeat(200) }, TODAY).decreeNumber!.length, 200);
});

test('periodRange: every quarter and semester, the year bounds, the exact format', () => {
  const cases: [string, ReturnType<typeof periodRange>][] = [
    ['2026-Q1', { from: '2026-01-01', to: '2026-03-31', year: 2026, kind: 'quarter' }],
    ['2026-Q2', { from: '2026-04-01', to: '2026-06-30', year: 2026, kind: 'quarter' }],
    ['2026-Q3', { from: '2026-07-01', to: '2026-09-30', year: 2026, kind: 'quarter' }],
    ['2026-Q4', { from: '2026-10-01', to: '2026-12-31', year: 2026, kind: 'quarter' }],
    ['2026-S1', { from: '2026-01-01', to: '2026-06-30', year: 2026, kind: 'semester' }],
    ['2026-S2', { from: '2026-07-01', to: '2026-12-31', year: 2026, kind: 'semester' }],
    ['2000', { from: '2000-01-01', to: '2000-12-31', year: 2000, kind: 'year' }],
    ['2100-Q4', { from: '2100-10-01', to: '2100-12-31', year: 2100, kind: 'quarter' }],
  ];
  for (const [code, range] of cases) assert.deepEqual(periodRange(code), range, code);
  for (const bad of ['1999', '2101', '1999-Q1', '2101-S1', '2026-Q0', '2026-S0', '2026-q1', 'x2026', '2026-Q1x', '2026x', '02026', '2026-', '2026Q1', ' 2026']) assert.equal(periodRange(bad), null, bad);
  assert.equal(periodRange(null as unknown as string), null);
});

test('campaignAnswer at its limits: 4 campaigns over 2 quarters', () => {
  const cases: [string[], string][] = [
    [['2026-01-05', '2026-02-05', '2026-03-05', '2026-04-05'], 'a'], // 4 campaigns, quarters 1 and 2
    [['2026-03-31', '2026-03-30', '2026-03-29', '2026-04-01'], 'a'],
    [['2026-10-01', '2026-11-01', '2026-12-01', '2026-12-31'], 'b'], // 4 campaigns, one quarter
    [['2026-01-05', '2026-04-05', '2026-07-05', '2026-10-05'], 'a'],
    [['2026-06-30', '2026-07-01', '2026-12-31'], 'b'], // 3 campaigns
  ];
  for (const [days, a] of cases) assert.equal(campaignAnswer(days), a, days.join());
  const rules = { ...GRATIFICATION_RULES, campaign: { ...GRATIFICATION_RULES.campaign, periodicAtLeastPerYear: 1, periodicQuarters: 1 } };
  assert.equal(campaignAnswer(['2026-05-05'], rules), 'a');
  assert.equal(campaignAnswer([], rules), 'c');
});
