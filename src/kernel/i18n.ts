// Message catalogues (Indonesian first, English second) and Indonesian number/date formats.
// Modules hand their catalogues to the composition root, which registers them here.
import { regencyTimeZone } from './workdays.ts';
export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';

export type Messages = Record<string, string>;
export interface Catalogue { id: Messages; en: Messages }
export type Params = Record<string, string | number | null | undefined>;
export type T = (key: string, params?: Params) => string;

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

export class I18n {
  private readonly messages: Record<Locale, Messages> = { id: {}, en: {} };

  register(name: string, catalogue: Catalogue): this {
    for (const locale of LOCALES) {
      for (const [key, text] of Object.entries(catalogue[locale])) {
        if (key in this.messages[locale]) throw new Error(`i18n: duplicate key "${key}" from ${name}`);
        this.messages[locale][key] = text;
      }
    }
    return this;
  }

  has(key: string, locale: Locale = DEFAULT_LOCALE): boolean {
    return key in this.messages[locale];
  }

  keys(locale: Locale): string[] {
    return Object.keys(this.messages[locale]);
  }

  translator(locale: Locale): T {
    const own = this.messages[locale];
    const fallback = this.messages[DEFAULT_LOCALE];
    return (key, params) => {
      const text = own[key] ?? fallback[key];
      if (text === undefined) return key; // visible, and caught by the completeness test
      if (!params) return text;
      return text.replace(/\{(\w+)\}/g, (m, name: string) => {
        const v = params[name];
        return v === undefined || v === null ? m : String(v);
      });
    };
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/** "17,50" for (17.5, 2) in Indonesian; "17.50" in English. */
export function formatNumber(n: number, locale: Locale, fractionDigits = 0): string {
  const k = `${locale}:${fractionDigits}`;
  let f = numberFormats.get(k);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    numberFormats.set(k, f);
  }
  return f.format(n);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const k = `${locale}:${timeZone}:${withTime}`;
  let f = dateFormats.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
      day: 'numeric', month: 'long', year: 'numeric', timeZone,
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
    });
    dateFormats.set(k, f);
  }
  return f;
}

/** "3 Februari 2022". Plain dates ("2022-02-03") are calendar dates and are not shifted by zone. */
export function formatDate(d: Date | string, locale: Locale, timeZone = regencyTimeZone()): string {
  if (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)) {
    return dateFormat(locale, 'UTC', false).format(new Date(`${d}T00:00:00Z`));
  }
  return dateFormat(locale, timeZone, false).format(typeof d === 'string' ? new Date(d) : d);
}

/** "3 Februari 2022 pukul 14.05" (Indonesian) / "3 February 2022 at 14:05". */
export function formatDateTime(d: Date | string, locale: Locale, timeZone = regencyTimeZone()): string {
  return dateFormat(locale, timeZone, true).format(typeof d === 'string' ? new Date(d) : d);
}
