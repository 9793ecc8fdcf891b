import type { Policy } from '../../kernel/access.ts';

export const surveysPolicy: Policy = {};
