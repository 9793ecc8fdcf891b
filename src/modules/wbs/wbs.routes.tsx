// Whistleblowing pages, by area. Public (no account, no JavaScript needed): /wbs (what it is, what
// is guaranteed), /wbs/lapor (the form), /wbs/tanda-terima (the receipt, shown once), /wbs/cek
// (status and messages with the receipt) — public.routes.tsx. Handlers: /wbs/kelola (unlock, list,
// detail, reply, states, exclusion, identity disclosure) — handle.routes.tsx. Regency admin:
// /wbs/admin (recovery key, recovery, exclusion, approvals) — admin.routes.tsx. Statistics and
// evaluations without content: /wbs/statistik — stats.routes.tsx. Nothing of a reporter's
// connection is stored or logged; the client address is used only as an HMAC input for the daily
// throttle.
import { registerPasswordListener } from '../../kernel/auth.ts';
import type { Router } from '../../kernel/http.tsx';
import { registerAdminRoutes } from './admin.routes.tsx';
import { registerHandleRoutes } from './handle.routes.tsx';
import { registerPublicRoutes } from './public.routes.tsx';
import { registerStatsRoutes } from './stats.routes.tsx';
import { wbsPasswordListener } from './wbs.service.ts';

export function registerWbsRoutes(r: Router): void {
  // the handler's key is unlocked at sign-in and re-sealed on a password change (decision 0010)
  registerPasswordListener('wbs', wbsPasswordListener);
  registerPublicRoutes(r);
  registerHandleRoutes(r);
  registerAdminRoutes(r);
  registerStatsRoutes(r);
}
