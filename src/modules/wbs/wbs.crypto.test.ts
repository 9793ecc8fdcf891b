// The WBS cryptography: round trips, tamper detection, wrong keys, receipts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatReceipt, generateKeyPair, hashReceipt, lookupOf, newDataKey, newReceipt, normalizeReceipt, open, openPrivateKey,
  parseRecoveryKey, receiptKey, recoveryKeyText, seal, sealPrivateKey, unwrapWith, verifyReceipt, wrapFor, WbsCryptoError,
} from './wbs.crypto.ts';

const pepper = Buffer.alloc(32, 7);

test('content seals and opens; another key, another purpose or a flipped bit does not open', () => {
  const k = newDataKey();
  const s = seal(k, 'Kepala bidang meminta uang pelicin', 'r1|content');
  assert.ok(!s.includes('pelicin'));
  assert.equal(open(k, s, 'r1|content').toString(), 'Kepala bidang meminta uang pelicin');
  assert.throws(() => open(newDataKey(), s, 'r1|content'), WbsCryptoError);
  assert.throws(() => open(k, s, 'r2|content'), WbsCryptoError);
  const raw = Buffer.from(s.slice(3), 'base64');
  raw[raw.length - 1] ^= 1;
  assert.throws(() => open(k, `v1.${raw.toString('base64')}`, 'r1|content'), WbsCryptoError);
  assert.notEqual(seal(k, 'x', 'a'), seal(k, 'x', 'a'), 'random IV');
});

test('a data key wrapped for a public key opens only with its private key', () => {
  const h = generateKeyPair();
  const other = generateKeyPair();
  const dk = newDataKey();
  const w = wrapFor(dk, h.publicKey, 'report:1');
  assert.deepEqual(unwrapWith(w, h.privateKey, 'report:1'), dk);
  assert.throws(() => unwrapWith(w, other.privateKey, 'report:1'), WbsCryptoError);
  assert.throws(() => unwrapWith(w, h.privateKey, 'report:2'), WbsCryptoError);
});

test('a handler private key sealed by password opens only with that password', async () => {
  const h = generateKeyPair();
  const sealed = await sealPrivateKey(h.privateKey, 'rahasia-panjang-1');
  const back = await openPrivateKey(sealed, 'rahasia-panjang-1');
  const dk = newDataKey();
  assert.deepEqual(unwrapWith(wrapFor(dk, h.publicKey, 'a'), back, 'a'), dk);
  await assert.rejects(openPrivateKey(sealed, 'salah'), WbsCryptoError);
});

test('the recovery key survives its text form; garbage is refused', () => {
  const r = generateKeyPair();
  const text = recoveryKeyText(r.privateKey);
  assert.match(text, /^INTEGRITAS-WBS-RECOVERY-KEY-V1\n/);
  const back = parseRecoveryKey(`  ${text.replace(/\n/g, ' \r\n')}  `);
  const dk = newDataKey();
  assert.deepEqual(unwrapWith(wrapFor(dk, r.publicKey, 'x'), back, 'x'), dk);
  assert.throws(() => parseRecoveryKey('hello'), WbsCryptoError);
});

test('receipts: 16 digits, normalised, hashed and turned into a key', async () => {
  const r = newReceipt();
  assert.match(r, /^\d{16}$/);
  assert.equal(normalizeReceipt(formatReceipt(r)), r);
  assert.equal(normalizeReceipt('1234-5678-9012-345'), null);
  assert.equal(normalizeReceipt('abcd5678901234567'), null);
  assert.equal(lookupOf(r), r.slice(0, 6));
  const h = await hashReceipt(r, pepper);
  assert.ok(!h.includes(r));
  assert.ok(await verifyReceipt(h, r, pepper));
  assert.ok(!(await verifyReceipt(h, r.replace(/.$/, (d) => String((Number(d) + 1) % 10)), pepper)));
  assert.ok(!(await verifyReceipt(h, r, Buffer.alloc(32, 8))), 'another server secret');
  const salt = Buffer.alloc(16, 1);
  assert.deepEqual(await receiptKey(r, salt, pepper), await receiptKey(r, salt, pepper));
  assert.notDeepEqual(await receiptKey(r, salt, pepper), await receiptKey(r, Buffer.alloc(16, 2), pepper));
});
