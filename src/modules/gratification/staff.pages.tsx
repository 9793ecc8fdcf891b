// The UPG's registers and the counts: the custody register with receipts and release, the campaign
// register, the UPG settings of a unit, and the statistics with the periodic report (counts only).
// Functions of the view and their model.
import { Csrf, DataTable, DateField, ErrorSummary, PageHeader, SelectField, SummaryList, TextField, withQuery } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { rupiah } from './gratification.pdf.ts';
import type { CampaignView, CustodyRow, ReportListItem, SettingsRow, Stats } from './gratification.queries.ts';
import { CAMPAIGN_KINDS } from './gratification.rules.ts';
import { BASE, FileField, StaffTabs, TextArea, WhereForm, crumbsFor, errorTexts, q, type Entry, type Where } from './gratification.ui.tsx';

export interface CustodyModel { w: Where; items: (CustodyRow & { reportNumber: string | null })[]; reports: ReportListItem[]; entry: Entry }

export function custodyPage(v: View, m: CustodyModel) {
  const { w, items, reports } = m;
  const { form, errors } = m.entry;
  const title = v.t('gratification.custody.title');
  const held = items.filter((i) => !i.releasedOn);
  return (
    <Layout v={v} title={title} crumbs={crumbsFor(v, title)}>
      <PageHeader title={title} lead={v.t('gratification.custody.lead', { n: v.num(held.length) })} />
      <StaffTabs v={v} w={w} current="titipan" />
      <ErrorSummary v={v} texts={errorTexts(v, errors)} />
      <DataTable v={v} caption={title} empty={v.t('gratification.custody.empty')} rows={items} columns={[
        { key: 'receipt', label: v.t('gratification.field.receiptNumber'), render: (i) => <a href={`${BASE}/titipan/${i.id}/tanda-terima.pdf`}>{i.receiptNumber}</a> },
        { key: 'date', label: v.t('gratification.field.custodyReceivedOn'), render: (i) => v.date(i.receivedOn) },
        { key: 'desc', label: v.t('gratification.field.description'), render: (i) => <>{i.description}{i.reportNumber ? <span class="muted"> · {i.reportNumber}</span> : null}</> },
        { key: 'where', label: v.t('gratification.field.storageLocation'), render: (i) => i.storageLocation },
        { key: 'state', label: v.t('gratification.field.state'), render: (i) => i.releasedOn
          ? <>{v.t('gratification.custody.released', { date: v.date(i.releasedOn), to: i.releasedTo ?? '' })}</>
          : <details><summary>{v.t('gratification.custody.held')}</summary>
            <form method="post" action={`${BASE}/titipan/${i.id}/serahkan?unit=${w.unitId}`} class="form" novalidate>
              <Csrf v={v} />
              <DateField v={v} name="releasedOn" label={v.t('gratification.field.releasedOn')} required value={w.today} errors={{}} />
              <TextField v={v} name="releasedTo" label={v.t('gratification.field.releasedTo')} required errors={{}} maxlength={200} />
              <TextField v={v} name="releaseNote" label={v.t('gratification.field.releaseNote')} errors={{}} maxlength={400} />
              <button class="button button--secondary" type="submit">{v.t('gratification.custody.release')}</button>
            </form></details> },
      ]} />
      <form method="post" action={`${BASE}/titipan?unit=${w.unitId}`} class="form card" novalidate data-custody-form>
        <Csrf v={v} />
        <h2>{v.t('gratification.custody.add')}</h2>
        <SelectField v={v} name="reportId" label={v.t('gratification.field.reportNumber')} value={form.reportId} errors={errors} placeholder={v.t('gratification.none_selected')}
          options={reports.map((x) => ({ value: x.id, label: `${x.number} — ${x.reporterName} — ${x.description.slice(0, 40)}` }))} />
        <DateField v={v} name="receivedOn" label={v.t('gratification.field.custodyReceivedOn')} required value={form.receivedOn || w.today} errors={errors} />
        <TextField v={v} name="depositorName" label={v.t('gratification.field.depositorName')} required value={form.depositorName} errors={errors} maxlength={200} />
        <TextArea v={v} name="description" label={v.t('gratification.field.description')} errors={errors} value={form.description} />
        <TextField v={v} name="valueRp" label={v.t('gratification.field.valueRp')} value={form.valueRp} errors={errors} inputmode="numeric" maxlength={20} width="short" />
        <TextField v={v} name="storageLocation" label={v.t('gratification.field.storageLocation')} required value={form.storageLocation} errors={errors} maxlength={200} />
        <button class="button button--primary" type="submit">{v.t('gratification.custody.add')}</button>
      </form>
    </Layout>
  );
}

