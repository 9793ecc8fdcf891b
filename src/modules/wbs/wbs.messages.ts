import type { Catalogue } from '../../kernel/i18n.ts';

export const wbsMessages: Catalogue = { id: {}, en: {} };
