// The conflict-of-interest documents as PDFs through Typst (coi.typ): the year's report of a unit
// (counts and the records of the five steps, never the content of a declared conflict) and one
// declaration (surat pernyataan) for signing by the declarant and acknowledgement by the superior.
import { renderPdf, unitLetterhead, type DocModel, type DocSection as Section, type LetterheadUnit } from '../../kernel/documents.ts';
import type { T } from '../../kernel/i18n.ts';
import { formatDate, formatNumber } from '../../kernel/i18n.ts';
import { formatNip } from '../org/index.ts';
import { versionById, currentVersion } from './coi.rules.ts';
import type { DeclarationView, MapFunction, Summary } from './coi.service.ts';


type UnitInfo = LetterheadUnit;
const nipOf = (nip: string | null | undefined) => (nip ? `NIP. ${formatNip(nip)}` : '');

export interface ReportSource {
  t: T; regency: string; capital: string; unit: UnitInfo; year: number; today: string; summary: Summary; map: MapFunction[];
  socialisations: { heldOn: string; title: string; kind: string; participants: number; functionIds: string[] }[];
  evaluations: { heldOn: string; periodFrom: string; periodTo: string; findings: string; recommendations: { text: string; status: string; doneOn: string | null }[] }[];
  head: { name: string; position: string; nip: string } | null;
}

export function reportModel(src: ReportSource): DocModel {
  const { t, summary: s } = src;
  const n = (x: number) => formatNumber(x, 'id');
  const date = (d: string) => formatDate(d, 'id');
  const fnName = new Map(src.map.map((f) => [f.id, f.name]));
  const answer = (k: string, a: string | null) => (a ? `${a.toUpperCase()} — ${t(`coi.lke.${k}.${a}`)}` : t('coi.lke.no_verdict'));
  return {
    kop: unitLetterhead(src.regency, src.unit),
    title: t('coi.report.title'), unit: src.unit.name, subtitles: [t('coi.report.year', { year: src.year })],
    intro: t('coi.report.intro', { year: src.year, today: date(src.today) }), numbered: true,
    sections: [
      { heading: t('coi.report.s_summary'), kind: 'pairs', rows: [
        [t('coi.step.map'), `${answer('a', s.answers.a)} (${t('coi.summary.mapped', { n: n(s.mapped), total: n(s.functions) })})`],
        [t('coi.step.socialise'), `${answer('b', s.answers.b)} (${t('coi.summary.socialised', { n: n(s.socialised), total: n(s.functions) })})`],
        [t('coi.step.implement'), `${answer('c', s.answers.c)} (${t('coi.summary.implemented', { n: n(s.implemented), total: n(s.functions) })})`],
        [t('coi.step.evaluate'), `${answer('d', s.answers.d)} (${t('coi.summary.evaluations', { n: n(s.evaluations) })})`],
        [t('coi.step.follow_up'), `${answer('e', s.answers.e)} (${t('coi.summary.recommendations', { done: n(s.recommendationsDone), total: n(s.recommendations) })})`],
      ] },
      { heading: t('coi.report.s_map'), kind: 'table', empty: t('coi.map.empty'),
        head: [t('coi.field.function'), t('coi.field.source'), t('coi.field.form'), t('coi.field.positions'), t('coi.field.level'), t('coi.field.mitigation_plan')], widths: [3.2, 2.6, 0, 2.6, 1.8, 0],
        rows: src.map.flatMap((f) => (f.risks.length ? f.risks.map((r) => [f.name, t(`coi.source.${r.source}`), r.form, r.positions, `${t(`coi.level.${r.level}`)} (${r.likelihood}×${r.impact})`, r.mitigation ?? '—'])
          : [[f.name, '—', t('coi.map.no_risks'), '—', '—', '—']])) },
      { heading: t('coi.report.s_socialisation'), kind: 'table', empty: t('coi.soc.empty'),
        head: [t('coi.field.held_on'), t('coi.field.title'), t('coi.field.kind'), t('coi.field.participants'), t('coi.field.functions')], widths: [2.4, 0, 2.4, 1.8, 0],
        rows: src.socialisations.map((x) => [date(x.heldOn), x.title, t(`coi.soc_kind.${x.kind}`), n(x.participants), x.functionIds.map((id) => fnName.get(id) ?? '').filter(Boolean).join('; ')]) },
      { heading: t('coi.report.s_declarations'), kind: 'pairs', rows: [
        [t('coi.summary.periodic_of', { period: s.periodic.period }), t('coi.summary.declared_of', { n: n(s.periodic.declared), total: n(s.periodic.active) })],
        [t('coi.kind.adhoc'), n(s.declarations.adhoc)],
        [t('coi.summary.with_conflict'), n(s.declarations.withConflict)],
        [t('coi.state.submitted'), n(s.declarations.pendingReview)],
        [t('coi.state.mitigating'), n(s.declarations.mitigating)],
        [t('coi.state.closed'), n(s.declarations.closed)],
      ] },
      { heading: t('coi.report.s_evaluation'), kind: 'table', empty: t('coi.eval.empty'),
        head: [t('coi.field.held_on'), t('coi.field.period'), t('coi.field.findings'), t('coi.field.recommendations')], widths: [2.4, 3.2, 0, 0],
        rows: src.evaluations.map((e) => [date(e.heldOn), `${date(e.periodFrom)} – ${date(e.periodTo)}`, e.findings,
          e.recommendations.map((r, i) => `${i + 1}. ${r.text} — ${t(`coi.rec_status.${r.status}`)}${r.doneOn ? ` (${date(r.doneOn)})` : ''}`).join('\n') || '—']) },
    ],
    sign: src.head ? { place: src.capital, date: date(src.today), left: null, right: { role: src.head.position, name: src.head.name, nip: nipOf(src.head.nip) } } : null,
    footer: t('coi.report.footer'), page: t('coi.pdf.page'), of: t('coi.pdf.of'),
  };
}

