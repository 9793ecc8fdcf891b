// The cryptography of the whistleblowing system (decision 0010), Node's crypto and argon2id only.
//
//   content:   AES-256-GCM under a random 32-byte data key per report; every ciphertext is bound
//              (AAD) to its report and purpose, so a ciphertext moved to another row does not open.
//   recipients: the data key wrapped per recipient: ephemeral X25519 → HKDF-SHA256 → AES-256-GCM.
//   handlers:  X25519 key pair per account; the private key sealed with argon2id(password).
//   reporter:  the data key wrapped with argon2id(receipt, per-report salt, secret = server key).
//   receipt:   16 digits; found by a keyed hash (HMAC-SHA256, key from the server secret) of the
//              whole receipt, and stored as an argon2id hash too.
import { createCipheriv, createDecipheriv, createHmac, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, randomInt, createHash, type KeyObject } from 'node:crypto';
import { hash, hashRaw, verify } from '@node-rs/argon2';

const VERSION = 'v1';
// Same argon2id baseline as account passwords (OWASP); keys are 32 bytes.
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export class WbsCryptoError extends Error {}

// ---- symmetric -------------------------------------------------------------------------------

export function newDataKey(): Buffer {
  return randomBytes(32);
}

/** AES-256-GCM: "v1." + base64(iv 12 | tag 16 | ciphertext), bound to `aad`. */
export function seal(key: Uint8Array, plaintext: Uint8Array | string, aad: string): string {
  return `${VERSION}.${sealBytes(key, typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext, aad).toString('base64')}`;
}

export function sealBytes(key: Uint8Array, plaintext: Uint8Array, aad: string): Buffer {
  if (key.length !== 32) throw new WbsCryptoError('key length');
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([c.update(plaintext), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), ct]);
}

export function openBytes(key: Uint8Array, sealed: Uint8Array, aad: string): Buffer {
  if (key.length !== 32 || sealed.length < 28) throw new WbsCryptoError('malformed');
  const buf = Buffer.from(sealed);
  try {
    const d = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
    d.setAAD(Buffer.from(aad, 'utf8'));
    d.setAuthTag(buf.subarray(12, 28));
    return Buffer.concat([d.update(buf.subarray(28)), d.final()]);
  } catch {
    throw new WbsCryptoError('does not open');
  }
}

export function open(key: Uint8Array, sealed: string, aad: string): Buffer {
  if (!sealed.startsWith(`${VERSION}.`)) throw new WbsCryptoError('unknown version');
  return openBytes(key, Buffer.from(sealed.slice(VERSION.length + 1), 'base64'), aad);
}

export const openText = (key: Uint8Array, sealed: string, aad: string) => open(key, sealed, aad).toString('utf8');

// ---- recipients (X25519) -----------------------------------------------------------------------

export interface KeyPair { publicKey: string; privateKey: KeyObject }

export function generateKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return { publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), privateKey };
}

export function publicKeyOf(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
}

export function fingerprint(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16).replace(/(.{4})(?!$)/g, '$1-');
}

function wrapKey(shared: Buffer, epk: Buffer, recipient: Buffer, aad: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([epk, recipient]), Buffer.from(`integritas-wbs-wrap|${aad}`), 32));
}

/** Wraps a data key for a recipient's public key: "v1." + base64(len | epk | sealed key). */
export function wrapFor(dataKey: Uint8Array, recipientPublicKey: string, aad: string): string {
  const recipient = createPublicKey({ key: Buffer.from(recipientPublicKey, 'base64'), format: 'der', type: 'spki' });
  const eph = generateKeyPairSync('x25519');
  const epk = eph.publicKey.export({ type: 'spki', format: 'der' });
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: recipient });
  const kek = wrapKey(shared, epk, Buffer.from(recipientPublicKey, 'base64'), aad);
  const sealed = sealBytes(kek, dataKey, aad);
  return `${VERSION}.${Buffer.concat([Buffer.from([epk.length]), epk, sealed]).toString('base64')}`;
}

export function unwrapWith(wrapped: string, privateKey: KeyObject, aad: string): Buffer {
  if (!wrapped.startsWith(`${VERSION}.`)) throw new WbsCryptoError('unknown version');
  const buf = Buffer.from(wrapped.slice(VERSION.length + 1), 'base64');
  const n = buf[0] ?? 0;
  if (buf.length < 1 + n + 28) throw new WbsCryptoError('malformed');
  const epk = buf.subarray(1, 1 + n);
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey, publicKey: createPublicKey({ key: epk, format: 'der', type: 'spki' }) });
  } catch {
    throw new WbsCryptoError('does not open');
  }
  const kek = wrapKey(shared, epk, Buffer.from(publicKeyOf(privateKey), 'base64'), aad);
  return openBytes(kek, buf.subarray(1 + n), aad);
}

