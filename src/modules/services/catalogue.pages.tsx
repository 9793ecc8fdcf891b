// The pages of the service catalogue: the unit's services (with the form of a new one), one service
// (its standard versions, its reviews with the review form, the edit and deactivate forms), one
// standard version (the draft's components and the publish form, or the published components; the
// decree's files) and what changed between two versions. Functions of the view and the model loaded
// by services.queries.ts; a refused form comes back as `shown`.
import { Badge, DateField, ErrorSummary, Form, PageHeader, ScrollRegion, SelectField, SummaryList, TextAreaField, TextField } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import type { catalogueModel, serviceModel, standardModel, ServiceRow, StandardRow } from './services.queries.ts';
import { COMPONENTS, FINDING_SOURCES, componentName, componentsOf, diffComponents, findingSourceName, missingComponents, type Finding } from './services.rules.ts';
import { revOf } from './services.service.ts';
import { BASE, ComponentList, EvidenceBlock, Multi, SubNav, UnitChooser, errorTexts, statusBadge, type PageUnit, type Shown } from './services.view.tsx';

const FINDING_ROWS = 4;

const crumbsOf = (v: View, s: ServiceRow, last?: string) => [
  { href: '/', label: v.t('nav.home') }, { href: `${BASE}?unit=${s.unitId}`, label: v.t('services.title') },
  ...(last === undefined ? [{ label: s.name }] : [{ href: `${BASE}/${s.id}`, label: s.name }, { label: last }]),
];

// ---- the catalogue ---------------------------------------------------------------------------------

export type CatalogueModel = Awaited<ReturnType<typeof catalogueModel>> & { reach: PageUnit['reach']; unit: { id: string; name: string }; manage: boolean };

export function cataloguePage(v: View, m: CatalogueModel, shown: Shown) {
  const { list, versions, unit } = m;
  const f = shown.form;
  const errors = shown.errors;
  const title = v.t('services.title');
  const stateOf = (s: ServiceRow) => {
    const mine = versions.filter((x) => x.serviceId === s.id);
    return { published: mine.find((x) => x.status === 'published') ?? null, draft: mine.find((x) => x.status === 'draft') ?? null };
  };
  const withStandard = list.filter((s) => s.isActive && stateOf(s).published).length;
  const active = list.filter((s) => s.isActive).length;
  return (
    <Layout v={v} title={title} crumbs={[{ href: '/', label: v.t('nav.home') }, { label: title }]}>
      <PageHeader title={title} lead={v.t('services.lead', { unit: unit.name })}
        actions={<a class="button button--secondary" href={`/publik/unit/${encodeURIComponent(m.unitCode ?? '')}/layanan`}>{v.t('services.public_page')}</a>} />
      <UnitChooser v={v} action={BASE} units={m.reach} unitId={unit.id} />
      <SubNav v={v} unitId={unit.id} current={BASE} />
      <ErrorSummary v={v} texts={errorTexts(v, errors, shown.params)} />
      <p>{v.t('services.summary', { with: v.num(withStandard), all: v.num(active), sops: v.num(m.sopCount) })}</p>
      <ScrollRegion label={title}><table class="table services-catalogue">
        <caption class="visually-hidden">{title}</caption>
        <thead><tr>
          <th scope="col">{v.t('services.col.code')}</th><th scope="col">{v.t('services.col.name')}</th>
          <th scope="col">{v.t('services.col.standard')}</th><th scope="col">{v.t('services.col.status')}</th>
        </tr></thead>
        <tbody>{list.length === 0 ? <tr><td colspan={4} class="table__empty">{v.t('services.empty')}</td></tr> : list.map((s) => {
          const st = stateOf(s);
          return (
            <tr>
              <td data-label={v.t('services.col.code')}><code>{s.code}</code></td>
              <td data-label={v.t('services.col.name')}><a href={`${BASE}/${s.id}`}><strong>{s.name}</strong></a></td>
              <td data-label={v.t('services.col.standard')}>
                {st.published ? <>{v.t('services.standard.version_short', { n: st.published.version })} · {v.t('services.standard.effective_short', { date: st.published.effectiveFrom ? v.date(st.published.effectiveFrom) : '—' })}</> : <span class="muted">{v.t('services.standard.none')}</span>}
                {st.draft ? <> <Badge tone="warning">{v.t('services.standard.has_draft')}</Badge></> : null}
              </td>
              <td data-label={v.t('services.col.status')}>{s.isActive ? <Badge tone="success">{v.t('services.service.active')}</Badge> : <Badge tone="neutral">{v.t('services.service.inactive')}</Badge>}</td>
            </tr>
          );
        })}</tbody>
      </table></ScrollRegion>
      {m.manage ? (
        <section class="card">
          <h2>{v.t('services.service.new')}</h2>
          <Form v={v} action={BASE} class="form">
            <input type="hidden" name="unit" value={unit.id} />
            <TextField v={v} name="code" label={v.t('services.service.code')} hint={v.t('services.service.code_hint')} required width="short" maxlength={20} value={f.code} errors={errors} />
            <TextField v={v} name="name" label={v.t('services.service.name')} required maxlength={200} value={f.name} errors={errors} />
            <TextAreaField v={v} name="description" label={v.t('services.service.description')} value={f.description} errors={errors} rows={3} maxlength={2000} />
            <TextField v={v} name="sortOrder" label={v.t('services.service.order')} hint={v.t('services.service.order_hint')} width="short" inputmode="numeric" value={f.sortOrder ?? String((list.length + 1) * 10)} errors={errors} />
            <div class="form__actions"><button class="button button--primary" type="submit">{v.t('services.service.create')}</button></div>
          </Form>
        </section>
      ) : null}
    </Layout>
  );
}

