// The QR poster of a survey form as an A4 PDF through Typst: unit, service, "Bagaimana pelayanan
// kami?", the QR code of the short link (the qrcode package, drawn here as SVG) and the link in
// text. Every text is prepared here and handed to poster.typ as one JSON input. The poster is in
// Indonesian with an English line, since it hangs at a counter for everyone.
import QRCode from 'qrcode';
import { renderPdf } from '../../kernel/documents.ts';

const TEMPLATE_URL = new URL('./poster.typ', import.meta.url);

/**
 * The QR code of `text` (error correction level M: a printed poster survives some wear) as SVG:
 * the dark modules as one path on a white square with the standard's four-module quiet zone, one
 * unit per module (Typst scales it). Drawn from the package's module matrix because its own SVG
 * writer is asynchronous only.
 */
export function qrSvg(text: string): string {
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const quiet = 4;
  const total = size + 2 * quiet;
  let d = '';
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size;) {
      if (!data[r * size + c]) { c++; continue; }
      const start = c;
      while (c < size && data[r * size + c]) c++;
      d += `M${start + quiet} ${r + quiet}h${c - start}v1h${start - c}z`;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" width="${total}" height="${total}" shape-rendering="crispEdges"><rect width="${total}" height="${total}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
}

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
  return {
    title: `Survei — ${p.unit} — ${p.service}`,
    regency: p.regency,
    unit: p.unit,
    headline: 'Bagaimana pelayanan kami?',
    headlineEn: 'How was our service?',
    service: p.service,
    survey: p.survey,
    qrSvg: qrSvg(p.url),
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
  return renderPdf(TEMPLATE_URL, posterData(p), { at: p.at });
}
