// One-off generator of the LKE rule sets in src/modules/assessment/rulesets/*.json.
//
//   node --import tsx scripts/build-rulesets.ts
//
// It reads the research material in ../shared/reference (next to this repository; override the
// directory with LKE_REFERENCE_DIR):
//   - data/lke-permenpanrb-90-2021.raw.json  the LKE of PermenPANRB 90/2021 parsed from the PDF
//                                             (tree, answer types, weights, criteria lines, inputs)
//   - domain-spec.md                         §3.2 sub-indicator table (cross-check), Appendix A
//                                             (codes, #seq, verbatim question/criteria, English
//                                             glosses) and Appendix B (expected evidence)
// and writes permenpanrb-90-2021.json and permenpanrb-52-2014.json. The application never reads
// ../shared/reference: the JSON files are the versioned data, committed with the code.
//
// The output is deterministic (fixed key order, 2-space indent, trailing newline), so re-running
// the script on unchanged sources leaves the files unchanged. Every disagreement between the two
// sources is either resolved below with a comment or makes the script stop with an error; at the
// end the written files are loaded through lke.ruleset.ts, so a file the loader would refuse is
// reported here as well.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  AnswerType,
  Formula,
  ItemInput,
  OptionDocs,
  OptionLetter,
  Prerequisite,
  RuleItem,
  RuleNode,
  RuleOption,
  RuleSet,
  RuleSetOptions,
  Source,
  TextPair,
  ThresholdCriterion,
} from '../src/modules/assessment/lke.types.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const refDir = process.env.LKE_REFERENCE_DIR ?? path.resolve(root, '../shared/reference');
const outDir = path.join(root, 'src/modules/assessment/rulesets');

function fail(msg: string): never {
  throw new Error(`build-rulesets: ${msg}`);
}
function check(cond: unknown, msg: string): asserts cond {
  if (!cond) fail(msg);
}
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const num = (s: string) => Number(s.replace(',', '.'));
const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const tp = (id: string, en: string): TextPair => ({ id, en });
const src = (tag: Source['tag'], ref: string): Source => ({ tag, ref });

const LETTERS: Record<string, OptionLetter[]> = {
  yn: ['Ya', 'Tidak'],
  abc: ['A', 'B', 'C'],
  abcd: ['A', 'B', 'C', 'D'],
  abcde: ['A', 'B', 'C', 'D', 'E'],
};

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------

const spec = readFileSync(path.join(refDir, 'domain-spec.md'), 'utf8');
interface RawRow {
  kind: 'komponen' | 'aspek' | 'area' | 'sub' | 'subsub' | 'q' | 'input';
  text: string;
  opts: string[];
  type: string | null;
  weight: string | null;
  code: string;
  options_split?: string[];
}
const raw = JSON.parse(readFileSync(path.join(refDir, 'data/lke-permenpanrb-90-2021.raw.json'), 'utf8')) as RawRow[];

function section(from: string, to: string): string[] {
  const a = spec.indexOf(from);
  const b = spec.indexOf(to, a + 1);
  check(a >= 0 && b > a, `section "${from}" not found in domain-spec.md`);
  return spec.slice(a, b).split('\n');
}

// ---------------------------------------------------------------------------------------------
// The raw LKE: tree, weights, types, inputs
// ---------------------------------------------------------------------------------------------

interface RawNode { code: string; kind: RuleNode['kind']; text: string; weight: number; parent: string | null; area: number | null }
interface RawItem { code: string; sub: string; area: number | null; rawType: string | null; text: string; options: string[]; opts: string[]; inputs: string[]; weight: number | null }

/** weights appear either in `weight` or as the first `opts` line (Indonesian decimal comma) */
function rawWeight(r: RawRow): number {
  const w = r.weight ?? r.opts[0];
  check(w && /^\d+,\d+$/.test(w), `no weight on raw ${r.kind} "${r.text}"`);
  return num(w);
}

const rawNodes: RawNode[] = [];
const rawItems: RawItem[] = [];
{
  let comp = '', aspect = '', area = '', sub = '', areaNo: number | null = null;
  let pos = 0;
  for (const r of raw) {
    switch (r.kind) {
      case 'komponen':
        comp = r.code; aspect = area = sub = ''; areaNo = null;
        rawNodes.push({ code: comp, kind: 'component', text: norm(r.text), weight: rawWeight(r), parent: null, area: null });
        break;
      case 'aspek':
        aspect = `${comp}.${r.code}`; area = sub = ''; areaNo = null; pos = 0;
        rawNodes.push({ code: aspect, kind: 'aspect', text: norm(r.text), weight: rawWeight(r), parent: comp, area: null });
        if (comp === 'B') sub = aspect; // hasil items hang directly under B.I / B.II
        break;
      case 'area':
        area = `${aspect}.${r.code}`; areaNo = Number(r.code); sub = '';
        rawNodes.push({ code: area, kind: 'area', text: norm(r.text), weight: rawWeight(r), parent: aspect, area: areaNo });
        break;
      case 'sub':
        sub = `${area}.${r.code}`; pos = 0;
        rawNodes.push({ code: sub, kind: 'sub', text: norm(r.text), weight: rawWeight(r), parent: area, area: areaNo });
        break;
      case 'subsub':
        // A.II.5.iii is printed as two sub-sub-indicators (LHKPN 1,00 and LHKASN 1,00), one item each;
        // the items get those weights (A.II.5.iii.a / .b), the tree stays at sub level.
        break;
      case 'q': {
        // Items are lettered by position: "-" (single item) becomes "a", and A.I.6.v printed
        // a, c, b becomes a, b, c (Appendix A; §3.10).
        const letter = String.fromCharCode(97 + pos++);
        if (r.code !== '-' && r.code !== letter) check(sub === 'A.I.6.v', `unexpected item letter ${r.code} at ${sub}.${letter}`);
        rawItems.push({
          code: `${sub}.${letter}`, sub, area: comp === 'A' ? areaNo : null, rawType: r.type, text: norm(r.text),
          options: (r.options_split ?? []).map(norm), opts: r.opts, inputs: [], weight: null,
        });
        break;
      }
      case 'input':
        rawItems[rawItems.length - 1]!.inputs.push(norm(r.text));
        break;
    }
  }
}
const rawNodeBy = new Map(rawNodes.map((n) => [n.code, n]));

// ---------------------------------------------------------------------------------------------
// §3.2 (cross-check of sub weights and item counts)
// ---------------------------------------------------------------------------------------------

const table32 = new Map<string, { weight: number; count: number }>();
for (const line of section('### 3.2 Sub-indicator weights', '### 3.3')) {
  const m = /^\| (A\.I{1,2}\.\d\.[ivx]+) \| .+? \| ([\d.]+) \| (.+?) \|$/.exec(line);
  if (!m) continue;
  const count = /^\d+$/.test(m[3]!) ? Number(m[3]) : [...m[3]!.matchAll(/(\d+) ×/g)].reduce((s, x) => s + Number(x[1]), 0);
  table32.set(m[1]!, { weight: Number(m[2]), count });
}
check(table32.size === 42, `§3.2 lists ${table32.size} sub-indicators, expected 42`);

// ---------------------------------------------------------------------------------------------
// Appendix A: codes, #seq, verbatim question and criteria, English glosses
// ---------------------------------------------------------------------------------------------

