// Demo Rencana Kerja: DPMPTSP-KUKM adopts the 2022 seed document as its plan for 2025 and 2026,
// with decree numbers and dates, the Kepala Dinas as signer and persons in charge from its staff.
// Idempotent: a year that already has a plan is left alone.
import { and, asc, eq } from 'drizzle-orm';
import { SYSTEM_ACTOR, appendAudit } from '../../kernel/audit.ts';
import type { Db } from '../../kernel/db.ts';
import { orgPeople as people, orgUnits as units } from '../org/index.ts';
import { createPlan } from './plan.service.ts';
import { activities, monev, plans } from './workplan.schema.ts';

const TEMPLATE = 'rencana-kerja-zi-dpmptsp-bangka-2022';
const YEARS: { year: number; number: string; date: string }[] = [
  { year: 2025, number: '188.4/004.2/DINPMP2KUKM/2025', date: '2025-01-20' },
  { year: 2026, number: '188.4/003.1/DINPMP2KUKM/2026', date: '2026-01-19' },
];

/** Seeds the demo plans; true when anything was added. */
export async function seedWorkplanPlanDemo(db: Db): Promise<boolean> {
  const [unit] = await db.select().from(units).where(eq(units.code, 'DPMPTSPKUKM')).limit(1);
  if (!unit) return false;
  const staff = await db.select({ id: people.id, position: people.position }).from(people)
    .where(eq(people.unitId, unit.id)).orderBy(asc(people.createdAt), asc(people.name));
  if (staff.length === 0) return false;
  const head = staff.find((p) => /^Kepala Dinas/i.test(p.position)) ?? staff[0];
  let seeded = false;
  for (const y of YEARS) {
    const [exists] = await db.select({ id: plans.id }).from(plans).where(and(eq(plans.unitId, unit.id), eq(plans.year, y.year))).limit(1);
    if (exists) continue;
    const id = await createPlan({ db, actor: SYSTEM_ACTOR }, { unitId: unit.id, year: y.year, template: TEMPLATE });
    await db.transaction(async (tx) => {
      await tx.update(plans).set({ decreeNumber: y.number, decreeDate: y.date, place: 'Sungailiat', signerPersonId: head.id, version: 1 }).where(eq(plans.id, id));
      const acts = await tx.select({ id: activities.id, months: activities.months }).from(activities).where(eq(activities.planId, id)).orderBy(asc(activities.area), asc(activities.seq));
      // persons in charge: the staff after the head, in turn
      const pool = staff.filter((p) => p.id !== head.id);
      for (const [i, a] of acts.entries()) {
        await tx.update(activities).set({ picPersonId: pool[i % pool.length]?.id ?? head.id }).where(eq(activities.id, a.id));
        // 2025: monev done for January–October; November partly done (December left open)
        if (y.year === 2025) {
          for (const m of (a.months as number[]).filter((x) => x <= 11)) {
            await tx.insert(monev).values(m <= 10
              ? { activityId: a.id, month: m, status: 'done', realisation: 100, notes: 'Terlaksana sesuai jadwal.' }
              : { activityId: a.id, month: m, status: 'partial', realisation: 60, notes: 'Sebagian terlaksana.', problems: 'Jadwal bertabrakan dengan kegiatan akhir tahun.', followUp: 'Dilanjutkan pada bulan Desember.' });
          }
        }
      }
      await appendAudit(tx, SYSTEM_ACTOR, { action: 'workplan.plan.update', entityType: 'workplan_plan', entityId: id, unitId: unit.id, data: { seed: true, number: y.number, date: y.date } });
    });
    seeded = true;
  }
  return seeded;
}

export { listPlanTemplates } from './plan.service.ts';
