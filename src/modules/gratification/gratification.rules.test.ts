import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DomainError } from '../../kernel/errors.ts';
import {
  GRATIFICATION_RULES, allowed, campaignAnswer, deadlinesOf, exemption, latenessOf, parseAnalysis, parseCampaign, parseDecision, parseReport, parseRupiah,
  periodRange, stateAfter, stepDeadline, stepsFrom, upgAnswer, valueBand, versionFor, type Step,
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
