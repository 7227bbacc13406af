import { pipeline, referenceInput } from '../support/pipeline.ts';
import { unchanged, type Mutant } from '../types.ts';

export const getQueryCredentials: Mutant = {
  name: 'get-query-credentials',
  category: 'leakage',
  defect:
    "The docs' Definition line says GET, so GET /v1/token?grantType=password&...&password=... is served too: " +
    'passwords end up in URLs and logs.',
  violates: ['conformance:TOKEN-09'],
  expected: 'fail',
  extend: unchanged,
  listener: (context) =>
    pipeline(context, {
      input: async (req, url, ctx) =>
        req.method === 'GET' && url.search ? url.search.slice(1) : referenceInput(req, url, ctx),
    }),
};
