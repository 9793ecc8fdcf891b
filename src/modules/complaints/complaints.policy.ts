import type { Policy } from '../../kernel/access.ts';

export const complaintsPolicy: Policy = {};
