// Demo data of the services module, dated relative to the current year (written as 2025 = last year
// and 2026 = this year, moved by kernel/demo-dates.ts; this year's dates are never after today, and an
// SOP evaluation still to come is left out). DPMPTSP-KUKM: six licensing and cooperative services
// (IUMK, PBG, SIP-NAKES, REKLAME, KOPERASI, NIB) with standards published in February of last year
// (all 14 components), PBG revised to version 2 after its April review this year (SKM, complaints,
// the March consultation), two public consultations, the maklumat signed by the Kepala Dinas, twelve
// SOPs with steps — eight evaluated this year, one superseded by a revised version; each of this
// year's events only once its day has come. Disdukcapil: three services with standards, its
// maklumat and two SOPs. Decrees, attendance lists, SOP documents and the photo of
// the maklumat at the counter are small PDFs with a file store, .example links without one.
// Each unit is seeded once: nothing happens for a unit that already has services.
import { and, eq } from 'drizzle-orm';
import { appendAudit, SYSTEM_ACTOR } from '../../kernel/audit.ts';
import type { Db } from '../../kernel/db.ts';
import { demoHasCome, demoShift, demoShiftDay, demoText } from '../../kernel/demo-dates.ts';
import type { FileStore } from '../../kernel/files.ts';
import { demoPdf } from '../../kernel/demo-pdf.ts';
import { attachUrl, uploadEvidence } from '../evidence/index.ts';
import { orgPeople as people, orgUnits as units } from '../org/index.ts';
import { MAKLUMAT_TEXT } from './maklumat.text.ts';
import { SUBJECT } from './services.queries.ts';
import type { Components } from './services.rules.ts';
import { DPMPTSP_SERVICES, DPMPTSP_SOPS, DUKCAPIL_SERVICES, PBG_V2, SOP_STEPS, type DemoService } from './services.seed.data.ts';
import { consultations, maklumat, reviews, services, sopEvaluations, sops, standards } from './services.schema.ts';


/** The year the story is written in as "this year" (2025 last year, 2024 the year before): moved to the current year. */
const BASE = 2026;
/** A date of the story in the current years, never after today. */
const D = (iso: string) => demoShift(iso, BASE);
/** The story's years in a title or number, moved likewise (never legal text). */
const T = (text: string) => demoText(text, BASE);
/** A moment of a (moved) date at `h`:00 UTC, never after now. */
const at = (d: string, h = 3) => new Date(Math.min(Date.parse(`${d}T0${h}:00:00Z`), Date.now()));

interface Doc { subject: string; id: string; title: string; file: string; lines: string[]; on: string }

async function unitByCode(db: Db, code: string) {
  const [u] = await db.select({ id: units.id, name: units.name, shortName: units.shortName }).from(units).where(eq(units.code, code)).limit(1);
  return u ?? null;
}

async function staffOf(db: Db, unitId: string) {
  const staff = await db.select({ id: people.id, name: people.name, nip: people.nip, position: people.position }).from(people).where(eq(people.unitId, unitId));
  return (prefix: string) => {
    const p = staff.find((s) => s.name.startsWith(prefix) || s.position.startsWith(prefix));
    if (!p) throw new Error(`demo person ${prefix} missing`);
    return p;
  };
}

async function attachDocs(db: Db, files: FileStore | null, unitId: string, kop: string, docs: Doc[]) {
  for (const d of docs) {
    const attachTo = { subjectType: d.subject, subjectId: d.id, subjectKey: '' };
    if (files) {
      await uploadEvidence(db, files, SYSTEM_ACTOR, {
        unitId, bytes: demoPdf(['PEMERINTAH KABUPATEN BANGKA', kop, '', d.title, '', ...d.lines]), originalName: d.file, title: d.title, attachTo, at: at(d.on, 5),
      });
    } else {
      await attachUrl(db, SYSTEM_ACTOR, { unitId, url: `https://dokumen.bangka.example/${kop.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/${d.file}`, title: d.title, at: at(d.on, 5), ...attachTo });
    }
  }
}

