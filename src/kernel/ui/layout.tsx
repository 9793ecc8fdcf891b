import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { View } from './view.ts';

export interface Crumb { href?: string; label: string }

export function Layout(props: { v: View; title: string; crumbs?: Crumb[]; children?: Child; narrow?: boolean }) {
  const { v } = props;
  const main = v.nav.filter((n) => n.group === 'main');
  const admin = v.nav.filter((n) => n.group === 'admin');
  return (
    <>
    {raw('<!DOCTYPE html>')}
    <html lang={v.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Integritas`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/app.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">{v.t('ui.skip_to_content')}</a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="brand" href="/">
              <span class="brand__mark" aria-hidden="true">ZI</span>
              <span class="brand__name">Integritas</span>
            </a>
            {v.actor ? <UserBar v={v} /> : <LanguageSwitch v={v} />}
          </div>
          {v.actor && (main.length > 0 || admin.length > 0) ? (
            <nav class="site-nav" aria-label={v.t('ui.nav.label')}>
              <ul>
                {main.map((n) => <NavLink v={v} href={n.href} label={v.t(n.labelKey)} />)}
                {admin.length > 0 ? <li class="site-nav__sep" aria-hidden="true"></li> : null}
                {admin.map((n) => <NavLink v={v} href={n.href} label={v.t(n.labelKey)} />)}
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main" class={props.narrow ? 'container container--narrow' : 'container'}>
          {props.crumbs && props.crumbs.length > 0 ? <Breadcrumbs v={v} crumbs={props.crumbs} /> : null}
          {v.flash ? (
            <div class={`alert alert--${v.flash.kind}`} role="status">{v.flash.text}</div>
          ) : null}
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <span>{v.t('ui.footer')}</span>
            {v.actor ? <LanguageSwitch v={v} /> : null}
          </div>
        </footer>
      </body>
    </html>
    </>
  );
}

function NavLink(props: { v: View; href: string; label: string }) {
  const active = props.href === '/' ? props.v.path === '/' : props.v.path.startsWith(props.href);
  return (
    <li>
      <a href={props.href} aria-current={active ? 'page' : undefined}>{props.label}</a>
    </li>
  );
}

function UserBar({ v }: { v: View }) {
  const a = v.actor!;
  return (
    <div class="userbar">
      {v.units.length > 1 ? (
        <form method="post" action="/session/unit" class="unit-switch">
          <input type="hidden" name="_csrf" value={v.csrf} />
          <label for="unit-switch" class="visually-hidden">{v.t('ui.unit_switch')}</label>
          <select id="unit-switch" name="unitId" data-autosubmit>
            {v.units.map((u) => <option value={u.id} selected={u.id === v.currentUnitId}>{u.name}</option>)}
          </select>
          <button type="submit" class="button button--small button--secondary js-hide">{v.t('ui.unit_switch.go')}</button>
        </form>
      ) : null}
      <a href="/notifications" class="userbar__inbox">
        {v.t('ui.inbox')}
        {v.unreadCount > 0 ? <span class="badge badge--info" aria-label={v.t('ui.inbox.unread', { n: v.unreadCount })}>{v.unreadCount}</span> : null}
      </a>
      <a href="/account" class="userbar__name">{a.displayName}</a>
      <form method="post" action="/logout">
        <input type="hidden" name="_csrf" value={v.csrf} />
        <button type="submit" class="button button--small button--secondary">{v.t('ui.logout')}</button>
      </form>
    </div>
  );
}

export function LanguageSwitch({ v }: { v: View }) {
  const other = v.locale === 'id' ? 'en' : 'id';
  return (
    <form method="post" action="/lang" class="lang-switch">
      <input type="hidden" name="_csrf" value={v.csrf} />
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="back" value={v.path} />
      <button type="submit" class="linkbutton" lang={other}>{other === 'en' ? 'English' : 'Bahasa Indonesia'}</button>
    </form>
  );
}

function Breadcrumbs(props: { v: View; crumbs: Crumb[] }) {
  return (
    <nav class="breadcrumbs" aria-label={props.v.t('ui.breadcrumbs')}>
      <ol>
        {props.crumbs.map((c, i) => (
          <li>{c.href && i < props.crumbs.length - 1 ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}
