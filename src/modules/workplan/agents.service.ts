// Use cases of agen perubahan: designate a person of the unit (or its sub-units) as agent for a
// year, remove a designation (its changes go with it), record, edit and remove an agent's concrete
// changes. Every change is audited in the same transaction; bad input changes nothing.
import { eq, sql } from 'drizzle-orm';
import { appendAudit } from '../../kernel/audit.ts';
import type { Db } from '../../kernel/db.ts';
import { conflict, invalid, notFound } from '../../kernel/errors.ts';
import { findAgent, findChange } from './agents.queries.ts';
import { peopleOfUnit } from './team.queries.ts';
import { auditActor, isIsoDate, isUuid, type WorkplanActor } from './team.service.ts';
import { agents, changes } from './workplan.schema.ts';

const clean = (s: unknown) => (typeof s === 'string' ? s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ').trim() : '');

/** Today in the regency's calendar (YYYY-MM-DD); a change cannot have been implemented after it. */
export function today(now = new Date(), timeZone = 'Asia/Jakarta'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export interface AgentInput { personId?: string; decreeNumber?: string; decreeDate?: string }

export async function designateAgent(db: Db, actor: WorkplanActor, unitId: string, year: number, input: AgentInput) {
  if (!isUuid(unitId)) throw notFound();
  const errors: Record<string, string> = {};
  const decreeNumber = clean(input.decreeNumber);
  const decreeDate = clean(input.decreeDate);
  if (!isUuid(input.personId)) errors.personId = 'workplan.tk.person.required';
  if (decreeNumber.length > 100) errors.decreeNumber = 'workplan.tk.decree.number.too_long';
  if (decreeDate && !isIsoDate(decreeDate)) errors.decreeDate = 'workplan.tk.date.invalid';
  if (Object.keys(errors).length) throw invalid(errors);
  const who = auditActor(actor);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`workplan.agents:${unitId}:${year}`}, 0))`);
    const person = (await peopleOfUnit(tx, unitId)).find((p) => p.id === input.personId!.toLowerCase());
    if (!person) throw invalid({ personId: 'workplan.tk.person.other_unit' });
    const [dup] = await tx.select({ id: agents.id }).from(agents)
      .where(sql`${agents.unitId} = ${unitId} and ${agents.year} = ${year} and ${agents.personId} = ${person.id}`).limit(1);
    if (dup) throw conflict('workplan.agent.duplicate');
    const [agent] = await tx.insert(agents).values({
      unitId, year, personId: person.id, decreeNumber: decreeNumber || null, decreeDate: decreeDate || null, createdBy: who.accountId,
    }).returning();
    await appendAudit(tx, who, {
      action: 'workplan.agent.designated', entityType: 'workplan_agent', entityId: agent.id, unitId,
      data: { year, personId: person.id, name: person.name, decreeNumber: agent.decreeNumber, decreeDate: agent.decreeDate },
    });
    return agent;
  });
}

export async function removeAgent(db: Db, actor: WorkplanActor, unitId: string, agentId: string) {
  if (!isUuid(unitId) || !isUuid(agentId)) throw notFound();
  const who = auditActor(actor);
  return db.transaction(async (tx) => {
    const agent = await findAgent(tx, unitId, agentId);
    if (!agent) throw notFound();
    const gone = await tx.select({ id: changes.id }).from(changes).where(eq(changes.agentId, agent.id));
    await tx.delete(agents).where(eq(agents.id, agent.id));
    await appendAudit(tx, who, {
      action: 'workplan.agent.removed', entityType: 'workplan_agent', entityId: agent.id, unitId,
      data: { year: agent.year, personId: agent.personId, changesRemoved: gone.length },
    });
  });
}

export interface ChangeInput { title?: string; description?: string; implementedOn?: string; integrated?: string | boolean; integratedNote?: string }

export function checkChange(input: ChangeInput, now = new Date()) {
  const errors: Record<string, string> = {};
  const title = clean(input.title).replace(/\s+/g, ' ');
  const description = clean(input.description);
  const implementedOn = clean(input.implementedOn);
  const integratedNote = clean(input.integratedNote);
  const integrated = input.integrated === true || input.integrated === 'yes' || input.integrated === 'true' || input.integrated === 'on';
  if (!title) errors.title = 'workplan.change.title.required';
  else if (title.length > 200) errors.title = 'workplan.change.title.too_long';
  if (description.length > 4000) errors.description = 'workplan.tk.note.too_long';
  if (!implementedOn) errors.implementedOn = 'workplan.change.date.required';
  else if (!isIsoDate(implementedOn)) errors.implementedOn = 'workplan.tk.date.invalid';
  else if (implementedOn > today(now)) errors.implementedOn = 'workplan.change.date.future';
  if (integratedNote.length > 2000) errors.integratedNote = 'workplan.tk.note.too_long';
  if (Object.keys(errors).length) throw invalid(errors);
  return { title, description: description || null, implementedOn, integrated, integratedNote: integratedNote || null };
}

export async function addChange(db: Db, actor: WorkplanActor, unitId: string, agentId: string, input: ChangeInput) {
  if (!isUuid(unitId) || !isUuid(agentId)) throw notFound();
  const data = checkChange(input);
  const who = auditActor(actor);
  return db.transaction(async (tx) => {
    const agent = await findAgent(tx, unitId, agentId);
    if (!agent) throw notFound();
    const [row] = await tx.insert(changes).values({ agentId: agent.id, ...data, createdBy: who.accountId }).returning();
    await appendAudit(tx, who, { action: 'workplan.change.added', entityType: 'workplan_change', entityId: row.id, unitId, data: { agentId: agent.id, year: agent.year, ...data } });
    return row;
  });
}

export async function updateChange(db: Db, actor: WorkplanActor, unitId: string, changeId: string, input: ChangeInput) {
  if (!isUuid(unitId) || !isUuid(changeId)) throw notFound();
  const data = checkChange(input);
  const who = auditActor(actor);
  return db.transaction(async (tx) => {
    const found = await findChange(tx, unitId, changeId);
    if (!found) throw notFound();
    const [row] = await tx.update(changes).set({ ...data, updatedAt: new Date() }).where(eq(changes.id, changeId)).returning();
    await appendAudit(tx, who, { action: 'workplan.change.updated', entityType: 'workplan_change', entityId: changeId, unitId, data: { agentId: found.agent.id, ...data } });
    return row;
  });
}

export async function removeChange(db: Db, actor: WorkplanActor, unitId: string, changeId: string) {
  if (!isUuid(unitId) || !isUuid(changeId)) throw notFound();
  const who = auditActor(actor);
  return db.transaction(async (tx) => {
    const found = await findChange(tx, unitId, changeId);
    if (!found) throw notFound();
    await tx.delete(changes).where(eq(changes.id, changeId));
    await appendAudit(tx, who, { action: 'workplan.change.removed', entityType: 'workplan_change', entityId: changeId, unitId, data: { agentId: found.agent.id, title: found.change.title } });
  });
}
