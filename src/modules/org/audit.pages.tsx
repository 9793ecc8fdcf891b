// The audit log page: the newest entries first, filtered by action, with the chain's check on demand.
import type { verifyAudit } from '../../kernel/audit.ts';
import { DataTable, Form, PageHeader, Pagination, TextField, withQuery } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { crumbsHome } from './org.components.tsx';
import type { listAuditLog } from './org.queries.ts';

export interface AuditModel {
  action: string;
  list: Awaited<ReturnType<typeof listAuditLog>>;
  /** the chain's check, when asked for */
  verify: Awaited<ReturnType<typeof verifyAudit>> | null;
  page: number;
  pageSize: number;
}

export function AuditPage(v: View, m: AuditModel) {
  const { verify, action } = m;
  return (
    <Layout v={v} title={v.t('audit.title')} crumbs={[crumbsHome(v), { label: v.t('audit.title') }]}>
      <PageHeader title={v.t('audit.title')} lead={v.t('audit.lead')} actions={<a class="button" href={withQuery('/admin/audit', { verify: '1', action })}>{v.t('audit.verify')}</a>} />
      {verify ? (verify.ok
        ? <div class="alert alert--success" role="status">{v.t('audit.verify.ok', { n: v.num(verify.checked) })}</div>
        : <div class="alert alert--error" role="alert">{v.t('audit.verify.broken', { seq: verify.firstBroken!.seq, reason: verify.firstBroken!.reason })}</div>) : null}
      <Form v={v} method="get" action="/admin/audit" class="filters" role="search">
        <TextField v={v} name="action" label={v.t('audit.filter.action')} value={action} />
        <div class="filters__actions"><button class="button" type="submit">{v.t('ui.filter')}</button></div>
      </Form>
      <DataTable v={v} caption={v.t('audit.title')} empty={v.t('audit.empty')} rows={m.list.rows} columns={[
        { key: 'seq', label: v.t('audit.col.seq'), numeric: true, render: (r) => r.seq },
        { key: 'at', label: v.t('audit.col.at'), render: (r) => v.dateTime(r.at) },
        { key: 'actor', label: v.t('audit.col.actor'), render: (r) => r.actorLabel },
        { key: 'action', label: v.t('audit.col.action'), render: (r) => <code>{r.action}</code> },
        { key: 'entity', label: v.t('audit.col.entity'), render: (r) => `${r.entityType}${r.entityId ? ` ${r.entityId.slice(0, 8)}` : ''}` },
      ]} />
      <Pagination v={v} page={m.page} pageSize={m.pageSize} total={m.list.total} query={{ action }} />
    </Layout>
  );
}
