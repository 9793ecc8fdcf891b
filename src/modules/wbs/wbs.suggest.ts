import type { LkeSuggestionSource } from '../assessment/index.ts';

export const wbsLkeSuggestions: LkeSuggestionSource = async () => [];
