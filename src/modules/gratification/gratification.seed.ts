// Demo gratification control for DPMPTSP-KUKM (Kabupaten Bangka), dated relative to the current year
// (kernel/demo-dates.ts). This year (written as 2026): the UPG decree and procedure recorded, ten
// reports in every state — one received in January (before Perkom KPK 1/2026 took effect in 2026,
// when 2/2019 applies), a refused bribe, a wedding gift closed as not reportable under the Rp 1.500.000
// limit, a late report, one waiting for completion, one overdue at the UPG, a KPK decision (milik
// negara) on the demo employee 'pegawai' with the money in custody, a closed case handed to the state,
// one returned to the recipient awaiting closure — and campaigns in all four quarters; of it only
// what has happened by today (a report not yet received is left out, a step not yet taken is not
// recorded, its state is the last step's). Last year: a complete year, four reports all settled and a
// campaign every quarter. Reports in Disdukcapil so that scoping shows. Seeded once.
import { eq, inArray } from 'drizzle-orm';
import { appendAudit, SYSTEM_ACTOR } from '../../kernel/audit.ts';
import type { Db } from '../../kernel/db.ts';
import { demoHasCome, demoShift, demoShiftDay, demoText, demoYear } from '../../kernel/demo-dates.ts';
import { demoPdf } from '../../kernel/demo-pdf.ts';
import type { FileStore } from '../../kernel/files.ts';
import { accounts } from '../../kernel/schema.ts';
import { uploadEvidence } from '../evidence/index.ts';
import { orgPeople as people, orgUnits as units } from '../org/index.ts';
import { versionFor, type State } from './gratification.rules.ts';
import { gratificationCampaigns, gratificationCustody, gratificationEvents, gratificationReports, gratificationSettings } from './gratification.schema.ts';
import { SUBJECT_CAMPAIGN } from './gratification.queries.ts';

/** The year the stories below are written in as "this year" (2025 = last year). */
const BASE = 2026;
/** 09:00 WIB of a date, never after now. */
const at = (d: string) => new Date(Math.min(Date.parse(`${d}T09:00:00+07:00`), Date.now()));
/** Which step sets which fields of a report: a step not yet taken leaves them empty. */
const STEP_FIELDS: Record<string, string[]> = {
  verify: ['verifiedOn'], analyse: ['analysedOn', 'analysis'], forward: ['forwardedOn', 'golNumber'], decide: ['decision', 'decisionOn', 'skNumber', 'decisionNote'],
  follow_up: ['followUpKind', 'followUpOn', 'followUpNote'], close: ['closedOn'], dismiss: ['dismissReason', 'closedOn'], request_completion: ['completionRequestedOn', 'completionDueOn'],
};

type Ev = [step: string, to: State, on: string, note?: string];
interface Demo {
  who: string; kind: 'received' | 'refused'; giver: string; inst: string | null; rel: string; occasion: string; item: string; desc: string; value: number;
  receivedOn: string; reportedOn: string; place: string; chronology: string; where: string; claimed?: string;
  events: Ev[]; extra?: Partial<typeof gratificationReports.$inferInsert>;
}

