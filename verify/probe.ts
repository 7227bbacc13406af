// The verifier's view of a target: raw HTTP exchanges with a timeout, a circuit breaker for dead targets,
// and a record of every token seen (for uniqueness and for redaction).
import { connect } from 'node:net';
import { systemCode } from '../client/errors.ts';
import { validateOpaqueTokenResponse, type TokenPair } from '../schemas/validators.ts';
import type { Target } from './types.ts';

export interface Exchange {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
  /** The body is a success body carrying a token: what must never happen on bad input. */
  issued: TokenPair | undefined;
  ms: number;
}

export class TargetUnavailable extends Error {}

const FORM = 'application/x-www-form-urlencoded';
const BREAKER_LIMIT = 3;

export class Probe {
  /** Every token seen, with what it was (token or refreshToken) and the request that brought it. */
  readonly tokens = new Map<string, { kind: string; request: string }>();
  /** Tokens that came back a second time, with where (kind) they were first seen. */
  readonly repeats: string[] = [];
  private failuresInARow = 0;

  constructor(readonly target: Target) {}

  post(path: string, body: string, contentType = FORM, headers: Record<string, string> = {}): Promise<Exchange> {
    return this.request('POST', path, { body, headers: { 'content-type': contentType, ...headers } });
  }

  async request(
    method: string,
    path: string,
    init: { body?: string | Uint8Array<ArrayBuffer>; headers?: Record<string, string> } = {},
  ): Promise<Exchange> {
    if (this.failuresInARow >= BREAKER_LIMIT)
      throw new TargetUnavailable(`the target stopped answering (${BREAKER_LIMIT} failures in a row)`);
    const started = performance.now();
    try {
      const res = await fetch(`${this.target.baseUrl}${path}`, {
        method,
        ...init,
        signal: AbortSignal.timeout(this.target.timeoutMs),
        redirect: 'manual',
      });
      const text = await res.text();
      this.failuresInARow = 0;
      return this.record(
        res.status,
        res.headers,
        text,
        performance.now() - started,
        `${method} ${path} ${String(init.body ?? '')}`,
      );
    } catch (error) {
      this.failuresInARow += 1;
      const name =
        (error as Error).name === 'TimeoutError'
          ? `no answer within ${this.target.timeoutMs} ms`
          : (systemCode(error) ?? (error as Error).message);
      throw new TargetUnavailable(`${method} ${path}: ${name}`);
    }
  }

  /** Writes raw bytes on a fresh connection and returns what came back (for requests fetch cannot send). */
  raw(bytes: string): Promise<string> {
    const url = new URL(this.target.baseUrl);
    return new Promise((resolve) => {
      let data = '';
      const socket = connect(Number(url.port || 80), url.hostname, () => socket.end(bytes));
      socket.setTimeout(this.target.timeoutMs, () => socket.destroy());
      socket.on('data', (chunk) => (data += chunk));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(data));
    });
  }

  /** A fresh pair with the configured credentials; throws when the target will not issue one. */
  async login(): Promise<TokenPair> {
    const { clientId, username, password } = this.target.credentials;
    const ex = await this.post(
      '/v1/token',
      new URLSearchParams({ grantType: 'password', clientId, username, password }).toString(),
    );
    if (!ex.issued)
      throw new TargetUnavailable(
        `the password grant with the configured credentials answered ${ex.status}, not a token pair`,
      );
    return ex.issued;
  }

  /** The documented refresh body, trailing '&=' included. */
  refresh(refreshToken: string): Promise<Exchange> {
    return this.post('/v1/refresh/token', `refreshToken=${encodeURIComponent(refreshToken)}&=`);
  }

  private record(status: number, headers: Headers, text: string, ms: number, request: string): Exchange {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const valid = status >= 200 && status < 300 ? validateOpaqueTokenResponse(json) : undefined;
    const issued = valid?.ok ? valid.value : tokenLike(json);
    if (issued) for (const key of ['token', 'refreshToken'] as const) this.remember(issued[key], key, request);
    return { status, headers, text, json, issued, ms };
  }

  /** With a rotation grace, the same request (a refresh inside the window) may get the same pair again. */
  private remember(token: unknown, kind: string, request: string): void {
    if (typeof token !== 'string' || token === '') return;
    const first = this.tokens.get(token);
    if (first === undefined) this.tokens.set(token, { kind, request });
    else if (!(this.target.rotationGraceSeconds > 0 && first.request === request))
      this.repeats.push(`a ${kind} repeats an earlier ${first.kind}`);
  }
}

/** Any body with a non-empty token or refreshToken string counts as issuing a token, whatever else it holds. */
function tokenLike(json: unknown): TokenPair | undefined {
  const body = json as Partial<Record<string, unknown>> | undefined;
  const token = body?.token ?? body?.access_token;
  const refreshToken = body?.refreshToken ?? body?.refresh_token;
  if ((typeof token === 'string' && token) || (typeof refreshToken === 'string' && refreshToken)) {
    return { token: String(token ?? ''), refreshToken: String(refreshToken ?? ''), expiresIn: Number(body?.expiresIn) };
  }
  return undefined;
}
