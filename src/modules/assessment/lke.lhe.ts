// The TPI's internal evaluation report (Laporan Hasil Evaluasi internal) as a PDF through Typst.
// Everything the template shows is prepared here as plain strings (numbers already in the
// locale's format) and handed over as one JSON input, so Typst neither formats nor escapes.
import { renderPdf, type Letterhead } from '../../kernel/documents.ts';
import { formatDate, formatNumber, type Locale } from '../../kernel/i18n.ts';
import { describeAnswer, indexOf } from './lke.rules.ts';
import { describeOptions, splitRoots } from './lke.xlsx.ts';
import type { CriterionResult, Predicate, PredicateVerdict, PrerequisiteResult, RuleNode, RuleSet, RuleSetOptions, ScoreResult } from './lke.types.ts';

export interface LheInput {
  locale: 'id' | 'en';
  regency: string;
  /** "Inspektorat Kabupaten Bangka" */
  inspectorate: string;
  unit: { code: string; name: string; head?: string };
  year: number;
  ruleset: RuleSet;
  options: RuleSetOptions;
  state: string;
  stateLabel: string;
  evaluatedAt: Date | null;
  evaluators: string[];
  conclusion: 'memenuhi' | 'belum_memenuhi' | null;
  conclusionNote: string | null;
  scores: { unit: ScoreResult; tpi: ScoreResult };
  /** the TPI's review: items of the rule set, items carrying a TPI decision, items whose TPI answer differs from the unit's */
  review: { items: number; reviewed: number; changed: number };
  /** on the TPI layer */
  verdict: Record<'WBK' | 'WBBM', PredicateVerdict>;
  differences: { item: string; question: string; unitAnswer: string; tpiAnswer: string; delta: number; note: string | null }[];
  /** return notes / history lines */
  notes: string[];
}

