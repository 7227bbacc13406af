// Errors as RFC 9457 (formerly 7807) problem details: application/problem+json with type, title, status, detail.
// Details are fixed sentences: nothing the client sent is ever echoed back.
import type { ServerResponse } from 'node:http';

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(title);
    this.name = 'Problem';
  }
}

const TYPES = 'https://alt.token-suite.dev/problems/';

export const malformed = (title: string) => new Problem(400, 'malformed-request', title);
export const missingField = (field: string) => new Problem(422, 'missing-field', `The field ${field} is required.`);
export const unsupportedGrant = () =>
  new Problem(400, 'unsupported-grant-type', 'Only grantType=password is supported.');
export const unknownClient = () => new Problem(403, 'unknown-client', 'The client is not registered.');
export const badCredentials = () =>
  new Problem(401, 'bad-credentials', 'The username or password is wrong.', {
    'www-authenticate': 'Form realm="echon"',
  });
export const badRefreshToken = () =>
  new Problem(401, 'invalid-refresh-token', 'The refresh token is unknown, expired, used or revoked.', {
    'www-authenticate': 'Form realm="echon"',
  });
export const notFound = () => new Problem(404, 'not-found', 'No such resource.');
export const wrongMethod = () => new Problem(405, 'method-not-allowed', 'Use POST.', { allow: 'POST' });
export const tooLarge = () =>
  new Problem(413, 'body-too-large', 'The request body is too large.', { connection: 'close' });
export const wrongMediaType = () =>
  new Problem(415, 'unsupported-media-type', 'Send application/x-www-form-urlencoded.');
export const internal = () => new Problem(500, 'internal', 'Something went wrong on our side.');

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

export function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...NO_STORE,
    ...headers,
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendProblem(res: ServerResponse, problem: Problem): void {
  const { status, title, headers } = problem;
  send(res, status, 'application/problem+json', { type: TYPES + problem.type, title, status }, headers);
}

/** For requests Node's HTTP parser rejects before any handler runs. */
export const RAW_BAD_REQUEST = (() => {
  const body = JSON.stringify({
    type: `${TYPES}malformed-request`,
    title: 'The request is not valid HTTP.',
    status: 400,
  });
  const head = [
    'HTTP/1.1 400 Bad Request',
    'content-type: application/problem+json',
    'cache-control: no-store',
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
  ];
  return `${head.join('\r\n')}\r\n\r\n${body}`;
})();
