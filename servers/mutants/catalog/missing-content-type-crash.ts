import { readBody } from '../../reference/body.ts';
import { methodNotAllowed, unsupportedMediaType } from '../../reference/errors.ts';
import { pipeline } from '../support/pipeline.ts';
import { unchanged, type Mutant } from '../types.ts';

export const missingContentTypeCrash: Mutant = {
  name: 'missing-content-type-crash',
  category: 'input',
  defect:
    'The content type is read as req.headers["content-type"]!.split(";"): ' +
    'a POST without Content-Type throws a TypeError, answered 500.',
  violates: ['conformance:ROBUST-01 (a body with no Content-Type)'],
  expected: 'fail',
  extend: unchanged,
  listener: (context) =>
    pipeline(context, {
      async input(req, _url, ctx) {
        if (req.method !== 'POST') throw methodNotAllowed('POST');
        const type = req.headers['content-type']!.split(';')[0]!.trim().toLowerCase();
        if (type !== 'application/x-www-form-urlencoded') throw unsupportedMediaType();
        return readBody(req, ctx.bodyLimitBytes);
      },
    }),
};
