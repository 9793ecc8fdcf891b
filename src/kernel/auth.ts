// Accounts, passwords (argon2id), database sessions, login throttling and CSRF tokens.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import { DomainError } from './errors.ts';
import { accounts, sessions } from './schema.ts';
import { blockedUntil, blockUntil, countInWindow, forgetWindows, uncountInWindow, type WindowBucket } from './throttle.ts';

// Security settings, not regulation numbers; kept here with their reasons.
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000; // an office PC left unlocked over lunch
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000; // one working day at most
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000; // failures count for 15 minutes; a block lasts as long
// One account from one client: the owner who mistypes five times waits out the window on that
// client only. An attacker elsewhere never blocks the owner's own client this way.
export const THROTTLE_MAX_PER_ACCOUNT_CLIENT = 5;
export const THROTTLE_MAX_PER_CLIENT = 20; // failures per client address per window, whatever the accounts
// One account from all clients (a guesser spread over many addresses): no hard block, which
// anyone could use to keep the owner out, but a delay between attempts that grows with each
// failure in the window: after the 5th, 2 s; then 4, 8, 16, 32 s; never more than a minute.
export const ACCOUNT_FREE_FAILURES = 5;
export const ACCOUNT_DELAY_BASE_MS = 2_000;
export const ACCOUNT_DELAY_MAX_MS = 60_000;
/** Longer than any username an account can have (50): longer input is refused before any query. */
export const USERNAME_MAX_LENGTH = 100;
export const PASSWORD_MIN_LENGTH = 10;

const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const; // OWASP argon2id baseline

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A hash of a random password: verifying against it costs the same as a real account, so a
// missing username takes as long to reject as a wrong password.
let dummyHash: Promise<string> | null = null;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

export function validateNewPassword(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'auth.password.too_short';
  if (password.length > 200) return 'auth.password.too_long';
  if (password.toLowerCase().includes(username.toLowerCase())) return 'auth.password.contains_username';
  if (/^(.)\1+$/.test(password)) return 'auth.password.too_simple';
  return null;
}

export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SessionInfo {
  id: string;
  accountId: string;
  currentUnitId: string | null;
}

export async function createSession(db: Db, accountId: string, meta: { ip?: string; userAgent?: string }, now = new Date()) {
  const token = randomBytes(32).toString('base64url');
  const id = tokenDigest(token);
  await db.insert(sessions).values({
    id, accountId, createdAt: now, lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    ip: meta.ip?.slice(0, 64), userAgent: meta.userAgent?.slice(0, 300),
  });
  return { token, id };
}

