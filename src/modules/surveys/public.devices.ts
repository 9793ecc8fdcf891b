// Counter devices: a tablet at a unit's service counter on which one citizen after another answers
// the unit's survey forms. A survey manager of the unit registers the browser they are using (it
// gets a signed long-lived cookie naming the device), the unit lists and revokes its devices, and
// both are audited. On a device the per-phone duplicate check does not apply and the form resets
// for the next respondent; the address-derived burst guard still does. A revoked device is an
// ordinary phone again.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { appendAudit, type AuditActor } from '../../kernel/audit.ts';
import type { Db } from '../../kernel/db.ts';
import { invalid, notFound } from '../../kernel/errors.ts';
import { textProblem } from '../../kernel/text.ts';
import { accounts } from '../../kernel/schema.ts';
import { PUBLIC_SURVEY_RULES } from './public.rules.ts';
import { devices } from './surveys.schema.ts';

export interface DeviceView {
  id: string;
  label: string;
  createdAt: Date;
  createdBy: string | null;
  revokedAt: Date | null;
  revokedBy: string | null;
}

/** The unit's devices, active first, then by registration. */
export async function listDevices(db: Db, unitId: string): Promise<DeviceView[]> {
  const rows = await db.select({
    id: devices.id, label: devices.label, createdAt: devices.createdAt, createdBy: devices.createdBy, revokedAt: devices.revokedAt, revokedBy: devices.revokedBy,
  }).from(devices).where(eq(devices.unitId, unitId)).orderBy(asc(devices.createdAt));
  const ids = [...new Set(rows.flatMap((r) => [r.createdBy, r.revokedBy]).filter((x): x is string => !!x))];
  const names = new Map<string, string>();
  for (const id of ids) {
    const [a] = await db.select({ username: accounts.username }).from(accounts).where(eq(accounts.id, id)).limit(1);
    if (a) names.set(id, a.username);
  }
  return rows
    .map((r) => ({ ...r, createdBy: r.createdBy ? names.get(r.createdBy) ?? null : null, revokedBy: r.revokedBy ? names.get(r.revokedBy) ?? null : null }))
    .sort((a, b) => Number(!!a.revokedAt) - Number(!!b.revokedAt));
}

/** Reads the registration form: a label of 1–80 characters of plain text. */
export function parseDeviceLabel(raw: string | undefined): { ok: true; label: string } | { ok: false; errors: Record<string, string> } {
  const label = (raw ?? '').replace(/\s+/g, ' ').trim();
  const problem = textProblem(raw ?? '');
  if (problem) return { ok: false, errors: { label: problem } };
  if (!label) return { ok: false, errors: { label: 'survey.device.error.label_required' } };
  if (label.length > PUBLIC_SURVEY_RULES.deviceLabelMax) return { ok: false, errors: { label: 'survey.device.error.label_too_long' } };
  return { ok: true, label };
}

/** Registers a counter device of the unit (audited); returns its id, which the route signs into the cookie. */
export async function registerDevice(db: Db, actor: AuditActor, unitId: string, rawLabel: string | undefined): Promise<string> {
  const parsed = parseDeviceLabel(rawLabel);
  if (!parsed.ok) throw invalid(parsed.errors);
  return db.transaction(async (tx) => {
    const [d] = await tx.insert(devices).values({ unitId, label: parsed.label, createdBy: actor.accountId }).returning({ id: devices.id });
    await appendAudit(tx, actor, { action: 'surveys.device.register', entityType: 'surveys_device', entityId: d.id, unitId, data: { label: parsed.label } });
    return d.id;
  });
}

/** Revokes an active device of the unit (audited); another unit's or an unknown device is not found, a revoked one stays revoked. */
export async function revokeDevice(db: Db, actor: AuditActor, unitId: string, deviceId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [d] = await tx.update(devices).set({ revokedAt: new Date(), revokedBy: actor.accountId })
      .where(and(eq(devices.id, deviceId), eq(devices.unitId, unitId), isNull(devices.revokedAt)))
      .returning({ id: devices.id, label: devices.label });
    if (!d) {
      const [exists] = await tx.select({ id: devices.id }).from(devices).where(and(eq(devices.id, deviceId), eq(devices.unitId, unitId))).limit(1);
      if (!exists) throw notFound();
      return;
    }
    await appendAudit(tx, actor, { action: 'surveys.device.revoke', entityType: 'surveys_device', entityId: d.id, unitId, data: { label: d.label } });
  });
}

/** The device of a unit by id (any state), or null: to tell this browser's device on the list page. */
export async function findDevice(db: Db, unitId: string, deviceId: string): Promise<DeviceView | null> {
  return (await listDevices(db, unitId)).find((d) => d.id === deviceId) ?? null;
}