interface SpecItem { code: string; seq: number; weight: number | null; question: string; en: string; answerType: string; optionsEn: string; criteria: string[]; inputs: string[] }
const specItems: SpecItem[] = [];
const specArea = new Map<string, { en: string; id: string; weight: number }>();
const specSub = new Map<string, { id: string; en: string; weight: number }>();
{
  let last: SpecItem | undefined;
  for (const line of section('## Appendix A', '## Appendix B')) {
    let m = /^#### (A\.I{1,2}\.\d) (.+?) \((.+?)\) — area weight ([\d.]+)$/.exec(line);
    if (m) { specArea.set(m[1]!, { en: m[2]!, id: m[3]!, weight: Number(m[4]) }); continue; }
    m = /^\*\*(A\.I{1,2}\.\d\.[ivx]+) (.+?)\*\* \((.+)\) — sub-indicator weight \*\*([\d.]+)\*\*$/.exec(line);
    if (m) { specSub.set(m[1]!, { id: m[2]!, en: m[3]!, weight: Number(m[4]) }); continue; }
    m = /^- \*\*([A-Z][A-Za-z0-9.]+)\*\* \(#(\d+)\)(?: weight ([\d.]+))? — \*(.+?)\* — EN: (.+?) Answer type: \*\*(.+?)\*\*\. Options \(EN\): (.*)$/.exec(line);
    if (m) {
      last = { code: m[1]!, seq: Number(m[2]), weight: m[3] ? Number(m[3]) : null, question: norm(m[4]!), en: norm(m[5]!), answerType: m[6]!, optionsEn: norm(m[7]!), criteria: [], inputs: [] };
      specItems.push(last);
      continue;
    }
    m = /^ {2}- Criteria \(ID, verbatim\): (.*)$/.exec(line);
    if (m) { check(last, 'criteria before any item'); last.criteria = m[1]!.split(' ‖ ').map(norm); continue; }
    m = /^ {2}- input: (.+?) \(integer count\)/.exec(line);
    if (m) { check(last, 'input before any item'); last.inputs.push(norm(m[1]!)); continue; }
    check(!/^- \*\*[AB]\./.test(line), `unparsed Appendix A item line: ${line.slice(0, 80)}`);
  }
}
check(specItems.length === 113, `Appendix A has ${specItems.length} items, expected 113`);
check(rawItems.length === 113, `raw LKE has ${rawItems.length} items, expected 113`);
specItems.forEach((s, i) => {
  check(s.seq === i + 1, `Appendix A item ${s.code} has #${s.seq}, expected #${i + 1}`);
  check(s.code === rawItems[i]!.code, `item #${i + 1}: Appendix A says ${s.code}, the raw LKE order gives ${rawItems[i]!.code}`);
});

// ---------------------------------------------------------------------------------------------
// Types and options
// ---------------------------------------------------------------------------------------------

const TYPE_OF_SPEC: Record<string, AnswerType> = {
  'Ya/Tidak': 'yn', 'A/B/C': 'abc', 'A/B/C/D': 'abcd', 'A/B/C/D/E': 'abcde', '% (computed from counts)': 'percent', 'Nilai 0–4': 'index',
};
const TYPE_OF_RAW: Record<string, AnswerType> = { 'Ya/Tidak': 'yn', 'A/B/C': 'abc', 'A/B/C/D': 'abcd', 'A/B/C/D/E': 'abcde', '(0-4)': 'index' };

/** a comparison key that ignores the PDF's spacing and line-break hyphenation */
const loose = (s: string) => s.replace(/\s+/g, '').toLowerCase();

const reviewNotes: string[] = [];

function optionsOf(s: SpecItem, r: RawItem, type: AnswerType, bySeq: Map<number, RuleOption[]>): RuleOption[] {
  if (type === 'percent' || type === 'index') return [];
  const letters = LETTERS[type]!;
  const en = splitOptionsEn(s, type, bySeq);
  if (type === 'yn') {
    check(s.criteria.length === 1, `${s.code}: a Ya/Tidak item needs one criterion`);
    return [
      withEn({ letter: 'Ya', text: s.criteria[0]! }, en?.Ya),
      withEn({ letter: 'Tidak', text: 'Tidak' }, 'No'),
    ];
  }
  // B.I.b: Appendix A appends the source of option e in an italic note; the criterion is the text before it.
  const criteria = s.criteria.map((c) => c.replace(/\s*\*\(e is from Lampiran I text;.*\)\*$/, ''));
  check(criteria.length === letters.length, `${s.code}: ${criteria.length} criteria for answer type ${type}`);
  const out = criteria.map((c, i) => {
    const m = /^([a-e])\.\s*(.+)$/.exec(c);
    check(m && m[1] === letters[i]!.toLowerCase(), `${s.code}: criterion ${i + 1} does not start with "${letters[i]!.toLowerCase()}."`);
    return withEn({ letter: letters[i]!, text: m[2]! }, en?.[letters[i]!]);
  });
  // cross-check against the raw PDF parse (whitespace and hyphenation ignored)
  const rawTexts = r.options.map((o) => o.replace(/^[a-e]\.\s*/, ''));
  if (rawTexts.length !== out.length) reviewNotes.push(`${s.code}: raw options_split has ${rawTexts.length} options, Appendix A ${out.length} (Appendix A used)`);
  else out.forEach((o, i) => {
    if (loose(o.text) !== loose(rawTexts[i]!)) reviewNotes.push(`${s.code} ${o.letter}: raw "${rawTexts[i]}" ≠ Appendix A "${o.text}" (Appendix A used)`);
  });
  return out;
}

function withEn(o: RuleOption, en: string | undefined): RuleOption {
  return en ? { letter: o.letter, text: o.text, en } : o;
}

/** "A = …; B = …" (or the maturity ladder "Maturity ladder: E = …; D = …") → one gloss per letter */
function splitOptionsEn(s: SpecItem, type: AnswerType, bySeq: Map<number, RuleOption[]>): Partial<Record<OptionLetter, string>> | undefined {
  const text = s.optionsEn.replace(/\.$/, '');
  const same = /^same ladder as item (\d+)$/.exec(text);
  if (same) {
    const opts = bySeq.get(Number(same[1]));
    check(opts, `${s.code}: refers to item ${same[1]} before it is built`);
    return Object.fromEntries(opts.filter((o) => o.en).map((o) => [o.letter, o.en!]));
  }
  const parts = text.replace(/^Maturity ladder: /, '').split(/;\s+(?=(?:[A-E]|Ya|Tidak) = )/);
  const out: Partial<Record<OptionLetter, string>> = {};
  for (const p of parts) {
    const m = /^([A-E]|Ya|Tidak) = (.+)$/.exec(p);
    if (!m) return undefined;
    out[m[1] as OptionLetter] = m[2]!.replace(/\s*\(E from body text Lampiran I and implementations\)$/, '');
  }
  const want = type === 'yn' ? ['Ya'] : LETTERS[type]!;
  if (Object.keys(out).sort().join() !== [...want].sort().join()) return undefined;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Percent items (§3.4): input keys, English labels, formulas, zero-denominator results
// ---------------------------------------------------------------------------------------------

interface PercentSpec { inputs: { key: string; en: string; sumOf?: string[] }[]; formula: Formula; whenZero: 'full' | 'zero' }
const PERCENT: Record<string, PercentSpec> = {
  'A.II.1.i.a': {
    inputs: [{ key: 'agents', en: 'Number of change agents' }, { key: 'changes', en: 'Number of changes made' }],
    formula: { kind: 'ratio', numerator: 'changes', denominator: 'agents' },
    whenZero: 'zero',
  },
  'A.II.1.i.b': {
    inputs: [{ key: 'changes', en: 'Number of changes made' }, { key: 'integrated', en: 'Number of changes integrated into the management system' }],
    formula: { kind: 'ratio', numerator: 'integrated', denominator: 'changes' },
    whenZero: 'zero',
  },
  'A.II.3.iii.a': {
    inputs: [
      { key: 'previousYear', en: 'Number of violations in the previous year' },
      { key: 'thisYear', en: 'Number of violations this year' },
      { key: 'sanctioned', en: 'Number of violations already sanctioned' },
    ],
    formula: { kind: 'decrease', previous: 'previousYear', current: 'thisYear' },
    whenZero: 'full',
  },
  'A.II.4.i.a': {
    inputs: [{ key: 'targets', en: 'Number of performance targets' }, { key: 'achieved', en: 'Number of performance targets achieved 100 % or more' }],
    formula: { kind: 'ratio', numerator: 'achieved', denominator: 'targets' },
    whenZero: 'zero',
  },
  'A.II.5.ii.a': {
    inputs: [
      { key: 'toFollowUp', en: 'Number of public complaints to be followed up' },
      { key: 'inProcess', en: 'Number of public complaints being processed' },
      { key: 'completed', en: 'Number of public complaints followed up completely' },
    ],
    formula: { kind: 'complaints', toFollowUp: 'toFollowUp', inProcess: 'inProcess', completed: 'completed' },
    whenZero: 'full',
  },
  'A.II.5.iii.a': {
    inputs: [
      { key: 'required', en: 'Number obliged to report', sumOf: ['head', 'officials', 'others'] },
      { key: 'head', en: 'Head of the work unit' },
      { key: 'officials', en: 'Officials obliged to file an LHKPN' },
      { key: 'others', en: 'Others' },
      { key: 'reported', en: 'Number who have reported' },
    ],
    formula: { kind: 'ratio', numerator: 'reported', denominator: 'required' },
    whenZero: 'full',
  },
  'A.II.5.iii.b': {
    inputs: [
      { key: 'required', en: 'Number obliged to report (ASN not obliged to file an LHKPN)', sumOf: ['administrators', 'supervisors', 'functionalAndStaff'] },
      { key: 'administrators', en: 'Administrator officials (echelon III)' },
      { key: 'supervisors', en: 'Supervisory officials (echelon IV)' },
      { key: 'functionalAndStaff', en: 'Functional and implementing staff' },
      { key: 'reported', en: 'Number who have reported' },
    ],
    formula: { kind: 'ratio', numerator: 'reported', denominator: 'required' },
    whenZero: 'full',
  },
  'A.II.6.i.b': {
    inputs: [{ key: 'registered', en: 'Number of licences/services recorded/registered' }, { key: 'simplified', en: 'Number of licences/services simplified' }],
    formula: { kind: 'ratio', numerator: 'simplified', denominator: 'registered' },
    whenZero: 'zero',
  },
};

// ---------------------------------------------------------------------------------------------
// Appendix B: expected evidence, with an Indonesian rendering of every checklist entry
// ---------------------------------------------------------------------------------------------

const RAPAT = 'Undangan, daftar hadir, notulen, dan foto rapat';
/** Indonesian rendering of each ";"-separated entry of an Appendix B row, in order. */
const EVIDENCE_ID: Record<string, string[]> = {
  'A.I.1.i.a': ['SK Tim Kerja ZI', `${RAPAT} pembentukan tim`],
  'A.I.1.i.b': ['Dokumen mekanisme/prosedur pemilihan anggota tim', 'Kertas kerja pemilihan anggota tim', 'Notulen'],
  'A.I.1.ii.a': [`${RAPAT} penyusunan rencana kerja`, 'Rencana kerja pembangunan ZI', 'Rencana aksi yang memuat target prioritas'],
  'A.I.1.ii.b': ['Laporan penetapan target prioritas', 'Rencana aksi', 'SK penetapan rencana kerja dan target'],
  'A.I.1.ii.c': ['Tangkapan layar situs web/media sosial', 'Foto', 'Laporan sosialisasi'],
  'A.I.1.iii.a': ['Laporan pelaksanaan rencana aksi', `${RAPAT} evaluasi`, 'Dokumentasi'],
  'A.I.1.iii.b': ['Laporan monitoring dan evaluasi (monev)', `${RAPAT} evaluasi (menunjukkan keterlibatan pimpinan)`],
  'A.I.1.iii.c': ['Notulen monev yang memuat rekomendasi', 'Laporan tindak lanjut', 'Dokumentasi'],
  'A.I.1.iv.a': ['Daftar hadir pimpinan', 'Dokumentasi kegiatan ZI pimpinan (pelayanan, siaran pers)'],
  'A.I.1.iv.b': ['SK Agen Perubahan', RAPAT],
  'A.I.1.iv.c': ['Laporan program budaya kerja (misalnya reward dan punishment)', 'Rekap kehadiran (presensi)'],
  'A.I.1.iv.d': ['Pakta Integritas yang telah ditandatangani', 'Laporan kegiatan ZI yang menunjukkan keterlibatan pegawai'],
  'A.I.2.i.a': ['Peta proses bisnis', 'Daftar SOP yang mengacu pada peta proses bisnis', 'SOP hasil inovasi'],
  'A.I.2.i.b': ['Nota dinas/laporan kegiatan yang menyatakan kepatuhan pada SOP', 'Bukti pelaksanaan yang dipersyaratkan setiap SOP'],
  'A.I.2.i.c': [`${RAPAT} evaluasi SOP`, 'Laporan evaluasi SOP', 'SOP lama dan SOP hasil perbaikan'],
  'A.I.2.ii.a–c': [
    'Aplikasi yang berjalan (pengukuran kinerja/SDM/pelayanan publik) beserta tangkapan layarnya',
    'Panduan layanan (prosedur, waktu, biaya, mekanisme pengaduan)',
  ],
  'A.I.2.ii.d': [`${RAPAT} monev pemanfaatan teknologi informasi`, 'Progres tindak lanjut', 'Laporan monev pemanfaatan teknologi informasi secara berkala'],
  'A.I.2.iii.a': [
    'Kebijakan keterbukaan informasi publik (jenis informasi, jadwal pemutakhiran, penanggung jawab, jalur pengaduan)',
    'SK PPID',
    'Tangkapan layar informasi yang dipublikasikan',
  ],
  'A.I.2.iii.b': [
    `${RAPAT} monev keterbukaan informasi publik`,
    'Tindak lanjut hasil monev',
    'Laporan monev keterbukaan informasi publik',
    'Laporan tahunan layanan informasi publik',
  ],
  'A.I.3.i.a': ['Rencana kebutuhan pegawai berdasarkan peta jabatan dan analisis beban kerja (ABK)', RAPAT, 'Surat usulan kebutuhan pegawai'],
  'A.I.3.i.b': ['SK/surat penempatan pegawai hasil rekrutmen', 'Ketentuan analisis beban kerja (ABK)'],
  'A.I.3.i.c': ['Laporan monev penempatan pegawai, termasuk pengaruhnya terhadap kinerja'],
  'A.I.3.ii.a–b': [
    `${RAPAT} mutasi`,
    'Usulan mutasi',
    'SK mutasi/rotasi',
    'Daftar riwayat hidup pegawai',
    'Pola mutasi',
    'Daftar kompetensi',
    'Kertas kerja pertimbangan mutasi',
  ],
  'A.I.3.ii.c': ['Laporan monev mutasi dalam kaitannya dengan perbaikan kinerja'],
  'A.I.3.iii.a': [`${RAPAT} Training Need Analysis (TNA)`, 'Dokumen Training Need Analysis (TNA)'],
  'A.I.3.iii.b': ['Rencana pengembangan kompetensi berdasarkan hasil pengelolaan kinerja pegawai'],
  'A.I.3.iii.c': ['Laporan kesenjangan kompetensi terhadap standar kompetensi jabatan (SKJ)'],
  'A.I.3.iii.d–e': ['Kebijakan pengembangan kompetensi', 'Undangan dan surat penugasan peserta pelatihan', 'Laporan in-house training', 'Sertifikat'],
  'A.I.3.iii.f': ['Laporan monev hasil pengembangan kompetensi dalam kaitannya dengan perbaikan kinerja'],
  'A.I.3.iv.a': ['SKP yang telah ditandatangani', 'Indikator Kinerja Individu (IKI)', 'Perjanjian Kinerja (PK)', 'Rencana Strategis (Renstra)'],
  'A.I.3.iv.b': ['Dokumen SKP hasil penjenjangan (cascading)'],
  'A.I.3.iv.c': ['Catatan pengukuran kinerja berkala (misalnya bulanan) pada setiap level'],
  'A.I.3.iv.d': [`${RAPAT} penetapan pemberian reward`, 'SK/piagam pemberian reward'],
  'A.I.3.v.a': ['Aturan internal disiplin/kode etik/kode perilaku', 'Bukti sosialisasi', 'Laporan penegakan aturan/pemberian sanksi'],
  'A.I.3.vi.a': ['Laporan pemutakhiran data kepegawaian', 'Tangkapan layar pemutakhiran data mandiri oleh pegawai'],
  'A.I.4.i.a–c': [
    `${RAPAT} penyusunan perencanaan dan Perjanjian Kinerja (PK) bersama pimpinan`,
    'Perjanjian Kinerja (PK)',
    'Bukti rapat pemantauan kinerja',
    'Formulir Rencana Aksi (FRA)',
  ],
  'A.I.4.ii.a–d': ['Rencana Strategis (Renstra)', 'Perjanjian Kinerja (PK)', 'Dokumen IKU (beserta uji kriteria SMART)'],
  'A.I.4.ii.e': ['Laporan Kinerja (LKj) yang ditandatangani tepat waktu dan bukti unggah tepat waktu'],
  'A.I.4.ii.f': ['Laporan Kinerja (LKj) yang memuat informasi kinerja'],
  'A.I.4.ii.g–h': ['SK tim pengelola data kinerja', 'Sistem informasi kinerja', 'Laporan pelatihan/bimtek penyusunan LKj'],
  'A.I.5.i.a': ['Spanduk/banner dan tayangan layar kampanye', 'Bukti sosialisasi dalam rapat'],
  'A.I.5.i.b': ['SK Unit Pengendalian Gratifikasi (UPG)', 'Mekanisme pengendalian/rencana aksi', 'Laporan kegiatan UPG (dan hasil monev KPK)'],
  'A.I.5.ii.a–d': [
    'Bukti sosialisasi SPIP',
    'SK Satgas/Tim SPIP',
    'Identifikasi dan penilaian risiko (register risiko)',
    'Rencana tindak pengendalian',
    'Bukti internalisasi',
  ],
  'A.I.5.iii.a–d': [
    'SK petugas pengelola pengaduan',
    'Kotak pengaduan/spanduk',
    'Tangkapan layar kanal pengaduan',
    'Tanggapan atas pengaduan',
    'Laporan berkala',
    `${RAPAT} monev beserta laporannya`,
    'Tindak lanjut hasil monev',
  ],
  'A.I.5.iv.a–c': ['Tangkapan layar aplikasi WBS', 'Spanduk/brosur WBS', 'Laporan evaluasi penerapan WBS (Inspektorat)', 'Laporan tindak lanjut'],
  'A.I.5.v.a–e': [
    'Pemetaan benturan kepentingan pada tugas fungsi utama',
    'Pedoman penanganan benturan kepentingan',
    'Bukti internalisasi',
    'Surat pernyataan bebas benturan kepentingan yang ditandatangani',
    'Laporan evaluasi',
    'Laporan tindak lanjut',
  ],
  'A.I.6.i.a–d': [
    'Dokumen standar pelayanan',
    'Maklumat pelayanan',
    'Foto/tangkapan layar di tempat layanan dan di situs web',
    'Bukti reviu bersama pemangku kepentingan/berdasarkan hasil SKM dan pengaduan',
    'Standar pelayanan hasil perbaikan',
  ],
  'A.I.6.ii.a': ['Pelatihan/sosialisasi pelayanan prima (terjadwal, berkelanjutan)', 'Monev kemampuan petugas/pelaksana layanan'],
  'A.I.6.ii.b': ['Tangkapan layar informasi pelayanan, termasuk di SIPPN (sistem informasi pelayanan publik nasional)'],
  'A.I.6.ii.c': ['Kebijakan pemberian penghargaan dan sanksi (disiplin, kinerja, penilaian pengguna layanan) serta bukti pemberian penghargaan/sanksi'],
  'A.I.6.ii.d': ['Kebijakan kompensasi dan bukti pemberian kompensasi'],
  'A.I.6.ii.e–f': ['Sarana/aplikasi layanan terpadu', 'Dokumentasi inovasi pelayanan'],
  'A.I.6.iii.a–c': [
    'Profil instansi di lapor.go.id',
    'Akses admin SP4N-LAPOR!',
    'SK/surat penugasan pengelola SP4N-LAPOR!',
    'Laporan evaluasi penanganan pengaduan',
  ],
  'A.I.6.iv.a–c': [
    'Laporan Survei Kepuasan Masyarakat (SKM) per periode',
    'Tangkapan layar/foto publikasi hasil SKM',
    'Laporan perbaikan pelayanan sebagai tindak lanjut hasil SKM',
  ],
  'A.I.6.v.a–c': [
    'Aplikasi pelayanan yang berjalan',
    'Panduan penggunaan',
    'Laporan pemanfaatan teknologi informasi pada seluruh layanan',
    'Bukti database pelayanan yang terintegrasi',
    'Laporan perbaikan teknologi informasi secara berkala',
  ],
  'A.II.1.i.a–b': ['SK agen perubahan', 'Kerangka Acuan Kerja (KAK/ToR)', 'Dokumen proyek perubahan', 'Bukti perubahan telah dilembagakan'],
  'A.II.1.ii': ['Target ZI/RB dalam dokumen perencanaan', 'Bukti capaian', 'Penghargaan'],
  'A.II.1.iii': ['Bukti internalisasi nilai-nilai (BerAKHLAK)', 'SOP yang memuat penerapan nilai-nilai'],
  'A.II.2.i': ['Peta proses bisnis', 'Bukti penyederhanaan jabatan'],
  'A.II.2.ii.a–b': ['Dokumen implementasi SPBE', 'Monev SPBE'],
  'A.II.2.iii.a–c': ['Sasaran dan target manfaat transformasi digital', 'Tangkapan layar aplikasi', 'Laporan monev/validasi'],
  'A.II.3.i': ['SK penetapan Indikator Kinerja Individu (IKI)', 'SKP yang berorientasi hasil (outcome)'],
  'A.II.3.ii': ['Laporan hasil assessment kompetensi dan pemanfaatannya dalam keputusan mutasi/pengembangan karier'],
  'A.II.3.iii': ['SK penjatuhan hukuman disiplin', 'Laporan penanganan pelanggaran disiplin (jumlah dua tahun)'],
  'A.II.4.i': ['Laporan Kinerja (LKj) (target dan capaian per sasaran)'],
  'A.II.4.ii': [
    'Perjanjian Kinerja (PK)',
    'Indikator Kinerja Individu (IKI)',
    'Formulir Rencana Aksi (FRA)',
    'Kertas kerja penilaian kinerja',
    'Bukti pemberian reward dan punishment',
  ],
  'A.II.4.iii': ['Indikator Kinerja Utama (IKU)', 'Perjanjian Kinerja (PK)', 'Indikator Kinerja Individu (IKI) (cascading/kerangka logis kinerja)'],
  'A.II.5.i': ['Formulir manajemen risiko dan SPIP yang menunjukkan pengendalian berjenjang'],
  'A.II.5.ii': ['Register/laporan pengaduan beserta jumlahnya (harus ditindaklanjuti, sedang diproses, selesai ditindaklanjuti)'],
  'A.II.6.i.a–b': ['Laporan penerapan inovasi beserta dampaknya (sebelum/sesudah)', 'Daftar layanan sesuai standar pelayanan dan layanan yang telah dipermudah'],
  'A.II.6.ii': ['SK tim pengelola pengaduan', 'Tangkapan layar kanal pengaduan', 'Laporan monev dan tindak lanjut'],
  'B.I.b': ['Target dan capaian IKU (tahun berjalan dan tahun sebelumnya; perbandingan dengan capaian nasional/unit sejenis)'],
};
/**
 * Rows whose single entry names one document per item ("LHKPN / LHKASN …", "IPAK / IPKP …"):
 * each item gets its own half of the pair instead of both.
 */
const EVIDENCE_PAIRED: Record<string, Record<string, TextPair>> = {
  'A.II.5.iii.a–b': {
    'A.II.5.iii.a': tp('Laporan pemantauan kepatuhan penyampaian LHKPN (Inspektorat; e-LHKPN)', 'LHKPN compliance monitoring reports (Inspektorat; e-LHKPN)'),
    'A.II.5.iii.b': tp('Laporan pemantauan kepatuhan penyampaian LHKASN (Inspektorat; SiHARKA)', 'LHKASN compliance monitoring reports (Inspektorat; SiHARKA)'),
  },
  'B.I.a / B.II.a': {
    'B.I.a': tp('Laporan survei IPAK (metode, sampel, indeks)', 'IPAK survey report (method, sample, index)'),
    'B.II.a': tp('Laporan survei IPKP (metode, sampel, indeks)', 'IPKP survey report (method, sample, index)'),
  },
};
const PAIRED_SOURCE: Record<string, string> = {
  'A.II.5.iii.a–b': 'LHKPN / LHKASN compliance monitoring reports (Inspektorat; e-LHKPN; SiHARKA)',
  'B.I.a / B.II.a': 'IPAK / IPKP survey report (method, sample, index)',
};

/** split at ";" outside parentheses */
function splitEntries(s: string): string[] {
  const out: string[] = [];
  let depth = 0, cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ';' && depth === 0) { out.push(cur.trim()); cur = ''; } else cur += ch;
  }
  out.push(cur.trim());
  return out.filter(Boolean);
}
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function expandKey(key: string, allCodes: string[]): string[] {
  if (key.includes(' / ')) return key.split(' / ').flatMap((k) => expandKey(k, allCodes));
  const range = /^(.+)\.([a-z])–([a-z])$/.exec(key);
  if (range) {
    const out: string[] = [];
    for (let c = range[2]!.charCodeAt(0); c <= range[3]!.charCodeAt(0); c++) out.push(`${range[1]}.${String.fromCharCode(c)}`);
    out.forEach((c) => check(allCodes.includes(c), `Appendix B row ${key}: no item ${c}`));
    return out;
  }
  if (allCodes.includes(key)) return [key];
  const inSub = allCodes.filter((c) => c.startsWith(`${key}.`) && c.split('.').length === key.split('.').length + 1);
  check(inSub.length > 0, `Appendix B row ${key} matches no item`);
  return inSub;
}

