// The worksheet's documents: the official LKE workbook (XLSX) and, once evaluated, the LHE (PDF,
// Typst). Each reads what it needs besides the page model (the regency, evidence, history) here.
import type { Db } from '../../kernel/db.ts';
import { DomainError } from '../../kernel/errors.ts';
import type { Locale, T } from '../../kernel/i18n.ts';
import { regencyToday } from '../../kernel/workdays.ts';
import { listEvidenceFor } from '../evidence/index.ts';
import { findRegency, listUnits } from '../org/index.ts';
import { listEvents } from './assessment.queries.ts';
import { renderLhePdf } from './lke.lhe.ts';
import { compareLayers, describeAnswer, indexOf, judge } from './lke.rules.ts';
import { exportWorkbook } from './lke.xlsx.ts';
import { SUBJECT, type Loaded } from './worksheet.queries.ts';

export interface DocumentOptions { t: T; locale: Locale }

/** The official workbook of the worksheet, each item's evidence as links (files under `publicUrl`). */
export async function worksheetWorkbook(db: Db, l: Loaded, o: DocumentOptions & { publicUrl: string }): Promise<{ bytes: Uint8Array<ArrayBuffer>; filename: string }> {
  const { f, rs } = l;
  const [regency, evidence] = await Promise.all([findRegency(db), listEvidenceFor(db, SUBJECT, f.w.id)]);
  const links: Record<string, { title: string; url: string }[]> = {};
  for (const [code, list] of evidence) links[code] = list.map((e) => ({ title: e.title, url: e.kind === 'url' ? e.url! : `${o.publicUrl}/evidence/files/${e.fileId}` }));
  const buf = await exportWorkbook({
    ruleset: rs, options: l.options, regency: regency?.name ?? '', unit: { code: f.unitCode, name: f.unitName }, year: f.w.year,
    stateLabel: o.t(`lke.state.${f.w.state}`),
    layers: { unit: l.eff.unit, tpi: l.hasTpi ? l.eff.tpi : {}, tpn: l.hasTpn ? l.eff.tpn : undefined },
    notes: { unit: l.layers.unit.notes, tpi: l.layers.tpi.notes }, evidence: links, locale: o.locale,
  });
  return { bytes: new Uint8Array(buf), filename: `LKE-${f.unitCode}-${f.w.year}.xlsx` };
}

/** The LHE of an evaluated (or recommended) worksheet; before that there is none (409). */
export async function worksheetLhe(db: Db, l: Loaded, o: DocumentOptions) {
  const { f, rs, state } = l;
  if (state !== 'evaluated' && state !== 'recommended') throw new DomainError('conflict', 'lke.export.lhe_after');
  const [regency, events, allUnits] = await Promise.all([findRegency(db), listEvents(db, f.w.id), listUnits(db, { all: true })]);
  const inspectorate = allUnits.find((u) => u.kind === 'inspektorat')?.name
    ?? `Inspektorat ${(regency?.name ?? '').replace(/^Pemerintah\s+/i, '')}`.trim();
  const evaluators = [...new Set([...l.layers.tpi.rows.values()].map((r) => r.by).filter((x): x is string => !!x))];
  const diffs = compareLayers(rs, l.eff.unit, l.eff.tpi, l.options);
  const byCode = indexOf(rs).items;
  const locale = o.locale;
  const pdf = renderLhePdf({
    locale, regency: regency?.name ?? '', inspectorate,
    unit: { code: f.unitCode, name: f.unitName }, year: f.w.year, ruleset: rs, options: l.options,
    state, stateLabel: o.t(`lke.state.${state}`), evaluatedAt: f.w.evaluatedAt, evaluators,
    conclusion: (f.w.conclusion as 'memenuhi' | 'belum_memenuhi' | null) ?? null, conclusionNote: f.w.conclusionNote,
    scores: { unit: l.scores.unit, tpi: l.scores.tpi },
    review: { items: rs.items.length, reviewed: l.review.decided, changed: diffs.length },
    verdict: judge(rs, l.scores.tpi, f.w.prerequisites as Record<string, unknown>),
    differences: diffs.map((d) => {
      const it = byCode.get(d.item)!;
      return { item: d.item, question: it.question.id, unitAnswer: describeAnswer(it, d.a, locale, l.options), tpiAnswer: describeAnswer(it, d.b, locale, l.options), delta: d.delta, note: l.layers.tpi.notes[d.item] ?? null };
    }),
    notes: events.filter(({ e }) => e.toState === 'returned' && e.note).map(({ e, by }) => `${regencyToday(e.at)} ${by ?? ''}: ${e.note}`).reverse(),
  });
  return { pdf, filename: `LHE-${f.unitCode}-${f.w.year}.pdf` };
}