const NURHAYATI = 'upg';
const DPM: Demo[] = [
  { who: 'Rina Marlina, S.E.', kind: 'received', giver: 'H. Sulaiman', inst: 'CV Bangka Makmur', rel: 'service_user', occasion: 'Ucapan terima kasih setelah izin usaha terbit', item: 'goods',
    desc: 'Parsel berisi makanan kaleng dan sirup', value: 750000, receivedOn: '2026-01-20', reportedOn: '2026-01-22', place: 'Loket pelayanan MPP Sungailiat',
    chronology: 'Pemohon datang ke loket setelah izin terbit dan meninggalkan parsel di meja. Parsel langsung saya bawa ke UPG.', where: 'deposited',
    events: [['verify', 'verified', '2026-01-23'], ['analyse', 'analysed', '2026-01-26', 'Terkait jabatan (pemroses izin pemohon); tidak termasuk kategori tidak wajib lapor.'],
      ['forward', 'forwarded', '2026-01-28'], ['decide', 'decided', '2026-03-02', 'Parsel ditetapkan milik negara; dimanfaatkan untuk panti sosial.'], ['follow_up', 'followed_up', '2026-03-10', 'Parsel diserahkan ke Panti Asuhan Al-Ikhlas sesuai arahan KPK.'], ['close', 'closed', '2026-03-11']],
    extra: { golNumber: 'GOL-2026-0001873', forwardedOn: '2026-01-28', decision: 'state', decisionOn: '2026-03-02', skNumber: '87/GRA.00/2026', decisionNote: 'Dimanfaatkan untuk kegiatan sosial.', followUpKind: 'handed_to_state', followUpOn: '2026-03-10', followUpNote: 'Diserahkan ke Panti Asuhan Al-Ikhlas, berita acara terlampir.', verifiedOn: '2026-01-23', analysedOn: '2026-01-26', closedOn: '2026-03-11',
      analysis: { relatedToPosition: true, contraryToDuty: true, category: null, note: 'Terkait jabatan (pemroses izin pemohon); tidak termasuk kategori tidak wajib lapor.' } } },
  { who: 'Agus Salim, S.Kom.', kind: 'refused', giver: 'Konsultan perizinan (tidak menyebut nama)', inst: 'Biro jasa', rel: 'service_user', occasion: 'Menawarkan uang agar berkas PBG didahulukan', item: 'money',
    desc: 'Amplop berisi uang tunai', value: 2000000, receivedOn: '2026-02-09', reportedOn: '2026-02-10', place: 'Ruang verifikasi teknis', chronology: 'Amplop disodorkan saat verifikasi berkas; saya tolak di tempat dan saya sampaikan bahwa pelayanan tidak dipungut biaya.', where: 'returned',
    events: [['verify', 'verified', '2026-02-11'], ['analyse', 'analysed', '2026-02-12', 'Penolakan gratifikasi terkait jabatan; diteruskan ke KPK sebagai laporan penolakan.'], ['forward', 'forwarded', '2026-02-13']],
    extra: { golNumber: 'GOL-2026-0004410', forwardedOn: '2026-02-13', verifiedOn: '2026-02-11', analysedOn: '2026-02-12', analysis: { relatedToPosition: true, contraryToDuty: true, category: null, note: 'Penolakan gratifikasi terkait jabatan.' } } },
  { who: 'Dewi Lestari, S.H.', kind: 'received', giver: 'Bapak Hamdan', inst: null, rel: 'family', occasion: 'Pernikahan anak pelapor', item: 'money', desc: 'Amplop kondangan dari paman', value: 1200000,
    receivedOn: '2026-03-02', reportedOn: '2026-03-04', place: 'Rumah pelapor, Sungailiat', chronology: 'Diterima pada resepsi pernikahan anak saya.', where: 'with_me', claimed: 'l',
    events: [['dismiss', 'dismissed', '2026-03-05', 'Kategori l (pemberian terkait pernikahan) paling banyak Rp 1.500.000 per pemberi menurut Perkom KPK 1/2026: tidak wajib dilaporkan. Pemberi juga keluarga (kategori a).']],
    extra: { dismissReason: 'Kategori l (pemberian terkait pernikahan) paling banyak Rp 1.500.000 per pemberi menurut Perkom KPK 1/2026: tidak wajib dilaporkan. Pemberi juga keluarga (kategori a).', closedOn: '2026-03-05' } },
  { who: 'Yusuf Hidayat, S.T.', kind: 'received', giver: 'Hendra Wijaya (Direktur)', inst: 'PT Timah Konstruksi Mandiri', rel: 'vendor', occasion: 'Hari Raya Idul Fitri', item: 'voucher', desc: 'Voucher belanja supermarket', value: 1500000,
    receivedOn: '2026-04-06', reportedOn: '2026-05-04', place: 'Dikirim ke kantor', chronology: 'Voucher dikirim lewat kurir ke kantor. Saya baru melapor setelah mengikuti sosialisasi UPG.', where: 'deposited',
    events: [['verify', 'verified', '2026-05-05'], ['analyse', 'analysed', '2026-05-08', 'Dari rekanan pengadaan; terlambat dilaporkan (lebih dari 10 hari kerja).']],
    extra: { verifiedOn: '2026-05-05', analysedOn: '2026-05-08', analysis: { relatedToPosition: true, contraryToDuty: false, category: null, note: 'Dari rekanan pengadaan; terlambat dilaporkan.' } } },
  { who: 'pegawai', kind: 'received', giver: 'Bapak Rudi Hartono', inst: 'Koperasi Serba Usaha Maju Bersama', rel: 'service_user', occasion: 'Ucapan terima kasih atas pendampingan RAT koperasi', item: 'money', desc: 'Uang tunai dalam amplop', value: 5000000,
    receivedOn: '2026-06-15', reportedOn: '2026-06-16', place: 'Kantor koperasi, Pangkalpinang', chronology: 'Amplop diberikan seusai rapat anggota tahunan. Saya tidak sempat menolak; keesokan harinya uang saya titipkan ke UPG.', where: 'deposited',
    events: [['verify', 'verified', '2026-06-17'], ['analyse', 'analysed', '2026-06-19', 'Terkait jabatan pembina koperasi; berlawanan dengan tugas.'], ['forward', 'forwarded', '2026-06-22'], ['decide', 'decided', '2026-08-03', 'Uang ditetapkan milik negara dan wajib disetor ke kas negara.']],
    extra: { golNumber: 'GOL-2026-0019264', forwardedOn: '2026-06-22', decision: 'state', decisionOn: '2026-08-03', skNumber: '1123/GRA.01/2026', decisionNote: 'Uang ditetapkan milik negara dan wajib disetor ke kas negara.', verifiedOn: '2026-06-17', analysedOn: '2026-06-19',
      analysis: { relatedToPosition: true, contraryToDuty: true, category: null, note: 'Terkait jabatan pembina koperasi; berlawanan dengan tugas.' } } },
  { who: 'Fajar Nugroho, S.Si.', kind: 'received', giver: 'CV Sinar Babel', inst: 'CV Sinar Babel', rel: 'vendor', occasion: 'Undangan peninjauan produk', item: 'travel', desc: 'Tiket pesawat pulang-pergi Pangkalpinang–Jakarta', value: 3200000,
    receivedOn: '2026-08-10', reportedOn: '2026-08-12', place: 'Kantor', chronology: 'Tiket dikirim lewat surel.', where: 'with_me',
    events: [['request_completion', 'completion_requested', '2026-08-13', 'Lampirkan salinan tiket dan jelaskan apakah perjalanan jadi dilakukan.']],
    extra: { completionRequestedOn: '2026-08-13', completionDueOn: '2026-09-10' } },
  { who: 'Muhammad Iqbal, S.E.', kind: 'received', giver: 'Rekan kerja bidang lain', inst: null, rel: 'colleague', occasion: 'Kenang-kenangan pindah tugas', item: 'goods', desc: 'Jam tangan', value: 400000,
    receivedOn: '2026-09-14', reportedOn: '2026-09-15', place: 'Kantor', chronology: 'Diberikan pada acara pisah sambut.', where: 'with_me', claimed: 'o',
    events: [['verify', 'verified', '2026-09-16']], extra: { verifiedOn: '2026-09-16' } },
  { who: 'Bambang Irawan', kind: 'received', giver: 'Hotel Parai Beach', inst: 'Hotel Parai Beach', rel: 'partner', occasion: 'Terima kasih atas kerja sama pameran UMKM', item: 'facility', desc: 'Voucher menginap dua malam', value: 3000000,
    receivedOn: '2026-10-20', reportedOn: '2026-11-20', place: 'Diserahkan di lokasi pameran', chronology: 'Voucher diserahkan oleh manajer hotel di akhir pameran.', where: 'with_me', events: [] },
  { who: 'Sri Wahyuni, S.E., M.M.', kind: 'received', giver: 'Ibu Linda', inst: 'UD Lada Putih', rel: 'service_user', occasion: 'Peresmian toko', item: 'goods', desc: 'Lada putih 5 kg', value: 600000,
    receivedOn: '2026-11-23', reportedOn: '2026-11-24', place: 'Toko pemohon', chronology: 'Diberikan saat saya menghadiri peresmian toko sebagai pembina UMKM.', where: 'deposited', events: [] },
  { who: 'Hendra Saputra, S.Sos., M.Si.', kind: 'received', giver: 'Dinas Perindustrian Provinsi', inst: 'Pemerintah Provinsi Kepulauan Bangka Belitung', rel: 'partner', occasion: 'Narasumber pelatihan', item: 'goods', desc: 'Kain tenun cual', value: 1000000,
    receivedOn: '2026-05-11', reportedOn: '2026-05-12', place: 'Pangkalpinang', chronology: 'Cendera mata sebagai narasumber.', where: 'deposited',
    events: [['verify', 'verified', '2026-05-13'], ['analyse', 'analysed', '2026-05-15', 'Cendera mata kedinasan; diteruskan ke KPK untuk penetapan.'], ['forward', 'forwarded', '2026-05-18'],
      ['decide', 'decided', '2026-07-06', 'Ditetapkan milik penerima.'], ['follow_up', 'followed_up', '2026-07-08', 'Kain dikembalikan kepada pelapor dengan berita acara.']],
    extra: { golNumber: 'GOL-2026-0012087', forwardedOn: '2026-05-18', decision: 'recipient', decisionOn: '2026-07-06', skNumber: '845/GRA.01/2026', followUpKind: 'returned_to_recipient', followUpOn: '2026-07-08', followUpNote: 'Kain dikembalikan kepada pelapor dengan berita acara.',
      verifiedOn: '2026-05-13', analysedOn: '2026-05-15', analysis: { relatedToPosition: true, contraryToDuty: false, category: null, note: 'Cendera mata kedinasan.' } } },
];
const DUKCAPIL: Demo[] = [
  { who: 'pegawai.dukcapil', kind: 'received', giver: 'Warga pemohon KTP-el', inst: null, rel: 'service_user', occasion: 'Terima kasih KTP selesai cepat', item: 'meal', desc: 'Kue dan minuman', value: 150000,
    receivedOn: '2026-07-07', reportedOn: '2026-07-07', place: 'Loket Disdukcapil', chronology: 'Diberikan di loket.', where: 'consumed', claimed: 'p',
    events: [['dismiss', 'dismissed', '2026-07-08', 'Hidangan yang berlaku umum (kategori p).']], extra: { dismissReason: 'Hidangan yang berlaku umum (kategori p).', closedOn: '2026-07-08' } },
  { who: 'pegawai.dukcapil', kind: 'received', giver: 'Kepala desa', inst: 'Pemerintah Desa Riding Panjang', rel: 'partner', occasion: 'Jemput bola perekaman KTP-el', item: 'money', desc: 'Uang transport', value: 500000,
    receivedOn: '2026-11-18', reportedOn: '2026-11-19', place: 'Kantor desa', chronology: 'Diberikan setelah kegiatan perekaman di desa.', where: 'deposited', events: [] },
];

