// Demo conflict-of-interest management for DPMPTSP-KUKM (Kabupaten Bangka), dated relative to the
// current year (kernel/demo-dates.ts; the story is written with 2026 as this year). Last year,
// complete: the risk map of six main functions (five mapped), three socialisations, periodic
// declarations by most employees, two ad hoc declarations without conflict, two semester
// evaluations with every recommendation followed up. This year, as far as today has come: the map,
// socialisations, periodic declarations (four missing, 'pegawai' among them), ad hoc declarations on
// procurement, licensing and cooperative supervision — one declared conflict reviewed with recusal
// and its follow-up done, and always one awaiting review by the Kabid Perizinan ('koordinator') —
// and the semester evaluations held so far, recommendations partly followed up. Something small in
// Disdukcapil so that scoping shows. Seeded once; nothing dated after today.
import { and, eq, inArray } from 'drizzle-orm';
import { appendAudit, SYSTEM_ACTOR } from '../../kernel/audit.ts';
import type { Db } from '../../kernel/db.ts';
import { demoHasCome, demoShift, demoText, demoYear } from '../../kernel/demo-dates.ts';
import { demoPdf } from '../../kernel/demo-pdf.ts';
import type { FileStore } from '../../kernel/files.ts';
import { accounts } from '../../kernel/schema.ts';
import { uploadEvidence } from '../evidence/index.ts';
import { orgPeople as people, orgUnits as units } from '../org/index.ts';
import { currentVersion } from './coi.rules.ts';
import { coiDeclarations, coiEvaluations, coiFunctions, coiRecommendations, coiRisks, coiSocialisations } from './coi.schema.ts';
import { SUBJECT_RECOMMENDATION, SUBJECT_SOCIALISATION } from './coi.queries.ts';

/** The year the story below is written in as "this year" (2025 = last year). */
const BASE = 2026;
/** A date of the story in the current years (never after today) and its years in a title or number (never legal text). */
const D = (iso: string) => demoShift(iso, BASE);
const T = (text: string) => demoText(text, BASE);
const come = (iso: string) => demoHasCome(iso, BASE);
/** 09:00 WIB of a (moved) date, never after now. */
const at = (d: string) => new Date(Math.min(Date.parse(`${d}T09:00:00+07:00`), Date.now()));

// [name, service code or null, risks: [source, form, positions, likelihood, impact, controls, mitigation][]]
type R = [string, string, string, number, number, string, string];
const FUNCTIONS: [string, R[]][] = [
  ['Pelayanan perizinan berusaha (OSS-RBA)', [
    ['family', 'Memverifikasi atau menyetujui permohonan izin usaha milik keluarga/kerabat', 'Verifikator berkas, Kepala Seksi Pelayanan Perizinan Usaha', 3, 4, 'Verifikasi berjenjang; SOP perizinan', 'Deklarasi per permohonan; verifikator dengan hubungan keluarga diganti'],
    ['gratification', 'Menerima pemberian dari pemohon atau konsultan perizinan untuk mempercepat proses', 'Petugas front office, verifikator', 3, 5, 'Larangan gratifikasi di maklumat; CCTV loket', 'Sosialisasi UPG; pelaporan gratifikasi; rotasi petugas loket'],
  ]],
  ['Pelayanan perizinan non-berusaha', [
    ['affiliation', 'Memproses izin reklame atau bangunan yang diajukan rekan organisasi/alumni', 'Verifikator teknis', 2, 3, 'Tim teknis lintas OPD', 'Deklarasi per permohonan'],
  ]],
  ['Penanganan pengaduan dan informasi', [
    ['personal_interest', 'Menangani pengaduan yang menyangkut diri sendiri atau rekan satu bidang', 'Kepala Seksi Pengaduan dan Informasi, petugas pengaduan', 2, 3, 'Pencatatan pengaduan di aplikasi', 'Pengaduan tentang pegawai dialihkan ke atasan yang tidak terkait'],
  ]],
  ['Pengawasan dan pembinaan koperasi', [
    ['business_interest', 'Memeriksa koperasi tempat pemeriksa menjadi anggota atau pengurus', 'Penyuluh koperasi, Kepala Bidang Koperasi dan UKM', 3, 4, 'Surat tugas pemeriksaan', 'Pernyataan independensi sebelum pemeriksaan; penggantian pemeriksa'],
    ['outside_employment', 'Menjadi konsultan berbayar bagi koperasi yang dibina', 'Penyuluh koperasi', 2, 4, 'Izin atasan untuk kegiatan di luar dinas', 'Larangan tertulis; deklarasi berkala'],
  ]],
  ['Pemberdayaan usaha kecil dan menengah', []],
  ['Pengadaan barang/jasa', [
    ['family', 'Anggota pokja/pejabat pengadaan memiliki hubungan keluarga dengan penyedia', 'Pejabat Pengadaan, PPK, PPHP', 3, 5, 'Pakta integritas pengadaan', 'Deklarasi per paket; pengunduran diri dari paket'],
    ['concurrent_position', 'PPK merangkap sebagai penerima hasil pekerjaan', 'PPK, Sekretaris Dinas', 2, 3, 'Pemisahan tugas di SK', 'Penetapan PPHP terpisah'],
  ]],
];

