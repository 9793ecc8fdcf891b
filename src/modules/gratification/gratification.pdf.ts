// Gratification documents as PDFs through Typst (gratification.typ): the periodic UPG report
// (counts only, no names), the custody receipt (tanda terima titipan) and the KPK report sheet of one
// report. The KPK fields (kpkFields) are shared with the CSV export and the printable page.
import type { Db } from '../../kernel/db.ts';
import { renderPdf, unitLetterhead, type DocModel, type DocSigner as Signer } from '../../kernel/documents.ts';
import type { T } from '../../kernel/i18n.ts';
import { formatDate, formatNumber } from '../../kernel/i18n.ts';
import { dayIn } from '../../kernel/workdays.ts';
import { findRegency, findUnit, formatNip, orgPeople } from '../org/index.ts';
import { eq } from 'drizzle-orm';
import { GRATIFICATION_RULES, periodRange, versionById } from './gratification.rules.ts';
import { listCampaigns, settingsOf, statsOf, type CustodyRow, type ReportRow, type Reporter, type Stats } from './gratification.queries.ts';

const nipOf = (nip: string | null | undefined) => (nip ? `NIP. ${formatNip(nip)}` : '');
export const rupiah = (n: number) => `Rp ${formatNumber(n, 'id')}`;

/** The fields KPK's online reporting (GOL) asks for, in its order: [key, label, value]. */
export function kpkFields(t: T, r: ReportRow, reporter: Reporter, unit: string): [string, string, string][] {
  const date = (d: string | null) => (d ? formatDate(d, 'id') : '');
  const v = versionById(r.rulesVersion);
  const rows: [string, string][] = [
    ['number', r.number],
    ['reporter_name', reporter.name], ['reporter_nip', reporter.nip], ['reporter_position', reporter.position], ['reporter_unit', unit],
    ['reporter_phone', reporter.phone ?? ''], ['reporter_email', reporter.email ?? ''],
    ['kind', t(`gratification.kind.${r.kind}`)],
    ['giver_name', r.giverName], ['giver_institution', r.giverInstitution ?? ''], ['relationship', t(`gratification.rel.${r.relationship}`)],
    ['occasion', r.occasion], ['place', r.place], ['received_on', date(r.receivedOn)],
    ['item_kind', t(`gratification.item.${r.itemKind}`)], ['description', r.description], ['value', rupiah(r.valueRp)],
    ['chronology', r.chronology], ['where_now', t(`gratification.where.${r.whereNow}`)],
    ['reported_on', date(r.reportedOn)], ['rules_version', v?.regulation ?? r.rulesVersion],
  ];
  return rows.map(([k, val]) => [k, t(`gratification.kpk.${k}`), val]);
}

const TEMPLATE_URL = new URL('./gratification.typ', import.meta.url);

export function renderGratificationPdf(model: DocModel, at: Date = new Date()): Uint8Array {
  return renderPdf(TEMPLATE_URL, model, { at });
}

async function header(db: Db, unitId: string) {
  const unit = (await findUnit(db, { all: true }, unitId))!;
  const regency = await findRegency(db);
  return { unit, regency: regency?.name ?? '', capital: regency?.capital ?? '' };
}

async function upgHead(db: Db, headPersonId: string | null | undefined): Promise<Signer | null> {
  if (!headPersonId) return null;
  const [p] = await db.select({ name: orgPeople.name, nip: orgPeople.nip }).from(orgPeople).where(eq(orgPeople.id, headPersonId)).limit(1);
  return p ? { role: '', name: p.name, nip: nipOf(p.nip) } : null;
}

