// The Keputusan (decree) on the Rencana Kerja with its lampiran, as a PDF through Typst. The
// document model (plan.rules.ts buildDecreeModel) carries every text final; Typst only lays it out.
import { renderPdf } from '../../kernel/documents.ts';
import type { DecreeModel } from './plan.rules.ts';

const TEMPLATE_URL = new URL('./decree.typ', import.meta.url);

const MONTH_HEADS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];

/** Renders the decree (A4 portrait, the matrix on a landscape page). Throws on a template bug. */
export function renderDecreePdf(model: DecreeModel, at: Date = new Date()): Uint8Array {
  const { logoImage, ...rest } = model;
  // the letterhead logo is a file the template reads by its path (kop.logo); a path without its bytes prints no logo
  const logo = logoImage && rest.kop.logo === logoImage.path ? logoImage : null;
  const data = { ...rest, kop: { ...rest.kop, logo: logo ? logo.path : null }, months: MONTH_HEADS };
  return renderPdf(TEMPLATE_URL, data, { at, ...(logo ? { files: { [logo.path]: logo.bytes } } : {}) });
}
