import type { Db } from '../../kernel/db.ts';
import type { FileStore } from '../../kernel/files.ts';

/** Seeds a year of the demo unit's gratification control once; true when anything was seeded. */
export async function seedGratificationDemo(_db: Db, _files: FileStore | null = null): Promise<boolean> {
  return false;
}
