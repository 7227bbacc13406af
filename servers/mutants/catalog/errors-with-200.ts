import { rewriteHeads } from '../support/pipeline.ts';
import { unchanged, type Mutant } from '../types.ts';

export const errorsWith200: Mutant = {
  name: 'errors-with-200',
  category: 'response-shape',
  defect:
    'Every error is answered 200 OK with the error in the JSON body ("the status is always 200, check the body").',
  violates: [
    'conformance:TOKEN-04',
    'conformance:TOKEN-05',
    'conformance:TOKEN-06',
    'conformance:TOKEN-07',
    'conformance:REFRESH-03',
    'conformance:REFRESH-06',
    'contract:PACT-02 (error interactions, SHOULD)',
  ],
  expected: 'fail',
  extend: unchanged,
  listener: (context) => rewriteHeads(context, (status, headers) => [status >= 400 ? 200 : status, headers]),
};
