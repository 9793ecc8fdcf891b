// The maklumat page of a unit: the version in force, the draft with its publish button, the form
// (text prefilled with the standard wording, signed by a person of the unit), the evidence of its
// display and the history of versions; and the maklumat's text as the public page shows it.
// Functions of the view and the model loaded by services.queries.ts.
import { Badge, DateField, ErrorSummary, Form, PageHeader, ScrollRegion, SelectField, TextAreaField } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { formatNip } from '../org/index.ts';
import type { SignerSnapshot } from './maklumat.pdf.ts';
import type { MaklumatRow, maklumatModel } from './services.queries.ts';
import { defaultMaklumatText, revOf } from './services.service.ts';
import { BASE, EvidenceBlock, Multi, SubNav, UnitChooser, errorTexts, listCrumbs, type PageUnit, type Shown } from './services.view.tsx';

export const PATH = `${BASE}/maklumat`;

/** The person who signs by default: the head of the unit (position "Kepala …" of the unit itself). */
export function defaultSigner<P extends { position: string; unitId: string }>(people: P[], unitId: string): P | undefined {
  const own = people.filter((p) => p.unitId === unitId);
  return own.find((p) => /^Kepala Dinas\b/i.test(p.position)) ?? own.find((p) => /^Kepala (Badan|Kantor|Dinas|UPT|Bagian|Inspektur)/i.test(p.position) || /^Inspektur\b/i.test(p.position)) ?? own.find((p) => /^Kepala\b/i.test(p.position));
}

export function MaklumatText(props: { v: View; m: MaklumatRow }) {
  const s = (props.m.signerSnapshot ?? {}) as SignerSnapshot;
  return (
    <figure class="services-maklumat">
      <blockquote><Multi text={props.m.text} /></blockquote>
      <figcaption>
        {props.m.signedOn ? <div>{props.v.date(props.m.signedOn)}</div> : null}
        <div class="services-maklumat__position">{s.position}</div>
        <div class="services-maklumat__name">{s.name}</div>
        {s.nip ? <div>NIP {formatNip(s.nip)}</div> : null}
      </figcaption>
    </figure>
  );
}

export type MaklumatModel = Awaited<ReturnType<typeof maklumatModel>> & { reach: PageUnit['reach']; unit: { id: string; name: string }; manage: boolean };

