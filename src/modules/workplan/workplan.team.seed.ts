// Demo data of Tim Kerja ZI and agen perubahan for DPMPTSP-KUKM, dated relative to the current year
// (written below as 2025 = last year and 2026 = this year, moved by kernel/demo-dates.ts): the team
// of last year (decree 800/045/DPMPTSP-KUKM/<last year> of 13 January) and this year, ten change
// agents for last year with twelve changes of which six are integrated (the A.II.1.i inputs of the
// worked example), and this year's agents with a few changes (none implemented after today). Runs
// once: nothing happens when the unit has a team.
import { and, eq } from 'drizzle-orm';
import { appendAudit, SYSTEM_ACTOR } from '../../kernel/audit.ts';
import type { Db } from '../../kernel/db.ts';
import { demoAt, demoHasCome, demoShift, demoText, demoYear } from '../../kernel/demo-dates.ts';
import type { FileStore } from '../../kernel/files.ts';
import { demoPdf } from '../../kernel/demo-pdf.ts';
import { attachUrl, uploadEvidence } from '../evidence/index.ts';
import { orgPeople as people, orgUnits as units } from '../org/index.ts';
import { AGENT_SUBJECT, CHANGE_SUBJECT } from './agents.queries.ts';
import { TEAM_SUBJECT } from './team.queries.ts';
import { agents, changes, teamMembers, teams } from './workplan.schema.ts';

// [surname-prefix of the demo staff, role, area]
const TEAM: [string, string, number | null][] = [
  ['Hendra Saputra', 'ketua', null],
  ['Fajar Nugroho', 'sekretaris', null],
  ['Yusuf Hidayat', 'coordinator', 1],
  ['Sri Wahyuni', 'coordinator', 2],
  ['Nurhayati', 'coordinator', 3],
  ['Taufik Hidayat', 'coordinator', 4],
  ['Dewi Lestari', 'coordinator', 5],
  ['Rina Marlina', 'coordinator', 6],
  ['Rizky Pratama', 'member', null],
  ['Putri Ayu Lestari', 'member', null],
  ['Siti Aminah', 'member', null],
  ['Maya Sari', 'member', null],
];

type Change = [string, string, string, boolean, string | null];
// [agent, [title, description, implemented on, integrated, integration note][]]
const AGENTS_2025: [string, Change[]][] = [
  ['Agus Salim', [
    ['Layanan antar izin ke rumah untuk pelaku UMKM', 'Izin usaha mikro yang sudah terbit diantar petugas ke rumah pelaku UMKM di kecamatan yang jauh dari Sungailiat.', '2025-03-10', true, 'Ditetapkan dalam SOP Layanan Antar Izin (Keputusan Kepala Dinas Nomor 800/112/DPMPTSP-KUKM/2025).'],
    ['Formulir perizinan daring terintegrasi OSS', 'Formulir pendukung perizinan daerah dapat diisi daring dan datanya diteruskan ke OSS RBA.', '2025-05-19', true, 'Masuk dalam standar pelayanan perizinan 2025.'],
  ]],
  ['Rizky Pratama', [
    ['Dasbor antrean layanan di ruang tunggu', 'Nomor antrean dan perkiraan waktu tunggu ditampilkan di layar ruang tunggu dan di situs dinas.', '2025-04-14', true, 'Menjadi bagian dari aplikasi layanan dinas.'],
  ]],
  ['Putri Ayu Lestari', [
    ['Survei kepuasan dengan kode QR di loket', 'Pemohon mengisi survei kepuasan melalui kode QR segera setelah dilayani.', '2025-02-24', true, 'Diatur dalam SOP Survei Kepuasan Masyarakat.'],
  ]],
  ['Muhammad Iqbal', [
    ['Klinik konsultasi koperasi setiap Kamis', 'Pendampingan pengurus koperasi tentang RAT dan pembukuan, terjadwal setiap Kamis.', '2025-06-05', false, null],
  ]],
  ['Siti Aminah', [
    ['Daftar periksa kelengkapan berkas di loket', 'Petugas loket memakai daftar periksa agar berkas tidak bolak-balik.', '2025-03-03', true, 'Daftar periksa menjadi lampiran SOP penerimaan berkas.'],
  ]],
  ['Bambang Irawan', [
    ['Notifikasi WhatsApp status verifikasi berkas', 'Pemohon menerima pesan WhatsApp ketika berkasnya selesai diverifikasi.', '2025-07-21', true, 'Notifikasi otomatis menjadi bagian dari aplikasi perizinan dinas.'],
  ]],
  ['Lina Marlia', [
    ['Pojok layanan ramah disabilitas dan lansia', 'Meja layanan khusus dengan kursi roda dan pendamping bagi pemohon disabilitas dan lansia.', '2025-08-11', false, null],
  ]],
  ['Arif Rahman', [
    ['Peta sebaran izin usaha per kecamatan', 'Data izin terbit diolah menjadi peta sebaran untuk perencanaan promosi investasi.', '2025-09-15', false, null],
    ['Arsip digital berkas perizinan', 'Berkas perizinan lama dipindai dan dapat dicari menurut nomor izin.', '2025-10-20', false, null],
  ]],
  ['Wulandari', [
    ['Pembayaran retribusi nontunai di loket', 'Retribusi dapat dibayar dengan QRIS di loket pelayanan.', '2025-05-05', false, null],
  ]],
  ['Maya Sari', [
    ['Konten edukasi perizinan di media sosial', 'Video singkat mingguan tentang cara mengurus izin usaha.', '2025-04-07', false, null],
  ]],
];

