// Bad password grants: each must get a 4xx and no token.
import { Evidence, type Check } from '../../check.ts';
import { loginBody, WRONG_PASSWORD } from '../login-form.ts';

type Change = Record<string, string | undefined>;

function rejects(id: string, title: string, cases: [string, Change][]): Check {
  return {
    id,
    title,
    level: 'MUST',
    source: 'docs: Get token; RFC 6749 §5.2',
    async run(probe) {
      const e = new Evidence();
      for (const [what, change] of cases)
        e.rejected(await probe.post('/v1/token', loginBody(probe.target.credentials, change)), what);
      return e.done();
    },
  };
}

export const rejectsWrongPassword = rejects('TOKEN-04', 'A wrong password is rejected with a 4xx and no token', [
  ['wrong password', { password: WRONG_PASSWORD }],
  ['password with a different case', { password: 'X' + WRONG_PASSWORD.toUpperCase() }],
  ['unknown username', { username: 'no-such-user-3b1e@example.invalid' }],
]);

export const rejectsUnknownClient = rejects('TOKEN-05', 'An unknown clientId is rejected with a 4xx and no token', [
  ['unknown clientId', { clientId: '00000000-0000-4000-8000-000000000000' }],
  ['empty clientId', { clientId: '' }],
  ['missing clientId', { clientId: undefined }],
]);

export const rejectsBadGrantType = rejects(
  'TOKEN-06',
  'An unsupported or missing grantType is rejected with a 4xx and no token',
  [
    ['grantType client_credentials', { grantType: 'client_credentials' }],
    ['grantType refresh_token', { grantType: 'refresh_token' }],
    ['grantType PASSWORD (case differs)', { grantType: 'PASSWORD' }],
    ['missing grantType', { grantType: undefined }],
    ['empty grantType', { grantType: '' }],
  ],
);

export const rejectsMissingCredentials = rejects(
  'TOKEN-07',
  'A missing or empty username or password is rejected with a 4xx and no token',
  [
    ['missing username', { username: undefined }],
    ['empty username', { username: '' }],
    ['missing password', { password: undefined }],
    ['empty password', { password: '' }],
  ],
);