// ---- one service -----------------------------------------------------------------------------------

export type ServiceModel = Awaited<ReturnType<typeof serviceModel>> & { manage: boolean };

export function servicePage(v: View, m: ServiceModel, shown: Shown) {
  const { s, versions, reviews, manage } = m;
  const code = m.unitCode;
  const published = versions.find((x) => x.status === 'published');
  const draft = versions.find((x) => x.status === 'draft');
  const f = shown.form;
  const errors = shown.errors;
  const title = s.name;
  const byId = new Map(versions.map((x) => [x.id, x]));
  return (
    <Layout v={v} title={title} crumbs={crumbsOf(v, s)}>
      <PageHeader title={title} lead={`${v.t('services.service.code')}: ${s.code}`}
        actions={s.isActive && code ? <a class="button button--secondary" href={`/publik/unit/${encodeURIComponent(code)}/layanan/${encodeURIComponent(s.code)}`}>{v.t('services.public_page')}</a> : undefined} />
      {s.isActive ? null : <div class="alert alert--warning" role="status">{v.t('services.service.inactive_note')}</div>}
      <ErrorSummary v={v} texts={errorTexts(v, errors, shown.params)} />
      {s.description ? <Multi text={s.description} /> : null}

      <section class="card">
        <h2>{v.t('services.standard.title')}</h2>
        {published ? (
          <p>{v.t('services.standard.current', { n: published.version, number: published.decreeNumber ?? '—', date: published.effectiveFrom ? v.date(published.effectiveFrom) : '—' })}
            {' '}<a href={`${BASE}/${s.id}/standar/${published.id}`}>{v.t('services.standard.open')}</a></p>
        ) : <p class="muted">{v.t('services.standard.none_yet')}</p>}
        <ScrollRegion label={v.t('services.standard.versions')}><table class="table">
          <caption>{v.t('services.standard.versions')}</caption>
          <thead><tr><th scope="col">{v.t('services.standard.col.version')}</th><th scope="col">{v.t('services.col.status')}</th><th scope="col">{v.t('services.standard.decree')}</th><th scope="col">{v.t('services.standard.effective')}</th><th scope="col">{v.t('services.standard.col.changes')}</th></tr></thead>
          <tbody>{versions.length === 0 ? <tr><td colspan={5} class="table__empty">{v.t('services.standard.none')}</td></tr> : versions.map((x) => (
            <tr>
              <td data-label={v.t('services.standard.col.version')}><a href={`${BASE}/${s.id}/standar/${x.id}`}>{v.t('services.standard.version_short', { n: x.version })}</a></td>
              <td data-label={v.t('services.col.status')}>{statusBadge(v, x.status)}</td>
              <td data-label={v.t('services.standard.decree')}>{x.decreeNumber ? `${x.decreeNumber}${x.decreeDate ? `, ${v.date(x.decreeDate)}` : ''}` : '—'}</td>
              <td data-label={v.t('services.standard.effective')}>{x.effectiveFrom ? v.date(x.effectiveFrom) : '—'}</td>
              <td data-label={v.t('services.standard.col.changes')}>{x.version > 1 ? <a href={`${BASE}/${s.id}/standar/${x.id}/perubahan`}>{v.t('services.standard.diff_link')}</a> : <span class="muted">{v.t('services.standard.first')}</span>}</td>
            </tr>
          ))}</tbody>
        </table></ScrollRegion>
        {manage && !draft ? (
          <Form v={v} action={`${BASE}/${s.id}/standar`} class="form">
            <p class="field__hint">{published ? v.t('services.standard.new_hint') : v.t('services.standard.first_hint')}</p>
            <button class="button button--primary" type="submit">{v.t('services.standard.new_draft')}</button>
          </Form>
        ) : draft ? <p><a class="button" href={`${BASE}/${s.id}/standar/${draft.id}`}>{v.t('services.standard.open_draft', { n: draft.version })}</a></p> : null}
      </section>

      <section class="card" id="reviu">
        <h2>{v.t('services.review.title')}</h2>
        <p class="muted">{v.t('services.review.lead')}</p>
        {reviews.length === 0 ? <p class="muted">{v.t('services.review.none')}</p> : reviews.map((rv) => (
          <article class="services-review">
            <h3>{v.t('services.review.on', { date: v.date(rv.reviewedOn) })}</h3>
            <ScrollRegion label={v.t('services.review.findings')}><table class="table">
              <caption class="visually-hidden">{v.t('services.review.findings')}</caption>
              <thead><tr><th scope="col">{v.t('services.review.source')}</th><th scope="col">{v.t('services.review.finding')}</th><th scope="col">{v.t('services.review.change')}</th></tr></thead>
              <tbody>{(rv.findings as Finding[]).map((fd) => (
                <tr><td data-label={v.t('services.review.source')}>{findingSourceName(fd.source, v.locale)}</td><td data-label={v.t('services.review.finding')}><Multi text={fd.finding} /></td><td data-label={v.t('services.review.change')}><Multi text={fd.change} /></td></tr>
              ))}</tbody>
            </table></ScrollRegion>
            <SummaryList rows={[
              [v.t('services.review.resulting'), rv.resultingStandardId && byId.get(rv.resultingStandardId) ? <a href={`${BASE}/${s.id}/standar/${rv.resultingStandardId}`}>{v.t('services.standard.version_short', { n: byId.get(rv.resultingStandardId)!.version })}</a> : v.t('services.review.no_change')],
              [v.t('services.review.conclusion'), <Multi text={rv.conclusion} />],
            ]} />
          </article>
        ))}
        {manage ? (
          <details class="services-fold" open={!!errors && f.fd_0_source !== undefined}>
            <summary>{v.t('services.review.add')}</summary>
            <Form v={v} action={`${BASE}/${s.id}/reviu`} class="form services-review-form">
              <DateField v={v} name="reviewedOn" label={v.t('services.review.date')} required value={f.reviewedOn} errors={errors} />
              <fieldset class="fieldset"><legend>{v.t('services.review.findings')}</legend>
                <p class="field__hint">{v.t('services.review.findings_hint')}</p>
                {Array.from({ length: FINDING_ROWS }, (_, i) => (
                  <div class="services-row">
                    <SelectField v={v} name={`fd_${i}_source`} label={v.t('services.review.source_n', { n: i + 1 })} value={f[`fd_${i}_source`] ?? (i === 0 ? 'skm' : i === 1 ? 'complaint' : '')} errors={errors} placeholder="—"
                      options={FINDING_SOURCES.map((k) => ({ value: k, label: findingSourceName(k, v.locale) }))} />
                    <TextAreaField v={v} name={`fd_${i}_finding`} label={v.t('services.review.finding_n', { n: i + 1 })} value={f[`fd_${i}_finding`]} errors={errors} rows={2} maxlength={1000} />
                    <TextAreaField v={v} name={`fd_${i}_change`} label={v.t('services.review.change_n', { n: i + 1 })} value={f[`fd_${i}_change`]} errors={errors} rows={2} maxlength={1000} />
                  </div>
                ))}
              </fieldset>
              <SelectField v={v} name="resultingStandardId" label={v.t('services.review.resulting')} hint={v.t('services.review.resulting_hint')} value={f.resultingStandardId} errors={errors} placeholder={v.t('services.review.no_change')}
                options={versions.map((x) => ({ value: x.id, label: `${v.t('services.standard.version_short', { n: x.version })} (${v.t(`services.standard.status.${x.status}`)})` }))} />
              <TextAreaField v={v} name="conclusion" label={v.t('services.review.conclusion')} value={f.conclusion} errors={errors} rows={3} maxlength={2000} />
              <div class="form__actions"><button class="button button--primary" type="submit">{v.t('services.review.save')}</button></div>
            </Form>
          </details>
        ) : null}
      </section>

      {manage ? (
        <details class="card services-fold" open={!!errors && f.code !== undefined}>
          <summary>{v.t('services.service.edit')}</summary>
          <Form v={v} action={`${BASE}/${s.id}`} class="form">
            <input type="hidden" name="version" value={String(s.version)} />
            <TextField v={v} name="code" label={v.t('services.service.code')} hint={v.t('services.service.code_hint')} required width="short" maxlength={20} value={f.code ?? s.code} errors={errors} />
            <TextField v={v} name="name" label={v.t('services.service.name')} required maxlength={200} value={f.name ?? s.name} errors={errors} />
            <TextAreaField v={v} name="description" label={v.t('services.service.description')} value={f.description ?? s.description} errors={errors} rows={3} maxlength={2000} />
            <TextField v={v} name="sortOrder" label={v.t('services.service.order')} width="short" inputmode="numeric" value={f.sortOrder ?? String(s.sortOrder)} errors={errors} />
            <div class="form__actions"><button class="button button--primary" type="submit">{v.t('ui.save')}</button></div>
          </Form>
          <Form v={v} action={`${BASE}/${s.id}/status`} class="form">
            <input type="hidden" name="version" value={String(s.version)} /><input type="hidden" name="active" value={s.isActive ? '0' : '1'} />
            <p class="field__hint">{s.isActive ? v.t('services.service.deactivate_hint') : v.t('services.service.reactivate_hint')}</p>
            <button class={s.isActive ? 'button button--danger' : 'button'} type="submit">{s.isActive ? v.t('services.service.deactivate') : v.t('services.service.reactivate')}</button>
          </Form>
        </details>
      ) : null}
    </Layout>
  );
}