/** Services with their first standard published; returns ids by code and the standard ids. */
async function insertCatalogue(tx: Db, unitId: string, list: DemoService[], decree: { number: (i: number) => string; date: string; effective: string }) {
  const ids: Record<string, string> = {};
  const std: Record<string, string> = {};
  for (const [i, s] of list.entries()) {
    const [row] = await tx.insert(services).values({ unitId, code: s.code, name: s.name, description: s.description, sortOrder: (i + 1) * 10, createdAt: at(D('2024-12-02')), updatedAt: at(D('2024-12-02')) }).returning();
    ids[s.code] = row.id;
    const [st] = await tx.insert(standards).values({
      serviceId: row.id, version: 1, status: 'published', components: s.components, decreeNumber: decree.number(i), decreeDate: decree.date, effectiveFrom: decree.effective,
      publishedAt: at(decree.date, 6), changeNote: 'Penetapan pertama standar pelayanan.', createdAt: at(D('2025-01-06')), updatedAt: at(decree.date, 6),
    }).returning();
    std[s.code] = st.id;
    await appendAudit(tx, SYSTEM_ACTOR, { action: 'services.standard.published', entityType: 'services_standard', entityId: st.id, unitId, data: { demo: true, service: s.code, version: 1 } }, at(decree.date, 6));
  }
  return { ids, std };
}

async function insertMaklumat(tx: Db, unitId: string, signer: { id: string; name: string; nip: string; position: string }, unitShort: string, signedOn: string) {
  const [m] = await tx.insert(maklumat).values({
    unitId, version: 1, text: MAKLUMAT_TEXT.id, signerPersonId: signer.id,
    signerSnapshot: { name: signer.name, nip: signer.nip, position: signer.position, unit: unitShort }, signedOn,
    publishedAt: at(signedOn, 7), createdAt: at(signedOn), updatedAt: at(signedOn, 7),
  }).returning();
  await appendAudit(tx, SYSTEM_ACTOR, { action: 'services.maklumat.published', entityType: 'services_maklumat', entityId: m.id, unitId, data: { demo: true, version: 1 } }, at(signedOn, 7));
  return m.id;
}

