import { invalidGrant, OAuthError } from '../../reference/errors.ts';
import { actions, TOKEN_PATH } from '../support/routes.ts';
import type { Mutant } from '../types.ts';

export const passwordInError: Mutant = {
  name: 'password-in-error',
  category: 'leakage',
  defect:
    'A failed login says which password was wrong: error_description reflects the submitted password ' +
    '(left over from debugging).',
  violates: ['conformance:SECRET-01'],
  expected: 'fail',
  extend(context) {
    const { grant } = actions(context);
    context.routes[TOKEN_PATH] = async (form, ctx) => {
      try {
        return await grant(form, ctx);
      } catch (error) {
        if (error instanceof OAuthError && error.code === 'invalid_grant') {
          throw invalidGrant(`wrong password '${form.password}' for user '${form.username}'`);
        }
        throw error;
      }
    };
  },
};
