// Token values: 'opaque' (default) is 32 CSPRNG bytes in base64url (43 chars, 256 bits);
// 'documented' is the docs' shape: UUIDv4 as 32 hex digits, then 224 CSPRNG alphanumerics.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';

export type TokenFormat = 'opaque' | 'documented';

const SYMBOLS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function tokenMaker(format: TokenFormat): () => string {
  if (format === 'opaque') return () => randomBytes(32).toString('base64url');
  return () => {
    let tail = '';
    for (let i = 0; i < 224; i += 1) tail += SYMBOLS[randomInt(SYMBOLS.length)];
    return randomUUID().replaceAll('-', '') + tail;
  };
}
