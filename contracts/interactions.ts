// Request and response templates of the contract. Responses use matchers, so the contract pins the
// shape (token format, integer expiresIn, error code), not the values. Request fields that depend on
// the provider's data are provider-state injected: the verifier replaces them with what a state returned.
import { MatchersV3, type V3Request, type V3Response } from '@pact-foundation/pact';
import type { Credentials } from '../client/token-client.ts';
import { TOKEN_PATTERN_SOURCE } from '../schemas/token-format.ts';
import { DOCUMENTED_CREDENTIALS, DOCUMENTED_REFRESHED_PAIR } from './examples.ts';
import { PATHS } from '../schemas/documented-api.ts';

const { regex, integer, fromProviderState } = MatchersV3;
const FORM = 'application/x-www-form-urlencoded';
const JSON_CONTENT_TYPE = regex('^application/json(;.*)?$', 'application/json');

function formRequest(path: string, body: Record<string, unknown>): V3Request {
  return { method: 'POST', path, headers: { 'Content-Type': FORM }, contentType: FORM, body };
}

/** The documented credentials, each replaced by the provider-state value of the same name. */
const injectedCredentials = {
  clientId: fromProviderState('${clientId}', DOCUMENTED_CREDENTIALS.clientId),
  username: fromProviderState('${username}', DOCUMENTED_CREDENTIALS.username),
  password: fromProviderState('${password}', DOCUMENTED_CREDENTIALS.password),
};

export function tokenRequest(fields: Partial<Record<keyof Credentials | 'grantType', unknown>>): V3Request {
  return formRequest(PATHS.token, { grantType: 'password', ...injectedCredentials, ...fields });
}

/** A refresh of the token the state named: `${refreshToken}` comes from the provider state. */
export function refreshRequest(example: string, injected = true): V3Request {
  return formRequest(PATHS.refresh, {
    refreshToken: injected ? fromProviderState('${refreshToken}', example) : example,
  });
}

export function tokenPairResponse(example = DOCUMENTED_REFRESHED_PAIR): V3Response {
  return {
    status: 200,
    headers: { 'Content-Type': JSON_CONTENT_TYPE },
    body: {
      token: regex(TOKEN_PATTERN_SOURCE, example.token),
      refreshToken: regex(TOKEN_PATTERN_SOURCE, example.refreshToken),
      expiresIn: integer(example.expiresIn),
    },
  };
}

/** An OAuth error: the status and the `error` code are pinned; the description is free. */
export function errorResponse(status: number, error: string): V3Response {
  return { status, headers: { 'Content-Type': JSON_CONTENT_TYPE }, body: { error } };
}
