// The two requests of the API, as plain data both engines turn into HTTP.
import { encodeForm } from './form.ts';
import { PATHS } from '../../schemas/documented-api.ts';

export type Endpoint = 'token' | 'refresh';
/** What the flow expects of the answer: a new pair, a rejection, or either (one member of a race; a SHOULD probe). */
export type Expectation = 'pair' | 'rejection' | 'race';

export interface Credentials {
  clientId: string;
  username: string;
  password: string;
}

export interface RequestSpec {
  endpoint: Endpoint;
  method: 'POST';
  path: string;
  body: string;
  expect: Expectation;
}

export const FORM_HEADERS = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };

// One grant request per credentials object: the same (unchanging) spec every time, so an engine can
// keep its bytes ready. Specs are never modified by their users.
const grants = new WeakMap<Credentials, RequestSpec>();

export function passwordGrantRequest(credentials: Credentials): RequestSpec {
  const known = grants.get(credentials);
  if (known) return known;
  const body = encodeForm({
    grantType: 'password',
    clientId: credentials.clientId,
    username: credentials.username,
    password: credentials.password,
  });
  const spec: RequestSpec = { endpoint: 'token', method: 'POST', path: PATHS.token, body, expect: 'pair' };
  grants.set(credentials, spec);
  return spec;
}

export function refreshRequest(refreshToken: string, expect: Expectation = 'pair'): RequestSpec {
  return { endpoint: 'refresh', method: 'POST', path: PATHS.refresh, body: encodeForm({ refreshToken }), expect };
}

/** The same as `expectedStatuses(expect).includes(status)`, without building a list. */
export function isExpectedStatus(expect: Expectation, status: number): boolean {
  const rejection = status >= 400 && status < 500;
  if (expect === 'pair') return status === 200;
  if (expect === 'rejection') return rejection;
  return status === 200 || rejection;
}

/** Any 4xx: the docs do not say which status a rejection has. */
const CLIENT_ERRORS = Array.from({ length: 100 }, (_, i) => 400 + i);

/** Statuses that count as expected answers (k6's http_req_failed, the Node engine's errors). */
export function expectedStatuses(expect: Expectation): number[] {
  if (expect === 'pair') return [200];
  if (expect === 'rejection') return CLIENT_ERRORS;
  return [200, ...CLIENT_ERRORS];
}