const AGENTS_2026: [string, Change[]][] = [
  ['Agus Salim', [['Jemput bola perizinan di pasar tradisional', 'Loket keliling di pasar Sungailiat setiap Sabtu pertama.', '2026-02-07', true, 'Dijadwalkan dalam SOP Layanan Keliling 2026.']]],
  ['Rizky Pratama', [['Janji temu layanan daring', 'Pemohon memesan jadwal konsultasi melalui situs dinas.', '2026-03-16', false, null]]],
  ['Putri Ayu Lestari', [['Maklumat pelayanan dalam bahasa daerah', 'Maklumat dan standar pelayanan dipasang juga dalam bahasa Bangka.', '2026-04-20', true, 'Ditetapkan dengan Keputusan Kepala Dinas.']]],
  ['Muhammad Iqbal', []],
  ['Maya Sari', [['Siaran langsung tanya jawab perizinan', 'Sesi tanya jawab bulanan di media sosial dinas.', '2026-05-12', false, null]]],
  ['Taufik Hidayat', []],
];


/** The year the story below is written in as "this year". */
const BASE = 2026;

export async function seedWorkplanTeamDemo(db: Db, files: FileStore | null = null, now = new Date()): Promise<boolean> {
  const shift = demoYear(now) - BASE;
  const day = (iso: string) => demoShift(iso, BASE, now);
  const text = (s: string) => demoText(s, BASE, now);
  const at = (iso: string, hourWib: number) => demoAt(day(iso), hourWib, 0, now);
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.code, 'DPMPTSPKUKM')).limit(1);
  if (!unit) return false;
  const [done] = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.unitId, unit.id))).limit(1);
  if (done) return false;
  const staff = await db.select({ id: people.id, name: people.name }).from(people).where(eq(people.unitId, unit.id));
  const person = (prefix: string) => {
    const p = staff.find((s) => s.name.startsWith(prefix));
    if (!p) throw new Error(`demo person ${prefix} missing`);
    return p.id;
  };
  const teamIds: Record<number, string> = {};
  await db.transaction(async (tx) => {
    for (const [written, number, date] of [[2025, '800/045/DPMPTSP-KUKM/2025', '2025-01-13'], [2026, '800/012/DPMPTSP-KUKM/2026', '2026-01-12']] as const) {
      const year = written + shift, decreeNumber = text(number), decreeDate = day(date), created = at(date, 9);
      const [team] = await tx.insert(teams).values({
        unitId: unit.id, year, decreeNumber, decreeDate, selection: 'clear_all',
        selectionNote: 'Anggota dipilih melalui seleksi terbuka (pendaftaran, wawancara oleh pimpinan) dan mewakili sekretariat, setiap bidang, pejabat fungsional dan pelaksana.',
        createdAt: created, updatedAt: created,
      }).returning();
      teamIds[written] = team.id;
      await tx.insert(teamMembers).values(TEAM.map(([name, role, area]) => ({ teamId: team.id, personId: person(name), role, area })));
      await appendAudit(tx, SYSTEM_ACTOR, { action: 'workplan.team.created', entityType: 'workplan_team', entityId: team.id, unitId: unit.id, data: { demo: true, year, decreeNumber } }, created);
    }
    for (const [written, list, number, date] of [[2025, AGENTS_2025, '800/046/DPMPTSP-KUKM/2025', '2025-01-20'], [2026, AGENTS_2026, '800/015/DPMPTSP-KUKM/2026', '2026-01-19']] as const) {
      const year = written + shift, decreeNumber = text(number), decreeDate = day(date);
      for (const [name, chs] of list) {
        const designated = at(date, 10);
        const [agent] = await tx.insert(agents).values({ unitId: unit.id, year, personId: person(name), decreeNumber, decreeDate, createdAt: designated, updatedAt: designated }).returning();
        await appendAudit(tx, SYSTEM_ACTOR, { action: 'workplan.agent.designated', entityType: 'workplan_agent', entityId: agent.id, unitId: unit.id, data: { demo: true, year, personId: agent.personId } }, designated);
        for (const [writtenTitle, writtenDescription, writtenOn, integrated, writtenNote] of chs) {
          // a change still to come this year is not recorded yet
          if (!demoHasCome(writtenOn, BASE, now)) continue;
          const title = text(writtenTitle), description = text(writtenDescription), implementedOn = day(writtenOn), integratedNote = writtenNote && text(writtenNote);
          const cat = at(writtenOn, 11);
          const [ch] = await tx.insert(changes).values({ agentId: agent.id, title, description, implementedOn, integrated, integratedNote, createdAt: cat, updatedAt: cat }).returning();
          await appendAudit(tx, SYSTEM_ACTOR, { action: 'workplan.change.added', entityType: 'workplan_change', entityId: ch.id, unitId: unit.id, data: { demo: true, title, integrated } }, cat);
          if (integrated) {
            await attachUrl(tx, SYSTEM_ACTOR, {
              unitId: unit.id, url: `https://dpmptsp.bangka.example/inovasi/${ch.id.slice(0, 8)}`, title: `Dokumentasi: ${title}`, at: cat,
              subjectType: CHANGE_SUBJECT, subjectId: ch.id, subjectKey: '',
            });
          }
        }
        void AGENT_SUBJECT;
      }
    }
  });
  // the decree files go through the evidence module (stored bytes; outside the transaction)
  if (files) {
    for (const [written, writtenLabel, date] of [[2025, 'SK Kepala Dinas 800/045/DPMPTSP-KUKM/2025 tentang Tim Kerja Pembangunan ZI', '2025-01-13'], [2026, 'SK Kepala Dinas 800/012/DPMPTSP-KUKM/2026 tentang Tim Kerja Pembangunan ZI', '2026-01-12']] as const) {
      const label = text(writtenLabel);
      await uploadEvidence(db, files, SYSTEM_ACTOR, {
        unitId: unit.id, bytes: demoPdf(['PEMERINTAH KABUPATEN BANGKA', 'DINAS PENANAMAN MODAL, PTSP, KOPERASI DAN UKM', '', label, '', 'Menetapkan susunan Tim Kerja Pembangunan Zona Integritas', 'menuju Wilayah Bebas dari Korupsi (WBK).']), originalName: `SK-Tim-Kerja-ZI-${written + shift}.pdf`, title: label,
        attachTo: { subjectType: TEAM_SUBJECT, subjectId: teamIds[written], subjectKey: '' }, at: at(date, 12),
      });
    }
  }
  return true;
}
