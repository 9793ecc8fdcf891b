// PDFs of the survey core through Typst: the SKM report (skm.typ) and the printable sheet of one-time
// receipt codes (codes.typ). Data passed as JSON, every text final.
import { renderPdf } from '../../kernel/documents.ts';
import type { SkmReportModel } from './surveys.report.ts';

const SKM_URL = new URL('./skm.typ', import.meta.url);
const CODES_URL = new URL('./codes.typ', import.meta.url);

export const renderSkmReportPdf = (model: SkmReportModel, at = new Date()) => renderPdf(SKM_URL, model, { at });

export interface CodesSheet { title: string; unit: string; period: string; note: string; codes: string[] }
export const renderCodesPdf = (sheet: CodesSheet, at = new Date()) => renderPdf(CODES_URL, sheet, { at });
