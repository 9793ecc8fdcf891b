// Demo Rencana Kerja: DPMPTSP-KUKM adopts the 2022 seed document as its plan for last year and this
// year (written below as 2025 and 2026 and moved to the current year by kernel/demo-dates.ts), with
// decree numbers and dates, the Kepala Dinas as signer and persons in charge from its staff, and a
// monev history: last year complete (January–December, November partly done and followed up), this
// year January–October as far as today has come (a month's monev is entered on the 26th: mostly
// done, some partly done with problems and follow-ups, a few not started or not recorded), with
// evidence on some records (PDF files in the unit's library when a file store is given, links
// otherwise and besides).
// The seed text's matrix covers areas 4–6 only; the unit adds three change-management activities of
// its own (area 1: socialisation, the head as role model, work culture), tagged with the LKE items
// they serve, and the head records the quarterly leadership monev — the facts the LKE suggestions
// of A.I.1.* read.
// Idempotent: plans are adopted only for a unit without any plan (a demo seeded in an earlier year is
// not extended on a restart), a year that already has a plan is not adopted again; this year's monev
// is added only to a plan without any monev, evidence only to a plan whose monev has none, and the
// area-1 activities only to a plan without any.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { SYSTEM_ACTOR, appendAudit } from '../../kernel/audit.ts';
import type { Db } from '../../kernel/db.ts';
import { demoAt, demoShift, demoText, demoYear } from '../../kernel/demo-dates.ts';
import type { FileStore } from '../../kernel/files.ts';
import { attachUrl, countEvidenceFor, uploadEvidence } from '../evidence/index.ts';
import { accountsHoldingRole, orgPeople as people, orgUnits as units } from '../org/index.ts';
import { MONEV_SUBJECT } from './monev.rules.ts';
import { createPlan } from './plan.service.ts';
import { demoPdf } from '../../kernel/demo-pdf.ts';
import { activities, monev, plans } from './workplan.schema.ts';

const TEMPLATE = 'rencana-kerja-zi-dpmptsp-bangka-2022';
/** The year the story below is written in as "this year" (2025 is last year). */
const BASE = 2026;
const YEARS: { year: number; number: string; date: string }[] = [
  { year: 2025, number: '188.4/004.2/DINPMP2KUKM/2025', date: '2025-01-20' },
  { year: 2026, number: '188.4/003.1/DINPMP2KUKM/2026', date: '2026-01-19' },
];

/** What a done month of each template activity (by its order in the plan) records. */
const DONE_NOTES = [
  'Rapat pimpinan membahas kemajuan pembangunan ZI; notulen dan daftar hadir tersedia.',
  'Pengukuran kinerja triwulanan; capaian IKU disampaikan kepada pimpinan.',
  'Rekapitulasi laporan gratifikasi (nihil) dan sosialisasi melalui apel pagi.',
  'Pemantauan rencana tindak pengendalian risiko oleh satgas SPIP.',
  'Pengaduan yang masuk dicatat dan ditindaklanjuti sesuai SOP.',
  'Kanal WBS dipantau; tidak ada laporan pelanggaran yang masuk.',
  'Pernyataan potensi benturan kepentingan pegawai diperbarui.',
  'Standar pelayanan dipublikasikan di ruang layanan dan situs dinas.',
  'Penerapan budaya pelayanan prima (5S) dipantau oleh koordinator area.',
  'Survei kepuasan masyarakat berjalan; rekap bulanan disusun.',
];

type Exception = { status: 'done' | 'partial' | 'not_started' | 'none'; realisation?: number; notes?: string; problems?: string; followUp?: string; followUpDone?: boolean };

