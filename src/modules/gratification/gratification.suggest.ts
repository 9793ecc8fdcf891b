import type { LkeSuggestionSource } from '../assessment/index.ts';

export const gratificationLkeSuggestions: LkeSuggestionSource = async () => [];
