import { invalidClient, invalidGrant, invalidRequest, unsupportedGrantType } from '../../reference/errors.ts';
import { required } from '../../reference/form.ts';
import { TOKEN_PATH } from '../support/routes.ts';
import type { Mutant } from '../types.ts';

export const unawaitedPasswordCheck: Mutant = {
  name: 'unawaited-password-check',
  category: 'auth-bypass',
  defect:
    'The password check is not awaited: `if (!authenticate(u, p))` tests a Promise, which is always truthy, ' +
    'so any password (and any user) gets tokens.',
  violates: [
    'conformance:TOKEN-04',
    'conformance:ROBUST-02',
    'contract:PACT-02 (the wrong-password interaction, SHOULD)',
  ],
  expected: 'fail',
  extend(context) {
    // eslint-disable-next-line @typescript-eslint/require-await -- the missing await is this mutant's defect
    context.routes[TOKEN_PATH] = async (form, ctx) => {
      if (!form.grantType) throw invalidRequest("the parameter 'grantType' is required");
      if (form.grantType !== 'password') throw unsupportedGrantType('only the password grant is supported');
      const clientId = required(form, 'clientId');
      const username = required(form, 'username');
      const password = required(form, 'password');
      if (!ctx.directory.hasClient(clientId)) throw invalidClient('unknown client');
      const authenticated: unknown = ctx.directory.authenticate(username, password); // the missing `await`
      if (!authenticated) throw invalidGrant('invalid username or password');
      return {
        token: ctx.newAccessToken(),
        refreshToken: ctx.store.issue(clientId, username),
        expiresIn: ctx.accessTtlSeconds,
      };
    };
  },
};