/** 2026: the months that did not go as planned (or met problems on the way), by activity order and month. */
const EXCEPTIONS_2026: Record<string, Exception> = {
  '1:9': { status: 'done', realisation: 100, notes: 'Laporan kinerja triwulan III selesai setelah data realisasi diterima.', problems: 'Data realisasi anggaran triwulan III dari BPKPD terlambat diterima.', followUp: 'Data realisasi diminta secara resmi; laporan diselesaikan pada bulan Oktober.', followUpDone: true },
  '2:4': { status: 'partial', realisation: 70, notes: 'Sosialisasi pelaporan gratifikasi baru di kantor dinas.', problems: 'Sosialisasi belum menjangkau pegawai UPT.', followUp: 'Sosialisasi ulang melalui apel pagi di UPT pada bulan Mei.', followUpDone: true },
  '3:7': { status: 'partial', realisation: 50, notes: 'Register risiko triwulan III belum lengkap.', problems: 'Penilaian risiko tertunda karena mutasi pejabat pengelola risiko.', followUp: 'Menunjuk pengelola risiko pengganti dan menyelesaikan register risiko.', followUpDone: false },
  '4:10': { status: 'not_started', realisation: 0, problems: 'Rekapitulasi pengaduan bulan Oktober belum disusun karena admin pengaduan cuti.', followUp: 'Admin pengganti menyusun rekap paling lambat minggu kedua November.', followUpDone: false },
  '5:9': { status: 'partial', realisation: 60, notes: 'Pemantauan kanal WBS terputus.', problems: 'Kanal WBS daring tidak dapat diakses selama dua minggu.', followUp: 'Koordinasi dengan Diskominfo untuk pemulihan dan pemantauan server.', followUpDone: true },
  '5:10': { status: 'none' },
  '6:9': { status: 'not_started', realisation: 0, problems: 'Petugas penanganan benturan kepentingan sedang tugas belajar.', followUp: 'Menetapkan petugas pengganti melalui surat tugas Kepala Dinas.', followUpDone: false },
  '6:10': { status: 'none' },
  '7:8': { status: 'done', realisation: 100, notes: 'Reviu standar pelayanan selesai.', problems: 'Reviu standar pelayanan belum melibatkan perwakilan masyarakat.', followUp: 'Mengundang asosiasi pengusaha dan tokoh masyarakat pada forum konsultasi publik bulan September.', followUpDone: true },
  '8:10': { status: 'partial', realisation: 75, notes: 'Pelatihan gelombang I selesai.', problems: 'Pelatihan pelayanan prima gelombang II belum terlaksana karena keterbatasan anggaran.', followUp: 'Diusulkan dalam APBD Perubahan; sementara dilakukan pembinaan internal.', followUpDone: false },
  '9:6': { status: 'done', realisation: 100, notes: 'Survei triwulan II selesai dengan responden tambahan.', problems: 'Jumlah responden SKM triwulan II di bawah sampel minimal.', followUp: 'Menambah kuesioner daring melalui kode QR di ruang tunggu.', followUpDone: true },
};

