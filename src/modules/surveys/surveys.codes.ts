// One-time receipt codes: printed on service receipts, shown in plain only once (the printable
// sheet), stored only as a hash. STABLE CONTRACT with the public forms: a posted code is looked up by
// `hashCode(code)` in surveys_codes.code_hash (same period, used_at null), and marked used in the
// same transaction as the response insert.
import { createHash, randomInt } from 'node:crypto';

/** Letters and digits without look-alikes (no 0/O, 1/I/L). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;
/** at most this many codes per generation */
export const MAX_CODES_PER_BATCH = 500;

/** The normal form of a code: upper case, spaces and dashes dropped. */
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

/** The stored hash of a receipt code (SHA-256 of a fixed prefix and the normal form). */
export function hashCode(code: string): string {
  return createHash('sha256').update(`surveys:code:${normaliseCode(code)}`).digest('hex');
}

/** `count` distinct random codes, formatted XXXX-XXXX. */
export function generateCodes(count: number): string[] {
  const out = new Set<string>();
  while (out.size < count) {
    let s = '';
    for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    out.add(`${s.slice(0, 4)}-${s.slice(4)}`);
  }
  return [...out];
}
