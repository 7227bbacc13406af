// Typed failures of TokenClient. Each keeps what a caller needs to decide or report.
import type { ErrorObject } from 'ajv';

export type TokenClientErrorKind = 'http' | 'schema' | 'timeout' | 'network';

abstract class TokenClientError extends Error {
  abstract readonly kind: TokenClientErrorKind;
}

/** The server answered with a non-2xx status. `body` is the parsed JSON when it was JSON, else the raw text. */
export class HttpError extends TokenClientError {
  readonly kind = 'http';
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Headers,
  ) {
    super(`HTTP ${status}${HttpError.code(body) ? ` ${HttpError.code(body)}` : ''}`);
    this.name = 'HttpError';
  }

  /** The OAuth `error` code of the body, when it has one. */
  get code(): string | undefined {
    return HttpError.code(this.body);
  }

  private static code(body: unknown): string | undefined {
    const error = (body as { error?: unknown } | null)?.error;
    return typeof error === 'string' ? error : undefined;
  }
}

/** A 2xx answer whose body is not JSON or does not match the response schema. */
export class SchemaError extends TokenClientError {
  readonly kind = 'schema';
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
    readonly errors: ErrorObject[],
  ) {
    super(message);
    this.name = 'SchemaError';
  }
}

export class TimeoutError extends TokenClientError {
  readonly kind = 'timeout';
  constructor(
    readonly timeoutMs: number,
    readonly url: string,
  ) {
    super(`no answer from ${url} within ${timeoutMs} ms`);
    this.name = 'TimeoutError';
  }
}

/** The request never got an HTTP answer: refused, reset, DNS failure. `code` is the system error code. */
export class NetworkError extends TokenClientError {
  readonly kind = 'network';
  constructor(
    readonly url: string,
    readonly code: string | undefined,
    cause: unknown,
  ) {
    super(`cannot reach ${url}${code ? ` (${code})` : ''}`, { cause });
    this.name = 'NetworkError';
  }
}

/** The system error code (ECONNREFUSED, ECONNRESET, …) somewhere in an error's cause chain, as fetch wraps it. */
export function systemCode(error: unknown): string | undefined {
  let current: unknown = error;
  while (current instanceof Error) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}
