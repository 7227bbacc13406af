// Passwords are kept as scrypt hashes and compared in constant time.
// The password is SHA-256'd before scrypt: scrypt's inner PBKDF2-HMAC zero-pads short keys, so without it
// "pw" and "pw\0" hash alike (the suite's ROBUST-02 caught exactly that in this server).
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface PasswordHash {
  salt: Buffer;
  hash: Buffer;
  cost: number;
}

const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, cost: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      createHash('sha256').update(password, 'utf8').digest(),
      salt,
      KEY_LENGTH,
      { N: cost, r: 8, p: 1, maxmem: 256 * cost * 8 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

export async function hashPassword(password: string, cost: number): Promise<PasswordHash> {
  const salt = randomBytes(16);
  return { salt, hash: await derive(password, salt, cost), cost };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const candidate = await derive(password, stored.salt, stored.cost);
  return timingSafeEqual(candidate, stored.hash);
}
