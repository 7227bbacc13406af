import type { Mutant } from '../types.ts';

export const anyClient: Mutant = {
  name: 'any-client',
  category: 'auth-bypass',
  defect: 'clientId is required but never looked up, so any client id, registered or not, gets tokens.',
  violates: ['conformance:TOKEN-05', 'contract:PACT-02 (unknown client answered with a token, SHOULD)'],
  expected: 'fail',
  extend({ directory }) {
    directory.hasClient = () => true;
  },
};