export function campaignsPage(v: View, m: { w: Where; rows: CampaignView[]; entry: Entry }) {
  const { w, rows } = m;
  const { form, errors, params } = m.entry;
  const title = v.t('gratification.campaign.title');
  return (
    <Layout v={v} title={title} crumbs={crumbsFor(v, title)}>
      <PageHeader title={title} lead={v.t('gratification.campaign.lead')} />
      <StaffTabs v={v} w={w} current="kampanye" />
      <WhereForm v={v} w={w} path={`${BASE}/kampanye`} />
      <ErrorSummary v={v} texts={errorTexts(v, errors, params)} />
      <DataTable v={v} caption={title} empty={v.t('gratification.campaign.empty')} rows={rows} columns={[
        { key: 'date', label: v.t('gratification.field.heldOn'), render: (x) => v.date(x.heldOn) },
        { key: 'kind', label: v.t('gratification.field.campaignKind'), render: (x) => v.t(`gratification.ckind.${x.kind}`) },
        { key: 'title', label: v.t('gratification.field.title'), render: (x) => x.title },
        { key: 'channel', label: v.t('gratification.field.channel'), render: (x) => x.channel },
        { key: 'reach', label: v.t('gratification.field.reach'), numeric: true, render: (x) => v.num(x.reach) },
        { key: 'ev', label: v.t('gratification.field.evidence'), render: (x) => <>
          {x.evidence.map((e) => e.kind === 'file' ? <a href={`/evidence/files/${e.fileId}`}>{e.title}</a> : null)}
          {x.url ? <> <a href={x.url} rel="noopener noreferrer">{v.t('gratification.campaign.link')}</a></> : null}
          {!x.evidence.length && !x.url ? '—' : null}</> },
      ]} />
      <form method="post" action={withQuery(`${BASE}/kampanye`, q(w))} class="form card" enctype="multipart/form-data" novalidate data-campaign-form>
        <Csrf v={v} />
        <h2>{v.t('gratification.campaign.add')}</h2>
        <SelectField v={v} name="kind" label={v.t('gratification.field.campaignKind')} required value={form.kind} errors={errors} placeholder={v.t('gratification.choose')} options={CAMPAIGN_KINDS.map((k) => ({ value: k, label: v.t(`gratification.ckind.${k}`) }))} />
        <TextField v={v} name="title" label={v.t('gratification.field.title')} required value={form.title} errors={errors} maxlength={200} />
        <DateField v={v} name="heldOn" label={v.t('gratification.field.heldOn')} required value={form.heldOn || w.today} errors={errors} />
        <TextField v={v} name="channel" label={v.t('gratification.field.channel')} hint={v.t('gratification.field.channel_hint')} required value={form.channel} errors={errors} maxlength={200} />
        <TextField v={v} name="reach" label={v.t('gratification.field.reach')} hint={v.t('gratification.field.reach_hint')} value={form.reach} errors={errors} inputmode="numeric" maxlength={12} width="short" />
        <TextField v={v} name="url" type="url" label={v.t('gratification.field.url')} value={form.url} errors={errors} maxlength={2000} />
        <FileField v={v} errors={errors} params={params} label={v.t('gratification.field.campaign_file')} />
        <button class="button button--primary" type="submit">{v.t('gratification.campaign.add')}</button>
      </form>
    </Layout>
  );
}

export interface SettingsModel {
  w: Where; settings: SettingsRow | null; people: { id: string; name: string; position: string }[];
  /** a refused submission shown again; without it the form shows the saved settings */
  entry?: Entry;
}

