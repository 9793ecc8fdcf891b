import type { Db } from '../../kernel/db.ts';
import type { FileStore } from '../../kernel/files.ts';

/** Seeds a year of the demo unit's conflict-of-interest management once; true when anything was seeded. */
export async function seedCoiDemo(_db: Db, _files: FileStore | null = null): Promise<boolean> {
  return false;
}