// who of DPMPTSP-KUKM made this year's periodic declaration (last year's a year earlier), with the main function (index) they work in
const PERIODIC: [string, string, number | null][] = [
  ['Elius Gani, S.H., M.H.', '2026-01-12', null],
  ['Hendra Saputra, S.Sos., M.Si.', '2026-01-12', 5],
  ['Rina Marlina, S.E.', '2026-01-13', 0],
  ['Yusuf Hidayat, S.T.', '2026-01-13', 1],
  ['Sri Wahyuni, S.E., M.M.', '2026-01-14', 3],
  ['Agus Salim, S.Kom.', '2026-01-14', 0],
  ['Dewi Lestari, S.H.', '2026-01-15', 2],
  ['Fajar Nugroho, S.Si.', '2026-01-15', 5],
  ['Nurhayati, S.E.', '2026-01-16', 5],
  ['Rizky Pratama, S.Kom.', '2026-01-19', null],
  ['Putri Ayu Lestari, S.A.P.', '2026-01-19', null],
  ['Muhammad Iqbal, S.E.', '2026-01-20', 3],
  ['Bambang Irawan', '2026-01-20', 0],
  ['Lina Marlia, A.Md.', '2026-01-21', 2],
  ['Wulandari, S.E.', '2026-01-22', null],
  ['Taufik Hidayat, S.H.', '2026-02-02', null],
];

