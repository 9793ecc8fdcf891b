// The QR poster of a survey form as an A4 PDF through Typst: unit, service, "Bagaimana pelayanan
// kami?", the QR code of the short link (qr.ts) and the link in text. Every text is prepared here
// and handed to poster.typ as one JSON input. The poster is in Indonesian with an English line,
// since it hangs at a counter for everyone.
import { readFileSync } from 'node:fs';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { encodeQr, qrSvg } from './qr.ts';

const TEMPLATE_URL = new URL('./poster.typ', import.meta.url);
let compiler: NodeCompiler | null = null;
let template: string | null = null;

export interface PosterInput {
  regency: string;
  unit: string;
  /** the service name, or the survey's name for the unit-wide SPAK/SPKP */
  service: string;
  /** the line under the service (null for SKM) */
  survey: string | null;
  /** the survey's name for the footer */
  surveyTitle: string;
  url: string;
  /** a fixed timestamp keeps the PDF identical for identical input */
  at: Date;
}

export function posterData(p: PosterInput) {
  const qr = encodeQr(p.url);
  return {
    title: `Survei — ${p.unit} — ${p.service}`,
    regency: p.regency,
    unit: p.unit,
    headline: 'Bagaimana pelayanan kami?',
    headlineEn: 'How was our service?',
    service: p.service,
    survey: p.survey,
    qrSvg: qrSvg(qr),
    qrAlt: `QR: ${p.url}`,
    scan: 'Pindai kode QR dengan kamera ponsel Anda · Scan with your phone camera',
    orOpen: 'atau buka alamat ini · or open',
    url: p.url.replace(/^https?:\/\//, ''),
    notes: [
      'Isi survei hanya ± 2 menit, tanpa nama dan tanpa akun. · About 2 minutes, no name, no account.',
      'Kami tidak menyimpan alamat IP atau data perangkat Anda. · We keep no IP address or device data.',
      'Hasil survei diumumkan di halaman publik unit ini. · Results are published on this unit\'s public page.',
    ],
    footer: `Integritas · ${p.surveyTitle}`,
  };
}

export function renderPosterPdf(p: PosterInput): Uint8Array {
  if (!compiler) compiler = NodeCompiler.create();
  if (!template) template = readFileSync(TEMPLATE_URL, 'utf8');
  try {
    return compiler.pdf({ mainFileContent: template, inputs: { data: JSON.stringify(posterData(p)) } }, { creationTimestamp: Math.floor(p.at.getTime() / 1000) });
  } finally {
    compiler.evictCache(10);
  }
}