// ---- one standard version --------------------------------------------------------------------------

export type StandardModel = Awaited<ReturnType<typeof standardModel>> & { manage: boolean };

export function standardPage(v: View, m: StandardModel, shown: Shown) {
  const { s, st, manage } = m;
  const comps = componentsOf(st.components);
  const f = shown.form;
  const errors = shown.errors;
  const missing = missingComponents(comps);
  const title = v.t('services.standard.page_title', { service: s.name, n: st.version });
  const editing = manage && st.status === 'draft';
  const rev = revOf(st.updatedAt);
  return (
    <Layout v={v} title={title} crumbs={crumbsOf(v, s, v.t('services.standard.version_short', { n: st.version }))}>
      <PageHeader title={title} lead={v.t('services.standard.lead')} actions={st.version > 1 ? <a class="button button--secondary" href={`${BASE}/${s.id}/standar/${st.id}/perubahan`}>{v.t('services.standard.diff_link')}</a> : undefined} />
      <ErrorSummary v={v} texts={errorTexts(v, errors, shown.params)} />
      <SummaryList rows={[
        [v.t('services.col.status'), statusBadge(v, st.status)],
        [v.t('services.standard.decree'), st.decreeNumber ? `${st.decreeNumber}${st.decreeDate ? `, ${v.date(st.decreeDate)}` : ''}` : '—'],
        [v.t('services.standard.effective'), st.effectiveFrom ? v.date(st.effectiveFrom) : '—'],
        [v.t('services.standard.published_at'), st.publishedAt ? v.dateTime(st.publishedAt) : '—'],
        [v.t('services.standard.change_note'), <Multi text={st.changeNote} />],
        [v.t('services.standard.completeness'), missing.length === 0 ? <Badge tone="success">{v.t('services.standard.complete')}</Badge> : <>{v.t('services.standard.missing', { n: missing.length })} {missing.map((k) => componentName(k, v.locale)).join(', ')}</>],
      ]} />
      {editing ? (<>
        <Form v={v} action={`${BASE}/${s.id}/standar/${st.id}`} class="form services-standard-form">
          <input type="hidden" name="rev" value={rev} />
          {(['delivery', 'internal'] as const).map((side) => (
            <fieldset class="fieldset"><legend>{v.t(`services.side.${side}`)}</legend>
              {COMPONENTS.filter((x) => x.side === side).map((x) => (
                <TextAreaField v={v} name={`c_${x.key}`} label={`${x.order}. ${componentName(x.key, v.locale)}`} value={f[`c_${x.key}`] ?? comps[x.key]} errors={errors} rows={4} maxlength={4000} required />
              ))}
            </fieldset>
          ))}
          <div class="form__actions"><button class="button button--primary" type="submit">{v.t('services.standard.save_draft')}</button></div>
        </Form>
        <section class="card">
          <h2>{v.t('services.standard.publish')}</h2>
          <p class="muted">{v.t('services.standard.publish_hint')}</p>
          <Form v={v} action={`${BASE}/${s.id}/standar/${st.id}/terbitkan`} class="form">
            <input type="hidden" name="rev" value={rev} />
            <TextField v={v} name="decreeNumber" label={v.t('services.standard.decree_number')} required maxlength={100} value={f.decreeNumber} errors={errors} />
            <DateField v={v} name="decreeDate" label={v.t('services.standard.decree_date')} required value={f.decreeDate} errors={errors} />
            <DateField v={v} name="effectiveFrom" label={v.t('services.standard.effective')} required value={f.effectiveFrom} errors={errors} />
            <TextAreaField v={v} name="changeNote" label={v.t('services.standard.change_note')} hint={v.t('services.standard.change_note_hint')} value={f.changeNote} errors={errors} rows={3} maxlength={2000} />
            <div class="form__actions"><button class="button button--primary" type="submit">{v.t('services.standard.publish_button')}</button></div>
          </Form>
          <Form v={v} action={`${BASE}/${s.id}/standar/${st.id}/hapus`} class="form">
            <input type="hidden" name="rev" value={rev} />
            <button class="button button--danger" type="submit">{v.t('services.standard.discard')}</button>
          </Form>
        </section>
      </>) : <section class="card"><ComponentList v={v} components={comps} /></section>}
      <EvidenceBlock v={v} title={v.t('services.standard.evidence')} items={m.evidence} hint={v.t('services.standard.evidence_hint')}
        action={manage ? `${BASE}/${s.id}/standar/${st.id}/bukti` : null} errors={shown.errors} params={shown.params} />
    </Layout>
  );
}

