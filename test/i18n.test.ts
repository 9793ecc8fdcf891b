// Message catalogues: both languages complete, every key the code uses exists, Indonesian formats.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { formatDate, formatDateTime, formatNumber, I18n, LOCALES } from '../src/kernel/i18n.ts';
import { buildI18n, buildRoles } from '../src/main.ts';
import { POSITION_CLASSES } from '../src/modules/org/index.ts';
import { UNIT_KINDS } from '../src/modules/org/org.rules.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const i18n = buildI18n();
// the roles the kernel and the modules declare
const ROLES = buildRoles().names();

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

const KEY = String.raw`[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+`;
const LIT = String.raw`'(${KEY})'`;

/**
 * Message keys used literally in a source text, with the construct that uses them. Keys built
 * at run time (`role.${role}`) are checked separately, from the lists they are built from.
 */
function usedKeys(source: string): { key: string; how: string }[] {
  const found: { key: string; how: string }[] = [];
  const add = (how: string, re: RegExp, group = 1) => {
    for (const m of source.matchAll(re)) found.push({ key: m[group], how });
  };
  const all = (how: string, outer: RegExp) => {
    for (const m of source.matchAll(outer)) for (const k of m[0].matchAll(new RegExp(LIT, 'g'))) found.push({ key: k[1], how });
  };
  add("t('…')", new RegExp(String.raw`\bt\(\s*${LIT}`, 'g'));
  add('…Key: / …Key =', new RegExp(String.raw`\b\w*Key\s*[:=]\s*${LIT}`, 'g'));
  all('…Key = a ? … : …', /\b\w*Key\s*=\s*[^;]*\?[^;]*;/g);
  all('invalid({ … })', /\binvalid\(\s*\{[^}]*\}/g);
  add('DomainError(kind, code)', new RegExp(String.raw`\bDomainError\(\s*'\w+'\s*,\s*${LIT}`, 'g'));
  add('conflict/notFound/forbidden(code)', new RegExp(String.raw`\b(?:conflict|notFound|forbidden)\(\s*${LIT}`, 'g'));
  add('…Error(code)', new RegExp(String.raw`\b\w+Error\(\s*${LIT}`, 'g'));
  add('flash(c, kind, key)', new RegExp(String.raw`\bflash\(\s*\w+\s*,\s*'\w+'\s*,\s*${LIT}`, 'g'));
  add('{ to, flash: key } (formAction)', new RegExp(String.raw`\bflash\s*:\s*${LIT}`, 'g'));
  add('zod message', new RegExp(String.raw`\.(?:min|max|length|regex|refine|email|url|int|nonempty)\((?:[^()']|\((?:[^()]|\([^()]*\))*\))*?,\s*${LIT}\s*\)`, 'g'));
  add('{ message: … }', new RegExp(String.raw`\bmessage\s*:\s*${LIT}`, 'g'));
  add('error: / errors.x =', new RegExp(String.raw`\b(?:error|errors\.\w+|errors\[[^\]]+\])\s*[:=]\s*${LIT}`, 'g'));
  add("return '…'", new RegExp(String.raw`\breturn\s+${LIT}\s*;`, 'g'));
  // error-code unions: type NipError = 'nip.format' | …; code: 'csv.empty' | …
  all('error-code type', new RegExp(String.raw`(?:\btype\s+\w*(?:Error|Code|Key)\w*\s*=|\bcode\s*:)\s*${LIT}(?:\s*\|\s*${LIT})*`, 'g'));
  return found;
}

describe('catalogues', () => {
  test('Indonesian and English have exactly the same keys', () => {
    const id = new Set(i18n.keys('id'));
    const en = new Set(i18n.keys('en'));
    const onlyId = [...id].filter((k) => !en.has(k));
    const onlyEn = [...en].filter((k) => !id.has(k));
    assert.deepEqual(onlyId, [], `keys missing in English: ${onlyId.join(', ')}`);
    assert.deepEqual(onlyEn, [], `keys missing in Indonesian: ${onlyEn.join(', ')}`);
    assert.ok(id.size > 100, `only ${id.size} keys registered`);
  });

  test('no message is empty, and placeholders match between languages', () => {
    const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const tid = i18n.translator('id');
    const ten = i18n.translator('en');
    for (const locale of LOCALES) {
      for (const key of i18n.keys(locale)) {
        const text = i18n.translator(locale)(key);
        assert.ok(text.trim().length > 0, `${locale}: "${key}" is empty`);
      }
    }
    for (const key of i18n.keys('id')) assert.deepEqual(ph(ten(key)), ph(tid(key)), `placeholders of "${key}" differ between id and en`);
  });

  test('the check notices a missing or empty message', () => {
    const broken = new I18n().register('x', { id: { 'a.b': 'A', 'a.c': '' }, en: { 'a.b': 'A' } });
    assert.notDeepEqual(new Set(broken.keys('id')), new Set(broken.keys('en')));
    assert.equal(broken.translator('id')('a.c').trim(), '');
    assert.throws(() => new I18n().register('x', { id: { k: 'a' }, en: {} }).register('y', { id: { k: 'b' }, en: {} }), /duplicate key/);
  });
});

