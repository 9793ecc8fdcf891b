import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  currentRuleSet,
  findRuleSet,
  getRuleSet,
  itemByCode,
  itemsOf,
  listRuleSets,
  ruleSetForYear,
  validateRuleSet,
} from './lke.ruleset.ts';
import type { RuleSet } from './lke.types.ts';

const rs = getRuleSet('permenpanrb-90-2021');
const EPS = 1e-9;
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const near = (a: number, b: number, msg?: string) => assert.ok(Math.abs(a - b) < EPS, msg ?? `${a} ≠ ${b}`);
const node = (code: string) => {
  const n = rs.nodes.find((x) => x.code === code);
  assert.ok(n, `node ${code}`);
  return n;
};
const item = (code: string) => {
  const i = itemByCode(rs, code);
  assert.ok(i, `item ${code}`);
  return i;
};
const copy = (): RuleSet => structuredClone(rs) as RuleSet;

describe('PermenPANRB 90/2021: identity', () => {
  test('metadata', () => {
    assert.equal(rs.id, 'permenpanrb-90-2021');
    assert.equal(rs.regulation, 'PermenPANRB 90/2021 sebagaimana diubah PermenPANRB 5/2024');
    assert.equal(rs.status, 'current');
    assert.equal(rs.fromYear, 2022);
    assert.equal(rs.toYear, null);
    assert.equal(rs.supersedes, 'permenpanrb-52-2014');
    assert.equal(rs.partial, false);
    assert.equal(rs.indexMax, 4);
    assert.deepEqual(rs.defaults, { optionValues: 'official', areaMinimum: 'combined', complaintFormula: 'completed', zeroDenominator: 'perItem' });
  });

  test('option values: official two decimals and exact thirds', () => {
    assert.deepEqual(rs.optionValues.official, {
      yn: { Ya: 1, Tidak: 0 },
      abc: { A: 1, B: 0.5, C: 0 },
      abcd: { A: 1, B: 0.67, C: 0.33, D: 0 },
      abcde: { A: 1, B: 0.75, C: 0.5, D: 0.25, E: 0 },
    });
    assert.deepEqual(rs.optionValues.exact, { ...rs.optionValues.official, abcd: { A: 1, B: 2 / 3, C: 1 / 3, D: 0 } });
  });

  test('every option is documented with its default and a source', () => {
    for (const [key, docs] of Object.entries(rs.optionDocs) as [string, { values: string[]; default: string; why: { id: string; en: string }; source?: unknown }][]) {
      assert.equal(docs.default, rs.defaults[key as keyof RuleSet['defaults']], key);
      assert.ok(docs.values.includes(docs.default), key);
      assert.ok(docs.why.id && docs.why.en && docs.source, key);
    }
  });
});

