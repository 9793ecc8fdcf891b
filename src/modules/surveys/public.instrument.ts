// What the public form needs of a questionnaire, in the visitor's language: items in instrument
// order with their question and labelled answers, and the optional respondent-profile lists.
// TEMPORARY private copy: the questionnaires are the survey core's rule data (getInstrument in
// surveys.rules.ts); until those land this file carries the standard texts (domain spec §6.2 and
// §5.1) so the public side can be built and tested. It is replaced by an adapter over the core's
// exports as soon as they exist.
import { createHash } from 'node:crypto';
import type { Locale } from '../../kernel/i18n.ts';
import type { FormInstrument } from './public.rules.ts';

type L = { id: string; en: string };
interface PrivateItem { code: string; name: L; question: L; options: L[] }
interface PrivateInstrument { id: string; kind: 'skm' | 'spak' | 'spkp'; title: L; items: PrivateItem[] }

const SKM_ITEMS: PrivateItem[] = [
  { code: 'U1', name: { id: 'Persyaratan', en: 'Requirements' },
    question: { id: 'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?', en: 'How well do the service requirements fit the kind of service?' },
    options: [{ id: 'Tidak sesuai', en: 'Not appropriate' }, { id: 'Kurang sesuai', en: 'Somewhat inappropriate' }, { id: 'Sesuai', en: 'Appropriate' }, { id: 'Sangat sesuai', en: 'Very appropriate' }] },
  { code: 'U2', name: { id: 'Sistem, mekanisme, dan prosedur', en: 'Procedure' },
    question: { id: 'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?', en: 'How easy is the service procedure of this unit?' },
    options: [{ id: 'Tidak mudah', en: 'Not easy' }, { id: 'Kurang mudah', en: 'Somewhat difficult' }, { id: 'Mudah', en: 'Easy' }, { id: 'Sangat mudah', en: 'Very easy' }] },
  { code: 'U3', name: { id: 'Waktu penyelesaian', en: 'Completion time' },
    question: { id: 'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?', en: 'How fast was the service delivered?' },
    options: [{ id: 'Tidak cepat', en: 'Not fast' }, { id: 'Kurang cepat', en: 'Somewhat slow' }, { id: 'Cepat', en: 'Fast' }, { id: 'Sangat cepat', en: 'Very fast' }] },
  { code: 'U4', name: { id: 'Biaya/tarif', en: 'Cost or fee' },
    question: { id: 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?', en: 'How fair is the cost or fee of the service?' },
    options: [{ id: 'Sangat mahal', en: 'Very expensive' }, { id: 'Cukup mahal', en: 'Fairly expensive' }, { id: 'Murah', en: 'Cheap' }, { id: 'Gratis', en: 'Free' }] },
  { code: 'U5', name: { id: 'Produk spesifikasi jenis pelayanan', en: 'Service product' },
    question: { id: 'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?', en: 'How well does what you received match the product stated in the service standard?' },
    options: [{ id: 'Tidak sesuai', en: 'Not matching' }, { id: 'Kurang sesuai', en: 'Partly matching' }, { id: 'Sesuai', en: 'Matching' }, { id: 'Sangat sesuai', en: 'Fully matching' }] },
  { code: 'U6', name: { id: 'Kompetensi pelaksana', en: 'Staff competence' },
    question: { id: 'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?', en: 'How competent were the staff who served you?' },
    options: [{ id: 'Tidak kompeten', en: 'Not competent' }, { id: 'Kurang kompeten', en: 'Somewhat competent' }, { id: 'Kompeten', en: 'Competent' }, { id: 'Sangat kompeten', en: 'Very competent' }] },
  { code: 'U7', name: { id: 'Perilaku pelaksana', en: 'Staff conduct' },
    question: { id: 'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?', en: 'How polite and friendly were the staff?' },
    options: [{ id: 'Tidak sopan dan ramah', en: 'Not polite or friendly' }, { id: 'Kurang sopan dan ramah', en: 'Somewhat polite and friendly' }, { id: 'Sopan dan ramah', en: 'Polite and friendly' }, { id: 'Sangat sopan dan ramah', en: 'Very polite and friendly' }] },
  { code: 'U8', name: { id: 'Sarana dan prasarana', en: 'Facilities' },
    question: { id: 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?', en: 'How good are the facilities?' },
    options: [{ id: 'Buruk', en: 'Poor' }, { id: 'Cukup', en: 'Fair' }, { id: 'Baik', en: 'Good' }, { id: 'Sangat baik', en: 'Very good' }] },
  { code: 'U9', name: { id: 'Penanganan pengaduan, saran dan masukan', en: 'Complaint handling' },
    question: { id: 'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?', en: 'How are complaints from service users handled?' },
    options: [{ id: 'Tidak ada', en: 'There is none' }, { id: 'Ada tetapi tidak berfungsi', en: 'Exists but does not work' }, { id: 'Berfungsi kurang maksimal', en: 'Works, but not fully' }, { id: 'Dikelola dengan baik', en: 'Well managed' }] },
];

const FREQUENCY: L[] = [{ id: 'Selalu', en: 'Always' }, { id: 'Sering', en: 'Often' }, { id: 'Jarang', en: 'Rarely' }, { id: 'Tidak pernah', en: 'Never' }];
const SPAK_ITEMS: PrivateItem[] = [
  { code: 'A1', name: { id: 'Diskriminasi pelayanan', en: 'Discrimination' },
    question: { id: 'Apakah petugas membedakan pelayanan karena suku, agama, kekerabatan, almamater, atau hubungan lain?', en: 'Did staff treat people differently because of ethnicity, religion, kinship, school or other ties?' }, options: FREQUENCY },
  { code: 'A2', name: { id: 'Kecurangan pelayanan', en: 'Improper service' },
    question: { id: 'Apakah ada pelayanan yang tidak sesuai dengan ketentuan (persyaratan, prosedur, waktu)?', en: 'Was any service given outside the rules (requirements, procedure, time)?' }, options: FREQUENCY },
  { code: 'A3', name: { id: 'Imbalan dan/atau gratifikasi', en: 'Rewards or gratuities' },
    question: { id: 'Apakah petugas meminta atau menerima imbalan uang/barang di luar ketentuan?', en: 'Did staff ask for or accept money or gifts outside the rules?' }, options: FREQUENCY },
  { code: 'A4', name: { id: 'Percaloan', en: 'Brokers' },
    question: { id: 'Apakah ada calo, dari dalam maupun luar unit, dalam pelayanan?', en: 'Were there brokers (touts), from inside or outside the unit?' }, options: FREQUENCY },
  { code: 'A5', name: { id: 'Pungutan liar', en: 'Illegal fees' },
    question: { id: 'Apakah ada pungutan di luar tarif resmi?', en: 'Were you charged anything beyond the official fee?' }, options: FREQUENCY },
];

const INSTRUMENTS: PrivateInstrument[] = [
  { id: 'skm', kind: 'skm', title: { id: 'Survei Kepuasan Masyarakat', en: 'Public Satisfaction Survey' }, items: SKM_ITEMS },
  { id: 'spkp', kind: 'spkp', title: { id: 'Survei Persepsi Kualitas Pelayanan', en: 'Service Quality Perception Survey' }, items: SKM_ITEMS },
  { id: 'spak', kind: 'spak', title: { id: 'Survei Persepsi Anti Korupsi', en: 'Anti-Corruption Perception Survey' }, items: SPAK_ITEMS },
];

const PROFILE: { field: string; label: L; options: { value: string; label: L }[] }[] = [
  { field: 'sex', label: { id: 'Jenis kelamin', en: 'Sex' }, options: [
    { value: 'l', label: { id: 'Laki-laki', en: 'Male' } }, { value: 'p', label: { id: 'Perempuan', en: 'Female' } }] },
  { field: 'age', label: { id: 'Usia', en: 'Age' }, options: [
    { value: 'lt20', label: { id: 'di bawah 20 tahun', en: 'under 20' } }, { value: '20_29', label: { id: '20–29 tahun', en: '20–29' } },
    { value: '30_39', label: { id: '30–39 tahun', en: '30–39' } }, { value: '40_49', label: { id: '40–49 tahun', en: '40–49' } },
    { value: '50plus', label: { id: '50 tahun ke atas', en: '50 or over' } }] },
  { field: 'education', label: { id: 'Pendidikan terakhir', en: 'Education' }, options: [
    { value: 'sd', label: { id: 'SD atau di bawahnya', en: 'Primary school or less' } }, { value: 'smp', label: { id: 'SMP', en: 'Junior secondary' } },
    { value: 'sma', label: { id: 'SMA/SMK', en: 'Senior secondary' } }, { value: 'diploma', label: { id: 'D1–D4', en: 'Diploma' } },
    { value: 's1', label: { id: 'S1', en: 'Bachelor' } }, { value: 's2', label: { id: 'S2/S3', en: 'Master or doctorate' } }] },
  { field: 'occupation', label: { id: 'Pekerjaan', en: 'Occupation' }, options: [
    { value: 'asn', label: { id: 'ASN/TNI/Polri', en: 'Civil servant, military or police' } }, { value: 'swasta', label: { id: 'Pegawai swasta', en: 'Private employee' } },
    { value: 'wirausaha', label: { id: 'Wirausaha', en: 'Self-employed' } }, { value: 'pelajar', label: { id: 'Pelajar/mahasiswa', en: 'Student' } },
    { value: 'lainnya', label: { id: 'Lainnya', en: 'Other' } }] },
];

function find(instrumentId: string): PrivateInstrument | null {
  const id = instrumentId.toLowerCase();
  return INSTRUMENTS.find((i) => id === i.id || id.startsWith(`${i.id}-`) || id.startsWith(`${i.id}_`)) ?? null;
}

/** The questionnaire as validation needs it, or null for an unknown instrument. */
export function formInstrumentOf(instrumentId: string): FormInstrument | null {
  const inst = find(instrumentId);
  if (!inst) return null;
  return {
    id: inst.id, kind: inst.kind,
    items: inst.items.map((i) => ({ code: i.code, min: 1, max: i.options.length })),
    profile: Object.fromEntries(PROFILE.map((p) => [p.field, p.options.map((o) => o.value)])),
  };
}

export interface FormView {
  title: string;
  items: { code: string; name: string; question: string; options: { value: number; label: string }[] }[];
  profile: { field: string; label: string; options: { value: string; label: string }[] }[];
}

/** The questionnaire's texts in a language. */
export function formViewOf(instrumentId: string, locale: Locale): FormView | null {
  const inst = find(instrumentId);
  if (!inst) return null;
  return {
    title: inst.title[locale],
    items: inst.items.map((i) => ({ code: i.code, name: i.name[locale], question: i.question[locale], options: i.options.map((o, k) => ({ value: k + 1, label: o[locale] })) })),
    profile: PROFILE.map((p) => ({ field: p.field, label: p.label[locale], options: p.options.map((o) => ({ value: o.value, label: o.label[locale] })) })),
  };
}

/** Item names in a language (results tables). */
export function itemNames(instrumentId: string, locale: Locale): Map<string, string> {
  const inst = find(instrumentId);
  return new Map((inst?.items ?? []).map((i) => [i.code, i.name[locale]]));
}

/** The stored hash of a receipt code (normalised: upper case, no spaces or dashes). */
export function hashReceiptCode(code: string): string {
  return createHash('sha256').update(`surveys:code:${code.toUpperCase().replace(/[\s-]/g, '')}`).digest('hex');
}
