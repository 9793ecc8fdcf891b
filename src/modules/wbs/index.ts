// Public surface of the whistleblowing module (WBS): anonymous reports encrypted per report,
// receipts, handler messages, exclusions, two-person identity disclosure, retention, and
// content-free statistics offered to the LKE (A.I.5.iv).
import type { NavItem } from '../../kernel/ui/view.ts';

export { wbsPolicy } from './wbs.policy.ts';
export { wbsMessages } from './wbs.messages.ts';
export { registerWbsRoutes } from './wbs.routes.tsx';
export { seedWbsDemo } from './wbs.seed.ts';
export { wbsLkeSuggestions } from './wbs.suggest.ts';

export const wbsNav: NavItem[] = [];
