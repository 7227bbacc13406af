// The verifier's view of a target: bounded HTTP exchanges (client/transport.ts), a circuit breaker for a
// target that stopped answering, and a record of every token seen (for uniqueness and for redaction).
// Throttled answers are waited out and resent, and failed logins on the configured account are counted and
// capped (client/run-guards.ts): the checks only ever see answers the server judged.
import { rawExchange, type RawAnswer } from '../client/raw-exchange.ts';
import { rawHeaders, throttlingOf } from '../client/retry-after.ts';
import { runGuards, type RunGuards } from '../client/run-guards.ts';
import type { TlsTrust } from '../client/tls.ts';
import { Transport, TransportError } from '../client/transport.ts';
import { validateOpaqueTokenResponse, type TokenPair } from '../schemas/validators.ts';
import { loginBody } from './checks/login-form.ts';
import { describeAnswer } from './evidence.ts';
import type { Exchange } from './exchange.ts';
import type { Target } from '../verdict/types.ts';
import { PATHS, WRONG_PASSWORD } from '../schemas/documented-api.ts';
import { passwordForms } from '../verdict/redact.ts';

/**
 * Not sent: one endpoint failed BREAKER_LIMIT requests in a row during the current check (the breaker is per
 * endpoint and per check: it bounds a check against a hanging endpoint, never silences the next check or
 * another endpoint). What depended on it is inconclusive; the failures that opened it stay findings.
 */
export class BreakerOpen extends Error {}

/** A check needed a token pair and the password grant did not give one. The check is inconclusive. */
export class NeedsTokenPair extends Error {}

const FORM = 'application/x-www-form-urlencoded';
const BREAKER_LIMIT = 3;

export interface ProbeRequest {
  body?: string | Uint8Array;
  headers?: Record<string, string>;
  /**
   * A closed connection is an answer this request may get (a body too large: RFC 9110 §15.5.14 lets a server
   * close the connection): it still throws, but does not count toward the endpoint's breaker.
   */
  closeAllowed?: boolean;
}
/** Bodies larger than this are cut (the API's answers are well under 2 KiB). */
const MAX_BODY_BYTES = 256 * 1024;

export class Probe {
  /** Every token seen, with what it was (token or refreshToken) and the request that brought it. */
  readonly tokens = new Map<string, { kind: string; request: string; answeredAt: number }>();
  /** Tokens that came back a second time, with where (kind) they were first seen. */
  readonly repeats: string[] = [];
  /** Answers that reflected a password the request submitted (SECRET-01 reads them all, 200 bodies included). */
  readonly echoes: string[] = [];
  /** Answers searched for a submitted password. */
  answersSearched = 0;
  /** Transport failures in a row, per endpoint (its path), during the current check. */
  private readonly failuresInARow = new Map<string, number>();
  /** The check whose requests are being sent (the breakers start closed for each). */
  private scope = 'the preflight';
  private readonly transport: Transport;
  /** Failed logins on the configured account are sent once: the same request gets the same answer again. */
  private readonly failedLogins = new Map<string, Promise<Exchange>>();

  constructor(
    readonly target: Target,
    signal?: AbortSignal,
    /** Concurrent refreshes of one token in REFRESH-04 (TOKEN_SUITE_RACE_SIZE). */
    readonly raceSize = 24,
    /** The run's wait budget for throttled answers and its ledger of failed logins (one per run). */
    readonly guards: RunGuards = runGuards(target.credentials, undefined, signal),
  ) {
    this.transport = new Transport(
      { deadlineMs: target.timeoutMs, maxBodyBytes: MAX_BODY_BYTES, tls: target.tls },
      signal,
    );
  }

  /** A new check starts: every endpoint's breaker closes again. */
  beginCheck(id: string): void {
    this.scope = id;
    this.failuresInARow.clear();
  }

  get tls(): TlsTrust | undefined {
    return this.target.tls;
  }

