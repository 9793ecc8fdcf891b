import type { Db } from '../../kernel/db.ts';
import type { FileStore } from '../../kernel/files.ts';

/** Seeds the demo data of the module; true when anything was added. */
export async function seedComplaintsDemo(_db: Db, _files: FileStore | null = null): Promise<boolean> {
  return false;
}