/** Last year (written as 2025): settled reports only — the year is complete. */
const PREVIOUS: Demo[] = [
  { who: 'Siti Aminah', kind: 'received', giver: 'Ibu Marni', inst: 'Toko Kue Marni', rel: 'service_user', occasion: 'Hari Raya Idul Fitri', item: 'goods', desc: 'Parsel kue kering', value: 650000,
    receivedOn: '2025-03-31', reportedOn: '2025-04-02', place: 'Loket pelayanan MPP Sungailiat', chronology: 'Parsel diantar ke loket menjelang Lebaran; saya serahkan ke UPG.', where: 'deposited',
    events: [['verify', 'verified', '2025-04-03'], ['analyse', 'analysed', '2025-04-07', 'Dari pemohon izin; terkait jabatan.'], ['forward', 'forwarded', '2025-04-09'],
      ['decide', 'decided', '2025-05-19', 'Parsel ditetapkan milik negara; dimanfaatkan untuk panti sosial.'], ['follow_up', 'followed_up', '2025-05-23', 'Parsel diserahkan ke Panti Jompo Sungailiat.'], ['close', 'closed', '2025-05-26']],
    extra: { golNumber: 'GOL-2025-0007731', forwardedOn: '2025-04-09', decision: 'state', decisionOn: '2025-05-19', skNumber: '412/GRA.00/2025', decisionNote: 'Dimanfaatkan untuk kegiatan sosial.', followUpKind: 'handed_to_state', followUpOn: '2025-05-23', followUpNote: 'Diserahkan ke Panti Jompo Sungailiat, berita acara terlampir.', verifiedOn: '2025-04-03', analysedOn: '2025-04-07', closedOn: '2025-05-26',
      analysis: { relatedToPosition: true, contraryToDuty: true, category: null, note: 'Dari pemohon izin; terkait jabatan.' } } },
  { who: 'Arif Rahman', kind: 'received', giver: 'Ibu Salmah', inst: null, rel: 'family', occasion: 'Pernikahan pelapor', item: 'money', desc: 'Amplop kondangan dari bibi', value: 500000,
    receivedOn: '2025-06-14', reportedOn: '2025-06-16', place: 'Rumah pelapor, Sungailiat', chronology: 'Diterima pada resepsi pernikahan saya.', where: 'with_me', claimed: 'a',
    events: [['dismiss', 'dismissed', '2025-06-17', 'Pemberian dari keluarga yang tidak memiliki benturan kepentingan (kategori a): tidak wajib dilaporkan.']],
    extra: { dismissReason: 'Pemberian dari keluarga yang tidak memiliki benturan kepentingan (kategori a): tidak wajib dilaporkan.', closedOn: '2025-06-17' } },
  { who: 'Lina Marlia, A.Md.', kind: 'received', giver: 'PT Bangka Digital Solusi', inst: 'PT Bangka Digital Solusi', rel: 'vendor', occasion: 'Peluncuran aplikasi antrean', item: 'goods', desc: 'Telepon genggam', value: 2800000,
    receivedOn: '2025-08-18', reportedOn: '2025-08-19', place: 'Kantor', chronology: 'Diberikan rekanan penyedia aplikasi antrean setelah serah terima pekerjaan.', where: 'deposited',
    events: [['verify', 'verified', '2025-08-20'], ['analyse', 'analysed', '2025-08-22', 'Dari rekanan pengadaan; berlawanan dengan tugas.'], ['forward', 'forwarded', '2025-08-25'],
      ['decide', 'decided', '2025-10-06', 'Ditetapkan milik negara.'], ['follow_up', 'followed_up', '2025-10-13', 'Telepon genggam diserahkan ke KPK melalui UPG.'], ['close', 'closed', '2025-10-14']],
    extra: { golNumber: 'GOL-2025-0015520', forwardedOn: '2025-08-25', decision: 'state', decisionOn: '2025-10-06', skNumber: '1480/GRA.01/2025', decisionNote: 'Ditetapkan milik negara.', followUpKind: 'handed_to_state', followUpOn: '2025-10-13', followUpNote: 'Diserahkan ke KPK melalui UPG, berita acara terlampir.', verifiedOn: '2025-08-20', analysedOn: '2025-08-22', closedOn: '2025-10-14',
      analysis: { relatedToPosition: true, contraryToDuty: true, category: null, note: 'Dari rekanan pengadaan.' } } },
  { who: 'Taufik Hidayat, S.H.', kind: 'refused', giver: 'Kuasa pemohon izin reklame', inst: null, rel: 'service_user', occasion: 'Menawarkan uang agar izin reklame segera terbit', item: 'money', desc: 'Uang tunai', value: 1000000,
    receivedOn: '2025-11-10', reportedOn: '2025-11-10', place: 'Ruang pelayanan', chronology: 'Uang ditawarkan di ruang pelayanan; saya tolak dan saya laporkan hari itu juga.', where: 'returned',
    events: [['verify', 'verified', '2025-11-11'], ['dismiss', 'dismissed', '2025-11-12', 'Penolakan dicatat dan disampaikan kepada atasan; tidak ada barang yang perlu ditetapkan.']],
    extra: { verifiedOn: '2025-11-11', dismissReason: 'Penolakan dicatat dan disampaikan kepada atasan; tidak ada barang yang perlu ditetapkan.', closedOn: '2025-11-12' } },
];
const PREVIOUS_DUKCAPIL: Demo[] = [
  { who: 'pegawai.dukcapil', kind: 'received', giver: 'Warga pemohon akta', inst: null, rel: 'service_user', occasion: 'Terima kasih akta kelahiran selesai', item: 'meal', desc: 'Nasi kotak', value: 100000,
    receivedOn: '2025-09-09', reportedOn: '2025-09-09', place: 'Loket Disdukcapil', chronology: 'Diberikan di loket.', where: 'consumed', claimed: 'p',
    events: [['dismiss', 'dismissed', '2025-09-10', 'Hidangan yang berlaku umum (kategori p).']], extra: { dismissReason: 'Hidangan yang berlaku umum (kategori p).', closedOn: '2025-09-10' } },
];
const PREVIOUS_CAMPAIGNS: [string, string, string, string, number, string | null, boolean][] = [
  ['2025-02-11', 'circular', 'Surat Edaran Kepala Dinas tentang Pengendalian Gratifikasi menjelang Hari Raya', 'Seluruh pegawai (surat edaran)', 41, null, true],
  ['2025-05-20', 'socialisation', 'Sosialisasi gratifikasi pada apel pagi', 'Halaman kantor DPMPTSP-KUKM', 40, null, false],
  ['2025-08-19', 'social_media', 'Unggahan Instagram "Tolak gratifikasi, layanan tetap cepat"', 'Instagram @dpmptspkukm.bangka', 1780, 'https://www.instagram.com/dpmptspkukm.bangka/', false],
  ['2025-11-18', 'banner', 'Spanduk "Layanan Perizinan Gratis" di ruang tunggu', 'Ruang tunggu MPP Sungailiat', 1500, null, false],
];

