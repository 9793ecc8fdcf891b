// What the org routes share: the service context of a request and the whole-regency scope the
// admin pages read with (their actions are the regency admin's; units and people lists of the
// public-facing pages take the actor's own scope).
import type { Scope } from '../../kernel/access.ts';
import type { Ctx } from '../../kernel/http.tsx';
import { auditActorOf, type Ctx as SvcCtx } from './org.service.ts';

export const ALL: Scope = { all: true };

export function svc(c: Ctx): SvcCtx {
  const { deps, actor } = c.var;
  return { db: deps.db, actor: auditActorOf(actor!), emailEnabled: deps.emailEnabled, knownKey: (k) => deps.i18n.has(k) };
}
