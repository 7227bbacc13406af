// The error answers of the OpenAPI document. The docs define none: these are the OAuth 2.0 (RFC 6749
// §5.2) errors the reference server gives, built with its own error values, each with a request that
// provokes it (the OpenAPI test sends every one to the reference server and compares the answer).
import {
  invalidClient,
  invalidGrant,
  invalidRequest,
  payloadTooLarge,
  unsupportedGrantType,
  unsupportedMediaType,
  type OAuthError,
} from '../servers/reference/errors.ts';
import { DOCUMENTED_CREDENTIALS } from './examples.ts';

export interface ErrorExample {
  name: string;
  summary: string;
  error: OAuthError;
  /** The request that provokes it: a form body, or a raw body with its content type. */
  request: { body: string; contentType?: string };
  /** Spend the refresh token first (replay examples). */
  spendFirst?: boolean;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const login = (fields: Record<string, string> = {}) =>
  form({ grantType: 'password', ...DOCUMENTED_CREDENTIALS, ...fields });
/** Placeholder the test replaces with a live refresh token. */
export const LIVE_REFRESH_TOKEN = '{live refresh token}';
const BODY_LIMIT_BYTES = 8192;

export const TOKEN_ERRORS: ErrorExample[] = [
  {
    name: 'missing_field',
    summary: 'A required field is missing or empty',
    error: invalidRequest("the parameter 'username' is required"),
    request: { body: login({ username: '' }) },
  },
  {
    name: 'unsupported_grant_type',
    summary: 'A grantType other than password',
    error: unsupportedGrantType('only the password grant is supported'),
    request: { body: login({ grantType: 'client_credentials' }) },
  },
  {
    name: 'wrong_password',
    summary: 'A wrong password (or an unknown user)',
    error: invalidGrant('invalid username or password'),
    request: { body: login({ password: 'not-the-password' }) },
  },
];

export const TOKEN_CLIENT_ERRORS: ErrorExample[] = [
  {
    name: 'unknown_client',
    summary: 'An unknown clientId',
    error: invalidClient('unknown client'),
    request: { body: login({ clientId: '0b6c3f52-7d1e-4a9b-8f27-3c5e9d6a1f04' }) },
  },
];

export const REFRESH_ERRORS: ErrorExample[] = [
  {
    name: 'missing_refresh_token',
    summary: 'No refreshToken field',
    error: invalidRequest("the parameter 'refreshToken' is required"),
    request: { body: '' },
  },
  {
    name: 'unknown_refresh_token',
    summary: 'A refresh token the server never issued',
    error: invalidGrant('unknown refresh token'),
    request: { body: form({ refreshToken: `0${'a'.repeat(255)}` }) },
  },
  {
    name: 'replayed_refresh_token',
    summary: 'A refresh token that was already used: its whole family is revoked (RFC 9700 §4.14.2)',
    error: invalidGrant('the refresh token was already used; its token family is revoked'),
    request: { body: form({ refreshToken: LIVE_REFRESH_TOKEN }) },
    spendFirst: true,
  },
];

export const COMMON_ERRORS: Record<'413' | '415', ErrorExample> = {
  '413': {
    name: 'too_large',
    summary: `A body over ${BODY_LIMIT_BYTES} bytes`,
    error: payloadTooLarge(BODY_LIMIT_BYTES),
    request: { body: login({ password: 'x'.repeat(BODY_LIMIT_BYTES) }) },
  },
  '415': {
    name: 'not_a_form',
    summary: 'A body that is not application/x-www-form-urlencoded',
    error: unsupportedMediaType(),
    request: { body: '{"grantType":"password"}', contentType: 'application/json' },
  },
};

/** The JSON body the example error is answered with. */
export const errorBody = (e: OAuthError) => ({ error: e.code, error_description: e.description });
