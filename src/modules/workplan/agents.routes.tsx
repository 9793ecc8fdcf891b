// Agen perubahan page: a unit's agents for a year, their concrete changes with evidence, whether
// each change is integrated into the management system, and what the counts give in the LKE.
import { inScope } from '../../kernel/access.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import { flash, formOf, pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { Badge, Csrf, ErrorSummary, FileField, PageHeader, SelectField, SummaryList, TextAreaField, TextField } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { listRuleSets, scoreAnswers } from '../assessment/index.ts';
import { attachUrl, listEvidenceFor, uploadEvidence, type EvidenceLinkView } from '../evidence/index.ts';
import { AGENT_SUBJECT, CHANGE_SUBJECT, changeAgentInputs, findAgent, findChange, listAgents, type ChangeAgentInputs, type ChangeRow } from './agents.queries.ts';
import { addChange, designateAgent, removeAgent, removeChange, today, updateChange } from './agents.service.ts';
import { peopleOfUnit } from './team.queries.ts';
import { errorTexts, unitAndYear, UnitYearFilter } from './team.routes.tsx';
import { checkYear, isUuid } from './team.service.ts';

/** What the counts give under the current LKE rule set: the percentages of A.II.1.i.a and A.II.1.i.b. */
export function lkePercents(inputs: ChangeAgentInputs): { ruleset: string; a: number | null; b: number | null } | null {
  const rs = listRuleSets().find((r) => r.status === 'current');
  if (!rs) return null;
  const res = scoreAnswers(rs, {
    'A.II.1.i.a': { inputs: { agents: inputs.agents, changes: inputs.changes } },
    'A.II.1.i.b': { inputs: { changes: inputs.changes, integrated: inputs.integrated } },
  });
  const pct = (code: string) => {
    const it = res.items[code];
    if (!it || it.value === null) return null;
    return it.rawPercent ?? it.value * 100;
  };
  return { ruleset: rs.id, a: pct('A.II.1.i.a'), b: pct('A.II.1.i.b') };
}

function EvidenceList({ v, items }: { v: View; items: EvidenceLinkView[] }) {
  if (!items.length) return null;
  return <ul class="evidence-list">{items.map((e) => <li>{e.fileId ? <a href={`/evidence/files/${e.fileId}`}>{e.title}</a> : <a href={e.url ?? '#'} rel="noopener noreferrer">{e.title}</a>}</li>)}</ul>;
}

function ChangeFields({ v, f, ch }: { v: View; f: Record<string, string>; ch?: ChangeRow }) {
  const integrated = f.integrated ?? (ch ? (ch.integrated ? 'yes' : 'no') : 'no');
  return (<>
    <TextField v={v} name="title" label={v.t('workplan.change.title')} required maxlength={200} value={f.title ?? ch?.title} />
    <TextAreaField v={v} name="description" label={v.t('workplan.change.description')} rows={3} maxlength={4000} value={f.description ?? ch?.description ?? ''} />
    <TextField v={v} name="implementedOn" type="date" width="short" label={v.t('workplan.change.implemented_on')} hint={v.t('workplan.change.implemented_on_hint')} required value={f.implementedOn ?? ch?.implementedOn} />
    <SelectField v={v} name="integrated" label={v.t('workplan.change.integrated')} hint={v.t('workplan.change.integrated_hint')} required value={integrated}
      options={[{ value: 'yes', label: v.t('workplan.tk.yes') }, { value: 'no', label: v.t('workplan.tk.no') }]} />
    <TextField v={v} name="integratedNote" label={v.t('workplan.change.integrated_note')} maxlength={2000} value={f.integratedNote ?? ch?.integratedNote} />
  </>);
}

const idOf = (c: Ctx): string => c.req.param('id') ?? '';

interface PageOpts { unitId?: string; year?: number; errors?: Record<string, string>; form?: Record<string, string>; status?: 200 | 400 | 409 }

