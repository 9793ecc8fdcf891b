// Demo organisation: Kabupaten Bangka with the seed document's unit (DPMPTSP-KUKM), other OPDs,
// the Inspektorat, realistic staff, and one demo account per role.
import { eq } from 'drizzle-orm';
import type { Role } from '../../kernel/access.ts';
import { appendAudit, SYSTEM_ACTOR } from '../../kernel/audit.ts';
import { hashPassword } from '../../kernel/auth.ts';
import type { Db } from '../../kernel/db.ts';
import { accounts, notifications } from '../../kernel/schema.ts';
import { findRegency } from './org.queries.ts';
import { parseNip, type PositionClass } from './org.rules.ts';
import { people, regencies, roleAssignments, units } from './org.schema.ts';

export const DEMO_PASSWORD = 'DemoZI-2026!';

interface DemoUnit { code: string; name: string; shortName: string; kind: string; parent?: string; address?: string; phone?: string; email?: string }
const UNITS: DemoUnit[] = [
  { code: 'DPMPTSPKUKM', name: 'Dinas Penanaman Modal, Pelayanan Perizinan Terpadu Satu Pintu, Koperasi, Usaha Kecil dan Menengah', shortName: 'DPMPTSP-KUKM', kind: 'dinas', address: 'Jalan Pemuda, Sungailiat 33215', phone: '(0717) 96107', email: 'dinpmp2kukm@gmail.com' },
  { code: 'INSPEKTORAT', name: 'Inspektorat Daerah Kabupaten Bangka', shortName: 'Inspektorat', kind: 'inspektorat', address: 'Jalan Ahmad Yani, Sungailiat' },
  { code: 'DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil', shortName: 'Disdukcapil', kind: 'dinas', address: 'Jalan Jenderal Sudirman, Sungailiat' },
  { code: 'DINKES', name: 'Dinas Kesehatan', shortName: 'Dinkes', kind: 'dinas', address: 'Jalan Ahmad Yani, Sungailiat' },
  { code: 'PKM-SGL', name: 'UPT Puskesmas Sungailiat', shortName: 'Puskesmas Sungailiat', kind: 'upt', parent: 'DINKES', address: 'Jalan Jenderal Sudirman, Sungailiat' },
  { code: 'BPKPD', name: 'Badan Pengelolaan Keuangan dan Pendapatan Daerah', shortName: 'BPKPD', kind: 'badan' },
  { code: 'SETDA-ORG', name: 'Sekretariat Daerah — Bagian Organisasi', shortName: 'Bagian Organisasi', kind: 'sekretariat' },
];

