import { documented, randomAlphanumerics, useTokenGenerator } from '../support/tokens.ts';
import type { Mutant } from '../types.ts';

/** mulberry32: a small seeded PRNG, the kind copied from a gist. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const timeSeededTokens: Mutant = {
  name: 'time-seeded-tokens',
  category: 'token-format',
  defect:
    'Each token comes from a PRNG seeded with Date.now(): tokens made in the same millisecond are equal ' +
    '(token === refreshToken).',
  violates: [
    'conformance:TOKEN-12',
    'conformance:REFRESH-07',
    'conformance:REFRESH-08',
    'load:LOAD-05 (token === refreshToken)',
  ],
  expected: 'fail',
  extend(context) {
    useTokenGenerator(context, () => {
      const next = seeded(Date.now());
      const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
      return documented(hex, randomAlphanumerics(224, next));
    });
  },
};