  post(path: string, body: string, contentType = FORM, headers: Record<string, string> = {}): Promise<Exchange> {
    return this.request('POST', path, { body, headers: { 'content-type': contentType, ...headers } });
  }

  /** A username no server can have, new each run: for every wrong-credential case but the few counted ones. */
  get ghost(): string {
    return this.guards.logins.ghost;
  }

  request(method: string, path: string, init: ProbeRequest = {}): Promise<Exchange> {
    const url = `${this.target.baseUrl}${path}`;
    const kind = this.guards.logins.kindOf({ method, url, ...init });
    if (kind !== 'wrong-password') return this.send(method, url, init);
    const key = `${method} ${url} ${JSON.stringify(init.headers ?? {})} ${String(init.body)}`;
    let sent = this.failedLogins.get(key);
    if (!sent) this.failedLogins.set(key, (sent = this.send(method, url, init)));
    return sent;
  }

  private async send(method: string, url: string, { closeAllowed, ...init }: ProbeRequest): Promise<Exchange> {
    const path = new URL(url).pathname;
    this.checkBreaker(path);
    const { logins, throttle } = this.guards;
    const kind = logins.kindOf({ method, url, ...init });
    logins.admit(kind);
    let sentAt = performance.now();
    try {
      // When the request is throttled and sent again, it was sent when its last try started.
      const answer = await throttle.http(() => {
        sentAt = performance.now();
        return this.transport.send({ method, url, ...init });
      });
      this.failuresInARow.delete(path);
      logins.observe(kind, answer.status);
      const text = answer.body.toString('utf8');
      return this.record(
        {
          method,
          url,
          status: answer.status,
          headers: answer.headers,
          text,
          truncated: answer.truncated,
          ms: answer.ms,
        },
        String(init.body ?? ''),
        sentAt,
      );
    } catch (error) {
      const allowed = closeAllowed === true && error instanceof TransportError && error.kind === 'reset';
      if (error instanceof TransportError && error.kind !== 'aborted' && !allowed) this.countFailure(path);
      throw error;
    }
  }

  private checkBreaker(endpoint: string): void {
    if ((this.failuresInARow.get(endpoint) ?? 0) < BREAKER_LIMIT) return;
    throw new BreakerOpen(
      `not sent: ${endpoint} stopped answering during ${this.scope} (${BREAKER_LIMIT} failures in a row ` +
        `opened its breaker for the rest of ${this.scope}; other endpoints and checks are still sent)`,
    );
  }

  private countFailure(endpoint: string): void {
    this.failuresInARow.set(endpoint, (this.failuresInARow.get(endpoint) ?? 0) + 1);
  }

  /** Raw bytes on a fresh connection (TLS for https://), for requests a client library would refuse to send. */
  async raw(bytes: string): Promise<RawAnswer> {
    this.guards.logins.admit('other');
    const once = () =>
      rawExchange(this.target.baseUrl, bytes, {
        deadlineMs: this.target.timeoutMs,
        maxBytes: 64 * 1024,
        tls: this.target.tls,
      });
    const answer = await this.guards.throttle.send(once, (a) =>
      a.status === undefined ? undefined : throttlingOf(a.status, rawHeaders(a.text)),
    );
    this.searchForPasswords(bytes, answer.text, `a raw request → ${answer.status ?? 'no status line'}`);
    return answer;
  }

  loginBody(change: Record<string, string | undefined> = {}): string {
    return loginBody(this.target.credentials, change);
  }

  /** A password grant for this run's ghost username (it cannot exist): wrong credentials that lock nothing. */
  ghostBody(change: Record<string, string | undefined> = {}): string {
    return loginBody(this.target.credentials, { username: this.ghost, ...change });
  }

