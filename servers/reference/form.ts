// Strict application/x-www-form-urlencoded parsing (WHATWG rules, stricter on errors).
// Pairs with an empty name (the documented refresh example ends in '&=') are dropped;
// a repeated name is an error (RFC 6749 section 3.2); bad percent-encoding is an error, never a 5xx.
import { invalidRequest } from './errors.ts';

export type Form = Readonly<Record<string, string>>;

export function parseForm(body: string): Form {
  const fields = Object.create(null) as Record<string, string>;
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
    if (name === '') continue;
    if (name in fields) throw invalidRequest(`the parameter '${printable(name)}' is repeated`);
    fields[name] = value;
  }
  return fields;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw invalidRequest('the body has malformed percent-encoding');
  }
}

/** A field name safe to echo in an error description: short, printable ASCII only. */
function printable(name: string): string {
  return name
    .replace(/[^\x20-\x7E]/g, '?')
    .replace(/["\\]/g, '?')
    .slice(0, 40);
}

/** The field's value, or an invalid_request error naming the field when it is missing or empty. */
export function required(form: Form, name: string): string {
  const value = form[name];
  if (value === undefined || value === '') throw invalidRequest(`the parameter '${name}' is required`);
  return value;
}
