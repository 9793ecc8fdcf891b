// Demo content of the services module: DPMPTSP-KUKM's licensing and cooperative services with their
// standar pelayanan (all 14 components), the PBG standard as revised after its 2026 review, two
// public consultations, SOPs with flow steps; and a lighter Disdukcapil catalogue.
import type { Components, SopStep } from './services.rules.ts';

const PENGADUAN = [
  'Pengaduan, saran dan masukan disampaikan melalui:',
  '1. Kotak pengaduan dan meja pengaduan di ruang pelayanan;',
  '2. SP4N-LAPOR! (www.lapor.go.id) dan WhatsApp pengaduan dinas;',
  '3. Surat atau pos-el resmi dinas.',
  'Pengaduan ditanggapi paling lambat 5 (lima) hari kerja dan hasilnya disampaikan kepada pelapor.',
].join('\n');

const internal = (o: { legal: string; staff: string; competence?: string }): Components => ({
  dasar_hukum: o.legal,
  sarana: 'Ruang tunggu ber-AC dengan 40 kursi, loket pelayanan, komputer dan pemindai, jaringan internet, mesin antrean, pojok laktasi, ruang ramah disabilitas (kursi roda, jalur landai), toilet, tempat parkir, papan informasi dan layar informasi standar pelayanan.',
  kompetensi: o.competence ?? 'Pendidikan minimal SMA/sederajat; memahami peraturan perizinan terkait; mampu mengoperasikan komputer dan aplikasi perizinan (OSS RBA, SiCantik); telah mengikuti pelatihan pelayanan prima.',
  pengawasan: 'Pengawasan melekat oleh atasan langsung secara berjenjang; pengawasan fungsional oleh Inspektorat Daerah Kabupaten Bangka; sistem pengendalian intern pemerintah (SPIP).',
  jumlah_pelaksana: o.staff,
  jaminan_pelayanan: 'Pelayanan diselenggarakan sesuai standar pelayanan ini sebagaimana dinyatakan dalam maklumat pelayanan; dokumen diterbitkan tepat waktu dan tanpa pungutan di luar ketentuan.',
  jaminan_keamanan: 'Data dan dokumen pemohon dijaga kerahasiaannya dan disimpan dalam sistem yang aman; ruang pelayanan dilengkapi CCTV, alat pemadam api ringan, jalur evakuasi dan kotak P3K.',
  evaluasi_kinerja: 'Evaluasi kinerja pelaksana dilakukan setiap bulan oleh atasan langsung melalui capaian SKP, dan setiap semester melalui hasil Survei Kepuasan Masyarakat (SKM) dan rekap pengaduan.',
  pengaduan: PENGADUAN,
});

export interface DemoService { code: string; name: string; description: string; components: Components }

