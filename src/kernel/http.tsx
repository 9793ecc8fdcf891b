// The one fixed request pipeline: security headers → locale → session/actor → CSRF → authorize
// → handler; and the route registry that makes "every route declares an action" checkable.
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { matchedRoutes, routePath } from 'hono/route';
import type { Actor, AccessControl, Scope } from './access.ts';
import { advanceCheckpoint } from './audit.ts';
import { findSession, isValidCsrf, csrfTokenFor, newCsrfCookie, type SessionInfo } from './auth.ts';
import { normaliseAddress, type Config } from './config.ts';
import type { Db } from './db.ts';
import { DomainError, statusOf } from './errors.ts';
import { MAX_EVIDENCE_BYTES, type FileStore } from './files.ts';
import { DEFAULT_LOCALE, formatDate, formatDateTime, formatNumber, isLocale, type I18n, type Locale, type T } from './i18n.ts';
import { StatusPage } from './ui/components.tsx';
import type { NavItem, UnitChoice, View } from './ui/view.ts';
import type { TaskSource } from './tasks.ts';

export type LoadedActor = Actor & { units: UnitChoice[] };

export interface HttpDeps {
  config: Config;
  db: Db;
  /** uploaded files (evidence), content-addressed in config.filesDir */
  files: FileStore;
  i18n: I18n;
  access: AccessControl;
  nav: NavItem[];
  /** what each module counts as waiting for the signed-in person (home page) */
  tasks?: TaskSource[];
  /** SMTP configured: notifications also go out by e-mail */
  emailEnabled: boolean;
  loadActor(accountId: string): Promise<LoadedActor | null>;
  countUnread(accountId: string): Promise<number>;
  log(level: 'error' | 'info', msg: string, extra?: unknown): void;
}

export type Vars = {
  deps: HttpDeps;
  locale: Locale;
  t: T;
  csrf: string;
  session: SessionInfo | null;
  actor: LoadedActor | null;
  scope: Scope | null;
  action: string;
};
export type Env = { Variables: Vars };
export type Ctx = Context<Env>;
export type Handler = (c: Ctx) => Response | Promise<Response>;

export const COOKIE = { session: 'itg_session', csrf: 'itg_csrf', lang: 'itg_lang', flash: 'itg_flash' } as const;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Forms are small: every route takes at most this much, unless it declares more (uploads). */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** The body a route taking `files` uploads takes: each file at its largest (MAX_EVIDENCE_BYTES) and the form. */
export function uploadBodyLimit(files: number): number {
  return files * MAX_EVIDENCE_BYTES + DEFAULT_BODY_LIMIT;
}

export interface RouteOptions {
  /** The route accepts up to this many uploaded files: its body may be uploadBodyLimit(files). */
  files?: number;
  /** Bytes of request body the route takes, when not derived from `files` (default DEFAULT_BODY_LIMIT). */
  bodyLimit?: number;
}
export interface RouteDecl { method: string; path: string; action: string; bodyLimit: number }

// The route's declared body limit rides on its authorize middleware, where the pipeline's body
// limit (which runs before the CSRF guard reads the form) finds it among the matched routes.
const BODY_LIMIT = Symbol('bodyLimit');
type Marked = MiddlewareHandler<Env> & { [BODY_LIMIT]?: number };

/** Declares routes; each carries the action that authorizes it. */
export class Router {
  readonly declared: RouteDecl[] = [];
  constructor(private readonly app: Hono<Env>, private readonly access: AccessControl) {}

