// The evidence library page (list, search, upload) and the labels other modules show for files.
import { ACCEPTED_EXTENSIONS, FILE_KINDS, MAX_EVIDENCE_BYTES, describeMime } from '../../kernel/files.ts';
import { DataTable, ErrorSummary, FileField, Form, PageHeader, Pagination, TextField, UnitPicker, type FieldErrors } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import type { UnitFileView } from './evidence.queries.ts';
import { MAX_TITLE } from './evidence.service.ts';

const MAX_MB = MAX_EVIDENCE_BYTES / (1024 * 1024);
const ACCEPT = [...FILE_KINDS.flatMap((k) => k.exts), 'jpeg'].map((e) => `.${e}`).join(',');

/** "850 B", "12,5 KB", "3,2 MB" in the user's number format. */
export function formatFileSize(v: View, bytes: number): string {
  if (bytes < 1024) return v.t('evidence.size.b', { n: v.num(bytes) });
  if (bytes < 1024 * 1024) {
    const kb = bytes / 1024;
    return v.t('evidence.size.kb', { n: v.num(kb, kb < 10 ? 1 : 0) });
  }
  return v.t('evidence.size.mb', { n: v.num(bytes / (1024 * 1024), 1) });
}

/** A label for a stored media type: "PDF", "Dokumen Office (DOCX)", "Gambar (PNG)". */
export function fileTypeLabel(v: View, mime: string): string {
  const d = describeMime(mime);
  if (!d) return mime;
  return d.kind === 'pdf' ? v.t('evidence.kind.pdf') : `${v.t(`evidence.kind.${d.kind}`)} (${d.ext.toUpperCase()})`;
}

const crumbsHome = (v: View) => ({ href: '/', label: v.t('nav.home') });

export interface LibraryModel {
  /** the units whose library the person may see */
  units: { id: string; name: string; shortName: string }[];
  /** the library shown (none: the person has no unit) */
  unit: { id: string; name: string } | null;
  list: { rows: UnitFileView[]; total: number };
  q: string;
  sort: string;
  dir: 'asc' | 'desc';
  page: number;
  pageSize: number;
  /** a refused upload: the title typed, the errors (field → key) and their parameters */
  title?: string;
  errors?: FieldErrors;
  errorParams?: Record<string, string | number>;
}

export function LibraryPage(v: View, m: LibraryModel) {
  const { unit, errors } = m;
  const query = { unit: unit && m.units.length > 1 ? unit.id : undefined, q: m.q, sort: m.sort, dir: m.dir };
  const canUpload = !!unit && v.can('evidence.manage', unit.id);
  return (
    <Layout v={v} title={v.t('evidence.title')} crumbs={[crumbsHome(v), { label: v.t('evidence.title') }]}>
      <PageHeader title={v.t('evidence.title')} lead={unit ? v.t('evidence.lead', { unit: unit.name }) : v.t('evidence.no_unit')} />
      {errors ? <ErrorSummary v={v} errors={errors} params={m.errorParams} /> : null}
      {unit ? (<>
        {canUpload ? (
          <section class="card">
            <h2>{v.t('evidence.upload.title')}</h2>
            <Form v={v} action="/evidence" enctype="multipart/form-data" class="form">
              <input type="hidden" name="unitId" value={unit.id} />
              <FileField v={v} name="file" label={v.t('evidence.upload.file')} hint={v.t('evidence.upload.file_hint', { max: MAX_MB, types: ACCEPTED_EXTENSIONS })}
                accept={ACCEPT} required errors={errors} errorParams={m.errorParams} />
              <TextField v={v} name="title" label={v.t('evidence.upload.name')} hint={v.t('evidence.upload.name_hint')} maxlength={MAX_TITLE} value={m.title}
                errors={errors} errorParams={m.errorParams} />
              <button class="button button--primary" type="submit">{v.t('evidence.upload.submit')}</button>
            </Form>
          </section>
        ) : null}
        <Form v={v} method="get" action="/evidence" class="filters" role="search">
          {m.units.length > 1 ? <UnitPicker v={v} name="unit" label={v.t('evidence.filter.unit')} units={m.units} value={unit.id} /> : null}
          <TextField v={v} name="q" label={v.t('evidence.filter.q')} value={m.q} type="search" />
          <div class="filters__actions"><button class="button" type="submit">{v.t('ui.filter')}</button><a class="button button--secondary" href="/evidence">{v.t('ui.reset')}</a></div>
        </Form>
        <DataTable v={v} caption={v.t('evidence.title')} empty={v.t('evidence.empty')} rows={m.list.rows} sort={m.sort} dir={m.dir} query={query} columns={[
          { key: 'title', label: v.t('evidence.col.title'), sortable: true, render: (f) => <>{f.title}<br /><span class="muted">{f.originalName}</span></> },
          { key: 'kind', label: v.t('evidence.col.kind'), render: (f) => fileTypeLabel(v, f.mime) },
          { key: 'size', label: v.t('evidence.col.size'), sortable: true, numeric: true, render: (f) => <span class="nowrap">{formatFileSize(v, f.size)}</span> },
          { key: 'uploaded', label: v.t('evidence.col.uploaded'), sortable: true, render: (f) => <>{v.dateTime(f.uploadedAt)}{f.uploaderName ? <><br /><span class="muted">{v.t('evidence.uploaded_by', { name: f.uploaderName })}</span></> : null}</> },
          { key: 'uses', label: v.t('evidence.col.uses'), sortable: true, numeric: true, render: (f) => v.t('evidence.uses', { n: v.num(f.useCount) }) },
          { key: 'download', label: v.t('evidence.col.download'), render: (f) => <a href={`/evidence/files/${f.id}`} download>{v.t('evidence.download')}</a> },
        ]} />
        <Pagination v={v} page={m.page} pageSize={m.pageSize} total={m.list.total} query={query} />
      </>) : null}
    </Layout>
  );
}