// [name, birth YYYYMMDD, appointed YYYYMM, gender 1/2, position, class, rank]
type P = [string, string, string, 1 | 2, string, PositionClass, string];
const STAFF: Record<string, P[]> = {
  DPMPTSPKUKM: [
    ['Elius Gani, S.H., M.H.', '19680412', '199303', 1, 'Kepala Dinas', 'jpt', 'Pembina Utama Muda (IV/c)'],
    ['Hendra Saputra, S.Sos., M.Si.', '19750818', '200003', 1, 'Sekretaris Dinas', 'administrator', 'Pembina (IV/a)'],
    ['Rina Marlina, S.E.', '19800221', '200501', 2, 'Kepala Bidang Pelayanan Perizinan', 'administrator', 'Pembina (IV/a)'],
    ['Yusuf Hidayat, S.T.', '19790905', '200412', 1, 'Kepala Bidang Penanaman Modal', 'administrator', 'Pembina (IV/a)'],
    ['Sri Wahyuni, S.E., M.M.', '19770330', '200212', 2, 'Kepala Bidang Koperasi dan UKM', 'administrator', 'Pembina (IV/a)'],
    ['Agus Salim, S.Kom.', '19850614', '201001', 1, 'Kepala Seksi Pelayanan Perizinan Usaha', 'pengawas', 'Penata Tk. I (III/d)'],
    ['Dewi Lestari, S.H.', '19860102', '201101', 2, 'Kepala Seksi Pengaduan dan Informasi', 'pengawas', 'Penata Tk. I (III/d)'],
    ['Fajar Nugroho, S.Si.', '19880720', '201212', 1, 'Kepala Sub Bagian Umum dan Kepegawaian', 'pengawas', 'Penata (III/c)'],
    ['Nurhayati, S.E.', '19870911', '201103', 2, 'Kepala Sub Bagian Keuangan', 'pengawas', 'Penata (III/c)'],
    ['Rizky Pratama, S.Kom.', '19920315', '201903', 1, 'Pranata Komputer Ahli Pertama', 'fungsional', 'Penata Muda Tk. I (III/b)'],
    ['Putri Ayu Lestari, S.A.P.', '19940508', '202003', 2, 'Analis Kebijakan Ahli Pertama', 'fungsional', 'Penata Muda (III/a)'],
    ['Muhammad Iqbal, S.E.', '19910127', '201803', 1, 'Penyuluh Koperasi', 'fungsional', 'Penata Muda Tk. I (III/b)'],
    ['Siti Aminah', '19830416', '200901', 2, 'Pengadministrasi Perizinan', 'pelaksana', 'Pengatur Tk. I (II/d)'],
    ['Bambang Irawan', '19810923', '200701', 1, 'Verifikator Berkas Perizinan', 'pelaksana', 'Penata Muda (III/a)'],
    ['Lina Marlia, A.Md.', '19900612', '201503', 2, 'Pengelola Layanan Operasional', 'pelaksana', 'Pengatur (II/c)'],
    ['Arif Rahman', '19890304', '201403', 1, 'Pengelola Data Perizinan', 'pelaksana', 'Pengatur Tk. I (II/d)'],
    ['Wulandari, S.E.', '19930819', '202003', 2, 'Bendahara Pengeluaran', 'pelaksana', 'Penata Muda (III/a)'],
    ['Dedi Kurniawan', '19780107', '200301', 1, 'Pengemudi', 'pelaksana', 'Pengatur Muda Tk. I (II/b)'],
    ['Maya Sari, S.I.Kom.', '19950222', '202203', 2, 'Pranata Hubungan Masyarakat', 'fungsional', 'Penata Muda (III/a)'],
    ['Taufik Hidayat, S.H.', '19900830', '201603', 1, 'Analis Hukum', 'fungsional', 'Penata Muda Tk. I (III/b)'],
  ],
  INSPEKTORAT: [
    ['Drs. Zulkarnain, M.Si.', '19690715', '199403', 1, 'Inspektur Daerah', 'jpt', 'Pembina Utama Muda (IV/c)'],
    ['Indah Permatasari, S.E., Ak.', '19820405', '200801', 2, 'Auditor Ahli Muda', 'fungsional', 'Penata Tk. I (III/d)'],
    ['Rudi Hartono, S.E.', '19840917', '201001', 1, 'Auditor Ahli Muda', 'fungsional', 'Penata Tk. I (III/d)'],
    ['Novi Anggraini, S.H.', '19890126', '201403', 2, 'Pengawas Penyelenggaraan Urusan Pemerintahan Daerah Ahli Pertama', 'fungsional', 'Penata (III/c)'],
  ],
  DISDUKCAPIL: [
    ['Ir. Syahrial, M.T.', '19700909', '199603', 1, 'Kepala Dinas', 'jpt', 'Pembina Tk. I (IV/b)'],
    ['Fitri Handayani, S.Kom.', '19870303', '201101', 2, 'Kepala Bidang Pelayanan Pendaftaran Penduduk', 'administrator', 'Pembina (IV/a)'],
    ['Andi Setiawan', '19880808', '201301', 1, 'Operator Layanan Adminduk', 'pelaksana', 'Pengatur (II/c)'],
    ['Ratna Dewi', '19910419', '201703', 2, 'Pengadministrasi Kependudukan', 'pelaksana', 'Pengatur (II/c)'],
  ],
  DINKES: [
    ['dr. Hasan Basri, M.Kes.', '19720214', '199912', 1, 'Kepala Dinas', 'jpt', 'Pembina Tk. I (IV/b)'],
    ['Eka Putri, S.K.M.', '19860510', '201012', 2, 'Administrator Kesehatan Ahli Muda', 'fungsional', 'Penata Tk. I (III/d)'],
  ],
  'PKM-SGL': [
    ['dr. Melati Kusuma', '19850927', '201103', 2, 'Kepala UPT Puskesmas Sungailiat', 'pengawas', 'Penata Tk. I (III/d)'],
    ['Yanti Rahayu, A.Md.Kep.', '19920101', '201803', 2, 'Perawat Terampil', 'fungsional', 'Pengatur Tk. I (II/d)'],
  ],
  BPKPD: [
    ['Herman Sjahrir, S.E., M.Si.', '19710606', '199703', 1, 'Kepala Badan', 'jpt', 'Pembina Utama Muda (IV/c)'],
    ['Sulastri, S.E.', '19830812', '200901', 2, 'Analis Keuangan Pusat dan Daerah Ahli Muda', 'fungsional', 'Penata Tk. I (III/d)'],
  ],
  'SETDA-ORG': [
    ['Irwan Susanto, S.STP., M.Si.', '19820909', '200408', 1, 'Kepala Bagian Organisasi', 'administrator', 'Pembina (IV/a)'],
    ['Desi Ratnasari, S.Kom.', '19900420', '201503', 2, 'Analis Kelembagaan', 'fungsional', 'Penata (III/c)'],
  ],
};

