import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { digestHex, digestOf } from './digest.ts';

/** The definition, one hash at a time (the digest's first published form). */
function hash32(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    let k = Math.imul(text.charCodeAt(i), 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= text.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

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

  it('gives the two seeded MurmurHash3-style hashes it is defined as (one pass computes both)', () => {
    for (const token of ['', 'x', 'ü€', randomBytes(200).toString('base64'), 'a'.repeat(256)]) {
      assert.deepEqual(digestOf(token), { hi: hash32(token, 0x9747b28c), lo: hash32(token, 0x5bd1e995) }, token);
    }
  });
});
