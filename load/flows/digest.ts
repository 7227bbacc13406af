// A compact 64-bit digest of a token, for uniqueness checks that must not keep whole tokens: two
// MurmurHash3-style 32-bit hashes with different seeds. Equal tokens always have equal digests, so a
// token issued twice is never missed; two different tokens share a digest by chance with probability
// about n² / 2^65 among n tokens (under 3e-6 for 10 million). Plain JS (Math.imul), no Node imports:
// k6 bundles it too.

export interface Digest {
  hi: number;
  lo: number;
}

/** Both hashes in one pass: the per-character mixing `k` is the same for both seeds. */
export function digestOf(token: string): Digest {
  let a = 0x9747b28c | 0;
  let b = 0x5bd1e995 | 0;
  for (let i = 0; i < token.length; i += 1) {
    let k = Math.imul(token.charCodeAt(i), 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    a ^= k;
    a = (a << 13) | (a >>> 19);
    a = (Math.imul(a, 5) + 0xe6546b64) | 0;
    b ^= k;
    b = (b << 13) | (b >>> 19);
    b = (Math.imul(b, 5) + 0xe6546b64) | 0;
  }
  return { hi: finish(a, token.length), lo: finish(b, token.length) };
}

function finish(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The digest as 16 hex digits (what k6 VUs report to the suite's collector). */
export function digestHex(token: string): string {
  const { hi, lo } = digestOf(token);
  return (0x100000000 + hi).toString(16).slice(1) + (0x100000000 + lo).toString(16).slice(1);
}
