import type { Catalogue } from '../../kernel/i18n.ts';

export const servicesMessages: Catalogue = { id: {}, en: {} };
