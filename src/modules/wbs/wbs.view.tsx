// Pieces the WBS pages share: crumbs, a report's label and state badge, its content, attachments
// and messages as the reader's key opened them, and the attachments field. They read no database.
import { ACCEPTED_EXTENSIONS } from '../../kernel/files.ts';
import { Badge, FileField, SummaryList, type FieldErrors } from '../../kernel/ui/components.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { FINAL_STATES, WBS_RULES, type WbsState } from './wbs.rules.ts';
import type { ReportView } from './wbs.service.ts';

export const home = (v: View) => ({ href: '/', label: v.t('nav.home') });
export const pub = (v: View) => ({ href: '/wbs', label: v.t('wbs.title') });

/** A report's name on the pages: its id's first eight digits, never anything of its content. */
export const reportLabel = (id: string) => `WBS-${id.slice(0, 8).toUpperCase()}`;

const stateTone = (s: string) => (s === 'rejected' ? 'danger' : FINAL_STATES.includes(s as WbsState) ? 'success' : s === 'received' ? 'warning' : 'info');
export const StateBadge = ({ v, s }: { v: View; s: string }) => <Badge tone={stateTone(s)}>{v.t(`wbs.state.${s}`)}</Badge>;

/** The attachments field of the report and reply forms (how many files, which types). */
export function AttachmentsField({ v, errors, name = 'files', labelKey = 'wbs.field.files' }: { v: View; errors?: FieldErrors; name?: string; labelKey?: string }) {
  return <FileField v={v} name={name} label={v.t(labelKey)} hint={v.t('wbs.field.files_hint', { n: WBS_RULES.attachments.maxFiles, types: ACCEPTED_EXTENSIONS })}
    errors={errors} errorParams={{ n: WBS_RULES.attachments.maxFiles }} multiple />;
}

/** Text as written, line breaks kept (no inline styles: CSP). */
export function Lines({ text }: { text: string }) {
  const lines = text.split('\n');
  return <>{lines.map((l, i) => (i === 0 ? l : <><br />{l}</>))}</>;
}

export function Messages({ v, r, attachmentHref }: { v: View; r: ReportView; attachmentHref?: (id: string) => string }) {
  if (!r.messages.length) return <p class="muted">{v.t('wbs.messages.none')}</p>;
  return (
    <ul class="inbox">
      {r.messages.map((m) => (
        <li class="inbox__item">
          <div class="inbox__head">
            <strong>{m.author === 'reporter' ? v.t('wbs.messages.reporter') : m.author === 'handler' ? v.t('wbs.messages.handler') : v.t('wbs.messages.state')}</strong>
            {m.state ? <StateBadge v={v} s={m.state} /> : null}
            <span class="muted">{v.date(m.on)}</span>
          </div>
          {m.body ? <p><Lines text={m.body} /></p> : null}
          {m.attachments.length ? <Attachments v={v} list={m.attachments} href={attachmentHref} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function Attachments({ v, list, href }: { v: View; list: ReportView['attachments']; href?: (id: string) => string }) {
  return (
    <ul class="plain-list">
      {list.map((a) => <li>{href ? <a href={href(a.id)}>{a.meta.name}</a> : a.meta.name} <span class="muted">({v.num(Math.ceil(a.meta.size / 1024))} KB)</span></li>)}
    </ul>
  );
}

export function ReportContentView({ v, r }: { v: View; r: ReportView }) {
  if (!r.content) return <p class="muted">{v.t('wbs.purged')}</p>;
  return (
    <SummaryList rows={[
      [v.t('wbs.field.what'), <Lines text={r.content.what} />],
      [v.t('wbs.field.who'), r.content.who],
      [v.t('wbs.field.when'), r.content.when || '—'],
      [v.t('wbs.field.where'), r.content.where || '—'],
      [v.t('wbs.field.unit'), r.unitName ?? v.t('wbs.field.unit_unknown')],
    ]} />
  );
}
