// PDFs of the survey core through Typst: the SKM report (skm.typ) and the printable sheet of one-time
// receipt codes (codes.typ). Data passed as JSON, every text final.
import { readFileSync } from 'node:fs';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import type { SkmReportModel } from './surveys.report.ts';

let compiler: NodeCompiler | null = null;
const templates = new Map<string, string>();

function render(name: string, data: unknown, at: Date): Uint8Array {
  if (!compiler) compiler = NodeCompiler.create();
  let main = templates.get(name);
  if (!main) { main = readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'); templates.set(name, main); }
  try {
    return compiler.pdf({ mainFileContent: main, inputs: { data: JSON.stringify(data) } }, { creationTimestamp: Math.floor(at.getTime() / 1000) });
  } catch (e) {
    let diags = '';
    try { diags = JSON.stringify(compiler.fetchDiagnostics(e as never)).slice(0, 2000); } catch { /* none */ }
    throw new Error(`${name} failed to compile: ${(e as Error).message ?? e} ${diags}`);
  } finally {
    compiler.evictCache(10);
  }
}

export const renderSkmReportPdf = (model: SkmReportModel, at = new Date()) => render('skm.typ', model, at);

export interface CodesSheet { title: string; unit: string; period: string; note: string; codes: string[] }
export const renderCodesPdf = (sheet: CodesSheet, at = new Date()) => render('codes.typ', sheet, at);
