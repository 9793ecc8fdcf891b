// Demo WBS data: the demo handler ('wbs', DPMPTSP-KUKM) gets a key pair sealed with the demo
// password, so signing in as 'wbs' opens the seeded reports; six anonymous reports of this and last year in various
// states with messages, all really encrypted. No recovery key is seeded: the regency administrator
// creates it at /wbs/admin (its private key is shown once, never stored — decision 0010). Seeded
// reports have no usable receipt (their receipts were never shown to anyone).
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../kernel/db.ts';
import type { FileStore } from '../../kernel/files.ts';
import { demoDate, demoText } from '../../kernel/demo-dates.ts';
import { accounts } from '../../kernel/schema.ts';
import { findUnitByCode } from '../org/index.ts';
import { dayIn } from '../../kernel/workdays.ts';
import { generateKeyPair, sealPrivateKey, unwrapWith } from './wbs.crypto.ts';
import { wbsEvaluations, wbsHandlerKeys, wbsMessages, wbsReportKeys, wbsReports } from './wbs.schema.ts';
import { purgeAfterOf } from './wbs.rules.ts';
import { addMessage, changeState, submitReport, type SubmitDeps } from './wbs.service.ts';

const DEMO_PASSWORD = 'DemoZI-2026!';

interface DemoReport { what: string; who: string; when: string; where: string; identity?: { name: string; contact: string }; months: number; path: [string, string][]; messages: ['reporter' | 'handler', string][] }

/** The story is written with 2026 as this year; demoText moves its years with the demo year. */
const BASE = 2026;

const REPORTS: DemoReport[] = [
  {
    what: 'Petugas survei lapangan izin mendirikan bangunan meminta "uang bensin" Rp300.000 setiap kunjungan, di luar ketentuan retribusi.',
    who: 'Petugas survei lapangan bidang perizinan', when: 'Agustus 2025', where: 'Lokasi usaha pemohon, Kecamatan Sungailiat',
    months: 15, path: [['verified', 'Laporan memenuhi kriteria.'], ['investigating', 'Diteruskan ke Inspektorat.'], ['proven', ''], ['closed', 'Terlapor dijatuhi hukuman disiplin sedang; survei kini didampingi dua petugas.']],
    messages: [['handler', 'Terima kasih atas laporan Anda. Kapan kunjungan terakhir dilakukan?'], ['reporter', 'Kunjungan terakhir pada pertengahan Agustus.']],
  },
  {
    what: 'Saat mengurus izin usaha (NIB dan izin lokasi), petugas loket meminta uang "percepatan" Rp1.500.000 di luar tarif resmi, dan berkas saya ditahan sampai uang diberikan.',
    who: 'Petugas loket perizinan lantai 1 (laki-laki, berkacamata)', when: 'Februari 2026', where: 'Mal Pelayanan Publik, loket perizinan',
    months: 9, path: [['verified', 'Laporan memenuhi kriteria: terlapor, perbuatan, dan waktu jelas.'], ['investigating', 'Diteruskan ke Inspektorat untuk pemeriksaan.'], ['proven', ''], ['closed', 'Terlapor dijatuhi hukuman disiplin; prosedur loket diubah.']],
    messages: [['handler', 'Terima kasih. Apakah Anda menyimpan bukti transfer atau pesan dari petugas?'], ['reporter', 'Ada tangkapan layar percakapan WhatsApp, akan saya lampirkan bila diperlukan.']],
  },
  {
    what: 'Pengadaan alat tulis kantor tahun 2025 diduga digelembungkan: harga di kuitansi dua kali harga pasar, dan barang yang datang lebih sedikit dari yang dibayar.',
    who: 'Pejabat pengadaan bidang umum', when: 'Oktober–Desember 2025', where: 'Sekretariat dinas',
    identity: { name: 'Budi (pegawai bidang umum)', contact: '0812-0000-1111' },
    months: 6, path: [['verified', ''], ['investigating', 'Pemeriksaan dokumen pengadaan sedang berjalan.']],
    messages: [['handler', 'Laporan Anda sedang diperiksa. Mohon sebutkan nomor kontrak bila Anda mengetahuinya.']],
  },
  {
    what: 'Ada pegawai yang menerima parsel dan voucher dari pemohon izin menjelang hari raya.',
    who: 'Kepala seksi pelayanan', when: 'Maret 2026', where: 'Kantor dinas',
    months: 4, path: [['verified', '']], messages: [],
  },
  {
    what: 'Saya kesal karena antrean lama.',
    who: 'Tidak tahu', when: '', where: 'Loket',
    months: 2, path: [['rejected', 'Laporan bukan dugaan pelanggaran oleh pegawai; silakan sampaikan melalui kanal pengaduan pelayanan.']], messages: [],
  },
  {
    what: 'Seorang pejabat meminta saya sebagai pelaku usaha menyewa kendaraan milik keluarganya untuk kegiatan dinas.',
    who: 'Pejabat bidang penanaman modal', when: 'Minggu lalu', where: 'Rapat koordinasi di aula',
    months: 0, path: [], messages: [['handler', 'Laporan diterima. Kami akan memverifikasi dalam 5 hari kerja.']],
  },
];

