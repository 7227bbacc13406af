// Tokens in the documented format from a CSPRNG: a UUIDv4 as 32 lowercase hex digits, then 224 alphanumerics.
// Each token is written into one 256-byte buffer and read out once, so it is held as one flat string
// (~272 bytes), never as a concatenation of 224 pieces (~7 KB).
import { randomBytes, randomUUID } from 'node:crypto';
import { ALPHANUMERIC, TOKEN_LENGTH, UUID_HEX_LENGTH } from '../../schemas/token-format.ts';

const SYMBOLS = Buffer.from(ALPHANUMERIC, 'latin1');
// 62 symbols: bytes >= 248 (= 4 * 62) are rejected so every symbol is equally likely.
const LIMIT = 4 * SYMBOLS.length;
// Enough random bytes that one draw almost always fills the tail (~3% are rejected).
const DRAW = TOKEN_LENGTH;

export function newToken(): string {
  const token = Buffer.allocUnsafe(TOKEN_LENGTH);
  token.write(randomUUID().replace(/-/g, ''), 0, UUID_HEX_LENGTH, 'latin1');
  let filled = UUID_HEX_LENGTH;
  while (filled < TOKEN_LENGTH) {
    for (const byte of randomBytes(DRAW)) {
      if (byte < LIMIT && filled < TOKEN_LENGTH) token[filled++] = SYMBOLS[byte % SYMBOLS.length]!;
    }
  }
  return token.toString('latin1');
}
