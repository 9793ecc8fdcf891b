// Tim Kerja ZI page: a unit's team for a year — decree, how members were selected, decree files
// (through the evidence module), members with their roles, and composition checks in words.
import { inScope } from '../../kernel/access.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import { currentYear } from '../../kernel/workdays.ts';
import { currentUnitOf, flash, formOf, pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { Badge, Csrf, DataTable, ErrorSummary, FileField, PageHeader, SelectField, SummaryList, TextAreaField, TextField } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { listEvidenceFor, uploadEvidence } from '../evidence/index.ts';
import { listUnits } from '../org/index.ts';
import { AREAS, findTeam, listMembers, peopleOfUnit, SELECTIONS, TEAM_ROLES, TEAM_SUBJECT, unitFamily } from './team.queries.ts';
import { addMember, checkYear, isUuid, removeMember, saveTeam } from './team.service.ts';

const POSITION_CLASS_KEYS = ['jpt', 'administrator', 'pengawas', 'fungsional', 'pelaksana'];

/** The years offered: two back, this one, next. */
export function yearChoices(now = new Date()): number[] {
  const y = currentYear(now);
  return [y - 2, y - 1, y, y + 1];
}

/** The unit (in the actor's scope) and year a workplan page works on. */
export async function unitAndYear(c: Ctx, given?: { unitId?: string; year?: number }) {
  const { deps, scope } = c.var;
  const units = await listUnits(deps.db, scope!);
  const wanted = given?.unitId ?? c.req.query('unit');
  const current = currentUnitOf(c);
  const unit = units.find((u) => u.id === wanted) ?? (wanted ? undefined : units.find((u) => u.id === current) ?? units[0]);
  if (wanted && !unit) throw notFound();
  const qy = Number(given?.year ?? c.req.query('year'));
  const year = Number.isInteger(qy) && qy >= 2015 && qy <= 2100 ? qy : currentYear();
  return { units, unit, year };
}

/** Unit and year selector (GET form). */
export function UnitYearFilter(props: { v: View; action: string; units: { id: string; shortName: string }[]; unitId: string; year: number }) {
  const { v } = props;
  const years = [...new Set([...yearChoices(), props.year])].sort();
  return (
    <form method="get" action={props.action} class="filters" novalidate>
      {props.units.length > 1 ? (
        <div class="field"><label class="field__label" for="unit">{v.t('workplan.tk.filter.unit')}</label>
          <select class="input" id="unit" name="unit">{props.units.map((u) => <option value={u.id} selected={u.id === props.unitId}>{u.shortName}</option>)}</select></div>
      ) : <input type="hidden" name="unit" value={props.unitId} />}
      <div class="field"><label class="field__label" for="year">{v.t('workplan.tk.filter.year')}</label>
        <select class="input input--short" id="year" name="year">{years.map((y) => <option value={String(y)} selected={y === props.year}>{String(y)}</option>)}</select></div>
      <div class="filters__actions"><button class="button" type="submit">{v.t('workplan.tk.filter.show')}</button></div>
    </form>
  );
}

/** Field errors of a refused change as translated texts, for the error summary. */
export function errorTexts(c: Ctx, err: DomainError, fallbackField: string): Record<string, string> {
  const fields = Object.keys(err.fieldErrors);
  return fields.length ? Object.fromEntries(fields.map((f) => [f, c.var.t(err.fieldErrors[f], err.params)])) : { [fallbackField]: c.var.t(err.code, err.params) };
}

const roleLabel = (v: View, role: string, area: number | null) =>
  role === 'coordinator' ? v.t('workplan.team.role.coordinator_area', { area: area ?? '?' }) : v.t(`workplan.team.role.${role}`);

interface PageOpts { unitId?: string; year?: number; errors?: Record<string, string>; form?: Record<string, string>; status?: 200 | 400 | 409 }

export function registerTeamRoutes(r: Router) {
  const page = async (c: Ctx, opts: PageOpts = {}) => {
    const { deps } = c.var;
    const { units, unit, year } = await unitAndYear(c, { unitId: opts.unitId, year: opts.year });
    const v = await pageView(c);
    const title = v.t('workplan.team.title');
    const crumbs = [{ href: '/', label: v.t('nav.home') }, { label: title }];
    if (!unit) {
      return c.html(<Layout v={v} title={title} crumbs={crumbs}><PageHeader title={title} lead={v.t('workplan.tk.no_unit')} /></Layout>);
    }
    const team = await findTeam(deps.db, unit.id, year);
    const members = team ? await listMembers(deps.db, team.id) : [];
    const files = team ? [...(await listEvidenceFor(deps.db, TEAM_SUBJECT, team.id)).values()].flat() : [];
    const canEdit = v.can('workplan.team.manage', unit.id);
    const candidates = canEdit ? await peopleOfUnit(deps.db, unit.id) : [];
    const family = await unitFamily(deps.db, unit.id);
    const errors = opts.errors;
    const f = opts.form ?? {};
    const hidden = <><Csrf v={v} /><input type="hidden" name="unitId" value={unit.id} /><input type="hidden" name="year" value={String(year)} /></>;

    // composition in words
    const ketua = members.filter((m) => m.role === 'ketua');
    const covered = new Set(members.filter((m) => m.role === 'coordinator').map((m) => m.area));
    const missingAreas = AREAS.filter((a) => !covered.has(a));
    const unitsIn = new Set(members.map((m) => m.unitId));
    const classesIn = new Set(members.map((m) => m.positionClass));
    const classesMissing = POSITION_CLASS_KEYS.filter((k) => !classesIn.has(k));
    const check = (ok: boolean, text: string) => <li>{ok ? <Badge tone="success">{v.t('workplan.tk.check.ok')}</Badge> : <Badge tone="warning">{v.t('workplan.tk.check.todo')}</Badge>} {text}</li>;

    return c.html(
      <Layout v={v} title={title} crumbs={crumbs}>
        <PageHeader title={title} lead={v.t('workplan.team.lead', { unit: unit.name, year: String(year) })} />
        <UnitYearFilter v={v} action="/tim-zi" units={units} unitId={unit.id} year={year} />
        {errors ? <ErrorSummary v={v} texts={errors} /> : null}
        {team ? (
          <section class="card">
            <h2>{v.t('workplan.team.composition')}</h2>
            <ul class="checklist">
              {check(ketua.length === 1, ketua.length === 1 ? v.t('workplan.team.check.ketua', { name: ketua[0].name }) : v.t('workplan.team.check.no_ketua'))}
              {check(members.some((m) => m.role === 'sekretaris'), members.some((m) => m.role === 'sekretaris') ? v.t('workplan.team.check.sekretaris') : v.t('workplan.team.check.no_sekretaris'))}
              {check(missingAreas.length === 0, missingAreas.length === 0 ? v.t('workplan.team.check.areas_all') : v.t('workplan.team.check.areas_missing', { areas: missingAreas.join(', ') }))}
              {check(family.every((u) => unitsIn.has(u.id)), v.t('workplan.team.check.units', {
                have: family.filter((u) => unitsIn.has(u.id)).map((u) => u.shortName).join(', ') || '—',
                missing: family.filter((u) => !unitsIn.has(u.id)).map((u) => u.shortName).join(', ') || '—',
              }))}
              {check(classesMissing.length === 0, v.t('workplan.team.check.classes', {
                have: POSITION_CLASS_KEYS.filter((k) => classesIn.has(k)).map((k) => v.t(`poscls.${k}`)).join(', ') || '—',
                missing: classesMissing.map((k) => v.t(`poscls.${k}`)).join(', ') || '—',
              }))}
              {check(files.length > 0, files.length > 0 ? v.t('workplan.team.check.decree_file') : v.t('workplan.team.check.no_decree_file'))}
            </ul>
          </section>
        ) : <p class="muted">{v.t('workplan.team.none', { year: String(year) })}</p>}

        {team && !canEdit ? (
          <section class="card">
            <h2>{v.t('workplan.team.decree')}</h2>
            <SummaryList rows={[
              [v.t('workplan.tk.decree.number'), team.decreeNumber ?? '—'],
              [v.t('workplan.tk.decree.date'), team.decreeDate ? v.date(team.decreeDate) : '—'],
              [v.t('workplan.team.selection'), v.t(`workplan.team.selection.${team.selection}`)],
              [v.t('workplan.team.selection_note'), team.selectionNote ?? '—'],
            ]} />
          </section>
        ) : null}

        {canEdit ? (
          <section class="card">
            <h2>{team ? v.t('workplan.team.edit') : v.t('workplan.team.create')}</h2>
            <form method="post" action="/tim-zi" class="form" novalidate>
              {hidden}
              <TextField v={v} name="decreeNumber" label={v.t('workplan.tk.decree.number')} hint={v.t('workplan.tk.decree.number_hint')} required maxlength={100} value={f.decreeNumber ?? team?.decreeNumber} />
              <TextField v={v} name="decreeDate" type="date" label={v.t('workplan.tk.decree.date')} required width="short" value={f.decreeDate ?? team?.decreeDate} />
              <SelectField v={v} name="selection" label={v.t('workplan.team.selection')} hint={v.t('workplan.team.selection_hint')} required value={f.selection ?? team?.selection ?? 'clear_all'}
                options={SELECTIONS.map((s) => ({ value: s, label: v.t(`workplan.team.selection.${s}`) }))} />
              <TextAreaField v={v} name="selectionNote" label={v.t('workplan.team.selection_note')} rows={3} maxlength={2000} value={f.selectionNote ?? team?.selectionNote ?? ''} />
              <button class="button button--primary" type="submit">{v.t('workplan.tk.save')}</button>
            </form>
          </section>
        ) : null}

        {team ? (<>
          <section class="card">
            <h2>{v.t('workplan.team.decree_files')}</h2>
            {files.length ? <ul>{files.map((e) => <li>{e.fileId ? <a href={`/evidence/files/${e.fileId}`}>{e.title}</a> : <a href={e.url ?? '#'} rel="noopener noreferrer">{e.title}</a>}</li>)}</ul> : <p class="muted">{v.t('workplan.tk.files.none')}</p>}
            {canEdit ? (
              <form method="post" action="/tim-zi/decree" enctype="multipart/form-data" class="form" novalidate>
                {hidden}
                <FileField v={v} name="file" label={v.t('workplan.tk.decree.file')} hint={v.t('workplan.tk.decree.file_hint')} required errors={errors} />
                <button class="button" type="submit">{v.t('workplan.tk.upload')}</button>
              </form>
            ) : null}
          </section>

          <section class="card">
            <h2>{v.t('workplan.team.members', { n: v.num(members.length) })}</h2>
            <DataTable v={v} caption={v.t('workplan.team.members', { n: v.num(members.length) })} empty={v.t('workplan.team.members.empty')} rows={members} columns={[
              { key: 'role', label: v.t('workplan.team.col.role'), render: (m) => roleLabel(v, m.role, m.area) },
              { key: 'name', label: v.t('workplan.tk.col.name'), render: (m) => <>{m.name}<br /><span class="muted">{m.position}</span></> },
              { key: 'unit', label: v.t('workplan.tk.col.unit'), render: (m) => <>{m.unitName}<br /><span class="muted">{v.t(`poscls.${m.positionClass}`)}</span></> },
              ...(canEdit ? [{ key: 'remove', label: v.t('workplan.tk.col.actions'), render: (m: typeof members[number]) => (
                <form method="post" action={`/tim-zi/members/${m.memberId}/delete`} class="inline-form" novalidate>{hidden}
                  <button class="button button--secondary button--small" type="submit">{v.t('workplan.tk.remove')}</button></form>
              ) }] : []),
            ]} />
            {canEdit ? (
              <form method="post" action="/tim-zi/members" class="form" novalidate>
                <h3>{v.t('workplan.team.add_member')}</h3>
                {hidden}
                <SelectField v={v} name="personId" label={v.t('workplan.tk.person')} required value={f.personId} placeholder={v.t('workplan.tk.choose')}
                  options={candidates.map((p) => ({ value: p.id, label: `${p.name} — ${p.position}${p.unitId !== unit.id ? ` (${p.unitName})` : ''}` }))} />
                <SelectField v={v} name="role" label={v.t('workplan.team.col.role')} required value={f.role ?? 'member'}
                  options={TEAM_ROLES.map((x) => ({ value: x, label: v.t(`workplan.team.role.${x}`) }))} />
                <SelectField v={v} name="area" label={v.t('workplan.team.area')} hint={v.t('workplan.team.area_hint')} value={f.area} placeholder="—"
                  options={AREAS.map((a) => ({ value: String(a), label: v.t(`workplan.tk.area.${a}`) }))} />
                <button class="button button--primary" type="submit">{v.t('workplan.team.add')}</button>
              </form>
            ) : null}
          </section>
        </>) : null}
      </Layout>,
      opts.status ?? 200,
    );
  };

  r.get('/tim-zi', 'workplan.team.view', (c) => page(c));

  /** Runs a change for a unit in the actor's manage scope; a refused change re-renders with its message. */
  const change = async (c: Ctx, form: Record<string, string>, fallbackField: string, run: (unitId: string, year: number) => Promise<string>) => {
    const unitId = form.unitId ?? '';
    if (!isUuid(unitId) || !inScope(c.var.scope!, unitId)) throw notFound();
    let year: number;
    try { year = checkYear(form.year); } catch { throw notFound(); }
    try {
      const key = await run(unitId, year);
      flash(c, 'success', key);
      return c.redirect(`/tim-zi?unit=${unitId}&year=${year}`, 303);
    } catch (err) {
      if (err instanceof DomainError && (err.kind === 'validation' || err.kind === 'conflict')) {
        return page(c, { unitId, year, errors: errorTexts(c, err, fallbackField), form, status: err.kind === 'conflict' ? 409 : 400 });
      }
      throw err;
    }
  };

  r.post('/tim-zi', 'workplan.team.manage', async (c) => {
    const form = await formOf(c);
    return change(c, form, 'decreeNumber', async (unitId, year) => {
      await saveTeam(c.var.deps.db, c.var.actor!, unitId, year, form);
      return 'workplan.team.saved';
    });
  });

  r.post('/tim-zi/members', 'workplan.team.manage', async (c) => {
    const form = await formOf(c);
    return change(c, form, 'personId', async (unitId, year) => {
      await addMember(c.var.deps.db, c.var.actor!, unitId, year, form);
      return 'workplan.team.member_added';
    });
  });

  r.post('/tim-zi/members/:id/delete', 'workplan.team.manage', async (c) => {
    const form = await formOf(c);
    return change(c, form, 'personId', async (unitId) => {
      await removeMember(c.var.deps.db, c.var.actor!, unitId, c.req.param('id') ?? '');
      return 'workplan.team.member_removed';
    });
  });

  r.post('/tim-zi/decree', 'workplan.team.manage', { files: 1 }, async (c) => {
    const body = await c.req.parseBody();
    const form = { unitId: String(body.unitId ?? ''), year: String(body.year ?? '') };
    return change(c, form, 'file', async (unitId, year) => {
      const team = await findTeam(c.var.deps.db, unitId, year);
      if (!team) throw new DomainError('conflict', 'workplan.team.missing');
      const file = body.file;
      if (!(file instanceof File)) throw new DomainError('validation', 'workplan.tk.file.required', {}, { file: 'workplan.tk.file.required' });
      await uploadEvidence(c.var.deps.db, c.var.deps.files, c.var.actor!, {
        unitId, bytes: new Uint8Array(await file.arrayBuffer()), originalName: file.name, title: null,
        attachTo: { subjectType: TEAM_SUBJECT, subjectId: team.id, subjectKey: '' },
      });
      return 'workplan.team.decree_uploaded';
    });
  });
}
