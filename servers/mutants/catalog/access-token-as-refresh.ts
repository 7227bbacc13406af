import type { TokenPair } from '../../../schemas/validators.ts';
import { actions, REFRESH_PATH, TOKEN_PATH } from '../support/routes.ts';
import type { Mutant } from '../types.ts';

interface Owner {
  clientId: string;
  username: string;
}

export const accessTokenAsRefresh: Mutant = {
  name: 'access-token-as-refresh',
  category: 'replay',
  defect:
    'One token table for both kinds: ' +
    'an access token presented to the refresh endpoint is rotated like a refresh token.',
  violates: ['conformance:REFRESH-07'],
  expected: 'fail',
  extend(context) {
    const { grant, refresh } = actions(context);
    const accessOwners = new Map<string, Owner>();
    const refreshOwners = new Map<string, Owner>();
    const remember = (pair: TokenPair, owner: Owner | undefined): TokenPair => {
      if (owner) {
        accessOwners.set(pair.token, owner);
        refreshOwners.set(pair.refreshToken, owner);
      }
      return pair;
    };
    context.routes[TOKEN_PATH] = async (form, ctx) =>
      remember(await grant(form, ctx), { clientId: form.clientId!, username: form.username! });
    context.routes[REFRESH_PATH] = async (form, ctx) => {
      const presented = form.refreshToken ?? '';
      const owner = accessOwners.get(presented);
      if (!owner) return remember(await refresh(form, ctx), refreshOwners.get(presented));
      accessOwners.delete(presented);
      const refreshToken = ctx.store.issue(owner.clientId, owner.username);
      return remember({ token: ctx.newAccessToken(), refreshToken, expiresIn: ctx.accessTtlSeconds }, owner);
    };
  },
};
