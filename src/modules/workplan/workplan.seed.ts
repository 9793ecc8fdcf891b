// Demo data of the workplan module. Each workplan feature adds its own exported seed function here.
import { and, asc, eq, sql } from 'drizzle-orm';
import { appendAudit, SYSTEM_ACTOR } from '../../kernel/audit.ts';
import { demoMoment, demoYear } from '../../kernel/demo-dates.ts';
import type { Db } from '../../kernel/db.ts';
import type { FileStore } from '../../kernel/files.ts';
import { accounts } from '../../kernel/schema.ts';
import { attachUrl } from '../evidence/index.ts';
import { orgPeople as people, orgUnits as units } from '../org/index.ts';
import { DECLARATION_SUBJECT } from './declaration.service.ts';
import type { PactSnapshot } from './pakta.queries.ts';
import { CURRENT_PAKTA, CURRENT_PAKTA_HASH } from './pakta.text.ts';
import { declarations, pacts } from './workplan.schema.ts';

/** A realistic signing moment: a day of January (or February this year), in office hours WIB. */
function signingMoment(yearOffset: number, i: number, now: Date): Date {
  const day = 5 + ((i * 3) % 24);
  const month = yearOffset === 0 && i % 4 === 3 ? 2 : 1;
  // unclamped: a signature still to come this year is left out, not moved to today
  return new Date(Date.UTC(demoYear(now) + yearOffset, month - 1, day, 1 + (i % 6), (i * 17) % 60));
}

/**
 * Pencanangan of DPMPTSP-KUKM (2 January of last year, Sungailiat, by the Kepala Dinas, with two
 * publication links) and Pakta Integritas signatures of its staff for last year (all but one) and
 * this year (a few, the demo account 'pegawai' among them, have not signed yet; none after today).
 * Runs once: false when the unit already has a declaration or signatures, or the demo organisation
 * is missing.
 */
export async function seedWorkplanPaktaDemo(db: Db, _files: FileStore | null = null, now = new Date()): Promise<boolean> {
  const [unit] = await db.select({ id: units.id, name: units.name, code: units.code }).from(units).where(eq(units.code, 'DPMPTSPKUKM')).limit(1);
  if (!unit) return false;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('workplan.pakta.demo.seed', 0))`);
    const [d] = await tx.select({ id: declarations.id }).from(declarations).where(eq(declarations.unitId, unit.id)).limit(1);
    const [p] = await tx.select({ id: pacts.id }).from(pacts).where(eq(pacts.unitId, unit.id)).limit(1);
    if (d || p) return false;
    const staff = await tx.select({ id: people.id, name: people.name, nip: people.nip, position: people.position, accountId: people.accountId, username: accounts.username })
      .from(people).leftJoin(accounts, eq(accounts.id, people.accountId))
      .where(and(eq(people.unitId, unit.id), eq(people.isActive, true))).orderBy(asc(people.createdAt), asc(people.nip));
    if (staff.length === 0) return false;
    const head = staff[0];

    const last = demoYear(now) - 1;
    const declaredAt = demoMoment(-1, 1, 2, 10, 0, now);
    const [decl] = await tx.insert(declarations).values({
      unitId: unit.id, declaredOn: `${last}-01-02`, place: 'Sungailiat', declaredByName: head.name, declaredByPosition: head.position,
      description: 'Pencanangan Pembangunan Zona Integritas menuju Wilayah Bebas dari Korupsi (WBK) di lingkungan DPMPTSP-KUKM Kabupaten Bangka, disaksikan oleh Bupati Bangka, Inspektur Daerah, dan seluruh pegawai, ditandai dengan penandatanganan Pakta Integritas bersama.',
      createdBy: head.accountId, createdAt: declaredAt, updatedAt: declaredAt,
    }).returning({ id: declarations.id });
    await appendAudit(tx, SYSTEM_ACTOR, { action: 'declaration.created', entityType: 'workplan_declaration', entityId: decl.id, unitId: unit.id, data: { demo: true } }, declaredAt);
    const subject = { subjectType: DECLARATION_SUBJECT, subjectId: decl.id, subjectKey: '' };
    await attachUrl(tx, SYSTEM_ACTOR, { unitId: unit.id, url: `https://dpmptsp.bangka.example/berita/pencanangan-zona-integritas-${last}`, title: 'Berita: DPMPTSP-KUKM canangkan Zona Integritas menuju WBK', at: demoMoment(-1, 1, 2, 15, 0, now), ...subject });
    await attachUrl(tx, SYSTEM_ACTOR, { unitId: unit.id, url: 'https://instagram.example/dpmptspkukm.bangka/p/pencanangan-zi', title: 'Dokumentasi pencanangan di media sosial', at: demoMoment(-1, 1, 3, 9, 30, now), ...subject });

    // who has not signed: last year the last one on the list; this year the demo employee and two others
    const unsignedThisYear = new Set<string>([staff[staff.length - 2]?.id, staff[staff.length - 4]?.id].filter(Boolean) as string[]);
    for (const s of staff) if (s.username === 'pegawai') unsignedThisYear.add(s.id);
    const rows: (typeof pacts.$inferInsert)[] = [];
    staff.forEach((s, i) => {
      const snapshot: PactSnapshot = { name: s.name, nip: s.nip, position: s.position, unitName: unit.name, unitCode: unit.code };
      const base = { unitId: unit.id, personId: s.id, accountId: s.accountId, textVersion: CURRENT_PAKTA.version, textHash: CURRENT_PAKTA_HASH, snapshot };
      if (i !== staff.length - 1) rows.push({ ...base, year: last, signedAt: i === 0 ? declaredAt : signingMoment(-1, i, now) });
      const thisYear = signingMoment(0, i, now);
      if (!unsignedThisYear.has(s.id) && thisYear <= now) rows.push({ ...base, year: last + 1, signedAt: thisYear });
    });
    rows.sort((a, b) => a.signedAt!.getTime() - b.signedAt!.getTime());
    const inserted = await tx.insert(pacts).values(rows).returning();
    for (const r of inserted) {
      await appendAudit(tx, { accountId: r.accountId, label: staff.find((s) => s.id === r.personId)?.username ?? 'system' }, {
        action: 'pakta.signed', entityType: 'workplan_pact', entityId: r.id, unitId: r.unitId,
        data: { personId: r.personId, year: r.year, textVersion: r.textVersion, textHash: r.textHash, demo: true },
      }, r.signedAt);
    }
    return true;
  });
}
