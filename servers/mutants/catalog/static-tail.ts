import { randomUUID } from 'node:crypto';
import { randomAlphanumerics, useTokenGenerator } from '../support/tokens.ts';
import type { Mutant } from '../types.ts';

export const staticTail: Mutant = {
  name: 'static-tail',
  category: 'token-format',
  defect: 'The 224-character tail is generated once at start-up ("hoisted for speed"), so only the UUID part varies.',
  violates: ['conformance:TOKEN-11'],
  expected: 'fail',
  extend(context) {
    const tail = randomAlphanumerics(224);
    useTokenGenerator(context, () => randomUUID().replace(/-/g, '') + tail);
  },
};
