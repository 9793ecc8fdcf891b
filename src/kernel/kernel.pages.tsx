// The kernel's own pages (sign-in, own account, password, inbox): functions of (view, model) — no database.
import type { LoadedActor } from './http.tsx';
import type { listNotifications } from './notify.ts';
import { Badge, Csrf, ErrorSummary, PageHeader, Pagination, SummaryList, TextField, type FieldErrors } from './ui/components.tsx';
import { Layout } from './ui/layout.tsx';
import type { View } from './ui/view.ts';

/** /account: the signed-in person's name, language and roles. */
export function AccountPage(v: View, { actor: a, roleLabel }: { actor: LoadedActor; roleLabel: (v: View, role: string) => string }) {
  const unitName = (id: string | null) => (id ? a.units.find((u) => u.id === id)?.name ?? id : v.t('role.scope.regency'));
  return (
    <Layout v={v} title={v.t('account.title')} crumbs={[{ href: '/', label: v.t('nav.home') }, { label: v.t('account.title') }]}>
      <PageHeader title={v.t('account.title')} actions={<a class="button" href="/account/password">{v.t('account.password.title')}</a>} />
      <SummaryList rows={[
        [v.t('account.username'), a.username],
        [v.t('account.display_name'), a.displayName],
        [v.t('account.language'), a.locale === 'en' ? 'English' : 'Bahasa Indonesia'],
      ]} />
      <h2>{v.t('account.roles')}</h2>
      {a.grants.length === 0 ? <p class="muted">{v.t('account.no_roles')}</p> : (
        <ul class="plain-list">
          {a.grants.map((g) => (
            <li><Badge tone="info">{roleLabel(v, g.role)}</Badge> {unitName(g.unitId)}{g.area ? ` · ${v.t(`area.${g.area}`)}` : ''}</li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** /notifications: the inbox, a page at a time. */
export function InboxPage(v: View, { rows, total, page, size }: { rows: Awaited<ReturnType<typeof listNotifications>>['rows']; total: number; page: number; size: number }) {
  return (
    <Layout v={v} title={v.t('inbox.title')} crumbs={[{ href: '/', label: v.t('nav.home') }, { label: v.t('inbox.title') }]}>
      <PageHeader title={v.t('inbox.title')} actions={v.unreadCount > 0 ? (
        <form method="post" action="/notifications/read-all" novalidate><Csrf v={v} /><button class="button button--secondary" type="submit">{v.t('inbox.mark_all')}</button></form>
      ) : undefined} />
      {rows.length === 0 ? <p class="muted">{v.t('inbox.empty')}</p> : (
        <ul class="inbox">
          {rows.map((n) => {
            const params = n.params as Record<string, string>;
            return (
              <li class={n.readAt ? 'inbox__item' : 'inbox__item inbox__item--unread'}>
                <div class="inbox__head">
                  <strong>{v.t(n.subjectKey, params)}</strong>
                  {n.readAt ? null : <Badge tone="info">{v.t('inbox.new')}</Badge>}
                  <span class="muted">{v.dateTime(n.createdAt)}</span>
                </div>
                <p>{v.t(n.bodyKey, params)}</p>
                <div class="inbox__actions">
                  {n.link ? <a href={n.link}>{v.t('inbox.open')}</a> : null}
                  {n.readAt ? null : (
                    <form method="post" action={`/notifications/${n.id}/read`} novalidate><Csrf v={v} /><button class="linkbutton" type="submit">{v.t('inbox.mark_read')}</button></form>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination v={v} page={page} pageSize={size} total={total} />
    </Layout>
  );
}

export function LoginPage(props: { v: View; next: string; username?: string; errors?: FieldErrors; message?: string; publicHome?: string }) {
  const { v } = props;
  return (
    <Layout v={v} title={v.t('auth.login.title')} narrow>
      <h1>{v.t('auth.login.title')}</h1>
      <p class="lead">{v.t('auth.login.lead')}</p>
      <ErrorSummary v={v} errors={props.errors} />
      {props.message ? <div class="alert alert--error" role="alert">{props.message}</div> : null}
      <form method="post" action="/login" class="form" novalidate>
        <Csrf v={v} />
        <input type="hidden" name="next" value={props.next} />
        <TextField v={v} name="username" label={v.t('auth.login.username')} value={props.username} autocomplete="username" required errors={props.errors} />
        <TextField v={v} name="password" label={v.t('auth.login.password')} type="password" autocomplete="current-password" required errors={props.errors} />
        <button type="submit" class="button button--primary button--block">{v.t('auth.login.submit')}</button>
      </form>
      {props.publicHome ? <p class="login-public"><a href={props.publicHome}>{v.t('auth.login.public')}</a></p> : null}
    </Layout>
  );
}

export function PasswordPage(props: { v: View; errors?: FieldErrors }) {
  const { v } = props;
  return (
    <Layout v={v} title={v.t('account.password.title')} narrow crumbs={[{ href: '/', label: v.t('nav.home') }, { href: '/account', label: v.t('account.title') }, { label: v.t('account.password.title') }]}>
      <h1>{v.t('account.password.title')}</h1>
      {v.actor?.mustChangePassword ? <div class="alert alert--warning" role="status">{v.t('account.password.must_change')}</div> : null}
      <ErrorSummary v={v} errors={props.errors} />
      <form method="post" action="/account/password" class="form" novalidate>
        <Csrf v={v} />
        <TextField v={v} name="current" label={v.t('account.password.current')} type="password" autocomplete="current-password" required errors={props.errors} />
        <TextField v={v} name="next" label={v.t('account.password.new')} hint={v.t('account.password.rules')} type="password" autocomplete="new-password" required errors={props.errors} />
        <TextField v={v} name="confirm" label={v.t('account.password.confirm')} type="password" autocomplete="new-password" required errors={props.errors} />
        <button type="submit" class="button button--primary">{v.t('account.password.submit')}</button>
      </form>
    </Layout>
  );
}