  private add(method: 'get' | 'post', path: string, action: string, handler: Handler, opts: RouteOptions = {}) {
    if (!this.access.isDeclared(action)) throw new Error(`route ${method.toUpperCase()} ${path}: action "${action}" is not declared by any policy`);
    const limit = opts.bodyLimit ?? (opts.files ? uploadBodyLimit(opts.files) : DEFAULT_BODY_LIMIT);
    if (!Number.isInteger(limit) || limit <= 0) throw new Error(`route ${method.toUpperCase()} ${path}: bodyLimit must be a positive number of bytes`);
    this.declared.push({ method: method.toUpperCase(), path, action, bodyLimit: limit });
    const auth: Marked = authorize(action);
    auth[BODY_LIMIT] = limit;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (this.app[method] as any)(path, auth, handler);
  }
  get(path: string, action: string, handler: Handler) { this.add('get', path, action, handler); }
  /** `r.post(path, action, handler)`, or `r.post(path, action, { files: 1 }, handler)` for a route that takes (up to one) file. */
  post(path: string, action: string, handler: Handler): void;
  post(path: string, action: string, opts: RouteOptions, handler: Handler): void;
  post(path: string, action: string, a: Handler | RouteOptions, b?: Handler) {
    if (typeof a === 'function') this.add('post', path, action, a);
    else this.add('post', path, action, b!, a);
  }
}

/** The body limit the matched route declared (the default for unknown paths). */
function declaredBodyLimit(c: Context): number {
  for (const r of matchedRoutes(c)) {
    const limit = (r.handler as Marked)[BODY_LIMIT];
    if (limit) return limit;
  }
  return DEFAULT_BODY_LIMIT;
}

export function createHttpApp(deps: HttpDeps): { app: Hono<Env>; router: Router } {
  const app = new Hono<Env>();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
    setSecurityHeaders(c, deps.config.isProduction);
    // the request's transactions have committed: the audit checkpoint follows the log's end
    if (deps.config.dataDir) await keepAuditCheckpoint(deps);
  });
  const tooLarge = (c: Context) => errorResponse(c as never, new DomainError('validation', 'error.body_too_large'), 413);
  app.use('*', (c, next) => bodyLimit({ maxSize: declaredBodyLimit(c), onError: tooLarge })(c, next));
  app.use('*', identify);
  app.use('*', csrfGuard);
  app.notFound((c) => errorResponse(c as Ctx, new DomainError('not_found', 'error.not_found')));
  app.onError((err, c) => {
    if (err instanceof DomainError) return errorResponse(c as Ctx, err);
    // the route's pattern, never its path or the error's message: both can carry what people typed
    // (a tracking code in the path; a failed query's parameters in a database error)
    deps.log('error', `unhandled error on ${c.req.method} ${routePath(c, -1) || '(no route)'}`, describeError(err));
    return errorResponse(c as Ctx, new DomainError('validation', 'error.internal'), 500);
  });
  return { app, router: new Router(app, deps.access) };
}

const reportedCheckpoint = new WeakMap<HttpDeps, string>();

/** Advances the audit checkpoint in DATA_DIR; a log that no longer reaches it is reported once. */
export async function keepAuditCheckpoint(deps: Pick<HttpDeps, 'db' | 'config' | 'log'>): Promise<void> {
  try {
    const r = await advanceCheckpoint(deps.db, deps.config.dataDir, deps.config.secretKey);
    if ((r === 'behind' || r === 'other_chain' || r === 'mismatch') && reportedCheckpoint.get(deps as HttpDeps) !== r) {
      reportedCheckpoint.set(deps as HttpDeps, r);
      deps.log('error', `audit log does not reach its checkpoint in DATA_DIR (${r}): run integritas verify-audit`);
    }
  } catch (err) {
    deps.log('error', 'audit checkpoint not written', describeError(err));
  }
}

function setSecurityHeaders(c: Context, production: boolean) {
  const h = c.res.headers;
  h.set('Content-Security-Policy', "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'");
  h.set('X-Content-Type-Options', 'nosniff');
  h.set('Referrer-Policy', 'same-origin');
  h.set('X-Frame-Options', 'DENY');
  h.set('Cross-Origin-Opener-Policy', 'same-origin');
  h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  if (production) h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
}

