import { rewriteHeads } from '../support/pipeline.ts';
import { unchanged, type Mutant } from '../types.ts';

export const jsonWithoutContentType: Mutant = {
  name: 'json-without-content-type',
  category: 'headers',
  defect: 'Successful answers are written with res.end(JSON.stringify(pair)) and no Content-Type header.',
  violates: ['conformance:TOKEN-01 (content-type)', 'contract:PACT-01 (Content-Type header matcher)'],
  expected: 'fail',
  extend: unchanged,
  listener: (context) =>
    rewriteHeads(context, (status, { 'content-type': type, ...headers }) => [
      status,
      status === 200 ? headers : { ...headers, 'content-type': type ?? '' },
    ]),
};
