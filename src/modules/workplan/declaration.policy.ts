import type { Policy } from '../../kernel/access.ts';

export const declarationPolicy: Policy = {
  'declaration.manage': ['unit_head', 'zi_ketua', 'zi_sekretaris', 'regency_admin'],
  // the unit's public page: anyone, signed in or not; it shows the public declaration only
  'declaration.public': 'public',
};
