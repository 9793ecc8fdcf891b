import type { Catalogue } from '../../kernel/i18n.ts';

export const surveysMessages: Catalogue = { id: {}, en: {} };
