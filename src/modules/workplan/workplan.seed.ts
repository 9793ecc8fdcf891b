// Demo data of the workplan module. Each workplan feature adds its own exported seed function here.
import { and, asc, eq, sql } from 'drizzle-orm';
import { appendAudit, SYSTEM_ACTOR } from '../../kernel/audit.ts';
import type { Db } from '../../kernel/db.ts';
import type { FileStore } from '../../kernel/files.ts';
import { accounts } from '../../kernel/schema.ts';
import { attachUrl } from '../evidence/index.ts';
import { orgPeople as people, orgUnits as units } from '../org/index.ts';
import { DECLARATION_SUBJECT } from './declaration.service.ts';
import type { PactSnapshot } from './pakta.queries.ts';
import { CURRENT_PAKTA, CURRENT_PAKTA_HASH } from './pakta.text.ts';
import { declarations, pacts } from './workplan.schema.ts';

/** A realistic signing moment: a working day of January (or February), in office hours WIB. */
function signingMoment(year: number, i: number): Date {
  const day = 5 + ((i * 3) % 24);
  const month = year === 2026 && i % 4 === 3 ? 1 : 0;
  return new Date(Date.UTC(year, month, day, 1 + (i % 6), (i * 17) % 60));
}

/**
 * Pencanangan of DPMPTSP-KUKM (2 January 2025, Sungailiat, by the Kepala Dinas, with two
 * publication links) and Pakta Integritas signatures of its staff for 2025 (all but one) and 2026
 * (a few, the demo account 'pegawai' among them, have not signed yet). Runs once: false when the
 * unit already has a declaration or signatures, or the demo organisation is missing.
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

    const declaredAt = new Date(Date.UTC(2025, 0, 2, 3, 0));
    const [decl] = await tx.insert(declarations).values({
      unitId: unit.id, declaredOn: '2025-01-02', place: 'Sungailiat', declaredByName: head.name, declaredByPosition: head.position,
      description: 'Pencanangan Pembangunan Zona Integritas menuju Wilayah Bebas dari Korupsi (WBK) di lingkungan DPMPTSP-KUKM Kabupaten Bangka, disaksikan oleh Bupati Bangka, Inspektur Daerah, dan seluruh pegawai, ditandai dengan penandatanganan Pakta Integritas bersama.',
      createdBy: head.accountId, createdAt: declaredAt, updatedAt: declaredAt,
    }).returning({ id: declarations.id });
    await appendAudit(tx, SYSTEM_ACTOR, { action: 'declaration.created', entityType: 'workplan_declaration', entityId: decl.id, unitId: unit.id, data: { demo: true } }, declaredAt);
    const subject = { subjectType: DECLARATION_SUBJECT, subjectId: decl.id, subjectKey: '' };
    await attachUrl(tx, SYSTEM_ACTOR, { unitId: unit.id, url: 'https://dpmptsp.bangka.example/berita/pencanangan-zona-integritas-2025', title: 'Berita: DPMPTSP-KUKM canangkan Zona Integritas menuju WBK', at: new Date(Date.UTC(2025, 0, 2, 8, 0)), ...subject });
    await attachUrl(tx, SYSTEM_ACTOR, { unitId: unit.id, url: 'https://instagram.example/dpmptspkukm.bangka/p/pencanangan-zi', title: 'Dokumentasi pencanangan di media sosial', at: new Date(Date.UTC(2025, 0, 3, 2, 30)), ...subject });

    // who has not signed: 2025 the last one on the list; 2026 the demo employee and two others
    const unsigned2026 = new Set<string>([staff[staff.length - 2]?.id, staff[staff.length - 4]?.id].filter(Boolean) as string[]);
    for (const s of staff) if (s.username === 'pegawai') unsigned2026.add(s.id);
    const rows: (typeof pacts.$inferInsert)[] = [];
    staff.forEach((s, i) => {
      const snapshot: PactSnapshot = { name: s.name, nip: s.nip, position: s.position, unitName: unit.name, unitCode: unit.code };
      const base = { unitId: unit.id, personId: s.id, accountId: s.accountId, textVersion: CURRENT_PAKTA.version, textHash: CURRENT_PAKTA_HASH, snapshot };
      if (i !== staff.length - 1) rows.push({ ...base, year: 2025, signedAt: i === 0 ? declaredAt : signingMoment(2025, i) });
      const at2026 = signingMoment(2026, i);
      if (!unsigned2026.has(s.id) && at2026 <= now) rows.push({ ...base, year: 2026, signedAt: at2026 });
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
