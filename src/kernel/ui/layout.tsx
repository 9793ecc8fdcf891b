import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { NavItem, NavSection, View } from './view.ts';

export interface Crumb { href?: string; label: string }

export function Layout(props: { v: View; title: string; crumbs?: Crumb[]; children?: Child; narrow?: boolean }) {
  const { v } = props;
  const main = navEntries(v.nav.filter((n) => n.group === 'main'));
  const admin = navEntries(v.nav.filter((n) => n.group === 'admin').map((n) => ({ ...n, section: 'admin' as const })));
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
                {main.map((e) => <NavEntryView v={v} entry={e} />)}
                {admin.length > 0 ? <li class="site-nav__sep" aria-hidden="true"></li> : null}
                {admin.map((e) => <NavEntryView v={v} entry={e} />)}
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

export type NavEntry = { kind: 'link'; item: NavItem } | { kind: 'section'; key: NavSection; items: NavItem[] };

/**
 * The navigation as shown: items without a section stay plain links in their order; a section takes
 * the place of its first item and gathers the others; a section with one visible item is a link.
 */
export function navEntries(nav: NavItem[]): NavEntry[] {
  const out: NavEntry[] = [];
  const sections = new Map<NavSection, { kind: 'section'; key: NavSection; items: NavItem[] }>();
  for (const item of nav) {
    if (!item.section) { out.push({ kind: 'link', item }); continue; }
    let s = sections.get(item.section);
    if (!s) { s = { kind: 'section', key: item.section, items: [] }; sections.set(item.section, s); out.push(s); }
    s.items.push(item);
  }
  return out.map((e) => (e.kind === 'section' && e.items.length === 1 ? { kind: 'link', item: e.items[0] } : e));
}

const isActive = (v: View, href: string) => (href === '/' ? v.path === '/' : v.path.startsWith(href));

function NavEntryView({ v, entry }: { v: View; entry: NavEntry }) {
  if (entry.kind === 'link') return <NavLink v={v} href={entry.item.href} label={v.t(entry.item.labelKey)} />;
  const current = entry.items.some((n) => isActive(v, n.href));
  // a disclosure (works without JavaScript); app.js closes the others and closes on Escape or outside clicks
  return (
    <li class="site-nav__section">
      <details class="navmenu" data-navmenu>
        <summary class={current ? 'navmenu__button navmenu__button--current' : 'navmenu__button'}>{v.t(`nav.section.${entry.key}`)}</summary>
        <ul class="navmenu__list">
          {entry.items.map((n) => <NavLink v={v} href={n.href} label={v.t(n.labelKey)} />)}
        </ul>
      </details>
    </li>
  );
}

function NavLink(props: { v: View; href: string; label: string }) {
  const active = isActive(props.v, props.href);
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
        <form method="post" action="/session/unit" class="unit-switch" novalidate>
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
      <form method="post" action="/logout" novalidate>
        <input type="hidden" name="_csrf" value={v.csrf} />
        <button type="submit" class="button button--small button--secondary">{v.t('ui.logout')}</button>
      </form>
    </div>
  );
}

export function LanguageSwitch({ v }: { v: View }) {
  const other = v.locale === 'id' ? 'en' : 'id';
  return (
    <form method="post" action="/lang" class="lang-switch" novalidate>
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