describe('PermenPANRB 90/2021: items', () => {
  test('113 items: 87 pemenuhan, 23 reform, 3 hasil, seq 1..113 in order', () => {
    assert.equal(rs.items.length, 113);
    assert.equal(rs.items.filter((i) => i.code.startsWith('A.I.')).length, 87);
    assert.equal(rs.items.filter((i) => i.code.startsWith('A.II.')).length, 23);
    assert.deepEqual(rs.items.filter((i) => i.code.startsWith('B.')).map((i) => i.code), ['B.I.a', 'B.I.b', 'B.II.a']);
    assert.deepEqual(itemsOf(rs).map((i) => i.seq), Array.from({ length: 113 }, (_, i) => i + 1));
  });

  test('codes and sequence numbers of Appendix A', () => {
    const cases: [string, number][] = [
      ['A.I.1.i.a', 1], ['A.I.1.iv.d', 12], ['A.I.3.v.a', 38], ['A.I.6.v.c', 87], ['A.II.1.i.a', 88], ['A.II.1.ii.a', 90],
      ['A.II.4.iii.a', 103], ['A.II.5.iii.a', 106], ['A.II.5.iii.b', 107], ['A.II.6.ii.a', 110], ['B.I.a', 111], ['B.I.b', 112], ['B.II.a', 113],
    ];
    for (const [code, seq] of cases) assert.equal(item(code).seq, seq, code);
  });

  const counts: [string, number, number][] = [
    ['A.I.1.i', 0.5, 2], ['A.I.1.ii', 1, 3], ['A.I.1.iii', 1, 3], ['A.I.1.iv', 1.5, 4],
    ['A.I.2.i', 1, 3], ['A.I.2.ii', 2, 4], ['A.I.2.iii', 0.5, 2],
    ['A.I.3.i', 0.25, 3], ['A.I.3.ii', 0.5, 3], ['A.I.3.iii', 1.25, 6], ['A.I.3.iv', 2, 4], ['A.I.3.v', 0.75, 1], ['A.I.3.vi', 0.25, 1],
    ['A.I.4.i', 2.5, 3], ['A.I.4.ii', 2.5, 8],
    ['A.I.5.i', 1.5, 2], ['A.I.5.ii', 1.5, 4], ['A.I.5.iii', 1.5, 4], ['A.I.5.iv', 1.5, 3], ['A.I.5.v', 1.5, 5],
    ['A.I.6.i', 1, 4], ['A.I.6.ii', 1, 6], ['A.I.6.iii', 1, 3], ['A.I.6.iv', 1, 3], ['A.I.6.v', 1, 3],
    ['A.II.1.i', 2, 2], ['A.II.1.ii', 1, 1], ['A.II.1.iii', 1, 1],
    ['A.II.2.i', 0.5, 1], ['A.II.2.ii', 1, 2], ['A.II.2.iii', 2, 3],
    ['A.II.3.i', 1.5, 1], ['A.II.3.ii', 1.5, 1], ['A.II.3.iii', 2, 1],
    ['A.II.4.i', 2, 1], ['A.II.4.ii', 1.5, 1], ['A.II.4.iii', 1.5, 1],
    ['A.II.5.i', 2.5, 1], ['A.II.5.ii', 3, 1], ['A.II.5.iii', 2, 2],
    ['A.II.6.i', 2.5, 2], ['A.II.6.ii', 2.5, 1],
  ];
  test('§3.2 lists 42 sub-indicators, and the rule set has exactly those', () => {
    assert.equal(counts.length, 42);
    assert.deepEqual(rs.nodes.filter((n) => n.kind === 'sub').map((n) => n.code), counts.map((c) => c[0]));
  });
  for (const [sub, weight, n] of counts) {
    test(`${sub}: weight ${weight}, ${n} item${n > 1 ? 's' : ''}, lettered a…`, () => {
      assert.equal(node(sub).weight, weight);
      const its = rs.items.filter((i) => i.sub === sub);
      assert.deepEqual(its.map((i) => i.code), Array.from({ length: n }, (_, k) => `${sub}.${String.fromCharCode(97 + k)}`));
      near(sum(its.map((i) => i.weight)), weight);
      for (const i of its) assert.equal(i.area, node(sub).area);
    });
  }

  test('items share their sub weight equally, except LHKPN 1.00 + LHKASN 1.00 and the hasil items', () => {
    assert.equal(item('A.I.1.i.a').weight, 0.5 / 2);
    assert.equal(item('A.I.3.iii.c').weight, 1.25 / 6);
    assert.equal(item('A.I.4.ii.h').weight, 2.5 / 8);
    assert.equal(item('A.II.6.i.b').weight, 2.5 / 2);
    assert.equal(item('A.II.5.iii.a').weight, 1);
    assert.equal(item('A.II.5.iii.b').weight, 1);
    assert.deepEqual(['B.I.a', 'B.I.b', 'B.II.a'].map((c) => [item(c).weight, item(c).type, item(c).area, item(c).sub]), [
      [17.5, 'index', null, 'B.I'], [5, 'abcde', null, 'B.I'], [17.5, 'index', null, 'B.II'],
    ]);
  });

  const letters: Record<string, string[]> = { yn: ['Ya', 'Tidak'], abc: ['A', 'B', 'C'], abcd: ['A', 'B', 'C', 'D'], abcde: ['A', 'B', 'C', 'D', 'E'], percent: [], index: [] };
  test('every item has a question, options matching its type, and evidence', () => {
    for (const i of rs.items) {
      assert.ok(i.question.id.length > 5 && i.question.en.length > 5, `${i.code} question`);
      assert.deepEqual(i.options.map((o) => o.letter), letters[i.type], `${i.code} options`);
      for (const o of i.options) {
        assert.ok(o.text.trim().length > 0, `${i.code} ${o.letter} text`);
        assert.doesNotMatch(o.text, /^[a-e]\.\s/, `${i.code} ${o.letter}: marker left in the text`);
      }
      assert.ok(i.evidence.length >= 1, `${i.code} evidence`);
      for (const e of i.evidence) assert.ok(e.id && e.en, `${i.code} evidence text`);
    }
  });

  test('answer types: 17 Ya/Tidak, 36 A–C, 33 A–D, 17 A–E, 8 percent, 2 index', () => {
    const by: Record<string, number> = {};
    for (const i of rs.items) by[i.type] = (by[i.type] ?? 0) + 1;
    assert.deepEqual(by, { yn: 17, abc: 36, abcd: 33, abcde: 17, percent: 8, index: 2 });
  });

  test('Ya/Tidak items: the criterion is the Ya option, Tidak is plain', () => {
    const i = item('A.I.1.i.a');
    assert.deepEqual(i.options, [
      { letter: 'Ya', text: 'Ya, jika Tim telah dibentuk di dalam unit kerja.', en: 'team formed' },
      { letter: 'Tidak', text: 'Tidak', en: 'No' },
    ]);
  });

  test('criteria are verbatim, without the "a. " marker, with English where Appendix A splits it', () => {
    const i = item('A.I.1.i.b');
    assert.deepEqual(i.options.map((o) => o.text), [
      'Jika dengan prosedur/mekanisme yang jelas dan mewakili seluruh unsur dalam unit kerja',
      'Jika sebagian menggunakan prosedur yang mewakili sebagian besar unsur dalam unit kerja',
      'Jika tidak di seleksi.',
    ]);
    assert.equal(i.options[2]!.en, 'not selected');
    assert.equal(item('A.I.1.i.a').question.id, 'Unit kerja telah membentuk tim untuk melakukan pembangunan Zona Integritas');
  });

  test('A.I.6.v is renumbered a, b, c: b = database (Ya/Tidak), c = continuous improvement (A–C)', () => {
    assert.equal(item('A.I.6.v.b').type, 'yn');
    assert.match(item('A.I.6.v.b').question.id, /database pelayanan/);
    assert.equal(item('A.I.6.v.c').type, 'abc');
    assert.match(item('A.I.6.v.c').question.id, /perbaikan secara terus menerus/);
    assert.ok(node('A.I.6.v').defect && item('A.I.6.v.b').defect && item('A.I.6.v.c').defect);
  });

  test('A.II.4.iii.a has all four criteria a–d (the raw parse merged a and b)', () => {
    const i = item('A.II.4.iii.a');
    assert.equal(i.type, 'abcd');
    assert.match(i.options[0]!.text, /^terdapat Kerangka Logis kinerja .* digunakan dalam penjabaran kinerja seluruh pegawai$/);
    assert.match(i.options[1]!.text, /namun belum digunakan/);
    assert.equal(i.options[3]!.text, 'Kerangka Logis kinerja belum ada');
  });

  test('B.I.b is A–E with option e from Lampiran I, flagged as a defect', () => {
    const i = item('B.I.b');
    assert.equal(i.options.length, 5);
    assert.equal(i.options[4]!.text, 'Kinerja utama tidak berorientasi hasil');
    assert.ok(i.defect);
    assert.ok(i.evidence.length >= 1);
  });

  test('defects of §3.10 are flagged', () => {
    for (const c of ['A.I.4.ii.g', 'A.I.3.iii.c', 'B.I.b', 'A.II.5.ii.a']) assert.ok(item(c).defect?.id && item(c).defect?.en, c);
    for (const c of ['A.I.6.v', 'A.II.6.ii', 'A.II.2.i']) assert.ok(node(c).defect?.id && node(c).defect?.en, c);
    assert.equal(node('A.II.6.ii').title.id, 'Penanganan Pengaduan Pelayanan dan Konsultasi');
    assert.equal(node('A.II.2.i').title.id, 'Peta Proses Bisnis Mempengaruhi Penyederhanaan Jabatan');
  });
});

