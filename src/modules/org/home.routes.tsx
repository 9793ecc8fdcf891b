// The home page route: loads the tasks of every module and, for regency-wide roles, the figures.
import { currentUnitOf, pageView, type Router } from '../../kernel/http.tsx';
import { collectTasks } from '../../kernel/tasks.ts';
import { dayIn } from '../../kernel/workdays.ts';
import { HomePage } from './home.pages.tsx';
import { findRegency, regencyStats } from './org.queries.ts';

export function registerHomeRoutes(r: Router) {
  r.get('/', 'org.home', async (c) => {
    const v = await pageView(c);
    const { deps, actor } = c.var;
    const unitId = currentUnitOf(c);
    const regencyWide = actor!.grants.some((g) => g.unitId === null);
    const now = new Date();
    const [regency, stats, tasks] = await Promise.all([
      findRegency(deps.db),
      regencyWide ? regencyStats(deps.db) : Promise.resolve(null),
      collectTasks(deps.tasks ?? [], { db: deps.db, actor: actor!, access: deps.access, unitId, today: dayIn(now, deps.config.timeZone), now },
        (err) => deps.log('error', 'a task source failed', err)),
    ]);
    const unit = unitId ? actor!.units.find((u) => u.id === unitId) ?? null : null;
    return c.html(HomePage(v, { regency, unit, tasks, stats }));
  });
}
