// Messages of the conflict-of-interest module (Indonesian first, English second).
import type { Catalogue } from '../../kernel/i18n.ts';

export const coiMessages: Catalogue = {
  id: {
    'nav.coi': 'Konflik kepentingan',
  },
  en: {
    'nav.coi': 'Conflicts of interest',
  },
};
