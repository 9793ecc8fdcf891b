// Demo complaints: a realistic stretch from the first working Monday of January of last year (in the
// regency's time zone, see src/kernel/demo-dates.ts) to yesterday for DPMPTSP-KUKM (about 60,
// every channel and category, most completed in time, a few late or still overdue, some rejected
// or referred, satisfaction on many closed ones, LAPOR! numbers on those from SP4N-LAPOR!) and a
// few for Disdukcapil. Dates are working days; replies come 1–3 working days after receipt.
// Deterministic (a seeded generator) and run once: nothing is added when the unit has complaints.
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit, SYSTEM_ACTOR } from '../../kernel/audit.ts';
import { offDays } from '../../kernel/calendar.ts';
import type { Db } from '../../kernel/db.ts';
import type { FileStore } from '../../kernel/files.ts';
import { accounts } from '../../kernel/schema.ts';
import { demoDay } from '../../kernel/demo-dates.ts';
import { addDays, addWorkingDays, dayIn, isWorkingDay, type IsoDate, type OffDays } from '../../kernel/workdays.ts';
import { orgUnits as units } from '../org/index.ts';
import { hashCode, newTrackingCode, normaliseCode, slaDaysOf } from './complaints.rules.ts';
import { complaintEntries, complaints } from './complaints.schema.ts';
import { seededRandom as rng } from '../../kernel/demo-random.ts';

const pick = <T,>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
function weighted<T extends string>(r: () => number, table: [T, number][]): T {
  const total = table.reduce((a, [, w]) => a + w, 0);
  let x = r() * total;
  for (const [k, w] of table) { x -= w; if (x < 0) return k; }
  return table[table.length - 1][0];
}

const SUBJECTS: Record<string, [string, string][]> = {
  perizinan: [
    ['Izin usaha belum terbit', 'Permohonan izin usaha melalui OSS sudah lebih dari dua minggu belum ada kabar.'],
    ['Persyaratan PBG membingungkan', 'Daftar persyaratan PBG di loket berbeda dengan yang ada di laman dinas.'],
    ['Status permohonan tidak diperbarui', 'Status permohonan izin di sistem masih "diverifikasi" sejak bulan lalu.'],
  ],
  pelayanan: [
    ['Antrean loket terlalu lama', 'Saya menunggu hampir tiga jam di ruang pelayanan tanpa kejelasan nomor antrean.'],
    ['Loket tutup sebelum jam layanan', 'Pukul 14.30 loket pelayanan sudah tutup padahal jam layanan sampai 15.00.'],
    ['Pendampingan UMKM tidak dijadwalkan', 'Sudah mendaftar pendampingan koperasi namun belum dihubungi.'],
  ],
  informasi: [
    ['Informasi biaya retribusi', 'Mohon penjelasan apakah pengurusan NIB dikenakan biaya.'],
    ['Jadwal pelatihan UMKM', 'Kapan pelatihan kewirausahaan berikutnya dibuka untuk umum?'],
  ],
  sarana: [
    ['Kursi ruang tunggu rusak', 'Beberapa kursi di ruang tunggu patah dan membahayakan pengunjung.'],
    ['Tidak ada akses kursi roda', 'Pintu masuk ruang pelayanan tidak memiliki jalur landai untuk kursi roda.'],
  ],
  perilaku: [
    ['Petugas kurang ramah', 'Petugas loket menjawab dengan nada tinggi ketika saya bertanya.'],
    ['Petugas sibuk dengan telepon', 'Petugas lebih sibuk dengan telepon genggam daripada melayani pemohon.'],
  ],
  pungli: [
    ['Diminta uang percepatan', 'Seseorang yang mengaku petugas meminta uang agar izin cepat selesai.'],
  ],
  lainnya: [
    ['Parkir liar di depan kantor', 'Ada juru parkir yang memungut bayaran di halaman kantor.'],
    ['Saran layanan daring', 'Sebaiknya ada layanan konsultasi melalui WhatsApp.'],
  ],
};

