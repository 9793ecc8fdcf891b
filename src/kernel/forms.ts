// The form-action pipeline: the one way a route takes a posted form. A route declares the fields it
// takes (a zod schema beside the handler, messages as i18n keys), the files it reads, the use case to
// run, the page to show again when the input is refused, and where to go once it is done:
//
//   r.post('/tim-zi', 'workplan.team.manage', formAction({
//     input: teamInput,
//     run: (c, input) => saveTeam(svc(c), input).then(() => ({ to: '/tim-zi', flash: 'workplan.team.saved' })),
//     page: (c, refused) => teamPage(c, refused),
//   }));
//
// The pipeline reads the body once, parses it, runs the use case, and maps the outcome: done → the
// flash message and a 303 to `to`; a DomainError the form can show (validation and conflict unless
// the route says otherwise) → the page again with what the person typed, the errors (field → key)
// and the error's status; any other error → the error page (not found, forbidden, throttled …).
// Routes therefore need no try/catch of their own.
import type { z } from 'zod';
import { DomainError, statusOf, type DomainErrorKind } from './errors.ts';
import { chosenFiles, flash, type Ctx, type Handler } from './http.tsx';
import type { FieldErrors } from './ui/components.tsx';
import { fieldErrorsOf } from './validate.ts';

/** What was posted: the fields as strings (the first value of each; `_csrf` left out) and the chosen files. */
export interface Posted {
  form: Record<string, string>;
  /** every value of each field, for multi-value fields (checkbox groups) */
  all: Record<string, string[]>;
  files: Record<string, File[]>;
}

/** A refused submission, for the page that shows the form again. */
export interface Refusal {
  /** what the person sent, to put back into the fields */
  form: Record<string, string>;
  all: Record<string, string[]>;
  /** field → i18n key of the message; a message of no field sits under a key starting with '_' */
  errors: FieldErrors;
  /** the message parameters */
  params: Record<string, string | number>;
  status: 400 | 401 | 403 | 404 | 409 | 429;
  /** the refusal itself (its code and kind) */
  error: DomainError;
}

/** Where a finished action goes: a 303 to `to`, with a success flash message (a message key) unless null. */
export interface Done { to: string; flash?: string | null }

export interface FormAction<I> {
  /** The posted fields as the use case takes them. Without it, the use case gets the fields as strings. */
  input?: z.ZodType<I>;
  /** File fields to read from a multipart body (a field left empty is nothing chosen). */
  files?: readonly string[];
  /** The use case. Returns where to go, or a response of its own (a download). */
  run(c: Ctx, input: I, posted: Posted): Promise<Done | Response> | Done | Response;
  /** The page with the form, shown again after a refusal with its values and errors. */
  page(c: Ctx, refused: Refusal): Promise<Response> | Response;
  /** The field a refusal without field errors is shown at (default '_': above the form). */
  field?: string;
  /** The kinds of refusal shown on the form; the others become the error page. Default validation and conflict. */
  shows?: readonly DomainErrorKind[];
}

const SHOWN: readonly DomainErrorKind[] = ['validation', 'conflict'];

/** Reads a url-encoded or multipart body once: fields as strings, the named file fields' chosen files. */
export async function readPosted(c: Ctx, fileFields: readonly string[] = []): Promise<Posted> {
  const body = await c.req.parseBody({ all: true });
  const form: Record<string, string> = {};
  const all: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf') continue;
    const values = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    if (values.length === 0) continue;
    form[k] = values[0]!;
    all[k] = values;
  }
  const files: Record<string, File[]> = {};
  for (const name of fileFields) files[name] = chosenFiles(body, name);
  return { form, all, files };
}

/** The refusal a DomainError makes on a form: its field errors, or its message at `field`. */
export function refusalOf(err: DomainError, posted: Pick<Posted, 'form' | 'all'>, field = '_'): Refusal {
  const errors = Object.keys(err.fieldErrors).length ? { ...err.fieldErrors } : { [field]: err.code };
  return { form: posted.form, all: posted.all, errors, params: err.params, status: statusOf(err.kind), error: err };
}

/** A handler that runs the pipeline for one declared form action. */
export function formAction<I = Record<string, string>>(spec: FormAction<I>): Handler {
  const shows = spec.shows ?? SHOWN;
  return async (c) => {
    const posted = await readPosted(c, spec.files);
    try {
      let input: I;
      if (spec.input) {
        const parsed = spec.input.safeParse(posted.form);
        if (!parsed.success) throw new DomainError('validation', 'error.validation', {}, fieldErrorsOf(parsed.error, (k) => c.var.deps.i18n.has(k)));
        input = parsed.data;
      } else {
        input = posted.form as I;
      }
      const done = await spec.run(c, input, posted);
      if (done instanceof Response) return done;
      if (done.flash !== null && done.flash !== undefined) flash(c, 'success', done.flash);
      return c.redirect(done.to, 303);
    } catch (err) {
      if (err instanceof DomainError && shows.includes(err.kind)) return spec.page(c, refusalOf(err, posted, spec.field));
      throw err;
    }
  };
}