export function registerAgentsRoutes(r: Router) {
  const page = async (c: Ctx, opts: PageOpts = {}) => {
    const { deps } = c.var;
    const { units, unit, year } = await unitAndYear(c, { unitId: opts.unitId, year: opts.year });
    const v = await pageView(c);
    const title = v.t('workplan.agents.title');
    const crumbs = [{ href: '/', label: v.t('nav.home') }, { label: title }];
    if (!unit) return c.html(<Layout v={v} title={title} crumbs={crumbs}><PageHeader title={title} lead={v.t('workplan.tk.no_unit')} /></Layout>);
    const list = await listAgents(deps.db, unit.id, year);
    const inputs = await changeAgentInputs(deps.db, unit.id, year);
    const pct = lkePercents(inputs);
    const canEdit = v.can('workplan.agents.manage', unit.id);
    const candidates = canEdit ? await peopleOfUnit(deps.db, unit.id) : [];
    const ev = new Map<string, EvidenceLinkView[]>();
    for (const a of list) {
      ev.set(a.id, [...(await listEvidenceFor(deps.db, AGENT_SUBJECT, a.id)).values()].flat());
      for (const ch of a.changes) ev.set(ch.id, [...(await listEvidenceFor(deps.db, CHANGE_SUBJECT, ch.id)).values()].flat());
    }
    const errors = opts.errors;
    const f = opts.form ?? {};
    const hidden = <><Csrf v={v} /><input type="hidden" name="unitId" value={unit.id} /><input type="hidden" name="year" value={String(year)} /></>;
    const pctText = (p: number | null) => (p === null ? '—' : `${v.num(p, 2)} %`);
    return c.html(
      <Layout v={v} title={title} crumbs={crumbs}>
        <PageHeader title={title} lead={v.t('workplan.agents.lead', { unit: unit.name, year: String(year) })} />
        <UnitYearFilter v={v} action="/agen-perubahan" units={units} unitId={unit.id} year={year} />
        {errors ? <ErrorSummary v={v} texts={errors} /> : null}
        <section class="card" id="lke-inputs">
          <h2>{v.t('workplan.agents.counts')}</h2>
          <SummaryList rows={[
            [v.t('workplan.agents.count.agents'), <span data-count="agents">{v.num(inputs.agents)}</span>],
            [v.t('workplan.agents.count.changes'), <span data-count="changes">{v.num(inputs.changes)}</span>],
            [v.t('workplan.agents.count.integrated'), <span data-count="integrated">{v.num(inputs.integrated)}</span>],
            ...(pct ? [
              [v.t('workplan.agents.lke_a'), <span data-percent="A.II.1.i.a">{pctText(pct.a)}</span>],
              [v.t('workplan.agents.lke_b'), <span data-percent="A.II.1.i.b">{pctText(pct.b)}</span>],
            ] as [string, ReturnType<typeof EvidenceList>][] : []),
          ]} />
          <p class="muted">{v.t('workplan.agents.count_rule')}</p>
        </section>

        {canEdit ? (
          <section class="card">
            <h2>{v.t('workplan.agents.designate')}</h2>
            <form method="post" action="/agen-perubahan" class="form" novalidate>
              {hidden}
              <SelectField v={v} name="personId" label={v.t('workplan.tk.person')} required value={f.personId} placeholder={v.t('workplan.tk.choose')}
                options={candidates.map((p) => ({ value: p.id, label: `${p.name} — ${p.position}${p.unitId !== unit.id ? ` (${p.unitName})` : ''}` }))} />
              <TextField v={v} name="decreeNumber" label={v.t('workplan.tk.decree.number')} maxlength={100} value={f.decreeNumber} />
              <TextField v={v} name="decreeDate" type="date" width="short" label={v.t('workplan.tk.decree.date')} value={f.decreeDate} />
              <button class="button button--primary" type="submit">{v.t('workplan.agents.designate_submit')}</button>
            </form>
          </section>
        ) : null}

        {list.length === 0 ? <p class="muted">{v.t('workplan.agents.empty', { year: String(year) })}</p> : null}
        {list.map((a) => (
          <section class="card agent" id={`agent-${a.id}`}>
            <h2>{a.name}</h2>
            <p class="muted">{a.position}{a.personUnitId !== unit.id ? ` — ${v.t('workplan.agents.now_in', { unit: a.personUnitName })}` : ''}{a.personActive ? '' : ` — ${v.t('workplan.agents.inactive')}`}</p>
            <p>{a.decreeNumber ? v.t('workplan.agents.decree', { number: a.decreeNumber, date: a.decreeDate ? v.date(a.decreeDate) : '—' }) : v.t('workplan.agents.no_decree')}</p>
            <EvidenceList v={v} items={ev.get(a.id) ?? []} />
            {a.changes.length ? (
              <ol class="changes">
                {a.changes.map((ch) => (
                  <li>
                    <strong>{ch.title}</strong> {ch.integrated ? <Badge tone="success">{v.t('workplan.change.is_integrated')}</Badge> : <Badge tone="neutral">{v.t('workplan.change.not_integrated')}</Badge>}
                    <br /><span class="muted">{ch.implementedOn ? v.t('workplan.change.implemented', { date: v.date(ch.implementedOn) }) : ''}{ch.integratedNote ? ` — ${ch.integratedNote}` : ''}</span>
                    {ch.description ? <p>{ch.description}</p> : null}
                    <EvidenceList v={v} items={ev.get(ch.id) ?? []} />
                    {canEdit ? <p><a href={`/agen-perubahan/changes/${ch.id}?unit=${unit.id}&year=${year}`}>{v.t('workplan.change.edit')}</a></p> : null}
                  </li>
                ))}
              </ol>
            ) : <p class="muted">{v.t('workplan.change.none')}</p>}
            {canEdit ? (<>
              <details>
                <summary>{v.t('workplan.change.add')}</summary>
                <form method="post" action={`/agen-perubahan/${a.id}/changes`} class="form" novalidate>
                  {hidden}
                  <ChangeFields v={v} f={f.agentId === a.id ? f : {}} />
                  <button class="button button--primary" type="submit">{v.t('workplan.change.add')}</button>
                </form>
              </details>
              <details>
                <summary>{v.t('workplan.agents.decree_file')}</summary>
                <form method="post" action={`/agen-perubahan/${a.id}/decree`} enctype="multipart/form-data" class="form" novalidate>
                  {hidden}
                  <FileField v={v} name="file" id={`file-${a.id}`} label={v.t('workplan.tk.decree.file')} hint={v.t('workplan.tk.decree.file_hint')} required />
                  <button class="button" type="submit">{v.t('workplan.tk.upload')}</button>
                </form>
              </details>
              <form method="post" action={`/agen-perubahan/${a.id}/delete`} class="inline-form" novalidate>{hidden}
                <button class="button button--secondary" type="submit">{v.t('workplan.agents.remove')}</button></form>
            </>) : null}
          </section>
        ))}
      </Layout>,
      opts.status ?? 200,
    );
  };

  r.get('/agen-perubahan', 'workplan.agents.view', (c) => page(c));

  const target = (c: Ctx, form: Record<string, string>) => {
    const unitId = form.unitId ?? '';
    if (!isUuid(unitId) || !inScope(c.var.scope!, unitId)) throw notFound();
    let year: number;
    try { year = checkYear(form.year); } catch { throw notFound(); }
    return { unitId, year };
  };

  const change = async (c: Ctx, form: Record<string, string>, fallbackField: string, run: (unitId: string, year: number) => Promise<string>,
    onError?: (unitId: string, year: number, errors: Record<string, string>, status: 400 | 409) => Promise<Response>) => {
    const { unitId, year } = target(c, form);
    try {
      const key = await run(unitId, year);
      flash(c, 'success', key);
      return c.redirect(`/agen-perubahan?unit=${unitId}&year=${year}`, 303);
    } catch (err) {
      if (err instanceof DomainError && (err.kind === 'validation' || err.kind === 'conflict')) {
        const errors = errorTexts(c, err, fallbackField);
        const status = err.kind === 'conflict' ? 409 : 400;
        return onError ? onError(unitId, year, errors, status) : page(c, { unitId, year, errors, form, status });
      }
      throw err;
    }
  };

  r.post('/agen-perubahan', 'workplan.agents.manage', async (c) => {
    const form = await formOf(c);
    return change(c, form, 'personId', async (unitId, year) => {
      await designateAgent(c.var.deps.db, c.var.actor!, unitId, year, form);
      return 'workplan.agents.designated';
    });
  });

  r.post('/agen-perubahan/:id{[0-9a-f-]{36}}/delete', 'workplan.agents.manage', async (c) => {
    const form = await formOf(c);
    return change(c, form, 'personId', async (unitId) => {
      await removeAgent(c.var.deps.db, c.var.actor!, unitId, idOf(c));
      return 'workplan.agents.removed';
    });
  });

  r.post('/agen-perubahan/:id{[0-9a-f-]{36}}/changes', 'workplan.agents.manage', async (c) => {
    const form = await formOf(c);
    form.agentId = idOf(c);
    return change(c, form, 'title', async (unitId) => {
      await addChange(c.var.deps.db, c.var.actor!, unitId, idOf(c), form);
      return 'workplan.change.added';
    });
  });

  r.post('/agen-perubahan/:id{[0-9a-f-]{36}}/decree', 'workplan.agents.manage', { files: 1 }, async (c) => {
    const body = await c.req.parseBody();
    const form = { unitId: String(body.unitId ?? ''), year: String(body.year ?? '') };
    return change(c, form, 'file', async (unitId) => {
      const agent = await findAgent(c.var.deps.db, unitId, idOf(c));
      if (!agent) throw notFound();
      const file = body.file;
      if (!(file instanceof File)) throw new DomainError('validation', 'workplan.tk.file.required', {}, { file: 'workplan.tk.file.required' });
      await uploadEvidence(c.var.deps.db, c.var.deps.files, c.var.actor!, {
        unitId, bytes: new Uint8Array(await file.arrayBuffer()), originalName: file.name, title: null,
        attachTo: { subjectType: AGENT_SUBJECT, subjectId: agent.id, subjectKey: '' },
      });
      return 'workplan.agents.decree_uploaded';
    });
  });

  // ---- one change: edit, remove, evidence ----------------------------------------------------
  const changePage = async (c: Ctx, unitId: string, year: number, changeId: string, opts: { errors?: Record<string, string>; form?: Record<string, string>; status?: 200 | 400 | 409 } = {}) => {
    const found = isUuid(changeId) ? await findChange(c.var.deps.db, unitId, changeId) : undefined;
    if (!found) throw notFound();
    const v = await pageView(c);
    const title = v.t('workplan.change.edit');
    const items = [...(await listEvidenceFor(c.var.deps.db, CHANGE_SUBJECT, changeId)).values()].flat();
    const back = `/agen-perubahan?unit=${unitId}&year=${year}`;
    const hidden = <><Csrf v={v} /><input type="hidden" name="unitId" value={unitId} /><input type="hidden" name="year" value={String(year)} /></>;
    const f = opts.form ?? {};
    return c.html(
      <Layout v={v} title={title} crumbs={[{ href: '/', label: v.t('nav.home') }, { href: back, label: v.t('workplan.agents.title') }, { label: found.change.title }]}>
        <PageHeader title={title} lead={found.change.title} />
        {opts.errors ? <ErrorSummary v={v} texts={opts.errors} /> : null}
        <section class="card">
          <form method="post" action={`/agen-perubahan/changes/${changeId}`} class="form" novalidate>
            {hidden}
            <ChangeFields v={v} f={f} ch={found.change} />
            <button class="button button--primary" type="submit">{v.t('workplan.tk.save')}</button>
          </form>
        </section>
        <section class="card">
          <h2>{v.t('workplan.change.evidence')}</h2>
          <EvidenceList v={v} items={items} />
          {items.length ? null : <p class="muted">{v.t('workplan.tk.files.none')}</p>}
          <form method="post" action={`/agen-perubahan/changes/${changeId}/evidence`} enctype="multipart/form-data" class="form" novalidate>
            {hidden}
            <FileField v={v} name="file" label={v.t('workplan.change.evidence_file')} hint={v.t('workplan.tk.decree.file_hint')} />
            <TextField v={v} name="url" type="url" label={v.t('workplan.change.evidence_url')} hint={v.t('workplan.change.evidence_url_hint')} value={f.url} />
            <TextField v={v} name="urlTitle" label={v.t('workplan.change.evidence_url_title')} value={f.urlTitle} />
            <button class="button" type="submit">{v.t('workplan.change.evidence_add')}</button>
          </form>
        </section>
        <form method="post" action={`/agen-perubahan/changes/${changeId}/delete`} class="inline-form" novalidate>{hidden}
          <button class="button button--secondary" type="submit">{v.t('workplan.change.remove')}</button></form>
        <p><a href={back}>{v.t('workplan.tk.back')}</a></p>
      </Layout>,
      opts.status ?? 200,
    );
  };

  r.get('/agen-perubahan/changes/:id{[0-9a-f-]{36}}', 'workplan.agents.manage', async (c) => {
    const { unitId, year } = target(c, { unitId: c.req.query('unit') ?? '', year: c.req.query('year') ?? '' });
    return changePage(c, unitId, year, idOf(c));
  });

  r.post('/agen-perubahan/changes/:id{[0-9a-f-]{36}}', 'workplan.agents.manage', async (c) => {
    const form = await formOf(c);
    const id = idOf(c);
    return change(c, form, 'title', async (unitId) => {
      await updateChange(c.var.deps.db, c.var.actor!, unitId, id, form);
      return 'workplan.change.saved';
    }, (unitId, year, errors, status) => changePage(c, unitId, year, id, { errors, form, status }));
  });

  r.post('/agen-perubahan/changes/:id{[0-9a-f-]{36}}/delete', 'workplan.agents.manage', async (c) => {
    const form = await formOf(c);
    return change(c, form, 'title', async (unitId) => {
      await removeChange(c.var.deps.db, c.var.actor!, unitId, idOf(c));
      return 'workplan.change.removed';
    });
  });

  r.post('/agen-perubahan/changes/:id{[0-9a-f-]{36}}/evidence', 'workplan.agents.manage', { files: 1 }, async (c) => {
    const body = await c.req.parseBody();
    const form = { unitId: String(body.unitId ?? ''), year: String(body.year ?? ''), url: String(body.url ?? ''), urlTitle: String(body.urlTitle ?? '') };
    const id = idOf(c);
    return change(c, form, 'file', async (unitId) => {
      const found = await findChange(c.var.deps.db, unitId, id);
      if (!found) throw notFound();
      const subject = { subjectType: CHANGE_SUBJECT, subjectId: id, subjectKey: '' };
      const file = body.file;
      if (file instanceof File && file.size > 0) {
        await uploadEvidence(c.var.deps.db, c.var.deps.files, c.var.actor!, { unitId, bytes: new Uint8Array(await file.arrayBuffer()), originalName: file.name, title: null, attachTo: subject });
      } else if (form.url.trim()) {
        await attachUrl(c.var.deps.db, c.var.actor!, { unitId, url: form.url, title: form.urlTitle || form.url, ...subject });
      } else {
        throw new DomainError('validation', 'workplan.tk.file.required', {}, { file: 'workplan.tk.file.required' });
      }
      return 'workplan.change.evidence_added';
    }, (unitId, year, errors, status) => changePage(c, unitId, year, id, { errors, form, status }));
  });
}

export { today };
