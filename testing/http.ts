// The one HTTP kit of the tests, the defect probes and the test servers' clients: raw answers (status,
// headers, text, parsed JSON or undefined), never a thrown error for a status.
import { DOCUMENTED_CREDENTIALS } from '../schemas/documented-api.ts';

export const LOGIN: Readonly<Record<string, string>> = { grantType: 'password', ...DOCUMENTED_CREDENTIALS };
export const FORM = 'application/x-www-form-urlencoded';
/** The documented login body: grantType=password&clientId=57f9…&username=crm%40fidilio.com&password=12312312. */
export const DOC_LOGIN = new URLSearchParams(LOGIN).toString();

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown> | undefined;
}

export interface SendOptions {
  method?: string;
  /** null: no Content-Type header at all. */
  contentType?: string | null;
  headers?: Record<string, string>;
}

export function send(base: string, path: string, body?: string, options: SendOptions = {}): Promise<Answer> {
  return request(base + path, body, options);
}

/** A form POST to a full URL (another Content-Type, or extra headers, when given). */
export const post = (url: string, body: string, contentType = FORM, headers: Record<string, string> = {}) =>
  request(url, body, { contentType, headers });

async function request(url: string, body: string | undefined, options: SendOptions): Promise<Answer> {
  const { method = 'POST', contentType = FORM, headers = {} } = options;
  const response = await fetch(url, {
    method,
    headers: { ...(contentType === null ? {} : { 'content-type': contentType }), ...headers },
    // A Uint8Array body makes fetch add no Content-Type of its own.
    ...(body === undefined ? {} : { body: new TextEncoder().encode(body) }),
  });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();

export const login = (base: string, changes: Record<string, string> = {}): Promise<Answer> =>
  send(base, '/v1/token', form({ ...LOGIN, ...changes }));

/** The documented refresh body, trailing '&=' included. */
export const refreshBody = (refreshToken: string): string => `${form({ refreshToken })}&=`;

export const refresh = (base: string, refreshToken: string): Promise<Answer> =>
  send(base, '/v1/refresh/token', refreshBody(refreshToken));

/** A 2xx answer carrying a token of either kind. */
export const issued = (answer: Answer): boolean =>
  answer.status >= 200 &&
  answer.status < 300 &&
  answer.json !== undefined &&
  ('token' in answer.json || 'refreshToken' in answer.json);

export interface Tokens {
  token: string;
  refreshToken: string;
}

/** Logs in with the documented credentials; throws unless that yields both tokens. */
export async function tokens(base: string): Promise<Tokens> {
  return tokensOf(await login(base));
}

export function tokensOf(answer: Answer): Tokens {
  const { token, refreshToken } = answer.json ?? {};
  if (answer.status !== 200 || typeof token !== 'string' || typeof refreshToken !== 'string') {
    throw new Error(`expected a token pair, got ${answer.status} ${answer.text.slice(0, 200)}`);
  }
  return { token, refreshToken };
}

/** The longest run of positions where two strings hold the same character. */
export function longestAlignedRun(a: string, b: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    run = a[i] === b[i] ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}
