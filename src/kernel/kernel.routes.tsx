// Routes every install has: static files, health, language, sign-in/out, own account, inbox.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { accountById, auditLoginFailed, changePassword, checkDatabase, closeSession, openSession, setAccountLocale } from './account.service.ts';
import { authenticate, notifyLogin, setSessionUnit, USERNAME_MAX_LENGTH, validateNewPassword, verifyPassword } from './auth.ts';
import { DomainError, notFound } from './errors.ts';
import {
  COOKIE, clearSessionCookie, clientAddress, flash, formOf, pageView, renewCsrfCookie, safeNext, setLangCookie, setSessionCookie,
  type Ctx, type Env, type Router,
} from './http.tsx';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { isLocale } from './i18n.ts';
import { listNotifications, markRead } from './notify.ts';
import { textProblem } from './text.ts';
import { AccountPage, InboxPage, LoginPage, PasswordPage } from './kernel.pages.tsx';
import type { FieldErrors } from './ui/components.tsx';
import type { View } from './ui/view.ts';

const STATIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../static');
const STATIC_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
};

function loadStatic() {
  const files = new Map<string, { body: Buffer; type: string; etag: string }>();
  for (const name of ['app.css', 'app.js', 'favicon.svg']) {
    const body = readFileSync(path.join(STATIC_DIR, name));
    files.set(name, { body, type: STATIC_TYPES[path.extname(name)], etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` });
  }
  return files;
}

/**
 * The root for an anonymous visitor: the public portal at `target` (signed-in users keep their home
 * page). A pipeline middleware the composition root mounts, as the kernel knows no module's pages.
 */
export function anonymousRoot(target: string): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (c.req.path === '/' && c.req.method === 'GET' && !c.var.actor) return c.redirect(target, 303);
    await next();
  };
}

export function registerKernelRoutes(r: Router, opts: { roleLabel: (v: View, role: string) => string; publicHome?: string }) {
  const files = loadStatic();

  r.get('/static/:name', 'kernel.static', (c) => {
    const f = files.get(c.req.param('name') ?? '');
    if (!f) throw notFound();
    if (c.req.header('if-none-match') === f.etag) return c.body(null, 304);
    return c.body(new Uint8Array(f.body), 200, { 'Content-Type': f.type, ETag: f.etag, 'Cache-Control': 'public, max-age=3600' });
  });
  r.get('/favicon.ico', 'kernel.static', (c) => c.redirect('/static/favicon.svg', 301));

  r.get('/healthz', 'kernel.health', async (c) => {
    await checkDatabase(c.var.deps.db);
    return c.json({ status: 'ok' });
  });

  r.post('/lang', 'kernel.lang', async (c) => {
    const form = await formOf(c);
    const locale = isLocale(form.locale) ? form.locale : 'id';
    setLangCookie(c, locale);
    const { actor, deps } = c.var;
    if (actor) await setAccountLocale(deps.db, actor.accountId, locale);
    return c.redirect(safeNext(form.back), 303);
  });

  // ---- sign in / out -------------------------------------------------------------------
  r.get('/login', 'auth.login', async (c) => {
    if (c.var.actor) return c.redirect('/', 303);
    return c.html(<LoginPage v={await pageView(c)} next={safeNext(c.req.query('next'), '')} publicHome={opts.publicHome} />);
  });

  r.post('/login', 'auth.login', async (c) => {
    const form = await formOf(c);
    const { deps } = c.var;
    const typed = (form.username ?? '').trim();
    const password = form.password ?? '';
    const next = safeNext(form.next, '/');
    const errors: FieldErrors = {};
    // refused before any query or log: no account has such a name
    const problem = textProblem(typed);
    if (!typed) errors.username = 'auth.login.username_required';
    else if (typed.length > USERNAME_MAX_LENGTH) errors.username = 'auth.login.username_too_long';
    else if (problem) errors.username = problem;
    if (!password) errors.password = 'auth.login.password_required';
    // a refused username is not shown back (it may be 20 KB, or carry a NUL)
    const username = errors.username && typed ? '' : typed;
    if (Object.keys(errors).length) {
      return c.html(<LoginPage v={await pageView(c)} next={next} username={username} errors={errors} publicHome={opts.publicHome} />, 400);
    }
    try {
      const who = await authenticate(deps.db, username, password, clientAddress(c), { secret: deps.config.secretKey });
      // a language chosen on the login page carries over to the account
      const chosen = getCookie(c, COOKIE.lang);
      const { token, id } = await openSession(deps.db, who, {
        locale: isLocale(chosen) ? chosen : undefined, ip: clientAddress(c), userAgent: c.req.header('user-agent'),
      });
      // modules with password-sealed secrets unlock them for this session (a failure never blocks sign-in)
      await notifyLogin(deps.db, who.accountId, password, id).catch((e) => deps.log('error', 'login listener failed', e));
      setSessionCookie(c, token);
      // a token anyone saw before sign-in (on this device, or planted) is worthless from now on
      renewCsrfCookie(c);
      return c.redirect(next, 303);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      if (err.code === 'auth.login.failed') await auditLoginFailed(deps.db, username, clientAddress(c));
      const status = err.kind === 'throttled' ? 429 : 401;
      if (err.kind === 'throttled') deps.log('info', `sign-in throttled (${err.code})`);
      return c.html(<LoginPage v={await pageView(c)} next={next} username={username} message={c.var.t(err.code, err.params)} publicHome={opts.publicHome} />, status);
    }
  });

  r.post('/logout', 'auth.logout', async (c) => {
    const { deps, session, actor } = c.var;
    await closeSession(deps.db, session!.id, actor!);
    clearSessionCookie(c);
    renewCsrfCookie(c);
    flash(c, 'success', 'auth.logout.done');
    return c.redirect('/login', 303);
  });

  r.post('/session/unit', 'session.unit', async (c) => {
    const form = await formOf(c);
    const { actor, session, deps } = c.var;
    if (!actor!.units.some((u) => u.id === form.unitId)) throw new DomainError('forbidden', 'error.forbidden');
    await setSessionUnit(deps.db, session!.id, form.unitId);
    return c.redirect(safeNext(c.req.header('referer') ? new URL(c.req.header('referer')!).pathname : '/'), 303);
  });

  // ---- own account -------------------------------------------------------------------------
  r.get('/account', 'account.view', async (c) => {
    return c.html(AccountPage(await pageView(c), { actor: c.var.actor!, roleLabel: opts.roleLabel }));
  });

  r.get('/account/password', 'account.password', async (c) => c.html(<PasswordPage v={await pageView(c)} />));

  r.post('/account/password', 'account.password', async (c) => {
    const form = await formOf(c);
    const { actor, session, deps } = c.var;
    const schema = z.object({ current: z.string().min(1), next: z.string(), confirm: z.string() });
    const parsed = schema.safeParse(form);
    const errors: FieldErrors = {};
    if (!parsed.success) errors.current = 'auth.password.current_required';
    const acc = await accountById(deps.db, actor!.accountId);
    if (parsed.success) {
      if (!(await verifyPassword(acc.passwordHash, parsed.data.current))) errors.current = 'auth.password.current_wrong';
      const problem = validateNewPassword(parsed.data.next, acc.username);
      if (problem) errors.next = problem;
      else if (parsed.data.next !== parsed.data.confirm) errors.confirm = 'auth.password.mismatch';
      else if (parsed.data.next === parsed.data.current) errors.next = 'auth.password.same';
    }
    if (Object.keys(errors).length) return c.html(<PasswordPage v={await pageView(c)} errors={errors} />, 400);
    await changePassword(deps.db, acc, session!.id, parsed.data!.current, parsed.data!.next);
    flash(c, 'success', 'auth.password.changed');
    return c.redirect('/account', 303);
  });

  // ---- inbox ---------------------------------------------------------------------------------
  r.get('/notifications', 'notifications.view', async (c) => {
    const page = pageNumber(c);
    const size = 20;
    const { rows, total } = await listNotifications(c.var.deps.db, c.var.actor!.accountId, size, (page - 1) * size);
    return c.html(InboxPage(await pageView(c), { rows, total, page, size }));
  });

  r.post('/notifications/read-all', 'notifications.view', async (c) => {
    await markRead(c.var.deps.db, c.var.actor!.accountId, null);
    return c.redirect('/notifications', 303);
  });

  r.post('/notifications/:id/read', 'notifications.view', async (c) => {
    const id = c.req.param('id');
    if (!isUuid(id)) throw notFound();
    // scoped to the actor's own inbox: another account's id changes nothing and reads as missing
    const n = await markRead(c.var.deps.db, c.var.actor!.accountId, id);
    if (n === 0) throw notFound();
    return c.redirect('/notifications', 303);
  });
}

export function isUuid(v: string | undefined): v is string {
  return !!v && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
}

export function pageNumber(c: Ctx): number {
  const p = Number.parseInt(c.req.query('page') ?? '1', 10);
  return Number.isInteger(p) && p > 0 && p < 100_000 ? p : 1;
}

