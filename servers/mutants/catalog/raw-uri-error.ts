import { invalidRequest } from '../../reference/errors.ts';
import type { Form } from '../../reference/form.ts';
import { pipeline } from '../support/pipeline.ts';
import { unchanged, type Mutant } from '../types.ts';

const decode = (text: string): string => decodeURIComponent(text.replace(/\+/g, ' ')); // may throw URIError

/** The reference parser minus the try/catch around decodeURIComponent. */
function parseForm(body: string): Form {
  const fields = Object.create(null) as Record<string, string>;
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
    if (name === '') continue;
    if (name in fields) throw invalidRequest('a parameter is repeated');
    fields[name] = value;
  }
  return fields;
}

export const rawUriError: Mutant = {
  name: 'raw-uri-error',
  category: 'input',
  defect: 'Malformed percent-encoding (e.g. password=%E0%A4%A) throws a raw URIError, answered 500.',
  violates: ['conformance:ROBUST-01'],
  expected: 'fail',
  extend: unchanged,
  listener: (context) => pipeline(context, { parse: parseForm }),
};
