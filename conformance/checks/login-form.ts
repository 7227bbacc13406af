// Password-grant bodies built from the configured credentials, with one thing changed.
import type { Credentials } from '../../client/token-client.ts';
import { form } from './form.ts';

export function loginFields(
  credentials: Credentials,
  change: Record<string, string | undefined> = {},
): Record<string, string> {
  const fields: Record<string, string | undefined> = { grantType: 'password', ...credentials, ...change };
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

export const loginBody = (credentials: Credentials, change: Record<string, string | undefined> = {}) =>
  form(loginFields(credentials, change));
