// "Yang perlu Anda tangani" on the home page: each module's task source counts what waits for the
// signed-in person, within their scope, and links to it; a failing source never breaks the page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { collectTasks, type TaskSource } from '../src/kernel/tasks.ts';
import { currentYear, regencyToday } from '../src/kernel/workdays.ts';
import { createTestApp, loggedIn, type TestApp } from './helpers.ts';

// complaints received early last year are long past their deadline, whatever today is
const OLD = `${currentYear() - 1}-01-05`;
const OLD_FEB = `${currentYear() - 1}-02-02`;

const tasksOf = (html: string) => {
  const section = /<h2>Yang perlu Anda tangani<\/h2>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
  return [...section.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[2]} → ${m[1].replace(/&amp;/g, '&')}`).filter((x) => !x.endsWith('→ /notifications'));
};

describe('home page tasks', () => {
  let t: TestApp;
  const units: Record<string, string> = {};
  before(async () => {
    t = await createTestApp({ seed: 'org' });
    for (const r of await t.database.query<{ id: string; code: string }>('select id, code from org_units')) units[r.code] = r.id;
  });
  after(async () => { await t.close(); });

  const complaint = (unit: string, receivedOn: string, state = 'received') => t.database.query(
    `insert into complaints_complaints (unit_id, tracking_hash, channel, category, subject, description, received_on, sla_days, state)
     values ($1, md5(random()::text), 'web', 'pelayanan', 'x', 'y', $2, 5, $3)`, [units[unit], receivedOn, state]);

  test('nothing waits: the page says so', async () => {
    await t.database.query('update kernel_notifications set read_at = now()');
    // the regency viewer has no person record: no declaration is due, nothing else waits
    const viewer = await loggedIn(t.app, 'bupati');
    const html = await (await viewer.get('/')).text();
    assert.deepEqual(tasksOf(html), []);
    assert.match(html, /Tidak ada yang menunggu Anda hari ini/);
    // every employee owes this year's conflict-of-interest declaration; no complaint task yet
    const c = await loggedIn(t.app, 'pengaduan');
    const tasks = tasksOf(await (await c.get('/')).text());
    assert.ok(tasks.some((x) => x.startsWith('Sampaikan deklarasi konflik kepentingan berkala')), tasks.join('\n'));
    assert.deepEqual(tasks.filter((x) => x.includes('pengaduan')), []);
  });

  test('a complaint handler sees overdue and unassigned complaints of their unit only, the late first', async () => {
    await complaint('DPMPTSPKUKM', OLD);
    await complaint('DPMPTSPKUKM', OLD_FEB);
    await complaint('DPMPTSPKUKM', regencyToday());
    await complaint('DPMPTSPKUKM', OLD, 'closed');
    await complaint('DISDUKCAPIL', OLD);
    const c = await loggedIn(t.app, 'pengaduan');
    assert.deepEqual(tasksOf(await (await c.get('/')).text()).filter((x) => x.includes('pengaduan')), [
      '2 pengaduan melewati batas waktu penyelesaian → /pengaduan/kelola?overdue=1',
      '3 pengaduan baru belum ditugaskan kepada petugas → /pengaduan/kelola?state=received',
    ]);
    // an ordinary employee of the same unit is not a handler: nothing
    const e = await loggedIn(t.app, 'pegawai');
    assert.deepEqual(tasksOf(await (await e.get('/')).text()).filter((x) => x.includes('pengaduan')), []);
    // the regency administrator handles everywhere: Disdukcapil's counts too
    const a = await loggedIn(t.app, 'admin');
    assert.match(tasksOf(await (await a.get('/')).text())[0], /^3 pengaduan melewati batas/);
  });

  test('a complaint assigned to the handler is theirs until closed', async () => {
    const [{ id }] = await t.database.query<{ id: string }>("select id from kernel_accounts where username = 'pengaduan'");
    await t.database.query("update complaints_complaints set assignee_id = $1, state = 'in_process' where received_on = $2", [id, OLD_FEB]);
    const c = await loggedIn(t.app, 'pengaduan');
    const tasks = tasksOf(await (await c.get('/')).text());
    assert.ok(tasks.includes('1 pengaduan ditugaskan kepada Anda masih terbuka → /pengaduan/kelola'), tasks.join('\n'));
    assert.ok(tasks.includes('2 pengaduan baru belum ditugaskan kepada petugas → /pengaduan/kelola?state=received'));
  });

  test('a failing source is left out and reported; the others still show', async () => {
    const errors: unknown[] = [];
    const ok: TaskSource = async () => [{ href: '/a', key: 'k', tone: 'info' }, { href: '/b', key: 'k', tone: 'danger' }];
    const bad: TaskSource = async () => { throw new Error('boom'); };
    const got = await collectTasks([ok, bad], { db: t.database.db, actor: null as never, access: t.access, unitId: null, today: regencyToday(), now: new Date() }, (e) => errors.push(e));
    assert.deepEqual(got.map((x) => x.href), ['/b', '/a'], 'the late first');
    assert.equal(errors.length, 1);
  });
});

describe('home page tasks on the LKE', () => {
  let t: TestApp;
  before(async () => { t = await createTestApp(); });
  after(async () => { await t.close(); });

  test('the TPI evaluator sees worksheets submitted to them; the ZI chair sees a returned one', async () => {
    const [w] = await t.database.query<{ id: string; state: string }>("select w.id, w.state from assessment_worksheets w join org_units u on u.id = w.unit_id where u.code = 'DPMPTSPKUKM' order by w.year desc limit 1");
    await t.database.query("update assessment_worksheets set state = 'draft' where state in ('submitted', 'under_review', 'returned')");
    const tpi = await loggedIn(t.app, 'tpi');
    assert.deepEqual(tasksOf(await (await tpi.get('/')).text()).filter((x) => x.includes('LKE')), []);
    await t.database.query("update assessment_worksheets set state = 'submitted' where id = $1", [w.id]);
    assert.deepEqual(tasksOf(await (await tpi.get('/')).text()).filter((x) => x.includes('LKE')), ['1 LKE diajukan dan menunggu reviu TPI → /lke']);
    await t.database.query("update assessment_worksheets set state = 'returned' where id = $1", [w.id]);
    const ketua = await loggedIn(t.app, 'ketua.zi');
    assert.deepEqual(tasksOf(await (await ketua.get('/')).text()).filter((x) => x.includes('LKE')), ['1 LKE dikembalikan TPI untuk diperbaiki → /lke']);
    const dukcapil = await loggedIn(t.app, 'pegawai.dukcapil');
    assert.deepEqual(tasksOf(await (await dukcapil.get('/')).text()).filter((x) => x.includes('LKE')), []);
  });

  test('the WBS handler sees the open reports whose key they hold', async () => {
    const [n] = await t.database.query<{ fresh: number; open: number }>(`select count(*) filter (where r.state = 'received')::int as fresh, count(*) filter (where r.state not in ('received','rejected','closed'))::int as open
      from wbs_reports r join wbs_report_keys k on k.report_id = r.id join kernel_accounts a on a.id = k.account_id and a.username = 'wbs' where r.purged_on is null`);
    assert.ok(Number(n.fresh) + Number(n.open) > 0, 'the demo has open reports for the handler');
    const h = await loggedIn(t.app, 'wbs');
    const tasks = tasksOf(await (await h.get('/')).text()).filter((x) => x.includes('WBS'));
    const want = [...(Number(n.fresh) ? [`${n.fresh} laporan WBS baru menunggu ditelaah → /wbs/kelola`] : []), ...(Number(n.open) ? [`${n.open} laporan WBS sedang Anda tangani → /wbs/kelola`] : [])];
    assert.deepEqual(tasks, want);
    // the TPI evaluator is no WBS handler
    const tpi = await loggedIn(t.app, 'tpi');
    assert.deepEqual(tasksOf(await (await tpi.get('/')).text()).filter((x) => x.includes('WBS')), []);
  });
});
