// The alt server rejects every bad request with a problem+json 4xx of its own choosing, without a token.
import assert from 'node:assert/strict';
import { form, issued, login, LOGIN, refresh, send, tokens, type Answer } from '../../testing/http.ts';
import { withAlt } from '../../testing/alt-server.ts';

const { password: _password, ...noPassword } = LOGIN;

const CASES: [string, number, (base: string) => Promise<Answer>][] = [
  ['a wrong password is 401', 401, (base) => login(base, { password: 'Wrong-Guess-123' })],
  ['an unknown user is 401', 401, (base) => login(base, { username: 'nobody@example.com' })],
  ['an unknown client is 403', 403, (base) => login(base, { clientId: '00000000-0000-4000-8000-000000000000' })],
  ['a missing password is 422', 422, (base) => send(base, '/v1/token', form(noPassword))],
  ['a missing grantType is 422', 422, (base) => login(base, { grantType: '' })],
  ['an unsupported grant type is 400', 400, (base) => login(base, { grantType: 'client_credentials' })],
  [
    'malformed percent-encoding is 400',
    400,
    (base) => send(base, '/v1/token', `${form(noPassword)}&password=%E0%A4%A`),
  ],
  ['a repeated field is 400', 400, (base) => send(base, '/v1/token', `${form(LOGIN)}&password=other`)],
  [
    'a JSON body is 415',
    415,
    (base) => send(base, '/v1/token', JSON.stringify(LOGIN), { contentType: 'application/json' }),
  ],
  [
    'GET with query credentials is 405',
    405,
    (base) => send(base, `/v1/token?${form(LOGIN)}`, undefined, { method: 'GET', contentType: null }),
  ],
  ['a body over 4 KiB is 413', 413, (base) => send(base, '/v1/token', `${form(LOGIN)}&pad=${'x'.repeat(5000)}`)],
  ['an unknown path is 404', 404, (base) => send(base, '/v1/tokens', form(LOGIN))],
  ['an unknown refresh token is 401', 401, (base) => refresh(base, 'a'.repeat(43))],
  ['an empty refresh token is 422', 422, (base) => refresh(base, '')],
  [
    'an access token presented as a refresh token is 401',
    401,
    async (base) => refresh(base, (await tokens(base)).token),
  ],
];

describe('alt server: errors are problem+json 4xx answers without tokens', () => {
  for (const [title, status, request] of CASES) {
    it(title, async () => {
      const answer = await withAlt({}, request);
      assert.equal(answer.status, status, answer.text);
      assert.equal(issued(answer), false);
      assert.match(answer.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.equal(answer.json?.status, status);
      assert.equal(typeof answer.json?.title, 'string');
      assert.match(answer.headers.get('cache-control') ?? '', /no-store/);
    });
  }

  it('never reflects the submitted password', async () => {
    const answer = await withAlt({}, (base) => login(base, { password: 'Wrong-Guess-123' }));
    assert.equal(answer.text.includes('Wrong-Guess-123'), false);
  });
});
