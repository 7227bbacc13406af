// The one place where results and errors become HTTP responses.
import type { ServerResponse } from 'node:http';
import { OAuthError, serverError } from './errors.ts';

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json;charset=UTF-8',
    'content-length': Buffer.byteLength(payload),
    ...NO_STORE,
    ...headers,
  });
  res.end(payload);
}

/** The default for unexpected errors (bugs): one line on stderr with the stack. */
export const logUnexpected = (error: unknown) => console.error('token-suite server: unexpected error:', error);

export function sendError(
  res: ServerResponse,
  error: unknown,
  onUnexpected: (error: unknown) => void = logUnexpected,
): void {
  const oauth = error instanceof OAuthError ? error : serverError();
  if (!(error instanceof OAuthError)) onUnexpected(error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, oauth.status, { error: oauth.code, error_description: oauth.description }, oauth.headers);
}

/** A raw answer for requests Node's HTTP parser rejected (bad chunking, bad headers). */
export const BAD_REQUEST_RAW = (() => {
  const body = JSON.stringify({ error: 'invalid_request', error_description: 'the request is not valid HTTP' });
  const head = [
    'HTTP/1.1 400 Bad Request',
    'content-type: application/json;charset=UTF-8',
    'cache-control: no-store',
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
  ];
  return `${head.join('\r\n')}\r\n\r\n${body}`;
})();
