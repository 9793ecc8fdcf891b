import type { Db } from '../../kernel/db.ts';

/** Seeds the demo survey periods and responses; true when anything was added. */
export async function seedSurveysDemo(_db: Db): Promise<boolean> {
  return false;
}