export const DPMPTSP_SERVICES: DemoService[] = [
  {
    code: 'IUMK', name: 'Izin Usaha Mikro dan Kecil (IUMK)',
    description: 'Perizinan berusaha bagi pelaku usaha mikro dan kecil, termasuk pendampingan pengisian data di OSS.',
    components: {
      persyaratan: '1. Kartu Tanda Penduduk elektronik (KTP-el);\n2. Nomor Induk Berusaha (NIB) atau akun OSS;\n3. Surat keterangan domisili usaha dari desa/kelurahan;\n4. Pas foto berwarna 3x4 sebanyak 2 lembar.',
      prosedur: '1. Pemohon mengambil nomor antrean dan menyerahkan berkas di loket;\n2. Petugas memeriksa kelengkapan berkas dengan daftar periksa;\n3. Petugas memasukkan data ke OSS RBA dan memverifikasi;\n4. Kepala Seksi memeriksa dan Kepala Dinas menandatangani secara elektronik;\n5. Izin diserahkan kepada pemohon di loket atau diantar (layanan antar izin).',
      waktu: '1 (satu) hari kerja sejak berkas dinyatakan lengkap.',
      biaya: 'Tidak dipungut biaya (gratis).',
      produk: 'Izin Usaha Mikro dan Kecil (IUMK) / Perizinan Berusaha melalui OSS RBA.',
      ...internal({ legal: '1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;\n2. Peraturan Pemerintah Nomor 5 Tahun 2021 tentang Penyelenggaraan Perizinan Berusaha Berbasis Risiko;\n3. Peraturan Bupati Bangka tentang Pendelegasian Kewenangan Perizinan kepada DPMPTSP-KUKM.', staff: '4 (empat) orang: 2 petugas loket, 1 verifikator, 1 pejabat penandatangan.' }),
    },
  },
  {
    code: 'PBG', name: 'Persetujuan Bangunan Gedung (PBG)',
    description: 'Persetujuan untuk membangun baru, mengubah, memperluas atau merawat bangunan gedung sesuai standar teknis.',
    components: {
      persyaratan: '1. Data pemohon (KTP-el, NPWP);\n2. Bukti kepemilikan atau penguasaan tanah;\n3. Dokumen rencana teknis (arsitektur, struktur, utilitas);\n4. Gambar situasi dan rencana tapak;\n5. Persetujuan Kesesuaian Kegiatan Pemanfaatan Ruang (PKKPR).',
      prosedur: '1. Pemohon mendaftar melalui SIMBG;\n2. Verifikasi kelengkapan dokumen oleh petugas;\n3. Konsultasi dan pemeriksaan dokumen teknis oleh Tim Profesi Ahli (TPA);\n4. Penghitungan retribusi dan pembayaran;\n5. Penerbitan PBG melalui SIMBG.',
      waktu: '28 (dua puluh delapan) hari kerja sejak dokumen dinyatakan lengkap.',
      biaya: 'Retribusi PBG sesuai Peraturan Daerah Kabupaten Bangka tentang Pajak Daerah dan Retribusi Daerah; dibayar melalui bank yang ditunjuk.',
      produk: 'Persetujuan Bangunan Gedung (PBG) dan lampiran dokumen teknis yang disahkan.',
      ...internal({ legal: '1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;\n2. Peraturan Pemerintah Nomor 16 Tahun 2021 tentang Bangunan Gedung;\n3. Peraturan Daerah Kabupaten Bangka tentang Pajak Daerah dan Retribusi Daerah.', staff: '6 (enam) orang: 2 petugas loket, 2 verifikator teknis, 1 operator SIMBG, 1 pejabat penandatangan; didukung Tim Profesi Ahli.', competence: 'Verifikator berpendidikan minimal D3/S1 teknik sipil atau arsitektur; memahami standar teknis bangunan gedung dan SIMBG; telah mengikuti pelatihan pelayanan prima.' }),
    },
  },
  {
    code: 'SIP-NAKES', name: 'Surat Izin Praktik Tenaga Kesehatan',
    description: 'Surat izin praktik bagi dokter, dokter gigi, bidan, perawat dan tenaga kesehatan lain.',
    components: {
      persyaratan: '1. Surat Tanda Registrasi (STR) yang masih berlaku;\n2. Rekomendasi organisasi profesi;\n3. Surat keterangan dari fasilitas pelayanan kesehatan tempat praktik;\n4. Rekomendasi Dinas Kesehatan;\n5. Pas foto berwarna 4x6 sebanyak 2 lembar.',
      prosedur: '1. Pemohon mengajukan permohonan melalui loket atau SiCantik;\n2. Verifikasi berkas oleh petugas;\n3. Verifikasi rekomendasi ke Dinas Kesehatan;\n4. Penandatanganan oleh Kepala Dinas;\n5. Penyerahan izin kepada pemohon.',
      waktu: '5 (lima) hari kerja sejak berkas dinyatakan lengkap.',
      biaya: 'Tidak dipungut biaya (gratis).',
      produk: 'Surat Izin Praktik (SIP) tenaga kesehatan.',
      ...internal({ legal: '1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;\n2. Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan;\n3. Peraturan Bupati Bangka tentang Pendelegasian Kewenangan Perizinan.', staff: '3 (tiga) orang: 1 petugas loket, 1 verifikator, 1 pejabat penandatangan.' }),
    },
  },
  {
    code: 'REKLAME', name: 'Izin Penyelenggaraan Reklame',
    description: 'Izin pemasangan reklame papan, baliho, spanduk dan reklame bercahaya.',
    components: {
      persyaratan: '1. KTP-el pemohon dan NIB bagi badan usaha;\n2. Desain dan ukuran reklame;\n3. Foto lokasi dan denah titik pemasangan;\n4. Surat persetujuan pemilik lahan/bangunan;\n5. Bukti pembayaran pajak reklame.',
      prosedur: '1. Pemohon menyerahkan berkas di loket;\n2. Verifikasi berkas dan peninjauan lokasi oleh tim teknis;\n3. Penetapan pajak reklame oleh BPKPD;\n4. Penerbitan izin setelah pajak dibayar;\n5. Penyerahan izin dan stiker penanda reklame.',
      waktu: '3 (tiga) hari kerja sejak berkas dinyatakan lengkap dan pajak dibayar.',
      biaya: 'Izin tidak dipungut biaya; pajak reklame sesuai Peraturan Daerah tentang Pajak Daerah dan Retribusi Daerah.',
      produk: 'Izin Penyelenggaraan Reklame dan stiker penanda.',
      ...internal({ legal: '1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;\n2. Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah;\n3. Peraturan Daerah Kabupaten Bangka tentang Pajak Daerah dan Retribusi Daerah.', staff: '4 (empat) orang: 1 petugas loket, 2 tim teknis lapangan, 1 pejabat penandatangan.' }),
    },
  },
  {
    code: 'KOPERASI', name: 'Pendaftaran dan Pengesahan Badan Hukum Koperasi',
    description: 'Pendampingan pendirian koperasi sampai pengesahan badan hukum dan pencatatan dalam ODS Koperasi.',
    components: {
      persyaratan: '1. Berita acara rapat pendirian koperasi;\n2. Daftar hadir rapat pendirian (minimal 9 orang pendiri);\n3. Fotokopi KTP-el para pendiri;\n4. Rancangan anggaran dasar;\n5. Bukti setoran modal awal.',
      prosedur: '1. Konsultasi awal dengan penyuluh koperasi;\n2. Pendampingan rapat pendirian;\n3. Pemeriksaan kelengkapan dokumen;\n4. Pengajuan pengesahan badan hukum melalui notaris pembuat akta koperasi ke AHU;\n5. Pencatatan koperasi dalam Online Data System (ODS).',
      waktu: '14 (empat belas) hari kerja sejak dokumen dinyatakan lengkap.',
      biaya: 'Tidak dipungut biaya oleh dinas; biaya notaris ditanggung pemohon sesuai ketentuan.',
      produk: 'Surat keterangan terdaftar koperasi, Nomor Induk Koperasi (NIK) dan pencatatan dalam ODS Koperasi.',
      ...internal({ legal: '1. Undang-Undang Nomor 25 Tahun 1992 tentang Perkoperasian;\n2. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;\n3. Peraturan Menteri Koperasi dan UKM Nomor 9 Tahun 2018 tentang Penyelenggaraan dan Pembinaan Perkoperasian.', staff: '3 (tiga) orang: 2 penyuluh koperasi, 1 pejabat pembina.', competence: 'Penyuluh koperasi bersertifikat; memahami perkoperasian, akuntansi koperasi dan ODS; telah mengikuti pelatihan pelayanan prima.' }),
    },
  },
  {
    code: 'NIB', name: 'Pendampingan Nomor Induk Berusaha (NIB) melalui OSS',
    description: 'Pendampingan pelaku usaha membuat akun OSS dan memperoleh NIB di ruang pelayanan.',
    components: {
      persyaratan: '1. KTP-el;\n2. NPWP (bila ada);\n3. Nomor telepon dan alamat pos-el yang aktif;\n4. Keterangan lokasi dan jenis usaha.',
      prosedur: '1. Pemohon mengambil nomor antrean layanan OSS;\n2. Petugas membantu membuat akun OSS;\n3. Pengisian data usaha dan pemilihan KBLI bersama petugas;\n4. NIB terbit melalui OSS dan dicetak;\n5. Penjelasan kewajiban pelaku usaha setelah NIB terbit.',
      waktu: '60 (enam puluh) menit bila data lengkap.',
      biaya: 'Tidak dipungut biaya (gratis).',
      produk: 'Nomor Induk Berusaha (NIB) beserta sertifikat standar/izin yang terbit otomatis sesuai tingkat risiko.',
      ...internal({ legal: '1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;\n2. Peraturan Pemerintah Nomor 5 Tahun 2021 tentang Penyelenggaraan Perizinan Berusaha Berbasis Risiko;\n3. Peraturan BKPM Nomor 4 Tahun 2021 tentang Pedoman dan Tata Cara Pelayanan Perizinan Berusaha Berbasis Risiko.', staff: '3 (tiga) orang petugas pendamping OSS.' }),
    },
  },
];