/** Evidence of the demo monev: activity order, year, month, and a file (PDF) or a link. */
const EVIDENCE: { act: number; year: number; month: number; title: string; file?: string; lines?: string[]; url?: string }[] = [
  { act: 1, year: 2025, month: 6, title: 'Laporan Kinerja Semester I Tahun 2025', url: 'https://dpmptsp.bangka.example/akuntabilitas/lapkin-semester-1-2025' },
  { act: 9, year: 2025, month: 9, title: 'Rekap Survei Kepuasan Masyarakat Triwulan III 2025', url: 'https://dpmptsp.bangka.example/skm/2025-triwulan-3' },
  { act: 0, year: 2026, month: 3, title: 'Notulen Rapat Pimpinan Triwulan I 2026', file: 'Notulen-Rapat-Pimpinan-TW-I-2026.pdf',
    lines: ['PEMERINTAH KABUPATEN BANGKA', 'DINAS PENANAMAN MODAL, PTSP, KOPERASI DAN UKM', '', 'NOTULEN RAPAT PIMPINAN', 'Pembangunan Zona Integritas Triwulan I Tahun 2026', '', 'Tanggal: 26 Maret 2026', 'Pimpinan rapat: Kepala Dinas', 'Pembahasan: kemajuan rencana kerja ZI, monev triwulan I.'] },
  { act: 0, year: 2026, month: 3, title: 'Dokumentasi rapat pimpinan Maret 2026', url: 'https://dpmptsp.bangka.example/galeri/rapat-pimpinan-2026-03' },
  { act: 1, year: 2026, month: 3, title: 'Laporan Capaian Kinerja Triwulan I 2026', file: 'Laporan-Kinerja-TW-I-2026.pdf',
    lines: ['PEMERINTAH KABUPATEN BANGKA', 'DINAS PENANAMAN MODAL, PTSP, KOPERASI DAN UKM', '', 'LAPORAN CAPAIAN KINERJA TRIWULAN I TAHUN 2026', '', 'Capaian indikator kinerja utama dan rencana aksi triwulan I.'] },
  { act: 1, year: 2026, month: 6, title: 'Laporan Capaian Kinerja Semester I 2026', file: 'Laporan-Kinerja-Semester-I-2026.pdf',
    lines: ['PEMERINTAH KABUPATEN BANGKA', 'DINAS PENANAMAN MODAL, PTSP, KOPERASI DAN UKM', '', 'LAPORAN CAPAIAN KINERJA SEMESTER I TAHUN 2026', '', 'Capaian indikator kinerja utama dan rencana aksi semester I.'] },
  { act: 2, year: 2026, month: 5, title: 'Daftar hadir sosialisasi gratifikasi di UPT (Mei 2026)', file: 'Daftar-Hadir-Sosialisasi-Gratifikasi-UPT-2026.pdf',
    lines: ['PEMERINTAH KABUPATEN BANGKA', 'DINAS PENANAMAN MODAL, PTSP, KOPERASI DAN UKM', '', 'DAFTAR HADIR SOSIALISASI PENGENDALIAN GRATIFIKASI', 'UPT Pelayanan Perizinan, 12 Mei 2026'] },
  { act: 5, year: 2026, month: 9, title: 'Surat koordinasi pemulihan kanal WBS ke Diskominfo', url: 'https://dpmptsp.bangka.example/wbs/koordinasi-diskominfo-2026-09' },
  { act: 7, year: 2026, month: 8, title: 'Standar Pelayanan Perizinan Berusaha (publikasi)', url: 'https://dpmptsp.bangka.example/standar-pelayanan' },
  { act: 7, year: 2026, month: 9, title: 'Berita acara forum konsultasi publik standar pelayanan', file: 'BA-Forum-Konsultasi-Publik-2026.pdf',
    lines: ['PEMERINTAH KABUPATEN BANGKA', 'DINAS PENANAMAN MODAL, PTSP, KOPERASI DAN UKM', '', 'BERITA ACARA FORUM KONSULTASI PUBLIK', 'Reviu Standar Pelayanan, 17 September 2026'] },
  { act: 9, year: 2026, month: 6, title: 'Kuesioner SKM daring (kode QR)', url: 'https://dpmptsp.bangka.example/skm/kuesioner' },
  { act: 9, year: 2026, month: 9, title: 'Rekap Survei Kepuasan Masyarakat Triwulan III 2026', file: 'Rekap-SKM-TW-III-2026.pdf',
    lines: ['PEMERINTAH KABUPATEN BANGKA', 'DINAS PENANAMAN MODAL, PTSP, KOPERASI DAN UKM', '', 'REKAPITULASI SURVEI KEPUASAN MASYARAKAT', 'Triwulan III Tahun 2026', '', 'Indeks Kepuasan Masyarakat: 86,4 (Baik)'] },
];

/** The demo's clock: the current year, and the story's years and words moved to it. */
interface Clock { now: Date; shift: number; year: (written: number) => number; day: (iso: string) => string; text: (s: string) => string }
function clockOf(now: Date): Clock {
  const shift = demoYear(now) - BASE;
  return { now, shift, year: (w) => w + shift, day: (iso) => demoShift(iso, BASE, now), text: (s) => demoText(s, BASE, now) };
}

/** When a month's monev was entered: the 26th of the month, 10:00 WIB (never after now). */
const entered = (year: number, month: number, now: Date) => demoAt(`${year}-${String(month).padStart(2, '0')}-26`, 10, 0, now);
/** Whether a month's monev can have been entered by now (its 26th has come). */
const enteredBy = (year: number, month: number, now: Date) => new Date(Date.UTC(year, month - 1, 26, 3)) <= now;