describe('PermenPANRB 90/2021: percent items (§3.4)', () => {
  const cases: [string, string[], unknown, 'full' | 'zero'][] = [
    ['A.II.1.i.a', ['agents', 'changes'], { kind: 'ratio', numerator: 'changes', denominator: 'agents' }, 'zero'],
    ['A.II.1.i.b', ['changes', 'integrated'], { kind: 'ratio', numerator: 'integrated', denominator: 'changes' }, 'zero'],
    ['A.II.3.iii.a', ['previousYear', 'thisYear', 'sanctioned'], { kind: 'decrease', previous: 'previousYear', current: 'thisYear' }, 'full'],
    ['A.II.4.i.a', ['targets', 'achieved'], { kind: 'ratio', numerator: 'achieved', denominator: 'targets' }, 'zero'],
    ['A.II.5.ii.a', ['toFollowUp', 'inProcess', 'completed'], { kind: 'complaints', toFollowUp: 'toFollowUp', inProcess: 'inProcess', completed: 'completed' }, 'full'],
    ['A.II.5.iii.a', ['required', 'head', 'officials', 'others', 'reported'], { kind: 'ratio', numerator: 'reported', denominator: 'required' }, 'full'],
    ['A.II.5.iii.b', ['required', 'administrators', 'supervisors', 'functionalAndStaff', 'reported'], { kind: 'ratio', numerator: 'reported', denominator: 'required' }, 'full'],
    ['A.II.6.i.b', ['registered', 'simplified'], { kind: 'ratio', numerator: 'simplified', denominator: 'registered' }, 'zero'],
  ];
  test('exactly these 8 items are percent items', () => {
    assert.deepEqual(rs.items.filter((i) => i.type === 'percent').map((i) => i.code), cases.map((c) => c[0]));
  });
  for (const [code, keys, formula, whenZero] of cases) {
    test(`${code}: inputs ${keys.join(', ')}`, () => {
      const i = item(code);
      assert.equal(i.type, 'percent');
      assert.deepEqual(i.options, []);
      assert.deepEqual(i.inputs!.map((x) => x.key), keys);
      for (const x of i.inputs!) assert.ok(x.label.id && x.label.en, `${code}.${x.key} label`);
      assert.deepEqual(i.formula, formula);
      assert.equal(i.whenZero, whenZero);
    });
  }
  test('Indonesian input labels are verbatim', () => {
    assert.equal(item('A.II.1.i.a').inputs![0]!.label.id, 'Jumlah Agen Perubahan');
    assert.equal(item('A.II.1.i.a').inputs![1]!.label.id, 'Jumlah Perubahan yang dibuat');
    assert.equal(item('A.II.4.i.a').inputs![0]!.label.id, 'Jumlah Sasaran Kinerja');
  });
  test('LHKPN/LHKASN "required" is the sum of its parts', () => {
    assert.deepEqual(item('A.II.5.iii.a').inputs![0]!.sumOf, ['head', 'officials', 'others']);
    assert.deepEqual(item('A.II.5.iii.b').inputs![0]!.sumOf, ['administrators', 'supervisors', 'functionalAndStaff']);
  });
});

