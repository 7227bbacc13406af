// A compact 64-bit digest of a token, for uniqueness checks that must not keep whole tokens: two
// MurmurHash3-style 32-bit hashes with different seeds. Equal tokens always have equal digests, so a
// token issued twice is never missed; two different tokens share a digest by chance with probability
// about n² / 2^65 among n tokens (under 3e-6 for 10 million). Plain JS (Math.imul), no Node imports:
// k6 bundles it too.

export interface Digest {
  hi: number;
  lo: number;
}

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

export function digestOf(token: string): Digest {
  return { hi: hash32(token, 0x9747b28c), lo: hash32(token, 0x5bd1e995) };
}

/** The digest as 16 hex digits (what k6 VUs report to the suite's collector). */
export function digestHex(token: string): string {
  const { hi, lo } = digestOf(token);
  return (0x100000000 + hi).toString(16).slice(1) + (0x100000000 + lo).toString(16).slice(1);
}
