// Notifications: an inbox entry in the same transaction as the change, and an e-mail copy through a
// real SMTP conversation (smtp-server on loopback), retried when the server is down.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createMailer } from '../src/kernel/mail.ts';
import { MAX_EMAIL_ATTEMPTS } from '../src/kernel/notify.ts';
import { createTestApp, loggedIn, type TestApp } from './helpers.ts';

// ---- a collecting SMTP server ----------------------------------------------------------------

interface Received { from: string; to: string[]; subject: string; text: string; raw: string }
const inbox: Received[] = [];

/** Decodes RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) in a header value. */
function decodeWords(v: string): string {
  return v.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _cs: string, enc: string, data: string) => {
    if (enc.toUpperCase() === 'B') return Buffer.from(data, 'base64').toString('utf8');
    return qp(data.replace(/_/g, ' '));
  });
}
function qp(s: string): string {
  const bytes: number[] = [];
  const src = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(src.slice(i + 1, i + 3))) { bytes.push(Number.parseInt(src.slice(i + 1, i + 3), 16)); i += 2; }
    else bytes.push(...Buffer.from(src[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
function parseMessage(raw: string, from: string, to: string[]): Received {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  let body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1] ?? '';
  const cte = header('Content-Transfer-Encoding').toLowerCase();
  if (cte === 'quoted-printable') body = qp(body);
  else if (cte === 'base64') body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return { from, to, subject: decodeWords(header('Subject')), text: body, raw };
}

let smtp: SMTPServer | null = null;
let smtpPort = 0;
async function startSmtp(port = 0): Promise<void> {
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        inbox.push(parseMessage(Buffer.concat(chunks).toString('utf8'), from, session.envelope.rcptTo.map((r) => r.address)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  smtp = server;
  smtpPort = (server.server.address() as AddressInfo).port;
}
async function stopSmtp(): Promise<void> {
  const s = smtp;
  smtp = null;
  if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
const settle = () => new Promise((r) => setTimeout(r, 300));

// ---- the app -----------------------------------------------------------------------------------

let t: TestApp;
before(async () => {
  await startSmtp();
  t = await createTestApp({ mailer: createMailer(`smtp://127.0.0.1:${smtpPort}`, 'Integritas <no-reply@test>') });
});
after(async () => {
  await t.close();
  t.mailer.close();
  await stopSmtp();
});

interface NotificationRow { id: string; kind: string; subject_key: string; params: Record<string, string>; read_at: Date | null; email_status: string; email_error: string | null; email_attempts: number }
async function accountId(username: string): Promise<string> {
  const [r] = await t.database.query<{ id: string }>('select id from kernel_accounts where username = $1', [username]);
  return r.id;
}
async function unitId(code: string): Promise<string> {
  const [r] = await t.database.query<{ id: string }>('select id from org_units where code = $1', [code]);
  return r.id;
}
async function roleNotifications(username: string): Promise<NotificationRow[]> {
  return t.database.query<NotificationRow>(
    `select * from kernel_notifications where account_id = $1 and kind = 'role' order by created_at`, [await accountId(username)]);
}
async function notification(id: string): Promise<NotificationRow> {
  const [r] = await t.database.query<NotificationRow>('select * from kernel_notifications where id = $1', [id]);
  return r;
}
async function grant(username: string, role: string, unitCode: string): Promise<NotificationRow> {
  const admin = await loggedIn(t.app, 'admin');
  const before = (await roleNotifications(username)).length;
  const res = await admin.post(`/admin/accounts/${await accountId(username)}/roles`, { role, unitId: await unitId(unitCode), area: '' });
  assert.equal(res.status, 303, `granting ${role} to ${username}`);
  const rows = await roleNotifications(username);
  assert.equal(rows.length, before + 1, 'no inbox entry written with the grant');
  return rows[rows.length - 1];
}
const mailsTo = (address: string) => inbox.filter((m) => m.to.includes(address));
/** The unread badge in the page header ("2 pemberitahuan belum dibaca"), or 0 when there is none. */
function badgeOf(html: string): number {
  const m = /<span class="badge badge--info" aria-label="(\d+) pemberitahuan belum dibaca">(\d+)<\/span>/.exec(html);
  if (!m) return 0;
  assert.equal(m[1], m[2]);
  return Number(m[1]);
}

describe('a role grant notifies the grantee', () => {
  let grantId = '';

  test('an inbox entry, shown with an unread count', async () => {
    const n = await grant('pegawai', 'zi_member', 'DPMPTSPKUKM');
    grantId = n.id;
    assert.equal(n.subject_key, 'notify.role_granted.subject');
    assert.equal(n.read_at, null);
    assert.ok(['pending', 'sent'].includes(n.email_status), `e-mail status ${n.email_status}`);

    const c = await loggedIn(t.app, 'pegawai');
    const home = await (await c.get('/')).text();
    assert.equal(badgeOf(home), 2, 'welcome + role grant unread');
    const page = await c.get('/notifications');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Peran baru: Anggota Tim Kerja ZI/);
    assert.match(html, /Anda mendapat peran Anggota Tim Kerja ZI pada Dinas Penanaman Modal/);
    assert.ok(html.includes(`action="/notifications/${n.id}/read"`));
  });

  test('an e-mail in Indonesian reaches the SMTP server, once', async () => {
    await t.flushMail();
    const [mail] = await until('the role e-mail', async () => (mailsTo('pegawai@demo.integritas.local').length ? mailsTo('pegawai@demo.integritas.local') : null));
    assert.equal(mail.subject, '[Integritas] Peran baru: Anggota Tim Kerja ZI');
    assert.equal(mail.from, 'no-reply@test');
    assert.match(mail.raw, /^From: Integritas <no-reply@test>/im);
    assert.match(mail.text, /Anda mendapat peran Anggota Tim Kerja ZI pada Dinas Penanaman Modal/);
    assert.ok(mail.text.includes(`${t.config.publicUrl}/account`), 'the e-mail links to the page');
    await t.flushMail();
    await settle();
    assert.equal(mailsTo('pegawai@demo.integritas.local').length, 1, 'the e-mail went out more than once');
    const row = await notification(grantId);
    assert.equal(row.email_status, 'sent');
    assert.equal(row.email_error, null);
    assert.equal(row.email_attempts, 1);
    assert.equal(await t.flushMail(), 0, 'nothing left to send');
  });

  test('another account cannot mark it read (404), its owner can', async () => {
    const other = await loggedIn(t.app, 'kadis');
    const res = await other.post(`/notifications/${grantId}/read`);
    assert.equal(res.status, 404);
    assert.equal((await notification(grantId)).read_at, null, 'another account marked the notification read');
    await other.post('/notifications/read-all');
    assert.equal((await notification(grantId)).read_at, null, '"mark all" reached another account\'s inbox');

    const owner = await loggedIn(t.app, 'pegawai');
    const ok = await owner.post(`/notifications/${grantId}/read`);
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), '/notifications');
    assert.ok((await notification(grantId)).read_at instanceof Date);
    assert.equal(badgeOf(await (await owner.get('/')).text()), 1);

    assert.equal((await owner.post('/notifications/not-a-uuid/read')).status, 404);
    assert.equal((await owner.post('/notifications/00000000-0000-4000-8000-000000000000/read')).status, 404);

    await owner.post('/notifications/read-all');
    const home = await (await owner.get('/')).text();
    assert.equal(badgeOf(home), 0);
  });

  test('an account without an e-mail address gets the inbox entry only', async () => {
    await t.database.query('update kernel_accounts set email = null where username = $1', ['upg']);
    const sent = inbox.length;
    const n = await grant('upg', 'zi_member', 'DPMPTSPKUKM');
    assert.equal(n.email_status, 'none');
    await t.flushMail();
    await settle();
    assert.equal(inbox.length, sent);
  });
});

describe('when the SMTP server is down', () => {
  /** Moves a notification back in time, as if minutes had passed since it was written. */
  const age = (id: string, minutes: number) =>
    t.database.query(`update kernel_notifications set created_at = created_at - make_interval(mins => $1) where id = $2`, [minutes, id]);

  test('the e-mail stays pending with the error and is delivered by a later flush once the server is back', async () => {
    const port = smtpPort;
    await stopSmtp();
    const n = await grant('kadis', 'zi_member', 'DPMPTSPKUKM');
    // the grant itself succeeded and is in the inbox whatever happens to the e-mail
    assert.match(await (await (await loggedIn(t.app, 'kadis')).get('/notifications')).text(), /Peran baru: Anggota Tim Kerja ZI/);

    assert.equal(await t.flushMail(), 0);
    await settle(); // the flushes that follow every POST have run too
    const row = await notification(n.id);
    assert.equal(row.email_status, 'pending');
    assert.ok(row.email_error && row.email_error.length > 0, 'no error recorded');
    assert.match(row.email_error!, /ECONNREFUSED|connect/i);
    assert.equal(row.email_attempts, 1, 'a burst of requests during an outage must not use up the attempts');

    // a minute later the next attempt is made; still down, still pending
    await age(n.id, 2);
    assert.equal(await t.flushMail(), 0);
    const second = await notification(n.id);
    assert.equal(second.email_attempts, 2);
    assert.equal(second.email_status, 'pending');
    assert.equal(mailsTo('kadis@demo.integritas.local').length, 0);

    await startSmtp(port);
    assert.equal(await t.flushMail(), 0, 'retried before its time');
    await age(n.id, 10);
    assert.equal(await t.flushMail(), 1);
    const [mail] = await until('the delayed e-mail', async () => (mailsTo('kadis@demo.integritas.local').length ? mailsTo('kadis@demo.integritas.local') : null));
    assert.equal(mail.subject, '[Integritas] Peran baru: Anggota Tim Kerja ZI');
    const done = await notification(n.id);
    assert.equal(done.email_status, 'sent');
    assert.equal(done.email_error, null);
    assert.equal(done.email_attempts, 3);
    await t.flushMail();
    assert.equal(mailsTo('kadis@demo.integritas.local').length, 1);
  });

  test(`after ${MAX_EMAIL_ATTEMPTS} failed attempts the e-mail is given up as failed`, async () => {
    const port = smtpPort;
    await stopSmtp();
    try {
      const n = await grant('koordinator', 'zi_member', 'DPMPTSPKUKM');
      await t.flushMail();
      await settle();
      for (let i = 2; i <= MAX_EMAIL_ATTEMPTS; i++) {
        await age(n.id, 24 * 60);
        await t.flushMail();
        const row = await notification(n.id);
        assert.equal(row.email_attempts, i);
        assert.equal(row.email_status, i < MAX_EMAIL_ATTEMPTS ? 'pending' : 'failed');
      }
      await startSmtp(port);
      await age(n.id, 24 * 60);
      assert.equal(await t.flushMail(), 0, 'a failed e-mail was retried');
      assert.equal(mailsTo('koordinator@demo.integritas.local').length, 0);
      // the inbox entry is still there for the user
      assert.equal((await notification(n.id)).read_at, null);
    } finally {
      if (!smtp) await startSmtp(port);
    }
  });

  test('concurrent flushes send each e-mail once', async () => {
    const n = await grant('ketua.zi', 'zi_member', 'DPMPTSPKUKM');
    // (the flush that follows the POST may already be running as well)
    const sent = await Promise.all([t.flushMail(), t.flushMail(), t.flushMail(), t.flushMail()]);
    await settle();
    assert.ok(sent.reduce((a, b) => a + b, 0) <= 1);
    assert.equal(mailsTo('ketua.zi@demo.integritas.local').length, 1);
    assert.equal((await notification(n.id)).email_attempts, 1);
  });
});