// ---- what changed between two versions -------------------------------------------------------------

export interface DiffModel { s: ServiceRow; st: StandardRow; versions: StandardRow[]; from: StandardRow | undefined }

export function diffPage(v: View, { s, st, versions, from }: DiffModel) {
  const title = v.t('services.diff.title', { service: s.name, n: st.version });
  const diffs = from ? diffComponents(componentsOf(from.components), componentsOf(st.components)) : [];
  const changed = diffs.filter((d) => d.kind !== 'same');
  return (
    <Layout v={v} title={title} crumbs={crumbsOf(v, s, v.t('services.diff.crumb'))}>
      <PageHeader title={title} lead={from ? v.t('services.diff.lead', { from: from.version, to: st.version, n: changed.length }) : v.t('services.diff.no_previous')} />
      {versions.length > 2 ? (
        <Form v={v} method="get" action={`${BASE}/${s.id}/standar/${st.id}/perubahan`} class="filters">
          <SelectField v={v} name="dari" label={v.t('services.diff.compare_with')} value={from?.id} options={versions.filter((x) => x.id !== st.id).map((x) => ({ value: x.id, label: v.t('services.standard.version_short', { n: x.version }) }))} />
          <div class="filters__actions"><button class="button button--secondary" type="submit">{v.t('services.diff.show')}</button></div>
        </Form>
      ) : null}
      {from && st.changeNote ? <section class="card"><h2>{v.t('services.standard.change_note')}</h2><Multi text={st.changeNote} /></section> : null}
      {from ? (
        <section class="card">
          <ol class="services-diff">{diffs.map((d) => (
            <li class={`services-diff__item services-diff__item--${d.kind}`}>
              <h3>{componentName(d.key, v.locale)} <Badge tone={d.kind === 'same' ? 'neutral' : d.kind === 'removed' ? 'danger' : 'info'}>{v.t(`services.diff.kind.${d.kind}`)}</Badge></h3>
              {d.kind === 'same' ? null : (
                <div class="services-diff__lines">{d.lines.map((l) => (
                  l.kind === 'same' ? <div class="services-diff__line">{l.text || ' '}</div>
                    : l.kind === 'added' ? <ins class="services-diff__line services-diff__line--added"><span class="visually-hidden">{v.t('services.diff.added_line')}</span>{l.text || ' '}</ins>
                      : <del class="services-diff__line services-diff__line--removed"><span class="visually-hidden">{v.t('services.diff.removed_line')}</span>{l.text || ' '}</del>
                ))}</div>
              )}
            </li>
          ))}</ol>
        </section>
      ) : null}
    </Layout>
  );
}
