// The monev report as a PDF through Typst (monev.typ). The document model (monev.rules.ts
// buildMonevReportModel) carries every text final; Typst only lays it out.
import { renderPdf } from '../../kernel/documents.ts';
import type { MonevReportModel } from './monev.rules.ts';

const TEMPLATE_URL = new URL('./monev.typ', import.meta.url);

/** Renders the report (A4 portrait, the activity tables on landscape pages). Throws on a template bug. */
export function renderMonevReportPdf(model: MonevReportModel, at: Date = new Date()): Uint8Array {
  return renderPdf(TEMPLATE_URL, model, { at });
}
