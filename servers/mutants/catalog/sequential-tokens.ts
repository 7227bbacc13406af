import { documented, useTokenGenerator } from '../support/tokens.ts';
import type { Mutant } from '../types.ts';

export const sequentialTokens: Mutant = {
  name: 'sequential-tokens',
  category: 'token-format',
  defect:
    'Tokens are a counter dressed up in the documented format (the placeholder generator from development shipped).',
  violates: ['conformance:TOKEN-11'],
  expected: 'fail',
  extend(context) {
    let counter = 0;
    useTokenGenerator(context, () => {
      counter += 1;
      return documented(counter.toString(16), counter.toString(36));
    });
  },
};