/** The PBG standard as revised after the 2026 review (version 2). */
export const PBG_V2: Components = {
  ...DPMPTSP_SERVICES[1].components,
  prosedur: '1. Pemohon mendaftar melalui SIMBG atau dibantu petugas di pojok SIMBG;\n2. Verifikasi kelengkapan dokumen oleh petugas paling lama 2 hari kerja;\n3. Konsultasi dan pemeriksaan dokumen teknis oleh Tim Profesi Ahli (TPA) dengan jadwal yang diumumkan;\n4. Penghitungan retribusi dan pembayaran;\n5. Penerbitan PBG melalui SIMBG;\n6. Pemberitahuan status permohonan melalui WhatsApp pada setiap tahap.',
  waktu: '21 (dua puluh satu) hari kerja sejak dokumen dinyatakan lengkap.',
  pengaduan: `${PENGADUAN}\nPengaduan khusus PBG juga dapat disampaikan pada sesi konsultasi TPA setiap Selasa.`,
};

export const SOP_STEPS: Record<string, SopStep[]> = {
  berkas: [
    { step: 'Menerima pemohon dan memberikan nomor antrean', actor: 'Petugas informasi', requirements: 'Mesin antrean', time: '2 menit', output: 'Nomor antrean' },
    { step: 'Memeriksa kelengkapan berkas dengan daftar periksa', actor: 'Petugas loket', requirements: 'Daftar periksa persyaratan', time: '10 menit', output: 'Berkas lengkap / tanda terima kekurangan' },
    { step: 'Mencatat permohonan dalam aplikasi', actor: 'Petugas loket', requirements: 'Aplikasi SiCantik', time: '5 menit', output: 'Nomor registrasi' },
    { step: 'Menyerahkan tanda terima kepada pemohon', actor: 'Petugas loket', requirements: 'Tanda terima', time: '2 menit', output: 'Tanda terima berkas' },
  ],
  verifikasi: [
    { step: 'Menerima berkas teregistrasi', actor: 'Verifikator', requirements: 'Berkas permohonan', time: '15 menit', output: 'Berkas diterima' },
    { step: 'Memeriksa keabsahan dokumen', actor: 'Verifikator', requirements: 'Peraturan terkait', time: '1 jam', output: 'Catatan verifikasi' },
    { step: 'Memaraf konsep izin', actor: 'Kepala Seksi', requirements: 'Catatan verifikasi', time: '30 menit', output: 'Konsep izin diparaf' },
    { step: 'Menandatangani izin secara elektronik', actor: 'Kepala Dinas', requirements: 'Sertifikat elektronik', time: '30 menit', output: 'Izin ditandatangani' },
  ],
  pengaduan: [
    { step: 'Menerima pengaduan dari semua kanal', actor: 'Petugas pengaduan', requirements: 'Formulir pengaduan', time: '15 menit', output: 'Pengaduan tercatat' },
    { step: 'Menelaah dan meneruskan kepada bidang terkait', actor: 'Kepala Seksi Pengaduan dan Informasi', requirements: 'Register pengaduan', time: '1 hari kerja', output: 'Disposisi' },
    { step: 'Menindaklanjuti pengaduan', actor: 'Bidang terkait', requirements: 'Disposisi', time: '3 hari kerja', output: 'Tindak lanjut' },
    { step: 'Menyampaikan jawaban kepada pelapor', actor: 'Petugas pengaduan', requirements: 'Tindak lanjut', time: '1 hari kerja', output: 'Jawaban pengaduan' },
  ],
  simple: [
    { step: 'Menyiapkan bahan dan jadwal', actor: 'Pelaksana', requirements: 'Rencana kerja', time: '1 hari kerja', output: 'Jadwal' },
    { step: 'Melaksanakan kegiatan', actor: 'Pelaksana', requirements: 'Jadwal', time: 'Sesuai jadwal', output: 'Kegiatan terlaksana' },
    { step: 'Menyusun laporan kepada atasan', actor: 'Pelaksana', requirements: 'Dokumentasi', time: '2 hari kerja', output: 'Laporan' },
  ],
};

