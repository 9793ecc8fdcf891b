import type { Catalogue } from '../../kernel/i18n.ts';

export const surveyPublicMessages: Catalogue = { id: {}, en: {} };
