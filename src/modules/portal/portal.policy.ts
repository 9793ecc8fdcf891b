import type { Policy } from '../../kernel/access.ts';

export const portalPolicy: Policy = {
  // the regency's public portal and each unit's page: anyone, signed in or not
  'portal.public': 'public',
};
