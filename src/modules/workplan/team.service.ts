// Use cases of Tim Kerja ZI: create or edit a unit's team for a year (decree, how members were
// selected), add and remove members. Rules: exactly one ketua (a second is refused; a team without
// one is flagged), at most one sekretaris, one coordinator per area (area 1–6 required), members
// only from the unit or its sub-units. Every change is audited in the same transaction.
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access.ts';
import { appendAudit, type AuditActor } from '../../kernel/audit.ts';
import type { Db } from '../../kernel/db.ts';
import { DomainError, conflict, invalid, notFound } from '../../kernel/errors.ts';
import { findTeam, peopleOfUnit, SELECTIONS, TEAM_ROLES, type TeamRow } from './team.queries.ts';
import { teamMembers, teams } from './workplan.schema.ts';

export type WorkplanActor = AuditActor | Pick<Actor, 'accountId' | 'username'>;
export const auditActor = (a: WorkplanActor): AuditActor => ('label' in a ? a : { accountId: a.accountId, label: a.username });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: unknown): s is string => typeof s === 'string' && UUID.test(s);

/** A year the programme can plan for. */
export function checkYear(raw: unknown): number {
  const y = Number(raw);
  if (!Number.isInteger(y) || y < 2015 || y > 2100) throw invalid({ year: 'workplan.tk.year.invalid' });
  return y;
}

/** A calendar date YYYY-MM-DD that exists. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const clean = (s: unknown, max: number) => (typeof s === 'string' ? s.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max + 1) : '');

export interface TeamInput { decreeNumber?: string; decreeDate?: string; selection?: string; selectionNote?: string }

export function checkTeamInput(input: TeamInput) {
  const errors: Record<string, string> = {};
  const decreeNumber = clean(input.decreeNumber, 100);
  const decreeDate = clean(input.decreeDate, 10);
  const selectionNote = (typeof input.selectionNote === 'string' ? input.selectionNote.trim() : '');
  if (!decreeNumber) errors.decreeNumber = 'workplan.tk.decree.number.required';
  else if (decreeNumber.length > 100) errors.decreeNumber = 'workplan.tk.decree.number.too_long';
  if (!decreeDate) errors.decreeDate = 'workplan.tk.decree.date.required';
  else if (!isIsoDate(decreeDate)) errors.decreeDate = 'workplan.tk.date.invalid';
  if (!(SELECTIONS as readonly string[]).includes(input.selection ?? '')) errors.selection = 'workplan.team.selection.invalid';
  if (selectionNote.length > 2000) errors.selectionNote = 'workplan.tk.note.too_long';
  if (Object.keys(errors).length) throw invalid(errors);
  return { decreeNumber, decreeDate, selection: input.selection!, selectionNote: selectionNote || null };
}

async function lockTeam(tx: Db, unitId: string, year: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`workplan.team:${unitId}:${year}`}, 0))`);
}

/** Creates the unit's team for the year, or updates its decree and selection. */
export async function saveTeam(db: Db, actor: WorkplanActor, unitId: string, year: number, input: TeamInput): Promise<TeamRow> {
  if (!isUuid(unitId)) throw notFound();
  const data = checkTeamInput(input);
  const who = auditActor(actor);
  return db.transaction(async (tx) => {
    await lockTeam(tx, unitId, year);
    const existing = await findTeam(tx, unitId, year);
    let team: TeamRow;
    if (existing) {
      [team] = await tx.update(teams).set({ ...data, updatedAt: new Date() }).where(eq(teams.id, existing.id)).returning();
    } else {
      [team] = await tx.insert(teams).values({ unitId, year, ...data, createdBy: who.accountId }).returning();
    }
    await appendAudit(tx, who, {
      action: existing ? 'workplan.team.updated' : 'workplan.team.created', entityType: 'workplan_team', entityId: team.id, unitId,
      data: { year, ...data },
    });
    return team;
  });
}

export interface MemberInput { personId?: string; role?: string; area?: string | number | null }

/** Adds a person of the unit (or its sub-units) to the team in a role. */
export async function addMember(db: Db, actor: WorkplanActor, unitId: string, year: number, input: MemberInput) {
  if (!isUuid(unitId)) throw notFound();
  const role = input.role ?? '';
  if (!(TEAM_ROLES as readonly string[]).includes(role)) throw invalid({ role: 'workplan.team.role.invalid' });
  if (!isUuid(input.personId)) throw invalid({ personId: 'workplan.tk.person.required' });
  let area: number | null = null;
  if (role === 'coordinator') {
    const a = Number(input.area);
    if (input.area === undefined || input.area === null || input.area === '' || !Number.isInteger(a) || a < 1 || a > 6) {
      throw invalid({ area: 'workplan.team.area.required' });
    }
    area = a;
  }
  const who = auditActor(actor);
  return db.transaction(async (tx) => {
    await lockTeam(tx, unitId, year);
    const team = await findTeam(tx, unitId, year);
    if (!team) throw new DomainError('conflict', 'workplan.team.missing');
    const person = (await peopleOfUnit(tx, unitId)).find((p) => p.id === input.personId!.toLowerCase());
    if (!person) throw invalid({ personId: 'workplan.tk.person.other_unit' });
    const current = await tx.select().from(teamMembers).where(eq(teamMembers.teamId, team.id));
    if (role === 'ketua' && current.some((m) => m.role === 'ketua')) throw conflict('workplan.team.ketua.exists');
    if (role === 'sekretaris' && current.some((m) => m.role === 'sekretaris')) throw conflict('workplan.team.sekretaris.exists');
    if (role === 'coordinator' && current.some((m) => m.role === 'coordinator' && m.area === area)) throw conflict('workplan.team.area.taken', { area: area! });
    if (current.some((m) => m.personId === person.id && m.role === role && (m.area ?? 0) === (area ?? 0))) throw conflict('workplan.team.member.duplicate');
    const [member] = await tx.insert(teamMembers).values({ teamId: team.id, personId: person.id, role, area }).returning();
    await appendAudit(tx, who, {
      action: 'workplan.team.member_added', entityType: 'workplan_team', entityId: team.id, unitId,
      data: { memberId: member.id, personId: person.id, name: person.name, role, area },
    });
    return member;
  });
}

/** Removes one member; a member of another unit's team is not found. */
export async function removeMember(db: Db, actor: WorkplanActor, unitId: string, memberId: string) {
  if (!isUuid(unitId) || !isUuid(memberId)) throw notFound();
  const who = auditActor(actor);
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ m: teamMembers, unitId: teams.unitId }).from(teamMembers).innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .where(and(eq(teamMembers.id, memberId), eq(teams.unitId, unitId))).limit(1);
    if (!row) throw notFound();
    await tx.delete(teamMembers).where(eq(teamMembers.id, memberId));
    await appendAudit(tx, who, {
      action: 'workplan.team.member_removed', entityType: 'workplan_team', entityId: row.m.teamId, unitId,
      data: { memberId, personId: row.m.personId, role: row.m.role, area: row.m.area },
    });
  });
}