export function maklumatPage(v: View, m: MaklumatModel, shown: Shown) {
  const { reach, unit, versions, current, draft, people, evidence, manage } = m;
  const title = v.t('services.maklumat.title');
  const crumbs = listCrumbs(v, title);
  const f = shown.form;
  const errors = shown.errors;
  const base = draft ?? current;
  const signer = f.signerPersonId ?? base?.signerPersonId ?? defaultSigner(people, unit.id)?.id;
  const rev = versions[0] ? revOf(versions[0].updatedAt) : '';
  return (
    <Layout v={v} title={title} crumbs={crumbs}>
      <PageHeader title={title} lead={v.t('services.maklumat.lead', { unit: unit.name })} />
      <UnitChooser v={v} action={PATH} units={reach} unitId={unit.id} />
      <SubNav v={v} unitId={unit.id} current={PATH} />
      <ErrorSummary v={v} texts={errorTexts(v, errors, shown.params)} />
      <section class="card">
        <h2>{v.t('services.maklumat.current')}</h2>
        {current ? (<>
          <MaklumatText v={v} m={current} />
          <p class="button-row">
            <a class="button" href={`${PATH}/${current.id}/maklumat.pdf`}>{v.t('services.maklumat.pdf')}</a>
          </p>
          <p class="muted">{v.t('services.maklumat.published_on', { n: current.version, date: v.dateTime(current.publishedAt!) })}</p>
        </>) : <p class="muted">{v.t('services.maklumat.none')}</p>}
      </section>
      {draft ? (
        <section class="card">
          <h2>{v.t('services.maklumat.draft', { n: draft.version })} <Badge tone="warning">{v.t('services.standard.status.draft')}</Badge></h2>
          <MaklumatText v={v} m={draft} />
          <p class="button-row"><a class="button button--secondary" href={`${PATH}/${draft.id}/maklumat.pdf`}>{v.t('services.maklumat.pdf_draft')}</a></p>
          {manage ? (
            <Form v={v} action={`${PATH}/${draft.id}/terbitkan`} class="form">
              <input type="hidden" name="rev" value={revOf(draft.updatedAt)} />
              <p class="field__hint">{v.t('services.maklumat.publish_hint')}</p>
              <button class="button button--primary" type="submit">{v.t('services.maklumat.publish')}</button>
            </Form>
          ) : null}
        </section>
      ) : null}
      {manage ? (
        <section class="card">
          <h2>{draft ? v.t('services.maklumat.edit_draft') : v.t('services.maklumat.new_version')}</h2>
          <Form v={v} action={PATH} class="form">
            <input type="hidden" name="unit" value={unit.id} /><input type="hidden" name="rev" value={rev} />
            <TextAreaField v={v} name="text" label={v.t('services.maklumat.text')} hint={v.t('services.maklumat.text_hint')} required rows={6} maxlength={4000} value={f.text ?? base?.text ?? defaultMaklumatText()} errors={errors} />
            <SelectField v={v} name="signerPersonId" label={v.t('services.maklumat.signer')} hint={v.t('services.maklumat.signer_hint')} required value={signer} errors={errors} placeholder={v.t('services.choose')}
              options={people.map((p) => ({ value: p.id, label: `${p.name} — ${p.position}${p.unitId !== unit.id ? ` (${p.unitName})` : ''}` }))} />
            <DateField v={v} name="signedOn" label={v.t('services.maklumat.signed_on')} required value={f.signedOn ?? draft?.signedOn ?? ''} errors={errors} />
            <div class="form__actions"><button class="button button--primary" type="submit">{v.t('services.maklumat.save')}</button></div>
          </Form>
        </section>
      ) : null}
      {current ? <EvidenceBlock v={v} title={v.t('services.maklumat.evidence')} items={evidence} hint={v.t('services.maklumat.evidence_hint')}
        action={manage ? `${PATH}/${current.id}/bukti` : null} errors={errors} params={shown.params} /> : null}
      <section class="card">
        <h2>{v.t('services.maklumat.history')}</h2>
        <ScrollRegion label={v.t('services.maklumat.history')}><table class="table">
          <caption class="visually-hidden">{v.t('services.maklumat.history')}</caption>
          <thead><tr><th scope="col">{v.t('services.standard.col.version')}</th><th scope="col">{v.t('services.maklumat.signer')}</th><th scope="col">{v.t('services.maklumat.signed_on')}</th><th scope="col">{v.t('services.col.status')}</th><th scope="col">PDF</th></tr></thead>
          <tbody>{versions.length === 0 ? <tr><td colspan={5} class="table__empty">{v.t('services.maklumat.none')}</td></tr> : versions.map((m) => (
            <tr>
              <th scope="row" data-label={v.t('services.standard.col.version')}>{m.version}</th>
              <td data-label={v.t('services.maklumat.signer')}>{((m.signerSnapshot ?? {}) as SignerSnapshot).name ?? '—'}</td>
              <td data-label={v.t('services.maklumat.signed_on')}>{m.signedOn ? v.date(m.signedOn) : '—'}</td>
              <td data-label={v.t('services.col.status')}>{!m.publishedAt ? <Badge tone="warning">{v.t('services.standard.status.draft')}</Badge> : m.id === current?.id ? <Badge tone="success">{v.t('services.maklumat.in_force')}</Badge> : <Badge tone="neutral">{v.t('services.standard.status.superseded')}</Badge>}</td>
              <td data-label="PDF"><a href={`${PATH}/${m.id}/maklumat.pdf`}>{v.t('services.maklumat.pdf_short')}</a></td>
            </tr>
          ))}</tbody>
        </table></ScrollRegion>
      </section>
    </Layout>
  );
}
