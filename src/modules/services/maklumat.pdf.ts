// The maklumat pelayanan as an A4 PDF through Typst (kop surat, title, the text, the signature of
// the unit head as it was at signing). Every text is prepared here and handed to maklumat.typ.
import { contactLine, regencyLabel, renderPdf, type Letterhead, type LetterheadUnit } from '../../kernel/documents.ts';
import { formatDate } from '../../kernel/i18n.ts';
import { formatNip } from '../org/index.ts';
import type { MaklumatRow } from './services.queries.ts';

const TEMPLATE_URL = new URL('./maklumat.typ', import.meta.url);

export interface MaklumatPdfInput {
  m: MaklumatRow;
  regency: { name: string; capital: string | null; kind: string } | null;
  unit: LetterheadUnit;
}

export interface SignerSnapshot { name?: string; nip?: string; position?: string; unit?: string }

export function maklumatPdfData({ m, regency, unit }: MaklumatPdfInput) {
  const s = (m.signerSnapshot ?? {}) as SignerSnapshot;
  const government = regency ? `PEMERINTAH ${regencyLabel(regency.name, regency.kind).toUpperCase()}` : 'PEMERINTAH DAERAH';
  const place = regency?.capital ?? regency?.name ?? '';
  const kop: Letterhead = { government, unit: unit.name.toUpperCase(), address: contactLine(unit) };
  return {
    kop,
    title: 'MAKLUMAT PELAYANAN',
    paragraphs: m.text.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean),
    placeDate: `${place}${place ? ', ' : ''}${m.signedOn ? formatDate(m.signedOn, 'id') : ''}`,
    signer: { name: s.name ?? '', nip: s.nip ? `NIP ${formatNip(s.nip)}` : '', position: s.position ? `${s.position},` : '' },
    ref: `Maklumat Pelayanan versi ${m.version}${m.publishedAt ? ` · diterbitkan ${formatDate(m.publishedAt, 'id')}` : ' · DRAF'}`,
  };
}

export function renderMaklumatPdf(input: MaklumatPdfInput): Uint8Array {
  return renderPdf(TEMPLATE_URL, maklumatPdfData(input), { at: input.m.publishedAt ?? input.m.updatedAt });
}
