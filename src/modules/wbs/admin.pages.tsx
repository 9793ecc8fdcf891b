// The regency administrator's WBS pages: the recovery key (create, recover, replace), handler
// designations, exclusion from live reports and pending disclosure approvals — counts, names and
// ids only, never report content — and the new recovery sheet, shown once.
import { Badge, CheckboxField, Csrf, ErrorSummary, PageHeader, TextAreaField, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import type { HandlerDesignation, LiveReport } from './wbs.queries.ts';
import { home, reportLabel, StateBadge } from './wbs.view.tsx';

export interface AdminModel {
  recovery: { fingerprint: string; createdAt: Date } | null;
  /** live reports without a recovery wrap yet */
  uncovered: number;
  pending: { id: string; reportId: string; requesterName: string | null; requestedAt: Date; unitName: string | null }[];
  handlers: HandlerDesignation[];
  live: (LiveReport & { handlers: { accountId: string; name: string; excluded: boolean }[] })[];
  recovered?: { reports: number; keys: number };
  errors?: FieldErrors;
}

export function AdminPage({ v, m }: { v: View; m: AdminModel }) {
  const { recovery, uncovered, pending, handlers, live, errors } = m;
  return (
    <Layout v={v} title={v.t('wbs.admin.title')} crumbs={[home(v), { label: v.t('wbs.admin.title') }]}>
      <PageHeader title={v.t('wbs.admin.title')} lead={v.t('wbs.admin.lead')} />
      <ErrorSummary v={v} errors={errors} labels={{ key: v.t('wbs.recovery.paste'), old_key: v.t('wbs.recovery.rotate_old') }} />
      {m.recovered ? <div class="alert alert--success" role="status">{v.t('wbs.recovery.done', m.recovered)}</div> : null}
      <h2>{v.t('wbs.recovery.title')}</h2>
      {recovery ? (<>
        <p>{v.t('wbs.recovery.set', { fp: recovery.fingerprint, on: v.date(recovery.createdAt) })}</p>
        <form method="post" action="/wbs/admin/pulihkan" class="form" novalidate>
          <Csrf v={v} />
          <TextAreaField v={v} name="key" label={v.t('wbs.recovery.paste')} hint={v.t('wbs.recovery.paste_hint')} rows={6} required errors={errors} />
          <button type="submit" class="button">{v.t('wbs.recovery.run')}</button>
        </form>
        {uncovered > 0 ? <div class="alert alert--warning" role="status">{v.t('wbs.recovery.uncovered', { n: uncovered })}</div> : null}
        <h3>{v.t('wbs.recovery.rotate_title')}</h3>
        <p class="muted">{v.t('wbs.recovery.rotate_lead')}</p>
        <form method="post" action="/wbs/admin/ganti-kunci-pemulihan" class="form" novalidate>
          <Csrf v={v} />
          <TextAreaField v={v} name="old_key" label={v.t('wbs.recovery.rotate_old')} hint={v.t('wbs.recovery.rotate_old_hint')} rows={6} errors={errors} />
          <CheckboxField v={v} name="old_lost" label={v.t('wbs.recovery.rotate_lost')} hint={v.t('wbs.recovery.rotate_lost_hint')} />
          <button type="submit" class="button">{v.t('wbs.recovery.rotate')}</button>
        </form>
      </>) : (<>
        <div class="alert alert--warning" role="status">{v.t('wbs.recovery.missing')}</div>
        <form method="post" action="/wbs/admin/kunci-pemulihan" class="form" novalidate><Csrf v={v} /><button type="submit" class="button button--primary">{v.t('wbs.recovery.create')}</button></form>
      </>)}
      <h2>{v.t('wbs.admin.handlers')}</h2>
      <p class="muted">{v.t('wbs.admin.handlers_hint')}</p>
      {handlers.length ? <ul class="plain-list">{handlers.map((h) => <li>{h.name} — {h.unit_name ?? '—'} {h.has_key ? <Badge tone="success">{v.t('wbs.handlers.has_key')}</Badge> : <Badge tone="neutral">{v.t('wbs.admin.no_key_yet')}</Badge>}</li>)}</ul> : <p class="muted">{v.t('wbs.admin.no_handlers')}</p>}
      <h2>{v.t('wbs.admin.exclusions')}</h2>
      <p class="muted">{v.t('wbs.handlers.hint')}</p>
      {live.length ? (
        <ul class="plain-list">
          {live.map((r) => (
            <li>
              <strong class="nowrap">{reportLabel(r.id)}</strong> · {r.unit_name ?? v.t('wbs.field.unit_unknown')} · <StateBadge v={v} s={r.state} />
              <ul class="plain-list">
                {r.handlers.map((h) => (
                  <li>
                    {h.name} {h.excluded ? <Badge tone="danger">{v.t('wbs.handlers.excluded')}</Badge> : (
                      <form method="post" action={`/wbs/admin/kecualikan/${r.id}`} class="inline-form" novalidate>
                        <Csrf v={v} /><input type="hidden" name="account" value={h.accountId} />
                        <button class="linkbutton" type="submit">{v.t('wbs.handlers.exclude')}<span class="visually-hidden"> {h.name} · {reportLabel(r.id)}</span></button>
                      </form>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : <p class="muted">{v.t('wbs.list.empty')}</p>}
      <h2>{v.t('wbs.admin.disclosures')}</h2>
      {pending.length ? (
        <ul class="plain-list">
          {pending.map((p) => (
            <li>
              {reportLabel(p.reportId)} · {p.unitName ?? v.t('wbs.field.unit_unknown')} · {v.t('wbs.disclosure.line', { who: p.requesterName ?? '—', on: v.date(p.requestedAt) })}{' '}
              <form method="post" action={`/wbs/admin/ungkap/${p.reportId}/${p.id}`} class="inline-form" novalidate><Csrf v={v} /><button class="button button--small" type="submit">{v.t('wbs.disclosure.approve')}<span class="visually-hidden"> {reportLabel(p.reportId)}</span></button></form>
            </li>
          ))}
        </ul>
      ) : <p class="muted">{v.t('wbs.admin.no_disclosures')}</p>}
    </Layout>
  );
}

/** The new recovery key, shown once (after creation or replacement). */
export function RecoverySheetPage({ v, made }: { v: View; made: { text: string; fingerprint: string; rewrapped?: number; pending?: number } }) {
  return (
    <Layout v={v} title={v.t('wbs.recovery.sheet_title')} crumbs={[home(v), { href: '/wbs/admin', label: v.t('wbs.admin.title') }, { label: v.t('wbs.recovery.sheet_title') }]} narrow>
      <h1>{v.t('wbs.recovery.sheet_title')}</h1>
      {made.rewrapped !== undefined ? <div class="alert alert--success" role="status">{v.t('wbs.recovery.rotated', { rewrapped: made.rewrapped, pending: made.pending ?? 0 })}</div> : null}
      <div class="alert alert--warning" role="alert">
        <strong>{v.t('wbs.recovery.once')}</strong>
        <ul>{['print', 'two_places', 'lost'].map((k) => <li>{v.t(`wbs.recovery.advice.${k}`)}</li>)}</ul>
      </div>
      <div class="card">
        <p>{v.t('wbs.recovery.fingerprint', { fp: made.fingerprint })}</p>
        <pre class="temp-password" data-recovery-key>{made.text}</pre>
      </div>
      <p><a class="button" href="/wbs/admin">{v.t('wbs.recovery.stored')}</a></p>
    </Layout>
  );
}