/** Seeds the demo plans; true when anything was added. */
export async function seedWorkplanPlanDemo(db: Db, files: FileStore | null = null, now = new Date()): Promise<boolean> {
  const k = clockOf(now);
  const last = k.year(2025), current = k.year(2026);
  const [unit] = await db.select().from(units).where(eq(units.code, 'DPMPTSPKUKM')).limit(1);
  if (!unit) return false;
  const staff = await db.select({ id: people.id, position: people.position }).from(people)
    .where(eq(people.unitId, unit.id)).orderBy(asc(people.createdAt), asc(people.name));
  if (staff.length === 0) return false;
  const head = staff.find((p) => /^Kepala Dinas/i.test(p.position)) ?? staff[0];
  let seeded = false;
  const planIds: Record<number, string> = {};
  const existing = await db.select({ id: plans.id, year: plans.year }).from(plans).where(eq(plans.unitId, unit.id));
  for (const written of YEARS) {
    const y = { year: k.year(written.year), number: k.text(written.number), date: k.day(written.date) };
    const exists = existing.find((p) => p.year === y.year);
    if (exists) { planIds[y.year] = exists.id; continue; }
    const id = await createPlan({ db, actor: SYSTEM_ACTOR }, { unitId: unit.id, year: y.year, template: TEMPLATE });
    planIds[y.year] = id;
    await db.transaction(async (tx) => {
      await tx.update(plans).set({ decreeNumber: y.number, decreeDate: y.date, place: 'Sungailiat', signerPersonId: head.id, version: 1 }).where(eq(plans.id, id));
      const acts = await tx.select({ id: activities.id, months: activities.months }).from(activities).where(eq(activities.planId, id)).orderBy(asc(activities.templateAdded), asc(activities.area), asc(activities.seq));
      // persons in charge: the staff after the head, in turn
      const pool = staff.filter((p) => p.id !== head.id);
      for (const [i, a] of acts.entries()) {
        await tx.update(activities).set({ picPersonId: pool[i % pool.length]?.id ?? head.id }).where(eq(activities.id, a.id));
        // last year, complete: monev done every month but November, partly done and followed up in December
        if (y.year === last) {
          for (const m of a.months as number[]) {
            await tx.insert(monev).values(m !== 11
              ? { activityId: a.id, month: m, status: 'done', realisation: 100, notes: 'Terlaksana sesuai jadwal.', createdAt: entered(last, m, now), updatedAt: entered(last, m, now) }
              : { activityId: a.id, month: m, status: 'partial', realisation: 60, notes: 'Sebagian terlaksana.', problems: 'Jadwal bertabrakan dengan kegiatan akhir tahun.', followUp: 'Dilanjutkan pada bulan Desember.', followUpDone: true, createdAt: entered(last, m, now), updatedAt: entered(last, 12, now) });
          }
        }
      }
      await appendAudit(tx, SYSTEM_ACTOR, { action: 'workplan.plan.update', entityType: 'workplan_plan', entityId: id, unitId: unit.id, data: { seed: true, number: y.number, date: y.date } });
    });
    seeded = true;
  }
  if (planIds[current] && (await seedMonevThisYear(db, unit.id, planIds[current], k))) seeded = true;
  for (const written of [2025, 2026]) {
    if (planIds[k.year(written)] && (await seedEvidence(db, files, unit.id, written, planIds[k.year(written)], k))) seeded = true;
  }
  // last: the template activities' order (EXCEPTIONS_2026, EVIDENCE) must not shift before the above
  for (const written of [2025, 2026]) {
    if (planIds[k.year(written)] && (await seedChangeActivities(db, unit.id, written, planIds[k.year(written)], staff.map((p) => p.id), k))) seeded = true;
  }
  return seeded;
}

/** The unit's own change-management activities (area 1), with the LKE items they serve. */
const CHANGE_ACTIVITIES: { title: string; months: number[]; outputs: string; evidence: string; lke: string[] }[] = [
  {
    title: 'Sosialisasi pembangunan Zona Integritas melalui apel pagi, situs web dan media sosial dinas',
    months: [1, 3, 5, 7, 9, 11], outputs: 'Informasi pembangunan ZI tersampaikan kepada pegawai dan masyarakat', evidence: 'Tautan publikasi, foto kegiatan, daftar hadir', lke: ['A.I.1.ii.c'],
  },
  {
    title: 'Pimpinan sebagai teladan: arahan integritas pada apel dan hadir langsung di ruang layanan',
    months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], outputs: 'Pimpinan menjadi contoh penerapan nilai organisasi', evidence: 'Dokumentasi apel, jadwal pimpinan di ruang layanan', lke: ['A.I.1.iv.a'],
  },
  {
    title: 'Internalisasi budaya kerja dan nilai organisasi (BerAKHLAK) dalam rapat unit',
    months: [2, 5, 8, 11], outputs: 'Nilai organisasi dipahami dan diterapkan seluruh pegawai', evidence: 'Notulen rapat, materi internalisasi, daftar hadir', lke: ['A.I.1.iv.c', 'A.II.1.iii.a'],
  },
];

