import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { digestHex, digestOf } from './digest.ts';

describe('token digests', () => {
  it('gives equal tokens equal digests, and 100,000 random tokens 100,000 distinct ones', () => {
    const token = randomBytes(128).toString('hex');
    assert.deepEqual(digestOf(token), digestOf(`${token}`));
    const seen = new Set(Array.from({ length: 100_000 }, () => digestHex(randomBytes(64).toString('base64'))));
    assert.equal(seen.size, 100_000);
  });

  it('tells apart tokens that differ in one character, at either end', () => {
    const token = 'a'.repeat(256);
    const variants = [`b${token.slice(1)}`, `${token.slice(0, -1)}b`, token.slice(1)];
    for (const variant of variants) assert.notEqual(digestHex(variant), digestHex(token));
  });

  it('writes the digest as 16 hex digits', () => assert.match(digestHex('x'), /^[0-9a-f]{16}$/));
});