const CAMPAIGNS: [string, string, string, string, number, string | null, boolean][] = [
  ['2026-01-14', 'circular', 'Surat Edaran Kepala Dinas tentang Larangan Gratifikasi di Lingkungan DPMPTSP-KUKM', 'Seluruh pegawai (surat edaran dan grup WhatsApp dinas)', 42, null, true],
  ['2026-02-24', 'banner', 'Spanduk "Layanan Perizinan Gratis, Tolak Gratifikasi"', 'Lobi Mal Pelayanan Publik Sungailiat', 1800, null, false],
  ['2026-05-19', 'socialisation', 'Sosialisasi pengendalian gratifikasi bersama Inspektorat', 'Aula DPMPTSP-KUKM', 38, null, true],
  ['2026-08-17', 'social_media', 'Unggahan Instagram "Hari Kemerdekaan tanpa gratifikasi"', 'Instagram @dpmptspkukm.bangka', 2350, 'https://www.instagram.com/dpmptspkukm.bangka/', false],
  ['2026-10-28', 'video', 'Video pendek "Pelayanan tanpa amplop"', 'YouTube dan layar antrean MPP', 960, 'https://www.youtube.com/@dpmptspkukmbangka', false],
  ['2026-11-25', 'poster', 'Poster kategori gratifikasi yang tidak wajib dilaporkan (Perkom KPK 1/2026)', 'Papan informasi setiap bidang', 42, null, false],
];