/** The periodic UPG report (quarter, semester or year) of a unit. */
export async function periodicReportPdf(db: Db, unitId: string, period: string, t: T, now: Date): Promise<{ bytes: Uint8Array; code: string; stats: Stats }> {
  const range = periodRange(period);
  if (!range) throw new Error(`bad period ${period}`);
  const today = dayIn(now);
  const to = range.to < today ? range.to : today;
  const { unit, regency, capital } = await header(db, unitId);
  const s = await statsOf(db, unitId, range.from, to, today);
  const settings = await settingsOf(db, unitId);
  const camps = (await listCampaigns(db, unitId, range.year)).filter((c) => c.heldOn >= range.from && c.heldOn <= range.to);
  const n = (x: number) => formatNumber(x, 'id');
  const date = (d: string) => formatDate(d, 'id');
  const bands = GRATIFICATION_RULES.valueBands;
  const bandLabel = (i: number) => (i + 1 < bands.length ? `${rupiah(bands[i]!)} – ${rupiah(bands[i + 1]! - 1)}` : `≥ ${rupiah(bands[i]!)}`);
  const head = await upgHead(db, settings?.headPersonId);
  const model: DocModel = {
    kop: unitLetterhead(regency, unit),
    title: t('gratification.preport.title'), unit: unit.name,
    subtitles: [t(`gratification.preport.period_${range.kind}`, { period, from: date(range.from), to: date(range.to) })],
    intro: t('gratification.preport.intro', { decree: settings?.decreeNumber ?? '—', today: date(today) }), numbered: true,
    sections: [
      { heading: t('gratification.preport.s_summary'), kind: 'pairs', rows: [
        [t('gratification.stats.reports'), n(s.reports)], [t('gratification.kind.received'), n(s.received)], [t('gratification.kind.refused'), n(s.refused)],
        [t('gratification.stats.value_total'), rupiah(s.valueTotal)], [t('gratification.stats.late'), n(s.late)],
        [t('gratification.stats.beyond'), n(s.beyondStatutory)], [t('gratification.stats.overdue'), n(s.overdue)],
        [t('gratification.stats.custody_held'), n(s.custodyHeld)], [t('gratification.stats.custody_received'), n(s.custodyReceived)],
      ] },
      { heading: t('gratification.preport.s_state'), kind: 'table', empty: t('gratification.stats.none'), head: [t('gratification.field.state'), t('gratification.stats.count')], widths: [0, 3],
        rows: Object.entries(s.byState).map(([k, v]) => [t(`gratification.state.${k}`), n(v)]) },
      { heading: t('gratification.preport.s_kind'), kind: 'table', empty: t('gratification.stats.none'), head: [t('gratification.field.itemKind'), t('gratification.stats.count')], widths: [0, 3],
        rows: Object.entries(s.byItemKind).map(([k, v]) => [t(`gratification.item.${k}`), n(v)]) },
      { heading: t('gratification.preport.s_band'), kind: 'table', empty: t('gratification.stats.none'), head: [t('gratification.stats.band'), t('gratification.stats.count')], widths: [0, 3],
        rows: s.byBand.map((v, i) => [bandLabel(i), n(v)]) },
      { heading: t('gratification.preport.s_decision'), kind: 'table', empty: t('gratification.stats.none'), head: [t('gratification.field.decision'), t('gratification.stats.count')], widths: [0, 3],
        rows: Object.entries(s.byDecision).map(([k, v]) => [t(`gratification.decision.${k}`), n(v)]) },
      { heading: t('gratification.preport.s_campaigns'), kind: 'table', empty: t('gratification.campaign.empty'),
        head: [t('gratification.field.heldOn'), t('gratification.field.campaignKind'), t('gratification.field.title'), t('gratification.field.channel'), t('gratification.field.reach')], widths: [2.6, 2.8, 0, 3.2, 1.8],
        rows: camps.map((c) => [date(c.heldOn), t(`gratification.ckind.${c.kind}`), c.title, c.channel, n(c.reach)]) },
    ],
    sign: head ? { place: capital, date: date(today), left: null, right: { ...head, role: t('gratification.preport.signer') } } : null,
    footer: t('gratification.preport.footer'), page: t('gratification.pdf.page'), of: t('gratification.pdf.of'),
  };
  return { bytes: renderGratificationPdf(model, now), code: unit.code, stats: s };
}

/** The custody receipt (tanda terima titipan) of an item the UPG holds. */
export async function receiptPdf(db: Db, c: CustodyRow, reportNumber: string | null, t: T, now: Date): Promise<Uint8Array> {
  const { unit, regency, capital } = await header(db, c.unitId);
  const settings = await settingsOf(db, c.unitId);
  const head = await upgHead(db, settings?.headPersonId);
  const date = (d: string) => formatDate(d, 'id');
  const model: DocModel = {
    kop: unitLetterhead(regency, unit), title: t('gratification.receipt.title'), unit: unit.name, subtitles: [t('gratification.receipt.number', { number: c.receiptNumber })],
    intro: t('gratification.receipt.intro'), numbered: false,
    sections: [{ heading: '', kind: 'pairs', rows: [
      [t('gratification.field.receiptNumber'), c.receiptNumber], [t('gratification.field.reportNumber'), reportNumber ?? '—'],
      [t('gratification.field.depositorName'), c.depositorName], [t('gratification.field.custodyReceivedOn'), date(c.receivedOn)],
      [t('gratification.field.description'), c.description], [t('gratification.field.valueRp'), c.valueRp === null ? '—' : rupiah(c.valueRp)],
      [t('gratification.field.storageLocation'), c.storageLocation],
      ...(c.releasedOn ? [[t('gratification.field.releasedOn'), `${date(c.releasedOn)} — ${c.releasedTo ?? ''}`] as [string, string]] : []),
    ] }],
    sign: { place: capital, date: date(c.receivedOn), left: { role: t('gratification.receipt.depositor'), name: c.depositorName, nip: '' },
      right: head ? { ...head, role: t('gratification.receipt.upg') } : { role: t('gratification.receipt.upg'), name: '……………………………', nip: '' } },
    footer: t('gratification.receipt.footer'), page: t('gratification.pdf.page'), of: t('gratification.pdf.of'),
  };
  return renderGratificationPdf(model, now);
}

/** The KPK report sheet of one report (the GOL fields), for printing or attaching. */
export async function kpkSheetPdf(db: Db, r: ReportRow, reporter: Reporter, t: T, now: Date): Promise<Uint8Array> {
  const { unit, regency, capital } = await header(db, r.unitId);
  const fields = kpkFields(t, r, reporter, unit.name);
  const model: DocModel = {
    kop: unitLetterhead(regency, unit), title: t('gratification.kpk.title'), unit: unit.name, subtitles: [r.number], intro: t('gratification.kpk.intro'), numbered: false,
    sections: [{ heading: '', kind: 'pairs', rows: fields.map(([, l, v]) => [l, v || '—']) }],
    sign: { place: capital, date: formatDate(dayIn(now), 'id'), left: null, right: { role: t('gratification.kpk.reporter'), name: reporter.name, nip: nipOf(reporter.nip) } },
    footer: t('gratification.kpk.footer'), page: t('gratification.pdf.page'), of: t('gratification.pdf.of'),
  };
  return renderGratificationPdf(model, now);
}
