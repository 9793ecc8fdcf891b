// Pakta Integritas use cases: signing. Services never see a Request; errors are DomainErrors whose
// codes are i18n keys.
import type { AuditActor } from '../../kernel/audit.ts';
import { appendAudit } from '../../kernel/audit.ts';
import type { Db } from '../../kernel/db.ts';
import { DomainError, conflict, invalid } from '../../kernel/errors.ts';
import { findPactOf, personForPakta, type PactRow, type PactSnapshot } from './pakta.queries.ts';
import { CURRENT_PAKTA, CURRENT_PAKTA_HASH } from './pakta.text.ts';
import { pacts } from './workplan.schema.ts';
import { sql } from 'drizzle-orm';

export interface SignInput {
  personId: string | null;
  accountId: string | null;
  year: number;
  /** the explicit confirmation checkbox */
  confirmed: boolean;
  at?: Date;
}

/**
 * Signs this year's pact for a person: one row per person and year with the text version and hash
 * and a snapshot of who they were, plus an audit entry, in one transaction.
 */
export async function signPakta(db: Db, who: AuditActor, input: SignInput): Promise<PactRow> {
  if (!input.personId) throw new DomainError('validation', 'pakta.error.no_person');
  if (!input.confirmed) throw invalid({ confirm: 'pakta.error.confirm_required' }, 'pakta.error.confirm_required');
  const person = await personForPakta(db, input.personId);
  if (!person || !person.isActive) throw new DomainError('validation', 'pakta.error.no_person');
  return db.transaction(async (tx) => {
    // two tabs signing at once: the second waits, then finds the first signature
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`pakta:${person.id}:${input.year}`}, 0))`);
    if (await findPactOf(tx, person.id, input.year)) throw conflict('pakta.error.already_signed');
    const snapshot: PactSnapshot = { name: person.name, nip: person.nip, position: person.position, unitName: person.unitName, unitCode: person.unitCode };
    const [row] = await tx.insert(pacts).values({
      unitId: person.unitId, personId: person.id, accountId: input.accountId, year: input.year,
      textVersion: CURRENT_PAKTA.version, textHash: CURRENT_PAKTA_HASH, snapshot,
      ...(input.at ? { signedAt: input.at } : {}),
    }).returning();
    await appendAudit(tx, who, {
      action: 'pakta.signed', entityType: 'workplan_pact', entityId: row.id, unitId: person.unitId,
      data: { personId: person.id, year: input.year, textVersion: CURRENT_PAKTA.version, textHash: CURRENT_PAKTA_HASH },
    }, input.at);
    return row;
  });
}
