import type { Policy } from '../../kernel/access.ts';

export const wbsPolicy: Policy = {};
