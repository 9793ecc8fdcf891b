import type { Policy } from '../../kernel/access.ts';

export const surveyPublicPolicy: Policy = {
  // the forms behind the short links (/s/…) and their thanks pages: anyone, no account
  'surveys.public.form': 'public',
  // a unit's published survey results (/publik/unit/:code/survei)
  'surveys.public.results': 'public',
  // QR posters of the unit's survey forms, for the service counters: the unit's head and ZI team
  'surveys.poster': ['unit_head', '@zi_team', 'regency_admin'],
};
