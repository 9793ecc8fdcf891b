// The LKE demo year: six worksheets in their review states with histories, answers per layer, last
// year's verdict, evidence files in the store that download, running twice changes nothing, the
// audit chain holds; the seed without an org demo or without a file store. The demo is dated
// relative to the current year: last year complete, this year in progress, whatever year it is.
// PGlite, and PostgreSQL with TEST_DATABASE_URL.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { verifyAudit } from '../src/kernel/audit.ts';
import { sha256Of, type FileStore } from '../src/kernel/files.ts';
import { currentYear } from '../src/kernel/workdays.ts';
import { seedDemo } from '../src/main.ts';
import { buildPdf, seedAssessmentDemo } from '../src/modules/assessment/assessment.seed.ts';
import { loadLayers, type Layers } from '../src/modules/assessment/assessment.queries.ts';
import { effectiveAnswers } from '../src/modules/assessment/assessment.service.ts';
import { getRuleSet } from '../src/modules/assessment/lke.ruleset.ts';
import { judge, parseAnswers, sameAnswer, scoreAnswers } from '../src/modules/assessment/lke.rules.ts';
import { countEvidenceFor } from '../src/modules/evidence/index.ts';
import { seedOrgDemo } from '../src/modules/org/index.ts';
import { countRows, createTestApp, createTestDb, loggedIn, type TestApp } from './helpers.ts';

const rs = getRuleSet('permenpanrb-90-2021');
/** The demo's two years: this year (the regency's current year, in progress) and last year (complete). */
const THIS = currentYear();
const LAST = THIS - 1;
const DPM_LAST = `DPMPTSPKUKM:${LAST}`;
const DPM_THIS = `DPMPTSPKUKM:${THIS}`;
const ofThisYear = (code: string) => `${code}:${THIS}`;
let t: TestApp;
let files: FileStore;
interface Ws { id: string; code: string; year: number; state: string; cloned_from: string | null; return_note: string | null; conclusion: string | null; prerequisites: Record<string, unknown> }
const ws = new Map<string, Ws>();
const w = (key: string) => {
  const found = ws.get(key);
  assert.ok(found, `worksheet ${key}`);
  return found;
};

before(async () => {
  t = await createTestApp();
  files = t.deps.files;
  const rows = await t.database.query<Ws>(
    `select w.id, u.code, w.year, w.state, w.cloned_from, w.return_note, w.conclusion, w.prerequisites
       from assessment_worksheets w join org_units u on u.id = w.unit_id`);
  for (const r of rows) ws.set(`${r.code}:${r.year}`, r);
});
after(async () => { await t.close(); });

async function layersOf(key: string): Promise<{ layers: Layers; eff: ReturnType<typeof effectiveAnswers> }> {
  const layers = await loadLayers(t.database.db, w(key).id);
  return { layers, eff: effectiveAnswers(layers) };
}

/** Positive answers of the unit layer (value above 0) without any evidence. */
async function positiveWithoutEvidence(db: TestApp['database']['db'], worksheetId: string, unit: Record<string, unknown>) {
  const score = scoreAnswers(rs, unit as never);
  const counts = await countEvidenceFor(db, 'lke_item', worksheetId);
  return rs.items.filter((it) => (score.items[it.code]!.value ?? 0) > 0 && !counts.get(it.code)).map((it) => it.code);
}

/** A PDF's structure: header, xref offsets pointing at their objects, stream length, trailer. */
function assertValidPdf(bytes: Uint8Array, label: string) {
  const s = Buffer.from(bytes).toString('latin1');
  assert.ok(s.startsWith('%PDF-1.'), `${label}: header`);
  const m = /startxref\n(\d+)\n%%EOF\n$/.exec(s);
  assert.ok(m, `${label}: startxref at the end`);
  const xref = Number(m[1]);
  const table = /^xref\n0 (\d+)\n((?:\d{10} \d{5} [fn] \n)+)trailer\n<< \/Size (\d+) \/Root 1 0 R/.exec(s.slice(xref));
  assert.ok(table, `${label}: xref table and trailer`);
  const entries = table[2].match(/.{20}/gs)!;
  assert.equal(entries.length, Number(table[1]));
  assert.equal(Number(table[3]), entries.length);
  entries.slice(1).forEach((e, i) => {
    const offset = Number(e.slice(0, 10));
    assert.ok(s.startsWith(`${i + 1} 0 obj\n`, offset), `${label}: object ${i + 1} at offset ${offset}`);
  });
  const stream = /\/Length (\d+) >>\nstream\n/.exec(s);
  assert.ok(stream, `${label}: content stream`);
  const start = stream.index + stream[0].length;
  assert.equal(s.slice(start + Number(stream[1]), start + Number(stream[1]) + 10), '\nendstream', `${label}: stream length`);
}

