// The regency administrator's WBS routes: /wbs/admin (recovery key set up, used and replaced,
// exclusion of a handler from a report, approval of an identity disclosure). The administrator never
// sees report content: every page here shows counts, names and ids.
import { notFound } from '../../kernel/errors.ts';
import { formAction, type Refusal } from '../../kernel/forms.ts';
import { pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import type { FieldErrors } from '../../kernel/ui/components.tsx';
import { isUuid } from '../../kernel/validate.ts';
import { AdminPage, RecoverySheetPage } from './admin.pages.tsx';
import { rotateInput } from './wbs.forms.ts';
import { actorOf } from './wbs.http.ts';
import { handlerDesignations, liveReports } from './wbs.queries.ts';
import {
  approveDisclosure, excludeHandler, handlersOf, pendingDisclosures, recoverReports, recoveryStatus, reportsWithoutRecovery, rotateRecoveryKey, setupRecoveryKey,
} from './wbs.service.ts';

const adminPage = async (c: Ctx, opts: { errors?: FieldErrors; recovered?: { reports: number; keys: number }; status?: 200 | Refusal['status'] } = {}) => {
  const { db } = c.var.deps;
  const recovery = await recoveryStatus(db);
  const uncovered = recovery ? await reportsWithoutRecovery(db) : 0;
  const pending = await pendingDisclosures(db);
  const handlers = await handlerDesignations(db);
  // live reports with their handlers (no content), for exclusion by the administrator
  const reports = await liveReports(db);
  const live = await Promise.all(reports.map(async (r) => ({ ...r, handlers: await handlersOf(db, r.id) })));
  const v = await pageView(c);
  return c.html(<AdminPage v={v} m={{ recovery, uncovered, pending, handlers, live, recovered: opts.recovered, errors: opts.errors }} />, opts.status ?? 200);
};

const sheetPage = async (c: Ctx, made: { text: string; fingerprint: string; rewrapped?: number; pending?: number }) =>
  c.html(<RecoverySheetPage v={await pageView(c)} made={made} />);

export function registerAdminRoutes(r: Router): void {
  r.get('/wbs/admin', 'wbs.admin', (c) => adminPage(c));

  // a second key is refused (409): it is replaced instead
  r.post('/wbs/admin/kunci-pemulihan', 'wbs.admin', formAction({
    shows: ['conflict'],
    run: async (c) => sheetPage(c, await setupRecoveryKey(c.var.deps.db, actorOf(c))),
    page: (c, refused) => adminPage(c, { errors: refused.errors, status: refused.status }),
  }));

  r.post('/wbs/admin/ganti-kunci-pemulihan', 'wbs.admin', formAction({
    input: rotateInput,
    run: async (c, input) => sheetPage(c, await rotateRecoveryKey(c.var.deps.db, actorOf(c), { oldText: input.old_key, oldLost: input.old_lost })),
    page: (c, refused) => adminPage(c, { errors: refused.errors, status: refused.status }),
  }));

  // refused as 400 whatever the refusal (a wrong key, or no recovery key set up), as it always was
  r.post('/wbs/admin/pulihkan', 'wbs.admin', formAction({
    run: async (c, form) => adminPage(c, { recovered: await recoverReports(c.var.deps.db, actorOf(c), form.key ?? '') }),
    page: (c, refused) => adminPage(c, { errors: refused.errors, status: 400 }),
  }));

  // a forged report or account id is not found; not a handler of the report, or a purged report: 400
  r.post('/wbs/admin/kecualikan/:id', 'wbs.admin', formAction({
    run: async (c, form) => {
      const id = c.req.param('id') ?? '';
      const account = form.account ?? '';
      if (!isUuid(id) || !isUuid(account)) throw notFound();
      await excludeHandler(c.var.deps.db, id, actorOf(c), account);
      return { to: '/wbs/admin', flash: 'wbs.handlers.excluded_done' };
    },
    page: (c, refused) => adminPage(c, { errors: { _: refused.error.code }, status: 400 }),
  }));

  r.post('/wbs/admin/ungkap/:id/:did', 'wbs.admin', formAction({
    shows: ['conflict'],
    run: async (c) => {
      await approveDisclosure(c.var.deps.db, c.req.param('id') ?? '', c.req.param('did') ?? '', actorOf(c));
      return { to: '/wbs/admin', flash: 'wbs.disclosure.approved' };
    },
    page: (c, refused) => adminPage(c, { errors: { _: refused.error.code }, status: refused.status }),
  }));
}
