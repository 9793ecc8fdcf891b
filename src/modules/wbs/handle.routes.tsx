// Handlers' WBS routes: /wbs/kelola (unlock, list), /wbs/kelola/:id (detail, attachment download,
// reply, state, exclusion, identity disclosure and its approval). A report outside the handler's
// designation, or one they are excluded from, is not found.
import { formAction, type Done, type Posted, type Refusal } from '../../kernel/forms.ts';
import { notFound } from '../../kernel/errors.ts';
import { pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { isUuid } from '../../kernel/validate.ts';
import { HandlerListPage, NoKeyPage, ReportDetailPage } from './handle.pages.tsx';
import { actorOf, serviceDeps, uploadsOf } from './wbs.http.ts';
import { TRANSITIONS, WBS_RULES } from './wbs.rules.ts';
import {
  addMessage, approveDisclosure, changeState, disclosedIdentity, downloadAttachment, excludeHandler, handlerAccess, handlersOf, listDisclosures, listForHandler,
  readReport, replaceHandlerKey, requestDisclosure, unlockedKey, unlockHandler,
} from './wbs.service.ts';

const listPage = async (c: Ctx, opts: { stale?: boolean; refused?: Refusal } = {}) => {
  const actor = c.var.actor!;
  const unlocked = !!unlockedKey(c.var.session!.id, actor.accountId);
  const rows = await listForHandler(c.var.deps.db, actor.accountId);
  const v = await pageView(c);
  return c.html(<HandlerListPage v={v} m={{ rows, unlocked, stale: opts.stale, errors: opts.refused?.errors }} />, opts.refused?.status ?? 200);
};

/** The report's key for this handler, or a response (locked → the unlock page; no key yet → said so, 403). */
const access = async (c: Ctx, id: string): Promise<Buffer | Response> => {
  const a = await handlerAccess(c.var.deps.db, c.var.actor!.accountId, c.var.session!.id, id);
  if (a.kind === 'open') return a.dataKey;
  if (a.kind === 'locked') return c.redirect('/wbs/kelola', 303);
  return c.html(<NoKeyPage v={await pageView(c)} />, 403);
};

/** The report opened with the handler's key; reading an approved disclosure's identity is audited by the service. */
const detailPage = async (c: Ctx, id: string, dataKey: Buffer, refused?: Refusal) => {
  const { db } = c.var.deps;
  const rep = await readReport(db, id, dataKey);
  const handlers = await handlersOf(db, id);
  const disclosures = await listDisclosures(db, id, dataKey);
  const identity = rep.hasIdentity ? await disclosedIdentity(db, id, dataKey, actorOf(c)) : null;
  const v = await pageView(c);
  const m = { rep, handlers, disclosures, identity, next: TRANSITIONS[rep.state], me: c.var.actor!.accountId, errors: refused?.errors };
  return c.html(<ReportDetailPage v={v} m={m} />, refused?.status ?? 200);
};

type OnReport = (c: Ctx, id: string, key: Buffer, form: Record<string, string>, posted: Posted) => Promise<Done>;

export function registerHandleRoutes(r: Router): void {
  r.get('/wbs/kelola', 'wbs.handle', (c) => listPage(c));

  r.post('/wbs/kelola/buka', 'wbs.handle', formAction({
    shows: ['validation'],
    run: async (c, form) => {
      const res = await unlockHandler(c.var.deps.db, c.var.actor!.accountId, form.password ?? '', c.var.session!.id);
      if (res === 'stale') return listPage(c, { stale: true });
      return { to: '/wbs/kelola', flash: res === 'created' ? 'wbs.unlock.created' : 'wbs.unlock.done' };
    },
    page: (c, refused) => listPage(c, { refused }),
  }));

  r.post('/wbs/kelola/kunci-baru', 'wbs.handle', formAction({
    shows: ['validation'],
    run: async (c, form) => {
      await replaceHandlerKey(c.var.deps.db, c.var.actor!.accountId, form.password ?? '', c.var.session!.id);
      return { to: '/wbs/kelola', flash: 'wbs.unlock.replaced' };
    },
    page: (c, refused) => listPage(c, { refused, stale: true }),
  }));

  /**
   * A handler's form on one report: the report's key first (locked → the unlock page; no key → said
   * so), then the pipeline; a refusal shows the report again with the errors (400, or 409 for a
   * conflict such as a state that cannot follow).
   */
  const onReport = (path: string, run: OnReport, opts: { files?: boolean; shows?: readonly ('validation' | 'conflict')[] } = {}) =>
    r.post(`/wbs/kelola/:id${path}`, 'wbs.handle', opts.files ? { files: WBS_RULES.attachments.maxFiles } : {}, async (c) => {
      const id = c.req.param('id') ?? '';
      const key = await access(c, id);
      if (key instanceof Response) return key;
      return formAction({
        files: opts.files ? ['files'] : [],
        shows: opts.shows,
        run: (c, form, posted) => run(c, id, key, form, posted),
        page: (c, refused) => detailPage(c, id, key, refused),
      })(c);
    });

  r.get('/wbs/kelola/:id', 'wbs.handle', async (c) => {
    const id = c.req.param('id') ?? '';
    const key = await access(c, id);
    return key instanceof Response ? key : detailPage(c, id, key);
  });

  r.get('/wbs/kelola/:id/lampiran/:att', 'wbs.handle', async (c) => {
    const id = c.req.param('id') ?? '';
    const key = await access(c, id);
    if (key instanceof Response) return key;
    const att = c.req.param('att') ?? '';
    if (!isUuid(att)) throw notFound();
    const { meta, bytes } = await downloadAttachment(c.var.deps.files, c.var.deps.db, id, att, key, actorOf(c));
    const ascii = meta.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': meta.mime, 'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(meta.name)}`,
      'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store',
    });
  });

  onReport('/balas', async (c, id, key, form, posted) => {
    await addMessage(serviceDeps(c), id, key, { kind: 'handler', actor: actorOf(c) }, form.body ?? '', await uploadsOf(posted.files.files));
    return { to: `/wbs/kelola/${id}`, flash: 'wbs.reply.sent' };
  }, { files: true });

  onReport('/status', async (c, id, key, form) => {
    await changeState(serviceDeps(c), id, key, actorOf(c), form.state ?? '', form.note ?? '');
    return { to: `/wbs/kelola/${id}`, flash: 'wbs.state.changed' };
  });

  // excluding oneself (recusal) leaves the report: back to the list
  onReport('/kecualikan', async (c, id, _key, form) => {
    const account = form.account ?? '';
    if (!isUuid(account)) throw notFound();
    await excludeHandler(c.var.deps.db, id, actorOf(c), account);
    return account === c.var.actor!.accountId
      ? { to: '/wbs/kelola', flash: 'wbs.handlers.excluded_done_self' }
      : { to: `/wbs/kelola/${id}`, flash: 'wbs.handlers.excluded_done' };
  });

  onReport('/ungkap', async (c, id, key, form) => {
    await requestDisclosure(c.var.deps.db, id, key, actorOf(c), form.reason ?? '');
    return { to: `/wbs/kelola/${id}`, flash: 'wbs.disclosure.requested' };
  });

  // the second person's approval: only a conflict (the requester themself, already approved) is shown on the page
  r.post('/wbs/kelola/:id/ungkap/:did/setujui', 'wbs.handle', async (c) => {
    const id = c.req.param('id') ?? '';
    const key = await access(c, id);
    if (key instanceof Response) return key;
    return formAction({
      shows: ['conflict'],
      run: async (c) => {
        await approveDisclosure(c.var.deps.db, id, c.req.param('did') ?? '', actorOf(c));
        return { to: `/wbs/kelola/${id}`, flash: 'wbs.disclosure.approved' };
      },
      page: (c, refused) => detailPage(c, id, key, refused),
    })(c);
  });
}