function cookieOpts(c: Ctx, maxAge?: number) {
  return { path: '/', httpOnly: true, sameSite: 'Lax' as const, secure: c.var.deps.config.isProduction, ...(maxAge ? { maxAge } : {}) };
}

const identify: MiddlewareHandler<Env> = async (c, next) => {
  const { deps } = c.var;
  let csrfCookie = getCookie(c, COOKIE.csrf);
  if (!csrfCookie || !/^[A-Za-z0-9_-]{32}$/.test(csrfCookie)) {
    csrfCookie = newCsrfCookie();
    setCookie(c, COOKIE.csrf, csrfCookie, cookieOpts(c));
  }
  let session: SessionInfo | null = null;
  let actor: LoadedActor | null = null;
  const token = getCookie(c, COOKIE.session);
  if (token) {
    session = await findSession(deps.db, token);
    if (session) actor = await deps.loadActor(session.accountId);
    if (!session || !actor) {
      session = null;
      actor = null;
      deleteCookie(c, COOKIE.session, { path: '/' });
    }
  }
  c.set('session', session);
  c.set('actor', actor);
  // signed in, the token is bound to the session as well as to the cookie
  c.set('csrf', csrfTokenFor(deps.config.secretKey, csrfCookie, session?.id));
  const cookieLang = getCookie(c, COOKIE.lang);
  const locale: Locale = actor && isLocale(actor.locale) ? actor.locale : isLocale(cookieLang) ? cookieLang : DEFAULT_LOCALE;
  c.set('locale', locale);
  c.set('t', deps.i18n.translator(locale));
  c.set('scope', null);
  await next();
};

const csrfGuard: MiddlewareHandler<Env> = async (c, next) => {
  if (!UNSAFE.has(c.req.method)) return next();
  const { deps } = c.var;
  // Same-origin check first: a browser always sends Origin on cross-site POSTs. "null" is what a
  // sandboxed frame, a data: page or a cross-site redirect sends: never our own page, so refused.
  const origin = c.req.header('origin');
  if (origin !== undefined) {
    const host = c.req.header('host');
    let originHost = '';
    try { originHost = new URL(origin).host; } catch { /* malformed */ }
    if (!host || originHost !== host) throw new DomainError('forbidden', 'error.csrf');
  }
  let token = c.req.header('x-csrf-token');
  if (!token) {
    const type = c.req.header('content-type') ?? '';
    if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
      const body = await c.req.parseBody({ all: true }).catch(() => ({} as Record<string, unknown>));
      const v = body._csrf;
      token = typeof v === 'string' ? v : undefined;
    }
  }
  if (!isValidCsrf(deps.config.secretKey, getCookie(c, COOKIE.csrf), token, c.var.session?.id)) throw new DomainError('forbidden', 'error.csrf');
  await next();
};

// Accounts that must change their password may only do that (and sign out).
const ALLOWED_WHILE_PASSWORD_CHANGE = new Set(['account.password', 'auth.logout', 'kernel.static', 'kernel.lang', 'kernel.health']);

function authorize(action: string): MiddlewareHandler<Env> {
  return async (c, next) => {
    const { deps, actor } = c.var;
    c.set('action', action);
    if (actor?.mustChangePassword && !ALLOWED_WHILE_PASSWORD_CHANGE.has(action) && c.req.method === 'GET') {
      return c.redirect('/account/password', 303);
    }
    const scope = deps.access.scopeOf(actor, action);
    if (!scope) {
      if (!actor) {
        if (c.req.method === 'GET' && acceptsHtml(c)) {
          return c.redirect(`/login?next=${encodeURIComponent(c.req.path + (new URL(c.req.url).search))}`, 303);
        }
        throw new DomainError('unauthenticated', 'error.unauthenticated');
      }
      throw new DomainError('forbidden', 'error.forbidden');
    }
    c.set('scope', scope);
    await next();
  };
}