export function settingsPage(v: View, m: SettingsModel) {
  const { w, settings: s } = m;
  const errors = m.entry?.errors ?? {};
  const f = m.entry?.form ?? {
    decreeNumber: s?.decreeNumber ?? '', decreeDate: s?.decreeDate ?? '', proceduresTitle: s?.proceduresTitle ?? '', proceduresNumber: s?.proceduresNumber ?? '',
    proceduresDate: s?.proceduresDate ?? '', headPersonId: s?.headPersonId ?? '',
  };
  const title = v.t('gratification.settings.title');
  return (
    <Layout v={v} title={title} crumbs={crumbsFor(v, title)}>
      <PageHeader title={title} lead={v.t('gratification.settings.lead', { unit: w.unitName })} />
      <StaffTabs v={v} w={w} current="pengaturan" />
      <ErrorSummary v={v} texts={errorTexts(v, errors)} />
      <form method="post" action={withQuery(`${BASE}/pengaturan`, { unit: w.unitId })} class="form card" novalidate>
        <Csrf v={v} />
        <TextField v={v} name="decreeNumber" label={v.t('gratification.field.decreeNumber')} hint={v.t('gratification.field.decreeNumber_hint')} value={f.decreeNumber} errors={errors} maxlength={200} />
        <DateField v={v} name="decreeDate" label={v.t('gratification.field.decreeDate')} value={f.decreeDate} errors={errors} />
        <TextField v={v} name="proceduresTitle" label={v.t('gratification.field.proceduresTitle')} hint={v.t('gratification.field.proceduresTitle_hint')} value={f.proceduresTitle} errors={errors} maxlength={200} />
        <TextField v={v} name="proceduresNumber" label={v.t('gratification.field.proceduresNumber')} value={f.proceduresNumber} errors={errors} maxlength={200} />
        <DateField v={v} name="proceduresDate" label={v.t('gratification.field.proceduresDate')} value={f.proceduresDate} errors={errors} />
        <SelectField v={v} name="headPersonId" label={v.t('gratification.field.headPersonId')} hint={v.t('gratification.field.headPersonId_hint')} value={f.headPersonId} errors={errors} placeholder={v.t('gratification.none_selected')}
          options={m.people.map((p) => ({ value: p.id, label: `${p.name} — ${p.position}` }))} />
        <button class="button button--primary" type="submit">{v.t('gratification.save')}</button>
      </form>
    </Layout>
  );
}

export function statsPage(v: View, m: { w: Where; stats: Stats }) {
  const { w, stats: s } = m;
  const title = v.t('gratification.stats.title');
  const periods = [`${w.year}-Q1`, `${w.year}-Q2`, `${w.year}-Q3`, `${w.year}-Q4`, `${w.year}-S1`, `${w.year}-S2`, String(w.year)];
  const table = (caption: string, head: string, rows: [string, number][]) => (
    <section class="card">
      <h2>{caption}</h2>
      <DataTable v={v} caption={caption} empty={v.t('gratification.stats.none')} rows={rows} columns={[
        { key: 'k', label: head, render: (x) => x[0] },
        { key: 'n', label: v.t('gratification.stats.count'), numeric: true, render: (x) => v.num(x[1]) },
      ]} />
    </section>
  );
  return (
    <Layout v={v} title={title} crumbs={crumbsFor(v, title)}>
      <PageHeader title={title} lead={v.t('gratification.stats.lead', { unit: w.unitName, year: w.year })} />
      <StaffTabs v={v} w={w} current="statistik" />
      <WhereForm v={v} w={w} path={`${BASE}/statistik`} />
      <section class="card" data-stats>
        <SummaryList rows={[
          [v.t('gratification.stats.reports'), v.num(s.reports)], [v.t('gratification.kind.received'), v.num(s.received)], [v.t('gratification.kind.refused'), v.num(s.refused)],
          [v.t('gratification.stats.value_total'), rupiah(s.valueTotal)], [v.t('gratification.stats.late'), v.num(s.late)], [v.t('gratification.stats.beyond'), v.num(s.beyondStatutory)],
          [v.t('gratification.stats.overdue'), v.num(s.overdue)], [v.t('gratification.stats.campaigns'), v.num(s.campaigns)], [v.t('gratification.stats.custody_held'), v.num(s.custodyHeld)],
        ] as [string, never][]} />
      </section>
      {table(v.t('gratification.preport.s_state'), v.t('gratification.field.state'), Object.entries(s.byState).map(([k, n]) => [v.t(`gratification.state.${k}`), n]))}
      {table(v.t('gratification.preport.s_kind'), v.t('gratification.field.itemKind'), Object.entries(s.byItemKind).map(([k, n]) => [v.t(`gratification.item.${k}`), n]))}
      {table(v.t('gratification.preport.s_decision'), v.t('gratification.field.decision'), Object.entries(s.byDecision).map(([k, n]) => [v.t(`gratification.decision.${k}`), n]))}
      <section class="card">
        <h2>{v.t('gratification.preport.title')}</h2>
        <ul class="plain-list">{periods.map((p) => <li><a href={withQuery(`${BASE}/statistik/laporan.pdf`, { unit: w.unitId, period: p })}>{v.t('gratification.preport.link', { period: p })}</a></li>)}</ul>
      </section>
    </Layout>
  );
}