const L = {
  id: {
    title: 'Laporan Hasil Evaluasi Internal Pembangunan Zona Integritas',
    shortTitle: 'LHE Internal', government: 'Pemerintah', page: 'Halaman', of: 'dari',
    unit: 'Unit kerja', unitCode: 'Kode unit', head: 'Kepala unit kerja', year: 'Tahun penilaian', state: 'Status lembar kerja',
    evaluatedAt: 'Tanggal evaluasi', team: 'Tim Penilai Internal', notEvaluated: 'belum dievaluasi',
    reviewFact: 'Butir ditelaah TPI',
    reviewShort: (reviewed: string, items: string, changed: string) => `${reviewed} dari ${items} butir; ${changed} diubah TPI`,
    reviewText: (reviewed: string, items: string, accepted: string, changed: string) =>
      `TPI menelaah ${reviewed} dari ${items} butir lembar kerja: ${accepted} butir diterima sesuai penilaian mandiri unit kerja dan ${changed} butir diubah dengan nilai TPI.`,
    s1: 'I. Dasar dan Ruang Lingkup', s2: 'II. Hasil Penilaian', s3: 'III. Pemenuhan Kriteria Predikat', s4: 'IV. Catatan Hasil Evaluasi', s5: 'V. Kesimpulan',
    basisIntro: 'Evaluasi internal ini dilaksanakan berdasarkan:',
    basisRuleset: 'Lembar Kerja Evaluasi (LKE) yang digunakan',
    basisOptions: 'Ketentuan penilaian yang diterapkan',
    scope: (unit: string, year: number, insp: string) =>
      `Ruang lingkup evaluasi adalah pembangunan Zona Integritas pada ${unit} untuk tahun penilaian ${year}, meliputi komponen pengungkit (enam area perubahan: pemenuhan dan reform) dan komponen hasil, dengan membandingkan penilaian mandiri unit kerja dengan hasil penilaian Tim Penilai Internal (TPI) ${insp}.`,
    areaTable: 'Tabel 1. Nilai komponen pengungkit per area', hasilTable: 'Tabel 2. Nilai komponen hasil', recapTable: 'Tabel 3. Rekapitulasi nilai',
    no: 'No', area: 'Area perubahan', weight: 'Bobot', self: 'Penilaian mandiri', tpi: 'Penilaian TPI',
    pemenuhan: 'Pemenuhan', reform: 'Reform', sum: 'Jumlah', pct: '% bobot', answer: 'Jawaban', score: 'Nilai', component: 'Komponen', delta: 'Selisih',
    pengungkitTotal: 'Jumlah pengungkit', total: 'Nilai total',
    verdictIntro: 'Pemenuhan kriteria nilai dihitung dari nilai hasil penilaian TPI dan dibandingkan dengan batas minimal setiap predikat.',
    predicate: { WBK: 'Menuju Wilayah Bebas dari Korupsi (WBK)', WBBM: 'Menuju Wilayah Birokrasi Bersih dan Melayani (WBBM)' } as Record<Predicate, string>,
    criterion: 'Kriteria', minimum: 'Minimal', actual: 'Nilai TPI', status: 'Keterangan', met: 'Memenuhi', notMet: 'Tidak memenuhi',
    eligible: 'Memenuhi seluruh kriteria nilai', notEligible: 'Belum memenuhi kriteria nilai',
    failuresIntro: 'Kriteria yang belum terpenuhi:', noFailures: 'Seluruh kriteria nilai terpenuhi.',
    prereqTitle: 'Syarat pengusulan', prereq: 'Syarat', required: 'Ketentuan', given: 'Keadaan',
    prereqStatus: { met: 'Terpenuhi', not_met: 'Tidak terpenuhi', not_given: 'Belum diisi' } as Record<PrerequisiteResult['status'], string>,
    proposable: 'Dapat diusulkan (kriteria nilai dan seluruh syarat terpenuhi)', notProposable: 'Belum dapat diusulkan',
    yes: 'Ya', no_: 'Tidak',
    diffIntro: 'Butir yang jawaban TPI-nya berbeda dari penilaian mandiri unit kerja:',
    noDiff: 'Tidak ada perbedaan jawaban antara penilaian mandiri unit kerja dan penilaian TPI.',
    code: 'Kode', item: 'Butir', unitAnswer: 'Unit', tpiAnswer: 'TPI', points: 'Selisih nilai', note: 'Catatan TPI',
    diffTotal: 'Jumlah selisih nilai', history: 'Riwayat catatan', diffTable: 'Tabel 4. Perbedaan jawaban',
    conclusion: {
      memenuhi: (unit: string) => `Berdasarkan hasil evaluasi internal, Tim Penilai Internal menyimpulkan bahwa ${unit} MEMENUHI kriteria untuk diusulkan kepada Tim Penilai Nasional sebagai unit kerja berpredikat Zona Integritas.`,
      belum_memenuhi: (unit: string) => `Berdasarkan hasil evaluasi internal, Tim Penilai Internal menyimpulkan bahwa ${unit} BELUM MEMENUHI kriteria untuk diusulkan kepada Tim Penilai Nasional sebagai unit kerja berpredikat Zona Integritas.`,
      none: (unit: string, state: string) => `Evaluasi atas ${unit} belum disimpulkan (status lembar kerja: ${state}). Laporan ini bersifat sementara.`,
    },
    conclusionShort: { memenuhi: 'MEMENUHI', belum_memenuhi: 'BELUM MEMENUHI', none: 'BELUM DISIMPULKAN' },
    noteLabel: 'Catatan', signTeam: 'Tim Penilai Internal', name: 'Nama', signature: 'Tanda tangan', noEvaluators: '(anggota tim belum ditetapkan)',
  },
  en: {
    title: 'Internal Evaluation Report on Integrity Zone Development',
    shortTitle: 'Internal evaluation report', government: 'Government of', page: 'Page', of: 'of',
    unit: 'Unit', unitCode: 'Unit code', head: 'Head of unit', year: 'Assessment year', state: 'Worksheet state',
    evaluatedAt: 'Evaluation date', team: 'Internal assessment team (TPI)', notEvaluated: 'not yet evaluated',
    reviewFact: 'Items reviewed by the TPI',
    reviewShort: (reviewed: string, items: string, changed: string) => `${reviewed} of ${items} items; ${changed} changed by the TPI`,
    reviewText: (reviewed: string, items: string, accepted: string, changed: string) =>
      `The TPI reviewed ${reviewed} of the worksheet's ${items} items: ${accepted} were accepted as in the unit's self-assessment and ${changed} were changed to the TPI's value.`,
    s1: 'I. Basis and Scope', s2: 'II. Assessment Results', s3: 'III. Predicate Criteria', s4: 'IV. Evaluation Notes', s5: 'V. Conclusion',
    basisIntro: 'This internal evaluation was carried out on the basis of:',
    basisRuleset: 'Evaluation worksheet (LKE) used',
    basisOptions: 'Scoring rules applied',
    scope: (unit: string, year: number, insp: string) =>
      `The evaluation covers the Integrity Zone development of ${unit} for assessment year ${year}: the enabler component (six change areas, fulfilment and reform) and the results component, comparing the unit's self-assessment with the assessment of the internal assessment team (TPI) of ${insp}.`,
    areaTable: 'Table 1. Enabler scores per area', hasilTable: 'Table 2. Results component', recapTable: 'Table 3. Score summary',
    no: 'No', area: 'Change area', weight: 'Weight', self: 'Self-assessment', tpi: 'TPI assessment',
    pemenuhan: 'Fulfilment', reform: 'Reform', sum: 'Sum', pct: '% of weight', answer: 'Answer', score: 'Score', component: 'Component', delta: 'Difference',
    pengungkitTotal: 'Enablers total', total: 'Total score',
    verdictIntro: 'The score criteria are checked on the TPI assessment against the minimum of each predicate.',
    predicate: { WBK: 'Towards a Corruption-Free Area (WBK)', WBBM: 'Towards a Clean and Serving Bureaucracy Area (WBBM)' } as Record<Predicate, string>,
    criterion: 'Criterion', minimum: 'Minimum', actual: 'TPI score', status: 'Result', met: 'Met', notMet: 'Not met',
    eligible: 'Meets every score criterion', notEligible: 'Does not yet meet the score criteria',
    failuresIntro: 'Criteria not yet met:', noFailures: 'Every score criterion is met.',
    prereqTitle: 'Proposal prerequisites', prereq: 'Prerequisite', required: 'Required', given: 'Given',
    prereqStatus: { met: 'Met', not_met: 'Not met', not_given: 'Not given' } as Record<PrerequisiteResult['status'], string>,
    proposable: 'Can be proposed (score criteria and every prerequisite met)', notProposable: 'Cannot be proposed yet',
    yes: 'Yes', no_: 'No',
    diffIntro: 'Items where the TPI answer differs from the unit self-assessment:',
    noDiff: 'The TPI answers do not differ from the unit self-assessment.',
    code: 'Code', item: 'Item', unitAnswer: 'Unit', tpiAnswer: 'TPI', points: 'Points', note: 'TPI note',
    diffTotal: 'Total difference', history: 'Notes history', diffTable: 'Table 4. Differing answers',
    conclusion: {
      memenuhi: (unit: string) => `Based on the internal evaluation, the internal assessment team concludes that ${unit} MEETS the criteria to be proposed to the national assessment team for an Integrity Zone predicate.`,
      belum_memenuhi: (unit: string) => `Based on the internal evaluation, the internal assessment team concludes that ${unit} DOES NOT YET MEET the criteria to be proposed to the national assessment team for an Integrity Zone predicate.`,
      none: (unit: string, state: string) => `The evaluation of ${unit} has not been concluded (worksheet state: ${state}). This report is provisional.`,
    },
    conclusionShort: { memenuhi: 'MEETS THE CRITERIA', belum_memenuhi: 'DOES NOT YET MEET THE CRITERIA', none: 'NOT CONCLUDED' },
    noteLabel: 'Note', signTeam: 'Internal assessment team', name: 'Name', signature: 'Signature', noEvaluators: '(team members not yet assigned)',
  },
};