/**
 * A report of the story as it stands today: dates moved to the current years, steps still to come
 * cut off (with the fields they set); null when the gift has not been reported yet.
 */
function asOfToday(d: Demo): Demo | null {
  if (!demoHasCome(d.reportedOn, BASE)) return null;
  const day = (iso: string) => demoShift(iso, BASE);
  // notes and reasons cite regulations ("Perkom KPK 1/2026"): their years stay
  const events = d.events.filter(([, , on]) => demoHasCome(on, BASE)).map(([step, to, on, note]): Ev => [step, to, day(on), note]);
  const kept = new Set(events.flatMap(([step]) => STEP_FIELDS[step] ?? []));
  const extra: Record<string, unknown> = { ...d.extra };
  for (const f of Object.values(STEP_FIELDS).flat()) if (!kept.has(f)) delete extra[f];
  for (const [k, v] of Object.entries(extra)) {
    if (typeof v !== 'string') continue;
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) extra[k] = k === 'completionDueOn' ? demoShiftDay(v, BASE) : day(v); // a due date may lie ahead
    else if (k === 'golNumber' || k === 'skNumber') extra[k] = demoText(v, BASE);
  }
  return { ...d, receivedOn: day(d.receivedOn), reportedOn: day(d.reportedOn), events, extra: extra as Demo['extra'] };
}

