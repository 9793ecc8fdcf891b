import type { LkeSuggestionSource } from '../assessment/index.ts';

export const coiLkeSuggestions: LkeSuggestionSource = async () => [];
