// POST /v1/token: the password grant.
import type { Action } from '../context.ts';
import { invalidClient, invalidGrant, invalidRequest, unsupportedGrantType } from '../errors.ts';
import { required } from '../form.ts';

export const passwordGrant: Action = async (form, context) => {
  const grantType = form.grantType;
  if (grantType === undefined || grantType === '') throw invalidRequest("the parameter 'grantType' is required");
  if (grantType !== 'password') throw unsupportedGrantType('only the password grant is supported');
  const clientId = required(form, 'clientId');
  const username = required(form, 'username');
  const password = required(form, 'password');
  if (!context.directory.hasClient(clientId)) throw invalidClient('unknown client');
  if (!(await context.directory.authenticate(username, password))) throw invalidGrant('invalid username or password');
  return {
    token: context.newAccessToken(),
    refreshToken: context.store.issue(clientId, username),
    expiresIn: context.accessTtlSeconds,
  };
};