// [number, title, activity, service code | null, steps key, owner name prefix, effective]
export const DPMPTSP_SOPS: [string, string, string, string | null, string, string, string][] = [
  ['SOP/DPMPTSP-KUKM/01/2025', 'Penerimaan dan Pemeriksaan Berkas Permohonan', 'Penerimaan berkas permohonan perizinan di loket pelayanan', null, 'berkas', 'Agus Salim', '2025-01-27'],
  ['SOP/DPMPTSP-KUKM/02/2025', 'Penerbitan Izin Usaha Mikro dan Kecil', 'Verifikasi dan penerbitan IUMK', 'IUMK', 'verifikasi', 'Agus Salim', '2025-01-27'],
  ['SOP/DPMPTSP-KUKM/03/2025', 'Penerbitan Persetujuan Bangunan Gedung', 'Verifikasi dokumen dan penerbitan PBG melalui SIMBG', 'PBG', 'verifikasi', 'Rina Marlina', '2025-01-27'],
  ['SOP/DPMPTSP-KUKM/04/2025', 'Penerbitan Surat Izin Praktik Tenaga Kesehatan', 'Verifikasi rekomendasi dan penerbitan SIP', 'SIP-NAKES', 'verifikasi', 'Rina Marlina', '2025-01-27'],
  ['SOP/DPMPTSP-KUKM/05/2025', 'Penerbitan Izin Penyelenggaraan Reklame', 'Peninjauan lokasi dan penerbitan izin reklame', 'REKLAME', 'verifikasi', 'Bambang Irawan', '2025-01-27'],
  ['SOP/DPMPTSP-KUKM/06/2025', 'Pendampingan Pendirian Koperasi', 'Pendampingan rapat pendirian dan pengesahan badan hukum koperasi', 'KOPERASI', 'simple', 'Muhammad Iqbal', '2025-01-27'],
  ['SOP/DPMPTSP-KUKM/07/2025', 'Pendampingan NIB melalui OSS', 'Pendampingan pembuatan akun OSS dan penerbitan NIB', 'NIB', 'berkas', 'Siti Aminah', '2025-01-27'],
  ['SOP/DPMPTSP-KUKM/08/2025', 'Pengelolaan Pengaduan Masyarakat', 'Penerimaan, penanganan dan jawaban pengaduan', null, 'pengaduan', 'Dewi Lestari', '2025-01-27'],
  ['SOP/DPMPTSP-KUKM/09/2025', 'Survei Kepuasan Masyarakat', 'Pelaksanaan dan pelaporan SKM setiap triwulan', null, 'simple', 'Putri Ayu Lestari', '2025-02-03'],
  ['SOP/DPMPTSP-KUKM/10/2025', 'Layanan Antar Izin', 'Pengantaran izin yang telah terbit ke alamat pemohon UMKM', 'IUMK', 'simple', 'Agus Salim', '2025-03-10'],
  ['SOP/DPMPTSP-KUKM/11/2025', 'Pengelolaan Arsip Berkas Perizinan', 'Penyimpanan dan pemindaian arsip berkas perizinan', null, 'simple', 'Arif Rahman', '2025-04-01'],
  ['SOP/DPMPTSP-KUKM/12/2025', 'Pelayanan Informasi Perizinan', 'Pemberian informasi perizinan melalui loket, telepon dan media sosial', null, 'simple', 'Maya Sari', '2025-04-01'],
];