async function seedChangeActivities(db: Db, unitId: string, written: number, planId: string, staff: string[], k: Clock): Promise<boolean> {
  const year = k.year(written), now = k.now;
  const [any] = await db.select({ id: activities.id }).from(activities).where(and(eq(activities.planId, planId), eq(activities.area, 1), eq(activities.templateAdded, false))).limit(1);
  if (any) return false;
  // after the template's own area-1 rows (the ones the template added)
  const [{ seq0 }] = await db.select({ seq0: sql<number>`coalesce(max(${activities.seq}), 0)::int` }).from(activities).where(and(eq(activities.planId, planId), eq(activities.area, 1)));
  const [headAccount] = await accountsHoldingRole(db, 'unit_head', unitId);
  const [ketuaAccount] = await accountsHoldingRole(db, 'zi_ketua', unitId);
  // last year: every month; this year: up to October, as far as today has come
  const recorded = (m: number) => written === 2025 || (m <= 10 && enteredBy(year, m, now));
  await db.transaction(async (tx) => {
    for (const [i, a] of CHANGE_ACTIVITIES.entries()) {
      const [row] = await tx.insert(activities).values({
        planId, area: 1, seq: Number(seq0) + i + 1, title: a.title, months: a.months, outputs: a.outputs, evidenceExpected: a.evidence, lkeItems: a.lke,
        picPersonId: staff[(i + 1) % staff.length] ?? null, createdAt: demoAt(k.day(`${written}-01-21`), 9, 0, now),
      }).returning({ id: activities.id });
      for (const m of a.months.filter(recorded)) {
        // this year: the September socialisation only partly reached the UPT staff
        const partial = written === 2026 && i === 0 && m === 9;
        await tx.insert(monev).values(partial
          ? { activityId: row.id, month: m, status: 'partial', realisation: 70, notes: 'Sosialisasi di kantor dinas terlaksana.', problems: 'Pegawai UPT belum terjangkau.', followUp: 'Sosialisasi ulang di UPT pada apel bulan Oktober.', followUpDone: enteredBy(year, 10, now), createdBy: ketuaAccount ?? null, createdAt: entered(year, m, now), updatedAt: entered(year, 10, now) }
          : { activityId: row.id, month: m, status: 'done', realisation: 100, notes: 'Terlaksana sesuai jadwal.', createdBy: ketuaAccount ?? null, createdAt: entered(year, m, now), updatedAt: entered(year, m, now) });
      }
    }
    // the head records the leadership monev of each quarter himself
    if (headAccount) {
      const leadership = await tx.select({ id: activities.id }).from(activities).where(and(eq(activities.planId, planId), eq(activities.title, 'Keterlibatan Pimpinan'))).limit(1);
      if (leadership[0]) {
        await tx.update(monev).set({ createdBy: headAccount }).where(and(eq(monev.activityId, leadership[0].id), inArray(monev.month, [3, 6, 9])));
      }
    }
    await appendAudit(tx, SYSTEM_ACTOR, { action: 'workplan.activity.create', entityType: 'workplan_plan', entityId: planId, unitId, data: { seed: true, year, area: 1, activities: CHANGE_ACTIVITIES.length } });
  });
  // the socialisation's publications, on its monev records
  const [social] = await db.select({ id: activities.id }).from(activities).where(and(eq(activities.planId, planId), eq(activities.area, 1), eq(activities.title, CHANGE_ACTIVITIES[0]!.title))).limit(1);
  for (const m of [1, 5]) {
    const [rec] = await db.select({ id: monev.id }).from(monev).where(and(eq(monev.activityId, social!.id), eq(monev.month, m))).limit(1);
    if (!rec) continue;
    await attachUrl(db, SYSTEM_ACTOR, {
      unitId, url: `https://dpmptsp.bangka.example/berita/sosialisasi-zona-integritas-${year}-${String(m).padStart(2, '0')}`,
      title: `Berita sosialisasi Zona Integritas (${m === 1 ? 'Januari' : 'Mei'} ${year})`, at: new Date(Math.min(entered(year, m, now).getTime() + 3600_000, now.getTime())),
      subjectType: MONEV_SUBJECT, subjectId: planId, subjectKey: rec.id,
    });
  }
  return true;
}