const REPLIES = [
  'Terima kasih atas laporan Anda. Pengaduan sedang kami tindak lanjuti bersama bidang terkait.',
  'Pengaduan Anda telah kami terima dan sedang diverifikasi oleh petugas.',
  'Mohon maaf atas ketidaknyamanan ini. Kami sedang memeriksa permasalahan yang Anda sampaikan.',
];
const OUTCOMES = [
  'Permasalahan telah diselesaikan dan pemohon telah dihubungi.',
  'Perbaikan telah dilakukan; terima kasih atas masukan Anda.',
  'Petugas yang bersangkutan telah diberi pembinaan oleh atasan langsung.',
  'Informasi telah disampaikan kepada pelapor melalui kontak yang diberikan.',
];
const NAMES = ['Budi Santoso', 'Rahmawati', 'Ahmad Fauzi', 'Lina Marlina', 'Yusuf Hamdani', 'Sri Wahyuni', 'Hendrik', 'Novita Sari'];

function workingDaysOf(from: IsoDate, to: IsoDate, off: OffDays): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d, off)) out.push(d);
  return out;
}

/** The first Monday of January of the demo year + `yearOffset` that is a working day. */
function firstWorkingMonday(yearOffset: number, off: OffDays, now: Date): IsoDate {
  let d = demoDay(yearOffset, 1, 1, now);
  // an ISO date's weekday (a calendar day, no time zone): 1 = Monday
  while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 1 || !isWorkingDay(d, off)) d = addDays(d, 1);
  return d;
}

