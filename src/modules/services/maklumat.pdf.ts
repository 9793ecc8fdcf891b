// The maklumat pelayanan as an A4 PDF through Typst (kop surat, title, the text, the signature of
// the unit head as it was at signing). Every text is prepared here and handed to maklumat.typ.
import { readFileSync } from 'node:fs';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { formatDate } from '../../kernel/i18n.ts';
import { formatNip } from '../org/index.ts';
import type { MaklumatRow } from './services.queries.ts';

const TEMPLATE_URL = new URL('./maklumat.typ', import.meta.url);
let compiler: NodeCompiler | null = null;
let template: string | null = null;

export interface MaklumatPdfInput {
  m: MaklumatRow;
  regency: { name: string; capital: string | null; kind: string } | null;
  unit: { name: string; address: string | null; phone: string | null; email: string | null };
}

export interface SignerSnapshot { name?: string; nip?: string; position?: string; unit?: string }

/** "Pemerintah Kabupaten Bangka" / "Bangka" → "Kabupaten Bangka" (as the work plan's decree). */
export function regencyLabel(name: string, kind: string): string {
  const bare = name.replace(/^Pemerintah\s+/i, '').trim();
  if (!bare || /^(Kabupaten|Kota)\s/i.test(bare)) return bare;
  return `${kind === 'kota' ? 'Kota' : 'Kabupaten'} ${bare}`;
}

export function maklumatPdfData({ m, regency, unit }: MaklumatPdfInput) {
  const s = (m.signerSnapshot ?? {}) as SignerSnapshot;
  const government = regency ? `PEMERINTAH ${regencyLabel(regency.name, regency.kind).toUpperCase()}` : 'PEMERINTAH DAERAH';
  const place = regency?.capital ?? regency?.name ?? '';
  const contact = [unit.address, unit.phone ? `Telp. ${unit.phone}` : null, unit.email ? `E-Mail: ${unit.email}` : null].filter(Boolean).join(' · ');
  return {
    kop: { government, unit: unit.name.toUpperCase(), address: contact },
    title: 'MAKLUMAT PELAYANAN',
    paragraphs: m.text.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean),
    placeDate: `${place}${place ? ', ' : ''}${m.signedOn ? formatDate(m.signedOn, 'id') : ''}`,
    signer: { name: s.name ?? '', nip: s.nip ? `NIP ${formatNip(s.nip)}` : '', position: s.position ? `${s.position},` : '' },
    ref: `Maklumat Pelayanan versi ${m.version}${m.publishedAt ? ` · diterbitkan ${formatDate(m.publishedAt, 'id')}` : ' · DRAF'}`,
  };
}

export function renderMaklumatPdf(input: MaklumatPdfInput): Uint8Array {
  if (!compiler) compiler = NodeCompiler.create();
  if (!template) template = readFileSync(TEMPLATE_URL, 'utf8');
  try {
    const at = input.m.publishedAt ?? input.m.updatedAt;
    return compiler.pdf({ mainFileContent: template, inputs: { data: JSON.stringify(maklumatPdfData(input)) } }, { creationTimestamp: Math.floor(at.getTime() / 1000) });
  } finally {
    compiler.evictCache(10);
  }
}
