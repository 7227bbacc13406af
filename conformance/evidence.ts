// How an answer reads in evidence: the status and OAuth code when there is one, otherwise the content
// type, the size and the first bytes of the body (tokens in it cut to their short form).
import { redactTokensIn } from '../schemas/token-format.ts';
import type { Exchange } from './exchange.ts';

/** The first bytes of a body, quoted, control characters escaped, tokens cut. */
export function bodyStart(ex: Pick<Exchange, 'text' | 'truncated'>, length = 60): string {
  const start = redactTokensIn(ex.text.slice(0, length)).replace(
    /[\u0000-\u001f\u007f]/g, // eslint-disable-line no-control-regex -- control characters are what it escapes
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return `'${start}${ex.text.length > length || ex.truncated ? '…' : ''}'`;
}

/** "400 invalid_grant", or "500 (text/html, 1234 bytes: '<html>…')". */
export function describeAnswer(ex: Exchange): string {
  const code = (ex.json as { error?: unknown } | undefined)?.error;
  if (typeof code === 'string') return `${ex.status} ${code.slice(0, 40)}`;
  const type = ex.headers.get('content-type') ?? 'no content-type';
  const size = ex.truncated ? `more than ${ex.text.length} bytes, cut` : `${ex.text.length} bytes`;
  return `${ex.status} (${type}, ${size}${ex.text.length ? `: ${bodyStart(ex)}` : ''})`;
}

/** "POST http://host/v1/token → 400 invalid_grant". */
export function describeExchange(ex: Exchange): string {
  return `${ex.method} ${ex.url} → ${describeAnswer(ex)}`;
}
