// Reads of agen perubahan: a unit's agents for a year with their changes, and the counts that are
// the inputs of LKE items A.II.1.i.a {agents, changes} and A.II.1.i.b {changes, integrated}.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db.ts';
import { orgPeople as people, orgUnits as units } from '../org/index.ts';
import { agents, changes } from './workplan.schema.ts';

export const AGENT_SUBJECT = 'workplan_agent';
export const CHANGE_SUBJECT = 'workplan_change';

export type AgentRow = typeof agents.$inferSelect;
export type ChangeRow = typeof changes.$inferSelect;

export interface AgentView extends AgentRow {
  name: string; nip: string; position: string; personActive: boolean; personUnitId: string; personUnitName: string;
  changes: ChangeRow[];
}

export async function listAgents(db: Db, unitId: string, year: number): Promise<AgentView[]> {
  const rows = await db.select({
    a: agents, name: people.name, nip: people.nip, position: people.position, personActive: people.isActive,
    personUnitId: people.unitId, personUnitName: units.shortName,
  }).from(agents).innerJoin(people, eq(people.id, agents.personId)).innerJoin(units, eq(units.id, people.unitId))
    .where(and(eq(agents.unitId, unitId), eq(agents.year, year))).orderBy(asc(people.name));
  const ids = rows.map((r) => r.a.id);
  const all = ids.length ? await db.select().from(changes).where(inArray(changes.agentId, ids)).orderBy(asc(changes.implementedOn), asc(changes.createdAt)) : [];
  return rows.map((r) => ({
    ...r.a, name: r.name, nip: r.nip, position: r.position, personActive: r.personActive, personUnitId: r.personUnitId, personUnitName: r.personUnitName,
    changes: all.filter((ch) => ch.agentId === r.a.id),
  }));
}

export async function findAgent(db: Db, unitId: string, agentId: string): Promise<AgentRow | undefined> {
  const [a] = await db.select().from(agents).where(and(eq(agents.id, agentId), eq(agents.unitId, unitId))).limit(1);
  return a;
}

/** A change with its agent, only when the agent belongs to the unit. */
export async function findChange(db: Db, unitId: string, changeId: string): Promise<{ change: ChangeRow; agent: AgentRow } | undefined> {
  const [r] = await db.select({ change: changes, agent: agents }).from(changes).innerJoin(agents, eq(agents.id, changes.agentId))
    .where(and(eq(changes.id, changeId), eq(agents.unitId, unitId))).limit(1);
  return r;
}

export interface ChangeAgentInputs { agents: number; changes: number; integrated: number }

/**
 * The inputs of LKE items A.II.1.i.a {agents, changes} and A.II.1.i.b {changes, integrated} for a
 * unit and year.
 *
 * Counting rule (transfers): an agent counts for the unit and year of the designation, wherever the
 * person works now. A designation is a historical fact of that year — an agent of unit A who later
 * moves to unit B stays counted for A's year and is not counted for B (B designates its own agents).
 * An agent whose person record has been deactivated (left the service) is no longer counted.
 * Changes and integrated changes are those of the unit's designated agents for the year; removing an
 * agent removes its changes (cascade) and so takes them out of the counts.
 */
export async function changeAgentInputs(db: Db, unitId: string, year: number): Promise<ChangeAgentInputs> {
  const [a] = await db.select({ n: sql<number>`count(*)::int` }).from(agents).innerJoin(people, eq(people.id, agents.personId))
    .where(and(eq(agents.unitId, unitId), eq(agents.year, year), eq(people.isActive, true)));
  const [ch] = await db.select({
    n: sql<number>`count(*)::int`, integrated: sql<number>`count(*) filter (where ${changes.integrated})::int`,
  }).from(changes).innerJoin(agents, eq(agents.id, changes.agentId))
    .where(and(eq(agents.unitId, unitId), eq(agents.year, year)));
  return { agents: Number(a?.n ?? 0), changes: Number(ch?.n ?? 0), integrated: Number(ch?.integrated ?? 0) };
}
