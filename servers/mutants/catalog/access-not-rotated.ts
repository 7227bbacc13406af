import { actions, REFRESH_PATH, TOKEN_PATH } from '../support/routes.ts';
import type { Mutant } from '../types.ts';

export const accessNotRotated: Mutant = {
  name: 'access-not-rotated',
  category: 'rotation',
  defect:
    'Refresh rotates the refresh token but hands back the access token of the original login (cached per session).',
  violates: [
    'conformance:REFRESH-02',
    'conformance:REFRESH-08',
    'conformance:TOKEN-12',
    'load:LOAD-05 (the unrotated access token repeats)',
  ],
  expected: 'fail',
  extend(context) {
    const { grant, refresh } = actions(context);
    const sessionToken = new Map<string, string>(); // refresh token → the session's access token
    context.routes[TOKEN_PATH] = async (form, ctx) => {
      const pair = await grant(form, ctx);
      sessionToken.set(pair.refreshToken, pair.token);
      return pair;
    };
    context.routes[REFRESH_PATH] = async (form, ctx) => {
      const pair = await refresh(form, ctx);
      const token = sessionToken.get(form.refreshToken ?? '') ?? pair.token;
      sessionToken.set(pair.refreshToken, token);
      return { ...pair, token };
    };
  },
};
