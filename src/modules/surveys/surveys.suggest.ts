import type { LkeSuggestionSource } from '../assessment/index.ts';

export const surveysLkeSuggestions: LkeSuggestionSource = async () => [];
