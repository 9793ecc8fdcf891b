// Agen perubahan: who may see and who may designate agents and record their changes.
import type { Policy } from '../../kernel/access.ts';
import { WORKPLAN_VIEWERS } from './team.policy.ts';

export const agentsPolicy: Policy = {
  'workplan.agents.view': WORKPLAN_VIEWERS,
  'workplan.agents.manage': ['@leaders', 'regency_admin'],
};
