// Response checks, with the precompiled standalone validators (no `new Function` at load time).
import {
  validateOpaqueTokenResponse,
  validateTokenResponse,
  type StandaloneValidator,
} from '../validators/standalone.js';

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

/** A rejection of a spent or revoked refresh token: any 4xx (the docs do not say which). */
export function isRejection(response: ResponseLike): boolean {
  return response.status >= 400 && response.status < 500;
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
