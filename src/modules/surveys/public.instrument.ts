// What the public form needs of a questionnaire, read from the survey core's rule data
// (instruments/*.json through instruments.ts): items in instrument order with their question and
// labelled answers in the visitor's language, the answer scale, and the optional profile lists.
import type { Locale } from '../../kernel/i18n.ts';
import { findInstrument, type Instrument } from './instruments.ts';
import type { FormInstrument } from './public.rules.ts';
import { hashCode } from './surveys.codes.ts';

export function instrumentOf(instrumentId: string): Instrument | null {
  return findInstrument(instrumentId) ?? null;
}

/** The questionnaire as validation needs it, or null for an unknown instrument. */
export function formInstrumentOf(instrumentId: string): FormInstrument | null {
  const ins = instrumentOf(instrumentId);
  if (!ins) return null;
  return {
    id: ins.id, kind: ins.kind,
    items: ins.items.map((i) => ({ code: i.code, min: ins.scale.min, max: ins.scale.max })),
    profile: Object.fromEntries(ins.profile.map((p) => [p.field, p.options.map((o) => o.code)])),
  };
}

export interface FormView {
  title: string;
  items: { code: string; name: string; question: string; options: { value: number; label: string }[] }[];
  profile: { field: string; label: string; options: { value: string; label: string }[] }[];
}

/** The questionnaire's texts in a language. */
export function formViewOf(instrumentId: string, locale: Locale): FormView | null {
  const ins = instrumentOf(instrumentId);
  if (!ins) return null;
  return {
    title: ins.title[locale],
    items: ins.items.map((i) => ({
      code: i.code, name: i.name[locale], question: i.question[locale],
      options: i.options.map((o, k) => ({ value: ins.scale.min + k, label: o[locale] })),
    })),
    profile: ins.profile.map((p) => ({ field: p.field, label: p.label[locale], options: p.options.map((o) => ({ value: o.code, label: o.label[locale] })) })),
  };
}

/** Item names in a language (results tables). */
export function itemNames(instrumentId: string, locale: Locale): Map<string, string> {
  return new Map((instrumentOf(instrumentId)?.items ?? []).map((i) => [i.code, i.name[locale]]));
}

/** The stored hash of a receipt code: the core's contract (surveys.codes.ts). */
export const hashReceiptCode = hashCode;