// ---- handler private keys, sealed by password ----------------------------------------------------

async function passwordKey(password: string, salt: Buffer, secret?: Uint8Array): Promise<Buffer> {
  return hashRaw(password, { ...ARGON2, salt, outputLen: 32, ...(secret ? { secret } : {}) });
}

export async function sealPrivateKey(privateKey: KeyObject, password: string): Promise<string> {
  const salt = randomBytes(16);
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  const sealed = sealBytes(await passwordKey(password, salt), der, 'integritas-wbs-handler-key');
  return `${VERSION}.${Buffer.concat([salt, sealed]).toString('base64')}`;
}

/** The private key, or a WbsCryptoError when the password does not open it. */
export async function openPrivateKey(sealedKey: string, password: string): Promise<KeyObject> {
  if (!sealedKey.startsWith(`${VERSION}.`)) throw new WbsCryptoError('unknown version');
  const buf = Buffer.from(sealedKey.slice(VERSION.length + 1), 'base64');
  const der = openBytes(await passwordKey(password, buf.subarray(0, 16)), buf.subarray(16), 'integritas-wbs-handler-key');
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

// ---- the recovery key as text (printed once, pasted back) --------------------------------------

const RECOVERY_HEAD = 'INTEGRITAS-WBS-RECOVERY-KEY-V1';

export function recoveryKeyText(privateKey: KeyObject): string {
  const b64 = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
  return `${RECOVERY_HEAD}\n${b64.match(/.{1,32}/g)!.join('\n')}`;
}

export function parseRecoveryKey(text: string): KeyObject {
  const body = text.replace(RECOVERY_HEAD, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/=]{40,100}$/.test(body)) throw new WbsCryptoError('malformed');
  try {
    const k = createPrivateKey({ key: Buffer.from(body, 'base64'), format: 'der', type: 'pkcs8' });
    if (k.asymmetricKeyType !== 'x25519') throw new Error('type');
    return k;
  } catch {
    throw new WbsCryptoError('malformed');
  }
}

// ---- receipts --------------------------------------------------------------------------------------

export const RECEIPT_LOOKUP_DIGITS = 6;

/** 16 random digits. */
export function newReceipt(): string {
  let s = '';
  for (let i = 0; i < 16; i++) s += String(randomInt(10));
  return s;
}

/** "1234 5678 9012 3456" */
export function formatReceipt(r: string): string {
  return r.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** The 16 digits of what a reporter typed (spaces and dashes ignored), or null. */
export function normalizeReceipt(input: string): string | null {
  const s = input.replace(/[\s-]/g, '');
  return /^\d{16}$/.test(s) ? s : null;
}

/** Legacy: the 6-digit look-up part reports filed before the keyed look-up were found by. */
export const lookupOf = (receipt: string) => receipt.slice(0, RECEIPT_LOOKUP_DIGITS);

/** The key of the receipt look-up, derived from SECRET_KEY (a dump without it cannot test guesses). */
export function receiptMacKey(secretKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secretKey, 'utf8'), Buffer.alloc(0), Buffer.from('integritas-wbs-receipt-lookup'), 32));
}

/**
 * What finds a report: HMAC-SHA256 of the whole (normalised) receipt, hex. A wrong receipt gives a
 * value no report has, so a guess never lands on a report, whatever digits it shares with one.
 */
export function receiptMac(receipt: string, macKey: Uint8Array): string {
  return createHmac('sha256', macKey).update(`wbs-receipt:${receipt}`).digest('hex');
}

/** The stored hash of a receipt (argon2id, peppered with the server secret). */
export function hashReceipt(receipt: string, pepper: Uint8Array): Promise<string> {
  return hash(receipt, { ...ARGON2, secret: pepper });
}

export async function verifyReceipt(stored: string, receipt: string, pepper: Uint8Array): Promise<boolean> {
  try {
    return await verify(stored, receipt, { secret: pepper });
  } catch {
    return false;
  }
}

/** The reporter's key-encryption key: argon2id(receipt, per-report salt, secret = server pepper). */
export function receiptKey(receipt: string, salt: Buffer, pepper: Uint8Array): Promise<Buffer> {
  return passwordKey(`wbs-receipt:${receipt}`, salt, pepper);
}
