// Routes of the worksheet as a whole: list, create, overview and its state changes, settings,
// documents (XLSX, LHE), the XLSX import, and the rule sets' documentation.
import { pdfResponse } from '../../kernel/documents.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import { formAction, type Refusal } from '../../kernel/forms.ts';
import { currentUnitOf, pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { pageNumber } from '../../kernel/kernel.routes.tsx';
import { currentYear } from '../../kernel/workdays.ts';
import { listUnits } from '../org/index.ts';
import { createInput, transitionInput } from './assessment.forms.ts';
import { importPage, listPage, newPage, overviewPage, ruleSetPage, ruleSetsPage, settingsPage, type ImportProblem } from './assessment.pages.tsx';
import { changeRuleSet, saveOptions, startWorksheet, transitionWorksheet } from './assessment.service.ts';
import { worksheetLhe, worksheetWorkbook } from './assessment.documents.ts';
import { droppedQuery, flashBack, modelOf, svc, worksheetOf, type LkeWiring } from './lke.http.ts';
import { ImportRefusal, importWorkbook } from './lke.import.ts';
import { findRuleSet, listRuleSets } from './lke.ruleset.ts';
import { STATES } from './lke.workflow.ts';
import { showRemaining } from './review.routes.tsx';
import { overviewExtras, SUBJECT, worksheetList } from './worksheet.queries.ts';

const ID = ':id{[0-9a-f-]{36}}';

export function registerWorksheetRoutes(r: Router, w: LkeWiring) {
  // ---------------------------------------------------------------- list
  r.get('/lke', 'lke.view', async (c) => {
    const v = await pageView(c);
    const q = c.req.query();
    const year = /^\d{4}$/.test(q.year ?? '') ? Number(q.year) : undefined;
    const state = (STATES as readonly string[]).includes(q.state ?? '') ? q.state : undefined;
    const sort = ['unit', 'state', 'updated', 'year'].includes(q.sort ?? '') ? q.sort! : 'year';
    const dir = q.dir === 'asc' ? 'asc' : 'desc';
    const page = pageNumber(c);
    const pageSize = 25;
    const list = await worksheetList(c.var.deps.db, c.var.scope!, { year, state, sort, dir, limit: pageSize, offset: (page - 1) * pageSize });
    return c.html(listPage(v, { ...list, page, pageSize, query: { year: q.year, state: q.state }, sort, dir }));
  });

  // ---------------------------------------------------------------- create
  async function showNew(c: Ctx, refused?: Refusal) {
    const v = await pageView(c);
    const { deps, actor } = c.var;
    const units = await listUnits(deps.db, deps.access.scopeOf(actor, 'lke.create')!);
    const rulesets = listRuleSets().filter((x) => x.status === 'current');
    return c.html(newPage(v, { units, rulesets, unitId: currentUnitOf(c), year: currentYear(), form: refused?.form ?? {}, errors: refused?.errors ?? {} }), refused?.status ?? 200);
  }

  r.get('/lke/new', 'lke.create', (c) => showNew(c));
  r.post('/lke', 'lke.create', formAction({
    input: createInput,
    run: async (c, input) => {
      const res = await startWorksheet(svc(c), c.var.deps.access.scopeOf(c.var.actor, 'lke.create')!, input, SUBJECT);
      return { to: `/lke/${res.id}${droppedQuery(res.dropped)}`, flash: res.dropped.length ? 'lke.created.with_dropped' : 'lke.created' };
    },
    page: showNew,
    // a refusal names its field (unit, year, rule set, starting point); there is no conflict to show
    shows: ['validation'],
  }));

  // ---------------------------------------------------------------- overview and its state changes
  async function showOverview(c: Ctx, refused?: Refusal) {
    const v = await pageView(c);
    const l = await modelOf(c);
    const { events, counts, regency } = await overviewExtras(c.var.deps.db, l);
    return c.html(overviewPage(v, { l, events, counts, regencyName: regency?.name ?? '', dropped: c.req.query('dropped'), suggestions: w.sources.length > 0, refused }), refused?.status ?? 200);
  }

  r.get(`/lke/${ID}`, 'lke.view', (c) => showOverview(c));

  r.post(`/lke/${ID}/transition`, 'lke.transition', formAction({
    input: transitionInput,
    run: async (c, input) => {
      const f = await worksheetOf(c);
      await transitionWorksheet(svc(c), c.var.scope!, { worksheetId: f.w.id, ...input });
      return { to: `/lke/${f.w.id}`, flash: `lke.transition.${input.transition}.done` };
    },
    page: async (c, refused) => {
      const id = c.req.param('id')!;
      if (refused.errors.transition) {
        // a transition no form offers: the error page, as for any crafted post (after the worksheet's 404)
        await worksheetOf(c);
        throw new DomainError('validation', 'lke.transition.unknown');
      }
      // the TPI has not decided every item: say how many, and offer to decide them (nothing changed)
      if (refused.error.code === 'lke.transition.unreviewed') return showRemaining(c, true, 409);
      // a missing note or conclusion, a note too long: the overview again with what was typed, the
      // error at its field
      if (refused.error.kind === 'validation' && Object.keys(refused.error.fieldErrors).length) return showOverview(c, refused);
      // a stale page, a state that moved on: said on the overview as it is now
      return flashBack(c, refused.error.code, `/lke/${id}`);
    },
  }));

  // ---------------------------------------------------------------- settings
  r.get(`/lke/${ID}/settings`, 'lke.settings', async (c) => {
    const v = await pageView(c);
    const l = await modelOf(c);
    const others = listRuleSets().filter((x) => x.status === 'current' && x.id !== l.rs.id);
    return c.html(settingsPage(v, { l, others, dropped: c.req.query('dropped') }));
  });

  // both settings forms answer a refusal on the settings page, by a flash message
  const backToSettings = (c: Ctx, key: string) => flashBack(c, key, `/lke/${c.req.param('id')}/settings`);

  r.post(`/lke/${ID}/options`, 'lke.settings', formAction({
    run: async (c, form) => {
      const f = await worksheetOf(c);
      await saveOptions(svc(c), c.var.scope!, f.w.id, Number(form.version), form);
      return { to: `/lke/${f.w.id}/settings`, flash: 'lke.options.saved' };
    },
    page: (c, refused) => backToSettings(c, refused.error.kind === 'validation' ? 'lke.options.invalid' : refused.error.code),
  }));

  r.post(`/lke/${ID}/ruleset`, 'lke.settings', formAction({
    run: async (c, form) => {
      const f = await worksheetOf(c);
      const res = await changeRuleSet(svc(c), c.var.scope!, f.w.id, Number(form.version), form.ruleset ?? '');
      return { to: `/lke/${f.w.id}/settings${droppedQuery(res.dropped)}`, flash: res.dropped.length ? 'lke.ruleset.changed_dropped' : 'lke.ruleset.changed' };
    },
    page: (c, refused) => backToSettings(c, Object.values(refused.error.fieldErrors)[0] ?? refused.error.code),
  }));

  // ---------------------------------------------------------------- documents
  r.get(`/lke/${ID}/export.xlsx`, 'lke.view', async (c) => {
    const l = await modelOf(c);
    const { bytes, filename } = await worksheetWorkbook(c.var.deps.db, l, { t: c.var.t, locale: c.var.locale, publicUrl: c.var.deps.config.publicUrl });
    return new Response(bytes, { headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    } });
  });

  r.get(`/lke/${ID}/lhe.pdf`, 'lke.view', async (c) => {
    const { pdf, filename } = await worksheetLhe(c.var.deps.db, await modelOf(c), { t: c.var.t, locale: c.var.locale });
    return pdfResponse(pdf, filename);
  });

  // ---------------------------------------------------------------- import
  async function showImport(c: Ctx, report: ImportProblem[] | null, status: 200 | 400 | 409 = 200) {
    const v = await pageView(c);
    const f = await worksheetOf(c);
    return c.html(importPage(v, { f, report }), status);
  }

  r.get(`/lke/${ID}/import`, 'lke.import', (c) => showImport(c, null));
  r.post(`/lke/${ID}/import`, 'lke.import', { files: 1 }, formAction({
    files: ['file'],
    run: async (c, form, posted) => {
      const f = await worksheetOf(c);
      await importWorkbook(svc(c), c.var.scope!, f, Number(form.version ?? NaN), posted.files.file?.[0]);
      return { to: `/lke/${f.w.id}`, flash: 'lke.import.done' };
    },
    page: (c, refused) => {
      const t = c.var.t;
      const err = refused.error;
      // the workbook's own problems (400); a worksheet that moved on or a code it does not know (409)
      if (err instanceof ImportRefusal) return showImport(c, err.problems.map((p) => ({ row: p.row, item: p.item, message: t(p.code, p.params) })), 400);
      return showImport(c, [{ row: 0, message: t(Object.values(err.fieldErrors)[0] ?? err.code, err.params) }], 409);
    },
  }));

  // ---------------------------------------------------------------- rule sets (read-only documentation)
  r.get('/lke/rulesets', 'lke.rulesets', async (c) => c.html(ruleSetsPage(await pageView(c), listRuleSets())));

  r.get('/lke/rulesets/:rs{[a-z0-9-]{3,60}}', 'lke.rulesets', async (c) => {
    const rs = findRuleSet(c.req.param('rs') ?? '');
    if (!rs) throw notFound();
    return c.html(ruleSetPage(await pageView(c), rs));
  });
}
