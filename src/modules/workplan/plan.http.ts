// Helpers shared by the Rencana Kerja and monev routes: the base path, the plan in the actor's
// scope (else 404), the service context, and form errors of a rejected request.
import { DomainError, notFound } from '../../kernel/errors.ts';
import type { Ctx } from '../../kernel/http.tsx';
import { isUuid } from '../../kernel/kernel.routes.tsx';
import type { FieldErrors } from '../../kernel/ui/components.tsx';
import { findPlan, type PlanRow } from './plan.queries.ts';
import { auditActorOf, type Ctx as SvcCtx } from './plan.service.ts';

export const BASE = '/rencana-kerja';
export const ID = ':id{[0-9a-f-]{36}}';

export function svc(c: Ctx): SvcCtx {
  return { db: c.var.deps.db, actor: auditActorOf(c.var.actor!) };
}

/** The plan named in the path, if the scope of the route's action reaches it; else 404. */
export async function planOr404(c: Ctx): Promise<PlanRow> {
  const id = c.req.param('id');
  const plan = isUuid(id) ? await findPlan(c.var.deps.db, c.var.scope!, id) : null;
  if (!plan) throw notFound();
  return plan;
}

/** Field errors of a rejected form, or rethrow. Conflicts show as a summary line. */
export function errorsOf(err: unknown): { errors: FieldErrors; texts: Record<string, string>; status: 400 | 409 } {
  if (err instanceof DomainError && err.kind === 'validation') return { errors: Object.keys(err.fieldErrors).length ? err.fieldErrors : { _: err.code }, texts: {}, status: 400 };
  if (err instanceof DomainError && err.kind === 'conflict') return { errors: Object.keys(err.fieldErrors).length ? err.fieldErrors : { _: err.code }, texts: {}, status: 409 };
  throw err;
}

export const aidOf = (c: Ctx): string => c.req.param('aid') ?? '';