describe('PermenPANRB 90/2021: tree and weights', () => {
  test('A 60 = A.I 30 + A.II 30; B 40 = B.I 22.5 + B.II 17.5; total 100', () => {
    assert.deepEqual(rs.nodes.filter((n) => n.parent === null).map((n) => [n.code, n.weight]), [['A', 60], ['B', 40]]);
    assert.deepEqual(['A.I', 'A.II', 'B.I', 'B.II'].map((c) => [node(c).kind, node(c).weight]), [['aspect', 30], ['aspect', 30], ['aspect', 22.5], ['aspect', 17.5]]);
  });

  const halves = [4, 3.5, 5, 5, 7.5, 5];
  test('areas: half weights 4/3.5/5/5/7.5/5 in both aspects, combined 8/7/10/10/15/10', () => {
    for (const aspect of ['A.I', 'A.II']) {
      for (let a = 1; a <= 6; a++) {
        const n = node(`${aspect}.${a}`);
        assert.deepEqual([n.kind, n.area, n.weight, n.parent], ['area', a, halves[a - 1], aspect]);
      }
    }
    assert.deepEqual(rs.areas.map((a) => [a.area, a.weight]), [[1, 8], [2, 7], [3, 10], [4, 10], [5, 15], [6, 10]]);
    assert.equal(node('A.I.1').title.id, 'Manajemen Perubahan');
  });

  test('every level sums to its parent', () => {
    for (const n of rs.nodes) {
      const kids = rs.nodes.filter((k) => k.parent === n.code);
      const its = rs.items.filter((i) => i.sub === n.code);
      const got = kids.length ? sum(kids.map((k) => k.weight)) : sum(its.map((i) => i.weight));
      near(got, n.weight, `${n.code}: ${got} ≠ ${n.weight}`);
    }
    near(sum(rs.items.map((i) => i.weight)), 100);
  });

  test('25 pemenuhan and 17 reform sub-indicators, each titled in both languages', () => {
    const subs = rs.nodes.filter((n) => n.kind === 'sub');
    assert.equal(subs.filter((n) => n.code.startsWith('A.I.')).length, 25);
    assert.equal(subs.filter((n) => n.code.startsWith('A.II.')).length, 17);
    for (const n of rs.nodes) {
      assert.ok(n.title.id && n.title.en, n.code);
      assert.notEqual(n.title.id, n.title.id.toUpperCase(), `${n.code} title in capitals`);
    }
  });
});

