import { pipeline } from '../support/pipeline.ts';
import { unchanged, type Mutant } from '../types.ts';

export const duplicateFieldsLastWins: Mutant = {
  name: 'duplicate-fields-last-wins',
  category: 'input',
  defect:
    'The body is parsed with Object.fromEntries(new URLSearchParams(body)): a repeated field is not an error, ' +
    'the last value wins.',
  violates: ['conformance:ROBUST-02 (repeated username, RFC 6749 3.2)'],
  expected: 'fail',
  extend: unchanged,
  listener: (context) => pipeline(context, { parse: (body) => Object.fromEntries(new URLSearchParams(body)) }),
};
