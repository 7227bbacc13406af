import type { Mutant } from '../types.ts';

export const noReuseDetection: Mutant = {
  name: 'no-reuse-detection',
  category: 'replay',
  defect:
    'A replayed refresh token is rejected, but its family is not revoked: the newest token ' +
    "(maybe the thief's) keeps working.",
  violates: ['conformance:REFRESH-05 (SHOULD, RFC 9700 4.14.2)', 'load:LOAD-07 (SHOULD)'],
  expected: 'warn',
  extend({ store }) {
    store.revoke = () => undefined;
  },
};
