// What the WBS journey knows from the outside: the e2e server's data folder (playwright.config.ts
// puts it in INTEGRITAS_E2E_DATA_DIR: PGlite's files under pgdata/, uploads under files/), and how to
// scan every file there for plaintext that must never be stored.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function e2eDataDir(): string {
  const dir = process.env.INTEGRITAS_E2E_DATA_DIR;
  if (!dir) throw new Error('INTEGRITAS_E2E_DATA_DIR is not set (run through playwright.config.ts)');
  return dir;
}

/** Files under `dir` that contain any of the needles (database files, WAL and the file store alike). */
export function filesContaining(dir: string, needles: (string | Uint8Array)[]): { file: string; needle: string }[] {
  if (!existsSync(dir)) return [];
  const bufs = needles.map((n) => (typeof n === 'string' ? Buffer.from(n, 'utf8') : Buffer.from(n)));
  const hits: { file: string; needle: string }[] = [];
  for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!d.isFile()) continue;
    const file = path.join(d.parentPath, d.name);
    const bytes = readFileSync(file);
    bufs.forEach((b, i) => { if (bytes.indexOf(b) !== -1) hits.push({ file, needle: typeof needles[i] === 'string' ? (needles[i] as string) : `<${b.length} bytes>` }); });
  }
  return hits;
}

/** Every stored file under the file store. */
export function storedFileCount(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;
}
