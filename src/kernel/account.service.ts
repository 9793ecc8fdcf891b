// The kernel's own account use cases (health probe, language, sign-in/out, password change):
// every database call the kernel routes need, so routes only wire.
import { eq } from 'drizzle-orm';
import { appendAudit } from './audit.ts';
import { createSession, deleteAccountSessions, deleteSession, hashPassword, notifyPasswordChanged } from './auth.ts';
import type { Db } from './db.ts';
import type { Locale } from './i18n.ts';
import { accounts } from './schema.ts';

/** The health probe: one trivial query. */
export async function checkDatabase(db: Db): Promise<void> {
  await db.execute('select 1' as never);
}

/** The signed-in account's language choice. */
export async function setAccountLocale(db: Db, accountId: string, locale: Locale): Promise<void> {
  await db.update(accounts).set({ locale }).where(eq(accounts.id, accountId));
}

/** Opens a session for an authenticated account (carrying a language chosen on the login page), audited. */
export async function openSession(
  db: Db,
  who: { accountId: string; username: string },
  opts: { locale?: Locale; ip: string; userAgent?: string },
) {
  return db.transaction(async (tx) => {
    if (opts.locale) await tx.update(accounts).set({ locale: opts.locale }).where(eq(accounts.id, who.accountId));
    const s = await createSession(tx, who.accountId, { ip: opts.ip, userAgent: opts.userAgent });
    await appendAudit(tx, { accountId: who.accountId, label: who.username }, { action: 'auth.login', entityType: 'account', entityId: who.accountId });
    return s;
  });
}

/** A refused sign-in, in the audit trail. */
export async function auditLoginFailed(db: Db, username: string, client: string): Promise<void> {
  await db.transaction((tx) => appendAudit(tx, { accountId: null, label: 'anonymous' }, {
    action: 'auth.login_failed', entityType: 'account', data: { username: username.slice(0, 100), client },
  }));
}

/** Ends the session, audited. */
export async function closeSession(db: Db, sessionId: string, actor: { accountId: string; username: string }): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, sessionId);
    await appendAudit(tx, { accountId: actor.accountId, label: actor.username }, { action: 'auth.logout', entityType: 'account', entityId: actor.accountId });
  });
}

/** The account row (for checking a password change). */
export async function accountById(db: Db, accountId: string) {
  const [acc] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  return acc;
}

/** Sets a new password: other sessions end, listeners re-seal their secrets, audited — one transaction. */
export async function changePassword(
  db: Db,
  acc: { id: string; username: string },
  keepSessionId: string,
  current: string,
  next: string,
): Promise<void> {
  const newHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ passwordHash: newHash, mustChangePassword: false, passwordChangedAt: new Date() }).where(eq(accounts.id, acc.id));
    await deleteAccountSessions(tx, acc.id, keepSessionId);
    await notifyPasswordChanged(tx, acc.id, current, next);
    await appendAudit(tx, { accountId: acc.id, label: acc.username }, { action: 'account.password_changed', entityType: 'account', entityId: acc.id });
  });
}
