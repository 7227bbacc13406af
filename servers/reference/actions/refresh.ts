// POST /v1/refresh/token: refresh-token rotation with reuse detection.
import type { Action } from '../context.ts';
import { invalidGrant } from '../errors.ts';
import { required } from '../form.ts';

export const refresh: Action = (form, context) => {
  const presented = required(form, 'refreshToken');
  const rotation = context.store.rotate(presented);
  if (rotation.outcome === 'unknown') throw invalidGrant('unknown refresh token');
  if (rotation.outcome === 'expired') throw invalidGrant('the refresh token has expired');
  if (rotation.outcome === 'reused')
    throw invalidGrant('the refresh token was already used; its token family is revoked');
  if (form.clientId !== undefined && form.clientId !== rotation.family.clientId) {
    context.store.revoke(rotation.family);
    throw invalidGrant('the refresh token was issued to another client');
  }
  return {
    token: context.newAccessToken(),
    refreshToken: rotation.refreshToken,
    expiresIn: context.accessTtlSeconds,
  };
};
