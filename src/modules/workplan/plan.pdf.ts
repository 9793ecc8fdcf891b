// The Keputusan (decree) on the Rencana Kerja with its lampiran, as a PDF through Typst. The
// document model (plan.rules.ts buildDecreeModel) carries every text final; Typst only lays it out.
import { readFileSync } from 'node:fs';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import type { DecreeModel } from './plan.rules.ts';

const TEMPLATE_URL = new URL('./decree.typ', import.meta.url);
let compiler: NodeCompiler | null = null;
let template: string | null = null;

function typst(): { compiler: NodeCompiler; template: string } {
  if (!compiler) compiler = NodeCompiler.create();
  if (!template) template = readFileSync(TEMPLATE_URL, 'utf8');
  return { compiler, template };
}

const MONTH_HEADS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];

/** Renders the decree (A4 portrait, the matrix on a landscape page). Throws on a template bug. */
export function renderDecreePdf(model: DecreeModel, at: Date = new Date()): Uint8Array {
  const { compiler: c, template: main } = typst();
  const { logoImage, ...rest } = model;
  // the letterhead logo is a shadow file the template reads by its path (kop.logo)
  c.resetShadow();
  if (logoImage && rest.kop.logo === logoImage.path) c.mapShadow(logoImage.path, Buffer.from(logoImage.bytes));
  const data = JSON.stringify({ ...rest, kop: { ...rest.kop, logo: logoImage && rest.kop.logo === logoImage.path ? rest.kop.logo : null }, months: MONTH_HEADS });
  try {
    return c.pdf({ mainFileContent: main, inputs: { data } }, { creationTimestamp: Math.floor(at.getTime() / 1000) });
  } catch (e) {
    let diags = '';
    try { diags = JSON.stringify(c.fetchDiagnostics(e as never)).slice(0, 2000); } catch { /* none */ }
    throw new Error(`decree template failed to compile: ${(e as Error).message ?? e} ${diags}`);
  } finally {
    c.resetShadow();
    c.evictCache(10);
  }
}
