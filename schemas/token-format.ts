// The documented token format, read from the schema so there is one source of truth.
// No Node-only imports: k6 bundles use this module too.
import tokenResponse from './token-response.schema.json' with { type: 'json' };

export const TOKEN_LENGTH = tokenResponse.$defs.documentedToken.maxLength;
export const TOKEN_PATTERN_SOURCE = tokenResponse.$defs.documentedToken.pattern;
export const TOKEN_PATTERN = new RegExp(TOKEN_PATTERN_SOURCE);
export const DOCUMENTED_EXPIRES_IN = 3600;
/** Hex digits of the UUIDv4 prefix, and the alphanumeric tail that follows. */
export const UUID_HEX_LENGTH = 32;
export const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function isDocumentedToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value);
}

/** A token as it may appear in logs and reports: a short prefix and the length, never the whole secret. */
export function redactToken(value: string): string {
  return `${value.slice(0, 6)}…(${value.length} chars)`;
}

/**
 * Every token-like run in a text cut to its short form: 40 or more characters of the base64 and base64url
 * alphabets with at least 3 digits and 3 letters and few slashes (random tokens have them; paths do not).
 */
export function redactTokensIn(text: string): string {
  return text.replace(/[A-Za-z0-9+/_-]{40,}=*/g, (run) => (looksRandom(run) ? redactToken(run) : run));
}

function looksRandom(run: string): boolean {
  const digits = run.replace(/[^0-9]/g, '').length;
  const letters = run.replace(/[^A-Za-z]/g, '').length;
  const slashes = run.replace(/[^/]/g, '').length;
  return digits >= 3 && letters >= 3 && slashes * 10 < run.length;
}