/** The live session behind a cookie token, or null. Idle and absolute expiry both apply. */
export async function findSession(db: Db, token: string, now = new Date()): Promise<SessionInfo | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const id = tokenDigest(token);
  const [s] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  if (!s) return null;
  if (s.expiresAt <= now || now.getTime() - s.lastSeenAt.getTime() > SESSION_IDLE_MS) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  // touch at most once a minute: no write per request
  if (now.getTime() - s.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return { id: s.id, accountId: s.accountId, currentUnitId: s.currentUnitId };
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteAccountSessions(db: Db, accountId: string, exceptId?: string): Promise<void> {
  await db.delete(sessions).where(exceptId
    ? and(eq(sessions.accountId, accountId), sql`${sessions.id} <> ${exceptId}`)
    : eq(sessions.accountId, accountId));
}

export async function purgeExpiredSessions(db: Db, now = new Date()): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function setSessionUnit(db: Db, sessionId: string, unitId: string | null): Promise<void> {
  await db.update(sessions).set({ currentUnitId: unitId }).where(eq(sessions.id, sessionId));
}

// ---- login throttling -------------------------------------------------------------------
// Keys are keyed hashes: the table never holds a username someone typed nor a client address, and
// whatever was typed (any length, any bytes) becomes a fixed-size key.

export function throttleKey(secret: string, kind: 'account' | 'pair' | 'client', ...parts: string[]): string {
  const mac = createHmac('sha256', secret).update(['login-throttle', kind, ...parts].join('\0')).digest('base64url');
  return `${kind[0]}:${mac}`;
}

function throttleKeys(secret: string, username: string, client: string) {
  const name = username.trim().toLowerCase();
  return {
    account: throttleKey(secret, 'account', name),
    pair: throttleKey(secret, 'pair', name, client),
    client: throttleKey(secret, 'client', client),
  };
}

/** The delay the whole account waits after its n-th failure in the window (0 below the free count). */
export function accountDelayMs(failures: number): number {
  if (failures < ACCOUNT_FREE_FAILURES) return 0;
  return Math.min(ACCOUNT_DELAY_MAX_MS, ACCOUNT_DELAY_BASE_MS * 2 ** (failures - ACCOUNT_FREE_FAILURES));
}

// The failures are windowed buckets of the kernel's throttle (kernel/throttle.ts): a window begins
// with the first failure and lasts THROTTLE_WINDOW_MS; a block (or the account's delay) is set on
// the bucket and cleared when its next window begins. The two hard limits (account+client, client)
// count an attempt before its password is checked (argon2id takes a while): concurrent guesses each
// get their own count, so they cannot all pass the limit one of them had left. A success takes its
// count back (the account+client bucket is forgotten altogether, as the account's).
type ThrottleKeys = ReturnType<typeof throttleKeys>;
const bucketOf = (keys: ThrottleKeys, kind: keyof ThrottleKeys): WindowBucket => ({ kind: `login.${kind}`, key: keys[kind], windowMs: THROTTLE_WINDOW_MS });

async function recordFailure(db: Db, keys: ThrottleKeys, counted: { pair: number; client: number }, now: Date): Promise<void> {
  const blockEnd = new Date(now.getTime() + THROTTLE_WINDOW_MS);
  if (counted.pair >= THROTTLE_MAX_PER_ACCOUNT_CLIENT) await blockUntil(db, bucketOf(keys, 'pair'), blockEnd);
  if (counted.client >= THROTTLE_MAX_PER_CLIENT) await blockUntil(db, bucketOf(keys, 'client'), blockEnd);
  const account = bucketOf(keys, 'account');
  const delay = accountDelayMs(await countInWindow(db, account, now));
  if (delay > 0) await blockUntil(db, account, new Date(now.getTime() + delay));
}

export interface LoginResult { accountId: string; username: string; displayName: string }

/**
 * Checks a username and password. Every failure looks the same to the caller
 * ("auth.login.failed"), whether the account is missing, inactive or the password wrong.
 * Throttled: this client for this account or for all accounts ("auth.login.throttled", minutes),
 * or the account's growing delay ("auth.login.delayed", seconds). `secret` keys the throttle's hashes.
 */
export async function authenticate(db: Db, username: string, password: string, client: string, opts: { secret: string; now?: Date }): Promise<LoginResult> {
  const now = opts.now ?? new Date();
  const name = username.trim();
  // the route refuses these with a field message; here they simply never reach a query
  if (name.length > USERNAME_MAX_LENGTH || name.includes('\0')) throw new DomainError('unauthenticated', 'auth.login.failed');
  const keys = throttleKeys(opts.secret, name, client);
  const blocked = (await blockedUntil(db, bucketOf(keys, 'pair'), now)) ?? (await blockedUntil(db, bucketOf(keys, 'client'), now));
  if (blocked) {
    const minutes = Math.max(1, Math.ceil((blocked.getTime() - now.getTime()) / 60_000));
    throw new DomainError('throttled', 'auth.login.throttled', { minutes });
  }
  const delayed = await blockedUntil(db, bucketOf(keys, 'account'), now);
  if (delayed) {
    const seconds = Math.max(1, Math.ceil((delayed.getTime() - now.getTime()) / 1000));
    throw new DomainError('throttled', 'auth.login.delayed', { seconds });
  }
  // this attempt counted now (see above); one past a limit is a concurrent one the block has not caught yet
  const counted = { pair: await countInWindow(db, bucketOf(keys, 'pair'), now), client: await countInWindow(db, bucketOf(keys, 'client'), now) };
  if (counted.pair > THROTTLE_MAX_PER_ACCOUNT_CLIENT || counted.client > THROTTLE_MAX_PER_CLIENT) {
    throw new DomainError('throttled', 'auth.login.throttled', { minutes: Math.ceil(THROTTLE_WINDOW_MS / 60_000) });
  }
  const [acc] = name.length > 0
    ? await db.select().from(accounts).where(sql`lower(${accounts.username}) = lower(${name})`).limit(1)
    : [];
  const ok = acc ? await verifyPassword(acc.passwordHash, password) : (await verifyPassword(await getDummyHash(), password), false);
  if (!acc || !ok || !acc.isActive) {
    await recordFailure(db, keys, counted, now);
    throw new DomainError('unauthenticated', 'auth.login.failed');
  }
  await forgetWindows(db, [bucketOf(keys, 'account'), bucketOf(keys, 'pair')]);
  await uncountInWindow(db, bucketOf(keys, 'client'));
  await db.update(accounts).set({ lastLoginAt: now }).where(eq(accounts.id, acc.id));
  return { accountId: acc.id, username: acc.username, displayName: acc.displayName };
}

// ---- CSRF ---------------------------------------------------------------------------------
// Every visitor carries a random, HttpOnly cookie; forms carry HMAC(secret, cookie) — and, once
// signed in, HMAC(secret, session, cookie). A page on another site can neither read the cookie nor
// compute the HMAC, so it cannot forge a form. The cookie is replaced at sign-in and sign-out, and
// a signed-in token names its session: a token seen before sign-in (or in another session) is dead.

export function newCsrfCookie(): string {
  return randomBytes(24).toString('base64url');
}

export function csrfTokenFor(secret: string, cookieValue: string, sessionId?: string | null): string {
  const subject = sessionId ? `csrf:session:${sessionId}:${cookieValue}` : `csrf:${cookieValue}`;
  return createHmac('sha256', secret).update(subject).digest('base64url');
}

export function isValidCsrf(secret: string, cookieValue: string | undefined, token: string | undefined, sessionId?: string | null): boolean {
  if (!cookieValue || !token) return false;
  const expected = Buffer.from(csrfTokenFor(secret, cookieValue, sessionId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

// ---- password listeners --------------------------------------------------------------------
// Modules that keep secrets sealed with an account's password (the WBS handler keys) learn of a
// sign-in and of a password change here, while the plain password is at hand. The kernel imports
// no module: a module registers under its own name (registering again replaces, so building the
// app twice in one process stays harmless).

export interface PasswordListener {
  /** after a successful sign-in, with the new session's id */
  onLogin?(db: Db, accountId: string, password: string, sessionId: string): Promise<void>;
  /** inside the transaction that changes the password: a throw rolls the change back */
  onPasswordChanged?(tx: Db, accountId: string, oldPassword: string, newPassword: string): Promise<void>;
}

const passwordListeners = new Map<string, PasswordListener>();

export function registerPasswordListener(name: string, listener: PasswordListener): void {
  passwordListeners.set(name, listener);
}

export async function notifyLogin(db: Db, accountId: string, password: string, sessionId: string): Promise<void> {
  for (const l of passwordListeners.values()) await l.onLogin?.(db, accountId, password, sessionId);
}

export async function notifyPasswordChanged(tx: Db, accountId: string, oldPassword: string, newPassword: string): Promise<void> {
  for (const l of passwordListeners.values()) await l.onPasswordChanged?.(tx, accountId, oldPassword, newPassword);
}
