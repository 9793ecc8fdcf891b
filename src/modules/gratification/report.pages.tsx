// The employee's pages of gratification control: their list of reports, the report form (which
// explains the rules of the version applying to the date of receipt) and their own report with the
// timeline, the completion asked for and the KPK decision. Functions of the view and their model.
import { Csrf, DataTable, DateField, ErrorSummary, PageHeader, SelectField, TextField } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { rupiah } from './gratification.pdf.ts';
import type { OwnReportModel, ReportFormModel, Reporter, ReportRow } from './gratification.queries.ts';
import { ITEM_KINDS, KINDS, RELATIONSHIPS, WHERE_NOW, versionFor } from './gratification.rules.ts';
import { BASE, DecisionBox, FileField, LateAlert, Radios, ReportSummary, RulesBox, StateBadge, TextArea, Timeline, crumbsFor, errorTexts, type Entry } from './gratification.ui.tsx';

export interface HomeModel { person: Reporter | null; mine: ReportRow[]; today: string }

export function homePage(v: View, m: HomeModel) {
  const staff = v.can('gratification.handle') ? <a class="button button--secondary" href={`${BASE}/kelola`}>{v.t('gratification.home.manage')}</a>
    : v.can('gratification.stats') ? <a class="button button--secondary" href={`${BASE}/statistik`}>{v.t('gratification.home.stats')}</a> : null;
  return (
    <Layout v={v} title={v.t('gratification.title')}>
      <PageHeader title={v.t('gratification.title')} lead={v.t('gratification.home.lead')} actions={staff} />
      {!m.person ? <section class="card"><p>{v.t('gratification.home.no_person')}</p></section> : (<>
        <section class="card">
          <p>{v.t('gratification.home.intro', { days: versionFor(m.today).deadlines.recipientToUpg.days })}</p>
          <a class="button button--primary" href={`${BASE}/lapor`}>{v.t('gratification.home.new')}</a>
        </section>
        <section class="card">
          <h2>{v.t('gratification.home.mine')}</h2>
          <DataTable v={v} caption={v.t('gratification.home.mine')} empty={v.t('gratification.home.mine_empty')} rows={m.mine} columns={[
            { key: 'number', label: v.t('gratification.field.number'), render: (x) => <a href={`${BASE}/laporan/${x.id}`}>{x.number}</a> },
            { key: 'received', label: v.t('gratification.field.receivedOn'), render: (x) => v.date(x.receivedOn) },
            { key: 'giver', label: v.t('gratification.field.giverName'), render: (x) => x.giverName },
            { key: 'kind', label: v.t('gratification.field.kind'), render: (x) => v.t(`gratification.kind.${x.kind}`) },
            { key: 'value', label: v.t('gratification.field.valueRp'), numeric: true, render: (x) => rupiah(x.valueRp) },
            { key: 'state', label: v.t('gratification.field.state'), render: (x) => <StateBadge v={v} state={x.state} /> },
          ]} />
        </section>
      </>)}
    </Layout>
  );
}