describe('keys used in code', () => {
  const files = sourceFiles(path.join(ROOT, 'src'));
  const uses = files.flatMap((f) => usedKeys(readFileSync(f, 'utf8')).map((u) => ({ ...u, file: path.relative(ROOT, f) })));

  test('the scanner finds keys in every construct that carries one', () => {
    const found = new Set(uses.map((u) => u.key));
    for (const k of ['auth.login.failed', 'auth.login.throttled', 'org.unit.code_taken', 'nip.format', 'nip.age', 'csv.empty', 'form.required',
      'org.email.invalid', 'org.account.username_format', 'auth.password.too_short', 'error.title.throttled', 'units.saved', 'notify.role_granted.subject',
      'org.import.no_file', 'error.csrf', 'nav.units', 'org.role.invalid']) {
      assert.ok(found.has(k), `scanner did not see "${k}" — the regexes no longer match how the code uses keys`);
    }
    assert.ok(uses.length > 300, `only ${uses.length} key uses found`);
  });

  test('the scanner itself: each construct yields its key, other strings do not', () => {
    const src = `
      v.t('a.one'); t( 'a.two', { n });
      const x = { labelKey: 'a.three', subjectKey: 'a.four' };
      const titleKey = code === 404 ? 'a.five' : code === 403 ? 'a.six' : 'a.seven';
      throw invalid({ code: 'a.eight', parentId: 'a.nine' });
      throw new DomainError('validation', 'a.ten', { line });
      throw conflict('a.eleven'); throw notFound('a.twelve');
      throw new CsvError('a.thirteen', 1);
      flash(c, 'success', 'a.fourteen');
      return { to: '/x', flash: 'a.fourteen_b' };
      z.string().min(1, 'a.fifteen').regex(/^[+0-9][0-9 ()-]{5,}$/, 'a.sixteen').refine((v) => /x/.test(v), 'a.seventeen');
      z.enum(X, { message: 'a.eighteen' });
      if (bad) errors.current = 'a.nineteen';
      return { ok: false, error: 'a.twenty' };
      if (short) return 'a.twentyone';
      export type NipError = 'a.x1' | 'a.x2';
      r.get('/path', 'org.units.list', handler);
      appendAudit(tx, actor, { action: 'org.unit.created', entityType: 'unit' });
      readFileSync('app.css');
    `;
    const keys = usedKeys(src).map((u) => u.key).sort();
    const expected = ['a.one', 'a.two', 'a.three', 'a.four', 'a.five', 'a.six', 'a.seven', 'a.eight', 'a.nine', 'a.ten', 'a.eleven', 'a.twelve',
      'a.thirteen', 'a.fourteen', 'a.fourteen_b', 'a.fifteen', 'a.sixteen', 'a.seventeen', 'a.eighteen', 'a.nineteen', 'a.twenty', 'a.twentyone', 'a.x1', 'a.x2'].sort();
    assert.deepEqual([...new Set(keys)].sort(), expected);
  });

  test('every literal key used in src exists in the catalogues', () => {
    const missing = uses.filter((u) => !i18n.has(u.key, 'id') || !i18n.has(u.key, 'en'));
    const lines = [...new Set(missing.map((u) => `${u.file}: "${u.key}" (${u.how})`))];
    assert.deepEqual(lines, [], `message keys used in code but missing from a catalogue:\n  ${lines.join('\n  ')}`);
  });

  test('keys built at run time exist for every value they are built from', () => {
    const expected = [
      ...ROLES.map((r) => `role.${r}`),
      ...UNIT_KINDS.map((k) => `unitkind.${k}`),
      ...POSITION_CLASSES.map((p) => `poscls.${p}`),
      ...[1, 2, 3, 4, 5, 6].map((a) => `area.${a}`),
      'gender.L', 'gender.P',
      ...['created', 'updated', 'rejected'].map((s) => `import.status.${s}`),
    ];
    const missing = expected.filter((k) => !i18n.has(k, 'id') || !i18n.has(k, 'en'));
    assert.deepEqual(missing, []);
  });

  test('navigation labels and notification keys resolve', async () => {
    const { orgNav } = await import('../src/modules/org/index.ts');
    for (const n of orgNav) assert.ok(i18n.has(n.labelKey), `nav ${n.href}: ${n.labelKey}`);
  });
});

describe('translator', () => {
  test('fills parameters, falls back to Indonesian, shows unknown keys verbatim', () => {
    const x = new I18n().register('x', { id: { 'a.b': 'Halo {name}, {n} pesan', 'a.c': 'Hanya id' }, en: { 'a.b': 'Hello {name}, {n} messages' } as never });
    assert.equal(x.translator('en')('a.b', { name: 'Rina', n: 3 }), 'Hello Rina, 3 messages');
    assert.equal(x.translator('en')('a.c'), 'Hanya id');
    assert.equal(x.translator('id')('a.b', { name: 'Rina' }), 'Halo Rina, {n} pesan');
    assert.equal(x.translator('id')('no.such.key'), 'no.such.key');
  });

  test('real messages in both languages', () => {
    assert.equal(i18n.translator('id')('auth.login.throttled', { minutes: 15 }), 'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit.');
    assert.match(i18n.translator('en')('auth.login.failed'), /password/i);
  });
});

describe('Indonesian formats', () => {
  test('numbers', () => {
    assert.equal(formatNumber(17.5, 'id', 2), '17,50');
    assert.equal(formatNumber(1234567, 'id'), '1.234.567');
    assert.equal(formatNumber(17.5, 'en', 2), '17.50');
    assert.equal(formatNumber(0.125, 'id', 2), '0,13');
  });

  test('dates', () => {
    assert.equal(formatDate('2022-02-03', 'id'), '3 Februari 2022');
    assert.equal(formatDate('2022-02-03', 'en'), '3 February 2022');
    // a plain date is a calendar date, not shifted by time zone
    assert.equal(formatDate('2022-12-31', 'id', 'Pacific/Kiritimati'), '31 Desember 2022');
    // an instant is shown in the configured zone: 20:00 UTC is the next day in Jakarta (UTC+7)
    assert.equal(formatDate(new Date('2022-02-03T20:00:00Z'), 'id'), '4 Februari 2022');
    assert.match(formatDateTime(new Date('2022-02-03T07:05:00Z'), 'id'), /^3 Februari 2022.*14[.:]05$/);
  });
});