export async function seedCoiDemo(db: Db, files: FileStore | null = null): Promise<boolean> {
  const [any] = await db.select({ id: coiFunctions.id }).from(coiFunctions).limit(1);
  if (any) return false;
  const unitRows = await db.select({ id: units.id, code: units.code }).from(units).where(inArray(units.code, ['DPMPTSPKUKM', 'DISDUKCAPIL']));
  const unitId = unitRows.find((u) => u.code === 'DPMPTSPKUKM')?.id;
  const dukcapil = unitRows.find((u) => u.code === 'DISDUKCAPIL')?.id;
  if (!unitId || !dukcapil) return false;
  const staff = await db.select({ id: people.id, name: people.name, accountId: people.accountId, unitId: people.unitId }).from(people).where(inArray(people.unitId, [unitId, dukcapil]));
  const person = (name: string) => staff.find((p) => p.name === name);
  const kadis = person('Elius Gani, S.H., M.H.');
  if (!kadis?.accountId) return false;
  const [kadisAccount] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, kadis.accountId));
  const version = currentVersion();
  const base = { rulesVersion: version.id, statementVersion: version.statement.version };
  const YEAR = demoYear();
  /** The story's year (2025 or 2026) as a demo year. */
  const yearOf = (iso: string) => Number(D(iso).slice(0, 4));

  const socialisations: { id: string; on: string; doc: [string, string, string[]] }[] = [];
  const recIds: { id: string; on: string }[] = [];
  const done = await db.transaction(async (tx) => {
    // ---- risk maps: last year's and this year's (the same functions)
    const fnIds: Record<number, string[]> = {};
    for (const written of ['2025-01-08', '2026-01-08']) {
      const year = yearOf(written);
      fnIds[year] = [];
      let pos = 0;
      for (const [name, risks] of FUNCTIONS) {
        const [f] = await tx.insert(coiFunctions).values({ unitId, year, name, position: ++pos, createdAt: at(D(written)) }).returning({ id: coiFunctions.id });
        fnIds[year].push(f!.id);
        for (const [source, form, positions, likelihood, impact, controls, mitigation] of risks) {
          await tx.insert(coiRisks).values({ functionId: f!.id, unitId, source, form, positions, likelihood, impact, controls, mitigation, createdAt: at(D(written)) });
        }
      }
    }
    const fnOf = (written: string, i: number | null) => (i === null ? null : fnIds[yearOf(written)]![i]!);
    // ---- socialisation, each year; only what has been held by today
    const socs: [string, string, string, number, number[], string, [string, string, string[]]][] = [];
    for (const y of ['2025', '2026']) {
      socs.push(
        [`${y}-02-10`, 'Sosialisasi PermenPANRB 17/2024 tentang Pengelolaan Konflik Kepentingan', 'meeting', y === '2025' ? 31 : 34, [0, 1, 2, 5], 'Narasumber Inspektorat Daerah Kabupaten Bangka.',
          ['Daftar hadir dan notulen sosialisasi konflik kepentingan', `daftar-hadir-sosialisasi-coi-${y}-02-10.pdf`, ['DAFTAR HADIR DAN NOTULEN', 'Sosialisasi PermenPANRB 17/2024', 'Pengelolaan Konflik Kepentingan', `${y === '2025' ? 31 : 34} peserta`]]],
        [`${y}-03-02`, 'Surat Edaran Kepala Dinas tentang deklarasi konflik kepentingan dalam pelayanan dan pengadaan', 'circular', 41, [0, 1, 2, 3, 5], 'Disampaikan ke seluruh bidang dan UPT.',
          ['Surat Edaran Kepala Dinas tentang deklarasi konflik kepentingan', `se-deklarasi-konflik-kepentingan-${y}.pdf`, ['SURAT EDARAN KEPALA DINAS', `Nomor 800/045/DPMPTSPKUKM/${y}`, 'Deklarasi konflik kepentingan dalam pelayanan dan pengadaan']]],
        [`${y}-04-20`, 'Banner “Kenali dan Nyatakan Konflik Kepentingan” di ruang pelayanan MPP', 'banner', 0, [0, 1], '',
          ['Foto banner konflik kepentingan di ruang pelayanan', `banner-konflik-kepentingan-mpp-${y}.pdf`, ['DOKUMENTASI BANNER', 'Kenali dan Nyatakan Konflik Kepentingan', 'Ruang pelayanan MPP']]],
      );
    }
    for (const [written, title, kind, participants, idx, note, doc] of socs) {
      if (!come(written)) continue;
      const heldOn = D(written);
      const [s] = await tx.insert(coiSocialisations).values({ unitId, heldOn, title, kind, participants, functionIds: idx.map((i) => fnOf(written, i)!), note: note || null, createdBy: kadisAccount?.id ?? null, createdAt: at(heldOn) }).returning({ id: coiSocialisations.id });
      socialisations.push({ id: s!.id, on: heldOn, doc: [doc[0], T(doc[1]), doc[2].map((l) => (l.startsWith('Nomor ') ? T(l) : l))] });
    }
    // ---- periodic declarations: last year's and this year's, each once it has been made
    for (const y of ['2025', '2026']) {
      for (const [name, written, fi] of PERIODIC) {
        const p = person(name);
        const day = `${y}${written.slice(4)}`;
        if (!p || !come(day)) continue;
        const year = yearOf(day);
        await tx.insert(coiDeclarations).values({
          ...base, unitId, personId: p.id, accountId: p.accountId, kind: 'periodic', period: String(year), year, functionId: fnOf(day, fi),
          hasConflict: false, conflicts: [], declaredOn: D(day), superiorPersonId: p.id === kadis.id ? null : kadis.id, state: 'acknowledged', createdAt: at(D(day)), updatedAt: at(D(day)),
          // staff without an account signed on paper (the demo keeps no scans of those)
          channel: p.accountId ? 'online' : 'paper',
        });
      }
    }
    // ---- ad hoc declarations
    const adhoc = async (name: string, written: string, v: Partial<typeof coiDeclarations.$inferInsert>) => {
      const p = person(name)!;
      const day = D(written);
      const [row] = await tx.insert(coiDeclarations).values({
        ...base, unitId, personId: p.id, accountId: p.accountId, kind: 'adhoc', period: null, year: Number(day.slice(0, 4)), hasConflict: false, conflicts: [], declaredOn: day,
        superiorPersonId: kadis.id, state: 'acknowledged', createdAt: at(day), updatedAt: at(day), ...v,
      }).returning({ id: coiDeclarations.id });
      return row!.id;
    };
    // last year: two without conflict
    await adhoc('Fajar Nugroho, S.Si.', '2025-04-14', { decisionKind: 'procurement', reference: T('Paket pengadaan ATK dan bahan cetak 2025 (e-katalog)'), roleInDecision: 'Pejabat Pengadaan', functionId: fnOf('2025-04-14', 5) });
    await adhoc('Agus Salim, S.Kom.', '2025-09-22', { decisionKind: 'licensing', reference: T('Permohonan PB UMKU nomor 2025-09-000288'), roleInDecision: 'Penandatangan rekomendasi teknis', functionId: fnOf('2025-09-22', 0) });
    // this year, as far as today has come
    if (come('2026-03-16')) await adhoc('Fajar Nugroho, S.Si.', '2026-03-16', { decisionKind: 'procurement', reference: T('Paket pengadaan ATK dan bahan cetak 2026 (e-katalog)'), roleInDecision: 'Pejabat Pengadaan', functionId: fnOf('2026-03-16', 5) });
    // the recusal once its follow-up is done
    const recusal = !come('2026-05-08') ? null : await adhoc('Rizky Pratama, S.Kom.', '2026-05-04', {
      decisionKind: 'procurement', reference: T('Paket pengadaan komputer dan jaringan MPP 2026'), roleInDecision: 'Anggota Pejabat Pemeriksa Hasil Pekerjaan (PPHP)', functionId: fnOf('2026-05-04', 5),
      hasConflict: true, conflicts: [{ source: 'family', description: 'Kakak ipar saya adalah direktur CV Bangka Digital Solusi, salah satu calon penyedia paket ini.', relatedParty: 'CV Bangka Digital Solusi' }],
      state: 'closed', assessment: 'real', mitigation: 'recusal', dueOn: D('2026-05-11'), reviewNote: 'Saudara Rizky tidak dilibatkan dalam pemeriksaan hasil pekerjaan paket ini; diganti oleh Arif Rahman.',
      reviewedBy: kadis.accountId, reviewedAt: at(D('2026-05-05')), followUpNote: T('SK PPHP diubah: Rizky Pratama diganti Arif Rahman (SK Kepala Dinas Nomor 027/112/DPMPTSPKUKM/2026).'),
      followUpOn: D('2026-05-08'), followUpBy: kadis.accountId,
    });
    if (come('2026-06-09')) await adhoc('Agus Salim, S.Kom.', '2026-06-09', { decisionKind: 'licensing', reference: T('Permohonan PB UMKU nomor 2026-06-000413'), roleInDecision: 'Penandatangan rekomendasi teknis', functionId: fnOf('2026-06-09', 0) });
    if (come('2026-08-18')) await adhoc('Muhammad Iqbal, S.E.', '2026-08-18', { decisionKind: 'audit', reference: 'Pemeriksaan kesehatan KSP Maju Bersama Sungailiat', roleInDecision: 'Ketua tim pemeriksa', functionId: fnOf('2026-08-18', 3) });
    // always one awaiting review: declared on 23 November, or today when that has not come yet
    const rina = person('Rina Marlina, S.E.');
    await adhoc('Bambang Irawan', '2026-11-23', {
      decisionKind: 'licensing', reference: T('Permohonan NIB dan izin lokasi PT Sinar Timah Lestari (2026-11-000921)'), roleInDecision: 'Verifikator berkas', functionId: fnOf('2026-11-23', 0),
      hasConflict: true, conflicts: [{ source: 'family', description: 'Pemohon adalah sepupu saya (anak dari paman).', relatedParty: 'PT Sinar Timah Lestari' }],
      state: 'submitted', superiorPersonId: rina?.id ?? kadis.id,
    });
    // ---- evaluations: last year's two with every recommendation done; this year's as held so far
    type Rec = [string, string, string | null, string | null];
    const evals: [string, string, string, string, Rec[]][] = [
      ['2025-07-14', '2025-01-01', '2025-06-30', 'Peta risiko mencakup lima dari enam tugas fungsi utama. Deklarasi berkala belum disampaikan empat pegawai.', [
        ['Ingatkan pegawai yang belum menyampaikan deklarasi berkala.', 'done', '2025-07-28', 'Disampaikan melalui surat Sekretaris Dinas.'],
        ['Pasang banner konflik kepentingan di ruang pelayanan.', 'done', '2025-08-11', 'Banner dipasang di ruang pelayanan MPP.'],
      ]],
      ['2025-12-15', '2025-07-01', '2025-11-30', 'Deklarasi ad hoc diterapkan pada pengadaan dan perizinan; belum ada deklarasi dengan konflik.', [
        ['Perluas deklarasi per permohonan ke pemeriksaan koperasi pada tahun berikutnya.', 'done', '2025-12-22', 'Dimasukkan dalam rencana kerja tahun berikutnya.'],
      ]],
      ['2026-07-15', '2026-01-01', '2026-06-30', 'Peta risiko mencakup lima dari enam tugas fungsi utama; pemberdayaan UKM belum dipetakan. Deklarasi berkala belum disampaikan empat pegawai. Satu konflik kepentingan pada pengadaan ditangani dengan pengunduran diri.', [
        ['Lengkapi identifikasi risiko untuk pemberdayaan UKM.', 'in_progress', null, 'Draf identifikasi dibahas dengan Bidang Koperasi dan UKM.'],
        ['Ingatkan pegawai yang belum menyampaikan deklarasi berkala melalui apel pagi.', 'done', '2026-07-21', 'Disampaikan pada apel 21 Juli 2026.'],
        ['Tambahkan klausul deklarasi konflik kepentingan pada SOP verifikasi perizinan.', 'done', '2026-08-29', 'SOP verifikasi perizinan revisi Agustus 2026.'],
      ]],
      ['2026-11-20', '2026-07-01', '2026-10-31', 'Deklarasi per permohonan mulai diterapkan pada perizinan berusaha dan pemeriksaan koperasi. Sosialisasi belum menjangkau pemberdayaan UKM.', [
        ['Sosialisasikan penanganan konflik kepentingan kepada pendamping UKM.', 'open', null, null],
        ['Evaluasi efektivitas rotasi petugas loket perizinan.', 'done', '2026-11-26', 'Rotasi dilaksanakan; tidak ada keluhan pemohon terkait.'],
      ]],
    ];
    for (const [heldOn, from, to, findings, recs] of evals) {
      if (!come(heldOn)) continue;
      const [e] = await tx.insert(coiEvaluations).values({ unitId, heldOn: D(heldOn), periodFrom: D(from), periodTo: D(to), findings, createdBy: kadisAccount?.id ?? null, createdAt: at(D(heldOn)) }).returning({ id: coiEvaluations.id });
      let i = 0;
      for (const [text, written, doneOn, note] of recs) {
        // a recommendation done on a day still to come is in progress today
        const status = written === 'done' && doneOn && !come(doneOn) ? 'in_progress' : written;
        const on = status === 'done' ? D(doneOn!) : null;
        const [r] = await tx.insert(coiRecommendations).values({ evaluationId: e!.id, unitId, text, status, doneOn: on, note: status === written ? note && T(note) : null, position: ++i, updatedAt: at(on ?? D(heldOn)) }).returning({ id: coiRecommendations.id });
        if (status === 'done') recIds.push({ id: r!.id, on: on! });
      }
    }
    // ---- Disdukcapil: a small map each year and one declaration
    for (const written of ['2025-02-03', '2026-02-03']) {
      const year = yearOf(written);
      const [fd] = await tx.insert(coiFunctions).values({ unitId: dukcapil, year, name: 'Pelayanan KTP-el dan Kartu Keluarga', position: 1, createdAt: at(D(written)) }).returning({ id: coiFunctions.id });
      await tx.insert(coiFunctions).values({ unitId: dukcapil, year, name: 'Pelayanan akta pencatatan sipil', position: 2, createdAt: at(D(written)) });
      await tx.insert(coiRisks).values({ functionId: fd!.id, unitId: dukcapil, source: 'gratification', form: 'Menerima imbalan untuk mendahulukan antrean perekaman', positions: 'Operator perekaman', likelihood: 3, impact: 3, controls: 'Antrean daring', mitigation: 'Sosialisasi dan pengawasan atasan', createdAt: at(D(written)) });
      const fitri = person('Fitri Handayani, S.Kom.');
      const syahrial = person('Ir. Syahrial, M.T.');
      const declared = `${written.slice(0, 4)}-02-10`;
      if (fitri && come(declared)) await tx.insert(coiDeclarations).values({ ...base, unitId: dukcapil, personId: fitri.id, accountId: fitri.accountId, kind: 'periodic', period: String(year), year, functionId: fd!.id, hasConflict: false, conflicts: [], declaredOn: D(declared), superiorPersonId: syahrial?.id ?? null, state: 'acknowledged', createdAt: at(D(declared)), updatedAt: at(D(declared)) });
    }
    await appendAudit(tx, SYSTEM_ACTOR, { action: 'coi.demo.seed', entityType: 'coi_demo', entityId: unitId, unitId, data: { years: [YEAR - 1, YEAR], functions: FUNCTIONS.length, periodic: PERIODIC.length } });
    return { recusal };
  });

  // evidence files (when a file store is given): socialisation records, followed-up recommendations, the recusal
  if (files) {
    const who = { accountId: kadisAccount?.id ?? null, label: 'seed' };
    for (const { id, on, doc: [title, name, lines] } of socialisations) {
      await uploadEvidence(db, files, who, { unitId, bytes: demoPdf(lines), originalName: name, title, attachTo: { subjectType: SUBJECT_SOCIALISATION, subjectId: id, subjectKey: '' }, at: at(on) });
    }
    for (const [i, { id, on }] of recIds.entries()) {
      await uploadEvidence(db, files, who, { unitId, bytes: demoPdf(['BUKTI TINDAK LANJUT', `Rekomendasi evaluasi konflik kepentingan ${i + 1}`, 'DPMPTSP-KUKM Kabupaten Bangka']), originalName: `bukti-tindak-lanjut-coi-${i + 1}.pdf`, title: `Bukti tindak lanjut rekomendasi evaluasi konflik kepentingan ${i + 1}`, attachTo: { subjectType: SUBJECT_RECOMMENDATION, subjectId: id, subjectKey: '' }, at: at(on) });
    }
    if (done.recusal) {
      const sk = demoPdf(['KEPUTUSAN KEPALA DINAS', T('Nomor 027/112/DPMPTSPKUKM/2026'), 'Perubahan Pejabat Pemeriksa Hasil Pekerjaan', T('Paket pengadaan komputer dan jaringan MPP 2026')]);
      const stored = await files.put(sk);
      await db.update(coiDeclarations).set({ followUpSha: stored.sha256, followUpName: T('SK-perubahan-PPHP-2026.pdf'), followUpMime: 'application/pdf', followUpSize: stored.size })
        .where(and(eq(coiDeclarations.id, done.recusal), eq(coiDeclarations.unitId, unitId)));
    }
  }
  return true;
}
