import type { TokenPair } from '../../../schemas/validators.ts';
import { actions, REFRESH_PATH, TOKEN_PATH } from '../support/routes.ts';
import type { Mutant } from '../types.ts';

export const snakeCaseRefreshToken: Mutant = {
  name: 'snake-case-refresh-token',
  category: 'response-shape',
  defect: 'The refresh token is sent as refresh_token (the OAuth 2.0 spelling), so refreshToken is missing.',
  violates: ['conformance:TOKEN-01', 'conformance:REFRESH-01', 'contract:PACT-01 (refreshToken missing)'],
  expected: 'fail',
  extend(context) {
    const { grant, refresh } = actions(context);
    const oauthStyle = ({ refreshToken, ...rest }: TokenPair) =>
      ({ ...rest, refresh_token: refreshToken }) as unknown as TokenPair;
    context.routes[TOKEN_PATH] = async (form, ctx) => oauthStyle(await grant(form, ctx));
    context.routes[REFRESH_PATH] = async (form, ctx) => oauthStyle(await refresh(form, ctx));
  },
};
