// Importing the unit's answers from an LKE workbook (XLSX): the file is checked whole — size, the
// workbook's own rows, the rule set it was made for — and a refusal lists every problem by row;
// only a workbook without problems replaces the unit layer (replaceUnitLayer, all or nothing).
import type { Scope } from '../../kernel/access.ts';
import { DomainError } from '../../kernel/errors.ts';
import { replaceUnitLayer, type Ctx } from './assessment.service.ts';
import { findRuleSet } from './lke.ruleset.ts';
import { readWorkbook } from './lke.xlsx.ts';
import type { Found } from './worksheet.queries.ts';

export const MAX_XLSX_BYTES = 5 * 1024 * 1024;

export interface ImportProblemKey { row: number; item?: string; code: string; params?: Record<string, string | number> }

/** A workbook refused before anything changed, with its problems (message keys) by row. */
export class ImportRefusal extends DomainError {
  constructor(public readonly problems: ImportProblemKey[]) {
    super('validation', 'lke.import.refused', { n: problems.length });
  }
}

export async function importWorkbook(ctx: Ctx, scope: Scope, f: Found, version: number, file: File | undefined): Promise<void> {
  if (!file) throw new ImportRefusal([{ row: 0, code: 'lke.import.no_file' }]);
  if (file.size > MAX_XLSX_BYTES) throw new ImportRefusal([{ row: 0, code: 'lke.import.too_large', params: { mb: MAX_XLSX_BYTES / 1024 / 1024 } }]);
  const res = await readWorkbook(new Uint8Array(await file.arrayBuffer()), findRuleSet);
  const problems: ImportProblemKey[] = res.errors.map((e) => ({ row: e.row, item: e.item, code: e.code, params: e.params }));
  if (!problems.length && res.rulesetId !== f.w.rulesetId) problems.push({ row: 0, code: 'lke.import.other_ruleset', params: { ruleset: res.rulesetId ?? '—' } });
  if (problems.length) throw new ImportRefusal(problems);
  await replaceUnitLayer(ctx, scope, f.w.id, version, { answers: res.answers, notes: res.notes }, file.name.slice(0, 200));
}
