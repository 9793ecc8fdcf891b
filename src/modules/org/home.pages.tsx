// The home page: today's tasks, the regency's figures (for regency-wide roles), one's roles.
import type { Task } from '../../kernel/tasks.ts';
import { Badge, PageHeader } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { roleLabel } from './org.components.tsx';

export interface HomeModel {
  regency: { name: string } | null;
  /** the unit the person works in, if any */
  unit: { name: string } | null;
  tasks: Task[];
  /** the regency's figures, for those who hold a regency-wide role */
  stats: { units: number; people: number; accounts: number } | null;
}

/** Task counts shown in the Indonesian/English number format. */
const numbered = (v: View, params: Record<string, string | number> = {}) =>
  Object.fromEntries(Object.entries(params).map(([k, x]) => [k, typeof x === 'number' ? v.num(x) : x]));

export function HomePage(v: View, m: HomeModel) {
  const actor = v.actor!;
  const nothing = !actor.mustChangePassword && v.unreadCount === 0 && m.tasks.length === 0;
  return (
    <Layout v={v} title={v.t('home.title')}>
      <PageHeader title={v.t('home.greeting', { name: actor.displayName })} lead={m.unit ? v.t('home.unit', { unit: m.unit.name }) : m.regency?.name} />
      <section class="card">
        <h2>{v.t('home.today')}</h2>
        <ul class="task-list">
          {actor.mustChangePassword ? <li><a href="/account/password">{v.t('home.today.password')}</a></li> : null}
          {m.tasks.map((task) => (
            <li class={`task task--${task.tone}`}>
              {task.tone === 'danger' ? <Badge tone="danger">{v.t('home.today.late')}</Badge> : null}{task.tone === 'danger' ? ' ' : null}
              <a href={task.href}>{v.t(task.key, numbered(v, task.params))}</a>
            </li>
          ))}
          {v.unreadCount > 0 ? <li><a href="/notifications">{v.t('home.today.unread', { n: v.unreadCount })}</a></li> : null}
          {nothing ? <li class="muted">{v.t('home.today.none')}</li> : null}
        </ul>
      </section>
      {m.stats && m.regency ? (
        <section class="card">
          <h2>{v.t('home.regency', { regency: m.regency.name })}</h2>
          <div class="stats">
            <a class="stat" href="/units"><span class="stat__value">{v.num(m.stats.units)}</span><span class="stat__label">{v.t('home.stat.units')}</span></a>
            <a class="stat" href="/people"><span class="stat__value">{v.num(m.stats.people)}</span><span class="stat__label">{v.t('home.stat.people')}</span></a>
            <div class="stat"><span class="stat__value">{v.num(m.stats.accounts)}</span><span class="stat__label">{v.t('home.stat.accounts')}</span></div>
          </div>
        </section>
      ) : null}
      <section class="card">
        <h2>{v.t('home.roles')}</h2>
        <ul class="plain-list">
          {actor.grants.map((g) => (
            <li><Badge tone="info">{roleLabel(v, g.role)}</Badge> {g.unitId ? v.units.find((u) => u.id === g.unitId)?.name : v.t('role.scope.regency')}{g.area ? ` · ${v.t(`area.${g.area}`)}` : ''}</li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
