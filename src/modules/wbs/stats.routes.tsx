// Statistics and evaluations of the WBS (no content): /wbs/statistik for the units in the actor's
// scope, /wbs/evaluasi for a unit's evaluation of its WBS (LKE A.I.5.iv).
import { notFound } from '../../kernel/errors.ts';
import { formAction, type Refusal } from '../../kernel/forms.ts';
import { currentUnitOf, formOf, pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { isUuid } from '../../kernel/validate.ts';
import { StatsPage } from './stats.pages.tsx';
import { evaluationInput } from './wbs.forms.ts';
import { actorOf } from './wbs.http.ts';
import { evaluationsIn } from './wbs.queries.ts';
import { addEvaluation, todayIn, wbsStatistics } from './wbs.service.ts';

const statsPage = async (c: Ctx, refused?: Refusal) => {
  const { db, config } = c.var.deps;
  const scope = c.var.scope!;
  const year = Number.parseInt(c.req.query('year') ?? '', 10) || Number(todayIn(config.timeZone).slice(0, 4));
  const stats = await wbsStatistics(db, scope.all ? null : scope.unitIds, year);
  const unitId = currentUnitOf(c);
  const evaluations = await evaluationsIn(db, scope, year);
  const v = await pageView(c);
  const evaluateUnit = unitId && v.can('wbs.evaluate', unitId) ? unitId : null;
  return c.html(<StatsPage v={v} m={{ year, stats, evaluations, evaluateUnit, form: refused?.form, errors: refused?.errors }} />, refused?.status ?? 200);
};

export function registerStatsRoutes(r: Router): void {
  r.get('/wbs/statistik', 'wbs.stats', (c) => statsPage(c));

  r.post('/wbs/evaluasi', 'wbs.evaluate', async (c) => {
    // the unit first: one the actor may not evaluate is not found, whatever else was sent
    const unitId = (await formOf(c)).unit ?? '';
    if (!isUuid(unitId) || !c.var.deps.access.can(c.var.actor, 'wbs.evaluate', unitId)) throw notFound();
    return formAction({
      input: evaluationInput(todayIn(c.var.deps.config.timeZone)),
      run: async (c, input) => {
        await addEvaluation(c.var.deps.db, actorOf(c), unitId, input);
        return { to: '/wbs/statistik', flash: 'wbs.eval.added' };
      },
      page: statsPage,
    })(c);
  });
}
