// The monev report as a PDF through Typst (monev.typ). The document model (monev.rules.ts
// buildMonevReportModel) carries every text final; Typst only lays it out.
import { readFileSync } from 'node:fs';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import type { MonevReportModel } from './monev.rules.ts';

const TEMPLATE_URL = new URL('./monev.typ', import.meta.url);
let compiler: NodeCompiler | null = null;
let template: string | null = null;

function typst(): { compiler: NodeCompiler; template: string } {
  if (!compiler) compiler = NodeCompiler.create();
  if (!template) template = readFileSync(TEMPLATE_URL, 'utf8');
  return { compiler, template };
}

/** Renders the report (A4 portrait, the activity tables on landscape pages). Throws on a template bug. */
export function renderMonevReportPdf(model: MonevReportModel, at: Date = new Date()): Uint8Array {
  const { compiler: c, template: main } = typst();
  try {
    return c.pdf({ mainFileContent: main, inputs: { data: JSON.stringify(model) } }, { creationTimestamp: Math.floor(at.getTime() / 1000) });
  } catch (e) {
    let diags = '';
    try { diags = JSON.stringify(c.fetchDiagnostics(e as never)).slice(0, 2000); } catch { /* none */ }
    throw new Error(`monev report template failed to compile: ${(e as Error).message ?? e} ${diags}`);
  } finally {
    c.evictCache(10);
  }
}