  /**
   * A fresh pair with the configured credentials, read leniently: any 2xx body with non-empty token and
   * refresh token strings (TOKEN-01 judges the shape; the other checks only need the tokens).
   * NeedsTokenPair when the target will not issue one.
   */
  async login(): Promise<TokenPair> {
    const ex = await this.post(PATHS.token, this.loginBody());
    if (ex.status >= 200 && ex.status < 300 && ex.issued?.token && ex.issued.refreshToken) return ex.issued;
    throw new NeedsTokenPair(`needs a token pair, and the password grant answered ${describeAnswer(ex)}`);
  }

  /** The documented refresh body, trailing '&=' included. */
  refresh(refreshToken: string): Promise<Exchange> {
    return this.post(PATHS.refresh, `refreshToken=${encodeURIComponent(refreshToken)}&=`);
  }

  close(): void {
    this.transport.close();
  }

  private record(answer: Omit<Exchange, 'json' | 'issued'>, body: string, sentAt: number): Exchange {
    let json: unknown;
    try {
      json = JSON.parse(answer.text);
    } catch {
      json = undefined;
    }
    const valid = answer.status >= 200 && answer.status < 300 ? validateOpaqueTokenResponse(json) : undefined;
    const issued = valid?.ok ? valid.value : tokenLike(json);
    const request = `${answer.method} ${answer.url} ${body}`;
    const retry = { refresh: answer.url.endsWith(PATHS.refresh), sentAt };
    if (issued) for (const key of ['token', 'refreshToken'] as const) this.remember(issued[key], key, request, retry);
    const text = issued ? answer.text.split(issued.token).join('').split(issued.refreshToken).join('') : answer.text;
    this.searchForPasswords(body, text, `${answer.method} ${answer.url} → ${answer.status}`);
    return { ...answer, json, issued };
  }

  /**
   * Whether the answer reflects a password the request submitted (the configured one or the wrong-password
   * canary, in any encoding), whatever its status. Tokens the answer issued are cut out first, so a token
   * that happens to contain the password's characters is not an echo.
   */
  private searchForPasswords(request: string, answer: string, what: string): void {
    this.answersSearched += 1;
    const secrets: [string, string][] = [
      ['the configured password', this.target.credentials.password],
      ['the wrong-password canary', WRONG_PASSWORD],
    ];
    for (const [name, secret] of secrets) {
      const forms = passwordForms(secret);
      if (!forms.some((form) => request.includes(form))) continue;
      if (forms.some((form) => answer.includes(form))) this.echoes.push(`${what}: the body reflects ${name}`);
    }
  }

  /**
   * With a rotation grace, a refresh sent again with the same refresh token inside the window (an idempotent
   * retry) may get the same pair again: that repeat alone is excused. A repeated password-grant token, or a
   * retry sent after the window (counted from the first answer, so never a repeat the server could have
   * sent inside it), is a repeat.
   */
  private remember(token: unknown, kind: string, request: string, retry: { refresh: boolean; sentAt: number }): void {
    if (typeof token !== 'string' || token === '') return;
    const first = this.tokens.get(token);
    if (first === undefined) {
      this.tokens.set(token, { kind, request, answeredAt: performance.now() });
      return;
    }
    const graceMs = this.target.rotationGraceSeconds * 1000;
    const excused =
      graceMs > 0 && retry.refresh && first.request === request && retry.sentAt - first.answeredAt <= graceMs;
    if (!excused) this.repeats.push(`a ${kind} repeats an earlier ${first.kind}`);
  }
}

/** Any body with a non-empty token or refreshToken string counts as issuing a token, whatever else it holds. */
function tokenLike(json: unknown): TokenPair | undefined {
  const body = json as Partial<Record<string, unknown>> | undefined;
  const token = body?.token ?? body?.access_token;
  const refreshToken = body?.refreshToken ?? body?.refresh_token;
  if ((typeof token === 'string' && token) || (typeof refreshToken === 'string' && refreshToken)) {
    return { token: asText(token ?? ''), refreshToken: asText(refreshToken ?? ''), expiresIn: Number(body?.expiresIn) };
  }
  return undefined;
}

/** A JSON value as text: a string as it is, anything else as JSON (String() would print [object Object]). */
const asText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
