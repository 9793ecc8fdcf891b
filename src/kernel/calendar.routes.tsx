// The working-day calendar page (/kalender): a year's holidays and cuti bersama with their source,
// a deadline calculator in working days, and — for regency administrators — adding, changing and
// removing days (audited; every module's deadlines follow at once).
import { formAction } from './forms.ts';
import { flash, pageView, type Ctx, type Router } from './http.tsx';
import { CALENDAR_KINDS, confirmDay, coveredYears, listDays, offDays, removeDay, saveDay, sourceLabel } from './calendar.ts';
import { Badge, Csrf, ErrorSummary, PageHeader, ScrollRegion, SelectField, SummaryList, TextField, type FieldErrors } from './ui/components.tsx';
import { Layout } from './ui/layout.tsx';
import type { ModuleDefinition } from './module.ts';
import type { NavItem, View } from './ui/view.ts';
import { addDays, addWorkingDays, currentYear, isIsoDate, isWorkingDay, workingDaysBetween, type IsoDate } from './workdays.ts';

export const calendarNav: NavItem[] = [
  { href: '/kalender', labelKey: 'nav.calendar', action: 'calendar.manage', group: 'admin' },
];

/**
 * The working-day calendar, a kernel capability shaped as a module so that the list places its page
 * (its policy and messages are the kernel's own).
 */
export const calendarModule: ModuleDefinition = {
  name: 'calendar',
  policies: [],
  messages: [],
  nav: calendarNav,
  routes: (r) => registerCalendarRoutes(r),
};

const WEEKDAY = (v: View) => new Intl.DateTimeFormat(v.locale === 'id' ? 'id-ID' : 'en-GB', { weekday: 'long', timeZone: 'UTC' });
const longDate = (v: View, day: IsoDate) => `${WEEKDAY(v).format(new Date(`${day}T00:00:00Z`))}, ${v.date(day)}`;

function yearOf(c: Ctx): number {
  const y = Number(c.req.query('tahun'));
  const now = currentYear();
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : now;
}