async function seedDpmptsp(db: Db, files: FileStore | null): Promise<boolean> {
  const unit = await unitByCode(db, 'DPMPTSPKUKM');
  if (!unit) return false;
  const [done] = await db.select({ id: services.id }).from(services).where(eq(services.unitId, unit.id)).limit(1);
  if (done) return false;
  const person = await staffOf(db, unit.id);
  const head = person('Kepala Dinas');
  const docs: Doc[] = [];
  await db.transaction(async (tx) => {
    const { ids, std } = await insertCatalogue(tx, unit.id, DPMPTSP_SERVICES, { number: (i) => T(`500.16/${String(21 + i).padStart(3, '0')}/DPMPTSP-KUKM/2025`), date: D('2025-01-20'), effective: D('2025-02-01') });
    for (const s of DPMPTSP_SERVICES) {
      docs.push({ subject: SUBJECT.standard, id: std[s.code], title: `Keputusan Kepala Dinas tentang Standar Pelayanan ${s.name}`, file: T(`SK-Standar-Pelayanan-${s.code}-2025.pdf`), lines: ['Menetapkan standar pelayanan (14 komponen) sebagaimana tercantum dalam lampiran.'], on: D('2025-01-20') });
    }

    // two public consultations
    const [c1] = await tx.insert(consultations).values({
      unitId: unit.id, serviceId: null, heldOn: D('2025-03-12'), place: 'Aula DPMPTSP-KUKM, Sungailiat', topic: T('Forum konsultasi publik standar pelayanan perizinan 2025'),
      participants: [{ group: 'tokoh_masyarakat', count: 4 }, { group: 'akademisi', count: 2 }, { group: 'dunia_usaha', count: 9 }, { group: 'lsm', count: 2 }, { group: 'pengguna', count: 12 }, { group: 'pemerintah', count: 5 }],
      inputs: [
        { input: 'Persyaratan IUMK agar dapat diunggah dari telepon genggam tanpa datang ke loket.', response: 'Formulir daring dikembangkan terintegrasi OSS.', adopted: true },
        { input: 'Jadwal layanan pada hari Sabtu untuk pelaku UMKM di pasar.', response: 'Layanan keliling pasar pada Sabtu pertama setiap bulan.', adopted: true },
        { input: 'Biaya retribusi PBG agar diumumkan dengan contoh perhitungan.', response: 'Contoh perhitungan dipasang di papan informasi dan situs dinas.', adopted: true },
        { input: 'Loket khusus untuk pengusaha besar.', response: 'Tidak diterima: semua pemohon dilayani dengan standar yang sama.', adopted: false },
      ],
      notes: 'Dibuka Sekretaris Daerah; notula dibagikan kepada peserta.', createdAt: at(D('2025-03-12'), 8), updatedAt: at(D('2025-03-12'), 8),
    }).returning();
    // this year's consultation once its day has come (on 2 January the story of this year has not begun)
    const held: [typeof c1, string][] = [[c1, D('2025-03-12')]];
    if (demoHasCome('2026-03-18', BASE)) {
      const [c2] = await tx.insert(consultations).values({
        unitId: unit.id, serviceId: ids.PBG, heldOn: D('2026-03-18'), place: 'Ruang rapat DPMPTSP-KUKM', topic: 'Konsultasi publik reviu standar pelayanan Persetujuan Bangunan Gedung',
        participants: [{ group: 'akademisi', count: 1 }, { group: 'dunia_usaha', count: 6 }, { group: 'lsm', count: 1 }, { group: 'pengguna', count: 8 }, { group: 'pemerintah', count: 3 }],
        inputs: [
          { input: 'Waktu penyelesaian PBG 28 hari terlalu lama bagi rumah tinggal sederhana.', response: 'Jangka waktu dipersingkat menjadi 21 hari kerja.', adopted: true },
          { input: 'Pemohon tidak mengetahui status berkas di SIMBG.', response: 'Notifikasi WhatsApp pada setiap tahap.', adopted: true },
          { input: 'Jadwal sidang TPA agar diumumkan.', response: 'Jadwal konsultasi TPA diumumkan setiap Selasa.', adopted: true },
        ],
        notes: null, createdAt: at(D('2026-03-18'), 8), updatedAt: at(D('2026-03-18'), 8),
      }).returning();
      held.push([c2, D('2026-03-18')]);
    }
    for (const [c, d] of held) {
      await appendAudit(tx, SYSTEM_ACTOR, { action: 'services.consultation.added', entityType: 'services_consultation', entityId: c.id, unitId: unit.id, data: { demo: true, topic: c.topic } }, at(d, 8));
      docs.push({ subject: SUBJECT.consultation, id: c.id, title: `Daftar hadir dan notula: ${c.topic}`, file: `Daftar-Hadir-Konsultasi-Publik-${d}.pdf`, lines: ['Daftar hadir peserta menurut unsur, notula dan foto kegiatan.'], on: d });
    }

    // IUMK reviewed in 2025 without change; PBG reviewed in 2026 → version 2
    await tx.insert(reviews).values({
      serviceId: ids.IUMK, reviewedOn: D('2025-10-21'), resultingStandardId: null, conclusion: 'Standar pelayanan IUMK masih sesuai; tidak ada perubahan.',
      findings: [{ source: 'skm', finding: 'Nilai unsur waktu pelayanan 3,62 (baik).', change: null }, { source: 'complaint', finding: 'Tidak ada pengaduan tentang IUMK pada triwulan III.', change: null }],
      createdAt: at(D('2025-10-21')), updatedAt: at(D('2025-10-21')),
    });
    // this year's PBG revision: version 2 once its decree day (11 May) has come, the April review before it
    let pbg2: { id: string } | null = null;
    if (demoHasCome('2026-05-11', BASE)) {
      await tx.update(standards).set({ status: 'superseded', updatedAt: at(D('2026-05-11'), 6) }).where(and(eq(standards.serviceId, ids.PBG), eq(standards.version, 1)));
      const [v2std] = await tx.insert(standards).values({
        serviceId: ids.PBG, version: 2, status: 'published', components: PBG_V2 as Components, decreeNumber: T('500.16/044/DPMPTSP-KUKM/2026'), decreeDate: D('2026-05-11'), effectiveFrom: demoShiftDay('2026-06-01', BASE),
        publishedAt: at(D('2026-05-11'), 6), changeNote: T('Hasil reviu April 2026: jangka waktu 28 → 21 hari kerja, pendampingan di pojok SIMBG, notifikasi status melalui WhatsApp, pengaduan pada sesi TPA.'),
        createdAt: at(D('2026-04-20')), updatedAt: at(D('2026-05-11'), 6),
      }).returning();
      pbg2 = v2std;
      await appendAudit(tx, SYSTEM_ACTOR, { action: 'services.standard.published', entityType: 'services_standard', entityId: v2std.id, unitId: unit.id, data: { demo: true, service: 'PBG', version: 2, supersedes: 1 } }, at(D('2026-05-11'), 6));
      docs.push({ subject: SUBJECT.standard, id: v2std.id, title: 'Keputusan Kepala Dinas tentang Perubahan Standar Pelayanan PBG', file: T('SK-Standar-Pelayanan-PBG-2026.pdf'), lines: [T('Perubahan standar pelayanan Persetujuan Bangunan Gedung hasil reviu 2026.')], on: D('2026-05-11') });
    }
    if (demoHasCome('2026-04-15', BASE)) await tx.insert(reviews).values({
      serviceId: ids.PBG, reviewedOn: D('2026-04-15'), resultingStandardId: pbg2?.id ?? null,
      conclusion: pbg2 ? T('Standar pelayanan PBG diperbaiki; versi 2 ditetapkan 11 Mei 2026.') : 'Standar pelayanan PBG perlu diperbaiki; rancangan perubahan sedang disusun.',
      findings: [
        { source: 'skm', finding: T('Nilai unsur waktu pelayanan PBG 2,71 — terendah di antara layanan dinas (SKM triwulan IV 2025).'), change: 'Jangka waktu dipersingkat menjadi 21 hari kerja.' },
        { source: 'complaint', finding: '7 pengaduan SP4N-LAPOR! tentang status berkas PBG yang tidak diketahui pemohon.', change: 'Notifikasi WhatsApp pada setiap tahap.' },
        { source: 'consultation', finding: T('Forum konsultasi publik 18 Maret 2026 meminta jadwal TPA diumumkan.'), change: 'Jadwal konsultasi TPA setiap Selasa dan pojok SIMBG.' },
      ],
      createdAt: at(D('2026-04-15')), updatedAt: at(D('2026-04-15')),
    });

    const mId = await insertMaklumat(tx, unit.id, head, unit.shortName, D('2025-01-20'));
    docs.push({ subject: SUBJECT.maklumat, id: mId, title: 'Foto maklumat pelayanan terpasang di ruang pelayanan', file: 'Foto-Maklumat-Pelayanan-Loket.pdf', lines: ['Dokumentasi maklumat pelayanan di dinding ruang tunggu dan loket.'], on: D('2025-01-27') });

    // SOPs; the first one revised in 2026 (version 2 supersedes version 1)
    const sopIds: Record<string, string> = {};
    for (const [number, title, activity, code, steps, owner, effective] of DPMPTSP_SOPS) {
      const [s] = await tx.insert(sops).values({
        unitId: unit.id, serviceId: code ? ids[code] : null, number: T(number), title, version: 1, effectiveOn: D(effective), ownerPersonId: person(owner).id, activity, steps: SOP_STEPS[steps],
        status: 'active', createdAt: at(D(effective)), updatedAt: at(D(effective)),
      }).returning();
      sopIds[number] = s.id;
      await appendAudit(tx, SYSTEM_ACTOR, { action: 'services.sop.created', entityType: 'services_sop', entityId: s.id, unitId: unit.id, data: { demo: true, number: T(number) } }, at(D(effective)));
    }
    const first = DPMPTSP_SOPS[0];
    const evals: [string, string, string, 'none' | 'proposal' | 'revised', string | null][] = [
      [first[0], '2026-05-19', 'Berkas sering kembali karena daftar periksa tidak memuat persyaratan PBG; antrean pagi menumpuk.', 'revised', 'SOP diperbaiki: daftar periksa per layanan dan loket prioritas (versi 2).'],
      [DPMPTSP_SOPS[1][0], '2026-10-06', 'SOP diterapkan; waktu rata-rata penerbitan IUMK 6 jam.', 'none', null],
      [DPMPTSP_SOPS[2][0], '2026-06-02', 'Tahap verifikasi belum mencantumkan batas waktu.', 'revised', 'Batas waktu verifikasi 2 hari kerja dimasukkan dalam standar PBG versi 2.'],
      [DPMPTSP_SOPS[3][0], '2026-10-06', 'Verifikasi rekomendasi Dinas Kesehatan memakan 2 hari.', 'proposal', 'Usulan verifikasi rekomendasi secara elektronik.'],
      [DPMPTSP_SOPS[7][0], '2026-10-07', 'Semua pengaduan triwulan III dijawab dalam 5 hari kerja.', 'none', null],
      [DPMPTSP_SOPS[8][0], '2026-10-07', 'SKM dilaksanakan setiap triwulan; laporan dipublikasikan.', 'proposal', 'Usulan survei melalui kode QR di setiap loket.'],
      [DPMPTSP_SOPS[4][0], '2026-10-08', 'Peninjauan lokasi reklame sering tertunda karena kendaraan dinas.', 'proposal', 'Usulan jadwal peninjauan tetap setiap Rabu dan Jumat.'],
      [DPMPTSP_SOPS[9][0], '2026-10-08', 'Layanan antar izin menjangkau 8 kecamatan; alamat pemohon kadang tidak lengkap.', 'revised', 'Formulir alamat dan nomor telepon wajib ditambahkan pada SOP.'],
    ];
    for (const [number, written, result, followUp, note] of evals) {
      if (!demoHasCome(written, BASE)) continue; // an evaluation still to come this year is not recorded
      const on = D(written);
      await tx.insert(sopEvaluations).values({ sopId: sopIds[number], evaluatedOn: on, result, followUp, followUpNote: note, createdAt: at(on), updatedAt: at(on) });
      await appendAudit(tx, SYSTEM_ACTOR, { action: 'services.sop.evaluated', entityType: 'services_sop', entityId: sopIds[number], unitId: unit.id, data: { demo: true, number: T(number), followUp } }, at(on));
    }
    // the first SOP's version 2, once its day (2 June, after the May evaluation) has come
    let v2: { id: string } | null = null;
    if (demoHasCome('2026-06-02', BASE)) {
      const [sop2] = await tx.insert(sops).values({
        unitId: unit.id, serviceId: null, number: T(first[0]), title: first[1], version: 2, effectiveOn: D('2026-06-02'), ownerPersonId: person(first[5]).id, activity: first[2],
        steps: [...SOP_STEPS.berkas.slice(0, 1), { step: 'Mengarahkan pemohon lansia, disabilitas dan ibu hamil ke loket prioritas', actor: 'Petugas informasi', requirements: 'Loket prioritas', time: '1 menit', output: 'Pemohon dilayani di loket prioritas' },
          { ...SOP_STEPS.berkas[1], requirements: 'Daftar periksa persyaratan per layanan' }, ...SOP_STEPS.berkas.slice(2)],
        status: 'active', createdAt: at(D('2026-06-02')), updatedAt: at(D('2026-06-02')),
      }).returning();
      v2 = sop2;
      await tx.update(sops).set({ status: 'superseded', supersededBy: sop2.id, updatedAt: at(D('2026-06-02')) }).where(eq(sops.id, sopIds[first[0]]));
      await appendAudit(tx, SYSTEM_ACTOR, { action: 'services.sop.new_version', entityType: 'services_sop', entityId: sop2.id, unitId: unit.id, data: { demo: true, number: T(first[0]), version: 2 } }, at(D('2026-06-02')));
    }
    for (const [number, , , , , , effective] of DPMPTSP_SOPS.slice(0, 4)) {
      docs.push({ subject: SUBJECT.sop, id: number === first[0] && v2 ? v2.id : sopIds[number], title: `Dokumen ${T(number)}`, file: `${T(number).replace(/\//g, '-')}.pdf`, lines: ['Standar operasional prosedur yang ditetapkan Kepala Dinas.'], on: D(effective) });
    }
  });
  await attachDocs(db, files, unit.id, 'DINAS PENANAMAN MODAL, PTSP, KOPERASI DAN UKM', docs);
  return true;
}