/** Seeds the demo data of the module; true when anything was added. */
export async function seedWbsDemo(db: Db, files: FileStore | null = null): Promise<boolean> {
  const [any] = await db.select({ id: wbsReports.id }).from(wbsReports).limit(1);
  if (any) return false;
  const [handler] = await db.select().from(accounts).where(eq(accounts.username, 'wbs'));
  const unitId = (await findUnitByCode(db, 'DPMPTSPKUKM'))?.id;
  if (!handler || !unitId || !files) return false;
  const pair = generateKeyPair();
  const [existing] = await db.select().from(wbsHandlerKeys).where(eq(wbsHandlerKeys.accountId, handler.id));
  if (existing) return false;
  await db.insert(wbsHandlerKeys).values({ accountId: handler.id, publicKey: pair.publicKey, sealedPrivateKey: await sealPrivateKey(pair.privateKey, DEMO_PASSWORD) });
  // seeded receipts are never shown: a throwaway pepper makes them unusable by design
  const d: SubmitDeps = { db, files, secretKey: randomBytes(32).toString('base64'), timeZone: 'Asia/Jakarta' };
  const actor = { accountId: handler.id, label: handler.username };
  const now = new Date();
  for (const r of REPORTS) {
    const { id } = await submitReport(d, { unitId, what: demoText(r.what, BASE), who: r.who, when: demoText(r.when, BASE), where: r.where, identity: r.identity ?? null }, []);
    const [k] = await db.select().from(wbsReportKeys).where(eq(wbsReportKeys.reportId, id));
    const dataKey = unwrapWith(k.wrappedKey, pair.privateKey, `report:${id}`);
    for (const [kind, body] of r.messages) await addMessage(d, id, dataKey, kind === 'reporter' ? { kind: 'reporter' } : { kind: 'handler', actor }, body);
    for (const [to, note] of r.path) await changeState(d, id, dataKey, actor, to, note);
    // spread the demo over the past months (days only, as everywhere in the WBS)
    const day = dayIn(new Date(now.getTime() - (r.months * 30 + 1) * 86_400_000));
    await db.update(wbsReports).set({ submittedOn: day, ...(r.path.some(([s]) => s === 'closed' || s === 'rejected') ? { closedOn: day, purgeAfter: purgeAfterOf(day) } : {}) }).where(eq(wbsReports.id, id));
    await db.update(wbsMessages).set({ on: day }).where(eq(wbsMessages.reportId, id));
  }
  await db.insert(wbsEvaluations).values([
    { unitId, heldOn: demoDate(-1, 7, 10, now), findings: 'Baru satu laporan WBS dalam satu semester; poster WBS belum terpasang di semua loket.', followUp: 'Poster dan kode QR WBS dipasang di setiap loket dan di laman dinas.', followedUp: true, createdBy: handler.id },
    { unitId, heldOn: demoDate(0, 1, 15, now), findings: 'Kanal WBS belum dikenal pemohon izin; waktu verifikasi rata-rata 7 hari kerja.', followUp: 'Banner WBS dipasang di MPP; verifikasi ditargetkan 5 hari kerja.', followedUp: true, createdBy: handler.id },
  ]);
  return true;
}
