import type { LkeSuggestionSource } from '../assessment/index.ts';

export const servicesLkeSuggestions: LkeSuggestionSource = async () => [];
