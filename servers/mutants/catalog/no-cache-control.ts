import { rewriteHeads } from '../support/pipeline.ts';
import { unchanged, type Mutant } from '../types.ts';

export const noCacheControl: Mutant = {
  name: 'no-cache-control',
  category: 'headers',
  defect:
    'Responses carry no Cache-Control: no-store (nor Pragma: no-cache), so proxies and browsers may cache tokens.',
  violates: ['conformance:TOKEN-08 (SHOULD here; a MUST in RFC 6749 5.1)'],
  expected: 'warn',
  extend: unchanged,
  listener: (context) =>
    rewriteHeads(context, (status, { 'cache-control': _cc, pragma: _pragma, ...headers }) => [status, headers]),
};
