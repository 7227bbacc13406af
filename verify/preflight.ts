// Before any check: one documented password grant with the configured credentials. An answer that points at
// a configuration mistake (wrong credentials, a wrong path, not this API, nothing listening) stops the run with
// exit 2 and one sentence; a 200 JSON body that is not a valid pair is the server's failure, judged by the
// checks (TOKEN-01), never blamed on the configuration. No refresh: once the grant worked on this origin, the
// origin is right, and a refresh endpoint answering 404, 5xx, non-JSON or a redirect is the server's failure
// (REFRESH-01, exit 1), never "check --base-url".
import { validateOpaqueTokenResponse, type TokenPair } from '../schemas/validators.ts';
import { CannotRunError } from '../verdict/errors.ts';
import { bodyStart, describeAnswer } from '../conformance/evidence.ts';
import { TransportError } from '../client/transport.ts';
import { ThrottleBudgetSpent } from '../client/throttle.ts';
import type { Exchange } from '../conformance/exchange.ts';
import type { Probe } from '../conformance/probe.ts';
import { PATHS } from '../schemas/documented-api.ts';

export interface Preflight {
  /** The pair the documented grant issued, when it was a valid pair. */
  pair?: TokenPair;
  /** What the grant answered, for the report. */
  evidence: string[];
}

/** The target did not answer (nothing listening, no HTTP answer, a 5xx): a server still starting, for --wait-for. */
export class NotAnsweringError extends CannotRunError {}

const CREDENTIAL_VARIABLES = 'TOKEN_SUITE_CLIENT_ID, TOKEN_SUITE_USERNAME and TOKEN_SUITE_PASSWORD';

export async function preflight(probe: Probe): Promise<Preflight> {
  const grant = await answerTo(() => probe.post(PATHS.token, probe.loginBody()), probe);
  configurationMistake(grant, 'the documented password grant');
  if (grant.status !== 200 || grant.json === undefined) throw credentialsRejected(grant);
  const valid = validateOpaqueTokenResponse(grant.json);
  if (!valid.ok)
    return { evidence: [`password grant: ${describeAnswer(grant)}, not a valid token pair: ${valid.message}`] };
  return { pair: valid.value, evidence: [`password grant: ${grant.status}, a token pair`] };
}

async function answerTo(send: () => Promise<Exchange>, probe: Probe): Promise<Exchange> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof ThrottleBudgetSpent) throw new CannotRunError(`The preflight got no answer: ${error.reason}.`);
    if (!(error instanceof TransportError) || error.kind === 'aborted') throw error;
    const sentence = unreachableSentence(error, probe.target.baseUrl, probe.target.timeoutMs);
    throw error.kind === 'tls' ? new CannotRunError(sentence) : new NotAnsweringError(sentence);
  }
}

function unreachableSentence(error: TransportError, baseUrl: string, timeoutMs: number): string {
  if (error.kind === 'timeout') {
    return `${error.request.url} did not answer within ${timeoutMs} ms; check --base-url, or raise --timeout.`;
  }
  if (error.kind === 'refused' || error.kind === 'dns') {
    return `Cannot reach ${baseUrl} (${error.code}); check --base-url and that the server is running.`;
  }
  if (error.kind === 'tls') return tlsSentence(error);
  return (
    `${error.request.url} closed the connection without an HTTP answer (${error.code}); check that --base-url ` +
    `is an HTTP(S) server on that port, with the right scheme (http:// or https://).`
  );
}

/** One sentence per TLS problem, naming the flag that fixes it. */
function tlsSentence(error: TransportError): string {
  const where = new URL(error.request.url).origin;
  const seen = `${error.code} ${error.detail}`;
  if (/wrong version number|packet length too long|EPROTO/i.test(seen)) {
    return (
      `${where} does not speak TLS on that port (${error.code}); ` +
      `use http:// in --base-url, or the server's HTTPS port.`
    );
  }
  if (/CERTIFICATE_REQUIRED|certificate required|BAD_CERTIFICATE|UNKNOWN_CA/i.test(seen)) {
    return (
      `${where} refused the TLS handshake for want of a client certificate it accepts (${error.code}); ` +
      `pass it with --cert client.pem --key client.key (mutual TLS).`
    );
  }
  if (/altnames|hostname|HOSTNAME_MISMATCH|ERR_TLS_CERT_ALTNAME_INVALID/i.test(seen)) {
    return (
      `${where}'s certificate is not valid for that host name (${error.code}); ` +
      `use the name the certificate was issued for in --base-url, or --insecure to skip verification.`
    );
  }
  return (
    `${where}'s certificate is not trusted (${error.code}: ${error.detail}); ` +
    `pass its CA with --ca-file ca.pem (PEM), or --insecure to skip verification.`
  );
}

/** Throws when the answer says the suite is pointed at the wrong place. */
function configurationMistake(ex: Exchange, what: string): void {
  if (ex.status >= 300 && ex.status < 400) {
    const location = ex.headers.get('location');
    const to = location ? ` to ${location.slice(0, 200)}` : '';
    throw new CannotRunError(
      `${ex.method} ${ex.url} answered ${ex.status} to ${what}, a redirect${to}; ` +
        `the suite never follows redirects with credentials: use the final origin as --base-url.`,
    );
  }
  if (ex.status === 404) {
    throw new CannotRunError(
      `${ex.method} ${ex.url} answered 404 to ${what}: path not found; --base-url is the server's origin ` +
        `(e.g. https://auth.example.com), and the suite appends /v1/token and /v1/refresh/token.`,
    );
  }
  if (ex.json === undefined) {
    const type = ex.headers.get('content-type') ?? 'no content-type';
    throw new CannotRunError(
      `${ex.method} ${ex.url} answered ${ex.status} (${type}) to ${what}, not JSON: this does not look like ` +
        `the echon token API (the body starts ${bodyStart(ex)}); check --base-url.`,
    );
  }
  if (ex.status >= 500) {
    throw new NotAnsweringError(
      `${ex.method} ${ex.url} answered ${ex.status} to ${what} (${describeAnswer(ex)}): the server is failing ` +
        `or unavailable; rerun when it answers, the suite cannot judge it now.`,
    );
  }
}

function credentialsRejected(ex: Exchange): CannotRunError {
  return new CannotRunError(
    `${ex.method} ${ex.url} rejected the configured credentials with ${describeAnswer(ex)}; check ` +
      `${CREDENTIAL_VARIABLES} (default: the documented example client and user).`,
  );
}
