// The signed Pakta Integritas as a one-page A4 PDF through Typst. Every text is prepared here and
// handed to pakta.typ as one JSON input; the statement printed is the version that was signed.
import { renderPdf, type Letterhead } from '../../kernel/documents.ts';
import { formatDate, formatDateTime } from '../../kernel/i18n.ts';
import type { PactRow, PactSnapshot } from './pakta.queries.ts';
import { CURRENT_PAKTA, paktaTextOf } from './pakta.text.ts';

const TEMPLATE_URL = new URL('./pakta.typ', import.meta.url);

export interface PaktaPdfInput { pact: PactRow; regency: string; place: string; timeZone: string }

export function paktaPdfData(input: PaktaPdfInput) {
  const { pact, regency, place, timeZone } = input;
  const s = pact.snapshot as PactSnapshot;
  const text = paktaTextOf(pact.textVersion, 'id') ?? CURRENT_PAKTA;
  // the pact's letterhead has no address: it is the signer's, not a letter of the unit
  const kop: Letterhead = { government: regency.toUpperCase(), unit: (s.unitName ?? '').toUpperCase() };
  return {
    kop,
    title: 'PAKTA INTEGRITAS',
    year: `Tahun ${pact.year}`,
    lead: 'Saya yang bertanda tangan di bawah ini:',
    identity: [['Nama', s.name], ['NIP', s.nip], ['Jabatan', s.position], ['Unit kerja', s.unitName]],
    intro: text.intro,
    points: text.points,
    closing: text.closing,
    placeDate: `${place}, ${formatDate(pact.signedAt, 'id', timeZone)}`,
    signerLabel: 'Yang menyatakan,',
    signer: s.name,
    signerNip: `NIP ${s.nip}`,
    stamp: `Ditandatangani secara elektronik pada ${formatDateTime(pact.signedAt, 'id', timeZone)}`,
    hash: `Versi teks ${pact.textVersion} · SHA-256 ${pact.textHash}`,
    ref: `ID ${pact.id}`,
  };
}

export function renderPaktaPdf(input: PaktaPdfInput): Uint8Array {
  return renderPdf(TEMPLATE_URL, paktaPdfData(input), { at: input.pact.signedAt });
}
