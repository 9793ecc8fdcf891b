import type { Policy } from '../../kernel/access.ts';

// Content is read only with a report's key: the policy admits handlers to the pages, the keys decide
// what they can open (decision 0010). Statistics and evaluations carry no content.
export const wbsPolicy: Policy = {
  'wbs.public': 'public',
  'wbs.handle': ['wbs_handler'],
  'wbs.admin': ['regency_admin'],
  'wbs.stats': ['regency_admin', 'regency_viewer', 'wbs_handler', 'unit_head', 'zi_ketua', 'zi_sekretaris', 'tpi_evaluator'],
  'wbs.evaluate': ['wbs_handler', 'unit_head', 'zi_ketua', 'zi_sekretaris'],
};