function acceptsHtml(c: Ctx): boolean {
  const a = c.req.header('accept') ?? '';
  return a === '' || a.includes('text/html') || a.includes('*/*');
}

/** Error page (or JSON for API clients) in the user's language. */
export function errorResponse(c: Ctx, err: DomainError, status?: number): Response {
  const code = status ?? statusOf(err.kind);
  if (!c.var.t) {
    // refused before the visitor was identified (body too large): render in the default language
    c.set('locale', DEFAULT_LOCALE);
    c.set('t', c.var.deps.i18n.translator(DEFAULT_LOCALE));
  }
  const t = c.var.t;
  const message = t(err.code, err.params);
  if (!acceptsHtml(c) || c.req.header('accept')?.includes('application/json')) {
    return c.json({ error: err.code, message, fields: err.fieldErrors }, code as 400);
  }
  if (code === 401 && c.req.method === 'GET') return c.redirect('/login', 303);
  const titleKey = code === 404 ? 'error.title.not_found' : code === 403 ? 'error.title.forbidden' : code === 429 ? 'error.title.throttled' : code >= 500 ? 'error.title.internal' : 'error.title.bad_request';
  return c.html(<StatusPage v={viewOf(c)} status={code} title={t(titleKey)} message={message} />, code as 400) as Response;
}

/** Flash messages survive one redirect; only known message keys are ever shown. */
export function flash(c: Ctx, kind: 'success' | 'error', key: string) {
  setCookie(c, COOKIE.flash, `${kind}|${key}`, { ...cookieOpts(c), maxAge: 60 });
}

function takeFlash(c: Ctx): View['flash'] {
  const raw = getCookie(c, COOKIE.flash);
  if (!raw) return null;
  deleteCookie(c, COOKIE.flash, { path: '/' });
  const [kind, key] = raw.split('|');
  if ((kind !== 'success' && kind !== 'error') || !key || !c.var.deps.i18n.has(key)) return null;
  return { kind, text: c.var.t(key) };
}

const unreadCache = new WeakMap<Ctx, number>();

export function viewOf(c: Ctx): View {
  const { deps, actor, locale, t } = c.var;
  const tz = deps.config.timeZone;
  return {
    t, locale, actor,
    csrf: c.var.csrf,
    path: c.req.path,
    nav: actor ? deps.nav.filter((n) => deps.access.can(actor, n.action)) : [],
    units: actor?.units ?? [],
    currentUnitId: currentUnitOf(c),
    scope: c.var.scope,
    unreadCount: unreadCache.get(c) ?? 0,
    flash: c.req.method === 'GET' ? takeFlash(c) : null,
    num: (n, d = 0) => formatNumber(n, locale, d),
    date: (d) => formatDate(d, locale, tz),
    dateTime: (d) => formatDateTime(d, locale, tz),
    can: (action, unitId) => deps.access.can(actor, action, unitId),
  };
}

/** Loads what the layout shows besides the page (unread count) before rendering. */
export async function pageView(c: Ctx): Promise<View> {
  const { actor, deps } = c.var;
  if (actor) unreadCache.set(c, await deps.countUnread(actor.accountId));
  return viewOf(c);
}

/** The unit the user is working in: the session's choice, else the first unit they hold a role in. */
export function currentUnitOf(c: Ctx): string | null {
  const { actor, session } = c.var;
  if (!actor) return null;
  const chosen = session?.currentUnitId;
  if (chosen && actor.units.some((u) => u.id === chosen)) return chosen;
  return actor.homeUnitId ?? actor.units[0]?.id ?? null;
}

export function clientAddress(c: Ctx): string {
  // @hono/node-server exposes the socket; in-process tests have none
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const peer = normaliseAddress(incoming?.socket?.remoteAddress ?? 'local');
  return forwardedClient(peer, c.req.header('x-forwarded-for'), c.var.deps.config.trustedProxies);
}