describe('PermenPANRB 90/2021: thresholds and prerequisites', () => {
  const WBK: [string, string, number, string?][] = [
    ['total', 'total', 75], ['pengungkit', 'node', 40, 'A'], ['area', 'areaPercent', 60], ['B.I', 'node', 18.25, 'B.I'],
    ['B.I.a', 'node', 15.75, 'B.I.a'], ['B.I.b', 'node', 2.5, 'B.I.b'], ['B.II', 'node', 14, 'B.II'],
  ];
  const WBBM: [string, string, number, string?][] = [
    ['total', 'total', 85], ['pengungkit', 'node', 48, 'A'], ['area', 'areaPercent', 75], ['B.I', 'node', 19.5, 'B.I'],
    ['B.I.a', 'node', 15.75, 'B.I.a'], ['B.I.b', 'node', 3.75, 'B.I.b'], ['B.II', 'node', 15.75, 'B.II'],
  ];
  for (const [pred, want] of [['WBK', WBK], ['WBBM', WBBM]] as const) {
    test(`${pred} thresholds of §3.8`, () => {
      const got = rs.thresholds[pred].map((c) => [c.id, c.kind, c.kind === 'areaPercent' ? c.minPercent : c.min, ...(c.kind === 'node' ? [c.node] : [])]);
      assert.deepEqual(got, want);
      for (const c of rs.thresholds[pred]) {
        assert.ok(c.label.id && c.label.en, c.id);
        assert.equal(c.source.tag, 'V', c.id);
      }
    });
  }

  test('prerequisites of 5/2024 Tabel 5 and Tabel 6', () => {
    const by = new Map(rs.prerequisites.map((p) => [p.id, p]));
    assert.deepEqual([...by.keys()], ['bpkOpinion', 'sakipInstansi', 'indeksRb', 'spipLevel', 'coreService', 'publicImpact', 'tlhp', 'lhkpnLhkasn', 'buildingYears', 'sakipUnit', 'priorWbk']);
    const min = (id: string) => (by.get(id) as { min: unknown }).min;
    assert.deepEqual(min('bpkOpinion'), { WBK: 'WTP', WBBM: 'WTP' });
    assert.deepEqual(min('sakipInstansi'), { WBK: 'B', WBBM: 'BB' });
    assert.deepEqual(min('indeksRb'), { WBK: 'CC', WBBM: 'B' });
    assert.deepEqual(min('spipLevel'), { WBK: 3, WBBM: 3 });
    assert.deepEqual(min('tlhp'), { WBK: 100, WBBM: 100 });
    assert.deepEqual(min('lhkpnLhkasn'), { WBK: 100, WBBM: 100 });
    assert.deepEqual(min('buildingYears'), { WBK: 1, WBBM: 1 });
    assert.deepEqual(min('sakipUnit'), { WBK: 'B', WBBM: 'BB' });
    assert.deepEqual(by.get('priorWbk')!.predicates, ['WBBM']);
    assert.equal(by.get('coreService')!.kind, 'boolean');
    for (const p of rs.prerequisites) if (p.id !== 'priorWbk') assert.deepEqual(p.predicates, ['WBK', 'WBBM'], p.id);
  });

  test('notes carry the Stranas PK relaxation and the KKN annulment', () => {
    assert.ok(rs.notes.some((n) => /Stranas PK/.test(n.id)));
    assert.ok(rs.notes.some((n) => /KKN/.test(n.id) && /digugurkan/.test(n.id)));
  });
});

