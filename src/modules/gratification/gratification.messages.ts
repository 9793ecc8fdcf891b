// Messages of the gratification-control module (Indonesian first, English second).
import type { Catalogue } from '../../kernel/i18n.ts';

export const gratificationMessages: Catalogue = {
  id: {
    'nav.gratification': 'Gratifikasi',
  },
  en: {
    'nav.gratification': 'Gratification',
  },
};
