// placeholder replaced by the backup implementation
import type { Database } from './db.ts';
export interface BackupStats { tables: number; rows: number }
export async function backupToFile(_db: Database, _file: string): Promise<BackupStats> { throw new Error('not implemented'); }
export async function restoreFromFile(_db: Database, _file: string): Promise<BackupStats> { throw new Error('not implemented'); }