describe('validateRuleSet refuses inconsistent data, naming the problem', () => {
  test('the shipped data passes', () => {
    assert.equal(validateRuleSet(copy()).id, rs.id);
  });

  const cases: [string, (x: RuleSet) => void, RegExp][] = [
    ['a broken item weight', (x) => { x.items.find((i) => i.code === 'A.I.1.i.a')!.weight = 0.3; }, /sub A\.I\.1\.i: item weights sum to 0\.55, expected 0\.5/],
    ['a broken sub weight', (x) => { x.nodes.find((n) => n.code === 'A.II.3.i')!.weight = 1; }, /area A\.II\.3: .* weigh 4\.5, expected 5/],
    ['components not adding up to 100', (x) => { x.nodes.find((n) => n.code === 'B')!.weight = 45; }, /components A \+ B weigh 105, expected 100/],
    ['a duplicate item code', (x) => { x.items[1]!.code = x.items[0]!.code; }, /duplicate item code A\.I\.1\.i\.a/],
    ['a duplicate node code', (x) => { x.nodes.push({ ...x.nodes[3]! }); }, /duplicate node code A\.I\.1\.i/],
    ['an unknown threshold node', (x) => { (x.thresholds.WBK[1] as { node: string }).node = 'A.X'; }, /thresholds\.WBK\.pengungkit: unknown node A\.X/],
    ['an item under a missing sub', (x) => { x.items[0]!.sub = 'A.I.1.ix'; }, /item A\.I\.1\.i\.a: sub A\.I\.1\.ix does not exist/],
    ['a gap in seq', (x) => { x.items[112]!.seq = 115; }, /seq is not 1\.\.113 contiguous/],
    ['options not matching the type', (x) => { x.items[1]!.options.pop(); }, /item A\.I\.1\.i\.b: options A,B do not match type abc/],
    ['a formula on an unknown input', (x) => { x.items.find((i) => i.code === 'A.II.4.i.a')!.formula = { kind: 'ratio', numerator: 'done', denominator: 'targets' }; }, /item A\.II\.4\.i\.a: formula uses unknown input "done"/],
    ['a percent item without inputs', (x) => { delete x.items.find((i) => i.code === 'A.II.6.i.b')!.inputs; }, /item A\.II\.6\.i\.b: a percent item needs inputs/],
    ['a missing evidence list entry', (x) => { x.items.find((i) => i.code === 'B.I.b')!.evidence = []; }, /item B\.I\.b: no evidence/],
    ['a grade minimum off its scale', (x) => { (x.prerequisites[1] as { min: Record<string, string> }).min.WBK = 'Z'; }, /prerequisite sakipInstansi: minimum "Z" is not on its scale/],
    ['a default the docs do not list', (x) => { x.defaults.areaMinimum = 'perHalf'; }, /optionDocs\.areaMinimum\.default "combined" ≠ defaults\.areaMinimum "perHalf"/],
    ['an unknown answer type (schema)', (x) => { (x.items[0] as { type: string }).type = 'xyz'; }, /items\.0\.type/],
    ['an unknown field (schema)', (x) => { (x as unknown as Record<string, unknown>).extra = 1; }, /extra/],
  ];
  for (const [name, breakIt, message] of cases) {
    test(`rejects ${name}`, () => {
      const x = copy();
      breakIt(x);
      assert.throws(() => validateRuleSet(x), (e: Error & { code?: string }) => {
        assert.equal(e.code, 'lke.ruleset.invalid');
        assert.match(e.message, /rule set "permenpanrb-90-2021"/);
        assert.match(e.message, message);
        return true;
      });
    });
  }

  test('a yearly variant is just data: a renamed copy validates', () => {
    const x = copy();
    x.id = 'permenpanrb-90-2021-2026';
    x.fromYear = 2026;
    x.supersedes = 'permenpanrb-90-2021';
    assert.equal(validateRuleSet(x).fromYear, 2026);
  });
});

