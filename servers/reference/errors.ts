// Errors as typed values: (status, code, description). One place (reply.ts) turns them into responses.

export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${code}: ${description}`);
    this.name = 'OAuthError';
  }
}

export const invalidRequest = (description: string) => new OAuthError(400, 'invalid_request', description);
export const unsupportedGrantType = (description: string) => new OAuthError(400, 'unsupported_grant_type', description);
export const invalidGrant = (description: string) => new OAuthError(400, 'invalid_grant', description);
export const invalidClient = (description: string) => new OAuthError(401, 'invalid_client', description);
export const notFound = () => new OAuthError(404, 'not_found', 'no such endpoint');
export const methodNotAllowed = (allow: string) => new OAuthError(405, 'method_not_allowed', `use ${allow}`, { allow });
export const payloadTooLarge = (limit: number) =>
  new OAuthError(413, 'request_too_large', `the request body is larger than ${limit} bytes`);
export const unsupportedMediaType = () =>
  new OAuthError(415, 'unsupported_media_type', 'the body must be application/x-www-form-urlencoded');
export const storeFull = (retryAfterSeconds: number) =>
  new OAuthError(503, 'temporarily_unavailable', 'the token store is full; retry later', {
    'retry-after': String(retryAfterSeconds),
  });
export const serverError = () => new OAuthError(500, 'server_error', 'the server failed to handle the request');
