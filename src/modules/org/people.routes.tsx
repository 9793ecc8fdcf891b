// People routes: the list, one person, the person form and the CSV import.
import { notFound } from '../../kernel/errors.ts';
import { formAction } from '../../kernel/forms.ts';
import { pageView, type Ctx, type Router } from '../../kernel/http.tsx';
import { pageNumber } from '../../kernel/kernel.routes.tsx';
import type { FieldErrors } from '../../kernel/ui/components.tsx';
import { isUuid } from '../../kernel/validate.ts';
import { csvCell } from './org.csv.ts';
import { svc } from './org.http.ts';
import { findPerson, listPeople, listUnits } from './org.queries.ts';
import { POSITION_CLASSES, formatNip } from './org.rules.ts';
import { validPersonInput } from './org.schemas.ts';
import { IMPORT_COLUMNS, importPeopleFile, savePerson, type ImportReport } from './org.service.ts';
import { ImportPage, PEOPLE_STATUSES, PeoplePage, PersonFormPage, PersonPage } from './people.pages.tsx';

const PAGE_SIZE = 25;
const PEOPLE_SORTS = ['name', 'nip', 'unit', 'position'] as const;

// a new person whose box is absent is active (the form ticks it); an edited person whose box is
// left unticked becomes inactive
const newPersonInput = validPersonInput();
const editedPersonInput = validPersonInput({ uncheckedIsInactive: true });

/** The person of the path within the actor's scope; one outside it reads as missing. */
async function personOfPath(c: Ctx) {
  const id = c.req.param('id');
  const p = isUuid(id) ? await findPerson(c.var.deps.db, c.var.scope!, id) : null;
  if (!p) throw notFound();
  return p;
}

async function personForm(c: Ctx, id: string | null, values: Record<string, unknown>, active: boolean, errors?: FieldErrors, status: 200 | 400 = 200) {
  const v = await pageView(c);
  const units = await listUnits(c.var.deps.db, c.var.scope!);
  return c.html(PersonFormPage(v, { id, values, active, units, errors }), status);
}

async function importPage(c: Ctx, m: { report?: ImportReport; error?: string; errorParams?: Record<string, string | number> } = {}, status: 200 | 400 = 200) {
  const v = await pageView(c);
  return c.html(ImportPage(v, { columns: IMPORT_COLUMNS, ...m }), status);
}

export function registerPeopleRoutes(r: Router) {
  r.get('/people', 'org.people.list', async (c) => {
    const { deps, scope } = c.var;
    const q = (c.req.query('q') ?? '').trim().slice(0, 100);
    const unit = c.req.query('unit');
    const cls = c.req.query('class');
    const status = PEOPLE_STATUSES.find((s) => s === c.req.query('status')) ?? 'active';
    const sort = PEOPLE_SORTS.find((s) => s === c.req.query('sort')) ?? 'name';
    const dir = c.req.query('dir') === 'desc' ? 'desc' : 'asc';
    const page = pageNumber(c);
    const [units, list] = await Promise.all([
      listUnits(deps.db, scope!),
      listPeople(deps.db, scope!, {
        q: q || undefined, unitId: unit && isUuid(unit) ? unit : undefined,
        positionClass: POSITION_CLASSES.find((p) => p === cls), status, sort, dir, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE,
      }),
    ]);
    const v = await pageView(c);
    return c.html(PeoplePage(v, { units, list, filter: { q, unit, cls, status, sort, dir }, page, pageSize: PAGE_SIZE }));
  });

  r.get('/people/:id{[0-9a-f-]{36}}', 'org.people.view', async (c) => {
    const person = await personOfPath(c);
    const v = await pageView(c);
    return c.html(PersonPage(v, { person }));
  });

  // ---- the person form --------------------------------------------------------------------------
  r.get('/admin/people/new', 'org.people.manage', (c) => personForm(c, null, {}, true));
  r.get('/admin/people/:id{[0-9a-f-]{36}}/edit', 'org.people.manage', async (c) => {
    const p = await personOfPath(c);
    return personForm(c, p.id, { ...p, nip: formatNip(p.nip) }, p.isActive);
  });
  r.post('/admin/people', 'org.people.manage', formAction({
    input: newPersonInput,
    run: async (c, input) => ({ to: `/people/${await savePerson(svc(c), c.var.scope!, null, input)}`, flash: 'people.saved' }),
    page: (c, refused) => personForm(c, null, refused.form, refused.form.isActive !== '0', refused.errors, 400),
  }));
  r.post('/admin/people/:id{[0-9a-f-]{36}}', 'org.people.manage', formAction({
    input: editedPersonInput,
    run: async (c, input) => ({ to: `/people/${await savePerson(svc(c), c.var.scope!, editedId(c), input)}`, flash: 'people.saved' }),
    page: (c, refused) => personForm(c, editedId(c), refused.form, refused.form.isActive !== undefined && refused.form.isActive !== '0', refused.errors, 400),
  }));

  // ---- CSV import ---------------------------------------------------------------------------------
  r.get('/admin/people/import', 'org.people.import', (c) => importPage(c));
  r.get('/admin/people/import/template.csv', 'org.people.import', (c) => {
    const sample = ['197005121996031003', 'Budi Santoso, S.E.', 'Analis Perizinan', 'fungsional', 'DPMPTSP', 'Penata (III/c)', 'budi@example.go.id', '081234567890'];
    const body = `${IMPORT_COLUMNS.join(',')}\n${sample.map(csvCell).join(',')}\n`;
    return c.body(body, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="templat-pegawai.csv"' });
  });
  r.post('/admin/people/import', 'org.people.import', { files: 1 }, formAction({
    files: ['file'],
    field: 'file',
    shows: ['validation'],
    // the report is the answer: 200 when anything was kept, 400 when every row was refused
    run: async (c, _input, posted) => {
      const report = await importPeopleFile(svc(c), c.var.scope!, posted.files.file ?? []);
      return importPage(c, { report }, report.created + report.updated === 0 ? 400 : 200);
    },
    page: (c, refused) => {
      const key = refused.errors.file ?? refused.error.code;
      return importPage(c, { error: c.var.deps.i18n.has(key) ? key : 'org.import.not_csv', errorParams: refused.params }, 400);
    },
  }));
}

/** The id of the person being edited. */
function editedId(c: Ctx): string {
  const id = c.req.param('id');
  if (!isUuid(id)) throw notFound();
  return id;
}
