// Routes of the worksheet item by item: the section pages, an item's page, its answer (autosave
// with JSON, or a plain post), the TPI's and TPN's values, and its evidence.
import { notFound, type DomainError } from '../../kernel/errors.ts';
import { formAction, type Refusal } from '../../kernel/forms.ts';
import { flash, pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { saveAnswer } from './assessment.service.ts';
import { itemsOfSection, itemValueText, needsEvidence, pct, pts, rawAnswerOf, sectionsOf } from './assessment.view.tsx';
import { itemPage, itemsPage, type EvidenceRefusal } from './items.pages.tsx';
import { addItemEvidence, evidenceErrorsOf, evidenceFormOf, removeItemEvidence, writableItem, type PostedEvidence } from './lke.evidence.ts';
import { flashBack, guarded, modelOf, safeBack, suggestionsOf, svc, wantsJson, worksheetOf, type LkeWiring } from './lke.http.ts';
import { getRuleSet } from './lke.ruleset.ts';
import { indexOf } from './lke.rules.ts';
import { canWriteLayer, type Layer } from './lke.workflow.ts';
import { evidenceCounts, itemEvidence } from './worksheet.queries.ts';

const ID = ':id{[0-9a-f-]{36}}';
const ITEM = `/lke/${ID}/items/:code{[A-Za-z0-9.]{1,24}}`;

/** The rule-set item of the path's :code in the worksheet's rule set (404 otherwise). */
function itemOfPath(rulesetId: string, c: Ctx) {
  const item = indexOf(getRuleSet(rulesetId)).items.get(c.req.param('code') ?? '');
  if (!item) throw notFound();
  return item;
}

export function registerItemRoutes(r: Router, w: LkeWiring) {
  // ---------------------------------------------------------------- a section (or a filter) of the items
  r.get(`/lke/${ID}/items`, 'lke.view', async (c) => {
    const v = await pageView(c);
    const l = await modelOf(c);
    const sections = sectionsOf(l.rs);
    const q = c.req.query();
    const section = q.section === 'all' || sections.some((s) => s.code === q.section) ? q.section! : sections[0]!.code;
    const filter = q.filter === 'noevidence' || q.filter === 'unanswered' ? q.filter : '';
    const counts = await evidenceCounts(c.var.deps.db, l);
    let items = filter ? l.rs.items : itemsOfSection(l.rs, section);
    if (filter === 'noevidence') items = items.filter((i) => needsEvidence(l.scores.unit, i.code, counts));
    if (filter === 'unanswered') items = items.filter((i) => l.scores.unit.unanswered.includes(i.code));
    return c.html(itemsPage(v, { l, sections, section, filter, items, counts }));
  });

  // ---------------------------------------------------------------- one item
  /** The item page, after a refusal with what it says (answer, or one of the evidence forms). */
  async function showItem(c: Ctx, refused: { answerError?: DomainError; form?: Record<string, string> | null; evidenceError?: EvidenceRefusal; status?: 400 | 409 } = {}) {
    const v = await pageView(c);
    const l = await modelOf(c);
    const item = itemOfPath(l.f.w.rulesetId, c);
    const canUnit = canWriteLayer('unit', l.state, l.roles.roles, item.area, l.roles.areas) && v.can('lke.answer', l.f.w.unitId);
    const { evidence, library } = await itemEvidence(c.var.deps.db, l, item.code, canUnit);
    const suggestion = (await suggestionsOf(c, w, l)).get(item.code);
    return c.html(itemPage(v, { l, item, evidence, library, suggestion, ...refused }), refused.status ?? 200);
  }

  r.get(ITEM, 'lke.view', (c) => showItem(c));

  r.post(ITEM, 'lke.answer', formAction({
    run: async (c, form) => {
      const f = await worksheetOf(c);
      const item = itemOfPath(f.w.rulesetId, c);
      const res = await saveAnswer(svc(c), c.var.scope!, { worksheetId: f.w.id, code: item.code, layer: 'unit', raw: rawAnswerOf(item, form), note: form.note ?? null, rev: form.rev ?? '' });
      if (wantsJson(c)) return c.json(await liveUpdate(c, item.code, res.rev));
      return { to: safeBack(form.back, f.w.id, item.code), flash: 'lke.answer.saved' };
    },
    page: (c, refused) => {
      // autosave reads the refusal as JSON (the error page's JSON form)
      if (wantsJson(c)) throw refused.error;
      // the page again with the message (it names the item), the user's input kept where it can be
      const kept = refused.error.kind === 'validation';
      return showItem(c, { answerError: refused.error, form: kept ? refused.form : null, status: kept ? 400 : 409 });
    },
  }));

  /** What autosave refreshes on the page after a save: the totals, the item's sub-area and value. */
  async function liveUpdate(c: Ctx, code: string, rev: string) {
    const v = await pageView(c);
    const l = await modelOf(c);
    const item = indexOf(l.rs).items.get(code)!;
    const s = l.scores.unit;
    const counts = await evidenceCounts(c.var.deps.db, l);
    const updates: Record<string, string> = {
      'unit:total': pts(v, s.total),
      'unit:answered': v.t('lke.progress.of', { n: v.num(l.rs.items.length - s.unanswered.length), max: v.num(l.rs.items.length) }),
      [`unit:node:${item.sub}`]: pts(v, s.nodes[item.sub]!.score),
      [`unit:nodepct:${item.sub}`]: pct(v, s.nodes[item.sub]!.percent),
      [`unit:item:${code}`]: itemValueText(v, l, item),
    };
    return { ok: true, rev, updates, warnEvidence: needsEvidence(s, code, counts) };
  }

  // ---------------------------------------------------------------- the TPI's and the TPN's values
  const reviewAction = (layer: Layer) => formAction({
    run: async (c, form) => {
      const f = await worksheetOf(c);
      const item = itemOfPath(f.w.rulesetId, c);
      const accept = form.accept === '1';
      await saveAnswer(svc(c), c.var.scope!, { worksheetId: f.w.id, code: item.code, layer, raw: accept ? null : rawAnswerOf(item, form), note: form.note ?? null, rev: form.rev ?? '', accept });
      return { to: safeBack(form.back, f.w.id, item.code, `#${layer === 'tpi' ? 'review' : 'tpn'}`), flash: accept ? 'lke.review.accepted_flash' : 'lke.review.saved' };
    },
    page: (c, refused: Refusal) => refused.error.kind === 'validation'
      ? showItem(c, { answerError: refused.error, status: 400 })
      : flashBack(c, refused.error.code, `/lke/${c.req.param('id')}/items/${c.req.param('code')}`),
  });
  r.post(`${ITEM}/review`, 'lke.review', reviewAction('tpi'));
  r.post(`${ITEM}/tpn`, 'lke.review', reviewAction('tpn'));

  // ---------------------------------------------------------------- evidence of an item
  /** Refused before the body is read, on the error page: an unknown item (404), a locked one (409). */
  const evidenceWritable = async (c: Ctx) => writableItem(c.var.actor, await worksheetOf(c), c.req.param('code') ?? '');

  /** The evidence forms' fields as posted (the upload's file field told apart from nothing posted). */
  async function postedEvidence(c: Ctx, form: Record<string, string>, files: Record<string, File[]>): Promise<PostedEvidence> {
    // the pipeline keeps only chosen files; whether the file field came at all is in the (cached) body
    const body = await c.req.parseBody();
    return { form, file: files.file?.[0] ?? null, fileField: 'file' in body };
  }

  r.post(`${ITEM}/evidence`, 'lke.answer', { files: 1 }, guarded(evidenceWritable, formAction({
    files: ['file'],
    run: async (c, form, posted) => {
      const f = await worksheetOf(c);
      const item = writableItem(c.var.actor, f, c.req.param('code') ?? '');
      await addItemEvidence({ db: c.var.deps.db, files: c.var.deps.files, actor: c.var.actor! }, f, item.code, await postedEvidence(c, form, posted.files));
      return { to: `/lke/${f.w.id}/items/${item.code}#evidence`, flash: 'lke.evidence.added' };
    },
    page: async (c, refused) => {
      if (refused.error.kind === 'conflict') return showItem(c, { answerError: refused.error, status: 409 });
      // the error beside the field of the form that was posted, the typed values kept
      // (an upload refused and no form at all put their error at the same field, the file)
      const kind = evidenceFormOf({ form: refused.form, file: null, fileField: false });
      const form = { title: refused.form.title ?? '', url: refused.form.url ?? '', linkTitle: refused.form.linkTitle ?? '' };
      return showItem(c, { evidenceError: { errors: evidenceErrorsOf(refused.error, kind), params: refused.error.params, form }, status: 400 });
    },
  })));

  r.post(`${ITEM}/evidence/:link{[0-9a-f-]{36}}/delete`, 'lke.answer', async (c) => {
    const f = await worksheetOf(c);
    const item = writableItem(c.var.actor, f, c.req.param('code') ?? '');
    await removeItemEvidence(c.var.deps.db, c.var.actor!, f, item.code, c.req.param('link')!);
    flash(c, 'success', 'lke.evidence.removed');
    return c.redirect(`/lke/${f.w.id}/items/${item.code}#evidence`, 303);
  });
}
