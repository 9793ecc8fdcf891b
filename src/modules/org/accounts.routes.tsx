// Account routes: the list, one account, creating a person's account, password reset, (de)activation,
// role grants and revocations.
import type { RoleRegistry } from '../../kernel/access.ts';
import { notFound } from '../../kernel/errors.ts';
import { formAction } from '../../kernel/forms.ts';
import { flash, pageView, viewOf, type Ctx, type Router } from '../../kernel/http.tsx';
import { pageNumber } from '../../kernel/kernel.routes.tsx';
import type { FieldErrors } from '../../kernel/ui/components.tsx';
import { isUuid } from '../../kernel/validate.ts';
import { AccountPage, AccountsPage } from './accounts.pages.tsx';
import { ALL, svc } from './org.http.ts';
import { findAccount, findPersonByAccount, findUnit, listAccounts, listGrantsOf, listUnits } from './org.queries.ts';
import { accountActiveInput, accountInput, roleInput } from './org.schemas.ts';
import { createAccountForPerson, grantRole, resetPassword, revokeRole, setAccountActive } from './org.service.ts';

const PAGE_SIZE = 25;

/** The id of the path's record (an account, or a person for the account form). */
function idOf(c: Ctx, name = 'id'): string {
  const id = c.req.param(name);
  if (!isUuid(id)) throw notFound();
  return id;
}

async function accountPage(c: Ctx, roles: RoleRegistry, accountId: string, opts: { errors?: FieldErrors; tempPassword?: string; status?: 200 | 400 | 409 } = {}) {
  const { deps } = c.var;
  const account = await findAccount(deps.db, accountId);
  if (!account) throw notFound();
  const [grants, units, person] = await Promise.all([
    listGrantsOf(deps.db, accountId),
    listUnits(deps.db, ALL),
    findPersonByAccount(deps.db, accountId),
  ]);
  const v = await pageView(c);
  return c.html(AccountPage(v, { account, grants, roles: roles.all(), units, person, tempPassword: opts.tempPassword, errors: opts.errors }), opts.status ?? 200);
}

/** `roles`: the declared roles, the ones an account may be granted. */
export function registerAccountRoutes(r: Router, roles: RoleRegistry) {
  const show = (c: Ctx, accountId: string, opts?: Parameters<typeof accountPage>[3]) => accountPage(c, roles, accountId, opts);

  r.get('/admin/accounts', 'org.accounts.manage', async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 100);
    const page = pageNumber(c);
    const list = await listAccounts(c.var.deps.db, { q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const v = await pageView(c);
    return c.html(AccountsPage(v, { q, list, page, pageSize: PAGE_SIZE }));
  });

  r.get('/admin/accounts/:id{[0-9a-f-]{36}}', 'org.accounts.manage', (c) => show(c, idOf(c)));

  // the new account's page shows its one-time password, once; a refusal goes back to the person's
  // page, where the account form is, with the message
  r.post('/admin/people/:id{[0-9a-f-]{36}}/account', 'org.accounts.manage', formAction({
    input: accountInput,
    run: async (c, input) => {
      const { accountId, tempPassword } = await createAccountForPerson(svc(c), c.var.scope!, idOf(c), input);
      return show(c, accountId, { tempPassword });
    },
    page: (c, refused) => {
      flash(c, 'error', Object.values(refused.errors)[0] ?? refused.error.code);
      return c.redirect(`/people/${idOf(c)}`, 303);
    },
  }));

  r.post('/admin/accounts/:id{[0-9a-f-]{36}}/reset-password', 'org.accounts.manage', async (c) => {
    const id = idOf(c);
    const tempPassword = await resetPassword(svc(c), id);
    return show(c, id, { tempPassword });
  });

  // not a form a person fills in: a refusal (a forged value, deactivating oneself) is the error page
  r.post('/admin/accounts/:id{[0-9a-f-]{36}}/active', 'org.accounts.manage', formAction({
    input: accountActiveInput,
    shows: [],
    run: async (c, input) => {
      const id = idOf(c);
      await setAccountActive(svc(c), id, input.active === '1');
      return { to: `/admin/accounts/${id}`, flash: 'accounts.status_changed' };
    },
    page: (_c, refused) => { throw refused.error; },
  }));

  r.post('/admin/accounts/:id{[0-9a-f-]{36}}/roles', 'org.accounts.manage', formAction({
    input: roleInput(roles.names()),
    field: 'role',
    run: async (c, input) => {
      const id = idOf(c);
      const v = viewOf(c);
      const role = roles.find(input.role)!;
      // the notification names the role and the unit in the grantee's words
      const unit = input.unitId ? await findUnit(c.var.deps.db, ALL, input.unitId) : null;
      await grantRole(svc(c), id, { ...input, scope: role.scope }, v.t(role.label), unit?.name ?? v.t('role.scope.regency'));
      return { to: `/admin/accounts/${id}`, flash: 'accounts.role.added' };
    },
    page: (c, refused) => show(c, idOf(c), { errors: refused.errors, status: refused.status === 409 ? 409 : 400 }),
  }));

  r.post('/admin/accounts/:id{[0-9a-f-]{36}}/roles/:rid{[0-9a-f-]{36}}/delete', 'org.accounts.manage', async (c) => {
    const id = idOf(c);
    await revokeRole(svc(c), id, idOf(c, 'rid'));
    flash(c, 'success', 'accounts.role.removed');
    return c.redirect(`/admin/accounts/${id}`, 303);
  });
}
