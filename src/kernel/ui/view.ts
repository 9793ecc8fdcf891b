import type { Actor, Scope } from '../access.ts';
import type { Locale, T } from '../i18n.ts';

export interface NavItem {
  href: string;
  labelKey: string;
  /** shown only to actors who may take this action */
  action: string;
  group: 'main' | 'admin';
  /**
   * The menu the item sits in (the composition root decides): items of one section are shown under
   * one disclosure button; items without a section, and sections with a single visible item, are
   * plain links. Admin items form their own section.
   */
  section?: NavSection;
}

export type NavSection = 'org' | 'programme' | 'services' | 'supervision' | 'admin';

export interface UnitChoice { id: string; name: string }

/** Everything a page needs to render for one request. */
export interface View {
  t: T;
  locale: Locale;
  csrf: string;
  actor: Actor | null;
  path: string;
  nav: NavItem[];
  units: UnitChoice[];
  currentUnitId: string | null;
  scope: Scope | null;
  unreadCount: number;
  flash: { kind: 'success' | 'error'; text: string } | null;
  num(n: number, fractionDigits?: number): string;
  date(d: Date | string): string;
  dateTime(d: Date | string): string;
  can(action: string, unitId?: string | null): boolean;
}
