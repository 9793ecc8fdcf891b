// The year's report of a unit as a PDF: read the records, build the model, render (coi.pdf.ts).
import type { Db } from '../../kernel/db.ts';
import type { T } from '../../kernel/i18n.ts';
import { dayIn } from '../../kernel/workdays.ts';
import { findRegency, findUnit } from '../org/index.ts';
import { renderCoiPdf, reportModel } from './coi.pdf.ts';
import { listEvaluations, listSocialisations, reportSigner, riskMap, summaryOf } from './coi.queries.ts';

/** The year's report PDF of a unit (also the generated evidence of the LKE suggestions). */
export async function yearReportPdf(db: Db, unitId: string, year: number, t: T, now: Date): Promise<{ bytes: Uint8Array; code: string }> {
  const today = dayIn(now);
  const unit = (await findUnit(db, { all: true }, unitId))!;
  const regency = await findRegency(db);
  const [summary, map, socs, evs] = await Promise.all([summaryOf(db, unitId, year, today), riskMap(db, unitId, year), listSocialisations(db, unitId, year), listEvaluations(db, unitId, year)]);
  const head = await reportSigner(db, unitId);
  const bytes = renderCoiPdf(reportModel({
    t, regency: regency?.name ?? '', capital: regency?.capital ?? '', unit, year, today, summary, map,
    socialisations: [...socs].sort((a, b) => a.heldOn.localeCompare(b.heldOn)), evaluations: evs.map((e) => ({ ...e, recommendations: e.recommendations.map((r) => ({ text: r.text, status: r.status, doneOn: r.doneOn })) })), head,
  }), now);
  return { bytes, code: unit.code };
}