describe('loader API', () => {
  test('listRuleSets: current first', () => {
    const list = listRuleSets();
    assert.ok(list.length >= 2);
    assert.equal(list[0]!.status, 'current');
    const firstRevoked = list.findIndex((r) => r.status === 'revoked');
    assert.ok(list.slice(firstRevoked).every((r) => r.status === 'revoked'));
  });

  test('currentRuleSet, findRuleSet, getRuleSet, ruleSetForYear', () => {
    assert.equal(currentRuleSet().id, 'permenpanrb-90-2021');
    assert.equal(currentRuleSet(2024).id, 'permenpanrb-90-2021');
    assert.throws(() => currentRuleSet(2019), /lke\.ruleset\.unknown/);
    assert.equal(findRuleSet('nope'), undefined);
    assert.throws(() => getRuleSet('nope'), (e: Error & { code?: string }) => e.code === 'lke.ruleset.unknown' && /"nope"/.test(e.message));
    assert.equal(ruleSetForYear(2019)?.id, 'permenpanrb-52-2014');
    assert.equal(ruleSetForYear(2025)?.id, 'permenpanrb-90-2021');
    assert.equal(ruleSetForYear(2010), undefined);
  });

  test('itemsOf and itemByCode', () => {
    assert.equal(itemsOf(rs)[0]!.code, 'A.I.1.i.a');
    assert.equal(itemByCode(rs, 'B.II.a')!.seq, 113);
    assert.equal(itemByCode(rs, 'A.I.1.i.z'), undefined);
  });

  test('loaded rule sets are read-only', () => {
    assert.throws(() => { (rs.items[0] as { weight: number }).weight = 9; }, TypeError);
  });
});

describe('PermenPANRB 52/2014 (legacy)', () => {
  const old = getRuleSet('permenpanrb-52-2014');
  test('revoked, partial, 2014–2021', () => {
    assert.deepEqual([old.status, old.partial, old.fromYear, old.toYear, old.supersedes], ['revoked', true, 2014, 2021, null]);
  });
  test('weights: A 60 with areas 5/5/15/10/15/10, B 40 = B.I 20 + B.II 20', () => {
    const w = (c: string) => old.nodes.find((n) => n.code === c)!.weight;
    assert.deepEqual(['A.1', 'A.2', 'A.3', 'A.4', 'A.5', 'A.6'].map(w), [5, 5, 15, 10, 15, 10]);
    assert.deepEqual([w('A'), w('B'), w('B.I'), w('B.II')], [60, 40, 20, 20]);
    assert.equal(old.nodes.find((n) => n.code === 'B.I')!.title.id, 'Pemerintahan yang bersih dan bebas KKN');
  });
  test('hasil items: IPAK 15 [U], TLHP percent 5 [U], IPKP 20', () => {
    assert.deepEqual(old.items.map((i) => [i.code, i.type, i.weight]), [['B.I.a', 'index', 15], ['B.I.b', 'percent', 5], ['B.II.a', 'index', 20]]);
    assert.equal(old.items[0]!.source?.tag, 'U');
    assert.equal(old.items[1]!.source?.tag, 'U');
    assert.deepEqual(old.items[1]!.formula, { kind: 'ratio', numerator: 'completed', denominator: 'findings' });
  });
  test('thresholds of 52/2014', () => {
    const t = (p: 'WBK' | 'WBBM') => old.thresholds[p].map((c) => [c.id, c.kind === 'areaPercent' ? c.minPercent : c.min]);
    assert.deepEqual(t('WBK'), [['total', 75], ['B.I', 18], ['B.I.a', 13.5], ['B.I.b', 3.5]]);
    assert.deepEqual(t('WBBM'), [['total', 85], ['B.I', 18], ['B.I.a', 13.5], ['B.I.b', 3.5], ['B.II', 16]]);
  });
  test('prerequisites: WTP, WTP two years for WBBM, AKIP CC, prior WBK for WBBM', () => {
    const by = new Map(old.prerequisites.map((p) => [p.id, p]));
    assert.deepEqual((by.get('bpkOpinion') as { min: unknown }).min, { WBK: 'WTP', WBBM: 'WTP' });
    assert.deepEqual(by.get('bpkOpinionTwoYears')!.predicates, ['WBBM']);
    assert.deepEqual((by.get('sakipInstansi') as { min: unknown }).min, { WBK: 'CC', WBBM: 'CC' });
    assert.deepEqual(by.get('priorWbk')!.predicates, ['WBBM']);
  });
});
