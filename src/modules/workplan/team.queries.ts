// Reads of Tim Kerja ZI: a unit's team for a year, its members with their person, the people a team
// may draw from (the unit and its sub-units), and the facts LKE items A.I.1.i.a/b need.
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../kernel/db.ts';
import { listEvidenceFor } from '../evidence/index.ts';
import { orgPeople as people, orgUnits as units } from '../org/index.ts';
import { teamMembers, teams } from './workplan.schema.ts';

export const TEAM_SUBJECT = 'workplan_team';
export const TEAM_ROLES = ['ketua', 'sekretaris', 'coordinator', 'member'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
export const SELECTIONS = ['clear_all', 'partial', 'none'] as const;
export type Selection = (typeof SELECTIONS)[number];
export const AREAS = [1, 2, 3, 4, 5, 6] as const;

export type TeamRow = typeof teams.$inferSelect;

export async function findTeam(db: Db, unitId: string, year: number): Promise<TeamRow | undefined> {
  const [t] = await db.select().from(teams).where(and(eq(teams.unitId, unitId), eq(teams.year, year))).limit(1);
  return t;
}

/** The unit and its sub-units (UPT). */
export async function unitFamily(db: Db, unitId: string): Promise<{ id: string; shortName: string }[]> {
  return db.select({ id: units.id, shortName: units.shortName }).from(units)
    .where(or(eq(units.id, unitId), eq(units.parentId, unitId))).orderBy(asc(units.shortName));
}

export interface PersonChoice { id: string; name: string; nip: string; position: string; positionClass: string; unitId: string; unitName: string }

/** Active people of the unit and its sub-units, by name. */
export async function peopleOfUnit(db: Db, unitId: string): Promise<PersonChoice[]> {
  const ids = (await unitFamily(db, unitId)).map((u) => u.id);
  if (ids.length === 0) return [];
  return db.select({
    id: people.id, name: people.name, nip: people.nip, position: people.position, positionClass: people.positionClass,
    unitId: people.unitId, unitName: units.shortName,
  }).from(people).innerJoin(units, eq(units.id, people.unitId))
    .where(and(inArray(people.unitId, ids), eq(people.isActive, true))).orderBy(asc(people.name));
}

export interface MemberView extends PersonChoice { memberId: string; role: TeamRole; area: number | null }

const ROLE_ORDER: Record<string, number> = { ketua: 0, sekretaris: 1, coordinator: 2, member: 3 };

export async function listMembers(db: Db, teamId: string): Promise<MemberView[]> {
  const rows = await db.select({
    memberId: teamMembers.id, role: teamMembers.role, area: teamMembers.area,
    id: people.id, name: people.name, nip: people.nip, position: people.position, positionClass: people.positionClass,
    unitId: people.unitId, unitName: units.shortName,
  }).from(teamMembers).innerJoin(people, eq(people.id, teamMembers.personId)).innerJoin(units, eq(units.id, people.unitId))
    .where(eq(teamMembers.teamId, teamId));
  return (rows as MemberView[]).sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || (a.area ?? 0) - (b.area ?? 0) || a.name.localeCompare(b.name));
}

export interface TeamFacts {
  formed: boolean;
  selection: Selection | null;
  decreeFileIds: string[];
  members: number;
  areasCovered: number[];
}

/** What LKE items A.I.1.i.a (team formed by decree) and A.I.1.i.b (how members were selected) rest on. */
export async function teamFacts(db: Db, unitId: string, year: number): Promise<TeamFacts> {
  const team = await findTeam(db, unitId, year);
  if (!team) return { formed: false, selection: null, decreeFileIds: [], members: 0, areasCovered: [] };
  const members = await listMembers(db, team.id);
  const evidence = await listEvidenceFor(db, TEAM_SUBJECT, team.id);
  const decreeFileIds = [...evidence.values()].flat().map((e) => e.fileId).filter((x): x is string => !!x);
  const areasCovered = [...new Set(members.filter((m) => m.role === 'coordinator' && m.area).map((m) => m.area!))].sort((a, b) => a - b);
  return {
    formed: !!team.decreeNumber && !!team.decreeDate,
    selection: (SELECTIONS as readonly string[]).includes(team.selection) ? team.selection as Selection : null,
    decreeFileIds, members: members.length, areasCovered,
  };
}
