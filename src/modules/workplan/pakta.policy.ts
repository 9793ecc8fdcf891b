import type { Policy } from '../../kernel/access.ts';

export const paktaPolicy: Policy = {
  // anyone signed in signs their own pact (an account without a person is told so) and prints it;
  // who may print someone else's pact is checked on the record (coverage viewers of the unit)
  'pakta.sign': 'authenticated',
  'pakta.coverage': ['@leaders', 'regency_admin', 'regency_viewer', 'tpi_evaluator'],
};
