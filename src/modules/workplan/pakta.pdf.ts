// The signed Pakta Integritas as a one-page A4 PDF through Typst. Every text is prepared here and
// handed to pakta.typ as one JSON input; the statement printed is the version that was signed.
import { readFileSync } from 'node:fs';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { formatDate, formatDateTime } from '../../kernel/i18n.ts';
import type { PactRow, PactSnapshot } from './pakta.queries.ts';
import { CURRENT_PAKTA, paktaTextOf } from './pakta.text.ts';

const TEMPLATE_URL = new URL('./pakta.typ', import.meta.url);
let compiler: NodeCompiler | null = null;
let template: string | null = null;

export interface PaktaPdfInput { pact: PactRow; regency: string; place: string; timeZone: string }

export function paktaPdfData(input: PaktaPdfInput) {
  const { pact, regency, place, timeZone } = input;
  const s = pact.snapshot as PactSnapshot;
  const text = paktaTextOf(pact.textVersion, 'id') ?? CURRENT_PAKTA;
  return {
    kop: { regency: regency.toUpperCase(), unit: (s.unitName ?? '').toUpperCase() },
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
  if (!compiler) compiler = NodeCompiler.create();
  if (!template) template = readFileSync(TEMPLATE_URL, 'utf8');
  try {
    return compiler.pdf({ mainFileContent: template, inputs: { data: JSON.stringify(paktaPdfData(input)) } }, { creationTimestamp: Math.floor(input.pact.signedAt.getTime() / 1000) });
  } finally {
    compiler.evictCache(10);
  }
}
