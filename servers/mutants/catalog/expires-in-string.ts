import type { TokenPair } from '../../../schemas/validators.ts';
import { actions, REFRESH_PATH, TOKEN_PATH } from '../support/routes.ts';
import type { Mutant } from '../types.ts';

export const expiresInString: Mutant = {
  name: 'expires-in-string',
  category: 'response-shape',
  defect: 'expiresIn is sent as the string "3600" (read from an env var and never converted).',
  violates: [
    'conformance:TOKEN-01',
    'conformance:REFRESH-01',
    'contract:PACT-01 (integer matcher on expiresIn)',
    'load:LOAD-01 (every pair fails its check)',
  ],
  expected: 'fail',
  extend(context) {
    const { grant, refresh } = actions(context);
    const asString = (pair: TokenPair) => ({ ...pair, expiresIn: String(pair.expiresIn) }) as unknown as TokenPair;
    context.routes[TOKEN_PATH] = async (form, ctx) => asString(await grant(form, ctx));
    context.routes[REFRESH_PATH] = async (form, ctx) => asString(await refresh(form, ctx));
  },
};
