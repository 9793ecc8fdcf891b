import { test } from 'node:test';
import assert from 'node:assert/strict';
import { badTextFields, echoableText, textProblem } from './text.ts';

test('textProblem: every C0 control but tab, LF and CR, and DEL, is refused; invalid UTF-8 (U+FFFD) too', () => {
  for (let cp = 0; cp < 0x20; cp++) {
    const s = `a${String.fromCharCode(cp)}b`;
    const expected = cp === 0x09 || cp === 0x0a || cp === 0x0d ? null : 'error.text.control';
    assert.equal(textProblem(s), expected, `U+${cp.toString(16).padStart(4, '0')}`);
  }
  assert.equal(textProblem('a\u007fb'), 'error.text.control');
  assert.equal(textProblem('Pelayanan ramah \ufffd'), 'error.text.encoding');
  assert.equal(textProblem(new TextDecoder().decode(new Uint8Array([0x61, 0xff, 0x62]))), 'error.text.encoding');
  for (const ok of ['', 'Baik sekali', 'Jl. Merdeka No. 1\r\nSungailiat', 'tab\there', 'café — “kutipan” 😀', 'a\u0080b']) assert.equal(textProblem(ok), null, ok);
});

test('badTextFields names each bad string field once, skips files and honours the field list', () => {
  const file = new Blob(['\u0000']);
  const form = { subject: 'ok', description: 'x\u0000y', tags: ['fine', 'bad\u0001'], attachment: file, name: 'bad\ufffd' };
  assert.deepEqual(badTextFields(form), { description: 'error.text.control', tags: 'error.text.control', name: 'error.text.encoding' });
  assert.deepEqual(badTextFields(form, ['subject', 'name']), { name: 'error.text.encoding' });
  assert.deepEqual(badTextFields({ a: 'clean' }), {});
});

test('echoableText: every control character (each of them, not only the first) becomes U+FFFD; tab, newlines and other text stay', () => {
  const cases: [string, string][] = [
    ['a\u0000b\u0001c\u007f', 'a\ufffdb\ufffdc\ufffd'],
    ['\u0000\u0000', '\ufffd\ufffd'],
    ['tab\there\r\nnext', 'tab\there\r\nnext'],
    ['café 😀 \u0080', 'café 😀 \u0080'],
    ['', ''],
  ];
  for (const [given, shown] of cases) assert.equal(echoableText(given), shown, JSON.stringify(given));
  // what is shown again is never refused for a control character, only as invalid text
  assert.equal(textProblem(echoableText('x\u0000y')), 'error.text.encoding');
});
