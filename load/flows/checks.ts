// Response checks, with the precompiled standalone validators (no `new Function` at load time).
import {
  validateOpaqueTokenResponse,
  validateTokenResponse,
  type StandaloneValidator,
} from '../validators/standalone.js';
import { isThrottled } from './throttle.ts';

export type TokenFormat = 'documented' | 'opaque';
export interface TokenPair {
  token: string;
  refreshToken: string;
  expiresIn: number;
}
export interface ResponseLike {
  status: number;
  body: string | null;
  /** No answer within the deadline (--timeout): the server held the request (status 0). */
  timedOut?: boolean;
  /** The Retry-After header, when the answer had one (a 503 with it is throttled: see throttle.ts). */
  retryAfter?: string | null;
}

/** A 429, or a 503 with Retry-After: the limiter's answer, evidence of nothing about the request. */
export function isThrottledAnswer(response: ResponseLike): boolean {
  return isThrottled(response.status, response.retryAfter);
}

export type PairCheck = { ok: true; pair: TokenPair } | { ok: false; problem: string };

export function checkPair(response: ResponseLike, format: TokenFormat): PairCheck {
  if (response.status !== 200) return { ok: false, problem: `status ${response.status}` };
  const body = parseJson(response.body);
  const validate: StandaloneValidator = format === 'opaque' ? validateOpaqueTokenResponse : validateTokenResponse;
  if (validate(body)) return { ok: true, pair: body as TokenPair };
  const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
  return { ok: false, problem: `token response: ${errors.join('; ')}` };
}

/** A rejection of a spent or revoked refresh token: any 4xx but 429 (the docs do not say which). */
export function isRejection(response: ResponseLike): boolean {
  return response.status >= 400 && response.status < 500 && response.status !== 429;
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