/**
 * The client behind trusted reverse proxies: when the peer is a trusted proxy, the right-most
 * X-Forwarded-For address that is not itself a trusted proxy (addresses further left are
 * whatever the client claimed). Otherwise the peer. Without trusted proxies the header is ignored.
 */
export function forwardedClient(peer: string, forwardedFor: string | undefined, trusted: readonly string[]): string {
  if (!trusted.length || !trusted.includes(peer) || !forwardedFor) return peer;
  const hops = forwardedFor.split(',').map((s) => normaliseAddress(s.trim())).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.includes(hops[i]!)) return hops[i]!.slice(0, 64);
  return peer;
}

export function setSessionCookie(c: Ctx, token: string) {
  setCookie(c, COOKIE.session, token, cookieOpts(c));
}

/** A new CSRF cookie (at sign-in and sign-out): tokens issued before no longer match. */
export function renewCsrfCookie(c: Ctx) {
  setCookie(c, COOKIE.csrf, newCsrfCookie(), cookieOpts(c));
}

export function clearSessionCookie(c: Ctx) {
  deleteCookie(c, COOKIE.session, { path: '/' });
}

export function setLangCookie(c: Ctx, locale: Locale) {
  setCookie(c, COOKIE.lang, locale, { ...cookieOpts(c), maxAge: 365 * 24 * 3600 });
}

/** Reads a url-encoded or multipart form as strings (files are left to routes that expect them). */
export async function formOf(c: Ctx): Promise<Record<string, string>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf') continue;
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'string') out[k] = first;
  }
  return out;
}

/**
 * The files a person chose in a file field of a parsed multipart body. A file input left empty is
 * sent by browsers as a nameless, empty part: that is "nothing chosen", not a file.
 */
export function chosenFiles(body: Record<string, unknown>, name: string): File[] {
  const v = body[name];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((f): f is File => f instanceof File && (f.name !== '' || f.size > 0));
}

// A stand-in for our own origin: what resolves to another origin against it leaves the site.
const OWN_ORIGIN = 'http://integritas.invalid';
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Only local paths are followed after login or a language switch: no open redirects. The value is
 * resolved as a browser would (the URL parser, against our own origin); anything that lands on
 * another origin, or carries a control character (which browsers strip: "/\t/evil" is "//evil";
 * CR/LF would split the header), gives the fallback. What is kept is path, query and fragment.
 */
export function safeNext(next: string | undefined | null, fallback = '/'): string {
  if (!next || !next.startsWith('/') || CONTROL_CHARS.test(next)) return fallback;
  let url: URL;
  try { url = new URL(next, OWN_ORIGIN); } catch { return fallback; }
  if (url.origin !== OWN_ORIGIN) return fallback;
  const local = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" resolves to the path "//evil.example", which a Location header would read as a host
  if (!local.startsWith('/') || local.startsWith('//')) return fallback;
  return local;
}

/**
 * What may be logged of an error: its class, its code (a SQLSTATE, a Node error code) and where it
 * was thrown — never its message or details. A failed query's message carries the query's
 * parameters (what a citizen typed), a constraint violation's detail the offending value.
 */
export function describeError(err: unknown): { error: string; code?: string; cause?: { error: string; code?: string }; at?: string[] } {
  const one = (e: unknown) => {
    if (!(e instanceof Error)) return { error: typeof e };
    const code = (e as { code?: unknown }).code;
    return { error: e.constructor?.name || e.name || 'Error', ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code).slice(0, 40) } : {}) };
  };
  const out: ReturnType<typeof describeError> = one(err);
  const cause = err instanceof Error ? (err as { cause?: unknown }).cause : undefined;
  if (cause !== undefined) out.cause = one(cause);
  // the frames only (the first line of a stack repeats the message)
  const stack = err instanceof Error && typeof err.stack === 'string' ? err.stack.split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 6).map((l) => l.trim()) : [];
  if (stack.length) out.at = stack;
  return out;
}
