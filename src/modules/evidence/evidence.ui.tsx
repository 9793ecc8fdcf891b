// The one evidence fragment and the one evidence list every module's pages use (issue 14): the
// fields that take evidence for a record — a file, one of the unit's library, or a web address —
// read by `evidenceChoiceOf` (evidence.choice.ts), and the list of a record's evidence with an
// optional remove button per item.
import { ACCEPTED_EXTENSIONS } from '../../kernel/files.ts';
import { Csrf, FileField, SelectField, TextField, type FieldErrors } from '../../kernel/ui/components.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { formatFileSize } from './evidence.pages.tsx';
import type { EvidenceLinkView } from './evidence.queries.ts';
import { MAX_TITLE, MAX_URL } from './evidence.service.ts';

/**
 * The evidence fields of a form (a fieldset): the file field (name `file` unless given), the unit's
 * library files to pick from (left out when there are none), the web address and the title.
 * `legend` and `hint` override the fragment's own words where a module says it otherwise.
 */
export function EvidenceFields(props: {
  v: View; errors?: FieldErrors; params?: Record<string, string | number>; library?: readonly { id: string; title: string }[];
  fileField?: string; legend?: string; hint?: string; form?: Record<string, string | undefined>;
  /** the fields' id stem when the fragment appears more than once on a page */
  idStem?: string;
}) {
  const { v, errors = {}, params, library = [], form = {} } = props;
  const id = (name: string) => (props.idStem ? `${props.idStem}-${name}` : undefined);
  return (
    <fieldset class="fieldset">
      <legend>{props.legend ?? v.t('evidence.fields.legend')}</legend>
      <p class="muted">{props.hint ?? v.t('evidence.fields.hint')}</p>
      <FileField v={v} name={props.fileField ?? 'file'} id={id('file')} errors={errors} errorParams={params} label={v.t('evidence.fields.file')} hint={v.t('evidence.fields.types', { types: ACCEPTED_EXTENSIONS })} />
      {library.length ? <SelectField v={v} name="libraryFileId" id={id('library')} label={v.t('evidence.fields.library')} errors={errors} value={form.libraryFileId ?? ''} placeholder={v.t('evidence.fields.choose')} options={library.map((f) => ({ value: f.id, label: f.title }))} /> : null}
      <TextField v={v} name="url" id={id('url')} type="url" label={v.t('evidence.fields.url')} errors={errors} value={form.url ?? ''} maxlength={MAX_URL} />
      <TextField v={v} name="evidenceTitle" id={id('title')} label={v.t('evidence.fields.title')} errors={errors} value={form.evidenceTitle ?? ''} maxlength={MAX_TITLE} />
    </fieldset>
  );
}

/**
 * A record's evidence: each file (its download) or link, with the file's size — and with `detail`,
 * the file's name and the day it was attached. With `remove`, each item has a button posting to the
 * address it gives (a CSRF-protected form). `empty` is what shows when there is none.
 */
export function EvidenceList(props: { v: View; items: readonly EvidenceLinkView[]; empty?: string; detail?: boolean; remove?: ((linkId: string) => string) | null; removeLabel?: string }) {
  const { v, items } = props;
  if (!items.length) return <p class="muted">{props.empty ?? v.t('evidence.list.none')}</p>;
  return (
    <ul class="evidence-list">
      {items.map((e) => (
        <li>
          {e.kind === 'file' ? <a href={`/evidence/files/${e.fileId}`}>{e.title}</a> : <a href={e.url ?? '#'} rel="noopener noreferrer nofollow" target="_blank">{e.title}</a>}
          <span class="muted"> · {e.kind === 'file'
            ? (props.detail ? `${e.name} · ${formatFileSize(v, e.size ?? 0)}` : formatFileSize(v, e.size ?? 0))
            : v.t('evidence.list.link')}{props.detail ? <> · {v.date(e.attachedAt)}</> : null}</span>
          {props.remove ? (
            <form method="post" action={props.remove(e.linkId)} class="inline-form" novalidate>
              <Csrf v={v} />
              <button class="linkbutton" type="submit" aria-label={v.t('evidence.remove_named', { title: e.title })}>{props.removeLabel ?? v.t('evidence.list.remove')}</button>
            </form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
