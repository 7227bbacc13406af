// The consumer of the echon token API: both endpoints, typed results, typed errors.
import {
  validateOpaqueTokenResponse,
  validateTokenResponse,
  type TokenPair,
  type Validator,
} from '../schemas/validators.ts';
import { HttpError, NetworkError, SchemaError, TimeoutError } from './errors.ts';
import { ThrottleBudgetSpent, type Throttle } from './throttle.ts';
import type { TlsTrust } from './tls.ts';
import { Transport, TransportError, type HttpAnswer } from './transport.ts';

export type { Credentials } from '../schemas/documented-api.ts';
import type { Credentials } from '../schemas/documented-api.ts';
import { PATHS } from '../schemas/documented-api.ts';

export interface TokenClientOptions {
  baseUrl: string;
  /** Per-request timeout in milliseconds (default 10000). */
  timeoutMs?: number;
  /** 'documented' (default) demands the documented 256-character tokens; 'opaque' any non-empty token strings. */
  tokenFormat?: 'documented' | 'opaque';
  /** TLS trust for https:// servers (an extra CA, verification off, a client certificate). */
  tls?: TlsTrust;
  /**
   * The run's wait budget for throttled answers: a 429 (or 503 with Retry-After) is waited out and sent again;
   * when the budget cannot cover the wait, ThrottleBudgetSpent (not judged). Without it, a 429 is an HttpError.
   */
  throttle?: Throttle;
}

const DEFAULT_TIMEOUT_MS = 10_000;

export class TokenClient {
  readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly validate: Validator<TokenPair>;
  private readonly transport: Transport;
  private readonly throttle: Throttle | undefined;

  constructor(options: TokenClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.validate = options.tokenFormat === 'opaque' ? validateOpaqueTokenResponse : validateTokenResponse;
    this.transport = new Transport({ deadlineMs: this.timeoutMs, ...(options.tls ? { tls: options.tls } : {}) });
    this.throttle = options.throttle;
  }

  /** Closes idle keep-alive connections. */
  close(): void {
    this.transport.close();
  }

  /** Password grant: POST /v1/token. */
  getToken(credentials: Credentials, grantType = 'password'): Promise<TokenPair> {
    return this.post(PATHS.token, { grantType, ...credentials });
  }

  /** Refresh-token rotation: POST /v1/refresh/token. The old refresh token is spent by this call. */
  refresh(refreshToken: string): Promise<TokenPair> {
    return this.post(PATHS.refresh, { refreshToken });
  }

  private async post(path: string, fields: Record<string, string>): Promise<TokenPair> {
    const url = `${this.baseUrl}${path}`;
    const response = await this.send(url, new URLSearchParams(fields).toString());
    const text = response.body.toString('utf8');
    const body = parseJson(text);
    if (response.status < 200 || response.status > 299) {
      throw new HttpError(response.status, body === undefined ? text : body, response.headers);
    }
    if (body === undefined)
      throw new SchemaError(
        `${url} answered ${response.status} with a body that is not JSON`,
        response.status,
        text,
        [],
      );
    const result = this.validate(body);
    if (!result.ok) throw new SchemaError(result.message, response.status, body, result.errors);
    return result.value;
  }

  /** The timeout covers the whole exchange, the body included: a server that stalls mid-body times out too. */
  private async send(url: string, body: string): Promise<HttpAnswer> {
    try {
      const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
      const once = () => this.transport.send({ method: 'POST', url, headers, body });
      return await (this.throttle ? this.throttle.http(once) : once());
    } catch (error) {
      if (error instanceof ThrottleBudgetSpent) throw error;
      if (error instanceof TransportError && error.kind === 'timeout') throw new TimeoutError(this.timeoutMs, url);
      throw new NetworkError(url, error instanceof TransportError ? error.code : undefined, error);
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