async function seedDukcapil(db: Db, files: FileStore | null): Promise<boolean> {
  const unit = await unitByCode(db, 'DISDUKCAPIL');
  if (!unit) return false;
  const [done] = await db.select({ id: services.id }).from(services).where(eq(services.unitId, unit.id)).limit(1);
  if (done) return false;
  const person = await staffOf(db, unit.id);
  const head = person('Kepala Dinas');
  const docs: Doc[] = [];
  await db.transaction(async (tx) => {
    await insertCatalogue(tx, unit.id, DUKCAPIL_SERVICES, { number: (i) => T(`470/${String(11 + i).padStart(3, '0')}/DISDUKCAPIL/2025`), date: D('2025-02-03'), effective: D('2025-02-10') });
    const mId = await insertMaklumat(tx, unit.id, head, unit.shortName, D('2025-02-03'));
    docs.push({ subject: SUBJECT.maklumat, id: mId, title: 'Foto maklumat pelayanan di ruang pelayanan Disdukcapil', file: 'Foto-Maklumat-Disdukcapil.pdf', lines: ['Dokumentasi maklumat pelayanan.'], on: D('2025-02-10') });
    for (const [i, [number, title, steps, owner]] of ([
      ['SOP/DISDUKCAPIL/01/2025', 'Perekaman dan Pencetakan KTP-el', 'berkas', 'Andi Setiawan'],
      ['SOP/DISDUKCAPIL/02/2025', 'Penerbitan Akta Kelahiran', 'verifikasi', 'Ratna Dewi'],
    ] as const).entries()) {
      const [s] = await tx.insert(sops).values({ unitId: unit.id, number: T(number), title, version: 1, effectiveOn: D('2025-02-10'), ownerPersonId: person(owner).id, activity: title, steps: SOP_STEPS[steps], status: 'active', createdAt: at(D('2025-02-10')), updatedAt: at(D('2025-02-10')) }).returning();
      if (i === 0 && demoHasCome('2026-09-15', BASE)) await tx.insert(sopEvaluations).values({ sopId: s.id, evaluatedOn: D('2026-09-15'), result: 'Antrean perekaman menumpuk pada Senin pagi.', followUp: 'proposal', followUpNote: 'Usulan jadwal perekaman berdasarkan janji temu daring.', createdAt: at(D('2026-09-15')), updatedAt: at(D('2026-09-15')) });
    }
    await appendAudit(tx, SYSTEM_ACTOR, { action: 'services.demo.seeded', entityType: 'services_service', unitId: unit.id, data: { demo: true, services: DUKCAPIL_SERVICES.length } }, at(D('2025-02-10')));
  });
  await attachDocs(db, files, unit.id, 'DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL', docs);
  return true;
}

/** Seeds the demo service catalogue; true when anything was added. */
export async function seedServicesDemo(db: Db, files: FileStore | null = null): Promise<boolean> {
  const a = await seedDpmptsp(db, files);
  const b = await seedDukcapil(db, files);
  return a || b;
}
