// The audit log route: a page of entries, and the hash chain's check when asked for (?verify=1).
import { verifyAudit } from '../../kernel/audit.ts';
import { pageView, type Router } from '../../kernel/http.tsx';
import { pageNumber } from '../../kernel/kernel.routes.tsx';
import { AuditPage } from './audit.pages.tsx';
import { listAuditLog } from './org.queries.ts';

const PAGE_SIZE = 50;

export function registerAuditRoutes(r: Router) {
  r.get('/admin/audit', 'audit.view', async (c) => {
    const { deps } = c.var;
    const page = pageNumber(c);
    const action = (c.req.query('action') ?? '').trim().slice(0, 80);
    const list = await listAuditLog(deps.db, { action: action || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const verify = c.req.query('verify') === '1' ? await verifyAudit(deps.db) : null;
    const v = await pageView(c);
    return c.html(AuditPage(v, { action, list, verify, page, pageSize: PAGE_SIZE }));
  });
}