describe('the LKE demo year', () => {
  test('six worksheets in the stated states; this year\'s of DPMPTSP-KUKM is copied from last year\'s', async () => {
    const states = Object.fromEntries([...ws].map(([k, v]) => [k, v.state]));
    assert.deepEqual(states, {
      [DPM_LAST]: 'recommended',
      [DPM_THIS]: 'draft',
      [ofThisYear('DISDUKCAPIL')]: 'under_review',
      [ofThisYear('DINKES')]: 'returned',
      [ofThisYear('BPKPD')]: 'submitted',
      [ofThisYear('PKM-SGL')]: 'draft',
    });
    assert.equal(w(DPM_THIS).cloned_from, w(DPM_LAST).id);
    assert.equal(w(DPM_LAST).conclusion, 'memenuhi');
    assert.ok(w(ofThisYear('DINKES')).return_note && w(ofThisYear('DINKES')).return_note!.length > 40, 'DINKES carries the TPI\'s reasons');
    assert.match(w(ofThisYear('DINKES')).return_note!, new RegExp(`register risiko SPIP ${THIS} .* paling lambat 4 Desember ${THIS}\\.$`), 'its years are this year');
    const clone = await t.database.query<{ note: string }>('select note from assessment_events where worksheet_id = $1', [w(DPM_THIS).id]);
    assert.deepEqual(clone.map((e) => e.note), [`clone:${LAST}`]);
  });

  test('histories run in order, before now, by the demo accounts', async () => {
    const events = await t.database.query<{ worksheet_id: string; from_state: string | null; to_state: string; note: string | null; at: Date; username: string | null }>(
      `select e.worksheet_id, e.from_state, e.to_state, e.note, e.at, a.username
         from assessment_events e left join kernel_accounts a on a.id = e.actor_id order by e.at`);
    const of = (key: string) => events.filter((e) => e.worksheet_id === w(key).id);
    const dpm = of(DPM_LAST);
    assert.deepEqual(dpm.map((e) => e.to_state), ['draft', 'submitted', 'under_review', 'returned', 'submitted', 'under_review', 'evaluated', 'recommended']);
    assert.deepEqual(dpm.map((e) => e.username), ['ketua.zi', 'ketua.zi', 'tpi', 'tpi', 'ketua.zi', 'tpi', 'tpi', 'tpi']);
    for (let i = 1; i < dpm.length; i++) assert.equal(dpm[i]!.from_state, dpm[i - 1]!.to_state, 'each event starts where the last ended');
    assert.match(dpm[3]!.note ?? '', /^Lengkapi data dukung/);
    assert.match(dpm[6]!.note ?? '', /^memenuhi: /);
    assert.equal(currentYear(new Date(dpm[0]!.at)), LAST);
    assert.match(dpm[7]!.note ?? '', new RegExp(`Nomor 700/412/INSP/${LAST}\\)\\.$`), 'a number of last year');
    assert.deepEqual(of(ofThisYear('DISDUKCAPIL')).map((e) => [e.to_state, e.username]).slice(-1), [['under_review', 'tpi']]);
    assert.deepEqual(of(ofThisYear('DINKES')).map((e) => e.to_state), ['draft', 'submitted', 'under_review', 'returned']);
    for (const e of events) assert.ok(new Date(e.at) < new Date(), 'no event in the future');
    const rows = await t.database.query<{ n: number }>(
      `select count(*)::int as n from assessment_worksheets w
        where w.updated_at < w.created_at or exists (select 1 from assessment_answers a where a.worksheet_id = w.id and a.updated_at > w.updated_at)`);
    assert.equal(rows[0]!.n, 0, 'updated_at is the last change of each worksheet');
  });

  test('DPMPTSP-KUKM last year: first-year answers, TPI reviewed all 113 items, verdict WBK eligible and proposable', async () => {
    const { layers, eff } = await layersOf(DPM_LAST);
    const example = parseAnswers(rs, JSON.parse(readFileSync(new URL('../src/modules/assessment/fixtures/worked-example.json', import.meta.url), 'utf8')).answers);
    const weaker = rs.items.filter((it) => !sameAnswer(example[it.code], eff.unit[it.code]));
    assert.ok(weaker.length >= 4 && weaker.length <= 6, `${weaker.length} items differ from the worked example`);
    const unitScore = scoreAnswers(rs, eff.unit);
    assert.ok(unitScore.total < scoreAnswers(rs, example).total, 'the first year is a little weaker');
    assert.equal(layers.tpi.rows.size, 113);
    const own = [...layers.tpi.rows].filter(([, r]) => r.answer);
    assert.ok(own.length >= 4 && own.length <= 5, `${own.length} own TPI values`);
    for (const [code, r] of own) assert.ok(r.note && r.note.length > 20, `${code}: the TPI says why`);
    assert.ok(layers.tpn.rows.size >= 5 && layers.tpn.rows.size <= 7, 'a TPN record for a few items');
    const verdict = judge(rs, scoreAnswers(rs, eff.tpi), w(DPM_LAST).prerequisites);
    assert.ok(verdict.WBK.eligible, `TPI layer not WBK eligible: ${verdict.WBK.failures.map((f) => f.message.en).join('; ')}`);
    assert.ok(verdict.WBK.proposable, 'prerequisites met');
    assert.equal(verdict.WBBM.eligible, false);
    assert.ok(judge(rs, scoreAnswers(rs, eff.tpn), w(DPM_LAST).prerequisites).WBK.eligible, 'the TPN record keeps WBK');
    assert.equal(layers.unit.notes['A.I.1.i.a'], `Tim Kerja ZI dibentuk dengan SK Kepala Dinas Nomor 800/045/DPMPTSP-KUKM/${LAST} tanggal 13 Januari ${LAST}.`);
  });

  test('answers vary per unit: complete worksheets total 60–88, the drafts are partly filled', async () => {
    const totals: number[] = [];
    for (const key of [DPM_LAST, ofThisYear('DISDUKCAPIL'), ofThisYear('DINKES'), ofThisYear('BPKPD')]) {
      const { eff } = await layersOf(key);
      assert.equal(Object.keys(eff.unit).length, 113, `${key} is complete`);
      const total = scoreAnswers(rs, eff.unit).total;
      assert.ok(total >= 60 && total <= 88, `${key}: ${total}`);
      totals.push(Math.round(total * 100));
    }
    assert.equal(new Set(totals).size, totals.length, 'totals differ');
    const d26 = await layersOf(DPM_THIS);
    const answered = Object.keys(d26.eff.unit).length;
    assert.ok(answered >= 95 && answered <= 105, `this year answered ${answered}`);
    assert.ok(Object.keys(d26.layers.unit.notes).length >= 8, 'notes on some items');
    assert.equal((d26.eff.unit['B.II.a'] as { index: number }).index, 3.62);
    const d25 = await layersOf(DPM_LAST);
    assert.ok(scoreAnswers(rs, d26.eff.unit).nodes['A.I.2']!.score > scoreAnswers(rs, d25.eff.unit).nodes['A.I.2']!.score, 'Penataan Tatalaksana improves');
    assert.equal(d26.layers.unit.notes['A.I.4.ii.e'], `LKj ${THIS} disusun Januari–Februari ${THIS + 1}.`, 'a plan for next year');
    const dis = await layersOf(ofThisYear('DISDUKCAPIL'));
    assert.equal(dis.layers.tpi.rows.size, 40);
    assert.equal([...dis.layers.tpi.rows.values()].filter((r) => r.answer && r.note).length, 3);
    const pkm = await layersOf(ofThisYear('PKM-SGL'));
    assert.equal(Object.keys(pkm.eff.unit).length, 30);
  });

  test('every positive answer of last year has evidence; this year reuses the files and leaves a few without', async () => {
    const d25 = await layersOf(DPM_LAST);
    assert.deepEqual(await positiveWithoutEvidence(t.database.db, w(DPM_LAST).id, d25.eff.unit), []);
    const d26 = await layersOf(DPM_THIS);
    const missing = await positiveWithoutEvidence(t.database.db, w(DPM_THIS).id, d26.eff.unit);
    assert.ok(missing.length >= 2 && missing.length <= 6, `this year without evidence: ${missing.join(', ')}`);
    const [reuse] = await t.database.query<{ files: number; shared: number }>(
      `select count(distinct l.file_id)::int as files,
              count(distinct l.file_id) filter (where exists (select 1 from evidence_links o where o.file_id = l.file_id and o.subject_id = $2))::int as shared
         from evidence_links l where l.subject_id = $1 and l.file_id is not null`, [w(DPM_LAST).id, w(DPM_THIS).id]);
    assert.ok(reuse!.files >= 40, `${reuse!.files} files on last year's`);
    assert.ok(reuse!.shared >= reuse!.files - 10, 'most of last year\'s files support this year too');
    const [many] = await t.database.query<{ n: number }>(
      `select count(*)::int as n from (select file_id from evidence_links where subject_id = $1 and file_id is not null group by file_id having count(*) > 1) x`, [w(DPM_LAST).id]);
    assert.ok(many!.n >= 10, 'one file supports several items');
    const urls = await t.database.query<{ url: string }>('select distinct url from evidence_links where url is not null');
    assert.ok(urls.length >= 20);
    for (const { url } of urls) assert.match(new URL(url).hostname, /\.example$/, `${url} is under .example`);
    assert.ok(urls.some(({ url }) => url.endsWith(`/berita/${LAST}/02/pencanangan-pembangunan-zona-integritas`)), 'addresses carry the story\'s years');
    for (const key of [ofThisYear('DISDUKCAPIL'), ofThisYear('DINKES'), ofThisYear('BPKPD'), ofThisYear('PKM-SGL')]) {
      const n = (await countEvidenceFor(t.database.db, 'lke_item', w(key).id)).size;
      assert.ok(n >= 3 && n <= 8, `${key}: a handful of links (${n})`);
    }
  });

  test('evidence files are in the store, valid, and download as ketua.zi', async () => {
    const rows = await t.database.query<{ id: string; sha256: string; size: number; mime: string; title: string }>(
      `select f.id, f.sha256, f.size, f.mime, f.title from evidence_files f join org_units u on u.id = f.unit_id where u.code = 'DPMPTSPKUKM' order by f.title`);
    assert.ok(rows.length >= 50);
    assert.ok(rows.some((r) => r.mime === 'image/png'), 'photos too');
    for (const r of rows) {
      assert.ok(await files.has(r.sha256), `${r.title} is in the store`);
      const bytes = await files.read(r.sha256);
      assert.equal(bytes.length, r.size);
      if (r.mime === 'application/pdf') assertValidPdf(bytes, r.title);
    }
    const sk = rows.find((r) => r.title.includes(`800/045/DPMPTSP-KUKM/${LAST}`));
    assert.ok(sk, 'the SK of the ZI team');
    assert.ok(rows.some((r) => r.title === `Laporan Kinerja (LKj) DPMPTSP-KUKM Tahun ${LAST - 1}`), 'last year\'s report on the year before stays one');
    assert.ok(rows.some((r) => r.title === `Laporan Evaluasi SOP Tahun ${THIS}`), 'a document of this year');
    const years = rows.flatMap((r) => [...r.title.matchAll(/(?<!\d)20\d\d(?!\d)/g)].map((m) => Number(m[0])));
    assert.ok(years.length >= 40 && years.every((y) => y >= THIS - 5 && y <= THIS), `titles name the story's years only: ${[...new Set(years)].join(', ')}`);
    const ketua = await loggedIn(t.app, 'ketua.zi');
    const res = await ketua.get(`/evidence/files/${sk.id}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(sha256Of(new Uint8Array(await res.arrayBuffer())), sk.sha256);
    const pdftotext = spawnSync('pdftotext', [`${files.dir}/${sk.sha256.slice(0, 2)}/${sk.sha256}`, '-'], { encoding: 'utf8' });
    if (pdftotext.error) return; // poppler not installed: the structure check above stands
    assert.equal(pdftotext.status, 0, pdftotext.stderr);
    assert.match(pdftotext.stdout, /PEMERINTAH KABUPATEN BANGKA/);
    assert.match(pdftotext.stdout.replace(/\s+/g, ' '), /TIM KERJA PEMBANGUNAN ZONA INTEGRITAS/);
    assert.equal(pdftotext.stderr, '', 'no syntax warnings');
  });

  test('the PDF builder escapes text and keeps exact offsets', () => {
    const bytes = buildPdf({
      head: ['PEMERINTAH KABUPATEN BANGKA'], title: 'Uji (kurung) \\ garis miring – tanda pisah “kutip” ✓', body: ['Isi (1) dan (2).'],
      place: 'Sungailiat, 1 Januari 2026', signer: { role: 'Kepala', name: 'Nama' }, created: "D:20260101090000+07'00'", author: 'Uji',
    });
    assertValidPdf(bytes, 'escapes');
    assert.match(Buffer.from(bytes).toString('latin1'), /UJI \\\(KURUNG\\\) \\\\ GARIS MIRING \x96 TANDA PISAH \x93KUTIP\x94 \?/);
  });

  test('seeding again changes nothing', async () => {
    const tables = ['assessment_worksheets', 'assessment_answers', 'assessment_events', 'evidence_files', 'evidence_links', 'kernel_audit_log', 'kernel_notifications'];
    const before = await Promise.all(tables.map((x) => countRows(t.database, x)));
    assert.equal(await seedAssessmentDemo(t.database.db, files), false);
    assert.equal(await seedDemo(t.database, files), false);
    assert.deepEqual(await Promise.all(tables.map((x) => countRows(t.database, x))), before);
  });

  test('the audit chain verifies, with one entry per seeded worksheet', async () => {
    const res = await verifyAudit(t.database.db);
    assert.ok(res.ok, JSON.stringify(res.firstBroken));
    const [r] = await t.database.query<{ n: number }>(`select count(*)::int as n from kernel_audit_log where action = 'lke.demo.seeded'`);
    assert.equal(r!.n, 6);
  });
});

describe('the LKE demo seed elsewhere', () => {
  test('without the org demo it does nothing', async () => {
    const tdb = await createTestDb();
    try {
      assert.equal(await seedAssessmentDemo(tdb.database.db, null), false);
      assert.equal(await countRows(tdb.database, 'assessment_worksheets'), 0);
    } finally {
      await tdb.drop();
    }
  });

  test('without a file store documents become links; an earlier "now" keeps every date before it', async () => {
    const tdb = await createTestDb();
    try {
      // 1 June of this year: before the day the story is told from (27 November), so it is compressed
      const now = new Date(Date.UTC(THIS, 5, 1));
      await seedOrgDemo(tdb.database.db, { now });
      assert.equal(await seedAssessmentDemo(tdb.database.db, null, now), true);
      assert.equal(await countRows(tdb.database, 'evidence_files'), 0);
      const [w25] = await tdb.database.query<{ id: string }>(`select w.id from assessment_worksheets w join org_units u on u.id = w.unit_id where u.code = 'DPMPTSPKUKM' and w.year = $1`, [LAST]);
      const eff = effectiveAnswers(await loadLayers(tdb.database.db, w25!.id));
      assert.deepEqual(await positiveWithoutEvidence(tdb.database.db, w25!.id, eff.unit), []);
      const [late] = await tdb.database.query<{ n: number }>(
        `select (select count(*) from assessment_events where at >= $1)
              + (select count(*) from assessment_answers where updated_at >= $1)
              + (select count(*) from assessment_worksheets where created_at >= $1 or updated_at >= $1 or submitted_at >= $1)::int as n`, [now.toISOString()]);
      assert.equal(Number(late!.n), 0);
      assert.ok((await verifyAudit(tdb.database.db)).ok);
    } finally {
      await tdb.drop();
    }
  });
});
