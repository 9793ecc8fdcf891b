import type { Db } from '../../kernel/db.ts';
import type { FileStore } from '../../kernel/files.ts';

/** Seeds the demo service catalogue; true when anything was added. */
export async function seedServicesDemo(_db: Db, _files: FileStore | null = null): Promise<boolean> {
  return false;
}
