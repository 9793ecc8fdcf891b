// Maklumat pelayanan of a unit: the version in force, the draft with its publish button, the form
// (text prefilled with the standard wording, signed by a person of the unit — name, NIP and
// position kept as they were at signing), the history of versions, the printable PDF, and the
// evidence of its display at the counter and other media (subject 'services_maklumat').
import { pdfResponse } from '../../kernel/documents.ts';
import { flash, formOf, pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { Badge, Csrf, ErrorSummary, PageHeader, SelectField, SummaryList, TextField, type FieldErrors, ScrollRegion } from '../../kernel/ui/components.tsx';
import { Layout } from '../../kernel/ui/layout.tsx';
import type { View } from '../../kernel/ui/view.ts';
import { listEvidenceFor } from '../evidence/index.ts';
import { findRegency, formatNip } from '../org/index.ts';
import { renderMaklumatPdf, type SignerSnapshot } from './maklumat.pdf.ts';
import { canManage } from './services.policy.ts';
import { evidenceInput, manageUnit, nothingPosted, pageUnit, recordUnitOr404, refused, svc } from './services.http.ts';
import { SUBJECT, findMaklumat, maklumatOf, peopleOfUnit, unitOf, type MaklumatRow } from './services.queries.ts';
import { addEvidence, defaultMaklumatText, publishMaklumat, revOf, saveMaklumat } from './services.service.ts';
import { BASE, EvidenceBlock, Multi, SubNav, TextArea, UUID_P, UnitChooser, errorTexts } from './services.view.tsx';

const PATH = `${BASE}/maklumat`;
const MID = `:mid{${UUID_P}}`;

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

export async function maklumatPdfResponse(c: Ctx, m: MaklumatRow, unitId: string): Promise<Response> {
  const db = c.var.deps.db;
  const unit = (await unitOf(db, unitId))!;
  const regency = await findRegency(db);
  const pdf = renderMaklumatPdf({ m, regency: regency ? { name: regency.name, capital: regency.capital, kind: regency.kind } : null, unit });
  return pdfResponse(pdf, `Maklumat-Pelayanan-${unit.code}-v${m.version}.pdf`, { inline: true });
}

export function registerMaklumatRoutes(r: Router) {
  async function page(c: Ctx, opts: { unitId?: string; form?: Record<string, string>; errors?: FieldErrors; params?: Record<string, string | number>; status?: 200 | 400 | 409 } = {}) {
    const { reach, unit } = await pageUnit(c, opts.unitId);
    const v = await pageView(c);
    const title = v.t('services.maklumat.title');
    const crumbs = [{ href: '/', label: v.t('nav.home') }, { href: BASE, label: v.t('services.title') }, { label: title }];
    if (!unit) return c.html(<Layout v={v} title={title} crumbs={crumbs}><PageHeader title={title} lead={v.t('services.no_unit')} /></Layout>);
    const db = c.var.deps.db;
    const versions = await maklumatOf(db, unit.id);
    const current = versions.find((m) => m.publishedAt) ?? null;
    const draft = versions[0] && !versions[0].publishedAt ? versions[0] : null;
    const manage = canManage(c.var.actor, unit.id);
    const people = manage ? await peopleOfUnit(db, unit.id) : [];
    const evidence = current ? (await listEvidenceFor(db, SUBJECT.maklumat, current.id)).get('') ?? [] : [];
    const f = opts.form ?? {};
    const errors = opts.errors;
    const base = draft ?? current;
    const signer = f.signerPersonId ?? base?.signerPersonId ?? defaultSigner(people, unit.id)?.id;
    const rev = versions[0] ? revOf(versions[0].updatedAt) : '';
    return c.html(
      <Layout v={v} title={title} crumbs={crumbs}>
        <PageHeader title={title} lead={v.t('services.maklumat.lead', { unit: unit.name })} />
        <UnitChooser v={v} action={PATH} units={reach} unitId={unit.id} />
        <SubNav v={v} unitId={unit.id} current={PATH} />
        <ErrorSummary v={v} texts={errorTexts(v, errors, opts.params)} />
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
              <form method="post" action={`${PATH}/${draft.id}/terbitkan`} class="form" novalidate>
                <Csrf v={v} /><input type="hidden" name="rev" value={revOf(draft.updatedAt)} />
                <p class="field__hint">{v.t('services.maklumat.publish_hint')}</p>
                <button class="button button--primary" type="submit">{v.t('services.maklumat.publish')}</button>
              </form>
            ) : null}
          </section>
        ) : null}
        {manage ? (
          <section class="card">
            <h2>{draft ? v.t('services.maklumat.edit_draft') : v.t('services.maklumat.new_version')}</h2>
            <form method="post" action={PATH} class="form" novalidate>
              <Csrf v={v} /><input type="hidden" name="unit" value={unit.id} /><input type="hidden" name="rev" value={rev} />
              <TextArea v={v} name="text" label={v.t('services.maklumat.text')} hint={v.t('services.maklumat.text_hint')} required rows={6} maxlength={4000} value={f.text ?? base?.text ?? defaultMaklumatText()} errors={errors} />
              <SelectField v={v} name="signerPersonId" label={v.t('services.maklumat.signer')} hint={v.t('services.maklumat.signer_hint')} required value={signer} errors={errors} placeholder={v.t('services.choose')}
                options={people.map((p) => ({ value: p.id, label: `${p.name} — ${p.position}${p.unitId !== unit.id ? ` (${p.unitName})` : ''}` }))} />
              <TextField v={v} name="signedOn" type="date" label={v.t('services.maklumat.signed_on')} required width="short" value={f.signedOn ?? draft?.signedOn ?? ''} errors={errors} />
              <div class="form__actions"><button class="button button--primary" type="submit">{v.t('services.maklumat.save')}</button></div>
            </form>
          </section>
        ) : null}
        {current ? <EvidenceBlock v={v} title={v.t('services.maklumat.evidence')} items={evidence} hint={v.t('services.maklumat.evidence_hint')}
          action={manage ? `${PATH}/${current.id}/bukti` : null} errors={errors} params={opts.params} /> : null}
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
      </Layout>,
      opts.status ?? 200,
    );
  }

  r.get(PATH, 'services.view', (c) => page(c));

  r.post(PATH, 'services.manage', async (c) => {
    const form = await formOf(c);
    const unitId = manageUnit(c, form.unit);
    try {
      await saveMaklumat(svc(c), unitId, form);
      flash(c, 'success', 'services.maklumat.saved');
      return c.redirect(`${PATH}?unit=${unitId}`, 303);
    } catch (err) {
      const e = refused(err);
      return page(c, { unitId, form, errors: e.errors, params: e.params, status: e.status });
    }
  });

  r.post(`${PATH}/${MID}/terbitkan`, 'services.manage', async (c) => {
    const unitId = manageUnit(c, await recordUnitOr404(c, 'maklumat', 'mid'));
    const form = await formOf(c);
    try {
      await publishMaklumat(svc(c), unitId, c.req.param('mid') ?? '', form);
      flash(c, 'success', 'services.maklumat.published');
      return c.redirect(`${PATH}?unit=${unitId}`, 303);
    } catch (err) {
      const e = refused(err);
      return page(c, { unitId, errors: e.errors, params: e.params, status: e.status });
    }
  });

  r.get(`${PATH}/${MID}/maklumat.pdf`, 'services.view', async (c) => {
    const unitId = await recordUnitOr404(c, 'maklumat', 'mid');
    const m = (await findMaklumat(c.var.deps.db, unitId, c.req.param('mid') ?? ''))!;
    return maklumatPdfResponse(c, m, unitId);
  });

  r.post(`${PATH}/${MID}/bukti`, 'services.manage', { files: 1 }, async (c) => {
    const unitId = manageUnit(c, await recordUnitOr404(c, 'maklumat', 'mid'));
    const input = await evidenceInput(c);
    try {
      if (!input) throw nothingPosted();
      await addEvidence(svc(c), c.var.deps.files, unitId, 'maklumat', c.req.param('mid') ?? '', input);
      flash(c, 'success', 'services.evidence.added');
      return c.redirect(`${PATH}?unit=${unitId}#bukti`, 303);
    } catch (err) {
      const e = refused(err);
      return page(c, { unitId, errors: e.errors, params: e.params, status: e.status });
    }
  });
}
