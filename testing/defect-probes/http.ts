// Small HTTP helpers for the probes: raw answers (status, headers, text, parsed JSON), never thrown errors.
import { DOCUMENTED_CREDENTIALS } from '../../schemas/documented-api.ts';

export const LOGIN: Readonly<Record<string, string>> = { grantType: 'password', ...DOCUMENTED_CREDENTIALS };

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
}

export async function send(base: string, path: string, body?: string, options: SendOptions = {}): Promise<Answer> {
  const { method = 'POST', contentType = 'application/x-www-form-urlencoded' } = options;
  const response = await fetch(base + path, {
    method,
    headers: contentType === null ? {} : { 'content-type': contentType },
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
export const refresh = (base: string, refreshToken: string): Promise<Answer> =>
  send(base, '/v1/refresh/token', `${form({ refreshToken })}&=`);

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