async function activitiesInOrder(db: Db, planId: string) {
  return db.select({ id: activities.id, months: activities.months }).from(activities).where(eq(activities.planId, planId)).orderBy(asc(activities.templateAdded), asc(activities.area), asc(activities.seq));
}

/** This year's monev for January–October as far as today has come, once (only on a plan without any monev yet). */
async function seedMonevThisYear(db: Db, unitId: string, planId: string, k: Clock): Promise<boolean> {
  const year = k.year(2026), now = k.now;
  const acts = await activitiesInOrder(db, planId);
  if (acts.length === 0) return false;
  const [any] = await db.select({ id: monev.id }).from(monev).innerJoin(activities, eq(activities.id, monev.activityId)).where(eq(activities.planId, planId)).limit(1);
  if (any) return false;
  let n = 0;
  await db.transaction(async (tx) => {
    for (const [i, a] of acts.entries()) {
      for (const m of (a.months as number[]).filter((x) => x <= 10 && enteredBy(year, x, now))) {
        const ex = EXCEPTIONS_2026[`${i}:${m}`];
        if (ex?.status === 'none') continue;
        const at = entered(year, m, now);
        // a follow-up is done in the month after, once that month's monev has come
        const followUpDone = !!ex?.followUpDone && enteredBy(year, Math.min(m + 1, 11), now);
        await tx.insert(monev).values(ex
          ? { activityId: a.id, month: m, status: ex.status, realisation: ex.realisation ?? 0, notes: ex.notes ?? null, problems: ex.problems ?? null, followUp: ex.followUp ?? null, followUpDone, createdAt: at, updatedAt: followUpDone ? entered(year, Math.min(m + 1, 11), now) : at }
          : { activityId: a.id, month: m, status: 'done', realisation: 100, notes: DONE_NOTES[i] ?? 'Terlaksana sesuai jadwal.', createdAt: at, updatedAt: at });
        n++;
      }
    }
    if (n > 0) await appendAudit(tx, SYSTEM_ACTOR, { action: 'workplan.monev.save', entityType: 'workplan_plan', entityId: planId, unitId, data: { seed: true, year, records: n } });
  });
  return n > 0;
}

/** Evidence on some monev records of a year, once (only when none of the plan's monev has any). */
async function seedEvidence(db: Db, files: FileStore | null, unitId: string, written: number, planId: string, k: Clock): Promise<boolean> {
  const year = k.year(written);
  if ((await countEvidenceFor(db, MONEV_SUBJECT, planId)).size > 0) return false;
  const acts = await activitiesInOrder(db, planId);
  const records = await db.select({ id: monev.id, activityId: monev.activityId, month: monev.month }).from(monev)
    .innerJoin(activities, eq(activities.id, monev.activityId)).where(eq(activities.planId, planId));
  let added = 0;
  for (const w of EVIDENCE.filter((x) => x.year === written)) {
    const e = { ...w, title: k.text(w.title), file: w.file && k.text(w.file), lines: w.lines?.map(k.text), url: w.url && k.text(w.url) };
    const act = acts[e.act];
    const rec = act && records.find((r) => r.activityId === act.id && r.month === e.month);
    if (!rec) continue;
    const subject = { subjectType: MONEV_SUBJECT, subjectId: planId, subjectKey: rec.id };
    const at = new Date(Math.min(entered(year, e.month, k.now).getTime() + 3600_000, k.now.getTime()));
    if (e.file && files) {
      await uploadEvidence(db, files, SYSTEM_ACTOR, { unitId, bytes: demoPdf(e.lines ?? [e.title]), originalName: e.file, title: e.title, attachTo: subject, at });
    } else {
      // without a file store, a document is attached as a link to where it is published
      const url = e.url ?? `https://dpmptsp.bangka.example/dokumen/${e.file!.replace(/\.pdf$/, '').toLowerCase()}`;
      await attachUrl(db, SYSTEM_ACTOR, { unitId, url, title: e.title, at, ...subject });
    }
    added++;
  }
  return added > 0;
}

export { listPlanTemplates } from './plan.service.ts';