const TEMPLATE_URL = new URL('./lhe.typ', import.meta.url);

const EPS = 1e-9;

/** Lets Typst wrap very long unbroken tokens (URLs, numbers pasted into notes): a zero-width space every 24 characters. */
export function wrapLong(s: string): string {
  return s.replace(/\S{32,}/g, (w) => w.replace(/(.{24})/gu, '$1\u200B'));
}

const YEARS: Record<string, string> = { tahun: 'years' };

/** Builds the template's data: every string final, every number already formatted. */
export function lheData(input: LheInput): Record<string, unknown> {
  const loc: Locale = input.locale;
  const T = L[loc];
  const rs = input.ruleset;
  const n2 = (n: number) => formatNumber(n, loc, 2);
  const pct = (n: number) => `${formatNumber(n, loc, 2)} %`;
  const signed = (n: number) => (Math.abs(n) < 0.005 ? formatNumber(0, loc, 2) : `${n > 0 ? '+' : '−'}${formatNumber(Math.abs(n), loc, 2)}`);
  const { unit: su, tpi: st } = input.scores;
  const ix = indexOf(rs);
  const date = formatDate(input.evaluatedAt ?? new Date(), loc);
  const unitName = input.unit.name;
  const rv = input.review;
  const int = (n: number) => formatNumber(n, loc, 0);
  const reviewShort = T.reviewShort(int(rv.reviewed), int(rv.items), int(rv.changed));
  const reviewText = T.reviewText(int(rv.reviewed), int(rv.items), int(Math.max(0, rv.reviewed - rv.changed)), int(rv.changed));

  // II. scores
  const areas = rs.areas.map((a) => {
    const u = su.areas[String(a.area)]!;
    const t = st.areas[String(a.area)]!;
    return { no: String(a.area), name: a.title[loc], weight: n2(a.weight), u: [n2(u.pemenuhan), n2(u.reform), n2(u.score), pct(u.percent)], t: [n2(t.pemenuhan), n2(t.reform), n2(t.score), pct(t.percent)] };
  });
  const { pengungkit, hasil } = splitRoots(rs);
  const weightOf = (nodes: RuleNode[]) => nodes.reduce((s, n) => s + n.weight, 0);
  const scoreOf = (s: ScoreResult, nodes: RuleNode[]) => nodes.reduce((x, n) => x + (s.nodes[n.code]?.score ?? 0), 0);
  const pw = weightOf(pengungkit);
  const pengungkitRow = { weight: n2(pw), u: [n2(scoreOf(su, pengungkit)), pct(pw ? (scoreOf(su, pengungkit) / pw) * 100 : 0)], t: [n2(scoreOf(st, pengungkit)), pct(pw ? (scoreOf(st, pengungkit) / pw) * 100 : 0)] };

  const hasilRows: { code: string; name: string; weight: string; strong: boolean; u: string[]; t: string[] }[] = [];
  const unitAnswers = answersFromScores(input, 'unit');
  const tpiAnswers = answersFromScores(input, 'tpi');
  for (const root of hasil) {
    const walk = (n: RuleNode) => {
      if (n !== root) hasilRows.push({ code: n.code, name: n.title[loc], weight: n2(n.weight), strong: true, u: ['', n2(su.nodes[n.code]?.score ?? 0)], t: ['', n2(st.nodes[n.code]?.score ?? 0)] });
      for (const c of ix.children.get(n.code) ?? []) walk(c);
      for (const it of ix.itemsOfSub.get(n.code) ?? []) {
        hasilRows.push({
          code: it.code, name: it.question[loc], weight: n2(it.weight), strong: false,
          u: [unitAnswers(it.code), n2(su.items[it.code]?.score ?? 0)], t: [tpiAnswers(it.code), n2(st.items[it.code]?.score ?? 0)],
        });
      }
    };
    walk(root);
    hasilRows.push({ code: '', name: `${T.sum} ${root.title[loc].toLowerCase()}`, weight: n2(root.weight), strong: true, u: ['', n2(su.nodes[root.code]?.score ?? 0)], t: ['', n2(st.nodes[root.code]?.score ?? 0)] });
  }
  const totalWeight = rs.nodes.filter((n) => n.parent === null).reduce((s, n) => s + n.weight, 0);
  const recap = [
    ...[...pengungkit, ...hasil].map((n) => ({ label: n.title[loc], weight: n2(n.weight), u: n2(su.nodes[n.code]!.score), t: n2(st.nodes[n.code]!.score), d: signed(st.nodes[n.code]!.score - su.nodes[n.code]!.score), strong: false })),
    { label: T.total, weight: n2(totalWeight), u: n2(su.total), t: n2(st.total), d: signed(st.total - su.total), strong: true },
  ];

  // III. verdicts on the TPI layer
  const value = (c: CriterionResult, n: number) => {
    let s = formatNumber(n, loc, 2);
    if (!c.passed && n < c.required - EPS && s === formatNumber(c.required, loc, 2)) s = formatNumber(n, loc, 4);
    return c.unit === '%' ? `${s} %` : s;
  };
  const minimum = (c: CriterionResult) => `${formatNumber(c.required, loc, Number.isInteger(c.required) ? 0 : 2)}${c.unit === '%' ? ' %' : ''}`;
  const prereqValue = (id: string, v: unknown): string => {
    if (v === undefined || v === null || v === '') return '—';
    const p = rs.prerequisites.find((x) => x.id === id);
    if (typeof v === 'boolean' || v === 'true' || v === 'false') return v === true || v === 'true' ? T.yes : T.no_;
    if (typeof v === 'number') {
      const u = p && p.kind === 'number' && p.unit ? (loc === 'en' ? (YEARS[p.unit] ?? p.unit) : p.unit) : '';
      const unit = u ? (u === '%' ? ' %' : ` ${u}`) : '';
      return `${p?.kind === 'number' ? '≥ ' : ''}${formatNumber(v, loc, Number.isInteger(v) ? 0 : 2)}${unit}`;
    }
    return `${p?.kind === 'grade' ? '≥ ' : ''}${String(v)}`;
  };
  const verdicts = (['WBK', 'WBBM'] as const).map((p) => {
    const v = input.verdict[p];
    return {
      name: T.predicate[p],
      eligible: v.eligible,
      status: v.eligible ? T.eligible : T.notEligible,
      criteria: v.criteria.map((c) => ({ label: c.label[loc], min: minimum(c), actual: value(c, c.actual), passed: c.passed, status: c.passed ? T.met : T.notMet })),
      failures: v.failures.map((c) => c.message[loc]),
      prereq: v.prerequisites.map((x) => ({
        label: x.label[loc],
        required: x.required === true ? T.yes : prereqValue(x.id, x.required),
        given: x.status === 'not_given' ? '—' : prereqValue(x.id, x.given).replace(/^≥ /, ''),
        status: T.prereqStatus[x.status], met: x.status === 'met',
      })),
      proposable: v.proposable ? T.proposable : T.notProposable,
      isProposable: v.proposable,
    };
  });

  // IV. differences
  const differences = input.differences.map((d) => ({ code: d.item, question: wrapLong(d.question), unit: wrapLong(d.unitAnswer), tpi: wrapLong(d.tpiAnswer), delta: signed(d.delta), note: wrapLong(d.note ?? '') }));
  const diffTotal = signed(input.differences.reduce((s, d) => s + d.delta, 0));

  // V. conclusion
  const kind = input.conclusion ?? 'none';
  const conclusion = {
    kind,
    short: T.conclusionShort[kind],
    text: kind === 'none' ? T.conclusion.none(unitName, input.stateLabel) : T.conclusion[kind](unitName),
    note: wrapLong(input.conclusionNote?.trim() ?? ''),
  };
  const place = input.regency.replace(/^(Pemerintah\s+)?(Kabupaten|Kota|Kab\.)\s+/i, '').trim() || input.regency;

  return {
    lang: loc,
    t: {
      title: T.title, page: T.page, of: T.of, s1: T.s1, s2: T.s2, s3: T.s3, s4: T.s4, s5: T.s5,
      basisIntro: T.basisIntro, basisRuleset: T.basisRuleset, basisOptions: T.basisOptions,
      areaTable: T.areaTable, hasilTable: T.hasilTable, recapTable: T.recapTable, diffTable: T.diffTable,
      no: T.no, area: T.area, weight: T.weight, self: T.self, tpi: T.tpi, pemenuhan: T.pemenuhan, reform: T.reform, sum: T.sum, pct: T.pct,
      answer: T.answer, score: T.score, component: T.component, delta: T.delta, pengungkitTotal: T.pengungkitTotal,
      verdictIntro: T.verdictIntro, criterion: T.criterion, minimum: T.minimum, actual: T.actual, status: T.status,
      failuresIntro: T.failuresIntro, noFailures: T.noFailures, prereqTitle: T.prereqTitle, prereq: T.prereq, required: T.required, given: T.given,
      diffIntro: T.diffIntro, noDiff: T.noDiff, code: T.code, item: T.item, unitAnswer: T.unitAnswer, tpiAnswer: T.tpiAnswer, points: T.points, note: T.note,
      diffTotal: T.diffTotal, history: T.history, noteLabel: T.noteLabel, signTeam: T.signTeam, name: T.name, signature: T.signature, noEvaluators: T.noEvaluators,
    },
    header: { left: `${unitName} (${input.unit.code})`, right: `${T.shortTitle} ${input.year}` },
    cover: {
      kop: {
        // the regency's name may already read 'Pemerintah Kabupaten ...'
        government: (/^(pemerintah|government)\b/i.test(input.regency) ? input.regency : `${T.government} ${input.regency}`).toUpperCase(),
        unit: input.inspectorate.toUpperCase(),
      } satisfies Letterhead,
      title: T.title.toUpperCase(),
      unit: unitName,
      year: String(input.year),
      date,
      facts: [
        [T.unit, unitName], [T.unitCode, input.unit.code], ...(input.unit.head ? [[T.head, input.unit.head]] : []),
        [T.year, String(input.year)], [T.state, input.stateLabel], [T.evaluatedAt, input.evaluatedAt ? formatDate(input.evaluatedAt, loc) : T.notEvaluated],
        [T.reviewFact, reviewShort],
        [T.team, input.evaluators.length ? input.evaluators.join(', ') : T.noEvaluators],
      ],
    },
    basis: { regulation: rs.regulation, ruleset: `${rs.title[loc]} (${rs.id})`, options: describeOptions(input.options, loc), sources: rs.sources.filter((s) => s.tag === 'V').map((s) => s.ref) },
    scope: T.scope(unitName, input.year, input.inspectorate),
    areas, pengungkit: pengungkitRow, hasil: hasilRows, recap,
    verdictIntro: T.verdictIntro, verdicts,
    review: reviewText,
    differences, diffTotal, notes: input.notes.filter((n) => n && n.trim()).map(wrapLong),
    conclusion,
    signature: { place, date, team: T.signTeam, inspectorate: input.inspectorate, evaluators: input.evaluators },
  };
}

/** The answer shown for an item of the hasil table ("3,72", "B"); taken from the scores when no answers are at hand. */
function answersFromScores(input: LheInput, layer: 'unit' | 'tpi'): (code: string) => string {
  const rs = input.ruleset;
  const score = input.scores[layer];
  return (code) => {
    const item = indexOf(rs).items.get(code);
    const s = score.items[code];
    if (!item || !s || s.value === null) return '—';
    if (item.type === 'index') return describeAnswer(item, { index: s.value * rs.indexMax }, input.locale);
    if (item.type === 'percent') return describeAnswer(item, { percent: (s.rawPercent ?? s.value * 100) }, input.locale);
    // choice items: the letter whose value matches
    const values = rs.optionValues[score.options.optionValues][item.type] ?? {};
    const letter = Object.entries(values).find(([, v]) => Math.abs((v ?? -1) - s.value!) < 1e-9)?.[0];
    return letter ?? formatNumber(s.value, input.locale, 2);
  };
}

/** Renders the LHE as a PDF (A4). Throws if the template fails to compile (a bug, not bad input). */
export function renderLhePdf(input: LheInput): Uint8Array {
  return renderPdf(TEMPLATE_URL, lheData(input), { at: input.evaluatedAt ?? new Date() });
}