export function registerCalendarRoutes(r: Router) {
  async function page(c: Ctx, form: Record<string, string> = {}, errors: FieldErrors = {}, status: 200 | 400 = 200) {
    const v = await pageView(c);
    const db = c.var.deps.db;
    const year = yearOf(c);
    const [days, off, covered] = await Promise.all([listDays(db, year), offDays(db), coveredYears(db)]);
    const canManage = v.can('calendar.manage');
    let working = 0;
    for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) if (isWorkingDay(d, off)) working++;
    const years = [...new Set([...covered, year, currentYear()])].sort();
    // the calculator
    const q = c.req.query();
    const start = (q.mulai ?? '').trim();
    const nRaw = (q.hari ?? '').trim();
    const n = Number(nRaw);
    const calcErrors: Record<string, string> = {};
    let due: IsoDate | null = null;
    // the calculator was submitted (its two fields are in the query, even empty): both are checked here
    if (q.mulai !== undefined || q.hari !== undefined) {
      if (!isIsoDate(start)) calcErrors.mulai = 'calendar.day.invalid';
      if (!/^\d{1,3}$/.test(nRaw) || n > 365) calcErrors.hari = 'calendar.calc.days_invalid';
      if (!Object.keys(calcErrors).length) due = addWorkingDays(start, n, off);
    }
    const uncovered = due ? [start, due].some((d) => !covered.has(Number(d.slice(0, 4)))) : false;
    const provisional = days.some((d) => d.provisional);
    // the basis most days share is said once; a day with another basis shows its own
    const counts = new Map<string, number>();
    for (const d of days) counts.set(d.source, (counts.get(d.source) ?? 0) + 1);
    const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    return c.html(
      <Layout v={v} title={v.t('calendar.title')} crumbs={[{ href: '/', label: v.t('nav.home') }, { label: v.t('calendar.title') }]}>
        <PageHeader title={v.t('calendar.title')} lead={v.t('calendar.lead')} />
        <nav class="tabs" aria-label={v.t('calendar.years')}>
          <ul>{years.map((y) => <li><a href={`/kalender?tahun=${y}`} aria-current={y === year ? 'page' : undefined}>{y}</a></li>)}</ul>
        </nav>
        <section class="card">
          <h2>{v.t('calendar.year', { year })}</h2>
          {!covered.has(year) ? <p class="alert alert--warning">{v.t('calendar.uncovered', { year })}</p> : null}
          {provisional && !canManage ? <p class="alert alert--warning">{v.t('calendar.provisional_notice')}</p> : null}
          {provisional && canManage ? (
            <div class="alert alert--warning" id="perkiraan">
              <h3>{v.t('calendar.provisional_days', { n: days.filter((d) => d.provisional).length })}</h3>
              <p>{v.t('calendar.provisional_admin', { year })}</p>
              <ul class="plain-list">{days.filter((d) => d.provisional).map((d) => (
                <li>
                  {longDate(v, d.day)}: {v.locale === 'en' ? d.nameEn : d.nameId}{' '}
                  <form method="post" action={`/kalender/${d.day}/konfirmasi?tahun=${year}`} class="inline-form" novalidate>
                    <Csrf v={v} />
                    <button class="linkbutton" type="submit">{v.t('calendar.confirm')}<span class="visually-hidden"> {longDate(v, d.day)}</span></button>
                  </form>
                </li>
              ))}</ul>
            </div>
          ) : null}
          <SummaryList rows={[
            [v.t('calendar.count.holiday'), v.num(days.filter((d) => d.kind === 'holiday').length)],
            [v.t('calendar.count.cuti_bersama'), v.num(days.filter((d) => d.kind === 'cuti_bersama').length)],
            [v.t('calendar.count.working'), v.num(working)],
            ...(common ? [[v.t('calendar.col.source'), sourceLabel(common, v.locale)] as [string, string]] : []),
          ]} />
          {days.length === 0 ? <p class="muted">{v.t('calendar.empty')}</p> : (
            <ScrollRegion label={v.t('calendar.year', { year })}><table class="table">
              <caption class="visually-hidden">{v.t('calendar.year', { year })}</caption>
              <thead><tr>
                <th scope="col">{v.t('calendar.col.day')}</th><th scope="col">{v.t('calendar.col.kind')}</th><th scope="col">{v.t('calendar.col.name')}</th>
                <th scope="col">{v.t('calendar.col.other_source')}</th>{canManage ? <th scope="col"><span class="visually-hidden">{v.t('calendar.col.actions')}</span></th> : null}
              </tr></thead>
              <tbody>{days.map((d) => (
                <tr>
                  <td data-label={v.t('calendar.col.day')}>{longDate(v, d.day)}</td>
                  <td data-label={v.t('calendar.col.kind')}><Badge tone={d.kind === 'holiday' ? 'danger' : 'warning'}>{v.t(`calendar.kind.${d.kind}`)}</Badge>{d.provisional ? <> <Badge tone="neutral">{v.t('calendar.provisional')}</Badge></> : null}</td>
                  <td data-label={v.t('calendar.col.name')}>{v.locale === 'en' ? d.nameEn : d.nameId}</td>
                  <td data-label={v.t('calendar.col.source')} class="muted">{d.source === common ? '' : sourceLabel(d.source, v.locale)}</td>
                  {canManage ? (
                    <td data-label={v.t('calendar.col.actions')}>
                      <form method="post" action={`/kalender/${d.day}/hapus?tahun=${year}`} class="inline-form" novalidate>
                        <Csrf v={v} />
                        <button class="linkbutton" type="submit">{v.t('calendar.remove')}</button>
                      </form>
                    </td>
                  ) : null}
                </tr>
              ))}</tbody>
            </table></ScrollRegion>
          )}
        </section>
        <section class="card" id="hitung">
          <h2>{v.t('calendar.calc.title')}</h2>
          <p class="muted">{v.t('calendar.calc.lead')}</p>
          <ErrorSummary v={v} errors={calcErrors} />
          <form method="get" action="/kalender#hitung" class="form" novalidate>
            <input type="hidden" name="tahun" value={String(year)} />
            <TextField v={v} name="mulai" label={v.t('calendar.calc.start')} type="date" value={start} errors={calcErrors} width="short" required />
            <TextField v={v} name="hari" label={v.t('calendar.calc.days')} inputmode="numeric" value={nRaw} errors={calcErrors} width="short" required />
            <button class="button button--secondary" type="submit">{v.t('calendar.calc.submit')}</button>
          </form>
          {due ? (
            <div class="alert alert--info" role="status">
              <p><strong>{v.t('calendar.calc.result', { n, start: longDate(v, start), due: longDate(v, due) })}</strong></p>
              <p>{v.t('calendar.calc.check', { n: workingDaysBetween(start, due, off) })}</p>
              {uncovered ? <p>{v.t('calendar.calc.uncovered')}</p> : null}
            </div>
          ) : null}
        </section>
        {canManage ? (
          <section class="card" id="tambah">
            <h2>{v.t('calendar.add.title')}</h2>
            <p class="muted">{v.t('calendar.add.lead')}</p>
            <ErrorSummary v={v} errors={errors} />
            <form method="post" action={`/kalender?tahun=${year}`} class="form" novalidate>
              <Csrf v={v} />
              <TextField v={v} name="day" label={v.t('calendar.col.day')} type="date" value={form.day} errors={errors} width="short" required />
              <SelectField v={v} name="kind" label={v.t('calendar.col.kind')} value={form.kind ?? 'holiday'} errors={errors} required
                options={CALENDAR_KINDS.map((k) => ({ value: k, label: v.t(`calendar.kind.${k}`) }))} />
              <TextField v={v} name="nameId" label={v.t('calendar.name_id')} value={form.nameId} errors={errors} maxlength={200} required />
              <TextField v={v} name="nameEn" label={v.t('calendar.name_en')} value={form.nameEn} errors={errors} maxlength={200} />
              <TextField v={v} name="source" label={v.t('calendar.col.source')} hint={v.t('calendar.source.hint')} value={form.source} errors={errors} maxlength={500} required />
              <div class="field field--checkbox">
                <input type="checkbox" id="f-provisional" name="provisional" value="1" checked={form.provisional === '1'} />
                <label for="f-provisional">{v.t('calendar.provisional_label')}</label>
              </div>
              <button class="button button--primary" type="submit">{v.t('calendar.add.submit')}</button>
            </form>
          </section>
        ) : null}
      </Layout>, status,
    );
  }

  r.get('/kalender', 'calendar.view', (c) => page(c));

  r.post('/kalender', 'calendar.manage', formAction({
    run: async (c, form) => {
      await saveDay(c.var.deps.db, { accountId: c.var.actor!.accountId, label: c.var.actor!.username }, form);
      return { to: `/kalender?tahun=${form.day!.slice(0, 4)}`, flash: 'calendar.saved' };
    },
    page: (c, refused) => page(c, refused.form, refused.errors, 400),
    shows: ['validation'],
  }));

  r.post('/kalender/:day{[0-9]{4}-[0-9]{2}-[0-9]{2}}/konfirmasi', 'calendar.manage', async (c) => {
    const day = c.req.param('day')!;
    await confirmDay(c.var.deps.db, { accountId: c.var.actor!.accountId, label: c.var.actor!.username }, day);
    flash(c, 'success', 'calendar.confirmed');
    return c.redirect(`/kalender?tahun=${day.slice(0, 4)}`, 303);
  });

  r.post('/kalender/:day{[0-9]{4}-[0-9]{2}-[0-9]{2}}/hapus', 'calendar.manage', async (c) => {
    const day = c.req.param('day')!;
    await removeDay(c.var.deps.db, { accountId: c.var.actor!.accountId, label: c.var.actor!.username }, day);
    flash(c, 'success', 'calendar.removed');
    return c.redirect(`/kalender?tahun=${day.slice(0, 4)}`, 303);
  });
}