function buildEvidence(allCodes: string[]): Map<string, TextPair[]> {
  const out = new Map<string, TextPair[]>();
  const seen = new Set<string>();
  for (const line of section('## Appendix B', '## Appendix C')) {
    const m = /^\| ([AB]\.[^|]+?) \| (.+) \|$/.exec(line);
    if (!m) continue;
    const key = m[1]!;
    seen.add(key);
    let byItem: [string, TextPair[]][];
    if (EVIDENCE_PAIRED[key]) {
      check(m[2] === PAIRED_SOURCE[key], `Appendix B row ${key} changed: "${m[2]}"`);
      byItem = Object.entries(EVIDENCE_PAIRED[key]!).map(([code, pair]) => [code, [pair]]);
    } else {
      const en = splitEntries(m[2]!).map(capital);
      const id = EVIDENCE_ID[key];
      check(id, `Appendix B row ${key} has no Indonesian rendering`);
      check(id.length === en.length, `Appendix B row ${key}: ${en.length} entries, ${id.length} Indonesian renderings`);
      const pairs = en.map((e, i) => tp(id[i]!, e));
      byItem = expandKey(key, allCodes).map((code) => [code, pairs]);
    }
    for (const [code, pairs] of byItem) {
      check(!out.has(code), `Appendix B covers ${code} twice`);
      out.set(code, pairs.map((p) => ({ ...p })));
    }
  }
  for (const key of [...Object.keys(EVIDENCE_ID), ...Object.keys(EVIDENCE_PAIRED)]) check(seen.has(key), `Indonesian rendering for unknown Appendix B row ${key}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Titles
// ---------------------------------------------------------------------------------------------

const V90 = 'PermenPANRB 90/2021';
const V5 = 'PermenPANRB 5/2024';
const LKE = `${V90} Lampiran III (LKE)`;

/** the LKE prints area and aspect names in capitals; these are the same names in normal case */
const AREA_NODE_TITLES: Record<number, TextPair> = {
  1: tp('Manajemen Perubahan', 'Change management'),
  2: tp('Penataan Tatalaksana', 'Business process / administration reform'),
  3: tp('Penataan Sistem Manajemen SDM Aparatur', 'HR management system'),
  4: tp('Penguatan Akuntabilitas', 'Performance accountability'),
  5: tp('Penguatan Pengawasan', 'Supervision / oversight'),
  6: tp('Peningkatan Kualitas Pelayanan Publik', 'Public-service quality'),
};
const AREA_NODE_CAPS: Record<number, string> = {
  1: 'MANAJEMEN PERUBAHAN', 2: 'PENATAAN TATALAKSANA', 3: 'PENATAAN SISTEM MANAJEMEN SDM APARATUR',
  4: 'PENGUATAN AKUNTABILITAS', 5: 'PENGUATAN PENGAWASAN', 6: 'PENINGKATAN KUALITAS PELAYANAN PUBLIK',
};
/** Tabel 3 (Lampiran II hlm. 43) names of the six areas, with their combined weights */
const AREAS_90: RuleSet['areas'] = [
  { area: 1, title: tp('Manajemen Perubahan', 'Change management'), weight: 8 },
  { area: 2, title: tp('Penataan Tatalaksana', 'Business process / administration reform'), weight: 7 },
  { area: 3, title: tp('Penataan Sistem Manajemen SDM', 'HR management system'), weight: 10 },
  { area: 4, title: tp('Penguatan Akuntabilitas Kinerja', 'Performance accountability'), weight: 10 },
  { area: 5, title: tp('Penguatan Pengawasan', 'Supervision / oversight'), weight: 15 },
  { area: 6, title: tp('Peningkatan Kualitas Pelayanan Publik', 'Public-service quality'), weight: 10 },
];
const UPPER_TITLES: Record<string, [string, TextPair]> = {
  A: ['PENGUNGKIT', tp('Pengungkit', 'Enablers')],
  'A.I': ['PEMENUHAN', tp('Pemenuhan', 'Fulfilment')],
  'A.II': ['REFORM', tp('Reform', 'Reform')],
  B: ['HASIL', tp('Hasil', 'Results')],
  'B.I': ['BIROKRASI YANG BERSIH DAN AKUNTABEL', tp('Birokrasi yang Bersih dan Akuntabel', 'Clean and accountable bureaucracy')],
  'B.II': ['PELAYANAN PUBLIK YANG PRIMA', tp('Pelayanan Publik yang Prima', 'Excellent public service')],
};
/** sub-indicator titles the LKE table prints cut off */
const SUB_TITLE_FIX: Record<string, { printed: string; title: string; en?: string; defect: TextPair }> = {
  'A.II.2.i': {
    printed: 'Peta Proses Bisnis Mempengaruhi',
    title: 'Peta Proses Bisnis Mempengaruhi Penyederhanaan Jabatan',
    defect: tp(
      'Judul sub-indikator terpotong pada tabel LKE ("Peta Proses Bisnis Mempengaruhi"); dilengkapi menurut Lampiran I hlm. 20 ("Peta Proses Bisnis Mempengaruhi Penyederhanaan Jabatan").',
      'The LKE table cuts the title off ("Peta Proses Bisnis Mempengaruhi"); completed from Lampiran I p. 20 ("… Penyederhanaan Jabatan").',
    ),
  },
  'A.II.6.ii': {
    printed: 'Penanganan Pengaduan Pelayanan dan',
    title: 'Penanganan Pengaduan Pelayanan dan Konsultasi',
    en: 'Handling of service complaints and consultation',
    defect: tp(
      'Judul sub-indikator terpotong pada tabel LKE ("Penanganan Pengaduan Pelayanan dan"); kata terakhir "Konsultasi" direkonstruksi dari kriteria jawabannya ("Pengaduan pelayanan dan konsultasi …").',
      'The LKE table cuts the title off after "…Pelayanan dan"; the last word "Konsultasi" is reconstructed from the answer criteria ("Pengaduan pelayanan dan konsultasi …").',
    ),
  },
};

// ---------------------------------------------------------------------------------------------
// Defects (§3.10)
// ---------------------------------------------------------------------------------------------

const ITEM_DEFECTS: Record<string, TextPair> = {
  'A.I.3.iii.c': tp(
    'Rumusan pilihan C menyimpang dari pola ("sebagian besar kompetensi … >50%–75%"); rentang kesenjangan <25 %, >25–50 %, >50–75 %, >75–100 % tidak menentukan nilai tepat 25 %, 50 % dan 75 %.',
    'Option C is worded off-pattern ("sebagian besar kompetensi … >50%–75%"); the gap bands <25 %, >25–50 %, >50–75 %, >75–100 % leave exactly 25 %, 50 % and 75 % undefined.',
  ),
  'A.I.4.ii.g': tp(
    'Penjelasan kriteria pada LKE tersalin dari butir berikutnya ("ya, jika terdapat upaya peningkatan kapasitas SDM yang menangani akuntabilitas kinerja"), bukan tentang sistem informasi kinerja.',
    'The explanation printed in the LKE is copied from the next item ("ya, jika terdapat upaya peningkatan kapasitas SDM …") and is not about a performance information system.',
  ),
  'A.I.6.v.b': tp(
    'Dicetak sebagai butir "c" pada LKE (urutan a, c, b); dinomori ulang menjadi "b" menurut urutannya.',
    'Printed as item "c" in the LKE (order a, c, b); renumbered "b" by its position.',
  ),
  'A.I.6.v.c': tp(
    'Dicetak sebagai butir "b" pada LKE (urutan a, c, b); dinomori ulang menjadi "c" menurut urutannya.',
    'Printed as item "b" in the LKE (order a, c, b); renumbered "c" by its position.',
  ),
  'A.II.5.ii.a': tp(
    'LKE tidak menyebutkan rumus persentasenya; dipakai pengaduan selesai ditindaklanjuti ÷ pengaduan yang harus ditindaklanjuti (opsi: yang sedang diproses ikut dihitung).',
    'The LKE states no formula; completed ÷ to be followed up is used (option: complaints in process count too).',
  ),
  'B.I.b': tp(
    'Jenis jawaban A/B/C/D/E tetapi tabel LKE hanya mencetak a–d; pilihan e diambil dari Lampiran I hlm. 31 (yang juga merumuskan d secara berbeda: "Target kinerja utama tidak tercapai").',
    'Answer type A/B/C/D/E but the LKE table prints only a–d; option e is taken from Lampiran I p. 31 (which also words d differently: "Target kinerja utama tidak tercapai").',
  ),
};
const NODE_DEFECTS: Record<string, TextPair> = {
  'A.I.6.v': tp(
    'Butir-butir dicetak dengan urutan a, c, b (c = database pelayanan, b = perbaikan terus-menerus); dinomori ulang a, b, c menurut urutannya.',
    'Items are printed in the order a, c, b (c = service database, b = continuous improvement); renumbered a, b, c by position.',
  ),
};

// ---------------------------------------------------------------------------------------------
// PermenPANRB 90/2021
// ---------------------------------------------------------------------------------------------

function build90(): RuleSet {
  // nodes ---------------------------------------------------------------------------------------
  const nodes: RuleNode[] = [];
  for (const r of rawNodes) {
    let title: TextPair;
    let source: Source;
    let defect: TextPair | undefined;
    if (r.kind === 'component' || r.kind === 'aspect') {
      const t = UPPER_TITLES[r.code];
      check(t && t[0] === r.text, `${r.code}: raw title "${r.text}"`);
      title = t[1];
      source = src('V', `${V90} Lampiran II hlm. 43 (Tabel 3, Tabel 4) dan Lampiran III (LKE)`);
    } else if (r.kind === 'area') {
      check(AREA_NODE_CAPS[r.area!] === r.text, `${r.code}: raw title "${r.text}"`);
      const s = specArea.get(r.code);
      check(s && close(s.weight, r.weight), `${r.code}: Appendix A area weight ${s?.weight} ≠ raw ${r.weight}`);
      check(close(r.weight * 2, AREAS_90[r.area! - 1]!.weight), `${r.code}: half weight ${r.weight} ≠ Tabel 3 ${AREAS_90[r.area! - 1]!.weight} ÷ 2`);
      title = AREA_NODE_TITLES[r.area!]!;
      source = src('V', `${V90} Lampiran II hlm. 43 (Tabel 3: bobot area dibagi 50 % pemenuhan, 50 % reform) dan Lampiran III (LKE)`);
    } else {
      const s = specSub.get(r.code);
      check(s, `${r.code}: not in Appendix A`);
      check(close(s.weight, r.weight), `${r.code}: Appendix A weight ${s.weight} ≠ raw ${r.weight}`);
      const t32 = table32.get(r.code);
      check(t32 && close(t32.weight, r.weight), `${r.code}: §3.2 weight ${t32?.weight} ≠ raw ${r.weight}`);
      const fix = SUB_TITLE_FIX[r.code];
      if (fix) {
        check(fix.printed === r.text, `${r.code}: raw title "${r.text}"`);
        title = tp(fix.title, fix.en ?? s.en);
        defect = fix.defect;
      } else {
        title = tp(r.text, s.en);
      }
      defect ??= NODE_DEFECTS[r.code];
      source = src('V', LKE);
    }
    nodes.push({ code: r.code, kind: r.kind, title, weight: r.weight, parent: r.parent, area: r.area, source, ...(defect ? { defect } : {}) });
  }
  for (const code of [...Object.keys(NODE_DEFECTS), ...Object.keys(SUB_TITLE_FIX)]) check(nodes.some((n) => n.code === code), `defect on unknown node ${code}`);

  // items ---------------------------------------------------------------------------------------
  const perSub = new Map<string, number>();
  for (const r of rawItems) perSub.set(r.sub, (perSub.get(r.sub) ?? 0) + 1);
  for (const [code, t] of table32) check(perSub.get(code) === t.count, `${code}: ${perSub.get(code)} items in the raw LKE, §3.2 says ${t.count}`);

  const allCodes = rawItems.map((r) => r.code);
  const evidence = buildEvidence(allCodes);
  const bySeq = new Map<number, RuleOption[]>();
  const items: RuleItem[] = specItems.map((s, i) => {
    const r = rawItems[i]!;
    const type = TYPE_OF_SPEC[s.answerType];
    check(type, `${s.code}: unknown answer type "${s.answerType}"`);
    const rawType: AnswerType = r.rawType === null ? 'percent' : TYPE_OF_RAW[r.rawType]!;
    check(rawType === type, `${s.code}: raw type ${r.rawType} ≠ Appendix A ${s.answerType}`);
    if (type === 'percent') check(r.inputs.length > 0, `${s.code}: percent item without inputs in the raw LKE`);
    if (loose(s.question) !== loose(r.text)) {
      // the raw PDF text of B.II.a runs into the closing line of the table
      check(s.code === 'B.II.a' && loose(r.text).startsWith(loose(s.question)), `${s.code}: question differs: raw "${r.text}" / Appendix A "${s.question}"`);
      reviewNotes.push(`${s.code}: raw question "${r.text}" trimmed to "${s.question}"`);
    }
    const options = optionsOf(s, r, type, bySeq);
    bySeq.set(s.seq, options);

    const sub = rawNodeBy.get(r.sub)!;
    let weight: number;
    let source = src('V', LKE);
    if (s.code === 'A.II.5.iii.a' || s.code === 'A.II.5.iii.b') {
      weight = 1; // printed as sub-sub-indicators LHKPN 1,00 and LHKASN 1,00
      source = src('V', `${LKE}: sub-sub-indikator ${s.code.endsWith('a') ? 'LHKPN' : 'LHKASN'} berbobot 1,00`);
    } else if (s.code.startsWith('B.')) {
      check(s.weight !== null, `${s.code}: no weight in Appendix A`);
      weight = s.weight;
      const printed = { 'B.I.a': 17.5, 'B.I.b': 5, 'B.II.a': 17.5 }[s.code];
      check(printed === weight, `${s.code}: weight ${weight}`);
      source = s.code === 'B.I.b'
        ? src('V', `${LKE}; Lampiran II hlm. 43 Tabel 4; pilihan e: Lampiran I hlm. 31`)
        : src('V', `${LKE} (nilai 0–4); Lampiran II hlm. 43 Tabel 4; konversi nilai ÷ 4 × 17,50 sesuai ambang hlm. 53, 58`);
    } else {
      weight = sub.weight / perSub.get(r.sub)!; // equal shares inside a sub-indicator (§3.5)
    }

    let percent: Pick<RuleItem, 'inputs' | 'formula' | 'whenZero'> = {};
    if (type === 'percent') {
      const p = PERCENT[s.code];
      check(p, `${s.code}: percent item without a definition in PERCENT`);
      check(p.inputs.length === r.inputs.length, `${s.code}: ${r.inputs.length} raw inputs, ${p.inputs.length} defined`);
      check(s.inputs.length === r.inputs.length && s.inputs.every((x, j) => loose(x) === loose(r.inputs[j]!)), `${s.code}: Appendix A inputs differ from the raw LKE`);
      percent = {
        inputs: p.inputs.map((d, j): ItemInput => ({ key: d.key, label: tp(r.inputs[j]!, d.en), ...(d.sumOf ? { sumOf: d.sumOf } : {}) })),
        formula: p.formula,
        whenZero: p.whenZero,
      };
      if (s.code === 'A.II.5.ii.a') source = src('S', `${LKE} (masukan); rumus tidak tercantum [NF] — selesai ÷ harus ditindaklanjuti menurut layanan penilaian LKE berbasis Laravel`);
      else if (s.code === 'A.II.3.iii.a') source = src('V', `${LKE} (rumus); keduanya 0 → 100 % menurut implementasi [S]`);
      else source = src('V', `${LKE} (masukan dan rumus)`);
    }
    const ev = evidence.get(s.code);
    check(ev && ev.length > 0, `${s.code}: no evidence in Appendix B`);
    const defect = ITEM_DEFECTS[s.code];
    // fixed key order: the JSON diff of a re-run stays readable
    return {
      code: s.code, seq: s.seq, sub: r.sub, area: r.area, type,
      question: tp(s.question, s.en), options, weight,
      ...percent,
      evidence: ev,
      ...(defect ? { defect } : {}),
      source,
    };
  });
  for (const code of Object.keys(PERCENT)) check(items.some((i) => i.code === code && i.type === 'percent'), `PERCENT defines ${code}, which is not a percent item`);
  for (const code of Object.keys(ITEM_DEFECTS)) check(items.some((i) => i.code === code), `defect on unknown item ${code}`);

  // A.II.4.iii.a: the raw parse merged options a and b into one split option (3 splits for an
  // A/B/C/D item); its `opts` lines show a, b, c and d, as do Appendix A and the regulation text
  // (Lampiran III, "Kerangka Logis Kinerja"). The four criteria of Appendix A are used.
  const klk = items.find((i) => i.code === 'A.II.4.iii.a')!;
  const rawKlk = rawItems.find((r) => r.code === 'A.II.4.iii.a')!;
  check(klk.options.length === 4 && ['a.', 'b.', 'c.', 'd.'].every((m) => rawKlk.opts.some((l) => l.startsWith(m))), 'A.II.4.iii.a: expected the four lettered criteria in the raw opts');
  check(loose(rawKlk.opts.join(' ')) === loose(klk.options.map((o) => `${o.letter.toLowerCase()}. ${o.text}`).join(' ')), 'A.II.4.iii.a: raw opts lines differ from the four criteria');

  return {
    id: 'permenpanrb-90-2021',
    title: tp(
      'LKE Zona Integritas menurut PermenPANRB 90/2021 (diubah PermenPANRB 5/2024)',
      'Integrity Zone evaluation worksheet (LKE) of PermenPANRB 90/2021 (amended by PermenPANRB 5/2024)',
    ),
    regulation: 'PermenPANRB 90/2021 sebagaimana diubah PermenPANRB 5/2024',
    status: 'current',
    fromYear: 2022,
    toYear: null,
    supersedes: 'permenpanrb-52-2014',
    partial: false,
    defaults: { optionValues: 'official', areaMinimum: 'combined', complaintFormula: 'completed', zeroDenominator: 'perItem' },
    optionDocs: optionDocs(false),
    optionValues: OPTION_VALUES,
    indexMax: 4,
    nodes,
    items,
    areas: AREAS_90,
    thresholds: thresholds90(),
    prerequisites: prerequisites90(),
    notes: [
      tp(
        'Relaksasi Stranas PK (PermenPANRB 5/2024): unit kerja Pemerintah Daerah berupa rumah sakit umum daerah, dinas kependudukan dan catatan sipil, penyelenggara sistem administrasi manunggal satu atap (Samsat), pelayanan terpadu satu pintu, pelayanan pendidikan, dan pelayanan ketenagakerjaan tetap dapat membangun ZI dan diusulkan ke TPN meskipun masih dalam proses pemenuhan syarat Tabel 5.',
        'Stranas PK relaxation (PermenPANRB 5/2024): regional-government units that are regional hospitals (RSUD), population and civil registration offices, one-roof vehicle administration (Samsat), one-stop integrated services (PTSP), education services or employment services may build ZI and be proposed to TPN while still fulfilling the Tabel 5 requirements.',
      ),
      tp(
        'Apabila pada tahun pengusulan terdapat pelanggaran KKN di instansi, terutama yang melibatkan pimpinan tertinggi, usulan TPI digugurkan (PermenPANRB 90/2021 hlm. 65).',
        'If a KKN (corruption, collusion, nepotism) violation occurs in the instansi in the proposal year, especially one involving its top leader, the TPI proposal is annulled (PermenPANRB 90/2021 p. 65).',
      ),
      tp(
        'Bobot butir dalam satu sub-indikator dibagi rata (nilai sub-indikator = bobot × rata-rata nilai butir), kecuali A.II.5.iii: LHKPN 1,00 + LHKASN 1,00 [S: lembar kerja LKE yang dipublikasikan; aplikasi ZI BPS].',
        'Items share their sub-indicator weight equally (sub score = weight × mean of item values), except A.II.5.iii: LHKPN 1.00 + LHKASN 1.00 [S: published LKE workbooks; BPS ZI application].',
      ),
      tp(
        'Lampiran II memuat dua tabel bernomor "Tabel 5" (aspek penilaian ZI Kawasan dan kriteria pengajuan usulan); syarat pengusulan mengikuti Tabel 5 "Syarat Pengusulan ZI" PermenPANRB 5/2024.',
        'Lampiran II contains two different tables numbered "Tabel 5" (kawasan assessment aspects and proposal criteria); proposal requirements follow Tabel 5 "Syarat Pengusulan ZI" of PermenPANRB 5/2024.',
      ),
    ],
    sources: [
      src('V', `${V90} tentang Pembangunan dan Evaluasi Zona Integritas menuju WBK dan WBBM di Instansi Pemerintah (BN 2021 No. 1571): Lampiran I (pembangunan), Lampiran II (evaluasi, Tabel 3, 4, 6), Lampiran III (LKE)`),
      src('V', `${V5} tentang Perubahan atas ${V90}: Lampiran II Bab II (Tabel 5 Syarat Pengusulan ZI, relaksasi Stranas PK)`),
      src('S', 'Nilai pilihan jawaban dan batas per area: dump SQL aplikasi ZI/TPI BPS (tabel opsi, pilar, dokumenlke) dan lembar kerja LKE yang dipublikasikan unit kerja'),
      src('S', 'Rumus persentase, pembatasan 100 % dan aturan tanpa pengaduan: layanan penilaian LKE berbasis Laravel (UpdateRowService)'),
    ],
  };
}

const OPTION_VALUES: RuleSet['optionValues'] = {
  official: {
    yn: { Ya: 1, Tidak: 0 },
    abc: { A: 1, B: 0.5, C: 0 },
    abcd: { A: 1, B: 0.67, C: 0.33, D: 0 },
    abcde: { A: 1, B: 0.75, C: 0.5, D: 0.25, E: 0 },
  },
  exact: {
    yn: { Ya: 1, Tidak: 0 },
    abc: { A: 1, B: 0.5, C: 0 },
    abcd: { A: 1, B: 2 / 3, C: 1 / 3, D: 0 },
    abcde: { A: 1, B: 0.75, C: 0.5, D: 0.25, E: 0 },
  },
};

/**
 * OptionDocs in lke.types.ts types `values` as OptionValueMode[] for every option; each option
 * really lists its own modes, typed here and cast once.
 */
type OptionDocsData = { [K in keyof RuleSetOptions]: Omit<OptionDocs, 'values' | 'default'> & { values: RuleSetOptions[K][]; default: RuleSetOptions[K] } };

function optionDocs(legacy: boolean): RuleSet['optionDocs'] {
  const docs: OptionDocsData = {
    optionValues: {
      values: ['official', 'exact'],
      default: 'official',
      why: tp(
        'Nilai pilihan jawaban: Ya = 1, Tidak = 0; A/B/C = 1; 0,5; 0; A/B/C/D = 1; 0,67; 0,33; 0; A–E = 1; 0,75; 0,5; 0,25; 0. "official" memakai nilai dua desimal 0,67/0,33 seperti lembar kerja LKE resmi yang dipakai unit dan evaluator, sehingga angka sama dengan yang mereka bandingkan; "exact" memakai pecahan tepat 2/3 dan 1/3. Nilai ini tidak tertulis dalam peraturan.',
        'Option values: Ya = 1, Tidak = 0; A/B/C = 1, 0.5, 0; A/B/C/D = 1, 0.67, 0.33, 0; A–E = 1, 0.75, 0.5, 0.25, 0. "official" uses the two-decimal 0.67/0.33 of the official LKE workbook that units and evaluators use, so the numbers match what users compare against; "exact" uses the exact thirds 2/3 and 1/3. The values are not stated in the regulation.',
      ),
      source: src('S', 'domain-spec §3.3: aplikasi ZI BPS (tabel opsi), lembar kerja LKE yang dipublikasikan; konsisten dengan ambang capaian kinerja 2,50/3,75 (PermenPANRB 90/2021 hlm. 53)'),
    },
    areaMinimum: {
      values: ['combined', 'perHalf', 'both'],
      default: 'combined',
      why: legacy
        ? tp(
          'PermenPANRB 52/2014 tidak menetapkan batas minimal per area; opsi ini tidak berpengaruh pada aturan lama.',
          'PermenPANRB 52/2014 sets no per-area minimum; the option has no effect on the legacy rules.',
        )
        : tp(
          '"Bobot nilai per area pengungkit minimal 60 % (WBK) / 75 % (WBBM)": "combined" (bawaan, bacaan harfiah) menilai tiap area dengan pemenuhan + reform digabung (bobot 8/7/10/10/15/10); "perHalf" menerapkan batas terpisah pada separuh pemenuhan dan separuh reform seperti aplikasi BPS; "both" mensyaratkan keduanya. Pertanyaan terbuka (§16) untuk pemilik produk.',
          '"Bobot nilai per area pengungkit minimal 60 % (WBK) / 75 % (WBBM)": "combined" (default, the literal reading) checks each area with fulfilment + reform together (weights 8/7/10/10/15/10); "perHalf" applies the minimum to the fulfilment half and the reform half separately, as the BPS application does; "both" requires both. An open question (§16) for the product owner.',
        ),
      source: legacy
        ? src('V', 'PermenPANRB 52/2014 hlm. 22–23 (ambang penetapan tanpa batas per area)')
        : src('V', 'PermenPANRB 90/2021 Lampiran II hlm. 52–53 dan Tabel 6 hlm. 58; penerapan per separuh area: aplikasi ZI BPS, pilar.min_wbk/min_wbbm [S]'),
    },
    complaintFormula: {
      values: ['completed', 'completedOrInProcess'],
      default: 'completed',
      why: tp(
        'Persentase penanganan pengaduan masyarakat (A.II.5.ii.a): peraturan tidak menyebutkan rumusnya. "completed" (bawaan) = selesai ditindaklanjuti ÷ harus ditindaklanjuti, seperti implementasi yang ditemukan; "completedOrInProcess" = (selesai + sedang diproses) ÷ harus ditindaklanjuti, untuk evaluator yang juga menghargai pengaduan yang sedang diproses.',
        'Percentage of public complaints handled (A.II.5.ii.a): the regulation states no formula. "completed" (default) = completed ÷ to be followed up, as the implementation found does; "completedOrInProcess" = (completed + in process) ÷ to be followed up, for evaluators who also credit complaints in process.',
      ),
      source: src('S', 'domain-spec §3.4 dan §16: rumus [NF] dalam PermenPANRB 90/2021; layanan penilaian LKE berbasis Laravel'),
    },
    zeroDenominator: {
      values: ['perItem', 'full', 'zero'],
      default: 'perItem',
      why: tp(
        'Jika penyebut suatu butir persentase 0: "perItem" (bawaan) memakai ketentuan masing-masing butir (whenZero): pelanggaran disiplin 0 pada kedua tahun → 100 %, tidak ada pengaduan → 100 %, tidak ada wajib lapor LHKPN/LHKASN → 100 %, sedangkan tanpa agen perubahan, perubahan, sasaran kinerja atau layanan terdaftar → 0 %; "full" selalu 100 %; "zero" selalu 0 %.',
        'When the denominator of a percent item is 0: "perItem" (default) applies each item\'s own rule (whenZero): no discipline violations in either year → 100 %, no complaints → 100 %, nobody obliged to file LHKPN/LHKASN → 100 %, while no change agents, changes, performance targets or registered services → 0 %; "full" always gives 100 %; "zero" always 0 %.',
      ),
      source: src('S', 'domain-spec §3.4: 0 → 100 % untuk pelanggaran disiplin dan pengaduan menurut implementasi; butir lain belum ditetapkan peraturan ("decide")'),
    },
  };
  return docs as unknown as RuleSet['optionDocs'];
}

function thresholds90(): RuleSet['thresholds'] {
  const pra = `${V90} Lampiran II hlm. 52–53 (pra-evaluasi TPN) dan Tabel 6 hlm. 58 (penetapan)`;
  const set = (p: { total: number; pengungkit: number; area: number; bi: number; bia: number; bib: number; bii: number }): ThresholdCriterion[] => [
    { id: 'total', kind: 'total', min: p.total, label: tp('Nilai total', 'Total score'), source: src('V', pra) },
    { id: 'pengungkit', kind: 'node', node: 'A', min: p.pengungkit, label: tp('Nilai pengungkit', 'Enablers score'), source: src('V', pra) },
    { id: 'area', kind: 'areaPercent', minPercent: p.area, label: tp('Nilai per area pengungkit', 'Score per enabler area'), source: src('V', `${V90} Lampiran II hlm. 53 ("bobot nilai per area pengungkit") dan Tabel 6 hlm. 58`) },
    { id: 'B.I', kind: 'node', node: 'B.I', min: p.bi, label: tp('Birokrasi yang bersih dan akuntabel', 'Clean and accountable bureaucracy'), source: src('V', pra) },
    { id: 'B.I.a', kind: 'node', node: 'B.I.a', min: p.bia, label: tp('Survei Persepsi Anti Korupsi', 'Anti-corruption perception survey'), source: src('V', `${pra}; 15,75 = IPAK 3,60`) },
    { id: 'B.I.b', kind: 'node', node: 'B.I.b', min: p.bib, label: tp('Capaian kinerja lebih baik', 'Better performance achievement'), source: src('V', pra) },
    { id: 'B.II', kind: 'node', node: 'B.II', min: p.bii, label: tp('Pelayanan publik yang prima', 'Excellent public service'), source: src('V', `${pra}; ${p.bii === 14 ? '14,00 = IPKP 3,20' : '15,75 = IPKP 3,60'}`) },
  ];
  return {
    WBK: set({ total: 75, pengungkit: 40, area: 60, bi: 18.25, bia: 15.75, bib: 2.5, bii: 14 }),
    WBBM: set({ total: 85, pengungkit: 48, area: 75, bi: 19.5, bia: 15.75, bib: 3.75, bii: 15.75 }),
  };
}

const GRADES = ['E', 'D', 'C', 'CC', 'B', 'BB', 'A', 'AA'];
const BPK = ['TMP', 'TW', 'WDP', 'WTP'];

function prerequisites90(): Prerequisite[] {
  const t5 = src('V', `${V5} Lampiran II Bab II Tabel 5 "Syarat Pengusulan ZI" (nilai sama dengan ${V90} hlm. 46)`);
  const both: ('WBK' | 'WBBM')[] = ['WBK', 'WBBM'];
  return [
    { id: 'bpkOpinion', kind: 'grade', scale: BPK, min: { WBK: 'WTP', WBBM: 'WTP' }, label: tp('Opini BPK atas laporan keuangan instansi', 'BPK audit opinion on the instansi'), source: t5, predicates: both },
    { id: 'sakipInstansi', kind: 'grade', scale: GRADES, min: { WBK: 'B', WBBM: 'BB' }, label: tp('Predikat SAKIP instansi', 'SAKIP predicate of the instansi'), source: t5, predicates: both },
    {
      id: 'indeksRb', kind: 'grade', scale: GRADES, min: { WBK: 'CC', WBBM: 'B' },
      label: tp('Indeks RB instansi (Pemerintah Daerah; untuk kementerian/lembaga minimal B / BB)', 'Bureaucratic-reform index of the instansi (regional government; ministries/agencies need B / BB)'),
      source: t5, predicates: both,
    },
    { id: 'spipLevel', kind: 'number', min: { WBK: 3, WBBM: 3 }, unit: 'level', label: tp('Level maturitas SPIP', 'SPIP maturity level'), source: t5, predicates: both },
    { id: 'coreService', kind: 'boolean', label: tp('Unit kerja merupakan core layanan instansinya', 'The unit delivers a core service of its instansi'), source: t5, predicates: both },
    { id: 'publicImpact', kind: 'boolean', label: tp('Memberikan dampak signifikan terhadap persepsi masyarakat tentang kualitas birokrasi', 'Significant impact on public perception of bureaucratic quality'), source: t5, predicates: both },
    { id: 'tlhp', kind: 'number', min: { WBK: 100, WBBM: 100 }, unit: '%', label: tp('Tingkat penyelesaian tindak lanjut hasil pengawasan/pemeriksaan APIP/BPK', 'Completion of follow-up of APIP/BPK audit findings'), source: t5, predicates: both },
    { id: 'lhkpnLhkasn', kind: 'number', min: { WBK: 100, WBBM: 100 }, unit: '%', label: tp('Kepatuhan penyampaian LHKASN dan LHKPN', 'Compliance with LHKASN and LHKPN filing'), source: t5, predicates: both },
    { id: 'buildingYears', kind: 'number', min: { WBK: 1, WBBM: 1 }, unit: 'tahun', label: tp('Lama pembangunan ZI', 'Years spent building ZI'), source: t5, predicates: both },
    { id: 'sakipUnit', kind: 'grade', scale: GRADES, min: { WBK: 'B', WBBM: 'BB' }, label: tp('Predikat SAKIP unit kerja dari evaluasi internal', 'SAKIP predicate of the unit from internal evaluation'), source: t5, predicates: both },
    { id: 'priorWbk', kind: 'boolean', label: tp('Sudah berpredikat Menuju WBK', 'Already holds the Menuju WBK predicate'), source: src('V', `${V90} Lampiran II Tabel 6 hlm. 58`), predicates: ['WBBM'] },
  ];
}

// ---------------------------------------------------------------------------------------------
// PermenPANRB 52/2014 (revoked): as far as the spec knows it (§4)
// ---------------------------------------------------------------------------------------------

function build52(): RuleSet {
  const V52 = 'PermenPANRB 52/2014';
  const areaW = [5, 5, 15, 10, 15, 10];
  const areaTitles = [
    tp('Manajemen Perubahan', 'Change management'),
    tp('Penataan Tatalaksana', 'Business process / administration reform'),
    tp('Penataan Sistem Manajemen SDM', 'HR management system'),
    tp('Penguatan Akuntabilitas Kinerja', 'Performance accountability'),
    tp('Penguatan Pengawasan', 'Supervision / oversight'),
    tp('Peningkatan Kualitas Pelayanan Publik', 'Public-service quality'),
  ];
  const nodes: RuleNode[] = [
    { code: 'A', kind: 'component', title: tp('Pengungkit', 'Enablers'), weight: 60, parent: null, area: null, source: src('V', `${V52} hlm. 9`) },
    ...areaTitles.map((title, i): RuleNode => ({
      code: `A.${i + 1}`, kind: 'area', title, weight: areaW[i]!, parent: 'A', area: i + 1, source: src('V', `${V52} hlm. 10`),
    })),
    { code: 'B', kind: 'component', title: tp('Hasil', 'Results'), weight: 40, parent: null, area: null, source: src('V', `${V52} hlm. 9`) },
    { code: 'B.I', kind: 'aspect', title: tp('Pemerintahan yang bersih dan bebas KKN', 'Clean government free of corruption, collusion and nepotism'), weight: 20, parent: 'B', area: null, source: src('V', `${V52} hlm. 19`) },
    { code: 'B.II', kind: 'aspect', title: tp('Peningkatan kualitas pelayanan publik', 'Improved public-service quality'), weight: 20, parent: 'B', area: null, source: src('V', `${V52} hlm. 19`) },
  ];
  const items: RuleItem[] = [
    {
      code: 'B.I.a', seq: 1, sub: 'B.I', area: null, type: 'index',
      question: tp('Nilai persepsi korupsi (survei eksternal)', 'Corruption perception score (external survey)'),
      options: [], weight: 15,
      evidence: [tp('Laporan survei persepsi korupsi (metode, sampel, indeks)', 'Corruption perception survey report (method, sample, index)')],
      source: src('U', `${V52} hlm. 19 menyebut survei persepsi korupsi; pembagian 15 (IPAK) + 5 (TLHP) disimpulkan dari ambang 13,5 = 3,6 ÷ 4 × 15 (hlm. 22), skala 0–4 belum diverifikasi`),
    },
    {
      code: 'B.I.b', seq: 2, sub: 'B.I', area: null, type: 'percent',
      question: tp('Persentase penyelesaian tindak lanjut hasil pemeriksaan (TLHP)', 'Completion rate of audit-finding follow-up (TLHP)'),
      options: [], weight: 5,
      inputs: [
        { key: 'findings', label: tp('Jumlah temuan/rekomendasi hasil pemeriksaan', 'Number of audit findings/recommendations') },
        { key: 'completed', label: tp('Jumlah temuan/rekomendasi yang selesai ditindaklanjuti', 'Number of findings/recommendations followed up completely') },
      ],
      formula: { kind: 'ratio', numerator: 'completed', denominator: 'findings' },
      whenZero: 'full',
      evidence: [tp('Laporan pemantauan tindak lanjut hasil pemeriksaan (daftar temuan dan status tindak lanjut)', 'Audit follow-up monitoring report (findings and their follow-up status)')],
      source: src('U', `${V52} hlm. 19 menyebut persentase penyelesaian TLHP; bobot 5 dan nilai = persentase × 5 belum diverifikasi; tanpa temuan → 100 % ditetapkan di sini`),
    },
    {
      code: 'B.II.a', seq: 3, sub: 'B.II', area: null, type: 'index',
      question: tp('Nilai persepsi kualitas pelayanan (survei eksternal)', 'Service-quality perception score (external survey)'),
      options: [], weight: 20,
      evidence: [tp('Laporan survei persepsi kualitas pelayanan (metode, sampel, indeks)', 'Service-quality perception survey report (method, sample, index)')],
      source: src('U', `${V52} hlm. 19 (bobot 20, survei eksternal); skala 0–4 dan konversi linear belum diverifikasi (ambang 16 = 3,2 ÷ 4 × 20)`),
    },
  ];
  const th = (bii: boolean, total: number): ThresholdCriterion[] => {
    const ref = src('V', `${V52} hlm. ${bii ? '22–23' : '22'}`);
    const out: ThresholdCriterion[] = [
      { id: 'total', kind: 'total', min: total, label: tp('Nilai total', 'Total score'), source: ref },
      { id: 'B.I', kind: 'node', node: 'B.I', min: 18, label: tp('Pemerintahan yang bersih dan bebas KKN', 'Clean government free of KKN'), source: ref },
      { id: 'B.I.a', kind: 'node', node: 'B.I.a', min: 13.5, label: tp('Survei Persepsi Anti Korupsi', 'Anti-corruption perception survey'), source: ref },
      { id: 'B.I.b', kind: 'node', node: 'B.I.b', min: 3.5, label: tp('Penyelesaian TLHP', 'Audit follow-up completion (TLHP)'), source: ref },
    ];
    if (bii) out.push({ id: 'B.II', kind: 'node', node: 'B.II', min: 16, label: tp('Peningkatan kualitas pelayanan publik', 'Improved public-service quality'), source: ref });
    return out;
  };
  const pre = src('V', `${V52} hlm. 20–21`);
  return {
    id: 'permenpanrb-52-2014',
    title: tp('LKE Zona Integritas menurut PermenPANRB 52/2014 (dicabut)', 'Integrity Zone evaluation worksheet (LKE) of PermenPANRB 52/2014 (revoked)'),
    regulation: 'PermenPANRB 52/2014 sebagaimana diubah PermenPANRB 10/2019 (dicabut PermenPANRB 90/2021)',
    status: 'revoked',
    fromYear: 2014,
    toYear: 2021,
    supersedes: null,
    partial: true,
    defaults: { optionValues: 'official', areaMinimum: 'combined', complaintFormula: 'completed', zeroDenominator: 'perItem' },
    optionDocs: optionDocs(true),
    optionValues: OPTION_VALUES,
    indexMax: 4,
    nodes,
    items,
    areas: areaTitles.map((title, i) => ({ area: i + 1, title, weight: areaW[i]! })),
    thresholds: { WBK: th(false, 75), WBBM: th(true, 85) },
    prerequisites: [
      { id: 'bpkOpinion', kind: 'grade', scale: BPK, min: { WBK: 'WTP', WBBM: 'WTP' }, label: tp('Opini BPK atas laporan keuangan instansi', 'BPK audit opinion on the instansi'), source: pre, predicates: ['WBK', 'WBBM'] },
      { id: 'bpkOpinionTwoYears', kind: 'boolean', label: tp('Opini WTP dua tahun berturut-turut', 'WTP opinion two years in a row'), source: pre, predicates: ['WBBM'] },
      { id: 'sakipInstansi', kind: 'grade', scale: GRADES, min: { WBK: 'CC', WBBM: 'CC' }, label: tp('Nilai AKIP instansi', 'AKIP (performance accountability) grade of the instansi'), source: pre, predicates: ['WBK', 'WBBM'] },
      { id: 'unitLevel', kind: 'boolean', label: tp('Unit kerja setingkat eselon I–III', 'Unit at echelon I–III level'), source: src('V', `${V52} hlm. 20`), predicates: ['WBK'] },
      { id: 'strategicService', kind: 'boolean', label: tp('Unit kerja melaksanakan fungsi pelayanan strategis', 'Unit performs a strategic service function'), source: src('V', `${V52} hlm. 20`), predicates: ['WBK'] },
      { id: 'rbPrograms', kind: 'boolean', label: tp('Program reformasi birokrasi telah dilaksanakan dengan baik', 'Bureaucratic-reform programmes implemented well'), source: src('V', `${V52} hlm. 20`), predicates: ['WBK'] },
      { id: 'largeResources', kind: 'boolean', label: tp('Unit kerja mengelola sumber daya yang cukup besar', 'Unit manages substantial resources'), source: src('V', `${V52} hlm. 20`), predicates: ['WBK'] },
      { id: 'priorWbk', kind: 'boolean', label: tp('Sudah berpredikat WBK', 'Already holds the WBK predicate'), source: pre, predicates: ['WBBM'] },
    ],
    notes: [
      tp(
        'Data tidak lengkap: lampiran LKE PermenPANRB 52/2014 berupa hasil pindai dan tidak terbaca, sehingga hanya bobot yang diketahui; nilai area pengungkit dicatat langsung per area. Isi PermenPANRB 10/2019 tidak ditemukan [NF].',
        'Incomplete data: the LKE annex of PermenPANRB 52/2014 is scanned and could not be read, so only the weights are known; enabler areas are recorded as area scores. The content of PermenPANRB 10/2019 was not found [NF].',
      ),
      tp(
        'Perubahan 2014 → 2021: TLHP berpindah dari komponen hasil menjadi syarat 100 %; ditambahkan capaian kinerja (5,00); IPAK dan IPKP masing-masing 17,50; pengungkit dibagi pemenuhan/reform; bobot area berubah (MP 5→8, PT 5→7, SDM 15→10).',
        'Changes 2014 → 2021: TLHP moved from a result to a 100 % prerequisite; a performance-achievement result (5.00) was added; IPAK and IPKP weigh 17.50 each; enablers split into fulfilment/reform; area weights changed (MP 5→8, PT 5→7, SDM 15→10).',
      ),
    ],
    sources: [
      src('V', `${V52} tentang Pedoman Pembangunan ZI menuju WBK dan WBBM di Lingkungan Instansi Pemerintah (BN 2014 No. 1813), hlm. 9–23; lampiran LKE tidak terbaca`),
      src('V', 'PermenPANRB 90/2021 Pasal 6: mencabut PermenPANRB 52/2014 dan 10/2019'),
      src('S', 'dinkopukm.slemankab.go.id, Komponen Zona Integritas (bobot area 52/2014)'),
      src('U', 'Pembagian IPAK 15 + TLHP 5 dan nilai TLHP = persentase × 5: disimpulkan dari ambang, belum diverifikasi'),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Write
// ---------------------------------------------------------------------------------------------

const sets = [build90(), build52()];
mkdirSync(outDir, { recursive: true });
for (const rs of sets) {
  const file = path.join(outDir, `${rs.id}.json`);
  writeFileSync(file, JSON.stringify(rs, null, 2) + '\n');
  console.log(`wrote ${path.relative(root, file)}: ${rs.nodes.length} nodes, ${rs.items.length} items`);
}
if (reviewNotes.length) {
  console.log(`\nresolved differences between the raw PDF parse and Appendix A (${reviewNotes.length}):`);
  for (const n of reviewNotes) console.log(`  ${n}`);
}
// the loader validates every rule set at import: a file it would refuse fails here too
const loader = await import('../src/modules/assessment/lke.ruleset.ts');
console.log(`\nloaded: ${loader.listRuleSets().map((r) => `${r.id} (${r.status})`).join(', ')}`);
