import type { Catalogue } from '../../kernel/i18n.ts';

export const complaintsMessages: Catalogue = { id: {}, en: {} };