/** Seeds the demo years once; true when anything was seeded. */
export async function seedGratificationDemo(db: Db, files: FileStore | null = null): Promise<boolean> {
  const [any] = await db.select({ id: gratificationReports.id }).from(gratificationReports).limit(1);
  if (any) return false;
  const unitRows = await db.select({ id: units.id, code: units.code }).from(units).where(inArray(units.code, ['DPMPTSPKUKM', 'DISDUKCAPIL']));
  const unitId = unitRows.find((u) => u.code === 'DPMPTSPKUKM')?.id;
  const dukcapil = unitRows.find((u) => u.code === 'DISDUKCAPIL')?.id;
  if (!unitId || !dukcapil) return false;
  const staff = await db.select({ id: people.id, name: people.name, unitId: people.unitId, accountId: people.accountId, username: accounts.username })
    .from(people).leftJoin(accounts, eq(accounts.id, people.accountId)).where(inArray(people.unitId, [unitId, dukcapil]));
  const upg = staff.find((p) => p.username === NURHAYATI);
  if (!upg?.accountId) return false;
  const personFor = (who: string, unit: string) => staff.find((p) => p.username === who || p.name === who) ?? staff.find((p) => p.unitId === unit && p.username !== NURHAYATI);
  const proof = files ? await files.put(demoPdf(['BERITA ACARA TINDAK LANJUT GRATIFIKASI', 'UPG DPMPTSP-KUKM Kabupaten Bangka', 'Sesuai Surat Keputusan KPK'])) : null;
  const upgActor = { accountId: upg.accountId, label: NURHAYATI };
  const year = demoYear();
  const D = (iso: string) => demoShift(iso, BASE);
  const T = (text: string) => demoText(text, BASE);
  const campaigns = [...PREVIOUS_CAMPAIGNS, ...CAMPAIGNS].filter((c) => demoHasCome(c[0], BASE)).map((c): typeof c => [D(c[0]), c[1], c[2], c[3], c[4], c[5], c[6]]);
  let reports = 0;

  const campaignIds = await db.transaction(async (tx) => {
    await tx.insert(gratificationSettings).values([
      { unitId, decreeNumber: T('800/045/DPMPTSPKUKM/2026'), decreeDate: D('2026-01-05'), proceduresTitle: 'SOP Pengendalian Gratifikasi DPMPTSP-KUKM', proceduresNumber: T('SOP-UPG/01/2026'), proceduresDate: D('2026-01-12'), headPersonId: upg.id, updatedBy: upg.accountId, updatedAt: at(D('2026-01-12')) },
      { unitId: dukcapil, decreeNumber: T('800/017/DISDUKCAPIL/2026'), decreeDate: D('2026-02-02'), updatedAt: at(D('2026-02-02')) },
    ]);
    /** Inserts a year's reports (numbered GRT-<year>-0001 on); the ids by the story's order, null for one not reported yet. */
    const insertAll = async (story: Demo[], unit: string) => {
      const ids: (string | null)[] = [];
      let n = 0;
      for (const written of story) {
        const d = asOfToday(written);
        if (!d) { ids.push(null); continue; }
        const p = personFor(d.who, unit)!;
        const followedUp = d.events.some(([step]) => step === 'follow_up');
        const [row] = await tx.insert(gratificationReports).values({
          unitId: unit, number: `GRT-${d.reportedOn.slice(0, 4)}-${String(++n).padStart(4, '0')}`, personId: p.id, accountId: p.accountId, kind: d.kind, giverName: d.giver, giverInstitution: d.inst,
          relationship: d.rel, occasion: d.occasion, itemKind: d.item, description: d.desc, valueRp: d.value, receivedOn: d.receivedOn, place: d.place, chronology: d.chronology,
          whereNow: d.where, claimedCategory: d.claimed ?? null, rulesVersion: versionFor(d.receivedOn).id, reportedOn: d.reportedOn,
          state: d.events.length ? d.events[d.events.length - 1]![1] : 'received', ...d.extra,
          ...(followedUp && proof ? { proofSha: proof.sha256, proofName: 'berita-acara-tindak-lanjut.pdf', proofMime: 'application/pdf', proofSize: proof.size } : {}),
          createdAt: at(d.reportedOn), updatedAt: at(d.events.length ? d.events[d.events.length - 1]![2] : d.reportedOn),
        }).returning({ id: gratificationReports.id });
        const evs: [string, string | null, string, string, string | null, string | null][] = [['report', null, 'received', d.reportedOn, null, p.accountId]];
        let prev = 'received';
        for (const [step, to, on, note] of d.events) { evs.push([step, prev, to, on, note ?? null, upg.accountId]); prev = to; }
        let i = 0;
        for (const [step, from, to, on, note, acc] of evs) {
          await tx.insert(gratificationEvents).values({ reportId: row!.id, unitId: unit, step, fromState: from, toState: to, on, note, accountId: unit === unitId ? acc : null, at: new Date(Math.min(at(on).getTime() + (i++) * 60_000, Date.now())) });
        }
        ids.push(row!.id);
        reports++;
      }
      return ids;
    };
    const previous = await insertAll(PREVIOUS, unitId);
    await insertAll(PREVIOUS_DUKCAPIL, dukcapil);
    const ids = await insertAll(DPM, unitId);
    await insertAll(DUKCAPIL, dukcapil);
    // custody: last year's parcel and phone (released), this year's January parcel (released to the
    // social institution), the money of 'pegawai' (held) and the woven cloth (returned to its recipient)
    const custody: [string | null, string, string, string, number, string, string, string | null, string | null, string | null][] = [
      [previous[0], 'TT-UPG/2025/0001', '2025-04-02', 'Parsel kue kering', 650000, 'Lemari arsip UPG, ruang Sekretariat', 'Siti Aminah', '2025-05-23', 'Panti Jompo Sungailiat', 'Sesuai SK KPK 412/GRA.00/2025'],
      [previous[2], 'TT-UPG/2025/0002', '2025-08-19', 'Telepon genggam dalam kotak tersegel', 2800000, 'Brankas Bendahara Pengeluaran', 'Lina Marlia, A.Md.', '2025-10-13', 'KPK (melalui UPG)', 'Sesuai SK KPK 1480/GRA.01/2025'],
      [ids[0], 'TT-UPG/2026/0001', '2026-01-22', 'Parsel makanan kaleng dan sirup', 750000, 'Lemari arsip UPG, ruang Sekretariat', 'Rina Marlina, S.E.', '2026-03-10', 'Panti Asuhan Al-Ikhlas Sungailiat', 'Sesuai SK KPK 87/GRA.00/2026'],
      [ids[4], 'TT-UPG/2026/0002', '2026-06-17', 'Uang tunai Rp 5.000.000 dalam amplop tertutup', 5000000, 'Brankas Bendahara Pengeluaran', staff.find((p) => p.username === 'pegawai')?.name ?? 'Pegawai', null, null, null],
      [ids[9], 'TT-UPG/2026/0003', '2026-05-12', 'Kain tenun cual', 1000000, 'Lemari arsip UPG, ruang Sekretariat', 'Hendra Saputra, S.Sos., M.Si.', '2026-07-08', 'Hendra Saputra, S.Sos., M.Si. (milik penerima)', null],
    ];
    for (const [reportId, receipt, receivedOn, description, valueRp, storageLocation, depositorName, releasedOn, releasedTo, releaseNote] of custody) {
      if (!reportId || !demoHasCome(receivedOn, BASE)) continue;
      const released = !!releasedOn && demoHasCome(releasedOn, BASE);
      await tx.insert(gratificationCustody).values({
        unitId, reportId, receiptNumber: T(receipt), receivedOn: D(receivedOn), description, valueRp, storageLocation, depositorName,
        ...(released ? { releasedOn: D(releasedOn!), releasedTo, releaseNote: releaseNote && T(releaseNote) } : {}), createdBy: upg.accountId, createdAt: at(D(receivedOn)),
      });
    }
    const cids: string[] = [];
    for (const [heldOn, kind, title, channel, reach, url] of campaigns) {
      const [c] = await tx.insert(gratificationCampaigns).values({ unitId, kind, title, heldOn, channel, reach, url, hasEvidence: true, createdBy: upg.accountId, createdAt: at(heldOn) }).returning({ id: gratificationCampaigns.id });
      cids.push(c!.id);
    }
    await tx.insert(gratificationCampaigns).values({ unitId: dukcapil, kind: 'banner', title: 'Spanduk tolak gratifikasi di ruang pelayanan', heldOn: D('2025-03-03'), channel: 'Ruang pelayanan Disdukcapil', reach: 900, createdAt: at(D('2025-03-03')) });
    await appendAudit(tx, SYSTEM_ACTOR, { action: 'gratification.demo.seed', entityType: 'gratification_demo', entityId: unitId, unitId, data: { years: [year - 1, year], reports, campaigns: campaigns.length } });
    return cids;
  });
  if (files) {
    for (const [i, c] of campaigns.entries()) {
      if (!c[6] && c[1] !== 'banner' && c[1] !== 'poster') continue;
      const bytes = demoPdf([c[2].toUpperCase().slice(0, 60), `${c[3]}`, `Tanggal ${c[0]}`, 'UPG DPMPTSP-KUKM Kabupaten Bangka']);
      await uploadEvidence(db, files, upgActor, { unitId, bytes, originalName: `kampanye-gratifikasi-${c[0]}.pdf`, title: `Bukti kampanye: ${c[2]}`.slice(0, 200), attachTo: { subjectType: SUBJECT_CAMPAIGN, subjectId: campaignIds[i]!, subjectKey: '' }, at: at(c[0]) });
    }
  }
  return true;
}
