// The declarant's and the reviewer's routes: every signed-in employee's own declarations (periodic
// and ad hoc), the surat pernyataan PDF, and — when named as the superior or heading the unit — the
// review, mitigation and follow-up. A declaration nobody lets the reader see is not found.
import { pdfResponse } from '../../kernel/documents.ts';
import { DomainError, notFound } from '../../kernel/errors.ts';
import { formAction, type Refusal } from '../../kernel/forms.ts';
import { pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { dayIn, regencyToday } from '../../kernel/workdays.ts';
import { sanitizeFileName } from '../evidence/index.ts';
import { declarationForm, followUpForm, reviewForm } from './coi.forms.ts';
import { declarationModel, renderCoiPdf } from './coi.pdf.ts';
import { canReview, declarationAttachment, declarationChoices, declarationFor, homeModel, letterSource, personOfAccount } from './coi.queries.ts';
import { currentVersion } from './coi.rules.ts';
import { createDeclaration, recordFollowUp, reviewDeclaration } from './coi.service.ts';
import { BASE, FRESH, type Shown } from './coi.ui.tsx';
import { ID, idOf, svc, uploadOf } from './coi.web.ts';
import { DeclarationFormPage, DeclarationPage, HomePage } from './declarations.pages.tsx';

type Status = 200 | Refusal['status'];

/** The signed-in person as a declarant; an account without a person of the regency declares nothing. */
async function declarant(c: Ctx) {
  const person = await personOfAccount(c.var.deps.db, c.var.actor!.accountId);
  if (!person) throw new DomainError('forbidden', 'coi.home.no_person');
  return person;
}

async function formPage(c: Ctx, shown: Shown, status: Status = 200) {
  const v = await pageView(c);
  const person = await declarant(c);
  const kind = shown.form.kind === 'periodic' ? 'periodic' : 'adhoc';
  const today = regencyToday();
  const year = Number((shown.form.declaredOn || today).slice(0, 4)) || Number(today.slice(0, 4));
  const choices = await declarationChoices(c.var.deps.db, person, year);
  return c.html(DeclarationFormPage(v, { person, kind, today, superiors: choices.superiors, defaultSuperiorId: choices.defaultSuperiorId, functions: choices.functions, version: currentVersion(), shown }), status);
}

async function detailPage(c: Ctx, shown: Shown = FRESH, status: Status = 200) {
  const v = await pageView(c);
  const actor = c.var.actor!;
  const found = await declarationFor(c.var.deps.db, actor, idOf(c));
  if (!found) throw notFound();
  return c.html(DeclarationPage(v, { d: found.d, reviewer: canReview(actor, found.d), today: regencyToday(), shown }), status);
}

/** A stored file of a declaration as a download, never cached. */
async function attachment(c: Ctx, which: 'followUp' | 'scan', fallback: string) {
  const file = await declarationAttachment(c.var.deps.db, c.var.deps.files, c.var.actor!, idOf(c), which);
  const name = sanitizeFileName(file.name ?? fallback, { ext: (file.name ?? '').split('.').pop() ?? 'bin' });
  return new Response(new Uint8Array(file.bytes), { headers: {
    'Content-Type': file.mime ?? 'application/octet-stream',
    'Content-Disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"`,
    'Cache-Control': 'private, no-store',
  } });
}

export function registerDeclarationRoutes(r: Router): void {
  r.get(BASE, 'coi.declare', async (c) => {
    const v = await pageView(c);
    return c.html(HomePage(v, await homeModel(c.var.deps.db, c.var.actor!, regencyToday())));
  });

  // ---- the declaration form --------------------------------------------------------------------------
  r.get(`${BASE}/deklarasi/baru`, 'coi.declare', (c) => formPage(c, { ...FRESH, form: { kind: c.req.query('jenis') === 'berkala' ? 'periodic' : 'adhoc' } }));

  r.post(`${BASE}/deklarasi`, 'coi.declare', formAction({
    input: declarationForm,
    run: async (c, input) => {
      const person = await declarant(c);
      const id = await createDeclaration({ ...svc(c), person }, input);
      return { to: `${BASE}/deklarasi/${id}`, flash: 'coi.flash.declared' };
    },
    page: (c, refused) => formPage(c, refused, refused.status),
  }));

  // ---- one declaration -------------------------------------------------------------------------------
  r.get(`${BASE}/deklarasi/${ID}`, 'coi.declare', (c) => detailPage(c));

  r.post(`${BASE}/deklarasi/${ID}/telaah`, 'coi.review', formAction({
    input: reviewForm,
    run: async (c, input) => {
      await reviewDeclaration(svc(c), c.var.actor!, idOf(c), input);
      return { to: `${BASE}/deklarasi/${idOf(c)}`, flash: 'coi.flash.reviewed' };
    },
    page: (c, refused) => detailPage(c, refused, refused.status),
  }));

  r.post(`${BASE}/deklarasi/${ID}/tindak-lanjut`, 'coi.review', { files: 1 }, formAction({
    input: followUpForm,
    files: ['file'],
    run: async (c, input, posted) => {
      await recordFollowUp(svc(c), c.var.deps.files, c.var.actor!, idOf(c), input, await uploadOf(posted));
      return { to: `${BASE}/deklarasi/${idOf(c)}`, flash: 'coi.flash.followed_up' };
    },
    page: (c, refused) => detailPage(c, refused, refused.status),
  }));

  r.get(`${BASE}/deklarasi/${ID}/bukti`, 'coi.declare', (c) => attachment(c, 'followUp', 'bukti'));
  r.get(`${BASE}/deklarasi/${ID}/pindaian`, 'coi.declare', (c) => attachment(c, 'scan', 'pindaian'));

  r.get(`${BASE}/deklarasi/${ID}/surat.pdf`, 'coi.declare', async (c) => {
    const found = await declarationFor(c.var.deps.db, c.var.actor!, idOf(c));
    if (!found) throw notFound();
    const d = found.d;
    const { unit, regency, person, superior } = await letterSource(c.var.deps.db, d);
    const now = new Date();
    const pdf = renderCoiPdf(declarationModel({
      t: c.var.deps.i18n.translator('id'), regency: regency?.name ?? '', capital: regency?.capital ?? '', unit, today: dayIn(now), d, person, superior,
    }), now);
    return pdfResponse(pdf, `Surat-Pernyataan-Konflik-Kepentingan-${d.declaredOn}.pdf`);
  });
}
