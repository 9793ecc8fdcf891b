import type { LkeSuggestionSource } from '../assessment/index.ts';

export const complaintsLkeSuggestions: LkeSuggestionSource = async () => [];