export interface DeclarationSource {
  t: T; regency: string; capital: string; unit: UnitInfo; today: string;
  d: DeclarationView; person: { name: string; nip: string; position: string }; superior: { name: string; nip: string; position: string } | null;
}

export function declarationModel(src: DeclarationSource): DocModel {
  const { t, d } = src;
  const date = (x: string) => formatDate(x, 'id');
  const version = versionById(d.rulesVersion) ?? currentVersion();
  const conflicts = (d.conflicts as { source: string; description: string; relatedParty: string }[]) ?? [];
  const sections: Section[] = [
    { heading: '', kind: 'text', text: t('coi.letter.undersigned') },
    { heading: '', kind: 'pairs', rows: [
      [t('coi.field.name'), src.person.name], [t('coi.field.nip'), src.person.nip ? formatNip(src.person.nip) : '—'],
      [t('coi.field.position'), src.person.position], [t('coi.field.unit'), src.unit.name],
    ] },
  ];
  if (d.kind === 'adhoc') {
    sections.push({ heading: '', kind: 'text', text: t('coi.letter.adhoc_intro') });
    sections.push({ heading: '', kind: 'pairs', rows: [
      [t('coi.field.decision_kind'), t(`coi.decision.${d.decisionKind}`)], [t('coi.field.reference'), d.reference ?? ''],
      [t('coi.field.role_in_decision'), d.roleInDecision ?? ''], ...(d.functionName ? [[t('coi.field.function'), d.functionName] as [string, string]] : []),
    ] });
  } else sections.push({ heading: '', kind: 'text', text: t('coi.letter.periodic_intro', { period: d.period ?? '' }) });
  if (d.hasConflict) {
    sections.push({ heading: '', kind: 'text', text: t('coi.letter.has_conflict') });
    sections.push({ heading: '', kind: 'table', empty: '', head: ['No.', t('coi.field.source'), t('coi.field.description'), t('coi.field.related_party')], widths: [1, 3.5, 0, 4],
      rows: conflicts.map((c, i) => [String(i + 1), t(`coi.source.${c.source}`), c.description, c.relatedParty || '—']) });
  } else sections.push({ heading: '', kind: 'text', text: t('coi.letter.no_conflict') });
  sections.push({ heading: '', kind: 'text', text: version.statement.text });
  if (d.reviewedAt && d.assessment) {
    sections.push({ heading: t('coi.letter.review'), kind: 'pairs', rows: [
      [t('coi.field.assessment'), t(`coi.assessment.${d.assessment}`)],
      [t('coi.field.mitigation'), d.mitigation ? t(`coi.mitigation.${d.mitigation}`) : t('coi.review.no_action')],
      ...(d.dueOn ? [[t('coi.field.due_on'), date(d.dueOn)] as [string, string]] : []),
      ...(d.followUpOn ? [[t('coi.field.follow_up'), `${date(d.followUpOn)} — ${d.followUpNote ?? ''}`] as [string, string]] : []),
    ] });
  }
  return {
    kop: unitLetterhead(src.regency, src.unit),
    title: t('coi.letter.title'), unit: src.unit.name,
    subtitles: [d.kind === 'periodic' ? t('coi.letter.sub_periodic', { period: d.period ?? '' }) : t('coi.letter.sub_adhoc')],
    intro: '', numbered: false, sections,
    sign: {
      place: src.capital, date: date(d.declaredOn),
      left: src.superior ? { role: t('coi.letter.superior'), name: src.superior.name, nip: src.superior.nip ? `NIP. ${formatNip(src.superior.nip)}` : '' } : null,
      right: { role: t('coi.letter.declarant'), name: src.person.name, nip: src.person.nip ? `NIP. ${formatNip(src.person.nip)}` : '' },
    },
    footer: t('coi.letter.footer', { version: version.regulation, statement: version.statement.version }), page: t('coi.pdf.page'), of: t('coi.pdf.of'),
  };
}

const TEMPLATE_URL = new URL('./coi.typ', import.meta.url);

export function renderCoiPdf(model: DocModel, at: Date = new Date()): Uint8Array {
  return renderPdf(TEMPLATE_URL, model, { at });
}
