import type { Policy } from '../../kernel/access.ts';

export const declarationPolicy: Policy = {
  'declaration.manage': ['@leaders', 'regency_admin'],
  // the unit's public page: anyone, signed in or not; it shows the public declaration only
  'declaration.public': 'public',
};
