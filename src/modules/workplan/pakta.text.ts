// The Pakta Integritas statement as data. The Indonesian text is what a person signs; its version id
// and SHA-256 go into every signature row, so a later edit of the wording never changes what an
// earlier signer agreed to. A new wording gets a new version id (and the old one stays here).
import { createHash } from 'node:crypto';

export interface PaktaText {
  version: string;
  /** the opening sentence before the numbered points */
  intro: string;
  points: string[];
  /** the closing sentence after the points */
  closing: string;
}

const ID_2025: PaktaText = {
  version: 'pakta-2025.1',
  intro: 'Dalam rangka mewujudkan Zona Integritas menuju Wilayah Bebas dari Korupsi (WBK) dan Wilayah Birokrasi Bersih dan Melayani (WBBM), saya yang identitasnya tercantum di atas dengan ini menyatakan bahwa saya:',
  points: [
    'Berperan secara aktif dalam upaya pencegahan dan pemberantasan korupsi, kolusi, dan nepotisme (KKN) serta tidak melibatkan diri dalam perbuatan tercela;',
    'Tidak meminta atau menerima pemberian, baik secara langsung maupun tidak langsung, berupa suap, hadiah, bantuan, atau bentuk gratifikasi lainnya yang berkaitan dengan jabatan dan tugas saya, dan akan melaporkan setiap gratifikasi yang saya terima sesuai ketentuan;',
    'Bersikap transparan, jujur, objektif, dan akuntabel dalam melaksanakan tugas, serta menjaga kerahasiaan informasi yang wajib dirahasiakan;',
    'Menghindari pertentangan kepentingan (conflict of interest) dalam melaksanakan tugas dan kewenangan saya;',
    'Melaksanakan tugas dan kewenangan sesuai dengan ketentuan peraturan perundang-undangan, standar operasional prosedur, dan kode etik yang berlaku;',
    'Memberikan contoh dalam kepatuhan terhadap peraturan perundang-undangan dan dalam perilaku berintegritas kepada rekan kerja dan lingkungan kerja saya;',
    'Akan menyampaikan informasi mengenai penyimpangan integritas di lingkungan kerja saya melalui saluran pengaduan yang tersedia, serta turut menjaga kerahasiaan pelapor;',
    'Bersedia menerima sanksi moral, sanksi administratif, dan/atau dituntut sesuai dengan ketentuan peraturan perundang-undangan apabila saya melanggar hal-hal yang saya nyatakan dalam Pakta Integritas ini.',
  ],
  closing: 'Demikian Pakta Integritas ini saya buat dengan sesungguhnya, dalam keadaan sadar dan tanpa paksaan dari pihak mana pun.',
};

/** English rendering for the en locale; for reading only — the Indonesian text is what is signed. */
const EN_2025: PaktaText = {
  version: 'pakta-2025.1',
  intro: 'To build an Integrity Zone towards a Corruption-Free Area (WBK) and a Clean and Serving Bureaucracy Area (WBBM), I, whose identity is stated above, hereby declare that I will:',
  points: [
    'Take an active part in preventing and eradicating corruption, collusion and nepotism (KKN) and not involve myself in any disgraceful conduct;',
    'Not ask for or accept, directly or indirectly, any bribe, gift, favour or other gratification related to my position and duties, and report any gratification I receive as the rules require;',
    'Be transparent, honest, objective and accountable in my work, and keep confidential information confidential;',
    'Avoid conflicts of interest in carrying out my duties and authority;',
    'Carry out my duties and authority in line with the laws and regulations, standard operating procedures and the code of ethics;',
    'Set an example of compliance with the rules and of integrity to my colleagues and my workplace;',
    'Report any breach of integrity in my workplace through the available complaint channels, and help protect the confidentiality of whistle-blowers;',
    'Accept moral and administrative sanctions and/or prosecution under the laws and regulations should I break what I declare in this Integrity Pact.',
  ],
  closing: 'I make this Integrity Pact truthfully, consciously and without pressure from anyone.',
};

/** The exact text that is hashed: intro, numbered points and closing, one per line. */
export function canonicalPaktaText(p: PaktaText): string {
  return [p.intro, ...p.points.map((s, i) => `${i + 1}. ${s}`), p.closing].join('\n');
}

export function paktaHash(p: PaktaText): string {
  return createHash('sha256').update(canonicalPaktaText(p), 'utf8').digest('hex');
}

/** The version signed from now on. */
export const CURRENT_PAKTA: PaktaText = ID_2025;
export const CURRENT_PAKTA_HASH = paktaHash(ID_2025);

const VERSIONS: Record<string, { id: PaktaText; en: PaktaText }> = { [ID_2025.version]: { id: ID_2025, en: EN_2025 } };

/** The text of a version in a language (Indonesian when the version has no translation). */
export function paktaTextOf(version: string, locale: 'id' | 'en'): PaktaText | null {
  const v = VERSIONS[version];
  return v ? v[locale] : null;
}