export const DUKCAPIL_SERVICES: DemoService[] = [
  {
    code: 'KTP-EL', name: 'Penerbitan KTP Elektronik',
    description: 'Perekaman dan pencetakan KTP-el bagi penduduk yang telah berusia 17 tahun atau sudah/pernah kawin.',
    components: {
      persyaratan: '1. Telah berusia 17 tahun atau sudah/pernah kawin;\n2. Kartu Keluarga (KK);\n3. Untuk penggantian karena rusak: KTP-el yang rusak; karena hilang: surat keterangan kehilangan dari kepolisian.',
      prosedur: '1. Pemohon mengambil nomor antrean;\n2. Verifikasi data kependudukan oleh operator;\n3. Perekaman biometrik (foto, sidik jari, iris mata, tanda tangan);\n4. Pencetakan KTP-el;\n5. Penyerahan KTP-el kepada pemohon.',
      waktu: '1 (satu) hari kerja setelah perekaman bila blangko tersedia.',
      biaya: 'Tidak dipungut biaya (gratis).',
      produk: 'Kartu Tanda Penduduk elektronik (KTP-el).',
      ...internal({ legal: '1. Undang-Undang Nomor 24 Tahun 2013 tentang Perubahan atas UU 23/2006 tentang Administrasi Kependudukan;\n2. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;\n3. Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil.', staff: '5 (lima) orang operator perekaman dan pencetakan.', competence: 'Operator bersertifikat SIAK; memahami administrasi kependudukan; telah mengikuti pelatihan pelayanan prima.' }),
    },
  },
  {
    code: 'KK', name: 'Penerbitan Kartu Keluarga',
    description: 'Penerbitan Kartu Keluarga baru dan perubahan data anggota keluarga.',
    components: {
      persyaratan: '1. Formulir biodata keluarga (F-1.01);\n2. KK lama (untuk perubahan);\n3. Buku nikah/akta perkawinan atau akta perceraian sesuai peristiwa;\n4. Surat keterangan pindah bagi penduduk pindah datang.',
      prosedur: '1. Pengajuan berkas di loket atau aplikasi daring;\n2. Verifikasi dan validasi data;\n3. Penerbitan KK dengan tanda tangan elektronik;\n4. Pencetakan mandiri di kertas HVS atau diserahkan di loket.',
      waktu: '1 (satu) hari kerja sejak berkas dinyatakan lengkap.',
      biaya: 'Tidak dipungut biaya (gratis).',
      produk: 'Kartu Keluarga (KK) bertanda tangan elektronik.',
      ...internal({ legal: '1. Undang-Undang Nomor 24 Tahun 2013 tentang Administrasi Kependudukan;\n2. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;\n3. Permendagri Nomor 108 Tahun 2019.', staff: '4 (empat) orang operator.' }),
    },
  },
  {
    code: 'AKTA-LAHIR', name: 'Penerbitan Akta Kelahiran',
    description: 'Pencatatan kelahiran dan penerbitan kutipan akta kelahiran.',
    components: {
      persyaratan: '1. Surat keterangan lahir dari rumah sakit/puskesmas/bidan;\n2. Buku nikah/akta perkawinan orang tua;\n3. Kartu Keluarga;\n4. KTP-el orang tua.',
      prosedur: '1. Pengajuan berkas di loket, desa atau aplikasi daring;\n2. Verifikasi dan validasi data;\n3. Pencatatan dalam register akta kelahiran;\n4. Penerbitan kutipan akta kelahiran.',
      waktu: '1 (satu) hari kerja sejak berkas dinyatakan lengkap.',
      biaya: 'Tidak dipungut biaya (gratis).',
      produk: 'Kutipan Akta Kelahiran.',
      ...internal({ legal: '1. Undang-Undang Nomor 24 Tahun 2013 tentang Administrasi Kependudukan;\n2. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;\n3. Peraturan Presiden Nomor 96 Tahun 2018.', staff: '3 (tiga) orang operator pencatatan sipil.' }),
    },
  },
];