export function reportFormPage(v: View, m: ReportFormModel & { entry: Entry }) {
  const { person, day, version, late, deadlines: dl } = m;
  const { form, errors, params } = m.entry;
  const title = v.t('gratification.form.title');
  const opts = (list: readonly string[], prefix: string) => list.map((k) => ({ value: k, label: v.t(`${prefix}.${k}`) }));
  return (
    <Layout v={v} title={title} narrow crumbs={crumbsFor(v, title)}>
      <PageHeader title={title} lead={v.t('gratification.form.lead')} />
      <ErrorSummary v={v} texts={errorTexts(v, errors, params)} />
      <form method="post" action={`${BASE}/lapor`} class="form" enctype="multipart/form-data" novalidate>
        <Csrf v={v} />
        <p><strong>{v.t('gratification.field.reporter')}:</strong> {person.name} · {person.position}</p>
        <Radios v={v} name="kind" label={v.t('gratification.field.kind')} value={form.kind || 'received'} errors={errors} options={opts(KINDS, 'gratification.kind')} />
        <div class="field">
          <DateField v={v} name="receivedOn" label={v.t('gratification.field.receivedOn')} hint={v.t('gratification.field.receivedOn_hint')} required value={form.receivedOn || ''} errors={errors} />
          <button class="button button--secondary" type="submit" formmethod="get" formaction={`${BASE}/lapor`} formnovalidate>{v.t('gratification.form.check_date')}</button>
        </div>
        <div class="alert alert--warning" role="status" data-version={version.id}>
          <p>{v.t('gratification.form.version', { regulation: version.regulation, date: v.date(day) })}</p>
          <p>{v.t('gratification.form.deadline', { upg: v.date(dl.toUpg), kpk: v.date(dl.toKpk) })}</p>
          {late.beyondStatutory ? <p data-late="beyond"><strong>{v.t(late.mayBeState ? 'gratification.late.beyond_state' : 'gratification.late.beyond', { days: late.days })}</strong></p>
            : late.lateToUpg ? <p data-late="upg"><strong>{v.t('gratification.late.upg', { days: late.days })}</strong></p> : null}
        </div>
        <RulesBox v={v} version={version} />
        <TextField v={v} name="giverName" label={v.t('gratification.field.giverName')} required value={form.giverName} errors={errors} maxlength={200} />
        <TextField v={v} name="giverInstitution" label={v.t('gratification.field.giverInstitution')} value={form.giverInstitution} errors={errors} maxlength={200} />
        <SelectField v={v} name="relationship" label={v.t('gratification.field.relationship')} required value={form.relationship} errors={errors} placeholder={v.t('gratification.choose')} options={opts(RELATIONSHIPS, 'gratification.rel')} />
        <TextField v={v} name="occasion" label={v.t('gratification.field.occasion')} hint={v.t('gratification.field.occasion_hint')} required value={form.occasion} errors={errors} maxlength={200} />
        <SelectField v={v} name="itemKind" label={v.t('gratification.field.itemKind')} required value={form.itemKind} errors={errors} placeholder={v.t('gratification.choose')} options={opts(ITEM_KINDS, 'gratification.item')} />
        <TextArea v={v} name="description" label={v.t('gratification.field.description')} errors={errors} value={form.description} />
        <TextField v={v} name="valueRp" label={v.t('gratification.field.valueRp')} hint={v.t('gratification.field.valueRp_hint')} required value={form.valueRp} errors={errors} inputmode="numeric" maxlength={20} width="short" />
        <TextField v={v} name="place" label={v.t('gratification.field.place')} required value={form.place} errors={errors} maxlength={200} />
        <TextArea v={v} name="chronology" label={v.t('gratification.field.chronology')} hint={v.t('gratification.field.chronology_hint')} errors={errors} value={form.chronology} rows={4} />
        <SelectField v={v} name="whereNow" label={v.t('gratification.field.whereNow')} hint={v.t('gratification.field.whereNow_hint')} required value={form.whereNow} errors={errors} placeholder={v.t('gratification.choose')} options={opts(WHERE_NOW, 'gratification.where')} />
        <SelectField v={v} name="claimedCategory" label={v.t('gratification.field.claimedCategory')} hint={v.t('gratification.field.claimedCategory_hint')} value={form.claimedCategory} errors={errors} placeholder={v.t('gratification.none_selected')}
          options={version.categories.filter((x) => !x.deleted).map((x) => ({ value: x.key, label: `${x.key}. ${(v.locale === 'en' ? x.en : x.id).slice(0, 80)}` }))} />
        <FileField v={v} errors={errors} params={params} label={v.t('gratification.field.file')} />
        <div class="button-row">
          <button class="button button--primary" type="submit">{v.t('gratification.form.submit')}</button>
          <a class="button button--secondary" href={BASE}>{v.t('gratification.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

export function ownReportPage(v: View, m: OwnReportModel & { entry: Entry }) {
  const { rep, events, late } = m;
  const { form, errors } = m.entry;
  const title = v.t('gratification.detail.title', { number: rep.number });
  return (
    <Layout v={v} title={title} crumbs={crumbsFor(v, rep.number)}>
      <PageHeader title={title} lead={v.t('gratification.detail.lead')} />
      <ErrorSummary v={v} texts={errorTexts(v, errors)} />
      <LateAlert v={v} late={late} />
      {rep.state === 'completion_requested' ? (
        <form method="post" action={`${BASE}/laporan/${rep.id}/lengkapi`} class="form card" data-completion novalidate>
          <Csrf v={v} />
          <h2>{v.t('gratification.complete.title')}</h2>
          <p>{v.t('gratification.complete.lead', { due: v.date(rep.completionDueOn ?? rep.reportedOn) })}</p>
          <p class="prewrap">{events.filter((e) => e.step === 'request_completion').pop()?.note}</p>
          <TextArea v={v} name="completionNote" label={v.t('gratification.field.completionNote')} errors={errors} value={form.completionNote} rows={4} />
          <button class="button button--primary" type="submit">{v.t('gratification.complete.submit')}</button>
        </form>
      ) : null}
      {rep.decision ? <DecisionBox v={v} rep={rep} /> : null}
      <ReportSummary v={v} rep={rep} fileHref={rep.fileSha ? `${BASE}/laporan/${rep.id}/lampiran` : null} />
      <section class="card"><h2>{v.t('gratification.detail.timeline')}</h2><Timeline v={v} events={events} /></section>
    </Layout>
  );
}
