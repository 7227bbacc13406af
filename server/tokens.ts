// Tokens in the documented format from a CSPRNG: a UUIDv4 as 32 lowercase hex digits, then 224 alphanumerics.
import { randomBytes, randomUUID } from 'node:crypto';
import { ALPHANUMERIC, TOKEN_LENGTH, UUID_HEX_LENGTH } from '../schemas/token-format.ts';

const TAIL_LENGTH = TOKEN_LENGTH - UUID_HEX_LENGTH;
// 62 symbols: bytes >= 248 (= 4 * 62) are rejected so every symbol is equally likely.
const LIMIT = 4 * ALPHANUMERIC.length;

export function newToken(): string {
  let tail = '';
  while (tail.length < TAIL_LENGTH) {
    for (const byte of randomBytes(TAIL_LENGTH)) {
      if (byte < LIMIT && tail.length < TAIL_LENGTH) tail += ALPHANUMERIC[byte % ALPHANUMERIC.length];
    }
  }
  return randomUUID().replace(/-/g, '') + tail;
}
