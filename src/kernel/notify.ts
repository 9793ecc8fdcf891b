// Notifications: an in-app inbox for every account, and a copy by e-mail when SMTP is set up.
// The inbox row is written in the caller's transaction; e-mail goes out after commit, and
// failed deliveries are retried a few times by flushEmail (called after each change and on a timer).
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import type { I18n, Params } from './i18n.ts';
import { isLocale } from './i18n.ts';
import type { Mailer } from './mail.ts';
import { accounts, notifications } from './schema.ts';

export const MAX_EMAIL_ATTEMPTS = 5;
/**
 * Minutes after the notification was created before attempt n+1 (n attempts made so far). A flush
 * runs after every POST; without a delay, a short SMTP outage on a busy server would use up all
 * attempts within seconds and give the e-mail up.
 */
export const EMAIL_RETRY_AFTER_MINUTES: readonly number[] = [0, 1, 5, 30, 120];

export interface NotificationInput {
  kind: string;
  subjectKey: string;
  bodyKey: string;
  params?: Params;
  link?: string;
}

export async function notify(tx: Db, accountIds: string[], n: NotificationInput, emailEnabled: boolean): Promise<void> {
  if (accountIds.length === 0) return;
  const withEmail = emailEnabled
    ? new Set((await tx.select({ id: accounts.id }).from(accounts)
      .where(and(inArray(accounts.id, accountIds), isNotNull(accounts.email), eq(accounts.isActive, true))))
      .map((r) => r.id))
    : new Set<string>();
  await tx.insert(notifications).values(accountIds.map((accountId) => ({
    accountId, kind: n.kind, subjectKey: n.subjectKey, bodyKey: n.bodyKey, params: n.params ?? {}, link: n.link ?? null,
    emailStatus: withEmail.has(accountId) ? 'pending' : 'none',
  })));
}

// Flushes run after every POST and on a timer; two at once would both read the same pending rows
// and send each e-mail twice. Within a process they therefore run one after another.
const running = new WeakMap<Db, Promise<unknown>>();

/** Sends pending e-mails; returns how many went out. Never throws for a delivery failure. */
export function flushEmail(db: Db, mailer: Mailer, i18n: I18n, publicUrl: string, limit = 50): Promise<number> {
  const run = (running.get(db) ?? Promise.resolve()).catch(() => {}).then(() => sendPending(db, mailer, i18n, publicUrl, limit));
  running.set(db, run);
  return run;
}

async function sendPending(db: Db, mailer: Mailer, i18n: I18n, publicUrl: string, limit: number): Promise<number> {
  if (!mailer.enabled) return 0;
  const rows = await db.select({ n: notifications, email: accounts.email, locale: accounts.locale })
    .from(notifications).innerJoin(accounts, eq(accounts.id, notifications.accountId))
    .where(and(eq(notifications.emailStatus, 'pending'), lt(notifications.emailAttempts, MAX_EMAIL_ATTEMPTS),
      sql`${notifications.createdAt} <= now() - make_interval(mins => (${sql.raw(`array[${EMAIL_RETRY_AFTER_MINUTES.join(',')}]`)})[${notifications.emailAttempts} + 1])`))
    .orderBy(asc(notifications.createdAt)).limit(limit);
  let sent = 0;
  for (const { n, email, locale } of rows) {
    if (!email) continue;
    const t = i18n.translator(isLocale(locale) ? locale : 'id');
    const params = n.params as Params;
    const link = n.link ? `\n\n${publicUrl}${n.link}` : '';
    try {
      await mailer.send({ to: email, subject: `[Integritas] ${t(n.subjectKey, params)}`, text: `${t(n.bodyKey, params)}${link}\n\n— Integritas` });
      await db.update(notifications).set({ emailStatus: 'sent', emailError: null, emailAttempts: n.emailAttempts + 1 }).where(eq(notifications.id, n.id));
      sent++;
    } catch (err) {
      const attempts = n.emailAttempts + 1;
      await db.update(notifications).set({
        emailStatus: attempts >= MAX_EMAIL_ATTEMPTS ? 'failed' : 'pending',
        emailError: String((err as Error).message).slice(0, 500),
        emailAttempts: attempts,
      }).where(eq(notifications.id, n.id));
    }
  }
  return sent;
}

export async function countUnread(db: Db, accountId: string): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(notifications)
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)));
  return Number(r?.n ?? 0);
}

export async function listNotifications(db: Db, accountId: string, limit: number, offset: number) {
  const rows = await db.select().from(notifications).where(eq(notifications.accountId, accountId))
    .orderBy(desc(notifications.createdAt)).limit(limit).offset(offset);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(eq(notifications.accountId, accountId));
  return { rows, total: Number(n) };
}

/** Marks one (or all, when id is null) of the account's own notifications read. */
export async function markRead(db: Db, accountId: string, id: string | null, now = new Date()): Promise<number> {
  const rows = await db.update(notifications).set({ readAt: now })
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt), id ? eq(notifications.id, id) : sql`true`))
    .returning({ id: notifications.id });
  return rows.length;
}