const at = (day: IsoDate, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:${String((hour * 7) % 60).padStart(2, '0')}:00+07:00`);

async function seedUnit(db: Db, code: string, count: number, seed: number, handlerId: string | null, off: OffDays, now: Date): Promise<boolean> {
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.code, code)).limit(1);
  if (!unit) return false;
  const [has] = await db.select({ n: sql<number>`count(*)::int` }).from(complaints).where(eq(complaints.unitId, unit.id));
  if (Number(has?.n ?? 0) > 0) return false;
  const r = rng(seed);
  const today = dayIn(now);
  const yesterday = addDays(today, -1);
  const days = workingDaysOf(firstWorkingMonday(-1, off, now), yesterday, off);
  if (!days.length) return false;
  const chosen = Array.from({ length: count }, (_, i) => days[Math.min(days.length - 1, Math.floor(((i + r()) / count) * days.length))]).sort();
  await db.transaction(async (tx) => {
    let n = 0;
    for (const receivedOn of chosen) {
      n++;
      const category = weighted(r, [['perizinan', 30], ['pelayanan', 25], ['informasi', 15], ['sarana', 10], ['perilaku', 10], ['pungli', 3], ['lainnya', 7]]);
      const channel = weighted(r, [['web', 30], ['lapor', 18], ['counter', 18], ['phone', 10], ['social', 10], ['email', 7], ['letter', 7]]);
      const [subject, description] = pick(r, SUBJECTS[category]);
      const slaDays = slaDaysOf(category);
      const deadline = addWorkingDays(receivedOn, slaDays, off);
      const age = days.filter((d) => d > receivedOn).length;
      const anonymous = r() < 0.35;
      // older complaints are finished; some recent ones are still open (a few past their deadline)
      let state: string;
      if (age <= 2) state = r() < 0.5 ? 'received' : 'in_process';
      else if (age <= slaDays + 3) state = r() < 0.5 ? 'in_process' : 'closed';
      else state = weighted(r, [['closed', 84], ['rejected', 5], ['not_authority', 5], ['in_process', 6]]);
      // two older ones are still in process long after their deadline, so the demo always has overdue work
      if ((n === 20 || n === 40) && age > slaDays + 3) state = 'in_process';
      const responded = state !== 'received';
      const firstResponseOn = responded ? addWorkingDays(receivedOn, 1 + Math.floor(r() * 3), off) : null;
      let closedOn: IsoDate | null = null;
      if (state === 'closed' || state === 'rejected' || state === 'not_authority') {
        const late = r() < 0.12;
        const wd = late ? slaDays + 1 + Math.floor(r() * 4) : Math.max(1, Math.round(slaDays * (0.4 + r() * 0.6)));
        closedOn = addWorkingDays(receivedOn, wd, off);
        if (closedOn > yesterday) closedOn = yesterday;
        if (firstResponseOn && closedOn < firstResponseOn) closedOn = firstResponseOn;
      }
      const satisfaction = state === 'closed' && r() < 0.6 ? weighted(r, [['5', 35], ['4', 40], ['3', 15], ['2', 7], ['1', 3]]) : null;
      const laporRef = channel === 'lapor' ? String(4_800_000 + seed * 10_000 + n * 37 + Math.floor(r() * 30)) : null;
      const outcome = state === 'closed' ? pick(r, OUTCOMES) : state === 'rejected' ? 'Pengaduan tidak dapat ditindaklanjuti karena tidak disertai keterangan yang cukup.' : state === 'not_authority' ? 'Permasalahan yang disampaikan merupakan kewenangan instansi lain.' : null;
      const referTo = state === 'not_authority' ? pick(r, ['Dinas Pekerjaan Umum dan Penataan Ruang', 'Kantor Pertanahan Kabupaten Bangka', 'Satpol PP Kabupaten Bangka']) : null;
      const overdueOpen = (state === 'received' || state === 'in_process') && today > deadline;
      const [row] = await tx.insert(complaints).values({
        unitId: unit.id, trackingHash: hashCode(normaliseCode(newTrackingCode())!), channel, laporRef, classification: category === 'informasi' ? 'informasi' : 'pengaduan',
        category, subject, description, location: r() < 0.5 ? 'Kantor pelayanan, Sungailiat' : null, eventDate: r() < 0.6 ? addDays(receivedOn, -Math.floor(r() * 5)) : null,
        complainantName: anonymous ? null : pick(r, NAMES), complainantContact: anonymous ? null : `08${Math.floor(1e9 + r() * 8e9)}`,
        receivedOn, receivedAt: at(receivedOn, 8 + Math.floor(r() * 7)), slaDays, state, assigneeId: responded ? handlerId : null,
        firstResponseOn, closedOn, outcome, referTo, satisfaction: satisfaction ? Number(satisfaction) : null,
        satisfactionNote: satisfaction && r() < 0.4 ? pick(r, ['Terima kasih, cepat ditangani.', 'Cukup baik.', 'Semoga tidak terulang.']) : null,
        remindedNear: overdueOpen, remindedOver: overdueOpen, createdAt: at(receivedOn, 9), updatedAt: at(closedOn ?? firstResponseOn ?? receivedOn, 15),
      }).returning({ id: complaints.id });
      const entries: (typeof complaintEntries.$inferInsert)[] = [{ complaintId: row.id, kind: 'received', isPublic: true, data: { channel }, at: at(receivedOn, 9) }];
      if (responded && handlerId) entries.push({ complaintId: row.id, kind: 'assign', authorId: handlerId, data: { assigneeId: handlerId, name: 'Dewi Lestari, S.H.' }, at: at(receivedOn, 10) });
      if (firstResponseOn) entries.push({ complaintId: row.id, kind: 'reply', body: pick(r, REPLIES), isPublic: true, authorId: handlerId, at: at(firstResponseOn, 11) });
      if (responded && r() < 0.3) entries.push({ complaintId: row.id, kind: 'note', body: 'Dikoordinasikan dengan kepala bidang terkait.', authorId: handlerId, at: at(firstResponseOn ?? receivedOn, 13) });
      if (closedOn) entries.push({ complaintId: row.id, kind: state, body: outcome, isPublic: true, authorId: handlerId, data: referTo ? { referTo } : {}, at: at(closedOn, 14) });
      if (satisfaction && closedOn) entries.push({ complaintId: row.id, kind: 'satisfaction', isPublic: true, data: { score: Number(satisfaction) }, at: at(addDays(closedOn, 1), 19) });
      await tx.insert(complaintEntries).values(entries);
      await appendAudit(tx, SYSTEM_ACTOR, { action: 'complaints.receive', entityType: 'complaint', entityId: row.id, unitId: unit.id, data: { demo: true, channel, category, state } }, at(receivedOn, 9));
    }
  });
  return true;
}

/** Seeds the demo data of the module; true when anything was added. */
export async function seedComplaintsDemo(db: Db, _files: FileStore | null = null, now = new Date()): Promise<boolean> {
  const off = await offDays(db);
  const [handler] = await db.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.username, 'pengaduan'))).limit(1);
  const a = await seedUnit(db, 'DPMPTSPKUKM', 60, 11, handler?.id ?? null, off, now);
  const b = await seedUnit(db, 'DISDUKCAPIL', 8, 23, null, off, now);
  return a || b;
}
