// The year's report of a unit as a PDF: read the records, build the model, render (coi.pdf.ts).
import { eq } from 'drizzle-orm';
import type { Db } from '../../kernel/db.ts';
import type { T } from '../../kernel/i18n.ts';
import { dayIn } from '../../kernel/workdays.ts';
import { accountsHoldingRole, findRegency, findUnit, orgPeople } from '../org/index.ts';
import { renderCoiPdf, reportModel } from './coi.pdf.ts';
import { listEvaluations, listSocialisations, riskMap, summaryOf, superiorChoices } from './coi.service.ts';

/** The year's report PDF of a unit (also the generated evidence of the LKE suggestions). */
export async function yearReportPdf(db: Db, unitId: string, year: number, t: T, now: Date): Promise<{ bytes: Uint8Array; code: string }> {
  const today = dayIn(now);
  const unit = (await findUnit(db, { all: true }, unitId))!;
  const regency = await findRegency(db);
  const [summary, map, socs, evs] = await Promise.all([summaryOf(db, unitId, year, today), riskMap(db, unitId, year), listSocialisations(db, unitId, year), listEvaluations(db, unitId, year)]);
  const { people } = await superiorChoices(db, unitId, '00000000-0000-0000-0000-000000000000');
  const heads = new Set(await accountsHoldingRole(db, 'unit_head', unitId));
  const headP = people.find((p) => p.accountId && heads.has(p.accountId));
  let head: { name: string; position: string; nip: string } | null = null;
  if (headP) {
    const [p] = await db.select({ name: orgPeople.name, position: orgPeople.position, nip: orgPeople.nip }).from(orgPeople).where(eq(orgPeople.id, headP.id)).limit(1);
    head = p ?? null;
  }
  const bytes = renderCoiPdf(reportModel({
    t, regency: regency?.name ?? '', capital: regency?.capital ?? '', unit, year, today, summary, map,
    socialisations: [...socs].sort((a, b) => a.heldOn.localeCompare(b.heldOn)), evaluations: evs.map((e) => ({ ...e, recommendations: e.recommendations.map((r) => ({ text: r.text, status: r.status, doneOn: r.doneOn })) })), head,
  }), now);
  return { bytes, code: unit.code };
}