export interface DemoAccount { username: string; roles: [Role, string | null, number?][]; person?: [string, number]; displayName?: string; describeKey: string }
/** One demo account per role; person = [unit code, index in STAFF]. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', roles: [['regency_admin', null]], person: ['SETDA-ORG', 1], describeKey: 'role.regency_admin' },
  { username: 'bupati', roles: [['regency_viewer', null]], displayName: 'Bupati Bangka', describeKey: 'role.regency_viewer' },
  { username: 'kadis', roles: [['unit_head', 'DPMPTSPKUKM'], ['employee', 'DPMPTSPKUKM']], person: ['DPMPTSPKUKM', 0], describeKey: 'role.unit_head' },
  { username: 'ketua.zi', roles: [['zi_ketua', 'DPMPTSPKUKM'], ['employee', 'DPMPTSPKUKM']], person: ['DPMPTSPKUKM', 1], describeKey: 'role.zi_ketua' },
  { username: 'sekretaris.zi', roles: [['zi_sekretaris', 'DPMPTSPKUKM'], ['employee', 'DPMPTSPKUKM']], person: ['DPMPTSPKUKM', 7], describeKey: 'role.zi_sekretaris' },
  { username: 'koordinator', roles: [['zi_coordinator', 'DPMPTSPKUKM', 6], ['employee', 'DPMPTSPKUKM']], person: ['DPMPTSPKUKM', 2], describeKey: 'role.zi_coordinator' },
  { username: 'anggota.zi', roles: [['zi_member', 'DPMPTSPKUKM'], ['employee', 'DPMPTSPKUKM']], person: ['DPMPTSPKUKM', 9], describeKey: 'role.zi_member' },
  { username: 'pegawai', roles: [['employee', 'DPMPTSPKUKM']], person: ['DPMPTSPKUKM', 12], describeKey: 'role.employee' },
  { username: 'pegawai.dukcapil', roles: [['employee', 'DISDUKCAPIL']], person: ['DISDUKCAPIL', 2], describeKey: 'role.employee' },
  { username: 'tpi', roles: [['tpi_evaluator', 'DPMPTSPKUKM'], ['tpi_evaluator', 'DISDUKCAPIL'], ['employee', 'INSPEKTORAT']], person: ['INSPEKTORAT', 1], describeKey: 'role.tpi_evaluator' },
  { username: 'pengaduan', roles: [['complaint_handler', 'DPMPTSPKUKM'], ['employee', 'DPMPTSPKUKM']], person: ['DPMPTSPKUKM', 6], describeKey: 'role.complaint_handler' },
  { username: 'wbs', roles: [['wbs_handler', 'DPMPTSPKUKM'], ['employee', 'DPMPTSPKUKM']], person: ['DPMPTSPKUKM', 19], describeKey: 'role.wbs_handler' },
  { username: 'upg', roles: [['upg_handler', 'DPMPTSPKUKM'], ['employee', 'DPMPTSPKUKM']], person: ['DPMPTSPKUKM', 8], describeKey: 'role.upg_handler' },
  { username: 'ppid', roles: [['ppid_handler', 'DPMPTSPKUKM'], ['employee', 'DPMPTSPKUKM']], person: ['DPMPTSPKUKM', 18], describeKey: 'role.ppid_handler' },
];

/** Seeds the demo organisation once; returns false when a regency already exists. */
export async function seedOrgDemo(db: Db, opts: { now?: Date } = {}): Promise<boolean> {
  if (await findRegency(db)) return false;
  const now = opts.now ?? new Date();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const [regency] = await tx.insert(regencies).values({ name: 'Pemerintah Kabupaten Bangka', kind: 'kabupaten', capital: 'Sungailiat', province: 'Kepulauan Bangka Belitung', headTitle: 'Bupati' }).returning({ id: regencies.id });
    const unitIds = new Map<string, string>();
    for (const u of UNITS) {
      const [row] = await tx.insert(units).values({
        regencyId: regency.id, parentId: u.parent ? unitIds.get(u.parent)! : null, code: u.code, name: u.name, shortName: u.shortName, kind: u.kind,
        address: u.address ?? null, phone: u.phone ?? null, email: u.email ?? null,
      }).returning({ id: units.id });
      unitIds.set(u.code, row.id);
    }
    const personIds = new Map<string, string>();
    let seq = 1;
    for (const [code, staff] of Object.entries(STAFF)) {
      const values = staff.map(([name, birth, appointed, g, position, positionClass, rank], i) => {
        const nip = `${birth}${appointed}${g}${String(seq++).padStart(3, '0')}`;
        const parsed = parseNip(nip, now);
        if (!parsed.ok) throw new Error(`demo NIP ${nip} invalid: ${parsed.error}`);
        const local = name.split(',')[0].toLowerCase().replace(/^(dr|drs|ir)\.\s*/, '').replace(/[^a-z ]/g, '').trim().split(/\s+/).slice(0, 2).join('.');
        return {
          key: `${code}:${i}`,
          row: {
            unitId: unitIds.get(code)!, name, nip, birthDate: parsed.info.birthDate, gender: parsed.info.gender, position, positionClass, rank,
            email: `${local}@bangka.go.id`, phone: `0812${String(7000000 + seq * 7919).slice(0, 7)}`,
          },
        };
      });
      const rows = await tx.insert(people).values(values.map((v) => v.row)).returning({ id: people.id, nip: people.nip });
      rows.forEach((r, i) => personIds.set(values[i].key, r.id));
    }
    for (const a of DEMO_ACCOUNTS) {
      const personKey = a.person ? `${a.person[0]}:${a.person[1]}` : null;
      const staff = a.person ? STAFF[a.person[0]][a.person[1]] : null;
      const [acc] = await tx.insert(accounts).values({
        username: a.username, passwordHash, displayName: a.displayName ?? staff![0], email: `${a.username}@demo.integritas.local`, mustChangePassword: false,
      }).returning({ id: accounts.id });
      if (personKey) {
        await tx.update(people).set({ accountId: acc.id }).where(eq(people.id, personIds.get(personKey)!));
      }
      await tx.insert(roleAssignments).values(a.roles.map(([role, code, area]) => ({ accountId: acc.id, role, unitId: code ? unitIds.get(code)! : null, area: area ?? null })));
      await tx.insert(notifications).values({
        accountId: acc.id, kind: 'account', subjectKey: 'notify.welcome.subject', bodyKey: 'notify.welcome.body', params: { username: a.username }, link: '/account', createdAt: now,
      });
    }
    await appendAudit(tx, SYSTEM_ACTOR, { action: 'demo.seeded', entityType: 'regency', entityId: regency.id, data: { units: UNITS.length, accounts: DEMO_ACCOUNTS.length } }, now);
  });
  return true;
}
